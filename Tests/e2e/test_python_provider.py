# SPDX-License-Identifier: Apache-2.0
"""The real Python OpenFeature provider (gofeatureflag-python-provider 1.3.0) against the release
binary, in REMOTE mode (OFREP; the relay exports SERVER events) and INPROCESS mode
(/v1/flag/configuration, local WASM evaluation, events through /v1/data/collector)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from test_evaluation import relay_with_flags

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("gofeatureflag_python_provider") is None,
    reason="gofeatureflag-python-provider is not installed (.ci/run installs it)")

DRIVER = Path(__file__).with_name("provider_driver.py")


def drive(relay, mode: str) -> list[dict]:
    result = subprocess.run([sys.executable, str(DRIVER), f"http://127.0.0.1:{relay.port}", mode],
                            capture_output=True, text=True, timeout=90)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def check_details(results: list[dict], cacheable: bool):
    email, json_flag, missing = results
    assert (email["value"], email["variant"], email["reason"]) == (True, "enabled", "TARGETING_MATCH")
    assert email["metadata"].get("evaluatedRuleName") == "example-staff"
    assert json_flag["value"] == {"limits": [1, 2, 3], "theme": "dark"} and json_flag["variant"] == "cfg-a"
    assert json_flag["metadata"]["issue"] == "GOFF-1"
    assert ("gofeatureflag_cacheable" in email["metadata"]) == cacheable
    assert (missing["value"], missing["reason"], missing["error_code"]) == (True, "ERROR", "FLAG_NOT_FOUND")


@pytest.mark.timeout_seconds(180)
def test_remote_mode(start_relay, stream, tmp_path):
    relay = relay_with_flags(start_relay, stream, tmp_path)
    check_details(drive(relay, "remote"), cacheable=True)
    events = [json.loads(r.data) for r in stream.wait_for(3, timeout=60, settle=1.5)]
    assert sorted(e["key"] for e in events) == ["does-not-exist", "email-domain-flag", "json-flag"]
    assert all(e["source"] == "SERVER" for e in events)
    assert all(e["metadata"]["app"] == "e2e" and e["metadata"]["provider"] == "python" for e in events)


@pytest.mark.timeout_seconds(180)
def test_inprocess_mode(start_relay, stream, tmp_path):
    relay = relay_with_flags(start_relay, stream, tmp_path)
    check_details(drive(relay, "inprocess"), cacheable=False)
    events = [json.loads(r.data) for r in stream.wait_for(3, timeout=60, settle=1.5)]
    assert sorted(e["key"] for e in events) == ["does-not-exist", "email-domain-flag", "json-flag"]
    assert all(e["source"] == "INPROCESS" for e in events)
