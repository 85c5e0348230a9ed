"""Tick labels through a config's ``ticks.callback``, and data labels through
``plugins.datalabels.formatter``, called in the config's sandbox as Chart.js calls them.

- ``ticks.callback``, Chart.js 2.9.4: ``callback(value, index, values)`` with ``this`` the
  scale and ``values`` the tick values in the scale's order (a vertical numeric axis lists them
  top first); a category scale's values are its labels.
- Chart.js 3/4: ``callback(value, index, ticks)`` with ``ticks`` the tick objects
  (``{value}``; ``{value, major}`` on a logarithmic scale) and ``this`` the scale, which has
  ``getLabelForValue`` (a category's label, else the number in en-US), ``getLabels()``,
  ``id``, ``options`` and ``chart.data``.
- ``datalabels.formatter(value, context)``: value is the dataset's data point as the config
  has it; context has ``chart.data``, ``dataIndex``, ``datasetIndex``, ``dataset`` and
  ``active`` (false: a still image). Without a formatter, the plugin's default.

A label is text, a list of lines, or None: Chart.js draws no label for null/undefined (4
also drops the tick and its grid line; the plugin draws no data label). A callback that throws
or runs past the sandbox's budget is a ConfigError naming the option's path. All the calls for
one option are one round trip to the sandbox (``EvaluatedConfig.call_each``), with one ``this``
and one ``ticks`` array shared by every call, as in Chart.js; their number is bounded
(``MAX_CALLS``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from chartfn.chartjs.config import (
    ConfigError,
    ConfigRef,
    EvaluatedConfig,
    JsFunction,
    Scale,
    Shared,
    _child,
)
from chartfn.chartjs.js_numbers import js_floor, log10, pow10
from chartfn.chartjs.tick_labels import js_text
from chartfn.chartjs.ticks import Ticks

# Chart.js calls a tick callback once per tick and the data label formatter once per point,
# all in one batch here; past chartfn's own limit of points the config is refused outright
# (the sandbox's CPU budget bounds the time of whatever runs).
MAX_CALLS = 50_000

Label = str | list[str] | None


def tick_callback_of(scale: Any, version: int) -> JsFunction | None:
    """The scale's tick callback: Chart.js 2 prefers ``ticks.userCallback`` (its old name) to
    ``ticks.callback``; 3/4 read ``ticks.callback`` only. None if it is not a function."""
    ticks = scale.get("ticks") if isinstance(scale, dict) else None
    if not isinstance(ticks, dict):
        return None
    names = ("userCallback", "callback") if version == 2 else ("callback",)
    for name in names:
        if isinstance(ticks.get(name), JsFunction):
            return ticks[name]
    return None


def option_path(parts: Sequence[str | int]) -> str:
    """A config path as the warnings and other errors spell it: ``options.scales.yAxes[0]``."""
    path = ""
    for part in parts:
        path = _child(path, part)
    return path


def label_text(result: Any) -> Label:
    """A callback's result as Chart.js draws it: null/undefined hide the label, an array is
    lines, anything else its text."""
    if result is None:
        return None
    if isinstance(result, list):
        return [js_text(line) for line in result]
    if isinstance(result, str):
        return result
    return js_text(result)


def _call_each(
    config: EvaluatedConfig,
    fn: JsFunction,
    path: str,
    rows: list[list[Any]],
    this: Any,
    shared: Sequence[Any] = (),
) -> list[Any]:
    if not rows:
        return []
    try:
        return config.call_each(fn, rows, this, shared)
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from None


def _check_count(count: int, path: str, what: str) -> None:
    if count > MAX_CALLS:
        raise ConfigError(
            f"{path} would be called for {count} {what} (allowed: at most {MAX_CALLS}; fewer "
            f"{what} or no callback)"
        )


def tick_callback_labels(
    config: EvaluatedConfig,
    callback: JsFunction,
    ticks: Ticks,
    *,
    version: int,
    kind: str,
    scale_id: str,
    scale_path: Sequence[str | int],
) -> list[Label]:
    """The labels ``callback`` gives each of ``ticks`` (in their order), Chart.js ``version``
    (2, or 3/4) calling it. ``scale_path`` locates the scale's options in the config
    (``("options", "scales", "y")``, ``("options", "scales", "yAxes", 0)``) for ``this.options``;
    ``kind`` is 'linear', 'logarithmic' or 'category'."""
    path = option_path((*scale_path, "ticks", "callback"))
    values = list(ticks.values)
    _check_count(len(values), path, "ticks")
    properties = {
        "id": scale_id,
        "type": kind,
        "options": ConfigRef(tuple(scale_path)),
        "chart": {"data": ConfigRef(("data",))},
        "min": ticks.min,
        "max": ticks.max,
    }
    labels = list(ticks.labels) if ticks.labels is not None else None
    this = Scale(labels=labels, properties=properties)
    rows = [[value, i, Shared(0)] for i, value in enumerate(values)]
    if version == 2:
        results = _call_each(config, callback, path, rows, this, [values])
        return [label_text(result) for result in results]
    tick_objects: list[dict[str, Any]] = []
    for value in values:
        tick: dict[str, Any] = {"value": value}
        if kind == "logarithmic":
            tick["major"] = _is_decade(value)
        tick_objects.append(tick)
    results = _call_each(config, callback, path, rows, this, [tick_objects])
    return [label_text(result) for result in results]


def _is_decade(value: float) -> bool:
    return value > 0 and value / pow10(js_floor(log10(value))) == 1


def visible_ticks(ticks: Ticks, labels: Sequence[Label], version: int) -> list[tuple[Any, Label]]:
    """(value, label) pairs Chart.js keeps: 4 drops a tick whose label is null (its grid line
    too); 2 keeps the tick and draws no label."""
    pairs = list(zip(ticks.values, labels, strict=True))
    if version == 2:
        return pairs
    return [(value, label) for value, label in pairs if label is not None]


def default_datalabel(value: Any) -> Label:
    """chartjs-plugin-datalabels' default formatter: the value's text; for an object its
    ``label``, else its ``r``, else ``key: value`` pairs."""
    if value is None:
        return None
    if isinstance(value, dict):
        if value.get("label") is not None:
            return js_text(value["label"])
        if value.get("r") is not None:
            return js_text(value["r"])
        return ", ".join(f"{key}: {js_text(item)}" for key, item in value.items())
    return js_text(value)


def datalabel_texts(
    config: EvaluatedConfig,
    formatter: JsFunction | None,
    dataset_index: int,
    *,
    path: str = "options.plugins.datalabels.formatter",
) -> list[Label]:
    """The data labels of dataset ``dataset_index``, one per data point, through ``formatter``
    (``None``: the plugin's default)."""
    datasets = config.config.get("data", {}).get("datasets", [])
    if not isinstance(datasets, list) or not 0 <= dataset_index < len(datasets):
        raise ConfigError(f"data.datasets[{dataset_index}] does not exist")
    dataset = datasets[dataset_index]
    data = dataset.get("data", []) if isinstance(dataset, dict) else []
    if not isinstance(data, list):
        return []
    if formatter is None:
        return [default_datalabel(value) for value in data]
    _check_count(len(data), path, "data points")
    dataset_ref = ConfigRef(("data", "datasets", dataset_index))
    chart = {"data": ConfigRef(("data",))}
    rows = [
        [
            value,
            {
                "chart": chart,
                "dataIndex": i,
                "datasetIndex": dataset_index,
                "dataset": dataset_ref,
                "active": False,
            },
        ]
        for i, value in enumerate(data)
    ]
    return [label_text(result) for result in _call_each(config, formatter, path, rows, None)]
