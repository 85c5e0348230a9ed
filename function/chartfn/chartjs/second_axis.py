"""A config's second value axis: a y scale at ``position: 'right'`` (v2 an entry of
``scales.yAxes`` with its ``id``; v3+ a scale keyed by its id) and the datasets whose
``yAxisID`` names it. Chart.js draws such datasets against that axis' own range and ticks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from chartfn.chartjs.scales import ScaleRef, bar_value_default, find_scale

__all__ = ["right_axis", "right_axis_datasets"]


def right_axis(config: Mapping[str, Any], version: int) -> ScaleRef | None:
    """The first y scale placed on the right that is not the chart's first (left) y axis."""
    options = config.get("options")
    scales = options.get("scales") if isinstance(options, Mapping) else None
    if not isinstance(scales, Mapping):
        return None
    if version == 2:
        listed = scales.get("yAxes")
        if not isinstance(listed, list):
            return None
        for index, scale in enumerate(listed[1:], start=1):
            if _on_right(scale) and isinstance(scale.get("id"), str):
                return _ref(("options", "scales", "yAxes", index), scale, scale["id"])
        return None
    # Chart.js 4 binds datasets without a yAxisID to its first y scale: a right axis that is
    # that scale (the only one the config names) is not a second axis.
    first = find_scale(config, "y", version)
    for scale_id, scale in scales.items():
        if scale_id == "y" or not _on_right(scale):
            continue
        named = scale.get("axis")
        if named == "y" or (named is None and scale_id.lower().startswith("y")):
            if first is not None and first.scale_id == scale_id:
                return None
            return _ref(("options", "scales", scale_id), scale, scale_id, config.get("type"))
    return None


def right_axis_datasets(
    config: Mapping[str, Any], version: int, indexes: Sequence[int]
) -> list[int]:
    """Of the datasets at ``indexes`` (of ``data.datasets``), the positions of those drawn
    against the right axis."""
    axis = right_axis(config, version)
    data = config.get("data")
    raw = data.get("datasets") if isinstance(data, Mapping) else None
    if axis is None or not isinstance(raw, list):
        return []
    return [
        position
        for position, index in enumerate(indexes)
        if isinstance(raw[index], Mapping) and raw[index].get("yAxisID") == axis.scale_id
    ]


def _on_right(scale: Any) -> bool:
    return isinstance(scale, Mapping) and scale.get("position") == "right"


def _ref(
    path: tuple[str | int, ...], scale: Mapping[str, Any], scale_id: str, chart_type: Any = None
) -> ScaleRef:
    given = scale.get("type")
    kind = given if isinstance(given, str) else "linear"
    return ScaleRef(
        path=path,
        # Chart.js 3+ gives every value axis of a bar chart the bar controller's beginAtZero
        options=scale if chart_type is None else bar_value_default(chart_type, kind, scale),
        scale_id=scale_id,
        kind=kind,
    )
