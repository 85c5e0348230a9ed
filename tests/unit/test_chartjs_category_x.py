"""A line chart's category x axis from a Chart.js config (``chartjs.category_axis``): the
labels at their data indexes, first on the left edge and last on the right, narrowed by
min/max in each version's spelling, relabelled by a callback, thinned when crowded."""

from __future__ import annotations

import itertools

import pytest
from test_chartjs_axis_ticks import placed, prepared, texts

from chartfn.chartjs.translate import translate

_fresh = itertools.count(307)


def line(labels: list[str], values: list[int], options: str = "{}") -> str:
    return (
        f"{{type: 'line', data: {{labels: {labels}, datasets: [{{data: {values}}}]}}, "
        f"options: {options}}}"
    )


@pytest.mark.parametrize("version", ["2", "4"])
def test_the_labels_stand_at_their_indexes_from_edge_to_edge(version: str) -> None:
    labels = ["Mon", "Tue", "Wed", "Thu"]
    layout = placed(line(labels, [1, 5, 2, next(_fresh)]), version)
    assert texts(layout.x_ticks) == labels
    left, _, right, _ = layout.plot
    positions = [p for p, _ in layout.x_ticks]
    step = (right - left) / 3
    assert positions == pytest.approx([left + i * step for i in range(4)])
    assert layout.x_scale is not None
    assert (layout.x_scale.low, layout.x_scale.high) == (0, 3)


@pytest.mark.parametrize(
    ("version", "options"),
    [
        ("2", "{scales: {xAxes: [{ticks: {min: 'Tue', max: 'Thu'}}]}}"),
        ("4", "{scales: {x: {min: 'Tue', max: 'Thu'}}}"),
        ("4", "{scales: {x: {min: 1, max: 3}}}"),
    ],
)
def test_min_and_max_narrow_the_axis_to_their_labels(version: str, options: str) -> None:
    labels = ["Mon", "Tue", "Wed", "Thu", "Fri"]
    layout = placed(line(labels, [1, 5, 2, 4, next(_fresh)], options), version)
    assert texts(layout.x_ticks) == ["Tue", "Wed", "Thu"]
    assert layout.x_scale is not None
    assert (layout.x_scale.low, layout.x_scale.high) == (1, 3)


@pytest.mark.parametrize(
    ("version", "options"),
    [
        ("2", "{scales: {xAxes: [{ticks: {callback: (label) => label + '!'}}]}}"),
        ("4", "{scales: {x: {ticks: {callback: function (i) { return this.getLabelForValue(i)"
              " + '!'; }}}}}"),
    ],
)  # fmt: skip
def test_a_callback_relabels_them_and_is_not_named_as_not_run(version: str, options: str) -> None:
    script = line(["a", "b"], [1, next(_fresh)], options)
    assert texts(placed(script, version).x_ticks) == ["a!", "b!"]
    chart = prepared(script, version)
    try:
        assert not any("callback" in warning for warning in chart.warnings), chart.warnings
    finally:
        chart.close()


def test_many_labels_are_thinned_and_stay_bounded() -> None:
    labels = [f"day {i}" for i in range(500)]
    layout = placed(line(labels, [*range(499), next(_fresh)]), "2")
    shown = [t for t in texts(layout.x_ticks) if t]
    assert 2 <= len(shown) < 60
    assert shown[0] == "day 0"


def test_labels_are_no_longer_said_to_be_left_out() -> None:
    config = {"type": "line", "data": {"labels": ["a", "b"], "datasets": [{"data": [1, 2]}]}}
    assert not any("labels" in w for w in translate(config, 2).warnings)
    sparkline = {**config, "type": "sparkline"}  # its axes are not drawn as Chart.js's
    assert any("labels" in w for w in translate(sparkline, 2).warnings)
