"""A config's overlays drawn with its chart: annotation boxes and lines over the data, clipped
to the plot as chartjs-plugin-annotation clips them, then data labels on top, placed as
chartjs-plugin-datalabels places them (anchor on the element, align and offset from there).

Sizes come in CSS pixels (``models.overlays``): a CSS pixel is ``dpi / 100`` frame pixels
(the device pixel ratio) and 0.72 points. Every text drawn stays on the canvas: a label that
would cross its edge is moved in.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace

import numpy as np

from chartfn.drawing.matplotlib_runtime import FontProperties, to_rgba
from chartfn.drawing.raster.axis_boxes import chartjs_axis_boxes
from chartfn.drawing.raster.canvas import Canvas, Rect
from chartfn.drawing.raster.charts import Chart
from chartfn.drawing.raster.layout import Label, Layout, LegendBox, Look, Request, TextLook
from chartfn.drawing.raster.plot_mapping import Element, Point
from chartfn.drawing.raster.rounded_outline import (
    LABEL_CORNER_STEPS,
    fitting_radius,
    rounded_outline,
)
from chartfn.drawing.raster.style import RGBA, Style
from chartfn.drawing.raster.text import line_extent, measure
from chartfn.models.overlays import (
    BoxAnnotation,
    ChartLook,
    DataLabels,
    LineAnnotation,
    Overlays,
    TextStyle,
)

__all__ = ["with_overlays"]

# Chart.js leaves 10 CSS px above its title or legend (their padding); the layout's outer pad
# and the text's line box give most of them. 1 px more puts legends within 1.2 px of Chart.js's
# (median of 93); more would shrink the plot under a legend below Chart.js's chart area (a pie's
# radius, tests/unit/test_round_datalabels.py), as the legend's row is taller than Chart.js's
CHARTJS_TOP_GAP = 1.0
POINTS_PER_CSS_PIXEL = 0.72  # a CSS pixel is 1/96 in, a point 1/72 in, at 100 dpi per ratio 1
DEFAULT_FONT_SIZE = 12.0  # CSS pixels: Chart.js's default font size
DEFAULT_TEXT_COLOR = "#666666"  # Chart.js's default font colour
CHARTJS_BOX_WIDTH = 40.0  # CSS pixels: the legend's labels.boxWidth in 2.9.4 and 4
CHARTJS_LEGEND_PADDING = 10.0  # CSS pixels between legend entries (labels.padding)
ANNOTATION_LABEL_PADDING = 6.0  # CSS pixels around an annotation line's label


def with_overlays(chart: Chart, overlays: Overlays | None) -> Chart:
    """``chart`` with ``overlays``' look, drawing their labels and annotations after its
    data (the same chart when there are none)."""
    if overlays is None:
        return chart
    # overlays come only with a Chart.js config, whose look (bold title, Chart.js's top gap)
    # applies whether or not the config sets any of it
    chart = replace(chart, request=_with_look(chart.request, overlays.look))
    if not (overlays.datalabels or overlays.annotations):
        return chart
    draw_data = chart.draw_data

    behind = tuple(a for a in overlays.annotations if a.behind)
    above = tuple(a for a in overlays.annotations if not a.behind)

    def draw(canvas: Canvas, placed: Layout) -> list[Label]:
        texts: list[Label] = []
        if behind and chart.mappers is not None:
            texts += _annotations(canvas, chart, placed, behind)
            canvas.clip_to(placed.plot)  # the data is clipped to the plot, as paint set it
        texts += draw_data(canvas, placed)
        if above and chart.mappers is not None:
            texts += _annotations(canvas, chart, placed, above)
        canvas.clip_to(None)  # data labels may stand above the plot, as in Chart.js
        if overlays.datalabels and chart.elements is not None:
            texts += _datalabels(canvas, chart, placed, overlays.datalabels)
        return texts

    return replace(chart, draw_data=draw)


def _with_look(request: Request, look: ChartLook) -> Request:
    """The request with a config's title and legend fonts and places, and its padding."""
    unit = _css(request.dpi)

    def points(size: float | None) -> float | None:
        return None if size is None else size * POINTS_PER_CSS_PIXEL

    def color(text: str | None) -> RGBA | None:
        return None if text is None else _rgba(text)

    return replace(
        request,
        look=Look(
            title_size=points(look.title.size),
            title_bold=look.title.bold is not False,  # Chart.js's titles are bold by default
            title_face=look.title.face,
            title_color=color(look.title.color),
            title_lines=look.title_lines,
            title_bottom=look.title_bottom,
            title_side=look.title_side,
            subtitle=_text_look(look.subtitle),
            subtitle_lines=look.subtitle_lines,
            subtitle_bottom=look.subtitle_bottom,
            title_align=look.title_align,
            legend_size=points(look.legend.size),
            legend_bold=bool(look.legend.bold),
            legend_face=look.legend.face,
            legend_color=color(look.legend.color),
            legend_position=look.legend_position,
            legend_box=_legend_box(look, unit),
            legend_align=look.legend_align,
            axes=look.axes,
            axis_boxes=chartjs_axis_boxes(look.chartjs_version) if look.axes else None,
            x_title=_text_look(look.x_title),
            y_title=_text_look(look.y_title),
            y2_title=_text_look(look.y2_title),
            padding=(
                look.padding[0] * unit,
                (look.padding[1] + (CHARTJS_TOP_GAP if look.axes else 0.0)) * unit,
                look.padding[2] * unit,
                look.padding[3] * unit,
            ),
        ),
    )


def _legend_box(look: ChartLook, unit: float) -> LegendBox:
    """Chart.js's legend boxes: boxWidth (40) by boxHeight or the font size, text half the
    font size after the box, entries and rows ``padding`` (10) apart; sizes in CSS pixels,
    times ``unit``."""
    font = look.legend.size or DEFAULT_FONT_SIZE
    width = CHARTJS_BOX_WIDTH if look.legend_box_width is None else look.legend_box_width
    height = font if look.legend_box_height is None else look.legend_box_height
    padding = CHARTJS_LEGEND_PADDING if look.legend_padding is None else look.legend_padding
    if look.legend_point_style:
        # Chart.js draws a point style in a square no wider than the font is high
        width = height = min(width, font)
    return LegendBox(width * unit, height * unit, font / 2 * unit, padding * unit)


def _text_look(text: TextStyle) -> TextLook:
    return TextLook(
        size=None if text.size is None else text.size * POINTS_PER_CSS_PIXEL,
        bold=bool(text.bold),
        color=None if text.color is None else _rgba(text.color),
        face=text.face,
    )


def _rgba(color: str) -> RGBA:
    # imported here, as engine._background does: /plot's first request loads the engine and
    # must not pay for the colour grammar (tests/integration/test_cold_imports.py)
    from chartfn.models.colors import parse_css_color

    return to_rgba(parse_css_color(color))


def _css(dpi: float) -> float:
    """Frame pixels per CSS pixel."""
    return dpi / 100.0


def _font(style: Style, text: TextStyle) -> FontProperties:
    size = (text.size or DEFAULT_FONT_SIZE) * POINTS_PER_CSS_PIXEL
    return style.font(size, "bold" if text.bold else "normal", text.face)


def _annotations(
    canvas: Canvas,
    chart: Chart,
    placed: Layout,
    annotations: tuple[LineAnnotation | BoxAnnotation, ...],
) -> list[Label]:
    assert chart.mappers is not None
    to_x, to_left_y = chart.mappers(placed)
    to_right_y = to_left_y if chart.y2_mapper is None else chart.y2_mapper(placed)
    x0, y0, x1, y1 = placed.plot
    dpi = chart.request.dpi

    def px(value: float | None, mapper: Callable[..., np.ndarray], edge: float) -> float:
        """A data position in pixels; None (or off any scale): the plot's edge."""
        if value is None:
            return edge
        mapped = float(mapper(np.array([value], dtype=np.float64))[0])
        return mapped if math.isfinite(mapped) else edge

    canvas.clip_to(placed.plot)
    labels: list[tuple[LineAnnotation, Point, Point]] = []
    for annotation in annotations:
        to_y = to_right_y if annotation.on_right else to_left_y
        if isinstance(annotation, BoxAnnotation):
            left, right = sorted((px(annotation.x0, to_x, x0), px(annotation.x1, to_x, x1)))
            bottom, top = sorted((px(annotation.y0, to_y, y0), px(annotation.y1, to_y, y1)))
            rect = np.array([[left, bottom, right, top]])
            if annotation.fill is not None:
                canvas.fill_rects(rect, _rgba(annotation.fill))
            if annotation.edge is not None and annotation.width > 0:
                outline = [[left, bottom], [right, bottom], [right, top], [left, top]]
                canvas.stroke(
                    np.array([*outline, outline[0]]),
                    _rgba(annotation.edge),
                    annotation.width * POINTS_PER_CSS_PIXEL,
                    snap=True,
                )
            continue
        start = (px(annotation.x0, to_x, x0), px(annotation.y0, to_y, y0))
        end = (px(annotation.x1, to_x, x1), px(annotation.y1, to_y, y1))
        if annotation.width > 0:
            canvas.stroke(
                np.array([start, end]),
                _rgba(annotation.color),
                annotation.width * POINTS_PER_CSS_PIXEL,
                dashes=[d * POINTS_PER_CSS_PIXEL for d in annotation.dash] or None,
                snap=True,
            )
        if annotation.label:
            labels.append((annotation, start, end))
    canvas.clip_to(None)
    drawn = []
    style = chart.request.style
    padding = ANNOTATION_LABEL_PADDING * _css(dpi)
    for annotation, start, end in labels:
        assert annotation.label is not None
        font = _font(style, TextStyle(bold=annotation.label_bold, face=annotation.label_face))
        lines = annotation.label.split("\n")
        width, height = _block_size(lines, font, dpi)
        size = (width + 2 * padding, height + 2 * padding)
        drawn += _boxed_text(
            canvas,
            lines,
            _along(start, end, annotation.label_position, size),
            font,
            _rgba(annotation.label_color),
            _rgba(annotation.label_background),
            padding,
            dpi,
        )
    return drawn


def _along(
    start: Point, end: Point, fraction: float, size: tuple[float, float]
) -> tuple[float, float]:
    """The centre of a ``size`` label at ``fraction`` along a line: from its left end, or a
    steep line's top, as the annotation plugin measures ``position``; inside the line's ends."""
    if abs(end[1] - start[1]) > abs(end[0] - start[0]) and end[1] > start[1]:
        start, end = end, start  # y grows upwards here: a steep line starts at its top
    elif abs(end[1] - start[1]) <= abs(end[0] - start[0]) and end[0] < start[0]:
        start, end = end, start
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy)
    if length == 0:
        return start
    ux, uy = dx / length, dy / length
    half = abs(ux) * size[0] / 2 + abs(uy) * size[1] / 2  # the label's reach along the line
    along = min(max(fraction * length, half), max(half, length - half))
    return (start[0] + ux * along, start[1] + uy * along)


def _datalabels(
    canvas: Canvas, chart: Chart, placed: Layout, sets: tuple[DataLabels, ...]
) -> list[Label]:
    assert chart.elements is not None
    elements = chart.elements(placed)
    dpi = chart.request.dpi
    style = chart.request.style
    drawn: list[Label] = []
    taken: list[Rect] = []
    for labels in sets:
        if not 0 <= labels.series < len(elements):
            continue
        font = _font(style, labels.text)
        color = _rgba(labels.text.color or DEFAULT_TEXT_COLOR)
        background = None if labels.background is None else _rgba(labels.background)
        padding = labels.padding * _css(dpi)
        for index, (element, text) in enumerate(
            zip(elements[labels.series], labels.texts, strict=False)
        ):
            if element is None or not text:
                continue
            own_color = _at(labels.colors, index)
            own_background = _at(labels.backgrounds, index)
            lines = text.split("\n")
            width, height = _block_size(lines, font, dpi)
            size = (width + 2 * padding, height + 2 * padding)
            centre = _label_centre(element, labels, size, dpi)
            box = _on_canvas(centre, size, canvas.size)
            if labels.auto_hide and any(_overlap(box, other) for other in taken):
                continue
            taken.append(box)
            drawn += _boxed_text(
                canvas,
                lines,
                ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2),
                font,
                color if own_color is None else _rgba(own_color),
                background if own_background is None else _rgba(own_background),
                padding,
                dpi,
                radius=labels.border_radius * _css(dpi),
                edge=None if labels.border is None else _rgba(labels.border),
                edge_width=labels.border_width * POINTS_PER_CSS_PIXEL,
            )
    return drawn


def _at(values: tuple[str | None, ...], index: int) -> str | None:
    return values[index] if index < len(values) else None


def _direction(element: Element, align: str | float) -> tuple[float, float]:
    """The unit vector from the anchor to the label (y up); (0, 0): centred on it."""
    fixed = {
        "center": (0.0, 0.0),
        "top": (0.0, 1.0),
        "bottom": (0.0, -1.0),
        "left": (-1.0, 0.0),
        "right": (1.0, 0.0),
        "end": element.direction,
        "start": (-element.direction[0], -element.direction[1]),
    }
    if isinstance(align, str):
        return fixed.get(align, (0.0, 0.0))
    angle = math.radians(align)  # clockwise on a canvas whose y grows downwards
    return (math.cos(angle), -math.sin(angle))


def _label_centre(
    element: Element, labels: DataLabels, size: tuple[float, float], dpi: float
) -> tuple[float, float]:
    anchor = {"start": element.start, "end": element.end}.get(labels.anchor, element.centre)
    vx, vy = _direction(element, labels.align)
    if vx == 0 and vy == 0:
        return anchor
    # The box's nearest side lies ``offset`` away from the anchor, towards ``align``.
    reach = labels.offset * _css(dpi) + abs(vx) * size[0] / 2 + abs(vy) * size[1] / 2
    return (anchor[0] + vx * reach, anchor[1] + vy * reach)


def _on_canvas(
    centre: tuple[float, float], size: tuple[float, float], canvas: tuple[float, float]
) -> Rect:
    """The label's box around ``centre``, moved onto the canvas where it would cross an edge."""
    width, height = min(size[0], canvas[0]), min(size[1], canvas[1])
    left = min(max(0.0, centre[0] - width / 2), canvas[0] - width)
    bottom = min(max(0.0, centre[1] - height / 2), canvas[1] - height)
    return (left, bottom, left + width, bottom + height)


def _overlap(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _block_size(lines: list[str], font: FontProperties, dpi: float) -> tuple[float, float]:
    line = line_extent(font, dpi).height
    width = max(measure(text, font, dpi).width for text in lines)
    return width, line * len(lines)


def _boxed_text(
    canvas: Canvas,
    lines: list[str],
    centre: tuple[float, float],
    font: FontProperties,
    color: RGBA,
    background: RGBA | None,
    padding: float,
    dpi: float,
    *,
    radius: float = 0.0,
    edge: RGBA | None = None,
    edge_width: float = 0.0,
) -> list[Label]:
    """Lines of text centred on ``centre`` over an optional background box (corners rounded
    by ``radius`` pixels, outlined in ``edge``, ``edge_width`` points wide); the texts drawn
    (none whose box would leave the canvas)."""
    width, height = _block_size(lines, font, dpi)
    box = _on_canvas(centre, (width + 2 * padding, height + 2 * padding), canvas.size)
    filled = background is not None and background[3] > 0
    outlined = edge is not None and edge[3] > 0 and edge_width > 0
    if filled and radius <= 0:
        assert background is not None
        canvas.fill_rects(np.array([box]), background, snap=False)
    elif filled or outlined:
        outline = rounded_outline(box, fitting_radius(box, radius), LABEL_CORNER_STEPS)
        if filled:
            assert background is not None
            canvas.fill_polygon(outline, background)
        if outlined:
            assert edge is not None
            canvas.stroke(np.concatenate([outline, outline[:1]]), edge, edge_width)
    extent = line_extent(font, dpi)
    middle_x = (box[0] + box[2]) / 2
    top = (box[1] + box[3]) / 2 + height / 2
    drawn = []
    for index, text in enumerate(lines):
        if not text:
            continue
        text_width = measure(text, font, dpi).width
        line_bottom = top - (index + 1) * extent.height
        baseline = line_bottom + extent.descent
        start = middle_x - text_width / 2
        text_box = (start, line_bottom, start + text_width, line_bottom + extent.height)
        if not _inside(text_box, canvas.size):
            continue
        canvas.text(start, baseline, text, font, color)
        drawn.append(Label(text, start, baseline, font, color, text_box))
    return drawn


def _inside(box: Rect, size: tuple[float, float]) -> bool:
    slack = 1e-6
    return (
        box[0] >= -slack
        and box[1] >= -slack
        and box[2] <= size[0] + slack
        and box[3] <= size[1] + slack
    )
