"""Rectangles with rounded corners as polygons for the canvas: the boxes of data labels,
annotation labels, outlabels and a gauge's value label, and bars with ``borderRadius``.

Every outline runs counter-clockwise, so compound paths (an outline less an inner one
reversed) keep their winding."""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from typing import Literal

import numpy as np

from chartfn.drawing.raster.canvas import Rect

__all__ = ["LABEL_CORNER_STEPS", "Corner", "fitting_radius", "rounded_outline"]

LABEL_CORNER_STEPS = 6  # segments per rounded corner of a text's box: smooth at label sizes

# The corners, counter-clockwise from the top right. Where an outline starts matters to the
# bytes of SVG and PDF (they list its points in order) and to a stroke (its ends meet there).
Corner = Literal["top_right", "top_left", "bottom_left", "bottom_right"]
_CORNERS: tuple[Corner, ...] = ("top_right", "top_left", "bottom_left", "bottom_right")


@functools.cache
def _unit_arcs(steps: int) -> np.ndarray:
    """A unit quarter circle per corner (``steps`` segments each), counter-clockwise from the
    top right one: shape (4, steps + 1, 2)."""
    return np.array(
        [
            [
                [math.cos(math.radians(start + 90.0 * step / steps)),
                 math.sin(math.radians(start + 90.0 * step / steps))]
                for step in range(steps + 1)
            ]
            for start in (0.0, 90.0, 180.0, 270.0)
        ]
    )  # fmt: skip


def fitting_radius(box: Rect, radius: float) -> float:
    """``radius`` within what the box allows: at most half of either side, never below 0."""
    x0, y0, x1, y1 = box
    return max(0.0, min(radius, (x1 - x0) / 2, (y1 - y0) / 2))


def rounded_outline(
    box: Rect, radii: float | Sequence[float], steps: int, first: Corner = "top_right"
) -> np.ndarray:
    """The outline of ``box`` (x0, y0, x1, y1), each corner a quarter circle of its radius in
    ``steps`` segments (radius 0: a square corner, its points repeated), counter-clockwise
    from the arc of the ``first`` corner. ``radii``: one for all corners, or four
    counter-clockwise from the top right (top right, top left, bottom left, bottom right),
    taken as given: fit them first (``fitting_radius``)."""
    x0, y0, x1, y1 = box
    r = np.broadcast_to(np.asarray(radii, dtype=float), (4,))[:, None]
    centres = np.array(
        [[x1 - r[0, 0], y1 - r[0, 0]], [x0 + r[1, 0], y1 - r[1, 0]],
         [x0 + r[2, 0], y0 + r[2, 0]], [x1 - r[3, 0], y0 + r[3, 0]]]
    )  # fmt: skip
    outline = (centres[:, None, :] + r[:, :, None] * _unit_arcs(steps)).reshape(-1, 2)
    return np.roll(outline, -_CORNERS.index(first) * (steps + 1), axis=0)
