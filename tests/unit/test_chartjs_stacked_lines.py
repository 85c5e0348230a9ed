"""Stacked lines from Chart.js configs (``chartjs.stacking``): on a stacked y axis each point
sits on the earlier datasets' values of its sign at its index, in both spellings, with v3+
``stack`` groups, gaps kept; Chart.js 2's stacked range reaching 0."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from test_chartjs_axis_ticks import placed, texts

from chartfn.chartjs.stacking import stack_lines
from chartfn.chartjs.translate import translate

_fresh = itertools.count(401)


def test_points_sit_on_the_earlier_values_of_their_sign() -> None:
    stacked = stack_lines([[1, -2, None, 4], [3, -1, 5, -6], [1, 1, 1, 1]], [None] * 3)
    assert stacked == [[1, -2, None, 4], [4, -3, 5, -6], [5, 1, 6, 5]]


def test_groups_stack_apart() -> None:
    assert stack_lines([[1], [2], [3]], ["a", "b", "a"]) == [[1], [2], [4]]


def _config(version: int, stack: str | None = None) -> dict[str, Any]:
    extra = {} if stack is None else {"stack": stack}
    scales: dict[str, Any] = (
        {"yAxes": [{"stacked": True}]} if version == 2 else {"y": {"stacked": True}}
    )
    return {
        "type": "line",
        "data": {
            "labels": ["a", "b"],
            "datasets": [{"data": [1, 2]}, {"data": [3, None], **extra}, {"data": [5, 6]}],
        },
        "options": {"scales": scales},
    }


@pytest.mark.parametrize("version", [2, 4])
def test_both_spellings_stack(version: int) -> None:
    spec = translate(_config(version), version).spec
    assert [s.y for s in spec.series] == [[1, 2], [4, None], [9, 8]]


def test_v4_stack_keys_group_and_v2_ignores_them() -> None:
    assert [s.y for s in translate(_config(4, "other"), 4).spec.series][2] == [6, 8]
    assert [s.y for s in translate(_config(2, "other"), 2).spec.series][2] == [9, 8]


def test_unstacked_lines_keep_their_values() -> None:
    config = _config(4)
    config["options"] = {}
    assert [s.y for s in translate(config, 4).spec.series][2] == [5, 6]


def test_chartjs_2s_stacked_axis_reaches_zero_and_4s_does_not() -> None:
    low = 50 + next(_fresh)
    data = (
        f"data: {{labels: ['a', 'b'], datasets: [{{data: [{low}, {low + 5}]}}, {{data: [1, 1]}}]}}"
    )
    v2 = placed(f"{{type: 'line', {data}, options: {{scales: {{yAxes: [{{stacked: true}}]}}}}}}")
    assert "0" in texts(v2.y_ticks)
    v4 = placed(f"{{type: 'line', {data}, options: {{scales: {{y: {{stacked: true}}}}}}}}", "4")
    assert "0" not in texts(v4.y_ticks)
    assert v4.y_scale is not None and v4.y_scale.high >= low + 6
