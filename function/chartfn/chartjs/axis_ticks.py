"""A Chart.js config's own ticks for the engine's axes: Chart.js's tick values, axis ends and
labels (``chartjs.ticks``, ``tick_labels``) for the axis length the engine's layout gives,
with the config's ``ticks.callback`` run on them (``chartjs.callbacks``), and its category
labels through a callback on the category axis.

Only axes that the translation draws as Chart.js has them get a provider: the value axis of a
bar (vertical or horizontal), line, scatter or bubble chart, a scatter or bubble chart's x
axis, a time x axis and a line chart's category x axis (``chartjs.category_axis``: its labels
at their indexes). Those callbacks are the ones run (``run_callback_paths``); any other
function of the config is still named as not run. The config's sandbox must stay open while
the chart is drawn (the provider calls it).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from chartfn.chartjs.axis_look import look_of
from chartfn.chartjs.callbacks import (
    Label,
    option_path,
    tick_callback_labels,
    tick_callback_of,
    visible_ticks,
)
from chartfn.chartjs.category_axis import category_x_provider
from chartfn.chartjs.category_bar_axis import category_bar_provider
from chartfn.chartjs.config import EvaluatedConfig
from chartfn.chartjs.log_axis_labels import log_axis_ticks_v4
from chartfn.chartjs.mixed_types import bars_on_category_lines
from chartfn.chartjs.radial_look import radial_look
from chartfn.chartjs.radial_ticks import callback_path as radial_callback_path
from chartfn.chartjs.radial_ticks import radial_provider
from chartfn.chartjs.scales import (
    BOX_TYPES,
    HORIZONTAL_TYPES,
    ScaleRef,
    find_scale,
    value_range,
)
from chartfn.chartjs.second_axis import right_axis
from chartfn.chartjs.tick_format import TickFormat, tick_format_of
from chartfn.chartjs.tick_labels import default_labels, js_text
from chartfn.chartjs.ticks import numeric_options, scale_ticks, tick_axis
from chartfn.chartjs.time_axis import TimeError
from chartfn.chartjs.time_scale import label_times, time_scale_provider
from chartfn.chartjs.time_series_axis import is_series_axis, series_axis
from chartfn.chartjs.translate import TranslationError, js_string_to_number
from chartfn.chartjs.unlabelled_axis import unlabelled_x_provider
from chartfn.models.axis_ticks import AxisTicks, TickProvider, TickProviders
from chartfn.models.box_stats import box_summaries, value_limits
from chartfn.models.chart_spec import BOX_KINDS, MAX_NAME, ChartSpec

__all__ = ["ConfigTicks", "config_ticks"]

_NUMERIC = ("linear", "logarithmic")
_TIME = ("time", "timeseries")


@dataclass(frozen=True)
class ConfigTicks:
    """The providers for the engine, the spec with its categories relabelled by a category
    axis' callback, and the config paths of the callbacks these run."""

    providers: TickProviders
    spec: ChartSpec
    run_callback_paths: tuple[str, ...]


def _path(scale: ScaleRef) -> str:
    return option_path((*scale.path, "ticks", "callback"))


def _one_line(label: Label) -> str | None:
    """A label as the engine draws it: one line (a list's lines side by side), bounded."""
    if label is None:
        return None
    text = " ".join(label) if isinstance(label, list) else label
    text = text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    return text if len(text) <= MAX_NAME else text[: MAX_NAME - 1] + "…"


def _draws_chartjs_axes(config: Mapping[str, Any], spec: ChartSpec) -> bool:
    """Bar (vertical or horizontal), line, scatter and bubble charts: their axes are Chart.js's
    x and y. Stand-ins (sparkline) keep the engine's ticks."""
    return config.get("type") in (
        "bar",
        "horizontalBar",
        "line",
        "scatter",
        "bubble",
        *BOX_TYPES,
        *HORIZONTAL_TYPES,
    ) and spec.kind in (
        "bar",
        "line",
        "scatter",
        "bubble",
        *BOX_KINDS,
    )


def config_ticks(
    evaluated: EvaluatedConfig,
    spec: ChartSpec,
    version: int,
    device_pixel_ratio: float,
    lines: frozenset[int] = frozenset(),
    canvas_width: float | None = None,
) -> ConfigTicks:
    """``lines``: the series of a bar chart drawn as lines (stacked apart from the bars);
    ``canvas_width``: the chart's width in CSS px (Chart.js turns category labels by it)."""
    config = evaluated.config
    if isinstance(config, dict) and spec.kind in ("polar_area", "radar"):
        provider = radial_provider(evaluated, spec, version, device_pixel_ratio)
        run = radial_callback_path(evaluated, version)
        look = radial_look(config, version)
        return ConfigTicks(TickProviders(r=provider, r_look=look), spec, (run,) if run else ())
    if not isinstance(config, dict) or not _draws_chartjs_axes(config, spec):
        return ConfigTicks(TickProviders(), spec, ())
    run: list[str] = []
    number_format = tick_format_of(config)
    # Horizontal bars: the value axis is Chart.js's x, drawn along x; categories go down y.
    value_letter, category_letter = ("x", "y") if spec.horizontal else ("y", "x")
    value_provider = None
    value_scale = find_scale(config, value_letter, version)
    if (
        value_scale is not None
        and value_scale.kind in _NUMERIC
        and ((value_scale.kind == "logarithmic") == spec.y_log)
    ):
        right = set(spec.y2_series or ())
        if spec.kind in BOX_KINDS:
            # the plugins' scales span the boxes' min to max
            low, high = value_limits(box_summaries(spec))
            values = [v for v in (low, high) if v is not None]
        else:
            left = [i for i in range(len(spec.series)) if i not in right]
            values = _value_extremes(spec, left, lines, version)
        if spec.kind == "line" and version == 2 and value_scale.options.get("stacked") is True:
            # the lines' heights are already summed; Chart.js 2's stacked range holds 0 too
            values.append(0.0)
        value_provider = _provider(
            evaluated,
            value_scale,
            version,
            values,
            bool(spec.horizontal),
            device_pixel_ratio,
            number_format,
        )
        if tick_callback_of(value_scale.options, version) is not None:
            run.append(_path(value_scale))
    x_provider = None
    x_scale = find_scale(config, "x", version)
    if (
        x_scale is not None
        and spec.kind in ("scatter", "bubble")
        and x_scale.kind in _NUMERIC
        and ((x_scale.kind == "logarithmic") == spec.x_log)
    ):
        xs = [x for s in spec.series for x in (s.x or ())] + _xs_of_gaps(config)
        values = [min(xs), max(xs)] if xs else []
        x_provider = _provider(
            evaluated, x_scale, version, values, True, device_pixel_ratio, number_format
        )
        if tick_callback_of(x_scale.options, version) is not None:
            run.append(_path(x_scale))
    if x_scale is not None and x_scale.kind in _TIME and spec.series[0].x is not None:
        times = [x for s in spec.series for x in (s.x or ())]
        labelled = label_times(x_scale.options, _data_labels(config))
        try:
            if is_series_axis(x_scale.options, version):
                table, x_provider = series_axis(
                    x_scale.options, version, times, labelled, device_pixel_ratio,
                    bar_axis=spec.kind == "bar",
                )  # fmt: skip
                spec = _placed_by(spec, table.position)
            else:
                x_provider = time_scale_provider(
                    x_scale.options,
                    version,
                    times,
                    device_pixel_ratio,
                    bar_axis=spec.kind == "bar",
                    label_times=labelled,
                )
        except TimeError as exc:
            inner = exc.path.removeprefix("time.")
            # v3+ moved min and max out of `time`; the rest stayed there
            under_time = version < 3 or inner not in ("min", "max")
            where = option_path((*x_scale.path, *(("time",) if under_time else ())))
            raise TranslationError(f"{where}.{inner}", str(exc)) from None
    labels = _data_labels(config)
    # a line chart's category axis: its own, or under bars in Chart.js 2 (``mixed_types``)
    line_categories = spec.kind == "line" or bars_on_category_lines(config, version)
    if (
        x_scale is not None
        and line_categories
        and x_scale.kind == "category"
        and labels
        and all(s.x is None for s in spec.series)
    ):
        length = max(len(s.y) for s in spec.series)
        x_provider = category_x_provider(
            evaluated, x_scale, version, labels, length, device_pixel_ratio, canvas_width
        )
        if tick_callback_of(x_scale.options, version) is not None:
            run.append(_path(x_scale))
    if x_provider is None:
        x_provider = unlabelled_x_provider(config, spec, version, x_scale)
    category_scale = find_scale(config, category_letter, version)
    if (
        category_scale is not None
        and spec.kind == "bar"
        and category_scale.kind == "category"
        and spec.categories is not None
        and tick_callback_of(category_scale.options, version) is not None
    ):
        spec = _relabelled(evaluated, spec, category_scale, version)
        run.append(_path(category_scale))
    bar_labels = None
    if (
        category_scale is not None
        and spec.kind == "bar"
        and not spec.horizontal
        and not line_categories
        and category_scale.kind == "category"
        and spec.categories
    ):
        bar_labels = category_bar_provider(
            category_scale, version, spec.categories, device_pixel_ratio, canvas_width
        )
    value_look = None if value_scale is None else look_of(value_scale.options, version)
    category_look = None if category_scale is None else look_of(category_scale.options, version)
    if spec.horizontal:
        providers = TickProviders(x=value_provider, x_look=value_look, y_look=category_look)
        return ConfigTicks(providers, spec, tuple(run))
    y2_provider = None
    y2_scale = right_axis(config, version) if spec.y2_series else None
    if (
        y2_scale is not None
        and spec.y2_series is not None
        and y2_scale.kind in _NUMERIC
        and ((y2_scale.kind == "logarithmic") == bool(spec.y2_log))
    ):
        values = _value_extremes(spec, list(spec.y2_series), lines, version)
        y2_provider = _provider(
            evaluated, y2_scale, version, values, False, device_pixel_ratio, number_format
        )
        if tick_callback_of(y2_scale.options, version) is not None:
            run.append(_path(y2_scale))
    providers = TickProviders(
        x=x_provider,
        y=value_provider,
        y2=y2_provider,
        x_categories=bar_labels,
        x_look=None if x_scale is None else look_of(x_scale.options, version),
        y_look=value_look,
        y2_look=None if y2_scale is None else look_of(y2_scale.options, version),
    )
    return ConfigTicks(providers, spec, tuple(run))


def _xs_of_gaps(config: Mapping[str, Any]) -> list[float]:
    """The x of every {x, y} point whose y is null: not drawn, but Chart.js 2.9.4 and 4 still
    take its x into the x axis' range (their data limits skip a point only for its own axis'
    value), so ``{x: 4, y: null}`` stretches the axis to 4."""
    data = config.get("data")
    datasets = data.get("datasets") if isinstance(data, Mapping) else None
    found: list[float] = []
    for dataset in datasets if isinstance(datasets, list) else []:
        if not isinstance(dataset, Mapping) or dataset.get("hidden") is True:
            continue
        points = dataset.get("data")
        for point in points if isinstance(points, list) else []:
            if not isinstance(point, Mapping) or point.get("y") is not None:
                continue
            x = point.get("x")
            if isinstance(x, str):
                x = js_string_to_number(x)
            if isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x):
                found.append(float(x))
    return found


def _value_extremes(
    spec: ChartSpec, indexes: Sequence[int], lines: frozenset[int], version: int
) -> list[float]:
    """The least and greatest values one value axis shows for the series at ``indexes``: a
    stacked bar chart's bars summed, its lines (already stacked among themselves) as they are,
    with 0 for Chart.js 2, whose stacked range always holds it."""
    stacked = spec.kind == "bar" and spec.stacked
    bars = [list(spec.series[i].y or ()) for i in indexes if i not in lines]
    drawn_lines = [list(spec.series[i].y or ()) for i in indexes if i in lines]
    found: list[float] = []
    for group, summed in ((bars, stacked), (drawn_lines, False)):
        if group:
            low, high = value_range(group, summed, version)
            found += [v for v in (low, high) if v is not None]
    if stacked and drawn_lines and version == 2:
        found.append(0.0)
    return [min(found), max(found)] if found else []


def _placed_by(spec: ChartSpec, position: Callable[[float], float]) -> ChartSpec:
    """The spec with its series' times as positions on an evenly spaced time axis."""
    series = [
        s if s.x is None else s.model_copy(update={"x": [position(x) for x in s.x]})
        for s in spec.series
    ]
    return spec.model_copy(update={"series": series})


def _data_labels(config: Mapping[str, Any]) -> list[Any]:
    data = config.get("data")
    labels = data.get("labels") if isinstance(data, Mapping) else None
    return list(labels) if isinstance(labels, list) else []


def _provider(
    evaluated: EvaluatedConfig,
    scale: ScaleRef,
    version: int,
    values: Sequence[float],
    horizontal: bool,
    device_pixel_ratio: float,
    number_format: TickFormat | None = None,
) -> TickProvider:
    """``number_format``: QuickChart's tickFormat, for an axis without a callback."""
    callback = tick_callback_of(scale.options, version)
    reverse = numeric_options(scale.options, version).reverse
    tick_options = scale.options.get("ticks")
    auto_skip = not (isinstance(tick_options, Mapping) and tick_options.get("autoSkip") is False)

    def ticks_for_length(length_px: float) -> AxisTicks:
        # Chart.js lays out in CSS pixels; the engine's lengths are device pixels.
        axis = tick_axis(scale.options, version, length_px / device_pixel_ratio, horizontal)
        ticks = scale_ticks(scale.kind, version, scale.options, values, axis)
        labels: Sequence[Label] = (
            (
                default_labels(scale.kind, version, ticks)
                if number_format is None
                else number_format.labels(ticks.values)
            )
            if callback is None
            else tick_callback_labels(
                evaluated,
                callback,
                ticks,
                version=version,
                kind=scale.kind,
                scale_id=scale.scale_id,
                scale_path=scale.path,
            )
        )
        # Chart.js 4 drops a tick whose label is null or undefined; 2.9 keeps it in the
        # scale but draws neither its label nor its grid line (core.scale.js, #4635): the
        # same drawing.
        pairs = visible_ticks(ticks, [_as_label(label) for label in labels], version)
        turned, skipped = 0.0, False
        if version >= 3 and horizontal and scale.kind == "logarithmic":
            # Chart.js 4 turns these labels and thins the ticks from the powers of ten
            # (unless its ticks.autoSkip is false)
            found = log_axis_ticks_v4(
                [float(value) for value, _ in pairs],
                [_one_line(label) for _, label in pairs],
                tick_options if isinstance(tick_options, Mapping) else {},
                length_px / device_pixel_ratio,
                axis.font_size,
                axis.line_height_px,
            )
            pairs = [pairs[i] for i in found.kept]
            turned, skipped = found.rotation, True
        shown = [(value, label) for value, label in pairs if label is not None]
        low, high = float(ticks.min), float(ticks.max)
        return AxisTicks(
            values=[float(value) for value, _ in shown],
            # an empty label on a thinned log axis: the tick's grid line, no text
            labels=[_one_line(label) or (None if skipped else "") for _, label in shown],
            low=high if reverse else low,
            high=low if reverse else high,
            auto_skip=auto_skip and not skipped,
            upright=turned > 0,
            angle=turned,
            turned_drop=0.5,  # Chart.js 4 puts a turned line's middle half a line lower
        )

    return ticks_for_length


def _as_label(value: Any) -> Label:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, list):
        return [item if isinstance(item, str) else js_text(item) for item in value]
    return js_text(value)


def _relabelled(
    evaluated: EvaluatedConfig, spec: ChartSpec, scale: ScaleRef, version: int
) -> ChartSpec:
    """The categories a callback on the category axis gives (Chart.js 2 passes each label,
    4 each index; a null label leaves the category unlabelled)."""
    callback = tick_callback_of(scale.options, version)
    assert callback is not None
    assert spec.categories is not None
    config = evaluated.config
    data = config.get("data") if isinstance(config.get("data"), dict) else {}
    raw = data.get("labels") if isinstance(data, dict) else None
    labels = list(raw) if isinstance(raw, list) else list(spec.categories)
    count = len(spec.categories)
    indexes = list(range(count))
    ticks = scale_ticks(
        "category",
        version,
        scale.options,
        indexes,
        tick_axis(scale.options, version, 1, True),
        labels=labels,
    )
    texts = tick_callback_labels(
        evaluated,
        callback,
        ticks,
        version=version,
        kind="category",
        scale_id=scale.scale_id,
        scale_path=scale.path,
    )
    first = int(ticks.min)
    categories = list(spec.categories)
    for offset, text in enumerate(texts):
        index = first + offset
        if 0 <= index < count:
            categories[index] = _one_line(text) or ""
    return spec.model_copy(update={"categories": categories})
