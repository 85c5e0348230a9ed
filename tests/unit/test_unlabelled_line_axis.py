"""A Chart.js 2 line chart without ``data.labels`` (``chartjs.unlabelled_axis``): as Chart.js
2.9.4 draws it (measured in ``benchmarks/fidelity``: null-gaps-line, line-fill-to-dataset,
datalabels-auto-many-points), its x axis has no ticks, the first value sits on the plot's left
edge, the second on its right edge and the later ones beyond it, out of sight; the y axis
still spans every value. Chart.js 3+ and QuickChart's sparkline keep their axes."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from chartfn.chartjs.output import output_for
from chartfn.chartjs.prepare import prepare
from chartfn.chartjs.request import parse_request
from chartfn.drawing.raster import engine
from chartfn.drawing.themes import themed

BUDGET = 40_000_000
# values no other test draws, so no render comes from a cache
_fresh = (2 + step / 10_000 for step in itertools.count(5001))


def _laid_out(script: str, version: str) -> tuple[Any, Any, Any]:
    """The chart's x ticks for a 1000 px axis, its layout and its first dataset's elements."""
    request = parse_request({"c": script, "v": version}, pixel_budget=BUDGET)
    chart = prepare(request)
    frame = output_for(request).frame
    try:
        ticks = chart.ticks.x(1000.0) if chart.ticks.x is not None else None
        with themed(frame.theme):
            planned, layout = engine.prepare(chart.spec, frame, chart.ticks, chart.styles)
            assert planned.elements is not None
            elements = planned.elements(layout)[0]
    finally:
        chart.close()
    return ticks, layout, elements


def _line(labels: str = "", kind: str = "line") -> str:
    value = next(_fresh)
    return f"{{type:'{kind}',data:{{{labels}datasets:[{{label:'s',data:[{value},4,6,1,3]}}]}}}}"


def test_chartjs_2_puts_the_first_two_values_on_the_plots_edges_and_draws_no_ticks() -> None:
    ticks, layout, elements = _laid_out(_line(), "2")
    assert ticks is not None
    assert (list(ticks.values), ticks.low, ticks.high) == ([], 0.0, 1.0)
    assert layout.x_ticks == []  # no tick labels, no grid lines across the plot
    x0, _, x1, _ = layout.plot
    first, second, *later = elements
    assert [first.centre[0], second.centre[0]] == pytest.approx([x0, x1])
    assert later == [None] * 3  # beyond the right edge: out of sight, no data labels there
    assert layout.y_scale is not None and layout.y_scale.high >= 6  # spans every value


@pytest.mark.parametrize(
    ("labels", "kind", "version"),
    [("labels:['a','b','c','d','e'],", "line", "2"), ("", "line", "4"), ("", "sparkline", "2")],
)
def test_labels_chartjs_3_and_sparklines_keep_every_value_in_view(
    labels: str, kind: str, version: str
) -> None:
    _, layout, elements = _laid_out(_line(labels, kind), version)
    x0, _, x1, _ = layout.plot
    centres = [element.centre[0] for element in elements if element is not None]
    assert len(centres) == 5
    assert all(x0 - 0.5 <= x <= x1 + 0.5 for x in centres)
