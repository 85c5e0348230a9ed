"""The README's fidelity table, per kind of chart: the figures of ``fidelity.py``'s results.

Each compared chart falls in one row by the type its config asked for (before QuickChart's
spellings are undone: a ``sparkline`` is its own row) and the Chart.js that drew it (v2:
2.9.4; v3/v4: 4). The figures are counted here; the README's last column ("what differs and
why") is written by hand from the pairs in ``docs/fidelity``, so ``rows`` leaves it empty.
"""

from __future__ import annotations

from typing import Any

CHECKS = ("colours", "extents", "ticks", "title", "legend")
# README order; a row is printed only when some chart falls in it
KINDS = (
    "bar, v2",
    "bar, v3/v4",
    "horizontal bar, v2 and v4",
    "line, v2",
    "line, v3/v4",
    "sparkline",
    "pie, doughnut, v2",
    "pie, doughnut, v3/v4",
    "radar, polar area, v2 and v4",
    "scatter, bubble, v2 and v4",
)
ROUND = ("pie", "doughnut", "donut", "outlabeledPie")


def kind_of(geometry: dict[str, Any], config_text: str, version: str) -> str:
    """The table row of a chart: from what Chart.js recorded and the config's version."""
    requested = geometry.get("requested") or geometry["type"]
    drawn_as = "v3/v4" if version[:1] in ("3", "4") else "v2"
    if requested == "sparkline":
        return "sparkline"
    if requested == "horizontalBar" or (requested == "bar" and "indexAxis" in config_text):
        return "horizontal bar, v2 and v4"
    if requested in ("bar", "line"):
        return f"{requested}, {drawn_as}"
    if requested in ROUND:
        return f"pie, doughnut, {drawn_as}"
    if requested in ("radar", "polarArea"):
        return "radar, polar area, v2 and v4"
    if requested in ("scatter", "bubble"):
        return "scatter, bubble, v2 and v4"
    return str(requested)


def rows(results: dict[str, Any], kinds: dict[str, str]) -> list[str]:
    """Markdown rows: kind, charts, each check passed/applied, median mean abs, median % > 64.

    ``results``: ``fidelity.py``'s per-chart results; ``kinds``: chart name -> ``kind_of``."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for name, result in results.items():
        if result.get("chartfn") == "ok":
            grouped.setdefault(kinds[name], []).append(result)
    order = [k for k in KINDS if k in grouped] + sorted(set(grouped) - set(KINDS))
    lines = []
    for kind in order:
        charts = grouped[kind]
        cells = []
        for check in CHECKS:
            applied = [c["checks"][check] for c in charts if c["checks"][check] is not None]
            passed = sum(1 for a in applied if a["ok"])
            cells.append(f"{passed}/{len(applied)}" if applied else "–")
        means = median([c["mean_abs"] for c in charts])
        shares = median([c["pct_differing"] for c in charts])
        lines.append(
            f"| {kind} | {len(charts)} | {' | '.join(cells)} | {means:.1f} | {shares:.1f} | |"
        )
    return lines


def median(values: list[float]) -> float:
    """The upper median (the figure the summary line states): a value some chart has."""
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else float("nan")
