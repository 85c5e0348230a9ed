"""A Chart.js bar chart's bar width options for bars on a time axis (``chartfn.models.bar_slots``):
``categoryPercentage``, ``barPercentage`` and ``barThickness: 'flex'``, on the x axis in v2
(``scales.xAxes[0]``) and on the dataset in v3/v4 (the first bar dataset's, where Chart.js
reads them per dataset). Other ``barThickness`` values keep the default rule."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from chartfn.models.bar_slots import BarSlots

__all__ = ["BarOptionError", "bar_slots"]


class BarOptionError(ValueError):
    """A bar width option Chart.js could not use; ``path`` locates it."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        super().__init__(f"{path}: {message}")


def _percentage(value: Any, path: str, default: float) -> float:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise BarOptionError(path, f"{value!r:.40} is not a fraction (allowed: a number, 0 … 1)")
    return min(max(float(value), 0.0), 1.0)  # wider than its slot: bounded to the slot


def bar_slots(x_axis: Mapping[str, Any], datasets: Any, version: int) -> BarSlots:
    """The width rule for a bar chart's time axis ``x_axis`` (the scale's options)."""
    where, source = "options.scales.xAxes[0]", x_axis
    if version >= 3:
        first = datasets[0] if isinstance(datasets, list) and datasets else None
        where, source = "data.datasets[0]", first if isinstance(first, Mapping) else {}
    return BarSlots(
        category_percentage=_percentage(
            source.get("categoryPercentage"), f"{where}.categoryPercentage", 0.8
        ),
        bar_percentage=_percentage(source.get("barPercentage"), f"{where}.barPercentage", 0.9),
        flex=source.get("barThickness") == "flex",
        drawn_ticks_only=version >= 3,
    )
