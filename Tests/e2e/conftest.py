# SPDX-License-Identifier: Apache-2.0
"""Fixtures of the end-to-end suite.

- `oracle`: the Go oracle (oracle/goff_events.go), built once per session.
- `moto`: a fresh moto with real SigV4 checking per test module (moto slows down as its
  shards fill up), started and stopped with scripts/local-kinesis.
- `stream`: a new, empty 2-shard stream per test, created with the relay's key.
- `relay_bin`: the release binary, $GOFF_RELAY_BIN or .build/release/goff-relay.
- `start_relay`: writes a config file, starts the relay on a free loopback port with the moto
  environment, waits for /health, captures stdout/stderr to files, stops it with SIGTERM.
Every test runs under a wall-clock limit (default 180 s, `@pytest.mark.timeout_seconds(n)`).
"""

from __future__ import annotations

import os
import re
import signal
from pathlib import Path

import pytest

import harness

DEFAULT_TEST_SECONDS = 180


def pytest_configure(config):
    config.addinivalue_line("markers", "timeout_seconds(n): wall-clock limit of one test")


class TimeLimitExceeded(Exception):
    pass


@pytest.fixture(autouse=True)
def _time_limit(request):
    marker = request.node.get_closest_marker("timeout_seconds")
    seconds = marker.args[0] if marker else DEFAULT_TEST_SECONDS

    def expired(_signum, _frame):
        raise TimeLimitExceeded(f"{request.node.nodeid} ran longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="session")
def oracle(tmp_path_factory) -> harness.Oracle:
    return harness.Oracle.build(tmp_path_factory.mktemp("oracle"))


@pytest.fixture(scope="session")
def relay_bin() -> Path:
    path = Path(os.environ.get("GOFF_RELAY_BIN") or harness.REPO / ".build" / "release" / "goff-relay")
    if not path.is_file() or not os.access(path, os.X_OK):
        pytest.fail(f"relay binary not found at {path}: build it with "
                    f"`swift build -c release --static-swift-stdlib --product goff-relay` or set GOFF_RELAY_BIN",
                    pytrace=False)
    return path


@pytest.fixture(scope="module")
def moto(tmp_path_factory):
    server = harness.Moto.start(tmp_path_factory.mktemp("moto"))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def stream(moto, request) -> harness.Stream:
    name = re.sub(r"[^A-Za-z0-9_.-]", "-", request.node.name)[:100]
    return moto.create_stream(f"{name}-{os.getpid()}", shards=2)


def relay_env(moto: harness.Moto, workdir: Path, **overrides: str) -> dict[str, str]:
    """The moto credentials and endpoint, and nothing from the developer's AWS setup."""
    env = harness.clean_env({
        "AWS_ACCESS_KEY_ID": moto.env["AWS_ACCESS_KEY_ID"],
        "AWS_SECRET_ACCESS_KEY": moto.env["AWS_SECRET_ACCESS_KEY"],
        "AWS_REGION": moto.env["AWS_REGION"],
        "AWS_ENDPOINT_URL_KINESIS": moto.endpoint,
        "AWS_EC2_METADATA_DISABLED": "true",
        "AWS_CONFIG_FILE": str(workdir / "no-aws-config"),
        "AWS_SHARED_CREDENTIALS_FILE": str(workdir / "no-aws-credentials"),
    })
    for name, value in overrides.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def base_config(stream_arn: str, port: int, data_dir: Path) -> dict:
    return {
        "server": {"host": "127.0.0.1", "port": port},
        "logLevel": "info",
        "logFormat": "json",
        "dataDir": str(data_dir),
        "shutdownGracePeriod": 20000,
        "collector": {"maxBodyBytes": 8 * 1024 * 1024, "maxQueueBytes": 256 * 1024 * 1024},
        "exporter": {"kind": "kinesis", "streamArn": stream_arn, "partitionKey": "default"},
    }


@pytest.fixture
def start_relay(relay_bin, moto, tmp_path, request):
    """start_relay(stream, config={...overrides}, env={...overrides}) -> harness.Relay"""
    started: list[harness.Relay] = []

    def start(stream: harness.Stream | None, config: dict | None = None,
              env: dict | None = None, wait: bool = True) -> harness.Relay:
        workdir = tmp_path / f"relay{len(started)}"
        workdir.mkdir()
        arn = stream.arn if stream else "arn:aws:kinesis:us-east-1:123456789012:stream/none"
        full_config = harness.merged(base_config(arn, harness.free_port(), workdir / "data"),
                                     config or {})
        relay = harness.Relay(relay_bin, workdir, full_config,
                              relay_env(moto, workdir, **(env or {})))
        started.append(relay)
        if wait:
            relay.wait_healthy()
        return relay

    yield start
    failed = getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed
    for relay in started:
        if relay.process.poll() is None:
            try:
                relay.terminate(timeout=30)
            except TimeoutError:
                pass
        if failed:
            print(f"\n[{relay.workdir}]\n{relay.output_tail()}")


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
