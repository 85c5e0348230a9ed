"""Options Chart.js draws that shape a chart's text and boxes (issue 12, "looks"): axis titles'
fonts and colours, read in both versions' spellings, refused with their path where Chart.js
could not use a value, and drawn where and as Chart.js draws them."""

from __future__ import annotations

import io
from typing import Any

import numpy as np
import pytest
from PIL import Image

from chartfn.chartjs.output import output_for
from chartfn.chartjs.prepare import PreparedChart, prepare
from chartfn.chartjs.request import QuickChartRequest
from chartfn.chartjs.translate import TranslationError
from chartfn.drawing.raster import engine
from chartfn.drawing.raster.layout import Label
from chartfn.models.overlays import Overlays

RED = (255, 0, 0)
BLUE = (0, 0, 255)


def prepared(config: str, version: int = 2) -> PreparedChart:
    chart = prepare(QuickChartRequest(chart=config, version=version))
    chart.close()
    return chart


def overlays(config: str, version: int = 2) -> Overlays:
    found = prepared(config, version).overlays
    assert found is not None
    return found


def texts(config: str, version: int = 2, **size: Any) -> list[Label]:
    request = QuickChartRequest(chart=config, version=version, **size)
    chart = prepare(request)
    try:
        frame = output_for(request).frame
        return engine.drawn_texts(chart.spec, frame, chart.styles, chart.overlays)
    finally:
        chart.close()


def image(config: str, version: int = 2, **size: Any) -> np.ndarray:
    request = QuickChartRequest(chart=config, version=version, **size)
    chart = prepare(request)
    try:
        png = engine.render_spec(
            chart.spec, output_for(request), chart.ticks, chart.styles, overlays=chart.overlays
        )
    finally:
        chart.close()
    on_white = Image.new("RGBA", Image.open(io.BytesIO(png)).size, "white")
    on_white.alpha_composite(Image.open(io.BytesIO(png)).convert("RGBA"))
    return np.asarray(on_white.convert("RGB")).astype(int)


def ink(picture: np.ndarray, color: tuple[int, int, int]) -> np.ndarray:
    """Rows and columns (as an array of [row, column]) painted within 40 of ``color`` (small
    text has few pixels of its full colour)."""
    return np.argwhere(np.all(np.abs(picture - np.array(color)) <= 40, axis=2))


# a bar chart of labels and values this module alone uses, so no cached render answers
BAR = (
    "{type:'bar',data:{labels:['Quince 12','Sloe 12'],datasets:[{label:'Jars 12',"
    "data:[4,7],backgroundColor:'#00ff00'}]},options:{%s}}"
)


# --- axis titles --------------------------------------------------------------------------------

V2_TITLES = (
    "scales:{xAxes:[{scaleLabel:{display:true,labelString:'Months',fontColor:'#ff0000',"
    "fontSize:20,fontStyle:'bold'}}],yAxes:[{scaleLabel:{display:true,labelString:'Jars',"
    "fontColor:'rgb(0,0,255)',fontSize:14}}]}"
)
V4_TITLES = (
    "scales:{x:{title:{display:true,text:'Months',color:'#ff0000',font:{size:20,"
    "weight:'bold'}}},y:{title:{display:true,text:'Jars',color:'blue',font:{size:14}}}}"
)


@pytest.mark.parametrize(("options", "version"), [(V2_TITLES, 2), (V4_TITLES, 4)])
def test_axis_titles_fonts_and_colours_in_each_spelling(options: str, version: int) -> None:
    look = overlays(BAR % options, version).look
    assert (look.x_title.size, look.x_title.color, look.x_title.bold) == (20.0, "#ff0000", True)
    assert (look.y_title.size, look.y_title.color) == (14.0, "#0000ff")
    assert not look.y_title.bold
    drawn = {label.text: label for label in texts(BAR % options, version, device_pixel_ratio=1)}
    x_title, y_title = drawn["Months"], drawn["Jars"]
    assert x_title.color == (1.0, 0.0, 0.0, 1.0) and y_title.color == (0.0, 0.0, 1.0, 1.0)
    assert x_title.font.get_size_in_points() == pytest.approx(20 * 0.72)
    assert x_title.font.get_weight() == "bold"
    assert y_title.font.get_size_in_points() == pytest.approx(14 * 0.72)
    assert y_title.angle == 90.0
    # the other version's spelling means nothing to this one
    other = overlays(BAR % (V4_TITLES if version == 2 else V2_TITLES), version).look
    assert other.x_title.size is None and other.y_title.color is None


def test_the_x_titles_colour_is_drawn_under_the_bars_and_the_y_titles_left_of_them() -> None:
    picture = image(BAR % V2_TITLES, width=400, height=300, device_pixel_ratio=1)
    bars = ink(picture, (0, 255, 0))
    red, blue = ink(picture, RED), ink(picture, BLUE)
    assert red.size and red[:, 0].min() > bars[:, 0].max()
    assert blue.size and blue[:, 1].max() < bars[:, 1].min()


def test_a_second_axis_title_takes_its_own_font() -> None:
    config = (
        "{type:'line',data:{labels:['a','b'],datasets:[{data:[1,2]},{data:[5,9],yAxisID:'r'}]},"
        "options:{scales:{yAxes:[{id:'l'},{id:'r',position:'right',scaleLabel:{display:true,"
        "labelString:'Right',fontColor:'#ff0000',fontSize:16}}]}}}"
    )
    assert overlays(config).look.y2_title.color == "#ff0000"
    drawn = {label.text: label for label in texts(config, device_pixel_ratio=1)}
    assert drawn["Right"].font.get_size_in_points() == pytest.approx(16 * 0.72)


@pytest.mark.parametrize(
    ("options", "version", "path"),
    [
        (
            "scales:{xAxes:[{scaleLabel:{display:true,labelString:'t',fontSize:0}}]}",
            2,
            "options.scales.xAxes[0].scaleLabel.fontSize",
        ),
        (
            "scales:{yAxes:[{scaleLabel:{fontColor:'nope'}}]}",
            2,
            "options.scales.yAxes[0].scaleLabel.fontColor",
        ),
        ("scales:{y:{title:{font:{size:201}}}}", 4, "options.scales.y.title.font.size"),
        ("scales:{x:{title:{color:'#12'}}}", 3, "options.scales.x.title.color"),
    ],
)
def test_axis_title_values_chartjs_cannot_use(options: str, version: int, path: str) -> None:
    with pytest.raises(TranslationError) as caught:
        prepared(BAR % options, version)
    assert caught.value.path == path


def test_unknown_axis_title_options_are_ignored() -> None:
    options = "scales:{xAxes:[{scaleLabel:{display:true,labelString:'t',fontWobble:3}}]}"
    assert overlays(BAR % options).look.x_title.size is None
