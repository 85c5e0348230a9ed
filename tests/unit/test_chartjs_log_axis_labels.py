"""Chart.js 4's labels on a horizontal logarithmic axis (``chartjs.log_axis_labels``): turned
by up to 50° and thinned from the powers of ten as its autoSkip thins them. The expected
labels are what Chart.js 4.6.1 drew for these configs in the fidelity harness (500×300,
device pixel ratio 1), pinned here so the test runs without Node."""

from __future__ import annotations

import pytest

from chartfn.chartjs.log_axis_labels import auto_skip, log_axis_ticks_v4
from chartfn.chartjs.prepare import prepare
from chartfn.chartjs.request import QuickChartRequest
from chartfn.models.axis_ticks import AxisTicks

HORIZONTAL_BARS = (
    "{type:'bar',data:{labels:['a','b'],datasets:[{data:[10,1000]}]},"
    "options:{indexAxis:'y',scales:{x:{type:'logarithmic'}}}}"
)
SCATTER = (
    "{type:'scatter',data:{datasets:[{label:'p',data:[{x:3,y:1},{x:40,y:2},{x:700,y:3},"
    "{x:9000,y:4}]}]},options:{scales:{x:{type:'logarithmic'}}}}"
)


def x_ticks(config: str, length_css: float) -> AxisTicks:
    request = QuickChartRequest(
        chart=config, version=4, width=500, height=300, device_pixel_ratio=1
    )
    chart = prepare(request)
    try:
        assert chart.ticks.x is not None
        return chart.ticks.x(length_css)
    finally:
        chart.close()


@pytest.mark.parametrize(
    ("config", "length", "expected"),
    [
        # the harness' horizontal-bar-log-x-v4 (chart area 455 px wide)
        (HORIZONTAL_BARS, 455.0, ["1", "3", "10", "20", "100", "200", "600", "800", "1,000"]),
        # line-log-x-v4 (about 445 px)
        (SCATTER, 445.0, ["10", "20", "100", "200", "1,000", "2,000", "4,000", "6,000", "8,000"]),
    ],
)
def test_the_labels_chartjs_4_shows_on_a_log_x_axis(
    config: str, length: float, expected: list[str]
) -> None:
    ticks = x_ticks(config, length)
    assert [label for label in ticks.labels if label is not None] == expected
    # turned as Chart.js 4 turns them, with a grid line at every kept tick
    assert ticks.upright and ticks.angle == pytest.approx(50.0)
    assert ticks.turned_drop == 0.5 and not ticks.auto_skip
    assert len(ticks.values) == len(ticks.labels) > len(expected)


def test_auto_skip_false_keeps_every_tick_still_turned() -> None:
    config = HORIZONTAL_BARS.replace(
        "type:'logarithmic'", "type:'logarithmic',ticks:{autoSkip:false}"
    )
    ticks = x_ticks(config, 455.0)
    assert len(ticks.values) == 30 and not ticks.auto_skip
    assert ticks.upright and ticks.angle == pytest.approx(50.0)


def test_skip_keeps_majors_and_evenly_spaced_ticks_between_them() -> None:
    # 30 ticks, powers of ten at 0, 9, 19, 29, room for 17: every second tick from each
    assert auto_skip(30, [0, 9, 19, 29], 17) == [0, 2, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23,
                                                   25, 27, 29]  # fmt: skip
    # more majors than room: every ceil(n / limit)-th major only
    assert auto_skip(40, [0, 9, 19, 29, 39], 2) == [0, 29]
    # no majors: every ceil(count / limit)-th tick from the first
    assert auto_skip(10, [], 4) == [0, 3, 6, 9]


def test_flat_labels_that_fit_are_neither_turned_nor_thinned() -> None:
    found = log_axis_ticks_v4([1.0, 10.0, 100.0], ["1", "10", "100"], {}, 400.0, 12.0, 14.4)
    assert found.rotation == 0 and found.kept == (0, 1, 2)
