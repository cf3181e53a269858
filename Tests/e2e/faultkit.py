# SPDX-License-Identifier: Apache-2.0
"""Plumbing of the fault suite (test_faults.py, scripts/soak): the fault-injecting Kinesis
(`fake-kinesis`), a relay that can be killed and restarted on the same dataDir, a fast loader that
tags every event with a unique id, and the delivery check ("every id acknowledged with a 2xx is in
the fake's record file; count the duplicates").

Everything binds to or talks to 127.0.0.1 only. No moto here: the fake keeps up with hundreds of
thousands of records and can refuse connections, fail records and reset calls on demand.
"""

from __future__ import annotations

import array
import collections
import dataclasses
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

import harness

FAKE_ACCESS_KEY = "AKIDEXAMPLE"
FAKE_SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
FAKE_REGION = "us-east-1"
STREAM = "fault-events"

# One event per id: the id is the userKey, `<prefix>-<n>`; the relay copies it into the record.
EVENT_TEMPLATE = ('{{"kind":"feature","contextKind":"user","userKey":"{prefix}-{n}",'
                  '"creationDate":1755600000,"key":"fault-flag","variation":"on","value":{n},'
                  '"default":false,"version":"v1","source":"INPROCESS"}}')
ID_PATTERN = re.compile(rb'"userKey":"([a-z0-9]+)-(\d+)"')


def env_int(name: str, default: int) -> int:
    """A soak parameter from the environment (scripts/soak sets them), or the suite's default."""
    value = os.environ.get(name)
    return int(value) if value else default


def events_body(prefix: str, first: int, count: int) -> bytes:
    return ('{"events":[' + ",".join(EVENT_TEMPLATE.format(prefix=prefix, n=n)
                                     for n in range(first, first + count)) + "]}").encode()


# --------------------------------------------------------------------------------------------
# fake-kinesis


class FakeKinesis:
    """A fake-kinesis process writing accepted records to a binary record file."""

    def __init__(self, binary: Path, workdir: Path, port: int = 0, args: tuple[str, ...] = (),
                 keep_records: bool = False):
        workdir.mkdir(parents=True, exist_ok=True)
        self.workdir = workdir
        self.record_file = workdir / "records.bin"
        self.stdout_path = workdir / "fake.stdout.log"
        self.stderr_path = workdir / "fake.stderr.log"
        self._stdout = open(self.stdout_path, "wb")
        self._stderr = open(self.stderr_path, "wb")
        command = [str(binary), "--port", str(port), "--stream-name", STREAM,
                   "--record-file", str(self.record_file), "--record-format", "binary", *args]
        self.started_at = time.monotonic()
        self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=self._stdout,
                                        stderr=self._stderr)
        line = harness.wait_until(self._listening_line, timeout=20, interval=0.02,
                                  what="fake-kinesis to print its port")
        self.port = int(line.rsplit(":", 1)[1])
        self.keep_records = keep_records
        self._read_bytes = 0
        self._records: list[bytes] = []
        self._record_count = 0
        self._tallies: dict[bytes, IdTally] = {}
        self._foreign = 0

    def _listening_line(self) -> str | None:
        if self.process.poll() is not None:
            raise RuntimeError(f"fake-kinesis exited with {self.process.returncode}:\n"
                               f"{self.stderr_path.read_text(errors='replace')[-2000:]}")
        for line in self.stdout_path.read_text(errors="replace").splitlines():
            if line.startswith("fake-kinesis listening on "):
                return line.strip()
        return None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _control(self, method: str, path: str, body: dict | None = None) -> dict:
        response = harness.http_request(self.port, method, path,
                                        json.dumps(body).encode() if body is not None else b"",
                                        timeout=10)
        if response.status != 200:
            raise RuntimeError(f"{method} {path}: {response.status} {response.body[:300]!r}")
        return response.json()

    def stats(self) -> dict:
        return self._control("GET", "/_fake/stats")

    def faults(self, **settings) -> dict:
        return self._control("POST", "/_fake/faults", settings)

    def flush(self) -> None:
        self._control("POST", "/_fake/flush", {})

    def read(self) -> int:
        """Reads the records accepted since the last call (flushes first) into the per-prefix id
        tallies; returns the number of records read so far."""
        self.flush()
        with open(self.record_file, "rb") as handle:
            handle.seek(self._read_bytes)
            data = handle.read()
        position = 0
        while position + 4 <= len(data):
            length = int.from_bytes(data[position:position + 4], "big")
            if position + 4 + length > len(data):
                break   # a record the fake's writer has not finished yet
            record = data[position + 4:position + 4 + length]
            match = ID_PATTERN.search(record)
            if match is None:
                self._foreign += 1
            else:
                tally = self._tallies.get(match.group(1))
                if tally is None:
                    tally = self._tallies[match.group(1)] = IdTally()
                tally.add(int(match.group(2)), self._record_count)
            if self.keep_records:
                self._records.append(record)
            self._record_count += 1
            position += 4 + length
        self._read_bytes += position
        return self._record_count

    def records(self) -> list[bytes]:
        """Every accepted record so far, in acceptance order (only with keep_records)."""
        assert self.keep_records, "start the fake with keep_records=True"
        self.read()
        return self._records

    def tally(self, prefix: str) -> "IdTally":
        self.read()
        return self._tallies.get(prefix.encode()) or IdTally()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        for handle in (self._stdout, self._stderr):
            if not handle.closed:
                handle.close()


# --------------------------------------------------------------------------------------------
# the relay, restartable on one dataDir


class RelayRunner:
    """Starts goff-relay incarnations on one port and one dataDir (`run-<k>` holds each one's
    config and logs)."""

    def __init__(self, binary: Path, workdir: Path, kinesis_port: int, config: dict | None = None):
        self.binary = binary
        self.workdir = workdir
        self.port = harness.free_port()
        self.data_dir = workdir / "data"
        self.kinesis_port = kinesis_port
        base = {
            "server": {"host": "127.0.0.1", "port": self.port},
            "logLevel": "info",
            "logFormat": "json",
            "dataDir": str(self.data_dir),
            "shutdownGracePeriod": 10000,
            "exporter": {"kind": "kinesis", "streamName": STREAM,
                         "retryBaseDelay": 20, "retryMaxDelay": 500},
        }
        self.config = harness.merged(base, config or {})
        self.incarnations: list[harness.Relay] = []
        self.spawned_at: list[float] = []

    def env(self) -> dict[str, str]:
        return harness.clean_env({
            "AWS_ACCESS_KEY_ID": FAKE_ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": FAKE_SECRET_KEY,
            "AWS_REGION": FAKE_REGION,
            "AWS_ENDPOINT_URL_KINESIS": f"http://127.0.0.1:{self.kinesis_port}",
            "AWS_EC2_METADATA_DISABLED": "true",
            "AWS_CONFIG_FILE": str(self.workdir / "no-aws-config"),
            "AWS_SHARED_CREDENTIALS_FILE": str(self.workdir / "no-aws-credentials"),
        })

    @property
    def current(self) -> harness.Relay:
        return self.incarnations[-1]

    def start(self, wait: bool = True) -> harness.Relay:
        run_dir = self.workdir / f"run-{len(self.incarnations)}"
        run_dir.mkdir(parents=True)
        self.spawned_at.append(time.monotonic())
        relay = harness.Relay(self.binary, run_dir, self.config, self.env())
        self.incarnations.append(relay)
        if wait:
            relay.wait_healthy()
        return relay

    def kill9(self) -> None:
        relay = self.current
        if relay.process.poll() is None:
            relay.process.send_signal(signal.SIGKILL)
            relay.process.wait(timeout=10)
        relay.kill()

    def stop_all(self) -> None:
        for relay in self.incarnations:
            if relay.process.poll() is None:
                try:
                    relay.terminate(timeout=30)
                except TimeoutError:
                    pass

    def log_lines(self) -> list[dict]:
        return [line for relay in self.incarnations for line in relay.log_lines()]

    def output_tail(self, lines: int = 30) -> str:
        return "\n".join(f"[{relay.workdir}]\n{relay.output_tail(lines)}"
                         for relay in self.incarnations[-2:])


# --------------------------------------------------------------------------------------------
# the loader


class Loader:
    """Threads posting 100-event bodies on keep-alive connections. Every attempt uses fresh ids, so
    an id is posted at most once; its fate is recorded by range: acknowledged (200 with the right
    count), refused (503: nothing was kept), or unknown (the connection failed: maybe stored).

    `target`: stop once this many events are acknowledged; `rate`: events/s over all threads
    (None = as fast as the relay answers)."""

    def __init__(self, port: int, prefix: str, threads: int = 4, per_post: int = 100,
                 target: int | None = None, rate: float | None = None):
        self.port = port
        self.prefix = prefix
        self.threads_count = threads
        self.per_post = per_post
        self.target = target
        self.rate = rate
        self.lock = threading.Lock()
        self.next_id = 0
        self.next_slot = 0.0
        self.acked: list[tuple[int, int]] = []
        self.refused: list[tuple[int, int]] = []
        self.unknown: list[tuple[int, int]] = []
        self.acked_events = 0
        self.status_counts: collections.Counter = collections.Counter()
        self.others: list[str] = []
        self.retry_after: list[str | None] = []
        self.connection_errors = 0
        self.stopping = threading.Event()
        self.threads: list[threading.Thread] = []
        self.started_at = 0.0
        self.stopped_at = 0.0

    def start(self) -> "Loader":
        self.started_at = time.monotonic()
        self.next_slot = self.started_at
        self.threads = [threading.Thread(target=self._run, daemon=True, name=f"loader-{i}")
                        for i in range(self.threads_count)]
        for thread in self.threads:
            thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=60)
        self.stopped_at = time.monotonic()

    def wait(self, timeout: float) -> None:
        """Until the target is reached (or `timeout`), then stop."""
        deadline = time.monotonic() + timeout
        for thread in self.threads:
            thread.join(timeout=max(0.0, deadline - time.monotonic()))
        self.stop()

    @property
    def done(self) -> bool:
        return self.stopping.is_set() or (self.target is not None
                                           and self.acked_events >= self.target)

    def _reserve(self) -> int | None:
        with self.lock:
            if self.done:
                return None
            first = self.next_id
            self.next_id += self.per_post
            if self.rate:
                slot = max(self.next_slot, time.monotonic())
                self.next_slot = slot + self.per_post / self.rate
            else:
                slot = 0.0
        if slot:
            delay = slot - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        return first

    def _run(self) -> None:
        conn: http.client.HTTPConnection | None = None
        try:
            while True:
                first = self._reserve()
                if first is None:
                    return
                body = events_body(self.prefix, first, self.per_post)
                try:
                    if conn is None:
                        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                    conn.request("POST", "/v1/data/collector", body=body,
                                 headers={"Content-Type": "application/json"})
                    response = conn.getresponse()
                    data = response.read()
                except (OSError, http.client.HTTPException):
                    if conn is not None:
                        conn.close()
                    conn = None
                    with self.lock:
                        self.unknown.append((first, self.per_post))
                        self.connection_errors += 1
                    time.sleep(0.02)
                    continue
                self._record(first, response, data)
                if response.will_close:
                    conn.close()
                    conn = None
        finally:
            if conn is not None:
                conn.close()

    def _record(self, first: int, response: http.client.HTTPResponse, data: bytes) -> None:
        status = response.status
        ok = False
        if status == 200:
            try:
                ok = json.loads(data) == {"ingestedContentCount": self.per_post}
            except ValueError:
                ok = False
        with self.lock:
            self.status_counts[status] += 1
            if ok:
                self.acked.append((first, self.per_post))
                self.acked_events += self.per_post
            elif status == 503:
                self.refused.append((first, self.per_post))
                self.retry_after.append(response.getheader("Retry-After"))
            else:
                self.unknown.append((first, self.per_post))
                self.others.append(f"{status} {data[:200]!r}")
        if status == 503:
            time.sleep(0.05)

    def ranges(self, kind: str = "acked") -> list[tuple[int, int]]:
        """(first id, count) of every body answered `kind`: acked, refused or unknown."""
        with self.lock:
            return list(getattr(self, kind))

    def ids(self, kind: str = "acked") -> set[int]:
        return {n for first, count in self.ranges(kind) for n in range(first, first + count)}


# --------------------------------------------------------------------------------------------
# the delivery check


class IdTally:
    """How often each id n (a dense integer) of one prefix was delivered, and the index in the
    record file of its first copy; arrays, so that millions of ids stay cheap."""

    def __init__(self):
        self.counts = array.array("H")
        self.first = array.array("q")

    def add(self, number: int, position: int) -> None:
        if number >= len(self.counts):
            grow = max(number + 1 - len(self.counts), len(self.counts), 1024)
            self.counts.extend(array.array("H", bytes(2 * grow)))
            self.first.extend(array.array("q", [-1]) * grow)
        if self.counts[number] == 0:
            self.first[number] = position
        if self.counts[number] < 65535:
            self.counts[number] += 1

    def count(self, number: int) -> int:
        return self.counts[number] if number < len(self.counts) else 0


Ranges = list[tuple[int, int]]      # (first id, how many)


def as_ranges(ids) -> Ranges:
    if isinstance(ids, Loader):
        return ids.ranges("acked")
    return [(n, 1) for n in sorted(ids)]


@dataclasses.dataclass
class Delivery:
    acknowledged: int            # ids acknowledged with 200
    delivered: int               # of those, ids found at least once in the record file
    lost: list[int]              # acknowledged, never delivered
    duplicates: int              # extra copies, over every id of this prefix
    duplicated_ids: list[int]
    records: int                 # records of this prefix in the file
    refused_delivered: int       # ids answered 503 that reached Kinesis anyway (must be 0)
    unknown_delivered: int       # ids whose POST failed on the wire and reached Kinesis (allowed)
    foreign: int                 # records without an id of any prefix
    tally: IdTally

    def summary(self) -> str:
        return (f"acknowledged={self.acknowledged} delivered={self.delivered} "
                f"lost={len(self.lost)} duplicates={self.duplicates}")

    def lost_message(self, what: str = "acknowledged ids") -> str:
        return f"{len(self.lost)} {what} never delivered, e.g. {self.lost[:10]}"


def check_delivery(fake: FakeKinesis, acked, prefix: str) -> Delivery:
    """`acked`: a Loader (its acknowledged ranges; its refused and unknown ones are checked too)
    or the ids that must be delivered."""
    tally = fake.tally(prefix)
    acked_ranges = as_ranges(acked)
    refused = acked.ranges("refused") if isinstance(acked, Loader) else []
    unknown = acked.ranges("unknown") if isinstance(acked, Loader) else []
    counts = tally.counts
    size = len(counts)
    lost, acknowledged = [], 0
    for first, count in acked_ranges:
        acknowledged += count
        lost += [n for n in range(first, first + count) if n >= size or counts[n] == 0]

    def delivered_in(ranges: Ranges) -> int:
        return sum(1 for first, count in ranges for n in range(first, first + count)
                   if n < size and counts[n] > 0)

    duplicated = [n for n, c in enumerate(counts) if c > 1]
    return Delivery(
        acknowledged=acknowledged, delivered=acknowledged - len(lost), lost=lost,
        duplicates=sum(counts[n] - 1 for n in duplicated), duplicated_ids=duplicated,
        records=sum(counts), refused_delivered=delivered_in(refused),
        unknown_delivered=delivered_in(unknown), foreign=fake._foreign, tally=tally)


def wait_delivery(fake: FakeKinesis, acked, prefix: str, timeout: float,
                  settle: float = 1.0) -> tuple[Delivery, float]:
    """Until every acknowledged id is delivered (or `timeout`), then once more after `settle` s so
    that late duplicates are seen too. Returns the check and the seconds it took to get there."""
    started = time.monotonic()
    expected = sum(count for _, count in as_ranges(acked))
    deadline = started + timeout
    while True:
        if fake.stats()["recordsAccepted"] >= expected or time.monotonic() >= deadline:
            delivery = check_delivery(fake, acked, prefix)
            if not delivery.lost or time.monotonic() >= deadline:
                break
        time.sleep(0.1)
    took = time.monotonic() - started
    if settle > 0:
        time.sleep(settle)
        delivery = check_delivery(fake, acked, prefix)
    return delivery, took


def summary_line(test: str, trials: int, delivery: Delivery, **timings) -> str:
    extra = " ".join(f"{key}={value}" for key, value in timings.items())
    return f"FAULTS {test}: trials={trials} {delivery.summary()} {extra}".rstrip()


# --------------------------------------------------------------------------------------------
# fixtures (imported by the fault test modules)


@pytest.fixture(scope="session")
def fake_bin() -> Path:
    path = Path(os.environ.get("FAKE_KINESIS_BIN")
                or harness.REPO / ".build" / "release" / "fake-kinesis")
    if not path.is_file() or not os.access(path, os.X_OK):
        pytest.fail(f"fake-kinesis not found at {path}: build it with "
                    f"`swift build -c release --static-swift-stdlib --product fake-kinesis` or set FAKE_KINESIS_BIN",
                    pytrace=False)
    return path


@pytest.fixture
def fakes(fake_bin, tmp_path, request):
    """fakes(port=0, args=(...), keep_records=False) -> FakeKinesis; every fake is stopped at
    the end, and its record file (hundreds of MB) deleted if the test passed."""
    started: list[FakeKinesis] = []

    def start(port: int = 0, args: tuple[str, ...] = (), keep_records: bool = False) -> FakeKinesis:
        fake = FakeKinesis(fake_bin, tmp_path / f"fake{len(started)}", port=port, args=args,
                           keep_records=keep_records)
        started.append(fake)
        return fake

    yield start
    for fake in started:
        fake.stop()
        if call_passed(request):
            fake.record_file.unlink(missing_ok=True)


@pytest.fixture
def loaders():
    """loaders(port, prefix, ...) -> a started Loader; every loader is stopped at the end (also
    when the test failed or ran out of time)."""
    started: list[Loader] = []

    def start(port: int, prefix: str, **options) -> Loader:
        loader = Loader(port, prefix, **options)
        started.append(loader)
        return loader.start()

    yield start
    for loader in started:
        loader.stop()


@pytest.fixture
def relays(relay_bin, tmp_path, request):
    """relays(kinesis_port, config={...}) -> RelayRunner; stopped at the end; logs printed if the
    test failed, its dataDir deleted if it passed."""
    runners: list[RelayRunner] = []

    def make(kinesis_port: int, config: dict | None = None) -> RelayRunner:
        runner = RelayRunner(relay_bin, tmp_path / f"relay{len(runners)}", kinesis_port, config)
        runners.append(runner)
        return runner

    yield make
    for runner in runners:
        runner.stop_all()
        if call_passed(request):
            shutil.rmtree(runner.data_dir, ignore_errors=True)
        else:
            print(f"\n{runner.output_tail()}")


def call_passed(request) -> bool:
    report = getattr(request.node, "rep_call", None)   # set by conftest's makereport hook
    return report is not None and report.passed


# --------------------------------------------------------------------------------------------
# the spool on disk (layout: Sources/EventSpool/FrameCodec.swift; little-endian)


@dataclasses.dataclass(frozen=True)
class Frame:
    start: int          # offset of the frame in its segment
    end: int            # offset just after it
    sequence: int
    data: bytes         # the record payload (the event JSON)


def spool_segments(spool_dir: Path) -> list[Path]:
    return sorted(spool_dir.glob("segment-*.log"))


def spool_frames(segment: Path) -> list[Frame]:
    """The complete frames of a segment, in order. Checksums are not verified: this reads a
    segment the relay wrote and nobody has damaged yet."""
    data = segment.read_bytes()
    frames, position = [], 0
    while position + 8 <= len(data):
        length = int.from_bytes(data[position:position + 4], "little")
        if length < 24 or position + 8 + length > len(data):
            break
        body = data[position + 8:position + 8 + length]
        key_bytes = int.from_bytes(body[8:12], "little")
        event_key_bytes = int.from_bytes(body[12:16], "little")
        payload = body[16 + key_bytes + event_key_bytes:length - 8]
        sequence = int.from_bytes(body[length - 8:length], "little")
        frames.append(Frame(position, position + 8 + length, sequence, payload))
        position += 8 + length
    return frames


def record_id(record: bytes, prefix: str) -> int | None:
    match = ID_PATTERN.search(record)
    if match is None or match.group(1) != prefix.encode():
        return None
    return int(match.group(2))
