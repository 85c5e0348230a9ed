"""Legend entries of line, scatter, bubble and radar datasets drawn as Chart.js 2.9.4 and 4 draw
them: a box filled with the dataset's backgroundColor (Chart.js 2: its borderColor when ``fill``
is false) and stroked on its edge in its borderColor at its borderWidth; spec charts keep the
engine's short line."""

from __future__ import annotations

import numpy as np
import pytest

from chartfn.drawing.raster import engine
from chartfn.drawing.raster.canvas import Rect
from chartfn.drawing.themes import themed
from chartfn.models.chart_spec import ChartSpec
from chartfn.models.line_chart import Frame
from chartjs_render import layout_of, on_white, png_and_layout_of, rgb

GREEN = (0, 255, 0)
RED = (255, 0, 0)
BLUE = (0, 0, 255)


def legend_pixels(config: str, version: int = 2) -> list[tuple[np.ndarray, np.ndarray]]:
    """For each legend entry: the colour at its box's centre and just inside its box's top
    edge, drawn on white (device pixel ratio 1, so the border is its CSS width)."""
    size = {"width": 420, "height": 260, "device_pixel_ratio": 1}
    png, placed = png_and_layout_of(config, version, **size)
    pixels = on_white(png)
    height = pixels.shape[0]

    def at(x: float, y: float) -> np.ndarray:
        return pixels[int(height - y), int(x)]  # the layout's y runs upwards

    found = []
    for entry in placed.legend:
        x0, y0, x1, y1 = entry.swatch_rect
        found.append((at((x0 + x1) / 2, (y0 + y1) / 2), at((x0 + x1) / 2, y1 - 0.5)))
    return found


def near(pixel: np.ndarray, color: tuple[int, int, int], tolerance: int = 24) -> bool:
    return bool(np.abs(pixel - np.array(color)).max() <= tolerance)


# values this module alone uses, so no cached render answers
LINE = (
    "{type:'line',data:{labels:['Medlar 31','Quince 31'],datasets:[{label:'Rowan 31',"
    "data:[3,8],borderColor:'#ff0000',backgroundColor:'#00ff00',borderWidth:4EXTRA}]}}"
)


def line_config(extra: str) -> str:
    return LINE.replace("EXTRA", extra)


@pytest.mark.parametrize("version", [2, 4])
def test_a_filled_lines_box_is_its_background_stroked_in_its_border(version: int) -> None:
    fill = ",fill:true"
    [(centre, edge)] = legend_pixels(line_config(fill), version)
    assert near(centre, GREEN)
    assert near(edge, RED)


def test_chartjs2_fills_an_unfilled_lines_box_with_its_border_colour_and_4_does_not() -> None:
    [(v2_centre, _)] = legend_pixels(line_config(",fill:false"), 2)
    assert near(v2_centre, RED)
    [(v4_centre, v4_edge)] = legend_pixels(line_config(",fill:false"), 4)
    assert near(v4_centre, GREEN)
    assert near(v4_edge, RED)


def test_a_scatters_box_is_its_background_stroked_in_its_border() -> None:
    config = (
        "{type:'scatter',data:{datasets:[{label:'Sorb 31',data:[{x:1,y:2},{x:3,y:1}],"
        "backgroundColor:'#00ff00',borderColor:'#0000ff',borderWidth:4}]}}"
    )
    [(centre, edge)] = legend_pixels(config)
    assert near(centre, GREEN)
    assert near(edge, BLUE)


def test_a_bubbles_box_takes_its_first_points_colours() -> None:
    config = (
        "{type:'bubble',data:{datasets:[{label:'Haw 31',data:[{x:1,y:2,r:5},{x:3,y:1,r:9}],"
        "backgroundColor:['#00ff00','#ff0000'],borderColor:'#0000ff',borderWidth:4}]}}"
    )
    [(centre, edge)] = legend_pixels(config)
    assert near(centre, GREEN)
    assert near(edge, BLUE)


@pytest.mark.parametrize("version", [2, 4])
def test_a_radars_box_is_its_half_transparent_area_stroked_in_its_border(version: int) -> None:
    config = (
        "{type:'radar',data:{labels:['a 31','b 31','c 31'],datasets:[{label:'Sloe 31',"
        "data:[3,5,4],borderColor:'#ff0000'},{label:'Bullace 31',data:[4,2,5],"
        "borderColor:'#0000ff',fill:false}]}}"
    )
    [(filled, filled_edge), (unfilled, unfilled_edge)] = legend_pixels(config, version)
    # the backgroundColor the dataset leaves out: QuickChart's colour scheme's in v2 (Tableau
    # blue at half opacity on white), Chart.js 4's default rgba(0,0,0,0.1) in v4
    assert near(filled, (166, 188, 211) if version == 2 else (230, 230, 230), 8)
    assert near(filled_edge, RED)
    assert near(unfilled_edge, BLUE)
    # Chart.js 2 shows an unfilled dataset's border colour; 4 its area's (the default grey)
    assert near(unfilled, BLUE if version == 2 else (230, 230, 230), 8)


def test_a_radars_legend_keeps_the_configs_box_size() -> None:
    # the radial scale's ticks rebuild the chart: the config's legend look must survive it
    config = (
        "{type:'radar',data:{labels:['a 32','b 32','c 32'],datasets:[{label:'Sloe 32',"
        "data:[3,5,4]}]},options:{legend:{labels:{boxWidth:70}}}}"
    )
    placed = layout_of(config, width=500, height=300, device_pixel_ratio=1)
    box: Rect = placed.legend[0].swatch_rect
    assert box[2] - box[0] == pytest.approx(70.0)


def test_spec_line_charts_keep_the_engines_line_swatch() -> None:
    spec = ChartSpec.model_validate(
        {"kind": "line", "series": [{"name": "Rowan 33", "x": [0, 1], "y": [1, 2]}]}
    )
    frame = Frame(width_px=400, height_px=240, dpi=100.0, theme="light")
    with themed(frame.theme):
        _, placed = engine.prepare(spec, frame)
    assert [entry.entry.swatch for entry in placed.legend] == ["line"]


# --- bar widths ---------------------------------------------------------------------------------


@pytest.mark.parametrize("version", [2, 4])
@pytest.mark.parametrize("datasets", [1, 2])
def test_chartjs_bars_fill_nine_tenths_of_their_share_of_the_category(
    version: int, datasets: int
) -> None:
    # Chart.js: a category's categoryPercentage (0.8) split among the datasets, each bar
    # barPercentage (0.9) of its slot; the engine's own bars fill their whole slot
    sets = ",".join(
        f"{{label:'Lot {i}',data:[{5 + i},{7 + i}],backgroundColor:'#00ff00'}}"
        for i in range(datasets)
    )
    config = "{type:'bar',data:{labels:['Damson 34','Gage 34'],datasets:[SETS]}}"
    config = config.replace("SETS", sets)
    png, placed = png_and_layout_of(config, version, width=500, height=300)
    pixels = rgb(png)
    x0, y0, x1, _ = placed.plot
    row = int(pixels.shape[0] - (y0 + 3))  # just above the base, where every bar stands
    green = np.all(np.abs(pixels[row] - np.array(GREEN)) <= 24, axis=1)
    columns = np.flatnonzero(green[int(x0) : int((x0 + x1) / 2)])  # the first category
    width = columns.max() - columns.min() + 1
    category = (x1 - x0) / 2
    # from the first bar's left to the last one's right: the 0.8 less half of the 0.1 of a
    # slot that each of the outer bars leaves free
    expected = 0.8 * category * (1 - 0.1 / datasets)
    assert width == pytest.approx(expected, abs=2.0)
