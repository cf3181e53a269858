# SPDX-License-Identifier: Apache-2.0
"""The durable spool under faults (`dataDir/spool/<exporter>`), with the fault-injecting Kinesis.
Every event carries a unique id (its userKey); each test prints one `FAULTS <test>: ...` line.

4. The spool cap is reached while the endpoint is down: 503 with Retry-After (nothing of that
   request kept), and every acknowledged event arrives once the endpoint is up.
5. The spool tail is damaged on disk while the relay is stopped (garbage appended, bytes flipped
   in a frame, a frame torn in half): the relay starts, cuts the segment at the first bad frame,
   delivers every event before it, never sends damaged bytes, and keeps accepting.
6. A relay stopped with a backlog resumes sending within 1 s of its process start.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

import harness
from faultkit import (check_delivery, fake_bin, fakes, loaders, record_id, relays,  # noqa: F401
                      spool_frames, spool_segments, summary_line, wait_delivery)

SPOOL_CAP = 256 * 1024        # about ten 100-event bodies
BODY_CAP = 64 * 1024
TAIL_EVENTS = 5000
BACKLOG_EVENTS = 20_000
FIRST_RECORD_LIMIT_S = 1.0


def spool_dir(runner) -> Path:
    directories = [path for path in (runner.data_dir / "spool").iterdir() if path.is_dir()]
    assert len(directories) == 1, directories
    return directories[0]


@pytest.mark.timeout_seconds(150)
def test_spool_full_gives_503_and_loses_nothing(fakes, relays, loaders):
    kinesis_port = harness.free_port()          # nothing listens there yet: the endpoint is down
    runner = relays(kinesis_port, config={
        "maxSpoolBytes": SPOOL_CAP, "whenFull": "reject", "shutdownGracePeriod": 5000,
        "collector": {"maxBodyBytes": BODY_CAP}})
    runner.start()
    loader = loaders(runner.port, "cap", threads=4)
    harness.wait_until(lambda: loader.refused and loader.acked, timeout=30, interval=0.05,
                       what="a 503 after some 200s")
    time.sleep(1)                                # keep knocking on the full spool
    acked_while_down = loader.acked_events
    refused_while_down = loader.status_counts[503]

    fake = fakes(port=kinesis_port)              # the endpoint comes up under the same load
    time.sleep(3)
    loader.stop()
    acked_after_up = loader.acked_events - acked_while_down
    delivery, drain = wait_delivery(fake, loader, "cap", timeout=60)
    code = runner.current.terminate(timeout=30)
    invalid = [value for value in loader.retry_after if not harness.retry_after_is_valid(value)]
    print(summary_line(
        "spool-full", 1, delivery, acknowledged_while_down=acked_while_down,
        posts_503_while_down=refused_while_down, posts_503_total=loader.status_counts[503],
        retry_after=repr(loader.retry_after[0]) if loader.retry_after else None,
        refused_delivered=delivery.refused_delivered, acknowledged_after_up=acked_after_up,
        drain_after_load_s=f"{drain:.2f}", exit_code=code))
    assert acked_while_down > 0 and refused_while_down > 0
    assert not invalid, f"503 without a valid Retry-After: {invalid[:5]}"
    assert set(loader.status_counts) <= {200, 503}, loader.status_counts
    assert loader.connection_errors == 0 and not loader.others
    assert not delivery.lost, delivery.lost_message()
    assert delivery.refused_delivered == 0, "events of a 503 answer reached Kinesis"
    assert delivery.duplicates == 0
    assert acked_after_up > 0, "nothing accepted once the endpoint was back"
    assert code == 0


def damage(segment: Path, variant: str, rng: random.Random) -> tuple[int, int]:
    """Damages the tail of `segment`; returns (offset of the first bad byte's frame, how many
    frames of the segment were destroyed or cut)."""
    frames = spool_frames(segment)
    size = segment.stat().st_size
    assert frames and frames[-1].end == size, (len(frames), size)
    if variant == "garbage-appended":
        with open(segment, "ab") as handle:
            handle.write(rng.randbytes(4096))
        return size, 0
    if variant == "bytes-flipped":
        victim = frames[-7]
        middle = victim.end - 8 - len(victim.data) // 2
        with open(segment, "r+b") as handle:
            handle.seek(middle)
            original = handle.read(3)
            handle.seek(middle)
            handle.write(bytes(b ^ 0x5A for b in original))
        return victim.start, 7
    if variant == "torn-frame":
        victim = frames[-1]
        with open(segment, "r+b") as handle:
            handle.truncate(victim.start + (victim.end - victim.start) // 2)
        return victim.start, 1
    raise ValueError(variant)


@pytest.mark.timeout_seconds(120)
@pytest.mark.parametrize("variant", ["garbage-appended", "bytes-flipped", "torn-frame"])
def test_damaged_spool_tail_is_cut_and_the_rest_delivered(variant, fakes, relays, loaders):
    rng = random.Random(variant)
    kinesis_port = harness.free_port()
    runner = relays(kinesis_port, config={"shutdownGracePeriod": 1000})
    runner.start()
    loader = loaders(runner.port, "tail", threads=2, target=TAIL_EVENTS)
    loader.wait(timeout=60)
    runner.current.terminate(timeout=30)          # the endpoint is down: all of it stays spooled
    directory = spool_dir(runner)
    segments = [path for path in spool_segments(directory) if path.stat().st_size > 0]
    frames = [frame for path in segments for frame in spool_frames(path)]
    original = {record_id(frame.data, "tail"): frame.data for frame in frames}
    assert set(original) == loader.ids("acked"), "the spool does not hold the acknowledged events"
    last = segments[-1]
    cut_offset, destroyed = damage(last, variant, rng)
    kept_frames = [frame for frame in frames[:len(frames) - destroyed]]
    kept = {record_id(frame.data, "tail") for frame in kept_frames}
    damaged = set(original) - kept

    fake = fakes(port=kinesis_port, keep_records=True)
    relay = runner.start()
    delivery, drain = wait_delivery(fake, kept, "tail", timeout=60)
    after = loaders(runner.port, "tailafter", threads=2, target=1000)
    after.wait(timeout=60)
    delivery_after, _ = wait_delivery(fake, after, "tailafter", timeout=60)
    code = runner.current.terminate(timeout=30)
    cuts = [line for line in relay.log_lines() if "cut" in harness.log_message(line)]
    sent = {}
    for record in fake.records():
        number = record_id(record, "tail")
        if number is not None:
            sent.setdefault(number, set()).add(record)
    altered = [n for n, copies in sent.items() if copies != {original.get(n)}]
    print(summary_line(
        f"damaged-spool-tail[{variant}]", 1, delivery, acknowledged_before_damage=len(original),
        destroyed_by_damage=len(damaged), damaged_delivered=len(set(sent) & damaged),
        altered_records=len(altered), drain_s=f"{drain:.2f}",
        cut_log=(f"offset={cuts[0].get('goff.offset')},dropped={cuts[0].get('goff.bytes_dropped')}"
                 if cuts else None),
        after_acknowledged=delivery_after.acknowledged, after_lost=len(delivery_after.lost),
        exit_code=code))
    assert not delivery.lost, delivery.lost_message("events before the damage")
    assert delivery.duplicates == 0
    assert not altered, f"records whose bytes differ from the spooled event: {altered[:5]}"
    assert not set(sent) & damaged, "an event from the damaged frame or after it was sent"
    assert len(cuts) == 1, [harness.log_message(line) for line in cuts]
    assert int(cuts[0].get("goff.offset", -1)) == cut_offset, cuts[0]
    assert cuts[0].get("goff.segment", "").endswith(last.name), cuts[0]
    assert not delivery_after.lost and delivery_after.duplicates == 0
    assert set(after.status_counts) == {200}, after.status_counts
    assert code == 0


@pytest.mark.timeout_seconds(150)
def test_restart_resumes_sending_within_a_second(fakes, relays, loaders):
    kinesis_port = harness.free_port()
    # Default backoff (100 ms to 20 s): the restart must not wait for it.
    runner = relays(kinesis_port, config={
        "shutdownGracePeriod": 1000, "exporter": {"retryBaseDelay": None, "retryMaxDelay": None}})
    runner.start()
    loader = loaders(runner.port, "resume", threads=4, target=BACKLOG_EVENTS)
    loader.wait(timeout=60)
    runner.current.terminate(timeout=30)

    fake = fakes(port=kinesis_port)
    runner.start(wait=False)
    spawned = runner.spawned_at[-1]
    first_at = harness.wait_until(
        lambda: fake.stats()["recordsAccepted"] > 0 and time.monotonic(), timeout=30,
        interval=0.005, what="the first record after the restart")
    first_record = first_at - spawned
    runner.current.wait_healthy()
    delivery, drain = wait_delivery(fake, loader, "resume", timeout=60)
    code = runner.current.terminate(timeout=30)
    print(summary_line(
        "restart-resumes", 1, delivery, backlog=BACKLOG_EVENTS,
        first_record_after_start_s=f"{first_record:.3f}",
        full_backlog_after_start_s=f"{first_at - spawned + drain:.2f}", exit_code=code))
    assert not delivery.lost, delivery.lost_message()
    assert delivery.duplicates == 0
    assert first_record < FIRST_RECORD_LIMIT_S, f"first record {first_record:.3f} s after the start"
    assert code == 0
