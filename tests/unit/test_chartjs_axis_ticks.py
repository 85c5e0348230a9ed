"""A Chart.js config's own ticks on the engine's axes (``chartjs.axis_ticks``): the values
Chart.js computes for the axis length the layout ends with, its default labels or the config's
``ticks.callback`` labels, category labels through a callback, and the callbacks run taken off
the "not run" warning."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from chartfn.chartjs.callbacks import label_text
from chartfn.chartjs.config import ConfigError, parse_config
from chartfn.chartjs.output import output_for
from chartfn.chartjs.prepare import PreparedChart, prepare
from chartfn.chartjs.request import parse_request
from chartfn.chartjs.scales import find_scale
from chartfn.chartjs.tick_labels import default_labels
from chartfn.chartjs.ticks import Ticks, scale_ticks, tick_axis
from chartfn.drawing.raster import engine
from chartfn.drawing.raster.layout import Layout
from chartfn.drawing.themes import themed

BUDGET = 40_000_000
# Data no other test draws, so nothing can come from a cache.
_fresh = itertools.count(101)


def prepared(script: str, version: str = "2") -> PreparedChart:
    return prepare(parse_request({"c": script, "v": version}, pixel_budget=BUDGET))


def placed(script: str, version: str = "2") -> Layout:
    """The layout the engine gives the chart, with the config's tick providers."""
    request = parse_request({"c": script, "v": version}, pixel_budget=BUDGET)
    chart = prepare(request)
    frame = output_for(request).frame
    try:
        with themed(frame.theme):
            _, layout = engine.prepare(chart.spec, frame, chart.ticks)
    finally:
        chart.close()
    return layout


def texts(ticks: list[tuple[float, Any]]) -> list[str | None]:
    return [None if label is None else label.text for _, label in ticks]


def bar(values: list[int], scales: str, labels: str = "['a', 'b', 'c']") -> str:
    return (
        f"{{type: 'bar', data: {{labels: {labels}, datasets: [{{data: {values}}}]}}, "
        f"options: {{scales: {scales}}}}}"
    )


def chartjs_y_ticks(script: str, version: int, values: list[int], length_px: float) -> Ticks:
    """``chartjs.ticks``' y ticks for the axis length in device pixels (ratio 2)."""
    with parse_config(script) as evaluated:
        scale = find_scale(evaluated.config, "y", version)
    assert scale is not None
    axis = tick_axis(scale.options, version, length_px / 2, False)
    return scale_ticks(scale.kind, version, scale.options, values, axis)


@pytest.mark.parametrize(
    ("version", "scales"),
    [
        (2, "{yAxes: [{ticks: {callback: (v) => '$' + v}}]}"),
        (4, "{y: {ticks: {callback: (v, i, ticks) => '$' + v}}}"),
        (3, "{y: {ticks: {callback: function (v) { return '$' + v; }}}}"),
    ],
)
def test_the_value_axis_shows_the_callbacks_labels_on_chartjs_tick_values(
    version: int, scales: str
) -> None:
    values = [3, 7, 12 + next(_fresh)]
    script = bar(values, scales)
    layout = placed(script, str(version))
    _, bottom, _, top = layout.plot
    ticks = chartjs_y_ticks(script, version, values, top - bottom)
    expected = [f"${label_text(v)}" for v in ticks.values]
    assert texts(layout.y_ticks) == expected
    assert len(expected) >= 3
    # the axis ends where Chart.js's does, on its first and last ticks
    positions = sorted(p for p, _ in layout.y_ticks)
    assert positions[0] == pytest.approx(bottom)
    assert positions[-1] == pytest.approx(top)
    assert layout.y_scale is not None
    assert {layout.y_scale.low, layout.y_scale.high} == {ticks.min, ticks.max}


def test_without_a_callback_the_value_axis_has_chartjs_default_labels() -> None:
    values = [3, 7, 12 + next(_fresh)]
    script = bar(values, "{y: {}}")
    layout = placed(script, "4")
    _, bottom, _, top = layout.plot
    ticks = chartjs_y_ticks(script, 4, values, top - bottom)
    assert texts(layout.y_ticks) == default_labels("linear", 4, ticks)
    assert ticks.min == 0  # Chart.js 4's bars start their value axis at zero


@pytest.mark.parametrize(
    ("version", "scales"),
    [
        ("4", "{y: {ticks: {callback: (v, i) => i % 2 ? null : 'n' + v}}}"),
        ("2", "{yAxes: [{ticks: {callback: (v, i) => i % 2 ? undefined : 'n' + v}}]}"),
    ],
)
def test_a_tick_whose_label_is_null_is_not_drawn(version: str, scales: str) -> None:
    # Chart.js 4 drops it; 2.9 keeps it in the scale but draws no label and no grid line
    layout = placed(bar([0, 40 + next(_fresh)], scales), version)
    shown = texts(layout.y_ticks)
    assert len(shown) >= 2
    assert all(text is not None and text.startswith("n") for text in shown)


def test_labelled_ticks_are_thinned_unless_autoskip_is_off() -> None:
    # QuickChart's documentation example labels-3, with data no other test draws
    callback = "callback: (val) => [0, 10, 26, 40].includes(val) ? val : undefined"
    values = [5 + next(_fresh) % 3, 60, 70, 40]
    labels = "['Q1', 'Q2', 'Q3', 'Q4']"
    sparse = bar(
        values,
        f"{{yAxes: [{{ticks: {{stepSize: 1, autoSkip: false, beginAtZero: true, {callback}}}}}]}}",
        labels,
    )
    assert texts(placed(sparse, "2").y_ticks) == ["40", "26", "10", "0"]  # v2 lists y top first
    dense = "{yAxes: [{ticks: {stepSize: 1, beginAtZero: true%s}}]}"
    every = placed(bar(values, dense % ", autoSkip: false", labels), "2")
    thinned = placed(bar(values, dense % "", labels), "2")
    assert len(texts(every.y_ticks)) == 71
    assert 5 <= len(texts(thinned.y_ticks)) < 71


@pytest.mark.parametrize(
    ("version", "scales"),
    [
        (2, "{xAxes: [{ticks: {callback: (label, i) => label + '#' + i}}]}"),
        (
            4,
            "{x: {ticks: {callback: function (v, i) {"
            " return this.getLabelForValue(v) + '#' + i; }}}}",
        ),
    ],
)
def test_a_callback_on_the_category_axis_relabels_the_categories(version: int, scales: str) -> None:
    script = bar([1, 2, 3 + next(_fresh)], scales)
    layout = placed(script, str(version))
    assert texts(layout.x_ticks) == ["a#0", "b#1", "c#2"]


def test_a_scatter_charts_x_axis_gets_its_callback_too() -> None:
    n = next(_fresh)
    script = (
        "{type: 'scatter', data: {datasets: [{data: [{x: 1, y: 2}, "
        f"{{x: {13 + n}, y: -5}}]}}]}},"
        " options: {scales: {x: {ticks: {callback: (v) => v + 's'}}}}}"
    )
    layout = placed(script, "4")
    shown = [t for t in texts(layout.x_ticks) if t is not None]
    assert shown and all(t.endswith("s") for t in shown)


@pytest.mark.parametrize("version", ["2", "4"])
def test_a_point_without_y_still_stretches_the_x_axis_as_in_chartjs(version: str) -> None:
    """Chart.js 2.9.4 and 4 skip a point in an axis' data limits only for that axis' own
    value: {x: 4, y: null} is not drawn but the x axis reaches 4 (docs' xy-points-scatter:
    Chart.js ticks 1.0 … 4.0 by 0.5, chartfn stopped at 2.6)."""
    n = next(_fresh)
    script = (
        "{type: 'scatter', data: {datasets: [{data: [{x: 1, y: 2}, "
        f"{{x: '2.5', y: {n}}}, {{x: 4, y: null}}]}}, "
        "{hidden: true, data: [{x: 90, y: null}]}]}}"
    )
    shown = [t for t in texts(placed(script, version).x_ticks) if t is not None]
    assert shown[0] in ("1.0", "1") and shown[-1] in ("4.0", "4")  # not the hidden one's 90


@pytest.mark.parametrize(
    ("version", "scales", "path"),
    [
        (4, "{y: {ticks: {callback: () => { throw new Error('boom'); }}}}", "options.scales.y"),
        (2, "{yAxes: [{ticks: {callback: () => { throw 1; }}}]}", "options.scales.yAxes[0]"),
        (4, "{x: {ticks: {callback: () => { throw 2; }}}}", "options.scales.x"),
    ],
)
def test_a_throwing_callback_is_a_config_error_naming_it(
    version: int, scales: str, path: str
) -> None:
    with pytest.raises(ConfigError, match=rf"^{path.replace('[', r'\[')}\.ticks\.callback: "):
        prepared(bar([1, 2, 3], scales), str(version))


def test_callbacks_run_are_no_longer_named_as_not_run_and_the_others_still_are() -> None:
    script = (
        "{type: 'bar', data: {labels: ['a'], datasets: [{data: [1]}]}, options: {"
        "scales: {y: {ticks: {callback: (v) => v + '%'}}}, "
        "plugins: {tooltip: {callbacks: {label: (c) => 'x'}}}}}"
    )
    chart = prepared(script, "4")
    chart.close()
    warning = " ".join(chart.warnings)
    assert "options.plugins.tooltip.callbacks.label" in warning
    assert "ticks.callback" not in warning


def test_the_number_of_ticks_stays_bounded() -> None:
    script = bar([0, 10**6], "{y: {ticks: {stepSize: 0.001, callback: (v) => '' + v}}}")
    chart = prepared(script, "4")
    try:
        assert chart.ticks.y is not None
        assert len(chart.ticks.y(500.0).values) <= 1000
    finally:
        chart.close()


def test_more_ticks_than_fit_are_thinned_so_labels_do_not_overlap() -> None:
    script = bar([0, 10**6 + next(_fresh)], "{y: {ticks: {stepSize: 1000}}}")
    layout = placed(script, "4")
    labels = [label for _, label in layout.y_ticks if label is not None]
    assert 5 <= len(labels) < 100  # of Chart.js's 1000 ticks
    boxes = sorted((label.box[1], label.box[3]) for label in labels)
    assert all(low >= high for (_, high), (low, _) in itertools.pairwise(boxes))
