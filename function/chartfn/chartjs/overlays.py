"""A Chart.js config's data labels and annotations as ``models.overlays`` (and, through
``chartjs.look``, its title, legend and padding).

- chartjs-plugin-datalabels, ``options.plugins.datalabels`` merged under each dataset's
  ``datalabels`` (both versions): ``display`` (true, false, 'auto'), ``color``, ``anchor``,
  ``align`` (a name or degrees), ``offset``, ``padding``, ``font`` {size, weight},
  ``backgroundColor``, ``borderColor``/``borderWidth``, ``borderRadius``, ``formatter`` (run in
  the config's sandbox, ``callbacks.datalabel_texts``); ``display``, ``color`` and
  ``backgroundColor`` also per value, as arrays or functions of the plugin's context (run
  the same way, one batch per option); several labels per value through ``labels``, each
  named label's options over the dataset's (``chartjs.datalabel_labels``). QuickChart's v2
  default, applied when the config gives no ``options.plugins.datalabels``: shown for pie and
  doughnut only (typpo/quickchart ``lib/charts.js``). v3/v4 requests draw what the config
  asks for (the open-source QuickChart has no data labels there, its issue #171) and none by
  default.
- chartjs-plugin-annotation: v2 ``options.annotation.annotations`` (0.5: ``line`` with
  ``mode``/``scaleID``/``value``/``endValue``, ``box`` with ``xMin``…``yMax``); v3/v4
  ``options.plugins.annotation.annotations`` (an array or an object of named ones: ``line``
  with ``scaleID``/``value`` or ``xMin``…``yMax``, ``box``), ``label`` shown by
  ``enabled`` (v2, v3's 1.x) or ``display``, at its ``position`` (v2: left/right/top/bottom;
  v3+: start/center/end or a percentage); ``drawTime`` before the datasets draws them under
  the data. On a chart with a second y axis, a line whose ``scaleID`` or a box whose
  ``yScaleID`` names that axis is placed by it.

Unknown options and names are ignored, as the plugins ignore them; a value they could not
use (a colour no canvas takes, a negative or absurd size) is a ``TranslationError`` naming its
path. Function-valued options other than the formatter are not run: the plugin's default
stands (the "not run" warning names them).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from chartfn.chartjs.axis_title_look import axis_title_styles
from chartfn.chartjs.callbacks import MAX_CALLS, datalabel_texts
from chartfn.chartjs.config import ConfigError, ConfigRef, EvaluatedConfig, JsFunction
from chartfn.chartjs.datalabel_labels import LabelOptions, label_options
from chartfn.chartjs.datalabel_numbers import numbers_formatted
from chartfn.chartjs.font_face import font_face, v2_bold, v2_face
from chartfn.chartjs.look import config_look
from chartfn.chartjs.option_values import (
    bold_option,
    color_option,
    hex_color,
    is_number,
    length_option,
    size_option,
)
from chartfn.chartjs.scales import find_scale
from chartfn.chartjs.second_axis import right_axis
from chartfn.chartjs.translate import TranslationError, js_string_to_number
from chartfn.models.chart_spec import ChartSpec
from chartfn.models.overlays import (
    MAX_ANNOTATIONS,
    MAX_DATA_LABELS,
    MAX_FONT_SIZE,
    MAX_LABEL_TEXT,
    BoxAnnotation,
    DataLabels,
    LineAnnotation,
    Overlays,
    TextStyle,
)

__all__ = ["ConfigOverlays", "config_overlays"]

_ROUND_DEFAULT = ("pie", "doughnut", "donut")  # QuickChart turns data labels on for these (v2)
_ANCHORS = ("center", "start", "end")
_ALIGNS = ("center", "start", "end", "top", "bottom", "left", "right")
_ANNOTATION_LINE = "rgba(0,0,0,0.1)"  # the plugins' default: Chart.js's default border colour
_ANNOTATION_LABEL_BACKGROUND = "rgba(0,0,0,0.8)"
_ANNOTATION_LABEL_COLOR = "#fff"


@dataclass(frozen=True)
class ConfigOverlays:
    overlays: Overlays
    #: Config paths of the functions these ran (data label formatters).
    run_callback_paths: tuple[str, ...] = ()
    #: What is read but drawn otherwise than the plugins draw it.
    warnings: tuple[str, ...] = ()


def config_overlays(
    evaluated: EvaluatedConfig,
    spec: ChartSpec,
    dataset_indexes: Sequence[int],
    version: int,
) -> ConfigOverlays:
    """The overlays of ``evaluated``'s config drawn over ``spec`` (whose series ``i`` is
    dataset ``dataset_indexes[i]``), for Chart.js ``version``."""
    config = evaluated.config
    options = config.get("options") if isinstance(config.get("options"), dict) else {}
    assert isinstance(options, dict)
    run: list[str] = []
    warnings: list[str] = []
    labels = _datalabels(evaluated, options, dataset_indexes, version, run, warnings)
    if labels and spec.kind in _NO_ELEMENTS:
        # QuickChart's progress bars and gauges write their own values; the plugin's labels
        # would need elements these drawers do not expose
        warnings.append(
            f"options.plugins.datalabels: a {config.get('type')} chart writes its values in "
            "its own style; the plugin's options are not applied"
        )
        labels = ()
    annotations: tuple[LineAnnotation | BoxAnnotation, ...] = ()
    if spec.kind != "pie" and _axes_as_config(config):
        annotations = _annotations(config, options, spec, version)
    elif _has_annotations(options, version):
        # the plugin places annotations on x and y scales; round charts and stand-ins drawn
        # with other axes have none to place them on
        warnings.append(
            f"{_annotation_path(version)}: not drawn on a {config.get('type')} chart (only "
            "on bar, horizontal bar, line and scatter charts)"
        )
    look = config_look(options, version, warnings, config.get("type"))
    look = replace(look, **axis_title_styles(config, version))
    return ConfigOverlays(Overlays(labels, annotations, look), tuple(run), tuple(warnings))


_NO_ELEMENTS = ("progress", "gauge")  # spec kinds whose drawers expose no elements to label


def _annotation_path(version: int) -> str:
    return "options.plugins.annotation" if version >= 3 else "options.annotation"


def _has_annotations(options: Mapping[str, Any], version: int) -> bool:
    plugins = options.get("plugins")
    block = (
        (plugins.get("annotation") if isinstance(plugins, Mapping) else None)
        if version >= 3
        else options.get("annotation")
    )
    return isinstance(block, Mapping) and bool(block.get("annotations"))


def _axes_as_config(config: Mapping[str, Any]) -> bool:
    """Annotations go on Chart.js's x and y: not on stand-ins drawn with other axes."""
    return config.get("type") in ("bar", "horizontalBar", "line", "scatter")


# -- data labels -------------------------------------------------------------------------------


def _datalabels(
    evaluated: EvaluatedConfig,
    options: dict[str, Any],
    dataset_indexes: Sequence[int],
    version: int,
    run: list[str],
    warnings: list[str],
) -> tuple[DataLabels, ...]:
    config = evaluated.config
    plugins = options.get("plugins") if isinstance(options.get("plugins"), dict) else {}
    assert isinstance(plugins, dict)
    chart_level = plugins.get("datalabels")
    only_own = False
    if not chart_level:
        if version == 2:
            # QuickChart's test: undefined, null, false, 0 and '' all take its default
            chart_level = {"display": config.get("type") in _ROUND_DEFAULT}
        elif chart_level is False:
            return ()  # v3/v4: ``false`` turns the plugin off
        else:
            only_own = True  # v3/v4: labels only where a dataset asks for them
    if not isinstance(chart_level, dict):
        chart_level = {}
    datasets = config.get("data", {}).get("datasets", [])
    drawn = []
    for series, index in enumerate(dataset_indexes):
        own = datasets[index].get("datalabels") if isinstance(datasets[index], dict) else None
        if own is False or (only_own and not isinstance(own, dict)):
            continue
        for label in label_options(chart_level, own if isinstance(own, dict) else None, index):
            drawn += _dataset_labels(evaluated, label, series, index, run, version)
    return _bounded(drawn, warnings)


def _dataset_labels(
    evaluated: EvaluatedConfig,
    label: LabelOptions,
    series: int,
    index: int,
    run: list[str],
    version: int,
) -> list[DataLabels]:
    """One of the labels on each value of dataset ``index`` (drawn as ``series``); none where
    its ``display`` is falsy."""
    merged, prefix = label.options, label.path
    display = merged.get("display", True)
    if not isinstance(display, JsFunction | list) and not _truthy(display):
        return []
    formatter = merged.get("formatter")
    formatter = formatter if isinstance(formatter, JsFunction) else None
    texts = datalabel_texts(evaluated, formatter, index, path=label.formatter_path)
    if formatter is None:
        texts = numbers_formatted(evaluated.config, index, texts)
    if formatter is not None and label.formatter_path not in run:
        run.append(label.formatter_path)
    per_point = _PerPoint(evaluated, index, len(texts), prefix, run)
    shown = per_point.values(display, "display")
    if shown is not None:
        texts = [t if _truthy(s) else None for t, s in zip(texts, shown, strict=True)]
    labels = _labels_style(merged, prefix, series, texts, display == "auto", version)
    colors = per_point.colors(merged.get("color"), "color")
    backgrounds = per_point.colors(merged.get("backgroundColor"), "backgroundColor")
    return [replace(labels, colors=colors, backgrounds=backgrounds)]


def _bounded(drawn: list[DataLabels], warnings: list[str]) -> tuple[DataLabels, ...]:
    """At most ``MAX_DATA_LABELS`` labels, the first ones in drawing order; said if fewer."""
    room = MAX_DATA_LABELS
    kept = []
    for labels in drawn:
        texts = list(labels.texts)
        for i, text in enumerate(texts):
            if text:
                room -= 1
                if room < 0:
                    texts[i] = None
        kept.append(replace(labels, texts=tuple(texts)))
    if room < 0:
        warnings.append(
            f"options.plugins.datalabels: {MAX_DATA_LABELS - room} data labels, the first "
            f"{MAX_DATA_LABELS} are drawn"
        )
    return tuple(kept)


def _truthy(value: Any) -> bool:
    """JavaScript's truthiness, for what a ``display`` option or function gives."""
    return not (value is None or value is False or value == 0 or value == "")


class _PerPoint:
    """An option given per value: an array (indexable: the value's index, else the default)
    or a function of the plugin's context (scriptable: run in the sandbox, once per value,
    in one batch, like the formatter)."""

    def __init__(
        self, evaluated: EvaluatedConfig, dataset: int, count: int, prefix: str, run: list[str]
    ) -> None:
        self.evaluated, self.dataset, self.count = evaluated, dataset, count
        self.prefix, self.run = prefix, run

    def values(self, option: Any, name: str) -> list[Any] | None:
        """One value per data point; None where the option is the same for all."""
        if isinstance(option, list):
            return [option[i] if i < len(option) else None for i in range(self.count)]
        if not isinstance(option, JsFunction):
            return None
        path = f"{self.prefix}.{name}"
        if self.count > MAX_CALLS:
            raise ConfigError(
                f"{path} would be called for {self.count} values (at most {MAX_CALLS})"
            )
        context = {
            "chart": {"data": ConfigRef(("data",))},
            "dataset": ConfigRef(("data", "datasets", self.dataset)),
            "datasetIndex": self.dataset,
            "active": False,
        }
        rows = [[{**context, "dataIndex": i}] for i in range(self.count)]
        try:
            results = self.evaluated.call_each(option, rows) if rows else []
        except ConfigError as exc:
            raise ConfigError(f"{path}: {exc}") from None
        if path not in self.run:
            self.run.append(path)
        return results

    def colors(self, option: Any, name: str) -> tuple[str | None, ...]:
        found = self.values(option, name)
        if found is None:
            return ()
        return tuple(color_option(value, f"{self.prefix}.{name}") for value in found)


def _labels_style(
    merged: dict[str, Any],
    prefix: str,
    series: int,
    texts: Sequence[str | list[str] | None],
    auto_hide: bool,
    version: int,
) -> DataLabels:
    font = merged.get("font") if isinstance(merged.get("font"), dict) else {}
    assert isinstance(font, dict)
    anchor = merged.get("anchor")
    align = merged.get("align")
    aligned: str | float = "center"
    if isinstance(align, str):
        aligned = align if align in _ALIGNS else "center"
    elif is_number(align):
        aligned = float(align)
        if not math.isfinite(aligned):
            raise TranslationError(f"{prefix}.align", "must be a finite number of degrees")
    padding = merged.get("padding")
    return DataLabels(
        series=series,
        texts=tuple(_text(t) for t in texts),
        text=TextStyle(
            color=color_option(merged.get("color"), f"{prefix}.color"),
            size=size_option(font.get("size"), f"{prefix}.font.size", MAX_FONT_SIZE),
            bold=bold_option(font.get("weight")),
            # the plugin's own font object (style, family) in both versions; Chart.js 4's
            # datalabels do not fall back to the chart's options.font
            face=font_face(font, version),
        ),
        anchor=anchor if isinstance(anchor, str) and anchor in _ANCHORS else "center",
        align=aligned,
        offset=length_option(merged.get("offset"), f"{prefix}.offset", 4.0),
        padding=length_option(padding, f"{prefix}.padding", 4.0)
        if not isinstance(padding, dict)
        else length_option(padding.get("top"), f"{prefix}.padding.top", 4.0),
        background=color_option(merged.get("backgroundColor"), f"{prefix}.backgroundColor"),
        border=color_option(merged.get("borderColor"), f"{prefix}.borderColor"),
        border_width=length_option(merged.get("borderWidth"), f"{prefix}.borderWidth", 0.0),
        border_radius=length_option(merged.get("borderRadius"), f"{prefix}.borderRadius", 0.0),
        auto_hide=auto_hide,
    )


def _text(label: str | list[str] | None) -> str | None:
    if label is None:
        return None
    text = "\n".join(label) if isinstance(label, list) else label
    return text if len(text) <= MAX_LABEL_TEXT else text[: MAX_LABEL_TEXT - 1] + "…"


# -- annotations -------------------------------------------------------------------------------


def _annotations(
    config: Mapping[str, Any], options: dict[str, Any], spec: ChartSpec, version: int
) -> tuple[LineAnnotation | BoxAnnotation, ...]:
    plugins = options.get("plugins") if isinstance(options.get("plugins"), dict) else {}
    assert isinstance(plugins, dict)
    # each version's plugin reads its own place only
    if version >= 3:
        block, prefix = plugins.get("annotation"), "options.plugins.annotation"
    else:
        block, prefix = options.get("annotation"), "options.annotation"
    if not isinstance(block, dict):
        return ()
    raw = block.get("annotations")
    if isinstance(raw, dict):
        items = [(f"{prefix}.annotations.{key}", value) for key, value in raw.items()]
    elif isinstance(raw, list):
        items = [(f"{prefix}.annotations[{i}]", value) for i, value in enumerate(raw)]
    else:
        return ()
    if len(items) > MAX_ANNOTATIONS:
        raise TranslationError(
            f"{prefix}.annotations",
            f"has {len(items)} annotations (allowed: at most {MAX_ANNOTATIONS})",
        )
    axes = _Axes(config, spec, version)
    # when to draw: the annotation's own drawTime, else the block's (v2) or common's (v3+)
    common = block.get("common") if isinstance(block.get("common"), dict) else block
    assert isinstance(common, dict)
    drawn: list[LineAnnotation | BoxAnnotation] = []
    for path, item in items:
        if not isinstance(item, dict) or item.get("display") is False:
            continue
        kind = item.get("type")
        found: LineAnnotation | BoxAnnotation | None = None
        if kind == "line":
            found = _line(item, path, axes, version)
            if found is not None and found.label is not None:
                found = replace(found, **_annotation_label_font(item, options, version))
        elif kind == "box":
            found = _box(item, path, axes)
        if found is not None:
            draw_time = item.get("drawTime", common.get("drawTime"))
            drawn.append(replace(found, behind=draw_time in _BEHIND))
    return tuple(drawn)


# the draw times before the datasets (the grid is drawn first here in any case)
_BEHIND = ("beforeDraw", "beforeDatasetsDraw", "beforeDatasetDraw")


class _Axes:
    """Scale ids to 'x' or 'y', and values on them to data positions (a category axis'
    labels to their indexes)."""

    def __init__(self, config: Mapping[str, Any], spec: ChartSpec, version: int) -> None:
        self.ids: dict[str, str] = {}
        for axis in ("x", "y"):
            scale = find_scale(config, axis, version)
            if scale is not None:
                self.ids[scale.scale_id] = axis
        right = right_axis(config, version) if spec.y2_series else None
        if right is not None:  # drawn as a second axis: its values map by it
            self.ids[right.scale_id] = "y2"
        data = config.get("data")
        labels = data.get("labels") if isinstance(data, dict) else None
        self.labels: list[Any] = labels if isinstance(labels, list) else []
        # the axis whose values are category labels or indexes (horizontal bars: y)
        self.category_axis: str | None = None
        if spec.kind == "bar":
            self.category_axis = "y" if spec.horizontal else "x"
        elif spec.kind == "line" and spec.series[0].x is None:
            self.category_axis = "x"

    def axis_of(self, scale_id: Any) -> str | None:
        """'x', 'y' or 'y2' (the second y axis, where one is drawn)."""
        if not isinstance(scale_id, str):
            return None
        if scale_id in self.ids:
            return self.ids[scale_id]
        return scale_id[:1] if scale_id[:1] in ("x", "y") else None

    def on_right(self, item: Mapping[str, Any]) -> bool:
        """Whether an annotation given by its ends (a box, a v3+ line by xMin…yMax) is on the
        second y axis: its ``yScaleID`` names it."""
        return self.axis_of(item.get("yScaleID")) == "y2"

    def position(self, value: Any, axis: str) -> float | None:
        """A value on ``axis`` as the plugin scales it; None where it scales to nothing. On a
        category axis Chart.js 2 looks the value up among the labels first (``indexOf``: the
        same type and value), then takes it as an index (a string by its number)."""
        if isinstance(value, bool) or value is None:
            return None
        if axis == self.category_axis:
            for index, label in enumerate(self.labels):
                same_kind = isinstance(label, str) == isinstance(value, str)
                if same_kind and not isinstance(label, bool) and label == value:
                    return float(index)
        number = js_string_to_number(value) if isinstance(value, str) else value
        if not is_number(number) or not math.isfinite(number):
            return None
        return float(number)


def _line(item: dict[str, Any], path: str, axes: _Axes, version: int) -> LineAnnotation | None:
    color = color_option(item.get("borderColor"), f"{path}.borderColor")
    color = color or hex_color(_ANNOTATION_LINE)
    width = length_option(item.get("borderWidth"), f"{path}.borderWidth", 2.0)
    dash = item.get("borderDash")
    dashes: tuple[float, ...] = ()
    if isinstance(dash, list) and dash:
        dashes = tuple(length_option(d, f"{path}.borderDash[{i}]", 0.0) for i, d in enumerate(dash))
        if not any(dashes):
            dashes = ()
    axis = axes.axis_of(item.get("scaleID"))
    x0 = y0 = x1 = y1 = None
    if axis is not None and "value" in item:
        start = axes.position(item.get("value"), axis)
        if start is None:
            return None
        end = axes.position(item.get("endValue"), axis) if "endValue" in item else start
        end = start if end is None else end
        if axis in ("y", "y2"):
            y0, y1 = start, end
        else:
            x0, x1 = start, end
        on_right = axis == "y2"
    else:
        on_right = axes.on_right(item)
        x0, x1 = axes.position(item.get("xMin"), "x"), axes.position(item.get("xMax"), "x")
        y0, y1 = axes.position(item.get("yMin"), "y"), axes.position(item.get("yMax"), "y")
        if x0 is None and x1 is None and y0 is None and y1 is None:
            return None
        # one end given: the plugin draws the line level with it
        y0, y1 = (y1, y1) if y0 is None else (y0, y0 if y1 is None else y1)
        x0, x1 = (x1, x1) if x0 is None else (x0, x0 if x1 is None else x1)
    label = item.get("label") if isinstance(item.get("label"), dict) else {}
    assert isinstance(label, dict)
    shown = label.get("display") if version >= 3 and "display" in label else label.get("enabled")
    text = _content(label.get("content")) if shown is True else None
    label_path = f"{path}.label"
    return LineAnnotation(
        x0,
        y0,
        x1,
        y1,
        color=color,
        width=width,
        dash=dashes,
        label=text,
        label_color=color_option(label.get("color" if version >= 3 else "fontColor"), label_path)
        or hex_color(_ANNOTATION_LABEL_COLOR),
        label_background=color_option(label.get("backgroundColor"), f"{label_path}.backgroundColor")
        or hex_color(_ANNOTATION_LABEL_BACKGROUND),
        label_position=_label_position(label.get("position")),
        on_right=on_right,
    )


def _annotation_label_font(
    item: Mapping[str, Any], options: Mapping[str, Any], version: int
) -> dict[str, Any]:
    """A line label's weight and face: v2 (0.5.7) ``label.fontStyle`` (default 'bold') and
    ``fontFamily``; v3+ ``label.font`` {weight (default bold), style, family}, with the
    chart's ``options.font`` behind its style and family, as the plugin's resolver has it."""
    label = item.get("label")
    label = label if isinstance(label, Mapping) else {}
    if version < 3:
        bold = v2_bold(label.get("fontStyle"))
        return {"label_bold": bold is not False, "label_face": v2_face(label)}
    font = label.get("font")
    font = font if isinstance(font, Mapping) else {}
    return {
        "label_bold": bold_option(font.get("weight")) is not False,
        "label_face": font_face(font, version, options.get("font")),
    }


# v2 (0.5) names the side, v3+ the end of the line; both start at the left or the top
_LABEL_POSITIONS = {"left": 0.0, "top": 0.0, "start": 0.0, "right": 1.0, "bottom": 1.0, "end": 1.0}


def _label_position(value: Any) -> float:
    """A line label's place along the line (0 … 1): a named end, v3's percentage ('25%'),
    else the centre."""
    if isinstance(value, str) and value.endswith("%"):
        number = js_string_to_number(value[:-1])
        if number is not None and math.isfinite(number):
            return min(1.0, max(0.0, number / 100))
    return _LABEL_POSITIONS.get(value, 0.5) if isinstance(value, str) else 0.5


def _box(item: dict[str, Any], path: str, axes: _Axes) -> BoxAnnotation:
    return BoxAnnotation(
        axes.position(item.get("xMin"), "x"),
        axes.position(item.get("yMin"), "y"),
        axes.position(item.get("xMax"), "x"),
        axes.position(item.get("yMax"), "y"),
        fill=color_option(item.get("backgroundColor"), f"{path}.backgroundColor")
        or hex_color(_ANNOTATION_LINE),
        edge=color_option(item.get("borderColor"), f"{path}.borderColor"),
        width=length_option(item.get("borderWidth"), f"{path}.borderWidth", 1.0),
        on_right=axes.on_right(item),
    )


def _content(value: Any) -> str | None:
    if isinstance(value, list):
        lines = [str(line) for line in value if isinstance(line, str | int | float)]
        value = "\n".join(lines)
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value:
        return None
    return value if len(value) <= MAX_LABEL_TEXT else value[: MAX_LABEL_TEXT - 1] + "…"
