"""A bar chart's category x axis as Chart.js labels it: each category in the middle of its
slot (``offset: true``), the labels turned and thinned by Chart.js's rule
(``category_labels``) rather than the engine's own (flat, or upright every n-th)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from chartfn.chartjs.category_labels import category_labels
from chartfn.chartjs.scales import ScaleRef
from chartfn.chartjs.ticks import tick_axis
from chartfn.models.axis_ticks import AxisTicks, TickProvider

__all__ = ["category_bar_provider"]


def category_bar_provider(
    scale: ScaleRef,
    version: int,
    categories: Sequence[str],
    device_pixel_ratio: float,
    canvas_width: float | None,
) -> TickProvider:
    """The labels (None: skipped) and angle of ``categories`` on an axis ``length_px`` device
    px long; the values are the categories' indexes."""
    axis = tick_axis(scale.options, version, 1, True)
    options = scale.options.get("ticks")
    ticks_options = options if isinstance(options, Mapping) else {}
    texts = list(categories)
    count = len(texts)

    def ticks_for_length(length_px: float) -> AxisTicks:
        found = category_labels(
            texts,
            ticks_options,
            version,
            length_px / device_pixel_ratio,
            axis.font_size,
            axis.line_height_px,
            canvas_width,
            offset=True,
        )
        kept = set(found.kept)
        return AxisTicks(
            values=[float(i) for i in range(count)],
            labels=[text if i in kept else None for i, text in enumerate(texts)],
            low=-0.5,
            high=count - 0.5,
            auto_skip=False,
            upright=found.rotation > 0,
            angle=found.rotation,
            # Chart.js 4 puts a turned line's middle half a line lower (its textOffset)
            turned_drop=0.0 if version == 2 else 0.5,
        )

    return ticks_for_length
