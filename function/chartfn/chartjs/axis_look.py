"""How a Chart.js scale asks to be drawn beside its ticks: ``display``, grid lines (v2
``gridLines``, v3+ ``grid``: ``display``, ``color``) and tick labels (``ticks.display``; colour
v2 ``ticks.fontColor``, v3+ ``ticks.color``; size, weight and face v2 ``ticks.fontSize``/
``fontStyle``/``fontFamily``, v3+ ``ticks.font`` {size, weight, style, family}). A colour
Chart.js could not paint with (not a CSS colour, a function, an object) leaves the theme's
colour, as the canvas keeps its previous style; a colour array's first entry colours every line
(per-line colours are not drawn)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from chartfn.chartjs.font_face import font_face, v2_bold, v2_face
from chartfn.chartjs.option_values import bold_option, is_number
from chartfn.models.axis_ticks import AxisLook
from chartfn.models.colors import ColorError, hex_color
from chartfn.models.overlays import MAX_FONT_SIZE

__all__ = ["look_of"]


def look_of(scale: Mapping[str, Any], version: int) -> AxisLook | None:
    """The scale's look; None when it asks for nothing but the defaults."""
    grid = _block(scale, "gridLines" if version == 2 else "grid")
    ticks = _block(scale, "ticks")
    look = AxisLook(
        display=scale.get("display") is not False,
        # drawOnChartArea: false keeps the lines off the plot (often set on a second axis)
        grid=grid.get("display") is not False and grid.get("drawOnChartArea") is not False,
        grid_color=_color(grid.get("color")),
        tick_labels=ticks.get("display") is not False,
        tick_color=_color(ticks.get("fontColor" if version == 2 else "color")),
        **_tick_font(ticks, version),
    )
    return None if look == AxisLook() else look


def _tick_font(ticks: Mapping[str, Any], version: int) -> dict[str, Any]:
    """The tick labels' size (v2 ``fontSize``, v3+ ``font.size``), weight (v2
    ``fontStyle``, v3+ ``font.weight``) and face (v2 ``fontStyle``/``fontFamily``, v3+
    ``font.style``/``family``; Chart.js 4 does not fall back to ``options.font`` here); a
    size that is no number from 1 to 200 leaves the default, as the tick values
    (``chartjs.ticks``) are counted with it."""
    if version == 2:
        size, bold = ticks.get("fontSize"), bool(v2_bold(ticks.get("fontStyle")))
        face = v2_face(ticks)
    else:
        font = _block(ticks, "font")
        size, bold = font.get("size"), bool(bold_option(font.get("weight")))
        face = font_face(font, version)
    if not (is_number(size) and 1 <= size <= MAX_FONT_SIZE):
        size = None
    return {
        "tick_size": None if size is None else float(size),
        "tick_bold": bold,
        "tick_face": face,
    }


def _block(scale: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    block = scale.get(name)
    return block if isinstance(block, Mapping) else {}


def _color(value: Any) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if not isinstance(value, str):
        return None
    try:
        return hex_color(value)
    except ColorError:
        return None
