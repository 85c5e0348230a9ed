"""Chart.js's tick values, computed as Chart.js 2.9.4 and Chart.js 4 compute them.

Restated from Chart.js's source (``src/scales/scale.linearbase.js``, ``scale.linear.js``,
``scale.logarithmic.js``, ``scale.category.js``, ``core/core.scale.js``; v2.9.4 and v4.5/4.6),
step by step and with its float arithmetic (``chartfn.chartjs.js_numbers``), so the values are
Chart.js's to the bit: ``tests/unit/test_chartjs_ticks.py`` checks them against the real
Chart.js (``benchmarks/fidelity/ticks.mjs``).

Inputs are what a scale knows when it builds its ticks: the data range (the caller sums stacks
and skips hidden datasets, as each chart type does), the axis length in CSS pixels after
layout, the tick font, and the scale's options (``numeric_options`` reads them from a
config's scale object, v2 or v4 spelling). Output: the tick values in Chart.js's order (v2
lists a vertical numeric axis top first, and its callbacks see that order) and the axis
min/max Chart.js ends with.

One deliberate difference: at most ``MAX_TICKS`` ticks. Chart.js 4 caps ``stepSize`` at 1000
ticks; Chart.js 2 has no cap and runs out of memory on ``stepSize: 0.5`` over 1e9.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from chartfn.chartjs.js_numbers import (
    almost_equals,
    almost_whole,
    decimal_places,
    js_ceil,
    js_floor,
    js_round,
    log10,
    pow10,
    sign,
    to_string,
)

MAX_TICKS = 1000
_MIN_SPACING = 1e-14


def _js_arithmetic[F: Callable[..., Ticks]](build: F) -> F:
    """Where JavaScript divides by zero and carries on with Infinity or NaN (a data range of
    subnormal numbers, 5e-324 wide), Python raises: such a scale gets its two data ends as
    ticks instead of Chart.js's NaN ticks, never an exception."""

    @functools.wraps(build)
    def guarded(*args: Any, **kwargs: Any) -> Ticks:
        try:
            return build(*args, **kwargs)
        except (ZeroDivisionError, OverflowError, ValueError):
            low, high = (a if isinstance(a, float | int) else 0.0 for a in args[:2])
            low, high = (low if math.isfinite(low) else 0.0), (high if math.isfinite(high) else 1.0)
            return Ticks(values=(float(low), float(high)), min=float(low), max=float(high))

    return guarded  # type: ignore[return-value]


@dataclass(frozen=True)
class Axis:
    """The scale's box as Chart.js has it when it builds ticks."""

    length: float  # CSS px along the axis: the scale's width (horizontal) or height
    horizontal: bool
    font_size: float = 12.0
    line_height: float | str = 1.2  # CSS-like: 1.2 (times the size), '20px', '150%', '2em'
    min_rotation: float = 0.0  # degrees, ticks.minRotation (v4 counts it)

    @property
    def line_height_px(self) -> float:
        return to_line_height(self.line_height, self.font_size)


_LINE_HEIGHT = re.compile(r"(normal|(\d+(?:\.\d+)?)(px|em|%)?)")


def to_line_height(value: Any, size: float) -> float:
    """Chart.js's ``toLineHeight`` (both versions): a line height in px for a font size."""
    text = to_string(float(value)) if isinstance(value, int | float) else str(value)
    matched = _LINE_HEIGHT.fullmatch(text)
    if not matched or matched.group(1) == "normal":
        return size * 1.2
    number = float(matched.group(2))
    if matched.group(3) == "px":
        return number
    if matched.group(3) == "%":
        number /= 100
    return size * number


def tick_axis(scale: Mapping[str, Any], version: int, length: float, horizontal: bool) -> Axis:
    """The ``Axis`` of a scale object: its tick font (v2 ``ticks.fontSize``/``lineHeight``,
    v4 ``ticks.font.size``/``lineHeight``, 12 px and 1.2 by default) and v4's
    ``ticks.minRotation``."""
    ticks = scale.get("ticks")
    ticks = ticks if isinstance(ticks, Mapping) else {}
    if version == 2:
        size = option_number(ticks.get("fontSize"))
        line_height = ticks.get("lineHeight", 1.2)
        rotation = 0.0
    else:
        font = ticks.get("font")
        font = font if isinstance(font, Mapping) else {}
        raw = font.get("size")
        size = float(_parse_int(raw)) if isinstance(raw, str) else option_number(raw)
        line_height = font.get("lineHeight", 1.2)
        rotation = option_number(ticks.get("minRotation")) or 0.0
    if line_height is None or isinstance(line_height, bool):
        line_height = 1.2
    return Axis(
        length=length,
        horizontal=horizontal,
        font_size=size if size is not None and math.isfinite(size) else 12.0,
        line_height=line_height if isinstance(line_height, int | float | str) else 1.2,
        min_rotation=rotation,
    )


def _parse_int(text: str) -> float:
    matched = re.match(r"\s*([+-]?\d+)", text)
    return float(matched.group(1)) if matched else math.nan


@dataclass(frozen=True)
class NumericOptions:
    """A linear or logarithmic scale's options (None: not set)."""

    min: float | None = None
    max: float | None = None
    suggested_min: float | None = None
    suggested_max: float | None = None
    begin_at_zero: bool = False
    step_size: float | None = None
    fixed_step_size: float | None = None  # v2: the generator's unit, not its tick limit
    precision: float | None = None
    max_ticks_limit: float | None = None
    count: float | None = None  # v4 ticks.count
    grace: float | str | None = None  # v4: a number, or '10%' of the range
    bounds: str = "ticks"  # v4: 'ticks' widens the axis to the ticks, 'data' does not
    include_bounds: bool = True  # v4 ticks.includeBounds
    reverse: bool = False


@dataclass(frozen=True)
class Ticks:
    """A scale's ticks: values in Chart.js's order, and its min and max after building them."""

    values: tuple[Any, ...]
    min: float
    max: float
    # v4 logarithmic ticks carry the significand its label formatter reads
    significands: tuple[float, ...] | None = None
    # a category scale's labels (Chart.js 4 adds a min/max option that names no label)
    labels: tuple[Any, ...] | None = None


# --- reading options ---------------------------------------------------------------------------


def option_number(value: Any) -> float | None:
    """A config value as Chart.js reads a number option (``+raw``): None if not finite."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip()) if value.strip() else 0.0
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


def numeric_options(scale: Mapping[str, Any], version: int) -> NumericOptions:
    """A scale object's options as Chart.js ``version`` (2 or 4; 3 reads as 4) reads them:
    v2 keeps bounds under ``ticks``, v4 on the scale itself."""
    ticks = scale.get("ticks")
    ticks = ticks if isinstance(ticks, Mapping) else {}
    if version == 2:
        return NumericOptions(
            min=option_number(ticks.get("min")),
            max=option_number(ticks.get("max")),
            suggested_min=option_number(ticks.get("suggestedMin")),
            suggested_max=option_number(ticks.get("suggestedMax")),
            begin_at_zero=bool(ticks.get("beginAtZero")),
            step_size=option_number(ticks.get("stepSize")),
            fixed_step_size=option_number(ticks.get("fixedStepSize")),
            precision=option_number(ticks.get("precision")),
            max_ticks_limit=option_number(ticks.get("maxTicksLimit")),
            reverse=bool(ticks.get("reverse")),
        )
    grace = scale.get("grace")
    return NumericOptions(
        min=option_number(scale.get("min")),
        max=option_number(scale.get("max")),
        suggested_min=option_number(scale.get("suggestedMin")),
        suggested_max=option_number(scale.get("suggestedMax")),
        begin_at_zero=bool(scale.get("beginAtZero")),
        step_size=option_number(ticks.get("stepSize")),
        precision=option_number(ticks.get("precision")),
        max_ticks_limit=option_number(ticks.get("maxTicksLimit")),
        count=option_number(ticks.get("count")),
        grace=grace if isinstance(grace, str) else option_number(grace),
        bounds="data" if scale.get("bounds") == "data" else "ticks",
        include_bounds=ticks.get("includeBounds") is not False,
        reverse=bool(scale.get("reverse")),
    )


# --- linear, Chart.js 2.9.4 --------------------------------------------------------------------


@_js_arithmetic
def linear_ticks_v2(
    data_min: float | None, data_max: float | None, options: NumericOptions, axis: Axis
) -> Ticks:
    """Chart.js 2.9.4's linear scale: determineDataLimits, handleTickRangeOptions, buildTicks."""
    low = data_min if data_min is not None else 0.0
    high = data_max if data_max is not None else 1.0
    if options.begin_at_zero:
        if sign(low) < 0 and sign(high) < 0:
            high = 0.0
        elif sign(low) > 0 and sign(high) > 0:
            low = 0.0
    set_min = options.min is not None or options.suggested_min is not None
    set_max = options.max is not None or options.suggested_max is not None
    if options.min is not None:
        low = options.min
    elif options.suggested_min is not None:
        low = min(low, options.suggested_min)
    if options.max is not None:
        high = options.max
    elif options.suggested_max is not None:
        high = max(high, options.suggested_max)
    if set_min != set_max and low >= high:
        if set_min:
            high = low + 1
        else:
            low = high - 1
    if low == high:
        high += 1
        if not options.begin_at_zero:
            low -= 1

    # getTickLimit reads ticks.stepSize; the generator reads fixedStepSize first
    step = options.step_size
    if step:
        max_ticks = js_ceil(high / step) - js_floor(low / step) + 1
        limit = options.max_ticks_limit
    else:
        if axis.horizontal:
            max_ticks = js_ceil(axis.length / 40)
        else:
            max_ticks = js_ceil(axis.length / axis.line_height_px)
        limit = options.max_ticks_limit or 11
    if limit:
        max_ticks = min(limit, max_ticks)
    max_ticks = min(max(2.0, max_ticks), MAX_TICKS)

    unit = options.fixed_step_size if options.fixed_step_size is not None else step
    values = _generate_linear_v2(max_ticks, options, unit, low, high)
    ordered = values if axis.horizontal else values[::-1]
    if options.reverse:
        ordered = ordered[::-1]
    return Ticks(values=tuple(ordered), min=min(values), max=max(values))


def _nice_num_v2(value: float) -> float:
    exponent = js_floor(log10(value))
    fraction = value / pow10(exponent)
    if fraction <= 1.0:
        nice = 1.0
    elif fraction <= 2:
        nice = 2.0
    elif fraction <= 5:
        nice = 5.0
    else:
        nice = 10.0
    return nice * pow10(exponent)


def _generate_linear_v2(
    max_ticks: float, options: NumericOptions, step: float | None, rmin: float, rmax: float
) -> list[float]:
    unit = step or 1
    max_spaces = max_ticks - 1
    user_min, user_max, precision = options.min, options.max, options.precision
    spacing = _nice_num_v2((rmax - rmin) / max_spaces / unit) * unit
    if spacing < _MIN_SPACING and user_min is None and user_max is None:
        return [rmin, rmax]
    spaces = js_ceil(rmax / spacing) - js_floor(rmin / spacing)
    if spaces > max_spaces:
        spacing = _nice_num_v2(spaces * spacing / max_spaces / unit) * unit
    if step or precision is None:
        factor = pow10(decimal_places(spacing) or 0)
    else:
        factor = pow10(precision)
        spacing = js_ceil(spacing * factor) / factor
    nice_min = js_floor(rmin / spacing) * spacing
    nice_max = js_ceil(rmax / spacing) * spacing
    if step:
        if user_min is not None and almost_whole(user_min / spacing, spacing / 1000):
            nice_min = user_min
        if user_max is not None and almost_whole(user_max / spacing, spacing / 1000):
            nice_max = user_max
    spaces = (nice_max - nice_min) / spacing
    if almost_equals(spaces, js_round(spaces), spacing / 1000):
        spaces = js_round(spaces)
    else:
        spaces = js_ceil(spaces)
    nice_min = js_round(nice_min * factor) / factor
    nice_max = js_round(nice_max * factor) / factor
    values = [nice_min if user_min is None else user_min]
    j = 1
    while j < spaces and j < MAX_TICKS - 1:
        values.append(js_round((nice_min + j * spacing) * factor) / factor)
        j += 1
    values.append(nice_max if user_max is None else user_max)
    return values


# --- linear, Chart.js 4 ------------------------------------------------------------------------


def _grace(
    low: float, high: float, grace: float | str | None, begin_at_zero: bool
) -> tuple[float, float]:
    if grace is None:
        return low, high
    if isinstance(grace, str):
        text = grace.strip()
        if text.endswith("%"):
            change = _parse_float(text) / 100 * ((high - low) / 2)
        else:
            change = option_number(text) if option_number(text) is not None else math.nan
    else:
        change = grace

    def keep_zero(value: float, add: float) -> float:
        return 0.0 if begin_at_zero and value == 0 else value + add

    return keep_zero(low, -abs(change)), keep_zero(high, change)


def _parse_float(text: str) -> float:
    """JS parseFloat: the longest number at the start of the text, NaN if none."""
    best = math.nan
    for end in range(1, len(text) + 1):
        try:
            best = float(text[:end])
        except ValueError:
            continue
    return best


def _user_bounds(options: NumericOptions) -> tuple[float, float, bool, bool]:
    user_min = options.min if options.min is not None else math.inf
    user_max = options.max if options.max is not None else -math.inf
    suggested_min = options.suggested_min if options.suggested_min is not None else math.inf
    suggested_max = options.suggested_max if options.suggested_max is not None else -math.inf
    return (
        user_min if math.isfinite(user_min) else suggested_min,
        user_max if math.isfinite(user_max) else suggested_max,
        options.min is not None,
        options.max is not None,
    )


def _min_max_v4(
    data_min: float | None, data_max: float | None, options: NumericOptions
) -> tuple[float, float]:
    """core.scale getMinMax: the user's bounds, else the data widened by the suggested ones."""
    low, high, min_defined, max_defined = _user_bounds(options)
    if min_defined and max_defined:
        return low, high
    if not min_defined and data_min is not None:
        low = min(low, data_min)
    if not max_defined and data_max is not None:
        high = max(high, data_max)
    low = high if max_defined and low > high else low
    high = low if min_defined and low > high else high
    low, high = (
        low if math.isfinite(low) else high if math.isfinite(high) else low,
        high if math.isfinite(high) else low if math.isfinite(low) else high,
    )
    return low, high


@_js_arithmetic
def linear_ticks_v4(
    data_min: float | None,
    data_max: float | None,
    options: NumericOptions,
    axis: Axis,
    carry: Ticks | None = None,
) -> Ticks:
    """Chart.js 4's linear scale: determineDataLimits, handleTickRangeOptions, grace,
    buildTicks. ``carry``: what the previous layout pass built, if any (Chart.js 4 computes the
    data limits once per update and each pass widens the scale's min/max to its ticks, so the
    last pass starts from the earlier ones')."""
    low, high = _min_max_v4(data_min, data_max, options)
    low = low if math.isfinite(low) else 0.0
    high = high if math.isfinite(high) else 1.0
    min_defined, max_defined = options.min is not None, options.max is not None
    if options.begin_at_zero:
        if sign(low) < 0 and sign(high) < 0:
            high = high if max_defined else 0.0
        elif sign(low) > 0 and sign(high) > 0:
            low = low if min_defined else 0.0
    if low == high:
        offset = 1.0 if high == 0 else abs(high * 0.05)
        high = high if max_defined else high + offset
        if not options.begin_at_zero:
            low = low if min_defined else low - offset
    range_min, range_max = _grace(low, high, options.grace, options.begin_at_zero)
    if carry is not None:
        low, high = carry.min, carry.max

    step = options.step_size
    limit = options.max_ticks_limit
    if step:
        max_ticks = min(js_ceil(high / step) - js_floor(low / step) + 1, 1000.0)
    else:
        ratio = _rotation_ratio(axis)
        max_ticks = js_ceil(axis.length / min(40.0, axis.line_height_px / ratio))
        limit = limit or 11
    if limit:
        max_ticks = min(limit, max_ticks)
    max_ticks = min(max(2.0, max_ticks), MAX_TICKS)

    values = _generate_linear_v4(max_ticks, options, axis, range_min, range_max)
    if options.bounds == "ticks":
        for value in values:
            if value == value:
                low = min(low, value)
                high = max(high, value)
    if options.reverse:
        values = values[::-1]
    return Ticks(values=tuple(values), min=low, max=high)


def _rotation_ratio(axis: Axis) -> float:
    rad = axis.min_rotation * (math.pi / 180)
    ratio = math.sin(rad) if axis.horizontal else math.cos(rad)
    return ratio or 0.001


def _nice_num_v4(value: float) -> float:
    rounded = js_round(value)
    value = rounded if almost_equals(value, rounded, value / 1000) else value
    nice_range = pow10(js_floor(log10(value)))
    fraction = value / nice_range
    nice = 1.0 if fraction <= 1 else 2.0 if fraction <= 2 else 5.0 if fraction <= 5 else 10.0
    return nice * nice_range


def _relative_label_size(value: float, min_spacing: float, axis: Axis) -> float:
    ratio = _rotation_ratio(axis)
    length = 0.75 * min_spacing * len(to_string(value))
    return min(min_spacing / ratio, length)


def _generate_linear_v4(
    max_ticks: float, options: NumericOptions, axis: Axis, rmin: float, rmax: float
) -> list[float]:
    step, precision, count = options.step_size, options.precision, options.count
    user_min, user_max = options.min, options.max
    min_defined, max_defined = user_min is not None, user_max is not None
    unit = step or 1
    max_spaces = max_ticks - 1
    max_digits = axis.length / axis.line_height_px
    min_spacing = (rmax - rmin) / (max_digits + 1)
    spacing = _nice_num_v4((rmax - rmin) / max_spaces / unit) * unit
    if spacing < _MIN_SPACING and not min_defined and not max_defined:
        return [rmin, rmax]
    spaces = js_ceil(rmax / spacing) - js_floor(rmin / spacing)
    if spaces > max_spaces:
        spacing = _nice_num_v4(spaces * spacing / max_spaces / unit) * unit
    if precision is not None:
        factor = pow10(precision)
        spacing = js_ceil(spacing * factor) / factor
    if options.bounds == "ticks":
        nice_min = js_floor(rmin / spacing) * spacing
        nice_max = js_ceil(rmax / spacing) * spacing
    else:
        nice_min, nice_max = rmin, rmax

    if (
        min_defined
        and max_defined
        and step
        and almost_whole((user_max - user_min) / step, spacing / 1000)  # type: ignore[operator]
    ):
        spaces = js_round(min((user_max - user_min) / spacing, max_ticks))  # type: ignore[operator]
        spacing = (user_max - user_min) / spaces  # type: ignore[operator]
        nice_min, nice_max = user_min, user_max  # type: ignore[assignment]
    elif count is not None:
        nice_min = user_min if min_defined else nice_min  # type: ignore[assignment]
        nice_max = user_max if max_defined else nice_max  # type: ignore[assignment]
        spaces = count - 1
        spacing = (nice_max - nice_min) / spaces
    else:
        spaces = (nice_max - nice_min) / spacing
        if almost_equals(spaces, js_round(spaces), spacing / 1000):
            spaces = js_round(spaces)
        else:
            spaces = js_ceil(spaces)

    places = max(decimal_places(spacing) or 0, decimal_places(nice_min) or 0)
    factor = pow10(places if precision is None else precision)
    nice_min = js_round(nice_min * factor) / factor
    nice_max = js_round(nice_max * factor) / factor

    values: list[float] = []
    j = 0
    if min_defined:
        assert user_min is not None
        if options.include_bounds and nice_min != user_min:
            values.append(user_min)
            if nice_min < user_min:
                j += 1
            next_tick = js_round((nice_min + j * spacing) * factor) / factor
            if almost_equals(
                next_tick, user_min, _relative_label_size(user_min, min_spacing, axis)
            ):
                j += 1
        elif nice_min < user_min:
            j += 1
    while j < spaces and len(values) < MAX_TICKS - 1:
        value = js_round((nice_min + j * spacing) * factor) / factor
        if max_defined and value > user_max:  # type: ignore[operator]
            break
        values.append(value)
        j += 1
    if max_defined and options.include_bounds and nice_max != user_max:
        assert user_max is not None
        if values and almost_equals(
            values[-1], user_max, _relative_label_size(user_max, min_spacing, axis)
        ):
            values[-1] = user_max
        else:
            values.append(user_max)
    elif not max_defined or nice_max == user_max:
        values.append(nice_max)
    return values


# --- logarithmic -------------------------------------------------------------------------------


def _non_negative(value: float | None) -> float | None:
    return value if value is not None and value >= 0 else None


@_js_arithmetic
def log_ticks_v2(
    positive_min: float | None,
    positive_max: float | None,
    has_zero: bool,
    options: NumericOptions,
    axis: Axis,
) -> Ticks:
    """Chart.js 2.9.4's logarithmic scale. The data range is given as its positive values'
    min and max and whether a zero was among them (negative values are ignored)."""
    low = 0.0 if has_zero else positive_min
    high = positive_max if positive_max is not None else (0.0 if has_zero else None)
    min_not_zero = positive_min
    low = _non_negative(options.min) if _non_negative(options.min) is not None else low
    high = _non_negative(options.max) if _non_negative(options.max) is not None else high
    if low == high:
        if low != 0 and low is not None:
            low = pow10(js_floor(log10(low)) - 1)
            high = pow10(js_floor(log10(high)) + 1)  # type: ignore[arg-type]
        else:
            low, high = 1.0, 10.0
    if low is None:
        low = pow10(js_floor(log10(high)) - 1)  # type: ignore[arg-type]
    if high is None:
        high = pow10(js_floor(log10(low)) + 1) if low != 0 else 10.0
    if min_not_zero is None:
        if low > 0:
            min_not_zero = low
        elif high < 1:
            min_not_zero = pow10(js_floor(log10(high)))
        else:
            min_not_zero = 1.0

    user_min, user_max = _non_negative(options.min), _non_negative(options.max)
    tick = user_min if user_min is not None else pow10(js_floor(log10(low)))
    end_exp = js_floor(log10(high))
    end_significand = js_ceil(high / pow10(end_exp))
    values: list[float] = []
    if tick == 0:
        exp = js_floor(log10(min_not_zero))
        significand = js_floor(min_not_zero / pow10(exp))
        values.append(tick)
        tick = significand * pow10(exp)
    else:
        exp = js_floor(log10(tick))
        significand = js_floor(tick / pow10(exp))
    precision = pow10(abs(exp)) if exp < 0 else 1.0
    while True:
        values.append(tick)
        significand += 1
        if significand == 10:
            significand = 1
            exp += 1
            precision = 1.0 if exp >= 0 else precision
        tick = js_round(significand * pow10(exp) * precision) / precision
        if not (exp < end_exp or (exp == end_exp and significand < end_significand)):
            break
        if len(values) >= MAX_TICKS - 1:
            break
    values.append(user_max if user_max is not None else tick)
    ordered = values if axis.horizontal else values[::-1]
    if options.reverse:
        ordered = ordered[::-1]
    return Ticks(values=tuple(ordered), min=min(values), max=max(values))


def _log10_floor(value: float) -> float:
    return js_floor(log10(value))


def _change_exponent(value: float, by: float) -> float:
    return pow10(_log10_floor(value) + by)


@_js_arithmetic
def log_ticks_v4(
    positive_min: float | None,
    positive_max: float | None,
    has_zero: bool,
    options: NumericOptions,
    axis: Axis,
    carry: Ticks | None = None,
) -> Ticks:
    """Chart.js 4's logarithmic scale (zeros and negatives are not data, as Chart.js parses
    them; a zero among the data moves the axis min down a decade). ``carry`` as for
    ``linear_ticks_v4``: here the earlier passes' min/max also move the ticks."""
    del axis  # Chart.js 4 spaces log ticks by decade, whatever the axis length
    parsed_min = options.min if options.min is not None and options.min > 0 else None
    parsed_max = options.max if options.max is not None and options.max > 0 else None
    zero = has_zero or options.min == 0 or options.max == 0 or options.begin_at_zero
    bounds = NumericOptions(
        min=parsed_min,
        max=parsed_max,
        suggested_min=options.suggested_min if (options.suggested_min or 0) > 0 else None,
        suggested_max=options.suggested_max if (options.suggested_max or 0) > 0 else None,
    )
    raw_min, raw_max = _min_max_v4(positive_min, positive_max, bounds)
    low: float | None = max(0.0, raw_min) if math.isfinite(raw_min) else None
    high: float | None = max(0.0, raw_max) if math.isfinite(raw_max) else None
    if zero and low != bounds.suggested_min and parsed_min is None:
        current = low or 0.0
        low = (
            _change_exponent(current, -1)
            if raw_min == _change_exponent(current, 0)
            else _change_exponent(current, 0)
        )
    min_defined, max_defined = parsed_min is not None, parsed_max is not None
    if low == high:
        if low is None or low <= 0:
            low = low if min_defined else 1.0
            high = high if max_defined else 10.0
        else:
            low = low if min_defined else _change_exponent(low, -1)
            high = high if max_defined else _change_exponent(high, 1)  # type: ignore[arg-type]
    if low is None or low <= 0:
        low = low if min_defined else _change_exponent(high or 0.0, -1)
    if high is None or high <= 0:
        high = high if max_defined else _change_exponent(low or 0.0, 1)
    low = low or 0.0
    high = high or 0.0
    if carry is not None:
        low, high = carry.min, carry.max

    values, significands = _generate_log_v4(low, high, parsed_min, parsed_max)
    if options.bounds == "ticks":
        for value in values:
            low = min(low, value)
            high = max(high, value)
    if options.reverse:
        values, significands = values[::-1], significands[::-1]
    return Ticks(values=tuple(values), min=low, max=high, significands=tuple(significands))


def _log_steps(low: float, high: float, range_exp: float) -> float:
    range_step = pow10(range_exp)
    return js_ceil(high / range_step) - js_floor(low / range_step)


def _start_exp(low: float, high: float) -> float:
    range_exp = _log10_floor(high - low)
    guard = 0
    while _log_steps(low, high, range_exp) > 10 and guard < 700:
        range_exp += 1
        guard += 1
    while _log_steps(low, high, range_exp) < 10 and guard < 1400:
        range_exp -= 1
        guard += 1
    return min(range_exp, _log10_floor(low))


def _generate_log_v4(
    low: float, high: float, user_min: float | None, user_max: float | None
) -> tuple[list[float], list[float]]:
    if user_min is not None:
        low = user_min
    min_exp = _log10_floor(low)
    exp = _start_exp(low, high)
    precision = pow10(abs(exp)) if exp < 0 else 1.0
    step = pow10(exp)
    base = pow10(min_exp) if min_exp > exp else 0.0
    start = js_round((low - base) * precision) / precision
    offset = js_floor((low - base) / step / 10) * step * 10
    significand = js_floor((start - offset) / pow10(exp))
    value = (
        user_min
        if user_min is not None
        else js_round((base + offset + significand * pow10(exp)) * precision) / precision
    )
    values: list[float] = []
    significands: list[float] = []
    while value < high and len(values) < MAX_TICKS - 1:
        values.append(value)
        significands.append(significand)
        if significand >= 10:
            significand = 15.0 if significand < 15 else 20.0
        else:
            significand += 1
        if significand >= 20:
            exp += 1
            significand = 2.0
            precision = 1.0 if exp >= 0 else precision
        value = js_round((base + offset + significand * pow10(exp)) * precision) / precision
    values.append(user_max if user_max is not None else value)
    significands.append(significand)
    return values, significands


# --- category ----------------------------------------------------------------------------------


def category_ticks_v2(labels: Sequence[Any], options: Mapping[str, Any]) -> Ticks:
    """Chart.js 2.9.4's category scale: the labels from ``ticks.min`` to ``ticks.max`` (each a
    label; one that names no label is ignored). Values are the labels; min/max are indexes."""
    ticks = options.get("ticks")
    ticks = ticks if isinstance(ticks, Mapping) else {}
    first, last = 0, len(labels) - 1
    for key in ("min", "max"):
        wanted = ticks.get(key)
        if wanted is None:
            continue
        found = _index_of(labels, wanted)
        if found >= 0:
            if key == "min":
                first = found
            else:
                last = found
    shown = tuple(labels[first : last + 1])
    return Ticks(values=shown, min=float(first), max=float(last), labels=tuple(labels))


def _index_of(labels: Sequence[Any], wanted: Any) -> int:
    """``Array.prototype.indexOf``: strict equality (1 is not '1', true is not 1)."""
    for i, label in enumerate(labels):
        if type(label) is type(wanted) and label == wanted:
            return i
        if _both_numbers(label, wanted) and label == wanted:
            return i
    return -1


def _both_numbers(a: Any, b: Any) -> bool:
    def number(x: Any) -> bool:
        return isinstance(x, int | float) and not isinstance(x, bool)

    return number(a) and number(b)


def category_ticks_v4(
    labels: Sequence[Any],
    options: Mapping[str, Any],
    data_min_index: float | None = None,
    data_max_index: float | None = None,
) -> Ticks:
    """Chart.js 4's category scale: indexes from ``min`` to ``max`` (a label, or an index that
    is rounded and clamped; a text naming no label is added as a new label, as Chart.js does).
    Values are indexes; ``labels`` holds the labels they index."""
    names = list(labels)
    user_min = _parse_category(names, options.get("min"))
    user_max = _parse_category(names, options.get("max"))
    min_defined = user_min is not None and math.isfinite(user_min)
    max_defined = user_max is not None and math.isfinite(user_max)
    low = user_min if min_defined else math.inf
    high = user_max if max_defined else -math.inf
    if not (min_defined and max_defined):
        if not min_defined and data_min_index is not None:
            low = min(low, data_min_index)
        if not max_defined and data_max_index is not None:
            high = max(high, data_max_index)
        low = high if max_defined and low > high else low
        high = low if min_defined and low > high else high
    if options.get("bounds", "ticks") == "ticks":
        if not min_defined:
            low = 0.0
        if not max_defined:
            high = float(len(names) - 1)
    values: list[float] = []
    value = low
    while value <= high:  # as many as the labels: the config's size bounds them
        values.append(value)
        value += 1
    return Ticks(values=tuple(values), min=low, max=high, labels=tuple(names))


def _parse_category(labels: list[Any], raw: Any) -> float | None:
    if raw is None:
        return None
    first = _index_of(labels, raw)
    if first == -1:
        if isinstance(raw, str):
            labels.append(raw)
            index: Any = len(labels) - 1
        else:
            number = option_number(raw) if not isinstance(raw, str) else None
            if number is None:
                return None
            index = number
    else:
        last = len(labels) - 1 - _index_of(labels[::-1], raw)
        index = first if first == last else option_number(raw)
        if index is None:
            return math.nan
    top = len(labels) - 1
    return float(max(0, min(js_round(float(index)), top)))


# --- one entry point ---------------------------------------------------------------------------


def scale_ticks(
    kind: str,
    version: int,
    scale: Mapping[str, Any],
    values: Sequence[Any],
    axis: Axis,
    *,
    labels: Sequence[Any] = (),
    carry: Ticks | None = None,
) -> Ticks:
    """The ticks of a ``kind`` ('linear', 'logarithmic', 'category') scale of Chart.js
    ``version`` (2; 3 and 4 as 4) with options ``scale`` (the config's scale object), over the
    data ``values`` it shows (stacks already summed; None and non-numbers are gaps). A category
    scale takes the chart's ``labels`` and reads ``values`` as the data's indexes."""
    if kind == "category":
        if version == 2:
            return category_ticks_v2(labels, scale)
        indexes = [v for v in (option_number(x) for x in values) if v is not None]
        return category_ticks_v4(
            labels, scale, min(indexes, default=None), max(indexes, default=None)
        )
    # both versions read a string as a number (`+raw`), as option_number does
    numbers = [v for v in (option_number(x) for x in values) if v is not None]
    options = numeric_options(scale, version)
    if kind == "logarithmic":
        positive = [v for v in numbers if v > 0]
        low, high = min(positive, default=None), max(positive, default=None)
        zero = any(v == 0 for v in numbers)
        if version == 2:
            return log_ticks_v2(low, high, zero, options, axis)
        return log_ticks_v4(low, high, zero, options, axis, carry)
    if kind != "linear":
        raise ValueError(f"no Chart.js ticks for a {kind!r} scale here")
    low, high = min(numbers, default=None), max(numbers, default=None)
    if version == 2:
        return linear_ticks_v2(low, high, options, axis)
    return linear_ticks_v4(low, high, options, axis, carry)
