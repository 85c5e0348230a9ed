"""Box plot and violin configs (``boxplot``, ``horizontalBoxplot``, ``violin``,
``horizontalViolin``: ``chartjs-chart-box-and-violin-plot`` for Chart.js 2, which QuickChart
bundles, and ``@sgratzl/chartjs-chart-boxplot`` for Chart.js 3/4) as ``boxplot`` / ``violin``
chart specs.

Each dataset value is one category's box: an array of numbers (the plugins keep the numbers
and drop the rest, as ``boxplotStats`` filters them), or, for a box plot, its statistics
``{min, q1, median, q3, max, mean?, outliers?}``; null draws nothing. The dataset's
``borderColor`` outlines the boxes, ``backgroundColor`` fills them, ``borderWidth`` (1),
``outlierColor`` / ``outlierBackgroundColor``, ``outlierRadius`` (2) and ``medianColor`` are
read. QuickChart gives these types neither its Tableau 10 colours nor ``beginAtZero``, so v2
boxes that name no colour are drawn as Chart.js 2 leaves them (filled #666, outlined
rgba(0,0,0,0.1): see ``_V2_LEFTOVER_FILL``); v3/v4 take Chart.js's defaults as
bars do (the Colors plugin in 4), start the value axis at zero (the bar controller's default)
and mark each box's mean, as the v4 plugin does. What is read but not drawn (jittered items,
``lowerColor``, other quantile methods or whisker ranges, a log value axis) is named in a
warning. No matplotlib and no HTTP here.
"""

from __future__ import annotations

import math
from typing import Any

from chartfn.chartjs.config import ChartConfig
from chartfn.chartjs.default_colors import with_default_colors
from chartfn.models.chart_spec import MAX_POINTS_PER_SERIES, MAX_SERIES
from chartfn.models.colors import ColorError, hex_color
from chartfn.models.series_style import MAX_BORDER_WIDTH, MAX_POINT_RADIUS, SeriesStyle

__all__ = ["BOX_CHART_TYPES", "box_fields"]

# Chart.js type → (spec kind, drawn horizontal)
BOX_CHART_TYPES = {
    "boxplot": ("boxplot", False),
    "horizontalBoxplot": ("boxplot", True),
    "violin": ("violin", False),
    "horizontalViolin": ("violin", True),
}
# Chart.js's rectangle colour (2 and 3), what the plugins' elements take when none is given
_DEFAULT_COLOR = "rgba(0,0,0,0.1)"
# Chart.js 2.9 resolves a bar's colours from ``options.elements[<element type>]``, which the v2
# plugin's elements do not name: a box without its own colours is painted with what the canvas
# holds from the scales drawn before it, the tick labels' fill (defaultFontColor #666) and the
# grid lines' stroke (rgba(0,0,0,0.1)), as QuickChart's own renders show.
_V2_LEFTOVER_FILL = "#666666"
_STATS = ("min", "q1", "median", "q3", "max")
_BOX_ALLOWED = "an array of numbers, {min, q1, median, q3, max} (a boxplot's), or null"
# options the plugins read that change the statistics or add marks this does not draw
_STATS_OPTIONS = {"coef": 1.5, "quantiles": 7, "whiskersMode": "nearest"}
_UNDRAWN = ("itemRadius", "lowerColor", "lowerBackgroundColor")


class BoxError(ValueError):
    """A value Chart.js could not draw as a box; ``path`` is where in the config."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        super().__init__(message)


def box_fields(
    config: ChartConfig,
    version: int,
    datasets: list[tuple[int, dict[str, Any], str | None]],
    length: int,
    warnings: list[str],
) -> tuple[dict[str, Any], list[SeriesStyle], list[int]]:
    """The spec fields of a box config's ``datasets`` (index in ``data.datasets``, dataset,
    its label as text; the hidden ones left out), ``length`` boxes each; their looks and
    indexes, for the series drawn. Raises ``BoxError`` naming the value at fault."""
    chart_type = str(config.get("type"))
    kind, horizontal = BOX_CHART_TYPES[chart_type]
    options = config.get("options") if isinstance(config.get("options"), dict) else {}
    assert isinstance(options, dict)
    if version >= 3 and options.get("indexAxis") == "y":
        horizontal = True
    colored = _colored(config, version)
    series: list[dict[str, Any]] = []
    looks: list[SeriesStyle] = []
    drawn: list[int] = []
    for index, dataset, name in datasets[:MAX_SERIES]:
        path = f"data.datasets[{index}]"
        values = dataset.get("data")
        if values is None:
            continue  # Chart.js takes a dataset without data as empty
        if not isinstance(values, list):
            raise BoxError(f"{path}.data", "must be an array of boxes")
        boxes = [_box(value, f"{path}.data[{i}]", kind) for i, value in enumerate(values[:length])]
        boxes += [None] * (length - len(boxes))
        if all(box is None for box in boxes):
            continue  # nothing to draw, as in Chart.js
        if sum(_count(box) for box in boxes) > MAX_POINTS_PER_SERIES:
            raise BoxError(
                f"{path}.data", f"holds more than {MAX_POINTS_PER_SERIES} numbers in its boxes"
            )
        look_source = colored[index] if index < len(colored) else dataset
        look, border = _look(look_source, path, version, warnings)
        entry: dict[str, Any] = {"boxes": boxes, "color": border}
        if name is not None:
            entry["name"] = name
        series.append(entry)
        looks.append(look)
        drawn.append(index)
        _warn_undrawn(dataset, path, warnings)
    _warn_stats_options(options, version, horizontal, warnings)
    fields: dict[str, Any] = {"kind": kind, "series": series}
    if horizontal:
        fields["horizontal"] = True
    if version >= 3:
        fields["means"] = True
    return fields, looks, drawn


def _colored(config: ChartConfig, version: int) -> list[Any]:
    """The datasets with the colours Chart.js 3/4 give a bar chart's (the plugins' elements
    are bars); v2 datasets as they are."""
    if version >= 3:
        config = with_default_colors({**config, "type": "bar"}, version)
    data = config.get("data")
    datasets = data.get("datasets") if isinstance(data, dict) else None
    return datasets if isinstance(datasets, list) else []


def _finite(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _box(value: Any, path: str, kind: str) -> list[float] | dict[str, Any] | None:
    if value is None:
        return None
    if isinstance(value, list):
        numbers = [float(v) for v in value if _finite(v)]
        return numbers or None  # no number: no box, as the plugins' stats are NaN
    if isinstance(value, dict) and kind == "boxplot":
        stats: dict[str, Any] = {}
        for name in _STATS:
            if not _finite(value.get(name)):
                raise BoxError(
                    f"{path}.{name}", f"a box's {name} must be a finite number (given as stats)"
                )
            stats[name] = float(value[name])
        if _finite(value.get("mean")):
            stats["mean"] = float(value["mean"])
        outliers = value.get("outliers")
        if isinstance(outliers, list):
            stats["outliers"] = [float(v) for v in outliers[:MAX_POINTS_PER_SERIES] if _finite(v)]
        return stats
    what = "statistics" if isinstance(value, dict) else "a single value"
    raise BoxError(
        path,
        f"a {kind} cannot draw {what} here (allowed: "
        + (_BOX_ALLOWED if kind == "boxplot" else "an array of numbers, or null")
        + ")",
    )


def _count(box: list[float] | dict[str, Any] | None) -> int:
    if isinstance(box, list):
        return len(box)
    if isinstance(box, dict):
        return len(_STATS) + len(box.get("outliers", ()))
    return 0


def _look(
    dataset: dict[str, Any], path: str, version: int, warnings: list[str]
) -> tuple[SeriesStyle, str]:
    """The dataset's look and its border colour (the series' colour)."""

    def color(name: str, default: str | None) -> str | None:
        value = dataset.get(name)
        if isinstance(value, list):
            if len(value) > 1:
                warnings.append(f"{path}.{name}: one colour per box is drawn as the first")
            value = value[0] if value else None
        if not isinstance(value, str):
            return default  # a function or object: not run, said in the warnings
        return css_color(value, f"{path}.{name}")

    default = css_color(_DEFAULT_COLOR, path)
    fill = color("backgroundColor", None) or css_color(
        _V2_LEFTOVER_FILL if version == 2 else _DEFAULT_COLOR, path
    )
    border = color("borderColor", None) or default
    outlier_key = "outlierColor" if version == 2 else "outlierBackgroundColor"
    # both plugins' outlier and mean colours default to Chart.js's global colour, not the
    # dataset's (v4 routes them to defaults.backgroundColor / borderColor)
    outlier = color(outlier_key, None) or default
    median = color("medianColor", None)
    if median in ("#00000000",):
        median = None  # v4's 'transparent': the border colour
    mean_fill = color("meanBackgroundColor", None) or default
    mean_border = color("meanBorderColor", None) or default
    width = dataset.get("borderWidth")
    radius = dataset.get("outlierRadius")
    look = SeriesStyle(
        point_colors=(outlier, mean_fill),
        point_border_colors=(median, mean_border),
        fill_color=fill,
        line_width=min(max(float(width), 0.0), MAX_BORDER_WIDTH) if _finite(width) else 1.0,
        point_radius=min(max(float(radius), 0.0), MAX_POINT_RADIUS) if _finite(radius) else None,
    )
    return look, border


def css_color(text: str, path: str) -> str:
    """A CSS colour as the chart spec writes it (``#rrggbb[aa]``)."""
    try:
        return hex_color(text)
    except ColorError as exc:
        raise BoxError(path, str(exc)) from None


def _warn_undrawn(dataset: dict[str, Any], path: str, warnings: list[str]) -> None:
    for name in _UNDRAWN:
        value = dataset.get(name)
        if value not in (None, 0, "transparent") and value is not False:
            warnings.append(f"{path}.{name} is not drawn yet")


def _warn_stats_options(
    options: dict[str, Any], version: int, horizontal: bool, warnings: list[str]
) -> None:
    """Statistics options other than the defaults: the boxes keep the defaults, said."""
    places: list[tuple[str, Any]] = [("options", options)]
    scales = options.get("scales")
    if version == 2 and isinstance(scales, dict):
        key = "xAxes" if horizontal else "yAxes"
        axes = scales.get(key)
        if isinstance(axes, list) and axes and isinstance(axes[0], dict):
            ticks = axes[0].get("ticks")
            if isinstance(ticks, dict):
                places.append((f"options.scales.{key}[0].ticks", ticks))
    for where, holder in places:
        for name, default in _STATS_OPTIONS.items():
            if name in holder and holder[name] != default:
                warnings.append(
                    f"{where}.{name} is not read yet: boxes use 1.5 IQR whiskers on the "
                    "nearest values and type-7 quartiles"
                )
