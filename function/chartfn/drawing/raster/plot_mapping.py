"""What the cartesian drawers (``charts``, ``horizontal_bars``, ``mixed_bars``,
``positioned_bars``) share: data mapped to the pixels of the layout's plot, a spec's axis
limits, and the elements data labels attach to, in frame pixels."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from chartfn.drawing.raster.layout import Layout
from chartfn.drawing.raster.ticks import Scale

__all__ = ["Element", "Point", "data_mappers", "element", "limited", "upright_bars"]

# Fractions past the view are clamped to this, so a bar far off-scale stays a sane path.
_FAR = 4.0

Point = tuple[float, float]


@dataclass(frozen=True)
class Element:
    """One drawn value (a bar, a point, a slice) where labels attach to it, in frame pixels:
    its start (a bar's base, a slice's inner edge), centre and end, and the unit direction
    from start to end (points: away from the value axis' base)."""

    start: Point
    centre: Point
    end: Point
    direction: Point


def limited(scale: Scale, limits: tuple[float, float] | None) -> Scale:
    """``scale``, or the spec's own limits on the same kind of scale where it gives them."""
    return scale if limits is None else Scale(float(limits[0]), float(limits[1]), scale.log)


def _mapper(scale: Scale, start: float, length: float) -> Callable[[np.ndarray], np.ndarray]:
    def to_pixels(values: np.ndarray) -> np.ndarray:
        fraction = scale.fraction(np.asarray(values, dtype=np.float64))
        return start + np.clip(fraction, -_FAR, _FAR) * length

    return to_pixels


def data_mappers(x: Scale, y: Scale, layout: Layout) -> tuple[Callable[..., np.ndarray], ...]:
    """Data to pixels on the layout's scales where a tick provider chose them, else on ours."""
    x0, y0, x1, y1 = layout.plot
    x, y = layout.x_scale or x, layout.y_scale or y
    return _mapper(x, x0, x1 - x0), _mapper(y, y0, y1 - y0)


def element(start: Point, end: Point) -> Element:
    """An element stretched from ``start`` to ``end`` (pointing up where they meet)."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy)
    direction = (dx / length, dy / length) if length > 0 else (0.0, 1.0)
    centre = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
    return Element(
        (float(start[0]), float(start[1])),
        (float(centre[0]), float(centre[1])),
        (float(end[0]), float(end[1])),
        direction,
    )


def upright_bars(
    middles: Iterable[float], starts: Iterable[float], ends: Iterable[float]
) -> list[Element | None]:
    """Vertical bars' elements, from each base (``starts``) to its value (``ends``) at its
    middle's x, in pixels; None where a bar has no finite end (not drawn)."""
    return [
        element((x, y0), (x, y1)) if math.isfinite(y1) else None
        for x, y0, y1 in zip(middles, starts, ends, strict=True)
    ]
