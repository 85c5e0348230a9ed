"""The raster engine against the Figure path it replaces, in process, per chart kind.

Each round draws every kind from new data on new axes (values scaled by a factor that changes
every round, so no tick layout repeats), once on the old path (``Figure`` + ``draw_spec`` +
Agg, ``render_figure``) and once on the engine (``raster.engine.render_spec``), alternating
which goes first; PNG encoding is included on both. Prints medians and the ratio per kind and
size. A report, not a test: nothing asserts a timing.

    .venv/bin/python benchmarks/engine.py [--rounds 25]
    .venv/bin/python benchmarks/engine.py --memory   # RSS after 1 / 1000 / 3000 engine charts
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "function"))

from chartfn.drawing.figures import render_figure
from chartfn.drawing.raster.engine import render_spec
from chartfn.drawing.spec_renderer import draw_spec
from chartfn.models.chart_spec import ChartSpec
from chartfn.models.output_options import OutputOptions


def specs(round_: int) -> dict[str, dict[str, Any]]:
    """The issue's charts, with values that differ every round."""
    k = 1.0 + 0.37 * round_
    return {
        "bar 12x2": {
            "kind": "bar",
            "title": f"bars {round_}",
            "categories": [f"M{i}" for i in range(12)],
            "series": [
                {"name": "a", "y": [k * ((i * 7) % 11 + 1) for i in range(12)]},
                {"name": "b", "y": [k * ((i * 5) % 9 + 2) for i in range(12)]},
            ],
        },
        "line 2x100": {
            "kind": "line",
            "title": f"lines {round_}",
            "series": [
                {"name": "a", "y": [k * (i % 17) for i in range(100)]},
                {"name": "b", "y": [k * ((i * 3) % 23) for i in range(100)]},
            ],
        },
        "pie 5": {
            "kind": "pie",
            "title": f"pie {round_}",
            "categories": ["a", "b", "c", "d", "e"],
            "series": [{"y": [k, 2.0, 3.0, 4.0, 5.0]}],
        },
        "scatter 200": {
            "kind": "scatter",
            "title": f"scatter {round_}",
            "series": [
                {
                    "x": [k * ((i * 37) % 101) for i in range(200)],
                    "y": [k * ((i * 53) % 97) for i in range(200)],
                }
            ],
        },
        "area 2x50": {
            "kind": "area",
            "stacked": True,
            "title": f"area {round_}",
            "series": [
                {"name": "a", "y": [k * (i % 7 + 1) for i in range(50)]},
                {"name": "b", "y": [k * (i % 5 + 1) for i in range(50)]},
            ],
        },
        "histogram 500": {
            "kind": "histogram",
            "title": f"histogram {round_}",
            "series": [{"y": [k * ((i * 7919) % 1000) for i in range(500)]}],
        },
    }


def rss_mb() -> float:
    """Resident set size now (Linux)."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def memory(count: int = 3000) -> None:
    """Distinct charts over every kind, theme, format and several sizes (titles and values new
    each time, so the engine's text caches fill up to their bounds): RSS at 1, 1000 and 3000."""
    themes = ["light", "dark", "ggplot", "bmh", "fivethirtyeight", "grayscale", "solarized"]
    sizes = [(800, 400, 1.0), (1000, 600, 1.0), (400, 300, 2.0), (300, 200, 1.0)]
    formats = ["png", "png", "png", "webp", "svg"]
    marks: dict[int, float] = {}
    for index in range(1, count + 1):
        kinds = specs(index)
        name = list(kinds)[index % len(kinds)]
        width, height, scale = sizes[index % len(sizes)]
        options = OutputOptions(width=width, height=height, scale=scale,
                                theme=themes[index % len(themes)],
                                format=formats[index % len(formats)])  # fmt: skip
        render_spec(ChartSpec.model_validate(kinds[name]), options)
        if index in (1, 1000, 2000, count):
            marks[index] = rss_mb()
    print(" / ".join(f"{n}: {mb:.1f} MB" for n, mb in marks.items()),
          f"| growth 1000 -> {count}: {marks[count] - marks[1000]:+.1f} MB")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=25)
    parser.add_argument("--memory", action="store_true")
    args = parser.parse_args()
    if args.memory:
        memory()
        return
    sizes = [(800, 400), (1000, 600)]
    print("| chart | size | Figure path (median) | engine (median) | speed-up |")
    print("|---|---|---|---|---|")
    for width, height in sizes:
        options = OutputOptions(width=width, height=height)
        # warm-up: imports, fonts, caches keyed by style and size
        for data in specs(-1).values():
            spec = ChartSpec.model_validate(data)
            render_spec(spec, options)
            render_figure(lambda f, s=spec: draw_spec(f, s), options, with_axes=False)
        old: dict[str, list[float]] = {}
        new: dict[str, list[float]] = {}
        for round_ in range(args.rounds):
            for name, data in specs(round_).items():
                spec = ChartSpec.model_validate(data)
                runs = [
                    ("old", lambda s=spec, o=options: render_figure(
                        lambda f: draw_spec(f, s), o, with_axes=False)),
                    ("new", lambda s=spec, o=options: render_spec(s, o)),
                ]  # fmt: skip
                if round_ % 2:
                    runs.reverse()
                for which, run in runs:
                    start = time.perf_counter()
                    run()
                    elapsed = time.perf_counter() - start
                    (old if which == "old" else new).setdefault(name, []).append(elapsed)
        for name in old:
            o, n = statistics.median(old[name]) * 1e3, statistics.median(new[name]) * 1e3
            print(f"| {name} | {width}x{height} | {o:.1f} ms | {n:.1f} ms | {o / n:.1f}x |")


if __name__ == "__main__":
    main()
