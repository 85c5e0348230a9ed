"""A bar dataset's outline as Chart.js 2.9.4 and 3/4 draw it: ``borderWidth`` (a number, or
one per value), ``borderColor`` (one, or one per value) and ``borderSkipped``, from the
dataset, then ``options.elements.rectangle`` (v2) / ``elements.bar`` (v3+), then the
defaults: no border (width 0); colour ``rgba(0,0,0,0.1)`` (QuickChart's colorschemes fork
colours a v2 bar's background only); the base side left open (v2 ``'bottom'``/``'left'``,
v3+ ``'start'``).

``borderSkipped`` by name: ``'start'`` the base side, ``'end'`` the far one; ``'bottom'`` and
``'top'`` of vertical bars (``'left'`` and ``'right'`` of horizontal ones) swap for bars below
the base, as Chart.js swaps them, so ``'bottom'`` is the base side there too; the other two
names are that side; ``false``/``null`` outline every side, v3+ ``true`` none. v3+'s
``borderRadius`` (a number) rounds the corners off the skipped side; per-side object widths
and per-corner radii are not drawn (warned). No matplotlib here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from chartfn.models.series_style import MAX_BORDER_WIDTH

__all__ = ["bar_border"]

_DEFAULT_BORDER = "rgba(0,0,0,0.1)"
_SKIPPED_NAMES = ("start", "end", "bottom", "top", "left", "right", "middle")


def bar_border(
    dataset: dict[str, Any],
    options: dict[str, Any],
    version: int,
    path: str,
    positions: Sequence[int],
    warnings: list[str],
) -> dict[str, Any]:
    """``SeriesStyle`` fields of the dataset's bar outlines; {} where none is drawn."""
    # imported here: dataset_style imports this module
    from chartfn.chartjs.dataset_style import css_hex, number_option, per_value

    elements = options.get("elements")
    element = (
        elements.get("rectangle" if version < 3 else "bar") if isinstance(elements, dict) else None
    )
    element = element if isinstance(element, dict) else {}
    element_path = f"options.elements.{'rectangle' if version < 3 else 'bar'}"

    def option(name: str) -> tuple[Any, str]:
        if dataset.get(name) is not None:
            return dataset[name], f"{path}.{name}"
        return element.get(name), f"{element_path}.{name}"

    width, width_path = option("borderWidth")
    if isinstance(width, dict):
        warnings.append(f"{width_path}: widths per side are not drawn; the bars have no border")
        return {}
    if isinstance(width, list):
        widths = tuple(
            _width(width[p], f"{width_path}[{p}]", number_option) if p < len(width) else 0.0
            for p in positions
        )
    else:
        one = 0.0 if width is None else _width(width, width_path, number_option)
        widths = tuple(one for _ in positions)
    radius, radius_path = option("borderRadius")
    rounding = 0.0
    if version >= 3 and isinstance(radius, dict):
        warnings.append(f"{radius_path}: radii per corner are not drawn; the bars are square")
    elif version >= 3 and radius is not None:
        rounding = _width(radius, radius_path, number_option)
    skip_given = "borderSkipped" in dataset or "borderSkipped" in element
    skipped = (
        dataset["borderSkipped"] if "borderSkipped" in dataset else element.get("borderSkipped")
    )
    if not any(widths):
        if not rounding:
            return {}
        return {
            "bar_border_radius": rounding,
            "bar_border_skipped": _skipped(skipped, version, skip_given),
        }
    colors = per_value(dataset, ("borderColor",), path, positions, version)
    if not colors:
        given, color_path = option("borderColor")
        # QuickChart's colorschemes fork colours a v2 bar's background only: the border keeps
        # Chart.js's default
        color = css_hex(given if isinstance(given, str) else _DEFAULT_BORDER, color_path)
        colors = tuple(color for _ in positions)
    return {
        "bar_border_radius": rounding,
        "bar_border_widths": widths,
        "bar_border_colors": colors,
        "bar_border_skipped": _skipped(skipped, version, skip_given),
    }


def _width(value: Any, path: str, number_option: Any) -> float:
    return float(min(max(number_option(value, path), 0.0), MAX_BORDER_WIDTH))


def _skipped(value: Any, version: int, given: bool) -> str | None:
    if not given:
        return "start"  # the default: 2.9.4's 'bottom' (a horizontalBar's 'left'), 3+'s 'start'
    if value is True and version >= 3:
        return "all"
    if value in _SKIPPED_NAMES:
        return "start" if value == "middle" else str(value)
    return None  # false, null, an unknown name: Chart.js outlines every side
