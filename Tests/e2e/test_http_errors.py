# SPDX-License-Identifier: Apache-2.0
"""(e) HTTP errors of the collector. Every test ends by posting one marker event and checking
that the stream holds exactly that marker: nothing of a rejected request got through."""

from __future__ import annotations

import http.client
import json

import pytest

import eventgen
import harness

MAX_BODY = 4096
STANDARD_LOG_KEYS = {"level", "msg", "message", "timestamp", "time", "ts", "@timestamp", "label",
                     "logger", "source", "file", "function", "line", "module"}


def assert_json_error(response: harness.Response, status: int):
    assert response.status == status, (response.status, response.body[:300])
    assert (response.header("content-type") or "").startswith("application/json"), response.headers
    body = response.json()
    assert isinstance(body, dict) and isinstance(body.get("message"), str) and body["message"], body


def assert_only_marker_arrives(relay: harness.Relay, stream: harness.Stream, oracle: harness.Oracle):
    marker = harness.events_body(eventgen.simple_events(1, tag="marker"), meta={"marker": True})
    response = relay.post_events(marker)
    assert response.status == 200 and response.json() == {"ingestedContentCount": 1}
    expected = oracle.expected(marker)
    records = stream.wait_for(1, timeout=60, settle=1.5)
    result = harness.compare(expected, records)
    assert result.mismatches == 0, result.details()


@pytest.fixture
def relay(start_relay, stream):
    return start_relay(stream, config={"collector": {"maxBodyBytes": MAX_BODY}})


@pytest.mark.parametrize("body", [
    b'{"events": [', b"not json", b'{"events": {}}', b'{"events": [1, 2]}',
    b'{"meta": "text", "events": []}', b'\xff\xfe{"events": []}',
], ids=["truncated", "not-json", "events-object", "events-numbers", "meta-string", "bad-utf8"])
def test_malformed_json_is_400_with_json_message(body, relay, stream, oracle):
    with pytest.raises(harness.OracleRejected):  # GOFF answers 400 too
        oracle.run(body)
    assert_json_error(relay.post_events(body), 400)
    assert_only_marker_arrives(relay, stream, oracle)


@pytest.mark.parametrize("body", [b"{}", b'{"events": null}', b'{"meta": {"a": 1}}', b""],
                         ids=["empty-object", "events-null", "meta-only", "empty-body"])
def test_missing_events_is_400(body, relay, stream, oracle):
    with pytest.raises(harness.OracleRejected):
        oracle.run(body)
    assert_json_error(relay.post_events(body), 400)
    assert_only_marker_arrives(relay, stream, oracle)


def body_of_size(size: int) -> bytes:
    """A valid collector body of exactly `size` bytes (padding in meta)."""
    events = eventgen.simple_events(2, tag="sized")
    empty = harness.events_body(events, meta={"pad": ""})
    assert len(empty) <= size
    body = harness.events_body(events, meta={"pad": "x" * (size - len(empty))})
    assert len(body) == size
    return body


def test_body_over_max_is_413_and_at_max_is_accepted(relay, stream, oracle):
    response = relay.post_events(body_of_size(MAX_BODY + 1))
    assert response.status == 413, (response.status, response.body[:300])
    response = relay.post_events(body_of_size(MAX_BODY * 4))
    assert response.status == 413, (response.status, response.body[:300])

    at_limit = body_of_size(MAX_BODY)
    response = relay.post_events(at_limit)
    assert response.status == 200 and response.json() == {"ingestedContentCount": 2}
    expected = oracle.expected(at_limit)
    records = stream.wait_for(2, timeout=60, settle=1.5)
    assert harness.compare(expected, records, ordered=False).mismatches == 0


def test_chunked_body_over_max_is_413(relay, stream, oracle):
    body = body_of_size(MAX_BODY * 2)
    conn = http.client.HTTPConnection("127.0.0.1", relay.port, timeout=15)
    try:
        conn.request("POST", "/v1/data/collector", body=iter([body[:1000], body[1000:]]),
                     headers={"Content-Type": "application/json"}, encode_chunked=True)
        response = conn.getresponse()
        response.read()
        assert response.status == 413
    except (ConnectionError, http.client.HTTPException) as error:
        pytest.fail(f"the relay dropped the connection instead of answering 413: {error!r}")
    finally:
        conn.close()
    assert_only_marker_arrives(relay, stream, oracle)


@pytest.mark.parametrize("method, path", [("GET", "/nope"), ("POST", "/v1/data/collectorx"),
                                          ("POST", "/v1/data")])
def test_unknown_route_is_404_json(method, path, relay):
    body = b'{"events":[]}' if method == "POST" else None
    response = harness.http_request(relay.port, method, path, body)
    assert response.status == 404, (response.status, response.body[:300])
    assert isinstance(response.json(), dict), response.body[:300]


def test_health(relay):
    response = harness.http_request(relay.port, "GET", "/health")
    assert response.status == 200
    assert response.json() == {"initialized": True}


def test_empty_events_is_200_zero(relay):
    response = relay.post_events(b'{"events":[]}')
    assert response.status == 200 and response.json() == {"ingestedContentCount": 0}


def test_logs_are_one_json_object_per_line(relay, stream, oracle):
    relay.post_events(b"not json")
    skipped = {"kind": "feature", "userKey": "u", "key": "k", "default": "not a bool"}
    assert relay.post_events(harness.events_body([skipped])).status == 200   # logged, not exported
    assert_only_marker_arrives(relay, stream, oracle)
    relay.terminate(timeout=35)
    lines = [line for line in relay.stdout_text().splitlines() if line.strip()]
    assert lines, "the relay logged nothing on stdout"
    for line in lines:
        value = json.loads(line)
        assert isinstance(value, dict) and "level" in value, line
        assert "msg" in value or "message" in value, line
        stray = [key for key in value if key not in STANDARD_LOG_KEYS and not key.startswith("goff.")]
        assert not stray, f"log metadata keys without the goff. prefix: {stray} in {line}"
