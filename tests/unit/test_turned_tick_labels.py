"""Chart.js 2 turns a crowded time axis' labels by up to 50° (``calculateTickRotation``):
chartfn draws them at that angle, each ending at its tick (``drawing.raster.turned_labels``),
and lays the plot out with the room Chart.js gives them (sin·widest + cos·half a line, no line
space), so the plot's bottom lies where Chart.js puts it."""

from __future__ import annotations

import math

import pytest

from chartfn.chartjs.output import output_for
from chartfn.chartjs.prepare import prepare
from chartfn.chartjs.request import QuickChartRequest
from chartfn.drawing.raster import engine
from chartfn.drawing.raster.layout import Layout
from chartfn.drawing.raster.turned_labels import turned_place
from chartfn.drawing.themes import themed


def laid_out(config: str, **size: float) -> tuple[Layout, float, float]:
    """The layout of a v2 config, its canvas width and height in pixels."""
    request = QuickChartRequest(chart=config, version=2, **size)  # type: ignore[arg-type]
    chart = prepare(request)
    try:
        frame = output_for(request).frame
        with themed(frame.theme):
            _, layout = engine.prepare(chart.spec, frame, chart.ticks, chart.styles, chart.overlays)
        return layout, frame.width_px, frame.height_px
    finally:
        chart.close()


@pytest.mark.parametrize("angle", [10.0, 38.5, 50.0, 89.0])
def test_a_turned_label_ends_at_its_anchor_below_it(angle: float) -> None:
    width, line, descent = 80.0, 14.0, 3.0
    place = turned_place(width, line, descent, angle)
    turn = math.radians(angle)
    x0, y0, x1, y1 = place.box
    # the line's middle ends at the anchor: the end corners lie half a line either side of it
    assert x1 == pytest.approx(line / 2 * math.sin(turn))
    assert y1 == pytest.approx(line / 2 * math.cos(turn))
    assert y0 == pytest.approx(-(width * math.sin(turn) + line / 2 * math.cos(turn)))
    assert x0 == pytest.approx(-(width * math.cos(turn) + line / 2 * math.sin(turn)))
    # the baseline starts below, so the text reads upwards to the anchor
    assert place.y < 0


# months two years apart, labels too wide to stand side by side: Chart.js 2 turns them
CROWDED = (
    "{type:'line',data:{labels:['2023-01-05','2023-04-11','2023-08-19','2024-01-02',"
    "'2024-06-30','2024-12-20'],datasets:[{label:'a',fill:false,data:[3,1,4,1,5,9]}]},"
    "options:{scales:{xAxes:[{type:'time'}]}}}"
)


@pytest.mark.parametrize(
    "size",
    [{}, {"width": 500, "height": 300, "device_pixel_ratio": 1}, {"width": 200, "height": 150}],
)
def test_crowded_time_labels_are_drawn_at_chartjs_angle_on_the_canvas(
    size: dict[str, float],
) -> None:
    layout, width, height = laid_out(CROWDED, **size)
    labels = [label for _, label in layout.x_ticks if label is not None]
    assert labels, "the turned labels are kept"
    for label in labels:
        assert 0 < label.angle <= 50, label.angle  # at Chart.js's angle, not upright (90)
        x0, y0, x1, y1 = label.box
        assert x0 >= -0.5 and y0 >= -0.5 and x1 <= width + 0.5 and y1 <= height + 0.5
        assert y1 <= layout.plot[1]  # under the plot


def test_the_plot_bottom_is_where_chartjs_2_puts_it() -> None:
    """The docs' time-series-1 at 500×300, device pixel ratio 1: Chart.js 2.9.4 (the
    fidelity harness, node-canvas) put the chart area's bottom at y = 241.1 (labels turned
    about 39°); upright labels took some 20 px more."""
    config = (
        "{type:'line',data:{datasets:[{label:'Time series example',fill:false,data:["
        "{x:'06/14/2020 09:08',y:-29},{x:'06/19/2020 09:08',y:-34},"
        "{x:'06/21/2020 09:08',y:-62},{x:'06/29/2020 09:08',y:1}]}]},"
        "options:{scales:{xAxes:[{type:'time',time:{parser:'MM/DD/YYYY HH:mm',"
        "displayFormats:{day:'MMM DD YYYY'}}}]}}}"
    )
    layout, _, height = laid_out(config, width=500, height=300, device_pixel_ratio=1)
    bottom_from_top = height - layout.plot[1]
    assert bottom_from_top == pytest.approx(241.1, abs=3.0)
    assert sum(label is not None for _, label in layout.x_ticks) == 15


@pytest.mark.parametrize("image_format", ["png", "svg"])
def test_a_turned_chart_after_others_is_the_chart_rendered_first(image_format: str) -> None:
    def render(config: str) -> bytes:
        request = QuickChartRequest(chart=config, version=2, format=image_format)
        chart = prepare(request)
        try:
            return engine.render_spec(
                chart.spec, output_for(request), chart.ticks, chart.styles, chart.overlays
            )
        finally:
            chart.close()

    first = render(CROWDED)
    render(CROWDED.replace("'2023-01-05'", "'2021-01-05'"))
    render("{type:'bar',data:{labels:['a','b'],datasets:[{data:[1,2]}]}}")
    assert render(CROWDED) == first
