"""Configs that name no colours take what QuickChart's Chart.js gives them: v2 its
colorschemes fork's Tableau 10; v3/v4 (the plugin colours v2 charts only) Chart.js 4's Colors
plugin palette, 3.9's rgba(0,0,0,0.1)."""

from __future__ import annotations

import copy
from typing import Any

from chartfn.chartjs.default_colors import with_default_colors
from chartfn.chartjs.translate import TABLEAU10, translate

BLUE_HALF, RED_HALF = "#36a2eb80", "#ff638480"  # rgba(54,162,235,0.5), rgba(255,99,132,0.5)
BLUE, RED, ORANGE = "#36a2eb", "#ff6384", "#ff9f40"
FAINT = "#0000001a"  # rgba(0,0,0,0.1)


def chart(kind: str, *datasets: dict[str, Any], **options: Any) -> dict[str, Any]:
    return {
        "type": kind,
        "data": {"labels": ["a", "b", "c"], "datasets": list(datasets)},
        "options": options,
    }


def series_colors(config: dict[str, Any], version: int) -> list[str | None]:
    return [s.color for s in translate(config, version).spec.series]


def test_v4_bars_take_the_colors_plugin_palette_by_dataset() -> None:
    config = chart("bar", {"data": [1, 2, 3]}, {"data": [3, 2, 1]})
    assert series_colors(config, 4) == [BLUE_HALF, RED_HALF]


def test_v4_lines_are_drawn_in_the_opaque_border_colours() -> None:
    config = chart("line", {"data": [1, 2, 3]}, {"data": [3, 2, 1]})
    assert series_colors(config, 4) == [BLUE, RED]


def test_v4_doughnut_slices_take_one_opaque_colour_per_value() -> None:
    spec = translate(chart("doughnut", {"data": [1, 2, 3]}), 4).spec
    assert spec.slice_colors == [BLUE, RED, ORANGE]


def test_v3_takes_chartjs_3s_faint_grey() -> None:
    assert series_colors(chart("bar", {"data": [1, 2, 3]}), 3) == [FAINT]
    assert translate(chart("pie", {"data": [1, 2, 3]}), 3).spec.slice_colors == [FAINT]


def test_v2_keeps_quickcharts_tableau_10() -> None:
    assert series_colors(chart("bar", {"data": [1, 2, 3]}), 2) == [TABLEAU10[0].lower()]


def test_one_coloured_dataset_turns_chartjs_4s_palette_off_for_all() -> None:
    config = chart("bar", {"data": [1, 2, 3], "backgroundColor": "green"}, {"data": [3, 2, 1]})
    assert with_default_colors(config, 4) is config


def test_in_v3_each_colour_a_dataset_leaves_unset_is_the_faint_grey() -> None:
    """A line with only a backgroundColor is drawn in 3.9's rgba(0,0,0,0.1) border."""
    config = chart("line", {"data": [1, 2, 3], "backgroundColor": "green"}, {"data": [3, 2, 1]})
    assert series_colors(config, 3) == [FAINT, FAINT]
    bars = chart("bar", {"data": [1, 2, 3], "backgroundColor": "green"}, {"data": [3, 2, 1]})
    assert series_colors(bars, 3) == ["#008000", FAINT]


def test_colours_in_options_elements_or_the_plugin_off_leave_the_config_alone() -> None:
    elements = chart("bar", {"data": [1]}, elements={"bar": {"backgroundColor": "green"}})
    off = chart("bar", {"data": [1]}, plugins={"colors": {"enabled": False}})
    assert with_default_colors(elements, 4) is elements
    assert with_default_colors(off, 4) is off


def test_the_config_itself_is_not_changed() -> None:
    """Its canonical text is the cache key."""
    config = chart("bar", {"data": [1, 2, 3]})
    before = copy.deepcopy(config)
    translate(config, 4)
    assert config == before


def test_v2_points_of_a_line_naming_only_its_border_take_tableau_10s_half_fill() -> None:
    """QuickChart's colorschemes fork gives the dataset a backgroundColor at alpha 0.5, and
    Chart.js 2 fills points with it (pointBackgroundColor falls back to backgroundColor); the
    points' ring is the border colour (chart-types-2 of the docs)."""
    config = chart("line", {"data": [1, 2, 3], "borderColor": "blue"}, {"data": [3, 2, 1]})
    first, second = translate(config, 2).styles.series
    assert first is not None and second is not None
    assert first.point_colors == ("#4e79a780",) * 3
    assert first.point_border_colors == ("#0000ff",) * 3
    assert first.fill_color == "#4e79a780"  # the area too, where the line is filled
    # naming no colour: the scheme's border, point ring and half-transparent point fill
    assert second.point_colors == ("#f28e2b80",) * 3
    assert second.point_border_colors == ("#f28e2b",) * 3


def test_v2_colorschemes_fork_sets_point_colours_only_where_the_border_is_unset() -> None:
    """typpo/chartjs-plugin-colorschemes@979ef8e: a scatter naming a background array but no
    border colour gets the scheme's point fill over it; with a border, its array shows."""
    points = [{"x": 1, "y": 1}, {"x": 2, "y": 2}]
    unset = chart("scatter", {"data": points, "backgroundColor": ["red", "lime"]})
    with_border = chart(
        "scatter", {"data": points, "backgroundColor": ["red", "lime"], "borderColor": "red"}
    )
    assert with_default_colors(unset, 2)["data"]["datasets"][0]["pointBackgroundColor"] == (
        "#4E79A780"
    )
    look = translate(with_border, 2).styles.of(0)
    assert look is not None and look.point_colors == ("#ff0000", "#00ff00")


def test_v2_bars_and_bubbles_take_the_scheme_as_their_background_only() -> None:
    bars = chart("bar", {"data": [1], "borderColor": "red"})
    bubbles = chart("bubble", {"data": [{"x": 1, "y": 1, "r": 4}]})
    assert with_default_colors(bars, 2)["data"]["datasets"][0] == {
        "data": [1],
        "borderColor": "red",
        "backgroundColor": "#4E79A7",
    }
    look = translate(bubbles, 2).styles.of(0)
    assert look is not None
    assert look.point_colors == ("#4e79a7",)
    assert look.point_border_colors == ("#0000001a",)  # Chart.js 2's rgba(0,0,0,0.1)
    # a colour the config sets, even to null, is the config's; colours named everywhere: as is
    named = chart("line", {"data": [1], "backgroundColor": None, "borderColor": "red"})
    assert with_default_colors(named, 2) is named
    full = chart("line", {"data": [1], "backgroundColor": "red", "borderColor": "red"})
    assert with_default_colors(full, 2) is full
