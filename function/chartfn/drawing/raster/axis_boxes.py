"""How much room Chart.js's cartesian axes take beside the plot, by version, so that a config's
plot (its ``chartArea``) lies where Chart.js puts it: data drawn at the same pixels.

From the scales' ``fit`` and ``_calculatePadding`` (Chart.js 2.9.4 ``core.scale.js``; 4's
``core.scale.js``), in CSS pixels at the default 12 px tick font, line height 1.2:

- a vertical axis is ``tickLength + widest label + extra`` wide, its labels ending ``gap``
  from the plot: 2.9.4 ``tickMarkLength`` 10, ``ticks.padding`` 0 and a ``lineSpace`` of 0.4
  line heights beyond the labels; 4 ``tickLength`` 8 and ``ticks.padding`` 3 on both sides;
- a horizontal axis is ``tickLength + line height + extra`` high, likewise;
- the first and last labels of a horizontal axis keep half their width plus 3 px from the
  canvas' edges (``paddingLeft``/``paddingRight``), with no other margin there; 2.9.4 adds
  the 3 px always, 4 only where a label reaches past the plot's end (its ``offset`` axes,
  bars' categories, keep their labels inside).

The engine's own charts keep the theme's margins: these apply to Chart.js configs only.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["AxisBoxes", "chartjs_axis_boxes"]

_LINE_HEIGHT = 1.2  # Chart.js's font lineHeight, in em


@dataclass(frozen=True)
class AxisBoxes:
    """Sizes in CSS pixels (extras in tick-font line heights where Chart.js scales them)."""

    gap: float  # from the plot's edge to the labels' near side (tick mark and padding)
    extra: float = 0.0  # beyond the labels' far side, in CSS pixels
    extra_lines: float = 0.0  # …plus this many tick-font line heights
    edge: float = 3.0  # beyond half the end labels of a horizontal axis
    edge_always: bool = True  # False: only where an end label reaches past the plot
    line_height: float = _LINE_HEIGHT  # a horizontal axis' labels are this many em high


_BY_VERSION = {
    2: AxisBoxes(gap=10.0, extra_lines=0.4),
    4: AxisBoxes(gap=11.0, extra=3.0, edge_always=False),
}


def chartjs_axis_boxes(version: int) -> AxisBoxes:
    """Chart.js 2.9.4's boxes for v2 configs, 4's for v3/v4 (3.9 sizes them as 4 does)."""
    return _BY_VERSION[2 if version < 3 else 4]
