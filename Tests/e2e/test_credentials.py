# SPDX-License-Identifier: Apache-2.0
"""(#4) Temporary credentials from a real STS (moto's, whose keys moto then checks on every
PutRecords), as production gets them:

- rotation: a `credential_process` that asks moto's STS for a fresh role session each time and
  reports a short lifetime, so the relay refreshes every ~10 s while events flow for a minute;
  every event arrives byte for byte and not one PutRecords call or record fails;
- `role_arn` + `source_profile`: the relay itself calls STS AssumeRole (signed with the source
  profile's keys, at AWS_ENDPOINT_URL_STS) and sends with the role's temporary keys.
No secret (long-term or temporary) appears in the relay's output."""

from __future__ import annotations

import http.client
import json
import re
import sys
import time
from pathlib import Path

import pytest

import eventgen
import harness

LIFETIME_SECONDS = 20          # reported to the relay: it refreshes halfway, every ~10 s
LOAD_SECONDS = 60
EVENTS_PER_POST = 40
POST_INTERVAL = 0.2            # 200 events/s

CREDENTIAL_PROCESS = '''\
import datetime, json, sys
import boto3

base = json.load(open(sys.argv[1]))
sts = boto3.client("sts", endpoint_url=base["endpoint"], region_name=base["region"],
                   aws_access_key_id=base["key"], aws_secret_access_key=base["secret"])
with open(base["issued"], "a") as issued:
    number = sum(1 for _ in open(base["issued"]))
    session = sts.assume_role(RoleArn=base["role"], RoleSessionName=f"rotation-{number}",
                              DurationSeconds=900)["Credentials"]
    issued.write(json.dumps({"key": session["AccessKeyId"], "secret": session["SecretAccessKey"],
                             "token": session["SessionToken"]}) + "\\n")
expires = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=base["lifetime"])
print(json.dumps({"Version": 1, "AccessKeyId": session["AccessKeyId"],
                  "SecretAccessKey": session["SecretAccessKey"], "SessionToken": session["SessionToken"],
                  "Expiration": expires.strftime("%Y-%m-%dT%H:%M:%SZ")}))
'''


def metric_total(text: str, name: str) -> float:
    """Sum of every sample of `name` (all label sets) in a Prometheus text page; 0 if absent."""
    total = 0.0
    for line in text.splitlines():
        if line.startswith(name + "{") or line.startswith(name + " "):
            total += float(line.rsplit(" ", 1)[1])
    return total


def refreshed_keys(relay: harness.Relay) -> list[str]:
    keys = []
    for line in relay.log_lines():
        match = re.search(r"credentials refreshed \((\S+?),", harness.log_message(line))
        if match:
            keys.append(match.group(1))
    return keys


def assert_no_secrets(relay: harness.Relay, secrets: set[str]) -> None:
    output = relay.stdout_text() + relay.stderr_text()
    for secret in secrets:
        assert secret not in output, "a secret or session token appears in the relay's output"


@pytest.mark.timeout_seconds(200)
def test_rotating_temporary_credentials_zero_failed_sends(start_relay, stream, moto, oracle, tmp_path):
    issued_path = tmp_path / "issued.jsonl"
    issued_path.touch()
    base_path = tmp_path / "base.json"
    base_path.write_text(json.dumps({
        "endpoint": moto.endpoint, "region": moto.env["AWS_REGION"], "role": moto.env["RELAY_ROLE_ARN"],
        "key": moto.env["AWS_ACCESS_KEY_ID"], "secret": moto.env["AWS_SECRET_ACCESS_KEY"],
        "issued": str(issued_path), "lifetime": LIFETIME_SECONDS}))
    script = tmp_path / "rotating_credentials.py"
    script.write_text(CREDENTIAL_PROCESS)
    config_file = tmp_path / "aws-config"
    config_file.write_text(f"[profile rotating]\ncredential_process = {sys.executable} {script} {base_path}\n")

    relay = start_relay(stream, config={"exporter": {"maxConcurrentCalls": 2}}, env={
        "AWS_ACCESS_KEY_ID": None, "AWS_SECRET_ACCESS_KEY": None,
        "AWS_PROFILE": "rotating", "AWS_CONFIG_FILE": str(config_file)})

    expected: list[bytes] = []
    posts = 0
    started = time.monotonic()
    connection = None
    while time.monotonic() - started < LOAD_SECONDS:
        events = eventgen.simple_events(EVENTS_PER_POST, start=posts * EVENTS_PER_POST, tag="rotation")
        body = harness.events_body(events)
        connection = connection or http.client.HTTPConnection("127.0.0.1", relay.port, timeout=30)
        response = relay.post_events(body, connection=connection)
        assert response.status == 200, (response.status, response.body[:300])
        expected += oracle.expected(body)
        posts += 1
        time.sleep(POST_INTERVAL)
    if connection is not None:
        connection.close()

    records = stream.wait_for(len(expected), timeout=90)
    comparison = harness.compare(expected, records, ordered=False)
    metrics = harness.http_request(relay.port, "GET", "/metrics").body.decode()
    calls_failed = metric_total(metrics, "goff_relay_exporter_calls_failed_total")
    records_failed = metric_total(metrics, "goff_relay_exporter_records_failed_total")
    sent = metric_total(metrics, "goff_relay_exporter_records_sent_total")
    calls = metric_total(metrics, "goff_relay_exporter_send_duration_seconds_count")
    keys = refreshed_keys(relay)
    issued = [json.loads(line) for line in issued_path.read_text().splitlines()]
    print(f"rotation: {posts} posts, {comparison.summary()}; PutRecords calls {calls:.0f}, "
          f"records sent {sent:.0f}, calls failed {calls_failed:.0f}, records failed {records_failed:.0f}; "
          f"{len(issued)} role sessions issued, {len(set(keys))} distinct keys used "
          f"over {LOAD_SECONDS} s")
    relay.terminate(timeout=30)

    assert comparison.mismatches == 0, comparison.details()
    assert calls_failed == 0, metrics
    assert records_failed == 0, metrics
    assert sent == len(expected)
    # 60 s of load with a 20 s reported lifetime: a refresh every ~10 s.
    assert len(set(keys)) >= 4, f"credentials were not rotated: {keys}"
    assert all(key.startswith("ASIA") for key in keys), keys
    assert {entry["key"] for entry in issued} >= set(keys)
    assert_no_secrets(relay, {moto.env["AWS_SECRET_ACCESS_KEY"]}
                      | {entry["secret"] for entry in issued} | {entry["token"] for entry in issued})


@pytest.mark.timeout_seconds(120)
def test_role_arn_with_source_profile_assumes_role_at_moto_sts(start_relay, stream, moto, oracle, tmp_path):
    config_file = tmp_path / "aws-config"
    config_file.write_text(
        "[profile base]\nregion = us-east-1\n\n"
        f"[profile relay-role]\nrole_arn = {moto.env['RELAY_ROLE_ARN']}\nsource_profile = base\n"
        "role_session_name = goff-relay-e2e\nduration_seconds = 900\n")
    credentials_file = tmp_path / "aws-credentials"
    credentials_file.write_text(
        f"[base]\naws_access_key_id = {moto.env['AWS_ACCESS_KEY_ID']}\n"
        f"aws_secret_access_key = {moto.env['AWS_SECRET_ACCESS_KEY']}\n")
    relay = start_relay(stream, env={
        "AWS_ACCESS_KEY_ID": None, "AWS_SECRET_ACCESS_KEY": None, "AWS_PROFILE": "relay-role",
        "AWS_CONFIG_FILE": str(config_file), "AWS_SHARED_CREDENTIALS_FILE": str(credentials_file),
        "AWS_ENDPOINT_URL_STS": moto.endpoint})
    body = harness.events_body(eventgen.simple_events(300, tag="assume-role"))
    response = relay.post_events(body)
    assert response.status == 200, (response.status, response.body[:300])
    expected = oracle.expected(body)
    records = stream.wait_for(len(expected), timeout=60)
    comparison = harness.compare(expected, records)
    keys = refreshed_keys(relay)
    print(f"assume role: {comparison.summary()}; keys used {keys}")
    relay.terminate(timeout=30)
    assert comparison.mismatches == 0, comparison.details()
    assert keys and all(key.startswith("ASIA") for key in keys), keys
    assert_no_secrets(relay, {moto.env["AWS_SECRET_ACCESS_KEY"]})
