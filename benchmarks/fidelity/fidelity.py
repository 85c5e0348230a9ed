"""The fidelity pairs and table in docs/fidelity/: Chart.js beside chartfn, with the named checks.

    bash benchmarks/fidelity/regenerate.sh     # or, by hand:
    (cd benchmarks/fidelity && npm_config_nodedir=/usr npm ci && node render.mjs --out out)
    .venv/bin/python benchmarks/fidelity/fidelity.py --chartjs benchmarks/fidelity/out

For every corpus config that Chart.js rendered (``out/chartjs.json``), chartfn draws it at the
same size (its own pipeline in process, no cache), ``checks.named_checks`` compares the two
and ``checks.pixel_difference`` states how far apart the pixels are. Writes
``docs/fidelity/<name>.jpg`` (Chart.js left, chartfn right, half size, JPEG, to keep the folder
small), ``docs/fidelity/results.json``, ``docs/fidelity/index.md`` (the table) and, for the
``PINNED`` charts, what Chart.js drew and which checks pass, for the unit test that keeps them
passing (``tests/unit/chartjs_fidelity_cases.json``). Not part of
the test command: it needs Node and Chart.js's output. Prints the summary line and the
per-kind rows of the README's fidelity table (``kind_table``).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np
from checks import REPO, named_checks, on_white, ours, pinned, pixel_difference
from kind_table import kind_of, rows
from PIL import Image, ImageDraw

CORPORA = ("quickchart_docs.json", "edge_cases.json")
CHECKS = ("colours", "extents", "ticks", "title", "legend")
# Charts whose passing checks tests/unit/test_chartjs_fidelity.py pins (no Node needed there):
# v2 and v3 bars (one on an axis from 40, its bars clipped), tick callbacks, a title, a
# doughnut's slices, numeric strings.
PINNED = (
    "chart-types-1",
    "chart-types-5",
    "custom-tick-format-2",
    "custom-tick-format-4",
    "chart-title-1",
    "grid-lines-1",
    "grid-lines-2",
    "numeric-strings",
    "legend-false-v3",
    "doughnut-v2-half-radians",
    "nested-rings-v4-weights",
    "mixed-line-chart-with-bars-v2",
    "labels-1",
    "horizontal-bar-stacked-v2",
    "overlays-horizontal-bar-v4",
)
FIXTURE = REPO / "tests" / "unit" / "chartjs_fidelity_cases.json"
GAP = 8
JPEG_QUALITY = 70


def _compose(real: np.ndarray, mine: np.ndarray | None, caption: str, out: Path) -> None:
    height, width = real.shape[:2]
    pair = Image.new("RGB", (2 * width + GAP, height + 18), "white")
    pair.paste(Image.fromarray(real.astype(np.uint8)), (0, 0))
    if mine is not None:
        pair.paste(Image.fromarray(mine.astype(np.uint8)).resize((width, height)), (width + GAP, 0))
    ImageDraw.Draw(pair).text((4, height + 3), caption[:150], fill="black")
    pair = pair.resize((pair.width // 2, pair.height // 2), Image.Resampling.LANCZOS)
    pair.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)


def _cell(check: dict[str, Any] | None) -> str:
    if check is None:
        return "–"
    return "ok" if check["ok"] else "**differs**"


def _detail(checks: dict[str, Any]) -> str:
    notes = []
    if checks["colours"] and not checks["colours"]["ok"]:
        notes.append(f"colours {checks['colours']['matched']}/{checks['colours']['of']}")
    if checks["extents"] and not checks["extents"]["ok"]:
        notes.append(f"extent off by {100 * checks['extents']['worst']:.1f} %")
    if checks["ticks"]:
        for axis in checks["ticks"]["axes"]:
            if not axis["ok"]:
                notes.append(
                    f"{axis['axis']} ticks {' '.join(axis['chartjs'][:6])} vs "
                    f"{' '.join(axis['chartfn'][:6])}"
                )
    return "; ".join(notes).replace("|", "\\|")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chartjs", default=str(Path(__file__).with_name("out")))
    parser.add_argument("--docs", default=str(REPO / "docs" / "fidelity"))
    parser.add_argument("--width", type=int, default=500)
    parser.add_argument("--height", type=int, default=300)
    args = parser.parse_args()
    source, docs = Path(args.chartjs), Path(args.docs)
    docs.mkdir(parents=True, exist_ok=True)
    statuses = json.loads((source / "chartjs.json").read_text(encoding="utf-8"))
    geometries = json.loads((source / "geometry.json").read_text(encoding="utf-8"))
    results: dict[str, Any] = {}
    fixture: list[dict[str, Any]] = []
    kinds: dict[str, str] = {}
    for corpus in CORPORA:
        examples = json.loads((REPO / "tests" / "corpus" / corpus).read_text("utf-8"))["examples"]
        for example in examples:
            name = example["name"]
            if name in geometries:
                version = str(example.get("version") or "2")
                kinds[name] = kind_of(geometries[name], example["config"], version)
            if statuses.get(name) != "ok":
                results[name] = {"chartjs": statuses.get(name, "not rendered")}
                continue
            real = on_white((source / f"{name}.chartjs.png").read_bytes())
            try:
                mine = ours(example, args.width, args.height)
            except Exception as error:  # a refused config is a row, not a crash
                results[name] = {"chartjs": "ok", "chartfn": f"{type(error).__name__}: {error}"}
                _compose(real, None, f"{name}: chartfn refused: {error}", docs / f"{name}.jpg")
                continue
            checks = named_checks(geometries[name], real, mine, example["config"])
            if name in PINNED:
                passing = [c for c in CHECKS if checks[c] is not None and checks[c]["ok"]]
                geometry = pinned(geometries[name], real, example["config"])
                fixture.append({"example": example, "geometry": geometry, "passing": passing})
            difference = pixel_difference(real, mine.image)
            results[name] = {"chartjs": "ok", "chartfn": "ok", "checks": checks, **difference}
            caption = f"{name}: Chart.js left, chartfn right; " + ", ".join(
                f"{c} {_cell(checks[c])}" for c in CHECKS if checks[c] is not None
            )
            _compose(real, mine.image, caption, docs / f"{name}.jpg")
    (docs / "results.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    engines_file = source / "engines.json"
    engines = json.loads(engines_file.read_text("utf-8")) if engines_file.exists() else {}
    (docs / "index.md").write_text(_index(results, engines), encoding="utf-8")
    FIXTURE.write_text(
        json.dumps({"width": args.width, "height": args.height, "cases": fixture}, indent=None)
        + "\n",
        encoding="utf-8",
    )
    drawn = [r for r in results.values() if r.get("chartfn") == "ok"]
    rendered = sum(1 for status in statuses.values() if status == "ok")
    print(f"{len(results)} configs, {rendered} rendered by Chart.js, {len(drawn)} drawn by both")
    print(_summary({n: r for n, r in results.items() if r.get("chartfn") == "ok"}))
    print(
        "| kind, version | charts | colours | extents | ticks | title | legend "
        "| median mean abs | median % > 64 | what differs and why |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    print("\n".join(rows(results, kinds)))
    print(f"-> {docs}")


def _index(results: dict[str, Any], engines: dict[str, str]) -> str:
    drawn_on = ", ".join(f"{chartjs} on {canvas}" for chartjs, canvas in engines.items())
    drawn = {n: r for n, r in results.items() if r.get("chartfn") == "ok"}
    lines = [
        "# Fidelity: Chart.js beside chartfn",
        "",
        "Generated by `benchmarks/fidelity/fidelity.py` (see its README); do not edit by hand.",
        "Each image: Chart.js (2.9.4 for v2 configs, 4 for v3/v4) left, chartfn right, drawn at",
        "500×300 and shown at half size. The checks (`benchmarks/fidelity/checks.py`):",
        "colours (each data element's colour within 24/255 where Chart.js drew it), extents (bar",
        "ends within 2 % of the plot area, slice edges within 2 % of the turn), ticks (the same",
        "tick labels per axis), title and legend (box centres within 5 % of the canvas). Pixel",
        "difference: mean absolute RGB difference (0–255) on white, and the % of pixels with a",
        "channel more than 64 apart. – : nothing to check.",
        "",
        f"Drawn with {drawn_on or 'Chart.js'}.",
        "",
        _summary(drawn),
        "",
        "| example | colours | extents | ticks | title | legend | mean abs | % px > 64 | notes |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, result in results.items():
        if result.get("chartfn") != "ok":
            why = result.get("chartfn") or f"Chart.js: {result['chartjs']}"
            lines.append(f"| {name} | not compared: {why[:110].replace('|', '/')} | | | | | | | |")
            continue
        checks = result["checks"]
        cells = " | ".join(_cell(checks[c]) for c in CHECKS)
        lines.append(
            f"| [{name}]({name}.jpg) | {cells} | {result['mean_abs']} | "
            f"{result['pct_differing']} | {_detail(checks)} |"
        )
    return "\n".join(lines) + "\n"


def _summary(drawn: dict[str, Any]) -> str:
    parts = []
    for check in CHECKS:
        applied = [r["checks"][check] for r in drawn.values() if r["checks"][check] is not None]
        passed = sum(1 for c in applied if c["ok"])
        parts.append(f"{check} {passed}/{len(applied)}")
    means = sorted(r["mean_abs"] for r in drawn.values())
    shares = sorted(r["pct_differing"] for r in drawn.values())
    return (
        f"{len(drawn)} configs drawn by both. Checks passed: {', '.join(parts)}. "
        f"Pixel difference, median over the charts: mean abs {_median(means)}, "
        f"{_median(shares)} % of pixels differ by > 64."
    )


def _median(values: list[float]) -> float:
    return values[len(values) // 2] if values else float("nan")


if __name__ == "__main__":
    main()
