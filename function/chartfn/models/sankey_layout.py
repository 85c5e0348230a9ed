"""Where a sankey chart's nodes and flows go, as chartjs-chart-sankey 0.12 lays them out.

QuickChart draws ``type: 'sankey'`` with that plugin (it needs Chart.js 3 or 4). Its layout,
ported rule for rule so that a config lands where Chart.js puts it:

* Columns (``x``): nodes no flow goes into stand in column 0; the nodes reached only from
  placed columns stand in the next one, and so on; nodes no flow leaves move to the last
  column. A node's ``column`` overrides all that.
* Rows (``y``, in flow units from the top): without ``priority``, from the largest node (the
  larger of what flows in and out) along its flows, then the first and last columns, then
  the columns between; with ``priority``, each column's nodes stacked in priority order.
* Padding: 3 % of the tallest column between nodes, counted by the plugin's row rule.
* Each flow's place on its two nodes: stacked in the order of the other ends' middles; a
  node drawn smaller than its flows (``size: 'min'``) spreads them over its height instead.

The plugin cannot lay out a cycle (a node that flows back into itself): ``find_cycle`` names
one so that such data is refused. No matplotlib and no HTTP here.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

__all__ = ["FlowPlace", "NodeSize", "SankeyLayout", "SankeyNode", "find_cycle", "lay_out"]

NodeSize = Literal["max", "min"]
# The plugin's padding between nodes: this share of the tallest column (its `maxY * 0.03`)
_PADDING_SHARE = 0.03
# The plugin's visit counter cycles through 0 … 100 (`getCountId`); ported as is
_COUNT_IDS = 101


@dataclass(eq=False)
class _End:
    """One flow as one of its nodes sees it: the node at the other end, how much, which."""

    key: str
    flow: float
    index: int
    node: SankeyNode | None = None
    add_y: float = 0.0


@dataclass(eq=False)
class SankeyNode:
    key: str
    inflow: float = 0.0  # the plugin's `in`
    outflow: float = 0.0  # its `out`
    sources: list[_End] = field(default_factory=list)  # its `from`: flows coming in
    targets: list[_End] = field(default_factory=list)  # its `to`: flows going out
    x: float | None = None  # column
    y: float | None = None  # top, in flow units from the chart's top
    priority: float | None = None
    fixed_column: bool = False
    visited: int | None = None

    def size(self, rule: NodeSize) -> float:
        """Its height in flow units: the larger (or smaller) of in and out, as the plugin's
        ``Math[size](node.in || node.out, node.out || node.in)``."""
        first = self.inflow or self.outflow
        second = self.outflow or self.inflow
        return max(first, second) if rule == "max" else min(first, second)


@dataclass(frozen=True)
class FlowPlace:
    """A flow's band: from column ``x`` at ``y`` to column ``x2`` at ``y2``, ``height`` high
    (flow units; y from the top). ``y`` or ``y2`` is NaN where the plugin's is (a single flow
    on a node drawn smaller than it): Chart.js then has no place for the band."""

    x: float
    y: float
    x2: float
    y2: float
    height: float


@dataclass(frozen=True)
class SankeyLayout:
    nodes: tuple[SankeyNode, ...]  # in the order the data first names them
    flows: tuple[FlowPlace, ...]  # in the data's order
    max_x: float
    max_y: float


def find_cycle(pairs: Sequence[tuple[str, str]]) -> list[str] | None:
    """The nodes of one cycle among the flows (first node repeated at the end), or None."""
    targets: dict[str, list[str]] = {}
    for source, target in pairs:
        targets.setdefault(source, []).append(target)
        targets.setdefault(target, [])
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in targets:
        if start in state:
            continue
        path = [start]
        stack = [iter(targets[start])]
        state[start] = 1
        while stack:  # iterative, so that a long chain cannot exhaust the recursion limit
            following = next(stack[-1], None)
            if following is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(following) == 1:
                return [*path[path.index(following) :], following]
            elif following not in state:
                state[following] = 1
                path.append(following)
                stack.append(iter(targets[following]))
    return None


def lay_out(
    flows: Sequence[tuple[str, str, float]],
    *,
    columns: Mapping[str, int] | None = None,
    priority: Mapping[str, float] | None = None,
    size: NodeSize = "max",
) -> SankeyLayout:
    """The plugin's layout of ``flows`` (from, to, amount), with ``columns`` and
    ``priority`` by node id where given. The flows must hold no cycle (``find_cycle``)."""
    nodes = _nodes(flows)
    if priority:
        for node in nodes.values():
            if node.key in priority:
                node.priority = priority[node.key]
    if columns:
        for node in nodes.values():
            if node.key in columns:
                node.fixed_column = True
                node.x = columns[node.key]
    counter = _Counter()
    node_list = list(nodes.values())
    max_x = _columns(nodes, flows)
    by_priority = bool(priority)
    max_y = _rows_by_priority(node_list, max_x) if by_priority else _rows(node_list, max_x, counter)
    max_y = _add_padding(node_list, max_y * _PADDING_SHARE)
    _sort_flows(node_list, size)
    places = []
    for index, (source, target, amount) in enumerate(flows):
        start, end = nodes[source], nodes[target]
        from_y = _defined(start.y) + _add_y(start.targets, target, index)
        to_y = _defined(end.y) + _add_y(end.sources, source, index)
        places.append(FlowPlace(_defined(start.x), from_y, _defined(end.x), to_y, amount))
    return SankeyLayout(tuple(nodes.values()), tuple(places), max_x, max_y)


def _defined(value: float | None) -> float:
    assert value is not None  # every node has its column and row once laid out
    return value


class _Counter:
    """The plugin's ``getCountId``: 0, 1, … 100, then 0 again (for one chart, from the
    start, as a fresh Chart.js process counts)."""

    def __init__(self) -> None:
        self.previous = -1

    def next(self) -> int:
        self.previous = self.previous + 1 if self.previous < _COUNT_IDS - 1 else 0
        return self.previous


def _nodes(flows: Sequence[tuple[str, str, float]]) -> dict[str, SankeyNode]:
    """``buildNodesFromRawData``: every node with its flows in and out, largest first."""
    nodes: dict[str, SankeyNode] = {}
    for index, (source, target, amount) in enumerate(flows):
        start = nodes.setdefault(source, SankeyNode(source))
        start.outflow += amount
        start.targets.append(_End(target, amount, index))
        end = nodes.setdefault(target, SankeyNode(target))
        end.inflow += amount
        end.sources.append(_End(source, amount, index))
    for node in nodes.values():
        node.sources.sort(key=lambda end: -end.flow)
        node.targets.sort(key=lambda end: -end.flow)
        for end in (*node.sources, *node.targets):
            end.node = nodes[end.key]
    return nodes


def _columns(nodes: dict[str, SankeyNode], flows: Sequence[tuple[str, str, float]]) -> float:
    """``calculateX``: the nodes' columns; returns the last column."""
    targets = {target for _, target, _ in flows}
    sources = {source for source, _, _ in flows}
    keys = list(nodes)  # the plugin's Set keeps insertion order
    x = 0
    while keys:
        column = [key for key in keys if key not in targets] or keys[:1]
        for key in column:
            node = nodes[key]
            if node.x is None:
                node.x = x
            keys.remove(key)
        if keys:
            remaining = set(keys)
            targets = {target for source, target, _ in flows if source in remaining}
            x += 1
    for key, node in nodes.items():
        if key not in sources and not node.fixed_column:
            node.x = x
    return max((_defined(node.x) for node in nodes.values()), default=0)


def _node_count(ends: list[_End], side: str, counter: _Counter, count_id: int | None = None) -> int:
    """``nodeCount``: how many flows lie beyond these ones on ``side`` (each node once)."""
    if count_id is None:
        count_id = counter.next()
    count = 0
    for end in ends:
        node = end.node
        assert node is not None
        if node.visited == count_id:
            continue
        node.visited = count_id
        further = getattr(node, side)
        count += len(further) + _node_count(further, side, counter, count_id)
    return count


def _by_node_count(side: str, counter: _Counter) -> functools.partial[int]:
    return functools.partial(_compare_by_node_count, side, counter)


def _compare_by_node_count(side: str, counter: _Counter, a: _End, b: _End) -> int:
    """``flowByNodeCount``: fewer flows beyond first, then fewer flows of its own."""
    assert a.node is not None
    assert b.node is not None
    a_side, b_side = getattr(a.node, side), getattr(b.node, side)
    difference = _node_count(a_side, side, counter) - _node_count(b_side, side, counter)
    return difference or len(a_side) - len(b_side)


def _js_sort[T](items: list[T], compare: Callable[[T, T], float]) -> None:
    """``Array.prototype.sort`` with a comparator as V8 runs it on arrays this short (a run
    at the start, then binary insertion): the same calls in the same order, so comparators
    that are not consistent (NaN for a missing priority) and the visit counter they advance
    give Chart.js's result. NaN compares as "not less", as in V8."""
    count = len(items)
    if count < 2:
        return
    run = 2
    descending = compare(items[1], items[0]) < 0
    previous = items[1]
    for index in range(2, count):
        order = compare(items[index], previous)
        if (descending and not order < 0) or (not descending and order < 0):
            break
        previous = items[index]
        run += 1
    if descending:
        items[:run] = items[:run][::-1]
    for start in range(run, count):
        pivot = items[start]
        left, right = 0, start
        while left < right:
            middle = left + ((right - left) >> 1)
            if compare(pivot, items[middle]) < 0:
                right = middle
            else:
                left = middle + 1
        items[left + 1 : start + 1] = items[left:start]
        items[left] = pivot


def _process_from(node: SankeyNode, y: float, counter: _Counter) -> float:
    _js_sort(node.sources, _by_node_count("sources", counter))
    for end in node.sources:
        other = end.node
        assert other is not None
        if other.y is None:
            other.y = y
            _process_from(other, y, counter)
        y = max(other.y + other.outflow, y)
    return y


def _process_to(node: SankeyNode, y: float, counter: _Counter) -> float:
    _js_sort(node.targets, _by_node_count("targets", counter))
    for end in node.targets:
        other = end.node
        assert other is not None
        if other.y is None:
            other.y = y
            _process_to(other, y, counter)
        y = max(other.y + other.inflow, y)
    return y


def _set_or_get_y(node: SankeyNode, value: float) -> float:
    if node.y is not None:
        return node.y
    node.y = value
    return value


def _top_of(nodes: list[SankeyNode], amount: str) -> float:
    """The plugin's ``(cur.y + cur.out) || 0`` over the nodes already placed."""
    tops = [0.0]
    for node in nodes:
        if node.y is not None:
            value = node.y + getattr(node, amount)
            tops.append(value if value else 0.0)
    return max(tops)


def _process_rest(node_list: list[SankeyNode], max_x: float, counter: _Counter) -> float:
    """``processRest``: the first and last columns' unplaced nodes, then the middle ones."""
    left_nodes = [n for n in node_list if n.x == 0]
    right_nodes = [n for n in node_list if n.x == max_x]
    left_to_do = [n for n in left_nodes if n.y is None]
    right_to_do = [n for n in right_nodes if n.y is None]
    center_to_do = [n for n in node_list if 0 < _defined(n.x) < max_x and n.y is None]
    left_y = _top_of(left_nodes, "outflow")
    right_y = _top_of(right_nodes, "inflow")
    center_y = 0.0

    def left() -> None:
        nonlocal left_y
        for node in left_to_do:
            left_y = _set_or_get_y(node, left_y)
            left_y = max(left_y + node.outflow, _process_to(node, left_y, counter))

    def right() -> None:
        nonlocal right_y
        for node in right_to_do:
            right_y = _set_or_get_y(node, right_y)
            right_y = max(right_y + node.inflow, _process_to(node, right_y, counter))

    if left_y >= right_y:
        left()
        right()
    else:
        right()
        left()
    for node in center_to_do:
        placed = [n for n in node_list if n.x == node.x and n.y is not None]
        y = max((_defined(n.y) + max(n.inflow, n.outflow) for n in placed), default=0.0)
        y = _set_or_get_y(node, y)
        y = max(y + node.inflow, _process_from(node, y, counter))
        y = max(y + node.outflow, _process_to(node, y, counter))
        center_y = max(center_y, y)
    return max(left_y, right_y, center_y)


def _rows(node_list: list[SankeyNode], max_x: float, counter: _Counter) -> float:
    """``calculateY``: from the largest node outwards (the list is sorted in place, as the
    plugin sorts its array, largest first)."""
    node_list.sort(key=lambda n: -max(n.inflow, n.outflow))
    start = node_list[0]
    start.y = 0.0
    left = _process_from(start, 0.0, counter)
    right = _process_to(start, 0.0, counter)
    rest = _process_rest(node_list, max_x, counter)
    return max(left, right, rest)


def _rows_by_priority(node_list: list[SankeyNode], max_x: float) -> float:
    """``calculateYUsingPriority``: each column's nodes stacked by priority (nodes without
    one sort as the plugin's NaN comparisons leave them)."""
    max_y = 0.0
    next_y_start = 0.0
    for x in range(int(max_x) + 1):
        y = next_y_start
        column = [n for n in node_list if n.x == x]
        _js_sort(column, _compare_priority)
        next_y_start = 0.0
        if column:
            next_y_start = sum(
                end.flow for end in column[0].targets if end.node and _defined(end.node.x) > x + 1
            )
        for node in column:
            node.y = y
            y += max(node.outflow, node.inflow)
        max_y = max(y, max_y)
    return max_y


def _compare_priority(a: SankeyNode, b: SankeyNode) -> float:
    """``a.priority - b.priority``: a missing priority is undefined there, so NaN."""
    if a.priority is None or b.priority is None:
        return math.nan
    return a.priority - b.priority


def _add_padding(node_list: list[SankeyNode], padding: float) -> float:
    """``addPadding``: each node moved down by ``padding`` per row above it, rows counted
    from the first column's nodes."""
    i = 1
    x: float = 0
    previous = 0
    max_y = 0.0
    rows: list[float] = []
    node_list.sort(key=lambda n: (_defined(n.x), _defined(n.y)))
    for node in node_list:
        y = _defined(node.y)
        if y:
            if node.x == 0:
                rows.append(y)
            else:
                if x != node.x:
                    x = _defined(node.x)
                    previous = 0
                i = previous + 1
                while i < len(rows) and not rows[i] > y:
                    i += 1
                previous = i
            node.y = y + i * padding
            i += 1
        max_y = max(max_y, _defined(node.y) + max(node.inflow, node.outflow))
    return max_y


def _sort_flows(node_list: list[SankeyNode], size: NodeSize) -> None:
    """``sortFlows``: each flow's offset on its nodes, in the order of the other ends."""
    for node in node_list:
        node_size = node.size(size)
        _offsets(node.sources, node_size, node_size < node.inflow, "outflow")
        _offsets(node.targets, node_size, node_size < node.outflow, "inflow")


def _offsets(ends: list[_End], node_size: float, overlap: bool, other_amount: str) -> None:
    def middle(end: _End) -> float:
        assert end.node is not None
        return _defined(end.node.y) + getattr(end.node, other_amount) / 2

    ends.sort(key=middle)
    add_y = 0.0
    count = len(ends)
    for index, end in enumerate(ends):
        if overlap:
            spread = index * (node_size - end.flow)
            # JavaScript's 0 / 0 is NaN: one flow on a smaller node (the plugin's result)
            end.add_y = spread / (count - 1) if count > 1 else math.nan
        else:
            end.add_y = add_y
            add_y += end.flow


def _add_y(ends: list[_End], key: str, index: int) -> float:
    for end in ends:
        if end.key == key and end.index == index:
            return end.add_y
    return 0.0
