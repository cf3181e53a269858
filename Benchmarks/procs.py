# SPDX-License-Identifier: Apache-2.0
"""Processes of the benchmark and what is read from /proc about them.

fake-kinesis (the sink), goff-relay, nginx (the HTTP baseline) and wrk (the load generator), all on
127.0.0.1; CPU time and RSS from /proc/<pid>; wrk's own CPU time from wait4's rusage.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLK_TCK = os.sysconf("SC_CLK_TCK")
FAKE_ACCESS_KEY = "AKIDEXAMPLE"
FAKE_SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
FAKE_REGION = "us-east-1"
STREAM = "flag-events"


# --------------------------------------------------------------------------------------------
# /proc

def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (every thread), in seconds."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def thread_cpu(pid: int) -> dict[str, float]:
    """CPU seconds per thread name (threads of one name summed)."""
    out: dict[str, float] = {}
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/stat") as f:
                text = f.read()
        except OSError:
            continue
        name = text[text.index("(") + 1:text.rindex(")")]
        fields = text.rsplit(")", 1)[1].split()
        name = re.sub(r"\d+$", "#", name)
        out[name] = out.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / CLK_TCK
    return out


def status_kb(pid: int, key: str) -> int:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def rss_breakdown_kb(pid: int) -> dict:
    """RSS split into anonymous memory (heap, stacks) and file-backed pages (code of the binary and
    its shared libraries), from /proc/<pid>/smaps_rollup."""
    values: dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 2 and parts[0].endswith(":") and parts[1].isdigit():
                    values[parts[0][:-1]] = int(parts[1])
    except OSError:
        return {}
    rss, anon = values.get("Rss", 0), values.get("Anonymous", 0)
    return {"rss": rss, "anonymous": anon, "fileBacked": rss - anon, "pss": values.get("Pss", 0)}


def machine_busy() -> tuple[float, float]:
    """(busy, total) jiffies of the whole machine, from /proc/stat."""
    with open("/proc/stat") as f:
        values = [int(v) for v in f.readline().split()[1:]]
    idle = values[3] + values[4]
    return float(sum(values) - idle), float(sum(values))


def loadavg() -> list[float]:
    with open("/proc/loadavg") as f:
        return [float(v) for v in f.read().split()[:3]]


class Sampler:
    """Samples, every `interval` s: the RSS of `pids` and a counter function; keeps the series."""

    def __init__(self, pids: dict[str, int], counter=None, interval: float = 0.5):
        self.pids, self.counter, self.interval = pids, counter, interval
        self.series: list[dict] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "Sampler":
        self.start = time.monotonic()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            sample = {"t": time.monotonic() - self.start}
            for name, pid in self.pids.items():
                try:
                    sample[name + "RssKB"] = status_kb(pid, "VmRSS")
                except OSError:
                    pass
            if self.counter:
                try:
                    sample["count"] = self.counter()
                except (OSError, ValueError, http.client.HTTPException):
                    pass
            self.series.append(sample)
            self._stop.wait(self.interval)

    def max_rss_kb(self, name: str) -> int:
        return max((s.get(name + "RssKB", 0) for s in self.series), default=0)


# --------------------------------------------------------------------------------------------
# HTTP

def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http_call(port: int, method: str, path: str, body: dict | None = None,
              timeout: float = 10) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        data = json.dumps(body).encode() if body is not None else None
        conn.request(method, path, body=data,
                     headers={"Content-Type": "application/json"} if data is not None else {})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def wait_until(predicate, timeout: float, what: str, interval: float = 0.05):
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = predicate()
        except (OSError, ValueError, http.client.HTTPException):
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


def stop_process(process: subprocess.Popen, timeout: float = 15) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


# --------------------------------------------------------------------------------------------
# the three servers

class Fake:
    """fake-kinesis: SigV4 checked, no record file (its cheapest mode), `delay_ms` before answers."""

    def __init__(self, binary: Path, work: Path, delay_ms: int, shards: int):
        work.mkdir(parents=True, exist_ok=True)
        self.log = open(work / "fake.stderr.log", "wb")
        self.process = subprocess.Popen(
            [str(binary), "--port", "0", "--stream-name", STREAM, "--region", FAKE_REGION,
             "--delay-ms", str(delay_ms), "--shards", str(shards)],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=self.log)
        line = self.process.stdout.readline().decode().strip()
        if not line.startswith("fake-kinesis listening on "):
            raise RuntimeError(f"fake-kinesis did not start: {line!r} (see {work}/fake.stderr.log)")
        self.port = int(line.rsplit(":", 1)[1])
        self.pid = self.process.pid

    def stats(self) -> dict:
        status, body = http_call(self.port, "GET", "/_fake/stats")
        return json.loads(body)

    def accepted(self) -> int:
        return int(self.stats()["recordsAccepted"])

    def faults(self, settings: dict) -> None:
        status, body = http_call(self.port, "POST", "/_fake/faults", settings)
        if status != 200:
            raise RuntimeError(f"fake-kinesis refused {settings}: {status} {body[:200]!r}")

    def stop(self) -> None:
        stop_process(self.process)
        self.log.close()


class Relay:
    """goff-relay on a generated config pointing at the fake."""

    def __init__(self, binary: Path, work: Path, fake_port: int, durability: str,
                 max_concurrent_calls: int, partition_key_from: str, extra_env: dict | None = None,
                 flags_file: Path | None = None):
        work.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.work = work
        config = f"""server:
  host: 127.0.0.1
  port: {self.port}
logLevel: info
logFormat: json
dataDir: {work / 'data'}
durability: {durability}
shutdownGracePeriod: 2000
exporter:
  kind: kinesis
  streamName: {STREAM}
  partitionKeyFrom: {partition_key_from}
  maxConcurrentCalls: {max_concurrent_calls}
  retryBaseDelay: 50
  retryMaxDelay: 1000
"""
        if flags_file is not None:
            config += f"""retriever:
  kind: file
  path: {flags_file}
"""
        (work / "goff-proxy.yaml").write_text(config, encoding="utf-8")
        env = {name: os.environ[name] for name in ("PATH", "HOME", "LANG", "TZ") if name in os.environ}
        env.update({
            "AWS_ACCESS_KEY_ID": FAKE_ACCESS_KEY, "AWS_SECRET_ACCESS_KEY": FAKE_SECRET_KEY,
            "AWS_REGION": FAKE_REGION, "AWS_ENDPOINT_URL_KINESIS": f"http://127.0.0.1:{fake_port}",
            "AWS_EC2_METADATA_DISABLED": "true",
            "AWS_CONFIG_FILE": str(work / "no-aws-config"),
            "AWS_SHARED_CREDENTIALS_FILE": str(work / "no-aws-credentials"),
        })
        env.update(extra_env or {})
        self.stdout = open(work / "relay.stdout.log", "wb")
        self.stderr = open(work / "relay.stderr.log", "wb")
        self.process = subprocess.Popen([str(binary), "--config", str(work / "goff-proxy.yaml")],
                                        cwd=work, env=env, stdin=subprocess.DEVNULL,
                                        stdout=self.stdout, stderr=self.stderr)
        self.pid = self.process.pid
        try:
            wait_until(lambda: self.process.poll() is None
                       and http_call(self.port, "GET", "/health", timeout=2)[0] == 200,
                       30, "goff-relay /health")
        except TimeoutError:
            self.stop()
            tail = (work / "relay.stdout.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"goff-relay did not become healthy; stdout tail:\n{tail}")

    def metrics(self) -> str:
        status, body = http_call(self.port, "GET", "/metrics")
        return body.decode()

    def pending(self) -> int:
        status, body = http_call(self.port, "GET", "/info")
        exporters = json.loads(body).get("exporters", {})
        return sum(int(e.get("pendingRecords", 0)) for e in exporters.values())

    def stop(self) -> None:
        stop_process(self.process, timeout=20)
        self.stdout.close()
        self.stderr.close()


class Nginx:
    def __init__(self, work: Path, workers: int):
        work.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        text = (HERE / "nginx.conf").read_text()
        text = (text.replace("@PORT@", str(self.port)).replace("@WORKERS@", str(workers))
                .replace("@PREFIX@", str(work)))
        (work / "nginx.conf").write_text(text)
        self.process = subprocess.Popen(["nginx", "-c", str(work / "nginx.conf"), "-p", f"{work}/",
                                         "-g", "daemon off;"],
                                        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=open(work / "nginx.stderr.log", "wb"))
        wait_until(lambda: self.process.poll() is None and socket.create_connection(
            ("127.0.0.1", self.port), timeout=1).close() is None, 10, "nginx to listen")

    def cpu_seconds(self) -> float:
        """The master and its workers."""
        total = cpu_seconds(self.process.pid)
        for pid in subprocess.run(["pgrep", "-P", str(self.process.pid)], capture_output=True,
                                  text=True).stdout.split():
            total += cpu_seconds(int(pid))
        return total

    def stop(self) -> None:
        stop_process(self.process)


# --------------------------------------------------------------------------------------------
# wrk

OFREP_PATH = "/ofrep/v1/evaluate/flags/bench-flag"


def run_wrk(port: int, seconds: float, threads: int, connections: int, run: str, work: Path,
            static: bool = False, events: int = 100, ofrep: bool = False) -> dict:
    """wrk with collector.lua (or ofrep.lua: one OFREP evaluation per request, `events` is then 1);
    returns its WRKJSON line plus its own CPU seconds."""
    out_path = work / f"wrk-{run}.out"
    env = dict(os.environ, BENCH_STATIC="1" if static else "0")
    if ofrep:
        events = 1
        target = ["-s", str(HERE / "ofrep.lua"), f"http://127.0.0.1:{port}{OFREP_PATH}"]
    else:
        target = ["-s", str(HERE / "collector.lua"), f"http://127.0.0.1:{port}/v1/data/collector",
                  "--", str(HERE / "event.json"), str(events), run]
    with open(out_path, "wb") as out:
        process = subprocess.Popen(
            ["wrk", f"-t{threads}", f"-c{connections}", f"-d{max(1, int(round(seconds)))}s", "--timeout", "30s"]
            + target,
            stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    text = out_path.read_text(errors="replace")
    match = re.search(r"^WRKJSON (\{.*\})$", text, re.M)
    if process.returncode != 0 or not match:
        raise RuntimeError(f"wrk failed ({process.returncode}):\n{text[-2000:]}")
    result = json.loads(match.group(1))
    seconds_run = result["durationMicros"] / 1e6
    # wrk counts answers other than 2xx/3xx in errorsStatus, and in requests too.
    result["okRequests"] = result["requests"] - result["errorsStatus"]
    result["requestsPerSecond"] = result["okRequests"] / seconds_run
    result["eventsPerSecond"] = result["okRequests"] * events / seconds_run
    result["errors"] = sum(result[k] for k in result if k.startswith("errors") and k != "errors")
    result["cpuSeconds"] = usage.ru_utime + usage.ru_stime
    result["threads"], result["connections"], result["static"] = threads, connections, static
    return result
