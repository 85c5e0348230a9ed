"""Bar charts on a time x axis (``chartjs.time_bars``, ``chartjs.time_scale``,
``drawing.raster.positioned_bars``): the bars stand at their times, as wide as Chart.js makes
them; bad width options and display formats are a 400 at their path. The widths and axis ends
are checked against the real Chart.js in ``test_chartjs_time_ticks.py``."""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import pytest

from chartfn.chartjs.output import output_for
from chartfn.chartjs.prepare import prepare
from chartfn.chartjs.request import parse_request
from chartfn.chartjs.time_axis import TimeError, parse_time
from chartfn.chartjs.time_scale import check_display_formats, time_scale_provider
from chartfn.chartjs.translate import TranslationError, translate
from chartfn.drawing.raster import engine
from chartfn.drawing.themes import themed
from chartfn.models.bar_slots import BarSlots

BUDGET = 40_000_000
DAY = 86_400_000.0
# Values no other test draws, so nothing can come from a cache.
_fresh = itertools.count(301)


def time_bars(version: int = 2, **dataset: Any) -> dict[str, Any]:
    x_axis = {"type": "time"}
    scales = {"xAxes": [x_axis]} if version == 2 else {"x": x_axis}
    return {
        "type": "bar",
        "data": {
            "labels": ["2020-01-01", "2020-01-08", "2020-01-15", "2020-02-01"],
            "datasets": [
                {"label": "a", "data": [3, None, 2, 4], **dataset},
                {"data": [1, 2, 3, 2]},
            ],
        },
        "options": {"scales": scales},
    }


def test_bars_stand_at_their_labels_times() -> None:
    translation = translate(time_bars(), 2)
    spec = translation.spec
    first = parse_time("2020-01-01", "x")
    assert first is not None
    assert spec.kind == "bar" and spec.categories is None
    assert spec.series[0].x == [first, first + 14 * DAY, first + 31 * DAY]  # null: no bar
    assert spec.series[1].x == [first, first + 7 * DAY, first + 14 * DAY, first + 31 * DAY]
    assert translation.styles.bar_slots == BarSlots()
    v4 = translate(time_bars(4, barThickness="flex", barPercentage=0.5), 4)
    assert v4.styles.bar_slots == BarSlots(bar_percentage=0.5, flex=True, drawn_ticks_only=True)


def test_a_horizontal_bar_chart_keeps_its_categories() -> None:
    config = {**time_bars(), "type": "horizontalBar"}
    assert translate(config, 2).spec.categories is not None


def test_stacked_bars_at_different_times_are_drawn_side_by_side() -> None:
    config = time_bars()
    config["options"]["scales"]["yAxes"] = [{"stacked": True}]
    translation = translate(config, 2)
    assert not translation.spec.stacked
    assert any("side by side" in warning for warning in translation.warnings)


@pytest.mark.parametrize(
    ("version", "where", "value", "path"),
    [
        (4, "dataset", "wide", "data.datasets[0].barPercentage"),
        (4, "dataset", True, "data.datasets[0].barPercentage"),
        (2, "axis", "wide", "options.scales.xAxes[0].barPercentage"),
    ],
)
def test_a_bar_percentage_chartjs_cannot_use_is_refused_at_its_path(
    version: int, where: str, value: Any, path: str
) -> None:
    config = time_bars(version, **({"barPercentage": value} if where == "dataset" else {}))
    if where == "axis":
        config["options"]["scales"]["xAxes"][0]["barPercentage"] = value
    with pytest.raises(TranslationError) as caught:
        translate(config, version)
    assert caught.value.path == path


def test_percentages_beyond_one_are_bounded() -> None:
    slots = translate(time_bars(4, barPercentage=7, categoryPercentage=-1), 4).styles.bar_slots
    assert slots is not None
    assert (slots.bar_percentage, slots.category_percentage) == (1.0, 0.0)


def test_an_unknown_display_format_token_is_refused() -> None:
    check_display_formats({"time": {"displayFormats": {"day": "ddd Do MMMM [week] HH:mm:ss.SSS"}}})
    check_display_formats({"time": {"displayFormats": {"nope": "wo", "day": 5}}})  # ignored
    for pattern, token in (("wo", "wo"), ("D MMM LLL", "LLL"), ("X", "X"), ("Week D", "W")):
        with pytest.raises(TimeError) as caught:
            check_display_formats({"time": {"displayFormats": {"week": pattern}}})
        assert caught.value.path == "time.displayFormats.week"
        assert repr(token) in str(caught.value)


def test_chartjs_4_reads_the_step_from_ticks_and_offsets_bar_axes() -> None:
    start = parse_time("2020-01-01", "x")
    assert start is not None
    times = [start, start + 9 * DAY]
    options = {"time": {"unit": "day", "stepSize": 2}, "ticks": {"stepSize": 3}}
    v4 = time_scale_provider(options, 4, times, 1.0, bar_axis=True)(800)
    assert [(v - start) / DAY for v in v4.values] == [0, 3, 6, 9]
    assert (v4.low, v4.high) == (start - 1.5 * DAY, start + 10.5 * DAY)  # half a step each end
    v2 = time_scale_provider(options, 2, times, 1.0, bar_axis=True)(800)
    assert [(v - start) / DAY for v in v2.values] == [0, 2, 4, 6, 8]
    assert (v2.low, v2.high) == (start, start + 9 * DAY)  # Chart.js 2: a time axis' defaults


@pytest.mark.parametrize("version", ["2", "4"])
def test_the_engine_draws_each_bar_centred_on_its_time(version: str) -> None:
    value = next(_fresh)
    script = (
        "{type: 'bar', data: {labels: ['2021-05-01', '2021-05-02', '2021-05-09'], datasets: "
        f"[{{data: [{value}, 2, 3]}}]}}, options: {{scales: "
        + ("{xAxes: [{type: 'time'}]}" if version == "2" else "{x: {type: 'time'}}")
        + "}}"
    )
    request = parse_request({"c": script, "v": version}, pixel_budget=BUDGET)
    chart = prepare(request)
    frame = output_for(request).frame
    try:
        with themed(frame.theme):
            planned, layout = engine.prepare(chart.spec, frame, chart.ticks, chart.styles)
            assert planned.elements is not None
            elements = planned.elements(layout)[0]
    finally:
        chart.close()
    assert layout.x_scale is not None
    x0, _, x1, _ = layout.plot
    times = np.asarray(chart.spec.series[0].x)
    expected = x0 + layout.x_scale.fraction(times) * (x1 - x0)
    assert [e.centre[0] for e in elements if e is not None] == pytest.approx(list(expected))


def test_the_axis_spans_the_labels() -> None:
    start = parse_time("2020-01-01", "x")
    assert start is not None
    provider = time_scale_provider({}, 2, [start], 1.0, label_times=[start, start + 9 * DAY])
    assert (provider(800).low, provider(800).high) == (start, start + 9 * DAY)


@pytest.mark.parametrize(
    ("version", "x_axis"),
    [("2", "xAxes: [{type: 'time', distribution: 'series'}]"), ("4", "x: {type: 'timeseries'}")],
)
def test_an_evenly_spaced_time_axis_gives_each_time_an_equal_share(
    version: str, x_axis: str
) -> None:
    value = next(_fresh)
    script = (
        "{type: 'line', data: {labels: ['2021-05-01', '2021-05-02', '2021-06-30', '2022-01-01'],"
        f" datasets: [{{data: [{value}, 2, 3, 4]}}]}}, options: {{scales: {{{x_axis}}}}}}}"
    )
    chart = prepare(parse_request({"c": script, "v": version}, pixel_budget=BUDGET))
    try:
        assert chart.spec.series[0].x == [0.0, 1 / 3, 2 / 3, 1.0]
        assert not any("not a number" in warning for warning in chart.warnings)
        ticks = chart.ticks.x
        assert ticks is not None
        drawn = ticks(1000.0)
    finally:
        chart.close()
    assert list(drawn.values) == [0.0, 1 / 3, 2 / 3, 1.0]  # at the data's times, both versions
    assert drawn.labels[:2] == ["May 2021", "May 2021"]  # a month unit over eight months


@pytest.mark.parametrize("version", ["2", "4"])
def test_bars_on_a_time_axis_take_their_borders_and_patterns(version: str) -> None:
    """Time bars go through the bar fill every bar chart uses: a border in its colour, a
    pattern's tile colour, as on category bars."""
    value = next(_fresh)
    scales = "{xAxes: [{type: 'time'}]}" if version == "2" else "{x: {type: 'time'}}"

    def pixels(dataset: str) -> np.ndarray:
        script = (
            "{type: 'bar', data: {labels: ['2021-06-01', '2021-06-08', '2021-06-15'], datasets: "
            f"[{{data: [{value}, {value // 2}, {value}], {dataset}}}]}}, "
            "options: {legend: {display: false}, plugins: {legend: false}, "
            f"scales: {scales}}}}}"
        )
        request = parse_request({"c": script, "v": version}, pixel_budget=BUDGET)
        chart = prepare(request)
        try:
            png = engine.render_spec(chart.spec, output_for(request), chart.ticks, chart.styles)
        finally:
            chart.close()
        import io

        from PIL import Image

        return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)

    def count(image: np.ndarray, colour: tuple[int, int, int]) -> int:
        return int((np.abs(image - np.array(colour)).max(axis=2) <= 3).sum())

    bordered = pixels("backgroundColor: '#0000ff', borderColor: '#ff0000', borderWidth: 2")
    assert count(bordered, (0, 0, 255)) > 0 and count(bordered, (255, 0, 0)) > 0
    patterned = pixels("backgroundColor: pattern.draw('dot', '#0000ff', '#ffff00', 10)")
    assert count(patterned, (0, 0, 255)) > 0 and count(patterned, (255, 255, 0)) > 0
