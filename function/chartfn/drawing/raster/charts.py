"""Per-kind drawers: a ``ChartSpec`` → what the layout needs to know, and the data drawn into
the plot rectangle the layout gives back. Data colours, gaps, stacking and bins follow the
Figure path (``spec_renderer``), whose helpers they share."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

import numpy as np

from chartfn.drawing.matplotlib_runtime import Affine2D, Path, to_rgba
from chartfn.drawing.raster.bar_borders import bar_outlines
from chartfn.drawing.raster.canvas import Canvas
from chartfn.drawing.raster.category_bar_edges import sized_bar_boxes
from chartfn.drawing.raster.layout import Axis, Label, Layout, LegendEntry, Request
from chartfn.drawing.raster.paint_fill import paint_bars, paint_of
from chartfn.drawing.raster.plot_mapping import (
    Element,
    data_mappers,
    element,
    limited,
    upright_bars,
)
from chartfn.drawing.raster.rounded_bars import fill_rounded_bars
from chartfn.drawing.raster.series_marks import POINTS_PER_CSS_PIXEL, draw_line, draw_points
from chartfn.drawing.raster.style import RGBA, Style
from chartfn.drawing.raster.text import line_extent, shorten
from chartfn.drawing.raster.ticks import Scale, autoscale
from chartfn.drawing.spec_renderer import (
    BAR_GROUP_WIDTH,
    DEFAULT_COLORS,
    bin_edges,
    has_isolated_points,
    series_color,
    series_values,
    series_x,
)
from chartfn.models.axis_ticks import RadialLook, TickProvider
from chartfn.models.chart_spec import ChartSpec
from chartfn.models.formula_chart import FormulaChart, cut_poles, visible_limits
from chartfn.models.round_look import RoundLook
from chartfn.models.series_style import ChartStyles, SeriesStyle

LINE_WIDTH = 1.5  # points, as on the Figure path
POINT_RADIUS = 1.5  # lone points on a line (markersize 3)
# scatter's s=16 is a 4-point circle with a 1-point edge in its own colour
SCATTER_RADIUS = 2.5
AREA_ALPHA = 0.35
OVERLAY_ALPHA = 0.5
PIE_LABEL_DISTANCE = 1.1
PIE_PERCENT_DISTANCE = 0.6

# Draws the data into the layout's plot; returns the texts it drew (pie labels), if any.
DrawData = Callable[[Canvas, Layout], list[Label]]


# Per series, per value: its element (None where nothing is drawn), for the layout's plot.
Elements = Callable[[Layout], list[list[Element | None]]]
# Data to pixels (x, y) for the layout's plot.
Mappers = Callable[[Layout], tuple[Callable[..., np.ndarray], Callable[..., np.ndarray]]]


@dataclass(frozen=True)
class Chart:
    request: Request
    draw_data: DrawData
    grid_x: bool = True
    grid_y: bool = True
    # Round charts on a radial scale: the chart drawn with that scale's ticks from outside
    # (and with the scale's look from outside, if any)
    with_radial_ticks: Callable[[TickProvider, RadialLook | None], Chart] | None = None
    elements: Elements | None = None
    mappers: Mappers | None = None
    # Data on the second (right) y axis to pixels, for charts that have one
    y2_mapper: Callable[[Layout], Callable[..., np.ndarray]] | None = None


def flat(text: str) -> str:
    """One line of text: the engine lays out single lines, so newlines and tabs are spaces."""
    return text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ")


def plan(
    spec: ChartSpec,
    width: int,
    height: int,
    dpi: float,
    style: Style,
    styles: ChartStyles | None = None,
    *,
    pie_texts: bool = True,
    round_look: RoundLook | None = None,
) -> Chart:
    """``styles``: Chart.js's look of each series (``SeriesStyle``), where a config gives one;
    ``pie_texts``: False leaves out a pie's slice labels and percentages (data labels take
    their place); ``round_look``: a config's doughnut rings, out-labels and centre text."""
    colors, names, base = prelude(spec, width, height, dpi, style)
    if spec.kind == "pie":
        return _pie(spec, base, texts=pie_texts)
    if spec.kind in ("doughnut", "polar_area", "radar"):
        from chartfn.drawing.raster.radial import plan_round  # it builds on this module

        return plan_round(spec, base, styles, round_look)
    if spec.kind == "gauge":
        from chartfn.drawing.raster.gauge import plan_gauge

        return plan_gauge(spec, base)
    if spec.kind == "needle_gauge":
        from chartfn.drawing.raster.needle_gauge import plan_needle_gauge

        return plan_needle_gauge(spec, base, styles.needle_gauge if styles else None)
    if spec.kind == "sankey":
        from chartfn.drawing.raster.sankey import plan_sankey

        return plan_sankey(spec, base, styles.sankey if styles else None)
    if spec.kind == "progress":
        from chartfn.drawing.raster.progress import plan_progress

        return plan_progress(spec, base, styles)
    if spec.kind == "bar" and (styles is not None or spec.y2_series is not None):
        from chartfn.drawing.raster.mixed_bars import has_lines, plan_mixed_bars  # builds on this

        if spec.y2_series is not None or has_lines(styles or ChartStyles()):
            return plan_mixed_bars(spec, base, colors, names, styles or ChartStyles())
    if spec.kind == "bar" and spec.series[0].x is not None:
        from chartfn.drawing.raster.positioned_bars import plan_positioned_bars  # builds on this

        return plan_positioned_bars(spec, base, colors, names, styles or ChartStyles())
    if spec.kind == "bar":
        return _bars(spec, base, colors, names, styles or ChartStyles())
    if spec.kind == "histogram":
        return _histogram(spec, base, colors, names)
    return _xy(spec, base, colors, names, styles or ChartStyles())


class Prelude(NamedTuple):
    """What a spec's drawer starts from: each series' colour and legend name, and the request
    with the chart's size, style, title and axis titles."""

    colors: list[RGBA]
    names: list[str]
    base: Request


def prelude(spec: ChartSpec, width: int, height: int, dpi: float, style: Style) -> Prelude:
    colors = [to_rgba(series_color(s, i)) for i, s in enumerate(spec.series)]
    names = [
        flat(s.name) if s.name is not None else f"series {i + 1}" for i, s in enumerate(spec.series)
    ]
    base = Request(
        width, height, dpi, style, flat(spec.title), flat(spec.x_label), flat(spec.y_label)
    )
    return Prelude(colors, names, base)


def plan_formulas(chart: FormulaChart, width: int, height: int, dpi: float, style: Style) -> Chart:
    """``/plot``: the curves in the theme's colour cycle, x over the requested range and y over
    the visible limits (poles cut, as on the Figure path)."""
    curves = chart.curves()
    low, high = visible_limits(curves)
    cut = [cut_poles(curve, low, high) for curve in curves]
    colors = [style.cycle[i % len(style.cycle)] for i in range(len(cut))]
    x_scale, y_scale = Scale(float(chart.x0), float(chart.x1)), Scale(float(low), float(high))
    entries = tuple(
        LegendEntry(flat(curve.label), color, "line")
        for curve, color in zip(cut, colors, strict=True)
    )
    request = Request(width, height, dpi, style, flat(chart.title), flat(chart.x_label),
                      flat(chart.y_label), entries if chart.shows_legend else (), Axis(x_scale),
                      Axis(y_scale))  # fmt: skip

    def draw(canvas: Canvas, layout: Layout) -> list[Label]:
        to_x, to_y = data_mappers(x_scale, y_scale, layout)
        for curve, color in zip(cut, colors, strict=True):
            canvas.stroke(np.stack([to_x(curve.x), to_y(curve.y)], axis=1), color, LINE_WIDTH)
        return []

    return Chart(request, draw)


def request_with(
    base: Request, spec: ChartSpec, entries: Sequence[LegendEntry], x: Axis, y: Axis
) -> Request:
    """``base`` with its legend (if the spec shows one) and its two axes."""
    return replace(base, legend=tuple(entries) if spec.show_legend else (), x_axis=x, y_axis=y)


def _finite_range(arrays: list[np.ndarray], *, positive: bool = False) -> tuple[float, float]:
    values = np.concatenate([a.ravel() for a in arrays]) if arrays else np.zeros(0)
    keep = np.isfinite(values)
    if positive:
        keep &= values > 0
    values = values[keep]
    if values.size == 0:
        return (1.0, 10.0) if positive else (0.0, 1.0)
    return float(values.min()), float(values.max())


# Per series: each bar's category-axis edges and value-axis start and end.
BarBoxes = list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]


def bar_boxes(spec: ChartSpec, share: float = 1.0) -> BarBoxes:
    """The bars of every series, grouped side by side in their category or stacked, each
    ``share`` of its slot wide around the slot's middle (Chart.js's barPercentage)."""
    count = len(spec.series[0].y)
    positions = np.arange(count, dtype=np.float64)
    boxes: BarBoxes = []  # left,right,bot,top
    if spec.stacked:
        above, below = np.zeros(count), np.zeros(count)
        for series in spec.series:
            values = series_values(series.y)
            bottom = np.where(values >= 0, above, below)
            half = BAR_GROUP_WIDTH * share / 2
            boxes.append((positions - half, positions + half, bottom, bottom + values))
            above = above + np.where(values >= 0, values, 0.0)
            below = below + np.where(values < 0, values, 0.0)
    else:
        width = BAR_GROUP_WIDTH / len(spec.series)
        for index, series in enumerate(spec.series):
            middle = positions + (index - (len(spec.series) - 1) / 2) * width
            values = series_values(series.y)
            half = width * share / 2
            boxes.append((middle - half, middle + half, np.zeros(count), values))
    return boxes


def value_scale(spec: ChartSpec, boxes: BarBoxes) -> Scale:
    """The bars' value axis: from 0 (or the least positive value on a log axis)."""
    if spec.y_log:
        low, high = _finite_range([b[3] for b in boxes], positive=True)
        y_scale = autoscale(low, high, log=True)
    else:
        low, high = _finite_range([b[2] for b in boxes] + [b[3] for b in boxes])
        y_scale = autoscale(min(low, 0.0), max(high, 0.0), sticky=(0.0,))
    return limited(y_scale, spec.y_limits)


def _bars(
    spec: ChartSpec, base: Request, colors: list[RGBA], names: list[str], styles: ChartStyles
) -> Chart:
    count = len(spec.series[0].y)
    boxes = bar_boxes(spec, styles.bar_share)
    y_scale = value_scale(spec, boxes)
    x_scale = Scale(-0.5, count - 0.5)
    categories = spec.categories if spec.categories is not None else [str(i) for i in range(count)]
    entries = [LegendEntry(n, c, "box") for n, c in zip(names, colors, strict=True)]
    request = request_with(
        base, spec, entries, Axis(x_scale, tuple(flat(c) for c in categories)), Axis(y_scale)
    )

    def sized(layout: Layout) -> BarBoxes:
        across = abs(layout.plot[2] - layout.plot[0]) / count
        indexes = range(len(boxes))
        return sized_bar_boxes(boxes, styles.category_bars, indexes, spec.stacked, across, base.dpi)

    def draw(canvas: Canvas, layout: Layout) -> list[Label]:
        to_x, to_y = data_mappers(x_scale, y_scale, layout)
        for index, ((left, right, bottom, top), color) in enumerate(
            zip(sized(layout), colors, strict=True)
        ):
            if spec.y_log:
                bottom = np.where(bottom > 0, bottom, (layout.y_scale or y_scale).low * 1e-3)
            rects = np.stack([to_x(left), to_y(bottom), to_x(right), to_y(top)], axis=1)
            drawn = np.all(np.isfinite(rects), axis=1)
            fill_bars(canvas, rects, drawn, styles.of(index), color, horizontal=False, dpi=base.dpi)
        return []

    def elements(layout: Layout) -> list[list[Element | None]]:
        to_x, to_y = data_mappers(x_scale, y_scale, layout)
        return [
            upright_bars(to_x((left + right) / 2), to_y(bottom), to_y(top))
            for left, right, bottom, top in sized(layout)
        ]

    return Chart(
        request,
        draw,
        grid_x=False,
        elements=elements,
        mappers=lambda layout: data_mappers(x_scale, y_scale, layout),
    )


def _histogram(spec: ChartSpec, base: Request, colors: list[RGBA], names: list[str]) -> Chart:
    samples = [series_values(s.y) for s in spec.series]
    edges = bin_edges(np.concatenate(samples), spec.bins, log=spec.x_log)
    counts = [np.histogram(s, bins=edges)[0].astype(np.float64) for s in samples]
    stacked = spec.stacked and len(samples) > 1
    bottoms: list[np.ndarray] = []
    running = np.zeros(len(edges) - 1)
    for values in counts:
        bottoms.append(running.copy() if stacked else np.zeros_like(running))
        if stacked:
            running = running + values
    tops = [b + c for b, c in zip(bottoms, counts, strict=True)]
    x_scale = limited(autoscale(float(edges[0]), float(edges[-1]), log=spec.x_log), spec.x_limits)
    if spec.y_log:
        low, high = _finite_range(tops, positive=True)
        y_scale = autoscale(low, high, log=True)
    else:
        y_scale = autoscale(0.0, max(1.0, float(max(t.max() for t in tops))), sticky=(0.0,))
    y_scale = limited(y_scale, spec.y_limits)
    alpha = 1.0 if stacked or len(samples) == 1 else OVERLAY_ALPHA
    faded = [(c[0], c[1], c[2], c[3] * alpha) for c in colors]
    entries = [LegendEntry(n, c, "box") for n, c in zip(names, faded, strict=True)]
    request = request_with(base, spec, entries, Axis(x_scale), Axis(y_scale))

    def draw(canvas: Canvas, layout: Layout) -> list[Label]:
        to_x, to_y = data_mappers(x_scale, y_scale, layout)
        left, right = to_x(edges[:-1]), to_x(edges[1:])
        for bottom, top, color in zip(bottoms, tops, faded, strict=True):
            if spec.y_log:
                bottom = np.where(bottom > 0, bottom, (layout.y_scale or y_scale).low * 1e-3)
            keep = top > bottom
            rects = np.stack([left, to_y(bottom), right, to_y(top)], axis=1)[keep]
            # Bins side by side fill one shape, as histtype="stepfilled" draws it: no snapping,
            # so no hairline seams between them.
            canvas.fill_rects(rects[np.all(np.isfinite(rects), axis=1)], color, snap=False)
        return []

    return Chart(request, draw, grid_x=False)


def fill_bars(
    canvas: Canvas,
    rects: np.ndarray,
    drawn: np.ndarray,
    style: SeriesStyle | None,
    color: RGBA,
    *,
    horizontal: bool,
    dpi: float,
    base_low: np.ndarray | None = None,
) -> None:
    """One series' bars (rows of x0, y0, x1, y1; ``drawn``: the finite ones) in their colours,
    gradients or patterns, and their outlines. ``base_low``: where the bar's base is its low
    side (the bottom; a horizontal bar's left); by default, rows run from the base to the
    value."""
    if base_low is None:
        base_low = rects[:, 2] >= rects[:, 0] if horizontal else rects[:, 3] >= rects[:, 1]
    painted = paint_of(style) is not None or bool(style and style.point_paints)
    if style is not None and style.bar_border_radius > 0 and not painted:
        fills = by_color(style, color, len(rects))
        fill_rounded_bars(
            canvas, rects, drawn, base_low, style, fills, color, horizontal=horizontal, dpi=dpi
        )
        return
    outlines = bar_outlines(rects, base_low, style, color, horizontal=horizontal, dpi=dpi)
    fill = rects if outlines is None else outlines.inner
    plain = drawn & ~paint_bars(canvas, fill, drawn, style)  # gradients, patterns
    for bar_color, chosen in by_color(style, color, len(rects)):
        canvas.fill_rects(fill[plain & chosen], bar_color)
    if outlines is not None:
        outlines.draw(canvas, drawn)


def by_color(style: SeriesStyle | None, color: RGBA, count: int) -> list[tuple[RGBA, np.ndarray]]:
    """Masks of the values drawn in each colour: the series' own, or one per value."""
    if style is None or not style.point_colors:
        return [(color, np.ones(count, dtype=bool))]
    looks = _point_colors(style.point_colors, color, count)
    return [(look, np.array([c == look for c in looks])) for look in dict.fromkeys(looks)]


def _point_colors(given: tuple[str | None, ...], color: RGBA, count: int) -> list[RGBA]:
    return [
        to_rgba(given[i]) if i < len(given) and given[i] is not None else color
        for i in range(count)
    ]


def _faded(color: RGBA, alpha: float) -> RGBA:
    return (color[0], color[1], color[2], color[3] * alpha)


def _xy(
    spec: ChartSpec, base: Request, colors: list[RGBA], names: list[str], styles: ChartStyles
) -> Chart:
    xs = [series_x(s) for s in spec.series]
    ys = [series_values(s.y) for s in spec.series]
    fills: list[tuple[np.ndarray, np.ndarray]] = []
    if spec.kind == "area":
        below: np.ndarray | None = None
        stacked_ys = []
        for y in ys:
            bottom = np.zeros_like(y) if below is None else below
            top = bottom + y
            fills.append((bottom, top))
            if spec.stacked:
                below = bottom + np.nan_to_num(y, nan=0.0)
            stacked_ys.append(top)
        ys = stacked_ys
    x_low, x_high = _finite_range(xs, positive=spec.x_log)
    x_scale = limited(autoscale(x_low, x_high, log=spec.x_log), spec.x_limits)
    y_arrays = ys + [b for b, _ in fills]
    y_low, y_high = _finite_range(y_arrays, positive=spec.y_log)
    sticky = (0.0,) if spec.kind == "area" else ()
    y_scale = limited(autoscale(y_low, y_high, log=spec.y_log, sticky=sticky), spec.y_limits)
    swatch = {"scatter": "marker", "bubble": "marker", "area": "box", "line": "line"}[spec.kind]
    entry_colors = (
        colors if spec.kind != "area" else [(c[0], c[1], c[2], c[3] * AREA_ALPHA) for c in colors]
    )
    entries = [LegendEntry(n, c, swatch) for n, c in zip(names, entry_colors, strict=True)]
    request = request_with(base, spec, entries, Axis(x_scale), Axis(y_scale))

    def draw(canvas: Canvas, layout: Layout) -> list[Label]:
        to_x, to_y = data_mappers(x_scale, y_scale, layout)
        drawn = list(enumerate(zip(xs, ys, colors, strict=True)))
        if styles.areas_under_all_lines and spec.kind != "bubble":
            for index, (x, y, color) in reversed(drawn):
                look = styles.of(index)
                if look is not None and look.fill is not None:
                    areas = replace(look, show_line=False, point_radius=None, point_radii=())
                    _styled(canvas, layout, spec, index, to_x(x), to_y, y, areas, color)
        # Chart.js draws the last dataset first, so the first lies on top
        for index, (x, y, color) in reversed(drawn) if styles.series else drawn:
            px = to_x(x)
            look = styles.of(index)
            if spec.kind == "bubble" or look is not None:
                look = look or SeriesStyle()
                if styles.areas_under_all_lines and spec.kind != "bubble":
                    look = replace(look, fill=None)  # painted above, under every line
                _styled(canvas, layout, spec, index, px, to_y, y, look, color, request.dpi)
                continue
            if spec.kind == "scatter":
                points = np.stack([px, to_y(y)], axis=1)
                canvas.markers(points[np.all(np.isfinite(points), axis=1)], SCATTER_RADIUS, color)
                continue
            if fills:
                bottom, top = fills[index]
                fill = (color[0], color[1], color[2], color[3] * AREA_ALPHA)
                for run in _runs(~np.isnan(top)):
                    outline = np.concatenate(
                        [
                            np.stack([px[run], to_y(top[run])], axis=1),
                            np.stack([px[run][::-1], to_y(bottom[run][::-1])], axis=1),
                        ]
                    )
                    canvas.fill_polygon(outline, fill)
            points = np.stack([px, to_y(y)], axis=1)
            canvas.stroke(points, color, LINE_WIDTH)
            if has_isolated_points(y):
                lone = points[_isolated(y)]
                canvas.markers(lone, POINT_RADIUS, color)
        return []

    def elements(layout: Layout) -> list[list[Element | None]]:
        to_x, to_y = data_mappers(x_scale, y_scale, layout)
        x0, y0, x1, y1 = layout.plot
        # Chart.js orients a point's labels away from the value axis' base (0 if in view).
        base = float(np.clip(to_y(np.array([0.0 if not spec.y_log else 1.0]))[0], y0, y1))
        radius = SCATTER_RADIUS if spec.kind == "scatter" else POINT_RADIUS
        reach = radius * request.dpi / 72.0
        found = []
        for x, y in zip(xs, ys, strict=True):
            row: list[Element | None] = []
            for px, py in zip(to_x(x), to_y(y), strict=True):
                if not (math.isfinite(px) and math.isfinite(py)) or not x0 <= px <= x1:
                    row.append(None)
                    continue
                up = 1.0 if py >= base else -1.0
                row.append(Element((px, py - up * reach), (px, py), (px, py + up * reach), (0, up)))
            found.append(row)
        return found

    return Chart(
        request,
        draw,
        elements=elements,
        mappers=lambda layout: data_mappers(x_scale, y_scale, layout),
    )


def _styled(
    canvas: Canvas,
    layout: Layout,
    spec: ChartSpec,
    index: int,
    px: np.ndarray,
    to_y: Callable[[np.ndarray], np.ndarray],
    y: np.ndarray,
    look: SeriesStyle,
    color: RGBA,
    dpi: float = 72.0,
) -> None:
    """A series as Chart.js draws its dataset: area, line, then points (or bubbles)."""
    _, y0, _, y1 = layout.plot
    py = to_y(y)
    fill_color = to_rgba(look.fill_color) if look.fill_color else _faded(color, 0.5)
    if spec.kind != "bubble" and (look.show_line or look.fill is not None):
        # Chart.js's fill targets: the value 0 (kept within the axis), the axis' bottom, its top
        bases = {"start": y0, "end": y1, "origin": float(np.clip(to_y(np.zeros(1))[0], y0, y1))}
        base = bases.get(look.fill) if look.fill is not None else None
        draw_line(canvas, px, py, look, color, fill_color, base, layout.plot, LINE_WIDTH)
    count = len(px)
    if spec.kind == "bubble":
        series = spec.series[index]
        radii = np.asarray(series.r if series.r is not None else [0.0] * count, dtype=np.float64)
    elif look.point_radii:
        radii = np.asarray(look.point_radii[:count], dtype=np.float64)
    elif look.point_radius is not None:
        radii = np.full(count, look.point_radius)
    else:
        return
    # a line's points are filled with its background colour, a scatter's with its own
    faces = _point_colors(look.point_colors, fill_color if spec.kind == "line" else color, count)
    edges = _point_colors(look.point_border_colors, color, count)
    # Chart.js draws whole points (and bubbles) wherever their centre lies in the plot (2.9.4:
    # unclipped; 4: clipped half a point beyond it), so those on the edges are not cut in half
    x0, y0, x1, y1 = layout.plot
    inside = (px >= x0 - 0.5) & (px <= x1 + 0.5) & (py >= y0 - 0.5) & (py <= y1 + 0.5)
    reach = (float(radii.max(initial=0.0)) + look.point_border_width) * POINTS_PER_CSS_PIXEL
    reach *= dpi / 72.0
    canvas.clip_to((x0 - reach, y0 - reach, x1 + reach, y1 + reach))
    draw_points(canvas, px, py, np.where(inside, radii, 0.0), look, faces, edges)
    canvas.clip_to(layout.plot)


def _runs(present: np.ndarray) -> list[slice]:
    """Slices of consecutive True values (an area breaks at gaps like its line)."""
    padded = np.concatenate(([False], present, [False]))
    changes = np.flatnonzero(padded[1:] != padded[:-1])
    return [slice(int(a), int(b)) for a, b in zip(changes[::2], changes[1::2], strict=True)]


def _isolated(y: np.ndarray) -> np.ndarray:
    present = ~np.isnan(y)
    padded = np.concatenate(([False], present, [False]))
    return present & ~padded[:-2] & ~padded[2:]


def _pie(spec: ChartSpec, base: Request, *, texts: bool = True) -> Chart:
    values = np.nan_to_num(series_values(spec.series[0].y), nan=0.0)
    count = len(values)
    labels = (
        [flat(c) for c in spec.categories]
        if spec.categories is not None
        else [str(i) for i in range(count)]
    )
    palette = spec.slice_colors or DEFAULT_COLORS
    colors = [to_rgba(palette[i % len(palette)]) for i in range(count)]
    entries = [LegendEntry(n, c, "box") for n, c in zip(labels, colors, strict=True)]
    from chartfn.drawing.raster.radial import round_request  # it builds on this module

    request = round_request(base, spec, entries)
    total = float(values.sum())
    sweep = spec.circumference if spec.circumference is not None else 360.0
    spans = sweep * values / total
    start = 90.0 - (spec.rotation or 0.0)
    ends = start - np.concatenate(([0.0], np.cumsum(spans)))  # clockwise from 12 o'clock

    def draw(canvas: Canvas, layout: Layout) -> list[Label]:
        style, dpi = base.style, base.dpi
        font = style.font(style.tick_label_size)
        line = line_extent(font, dpi).height
        x0, y0, x1, y1 = layout.plot
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        radius = max(1.0, min(((y1 - y0) / 2 - line) / PIE_LABEL_DISTANCE, (x1 - x0) / 2 / 1.6))
        for index in range(count):
            if spans[index] <= 0:
                continue
            wedge = Path.wedge(float(ends[index + 1]), float(ends[index]))
            placed = wedge.transformed(Affine2D().scale(radius).translate(cx, cy))
            canvas.fill_path(placed, colors[index])
        if not texts:
            return []
        # the round charts' text placer; loaded with the first pie's labels, as radial is
        from chartfn.drawing.raster.radial import text_at

        drawn: list[Label | None] = []
        for index in range(count):
            middle = math.radians((ends[index] + ends[index + 1]) / 2)
            cos, sin = math.cos(middle), math.sin(middle)
            lx, ly = cx + PIE_LABEL_DISTANCE * radius * cos, cy + PIE_LABEL_DISTANCE * radius * sin
            room = (base.width - lx if cos >= 0 else lx) - 2
            text = shorten(labels[index], font, dpi, room)
            drawn.append(text_at(canvas, text, lx, ly, font, style.text_color, dpi, left=cos >= 0))
            share = 100.0 * values[index] / total
            if share >= 1:
                px = cx + PIE_PERCENT_DISTANCE * radius * cos
                py = cy + PIE_PERCENT_DISTANCE * radius * sin
                drawn.append(text_at(canvas, f"{share:.1f}%", px, py, font, style.text_color, dpi))
        return [label for label in drawn if label is not None]

    def elements(layout: Layout) -> list[list[Element | None]]:
        cx, cy, radius = _pie_circle(layout)
        found: list[Element | None] = []
        for index in range(count):
            if spans[index] <= 0:
                found.append(None)
                continue
            middle = math.radians((ends[index] + ends[index + 1]) / 2)
            cos, sin = math.cos(middle), math.sin(middle)
            found.append(element((cx, cy), (cx + radius * cos, cy + radius * sin)))
        return [found]

    def _pie_circle(layout: Layout) -> tuple[float, float, float]:
        line = line_extent(base.style.font(base.style.tick_label_size), base.dpi).height
        x0, y0, x1, y1 = layout.plot
        radius = max(1.0, min(((y1 - y0) / 2 - line) / PIE_LABEL_DISTANCE, (x1 - x0) / 2 / 1.6))
        return (x0 + x1) / 2, (y0 + y1) / 2, radius

    return Chart(request, draw, elements=elements)
