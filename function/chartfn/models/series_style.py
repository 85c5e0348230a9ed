"""How a Chart.js dataset's marks look beyond its one colour: per-point colours, the line's
width, dash, curve and steps, its fill, and its points' radius and shape.

Chart.js-only decoration: it travels beside a ``ChartSpec`` (as tick providers do), so the spec
protocol stays small and a spec drawn without it keeps its bytes. Sizes are CSS pixels, as
Chart.js has them (the engine scales them by the device pixel ratio). Colours are ``#rrggbb`` or
``#rrggbbaa``. No matplotlib and no HTTP here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from chartfn.models.bar_slots import BarSlots
from chartfn.models.category_bars import CategoryBarWidths
from chartfn.models.fill_gradient import LinearGradient
from chartfn.models.fill_pattern import FillPattern, Paint
from chartfn.models.needle_gauge_look import NeedleGaugeLook
from chartfn.models.sankey_look import SankeyLook

__all__ = [
    "MAX_BORDER_WIDTH",
    "MAX_DASH_LENGTH",
    "MAX_DASH_SEGMENTS",
    "MAX_POINT_RADIUS",
    "POINT_STYLES",
    "ChartStyles",
    "Fill",
    "Mark",
    "PointStyle",
    "SeriesStyle",
    "Stepped",
]

# Bounds on what a config can make the engine stroke: wider lines, longer dash patterns or
# bigger points than these only cost time and say nothing more.
MAX_BORDER_WIDTH = 100.0
MAX_POINT_RADIUS = 500.0
MAX_DASH_SEGMENTS = 16
MAX_DASH_LENGTH = 1000.0

# Chart.js's point styles (``pointStyle``); an unknown name is drawn as a circle, as there.
PointStyle = Literal[
    "circle", "cross", "crossRot", "dash", "line", "rect", "rectRounded", "rectRot", "star",
    "triangle",
]  # fmt: skip
POINT_STYLES: tuple[str, ...] = PointStyle.__args__  # type: ignore[attr-defined]
# Where a line's area is filled to: the value 0, the axis' bottom, its top; None: not filled.
Fill = Literal["origin", "start", "end"]
# Chart.js's ``stepped``: where the step is taken between two points; None: straight/curved.
Stepped = Literal["before", "after", "middle"]
# A mark other than the chart's own (Chart.js's per-dataset ``type``): a bar chart's line.
Mark = Literal["line"]


@dataclass(frozen=True)
class SeriesStyle:
    """One dataset's look; the defaults draw what the spec alone draws."""

    #: One fill colour per value (bars, points, bubbles); None where the dataset's own applies.
    point_colors: tuple[str | None, ...] = ()
    #: One outline colour per value (points and bubbles are ringed in it).
    point_border_colors: tuple[str | None, ...] = ()
    #: A bar or line-area fill that is a gradient (QuickChart's helpers); the spec's colour
    #: and ``point_colors`` still hold the colour drawn where it cannot be (past SVG/PDF's bound).
    gradient: LinearGradient | None = None
    #: The same for a pattern (QuickChart's ``pattern.draw``).
    pattern: FillPattern | None = None
    #: A line stroked with a gradient or pattern (``borderColor``); the spec's colour where
    #: it cannot be.
    border_paint: Paint | None = None
    #: One gradient or pattern per value (bars, slices) where an array gives them; None where a
    #: colour does.
    point_paints: tuple[Paint | None, ...] = ()
    #: The area's colour under a filled line (Chart.js's ``backgroundColor``).
    fill_color: str | None = None
    #: The dataset's ``borderColor`` (its first), which outlines its legend box.
    border_color: str | None = None
    fill: Fill | None = None
    #: Line width in CSS pixels; None: the engine's own.
    line_width: float | None = None
    dash: tuple[float, ...] = ()
    #: Bézier tension between points (0: straight); ``monotone`` keeps y monotone between points.
    tension: float = 0.0
    monotone: bool = False
    stepped: Stepped | None = None
    show_line: bool = True
    #: Whether a line runs across ``null`` values instead of breaking there.
    span_gaps: bool = False
    #: Point radius in CSS pixels (0: no points); None: the engine's own (lone points only).
    point_radius: float | None = None
    #: One radius per value (CSS pixels) where a dataset gives an array; () for ``point_radius``.
    point_radii: tuple[float, ...] = ()
    point_style: PointStyle = "circle"
    point_border_width: float = 1.0
    #: Drawn as this mark instead of the chart's kind (a bar chart's ``type: 'line'`` dataset).
    mark: Mark | None = None
    #: Bars' outlines: width per value in CSS px (() or 0: none), colour per value (None: the
    #: series' colour), and the side left open: "start" (the base), "end", "top", "bottom",
    #: "left", "right" (Chart.js's borderSkipped), "all", or None (every side outlined).
    bar_border_widths: tuple[float, ...] = ()
    bar_border_colors: tuple[str | None, ...] = ()
    bar_border_skipped: str | None = "start"
    #: Chart.js 3/4's ``borderRadius``: the bars' corners (not those on the skipped side).
    bar_border_radius: float = 0.0
    #: Chart.js's ``order``: datasets are drawn from the highest to the lowest (then by index,
    #: last first), so the lowest lies on top.
    order: float = 0.0


@dataclass(frozen=True)
class ChartStyles:
    """Styles by series, in the spec's series order (a missing one: the engine's look)."""

    series: tuple[SeriesStyle | None, ...] = ()
    #: Chart.js's category ``offset``: False stands the categories on the plot's edges and the
    #: lines between (a Chart.js 2 line chart's axis under its bar datasets).
    category_offset: bool = True
    #: Bars at positions on a time or numeric x axis: their width rule (None: the default).
    bar_slots: BarSlots | None = None
    #: The share of its slot (the category's 0.8 split among the datasets) a bar fills:
    #: Chart.js's ``barPercentage`` 0.9 for a Chart.js config; 1 for the engine's own bars.
    bar_share: float = 1.0
    #: Bars on a category axis: a config's own width options (None: ``bar_share`` rules).
    category_bars: CategoryBarWidths | None = None
    #: A needle gauge's needle and value label (None: the plugin's defaults).
    needle_gauge: NeedleGaugeLook | None = None
    #: A sankey's flow colours, nodes and labels (None: the plugin's defaults).
    sankey: SankeyLook | None = None
    #: Chart.js 2's filler paints every dataset's area before any dataset's line and points
    #: (its ``beforeDatasetsDraw``), so no area covers another dataset's line; Chart.js 3+
    #: paints each area just before its own dataset (``drawTime: 'beforeDatasetDraw'``).
    areas_under_all_lines: bool = False

    def of(self, index: int) -> SeriesStyle | None:
        return self.series[index] if index < len(self.series) else None
