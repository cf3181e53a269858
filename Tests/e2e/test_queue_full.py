# SPDX-License-Identifier: Apache-2.0
"""(f) Kinesis unreachable (a closed loopback port) and a tiny bound on what the relay keeps:
the collector answers 503 with Retry-After instead of queueing without bound; once the endpoint
appears, every event that was accepted (200) arrives exactly once, and new posts are accepted
again. Two bounds: the in-memory log (`durability: memory`, bounded by
collector.maxQueueBytes) and the disk spool (`maxSpoolBytes`, `whenFull: reject`)."""

from __future__ import annotations

import http.client
import threading
import time

import pytest

import eventgen
import harness

QUEUE_BYTES = 64 * 1024
EVENTS_PER_POST = 190          # about 38 KB: two in flight already overflow the queue
WRITERS = 4
MAX_POSTS = 3000


BOUNDS = {
    "memory-queue": {"durability": "memory",
                     "collector": {"maxBodyBytes": QUEUE_BYTES, "maxQueueBytes": QUEUE_BYTES}},
    "disk-spool": {"maxSpoolBytes": QUEUE_BYTES, "whenFull": "reject",
                   "collector": {"maxBodyBytes": QUEUE_BYTES, "maxQueueBytes": QUEUE_BYTES}},
}


@pytest.mark.timeout_seconds(240)
@pytest.mark.parametrize("bound", list(BOUNDS))
def test_queue_full_503_then_delivery_when_endpoint_appears(bound, start_relay, stream, moto, oracle):
    closed_port = harness.free_port()
    relay = start_relay(stream, config={**BOUNDS[bound], "shutdownGracePeriod": 5000},
                        env={"AWS_ENDPOINT_URL_KINESIS": f"http://127.0.0.1:{closed_port}"})
    lock = threading.Lock()
    accepted: list[bytes] = []
    refused: list[harness.Response] = []
    others: list[str] = []
    counter = iter(range(MAX_POSTS))
    deadline = time.monotonic() + 60

    def writer() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", relay.port, timeout=30)
        try:
            while time.monotonic() < deadline:
                with lock:
                    if refused and accepted:
                        return
                    number = next(counter, None)
                if number is None:
                    return
                body = harness.events_body(eventgen.simple_events(
                    EVENTS_PER_POST, start=number * EVENTS_PER_POST, tag="queue"))
                try:
                    response = relay.post_events(body, connection=conn)
                except (OSError, http.client.HTTPException) as error:
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", relay.port, timeout=30)
                    with lock:
                        others.append(repr(error))
                    continue
                with lock:
                    if response.status == 200:
                        accepted.append(body)
                    elif response.status == 503:
                        refused.append(response)
                    else:
                        others.append(f"{response.status} {response.body[:200]!r}")
        finally:
            conn.close()

    threads = [threading.Thread(target=writer) for _ in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not others, f"answers other than 200/503: {others[:5]}"
    assert refused, f"no 503 after {len(accepted)} accepted POSTs ({bound}, {QUEUE_BYTES} bytes)"
    assert accepted, "every POST was refused: the queue never accepted anything"
    assert all(harness.retry_after_is_valid(r.header("retry-after")) for r in refused), refused[0].headers
    print(f"{bound} full: {len(accepted)} POSTs accepted ({len(accepted) * EVENTS_PER_POST} events), "
          f"{len(refused)} answered 503 with Retry-After {refused[0].header('retry-after')!r}")

    forwarder = harness.Forwarder(closed_port, moto.port)
    try:
        expected = [payload for body in accepted for payload in oracle.expected(body)]
        started = time.monotonic()
        records = stream.wait_for(len(expected), timeout=120, settle=1.5)
        result = harness.compare(expected, records, ordered=False)
        print(f"endpoint up: records expected {len(expected)}, read {len(records)} after "
              f"{time.monotonic() - started:.1f} s, mismatches {result.mismatches}")
        assert result.mismatches == 0, result.details()

        late = harness.events_body(eventgen.simple_events(2, start=10**7, tag="late"))
        response = harness.wait_until(
            lambda: (r := relay.post_events(late)).status != 503 and r, timeout=30, interval=0.5,
            what="a POST accepted after the queue drained")
        assert response.status == 200, (response.status, response.body[:300])
        expected += oracle.expected(late)
        records = stream.wait_for(len(expected), timeout=60, settle=1.5)
        result = harness.compare(expected, records, ordered=False)
        assert result.mismatches == 0, result.details()
    finally:
        relay.terminate(timeout=5 + 20)
        forwarder.close()
