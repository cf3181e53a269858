# SPDX-License-Identifier: Apache-2.0
"""Turns bench.py's results into figures (each next to its target) and the printed table."""

from __future__ import annotations



def _get(data: dict, *path, default=None):
    for key in path:
        if not isinstance(data, dict) or key not in data or data[key] is None:
            return default
        data = data[key]
    return data


def _verdict(value, at_most=None, at_least=None) -> str:
    if value is None:
        return "n/a"
    if at_most is not None:
        return "MET" if value <= at_most else "MISSED"
    return "MET" if value >= at_least else "MISSED"


def figures(results: dict) -> list[dict]:
    """[{key, label, value, unit, target, verdict}]; value None means not measured."""
    rows: list[dict] = []

    def add(key, label, value, unit, target="", verdict="", note=""):
        rows.append({"key": key, "label": label, "value": value, "unit": unit, "target": target,
                     "verdict": verdict, "note": note})

    def bucket(quantile: dict | None) -> str:
        if not quantile:
            return ""
        high = "inf" if quantile.get("high") is None else f"{quantile['high']:g}"
        return f"(histogram bucket {quantile['low']:g}-{high} ms)"

    relay = results.get("relay", {})
    fsync = _get(relay, "fsync", "sinkEventsPerSecond")
    memory = _get(relay, "memory", "sinkEventsPerSecond")
    if fsync is None:
        e2e_verdict = "n/a"
    else:
        e2e_verdict = "MET" if fsync >= 100_000 else ("floor met" if fsync >= 50_000 else "MISSED")
    add("e2eFsync", "end to end, fsync (sink-acked, flat out)", fsync, "events/s", ">= 100k (floor 50k)", e2e_verdict)
    add("e2eMemory", "end to end, memory (sink-acked, flat out)", memory, "events/s")
    for name in ("fsync", "memory"):
        if _get(relay, name, "otherCpuCores") is not None:
            add(f"others{name.title()}", f"  CPU taken by other work during the {name} phase",
                _get(relay, name, "otherCpuCores"), "cores", "0 on a quiet machine")
    if _get(relay, "memory", "wrk", "errorsStatus"):
        add("memory503", "  memory phase: requests answered 503 (queue full)",
            _get(relay, "memory", "wrk", "errorsStatus"), "req")

    parse = _get(results, "ceilings", "parse", "parseEncode", "eventsPerSecond")
    parse_only = _get(results, "ceilings", "parse", "parse", "eventsPerSecond")
    append = _get(results, "ceilings", "append")
    append_key = next((k for k in (append or {}) if k != "c1"), None)
    spool = _get(append or {}, append_key, "eventsPerSecond") if append_key else None
    add("ceilingParse", "ceiling: JSON parse + encode, 1 core", parse, "events/s")
    add("ceilingParseOnly", "ceiling: JSON parse alone, 1 core", parse_only, "events/s")
    add("ceilingSpool", f"ceiling: spool fsync appends ({append_key or '-'} concurrent)", spool, "events/s")
    add("ceilingSpoolMB", "ceiling: spool fsync appends, payload",
        _get(append or {}, append_key, "payloadMBPerSecond") if append_key else None, "MB/s")
    add("ceilingSpoolC1", "spool fsync appends, 1 appender", _get(append or {}, "c1", "eventsPerSecond"), "events/s")
    add("rawDisk", "raw write+fdatasync of one body, 1 writer", _get(results, "ceilings", "rawDisk", "MBPerSecond"),
        "MB/s")
    lower = min([v for v in (parse, spool) if v is not None], default=None)
    fraction = fsync / lower if fsync is not None and lower else None
    add("fractionOfCeiling", "end to end fsync / lower ceiling", fraction, "ratio", ">= 0.5",
        _verdict(fraction, at_least=0.5))

    nginx_same = _get(results, "nginx", "sameScript", "requestsPerSecond")
    nginx_static = _get(results, "nginx", "static", "requestsPerSecond")
    rps_fsync = _get(relay, "fsync", "requestsPerSecond")
    rps_memory = _get(relay, "memory", "requestsPerSecond")
    add("rpsFsync", "collector req/s, fsync (100 events each)", rps_fsync, "req/s")
    add("rpsMemory", "collector req/s, memory", rps_memory, "req/s")
    add("rpsNginx", "nginx req/s, same wrk script and body", nginx_same, "req/s")
    add("rpsNginxStatic", "nginx req/s, static body (wrk cached)", nginx_static, "req/s")
    best = max([v for v in (rps_fsync, rps_memory) if v is not None], default=None)
    add("rpsRatio", "collector (best) / nginx, same script",
        best / nginx_same if best is not None and nginx_same else None, "ratio")

    latency = relay.get("latency", {})
    rate = latency.get("eventsPerSecond")
    at = f" at {rate / 1000:.0f}k ev/s" if rate else ""
    add("ingestP50", "ingest p50" + at, _get(latency, "ingestMs", "p50"), "ms")
    add("ingestP99", "ingest p99" + at, _get(latency, "ingestMs", "p99"), "ms", "<= 5 ms",
        _verdict(_get(latency, "ingestMs", "p99"), at_most=5))
    add("ingestP999", "ingest p999" + at, _get(latency, "ingestMs", "p999"), "ms")
    ack50 = _get(latency, "ingestToAckMs", "p50")
    add("ackP50", "ingest -> sink-acked p50" + at, _get(ack50 or {}, "value"), "ms", note=bucket(ack50))
    ack99 = _get(latency, "ingestToAckMs", "p99")
    add("ackP99", "ingest -> sink-acked p99" + at, _get(ack99 or {}, "value"), "ms", "<= 50 ms",
        "n/a" if not ack99 else ("MET" if ack99["high"] is not None and ack99["high"] <= 50 else
                                 ("MISSED" if ack99["low"] >= 50 else _verdict(ack99["value"], at_most=50))),
        note=bucket(ack99))

    memory_latency = relay.get("latencyMemory", {})
    if memory_latency:
        add("ingestMemP50", "ingest p50" + at + ", durability memory", _get(memory_latency, "ingestMs", "p50"), "ms")
        add("ingestMemP99", "ingest p99" + at + ", durability memory", _get(memory_latency, "ingestMs", "p99"), "ms",
            "<= 1 ms (spec L1b)", _verdict(_get(memory_latency, "ingestMs", "p99"), at_most=1))
        add("ackMemP99", "ingest -> sink-acked p99" + at + ", memory",
            _get(memory_latency, "ingestToAckMs", "p99", "value"), "ms",
            note=bucket(_get(memory_latency, "ingestToAckMs", "p99")))

    idle = _get(relay, "idle", "relayRssKB")
    add("rssIdle", "RSS idle", idle / 1024 if idle else None, "MB", "<= 40 MB",
        _verdict(idle / 1024 if idle else None, at_most=40))
    split = _get(relay, "idle", "relayRssBreakdownKB")
    if split:
        add("rssIdleSplit", "RSS idle: anonymous / file-backed (code)",
            f"{split['anonymous'] / 1024:.1f} / {split['fileBacked'] / 1024:.1f} MB", "")
    peaks = {
        "rssPeakFsync": ("RSS peak, flat out fsync", _get(relay, "fsync", "peakRssKB", "relay")),
        "rssPeakMemory": ("RSS peak, flat out memory", _get(relay, "memory", "peakRssKB", "relay")),
        "rssBacklog": ("RSS with the backlog on disk", _get(relay, "backlog", "rssKB", "withBacklog")),
        "rssBacklogFill": ("RSS peak while the backlog filled", _get(relay, "backlog", "rssKB", "whileFilling")),
        "rssDrain": ("RSS peak while the backlog drained", _get(relay, "backlog", "rssKB", "whileDraining")),
    }
    for key, (label, kb) in peaks.items():
        mb = kb / 1024 if kb else None
        add(key, label, mb, "MB", "<= 150 MB", _verdict(mb, at_most=150))
    pending = _get(relay, "backlog", "pendingRecords")
    if pending is not None:
        add("backlogRecords", "backlog size when RSS was read", pending, "events")
        add("drainRate", "backlog drain rate", _get(relay, "backlog", "drainEventsPerSecond"), "events/s")

    add("cpuFsync", "relay CPU per 100k events, flat out fsync",
        _get(relay, "fsync", "relayCpuSecondsPer100kEvents"), "CPU s")
    add("cpuMemory", "relay CPU per 100k events, flat out memory",
        _get(relay, "memory", "relayCpuSecondsPer100kEvents"), "CPU s")
    add("cpuAtRate", "relay CPU per 100k events" + at, _get(latency, "relayCpuSecondsPer100kEvents"), "CPU s")
    add("coresAtRate", "relay CPU cores used" + at, _get(latency, "relayCpuCores"), "cores", "<= 1 (T2)",
        _verdict(_get(latency, "relayCpuCores"), at_most=1))

    evaluation = results.get("evaluation", {})
    ofrep_ratio = evaluation.get("ratio")
    add("ofrepRelay", "OFREP single evaluation, relay (fsync, events exported)",
        _get(evaluation, "relay", "requestsPerSecond"), "req/s")
    add("ofrepNginx", "OFREP single evaluation, nginx fixed answer", _get(evaluation, "nginx", "requestsPerSecond"),
        "req/s")
    add("ofrepRatio", "OFREP single evaluation req/s / nginx", ofrep_ratio, "ratio", ">= 0.5",
        _verdict(ofrep_ratio, at_least=0.5))
    add("ofrepP99", "OFREP single evaluation p99 (wrk)", (_get(evaluation, "relay", "latencyMicros", "p99") or 0) / 1000
        if _get(evaluation, "relay", "latencyMicros", "p99") is not None else None, "ms")
    per_core = _get(evaluation, "inProcess", "evaluations_per_second")
    add("evalPerCore", "in-process evaluations/s, 3-rule flag, 1 core", per_core, "events/s", ">= 1M",
        _verdict(per_core, at_least=1_000_000))

    for name in ("fsync", "memory"):
        delivery = _get(relay, name, "delivery")
        if delivery:
            add(f"delivery{name.title()}", f"sink got every acked event ({name})",
                f"{delivery['delivered']} of {delivery['acknowledged']} acked", "",
                "all, no extras beyond unanswered", "MET" if delivery["consistent"] else "MISSED")
    return rows


def _format(value, unit: str) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, str):
        return value
    if unit in ("events/s", "req/s", "events", "req"):
        return f"{value:,.0f} {unit}"
    if unit == "ratio":
        return f"{value:.3f}" if value < 0.1 else f"{value:.2f}"
    if unit in ("ms", "MB", "MB/s", "cores", "CPU s"):
        return f"{value:.2f} {unit}" if value < 100 else f"{value:,.0f} {unit}"
    return f"{value} {unit}".strip()


def table(results: dict) -> str:
    rows = results.get("figures") or figures(results)
    width = max(len(r["label"]) for r in rows)
    values = [_format(r["value"], r["unit"]) for r in rows]
    vwidth = max(len(v) for v in values)
    lines = [f"goff-relay benchmark  {results.get('date')}  commit {results.get('commit')}  "
             f"load before {results.get('loadBefore')} after {results.get('loadAfter')}",
             f"{'figure':<{width}}  {'value':>{vwidth}}  target / verdict",
             "-" * (width + vwidth + 30)]
    for row, value in zip(rows, values):
        target = f"{row['target']}  {row['verdict']}".strip() if row["target"] else row["verdict"]
        note = f"  {row['note']}" if row.get("note") else ""
        lines.append(f"{row['label']:<{width}}  {value:>{vwidth}}  {target}{note}".rstrip())
    return "\n".join(lines)
