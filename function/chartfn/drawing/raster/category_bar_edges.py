"""Bars on a category axis as wide as a config's own Chart.js bar options make them
(``chartfn.models.category_bars``): each series' bar edges recomputed in category units once
the layout knows how many pixels a category spans (a thickness is in CSS pixels)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from chartfn.models.category_bars import CategoryBarWidths

__all__ = ["sized_bar_boxes", "sized_bar_groups"]

# the engine's dpi is 100 per device pixel ratio (as in bar_borders)
_DEVICE_PX_PER_CSS_PX_AT_1_DPI = 1 / 100.0

# Per series: each bar's category-axis edges and value-axis start and end (charts.BarBoxes).
_Boxes = list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]


def sized_bar_boxes(
    boxes: _Boxes,
    widths: CategoryBarWidths | None,
    series_indexes: Sequence[int],
    stacked: bool,
    category_pixels: float,
    dpi: float,
) -> _Boxes:
    """``boxes`` (one group of bars sharing their categories, ``series_indexes`` their series
    in the spec) with their category edges by ``widths``; unchanged where ``widths`` is None.
    ``category_pixels``: how many device pixels one category spans."""
    if widths is None or category_pixels <= 0 or not boxes:
        return boxes
    css = dpi * _DEVICE_PX_PER_CSS_PX_AT_1_DPI / category_pixels  # categories per CSS pixel
    stack_count = 1 if stacked else len(boxes)
    sized: _Boxes = []
    for stack_index, ((left, _, start, end), series) in enumerate(
        zip(boxes, series_indexes, strict=True)
    ):
        width = widths.of(series)
        centres = np.arange(left.shape[0], dtype=np.float64)
        if width.thickness is not None:
            chunk, ratio = width.thickness * css, 1.0
        else:
            chunk, ratio = width.category_percentage / stack_count, width.bar_percentage
        slot_start = centres - chunk * stack_count / 2
        middle = slot_start + chunk * (0 if stacked else stack_index) + chunk / 2
        size = chunk * ratio
        if width.max_thickness is not None:
            size = min(size, width.max_thickness * css)
        sized.append((middle - size / 2, middle + size / 2, start, end))
    return sized


def sized_bar_groups(
    boxes: dict[int, tuple[np.ndarray, ...]],
    widths: CategoryBarWidths | None,
    stacked: bool,
    category_pixels: float,
    dpi: float,
) -> dict[int, tuple[np.ndarray, ...]]:
    """``sized_bar_boxes`` for bars keyed by their series (a chart mixing bars with lines or
    two value axes): unstacked, every bar series shares its category, in series order."""
    if widths is None:
        return boxes
    order = sorted(boxes)
    placed = sized_bar_boxes(
        [(b[0], b[1], b[2], b[3]) for b in (boxes[i] for i in order)],
        widths,
        order,
        stacked,
        category_pixels,
        dpi,
    )
    return dict(zip(order, placed, strict=True))
