"""A config's own bar widths on a category axis (``chartjs.category_bars``,
``drawing.raster.category_bar_edges``): ``barPercentage``, ``categoryPercentage``,
``barThickness`` and ``maxBarThickness`` where Chart.js 2.9.4 and 4 read them, per dataset.

The expected shares are Chart.js's own, measured in ``benchmarks/fidelity`` (render.mjs's
geometry, 500×300 at devicePixelRatio 1) for the ``bar-widths-*`` edge cases: e.g. v2 with
``xAxes[0]: {barPercentage: 0.5, categoryPercentage: 1}`` and two datasets drew 38.71 px bars
in 154.85 px categories (0.25), their centres 77.43 px apart (0.5)."""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import pytest

from chartfn.chartjs.translate import TranslationError, translate
from chartfn.models.category_bars import BarWidth, CategoryBarWidths
from chartjs_render import drawn_rgb

RED = (255, 0, 0)
BLUE = (0, 0, 255)
GREEN = (0, 160, 0)
# values near 3 that no other test draws, so no render comes from a cache
_fresh = (3 + step / 10_000 for step in itertools.count(7001))
RATIO = 2  # device pixels per CSS pixel in the drawn tests


def _bars(version: int, *datasets: dict[str, Any], **options: Any) -> dict[str, Any]:
    return {
        "type": "bar",
        "data": {"labels": ["a", "b", "c"], "datasets": list(datasets)},
        "options": options,
    }


def _widths(config: dict[str, Any], version: int) -> CategoryBarWidths | None:
    return translate(config, version).styles.category_bars


# --- where each version reads them --------------------------------------------------------------


def test_without_width_options_the_engine_keeps_its_rule() -> None:
    """No option (or only 'flex', which on a category axis places bars as the default does):
    no widths travel, so such charts keep their bytes."""
    assert _widths(_bars(2, {"data": [1, 2, 3]}), 2) is None
    assert _widths(_bars(4, {"data": [1, 2, 3], "barThickness": "flex"}), 4) is None


def test_chartjs_2_reads_the_category_axis_before_the_dataset() -> None:
    config = _bars(
        2,
        {"data": [1, 2, 3], "barPercentage": 0.7, "categoryPercentage": 0.6},
        {"data": [1, 2, 3], "maxBarThickness": 9},
        scales={"xAxes": [{"barPercentage": 0.5}]},
        datasets={"bar": {"barThickness": 14}},
        elements={"rectangle": {"maxBarThickness": 30}},
    )
    assert _widths(config, 2) == CategoryBarWidths(
        (BarWidth(0.6, 0.5, 14.0, 30.0), BarWidth(0.8, 0.5, 14.0, 9.0))
    )
    # measured: Chart.js 2.9.4 draws 0.72 of the category here (its datasets.bar defaults win)
    rectangle = _bars(2, {"data": [1, 2]}, elements={"rectangle": {"barPercentage": 0.3}})
    assert _widths(rectangle, 2) is None
    horizontal = {**config, "type": "horizontalBar"}  # its category axis is yAxes[0]
    horizontal["options"] = {"scales": {"yAxes": [{"barThickness": 5}]}}
    assert _widths(horizontal, 2) == CategoryBarWidths(
        (BarWidth(0.6, 0.7, 5.0), BarWidth(0.8, 0.9, 5.0, 9.0))
    )


def test_chartjs_3_and_4_read_the_dataset_then_datasets_bar_then_the_root_options() -> None:
    config = _bars(
        4,
        {"data": [1, 2, 3], "barPercentage": 0.5},
        {"data": [1, 2, 3]},
        datasets={"bar": {"barPercentage": 0.6, "categoryPercentage": 0.7}},
        categoryPercentage=0.3,
        maxBarThickness=20,
        indexAxis="y",
        scales={"x": {"barPercentage": 0.1}},  # an axis holds none of them in v3+
    )
    expected = CategoryBarWidths((BarWidth(0.7, 0.5, None, 20.0), BarWidth(0.7, 0.6, None, 20.0)))
    assert _widths(config, 4) == expected
    assert _widths(config, 3) == expected


def test_one_value_per_bar_is_named_in_a_warning() -> None:
    translation = translate(_bars(4, {"data": [1, 2, 3], "barPercentage": [0.1, 0.2, 0.3]}), 4)
    assert translation.styles.category_bars is None
    assert any("data.datasets[0].barPercentage" in w for w in translation.warnings)


@pytest.mark.parametrize(
    ("version", "config", "path"),
    [
        (2, _bars(2, {"data": [1]}, scales={"xAxes": [{"barThickness": "wide"}]}),
         "options.scales.xAxes[0].barThickness"),
        (4, _bars(4, {"data": [1], "barPercentage": -0.5}), "data.datasets[0].barPercentage"),
        (4, _bars(4, {"data": [1]}, {"data": [1], "categoryPercentage": "80%"}),
         "data.datasets[1].categoryPercentage"),
        (4, _bars(4, {"data": [1]}, datasets={"bar": {"maxBarThickness": -1}}),
         "options.datasets.bar.maxBarThickness"),
        (4, _bars(4, {"data": [1]}, barPercentage=True), "options.barPercentage"),
        (2, _bars(2, {"data": [1], "barPercentage": 11}), "data.datasets[0].barPercentage"),
        (2, _bars(2, {"data": [1], "barThickness": 1e9}), "data.datasets[0].barThickness"),
    ],
)  # fmt: skip
def test_a_value_chartjs_could_not_use_is_refused_at_its_path(
    version: int, config: dict[str, Any], path: str
) -> None:
    with pytest.raises(TranslationError) as caught:
        translate(config, version)
    assert caught.value.path == path


# --- drawn as Chart.js draws them -----------------------------------------------------------------


def _runs(picture: np.ndarray, color: tuple[int, int, int], axis: int) -> list[tuple[int, int]]:
    """The first and last pixel of each run of ``color`` along ``axis`` (0: columns, for
    vertical bars; 1: rows, for horizontal ones)."""
    present = np.all(picture == color, axis=2).any(axis=axis)
    runs, start = [], None
    for index, here in enumerate([*present, False]):
        if here and start is None:
            start = index
        elif not here and start is not None:
            runs.append((start, index - 1))
            start = None
    return runs


def _centres(runs: list[tuple[int, int]]) -> list[float]:
    return [(first + last + 1) / 2 for first, last in runs]


def _sizes(runs: list[tuple[int, int]]) -> list[int]:
    return [last + 1 - first for first, last in runs]


def _drawn(config: str, version: int) -> np.ndarray:
    return drawn_rgb(config, version, width=600, height=400, device_pixel_ratio=RATIO)


def _script(version: int, chart: str, datasets: str, options: str = "") -> str:
    legend = "legend:{display:false}" if version == 2 else "plugins:{legend:false}"
    return (
        f"{{type:'{chart}',data:{{labels:['a','b','c'],datasets:[{datasets}]}},"
        f"options:{{{legend},{options}}}}}"
    )


def test_v2_axis_percentages_size_and_place_every_bar() -> None:
    """Chart.js 2.9.4: 0.25 of the category each, centres half a category apart."""
    value = next(_fresh)
    picture = _drawn(
        _script(
            2, "bar",
            f"{{backgroundColor:'#ff0000',data:[{value},5,2]}},"
            "{backgroundColor:'#0000ff',data:[4,1,3]}",
            "scales:{xAxes:[{barPercentage:0.5,categoryPercentage:1}],yAxes:[{ticks:{min:0}}]}",
        ),
        2,
    )  # fmt: skip
    red, blue = _runs(picture, RED, 0), _runs(picture, BLUE, 0)
    assert len(red) == len(blue) == 3
    category = (_centres(red)[2] - _centres(red)[0]) / 2
    for size in _sizes(red) + _sizes(blue):
        assert size == pytest.approx(0.25 * category, abs=2)
    for r, b in zip(_centres(red), _centres(blue), strict=True):
        assert b - r == pytest.approx(0.5 * category, abs=1.5)


def test_v4_each_dataset_takes_its_own_percentages() -> None:
    """Chart.js 4: barPercentage 0.5 gives 0.2 of the category at 0.2–0.4; categoryPercentage
    0.5 (its slot half the category, the second half of it) 0.225 at 0.5125–0.7375."""
    value = next(_fresh)
    picture = _drawn(
        _script(
            4, "bar",
            f"{{backgroundColor:'#ff0000',data:[{value},5,2],barPercentage:0.5}},"
            "{backgroundColor:'#0000ff',data:[4,1,3],categoryPercentage:0.5}",
        ),
        4,
    )  # fmt: skip
    red, blue = _runs(picture, RED, 0), _runs(picture, BLUE, 0)
    category = (_centres(red)[2] - _centres(red)[0]) / 2
    assert _sizes(red) == [pytest.approx(0.2 * category, abs=2)] * 3
    assert _sizes(blue) == [pytest.approx(0.225 * category, abs=2)] * 3
    for r, b in zip(_centres(red), _centres(blue), strict=True):
        assert b - r == pytest.approx((0.625 - 0.3) * category, abs=1.5)


def test_a_thickness_in_css_pixels_and_a_cap() -> None:
    """Chart.js 2.9.4, dataset options: barThickness 12 draws 12 CSS px centred 6 px before the
    category's middle; the second dataset's default slot capped at maxBarThickness 8."""
    value = next(_fresh)
    picture = _drawn(
        _script(
            2, "bar",
            f"{{backgroundColor:'#ff0000',data:[{value},5,2],barThickness:12}},"
            "{backgroundColor:'#0000ff',data:[4,1,3],maxBarThickness:8}",
            "scales:{yAxes:[{ticks:{min:0}}]}",
        ),
        2,
    )  # fmt: skip
    red, blue = _runs(picture, RED, 0), _runs(picture, BLUE, 0)
    assert _sizes(red) == [pytest.approx(12 * RATIO, abs=1)] * 3
    assert _sizes(blue) == [pytest.approx(8 * RATIO, abs=1)] * 3
    category = (_centres(red)[2] - _centres(red)[0]) / 2
    for r, b in zip(_centres(red), _centres(blue), strict=True):
        # red at middle − 6 CSS px; blue in the second half of a 0.8 slot: middle + 0.2
        assert b - r == pytest.approx(0.2 * category + 6 * RATIO, abs=1.5)


@pytest.mark.parametrize("version", [2, 4])
def test_horizontal_bars_take_them_across_their_rows(version: int) -> None:
    """v2 horizontalBar with yAxes[0].barThickness 10: 10 CSS px; v4 indexAxis 'y', stacked,
    root categoryPercentage 0.6 and barThickness 'flex': 0.54 of the category (Chart.js 4:
    32.35 px of 59.9)."""
    value = next(_fresh)
    red = f"{{backgroundColor:'#ff0000',data:[{value},5,2]}}"
    datasets = f"{red},{{backgroundColor:'#0000ff',data:[4,1,3]}}"
    if version == 2:
        options = "scales:{yAxes:[{barThickness:10}],xAxes:[{ticks:{min:0}}]}"
        picture = _drawn(_script(2, "horizontalBar", datasets, options), 2)
        red, blue = _runs(picture, RED, 1), _runs(picture, BLUE, 1)
        assert _sizes(red) + _sizes(blue) == [pytest.approx(10 * RATIO, abs=1)] * 6
        # side by side, the first dataset above: each 10 px from the category's middle
        for r, b in zip(_centres(red), _centres(blue), strict=True):
            assert b - r == pytest.approx(10 * RATIO, abs=1)
        return
    options = (
        "indexAxis:'y',barThickness:'flex',categoryPercentage:0.6,"
        "scales:{x:{stacked:true},y:{stacked:true}}"
    )
    picture = _drawn(_script(4, "bar", datasets, options), 4)
    red, blue = _runs(picture, RED, 1), _runs(picture, BLUE, 1)
    category = (_centres(red)[2] - _centres(red)[0]) / 2
    assert _sizes(red) == [pytest.approx(0.54 * category, abs=2)] * 3
    assert _centres(red) == pytest.approx(_centres(blue), abs=1)  # stacked: one slot


def test_bars_beside_lines_take_them_too() -> None:
    """Chart.js 4: a bar chart's bars share their category with each other, not with its line
    dataset: barThickness 20 at the middle − 10 px, the other (both percentages 1) half the
    category in its second half. Chart.js 2: a line chart's bars, on the category lines,
    barPercentage 0.4 of 0.8 of the gap between labels."""
    value = next(_fresh)
    picture = _drawn(
        _script(
            4, "bar",
            f"{{backgroundColor:'#ff0000',data:[{value},1,3],barThickness:20}},"
            "{type:'line',borderColor:'#00a000',data:[3,5,2]},"
            "{backgroundColor:'#0000ff',data:[2,2,2],categoryPercentage:1,barPercentage:1}",
        ),
        4,
    )  # fmt: skip
    red, blue = _runs(picture, RED, 0), _runs(picture, BLUE, 0)
    assert _sizes(red) == [pytest.approx(20 * RATIO, abs=1)] * 3
    category = (_centres(red)[2] - _centres(red)[0]) / 2
    assert _sizes(blue) == [pytest.approx(0.5 * category, abs=2)] * 3
    for r, b in zip(_centres(red), _centres(blue), strict=True):
        assert b - r == pytest.approx(0.25 * category + 10 * RATIO, abs=1.5)
    value = next(_fresh)
    picture = _drawn(
        "{type:'line',data:{labels:['a','b','c','d'],datasets:["
        f"{{fill:false,borderColor:'#00a000',data:[3,5,2,{value}]}},"
        "{type:'bar',backgroundColor:'#0000ff',data:[4,1,3,2],barPercentage:0.4}]},"
        "options:{legend:{display:false}}}",
        2,
    )
    inner = _runs(picture, BLUE, 0)[1:3]  # the first and last are cut at the plot's edges
    gap = _centres(inner)[1] - _centres(inner)[0]
    assert _sizes(inner) == [pytest.approx(0.32 * gap, abs=2)] * 2
