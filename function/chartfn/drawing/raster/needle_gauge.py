"""``needle_gauge``: QuickChart's ``gauge`` (the chartjs-gauge plugin it bundles for Chart.js 2),
drawn as the plugin draws it: a doughnut turned to a half ring (rotation −π, circumference π,
cutout 50 %) laid out by Chart.js 2.9's doughnut rules for a partial circle (the half ring as
large as the chart area allows, its centre below the area's middle by half the radius, the
largest border width off the diameter), one band per end value with white borders, then the
needle (a hub disc and a triangle) at the value's share of the span, then the value label: its
text in a rounded box centred above the hub by ``bottomMarginPercentage`` of the area's width.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from chartfn.drawing.matplotlib_runtime import Path, to_rgba
from chartfn.drawing.raster.canvas import Canvas
from chartfn.drawing.raster.layout import Label, Layout, Request
from chartfn.drawing.raster.radial import CSS_PX_IN_POINTS, css_px, ring_polygon, text_at
from chartfn.drawing.raster.rings import arc_element
from chartfn.drawing.raster.rounded_outline import fitting_radius, rounded_outline
from chartfn.drawing.raster.style import RGBA
from chartfn.drawing.raster.text import measure
from chartfn.drawing.spec_renderer import DEFAULT_COLORS
from chartfn.models.chart_spec import ChartSpec
from chartfn.models.needle_gauge_look import NeedleGaugeLook
from chartfn.models.numbers import shortest_form

if TYPE_CHECKING:
    from chartfn.drawing.raster.charts import Chart, Element

__all__ = ["plan_needle_gauge"]

DEFAULT_CUTOUT = 0.5  # the plugin's cutoutPercentage 50
DEFAULT_FONT_PX = 12.0  # Chart.js 2's defaultFontSize
_SPACES = {ord(c): " " for c in "\t\n\f\r"}
VALUE_LABEL_CORNER_STEPS = 9  # segments per corner of the value label's box
TEXT_DROP = 0.075  # the plugin writes the text this share of its height below the box's middle


def _share(value: float, start: float, top: float) -> float:
    """Where ``value`` lies on the span, as the plugin's ``getValuePercent``."""
    return (value - start) / (top - start)


def _angle(share: float) -> float:
    """The plugin's angle (−π + π × share, clockwise on a canvas) as degrees counter-clockwise
    from 3 o'clock, the way the raster engine turns."""
    return 180.0 - 180.0 * math.fmod(share, 360.0)


def plan_needle_gauge(spec: ChartSpec, base: Request, look: NeedleGaugeLook | None) -> Chart:
    from chartfn.drawing.raster.charts import Chart

    look = look or NeedleGaugeLook()
    ends = sorted(float(v) for v in spec.series[0].y or () if v is not None)
    start = float(spec.band_start or 0.0)
    top = ends[-1] or 1.0  # the plugin's `data[data.length - 1] || 1`
    needle_value = float(spec.needle_value or 0.0)
    palette = spec.slice_colors or list(DEFAULT_COLORS)
    colors: list[RGBA] = [to_rgba(palette[i % len(palette)]) for i in range(len(ends))]
    cutout = spec.cutout if spec.cutout is not None else DEFAULT_CUTOUT
    request = Request(base.width, base.height, base.dpi, base.style, base.title, "", "", ())
    dpi = base.dpi

    def geometry(layout: Layout) -> tuple[float, float, float, float]:
        """Centre x, y, outer and inner radius: Chart.js 2.9's doughnut with a half ring,
        2 radii wide and 1 high, with the largest border width off the diameter."""
        area_top = layout.plot[3] if layout.labels else float(base.height)
        border = css_px(look.band_border_width, dpi)
        outer = max((min(float(base.width), area_top * 2.0) - border) / 2.0, 0.0)
        return base.width / 2.0, area_top / 2.0 - outer / 2.0, outer, outer * cutout

    def bands() -> list[tuple[float, float]]:
        """Each band's start and end angle (degrees, counter-clockwise from 3 o'clock)."""
        previous = [start, *ends[:-1]]
        return [
            (_angle(_share(end, start, top)), _angle(_share(low, start, top)))
            for low, end in zip(previous, ends, strict=True)
        ]

    def elements(layout: Layout) -> list[list[Element | None]]:
        """Where data labels attach: each band as the plugin sees a doughnut's arc."""
        cx, cy, outer, inner = geometry(layout)
        return [
            [arc_element(cx, cy, math.radians((low + high) / 2), inner, outer)
             for low, high in bands()]
        ]  # fmt: skip

    def draw(canvas: Canvas, layout: Layout) -> list[Label]:
        cx, cy, outer, inner = geometry(layout)
        border_color = to_rgba(look.band_border_color)
        for (low, high), color in zip(bands(), colors, strict=True):
            if outer <= 0 or low == high:
                continue
            polygon = ring_polygon(min(low, high), max(low, high), outer, inner, cx, cy)
            canvas.fill_path(Path(polygon, closed=True), color)
            if look.band_border_width > 0:
                canvas.stroke(polygon, border_color, look.band_border_width * CSS_PX_IN_POINTS)
        _draw_needle(canvas, look, needle_value, start, top, (cx, cy), (outer, inner), base.width)
        if spec.value_labels is False or look.label_text == "":
            return []
        text = look.label_text if look.label_text is not None else shortest_form(needle_value)
        text = text.translate(_SPACES)  # a canvas' fillText draws ASCII whitespace as spaces
        margin = look.label_bottom_margin_percentage / 100.0 * base.width
        label = _draw_value_label(canvas, look, text, cx, cy + margin, base, dpi)
        return [] if label is None else [label]

    return Chart(request, draw, grid_x=False, grid_y=False, elements=elements)


def _draw_needle(
    canvas: Canvas,
    look: NeedleGaugeLook,
    value: float,
    start: float,
    top: float,
    centre: tuple[float, float],
    radii: tuple[float, float],
    area_width: float,
) -> None:
    cx, cy = centre
    outer, inner = radii
    color = to_rgba(look.needle_color)
    hub = look.needle_radius_percentage / 100.0 * area_width
    half_base = look.needle_width_percentage / 100.0 * area_width / 2.0
    length = look.needle_length_percentage / 100.0 * (outer - inner) + inner
    if hub > 0:
        disc = ring_polygon(0.0, 360.0, hub, 0.0, cx, cy)[1:-1]
        canvas.fill_polygon(np.concatenate([disc, disc[:1]]), color)
    theta = math.radians(_angle(_share(value, start, top)))
    along = np.array([math.cos(theta), math.sin(theta)])
    across = np.array([-along[1], along[0]])
    tip = np.array([cx, cy]) + along * length
    base = np.array([cx, cy])
    triangle = np.array([base + across * half_base, tip, base - across * half_base])
    canvas.fill_polygon(np.concatenate([triangle, triangle[:1]]), color)


def _draw_value_label(
    canvas: Canvas,
    look: NeedleGaugeLook,
    text: str,
    x: float,
    y: float,
    base: Request,
    dpi: float,
) -> Label | None:
    """The plugin's label: the text centred on (x, y) in a box of its width and an
    approximate height (the wider of 'm' and 'Ｗ', here of 'm' and the font size) plus padding."""
    font_px = look.label_font_px if look.label_font_px is not None else DEFAULT_FONT_PX
    font = base.style.font(font_px * CSS_PX_IN_POINTS)
    text_width = measure(text, font, dpi).width
    text_height = max(measure("m", font, dpi).width, css_px(font_px, dpi))
    top, right, bottom, left = (css_px(p, dpi) for p in look.label_padding)
    x0 = x - left - text_width / 2.0
    y1 = y + top + text_height / 2.0
    x1 = x0 + left + text_width + right
    y0 = y1 - (top + text_height + bottom)
    if not _fits(canvas, (x - text_width / 2.0, y - text_height / 2.0,
                          x + text_width / 2.0, y + text_height / 2.0)):  # fmt: skip
        return None  # as every text of the engine: left out rather than cut by the edge
    background = to_rgba(look.label_background)
    if background[3] > 0:
        box = (x0, y0, x1, y1)
        radius = fitting_radius(box, css_px(look.label_border_radius, dpi))
        # from the bottom right, closed: the points the label's SVG and PDF have always listed
        outline = rounded_outline(box, radius, VALUE_LABEL_CORNER_STEPS, "bottom_right")
        canvas.fill_polygon(np.concatenate([outline, outline[:1]]), background)
    color = to_rgba(look.label_color)
    return text_at(canvas, text, x, y - TEXT_DROP * text_height, font, color, dpi)


def _fits(canvas: Canvas, box: tuple[float, float, float, float]) -> bool:
    width, height = canvas.size
    return box[0] >= 0 and box[1] >= 0 and box[2] <= width and box[3] <= height
