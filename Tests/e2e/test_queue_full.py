# SPDX-License-Identifier: Apache-2.0
"""(f) Kinesis unreachable (a closed loopback port) and a tiny maxQueueBytes: the collector
answers 503 with Retry-After once the hand-off queue is full; when the endpoint appears, every
event that was accepted (200) arrives, exactly once and in order, and new posts are accepted
again."""

from __future__ import annotations

import email.utils
import time

import pytest

import eventgen
import harness

MAX_QUEUE = 16 * 1024


def retry_after_is_valid(value: str | None) -> bool:
    if value is None:
        return False
    if value.strip().isdigit():
        return True
    return email.utils.parsedate_to_datetime(value) is not None


@pytest.mark.timeout_seconds(240)
def test_queue_full_503_then_delivery_when_endpoint_appears(start_relay, stream, moto, oracle):
    closed_port = harness.free_port()
    relay = start_relay(stream, config={"collector": {"maxQueueBytes": MAX_QUEUE},
                                        "shutdownGracePeriod": 5000},
                        env={"AWS_ENDPOINT_URL_KINESIS": f"http://127.0.0.1:{closed_port}"})
    accepted: list[bytes] = []
    refused = None
    for number in range(400):
        body = harness.events_body(eventgen.simple_events(10, start=number * 10, tag="queue"))
        response = relay.post_events(body)
        if response.status == 503:
            refused = response
            break
        assert response.status == 200, (response.status, response.body[:300])
        accepted.append(body)
    assert refused is not None, f"no 503 after {len(accepted)} accepted POSTs (maxQueueBytes {MAX_QUEUE})"
    assert accepted, "the very first POST was refused: the queue never accepted anything"
    assert retry_after_is_valid(refused.header("retry-after")), refused.headers
    print(f"queue full: {len(accepted)} POSTs accepted ({len(accepted) * 10} events) before a 503 "
          f"with Retry-After {refused.header('retry-after')!r}")

    forwarder = harness.Forwarder(closed_port, moto.port)
    try:
        expected = [payload for body in accepted for payload in oracle.expected(body)]
        started = time.monotonic()
        records = stream.wait_for(len(expected), timeout=120, settle=1.5)
        result = harness.compare(expected, records)
        print(f"endpoint up: records expected {len(expected)}, read {len(records)} after "
              f"{time.monotonic() - started:.1f} s, mismatches {result.mismatches}")
        assert result.mismatches == 0, result.details()

        late = harness.events_body(eventgen.simple_events(2, start=100000, tag="late"))
        response = harness.wait_until(
            lambda: (r := relay.post_events(late)).status != 503 and r, timeout=30, interval=0.5,
            what="a POST accepted after the queue drained")
        assert response.status == 200, (response.status, response.body[:300])
        expected += oracle.expected(late)
        records = stream.wait_for(len(expected), timeout=60, settle=1.5)
        result = harness.compare(expected, records)
        assert result.mismatches == 0, result.details()
    finally:
        relay.terminate(timeout=5 + 20)
        forwarder.close()
