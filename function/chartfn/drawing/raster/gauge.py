"""``gauge``: QuickChart's ``radialGauge`` (the chartjs-chart-radial-gauge plugin it bundles for
Chart.js 2): a full ring track, the value's arc over it from 12 o'clock clockwise (plus the
spec's ``rotation``) for its share of the domain (``y_limits``, default 0 … 100), with rounded
ends, and the value rounded up written in the middle in black at 0.32 × the hole's radius,
when it fits (the plugin's ``(innerRadius / 50)em``). The hole is ``cutout`` of the radius
(default 0.9, the plugin's cutoutPercentage 90); the ring fills the chart area.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from chartfn.drawing.matplotlib_runtime import Path, to_rgba
from chartfn.drawing.raster.canvas import Canvas
from chartfn.drawing.raster.layout import Label, Layout, Request
from chartfn.drawing.raster.radial import CSS_PX_IN_POINTS, ring_polygon, text_at
from chartfn.drawing.raster.style import RGBA
from chartfn.drawing.raster.text import measure
from chartfn.drawing.spec_renderer import DEFAULT_COLORS
from chartfn.models.chart_spec import ChartSpec

if TYPE_CHECKING:
    from chartfn.drawing.raster.charts import Chart

__all__ = ["plan_gauge"]

DEFAULT_GAUGE_CUTOUT = 0.9
DEFAULT_DOMAIN = (0.0, 100.0)
TRACK_COLOR: RGBA = (204 / 255, 221 / 255, 238 / 255, 1.0)  # rgb(204, 221, 238)
TEXT_SHARE = 16.0 / 50.0  # font size: (innerRadius / 50) em of 16 px
TEXT_ROOM = 0.8  # the text is drawn only if narrower than 0.8 × the hole's diameter


def plan_gauge(spec: ChartSpec, base: Request) -> Chart:
    from chartfn.drawing.raster.charts import Chart

    value = float(spec.series[0].y[0] or 0.0)
    low, high = spec.y_limits or DEFAULT_DOMAIN
    span = float(high) - float(low)
    share = abs(value - float(low)) / span if span > 0 else 0.0
    sweep = min(360.0, 360.0 * share)  # the plugin draws at most the full turn
    color: RGBA = to_rgba(spec.series[0].color or DEFAULT_COLORS[0])
    cutout = spec.cutout if spec.cutout is not None else DEFAULT_GAUGE_CUTOUT
    request = Request(base.width, base.height, base.dpi, base.style, base.title, "", "", ())

    def draw(canvas: Canvas, layout: Layout) -> list[Label]:
        x0, y0, x1, y1 = layout.plot
        width, height = canvas.size
        top = y1 if layout.labels else height
        x0, y0, x1, y1 = 0.0, 0.0, width, top
        outer = max(1.0, min(x1 - x0, y1 - y0) / 2)
        inner = outer * cutout
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        canvas.fill_path(
            Path(ring_polygon(0.0, 360.0, outer, inner, cx, cy), closed=True), TRACK_COLOR
        )
        start = 90.0 - (spec.rotation or 0.0)
        if sweep > 0:
            ring = ring_polygon(start - sweep, start, outer, inner, cx, cy)
            canvas.fill_path(Path(ring, closed=True), color)
            if inner < outer:
                # rounded ends: a disc of the ring's thickness at either end
                middle, cap = (outer + inner) / 2, (outer - inner) / 2
                for angle in (start, start - sweep):
                    ex = cx + middle * math.cos(math.radians(angle))
                    ey = cy + middle * math.sin(math.radians(angle))
                    disc = ring_polygon(0.0, 360.0, cap, 0.0, ex, ey)[1:-1]
                    canvas.fill_polygon(np.concatenate([disc, disc[:1]]), color)
        if spec.value_labels is False or inner <= 0:
            return []
        text = str(math.ceil(value)) if math.isfinite(value) else ""
        css_per_px = 100.0 / base.dpi
        size_points = TEXT_SHARE * inner * css_per_px * CSS_PX_IN_POINTS
        if not text or size_points <= 0:
            return []
        font = base.style.font(size_points)
        if measure(text, font, base.dpi).width >= 2 * inner * TEXT_ROOM:
            return []
        label = text_at(canvas, text, cx, cy, font, (0.0, 0.0, 0.0, 1.0), base.dpi)
        return [] if label is None else [label]

    return Chart(request, draw, grid_x=False, grid_y=False)
