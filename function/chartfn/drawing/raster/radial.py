"""Round charts on a radial value scale, as Chart.js draws them: ``doughnut`` (a pie with a
hole), ``polar_area`` (equal angles, radius by value over circular rings) and ``radar`` (one
spoke per category, a polygon grid, each series a polygon with its points).

Angles follow Chart.js: the first slice or spoke starts at 12 o'clock (plus the spec's
``rotation``) and the next ones follow clockwise. The radial scale's ticks come from a
provider (a Chart.js config's own, ``chartjs.radial_ticks``) or, for a plain spec, from
Chart.js's nice-number rule here; the centre tick gets no label and no ring, as in Chart.js.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np

from chartfn.drawing.matplotlib_runtime import FontProperties, Path, to_rgba
from chartfn.drawing.raster.arc_shapes import arc_polygon
from chartfn.drawing.raster.canvas import Canvas
from chartfn.drawing.raster.layout import Label, Layout, LegendEntry, Request
from chartfn.drawing.raster.paint_fill import (
    fill_path_with_paint,
    paint_of,
    stroke_path_with_paint,
)
from chartfn.drawing.raster.radial_fit import LINE_HEIGHT_EM, fit_radial
from chartfn.drawing.raster.rings import DEFAULT_CUTOUT, Ring, arc_element, place_rings
from chartfn.drawing.raster.round_labels import draw_centre_text, draw_outlabels
from chartfn.drawing.raster.style import RGBA
from chartfn.drawing.raster.text import line_extent, measure, shorten
from chartfn.drawing.spec_renderer import DEFAULT_COLORS, series_values
from chartfn.models.axis_ticks import AxisTicks, RadialLook, TickProvider
from chartfn.models.chart_spec import ChartSpec, Series
from chartfn.models.fill_pattern import Paint
from chartfn.models.numbers import shortest_form
from chartfn.models.round_look import RoundLook
from chartfn.models.series_style import ChartStyles

__all__ = [
    "DEFAULT_CUTOUT",
    "RadialScale",
    "css_px",
    "nice_ticks",
    "own_radial_ticks",
    "plan_round",
    "ring_polygon",
    "round_request",
    "text_at",
]

if TYPE_CHECKING:
    from chartfn.drawing.raster.charts import Chart, Element

FILL_ALPHA = 0.5  # QuickChart's colour scheme fills radar areas at half opacity
# Chart.js's sizes are CSS pixels, one of the frame's pixels: 0.72 points at its 100 dpi.
CSS_PX_IN_POINTS = 0.72
LINE_WIDTH = 3 * CSS_PX_IN_POINTS  # a radar dataset's borderWidth 3
POINT_RADIUS = 3 * CSS_PX_IN_POINTS  # its points' radius 3
SLICE_BORDER = 2.0  # CSS px of white between slices (Chart.js's arc borderWidth 2, #fff)
TICK_FONT_PX = 12.0  # the radial scale's tick labels
POINT_LABEL_FONT_PX = 10.0  # a radar's spoke labels
WHITE: RGBA = (1.0, 1.0, 1.0, 1.0)
GRID_COLOR: RGBA = (0.0, 0.0, 0.0, 0.1)  # Chart.js's grid and angle lines: rgba(0,0,0,0.1)
# A tick label's white backdrop (Chart.js's showLabelBackdrop, rgba(255,255,255,0.75)).
BACKDROP: RGBA = (1.0, 1.0, 1.0, 0.75)
BACKDROP_PAD = 2.0  # CSS px around a tick label
POINT_LABEL_PAD = 5.0  # CSS px between a spoke's end and its label (Chart.js's padding 5)
MAX_RADIAL_TICKS = 11  # Chart.js's default maxTicksLimit
TICK_SPACING_EM = 16.0 / 12.0  # Chart.js: one tick per (font size + 4 px backdrop) of radius


@dataclass(frozen=True)
class RadialScale:
    low: float
    high: float

    def fraction(self, values: np.ndarray) -> np.ndarray:
        span = self.high - self.low
        if span == 0 or not math.isfinite(span):  # reversed scales have span < 0
            return np.zeros_like(values)
        with np.errstate(all="ignore"):
            return np.clip((values - self.low) / span, 0.0, 1.0)


def own_radial_ticks(low: float, high: float, radius_px: float, label_px: float) -> AxisTicks:
    """Ticks for a plain spec's radial scale: Chart.js's linear rule (nice step for at most one
    tick per label height and 11 in all, ends on whole steps)."""
    return nice_ticks(low, high, math.ceil(radius_px / (label_px * TICK_SPACING_EM)))


def nice_ticks(low: float, high: float, max_ticks: float) -> AxisTicks:
    """Chart.js's linear ticks over [low, high] for at most ``max_ticks`` (2 … 11) ticks."""
    if not (math.isfinite(low) and math.isfinite(high)):
        low, high = 0.0, 1.0
    if low == high:
        low, high = (low - 1.0, high + 1.0) if low != 0 else (0.0, 1.0)
    count = int(max(2, min(MAX_RADIAL_TICKS, max_ticks)))
    step = _nice((high - low) / (count - 1))
    with np.errstate(all="ignore"):
        first, last = math.floor(low / step), math.ceil(high / step)
    if not (math.isfinite(step) and step > 0) or last - first > 1000:
        values = [low, high]
    else:
        values = [index * step for index in range(first, last + 1)]
    values = [v + 0.0 for v in values]
    labels: list[str | None] = [shortest_form(round(v, 12)) for v in values]
    return AxisTicks(values, labels, values[0], values[-1])


def _nice(value: float) -> float:
    if not value > 0 or not math.isfinite(value):
        return 1.0
    exponent = math.floor(math.log10(value))
    fraction = value / 10.0**exponent
    nice = 1.0 if fraction <= 1 else 2.0 if fraction <= 2 else 5.0 if fraction <= 5 else 10.0
    return nice * 10.0**exponent


def _angles(count: int, rotation: float) -> np.ndarray:
    """Spoke angles (radians, counter-clockwise from 3 o'clock as the canvas has them)."""
    degrees = 90.0 - rotation - 360.0 * np.arange(count) / max(count, 1)
    return np.radians(degrees)


def round_request(base: Request, spec: ChartSpec, entries: Sequence[LegendEntry]) -> Request:
    """``base`` without axis titles (a round chart has no x or y axis), with its legend if the
    spec shows one."""
    return replace(base, x_label="", y_label="", legend=tuple(entries) if spec.show_legend else ())


def plan_round(
    spec: ChartSpec,
    base: Request,
    styles: ChartStyles | None = None,
    look: RoundLook | None = None,
) -> Chart:
    """The plan of a doughnut, polar_area or radar spec; ``styles``' series may give the slices
    gradients or patterns (one series a ring); ``look``: a Chart.js config's decoration of a
    doughnut (its rings' colours and weights, out-labels, centre text)."""
    count = len(spec.series[0].y)
    labels = (
        [_flat(c) for c in spec.categories]
        if spec.categories is not None
        else [str(i) for i in range(count)]
    )
    if spec.kind == "radar":
        colors = [
            to_rgba(s.color if s.color is not None else DEFAULT_COLORS[i % len(DEFAULT_COLORS)])
            for i, s in enumerate(spec.series)
        ]
        names = [
            _flat(s.name) if s.name is not None else f"series {i + 1}"
            for i, s in enumerate(spec.series)
        ]
        entries = [LegendEntry(n, c, "box") for n, c in zip(names, colors, strict=True)]
        looks = [styles.of(i) if styles is not None else None for i in range(len(colors))]
        radar_paints = tuple(
            (paint_of(look), look.border_paint if look is not None else None) for look in looks
        )
        radar_fills = tuple(
            to_rgba(look.fill_color) if look is not None and look.fill_color else None
            for look in looks
        )
    else:
        palette = spec.slice_colors or DEFAULT_COLORS
        colors = [to_rgba(palette[i % len(palette)]) for i in range(count)]
        paints = tuple(_slice_paints(styles, ring, count) for ring in range(len(spec.series)))
        entries = [
            LegendEntry(n, c, "box", p) for n, c, p in zip(labels, colors, paints[0], strict=True)
        ]
        return _RoundChart(
            spec, round_request(base, spec, entries), labels, colors, paints, look=look
        ).chart()
    areas_first = styles is not None and styles.areas_under_all_lines
    request = round_request(base, spec, entries)
    return _RoundChart(
        spec,
        request,
        labels,
        colors,
        look=look,
        areas_first=areas_first,
        radar_paints=radar_paints,
        radar_fills=radar_fills,
    ).chart()


def _slice_paints(styles: ChartStyles | None, series: int, count: int) -> tuple[Paint | None, ...]:
    look = styles.of(series) if styles is not None else None
    given = look.point_paints if look is not None else ()
    return tuple(given[i] if i < len(given) else None for i in range(count))


def _flat(text: str) -> str:
    return text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ")


@dataclass(frozen=True)
class _RoundChart:
    """A round chart's plan, with the radial scale's tick provider (None: its own ticks)."""

    spec: ChartSpec
    request: Request
    labels: list[str]
    colors: list[RGBA]
    #: Per ring (dataset), per slice: a gradient or pattern painted instead of its colour
    #: (None: the colour).
    paints: tuple[tuple[Paint | None, ...], ...] = ()
    provider: TickProvider | None = None
    look: RoundLook | None = None
    scale_look: RadialLook | None = None  # the radial scale's look from a Chart.js config
    #: A radar's areas all painted before any outline (Chart.js 2's filler; see ChartStyles).
    areas_first: bool = False
    #: Per radar dataset: a gradient or pattern for its area and for its outline (None: its
    #: colour).
    radar_paints: tuple[tuple[Paint | None, Paint | None], ...] = ()
    #: A radar area's own colour (Chart.js's ``backgroundColor``); None: the border's, faded.
    radar_fills: tuple[RGBA | None, ...] = ()

    def label_font(self) -> FontProperties:
        """The spokes' labels' font (Chart.js's pointLabels)."""
        look = self.scale_look or RadialLook()
        size = look.point_label_size or POINT_LABEL_FONT_PX
        weight = "bold" if look.point_label_bold else "normal"
        return self.request.style.font(size * CSS_PX_IN_POINTS, weight, look.point_label_face)

    def fill_slice(
        self, canvas: Canvas, index: int, path: Path, color: RGBA | None = None, ring: int = 0
    ) -> None:
        paints = self.paints[ring] if ring < len(self.paints) else ()
        paint = paints[index] if index < len(paints) else None
        if paint is None or not fill_path_with_paint(canvas, path, paint):
            canvas.fill_path(path, self.colors[index] if color is None else color)

    def chart(self) -> Chart:
        from chartfn.drawing.raster.charts import Chart

        return Chart(
            self.request,
            self.draw_data,
            grid_x=False,
            grid_y=False,
            with_radial_ticks=lambda provider, scale_look: replace(
                self, provider=provider, scale_look=scale_look
            ).chart(),
            elements=self.elements,
        )

    def elements(self, layout: Layout) -> list[list[Element | None]]:
        """Where data labels attach, as chartjs-plugin-datalabels finds them: a slice from its
        inner to its outer radius along its middle angle, a radar point across its radius
        pointing away from the centre."""
        size = (float(self.request.width), float(self.request.height))
        if self.spec.kind == "doughnut":
            return [ring.elements() for ring in _rings(self, layout)]
        geometry = _radial_geometry(self, layout, size)
        if self.spec.kind == "polar_area":
            return [_polar_elements(self, geometry)]
        return _radar_elements(self, geometry)

    def draw_data(self, canvas: Canvas, layout: Layout) -> list[Label]:
        if self.spec.kind == "doughnut":
            return _draw_doughnut(self, canvas, layout)
        return _draw_radial(self, canvas, layout)


# --- doughnut ----------------------------------------------------------------------------------


def _rings(chart: _RoundChart, layout: Layout) -> list[Ring]:
    look = chart.look
    outlabels = look.outlabels if look is not None else None
    zoom_out = outlabels.zoom_out if outlabels is not None else 0.0
    return place_rings(chart.spec, layout.plot, chart.request.dpi, look, zoom_out)


def _ring_colors(chart: _RoundChart, ring: int) -> list[RGBA]:
    """Ring ``ring``'s slice colours: its own where the config gives them, else the first
    ring's (the legend's)."""
    own = chart.look.ring_colors_of(ring) if chart.look is not None else ()
    return [to_rgba(color) for color in own] if own else chart.colors


def _draw_doughnut(chart: _RoundChart, canvas: Canvas, layout: Layout) -> list[Label]:
    """The rings' slices parted by white borders (the last dataset first, as Chart.js draws
    them), then the plugins' text: doughnutlabel's in the hole, outlabels' around the ring."""
    from chartfn.drawing.matplotlib_runtime import Path

    rings = _rings(chart, layout)
    texts: list[Label] = []
    look = chart.look
    if look is not None and look.centre:
        # doughnutlabel draws before the datasets, at the chart area's centre
        x0, y0, x1, y1 = layout.plot
        centre = ((x0 + x1) / 2, (y0 + y1) / 2)
        texts += draw_centre_text(canvas, rings[-1].inner, centre, look.centre,
                                  chart.request.style, chart.request.dpi)  # fmt: skip
    for number in reversed(range(len(rings))):
        ring = rings[number]
        colors = _ring_colors(chart, number)
        for index in range(len(ring.values)):
            if ring.values[index] <= 0:
                continue
            polygon = (
                arc_polygon(ring, index, ring_polygon)
                if ring.offsets or ring.spacing
                else ring_polygon(
                    float(ring.ends[index + 1]), float(ring.ends[index]), ring.outer, ring.inner,
                    ring.cx, ring.cy,
                )
            )  # fmt: skip
            color = colors[index % len(colors)]
            chart.fill_slice(canvas, index, Path(polygon, closed=True), color, number)
            canvas.stroke(polygon, WHITE, SLICE_BORDER * CSS_PX_IN_POINTS)
    if look is not None and look.outlabels is not None:
        texts += draw_outlabels(canvas, rings[0], look.outlabels, _ring_colors(chart, 0),
                                chart.request.style, chart.request.dpi)  # fmt: skip
    return texts


def ring_polygon(
    start: float, end: float, outer: float, inner: float, cx: float, cy: float
) -> np.ndarray:
    """A ring segment around (cx, cy) from ``start`` to ``end`` degrees (counter-clockwise) as
    a closed polygon, fine enough (a vertex a degree) to look round at any size."""
    steps = max(2, math.ceil(abs(end - start)) + 1)
    theta = np.radians(np.linspace(start, end, steps))
    outside = np.stack([np.cos(theta), np.sin(theta)], axis=1) * outer
    if inner <= 0:
        polygon = np.concatenate([[[0.0, 0.0]], outside, [[0.0, 0.0]]])
    else:
        inside = np.stack([np.cos(theta[::-1]), np.sin(theta[::-1])], axis=1) * inner
        polygon = np.concatenate([outside, inside, outside[:1]])
    return polygon + np.array([cx, cy])


# --- polar area and radar ----------------------------------------------------------------------


def _value_range(spec: ChartSpec) -> tuple[float, float]:
    values = np.concatenate([series_values(s.y) for s in spec.series])
    values = values[np.isfinite(values)]
    low, high = (float(values.min()), float(values.max())) if values.size else (0.0, 1.0)
    if spec.kind == "polar_area":
        low = min(low, 0.0)  # Chart.js's polar area begins at zero
    if spec.y_limits is not None:
        low, high = float(spec.y_limits[0]), float(spec.y_limits[1])
    return low, high


@dataclass(frozen=True)
class _Radial:
    """A polar area's or radar's radial scale placed in the chart area."""

    cx: float
    cy: float
    radius: float
    angles: np.ndarray  # spokes, radians counter-clockwise
    scale: RadialScale
    ticks: AxisTicks
    label_height: float
    #: Per point label, how much further than ``POINT_LABEL_PAD`` past the radius it sits
    #: (Chart.js adds half the tick backdrop: 4 to every label, 2.9.4 to the first only).
    label_extra: tuple[float, ...] = ()


def _radial_geometry(chart: _RoundChart, layout: Layout, size: tuple[float, float]) -> _Radial:
    spec, base = chart.spec, chart.request
    style, dpi = base.style, base.dpi
    tick_font = style.font(TICK_FONT_PX * CSS_PX_IN_POINTS)
    label_font = chart.label_font()
    tick_height = line_extent(tick_font, dpi).height
    box = _chart_area(chart, layout, size)
    count = len(spec.series[0].y)
    rotation = spec.rotation or 0.0
    angles = _angles(count, rotation)
    label_height = line_extent(label_font, dpi).height
    sizes = (
        [(measure(text, label_font, dpi).width if text else 0.0, label_height)
         for text in chart.labels]
        if spec.kind == "radar" and (chart.scale_look is None or chart.scale_look.point_labels)
        else []
    )  # fmt: skip
    backdrop = tick_height + 2 * css_px(BACKDROP_PAD, dpi)
    pad = css_px(POINT_LABEL_PAD, dpi)
    version = chart.scale_look.chartjs_version if chart.scale_look is not None else None
    low, high = _value_range(spec)
    side = min(box[2] - box[0], box[3] - box[1])
    ticks = (
        chart.provider(side)
        if chart.provider is not None
        else own_radial_ticks(low, high, (side - backdrop / 2) / 2, tick_height)
    )
    scale = RadialScale(float(ticks.low), float(ticks.high))
    if version is not None:
        return _chartjs_geometry(chart, box, size[1], version, angles, scale, ticks)
    cx, cy, radius = _fit(box, sizes, rotation, backdrop, pad)
    return _Radial(cx, cy, radius, angles, scale, ticks, label_height)


def _chartjs_geometry(
    chart: _RoundChart,
    box: tuple[float, float, float, float],
    canvas_height: float,
    version: int,
    angles: np.ndarray,
    scale: RadialScale,
    ticks: AxisTicks,
) -> _Radial:
    """The scale as Chart.js ``version`` fits it (``radial_fit``) in its chart area ``box``,
    worked in CSS pixels as Chart.js rounds them."""
    dpi = chart.request.dpi
    css = dpi / 100.0
    look = chart.scale_look or RadialLook()
    font_px = look.point_label_size or POINT_LABEL_FONT_PX
    line = font_px * LINE_HEIGHT_EM
    label_font = chart.label_font()
    sizes = (
        [(measure(text, label_font, dpi).width / css if text else 0.0, line)
         for text in chart.labels]
        if chart.spec.kind == "radar" and look.point_labels
        else []
    )  # fmt: skip
    # hidden tick labels take no backdrop (Chart.js's getTickBackdropHeight)
    labelled = any(label for label in ticks.labels)
    backdrop = TICK_FONT_PX + 2 * BACKDROP_PAD if labelled else 0.0
    x0, y0, x1, y1 = box
    area = (x0 / css, (canvas_height - y1) / css, x1 / css, (canvas_height - y0) / css)
    cx, cy, radius = fit_radial(version, area, sizes, chart.spec.rotation or 0.0, backdrop)
    count = len(angles)
    extra = [backdrop / 2 * css if version >= 3 or i == 0 else 0.0 for i in range(count)]
    return _Radial(
        cx * css, canvas_height - cy * css, radius * css, angles, scale, ticks, line * css,
        tuple(extra),
    )  # fmt: skip


def _polar_elements(chart: _RoundChart, geometry: _Radial) -> list[Element | None]:
    """A polar area's slices: arcs from the centre to their value's radius."""
    values = series_values(chart.spec.series[0].y)
    sweep = math.radians(360.0 / len(values))
    radii = geometry.scale.fraction(np.nan_to_num(values, nan=geometry.scale.low)) * geometry.radius
    return [
        arc_element(geometry.cx, geometry.cy, float(start) - sweep / 2, 0.0, float(r))
        for start, r in zip(geometry.angles, radii, strict=True)
    ]


def _radar_elements(chart: _RoundChart, geometry: _Radial) -> list[list[Element | None]]:
    """A radar's points, each across its radius (3 CSS px) away from the centre (up where it
    lies on the centre), as the plugin orients a point from its scale's origin."""
    from chartfn.drawing.raster.charts import Element

    reach = _px(POINT_RADIUS, chart.request.dpi)
    cx, cy = geometry.cx, geometry.cy
    cos, sin = np.cos(geometry.angles), np.sin(geometry.angles)
    found = []
    for series in chart.spec.series:
        values = series_values(series.y)
        r = geometry.scale.fraction(np.nan_to_num(values, nan=geometry.scale.low)) * geometry.radius
        row: list[Element | None] = []
        for value, distance, c, s in zip(values, r, cos, sin, strict=True):
            if not math.isfinite(float(value)):
                row.append(None)
                continue
            x, y = cx + distance * c, cy + distance * s
            direction = (float(c), float(s)) if distance > 0 else (0.0, 1.0)
            dx, dy = direction[0] * reach, direction[1] * reach
            row.append(Element((x - dx, y - dy), (x, y), (x + dx, y + dy), direction))
        found.append(row)
    return found


def _draw_radial(chart: _RoundChart, canvas: Canvas, layout: Layout) -> list[Label]:
    spec, base = chart.spec, chart.request
    style, dpi = base.style, base.dpi
    tick_font = style.font(TICK_FONT_PX * CSS_PX_IN_POINTS)
    label_font = chart.label_font()
    look = chart.scale_look or RadialLook()
    geometry = _radial_geometry(chart, layout, canvas.size)
    count = len(spec.series[0].y)
    rotation = spec.rotation or 0.0
    angles = geometry.angles
    cos, sin = np.cos(angles), np.sin(angles)
    point_labels = spec.kind == "radar" and look.point_labels
    label_height = geometry.label_height
    pad = css_px(POINT_LABEL_PAD, dpi)
    cx, cy, radius = geometry.cx, geometry.cy, geometry.radius
    ticks, scale = geometry.ticks, geometry.scale
    ticks_up = scale.low <= scale.high
    rings = [
        (float(value), label)
        for value, label in zip(ticks.values, ticks.labels, strict=True)
        if math.isfinite(float(value)) and (float(value) != scale.low or not ticks_up)
    ]
    grid = style.grid_color if style.grid_color[3] < 1 else GRID_COLOR
    spoke_color = grid if look.angle_line_color is None else to_rgba(look.angle_line_color)
    grid = grid if look.grid_color is None else to_rgba(look.grid_color)
    grid_width = max(style.grid_width, 0.5)
    # Chart.js's order: the scale (grid, tick labels), then the data, the first dataset last.
    if spec.kind == "polar_area":
        for value, _ in rings:
            r = float(scale.fraction(np.array([value]))[0]) * radius
            circle = ring_polygon(0.0, 360.0, r, 0.0, cx, cy)[1:-1]
            canvas.stroke(np.concatenate([circle, circle[:1]]), grid, grid_width)
        if chart.scale_look is not None and look.angle_lines:
            # only where a config asks: Chart.js's polar area hides them by default
            start = rotation if look.spoke_start is None else look.spoke_start
            turned = _angles(count, start)
            spokes = np.stack([np.full(count, cx), np.full(count, cy),
                               cx + radius * np.cos(turned), cy + radius * np.sin(turned)],
                              axis=1).reshape(-1, 2)  # fmt: skip
            canvas.stroke(spokes, spoke_color, grid_width, segments=True)
    else:
        spokes = np.stack([np.full(count, cx), np.full(count, cy), cx + radius * cos,
                           cy + radius * sin], axis=1).reshape(-1, 2)  # fmt: skip
        if look.angle_lines:
            canvas.stroke(spokes, spoke_color, grid_width, segments=True)
        for value, _ in rings:
            r = float(scale.fraction(np.array([value]))[0]) * radius
            polygon = np.stack([cx + r * cos, cy + r * sin], axis=1)
            canvas.stroke(np.concatenate([polygon, polygon[:1]]), grid, grid_width)
    drawn: list[Label | None] = []
    tick_color = style.tick_label_color if look.tick_color is None else to_rgba(look.tick_color)
    backdrop = BACKDROP if look.backdrop_color is None else to_rgba(look.backdrop_color)
    for value, label in rings:
        if not label:
            continue
        r = float(scale.fraction(np.array([value]))[0]) * radius
        drawn.append(
            text_at(canvas, label, cx, cy + r, tick_font, tick_color, dpi,
                     backdrop=backdrop if look.backdrop else None)
        )  # fmt: skip
    if spec.kind == "polar_area":
        _draw_polar_slices(chart, canvas, scale, angles, radius, cx, cy)
    else:
        _draw_radar_series(chart, canvas, scale, cos, sin, radius, cx, cy)
    label_color = style.text_color
    if look.point_label_color is not None:
        label_color = to_rgba(look.point_label_color)
    if point_labels:
        for index, (text, c, s) in enumerate(zip(chart.labels, cos, sin, strict=True)):
            extra = geometry.label_extra[index] if index < len(geometry.label_extra) else 0.0
            lx, ly = cx + (radius + pad + extra) * c, cy + (radius + pad + extra) * s
            # Chart.js aligns a label by its spoke's angle: centred at the top and bottom,
            # starting at the spoke on the right, ending there on the left; above the spoke's
            # end in the upper half, below it in the lower half.
            degrees = (rotation + index * 360.0 / count) % 360
            side_of = None if _at(degrees, 0) or _at(degrees, 180) else degrees < 180
            if not (_at(degrees, 90) or _at(degrees, 270)):
                ly += label_height / 2 if degrees < 90 or degrees > 270 else -label_height / 2
            room = base.width - lx if side_of else lx if side_of is False else base.width
            shown = shorten(text, label_font, dpi, max(0.0, room - 2))
            drawn.append(text_at(canvas, shown, lx, ly, label_font, label_color, dpi,
                                  left=side_of))  # fmt: skip
    return [label for label in drawn if label is not None]


def _at(degrees: float, target: float) -> bool:
    return abs((degrees - target + 180) % 360 - 180) < 1e-9


def _chart_area(
    chart: _RoundChart, layout: Layout, size: tuple[float, float]
) -> tuple[float, float, float, float]:
    """The area the scale is fitted in: a Chart.js config's chart area is the layout's plot
    (``chartjs_area``); the engine's own charts take the canvas (of ``size``) under the title
    and legend, with no margin at its sides."""
    x0, y0, x1, y1 = layout.plot
    if chart.scale_look is not None and chart.scale_look.chartjs_version is not None:
        return layout.plot
    width, height = size
    top = y1 if layout.labels or layout.legend else height
    return (0.0, 0.0, width, top) if x1 > x0 and y1 > y0 else (x0, y0, x1, y1)


def _fit(
    box: tuple[float, float, float, float],
    sizes: list[tuple[float, float]],
    rotation: float,
    backdrop: float,
    pad: float,
) -> tuple[float, float, float]:
    """Centre and radius as Chart.js 2.9.4's radial scale has them (``setDimensions``, then
    ``fitWithPointLabels``: the circle shrinks and moves so that the spoke labels fit)."""
    x0, y0, x1, y1 = box
    width, height = x1 - x0, y1 - y0
    padding_top = backdrop / 2
    inner = height - padding_top
    radius = max(1.0, min(inner, width) / 2)
    reduce = {"l": 0.0, "r": 0.0, "t": 0.0, "b": 0.0}
    if sizes:
        # Screen coordinates (y down) from the box's top left, as Chart.js computes them.
        xc, yc = width / 2, inner / 2
        limits = {"l": 0.0, "r": width, "t": 0.0, "b": inner}
        turned: dict[str, float] = {}
        count = len(sizes)
        for index, (label_width, label_height) in enumerate(sizes):
            angle = math.radians((rotation + index * 360.0 / count) % 360)
            x = xc + math.cos(angle - math.pi / 2) * (radius + pad)
            y = yc + math.sin(angle - math.pi / 2) * (radius + pad)
            degrees = math.degrees(angle) % 360
            h_start, h_end = _limits(degrees, x, label_width, 0, 180)
            v_start, v_end = _limits(degrees, y, label_height, 90, 270)
            for key, value, further in (("l", h_start, h_start < limits["l"]),
                                        ("r", h_end, h_end > limits["r"]),
                                        ("t", v_start, v_start < limits["t"]),
                                        ("b", v_end, v_end > limits["b"])):  # fmt: skip
                if further:
                    limits[key], turned[key] = value, angle
        reduce = {
            "l": _ratio(limits["l"], math.sin(turned.get("l", 0.0))),
            "r": _ratio(max(limits["r"] - width, 0), math.sin(turned.get("r", 0.0))),
            "t": _ratio(-limits["t"], math.cos(turned.get("t", 0.0))),
            "b": _ratio(-max(limits["b"] - inner, 0), math.cos(turned.get("b", 0.0))),
        }
        radius = min(
            radius - (reduce["l"] + reduce["r"]) / 2, radius - (reduce["t"] + reduce["b"]) / 2
        )
        radius = max(1.0, radius)
    centre_x = ((reduce["l"] + radius) + (width - reduce["r"] - radius)) / 2
    centre_y = ((reduce["t"] + radius) + (inner - reduce["b"] - radius)) / 2 + padding_top
    return x0 + centre_x, y1 - centre_y, radius


def _limits(
    degrees: float, position: float, size: float, low: float, high: float
) -> tuple[float, float]:
    if _at(degrees, low) or _at(degrees, high):
        return position - size / 2, position + size / 2
    if degrees < low or degrees > high:
        return position - size, position
    return position, position + size


def _ratio(value: float, by: float) -> float:
    """``value / by``, 0 where JavaScript's gives Infinity or NaN (Chart.js's numberOrZero)."""
    if by == 0:
        return 0.0
    quotient = value / by
    return quotient if math.isfinite(quotient) else 0.0


def _draw_polar_slices(
    chart: _RoundChart,
    canvas: Canvas,
    scale: RadialScale,
    angles: np.ndarray,
    radius: float,
    cx: float,
    cy: float,
) -> None:
    from chartfn.drawing.matplotlib_runtime import Path

    values = series_values(chart.spec.series[0].y)
    count = len(values)
    sweep = 360.0 / count
    starts = np.degrees(angles)
    radii = scale.fraction(np.nan_to_num(values, nan=scale.low)) * radius
    for index in range(count):
        if not radii[index] > 0:
            continue
        start = float(starts[index])
        wedge = ring_polygon(start - sweep, start, float(radii[index]), 0.0, cx, cy)
        chart.fill_slice(canvas, index, Path(wedge, closed=True))
        canvas.stroke(wedge, WHITE, SLICE_BORDER * CSS_PX_IN_POINTS)


def _faded(color: RGBA) -> RGBA:
    # QuickChart's colour scheme fills radar areas at half opacity (fillAlpha 0.5).
    return (color[0], color[1], color[2], color[3] * FILL_ALPHA)


def _draw_radar_series(
    chart: _RoundChart,
    canvas: Canvas,
    scale: RadialScale,
    cos: np.ndarray,
    sin: np.ndarray,
    radius: float,
    cx: float,
    cy: float,
) -> None:
    fills = chart.spec.fill
    filled = fills if isinstance(fills, list) else [fills is not False] * len(chart.spec.series)
    paints = chart.radar_paints or ((None, None),) * len(chart.spec.series)
    own_fills = chart.radar_fills or (None,) * len(chart.spec.series)
    area_colors = [
        own if own is not None else _faded(color)
        for own, color in zip(own_fills, chart.colors, strict=True)
    ]
    drawn = list(zip(chart.spec.series, chart.colors, area_colors, filled, paints, strict=True))

    def vertices(series: Series) -> tuple[np.ndarray, np.ndarray]:
        values = series_values(series.y)
        present = np.isfinite(values)
        r = scale.fraction(np.nan_to_num(values, nan=scale.low)) * radius
        return np.stack([cx + r * cos, cy + r * sin], axis=1), present

    def fill_area(series: Series, color: RGBA, paint: Paint | None) -> None:
        every, present = vertices(series)
        points = every[present]
        if len(points) > 2:
            polygon = np.concatenate([points, points[:1]])
            # a gradient or pattern fills as Chart.js's canvas fills it, its own alpha kept
            if paint is None or not fill_path_with_paint(canvas, Path(polygon, closed=True), paint):
                canvas.fill_polygon(polygon, color)

    if chart.areas_first:
        for series, _, area_color, fill, (area_paint, _) in reversed(drawn):
            if fill:
                fill_area(series, area_color, area_paint)
    for series, color, area_color, fill, (area_paint, border_paint) in reversed(drawn):
        every, present = vertices(series)
        points = every[present]
        if len(points) == 0:
            continue
        if fill and not chart.areas_first:
            fill_area(series, area_color, area_paint)
        # The outline breaks at a null, as Chart.js's line does without spanGaps: a NaN row
        # (which the canvas leaves a gap for) where the value is missing.
        outline = np.where(present[:, None], every, np.nan)
        if border_paint is None or not _stroke_radar_paint(canvas, outline, border_paint):
            canvas.stroke(np.concatenate([outline, outline[:1]]), color, LINE_WIDTH)
        canvas.markers(points, POINT_RADIUS, color)


def _stroke_radar_paint(canvas: Canvas, outline: np.ndarray, paint: Paint) -> bool:
    """A radar's outline (NaN rows: gaps) stroked with a gradient or pattern, as Chart.js's
    line element strokes it (miter joins, butt ends); closed where no value is missing."""
    if np.isfinite(outline).all():
        path = Path(np.concatenate([outline, outline[:1]]), closed=True)
    else:
        path = Path(np.concatenate([outline, outline[:1]]))
    return stroke_path_with_paint(canvas, path, LINE_WIDTH, None, paint)


# --- text --------------------------------------------------------------------------------------


def _px(points: float, dpi: float) -> float:
    return points * dpi / 72.0


def css_px(pixels: float, dpi: float) -> float:
    """Chart.js's CSS pixels in the frame's pixels (the same at 100 dpi)."""
    return _px(pixels * CSS_PX_IN_POINTS, dpi)


def text_at(
    canvas: Canvas,
    text: str,
    x: float,
    y: float,
    font: FontProperties,
    color: RGBA,
    dpi: float,
    *,
    left: bool | None = None,
    backdrop: RGBA | None = None,
) -> Label | None:
    """``text`` centred vertically on ``y``; starting at, ending at or centred on ``x``. Left
    out (None) where it would leave the canvas."""
    if not text:
        return None
    extent = measure(text, font, dpi)
    line = line_extent(font, dpi)
    height = max(extent.height, line.height)
    descent = max(extent.descent, line.descent)
    baseline = y - height / 2 + descent
    start = x if left else (x - extent.width if left is False else x - extent.width / 2)
    box = (start, baseline - descent, start + extent.width, baseline - descent + height)
    canvas_width, canvas_height = canvas.size
    if box[0] < 0 or box[1] < 0 or box[2] > canvas_width or box[3] > canvas_height:
        return None
    if backdrop is not None:
        pad = css_px(BACKDROP_PAD, dpi)
        padded = np.array([[box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad]])
        canvas.fill_rects(padded, backdrop, snap=False)
    canvas.text(start, baseline, text, font, color)
    return Label(text, start, baseline, font, color, box)
