# SPDX-License-Identifier: Apache-2.0
"""The measured phases of the benchmark; each returns a JSON-ready dict (see bench.py)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import loadgen
import procs
import promhist

ACK_METRIC = "goff_relay_exporter_ingest_to_ack_seconds"


def ms(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds * 1000, 3)


# --------------------------------------------------------------------------------------------
# ceilings

def ceilings(binary: Path | None, work: Path, seconds: float, connections: int) -> dict:
    """Parse ceiling (one core), spool append ceiling (project code), raw synced appends (Python)."""
    work.mkdir(parents=True, exist_ok=True)
    bodies_path = work / "bodies.txt"
    bodies = loadgen.Bodies("ceil")
    bodies.write_lines(bodies_path, 64)
    body_bytes = len(bodies.body(0, 1))
    out: dict = {"bodyBytes": body_bytes, "eventsPerBody": bodies.events}
    out["rawDisk"] = raw_synced_appends(work / "raw.dat", bodies.body(0, 1), seconds=min(3.0, seconds))
    if binary is None:
        out["parse"] = out["append"] = None
        out["note"] = ("collector-ceilings is not built (add its Package.swift entry): the parse and "
                       "spool ceilings are n/a")
        return out
    cpu = str(os.cpu_count() - 1) if os.cpu_count() and os.cpu_count() > 1 else "0"
    command = [str(binary), "parse", "--bodies", str(bodies_path), "--seconds", str(seconds)]
    if shutil.which("taskset"):
        command = ["taskset", "-c", cpu] + command
    out["parse"] = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
    out["parse"]["pinnedToCpu"] = cpu if command[0] == "taskset" else None
    out["append"] = {}
    for concurrency in (connections, 1):
        directory = work / f"spool-c{concurrency}"
        shutil.rmtree(directory, ignore_errors=True)
        result = subprocess.run([str(binary), "append", "--bodies", str(bodies_path), "--directory",
                                 str(directory), "--seconds", str(min(seconds, 5)), "--concurrency",
                                 str(concurrency), "--durability", "fsync"],
                                check=True, capture_output=True, text=True)
        shutil.rmtree(directory, ignore_errors=True)
        out["append"][f"c{concurrency}"] = json.loads(result.stdout)
    return out


def raw_synced_appends(path: Path, chunk: bytes, seconds: float) -> dict:
    """write() + fdatasync() of one body's bytes at a time, one writer: the disk's own floor."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND, 0o644)
    syncs, written = 0, 0
    start = time.perf_counter()
    try:
        while time.perf_counter() - start < seconds:
            written += os.write(fd, chunk)
            os.fdatasync(fd)
            syncs += 1
    finally:
        os.close(fd)
        path.unlink(missing_ok=True)
    elapsed = time.perf_counter() - start
    return {"chunkBytes": len(chunk), "syncsPerSecond": syncs / elapsed,
            "MBPerSecond": written / elapsed / 1e6, "seconds": elapsed}


# --------------------------------------------------------------------------------------------
# nginx

def nginx(work: Path, seconds: float, threads: int, connections: int, workers: int) -> dict:
    server = procs.Nginx(work / "nginx", workers)
    out: dict = {"workers": workers}
    try:
        for static in (False, True):
            name = "static" if static else "sameScript"
            procs.run_wrk(server.port, 2, threads, connections, f"nw{int(static)}", work, static=static)
            before = server.cpu_seconds()
            result = procs.run_wrk(server.port, seconds, threads, connections, f"n{int(static)}", work,
                                   static=static)
            result["serverCpuSeconds"] = server.cpu_seconds() - before
            out[name] = result
    finally:
        server.stop()
    return out


def evaluation(args, work: Path) -> dict:
    """In-process evaluations/s of the typical three-rule flag on one core (eval-bench), then OFREP
    single evaluations over HTTP: nginx answering a fixed body, and the relay evaluating the same flag
    (Benchmarks/flags.yaml) with its exporter on the fake, durability fsync (the relay writes the SERVER
    event of each evaluation to its spool, as GOFF exports it)."""
    out: dict = {}
    if args.eval_bin is not None:
        done = subprocess.run(["taskset", "-c", "1", str(args.eval_bin), "--seconds", str(args.eval_seconds),
                               "--json"], capture_output=True, text=True, timeout=args.eval_seconds + 120)
        line = next((l for l in reversed(done.stdout.splitlines()) if l.startswith("{")), None)
        if done.returncode != 0 or line is None:
            raise RuntimeError(f"eval-bench failed ({done.returncode}): {done.stdout[-500:]} {done.stderr[-500:]}")
        out["inProcess"] = json.loads(line)
        out["inProcess"]["pinnedToCpu"] = 1
    server = procs.Nginx(work / "nginx-ofrep", args.nginx_workers)
    try:
        procs.run_wrk(server.port, 2, args.threads, args.connections, "ow", work, ofrep=True)
        before = server.cpu_seconds()
        out["nginx"] = procs.run_wrk(server.port, args.ofrep_seconds, args.threads, args.connections, "on", work,
                                     ofrep=True)
        out["nginx"]["serverCpuSeconds"] = server.cpu_seconds() - before
        out["nginx"]["workers"] = args.nginx_workers
    finally:
        server.stop()
    fake = procs.Fake(args.fake_bin, work / "ofrep" / "fake", args.delay_ms, args.shards)
    try:
        relay = procs.Relay(args.relay_bin, work / "ofrep" / "relay", fake.port, "fsync", args.max_concurrent_calls,
                            args.partition_key_from, flags_file=procs.HERE / "flags.yaml")
        try:
            procs.wait_until(lambda: procs.http_call(relay.port, "POST", procs.OFREP_PATH,
                                                     {"context": {"targetingKey": "u"}})[0] == 200,
                             30, "the relay to serve bench-flag")
            procs.run_wrk(relay.port, 2, args.threads, args.connections, "rw", work, ofrep=True)
            before = procs.cpu_seconds(relay.pid)
            out["relay"] = procs.run_wrk(relay.port, args.ofrep_seconds, args.threads, args.connections, "ro", work,
                                         ofrep=True)
            out["relay"]["relayCpuSeconds"] = procs.cpu_seconds(relay.pid) - before
            out["relay"]["peakRssKB"] = procs.status_kb(relay.pid, "VmHWM")
            out["relay"]["fakeRecordsAccepted"] = fake.accepted()
        finally:
            relay.stop()
    finally:
        fake.stop()
    nginx_rps = out["nginx"]["requestsPerSecond"]
    out["ratio"] = out["relay"]["requestsPerSecond"] / nginx_rps if nginx_rps else None
    return out


# --------------------------------------------------------------------------------------------
# the relay

class RelayUnderTest:
    """A fake-kinesis + goff-relay pair, and the events acknowledged over HTTP since the start."""

    def __init__(self, args, work: Path, durability: str):
        self.fake = procs.Fake(args.fake_bin, work / "fake", args.delay_ms, args.shards)
        try:
            self.relay = procs.Relay(args.relay_bin, work / "relay", self.fake.port, durability,
                                     args.max_concurrent_calls, args.partition_key_from)
        except BaseException:
            self.fake.stop()
            raise
        self.durability = durability
        self.acknowledged = 0      # events answered 200 (as counted by the load generators)
        self.unanswered_bound = 0  # events wrk may have sent without reading the answer

    def stop(self) -> None:
        try:
            self.relay.stop()
        finally:
            self.fake.stop()

    def idle_rss(self, settle: float) -> dict:
        time.sleep(settle)
        return {"relayRssKB": procs.status_kb(self.relay.pid, "VmRSS"),
                "relayRssBreakdownKB": procs.rss_breakdown_kb(self.relay.pid),
                "relayThreads": len(os.listdir(f"/proc/{self.relay.pid}/task")),
                "fakeRssKB": procs.status_kb(self.fake.pid, "VmRSS"), "afterSeconds": settle}

    def drain(self, timeout: float) -> dict:
        """Waits until nothing is pending, then compares what the sink accepted with what was acked."""
        start = time.monotonic()
        try:
            procs.wait_until(lambda: self.relay.pending() == 0, timeout, "the relay to drain", 0.1)
            drained = True
        except TimeoutError:
            drained = False
        delivered = self.fake.accepted()
        return {"drained": drained, "drainSeconds": round(time.monotonic() - start, 2),
                "acknowledged": self.acknowledged, "delivered": delivered,
                "unansweredBound": self.unanswered_bound,
                "consistent": self.acknowledged <= delivered <= self.acknowledged + self.unanswered_bound}

    def sustained(self, args, work: Path, run: str) -> dict:
        """Warm-up, then wrk at full speed for args.seconds; the sink's acknowledged rate is the
        figure (fake-kinesis' recordsAccepted over the same window)."""
        fake, relay = self.fake, self.relay
        warm = procs.run_wrk(relay.port, args.warmup, args.threads, args.connections, run + "w", work)
        self.acknowledged += warm["okRequests"] * 100
        self.unanswered_bound += args.connections * 100
        pids = {"relay": relay.pid, "fake": fake.pid}
        cpu_before = {"relay": procs.cpu_seconds(relay.pid), "fake": procs.cpu_seconds(fake.pid)}
        threads_before = procs.thread_cpu(relay.pid)
        busy_before = procs.machine_busy()
        accepted_before = fake.accepted()
        started = time.monotonic()
        with procs.Sampler(pids, counter=fake.accepted, interval=1.0) as sampler:
            result = procs.run_wrk(relay.port, args.seconds, args.threads, args.connections, run, work)
        accepted_after = fake.accepted()
        window = time.monotonic() - started
        busy_after = procs.machine_busy()
        cpu = {name: procs.cpu_seconds(pid) - cpu_before[name] for name, pid in pids.items()}
        threads_after = procs.thread_cpu(relay.pid)
        pending_at_end = relay.pending()
        breakdown = procs.rss_breakdown_kb(relay.pid)
        self.acknowledged += result["okRequests"] * 100
        self.unanswered_bound += args.connections * 100
        sink_events = accepted_after - accepted_before
        per_second = [b["count"] - a["count"] for a, b in zip(sampler.series, sampler.series[1:])
                      if "count" in a and "count" in b]
        cpu["wrk"] = result["cpuSeconds"]
        busy = (busy_after[0] - busy_before[0]) / max(busy_after[1] - busy_before[1], 1)
        cpus = os.cpu_count() or 1
        return {
            "durability": self.durability,
            "wrk": result,
            "windowSeconds": round(window, 3),
            "sinkEvents": sink_events,
            "sinkEventsPerSecond": sink_events / window,
            "ingestEventsPerSecond": result["eventsPerSecond"],
            "requestsPerSecond": result["requestsPerSecond"],
            "pendingAtEnd": pending_at_end,
            "cpuSeconds": cpu,
            "relayThreadCpuSeconds": {k: round(v - threads_before.get(k, 0.0), 2)
                                      for k, v in threads_after.items() if v - threads_before.get(k, 0.0) > 0.05},
            "relayCpuSecondsPer100kEvents": cpu["relay"] / max(sink_events, 1) * 1e5,
            "machineCpuBusy": busy,
            # CPU the relay, the fake and wrk did not use: other work on the machine during the window.
            "otherCpuCores": max(0.0, busy * cpus - sum(cpu.values()) / window),
            "peakRssKB": {"relay": sampler.max_rss_kb("relay"), "fake": sampler.max_rss_kb("fake")},
            "relayRssBreakdownAtEndKB": breakdown,
            "series": [{"t": round(s["t"], 2), "relayRssKB": s.get("relayRssKB"), "count": s.get("count")}
                       for s in sampler.series],
            "sinkEventsPerSecondSeries": per_second,
        }

    def latency(self, args, work: Path) -> dict:
        """args.rate events/s at a constant rate (bodies of 100): ingest latency from the client, and
        ingest -> sink-acknowledged from the relay's histogram (difference of two scrapes)."""
        fake, relay = self.fake, self.relay
        rate = args.rate / 100.0
        before = promhist.buckets(relay.metrics(), ACK_METRIC)
        cpu_before = procs.cpu_seconds(relay.pid)
        accepted_before = fake.accepted()
        result = loadgen.constant_rate(relay.port, loadgen.Bodies("lat"), rate, args.latency_seconds,
                                       connections=args.latency_connections)
        cpu = procs.cpu_seconds(relay.pid) - cpu_before
        time.sleep(1.0)   # the last bodies' records reach the sink
        after = promhist.buckets(relay.metrics(), ACK_METRIC)
        sink_events = fake.accepted() - accepted_before
        self.acknowledged += result["statuses"].get(200, 0) * 100
        delta = promhist.difference(after, before)
        ack = {f"p{label}": promhist.quantile(delta, q) for label, q in (("50", 0.5), ("99", 0.99), ("999", 0.999))}
        for value in ack.values():
            if value:
                for key in ("value", "low", "high"):
                    value[key] = ms(value[key]) if value[key] != float("inf") else None
        latencies = result.pop("latency")
        service = result.pop("service")
        late = result.pop("lateStarts")
        return {
            "eventsPerSecond": args.rate, "durability": self.durability,
            "requests": result["requests"], "statuses": result["statuses"], "errors": result["errors"],
            "seconds": round(result["seconds"], 2), "connections": result["connections"],
            "ingestMs": {"p50": ms(loadgen.quantile(latencies, 0.5)), "p99": ms(loadgen.quantile(latencies, 0.99)),
                         "p999": ms(loadgen.quantile(latencies, 0.999)), "max": ms(max(latencies, default=None))},
            "serviceMs": {"p50": ms(loadgen.quantile(service, 0.5)), "p99": ms(loadgen.quantile(service, 0.99)),
                          "p999": ms(loadgen.quantile(service, 0.999))},
            "lateStartMs": {"p99": ms(loadgen.quantile(late, 0.99)), "max": ms(max(late, default=None))},
            "ingestToAckMs": ack,
            "ingestToAckSamples": delta.get(float("inf"), 0.0),
            "histogramBucketsMs": [ms(b) for b in sorted(delta) if b != float("inf")],
            "sinkEvents": sink_events,
            "relayCpuCores": cpu / result["seconds"],
            "relayCpuSecondsPer100kEvents": cpu / max(sink_events, 1) * 1e5,
        }

    def backlog(self, args) -> dict:
        """The sink answers every call with a 5xx while args.backlog_events are posted; RSS with that
        backlog on disk, then the drain once the sink answers again."""
        fake, relay = self.fake, self.relay
        fake.faults({"serverErrorRate": 1.0})
        bodies = max(1, args.backlog_events // 100)
        pids = {"relay": relay.pid}
        with procs.Sampler(pids, interval=0.25) as filling:
            posted = loadgen.post_bulk(relay.port, loadgen.Bodies("bl"), bodies, connections=4)
        self.acknowledged += posted["statuses"].get(200, 0) * 100
        time.sleep(2.0)
        pending = relay.pending()
        with procs.Sampler(pids, interval=0.25) as holding:
            time.sleep(3.0)
        breakdown = procs.rss_breakdown_kb(relay.pid)
        accepted_before = fake.accepted()
        fake.faults({"serverErrorRate": 0.0})
        start = time.monotonic()
        with procs.Sampler(pids, interval=0.25) as draining:
            try:
                procs.wait_until(lambda: relay.pending() == 0, args.drain_timeout, "the backlog to drain", 0.1)
                drained = True
            except TimeoutError:
                drained = False
        drain_seconds = time.monotonic() - start
        drained_events = fake.accepted() - accepted_before
        return {
            "postedBodies": bodies, "postSeconds": round(posted["seconds"], 2), "statuses": posted["statuses"],
            "postErrors": posted["errors"],
            "ingestEventsPerSecond": posted["statuses"].get(200, 0) * 100 / posted["seconds"],
            "pendingRecords": pending,
            "rssBreakdownWithBacklogKB": breakdown,
            "rssKB": {"whileFilling": filling.max_rss_kb("relay"), "withBacklog": holding.max_rss_kb("relay"),
                      "whileDraining": draining.max_rss_kb("relay")},
            "drained": drained, "drainSeconds": round(drain_seconds, 2),
            "drainEventsPerSecond": drained_events / drain_seconds if drain_seconds > 0 else None,
        }
