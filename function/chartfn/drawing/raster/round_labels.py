"""Text a doughnut's plugins draw around and inside its rings (``models.round_look``):

- chartjs-plugin-piechart-outlabels 0.1 (QuickChart's outlabeledPie): every leader line first,
  from the slice's middle on the outer edge ``stretch`` CSS px outwards, in the slice's colour,
  then each label's box (the slice's colour unless set) with its lines centred. The box sits
  beside the line's end on the slice's side, centred on it within 0.05 of a half turn of 12
  and 6 o'clock; a box whose corners fall within 5 CSS px of an earlier box moves 2 px left
  and 0.5 px down until they do not (at most ``MAX_MOVES`` times). The font is 2.5 % of the
  chart's CSS height within the plugin's ``minSize`` … ``maxSize`` unless ``resizable`` is
  false.
- QuickChart's doughnutlabel: lines centred on the chart area's centre, each ``1.2 ×`` its
  font size high, shrunk (whole CSS px) until the block's diagonal fits the hole's diameter.

Every text drawn stays on the canvas: a box that would cross an edge is moved in.
"""

from __future__ import annotations

import math

import numpy as np

from chartfn.drawing.matplotlib_runtime import FontProperties, to_rgba
from chartfn.drawing.raster.canvas import Canvas, Rect
from chartfn.drawing.raster.layout import Label
from chartfn.drawing.raster.rings import Ring
from chartfn.drawing.raster.rounded_outline import (
    LABEL_CORNER_STEPS,
    fitting_radius,
    rounded_outline,
)
from chartfn.drawing.raster.style import RGBA, Style
from chartfn.drawing.raster.text import line_extent, measure
from chartfn.models.font_face import FontFace
from chartfn.models.overlays import TextStyle
from chartfn.models.round_look import OutLabels

__all__ = ["MAX_MOVES", "draw_centre_text", "draw_outlabels"]

CSS_PX_IN_POINTS = 0.72  # Chart.js's CSS pixel at 100 dpi per device pixel ratio
DEFAULT_FONT_SIZE = 12.0  # Chart.js's defaultFontSize
DEFAULT_CENTRE_COLOR = "#666666"  # Chart.js's defaultFontColor
LINE_HEIGHT = 1.2  # Chart.js's toLineHeight default: 1.2 × the font size
RESIZE_SHARE = 2.5 / 100  # outlabels' adaptTextSizeToHeight: 2.5 % of the CSS height
OVERLAP_MARGIN = 5.0  # CSS px around an earlier label that a corner may not enter
MAX_MOVES = 400  # a label moves at most this often (the plugin loops until it fits)


def _unit(dpi: float) -> float:
    """Frame pixels per CSS pixel."""
    return dpi / 100.0


def _font(
    style: Style, size_css: float, bold: bool, face: FontFace | None = None
) -> FontProperties:
    return style.font(size_css * CSS_PX_IN_POINTS, "bold" if bold else "normal", face)


def outlabel_size(labels: OutLabels, css_height: float) -> float:
    """The out-labels' font size in CSS px, as the plugin's parseFont resolves it."""
    if labels.size is not None and not _resizable(labels):
        return labels.size
    if not _resizable(labels):
        return DEFAULT_FONT_SIZE
    size = css_height * RESIZE_SHARE
    if labels.min_size and size < labels.min_size:
        return labels.min_size
    if labels.max_size and size > labels.max_size:
        return labels.max_size
    return size


def _resizable(labels: OutLabels) -> bool:
    return labels.size is None


def draw_outlabels(
    canvas: Canvas,
    ring: Ring,
    labels: OutLabels,
    slice_colors: list[RGBA],
    style: Style,
    dpi: float,
) -> list[Label]:
    """The out-labels of ``ring``'s slices (coloured ``slice_colors``); the texts drawn."""
    unit = _unit(dpi)
    size = outlabel_size(labels, canvas.size[1] / unit)
    font = _font(style, size, labels.bold, labels.face)
    line_height = LINE_HEIGHT * size * unit
    text_color = to_rgba(labels.color)
    pads = (labels.padding[0] * unit, labels.padding[1] * unit, labels.padding[2] * unit,
            labels.padding[3] * unit)  # fmt: skip
    top_pad = pads[1]
    placed: list[tuple[int, list[str], Rect, tuple[float, float]]] = []
    boxes: list[Rect] = []
    for index in range(min(len(ring.values), len(labels.texts))):
        lines = labels.texts[index]
        if not lines or ring.values[index] <= 0:
            continue
        angle = ring.middle(index)
        reach = ring.outer + labels.stretch * unit
        end_x = ring.cx + reach * math.cos(angle)
        end_y = ring.cy + reach * math.sin(angle)
        width = max(measure(text, font, dpi).width for text in lines)
        height = line_height * len(lines)
        centre_x = end_x + _side_offset(angle, width)
        centre_y = end_y
        box = _label_box(centre_x, centre_y, width, height, pads)
        moves = _moves_clear(box, boxes, OVERLAP_MARGIN * unit, unit)
        shift_x, shift_y = -2.0 * unit * moves, -0.5 * unit * moves
        centre_x, centre_y = centre_x + shift_x, centre_y + shift_y
        end_x, end_y = end_x + shift_x, end_y + shift_y
        box = (box[0] + shift_x, box[1] + shift_y, box[2] + shift_x, box[3] + shift_y)
        boxes.append(box)
        anchor = (ring.cx + ring.outer * math.cos(angle), ring.cy + ring.outer * math.sin(angle))
        color = slice_colors[index % len(slice_colors)]
        canvas.stroke(
            np.array([anchor, (end_x, end_y)]), color, labels.line_width * CSS_PX_IN_POINTS
        )
        placed.append((index, lines, box, (centre_x, centre_y)))
    drawn: list[Label] = []
    for index, lines, box, _ in placed:
        background = _background(labels, index, slice_colors)
        moved = _on_canvas(box, canvas.size)
        if background[3] > 0:
            radius = fitting_radius(moved, labels.border_radius * unit)
            canvas.fill_polygon(rounded_outline(moved, radius, LABEL_CORNER_STEPS), background)
        middle_x = (moved[0] + moved[2]) / 2
        top = moved[3] - top_pad
        drawn += _lines(canvas, lines, middle_x, top, line_height, font, text_color, dpi)
    return drawn


def draw_centre_text(
    canvas: Canvas,
    hole: float,
    centre: tuple[float, float],
    lines: tuple[tuple[str, TextStyle], ...],
    style: Style,
    dpi: float,
) -> list[Label]:
    """doughnutlabel's lines around ``centre`` (the chart area's), fitted into a hole of
    radius ``hole`` frame pixels."""
    unit = _unit(dpi)
    sizes = [text.size if text.size is not None else DEFAULT_FONT_SIZE for _, text in lines]

    def block(sizes: list[float]) -> tuple[float, float]:
        widths = [
            measure(content, _font(style, size, bool(text.bold), text.face), dpi).width
            for (content, text), size in zip(lines, sizes, strict=True)
        ]
        return max(widths, default=0.0), sum(LINE_HEIGHT * s * unit for s in sizes)

    width, height = block(sizes)
    diagonal = math.hypot(width, height)
    if diagonal > 0 and 2 * hole / diagonal < 1:
        ratio = 2 * hole / diagonal
        sizes = [float(math.floor(s * ratio)) for s in sizes]
        width, height = block(sizes)
    drawn: list[Label] = []
    top = centre[1] + height / 2
    for (content, text), size in zip(lines, sizes, strict=True):
        line = LINE_HEIGHT * size * unit
        if size > 0:
            font = _font(style, size, bool(text.bold), text.face)
            color = to_rgba(text.color or DEFAULT_CENTRE_COLOR)
            drawn += _lines(canvas, [content], centre[0], top, line, font, color, dpi)
        top -= line
    return drawn


def _side_offset(angle: float, width: float) -> float:
    """The plugin's predicted offset: the box beside the line's end, on the slice's side
    (``angle`` radians counter-clockwise, the plugin's canvas angle turned over)."""
    turns = angle / math.pi
    fraction = abs(turns - math.trunc(turns))
    if 0.45 < fraction < 0.55:
        return 0.0
    if -0.45 <= turns <= 0.45:
        return width / 2
    if -1.45 <= turns <= -0.55:
        return -width / 2
    return 0.0


def _label_box(
    x: float, y: float, width: float, height: float, padding: tuple[float, float, float, float]
) -> Rect:
    left, top, right, bottom = padding
    half_width, half_height = width / 2, height / 2
    return (x - half_width - left, y - half_height - bottom, x + half_width + right,
            y + half_height + top)  # fmt: skip


def _moves_clear(box: Rect, earlier: list[Rect], margin: float, unit: float) -> int:
    """How often the plugin moves ``box`` (2 CSS px left, 0.5 down) before none of its corners
    lies within ``margin`` of an ``earlier`` box: every step tried at once, at most
    ``MAX_MOVES``."""
    if not earlier:
        return 0
    steps = np.arange(MAX_MOVES + 1, dtype=np.float64)[:, None]  # (steps, 1)
    xs = np.array([box[0], box[2]])[None, :] - 2.0 * unit * steps  # (steps, 2)
    ys = np.array([box[1], box[3]])[None, :] - 0.5 * unit * steps
    others = np.array(earlier)
    left, bottom = others[:, 0] - margin, others[:, 1] - margin
    right, top = others[:, 2] + margin, others[:, 3] + margin
    x_in = (left <= xs[:, :, None]) & (xs[:, :, None] <= right)  # (steps, 2, boxes)
    y_in = (bottom <= ys[:, :, None]) & (ys[:, :, None] <= top)
    corner_in = x_in[:, :, None, :] & y_in[:, None, :, :]  # (steps, 2, 2, boxes)
    blocked = corner_in.any(axis=(1, 2, 3))
    clear = np.flatnonzero(~blocked)
    return int(clear[0]) if clear.size else MAX_MOVES


def _background(labels: OutLabels, index: int, slice_colors: list[RGBA]) -> RGBA:
    given = labels.backgrounds[index] if index < len(labels.backgrounds) else None
    return to_rgba(given) if given is not None else slice_colors[index % len(slice_colors)]


def _on_canvas(box: Rect, size: tuple[float, float]) -> Rect:
    width, height = min(box[2] - box[0], size[0]), min(box[3] - box[1], size[1])
    left = min(max(0.0, box[0]), size[0] - width)
    bottom = min(max(0.0, box[1]), size[1] - height)
    return (left, bottom, left + width, bottom + height)


def _lines(
    canvas: Canvas,
    lines: list[str] | tuple[str, ...],
    middle_x: float,
    top: float,
    line_height: float,
    font: FontProperties,
    color: RGBA,
    dpi: float,
) -> list[Label]:
    """Lines centred on ``middle_x``, the first one's box starting ``top`` (each
    ``line_height`` high, the text centred in it); none that would leave the canvas."""
    extent = line_extent(font, dpi)
    drawn: list[Label] = []
    width_px, height_px = canvas.size
    for index, text in enumerate(lines):
        if not text:
            continue
        middle_y = top - (index + 0.5) * line_height
        text_width = measure(text, font, dpi).width
        start = middle_x - text_width / 2
        bottom = middle_y - extent.height / 2
        box = (start, bottom, start + text_width, bottom + extent.height)
        if box[0] < 0 or box[1] < 0 or box[2] > width_px or box[3] > height_px:
            continue
        baseline = bottom + extent.descent
        canvas.text(start, baseline, text, font, color)
        drawn.append(Label(text, start, baseline, font, color, box))
    return drawn
