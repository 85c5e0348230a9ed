"""The service's one colour grammar: the CSS Color 4 forms people write for Chart.js.

No matplotlib and no HTTP here. ``parse_css_color`` turns text into RGBA in 0..1 (what
matplotlib takes as a colour); ``CSS_COLOR_PATTERN`` is a regular expression for an OpenAPI
``pattern`` that matches exactly the texts ``parse_css_color`` accepts (a property test holds
the two together), so a schema-valid colour is never refused and a refused one is never
schema-valid.

Accepted (ASCII case-insensitive; whitespace means CSS whitespace: space, tab, LF, CR, FF):

* the 148 CSS named colours (``rebeccapurple``, ``grey`` and ``gray`` spellings) and
  ``transparent`` (``rgba(0, 0, 0, 0)``);
* ``#rgb``, ``#rgba``, ``#rrggbb``, ``#rrggbbaa``;
* ``rgb()``/``rgba()`` (aliases): legacy ``rgb(r, g, b[, a])`` with r, g, b all numbers 0..255
  or all percentages, or modern ``rgb(r g b[ / a])`` where each channel is either;
* ``hsl()``/``hsla()`` (aliases): legacy ``hsl(h, s%, l%[, a])`` or modern ``hsl(h s l[ / a])``
  with s and l percentages or numbers (``50`` = ``50%``); the hue a number of degrees or an
  angle (``deg``, ``grad``, ``rad``, ``turn``);
* alpha a number 0..1 or a percentage.

Numbers are CSS numbers (``1``, ``-.5``, ``2.5e2``; not ``1.`` or ``inf``). Values out of range
are clamped as CSS does (``rgb(300 0 0)`` is red, alpha ``2`` is opaque); the hue wraps around.
Whitespace may surround the whole value and the tokens inside the parentheses; the modern
form needs whitespace between its three channels.

Not accepted (CSS has them, but they are rare in chart configs and would widen the grammar):
``none`` components, ``hwb()``, ``lab()``, ``lch()``, ``oklab()``, ``oklch()``, ``color()``,
``currentcolor`` and system colours. Nor matplotlib's own forms (``C0``, ``tab:blue``, grey
levels such as ``0.5``, single letters such as ``r``): they mean nothing to a browser.
"""

from __future__ import annotations

import colorsys
import math
import re

__all__ = ["COLOR_ALLOWED", "CSS_COLOR_NAMES", "CSS_COLOR_PATTERN", "ColorError", "parse_css_color"]

RGBA = tuple[float, float, float, float]

# CSS Color 4 §6.1, every named colour with its sRGB value.
CSS_COLOR_NAMES: dict[str, str] = {
    "aliceblue": "f0f8ff", "antiquewhite": "faebd7", "aqua": "00ffff", "aquamarine": "7fffd4",
    "azure": "f0ffff", "beige": "f5f5dc", "bisque": "ffe4c4", "black": "000000",
    "blanchedalmond": "ffebcd", "blue": "0000ff", "blueviolet": "8a2be2", "brown": "a52a2a",
    "burlywood": "deb887", "cadetblue": "5f9ea0", "chartreuse": "7fff00", "chocolate": "d2691e",
    "coral": "ff7f50", "cornflowerblue": "6495ed", "cornsilk": "fff8dc", "crimson": "dc143c",
    "cyan": "00ffff", "darkblue": "00008b", "darkcyan": "008b8b", "darkgoldenrod": "b8860b",
    "darkgray": "a9a9a9", "darkgreen": "006400", "darkgrey": "a9a9a9", "darkkhaki": "bdb76b",
    "darkmagenta": "8b008b", "darkolivegreen": "556b2f", "darkorange": "ff8c00",
    "darkorchid": "9932cc", "darkred": "8b0000", "darksalmon": "e9967a",
    "darkseagreen": "8fbc8f", "darkslateblue": "483d8b", "darkslategray": "2f4f4f",
    "darkslategrey": "2f4f4f", "darkturquoise": "00ced1", "darkviolet": "9400d3",
    "deeppink": "ff1493", "deepskyblue": "00bfff", "dimgray": "696969", "dimgrey": "696969",
    "dodgerblue": "1e90ff", "firebrick": "b22222", "floralwhite": "fffaf0",
    "forestgreen": "228b22", "fuchsia": "ff00ff", "gainsboro": "dcdcdc", "ghostwhite": "f8f8ff",
    "gold": "ffd700", "goldenrod": "daa520", "gray": "808080", "green": "008000",
    "greenyellow": "adff2f", "grey": "808080", "honeydew": "f0fff0", "hotpink": "ff69b4",
    "indianred": "cd5c5c", "indigo": "4b0082", "ivory": "fffff0", "khaki": "f0e68c",
    "lavender": "e6e6fa", "lavenderblush": "fff0f5", "lawngreen": "7cfc00",
    "lemonchiffon": "fffacd", "lightblue": "add8e6", "lightcoral": "f08080",
    "lightcyan": "e0ffff", "lightgoldenrodyellow": "fafad2", "lightgray": "d3d3d3",
    "lightgreen": "90ee90", "lightgrey": "d3d3d3", "lightpink": "ffb6c1",
    "lightsalmon": "ffa07a", "lightseagreen": "20b2aa", "lightskyblue": "87cefa",
    "lightslategray": "778899", "lightslategrey": "778899", "lightsteelblue": "b0c4de",
    "lightyellow": "ffffe0", "lime": "00ff00", "limegreen": "32cd32", "linen": "faf0e6",
    "magenta": "ff00ff", "maroon": "800000", "mediumaquamarine": "66cdaa",
    "mediumblue": "0000cd", "mediumorchid": "ba55d3", "mediumpurple": "9370db",
    "mediumseagreen": "3cb371", "mediumslateblue": "7b68ee", "mediumspringgreen": "00fa9a",
    "mediumturquoise": "48d1cc", "mediumvioletred": "c71585", "midnightblue": "191970",
    "mintcream": "f5fffa", "mistyrose": "ffe4e1", "moccasin": "ffe4b5", "navajowhite": "ffdead",
    "navy": "000080", "oldlace": "fdf5e6", "olive": "808000", "olivedrab": "6b8e23",
    "orange": "ffa500", "orangered": "ff4500", "orchid": "da70d6", "palegoldenrod": "eee8aa",
    "palegreen": "98fb98", "paleturquoise": "afeeee", "palevioletred": "db7093",
    "papayawhip": "ffefd5", "peachpuff": "ffdab9", "peru": "cd853f", "pink": "ffc0cb",
    "plum": "dda0dd", "powderblue": "b0e0e6", "purple": "800080", "rebeccapurple": "663399",
    "red": "ff0000", "rosybrown": "bc8f8f", "royalblue": "4169e1", "saddlebrown": "8b4513",
    "salmon": "fa8072", "sandybrown": "f4a460", "seagreen": "2e8b57", "seashell": "fff5ee",
    "sienna": "a0522d", "silver": "c0c0c0", "skyblue": "87ceeb", "slateblue": "6a5acd",
    "slategray": "708090", "slategrey": "708090", "snow": "fffafa", "springgreen": "00ff7f",
    "steelblue": "4682b4", "tan": "d2b48c", "teal": "008080", "thistle": "d8bfd8",
    "tomato": "ff6347", "turquoise": "40e0d0", "violet": "ee82ee", "wheat": "f5deb3",
    "white": "ffffff", "whitesmoke": "f5f5f5", "yellow": "ffff00", "yellowgreen": "9acd32",
}  # fmt: skip

COLOR_ALLOWED = (
    "a CSS colour: a name (white, steelblue, rebeccapurple, … or transparent), #rgb, #rgba, "
    "#rrggbb, #rrggbbaa, rgb(r g b / a), rgb(r, g, b, a) with r, g, b 0..255 or percentages, "
    "hsl(h s% l% / a) or hsl(h, s%, l%, a); alpha 0..1 or a percentage"
)

_WHITESPACE = " \t\n\r\f"
_WHITESPACE_RE = re.compile("[ \t\n\r\f]+")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:e[+-]?[0-9]+)?")
_HEX_DIGITS = frozenset("0123456789abcdef")
_HUE_UNITS = {"deg": 1.0, "grad": 0.9, "rad": 180 / math.pi, "turn": 360.0}


class ColorError(ValueError):
    """Text that is not a colour of this grammar; the message says what is allowed."""

    def __init__(self, text: object) -> None:
        self.text = text
        super().__init__(f"{text!r} is not a colour (allowed: {COLOR_ALLOWED})")


def parse_css_color(text: str) -> RGBA:
    """``text`` as (red, green, blue, alpha), each in 0..1, or ``ColorError``."""
    if not isinstance(text, str) or not text.isascii():
        raise ColorError(text)
    color = text.strip(_WHITESPACE).lower()  # ASCII only, so this lowers nothing else
    if color == "transparent":
        return (0.0, 0.0, 0.0, 0.0)
    if color in CSS_COLOR_NAMES:
        return _hex_rgba(CSS_COLOR_NAMES[color], text)
    if color.startswith("#"):
        return _hex_rgba(color[1:], text)
    name, opening, rest = color.partition("(")
    if opening and rest.endswith(")") and name in ("rgb", "rgba", "hsl", "hsla"):
        rgba = _function(name.removesuffix("a"), rest[:-1])
        if rgba is not None:
            return rgba
    raise ColorError(text)


def hex_color(text: str) -> str:
    """``text`` as chart specs write colours: ``#rrggbb``, or ``#rrggbbaa`` when it is not
    opaque; or ``ColorError``."""
    red, green, blue, alpha = parse_css_color(text)
    color = "#" + "".join(f"{round(c * 255):02x}" for c in (red, green, blue))
    return color if alpha >= 1 else color + f"{round(alpha * 255):02x}"


def _hex_rgba(digits: str, text: str) -> RGBA:
    if len(digits) not in (3, 4, 6, 8) or not _HEX_DIGITS.issuperset(digits):
        raise ColorError(text)
    if len(digits) <= 4:
        digits = "".join(digit * 2 for digit in digits)
    channels = [int(digits[i : i + 2], 16) / 255 for i in range(0, len(digits), 2)]
    red, green, blue, *alpha = channels
    return (red, green, blue, alpha[0] if alpha else 1.0)


def _function(name: str, arguments: str) -> RGBA | None:
    """The colour of ``rgb(…)``/``hsl(…)`` from the text between the parentheses, or None."""
    legacy = "," in arguments
    if legacy:  # rgb(r, g, b[, a])
        if "/" in arguments:
            return None
        tokens = [token.strip(_WHITESPACE) for token in arguments.split(",")]
    else:  # rgb(r g b[ / a])
        channel_text, slash, alpha_text = arguments.partition("/")
        # str.split() would also split on \v and \x1c-\x1f, which CSS does not count as space
        tokens = _WHITESPACE_RE.split(channel_text.strip(_WHITESPACE))
        if len(tokens) != 3:
            return None
        if slash:
            tokens.append(alpha_text.strip(_WHITESPACE))
    if len(tokens) not in (3, 4):
        return None
    parsed = [_token(token) for token in tokens]
    if None in parsed:
        return None
    values: list[tuple[float, str]] = parsed  # type: ignore[assignment]
    opacity = 1.0
    if len(values) == 4:
        number, unit = values[3]
        if unit not in ("", "%"):
            return None
        opacity = _clamp(number / 100 if unit == "%" else number)
    if name == "rgb":
        return _rgb(values[:3], legacy, opacity)
    return _hsl(values[:3], legacy, opacity)


def _rgb(channels: list[tuple[float, str]], legacy: bool, opacity: float) -> RGBA | None:
    units = {unit for _, unit in channels}
    # legacy rgb() takes three numbers or three percentages; the modern form may mix them
    if not units <= {"", "%"} or (legacy and len(units) > 1):
        return None
    red, green, blue = (_clamp(n / 100 if unit == "%" else n / 255) for n, unit in channels)
    return (red, green, blue, opacity)


def _hsl(channels: list[tuple[float, str]], legacy: bool, opacity: float) -> RGBA | None:
    (hue, hue_unit), (saturation, s_unit), (lightness, l_unit) = channels
    if hue_unit == "%" or {s_unit, l_unit} - {"", "%"}:
        return None
    if legacy and s_unit + l_unit != "%%":  # legacy hsl(): saturation and lightness in %
        return None
    degrees = hue * _HUE_UNITS.get(hue_unit, 1.0)
    turn = (degrees % 360) / 360 if math.isfinite(degrees) else 0.0
    rgb = colorsys.hls_to_rgb(turn, _clamp(lightness / 100), _clamp(saturation / 100))
    red, green, blue = (_clamp(channel) for channel in rgb)  # rounding may pass 1 by an ulp
    return (red, green, blue, opacity)


def _token(token: str) -> tuple[float, str] | None:
    """A CSS number with its unit (``""``, ``"%"`` or an angle unit), or None."""
    number = _NUMBER.match(token)
    if number is None:
        return None
    unit = token[number.end() :]
    if unit not in ("", "%", *_HUE_UNITS):
        return None
    return float(number.group()), unit


def _clamp(value: float) -> float:
    # float("1e999") is inf and clamps like any large number; NaN cannot come from a CSS number
    return min(max(value, 0.0), 1.0)


def _case_free(word: str) -> str:
    return "".join(f"[{c.upper()}{c}]" if c.isalpha() else re.escape(c) for c in word)


def _alternation(words: list[str]) -> str:
    """A regex matching exactly ``words``, letters in either case, as a trie: no branch is
    tried twice, so it stays fast however a validator runs it."""
    by_first: dict[str, list[str]] = {}
    for word in sorted(words):
        by_first.setdefault(word[0], []).append(word[1:])
    branches = []
    for first, tails in by_first.items():
        rest = [tail for tail in tails if tail]
        body = _case_free(first)
        if rest:
            inner = _alternation(rest)
            optional = "?" if len(rest) < len(tails) else ""
            body += f"(?:{inner}){optional}" if optional or "|" in inner else inner
        branches.append(body)
    return "|".join(branches)


def _pattern() -> str:
    ws = r"[ \t\n\r\f]*"
    num = r"[+-]?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
    pct = num + "%"
    num_or_pct = num + "%?"
    hue = f"{num}(?:{_alternation(list(_HUE_UNITS))})?"
    comma = f"{ws},{ws}"
    gap = r"[ \t\n\r\f]+"
    slash_alpha = f"(?:{ws}/{ws}{num_or_pct})?"
    comma_alpha = f"(?:{comma}{num_or_pct})?"
    rgb = _case_free("rgb") + "[Aa]?"
    hsl = _case_free("hsl") + "[Aa]?"
    forms = [
        "#(?:[0-9A-Fa-f]{3,4}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})",
        _alternation([*CSS_COLOR_NAMES, "transparent"]),
        rf"{rgb}\({ws}(?:{num}{comma}{num}{comma}{num}|{pct}{comma}{pct}{comma}{pct}){comma_alpha}{ws}\)",
        rf"{rgb}\({ws}{num_or_pct}{gap}{num_or_pct}{gap}{num_or_pct}{slash_alpha}{ws}\)",
        rf"{hsl}\({ws}{hue}{comma}{pct}{comma}{pct}{comma_alpha}{ws}\)",
        rf"{hsl}\({ws}{hue}{gap}{num_or_pct}{gap}{num_or_pct}{slash_alpha}{ws}\)",
    ]
    return f"^{ws}(?:{'|'.join(forms)}){ws}$"


# ECMA-262 and Python read it alike: no \d or \s (Unicode-wide in Python), no inline flags.
CSS_COLOR_PATTERN: str = _pattern()
