# SPDX-License-Identifier: Apache-2.0
"""`bench.py --profile`: where the relay's CPU goes under load.

A fresh fake-kinesis + goff-relay pair (--profile-durability, default fsync), wrk flat out, and over the middle of the
run `perf record` on the relay (cpu-clock sampling, frame-pointer call graphs: hardware counters are
usually missing in VMs). Writes a text report (self time by symbol, then inclusive time, then CPU
time per thread) with Swift names demangled, and returns the top entries for the JSON.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import threading
import time
from pathlib import Path

import phases
import procs


def demangle(text: str) -> str:
    """Swift names demangled; perf's column padding and empty IPC columns removed."""
    if shutil.which("swift"):
        done = subprocess.run(["swift", "demangle", "--simplified"], input=text, capture_output=True, text=True)
        if done.returncode == 0:
            text = done.stdout
    lines = []
    for line in text.splitlines():
        line = re.sub(r"\s+-\s+-\s*$", "", line).rstrip()
        line = re.sub(r"(\S)  +", r"\1  ", line)
        if not line.startswith("# ...."):
            lines.append(line)
    return "\n".join(lines) + "\n"


def top_entries(report: str, limit: int = 25) -> list[dict]:
    rows = []
    for line in report.splitlines():
        match = re.match(r"^\s+(\d+\.\d+)%\s+(?:(\d+\.\d+)%\s+)?(?:(\S+)\s+)?\[[.k]\]\s+(.*)$", line)
        if match:
            rows.append({"percent": float(match.group(1)), "object": match.group(3),
                         "symbol": match.group(4).strip()[:200]})
        if len(rows) >= limit:
            break
    return rows


def profile(args, work: Path, out: Path) -> dict:
    if not shutil.which("perf"):
        return {"error": "perf is not installed (apt-get install linux-perf)"}
    work.mkdir(parents=True, exist_ok=True)
    rut = phases.RelayUnderTest(args, work, args.profile_durability)
    data = work / "perf.data"
    try:
        load_seconds = args.profile_seconds + 6
        result: dict = {}
        loader = threading.Thread(target=lambda: result.update(
            procs.run_wrk(rut.relay.port, load_seconds, args.threads, args.connections, "prof", work)))
        threads_before = procs.thread_cpu(rut.relay.pid)
        loader.start()
        time.sleep(3)
        record = subprocess.run(
            ["perf", "record", "-e", "cpu-clock", "-F", "999", "-g", "-p", str(rut.relay.pid), "-o", str(data),
             "--", "sleep", str(args.profile_seconds)], capture_output=True, text=True)
        loader.join()
        threads_after = procs.thread_cpu(rut.relay.pid)
        if record.returncode != 0:
            return {"error": f"perf record failed: {record.stderr[-500:]}"}
        common = ["perf", "report", "-i", str(data), "--stdio", "--percent-limit", "0.7"]
        self_time = subprocess.run(common + ["--no-children", "--sort", "dso,symbol", "-g", "none"],
                                   capture_output=True, text=True).stdout
        inclusive = subprocess.run(common + ["--children", "--sort", "symbol", "-g", "none"],
                                   capture_output=True, text=True).stdout
        callers = subprocess.run(common + ["--no-children", "--sort", "symbol", "-g", "caller,0.5,callee,function,percent",
                                           "--percent-limit", "3"], capture_output=True, text=True).stdout
        thread_cpu = {k: round(v - threads_before.get(k, 0.0), 2) for k, v in threads_after.items()
                      if v - threads_before.get(k, 0.0) > 0.05}
        self_time, inclusive, callers = demangle(self_time), demangle(inclusive), demangle(callers)
        header = (f"goff-relay profile: durability {args.profile_durability}, wrk -t{args.threads} -c{args.connections}, "
                  f"{result.get('eventsPerSecond', 0):,.0f} events/s ingested during the run; perf cpu-clock "
                  f"999 Hz over {args.profile_seconds:.0f} s\nCPU seconds per relay thread during the run: "
                  f"{thread_cpu}\n")
        out.write_text(header + "\n==== self time (dso, symbol) ====\n" + self_time +
                       "\n==== inclusive time (children) ====\n" + inclusive +
                       "\n==== call chains of the top symbols ====\n" + callers, encoding="utf-8")
        return {"report": str(out), "threadCpuSeconds": thread_cpu,
                "ingestEventsPerSecond": result.get("eventsPerSecond"),
                "selfTop": top_entries(self_time), "inclusiveTop": top_entries(inclusive, 40)}
    finally:
        rut.stop()
        data.unlink(missing_ok=True)
