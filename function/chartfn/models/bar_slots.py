"""How wide bars at positions on a numeric or time x axis are, and where each dataset's bar
sits beside the others at one position: Chart.js's bar controller rule for such axes.

Chart.js-only decoration: it travels beside a ``ChartSpec`` (in ``ChartStyles``), so a spec
drawn without it keeps its bytes and gets the default rule. No matplotlib and no HTTP here.

The default (``flex`` False, Chart.js's ``barThickness`` unset): every position gets a slot
``smallest gap × category_percentage`` wide, the smallest gap being the least distance in
pixels between two neighbouring positions of any series and between two neighbouring ticks;
each series takes an equal share of the slot, and its bar ``bar_percentage`` of that share.
``flex`` (``barThickness: 'flex'``): the slot reaches half-way to each neighbour instead (the
first and last positions mirror their one neighbour; a lone one takes the whole axis).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["BarSlots"]


@dataclass(frozen=True)
class BarSlots:
    category_percentage: float = 0.8
    bar_percentage: float = 0.9
    flex: bool = False
    #: True: the smallest gap between ticks counts the ticks the axis draws after thinning
    #: crowded labels (Chart.js 4); False: every tick the scale built (Chart.js 2).
    drawn_ticks_only: bool = False
