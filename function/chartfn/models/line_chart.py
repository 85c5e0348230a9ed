"""What a line chart shows, as plain data: no matplotlib, no HTTP."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class LineChart:
    x: np.ndarray
    y: np.ndarray
    title: str
    x_label: str
    y_label: str


@dataclass(frozen=True)
class Frame:
    """The canvas a chart is drawn on: pixel size, resolution, background and theme."""

    width_px: int = 800
    height_px: int = 400
    dpi: float = 100.0
    background: str | None = None  # None: the theme's; "transparent"; or a colour
    theme: str = "light"

    @property
    def size_inches(self) -> tuple[float, float]:
        return (self.width_px / self.dpi, self.height_px / self.dpi)


DEFAULT_FRAME = Frame()
