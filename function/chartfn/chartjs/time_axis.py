"""Chart.js's time axis (``type: 'time'``) without a date library: dates read, tick times
chosen and labelled as Chart.js 2.9.4's ``scale.time.js`` with its moment adapter does.

Dates: epoch milliseconds (numbers or numeric strings) and ISO 8601 strings of the forms
``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, and ``YYYY-MM-DD[T ]HH:MM[:SS[.fff]]`` with an optional
``Z`` or ``±HH:MM`` offset. Times without an offset are UTC (QuickChart's servers run in UTC);
no other time zone is known. Any other text is refused, where moment would guess.

Ticks: the unit is ``time.unit`` or the smallest common unit (millisecond … year) whose
``steps`` fit the label capacity (``determineUnitForAutoTicks``), the capacity being the axis
length over the width of an example label in the millisecond format, as ``getLabelCapacity``
measures it (Helvetica/Arial advance widths, ``ticks.maxRotation`` 50°); ticks from the start
of that unit before the data, every ``time.stepSize`` units, those within the axis' bounds
(``bounds: 'data'``: the data's first and last time; ``'ticks'``: the first and last tick).
Labels use ``time.displayFormats`` (moment tokens) over moment's defaults. Chart.js 3/4 need
a date adapter that QuickChart chooses; these formats are chartjs-adapter-moment's, the same.
No matplotlib here.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from chartfn.models.axis_ticks import AxisTicks, TickProvider

__all__ = [
    "MAX_TIME_TICKS",
    "TimeError",
    "format_time",
    "label_width",
    "parse_time",
    "time_provider",
]

UNITS = ("millisecond", "second", "minute", "hour", "day", "week", "month", "quarter", "year")
# scale.time.js INTERVALS: (common, size in ms, steps)
_INTERVALS: dict[str, tuple[bool, float, float | None]] = {
    "millisecond": (True, 1, 1000),
    "second": (True, 1000, 60),
    "minute": (True, 60_000, 60),
    "hour": (True, 3_600_000, 24),
    "day": (True, 86_400_000, 30),
    "week": (False, 604_800_000, 4),
    "month": (True, 2.628e9, 12),
    "quarter": (False, 7.884e9, 4),
    "year": (True, 3.154e10, None),
}
DISPLAY_FORMATS = {
    "millisecond": "h:mm:ss.SSS a",
    "second": "h:mm:ss a",
    "minute": "h:mm a",
    "hour": "hA",
    "day": "MMM D",
    "week": "ll",
    "month": "MMM YYYY",
    "quarter": "[Q]Q - YYYY",
    "year": "YYYY",
}
# Chart.js's tick font line height: 1.2 em
_LINE_HEIGHT = 1.2
# More ticks than this on one axis only cost time (Chart.js 2 throws past 100 000 steps).
MAX_TIME_TICKS = 1000
_ISO = re.compile(
    r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?"
    r"(Z|[+-]\d{2}:?\d{2})?)?)?)?",
    re.ASCII,
)
_EPOCH = re.compile(r"[+-]?\d+(?:\.\d*)?", re.ASCII)
# Arial/Helvetica advance widths (1/1000 em) of what example labels hold
_ADVANCE = {**dict.fromkeys("0123456789", 556), ":": 278, ".": 278, " ": 278, "a": 556,
            "p": 556, "m": 833}  # fmt: skip
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_TOKEN = re.compile(
    r"\[[^\]]*\]|YYYY|YY|Q|MMMM|MMM|MM|M|Do|DD|D|dddd|ddd|HH|H|hh|h|mm|m|ss|s|SSS|A|a|ll|LL"
)


class TimeError(ValueError):
    """A date Chart.js's time axis could not place; ``path`` locates it."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        super().__init__(message)


def parse_time(value: Any, path: str, parser: str | None = None) -> float | None:
    """Epoch milliseconds of ``value``; None for null (a gap). ``parser``: the axis'
    ``time.parser``, a moment format that strings are read in first."""
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _in_range(float(value), path) if math.isfinite(value) else None
    if isinstance(value, str):
        text = value.strip()
        if parser:
            parsed = _with_format(text, parser, path)
            if parsed is not None:
                return parsed
        us = _US_DATE.fullmatch(text)  # what JavaScript's Date reads besides ISO: M/D/YYYY
        if us:
            month, day, year, hour, minute, second = us.groups()
            return _calendar_ms(int(year), int(month), int(day), int(hour or 0), int(minute or 0),
                                int(second or 0), 0.0, text, path)  # fmt: skip
        iso = _ISO.fullmatch(text)  # "2020" is the year, as moment reads it
        if iso:
            return _iso_ms(iso, path)
        if _EPOCH.fullmatch(text):
            return _in_range(float(text), path)
    shown = repr(value[:40]) if isinstance(value, str) else type(value).__name__
    raise TimeError(
        path,
        f"{shown} is not a date a time axis can place (allowed: epoch milliseconds, or ISO 8601 "
        "YYYY[-MM[-DD[THH:MM[:SS[.fff]][Z|±HH:MM]]]], UTC unless an offset is given)",
    )


# Years 1 … 9999: the calendar the tick arithmetic works in (JavaScript's Date goes further).
_FIRST_MS, _LAST_MS = -62_135_596_800_000.0, 253_402_300_799_999.0


def _in_range(ms: float, path: str) -> float:
    if not _FIRST_MS <= ms <= _LAST_MS:
        raise TimeError(path, f"{ms:g} ms is outside the years 1 to 9999 a time axis shows")
    return ms


_US_DATE = re.compile(
    r"(\d{1,2})/(\d{1,2})/(\d{4})(?:,? (\d{1,2}):(\d{2})(?::(\d{2}))?)?", re.ASCII
)
# moment tokens a time.parser may use, as regex groups
_PARSE_TOKENS = {
    "YYYY": r"(?P<year>\d{4})", "YY": r"(?P<yy>\d{2})", "MM": r"(?P<month>\d{2})",
    "M": r"(?P<month>\d{1,2})", "DD": r"(?P<day>\d{2})", "D": r"(?P<day>\d{1,2})",
    "HH": r"(?P<hour>\d{2})", "H": r"(?P<hour>\d{1,2})", "hh": r"(?P<hour12>\d{2})",
    "h": r"(?P<hour12>\d{1,2})", "mm": r"(?P<minute>\d{2})", "m": r"(?P<minute>\d{1,2})",
    "ss": r"(?P<second>\d{2})", "s": r"(?P<second>\d{1,2})", "SSS": r"(?P<ms>\d{3})",
    "A": r"(?P<ampm>[AaPp][Mm])", "a": r"(?P<ampm>[AaPp][Mm])",
}  # fmt: skip
_PARSER_TOKEN = re.compile(r"\[[^\]]*\]|YYYY|YY|SSS|MM|M|DD|D|HH|H|hh|h|mm|m|ss|s|A|a")


def _with_format(text: str, parser: str, path: str) -> float | None:
    """``text`` read in the moment format ``parser``; None when it does not match."""
    pattern, seen, at = "", set(), 0
    for match in _PARSER_TOKEN.finditer(parser[:100]):
        pattern += re.escape(parser[at : match.start()])
        token = match.group(0)
        if token.startswith("["):
            pattern += re.escape(token[1:-1])
        elif _PARSE_TOKENS[token].split(">")[0] in seen:
            return None  # a field twice: not a format we read
        else:
            seen.add(_PARSE_TOKENS[token].split(">")[0])
            pattern += _PARSE_TOKENS[token]
        at = match.end()
    pattern += re.escape(parser[at:100])
    found = re.fullmatch(pattern, text)
    if found is None:
        return None
    fields = {k: v for k, v in found.groupdict().items() if v is not None}
    year = int(fields.get("year", 0)) or 2000 + int(fields.get("yy", 0))
    hour = int(fields.get("hour", 0))
    if "hour12" in fields:
        hour = int(fields["hour12"]) % 12 + (12 if fields.get("ampm", "a").lower() == "pm" else 0)
    return _calendar_ms(year, int(fields.get("month", 1)), int(fields.get("day", 1)), hour,
                        int(fields.get("minute", 0)), int(fields.get("second", 0)),
                        float(fields.get("ms", 0)), text, path)  # fmt: skip


def _calendar_ms(
    year: int, month: int, day: int, hour: int, minute: int, second: int, ms: float,
    text: str, path: str,
) -> float:  # fmt: skip
    try:
        moment = datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    except ValueError as exc:
        raise TimeError(path, f"{text[:40]!r} is not a calendar date: {exc}") from None
    return calendar.timegm(moment.timetuple()) * 1000.0 + ms


def _iso_ms(match: re.Match[str], path: str) -> float:
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    ms = _calendar_ms(int(year), int(month or 1), int(day or 1), int(hour or 0),
                      int(minute or 0), int(second or 0), 0.0, match.group(0), path)  # fmt: skip
    if fraction:
        ms += float("0." + fraction) * 1000
    if zone and zone != "Z":
        sign = -1 if zone[0] == "+" else 1  # +02:00 is two hours ahead of UTC
        digits = zone[1:].replace(":", "")
        ms += sign * (int(digits[:2]) * 60 + int(digits[2:])) * 60_000
    return ms


def _utc(ms: float) -> datetime:
    return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(milliseconds=ms)


def _ms(moment: datetime) -> float:
    return (moment - datetime(1970, 1, 1, tzinfo=UTC)) / timedelta(milliseconds=1)


def start_of(ms: float, unit: str) -> float:
    """moment's ``startOf(unit)`` in UTC (weeks start on Sunday, as moment's English locale)."""
    if unit == "millisecond":
        return math.floor(ms)
    size = {"second": 1000, "minute": 60_000, "hour": 3_600_000, "day": 86_400_000}.get(unit)
    if size is not None:
        return math.floor(ms / size) * size
    moment = _utc(ms)
    if unit == "week":
        day = start_of(ms, "day")
        return day - ((moment.weekday() + 1) % 7) * 86_400_000
    if unit == "month":
        return _ms(datetime(moment.year, moment.month, 1, tzinfo=UTC))
    if unit == "quarter":
        return _ms(datetime(moment.year, (moment.month - 1) // 3 * 3 + 1, 1, tzinfo=UTC))
    return _ms(datetime(moment.year, 1, 1, tzinfo=UTC))


def add(ms: float, count: int, unit: str) -> float:
    """moment's ``add(count, unit)`` in UTC."""
    fixed = {"millisecond": 1, "second": 1000, "minute": 60_000, "hour": 3_600_000,
             "day": 86_400_000, "week": 604_800_000}.get(unit)  # fmt: skip
    if fixed is not None:
        return ms + count * fixed
    months = count * {"month": 1, "quarter": 3, "year": 12}[unit]
    moment = _utc(ms)
    index = moment.year * 12 + moment.month - 1 + months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:
        return math.inf
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return _ms(moment.replace(year=year, month=month + 1, day=day))


def format_time(ms: float, pattern: str) -> str:
    """``ms`` in a moment format (the tokens Chart.js's default formats and common custom ones
    use; other letters are kept as they are)."""
    moment = _utc(ms)
    hour12 = moment.hour % 12 or 12

    def token(match: re.Match[str]) -> str:
        t = match.group(0)
        if t.startswith("["):
            return t[1:-1]
        values = {
            "YYYY": f"{moment.year:04d}", "YY": f"{moment.year % 100:02d}",
            "Q": str((moment.month - 1) // 3 + 1), "MMMM": _MONTHS[moment.month - 1],
            "MMM": _MONTHS[moment.month - 1][:3], "MM": f"{moment.month:02d}",
            "M": str(moment.month), "Do": _ordinal(moment.day), "DD": f"{moment.day:02d}",
            "D": str(moment.day), "dddd": _DAYS[moment.weekday()],
            "ddd": _DAYS[moment.weekday()][:3], "HH": f"{moment.hour:02d}",
            "H": str(moment.hour), "hh": f"{hour12:02d}", "h": str(hour12),
            "mm": f"{moment.minute:02d}", "m": str(moment.minute),
            "ss": f"{moment.second:02d}", "s": str(moment.second),
            "SSS": f"{moment.microsecond // 1000:03d}",
            "A": "AM" if moment.hour < 12 else "PM", "a": "am" if moment.hour < 12 else "pm",
            "ll": f"{_MONTHS[moment.month - 1][:3]} {moment.day}, {moment.year}",
            "LL": f"{_MONTHS[moment.month - 1]} {moment.day}, {moment.year}",
        }  # fmt: skip
        return values[t]

    return _TOKEN.sub(token, pattern)


def _ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def label_width(text: str, font_px: float) -> float:
    """``text``'s width in CSS px at ``font_px`` in Arial's advances, as Chart.js measures it."""
    return sum(_ADVANCE.get(char, 556) for char in text) * font_px / 1000


def _unit_for(low: float, high: float, capacity: int, min_unit: str) -> str:
    """``determineUnitForAutoTicks``."""
    for unit in UNITS[UNITS.index(min_unit) : -1]:
        common, size, steps = _INTERVALS[unit]
        factor = steps if steps else math.inf
        if common and math.ceil((high - low) / (factor * size)) <= capacity:
            return unit
    return UNITS[-1]


def _option(options: Mapping[str, Any], name: str) -> Any:
    time = options.get("time")
    return time.get(name) if isinstance(time, Mapping) else None


def time_provider(
    options: Mapping[str, Any], version: int, times: Sequence[float], device_pixel_ratio: float
) -> TickProvider:
    """Ticks for a horizontal time axis with ``options`` (the scale's) over ``times`` (ms)."""
    low = min(times) if times else 0.0
    high = max(times) if times else 1.0
    user_min = _option(options, "min") if version < 3 else options.get("min")
    user_max = _option(options, "max") if version < 3 else options.get("max")
    low = parse_time(user_min, "time.min") if user_min is not None else low
    high = parse_time(user_max, "time.max") if user_max is not None else high
    assert low is not None
    assert high is not None
    if high <= low:
        high = low + 1  # one point: Chart.js still draws an axis around it
    unit_option = _option(options, "unit")
    unit = unit_option if unit_option in UNITS else None
    min_unit = _option(options, "minUnit")
    min_unit = min_unit if min_unit in UNITS else "millisecond"
    step_option = _option(options, "stepSize") or _option(options, "unitStepSize") or 1
    step = max(1, int(step_option)) if isinstance(step_option, int | float) else 1
    formats = dict(DISPLAY_FORMATS)
    given = _option(options, "displayFormats")
    if isinstance(given, Mapping):
        formats.update({k: v for k, v in given.items() if k in UNITS and isinstance(v, str)})
    ticks_options = options.get("ticks") if isinstance(options.get("ticks"), Mapping) else {}
    assert isinstance(ticks_options, Mapping)
    font = ticks_options.get("fontSize", 12)
    font_px = float(font) if isinstance(font, int | float) and font > 0 else 12.0
    bounds = options.get("bounds", "data")
    example = format_time(low, formats[unit] if unit else formats["millisecond"])
    turn = ticks_options.get("maxRotation", 50)
    max_turn = math.radians(turn) if isinstance(turn, int | float) and turn > 0 else 0.0
    angle = max_turn  # getLabelCapacity sizes its example label at ticks.maxRotation
    label_w = label_width(example, font_px) * math.cos(angle) + font_px * math.sin(angle)

    def ticks_for_length(length_px: float) -> AxisTicks:
        capacity = math.floor(length_px / device_pixel_ratio / label_w) - (version >= 3)
        chosen = unit or _unit_for(low, high, max(capacity, 1), min_unit)
        values: list[float] = []
        time = start_of(low, chosen)
        while time < high and len(values) < MAX_TIME_TICKS:
            values.append(time)
            time = add(time, step, chosen)
        if time == high or bounds == "ticks":
            values.append(time)
        start, end = (values[0], values[-1]) if bounds == "ticks" and values else (low, high)
        kept = [v for v in values if start <= v <= end]
        labels: list[str | None] = [format_time(v, formats[chosen]) for v in kept]
        if version >= 3:
            return AxisTicks(values=kept, labels=labels, low=start, high=end)
        rotation = _chartjs2_rotation(labels, length_px / device_pixel_ratio, font_px, max_turn)
        labels = _chartjs2_skipped(labels, length_px / device_pixel_ratio, font_px, rotation)
        turned = math.degrees(rotation)
        return AxisTicks(kept, labels, start, end, False, upright=rotation > 0, angle=turned)

    return ticks_for_length


def _widest(labels: Sequence[str | None], font_px: float) -> float:
    return max((label_width(label, font_px) for label in labels if label), default=0.0)


def _chartjs2_rotation(
    labels: Sequence[str | None], length: float, font_px: float, max_turn: float
) -> float:
    """``calculateTickRotation`` of 2.9.4 (radians) for an axis ``length`` CSS px long: 0
    where the widest label and 6 px fit between ticks, else the angle whose sine is a line and
    6 px over the tick width, at most ``ticks.maxRotation`` (its bound from the axis' height,
    which the layout settles later, does not bind below 50° for labels up to ~60 px)."""
    widest = _widest(labels, font_px)
    if len(labels) <= 1 or max_turn <= 0:
        return 0.0
    tick_width = length / (len(labels) - 1)
    if widest + 6 <= tick_width:
        return 0.0
    line = font_px * _LINE_HEIGHT
    return min(math.asin(min((line + 6) / tick_width, 1.0)), max_turn)


def _chartjs2_skipped(
    labels: list[str | None], length: float, font_px: float, rotation: float
) -> list[str | None]:
    """2.9.4's ``_autoSkip``, which a time axis gets through ``ticks.source: 'auto'`` (its
    ``autoSkip`` is false): room for one tick from the widest label at ``rotation``, every
    ``ceil((n - 1) / (length / room + 1))``-th label kept from the first."""
    if not labels:
        return labels
    line = font_px * _LINE_HEIGHT
    widest = _widest(labels, font_px)
    cos, sin = abs(math.cos(rotation)), abs(math.sin(rotation))
    room = widest / cos if line * cos > widest * sin else line / sin
    limit = length / room + 1 if room > 0 else math.inf
    spacing = math.ceil(max((len(labels) - 1) / limit, 1.0))
    return [label if i % spacing == 0 else None for i, label in enumerate(labels)]
