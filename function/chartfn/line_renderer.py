"""Line charts drawn with matplotlib's object API (Figure + Agg) and encoded as PNG in memory.

Drawing a whole figure costs ~19 ms; most of it is the axes, ticks, labels and grid, which stay
the same from one chart to the next whenever the axis limits do. So a renderer keeps one figure,
draws the static layer once per set of axis limits, keeps that bitmap, and for each chart only
restores it and draws the curve and the title on top (~2 ms). The y-limits snap to tick values
(matplotlib's ``round_numbers`` autolimit mode) so that nearby amplitudes share a background.

A figure is mutable state, so a renderer serves one request at a time: ``RendererPool`` lends
them out to the worker threads (FastAPI runs sync routes in a thread pool).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np

from chartfn.line_chart import DEFAULT_FRAME, Frame, LineChart
from chartfn.matplotlib_runtime import Figure, FigureCanvasAgg, Locator
from chartfn.png import encode_png

# Fixed margins (fractions of the figure) instead of tight_layout, which draws the figure twice;
# wide enough for 8-character tick labels and the axis labels at 800×400.
AXES_RECT = (0.09, 0.12, 0.88, 0.78)
LINE_COLOUR = "#1f77b4"
Limits = tuple[float, float, float, float]


def build_figure(frame: Frame) -> tuple[Figure, FigureCanvasAgg]:
    """An empty, styled chart figure; shared by the fast renderer and the reference render."""
    figure = Figure(figsize=frame.size_inches, dpi=frame.dpi, facecolor="white")
    canvas = FigureCanvasAgg(figure)
    axes = figure.add_axes(AXES_RECT)
    axes.set_autoscaley_on(True)
    axes.grid(True)
    axes.plot([], [], color=LINE_COLOUR, linewidth=1.5)
    return figure, canvas


def _apply(figure: Figure, chart: LineChart) -> None:
    axes = figure.axes[0]
    (line,) = axes.lines
    line.set_data(chart.x, chart.y)
    axes.set_title(chart.title)
    axes.set_xlabel(chart.x_label)
    axes.set_ylabel(chart.y_label)
    with np.errstate(all="ignore"):
        axes.relim()
        axes.autoscale_view()
    axes.set_ylim(_round_out(axes.yaxis.get_major_locator(), *axes.get_ylim()), auto=None)


def _round_out(locator: Locator, low: float, high: float) -> tuple[float, float]:
    """Widen (low, high) to the nearest enclosing ticks, as matplotlib's ``round_numbers``
    autolimit mode does, but for the y-axis only and without touching global rcParams."""
    ticks = locator.tick_values(low, high)
    below, above = ticks[ticks <= low], ticks[ticks >= high]
    return (
        float(below.max()) if below.size else low,
        float(above.min()) if above.size else high,
    )


def render_reference_png(chart: LineChart, frame: Frame = DEFAULT_FRAME) -> bytes:
    """The chart drawn the plain way: a fresh figure, one full draw. Tests compare against it."""
    figure, canvas = build_figure(frame)
    _apply(figure, chart)
    canvas.draw()
    return encode_png(np.asarray(canvas.buffer_rgba()))


class BackgroundCache:
    """The static layers of recent charts, by axis limits; a bounded LRU shared by renderers."""

    def __init__(self, max_entries: int = 16) -> None:
        self._entries: OrderedDict[tuple[Frame, Limits, str, str], object] = OrderedDict()
        self._max_entries = max_entries
        self._lock = threading.Lock()

    def get(self, key: tuple[Frame, Limits, str, str]) -> object | None:
        with self._lock:
            region = self._entries.get(key)
            if region is not None:
                self._entries.move_to_end(key)
            return region

    def put(self, key: tuple[Frame, Limits, str, str], region: object) -> None:
        with self._lock:
            self._entries[key] = region
            self._entries.move_to_end(key)
            while len(self._entries) > self._max_entries:
                self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)


class LineRenderer:
    """One reusable figure. Not thread-safe: borrow it from a ``RendererPool``."""

    def __init__(self, frame: Frame, backgrounds: BackgroundCache) -> None:
        self.frame = frame
        self._backgrounds = backgrounds
        self._figure, self._canvas = build_figure(frame)
        self._axes = self._figure.axes[0]
        (self._line,) = self._axes.lines
        # Animated artists are left out of a full draw, which then holds only the static layer.
        self._line.set_animated(True)
        self._axes.title.set_animated(True)

    def render_png(self, chart: LineChart) -> bytes:
        _apply(self._figure, chart)
        limits = (*self._axes.get_xlim(), *self._axes.get_ylim())
        key = (self.frame, limits, chart.x_label, chart.y_label)
        background = self._backgrounds.get(key)
        if background is None:
            self._canvas.draw()
            background = self._canvas.copy_from_bbox(self._figure.bbox)
            self._backgrounds.put(key, background)
        else:
            self._canvas.restore_region(background)
        self._figure.draw_artist(self._line)
        self._figure.draw_artist(self._axes.title)
        return encode_png(np.asarray(self._canvas.buffer_rgba()))


class RendererPool:
    """Lends renderers to threads; creates them on demand, at most ``max_renderers`` at once."""

    def __init__(self, frame: Frame = DEFAULT_FRAME, max_renderers: int = 4) -> None:
        self._frame = frame
        self._backgrounds = BackgroundCache()
        self._idle: list[LineRenderer] = []
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(max_renderers)

    @contextmanager
    def borrow(self) -> Iterator[LineRenderer]:
        with self._slots:
            with self._lock:
                renderer = self._idle.pop() if self._idle else None
            if renderer is None:
                renderer = LineRenderer(self._frame, self._backgrounds)
            try:
                yield renderer
            finally:
                with self._lock:
                    self._idle.append(renderer)

    def render_png(self, chart: LineChart) -> bytes:
        with self.borrow() as renderer:
            return renderer.render_png(chart)
