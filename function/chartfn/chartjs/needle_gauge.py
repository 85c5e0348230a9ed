"""QuickChart's ``gauge`` type (the chartjs-gauge plugin, Chart.js 2 only) as a ``needle_gauge``
spec plus its look (``models.needle_gauge_look``).

The first dataset's ``data`` are the bands' ends, its ``value`` the needle's value and its
``minValue`` the span's start; ``backgroundColor`` colours the bands. ``options.needle``
(radiusPercentage, widthPercentage, lengthPercentage, color), ``options.valueLabel`` (display,
color, backgroundColor, borderRadius, padding, bottomMarginPercentage, fontSize; ``formatter``
is run in the config's sandbox by ``value_label_text``) and ``options.cutoutPercentage`` are
read as the plugin reads them. A value the plugin could not use is a ``GaugeError`` naming its
path; unknown options are ignored. No matplotlib and no HTTP here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from chartfn.chartjs.callbacks import label_text
from chartfn.chartjs.config import ConfigError, EvaluatedConfig, JsFunction
from chartfn.chartjs.tick_labels import js_text
from chartfn.models.colors import ColorError, parse_css_color
from chartfn.models.needle_gauge_look import (
    MAX_FONT_PX,
    MAX_LABEL_TEXT,
    MAX_PERCENTAGE,
    NeedleGaugeLook,
)

__all__ = ["GaugeError", "gauge_fields", "value_label_text"]

FORMATTER_PATH = "options.valueLabel.formatter"
_MAX_PADDING = 1000.0  # CSS px
_MAX_MARGIN = 1000.0  # % of the area's width


class GaugeError(ValueError):
    def __init__(self, path: str, message: str) -> None:
        self.path = path
        super().__init__(f"{path}: {message}")


def _number(value: Any, path: str, low: float, high: float) -> float | None:
    """A number option: None where unset; clamped to [low, high] (a bound on the work, not a
    refusal: Chart.js would draw any); a string or other value is an error naming ``path``."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise GaugeError(path, f"must be a number, got {js_text(value)[:40]!r}")
    number = float(value)
    if number != number:
        raise GaugeError(path, "must be a number, got NaN")
    return min(max(number, low), high)


def _color(value: Any, path: str, to_hex: Callable[[str, str], str]) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise GaugeError(path, "must be a CSS colour string")
    try:
        parse_css_color(value)
    except ColorError:
        raise GaugeError(path, f"{value[:40]!r} is not a CSS colour") from None
    return to_hex(value, path)


def _padding(value: Any, path: str) -> tuple[float, float, float, float] | None:
    """The plugin reads padding.top/right/bottom/left (a number is Chart.js's shorthand)."""
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        side = _number(value, path, 0.0, _MAX_PADDING) or 0.0
        return (side, side, side, side)
    if not isinstance(value, Mapping):
        raise GaugeError(path, "must be a number or {top, right, bottom, left}")
    sides = [_number(value.get(n), f"{path}.{n}", 0.0, _MAX_PADDING) for n in _SIDES]
    return (sides[0] or 0.0, sides[1] or 0.0, sides[2] or 0.0, sides[3] or 0.0)


_SIDES = ("top", "right", "bottom", "left")


def gauge_fields(
    dataset: Mapping[str, Any],
    index: int,
    options: Mapping[str, Any],
    to_hex: Callable[[str, str], str],
) -> tuple[dict[str, Any], NeedleGaugeLook]:
    """The spec fields a gauge dataset gives (no series: the caller's) and its look.
    ``to_hex(css, path)``: a CSS colour as the spec's ``#rrggbb[aa]``."""
    here = f"data.datasets[{index}]"
    fields: dict[str, Any] = {"kind": "needle_gauge"}
    value = dataset.get("value")
    # the plugin draws value undefined as NaN: the needle at the span's start here
    fields["needle_value"] = _number(value, f"{here}.value", -1e100, 1e100) or 0.0
    start = _number(dataset.get("minValue"), f"{here}.minValue", -1e100, 1e100)
    if start:
        fields["band_start"] = start
    cutout = _number(options.get("cutoutPercentage"), "options.cutoutPercentage", 0.0, 95.0)
    if cutout is not None:
        fields["cutout"] = cutout / 100.0
    look = NeedleGaugeLook()
    needle = options.get("needle")
    if isinstance(needle, Mapping):
        look = replace(look, **_needle(needle, to_hex))
    label = options.get("valueLabel")
    if isinstance(label, Mapping):
        if label.get("display") is False:
            fields["value_labels"] = False
        look = replace(look, **_value_label(label, to_hex))
    border = _number(dataset.get("borderWidth"), f"{here}.borderWidth", 0.0, 100.0)
    if border is not None:
        look = replace(look, band_border_width=border)
    border_color = _color(dataset.get("borderColor"), f"{here}.borderColor", to_hex)
    if border_color is not None:
        look = replace(look, band_border_color=border_color)
    return fields, look


def _needle(needle: Mapping[str, Any], to_hex: Callable[[str, str], str]) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for name, field in (
        ("radiusPercentage", "needle_radius_percentage"),
        ("widthPercentage", "needle_width_percentage"),
        ("lengthPercentage", "needle_length_percentage"),
    ):
        number = _number(needle.get(name), f"options.needle.{name}", 0.0, MAX_PERCENTAGE)
        if number is not None:
            changes[field] = number
    color = _color(needle.get("color"), "options.needle.color", to_hex)
    if color is not None:
        changes["needle_color"] = color
    return changes


def _value_label(label: Mapping[str, Any], to_hex: Callable[[str, str], str]) -> dict[str, Any]:
    path = "options.valueLabel"
    changes: dict[str, Any] = {}
    for name, field in (("color", "label_color"), ("backgroundColor", "label_background")):
        color = _color(label.get(name), f"{path}.{name}", to_hex)
        if color is not None:
            changes[field] = color
    radius = _number(label.get("borderRadius"), f"{path}.borderRadius", 0.0, _MAX_PADDING)
    if radius is not None:
        changes["label_border_radius"] = radius
    padding = _padding(label.get("padding"), f"{path}.padding")
    if padding is not None:
        changes["label_padding"] = padding
    margin = _number(
        label.get("bottomMarginPercentage"),
        f"{path}.bottomMarginPercentage",
        -_MAX_MARGIN,
        _MAX_MARGIN,
    )
    if margin is not None:
        changes["label_bottom_margin_percentage"] = margin
    # the plugin sets the font only for a truthy fontSize
    size = _number(label.get("fontSize"), f"{path}.fontSize", 0.0, MAX_FONT_PX)
    if size:
        changes["label_font_px"] = size
    return changes


def value_label_text(
    evaluated: EvaluatedConfig, look: NeedleGaugeLook
) -> tuple[NeedleGaugeLook, tuple[str, ...]]:
    """The look with the value label's text from ``options.valueLabel.formatter(value)``, run
    in the config's sandbox as the plugin calls it (``this`` unset, no context), and the paths
    of the functions run; a formatter that throws is a ``ConfigError`` naming it."""
    config = evaluated.config
    options = config.get("options")
    label = options.get("valueLabel") if isinstance(options, Mapping) else None
    formatter = label.get("formatter") if isinstance(label, Mapping) else None
    if not isinstance(formatter, JsFunction):
        return look, ()
    data = config.get("data")
    datasets = data.get("datasets") if isinstance(data, Mapping) else None
    first = datasets[0] if isinstance(datasets, list) and datasets else None
    value = first.get("value") if isinstance(first, Mapping) else None
    try:
        results = evaluated.call_each(formatter, [[value]])
    except ConfigError as exc:
        raise ConfigError(f"{FORMATTER_PATH}: {exc}") from None
    text = label_text(results[0]) if results else None
    if isinstance(text, list):
        text = " ".join(text)
    return replace(look, label_text=(text or "")[:MAX_LABEL_TEXT]), (FORMATTER_PATH,)
