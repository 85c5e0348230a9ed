"""Margins of a line chart that fit the text drawn around its axes.

Fixed margins cut text off: wide tick labels (amplitude 75000, 0.00105, 123456.7) pushed the
y-axis label past the left edge, and on small canvases the labels, ticks and title do not fit
at all. Here the margins are measured from what the axes will draw (tick labels, axis labels,
the y axis's offset text, room for the title) and, where even that leaves too little room for
the plot, the least needed text is left out: axis labels first, then tick labels, then the
title. A title wider than the canvas is shortened with an ellipsis.

Measuring costs a few milliseconds (tick labels are laid out), so the fast path does it once
per kept background and keeps the ``LineLayout`` with it; the title, which changes with every
chart, is only measured when it could be too wide.
"""

from __future__ import annotations

from dataclasses import dataclass

from chartfn.drawing.figures import AXES_RECT
from chartfn.drawing.matplotlib_runtime import Axes, Figure, RendererAgg, Text

# Where layout starts (the rectangle build_figure gives the axes): the tick locators choose
# ticks, and so the y-limits, for an axes of this size.
START_RECT = AXES_RECT
# Breathing room between a text and the canvas edge.
EDGE_PAD_PT = 4.0
# The plot keeps at least this share of each dimension; text is left out to keep it.
MIN_PLOT_SHARE = 0.4
# Tight layout converges in two passes (ticks may change once when the axes resize).
MAX_PASSES = 4
ELLIPSIS = "…"
# No glyph of the bundled fonts is wider than this many ems: titles this short cannot overflow
TITLE_EM_BOUND = 1.1

Rect = tuple[float, float, float, float]


@dataclass(frozen=True)
class LineLayout:
    """Where the axes sit (figure fractions) and which optional texts are drawn."""

    rect: Rect = START_RECT
    x_label: bool = True
    y_label: bool = True
    x_ticks: bool = True
    y_ticks: bool = True
    title: bool = True


START = LineLayout()


def apply_layout(axes: Axes, layout: LineLayout, previous: LineLayout | None = None) -> None:
    """Put ``layout`` in force; ``previous`` (what is in force now) skips what is unchanged."""
    if tuple(axes.get_position().bounds) != layout.rect:
        axes.set_position(layout.rect)
    if previous is not None and _flags(previous) == _flags(layout):
        return
    axes.xaxis.label.set_visible(layout.x_label)
    axes.yaxis.label.set_visible(layout.y_label)
    axes.xaxis.set_tick_params(labelbottom=layout.x_ticks)
    axes.yaxis.set_tick_params(labelleft=layout.y_ticks)
    axes.xaxis.offsetText.set_visible(layout.x_ticks)
    axes.yaxis.offsetText.set_visible(layout.y_ticks)
    axes.title.set_visible(layout.title)


def fit_layout(figure: Figure, axes: Axes, renderer: RendererAgg) -> LineLayout:
    """The layout for what ``axes`` shows now (data, limits, labels), starting from ``START``.
    Deterministic: the same chart on the same frame gets the same layout."""
    width, height = figure.bbox.width, figure.bbox.height
    pad = EDGE_PAD_PT * figure.dpi / 72.0
    layout = START
    apply_layout(axes, layout)
    title_height = _title_height(axes, renderer)
    passes = 0
    while passes < MAX_PASSES:
        left, bottom, right, top = _needed_margins(
            axes, renderer, pad, title_height if layout.title else None
        )
        if left + right > (1 - MIN_PLOT_SHARE) * width and (layout.y_label or layout.y_ticks):
            layout = _drop_horizontal(layout)
        elif bottom + top > (1 - MIN_PLOT_SHARE) * height and (
            layout.x_label or layout.x_ticks or layout.title
        ):
            layout = _drop_vertical(layout)
        else:
            rect = (
                left / width,
                bottom / height,
                (width - left - right) / width,
                (height - bottom - top) / height,
            )
            passes += 1
            if _close(rect, layout.rect, 0.5 / width, 0.5 / height):
                break
            layout = LineLayout(rect, *_flags(layout))
        apply_layout(axes, layout)
    return layout


def fit_title(axes: Axes, text: str, renderer: RendererAgg) -> None:
    """Set the title, shortened with an ellipsis if it is wider than the canvas allows: it is
    centred over the axes, so it may reach as far as the nearer canvas edge on each side."""
    title = axes.title
    title.set_text(text)
    if not title.get_visible() or not text:
        return
    figure = axes.figure
    centre = axes.get_position().x0 + axes.get_position().width / 2
    pad = EDGE_PAD_PT * figure.dpi / 72.0
    room = 2 * min(centre, 1 - centre) * figure.bbox.width - 2 * pad
    em = title.get_fontsize() * figure.dpi / 72.0
    if len(text) * em * TITLE_EM_BOUND <= room:
        return
    if _width(title, renderer) <= room:
        return
    # the longest prefix that fits with the ellipsis: binary search on the prefix length
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        title.set_text(text[:middle].rstrip() + ELLIPSIS)
        if _width(title, renderer) <= room:
            low = middle
        else:
            high = middle - 1
    title.set_text(text[:low].rstrip() + ELLIPSIS if low else "")


def _width(text: Text, renderer: RendererAgg) -> float:
    return float(text.get_window_extent(renderer).width)


def _needed_margins(
    axes: Axes, renderer: RendererAgg, pad: float, title_height: float | None
) -> tuple[float, float, float, float]:
    """Pixels each side needs (left, bottom, right, top) for the axes' text to stay inside."""
    plot = axes.bbox
    boxes = [
        box
        for box in (axes.xaxis.get_tightbbox(renderer), axes.yaxis.get_tightbbox(renderer))
        if box is not None
    ]
    x0 = min([plot.x0, *(b.x0 for b in boxes)])
    y0 = min([plot.y0, *(b.y0 for b in boxes)])
    x1 = max([plot.x1, *(b.x1 for b in boxes)])
    y1 = max([plot.y1, *(b.y1 for b in boxes)])
    top = y1 - plot.y1 + pad
    if title_height is not None:
        # the title sits titlepad above the axes or above the y offset text, whichever is
        # higher (matplotlib moves it up when they would overlap)
        title_pad = axes.title.get_transform().transform((0.0, 1.0))[1] - plot.y1
        top = y1 - plot.y1 + title_pad + title_height + pad
    return plot.x0 - x0 + pad, plot.y0 - y0 + pad, x1 - plot.x1 + pad, top


def _title_height(axes: Axes, renderer: RendererAgg) -> float:
    """The height of a title line in the title's font (the text itself varies per chart)."""
    title = axes.title
    text = title.get_text()
    title.set_text("Ayg(|)")
    try:
        return float(title.get_window_extent(renderer).height)
    finally:
        title.set_text(text)


def _drop_horizontal(layout: LineLayout) -> LineLayout:
    if layout.y_label:
        return LineLayout(START_RECT, layout.x_label, False, layout.x_ticks, True, layout.title)
    return LineLayout(START_RECT, layout.x_label, False, layout.x_ticks, False, layout.title)


def _drop_vertical(layout: LineLayout) -> LineLayout:
    if layout.x_label:
        return LineLayout(START_RECT, False, layout.y_label, True, layout.y_ticks, layout.title)
    if layout.x_ticks:
        return LineLayout(START_RECT, False, layout.y_label, False, layout.y_ticks, layout.title)
    return LineLayout(START_RECT, False, layout.y_label, False, layout.y_ticks, False)


def _flags(layout: LineLayout) -> tuple[bool, bool, bool, bool, bool]:
    return (layout.x_label, layout.y_label, layout.x_ticks, layout.y_ticks, layout.title)


def _close(a: Rect, b: Rect, dx: float, dy: float) -> bool:
    return (
        abs(a[0] - b[0]) <= dx
        and abs(a[1] - b[1]) <= dy
        and abs(a[2] - b[2]) <= dx
        and abs(a[3] - b[3]) <= dy
    )
