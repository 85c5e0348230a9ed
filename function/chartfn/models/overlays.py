"""What a Chart.js config draws over and around its chart besides the data: data labels
(chartjs-plugin-datalabels), annotation lines and boxes (chartjs-plugin-annotation), and the
look of the title and legend. Plain data, travelling beside the ``ChartSpec`` the way tick
providers do, so that the engine needs to know nothing of Chart.js.

Sizes are CSS pixels (Chart.js's unit; the engine multiplies by the device pixel ratio),
colours ``#rrggbb[aa]``, positions in data units: a category axis counts its categories
0, 1, …; an annotation ``on_right`` has its y on the chart's second y axis. ``None`` leaves
a setting to the engine's own look.

Bounds (the translation refuses more, naming the config path):

    =====================  =====  ============================================
    MAX_ANNOTATIONS           50  annotation lines and boxes per chart
    MAX_DATA_LABELS        5_000  data labels drawn per chart (more are left out, with a
                                  warning: each costs about 0.1 ms, and none can be read)
    MAX_LABEL_TEXT           100  characters of one data or annotation label
    MAX_FONT_SIZE            200  CSS pixels of any font size
    MAX_OFFSET               500  CSS pixels of a data label's offset or padding, and of
                                  ``layout.padding`` on each side
    =====================  =====  ============================================
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from chartfn.models.font_face import FontFace

if TYPE_CHECKING:  # round_look builds on this module's TextStyle
    from chartfn.models.round_look import RoundLook

__all__ = [
    "MAX_ANNOTATIONS",
    "MAX_DATA_LABELS",
    "MAX_FONT_SIZE",
    "MAX_LABEL_TEXT",
    "MAX_OFFSET",
    "BoxAnnotation",
    "ChartLook",
    "DataLabels",
    "LineAnnotation",
    "Overlays",
    "TextStyle",
]

MAX_ANNOTATIONS = 50
MAX_DATA_LABELS = 5_000
MAX_LABEL_TEXT = 100
MAX_FONT_SIZE = 200.0
MAX_OFFSET = 500.0


@dataclass(frozen=True)
class TextStyle:
    """A font as Chart.js configs set it; None: the engine's own."""

    color: str | None = None
    size: float | None = None  # CSS pixels
    bold: bool | None = None
    face: FontFace | None = None  # italic, family; None: the engine's upright face


@dataclass(frozen=True)
class DataLabels:
    """One dataset's data labels: the text of each point (None: no label there) and how
    chartjs-plugin-datalabels places them. ``align`` is a direction name or degrees
    (clockwise from 3 o'clock, as on a canvas)."""

    series: int  # index in the spec's series
    texts: tuple[str | None, ...]
    text: TextStyle = TextStyle()
    anchor: str = "center"  # center, start, end
    align: str | float = "center"  # center, start, end, top, bottom, left, right, degrees
    offset: float = 4.0
    padding: float = 4.0
    background: str | None = None
    border: str | None = None  # the box's outline (borderColor, borderWidth)
    border_width: float = 0.0
    border_radius: float = 0.0
    auto_hide: bool = False  # display: 'auto' hides labels that overlap one drawn before
    # per value, where the config gives an array or a function (None: ``text``'s colour, or
    # ``background``)
    colors: tuple[str | None, ...] = ()
    backgrounds: tuple[str | None, ...] = ()


@dataclass(frozen=True)
class LineAnnotation:
    """A line from (x0, y0) to (x1, y1); None: the plot's edge on that side (a horizontal line
    has x0 = x1 = None)."""

    x0: float | None
    y0: float | None
    x1: float | None
    y1: float | None
    color: str = "#000000"
    width: float = 1.0
    dash: tuple[float, ...] = ()
    label: str | None = None
    label_color: str = "#ffffff"
    label_background: str = "#000000cc"
    # where the label sits along the line: 0 its start (the left end, or a steep line's top,
    # as Chart.js starts them), 1 its end; at 0 and 1 the label stays inside the line's ends
    label_position: float = 0.5
    label_bold: bool = True  # the plugin's labels are bold unless their font says otherwise
    label_face: FontFace | None = None
    behind: bool = False  # drawTime before the datasets: under the data
    on_right: bool = False  # y0 and y1 are on the second (right) y axis


@dataclass(frozen=True)
class BoxAnnotation:
    """A rectangle between x0…x1 and y0…y1; None: the plot's edge on that side."""

    x0: float | None
    y0: float | None
    x1: float | None
    y1: float | None
    fill: str | None = None
    edge: str | None = None
    width: float = 1.0
    behind: bool = False  # drawTime before the datasets: under the data
    on_right: bool = False  # y0 and y1 are on the second (right) y axis


@dataclass(frozen=True)
class ChartLook:
    """The title's and legend's fonts and places, and the chart's padding, where a config
    sets them. ``title_lines``: a title given as several lines (drawn one under another)."""

    title: TextStyle = TextStyle()
    title_bottom: bool = False
    title_side: str | None = None  # left or right: the title turned upright beside the chart
    title_align: str = "center"  # start, center, end (v3+): along the title's side
    title_lines: tuple[str, ...] = ()
    # Chart.js 4's subtitle (plugins.subtitle): lines under the title (over it at the bottom)
    subtitle: TextStyle = TextStyle()
    subtitle_lines: tuple[str, ...] = ()
    subtitle_bottom: bool = False
    legend: TextStyle = TextStyle()
    legend_position: str = "top"  # top, bottom, left, right
    legend_point_style: bool = False  # labels.usePointStyle: round swatches
    # labels.boxWidth, boxHeight (v3+) and padding in CSS pixels; None: the engine's swatch
    legend_box_width: float | None = None
    legend_box_height: float | None = None
    legend_padding: float | None = None
    legend_align: str = "center"  # start, center, end: along the legend's side
    padding: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # left, top, right, bottom
    # False: QuickChart's sparkline, drawn without axes, grid, tick labels or outer padding
    axes: bool = True
    #: The Chart.js major version whose axis box sizes the plot is laid out with (2 or 4)
    chartjs_version: int = 2
    # the axis titles' fonts (v2 scaleLabel, v3+ title): x, the left y, the right y
    x_title: TextStyle = TextStyle()
    y_title: TextStyle = TextStyle()
    y2_title: TextStyle = TextStyle()


@dataclass(frozen=True)
class Overlays:
    """Everything a config adds to its chart beyond the spec."""

    datalabels: tuple[DataLabels, ...] = ()
    annotations: tuple[LineAnnotation | BoxAnnotation, ...] = ()
    look: ChartLook = ChartLook()
    #: A doughnut's rings, out-labels and centre text (``models.round_look.RoundLook``).
    round: RoundLook | None = None

    @property
    def replaces_pie_texts(self) -> bool:
        """Chart.js draws no labels beside a pie's slices: where data labels are drawn, the
        engine's own slice labels and percentages give way to them."""
        return bool(self.datalabels)
