"""A line chart's category x axis as Chart.js draws it: ``data.labels`` at the data's indexes,
the first on the plot's left edge and the last on its right (a line's category scale has no
offset), ``ticks.min``/``max`` (v2, labels) or ``min``/``max`` (v4, labels or indexes)
narrowing it, and the config's ``ticks.callback`` run on the labels."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from chartfn.chartjs.callbacks import Label, tick_callback_labels, tick_callback_of
from chartfn.chartjs.category_labels import category_labels
from chartfn.chartjs.config import EvaluatedConfig
from chartfn.chartjs.scales import ScaleRef
from chartfn.chartjs.tick_labels import default_labels, js_text
from chartfn.chartjs.ticks import Ticks, scale_ticks, tick_axis
from chartfn.models.axis_ticks import AxisTicks, TickProvider
from chartfn.models.chart_spec import MAX_NAME

__all__ = ["category_x_provider"]


def category_x_provider(
    evaluated: EvaluatedConfig,
    scale: ScaleRef,
    version: int,
    labels: Sequence[Any],
    data_length: int,
    device_pixel_ratio: float = 1.0,
    canvas_width: float | None = None,
) -> TickProvider:
    """The provider of a line chart's category x axis; its labels do not depend on the axis'
    length, so they are worked out (and the callback run) once; which of them show, and at
    what angle, does (``category_labels``)."""
    # The length does not matter to a category scale's ticks.
    axis = tick_axis(scale.options, version, 1, True)
    indexes = list(range(max(data_length, 1)))
    ticks = scale_ticks("category", version, scale.options, indexes, axis, labels=list(labels))
    callback = tick_callback_of(scale.options, version)
    texts: Sequence[Label] = (
        default_labels("category", version, ticks)
        if callback is None
        else tick_callback_labels(
            evaluated,
            callback,
            ticks,
            version=version,
            kind="category",
            scale_id=scale.scale_id,
            scale_path=scale.path,
        )
    )
    positions = _positions(ticks, version)
    shown = [(p, _one_line(t)) for p, t in zip(positions, texts, strict=False)]
    shown = [(p, t) for p, t in shown if t is not None]
    low = float(ticks.min)
    # One label: Chart.js 2 puts it on the left edge (a range of at least one index).
    high = max(float(ticks.max), low + 1)
    result = AxisTicks(
        values=[p for p, _ in shown], labels=[t for _, t in shown], low=low, high=high
    )

    options = scale.options.get("ticks")
    ticks_options = options if isinstance(options, Mapping) else {}
    texts_shown = [t for _, t in shown]

    def ticks_for_length(length_px: float) -> AxisTicks:
        found = category_labels(
            texts_shown,
            ticks_options,
            version,
            length_px / device_pixel_ratio,
            axis.font_size,
            axis.line_height_px,
            canvas_width,
        )
        if found.rotation == 0 and len(found.kept) == len(texts_shown):
            return result
        kept = set(found.kept)
        return result._replace(
            labels=[t if i in kept else None for i, t in enumerate(texts_shown)],
            auto_skip=False,
            upright=found.rotation > 0,
            angle=found.rotation,
            # Chart.js 4 puts a turned line's middle half a line lower (its textOffset)
            turned_drop=0.0 if version == 2 else 0.5,
        )

    return ticks_for_length


def _positions(ticks: Ticks, version: int) -> list[float]:
    """Each tick's index: Chart.js 2's ticks are the labels from ``min``, 4's the indexes."""
    if version == 2:
        return [ticks.min + i for i in range(len(ticks.values))]
    return [float(v) for v in ticks.values]


def _one_line(label: Any) -> str | None:
    if label is None:
        return None
    if isinstance(label, list):
        text = " ".join(item if isinstance(item, str) else js_text(item) for item in label)
    else:
        text = label if isinstance(label, str) else js_text(label)
    text = text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    return text if len(text) <= MAX_NAME else text[: MAX_NAME - 1] + "…"
