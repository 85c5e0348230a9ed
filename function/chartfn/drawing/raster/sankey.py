"""``sankey``: nodes and flows drawn as chartjs-chart-sankey 0.12 draws them on Chart.js 3/4.

The chart area (Chart.js's, inside the plugin's padding of 3 CSS px, 13 on the right) maps
the layout's columns along x (0 … the last column) and its flow units down y (0 at the top …
the tallest column with its padding). In the plugin's order: the nodes (``nodeWidth`` wide
from their column's x, as high as their larger or smaller flow; the border stroked, then the
fill over it, in the colour of the last flow that touches them), then each flow as a band
between its nodes' sides (two cubic Béziers with control points at a third and two thirds of
the way, filled and outlined 0.5 CSS px in its colours at alpha 0.5: a gradient from
``colorFrom`` to ``colorTo`` along x, or one of them), then each node's label beside it (on its
right in the left half of the chart, else on its left), centred on it. SVG and PDF draw each
gradient band as images of it clipped to the band (``paint_fill``), in its first colour past
the bound on such images (``prepare`` warns of a chart that could reach it).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

from chartfn.drawing.matplotlib_runtime import Path
from chartfn.drawing.raster.canvas import Canvas
from chartfn.drawing.raster.gradient_bands import GradientBand, draw_gradient_bands
from chartfn.drawing.raster.layout import Label, Layout, Look, Request
from chartfn.drawing.raster.paint_fill import fill_path_with_paint, stroke_path_with_paint
from chartfn.drawing.raster.radial import CSS_PX_IN_POINTS, css_px, text_at
from chartfn.drawing.raster.style import RGBA
from chartfn.models.chart_spec import ChartSpec
from chartfn.models.fill_gradient import GradientStop, LinearGradient
from chartfn.models.sankey_layout import NodeSize, SankeyLayout, SankeyNode, lay_out
from chartfn.models.sankey_look import SANKEY_PADDING, SankeyLook

if TYPE_CHECKING:
    from chartfn.drawing.raster.charts import Chart

__all__ = ["plan_sankey"]

FLOW_ALPHA = 0.5  # the plugin paints flows in their colours at alpha 0.5
FLOW_OUTLINE_PX = 0.5  # and outlines them 0.5 CSS px wide
LABEL_GAP_PX = 4.0  # CSS px between a node (and its border) and its label
_CODES = np.array(
    # along the top to the target, down its side, back along the bottom, up the source's side
    [Path.MOVETO, *[Path.CURVE4] * 3, Path.LINETO, *[Path.CURVE4] * 3, Path.CLOSEPOLY],
    dtype=Path.code_type,
)


def plan_sankey(spec: ChartSpec, base: Request, look: SankeyLook | None) -> Chart:
    from chartfn.drawing.raster.charts import Chart

    look = look or SankeyLook()
    sankey = spec.sankey
    assert sankey is not None  # the spec's rules require it for this kind
    amounts = [float(v or 0.0) for v in spec.series[0].y or ()]
    flows = [(a, b, amount) for (a, b), amount in zip(sankey.pairs, amounts, strict=True)]
    placed = lay_out(flows, columns=sankey.columns, priority=sankey.priority, size=sankey.node_size)
    labels = sankey.labels or {}
    dpi = base.dpi
    # the spec route's look; a Chart.js config's (its title, its layout.padding) replaces it
    left, top, right, bottom = (css_px(side, dpi) for side in SANKEY_PADDING)
    padding = (left, top, right, bottom)
    request = replace(base, x_label="", y_label="", look=Look(axes=False, padding=padding))
    colors = _node_colors(sankey.pairs, look)

    def draw(canvas: Canvas, layout: Layout) -> list[Label]:
        geometry = _Geometry(layout, placed, base.height, dpi, sankey.node_size)
        node_width = css_px(look.node_width, dpi)
        border = css_px(look.border_width, dpi)
        _draw_nodes(canvas, placed, geometry, look, colors, node_width, border)
        _draw_flows(canvas, placed, geometry, look, node_width, border)
        return _draw_labels(canvas, placed, geometry, look, labels, node_width, border, base)

    return Chart(request, draw, grid_x=False, grid_y=False)


class _Geometry:
    """The layout's columns and flow units in frame pixels, y downwards from the canvas' top
    (as the plugin computes them), and back to the engine's y upwards."""

    def __init__(
        self, layout: Layout, placed: SankeyLayout, height: float, dpi: float, size_rule: NodeSize
    ) -> None:
        x0, y0, x1, y1 = layout.plot
        self.size_rule = size_rule
        self.left, self.right = x0, x1
        self.top, self.bottom = height - y1, height - y0
        self.height = height
        self.dpi = dpi
        # Chart.js's linear scale widens an empty range to 0 … 1
        self.max_x = placed.max_x or 1.0
        self.max_y = placed.max_y or 1.0

    def x(self, column: float) -> float:
        return self.left + column / self.max_x * (self.right - self.left)

    def y(self, units: float) -> float:
        return self.top + units / self.max_y * (self.bottom - self.top)

    def up(self, y: float) -> float:
        return self.height - y


def _node_colors(pairs: list[tuple[str, str]], look: SankeyLook) -> dict[str, RGBA]:
    """Each node in the colour the plugin leaves it: flow by flow, the source takes the
    flow's ``colorFrom`` and the target its ``colorTo``, so the last flow wins."""
    colors: dict[str, RGBA] = {}
    for index, (source, target) in enumerate(pairs):
        colors[source], colors[target] = look.colors_of(index)
    return colors


def _node_box(
    node: SankeyNode, geometry: _Geometry, node_width: float
) -> tuple[float, float, float, float]:
    """x, y (top, downwards), width and height in frame pixels, as ``_drawNodes`` has them."""
    x = geometry.x(float(node.x or 0.0))
    y = geometry.y(float(node.y or 0.0))
    bottom = geometry.y(float(node.y or 0.0) + node.size(geometry.size_rule))
    return x, y, node_width, abs(bottom - y)


def _draw_nodes(
    canvas: Canvas,
    placed: SankeyLayout,
    geometry: _Geometry,
    look: SankeyLook,
    colors: dict[str, RGBA],
    node_width: float,
    border: float,
) -> None:
    border_points = look.border_width * CSS_PX_IN_POINTS
    for node in placed.nodes:
        x, y, w, h = _node_box(node, geometry, node_width)
        top, bottom = geometry.up(y), geometry.up(y + h)
        corners = np.array([[x, bottom], [x + w, bottom], [x + w, top], [x, top], [x, bottom]])
        if border > 0:  # stroked first: the fill covers the inner half of the border
            canvas.stroke_path(Path(corners, closed=True), look.border_color, border_points)
        color = colors.get(node.key, look.default_colors[0])
        canvas.fill_rects(np.array([[x, bottom, x + w, top]]), color, snap=False)


def _band(
    x: float, y: float, x2: float, y2: float, height: float, geometry: _Geometry
) -> np.ndarray:
    """The flow's outline (y downwards): the plugin's ``Flow.draw`` path."""
    if x < x2:
        cp1 = (x + (x2 - x) / 3 * 2, y)
        cp2 = (x + (x2 - x) / 3, y2)
        cp1_low, cp2_low = (cp1[0], cp1[1] + height), (cp2[0], cp2[1] + height)
    else:  # a flow backwards: the plugin bends it through the canvas' top
        cp1 = (x - (x - x2) / 3, 0.0)
        cp2 = (x2 + (x - x2) / 3, 0.0)
        cp1_low, cp2_low = (cp1[0], height), (cp2[0], height)
    points = [
        (x, y), cp1, cp2, (x2, y2), (x2, y2 + height), cp2_low, cp1_low, (x, y + height), (x, y),
    ]  # fmt: skip
    return np.array([(px, geometry.up(py)) for px, py in points])


def _draw_flows(
    canvas: Canvas,
    placed: SankeyLayout,
    geometry: _Geometry,
    look: SankeyLook,
    node_width: float,
    border: float,
) -> None:
    inset = border / 2 + css_px(0.5, geometry.dpi)  # the plugin's borderWidth / 2 + 0.5
    outline = FLOW_OUTLINE_PX * CSS_PX_IN_POINTS
    bands: list[GradientBand] = []
    solid: list[tuple[Path, RGBA]] = []
    for index, flow in enumerate(placed.flows):
        if not (np.isfinite(flow.y) and np.isfinite(flow.y2)):
            continue  # the plugin has no place for it either (sankey_layout.FlowPlace)
        x = geometry.x(flow.x) + node_width + inset
        x2 = geometry.x(flow.x2) - inset
        y, y2 = geometry.y(flow.y), geometry.y(flow.y2)
        height = abs(geometry.y(flow.y + flow.height) - y)
        path = Path(_band(x, y, x2, y2, height, geometry), _CODES)
        color_from, color_to = (_half(c) for c in look.colors_of(index))
        if look.color_mode == "gradient":
            bands.append(GradientBand(path, x, x2, color_from, color_to, outline))
        else:
            solid.append((path, color_from if look.color_mode == "from" else color_to))
    if bands and not draw_gradient_bands(canvas, bands):
        _draw_vector_bands(canvas, bands, geometry.dpi)
    for path, color in solid:
        canvas.stroke_path(path, color, outline)
        canvas.fill_path(path, color)


def _draw_vector_bands(canvas: Canvas, bands: list[GradientBand], dpi: float) -> None:
    """SVG and PDF: each band's outline and fill as images of its gradient clipped to it
    (``paint_fill``), in the first colour past the vector images' bound."""
    css = css_px(1.0, dpi)  # frame pixels per CSS pixel; a gradient lies in CSS pixels
    for band in bands:
        stops = (GradientStop(0.0, _hex(band.start)), GradientStop(1.0, _hex(band.end)))
        gradient = LinearGradient(stops, (band.x0 / css, 0.0, band.x1 / css, 0.0))
        if not stroke_path_with_paint(canvas, band.path, band.stroke_width, None, gradient):
            canvas.stroke_path(band.path, band.start, band.stroke_width)
        if not fill_path_with_paint(canvas, band.path, gradient):
            canvas.fill_path(band.path, band.start)


def _hex(color: RGBA) -> str:
    return "#" + "".join(f"{round(channel * 255):02x}" for channel in color)


def _half(color: RGBA) -> RGBA:
    return (color[0], color[1], color[2], FLOW_ALPHA)


def _draw_labels(
    canvas: Canvas,
    placed: SankeyLayout,
    geometry: _Geometry,
    look: SankeyLook,
    labels: dict[str, str],
    node_width: float,
    border: float,
    base: Request,
) -> list[Label]:
    dpi = base.dpi
    font = base.style.font(look.font_px * CSS_PX_IN_POINTS, "bold" if look.font_bold else "normal")
    line = css_px(look.font_px * look.line_height, dpi)
    padding = line / 2 if look.label_padding is None else css_px(look.label_padding, dpi)
    gap = css_px(LABEL_GAP_PX, dpi)
    drawn: list[Label] = []
    for node in placed.nodes:
        x, y, _, h = _node_box(node, geometry, node_width)
        lines = (labels.get(node.key) or node.key).split("\n")
        # the plugin compares the node's x with half the chart area's width (not its middle)
        on_right = x < (geometry.right - geometry.left) / 2
        text_x = x + node_width + border + gap if on_right else x - border - gap
        middle = y + h / 2
        if len(lines) == 1:
            tops = [middle]
        else:
            first = middle - line * len(lines) / 2 + padding
            tops = [first + i * line for i in range(len(lines))]
        for text, line_y in zip(lines, tops, strict=True):
            label = text_at(
                canvas,
                text,
                text_x,
                geometry.up(line_y),
                font,
                look.label_color,
                dpi,
                left=on_right,
            )
            if label is not None:
                drawn.append(label)
    return drawn
