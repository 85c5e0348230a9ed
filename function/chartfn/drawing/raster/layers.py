"""The axes' static parts every engine chart shares: the figure's background colour, the grid,
the frame and the tick marks. /chart and /plot paint them around their data; /sin paints them
into the layer it keeps, so both draw them with the same calls."""

from __future__ import annotations

import numpy as np

from chartfn.drawing.matplotlib_runtime import to_rgba
from chartfn.drawing.raster.canvas import Canvas
from chartfn.drawing.raster.layout import Axis, Layout
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
    canvas: Canvas,
    placed: Layout,
    style: Style,
    *,
    along_x: bool = True,
    along_y: bool = True,
    x_axis: Axis | None = None,
    y_axis: Axis | None = None,
    y2_axis: Axis | None = None,
) -> None:
    """Grid lines at the ticks: vertical ones ``along_x``, horizontal ones ``along_y``, each
    axis' in its look's colour (a config's grid colour) and left out where its look hides
    them; without looks, all in the theme's colour as one stroke."""
    x0, y0, x1, y1 = placed.plot
    by_color: dict[RGBA, list[list[float]]] = {}
    if along_x and _grid_shown(x_axis):
        lines = by_color.setdefault(_grid_color(x_axis, style), [])
        for x, _ in placed.x_ticks:
            lines += [[x, y0], [x, y1]]
    if along_y and _grid_shown(y_axis):
        lines = by_color.setdefault(_grid_color(y_axis, style), [])
        for y, _ in placed.y_ticks:
            lines += [[x0, y], [x1, y]]
    if y2_axis is not None and along_y and _grid_shown(y2_axis):
        # Chart.js draws a second axis' grid lines too, unless its config keeps them off
        lines = by_color.setdefault(_grid_color(y2_axis, style), [])
        for y, _ in placed.y2_ticks:
            lines += [[x0, y], [x1, y]]
    for color, segments in by_color.items():
        if not segments:
            continue
        canvas.clip_to(placed.plot)
        canvas.stroke(
            np.array(segments),
            color,
            style.grid_width,
            dashes=style.grid_dashes,
            segments=True,
            snap=True,
        )
        canvas.clip_to(None)


def _grid_shown(axis: Axis | None) -> bool:
    return axis is None or axis.look is None or (axis.look.display and axis.look.grid)


def _grid_color(axis: Axis | None, style: Style) -> RGBA:
    if axis is None or axis.look is None or axis.look.grid_color is None:
        return style.grid_color
    return to_rgba(axis.look.grid_color)


def _marks_shown(axis: Axis | None) -> bool:
    return axis is None or axis.look is None or axis.look.display


def draw_frame(
    canvas: Canvas,
    placed: Layout,
    style: Style,
    *,
    axes: tuple[Axis | None, Axis | None, Axis | None] = (None, None, None),
) -> None:
    """The plot's edges and the tick marks (``axes``: x, y and the right axis, whose looks may
    hide theirs)."""
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
    x_axis, y_axis, y2_axis = axes
    if _marks_shown(x_axis):
        for x, _ in placed.x_ticks:
            marks += [[x, y0], [x, y0 + sign * length]]
    if _marks_shown(y_axis):
        for y, _ in placed.y_ticks:
            marks += [[x0, y], [x0 + sign * length, y]]
    if _marks_shown(y2_axis):
        for y, _ in placed.y2_ticks:
            marks += [[x1, y], [x1 - sign * length, y]]
    if marks:
        canvas.stroke(np.array(marks), style.tick_color, style.tick_width, segments=True, snap=True)


def canvas_dpi_scale(canvas: Canvas) -> float:
    """Frame pixels per point."""
    return canvas.renderer.points_to_pixels(1.0) / canvas.unit
