"""A radar's area is filled with its dataset's ``backgroundColor``, as Chart.js fills it (the
border colour is only the outline's); without one, QuickChart's colour scheme gives v2 areas
their Tableau colour at half opacity. Its legend box is filled the same way."""

from __future__ import annotations

import numpy as np
import pytest

from chartjs_render import drawn_on_white

RADAR = (
    "{type:'radar',data:{labels:['a','b','c','d','e'],datasets:[{label:'x',"
    "data:[10,10,10,10,10],borderColor:'rgb(255,0,0)'%s}]},"
    "options:{plugins:{datalabels:{display:false}},scale:{ticks:{min:0,max:20}},scales:{r:{min:0,max:20}}}}"
)


def share(pixels: np.ndarray, rgb: tuple[int, int, int], rows: slice = slice(None)) -> float:
    near = np.abs(pixels[rows] - np.array(rgb)).max(axis=-1) <= 4
    return float(near.mean())


@pytest.mark.parametrize("version", [2, 3, 4])
def test_the_area_and_legend_box_take_the_background_colour(version: int) -> None:
    pixels = drawn_on_white(RADAR % ",backgroundColor:'rgba(0,0,255,0.5)'", version)
    half_blue, half_red = (127, 127, 255), (255, 127, 127)
    assert share(pixels, half_blue) > 0.04  # the area: a pentagon at half the radius
    assert share(pixels, half_red) < 0.001
    assert share(pixels, half_blue, slice(0, 40)) > 0.001  # the legend box above the chart


def test_a_v2_area_without_a_background_is_quickcharts_tableau_blue_at_half() -> None:
    pixels = drawn_on_white(RADAR % "", 2)
    assert share(pixels, (166, 188, 211)) > 0.04  # #4e79a7 at 0.5 over white
    assert share(pixels, (255, 127, 127)) < 0.001


@pytest.mark.parametrize("version", [3, 4])
def test_a_v3_or_v4_area_without_a_background_is_chartjs_default_grey(version: int) -> None:
    # Chart.defaults.backgroundColor, rgba(0,0,0,0.1): measured on Chart.js 4.6 (alpha 26)
    pixels = drawn_on_white(RADAR % "", version)
    assert share(pixels, (230, 230, 230)) > 0.04
    assert share(pixels, (255, 127, 127)) < 0.001
