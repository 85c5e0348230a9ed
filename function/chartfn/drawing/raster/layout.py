"""Where everything goes: the plot rectangle from the measured title, legend, axis labels and
tick labels, so that every text lies on the canvas whatever the values, sizes and strings.

Text that cannot fit is shortened with an ellipsis (titles, axis labels, legend entries,
category labels); tick values are never shortened (a cut number would lie), they are thinned
or, on a canvas too small for any, left out. When the plot would be squeezed below a usable
size, the parts go in this order: legend, axis labels, title, tick labels.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache

import numpy as np

from chartfn.drawing.matplotlib_runtime import FontProperties, to_rgba
from chartfn.drawing.raster.axis_boxes import AxisBoxes
from chartfn.drawing.raster.canvas import Rect
from chartfn.drawing.raster.chartjs_area import chartjs_round_area
from chartfn.drawing.raster.style import RGBA, Style
from chartfn.drawing.raster.text import Extent, line_extent, measure, shorten
from chartfn.drawing.raster.ticks import Scale, Ticks, tick_count, ticks_for
from chartfn.drawing.raster.turned_labels import turned_place
from chartfn.models.axis_ticks import AxisLook, TickProvider
from chartfn.models.fill_pattern import Paint
from chartfn.models.font_face import FontFace

CSS_POINTS = 0.72  # points per CSS pixel (Chart.js's unit) at 100 dpi per pixel ratio
# Gaps in points.
OUTER_PAD = 5.0
LEGEND_GAP = 4.0
SWATCH = 14.0  # legend swatch length
SWATCH_GAP = 4.0
ENTRY_GAP = 10.0
# The plot keeps at least this share of each side before parts are dropped.
MIN_PLOT_SHARE = 0.3
# Legend rows take at most this share of the height; category labels turned upright at most
# this share.
MAX_LEGEND_SHARE = 0.35
MAX_UPRIGHT_LABEL_SHARE = 0.3
# Category labels closer than this many line heights are thinned out.
CATEGORY_SPACING = 1.2


@dataclass(frozen=True)
class Label:
    """One drawn text: baseline start, angle (0, 90 reading upwards or 270 reading downwards),
    font, colour, and the box it covers."""

    text: str
    x: float
    y: float
    font: FontProperties
    color: RGBA
    box: Rect
    angle: float = 0.0
    math: bool = False


@dataclass(frozen=True)
class LegendEntry:
    label: str
    color: RGBA
    swatch: str  # "box", "line" or "marker"
    #: A box filled with a gradient or pattern (``color`` where it cannot be: vector output).
    paint: Paint | None = None
    # a box's outline (Chart.js strokes it in the dataset's borderColor and borderWidth)
    edge: RGBA | None = None
    edge_width: float = 0.0  # pixels
    point_style: str = "circle"  # a "marker" swatch's shape (Chart.js's pointStyle)
    # a box's outline stroked on its edge, half outside, as Chart.js strokes a line dataset's
    # box (``edge`` at this width in points, dashed in points); 0: ``edge_width`` inside
    edge_points: float = 0.0
    edge_dashes: tuple[float, ...] = ()


@dataclass(frozen=True)
class PlacedEntry:
    entry: LegendEntry
    swatch_rect: Rect
    label: Label


@dataclass(frozen=True)
class Axis:
    """What an axis shows: a numeric scale, or categories at 0 … n-1 (scale -0.5 … n-0.5).
    A numeric axis with ``provider`` takes its ticks and its ends from it instead of from
    ``scale`` (whose ``log`` still holds)."""

    scale: Scale
    categories: tuple[str, ...] | None = None
    provider: TickProvider | None = None
    look: AxisLook | None = None  # None: drawn in the theme's way


@dataclass(frozen=True)
class TextLook:
    """A text's font and colour where a chart sets them; None: the theme's."""

    size: float | None = None  # points
    bold: bool = False
    color: RGBA | None = None
    face: FontFace | None = None  # italic, family; None: the theme's upright face


@dataclass(frozen=True)
class LegendBox:
    """Chart.js's legend swatch and spacing (its ``labels.boxWidth``, ``boxHeight``,
    ``padding``), in pixels: the box, the gap from box to text, and the space between
    entries and between rows."""

    width: float
    height: float
    gap: float
    padding: float


@dataclass(frozen=True)
class Look:
    """The title's and legend's look and place where a chart sets them (a Chart.js config's
    options); the defaults are the theme's."""

    title_size: float | None = None  # points
    title_bold: bool = False
    title_face: FontFace | None = None
    title_color: RGBA | None = None
    title_lines: tuple[str, ...] = ()  # a title of several lines, one centred under another
    title_bottom: bool = False
    title_side: str | None = None  # left or right: turned upright beside the plot
    title_align: str = "center"  # start, center, end: along the title's side
    subtitle: TextLook = TextLook()
    subtitle_lines: tuple[str, ...] = ()  # lines under the title (over it at the bottom)
    subtitle_bottom: bool = False
    legend_size: float | None = None  # points
    legend_bold: bool = False
    legend_face: FontFace | None = None
    legend_color: RGBA | None = None
    legend_position: str = "top"  # top, bottom, left, right
    legend_box: LegendBox | None = None  # None: the engine's swatch and gaps
    legend_align: str = "center"  # start, center, end: along the legend's side
    padding: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # pixels: l, t, r, b
    axes: bool = True  # False: no grid, frame, tick labels, axis titles or outer pad (sparkline)
    axis_boxes: AxisBoxes | None = None  # Chart.js's room beside the plot; None: the theme's
    x_title: TextLook = TextLook()  # the axis titles: x, the left y, the right y
    y_title: TextLook = TextLook()
    y2_title: TextLook = TextLook()


@dataclass(frozen=True)
class Request:
    width: int
    height: int
    dpi: float
    style: Style
    title: str = ""
    x_label: str = ""
    y_label: str = ""
    legend: tuple[LegendEntry, ...] = ()
    x_axis: Axis | None = None  # None (with y_axis None): no axes, a pie
    y_axis: Axis | None = None
    look: Look = Look()
    y2_axis: Axis | None = None  # a second value axis, on the right
    y2_label: str = ""


@dataclass
class Layout:
    plot: Rect
    x_ticks: list[tuple[float, Label | None]] = field(default_factory=list)  # pixel x, label
    y_ticks: list[tuple[float, Label | None]] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)  # title, axis labels, offsets
    legend: list[PlacedEntry] = field(default_factory=list)
    legend_box: Rect | None = None
    # The axes' scales when a tick provider chose their ends (None: the request's): the data
    # is drawn against these.
    x_scale: Scale | None = None
    y_scale: Scale | None = None
    # The title among ``labels``, if one was placed: /sin draws it apart from the kept layer.
    title: Label | None = None
    y2_ticks: list[tuple[float, Label | None]] = field(default_factory=list)
    y2_scale: Scale | None = None
    # Every tick value the x axis' provider gave, before crowded ones were thinned out (bars
    # on a time axis take their width from the closest two, as Chart.js 2 does).
    x_built: tuple[float, ...] = ()

    def texts(self) -> list[Label]:
        ticks = [
            label for _, label in self.x_ticks + self.y_ticks + self.y2_ticks if label is not None
        ]
        return self.labels + ticks + [placed.label for placed in self.legend]


@dataclass(frozen=True)
class _Parts:
    legend: bool = True
    axis_labels: bool = True
    title: bool = True
    tick_labels: bool = True


# y ticks, y label width, y offset text; x ticks, x label height, x offset text, x overhang
_TickLabels = tuple[
    list[tuple[float, "Label | None"]],
    float,
    str,
    list[tuple[float, "Label | None"]],
    float,
    str,
    tuple[float, float],
]


def layout(request: Request) -> Layout:
    """The layout with as many parts as leave the plot a usable size."""
    attempts = [
        _Parts(),
        _Parts(legend=False),
        _Parts(legend=False, axis_labels=False),
        _Parts(legend=False, axis_labels=False, title=False),
    ]
    # The rounds and attempts ask again for the ticks of the same axis length: one locator run
    # each (kept for this layout only; nothing keyed by data outlives a chart).
    ticks_of = cache(ticks_for)
    request = _cached_providers(request)
    if not request.look.axes:
        attempts = [replace(p, axis_labels=False, tick_labels=False) for p in attempts]
    for parts in attempts:
        result = _layout(request, parts, ticks_of)
        x0, y0, x1, y1 = result.plot
        if x1 - x0 >= MIN_PLOT_SHARE * request.width and y1 - y0 >= MIN_PLOT_SHARE * request.height:
            return result
    return _layout(request, _Parts(False, False, False, False), ticks_of)


def _cached_providers(request: Request) -> Request:
    """The request with each tick provider asked once per axis length (a provider may run a
    config's callbacks; the rounds and attempts ask again for the same lengths)."""
    axes = {}
    for name in ("x_axis", "y_axis", "y2_axis"):
        axis = getattr(request, name)
        if axis is not None and axis.provider is not None:
            axes[name] = replace(axis, provider=cache(axis.provider))
    return replace(request, **axes) if axes else request


def labels_shown(axis: Axis) -> bool:
    return axis.look is None or (axis.look.display and axis.look.tick_labels)


def _tick_font(axis: Axis, style: Style, default: FontProperties) -> FontProperties:
    """The axis' tick label font: its look's size and weight where it sets them."""
    look = axis.look
    if look is None or (look.tick_size is None and not look.tick_bold and look.tick_face is None):
        return default
    size = style.tick_label_size if look.tick_size is None else look.tick_size * CSS_POINTS
    return style.font(size, _weight(look.tick_bold), look.tick_face)


def tick_color(axis: Axis, style: Style) -> RGBA:
    if axis.look is None or axis.look.tick_color is None:
        return style.tick_label_color
    return to_rgba(axis.look.tick_color)


def _provided_scale(axis: Axis, length: float) -> Scale | None:
    if axis.provider is None or axis.categories is not None:
        return None
    ticks = axis.provider(length)
    return Scale(float(ticks.low), float(ticks.high), axis.scale.log)


def _built_values(axis: Axis, length: float) -> tuple[float, ...]:
    if axis.provider is None or axis.categories is not None:
        return ()
    return tuple(float(v) for v in axis.provider(length).values)


def _axis_ticks(
    axis: Axis, length: float, size: float, vertical: bool, ticks_of: Callable[[Scale, int], Ticks]
) -> tuple[Scale, Ticks, tuple[bool, ...]]:
    """The axis' scale, its ticks, and which ticks have a label."""
    if axis.provider is None:
        ticks = ticks_of(axis.scale, tick_count(length, size, vertical=vertical))
        return axis.scale, ticks, (True,) * len(ticks.values)
    provided = axis.provider(length)
    scale = Scale(float(provided.low), float(provided.high), axis.scale.log)
    values = tuple(float(v) for v in provided.values)
    texts = tuple("" if label is None else label for label in provided.labels)
    shown = tuple(label is not None for label in provided.labels)
    return scale, Ticks(values, texts, "", math=False), shown


def _skips(axis: Axis, length: float) -> bool:
    return axis.provider is not None and axis.provider(length).auto_skip


def _upright_ticks(axis: Axis, length: float) -> bool:
    return axis.provider is not None and axis.provider(length).upright


def _turned_angle(axis: Axis, length: float) -> tuple[float, float]:
    """The angle a provider's turned labels are drawn at (0 where they are not turned) and
    their drop in line heights."""
    if axis.provider is None:
        return 0.0, 0.0
    provided = axis.provider(length)
    return (provided.angle, provided.turned_drop) if provided.upright else (0.0, 0.0)


def _turned(text: str, position: float, turn: tuple[float, float], font: FontProperties,
            color: RGBA, dpi: float) -> Label:  # fmt: skip
    """A label turned ``angle`` degrees ending at its tick (``turned_labels``)."""
    line = line_extent(font, dpi)
    angle, drop = turn
    width = measure(text, font, dpi).width
    place = turned_place(width, line.height, line.descent, angle, drop * line.height)
    label = Label(text, place.x, place.y, font, color, place.box, angle)
    return _shift(label, position)


def _auto_skip(
    ticks: Ticks, shown: tuple[bool, ...], length: float, room: float
) -> tuple[Ticks, tuple[bool, ...]]:
    """Every step-th of more provided ticks than the axis has room for (``room`` px each),
    from the first, as Chart.js's autoSkip thins them (the skipped ones lose their grid line
    too): a config may ask for up to 1000 ticks."""
    count = len(ticks.values)
    step = max(1, math.ceil(count * room / length)) if length > 0 else max(count, 1)
    if step == 1:
        return ticks, shown
    kept = range(0, count, step)
    thinned = Ticks(
        tuple(ticks.values[i] for i in kept),
        tuple(ticks.labels[i] for i in kept),
        ticks.offset,
        ticks.math,
    )
    return thinned, tuple(shown[i] for i in kept)


def _px(points: float, dpi: float) -> float:
    return points * dpi / 72.0


def _horizontal(
    text: str,
    x: float,
    top: float,
    font: FontProperties,
    color: RGBA,
    dpi: float,
    *,
    math: bool = False,
) -> Label:
    """A label whose box starts at ``x`` and hangs from ``top``."""
    extent = measure(text, font, dpi, math)
    line = line_extent(font, dpi)
    height = max(extent.height, line.height)
    descent = max(extent.descent, line.descent)
    baseline = top - (height - descent)
    box = (x, baseline - descent, x + extent.width, top)
    return Label(text, x, baseline, font, color, box, 0.0, math)


def _upright(
    text: str, right: float, bottom: float, font: FontProperties, color: RGBA, dpi: float
) -> Label:
    """A label turned 90° (reading upwards) whose box ends at ``right`` and starts at
    ``bottom``."""
    extent = measure(text, font, dpi)
    line = line_extent(font, dpi)
    height = max(extent.height, line.height)
    descent = max(extent.descent, line.descent)
    baseline_x = right - descent
    box = (right - height, bottom, right, bottom + extent.width)
    return Label(text, baseline_x, bottom, font, color, box, 90.0)


def _shift(label: Label, dx: float = 0.0, dy: float = 0.0) -> Label:
    x0, y0, x1, y1 = label.box
    return replace(label, x=label.x + dx, y=label.y + dy, box=(x0 + dx, y0 + dy, x1 + dx, y1 + dy))


def _width(label: Label) -> float:
    return label.box[2] - label.box[0]


def _height(label: Label) -> float:
    return label.box[3] - label.box[1]


def _layout(
    request: Request, parts: _Parts, ticks_of: Callable[[Scale, int], Ticks] = ticks_for
) -> Layout:
    style, dpi = request.style, request.dpi
    look = request.look
    width, height = float(request.width), float(request.height)
    pad = _px(OUTER_PAD, dpi) if look.axes else 0.0
    pad_left, pad_top, pad_right, pad_bottom = look.padding
    inner_width = max(0.0, width - 2 * pad - pad_left - pad_right)
    left, right = pad + pad_left, max(pad + pad_left, width - pad - pad_right)
    bottom, top = pad + pad_bottom, max(pad + pad_bottom, height - pad - pad_top)
    outer = (left, bottom, right, top)
    labels: list[Label] = []
    title_placed = False
    # a legend above or below the plot spans the chart's whole width, beside a title on the
    # left or right too (Chart.js's fullWidth / fullSize boxes)
    full_left = left

    if parts.title and look.title_side is not None and (look.title_lines or request.title):
        left, right = _side_title(request, labels, left, right, bottom, top)
    elif parts.title and look.title_lines:
        bottom, top = _title_lines(request, labels, left, right, bottom, top)
    elif parts.title and request.title:
        font = style.font(
            look.title_size or style.title_size, _weight(look.title_bold), look.title_face
        )
        text = shorten(request.title, font, dpi, inner_width)
        if text:
            title = _horizontal(text, 0.0, top, font, look.title_color or style.text_color, dpi)
            if look.title_bottom:
                title = _shift(title, 0.0, bottom - title.box[1])
                bottom += _height(title) + _px(style.title_pad, dpi)
            else:
                top -= _height(title) + _px(style.title_pad, dpi)
            if look.title_align in ("start", "end"):
                # Chart.js aligns it within the chart's width (inside its padding)
                at_end = look.title_align == "end"
                title = _shift(title, right - _width(title) if at_end else left)
            labels.append(title)  # centred once the plot's width is known
            title_placed = True

    if parts.title and look.subtitle_lines:
        bottom, top = _subtitle(request, labels, left, right, bottom, top)

    legend: list[PlacedEntry] = []
    legend_box: Rect | None = None
    if parts.legend and request.legend:
        gap = _px(LEGEND_GAP, dpi)
        if look.legend_position in ("left", "right"):
            legend, legend_box = _legend_column(request, left, right, bottom, top)
            if legend_box is not None and look.legend_position == "left":
                left = legend_box[2] + gap
            elif legend_box is not None:
                right = legend_box[0] - gap
        else:
            legend, legend_box = _legend(request, full_left, top, inner_width, top - bottom)
            if legend_box is not None and look.legend_position == "bottom":
                legend, legend_box = _moved_legend(legend, legend_box, bottom - legend_box[1])
                bottom = legend_box[3] + gap
            elif legend_box is not None:
                top = legend_box[1] - gap

    has_axes = request.x_axis is not None and request.y_axis is not None
    if not has_axes:
        round_plot = (left, bottom, right, top)
        if look.axis_boxes is not None:
            # a Chart.js config's round chart fills Chart.js's chart area (chartjs_area)
            round_plot = chartjs_round_area(
                request, round_plot, outer, pad, legend, legend_box, bool(labels)
            )
        return Layout(
            _centre_title(round_plot, labels, width, pad, centred=look.title_align == "center"),
            [],
            [],
            labels,
            legend,
            legend_box,
            title=labels[0] if title_placed else None,
        )

    x_font, x_color = _title_font(look.x_title, style)
    y_font, y_color = _title_font(look.y_title, style)
    y2_font, y2_color = _title_font(look.y2_title, style)
    x_line = line_extent(x_font, dpi).height
    y_line = line_extent(y_font, dpi).height
    y2_line = line_extent(y2_font, dpi).height
    label_pad = _px(style.label_pad, dpi)
    x_title = y_title = ""
    # where the axis titles go: at the edges left by padding, title and legend
    x_title_top, y_title_right = bottom + x_line, left + y_line
    if parts.axis_labels:
        x_title = shorten(request.x_label, x_font, dpi, inner_width)
        if x_title:
            bottom += x_line + label_pad
        y_title = shorten(request.y_label, y_font, dpi, max(0.0, top - bottom))
        if y_title:
            left += y_line + label_pad
        y2_title = (
            shorten(request.y2_label, y2_font, dpi, max(0.0, top - bottom))
            if request.y2_axis is not None
            else ""
        )
        if y2_title:
            right -= y2_line + label_pad
    else:
        y2_title = ""

    tick_font = style.font(style.tick_label_size)
    tick_line = line_extent(tick_font, dpi).height
    tick_out = 0.0 if style.ticks_inward else _px(style.tick_length, dpi)
    tick_gap = tick_out + _px(style.tick_pad, dpi)
    # the room beside the axes: the theme's outer pad, or Chart.js's boxes (axis_boxes)
    inset, beyond, edge, flat_line, css = 0.0, 0.0, pad, 0.0, dpi / 100.0
    if look.axis_boxes is not None:
        boxes = look.axis_boxes
        font_px = _px(style.tick_label_size, dpi)
        inset, edge, tick_gap = pad, boxes.edge * css, boxes.gap * css
        beyond = boxes.extra * css + boxes.extra_lines * boxes.line_height * font_px
        flat_line = boxes.line_height * font_px
    assert request.x_axis is not None
    assert request.y_axis is not None
    x_axis, y_axis = request.x_axis, request.y_axis
    # the x labels' line, in their own font where the axis sets one
    x_flat_line = flat_line
    if look.axis_boxes is not None and x_axis.look is not None and x_axis.look.tick_size:
        x_flat_line = look.axis_boxes.line_height * x_axis.look.tick_size * css

    # The tick labels' sizes depend on the plot's size (how many ticks fit) and the plot's size
    # on theirs: a few rounds settle it (the counts change in steps of whole ticks).
    def tick_labels_at(plot: tuple[float, float, float, float]) -> _TickLabels:
        plot_left, plot_bottom, plot_right, plot_top = plot
        y_ticks, y_width, y_offset = _y_tick_labels(
            y_axis, plot_bottom, plot_top, _tick_font(y_axis, style, tick_font), style, dpi,
            parts.tick_labels and labels_shown(y_axis), ticks_of,
            max_width=MAX_UPRIGHT_LABEL_SHARE * width,
        )  # fmt: skip
        x_ticks, x_height, x_offset, overhang = _x_tick_labels(
            x_axis,
            plot_left,
            plot_right,
            _tick_font(x_axis, style, tick_font),
            style,
            dpi,
            parts.tick_labels and labels_shown(x_axis),
            height,
            ticks_of,
        )
        return y_ticks, y_width, y_offset, x_ticks, x_height, x_offset, overhang

    y2_axis = request.y2_axis

    def right_tick_labels_at(
        plot: tuple[float, float, float, float],
    ) -> tuple[list[tuple[float, Label | None]], float]:
        if y2_axis is None:
            return [], 0.0
        ticks, widest, _ = _y_tick_labels(
            y2_axis, plot[1], plot[3], _tick_font(y2_axis, style, tick_font), style, dpi,
            parts.tick_labels and labels_shown(y2_axis), ticks_of,
            max_width=MAX_UPRIGHT_LABEL_SHARE * width,
        )  # fmt: skip
        return ticks, widest

    plot = (left, bottom, right, top)
    for _ in range(4):
        measured = tick_labels_at(plot)
        y_ticks, y_width, y_offset, x_ticks, x_height, x_offset, overhang = measured
        y2_ticks, y2_width = right_tick_labels_at(plot)
        y_extra = tick_line if y_offset else 0.0
        x_extra = tick_line if x_offset else 0.0
        if look.axis_boxes is None:
            new_left = max(left + y_width + (tick_gap if y_width else 0.0), pad + overhang[0])
            right_end = width - pad - overhang[1]
        else:
            ends = [
                edge + reach if reach > 0 or look.axis_boxes.edge_always else 0.0
                for reach in overhang
            ]
            # the end labels' room is measured from the canvas' edge: layout padding and the
            # boxes beside the plot count towards it (Chart.js's handleMaxPadding)
            new_left = max(
                left - inset + (y_width + tick_gap + beyond if y_width else 0.0), ends[0]
            )
            right_end = width - ends[1]
        new_right = min(
            right + inset - y2_width - (tick_gap + beyond if y2_width else 0.0)
            if look.axis_boxes is not None
            else right - y2_width - (tick_gap if y2_width else 0.0),
            right_end,
        )
        x_box, x_beyond = x_height, beyond
        if look.axis_boxes is not None and 0 < x_height <= 1.5 * x_flat_line:
            x_box = x_flat_line  # Chart.js sizes a row of flat labels by its line height
        if 0 < _turned_angle(x_axis, plot[2] - plot[0])[0] < 90 and look.axis_boxes:
            # Chart.js 2: sin·widest + cos·half a line, no line space under turned labels;
            # 4: sin·widest + cos·a line, and its padding
            x_box, x_beyond = x_height, look.axis_boxes.extra * css
        new_bottom = max(
            bottom - inset + x_box + (tick_gap + x_beyond if x_height else 0.0) + x_extra,
            # an x axis without labels (Chart.js's display: false) leaves the lowest y label
            # hanging below the plot: keep it on the canvas
            bottom + _bottom_overhang(y_axis, y_ticks, plot[1]),
        )
        new_top = (
            top
            - y_extra
            - max(_top_overhang(y_axis, y_ticks, plot[3]), _y2_overhang(y2_axis, y2_ticks, plot[3]))
        )
        if look.axis_boxes is not None and top >= height - pad - pad_top - 0.01:
            # nothing above the plot: Chart.js keeps half a line (4: and its padding) above the
            # top tick label's middle, within the layout padding (no outer pad)
            new_top = height - max(pad_top, flat_line / 2 + look.axis_boxes.extra * css)
        new_plot = (
            new_left,
            new_bottom,
            max(new_left + 1, new_right),
            max(new_bottom + 1, new_top),
        )
        if all(abs(a - b) < 0.01 for a, b in zip(new_plot, plot, strict=True)):
            break
        plot = new_plot
    else:
        y_ticks, _, y_offset, x_ticks, _, x_offset, _ = tick_labels_at(plot)
    plot_left, plot_bottom, plot_right, plot_top = plot
    y2_ticks, _ = right_tick_labels_at(plot)
    # Tick labels were placed against 0: move them next to the plot's edges (the right
    # axis' labels start at it).
    y2_ticks = [
        (p, None if lbl is None else _shift(lbl, plot[2] + tick_gap + _width(lbl)))
        for p, lbl in y2_ticks
    ]
    y2_ticks = [
        (p, lbl if lbl and _inside(lbl.box, width, height) else None) for p, lbl in y2_ticks
    ]
    y_ticks = [(p, None if lbl is None else _shift(lbl, plot[0] - tick_gap)) for p, lbl in y_ticks]
    x_ticks = [
        (p, None if lbl is None else _shift(lbl, 0.0, plot[1] - tick_gap)) for p, lbl in x_ticks
    ]
    # Last guard: a tick label that would still leave the canvas is left out.
    y_ticks = [(p, lbl if lbl and _inside(lbl.box, width, height) else None) for p, lbl in y_ticks]
    x_ticks = [(p, lbl if lbl and _inside(lbl.box, width, height) else None) for p, lbl in x_ticks]
    plot_left, plot_bottom, plot_right, plot_top = plot
    offsets = []
    if y_offset:
        offsets.append(
            _horizontal(
                y_offset, plot_left, plot_top + y_extra, tick_font, style.tick_label_color, dpi
            )
        )
    if x_offset:
        label = _horizontal(
            x_offset, 0.0, plot_bottom - tick_gap - x_height, tick_font, style.tick_label_color, dpi
        )
        offsets.append(_shift(label, plot_right - _width(label)))
    labels.extend(o for o in offsets if _inside(o.box, width, height))

    if x_title:
        label = _horizontal(x_title, 0.0, x_title_top, x_font, x_color, dpi)
        centre = (plot_left + plot_right) / 2
        x = min(max(pad, centre - _width(label) / 2), width - pad - _width(label))
        labels.append(_shift(label, x))
    if y_title:
        y_title = shorten(request.y_label, y_font, dpi, max(0.0, height - 2 * pad))
        label = _upright(y_title, y_title_right, 0.0, y_font, y_color, dpi)
        centre = (plot_bottom + plot_top) / 2
        length = label.box[3] - label.box[1]
        y = min(max(pad, centre - length / 2), height - pad - length)
        labels.append(_shift(label, 0.0, y))
    if y2_title:
        y2_title = shorten(request.y2_label, y2_font, dpi, max(0.0, height - 2 * pad))
        label = _upright(y2_title, width - pad, 0.0, y2_font, y2_color, dpi)
        centre = (plot_bottom + plot_top) / 2
        length = label.box[3] - label.box[1]
        y = min(max(pad, centre - length / 2), height - pad - length)
        labels.append(_shift(label, 0.0, y))
    result = Layout(
        plot,
        x_ticks,
        y_ticks,
        labels,
        legend,
        legend_box,
        x_scale=_provided_scale(x_axis, max(1.0, plot_right - plot_left)),
        x_built=_built_values(x_axis, max(1.0, plot_right - plot_left)),
        y_scale=_provided_scale(y_axis, max(1.0, plot_top - plot_bottom)),
        y2_ticks=y2_ticks,
        y2_scale=None
        if y2_axis is None
        else _provided_scale(y2_axis, max(1.0, plot_top - plot_bottom)),
    )
    _centre_title(plot, labels, width, pad, centred=look.title_align == "center")
    result.title = labels[0] if title_placed else None
    return result


def _top_overhang(axis: Axis, ticks: list[tuple[float, Label | None]], top: float) -> float:
    """How far provided tick labels reach above the plot: a provided axis ends on a tick (as
    Chart.js's do), whose label the plot's top must leave room for. The engine's own ticks
    keep their margin and their layout."""
    if axis.provider is None:
        return 0.0
    return max([0.0, *(lbl.box[3] - top for _, lbl in ticks if lbl is not None)])


def _bottom_overhang(axis: Axis, ticks: list[tuple[float, Label | None]], bottom: float) -> float:
    """How far provided tick labels reach below the plot (see ``_top_overhang``)."""
    if axis.provider is None:
        return 0.0
    return max([0.0, *(bottom - lbl.box[1] for _, lbl in ticks if lbl is not None)])


def _y2_overhang(axis: Axis | None, ticks: list[tuple[float, Label | None]], top: float) -> float:
    return 0.0 if axis is None else _top_overhang(axis, ticks, top)


def _centre_title(
    plot: Rect, labels: list[Label], width: float, pad: float, *, centred: bool = True
) -> Rect:
    """Centre the title (the first label, placed at x=0) over the plot, within the canvas."""
    if labels and labels[0].box[0] == 0.0 and labels[0].angle == 0.0 and centred:
        title = labels[0]
        centre = (plot[0] + plot[2]) / 2
        x = min(max(pad, centre - _width(title) / 2), width - pad - _width(title))
        labels[0] = _shift(title, x)
    return plot


def _inside(box: Rect, width: float, height: float) -> bool:
    # a label laid flush with an edge (turned tick labels at the bottom) may pass it by what
    # the layout's rounds leave unsettled (under 0.01 px)
    tol = 0.05
    return box[0] >= -tol and box[1] >= -tol and box[2] <= width + tol and box[3] <= height + tol


def _y_tick_labels(
    axis: Axis,
    bottom: float,
    top: float,
    font: FontProperties,
    style: Style,
    dpi: float,
    show: bool,
    ticks_of: Callable[[Scale, int], Ticks] = ticks_for,
    *,
    max_width: float = math.inf,
) -> tuple[list[tuple[float, Label | None]], float, str]:
    length = max(1.0, top - bottom)
    if axis.categories is not None:
        return _y_category_labels(axis, bottom, top, font, style, dpi, show, max_width)
    size = _px(style.tick_label_size, dpi)
    scale, ticks, shown = _axis_ticks(axis, length, size, True, ticks_of)
    if _skips(axis, length):
        room = line_extent(font, dpi).height * CATEGORY_SPACING
        ticks, shown = _auto_skip(ticks, shown, length, room)
    positions = bottom + scale.fraction(np.asarray(ticks.values)) * (top - bottom)
    if not show:
        return [(float(p), None) for p in positions], 0.0, ""
    placed: list[tuple[float, Label | None]] = []
    widest = 0.0
    for position, text, has_label in zip(positions, ticks.labels, shown, strict=True):
        if not has_label:
            placed.append((float(position), None))
            continue
        label = _horizontal(text, 0.0, 0.0, font, tick_color(axis, style), dpi, math=ticks.math)
        middle = (label.box[1] + label.box[3]) / 2
        # Right-aligned against the ticks: the x shift comes when the plot's left is known.
        placed.append((float(position), _shift(label, -_width(label), position - middle)))
        widest = max(widest, _width(label))
    return placed, widest, ticks.offset


def _y_category_labels(
    axis: Axis,
    bottom: float,
    top: float,
    font: FontProperties,
    style: Style,
    dpi: float,
    show: bool,
    max_width: float,
) -> tuple[list[tuple[float, Label | None]], float, str]:
    """Categories down a y axis (horizontal bars) at their scale's places, right-aligned,
    every step-th one where the slots are lower than a line of text."""
    assert axis.categories is not None
    count = len(axis.categories)
    fractions = axis.scale.fraction(np.arange(count, dtype=np.float64))
    positions = [float(p) for p in bottom + fractions * (top - bottom)]
    if not show:
        return [(p, None) for p in positions], 0.0, ""
    slot = (top - bottom) / max(count, 1)
    line = line_extent(font, dpi).height
    step = max(1, math.ceil(line * CATEGORY_SPACING / slot)) if slot > 0 else count
    placed: list[tuple[float, Label | None]] = []
    widest = 0.0
    for index, (position, category) in enumerate(zip(positions, axis.categories, strict=True)):
        text = shorten(category, font, dpi, max_width) if index % step == 0 else ""
        if not text:
            placed.append((position, None))
            continue
        label = _horizontal(text, 0.0, 0.0, font, tick_color(axis, style), dpi)
        middle = (label.box[1] + label.box[3]) / 2
        placed.append((position, _shift(label, -_width(label), position - middle)))
        widest = max(widest, _width(label))
    return placed, widest, ""


def _x_tick_labels(
    axis: Axis,
    left: float,
    right: float,
    font: FontProperties,
    style: Style,
    dpi: float,
    show: bool,
    canvas_height: float,
    ticks_of: Callable[[Scale, int], Ticks] = ticks_for,
) -> tuple[list[tuple[float, Label | None]], float, str, tuple[float, float]]:
    length = max(1.0, right - left)
    if axis.categories is not None:
        return _category_labels(axis, left, right, font, style, dpi, show, canvas_height)
    size = _px(style.tick_label_size, dpi)
    scale, ticks, shown = _axis_ticks(axis, length, size, False, ticks_of)
    if _skips(axis, length):
        widest = max((measure(text, font, dpi).width for text in ticks.labels), default=0.0)
        ticks, shown = _auto_skip(ticks, shown, length, widest + line_extent(font, dpi).height)
    positions = left + scale.fraction(np.asarray(ticks.values)) * (right - left)
    if not show:
        return [(float(p), None) for p in positions], 0.0, "", (0.0, 0.0)
    placed: list[tuple[float, Label | None]] = []
    tallest = 0.0
    overhang_left = overhang_right = 0.0
    upright = _upright_ticks(axis, length)
    turn = _turned_angle(axis, length)
    angle = turn[0]
    for position, text, has_label in zip(positions, ticks.labels, shown, strict=True):
        if not has_label:
            placed.append((float(position), None))
            continue
        if upright and angle < 90.0:  # turned as Chart.js turns them, ending at the tick
            limit = MAX_UPRIGHT_LABEL_SHARE * canvas_height / math.sin(math.radians(angle))
            label = _turned(shorten(text, font, dpi, limit), float(position), turn, font,
                            tick_color(axis, style), dpi)  # fmt: skip
            placed.append((float(position), label))
            tallest = max(tallest, -label.box[1])
            overhang_left = max(overhang_left, left - label.box[0])
            overhang_right = max(overhang_right, label.box[2] - right)
            continue
        if upright:  # reads upwards ending just under the axis, centred on its tick
            label = _upright(
                shorten(text, font, dpi, MAX_UPRIGHT_LABEL_SHARE * canvas_height),
                0.0, 0.0, font, tick_color(axis, style), dpi,
            )  # fmt: skip
            height = label.box[3] - label.box[1]
            placed.append((float(position), _shift(label, position + _width(label) / 2, -height)))
            tallest = max(tallest, height)
            overhang_left = max(overhang_left, _width(label) / 2 - (position - left))
            overhang_right = max(overhang_right, _width(label) / 2 - (right - position))
            continue
        label = _horizontal(text, 0.0, 0.0, font, tick_color(axis, style), dpi, math=ticks.math)
        half = _width(label) / 2
        placed.append((float(position), _shift(label, position - half)))
        tallest = max(tallest, _height(label))
        # How far the plot's edges must move in for this label to stay on the canvas.
        overhang_left = max(overhang_left, half - (position - left))
        overhang_right = max(overhang_right, half - (right - position))
    return placed, tallest, ticks.offset, (max(0.0, overhang_left), max(0.0, overhang_right))


def _category_labels(
    axis: Axis,
    left: float,
    right: float,
    font: FontProperties,
    style: Style,
    dpi: float,
    show: bool,
    canvas_height: float,
) -> tuple[list[tuple[float, Label | None]], float, str, tuple[float, float]]:
    assert axis.categories is not None
    count = len(axis.categories)
    slot = (right - left) / max(count, 1)
    positions = [left + (i + 0.5) * slot for i in range(count)]
    if not show:
        return [(p, None) for p in positions], 0.0, "", (0.0, 0.0)
    if axis.provider is not None:  # Chart.js's choice of labels and angle
        return _chosen_category_labels(
            axis, positions, font, style, dpi, left, right, canvas_height
        )
    line = line_extent(font, dpi).height
    widest = max((measure(c, font, dpi).width for c in axis.categories), default=0.0)
    placed: list[tuple[float, Label | None]] = []
    if widest <= slot * 0.95:
        tallest = 0.0
        for position, text in zip(positions, axis.categories, strict=True):
            label = _horizontal(text, 0.0, 0.0, font, tick_color(axis, style), dpi)
            placed.append((position, _shift(label, position - _width(label) / 2)))
            tallest = max(tallest, _height(label))
        # Centred in their slots, horizontal labels never pass the plot's edges.
        return placed, tallest, "", (0.0, 0.0)
    # Upright labels, every step-th one where the slots are narrower than a line of text.
    step = max(1, math.ceil(line * CATEGORY_SPACING / slot)) if slot > 0 else count
    limit = MAX_UPRIGHT_LABEL_SHARE * canvas_height
    longest = 0.0
    for index, (position, category) in enumerate(zip(positions, axis.categories, strict=True)):
        if index % step:
            placed.append((position, None))
            continue
        text = shorten(category, font, dpi, limit)
        label = _upright(text, 0.0, 0.0, font, tick_color(axis, style), dpi)
        length = label.box[3] - label.box[1]
        # Reads upwards ending just under the axis; centred on its tick.
        placed.append((position, _shift(label, position + _width(label) / 2, -length)))
        longest = max(longest, length)
    return placed, longest, "", (0.0, 0.0)


def _chosen_category_labels(
    axis: Axis,
    positions: list[float],
    font: FontProperties,
    style: Style,
    dpi: float,
    left: float,
    right: float,
    canvas_height: float,
) -> tuple[list[tuple[float, Label | None]], float, str, tuple[float, float]]:
    """A category axis whose provider chose the labels shown and their angle: flat and
    centred on their ticks, or turned and ending at them."""
    assert axis.provider is not None
    provided = axis.provider(right - left)
    turn = (provided.angle, provided.turned_drop) if provided.upright else (0.0, 0.0)
    placed: list[tuple[float, Label | None]] = []
    tallest = overhang_left = overhang_right = 0.0
    for position, text in zip(positions, provided.labels, strict=False):
        if text is None:
            placed.append((position, None))
            continue
        if 0 < turn[0] < 90:
            limit = MAX_UPRIGHT_LABEL_SHARE * canvas_height / math.sin(math.radians(turn[0]))
            text = shorten(text, font, dpi, limit)
            label = _turned(text, position, turn, font, tick_color(axis, style), dpi)
            tallest = max(tallest, -label.box[1])
        else:
            label = _horizontal(text, 0.0, 0.0, font, tick_color(axis, style), dpi)
            label = _shift(label, position - _width(label) / 2)
            tallest = max(tallest, _height(label))
            placed.append((position, label))
            continue  # centred in their slots as the engine's own flat labels are
        placed.append((position, label))
        overhang_left = max(overhang_left, left - label.box[0])
        overhang_right = max(overhang_right, label.box[2] - right)
    return placed, tallest, "", (overhang_left, overhang_right)


def _legend(
    request: Request, pad: float, top: float, inner_width: float, available_height: float
) -> tuple[list[PlacedEntry], Rect | None]:
    """Entries in rows under the title, centred, as many rows as the share allows."""
    style, dpi = request.style, request.dpi
    look = request.look
    font = style.font(
        look.legend_size or style.legend_size, _weight(look.legend_bold), look.legend_face
    )
    color = look.legend_color or style.text_color
    line = line_extent(font, dpi)
    swatch, swatch_height, swatch_gap, entry_gap, row_height = _legend_sizes(look, line, dpi)
    max_text = inner_width - swatch - swatch_gap
    if max_text <= 0:
        return [], None
    max_rows = math.floor(MAX_LEGEND_SHARE * available_height / row_height)
    if max_rows < 1:
        return [], None
    rows: list[list[tuple[LegendEntry, str, float]]] = [[]]
    row_width = 0.0
    dropped = 0
    for index, entry in enumerate(request.legend):
        text = shorten(entry.label, font, dpi, max_text)
        if not text:
            continue  # not even an ellipsis fits beside the swatch
        entry_width = swatch + swatch_gap + measure(text, font, dpi).width
        needed = entry_width + (entry_gap if rows[-1] else 0.0)
        if rows[-1] and row_width + needed > inner_width:
            if len(rows) == max_rows:
                dropped = len(request.legend) - index
                break
            rows.append([])
            row_width, needed = 0.0, entry_width
        rows[-1].append((entry, text, entry_width))
        row_width += needed
    if dropped:
        # Say that entries are missing rather than drop them silently: the last entry's label
        # ends in an ellipsis that counts them.
        entry, _, _ = rows[-1].pop()
        others = sum(w for _, _, w in rows[-1]) + entry_gap * len(rows[-1])
        suffix = f" (+{dropped + 1})"
        room = min(max_text, inner_width - others - swatch - swatch_gap)
        room -= measure(suffix, font, dpi).width
        label = shorten(entry.label, font, dpi, room) if room > 0 else ""
        if label:
            more = label + f" (+{dropped})"
            rows[-1].append((entry, more, swatch + swatch_gap + measure(more, font, dpi).width))
        if not rows[-1]:
            rows.pop()
    # Chart.js's rows are the box's height then ``padding``: after the last row that padding
    # is the legend's gap to the plot, which the caller adds, so the block ends without it
    between_rows = look.legend_box.padding if look.legend_box is not None else 0.0
    content = row_height - between_rows
    placed: list[PlacedEntry] = []
    for row_index, row in enumerate(rows):
        total = sum(w for _, _, w in row) + entry_gap * (len(row) - 1)
        # Rows were filled to at most the inner width, so aligning keeps them on the canvas.
        x = pad + max(0.0, (inner_width - total) * _ALIGN_SHARE.get(look.legend_align, 0.5))
        row_top = top - row_index * row_height
        for entry, text, entry_width in row:
            label = _horizontal(
                text,
                x + swatch + swatch_gap,
                row_top - (content - line.height) / 2,
                font,
                color,
                dpi,
            )
            middle = (label.box[1] + label.box[3]) / 2
            half = swatch_height / 2
            rect = (x, middle - half, x + swatch, middle + half)
            placed.append(PlacedEntry(entry, rect, label))
            x += entry_width + entry_gap
    box_bottom = top - len(rows) * row_height + between_rows
    return placed, (pad, box_bottom, pad + inner_width, top)


def _title_font(text: TextLook, style: Style) -> tuple[FontProperties, RGBA]:
    """An axis title's font and colour: the chart's where it sets them, else the theme's."""
    font = style.font(text.size or style.label_size, _weight(text.bold), text.face)
    return font, text.color or style.label_color


# How much of the spare room goes before a legend's entries, by its ``align``.
_ALIGN_SHARE = {"start": 0.0, "center": 0.5, "end": 1.0}


def _legend_sizes(look: Look, line: Extent, dpi: float) -> tuple[float, float, float, float, float]:
    """The swatch's width and height, the gap from swatch to text, the gap between entries
    and the rows' height: Chart.js's box where the chart sets one, else the engine's."""
    box = look.legend_box
    if box is None:
        swatch = _px(SWATCH, dpi)
        height = min(swatch, line.height) * 0.7
        return swatch, height, _px(SWATCH_GAP, dpi), _px(ENTRY_GAP, dpi), line.height * 1.25
    return box.width, box.height, box.gap, box.padding, max(line.height, box.height) + box.padding


def _weight(bold: bool) -> str:
    return "bold" if bold else "normal"


def _title_lines(
    request: Request, labels: list[Label], left: float, right: float, bottom: float, top: float
) -> tuple[float, float]:
    """A title of several lines, each centred between ``left`` and ``right`` (Chart.js centres
    its title on the chart, not the plot), at the top or the bottom; the edges left over."""
    style, dpi, look = request.style, request.dpi, request.look
    font = style.font(
        look.title_size or style.title_size, _weight(look.title_bold), look.title_face
    )
    color = look.title_color or style.text_color
    line = line_extent(font, dpi).height
    lines = [shorten(text, font, dpi, right - left) for text in look.title_lines]
    lines = lines[: max(0, math.floor((top - bottom) * MAX_LEGEND_SHARE / line))]
    block = line * len(lines)
    start = bottom + block if look.title_bottom else top
    for index, text in enumerate(lines):
        if not text:
            continue
        label = _horizontal(text, 0.0, start - index * line, font, color, dpi)
        spare = right - left - _width(label)
        if look.title_align == "center":
            centre = (left + right) / 2
            labels.append(_shift(label, max(left, centre - _width(label) / 2)))
        else:
            share = _ALIGN_SHARE.get(look.title_align, 0.5)
            labels.append(_shift(label, left + max(0.0, spare) * share))
    if not lines:
        return bottom, top
    used = block + _px(style.title_pad, dpi)
    return (bottom + used, top) if look.title_bottom else (bottom, top - used)


def _subtitle(
    request: Request,
    labels: list[Label],
    left: float,
    right: float,
    bottom: float,
    top: float,
) -> tuple[float, float]:
    """The subtitle's lines centred between ``left`` and ``right`` under the title (over it
    at the bottom, where the title took its room first); the edges left over."""
    style, dpi, look = request.style, request.dpi, request.look
    text = look.subtitle
    font = style.font(text.size or style.title_size, _weight(text.bold), text.face)
    color = text.color or style.text_color
    line = line_extent(font, dpi).height
    lines = [shorten(item, font, dpi, max(0.0, right - left)) for item in look.subtitle_lines]
    lines = lines[: max(0, math.floor((top - bottom) * MAX_LEGEND_SHARE / line))]
    if not lines:
        return bottom, top
    block = line * len(lines)
    start = bottom + block if look.subtitle_bottom else top
    for index, item in enumerate(lines):
        if item:
            label = _horizontal(item, 0.0, start - index * line, font, color, dpi)
            centre = (left + right) / 2
            labels.append(_shift(label, max(left, centre - _width(label) / 2)))
    used = block + _px(style.title_pad, dpi)
    return (bottom + used, top) if look.subtitle_bottom else (bottom, top - used)


def _side_title(
    request: Request, labels: list[Label], left: float, right: float, bottom: float, top: float
) -> tuple[float, float]:
    """A title at the left (reading upwards) or the right (reading downwards), as Chart.js
    turns it, one column per line from the edge inwards, placed along the side by its
    ``align`` (start: where the text starts reading); the left and right edges left over."""
    style, dpi, look = request.style, request.dpi, request.look
    font = style.font(
        look.title_size or style.title_size, _weight(look.title_bold), look.title_face
    )
    color = look.title_color or style.text_color
    line = line_extent(font, dpi)
    texts = look.title_lines or (request.title,)
    # the title may take up to the legend's share of the width, as a title on top its height
    texts = texts[: max(0, math.floor((right - left) * MAX_LEGEND_SHARE / line.height))]
    lines = [shorten(text, font, dpi, max(0.0, top - bottom)) for text in texts]
    if not lines:
        return left, right
    share = _ALIGN_SHARE.get(look.title_align, 0.5)
    on_left = look.title_side == "left"
    for index, text in enumerate(lines):
        if not text:
            continue
        length = measure(text, font, dpi).width
        spare = max(0.0, top - bottom - length)
        if on_left:
            # reads upwards: its start is at the bottom
            label = _upright(text, left + (index + 1) * line.height, 0.0, font, color, dpi)
            labels.append(_shift(label, 0.0, bottom + spare * share))
        else:
            label = _downright(text, right - (index + 1) * line.height, 0.0, font, color, dpi)
            labels.append(_shift(label, 0.0, top - spare * share))
    used = line.height * len(lines) + _px(style.title_pad, dpi)
    return (left + used, right) if on_left else (left, right - used)


def _downright(
    text: str, left: float, top: float, font: FontProperties, color: RGBA, dpi: float
) -> Label:
    """A label turned 90° clockwise (reading downwards) whose box starts at ``left`` and ends
    at ``top``."""
    extent = measure(text, font, dpi)
    line = line_extent(font, dpi)
    height = max(extent.height, line.height)
    descent = max(extent.descent, line.descent)
    box = (left, top - extent.width, left + height, top)
    return Label(text, left + descent, top, font, color, box, 270.0)


def _moved_legend(
    legend: list[PlacedEntry], box: Rect, dy: float
) -> tuple[list[PlacedEntry], Rect]:
    """The legend moved up or down by ``dy`` (to the bottom of the chart)."""
    moved = [
        PlacedEntry(
            entry.entry,
            (entry.swatch_rect[0], entry.swatch_rect[1] + dy, entry.swatch_rect[2],
             entry.swatch_rect[3] + dy),
            _shift(entry.label, 0.0, dy),
        )
        for entry in legend
    ]  # fmt: skip
    return moved, (box[0], box[1] + dy, box[2], box[3] + dy)


def _legend_column(
    request: Request, left: float, right: float, bottom: float, top: float
) -> tuple[list[PlacedEntry], Rect | None]:
    """Entries one under another beside the plot (Chart.js's legend at the left or right),
    centred vertically, at most ``MAX_LEGEND_SHARE`` of the width wide; those that do not fit
    in the height are counted in the last one."""
    style, dpi, look = request.style, request.dpi, request.look
    font = style.font(
        look.legend_size or style.legend_size, _weight(look.legend_bold), look.legend_face
    )
    color = look.legend_color or style.text_color
    line = line_extent(font, dpi)
    swatch, swatch_height, swatch_gap, _, row_height = _legend_sizes(look, line, dpi)
    max_text = MAX_LEGEND_SHARE * (right - left) - swatch - swatch_gap
    rows = math.floor((top - bottom) / row_height)
    if max_text <= 0 or rows < 1:
        return [], None
    entries = list(request.legend)
    texts = [shorten(entry.label, font, dpi, max_text) for entry in entries]
    if len(entries) > rows:
        dropped = len(entries) - rows + 1
        entries, texts = entries[:rows], texts[:rows]
        texts[-1] = shorten(f"{entries[-1].label} (+{dropped - 1})", font, dpi, max_text)
    widest = max((measure(text, font, dpi).width for text in texts), default=0.0)
    column = swatch + swatch_gap + widest
    x = left if look.legend_position == "left" else right - column
    column_top = (top + bottom) / 2 + row_height * len(entries) / 2
    if look.legend_align in ("start", "end"):
        spare = top - bottom - row_height * len(entries)
        column_top = top if look.legend_align == "start" else top - spare
    placed = []
    for index, (entry, text) in enumerate(zip(entries, texts, strict=True)):
        if not text:
            continue
        row_top = column_top - index * row_height
        baseline_top = row_top - (row_height - line.height) / 2
        label = _horizontal(text, x + swatch + swatch_gap, baseline_top, font, color, dpi)
        middle = (label.box[1] + label.box[3]) / 2
        half = swatch_height / 2
        placed.append(PlacedEntry(entry, (x, middle - half, x + swatch, middle + half), label))
    if not placed:
        return [], None
    return placed, (x, column_top - row_height * len(entries), x + column, column_top)
