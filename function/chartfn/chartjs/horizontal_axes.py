"""A horizontal bar chart's second value axis (v2 ``horizontalBar`` with two ``xAxes`` named
by the datasets' ``xAxisID``; v3+ ``indexAxis: 'y'`` with a second x scale, e.g. at
``position: 'top'``): Chart.js draws those datasets against that axis' own range and ticks.
chartfn does not draw a second x axis yet; this names it, so the warning says what is drawn
otherwise instead of the datasets silently sharing the first axis."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["second_value_axis_warning"]


def second_value_axis_warning(
    config: Mapping[str, Any], version: int, dataset_indexes: Sequence[int]
) -> str | None:
    """The warning for a horizontal bar chart whose drawn datasets (``dataset_indexes`` of
    ``data.datasets``) name a value axis other than the first; None where they do not."""
    options = config.get("options")
    scales = options.get("scales") if isinstance(options, Mapping) else None
    if not isinstance(scales, Mapping):
        return None
    if version == 2:
        listed = scales.get("xAxes")
        entries = listed if isinstance(listed, list) else []
        ids = [
            (f"options.scales.xAxes[{i}]", entry.get("id"))
            for i, entry in enumerate(entries)
            if isinstance(entry, Mapping)
        ]
    else:
        ids = [
            (f"options.scales.{key}", key)
            for key, scale in scales.items()
            if isinstance(scale, Mapping)
            and (scale.get("axis") == "x" or (scale.get("axis") is None and key.startswith("x")))
        ]
    if len(ids) < 2:
        return None
    data = config.get("data")
    raw = data.get("datasets") if isinstance(data, Mapping) else None
    datasets = raw if isinstance(raw, list) else []
    named = {
        datasets[i].get("xAxisID")
        for i in dataset_indexes
        if 0 <= i < len(datasets) and isinstance(datasets[i], Mapping)
    }
    for path, scale_id in ids[1:]:
        if scale_id is not None and scale_id in named:
            return (
                f"{path}: a second value axis on horizontal bars is not drawn yet; "
                "its datasets are drawn against the first"
            )
    return None
