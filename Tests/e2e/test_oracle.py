# SPDX-License-Identifier: Apache-2.0
"""Pins the Go oracle to payloads worked out by hand from the spec (§2.3, §2.4, §3.6).

The expected bytes below were written from the rules, not copied from the oracle's output:
Go struct field order, omitempty on contextKind/metadata, map keys sorted by bytes,
<, > and & escaped as \\u003c \\u003e \\u0026, numbers decoded as float64 (so
12345678901234567890 prints as 12345678901234567000, 1e21 as 1e+21, 0.000001 stays as is),
creationDate in ms cut to its first 10 digits, a float creationDate truncated for feature
events but fatal (event skipped) for tracking events.
"""

import pytest

import harness

FEATURE_BODY = (
    b'{"meta":{"provider":"python","openfeature":true,"z":{"b":1,"a":[1.5,"<&>"]}},'
    b'"events":[{"kind":"feature","contextKind":"user","userKey":"u-1","creationDate":1755600000123,'
    b'"key":"flag-<a>","variation":"on","value":1e21,"default":false,"version":null}]}'
)
FEATURE_EXPECTED = [
    b'{"kind":"feature","contextKind":"user","userKey":"u-1","creationDate":1755600000,'
    b'"key":"flag-\\u003ca\\u003e","variation":"on","value":1e+21,"default":false,"version":"",'
    b'"source":"PROVIDER_CACHE","metadata":{"openfeature":true,"provider":"python",'
    b'"z":{"a":[1.5,"\\u003c\\u0026\\u003e"],"b":1}}}',
]

MIXED_BODY = (
    '{"meta":null,"events":['
    '{"kind":"tracking","userKey":"u-2","creationDate":1755600001,"key":"checkout",'
    '"evaluationContext":{"targetingKey":"u-2","é":"ü"},'
    '"trackingEventDetails":{"amount":12345678901234567890}},'
    '{"userKey":"u-3","creationDate":1755600002.9,"key":"f","variation":"v","value":null,'
    '"default":true,"version":"v1","source":"INPROCESS","metadata":{"a":0.000001}},'
    '{"kind":"tracking","creationDate":1.5},'
    '{"default":"yes"}]}'
).encode("utf-8")
MIXED_EXPECTED = [
    '{"kind":"tracking","userKey":"u-2","creationDate":1755600001,"key":"checkout",'
    '"evaluationContext":{"targetingKey":"u-2","é":"ü"},'
    '"trackingEventDetails":{"amount":12345678901234567000}}'.encode("utf-8"),
    b'{"kind":"","userKey":"u-3","creationDate":1755600002,"key":"f","variation":"v","value":null,'
    b'"default":true,"version":"v1","source":"INPROCESS","metadata":{"a":0.000001}}',
]

CAPTURE_FIRST_RECORD = (
    b'{"kind":"feature","contextKind":"user","userKey":"user-1","creationDate":1795638562,'
    b'"key":"email-domain-flag","variation":"enabled","value":true,"default":false,"version":"",'
    b'"source":"INPROCESS","metadata":{"app":"capture_client","build":7,"openfeature":true,'
    b'"provider":"python"}}'
)


def test_feature_event_by_hand(oracle):
    assert oracle.expected(FEATURE_BODY) == FEATURE_EXPECTED


def test_tracking_and_skipped_events_by_hand(oracle):
    records, notes = oracle.run(MIXED_BODY)
    assert records == [("tracking", MIXED_EXPECTED[0]), ("feature", MIXED_EXPECTED[1])]
    assert [note.split(":")[0] for note in notes] == ["skipped event 2", "skipped event 3"]


def test_real_client_capture_first_record(oracle):
    body = (harness.FIXTURES / "sdk-captures" /
            "inprocess_data_collector_max_pending_flush.body.json").read_bytes()
    payloads = oracle.expected(body)
    assert len(payloads) == 2
    assert payloads[0] == CAPTURE_FIRST_RECORD


@pytest.mark.parametrize("meta, expected_metadata", [
    ("absent", b',"metadata":{"x":1}}'),
    (None, b',"metadata":{"x":1}}'),
    ({}, b'}'),
    ({"m": True}, b',"metadata":{"m":true}}'),
])
def test_request_meta_replaces_event_metadata(oracle, meta, expected_metadata):
    event = {"kind": "feature", "userKey": "u", "creationDate": 1, "key": "k", "variation": "v",
             "value": 1, "default": False, "version": "", "source": "S", "metadata": {"x": 1}}
    payloads = oracle.expected(harness.events_body([event], meta=meta))
    assert payloads == [b'{"kind":"feature","userKey":"u","creationDate":1,"key":"k","variation":"v",'
                        b'"value":1,"default":false,"version":"","source":"S"' + expected_metadata]


@pytest.mark.parametrize("body", [b"", b"   ", b"not json", b"{}", b'{"events":null}',
                                  b'{"events":{}}', b'{"meta":"x","events":[]}', b'{"events":[1]}'])
def test_bodies_the_relay_must_reject(oracle, body):
    with pytest.raises(harness.OracleRejected):
        oracle.run(body)


def test_empty_events_is_fine(oracle):
    assert oracle.expected(b'{"events":[]}') == []
