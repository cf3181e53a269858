# SPDX-License-Identifier: Apache-2.0
"""(d) Bad configurations stop the relay with `file:line:column: key: message`; `validate`
prints OK for good files (the example shipped in config/ included) and every error otherwise."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

import harness

GOOD_ARN = "arn:aws:kinesis:us-east-1:123456789012:stream/goff-events"


def head(port: int, data_dir: Path) -> str:
    return (f"server:\n  host: 127.0.0.1\n  port: {port}\n"   # lines 1-3
            f"logFormat: json\n"                               # line 4
            f"dataDir: {data_dir}\n")                          # line 5


BAD_CONFIGS = {
    # name: (lines from line 6 on, [(line, accepted columns, key-path regex)])
    "missing-stream": (
        "exporter:\n  kind: kinesis\n  partitionKey: default\n",
        [((6, 7, 8), None, r"exporters?(\[0\])?(\.stream\w*)?")]),
    "bad-arn": (
        "exporter:\n  kind: kinesis\n  streamArn: not-an-arn\n  partitionKey: default\n",
        [((8,), (3, 14), r"exporters?(\[0\])?\.streamArn")]),
    "unknown-kind": (
        f"exporters:\n  - kind: kafkaa\n    streamArn: {GOOD_ARN}\n",
        [((7,), (5, 11), r"exporters\[0\]\.kind")]),
}


def run(relay_bin: Path, args: list[str], cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(relay_bin)] + args, cwd=cwd, capture_output=True, text=True,
                          timeout=30, stdin=subprocess.DEVNULL, env=harness.clean_env(env or {}))


def located(output: str, file_name: str, lines, columns, key: str) -> list[re.Match]:
    pattern = re.compile(rf"{re.escape(file_name)}:(\d+):(\d+): ({key}): \S")
    found = []
    for match in pattern.finditer(output):
        if int(match.group(1)) in lines and (columns is None or int(match.group(2)) in columns):
            found.append(match)
    return found


@pytest.mark.parametrize("name", list(BAD_CONFIGS))
@pytest.mark.parametrize("command", ["bare", "run", "validate"])
def test_bad_config_is_reported_with_file_line_and_key(name, command, relay_bin, tmp_path):
    tail, expectations = BAD_CONFIGS[name]
    path = tmp_path / f"{name}.yaml"
    path.write_text(head(harness.free_port(), tmp_path / "data") + tail, encoding="utf-8")
    args = ([] if command == "bare" else [command]) + ["--config", str(path)]
    done = run(relay_bin, args, tmp_path)
    output = done.stdout + done.stderr
    print(f"{command} {path.name}: exit {done.returncode}\n{output.strip()}")
    assert done.returncode != 0
    if command == "validate":
        assert done.returncode == 1
    for lines, columns, key in expectations:
        assert located(output, path.name, lines, columns, key), (
            f"no `{path.name}:<line in {lines}>:<col>: <{key}>: message` in:\n{output}")


def test_validate_reports_every_error(relay_bin, tmp_path):
    path = tmp_path / "two-errors.yaml"
    path.write_text(head(harness.free_port(), tmp_path / "data") +
                    "exporters:\n"                                 # 6
                    "  - kind: kinesis\n"                          # 7
                    "    streamArn: not-an-arn\n"                  # 8
                    "  - kind: nope\n"                             # 9
                    f"    streamArn: {GOOD_ARN}\n", encoding="utf-8")
    done = run(relay_bin, ["validate", "--config", str(path)], tmp_path)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert located(output, path.name, (8,), (5, 16), r"exporters\[0\]\.streamArn"), output
    assert located(output, path.name, (9,), (5, 11), r"exporters\[1\]\.kind"), output


def test_validate_ok_on_a_good_config(relay_bin, tmp_path):
    path = tmp_path / "good.yaml"
    path.write_text(head(harness.free_port(), tmp_path / "data") +
                    f"exporter:\n  kind: kinesis\n  streamArn: {GOOD_ARN}\n  partitionKey: default\n",
                    encoding="utf-8")
    done = run(relay_bin, ["validate", "--config", str(path)], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip().splitlines()[-1].strip() == "OK", done.stdout


def example_configs() -> list[Path]:
    folder = harness.REPO / "config"
    return sorted(p for p in folder.glob("*") if p.suffix in (".yaml", ".yml")) if folder.is_dir() else []


def test_validate_ok_on_the_shipped_example(relay_bin, tmp_path):
    examples = example_configs()
    assert examples, "no example configuration (config/*.yaml) in the repository"
    for example in examples:
        # The examples take the region from the environment, as a deployment would.
        done = run(relay_bin, ["validate", "--config", str(example)], tmp_path, {"AWS_REGION": "eu-west-1"})
        assert done.returncode == 0, f"{example}:\n{done.stdout}{done.stderr}"
        assert "OK" in done.stdout, f"{example}: {done.stdout}"
