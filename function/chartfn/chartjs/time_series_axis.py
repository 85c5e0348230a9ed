"""Chart.js's evenly spaced time axes: v3+ ``type: 'timeseries'`` and v2 ``distribution:
'series'``. Each data time gets an equal share of the axis, in order (a lookup table of times
and positions, ``buildLookupTable``; times between two table entries are interpolated, those
outside extrapolated along the first or last stretch as Chart.js 4 or 2.9.4 does).

The engine draws numeric axes linearly, so such an axis is drawn in position space: the data's
x become positions (0 … 1 between the axis' min and max) and the provider's ticks are
positions labelled with their times. Chart.js 4's timeseries ticks are the data times and
the axis' ends, labelled in its auto unit; Chart.js 2's are the data's times (``ticks.source:
'data'``) unless the config names a source. ``offset`` as on a time axis, in positions.
Pinned against the real Chart.js by ``tests/unit/test_chartjs_time_ticks.py``.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from chartfn.chartjs.time_axis import MAX_TIME_TICKS, UNITS, format_time
from chartfn.chartjs.time_scale import (
    _formats,
    _offsets,
    _unit_probe,
    _v4_options,
    time_scale_provider,
)
from chartfn.models.axis_ticks import AxisTicks, TickProvider

__all__ = ["SeriesTable", "is_series_axis", "series_axis"]


def is_series_axis(options: Mapping[str, Any], version: int) -> bool:
    if version >= 3:
        return options.get("type") == "timeseries"
    return options.get("type") == "time" and options.get("distribution") == "series"


@dataclass(frozen=True)
class SeriesTable:
    """Times and their positions on the axis (0 at its min, 1 at its max, for the data)."""

    times: tuple[float, ...]
    positions: tuple[float, ...]
    version: int

    def position(self, time: float) -> float:
        times, positions = self.times, self.positions
        if self.version >= 3 and times[0] <= time <= times[-1]:
            hi = min(max(bisect.bisect_left(times, time), 1), len(times) - 1)
            lo = hi - 1
        elif self.version >= 3:
            lo, hi = 0, len(times) - 1  # Chart.js 4 extrapolates along the whole table
        else:
            hi = min(max(bisect.bisect_left(times, time), 1), len(times) - 1)
            lo = hi - 1  # Chart.js 2: along the first or last stretch
        span = times[hi] - times[lo]
        if not span:
            return positions[lo]
        return positions[lo] + (positions[hi] - positions[lo]) * (time - times[lo]) / span


def _table(stamps: Sequence[float], low: float, high: float, version: int) -> SeriesTable:
    """buildLookupTable: the times that break the axis' linearity, each at its share."""
    if version >= 3:
        items = [t for t in stamps if low <= t <= high]
        if len(items) < 2:
            return SeriesTable((low, high), (0.0, 1.0), version)
    else:
        items = [low, *(t for t in stamps if low < t < high), high]
    times: list[float] = []
    positions: list[float] = []
    last = len(items) - 1
    for index, time in enumerate(items):
        if 0 < index < last and _js_round((items[index + 1] + items[index - 1]) / 2) == time:
            continue
        times.append(time)
        positions.append(index / last if last else 0.0)
    if len(times) < 2:
        return SeriesTable((low, high), (0.0, 1.0), version)
    return SeriesTable(tuple(times), tuple(positions), version)


def _js_round(value: float) -> float:
    return float(int(value + 0.5) if value >= 0 else -int(-value + 0.5))


def series_axis(
    options: Mapping[str, Any],
    version: int,
    data_times: Sequence[float],
    label_times: Sequence[float],
    device_pixel_ratio: float,
    *,
    bar_axis: bool = False,
) -> tuple[SeriesTable, TickProvider]:
    """The axis' table (to place the data) and its ticks in positions."""
    linear: dict[str, Any] = {**options, "type": "time", "offset": False, "distribution": "linear"}
    ticks_options = options.get("ticks") if isinstance(options.get("ticks"), Mapping) else {}
    assert isinstance(ticks_options, Mapping)
    if version < 3 and ticks_options.get("source") not in ("data", "labels"):
        # Chart.js 2.9.4 ticks a series axis at the data's times unless told otherwise
        linear["ticks"] = {**ticks_options, "source": "data"}
    inner = time_scale_provider(
        linear, version, data_times, device_pixel_ratio, label_times=label_times
    )
    ends = inner(1000.0)
    low, high = float(ends.low), float(ends.high)
    data = sorted(set(data_times))
    # Chart.js 4's _generate adds the axis' ends to its cached data times, which the table and
    # the offsets then read as data too
    everything = sorted(set(data_times) | set(label_times) | {low, high})
    table = _table(everything if version >= 3 else data, low, high, version)
    given = _v4_options(options) if version >= 3 else options
    probe = _unit_probe(given, version, [*data_times, *label_times], device_pixel_ratio)
    time = options.get("time") if isinstance(options.get("time"), Mapping) else {}
    assert isinstance(time, Mapping)
    unit_option = time.get("unit") if time.get("unit") in UNITS else None
    formats = _formats(options)
    offset = options.get("offset")
    offset = offset if isinstance(offset, bool) else bar_axis and version >= 3
    low_at, high_at = table.position(low), table.position(high)

    def ticks_for_length(length_px: float) -> AxisTicks:
        if version >= 3:
            stamps = sorted({*data, low, high})
            kept = [t for t in stamps if low <= t <= high][:MAX_TIME_TICKS]
            probed = probe(length_px).labels
            auto = str(probed[0]) if probed and probed[0] in UNITS else "millisecond"
            unit = unit_option or auto
            labels: list[str | None] = [format_time(t, formats[unit]) for t in kept]
        else:
            ticks = inner(length_px)
            kept, labels = [float(v) for v in ticks.values], list(ticks.labels)
        positions = [table.position(t) for t in kept]
        start = end = 0.0
        if offset:
            source = [table.position(t) for t in everything] if version >= 3 else positions
            start, end = _offsets(source, low_at, high_at, version)
        span = high_at - low_at
        return AxisTicks(
            values=positions,
            labels=labels,
            low=low_at - start * span,
            high=high_at + end * span,
        )

    return table, ticks_for_length
