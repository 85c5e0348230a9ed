"""The sankey layout against chartjs-chart-sankey 0.12.1's own (tests/unit/sankey_layout_cases.json:
the plugin's layout functions run in Node on each case's data, random DAGs with priorities,
fixed columns and both node sizes), and the cycle finder."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from chartfn.models.sankey_layout import find_cycle, lay_out

CASES = json.loads(Path(__file__).with_name("sankey_layout_cases.json").read_text("utf-8"))["cases"]


def _same(ours: float, theirs: float | None) -> bool:
    """The plugin's NaN comes through JSON as null."""
    if theirs is None:
        return math.isnan(ours)
    return math.isclose(ours, theirs, rel_tol=1e-12, abs_tol=1e-9)


@pytest.mark.parametrize("case", CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_layout_matches_the_plugin(case: dict[str, Any]) -> None:
    flows = [(d["from"], d["to"], float(d["flow"])) for d in case["data"]]
    placed = lay_out(
        flows,
        columns=case.get("column"),
        priority=case.get("priority"),
        size=case.get("size", "max"),
    )
    expected = case["expected"]
    assert _same(placed.max_x, expected["maxX"])
    assert _same(placed.max_y, expected["maxY"])
    nodes = {node.key: node for node in placed.nodes}
    assert [node.key for node in placed.nodes] == [key for key, _, _ in expected["nodes"]]
    for key, x, y in expected["nodes"]:
        assert _same(nodes[key].x, x), key
        assert _same(nodes[key].y, y), key
    for place, (x, y, x2, y2) in zip(placed.flows, expected["flows"], strict=True):
        assert (_same(place.x, x), _same(place.y, y), _same(place.x2, x2), _same(place.y2, y2)) == (
            True,
            True,
            True,
            True,
        )


def test_the_cases_cover_priorities_columns_min_size_and_unplaceable_flows() -> None:
    assert any("priority" in case for case in CASES)
    assert any("column" in case for case in CASES)
    assert any(case.get("size") == "min" for case in CASES)
    # a single flow into a node drawn smaller than it: the plugin has no place for it
    assert any(None in flow for case in CASES for flow in case["expected"]["flows"])


def test_the_docs_example_has_three_columns() -> None:
    placed = lay_out([("A", "B", 10), ("A", "C", 5), ("B", "C", 10), ("D", "C", 7)])
    columns = {node.key: node.x for node in placed.nodes}
    assert columns == {"A": 0, "B": 1, "C": 2, "D": 0}


def test_cycles_are_found() -> None:
    assert find_cycle([("a", "b"), ("b", "c")]) is None
    assert find_cycle([("a", "b"), ("b", "c"), ("c", "a")]) == ["a", "b", "c", "a"]
    assert find_cycle([("x", "y"), ("y", "y")]) == ["y", "y"]


def test_a_long_chain_is_no_recursion_problem() -> None:
    chain = [(f"n{i}", f"n{i + 1}", 1.0) for i in range(99)]
    assert find_cycle([(a, b) for a, b, _ in chain]) is None
    placed = lay_out(chain)
    assert placed.max_x == 99
