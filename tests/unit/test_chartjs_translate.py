"""Chart.js configs (v2 and v3/v4 spellings) as chart specs."""

from __future__ import annotations

from typing import Any

import pytest

from chartfn.chartjs.config import JsFunction
from chartfn.chartjs.translate import SUPPORTED_TYPES, TranslationError, translate
from chartfn.models.fill_gradient import GradientStop, LinearGradient
from chartfn.models.fill_pattern import DEFAULT_PATTERN_COLOR, FillPattern


def bar(**options: Any) -> dict[str, Any]:
    return {
        "type": "bar",
        "data": {
            "labels": ["Q1", "Q2", "Q3"],
            "datasets": [
                {
                    "label": "Users",
                    "data": [50, "60", None],
                    "backgroundColor": "rgb(255, 99, 132)",
                },
                {"label": "Revenue", "data": [1.5, 2, 3], "borderColor": "#36a2eb"},
            ],
        },
        "options": options,
    }


def test_a_bar_chart_keeps_labels_data_and_colours() -> None:
    spec = translate(bar()).spec
    assert spec.kind == "bar"
    assert spec.categories == ["Q1", "Q2", "Q3"]
    assert [s.name for s in spec.series] == ["Users", "Revenue"]
    # numeric strings are numbers; null draws no bar
    assert spec.series[0].y == [50.0, 60.0, 0.0]
    assert spec.series[0].color == "#ff6384"
    # no backgroundColor: QuickChart's colorschemes fills it with Tableau 10's second colour
    # (its border colour is drawn only with a borderWidth)
    assert spec.series[1].color == "#f28e2b"
    assert not spec.stacked
    assert spec.show_legend


@pytest.mark.parametrize(
    ("version", "options"),
    [
        (2, {"scales": {"xAxes": [{"stacked": True}], "yAxes": [{"stacked": True}]}}),
        (2, {"scales": {"xAxes": [{"stacked": True}]}}),
        (3, {"scales": {"x": {"stacked": True}, "y": {"stacked": True}}}),
        (4, {"scales": {"y": {"stacked": True}}}),
    ],
)
def test_stacked_bars_in_either_spelling(version: int, options: dict[str, Any]) -> None:
    assert translate(bar(**options), version).spec.stacked


def test_the_title_and_legend_follow_the_versions_spelling() -> None:
    v2 = bar(title={"display": True, "text": ["Sales", "2026"]}, legend={"display": False})
    spec = translate(v2, 2).spec
    assert spec.title == "Sales\n2026"
    assert spec.show_legend is False
    v3 = bar(plugins={"title": {"display": True, "text": "Sales"}, "legend": {"display": False}})
    spec = translate(v3, 3).spec
    assert (spec.title, spec.show_legend) == ("Sales", False)


def test_no_title_unless_displayed_as_in_chart_js() -> None:
    assert translate(bar(title={"text": "hidden"})).spec.title == ""


def test_axis_titles_log_scale_and_limits() -> None:
    v2 = bar(
        scales={
            "xAxes": [{"scaleLabel": {"display": True, "labelString": "quarter"}}],
            "yAxes": [{"type": "logarithmic", "ticks": {"min": 1, "max": 100}}],
        }
    )
    v2["data"]["datasets"][0]["data"] = [50, 60, 70]
    spec = translate(v2, 2).spec
    assert (spec.x_label, spec.y_log, spec.y_limits) == ("quarter", True, (1.0, 100.0))
    v3 = bar(scales={"y": {"title": {"display": True, "text": "users"}, "min": 0, "max": 80}})
    spec = translate(v3, 3).spec
    assert (spec.y_label, spec.y_limits) == ("users", (0.0, 80.0))


def test_a_line_chart_keeps_gaps() -> None:
    config = {
        "type": "line",
        "data": {
            "labels": ["a", "b", "c"],
            "datasets": [{"label": "L", "data": [1, None, "3"], "borderColor": "red"}],
        },
    }
    translation = translate(config)
    assert translation.spec.kind == "line"
    assert translation.spec.series[0].y == [1.0, None, 3.0]
    assert translation.spec.series[0].color == "#ff0000"
    # the labels go on the x axis (chartjs.category_axis): no warning of them
    assert not any("labels" in warning for warning in translation.warnings)


def test_points_with_numeric_x_keep_their_x() -> None:
    config = {
        "type": "scatter",
        "data": {
            "datasets": [{"data": [{"x": 1, "y": 2}, {"x": "3", "y": 4}, {"x": 5, "y": None}]}]
        },
    }
    spec = translate(config).spec
    assert spec.kind == "scatter"
    assert (spec.series[0].x, spec.series[0].y) == ([1.0, 3.0], [2.0, 4.0])
    line = {
        "type": "line",
        "data": {"datasets": [{"data": [{"x": 0.5, "y": 1}, {"x": 2, "y": 3}]}]},
    }
    assert translate(line).spec.series[0].x == [0.5, 2.0]


def test_a_doughnut_takes_its_labels_and_a_ring_per_dataset() -> None:
    config = {
        "type": "doughnut",
        "data": {
            "labels": ["x", "y", "z"],
            "datasets": [
                {"data": [1, 2, None], "backgroundColor": ["red", "green", "blue"]},
                {"data": [5, 5, 5]},
            ],
        },
    }
    translation = translate(config)
    spec = translation.spec
    assert (spec.kind, spec.categories, spec.cutout) == ("doughnut", ["x", "y", "z"], 0.5)
    assert [s.y for s in spec.series] == [[1.0, 2.0, 0.0], [5.0, 5.0, 5.0]]
    assert spec.slice_colors == ["#ff0000", "#008000", "#0000ff"]
    assert spec.show_legend
    assert translation.dataset_indexes == (0, 1)
    assert translation.warnings == ()


def test_donut_is_doughnut_and_hidden_datasets_are_left_out() -> None:
    config = {
        "type": "donut",
        "data": {"labels": ["a"], "datasets": [{"data": [1], "hidden": True}, {"data": [2]}]},
    }
    assert translate(config).spec.series[0].y == [2.0]


def test_labels_of_any_kind_become_text() -> None:
    config = bar()
    config["data"]["labels"] = [["two", "lines"], 2.5, None]
    assert translate(config).spec.categories == ["two\nlines", "2.5", ""]


def test_bars_fit_the_labels() -> None:
    config = bar()
    config["data"]["datasets"][1]["data"] = [1, 2, 3, 4, 5]
    config["data"]["datasets"][0]["data"] = [1]
    spec = translate(config).spec
    assert [len(s.y) for s in spec.series] == [3, 3]


def test_unsupported_types_name_the_path_and_what_is_supported() -> None:
    with pytest.raises(TranslationError) as caught:
        translate({"type": "treemap", "data": {"datasets": [{"data": [1]}]}})
    assert caught.value.path == "type"
    for name in SUPPORTED_TYPES:
        assert name in str(caught.value)
    with pytest.raises(TranslationError, match="type: the chart type is missing"):
        translate({"data": {"datasets": [{"data": [1]}]}})


@pytest.mark.parametrize(
    ("value", "message"),
    [("abc", "'abc' is not a number"), (True, "a boolean"), ([1], "an array")],
)
def test_bad_values_are_located(value: object, message: str) -> None:
    config = bar()
    config["data"]["datasets"][1]["data"][2] = value
    with pytest.raises(TranslationError) as caught:
        translate(config)
    assert caught.value.path == "data.datasets[1].data[2]"
    assert message in str(caught.value)


def test_spec_limits_are_reported_at_the_config_path() -> None:
    config = bar()
    config["data"]["datasets"][1]["data"][1] = 1e300
    with pytest.raises(TranslationError) as caught:
        translate(config)
    assert caught.value.path == "data.datasets[1].data[1]"
    config = bar()
    config["data"]["datasets"][0]["backgroundColor"] = "not-a-colour"
    with pytest.raises(TranslationError, match=r"data\.datasets\[0\]\.backgroundColor"):
        translate(config)


def test_empty_data_is_refused() -> None:
    with pytest.raises(TranslationError, match=r"data\.datasets"):
        translate({"type": "bar", "data": {"datasets": []}})
    with pytest.raises(TranslationError, match="no dataset holds a number"):
        translate({"type": "line", "data": {"datasets": [{"data": [None]}]}})


def test_functions_are_named_in_the_warnings_not_dropped() -> None:
    config = bar(scales={"yAxes": [{"ticks": {"callback": JsFunction("(v) => v + '%'", 1)}}]})
    config["data"]["datasets"][0]["backgroundColor"] = JsFunction("() => 'red'", 2)
    translation = translate(config)
    [warning] = [w for w in translation.warnings if "functions" in w]
    assert "options.scales.yAxes[0].ticks.callback" in warning
    assert "data.datasets[0].backgroundColor" in warning
    assert translation.spec.series[0].color == "#4e79a7"  # not run: QuickChart's default


def test_control_characters_in_text_are_drawn_as_spaces() -> None:
    config = bar(title={"display": True, "text": "a\x00b\x1bc"})
    assert translate(config).spec.title == "a b c"


# --- what QuickChart's documentation examples showed (tests/corpus/quickchart_docs.json) --------


def _one_dataset(kind: str, data: list[Any], **dataset: Any) -> dict[str, Any]:
    return {"type": kind, "data": {"datasets": [{"data": data, **dataset}]}}


def test_an_outlabeled_pie_is_a_pie_without_a_stand_in_warning() -> None:
    translation = translate(_one_dataset("outlabeledPie", [4, 5]))
    # a Chart.js pie is drawn as a doughnut without a hole; its labels: chartjs.round_look
    assert (translation.spec.kind, translation.spec.cutout) == ("doughnut", 0.0)
    assert not any("outlabeledPie" in w for w in translation.warnings), translation.warnings


def test_a_sparkline_is_a_line_chart_drawn_as_quickchart_draws_it_without_a_warning() -> None:
    translation = translate(_one_dataset("sparkline", [4, 5, 3]))
    assert translation.spec.kind == "line"
    assert not any("sparkline" in w for w in translation.warnings), translation.warnings


def test_a_bubble_chart_keeps_its_radii_point_by_point() -> None:
    points = [{"x": 1, "y": 4, "r": 9}, {"x": "2", "y": 5}, {"x": 3, "y": None, "r": 2}]
    translation = translate(_one_dataset("bubble", points))
    series = translation.spec.series[0]
    assert translation.spec.kind == "bubble"
    assert (series.x, series.y, series.r) == ([1.0, 2.0], [4.0, 5.0], [9.0, 3.0])  # 3: default
    huge = translate(
        _one_dataset("bubble", [{"x": 1, "y": 1, "r": 1e9}, {"x": 2, "y": 1, "r": -4}])
    )
    assert huge.spec.series[0].r == [500.0, 0.0]
    with pytest.raises(TranslationError) as caught:
        translate(_one_dataset("bubble", [{"x": 1, "y": 1, "r": "big"}]))
    assert caught.value.path == "data.datasets[0].data[0].r"


def test_a_sparkline_has_no_legend_unless_its_config_asks_for_one() -> None:
    sparkline = _one_dataset("sparkline", [1, 2], label="Users")
    assert not translate(sparkline).spec.show_legend
    assert translate(_one_dataset("line", [1, 2], label="Users")).spec.show_legend
    sparkline["options"] = {"legend": {"position": "bottom"}}
    assert translate(sparkline).spec.show_legend


def test_chart_types_not_drawn_yet_differ_from_unknown_ones() -> None:
    with pytest.raises(TranslationError) as caught:
        translate(_one_dataset("treemap", [1]))
    assert caught.value.path == "type"
    assert "'treemap' is not supported yet" in str(caught.value)
    assert "sparkline" in str(caught.value)  # the stand-ins are named among what is drawn
    with pytest.raises(TranslationError, match="'bra' is not a chart type chartfn knows"):
        translate(_one_dataset("bra", [1]))


def test_a_dataset_without_data_is_empty_as_in_chartjs() -> None:
    config = {"type": "bar", "data": {"datasets": [{"label": "no data"}, {"data": [1, 2]}]}}
    assert [s.y for s in translate(config).spec.series] == [[1.0, 2.0]]
    with pytest.raises(TranslationError, match=r"data\.datasets\[0\]\.data: must be an array"):
        translate({"type": "bar", "data": {"datasets": [{"data": "1,2"}]}})


def test_data_source_plugins_are_named_when_nothing_is_left_to_draw() -> None:
    config = {
        "type": "bar",
        "data": {"datasets": [{"label": "Total payments"}]},
        "options": {"plugins": {"googleSheets": {"sheetUrl": "https://docs.google.com/x"}}},
    }
    with pytest.raises(TranslationError) as caught:
        translate(config)
    assert caught.value.path == "data.datasets"
    assert "options.plugins.googleSheets fills datasets from a URL" in str(caught.value)


@pytest.mark.parametrize(
    ("version", "options"),
    [
        (3, {"plugins": {"legend": False}}),
        (2, {"plugins": {"legend": False}}),
        (2, {"legend": False}),
    ],
)
def test_a_legend_set_to_false_is_off(version: int, options: dict[str, Any]) -> None:
    assert translate(bar(**options), version).spec.show_legend is False
    assert translate(bar(), version).spec.show_legend is True


def _gradient_marker(*stops: tuple[Any, Any], coords: list[Any] | None = None) -> dict[str, Any]:
    return {
        "$gradient": {
            "type": "linear",
            "stops": [{"offset": offset, "color": color} for offset, color in stops],
            "coords": coords if coords is not None else [0, 0, 0, "height"],
        }
    }


def test_bar_gradients_and_patterns_are_painted_with_their_colour_for_vector_output() -> None:
    gradient = _gradient_marker((0, "#33ee33"), (1, "red"))
    pattern = {
        "$pattern": {"shape": "diagonal", "backgroundColor": "#1e90ff", "patternColor": None}
    }
    config = bar()
    config["data"]["datasets"][0]["backgroundColor"] = gradient
    config["data"]["datasets"][1]["backgroundColor"] = [pattern, "blue"]
    translation = translate(config)
    # the spec's colour is what vector output draws: the first stop, the pattern's background
    assert [s.color for s in translation.spec.series] == ["#33ee33", "#1e90ff"]
    look = translation.styles.of(0)
    assert look is not None and look.gradient == LinearGradient(
        (GradientStop(0.0, "#33ee33ff"), GradientStop(1.0, "#ff0000ff")), (0.0, 0.0, 0.0, "height")
    )
    per_bar = translation.styles.of(1)
    assert per_bar is not None and per_bar.point_paints == (
        FillPattern("diagonal", "#1e90ffff", DEFAULT_PATTERN_COLOR, 20.0),
        None,
        None,
    )
    # past the array's end: Chart.js 2's defaultColor
    assert per_bar.point_colors == ("#1e90ffff", "#0000ff", "#0000001a")
    assert translation.warnings == ()
    config["data"]["datasets"][0]["backgroundColor"] = [gradient, "blue"]  # one per bar
    one_per_bar = translate(config)
    assert one_per_bar.warnings == ()
    first = one_per_bar.styles.of(0)
    assert first is not None and first.point_paints[0] == look.gradient


def test_a_line_and_a_radar_are_stroked_with_their_gradients() -> None:
    gradient = _gradient_marker((0, "#33ee33"), (1, "red"))
    config = _one_dataset("line", [1, 2])
    config["data"]["datasets"][0]["borderColor"] = gradient
    line = translate(config)
    assert line.spec.series[0].color == "#33ee33"  # where it cannot be painted
    look = line.styles.of(0)
    assert look is not None and look.border_paint is not None
    assert look.border_paint.stops[-1].color == "#ff0000ff"
    assert line.warnings == ()
    radar = _one_dataset("radar", [1, 2, 3])
    radar["data"]["labels"] = ["a", "b", "c"]
    radar["data"]["datasets"][0]["borderColor"] = gradient
    radar["data"]["datasets"][0]["backgroundColor"] = _gradient_marker((0, "blue"), (1, "red"))
    drawn = translate(radar)
    assert drawn.warnings == ()
    assert drawn.spec.series[0].color == "#33ee33"  # where it cannot be painted
    radar_look = drawn.styles.of(0)
    assert radar_look is not None and radar_look.border_paint == look.border_paint
    assert radar_look.gradient is not None and radar_look.gradient.stops[0].color == "#0000ffff"
    # one colour per value is not a radar's: its first colour, said
    radar["data"]["datasets"][0]["borderColor"] = [gradient, "blue"]
    warnings = "; ".join(translate(radar).warnings)
    assert "borderColor[0]: a gradient is drawn in its first colour" in warnings


@pytest.mark.parametrize(
    ("marker", "where"),
    [
        (_gradient_marker((0, "red"), (1, "not-a-colour")), r"\(gradient stop 1\)"),
        (_gradient_marker((0, "red"), (1.5, "blue")), r"\(gradient stop 1\).*0 to 1"),
        (_gradient_marker((0, "red"), ("x", "blue")), r"\(gradient stop 1\).*0 to 1"),
        (_gradient_marker((0, "red"), coords=[0, 0, "depth", 0]), r"\(gradient coordinate 2\)"),
        (_gradient_marker((0, "red"), coords=[0, 0]), r"\[x0, y0, x1, y1\]"),
        (_gradient_marker(*[(i / 16, "red") for i in range(17)]), "at most 16 colour stops"),
    ],
)
def test_a_gradient_chartjs_could_not_paint_is_a_400_naming_its_path(
    marker: dict[str, Any], where: str
) -> None:
    config = bar()
    config["data"]["datasets"][0]["backgroundColor"] = marker
    with pytest.raises(TranslationError, match=r"data\.datasets\[0\]\.backgroundColor.*" + where):
        translate(config)


@pytest.mark.parametrize(
    ("text", "number"),
    [("0x10", 16.0), ("0b11", 3.0), ("", 0.0), (" 12\n", 12.0), ("1e3", 1000.0), (".5", 0.5)],
)
def test_numeric_strings_are_numbers_as_javascript_reads_them(text: str, number: float) -> None:
    assert translate(_one_dataset("bar", [text])).spec.series[0].y == [number]


@pytest.mark.parametrize("text", ["1_000", "inf", "nan", "\u0661", "-0x1", "1e"])
def test_strings_javascript_reads_as_nan_are_refused_at_their_path(text: str) -> None:
    with pytest.raises(TranslationError) as caught:
        translate(_one_dataset("bar", [1, text]))
    assert caught.value.path == "data.datasets[0].data[1]"


def test_points_with_dates_for_x_say_how_they_are_placed() -> None:
    points = [{"x": "06/14/2020 09:08", "y": -29}, {"x": "06/19/2020 09:08", "y": -34}]
    line = translate(_one_dataset("line", points))
    assert line.spec.series[0].y == [-29.0, -34.0]
    assert any("evenly spaced" in w for w in line.warnings), line.warnings
    scatter = translate(_one_dataset("scatter", [*points, {"x": 3, "y": 1}]))
    assert scatter.spec.series[0].x == [3.0]
    assert any("are not drawn" in w for w in scatter.warnings), scatter.warnings


def test_configured_plugins_that_are_not_drawn_are_named() -> None:
    config = bar(
        plugins={
            "datalabels": {"anchor": "end"},
            "tickFormat": {"prefix": "$"},
            "colorschemes": {"scheme": "office.Excel16"},
            "annotation": False,
            "doughnutlabel": {"display": False},
            "someoneElsesPlugin": {"x": 1},  # unknown: ignored, as Chart.js ignores it
        }
    )
    config["data"]["datasets"][1]["datalabels"] = {"color": "red"}
    [warning] = [w for w in translate(config).warnings if "plugins" in w]
    assert warning == (
        # datalabels and annotation are drawn now (chartjs.overlays), tickFormat on a bar
        # chart's value axis (chartjs.tick_format)
        "plugins are not drawn yet: options.plugins.colorschemes"
    )
    assert not [w for w in translate(bar()).warnings if "plugins" in w]


@pytest.mark.parametrize(("kind", "alpha"), [("bar", ""), ("line", ""), ("scatter", "80")])
def test_v2_datasets_without_colours_take_quickchart_s_tableau10_by_index(
    kind: str, alpha: str
) -> None:
    datasets: list[dict[str, Any]] = [
        {"label": "a", "data": [1, 2]},
        {"label": "b", "data": [2, 3], "backgroundColor": "red", "borderColor": "red"},
        {"label": "c", "data": [3, 4], "hidden": True},
        {"label": "d", "data": [4, 5]},
    ]
    config = {"type": kind, "data": {"labels": ["x", "y"], "datasets": datasets}}
    colours = [series.color for series in translate(config, 2).spec.series]
    # the hidden dataset keeps its place in the palette, as colorschemes counts it; a
    # scatter's points (its colour) are filled with the half-transparent background
    assert colours == [f"#4e79a7{alpha}", "#ff0000", f"#76b7b2{alpha}"]
    # v3/v4 requests: Chart.js's own default, not QuickChart's v2 plugin
    assert translate(config, 4).spec.series[0].color is None
