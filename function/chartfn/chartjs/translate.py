"""A Chart.js config as a ``ChartSpec``: the first, partial translation.

Covers what every protocol path needs to return a real chart: bar (grouped or stacked), line,
scatter, pie, doughnut, polarArea, radar (``round_options`` reads their own options),
QuickChart's progressBar and sankey (``sankey_translate``); labels, datasets (label, data,
colours), title, legend, axis titles, logarithmic and min/max value axes, in Chart.js v2
and v3/v4 spellings.
What is read but not drawn the way Chart.js would draw it is named in ``warnings`` (sent as
``X-Chart-Warning``), never silently dropped; what cannot be drawn at all is a
``TranslationError`` naming the config path. No matplotlib and no HTTP here.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from pydantic import ValidationError

from chartfn.chartjs.box_translate import BOX_CHART_TYPES, BoxError, box_fields
from chartfn.chartjs.callbacks import option_path
from chartfn.chartjs.category_bars import category_bar_widths
from chartfn.chartjs.config import ChartConfig, JsFunction, function_paths
from chartfn.chartjs.dataset_style import StyleError, series_style
from chartfn.chartjs.default_colors import TABLEAU10, with_default_colors
from chartfn.chartjs.horizontal_axes import second_value_axis_warning
from chartfn.chartjs.mixed_types import bars_in_line_chart, bars_on_category_lines
from chartfn.chartjs.needle_gauge import GaugeError, gauge_fields
from chartfn.chartjs.pattern_fill import PaintError, fill_pattern
from chartfn.chartjs.round_options import round_fields
from chartfn.chartjs.second_axis import right_axis, right_axis_datasets
from chartfn.chartjs.stacking import stack_lines
from chartfn.chartjs.time_axis import TimeError, parse_time
from chartfn.chartjs.time_bars import BarOptionError, bar_slots
from chartfn.models.chart_spec import (
    MAX_BUBBLE_RADIUS,
    MAX_CATEGORIES,
    MAX_NAME,
    MAX_SERIES,
    MAX_TEXT,
    ChartSpec,
)
from chartfn.models.colors import ColorError, hex_color
from chartfn.models.needle_gauge_look import NeedleGaugeLook
from chartfn.models.numbers import shortest_form
from chartfn.models.series_style import ChartStyles, SeriesStyle

__all__ = ["SUPPORTED_TYPES", "Translation", "TranslationError", "translate"]

SUPPORTED_TYPES = (
    "bar",
    "line",
    "scatter",
    "bubble",
    "pie",
    "doughnut",
    "polarArea",
    "radar",
    "progressBar",
    "radialGauge",
    "gauge",
    "sankey",
    *BOX_CHART_TYPES,
)
_ROUND_TYPES = ("pie", "doughnut", "polarArea", "radar")
# Where a dataset's backgroundColor gradient or pattern is painted (one, or one per value).
_PAINTED_KINDS = ("bar", "pie", "doughnut", "polarArea", "progressBar")
# QuickChart fixes the spelling of donut too; a sparkline is its line chart without axes
_TYPE_ALIASES = {"donut": "doughnut", "sparkline": "line"}
# QuickChart's pie with chartjs-plugin-piechart-outlabels' labels around it (chartjs.round_look)
_OUTLABELED = "outlabeledPie"
# Chart.js's own types and those of the plugins QuickChart bundles: real charts, not drawn yet
# (issue 12), as opposed to a misspelling, which no engine draws.
NOT_DRAWN_TYPES = (
    "funnel",
    "treemap",
    "matrix",
    "candlestick",
    "ohlc",
    "choropleth",
    "bubbleMap",
    "wordCloud",
    "venn",
    "euler",
    "forceDirectedGraph",
    "dendrogram",
    "tree",
)
# Plugins QuickChart bundles that draw something chartfn does not draw yet: when configured
# they are named in a warning, not dropped silently the way an unknown option is (datalabels
# and annotation are drawn: ``chartjs.overlays``).
_UNDRAWN_PLUGINS = (
    "doughnutlabel",
    "outlabels",
    "tickFormat",
    "colorschemes",
)
_ROUND_PLUGINS = ("doughnutlabel", "outlabels")
_TICK_FORMAT_KINDS = ("bar", "horizontalBar", "line", "scatter", "bubble")
# Plugins that fill datasets from a service by URL: chartfn fetches nothing.
_DATA_SOURCE_PLUGINS = ("googleSheets", "airtable")
# The warning that lists the config's functions not run (prepare takes off those it runs).
NOT_RUN_PREFIX = "JavaScript functions are not run yet: "
_NUMBER_ALLOWED = "a number, a numeric string, null, or {x, y} with numbers"
# Chart.js's elements.point.radius: a bubble's radius where a point gives no r
_DEFAULT_BUBBLE_RADIUS = 3.0


class TranslationError(ValueError):
    """A config this translation cannot draw; ``path`` is where in the config (``data.datasets[0]
    .data[3]``)."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


@dataclass(frozen=True)
class Translation:
    spec: ChartSpec
    warnings: tuple[str, ...] = ()
    #: Each series' Chart.js look, in the spec's series order (``chartjs.dataset_style``).
    styles: ChartStyles = field(default_factory=ChartStyles)
    #: For each of the spec's series, its dataset's index in ``data.datasets``.
    dataset_indexes: tuple[int, ...] = ()


@dataclass
class _Dataset:
    index: int  # in data.datasets, for error paths
    name: str | None
    y: list[float | None]
    x: list[float] | None
    color: str | None
    raw: dict[str, Any]  # the dataset as the config gives it, for its look
    # where each value of y is in the dataset's data (scatter points without x are dropped)
    positions: list[int]
    r: list[float] | None = None  # bubble radii, CSS pixels
    as_line: bool = False  # a bar chart's `type: 'line'` dataset, drawn as a line over the bars


def translate(config: ChartConfig, version: int = 2) -> Translation:
    """``config`` (parsed, functions as ``JsFunction``) as a chart spec, for Chart.js ``version``
    (2, 3 or 4: where option names moved between versions)."""
    if not isinstance(config, dict):
        raise TranslationError("", "the config must be an object with type and data")
    config = with_default_colors(config, version)
    warnings: list[str] = []
    kind = _chart_type(config)
    # a line chart with bar datasets is drawn as a bar chart whose other datasets are lines
    bars_in_line = kind == "line" and bars_in_line_chart(config, version)
    if bars_in_line:
        kind = "bar"
    data = _mapping(config.get("data"), "data")
    options = _mapping(config.get("options"), "options")
    labels = _labels(data.get("labels"))
    if kind in BOX_CHART_TYPES:
        return _boxes(config, version, data, options, labels, warnings)
    if kind == "sankey":
        from chartfn.chartjs.sankey_translate import translate_sankey  # it imports this module

        return translate_sankey(config, data, options, version, _title(options, version))
    time_labels = None
    x_axis = _Scales(options, version).x
    bar_scales = _Scales(options, version, horizontal=config.get("type") == "horizontalBar")
    time_x = x_axis.get("type") in ("time", "timeseries")
    time_bars = kind == "bar" and not bar_scales.horizontal and time_x
    if (kind in ("line", "scatter", "bubble") or time_bars) and time_x:
        time_options = x_axis.get("time") if isinstance(x_axis.get("time"), dict) else {}
        assert isinstance(time_options, dict)
        parser = time_options.get("parser")
        data, time_labels = _dated(data, parser if isinstance(parser, str) else None)
    # Lines over bars are drawn on vertical bar charts (not on bars placed along a time axis);
    # elsewhere a dataset of another type is still drawn as the chart's.
    lines_over_bars = kind == "bar" and not bar_scales.horizontal and not time_bars
    datasets = _datasets(
        data, kind, labels, warnings, _data_source(options), lines_over_bars, bars_in_line
    )
    if version == 2 and kind not in ("pie", "doughnut", "polarArea", "radialGauge", "gauge"):
        # QuickChart's colorschemes plugin colours v2 datasets that name no colour
        for dataset in datasets:
            if dataset.color is None:
                dataset.color = TABLEAU10[dataset.index % len(TABLEAU10)]
    fields: dict[str, Any] = {
        "title": _title(options, version),
        "legend": _legend(options, version)
        # QuickChart gives a sparkline `legend: {display: false}` unless the config has a legend
        and (config.get("type") != "sparkline" or isinstance(options.get("legend"), dict)),
    }
    scales = _Scales(options, version, horizontal=config.get("type") == "horizontalBar")
    if kind in _ROUND_TYPES:
        if kind == "radar":
            datasets = _on_the_spokes(datasets, labels)
        elif kind in ("pie", "doughnut"):
            datasets = _rings(datasets, kind, warnings)
        raw = data.get("datasets")
        drawn = [raw[d.index] for d in datasets] if isinstance(raw, list) else []
        spec_fields = _round(kind, datasets, drawn, labels, warnings, version)
        spec_fields.update(round_fields(kind, options, drawn, version, warnings, TranslationError))
    elif kind == "radialGauge":
        spec_fields = _gauge(datasets, options, warnings)
        fields["legend"] = _plugin(options, "legend", version).get("display") is True
    elif kind == "gauge":
        spec_fields, needle_look = _needle_gauge(datasets, data, options, version, warnings)
        fields["legend"] = False  # the plugin turns the legend off; its bands carry no labels
    elif kind == "progressBar":
        spec_fields = _progress(datasets, data, options)
        # QuickChart merges legend: {display: false} under the config's own options
        fields["legend"] = _plugin(options, "legend", version).get("display") is True
    elif time_bars:
        spec_fields = _time_bars(datasets, time_labels, scales, warnings)
    elif kind == "bar":
        if scales.stacked and any(d.as_line for d in datasets):
            _stack_bar_lines(config, version, datasets, scales)
        spec_fields = _bar(datasets, labels, scales)
        spec_fields.update(_second_axis(config, version, kind, datasets, scales, warnings))
        second_x = scales.horizontal and second_value_axis_warning(
            config, version, [d.index for d in datasets]
        )
        if second_x:
            warnings.append(second_x)
    else:
        # A line config's category x axis gets its labels from chartjs.category_axis.
        category_x = config.get("type") == "line" and scales.x.get("type", "category") == "category"
        if kind == "line" and scales.y.get("stacked") is True:
            _stack(datasets, data, version)
        spec_fields = _xy(kind, datasets, labels, warnings, time_labels, labels_drawn=category_x)
        spec_fields.update(_second_axis(config, version, kind, datasets, scales, warnings))
    if kind not in (*_ROUND_TYPES, "progressBar", "radialGauge", "gauge"):
        fields.update(scales.axis_fields(kind))
        if scales.horizontal and kind == "bar":
            fields["horizontal"] = True
    fields.update(spec_fields)
    if config.get("type") == "sparkline" and version == 2 and "scales" not in options:
        fields.update(_sparkline_limits(datasets))
    styles = _styles(datasets, kind, str(config.get("type")), version, options, warnings)
    if kind == "gauge":
        styles = replace(styles, needle_gauge=needle_look)
    if version == 2:
        styles = replace(styles, areas_under_all_lines=True)
    if styles.series and bars_on_category_lines(config, version):
        styles = replace(styles, category_offset=False)
    if time_bars:
        try:
            slots = bar_slots(x_axis, data.get("datasets"), version)
        except BarOptionError as exc:
            raise TranslationError(exc.path, str(exc).removeprefix(exc.path + ": ")) from None
        styles = replace(styles, bar_slots=slots)
    elif kind == "bar":
        try:
            widths = category_bar_widths(config, version, [d.index for d in datasets], warnings)
        except BarOptionError as exc:
            raise TranslationError(exc.path, str(exc).removeprefix(exc.path + ": ")) from None
        styles = replace(styles, category_bars=widths)
    plugins = _undrawn_plugins(options, kind)
    if plugins:
        warnings.append("plugins are not drawn yet: " + ", ".join(plugins))
    functions = function_paths(config)
    if functions:
        warnings.append(NOT_RUN_PREFIX + ", ".join(functions))
    try:
        spec = ChartSpec.model_validate(fields)
    except ValidationError as exc:
        raise _config_error(exc, [d.index for d in datasets]) from None
    drawn = datasets[:1] if kind == "polarArea" else datasets
    return Translation(spec, tuple(warnings), styles, tuple(d.index for d in drawn))


def _boxes(
    config: ChartConfig,
    version: int,
    data: dict[str, Any],
    options: dict[str, Any],
    labels: list[str] | None,
    warnings: list[str],
) -> Translation:
    """A box plot or violin config (``chartjs.box_translate``): a box per label and dataset."""
    raw = data.get("datasets")
    if not isinstance(raw, list) or not raw:
        raise TranslationError("data.datasets", "needs at least one dataset")
    if len(raw) > MAX_SERIES:
        raise TranslationError(
            "data.datasets", f"has {len(raw)} datasets; at most {MAX_SERIES} are drawn"
        )
    shown = []
    for index, item in enumerate(raw):
        dataset = _mapping(item, f"data.datasets[{index}]")
        if dataset.get("hidden") is not True:
            label = dataset.get("label")
            shown.append((index, dataset, None if label is None else _label_text(label)))
    values = [d.get("data") for _, d, _ in shown]
    longest = max((len(v) for v in values if isinstance(v, list)), default=0)
    length = len(labels) if labels is not None else longest
    if length > MAX_CATEGORIES:
        raise TranslationError("data.labels", f"has {length} labels; at most {MAX_CATEGORIES}")
    try:
        spec_fields, looks, drawn = box_fields(config, version, shown, length, warnings)
    except BoxError as exc:
        raise TranslationError(exc.path, str(exc)) from None
    if not spec_fields["series"]:
        raise TranslationError("data.datasets", "no dataset holds a box to draw")
    horizontal = bool(spec_fields.get("horizontal"))
    scales = _Scales(options, version, horizontal=horizontal)
    axis_fields = scales.axis_fields("bar")
    if axis_fields.pop("y_log", False):
        warnings.append("a logarithmic value axis is drawn linear for box plots and violins")
    named = any(name for index, _, name in shown if index in drawn)
    # box plots keep a legend only for named datasets (unnamed ones would read "series 1")
    shown_legend = _legend(options, version) and (
        named or _plugin(options, "legend", version).get("display") is True
    )
    fields: dict[str, Any] = {
        "title": _title(options, version),
        "legend": shown_legend,
        "categories": labels if labels is not None else [str(i) for i in range(length)],
        **axis_fields,
        **spec_fields,
    }
    functions = function_paths(config)
    if functions:
        warnings.append(NOT_RUN_PREFIX + ", ".join(functions))
    try:
        spec = ChartSpec.model_validate(fields)
    except ValidationError as exc:
        raise _config_error(exc, drawn) from None
    return Translation(spec, tuple(warnings), ChartStyles(tuple(looks)), tuple(drawn))


_CHARTJS_BAR_PERCENTAGE = 0.9


def _styles(
    datasets: list[_Dataset],
    kind: str,
    chart_type: str,
    version: int,
    options: dict[str, Any],
    warnings: list[str],
) -> ChartStyles:
    looks: list[SeriesStyle | None] = []
    mixed = any(dataset.as_line for dataset in datasets)
    for dataset in datasets:
        path = f"data.datasets[{dataset.index}]"
        try:
            look = series_style(
                dataset.raw,
                "line" if dataset.as_line else kind,
                chart_type,
                version,
                options,
                path,
                dataset.positions,
                warnings,
            )
        except StyleError as exc:
            raise TranslationError(exc.path, str(exc)) from None
        if mixed:
            # draw order and mark matter only where bars and lines overlap
            order = dataset.raw.get("order")
            look = replace(
                look or SeriesStyle(),
                mark="line" if dataset.as_line else None,
                order=float(order) if _finite_number(order) else 0.0,
            )
        looks.append(look)
    # Chart.js's bars fill barPercentage (0.9) of their dataset's share of the category
    return ChartStyles(tuple(looks) if any(looks) else (), bar_share=_CHARTJS_BAR_PERCENTAGE)


def _finite_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _sparkline_limits(datasets: list[_Dataset]) -> dict[str, Any]:
    """QuickChart's sparkline axes (v2 spellings, so only v2 reads them): y from its first
    dataset's min to max, each moved by 5 % of itself "so that pixels aren't shaved off"
    (lib/charts.js); x from the first value to the last."""
    values = [v for v in datasets[0].y if v is not None and math.isfinite(v)] if datasets else []
    if not values:
        return {}
    fields: dict[str, Any] = {}
    low, high = min(values), max(values)
    low, high = low - low * 0.05, high + high * 0.05
    if low < high:
        fields["y_limits"] = (low, high)
    # Chart.js's hidden category axis puts the first value at the left edge, the last at the
    # right one (the engine's own autoscale would leave a margin)
    last = max(len(d.y) for d in datasets) - 1
    if last > 0:
        fields["x_limits"] = (0, last)
    return fields


def _chart_type(config: ChartConfig) -> str:
    """The type to draw (a QuickChart type as the Chart.js type it is drawn as)."""
    raw = config.get("type")
    drawn = ", ".join((*SUPPORTED_TYPES, "horizontalBar", "sparkline", _OUTLABELED))
    if not isinstance(raw, str) or not raw:
        raise TranslationError("type", f"the chart type is missing: one of {drawn}")
    kind = _TYPE_ALIASES.get(raw, raw)
    if kind in SUPPORTED_TYPES:
        return kind
    if kind == "horizontalBar":
        return "bar"  # drawn horizontal: _Scales knows it from the type
    if kind == _OUTLABELED:
        return "pie"
    if kind in NOT_DRAWN_TYPES:
        raise TranslationError(
            "type",
            f"{kind!r} is not supported yet: chartfn does not draw this Chart.js/QuickChart "
            f"type yet (it draws {drawn})",
        )
    raise TranslationError(
        "type", f"{_shorten(raw, 40)!r} is not a chart type chartfn knows (it draws {drawn})"
    )


def _configured(value: Any) -> bool:
    if value is None or value is False:
        return False
    return not (isinstance(value, dict) and value.get("display") is False)


def _undrawn_plugins(options: dict[str, Any], kind: str) -> list[str]:
    """Where a plugin chartfn does not draw yet is configured (a pie's or doughnut's
    outlabels and doughnutlabel are drawn: ``chartjs.round_look``)."""
    plugins = options.get("plugins") if isinstance(options.get("plugins"), dict) else {}
    assert isinstance(plugins, dict)
    drawn = _ROUND_PLUGINS if kind in ("pie", "doughnut") else ()
    tick_format = plugins.get("tickFormat")
    on_labels = isinstance(tick_format, dict) and tick_format.get("applyToDataLabels") is True
    if kind in _TICK_FORMAT_KINDS or on_labels:  # axes and data labels: ``chartjs.tick_format``
        drawn = (*drawn, "tickFormat")
    return [
        f"options.plugins.{name}"
        for name in _UNDRAWN_PLUGINS
        if name not in drawn and _configured(plugins.get(name))
    ]


def _data_source(options: dict[str, Any]) -> str | None:
    plugins = options.get("plugins")
    if isinstance(plugins, dict):
        for name in _DATA_SOURCE_PLUGINS:
            if isinstance(plugins.get(name), dict):
                return name
    return None


def _mapping(value: Any, path: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise TranslationError(path, "must be an object")
    return value


def _labels(value: Any) -> list[str] | None:
    if value is None:
        return None
    if not isinstance(value, list):
        raise TranslationError("data.labels", "must be an array")
    return [_label_text(item) for item in value]


def _dataset_name(dataset: dict[str, Any]) -> str:
    """The dataset's legend text. Chart.js's legend writes a missing label as the canvas
    writes ``undefined`` and ``null``: as those words."""
    if "label" not in dataset:
        return "undefined"
    label = dataset["label"]
    return "null" if label is None else _label_text(label)


def _label_text(value: Any) -> str:
    """Chart.js draws any label: arrays as lines, numbers as numbers, null as nothing."""
    if isinstance(value, list):
        return _clean("\n".join(_label_text(item) for item in value), MAX_NAME)
    if value is None or isinstance(value, JsFunction | dict):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return shortest_form(float(value)) if math.isfinite(value) else str(value)
    return _clean(str(value), MAX_NAME)


def _clean(text: str, limit: int) -> str:
    """Text the chart spec accepts: no control characters, no lone surrogates, bounded."""
    kept = "".join(
        char if char in "\n\t" or unicodedata.category(char) not in ("Cc", "Cs") else " "
        for char in text
    )
    return kept if len(kept) <= limit else kept[: limit - 1] + "…"


def _datasets(
    data: dict[str, Any],
    kind: str,
    labels: list[str] | None,
    warnings: list[str],
    data_source: str | None = None,
    lines_over_bars: bool = False,
    untyped_lines: bool = False,
) -> list[_Dataset]:
    """``untyped_lines``: datasets naming no type are lines (a line chart drawn with bars)."""
    raw = data.get("datasets")
    fetched = (
        f" (options.plugins.{data_source} fills datasets from a URL, and chartfn fetches no "
        f"URLs: give the values in data.datasets[].data)"
        if data_source
        else ""
    )
    if not isinstance(raw, list) or not raw:
        raise TranslationError("data.datasets", "needs at least one dataset" + fetched)
    if len(raw) > MAX_SERIES:
        raise TranslationError(
            "data.datasets", f"has {len(raw)} datasets; at most {MAX_SERIES} are drawn"
        )
    datasets = []
    mixed = False
    for index, item in enumerate(raw):
        path = f"data.datasets[{index}]"
        dataset = _mapping(item, path)
        if dataset.get("hidden") is True:
            continue
        own_type = dataset.get("type")
        as_line = lines_over_bars and (own_type == "line" or (untyped_lines and own_type is None))
        if isinstance(own_type, str) and own_type != kind and not as_line:
            mixed = True
        values = dataset.get("data")
        if values is None:
            continue  # Chart.js takes a dataset without data as empty
        if not isinstance(values, list):
            raise TranslationError(f"{path}.data", "must be an array of values")
        y, x, r, positions = _values(values, f"{path}.data", kind, warnings)
        if all(value is None for value in y):
            continue  # Chart.js draws nothing for it either
        datasets.append(
            _Dataset(
                index=index,
                name=_dataset_name(dataset),
                y=y,
                x=x,
                color=_dataset_color(dataset, "line" if as_line else kind, path, warnings),
                raw=dataset,
                positions=positions,
                r=r if kind == "bubble" else None,
                as_line=as_line,
            )
        )
    if mixed:
        warnings.append(f"datasets of another type are drawn as {kind}")
    if not datasets:
        raise TranslationError("data.datasets", "no dataset holds a number to draw" + fetched)
    return datasets


def _values(
    values: list[Any], path: str, kind: str, warnings: list[str] | None = None
) -> tuple[list[float | None], list[float] | None, list[float], list[int]]:
    """y values (None: a gap); for {x, y} points with numeric x, the x values; a bubble's
    radii ({x, y, r}); and where each kept value is in ``values``."""
    ys: list[float | None] = []
    xs: list[float | None] = []
    rs: list[float] = []
    for position, value in enumerate(values):
        if isinstance(value, dict):
            xs.append(_number(value.get("x"), f"{path}[{position}].x", strict=False))
            ys.append(_number(value.get("y"), f"{path}[{position}].y"))
            rs.append(_radius(value.get("r"), f"{path}[{position}].r", kind))
        else:
            xs.append(float(position))
            ys.append(_number(value, f"{path}[{position}]"))
            rs.append(_DEFAULT_BUBBLE_RADIUS)
    every = list(range(len(values)))
    has_points = any(isinstance(value, dict) for value in values)
    if not has_points or any(x is None for x in xs):
        if has_points and warnings is not None and kind in ("line", "scatter"):
            # dates and text on a time or category axis: not silently moved
            placed = "are not drawn" if kind == "scatter" else "are placed in order, evenly spaced"
            warnings.append(
                f"{path}: points whose x is not a number (dates, text) {placed} for now"
            )
        if kind in ("scatter", "bubble") and has_points:
            # points without a numeric x cannot be placed: Chart.js skips them
            kept = [i for i, x in enumerate(xs) if x is not None]
            return [ys[i] for i in kept], [xs[i] or 0.0 for i in kept], [rs[i] for i in kept], kept
        return ys, None, rs, every
    return ys, [x for x in xs if x is not None], rs, every


def _radius(value: Any, path: str, kind: str) -> float:
    """A bubble's r in CSS pixels; a negative one draws nothing (Chart.js's canvas would
    refuse it), a huge one is bounded."""
    if kind != "bubble":
        return 0.0
    radius = _number(value, path)
    if radius is None:
        return _DEFAULT_BUBBLE_RADIUS if value is None else 0.0
    return min(max(radius, 0.0), MAX_BUBBLE_RADIUS)


def _number(value: Any, path: str, *, strict: bool = True) -> float | None:
    """A data value: numbers and numeric strings are numbers, null/NaN a gap. Anything else
    is an error (``strict``) or no number (x values: the point goes on the category axis)."""
    if value is None:
        return None
    if isinstance(value, bool | JsFunction | dict | list):
        if not strict:
            return None
        raise TranslationError(
            path, f"{_describe(value)} is not a value (allowed: {_NUMBER_ALLOWED})"
        )
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        parsed = js_string_to_number(value)
        if parsed is None:
            if not strict:
                return None
            raise TranslationError(
                path, f"{_shorten(value, 40)!r} is not a number (allowed: {_NUMBER_ALLOWED})"
            )
        number = parsed
    else:
        raise TranslationError(path, f"is not a value (allowed: {_NUMBER_ALLOWED})")
    return number if math.isfinite(number) else None


# JavaScript's StringToNumber grammar (ECMA-262 7.1.4.1.1), which Chart.js's `+value` applies:
# Python's float() also takes `1_000`, `inf`, `nan` and non-ASCII digits, and not `0x1f` or ``.
_JS_WHITESPACE = (
    "\t\n\v\f\r \xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
_JS_DECIMAL = re.compile(
    r"[+-]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|Infinity)", re.ASCII
)
_JS_PREFIXED = re.compile(r"0(?:[xX][0-9a-fA-F]+|[oO][0-7]+|[bB][01]+)", re.ASCII)


def js_string_to_number(text: str) -> float | None:
    """``Number(text)`` as JavaScript computes it; None where it gives NaN."""
    stripped = text.strip(_JS_WHITESPACE)
    if not stripped:
        return 0.0
    if _JS_DECIMAL.fullmatch(stripped):
        return float(stripped.replace("Infinity", "inf"))
    if _JS_PREFIXED.fullmatch(stripped):
        return float(int(stripped, 0))
    return None


def _describe(value: Any) -> str:
    if isinstance(value, JsFunction):
        return "a function"
    return {bool: "a boolean", dict: "an object", list: "an array"}.get(type(value), "this")


def _dataset_color(
    dataset: dict[str, Any], kind: str, path: str, warnings: list[str]
) -> str | None:
    # Lines are drawn in their border colour, bars and points filled with their background.
    order = (
        ("borderColor", "backgroundColor")
        if kind in ("line", "radar")
        else ("backgroundColor", "borderColor")
    )
    for name in order:
        value, where = dataset.get(name), f"{path}.{name}"
        if isinstance(value, list):
            if not value:
                continue
            if kind in ("line", "radar") and name == "borderColor" and len(value) > 1:
                # bars, points and bubbles take one colour per value; a line has one
                warnings.append(f"{path}.{name}: one colour per value is drawn as the first")
            value, where = value[0], where + "[0]"
        if isinstance(value, dict):
            # bars, slices and line areas are painted with it (drawing.raster.paint_fill);
            # this is the colour where it cannot be (past SVG/PDF's image bound)
            painted = (name == "backgroundColor" and kind in _PAINTED_KINDS) or (
                kind in ("line", "radar") and dataset[name] is value  # the line or its area
            )
            color = _fill_color(value, where, [] if painted else warnings)
            if color is not None:
                return color
        elif isinstance(value, str):
            return _css_color(value, f"{path}.{name}")
    return None


def _fill_color(marker: dict[str, Any], path: str, warnings: list[str]) -> str | None:
    """One colour for a QuickChart helper's fill (config.py's markers), said in a warning:
    a gradient's first stop, a pattern's background (else its pattern colour)."""
    gradient = marker.get("$gradient")
    if isinstance(gradient, dict) and isinstance(gradient.get("stops"), list):
        colors = [
            _css_color(stop["color"], f"{path} (gradient stop {i})")
            for i, stop in enumerate(gradient["stops"])
            if isinstance(stop, dict) and isinstance(stop.get("color"), str)
        ]
        if colors:
            warnings.append(f"{path}: a gradient is drawn in its first colour for now")
            return colors[0]
    if isinstance(marker.get("$pattern"), dict):
        try:
            pattern = fill_pattern(marker, path)
        except PaintError as exc:
            raise TranslationError(exc.path, str(exc)) from None
        if pattern is not None:
            warnings.append(f"{path}: a pattern is drawn in its background colour here")
            return _css_color(pattern.background, path)
    return None  # any other object: Chart.js could not paint with it, its default colour shows


def _css_color(text: str, path: str) -> str:
    try:
        return hex_color(text)
    except ColorError as exc:
        raise TranslationError(path, str(exc)) from None


def _plugin(options: dict[str, Any], name: str, version: int) -> dict[str, Any]:
    """An option that moved under ``plugins`` in v3 (title, legend): the version's spelling
    first, the other one if only that is given."""
    plugins = options.get("plugins")
    under_plugins = plugins.get(name) if isinstance(plugins, dict) else None
    top_level = options.get(name)
    ordered = (under_plugins, top_level) if version >= 3 else (top_level, under_plugins)
    for candidate in ordered:
        if isinstance(candidate, dict):
            return candidate
    return {}


def _title(options: dict[str, Any], version: int) -> str:
    title = _plugin(options, "title", version)
    if title.get("display") is not True:  # Chart.js draws no title unless asked to
        return ""
    return _text(title.get("text"))


def _text(value: Any) -> str:
    if isinstance(value, list):
        return _clean("\n".join(_text(item) for item in value), MAX_TEXT)
    if value is None or isinstance(value, JsFunction | dict):
        return ""
    return _clean(value if isinstance(value, str) else _label_text(value), MAX_TEXT)


def _switched_off(options: dict[str, Any], name: str, version: int) -> bool:
    """``plugins: {legend: false}`` turns the plugin off in every version; v2 also reads
    ``legend: false``."""
    plugins = options.get("plugins")
    if isinstance(plugins, dict) and plugins.get(name) is False:
        return True
    return version < 3 and options.get(name) is False


def _legend(options: dict[str, Any], version: int) -> bool:
    """Chart.js shows a legend unless told not to: a pie's lists its labels, other charts'
    their datasets, unlabelled ones too (as "undefined", ``_dataset_name``)."""
    legend = _plugin(options, "legend", version)
    return not (legend.get("display") is False or _switched_off(options, "legend", version))


class _Scales:
    """The x and y axes' options, v2 (``scales.xAxes[0]``) or v3+ (``scales.x``)."""

    def __init__(self, options: dict[str, Any], version: int, *, horizontal: bool = False) -> None:
        scales = options.get("scales") if isinstance(options.get("scales"), dict) else {}
        assert isinstance(scales, dict)
        # Chart.js 2 has no indexAxis: a v2 config with it draws vertical bars.
        self.horizontal = horizontal or (version >= 3 and options.get("indexAxis") == "y")
        self.x = self._axis(scales, "x", version)
        self.y = self._axis(scales, "y", version)
        self.version = version

    @staticmethod
    def _axis(scales: dict[str, Any], axis: str, version: int) -> dict[str, Any]:
        v2 = scales.get(f"{axis}Axes")
        v2_axis = v2[0] if isinstance(v2, list) and v2 and isinstance(v2[0], dict) else None
        v3_axis = scales.get(axis) if isinstance(scales.get(axis), dict) else None
        ordered = (v3_axis, v2_axis) if version >= 3 else (v2_axis, v3_axis)
        for candidate in ordered:
            if candidate is not None:
                return candidate
        return {}

    @property
    def stacked(self) -> bool:
        return self.x.get("stacked") is True or self.y.get("stacked") is True

    def title_of(self, axis: Mapping[str, Any]) -> str:
        return self._title(axis)

    def _title(self, axis: Mapping[str, Any]) -> str:
        if axis.get("display") is False:
            return ""  # Chart.js draws nothing of a hidden axis, its title neither
        for key, text_key in (("title", "text"), ("scaleLabel", "labelString")):
            block = axis.get(key)
            if isinstance(block, dict) and block.get("display") is True:
                return _text(block.get(text_key))
        return ""

    def _limits(self, axis: dict[str, Any]) -> tuple[float, float] | None:
        ticks = axis.get("ticks") if isinstance(axis.get("ticks"), dict) else {}
        assert isinstance(ticks, dict)
        low = axis.get("min", ticks.get("min"))
        high = axis.get("max", ticks.get("max"))
        numbers = [v for v in (low, high) if isinstance(v, int | float) and not isinstance(v, bool)]
        return (float(numbers[0]), float(numbers[1])) if len(numbers) == 2 else None

    def axis_fields(self, kind: str) -> dict[str, Any]:
        fields: dict[str, Any] = {"x_label": self._title(self.x), "y_label": self._title(self.y)}
        # Horizontal bars: the spec's y_log and y_limits name the value axis, Chart.js's x.
        value_axis = self.x if self.horizontal and kind == "bar" else self.y
        if value_axis.get("type") == "logarithmic":
            fields["y_log"] = True
        if kind == "scatter" and self.x.get("type") == "logarithmic":
            fields["x_log"] = True
        y_limits = self._limits(value_axis)
        if y_limits is not None:
            fields["y_limits"] = y_limits
        x_limits = self._limits(self.x)
        if x_limits is not None and kind != "bar":
            fields["x_limits"] = x_limits
        return fields


def _fit(values: list[float | None], length: int) -> list[float]:
    """Values for ``length`` categories: Chart.js draws one per label, nothing for null."""
    fitted = [0.0 if value is None else value for value in values[:length]]
    return fitted + [0.0] * (length - len(fitted))


def _bar(datasets: list[_Dataset], labels: list[str] | None, scales: _Scales) -> dict[str, Any]:
    length = len(labels) if labels is not None else max(len(d.y) for d in datasets)
    categories = labels if labels is not None else [str(i) for i in range(length)]
    for dataset in datasets:
        dataset.positions = list(range(length))
    return {
        "kind": "bar",
        "categories": categories,
        "stacked": scales.stacked,
        "series": [_series(d, _fit(d.y, length)) for d in datasets],
    }


def _time_bars(
    datasets: list[_Dataset],
    time_labels: list[float | None] | None,
    scales: _Scales,
    warnings: list[str],
) -> dict[str, Any]:
    """Bars at their times (``chartjs.time_bars``): values at their label's time or their
    point's x; null values draw nothing."""
    if time_labels is not None:
        _place_on_labels(datasets, time_labels)
    series = []
    for dataset in datasets:
        if dataset.x is None:
            raise TranslationError(
                f"data.datasets[{dataset.index}].data",
                "a bar on a time axis needs a time: give data.labels times or {x, y} points",
            )
        kept = [i for i, y in enumerate(dataset.y) if y is not None]
        dataset.positions = [dataset.positions[i] for i in kept]
        entry = _series(dataset, [dataset.y[i] for i in kept])
        entry["x"] = [dataset.x[i] for i in kept]
        series.append(entry)
    stacked = scales.stacked
    if stacked and any(entry["x"] != series[0]["x"] for entry in series):
        warnings.append("stacked bars on a time axis are drawn side by side unless every "
                        "dataset has the same times")  # fmt: skip
        stacked = False
    return {"kind": "bar", "stacked": stacked, "series": series}


def _round(
    kind: str,
    datasets: list[_Dataset],
    raw: list[dict[str, Any]],
    labels: list[str] | None,
    warnings: list[str],
    version: int,
) -> dict[str, Any]:
    """Pie, doughnut and polar area: the first dataset's slices; radar: every dataset, one
    value per label (null: the point left out, as Chart.js does)."""
    if kind == "radar":
        length = len(labels) if labels is not None else max((len(d.y) for d in datasets), default=1)
        return {
            "categories": labels if labels is not None else [str(i) for i in range(length)],
            "series": [_series(d, (d.y + [None] * length)[:length]) for d in datasets]
            or [{"y": [0.0] * length}],
        }
    fields = _pie(datasets, labels, kind, warnings)
    colors = _slice_colors(raw[0], f"data.datasets[{datasets[0].index}]", warnings)
    if colors:
        fields["slice_colors"] = colors
    elif version == 2:  # QuickChart's colorschemes gives v2 slices Tableau 10 by value
        fields["slice_colors"] = [color.lower() for color in TABLEAU10]
    return fields


def _progress(
    datasets: list[_Dataset], data: dict[str, Any], options: dict[str, Any]
) -> dict[str, Any]:
    """QuickChart's progressBar: the first dataset's values over the second's totals (else
    100 each), one bar per value (``lib/charts.js``: 1 or 2 datasets of the same length)."""
    if len(datasets) > 2:
        raise TranslationError(
            "data.datasets",
            f"a progressBar takes 1 or 2 datasets (values, totals), got {len(datasets)}",
        )
    length = len(datasets[0].y)
    if len(datasets) == 2 and len(datasets[1].y) != length:
        raise TranslationError(
            f"data.datasets[{datasets[1].index}].data",
            f"has {len(datasets[1].y)} totals for {length} values: a progressBar's datasets "
            "must be as long",
        )
    series = [_series(datasets[0], _fit(datasets[0].y, length))]
    if len(datasets) == 2:
        totals: dict[str, Any] = {"y": _fit(datasets[1].y, length)}
        raw = data["datasets"][datasets[1].index]
        track = raw.get("backgroundColor") if isinstance(raw, dict) else None
        path = f"data.datasets[{datasets[1].index}].backgroundColor"
        if isinstance(track, str):
            totals["color"] = _css_color(track, path)
        elif isinstance(track, dict):  # painted (dataset_style); this colour where it cannot be
            color = _fill_color(track, path, [])
            if color is not None:
                totals["color"] = color
        series.append(totals)
    fields: dict[str, Any] = {"kind": "progress", "series": series}
    plugins = options.get("plugins")
    labels = plugins.get("datalabels") if isinstance(plugins, dict) else None
    if labels is False or (isinstance(labels, dict) and labels.get("display") is False):
        fields["value_labels"] = False
    return fields


def _gauge(
    datasets: list[_Dataset], options: dict[str, Any], warnings: list[str]
) -> dict[str, Any]:
    """QuickChart's radialGauge (chartjs-chart-radial-gauge): the first dataset's first value
    over ``options.domain`` (default [0, 100]); ``cutoutPercentage`` (90), ``rotation``
    (radians, −π/2: 12 o'clock), ``showValue`` and ``centerValue.displayText``."""
    first = datasets[0]
    fields: dict[str, Any] = {"kind": "gauge", "series": [_series(first, [first.y[0] or 0.0])]}
    if first.color is None:  # the plugin's arc takes Chart.js's default arc colour
        fields["series"][0]["color"] = "#0000001a"
    domain = options.get("domain")
    if domain is not None:
        low = (
            _number(domain[0], "options.domain[0]") if isinstance(domain, list) and domain else None
        )
        high = (
            _number(domain[1], "options.domain[1]")
            if isinstance(domain, list) and len(domain) > 1
            else None
        )
        if low is None or high is None or not low < high:
            raise TranslationError("options.domain", "must be [low, high] with low < high")
        fields["y_limits"] = (low, high)
    cutout = options.get("cutoutPercentage")
    if isinstance(cutout, int | float) and not isinstance(cutout, bool):
        fields["cutout"] = min(max(float(cutout) / 100, 0.0), 0.95)
    rotation = options.get("rotation")
    if isinstance(rotation, int | float) and not isinstance(rotation, bool):
        degrees = math.fmod(math.degrees(rotation) + 90.0, 360.0) + 0.0
        if degrees:
            fields["rotation"] = degrees
    center = options.get("centerValue")
    if options.get("showValue") is False or (
        isinstance(center, dict) and center.get("displayText") is False
    ):
        fields["value_labels"] = False
    for name in ("trackColor", "roundedCorners", "centerArea"):
        if name in options and options[name] is not None:
            warnings.append(f"options.{name} of a radialGauge is not drawn yet")
    return fields


def _needle_gauge(
    datasets: list[_Dataset],
    data: dict[str, Any],
    options: dict[str, Any],
    version: int,
    warnings: list[str],
) -> tuple[dict[str, Any], NeedleGaugeLook]:
    """QuickChart's gauge (chartjs-gauge, for Chart.js 2 only): the first dataset's band ends,
    value and colours (``chartjs.needle_gauge``)."""
    if version != 2:
        raise TranslationError(
            "type", "'gauge' is the chartjs-gauge plugin's type, for Chart.js 2 only (version 2)"
        )
    first = datasets[0]
    if len(datasets) > 1:
        warnings.append("only the first dataset of a gauge is drawn")
    raw = data.get("datasets")
    dataset = raw[first.index] if isinstance(raw, list) else {}
    try:
        fields, look = gauge_fields(dataset, first.index, options, _css_color)
    except GaugeError as exc:
        raise TranslationError(exc.path, str(exc).removeprefix(exc.path + ": ")) from None
    fields["series"] = [_series(first, first.y[:MAX_CATEGORIES])]
    fields["series"][0].pop("color", None)
    if dataset.get("backgroundColor") is not None:
        colors = _slice_colors(dataset, f"data.datasets[{first.index}]", warnings)
        if colors:
            fields["slice_colors"] = colors
    ends = [v for v in first.y if v is not None]
    plugins = options.get("plugins")
    labels = plugins.get("datalabels") if isinstance(plugins, dict) else None
    if ends != sorted(ends) and _configured(labels):
        # the plugin sorts the dataset's data in place; the labels' texts are read unsorted
        warnings.append(
            f"data.datasets[{first.index}].data: the bands are drawn sorted, as the plugin sorts "
            "them, but their data labels follow the config's order: give the ends sorted"
        )
    if options.get("legend") is not None and _configured(options.get("legend")):
        warnings.append("options.legend of a gauge is not drawn (the plugin's bands have none)")
    return fields, look


def _on_the_spokes(datasets: list[_Dataset], labels: list[str] | None) -> list[_Dataset]:
    """The radar datasets with a value on one of the spokes (one per label)."""
    if labels is None:
        return datasets
    return [d for d in datasets if any(v is not None for v in d.y[: len(labels)])]


def _slice_colors(dataset: dict[str, Any], path: str, warnings: list[str]) -> list[str]:
    """A slice chart's ``backgroundColor``: one colour, or one per slice (taken in turn)."""
    value = dataset.get("backgroundColor")
    items = value[:MAX_CATEGORIES] if isinstance(value, list) else [value]
    colors = []
    for index, item in enumerate(items):
        where = f"{path}.backgroundColor" + (f"[{index}]" if isinstance(value, list) else "")
        if isinstance(item, str):
            colors.append(_css_color(item, where))
        elif isinstance(item, dict):  # painted (dataset_style's point_paints): its colour
            color = _fill_color(item, where, [])
            if color is not None:
                colors.append(color)
    return colors


def _rings(datasets: list[_Dataset], kind: str, warnings: list[str]) -> list[_Dataset]:
    """A pie's or doughnut's datasets drawn as nested rings, the first outermost: those with
    a value above 0 (Chart.js leaves an empty ring's band empty; it is left out here)."""
    kept = [datasets[0]] + [d for d in datasets[1:] if any(v is not None and v > 0 for v in d.y)]
    kept_indexes = {d.index for d in kept}
    for dataset in datasets[1:]:
        if dataset.index not in kept_indexes:
            warnings.append(
                f"data.datasets[{dataset.index}]: a ring with no value above 0 is left out "
                "(Chart.js leaves its band empty)"
            )
    return kept


def _pie(
    datasets: list[_Dataset], labels: list[str] | None, kind: str, warnings: list[str]
) -> dict[str, Any]:
    """The slices of the first dataset (a polar area's), or a ring per dataset (a pie's or
    doughnut's), one value per label."""
    first = datasets[0]
    if kind == "polarArea" and len(datasets) > 1:
        warnings.append(f"only the first dataset of a {kind} is drawn")
        datasets = datasets[:1]
    length = len(labels) if labels is not None else len(first.y)
    categories = labels if labels is not None else [str(i) for i in range(length)]
    return {
        "kind": "pie",
        "categories": categories,
        "series": [{"name": d.name, "y": _fit(d.y, length)} for d in datasets],
    }


def _dated(
    data: dict[str, Any], parser: str | None
) -> tuple[dict[str, Any], list[float | None] | None]:
    """``data`` with its points' x as epoch milliseconds (a time x axis), and its labels' times."""
    try:
        raw_labels = data.get("labels")
        times = (
            [parse_time(label, f"data.labels[{i}]", parser) for i, label in enumerate(raw_labels)]
            if isinstance(raw_labels, list)
            else None
        )
        datasets = data.get("datasets")
        if not isinstance(datasets, list):
            return data, times
        dated = []
        for index, dataset in enumerate(datasets):
            values = dataset.get("data") if isinstance(dataset, dict) else None
            if isinstance(values, list):
                values = [
                    {
                        **value,
                        "x": parse_time(
                            value.get("x"), f"data.datasets[{index}].data[{i}].x", parser
                        ),
                    }
                    if isinstance(value, dict) and "x" in value
                    else value
                    for i, value in enumerate(values)
                ]
                dataset = {**dataset, "data": values}
            dated.append(dataset)
    except TimeError as exc:
        raise TranslationError(exc.path, str(exc)) from None
    return {**data, "datasets": dated}, times


def _xy(
    kind: str,
    datasets: list[_Dataset],
    labels: list[str] | None,
    warnings: list[str],
    time_labels: list[float | None] | None = None,
    *,
    labels_drawn: bool = False,
) -> dict[str, Any]:
    if time_labels is not None:
        _place_on_labels(datasets, time_labels)
    if kind == "line" and labels and not labels_drawn and any(d.x is None for d in datasets):
        warnings.append("data.labels are not drawn on a line chart's x axis yet (x is the index)")
    series = []
    for dataset in datasets:
        if kind in ("scatter", "bubble"):
            radii = dataset.r if dataset.r is not None else [0.0] * len(dataset.y)
            kept = [i for i, y in enumerate(dataset.y) if y is not None]
            xs = list(_x_of(dataset))
            entry = _series(dataset, [dataset.y[i] for i in kept])
            entry["x"] = [xs[i] for i in kept]
            if kind == "bubble":
                entry["r"] = [radii[i] for i in kept]
            dataset.positions = [dataset.positions[i] for i in kept]
            series.append(entry)
        else:
            entry = _series(dataset, dataset.y)
            if dataset.x is not None:
                entry["x"] = dataset.x
            series.append(entry)
    return {"kind": kind, "series": series}


def _place_on_labels(datasets: list[_Dataset], times: list[float | None]) -> None:
    """Values without their own x at their label's time (a time axis); values past the labels,
    or at a label that is null, are not drawn, as Chart.js has no time for them."""
    for dataset in datasets:
        if dataset.x is not None:
            continue
        kept = [i for i in range(min(len(dataset.y), len(times))) if times[i] is not None]
        if not any(dataset.y[i] is not None for i in kept):
            raise TranslationError(
                f"data.datasets[{dataset.index}].data",
                "no value has a time on the time axis: give data.labels times or {x, y} points",
            )
        dataset.x = [times[i] or 0.0 for i in kept]
        dataset.y = [dataset.y[i] for i in kept]
        dataset.positions = [dataset.positions[i] for i in kept]
        if dataset.r is not None:
            dataset.r = [dataset.r[i] for i in kept]


def _second_axis(
    config: ChartConfig,
    version: int,
    kind: str,
    datasets: list[_Dataset],
    scales: _Scales,
    warnings: list[str],
) -> dict[str, Any]:
    """The datasets drawn against a y axis on the right (``chartjs.second_axis``)."""
    on_right = right_axis_datasets(config, version, [d.index for d in datasets])
    if not on_right:
        return {}
    axis = right_axis(config, version)
    assert axis is not None
    where = option_path(axis.path)
    if kind not in ("line", "scatter", "bar"):
        warnings.append(f"{where}: a second y axis is drawn for line, scatter and bar charts only")
        return {}
    if scales.horizontal:
        warnings.append(f"{where}: a second y axis is drawn on vertical charts only")
        return {}
    if len(on_right) == len(datasets):
        warnings.append(f"{where}: every dataset is on this axis: drawn on the left")
        return {}
    if axis.kind not in ("linear", "logarithmic"):
        warnings.append(f"{where}: a second y axis is drawn linear or logarithmic only")
        return {}
    fields: dict[str, Any] = {"y2_series": on_right, "y2_label": scales.title_of(axis.options)}
    if axis.kind == "logarithmic":
        fields["y2_log"] = True
    return fields


def _stack(datasets: list[_Dataset], data: dict[str, Any], version: int) -> None:
    """Lines on a stacked y axis drawn at their stacked heights (``chartjs.stacking``); points
    with their own x are not stacked by index, so a chart with any keeps its values."""
    if any(d.x is not None for d in datasets):
        return
    raw = data["datasets"]
    groups = [_stack_key(raw[d.index].get("stack")) if version >= 3 else None for d in datasets]
    for dataset, values in zip(datasets, stack_lines([d.y for d in datasets], groups), strict=True):
        dataset.y = values


def _stack_bar_lines(
    config: ChartConfig, version: int, datasets: list[_Dataset], scales: _Scales
) -> None:
    """A stacked bar chart's line datasets: Chart.js stacks datasets by type (its stack key
    holds the dataset's type unless it names a ``stack``), so a line stacks on the lines of its
    own value axis, where that axis is stacked, never on the bars."""
    right = set(right_axis_datasets(config, version, [d.index for d in datasets]))
    axis = right_axis(config, version) if right else None
    for on_right in (False, True):
        options = axis.options if on_right and axis is not None else scales.y
        if options.get("stacked") is not True:
            continue
        lines = [d for i, d in enumerate(datasets) if d.as_line and (i in right) is on_right]
        groups = [_stack_key(d.raw.get("stack")) if version >= 3 else None for d in lines]
        for dataset, values in zip(lines, stack_lines([d.y for d in lines], groups), strict=True):
            dataset.y = values


def _stack_key(value: Any) -> str | None:
    return None if value is None else _label_text(value)


def _x_of(dataset: _Dataset) -> Iterable[float]:
    return dataset.x if dataset.x is not None else (float(i) for i in range(len(dataset.y)))


def _series(dataset: _Dataset, values: list[float] | list[float | None]) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": dataset.name, "y": values}
    if dataset.color is not None:
        entry["color"] = dataset.color
    return entry


def _config_error(exc: ValidationError, dataset_indexes: list[int]) -> TranslationError:
    """The chart spec's first complaint, located in the Chart.js config instead."""
    error = exc.errors(include_url=False)[0]
    location = list(error["loc"])
    path = "options"
    if location[:1] == ["series"] and len(location) >= 2 and isinstance(location[1], int):
        path = f"data.datasets[{dataset_indexes[location[1]]}]"
        rest = location[2:]
        if rest[:1] == ["y"]:
            path += ".data" + "".join(f"[{part}]" for part in rest[1:2])
        elif rest[:1] == ["x"]:
            path += ".data (x values)"
        elif rest:
            path += f".{rest[0]}"
    elif location[:1] == ["series"]:
        path = "data.datasets"
    elif location[:1] == ["categories"]:
        path = "data.labels"
    elif location:
        path = {"y_limits": "options.scales.y", "x_limits": "options.scales.x"}.get(
            str(location[0]), "options"
        )
    return TranslationError(path, str(error["msg"]).removeprefix("Value error, "))


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
