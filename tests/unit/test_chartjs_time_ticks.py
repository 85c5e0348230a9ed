"""Time axes and bars on them, against the real Chart.js.

``chartjs_time_ticks_cases.json`` is what Chart.js 2.9.4 (with its moment) and Chart.js 4.6
(with chartjs-adapter-moment, as QuickChart loads it for v3/v4) built for a table of line and
bar charts on a time x axis (``benchmarks/fidelity/time_ticks.mjs``, in UTC): ten data sets
from milliseconds to years apart, the unit/stepSize/minUnit/bounds/offset/displayFormats
options, the bar width options, six canvas sizes. Checked here:

* the tick times and labels (before crowded labels are thinned) for the axis length Chart.js
  had: ``chartjs.time_scale`` over ``chartjs.time_axis``;
* the axis' ends, offset included: the first and last drawn ticks land on Chart.js's pixels
  when the axis spans Chart.js's chart area;
* every bar's centre and width (``drawing.raster.positioned_bars.slot_edges``) given Chart.js's
  chart area.

On an evenly spaced axis (v2 ``distribution: 'series'``, v4 ``timeseries``,
``chartjs.time_series_axis``) the times are compared as the positions the axis gives them.
Left out: cases whose axis has more than ``MAX_TIME_TICKS`` ticks (chartfn stops there;
Chart.js 2 does not).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from chartfn.chartjs.time_axis import MAX_TIME_TICKS, parse_time
from chartfn.chartjs.time_bars import bar_slots
from chartfn.chartjs.time_scale import time_scale_provider
from chartfn.chartjs.time_series_axis import is_series_axis, series_axis
from chartfn.drawing.raster.positioned_bars import slot_edges
from chartfn.models.axis_ticks import AxisTicks

HERE = Path(__file__).parent
DATA = json.loads((HERE / "chartjs_time_ticks_cases.json").read_text(encoding="utf-8"))
CASES: list[dict[str, Any]] = DATA["cases"]


IN_SCOPE = [case for case in CASES if "error" not in case]
COUNTED = [case for case in IN_SCOPE if "ticks" in case]
BARS = [case for case in COUNTED if case["type"] == "bar"]


def _id(case: dict[str, Any]) -> str:
    options = json.dumps(case["options"], sort_keys=True, separators=(",", ":"))
    bar = json.dumps(case["bar"], separators=(",", ":")) if case["bar"] else ""
    first = case["dataLabels"][0][:16]
    return f"v{case['version']}-{case['type']}-{first}x{len(case['dataLabels'])}-{options}{bar}"


def _axis(case: dict[str, Any]) -> tuple[AxisTicks, Callable[[float], float]]:
    """The axis' ticks for Chart.js's length, and times to the axis' units (positions on an
    evenly spaced axis, the times themselves elsewhere)."""
    times = [parse_time(label, "x") for label in case["dataLabels"]]
    known = [t for t in times if t is not None]
    bar_axis = case["type"] == "bar"
    if is_series_axis(case["options"], case["version"]):
        table, provider = series_axis(
            case["options"], case["version"], known, known, 1.0, bar_axis=bar_axis
        )
        return provider(case["length"]), table.position
    provider = time_scale_provider(
        case["options"], case["version"], known, 1.0, bar_axis=bar_axis, label_times=known
    )
    return provider(case["length"]), float


def _ticks(case: dict[str, Any]) -> AxisTicks:
    return _axis(case)[0]


def _pixel(case: dict[str, Any], values: Any) -> np.ndarray:
    ticks, to_axis = _axis(case)
    left, right = case["left"], case["right"]
    at = np.asarray([to_axis(v) for v in values], dtype=np.float64)
    return left + (at - ticks.low) / (ticks.high - ticks.low) * (right - left)


def test_the_table_is_what_the_generator_made() -> None:
    assert DATA["generator"] == "benchmarks/fidelity/time_ticks.mjs"
    assert DATA["chartjs"]["2"] == "2.9.4" and DATA["chartjs"]["4"].startswith("4.")
    assert len(CASES) == 950 and not any("error" in case for case in CASES)
    # the cases this file checks: all but those with more than MAX_TIME_TICKS ticks
    assert len(COUNTED) == 892 and len(BARS) == 620
    too_many = [case for case in CASES if "tickCount" in case]
    assert all(case["tickCount"] > MAX_TIME_TICKS for case in too_many)


@pytest.mark.parametrize("case", COUNTED, ids=_id)
def test_tick_times_and_labels_are_chartjs(case: dict[str, Any]) -> None:
    ticks, to_axis = _axis(case)
    assert list(ticks.values) == [to_axis(t) for t in case["ticks"]]
    labels, expected = list(ticks.labels), case["tickLabels"]
    if len(labels) == len(expected):
        # labels 2.9.4's and 4's autoSkip leave out (time_axis and time_scale thin them as
        # they do) are None: the others must be Chart.js's, the first always kept
        assert not labels or labels[0] is not None
        pairs = zip(labels, expected, strict=True)
        expected = [None if ours is None else theirs for ours, theirs in pairs]
    assert labels == expected


@pytest.mark.parametrize("case", COUNTED, ids=_id)
def test_axis_ends_put_the_ticks_where_chartjs_does(case: dict[str, Any]) -> None:
    for value, pixel in case["tickEnds"]:
        assert _pixel(case, [value])[0] == pytest.approx(pixel, abs=0.01)


@pytest.mark.parametrize("case", BARS, ids=_id)
def test_bars_are_as_wide_as_chartjs_makes_them(case: dict[str, Any]) -> None:
    version = case["version"]
    raw = [dict(case["bar"])] * case["datasets"] if version >= 3 else []
    axis = {**case["options"], **(case["bar"] if version == 2 else {})}
    slots = bar_slots(axis, raw, version)
    times = [parse_time(label, "x") for label in case["dataLabels"]]
    centres = _pixel(case, times)
    tick_values = case["drawnValues"] if slots.drawn_ticks_only else case["ticks"]
    edges = slot_edges(
        [centres] * case["datasets"],
        _pixel(case, tick_values),
        case["right"] - case["left"],
        slots,
        stacked=False,
    )
    for (left, right), bars in zip(edges, case["bars"], strict=True):
        expected = np.asarray(bars, dtype=np.float64)
        np.testing.assert_allclose((left + right) / 2, expected[:, 0], atol=0.01)
        np.testing.assert_allclose(right - left, expected[:, 1], atol=0.01)
