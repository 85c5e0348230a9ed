"""A Chart.js dataset's look (``SeriesStyle``), read as Chart.js 2.9.4 or 3/4 resolve it: the
dataset's option, then ``options.elements.line`` / ``elements.point``, then the version's
default, with QuickChart's own default for line charts (straight lines: its server sets
``lineTension`` to 0 unless a config gives another, in every version; Chart.js 3/4 read that
prefixed name before ``tension``, so there ``tension`` alone leaves a QuickChart line straight).

Defaults by version (Chart.js's, from its ``defaults`` of the line and point elements and the
line, scatter and bubble controllers):

==================  ===========================  ==========================
option              2.9.4 (QuickChart's)         3.9 / 4
==================  ===========================  ==========================
fill                true (to the origin)         false
tension             0 (QuickChart), scatter 0.4  0
showLine            line true, scatter false     line true, scatter false
borderWidth         3                            3
pointRadius         3                            3
pointBorderWidth    1                            1
==================  ===========================  ==========================

Colour arrays colour value by value (bars, points, bubbles); a value past the array's end takes
the dataset's colour. A known option whose value Chart.js could not use (a colour that is no
CSS colour, a width that is no number) is a ``TranslationError`` naming its path; an unknown
``pointStyle`` (or an image) is drawn as a circle, as Chart.js draws it. No matplotlib here.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from chartfn.chartjs.bar_border import bar_border
from chartfn.chartjs.pattern_fill import PaintError, fill_paint, paint_color
from chartfn.models.colors import ColorError, hex_color
from chartfn.models.fill_gradient import LinearGradient
from chartfn.models.fill_pattern import FillPattern, Paint
from chartfn.models.series_style import (
    MAX_BORDER_WIDTH,
    MAX_DASH_LENGTH,
    MAX_DASH_SEGMENTS,
    MAX_POINT_RADIUS,
    POINT_STYLES,
    Fill,
    PointStyle,
    SeriesStyle,
    Stepped,
)

__all__ = ["StyleError", "series_style"]

# What a QuickChart line chart's datasets get (lib/charts.js: `lineTension || 0`).
_QUICKCHART_TENSION = 0.0
_CHARTJS_V2_TENSION = 0.4
_BORDER_WIDTH = 3.0
_POINT_RADIUS = 3.0
_POINT_BORDER_WIDTH = 1.0
# QuickChart's sparkline: elements.line {borderWidth: 1} and elements.point {radius: 0}
_SPARKLINE_LINE = {"borderWidth": 1}
_SPARKLINE_POINT = {"radius": 0}
_FILL_TARGETS: dict[Any, Fill | None] = {
    True: "origin",
    "origin": "origin",
    "start": "start",
    "end": "end",
    False: None,
}


class StyleError(ValueError):
    """An option Chart.js could not use; ``path`` locates it in the config."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        super().__init__(message)


def series_style(
    dataset: dict[str, Any],
    kind: str,
    chart_type: str,
    version: int,
    options: dict[str, Any],
    path: str,
    positions: Sequence[int],
    warnings: list[str],
) -> SeriesStyle | None:
    """The look of ``dataset`` (at config ``path``) drawn as ``kind``; ``positions``: the index
    in ``dataset.data`` of each value the series holds. None where the engine's look is
    Chart.js's already (bars in one colour, pies)."""
    if kind == "progressBar":  # the bars (first dataset) or the track (second)
        painted = _paints(dataset.get("backgroundColor"), f"{path}.backgroundColor", ())
        return painted if painted != SeriesStyle() else None
    if kind == "bar":
        colors = _per_value(
            dataset, ("backgroundColor",), path, positions, version, arrays_only=True
        )
        paints = _paints(dataset.get("backgroundColor"), f"{path}.backgroundColor", positions)
        border = bar_border(dataset, options, version, path, positions, warnings)
        if paints != SeriesStyle():
            return replace(paints, point_colors=colors, **border)
        return SeriesStyle(point_colors=colors, **border) if colors or border else None
    if kind in ("pie", "doughnut", "polarArea"):
        # a slice chart's colours are taken in turn (translate's slice_colors): so are paints
        value, where = dataset.get("backgroundColor"), f"{path}.backgroundColor"
        count = len(positions)
        if isinstance(value, list):
            turns = [i % len(value) for i in range(count)] if value else []
            paints = _paints(value, where, turns).point_paints
        else:
            one = _paint(value, where)
            paints = tuple(one for _ in range(count)) if one is not None else ()
        return SeriesStyle(point_paints=paints) if paints else None
    if kind == "radar":  # its area painted as a line's, its outline stroked (raster.radial)
        area = _paints(dataset.get("backgroundColor"), f"{path}.backgroundColor", ())
        border = _paints(dataset.get("borderColor"), f"{path}.borderColor", ())
        border_paint = border.gradient if border.gradient is not None else border.pattern
        # Chart.js fills the area with backgroundColor; without one, Chart.js 3/4 its default
        # grey (v2 configs have QuickChart's colour scheme's, or the border's colour faded)
        fill = None
        if area == SeriesStyle():
            fill = _single_color(dataset.get("backgroundColor"), f"{path}.backgroundColor")
            if fill is None and version >= 3 and dataset.get("backgroundColor") is None:
                fill = CHARTJS2_DEFAULT_COLOR  # Chart.defaults.backgroundColor, the same in 3/4
        if area == SeriesStyle() and border_paint is None and fill is None:
            return None  # the engine's radar as before
        return replace(area, border_paint=border_paint, fill_color=fill)
    if kind not in ("line", "scatter", "bubble"):
        return None
    elements = options.get("elements") if isinstance(options.get("elements"), dict) else {}
    assert isinstance(elements, dict)
    line = elements.get("line") if isinstance(elements.get("line"), dict) else None
    point = elements.get("point") if isinstance(elements.get("point"), dict) else None
    if chart_type == "sparkline":  # QuickChart's, where the config sets no elements of its own
        line = line if line is not None else dict(_SPARKLINE_LINE)
        point = point if point is not None else dict(_SPARKLINE_POINT)
    line, point = line or {}, point or {}
    assert isinstance(line, dict)
    assert isinstance(point, dict)

    def option(names: Sequence[str], element: dict[str, Any], element_names: Sequence[str]) -> Any:
        for name in names:
            if dataset.get(name) is not None:
                return dataset[name], f"{path}.{name}"
        for name in element_names:
            if element.get(name) is not None:
                kind_of = "line" if element is line else "point"
                return element[name], f"options.elements.{kind_of}.{name}"
        return None, ""

    if kind == "bubble":
        return SeriesStyle(
            point_colors=_per_value(dataset, ("backgroundColor",), path, positions, version),
            point_border_colors=_per_value(dataset, ("borderColor",), path, positions, version),
            point_style=_point_style(*option(("pointStyle",), point, ("pointStyle",))),
            point_border_width=_size(
                *option(("borderWidth",), point, ("borderWidth",)),
                _POINT_BORDER_WIDTH,
                MAX_BORDER_WIDTH,
            ),
        )
    show_line = _show_line(dataset, options, kind, version)
    fill_value, fill_path = option(("fill",), line, ("fill",))
    if fill_value is None:
        fill_value = version < 3
    fill = _fill(fill_value, fill_path, warnings) if show_line else None
    tension_names = ("lineTension", "tension") if version < 3 else ("tension", "lineTension")
    tension_value, tension_path = option(tension_names, line, ("tension",))
    if chart_type in ("line", "sparkline"):
        # QuickChart sets every line chart's lineTension (`|| 0`) in every version, and
        # Chart.js 3/4 resolve the line element's `lineTension` (its prefixed name) before
        # `tension`: only a lineTension curves a QuickChart line
        tension_value = dataset.get("lineTension") or _QUICKCHART_TENSION
        tension_path = f"{path}.lineTension"
    default_tension = _CHARTJS_V2_TENSION if version < 3 else 0.0
    stepped_names = ("steppedLine", "stepped") if version < 3 else ("stepped", "steppedLine")
    radius_value, radius_path = option(("pointRadius", "radius"), point, ("radius",))
    background = _per_value(
        dataset, ("pointBackgroundColor", "backgroundColor"), path, positions, version
    )
    area = _paints(dataset.get("backgroundColor"), f"{path}.backgroundColor", ())
    area_paint = area.gradient if area.gradient is not None else area.pattern
    border = _paints(dataset.get("borderColor"), f"{path}.borderColor", ())
    return SeriesStyle(
        gradient=area.gradient,
        pattern=area.pattern,
        border_paint=border.gradient if border.gradient is not None else border.pattern,
        point_colors=background,
        point_border_colors=_per_value(
            dataset, ("pointBorderColor", "borderColor"), path, positions, version
        ),
        fill_color=_single_color(dataset.get("backgroundColor"), f"{path}.backgroundColor")
        if area_paint is None
        else paint_color(area_paint),  # where it cannot be (past SVG/PDF's bound)
        border_color=_single_color(dataset.get("borderColor"), f"{path}.borderColor"),
        fill=fill,
        line_width=_size(
            *option(("borderWidth",), line, ("borderWidth",)), _BORDER_WIDTH, MAX_BORDER_WIDTH
        ),
        dash=_dash(*option(("borderDash",), line, ("borderDash",))),
        tension=_tension(tension_value, tension_path, default_tension),
        monotone=option(("cubicInterpolationMode",), line, ("cubicInterpolationMode",))[0]
        == "monotone",
        stepped=_stepped(option(stepped_names, line, ("stepped", "steppedLine"))[0]),
        show_line=show_line,
        span_gaps=_truthy(dataset.get("spanGaps", options.get("spanGaps"))),
        point_radius=_size(radius_value, radius_path, _POINT_RADIUS, MAX_POINT_RADIUS),
        point_radii=_radii(radius_value, radius_path, positions, point),
        point_style=_point_style(*option(("pointStyle",), point, ("pointStyle",))),
        point_border_width=_size(
            *option(("pointBorderWidth",), point, ("borderWidth",)),
            _POINT_BORDER_WIDTH,
            MAX_BORDER_WIDTH,
        ),
    )


def _truthy(value: Any) -> bool:
    """JavaScript's truthiness, which Chart.js's boolean options follow."""
    if isinstance(value, str):
        return value != ""
    if isinstance(value, int | float):
        return value != 0 and not (isinstance(value, float) and math.isnan(value))
    return value is not None and value is not False


def _show_line(dataset: dict[str, Any], options: dict[str, Any], kind: str, version: int) -> bool:
    if "showLine" in dataset and dataset["showLine"] is not None:
        return _truthy(dataset["showLine"])
    chart_option = options.get("showLines" if version < 3 else "showLine")
    if chart_option is not None:
        return _truthy(chart_option)
    return kind == "line"


def _fill(value: Any, path: str, warnings: list[str]) -> Fill | None:
    if isinstance(value, bool | str) and value in _FILL_TARGETS:
        return _FILL_TARGETS[value]
    if value is None:
        return None
    # a dataset index, '-1', '+2', 'stack', 'shape', {value}, {target}: fills between datasets
    warnings.append(f"{path}: a fill to another dataset or value is drawn to the origin for now")
    return "origin"


def _number(value: Any, path: str) -> float:
    """A number or a decimal numeric string (a canvas coerces those) and nothing else."""
    number: float | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    elif isinstance(value, str) and value.strip() and set(value.strip()) <= _DECIMAL_CHARS:
        try:
            number = float(value)
        except ValueError:
            number = None
    if number is None or not math.isfinite(number):
        shown = repr(value[:40]) if isinstance(value, str) else type(value).__name__
        raise StyleError(path, f"{shown} is not a finite number")
    return number


_DECIMAL_CHARS = frozenset("0123456789+-.eE")


def _size(value: Any, path: str, default: float, limit: float) -> float:
    """A width or radius in CSS pixels, 0 … ``limit`` (a negative one draws nothing, as on a
    canvas). An array (one per value) is drawn with its first entry."""
    if isinstance(value, list):
        value = value[0] if value else None
        path += "[0]"
    if value is None:
        return default
    return min(max(_number(value, path), 0.0), limit)


def _radii(
    value: Any, path: str, positions: Sequence[int], point: dict[str, Any]
) -> tuple[float, ...]:
    """Each point's radius where ``pointRadius`` is an array (() otherwise); a value past
    its end takes ``elements.point.radius`` or the default, as Chart.js resolves it."""
    if not isinstance(value, list) or len(value) < 2:
        return ()
    fallback = _size(point.get("radius"), "options.elements.point.radius", _POINT_RADIUS,
                     MAX_POINT_RADIUS)  # fmt: skip
    return tuple(
        _size(value[p], f"{path}[{p}]", fallback, MAX_POINT_RADIUS)
        if p < len(value) and value[p] is not None
        else fallback
        for p in positions
    )


def _tension(value: Any, path: str, default: float) -> float:
    # Chart.js uses any number; past 0 … 1 the curve loops through itself, so it is bounded.
    return default if value is None else min(max(_number(value, path), 0.0), 1.0)


def _stepped(value: Any) -> Stepped | None:
    if value is True:
        return "before"
    if value in ("before", "after", "middle"):
        return value  # type: ignore[no-any-return]
    return None


def _dash(value: Any, path: str) -> tuple[float, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise StyleError(path, "must be an array of dash and gap lengths")
    if len(value) > MAX_DASH_SEGMENTS:
        raise StyleError(path, f"has {len(value)} lengths; at most {MAX_DASH_SEGMENTS}")
    lengths = tuple(_number(item, f"{path}[{i}]") for i, item in enumerate(value))
    if any(length < 0 for length in lengths):
        return ()  # a canvas ignores a dash list with a negative length: the line is solid
    return tuple(min(length, MAX_DASH_LENGTH) for length in lengths)


def _point_style(value: Any, path: str) -> PointStyle:
    del path  # any other value (an image, a misspelling) is drawn as a circle, as Chart.js does
    return value if value in POINT_STYLES else "circle"  # type: ignore[no-any-return]


def _paints(value: Any, path: str, positions: Sequence[int]) -> SeriesStyle:
    """A ``backgroundColor`` that is a gradient or a pattern (QuickChart's helpers): one for
    the whole dataset, or, in an array, one per value at ``positions`` (None where a colour
    is); the empty style where there is none."""
    if isinstance(value, list):
        paints = tuple(
            _paint(value[p], f"{path}[{p}]") if p < len(value) else None for p in positions
        )
        return SeriesStyle(point_paints=paints if any(paints) else ())
    paint = _paint(value, path)
    if isinstance(paint, LinearGradient):
        return SeriesStyle(gradient=paint)
    return SeriesStyle(pattern=paint) if isinstance(paint, FillPattern) else SeriesStyle()


def _paint(value: Any, path: str) -> Paint | None:
    try:
        return fill_paint(value, path)
    except PaintError as exc:
        raise StyleError(exc.path, str(exc)) from None


def css_hex(text: str, path: str) -> str:
    """A CSS colour as ``#rrggbb`` or ``#rrggbbaa``."""
    try:
        return hex_color(text)
    except ColorError as exc:
        raise StyleError(path, str(exc)) from None


def _single_color(value: Any, path: str) -> str | None:
    if isinstance(value, list):
        value, path = (value[0] if value else None), path + "[0]"
    return css_hex(value, path) if isinstance(value, str) else None


#: Chart.js 2's ``defaults.global.defaultColor``: a point's, bar's or bubble's fill and outline
#: where the dataset gives none for it.
CHARTJS2_DEFAULT_COLOR = "#0000001a"  # rgba(0,0,0,0.1)


def _per_value(
    dataset: dict[str, Any],
    names: Sequence[str],
    path: str,
    positions: Sequence[int],
    version: int,
    *,
    arrays_only: bool = False,
) -> tuple[str | None, ...]:
    """The colour of each value from the first of ``names`` the dataset gives (for points:
    ``pointBackgroundColor`` over ``backgroundColor``): an array colours value by value, a
    single colour all of them (unless ``arrays_only``); () where none applies. Past an
    array's end Chart.js 3+ start it again (``value[index % length]``), while Chart.js 2
    finds no value there and takes the element's default, ``defaultColor``."""
    for name in names:
        value = dataset.get(name)
        if value is None:
            continue
        if isinstance(value, str) and not arrays_only:
            color = css_hex(value, f"{path}.{name}")
            return tuple(color for _ in positions)
        if not isinstance(value, list) or len(value) < 2:
            return ()
        where = f"{path}.{name}"
        if version >= 3:
            return tuple(_color_at(value, p % len(value), where) for p in positions)
        return tuple(
            _color_at(value, p, where) if p < len(value) else CHARTJS2_DEFAULT_COLOR
            for p in positions
        )
    return ()


def _color_at(colors: list[Any], position: int, path: str) -> str | None:
    if position >= len(colors):
        return None  # past the array: the dataset's colour
    if isinstance(colors[position], dict):  # a helper's fill: its colour where it cannot be
        paint = _paint(colors[position], f"{path}[{position}]")
        return paint_color(paint) if paint is not None else None
    if not isinstance(colors[position], str):
        return None
    return css_hex(colors[position], f"{path}[{position}]")


# chartjs.bar_border reads bars' outlines by the same rules
number_option = _number
per_value = _per_value
