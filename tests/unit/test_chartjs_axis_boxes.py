"""A Chart.js config's plot lies where Chart.js puts its chartArea (``drawing.raster.axis_boxes``):
the room its axes take beside the plot by version, the end labels' room from the canvas' edge
(layout padding counts towards it), so that the data is drawn at Chart.js's pixels. Expected
areas recorded from Chart.js 2.9.4 and 4.6.1 at 500×300, devicePixelRatio 1
(benchmarks/fidelity/render.mjs); chartfn's text face has Arial's metrics, Chart.js's canvas
measured Liberation Sans or Arial, so a pixel of difference is allowed."""

from __future__ import annotations

import itertools

import pytest

from chartfn.chartjs.output import output_for
from chartfn.chartjs.prepare import prepare
from chartfn.chartjs.request import parse_request
from chartfn.drawing.raster import engine
from chartfn.drawing.raster.layout import Layout
from chartfn.drawing.themes import themed

WIDTH, HEIGHT = 500, 300
_fresh = itertools.count(17)


def plot_of(config: str, version: str, width: int = WIDTH, height: int = HEIGHT) -> Layout:
    parameters = {"c": config, "v": version, "w": width, "h": height, "devicePixelRatio": 1}
    request = parse_request(parameters, pixel_budget=10_000_000)
    chart = prepare(request)
    frame = output_for(request).frame
    try:
        with themed(frame.theme):
            _, placed = engine.prepare(chart.spec, frame, chart.ticks, chart.styles, chart.overlays)
    finally:
        chart.close()
    return placed


def line(labels: str, values: str, options: str = "{}") -> str:
    return (
        f"{{type: 'line', data: {{labels: {labels}, datasets: [{{label: 'a', data: {values}}}]}},"
        f" options: {options}}}"
    )


MONTHS = "['January', 'February', 'March', 'April', 'May']"
# (config, version, Chart.js's chartArea left, right, bottom from the canvas' top)
CASES = [
    # docs chart-types-2: y labels up to "500", the last x label "May"
    (line(MONTHS, "[100, 200, 300, 400, 500]"), "2", 35.78, 485.67, 269.84),
    # docs labels-5: layout.padding.right 40 holds the last label's half: not added to it
    (
        line(
            "['January', 'February', 'March', 'April', 'May', 'June', 'July']",
            "[50, 20, 15, 35, 25, 60, 45]",
            "{layout: {padding: {right: 40}}}",
        ),
        "2",
        29.11,
        460.0,
        269.84,
    ),
    # line-styling-v4 and stacked-areas-v4: Chart.js 4's tickLength 8 and padding 3
    (line("['a', 'b', 'c']", "[1, 3, 2]"), "4", 30.68, 494.0, 271.6),
]


@pytest.mark.parametrize(("config", "version", "left", "right", "bottom"), CASES)
def test_the_plot_is_chartjs_chart_area(
    config: str, version: str, left: float, right: float, bottom: float
) -> None:
    x0, y0, x1, _ = plot_of(config, version).plot
    assert x0 == pytest.approx(left, abs=1.0)
    assert x1 == pytest.approx(right, abs=1.0)
    assert HEIGHT - y0 == pytest.approx(bottom, abs=1.0)  # the engine's y runs upwards


def test_the_engines_own_charts_keep_their_margins() -> None:
    """A spec chart has no Chart.js look: the theme's outer pad stays (golden images)."""
    from chartfn.drawing.raster.layout import Look

    assert Look().axis_boxes is None


@pytest.mark.parametrize("version", ["2", "4"])
@pytest.mark.parametrize(("width", "height"), [(120, 80), (60, 40), (3000, 200)])
def test_every_text_stays_on_a_small_or_wide_canvas(version: str, width: int, height: int) -> None:
    n = next(_fresh)
    config = line(MONTHS, f"[1e6, -2e6, 3, {n}, 5]", "{layout: {padding: 30}}")
    placed = plot_of(config, version, width, height)
    for text in placed.texts():
        x0, y0, x1, y1 = text.box
        assert x0 >= 0 and y0 >= 0 and x1 <= width and y1 <= height, text.text


BUBBLE = (
    "{{type: 'bubble', data: {{datasets: [{{label: 'b', data: [{{x: 0, y: {n}, r: 8}}, "
    "{{x: 10, y: 5, r: 8}}]}}]}}}}"
)


@pytest.mark.parametrize("kind", ["line", "bubble"])
@pytest.mark.parametrize("version", ["2", "4"])
def test_points_on_the_plots_edges_are_drawn_whole(version: str, kind: str) -> None:
    """Chart.js draws a point whose centre lies in the plot whole (2.9.4 unclipped, 4 clipped
    half a point beyond the plot): the last point's right half shows past the plot's edge."""
    import io

    import numpy as np
    from PIL import Image

    n = next(_fresh)
    config = line("['a', 'b', 'c']", f"[1, {n}, 2]", "{elements: {point: {radius: 6}}}")
    if kind == "bubble":
        config = BUBBLE.format(n=n)
    parameters = {"c": config, "v": version, "w": WIDTH, "h": HEIGHT, "devicePixelRatio": 1}
    request = parse_request(parameters, pixel_budget=10_000_000)
    chart = prepare(request)
    options = output_for(request)
    try:
        look = (chart.ticks, chart.styles, chart.overlays)
        png = engine.render_spec(chart.spec, options, *look)
        with themed(options.frame.theme):
            _, placed = engine.prepare(chart.spec, options.frame, *look)
    finally:
        chart.close()
    with Image.open(io.BytesIO(png)) as image:
        pixels = np.asarray(image.convert("RGB")).astype(int)
    _, _, x1, _ = placed.plot
    row = pixels[:, round(x1) + 3]  # 3 px right of the plot: inside a 6 px point only
    assert (row.max(axis=1) - row.min(axis=1) > 30).any()  # a coloured pixel of the point


@pytest.mark.parametrize(
    ("config", "version", "top"),
    [
        # docs line-style-1 (no legend: no dataset label), Chart.js 2.9.4: the y axis' top
        # label half a 14.4 px line from the canvas' top
        (
            "{type: 'line', data: {labels: ['a', 'b'], datasets: [{data: [-15, 33]}]},"
            " options: {legend: {display: false}}}",
            "2",
            7.2,
        ),
        # legend-false-v3 of the edge cases, Chart.js 4: half a line and its padding of 3
        (
            "{type: 'bar', data: {labels: ['a'], datasets: [{label: 'x', data: [1]}]},"
            " options: {plugins: {legend: false}}}",
            "3",
            10.2,
        ),
    ],
)
def test_with_nothing_above_the_plot_its_top_is_chartjs(
    config: str, version: str, top: float
) -> None:
    _, _, _, y1 = plot_of(config, version).plot
    assert HEIGHT - y1 == pytest.approx(top, abs=1.0)
    padded = config.replace("options: {", "options: {layout: {padding: {top: 30}}, ")
    _, _, _, y1 = plot_of(padded, version).plot
    assert HEIGHT - y1 == pytest.approx(30, abs=1.0)  # the padding holds the label's half


@pytest.mark.parametrize("version", ["2", "4"])
def test_a_one_row_legend_leaves_the_plot_where_chartjs_starts_it(version: str) -> None:
    """Chart.js's legend row is its box (the 12 px font high) then ``padding`` (10), under
    10 px: its chartArea starts 32 px down (chart-types-2, line-styling-v4); the legend's
    boxes lie from 10 to 22."""
    placed = plot_of(line(MONTHS, f"[{next(_fresh)}, 2, 3, 4, 5]"), version)
    assert HEIGHT - placed.plot[3] == pytest.approx(32.0, abs=1.5)
    (entry,) = placed.legend
    _, low, _, high = entry.swatch_rect
    assert (HEIGHT - high, HEIGHT - low) == pytest.approx((10.0, 22.0), abs=2.5)
