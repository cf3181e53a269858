# SPDX-License-Identifier: Apache-2.0
"""goff-relay's benchmark: run by scripts/bench (which installs the tools and builds the binaries).

One run on this machine, everything on 127.0.0.1:
  1. ceilings: the collector's JSON path alone on one core, FileEventSpool fsync appends, raw
     write+fdatasync of the same bytes;
  2. nginx answering the same POST (the HTTP baseline), with the same wrk script, and with a static body;
  3. fake-kinesis (SigV4 checked, --delay-ms RTT, --shards) + goff-relay `durability: fsync`:
     idle RSS, wrk flat out for --seconds (events/s acknowledged by the sink), ingest latency and
     ingest -> acknowledged latency at a constant --rate, RSS with a --backlog-events backlog, drain;
  4. the same pair with `durability: memory`, flat out for --seconds;
  5. with --profile: perf on the relay under load (top symbols into results/profile.txt).
Writes results/latest.json, prints the table; scripts/bench then draws results/latest.png.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import phases
import procs
import report

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--relay-bin", type=Path, required=True)
    p.add_argument("--fake-bin", type=Path, required=True)
    p.add_argument("--ceilings-bin", type=Path, default=None)
    p.add_argument("--eval-bin", type=Path, default=None, help="eval-bench (in-process evaluations/s)")
    p.add_argument("--eval-seconds", type=float, default=5)
    p.add_argument("--ofrep-seconds", type=float, default=15)
    p.add_argument("--seconds", type=float, default=60, help="each sustained phase (default 60)")
    p.add_argument("--warmup", type=float, default=5)
    p.add_argument("--nginx-seconds", type=float, default=10)
    p.add_argument("--ceiling-seconds", type=float, default=5)
    p.add_argument("--latency-seconds", type=float, default=30)
    p.add_argument("--rate", type=float, default=10000, help="events/s of the latency phase")
    p.add_argument("--latency-connections", type=int, default=8)
    p.add_argument("--threads", type=int, default=1, help="wrk threads")
    p.add_argument("--connections", type=int, default=16, help="wrk connections")
    p.add_argument("--nginx-workers", type=int, default=1)
    p.add_argument("--delay-ms", type=int, default=5)
    p.add_argument("--shards", type=int, default=64)
    p.add_argument("--max-concurrent-calls", type=int, default=4)
    p.add_argument("--partition-key-from", default="userKey")
    p.add_argument("--backlog-events", type=int, default=1_000_000)
    p.add_argument("--drain-timeout", type=float, default=120)
    p.add_argument("--profile", action="store_true", help="also record a perf profile of the relay")
    p.add_argument("--profile-seconds", type=float, default=20)
    p.add_argument("--profile-durability", default="fsync", choices=["fsync", "write", "memory"])
    p.add_argument("--skip", default="", help="comma-separated: ceilings,nginx,evaluation,fsync,latency,backlog,memory")
    p.add_argument("--out", type=Path, default=HERE / "results" / "latest.json")
    p.add_argument("--work", type=Path, default=None, help="work directory (default: a new temp dir)")
    args = p.parse_args()
    for name in ("relay_bin", "fake_bin", "ceilings_bin", "eval_bin"):
        if getattr(args, name) is not None:
            setattr(args, name, getattr(args, name).resolve())
    return args


def git_commit() -> str | None:
    done = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--", "Sources"],
                           capture_output=True, text=True).stdout.strip()
    return (done.stdout.strip() + ("+dirty-sources" if dirty else "")) if done.returncode == 0 else None


def machine() -> dict:
    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split("\n")[0]
    nginx_version = subprocess.run(["nginx", "-v"], capture_output=True, text=True).stderr.strip()
    model = ""
    try:
        model = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    with open("/proc/meminfo") as f:
        mem_kb = int(f.readline().split()[1])
    return {"cpus": os.cpu_count(), "cpuModel": model, "memoryMB": round(mem_kb / 1024),
            "kernel": platform.release(), "wrk": wrk_version, "nginx": nginx_version,
            "python": platform.python_version()}


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def main() -> int:
    args = parse_args()
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    work = args.work or Path(tempfile.mkdtemp(prefix="goff-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    results: dict = {
        "schema": 1,
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "commit": git_commit(),
        "machine": machine(),
        "loadBefore": procs.loadavg(),
        "settings": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "workDirectory": str(work),
    }
    log(f"load average before: {results['loadBefore']} on {os.cpu_count()} CPUs; work dir {work}")

    if "ceilings" not in skip:
        log("ceilings: parse (one core), spool fsync appends, raw write+fdatasync")
        results["ceilings"] = phases.ceilings(args.ceilings_bin, work / "ceilings", args.ceiling_seconds,
                                              args.connections)
    if "nginx" not in skip:
        log(f"nginx: {args.nginx_seconds:.0f} s with the collector script, {args.nginx_seconds:.0f} s static")
        results["nginx"] = phases.nginx(work, args.nginx_seconds, args.threads, args.connections, args.nginx_workers)

    if "evaluation" not in skip:
        log(f"evaluation: eval-bench {args.eval_seconds:.0f} s on one core; OFREP single, nginx and relay, "
            f"{args.ofrep_seconds:.0f} s each")
        results["evaluation"] = phases.evaluation(args, work / "evaluation")

    results["relay"] = {}
    if not {"fsync", "latency", "backlog"} <= skip:
        log("relay, durability fsync: idle RSS")
        rut = phases.RelayUnderTest(args, work / "fsync", "fsync")
        try:
            results["relay"]["idle"] = rut.idle_rss(3.0)
            if "fsync" not in skip:
                log(f"relay fsync: {args.warmup:.0f} s warm-up + {args.seconds:.0f} s flat out")
                results["relay"]["fsync"] = rut.sustained(args, work, "f")
                results["relay"]["fsync"]["delivery"] = rut.drain(args.drain_timeout)
            if "latency" not in skip:
                log(f"relay fsync: {args.rate:.0f} events/s constant rate for {args.latency_seconds:.0f} s")
                results["relay"]["latency"] = rut.latency(args, work)
            if "backlog" not in skip:
                log(f"relay fsync: backlog of {args.backlog_events} events with the sink failing, then drain")
                results["relay"]["backlog"] = rut.backlog(args)
            results["relay"]["fsyncDelivery"] = rut.drain(args.drain_timeout)
        finally:
            rut.stop()
    if "memory" not in skip:
        log("relay, durability memory")
        rut = phases.RelayUnderTest(args, work / "memory", "memory")
        try:
            results["relay"]["memoryIdle"] = rut.idle_rss(1.0)
            if "latency" not in skip:
                log(f"relay memory: {args.rate:.0f} events/s constant rate for {args.latency_seconds:.0f} s")
                results["relay"]["latencyMemory"] = rut.latency(args, work)
            log(f"relay memory: {args.warmup:.0f} s warm-up + {args.seconds:.0f} s flat out")
            results["relay"]["memory"] = rut.sustained(args, work, "m")
            results["relay"]["memory"]["delivery"] = rut.drain(args.drain_timeout)
        finally:
            rut.stop()
    if args.profile:
        log(f"profile: perf on the relay ({args.profile_durability}) under load for {args.profile_seconds:.0f} s")
        import profiling
        results["profile"] = profiling.profile(
            args, work / "profile", args.out.parent / f"profile-{args.profile_durability}.txt")

    results["loadAfter"] = procs.loadavg()
    results["elapsedSeconds"] = round(time.monotonic() - started, 1)
    results["figures"] = report.figures(results)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    print(report.table(results))
    log(f"wrote {args.out} in {results['elapsedSeconds']} s; load average after: {results['loadAfter']}")
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
