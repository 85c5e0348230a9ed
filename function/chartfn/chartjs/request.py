"""A QuickChart request from its parameters: names, aliases, defaults and checks, without HTTP.

The same parameters arrive in a query string, a JSON body or a form body (QuickChart's server
reads all three the same way), so this takes a plain mapping. Precedence between aliases is
QuickChart's (``c`` before ``chart``, ``backgroundColor`` before ``bkg``, …); an empty value
counts as absent, as JavaScript's ``a || b`` does there.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = [
    "DEFAULT_DEVICE_PIXEL_RATIO",
    "DEFAULT_HEIGHT",
    "DEFAULT_WIDTH",
    "FORMATS",
    "MAX_CONFIG_CHARS",
    "MAX_DEVICE_PIXEL_RATIO",
    "MAX_SIDE",
    "MIN_DEVICE_PIXEL_RATIO",
    "QUICKCHART_PARAMETERS",
    "QuickChartRequest",
    "RequestError",
    "is_quickchart",
    "parse_request",
]

DEFAULT_WIDTH = 500
DEFAULT_HEIGHT = 300
DEFAULT_DEVICE_PIXEL_RATIO = 2.0  # QuickChart renders for retina screens unless told otherwise
MAX_SIDE = 3000  # QuickChart's CHART_MAX_WIDTH / CHART_MAX_HEIGHT, before devicePixelRatio
MIN_DEVICE_PIXEL_RATIO = 0.1
MAX_DEVICE_PIXEL_RATIO = 10.0
# A config as text (JSON or JavaScript), after base64 decoding; POST bodies are capped before.
MAX_CONFIG_CHARS = 1_000_000
FORMATS = ("png", "svg", "pdf", "webp", "jpeg")
_FORMAT_ALIASES = {"jpg": "jpeg"}
# name -> the aliases QuickChart reads for it, first one winning
_ALIASES: dict[str, tuple[str, ...]] = {
    "chart": ("c", "chart"),
    "width": ("w", "width"),
    "height": ("h", "height"),
    "devicePixelRatio": ("devicePixelRatio",),
    "backgroundColor": ("backgroundColor", "bkg"),
    "version": ("v", "version"),
    "format": ("f", "format"),
    "encoding": ("encoding",),
}
#: Every parameter name a QuickChart request may carry; ``key``, ``ref`` and ``accountId`` are
#: accepted and ignored (``key`` authorises a POST where the deployment signs, see the routes).
QUICKCHART_PARAMETERS = frozenset(
    {alias for aliases in _ALIASES.values() for alias in aliases} | {"key", "ref", "accountId"}
)
_WHOLE = re.compile(r"\s*\+?\d{1,6}(?:\.0*)?\s*")


class RequestError(ValueError):
    """A parameter of a QuickChart request that cannot be served; ``parameter`` names it as the
    request spelled it."""

    def __init__(self, parameter: str, message: str) -> None:
        self.parameter = parameter
        super().__init__(message)


@dataclass(frozen=True)
class QuickChartRequest:
    #: The config: text (JSON or a JavaScript literal, base64 already decoded) or, from a JSON
    #: body, the object itself.
    chart: str | dict[str, Any]
    width: int = DEFAULT_WIDTH
    height: int = DEFAULT_HEIGHT
    device_pixel_ratio: float = DEFAULT_DEVICE_PIXEL_RATIO
    #: ``transparent`` or ``#rrggbb`` / ``#rrggbbaa``
    background: str = "transparent"
    format: str = "png"
    #: Chart.js major version: 2, 3 or 4
    version: int = 2

    @property
    def config_text(self) -> str:
        if isinstance(self.chart, str):
            return self.chart
        return json.dumps(self.chart, separators=(",", ":"), ensure_ascii=False)

    @property
    def pixels(self) -> tuple[int, int]:
        return (
            round(self.width * self.device_pixel_ratio),
            round(self.height * self.device_pixel_ratio),
        )


def is_quickchart(parameters: Mapping[str, Any]) -> bool:
    """Whether a request is QuickChart's: it names a chart config (``c`` or ``chart``), even an
    empty one (which then gets QuickChart's "missing config" answer, not a spec error)."""
    return any(name in parameters for name in _ALIASES["chart"])


def parse_request(parameters: Mapping[str, Any], *, pixel_budget: int) -> QuickChartRequest:
    """The request ``parameters`` describe, or ``RequestError`` naming the first bad one."""
    chart_name, chart = _first(parameters, "chart")
    if chart is None:
        raise RequestError("c", "the chart config is missing: give c (or chart)")
    width = _side(parameters, "width", DEFAULT_WIDTH)
    height = _side(parameters, "height", DEFAULT_HEIGHT)
    ratio = _device_pixel_ratio(parameters)
    output_format = _format(parameters)
    background = _background(parameters, output_format)
    version = _version(parameters)
    encoding = _encoding(parameters)
    request = QuickChartRequest(
        chart=_chart(chart_name, chart, encoding),
        width=width,
        height=height,
        device_pixel_ratio=ratio,
        background=background,
        format=output_format,
        version=version,
    )
    width_px, height_px = request.pixels
    total = width * height * ratio**2
    if total > pixel_budget:
        raise RequestError(
            "w",
            f"{width}x{height} at devicePixelRatio {ratio:g} is {total:.0f} pixels; this "
            f"deployment draws at most {pixel_budget} (width × height × devicePixelRatio²)",
        )
    if min(width_px, height_px) < 1:
        raise RequestError(
            "devicePixelRatio",
            f"{width}x{height} at devicePixelRatio {ratio:g} is less than one pixel a side",
        )
    return request


def _given(value: Any) -> bool:
    return value is not None and value != "" and value is not False


def _first(parameters: Mapping[str, Any], name: str) -> tuple[str, Any]:
    aliases = _ALIASES[name]
    for alias in aliases:
        value = parameters.get(alias)
        if _given(value):
            return alias, value
    return aliases[0], None


def _side(parameters: Mapping[str, Any], name: str, default: int) -> int:
    alias, value = _first(parameters, name)
    if value is None:
        return default
    allowed = f"a whole number of pixels from 1 to {MAX_SIDE} (before devicePixelRatio)"
    if isinstance(value, bool):
        raise RequestError(alias, f"{alias}={value!r} is not a size: {allowed}")
    if isinstance(value, int | float) or (isinstance(value, str) and _WHOLE.fullmatch(value)):
        number = float(value)
    else:
        raise RequestError(alias, f"{alias}={_shown(value)} is not a size: {allowed}")
    if not number.is_integer() or not 1 <= number <= MAX_SIDE:
        raise RequestError(alias, f"{alias}={_shown(value)} is out of range: {allowed}")
    return int(number)


def _device_pixel_ratio(parameters: Mapping[str, Any]) -> float:
    _, value = _first(parameters, "devicePixelRatio")
    if value is None:
        return DEFAULT_DEVICE_PIXEL_RATIO
    allowed = (
        f"a number from {MIN_DEVICE_PIXEL_RATIO:g} to {MAX_DEVICE_PIXEL_RATIO:g} "
        "(0: the default, 2)"
    )
    try:
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise ValueError
        ratio = float(value)
    except ValueError:
        raise RequestError(
            "devicePixelRatio", f"devicePixelRatio={_shown(value)} is not a number: {allowed}"
        ) from None
    if ratio == 0:
        return DEFAULT_DEVICE_PIXEL_RATIO  # QuickChart: devicePixelRatio || 2
    if not math.isfinite(ratio) or not MIN_DEVICE_PIXEL_RATIO <= ratio <= MAX_DEVICE_PIXEL_RATIO:
        raise RequestError(
            "devicePixelRatio", f"devicePixelRatio={_shown(value)} is out of range: {allowed}"
        )
    return ratio + 0.0


def _format(parameters: Mapping[str, Any]) -> str:
    alias, value = _first(parameters, "format")
    if value is None:
        return "png"
    name = str(value).strip().lower()
    name = _FORMAT_ALIASES.get(name, name)
    if name not in FORMATS:
        raise RequestError(
            alias, f"{alias}={_shown(value)} is not offered: one of {', '.join(FORMATS)}"
        )
    return name


def _background(parameters: Mapping[str, Any], output_format: str) -> str:
    alias, value = _first(parameters, "backgroundColor")
    # JPEG has no alpha channel: transparent (the default) becomes white, as in a browser
    fallback = "#ffffff" if output_format == "jpeg" else "transparent"
    if value is None:
        return fallback
    if not isinstance(value, str) or len(value) > 100:
        raise RequestError(alias, f"{alias}={_shown(value)} is not a CSS colour")
    # here, not at import: its grammar costs ~20 ms to compile, and the dispatch in front of
    # every /chart request imports this module
    from chartfn.models.colors import ColorError, parse_css_color

    try:
        red, green, blue, alpha = parse_css_color(value)
    except ColorError as exc:
        raise RequestError(alias, f"{alias}={_shown(value)}: {exc}") from None
    if alpha == 0:
        return fallback
    if output_format == "jpeg":
        alpha = 1.0
    hex_color = "#" + "".join(f"{round(c * 255):02x}" for c in (red, green, blue))
    return hex_color if alpha == 1 else hex_color + f"{round(alpha * 255):02x}"


def _version(parameters: Mapping[str, Any]) -> int:
    alias, value = _first(parameters, "version")
    if value is not None and (isinstance(value, bool) or not isinstance(value, str | int | float)):
        raise RequestError(alias, f"{alias}={_shown(value)} is not a version such as 2.9.4 or 4")
    # QuickChart picks the library by the first character only: "4…", "3…", else 2
    first = str(value).strip()[:1] if value is not None else ""
    return {"4": 4, "3": 3}.get(first, 2)


def _encoding(parameters: Mapping[str, Any]) -> str:
    _, value = _first(parameters, "encoding")
    if value is None:
        return "url"
    if value not in ("url", "base64"):
        raise RequestError("encoding", f"encoding={_shown(value)} is not offered: url or base64")
    return str(value)


def _chart(name: str, value: Any, encoding: str) -> str | dict[str, Any]:
    if isinstance(value, dict):
        return value
    if not isinstance(value, str):
        raise RequestError(
            name, f"{name} must be a Chart.js config (an object, or its text), not {_kind(value)}"
        )
    if len(value) > MAX_CONFIG_CHARS:
        raise RequestError(
            name, f"{name} is {len(value)} characters long; at most {MAX_CONFIG_CHARS}"
        )
    if encoding == "base64":
        return _decode_base64(name, value)
    return value


def _decode_base64(name: str, text: str) -> str:
    # A '+' sent unescaped in a query arrives as a space; either alphabet, padding optional
    cleaned = re.sub(r"[\r\n\t]", "", text).strip().replace(" ", "+")
    cleaned = cleaned.replace("-", "+").replace("_", "/").rstrip("=")
    try:
        raw = base64.b64decode(cleaned + "=" * (-len(cleaned) % 4), validate=True)
        return raw.decode("utf-8")
    except (binascii.Error, ValueError):
        raise RequestError(
            name, f"{name} is not base64 of UTF-8 text (encoding=base64 was given)"
        ) from None


def _kind(value: Any) -> str:
    return {list: "an array", bool: "a boolean"}.get(type(value), f"a {type(value).__name__}")


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
