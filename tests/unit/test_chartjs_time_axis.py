"""The time axis (``chartjs.time_axis``): the dates it reads (and refuses, at their path), and
tick times and labels checked against Chart.js 2.9.4 with moment, run on the same data and axis
widths (benchmarks/fidelity's node modules, TZ=UTC): the unit, the tick count and the first
ticks' times and labels."""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path
from typing import Any

import pytest

from chartfn.chartjs.time_axis import TimeError, format_time, parse_time, time_provider
from chartfn.chartjs.translate import TranslationError, translate


@pytest.mark.parametrize(
    ("text", "parser", "expected"),
    [
        ("2020", None, "2020-01-01 00:00:00.000"),
        ("2020-06", None, "2020-06-01 00:00:00.000"),
        ("2020-06-14", None, "2020-06-14 00:00:00.000"),
        ("2020-06-14T09:08", None, "2020-06-14 09:08:00.000"),
        ("2020-06-14 09:08:07.25", None, "2020-06-14 09:08:07.250"),
        ("2020-06-14T09:08:00Z", None, "2020-06-14 09:08:00.000"),
        ("2020-06-14T09:08:00+02:00", None, "2020-06-14 07:08:00.000"),
        ("1600000000000", None, "2020-09-13 12:26:40.000"),
        ("06/14/2020 09:08", None, "2020-06-14 09:08:00.000"),
        ("14.06.2020", "DD.MM.YYYY", "2020-06-14 00:00:00.000"),
        ("1:05 pm 2020-01-02", "h:mm a YYYY-MM-DD", "2020-01-02 13:05:00.000"),
    ],
)
def test_dates_read_in_utc(text: str, parser: str | None, expected: str) -> None:
    ms = parse_time(text, "p", parser)
    assert ms is not None
    assert format_time(ms, "YYYY-MM-DD HH:mm:ss.SSS") == expected


@pytest.mark.parametrize("value", ["yesterday", "2020-13-01", "2020-02-30", True, {"a": 1}, 1e20])
def test_what_is_no_date_is_refused(value: Any) -> None:
    with pytest.raises(TimeError):
        parse_time(value, "p")
    assert parse_time(None, "p") is None  # a gap


def test_moment_formats() -> None:
    ms = parse_time("2021-03-04T15:06:07.089Z", "p")
    assert ms is not None
    pattern = "[Q]Q - YYYY|MMMM Do dddd|ll|hA|h:mm:ss.SSS a|YY-M-D H:m:s"
    assert format_time(ms, pattern) == (
        "Q1 - 2021|March 4th Thursday|Mar 4, 2021|3PM|3:06:07.089 pm|21-3-4 15:6:7"
    )


# (name, x values, time options, axis width in CSS px): Chart.js 2.9.4's unit, tick count,
# first three tick times and the first tick's label
CHARTJS_2 = [
    ("days", ["2020-01-01", "2020-02-01", "2020-03-15", "2020-06-01"], {}, 459.04,
     "day", 153, [1577836800000, 1577923200000, 1578009600000], "Jan 1"),
    ("hours", [1600000000000, "2020-09-14T12:00:00Z", 1600200000000],
     {"unit": "hour", "displayFormats": {"hour": "HH:mm"}}, 459.04,
     "hour", 56, [1600002000000, 1600005600000, 1600009200000], "13:00"),
    ("months", ["2019-01-15", "2019-07-01", "2020-03-01"], {}, 460.29,
     "month", 14, [1548979200000, 1551398400000, 1554076800000], "Feb 2019"),
    ("years", ["2001-03-01", "2019-07-01"], {}, 464.56,
     "year", 18, [1009843200000, 1041379200000, 1072915200000], "2002"),
    ("minutes", ["2020-01-01T10:00:00Z", "2020-01-01T10:45:00Z"], {}, 450.81,
     "minute", 46, [1577872800000, 1577872860000, 1577872920000], "10:00 am"),
]  # fmt: skip


@pytest.mark.parametrize("case", CHARTJS_2, ids=[c[0] for c in CHARTJS_2])
def test_ticks_are_chartjs_2s(case: tuple[Any, ...]) -> None:
    _, xs, time, width, _, count, first, label = case
    times = [parse_time(x, "x") for x in xs]
    provider = time_provider({"type": "time", "time": time}, 2, [t for t in times if t], 1.0)
    ticks = provider(width)
    assert len(ticks.values) == count
    assert list(ticks.values[:3]) == first
    assert ticks.labels[0] == label
    assert (ticks.low, ticks.high) == (min(times), max(times))  # bounds: 'data'


def test_a_line_on_a_time_axis_is_placed_at_its_labels_times() -> None:
    config = {
        "type": "line",
        "data": {"labels": ["2020-01-01", None, "2020-01-03"], "datasets": [{"data": [1, 2, 3]}]},
        "options": {"scales": {"xAxes": [{"type": "time"}]}},
    }
    translation = translate(config, 2)
    series = translation.spec.series[0]
    assert series.x == [1577836800000.0, 1578009600000.0]  # the value at a null label: no time
    assert series.y == [1.0, 3.0]
    assert not any("labels" in w for w in translation.warnings)
    config["data"]["labels"] = ["2020-01-01", "soon", "2020-01-03"]  # type: ignore[index]
    with pytest.raises(TranslationError) as caught:
        translate(config, 2)
    assert caught.value.path == "data.labels[1]"


def test_tick_count_is_bounded() -> None:
    provider = time_provider({"time": {"unit": "millisecond"}}, 4, [0.0, 1e9], 1.0)
    assert len(provider(3000).values) <= 1001


def test_weeks_start_on_sunday_as_in_moments_english_locale() -> None:
    # 2020-01-01 is a Wednesday: the week ticks fall on Sundays, the first inside the data's
    # bounds on 5 January
    low, high = parse_time("2020-01-01", "x"), parse_time("2020-02-01", "x")
    assert low is not None
    assert high is not None
    ticks = time_provider({"time": {"unit": "week"}}, 2, [low, high], 1.0)(500)
    assert ticks.labels[:2] == ["Jan 5, 2020", "Jan 12, 2020"]


# Docs and edge-case configs whose x labels Chart.js 2.9.4 drew at 500×300, devicePixelRatio 1
# (benchmarks/fidelity/render.mjs): every unit tick, thinned by _autoSkip at the angle
# calculateTickRotation turned them to (chartfn thinned them as if flat and drew fewer).
TIME_LABELS_CHARTJS_2 = {
    "time-series-1": [f"Jun {d} 2020" for d in range(15, 30)],
    "new-date-points": [f"Jan {d}" for d in range(1, 32, 2)],
    "time-axis-iso-labels": [
        *(f"Jan {d}" for d in range(1, 32, 6)), *(f"Feb {d}" for d in range(6, 25, 6)),
        *(f"Mar {d}" for d in range(1, 32, 6)), *(f"Apr {d}" for d in range(6, 31, 6)),
        *(f"May {d}" for d in range(6, 31, 6)),
    ],
    "time-axis-epoch-points-v2": ["13:00", "16:00", "19:00", "22:00", "01:00", "04:00",
                                  "07:00", "10:00"] * 2 + ["13:00", "16:00", "19:00"],
    "time-axis-months-scatter": [
        *(f"{m} 2019" for m in ("Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                                "Nov", "Dec")), "Jan 2020", "Feb 2020", "Mar 2020",
    ],
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(TIME_LABELS_CHARTJS_2))
def test_v2_time_axes_show_the_labels_chartjs_2_draws(name: str) -> None:
    from chartfn.chartjs.output import output_for
    from chartfn.chartjs.prepare import prepare
    from chartfn.chartjs.request import parse_request
    from chartfn.drawing.raster import engine
    from chartfn.drawing.themes import themed

    corpus = Path(__file__).parents[1] / "corpus"
    examples = {
        e["name"]: e
        for file in ("quickchart_docs.json", "edge_cases.json")
        for e in json.loads((corpus / file).read_text("utf-8"))["examples"]
    }
    parameters = {"c": examples[name]["config"], "w": 500, "h": 300, "devicePixelRatio": 1}
    request = parse_request(parameters, pixel_budget=10_000_000)
    chart = prepare(request)
    frame = output_for(request).frame
    try:
        with themed(frame.theme):
            # with the config's look, as the service draws it
            _, layout = engine.prepare(chart.spec, frame, chart.ticks, chart.styles, chart.overlays)
    finally:
        chart.close()
    drawn = [label for _, label in sorted(layout.x_ticks, key=lambda t: t[0]) if label]
    assert [label.text for label in drawn] == TIME_LABELS_CHARTJS_2[name]
    # too many to lie flat side by side: turned as Chart.js 2 turns them (at most 50°), on
    # the canvas, and not overlapping: neighbours' strips a 12 px line apart across them
    angle = drawn[0].angle
    assert 0 < angle <= 50 and all(label.angle == angle for label in drawn)
    boxes = [label.box for label in drawn]
    assert all(b[0] >= 0 and b[1] >= -0.05 and b[2] <= 500 and b[3] <= 300 for b in boxes)
    across = math.sin(math.radians(angle))
    assert all((b[2] - a[2]) * across >= 12 for a, b in itertools.pairwise(boxes))


def test_v2_time_labels_that_fit_stay_flat_and_all_drawn() -> None:
    low, high = parse_time("2020-01-01", "x"), parse_time("2020-01-05", "x")
    assert low is not None and high is not None
    ticks = time_provider({"time": {"unit": "day"}}, 2, [low, high], 1.0)(450)
    assert ticks.labels == ["Jan 1", "Jan 2", "Jan 3", "Jan 4", "Jan 5"]
    assert not ticks.upright and not ticks.auto_skip
