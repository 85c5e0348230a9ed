"""A radar or polar area config's radial scale ticks, as Chart.js 2.9.4 and 4 pick them.

The scale is v2's ``options.scale`` and v3+'s ``options.scales.r``. Its values follow the
linear scale's rules (``chartjs.ticks``) with the radial scale's own tick limit:
``ceil(drawingArea / (tick font size + 2 × backdrop padding))``, 11 at most unless
``maxTicksLimit`` says otherwise (``scale.radialLinear.js``: ``_computeTickLimit`` in 2.9.4,
``computeTickLimit`` in 4), where the drawing area is the radius the scale has before its
point labels are fitted: ``min(height − padding, width) / 2`` in 2.9.4 and
``floor(min(width, height) − 2 × padding) / 2`` in 4, padding being half the backdrop
height. Polar area charts begin at zero by default. The lowest tick (the centre) has no label
and no ring, as Chart.js draws it; hidden ticks (``ticks.display: false``) leave 11 as the
limit (the backdrop height is then 0). Chart.js 4 then thins the ticks as on any axis
(``autoSkip``: no more than the chart area's height holds labels of the tick font's line
height plus ``autoSkipPadding``, 3), after labelling them all; 2.9.4's radial scale draws them
all. A ``ticks.callback`` is run in the config's sandbox.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from chartfn.chartjs.callbacks import option_path, tick_callback_labels, tick_callback_of
from chartfn.chartjs.config import EvaluatedConfig
from chartfn.chartjs.scales import ScaleRef
from chartfn.chartjs.tick_labels import default_labels, js_text
from chartfn.chartjs.ticks import (
    Axis,
    Ticks,
    linear_ticks_v2,
    linear_ticks_v4,
    numeric_options,
    option_number,
    tick_axis,
)
from chartfn.models.axis_ticks import AxisTicks, TickProvider
from chartfn.models.chart_spec import MAX_NAME, ChartSpec

__all__ = ["radial_provider", "radial_scale"]

BACKDROP_PADDING = 2.0  # CSS px above and below a tick label (backdropPaddingY / backdropPadding)
AUTO_SKIP_PADDING = 3.0  # Chart.js 4's ticks.autoSkipPadding


def radial_scale(options: Mapping[str, Any], version: int) -> ScaleRef:
    """The radial scale's options and config path (empty options when the config has none)."""
    if version == 2:
        scale = options.get("scale")
        path: tuple[str | int, ...] = ("options", "scale")
    else:
        scales = options.get("scales")
        scale = scales.get("r") if isinstance(scales, Mapping) else None
        path = ("options", "scales", "r")
    return ScaleRef(path, scale if isinstance(scale, Mapping) else {}, "r", "linear")


def _with_defaults(scale: Mapping[str, Any], chart_type: str, version: int) -> dict[str, Any]:
    """The scale's options with the chart type's defaults under them (polar area: from 0)."""
    merged = dict(scale)
    if chart_type == "polarArea":
        if version == 2:
            ticks = scale.get("ticks")
            merged["ticks"] = {"beginAtZero": True, **(ticks if isinstance(ticks, Mapping) else {})}
        else:
            merged.setdefault("beginAtZero", True)
    return merged


def _shown(mapping: Mapping[str, Any], name: str) -> bool:
    block = mapping.get(name)
    return not (isinstance(block, Mapping) and block.get("display") is False)


def radial_provider(
    evaluated: EvaluatedConfig, spec: ChartSpec, version: int, device_pixel_ratio: float
) -> TickProvider:
    config = evaluated.config
    chart_type = str(config.get("type"))
    options = config.get("options")
    ref = radial_scale(options if isinstance(options, Mapping) else {}, version)
    scale = _with_defaults(ref.options, chart_type, version)
    numeric = numeric_options(scale, version)
    values = [v for s in spec.series for v in s.y if v is not None]
    low, high = (min(values), max(values)) if values else (None, None)
    labelled = scale.get("display") is not False and _shown(scale, "ticks")
    callback = tick_callback_of(scale, version)

    tick_options = scale.get("ticks")
    tick_options = tick_options if isinstance(tick_options, Mapping) else {}
    auto_skip = version >= 3 and labelled and tick_options.get("autoSkip") is not False
    skip_padding = option_number(tick_options.get("autoSkipPadding"))
    skip_padding = AUTO_SKIP_PADDING if skip_padding is None else skip_padding

    def ticks_for_side(side_px: float) -> AxisTicks:
        font_axis = tick_axis(scale, version, 0.0, False)
        font = font_axis.font_size
        backdrop = font + 2 * BACKDROP_PADDING if labelled else 0.0
        side = side_px / device_pixel_ratio
        area = (side - backdrop / 2) / 2 if version == 2 else math.floor((side - backdrop) / 2)
        # ceil(area / backdrop): the linear rule's ceil(length / line height), with the
        # backdrop as the line height (a hidden label: no limit but maxTicksLimit's 11).
        line_height = f"{backdrop}px" if backdrop > 0 else "0.000001px"
        axis = Axis(max(area, 0.0), horizontal=False, font_size=font, line_height=line_height)
        build = linear_ticks_v2 if version == 2 else linear_ticks_v4
        ticks = build(low, high, numeric, axis)
        ordered = sorted(float(v) for v in ticks.values)
        ascending = Ticks(tuple(ordered), ticks.min, ticks.max)
        labels: Sequence[Any] = (
            default_labels("linear", version, ascending)
            if callback is None
            else tick_callback_labels(
                evaluated,
                callback,
                ascending,
                version=version,
                kind="linear",
                scale_id="r",
                scale_path=ref.path,
            )
        )
        shown = [_label(label) if labelled else None for label in labels]
        kept = range(len(ordered))
        if auto_skip:
            limit = _skip_limit(side, backdrop, font_axis.line_height_px + skip_padding, numeric)
            kept = _auto_skip(len(ordered), limit)
        lowest, highest = float(ticks.min), float(ticks.max)
        return AxisTicks(
            values=[ordered[i] for i in kept],
            labels=[shown[i] for i in kept],
            low=highest if numeric.reverse else lowest,
            high=lowest if numeric.reverse else highest,
        )

    return ticks_for_side


def _skip_limit(side: float, backdrop: float, tick_size: float, numeric: Any) -> int:
    """Chart.js 4's determineMaxTicks for the radial scale: its length is the chart area's
    height, its greatest length that less the tick backdrop."""
    if not tick_size > 0:
        return 1_000_000
    most = math.floor(min(side / tick_size + 1, (side - backdrop) / tick_size))
    cap = numeric.max_ticks_limit
    return int(min(cap, most)) if cap else most


def _auto_skip(count: int, limit: int) -> range:
    """The ticks Chart.js 4's autoSkip keeps (no major ticks): every ceil(count / limit)-th
    from the first; all of them when they fit."""
    if count <= limit:
        return range(count)
    if limit <= 0:
        return range(min(count, 1))
    return range(0, count, math.ceil(count / limit))


def callback_path(evaluated: EvaluatedConfig, version: int) -> str | None:
    """The radial scale's ``ticks.callback`` path when it has one (it is run, not warned of)."""
    options = evaluated.config.get("options")
    ref = radial_scale(options if isinstance(options, Mapping) else {}, version)
    if tick_callback_of(ref.options, version) is None:
        return None
    return option_path((*ref.path, "ticks", "callback"))


def _label(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        value = " ".join(v if isinstance(v, str) else js_text(v) for v in value)
    text = value if isinstance(value, str) else js_text(value)
    text = text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    return text if len(text) <= MAX_NAME else text[: MAX_NAME - 1] + "…"
