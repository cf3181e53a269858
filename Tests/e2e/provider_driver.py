# SPDX-License-Identifier: Apache-2.0
"""Drives the real OpenFeature GOFF provider (gofeatureflag-python-provider) against a relay and prints
the evaluation details as one JSON line. Usage: provider_driver.py <endpoint> <remote|inprocess>"""

from __future__ import annotations

import json
import logging
import sys

from openfeature import api
from openfeature.evaluation_context import EvaluationContext
from gofeatureflag_python_provider.options import EvaluationType, GoFeatureFlagOptions
from gofeatureflag_python_provider.provider import GoFeatureFlagProvider

CASES = [
    ("get_boolean_details", "email-domain-flag", False, "user-1", {"email": "jane@example.com"}),
    ("get_object_details", "json-flag", {}, "admin-9", {}),
    ("get_boolean_details", "does-not-exist", True, "user-1", {}),
]


def main(endpoint: str, mode: str) -> None:
    logging.basicConfig(level=logging.ERROR)
    options = GoFeatureFlagOptions(
        endpoint=endpoint, api_key="e2e-key", data_flush_interval=500, exporter_metadata={"app": "e2e"},
        evaluation_type=EvaluationType.REMOTE if mode == "remote" else EvaluationType.INPROCESS)
    provider = GoFeatureFlagProvider(options=options)
    api.set_provider_and_wait(provider, domain=mode)
    client = api.get_client(domain=mode)
    results = []
    for method, flag, default, targeting_key, attributes in CASES:
        details = getattr(client, method)(flag, default, EvaluationContext(targeting_key, attributes))
        results.append({"flag": flag, "value": details.value, "variant": details.variant,
                        "reason": str(details.reason), "error_code": str(details.error_code),
                        "metadata": dict(details.flag_metadata or {})})
    provider.shutdown()  # the in-process provider flushes its events to /v1/data/collector here
    print(json.dumps(results))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
