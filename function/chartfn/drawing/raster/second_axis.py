"""Line and scatter charts with a second value axis on the right (``ChartSpec.y2_series``, as
Chart.js draws datasets whose ``yAxisID`` names an axis at ``position: 'right'``): the series
of each side planned as a chart of their own for their value axis, drawn against the shared x
axis of the whole chart, whose legend lists every series in order. Data labels attach to each
series' elements as its own side places them; annotations map y by the left axis, or by the
right one where they name it (``on_right``). Bar charts share their category slots across
the axes, so ``mixed_bars`` draws them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np

from chartfn.drawing.raster.canvas import Canvas
from chartfn.drawing.raster.charts import Chart, Element, flat, plan
from chartfn.drawing.raster.layout import Label, Layout
from chartfn.drawing.raster.style import Style
from chartfn.drawing.spec_renderer import series_color
from chartfn.models.chart_spec import ChartSpec
from chartfn.models.series_style import ChartStyles

__all__ = ["plan_two_value_axes"]


def plan_two_value_axes(
    spec: ChartSpec,
    width: int,
    height: int,
    dpi: float,
    style: Style,
    styles: ChartStyles | None = None,
) -> Chart:
    """``styles``: each series' Chart.js look, in the spec's series order."""
    assert spec.y2_series is not None
    if spec.kind == "bar":  # bars share their slots across both axes: drawn as mixed bars
        return plan(spec, width, height, dpi, style, styles)
    looks = styles or ChartStyles()
    right_indexes = set(spec.y2_series)
    # Each series keeps the colour of its place in the whole chart when the sides are split.
    coloured = [
        s if s.color is not None else s.model_copy(update={"color": series_color(s, i)})
        for i, s in enumerate(spec.series)
    ]
    single = {"y2_series": None, "y2_label": None, "y2_log": None}
    whole = plan(spec.model_copy(update=single), width, height, dpi, style, looks)
    sides = []
    for on_right in (False, True):
        indexes = [i for i in range(len(coloured)) if (i in right_indexes) is on_right]
        side = spec.model_copy(
            update={
                **single,
                "series": [coloured[i] for i in indexes],
                "y_limits": spec.y_limits if not on_right else None,
                "y_log": bool(spec.y2_log) if on_right else spec.y_log,
            }
        )
        side_looks = ChartStyles(tuple(looks.of(i) for i in indexes))
        sides.append(plan(side, width, height, dpi, style, side_looks))
    left, right = sides
    assert whole.request.x_axis is not None
    x_scale = whole.request.x_axis.scale
    request = replace(
        whole.request,
        y_axis=left.request.y_axis,
        y2_axis=right.request.y_axis,
        y2_label=flat(spec.y2_label or ""),
    )

    def sides_of(layout: Layout) -> tuple[Layout, Layout]:
        """The layout as each side's plan sees it: the shared x, and its own value axis."""
        x = layout.x_scale or x_scale
        assert left.request.y_axis is not None
        assert right.request.y_axis is not None
        on_left = replace(layout, x_scale=x, y_scale=layout.y_scale or left.request.y_axis.scale)
        on_right = replace(layout, x_scale=x, y_scale=layout.y2_scale or right.request.y_axis.scale)
        return on_left, on_right

    def draw(canvas: Canvas, layout: Layout) -> list[Label]:
        on_left, on_right = sides_of(layout)
        return right.draw_data(canvas, on_right) + left.draw_data(canvas, on_left)

    left_indexes = [i for i in range(len(coloured)) if i not in right_indexes]
    right_order = [i for i in range(len(coloured)) if i in right_indexes]

    def elements(layout: Layout) -> list[list[Element | None]]:
        """Each series' elements, placed by its own side's value axis, in the spec's order."""
        assert left.elements is not None
        assert right.elements is not None
        on_left, on_right = sides_of(layout)
        found: list[list[Element | None]] = [[] for _ in coloured]
        for indexes, rows in (
            (left_indexes, left.elements(on_left)),
            (right_order, right.elements(on_right)),
        ):
            for index, row in zip(indexes, rows, strict=True):
                found[index] = row
        return found

    def mappers(layout: Layout) -> tuple[Callable[..., np.ndarray], ...]:
        assert left.mappers is not None
        return left.mappers(sides_of(layout)[0])

    def y2_mapper(layout: Layout) -> Callable[..., np.ndarray]:
        assert right.mappers is not None
        return right.mappers(sides_of(layout)[1])[1]

    placed_overlays = left.elements is not None and right.elements is not None
    return replace(
        whole,
        request=request,
        draw_data=draw,
        elements=elements if placed_overlays else None,
        mappers=mappers if left.mappers is not None and right.mappers is not None else None,
        y2_mapper=y2_mapper if right.mappers is not None else None,
    )
