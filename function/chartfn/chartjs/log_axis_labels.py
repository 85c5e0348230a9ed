"""Chart.js 4's labels on a horizontal logarithmic axis (a horizontal bar chart's value axis, a
scatter chart's x): its ticks run 1, 2, … 9 per decade with labels on a few of them
(``tick_labels.log_label_v4``); Chart.js 4 turns the labels (``_calculateLabelRotation``: up
to ``ticks.maxRotation``, 50°, when the widest label and 6 px do not fit between two ticks)
and thins the ticks from its major ones, the powers of ten (``autoSkip`` with
``ticks.major.enabled``, the logarithmic scale's default): every spacing-th tick from each
major, the spacing from the room one turned label takes (``_tickSize`` with
``ticks.autoSkipPadding``, 3 px), so the labels shown are 1, 3, 10, 20, 100 … rather than
every n-th tick. A port of Chart.js 4.4's ``core.scale.autoskip.js``; label widths in Arial's
advances (``time_axis.label_width``). Not ported: the rotation's bound from the height the
axis may take, which binds only above about 60° for the short labels of a log axis.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from chartfn.chartjs.time_axis import label_width

__all__ = ["SkippedTicks", "auto_skip", "label_rotation", "log_axis_ticks_v4", "tick_size"]


@dataclass(frozen=True)
class SkippedTicks:
    kept: tuple[int, ...]  # indexes of the ticks Chart.js keeps, in order
    rotation: float  # degrees the labels are turned by (0: flat)


def log_axis_ticks_v4(
    values: Sequence[float],
    labels: Sequence[str | None],
    ticks_options: Mapping[str, Any],
    length: float,
    font_px: float,
    line_px: float,
) -> SkippedTicks:
    """The ticks a horizontal log axis ``length`` CSS px long keeps, and its labels' angle;
    ``line_px`` is a label's line height."""
    count = len(values)
    widest = max((label_width(label, font_px) for label in labels if label), default=0.0)
    rotation = label_rotation(ticks_options, count, widest, line_px, length)
    if ticks_options.get("autoSkip") is False or ticks_options.get("display") is False:
        return SkippedTicks(tuple(range(count)), rotation)
    padding = _number(ticks_options.get("autoSkipPadding"), 3.0)
    size = tick_size(rotation, widest + padding, line_px + padding)
    limit = math.floor(length / size + 1) if size > 0 else count
    most = _number(ticks_options.get("maxTicksLimit"), 0.0)
    if most > 0:
        limit = min(limit, int(most))
    major = ticks_options.get("major")
    majors_on = not (isinstance(major, Mapping) and major.get("enabled") is False)
    majors = [i for i, v in enumerate(values) if majors_on and _is_major(v)]
    return SkippedTicks(tuple(auto_skip(count, majors, max(limit, 1))), rotation)


def _number(value: Any, default: float) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    return default


def _is_major(value: float) -> bool:
    """``isMajor``: a power of ten."""
    if not value > 0:
        return False
    return value / math.pow(10, math.floor(math.log10(value))) == 1


def label_rotation(
    options: Mapping[str, Any], count: int, widest: float, line_px: float, length: float
) -> float:
    """``_calculateLabelRotation``, degrees (the axis spans ``length``; no offset)."""
    low = _number(options.get("minRotation"), 0.0)
    high = _number(options.get("maxRotation"), 50.0)
    if options.get("display") is False or low >= high or count <= 1:
        return low
    tick_width = length / (count - 1)
    if widest + 6 <= tick_width:
        return low
    # JavaScript's x / 0 is Infinity, limited to 1: an axis with no room turns them 90°
    ratio = (line_px + 6) / tick_width if tick_width > 0 else 1.0
    turned = math.degrees(math.asin(min(max(ratio, -1.0), 1.0)))
    return max(low, min(high, turned))


def tick_size(rotation: float, width: float, height: float) -> float:
    """``_tickSize`` of a horizontal axis: the room one label takes along it."""
    turn = math.radians(rotation)
    cos, sin = abs(math.cos(turn)), abs(math.sin(turn))
    if height * cos > width * sin:
        return width / cos
    return height / sin


def _js_round(value: float) -> int:
    return math.floor(value + 0.5)


def auto_skip(count: int, majors: list[int], limit: float) -> list[int]:
    """``autoSkip``: the indexes kept of ``count`` ticks, ``majors`` the major ones."""
    kept: list[int] = []
    if len(majors) > limit:  # ``skipMajors``: every ceil(n/limit)-th major only
        step = math.ceil(len(majors) / limit)
        return majors[::step]
    spacing = _spacing(majors, count, limit)
    if not majors:
        _skip(count, kept, spacing, 0, None)
        return kept
    first, last = majors[0], majors[-1]
    average = _js_round((last - first) / (len(majors) - 1)) if len(majors) > 1 else None
    _skip(count, kept, spacing, 0 if average is None else first - average, first)
    for start, end in itertools.pairwise(majors):
        _skip(count, kept, spacing, start, end)
    _skip(count, kept, spacing, last, count if average is None else last + average)
    return kept


def _spacing(majors: list[int], count: int, limit: int) -> float:
    """``calculateSpacing``: a factor of the majors' even spacing above count/limit, if any."""
    spacing = count / limit
    # ``getEvenSpacing`` compares each gap with the first index itself (majors at g, 2g, …)
    even = majors[0] if len(majors) >= 2 else 0
    if not even or any(b - a != even for a, b in itertools.pairwise(majors)):
        return max(spacing, 1.0)
    # ``_factorize`` leaves the number itself out, and the loop its largest factor too
    factors = [f for f in range(1, even) if even % f == 0]
    for factor in factors[:-1]:
        if factor > spacing:
            return float(factor)
    return max(spacing, 1.0)


def _skip(count: int, kept: list[int], spacing: float, start: int, end: int | None) -> None:
    """``skip``: from ``start`` (may be negative) to ``end``, every ``spacing``-th tick."""
    stop = min(count if end is None else end, count)
    spacing = math.ceil(spacing)
    if end:  # Chart.js tests the end's truthiness (an end at index 0 is no end)
        length = end - start
        parts = math.floor(length / spacing)
        if parts < 1:  # JavaScript's length / 0: only the start is ever reached
            if start >= 0 and start < stop:
                kept.append(start)
            return
        spacing = length / parts
    step = 0
    following = start
    while following < 0:
        step += 1
        following = _js_round(start + step * spacing)
    for index in range(max(start, 0), stop):
        if index == following:
            kept.append(index)
            step += 1
            following = _js_round(start + step * spacing)
