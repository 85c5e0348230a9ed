"""Data labels through QuickChart's tickFormat (``applyToDataLabels: true``): a value that is
a number is written as the plugin writes tick labels (``chartjs.tick_format``), where the
config gives the labels no formatter of its own; other values keep the plugin's default."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from chartfn.chartjs.callbacks import Label
from chartfn.chartjs.tick_format import tick_format_of

__all__ = ["numbers_formatted"]


def numbers_formatted(
    config: Mapping[str, Any], dataset_index: int, texts: Sequence[Label]
) -> list[Label]:
    """``texts`` (the default labels of dataset ``dataset_index``) with its numbers through
    tickFormat, when the config asks for that."""
    number_format = tick_format_of(config)
    if number_format is None or not number_format.data_labels:
        return list(texts)
    data = config.get("data")
    datasets = data.get("datasets") if isinstance(data, Mapping) else None
    dataset = datasets[dataset_index] if isinstance(datasets, list) else None
    values = dataset.get("data") if isinstance(dataset, Mapping) else None
    if not isinstance(values, list):
        return list(texts)
    numbered = [
        i
        for i, value in enumerate(values[: len(texts)])
        if isinstance(value, int | float) and not isinstance(value, bool) and texts[i] is not None
    ]
    written = number_format.labels([float(values[i]) for i in numbered])
    found = list(texts)
    for i, text in zip(numbered, written, strict=True):
        found[i] = text
    return found
