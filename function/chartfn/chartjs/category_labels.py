"""Chart.js's labels on a horizontal category axis (a line chart's ``data.labels``, a bar
chart's categories in the middle of their slots, Chart.js's ``offset``): both
versions turn them when the widest label and 6 px do not fit between two ticks
(2.9.4 ``calculateTickRotation``, 4 ``_calculateLabelRotation``: the angle whose sine is a
line and 6 px over the tick width, between ``ticks.minRotation`` and ``ticks.maxRotation``,
50° by default) and then keep every spacing-th label from the first (``_autoSkip`` /
``autoSkip``, unless ``ticks.autoSkip`` is false), the spacing from the room one turned label
takes along the axis. The rules are ``log_axis_labels``'; what differs by version is the
skip padding (2: ``autoSkipPadding`` 0, 4: 3 px) and the tick limit (2: ``maxTicksLimit`` or
length / room + 1; 4: the smaller of ``maxTicksLimit`` and floor(length / room + 1)).

Both measure the tick width for the angle on the axis' length or the canvas' width less the
widest label, whichever is less (that binds for long labels: 800 px wide, "September 2020"
turns them 41.3°, not the 40.0° of the axis' 730 px). Not ported: the bound from the axis'
height, which binds only for labels longer than about a third of the canvas."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from chartfn.chartjs.log_axis_labels import SkippedTicks, auto_skip, label_rotation, tick_size
from chartfn.chartjs.time_axis import label_width

__all__ = ["category_labels"]


def category_labels(
    labels: Sequence[str],
    ticks_options: Mapping[str, Any],
    version: int,
    length: float,
    font_px: float,
    line_px: float,
    canvas_width: float | None = None,
    offset: bool = False,
) -> SkippedTicks:
    """The labels a category x axis ``length`` CSS px long keeps (indexes into ``labels``)
    and their angle in degrees; ``line_px`` is a label's line height, ``canvas_width`` the
    chart's width in CSS px (None: unknown, the axis' length alone); ``offset``: the labels
    stand in the middle of their slots (a bar chart's axis, Chart.js's ``offset: true``)."""
    count = len(labels)
    widest = max((label_width(label, font_px) for label in labels if label), default=0.0)
    spread = length if canvas_width is None else max(0.0, min(length, canvas_width - widest))
    if offset:
        rotation = _offset_rotation(ticks_options, count, widest, line_px, length, spread)
    else:
        rotation = label_rotation(ticks_options, count, widest, line_px, spread)
    if ticks_options.get("autoSkip") is False or ticks_options.get("display") is False:
        return SkippedTicks(tuple(range(count)), rotation)
    padding = _number(ticks_options.get("autoSkipPadding"), 0.0 if version == 2 else 3.0)
    size = tick_size(rotation, widest + padding, line_px + padding)
    room = length / size + 1 if size > 0 else float(count)
    most = _number(ticks_options.get("maxTicksLimit"), 0.0)
    if version == 2:
        limit = most if most > 0 else room
    else:
        limit = math.floor(room - 1 if offset else room)  # determineMaxTicks
        limit = min(limit, math.floor(most)) if most > 0 else limit
    return SkippedTicks(tuple(auto_skip(count, [], max(limit, 1))), rotation)


def _number(value: Any, default: float) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    return default


def _offset_rotation(
    options: Mapping[str, Any],
    count: int,
    widest: float,
    line_px: float,
    length: float,
    spread: float,
) -> float:
    """The rotation of labels in the middle of their slots: fitting is tried on a slot of the
    axis' length, the angle taken from ``spread`` over count - ½ slots."""
    low = _number(options.get("minRotation"), 0.0)
    high = _number(options.get("maxRotation"), 50.0)
    if options.get("display") is False or low >= high or count <= 1:
        return low
    if widest + 6 <= length / count:
        return low
    tick_width = spread / (count - 0.5)
    # JavaScript's x / 0 is Infinity, limited to 1: an axis with no room turns them 90°
    ratio = (line_px + 6) / tick_width if tick_width > 0 else 1.0
    turned = math.degrees(math.asin(min(max(ratio, -1.0), 1.0)))
    return max(low, min(high, turned))
