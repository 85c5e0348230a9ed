"""Shapes filled and outlined with a colour that runs from one to another along x, as a
canvas paints a path with ``createLinearGradient(x0, 0, x1, 0)`` as its fill and stroke style.

On Agg each shape's coverage (its fill, then its outline) is rendered into a mask, the
gradient's colours are laid over it column by column, and the shapes are composited in
order into one layer that is drawn once: the same pixels as painting each in turn, with one
image however many shapes there are. Other renderers (vector output) get False and draw the
shapes in one colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from chartfn.drawing.matplotlib_runtime import Affine2D, Path, RendererAgg
from chartfn.drawing.raster.canvas import Canvas
from chartfn.drawing.raster.style import RGBA

__all__ = ["GradientBand", "draw_gradient_bands"]

_WHITE: RGBA = (1.0, 1.0, 1.0, 1.0)


@dataclass(frozen=True)
class GradientBand:
    """``path`` (frame pixels, y upwards) painted from ``start`` at x = ``x0`` to ``end`` at
    x = ``x1`` (held beyond them), filled and stroked ``stroke_width`` points wide."""

    path: Path
    x0: float
    x1: float
    start: RGBA
    end: RGBA
    stroke_width: float


def draw_gradient_bands(canvas: Canvas, bands: Sequence[GradientBand]) -> bool:
    """Paint ``bands`` in order; False if this canvas cannot draw images."""
    renderer = canvas.renderer
    if not isinstance(renderer, RendererAgg) or canvas.unit != 1.0:
        return False
    width, height = (round(side) for side in canvas.size)
    boxes = [_box(band, width, height, renderer.dpi) for band in bands]
    shown = [(band, box) for band, box in zip(bands, boxes, strict=True) if box is not None]
    if not shown:
        return True
    left = min(box[0] for _, box in shown)
    bottom = min(box[1] for _, box in shown)
    right = max(box[2] for _, box in shown)
    top = max(box[3] for _, box in shown)
    # premultiplied RGBA, rows from ``bottom`` up
    layer = np.zeros((top - bottom, right - left, 4), dtype=np.float32)
    mask = RendererAgg(right - left, top - bottom, renderer.dpi)
    mask.clear()
    shift = Affine2D().translate(-left, -bottom)
    for band, (x0, y0, x1, y1) in shown:
        box = (x0 - left, y0 - bottom, x1 - left, y1 - bottom)
        fill = _coverage(mask, band.path, shift, None, box)
        stroke = _coverage(mask, band.path, shift, band.stroke_width, box)
        colors = _colors(band, x0, x1)  # (columns, 4), straight alpha
        alpha = colors[:, 3]
        # the fill and then the outline, each in the gradient's colour at its alpha
        fill *= alpha
        stroke *= alpha
        coverage = fill + stroke - fill * stroke
        region = layer[y0 - bottom : y1 - bottom, x0 - left : x1 - left]
        keep = 1.0 - coverage
        region *= keep[..., None]
        region[..., :3] += coverage[..., None] * colors[:, :3]
        region[..., 3] += coverage
    _draw_layer(renderer, canvas, layer, left, bottom)
    return True


def _box(
    band: GradientBand, width: int, height: int, dpi: float
) -> tuple[int, int, int, int] | None:
    """The band's whole-pixel bounds on the canvas (its outline and anti-aliasing included:
    all the ink it leaves on a mask), or None."""
    vertices = band.path.vertices
    if len(vertices) == 0 or not np.all(np.isfinite(vertices)):
        return None
    reach = band.stroke_width * dpi / 72.0 + 2.0
    x0 = max(int(np.floor(vertices[:, 0].min() - reach)), 0)
    y0 = max(int(np.floor(vertices[:, 1].min() - reach)), 0)
    x1 = min(int(np.ceil(vertices[:, 0].max() + reach)), width)
    y1 = min(int(np.ceil(vertices[:, 1].max() + reach)), height)
    return (x0, y0, x1, y1) if x1 > x0 and y1 > y0 else None


def _coverage(
    mask: RendererAgg,
    path: Path,
    shift: Affine2D,
    stroke_width: float | None,
    box: tuple[int, int, int, int],
) -> np.ndarray:
    """How much of each pixel of ``box`` (mask pixels, rows from the bottom up) the path's
    fill (``stroke_width`` None) or its outline covers, 0 … 1. The mask is clear outside
    ``box`` and is left clear: only the box is wiped (clearing the whole mask for each band
    would cost more than the band)."""
    gc = mask.new_gc()
    gc.set_foreground(_WHITE, isRGBA=True)
    gc.set_antialiased(True)
    if stroke_width is None:
        gc.set_linewidth(0.0)
        mask.draw_path(gc, path, shift, _WHITE)
    else:
        gc.set_linewidth(stroke_width)
        gc.set_joinstyle("miter")
        gc.set_capstyle("butt")
        mask.draw_path(gc, path, shift, None)
    gc.restore()
    rows = np.asarray(mask.buffer_rgba())[::-1]  # the buffer's first row is its top
    x0, y0, x1, y1 = box
    coverage = rows[y0:y1, x0:x1, 3] * np.float32(1 / 255)
    rows[y0:y1, x0:x1] = 0
    return coverage


def _colors(band: GradientBand, x0: int, x1: int) -> np.ndarray:
    """The gradient's colour at each column's centre (straight alpha); canvas gradients mix
    premultiplied colours."""
    centres = np.arange(x0, x1, dtype=np.float64) + 0.5
    span = band.x1 - band.x0
    share = np.clip((centres - band.x0) / span, 0.0, 1.0) if span else np.zeros_like(centres)
    start, end = np.array(band.start), np.array(band.end)
    alpha = start[3] + (end[3] - start[3]) * share
    rgb = start[:3] * start[3] + np.outer(share, end[:3] * end[3] - start[:3] * start[3])
    rgb = rgb / np.where(alpha > 0, alpha, 1.0)[:, None]
    return np.concatenate([rgb, alpha[:, None]], axis=1).astype(np.float32)


def _draw_layer(
    renderer: RendererAgg, canvas: Canvas, layer: np.ndarray, left: int, bottom: int
) -> None:
    alpha = layer[..., 3:4]
    painted = alpha > 0
    np.divide(layer[..., :3], alpha, out=layer[..., :3], where=painted)  # straight colours
    layer *= 255.0
    layer += 0.5
    np.clip(layer, 0.0, 255.0, out=layer)
    pixels = layer.astype(np.uint8)
    gc = renderer.new_gc()
    if canvas.clip is not None:
        gc.set_clip_rectangle(canvas.clip)
    # row 0 at the bottom: Agg's draw_image takes an image's first row as its bottom one
    renderer.draw_image(gc, left, bottom, np.ascontiguousarray(pixels))
    gc.restore()
