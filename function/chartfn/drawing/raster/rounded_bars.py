"""Bars with rounded corners (Chart.js 3/4's ``borderRadius``): every corner rounded by the
radius, at most half the bar across, except those on the skipped side (the base, by default),
as Chart.js leaves them square; an outline (``borderWidth``) follows the rounding inside the
bar, its inner corners rounded by what the radius leaves. One path per colour."""

from __future__ import annotations

import numpy as np

from chartfn.drawing.matplotlib_runtime import Path, to_rgba
from chartfn.drawing.raster.bar_borders import side_widths, skipped_sides
from chartfn.drawing.raster.canvas import Canvas
from chartfn.drawing.raster.rounded_outline import Corner, rounded_outline
from chartfn.drawing.raster.style import RGBA
from chartfn.models.series_style import SeriesStyle

__all__ = ["fill_rounded_bars"]

_CSS_PER_DPI = 1 / 100.0  # frame pixels per CSS pixel at 1 dpi
_ARC_STEPS = 8  # segments a quarter circle is drawn with: smooth at any radius a bar allows
_FIRST: Corner = "bottom_left"  # where a bar's outline has always started (SVG's bytes)


def fill_rounded_bars(
    canvas: Canvas,
    rects: np.ndarray,
    drawn: np.ndarray,
    base_low: np.ndarray,
    style: SeriesStyle,
    fills: list[tuple[RGBA, np.ndarray]],
    color: RGBA,
    *,
    horizontal: bool,
    dpi: float,
) -> None:
    """Bars ``rects`` (any row order; ``drawn``: the finite ones) filled in ``fills``' colours
    (colour, mask of bars) with rounded corners and their outlines."""
    with np.errstate(invalid="ignore"):
        x0, y0, x1, y1, left, right, bottom, top = side_widths(
            rects, base_low, style, horizontal, dpi
        )
        radius = style.bar_border_radius * dpi * _CSS_PER_DPI
        limit = np.minimum((x1 - x0) / 2, (y1 - y0) / 2)
        corner = np.minimum(radius, limit)
    # corners as rounded_outline takes them: top-right, top-left, bottom-left, bottom-right
    corners = np.repeat(corner[:, None], 4, axis=1)
    for side, mask in skipped_sides(style.bar_border_skipped, base_low, horizontal).items():
        touching = {"top": (0, 1), "left": (1, 2), "bottom": (2, 3), "right": (3, 0)}[side]
        for index in touching:
            corners[mask, index] = 0.0
    outlined = (left + right + bottom + top) > 0
    edge_colors = [
        to_rgba(given) if given is not None else color
        for given in _padded(style.bar_border_colors, len(rects))
    ]
    fill_paths: dict[RGBA, list[np.ndarray]] = {}
    edge_paths: dict[RGBA, list[np.ndarray]] = {}
    fill_of = _fill_colors(fills, len(rects), color)
    for i in np.flatnonzero(drawn):
        outer = rounded_outline((x0[i], y0[i], x1[i], y1[i]), corners[i], _ARC_STEPS, _FIRST)
        if not outlined[i]:
            fill_paths.setdefault(fill_of[i], []).append(outer)
            continue
        # the inner corners: what the radius leaves past the wider of the two sides there
        sides = (
            max(right[i], top[i]), max(left[i], top[i]),
            max(left[i], bottom[i]), max(right[i], bottom[i]),
        )  # fmt: skip
        inner_corners = np.maximum(corners[i] - np.array(sides), 0.0)
        inner_box = (x0[i] + left[i], y0[i] + bottom[i], x1[i] - right[i], y1[i] - top[i])
        inner = rounded_outline(inner_box, inner_corners, _ARC_STEPS, _FIRST)
        # the outline: the outer shape less the inner one (drawn the other way round)
        edge_paths.setdefault(edge_colors[i], []).extend([outer, inner[::-1]])
        fill_paths.setdefault(fill_of[i], []).append(inner)
    for fill_color, polygons in fill_paths.items():
        canvas.fill_path(_compound(polygons), fill_color)
    for edge_color, polygons in edge_paths.items():
        canvas.fill_path(_compound(polygons), edge_color)


def _fill_colors(fills: list[tuple[RGBA, np.ndarray]], count: int, color: RGBA) -> list[RGBA]:
    chosen = [color] * count
    for fill_color, mask in fills:
        for index in np.flatnonzero(mask):
            chosen[index] = fill_color
    return chosen


def _padded(colors: tuple[str | None, ...], count: int) -> list[str | None]:
    return [colors[i] if i < len(colors) else None for i in range(count)]


def _compound(polygons: list[np.ndarray]) -> Path:
    vertices = []
    codes = []
    for polygon in polygons:
        vertices.append(np.concatenate([polygon, polygon[:1]]))
        shape = np.full(len(polygon) + 1, Path.LINETO, dtype=Path.code_type)
        shape[0], shape[-1] = Path.MOVETO, Path.CLOSEPOLY
        codes.append(shape)
    return Path(np.concatenate(vertices), np.concatenate(codes))
