# SPDX-License-Identifier: Apache-2.0
"""Operating the relay: API keys on the collector, keys rotated by a reload (file change and
SIGHUP) without a restart, an invalid new file rejected, /info and /metrics after a real run, and
no API key or AWS secret in any log line (debug level included)."""

from __future__ import annotations

import signal
import time

import pytest

import eventgen
import harness

KEYS = {"authorizedKeys": {"evaluation": ["eval-key-1"], "admin": ["admin-key-1"]}}


ACCEPTED = {"events": 0}


def post(relay, key=None):
    headers = {"X-API-Key": key} if key else None
    body = harness.events_body(eventgen.simple_events(2, tag="ops"))
    response = relay.post_events(body, headers=headers)
    if response.status == 200:
        ACCEPTED["events"] += 2
    return response


def rewrite(relay, config: dict) -> None:
    relay.config = config
    relay.config_path.write_text(harness.to_yaml(config) + "\n", encoding="utf-8")


@pytest.mark.timeout_seconds(120)
def test_keys_guard_the_collector_and_rotate_on_reload(start_relay, stream):
    ACCEPTED["events"] = 0
    relay = start_relay(stream, config=KEYS)
    assert post(relay).status == 401
    assert post(relay, "eval-key-1").status == 200
    assert post(relay, "admin-key-1").status == 200

    # File change: picked up within about a second, no restart.
    rotated = harness.merged(relay.config, {"authorizedKeys": {"evaluation": ["eval-key-2"]}})
    rewrite(relay, rotated)
    harness.wait_until(lambda: post(relay, "eval-key-1").status == 401, timeout=10, what="old key refused")
    assert post(relay, "eval-key-2").status == 200

    # An invalid file is rejected and the running keys stay.
    relay.config_path.write_text("exporter: {kind: nope}\n", encoding="utf-8")
    harness.wait_until(lambda: any("reload rejected" in harness.log_message(line)
                                   for line in relay.log_lines()), timeout=10, what="reload rejected")
    assert post(relay, "eval-key-2").status == 200

    # SIGHUP after a valid edit.
    final = harness.merged(relay.config, {"authorizedKeys": {"evaluation": ["eval-key-3"]}})
    rewrite(relay, final)
    relay.process.send_signal(signal.SIGHUP)
    harness.wait_until(lambda: post(relay, "eval-key-3").status == 200, timeout=10, what="new key accepted")
    assert relay.process.poll() is None, "SIGHUP must not stop the relay"
    accepted = ACCEPTED["events"]
    records = stream.wait_for(accepted, timeout=30)
    assert len(records) == accepted
    print(f"operations: keys rotated twice without restart; {accepted} events accepted, "
          f"{len(records)} records delivered")


@pytest.mark.timeout_seconds(120)
def test_info_and_metrics_after_a_run_and_no_secret_in_logs(start_relay, stream, moto):
    relay = start_relay(stream, config={**KEYS, "logLevel": "debug"})
    for _ in range(5):
        assert post(relay, "eval-key-1").status == 200
    assert post(relay, "wrong-key").status == 401
    stream.wait_for(10, timeout=30)
    harness.wait_until(lambda: harness.http_request(relay.port, "GET", "/info").json()
                       ["exporters"]["exporter"]["recordsSent"] == 10, timeout=10, what="10 sent")
    info = harness.http_request(relay.port, "GET", "/info").json()
    exporter = info["exporters"]["exporter"]
    assert exporter["pendingRecords"] == 0 and exporter["lastError"] is None and exporter["lastSuccess"]
    metrics = harness.http_request(relay.port, "GET", "/metrics").body.decode()
    for needle in ['goff_relay_exporter_records_sent_total{exporter="exporter"} 10',
                   'goff_relay_exporter_events_received_total{exporter="exporter"} 10',
                   'gofeatureflag_collect_eval_data_total 10',
                   'gofeatureflag_requests_total{code="401",method="POST",url="/v1/data/collector"} 1',
                   'goff_relay_exporter_ingest_to_ack_seconds_count{exporter="exporter"} 10']:
        assert needle in metrics, needle
    print("metrics sample:\n" + "\n".join(line for line in metrics.splitlines()
                                           if line.startswith("goff_relay_exporter") and "_bucket" not in line))
    relay.terminate(timeout=20)
    output = relay.stdout_text() + relay.stderr_text()
    for secret in ["eval-key-1", "admin-key-1", "wrong-key", moto.env["AWS_SECRET_ACCESS_KEY"]]:
        assert secret not in output, f"a secret appears in the logs: {secret[:3]}…"
