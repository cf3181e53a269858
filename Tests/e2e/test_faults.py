# SPDX-License-Identifier: Apache-2.0
"""The promise under faults of Kinesis, the network and the process: an event whose POST got a
2xx reaches Kinesis, once per successful attempt. Every event carries a unique id (its userKey);
the check is "every id acknowledged with 200 is in the fake's record file", and duplicates are
counted. Each test prints one `FAULTS <test>: ...` line with its figures.

1. 30 % per-record ProvisionedThroughputExceeded + 1 % InternalFailure: only refused records are
   sent again, so 0 lost and 0 duplicates.
2. The endpoint refuses connections for a while under steady load: 0 lost, every POST still
   answered 200 (the spool keeps it), the backlog drains when the endpoint is back.
3. kill -9 at random moments under load (10 % of the records refused, so some wait for a retry
   at each kill; a fifth of the kills during start-up, a fifth in the middle of a SIGTERM drain),
   restarted on the same dataDir: 0 acknowledged events lost; duplicates only from
   calls in flight at the kill (at most maxConcurrentCalls x 500 per kill).

scripts/soak runs longer variants: FAULT_EVENTS, FAULT_OUTAGE_SECONDS, FAULT_OUTAGE_RATE,
FAULT_KILL_TRIALS, FAULT_KILL_RATE, FAULT_SEED.
"""

from __future__ import annotations

import collections
import os
import random
import signal
import time

import pytest

from faultkit import (Loader, check_delivery, env_int, fake_bin, fakes, loaders,  # noqa: F401
                      relays, summary_line, wait_delivery)

EVENTS = env_int("FAULT_EVENTS", 200_000)
OUTAGE_SECONDS = env_int("FAULT_OUTAGE_SECONDS", 60)
OUTAGE_RATE = env_int("FAULT_OUTAGE_RATE", 2000)
KILL_TRIALS = env_int("FAULT_KILL_TRIALS", 20)
KILL_RATE = env_int("FAULT_KILL_RATE", 20_000)    # events/s in the kill trials; 0 = flat out
SEED = env_int("FAULT_SEED", int.from_bytes(os.urandom(4), "big"))

MAX_CONCURRENT_CALLS = 4       # the relay's default
MAX_BATCH_RECORDS = 500        # the relay's default
IN_FLIGHT_RECORDS = MAX_CONCURRENT_CALLS * MAX_BATCH_RECORDS
CURSOR_WRITE_SECONDS = 0.020   # the spool writes its cursor at most this often (FileEventSpool default)


def no_unexpected_answers(loader: Loader) -> list[str]:
    statuses = {status: n for status, n in loader.status_counts.items() if status != 200}
    return ([f"statuses {statuses}"] if statuses else []) + loader.others[:5]


@pytest.mark.timeout_seconds(120 + EVENTS // 1000)
def test_refused_records_are_retried_alone(fakes, relays, loaders):
    fake = fakes(args=("--pte-rate", "0.3", "--internal-failure-rate", "0.01",
                       "--seed", str(SEED)))
    runner = relays(fake.port)
    runner.start()
    loader = loaders(runner.port, "pte", threads=4, target=EVENTS)
    loader.wait(timeout=60 + EVENTS // 2000)
    post_seconds = loader.stopped_at - loader.started_at
    delivery, drain = wait_delivery(fake, loader, "pte", timeout=120)
    stats = fake.stats()
    code = runner.current.terminate(timeout=30)
    errors = stats["recordErrors"]
    print(summary_line(
        "per-record-failures", 1, delivery,
        posting_s=f"{post_seconds:.1f}",
        ack_rate_per_s=f"{delivery.acknowledged / post_seconds:.0f}",
        drain_after_last_ack_s=f"{drain:.2f}", record_attempts=stats["recordsReceived"],
        pte=errors.get("ProvisionedThroughputExceededException", 0),
        internal_failure=errors.get("InternalFailure", 0), calls=stats["putRecordsCalls"],
        exit_code=code, seed=SEED))
    assert delivery.acknowledged >= EVENTS
    assert not no_unexpected_answers(loader), no_unexpected_answers(loader)
    assert loader.connection_errors == 0
    assert not delivery.lost, delivery.lost_message()
    assert delivery.duplicates == 0, f"duplicated ids, e.g. {delivery.duplicated_ids[:10]}"
    assert delivery.foreign == 0
    # The faults really happened, and only refused records were sent again.
    assert errors.get("ProvisionedThroughputExceededException", 0) > 0.25 * EVENTS
    assert errors.get("InternalFailure", 0) > 0.005 * EVENTS
    assert stats["recordsReceived"] == stats["recordsAccepted"] + stats["recordsFailed"]
    assert stats["recordsAccepted"] == delivery.records == delivery.acknowledged
    assert code == 0


@pytest.mark.timeout_seconds(180 + 2 * OUTAGE_SECONDS)
def test_endpoint_refuses_connections_then_backlog_drains(fakes, relays, loaders):
    fake = fakes()
    runner = relays(fake.port, config={"exporter": {"retryBaseDelay": 50, "retryMaxDelay": 2000}})
    runner.start()
    loader = loaders(runner.port, "outage", threads=4, rate=OUTAGE_RATE)
    time.sleep(3)
    accepted_before = fake.stats()["recordsAccepted"]
    fake.faults(refuseForSeconds=OUTAGE_SECONDS)
    refused_at = time.monotonic()
    reopen_at = refused_at + OUTAGE_SECONDS
    time.sleep(max(0.0, reopen_at - time.monotonic()))
    acked_at_reopen = loader.acked_events
    backlog = acked_at_reopen - accepted_before
    # Drained: everything acknowledged by the end of the outage has reached the fake.
    drained_at = None
    drain_limit = 60 + OUTAGE_SECONDS // 2
    while time.monotonic() < reopen_at + drain_limit:
        try:
            if fake.stats()["recordsAccepted"] >= acked_at_reopen:
                drained_at = time.monotonic()
                break
        except (OSError, RuntimeError):
            pass   # the fake binds its port again a moment after the window
        time.sleep(0.05)
    time.sleep(2)
    loader.stop()
    delivery, _ = wait_delivery(fake, loader, "outage", timeout=60)
    stats = fake.stats()
    code = runner.current.terminate(timeout=30)
    drain = f"{drained_at - reopen_at:.2f}" if drained_at else "never"
    print(summary_line(
        "connection-refused-outage", 1, delivery, outage_s=OUTAGE_SECONDS,
        load_events_per_s=OUTAGE_RATE, backlog_at_reopen=backlog, drain_after_reopen_s=drain,
        calls_failed=stats["callsFailed"], exit_code=code))
    assert not no_unexpected_answers(loader), no_unexpected_answers(loader)
    assert loader.connection_errors == 0
    assert backlog >= 0.9 * OUTAGE_SECONDS * OUTAGE_RATE, "the load fell behind during the outage"
    assert drained_at is not None, f"backlog of {backlog} not delivered {drain_limit} s after reopening"
    assert not delivery.lost, delivery.lost_message()
    # Only calls in flight when the connections were cut can be delivered twice.
    assert delivery.duplicates <= IN_FLIGHT_RECORDS, delivery.duplicated_ids[:10]
    assert delivery.foreign == 0
    assert code == 0


@pytest.mark.timeout_seconds(150 + 6 * KILL_TRIALS)
def test_kill9_at_random_moments_loses_nothing(fakes, relays, loaders):
    rng = random.Random(SEED)
    # Some records refused too: at a kill, records waiting for their retry must not count as sent.
    fake = fakes(args=("--delay-ms", "5", "--pte-rate", "0.1", "--seed", str(SEED)))
    runner = relays(fake.port)
    runner.start()
    loader = loaders(runner.port, "kill", threads=4, rate=KILL_RATE or None)
    kill_marks: list[int] = []        # records in the file right after each kill
    lifetimes: list[float] = []
    crashed: list[str] = []
    early_kills = drain_kills = 0
    for _ in range(KILL_TRIALS):
        spawned = runner.spawned_at[-1]
        moment = rng.random()
        if moment < 0.2:              # while it opens its spool and starts
            delay = rng.uniform(0.005, 0.15)
        else:
            delay = rng.uniform(0.3, 2.5)
        time.sleep(max(0.0, spawned + delay - time.monotonic()))
        if runner.current.process.poll() is not None:
            crashed.append(f"{runner.current.workdir}: exit {runner.current.process.returncode}")
        if moment > 0.8:              # in the middle of a SIGTERM drain
            runner.current.process.send_signal(signal.SIGTERM)
            time.sleep(rng.uniform(0.01, 0.3))
            drain_kills += runner.current.process.poll() is None
        runner.kill9()
        lifetimes.append(time.monotonic() - spawned)
        if "goff-relay listening" not in runner.current.stdout_text():
            early_kills += 1          # killed while opening its spool, before serving
        time.sleep(0.05)              # a call the fake already read is still answered
        kill_marks.append(fake.read())
        runner.start(wait=False)
    runner.current.wait_healthy()
    time.sleep(1)
    loader.stop()
    delivery, drain = wait_delivery(fake, loader, "kill", timeout=120)
    code = runner.current.terminate(timeout=30)
    # A duplicate's first copy was accepted during the incarnation that was killed before it could
    # mark it delivered: count them per kill.
    per_kill = collections.Counter()
    for number in delivery.duplicated_ids:
        position = delivery.tally.first[number]
        kill = next((k for k, mark in enumerate(kill_marks) if position < mark), len(kill_marks))
        per_kill[kill] += 1
    worst = max(per_kill.values(), default=0)
    print(summary_line(
        "kill-9", KILL_TRIALS, delivery, posted_events=loader.next_id,
        unacknowledged_delivered=delivery.unknown_delivered,
        kills_before_listening=early_kills, kills_during_sigterm_drain=drain_kills,
        kills_with_duplicates=sum(1 for k in per_kill if k < len(kill_marks)),
        max_duplicates_per_kill=worst,
        mean_lifetime_s=f"{sum(lifetimes) / len(lifetimes):.2f}", drain_after_load_s=f"{drain:.2f}",
        exit_code=code, seed=SEED))
    assert not crashed, crashed
    assert not delivery.lost, delivery.lost_message()
    assert delivery.acknowledged > 0 and delivery.foreign == 0
    assert per_kill.get(len(kill_marks), 0) == 0, "duplicates created after the last kill"
    # A kill re-sends the calls in flight and what was acknowledged since the cursor was last written.
    cursor_lag = int((KILL_RATE or 200_000) * CURSOR_WRITE_SECONDS * 1.5)
    assert worst <= IN_FLIGHT_RECORDS + cursor_lag, dict(per_kill)
    assert loader.others == [], loader.others[:5]
    assert code == 0
