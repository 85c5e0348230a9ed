"""``progress``: QuickChart's ``progressBar``, a horizontal bar per category filled to its
value, drawn over a white track as long as its total (the second series, else 100), with the
value written in the fill (with ``%`` when the totals are the implicit 100).

QuickChart draws it as a Chart.js ``horizontalBar`` (``lib/charts.js``): stacked categories (the
two bars of a row overlap), hidden axes, the track white with a 1 px border in Tableau blue
(here the default palette's first colour) unless the totals have a colour, datalabels in white
for the first dataset only. Rows share the chart area's height; a bar is 0.9 × 0.8 of its row
(Chart.js's barPercentage and categoryPercentage); the value axis starts at 0 and ends on the
nice step past the largest value or total, as Chart.js's linear scale does.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from chartfn.drawing.matplotlib_runtime import to_rgba
from chartfn.drawing.raster.canvas import Canvas
from chartfn.drawing.raster.layout import Label, Layout, Request
from chartfn.drawing.raster.paint_fill import fill_rects_with_paint, paint_of
from chartfn.drawing.raster.radial import CSS_PX_IN_POINTS, WHITE, css_px, nice_ticks, text_at
from chartfn.drawing.raster.style import RGBA
from chartfn.drawing.spec_renderer import DEFAULT_COLORS, series_values
from chartfn.models.chart_spec import ChartSpec
from chartfn.models.numbers import shortest_form
from chartfn.models.series_style import ChartStyles

if TYPE_CHECKING:
    from chartfn.drawing.raster.charts import Chart

__all__ = ["plan_progress"]

BAR_SHARE = 0.9 * 0.8  # barPercentage × categoryPercentage
TRACK_BORDER = 1.0  # CSS px
VALUE_FONT_PX = 12.0  # datalabels' default font size
IMPLICIT_TOTAL = 100.0


def plan_progress(spec: ChartSpec, base: Request, styles: ChartStyles | None = None) -> Chart:
    """``styles``: a gradient or pattern for the bars (first series) or the track (second)."""
    from chartfn.drawing.raster.charts import Chart

    looks = styles if styles is not None else ChartStyles()
    bar_paint, track_paint = paint_of(looks.of(0)), paint_of(looks.of(1))

    values = np.nan_to_num(series_values(spec.series[0].y), nan=0.0)
    implicit = len(spec.series) == 1
    totals = (
        np.full(len(values), IMPLICIT_TOTAL)
        if implicit
        else np.nan_to_num(series_values(spec.series[1].y), nan=0.0)
    )
    fill: RGBA = to_rgba(spec.series[0].color or DEFAULT_COLORS[0])
    track_color = None if implicit else spec.series[1].color
    track: RGBA = WHITE if track_color is None else to_rgba(track_color)
    edge: RGBA = to_rgba(track_color or DEFAULT_COLORS[0])
    request = Request(base.width, base.height, base.dpi, base.style, base.title, "", "", ())

    def draw(canvas: Canvas, layout: Layout) -> list[Label]:
        x0, y0, x1, y1 = layout.plot
        width, height = canvas.size
        if not (layout.labels or layout.legend):
            x0, y0, x1, y1 = 0.0, 0.0, width, height
        else:
            x0, y0, x1 = 0.0, 0.0, width
        low = min(0.0, float(values.min()), float(totals.min()))
        high = max(0.0, float(values.max()), float(totals.max()))
        # Chart.js's horizontal linear axis: a tick per 40 CSS px at most
        ticks = nice_ticks(low, high, math.ceil((x1 - x0) / css_px(40.0, base.dpi)))
        span = float(ticks.high - ticks.low) or 1.0

        def to_x(value: float) -> float:
            return x0 + (value - float(ticks.low)) / span * (x1 - x0)

        rows = len(values)
        band = (y1 - y0) / rows
        thickness = band * BAR_SHARE
        font = base.style.font(VALUE_FONT_PX * CSS_PX_IN_POINTS)
        drawn: list[Label] = []
        border = TRACK_BORDER * CSS_PX_IN_POINTS
        for row in range(rows):
            middle = y1 - band * (row + 0.5)  # the first category at the top
            bottom, top = middle - thickness / 2, middle + thickness / 2
            box = np.array([[to_x(0.0), bottom, to_x(float(totals[row])), top]])
            if track_paint is None or not fill_rects_with_paint(canvas, box, track_paint):
                canvas.fill_rects(box, track)
            outline = _outline(box[0])
            canvas.stroke(outline, edge, border)
            bar = np.array([[to_x(0.0), bottom, to_x(float(values[row])), top]])
            if bar_paint is None or not fill_rects_with_paint(canvas, bar, bar_paint):
                canvas.fill_rects(bar, fill)
            if spec.value_labels is False:
                continue
            text = shortest_form(float(values[row])) + ("%" * implicit)
            centre = (to_x(0.0) + to_x(float(values[row]))) / 2
            label = text_at(canvas, text, centre, middle, font, WHITE, base.dpi)
            if label is not None:
                drawn.append(label)
        return drawn

    return Chart(request, draw, grid_x=False, grid_y=False)


def _outline(rect: np.ndarray) -> np.ndarray:
    left, bottom, right, top = (float(v) for v in rect)
    if not all(math.isfinite(v) for v in (left, bottom, right, top)):
        return np.zeros((0, 2))
    return np.array([[left, bottom], [right, bottom], [right, top], [left, top], [left, bottom]])
