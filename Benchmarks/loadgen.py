# SPDX-License-Identifier: Apache-2.0
"""Bodies and the two Python load generators of the benchmark (wrk does the saturating runs).

* `Bodies`: collector bodies of N events built from Benchmarks/event.json, each event with a unique
  id in `userKey` (`<run>.<thread>-<request, 9 digits>-<index, 2 digits>`, the ids of collector.lua),
  so every body of one run has the same size.
* `constant_rate`: an open-loop, fixed-rate generator (what wrk2's -R does; Debian's wrk has no -R).
  Request k is *due* at t0 + k/rate; a pool of persistent keep-alive connections takes the due
  requests in order, and the latency of a request is measured from its due time, not from when a
  connection became free, so a slow answer that delays later requests counts against them too
  (no coordinated omission). The service time (from the actual send) is kept as well.
* `post_bulk`: posts a fixed number of bodies as fast as a few connections allow (the backlog phase).

Loopback only, standard library only.
"""

from __future__ import annotations

import http.client
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
EVENT_FILE = HERE / "event.json"
COLLECTOR = "/v1/data/collector"


class Bodies:
    def __init__(self, run: str, events: int = 100, event_file: Path = EVENT_FILE):
        text = event_file.read_text(encoding="utf-8").strip()
        head, marker, tail = text.partition("{id}")
        if not marker:
            raise ValueError(f"{event_file}: the event template needs an {{id}} placeholder")
        self.head, self.tail, self.run, self.events = head, tail, run, events

    def body(self, thread: int, number: int) -> bytes:
        prefix = f"{self.run}.{thread}-{number:09d}-"
        return ('{"events":[' + ",".join(f"{self.head}{prefix}{i:02d}{self.tail}"
                                         for i in range(self.events)) + "]}").encode()

    def write_lines(self, path: Path, count: int, thread: int = 0) -> None:
        """`count` distinct bodies, one per line (the input of collector-ceilings)."""
        with open(path, "wb") as out:
            for number in range(1, count + 1):
                out.write(self.body(thread, number) + b"\n")


def _post(conn: http.client.HTTPConnection, body: bytes) -> int:
    conn.request("POST", COLLECTOR, body=body, headers={"Content-Type": "application/json"})
    response = conn.getresponse()
    response.read()
    return response.status


def constant_rate(port: int, bodies: Bodies, rate: float, seconds: float,
                  connections: int = 8) -> dict:
    """Posts `rate` bodies per second for `seconds`; returns latencies in seconds and counts."""
    total = int(rate * seconds)
    prepared = [bodies.body(90, n) for n in range(1, total + 1)]   # built before the clock starts
    lock = threading.Lock()
    state = {"next": 0}
    latency: list[float] = []        # due time -> answer read
    service: list[float] = []        # actual send -> answer read
    late_starts: list[float] = []    # how late a request was sent (no free connection, or the GIL)
    statuses: dict[int, int] = {}
    errors = [0]
    t0 = time.perf_counter() + 0.05

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while True:
            with lock:
                k = state["next"]
                if k >= total:
                    break
                state["next"] = k + 1
            due = t0 + k / rate
            wait = due - time.perf_counter()
            if wait > 0:
                time.sleep(wait)
            sent = time.perf_counter()
            try:
                status = _post(conn, prepared[k])
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                with lock:
                    errors[0] += 1
                continue
            done = time.perf_counter()
            with lock:
                statuses[status] = statuses.get(status, 0) + 1
                latency.append(done - due)
                service.append(done - sent)
                late_starts.append(max(0.0, sent - due))
        conn.close()

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - t0
    return {"requests": total, "seconds": elapsed, "rate": rate, "connections": connections,
            "statuses": statuses, "errors": errors[0], "latency": latency, "service": service,
            "lateStarts": late_starts}


def post_bulk(port: int, bodies: Bodies, count: int, connections: int = 4) -> dict:
    """Posts `count` bodies (thread ids 100+) over `connections` connections; counts the answers."""
    lock = threading.Lock()
    state = {"next": 0}
    statuses: dict[int, int] = {}
    errors = [0]

    def worker(index: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while True:
            with lock:
                k = state["next"]
                if k >= count:
                    break
                state["next"] = k + 1
            try:
                status = _post(conn, bodies.body(100 + index, k + 1))
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                with lock:
                    errors[0] += 1
                continue
            with lock:
                statuses[status] = statuses.get(status, 0) + 1
        conn.close()

    start = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"bodies": count, "seconds": time.perf_counter() - start, "statuses": statuses,
            "errors": errors[0]}


def quantile(values: list[float], q: float) -> float | None:
    """The q-quantile (nearest rank) of `values`, or None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, int(round(q * len(ordered) + 0.5)) - 1))
    return ordered[rank]
