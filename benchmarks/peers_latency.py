"""The latency rows: every kind at each size, one request at a time over loopback HTTP,
alternating chartfn / Chart.js on @napi-rs/canvas / Chart.js on node-canvas.

Each round draws one new chart per kind (seeded) and sends it to the three sides in an order
that cycles through all six permutations, so a drifting machine and the CPU caches a previous
request left behind hit every side alike. Kinds are interleaved within a round for the same
reason. Every answer is checked to be a PNG of the requested pixel size.
"""

from __future__ import annotations

import itertools
import json
import random
import sys
from dataclasses import dataclass, field
from urllib.parse import unquote

from peers_charts import KINDS, Chart, Kind
from peers_servers import Answer, Endpoint, WrongAnswer, check_png
from workload import median

SIDES = ("chartfn", "napi", "cairo")
ORDERS = list(itertools.permutations(range(len(SIDES))))
SIZES = ((800, 400), (1000, 600))


@dataclass
class Series:
    """One kind at one size: the timings of each side and what chartfn said about the chart."""

    kind: Kind
    width: int
    height: int
    seconds: dict[str, list[float]] = field(default_factory=lambda: {s: [] for s in SIDES})
    refused: str = ""  # chartfn's answer when it does not draw this kind (the row is left out)
    warnings: set[str] = field(default_factory=set)

    def median(self, side: str) -> float:
        return median(self.seconds[side])


def _chartfn(endpoint: Endpoint, chart: Chart) -> Answer:
    return endpoint.request("GET", chart.chartfn_path)


def _peer(endpoint: Endpoint, backend: str, chart: Chart, width: int, height: int) -> Answer:
    body = json.dumps(chart.config).encode()
    return endpoint.request("POST", f"/render?backend={backend}&w={width}&h={height}", body)


def _one(
    series: Series, side: str, chart: Chart, chartfn: Endpoint, peers: Endpoint
) -> float | None:
    """One timed request; None when chartfn does not draw the kind (noted, not timed)."""
    w, h = series.width, series.height
    answer = _chartfn(chartfn, chart) if side == "chartfn" else _peer(peers, side, chart, w, h)
    if side == "chartfn":
        warning = answer.headers.get("x-chart-warning")
        if warning:
            series.warnings.add(unquote(warning))
        if answer.status != 200:
            reason = answer.headers.get("x-quickchart-error") or answer.body[:200].decode(
                "utf-8", "replace"
            )
            series.refused = f"chartfn answers {answer.status}: {unquote(reason)}"
            return None
    check_png(answer, w, h, f"{side} {series.kind.name} {w}×{h}")
    return answer.seconds


def measure(
    chartfn: Endpoint, peers: Endpoint, rounds: int, warmup: int, seed: int
) -> list[Series]:
    """``warmup`` untimed rounds (their own seed), then ``rounds`` timed ones, per size."""
    all_series: list[Series] = []
    for width, height in SIZES:
        size_series = [Series(kind, width, height) for kind in KINDS]
        for phase, count, phase_seed in (("warm-up", warmup, seed + 1), ("timed", rounds, seed)):
            rng = random.Random(f"{phase_seed}-{width}x{height}")
            for r in range(count):
                order = ORDERS[r % len(ORDERS)]
                for series in size_series:
                    if series.refused:
                        continue
                    chart = series.kind.build(rng, width, height)
                    for index in order:
                        side = SIDES[index]
                        seconds = _one(series, side, chart, chartfn, peers)
                        if seconds is None:
                            break
                        if phase == "timed":
                            series.seconds[side].append(seconds)
            print(
                f"[peers] {width}×{height}: {phase} rounds done ({count})",
                file=sys.stderr,
                flush=True,
            )
        all_series += size_series
    return all_series


__all__ = ["SIDES", "SIZES", "Series", "WrongAnswer", "measure"]
