"""A Chart.js config's title and legend fonts and places, and its ``layout.padding``, as a
``models.overlays.ChartLook``.

- Title: v2 ``options.title`` {fontSize, fontColor, fontStyle, fontFamily, position}; v3/v4
  ``options.plugins.title`` {font {size, weight, style, family}, color, position, align}
  (italics and families: ``chartjs.font_face``). An array ``text``
  is drawn as lines one under another. ``position`` top, bottom, left or right (turned
  upright as Chart.js turns it: reading upwards on the left, downwards on the right);
  ``align`` start, center or end along that side (start: where the text starts reading).
- Legend: v2 ``options.legend`` {position, align, labels {fontSize, fontColor, fontStyle,
  fontFamily, usePointStyle, boxWidth, padding}}; v3/v4 ``options.plugins.legend`` {position, align,
  labels {font, color, usePointStyle, boxWidth, boxHeight, padding}}, whose label colour
  defaults to the chart's ``options.color`` (Chart.js 3/4 route it there; v2 has no such
  option: ``defaultFontColor`` is a global, not a config option). The swatches are Chart.js's
  boxes (``boxWidth``, 40, × the font size or ``boxHeight``) and entries ``padding`` (10)
  apart.
- Subtitle (Chart.js 4's ``options.plugins.subtitle``, v3+ only): {display, text (a string
  or lines), position top or bottom, font {size, weight}, color}, drawn under the title (at
  the bottom: over it), in normal weight unless its font says bold.
- ``options.layout.padding``: a number or {left, right, top, bottom}, in CSS pixels.
- QuickChart's ``sparkline`` (``lib/charts.js``): no axes (x and y ``display: false``) unless
  the config sets ``options.scales``.

Unset options keep the engine's look; a value Chart.js could not use is a
``TranslationError`` naming its path.
"""

from __future__ import annotations

from typing import Any

from chartfn.chartjs.config import JsFunction
from chartfn.chartjs.font_face import font_face, v2_bold, v2_face
from chartfn.chartjs.option_values import (
    bold_option,
    color_option,
    is_number,
    length_option,
    size_option,
)
from chartfn.models.chart_spec import MAX_TEXT
from chartfn.models.overlays import ChartLook, TextStyle
from chartfn.models.sankey_look import SANKEY_PADDING

__all__ = ["config_look"]

_LEGEND_POSITIONS = ("top", "bottom", "left", "right")
Padding = tuple[float, float, float, float]  # CSS pixels: left, top, right, bottom
_NO_PADDING: Padding = (0.0, 0.0, 0.0, 0.0)
_MAX_TITLE_LINES = 10
_ALIGNS = ("start", "center", "end")


def config_look(
    options: dict[str, Any], version: int, warnings: list[str], chart_type: object = None
) -> ChartLook:
    title, title_path = _plugin(options, "title", version)
    legend, legend_path = _plugin(options, "legend", version)
    labels = legend.get("labels") if isinstance(legend.get("labels"), dict) else {}
    assert isinstance(labels, dict)
    position = title.get("position")
    legend_position = legend.get("position")
    chart_color = options.get("color") if version >= 3 else None
    legend_text = _text_style(labels, f"{legend_path}.labels", version)
    if legend_text.color is None and isinstance(chart_color, str):
        legend_text = TextStyle(
            color_option(chart_color, "options.color"),
            legend_text.size,
            legend_text.bold,
            legend_text.face,
        )
    subtitle, subtitle_path = _plugin(options, "subtitle", version) if version >= 3 else ({}, "")
    return ChartLook(
        subtitle=_text_style(subtitle, subtitle_path, version),
        subtitle_lines=_lines(subtitle, 1) if subtitle.get("display") is True else (),
        subtitle_bottom=subtitle.get("position") == "bottom",
        title=_text_style(title, title_path, version),
        title_bottom=position == "bottom",
        title_side=position if position in ("left", "right") else None,
        # Chart.js 2's title has no align
        title_align=_align(title.get("align")) if version >= 3 else "center",
        title_lines=_lines(title) if title.get("display") is True else (),
        legend=legend_text,
        legend_position=legend_position if legend_position in _LEGEND_POSITIONS else "top",
        legend_point_style=labels.get("usePointStyle") is True,
        **_legend_box(labels, f"{legend_path}.labels", version),
        legend_align=_align(legend.get("align")),
        padding=_padding(options, SANKEY_PADDING if chart_type == "sankey" else _NO_PADDING),
        # QuickChart hides a sparkline's axes unless the config gives its own scales
        # (in v2 spellings: v3/v4 ignore them and draw the axes); a sankey has none
        axes=(chart_type != "sparkline" or version > 2 or "scales" in options)
        and chart_type != "sankey",
        chartjs_version=2 if version < 3 else 4,
    )


def _legend_box(labels: dict[str, Any], path: str, version: int) -> dict[str, float | None]:
    """The swatch's width and height (v3+) and the gap between entries, where given."""
    height = labels.get("boxHeight") if version >= 3 else None
    return {
        "legend_box_width": _length(labels.get("boxWidth"), f"{path}.boxWidth"),
        "legend_box_height": _length(height, f"{path}.boxHeight"),
        "legend_padding": _length(labels.get("padding"), f"{path}.padding"),
    }


def _length(value: Any, path: str) -> float | None:
    return length_option(value, path, 0.0) if is_number(value) else None


def _align(value: Any) -> str:
    return value if value in _ALIGNS else "center"


def _plugin(options: dict[str, Any], name: str, version: int) -> tuple[dict[str, Any], str]:
    """The title's or legend's options, where the version reads them first (as the
    translation finds them), and their path."""
    plugins = options.get("plugins")
    under_plugins = plugins.get(name) if isinstance(plugins, dict) else None
    places = [(under_plugins, f"options.plugins.{name}"), (options.get(name), f"options.{name}")]
    if version < 3:
        places.reverse()
    for candidate, path in places:
        if isinstance(candidate, dict):
            return candidate, path
    return {}, ""


def _text_style(block: dict[str, Any], path: str, version: int) -> TextStyle:
    """v2's ``fontSize``/``fontColor``/``fontStyle``/``fontFamily``, v3's ``font`` {size,
    weight, style, family} and ``color``; each version reads its own spelling (Chart.js 4's
    title, subtitle and legend do not fall back to the chart's ``options.font``)."""
    if version < 3:
        return TextStyle(
            color=color_option(block.get("fontColor"), f"{path}.fontColor"),
            size=size_option(block.get("fontSize"), f"{path}.fontSize"),
            bold=v2_bold(block.get("fontStyle")),
            face=v2_face(block),
        )
    font = block.get("font") if isinstance(block.get("font"), dict) else {}
    assert isinstance(font, dict)
    return TextStyle(
        color=color_option(block.get("color"), f"{path}.color"),
        size=size_option(font.get("size"), f"{path}.font.size"),
        bold=bold_option(font.get("weight")),
        face=font_face(font, version),
    )


def _lines(title: dict[str, Any], least: int = 2) -> tuple[str, ...]:
    """An array title's lines (at least two; one line stays the spec's title), or a
    subtitle's (``least`` 1: a string is its one line)."""
    text = title.get("text")
    if least == 1 and not isinstance(text, list):
        text = [text] if isinstance(text, str | int | float) and text != "" else []
    if not isinstance(text, list) or len(text) < least:
        return ()
    lines = []
    for item in text[:_MAX_TITLE_LINES]:
        if item is None or isinstance(item, JsFunction | dict | list):
            line = ""
        elif isinstance(item, bool):
            line = "true" if item else "false"
        else:
            line = str(item)
        line = "".join(c if c.isprintable() else " " for c in line)
        lines.append(line if len(line) <= MAX_TEXT else line[: MAX_TEXT - 1] + "…")
    return tuple(lines)


def _padding(options: dict[str, Any], default: Padding) -> Padding:
    """The config's padding over ``default`` (a chart type's override, merged side by side
    as Chart.js merges options)."""
    layout = options.get("layout")
    padding = layout.get("padding") if isinstance(layout, dict) else None
    path = "options.layout.padding"
    if is_number(padding):
        side = length_option(padding, path, 0.0)
        return (side, side, side, side)
    if not isinstance(padding, dict):
        return default
    sides = ("left", "top", "right", "bottom")
    left, top, right, bottom = (
        length_option(padding.get(side), f"{path}.{side}", given)
        for side, given in zip(sides, default, strict=True)
    )
    return (left, top, right, bottom)
