"""Box plots and violins (``ChartSpec`` kinds ``boxplot`` and ``violin``), drawn as the
box-and-violin plugins QuickChart bundles draw them on a canvas (``chartjs-chart-box-and-
violin-plot`` 2.4 for Chart.js 2; ``@sgratzl/chartjs-chart-boxplot`` 4 for Chart.js 3/4).

Each series' box of a category stands where Chart.js puts that dataset's bar: the category's
``categoryPercentage`` (0.8) shared among the series, each box ``barPercentage`` (0.9) of its
share. A box: the quartiles filled, then the median line, the box's outline and the whiskers
(a cap and a stem each) in the border colour, outliers as dots of ``OUTLIER_RADIUS``. A
violin: a diamond of ``MEDIAN_DIAMOND_RADIUS`` at the median, then the density mirrored about
the box's centre, its widest point the box's width, stroked and filled. With ``means`` a dot
of ``MEAN_RADIUS`` marks the mean. Sizes are CSS pixels, as in Chart.js.

The statistics are ``chartfn.models.box_stats``'; the series' Chart.js look
(``SeriesStyle``) gives the fill (``fill_color``), the border width (``line_width``), the
outliers' colour and radius (``point_colors[0]``, ``point_radius``), the median line's
colour (``point_border_colors[0]``; None: the border's) and the mean dot's fill and outline
(``point_colors[1]``, ``point_border_colors[1]``); without them, the series' own colours.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from chartfn.drawing.matplotlib_runtime import to_rgba
from chartfn.drawing.raster.canvas import Canvas
from chartfn.drawing.raster.charts import LINE_WIDTH, Chart, flat, request_with
from chartfn.drawing.raster.layout import Axis, Label, Layout, LegendEntry, Request
from chartfn.drawing.raster.series_marks import POINTS_PER_CSS_PIXEL, point_shape
from chartfn.drawing.raster.style import RGBA
from chartfn.drawing.raster.ticks import Scale, autoscale
from chartfn.drawing.spec_renderer import series_color
from chartfn.models.box_stats import BoxSummary, Density, box_summaries, density, value_limits
from chartfn.models.chart_spec import ChartSpec
from chartfn.models.series_style import ChartStyles, SeriesStyle

__all__ = ["plan_boxes"]

CATEGORY_PERCENTAGE = 0.8
BAR_PERCENTAGE = 0.9
BORDER_WIDTH = 1.0  # CSS px: the plugins' borderWidth (a mean dot's outline)
OUTLIER_RADIUS = 2.0  # CSS px
MEAN_RADIUS = 3.0  # CSS px (Chart.js 4's plugin)
MEDIAN_DIAMOND_RADIUS = 5.0  # CSS px: the violin's median mark (pointStyle rectRot)
FILL_ALPHA = 0.35  # a spec's box fill: its colour, faded (a Chart.js config gives its own)

# Pixels along the category axis and along the value axis, for the layout's plot.
ToPixels = Callable[[np.ndarray], np.ndarray]


@dataclass(frozen=True)
class _Box:
    series: int
    centre: float  # in category units (category j spans j - 0.5 … j + 0.5)
    half_width: float  # in category units
    stats: BoxSummary
    outline: Density | None  # a violin's


def _boxes(spec: ChartSpec, summaries: list[list[BoxSummary | None]]) -> list[_Box]:
    share = CATEGORY_PERCENTAGE / len(summaries)  # each series' part of its category
    found = []
    for index, (series, row) in enumerate(zip(spec.series, summaries, strict=True)):
        for category, stats in enumerate(row):
            if stats is None:
                continue
            outline = None
            if spec.kind == "violin":
                values = series.boxes[category] if series.boxes is not None else None
                outline = density(values) if isinstance(values, list) else None
            centre = category - CATEGORY_PERCENTAGE / 2 + share * (index + 0.5)
            found.append(_Box(index, centre, share * BAR_PERCENTAGE / 2, stats, outline))
    return found


def plan_boxes(spec: ChartSpec, base: Request, styles: ChartStyles | None = None) -> Chart:
    """A boxplot or violin spec; ``styles``: its series' Chart.js look, where a config gives
    one."""
    looks = styles or ChartStyles()
    summaries = box_summaries(spec)
    boxes = _boxes(spec, summaries)
    count = max(len(series.boxes or ()) for series in spec.series)
    if spec.categories is not None:
        count = len(spec.categories)
    categories = spec.categories if spec.categories is not None else [str(i) for i in range(count)]
    low, high = value_limits(summaries)
    value = autoscale(low, high)
    if spec.y_limits is not None:
        value = Scale(float(spec.y_limits[0]), float(spec.y_limits[1]))
    borders = [to_rgba(series_color(s, i)) for i, s in enumerate(spec.series)]
    fills = [_fill(looks.of(i), border) for i, border in enumerate(borders)]
    names = [
        flat(s.name) if s.name is not None else f"series {i + 1}" for i, s in enumerate(spec.series)
    ]
    entries = [LegendEntry(n, c, "box") for n, c in zip(names, fills, strict=True)]
    labelled = tuple(flat(c) for c in categories)
    if spec.horizontal:
        # the first category at the top, as Chart.js orders a horizontal category axis
        category_axis = Axis(Scale(count - 0.5, -0.5), labelled)
        request = request_with(base, spec, entries, Axis(value), category_axis)
    else:
        category_axis = Axis(Scale(-0.5, count - 0.5), labelled)
        request = request_with(base, spec, entries, category_axis, Axis(value))

    def to_pixels(layout: Layout) -> tuple[ToPixels, ToPixels]:
        """Category units and values to pixels along their own axes."""
        x0, y0, x1, y1 = layout.plot
        if spec.horizontal:
            values, along = layout.x_scale or value, category_axis.scale
            return _linear(along, y0, y1), _linear(values, x0, x1)
        values, along = layout.y_scale or value, category_axis.scale
        return _linear(along, x0, x1), _linear(values, y0, y1)

    def draw(canvas: Canvas, layout: Layout) -> list[Label]:
        to_c, to_v = to_pixels(layout)
        for box in boxes:
            look = looks.of(box.series) or SeriesStyle()
            border = borders[box.series]
            marks = _Marks(canvas, bool(spec.horizontal), look, border, fills[box.series])
            if spec.kind == "violin":
                marks.violin(box, to_c, to_v)
            else:
                marks.box(box, to_c, to_v)
            if spec.means and box.stats.mean is not None:
                marks.mean(box, to_c, to_v)
        return []

    def mappers(layout: Layout) -> tuple[ToPixels, ToPixels]:
        to_c, to_v = to_pixels(layout)
        return (to_v, to_c) if spec.horizontal else (to_c, to_v)

    return Chart(
        request,
        draw,
        grid_x=bool(spec.horizontal),
        grid_y=not spec.horizontal,
        mappers=None if spec.horizontal else mappers,
    )


def _fill(look: SeriesStyle | None, border: RGBA) -> RGBA:
    if look is not None and look.fill_color is not None:
        return to_rgba(look.fill_color)
    return (border[0], border[1], border[2], border[3] * FILL_ALPHA)


def _linear(scale: Scale, start: float, end: float) -> ToPixels:
    def to_pixels(values: np.ndarray) -> np.ndarray:
        fraction = scale.fraction(np.asarray(values, dtype=np.float64))
        return start + np.clip(fraction, -4.0, 4.0) * (end - start)

    return to_pixels


class _Marks:
    """One series' marks on the canvas: points given as (category px, value px) pairs, turned
    to (x, y) for the chart's orientation."""

    def __init__(
        self,
        canvas: Canvas,
        horizontal: bool,
        look: SeriesStyle,
        border: RGBA,
        fill: RGBA,
    ) -> None:
        self.canvas, self.horizontal, self.border, self.fill = canvas, horizontal, border, fill
        # a spec's lines are the engine's; a Chart.js config gives its borderWidth
        self.line_pt = (
            look.line_width * POINTS_PER_CSS_PIXEL if look.line_width is not None else LINE_WIDTH
        )
        given = look.point_border_colors
        self.median = to_rgba(given[0]) if given and given[0] is not None else None
        self.outlier = to_rgba(look.point_colors[0]) if look.point_colors else border
        self.mean_face = to_rgba(look.point_colors[1]) if len(look.point_colors) > 1 else fill
        self.mean_edge = to_rgba(given[1]) if len(given) > 1 and given[1] else border
        self.outlier_radius = look.point_radius if look.point_radius is not None else OUTLIER_RADIUS

    def _xy(self, along: np.ndarray, values: np.ndarray) -> np.ndarray:
        pairs = (values, along) if self.horizontal else (along, values)
        return np.stack(pairs, axis=1)

    def _geometry(self, box: _Box, to_c: ToPixels) -> tuple[float, float]:
        """The box's centre and half width in pixels along the category axis."""
        left, centre, right = to_c(
            np.array([box.centre - box.half_width, box.centre, box.centre + box.half_width])
        )
        return float(centre), abs(float(right - left)) / 2

    def box(self, box: _Box, to_c: ToPixels, to_v: ToPixels) -> None:
        stats = box.stats
        centre, half = self._geometry(box, to_c)
        q1, median, q3, low, high = to_v(
            np.array([stats.q1, stats.median, stats.q3, stats.whisker_min, stats.whisker_max])
        )
        sides = np.array([centre - half, centre + half])
        quartiles = np.array([min(q1, q3), max(q1, q3)])
        corners = self._xy(sides[[0, 1, 1, 0, 0]], quartiles[[0, 0, 1, 1, 0]])
        self.canvas.fill_polygon(corners, self.fill)
        self._segments(self._xy(sides, np.array([median, median])), self.median or self.border)
        self.canvas.stroke(corners, self.border, self.line_pt)
        whiskers = self._xy(
            np.array([sides[0], sides[1], centre, centre, sides[0], sides[1], centre, centre]),
            np.array([low, low, low, q1, high, high, high, q3]),
        )
        self._segments(whiskers, self.border)
        if stats.outliers and self.outlier_radius > 0:
            values = to_v(np.array(stats.outliers))
            centres = self._xy(np.full(len(values), centre), values)
            radius = self.outlier_radius * POINTS_PER_CSS_PIXEL
            self.canvas.markers(centres, radius, self.outlier)

    def violin(self, box: _Box, to_c: ToPixels, to_v: ToPixels) -> None:
        centre, half = self._geometry(box, to_c)
        median = to_v(np.array([box.stats.median]))
        diamond, _ = point_shape("rectRot")
        self.canvas.marks(
            self._xy(np.array([centre]), median),
            diamond,
            MEDIAN_DIAMOND_RADIUS * POINTS_PER_CSS_PIXEL,
            self.fill,
            self.border,
            self.line_pt,
        )
        outline = box.outline
        if outline is None or len(outline.values) == 0:
            return
        peak = float(outline.estimates.max())
        if not peak > 0:
            return
        reach = outline.estimates * (half / peak)
        values = to_v(outline.values)
        along = np.concatenate([centre - reach, (centre + reach)[::-1]])
        points = self._xy(along, np.concatenate([values, values[::-1]]))
        points = np.concatenate([points, points[:1]])
        # stroked, then filled over the stroke, as the plugins draw it
        self.canvas.stroke(points, self.border, self.line_pt)
        self.canvas.fill_polygon(points, self.fill)

    def mean(self, box: _Box, to_c: ToPixels, to_v: ToPixels) -> None:
        centre, _ = self._geometry(box, to_c)
        assert box.stats.mean is not None
        circle, _ = point_shape("circle")
        self.canvas.marks(
            self._xy(np.array([centre]), to_v(np.array([box.stats.mean]))),
            circle,
            MEAN_RADIUS * POINTS_PER_CSS_PIXEL,
            self.mean_face,
            self.mean_edge,
            BORDER_WIDTH * POINTS_PER_CSS_PIXEL,
        )

    def _segments(self, points: np.ndarray, color: RGBA) -> None:
        self.canvas.stroke(points, color, self.line_pt, segments=True)
