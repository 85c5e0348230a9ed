"""The charts of the peers benchmark: each kind drawn from new data every request, as a chartfn
URL and as the Chart.js config that draws the same chart on the peers.

Every chart is new to both sides (seeded, so a run is repeatable): chartfn's image cache and
kept backgrounds cannot answer, and neither can anything on the Chart.js side. The Chart.js
configs keep Chart.js's defaults wherever chartfn has no counterpart setting (colours from its
Colors plugin, fonts, a transparent background), as a user of Chart.js would leave them.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

Config = dict[str, Any]

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
SLICES = ["Rent", "Food", "Travel", "Savings", "Other"]
SIN_SAMPLES = 400  # what /sin draws: x in [0, 2π], 400 samples
PLOT_SAMPLES = 500  # /plot's default `samples`
PLOT_X1 = 10.0  # /plot's default range is [0, 10]


@dataclass(frozen=True)
class Chart:
    """One chart for all sides: chartfn's path and query, and the peers' Chart.js config."""

    chartfn_path: str
    config: Config


@dataclass(frozen=True)
class Kind:
    name: str
    group: str  # "issue 10" (chartfn's own routes) or "Chart.js config" (/chart?c=)
    build: Callable[[random.Random, int, int], Chart]


def _compact(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"))


def _query(path: str, **parameters: Any) -> str:
    return f"{path}?{urlencode({k: str(v) for k, v in parameters.items()})}"


def _title(text: str) -> Config:
    return {"display": True, "text": text}


def _walk(rng: random.Random, n: int, start: float) -> list[float]:
    values, value = [], start
    for _ in range(n):
        value += rng.gauss(0, 1)
        values.append(round(value, 3))
    return values


def _line_options(title: str, x_title: str, y_title: str, legend: bool) -> Config:
    """A line chart over a numeric x axis, with no point markers (chartfn draws none)."""
    return {
        "plugins": {"title": _title(title), "legend": {"display": legend}},
        "elements": {"point": {"radius": 0}},
        "scales": {
            "x": {"type": "linear", "title": _title(x_title)},
            "y": {"title": _title(y_title)},
        },
    }


# --- issue 10's kinds: chartfn's own routes --------------------------------------------------


def sin_chart_config(amplitude: float, frequency: float) -> Config:
    """What /sin draws, as Chart.js: y = A·sin(f·x) at 400 samples over [0, 2π], titled."""
    xs = [2 * math.pi * i / (SIN_SAMPLES - 1) for i in range(SIN_SAMPLES)]
    points = [
        {"x": round(x, 5), "y": float(f"{amplitude * math.sin(frequency * x):.6g}")} for x in xs
    ]
    options = _line_options(f"y = {amplitude:g} · sin({frequency:g}x)", "x", "y", legend=False)
    options["scales"]["x"].update(min=0, max=2 * math.pi)
    return {"type": "line", "data": {"datasets": [{"data": points}]}, "options": options}


def sin_nine_decades(rng: random.Random, width: int, height: int) -> Chart:
    """/sin with |amplitude| anywhere from 1e-3 to 1e6: a new y range nearly every time, so no
    kept background of earlier axes fits."""
    amplitude = float(f"{rng.choice((-1, 1)) * 10 ** rng.uniform(-3, 6):.4g}")
    frequency = round(rng.uniform(0.5, 8), 3)
    path = _query("/sin", amplitude=amplitude, frequency=frequency, width=width, height=height)
    return Chart(path, sin_chart_config(amplitude, frequency))


def spec_chart(spec: Config, width: int, height: int) -> str:
    return _query("/chart", spec=_compact(spec), width=width, height=height)


def spec_bar(rng: random.Random, width: int, height: int) -> Chart:
    """Bar, 12 categories × 2 series (grouped), with a legend."""
    series = [
        {"name": name, "y": [round(rng.uniform(5, 100), 1) for _ in MONTHS]}
        for name in ("2025", "2026")
    ]
    title = f"Sales {rng.randrange(1000)}"
    spec = {"kind": "bar", "categories": MONTHS, "series": series, "title": title,
            "x_label": "month", "y_label": "units"}  # fmt: skip
    config = {
        "type": "bar",
        "data": {
            "labels": MONTHS,
            "datasets": [{"label": s["name"], "data": s["y"]} for s in series],
        },
        "options": {
            "plugins": {"title": _title(title)},
            "scales": {"x": {"title": _title("month")}, "y": {"title": _title("units")}},
        },
    }
    return Chart(spec_chart(spec, width, height), config)


def spec_line(rng: random.Random, width: int, height: int) -> Chart:
    """Line, 2 series × 100 points (x = 0 … 99, chartfn's default), with a legend."""
    series = [{"name": name, "y": _walk(rng, 100, rng.uniform(-5, 5))} for name in ("a", "b")]
    title = f"Walk {rng.randrange(1000)}"
    spec = {"kind": "line", "series": series, "title": title, "x_label": "step",
            "y_label": "value"}  # fmt: skip
    datasets = [
        {"label": s["name"], "data": [{"x": i, "y": y} for i, y in enumerate(s["y"])]}
        for s in series
    ]
    config = {
        "type": "line",
        "data": {"datasets": datasets},
        "options": _line_options(title, "step", "value", legend=True),
    }
    return Chart(spec_chart(spec, width, height), config)


def spec_pie(rng: random.Random, width: int, height: int) -> Chart:
    """Pie, 5 slices, with a title (chartfn shows no legend for a pie unless asked)."""
    values = [round(rng.uniform(1, 50), 1) for _ in SLICES]
    title = f"Budget {rng.randrange(1000)}"
    spec = {"kind": "pie", "categories": SLICES, "series": [{"y": values}], "title": title}
    config = {
        "type": "pie",
        "data": {"labels": SLICES, "datasets": [{"data": values}]},
        "options": {"plugins": {"title": _title(title), "legend": {"display": False}}},
    }
    return Chart(spec_chart(spec, width, height), config)


def spec_scatter(rng: random.Random, width: int, height: int) -> Chart:
    """Scatter, 200 points in one series."""
    xs = [round(rng.uniform(0, 100), 2) for _ in range(200)]
    ys = [round(x * rng.uniform(0.5, 1.5) + rng.gauss(0, 10), 2) for x in xs]
    title = f"Sample {rng.randrange(1000)}"
    spec = {"kind": "scatter", "series": [{"x": xs, "y": ys}], "title": title, "x_label": "x",
            "y_label": "y"}  # fmt: skip
    config = {
        "type": "scatter",
        "data": {"datasets": [{"data": [{"x": x, "y": y} for x, y in zip(xs, ys, strict=True)]}]},
        "options": {
            "plugins": {"title": _title(title), "legend": {"display": False}},
            "scales": {"x": {"title": _title("x")}, "y": {"title": _title("y")}},
        },
    }
    return Chart(spec_chart(spec, width, height), config)


def plot_formula(rng: random.Random, width: int, height: int) -> Chart:
    """/plot of one formula over [0, 10], 500 samples. chartfn parses and evaluates the formula;
    the peers get the 500 points computed here (Chart.js has no formula language), so their
    time leaves out what chartfn spends on the formula."""
    a, b = round(rng.uniform(0.5, 5), 3), round(rng.uniform(2, 10), 3)
    formula = f"sin({a}*x)*exp(-x/{b})"
    xs = [PLOT_X1 * i / (PLOT_SAMPLES - 1) for i in range(PLOT_SAMPLES)]
    points = [{"x": round(x, 5), "y": round(math.sin(a * x) * math.exp(-x / b), 6)} for x in xs]
    options = _line_options("", "x", "y", legend=False)
    options["plugins"]["title"] = {"display": False}
    options["scales"]["x"].update(min=0, max=PLOT_X1)
    config = {"type": "line", "data": {"datasets": [{"data": points}]}, "options": options}
    return Chart(_query("/plot", f=formula, width=width, height=height), config)


# --- issue 12's Chart.js configs, sent as they are to /chart?c= ------------------------------


def quickchart(config: Config, width: int, height: int) -> str:
    """QuickChart's GET protocol with devicePixelRatio 1, so w×h is the PNG's pixel size."""
    return _query("/chart", c=_compact(config), w=width, h=height, devicePixelRatio=1)


def _config_chart(config: Config, width: int, height: int) -> Chart:
    return Chart(quickchart(config, width, height), config)


def _datasets(rng: random.Random, names: tuple[str, ...], n: int) -> list[Config]:
    return [{"label": name, "data": [rng.randrange(5, 100) for _ in range(n)]} for name in names]


def config_bar(rng: random.Random, width: int, height: int) -> Chart:
    labels = MONTHS[:6]
    config = {
        "type": "bar",
        "data": {"labels": labels, "datasets": _datasets(rng, ("Users", "Sessions"), len(labels))},
        "options": {"plugins": {"title": _title(f"Traffic {rng.randrange(1000)}")}},
    }
    return _config_chart(config, width, height)


def config_line(rng: random.Random, width: int, height: int) -> Chart:
    labels = MONTHS
    datasets = _datasets(rng, ("Revenue", "Cost"), len(labels))
    for dataset in datasets:
        dataset["fill"] = False
    config = {"type": "line", "data": {"labels": labels, "datasets": datasets}}
    return _config_chart(config, width, height)


def _slices(rng: random.Random, kind: str) -> Config:
    return {
        "type": kind,
        "data": {"labels": SLICES, "datasets": [{"data": [rng.randrange(1, 60) for _ in SLICES]}]},
    }


def config_pie(rng: random.Random, width: int, height: int) -> Chart:
    return _config_chart(_slices(rng, "pie"), width, height)


def config_doughnut(rng: random.Random, width: int, height: int) -> Chart:
    return _config_chart(_slices(rng, "doughnut"), width, height)


def config_scatter(rng: random.Random, width: int, height: int) -> Chart:
    points = [
        {"x": round(rng.uniform(-50, 50), 1), "y": round(rng.uniform(-50, 50), 1)}
        for _ in range(100)
    ]
    config = {"type": "scatter", "data": {"datasets": [{"label": "points", "data": points}]}}
    return _config_chart(config, width, height)


def config_radar(rng: random.Random, width: int, height: int) -> Chart:
    labels = ["Speed", "Power", "Range", "Comfort", "Price", "Safety"]
    config = {
        "type": "radar",
        "data": {"labels": labels, "datasets": _datasets(rng, ("Model A", "Model B"), len(labels))},
    }
    return _config_chart(config, width, height)


def config_stacked_horizontal_bar(rng: random.Random, width: int, height: int) -> Chart:
    """Chart.js 4's horizontal bar (Chart.js 2's ``horizontalBar``): ``indexAxis: 'y'``,
    stacked on both scales."""
    labels = ["North", "South", "East", "West", "Central"]
    config = {
        "type": "bar",
        "data": {"labels": labels, "datasets": _datasets(rng, ("Q1", "Q2", "Q3"), len(labels))},
        "options": {
            "indexAxis": "y",
            "scales": {"x": {"stacked": True}, "y": {"stacked": True}},
        },
    }
    return _config_chart(config, width, height)


ISSUE_10 = "issue 10"
CHARTJS = "Chart.js config"

KINDS: tuple[Kind, ...] = (
    Kind("/sin, amplitudes over nine decades", ISSUE_10, sin_nine_decades),
    Kind("/chart spec: bar, 12 categories × 2 series", ISSUE_10, spec_bar),
    Kind("/chart spec: line, 2 × 100 points", ISSUE_10, spec_line),
    Kind("/chart spec: pie, 5 slices", ISSUE_10, spec_pie),
    Kind("/chart spec: scatter, 200 points", ISSUE_10, spec_scatter),
    Kind("/plot, one formula", ISSUE_10, plot_formula),
    Kind("/chart?c= bar, 6 labels × 2 datasets", CHARTJS, config_bar),
    Kind("/chart?c= line, 12 labels × 2 datasets", CHARTJS, config_line),
    Kind("/chart?c= pie, 5 slices", CHARTJS, config_pie),
    Kind("/chart?c= doughnut, 5 slices", CHARTJS, config_doughnut),
    Kind("/chart?c= scatter, 100 points", CHARTJS, config_scatter),
    Kind("/chart?c= radar, 6 axes × 2 datasets", CHARTJS, config_radar),
    Kind("/chart?c= stacked horizontal bar, 5 × 3", CHARTJS, config_stacked_horizontal_bar),
)
