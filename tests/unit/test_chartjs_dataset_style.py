"""Chart.js datasets' look (``chartjs.dataset_style`` through ``translate``): the options read
in each version's spelling, each version's defaults, per-value colours aligned with the values
drawn, and a 400 naming the path for values Chart.js could not use."""

from __future__ import annotations

from typing import Any

import pytest

from chartfn.chartjs.translate import TranslationError, translate
from chartfn.models.series_style import SeriesStyle


def _look(kind: str, dataset: dict[str, Any], version: int = 2, **options: Any) -> SeriesStyle:
    config = {"type": kind, "data": {"datasets": [dataset]}, "options": options}
    style = translate(config, version).styles.of(0)
    assert style is not None
    return style


def test_line_defaults_differ_by_version_as_chartjs_and_quickchart_have_them() -> None:
    v2 = _look("line", {"data": [1, 2, 3]}, 2)
    v4 = _look("line", {"data": [1, 2, 3]}, 4)
    assert v2.fill == "origin"  # Chart.js 2.9.4 fills line charts unless told not to
    assert v4.fill is None
    assert v2.tension == 0.0  # QuickChart makes v2 lines straight (Chart.js alone: 0.4)
    assert v4.tension == 0.0
    assert (v2.line_width, v2.point_radius, v2.point_border_width) == (3.0, 3.0, 1.0)
    assert v2.show_line and v4.show_line
    assert _look("line", {"data": [1], "lineTension": 0.3}, 2).tension == 0.3
    # QuickChart sets lineTension (0 unless given) on every line chart's datasets, and
    # Chart.js 3/4 read lineTension before tension: tension alone draws straight there
    assert _look("line", {"data": [1], "tension": 0.3}, 4).tension == 0.0
    assert _look("line", {"data": [1], "lineTension": 0.3, "tension": 0.1}, 4).tension == 0.3
    scatter_line = {"data": [{"x": 1, "y": 2}], "showLine": True, "tension": 0.3}
    assert _look("scatter", scatter_line, 4).tension == 0.3  # not a line chart: its own
    # a scatter chart is a line chart without lines: no line, so nothing filled
    scatter = _look("scatter", {"data": [{"x": 1, "y": 2}]}, 2)
    assert not scatter.show_line
    assert scatter.fill is None
    shown = _look("scatter", {"data": [{"x": 1, "y": 2}], "showLine": True}, 2)
    assert shown.show_line
    assert shown.tension == 0.4  # Chart.js 2.9.4's own default: QuickChart only sets line's


@pytest.mark.parametrize(
    ("fill", "expected"),
    [(True, "origin"), ("origin", "origin"), ("start", "start"), ("end", "end"), (False, None)],
)
def test_fill_targets(fill: object, expected: str | None) -> None:
    assert _look("line", {"data": [1, 2], "fill": fill}, 3).fill == expected


def test_a_fill_to_another_dataset_is_drawn_to_the_origin_and_said() -> None:
    config = {"type": "line", "data": {"datasets": [{"data": [1, 2], "fill": "-1"}]}}
    translation = translate(config, 4)
    assert translation.styles.of(0) is not None
    assert translation.styles.series[0].fill == "origin"  # type: ignore[union-attr]
    assert any("fill to another dataset" in w for w in translation.warnings)


def test_line_options_in_both_spellings_and_from_elements() -> None:
    v2 = _look("line", {"data": [1], "steppedLine": True, "borderDash": [4, 2]}, 2)
    v3 = _look("line", {"data": [1], "stepped": "middle"}, 3)
    assert (v2.stepped, v2.dash, v3.stepped) == ("before", (4.0, 2.0), "middle")
    elements = {"line": {"borderWidth": 1, "fill": False}, "point": {"radius": 0}}
    from_elements = _look("line", {"data": [1]}, 2, elements=elements)
    assert (from_elements.line_width, from_elements.fill, from_elements.point_radius) == (
        1.0,
        None,
        0.0,
    )
    look = _look(
        "line",
        {"data": [1], "pointStyle": "star", "cubicInterpolationMode": "monotone"},
        4,
        spanGaps=True,
    )
    assert (look.point_style, look.monotone, look.span_gaps) == ("star", True, True)
    assert _look("line", {"data": [1], "pointStyle": "unicorn"}).point_style == "circle"
    assert not _look("line", {"data": [1], "showLine": False}, 2).show_line


def test_per_value_colours_follow_the_values_drawn() -> None:
    bar = _look("bar", {"data": [1, 2, 3], "backgroundColor": ["red", "#00ff00"]})
    # past the array Chart.js 2 takes its defaultColor, Chart.js 3+ start the array again
    # (both seen in Chart.js 2.9.4 and 4 element options for bar, bubble and line datasets)
    assert bar.point_colors == ("#ff0000", "#00ff00", "#0000001a")
    wrapped = _look("bar", {"data": [1, 2, 3], "backgroundColor": ["red", "#00ff00"]}, 4)
    assert wrapped.point_colors == ("#ff0000", "#00ff00", "#ff0000")
    points = [{"x": i, "y": i, "r": 3} for i in range(3)]
    some = {"data": points, "backgroundColor": ["red", "lime"]}
    assert _look("bubble", some).point_colors == ("#ff0000", "#00ff00", "#0000001a")
    assert _look("bubble", some, 3).point_colors == ("#ff0000", "#00ff00", "#ff0000")
    points = [{"x": 1, "y": 1}, {"x": 2, "y": None}, {"x": 3, "y": 3}]
    colors = ["red", "lime", "blue"]
    scatter = _look("scatter", {"data": points, "backgroundColor": colors, "borderColor": "red"})
    assert scatter.point_colors == ("#ff0000", "#0000ff")  # the null point is not drawn
    line = _look("line", {"data": [1, 2], "pointBackgroundColor": ["red", "blue"]})
    assert line.point_colors == ("#ff0000", "#0000ff")
    bubble = _look("bubble", {"data": points, "borderColor": "black"})
    assert bubble.point_border_colors == ("#000000", "#000000")
    # one colour for every bar keeps the engine's own look (and existing URLs' bytes)
    config = {"type": "bar", "data": {"datasets": [{"data": [1, 2], "backgroundColor": "red"}]}}
    assert translate(config).styles.of(0) is None


@pytest.mark.parametrize(
    ("dataset", "path"),
    [
        ({"data": [1, 2], "borderWidth": "wide"}, "data.datasets[0].borderWidth"),
        ({"data": [1, 2], "borderDash": "5,5"}, "data.datasets[0].borderDash"),
        ({"data": [1, 2], "borderDash": [5, "x"]}, "data.datasets[0].borderDash[1]"),
        ({"data": [1, 2], "pointBackgroundColor": ["red", "nope"]}, "data.datasets[0]"),
        ({"data": [1, 2], "lineTension": {"a": 1}}, "data.datasets[0].lineTension"),
    ],
)
def test_values_chartjs_could_not_use_are_refused_at_their_path(
    dataset: dict[str, Any], path: str
) -> None:
    with pytest.raises(TranslationError) as caught:
        translate({"type": "line", "data": {"datasets": [dataset]}}, 2)
    assert caught.value.path.startswith(path)


def test_sizes_and_dashes_are_bounded() -> None:
    look = _look(
        "line",
        {
            "data": [1],
            "borderWidth": 1e9,
            "pointRadius": -5,
            "borderDash": [1e9, 1],
            "lineTension": 9,
        },
        4,
    )
    assert (look.line_width, look.point_radius, look.tension) == (100.0, 0.0, 1.0)
    assert look.dash == (1000.0, 1.0)
    with pytest.raises(TranslationError, match="at most 16"):
        translate({"type": "line", "data": {"datasets": [{"data": [1], "borderDash": [1] * 17}]}})


def test_a_sparkline_gets_quickcharts_thin_line_without_points() -> None:
    look = _look("sparkline", {"data": [1, 2, 3]}, 2)
    assert (look.line_width, look.point_radius) == (1.0, 0.0)
    own = _look("sparkline", {"data": [1, 2]}, 2, elements={"point": {"radius": 4}})
    # each element its own: QuickChart fills in the line, the config's points stay
    assert (own.line_width, own.point_radius) == (1.0, 4.0)
