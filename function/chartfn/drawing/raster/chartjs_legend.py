"""Legend entries as Chart.js 2.9.4 and 4 draw them, built in one pass from each series'
style (``generateLabels`` takes the dataset's style; ``drawLegendBox`` fills, then strokes the
rect):

- a bar dataset's box filled with its ``backgroundColor`` (a gradient or pattern too) and
  outlined inside in its ``borderColor`` at its ``borderWidth`` (for arrays, the first);
- a line, scatter, bubble or radar dataset's box (``boxWidth`` by the font size) filled with
  its ``backgroundColor`` and stroked on its edge in its ``borderColor`` at its
  ``borderWidth`` and ``borderDash``. Only ``usePointStyle`` gives a point there; the
  engine's short line is for spec charts.

Chart.js 2.9.4's ``getStyle`` gives a dataset with ``fill: false`` its border colour as
background, so a v2 line that is not filled shows a solid box; Chart.js 3/4 keep the
background. A bubble dataset has no line: its first point's colours and border width.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from chartfn.drawing.matplotlib_runtime import Path, to_rgba
from chartfn.drawing.raster.canvas import Canvas, Rect
from chartfn.drawing.raster.layout import LegendEntry
from chartfn.drawing.raster.paint_fill import paint_of
from chartfn.drawing.raster.style import RGBA
from chartfn.models.chart_spec import ChartSpec
from chartfn.models.fill_pattern import Paint
from chartfn.models.overlays import ChartLook
from chartfn.models.series_style import ChartStyles, SeriesStyle

__all__ = ["chartjs_legend", "stroke_box_edge"]

POINTS_PER_CSS_PIXEL = 0.72
_CSS_PER_DPI = 1 / 100.0  # frame pixels per CSS pixel at 1 dpi
# the area under a line whose dataset names no backgroundColor (charts._styled's choice)
_DEFAULT_AREA_ALPHA = 0.5
_RADAR_BORDER_WIDTH = 3.0  # CSS px: Chart.js's line element borderWidth (radial.LINE_WIDTH)


def chartjs_legend(
    entries: Sequence[LegendEntry],
    spec: ChartSpec,
    styles: ChartStyles | None,
    dpi: float,
    look: ChartLook | None,
) -> tuple[LegendEntry, ...]:
    """``entries`` (one per series, or per slice for round charts) as Chart.js shows them:
    a bar chart's boxes painted and outlined as their bars; with a config's ``look``, a
    radar's boxes, line and point datasets' boxes, or every entry as its dataset's point
    style where ``usePointStyle`` asks."""
    found = styles or ChartStyles()
    entries = list(entries)
    if spec.kind == "bar":
        entries = [
            _bar_box(entry, found.of(index), dpi) if entry.swatch == "box" else entry
            for index, entry in enumerate(entries)
        ]
    if look is None:
        return tuple(entries)
    version = look.chartjs_version
    if spec.kind == "radar":
        paints = [paint_of(found.of(index)) for index in range(len(spec.series))]
        series_styles = [found.of(index) for index in range(len(spec.series))]
        areas = [style.fill_color if style else None for style in series_styles]
        entries = _radar_boxes(entries, spec.fill, version, paints, areas)
    if look.legend_point_style:
        return tuple(
            replace(entry, swatch="marker", point_style=_point_style(found.of(index)))
            for index, entry in enumerate(entries)
        )
    return tuple(
        _box(entry, found.of(index), version) if entry.swatch in ("line", "marker") else entry
        for index, entry in enumerate(entries)
    )


def _bar_box(entry: LegendEntry, style: SeriesStyle | None, dpi: float) -> LegendEntry:
    """A bar dataset's box: in its gradient or pattern, outlined as its bars are."""
    entry = replace(entry, paint=paint_of(style))
    if style is None or not style.bar_border_widths or not style.bar_border_widths[0]:
        return entry
    given = style.bar_border_colors[0] if style.bar_border_colors else None
    edge = entry.color if given is None else to_rgba(given)
    width = style.bar_border_widths[0] * dpi * _CSS_PER_DPI
    return replace(entry, edge=edge, edge_width=width)


def _point_style(style: SeriesStyle | None) -> str:
    return "circle" if style is None else style.point_style


def _box(entry: LegendEntry, style: SeriesStyle | None, version: int) -> LegendEntry:
    if style is None:
        return replace(entry, swatch="box")
    border = entry.color
    if style.line_width is None:  # a bubble: its first point's look
        fill = _first(style.point_colors) or entry.color
        border = _first(style.point_border_colors) or entry.color
        width = style.point_border_width
    else:
        # a scatter's own colour is its background: its borderColor strokes the box
        border = _first((style.border_color,)) or entry.color
        width = style.line_width
        if version < 3 and style.show_line and style.fill is None:
            fill = border  # 2.9.4's getStyle: fill false shows the border colour
        elif style.fill_color is not None:
            fill = to_rgba(style.fill_color)
        elif entry.swatch == "marker":
            fill = _first(style.point_colors) or entry.color
        else:
            fill = (*entry.color[:3], entry.color[3] * _DEFAULT_AREA_ALPHA)
    return replace(
        entry,
        color=fill,
        swatch="box",
        edge=border,
        edge_width=0.0,
        edge_points=width * POINTS_PER_CSS_PIXEL,
        edge_dashes=_dashes(style.dash),
    )


def _radar_boxes(
    entries: Sequence[LegendEntry],
    fill: bool | list[bool] | None,
    version: int,
    paints: Sequence[Paint | None] = (),
    areas: Sequence[str | None] = (),
) -> list[LegendEntry]:
    """A radar's entries (boxes in the datasets' border colours) as Chart.js's boxes: filled
    with the area's colour (its ``backgroundColor`` in ``areas``, else the border's at half
    opacity, as the radar's area is drawn; its gradient or pattern where ``paints`` has one),
    or with the border colour where Chart.js 2.9.4 has ``fill: false``; stroked 3 CSS px wide
    (the radar line's borderWidth)."""
    filled = fill if isinstance(fill, list) else [fill is not False] * len(entries)
    boxes = []
    for index, (entry, area) in enumerate(zip(entries, filled, strict=False)):
        border = entry.color
        solid = version < 3 and not area
        own = areas[index] if index < len(areas) else None
        if solid:
            background = border
        elif own is not None:
            background = to_rgba(own)
        else:
            background = (*border[:3], border[3] * _DEFAULT_AREA_ALPHA)
        paint = paints[index] if index < len(paints) and not solid else None
        boxes.append(
            replace(
                entry,
                color=background,
                paint=paint,
                edge=border,
                edge_width=0.0,
                edge_points=_RADAR_BORDER_WIDTH * POINTS_PER_CSS_PIXEL,
            )
        )
    return boxes + list(entries[len(boxes) :])


def _first(colors: tuple[str | None, ...]) -> RGBA | None:
    return to_rgba(colors[0]) if colors and colors[0] is not None else None


def _dashes(dash: Sequence[float]) -> tuple[float, ...]:
    """A dash list in points; odd lists repeat, as ``setLineDash`` repeats them."""
    if not dash or not any(d > 0 for d in dash):
        return ()
    pattern = list(dash) * (2 if len(dash) % 2 else 1)
    return tuple(max(d, 0.0) * POINTS_PER_CSS_PIXEL for d in pattern)


def stroke_box_edge(canvas: Canvas, rect: Rect, entry: LegendEntry) -> None:
    """The box's outline stroked on its edge (half outside it), as ``strokeRect`` does."""
    if entry.edge is None or entry.edge_points <= 0 or entry.edge[3] <= 0:
        return
    x0, y0, x1, y1 = rect
    outline = Path(
        np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]),
        [Path.MOVETO, Path.LINETO, Path.LINETO, Path.LINETO, Path.CLOSEPOLY],
    )
    # miter joins and butt caps: Chart.js's legend defaults (lineJoin, lineCap)
    canvas.stroke_path(outline, entry.edge, entry.edge_points, dashes=entry.edge_dashes or None)
