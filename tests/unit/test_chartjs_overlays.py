"""A Chart.js config's data labels and annotations (``chartjs.overlays``): read in both
versions' spellings with QuickChart's defaults, refused with their path where the plugins
could not use a value, and drawn where Chart.js draws them."""

from __future__ import annotations

import numpy as np
import pytest

from chartfn.chartjs.config import ConfigError
from chartfn.chartjs.output import output_for
from chartfn.chartjs.request import QuickChartRequest
from chartfn.chartjs.translate import TranslationError
from chartfn.models.overlays import (
    MAX_ANNOTATIONS,
    MAX_DATA_LABELS,
    BoxAnnotation,
    LineAnnotation,
)
from chartjs_render import drawn_rgb, overlays, prepared

PIE = "{type:'%s',data:{labels:['a','b','c'],datasets:[{data:[30,50,20]}]}%s}"
BAR = "{type:'bar',data:{labels:['a','b','c'],datasets:[{label:'s',data:[3,5,2]}]},options:{%s}}"
# the same bars in a colour of their own, to find them in the image
BLUE_BAR = BAR.replace("data:[3,5,2]", "data:[3,5,2],backgroundColor:'#1f77b4'")


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
    config = BLUE_BAR % (
        "scales:{yAxes:[{ticks:{min:0,max:5}}]},annotation:{annotations:["
        "{type:'line',mode:'horizontal',scaleID:'y-axis-0',value:2.5,borderColor:'#ff0000',"
        "borderWidth:2}]}"
    )
    picture = drawn_rgb(config, width=400, height=300, device_pixel_ratio=1)
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
    config = BLUE_BAR % (
        "legend:{display:false},"  # its box is the bars' blue
        "plugins:{datalabels:{anchor:'end',align:'end',backgroundColor:'#ff0000',color:'#fff'}}"
    )
    picture = drawn_rgb(config, width=400, height=300, device_pixel_ratio=1)
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
    texts = [
        label.text
        for label in engine.drawn_texts(chart.spec, frame, chart.styles, overlays=chart.overlays)
    ]
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


# --- title, legend, padding ---------------------------------------------------------------------


def test_v2_title_and_legend_fonts_and_places() -> None:
    """fonts-1 and legend-1 of QuickChart's docs, v2 spellings."""
    look = overlays(
        BAR % "title:{display:true,text:['one','two'],fontSize:20,fontColor:'#000',"
        "fontStyle:'bold',position:'bottom'},legend:{position:'right',labels:{fontSize:10,"
        "fontColor:'#404040',fontStyle:'bold',usePointStyle:true}},layout:{padding:40}"
    ).look
    assert (look.title.size, look.title.color, look.title.bold) == (20.0, "#000000", True)
    assert look.title_bottom and look.title_lines == ("one", "two")
    assert (look.legend.size, look.legend.color, look.legend.bold) == (10.0, "#404040", True)
    assert look.legend_position == "right" and look.legend_point_style
    assert look.padding == (40.0, 40.0, 40.0, 40.0)


def test_v3_spellings_and_the_charts_colour_for_the_legend() -> None:
    look = overlays(
        BAR % "color:'#00ff00',layout:{padding:{left:5,bottom:7}},plugins:{title:{display:true,"
        "text:'t',color:'red',font:{size:30,weight:700}},legend:{position:'bottom'}}",
        4,
    ).look
    assert (look.title.size, look.title.color, look.title.bold) == (30.0, "#ff0000", True)
    assert look.title_lines == ()  # one line: the spec's title
    assert look.legend.color == "#00ff00" and look.legend_position == "bottom"
    assert look.padding == (5.0, 0.0, 0.0, 7.0)
    # each version reads its own spelling: v2's fontSize means nothing to v3
    v3 = overlays(BAR % "plugins:{title:{display:true,text:'t',fontSize:30}}", 3).look
    assert v3.title.size is None


@pytest.mark.parametrize(
    ("options", "path"),
    [
        ("title:{display:true,text:'t',fontSize:0}", "options.title.fontSize"),
        ("legend:{labels:{fontColor:'nope'}}", "options.legend.labels.fontColor"),
        ("layout:{padding:-4}", "options.layout.padding"),
        ("layout:{padding:{top:1e6}}", "options.layout.padding.top"),
    ],
)
def test_title_legend_and_padding_values_chartjs_cannot_use(options: str, path: str) -> None:
    with pytest.raises(TranslationError) as caught:
        prepared(BAR % options)
    assert caught.value.path == path


def _ink_rows(picture: np.ndarray, color: tuple[int, int, int]) -> np.ndarray:
    return np.flatnonzero(np.all(picture == color, axis=2).any(axis=1))


def _ink_columns(picture: np.ndarray, color: tuple[int, int, int]) -> np.ndarray:
    return np.flatnonzero(np.all(picture == color, axis=2).any(axis=0))


def test_a_bottom_title_and_a_right_legend_are_drawn_there() -> None:
    config = (
        "{type:'bar',data:{labels:['a','b'],datasets:[{label:'series',data:[1,2],"
        "backgroundColor:'#00ff00'}]},options:{title:{display:true,text:'TITLE',position:'bottom',"
        "fontColor:'#ff0000',fontSize:20},legend:{position:'right',labels:{fontColor:'#0000ff'}}}}"
    )
    picture = drawn_rgb(config, width=400, height=300, device_pixel_ratio=1)
    bars = _ink_rows(picture, (0, 255, 0))
    title_rows, legend_columns = _ink_rows(picture, RED), _ink_columns(picture, (0, 0, 255))
    assert title_rows.size and title_rows.min() > bars.max()  # under the bars
    assert legend_columns.size and legend_columns.min() > _ink_columns(picture, (0, 255, 0)).max()


def test_padding_moves_the_chart_in() -> None:
    config = "{type:'bar',data:{datasets:[{data:[1,2],backgroundColor:'#00ff00'}]},options:{%s}}"
    plain = drawn_rgb(config % "", width=400, height=300, device_pixel_ratio=1)
    padded = drawn_rgb(
        config % "layout:{padding:{left:100}}", width=400, height=300, device_pixel_ratio=1
    )
    green = (0, 255, 0)
    assert _ink_columns(padded, green).min() >= _ink_columns(plain, green).min() + 80


@pytest.mark.parametrize("radius", [0, 8])
def test_a_border_radius_rounds_the_label_box(radius: int) -> None:
    config = (
        "{type:'bar',data:{labels:['a'],datasets:[{data:[1],backgroundColor:'#0000ff'}]},"
        "options:{legend:{display:false},plugins:{datalabels:{backgroundColor:'#ff0000',"
        f"padding:10,color:'#ffffff',borderRadius:{radius}}}}}}}}}"
    )
    picture = drawn_rgb(config, width=400, height=300, device_pixel_ratio=1)
    red = np.all(picture == RED, axis=2)
    rows, columns = np.flatnonzero(red.any(axis=1)), np.flatnonzero(red.any(axis=0))
    assert rows.size and columns.size
    corner = red[rows.min(), columns.min()] and red[rows.max(), columns.max()]
    middle = red[rows.min(), (columns.min() + columns.max()) // 2]
    assert middle and corner == (radius == 0)


LINE_LABEL = (
    "{type:'line',mode:'horizontal',scaleID:'%s',value:1,"
    "label:{enabled:true,display:true,content:'limit',backgroundColor:'#ff0000',position:'%s'}}"
)


@pytest.mark.parametrize(
    ("position", "version", "side"),
    [("left", 2, "left"), ("right", 2, "right"), ("center", 2, "middle"), ("75%", 4, "right"),
     ("start", 4, "left")],
)  # fmt: skip
def test_a_line_labels_position_along_the_line(position: str, version: int, side: str) -> None:
    """v2 names the side, v3+ the end or a percentage along the line from its left end."""
    if version == 2:
        place = f"annotation:{{annotations:[{LINE_LABEL % ('y-axis-0', position)}]}}"
    else:
        place = f"plugins:{{annotation:{{annotations:[{LINE_LABEL % ('y', position)}]}}}}"
    config = BAR % f"legend:{{display:false}},{place}"
    picture = drawn_rgb(config, version, width=400, height=300, device_pixel_ratio=1)
    columns = _ink_columns(picture, RED)
    assert columns.size
    middle = (columns.min() + columns.max()) / 2
    third = {"left": middle < 400 / 3, "right": middle > 2 * 400 / 3, "middle": 150 < middle < 250}
    assert third[side], (columns.min(), columns.max())


@pytest.mark.parametrize("display", ["true", "'auto'"])
def test_display_auto_hides_labels_that_would_overlap(display: str) -> None:
    values = ",".join(str(1000.5 + i) for i in range(60))  # labels end in .5, no tick does
    datalabels = f"plugins:{{datalabels:{{display:{display}}}}}"
    config = f"{{type:'line',data:{{datasets:[{{data:[{values}]}}]}},options:{{{datalabels}}}}}"
    chart = prepared(config)
    from chartfn.drawing.raster import engine

    frame = output_for(QuickChartRequest(chart="{}", width=300, height=200)).frame
    drawn = engine.drawn_texts(chart.spec, frame, chart.styles, overlays=chart.overlays)
    texts = [t for t in drawn if t.text.endswith(".5")]
    if display == "true":
        assert len(texts) == 60
    else:
        assert 3 < len(texts) < 30
        boxes = [t.box for t in texts]
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])


def test_display_and_colours_per_value_from_arrays_and_functions() -> None:
    """labels-5 of QuickChart's docs hides labels with a display function; the plugin's
    options are indexable (arrays) and scriptable (functions of the context) alike."""
    chart = prepared(
        BAR % "plugins:{datalabels:{display:(ctx) => ctx.dataIndex !== 1,"
        "color:['red', 'blue'],backgroundColor:(ctx) => ctx.dataset.data[ctx.dataIndex] > 2 ?"
        " '#00ff00' : null}}"
    )
    assert chart.overlays is not None
    (labels,) = chart.overlays.datalabels
    assert labels.texts == ("3", None, "2")
    assert labels.colors == ("#ff0000", "#0000ff", None)
    assert labels.backgrounds == ("#00ff00", "#00ff00", None)
    assert not any("display" in w or "backgroundColor" in w for w in chart.warnings)


def test_a_scriptable_option_that_throws_is_refused_with_its_path() -> None:
    with pytest.raises(ConfigError) as caught:
        prepared(BAR % "plugins:{datalabels:{color:(ctx) => ctx.nothing.here}}")
    assert "options.plugins.datalabels.color" in str(caught.value)


def test_a_per_value_background_is_drawn_for_its_value_only() -> None:
    config = BAR % "legend:{display:false},plugins:{datalabels:{backgroundColor:['#ff0000']}}"
    picture = drawn_rgb(config, width=400, height=300, device_pixel_ratio=1)
    columns = _ink_columns(picture, RED)
    assert columns.size and columns.max() < 400 / 3  # the label of bar a, the first value


def test_a_label_box_is_outlined_in_its_border_colour() -> None:
    """labels-4 of QuickChart's docs outlines its labels (borderColor, borderWidth)."""
    config = BAR % (
        "legend:{display:false},plugins:{datalabels:{borderColor:'#ff0000',borderWidth:2,"
        "backgroundColor:'#ffffff',borderRadius:5}}"
    )
    picture = drawn_rgb(config, width=400, height=300, device_pixel_ratio=1)
    assert _ink_columns(picture, RED).size > 30
    assert _ink_columns(drawn_rgb(BAR % "legend:{display:false}"), RED).size == 0


@pytest.mark.parametrize(("draw_time", "version"), [("beforeDatasetsDraw", 2), ("afterDraw", 2),
                                                    ("beforeDraw", 4), (None, 4)])  # fmt: skip
def test_a_box_drawn_before_the_datasets_lies_under_the_bars(
    draw_time: str | None, version: int
) -> None:
    box = "{type:'box',yMin:0,yMax:10,backgroundColor:'#ff0000'%s}" % (
        f",drawTime:'{draw_time}'" if draw_time and version == 2 else ""
    )
    if version == 2:
        place = f"annotation:{{annotations:[{box}]}}"
    else:
        common = f"common:{{drawTime:'{draw_time}'}}," if draw_time else ""
        place = f"plugins:{{annotation:{{{common}annotations:[{box}]}}}}"
    config = (
        "{type:'bar',data:{labels:['a','b'],datasets:[{data:[5,5],backgroundColor:'#0000ff'}]},"
        f"options:{{legend:{{display:false}},{place}}}}}"
    )
    picture = drawn_rgb(config, version, width=400, height=300, device_pixel_ratio=1)
    bars_seen = _ink_rows(picture, (0, 0, 255)).size > 0
    assert _ink_rows(picture, RED).size > 0
    assert bars_seen == (draw_time in ("beforeDatasetsDraw", "beforeDraw"))


def test_the_number_of_data_labels_drawn_is_bounded() -> None:
    count = MAX_DATA_LABELS // 2 + 10
    values = ",".join("1" for _ in range(count))
    config = (
        f"{{type:'line',data:{{datasets:[{{data:[{values}]}},{{data:[{values}]}}]}},"
        "options:{plugins:{datalabels:{display:true}}}}"
    )
    chart = prepared(config)
    assert chart.overlays is not None
    drawn = [t for labels in chart.overlays.datalabels for t in labels.texts if t]
    assert len(drawn) == MAX_DATA_LABELS
    assert any(f"the first {MAX_DATA_LABELS} are drawn" in w for w in chart.warnings)
