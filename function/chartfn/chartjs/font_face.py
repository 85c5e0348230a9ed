"""Which face a Chart.js text is drawn in: its style (upright, italic) and font family, as
``models.font_face.FontFace``, read where each Chart.js version reads them.

- v2: ``fontStyle`` is pasted in front of the size in a CSS font string ('italic',
  'bold italic', 'oblique', any case: the canvas parses CSS, which ignores case); ``fontFamily``
  is the CSS family list after it.
- v3/v4: ``font.style`` must match Chart.js's own pattern (``normal``, ``italic``,
  ``oblique`` with an optional angle, ``initial``, ``inherit``, ``unset``; exact case); any
  other value is dropped with a console warning, i.e. drawn upright. ``font.weight`` stays
  with ``option_values.bold_option``. Where Chart.js falls back to the chart's own
  ``options.font`` (a radar's point labels, annotation labels: the scopes its option
  resolver gives them), the caller passes it as ``fallback``, merged key by key as
  ``toFont`` merges.
- chartjs-plugin-datalabels, the annotation and QuickChart's doughnutlabel/outlabels
  plugins take a ``font`` object in both versions, read like v3's (v2: any case).

A family list is read from its first name on, up to the first the engine can honour:
Helvetica, Arial and the like are sans-serif (Liberation Sans), Times and Georgia serif,
Courier and Consolas monospace (and fontconfig's 'sans' and 'mono', which QuickChart's
node-canvas resolves); names it does not know are passed over, as a browser passes
over fonts it does not have; none known: the default face. No font value is an error:
Chart.js draws with its default where a canvas cannot use one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from chartfn.models.font_face import FontFace, GenericFamily

__all__ = ["font_face", "v2_bold", "v2_face"]

# chart.js 4 helpers.options FONT_STYLE
_V3_STYLE = re.compile(r"^(normal|italic|initial|inherit|unset|(oblique( -?[0-9]?[0-9]deg)?))$")
# a family list is CSS: bounded so that a long one costs nothing
_MAX_FAMILY_TEXT = 1000
_MAX_FAMILY_NAMES = 20
_FAMILIES: dict[str, GenericFamily] = {
    **dict.fromkeys(
        (
            "sans-serif",
            "helvetica",
            "helvetica neue",
            "arial",
            "system-ui",
            "-apple-system",
            "blinkmacsystemfont",
            "ui-sans-serif",
            "liberation sans",
            "arimo",
            "sans",  # fontconfig's alias, which QuickChart's node-canvas resolves
        ),
        "sans-serif",
    ),
    **dict.fromkeys(
        (
            "serif",
            "ui-serif",
            "times",
            "times new roman",
            "georgia",
            "liberation serif",
            "tinos",
            "dejavu serif",
        ),
        "serif",
    ),
    **dict.fromkeys(
        (
            "monospace",
            "ui-monospace",
            "courier",
            "courier new",
            "consolas",
            "menlo",
            "monaco",
            "liberation mono",
            "cousine",
            "dejavu sans mono",
            "mono",  # fontconfig's alias (QuickChart's docs write fontFamily: 'Mono')
        ),
        "monospace",
    ),
}


def v2_face(block: Mapping[str, Any]) -> FontFace | None:
    """A v2 block's ``fontStyle`` and ``fontFamily``; None: the default face."""
    return _face(_v2_italic(block.get("fontStyle")), _family(block.get("fontFamily")))


def v2_bold(style: Any) -> bool | None:
    """Whether a v2 ``fontStyle`` makes the text bold; None when it is not a string."""
    if not isinstance(style, str):
        return None
    return "bold" in style.lower().split()


def font_face(font: Any, version: int, fallback: Any = None) -> FontFace | None:
    """A ``font`` object's ``style`` and ``family``, each from ``fallback`` (a chart's
    ``options.font``) where ``font`` has none; None: the default face."""
    own = font if isinstance(font, Mapping) else {}
    inherited = fallback if isinstance(fallback, Mapping) else {}
    style = own.get("style", inherited.get("style"))
    family = own.get("family", inherited.get("family"))
    italic = _v3_italic(style) if version >= 3 else _v2_italic(style)
    return _face(italic, _family(family))


def _face(italic: bool, family: GenericFamily | None) -> FontFace | None:
    face = FontFace(italic=italic, family=family or "sans-serif")
    return None if face.is_default() else face


def _v2_italic(style: Any) -> bool:
    if not isinstance(style, str):
        return False
    words = style.lower().split()
    return "italic" in words or "oblique" in words


def _v3_italic(style: Any) -> bool:
    return (
        isinstance(style, str)
        and _V3_STYLE.match(style) is not None
        and (style == "italic" or style.startswith("oblique"))
    )


def _family(value: Any) -> GenericFamily | None:
    """The generic family of the first name in a CSS family list that is known here."""
    if not isinstance(value, str):
        return None
    for name in value[:_MAX_FAMILY_TEXT].split(",")[:_MAX_FAMILY_NAMES]:
        found = _FAMILIES.get(name.strip().strip("'\"").strip().lower())
        if found is not None:
            return found
    return None
