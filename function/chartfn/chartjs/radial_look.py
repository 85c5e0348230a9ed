"""How a radar or polar area config asks its radial scale to be drawn, as a ``RadialLook``:

=================  =========================================  ===================================
option             v2 ``options.scale``                       v3/v4 ``options.scales.r``
=================  =========================================  ===================================
spoke labels       ``pointLabels`` {display, fontColor,       ``pointLabels`` {display, color,
                   fontSize, fontStyle, fontFamily}           font {size, weight, style,
                                                              family}, behind it
                                                              ``options.font`` {style, family}
tick labels        ``ticks`` {fontColor, backdropColor,       ``ticks`` {color, backdropColor,
                   showLabelBackdrop}                         showLabelBackdrop}
spokes             ``angleLines`` {display, color}            ``angleLines`` {display, color}
rings              ``gridLines.color``                        ``grid.color``
=================  =========================================  ===================================

A polar area draws no spokes unless ``angleLines.display`` asks (its chart type's default
in 2.9.4 and 4); Chart.js 2.9.4 turns them by the chart's ``startAngle`` (radians, −π/2 by
default) read as degrees, so they sit about 1.6° before the slices' edges. The look also
says which Chart.js fits the scale in its chart area (2.9.4's ``fitWithPointLabels`` or 4's).
A colour array (Chart.js's per-label or per-ring colours) is drawn in its first colour; a
function leaves the default. A value Chart.js could not use is a ``TranslationError`` naming
its path. No matplotlib here."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from chartfn.chartjs.callbacks import option_path
from chartfn.chartjs.font_face import font_face, v2_bold, v2_face
from chartfn.chartjs.option_values import bold_option, color_option, size_option
from chartfn.chartjs.radial_ticks import radial_scale
from chartfn.chartjs.ticks import option_number
from chartfn.models.axis_ticks import RadialLook

__all__ = ["radial_look"]

V2_POLAR_START = -0.5 * math.pi  # Chart.js 2.9.4's polarArea startAngle (radians)


def radial_look(config: Mapping[str, Any], version: int) -> RadialLook:
    """The radial scale's look, with the Chart.js version that places it."""
    polar = config.get("type") == "polarArea"
    options = config.get("options")
    ref = radial_scale(options if isinstance(options, Mapping) else {}, version)
    scale, path = ref.options, option_path(ref.path)
    labels = _block(scale, "pointLabels")
    ticks = _block(scale, "ticks")
    angle_lines = _block(scale, "angleLines")
    grid = _block(scale, "gridLines" if version < 3 else "grid")
    if version < 3:
        label_color = _color(labels.get("fontColor"), f"{path}.pointLabels.fontColor")
        label_size = size_option(labels.get("fontSize"), f"{path}.pointLabels.fontSize")
        label_bold = bool(v2_bold(labels.get("fontStyle")))
        label_face = v2_face(labels)
        tick_color = _color(ticks.get("fontColor"), f"{path}.ticks.fontColor")
    else:
        font = _block(labels, "font")
        label_color = _color(labels.get("color"), f"{path}.pointLabels.color")
        label_size = size_option(font.get("size"), f"{path}.pointLabels.font.size")
        label_bold = bool(bold_option(font.get("weight")))
        # Chart.js 4 resolves point labels' font through the chart's scopes: the chart's own
        # options.font stands behind it (not behind the title's, legend's or ticks')
        root_font = options.get("font") if isinstance(options, Mapping) else None
        label_face = font_face(font, version, root_font)
        tick_color = _color(ticks.get("color"), f"{path}.ticks.color")
    grid_name = "gridLines" if version < 3 else "grid"
    look = RadialLook(
        point_labels=labels.get("display") is not False,
        point_label_color=label_color,
        point_label_size=label_size,
        point_label_bold=label_bold,
        point_label_face=label_face,
        tick_color=tick_color,
        backdrop=ticks.get("showLabelBackdrop") is not False,
        backdrop_color=_color(ticks.get("backdropColor"), f"{path}.ticks.backdropColor"),
        angle_lines=_truthy(angle_lines.get("display", not polar)),
        angle_line_color=_color(angle_lines.get("color"), f"{path}.angleLines.color"),
        grid_color=_color(grid.get("color"), f"{path}.{grid_name}.color"),
        chartjs_version=2 if version < 3 else 4,
        spoke_start=_v2_spoke_start(options) if polar and version < 3 else None,
    )
    return look


def _truthy(value: Any) -> bool:
    """JavaScript's truthiness for an option's plain value."""
    return value not in (False, None, 0, "") and value == value  # NaN is falsy


def _v2_spoke_start(options: Any) -> float:
    """Chart.js 2.9.4's getIndexAngle adds ``options.startAngle`` (radians) to degrees."""
    raw = options.get("startAngle") if isinstance(options, Mapping) else None
    number = option_number(raw) if raw is not None and not isinstance(raw, bool) else None
    return V2_POLAR_START if number is None else number


def _block(options: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    block = options.get(name)
    return block if isinstance(block, Mapping) else {}


def _color(value: Any, path: str) -> str | None:
    if isinstance(value, list):
        value, path = (value[0] if value else None), f"{path}[0]"
    return color_option(value, path)
