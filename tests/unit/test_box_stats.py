"""The box plot and violin statistics, against values worked by hand from the plugins' rules
(type-7 quartiles, whiskers on the nearest values within 1.5 IQR, Scott's bandwidth) and
against numpy's own quantiles and a direct KDE sum."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from chartfn.models.box_stats import (
    VIOLIN_POINTS,
    density,
    given_summary,
    summary,
)


def test_quartiles_whiskers_and_outliers_of_a_small_box() -> None:
    box = summary([1, 3, 3, 3, 4, 9, -5])
    assert (box.min, box.q1, box.median, box.q3, box.max) == (-5, 2, 3, 3.5, 9)
    # reach: 2 - 1.5 * 1.5 = -0.25 and 3.5 + 2.25 = 5.75, moved in to real values
    assert (box.whisker_min, box.whisker_max) == (1, 4)
    assert box.outliers == (-5, 9)
    assert box.mean == pytest.approx(18 / 7)


def test_the_docs_violin_first_box() -> None:
    box = summary([12, 6, 3, 4])
    assert (box.q1, box.median, box.q3) == (3.75, 5, 7.5)
    assert (box.whisker_min, box.whisker_max) == (3, 12)
    assert box.outliers == ()


def test_given_statistics_keep_whiskers_within_reach() -> None:
    box = given_summary(0, 10, 11, 12, 100, outliers=(150,))
    assert (box.whisker_min, box.whisker_max) == (7, 15)
    assert box.outliers == (150,)
    assert given_summary(9, 10, 11, 12, 13).whisker_min == 9


@given(st.lists(st.floats(-1e6, 1e6), min_size=1, max_size=60))
def test_quartiles_are_numpys_linear_ones(values: list[float]) -> None:
    box = summary(values)
    expected = np.percentile(values, [25, 50, 75])
    assert [box.q1, box.median, box.q3] == pytest.approx(list(expected), rel=1e-9, abs=1e-6)
    # the whiskers end on real values (which may lie inside the box, as in the plugins)
    assert box.whisker_min in values and box.whisker_max in values
    inside = [v for v in values if box.whisker_min <= v <= box.whisker_max]
    assert len(inside) + len(box.outliers) == len(values)


def test_density_is_scotts_gaussian_kde_from_min_to_max() -> None:
    values = [1.0, 1, 1, 2, 3, 5, 9, 8]
    outline = density(values)
    assert len(outline.values) in (VIOLIN_POINTS, VIOLIN_POINTS + 1)
    assert outline.values[0] == 1 and outline.values[-1] == 9
    ordered = sorted(values)
    q1, q3 = np.percentile(ordered, [25, 75])
    bandwidth = 1.06 * min(np.std(ordered, ddof=1), (q3 - q1) / 1.34) * len(values) ** -0.2
    for index in (0, 33, len(outline.values) - 1):
        here = outline.values[index]
        expected = sum(
            math.exp(-0.5 * ((here - v) / bandwidth) ** 2) / math.sqrt(2 * math.pi) for v in values
        ) / (bandwidth * len(values))
        assert outline.estimates[index] == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("values", [[5.0], [2.0, 2.0, 2.0], [1.0, 1.0, 1.0, 1.0, 7.0]])
def test_no_spread_draws_no_outline(values: list[float]) -> None:
    # Chart.js's bandwidth is 0 and its estimates NaN: it draws no outline either
    assert len(density(values).values) == 0


def test_ten_thousand_values_are_estimated_in_bounded_chunks() -> None:
    values = list(np.linspace(-50, 50, 10_000) ** 3)
    outline = density(values)
    assert np.all(np.isfinite(outline.estimates)) and outline.estimates.max() > 0


def test_steps_below_the_values_precision_stop() -> None:
    # 1e16 + 0.02 == 1e16: the plugin's `v += inc` never reaches max; this takes 101 steps
    outline = density([1e16, 1e16 + 2, 1e16 + 4, 1e16 + 6, 1e16 + 8])
    assert 0 < len(outline.values) <= VIOLIN_POINTS + 2
