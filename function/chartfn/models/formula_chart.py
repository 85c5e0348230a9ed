"""Charts of formulas (``/plot``): parameters and sampling with honest gaps. No HTTP, no drawing.

Where a curve is undefined or infinite (``log(x)`` for x ≤ 0, ``1/x`` at 0, ``tan(x)`` at π/2)
it is drawn with a gap: non-finite samples become gaps, a jump across the whole visible range
between two neighbouring samples (a pole) is cut, and far outliers are kept out of the
autoscaled y-limits so one huge value near a pole does not flatten the rest of the curve.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from chartfn.models.formula import Formula, FormulaError, parse_formula
from chartfn.models.numbers import shortest_form
from chartfn.models.parameters import ParameterError
from chartfn.models.request_limits import MAX_CURVES, SAMPLES, X0, X1

MAX_TEXT = 200
# Tukey-style fences on the 5–95 % range of a curve's values: a smooth curve (sin, exp, x²)
# has every point inside them; points beyond are poles and blow-ups, left out of the limits.
_FENCE = 3.0


@dataclass(frozen=True)
class Curve:
    x: np.ndarray
    y: np.ndarray  # NaN where the curve is undefined or cut at a pole
    label: str


@dataclass(frozen=True)
class FormulaChart:
    formulas: tuple[Formula, ...]
    labels: tuple[str, ...] = ()
    x0: float = X0.default
    x1: float = X1.default
    samples: int = int(SAMPLES.default)
    title: str = ""
    x_label: str = "x"
    y_label: str = "y"
    legend: bool | None = None

    @classmethod
    def parse(
        cls,
        formulas: list[str],
        labels: list[str],
        x0: float,
        x1: float,
        samples: int,
        title: str,
        x_label: str,
        y_label: str,
        legend: bool | None,
    ) -> FormulaChart:
        if not formulas:
            raise ParameterError("f", None, "is required", "one to 10 formulas in x, e.g. sin(x)")
        if len(formulas) > MAX_CURVES:
            raise ParameterError("f", len(formulas), "too many curves", f"at most {MAX_CURVES}")
        if len(labels) > len(formulas):
            raise ParameterError("label", labels, "more labels than curves", "one per f")
        parsed = []
        for text in formulas:
            try:
                parsed.append(parse_formula(text))
            except FormulaError as exc:
                raise ParameterError("f", text, str(exc), "see the grammar in /docs") from exc
        start, end = X0.check(x0), X1.check(x1)
        if not start < end:
            raise ParameterError("x1", x1, "must be greater than x0", f"x1 > {shortest_form(x0)}")
        for name, text in (
            ("title", title),
            ("x_label", x_label),
            ("y_label", y_label),
            *(("label", label) for label in labels),
        ):
            if len(text) > MAX_TEXT:
                raise ParameterError(name, text[:40] + "…", "is too long", f"≤ {MAX_TEXT} chars")
        count = SAMPLES.check(samples)
        return cls(
            tuple(parsed), tuple(labels), start, end, int(count), title, x_label, y_label, legend
        )

    @property
    def canonical_query(self) -> str:
        parts = [f"f={f.canonical}" for f in self.formulas]
        parts += [f"label={label}" for label in self.labels]
        parts += [f"x0={shortest_form(self.x0)}", f"x1={shortest_form(self.x1)}"]
        parts += [f"samples={self.samples}", f"title={self.title}"]
        parts += [f"x_label={self.x_label}", f"y_label={self.y_label}", f"legend={self.legend}"]
        return "&".join(parts)

    @property
    def shows_legend(self) -> bool:
        return (
            self.legend
            if self.legend is not None
            else (len(self.formulas) > 1 or bool(self.labels))
        )

    def curves(self) -> list[Curve]:
        x = np.linspace(self.x0, self.x1, self.samples)
        curves = []
        for index, formula in enumerate(self.formulas):
            y = formula.evaluate(x)
            if not np.isfinite(y).any():
                raise ParameterError(
                    "f",
                    formula.source,
                    f"has no finite value for x in [{shortest_form(self.x0)}, "
                    f"{shortest_form(self.x1)}]",
                    "a formula defined somewhere in the x range",
                )
            label = self.labels[index] if index < len(self.labels) else formula.source
            curves.append(Curve(x, np.where(np.isfinite(y), y, np.nan), label))
        return curves


def visible_limits(curves: list[Curve]) -> tuple[float, float]:
    """The y-range the chart shows: every curve's values without its far outliers."""
    lows, highs = [], []
    for curve in curves:
        values = curve.y[np.isfinite(curve.y)]
        q_low, q_high = np.percentile(values, [5, 95])
        spread = max(q_high - q_low, abs(q_high), abs(q_low), 1e-12)
        inside = values[(values >= q_low - _FENCE * spread) & (values <= q_high + _FENCE * spread)]
        lows.append(inside.min())
        highs.append(inside.max())
    low, high = float(min(lows)), float(max(highs))
    if low == high:
        low, high = low - 1, high + 1
    margin = (high - low) * 0.05
    return low - margin, high + margin


def cut_poles(curve: Curve, low: float, high: float) -> Curve:
    """Break the line between neighbours that jump from beyond one edge of the visible range to
    beyond the other (a pole, as tan(x) at π/2), instead of joining them across the chart."""
    y = curve.y
    with np.errstate(invalid="ignore"):
        above, below = y > high, y < low
    jumps = np.flatnonzero((above[:-1] & below[1:]) | (below[:-1] & above[1:]))
    if jumps.size == 0:
        return curve
    x = np.insert(curve.x, jumps + 1, np.nan)
    return Curve(x, np.insert(y, jumps + 1, np.nan), curve.label)
