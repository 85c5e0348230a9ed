"""Fills that are not one colour (``Paint``: QuickChart's gradients and patterns) on bars,
slices, line areas and legend swatches, as a canvas paints with a CanvasGradient or a
CanvasPattern: the paint lies over the whole chart (a pattern's tiles repeat from its top
left, in CSS pixels) and each shape shows the part of it that it covers.

On Agg (PNG, WebP, JPEG) a shape becomes an RGBA image of the paint's colour at each pixel,
drawn with ``draw_image`` clipped to the shape; on SVG and PDF the same image is embedded,
clipped to the shape (``vector_paint``). Where a canvas cannot (past ``vector_paint``'s bound)
the functions return False and the caller fills the shape in the paint's one colour.
"""

from __future__ import annotations

import numpy as np

from chartfn.drawing.matplotlib_runtime import Affine2D, Path, RendererAgg, TransformedPath
from chartfn.drawing.raster.canvas import Canvas
from chartfn.drawing.raster.gradient_fill import (
    fill_rects_with_gradient,
    gradient_words,
    pixel_boxes,
)
from chartfn.drawing.raster.pattern_tile import pattern_period, pattern_tile
from chartfn.drawing.raster.vector_paint import (
    Words,
    draw_vector_image,
    fill_path_as_image,
    fill_rects_as_image,
    frame_dpi,
    on_agg,
)
from chartfn.models.fill_gradient import LinearGradient
from chartfn.models.fill_pattern import FillPattern, Paint
from chartfn.models.series_style import SeriesStyle

__all__ = [
    "fill_path_with_paint",
    "fill_rects_with_paint",
    "paint_bars",
    "paint_of",
    "stroke_path_with_paint",
]

# Chart.js's CSS pixel is 1/100 inch (as series_marks.POINTS_PER_CSS_PIXEL has it).
_CSS_PIXELS_PER_INCH = 100.0
# Up to this many rectangles get an image each; more share one over their bounding box.
_MAX_SEPARATE_IMAGES = 64
# Where a renderer keeps the clip paths it was given (fill_path_with_paint).
_CLIP_PATHS = "_chartfn_clip_paths"


def paint_of(look: SeriesStyle | None) -> Paint | None:
    """The dataset's one gradient or pattern fill, if it has one."""
    if look is None:
        return None
    return look.gradient if look.gradient is not None else look.pattern


def paint_bars(
    canvas: Canvas, rects: np.ndarray, drawn: np.ndarray, look: SeriesStyle | None
) -> np.ndarray:
    """Fill the ``drawn`` bars (rows of x0, y0, x1, y1) whose fill is a paint; returns which
    were filled (the caller fills the others in their colour)."""
    painted = np.zeros(len(rects), dtype=bool)
    whole = paint_of(look)
    if whole is not None:
        return drawn.copy() if fill_rects_with_paint(canvas, rects[drawn], whole) else painted
    if look is None or not look.point_paints:
        return painted
    paints = list(look.point_paints[: len(drawn)])
    paints += [None] * (len(drawn) - len(paints))
    for paint in dict.fromkeys(p for p in paints if p is not None):
        chosen = drawn & np.array([p == paint for p in paints])
        if chosen.any() and fill_rects_with_paint(canvas, rects[chosen], paint):
            painted |= chosen
    return painted


def fill_rects_with_paint(canvas: Canvas, rects: np.ndarray, paint: Paint) -> bool:
    """Fill ``rects`` (rows of x0, y0, x1, y1 in frame pixels, y upwards) with ``paint``;
    False if this canvas cannot (the caller fills them in one colour)."""
    if not on_agg(canvas):
        return fill_rects_as_image(canvas, rects, _words_of(paint, canvas))
    if isinstance(paint, LinearGradient):
        return fill_rects_with_gradient(canvas, rects, paint)
    renderer = canvas.renderer
    boxes = pixel_boxes(rects, canvas)
    if len(boxes) == 0:
        return True
    gc = renderer.new_gc()
    if canvas.clip is not None:
        gc.set_clip_rectangle(canvas.clip)
    if len(boxes) <= _MAX_SEPARATE_IMAGES:
        for x0, y0, x1, y1 in boxes:
            words = _words(paint, canvas, int(x0), int(y0), (int(y1 - y0), int(x1 - x0)))
            _draw(renderer, gc, int(x0), int(y0), words)
    else:
        # one image over them all: the work stays bounded by the canvas, however many bars
        left, bottom = int(boxes[:, 0].min()), int(boxes[:, 1].min())
        shape = (int(boxes[:, 3].max()) - bottom, int(boxes[:, 2].max()) - left)
        inside = np.zeros(shape, dtype=bool)
        for x0, y0, x1, y1 in boxes:
            inside[y0 - bottom : y1 - bottom, x0 - left : x1 - left] = True
        words = _words(paint, canvas, left, bottom, shape)
        assert words is not None  # a pattern always paints
        words[~inside] = 0  # transparent outside the bars
        _draw(renderer, gc, left, bottom, words)
    gc.restore()
    return True


def fill_path_with_paint(canvas: Canvas, path: Path, paint: Paint) -> bool:
    """Fill ``path`` (frame pixels, y upwards) with ``paint``; False if this canvas cannot."""
    if not on_agg(canvas):
        return fill_path_as_image(canvas, path, _words_of(paint, canvas))
    renderer = canvas.renderer
    width, height = canvas.size
    low_x, low_y, high_x, high_y = 0.0, 0.0, width, height
    if canvas.clip is not None:
        low_x, low_y, high_x, high_y = canvas.clip.extents
    x0, y0, x1, y1 = path.get_extents().extents
    left, bottom = int(np.floor(max(x0, low_x))), int(np.floor(max(y0, low_y)))
    right, top = int(np.ceil(min(x1, high_x))), int(np.ceil(min(y1, high_y)))
    if right <= left or top <= bottom:
        return True
    words = _words(paint, canvas, left, bottom, (top - bottom, right - left))
    if words is None:
        return True
    gc = renderer.new_gc()
    gc.set_antialiased(True)
    if canvas.clip is not None:
        gc.set_clip_rectangle(canvas.clip)
    gc.set_clip_path(TransformedPath(path, Affine2D()))
    # Agg keeps the last clip mask by the path's id (its address): a path freed and another
    # made at its address would reuse the old mask, so the renderer keeps each one alive (on
    # itself: one renderer is one render, on one thread)
    renderer.__dict__.setdefault(_CLIP_PATHS, []).append(path)
    _draw(renderer, gc, left, bottom, words)
    gc.restore()
    return True


def stroke_path_with_paint(
    canvas: Canvas, path: Path, width: float, dashes: list[float] | None, paint: Paint
) -> bool:
    """Stroke ``path`` ``width`` points wide (dashed in points if asked) with ``paint``, as
    ``Canvas.stroke_path`` strokes in a colour; False if this canvas cannot."""
    renderer = canvas.renderer
    agg = on_agg(canvas)
    if not agg and not renderer.option_scale_image():
        return False
    # the stroke's coverage, drawn alone at the frame's pixels, becomes the alpha of the
    # paint's image (on SVG and PDF too: they clip to filled outlines, not to strokes)
    width_px, height_px = (round(v) for v in canvas.size)
    mask = RendererAgg(width_px, height_px, frame_dpi(canvas))
    gc = mask.new_gc()
    gc.set_foreground((0.0, 0.0, 0.0, 1.0), isRGBA=True)
    gc.set_linewidth(width)
    gc.set_antialiased(True)
    gc.set_joinstyle("miter")
    gc.set_capstyle("butt")
    if dashes:
        gc.set_dashes(0, list(dashes))
    mask.draw_path(gc, path, Affine2D(), None)
    gc.restore()
    coverage = np.asarray(mask.buffer_rgba())[::-1, :, 3]  # rows from the bottom
    rows, columns = np.nonzero(coverage.any(axis=1))[0], np.nonzero(coverage.any(axis=0))[0]
    if len(rows) == 0:
        return True
    bottom, top, left, right = rows[0], rows[-1] + 1, columns[0], columns[-1] + 1
    words = _words(paint, canvas, int(left), int(bottom), (int(top - bottom), int(right - left)))
    if words is None:
        return True
    image = np.ascontiguousarray(words).view(np.uint8).reshape(*words.shape, 4).copy()
    covered = coverage[bottom:top, left:right].astype(np.uint16)
    image[..., 3] = (image[..., 3] * covered + 127) // 255
    if not agg:
        return draw_vector_image(canvas, int(left), int(bottom), image)
    gc = renderer.new_gc()
    if canvas.clip is not None:
        gc.set_clip_rectangle(canvas.clip)
    renderer.draw_image(gc, int(left), int(bottom), image)
    gc.restore()
    return True


def _draw(
    renderer: RendererAgg, gc: object, left: int, bottom: int, words: np.ndarray | None
) -> None:
    if words is None:
        return  # a gradient of zero length paints nothing on a canvas
    # row 0 at the bottom: Agg's draw_image takes an image's first row as its bottom one
    image = np.ascontiguousarray(words).view(np.uint8).reshape(*words.shape, 4)
    renderer.draw_image(gc, left, bottom, image)


def _words_of(paint: Paint, canvas: Canvas) -> Words:
    return lambda left, bottom, shape: _words(paint, canvas, left, bottom, shape)


def _words(
    paint: Paint, canvas: Canvas, left: int, bottom: int, shape: tuple[int, int]
) -> np.ndarray | None:
    """The paint's colour (an RGBA word) at each pixel of a box of ``shape`` (rows from
    ``bottom`` up, columns from ``left``); None: it paints nothing."""
    dpi = frame_dpi(canvas)
    if isinstance(paint, LinearGradient):
        return gradient_words(paint, left, bottom, shape, canvas.size, dpi)
    return _pattern_words(paint, left, bottom, shape, canvas.size[1], dpi / _CSS_PIXELS_PER_INCH)


def _pattern_words(
    pattern: FillPattern,
    left: int,
    bottom: int,
    shape: tuple[int, int],
    height: float,
    scale: float,
) -> np.ndarray:
    """The tiles repeated from the canvas's top left, as ``createPattern(tile, 'repeat')``
    under Chart.js's device pixel ratio: each pixel centre takes the tile's pixel it falls on."""
    tile = pattern_tile(pattern, scale)
    side, period = tile.shape[0], pattern_period(pattern)
    rows, columns = shape
    xs = (left + np.arange(columns) + 0.5) / scale  # CSS pixels from the left
    ys = (height - bottom - np.arange(rows) - 0.5) / scale  # from the top, rows from the bottom
    steps = side / period
    column_in_tile = np.minimum((np.mod(xs, period) * steps).astype(np.intp), side - 1)
    row_in_tile = np.minimum((np.mod(ys, period) * steps).astype(np.intp), side - 1)
    return tile[row_in_tile[:, None], column_in_tile[None, :]]
