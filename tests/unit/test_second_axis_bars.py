"""A second y axis on bar charts and on logarithmic axes (``ChartSpec.y2_series`` with bars,
``y2_log``): Chart.js configs whose bar datasets name a right axis by ``yAxisID``, drawn
against their own axis, sharing their category's slots with the left axis' bars (side by
side, or one slot when stacked), found in the image by their colours."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from pydantic import ValidationError

from chartfn.chartjs.translate import translate
from chartfn.models.chart_spec import ChartSpec, canonical_spec_key
from chartjs_render import drawn_rgb, prepared

RED = (255, 0, 0)
BLUE = (0, 0, 255)
GREEN = (0, 160, 0)


def _mask(picture: np.ndarray, color: tuple[int, int, int]) -> np.ndarray:
    return np.all(picture == color, axis=2)


def _extent(mask: np.ndarray) -> tuple[int, int, int, int]:
    """First and last row, first and last column where ``mask`` holds."""
    rows, columns = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    assert rows.size, "colour not found"
    return int(rows[0]), int(rows[-1]), int(columns[0]), int(columns[-1])


def bars(version: int, datasets: str, left: str, right: str, extra: str = "") -> str:
    """A bar chart (no legend) with a left axis and a right one named 'r'."""
    if version == 2:
        scales = f"scales:{{yAxes:[{{id:'l',{left}}},{{id:'r',position:'right',{right}}}]{extra}}}"
        legend = "legend:{display:false}"
    else:
        scales = f"scales:{{y:{{{left}}},r:{{axis:'y',position:'right',{right}}}{extra}}}"
        legend = "plugins:{legend:{display:false}}"
    return (
        f"{{type:'bar',data:{{labels:['a'],datasets:[{datasets}]}},options:{{{legend},{scales}}}}}"
    )


def _limits(version: int, low: float, high: float, kind: str = "") -> str:
    typed = f"type:'{kind}'," if kind else ""
    if version == 2:
        return f"{typed}ticks:{{min:{low},max:{high}}}"
    return f"{typed}min:{low},max:{high}"


# --- the spec ---------------------------------------------------------------------------------


def _spec(**fields: Any) -> ChartSpec:
    return ChartSpec.model_validate(
        {"kind": "bar", "series": [{"y": [1, 2]}, {"y": [100, 300]}], **fields}
    )


def test_bars_take_a_second_axis_and_either_axis_may_be_logarithmic() -> None:
    assert _spec(y2_series=[1]).y2_series == [1]
    assert _spec(y2_series=[1], y_log=True, y2_log=True).y2_log
    with pytest.raises(ValidationError, match="vertical charts"):
        _spec(y2_series=[1], horizontal=True)
    with pytest.raises(ValidationError, match="y2_log needs y2_series"):
        _spec(y2_log=True)
    # a log axis needs values > 0 on that axis only, named by its field
    with pytest.raises(ValidationError, match="y2_log needs values > 0") as raised:
        ChartSpec.model_validate(
            {"kind": "bar", "y2_series": [1], "y2_log": True,
             "series": [{"y": [0, 2]}, {"y": [100, -1]}]}
        )  # fmt: skip
    assert raised.value.errors()[0]["loc"] == ("series", 1, "y", 1)
    assert "y2_log" not in canonical_spec_key(_spec(y2_series=[1]))


# --- the translation --------------------------------------------------------------------------


@pytest.mark.parametrize("version", [2, 4])
def test_bar_datasets_naming_the_right_axis_go_on_it(version: int) -> None:
    config = bars(version, "{data:[1]},{yAxisID:'r',data:[100]}", "", "")
    chart = prepared(config, version)
    assert chart.spec.y2_series == [1]
    assert not any("second y axis" in w for w in chart.warnings), chart.warnings


@pytest.mark.parametrize("version", [2, 4])
def test_a_logarithmic_axis_on_either_side(version: int) -> None:
    config = bars(
        version,
        "{data:[1]},{yAxisID:'r',data:[100]}",
        "type:'logarithmic'",
        "type:'logarithmic'",
    )
    spec = prepared(config, version).spec
    assert spec.y2_series == [1]
    assert spec.y_log and spec.y2_log


def test_horizontal_bars_keep_one_value_axis_with_a_warning() -> None:
    config = {
        "type": "bar",
        "data": {"datasets": [{"data": [1]}, {"data": [2], "xAxisID": "x2", "yAxisID": "y2"}]},
        "options": {"indexAxis": "y", "scales": {"y": {}, "y2": {"position": "right"}}},
    }
    translation = translate(config, 4)
    assert translation.spec.y2_series is None
    assert any("vertical charts only" in w for w in translation.warnings)


# --- the drawing ------------------------------------------------------------------------------


@pytest.mark.parametrize("version", [2, 4])
def test_grouped_bars_sit_side_by_side_each_against_its_own_axis(version: int) -> None:
    """5 of 10 on the left and 500 of 1000 on the right: bars of the same height, in slots
    side by side."""
    config = bars(
        version,
        "{backgroundColor:'#ff0000',data:[5]},{yAxisID:'r',backgroundColor:'#0000ff',data:[500]}",
        _limits(version, 0, 10),
        _limits(version, 0, 1000),
    )
    picture = drawn_rgb(config, version, width=400, height=300, device_pixel_ratio=1)
    red, blue = _extent(_mask(picture, RED)), _extent(_mask(picture, BLUE))
    assert abs(red[0] - blue[0]) <= 1 and abs(red[1] - blue[1]) <= 1
    assert red[3] < blue[2]  # the left axis' bar first, then the right one's
    # half the plot high: the right bar is not drawn against the left axis (500 of 10)
    assert 0.4 < (red[1] - red[0]) / picture.shape[0] < 0.5


@pytest.mark.parametrize("version", [2, 4])
def test_stacked_bars_stack_on_their_own_axis_in_one_slot(version: int) -> None:
    """Left: 200 and 300 stacked (500 of 1000); right: 7 of 10 in the same slot, behind the
    left stack (drawn before the first dataset), not stacked on it: it shows from 5 to 7
    tenths of the plot."""
    x_stacked = ",xAxes:[{stacked:true}]" if version == 2 else ",x:{stacked:true}"
    config = bars(
        version,
        "{backgroundColor:'#ff0000',data:[200]},{backgroundColor:'#00a000',data:[300]},"
        "{yAxisID:'r',backgroundColor:'#0000ff',data:[7]}",
        "stacked:true," + _limits(version, 0, 1000),
        _limits(version, 0, 10),
        x_stacked,
    )
    picture = drawn_rgb(config, version, width=400, height=300, device_pixel_ratio=1)
    red, green = _extent(_mask(picture, RED)), _extent(_mask(picture, GREEN))
    blue = _extent(_mask(picture, BLUE))
    assert abs(green[1] + 1 - red[0]) <= 1  # green stands on red
    assert (red[2], red[3]) == (green[2], green[3])
    assert abs(blue[2] - red[2]) <= 1 and abs(blue[3] - red[3]) <= 1  # the same slot
    assert abs(blue[1] + 1 - green[0]) <= 1  # seen above the stack only
    five = red[1] - green[0]  # the stack's height: half the plot
    assert abs((red[1] - blue[0]) / five - 7 / 5) < 0.03


@pytest.mark.parametrize("version", [2, 4])
def test_bars_on_a_logarithmic_right_axis(version: int) -> None:
    """10, 100 and 1000 on a right log axis from 1 to 1000 stand a third, two thirds and all
    of the plot high; the left axis stays linear."""
    config = bars(
        version,
        "{backgroundColor:'#ff0000',data:[4,4,4]},"
        "{yAxisID:'r',backgroundColor:'#0000ff',data:[10,100,1000]}",
        _limits(version, 0, 4),
        _limits(version, 1, 1000, "logarithmic"),
    ).replace("labels:['a']", "labels:['a','b','c']")
    chart = prepared(config, version)
    assert chart.spec.y2_log and not chart.spec.y_log
    picture = drawn_rgb(config, version, width=400, height=300, device_pixel_ratio=1)
    blue = _mask(picture, BLUE)
    bottom = _extent(_mask(picture, RED))[1]
    red_top = _extent(_mask(picture, RED))[0]
    columns = np.flatnonzero(blue.any(axis=0))
    runs = np.split(columns, np.flatnonzero(np.diff(columns) > 1) + 1)
    heights = [bottom - np.flatnonzero(blue[:, run[len(run) // 2]]).min() for run in runs]
    full = bottom - red_top
    assert len(heights) == 3
    for height, share in zip(heights, (1 / 3, 2 / 3, 1.0), strict=True):
        assert abs(height / full - share) < 0.02, heights


@pytest.mark.parametrize("version", [2, 4])
def test_a_line_on_a_logarithmic_right_axis(version: int) -> None:
    """A line chart's right dataset at 10, 100, 1000 on a log axis from 1 to 1000: its points
    a third, two thirds and all of the plot high, evenly apart (on a linear axis they would
    not be)."""
    config = (
        bars(
            version,
            "{borderColor:'#ff0000',fill:false,data:[0,0,4]},"
            "{yAxisID:'r',borderColor:'#0000ff',fill:false,pointRadius:0,data:[10,100,1000]}",
            _limits(version, 0, 4),
            _limits(version, 1, 1000, "logarithmic"),
        )
        .replace("type:'bar'", "type:'line'")
        .replace("labels:['a']", "labels:['a','b','c']")
    )
    chart = prepared(config, version)
    assert chart.spec.y2_log and chart.spec.y2_series == [1]
    picture = drawn_rgb(config, version, width=400, height=300, device_pixel_ratio=1)
    blue = _mask(picture, BLUE)
    top, bottom, left, right = _extent(blue)
    middle = (left + right) // 2
    rows = np.flatnonzero(blue[:, middle])
    # the middle point (100) halfway between the first (10) and the last (1000)
    assert abs(rows.mean() - (top + bottom) / 2) <= 3, (rows, top, bottom)


@pytest.mark.parametrize("version", [2, 4])
def test_overlays_on_bars_with_a_second_axis_use_each_axis(version: int) -> None:
    """A line at 500 on the right axis (0 … 1000) runs level with the top of the left bar
    (5 of 10); the right bar's label (anchored at its end, aligned end) sits just above it."""
    if version == 2:
        note = (
            ",annotation:{annotations:[{type:'line',mode:'horizontal',scaleID:'r',value:500,"
            "borderColor:'#00a000',borderWidth:2}]}"
        )
    else:
        note = (
            ",plugins:{legend:{display:false},annotation:{annotations:[{type:'line',scaleID:'r',"
            "value:500,borderColor:'#00a000',borderWidth:2}]}}"
        )
    config = bars(
        version,
        "{backgroundColor:'#ff0000',data:[5]},{yAxisID:'r',backgroundColor:'#0000ff',data:[300],"
        "datalabels:{display:true,anchor:'end',align:'end',backgroundColor:'#ff00ff',color:'#ff00ff'}}",
        _limits(version, 0, 10),
        _limits(version, 0, 1000),
    ).replace("plugins:{legend:{display:false}},", "")
    config = config[:-2] + note + "}}"
    chart = prepared(config, version)
    assert not any("not drawn" in w for w in chart.warnings), chart.warnings
    picture = drawn_rgb(config, version, width=400, height=300, device_pixel_ratio=1)
    red, blue = _extent(_mask(picture, RED)), _extent(_mask(picture, BLUE))
    green_rows = np.flatnonzero(_mask(picture, GREEN).sum(axis=1) > 100)
    assert green_rows.size and abs(green_rows.mean() - red[0]) <= 2
    label = _extent(_mask(picture, (255, 0, 255)))
    assert blue[0] - 4 - 3 <= label[1] < blue[0]  # offset 4 px above the bar's top
    assert label[2] >= blue[2] - 2 and label[3] <= blue[3] + 2  # over the right bar
