"""What QuickChart's Chart.js 2, 3 and 4 colour a config with where it names no colours.

- v2: QuickChart registers its fork of chartjs-plugin-colorschemes (typpo/chartjs-plugin-
  colorschemes@979ef8e) with the scheme ``tableau.Tableau10``, by dataset index. By the
  dataset's own ``type``, else the chart's: a line, radar or scatter dataset without a
  ``backgroundColor`` gets the colour at alpha 0.5, and one without a ``borderColor`` gets the
  colour as its border and, unless it names them, as its points' border with the half-
  transparent colour as their fill. So a line that names only its ``borderColor`` still has
  Tableau 10 points and area: Chart.js 2 fills points with ``pointBackgroundColor``, else the
  dataset's ``backgroundColor``. Bars and bubbles get the opaque colour as their background
  only (a bubble's border stays Chart.js 2's ``rgba(0,0,0,0.1)``). Pie, doughnut and polar
  area slices take the scheme by value (``translate``). A key the config sets, even to null,
  is left alone (the plugin tests ``typeof … === 'undefined'``).

QuickChart renders ``v=3`` with Chart.js 3.9.1 and ``v=4`` with Chart.js 4.0.1 (imported as
``chart.js-v4/auto``, so every built-in plugin is registered); its colorschemes plugin (Tableau
10, the v2 default in ``translate``) registers itself with Chart.js 2 only, so it never colours
v3/v4 charts.

- Chart.js 4's Colors plugin (``plugins.colors``, on unless ``enabled: false``) applies when no
  dataset has a ``borderColor`` or ``backgroundColor`` and no ``options.elements.*`` names one:
  pie and doughnut charts get one opaque colour per value, continuing across datasets; polar area
  charts the same at alpha 0.5; every other chart one colour per dataset, the border opaque and
  the background at alpha 0.5 (seven colours, taken in turn).
- Chart.js 3.9 has no such plugin: ``backgroundColor`` and ``borderColor`` default to
  ``rgba(0,0,0,0.1)``, so bars, slices and lines a dataset leaves uncoloured are a faint grey
  (unless ``options.elements`` names colours, which the engine then reads as before).

The config itself is never changed (its canonical text is the cache key): the datasets that take
default colours are copies.
"""

from __future__ import annotations

from typing import Any

__all__ = ["TABLEAU10", "with_default_colors"]

# chartjs-plugin-colorschemes' tableau.Tableau10, by dataset index (QuickChart's v2 default)
TABLEAU10 = (
    "#4E79A7",
    "#F28E2B",
    "#E15759",
    "#76B7B2",
    "#59A14F",
    "#EDC948",
    "#B07AA1",
    "#FF9DA7",
    "#9C755F",
    "#BAB0AC",
)
# what the fork colours as a line (half-transparent background, border and points) and, of
# the chart types QuickChart gives the plugin, the ones whose datasets it colours by index
_V2_LINE_TYPES = ("line", "radar", "scatter", "sparkline")
_V2_TYPES = (*_V2_LINE_TYPES, "bar", "horizontalBar", "bubble")
_CHARTJS2_POINT_BORDER = "rgba(0,0,0,0.1)"  # 2.9.4's elements.point.borderColor

# Chart.js 4's plugin.colors BORDER_COLORS; its backgrounds are the same at alpha 0.5
CHARTJS4_COLORS = (
    (54, 162, 235),  # blue
    (255, 99, 132),  # red
    (255, 159, 64),  # orange
    (255, 205, 86),  # yellow
    (75, 192, 192),  # green
    (153, 102, 255),  # purple
    (201, 203, 207),  # grey
)
CHARTJS3_DEFAULT_COLOR = "rgba(0,0,0,0.1)"
_COLOR_KEYS = ("backgroundColor", "borderColor")
# the types Chart.js itself draws; QuickChart's own (sparkline, progressBar, …) keep theirs
_CHARTJS_TYPES = ("bar", "line", "scatter", "bubble", "pie", "doughnut", "polarArea", "radar")


def _border(i: int) -> str:
    red, green, blue = CHARTJS4_COLORS[i % len(CHARTJS4_COLORS)]
    return f"rgb({red}, {green}, {blue})"


def _background(i: int) -> str:
    red, green, blue = CHARTJS4_COLORS[i % len(CHARTJS4_COLORS)]
    return f"rgba({red}, {green}, {blue}, 0.5)"


def _names_a_color(descriptor: object) -> bool:
    # Chart.js tests truthiness: an empty string or 0 names none
    return isinstance(descriptor, dict) and any(descriptor.get(key) for key in _COLOR_KEYS)


def with_default_colors(config: dict[str, Any], version: int) -> dict[str, Any]:
    """``config``, or a copy whose datasets carry the colours QuickChart's Chart.js
    ``version`` would give them; configs that name every colour are returned as they are."""
    chart_type = config.get("type")
    data = config.get("data")
    options = config.get("options") if isinstance(config.get("options"), dict) else {}
    assert isinstance(options, dict)
    if version < 3:
        return _quickchart_v2_colored(config)
    if chart_type not in _CHARTJS_TYPES or not isinstance(data, dict):
        return config
    datasets = data.get("datasets")
    elements = options.get("elements")
    if not isinstance(datasets, list) or (
        isinstance(elements, dict) and any(_names_a_color(e) for e in elements.values())
    ):
        return config
    if version == 3:
        return {**config, "data": {**data, "datasets": [_chartjs3_colored(d) for d in datasets]}}
    if any(_names_a_color(d) for d in datasets):
        return config
    plugins = options.get("plugins")
    colors_plugin = plugins.get("colors") if isinstance(plugins, dict) else None
    if isinstance(colors_plugin, dict) and colors_plugin.get("enabled") is False:
        return config
    return {**config, "data": {**data, "datasets": _chartjs4_colored(datasets, chart_type)}}


def _chartjs3_colored(dataset: object) -> object:
    # each colour the dataset leaves unset takes 3.9's default, as its elements would
    if not isinstance(dataset, dict) or all(dataset.get(key) for key in _COLOR_KEYS):
        return dataset
    return {**dataset, **{k: CHARTJS3_DEFAULT_COLOR for k in _COLOR_KEYS if not dataset.get(k)}}


def _chartjs4_colored(datasets: list[Any], chart_type: str) -> list[Any]:
    colored: list[Any] = []
    value_index = 0  # pie, doughnut and polar area colour values in turn across datasets
    for index, dataset in enumerate(datasets):
        if not isinstance(dataset, dict):
            colored.append(dataset)
            continue
        if chart_type in ("pie", "doughnut", "polarArea"):
            values = dataset.get("data") if isinstance(dataset.get("data"), list) else []
            assert isinstance(values, list)
            pick = _border if chart_type != "polarArea" else _background
            colors = [pick(value_index + i) for i in range(len(values))]
            value_index += len(values)
            colored.append({**dataset, "backgroundColor": colors})
        else:
            colored.append(
                {**dataset, "borderColor": _border(index), "backgroundColor": _background(index)}
            )
    return colored


def _quickchart_v2_colored(config: dict[str, Any]) -> dict[str, Any]:
    chart_type = config.get("type")
    data = config.get("data")
    if chart_type not in _V2_TYPES or not isinstance(data, dict):
        return config
    datasets = data.get("datasets")
    if not isinstance(datasets, list):
        return config
    colored = [_tableau_colored(d, i, chart_type) for i, d in enumerate(datasets)]
    if all(new is old for new, old in zip(colored, datasets, strict=True)):
        return config
    return {**config, "data": {**data, "datasets": colored}}


def _tableau_colored(dataset: object, index: int, chart_type: str) -> object:
    if not isinstance(dataset, dict):
        return dataset
    color = TABLEAU10[index % len(TABLEAU10)]
    half = color + "80"  # the plugin's fillAlpha 0.5 (0x80: 0.502, the same 8-bit colour)
    own_type = dataset.get("type")
    kind = own_type if isinstance(own_type, str) and own_type else chart_type
    given: dict[str, Any] = {}
    if kind in _V2_LINE_TYPES:
        given["backgroundColor"] = half
        if "borderColor" not in dataset:
            given.update(borderColor=color, pointBackgroundColor=half, pointBorderColor=color)
    else:
        given["backgroundColor"] = color
        if kind == "bubble":
            given["borderColor"] = _CHARTJS2_POINT_BORDER
    added = {key: value for key, value in given.items() if key not in dataset}
    return {**dataset, **added} if added else dataset
