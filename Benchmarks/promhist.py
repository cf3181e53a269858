# SPDX-License-Identifier: Apache-2.0
"""Quantiles from a Prometheus histogram scraped twice (the difference of the two scrapes).

The relay's timers use swift-prometheus' default buckets (5, 10, 25, 50, 100, 250, 500 ms, 1, 2.5,
5, 10 s), so a quantile is only known to lie inside one bucket: `quantile` returns that bucket's
bounds and a linear interpolation inside it (what PromQL's histogram_quantile does).
"""

from __future__ import annotations

import math
import re

LINE = re.compile(r'^(?P<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?P<labels>[^}]*)\})?\s+(?P<value>\S+)')


def buckets(text: str, name: str) -> dict[float, float]:
    """Cumulative bucket counts of histogram `name` (every label set summed), keyed by upper bound."""
    out: dict[float, float] = {}
    for line in text.splitlines():
        match = LINE.match(line)
        if not match or match.group("name") != name + "_bucket":
            continue
        le = re.search(r'le="([^"]+)"', match.group("labels") or "")
        if not le:
            continue
        bound = math.inf if le.group(1) == "+Inf" else float(le.group(1))
        out[bound] = out.get(bound, 0.0) + float(match.group("value"))
    return out


def difference(after: dict[float, float], before: dict[float, float]) -> dict[float, float]:
    return {bound: count - before.get(bound, 0.0) for bound, count in after.items()}


def quantile(cumulative: dict[float, float], q: float) -> dict | None:
    """{"value": interpolated seconds, "low": bucket lower bound, "high": upper bound (inf if in the
    +Inf bucket)} of the q-quantile, or None when the histogram is empty."""
    bounds = sorted(cumulative)
    if not bounds or cumulative[bounds[-1]] <= 0:
        return None
    total = cumulative[bounds[-1]]
    rank = q * total
    low, below = 0.0, 0.0
    for bound in bounds:
        count = cumulative[bound]
        if count >= rank:
            if math.isinf(bound):
                return {"value": low, "low": low, "high": math.inf}
            inside = count - below
            fraction = (rank - below) / inside if inside > 0 else 1.0
            return {"value": low + (bound - low) * fraction, "low": low, "high": bound}
        low, below = bound, count
    return {"value": low, "low": low, "high": math.inf}
