# SPDX-License-Identifier: Apache-2.0
"""(#4) The Kinesis endpoint table the Swift resolver is tested against
(Tests/AWSAuthTests/Fixtures/kinesis-endpoints.json) is what the botocore installed here
resolves today: every row is resolved again by a real botocore client and must give the same
URL. A botocore that changed a rule fails this test; regenerate the table and fix the resolver."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import harness

FIXTURES = harness.REPO / "Tests" / "AWSAuthTests" / "Fixtures"


@pytest.mark.timeout_seconds(300)
def test_committed_endpoint_table_equals_installed_botocore(tmp_path):
    committed = json.loads((FIXTURES / "kinesis-endpoints.json").read_text())
    done = subprocess.run([sys.executable, str(FIXTURES / "generate_endpoints.py")], capture_output=True,
                          text=True, timeout=280, stdin=subprocess.DEVNULL, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    fresh = json.loads(done.stdout)
    fresh_rows = {row["name"]: row for row in fresh["rows"]}
    differences = [(row["name"], row["url"], fresh_rows[row["name"]]["url"])
                   for row in committed["rows"]
                   if row["name"] in fresh_rows and fresh_rows[row["name"]] != row]
    missing = [row["name"] for row in committed["rows"] if row["name"] not in fresh_rows]
    print(f"endpoints: {len(committed['rows'])} committed rows (botocore {committed['botocore']}), "
          f"{len(fresh_rows)} resolved by botocore {fresh['botocore']}, "
          f"{len(differences)} differ, {len(missing)} missing")
    assert not differences, differences[:10]
    assert not missing, missing[:10]
