"""A horizontal bar chart's second value axis (``chartjs.horizontal_axes``): not drawn yet, so
a config whose datasets name one gets a warning naming it, rather than its datasets silently
sharing the first axis; a vertical chart's or a single axis' config gets none."""

from __future__ import annotations

from typing import Any

import pytest

from chartfn.chartjs.translate import translate

_V2 = {
    "type": "horizontalBar",
    "data": {
        "labels": ["a", "b"],
        "datasets": [{"data": [1, 2], "xAxisID": "A"}, {"data": [100, 300], "xAxisID": "B"}],
    },
    "options": {"scales": {"xAxes": [{"id": "A"}, {"id": "B", "position": "top"}]}},
}
_V4 = {
    "type": "bar",
    "data": {
        "labels": ["a", "b"],
        "datasets": [{"data": [1, 2]}, {"data": [100, 300], "xAxisID": "x2"}],
    },
    "options": {"indexAxis": "y", "scales": {"x": {}, "x2": {"position": "top"}}},
}


@pytest.mark.parametrize(
    ("config", "version", "path"),
    [(_V2, 2, "options.scales.xAxes[1]"), (_V4, 4, "options.scales.x2")],
)
def test_a_second_value_axis_on_horizontal_bars_is_named(
    config: dict[str, Any], version: int, path: str
) -> None:
    warnings = translate(config, version).warnings
    assert any(w.startswith(path) and "second value axis" in w for w in warnings)


@pytest.mark.parametrize(
    ("config", "version"),
    [
        ({**_V2, "type": "bar"}, 2),  # vertical: two x axes of categories, not values
        ({**_V4, "options": {"scales": {"x": {}, "x2": {"position": "top"}}}}, 4),
        ({**_V4, "data": {"labels": ["a"], "datasets": [{"data": [1]}]}}, 4),  # none names it
    ],
)
def test_other_charts_get_no_such_warning(config: dict[str, Any], version: int) -> None:
    assert not any("second value axis" in w for w in translate(config, version).warnings)
