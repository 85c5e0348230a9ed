"""Rasterised text, kept by (string, font, resolution, angle) and stamped in any colour.

FreeType's rendering is most of a chart's drawing time (every glyph of every tick label, each
chart), and the same strings come back chart after chart: tick values, category names, legend
entries. A string is rendered once into a coverage bitmap on a small scratch canvas and from
then on only stamped, in the colour of the moment, at a whole-pixel origin. Text is always
placed this way, cached or not, so a cache hit gives the same pixels as a fresh render.
The cache is bounded by the bytes it holds, so user text cannot grow memory.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from chartfn.drawing.matplotlib_runtime import FontProperties
from chartfn.drawing.raster.text import TextRenderer, face_of, hinting_flag, measure

# What stamps may hold, in bytes (one a pixel, plus the entry's own objects): a couple of
# thousand tick labels, category names and titles, the strings that do come back. Measured:
# a budget of 8 MB still let RSS grow 7 MB between charts 1000 and 3000 while it filled, and
# 2 MB let a cold uvicorn's RSS grow 5.1-5.4 MB from request 1000 to 3000 of the load test
# (two render threads, each filling its own malloc arena); 1 MB: +2.0 MB.
CACHE_BYTES = 1024 * 1024
ENTRY_OVERHEAD = 400
# Room around the measured box on the scratch canvas: hinting and anti-aliasing reach past it.
MARGIN = 4


@dataclass(frozen=True)
class Stamp:
    """A coverage bitmap and where its top-left pixel sits from the text's origin (x right,
    y down)."""

    coverage: np.ndarray
    dx: int
    dy: int


_Key = tuple[str, FontProperties, float, float, bool]


class StampCache:
    def __init__(self, budget: int = CACHE_BYTES) -> None:
        self.budget = budget
        self.size = 0
        self._stamps: OrderedDict[_Key, Stamp] = OrderedDict()

    def __len__(self) -> int:
        return len(self._stamps)

    def get(self, text: str, font: FontProperties, dpi: float, angle: float, math: bool) -> Stamp:
        key = (text, font, dpi, angle, math)
        stamp = self._stamps.get(key)
        if stamp is not None:
            self._stamps.move_to_end(key)
            return stamp
        stamp = _render(text, font, dpi, angle, math)
        cost = _cost(stamp)
        if cost <= self.budget:
            self._stamps[key] = stamp
            self.size += cost
            while self.size > self.budget:
                _, old = self._stamps.popitem(last=False)
                self.size -= _cost(old)
        return stamp


def _cost(stamp: Stamp) -> int:
    return stamp.coverage.nbytes + ENTRY_OVERHEAD


STAMPS = StampCache()


def _render(text: str, font: FontProperties, dpi: float, angle: float, math: bool) -> Stamp:
    if math:
        return _render_on_scratch(text, font, dpi, angle, math)
    # FreeType lays out and rasterises the whole string in one call (with the fallback fonts
    # for CJK): the same pixels as matplotlib's per-glyph drawing at a whole-pixel origin, in a
    # third of the time.
    face = face_of(font)
    face.clear()
    face.set_size(font.get_size_in_points(), dpi)
    face.set_text(text, 0.0, flags=hinting_flag())
    face.draw_glyphs_to_bitmap(antialiased=True)
    image = np.asarray(face.get_image())
    if image.size == 0 or not image.any():
        return Stamp(np.zeros((0, 0), dtype=np.uint8), 0, 0)
    rows, cols = image.shape
    below = round(face.get_descent() / 64.0) + 1  # bitmap rows under the baseline
    shift = round(face.get_bitmap_offset()[0] / 64.0)
    if angle == 90.0:
        # Turned a quarter counter-clockwise: the string reads upwards from the origin and the
        # part below the baseline lies to its right.
        return Stamp(np.ascontiguousarray(np.rot90(image)), below - rows, -cols - shift)
    if angle == 270.0:
        # Turned a quarter clockwise (a title on the right): it reads downwards from the origin
        # and the part below the baseline lies to its left.
        return Stamp(np.ascontiguousarray(np.rot90(image, -1)), -below, shift)
    return Stamp(np.ascontiguousarray(image), shift, below - rows)


def _render_on_scratch(
    text: str, font: FontProperties, dpi: float, angle: float, math: bool
) -> Stamp:
    """Mathtext (the engine's own log-axis labels) through matplotlib's renderer."""
    extent = measure(text, font, dpi, math)
    along = int(np.ceil(extent.width)) + 2 * MARGIN
    across = int(np.ceil(extent.height)) + 2 * MARGIN
    upright = angle == 90.0
    width, height = (across, along) if upright else (along, across)
    scratch = TextRenderer(width, height, dpi)
    # The origin (baseline start, in the renderer's downward y): at 0° the baseline sits the
    # descent above the bottom margin; at 90° the text reads upwards from the bottom margin and
    # its baseline lies the descent left of the right margin.
    if upright:
        origin_x, origin_y = width - MARGIN - int(np.ceil(extent.descent)), height - MARGIN
    else:
        origin_x, origin_y = MARGIN, height - MARGIN - int(np.ceil(extent.descent))
    gc = scratch.new_gc()
    gc.set_foreground((0.0, 0.0, 0.0, 1.0), isRGBA=True)
    scratch.draw_text(gc, origin_x, origin_y, text, font, angle, ismath=math)
    gc.restore()
    alpha = np.asarray(scratch.buffer_rgba())[:, :, 3]
    rows = np.flatnonzero(alpha.any(axis=1))
    cols = np.flatnonzero(alpha.any(axis=0))
    if rows.size == 0:
        return Stamp(np.zeros((0, 0), dtype=np.uint8), 0, 0)
    top, bottom, left, right = rows[0], rows[-1] + 1, cols[0], cols[-1] + 1
    coverage = np.ascontiguousarray(alpha[top:bottom, left:right])
    return Stamp(coverage, int(left) - origin_x, int(top) - origin_y)
