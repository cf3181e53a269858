# SPDX-License-Identifier: Apache-2.0
"""(a) Every event posted to /v1/data/collector arrives in Kinesis as exactly the bytes GOFF
would write (the Go oracle), once, in order: feature events with partition key "default" and,
where a tracking exporter is configured, tracking events with its partition key."""

from __future__ import annotations

import http.client
import json
import random

import pytest

import eventgen
import harness

CAPTURES = harness.FIXTURES / "sdk-captures"
CLIENT_HEADERS = {"User-Agent": "python-urllib3/2.7.0", "X-API-Key": "test-api-key",
                  "Accept-Encoding": "identity"}


def post_all(relay: harness.Relay, bodies: list[bytes], headers=None) -> int:
    """POST each body (one keep-alive connection), check 200 + count; return events posted."""
    posted = 0
    conn = http.client.HTTPConnection("127.0.0.1", relay.port, timeout=30)
    try:
        for body in bodies:
            count = len(json.loads(body)["events"])
            response = relay.post_events(body, connection=conn, headers=headers)
            assert response.status == 200, (response.status, response.body[:300])
            assert response.json() == {"ingestedContentCount": count}
            assert (response.header("content-type") or "").startswith("application/json")
            posted += count
    finally:
        conn.close()
    return posted


def check_stream(stream: harness.Stream, expected, posted: int, label: str, ordered: bool):
    """`expected`: payloads (partition key "default") or {partition key: payloads}. The order
    per partition key is checked only when the exporters make one PutRecords call at a time:
    with several calls in flight, records may overtake each other (documented by the relay)."""
    count = len(expected) if isinstance(expected, list) else sum(map(len, expected.values()))
    records = stream.wait_for(count, timeout=90, settle=1.5)
    result = harness.compare(expected, records, ordered=ordered)
    print(f"{label}: events posted {posted}, records expected {count}, records read "
          f"{len(records)}, mismatches {result.mismatches} ({'in order' if ordered else 'as a multiset'})")
    assert result.mismatches == 0, result.details()
    assert len(records) == count


@pytest.mark.timeout_seconds(180)
def test_real_client_bodies(start_relay, stream, oracle):
    bodies = [(CAPTURES / name).read_bytes() for name in (
        "inprocess_data_collector_periodic_flush.body.json",
        "inprocess_data_collector_max_pending_flush.body.json")]
    relay = start_relay(stream)
    posted = post_all(relay, bodies, headers=CLIENT_HEADERS)
    expected = [payload for body in bodies for payload in oracle.expected(body)]
    assert posted == 6 and len(expected) == 6
    check_stream(stream, expected, posted, "real client bodies", ordered=False)


def generated_bodies(seed: int, sizes: list[int]) -> list[bytes]:
    rng = random.Random(seed)
    bodies, start = [], 0
    for number, size in enumerate(sizes):
        events = eventgen.events(rng, size, start=start, skipped_share=0.02)
        start += size
        bodies.append(harness.events_body(events, meta=eventgen.request_meta(rng),
                                          ensure_ascii=number % 2 == 0))
    return bodies


def two_exporters(stream: harness.Stream, calls: int | None) -> dict:
    """GOFF routes tracking events only to exporters with eventType tracking: one exporter per
    event type, both into the same stream, told apart by their partition keys. `calls`:
    maxConcurrentCalls (None = the relay's default)."""
    exporters = [
        {"kind": "kinesis", "streamArn": stream.arn, "partitionKey": "default"},
        {"kind": "kinesis", "eventType": "tracking", "streamArn": stream.arn, "partitionKey": "tracking"},
    ]
    if calls is not None:
        for exporter in exporters:
            exporter["maxConcurrentCalls"] = calls
    return {"exporter": None, "exporters": exporters}


@pytest.mark.timeout_seconds(240)
@pytest.mark.parametrize("calls", [1, None], ids=["one-call-at-a-time", "default-concurrency"])
def test_generated_batches(calls, start_relay, stream, oracle):
    sizes = [1, 7, 150, 3, 200, 64, 120, 55, 0, 100]
    bodies = generated_bodies(20240601, sizes)
    relay = start_relay(stream, config=two_exporters(stream, calls))
    posted = post_all(relay, bodies)
    skipped = sum(len(oracle.run(body)[1]) for body in bodies)
    by_type = oracle.by_type(bodies)
    expected = {"default": by_type["feature"], "tracking": by_type["tracking"]}
    assert posted == sum(sizes) and skipped > 0 and by_type["tracking"]
    print(f"generated batches: {len(bodies)} POSTs, {len(by_type['feature'])} feature and "
          f"{len(by_type['tracking'])} tracking records expected, {skipped} events GOFF skips")
    check_stream(stream, expected, posted, "generated batches", ordered=calls == 1)


@pytest.mark.timeout_seconds(120)
def test_tracking_events_need_a_tracking_exporter(start_relay, stream, oracle):
    """With only a feature exporter (the default eventType), tracking events are dropped."""
    rng = random.Random(11)
    events = eventgen.simple_events(3, tag="only-features") + [
        eventgen.tracking_event(rng, 1), eventgen.tracking_event(rng, 2)]
    body = harness.events_body(events, meta={"m": 1})
    relay = start_relay(stream)
    assert post_all(relay, [body]) == 5
    expected = oracle.by_type([body])
    assert len(expected["feature"]) == 3 and len(expected["tracking"]) == 2
    check_stream(stream, expected["feature"], 5, "feature exporter only", ordered=False)


def test_generated_bodies_are_deterministic():
    assert generated_bodies(7, [5, 5]) == generated_bodies(7, [5, 5])
