"""A Chart.js 3/4 doughnut's or pie's arc geometry: ``spacing``, ``radius`` and ``offset``.

==========  ===========================================  ======================================
option      where (first found)                          read as
==========  ===========================================  ======================================
spacing     first dataset, ``options.datasets.<type>``,  CSS px (0 … 3000): taken off the
            ``options``                                  area, and between neighbouring arcs
radius      first dataset, ``options.datasets.<type>``,  '80%': a share of the largest radius
            ``options``                                  that fits; a number: CSS px
offset      each dataset (a number or one per slice),    CSS px per slice: the arc pushed out
            ``options.datasets.<type>``,                 by a quarter of it; the largest
            ``options.elements.arc``, ``options``        shrinks the chart
==========  ===========================================  ======================================

Chart.js 2.9.4 has none of them (v2 configs keep its doughnut). ``hoverOffset`` moves arcs on
hover only, so a still image has none; ``borderRadius`` on arcs is not drawn (a warning says
so). What Chart.js could not draw with (a radius that is no number or percentage, or below 0;
an offset or spacing that is no number) is a ``TranslationError`` naming its path; a
negative spacing or offset is drawn as 0, as far as Chart.js's geometry stays sound. No
matplotlib and no HTTP here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from chartfn.chartjs.tick_labels import js_text
from chartfn.chartjs.ticks import option_number
from chartfn.chartjs.translate import TranslationError
from chartfn.models.chart_spec import MAX_CATEGORIES
from chartfn.models.round_look import MAX_ARC_PX

__all__ = ["ArcOptions", "arc_options"]

_PERCENT = re.compile(r"\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*%\s*")


@dataclass(frozen=True)
class ArcOptions:
    spacing: float = 0.0
    radius_share: float | None = None
    radius_px: float | None = None
    ring_offsets: tuple[tuple[float, ...], ...] = ()
    warnings: tuple[str, ...] = ()


def arc_options(
    config: Mapping[str, Any],
    datasets: Sequence[Mapping[str, Any]],
    dataset_indexes: Sequence[int],
    version: int,
) -> ArcOptions:
    """The arcs' geometry for ``datasets`` (the rings, dataset ``dataset_indexes[i]``)."""
    if version < 3:
        return ArcOptions()
    options = _dict(config.get("options"))
    by_type = _dict(_dict(options.get("datasets")).get(str(config.get("type"))))
    arc = _dict(_dict(options.get("elements")).get("arc"))
    first = datasets[0] if datasets else {}
    first_path = f"data.datasets[{dataset_indexes[0]}]" if dataset_indexes else "data.datasets[0]"
    scopes = (
        (first, first_path),
        (by_type, f"options.datasets.{config.get('type')}"),
        (options, "options"),
    )
    spacing_raw, spacing_path = _found(scopes, "spacing")
    spacing = _length(spacing_raw, spacing_path)
    radius_raw, radius_path = _found(scopes, "radius")
    share, pixels = _radius(radius_raw, radius_path)
    offsets = tuple(
        _offsets(dataset, f"data.datasets[{index}]", by_type, arc, options)
        for dataset, index in zip(datasets, dataset_indexes, strict=True)
    )
    warnings = ()
    if any(_radius_given(s.get("borderRadius")) for s in (first, by_type, arc, options)):
        warnings = ("borderRadius on doughnut and pie arcs is not drawn (square corners)",)
    return ArcOptions(
        spacing=spacing,
        radius_share=share,
        radius_px=pixels,
        ring_offsets=offsets if any(any(o) for o in offsets) else (),
        warnings=warnings,
    )


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _found(scopes: Sequence[tuple[Mapping[str, Any], str]], name: str) -> tuple[Any, str]:
    for scope, path in scopes:
        if scope.get(name) is not None:
            return scope[name], f"{path}.{name}"
    return None, ""


def _shown(value: Any) -> str:
    return repr(js_text(value)[:40])


def _length(value: Any, path: str) -> float:
    """CSS px, 0 … MAX_ARC_PX (below 0: 0)."""
    if value is None or isinstance(value, bool):
        return 0.0
    number = option_number(value)
    if number is None:
        raise TranslationError(path, f"{_shown(value)} is not a number of pixels")
    return min(max(number, 0.0), MAX_ARC_PX)


def _radius(value: Any, path: str) -> tuple[float | None, float | None]:
    """Chart.js's toDimension: 'N%' of the largest radius, else a number of CSS px."""
    if value is None or isinstance(value, bool):
        return None, None
    matched = _PERCENT.fullmatch(value) if isinstance(value, str) else None
    if matched is not None:
        share = float(matched.group(1)) / 100
        if not math.isfinite(share) or share < 0:
            raise TranslationError(path, f"{_shown(value)} is not a percentage from 0")
        return min(share, MAX_ARC_PX), None
    number = option_number(value)
    if number is None or number < 0:
        raise TranslationError(
            path, f"{_shown(value)} is not a number of pixels from 0 or a percentage"
        )
    return None, min(number, MAX_ARC_PX)


def _radius_given(value: Any) -> bool:
    if isinstance(value, Mapping):
        return any(_radius_given(v) for v in value.values())
    number = option_number(value) if not isinstance(value, bool) else None
    return number is not None and number > 0


def _offsets(
    dataset: Mapping[str, Any],
    path: str,
    by_type: Mapping[str, Any],
    arc: Mapping[str, Any],
    options: Mapping[str, Any],
) -> tuple[float, ...]:
    """A ring's offsets per slice (one value: every slice's; empty: none)."""
    scopes = ((dataset, path), (by_type, "options.datasets"), (arc, "options.elements.arc"))
    value, where = _found((*scopes, (options, "options")), "offset")
    if isinstance(value, list):
        return tuple(
            _length(item, f"{where}[{i}]") for i, item in enumerate(value[:MAX_CATEGORIES])
        )
    one = _length(value, where)
    return (one,) if one else ()
