"""Chart.js's chart area for a config without cartesian axes (pie, doughnut, polar area,
radar): what its layout leaves once the title and legend boxes have their room.

Chart.js 2.9.4 and 4 put those boxes at the canvas' edges inside ``layout.padding`` and give
the rest to the chart, with no margin of their own: the area reaches the canvas' edges (less
the padding) where nothing is. A legend above or below is ``10 + rows × (item height +
labels.padding)`` CSS px high, its entries starting 10 px into it (2.9.4's ``Legend.fit``,
4's ``_fitRows``; the item height is the font size, or 4's ``boxHeight`` when taller), under a
title at the top of ``2 × 10 + lines × 1.2 em``. The
engine's own layout keeps an outer pad on every side, rows of its text's line height and
its own gap under a legend: right for its axes, but a round chart's radius and centre
follow the area (the radar's and the doughnut's area sat 6.5 px higher and 6.9 px narrower
on each side than Chart.js's).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chartfn.drawing.raster.layout import PlacedEntry, Request

__all__ = ["chartjs_round_area"]

Rect = tuple[float, float, float, float]
LEGEND_TOP = 10.0  # CSS px above a legend's first row (Chart.js's fixed legend padding)
TITLE_PADDING = 10.0  # CSS px above and below the title's lines (title.padding)


def chartjs_round_area(
    request: Request,
    plot: Rect,
    outer: Rect,
    pad: float,
    legend: list[PlacedEntry],
    legend_box: Rect | None,
    titled: bool = False,
) -> Rect:
    """``plot`` (left, bottom, right, top; y up) as the engine's layout left it, made
    Chart.js's: ``outer`` is where its edges start before a title or legend moves them and
    ``pad`` the engine's outer pad, both less the gap the engine adds above a Chart.js chart
    (``CHARTJS_TOP_GAP``); ``legend`` and ``legend_box``: the legend as placed; ``titled``:
    the layout placed a title."""
    # imported here: the overlays module imports the layout, which calls this
    from chartfn.drawing.raster.overlays import CHARTJS_TOP_GAP, POINTS_PER_CSS_PIXEL

    look, dpi = request.look, request.dpi
    css = dpi / 100.0
    left, bottom, right, top = plot
    above = pad + CHARTJS_TOP_GAP * css  # the engine's room above a Chart.js chart's boxes
    if left == outer[0]:
        left -= pad
    if right == outer[2]:
        right += pad
    if bottom == outer[1]:
        bottom -= pad
    if top == outer[3]:
        top += above
    # Chart.js's boxes stack down from the top edge inside layout.padding: a title at the
    # top first (its lines, 1.2 em each, and 10 px above and below them)
    start = outer[3] + above
    if titled and look.title_side is None and not look.title_bottom and not look.subtitle_lines:
        title_points = look.title_size or request.style.title_size
        lines = max(len(look.title_lines), 1)
        start -= (2 * TITLE_PADDING + lines * title_points / POINTS_PER_CSS_PIXEL * 1.2) * css
        top = start
    position = look.legend_position
    sideways = position in ("left", "right")  # a column beside the area keeps its gap
    if legend_box is not None and legend and look.legend_box is not None and not sideways:
        font_points = look.legend_size or request.style.legend_size
        item = max(font_points / POINTS_PER_CSS_PIXEL * css, look.legend_box.height)
        rows = len({round(entry.swatch_rect[1], 3) for entry in legend})
        height = LEGEND_TOP * css + rows * (item + look.legend_box.padding)
        if position == "bottom":
            # the block ends at the layout padding, where the engine ends the legend's last
            # row less its outer pad
            bottom = legend_box[1] - pad + height
        else:
            top = start - height
    return (left, bottom, max(left + 1.0, right), max(bottom + 1.0, top))
