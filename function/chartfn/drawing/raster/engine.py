"""A chart spec drawn by the engine: onto a fresh Agg renderer for PNG, WebP and JPEG, or, as
an artist in an otherwise empty Figure, onto matplotlib's SVG and PDF renderers. Both formats
take the same layout and the same renderer calls, so they agree by construction."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from chartfn.drawing.encoding import encode_figure, encode_raster
from chartfn.drawing.figures import new_figure
from chartfn.drawing.matplotlib_runtime import Artist, RendererAgg, RendererBase
from chartfn.drawing.raster.bar_borders import draw_box_edge
from chartfn.drawing.raster.boxplot import plan_boxes
from chartfn.drawing.raster.canvas import Canvas
from chartfn.drawing.raster.chartjs_legend import chartjs_legend, stroke_box_edge
from chartfn.drawing.raster.charts import (
    LINE_WIDTH,
    SCATTER_RADIUS,
    Chart,
    flat,
    plan,
    plan_formulas,
)
from chartfn.drawing.raster.horizontal_bars import plan_horizontal
from chartfn.drawing.raster.layers import background_color, draw_frame, draw_grid
from chartfn.drawing.raster.layout import Label, Layout, Request, layout
from chartfn.drawing.raster.overlays import with_overlays
from chartfn.drawing.raster.paint_fill import fill_rects_with_paint
from chartfn.drawing.raster.second_axis import plan_two_value_axes
from chartfn.drawing.raster.series_marks import point_shape
from chartfn.drawing.raster.style import RGBA, Style, chartjs_style, style_of
from chartfn.drawing.themes import themed
from chartfn.models.axis_ticks import TickProviders
from chartfn.models.chart_spec import BOX_KINDS, ChartSpec
from chartfn.models.formula_chart import FormulaChart
from chartfn.models.line_chart import Frame
from chartfn.models.output_options import RASTER_FORMATS, OutputOptions
from chartfn.models.overlays import Overlays
from chartfn.models.series_style import ChartStyles

# a legend point's outline, in points (Chart.js's point borderWidth 1 CSS px)
LEGEND_POINT_EDGE = 0.72


def render_spec(
    spec: ChartSpec,
    options: OutputOptions,
    ticks: TickProviders | None = None,
    styles: ChartStyles | None = None,
    overlays: Overlays | None = None,
) -> bytes:
    """``spec`` in ``options``' size, theme and format; ``ticks``: the numeric axes' ticks
    and ends from outside (a Chart.js config's), else the engine's own; ``styles``: a
    Chart.js config's look of each series; ``overlays``: its data labels, annotations and
    title/legend look."""
    return _render(spec, options, ticks, styles, overlays)


def render_formulas(chart: FormulaChart, options: OutputOptions) -> bytes:
    """``/plot``'s curves in ``options``' size, theme and format."""
    return _render(chart, options)


def _frame_args(frame: Frame) -> tuple[int, int, float]:
    return frame.width_px, frame.height_px, frame.dpi


def _render(
    what: ChartSpec | FormulaChart,
    options: OutputOptions,
    ticks: TickProviders | None = None,
    styles: ChartStyles | None = None,
    overlays: Overlays | None = None,
) -> bytes:
    frame = options.frame
    with themed(frame.theme):
        chart = with_tick_providers(plan_chart(what, frame, styles, overlays), ticks)
        placed = layout(chart.request)
        if options.format not in RASTER_FORMATS:
            figure, canvas = new_figure(frame)
            figure.add_artist(_ChartArtist(chart, placed, frame))
            return encode_figure(figure, canvas, options)
        renderer = RendererAgg(frame.width_px, frame.height_px, frame.dpi)
        paint(Canvas(renderer, 1.0), chart, placed, background=background_color(frame))
        rgba = np.asarray(renderer.buffer_rgba())
    return encode_raster(rgba, options)


def prepare(
    spec: ChartSpec | FormulaChart,
    frame: Frame,
    ticks: TickProviders | None = None,
    styles: ChartStyles | None = None,
    overlays: Overlays | None = None,
) -> tuple[Chart, Layout]:
    """The chart's plan and layout; call inside ``themed(frame.theme)``."""
    chart = with_tick_providers(plan_chart(spec, frame, styles, overlays), ticks)
    return chart, layout(chart.request)


def with_tick_providers(chart: Chart, ticks: TickProviders | None) -> Chart:
    """The chart with ``ticks``' providers on its numeric axes (category axes keep theirs)."""
    request = chart.request
    if ticks is not None and ticks.r is not None and chart.with_radial_ticks is not None:
        return chart.with_radial_ticks(ticks.r, ticks.r_look)
    if ticks is None or request.x_axis is None or request.y_axis is None:
        return chart
    x_axis, y_axis = request.x_axis, request.y_axis
    if ticks.x is not None and x_axis.categories is None:
        x_axis = replace(x_axis, provider=ticks.x)
    if ticks.x_categories is not None and x_axis.categories is not None:
        x_axis = replace(x_axis, provider=ticks.x_categories)
    if ticks.y is not None and y_axis.categories is None:
        y_axis = replace(y_axis, provider=ticks.y)
    y2_axis = request.y2_axis
    if ticks.y2 is not None and y2_axis is not None:
        y2_axis = replace(y2_axis, provider=ticks.y2)
    x_axis, y_axis = replace(x_axis, look=ticks.x_look), replace(y_axis, look=ticks.y_look)
    if y2_axis is not None:
        y2_axis = replace(y2_axis, look=ticks.y2_look)
    return replace(chart, request=replace(request, x_axis=x_axis, y_axis=y_axis, y2_axis=y2_axis))


def drawn_texts(
    chart: ChartSpec | FormulaChart,
    frame: Frame,
    styles: ChartStyles | None = None,
    overlays: Overlays | None = None,
) -> list[Label]:
    """Every text the chart draws, with its box (for tests: all must lie on the canvas)."""
    with themed(frame.theme):
        planned = plan_chart(chart, frame, styles, overlays)
        renderer = RendererAgg(frame.width_px, frame.height_px, frame.dpi)
        return paint(Canvas(renderer, 1.0), planned, layout(planned.request), background=None)


def plan_chart(
    chart: ChartSpec | FormulaChart,
    frame: Frame,
    styles: ChartStyles | None = None,
    overlays: Overlays | None = None,
) -> Chart:
    """A spec's or /plot's plan, with ``overlays`` drawn over its data; call inside
    ``themed(frame.theme)``."""
    style = style_of(frame.theme)
    if overlays is not None:  # only a Chart.js config brings overlays: draw its text as Chart.js
        style = chartjs_style(style)
    if isinstance(chart, FormulaChart):
        return plan_formulas(chart, *_frame_args(frame), style)
    pie_texts = overlays is None or not overlays.replaces_pie_texts
    if chart.kind in BOX_KINDS:
        planned = plan_boxes(chart, _request_of(chart, frame, style), styles)
    elif chart.horizontal:
        planned = plan_horizontal(chart, *_frame_args(frame), style, styles)
    elif chart.y2_series is not None:
        planned = plan_two_value_axes(chart, *_frame_args(frame), style, styles)
    else:
        round_look = overlays.round if overlays is not None else None
        planned = plan(
            chart, *_frame_args(frame), style, styles, pie_texts=pie_texts, round_look=round_look
        )
    look = overlays.look if overlays is not None else None

    def decorated(plain: Chart) -> Chart:
        legend = chartjs_legend(plain.request.legend, chart, styles, frame.dpi, look)
        plain = replace(plain, request=replace(plain.request, legend=legend))
        return with_overlays(plain, overlays)

    result = decorated(planned)
    rebuild = planned.with_radial_ticks
    if overlays is not None and rebuild is not None:
        # the radial scale's ticks rebuild the chart from its spec: the config's look (title,
        # legend, data labels) goes on the rebuilt one too
        result = replace(
            result, with_radial_ticks=lambda ticks, look: decorated(rebuild(ticks, look))
        )
    return result


def _request_of(spec: ChartSpec, frame: Frame, style: Style) -> Request:
    """The request every spec chart starts from: its size, style, title and axis titles."""
    return Request(
        *_frame_args(frame), style, flat(spec.title), flat(spec.x_label), flat(spec.y_label)
    )


class _ChartArtist(Artist):
    """The engine's drawing as one artist, for the vector renderers savefig makes."""

    def __init__(self, chart: Chart, placed: Layout, frame: Frame) -> None:
        super().__init__()
        self.chart, self.placed, self.frame = chart, placed, frame

    def draw(self, renderer: RendererBase) -> None:
        unit = renderer.get_canvas_width_height()[0] / self.frame.width_px
        paint(Canvas(renderer, unit), self.chart, self.placed, background=None)


def paint(canvas: Canvas, chart: Chart, placed: Layout, *, background: RGBA | None) -> list[Label]:
    """Draw the chart; returns every text drawn. The figure's background (None: leave it)
    first, then the plot's face, grid, data, frame, ticks, texts and legend."""
    style = chart.request.style
    width, height = chart.request.width, chart.request.height
    if background is not None and background[3] > 0:
        canvas.fill_rects(np.array([[0.0, 0.0, width, height]]), background)
    # a sparkline's axes place its data but are not drawn
    has_axes = chart.request.x_axis is not None and chart.request.look.axes
    if has_axes:
        canvas.fill_rects(np.array([placed.plot]), style.axes_color)
        draw_grid(
            canvas,
            placed,
            style,
            along_x=chart.grid_x,
            along_y=chart.grid_y,
            x_axis=chart.request.x_axis,
            y_axis=chart.request.y_axis,
            y2_axis=chart.request.y2_axis,
        )
        canvas.clip_to(placed.plot)
    texts = chart.draw_data(canvas, placed)
    canvas.clip_to(None)
    if has_axes:
        request = chart.request
        draw_frame(canvas, placed, style, axes=(request.x_axis, request.y_axis, request.y2_axis))
    for label in placed.texts():
        canvas.text(
            label.x,
            label.y,
            label.text,
            label.font,
            label.color,
            angle=label.angle,
            math=label.math,
        )
    _legend_swatches(canvas, placed)
    return placed.texts() + texts


def _legend_swatches(canvas: Canvas, placed: Layout) -> None:
    for entry in placed.legend:
        x0, y0, x1, y1 = entry.swatch_rect
        color = entry.entry.color
        if entry.entry.swatch == "box":
            paint = entry.entry.paint
            box = np.array([entry.swatch_rect])
            if paint is None or not fill_rects_with_paint(canvas, box, paint):
                canvas.fill_rects(box, color)
            if entry.entry.edge is not None and entry.entry.edge_points > 0:
                stroke_box_edge(canvas, entry.swatch_rect, entry.entry)
            else:
                draw_box_edge(canvas, entry.swatch_rect, entry.entry)
        elif entry.entry.swatch == "line":
            middle = (y0 + y1) / 2
            canvas.stroke(np.array([[x0, middle], [x1, middle]]), color, LINE_WIDTH)
        else:
            centre = np.array([[(x0 + x1) / 2, (y0 + y1) / 2]])
            if entry.entry.point_style == "circle":
                canvas.markers(centre, SCATTER_RADIUS * 1.5, color)
                continue
            # the dataset's point style, as Chart.js draws it with usePointStyle
            shape, filled = point_shape(entry.entry.point_style)
            edge = LEGEND_POINT_EDGE if filled else max(LEGEND_POINT_EDGE, 1.0)
            canvas.marks(
                centre, shape, SCATTER_RADIUS * 1.5, color if filled else None, color, edge
            )
