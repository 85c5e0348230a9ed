import math

import numpy as np
import pytest

from chartfn.models.parameters import ParameterError
from chartfn.models.sine import AMPLITUDE, FREQUENCY, SAMPLES, SineChart


def test_defaults_are_amplitude_1_frequency_1() -> None:
    chart = SineChart()
    assert (chart.amplitude, chart.frequency) == (1.0, 1.0)
    assert chart.title == "y = 1 · sin(1x)"


def test_curve_is_amplitude_times_sine_over_one_period() -> None:
    line = SineChart(2, 3).line_chart()
    assert line.x.shape == (SAMPLES,)
    assert line.x[0] == 0
    assert line.x[-1] == pytest.approx(2 * math.pi)
    np.testing.assert_allclose(line.y, 2 * np.sin(3 * line.x))
    assert (line.x_label, line.y_label) == ("x", "y")


def test_equivalent_spellings_are_one_canonical_chart() -> None:
    assert SineChart(2, 1) == SineChart(2.0, 1.0)
    assert SineChart(0.0, 1).canonical_query == SineChart(-0.0, 1).canonical_query
    assert SineChart(1e6, 0.5).title == "y = 1e+06 · sin(0.5x)"


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, 1e308, -2e6])
def test_amplitude_outside_its_range_names_parameter_and_range(bad: float) -> None:
    with pytest.raises(ParameterError) as raised:
        SineChart(amplitude=bad)
    assert raised.value.parameter == "amplitude"
    assert raised.value.allowed == AMPLITUDE.allowed


@pytest.mark.parametrize("bad", [math.nan, 1e308, 100.5, -101])
def test_frequency_outside_its_range_is_refused(bad: float) -> None:
    with pytest.raises(ParameterError) as raised:
        SineChart(frequency=bad)
    assert raised.value.parameter == "frequency"
    assert "100" in FREQUENCY.allowed


@pytest.mark.parametrize(
    ("amplitude", "frequency"),
    [(1e6, 100), (-1e6, -100), (0, 0), (5e-324, 1), (1e-300, 0.001)],
)
def test_extremes_inside_the_range_give_finite_curves(amplitude: float, frequency: float) -> None:
    assert np.isfinite(SineChart(amplitude, frequency).line_chart().y).all()
