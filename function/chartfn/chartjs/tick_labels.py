"""Chart.js's default tick label text, as Chart.js 2.9.4 and 4 write it (locale en-US).

v2 (``core.ticks.js`` formatters): linear ticks with ``toFixed`` to the decimals the tick
spacing needs, or ``toExponential`` when every tick is below 1e-4; logarithmic ticks as
``toExponential()`` for significands 1, 2 and 5 and the ends, others blank.
v4: ``Intl.NumberFormat('en-US')`` with the spacing's fraction digits, scientific notation when
every tick is below 1e-4 or above 1e15; logarithmic ticks for significands 1, 2, 3, 5, 10 and
15 and the last fifth. ``intl_format`` is that formatter in Python (round half away from zero
on the shortest decimal form of the double, as ICU does).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Any

from chartfn.chartjs.js_numbers import (
    DECIMAL_DIGITS,
    js_floor,
    log10,
    pow10,
    to_exponential,
    to_fixed,
    to_string,
)
from chartfn.chartjs.ticks import Ticks


def linear_label_v2(value: float, index: int, values: Sequence[float]) -> str:
    """``Chart.Ticks.formatters.linear`` of 2.9.4; ``values`` in the scale's order."""
    del index
    delta = values[2] - values[1] if len(values) > 3 else values[1] - values[0]
    if abs(delta) > 1 and value != math.floor(value):
        delta = value - math.floor(value)
    log_delta = log10(abs(delta))
    if value == 0:
        return "0"
    max_tick = max(abs(values[0]), abs(values[-1]))
    if max_tick < 1e-4:
        log_tick = log10(abs(value))
        digits = js_floor(log_tick) - js_floor(log_delta)
        return to_exponential(value, int(max(min(digits, 20), 0)))
    decimals = -1 * js_floor(log_delta)
    return to_fixed(value, int(max(min(decimals, 20), 0)))


def log_label_v2(value: float, index: int, values: Sequence[float]) -> str:
    """``Chart.Ticks.formatters.logarithmic`` of 2.9.4."""
    if value == 0:
        return "0"
    remain = value / pow10(js_floor(log10(value)))
    if remain in (1, 2, 5) or index == 0 or index == len(values) - 1:
        return to_exponential(value)
    return ""


def values_label(value: Any) -> Any:
    """``Chart.Ticks.formatters.values`` (v2 categories): arrays stay lines, the rest text."""
    if isinstance(value, list):
        return value
    return js_text(value)


def js_text(value: Any) -> str:
    """``'' + value`` for tree values."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int | float):
        return to_string(float(value))
    if isinstance(value, list):
        return ",".join("" if v is None else js_text(v) for v in value)
    if isinstance(value, dict):
        return "[object Object]"
    return str(value)


def numeric_label_v4(value: float, index: int, values: Sequence[float]) -> str:
    """``Chart.Ticks.formatters.numeric`` of Chart.js 4 with the default locale en-US."""
    del index
    if value == 0:
        return "0"
    notation = "standard"
    delta = value
    if len(values) > 1:
        max_tick = max(abs(values[0]), abs(values[-1]))
        if max_tick < 1e-4 or max_tick > 1e15:
            notation = "scientific"
        delta = values[2] - values[1] if len(values) > 3 else values[1] - values[0]
        if abs(delta) >= 1 and value != math.floor(value):
            delta = value - math.floor(value)
    log_delta = log10(abs(delta))
    decimals = 1 if log_delta != log_delta else int(max(min(-1 * js_floor(log_delta), 20), 0))
    return intl_format(value, decimals, decimals, notation)


def log_label_v4(value: float, index: int, ticks: Ticks) -> str:
    """``Chart.Ticks.formatters.logarithmic`` of Chart.js 4."""
    if value == 0:
        return "0"
    significand = ticks.significands[index] if ticks.significands else 0
    remain = significand or value / pow10(js_floor(log10(value)))
    if remain in (1, 2, 3, 5, 10, 15) or index > 0.8 * len(ticks.values):
        return numeric_label_v4(value, index, ticks.values)
    return ""


def intl_format(
    value: float, min_fraction: int = 0, max_fraction: int = 3, notation: str = "standard"
) -> str:
    """``new Intl.NumberFormat('en-US', {minimumFractionDigits, maximumFractionDigits,
    notation}).format(value)`` for notation standard or scientific."""
    if value != value:
        return "NaN"
    if math.isinf(value):
        return "-∞" if value < 0 else "∞"
    negative = value < 0 or (value == 0 and math.copysign(1, value) < 0)
    exact = Decimal(repr(abs(value)))
    exponent = 0
    if notation == "scientific" and exact != 0:
        exponent = exact.adjusted()
        mantissa = _round(exact.scaleb(-exponent), max_fraction)
        if mantissa >= 10:
            exponent += 1
            mantissa = _round(exact.scaleb(-exponent), max_fraction)
        text = _fraction_text(mantissa, min_fraction)
        return ("-" if negative else "") + text + "E" + str(exponent)
    rounded = _round(exact, max_fraction)
    text = _fraction_text(rounded, min_fraction)
    whole, dot, fraction = text.partition(".")
    grouped = f"{int(whole):,}"
    return ("-" if negative else "") + grouped + dot + fraction


def _round(number: Decimal, places: int) -> Decimal:
    with localcontext(prec=DECIMAL_DIGITS):
        return number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _fraction_text(number: Decimal, min_fraction: int) -> str:
    text = f"{number:f}"
    if "." in text:
        whole, fraction = text.split(".")
        fraction = fraction.rstrip("0")
        fraction = fraction + "0" * max(0, min_fraction - len(fraction))
        return whole + ("." + fraction if fraction else "")
    return text + ("." + "0" * min_fraction if min_fraction else "")


def default_labels(kind: str, version: int, ticks: Ticks) -> list[Any]:
    """The labels Chart.js ``version`` writes for ``ticks`` of a ``kind`` ('linear',
    'logarithmic', 'category') scale without a callback, in the ticks' order."""
    try:
        return _default_labels(kind, version, ticks)
    except (ArithmeticError, ValueError):
        # ticks from subnormal or overflowing ranges, where Chart.js would write NaN digits
        return [js_text(v) for v in ticks.values]


def _default_labels(kind: str, version: int, ticks: Ticks) -> list[Any]:
    values = list(ticks.values)
    if kind == "category":
        if version == 2:
            return [values_label(v) for v in values]
        names = ticks.labels or ()
        return [names[int(v)] if 0 <= v < len(names) else v for v in values]
    if version == 2:
        label = log_label_v2 if kind == "logarithmic" else linear_label_v2
        return [label(v, i, values) for i, v in enumerate(values)]
    if kind == "logarithmic":
        return [log_label_v4(v, i, ticks) for i, v in enumerate(values)]
    return [numeric_label_v4(v, i, values) for i, v in enumerate(values)]
