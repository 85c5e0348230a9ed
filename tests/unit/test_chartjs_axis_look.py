"""A Chart.js scale's look beside its ticks (``chartjs.axis_look``): ``display``, grid lines
and tick labels, their colours, in both spellings, on the axes the config's ticks reach."""

from __future__ import annotations

import io
import itertools
from typing import Any

import numpy as np
import pytest
from PIL import Image
from test_chartjs_axis_ticks import placed, texts

from chartfn.chartjs.axis_look import look_of
from chartfn.chartjs.output import output_for
from chartfn.chartjs.prepare import prepare
from chartfn.chartjs.request import parse_request
from chartfn.drawing.raster import engine
from chartfn.drawing.themes import themed
from chartfn.models.axis_ticks import AxisLook

_fresh = itertools.count(601)


@pytest.mark.parametrize(
    ("version", "scale", "look"),
    [
        (2, {}, None),
        (2, {"display": False}, AxisLook(display=False)),
        (2, {"gridLines": {"display": False, "color": "#00ff00"}},
         AxisLook(grid=False, grid_color="#00ff00")),
        (4, {"grid": {"color": "rgba(0, 0, 255, 0.5)"}}, AxisLook(grid_color="#0000ff80")),
        (2, {"ticks": {"display": False, "fontColor": "red"}},
         AxisLook(tick_labels=False, tick_color="#ff0000")),
        (4, {"ticks": {"color": ["red", "blue"]}}, AxisLook(tick_color="#ff0000")),
        (4, {"ticks": {"fontColor": "red"}, "gridLines": {"display": False}}, None),  # v2 names
        (4, {"grid": {"color": "not a colour"}, "ticks": {"color": {"a": 1}}}, None),
    ],
)  # fmt: skip
def test_the_look_in_each_spelling(version: int, scale: dict[str, Any], look: Any) -> None:
    assert look_of(scale, version) == look


def line(version: int, scales: str) -> str:
    values = [1, 4, next(_fresh)]
    return (
        f"{{type: 'line', data: {{labels: ['a', 'b', 'c'], datasets: [{{data: {values}}}]}}, "
        f"options: {{scales: {scales}}}}}"
    )


@pytest.mark.parametrize(
    ("version", "scales"),
    [
        (2, "{xAxes: [{display: false, scaleLabel: {display: true, labelString: 'gone'}}]}"),
        (4, "{x: {display: false, title: {display: true, text: 'gone'}}}"),
    ],
)
def test_a_hidden_axis_draws_no_labels_and_no_title(version: int, scales: str) -> None:
    layout = placed(line(version, scales), str(version))
    assert not any(texts(layout.x_ticks))
    assert any(texts(layout.y_ticks))
    assert not any(label.text == "gone" for label in layout.labels)


@pytest.mark.parametrize(
    ("version", "scales"),
    [(2, "{yAxes: [{ticks: {display: false}}]}"), (4, "{y: {ticks: {display: false}}}")],
)
def test_hidden_tick_labels(version: int, scales: str) -> None:
    layout = placed(line(version, scales), str(version))
    assert not any(texts(layout.y_ticks))
    assert layout.y_ticks  # the ticks (grid lines) stay
    assert any(texts(layout.x_ticks))


def test_a_tick_colour_colours_that_axis_labels_only() -> None:
    layout = placed(line(4, "{x: {ticks: {color: '#ff0000'}}}"), "4")
    assert {label.color for _, label in layout.x_ticks if label} == {(1.0, 0.0, 0.0, 1.0)}
    assert (1.0, 0.0, 0.0, 1.0) not in {label.color for _, label in layout.y_ticks if label}


def _image(config: str, version: int) -> np.ndarray:
    request = parse_request(
        {"c": config, "v": str(version), "w": "400", "h": "300"}, pixel_budget=40_000_000
    )
    chart = prepare(request)
    try:
        data = engine.render_spec(chart.spec, output_for(request), chart.ticks)
    finally:
        chart.close()
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))


def _count(image: np.ndarray, color: tuple[int, int, int]) -> int:
    return int(np.count_nonzero(np.all(np.abs(image.astype(int) - color) <= 40, axis=2)))


@pytest.mark.parametrize(
    ("version", "green", "hidden"),
    [
        (2, "{yAxes: [{gridLines: {color: '#00c800'}}]}",
         "{yAxes: [{gridLines: {display: false, color: '#00c800'}}]}"),
        (4, "{y: {grid: {color: '#00c800'}}}", "{y: {grid: {display: false, color: '#00c800'}}}"),
    ],
)  # fmt: skip
def test_grid_lines_take_their_colour_and_can_be_hidden(
    version: int, green: str, hidden: str
) -> None:
    assert _count(_image(line(version, green), version), (0, 200, 0)) > 300
    assert _count(_image(line(version, hidden), version), (0, 200, 0)) == 0


def test_with_x_hidden_the_lowest_y_label_stays_on_the_canvas() -> None:
    """Seen beside Chart.js 4 at 500x300, ratio 1: with the x axis hidden, the y axis' lowest
    tick label hung below the canvas and was left out."""
    script = line(4, "{x: {display: false}, y: {min: 0, max: 10}}")
    request = parse_request(
        {"c": script, "v": "4", "w": "500", "h": "300", "devicePixelRatio": "1"},
        pixel_budget=40_000_000,
    )
    chart = prepare(request)
    frame = output_for(request).frame
    try:
        with themed(frame.theme):
            _, layout = engine.prepare(chart.spec, frame, chart.ticks)
    finally:
        chart.close()
    shown = texts(layout.y_ticks)
    assert "0" in shown and "10" in shown
