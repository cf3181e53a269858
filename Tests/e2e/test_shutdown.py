# SPDX-License-Identifier: Apache-2.0
"""(c) SIGTERM right after the last 2xx, with thousands of events still queued: every
accepted event reaches Kinesis before the relay exits, and it exits 0."""

from __future__ import annotations

import http.client
import time

import pytest

import eventgen
import harness

EVENTS = 5000
PER_POST = 100
GRACE_MS = 30000


@pytest.mark.timeout_seconds(240)
def test_sigterm_drains_queued_events(start_relay, stream, oracle):
    relay = start_relay(stream, config={"shutdownGracePeriod": GRACE_MS})
    bodies = [harness.events_body(eventgen.simple_events(PER_POST, start=i, tag="drain"))
              for i in range(0, EVENTS, PER_POST)]
    accepted: list[bytes] = []
    busy = 0
    conn = http.client.HTTPConnection("127.0.0.1", relay.port, timeout=30)
    started = time.monotonic()
    try:
        for body in bodies:
            while True:
                response = relay.post_events(body, connection=conn)
                if response.status != 503:
                    break
                busy += 1   # not accepted: wait as told, send it again
                time.sleep(min(float(response.header("retry-after") or 1), 1.0))
            assert response.status == 200, (response.status, response.body[:300])
            assert response.json() == {"ingestedContentCount": PER_POST}
            accepted.append(body)
    finally:
        conn.close()
    post_seconds = time.monotonic() - started
    signalled = time.monotonic()
    code = relay.terminate(timeout=GRACE_MS / 1000 + 20)
    exit_seconds = time.monotonic() - signalled

    expected = [payload for body in accepted for payload in oracle.expected(body)]
    records = stream.read()
    result = harness.compare(expected, records, ordered=False)  # several calls in flight
    print(f"shutdown: events posted {len(expected)} in {post_seconds:.1f} s ({busy} answered 503), "
          f"exit code {code} after {exit_seconds:.1f} s, "
          f"records read {len(records)}, mismatches {result.mismatches}")
    assert code == 0, relay.output_tail()
    assert result.mismatches == 0, result.details()
    assert len(records) == EVENTS
