"""A doughnut or pie config's decoration beyond its spec (``models.round_look.RoundLook``):

- nested rings: each dataset's own ``backgroundColor`` (a colour or one per value, taken in
  turn; Chart.js 4's default colours continue across datasets) and ``weight`` (Chart.js 2.9+
  and 3/4: its share of the ring's width, default 1; below 0 is 0, at most 1000);
- chartjs-plugin-piechart-outlabels 0.1, as QuickChart bundles it (lib/charts.js): drawn on
  the first ring where ``options.plugins.outlabels`` or the dataset's ``outlabels`` is set
  (the dataset's over the plugin's; ``false``: none), with the plugin's defaults (``text``
  '%l %p': label and percent, ``%v`` the value, ``%p.2`` / ``%v.0`` with their precision;
  ``color`` white; the box and line in the slice's colour unless ``backgroundColor``;
  ``stretch`` 40; ``lineWidth`` 2; ``padding`` 4; ``borderRadius`` 0; ``font`` resizable:
  2.5 % of the chart's height within ``minSize`` … ``maxSize``, else ``size`` or 12;
  ``percentPrecision`` 1, ``valuePrecision`` 3). ``text`` as a function is run in the config's
  sandbox once per slice, with the plugin's context (``dataIndex``, ``datasetIndex``,
  ``dataset``, ``labels``, ``percent``). The type ``outlabeledPie`` also shrinks the pie by
  ``options.zoomOutPercentage`` (50) to leave them room. Where they are drawn and the config
  sets no data labels, QuickChart turns its default data labels off;
- QuickChart's doughnutlabel plugin: ``options.plugins.doughnutlabel.labels`` (at most
  ``MAX_CENTRE_LABELS``), each ``text`` (a string or number), ``font`` {size, weight} and
  ``color``, falling back to the plugin's own ``font`` and ``color``, then 12 px #666;
- Chart.js 3/4's arc geometry, ``spacing``, ``radius`` and ``offset`` (``chartjs.arc_options``).

Unknown options are ignored; a value the plugins could not use (a colour no canvas takes, a
negative size) is a ``TranslationError`` naming its path. No matplotlib and no HTTP here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from chartfn.chartjs.arc_options import arc_options
from chartfn.chartjs.config import ConfigError, ConfigRef, EvaluatedConfig, JsFunction
from chartfn.chartjs.default_colors import with_default_colors
from chartfn.chartjs.font_face import font_face
from chartfn.chartjs.option_values import (
    bold_option,
    color_option,
    is_number,
    length_option,
    size_option,
)
from chartfn.chartjs.tick_labels import js_text
from chartfn.chartjs.ticks import option_number
from chartfn.chartjs.translate import TranslationError
from chartfn.models.chart_spec import MAX_CATEGORIES, ChartSpec
from chartfn.models.overlays import MAX_LABEL_TEXT, TextStyle
from chartfn.models.round_look import (
    MAX_CENTRE_LABELS,
    MAX_RING_WEIGHT,
    MAX_STRETCH,
    OutLabels,
    RoundLook,
)

__all__ = ["ConfigRoundLook", "config_round_look"]

_DEFAULT_TEXT = "%l %p"
_DEFAULT_ZOOM_OUT = 50.0  # outlabeledPie's zoomOutPercentage
MAX_LINES = 10  # lines of one out-label
_MAX_PRECISION = 20  # toFixed's own limit


@dataclass(frozen=True)
class ConfigRoundLook:
    look: RoundLook | None
    #: Whether out-labels are drawn (QuickChart then turns its default data labels off).
    outlabels: bool = False
    run_callback_paths: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


def config_round_look(
    evaluated: EvaluatedConfig,
    spec: ChartSpec,
    dataset_indexes: Sequence[int],
    version: int,
) -> ConfigRoundLook:
    """The decoration of ``spec`` (a doughnut: series ``i`` is dataset
    ``dataset_indexes[i]``) that ``evaluated``'s config asks for; None for other kinds."""
    if spec.kind != "doughnut":
        return ConfigRoundLook(None)
    config = with_default_colors(evaluated.config, version)
    options = _dict(config.get("options"))
    plugins = _dict(options.get("plugins"))
    data = _dict(config.get("data"))
    raw = data.get("datasets") if isinstance(data.get("datasets"), list) else []
    assert isinstance(raw, list)
    datasets = [_dict(raw[i]) if i < len(raw) else {} for i in dataset_indexes]
    run: list[str] = []
    colors = tuple(
        _colors(dataset, f"data.datasets[{index}]")
        for dataset, index in zip(datasets, dataset_indexes, strict=True)
    )
    weights = tuple(
        _weight(dataset.get("weight"), f"data.datasets[{index}].weight")
        for dataset, index in zip(datasets, dataset_indexes, strict=True)
    )
    outlabels = _outlabels(evaluated, config, plugins, spec, datasets, dataset_indexes, run)
    centre = _centre(plugins.get("doughnutlabel"))
    arcs = arc_options(evaluated.config, datasets, dataset_indexes, version)
    look = RoundLook(
        # the first ring's colours are the spec's slice colours already
        ring_colors=((), *colors[1:]) if any(colors[1:]) else (),
        ring_weights=weights if any(w != 1.0 for w in weights) else (),
        outlabels=outlabels,
        centre=centre,
        spacing=arcs.spacing,
        radius_share=arcs.radius_share,
        radius_px=arcs.radius_px,
        ring_offsets=arcs.ring_offsets,
    )
    empty = look == RoundLook()
    return ConfigRoundLook(
        None if empty else look, outlabels is not None, tuple(run), arcs.warnings
    )


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _colors(dataset: Mapping[str, Any], path: str) -> tuple[str, ...]:
    value = dataset.get("backgroundColor")
    items = value[:MAX_CATEGORIES] if isinstance(value, list) else [value]
    found = []
    for index, item in enumerate(items):
        where = f"{path}.backgroundColor" + (f"[{index}]" if isinstance(value, list) else "")
        color = color_option(item, where)
        if color is not None:
            found.append(color)
    return tuple(found)


def _weight(value: Any, path: str) -> float:
    """Chart.js's ``Math.max(weight, 0)``: below 0 is 0 (no band); what is no number would
    make every ring's radius NaN."""
    if value is None:
        return 1.0
    number = option_number(value)
    if number is None:
        raise TranslationError(path, f"{js_text(value)[:40]!r} is not a number")
    return min(max(number, 0.0), MAX_RING_WEIGHT)


def _outlabels(
    evaluated: EvaluatedConfig,
    config: Mapping[str, Any],
    plugins: Mapping[str, Any],
    spec: ChartSpec,
    datasets: list[dict[str, Any]],
    dataset_indexes: Sequence[int],
    run: list[str],
) -> OutLabels | None:
    """The first ring's out-labels, where QuickChart draws them."""
    plugin = plugins.get("outlabels")
    own = datasets[0].get("outlabels") if datasets else None
    if own is False or not (plugin or own):
        return None
    merged = {**_dict(plugin), **_dict(own)}
    base = "options.plugins.outlabels"
    if merged.get("display") is False:
        return None
    series = spec.series[0]
    values = [abs(v) if v is not None else 0.0 for v in series.y]
    total = sum(values)
    labels = spec.categories or [str(i) for i in range(len(values))]
    percents = [v / total if total > 0 else 0.0 for v in values]
    text = merged.get("text", _DEFAULT_TEXT)
    if isinstance(text, JsFunction):
        path = f"{base}.text"
        templates = _run_text(evaluated, text, path, dataset_indexes[0], labels, percents)
        run.append(path)
    else:
        templates = [text if isinstance(text, str) else js_text(text)] * len(values)
    percent_digits = _precision(merged.get("percentPrecision"), 1)
    value_digits = _precision(merged.get("valuePrecision"), 3)
    texts = tuple(
        _lines(_filled(t, label, value, percent, percent_digits, value_digits))
        for t, label, value, percent in zip(templates, labels, series.y, percents, strict=False)
    )
    font = _dict(merged.get("font"))
    resizable = font.get("resizable") is not False
    size = size_option(font.get("size"), f"{base}.font.size")
    zoom = 0.0
    if config.get("type") == "outlabeledPie":
        options = _dict(config.get("options"))
        percentage = options.get("zoomOutPercentage")
        zoom = float(percentage) if is_number(percentage) and percentage else _DEFAULT_ZOOM_OUT
        zoom = min(max(zoom, 0.0), 95.0) / 100
    return OutLabels(
        texts=texts,
        color=color_option(merged.get("color"), f"{base}.color") or "#ffffff",
        backgrounds=_backgrounds(merged, base, len(values)),
        line_width=length_option(merged.get("lineWidth"), f"{base}.lineWidth", 2.0, 100.0),
        stretch=_stretch(merged.get("stretch"), f"{base}.stretch"),
        size=None if resizable else (size or 12.0),
        min_size=size_option(font.get("minSize"), f"{base}.font.minSize") if resizable else None,
        max_size=size_option(font.get("maxSize"), f"{base}.font.maxSize") if resizable else None,
        bold=bool(bold_option(font.get("weight"))),
        # the plugin writes a CSS font string, whose style the canvas reads in any case
        face=font_face(font, 2),
        border_radius=length_option(merged.get("borderRadius"), f"{base}.borderRadius", 0.0),
        padding=_padding(merged.get("padding"), f"{base}.padding"),
        zoom_out=zoom,
    )


def _stretch(value: Any, path: str) -> float:
    """The leader line's length; below 0 the plugin puts the label inside the slice."""
    if value is None:
        return 40.0
    number = option_number(value)
    if number is None:
        raise TranslationError(path, f"{js_text(value)[:40]!r} is not a number")
    return min(max(number, -MAX_STRETCH), MAX_STRETCH)


def _run_text(
    evaluated: EvaluatedConfig,
    fn: JsFunction,
    path: str,
    dataset_index: int,
    labels: list[str],
    percents: list[float],
) -> list[str]:
    """The function's text per slice, called as the plugin's resolve calls it."""
    rows = [
        [
            {
                "chart": {"data": ConfigRef(("data",))},
                "dataIndex": i,
                "datasetIndex": dataset_index,
                "dataset": ConfigRef(("data", "datasets", dataset_index)),
                "labels": labels,
                "percent": percent,
            }
        ]
        for i, percent in enumerate(percents)
    ]
    try:
        results = evaluated.call_each(fn, rows, None)
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    return ["" if r is None else r if isinstance(r, str) else js_text(r) for r in results]


def _precision(value: Any, default: int) -> int:
    # the plugin reads `config.percentPrecision || default`: 0 is the default too
    if not is_number(value) or not value or not math.isfinite(value):
        return default
    return min(max(int(value), 0), _MAX_PRECISION)


def _to_fixed(value: float, digits: int) -> str:
    """JavaScript's ``toFixed``: the exact value rounded half away from zero."""
    if not math.isfinite(value) or abs(value) >= 1e21:
        return js_text(value)
    exact = Decimal(value).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return f"{exact:f}"


def _filled(
    template: str,
    label: str,
    value: float | None,
    percent: float,
    percent_digits: int,
    value_digits: int,
) -> str:
    """The plugin's markers replaced: ``%l`` the label, ``%v[.n]`` the value, ``%p[.n]`` the
    percent."""
    text = re.sub("%l", lambda _: label, template, flags=re.IGNORECASE)
    number = value if value is not None else 0.0

    def value_text(match: re.Match[str]) -> str:
        digits = int(match.group(1)) if match.group(1) else value_digits
        return _to_fixed(number, min(digits, _MAX_PRECISION))

    def percent_text(match: re.Match[str]) -> str:
        digits = int(match.group(1)) if match.group(1) else percent_digits
        return _to_fixed(percent * 100, min(digits, _MAX_PRECISION)) + "%"

    text = re.sub(r"%v\.?(\d*)", value_text, text, flags=re.IGNORECASE)
    return re.sub(r"%p\.?(\d*)", percent_text, text, flags=re.IGNORECASE)


def _lines(text: str) -> tuple[str, ...] | None:
    """The label's lines as the plugin splits them (none: no label), each bounded."""
    lines = [line.strip() for line in text.replace("\r", "\n").split("\n")]
    kept = [_bounded(line) for line in lines if line][:MAX_LINES]
    return tuple(kept) or None


def _bounded(text: str) -> str:
    return text if len(text) <= MAX_LABEL_TEXT else text[: MAX_LABEL_TEXT - 1] + "…"


def _backgrounds(merged: Mapping[str, Any], base: str, count: int) -> tuple[str | None, ...]:
    """Per slice the box's colour; None: the slice's own. A ``null`` draws no box."""
    if "backgroundColor" not in merged:
        return ()
    value = merged["backgroundColor"]
    path = f"{base}.backgroundColor"
    if value is None:
        return ("#00000000",) * count
    if isinstance(value, list):
        return tuple(
            color_option(item, f"{path}[{i}]") for i, item in enumerate(value[:MAX_CATEGORIES])
        )
    color = color_option(value, path)
    return (color,) * count if color is not None else ()


def _padding(value: Any, path: str) -> tuple[float, float, float, float]:
    if isinstance(value, dict):
        return (
            length_option(value.get("left"), f"{path}.left", 0.0),
            length_option(value.get("top"), f"{path}.top", 0.0),
            length_option(value.get("right"), f"{path}.right", 0.0),
            length_option(value.get("bottom"), f"{path}.bottom", 0.0),
        )
    side = length_option(value, path, 4.0)
    return (side, side, side, side)


def _centre(plugin: Any) -> tuple[tuple[str, TextStyle], ...]:
    """doughnutlabel's lines: text, then its font and colour."""
    if not isinstance(plugin, dict) or not isinstance(plugin.get("labels"), list):
        return ()
    base = "options.plugins.doughnutlabel"
    shared_font = _dict(plugin.get("font"))
    shared_color = color_option(plugin.get("color"), f"{base}.color")
    lines = []
    for index, label in enumerate(plugin["labels"][:MAX_CENTRE_LABELS]):
        if not isinstance(label, dict):
            continue
        path = f"{base}.labels[{index}]"
        text = label.get("text")
        if isinstance(text, str):
            shown = text
        elif is_number(text):
            shown = js_text(text)
        else:
            continue  # a function or nothing: the plugin would print its source or nothing
        # a canvas draws a newline as a space
        shown = _bounded(shown.replace("\r\n", " ").replace("\n", " ").replace("\r", " "))
        font = _dict(label.get("font")) or shared_font
        size = font.get("size")
        if isinstance(size, str):  # the plugin's docs give sizes as strings ('60')
            size = _number_text(size)
        lines.append(
            (
                shown,
                TextStyle(
                    color=color_option(label.get("color"), f"{path}.color") or shared_color,
                    size=size_option(size, f"{path}.font.size"),
                    bold=bold_option(font.get("weight")),
                    # the plugin writes a CSS font string (style, family), read in any case
                    face=font_face(font, 2),
                ),
            )
        )
    return tuple(lines)


def _number_text(text: str) -> float | None:
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None
