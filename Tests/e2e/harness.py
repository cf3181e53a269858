# SPDX-License-Identifier: Apache-2.0
"""Plumbing for the end-to-end tests: moto, the relay process, the oracle, a stream reader.

Everything binds to or talks to 127.0.0.1 only.
"""

from __future__ import annotations

import base64
import collections
import dataclasses
import email.utils
import http.client
import json
import os
import shlex
import signal
import socket
import subprocess
import time
from pathlib import Path
from typing import Any, Iterable

REPO = Path(__file__).resolve().parents[2]
E2E = Path(__file__).resolve().parent
LOCAL_KINESIS = REPO / "scripts" / "local-kinesis"
ORACLE_SOURCE = E2E / "oracle" / "goff_events.go"
FIXTURES = REPO / "Tests" / "Fixtures"


def free_port() -> int:
    """A loopback port nobody listened on a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(predicate, timeout: float, interval: float = 0.1, what: str = "condition"):
    """Poll `predicate` until it returns a truthy value; raise TimeoutError after `timeout` s."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


# --------------------------------------------------------------------------------------------
# HTTP


@dataclasses.dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


def http_request(port: int, method: str, path: str, body: bytes | None = None,
                 headers: dict[str, str] | None = None, timeout: float = 15,
                 connection: http.client.HTTPConnection | None = None) -> Response:
    """One request; a fresh connection unless one is given (then kept open)."""
    conn = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        all_headers = {"Content-Type": "application/json"} if body is not None else {}
        all_headers.update(headers or {})
        conn.request(method, path, body=body, headers=all_headers)
        raw = conn.getresponse()
        data = raw.read()
        return Response(raw.status, {k.lower(): v for k, v in raw.getheaders()}, data)
    finally:
        if connection is None:
            conn.close()


def retry_after_is_valid(value: str | None) -> bool:
    """A `Retry-After` value: delay seconds or an HTTP date."""
    if value is None:
        return False
    if value.strip().isdigit():
        return True
    try:
        return email.utils.parsedate_to_datetime(value) is not None
    except (TypeError, ValueError):
        return False


# --------------------------------------------------------------------------------------------
# moto


@dataclasses.dataclass
class Moto:
    """A moto started by scripts/local-kinesis; `env` holds its export lines."""

    env: dict[str, str]
    state_dir: Path

    @classmethod
    def start(cls, state_dir: Path, shards: int = 1) -> "Moto":
        state_dir.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ, PORT="0", STATE_DIR=str(state_dir), SHARDS=str(shards),
                   STREAM="e2e-bootstrap")
        for name in ("LOCAL_KINESIS_STATE_DIR", "AWS_PROFILE", "AWS_SESSION_TOKEN"):
            env.pop(name, None)
        done = subprocess.run([str(LOCAL_KINESIS)], env=env, capture_output=True, text=True,
                              timeout=90, stdin=subprocess.DEVNULL)
        if done.returncode != 0:
            raise RuntimeError(f"scripts/local-kinesis failed ({done.returncode}):\n{done.stderr}")
        exports = {}
        for line in done.stdout.splitlines():
            if line.startswith("export "):
                name, _, value = line[len("export "):].partition("=")
                exports[name] = shlex.split(value)[0] if value else ""
        return cls(exports, state_dir)

    def stop(self) -> None:
        env = dict(os.environ, STATE_DIR=str(self.state_dir))
        subprocess.run([str(LOCAL_KINESIS), "--stop"], env=env, capture_output=True, timeout=30,
                       stdin=subprocess.DEVNULL)

    @property
    def endpoint(self) -> str:
        return self.env["KINESIS_ENDPOINT"]

    @property
    def port(self) -> int:
        return int(self.env["MOTO_PORT"])

    def kinesis(self, key_id: str | None = None, secret: str | None = None):
        import boto3
        import botocore.config

        return boto3.client(
            "kinesis", endpoint_url=self.endpoint, region_name=self.env["AWS_REGION"],
            aws_access_key_id=key_id or self.env["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=secret or self.env["AWS_SECRET_ACCESS_KEY"],
            config=botocore.config.Config(retries={"total_max_attempts": 3, "mode": "standard"},
                                          connect_timeout=5, read_timeout=60))

    def create_stream(self, name: str, shards: int = 2) -> "Stream":
        client = self.kinesis()
        client.create_stream(StreamName=name, ShardCount=shards)
        client.get_waiter("stream_exists").wait(StreamName=name,
                                                WaiterConfig={"Delay": 0.1, "MaxAttempts": 100})
        arn = client.describe_stream_summary(StreamName=name)["StreamDescriptionSummary"]["StreamARN"]
        return Stream(name, arn, self)


@dataclasses.dataclass(frozen=True)
class Record:
    shard_id: str
    sequence_number: str
    partition_key: str
    data: bytes


@dataclasses.dataclass
class Stream:
    name: str
    arn: str
    moto: Moto

    def read(self) -> list[Record]:
        """Every record, shard by shard (ListShards order), each shard in sequence order."""
        client = self.moto.kinesis()
        shards, token = [], None
        while True:
            page = client.list_shards(NextToken=token) if token else client.list_shards(StreamName=self.name)
            shards += [shard["ShardId"] for shard in page["Shards"]]
            token = page.get("NextToken")
            if not token:
                break
        records: list[Record] = []
        for shard in shards:
            iterator = client.get_shard_iterator(StreamName=self.name, ShardId=shard,
                                                 ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
            in_shard: list[Record] = []
            while iterator:
                page = client.get_records(ShardIterator=iterator, Limit=10000)
                in_shard += [Record(shard, r["SequenceNumber"], r["PartitionKey"], r["Data"])
                             for r in page["Records"]]
                iterator = page.get("NextShardIterator")
                # Caught up: an empty page with nothing behind the tip of the shard.
                if not page["Records"] and page.get("MillisBehindLatest", 0) == 0:
                    break
            in_shard.sort(key=lambda record: int(record.sequence_number))
            records += in_shard
        return records

    def wait_for(self, count: int, timeout: float, settle: float = 1.0) -> list[Record]:
        """Read until at least `count` records are there (or `timeout`), then once more after
        `settle` seconds so that extra records (duplicates) are seen too."""
        deadline = time.monotonic() + timeout
        records = self.read()
        while len(records) < count and time.monotonic() < deadline:
            time.sleep(0.25)
            records = self.read()
        if settle > 0:
            time.sleep(settle)
            records = self.read()
        return records


# --------------------------------------------------------------------------------------------
# oracle


class OracleRejected(Exception):
    """The oracle says the relay must answer this body with 400."""


@dataclasses.dataclass
class Oracle:
    binary: Path

    @classmethod
    def build(cls, out_dir: Path) -> "Oracle":
        out_dir.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ)
        env.setdefault("GOCACHE", str(out_dir / "gocache"))
        env.setdefault("GOPATH", str(out_dir / "gopath"))
        env["GO111MODULE"] = "off"  # one file, standard library only
        env["GOFLAGS"] = ""
        binary = out_dir / "goff_events"
        subprocess.run(["go", "build", "-o", str(binary), str(ORACLE_SOURCE)], env=env, check=True,
                       capture_output=True, timeout=300, stdin=subprocess.DEVNULL)
        return cls(binary)

    def run(self, body: bytes) -> tuple[list[tuple[str, bytes]], list[str]]:
        """Expected records for one collector body as (event type, payload) in event order,
        and the oracle's notes about skipped events. Raises OracleRejected for a 400 body."""
        done = subprocess.run([str(self.binary), "-kinds"], input=body, capture_output=True, timeout=60)
        notes = done.stderr.decode("utf-8", "replace").splitlines()
        if done.returncode == 3:
            raise OracleRejected("\n".join(notes))
        if done.returncode != 0:
            raise RuntimeError(f"oracle failed ({done.returncode}): {notes}")
        records = []
        for line in done.stdout.decode("ascii").splitlines():
            event_type, _, encoded = line.partition(" ")
            records.append((event_type, base64.b64decode(encoded)))
        return records, notes

    def expected(self, body: bytes) -> list[bytes]:
        """Every expected payload, feature and tracking, in event order."""
        return [payload for _, payload in self.run(body)[0]]

    def by_type(self, bodies: Iterable[bytes]) -> dict[str, list[bytes]]:
        """Expected payloads of several bodies (posted in this order), per event type."""
        out: dict[str, list[bytes]] = {"feature": [], "tracking": []}
        for body in bodies:
            for event_type, payload in self.run(body)[0]:
                out[event_type].append(payload)
        return out


# --------------------------------------------------------------------------------------------
# comparing records


@dataclasses.dataclass
class Comparison:
    expected: int
    read: int
    missing: list[bytes]      # expected, not in the stream (multiset difference)
    unexpected: list[bytes]   # in the stream, not expected (incl. duplicates)
    order_errors: list[str]   # per partition key, first index where the order differs
    wrong_keys: list[str]     # partition keys other than the expected one

    @property
    def mismatches(self) -> int:
        """Records that differ (a changed record is one missing + one unexpected: counted once),
        plus order and partition-key problems."""
        return (max(len(self.missing), len(self.unexpected)) + len(self.order_errors)
                + len(self.wrong_keys))

    def summary(self) -> str:
        return (f"expected records {self.expected}, records read {self.read}, "
                f"mismatches {self.mismatches} (missing {len(self.missing)}, unexpected "
                f"{len(self.unexpected)}, order {len(self.order_errors)}, partition key "
                f"{len(self.wrong_keys)})")

    def details(self, limit: int = 5) -> str:
        lines = [self.summary()]
        for title, items in (("missing", self.missing), ("unexpected", self.unexpected)):
            for item in items[:limit]:
                lines.append(f"  {title}: {item[:400]!r}")
        lines += [f"  order: {text}" for text in self.order_errors[:limit]]
        lines += [f"  partition key: {text}" for text in self.wrong_keys[:limit]]
        return "\n".join(lines)


def compare(expected: list[bytes] | dict[str, list[bytes]], records: list[Record],
            ordered: bool = True) -> Comparison:
    """Exact bytes, as multisets AND (if `ordered`) in order per partition key. `expected` maps
    each partition key to its payloads in posting order (a plain list means partition key
    "default"); records are already in sequence order within their shard, and one key always
    maps to one shard. Use ordered=False when the requests were sent concurrently."""
    per_key = {"default": expected} if isinstance(expected, list) else expected
    everything = [payload for payloads in per_key.values() for payload in payloads]
    want = collections.Counter(everything)
    got = collections.Counter(record.data for record in records)
    missing = list((want - got).elements())
    unexpected = list((got - want).elements())
    wrong_keys = sorted({record.partition_key for record in records} - set(per_key))
    order_errors = []
    by_key: dict[str, list[bytes]] = collections.defaultdict(list)
    for record in records:
        by_key[record.partition_key].append(record.data)
    for key, wanted in per_key.items():
        actual = by_key.get(key, [])
        if not ordered:
            if len(actual) != len(wanted):
                order_errors.append(f"key {key!r}: {len(actual)} records, expected {len(wanted)}")
            continue
        if actual == wanted:
            continue
        for index, (a, b) in enumerate(zip(actual, wanted)):
            if a != b:
                order_errors.append(f"key {key!r}: first difference at record {index}: "
                                    f"got {a[:200]!r}, expected {b[:200]!r}")
                break
        else:
            order_errors.append(f"key {key!r}: {len(actual)} records, expected {len(wanted)}")
    return Comparison(len(everything), len(records), missing, unexpected, order_errors,
                      [f"{key!r}" for key in wrong_keys])


# --------------------------------------------------------------------------------------------
# relay


def to_yaml(value: Any, indent: int = 0) -> str:
    """Block-style YAML for nested dicts/lists of scalars (strings double-quoted JSON-style)."""
    pad = " " * indent
    lines = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                lines.append(f"{pad}{key}:")
                lines.append(to_yaml(item, indent + 2))
            else:
                lines.append(f"{pad}{key}: {scalar(item)}")
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict) and item:
                block = to_yaml(item, indent + 2).splitlines()
                lines.append(f"{pad}- {block[0].lstrip()}")
                lines += block[1:]
            else:
                lines.append(f"{pad}- {scalar(item)}")
    else:
        raise TypeError(f"not a mapping or list: {value!r}")
    return "\n".join(lines)


def scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value)
    return json.dumps(str(value), ensure_ascii=False)


def merged(base: dict, override: dict) -> dict:
    out = dict(base)
    for key, value in override.items():
        if value is None:
            out.pop(key, None)
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merged(out[key], value)
        else:
            out[key] = value
    return out


def clean_env(extra: dict[str, str]) -> dict[str, str]:
    """A minimal environment: nothing stray that a GOFF-style env override could pick up."""
    env = {name: os.environ[name] for name in ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "TZ")
           if name in os.environ}
    env.update(extra)
    return env


class Relay:
    """A running goff-relay process, its port and its captured output."""

    def __init__(self, binary: Path, workdir: Path, config: dict, env: dict[str, str],
                 args: list[str] | None = None):
        self.binary = binary
        self.workdir = workdir
        self.port = config["server"]["port"]
        self.config = config
        self.config_path = workdir / "goff-proxy.yaml"
        self.config_path.write_text(to_yaml(config) + "\n", encoding="utf-8")
        self.stdout_path = workdir / "relay.stdout.log"
        self.stderr_path = workdir / "relay.stderr.log"
        self.env = env
        self.returncode: int | None = None
        self._stdout = open(self.stdout_path, "wb")
        self._stderr = open(self.stderr_path, "wb")
        command = [str(binary)] + (args if args is not None else ["--config", str(self.config_path)])
        self.process = subprocess.Popen(command, cwd=workdir, env=env, stdin=subprocess.DEVNULL,
                                        stdout=self._stdout, stderr=self._stderr)

    def wait_healthy(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        last = "no answer"
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"relay exited with {self.process.returncode} before /health "
                                   f"answered\n{self.output_tail()}")
            try:
                response = http_request(self.port, "GET", "/health", timeout=2)
                if response.status == 200 and response.json() == {"initialized": True}:
                    return
                last = f"{response.status} {response.body[:200]!r}"
            except (OSError, ValueError, http.client.HTTPException) as error:
                last = repr(error)
            time.sleep(0.1)
        raise TimeoutError(f"relay /health not ready after {timeout} s ({last})\n{self.output_tail()}")

    def post_events(self, body: bytes, connection=None, headers=None) -> Response:
        return http_request(self.port, "POST", "/v1/data/collector", body, headers=headers,
                            connection=connection)

    def terminate(self, timeout: float) -> int:
        """SIGTERM, then wait up to `timeout` s; SIGKILL (and raise) if it did not exit."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
                self._close()
                raise TimeoutError(f"relay did not exit within {timeout} s of SIGTERM\n"
                                   f"{self.output_tail()}")
        self._close()
        self.returncode = self.process.returncode
        return self.returncode

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        self._close()

    def _close(self) -> None:
        for handle in (self._stdout, self._stderr):
            if not handle.closed:
                handle.close()

    def stdout_text(self) -> str:
        if not self._stdout.closed:
            self._stdout.flush()
        return self.stdout_path.read_text(encoding="utf-8", errors="replace")

    def stderr_text(self) -> str:
        if not self._stderr.closed:
            self._stderr.flush()
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    def log_lines(self) -> list[dict]:
        """stdout lines that are JSON objects (the relay's structured logs)."""
        lines = []
        for line in self.stdout_text().splitlines():
            try:
                value = json.loads(line)
            except ValueError:
                continue
            if isinstance(value, dict):
                lines.append(value)
        return lines

    def output_tail(self, lines: int = 40) -> str:
        out = self.stdout_text().splitlines()[-lines:]
        err = self.stderr_text().splitlines()[-lines:]
        return ("--- relay stdout (tail) ---\n" + "\n".join(out) +
                "\n--- relay stderr (tail) ---\n" + "\n".join(err))


def log_message(line: dict) -> str:
    return str(line.get("msg", line.get("message", "")))


def events_body(events: Iterable[dict], meta: Any = "absent", ensure_ascii: bool = True) -> bytes:
    body: dict[str, Any] = {}
    if meta != "absent":
        body["meta"] = meta
    body["events"] = list(events)
    return json.dumps(body, ensure_ascii=ensure_ascii, separators=(",", ":")).encode("utf-8")


# --------------------------------------------------------------------------------------------
# a TCP forwarder, to make an endpoint appear on a port that was closed


class Forwarder:
    """Listens on 127.0.0.1:`port` and pipes every connection to 127.0.0.1:`target`, bytes
    untouched (so SigV4 signatures made for the listening port still verify)."""

    def __init__(self, port: int, target: int):
        import threading

        self.target = target
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", port))
        self.listener.listen(64)
        self.sockets: list[socket.socket] = []
        self.closed = False
        self.connections = 0
        self._threading = threading
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self.closed:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target), timeout=10)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            self.connections += 1
            self.sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                self._threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                sink.sendall(data)
        except OSError:
            pass
        finally:
            try:
                sink.shutdown(socket.SHUT_WR)
            except OSError:
                pass

    def close(self) -> None:
        self.closed = True
        self.listener.close()
        for sock in self.sockets:
            try:
                sock.close()
            except OSError:
                pass
