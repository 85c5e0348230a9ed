"""How a ``sankey`` looks beyond its layout: each flow's two colours and how they paint it, the
nodes' width and border, and the labels' font and colour, as chartjs-chart-sankey's dataset
options give them (``colorFrom``, ``colorTo``, ``colorMode``, ``nodeWidth``, ``borderWidth``,
``borderColor``, ``color``, ``font``).

Chart.js-only decoration: it travels beside a ``ChartSpec`` in ``ChartStyles`` (as tick providers
do); a spec drawn without it takes the plugin's defaults. Sizes are CSS pixels; colours RGBA in
0..1. No matplotlib and no HTTP here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["MAX_FONT_PX", "MAX_NODE_WIDTH", "SANKEY_PADDING", "ColorMode", "SankeyLook"]

RGBA = tuple[float, float, float, float]
ColorMode = Literal["gradient", "from", "to"]
# Bounds on what a config can make the engine draw: wider nodes or bigger text say nothing more.
MAX_NODE_WIDTH = 1000.0
MAX_BORDER_WIDTH = 100.0
MAX_FONT_PX = 500.0
# The plugin's override of Chart.js's layout.padding (left, top, right, bottom; CSS pixels):
# room for the last column's nodes, drawn right of its x.
SANKEY_PADDING = (3.0, 3.0, 13.0, 3.0)
_RED: RGBA = (1.0, 0.0, 0.0, 1.0)
_GREEN: RGBA = (0.0, 128 / 255, 0.0, 1.0)  # CSS green
_BLACK: RGBA = (0.0, 0.0, 0.0, 1.0)


@dataclass(frozen=True)
class SankeyLook:
    #: Each flow's ``colorFrom`` and ``colorTo``, in the data's order (empty: the defaults).
    flow_colors: tuple[tuple[RGBA, RGBA], ...] = ()
    #: The plugin's defaults, for flows past ``flow_colors``: red to green.
    default_colors: tuple[RGBA, RGBA] = (_RED, _GREEN)
    color_mode: ColorMode = "gradient"
    node_width: float = 10.0
    border_width: float = 1.0
    border_color: RGBA = _BLACK
    label_color: RGBA = _BLACK
    #: Chart.js's font: 12 px, line height 1.2 (of the size)
    font_px: float = 12.0
    font_bold: bool = False
    line_height: float = 1.2
    #: CSS pixels added to a label of several lines' first line's place (None: half a line,
    #: which centres the lines on the node)
    label_padding: float | None = None

    def colors_of(self, index: int) -> tuple[RGBA, RGBA]:
        return self.flow_colors[index] if index < len(self.flow_colors) else self.default_colors
