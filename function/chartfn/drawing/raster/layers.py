"""The axes' static parts every engine chart shares: the figure's background colour, the grid,
the frame and the tick marks. /chart and /plot paint them around their data; /sin paints them
into the layer it keeps, so both draw them with the same calls."""

from __future__ import annotations

import numpy as np

from chartfn.drawing.matplotlib_runtime import to_rgba
from chartfn.drawing.raster.canvas import Canvas
from chartfn.drawing.raster.layout import Layout
from chartfn.drawing.raster.style import RGBA, Style, style_of
from chartfn.models.line_chart import Frame


def background_color(frame: Frame) -> RGBA | None:
    """The figure's background (None: transparent, nothing to paint)."""
    if frame.background == "transparent":
        return None
    if frame.background is None:
        return style_of(frame.theme).figure_color
    # loaded only for a chart that names a colour (a cold /sin does not need the CSS grammar)
    from chartfn.models.colors import parse_css_color

    return to_rgba(parse_css_color(frame.background))


def draw_grid(
    canvas: Canvas, placed: Layout, style: Style, *, along_x: bool = True, along_y: bool = True
) -> None:
    """Grid lines at the ticks: vertical ones ``along_x``, horizontal ones ``along_y``."""
    x0, y0, x1, y1 = placed.plot
    segments: list[list[float]] = []
    if along_x:
        for x, _ in placed.x_ticks:
            segments += [[x, y0], [x, y1]]
    if along_y:
        for y, _ in placed.y_ticks:
            segments += [[x0, y], [x1, y]]
    if segments:
        canvas.clip_to(placed.plot)
        canvas.stroke(
            np.array(segments),
            style.grid_color,
            style.grid_width,
            dashes=style.grid_dashes,
            segments=True,
            snap=True,
        )
        canvas.clip_to(None)


def draw_frame(canvas: Canvas, placed: Layout, style: Style) -> None:
    """The plot's edges and the tick marks."""
    x0, y0, x1, y1 = placed.plot
    if style.edge_width > 0:
        edges = [[x0, y0], [x1, y0], [x1, y0], [x1, y1], [x1, y1], [x0, y1], [x0, y1], [x0, y0]]
        canvas.stroke(
            np.array(edges, dtype=np.float64),
            style.edge_color,
            style.edge_width,
            segments=True,
            snap=True,
        )
    length = style.tick_length * canvas_dpi_scale(canvas)
    if length <= 0 or style.tick_width <= 0:
        return
    sign = 1.0 if style.ticks_inward else -1.0
    marks: list[list[float]] = []
    for x, _ in placed.x_ticks:
        marks += [[x, y0], [x, y0 + sign * length]]
    for y, _ in placed.y_ticks:
        marks += [[x0, y], [x0 + sign * length, y]]
    if marks:
        canvas.stroke(np.array(marks), style.tick_color, style.tick_width, segments=True, snap=True)


def canvas_dpi_scale(canvas: Canvas) -> float:
    """Frame pixels per point."""
    return canvas.renderer.points_to_pixels(1.0) / canvas.unit
