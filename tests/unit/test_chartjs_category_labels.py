"""Chart.js's turned and thinned labels on a line chart's category x axis
(``chartjs.category_labels``), both versions. The expectations were measured with the real
Chart.js 2.9.4 and 4 (``labelRotation`` and the ticks left after autoSkip) for a line chart
of the 24 labels "January 2020" … "December 2021"; Chart.js measured them in the system's
fallback face, chartfn in Arial's advances, so the angles agree within half a degree."""

from __future__ import annotations

import itertools
import math

import pytest
from test_chartjs_axis_ticks import placed

from chartfn.chartjs.category_labels import category_labels

MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
LABELS = [f"{month} {year}" for year in (2020, 2021) for month in MONTHS]
_fresh = itertools.count(4101)


@pytest.mark.parametrize(
    ("version", "axis", "canvas", "angle", "kept"),
    [
        # 500×300: both at the 50° bound; Chart.js 4's 3 px autoSkipPadding leaves every 2nd
        (2, 436.2, 500, 50.0, list(range(24))),
        (4, 445.3, 500, 50.0, list(range(0, 24, 2))),
        # 800×400: the canvas' width less the widest label sets the angle, not the axis
        (2, 729.8, 800, 41.27, list(range(24))),
        (4, 729.8, 800, 41.27, list(range(24))),
        (4, 924.2, 1000, 30.99, list(range(24))),
    ],
)
def test_the_angle_and_the_kept_labels_are_chartjs(
    version: int, axis: float, canvas: float, angle: float, kept: list[int]
) -> None:
    found = category_labels(LABELS, {}, version, axis, 12.0, 14.4, canvas)
    assert found.rotation == pytest.approx(angle, abs=0.5)
    assert list(found.kept) == kept


def test_labels_that_fit_lie_flat_and_all_stay() -> None:
    found = category_labels(["Mon", "Tue", "Wed"], {}, 4, 400.0, 12.0, 14.4, 500)
    assert (found.rotation, found.kept) == (0.0, (0, 1, 2))


@pytest.mark.parametrize("version", [2, 4])
def test_max_rotation_and_autoskip_false_are_honoured(version: int) -> None:
    found = category_labels(
        LABELS, {"maxRotation": 20, "autoSkip": False}, version, 445.3, 12.0, 14.4, 500
    )
    assert found.rotation == 20.0
    assert found.kept == tuple(range(24))
    lowest = category_labels(LABELS, {"minRotation": 70}, version, 924.2, 12.0, 14.4, 1000)
    assert lowest.rotation == 70.0


def test_an_axis_without_room_turns_its_labels_to_the_bound() -> None:
    assert category_labels(LABELS, {}, 4, 0.0, 12.0, 14.4, 60).rotation == 50.0


@pytest.mark.parametrize("version", ["2", "4"])
def test_a_crowded_line_chart_draws_them_turned_ending_at_their_ticks(version: str) -> None:
    # the test theme's face is wider than Chart.js's, so the engine's axis is shorter than
    # the measured one: which labels stay is pinned above, the drawing here
    values = [(i * 37) % 23 + 3 for i in range(23)] + [next(_fresh) % 20 + 0.5]
    script = f"{{type: 'line', data: {{labels: {LABELS}, datasets: [{{data: {values}}}]}}}}"
    layout = placed(script, version)
    drawn = [(position, label) for position, label in layout.x_ticks if label is not None]
    assert drawn[0][1].text == LABELS[0]
    assert 6 <= len(drawn) <= 24
    for position, label in drawn:
        assert label.angle == pytest.approx(50.0)
        # the line's end sits at its tick: the box's right edge is within a line's
        # sin-share of it, and the label hangs below the axis, reading up to the right
        assert position - 1 <= label.box[2] <= position + 30 * math.sin(math.radians(50))
        assert label.box[3] < layout.plot[1]


@pytest.mark.parametrize(
    ("version", "axis", "canvas", "angle", "kept"),
    [
        # bars: labels mid-slot (offset), measured on the same labels with type 'bar'
        (2, 450.6, 500, 50.0, list(range(24))),
        (4, 459.3, 500, 50.0, list(range(0, 24, 2))),
        (2, 750.6, 800, 42.38, list(range(24))),
        (4, 758.5, 800, 42.38, list(range(24))),
        (2, 947.6, 1000, 31.74, list(range(24))),
    ],
)
def test_bars_angle_and_kept_labels_are_chartjs(
    version: int, axis: float, canvas: float, angle: float, kept: list[int]
) -> None:
    found = category_labels(LABELS, {}, version, axis, 12.0, 14.4, canvas, offset=True)
    assert found.rotation == pytest.approx(angle, abs=0.5)
    assert list(found.kept) == kept


@pytest.mark.parametrize("version", ["2", "4"])
def test_a_crowded_bar_chart_draws_them_turned_ending_at_their_ticks(version: str) -> None:
    values = [(i * 37) % 23 + 3 for i in range(23)] + [next(_fresh) % 20 + 0.5]
    script = f"{{type: 'bar', data: {{labels: {LABELS}, datasets: [{{data: {values}}}]}}}}"
    layout = placed(script, version)
    drawn = [(position, label) for position, label in layout.x_ticks if label is not None]
    assert drawn[0][1].text == LABELS[0]
    assert 6 <= len(drawn) <= 24
    for position, label in drawn:
        assert label.angle == pytest.approx(50.0)
        assert position - 1 <= label.box[2] <= position + 30 * math.sin(math.radians(50))
        assert label.box[3] < layout.plot[1]


def test_bar_labels_that_fit_stay_flat_and_centred() -> None:
    values = [1, 2, next(_fresh)]
    script = f"{{type: 'bar', data: {{labels: ['a', 'b', 'c'], datasets: [{{data: {values}}}]}}}}"
    layout = placed(script, "2")
    for position, label in layout.x_ticks:
        assert label is not None and label.angle == 0.0
        assert (label.box[0] + label.box[2]) / 2 == pytest.approx(position, abs=0.5)


def test_a_crowded_v4_time_axis_is_turned_and_thinned_as_chartjs_4_does() -> None:
    # measured: Chart.js 4 turns these 30 day labels 50° and keeps every 2nd (15 of 30)
    points = ",".join(
        f"{{x: '2021-03-{day:02d}T00:00:00Z', y: {(day * 7) % 11 + 1}}}" for day in range(1, 31)
    )
    step = next(_fresh) % 5 + 1  # a y value the process has not drawn
    script = (
        f"{{type: 'line', data: {{datasets: [{{data: [{points}, "
        f"{{x: '2021-03-30T12:00:00Z', y: {step}}}]}}]}}, options: {{scales: {{x: {{type: "
        "'time', time: {unit: 'day', displayFormats: {day: 'MMM D, YYYY'}}}}}}"
    )
    layout = placed(script, "4")
    shown = [label.text for _, label in layout.x_ticks if label is not None]
    assert shown == [f"Mar {day}, 2021" for day in range(1, 31, 2)]
    assert {label.angle for _, label in layout.x_ticks if label is not None} == {50.0}
