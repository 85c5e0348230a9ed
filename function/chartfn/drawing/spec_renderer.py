"""Draws a validated ``ChartSpec`` onto an empty matplotlib ``Figure`` (object API + Agg only).

The caller makes the figure (size, dpi, theme), calls ``draw_spec`` and encodes the canvas, so
one drawing routine serves every output format. Nothing here touches global matplotlib state
(no rcParams, no colour cycle from rc): the same spec always gives the same pixels.

Every spec the models accept draws without raising: the models bound magnitudes and reject the
combinations matplotlib would choke on (non-positive data on log axes, mismatched lengths), and
the few remaining hazards are handled here (user text drawn literally, histogram bin counts
capped, degenerate histogram ranges widened).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from chartfn.models.chart_spec import MAX_BINS, ChartSpec, Series

if TYPE_CHECKING:
    from chartfn.drawing.matplotlib_runtime import Figure

__all__ = [
    "AXES_RECT",
    "DEFAULT_COLORS",
    "PIE_RECT",
    "bin_edges",
    "draw_spec",
    "has_isolated_points",
    "series_color",
    "series_values",
    "series_x",
]

FloatArray = npt.NDArray[np.float64]
# matplotlib's Axes class: only chartfn.drawing.matplotlib_runtime may import matplotlib, and
# it does not export Axes, so the annotation stays loose.
Axes = Any

# Fixed margins (fractions of the figure) instead of tight_layout, which draws the figure twice;
# the same as the line renderer's so that charts of either kind line up on a page.
AXES_RECT = (0.09, 0.12, 0.88, 0.78)
# Pie labels sit outside the circle, so leave room on every side; the equal aspect then shrinks
# the box to a square inside this rectangle.
PIE_RECT = (0.1, 0.08, 0.8, 0.8)
# matplotlib's default cycle ("tab10"), fixed here so a theme's rcParams cannot change the data
# colours behind a cached ETag.
DEFAULT_COLORS = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
)  # fmt: skip
# Above this many points "best" legend placement (which tests every data point against every
# candidate box) costs more than the whole chart.
BEST_LEGEND_MAX_POINTS = 2_000
# Automatic histogram bins stay below this: the "fd" rule gives millions of bins for data with a
# small interquartile range and a few far outliers.
MAX_AUTO_BINS = 100
BAR_GROUP_WIDTH = 0.8
BUBBLE_POINTS_PER_RADIUS = 0.72  # a bubble's r is in CSS pixels, 1/100 inch
# Text drawn from user input never goes through mathtext: a stray "$" would otherwise be parsed
# (and a malformed expression would raise at draw time).
_LITERAL = {"parse_math": False}


def draw_spec(figure: Figure, spec: ChartSpec) -> None:
    """Draw ``spec`` onto ``figure``, which must be empty."""
    if figure.axes:
        raise ValueError("draw_spec needs an empty figure")
    colors = [series_color(s, i) for i, s in enumerate(spec.series)]
    labels = [
        s.name if s.name is not None else f"series {i + 1}" for i, s in enumerate(spec.series)
    ]
    if spec.kind == "pie":
        _draw_pie(figure, spec)
        return
    axes = figure.add_axes(AXES_RECT)
    # Scales before data, so that autoscaling sees the final transform.
    if spec.x_log:
        axes.set_xscale("log")
    if spec.y_log:
        axes.set_yscale("log")
    if spec.kind == "bar":
        axes.grid(True, axis="y")
        axes.set_axisbelow(True)
        handles = _draw_bars(axes, spec, colors)
    elif spec.kind == "histogram":
        axes.grid(True, axis="y")
        axes.set_axisbelow(True)
        handles = _draw_histogram(axes, spec, colors)
    else:
        axes.grid(True)
        handles = _draw_xy(axes, spec, colors)
    if spec.x_limits is not None:
        axes.set_xlim(*spec.x_limits)
    if spec.y_limits is not None:
        axes.set_ylim(*spec.y_limits)
    axes.set_title(spec.title, **_LITERAL)
    axes.set_xlabel(spec.x_label, **_LITERAL)
    axes.set_ylabel(spec.y_label, **_LITERAL)
    if spec.show_legend:
        total = sum(len(s.y) for s in spec.series)
        where = "best" if total <= BEST_LEGEND_MAX_POINTS else "upper right"
        _literal_legend(axes.legend(handles, labels, loc=where, fontsize="small"))


def series_color(series: Series, index: int) -> str:
    return series.color if series.color is not None else DEFAULT_COLORS[index % len(DEFAULT_COLORS)]


def series_values(values: Sequence[float | None]) -> FloatArray:
    """The values as float64, ``None`` (a gap) as NaN, which matplotlib leaves undrawn."""
    return np.array([math.nan if v is None else v for v in values], dtype=np.float64)


def series_x(series: Series) -> FloatArray:
    if series.x is None:
        return np.arange(len(series.y), dtype=np.float64)
    return np.asarray(series.x, dtype=np.float64)


def _literal_legend(legend: Any) -> None:
    for text in legend.get_texts():
        text.set_parse_math(False)


def _draw_xy(axes: Axes, spec: ChartSpec, colors: list[str]) -> list[object]:
    """Line, scatter and area charts: one artist per series, used as the legend handle."""
    handles: list[object] = []
    base: FloatArray | None = None
    for series, color in zip(spec.series, colors, strict=True):
        x, y = series_x(series), series_values(series.y)
        if spec.kind == "scatter":
            handles.append(axes.scatter(x, y, s=16, color=color, zorder=2))
            continue
        if spec.kind == "bubble":
            # r is in CSS pixels (0.72 points); scatter's s is the marker's width squared
            sizes = (2 * BUBBLE_POINTS_PER_RADIUS * np.asarray(series.r or [0.0] * len(y))) ** 2
            handles.append(axes.scatter(x, y, s=sizes, color=color, zorder=2))
            continue
        if spec.kind == "area":
            bottom = np.zeros_like(y) if base is None else base
            top = bottom + y  # NaN (a gap) stays NaN and fill_between leaves it out
            axes.fill_between(x, bottom, top, color=color, alpha=0.35, linewidth=0)
            if spec.stacked:
                # A gap adds nothing to the stack below the next series.
                base = bottom + np.nan_to_num(y, nan=0.0)
            y = top
        # A lone point (between gaps or in a one-value series) has no segment to draw.
        marker = "o" if has_isolated_points(y) else ""
        (line,) = axes.plot(x, y, color=color, linewidth=1.5, marker=marker, markersize=3)
        handles.append(line)
    return handles


def has_isolated_points(y: FloatArray) -> bool:
    present = ~np.isnan(y)
    padded = np.concatenate(([False], present, [False]))
    return bool(np.any(present & ~padded[:-2] & ~padded[2:]))


def _draw_bars(axes: Axes, spec: ChartSpec, colors: list[str]) -> list[object]:
    count = len(spec.series[0].y)
    positions = np.arange(count, dtype=np.float64)
    handles: list[object] = []
    if spec.stacked:
        # Positive values stack upwards from 0 and negative ones downwards, so a negative value
        # never hides part of the bar below it.
        above = np.zeros(count)
        below = np.zeros(count)
        for series, color in zip(spec.series, colors, strict=True):
            values = series_values(series.y)
            bottom = np.where(values >= 0, above, below)
            handles.append(axes.bar(positions, values, BAR_GROUP_WIDTH, bottom=bottom, color=color))
            above = above + np.where(values >= 0, values, 0.0)
            below = below + np.where(values < 0, values, 0.0)
    else:
        width = BAR_GROUP_WIDTH / len(spec.series)
        for index, (series, color) in enumerate(zip(spec.series, colors, strict=True)):
            offset = (index - (len(spec.series) - 1) / 2) * width
            handles.append(
                axes.bar(positions + offset, series_values(series.y), width, color=color)
            )
    labels = spec.categories if spec.categories is not None else [str(i) for i in range(count)]
    # Past a dozen categories horizontal labels run into each other.
    rotation = 90 if count > 12 else 0
    axes.set_xticks(positions, labels, rotation=rotation, **_LITERAL)
    axes.set_xlim(-0.5, count - 0.5)
    return handles


def _draw_histogram(axes: Axes, spec: ChartSpec, colors: list[str]) -> list[object]:
    samples = [series_values(s.y) for s in spec.series]
    edges = bin_edges(np.concatenate(samples), spec.bins, log=spec.x_log)
    if spec.stacked and len(samples) > 1:
        _, _, patches = axes.hist(
            samples, bins=edges, stacked=True, histtype="stepfilled", color=colors
        )
        return [group[0] for group in patches]
    # Several series overlay each other, translucent so that every one stays visible.
    alpha = 0.5 if len(samples) > 1 else 1.0
    handles: list[object] = []
    for values, color in zip(samples, colors, strict=True):
        _, _, patches = axes.hist(
            values, bins=edges, histtype="stepfilled", color=color, alpha=alpha
        )
        handles.append(patches[0])
    return handles


def bin_edges(samples: FloatArray, bins: int | None, *, log: bool) -> FloatArray:
    """Strictly increasing edges shared by every series, so overlaid bars line up."""
    low, high = float(samples.min()), float(samples.max())
    count = bins if bins is not None else _auto_bin_count(np.log10(samples) if log else samples)
    count = max(1, min(count, MAX_BINS))
    if log:
        if low == high:
            # Halving the smallest subnormal gives 0, which has no logarithm.
            low, high = (low / 2 if low / 2 > 0 else low), high * 2
        edges = np.geomspace(low, high, count + 1)
    else:
        if low == high:
            # One value: a bin of width 1 around it, as numpy does, or wider where 1 is lost in
            # the value's rounding.
            half = max(0.5, abs(low) * 1e-6)
            low, high = low - half, high + half
        edges = np.linspace(low, high, count + 1)
    edges[0], edges[-1] = low, high  # no sample may fall outside by rounding
    if not np.all(np.diff(edges) > 0):
        # Too many bins for the range's floating-point resolution: one bin is all there is.
        edges = np.array([low, high])
    return edges


def _auto_bin_count(samples: FloatArray) -> int:
    """numpy's "auto" rule (the smaller width of Freedman–Diaconis and Sturges), computed as a
    count and capped before any array of edges is built."""
    size = samples.size
    span = float(samples.max() - samples.min())
    if span <= 0 or not math.isfinite(span):
        return 1
    sturges = math.log2(size) + 1
    q75, q25 = np.percentile(samples, [75, 25])
    fd_width = 2 * float(q75 - q25) * size ** (-1 / 3)
    by_fd = span / fd_width if fd_width > 0 else 0
    return max(1, min(math.ceil(max(sturges, by_fd)), MAX_AUTO_BINS))


def _draw_pie(figure: Figure, spec: ChartSpec) -> None:
    axes = figure.add_axes(PIE_RECT)
    axes.set_aspect("equal")
    values = series_values(spec.series[0].y)
    labels = (
        spec.categories if spec.categories is not None else [str(i) for i in range(len(values))]
    )
    wedges, *_ = axes.pie(
        values,
        labels=labels,
        colors=[DEFAULT_COLORS[i % len(DEFAULT_COLORS)] for i in range(len(values))],
        autopct=_percent,
        startangle=90,
        counterclock=False,
        textprops=_LITERAL,
    )
    axes.set_title(spec.title, **_LITERAL)
    if spec.show_legend:
        _literal_legend(
            axes.legend(
                wedges, labels, loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize="small"
            )
        )


def _percent(share: float) -> str:
    # Labels on slivers would pile up on top of each other.
    return f"{share:.1f}%" if share >= 1 else ""
