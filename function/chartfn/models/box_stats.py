"""The statistics a box plot or violin draws from a category's values, computed as the
Chart.js plugins QuickChart bundles compute them (``chartjs-chart-box-and-violin-plot`` 2.4
for Chart.js 2, ``@sgratzl/chartjs-chart-boxplot`` 4 for Chart.js 3/4; their defaults agree):

- quartiles by R's type 7 (``quantilesType7``: linear between order statistics, as
  ``numpy.percentile``'s default), on the values sorted;
- whiskers at the most extreme values within 1.5 IQR of the box (``coef: 1.5``, moved in to
  the nearest real value); values beyond them are outliers. Given statistics without values
  keep their whiskers at ``q1 − 1.5 IQR`` and ``q3 + 1.5 IQR``, clipped to min and max;
- a violin's outline: a Gaussian kernel density estimate (``science.stats.kde``) with Scott's
  rule of thumb for its bandwidth (``bandwidth.nrd``: 1.06 · min(sd, IQR / 1.34) · n^(-1/5)),
  sampled at ``VIOLIN_POINTS`` steps from min to max (and at max).

No matplotlib and no HTTP here: the drawing and the Chart.js axis ticks both read these.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from chartfn.models.chart_spec import ChartSpec

__all__ = [
    "VIOLIN_POINTS",
    "WHISKER_COEF",
    "BoxSummary",
    "Density",
    "box_summaries",
    "density",
    "given_summary",
    "summary",
    "value_limits",
]

WHISKER_COEF = 1.5
# The plugins' `points`: samples of the density from min to max
VIOLIN_POINTS = 100
_SQRT_2PI = math.sqrt(2 * math.pi)


@dataclass(frozen=True)
class BoxSummary:
    """One box: its five numbers, where its whiskers end, the values drawn beyond them, and
    its mean if known."""

    min: float
    q1: float
    median: float
    q3: float
    max: float
    whisker_min: float
    whisker_max: float
    outliers: tuple[float, ...] = ()
    mean: float | None = None


@dataclass(frozen=True)
class Density:
    """A violin's outline: values along the value axis and the density at each (all finite
    and ≥ 0; empty when the values have no spread to estimate from)."""

    values: np.ndarray
    estimates: np.ndarray


def _type7(ordered: Sequence[float], q: float) -> float:
    """R's type 7 quantile of sorted values, with the plugins' own arithmetic."""
    index = 1 + q * (len(ordered) - 1)
    low = math.floor(index)
    fraction = index - low
    below = ordered[low - 1]
    return below if fraction == 0 else below + fraction * (ordered[low] - below)


def _mean(values: Sequence[float]) -> float:
    # Welford's running mean, as science.js and @sgratzl/boxplots compute it
    mean = 0.0
    for count, value in enumerate(values, start=1):
        mean += (value - mean) / count
    return mean


def summary(values: Sequence[float]) -> BoxSummary:
    """The box of ``values`` (at least one finite number)."""
    ordered = sorted(values)
    q1, median, q3 = (_type7(ordered, q) for q in (0.25, 0.5, 0.75))
    low, high = ordered[0], ordered[-1]
    iqr = q3 - q1
    reach_low = max(low, q1 - WHISKER_COEF * iqr)
    reach_high = min(high, q3 + WHISKER_COEF * iqr)
    # the whiskers end on real values: the first at or above / the last at or below the reach
    whisker_min = ordered[bisect.bisect_left(ordered, reach_low)]
    whisker_max = ordered[bisect.bisect_right(ordered, reach_high) - 1]
    outliers = tuple(v for v in ordered if v < whisker_min or v > whisker_max)
    return BoxSummary(low, q1, median, q3, high, whisker_min, whisker_max, outliers, _mean(ordered))


def given_summary(
    low: float,
    q1: float,
    median: float,
    q3: float,
    high: float,
    outliers: Sequence[float] = (),
    mean: float | None = None,
) -> BoxSummary:
    """A box from statistics given without their values: whiskers 1.5 IQR out, within min
    and max, as the plugins place them."""
    iqr = q3 - q1
    return BoxSummary(
        low,
        q1,
        median,
        q3,
        high,
        max(low, q1 - WHISKER_COEF * iqr),
        min(high, q3 + WHISKER_COEF * iqr),
        tuple(outliers),
        mean,
    )


def _sample_points(low: float, high: float) -> list[float]:
    # the plugins step by repeated addition, so their last step may fall short of max; a step
    # below the values' precision would never get there (a hang in the plugin): at most
    # VIOLIN_POINTS + 1 steps here
    points: list[float] = []
    step = (high - low) / VIOLIN_POINTS
    value = low
    for _ in range(VIOLIN_POINTS + 1):
        if not (value <= high and step > 0):
            break
        points.append(value)
        value += step
    if not points or points[-1] != high:
        points.append(high)
    return points


def density(values: Sequence[float]) -> Density:
    """The violin outline of ``values``: a Gaussian KDE, Scott's bandwidth."""
    ordered = sorted(values)
    count = len(ordered)
    spread = _type7(ordered, 0.75) - _type7(ordered, 0.25)
    mean = _mean(ordered)
    variance = sum((v - mean) ** 2 for v in ordered) / (count - 1) if count > 1 else 0.0
    bandwidth = 1.06 * min(math.sqrt(variance), spread / 1.34) * count ** (-1 / 5)
    if not (bandwidth > 0 and math.isfinite(bandwidth)):
        # Chart.js's estimate is NaN here and draws no outline: neither does this
        return Density(np.zeros(0), np.zeros(0))
    points = np.array(_sample_points(ordered[0], ordered[-1]))
    samples = np.array(ordered)
    estimates = np.empty(len(points))
    # a row of points at a time keeps the work matrix small for 10,000 values
    chunk = max(1, 200_000 // count)
    for start in range(0, len(points), chunk):
        scaled = (points[start : start + chunk, None] - samples[None, :]) / bandwidth
        kernel = np.exp(-0.5 * scaled * scaled) / _SQRT_2PI
        estimates[start : start + chunk] = kernel.sum(axis=1) / bandwidth / count
    keep = np.isfinite(estimates)
    return Density(points[keep], estimates[keep])


def box_summaries(spec: ChartSpec) -> list[list[BoxSummary | None]]:
    """Per series, per category: the box drawn there (None: nothing)."""
    found = []
    for series in spec.series:
        row: list[BoxSummary | None] = []
        for box in series.boxes or ():
            if box is None:
                row.append(None)
            elif not isinstance(box, list):
                row.append(
                    given_summary(
                        box.min, box.q1, box.median, box.q3, box.max, box.outliers or (), box.mean
                    )
                )
            else:
                row.append(summary(box))
        found.append(row)
    return found


def value_limits(summaries: list[list[BoxSummary | None]]) -> tuple[float, float]:
    """The data range the value axis shows: the boxes' min to max, as the plugins' scales
    take it (outliers given beyond min and max are not in it)."""
    boxes = [box for row in summaries for box in row if box is not None]
    return min(box.min for box in boxes), max(box.max for box in boxes)
