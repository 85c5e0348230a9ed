"""Line charts whose datasets include bars (``type: 'bar'`` datasets in a ``type: 'line'``
chart with a category x axis): drawn as Chart.js draws them, the bars in their categories and
the other datasets as lines over them (``drawing.raster.mixed_bars``).

Chart.js 3+ merges the bar controller's scale defaults into such a chart (``offset: true`` on
the category axis, ``beginAtZero`` on the value axis), so it looks like a bar chart. Chart.js 2
keeps the line chart's category axis: the categories stand on the plot's edges and the lines
between, the bars centred on them, the first and last cut in half at the plot's edges, and the
value axis does not start at 0 unless told to.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from chartfn.chartjs.scales import find_scale

__all__ = ["bars_in_line_chart", "bars_on_category_lines"]


def bars_in_line_chart(config: Mapping[str, Any], version: int) -> bool:
    """A line chart with a category x axis, a shown ``type: 'bar'`` dataset and no ``{x, y}``
    points (which need a numeric x that bars do not have)."""
    if config.get("type") != "line":
        return False
    data = config.get("data")
    datasets = data.get("datasets") if isinstance(data, Mapping) else None
    if not isinstance(datasets, list):
        return False
    shown = [d for d in datasets if isinstance(d, Mapping) and d.get("hidden") is not True]
    if not any(d.get("type") == "bar" for d in shown):
        return False
    for dataset in shown:
        values = dataset.get("data")
        if isinstance(values, list) and any(isinstance(v, Mapping) for v in values):
            return False
    x_scale = find_scale(config, "x", version)
    return x_scale is not None and x_scale.kind == "category"


def bars_on_category_lines(config: Mapping[str, Any], version: int) -> bool:
    """Chart.js 2's line-chart category axis under bars: no offset."""
    return version == 2 and bars_in_line_chart(config, version)
