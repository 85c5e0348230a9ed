"""A pattern fill, as QuickChart's ``pattern.draw(shape, backgroundColor, patternColor, size)``
gives it (patternomaly 1.3.2, ``chartjs/config.py``'s ``$pattern`` marker): a square tile of
``size`` CSS pixels in the background colour with the shape drawn on it in the pattern colour,
repeated from the chart's top left as a canvas ``createPattern(tile, 'repeat')`` repeats it.

``Paint`` is any fill a Chart.js ``backgroundColor`` can be besides a colour: a gradient or a
pattern. Chart.js-only decoration, beside a ``ChartSpec`` like the rest of ``series_style``.
No matplotlib and no HTTP here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from chartfn.models.fill_gradient import LinearGradient

__all__ = [
    "DEFAULT_PATTERN_BACKGROUND",
    "DEFAULT_PATTERN_COLOR",
    "DEFAULT_PATTERN_SIZE",
    "MAX_PATTERN_SIZE",
    "MIN_PATTERN_SIZE",
    "PATTERN_ALIASES",
    "PATTERN_SHAPES",
    "FillPattern",
    "Paint",
    "PatternShape",
]

PatternShape = Literal[
    "plus", "cross", "dash", "cross-dash", "dot", "dot-dash", "disc", "ring", "line",
    "line-vertical", "weave", "zigzag", "zigzag-vertical", "diagonal", "diagonal-right-left",
    "square", "box", "triangle", "triangle-inverted", "diamond", "diamond-box",
]  # fmt: skip
PATTERN_SHAPES: tuple[str, ...] = PatternShape.__args__  # type: ignore[attr-defined]
# patternomaly's deprecated names, still drawn (its shapes-list.js)
PATTERN_ALIASES: dict[str, str] = {
    "circle": "disc",
    "triangle-vertical": "triangle-inverted",
    "line-horizontal": "line",
    "line-diagonal-lr": "diagonal",
    "line-diagonal-rl": "diagonal-right-left",
    "zigzag-horizontal": "zigzag",
    "diamond-outline": "diamond-box",
}
# patternomaly's defaults (its config.js) and QuickChart's size (lib/charts.js caps it at 200)
DEFAULT_PATTERN_BACKGROUND = "#646464b3"  # rgba(100, 100, 100, 0.7)
DEFAULT_PATTERN_COLOR = "#ffffffcc"  # rgba(255, 255, 255, 0.8)
DEFAULT_PATTERN_SIZE = 20.0
# Below one pixel a canvas has no tile to repeat (createPattern throws); QuickChart caps 200.
MIN_PATTERN_SIZE = 1.0
MAX_PATTERN_SIZE = 200.0


@dataclass(frozen=True)
class FillPattern:
    shape: PatternShape
    background: str  # #rrggbbaa
    color: str  # #rrggbbaa: the shape's
    #: The tile's side in CSS pixels, MIN_PATTERN_SIZE … MAX_PATTERN_SIZE; the shape is drawn
    #: at this size, the tile repeats every whole pixel of it (a canvas's width is whole).
    size: float = DEFAULT_PATTERN_SIZE


#: A fill other than one colour.
Paint = LinearGradient | FillPattern
