"""Ticks an axis gets from outside the engine (a Chart.js config's own tick values and labels),
as plain data and callables, so that drawing needs to know nothing of where they come from."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from chartfn.models.font_face import FontFace


class AxisTicks(NamedTuple):
    """An axis' ticks for one axis length: values, their labels (None: a tick drawn without a
    label), and the axis' ends, which the data is drawn against too."""

    values: Sequence[float]
    labels: Sequence[str | None]
    low: float
    high: float
    # False: draw every tick even where labels overlap (Chart.js's ``ticks.autoSkip: false``)
    auto_skip: bool = True
    # True: the labels do not fit side by side and are drawn turned by ``angle`` degrees
    # counter-clockwise (Chart.js 2's labelRotation, up to ``ticks.maxRotation``; 90: reading
    # upwards); the provider has thinned them already
    upright: bool = False
    angle: float = 90.0
    # where a turned label's line lies: its middle this many line heights under the tick's
    # anchor (Chart.js 2: 0; 4: 0.5, its textOffset)
    turned_drop: float = 0.0


# The axis' ticks for its length in device pixels; called again as the layout settles the
# plot's size, so it should be cheap for a length it has seen.
TickProvider = Callable[[float], AxisTicks]


@dataclass(frozen=True)
class AxisLook:
    """How an axis is drawn beside its ticks (a Chart.js scale's ``display``, grid and tick
    options): colours as ``#rrggbb[aa]``, None for the theme's."""

    display: bool = True  # False: no tick labels, tick marks or grid lines
    grid: bool = True
    grid_color: str | None = None
    tick_labels: bool = True
    tick_color: str | None = None
    tick_size: float | None = None  # CSS pixels
    tick_bold: bool = False
    tick_face: FontFace | None = None  # italic, family; None: the theme's upright face


@dataclass(frozen=True)
class RadialLook:
    """How a radar or polar area chart's radial scale is drawn (a Chart.js config's
    ``pointLabels``, ``ticks``, ``angleLines`` and grid options): colours as ``#rrggbb[aa]``,
    sizes in CSS pixels, None for the engine's own."""

    point_labels: bool = True
    point_label_color: str | None = None
    point_label_size: float | None = None
    point_label_bold: bool = False
    point_label_face: FontFace | None = None
    tick_color: str | None = None
    backdrop: bool = True  # ticks.showLabelBackdrop
    backdrop_color: str | None = None
    angle_lines: bool = True
    angle_line_color: str | None = None
    grid_color: str | None = None
    #: The Chart.js major version whose radial scale fit places the chart (2 or 4; None: the
    #: engine's own chart, fitted as 2.9.4 fits it in the area beside its legend).
    chartjs_version: int | None = None
    #: Degrees clockwise from 12 o'clock of the first spoke (None: the chart's rotation);
    #: Chart.js 2 turns a polar area's spokes by its ``startAngle``'s radians read as degrees.
    spoke_start: float | None = None


@dataclass(frozen=True)
class TickProviders:
    """Providers for a chart's axes; None: the engine's own ticks. The looks travel with
    them, from the same scale options."""

    x: TickProvider | None = None
    y: TickProvider | None = None
    # A radar or polar area chart's radial scale, asked with the shorter side of the chart's
    # area in device pixels (Chart.js sizes the scale's tick count from it).
    r: TickProvider | None = None
    y2: TickProvider | None = None  # a second value axis, on the right
    # A bar chart's category x axis: which categories keep a label (None for the others) and
    # the angle they are turned by, as Chart.js chooses them (values: the indexes)
    x_categories: TickProvider | None = None
    x_look: AxisLook | None = None
    y_look: AxisLook | None = None
    y2_look: AxisLook | None = None
    r_look: RadialLook | None = None
