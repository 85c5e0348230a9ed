"""QuickChart's gradient marker (``{"$gradient": {...}}``, see ``chartjs.config``) read as a
``LinearGradient``, validated as a canvas would: an offset outside 0..1 or a colour that is no
CSS colour makes ``addColorStop`` throw and a coordinate that is no finite number makes
``createLinearGradient`` throw, so Chart.js draws nothing and we answer 400 naming the path.
No matplotlib here.
"""

from __future__ import annotations

import math
from typing import Any

from chartfn.models.colors import ColorError, parse_css_color
from chartfn.models.fill_gradient import (
    MAX_GRADIENT_STOPS,
    Coordinate,
    GradientStop,
    LinearGradient,
)

__all__ = ["GradientError", "linear_gradient"]


class GradientError(ValueError):
    """A gradient Chart.js could not paint with; ``path`` locates it in the config."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        super().__init__(message)


def linear_gradient(value: Any, path: str) -> LinearGradient | None:
    """The gradient ``value`` (at config ``path``) marks; None if it is no gradient marker or
    has no stops (then the caller's colour rules apply)."""
    marker = value.get("$gradient") if isinstance(value, dict) else None
    if not isinstance(marker, dict) or not isinstance(marker.get("stops"), list):
        return None
    given = marker["stops"]
    if not given:
        return None
    if len(given) > MAX_GRADIENT_STOPS:
        raise GradientError(path, f"a gradient has at most {MAX_GRADIENT_STOPS} colour stops")
    stops = [_stop(stop, f"{path} (gradient stop {i})") for i, stop in enumerate(given)]
    coords = marker.get("coords", [0, 0, "width", 0])
    if not isinstance(coords, list) or len(coords) != 4:
        raise GradientError(path, "gradient coordinates must be [x0, y0, x1, y1]")
    x0, y0, x1, y1 = (
        _coordinate(c, f"{path} (gradient coordinate {i})") for i, c in enumerate(coords)
    )
    return LinearGradient(tuple(sorted(stops, key=lambda s: s.offset)), (x0, y0, x1, y1))


def _stop(stop: Any, path: str) -> GradientStop:
    if not isinstance(stop, dict):
        raise GradientError(path, "a colour stop is {offset, color}")
    offset, color = stop.get("offset"), stop.get("color")
    if isinstance(offset, bool) or not isinstance(offset, int | float):
        raise GradientError(path, "the offset must be a number from 0 to 1")
    if not 0 <= offset <= 1:  # NaN fails this too, as addColorStop's range check
        raise GradientError(path, "the offset must be a number from 0 to 1")
    if not isinstance(color, str):
        raise GradientError(path, "the color must be a CSS colour")
    try:
        red, green, blue, alpha = parse_css_color(color)
    except ColorError as exc:
        raise GradientError(path, str(exc)) from None
    hex_color = "#" + "".join(f"{round(c * 255):02x}" for c in (red, green, blue, alpha))
    return GradientStop(float(offset), hex_color)


def _coordinate(value: Any, path: str) -> Coordinate:
    if value == "width" or value == "height":
        return "width" if value == "width" else "height"
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise GradientError(path, "a coordinate must be a finite number, 'width' or 'height'")
    return float(value)
