"""A Chart.js config's data labels and annotations (``chartjs.overlays``): read in both
versions' spellings with QuickChart's defaults, refused with their path where the plugins
could not use a value, and drawn where Chart.js draws them."""

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
from chartfn.drawing.raster.engine import render_spec
from chartfn.models.overlays import MAX_ANNOTATIONS, BoxAnnotation, LineAnnotation, Overlays


def prepared(config: str, version: int = 2) -> PreparedChart:
    chart = prepare(QuickChartRequest(chart=config, version=version))
    chart.close()
    return chart


def overlays(config: str, version: int = 2) -> Overlays:
    found = prepared(config, version).overlays
    assert found is not None
    return found


def image(config: str, version: int = 2, **size: Any) -> np.ndarray:
    request = QuickChartRequest(chart=config, version=version, **size)
    chart = prepare(request)
    try:
        png = render_spec(chart.spec, output_for(request), chart.ticks, chart.overlays)
    finally:
        chart.close()
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


PIE = "{type:'%s',data:{labels:['a','b','c'],datasets:[{data:[30,50,20]}]}%s}"
BAR = "{type:'bar',data:{labels:['a','b','c'],datasets:[{label:'s',data:[3,5,2]}]},options:{%s}}"


# --- which data labels, with what text ----------------------------------------------------------


@pytest.mark.parametrize("kind", ["pie", "doughnut", "donut"])
def test_v2_pie_and_doughnut_get_quickcharts_data_labels(kind: str) -> None:
    (labels,) = overlays(PIE % (kind, "")).datalabels
    assert labels.texts == ("30", "50", "20")
    assert labels.anchor == "center" and labels.align == "center"


@pytest.mark.parametrize(
    ("config", "version"),
    [
        (BAR % "", 2),  # QuickChart turns them on for pie and doughnut only
        (PIE % ("pie", ""), 3),  # v3/v4: none unless asked for
        (PIE % ("pie", ",options:{plugins:{datalabels:false}}"), 4),
        (PIE % ("pie", ",options:{plugins:{datalabels:{display:false}}}"), 2),
        (BAR % "plugins:{datalabels:{display:false}}", 3),
    ],
)
def test_no_data_labels_where_quickchart_draws_none(config: str, version: int) -> None:
    assert overlays(config, version).datalabels == ()


def test_a_datasets_own_options_override_the_charts() -> None:
    config = (
        "{type:'bar',data:{labels:['a','b'],datasets:[{data:[1,2],datalabels:{color:'red'}},"
        "{data:[3,4],datalabels:{display:false}},{data:[5,6]}]},"
        "options:{plugins:{datalabels:{color:'blue',anchor:'end',align:-45}}}}"
    )
    first, third = overlays(config, 4).datalabels
    assert (first.series, first.text.color, first.anchor, first.align) == (0, "#ff0000", "end", -45)
    assert (third.series, third.text.color) == (2, "#0000ff")


def test_v3_draws_data_labels_a_dataset_asks_for() -> None:
    config = "{type:'line',data:{datasets:[{data:[1,2],datalabels:{align:'top'}},{data:[3,4]}]}}"
    (labels,) = overlays(config, 4).datalabels
    assert (labels.series, labels.align, labels.texts) == (0, "top", ("1", "2"))


def test_the_formatter_runs_in_the_sandbox_and_is_no_longer_named_as_not_run() -> None:
    config = BAR % "plugins:{datalabels:{formatter:(v, ctx) => ctx.dataIndex + ':' + v + '%'}}"
    chart = prepared(config)
    (labels,) = chart.overlays.datalabels if chart.overlays else ()
    assert labels.texts == ("0:3%", "1:5%", "2:2%")
    assert not any("formatter" in warning for warning in chart.warnings)


def test_a_formatter_returning_lines_or_null() -> None:
    config = BAR % "plugins:{datalabels:{formatter:(v) => v > 4 ? null : ['v', String(v)]}}"
    (labels,) = overlays(config).datalabels
    assert labels.texts == ("v\n3", None, "v\n2")


@pytest.mark.parametrize(
    ("options", "path"),
    [
        ("plugins:{datalabels:{color:'notacolour'}}", "options.plugins.datalabels.color"),
        ("plugins:{datalabels:{font:{size:-3}}}", "options.plugins.datalabels.font.size"),
        ("plugins:{datalabels:{offset:1e9}}", "options.plugins.datalabels.offset"),
        (
            "annotation:{annotations:[{type:'line',mode:'horizontal',scaleID:'y-axis-0',value:1,"
            "borderColor:'rgb(1,2)'}]}",
            "options.annotation.annotations[0].borderColor",
        ),
    ],
)
def test_values_the_plugins_cannot_use_are_refused_with_their_path(options: str, path: str) -> None:
    with pytest.raises(TranslationError) as caught:
        prepared(BAR % options)
    assert caught.value.path == path


def test_unknown_options_are_ignored() -> None:
    (labels,) = overlays(
        BAR % "plugins:{datalabels:{anchor:'middle',wobble:3,align:'up'}}"
    ).datalabels
    assert (labels.anchor, labels.align) == ("center", "center")


# --- annotations --------------------------------------------------------------------------------


def test_v2_annotations_in_scale_units() -> None:
    config = BAR % (
        "annotation:{annotations:[{type:'line',mode:'horizontal',scaleID:'y-axis-0',value:4,"
        "borderColor:'red',borderWidth:3,borderDash:[4,2],label:{enabled:true,content:'goal'}},"
        "{type:'line',mode:'vertical',scaleID:'x-axis-0',value:'b'},"
        "{type:'box',xMin:'a',xMax:'b',yMin:1,backgroundColor:'rgba(0,0,255,0.5)'},"
        "{type:'line',scaleID:'y-axis-0',value:'not a number'},{type:'ellipse'}]}"
    )
    line, vertical, box = overlays(config).annotations
    assert line == LineAnnotation(
        None, 4.0, None, 4.0, color="#ff0000", width=3.0, dash=(4.0, 2.0), label="goal",
        label_color="#ffffff", label_background="#000000cc",
    )  # fmt: skip
    assert (vertical.x0, vertical.x1, vertical.y0, vertical.y1) == (1.0, 1.0, None, None)
    assert isinstance(box, BoxAnnotation)
    assert (box.x0, box.x1, box.y0, box.y1, box.fill) == (0.0, 1.0, 1.0, None, "#0000ff80")


def test_v3_annotations_as_an_object_and_each_version_reads_its_own_place() -> None:
    block = (
        "annotation:{annotations:{goal:{type:'line',yMin:2,yMax:2,label:{display:true,"
        "content:['a','b']}},zone:{type:'box',xMin:0,xMax:1}}}"
    )
    v3 = overlays(BAR % f"plugins:{{{block}}}", 3).annotations
    assert [type(a) for a in v3] == [LineAnnotation, BoxAnnotation]
    assert isinstance(v3[0], LineAnnotation) and v3[0].label == "a\nb"
    assert overlays(BAR % f"plugins:{{{block}}}", 2).annotations == ()
    assert overlays(BAR % block, 4).annotations == ()


def test_the_number_of_annotations_is_bounded() -> None:
    lines = ",".join(["{type:'line',yMin:1,yMax:1}"] * (MAX_ANNOTATIONS + 1))
    with pytest.raises(TranslationError) as caught:
        prepared(BAR % f"plugins:{{annotation:{{annotations:[{lines}]}}}}", 4)
    assert caught.value.path == "options.plugins.annotation.annotations"


# --- drawn where Chart.js draws them ------------------------------------------------------------

RED = (255, 0, 0)


def _rows_and_columns(picture: np.ndarray, color: tuple[int, int, int]) -> tuple[set, set]:
    mask = np.all(picture == color, axis=2)
    return set(np.flatnonzero(mask.any(axis=1)).tolist()), set(np.flatnonzero(mask.any(axis=0)))


def test_a_horizontal_line_is_drawn_at_its_value_across_the_plot() -> None:
    """A line at 2.5: red rows halfway between the tops of bars a (3) and c (2), spanning
    most of the width."""
    config = BAR % (
        "scales:{yAxes:[{ticks:{min:0,max:5}}]},annotation:{annotations:["
        "{type:'line',mode:'horizontal',scaleID:'y-axis-0',value:2.5,borderColor:'#ff0000',"
        "borderWidth:2}]}"
    )
    picture = image(config, width=400, height=300, device_pixel_ratio=1)
    rows, columns = _rows_and_columns(picture, RED)
    assert rows and max(rows) - min(rows) <= 3, rows
    blue = np.all(picture == (31, 119, 180), axis=2)
    blue_columns = np.flatnonzero(blue.any(axis=0))
    top_of_a = np.flatnonzero(blue[:, blue_columns[0] + 2]).min()  # bar a is leftmost
    top_of_c = np.flatnonzero(blue[:, blue_columns[-1] - 2]).min()  # bar c rightmost
    middle = (top_of_a + top_of_c) / 2
    assert abs(np.mean(sorted(rows)) - middle) <= 2
    assert len(columns) > 0.7 * 400


def test_data_labels_with_a_background_sit_above_their_bars() -> None:
    config = BAR % (
        "plugins:{datalabels:{anchor:'end',align:'end',backgroundColor:'#ff0000',color:'#fff'}}"
    )
    picture = image(config, width=400, height=300, device_pixel_ratio=1)
    red = np.all(picture == RED, axis=2)
    blue = np.all(picture == (31, 119, 180), axis=2)
    labels = 0
    for column in range(0, 400):
        red_rows, blue_rows = np.flatnonzero(red[:, column]), np.flatnonzero(blue[:, column])
        if red_rows.size and blue_rows.size:
            assert red_rows.max() < blue_rows.min()  # above the bar's top (rows count down)
            labels += 1
    assert labels > 20


def test_a_v2_pie_shows_its_values_not_percentages() -> None:
    chart = prepared(PIE % ("pie", ""))
    assert chart.overlays is not None and chart.overlays.replaces_pie_texts
    from chartfn.drawing.raster import engine

    frame = output_for(QuickChartRequest(chart="{}")).frame
    texts = [label.text for label in engine.drawn_texts(chart.spec, frame, chart.overlays)]
    assert {"30", "50", "20"} <= set(texts)
    assert not any(text.endswith("%") for text in texts)


def test_a_category_value_is_looked_up_among_the_labels_before_it_is_an_index() -> None:
    """labels-6 of QuickChart's docs: labels 1…5, a line at value 2 goes at label 2 (index
    1), as Chart.js's category scale finds it; what is no label is an index ('2': 2)."""
    config = (
        "{type:'line',data:{labels:[1,2,3,4,5],datasets:[{data:[5,4,3,2,1]}]},options:{annotation:"
        "{annotations:[{type:'line',mode:'vertical',scaleID:'x-axis-0',value:2},"
        "{type:'line',mode:'vertical',scaleID:'x-axis-0',value:'2'},"
        "{type:'line',mode:'vertical',scaleID:'x-axis-0',value:0.5}]}}}"
    )
    found = overlays(config).annotations
    assert [a.x0 for a in found] == [1.0, 2.0, 0.5]
