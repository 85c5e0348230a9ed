"""Horizontal bars (``ChartSpec.horizontal``; Chart.js's ``horizontalBar`` / ``indexAxis: 'y'``):
the value axis along x, the categories down y with the first at the top, as Chart.js orders
them. Grouping and stacking are the vertical bars' (``charts.bar_boxes``) turned a quarter."""

from __future__ import annotations

import numpy as np

from chartfn.drawing.matplotlib_runtime import to_rgba
from chartfn.drawing.raster.bar_borders import outlined_entries
from chartfn.drawing.raster.canvas import Canvas
from chartfn.drawing.raster.charts import (
    Chart,
    bar_boxes,
    fill_bars,
    flat,
    request_with,
    value_scale,
)
from chartfn.drawing.raster.layout import Axis, Label, Layout, LegendEntry, Request
from chartfn.drawing.raster.style import Style
from chartfn.drawing.raster.ticks import Scale
from chartfn.drawing.spec_renderer import series_color
from chartfn.models.chart_spec import ChartSpec
from chartfn.models.series_style import ChartStyles

__all__ = ["plan_horizontal"]


def plan_horizontal(
    spec: ChartSpec,
    width: int,
    height: int,
    dpi: float,
    style: Style,
    styles: ChartStyles | None = None,
) -> Chart:
    """``styles``: per-value bar colours, as for vertical bars."""
    looks = styles or ChartStyles()
    colors = [to_rgba(series_color(s, i)) for i, s in enumerate(spec.series)]
    names = [
        flat(s.name) if s.name is not None else f"series {i + 1}" for i, s in enumerate(spec.series)
    ]
    base = Request(
        width, height, dpi, style, flat(spec.title), flat(spec.x_label), flat(spec.y_label)
    )
    count = len(spec.series[0].y)
    boxes = bar_boxes(spec)
    value = value_scale(spec, boxes)
    # Reversed, so that category 0 sits at the top of the plot.
    category = Scale(count - 0.5, -0.5)
    categories = spec.categories if spec.categories is not None else [str(i) for i in range(count)]
    boxes_ = [LegendEntry(n, c, "box") for n, c in zip(names, colors, strict=True)]
    entries = tuple(outlined_entries(boxes_, looks, dpi))
    request = request_with(
        base, spec, entries, Axis(value), Axis(category, tuple(flat(c) for c in categories))
    )

    def draw(canvas: Canvas, layout: Layout) -> list[Label]:
        x0, y0, x1, y1 = layout.plot
        values = layout.x_scale or value
        for index, ((low_edge, high_edge, start, end), color) in enumerate(
            zip(boxes, colors, strict=True)
        ):
            if spec.y_log:
                start = np.where(start > 0, start, values.low * 1e-3)
            left = x0 + np.clip(values.fraction(start), -4.0, 4.0) * (x1 - x0)
            right = x0 + np.clip(values.fraction(end), -4.0, 4.0) * (x1 - x0)
            bottom = y0 + category.fraction(high_edge) * (y1 - y0)
            top = y0 + category.fraction(low_edge) * (y1 - y0)
            rects = np.stack(
                [np.minimum(left, right), bottom, np.maximum(left, right), top], axis=1
            )
            drawn = np.all(np.isfinite(rects), axis=1)
            fill_bars(
                canvas, rects, drawn, looks.of(index), color, horizontal=True, dpi=dpi,
                base_low=right >= left,  # left holds the base's end, right the value's
            )  # fmt: skip
        return []

    return Chart(request, draw, grid_y=False)
