"""Where a tick label turned as Chart.js 2 turns a crowded horizontal axis' labels goes: the
label is drawn at ``angle`` degrees (counter-clockwise, reading upwards to the right), its
end at the tick, the middle of its line level with the anchor, as chartjs's ``_drawLabels``
draws a rotated bottom label (``translate`` to the tick, ``rotate(-labelRotation)``,
``textAlign: 'right'``, ``textBaseline: 'middle'``).

Coordinates are the layout's: y grows upwards, the anchor at (0, 0) just under the axis; the
label hangs below it."""

from __future__ import annotations

import math
from typing import NamedTuple

__all__ = ["TurnedPlace", "turned_place"]


class TurnedPlace(NamedTuple):
    """The baseline's start and the box the turned label covers (x0, y0, x1, y1)."""

    x: float
    y: float
    box: tuple[float, float, float, float]


def turned_place(
    width: float, line_height: float, descent: float, angle: float, drop: float = 0.0
) -> TurnedPlace:
    """A label ``width`` px long in a font whose line is ``line_height`` px high (``descent``
    of it under the baseline), turned ``angle`` degrees, its line's middle ending at (0, 0),
    or ``drop`` px under it across the text (Chart.js 4's textOffset of half a line)."""
    turn = math.radians(angle)
    along = (math.cos(turn), math.sin(turn))  # the reading direction
    up = (-math.sin(turn), math.cos(turn))  # from the baseline towards the letters' tops
    middle = line_height / 2 - descent + drop  # the anchor above the baseline
    start = (-width * along[0] - middle * up[0], -width * along[1] - middle * up[1])
    ascent = line_height - descent
    corners = [
        (start[0] + a * along[0] + b * up[0], start[1] + a * along[1] + b * up[1])
        for a in (0.0, width)
        for b in (-descent, ascent)
    ]
    xs = [x for x, _ in corners]
    ys = [y for _, y in corners]
    return TurnedPlace(start[0], start[1], (min(xs), min(ys), max(xs), max(ys)))
