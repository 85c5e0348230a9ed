"""A Chart.js bar chart's own bar width options on its category axis
(``chartfn.models.category_bars``), resolved per dataset where each Chart.js version looks:

- v2 (2.9.4's ``_resolveDataElementOptions``): the category axis (``scales.xAxes[0]``,
  ``yAxes[0]`` for ``horizontalBar``) first, then the dataset, ``options.datasets.bar``
  (``.horizontalBar``) and ``options.elements.rectangle`` (the thicknesses only: Chart.js 2's
  global ``datasets.bar`` defaults of the percentages come before it);
- v3/v4: the dataset, ``options.datasets.bar``, then the root ``options`` (its
  ``datasetScopeKeys``), for vertical and ``indexAxis: 'y'`` charts alike.

A value Chart.js could not use (not a number, negative; ``barThickness`` also ``'flex'``) is a
``BarOptionError`` naming its path; a function is not run (already named in the warnings) and
an array (one value per bar) is not read, with a warning: Chart.js's default is drawn.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from chartfn.chartjs.config import JsFunction
from chartfn.chartjs.time_bars import BarOptionError
from chartfn.models.category_bars import (
    MAX_BAR_PERCENTAGE,
    MAX_BAR_THICKNESS,
    BarWidth,
    CategoryBarWidths,
)

__all__ = ["category_bar_widths"]

_KEYS = ("categoryPercentage", "barPercentage", "barThickness", "maxBarThickness")

_PERCENTAGES = ("categoryPercentage", "barPercentage")
_RECTANGLE = "options.elements.rectangle"

# A place an option may be given: its path and the mapping found there.
_Source = tuple[str, Mapping[str, Any]]


def category_bar_widths(
    config: Mapping[str, Any],
    version: int,
    dataset_indexes: Sequence[int],
    warnings: list[str],
) -> CategoryBarWidths | None:
    """The width options of the datasets at ``dataset_indexes`` (of ``data.datasets``, in
    series order); None where the config names none (the engine's Chart.js defaults)."""
    options = _mapping(config.get("options"))
    data = _mapping(config.get("data"))
    raw = data.get("datasets")
    datasets = raw if isinstance(raw, list) else []
    shared = _shared_sources(config, options, version)
    widths = []
    for index in dataset_indexes:
        dataset = datasets[index] if 0 <= index < len(datasets) else None
        own: list[_Source] = [(f"data.datasets[{index}]", _mapping(dataset))]
        # v2 reads the category axis before the dataset; v3+ the dataset first
        sources = [shared[0], *own, *shared[1:]] if version == 2 else [*own, *shared]
        widths.append(_width(sources, warnings))
    if all(width == BarWidth() for width in widths):
        return None  # Chart.js's defaults: the engine's own rule draws them, bytes unchanged
    return CategoryBarWidths(tuple(widths))


def _shared_sources(
    config: Mapping[str, Any], options: Mapping[str, Any], version: int
) -> list[_Source]:
    by_type = _mapping(options.get("datasets"))
    if version == 2:
        horizontal = config.get("type") == "horizontalBar"
        axes_key = "yAxes" if horizontal else "xAxes"
        axes = _mapping(options.get("scales")).get(axes_key)
        axis = axes[0] if isinstance(axes, list) and axes else None
        dataset_type = "horizontalBar" if horizontal else "bar"
        rectangle = _mapping(options.get("elements")).get("rectangle")
        return [
            (f"options.scales.{axes_key}[0]", _mapping(axis)),
            (f"options.datasets.{dataset_type}", _mapping(by_type.get(dataset_type))),
            (_RECTANGLE, _mapping(rectangle)),
        ]
    return [("options.datasets.bar", _mapping(by_type.get("bar"))), ("options", options)]


def _width(sources: list[_Source], warnings: list[str]) -> BarWidth:
    found: dict[str, tuple[str, Any]] = {}
    for key in _KEYS:
        for where, source in sources:
            if where == _RECTANGLE and key in _PERCENTAGES:
                break  # Chart.js 2's datasets.bar defaults (0.8, 0.9) come first
            value = source.get(key)
            if value is not None and not isinstance(value, JsFunction):
                found[key] = (f"{where}.{key}", value)
                break
    for path, value in found.values():
        if isinstance(value, list):
            warnings.append(f"{path}: one value per bar is not read (Chart.js's default drawn)")
    given = {key: item for key, item in found.items() if not isinstance(item[1], list)}
    width = BarWidth()
    if "categoryPercentage" in given:
        path, value = given["categoryPercentage"]
        width = replace(width, category_percentage=_percentage(value, path))
    if "barPercentage" in given:
        path, value = given["barPercentage"]
        width = replace(width, bar_percentage=_percentage(value, path))
    if "barThickness" in given:
        path, value = given["barThickness"]
        if value != "flex":  # on a category axis 'flex' places bars as the default rule does
            width = replace(width, thickness=_pixels(value, path, "a number or 'flex'"))
    if "maxBarThickness" in given:
        path, value = given["maxBarThickness"]
        width = replace(width, max_thickness=_pixels(value, path, "a number"))
    return width


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return float(value)


def _percentage(value: Any, path: str) -> float:
    number = _number(value)
    if number is None or not 0 <= number <= MAX_BAR_PERCENTAGE:
        allowed = f"a number from 0 to {MAX_BAR_PERCENTAGE:g}"
        raise BarOptionError(path, f"{value!r:.40} is not a fraction (allowed: {allowed})")
    return number


def _pixels(value: Any, path: str, allowed: str) -> float:
    number = _number(value)
    if number is None or not 0 <= number <= MAX_BAR_THICKNESS:
        raise BarOptionError(
            path,
            f"{value!r:.40} is not a thickness (allowed: {allowed}, 0 to "
            f"{MAX_BAR_THICKNESS:,.0f} CSS pixels)",
        )
    return number


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}
