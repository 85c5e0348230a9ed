"""JavaScript's number arithmetic and number-to-text rules, in Python, bit for bit.

Chart.js computes tick values with ``Math.round``, ``Math.pow(10, n)`` and ``Math.log10`` and
writes labels with ``toFixed``, ``toExponential`` and ``String(x)``. Python's float arithmetic
is the same IEEE 754, but these functions are not: ``Math.round`` rounds halves up (Python's
``round`` to even), V8's ``Math.pow(10, n)`` is off by one ulp for some n (``10 ** -4`` is
``9.999999999999999e-05``), ``toFixed`` rounds the exact binary value half up, and ``String``
switches to exponent form at 1e21 and 1e-7. Ticks that must match Chart.js to the last bit go
through these.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal, localcontext

# Exact digits of any double: up to 1,074 after the point (5e-324) or 309 before it.
DECIMAL_DIGITS = 1200

# V8's Math.pow(10, n) where it differs from the correctly rounded 10.0 ** n (node 20, V8 11.3,
# every integer n from -330 to 310 compared; Chart.js 4 runs on the same ieee754::pow).
_V8_POW10 = {
    -307: 1.0000000000000001e-307, -306: 9.999999999999999e-307, -303: 1.0000000000000001e-303,
    -278: 1.0000000000000001e-278, -268: 1.0000000000000001e-268, -246: 1.0000000000000001e-246,
    -222: 9.999999999999999e-223, -207: 1.0000000000000001e-207, -166: 9.999999999999999e-167,
    -163: 1.0000000000000001e-163, -148: 1.0000000000000001e-148, -145: 1.0000000000000001e-145,
    -138: 9.999999999999999e-139, -128: 9.999999999999999e-129, -122: 9.999999999999999e-123,
    -111: 9.999999999999999e-112, -106: 1.0000000000000001e-106, -104: 1.0000000000000001e-104,
    -101: 9.999999999999999e-102, -88: 1.0000000000000001e-88, -76: 1.0000000000000001e-76,
    -63: 9.999999999999999e-64, -57: 1.0000000000000001e-57, -39: 1.0000000000000001e-39,
    -32: 9.999999999999999e-33, -29: 1.0000000000000001e-29, -24: 1.0000000000000001e-24,
    -23: 1.0000000000000001e-23, -21: 1.0000000000000001e-21, -20: 1.0000000000000001e-20,
    -17: 9.999999999999999e-18, -5: 9.999999999999999e-06, -4: 9.999999999999999e-05,
    23: 1e23, 26: 9.999999999999999e25, 29: 1.0000000000000001e29, 34: 1.0000000000000001e34,
    36: 9.999999999999999e35, 39: 1.0000000000000001e39, 42: 9.999999999999999e41,
    49: 1.0000000000000001e49, 58: 1.0000000000000001e58, 61: 1.0000000000000001e61,
    70: 9.999999999999999e69, 95: 9.999999999999999e94, 96: 9.999999999999999e95,
    111: 1.0000000000000001e111, 126: 1.0000000000000001e126, 136: 9.999999999999999e135,
    142: 9.999999999999999e141, 165: 1.0000000000000001e165, 166: 1.0000000000000001e166,
    169: 1.0000000000000001e169, 187: 1.0000000000000001e187, 191: 9.999999999999999e190,
    215: 1.0000000000000001e215, 218: 9.999999999999999e217, 225: 1.0000000000000001e225,
    232: 9.999999999999999e231, 242: 9.999999999999999e241, 244: 9.999999999999999e243,
    260: 9.999999999999999e259, 273: 1.0000000000000001e273, 274: 1.0000000000000001e274,
    275: 1.0000000000000001e275, 279: 9.999999999999999e278, 284: 9.999999999999999e283,
    290: 9.999999999999999e289, 294: 9.999999999999999e293,
}  # fmt: skip


def pow10(n: float) -> float:
    """``Math.pow(10, n)`` as V8 computes it."""
    if n != n:
        return math.nan
    if math.isinf(n):
        return math.inf if n > 0 else 0.0
    if n == int(n):
        k = int(n)
        if k > 308:
            return math.inf
        if k < -330:
            return 0.0
        return _V8_POW10.get(k, 10.0**k)
    try:
        return 10.0**n
    except OverflowError:
        return math.inf


def log10(x: float) -> float:
    """``Math.log10``: NaN below zero, -Infinity at zero (Python raises instead)."""
    if x != x or x < 0:
        return math.nan
    if x == 0:
        return -math.inf
    if x == math.inf:
        return math.inf
    return math.log10(x)


def js_floor(x: float) -> float:
    return float(math.floor(x)) if math.isfinite(x) else x


def js_ceil(x: float) -> float:
    return float(math.ceil(x)) if math.isfinite(x) else x


def js_round(x: float) -> float:
    """``Math.round``: the nearest integer, halves toward +Infinity (``-2.5`` gives ``-2``)."""
    if not math.isfinite(x):
        return x
    whole = math.floor(x)
    return float(whole + 1 if x - whole >= 0.5 else whole)


def sign(x: float) -> float:
    if x != x:
        return math.nan
    return 1.0 if x > 0 else -1.0 if x < 0 else x


def almost_equals(x: float, y: float, epsilon: float) -> bool:
    return abs(x - y) < epsilon


def almost_whole(x: float, epsilon: float) -> bool:
    rounded = js_round(x)
    return rounded - epsilon <= x <= rounded + epsilon


# Chart.js loops `while (Math.round(x * e) / e !== x) e *= 10`, which never ends for some
# numbers (1e-320: e reaches Infinity); a double has at most 17 significant digits past 1e-308
# plus the exponent, so 400 steps cover every case that does end.
_MAX_DECIMAL_PLACES = 400


def decimal_places(x: float) -> int | None:
    """Chart.js's ``_decimalPlaces``: the digits after the point, found by scaling by 10."""
    if not math.isfinite(x):
        return None
    e = 1.0
    p = 0
    while p < _MAX_DECIMAL_PLACES:
        scaled = x * e
        if js_round(scaled) / e == x:
            return p
        e *= 10
        p += 1
    return p


def _shortest_digits(x: float) -> tuple[str, int]:
    """The shortest digits that read back as ``abs(x)`` (x finite, non-zero) and the decimal
    exponent n with value = 0.d1d2... × 10**n, as ECMAScript's Number::toString defines them."""
    text = repr(abs(x))
    mantissa, _, exponent = text.partition("e")
    whole, _, fraction = mantissa.partition(".")
    digits = (whole + fraction).lstrip("0")
    leading_zeros = len(whole + fraction) - len((whole + fraction).lstrip("0"))
    n = len(whole) - leading_zeros + (int(exponent) if exponent else 0)
    digits = digits.rstrip("0") or "0"
    return digits, n


def to_string(x: float) -> str:
    """``String(x)`` for a number: ``1``, ``0.1``, ``1e+21``, ``1e-7``, ``-2.5``."""
    if x != x:
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if x == 0:
        return "0"
    sign_text = "-" if x < 0 else ""
    digits, n = _shortest_digits(x)
    k = len(digits)
    if k <= n <= 21:
        return sign_text + digits + "0" * (n - k)
    if 0 < n <= 21:
        return sign_text + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return sign_text + "0." + "0" * (-n) + digits
    exponent = n - 1
    exponent_text = ("+" if exponent >= 0 else "-") + str(abs(exponent))
    if k == 1:
        return sign_text + digits + "e" + exponent_text
    return sign_text + digits[0] + "." + digits[1:] + "e" + exponent_text


def to_fixed(x: float, digits: int) -> str:
    """``x.toFixed(digits)``: the exact binary value rounded half up (away from zero for
    negatives, as JS rounds the magnitude); ``String(x)`` from 1e21 on."""
    if not math.isfinite(x) or abs(x) >= 1e21:
        return to_string(x)
    quantum = Decimal(1).scaleb(-digits)
    with localcontext(prec=DECIMAL_DIGITS):
        rounded = Decimal(abs(x)).quantize(quantum, rounding=ROUND_HALF_UP)
    text = f"{rounded:f}"
    return ("-" if x < 0 else "") + text


def to_exponential(x: float, digits: int | None = None) -> str:
    """``x.toExponential(digits)``; without digits, as many as it takes to be exact."""
    if not math.isfinite(x):
        return to_string(x)
    sign_text = "-" if x < 0 else ""
    if x == 0:
        mantissa = "0" if not digits else "0." + "0" * digits
        return sign_text + mantissa + "e+0"
    if digits is None:
        shortest, n = _shortest_digits(x)
        mantissa = shortest[0] + ("." + shortest[1:] if len(shortest) > 1 else "")
        exponent = n - 1
    else:
        with localcontext(prec=DECIMAL_DIGITS):
            exact = Decimal(abs(x))
            exponent = exact.adjusted()
            quantum = Decimal(1).scaleb(-digits)
            scaled = exact.scaleb(-exponent).quantize(quantum, rounding=ROUND_HALF_UP)
            if scaled >= 10:
                exponent += 1
                scaled = exact.scaleb(-exponent).quantize(quantum, rounding=ROUND_HALF_UP)
        mantissa = f"{scaled:f}"
    return sign_text + mantissa + "e" + ("+" if exponent >= 0 else "-") + str(abs(exponent))
