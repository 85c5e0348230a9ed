"""Bars' outlines as Chart.js draws them: inside the bar, each side as wide as the dataset's
``borderWidth`` but at most half the bar across, the skipped side (``borderSkipped``, the base
by default) left open; the bar's colour fills what the outline leaves, so a translucent
outline lies over the background, not over the bar (as Chart.js fills the two apart)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from chartfn.drawing.matplotlib_runtime import to_rgba
from chartfn.drawing.raster.canvas import Canvas, Rect
from chartfn.drawing.raster.layout import LegendEntry
from chartfn.drawing.raster.style import RGBA
from chartfn.models.series_style import SeriesStyle

__all__ = ["Outlines", "bar_outlines", "side_widths", "skipped_sides"]

# frame pixels per CSS pixel at 1 dpi: the engine's dpi is 100 per device pixel ratio
_CSS_PER_DPI = 1 / 100.0


@dataclass(frozen=True)
class Outlines:
    """The bars less their outlines (``inner``, rows of x0, y0, x1, y1, to fill with the bars'
    colours) and the outlines as rectangles, by colour."""

    inner: np.ndarray
    strips: list[tuple[RGBA, np.ndarray]]

    def draw(self, canvas: Canvas, drawn: np.ndarray) -> None:
        """The outlines of the bars ``drawn`` (a mask over the bars)."""
        for color, strips in self.strips:
            kept = strips[np.repeat(drawn, 4)]
            with np.errstate(invalid="ignore"):
                kept = kept[(kept[:, 2] > kept[:, 0]) & (kept[:, 3] > kept[:, 1])]
            canvas.fill_rects(kept, color)


def bar_outlines(
    rects: np.ndarray,
    base_low: np.ndarray,
    style: SeriesStyle | None,
    color: RGBA,
    *,
    horizontal: bool,
    dpi: float,
) -> Outlines | None:
    """The outlines of bars ``rects`` (rows of x0, y0, x1, y1 in frame pixels, y upwards, in
    any order) whose base is on their low side (the bottom, or the left of horizontal bars)
    where ``base_low``; None where the style draws none."""
    if style is None or not any(style.bar_border_widths) or style.bar_border_skipped == "all":
        return None
    count = len(rects)
    with np.errstate(invalid="ignore"):  # bars off the scale (not drawn) are NaN
        return _outlines(rects, base_low, style, color, horizontal, dpi, count)


def _outlines(
    rects: np.ndarray,
    base_low: np.ndarray,
    style: SeriesStyle,
    color: RGBA,
    horizontal: bool,
    dpi: float,
    count: int,
) -> Outlines:
    x0, y0, x1, y1, left, right, bottom, top = side_widths(rects, base_low, style, horizontal, dpi)
    inner = np.stack([x0 + left, y0 + bottom, x1 - right, y1 - top], axis=1)
    # left and right strips the bar's full height, bottom and top ones between them
    strips = np.stack(
        [
            np.stack([x0, y0, x0 + left, y1], axis=1),
            np.stack([x1 - right, y0, x1, y1], axis=1),
            np.stack([x0 + left, y0, x1 - right, y0 + bottom], axis=1),
            np.stack([x0 + left, y1 - top, x1 - right, y1], axis=1),
        ],
        axis=1,
    ).reshape(-1, 4)
    colors = [
        to_rgba(given_color) if given_color is not None else color
        for given_color in _padded(style.bar_border_colors, count)
    ]
    by_color = []
    for look in dict.fromkeys(colors):
        chosen = np.repeat(np.array([c == look for c in colors]), 4)
        # the other colours' rows become empty rectangles, which ``draw`` leaves out
        by_color.append((look, np.where(chosen[:, None], strips, 0.0)))
    return Outlines(inner, by_color)


def side_widths(
    rects: np.ndarray, base_low: np.ndarray, style: SeriesStyle, horizontal: bool, dpi: float
) -> tuple[np.ndarray, ...]:
    """The bars' edges (x0, y0, x1, y1, ordered) and their outline's width on each side
    (left, right, bottom, top; 0 on a skipped side), in frame pixels."""
    count = len(rects)
    x0 = np.minimum(rects[:, 0], rects[:, 2])
    x1 = np.maximum(rects[:, 0], rects[:, 2])
    y0 = np.minimum(rects[:, 1], rects[:, 3])
    y1 = np.maximum(rects[:, 1], rects[:, 3])
    given = np.zeros(count)
    widths = np.asarray(style.bar_border_widths[:count], dtype=np.float64)
    given[: len(widths)] = widths * dpi * _CSS_PER_DPI
    # each side at most half the bar across, as Chart.js clamps them
    across_x = np.minimum(given, (x1 - x0) / 2)
    across_y = np.minimum(given, (y1 - y0) / 2)
    left, right = across_x.copy(), across_x.copy()
    bottom, top = across_y.copy(), across_y.copy()
    for side, mask in skipped_sides(style.bar_border_skipped, base_low, horizontal).items():
        {"left": left, "right": right, "bottom": bottom, "top": top}[side][mask] = 0.0
    return x0, y0, x1, y1, left, right, bottom, top


def draw_box_edge(canvas: Canvas, rect: Rect, entry: LegendEntry) -> None:
    """A legend box's outline, inside the box (at most half of it across)."""
    if entry.edge is None or entry.edge_width <= 0:
        return
    x0, y0, x1, y1 = rect
    width = min(entry.edge_width, (x1 - x0) / 2, (y1 - y0) / 2)
    strips = np.array([
        [x0, y0, x0 + width, y1], [x1 - width, y0, x1, y1],
        [x0 + width, y0, x1 - width, y0 + width], [x0 + width, y1 - width, x1 - width, y1],
    ])  # fmt: skip
    canvas.fill_rects(
        strips[(strips[:, 2] > strips[:, 0]) & (strips[:, 3] > strips[:, 1])], entry.edge
    )


def _padded(colors: tuple[str | None, ...], count: int) -> list[str | None]:
    return [colors[i] if i < len(colors) else None for i in range(count)]


def skipped_sides(
    skipped: str | None, base_low: np.ndarray, horizontal: bool
) -> dict[str, np.ndarray]:
    """Which bars leave which side open. Chart.js swaps the base-side names (bottom/top of
    vertical bars, left/right of horizontal ones) for bars below their base."""
    if skipped is None:
        return {}
    low, high = ("left", "right") if horizontal else ("bottom", "top")
    if skipped in ("start", low):
        return {low: base_low, high: ~base_low}
    if skipped in ("end", high):
        return {high: base_low, low: ~base_low}
    return {skipped: np.ones(len(base_low), dtype=bool)}
