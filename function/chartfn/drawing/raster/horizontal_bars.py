"""Horizontal bars (``ChartSpec.horizontal``; Chart.js's ``horizontalBar`` / ``indexAxis: 'y'``):
the value axis along x, the categories down y with the first at the top, as Chart.js orders
them. Grouping and stacking are the vertical bars' (``charts.bar_boxes``) turned a quarter.
Each bar's element runs from its base to its end along x, so data labels anchor and align as
chartjs-plugin-datalabels does on horizontal bars; annotations map x by the value axis and y
by the category index."""

from __future__ import annotations

import math

import numpy as np

from chartfn.drawing.raster.canvas import Canvas
from chartfn.drawing.raster.category_bar_edges import sized_bar_boxes
from chartfn.drawing.raster.charts import (
    Chart,
    bar_boxes,
    fill_bars,
    flat,
    prelude,
    request_with,
    value_scale,
)
from chartfn.drawing.raster.layout import Axis, Label, Layout, LegendEntry
from chartfn.drawing.raster.plot_mapping import Element, data_mappers
from chartfn.drawing.raster.style import Style
from chartfn.drawing.raster.ticks import Scale
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
    colors, names, base = prelude(spec, width, height, dpi, style)
    count = len(spec.series[0].y)
    boxes = bar_boxes(spec, looks.bar_share)
    value = value_scale(spec, boxes)
    # Reversed, so that category 0 sits at the top of the plot.
    category = Scale(count - 0.5, -0.5)
    categories = spec.categories if spec.categories is not None else [str(i) for i in range(count)]
    entries = [LegendEntry(n, c, "box") for n, c in zip(names, colors, strict=True)]
    request = request_with(
        base, spec, entries, Axis(value), Axis(category, tuple(flat(c) for c in categories))
    )

    def sized(layout: Layout) -> list[tuple[np.ndarray, ...]]:
        across = abs(layout.plot[3] - layout.plot[1]) / count
        indexes = range(len(boxes))
        return sized_bar_boxes(boxes, looks.category_bars, indexes, spec.stacked, across, dpi)

    def draw(canvas: Canvas, layout: Layout) -> list[Label]:
        x0, y0, x1, y1 = layout.plot
        values = layout.x_scale or value
        for index, ((low_edge, high_edge, start, end), color) in enumerate(
            zip(sized(layout), colors, strict=True)
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

    def elements(layout: Layout) -> list[list[Element | None]]:
        to_x, to_y = data_mappers(value, category, layout)
        x0, _, x1, _ = layout.plot
        found = []
        for low_edge, high_edge, start, end in sized(layout):
            if spec.y_log:  # a log axis has no 0: the bar starts at the plot's left edge
                start = np.where(start > 0, start, np.nan)
            middles = to_y((low_edge + high_edge) / 2)
            bases = np.where(np.isfinite(start), to_x(start), x0)
            ends = to_x(end)
            found.append(
                [
                    _along_x(float(np.clip(b, x0, x1)), float(e), float(y))
                    if math.isfinite(e)
                    else None
                    for b, e, y in zip(bases, ends, middles, strict=True)
                ]
            )
        return found

    return Chart(
        request,
        draw,
        grid_y=False,
        elements=elements,
        mappers=lambda layout: data_mappers(value, category, layout),
    )


def _along_x(base: float, end: float, y: float) -> Element:
    """A bar from ``base`` to ``end`` at height ``y``, pointing from its base to its end (to
    the right where it has no length, as for a positive value)."""
    direction = (-1.0, 0.0) if end < base else (1.0, 0.0)
    return Element((base, y), ((base + end) / 2, y), (end, y), direction)
