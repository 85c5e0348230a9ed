"""A bar chart with Chart.js line datasets (a dataset's own ``type: 'line'``, ``SeriesStyle.mark``):
the bar datasets grouped in their categories as on a plain bar chart, each line through its
categories' centres on the same value axis, which covers both. Datasets are drawn in Chart.js's
order: sorted by ``order`` then index, the last drawn first, so the lowest lies on top.
Bar charts with a second y axis (``ChartSpec.y2_series``) are drawn here too: each series
against its own axis, the bars of both axes sharing their category's slots."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace

import numpy as np

from chartfn.drawing.matplotlib_runtime import to_rgba
from chartfn.drawing.raster.canvas import Canvas
from chartfn.drawing.raster.category_bar_edges import sized_bar_groups
from chartfn.drawing.raster.charts import (
    LINE_WIDTH,
    BarBoxes,
    Chart,
    _faded,
    _point_colors,
    bar_boxes,
    fill_bars,
    flat,
    request_with,
    value_scale,
)
from chartfn.drawing.raster.layout import Axis, Label, Layout, LegendEntry, Request
from chartfn.drawing.raster.plot_mapping import Element, data_mappers, upright_bars
from chartfn.drawing.raster.series_marks import draw_line, draw_points
from chartfn.drawing.raster.style import RGBA
from chartfn.drawing.raster.ticks import Scale
from chartfn.drawing.spec_renderer import series_values
from chartfn.models.chart_spec import ChartSpec
from chartfn.models.series_style import ChartStyles, SeriesStyle


def has_lines(styles: ChartStyles) -> bool:
    return any(look is not None and look.mark == "line" for look in styles.series)


def plan_mixed_bars(
    spec: ChartSpec, base: Request, colors: list[RGBA], names: list[str], styles: ChartStyles
) -> Chart:
    count = len(spec.series[0].y)
    looks = [styles.of(i) or SeriesStyle() for i in range(len(spec.series))]
    lines = {i for i, look in enumerate(looks) if look.mark == "line"}
    right = set(spec.y2_series or ())
    bar_indexes = [i for i in range(len(spec.series)) if i not in lines]
    boxes = _bar_boxes(spec, bar_indexes, right, styles.bar_share)
    centres = np.arange(count, dtype=np.float64)
    values = {i: series_values(spec.series[i].y) for i in lines}
    scales = [_side_scale(spec, boxes, values, on_right) for on_right in (False, True)]
    y_scale, y2_scale = scales
    assert y_scale is not None
    categories = spec.categories if spec.categories is not None else [str(i) for i in range(count)]
    if styles.category_offset or count < 2:
        x_scale = Scale(-0.5, count - 0.5)
        x_axis = Axis(x_scale, tuple(flat(c) for c in categories))
    else:
        # no offset: categories on the plot's edges and between, labelled by the config's
        # category provider as a line chart's are; bars centred on them, cut at the edges
        x_scale = Scale(0.0, count - 1.0)
        x_axis = Axis(x_scale)
    entries = [LegendEntry(n, c, "box") for n, c in zip(names, colors, strict=True)]
    request = request_with(base, spec, entries, x_axis, Axis(y_scale))
    if y2_scale is not None:
        request = replace(request, y2_axis=Axis(y2_scale), y2_label=flat(spec.y2_label or ""))
    # Chart.js sorts by (order, index) and draws that list from its end
    drawing_order = sorted(range(len(spec.series)), key=lambda i: (looks[i].order, i))[::-1]

    def mappers_of(index: int, layout: Layout) -> tuple[Callable[..., np.ndarray], ...]:
        """Data to pixels for series ``index``, on its own value axis."""
        if index in right and y2_scale is not None:
            return data_mappers(x_scale, y2_scale, replace(layout, y_scale=layout.y2_scale))
        return data_mappers(x_scale, y_scale, layout)

    def low_end(index: int, layout: Layout) -> float:
        """The series' value axis' low end, where bars start on a log axis."""
        if index in right and y2_scale is not None:
            return (layout.y2_scale or y2_scale).low
        return (layout.y_scale or y_scale).low

    def sized(layout: Layout) -> dict[int, tuple[np.ndarray, ...]]:
        slots = count if styles.category_offset or count < 2 else count - 1
        across = abs(layout.plot[2] - layout.plot[0]) / slots
        return sized_bar_groups(boxes, styles.category_bars, spec.stacked, across, base.dpi)

    def draw(canvas: Canvas, layout: Layout) -> list[Label]:
        placed = sized(layout)
        for index in drawing_order:
            to_x, to_y = mappers_of(index, layout)
            if index in lines:
                zero = float(to_y(np.zeros(1))[0])
                px, py = to_x(centres), to_y(values[index])
                _line(canvas, layout, px, py, zero, looks[index], colors[index])
                continue
            left, right_edge, bottom, top = placed[index]
            if _on_log(spec, index, right):
                bottom = np.where(bottom > 0, bottom, low_end(index, layout) * 1e-3)
            rects = np.stack([to_x(left), to_y(bottom), to_x(right_edge), to_y(top)], axis=1)
            drawn = np.all(np.isfinite(rects), axis=1)
            fill_bars(
                canvas, rects, drawn, styles.of(index), colors[index], horizontal=False,
                dpi=base.dpi,
            )  # fmt: skip
        return []

    def elements(layout: Layout) -> list[list[Element | None]]:
        _, y0, _, y1 = layout.plot
        found: list[list[Element | None]] = []
        placed = sized(layout)
        for index in range(len(spec.series)):
            to_x, to_y = mappers_of(index, layout)
            if index in lines:
                floor = 1.0 if _on_log(spec, index, right) else 0.0
                base_y = float(np.clip(to_y(np.array([floor]))[0], y0, y1))
                row: list[Element | None] = []
                for px, py in zip(to_x(centres), to_y(values[index]), strict=True):
                    if not (math.isfinite(px) and math.isfinite(py)):
                        row.append(None)
                        continue
                    up = 1.0 if py >= base_y else -1.0
                    row.append(Element((px, py), (px, py), (px, py), (0.0, up)))
                found.append(row)
                continue
            left, right_edge, bottom, top = placed[index]
            found.append(upright_bars(to_x((left + right_edge) / 2), to_y(bottom), to_y(top)))
        return found

    return Chart(
        request,
        draw,
        grid_x=False,
        elements=elements,
        mappers=lambda layout: data_mappers(x_scale, y_scale, layout),
        y2_mapper=None
        if y2_scale is None
        else lambda layout: data_mappers(
            x_scale, y2_scale, replace(layout, y_scale=layout.y2_scale)
        )[1],
    )


def _on_log(spec: ChartSpec, index: int, right: set[int]) -> bool:
    return bool(spec.y2_log if index in right else spec.y_log)


def _bar_boxes(
    spec: ChartSpec, bar_indexes: list[int], right: set[int], share: float
) -> dict[int, tuple[np.ndarray, ...]]:
    """Each bar series' boxes. Bars share their category among the bar datasets only, as
    Chart.js's bar controller does, whichever value axis they are on (side by side, or in
    one slot when stacked); stacked, they stack with the bars of their own value axis."""
    if not bar_indexes:
        return {}
    if not spec.stacked:
        grouped = spec.model_copy(update={"series": [spec.series[i] for i in bar_indexes]})
        return dict(zip(bar_indexes, bar_boxes(grouped, share), strict=True))
    boxes: dict[int, tuple[np.ndarray, ...]] = {}
    for on_right in (False, True):
        side = [i for i in bar_indexes if (i in right) is on_right]
        if side:
            stacked = spec.model_copy(update={"series": [spec.series[i] for i in side]})
            boxes.update(zip(side, bar_boxes(stacked, share), strict=True))
    return boxes


def _side_scale(
    spec: ChartSpec,
    boxes: dict[int, tuple[np.ndarray, ...]],
    values: dict[int, np.ndarray],
    on_right: bool,
) -> Scale | None:
    """One value axis, covering its bars and its lines (None: no series on that side)."""
    right = set(spec.y2_series or ())
    bars = [b for i, b in sorted(boxes.items()) if (i in right) is on_right]
    lines = [v for i, v in sorted(values.items()) if (i in right) is on_right]
    if not bars and not lines:
        return None
    count = len(spec.series[0].y)
    centres = np.arange(count, dtype=np.float64)
    # a line's values as zero-width boxes: the value axis then covers bars and lines alike
    covered: BarBoxes = [(b[0], b[1], b[2], b[3]) for b in bars] + [
        (centres, centres, v, v) for v in lines
    ]
    if not on_right:
        return value_scale(spec, covered)
    return value_scale(
        spec.model_copy(update={"y_log": bool(spec.y2_log), "y_limits": None}), covered
    )


def _line(
    canvas: Canvas,
    layout: Layout,
    px: np.ndarray,
    py: np.ndarray,
    zero: float,
    look: SeriesStyle,
    color: RGBA,
) -> None:
    """One line dataset as a line chart draws it (``charts._styled``): its area down to
    ``zero`` (the value 0's pixel) or an axis end, its line, then its points."""
    _, y0, _, y1 = layout.plot
    fill_color = to_rgba(look.fill_color) if look.fill_color else _faded(color, 0.5)
    if look.show_line or look.fill is not None:
        # Chart.js's fill targets: the value 0 (kept within the axis), the axis' bottom, its top
        bases = {"start": y0, "end": y1, "origin": float(np.clip(zero, y0, y1))}
        base = bases.get(look.fill) if look.fill is not None else None
        draw_line(canvas, px, py, look, color, fill_color, base, layout.plot, LINE_WIDTH)
    if look.point_radius is None:
        return
    count = len(px)
    faces = _point_colors(look.point_colors, fill_color, count)
    edges = _point_colors(look.point_border_colors, color, count)
    radii = np.asarray(look.point_radii[:count]) if look.point_radii else None
    if radii is None:
        radii = np.full(count, look.point_radius)
    draw_points(canvas, px, py, radii, look, faces, edges)
