"""Line charts drawn with matplotlib's object API (Figure + Agg), in memory.

Drawing a whole figure costs ~19 ms; most of it is the axes, ticks, labels and grid, which stay
the same from one chart to the next whenever the axis limits do. So a renderer keeps one figure,
draws the static layer once per set of axis limits, keeps that bitmap, and for each chart only
restores it and draws the curve and the title on top (~2 ms). The y-limits snap to tick values
(like matplotlib's ``round_numbers`` autolimit mode) so that nearby amplitudes share a
background.

A figure is mutable state, so a renderer serves one request at a time: ``RendererPool`` lends
them out to the worker threads (FastAPI runs sync routes in a thread pool). Vector formats and
very large rasters take the plain path: a fresh figure, one full draw.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np

from chartfn.drawing.encoding import encode_raster
from chartfn.drawing.figures import build_figure, render_figure
from chartfn.drawing.line_layout import START_RECT, LineLayout, fit_layout, fit_title
from chartfn.drawing.line_layout import apply_layout as apply_line_layout
from chartfn.drawing.matplotlib_runtime import Figure, Locator
from chartfn.drawing.themes import themed
from chartfn.models.line_chart import DEFAULT_FRAME, Frame, LineChart
from chartfn.models.output_options import RASTER_FORMATS, OutputOptions

# Above this many pixels a kept figure is not worth its memory: an idle figure holds 4 bytes a
# pixel, and which sizes happen to be idle made a server's RSS swing by MBs (load test); the
# default 800×400 and anything up to ~1000×500 stays on the fast path.
FAST_PATH_MAX_PIXELS = 500_000
DEFAULT_OPTIONS = OutputOptions()
Limits = tuple[float, float, float, float]
BackgroundKey = tuple[Frame, Limits, str, str]


def _apply(figure: Figure, chart: LineChart) -> None:
    """Data, labels and limits. The limits are chosen with the axes where layout starts, so
    they do not depend on the layout of whichever chart a reused figure drew before."""
    axes = figure.axes[0]
    axes.set_position(START_RECT)
    if not axes.lines:
        axes.plot([], [], linewidth=1.5)
    (line,) = axes.lines
    line.set_data(chart.x, chart.y)
    # Only the text changes: set_title/set_xlabel would also re-apply default font properties
    # on every chart (measured: no speed difference either way; drawing the title's glyphs,
    # ~2 ms, is matplotlib 3.11's per-glyph FreeType path and cannot be avoided here)
    axes.title.set_text(chart.title)  # fit_title may shorten it once the layout is known
    if axes.xaxis.label.get_text() != chart.x_label:
        axes.set_xlabel(chart.x_label)
    if axes.yaxis.label.get_text() != chart.y_label:
        axes.set_ylabel(chart.y_label)
    with np.errstate(all="ignore"):
        axes.relim()
        axes.autoscale_view()
    axes.set_ylim(round_out(axes.yaxis.get_major_locator(), *axes.get_ylim()), auto=None)


def round_out(locator: Locator, low: float, high: float) -> tuple[float, float]:
    """Widen (low, high) to the nearest enclosing ticks, as matplotlib's ``round_numbers``
    autolimit mode does, but for one axis only and without touching global rcParams."""
    ticks = locator.tick_values(low, high)
    below, above = ticks[ticks <= low], ticks[ticks >= high]
    return (
        float(below.max()) if below.size else low,
        float(above.min()) if above.size else high,
    )


def draw_line_chart(figure: Figure, chart: LineChart) -> LineLayout:
    """``chart`` on a fresh figure from ``build_figure``, laid out to fit its text."""
    _apply(figure, chart)
    axes = figure.axes[0]
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    layout = fit_layout(figure, axes, renderer)
    fit_title(axes, chart.title, renderer)
    return layout


def render_line_chart(chart: LineChart, options: OutputOptions = DEFAULT_OPTIONS) -> bytes:
    """The chart drawn the plain way: a fresh figure, one full draw, any format. It is also the
    reference the fast path is tested against."""

    def draw(figure: Figure) -> None:
        draw_line_chart(figure, chart)

    return render_figure(draw, options)


def render_reference_png(chart: LineChart, frame: Frame = DEFAULT_FRAME) -> bytes:
    return render_line_chart(chart, OutputOptions() if frame == DEFAULT_FRAME else _png(frame))


def _png(frame: Frame) -> OutputOptions:
    scale = frame.dpi / 100.0
    return OutputOptions(
        width=round(frame.width_px / scale),
        height=round(frame.height_px / scale),
        scale=scale,
        background=frame.background,
        theme=frame.theme,
    )


class BackgroundCache:
    """The static layers of recent charts by frame and axis limits: a thread-safe LRU shared
    by renderers, bounded by the bytes of its bitmaps (4 bytes a pixel)."""

    def __init__(self, max_bytes: int = 24 * 1024 * 1024) -> None:
        self._entries: OrderedDict[BackgroundKey, tuple[object, int]] = OrderedDict()
        self._max_bytes = max_bytes
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: BackgroundKey) -> object | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            self._entries.move_to_end(key)
            return entry[0]

    def put(self, key: BackgroundKey, region: object) -> None:
        size = key[0].width_px * key[0].height_px * 4
        with self._lock:
            previous = self._entries.pop(key, None)
            if previous is not None:
                self._bytes -= previous[1]
            self._entries[key] = (region, size)
            self._bytes += size
            while self._bytes > self._max_bytes and len(self._entries) > 1:
                _, (_, evicted) = self._entries.popitem(last=False)
                self._bytes -= evicted

    def __len__(self) -> int:
        return len(self._entries)


class LineRenderer:
    """One reusable figure for one frame. Not thread-safe: borrow it from a ``RendererPool``."""

    def __init__(self, frame: Frame, backgrounds: BackgroundCache) -> None:
        self.frame = frame
        self._backgrounds = backgrounds
        with themed(frame.theme):
            self._figure, self._canvas = build_figure(frame)
            _apply(self._figure, LineChart(np.zeros(2), np.zeros(2), "", "", ""))
        self._axes = self._figure.axes[0]
        self._layout = LineLayout()
        (self._line,) = self._axes.lines
        # Animated artists are left out of a full draw, which then holds only the static layer.
        self._line.set_animated(True)
        self._axes.title.set_animated(True)

    @property
    def figure(self) -> Figure:
        return self._figure

    def draw(self, chart: LineChart) -> np.ndarray:
        """Draw ``chart`` and return a view of the canvas's pixels, valid until the next draw."""
        with themed(self.frame.theme):
            _apply(self._figure, chart)
            limits = (*self._axes.get_xlim(), *self._axes.get_ylim())
            key = (self.frame, limits, chart.x_label, chart.y_label)
            renderer = self._canvas.get_renderer()
            kept = self._backgrounds.get(key)
            if kept is None:
                # the layout fits this background's tick and axis labels: measured once, kept
                self._layout = fit_layout(self._figure, self._axes, renderer)
                fit_title(self._axes, chart.title, renderer)
                self._canvas.draw()
                background = self._canvas.copy_from_bbox(self._figure.bbox)
                self._backgrounds.put(key, (background, self._layout))
            else:
                background, layout = kept  # type: ignore[misc]
                apply_line_layout(self._axes, layout, self._layout)
                self._layout = layout
                fit_title(self._axes, chart.title, renderer)
                self._canvas.restore_region(background)
            self._figure.draw_artist(self._line)
            self._figure.draw_artist(self._axes.title)
        return np.asarray(self._canvas.buffer_rgba())

    def render_png(self, chart: LineChart) -> bytes:
        return encode_raster(self.draw(chart), _png(self.frame))


class RendererPool:
    """Lends renderers to threads: at most ``max_renderers`` at once, created on demand and
    kept per frame (at most ``max_renderers`` idle in all, the least recently used dropped)."""

    def __init__(self, max_renderers: int = 4) -> None:
        self._backgrounds = BackgroundCache()
        self._idle: OrderedDict[Frame, list[LineRenderer]] = OrderedDict()
        self._idle_count = 0
        self._max_idle = max_renderers
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(max_renderers)

    @staticmethod
    def serves(options: OutputOptions) -> bool:
        frame = options.frame
        return (
            options.format in RASTER_FORMATS
            and frame.width_px * frame.height_px <= FAST_PATH_MAX_PIXELS
        )

    @contextmanager
    def borrow(self, frame: Frame = DEFAULT_FRAME) -> Iterator[LineRenderer]:
        with self._slots:
            renderer = self._take_idle(frame) or LineRenderer(frame, self._backgrounds)
            try:
                yield renderer
            finally:
                self._give_back(renderer)

    def _take_idle(self, frame: Frame) -> LineRenderer | None:
        with self._lock:
            idle = self._idle.get(frame)
            if not idle:
                return None
            self._idle_count -= 1
            renderer = idle.pop()
            if not idle:
                del self._idle[frame]  # no empty lists: eviction takes from the oldest frame
            return renderer

    def _give_back(self, renderer: LineRenderer) -> None:
        with self._lock:
            self._idle.setdefault(renderer.frame, []).append(renderer)
            self._idle.move_to_end(renderer.frame)
            self._idle_count += 1
            while self._idle_count > self._max_idle:
                oldest_frame, renderers = next(iter(self._idle.items()))
                renderers.pop(0)
                self._idle_count -= 1
                if not renderers:
                    del self._idle[oldest_frame]

    def render(self, chart: LineChart, options: OutputOptions = DEFAULT_OPTIONS) -> bytes:
        """``chart`` in ``options``' raster format, through a kept figure."""
        with self.borrow(options.frame) as renderer:
            # encoded while still borrowed: no copy of the canvas, and outside the render lock
            return encode_raster(renderer.draw(chart), options)

    def render_png(self, chart: LineChart) -> bytes:
        return self.render(chart)
