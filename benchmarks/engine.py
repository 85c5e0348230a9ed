"""The raster engine against the Figure path it replaces, in process, per chart kind.

Each round draws every kind from new data on new axes (values scaled by a factor that changes
every round, so no tick layout repeats), once on the old path (``Figure`` + ``draw_spec`` +
Agg, ``render_figure``) and once on the engine (``raster.engine.render_spec``), alternating
which goes first; PNG encoding is included on both. Prints medians and the ratio per kind and
size. A report, not a test: nothing asserts a timing.

    .venv/bin/python benchmarks/engine.py [--rounds 25]
"""

from __future__ import annotations

import argparse
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=25)
    args = parser.parse_args()
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
