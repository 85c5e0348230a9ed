"""Mixed charts beyond lines over grouped bars: a stacked bar chart's ``type: 'line'``
datasets (drawn as lines, stacked among the lines of their own axis, never on the bars, as
Chart.js's stack keys hold the dataset type), a line on the right axis beside stacked bars
(QuickChart's docs example axes-1), and line charts with ``type: 'bar'`` datasets (bars in
their categories, Chart.js 2 on the line chart's category lines, Chart.js 3+ offset)."""

from __future__ import annotations

import numpy as np
import pytest

from chartfn.chartjs.output import output_for
from chartfn.chartjs.prepare import prepare
from chartfn.chartjs.request import QuickChartRequest
from chartfn.drawing.raster import engine
from chartjs_render import drawn_rgb, prepared

RED = (255, 0, 0)
GREEN = (0, 160, 0)
BLUE = (0, 0, 255)


def _rows(picture: np.ndarray, color: tuple[int, int, int]) -> np.ndarray:
    return np.flatnonzero(np.all(picture == color, axis=2).any(axis=1))


def stacked(version: int, datasets: str, y: str = "") -> str:
    if version == 2:
        scales = f"scales:{{xAxes:[{{stacked:true}}],yAxes:[{{stacked:true{y}}}]}}"
        legend = "legend:{display:false}"
    else:
        scales = f"scales:{{x:{{stacked:true}},y:{{stacked:true{y}}}}}"
        legend = "plugins:{legend:{display:false}}"
    return (
        f"{{type:'bar',data:{{labels:['a','b'],datasets:[{datasets}]}},"
        f"options:{{{legend},{scales}}}}}"
    )


@pytest.mark.parametrize("version", [2, 4])
def test_lines_stack_on_lines_not_on_the_bars(version: int) -> None:
    config = stacked(
        version,
        "{data:[1,2]},{data:[3,4]},{type:'line',data:[10,20]},{type:'line',data:[5,-1]}",
    )
    chart = prepared(config, version)
    assert not any("another type" in w for w in chart.warnings), chart.warnings
    assert [s.y for s in chart.spec.series] == [[1, 2], [3, 4], [10, 20], [15, -1]]
    assert [look.mark if look else None for look in chart.styles.series] == [
        None,
        None,
        "line",
        "line",
    ]


@pytest.mark.parametrize("version", [2, 4])
def test_the_value_axis_covers_the_bar_stacks_and_the_lines_apart(version: int) -> None:
    """Bars 10 + 5 and a line at 12: the axis ends at Chart.js's step above 15, not above 27
    (the line stacked on the bars)."""
    config = stacked(version, "{data:[10,10]},{data:[5,5]},{type:'line',data:[12,12]}")
    chart = prepared(config, version)
    assert chart.ticks.y is not None
    ticks = chart.ticks.y(500)
    assert 15 <= max(ticks.low, ticks.high) < 20


@pytest.mark.parametrize("version", [2, 4])
def test_a_line_over_stacked_bars_is_drawn_at_its_own_value(version: int) -> None:
    """Bars 2 and 3 stacked (up to 5 of 10), a line at 4: drawn as a line through the
    stack, below its top, not as a bar stacked above it."""
    config = stacked(
        version,
        "{backgroundColor:'#ff0000',data:[2,2]},{backgroundColor:'#00a000',data:[3,3]},"
        "{type:'line',borderColor:'#0000ff',fill:false,pointRadius:0,data:[4,4]}",
        ",ticks:{min:0,max:10},min:0,max:10",
    )
    picture = drawn_rgb(config, version, width=400, height=300, device_pixel_ratio=1)
    red, green, blue = _rows(picture, RED), _rows(picture, GREEN), _rows(picture, BLUE)
    assert blue.size and blue.max() - blue.min() <= 4  # a level line, not a bar
    bottom, stack_top = red.max(), green.min()
    # 4 of the stack's 5: between the red and green bars' meeting row and the stack's top
    assert abs((bottom - blue.mean()) / (bottom - stack_top) - 4 / 5) < 0.03


@pytest.mark.parametrize("version", [2, 4])
def test_a_line_on_its_own_right_axis_beside_stacked_bars(version: int) -> None:
    """axes-1's shape: bars stacked on the left (up to 300 of 300), a line on the right axis
    at 50 of 100: halfway up the plot."""
    if version == 2:
        scales = (
            "scales:{xAxes:[{stacked:true}],yAxes:[{id:'y1',stacked:true,ticks:{min:0,max:300}},"
            "{id:'y2',position:'right',ticks:{min:0,max:100}}]}"
        )
        legend = "legend:{display:false}"
    else:
        scales = (
            "scales:{x:{stacked:true},y1:{stacked:true,min:0,max:300},"
            "y2:{position:'right',min:0,max:100}}"
        )
        legend = "plugins:{legend:{display:false}}"
    config = (
        "{type:'bar',data:{labels:['a','b'],datasets:["
        "{type:'line',yAxisID:'y2',borderColor:'#0000ff',fill:false,pointRadius:0,data:[50,50]},"
        "{yAxisID:'y1',backgroundColor:'#ff0000',data:[100,100]},"
        "{yAxisID:'y1',backgroundColor:'#00a000',data:[200,200]}]},"
        f"options:{{{legend},{scales}}}}}"
    )
    chart = prepared(config, version)
    assert chart.spec.y2_series == [0]
    assert not chart.warnings, chart.warnings
    picture = drawn_rgb(config, version, width=400, height=300, device_pixel_ratio=1)
    red, green, blue = _rows(picture, RED), _rows(picture, GREEN), _rows(picture, BLUE)
    bottom, top = red.max(), green.min()  # the stacks fill the plot
    assert abs((bottom - blue.mean()) / (bottom - top) - 0.5) < 0.03


# --- line charts with bar datasets ----------------------------------------------------------------

LINE_WITH_BARS = (
    "{type:'line',data:{labels:['a','b','c'],datasets:[{type:'bar',label:'bars',data:[3,5,2]},"
    "{label:'line',fill:false,data:[4,6,3]}%s]}%s}"
)


@pytest.mark.parametrize("version", [2, 4])
def test_a_line_chart_with_bar_datasets_draws_bars_and_lines(version: int) -> None:
    chart = prepared(LINE_WITH_BARS % ("", ""), version)
    assert chart.spec.kind == "bar"
    assert not any("another type" in w for w in chart.warnings), chart.warnings
    assert [look.mark if look else None for look in chart.styles.series] == [None, "line"]
    # Chart.js 2 keeps the line chart's category axis (no offset), Chart.js 3+ the bar's
    assert chart.styles.category_offset is (version != 2)


def test_points_with_their_own_x_keep_a_line_chart_with_the_warning() -> None:
    config = LINE_WITH_BARS.replace("data:[4,6,3]", "data:[{x:1,y:4},{x:2,y:6}]") % ("", "")
    chart = prepared(config, 2)
    assert chart.spec.kind == "line"
    assert any("another type" in w for w in chart.warnings)


def _placed(config: str, version: int) -> tuple[tuple[float, ...], list[float], list[float]]:
    """The plot, the bars' centres and the x tick label positions."""
    request = QuickChartRequest(
        chart=config, version=version, width=500, height=300, device_pixel_ratio=1
    )
    chart = prepare(request)
    try:
        frame = output_for(request).frame
        with engine.themed(frame.theme):
            planned, layout = engine.prepare(
                chart.spec, frame, chart.ticks, chart.styles, chart.overlays
            )
            assert planned.elements is not None
            bars = [e.centre[0] for e in planned.elements(layout)[0] if e is not None]
    finally:
        chart.close()
    return tuple(layout.plot), bars, [position for position, _ in layout.x_ticks]


@pytest.mark.parametrize("version", [2, 4])
def test_bars_stand_where_chartjs_puts_them_in_a_line_chart(version: int) -> None:
    """Chart.js 2.9.4 (measured): bars centred on the category lines, the first on the plot's
    left edge and the last on its right; Chart.js 4: in the middle of their slots."""
    plot, bars, ticks = _placed(LINE_WITH_BARS % ("", ""), version)
    left, _, right, _ = plot
    width = right - left
    if version == 2:
        expected = [left, left + width / 2, right]
    else:
        expected = [left + width / 6, left + width / 2, right - width / 6]
    assert bars == pytest.approx(expected, abs=1.0)
    assert ticks == pytest.approx(expected, abs=1.0)  # the labels under their bars


def test_chartjs_4_starts_the_value_axis_of_a_line_chart_with_bars_at_zero() -> None:
    """The bar controller's beginAtZero is merged into the line chart's y scale."""
    config = LINE_WITH_BARS % ("", ",options:{scales:{y:{}}}")
    chart = prepared(config, 4)
    assert chart.ticks.y is not None
    ticks = chart.ticks.y(500)
    assert min(ticks.low, ticks.high) == 0
