"""Data labels and annotations where the value axis is not one vertical y: horizontal bars
(v2 ``horizontalBar``, v3+ ``indexAxis: 'y'``), placed along x as chartjs-plugin-datalabels
and chartjs-plugin-annotation place them there, found in the image by their colours."""

from __future__ import annotations

import numpy as np
import pytest

from chartjs_render import drawn_rgb, prepared

BLUE = (31, 119, 180)
RED = (255, 0, 0)
GREEN = (0, 255, 0)


def _mask(picture: np.ndarray, color: tuple[int, int, int]) -> np.ndarray:
    return np.all(picture == color, axis=2)


def horizontal_bars(version: int, values: list[float], options: str) -> str:
    """Blue bars a, b, c from 0 (so that their ends are the values' pixels), without the
    legend (its box would be a fourth blue bar: Chart.js shows one, "undefined", for a dataset
    without a label)."""
    data = f"data:{{labels:['a','b','c'],datasets:[{{backgroundColor:'#1f77b4',data:{values}}}]}}"
    if version == 2:
        return (
            f"{{type:'horizontalBar',{data},options:{{scales:{{xAxes:[{{ticks:{{min:0,max:10}}}}]}},"
            f"legend:{{display:false}},{options}}}}}"
        )
    if options.startswith("plugins:{"):
        options = "plugins:{legend:{display:false}," + options.removeprefix("plugins:{")
    else:
        options = "plugins:{legend:{display:false}}," + options
    scales = "scales:{x:{min:0,max:10}}"
    return f"{{type:'bar',{data},options:{{indexAxis:'y',{scales},{options}}}}}"


def _bar_rows(picture: np.ndarray) -> list[tuple[int, int, int]]:
    """Each blue bar, top to bottom: its first row, last row and rightmost column."""
    blue = _mask(picture, BLUE)
    rows = np.flatnonzero(blue[:, : picture.shape[1] // 2].any(axis=1))
    runs = np.split(rows, np.flatnonzero(np.diff(rows) > 8) + 1)  # a line may cross a bar
    # not the legend's blue box (the unlabelled dataset's "undefined" entry), 12 CSS px high
    tallest = max(len(r) for r in runs)
    runs = [r for r in runs if len(r) > tallest / 2]
    return [(int(r[0]), int(r[-1]), int(np.flatnonzero(blue[r[len(r) // 2]]).max())) for r in runs]


@pytest.mark.parametrize("version", [2, 4])
def test_labels_anchored_at_the_end_and_aligned_end_stand_right_of_each_bar(version: int) -> None:
    labels = "plugins:{datalabels:{anchor:'end',align:'end',backgroundColor:'#ff0000'}}"
    chart = prepared(horizontal_bars(version, [3, 6, 4.5], labels), version)
    assert not any("not drawn" in w for w in chart.warnings), chart.warnings
    picture = drawn_rgb(
        horizontal_bars(version, [3, 6, 4.5], labels), version, width=400, height=300
    )
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
    picture = drawn_rgb(horizontal_bars(version, [5, 8, 6], labels), version, width=400, height=300)
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
    picture = drawn_rgb(horizontal_bars(version, [3, 7, 5], note), version, width=400, height=300)
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
    picture = drawn_rgb(horizontal_bars(version, [3, 7, 5], note), version, width=400, height=300)
    green_rows = np.flatnonzero(_mask(picture, GREEN).any(axis=1))
    (a_top, a_bottom, _), (b_top, b_bottom, _), _ = _bar_rows(picture)
    assert green_rows.size and green_rows.max() - green_rows.min() <= 5
    assert abs(green_rows.mean() - (b_top + b_bottom) / 2) <= 2.5
    red_rows = np.flatnonzero(_mask(picture, RED).any(axis=1))
    assert abs(red_rows.min() - (a_top + a_bottom) / 2) <= 2.5
    assert abs(red_rows.max() - (b_top + b_bottom) / 2) <= 2.5


# --- beside a second y axis ---------------------------------------------------------------------


def two_axes(version: int, left: str, right: str, options: str) -> str:
    """Dataset 0 on the left axis (0 … 4), dataset 1 on the right one (0 … 6000)."""
    if version == 2:
        scales = (
            "scales:{yAxes:[{id:'left',ticks:{min:0,max:4}},"
            "{id:'right',position:'right',ticks:{min:0,max:6000}}]}"
        )
    else:
        scales = "scales:{y:{min:0,max:4},right:{axis:'y',position:'right',min:0,max:6000}}"
    return (
        "{type:'line',data:{labels:['a','b','c'],datasets:["
        f"{{fill:false,borderColor:'#0000ff',data:[2,3,1]{left}}},"
        f"{{yAxisID:'right',fill:false,borderColor:'#ff8800',data:[1000,4500,2000]{right}}}]}},"
        f"options:{{{scales},{options}}}}}"
    )


@pytest.mark.parametrize("version", [2, 4])
def test_each_datasets_labels_are_placed_by_its_own_axis(version: int) -> None:
    """At b both values are 3/4 up their axes: the left dataset's label (red, left of the
    point) and the right one's (green, right of it) stand at the same height."""
    left = ",datalabels:{align:'left',backgroundColor:'#ff0000',color:'#ff0000'}"
    right = ",datalabels:{align:'right',backgroundColor:'#00ff00',color:'#00ff00'}"
    config = two_axes(version, left, right, "plugins:{datalabels:{display:true}}")
    chart = prepared(config, version)
    assert chart.spec.y2_series == [1]
    assert not any("not drawn" in w for w in chart.warnings), chart.warnings
    picture = drawn_rgb(config, version, width=400, height=300)
    red, green = _mask(picture, RED), _mask(picture, GREEN)

    def boxes(mask: np.ndarray) -> list[tuple[float, float]]:
        """Each label box's centre (column, row), left to right."""
        columns = np.flatnonzero(mask.any(axis=0))
        runs = np.split(columns, np.flatnonzero(np.diff(columns) > 1) + 1)
        found = []
        for run in runs:
            rows = np.flatnonzero(mask[:, run].any(axis=1))
            found.append((float(run.mean()), float(rows.mean())))
        return found

    reds, greens = boxes(red), boxes(green)
    assert len(reds) == 3 and len(greens) == 3, (reds, greens)
    assert abs(reds[1][1] - greens[1][1]) <= 1.5
    assert reds[1][0] < greens[1][0]
    # at a the right value (1000) is far lower on its axis than the left one (2)
    assert greens[0][1] - reds[0][1] > 50


@pytest.mark.parametrize("version", [2, 4])
def test_annotations_go_on_the_axis_they_name(version: int) -> None:
    """A line at 3000 on the right axis is halfway up, one at 1 on the left a quarter of the
    way, as high as a box on the right axis from 0 to 1500 reaches."""
    if version == 2:
        note = (
            "annotation:{annotations:["
            "{type:'line',mode:'horizontal',scaleID:'right',value:3000,borderColor:'#00ff00',"
            "borderWidth:2},{type:'line',mode:'horizontal',scaleID:'left',value:1,"
            "borderColor:'#ff0000',borderWidth:2},{type:'box',yScaleID:'right',yMin:0,"
            "yMax:1500,xMin:0,xMax:0.5,backgroundColor:'#ff00ff'}]}"
        )
    else:
        note = (
            "plugins:{annotation:{annotations:["
            "{type:'line',scaleID:'right',value:3000,borderColor:'#00ff00',borderWidth:2},"
            "{type:'line',scaleID:'y',value:1,borderColor:'#ff0000',borderWidth:2},"
            "{type:'box',yScaleID:'right',yMin:0,yMax:1500,xMin:0,xMax:0.5,"
            "backgroundColor:'#ff00ff'}]}}"
        )
    config = two_axes(version, "", "", note)
    picture = drawn_rgb(config, version, width=400, height=300)
    green_rows = np.flatnonzero(_mask(picture, GREEN).sum(axis=1) > 100)
    red_rows = np.flatnonzero(_mask(picture, RED).sum(axis=1) > 100)
    assert green_rows.size and red_rows.size
    box_rows = np.flatnonzero(_mask(picture, (255, 0, 255)).sum(axis=1) > 10)
    bottom = box_rows.max()  # the plot's bottom, where the box starts
    assert abs((bottom - green_rows.mean()) - 2 * (bottom - red_rows.mean())) <= 3
    assert abs(box_rows.min() - red_rows.mean()) <= 3
