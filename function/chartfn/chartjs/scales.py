"""Which scale object of a config is a chart's x or y axis, of what type, and the data range
it shows, as Chart.js 2.9.4 and 4 (and QuickChart's defaults) decide them.

- v2: ``options.scales.xAxes[0]`` / ``yAxes[0]``; ids ``x-axis-0``/``y-axis-0``
  (``x-axis-1``/``y-axis-1`` for scatter); a bar chart's x and a horizontalBar's y are
  categories, the other axes linear.
- v4: ``options.scales.x`` / ``y``, else the first scale whose ``axis`` is that letter or
  whose id starts with it; ``indexAxis: 'y'`` turns a bar chart's category axis to y.
- QuickChart, v2 only: a chart with axes that names no ``options.scales`` starts y at zero
  (``yAxes: [{ticks: {beginAtZero: true}}]``), which this module applies.

A stacked value axis shows sums per index (positives and negatives apart), each version in
its own way; ``value_range`` gives them. Chart.js 4's bar charts start their value axis at
zero unless told otherwise (the bar controller's default), which ``find_scale`` applies too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from chartfn.chartjs.ticks import option_number as _number

CATEGORY_X = {"bar", "line"}
NUMERIC_XY = {"scatter", "bubble"}
# The box-and-violin plugins' types: bar charts whose value axis reads each box's min and max
BOX_TYPES = {"boxplot", "violin"}
HORIZONTAL_TYPES = {"horizontalBar", "horizontalBoxplot", "horizontalViolin"}
XY_TYPES = CATEGORY_X | NUMERIC_XY | BOX_TYPES | HORIZONTAL_TYPES
# What QuickChart gives v2 charts without scales (lib/charts.js; not the plugins' types)
_ZERO_BASED_V2 = {"bar", "horizontalBar", "line", "scatter", "bubble"}
# The v2 plugin's scale types are Chart.js's linear and logarithmic reading boxes
_ARRAY_SCALES = {"arrayLinear": "linear", "arrayLogarithmic": "logarithmic"}


@dataclass(frozen=True)
class ScaleRef:
    """A chart's axis: where its options are (for ``this.options`` and error paths), the
    options Chart.js uses, its id and type."""

    path: tuple[str | int, ...]
    options: Mapping[str, Any] = field(default_factory=dict)
    scale_id: str = "y"
    kind: str = "linear"


def _default_kind(chart_type: str, axis: str, index_axis: str) -> str:
    if chart_type in NUMERIC_XY:
        return "linear"
    category_axis = "y" if chart_type in HORIZONTAL_TYPES or index_axis == "y" else "x"
    return "category" if axis == category_axis else "linear"


def find_scale(config: Mapping[str, Any], axis: str, version: int) -> ScaleRef | None:
    """The ``axis`` ('x' or 'y') scale of a bar, horizontalBar, line, scatter or bubble
    config; None for charts without such axes (pie, doughnut, radar...)."""
    chart_type = config.get("type")
    if chart_type not in XY_TYPES:
        return None
    options = config.get("options")
    options = options if isinstance(options, Mapping) else {}
    scales = options.get("scales")
    if version == 2:
        return _find_v2(chart_type, scales, axis)
    index_axis = "y" if options.get("indexAxis") == "y" else "x"
    # Chart.js 3+ merges each dataset type's scale defaults in: a bar dataset's beginAtZero
    defaults = "bar" if chart_type == "line" and _has_bar_dataset(config) else chart_type
    return _find_v4(chart_type, scales, axis, index_axis, defaults)


def _has_bar_dataset(config: Mapping[str, Any]) -> bool:
    data = config.get("data")
    datasets = data.get("datasets") if isinstance(data, Mapping) else None
    return isinstance(datasets, list) and any(
        isinstance(d, Mapping) and d.get("type") == "bar" for d in datasets
    )


def _find_v2(chart_type: str, scales: Any, axis: str) -> ScaleRef:
    key = f"{axis}Axes"
    number = 1 if chart_type == "scatter" else 0
    default_id = f"{axis}-axis-{number}"
    kind = _default_kind(chart_type, axis, "x")
    if not isinstance(scales, Mapping):
        # QuickChart's default for v2 charts with axes and no scales: y from zero
        if axis == "y" and chart_type in _ZERO_BASED_V2:
            return ScaleRef(
                path=("options", "scales", key, 0),
                options={"ticks": {"beginAtZero": True}},
                scale_id=default_id,
                kind=kind,
            )
        return ScaleRef(path=("options", "scales", key, 0), scale_id=default_id, kind=kind)
    listed = scales.get(key)
    first = listed[0] if isinstance(listed, list) and listed else None
    scale = first if isinstance(first, Mapping) else {}
    scale_id = scale.get("id") if isinstance(scale.get("id"), str) else default_id
    given = scale.get("type")
    return ScaleRef(
        path=("options", "scales", key, 0),
        options=scale,
        scale_id=scale_id,
        kind=_ARRAY_SCALES.get(given, given) if isinstance(given, str) else kind,
    )


def _find_v4(chart_type: str, scales: Any, axis: str, index_axis: str, defaults: str) -> ScaleRef:
    """``defaults``: the chart type whose value axis defaults apply (bar: beginAtZero)."""
    kind = _default_kind(chart_type, axis, index_axis)
    scales = scales if isinstance(scales, Mapping) else {}
    chosen: tuple[str, Mapping[str, Any]] | None = None
    if isinstance(scales.get(axis), Mapping):
        chosen = (axis, scales[axis])
    else:
        for scale_id, scale in scales.items():
            if not isinstance(scale, Mapping):
                continue
            named = scale.get("axis")
            if named == axis or (named is None and scale_id.lower().startswith(axis)):
                chosen = (scale_id, scale)
                break
    if chosen is None:
        return ScaleRef(
            path=("options", "scales", axis),
            options=bar_value_default(defaults, kind, {}),
            scale_id=axis,
            kind=kind,
        )
    scale_id, scale = chosen
    given = scale.get("type")
    return ScaleRef(
        path=("options", "scales", scale_id),
        options=bar_value_default(defaults, kind, scale),
        scale_id=scale_id,
        kind=given if isinstance(given, str) else kind,
    )


def bar_value_default(chart_type: str, kind: str, scale: Mapping[str, Any]) -> Mapping[str, Any]:
    # Chart.js 4's bar controller (which the boxplot plugin's controllers extend)
    if chart_type in ("bar", *BOX_TYPES) and kind != "category" and "beginAtZero" not in scale:
        return {**scale, "beginAtZero": True}
    return scale


def value_range(
    series: Sequence[Sequence[Any]], stacked: bool, version: int
) -> tuple[float | None, float | None]:
    """The min and max a value axis shows over the datasets' values (None and non-numbers
    are gaps). Stacked, Chart.js 2 takes the sums per index of the positives and of the
    negatives, zeros included (a stack always reaches 0); Chart.js 4 each point's top, its
    value plus the earlier datasets' values of the same sign at that index."""
    if not stacked:
        numbers = [v for values in series for v in (_number(x) for x in values) if v is not None]
        return min(numbers, default=None), max(numbers, default=None)
    positive: dict[int, float] = {}
    negative: dict[int, float] = {}
    tops: list[float] = []
    for values in series:
        for i, raw in enumerate(values):
            value = _number(raw)
            if value is None:
                continue
            positive.setdefault(i, 0.0)
            negative.setdefault(i, 0.0)
            if value < 0:
                negative[i] += value
                tops.append(negative[i])
            else:
                positive[i] += value
                tops.append(positive[i])
    sums = [*positive.values(), *negative.values()] if version == 2 else tops
    return min(sums, default=None), max(sums, default=None)
