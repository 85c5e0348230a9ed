"""Draws a ``FormulaChart`` (``/plot``) onto a figure from ``figures.build_figure``."""

from __future__ import annotations

from chartfn.drawing.matplotlib_runtime import Figure
from chartfn.models.formula_chart import FormulaChart, cut_poles, visible_limits


def draw_formula_chart(figure: Figure, chart: FormulaChart) -> None:
    """Draw onto an empty figure from ``figures.build_figure``."""
    axes = figure.axes[0]
    curves = chart.curves()
    low, high = visible_limits(curves)
    for curve in curves:
        cut = cut_poles(curve, low, high)
        axes.plot(cut.x, cut.y, linewidth=1.5, label=cut.label)
    axes.set_xlim(chart.x0, chart.x1)
    axes.set_ylim(low, high)
    axes.set_title(chart.title)
    axes.set_xlabel(chart.x_label)
    axes.set_ylabel(chart.y_label)
    if chart.shows_legend:
        axes.legend(loc="best")
