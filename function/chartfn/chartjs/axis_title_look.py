"""The fonts and colours of a Chart.js config's axis titles, as ``TextStyle`` per axis.

- v2: ``scales.xAxes[0].scaleLabel`` / ``yAxes[0].scaleLabel`` {fontColor, fontSize,
  fontStyle ('bold' in it: bold; 'italic' or 'oblique': italic, any case), fontFamily}.
- v3/v4: ``scales.x.title`` / ``scales.y.title`` {color, font {size, weight, style,
  family}} (Chart.js 4 does not fall back to the chart's ``options.font`` here).
- A second y axis on the right (``chartjs.second_axis``) is read the same way.

The axes are the ones whose ``labelString``/``text`` the translation draws (its ``_Scales``:
the version's spelling first, the other one after). Unset: Chart.js's default (12 px, #666,
normal weight); a value Chart.js could not use: a ``TranslationError`` naming its path.
Italics and families (``chartjs.font_face``): Liberation Sans Italic for an italic sans-serif
text, DejaVu Serif or DejaVu Sans Mono for a serif or monospace family list.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from chartfn.chartjs.callbacks import option_path
from chartfn.chartjs.font_face import font_face, v2_bold, v2_face
from chartfn.chartjs.option_values import bold_option, color_option, size_option
from chartfn.chartjs.second_axis import right_axis
from chartfn.models.overlays import TextStyle

__all__ = ["axis_title_styles"]


def axis_title_styles(config: Mapping[str, Any], version: int) -> dict[str, TextStyle]:
    """``x_title``, ``y_title`` and ``y2_title`` for ``ChartLook``, where the config sets them."""
    options = config.get("options")
    scales = options.get("scales") if isinstance(options, Mapping) else None
    if not isinstance(scales, Mapping):
        return {}
    styles: dict[str, TextStyle] = {}
    for axis in ("x", "y"):
        found = _axis(scales, axis, version)
        if found is not None:
            style = _title_style(found[0], found[1], version)
            if style != TextStyle():
                styles[f"{axis}_title"] = style
    right = right_axis(config, version)
    if right is not None:
        style = _title_style(right.options, option_path(right.path), version)
        if style != TextStyle():
            styles["y2_title"] = style
    return styles


def _axis(
    scales: Mapping[str, Any], axis: str, version: int
) -> tuple[Mapping[str, Any], str] | None:
    listed = scales.get(f"{axis}Axes")
    v2 = listed[0] if isinstance(listed, list) and listed else None
    v2_axis = (v2, f"options.scales.{axis}Axes[0]") if isinstance(v2, Mapping) else None
    v3 = scales.get(axis)
    v3_axis = (v3, f"options.scales.{axis}") if isinstance(v3, Mapping) else None
    ordered = (v3_axis, v2_axis) if version >= 3 else (v2_axis, v3_axis)
    for candidate in ordered:
        if candidate is not None:
            return candidate
    return None


def _title_style(scale: Mapping[str, Any], path: str, version: int) -> TextStyle:
    if version < 3:
        block = scale.get("scaleLabel")
        if not isinstance(block, Mapping):
            return TextStyle()
        where = f"{path}.scaleLabel"
        return TextStyle(
            color=color_option(block.get("fontColor"), f"{where}.fontColor"),
            size=size_option(block.get("fontSize"), f"{where}.fontSize"),
            bold=v2_bold(block.get("fontStyle")),
            face=v2_face(block),
        )
    block = scale.get("title")
    if not isinstance(block, Mapping):
        return TextStyle()
    where = f"{path}.title"
    font = block.get("font")
    font = font if isinstance(font, Mapping) else {}
    return TextStyle(
        color=color_option(block.get("color"), f"{where}.color"),
        size=size_option(font.get("size"), f"{where}.font.size"),
        bold=bold_option(font.get("weight")),
        face=font_face(font, version),
    )
