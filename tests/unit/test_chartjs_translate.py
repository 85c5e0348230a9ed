"""Chart.js configs (v2 and v3/v4 spellings) as chart specs."""

from __future__ import annotations

from typing import Any

import pytest

from chartfn.chartjs.config import JsFunction
from chartfn.chartjs.translate import SUPPORTED_TYPES, TranslationError, translate


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
    assert spec.series[1].color == "#36a2eb"  # no backgroundColor: the border colour
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
    assert any("labels" in warning for warning in translation.warnings)


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


def test_a_pie_takes_its_labels_and_first_dataset() -> None:
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
    assert (spec.kind, spec.categories, spec.series[0].y) == (
        "pie",
        ["x", "y", "z"],
        [1.0, 2.0, 0.0],
    )
    assert spec.show_legend
    joined = " | ".join(translation.warnings)
    assert "doughnut" in joined and "first dataset" in joined and "slice colours" in joined


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
        translate({"type": "radar", "data": {"datasets": [{"data": [1]}]}})
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
    assert translation.spec.series[0].color is None


def test_control_characters_in_text_are_drawn_as_spaces() -> None:
    config = bar(title={"display": True, "text": "a\x00b\x1bc"})
    assert translate(config).spec.title == "a b c"
