"""A linear gradient fill, as QuickChart's ``getGradientFill`` / ``getGradientFillHelper`` give
it (``chartjs/config.py``'s ``$gradient`` marker): colour stops along a line in the chart's CSS
pixels, measured from its top left as a canvas gradient is.

Chart.js-only decoration, beside a ``ChartSpec`` like the rest of ``series_style``. No
matplotlib and no HTTP here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["MAX_GRADIENT_STOPS", "ChartSize", "Coordinate", "GradientStop", "LinearGradient"]

# A gradient with more stops than this shows nothing more at chart sizes; it only costs time.
MAX_GRADIENT_STOPS = 16

#: The chart's width or height, which QuickChart's helpers leave open until drawing.
ChartSize = Literal["width", "height"]
Coordinate = float | ChartSize


@dataclass(frozen=True)
class GradientStop:
    offset: float  # 0..1 along the gradient's line
    color: str  # #rrggbb or #rrggbbaa


@dataclass(frozen=True)
class LinearGradient:
    #: In offset order (a stable sort: equal offsets keep their order, a hard edge there).
    stops: tuple[GradientStop, ...]
    #: x0, y0, x1, y1 in CSS pixels from the chart's top left (y downwards).
    coords: tuple[Coordinate, Coordinate, Coordinate, Coordinate]
