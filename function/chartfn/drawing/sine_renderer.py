"""/sin drawn by the raster engine: one path for every size, format and cache state.

The engine lays the chart out (``raster.layout``: margins that fit the tick and axis labels,
an ellipsis where text cannot fit) and paints it straight onto an Agg renderer. What does not
change from one sine to the next (background, plot face, grid, frame, ticks, tick and axis
labels) is painted first, as one layer; the curve and the title go on top. The layer is kept
(``StaticLayers``, an LRU bounded in bytes) under a key made of everything it shows, so a kept
layer is, byte for byte, what painting it afresh gives: a URL's bytes never depend on what the
process drew before. The y-limits snap out to tick values, as they did on the Figure path, so
that nearby amplitudes share a layer.

SVG and PDF go through matplotlib's vector renderers with the same layout and the same paint
calls (the engine's ``Canvas`` works on any renderer), in an otherwise empty Figure, which is
imported only then: a fresh instance serving raster /sin never loads ``matplotlib.figure``.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass

import numpy as np

from chartfn.drawing.encoding import encode_raster
from chartfn.drawing.matplotlib_runtime import Artist, RendererAgg, RendererBase, ticker
from chartfn.drawing.raster.canvas import Canvas
from chartfn.drawing.raster.layers import background_color, draw_frame, draw_grid
from chartfn.drawing.raster.layout import Axis, Label, Layout, Request, layout
from chartfn.drawing.raster.style import RGBA, Style, style_of
from chartfn.drawing.raster.ticks import Scale, autoscale, tick_count
from chartfn.drawing.themes import themed
from chartfn.models.line_chart import Frame, LineChart
from chartfn.models.output_options import RASTER_FORMATS, OutputOptions

LINE_WIDTH = 1.5  # points, as /plot's curves
# The y-limits snap to the ticks a plot of this share of the canvas height would get (the
# Figure path's axes height): the same for every chart on a frame, whatever its layout.
NOMINAL_PLOT_SHARE = 0.78
# Kept layers in all, in bytes of RGBA pixels (4 a pixel): 12 layers at 800×400.
LAYERS_MAX_BYTES = 16 * 1024 * 1024
# A layer larger than this share of the budget is not kept: a few large frames would evict
# everything else, and for them the paint is a small part of the render (encoding dominates).
MAX_LAYER_SHARE = 0.25


@dataclass(frozen=True)
class SinePlan:
    """A chart laid out on a frame: the layout, the curve in data space, and the key of the
    static layer (everything that layer shows; the title and curve are not in it)."""

    frame: Frame
    style: Style
    placed: Layout
    x_scale: Scale
    y_scale: Scale
    layer_key: Hashable


def y_scale_of(y: np.ndarray, frame: Frame, style: Style) -> Scale:
    """matplotlib's autoscaled y-limits widened to the nearest enclosing ticks (its
    ``round_numbers`` mode), for a plot of the nominal height."""
    finite = y[np.isfinite(y)]
    low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    scale = autoscale(low, high)
    label_px = style.tick_label_size * frame.dpi / 72.0
    count = tick_count(NOMINAL_PLOT_SHARE * frame.height_px, label_px, vertical=True)
    locator = ticker.MaxNLocator(nbins=count, steps=[1, 2, 2.5, 5, 10])
    with np.errstate(all="ignore"):
        ticks = np.asarray(locator.tick_values(scale.low, scale.high), dtype=np.float64)
    below, above = ticks[ticks <= scale.low], ticks[ticks >= scale.high]
    return Scale(
        float(below.max()) if below.size else scale.low,
        float(above.min()) if above.size else scale.high,
    )


def plan_sine(chart: LineChart, frame: Frame) -> SinePlan:
    """The chart's layout on ``frame``; call inside ``themed(frame.theme)``."""
    style = style_of(frame.theme)
    x_scale = autoscale(float(chart.x.min()), float(chart.x.max()))
    y_scale = y_scale_of(chart.y, frame, style)
    request = Request(
        frame.width_px,
        frame.height_px,
        frame.dpi,
        style,
        _one_line(chart.title),
        _one_line(chart.x_label),
        _one_line(chart.y_label),
        (),
        Axis(x_scale),
        Axis(y_scale),
    )
    placed = layout(request)
    return SinePlan(frame, style, placed, x_scale, y_scale, _layer_key(frame, placed))


def _layer_key(frame: Frame, placed: Layout) -> Hashable:
    """What the static layer shows: the frame (size, theme, background) fixes every colour and
    font, so the plot, the ticks and where each text goes say the rest."""

    def ticks(ticks: list[tuple[float, Label | None]]) -> tuple[object, ...]:
        return tuple((p, None if lbl is None else (lbl.text, lbl.x, lbl.y)) for p, lbl in ticks)

    texts = tuple(
        (label.text, label.x, label.y, label.angle, label.font.get_size_in_points())
        for label in placed.labels
        if label is not placed.title
    )
    return (frame, placed.plot, ticks(placed.x_ticks), ticks(placed.y_ticks), texts)


def _one_line(text: str) -> str:
    """The engine lays out single lines: newlines and tabs become spaces."""
    return text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ")


def paint_static(canvas: Canvas, plan: SinePlan, background: RGBA | None) -> None:
    """Everything but the curve and the title, in the engine's order."""
    placed, style = plan.placed, plan.style
    width, height = plan.frame.width_px, plan.frame.height_px
    if background is not None and background[3] > 0:
        canvas.fill_rects(np.array([[0.0, 0.0, width, height]]), background)
    canvas.fill_rects(np.array([placed.plot]), style.axes_color)
    draw_grid(canvas, placed, style)
    draw_frame(canvas, placed, style)
    for label in placed.texts():
        if label is not placed.title:
            _text(canvas, label)


def paint_curve_and_title(canvas: Canvas, plan: SinePlan, chart: LineChart) -> None:
    """The chart's own part, over the static layer: the curve inside the plot, the title."""
    x0, y0, x1, y1 = plan.placed.plot
    with np.errstate(all="ignore"):
        px = x0 + plan.x_scale.fraction(chart.x) * (x1 - x0)
        py = y0 + plan.y_scale.fraction(chart.y) * (y1 - y0)
    canvas.clip_to(plan.placed.plot)
    canvas.stroke(np.stack([px, py], axis=1), plan.style.cycle[0], LINE_WIDTH)
    canvas.clip_to(None)
    if plan.placed.title is not None:
        _text(canvas, plan.placed.title)


def _text(canvas: Canvas, label: Label) -> None:
    canvas.text(
        label.x, label.y, label.text, label.font, label.color, angle=label.angle, math=label.math
    )


class StaticLayers:
    """Painted static layers by key: a thread-safe LRU bounded by the bytes of its pixels."""

    def __init__(self, max_bytes: int = LAYERS_MAX_BYTES) -> None:
        self._entries: OrderedDict[Hashable, np.ndarray] = OrderedDict()
        self._max_bytes = max_bytes
        self._bytes = 0
        self._lock = threading.Lock()

    def keeps(self, pixels: int) -> bool:
        return pixels * 4 <= self._max_bytes * MAX_LAYER_SHARE

    def get(self, key: Hashable) -> np.ndarray | None:
        with self._lock:
            layer = self._entries.get(key)
            if layer is not None:
                self._entries.move_to_end(key)
            return layer

    def put(self, key: Hashable, layer: np.ndarray) -> None:
        layer.setflags(write=False)  # shared by every render that blits it
        with self._lock:
            previous = self._entries.pop(key, None)
            if previous is not None:
                self._bytes -= previous.nbytes
            self._entries[key] = layer
            self._bytes += layer.nbytes
            while self._bytes > self._max_bytes and self._entries:
                _, evicted = self._entries.popitem(last=False)
                self._bytes -= evicted.nbytes

    @property
    def bytes(self) -> int:
        return self._bytes

    def __len__(self) -> int:
        return len(self._entries)


class SineRenderer:
    """Renders /sin charts in any format; safe to share between threads (the painting holds
    the render lock, the kept layers have their own)."""

    def __init__(self, layers: StaticLayers | None = None) -> None:
        self.layers = layers if layers is not None else StaticLayers()

    def render(self, chart: LineChart, options: OutputOptions) -> bytes:
        if options.format not in RASTER_FORMATS:
            return _render_vector(chart, options)
        # encoded outside the render lock, from the renderer's own buffer (no copy)
        return encode_raster(self.draw(chart, options.frame), options)

    def draw(self, chart: LineChart, frame: Frame) -> np.ndarray:
        """The chart's RGBA pixels (rows from the top), a fresh buffer each call."""
        with themed(frame.theme):
            plan = plan_sine(chart, frame)
            renderer = RendererAgg(frame.width_px, frame.height_px, frame.dpi)
            canvas = Canvas(renderer, 1.0)
            pixels = np.asarray(renderer.buffer_rgba())
            kept = self.layers.get(plan.layer_key)
            if kept is not None:
                pixels[...] = kept
            else:
                paint_static(canvas, plan, background_color(frame))
                if self.layers.keeps(frame.width_px * frame.height_px):
                    self.layers.put(plan.layer_key, pixels.copy())
            paint_curve_and_title(canvas, plan, chart)
        return pixels


def drawn_texts(chart: LineChart, frame: Frame) -> list[Label]:
    """Every text the chart draws, with its box (for tests: all must lie on the canvas)."""
    with themed(frame.theme):
        return plan_sine(chart, frame).placed.texts()


class _SineArtist(Artist):
    """The engine's /sin painting as one artist, for the vector renderers savefig makes."""

    def __init__(self, plan: SinePlan, chart: LineChart) -> None:
        super().__init__()
        self.plan, self.chart = plan, chart

    def draw(self, renderer: RendererBase) -> None:
        unit = renderer.get_canvas_width_height()[0] / self.plan.frame.width_px
        canvas = Canvas(renderer, unit)
        paint_static(canvas, self.plan, None)  # the figure's face is the background
        paint_curve_and_title(canvas, self.plan, self.chart)


def _render_vector(chart: LineChart, options: OutputOptions) -> bytes:
    # A Figure only for SVG and PDF: raster /sin never imports matplotlib.figure.
    from chartfn.drawing.encoding import encode_figure
    from chartfn.drawing.figures import new_figure

    frame = options.frame
    with themed(frame.theme):
        figure, canvas = new_figure(frame)
        figure.add_artist(_SineArtist(plan_sine(chart, frame), chart))
        return encode_figure(figure, canvas, options)
