"""A Chart.js 2 line chart without ``data.labels`` (its data plain numbers): the category x
axis Chart.js 2.9.4 draws from no labels at all.

Its category scale builds no ticks (so no tick labels and no grid lines across the plot), and
its pixel for an index is ``(index − 0) / max(ticks − 1, 1)`` of the axis: the first value on
the plot's left edge, the second on its right edge, every later one beyond it, clipped away
with the chart area. The value axis still spans every value. (QuickChart gives a sparkline
labels, and Chart.js 3+ labels the indexes, so neither is drawn this way.)"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from chartfn.chartjs.scales import ScaleRef
from chartfn.models.axis_ticks import AxisTicks, TickProvider
from chartfn.models.chart_spec import ChartSpec

__all__ = ["unlabelled_x_provider"]

# No ticks; index 0 at the left edge, index 1 at the right.
_NO_TICKS = AxisTicks(values=(), labels=(), low=0.0, high=1.0)


def unlabelled_x_provider(
    config: Mapping[str, Any], spec: ChartSpec, version: int, x_scale: ScaleRef | None
) -> TickProvider | None:
    """The x axis' provider where Chart.js 2 draws a line chart's values without labels;
    None elsewhere."""
    data = config.get("data")
    labels = data.get("labels") if isinstance(data, Mapping) else None
    if (
        version != 2
        or config.get("type") != "line"
        or spec.kind != "line"
        or x_scale is None
        or x_scale.kind != "category"
        or (isinstance(labels, list) and labels)
        or any(series.x is not None for series in spec.series)
    ):
        return None

    def ticks_for_length(length_px: float) -> AxisTicks:
        return _NO_TICKS

    return ticks_for_length
