"""Which dataset's paint lies on top, as Chart.js layers them (fidelity colour probes).

Chart.js 2.9's filler plugin paints every dataset's area in ``beforeDatasetsDraw``, before any
line or point, so an area never covers another dataset's line (the docs' legend-1: the first
dataset's half-transparent area lay over the second's line in chartfn). Chart.js 3 and 4 paint
each area just before its own dataset (``drawTime: 'beforeDatasetDraw'``), last dataset first,
so there the first dataset's area does cover the lines of those after it.
"""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from chartfn.chartjs.output import output_for
from chartfn.chartjs.prepare import prepare
from chartfn.chartjs.request import QuickChartRequest
from chartfn.drawing.raster import engine

# the first dataset's opaque area spans the plot from 0 up to 9, over the second's red line at 3
AREA_OVER_LINE = (
    "{type:'line',data:{labels:['Tarn 41','Fell 41','Ghyll 41'],datasets:["
    "{label:'high',data:[9,9,9],fill:true,backgroundColor:'rgb(0,0,255)',"
    "borderColor:'rgb(0,0,255)',pointRadius:0},"
    "{label:'low',data:[3,3,3],fill:false,borderColor:'rgb(255,0,0)',borderWidth:6,"
    "pointRadius:0}]},"
    "options:{legend:{display:false},plugins:{legend:{display:false}},"
    "scales:{yAxes:[{ticks:{min:0,max:10}}],y:{min:0,max:10}}}}"
)


def _image(config: str, version: int) -> np.ndarray:
    request = QuickChartRequest(chart=config, version=version, width=317, height=211)
    chart = prepare(request)
    try:
        png = engine.render_spec(
            chart.spec, output_for(request), chart.ticks, chart.styles, overlays=chart.overlays
        )
    finally:
        chart.close()
    with Image.open(io.BytesIO(png)) as picture:
        on_white = Image.new("RGBA", picture.size, "white")
        on_white.alpha_composite(picture.convert("RGBA"))
    return np.asarray(on_white.convert("RGB")).astype(int)


def _red_pixels(picture: np.ndarray) -> int:
    return int(np.all(np.abs(picture - np.array((255, 0, 0))) <= 24, axis=2).sum())


def test_chart_js_2_paints_every_area_under_every_line() -> None:
    # the red line runs across the plot's width (about 600 device pixels), 12 device pixels thick
    assert _red_pixels(_image(AREA_OVER_LINE, 2)) > 2000


@pytest.mark.parametrize("version", [3, 4])
def test_chart_js_3_and_4_paint_an_area_over_the_lines_drawn_before_it(version: int) -> None:
    assert _red_pixels(_image(AREA_OVER_LINE, version)) == 0


# the first radar's area (half-transparent blue) covers the whole of the second's red outline
RADAR_AREA_OVER_LINE = (
    "{type:'radar',data:{labels:['Scree 41','Cairn 41','Bothy 41'],datasets:["
    "{label:'high',data:[9,9,9],borderColor:'rgb(0,0,255)'},"
    "{label:'low',data:[4,4,4],borderColor:'rgb(255,0,0)',fill:false}]},"
    "options:{legend:{display:false},plugins:{legend:{display:false}},"
    "scale:{ticks:{min:0,max:10,display:false}},scales:{r:{min:0,max:10,ticks:{display:false}}}}}"
)


def test_chart_js_2_paints_every_radar_area_under_every_outline() -> None:
    assert _red_pixels(_image(RADAR_AREA_OVER_LINE, 2)) > 300


@pytest.mark.parametrize("version", [3, 4])
def test_chart_js_3_and_4_paint_a_radar_area_over_the_outlines_drawn_before_it(
    version: int,
) -> None:
    assert _red_pixels(_image(RADAR_AREA_OVER_LINE, version)) == 0
