"""Bars at positions on a numeric x axis (a bar spec whose series give ``x``; a Chart.js bar
chart on a time axis): each bar centred on its position, as wide as Chart.js's bar controller
makes it there (``chartfn.models.bar_slots``), measured in pixels once the layout has placed
the axis and its ticks."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from chartfn.drawing.raster.canvas import Canvas
from chartfn.drawing.raster.charts import Chart, fill_bars, request_with, value_scale
from chartfn.drawing.raster.layout import Axis, Label, Layout, LegendEntry, Request
from chartfn.drawing.raster.plot_mapping import Element, data_mappers, limited, upright_bars
from chartfn.drawing.raster.style import RGBA
from chartfn.drawing.raster.ticks import autoscale
from chartfn.drawing.spec_renderer import series_values
from chartfn.models.bar_slots import BarSlots
from chartfn.models.chart_spec import ChartSpec
from chartfn.models.series_style import ChartStyles

__all__ = ["plan_positioned_bars", "slot_edges"]


def _smallest_gap(pixels: np.ndarray, start: float) -> float:
    """computeMinSampleSize: the least non-zero distance between neighbours, at most ``start``."""
    gaps = np.abs(np.diff(pixels))
    gaps = gaps[np.isfinite(gaps) & (gaps > 0)]
    return float(min(start, gaps.min())) if gaps.size else start


def slot_edges(
    centres: list[np.ndarray],
    tick_pixels: np.ndarray,
    length: float,
    slots: BarSlots,
    stacked: bool,
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per series, its bars' left and right edges in pixels, from their centres' pixels, the
    axis' tick pixels and its length (all in one unit)."""
    count = 1 if stacked else len(centres)
    everything = np.unique(np.concatenate(centres)) if centres else np.zeros(0)
    smallest = _smallest_gap(tick_pixels, _smallest_gap(everything, length))
    edges = []
    for index, pixels in enumerate(centres):
        stack_index = 0 if stacked else index
        if slots.flex:
            start, size = _flex(pixels, length, slots.category_percentage)
        else:
            size = np.full(pixels.shape, smallest * slots.category_percentage)
            start = pixels - size / 2
        chunk = size / count
        centre = start + chunk * stack_index + chunk / 2
        half = chunk * slots.bar_percentage / 2
        edges.append((centre - half, centre + half))
    return edges


def _flex(pixels: np.ndarray, length: float, percent: float) -> tuple[np.ndarray, np.ndarray]:
    """computeFlexCategoryTraits: each slot reaches half-way to its neighbours."""
    if pixels.size == 0:
        return pixels, pixels
    previous = np.empty_like(pixels)
    following = np.empty_like(pixels)
    previous[1:], following[:-1] = pixels[:-1], pixels[1:]
    if pixels.size == 1:
        previous[0] = pixels[0] - length
    else:
        previous[0] = pixels[0] - (pixels[1] - pixels[0])
    following[-1] = pixels[-1] + pixels[-1] - previous[-1]
    start = pixels - (pixels - np.minimum(previous, following)) / 2 * percent
    return start, np.abs(following - previous) / 2 * percent


def plan_positioned_bars(
    spec: ChartSpec, base: Request, colors: list[RGBA], names: list[str], styles: ChartStyles
) -> Chart:
    xs = [np.asarray(s.x if s.x is not None else [], dtype=np.float64) for s in spec.series]
    ys = [series_values(s.y) for s in spec.series]
    slots = styles.bar_slots or BarSlots()
    bottoms: list[np.ndarray] = []
    if spec.stacked:  # the same x in every series (the spec's rule): stacked by position
        above, below = np.zeros(len(ys[0])), np.zeros(len(ys[0]))
        for values in ys:
            bottoms.append(np.where(values >= 0, above, below))
            above = above + np.where(values >= 0, values, 0.0)
            below = below + np.where(values < 0, values, 0.0)
    else:
        bottoms = [np.zeros(len(values)) for values in ys]
    tops = [b + v for b, v in zip(bottoms, ys, strict=True)]
    covered = [(x, x, b, t) for x, b, t in zip(xs, bottoms, tops, strict=True)]
    y_scale = value_scale(spec, covered)
    positions = np.unique(np.concatenate(xs))
    gap = _smallest_gap(positions, math.inf)
    gap = gap if math.isfinite(gap) else 1.0
    # half a slot of room at each end, as Chart.js's offset gives a bar axis
    x_scale = limited(
        autoscale(float(positions[0]) - gap / 2, float(positions[-1]) + gap / 2), spec.x_limits
    )
    entries = [LegendEntry(n, c, "box") for n, c in zip(names, colors, strict=True)]
    request = request_with(base, spec, entries, Axis(x_scale), Axis(y_scale))

    def tick_pixels(layout: Layout, to_x: Callable[..., np.ndarray]) -> np.ndarray:
        if slots.drawn_ticks_only or not layout.x_built:
            return np.asarray([pixel for pixel, _ in layout.x_ticks], dtype=np.float64)
        return to_x(np.asarray(layout.x_built, dtype=np.float64))

    def boxes(layout: Layout) -> list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
        to_x, to_y = data_mappers(x_scale, y_scale, layout)
        length = layout.plot[2] - layout.plot[0]
        edges = slot_edges(
            [to_x(x) for x in xs], tick_pixels(layout, to_x), length, slots, spec.stacked
        )
        found = []
        for (left, right), bottom, top in zip(edges, bottoms, tops, strict=True):
            if spec.y_log:
                bottom = np.where(bottom > 0, bottom, (layout.y_scale or y_scale).low * 1e-3)
            found.append((left, to_y(bottom), right, to_y(top)))
        return found

    def draw(canvas: Canvas, layout: Layout) -> list[Label]:
        for index, ((left, bottom, right, top), color) in enumerate(
            zip(boxes(layout), colors, strict=True)
        ):
            rects = np.stack([left, bottom, right, top], axis=1)
            drawn = np.all(np.isfinite(rects), axis=1)
            fill_bars(canvas, rects, drawn, styles.of(index), color, horizontal=False, dpi=base.dpi)
        return []

    def elements(layout: Layout) -> list[list[Element | None]]:
        return [
            upright_bars((left + right) / 2, bottom, top)
            for left, bottom, right, top in boxes(layout)
        ]

    return Chart(
        request,
        draw,
        grid_x=True,
        elements=elements,
        mappers=lambda layout: data_mappers(x_scale, y_scale, layout),
    )
