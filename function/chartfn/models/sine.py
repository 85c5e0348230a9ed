"""The sine chart, y = A·sin(f·x) on [0, 2π]: its parameters and data, independent of HTTP."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from chartfn.models.line_chart import LineChart
from chartfn.models.numbers import shortest_form
from chartfn.models.parameters import number_range

SAMPLES = 400
X_START = 0.0
X_END = 2 * np.pi

AMPLITUDE = number_range(
    "amplitude", -1e6, 1e6, 1.0, "A in y = A·sin(f·x). Any finite number in range; 0 draws y = 0."
)
# 400 samples over [0, 2π] draw at most ~100 full periods with four points each; a higher
# frequency would only draw aliasing, so it is refused rather than drawn wrong.
FREQUENCY = number_range(
    "frequency", -100.0, 100.0, 1.0, "f in y = A·sin(f·x): periods per 2π, at most 100."
)

_X = np.linspace(X_START, X_END, SAMPLES)
_X.setflags(write=False)


@dataclass(frozen=True)
class SineChart:
    """A validated, canonical sine chart request: equal charts draw identical pixels."""

    amplitude: float = AMPLITUDE.default
    frequency: float = FREQUENCY.default

    def __post_init__(self) -> None:
        object.__setattr__(self, "amplitude", AMPLITUDE.check(self.amplitude))
        object.__setattr__(self, "frequency", FREQUENCY.check(self.frequency))

    @property
    def canonical_query(self) -> str:
        """The query string every equivalent URL reduces to (cache key and ETag input)."""
        return (
            f"amplitude={shortest_form(self.amplitude)}&frequency={shortest_form(self.frequency)}"
        )

    @property
    def title(self) -> str:
        return f"y = {shortest_form(self.amplitude)} · sin({shortest_form(self.frequency)}x)"

    def line_chart(self) -> LineChart:
        y = self.amplitude * np.sin(self.frequency * _X)
        return LineChart(x=_X, y=y, title=self.title, x_label="x", y_label="y")
