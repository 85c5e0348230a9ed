"""A doughnut's or pie's slice as Chart.js 3/4's ArcElement draws it when the config gives
arcs a ``spacing`` or an ``offset`` (4.6's ``pathArc``, its default 'angular' spacing):

- the arc moves a quarter of its ``offset`` out along its middle angle, and its radii grow by
  that quarter times ``1 − sin(min(π, sweep))``; the sweep loses ``offset / π`` px of arc;
- ``spacing`` moves both radii out by half of it and trims each end by
  ``asin(spacing / 2 / r)``, ``r`` the ring's middle radius without the spacing (at most half
  the sweep), so that neighbours stand that far apart.

Angles are degrees counter-clockwise (y up), as ``rings.Ring`` holds them.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from chartfn.drawing.raster.rings import Ring

__all__ = ["arc_polygon"]

# (start, end degrees, outer, inner radius, cx, cy) -> a closed ring segment
SegmentMaker = Callable[[float, float, float, float, float, float], np.ndarray]


def arc_polygon(ring: Ring, index: int, segment: SegmentMaker) -> np.ndarray:
    """Slice ``index`` of ``ring`` as a closed polygon, made by ``segment`` (the plain ring's
    segment maker, ``radial.ring_polygon``)."""
    start, end = float(ring.ends[index + 1]), float(ring.ends[index])
    offsets = ring.offsets
    offset = (offsets[index % len(offsets)] if offsets else 0.0) / 4
    half = ring.spacing / 2
    sweep = math.radians(end - start)
    radius_offset = offset * (1 - math.sin(min(math.pi, sweep)))
    outer = max(ring.outer + half + radius_offset, 0.0)
    inner = ring.inner + half + radius_offset if ring.inner > 0 else 0.0
    beta = max(0.001, sweep * outer - radius_offset / math.pi) / outer if outer > 0 else 0.001
    trim = (sweep - beta) / 2
    if half:
        bare_inner = ring.inner - half if ring.inner > 0 else 0.0
        bare_outer = outer - half if outer > 0 else 0.0
        middle = (bare_inner + bare_outer) / 2
        angular = math.asin(min(1.0, half / middle)) if middle > 0 else 0.0
        trim += min(max(0.0, beta / 2 - 0.001), angular)
    middle_angle = math.radians((start + end) / 2)
    cx = ring.cx + math.cos(middle_angle) * offset
    cy = ring.cy + math.sin(middle_angle) * offset
    trim_degrees = math.degrees(trim)
    return segment(start + trim_degrees, end - trim_degrees, outer, inner, cx, cy)
