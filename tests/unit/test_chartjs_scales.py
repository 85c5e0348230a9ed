"""Which scale is a chart's x or y, its type and default options, and the range of stacked
values, as the real Chart.js decides them (each expectation below was printed by Chart.js
2.9.4 and 4.6.1 under node for the same config; see benchmarks/fidelity)."""

from __future__ import annotations

from typing import Any

import pytest

from chartfn.chartjs.scales import find_scale, value_range

DATA = {"labels": ["a", "b"], "datasets": [{"data": [5, 10]}, {"data": [7, 8]}]}


def chart(chart_type: str, **options: Any) -> dict[str, Any]:
    return {"type": chart_type, "data": DATA, "options": options}


@pytest.mark.parametrize(
    ("version", "chart_type", "options", "expected"),
    [
        # Chart.js 2.9.4: ids and types of the default scales
        (2, "bar", {"scales": {}}, {"x": ("x-axis-0", "category"), "y": ("y-axis-0", "linear")}),
        (
            2,
            "horizontalBar",
            {"scales": {}},
            {"x": ("x-axis-0", "linear"), "y": ("y-axis-0", "category")},
        ),
        (2, "line", {"scales": {}}, {"x": ("x-axis-0", "category"), "y": ("y-axis-0", "linear")}),
        (2, "scatter", {"scales": {}}, {"x": ("x-axis-1", "linear"), "y": ("y-axis-1", "linear")}),
        (2, "bubble", {"scales": {}}, {"x": ("x-axis-0", "linear"), "y": ("y-axis-0", "linear")}),
        # Chart.js 4
        (4, "bar", {}, {"x": ("x", "category"), "y": ("y", "linear")}),
        (4, "bar", {"indexAxis": "y"}, {"x": ("x", "linear"), "y": ("y", "category")}),
        (4, "line", {}, {"x": ("x", "category"), "y": ("y", "linear")}),
        (4, "scatter", {}, {"x": ("x", "linear"), "y": ("y", "linear")}),
        (4, "bubble", {}, {"x": ("x", "linear"), "y": ("y", "linear")}),
        (
            4,
            "line",
            {"scales": {"yLeft": {"type": "logarithmic"}}},
            {"x": ("x", "category"), "y": ("yLeft", "logarithmic")},
        ),
        (
            2,
            "line",
            {"scales": {"yAxes": [{"id": "money", "type": "logarithmic"}]}},
            {"x": ("x-axis-0", "category"), "y": ("money", "logarithmic")},
        ),
    ],
)
def test_scales_ids_and_types_are_chartjs_defaults(
    version: int, chart_type: str, options: dict[str, Any], expected: dict[str, Any]
) -> None:
    for axis, (scale_id, kind) in expected.items():
        scale = find_scale(chart(chart_type, **options), axis, version)
        assert scale is not None
        assert (scale.scale_id, scale.kind) == (scale_id, kind)


def test_quickchart_starts_v2_y_at_zero_when_no_scales_are_named() -> None:
    scale = find_scale(chart("line"), "y", 2)
    assert scale is not None and scale.options == {"ticks": {"beginAtZero": True}}
    named = find_scale(chart("line", scales={"yAxes": [{"ticks": {"min": 3}}]}), "y", 2)
    assert named is not None and named.options == {"ticks": {"min": 3}}
    assert named.path == ("options", "scales", "yAxes", 0)


def test_chartjs_4_bars_start_their_value_axis_at_zero() -> None:
    """Chart.js 4.6.1 gave y 0..10 for a bar chart of 5..10 and 5..10 for a line chart."""
    bar = find_scale(chart("bar"), "y", 4)
    line = find_scale(chart("line"), "y", 4)
    told = find_scale(chart("bar", scales={"y": {"beginAtZero": False}}), "y", 4)
    assert bar is not None and bar.options.get("beginAtZero") is True
    assert line is not None and "beginAtZero" not in line.options
    assert told is not None and told.options.get("beginAtZero") is False


def test_charts_without_xy_axes_have_no_such_scale() -> None:
    assert find_scale(chart("pie"), "y", 2) is None
    assert find_scale(chart("radar"), "x", 4) is None


def test_stacked_ranges_as_each_version_computes_them() -> None:
    """Datasets [5, 10] and [7, 8] stacked: Chart.js 2.9.4 showed y from 0 to 18 (its sums
    include 0), Chart.js 4 from the first dataset's 5 (ticks then took it to 4) to 18."""
    series = [[5, 10], [7, 8]]
    assert value_range(series, stacked=False, version=2) == (5, 10)
    assert value_range(series, stacked=True, version=2) == (0, 18)
    assert value_range(series, stacked=True, version=4) == (5, 18)
    mixed = [[5, -3, None], [-2, "4", "x"]]
    assert value_range(mixed, stacked=True, version=2) == (-3, 5)
    assert value_range(mixed, stacked=True, version=4) == (-3, 5)
    assert value_range([], stacked=True, version=4) == (None, None)
