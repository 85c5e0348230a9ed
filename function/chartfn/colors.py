"""CSS colours as RGBA (0..1).

STAND-IN (branch i11-protocol): the real module comes from branch i9-schema with the same API
(``ColorError``, ``parse_css_color``, ``CSS_COLOR_PATTERN``); this one knows hex, rgb(a),
hsl(a), ``transparent`` and the common names only.
"""

from __future__ import annotations

import colorsys
import re

__all__ = ["CSS_COLOR_PATTERN", "ColorError", "parse_css_color"]

_NAMES = {
    "black": "#000000", "white": "#ffffff", "red": "#ff0000", "green": "#008000",
    "blue": "#0000ff", "yellow": "#ffff00", "orange": "#ffa500", "purple": "#800080",
    "gray": "#808080", "grey": "#808080", "pink": "#ffc0cb", "brown": "#a52a2a",
    "cyan": "#00ffff", "magenta": "#ff00ff", "navy": "#000080", "teal": "#008080",
    "olive": "#808000", "lime": "#00ff00", "maroon": "#800000", "silver": "#c0c0c0",
    "aqua": "#00ffff", "fuchsia": "#ff00ff", "gold": "#ffd700", "indigo": "#4b0082",
    "violet": "#ee82ee", "coral": "#ff7f50", "salmon": "#fa8072", "tomato": "#ff6347",
    "steelblue": "#4682b4", "skyblue": "#87ceeb", "lightblue": "#add8e6",
    "darkblue": "#00008b", "darkgreen": "#006400", "darkred": "#8b0000",
    "lightgray": "#d3d3d3", "lightgrey": "#d3d3d3", "darkgray": "#a9a9a9",
    "darkgrey": "#a9a9a9", "crimson": "#dc143c", "turquoise": "#40e0d0",
}  # fmt: skip
_NUMBER = r"[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?%?"
_FUNCTION = re.compile(
    rf"(rgba?|hsla?)\(\s*({_NUMBER}(?:deg)?)\s*[,\s]\s*({_NUMBER})\s*[,\s]\s*({_NUMBER})"
    rf"\s*(?:[,/]\s*({_NUMBER})\s*)?\)"
)
CSS_COLOR_PATTERN = r"^(?:#[0-9a-fA-F]{3,8}|(?:rgba?|hsla?)\([^()]{1,80}\)|[a-zA-Z]{3,30})$"


class ColorError(ValueError):
    """Text that is not a CSS colour."""


def parse_css_color(text: str) -> tuple[float, float, float, float]:
    value = text.strip().lower()
    if value == "transparent":
        return (0.0, 0.0, 0.0, 0.0)
    value = _NAMES.get(value, value)
    if re.fullmatch(r"#[0-9a-f]{3,8}", value) and len(value) in (4, 5, 7, 9):
        digits = value[1:]
        if len(digits) <= 4:
            digits = "".join(c * 2 for c in digits)
        channels = [int(digits[i : i + 2], 16) / 255 for i in range(0, len(digits), 2)]
        return (channels[0], channels[1], channels[2], channels[3] if len(channels) == 4 else 1.0)
    match = _FUNCTION.fullmatch(value)
    if match:
        kind, first, second, third, alpha = match.groups()
        a = 1.0 if alpha is None else _unit(alpha, 1.0)
        if kind.startswith("rgb"):
            r, g, b = (_unit(part, 255.0) for part in (first, second, third))
        else:
            hue = float(first.removesuffix("deg").rstrip("%")) / 360 % 1.0
            r, g, b = colorsys.hls_to_rgb(hue, _unit(third, 100.0), _unit(second, 100.0))
        return (r, g, b, a)
    raise ColorError(
        f"{text[:60]!r} is not a CSS colour (allowed: #rgb, #rrggbb, #rrggbbaa, rgb(), rgba(), "
        "hsl(), hsla(), transparent or a colour name)"
    )


def _unit(part: str, scale: float) -> float:
    number = float(part[:-1]) / 100 if part.endswith("%") else float(part) / scale
    return min(max(number, 0.0), 1.0)
