"""Gradients and patterns on the vector renderers (SVG, PDF): the paint becomes an image of the
shape's box at the frame's pixel size, the pixels PNG shows there, drawn with ``draw_image``
under a clip path of the shape, so the file shows the same gradient or pattern as PNG and
the shape keeps its exact outline. A stroke's image carries the stroke's coverage as its alpha
instead (a renderer clips to a filled outline, not to a stroke).

Bounded per render: at most ``MAX_VECTOR_PAINT_IMAGES`` images, each at most the canvas (a
fill's image covers the shape's box, transparent outside its rectangles where it has them);
past the bound a shape is left to its caller's one colour, and ``chartjs.prepare`` warns of a
chart that could reach it. Bars of one paint share one image, so the images count datasets,
slices, lines' runs and legend boxes, not bars.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from chartfn.drawing.matplotlib_runtime import Affine2D, Bbox, Path, RendererAgg, TransformedPath
from chartfn.drawing.raster.canvas import Canvas
from chartfn.models.paint_bounds import MAX_VECTOR_PAINT_IMAGES

__all__ = [
    "Words",
    "draw_vector_image",
    "fill_path_as_image",
    "fill_rects_as_image",
    "frame_dpi",
    "on_agg",
]

# The paint's colour (an RGBA word) at each pixel of a box: (left, bottom, (rows, columns)),
# rows from the bottom; None: it paints nothing there.
Words = Callable[[int, int, tuple[int, int]], np.ndarray | None]

# Where a renderer counts the paint images drawn on it (one renderer is one render).
_IMAGES_DRAWN = "_chartfn_paint_images"
_RECT_CODES = np.array(
    [Path.MOVETO, Path.LINETO, Path.LINETO, Path.LINETO, Path.CLOSEPOLY], dtype=Path.code_type
)


def on_agg(canvas: Canvas) -> bool:
    """Whether the canvas is Agg at the frame's pixels (the raster path paints there)."""
    return isinstance(canvas.renderer, RendererAgg) and canvas.unit == 1.0


def frame_dpi(canvas: Canvas) -> float:
    """The frame's dots per inch: Agg's own; a vector renderer's images are drawn at it."""
    renderer = canvas.renderer
    if isinstance(renderer, RendererAgg):
        return float(renderer.dpi)
    return float(getattr(renderer, "image_dpi", 72.0 / canvas.unit))


def fill_rects_as_image(canvas: Canvas, rects: np.ndarray, words: Words) -> bool:
    """Rectangles (rows of x0, y0, x1, y1 in frame pixels) filled with the paint as one image
    clipped to them; False where this canvas cannot (the caller fills them in a colour)."""
    if not _room_for_an_image(canvas):
        return False
    rects = rects[np.all(np.isfinite(rects), axis=1)]
    low_x, low_y, high_x, high_y = _visible(canvas)
    x0 = np.clip(np.minimum(rects[:, 0], rects[:, 2]), low_x, high_x)
    x1 = np.clip(np.maximum(rects[:, 0], rects[:, 2]), low_x, high_x)
    y0 = np.clip(np.minimum(rects[:, 1], rects[:, 3]), low_y, high_y)
    y1 = np.clip(np.maximum(rects[:, 1], rects[:, 3]), low_y, high_y)
    kept = (x1 > x0) & (y1 > y0)
    x0, y0, x1, y1 = x0[kept], y0[kept], x1[kept], y1[kept]
    if len(x0) == 0:
        return True
    corners = np.stack([x0, y0, x1, y0, x1, y1, x0, y1, x0, y0], axis=1).reshape(-1, 2)
    outline = Path(corners, np.tile(_RECT_CODES, len(x0)))
    whole = [np.floor(x0), np.floor(y0), np.ceil(x1), np.ceil(y1)]  # the pixels they touch
    boxes = np.stack(whole, axis=1).astype(np.int64)
    left, bottom = int(boxes[:, 0].min()), int(boxes[:, 1].min())
    shape = (int(boxes[:, 3].max()) - bottom, int(boxes[:, 2].max()) - left)
    pixels = words(left, bottom, shape)
    if pixels is None:
        return True
    inside = np.zeros(shape, dtype=bool)
    for bx0, by0, bx1, by1 in boxes:
        inside[by0 - bottom : by1 - bottom, bx0 - left : bx1 - left] = True
    pixels = np.where(inside, pixels, np.uint32(0))  # transparent between the rectangles
    draw_vector_image(canvas, left, bottom, _rgba(pixels), outline)
    return True


def fill_path_as_image(canvas: Canvas, path: Path, words: Words) -> bool:
    """A closed path (frame pixels) filled with the paint as an image of its box clipped to
    it; False where this canvas cannot (the caller fills it in a colour)."""
    if not _room_for_an_image(canvas):
        return False
    low_x, low_y, high_x, high_y = _visible(canvas)
    shape_path = _cut(path, Bbox.from_extents(low_x, low_y, high_x, high_y))
    if shape_path is None:
        return True
    x0, y0, x1, y1 = shape_path.get_extents().extents
    left, bottom = int(np.floor(max(x0, low_x))), int(np.floor(max(y0, low_y)))
    right, top = int(np.ceil(min(x1, high_x))), int(np.ceil(min(y1, high_y)))
    if right <= left or top <= bottom:
        return True
    pixels = words(left, bottom, (top - bottom, right - left))
    if pixels is None:
        return True
    draw_vector_image(canvas, left, bottom, _rgba(pixels), shape_path)
    return True


def draw_vector_image(
    canvas: Canvas, left: int, bottom: int, image: np.ndarray, clip: Path | None = None
) -> bool:
    """An RGBA image (uint8, rows from the bottom) with its bottom left at frame pixel
    (left, bottom), one frame pixel an image pixel, clipped to ``clip`` (frame pixels) and
    the canvas's clip; False (nothing drawn) past the bound or where the canvas cannot."""
    if not _room_for_an_image(canvas):
        return False
    renderer = canvas.renderer
    count = renderer.__dict__.get(_IMAGES_DRAWN, 0)
    renderer.__dict__[_IMAGES_DRAWN] = count + 1
    gc = renderer.new_gc()
    if canvas.clip is not None:
        gc.set_clip_rectangle(canvas.clip)
    if clip is not None:
        gc.set_clip_path(TransformedPath(clip, canvas.transform))
    # SVG names an image by a hash of its PNG: two equal images would share an id
    gc.set_gid(f"chartfn-paint-{count}")
    unit = canvas.unit
    rows, columns = image.shape[:2]
    placed = Affine2D().scale(columns * unit, rows * unit)
    renderer.draw_image(gc, left * unit, bottom * unit, image, placed)
    gc.restore()
    return True


def _cut(path: Path, visible: Bbox) -> Path | None:
    """The path's polygons cut to ``visible`` (None: nothing left). SVG clips an image to its
    clip path or to its clip rectangle, not to both, so the path is cut here; and
    ``clip_to_bbox`` takes a CLOSEPOLY's unused vertex for a corner, so it gets polygons
    closed by their first vertex instead."""
    polygons = [Path(p) for p in path.to_polygons(closed_only=True) if len(p) > 2]
    if not polygons:
        return None
    cut = Path.make_compound_path(*polygons).clip_to_bbox(visible)
    return cut if len(cut.vertices) > 2 else None


def _room_for_an_image(canvas: Canvas) -> bool:
    renderer = canvas.renderer
    if on_agg(canvas) or not renderer.option_scale_image():
        return False
    return renderer.__dict__.get(_IMAGES_DRAWN, 0) < MAX_VECTOR_PAINT_IMAGES


def _visible(canvas: Canvas) -> tuple[float, float, float, float]:
    """The canvas, or its clip, in frame pixels."""
    width, height = canvas.size
    if canvas.clip is None:
        return 0.0, 0.0, width, height
    x0, y0, x1, y1 = (float(v) / canvas.unit for v in canvas.clip.extents)
    return max(x0, 0.0), max(y0, 0.0), min(x1, width), min(y1, height)


def _rgba(words: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(words).view(np.uint8).reshape(*words.shape, 4)
