"""Measuring text, shortening it to fit, and the box it covers once drawn.

Measurements come from FreeType through a small Agg renderer kept per resolution, and are
cached by (string, font, resolution): tick labels, legend entries and titles repeat from chart
to chart, and a font is looked up once per process (``style._font`` keeps the properties,
matplotlib's ``get_font`` the faces).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from chartfn.drawing.matplotlib_runtime import (
    FONT_MANAGER,
    FontProperties,
    FT2Font,
    RendererAgg,
    backend_agg_hinting_flag,
    get_font,
)

ELLIPSIS = "…"
# Distinct strings measured per process; bounded so that user text cannot grow memory.
MEASURE_CACHE_SIZE = 2048


@dataclass(frozen=True)
class Extent:
    """A drawn string's size in pixels: width, height and the part of the height below the
    baseline (descent)."""

    width: float
    height: float
    descent: float


class TextRenderer(RendererAgg):
    """An Agg renderer for measuring and rasterising text that looks a font's faces up once per
    process: matplotlib resolves the family list (each name through ``findfont``) on every
    call, a third of a millisecond each time."""

    def _prepare_font(self, font_prop: FontProperties) -> FT2Font:
        font = face_of(font_prop)
        font.clear()
        font.set_size(font_prop.get_size_in_points(), self.dpi)
        return font


def hinting_flag() -> int:
    """FreeType's load flags for text, as matplotlib's Agg backend picks them from rcParams."""
    return backend_agg_hinting_flag()


@cache
def face_of(font: FontProperties) -> FT2Font:
    # The properties are the engine's own (style._font keeps them), never mutated.
    return get_font(FONT_MANAGER._find_fonts_by_props(font))


@cache
def _measurer(dpi: float) -> RendererAgg:
    return TextRenderer(1, 1, dpi)


@lru_cache(maxsize=MEASURE_CACHE_SIZE)
def measure(text: str, font: FontProperties, dpi: float, math: bool = False) -> Extent:
    """The size ``text`` takes in ``font`` at ``dpi``. ``math`` is only for the engine's own
    tick labels (log axes); user text is always literal."""
    if not text:
        return Extent(0.0, 0.0, 0.0)
    width, height, descent = _measurer(dpi).get_text_width_height_descent(text, font, math)
    return Extent(float(width), float(height), float(descent))


def line_extent(font: FontProperties, dpi: float) -> Extent:
    """The height of a line of text in ``font`` whatever it says, so that rows of labels share
    a baseline (matplotlib measures "lp" for the same reason)."""
    return measure("lp", font, dpi)


def shorten(text: str, font: FontProperties, dpi: float, max_width: float) -> str:
    """``text`` if it fits in ``max_width`` pixels, else its longest prefix that fits with an
    ellipsis after it, else nothing."""
    if measure(text, font, dpi).width <= max_width:
        return text
    low, high = 0, len(text)  # the longest fitting prefix length lies in [low, high)
    while high - low > 1:
        middle = (low + high) // 2
        if measure(text[:middle].rstrip() + ELLIPSIS, font, dpi).width <= max_width:
            low = middle
        else:
            high = middle
    candidate = text[:low].rstrip() + ELLIPSIS
    if measure(candidate, font, dpi).width <= max_width:
        return candidate
    return ""
