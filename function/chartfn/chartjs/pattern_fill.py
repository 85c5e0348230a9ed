"""QuickChart's pattern marker (``{"$pattern": {...}}``, see ``chartjs.config``) read as a
``FillPattern``, validated as patternomaly and a canvas would use it: a shape it does not know
makes ``pattern.draw`` throw and a tile under one pixel makes ``createPattern`` throw, so
Chart.js draws nothing and we answer 400 naming the path. ``fill_paint`` reads either helper.
No matplotlib here.
"""

from __future__ import annotations

import math
from typing import Any

from chartfn.chartjs.gradient_fill import GradientError, linear_gradient
from chartfn.models.colors import ColorError, parse_css_color
from chartfn.models.fill_pattern import (
    DEFAULT_PATTERN_BACKGROUND,
    DEFAULT_PATTERN_COLOR,
    DEFAULT_PATTERN_SIZE,
    MAX_PATTERN_SIZE,
    MIN_PATTERN_SIZE,
    PATTERN_ALIASES,
    PATTERN_SHAPES,
    FillPattern,
    Paint,
)

__all__ = ["PaintError", "fill_paint", "fill_pattern", "paint_color"]

# patternomaly's draw(shapeType = 'square', ...)
_DEFAULT_SHAPE = "square"


class PaintError(ValueError):
    """A gradient or pattern Chart.js could not paint with; ``path`` locates it."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        super().__init__(message)


def fill_paint(value: Any, path: str) -> Paint | None:
    """The gradient or pattern ``value`` (at config ``path``) marks; None for anything else."""
    try:
        gradient = linear_gradient(value, path)
    except GradientError as exc:
        raise PaintError(exc.path, str(exc)) from None
    return gradient if gradient is not None else fill_pattern(value, path)


def paint_color(paint: Paint) -> str:
    """The one colour drawn where a paint cannot be: a gradient's first stop, a pattern's
    background."""
    return paint.background if isinstance(paint, FillPattern) else paint.stops[0].color


def fill_pattern(value: Any, path: str) -> FillPattern | None:
    """The pattern ``value`` (at config ``path``) marks; None if it is no pattern marker."""
    marker = value.get("$pattern") if isinstance(value, dict) else None
    if not isinstance(marker, dict):
        return None
    shape = marker.get("shape")
    shape = _DEFAULT_SHAPE if shape is None else PATTERN_ALIASES.get(shape, shape)
    if shape not in PATTERN_SHAPES:
        raise PaintError(
            f"{path} (pattern shape)",
            f"{str(shape)[:40]!r} is no pattern shape: one of {', '.join(PATTERN_SHAPES)}",
        )
    return FillPattern(
        shape,
        _color(marker.get("backgroundColor"), DEFAULT_PATTERN_BACKGROUND, path, "backgroundColor"),
        _color(marker.get("patternColor"), DEFAULT_PATTERN_COLOR, path, "patternColor"),
        _size(marker.get("size"), f"{path} (pattern size)"),
    )


def _color(value: Any, default: str, path: str, name: str) -> str:
    if value is None:  # left out: patternomaly's default
        return default
    where = f"{path} (pattern {name})"
    if not isinstance(value, str):
        raise PaintError(where, "must be a CSS colour")
    try:
        red, green, blue, alpha = parse_css_color(value)
    except ColorError as exc:
        raise PaintError(where, str(exc)) from None
    return "#" + "".join(f"{round(c * 255):02x}" for c in (red, green, blue, alpha))


def _size(value: Any, path: str) -> float:
    # QuickChart: Math.min(200, requestedSize) || 20, so a missing size (NaN) is 20
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return DEFAULT_PATTERN_SIZE
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PaintError(path, "must be a number of CSS pixels")
    size = min(float(value), MAX_PATTERN_SIZE)
    if size == 0:
        return DEFAULT_PATTERN_SIZE
    if not size >= MIN_PATTERN_SIZE:
        raise PaintError(
            path, f"must be from {MIN_PATTERN_SIZE:g} to {MAX_PATTERN_SIZE:g} CSS pixels"
        )
    return size
