"""Figures for every chart kind: creation, styling, drawing to any output format."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from chartfn.drawing import matplotlib_runtime
from chartfn.drawing.encoding import encode_figure, encode_raster
from chartfn.drawing.matplotlib_runtime import FigureCanvasAgg
from chartfn.drawing.themes import themed
from chartfn.models.line_chart import Frame
from chartfn.models.output_options import RASTER_FORMATS, OutputOptions

if TYPE_CHECKING:
    from chartfn.drawing.matplotlib_runtime import Axes, Figure

# Fixed margins (fractions of the figure) instead of tight_layout, which draws the figure twice;
# wide enough for 8-character tick labels and the axis labels at 800×400.
AXES_RECT = (0.09, 0.12, 0.88, 0.78)


def new_figure(frame: Frame) -> tuple[Figure, FigureCanvasAgg]:
    """An empty figure on an Agg canvas. Call it inside ``themed(frame.theme)``."""
    facecolor = _facecolor(frame.background)
    # looked up at the call: matplotlib.figure loads with the first Figure, not with this module
    figure = matplotlib_runtime.Figure(
        figsize=frame.size_inches, dpi=frame.dpi, facecolor=facecolor
    )
    return figure, FigureCanvasAgg(figure)


def add_chart_axes(figure: Figure, frame: Frame) -> Axes:
    axes = figure.add_axes(AXES_RECT)
    if frame.background == "transparent":
        axes.set_facecolor("none")
    axes.grid(True)
    return axes


def build_figure(frame: Frame) -> tuple[Figure, FigureCanvasAgg]:
    """An empty, styled single-axes chart. Call it inside ``themed(frame.theme)``."""
    figure, canvas = new_figure(frame)
    add_chart_axes(figure, frame)
    return figure, canvas


def render_figure(
    draw: Callable[[Figure], None], options: OutputOptions, *, with_axes: bool = True
) -> bytes:
    """A fresh figure, drawn by ``draw`` and encoded in ``options``' format.

    Text from users (titles, labels, legends) is shown as typed: mathtext is switched off,
    so a stray ``$`` cannot turn into a parse error at draw time.
    """
    frame = options.frame
    with themed(frame.theme):
        figure, canvas = build_figure(frame) if with_axes else new_figure(frame)
        try:
            draw(figure)
            for text in figure.findobj(lambda artist: hasattr(artist, "set_parse_math")):
                text.set_parse_math(False)
            if options.format not in RASTER_FORMATS:
                return encode_figure(figure, canvas, options)
            canvas.draw()
            rgba = np.array(canvas.buffer_rgba())
        finally:
            release_pixels(canvas)
    return encode_raster(rgba, options)


def release_pixels(canvas: FigureCanvasAgg) -> None:
    """Free the canvas's pixel buffer now. A figure is a web of reference cycles that only the
    cyclic garbage collector frees, whenever it next runs; until then a dead figure would keep
    megabytes of pixels (a server's RSS swung by tens of MB between load-test checkpoints)."""
    canvas.renderer = None
    canvas._lastKey = None


def _facecolor(background: str | None) -> str | tuple[float, float, float, float] | None:
    """matplotlib's reading of colours is not CSS's (``rgb(10 20 30)`` is an error to it), so
    it gets the RGBA the service's one colour grammar gives."""
    if background is None:
        return None
    if background == "transparent":
        return "none"
    from chartfn.models.colors import parse_css_color

    return parse_css_color(background)
