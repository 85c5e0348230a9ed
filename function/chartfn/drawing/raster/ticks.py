"""Axis limits and tick values with ``matplotlib.ticker``, without Axis and Tick objects.

Limits follow matplotlib's autoscaling (the data range plus a 5 % margin, in log space on a log
axis; no margin past a "sticky" value such as a bar's base at 0), so charts keep the ranges they
had on the Figure path. Locators get the number of ticks the axis length allows, as
``Axis.get_tick_space`` would give them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from chartfn.drawing.matplotlib_runtime import rcParams, ticker

MARGIN = 0.05
# Ticks at most every this many label font sizes along x (y: half of it), as matplotlib does.
X_SPACING_EM = 3.0
Y_SPACING_EM = 2.0
MAX_TICKS = 9


@dataclass(frozen=True)
class Scale:
    """An axis: its view limits and whether it is logarithmic."""

    low: float
    high: float
    log: bool = False

    def fraction(self, values: np.ndarray) -> np.ndarray:
        """Where ``values`` sit between the limits, 0 … 1 (NaN stays NaN)."""
        # A view as narrow as a subnormal overflows to ±inf, which the drawers clamp.
        with np.errstate(all="ignore"):
            if self.log:
                logs = np.log10(np.where(values > 0, values, np.nan))
                low, high = math.log10(self.low), math.log10(self.high)
                return (logs - low) / (high - low)
            return (values - self.low) / (self.high - self.low)


@dataclass(frozen=True)
class Ticks:
    values: tuple[float, ...]
    labels: tuple[str, ...]
    offset: str  # ScalarFormatter's offset or ×10ⁿ text, drawn at the axis end ("" if none)
    math: bool  # labels are mathtext (log axes' 10^n), the engine's own text


def autoscale(
    low: float, high: float, *, log: bool = False, sticky: tuple[float, ...] = ()
) -> Scale:
    """matplotlib's default view limits for data spanning ``low`` … ``high``."""
    if log:
        low_log, high_log = math.log10(low), math.log10(high)
        if low_log == high_log:
            low_log, high_log = low_log - 1, high_log + 1
        span = high_log - low_log
        with np.errstate(all="ignore"):
            new_low = float(np.power(10.0, low_log - MARGIN * span))
            new_high = float(np.power(10.0, high_log + MARGIN * span))
        # Near the float range's ends the margin under- or overflows: the data's own edge then.
        if not new_low > 0:
            new_low = low
        if not math.isfinite(new_high):
            new_high = high
    else:
        if low == high:
            # matplotlib's nonsingular: a point gets ±5 % of itself (±0.1 … at 0 ±1 … ±0.1)
            delta = abs(low) * 0.05 if low != 0 else 0.1
            low, high = low - delta, high + delta
            sticky = ()
        span = high - low
        new_low, new_high = low - MARGIN * span, high + MARGIN * span
        if not math.isfinite(new_low) or not math.isfinite(new_high):
            new_low, new_high = low, high
    for edge in sticky:
        # A margin never crosses a sticky value the data reaches (bars stand on their base).
        if new_low < edge <= low:
            new_low = edge
        if high <= edge < new_high:
            new_high = edge
    return Scale(new_low, new_high, log)


def tick_count(length_px: float, label_size_px: float, *, vertical: bool) -> int:
    spacing = label_size_px * (Y_SPACING_EM if vertical else X_SPACING_EM)
    return max(1, min(MAX_TICKS, math.floor(length_px / spacing) if spacing > 0 else MAX_TICKS))


def ticks_for(scale: Scale, count: int) -> Ticks:
    """Tick values inside the view and their labels, formatted as matplotlib would."""
    # LogLocator looks at decades past a view near the float range's ends, which overflow to
    # inf and are then dropped as outside the view: no warning for that.
    with np.errstate(all="ignore"):
        return _ticks_for(scale, count)


def _ticks_for(scale: Scale, count: int) -> Ticks:
    low, high = scale.low, scale.high
    if scale.log:
        locator = ticker.LogLocator(numticks=max(count, 2))
        formatter: ticker.Formatter = ticker.LogFormatterSciNotation()
    else:
        locator = ticker.MaxNLocator(nbins=count, steps=[1, 2, 2.5, 5, 10])
        # The rc value given outright: left to look it up, the formatter also resolves the font
        # family (findfont, ~1.5 ms per axis) only to warn about a font no theme here uses.
        formatter = ticker.ScalarFormatter(useMathText=rcParams["axes.formatter.use_mathtext"])
    for part in (locator, formatter):
        part.create_dummy_axis()
        part.axis.set_view_interval(low, high)
        part.axis.set_data_interval(low, high)
    values = np.asarray(locator.tick_values(low, high), dtype=np.float64)
    tolerance = (high - low) * 1e-10 if not scale.log else 0.0
    inside = values[(values >= low - tolerance) & (values <= high + tolerance)]
    if scale.log and inside.size < 2:
        # Less than two decades in view: label the 1-2-5 values between them instead.
        locator = ticker.LogLocator(subs=(1.0, 2.0, 5.0), numticks=max(count, 2))
        values = np.asarray(locator.tick_values(low, high), dtype=np.float64)
        inside = values[(values >= low) & (values <= high)]
        formatter = ticker.LogFormatterSciNotation(labelOnlyBase=False, minor_thresholds=(99, 99))
        formatter.create_dummy_axis()
        formatter.axis.set_view_interval(low, high)
    labels = formatter.format_ticks(list(inside))
    offset = formatter.get_offset() if isinstance(formatter, ticker.ScalarFormatter) else ""
    return Ticks(
        tuple(float(v) for v in inside),
        tuple(labels),
        offset,
        math=scale.log,
    )
