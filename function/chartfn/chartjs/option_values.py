"""Option values of Chart.js and its plugins as chartfn keeps them: CSS colours as
``#rrggbb[aa]``, sizes in CSS pixels within bounds, font weights as bold or not. Unset or
not the right type (a function, a gradient object): None or the default, as the plugins fall
back to theirs; a value they could not use: a ``TranslationError`` naming its path."""

from __future__ import annotations

import math
from typing import Any

from chartfn.chartjs.translate import TranslationError
from chartfn.models.colors import ColorError, hex_color
from chartfn.models.overlays import MAX_FONT_SIZE, MAX_OFFSET

__all__ = ["bold_option", "color_option", "hex_color", "is_number", "length_option", "size_option"]


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def color_option(value: Any, path: str) -> str | None:
    """A CSS colour as ``#rrggbb[aa]``; None where the option is unset or not a string (a
    function, a gradient: the plugin's default stands)."""
    if not isinstance(value, str):
        return None
    try:
        return hex_color(value)
    except ColorError as exc:
        raise TranslationError(path, str(exc)) from None


def length_option(value: Any, path: str, default: float, limit: float = MAX_OFFSET) -> float:
    """A size in CSS pixels from 0 to ``limit``; unset or not a number: ``default``."""
    if not is_number(value):
        return default
    number = float(value)
    if not math.isfinite(number) or not 0 <= number <= limit:
        raise TranslationError(path, f"{value!r} is not a size (allowed: 0 to {limit:g} pixels)")
    return number


def size_option(value: Any, path: str, limit: float = MAX_FONT_SIZE) -> float | None:
    if not is_number(value):
        return None
    number = float(value)
    if not math.isfinite(number) or not 0 < number <= limit:
        raise TranslationError(
            path, f"{value!r} is not a font size (allowed: more than 0, up to {limit:g} pixels)"
        )
    return number


def bold_option(weight: Any) -> bool | None:
    if isinstance(weight, str):
        return weight in ("bold", "bolder") or (weight.isdigit() and int(weight) >= 600)
    if is_number(weight):
        return float(weight) >= 600
    return None
