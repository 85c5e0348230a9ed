"""Data labels and annotations where the value axis is not one vertical y: horizontal bars
(v2 ``horizontalBar``, v3+ ``indexAxis: 'y'``), placed along x as chartjs-plugin-datalabels
and chartjs-plugin-annotation place them there, found in the image by their colours."""

from __future__ import annotations

import numpy as np
import pytest
from test_chartjs_overlays import image, prepared

BLUE = (31, 119, 180)
RED = (255, 0, 0)
GREEN = (0, 255, 0)


def _mask(picture: np.ndarray, color: tuple[int, int, int]) -> np.ndarray:
    return np.all(picture == color, axis=2)


def horizontal_bars(version: int, values: list[float], options: str) -> str:
    """Blue bars a, b, c from 0 (so that their ends are the values' pixels)."""
    data = f"data:{{labels:['a','b','c'],datasets:[{{backgroundColor:'#1f77b4',data:{values}}}]}}"
    if version == 2:
        return (
            f"{{type:'horizontalBar',{data},options:{{scales:{{xAxes:[{{ticks:{{min:0,max:10}}}}]}},"
            f"{options}}}}}"
        )
    scales = "scales:{x:{min:0,max:10}}"
    return f"{{type:'bar',{data},options:{{indexAxis:'y',{scales},{options}}}}}"


def _bar_rows(picture: np.ndarray) -> list[tuple[int, int, int]]:
    """Each blue bar, top to bottom: its first row, last row and rightmost column."""
    blue = _mask(picture, BLUE)
    rows = np.flatnonzero(blue[:, : picture.shape[1] // 2].any(axis=1))
    runs = np.split(rows, np.flatnonzero(np.diff(rows) > 8) + 1)  # a line may cross a bar
    return [(int(r[0]), int(r[-1]), int(np.flatnonzero(blue[r[len(r) // 2]]).max())) for r in runs]


@pytest.mark.parametrize("version", [2, 4])
def test_labels_anchored_at_the_end_and_aligned_end_stand_right_of_each_bar(version: int) -> None:
    labels = "plugins:{datalabels:{anchor:'end',align:'end',backgroundColor:'#ff0000'}}"
    chart = prepared(horizontal_bars(version, [3, 6, 4.5], labels), version)
    assert not any("not drawn" in w for w in chart.warnings), chart.warnings
    picture = image(horizontal_bars(version, [3, 6, 4.5], labels), version, width=400, height=300)
    red = _mask(picture, RED)
    bars = _bar_rows(picture)
    assert len(bars) == 3
    for top, bottom, right in bars:
        middle = (top + bottom) // 2
        columns = np.flatnonzero(red[middle])
        assert columns.size, (top, bottom)
        assert right < columns.min() <= right + 4 * 2 + 2  # offset 4 CSS px at ratio 2
        label_rows = np.flatnonzero(red[:, columns.min()])
        assert top < label_rows.min() and label_rows.max() < bottom  # centred on the bar


@pytest.mark.parametrize("version", [2, 4])
def test_aligned_start_from_the_end_the_label_lies_inside_the_bar(version: int) -> None:
    labels = "plugins:{datalabels:{anchor:'end',align:'start',backgroundColor:'#ff0000'}}"
    picture = image(horizontal_bars(version, [5, 8, 6], labels), version, width=400, height=300)
    red = _mask(picture, RED)
    for top, bottom, right in _bar_rows(picture):
        columns = np.flatnonzero(red[(top + bottom) // 2])
        assert columns.size and columns.max() < right, (columns, right)


@pytest.mark.parametrize("version", [2, 4])
def test_an_annotation_on_the_value_axis_is_a_vertical_line_at_its_value(version: int) -> None:
    """A line at 3 on x meets the end of bar a (3), from the top of the plot to its bottom."""
    if version == 2:
        note = (
            "annotation:{annotations:[{type:'line',mode:'vertical',scaleID:'x-axis-0',value:3,"
            "borderColor:'#00ff00',borderWidth:2}]}"
        )
    else:
        note = (
            "plugins:{annotation:{annotations:{v:{type:'line',scaleID:'x',value:3,"
            "borderColor:'#00ff00',borderWidth:2}}}}"
        )
    picture = image(horizontal_bars(version, [3, 7, 5], note), version, width=400, height=300)
    green = _mask(picture, GREEN)
    columns = np.flatnonzero(green.any(axis=0))
    assert columns.size and columns.max() - columns.min() <= 5, columns
    (a_top, _, a_right), _, (_, c_bottom, _) = _bar_rows(picture)
    assert abs(columns.mean() - a_right) <= 2.5
    rows = np.flatnonzero(green[:, int(columns[0])])
    assert rows.min() < a_top and rows.max() > c_bottom


@pytest.mark.parametrize("version", [2, 4])
def test_an_annotation_on_the_category_axis_goes_through_its_category(version: int) -> None:
    """A line at category 'b' (by its label) runs across the middle of bar b; a box from 'a'
    to 'b' spans from bar a's middle to bar b's."""
    if version == 2:
        note = (
            "annotation:{annotations:[{type:'line',mode:'horizontal',scaleID:'y-axis-0',value:'b',"
            "borderColor:'#00ff00',borderWidth:2},{type:'box',yScaleID:'y-axis-0',yMin:'a',"
            "yMax:'b',xMin:9,xMax:10,backgroundColor:'#ff0000'}]}"
        )
    else:
        note = (
            "plugins:{annotation:{annotations:[{type:'line',scaleID:'y',value:'b',"
            "borderColor:'#00ff00',borderWidth:2},{type:'box',yMin:'a',yMax:'b',xMin:9,xMax:10,"
            "backgroundColor:'#ff0000'}]}}"
        )
    picture = image(horizontal_bars(version, [3, 7, 5], note), version, width=400, height=300)
    green_rows = np.flatnonzero(_mask(picture, GREEN).any(axis=1))
    (a_top, a_bottom, _), (b_top, b_bottom, _), _ = _bar_rows(picture)
    assert green_rows.size and green_rows.max() - green_rows.min() <= 5
    assert abs(green_rows.mean() - (b_top + b_bottom) / 2) <= 2.5
    red_rows = np.flatnonzero(_mask(picture, RED).any(axis=1))
    assert abs(red_rows.min() - (a_top + a_bottom) / 2) <= 2.5
    assert abs(red_rows.max() - (b_top + b_bottom) / 2) <= 2.5
