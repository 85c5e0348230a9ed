"""Gradient and pattern fills against plain ones: a QuickChart-default (1000×600) bar chart
drawn from a Chart.js config with its bars in one colour, in ``pattern.draw`` patterns and in
``getGradientFillHelper`` gradients, in process and end to end (parse, translate, draw, PNG).

Each round has new values (so no tick layout repeats) and a pattern size no round had before
(so no tile is kept from an earlier round: the worst case, a tile drawn every chart), besides
patterns of QuickChart's default size (their tiles kept); the variants go in a different order
every round. Prints each variant's median and its
ratio to the plain fill's. A report, not a test: nothing asserts a timing.

    .venv/bin/python benchmarks/paint_fill.py [--rounds 40]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "function"))

from chartfn.chartjs.output import output_for
from chartfn.chartjs.prepare import prepare
from chartfn.chartjs.request import parse_request
from chartfn.drawing.raster.engine import render_spec

CATEGORIES = 12


def fills(round_: int) -> dict[str, list[Any]]:
    """Per variant, the two datasets' backgroundColor (as the sandbox's markers give them)."""
    size = 10 + round_ % 150 + (round_ // 150) * 0.5  # a size no earlier round had
    return {
        "plain": ["#36a2eb", "#ff6384"],
        "pattern": [
            {"$pattern": {"shape": "diagonal", "backgroundColor": "#36a2eb",
                          "patternColor": None, "size": size}},
            {"$pattern": {"shape": "dot", "backgroundColor": "#ff6384",
                          "patternColor": "#ffffff", "size": size + 3}},
        ],
        "pattern, tile kept": [
            {"$pattern": {"shape": "diagonal", "backgroundColor": "#36a2eb", "size": 20}},
            {"$pattern": {"shape": "dot", "backgroundColor": "#ff6384", "size": 20}},
        ],
        "gradient": [
            {"$gradient": {"type": "linear", "coords": [0, 0, 0, "height"],
                           "stops": [{"offset": 0, "color": "#36a2eb"},
                                     {"offset": 1, "color": "#a336eb"}]}},
            {"$gradient": {"type": "linear", "coords": [0, 0, "width", 0],
                           "stops": [{"offset": 0, "color": "#ff6384"},
                                     {"offset": 1, "color": "#ffcd56"}]}},
        ],
    }  # fmt: skip


def config(round_: int, fill: list[Any]) -> str:
    k = 1.0 + 0.37 * round_
    datasets = [
        {"label": name, "backgroundColor": color,
         "data": [round(k * ((i * step) % 11 + 1), 2) for i in range(CATEGORIES)]}
        for name, color, step in zip(("a", "b"), fill, (7, 5), strict=True)
    ]  # fmt: skip
    labels = [f"M{i}" for i in range(CATEGORIES)]
    return json.dumps({"type": "bar", "data": {"labels": labels, "datasets": datasets}})


def render(text: str) -> float:
    """Seconds to answer ``text`` as /chart?c= does, at QuickChart's default size."""
    start = time.perf_counter()
    request = parse_request({"c": text}, pixel_budget=9_000_000)
    prepared = prepare(request)
    try:
        png = render_spec(
            prepared.spec, output_for(request), prepared.ticks, prepared.styles, prepared.overlays
        )
    finally:
        prepared.close()
    elapsed = time.perf_counter() - start
    assert png.startswith(b"\x89PNG")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=40)
    rounds = parser.parse_args().rounds
    for warm in range(2):  # imports, fonts, the first tiles
        for fill in fills(10_000 + warm).values():
            render(config(warm, fill))
    times: dict[str, list[float]] = {name: [] for name in fills(0)}
    for round_ in range(rounds):
        variants = list(fills(round_).items())
        shift = round_ % len(variants)
        for name, fill in variants[shift:] + variants[:shift]:
            times[name].append(render(config(round_, fill)))
    plain = statistics.median(times["plain"])
    print(f"1000x600 bar chart, 2 datasets x {CATEGORIES} bars, {rounds} rounds (medians)")
    print("| fill | median ms | ratio to plain |")
    print("| --- | ---: | ---: |")
    for name, seconds in times.items():
        median = statistics.median(seconds)
        print(f"| {name} | {median * 1000:.1f} | {median / plain:.2f} |")


if __name__ == "__main__":
    main()
