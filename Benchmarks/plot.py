# SPDX-License-Identifier: Apache-2.0
"""Draws results/latest.png from results/latest.json (matplotlib, Agg backend).

    python3 Benchmarks/plot.py Benchmarks/results/latest.json Benchmarks/results/latest.png

scripts/bench runs it with Debian's /usr/bin/python3 (package python3-matplotlib).
"""

from __future__ import annotations

import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def get(data, *path):
    for key in path:
        if not isinstance(data, dict) or data.get(key) is None:
            return None
        data = data[key]
    return data


def bars(ax, labels, values, colors, title, unit, log=False, targets=(), bottom=None):
    shown = [(l, v, c) for l, v, c in zip(labels, values, colors) if v is not None]
    if not shown:
        ax.set_title(title + " (not measured)")
        ax.axis("off")
        return
    names, heights, hues = zip(*shown)
    rects = ax.bar(range(len(heights)), heights, color=hues)
    ax.set_xticks(range(len(heights)), names, rotation=20, ha="right", fontsize=8)
    for rect, value in zip(rects, heights):
        text = f"{value:,.0f}" if value >= 100 else f"{value:.1f}"
        ax.annotate(text, (rect.get_x() + rect.get_width() / 2, rect.get_height()), ha="center",
                    va="bottom", fontsize=7)
    for value, label, style in targets:
        ax.axhline(value, color="crimson" if style == "target" else "darkorange", linestyle="--", linewidth=1)
        ax.annotate(label, (len(heights) - 0.5, value), ha="right", va="bottom", fontsize=7, color="crimson")
    if log:
        ax.set_yscale("log")
    if bottom is not None:
        ax.set_ylim(bottom=bottom)
    ax.set_title(title, fontsize=10)
    ax.set_ylabel(unit, fontsize=8)
    ax.tick_params(axis="y", labelsize=7)


def main(source: str, target: str) -> None:
    r = json.load(open(source))
    relay = r.get("relay", {})
    fig, axes = plt.subplots(2, 3, figsize=(16, 9))
    fig.suptitle(f"goff-relay benchmark — {r.get('date')} — commit {r.get('commit')} — "
                 f"{get(r, 'machine', 'cpus')} CPUs — load before {r.get('loadBefore')}", fontsize=11)

    append = get(r, "ceilings", "append") or {}
    append_key = next((k for k in append if k != "c1"), None)
    bars(axes[0][0],
         ["e2e fsync", "e2e memory", "parse+encode\n1 core", "parse alone\n1 core",
          f"spool fsync\n{append_key or ''}", "spool fsync\nc1"],
         [get(relay, "fsync", "sinkEventsPerSecond"), get(relay, "memory", "sinkEventsPerSecond"),
          get(r, "ceilings", "parse", "parseEncode", "eventsPerSecond"),
          get(r, "ceilings", "parse", "parse", "eventsPerSecond"),
          get(append, append_key, "eventsPerSecond") if append_key else None, get(append, "c1", "eventsPerSecond")],
         ["tab:blue", "tab:cyan", "tab:green", "tab:olive", "tab:purple", "plum"],
         "events/s: end to end (sink-acked) and ceilings", "events/s", log=True, bottom=1e4,
         targets=[(100_000, "target 100k", "target"), (50_000, "floor 50k", "floor")])

    ax = axes[0][1]
    for name, color in (("fsync", "tab:blue"), ("memory", "tab:cyan")):
        series = get(relay, name, "sinkEventsPerSecondSeries")
        if series:
            ax.plot(range(1, len(series) + 1), series, label=f"sink-acked, {name}", color=color)
    ax.axhline(100_000, color="crimson", linestyle="--", linewidth=1)
    ax.axhline(50_000, color="darkorange", linestyle="--", linewidth=1)
    ax.set_title("sustained phase: sink-acked events per second", fontsize=10)
    ax.set_xlabel("s", fontsize=8)
    ax.set_ylim(bottom=0)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(fontsize=8)
    ax.tick_params(labelsize=7)

    bars(axes[0][2], ["collector\nfsync", "collector\nmemory", "nginx\nsame script", "nginx\nstatic body"],
         [get(relay, "fsync", "requestsPerSecond"), get(relay, "memory", "requestsPerSecond"),
          get(r, "nginx", "sameScript", "requestsPerSecond"), get(r, "nginx", "static", "requestsPerSecond")],
         ["tab:blue", "tab:cyan", "tab:gray", "silver"], "req/s, 100-event bodies (~30 KB)", "req/s", log=True, bottom=10)

    lat = relay.get("latency", {})
    rate = lat.get("eventsPerSecond", 0)
    bars(axes[1][0], ["ingest p50", "ingest p99", "ingest p999", "ingest→ack p50", "ingest→ack p99",
                      "ingest p99\n(memory)"],
         [get(lat, "ingestMs", "p50"), get(lat, "ingestMs", "p99"), get(lat, "ingestMs", "p999"),
          get(lat, "ingestToAckMs", "p50", "value"), get(lat, "ingestToAckMs", "p99", "value"),
          get(relay, "latencyMemory", "ingestMs", "p99")],
         ["tab:green"] * 3 + ["tab:purple"] * 2 + ["tab:cyan"],
         f"latency at {rate:,.0f} events/s, constant rate (fsync)", "ms", log=True, bottom=0.1,
         targets=[(5, "ingest p99 ≤ 5 ms", "target"), (50, "ack p99 ≤ 50 ms", "target")])

    mb = [None if v is None else v / 1024 for v in (
        get(relay, "idle", "relayRssKB"), get(relay, "fsync", "peakRssKB", "relay"),
        get(relay, "memory", "peakRssKB", "relay"), get(relay, "backlog", "rssKB", "withBacklog"),
        get(relay, "backlog", "rssKB", "whileDraining"))]
    backlog = get(relay, "backlog", "pendingRecords")
    bars(axes[1][1], ["idle", "peak fsync", "peak memory", f"backlog\n{(backlog or 0) / 1e6:.1f}M", "draining"],
         mb, ["tab:green", "tab:blue", "tab:cyan", "tab:red", "salmon"], "relay RSS", "MB", bottom=0,
         targets=[(40, "idle ≤ 40", "target"), (150, "any ≤ 150", "target")])

    ax = axes[1][2]
    for name, color in (("fsync", "tab:blue"), ("memory", "tab:cyan")):
        series = get(relay, name, "series") or []
        points = [(s["t"], s["relayRssKB"] / 1024) for s in series if s.get("relayRssKB")]
        if points:
            ax.plot(*zip(*points), label=f"RSS, {name} flat out", color=color)
    ax.axhline(150, color="crimson", linestyle="--", linewidth=1)
    cpu = [f"{name}: {get(relay, name, 'relayCpuSecondsPer100kEvents'):.2f} CPU s/100k ev"
           for name in ("fsync", "memory") if get(relay, name, "relayCpuSecondsPer100kEvents") is not None]
    ax.set_title("relay RSS during the sustained phases\n" + "; ".join(cpu), fontsize=9)
    ax.set_xlabel("s", fontsize=8)
    ax.set_ylabel("MB", fontsize=8)
    ax.set_ylim(bottom=0)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(fontsize=8)
    ax.tick_params(labelsize=7)

    fig.tight_layout(rect=(0, 0, 1, 0.96))
    fig.savefig(target, dpi=90)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
