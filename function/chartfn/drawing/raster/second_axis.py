"""Line and scatter charts with a second value axis on the right (``ChartSpec.y2_series``, as
Chart.js draws datasets whose ``yAxisID`` names an axis at ``position: 'right'``): the series
of each side planned as a chart of their own for their value axis, drawn against the shared x
axis of the whole chart, whose legend lists every series in order."""

from __future__ import annotations

from dataclasses import replace

from chartfn.drawing.raster.canvas import Canvas
from chartfn.drawing.raster.charts import Chart, flat, plan
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
    looks = styles or ChartStyles()
    right_indexes = set(spec.y2_series)
    # Each series keeps the colour of its place in the whole chart when the sides are split.
    coloured = [
        s if s.color is not None else s.model_copy(update={"color": series_color(s, i)})
        for i, s in enumerate(spec.series)
    ]
    single = {"y2_series": None, "y2_label": None}
    whole = plan(spec.model_copy(update=single), width, height, dpi, style, looks)
    sides = []
    for on_right in (False, True):
        indexes = [i for i in range(len(coloured)) if (i in right_indexes) is on_right]
        side = spec.model_copy(
            update={
                **single,
                "series": [coloured[i] for i in indexes],
                "y_limits": spec.y_limits if not on_right else None,
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

    def draw(canvas: Canvas, layout: Layout) -> list[Label]:
        x = layout.x_scale or x_scale
        assert left.request.y_axis is not None
        assert right.request.y_axis is not None
        on_left = replace(layout, x_scale=x, y_scale=layout.y_scale or left.request.y_axis.scale)
        on_right = replace(layout, x_scale=x, y_scale=layout.y2_scale or right.request.y_axis.scale)
        return right.draw_data(canvas, on_right) + left.draw_data(canvas, on_left)

    # The whole chart's element places and mappers are on the left axis alone: data labels
    # and annotations are not placed on a chart with two value axes.
    return replace(whole, request=request, draw_data=draw, elements=None, mappers=None)
