# SPDX-License-Identifier: Apache-2.0
"""Flag evaluation through the release binary with a file retriever: OFREP single and bulk answers
(checked against the answers the real Python provider was given, sdk-captures), the SERVER events
each single evaluation exports to Kinesis, the in-process configuration route, and a start-up that
fails when the first retrieval fails."""

from __future__ import annotations

import http.client
import json
import subprocess

import pytest

import harness

FLAGS_YAML = """\
email-domain-flag:
  variations:
    enabled: true
    disabled: false
  targeting:
    - name: example-staff
      query: email ew "@example.com"
      variation: enabled
  defaultRule:
    variation: disabled
json-flag:
  variations:
    cfg-a: {theme: dark, limits: [1, 2, 3]}
    cfg-b: {}
  targeting:
    - query: targetingKey eq "admin-9"
      variation: cfg-a
  defaultRule:
    variation: cfg-b
  metadata:
    description: object variation with metadata
    issue: GOFF-1
disabled-flag:
  variations:
    a: "x"
  defaultRule:
    variation: a
  disable: true
quiet-flag:
  variations:
    a: 1
  defaultRule:
    variation: a
  trackEvents: false
"""

# (flag key, request context, expected status, expected body): the requests and answers of
# /work/shared/tools/sdk-captures/remote_ofrep_*.json (real gofeatureflag-python-provider 1.3.0 bodies).
CAPTURED = [
    ("email-domain-flag",
     {"targetingKey": "user-1", "email": "jane@example.com",
      "gofeatureflag": {"exporterMetadata": {"app": "capture_client", "build": 7, "provider": "python",
                                             "openfeature": True}}},
     200, {"key": "email-domain-flag", "value": True, "reason": "TARGETING_MATCH", "variant": "enabled",
           "metadata": {"evaluatedRuleName": "example-staff", "gofeatureflag_cacheable": True}}),
    ("json-flag",
     {"targetingKey": "admin-9",
      "gofeatureflag": {"exporterMetadata": {"app": "capture_client", "build": 7, "provider": "python",
                                             "openfeature": True}}},
     200, {"key": "json-flag", "value": {"limits": [1, 2, 3], "theme": "dark"}, "reason": "TARGETING_MATCH",
           "variant": "cfg-a", "metadata": {"description": "object variation with metadata", "issue": "GOFF-1",
                                            "gofeatureflag_cacheable": True}}),
    ("does-not-exist",
     {"targetingKey": "user-1",
      "gofeatureflag": {"exporterMetadata": {"app": "capture_client", "build": 7, "provider": "python",
                                             "openfeature": True}}},
     404, {"key": "does-not-exist", "errorCode": "FLAG_NOT_FOUND",
           "errorDetails": "Error while evaluating the flag: does-not-exist"}),
    ("disabled-flag",
     {"targetingKey": "user-1", "gofeatureflag": {"exporterMetadata": {"provider": "python", "openfeature": True}}},
     200, {"key": "disabled-flag", "value": "thisisadefaultvaluethatItest1233%%", "reason": "DISABLED",
           "variant": "SdkDefault", "metadata": {"gofeatureflag_cacheable": True}}),
]


def relay_with_flags(start_relay, stream, tmp_path, **extra):
    flags = tmp_path / "flags.yaml"
    flags.write_text(FLAGS_YAML)
    config = {"retriever": {"kind": "file", "path": str(flags)}, "pollingInterval": 1000}
    config.update(extra)
    return start_relay(stream, config=config)


def post(relay, path: str, body: dict, headers=None) -> harness.Response:
    return harness.http_request(relay.port, "POST", path, json.dumps(body).encode(), headers=headers)


@pytest.mark.timeout_seconds(180)
def test_ofrep_answers_and_server_events(start_relay, stream, tmp_path):
    relay = relay_with_flags(start_relay, stream, tmp_path)
    conn = http.client.HTTPConnection("127.0.0.1", relay.port, timeout=15)
    try:
        for key, context, status, expected in CAPTURED:
            response = harness.http_request(
                relay.port, "POST", f"/ofrep/v1/evaluate/flags/{key}", json.dumps({"context": context}).encode(),
                headers={"X-API-Key": "k"}, connection=conn)
            assert response.status == status, (key, response.body)
            assert response.json() == expected, key
            assert response.body.endswith(b"\n")
        quiet = harness.http_request(relay.port, "POST", "/ofrep/v1/evaluate/flags/quiet-flag",
                                     b'{"context":{"targetingKey":"u-9","anonymous":true}}', connection=conn)
        assert quiet.status == 200 and quiet.json()["value"] == 1
    finally:
        conn.close()
    records = stream.wait_for(4, timeout=60, settle=1.5)
    events = sorted((json.loads(r.data) for r in records), key=lambda e: e["key"])
    assert [e["key"] for e in events] == ["disabled-flag", "does-not-exist", "email-domain-flag", "json-flag"]
    for event in events:
        assert event["source"] == "SERVER" and event["kind"] == "feature" and event["contextKind"] == "user"
        assert isinstance(event["creationDate"], int) and event["creationDate"] < 10_000_000_000
    missing = events[1]
    assert (missing["variation"], missing["value"], missing["default"]) == ("SdkDefault", None, True)
    email = events[2]
    assert (email["userKey"], email["variation"], email["value"], email["default"]) == ("user-1", "enabled", True, False)
    assert email["metadata"] == {"app": "capture_client", "build": 7, "provider": "python", "openfeature": True}


@pytest.mark.timeout_seconds(120)
def test_bulk_configuration_and_etags(start_relay, stream, tmp_path):
    relay = relay_with_flags(start_relay, stream, tmp_path, evaluationContextEnrichment={"env": "e2e"})
    body = {"context": {"targetingKey": "admin-9"}}
    bulk = post(relay, "/ofrep/v1/evaluate/flags", body)
    assert bulk.status == 200
    assert [f["key"] for f in bulk.json()["flags"]] == ["disabled-flag", "email-domain-flag", "json-flag", "quiet-flag"]
    etag = bulk.header("etag")
    assert etag and etag.startswith(f'"{len(bulk.body)}-')
    assert post(relay, "/ofrep/v1/evaluate/flags", body, headers={"If-None-Match": etag}).status == 304
    config = post(relay, "/v1/flag/configuration", {"flags": []})
    assert config.status == 200
    assert sorted(config.json()["flags"]) == ["disabled-flag", "email-domain-flag", "json-flag", "quiet-flag"]
    assert config.json()["evaluationContextEnrichment"] == {"env": "e2e"}
    assert config.header("last-modified", ).endswith(" GMT")
    again = post(relay, "/v1/flag/configuration", {"flags": []}, headers={"If-None-Match": config.header("etag")})
    assert again.status == 304
    info = harness.http_request(relay.port, "GET", "/info")
    assert info.json()["cacheRefresh"].endswith("Z")


def test_first_retrieval_failure_stops_start_up(relay_bin, tmp_path):
    config = tmp_path / "goff-proxy.yaml"
    config.write_text(f"server:\n  port: {harness.free_port()}\n  host: 127.0.0.1\ndataDir: {tmp_path / 'data'}\n"
                      f"retriever:\n  kind: file\n  path: {tmp_path / 'missing.yaml'}\n")
    result = subprocess.run([str(relay_bin), "run", "--config", str(config)], capture_output=True, text=True,
                            timeout=60, env=harness.clean_env({}))
    assert result.returncode != 0
    assert "impossible to retrieve the flags, please check your configuration" in result.stderr


def test_unsupported_retriever_kind_is_a_config_error(relay_bin, tmp_path):
    config = tmp_path / "goff-proxy.yaml"
    config.write_text("retrievers:\n  - kind: github\n    repositorySlug: a/b\n    path: flags.yaml\n")
    result = subprocess.run([str(relay_bin), "validate", "--config", str(config)], capture_output=True, text=True,
                            timeout=60, env=harness.clean_env({}))
    assert result.returncode != 0
    assert 'kind "github" is not supported by goff-relay yet' in result.stdout + result.stderr
    assert ":2:" in result.stdout + result.stderr
