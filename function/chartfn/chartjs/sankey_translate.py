"""A ``type: 'sankey'`` config (chartjs-chart-sankey, for Chart.js 3 and 4) as a ``sankey``
chart spec and its ``SankeyLook``.

The first dataset's ``data`` is the flows, ``{from, to, flow}`` (other keys through its
``parsing: {from, to, flow}``); its ``labels`` (node id → text, an array for several lines),
``column`` (node id → column), ``priority`` (node id → order in its column) and ``size``
('max' | 'min') shape the layout (``models.sankey_layout``). Its look: ``colorFrom`` and
``colorTo`` (a colour, or an array taken per flow in turn; default red and green), ``colorMode``
('gradient' | 'from' | 'to'), ``nodeWidth`` (10), ``borderWidth`` (1), ``borderColor``
(black), ``color`` (the labels', black), ``font`` {size, weight, lineHeight} over
``options.font``, and ``padding`` between label lines. Functions are not run (named in a
warning; the plugin's default stands). A flow that is not a number ≥ 0, an id that is not
text, a cycle, or more flows or nodes than the bounds is a ``TranslationError`` naming
``data.datasets[0].data``. Chart.js 2 has no sankey: the plugin needs 3 or 4. No matplotlib
and no HTTP here.
"""

from __future__ import annotations

import math
from typing import Any

from pydantic import ValidationError

from chartfn.chartjs.config import ChartConfig, function_paths
from chartfn.chartjs.default_colors import with_default_colors
from chartfn.chartjs.option_values import bold_option, is_number, length_option, size_option
from chartfn.chartjs.translate import NOT_RUN_PREFIX, Translation, TranslationError
from chartfn.models.chart_spec import MAX_NAME, MAX_SANKEY_LINKS, MAX_SANKEY_NODES, ChartSpec
from chartfn.models.colors import ColorError, parse_css_color
from chartfn.models.numbers import shortest_form
from chartfn.models.sankey_layout import find_cycle
from chartfn.models.sankey_look import (
    MAX_BORDER_WIDTH,
    MAX_FONT_PX,
    MAX_NODE_WIDTH,
    RGBA,
    SankeyLook,
)
from chartfn.models.series_style import ChartStyles

__all__ = ["translate_sankey"]

_DATA = "data.datasets[0].data"
_DATASET = "data.datasets[0]"
_BLACK: RGBA = (0.0, 0.0, 0.0, 1.0)
_MAX_LABEL_LINES = 10


def translate_sankey(
    config: ChartConfig,
    data: dict[str, Any],
    options: dict[str, Any],
    version: int,
    title: str,
) -> Translation:
    if version < 3:
        raise TranslationError(
            "type",
            "'sankey' needs Chart.js 3 or 4 (version=3 or 4, as QuickChart's docs set it): "
            "chartjs-chart-sankey does not run on Chart.js 2",
        )
    datasets = data.get("datasets")
    if not isinstance(datasets, list) or not datasets:
        raise TranslationError("data.datasets", "a sankey needs a dataset of flows")
    dataset = datasets[0]
    if not isinstance(dataset, dict):
        raise TranslationError(_DATASET, "must be an object with data")
    warnings: list[str] = []
    if len(datasets) > 1:
        warnings.append("only the first dataset of a sankey is drawn")
    links, amounts = _flows(dataset)
    nodes = {node for link in links for node in link}
    if len(nodes) > MAX_SANKEY_NODES:
        raise TranslationError(
            _DATA, f"names {len(nodes)} nodes; a sankey draws at most {MAX_SANKEY_NODES}"
        )
    cycle = find_cycle([(a, b) for a, b in links])
    if cycle is not None:
        raise TranslationError(
            _DATA,
            "the flows form a cycle, which chartjs-chart-sankey cannot lay out: "
            + " → ".join(cycle),
        )
    sankey: dict[str, Any] = {"links": links, "node_size": _size(dataset.get("size"))}
    labels = _labels(dataset.get("labels"), nodes)
    if labels:
        sankey["labels"] = labels
    columns = _columns(dataset.get("column"), nodes)
    if columns:
        sankey["columns"] = columns
    priority = _priority(dataset.get("priority"), nodes)
    if priority is not None:
        sankey["priority"] = priority
    fields = {
        "kind": "sankey",
        "title": title,
        "legend": False,  # the plugin's override: no legend
        "series": [{"y": amounts}],
        "sankey": sankey,
    }
    try:
        spec = ChartSpec.model_validate(fields)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise TranslationError(_DATA, str(first["msg"])) from None
    look = _look(config, dataset, options, version, len(links))
    functions = function_paths(config)
    if functions:
        warnings.append(NOT_RUN_PREFIX + ", ".join(functions))
    return Translation(spec, tuple(warnings), ChartStyles(sankey=look), (0,))


def _flows(dataset: dict[str, Any]) -> tuple[list[list[str]], list[float]]:
    """Each flow's ``[from, to]`` ids and its amount, by the dataset's ``parsing`` keys."""
    values = dataset.get("data")
    if not isinstance(values, list) or not values:
        raise TranslationError(_DATA, "a sankey needs flows: [{from, to, flow}, …]")
    if len(values) > MAX_SANKEY_LINKS:
        raise TranslationError(
            _DATA, f"has {len(values)} flows; a sankey draws at most {MAX_SANKEY_LINKS}"
        )
    parsing = dataset.get("parsing") if isinstance(dataset.get("parsing"), dict) else {}
    assert isinstance(parsing, dict)
    keys = [
        parsing.get(name) if isinstance(parsing.get(name), str) else name
        for name in ("from", "to", "flow")
    ]
    links: list[list[str]] = []
    amounts: list[float] = []
    for index, value in enumerate(values):
        path = f"{_DATA}[{index}]"
        if not isinstance(value, dict):
            raise TranslationError(path, "a flow is an object {from, to, flow}")
        links.append([_node_id(value.get(keys[0]), f"{path}.{keys[0]}"),
                      _node_id(value.get(keys[1]), f"{path}.{keys[1]}")])  # fmt: skip
        amounts.append(_amount(value.get(keys[2]), f"{path}.{keys[2]}"))
    return links, amounts


def _node_id(value: Any, path: str) -> str:
    if is_number(value) and math.isfinite(float(value)):
        value = shortest_form(float(value))  # a Map key the plugin shows as text
    if not isinstance(value, str) or not value:
        raise TranslationError(path, "a node id is a non-empty string")
    if len(value) > MAX_NAME:
        raise TranslationError(path, f"a node id has at most {MAX_NAME} characters")
    return value


def _amount(value: Any, path: str) -> float:
    # the plugin adds flows up as they are: a string would be joined, not added
    if not is_number(value) or not math.isfinite(float(value)) or float(value) < 0:
        raise TranslationError(path, f"{value!r} is not a flow (allowed: a number ≥ 0)")
    return float(value)


def _size(value: Any) -> str:
    return value if value in ("max", "min") else "max"  # the plugin's validateSizeValue


def _labels(value: Any, nodes: set[str]) -> dict[str, str]:
    """Node id → its text (lines joined by newlines); ids not among the flows are dropped,
    as the plugin never looks them up."""
    if not isinstance(value, dict):
        return {}
    labels = {}
    for key, text in value.items():
        if key not in nodes:
            continue
        joined = "\n".join(_lines(text))[:MAX_NAME]
        if joined:  # the plugin's `labels[key] || key`: an empty label shows the id
            labels[key] = joined
    return labels


def _lines(text: Any) -> list[str]:
    items = text if isinstance(text, list) else [text]
    lines: list[str] = []
    for item in items[:_MAX_LABEL_LINES]:
        if is_number(item):
            item = shortest_form(float(item))
        if isinstance(item, str):
            lines += ["".join(c if c.isprintable() else " " for c in line)
                      for line in item.split("\n")]  # fmt: skip
    return lines[:_MAX_LABEL_LINES]


def _columns(value: Any, nodes: set[str]) -> dict[str, int]:
    if not isinstance(value, dict):
        return {}
    columns = {}
    for key, column in value.items():
        if key not in nodes:
            continue
        path = f"{_DATASET}.column.{key}"
        if not is_number(column) or not float(column).is_integer():
            raise TranslationError(path, f"{column!r} is not a column (a whole number ≥ 0)")
        if not 0 <= column <= MAX_SANKEY_NODES:
            raise TranslationError(path, f"a column lies from 0 to {MAX_SANKEY_NODES}")
        columns[key] = int(column)
    return columns


def _priority(value: Any, nodes: set[str]) -> dict[str, float] | None:
    """Node id → its order; None where the dataset gives no priority object (an empty one
    still switches the plugin to its priority layout)."""
    if not isinstance(value, dict):
        return None
    priority = {}
    for key, order in value.items():
        if key not in nodes:
            continue
        if not is_number(order) or not math.isfinite(float(order)):
            raise TranslationError(f"{_DATASET}.priority.{key}", f"{order!r} is not a number")
        priority[key] = float(order)
    return priority


def _look(
    config: ChartConfig,
    dataset: dict[str, Any],
    options: dict[str, Any],
    version: int,
    flows: int,
) -> SankeyLook:
    default_from, default_to = SankeyLook().default_colors
    color_from = _per_flow(dataset.get("colorFrom"), "colorFrom", flows, default_from)
    color_to = _per_flow(dataset.get("colorTo"), "colorTo", flows, default_to)
    mode = dataset.get("colorMode")
    font = dataset.get("font") if isinstance(dataset.get("font"), dict) else {}
    chart_font = options.get("font") if isinstance(options.get("font"), dict) else {}
    assert isinstance(font, dict)
    assert isinstance(chart_font, dict)
    size = size_option(font.get("size"), f"{_DATASET}.font.size") or size_option(
        chart_font.get("size"), "options.font.size"
    )
    weight = font.get("weight", chart_font.get("weight"))
    line_height = font.get("lineHeight", chart_font.get("lineHeight"))
    padding = dataset.get("padding")
    return SankeyLook(
        flow_colors=tuple(zip(color_from, color_to, strict=True)),
        color_mode=mode if mode in ("from", "to") else "gradient",
        node_width=length_option(
            dataset.get("nodeWidth"), f"{_DATASET}.nodeWidth", 10.0, MAX_NODE_WIDTH
        ),
        border_width=length_option(
            dataset.get("borderWidth"), f"{_DATASET}.borderWidth", 1.0, MAX_BORDER_WIDTH
        ),
        border_color=_color(_border_color(config, dataset, version), "borderColor", _BLACK),
        label_color=_color(dataset.get("color"), "color", _BLACK),
        font_px=min(size, MAX_FONT_PX) if size is not None else 12.0,
        font_bold=bool(bold_option(weight)),
        line_height=float(line_height) if is_number(line_height) and 0 < line_height <= 10 else 1.2,
        label_padding=length_option(padding, f"{_DATASET}.padding", 0.0)
        if is_number(padding)
        else None,
    )


def _border_color(config: ChartConfig, dataset: dict[str, Any], version: int) -> Any:
    """The dataset's ``borderColor``; in Chart.js 4 the Colors plugin gives an uncoloured
    config's first dataset its first colour (as it does a line chart's: the same rules)."""
    if dataset.get("borderColor") or version < 4 or not isinstance(config, dict):
        return dataset.get("borderColor")
    as_line = with_default_colors({**config, "type": "line"}, version)
    colored = as_line.get("data", {}).get("datasets", [None])[0]
    return colored.get("borderColor") if isinstance(colored, dict) else None


def _per_flow(value: Any, name: str, flows: int, default: RGBA) -> list[RGBA]:
    """One colour per flow: a colour for all, or an array taken in turn (Chart.js's
    indexable options); anything else (a function) leaves the plugin's default."""
    if isinstance(value, list) and value:
        return [_color(value[i % len(value)], f"{name}[{i % len(value)}]", default)
                for i in range(flows)]  # fmt: skip
    return [_color(value, name, default)] * flows


def _color(value: Any, name: str, default: RGBA) -> RGBA:
    # Chart.js tests these with `||`: an empty string or 0 leaves the default
    if not isinstance(value, str) or not value:
        return default
    try:
        return parse_css_color(value)
    except ColorError as exc:
        raise TranslationError(f"{_DATASET}.{name}", str(exc)) from None
