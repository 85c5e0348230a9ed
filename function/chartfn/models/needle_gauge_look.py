"""How a ``needle_gauge`` (QuickChart's ``gauge``, the chartjs-gauge plugin) looks beyond its
bands: the needle and the value label, as the plugin's ``options.needle`` and
``options.valueLabel`` give them.

Chart.js-only decoration: it travels beside a ``ChartSpec`` in ``ChartStyles`` (as tick providers
do); a spec drawn without it takes the plugin's defaults. Sizes are CSS pixels or percentages as
the plugin has them; colours ``#rrggbb`` or ``#rrggbbaa``. No matplotlib and no HTTP here.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MAX_LABEL_TEXT", "MAX_PERCENTAGE", "NeedleGaugeLook"]

MAX_LABEL_TEXT = 200  # characters of the value label (a formatter may return anything)
MAX_PERCENTAGE = 1000.0  # the plugin's percentages, clamped: ten times the chart area at most
MAX_FONT_PX = 500.0


@dataclass(frozen=True)
class NeedleGaugeLook:
    #: The needle's hub radius and base width as % of the chart area's width, its length as %
    #: of the band between the hole (0) and the outer edge (100): the plugin's defaults.
    needle_radius_percentage: float = 2.0
    needle_width_percentage: float = 3.2
    needle_length_percentage: float = 80.0
    needle_color: str = "#000000"
    #: The value label: None draws the needle value's own text; "" draws none.
    label_text: str | None = None
    label_color: str = "#ffffff"
    label_background: str = "#000000"
    label_border_radius: float = 5.0
    #: top, right, bottom, left
    label_padding: tuple[float, float, float, float] = (5.0, 5.0, 5.0, 5.0)
    #: Above the centre by this % of the chart area's width.
    label_bottom_margin_percentage: float = 5.0
    #: None: Chart.js 2's default 12 px
    label_font_px: float | None = None
    #: The bands' borders (the dataset's borderWidth and borderColor; Chart.js's arcs: 2, white).
    band_border_width: float = 2.0
    band_border_color: str = "#ffffff"
