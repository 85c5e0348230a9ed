"""Bars filled with a linear gradient, as a canvas paints ``createLinearGradient``: the
gradient lies across the whole chart (coordinates in CSS pixels from its top left) and each
bar shows the part of it that it covers.

On Agg each bar becomes an RGBA image of the gradient's colour at each pixel centre, drawn
with ``draw_image`` (past ``_MAX_SEPARATE_IMAGES`` bars, one image over their bounding box,
transparent outside them). Other
renderers get False (``paint_fill`` sends SVG and PDF to ``vector_paint`` instead).
"""

from __future__ import annotations

import numpy as np

from chartfn.drawing.matplotlib_runtime import RendererAgg, to_rgba
from chartfn.drawing.raster.canvas import Canvas
from chartfn.models.fill_gradient import LinearGradient

__all__ = ["fill_rects_with_gradient", "gradient_words", "pixel_boxes"]

# Colours are looked up by position along the gradient in this many steps: adjacent steps
# differ by under one 8-bit level, and a table keeps the work per pixel to one index.
_TABLE_SIZE = 1024
# Chart.js's CSS pixel is 1/100 inch (as series_marks.POINTS_PER_CSS_PIXEL has it).
_CSS_PIXELS_PER_INCH = 100.0
# Up to this many bars get an image each; more share one over their bounding box.
_MAX_SEPARATE_IMAGES = 64


def fill_rects_with_gradient(canvas: Canvas, rects: np.ndarray, gradient: LinearGradient) -> bool:
    """Fill ``rects`` (rows of x0, y0, x1, y1 in frame pixels, y upwards) with ``gradient``;
    False if this canvas cannot draw images (the caller fills them in one colour)."""
    renderer = canvas.renderer
    if not isinstance(renderer, RendererAgg) or canvas.unit != 1.0:
        return False
    width, height = canvas.size
    boxes = pixel_boxes(rects, canvas)
    if len(boxes) == 0:
        return True
    table = _table(gradient).view(np.uint32)[:, 0]  # one 32-bit word per RGBA colour
    gc = renderer.new_gc()
    if canvas.clip is not None:
        gc.set_clip_rectangle(canvas.clip)
    if len(boxes) <= _MAX_SEPARATE_IMAGES:
        # an image per bar: grouped bars cover a fraction of their bounding box
        for x0, y0, x1, y1 in boxes:
            inside = np.ones((y1 - y0, x1 - x0), dtype=bool)
            _paint(renderer, gc, gradient, table, int(x0), int(y0), inside, (width, height))
    else:
        # one image over them all: the work stays bounded by the canvas, however many bars
        left, bottom = int(boxes[:, 0].min()), int(boxes[:, 1].min())
        inside = np.zeros((int(boxes[:, 3].max()) - bottom, int(boxes[:, 2].max()) - left), bool)
        for x0, y0, x1, y1 in boxes:
            inside[y0 - bottom : y1 - bottom, x0 - left : x1 - left] = True
        _paint(renderer, gc, gradient, table, left, bottom, inside, (width, height))
    gc.restore()
    return True


def _paint(
    renderer: RendererAgg,
    gc: object,
    gradient: LinearGradient,
    table: np.ndarray,
    left: int,
    bottom: int,
    inside: np.ndarray,
    size: tuple[float, float],
) -> None:
    """The gradient where ``inside`` (rows from ``bottom`` up, columns from ``left``) is set."""
    positions = _positions(gradient, left, bottom, inside.shape, *size, renderer.dpi)
    if positions is None:
        return  # a gradient of zero length paints nothing on a canvas
    pixels = table[positions]
    if not inside.all():
        pixels[~inside] = 0  # transparent outside the bars
    # row 0 at the bottom: Agg's draw_image takes an image's first row as its bottom one
    renderer.draw_image(gc, left, bottom, pixels.view(np.uint8).reshape(*pixels.shape, 4))


def pixel_boxes(rects: np.ndarray, canvas: Canvas) -> np.ndarray:
    """The rects on whole pixels (as Agg snaps fills: half up), inside the canvas and its clip,
    empty ones dropped; int rows of x0, y0, x1, y1 with x0 < x1 and y0 < y1."""
    rects = rects[np.all(np.isfinite(rects), axis=1)]
    width, height = canvas.size
    low_x, low_y, high_x, high_y = 0.0, 0.0, width, height
    if canvas.clip is not None:
        # Agg rounds a clip rectangle to whole pixels as it rounds snapped fills
        low_x, low_y, high_x, high_y = np.floor(np.array(canvas.clip.extents) + 0.5)
    x0 = np.clip(np.floor(np.minimum(rects[:, 0], rects[:, 2]) + 0.5), low_x, high_x)
    x1 = np.clip(np.floor(np.maximum(rects[:, 0], rects[:, 2]) + 0.5), low_x, high_x)
    y0 = np.clip(np.floor(np.minimum(rects[:, 1], rects[:, 3]) + 0.5), low_y, high_y)
    y1 = np.clip(np.floor(np.maximum(rects[:, 1], rects[:, 3]) + 0.5), low_y, high_y)
    boxes = np.stack([x0, y0, x1, y1], axis=1).astype(np.int64)
    return boxes[(boxes[:, 2] > boxes[:, 0]) & (boxes[:, 3] > boxes[:, 1])]


def gradient_words(
    gradient: LinearGradient,
    left: int,
    bottom: int,
    shape: tuple[int, int],
    size: tuple[float, float],
    dpi: float,
) -> np.ndarray | None:
    """The gradient's colour (an RGBA word) at each pixel of a box of ``shape`` (rows from
    ``bottom`` up, columns from ``left``) on a canvas of ``size``; None: it paints nothing."""
    positions = _positions(gradient, left, bottom, shape, *size, dpi)
    if positions is None:
        return None
    return _table(gradient).view(np.uint32)[:, 0][positions]


def _positions(
    gradient: LinearGradient,
    left: int,
    bottom: int,
    shape: tuple[int, int],
    width: float,
    height: float,
    dpi: float,
) -> np.ndarray | None:
    """Each pixel's place along the gradient as an index into ``_table`` (None: no gradient
    line to be along)."""
    scale = dpi / _CSS_PIXELS_PER_INCH  # frame pixels per CSS pixel
    size = {"width": width / scale, "height": height / scale}
    x0, y0, x1, y1 = (size[c] if isinstance(c, str) else c for c in gradient.coords)
    dx, dy = x1 - x0, y1 - y0
    length_squared = dx * dx + dy * dy
    if length_squared == 0:
        return None
    rows, columns = shape
    # pixel centres (rows from ``bottom`` up) in CSS pixels from the chart's top left, y
    # downwards; the place along the line is linear in x and y, so it is a sum of one term
    # per column and one per row
    xs = (left + np.arange(columns) + 0.5) / scale
    ys = (height - bottom - np.arange(rows) - 0.5) / scale
    steps = (_TABLE_SIZE - 1) / length_squared
    along = np.add.outer(
        ((ys - y0) * dy * steps).astype(np.float32), ((xs - x0) * dx * steps).astype(np.float32)
    )
    np.clip(along, 0.0, _TABLE_SIZE - 1, out=along)
    along += 0.5
    return along.astype(np.intp)


def _table(gradient: LinearGradient) -> np.ndarray:
    """The gradient's colours at ``_TABLE_SIZE`` even steps from 0 to 1, as uint8 RGBA.
    Canvas gradients interpolate premultiplied colours, so a fade to transparent keeps its
    hue; before the first stop and after the last the end colours hold."""
    offsets = np.array([stop.offset for stop in gradient.stops])
    colors = np.array([to_rgba(stop.color) for stop in gradient.stops])
    premultiplied = colors[:, :3] * colors[:, 3:]
    steps = np.linspace(0.0, 1.0, _TABLE_SIZE)
    alpha = np.interp(steps, offsets, colors[:, 3])
    channels = [np.interp(steps, offsets, premultiplied[:, i]) for i in range(3)]
    rgb = np.stack(channels, axis=1) / np.where(alpha > 0, alpha, 1.0)[:, None]
    table = np.concatenate([rgb, alpha[:, None]], axis=1)
    return np.rint(np.clip(table, 0.0, 1.0) * 255).astype(np.uint8)
