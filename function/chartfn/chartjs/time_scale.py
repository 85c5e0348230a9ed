"""A time axis as each Chart.js version builds it, around ``chartjs.time_axis`` (Chart.js
2.9.4's unit choice, ticks and labels): where Chart.js 4 (with chartjs-adapter-moment, which
QuickChart loads for v3/v4) differs, and the axis' ``offset``.

Chart.js 4 reads the tick step from ``ticks.stepSize`` (2.9.4: ``time.stepSize``), and widens
a one-time axis by a millisecond each way (2.9.4: upwards only). ``offset`` (default true on a
Chart.js 4 bar chart's x axis, as its bar defaults have it; false elsewhere, and in Chart.js 2,
whose time scale defaults replace the bar chart's when a config sets the type) moves the axis' ends
out by half the first and last tick gaps: Chart.js 2.9.4 from the ticks it keeps, Chart.js 4
from the ticks it generated (including the one before the data) and at most a quarter of the
axis at each end (half with fewer than three ticks). The axis spans ``data.labels``' times as
well as the data's. ``ticks.source: 'labels'`` puts the ticks at the labels' times, ``'data'``
at the data's (Chart.js 4: each generated tick moved to the next data time), labelled in the
unit Chart.js formats them in. A ``time.displayFormats`` entry with a
moment token that ``time_axis.format_time`` does not write is a ``TimeError`` at its path (for
v3/v4 too: QuickChart's adapter is moment's). Pinned against the real Chart.js by
``tests/unit/test_chartjs_time_ticks.py`` (``benchmarks/fidelity/time_ticks.mjs``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from typing import Any

from chartfn.chartjs.category_labels import category_labels
from chartfn.chartjs.time_axis import (
    _INTERVALS,
    DISPLAY_FORMATS,
    MAX_TIME_TICKS,
    UNITS,
    TimeError,
    _utc,
    add,
    format_time,
    parse_time,
    time_provider,
)
from chartfn.models.axis_ticks import AxisTicks, TickProvider

__all__ = ["time_scale_provider"]


# Every moment format token (longest first), and the ones ``time_axis.format_time`` writes
_MOMENT_TOKEN = re.compile(
    r"\[[^\]]*\]|Mo|MMMM|MMM|MM|M|Qo|Q|DDDo|DDDD|DDD|Do|DD|D|do|dddd|ddd|dd|d|e|E|wo|ww|w|Wo|WW"
    r"|W|YYYYYY|YYYY|YY|Y|gggg|gg|GGGG|GG|A|a|HH|H|hh|h|kk|k|mm|m|ss|s|S+|zz|z|ZZ|Z|X|x|LTS|LT"
    r"|LLLL|LLL|LL|L|llll|lll|ll|l|N+"
)
_FORMATTED = frozenset(
    {"YYYY", "YY", "Q", "MMMM", "MMM", "MM", "M", "Do", "DD", "D", "dddd", "ddd", "HH", "H",
     "hh", "h", "mm", "m", "ss", "s", "SSS", "A", "a", "ll", "LL"}
)  # fmt: skip


def check_display_formats(options: Mapping[str, Any]) -> None:
    """A ``time.displayFormats`` entry with a moment token chartfn does not write is refused
    (moment would write something there that chartfn cannot): ``TimeError`` at its path."""
    time = options.get("time")
    formats = time.get("displayFormats") if isinstance(time, Mapping) else None
    if not isinstance(formats, Mapping):
        return
    for unit, pattern in formats.items():
        if unit not in UNITS or not isinstance(pattern, str):
            continue
        for match in _MOMENT_TOKEN.finditer(pattern[:200]):
            token = match.group(0)
            if not token.startswith("[") and token not in _FORMATTED:
                raise TimeError(
                    f"time.displayFormats.{unit}",
                    f"{token!r} in {pattern[:40]!r} is a moment token chartfn does not write "
                    f"(it writes {', '.join(sorted(_FORMATTED))} and [literal text])",
                )


def _v4_options(options: Mapping[str, Any]) -> dict[str, Any]:
    """Chart.js 4's options in the spelling ``time_axis`` reads (2.9.4's ``time.stepSize``)."""
    time = dict(options["time"]) if isinstance(options.get("time"), Mapping) else {}
    ticks = options.get("ticks")
    step = ticks.get("stepSize") if isinstance(ticks, Mapping) else None
    time.pop("stepSize", None)
    time.pop("unitStepSize", None)
    if step is not None:
        time["stepSize"] = step
    return {**options, "time": time}


def _offsets(times: Sequence[float], low: float, high: float, version: int) -> tuple[float, float]:
    """computeOffsets (2.9.4) / initOffsets (4): the share of the axis added at each end."""
    span = high - low
    if not times or span <= 0:
        return 0.0, 0.0
    positions = [(t - low) / span for t in times]
    if len(positions) == 1:
        start, end = 1 - positions[0], positions[0]
    else:
        start = (positions[1] - positions[0]) / 2
        end = (positions[-1] - positions[-2]) / 2
    if version >= 3:
        limit = 0.5 if len(positions) < 3 else 0.25
        start, end = min(max(start, 0.0), limit), min(max(end, 0.0), limit)
    return start, end


def _generated(every: Sequence[float], high: float, bounds: Any) -> list[float]:
    """Chart.js 4's ``_generate``: the ticks from the one at or before the data's start while
    before its end, and the next one when it is the end, bounds are 'ticks' or it made one."""
    ticks = [float(v) for v in every]
    if len(ticks) < 2:
        return ticks
    before_end, last = ticks[:-1], ticks[-1]
    if last == high or bounds == "ticks" or len(before_end) == 1:
        return ticks
    return before_end


def _diff(high: float, low: float, unit: str) -> int:
    """moment's ``diff(high, low, unit)``: whole units, months by their calendar lengths."""
    if unit not in ("month", "quarter", "year"):
        return int((high - low) / _INTERVALS[unit][1])
    a, b = _utc(low), _utc(high)
    whole = (b.year - a.year) * 12 + (b.month - a.month)
    anchor = add(low, whole, "month")
    if high < anchor:
        adjust = (high - anchor) / (anchor - add(low, whole - 1, "month"))
    else:
        adjust = (high - anchor) / (add(low, whole + 1, "month") - anchor)
    months = whole + adjust
    return int(months / {"month": 1, "quarter": 3, "year": 12}[unit])


def _formatting_unit(count: int, min_unit: str, low: float, high: float) -> str:
    """determineUnitForFormatting (2.9.4, with ``ticks.autoSkip`` off, its time default): the
    largest common unit the axis spans at least ``count - 1`` of."""
    for unit in reversed(UNITS[UNITS.index(min_unit) :]):
        if _INTERVALS[unit][0] and _diff(high, low, unit) >= count - 1:
            return unit
    return min_unit


def _v2_labels(options: Mapping[str, Any], base: TickProvider) -> TickProvider:
    """Chart.js 2.9.4 labels its ticks in the formatting unit, which may be coarser than the
    unit it generated them in (a single day tick over a few hours reads "2020")."""
    time = options.get("time") if isinstance(options.get("time"), Mapping) else {}
    ticks_options = options.get("ticks") if isinstance(options.get("ticks"), Mapping) else {}
    assert isinstance(time, Mapping)
    assert isinstance(ticks_options, Mapping)
    if time.get("unit") in UNITS or ticks_options.get("autoSkip") is True:
        return base
    min_unit = time.get("minUnit") if time.get("minUnit") in UNITS else "millisecond"
    formats = dict(DISPLAY_FORMATS)
    given = time.get("displayFormats")
    if isinstance(given, Mapping):
        formats.update({k: v for k, v in given.items() if k in UNITS and isinstance(v, str)})

    def ticks_for_length(length_px: float) -> AxisTicks:
        ticks = base(length_px)
        unit = _formatting_unit(len(ticks.values), min_unit, float(ticks.low), float(ticks.high))
        # a label time_axis left out (thinned as 2.9.4's autoSkip does) stays out
        labels = [
            None if label is None else format_time(v, formats[unit])
            for v, label in zip(ticks.values, ticks.labels, strict=True)
        ]
        return ticks._replace(labels=labels)

    return ticks_for_length


def _formats(options: Mapping[str, Any]) -> dict[str, str]:
    time = options.get("time")
    given = time.get("displayFormats") if isinstance(time, Mapping) else None
    formats = dict(DISPLAY_FORMATS)
    if isinstance(given, Mapping):
        formats.update({k: v for k, v in given.items() if k in UNITS and isinstance(v, str)})
    return formats


def _unit_probe(
    given: Mapping[str, Any], version: int, chosen: Sequence[float], device_pixel_ratio: float
) -> TickProvider:
    """``time_axis``'s ticks with every tick generated (bounds 'ticks'), each labelled with the
    name of the unit it chose (a millisecond tick keeps its own label): Chart.js's auto unit
    without reaching into ``time_axis``."""
    time = dict(given["time"]) if isinstance(given.get("time"), Mapping) else {}
    # the millisecond format stays: time_axis measures its example label for the capacity
    time["displayFormats"] = {
        unit: _formats(given)[unit] if unit == "millisecond" else f"[{unit}]" for unit in UNITS
    }
    return time_provider({**given, "time": time, "bounds": "ticks"}, version, chosen,
                         device_pixel_ratio)  # fmt: skip


def _snapped(generated: Sequence[float], data: Sequence[float]) -> list[float]:
    """Chart.js 4's ``addTick`` with ``ticks.source: 'data'``: each generated tick moved to the
    first data time at or after it (the last one past the end)."""
    if not data:
        return []
    snapped = {data[min(bisect.bisect_left(data, t), len(data) - 1)] for t in generated}
    return sorted(snapped)


def _sourced(
    options: Mapping[str, Any],
    version: int,
    source: str,
    data_times: list[float],
    label_times: list[float],
    data_bounds: TickProvider,
    probe: TickProvider,
) -> Any:
    """Ticks at the labels' or the data's times (``ticks.source``), labelled in the unit
    Chart.js formats them in; with the times its offset is computed from."""
    time = options.get("time") if isinstance(options.get("time"), Mapping) else {}
    ticks_options = options.get("ticks") if isinstance(options.get("ticks"), Mapping) else {}
    assert isinstance(time, Mapping)
    assert isinstance(ticks_options, Mapping)
    unit_option = time.get("unit") if time.get("unit") in UNITS else None
    min_unit = time.get("minUnit") if time.get("minUnit") in UNITS else "millisecond"
    formats = _formats(options)
    bounds = options.get("bounds")

    def build(length_px: float) -> tuple[AxisTicks, list[float]]:
        ends = data_bounds(length_px)
        low, high = float(ends.low), float(ends.high)
        probed = probe(length_px)
        auto = str(probed.labels[0]) if probed.labels else "millisecond"
        auto = auto if auto in UNITS else "millisecond"
        if source == "labels":
            stamps = label_times
        elif version >= 3:
            stamps = _snapped(_generated(probed.values, high, bounds), data_times)
        else:
            stamps = sorted(set(data_times) | set(label_times))
        if bounds == "ticks" and stamps:
            low, high = stamps[0], stamps[-1]
        kept = [t for t in stamps if low <= t <= high][:MAX_TIME_TICKS]
        if unit_option is not None:
            unit = unit_option
        elif version >= 3 or ticks_options.get("autoSkip") is True:
            unit = auto
        else:
            unit = _formatting_unit(len(kept), min_unit, low, high)
        labels = [format_time(t, formats[unit]) for t in kept]
        ticks = AxisTicks(values=kept, labels=labels, low=low, high=max(high, low + 1))
        return ticks, (stamps if version >= 3 else kept)

    return build


def label_times(options: Mapping[str, Any], labels: Sequence[Any]) -> list[float]:
    """``data.labels``' times, read with the axis' ``time.parser`` (the translation has
    refused a label that is no date already; null labels have none)."""
    time = options.get("time")
    parser = time.get("parser") if isinstance(time, Mapping) else None
    found = []
    for index, label in enumerate(labels):
        try:
            ms = parse_time(
                label, f"data.labels[{index}]", parser if isinstance(parser, str) else None
            )
        except TimeError:
            continue
        if ms is not None:
            found.append(ms)
    return found


def time_scale_provider(
    options: Mapping[str, Any],
    version: int,
    times: Sequence[float],
    device_pixel_ratio: float,
    *,
    bar_axis: bool = False,
    label_times: Sequence[float] = (),
) -> TickProvider:
    """Ticks for a horizontal time axis with ``options`` (the scale's) over ``times`` (ms, the
    data's) and ``label_times`` (``data.labels``' times, which the axis spans too)."""
    check_display_formats(options)
    given = _v4_options(options) if version >= 3 else options
    labels = sorted(set(label_times))
    chosen = list(times) + labels
    if version >= 3 and chosen and min(chosen) == max(chosen):
        chosen = [chosen[0] - 1, chosen[0] + 1]  # Chart.js 4: min(min, max - 1), max(min + 1, max)
    base = time_provider(given, version, chosen, device_pixel_ratio)
    if version < 3:
        base = _v2_labels(options, base)
    # every tick generated, the one past the data's end too, labelled with its unit's name
    probe = _unit_probe(given, version, chosen, device_pixel_ratio)
    ticks_options = options.get("ticks")
    source = ticks_options.get("source") if isinstance(ticks_options, Mapping) else None
    sourced = None
    if source in ("data", "labels"):
        data = sorted(set(times))
        sourced = _sourced(options, version, str(source), data, labels, base, probe)
    offset = options.get("offset")
    # Chart.js 2 gives an axis whose type the config changes that type's defaults (no
    # offset for time); Chart.js 4 keeps the bar chart's offset on its x axis whatever the type
    offset = offset if isinstance(offset, bool) else bar_axis and version >= 3
    given_ticks = given.get("ticks")
    turning = given_ticks if isinstance(given_ticks, Mapping) else {}

    def ticks_for_length(length_px: float) -> AxisTicks:
        if sourced is not None:
            ticks, stamps = sourced(length_px)
        else:
            ticks = base(length_px)
            stamps = [float(v) for v in ticks.values]
            if version >= 3:
                stamps = _generated(probe(length_px).values, ticks.high, options.get("bounds"))
        if version >= 3:
            ticks = _turned_v4(ticks, turning, length_px / device_pixel_ratio, bool(offset))
        if not offset:
            return ticks
        low, high = float(ticks.low), float(ticks.high)
        start, end = _offsets(stamps, low, high, version)
        span = high - low
        return ticks._replace(low=low - start * span, high=high + end * span)

    return ticks_for_length


def _turned_v4(
    ticks: AxisTicks, options: Mapping[str, Any], length: float, offset: bool
) -> AxisTicks:
    """Chart.js 4's labels on a time axis turned and thinned as a category axis' are
    (``category_labels``: ``_calculateLabelRotation`` and ``autoSkip``, no major ticks)."""
    texts = [label or "" for label in ticks.labels]
    font = options.get("font")
    size = font.get("size") if isinstance(font, Mapping) else None
    font_px = float(size) if isinstance(size, int | float) and size > 0 else 12.0
    found = category_labels(texts, options, 4, length, font_px, font_px * 1.2, offset=offset)
    if found.rotation == 0 and len(found.kept) == len(texts):
        return ticks
    kept = set(found.kept)
    return ticks._replace(
        labels=[label if i in kept else None for i, label in enumerate(ticks.labels)],
        auto_skip=False,
        upright=found.rotation > 0,
        angle=found.rotation,
        turned_drop=0.5,  # Chart.js 4 puts a turned line's middle half a line lower
    )
