"""How wide each dataset's bars are on a category axis, by Chart.js's bar controller options:
``categoryPercentage``, ``barPercentage``, ``barThickness`` (CSS pixels or ``'flex'``) and
``maxBarThickness`` (CSS pixels).

Chart.js-only decoration: it travels beside a ``ChartSpec`` (in ``ChartStyles``), so a spec
drawn without it keeps its bytes and the engine's fixed share. No matplotlib and no HTTP here.

Chart.js resolves the options per dataset (v2: the category axis' own options first, then the
dataset, ``options.datasets.bar`` and ``options.elements.rectangle``; v3+: the dataset,
``options.datasets.bar``, then the root options), and places each dataset's bars with its own
values: its slot is ``categoryPercentage`` of the category (``barThickness`` × the number of
stacks when a thickness is given), split equally among the stacks; its bar is
``barPercentage`` of its stack's share (the whole share with a thickness), at most
``maxBarThickness``. On a category axis every category is as wide as the smallest gap, so
``'flex'`` places bars as the default rule does.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MAX_BAR_PERCENTAGE", "MAX_BAR_THICKNESS", "BarWidth", "CategoryBarWidths"]

#: Bounds on what a config may ask: a percentage over 1 draws bars wider than their slot, as
#: Chart.js does, up to this many slots; thicknesses are CSS pixels.
MAX_BAR_PERCENTAGE = 10.0
MAX_BAR_THICKNESS = 10_000.0


@dataclass(frozen=True)
class BarWidth:
    """One dataset's bar width options (Chart.js's defaults when none is given)."""

    category_percentage: float = 0.8
    bar_percentage: float = 0.9
    #: CSS pixels; None: from the percentages (also for ``'flex'`` on a category axis).
    thickness: float | None = None
    #: CSS pixels; None: no cap.
    max_thickness: float | None = None


@dataclass(frozen=True)
class CategoryBarWidths:
    """Bar width options by series, in the spec's series order."""

    series: tuple[BarWidth, ...] = ()

    def of(self, index: int) -> BarWidth:
        return self.series[index] if index < len(self.series) else BarWidth()
