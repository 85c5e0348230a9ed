"""A doughnut's rings placed in the plot, as Chart.js's doughnut controller places them (2.9.4
and 4 alike): the whole ring as large as the chart area allows (the part of the circle drawn
fills it: ``getRatioAndOffset``), the hole ``cutout`` of its radius (or ``cutout_px`` CSS
pixels over Chart.js 4's ``maxSize``), and the width between them split among the datasets
by their ``weight`` (default 1), the first dataset outermost. An outlabeledPie shrinks every
ring by its zoom-out share, as the plugin's controller does after the doughnut's update.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from chartfn.drawing.spec_renderer import series_values
from chartfn.models.chart_spec import MAX_CUTOUT, ChartSpec
from chartfn.models.round_look import RoundLook

if TYPE_CHECKING:
    from chartfn.drawing.raster.charts import Element

__all__ = ["DEFAULT_CUTOUT", "SLICE_BORDER_CSS", "Ring", "arc_bounds", "arc_element", "place_rings"]

DEFAULT_CUTOUT = 0.5  # Chart.js's doughnut: cutoutPercentage 50 / cutout '50%'
SLICE_BORDER_CSS = 2.0  # CSS px of white between slices (Chart.js's arc borderWidth 2, #fff)


@dataclass(frozen=True)
class Ring:
    """One dataset's ring: centre, outer and inner radius, and its slices' edges (degrees
    counter-clockwise, the first slice's start first)."""

    values: np.ndarray
    ends: np.ndarray
    cx: float
    cy: float
    outer: float
    inner: float
    #: Chart.js 3/4's arc geometry in pixels: per slice its offset, and the spacing
    #: between arcs (``drawing.raster.arc_shapes`` draws them; none: the plain ring).
    offsets: tuple[float, ...] = ()
    spacing: float = 0.0

    def middle(self, index: int) -> float:
        """The middle angle of slice ``index``, radians counter-clockwise."""
        return math.radians((float(self.ends[index]) + float(self.ends[index + 1])) / 2)

    def elements(self) -> list[Element | None]:
        return [
            arc_element(self.cx, self.cy, self.middle(i), self.inner, self.outer)
            for i in range(len(self.values))
        ]


def place_rings(
    spec: ChartSpec,
    plot: tuple[float, float, float, float],
    dpi: float,
    look: RoundLook | None = None,
    zoom_out: float = 0.0,
) -> list[Ring]:
    """The rings of a doughnut ``spec`` (one per series) in the ``plot`` rectangle."""
    look = look or RoundLook()
    sweep = spec.circumference if spec.circumference is not None else 360.0
    start = 90.0 - (spec.rotation or 0.0)
    x0, y0, x1, y1 = plot
    border = SLICE_BORDER_CSS * dpi / 100.0
    cutout = spec.cutout if spec.cutout is not None else DEFAULT_CUTOUT
    if spec.cutout_px is not None:
        # Chart.js 4's toPercentage(cutout, maxSize): pixels over half the area's short side
        max_size = max((min(x1 - x0, y1 - y0) - border) / 2, 0.0)
        pixels = spec.cutout_px * dpi / 100.0
        cutout = min(pixels / max_size, MAX_CUTOUT) if max_size > 0 else 0.0
    edges = [_slice_ends(series.y, sweep, start) for series in spec.series]
    # the first ring's last edge, not start - sweep: the same float as before rings were drawn
    left, bottom, right, top = arc_bounds(float(edges[0][1][-1]), float(edges[0][1][0]), cutout)
    radius = (min((x1 - x0) / (right - left), (y1 - y0) / (top - bottom)) * 2 - border) / 2
    css = dpi / 100.0
    if look.spacing or look.ring_offsets or _sized(look):
        # Chart.js 3/4: spacing, the largest offset and the border come off the area first
        taken = border + (look.spacing + _largest(look.ring_offsets)) * css
        if spec.cutout_px is not None:
            max_size = max((min(x1 - x0, y1 - y0) - taken) / 2, 0.0)
            cutout = min(spec.cutout_px * css / max_size, MAX_CUTOUT) if max_size > 0 else 0.0
            left, bottom, right, top = arc_bounds(
                float(edges[0][1][-1]), float(edges[0][1][0]), cutout
            )
        ratio_x, ratio_y = (right - left) / 2, (top - bottom) / 2
        radius = max(min((x1 - x0 - taken) / ratio_x, (y1 - y0 - taken) / ratio_y) / 2, 0.0)
        if look.radius_share is not None:
            radius *= look.radius_share
        elif look.radius_px is not None:
            radius = look.radius_px * css
    radius = max(1.0, radius)
    cx = (x0 + x1) / 2 - (left + right) / 2 * radius
    cy = (y0 + y1) / 2 - (bottom + top) / 2 * radius
    weights = [max(look.weight_of(i), 0.0) for i in range(len(spec.series))]
    total = sum(weights) or 1.0
    width = (radius - radius * cutout) / total
    shrink = 1.0 - zoom_out
    rings: list[Ring] = []
    offset = 0.0
    for index, (values, ends) in enumerate(edges):
        outer = radius - width * offset
        offset += weights[index]
        # the innermost ring ends at the hole itself (the same float as a lone ring's)
        inner = radius * cutout if offset >= total else max(outer - width * weights[index], 0.0)
        offsets = tuple(o * css for o in look.offsets_of(index))
        rings.append(
            Ring(values, ends, cx, cy, outer * shrink, inner * shrink, offsets, look.spacing * css)
        )
    return rings


def _sized(look: RoundLook) -> bool:
    return look.radius_share is not None or look.radius_px is not None


def _largest(offsets: tuple[tuple[float, ...], ...]) -> float:
    return max((max(ring, default=0.0) for ring in offsets), default=0.0)


def _slice_ends(y: list[float | None], sweep: float, start: float) -> tuple[np.ndarray, np.ndarray]:
    values = np.nan_to_num(series_values(y), nan=0.0)
    spans = np.cumsum(sweep * values / float(values.sum()))
    return values, start - np.concatenate(([0.0], spans))


def arc_element(cx: float, cy: float, angle: float, inner: float, outer: float) -> Element:
    """A slice as the datalabels plugin sees an arc: from its inner to its outer radius along
    its middle ``angle`` (radians, counter-clockwise), pointing outwards."""
    from chartfn.drawing.raster.charts import Element

    cos, sin = math.cos(angle), math.sin(angle)
    start = (cx + inner * cos, cy + inner * sin)
    end = (cx + outer * cos, cy + outer * sin)
    centre = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
    return Element(start, centre, end, (cos, sin))


def arc_bounds(start: float, end: float, cutout: float) -> tuple[float, float, float, float]:
    """The box (left, bottom, right, top) of a unit circle's ring from ``start`` to ``end``
    degrees counter-clockwise with a hole of ``cutout``, as Chart.js's getRatioAndOffset."""
    if end - start >= 360:
        return (-1.0, -1.0, 1.0, 1.0)
    corners = [
        (scale * math.cos(math.radians(angle)), scale * math.sin(math.radians(angle)))
        for angle in (start, end)
        for scale in (1.0, cutout)
    ]
    xs, ys = [x for x, _ in corners], [y for _, y in corners]

    def within(angle: float) -> bool:
        return (angle - start) % 360 <= end - start

    return (
        -1.0 if within(180) else min(xs),
        -1.0 if within(270) else min(ys),
        1.0 if within(0) else max(xs),
        1.0 if within(90) else max(ys),
    )
