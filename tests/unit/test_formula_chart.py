import numpy as np
import pytest

from chartfn.models.formula_chart import FormulaChart, cut_poles, visible_limits
from chartfn.models.parameters import ParameterError


def chart(*formulas: str, **options: object) -> FormulaChart:
    arguments: dict = {
        "labels": [],
        "x0": 0.0,
        "x1": 10.0,
        "samples": 500,
        "title": "",
        "x_label": "x",
        "y_label": "y",
        "legend": None,
    }
    arguments.update(options)
    return FormulaChart.parse(list(formulas), **arguments)


def test_undefined_points_become_gaps_not_errors() -> None:
    [curve] = chart("log(x)", x0=-5, x1=5).curves()
    assert np.isnan(curve.y[curve.x <= 0]).all()
    assert np.isfinite(curve.y[curve.x > 0]).all()


def test_a_formula_with_no_finite_point_is_the_only_error() -> None:
    with pytest.raises(ParameterError, match="no finite value"):
        chart("log(x)", x0=-5, x1=-1).curves()
    with pytest.raises(ParameterError, match="no finite value"):
        chart("sqrt(-1-x^2)").curves()


def test_poles_are_cut_instead_of_joined_across_the_chart() -> None:
    [curve] = chart("tan(x)", x0=0, x1=np.pi, samples=1000).curves()
    low, high = visible_limits([curve])
    cut = cut_poles(curve, low, high)
    pole = np.pi / 2
    left = np.flatnonzero(cut.x < pole)[-1]
    assert np.isnan(cut.y[left + 1]), "a gap must sit between the two sides of the pole"
    assert cut.y[left] > high and cut.y[left + 2] < low


def test_outliers_near_a_pole_stay_out_of_the_y_limits() -> None:
    [curve] = chart("1/x", x0=-1, x1=1, samples=1001).curves()
    low, high = visible_limits([curve])
    assert np.nanmax(np.abs(curve.y)) > 400  # huge values exist near 0 …
    assert high < 100 and low > -100  # … but do not flatten the chart


def test_smooth_curves_keep_their_full_range() -> None:
    [curve] = chart("exp(x)", x0=0, x1=10).curves()
    low, high = visible_limits([curve])
    assert high >= np.exp(10)
    [curve] = chart("sin(x)", x0=0, x1=10).curves()
    low, high = visible_limits([curve])
    assert low <= -0.99 and high >= 0.99


@pytest.mark.parametrize(
    ("formulas", "options", "parameter"),
    [
        ((), {}, "f"),
        (("sin(x)",) * 11, {}, "f"),
        (("x",), {"x0": 5, "x1": 5}, "x1"),
        (("x",), {"x0": 5, "x1": 1}, "x1"),
        (("x",), {"samples": 1}, "samples"),
        (("x",), {"samples": 10_001}, "samples"),
        (("x",), {"x1": float("inf")}, "x1"),
        (("x",), {"labels": ["a", "b"]}, "label"),
        (("x",), {"title": "t" * 201}, "title"),
        (("9^9^9",), {}, "f"),
        (("__import__('os')",), {}, "f"),
    ],
)
def test_bad_requests_name_the_parameter(formulas: tuple, options: dict, parameter: str) -> None:
    with pytest.raises(ParameterError) as raised:
        chart(*formulas, **options)
    assert raised.value.parameter == parameter


def test_canonical_query_ignores_spelling() -> None:
    a = chart("sin( x )*exp(-x/5)", x0=0, x1=10.0)
    b = chart("sin(x)*exp(-x/5.0)", x0=0.0, x1=1e1)
    assert a.canonical_query == b.canonical_query
    assert chart("sin(x)").canonical_query != chart("cos(x)").canonical_query


def test_legend_by_default_for_several_curves_or_labels() -> None:
    assert not chart("x").shows_legend
    assert chart("x", "x^2").shows_legend
    assert chart("x", labels=["line"]).shows_legend
    assert not chart("x", "x^2", legend=False).shows_legend
