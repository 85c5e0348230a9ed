"""Options Chart.js draws that shape a chart's text and boxes (issue 12, "looks"): axis titles'
fonts and colours, read in both versions' spellings, refused with their path where Chart.js
could not use a value, and drawn where and as Chart.js draws them."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from chartfn.chartjs.translate import TranslationError
from chartfn.models.axis_ticks import RadialLook
from chartfn.models.series_style import SeriesStyle
from chartjs_render import (
    drawn_on_white,
    layout_of,
    on_white,
    overlays,
    png_and_layout_of,
    prepared,
    texts,
)

RED = (255, 0, 0)
BLUE = (0, 0, 255)


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
    picture = drawn_on_white(BAR % V2_TITLES, width=400, height=300, device_pixel_ratio=1)
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


# --- legend boxes -------------------------------------------------------------------------------

LINES = (
    "{type:'line',data:{labels:['a','b'],datasets:[{label:'Plums 12',data:[1,2],"
    "borderColor:'#ff0000',backgroundColor:'#ff0000',fill:false},{label:'Pears 12',"
    "data:[2,1],borderColor:'#0000ff',backgroundColor:'#0000ff',fill:false}]},options:{%s}}"
)


def test_legend_box_options_in_each_versions_spelling() -> None:
    v2 = overlays(BAR % "legend:{align:'end',labels:{boxWidth:60,boxHeight:30,padding:25}}").look
    assert (v2.legend_box_width, v2.legend_padding, v2.legend_align) == (60.0, 25.0, "end")
    assert v2.legend_box_height is None  # boxHeight is Chart.js 3's
    v4 = overlays(
        BAR % "plugins:{legend:{align:'start',labels:{boxWidth:8,boxHeight:30,padding:0}}}", 4
    ).look
    assert (v4.legend_box_width, v4.legend_box_height, v4.legend_padding) == (8.0, 30.0, 0.0)
    assert v4.legend_align == "start"
    plain = overlays(BAR % "legend:{align:'middle',labels:{boxWidth:'wide'}}").look
    assert (plain.legend_box_width, plain.legend_align) == (None, "center")  # ignored


def swatches(config: str, version: int = 2) -> list[tuple[float, float, float, float]]:
    legend = layout_of(config, version, width=500, height=300, device_pixel_ratio=2).legend
    return [entry.swatch_rect for entry in legend]


@pytest.mark.parametrize("version", [2, 4])
def test_legend_boxes_are_drawn_box_width_by_the_font_size_and_padding_apart(version: int) -> None:
    legend = "legend:{labels:{boxWidth:%d,padding:%d}}"
    if version > 2:
        legend = f"plugins:{{{legend}}}"
    first, second = swatches(LINES % (legend % (60, 10)), version)
    # device pixel ratio 2: 60 CSS px wide, 12 (the font size) high
    assert (first[2] - first[0], first[3] - first[1]) == pytest.approx((120.0, 24.0))
    wider_apart = swatches(LINES % (legend % (60, 50)), version)
    assert wider_apart[1][0] - wider_apart[0][0] == pytest.approx(second[0] - first[0] + 80.0)


@pytest.mark.parametrize("version", [2, 4])
def test_a_legend_that_sets_no_box_has_chartjs_default_boxes(version: int) -> None:
    first, second = swatches(LINES % "", version)
    # device pixel ratio 2: Chart.js's 40 CSS px by the 12 px font
    assert (first[2] - first[0], first[3] - first[1]) == pytest.approx((80.0, 24.0))
    assert (second[2] - second[0]) == pytest.approx(80.0)


def test_a_v4_box_height_and_the_point_styles_square() -> None:
    config = LINES % "plugins:{legend:{labels:{boxWidth:30,boxHeight:20}}}"
    box = swatches(config, 4)[0]
    assert (box[2] - box[0], box[3] - box[1]) == pytest.approx((60.0, 40.0))
    config = LINES % "legend:{labels:{boxWidth:30,usePointStyle:true}}"
    box = swatches(config)[0]
    assert (box[2] - box[0], box[3] - box[1]) == pytest.approx((24.0, 24.0))


@pytest.mark.parametrize("version", [2, 4])
def test_legend_align_moves_the_entries_along_their_side(version: int) -> None:
    legend = "legend:{align:'%s'}" if version == 2 else "plugins:{legend:{align:'%s'}}"
    starts = {a: swatches(LINES % (legend % a), version)[0][0] for a in ("start", "center", "end")}
    assert starts["start"] < starts["center"] < starts["end"]
    column = "legend:{position:'right',align:'%s'}"
    if version > 2:
        column = "plugins:{legend:{position:'right',align:'%s'}}"
    tops = {a: swatches(LINES % (column % a), version)[0][3] for a in ("start", "center", "end")}
    assert tops["start"] > tops["center"] > tops["end"]  # y grows upwards


@pytest.mark.parametrize(
    ("options", "version", "path"),
    [
        ("legend:{labels:{boxWidth:501}}", 2, "options.legend.labels.boxWidth"),
        ("legend:{labels:{padding:-1}}", 2, "options.legend.labels.padding"),
        ("plugins:{legend:{labels:{boxHeight:1e9}}}", 4, "options.plugins.legend.labels.boxHeight"),
    ],
)
def test_legend_box_values_chartjs_cannot_use(options: str, version: int, path: str) -> None:
    with pytest.raises(TranslationError) as caught:
        prepared(BAR % options, version)
    assert caught.value.path == path


def test_a_legend_box_is_painted_its_width() -> None:
    low_red = LINES.replace("data:[1,2]", "data:[0,0]").replace("data:[2,1]", "data:[9,8]")
    picture = drawn_on_white(
        low_red % "legend:{labels:{boxWidth:150}}", width=500, height=300, device_pixel_ratio=1
    )
    red = ink(picture, RED)
    legend_rows = red[red[:, 0] < 40]  # the legend's row, above the plot
    assert legend_rows[:, 1].max() - legend_rows[:, 1].min() + 1 >= 149


# --- title at the side, title align ------------------------------------------------------------


def test_title_position_and_align_in_each_versions_spelling() -> None:
    v2 = overlays(BAR % "title:{display:true,text:'t',position:'left',align:'end'}")
    assert (v2.look.title_side, v2.look.title_align) == ("left", "center")  # no align in 2.9.4
    v4 = overlays(BAR % "plugins:{title:{display:true,text:'t',position:'right',align:'start'}}", 4)
    assert (v4.look.title_side, v4.look.title_align) == ("right", "start")
    top = overlays(BAR % "plugins:{title:{display:true,text:'t',align:'sideways'}}", 4).look
    assert (top.title_side, top.title_align) == (None, "center")


def test_a_side_title_is_no_longer_warned() -> None:
    chart = prepared(BAR % "title:{display:true,text:'t',position:'left'}")
    assert not any("title" in warning for warning in chart.warnings)


@pytest.mark.parametrize("version", [2, 4])
def test_a_legend_at_the_top_spans_the_width_beside_a_left_title(version: int) -> None:
    """Chart.js's legend is a full-width box: aligned to the start, beside a title on the left,
    its first entry starts at the chart's left edge, over the title, not after it (fidelity
    pair looks-v2-bar-borders-axis-titles-legend-box: Chart.js's legend from x 20)."""
    options = "title:{display:true,text:'Upright 12',position:'left'},legend:{align:'start'}"
    if version == 4:
        options = "plugins:{" + options + "}"
    placed = layout_of(BAR % options, version, width=500, height=300)
    [title] = [label for label in placed.labels if label.text == "Upright 12"]
    [entry] = placed.legend
    assert entry.swatch_rect[0] < title.box[2]


def _red_title(position: str, align: str = "center") -> str:
    return BAR % (
        f"plugins:{{title:{{display:true,text:'Sideways 12',position:'{position}',"
        f"align:'{align}',color:'#ff0000',font:{{size:24}}}}}}"
    )


@pytest.mark.parametrize(("position", "angle"), [("left", 90.0), ("right", 270.0)])
def test_a_side_title_is_turned_upright_beside_the_plot(position: str, angle: float) -> None:
    drawn = {label.text: label for label in texts(_red_title(position), 4, device_pixel_ratio=1)}
    title = drawn["Sideways 12"]
    assert title.angle == angle
    x0, y0, x1, y1 = title.box
    assert y1 - y0 > 2 * (x1 - x0)  # taller than wide
    picture = drawn_on_white(_red_title(position), 4, width=500, height=300, device_pixel_ratio=1)
    red, bars = ink(picture, RED), ink(picture, (0, 255, 0))
    if position == "left":
        assert red[:, 1].max() < bars[:, 1].min()
    else:
        assert red[:, 1].min() > bars[:, 1].max()
    # the ink lies in the box the layout gave it (the picture's rows run downwards)
    assert red[:, 1].min() >= x0 - 1 and red[:, 1].max() <= x1 + 1
    assert red[:, 0].min() >= 300 - y1 - 1 and red[:, 0].max() <= 300 - y0 + 1


def test_a_side_titles_align_puts_its_start_at_the_start() -> None:
    def box(position: str, align: str) -> tuple[float, float, float, float]:
        found = texts(_red_title(position, align), 4, device_pixel_ratio=1)
        return next(label.box for label in found if label.text == "Sideways 12")

    # on the left it reads upwards: start is the bottom; on the right downwards: the top
    assert box("left", "start")[1] < box("left", "center")[1] < box("left", "end")[1]
    assert box("right", "start")[3] > box("right", "center")[3] > box("right", "end")[3]
    top = {a: box("top", a)[0] for a in ("start", "center", "end")}
    assert top["start"] < top["center"] < top["end"]


def test_a_right_title_on_a_50_px_wide_chart_stays_inside() -> None:
    for position in ("left", "right"):
        for label in texts(_red_title(position), 4, width=50, height=300, device_pixel_ratio=1):
            x0, y0, x1, y1 = label.box
            assert x0 >= -0.5 and y0 >= -0.5 and x1 <= 50.5 and y1 <= 300.5, label.text


# --- bar borders --------------------------------------------------------------------------------


def bar_style(config: str, version: int = 2, index: int = 0) -> SeriesStyle:
    found = prepared(config, version).styles
    assert found is not None
    style = found.of(index)
    assert style is not None
    return style


BORDERED = (
    "{type:'%s',data:{labels:['Up 12','Down 12'],datasets:[{label:'Tins 12',data:[6,-4],"
    "backgroundColor:'#ff0000',borderColor:'#0000ff',borderWidth:%s%s}]},"
    "options:{legend:{display:false},scales:{%s}}}"
)


def bordered(kind: str = "bar", width: str = "8", extra: str = "", scales: str = "") -> str:
    return BORDERED % (kind, width, extra, scales)


def test_bar_border_options_in_each_versions_spelling() -> None:
    style = bar_style(bordered(width="[3,'5']", extra=",borderColor:['red','#00f']"))
    assert style.bar_border_widths == (3.0, 5.0)
    assert style.bar_border_colors == ("#ff0000", "#0000ff")
    assert style.bar_border_skipped == "start"
    v4 = (
        "{type:'bar',data:{labels:['a'],datasets:[{data:[1],backgroundColor:'red'}]},"
        "options:{elements:{bar:{borderWidth:2,borderSkipped:false}}}}"
    )
    style = bar_style(v4, 4)
    assert style.bar_border_widths == (2.0,) and style.bar_border_skipped is None
    assert style.bar_border_colors == ("#0000001a",)  # Chart.js's default border colour
    # v2's element is the rectangle; v4 reads elements.bar only
    v2_spelling = v4.replace("bar:{", "rectangle:{")
    assert bar_style(v2_spelling, 2).bar_border_widths == (2.0,)
    assert prepared(v2_spelling, 4).styles.of(0) is None  # no border: the engine's bars


def test_a_v2_dataset_without_colours_keeps_chartjss_border_colour() -> None:
    # QuickChart's colorschemes fork gives a v2 bar its Tableau 10 background only
    config = "{type:'bar',data:{labels:['a'],datasets:[{data:[1],borderWidth:2}]}}"
    assert bar_style(config).bar_border_colors == ("#0000001a",)


@pytest.mark.parametrize(
    ("extra", "path"),
    [
        (",borderWidth:'wide'", "data.datasets[0].borderWidth"),
        (",borderWidth:[1,{}]", "data.datasets[0].borderWidth[1]"),
        (",borderColor:'#12',borderWidth:1", "data.datasets[0].borderColor"),
    ],
)
def test_bar_border_values_chartjs_cannot_use(extra: str, path: str) -> None:
    config = "{type:'bar',data:{labels:['a','b'],datasets:[{data:[1,2]" + extra + "}]}}"
    with pytest.raises(TranslationError) as caught:
        prepared(config)
    assert caught.value.path == path


def test_per_side_widths_and_per_corner_radii_are_warned() -> None:
    config = (
        "{type:'bar',data:{labels:['a'],datasets:[{data:[1],borderWidth:{top:2},"
        "borderRadius:{topLeft:4}}]}}"
    )
    assert any("borderWidth" in w for w in prepared(config, 4).warnings)
    config = config.replace("{top:2}", "2")
    assert any("borderRadius" in w for w in prepared(config, 4).warnings)


def _runs(mask: np.ndarray) -> int:
    """The length of the longest run of True."""
    best = run = 0
    for value in mask:
        run = run + 1 if value else 0
        best = max(best, run)
    return best


def test_a_vertical_bars_border_is_inside_it_and_open_at_the_base() -> None:
    picture = drawn_on_white(bordered(), width=300, height=300, device_pixel_ratio=1)
    blue = np.all(np.abs(picture - np.array(BLUE)) <= 40, axis=2)
    red = np.all(picture == RED, axis=2)
    columns = np.flatnonzero(red.any(axis=0))
    up = columns[columns < 150]  # the first bar, 6 high, on the left
    middle = int(up[len(up) // 2])
    column = blue[:, middle]
    rows = np.flatnonzero(column)
    # at the bar's middle: an 8 px border at its top (the value's end) only
    assert 7 <= _runs(column) <= 9
    zero_row = int(np.flatnonzero(red[:, middle]).max())
    assert rows.max() < zero_row  # no border at the base
    # and 8 px at each side, inside the bar
    across = blue[int(np.flatnonzero(red[:, middle]).mean()), :150]
    assert 15 <= across.sum() <= 18
    # the bar below the base: its border at the bottom (its value's end), its top open
    down = columns[columns > 150]
    middle = int(down[len(down) // 2])
    rows = np.flatnonzero(blue[:, middle])
    assert rows.min() > np.flatnonzero(red[:, middle]).min()  # base (top) open


def test_a_horizontal_bars_border_is_open_at_its_left_base() -> None:
    picture = drawn_on_white(bordered("horizontalBar"), width=300, height=300, device_pixel_ratio=1)
    blue = np.all(np.abs(picture - np.array(BLUE)) <= 40, axis=2)
    red = np.all(picture == RED, axis=2)
    rows = np.flatnonzero(red.any(axis=1))
    first = rows[rows < 150]  # the first category, at the top
    row = int(first[len(first) // 2])
    red_columns = np.flatnonzero(red[row])
    blue_columns = np.flatnonzero(blue[row])
    assert blue_columns.min() > red_columns.min()  # the base, on the left, is open
    assert 7 <= _runs(blue[row]) <= 9  # the value's end
    assert np.all(blue_columns > red_columns.max())


@pytest.mark.parametrize("skipped", ["false", "'end'", "'top'"])
def test_border_skipped_by_name(skipped: str) -> None:
    picture = drawn_on_white(
        bordered(extra=f",borderSkipped:{skipped}"), width=300, height=300, device_pixel_ratio=1
    )
    blue = np.all(np.abs(picture - np.array(BLUE)) <= 40, axis=2)
    red = np.all(picture == RED, axis=2)
    columns = np.flatnonzero(red.any(axis=0))
    middle = int(columns[columns < 150][len(columns[columns < 150]) // 2])
    red_rows, blue_rows = np.flatnonzero(red[:, middle]), np.flatnonzero(blue[:, middle])
    at_top, at_base = blue_rows.min() < red_rows.min(), blue_rows.max() > red_rows.max()
    assert (at_top, at_base) == {
        "false": (True, True),
        "'end'": (False, True),
        "'top'": (False, True),
    }[skipped]


def test_a_bordered_chart_after_others_is_the_chart_rendered_first() -> None:
    config = bordered(width="[5,30]", extra=",borderSkipped:'left'")
    first = drawn_on_white(config, width=211, height=233)
    drawn_on_white(bordered("horizontalBar", "2"), width=211, height=233)
    drawn_on_white(bordered(width="400"), width=211, height=233)
    assert np.array_equal(drawn_on_white(config, width=211, height=233), first)


# --- radar and polar area scales ----------------------------------------------------------------

RADAR = (
    "{type:'radar',data:{labels:['Rowan 12','Elder 12','Hazel 12','Alder 12'],datasets:[{"
    "label:'Nuts 12',data:[4,9,6,2],borderColor:'#00ff00',backgroundColor:'#00ff0000',"
    "pointBackgroundColor:'#00ff00'}]},options:{legend:{display:false},%s}}"
)
V2_RADIAL = (
    "scale:{pointLabels:{fontColor:'#ff0000',fontSize:18,fontStyle:'bold'},ticks:{fontColor:"
    "'#0000ff',backdropColor:'#ffff00'},angleLines:{color:'#ff00ff'},gridLines:{color:'#00ffff'}}"
)
V4_RADIAL = (
    "scales:{r:{pointLabels:{color:'#ff0000',font:{size:18,weight:'bold'}},ticks:{color:"
    "'#0000ff',backdropColor:'#ffff00'},angleLines:{color:'#ff00ff'},grid:{color:'#00ffff'}}}"
)


def ticks_of(config: str, version: int = 2) -> Any:
    return prepared(config, version).ticks


@pytest.mark.parametrize(("options", "version"), [(V2_RADIAL, 2), (V4_RADIAL, 4)])
def test_radial_scale_looks_in_each_versions_spelling(options: str, version: int) -> None:
    look = ticks_of(RADAR % options, version).r_look
    assert (look.point_label_color, look.point_label_size, look.point_label_bold) == (
        "#ff0000",
        18.0,
        True,
    )
    assert (look.tick_color, look.backdrop_color) == ("#0000ff", "#ffff00")
    assert (look.angle_line_color, look.grid_color) == ("#ff00ff", "#00ffff")
    other = ticks_of(RADAR % (V4_RADIAL if version == 2 else V2_RADIAL), version).r_look
    # the other version's spelling means nothing here: the version's defaults
    assert other == RadialLook(chartjs_version=version)
    picture = drawn_on_white(RADAR % options, version, width=400, height=300, device_pixel_ratio=2)
    for color in (RED, BLUE, (255, 255, 0), (255, 0, 255), (0, 255, 255)):
        assert len(ink(picture, color)) > 20, color
    drawn = {label.text: label for label in texts(RADAR % options, version, device_pixel_ratio=1)}
    assert drawn["Rowan 12"].font.get_size_in_points() == pytest.approx(18 * 0.72)
    assert drawn["Rowan 12"].font.get_weight() == "bold"


def test_hidden_point_labels_backdrops_and_angle_lines() -> None:
    hidden = (
        "scale:{pointLabels:{display:false},ticks:{showLabelBackdrop:false,fontColor:'#0000ff'},"
        "angleLines:{display:false,color:'#ff00ff'}}"
    )
    names = {label.text for label in texts(RADAR % hidden, device_pixel_ratio=1)}
    assert "Rowan 12" not in names and names & {"2", "4", "6", "8", "10"}
    picture = drawn_on_white(RADAR % hidden, width=400, height=300)
    assert len(ink(picture, (255, 0, 255))) == 0  # no spokes
    shown = drawn_on_white(
        RADAR % hidden.replace("display:false,color", "color"), width=400, height=300
    )
    assert len(ink(shown, (255, 0, 255))) > 20


@pytest.mark.parametrize(
    ("options", "version", "path"),
    [
        ("scale:{pointLabels:{fontColor:'nope'}}", 2, "options.scale.pointLabels.fontColor"),
        ("scale:{pointLabels:{fontSize:-2}}", 2, "options.scale.pointLabels.fontSize"),
        ("scales:{r:{ticks:{backdropColor:'#1'}}}", 4, "options.scales.r.ticks.backdropColor"),
        ("scales:{r:{angleLines:{color:['#zz']}}}", 4, "options.scales.r.angleLines.color[0]"),
    ],
)
def test_radial_look_values_chartjs_cannot_use(options: str, version: int, path: str) -> None:
    with pytest.raises(TranslationError) as caught:
        prepared(RADAR % options, version)
    assert caught.value.path == path


@pytest.mark.parametrize(("width", "height"), [(50, 50), (120, 400), (800, 60)])
def test_point_labels_at_200_px_stay_inside(width: int, height: int) -> None:
    big = "scale:{pointLabels:{fontSize:200},ticks:{fontColor:'red'}}"
    for label in texts(RADAR % big, width=width, height=height, device_pixel_ratio=1):
        x0, y0, x1, y1 = label.box
        assert x0 >= -0.5 and y0 >= -0.5 and x1 <= width + 0.5 and y1 <= height + 0.5


def test_a_radar_with_a_look_after_others_is_the_radar_rendered_first() -> None:
    config = RADAR % V2_RADIAL
    first = drawn_on_white(config, width=233, height=211)
    drawn_on_white(RADAR % V2_RADIAL.replace("18", "7"), width=233, height=211)
    drawn_on_white(RADAR % "", width=233, height=211)
    assert np.array_equal(drawn_on_white(config, width=233, height=211), first)


# --- point radius per value ---------------------------------------------------------------------

POINTS = (
    "{type:'line',data:{labels:['a','b','c','d'],datasets:[{label:'Dots 12',data:[1,3,2,4],"
    "fill:false,showLine:false,pointRadius:%s,pointBackgroundColor:['#ff0000','#0000ff',"
    "'#ff0000','#ff0000'],pointBorderColor:['#ff0000','#0000ff','#ff0000','#ff0000']}]},"
    "options:{legend:{display:false},elements:{point:{radius:%s}}}}"
)


@pytest.mark.parametrize("version", [2, 4])
def test_point_radius_arrays_give_each_point_its_radius(version: int) -> None:
    style = bar_style(POINTS % ("[2,12,'5']", "7"), version)
    assert style.point_radii == (2.0, 12.0, 5.0, 7.0)  # past the array: elements.point.radius
    picture = drawn_on_white(POINTS % ("[3,12,3,3]", "3"), version, width=300, height=200)
    blue, red = len(ink(picture, BLUE)), len(ink(picture, RED))
    # one blue point of radius 12 against three red ones of radius 3 (device pixel ratio 2)
    assert blue > 3 * red


def test_a_point_radius_array_entry_chartjs_cannot_use() -> None:
    with pytest.raises(TranslationError) as caught:
        prepared(POINTS % ("[3,'big']", "3"))
    assert caught.value.path == "data.datasets[0].pointRadius[1]"


def test_points_with_radius_arrays_after_others_are_the_points_rendered_first() -> None:
    config = POINTS % ("[3,500,0,40]", "3")
    first = drawn_on_white(config, width=217, height=201)
    drawn_on_white(POINTS % ("[9,1]", "30"), width=217, height=201)
    assert np.array_equal(drawn_on_white(config, width=217, height=201), first)


# --- tick label fonts per axis ------------------------------------------------------------------

V2_TICKS = (
    "scales:{xAxes:[{ticks:{fontSize:20,fontStyle:'bold'}}],yAxes:[{ticks:{fontSize:9,"
    "beginAtZero:true}}]}"
)
V4_TICKS = "scales:{x:{ticks:{font:{size:20,weight:'bold'}}},y:{ticks:{font:{size:9}}}}"


@pytest.mark.parametrize(("options", "version"), [(V2_TICKS, 2), (V4_TICKS, 4)])
def test_tick_labels_take_their_axis_font(options: str, version: int) -> None:
    drawn = {label.text: label for label in texts(BAR % options, version, device_pixel_ratio=1)}
    category = drawn["Quince 12"]
    assert category.font.get_size_in_points() == pytest.approx(20 * 0.72)
    assert category.font.get_weight() == "bold"
    value = drawn["7"]
    assert value.font.get_size_in_points() == pytest.approx(9 * 0.72)
    assert value.font.get_weight() == "normal"


@pytest.mark.parametrize(("width", "height"), [(50, 50), (120, 400), (800, 60), (50, 300)])
def test_tick_labels_at_200_px_stay_inside(width: int, height: int) -> None:
    big = "scales:{xAxes:[{ticks:{fontSize:200}}],yAxes:[{ticks:{fontSize:200}}]}"
    for label in texts(BAR % big, width=width, height=height, device_pixel_ratio=1):
        x0, y0, x1, y1 = label.box
        assert x0 >= -0.5 and y0 >= -0.5 and x1 <= width + 0.5 and y1 <= height + 0.5


# --- subtitle (Chart.js 4) ----------------------------------------------------------------------

SUBTITLE = (
    "plugins:{title:{display:true,text:'Main 12'},subtitle:{display:true,text:'Under 12',"
    "color:'#0000ff',font:{size:16}%s}}"
)


def test_a_v4_subtitle_is_read_and_v2_has_none() -> None:
    look = overlays(BAR % (SUBTITLE % ""), 4).look
    assert look.subtitle_lines == ("Under 12",) and not look.subtitle_bottom
    assert (look.subtitle.size, look.subtitle.color) == (16.0, "#0000ff")
    assert overlays(BAR % (SUBTITLE % ""), 2).look.subtitle_lines == ()
    hidden = BAR % (SUBTITLE % "").replace("subtitle:{display:true", "subtitle:{display:false")
    assert overlays(hidden, 4).look.subtitle_lines == ()


@pytest.mark.parametrize("position", ["top", "bottom"])
def test_a_subtitle_is_drawn_under_the_title(position: str) -> None:
    extra = f",position:'{position}'"
    config = BAR % (SUBTITLE % extra).replace(
        "text:'Main 12'", f"text:'Main 12',position:'{position}'"
    )
    drawn = {label.text: label for label in texts(config, 4, device_pixel_ratio=1)}
    main, under = drawn["Main 12"], drawn["Under 12"]
    assert under.color == (0.0, 0.0, 1.0, 1.0) and under.font.get_weight() == "normal"
    assert under.font.get_size_in_points() == pytest.approx(16 * 0.72)
    if position == "top":  # y grows upwards: the subtitle lies lower, nearer the plot
        assert under.box[3] <= main.box[1]
    else:
        assert under.box[1] >= main.box[3]


def test_a_subtitle_of_many_long_lines_stays_inside() -> None:
    lines = ",".join(f"'{'W' * 90} {i}'" for i in range(10))
    config = BAR % (SUBTITLE % "").replace("text:'Under 12'", f"text:[{lines}]")
    for width, height in [(50, 50), (300, 80), (120, 600)]:
        for label in texts(config, 4, width=width, height=height, device_pixel_ratio=1):
            x0, y0, x1, y1 = label.box
            assert x0 >= -0.5 and y0 >= -0.5 and x1 <= width + 0.5 and y1 <= height + 0.5


@pytest.mark.parametrize("kind", ["bar", "horizontalBar"])
def test_legend_boxes_are_outlined_as_their_bars(kind: str) -> None:
    config = bordered(kind, "3").replace("legend:{display:false}", "legend:{}")
    png, placed = png_and_layout_of(config, width=300, height=200, device_pixel_ratio=2)
    (entry,) = placed.legend
    assert entry.entry.edge == (0.0, 0.0, 1.0, 1.0) and entry.entry.edge_width == 6.0
    picture = on_white(png)
    x0, y0, x1, y1 = (round(v) for v in entry.swatch_rect)
    box = picture[400 - y1 : 400 - y0, x0:x1]  # rows run downwards
    assert len(ink(box, BLUE)) > 100 and len(ink(box, RED)) > 0
    # a bar without a border keeps a plain box
    plain = prepared(config.replace("borderWidth:3", "borderWidth:0"))
    assert plain.styles is None or plain.styles.of(0) is None


# --- rounded bars (v3+) -------------------------------------------------------------------------


def test_border_radius_is_read_by_v3_and_v4_only() -> None:
    config = bordered(width="0", extra=",borderRadius:9")
    assert bar_style(config, 4).bar_border_radius == 9.0
    assert prepared(config, 2).styles.of(0) is None  # 2.9.4 has no borderRadius: square bars
    with pytest.raises(TranslationError) as caught:
        prepared(bordered(extra=",borderRadius:'round'"), 4)
    assert caught.value.path == "data.datasets[0].borderRadius"


@pytest.mark.parametrize("horizontal", [False, True])
def test_rounded_bars_have_round_ends_and_square_bases(horizontal: bool) -> None:
    scales = "},indexAxis:'y',scales:{" if horizontal else ""
    size = {"width": 300, "height": 300, "device_pixel_ratio": 1}
    rounded = drawn_on_white(
        bordered(width="0", extra=",borderRadius:20", scales=scales), 4, **size
    )
    square = drawn_on_white(bordered(width="0", scales=scales), 4, **size)
    red, square_red = ink(rounded, RED), ink(square, RED)
    assert 0 < len(red) < len(square_red) - 200  # the same bars less their rounded corners
    painted = {(int(r), int(c)) for r, c in red}
    # the first bar: its end's corners are cut, its base's corners stay square (a pixel in
    # from the corner: the rounded path's edges are smoothed)
    if horizontal:  # at the top, running right from the base
        row = int(square_red[:, 0].min())
        columns = square_red[square_red[:, 0] == row][:, 1]
        end, base = (row + 1, int(columns.max()) - 1), (row + 1, int(columns.min()) + 1)
    else:  # on the left, rising from the base
        column = int(square_red[:, 1].min())
        rows = square_red[square_red[:, 1] == column][:, 0]
        end, base = (int(rows.min()) + 1, column + 1), (int(rows.max()) - 1, column + 1)
    assert end not in painted and base in painted


def test_rounded_bars_after_others_are_the_bars_rendered_first() -> None:
    config = bordered(width="[3,9]", extra=",borderRadius:15,borderSkipped:false")
    first = drawn_on_white(config, 4, width=219, height=233)
    drawn_on_white(bordered(width="2", extra=",borderRadius:100"), 4, width=219, height=233)
    drawn_on_white(bordered(), 4, width=219, height=233)
    assert np.array_equal(drawn_on_white(config, 4, width=219, height=233), first)


# --- a legend of point styles -------------------------------------------------------------------


def test_use_point_style_shows_each_datasets_point_style() -> None:
    config = (
        "{type:'line',data:{labels:['a','b'],datasets:[{label:'Tri 12',data:[1,2],"
        "pointStyle:'triangle',borderColor:'#ff0000'},{label:'Dot 12',data:[2,1],"
        "borderColor:'#0000ff'}]},options:{legend:{labels:{usePointStyle:true}}}}"
    )
    size = {"width": 300, "height": 200, "device_pixel_ratio": 2}
    png, placed = png_and_layout_of(config, **size)
    assert [entry.entry.point_style for entry in placed.legend] == ["triangle", "circle"]
    picture = on_white(png)
    circles = drawn_on_white(config.replace("pointStyle:'triangle',", ""), **size)
    x0, y0, x1, y1 = (round(v) for v in placed.legend[0].swatch_rect)
    box = (slice(400 - y1 - 4, 400 - y0 + 4), slice(x0 - 4, x1 + 4))
    triangle, circle = ink(picture[box], RED), ink(circles[box], RED)
    assert len(triangle) > 10 and len(circle) > 10
    # a triangle's top row is narrower than a circle's widest and its base wider than its top
    rows = {r: (triangle[:, 0] == r).sum() for r in set(triangle[:, 0])}
    assert rows[min(rows)] < rows[max(rows)]
    assert not np.array_equal(picture[box], circles[box])
