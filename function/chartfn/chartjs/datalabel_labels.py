"""chartjs-plugin-datalabels' options for one dataset as the plugin resolves them: the chart's
``options.plugins.datalabels`` merged deeply under the dataset's ``datalabels``, then split
into the named labels of ``labels`` (several labels per value, each its own options merged
over the dataset's; a label set to ``null``, ``false`` or another falsy value is removed).
Without named labels there is one label with the merged options (the plugin's ``configure``,
chartjs-plugin-datalabels 0.7 and 2.x alike)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from chartfn.chartjs.translate import TranslationError

__all__ = ["MAX_LABELS_PER_VALUE", "LabelOptions", "deep_merge", "label_options"]

#: Named labels a dataset may draw per value (the plugin has no bound; ten keep the work and
#: the labels a config can ask for within what a chart can show).
MAX_LABELS_PER_VALUE = 10

_CHART_PATH = "options.plugins.datalabels"


@dataclass(frozen=True)
class LabelOptions:
    """One label's resolved options, and the config paths to name in errors and warnings."""

    options: dict[str, Any]
    #: Where the label's own options are (the dataset's or the chart's ``datalabels``, or a
    #: named label under its ``labels``).
    path: str
    #: Where its formatter was given (the most specific level that names one).
    formatter_path: str


def deep_merge(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """``override`` over ``base``, objects merged key by key (Chart.js's ``helpers.merge``);
    any other value, ``null`` included, replaces what was there."""
    merged = dict(base)
    for key, value in override.items():
        below = merged.get(key)
        if isinstance(value, dict) and isinstance(below, dict):
            merged[key] = deep_merge(below, value)
        else:
            merged[key] = value
    return merged


def label_options(
    chart_level: Mapping[str, Any], own: Mapping[str, Any] | None, dataset_index: int
) -> list[LabelOptions]:
    """The labels drawn on each value of dataset ``dataset_index`` (``own``: its
    ``datalabels`` object, if it has one), in the order the config names them."""
    own_path = f"data.datasets[{dataset_index}].datalabels"
    merged = deep_merge(chart_level, own or {})
    base_path = own_path if own is not None else _CHART_PATH
    base_formatter = own_path if own is not None and "formatter" in own else _CHART_PATH
    labels = merged.pop("labels", None)
    if not isinstance(labels, dict) or not labels:
        return [LabelOptions(merged, base_path, f"{base_formatter}.formatter")]
    own_labels = own.get("labels") if own is not None else None
    labels_path = own_path if isinstance(own_labels, dict) else _CHART_PATH
    if len(labels) > MAX_LABELS_PER_VALUE:
        raise TranslationError(
            f"{labels_path}.labels",
            f"names {len(labels)} labels (allowed: at most {MAX_LABELS_PER_VALUE})",
        )
    found = []
    for key, named in labels.items():
        # the plugin's ``if (labels[key])``: null, false, 0 and '' remove it; {} is truthy
        if named is None or named is False or named == 0 or named == "":
            continue
        in_own = isinstance(own_labels, dict) and key in own_labels
        path = f"{own_path if in_own else _CHART_PATH}.labels.{key}"
        options = deep_merge(merged, named) if isinstance(named, dict) else dict(merged)
        formatter = path if isinstance(named, dict) and "formatter" in named else base_formatter
        found.append(LabelOptions(options, path, f"{formatter}.formatter"))
    return found
