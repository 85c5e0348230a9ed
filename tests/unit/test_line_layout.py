"""Every text of a /sin chart stays on the canvas, for any value in the documented ranges
(issue 10): tick labels, axis labels, the y axis's offset text and the title; where a text
cannot fit it is shortened with an ellipsis."""

from __future__ import annotations

import pytest

from chartfn.drawing.raster.layout import Label
from chartfn.drawing.raster.text import ELLIPSIS
from chartfn.drawing.sine_renderer import SineRenderer, drawn_texts, plan_sine
from chartfn.drawing.themes import THEMES, themed
from chartfn.models.line_chart import Frame, LineChart
from chartfn.models.sine import SineChart

# Includes the wide tick labels that used to push the y label off the canvas.
AMPLITUDES = (1e-6, -1e-6, 0.00105, 0.5, 0, 2, 75000, 123456.7, -123456.7, 1e6, -1e6)
FREQUENCIES = (-100, 100, 1e-6, 1)
SIZES = (
    (50, 50),
    (50, 400),
    (400, 50),
    (120, 80),
    (3000, 50),
    (50, 3000),
    (800, 400),
    (1000, 500),
    (3000, 3000),
)
SCALES = (0.5, 1, 2, 4)
PIXEL_BUDGET = 9_000_000


def assert_texts_inside(texts: list[Label], frame: Frame, what: str) -> None:
    for label in texts:
        x0, y0, x1, y1 = label.box
        inside = x0 >= 0 and y0 >= 0 and x1 <= frame.width_px and y1 <= frame.height_px
        assert inside, (
            f"{what}: {label.text!r} at {label.box} outside {frame.width_px}x{frame.height_px}"
        )


@pytest.mark.parametrize("frequency", FREQUENCIES)
def test_texts_stay_inside_for_extreme_amplitudes(frequency: float) -> None:
    for amplitude in AMPLITUDES:
        frame = Frame()
        texts = drawn_texts(SineChart(amplitude, frequency).line_chart(), frame)
        assert_texts_inside(texts, frame, f"A={amplitude} f={frequency}")
        # at the default size nothing needs to be left out: ticks on both axes, both labels
        shown = {label.text for label in texts}
        assert {"x", "y", SineChart(amplitude, frequency).title} <= shown


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_texts_stay_inside_at_every_size_scale_and_theme(width: int, height: int) -> None:
    themes = list(THEMES)
    for k, scale in enumerate(SCALES):
        if width * height * scale**2 > PIXEL_BUDGET:
            continue
        # over the sizes every theme and amplitude comes round several times
        slot = SIZES.index((width, height)) * len(SCALES) + k
        theme, amplitude = themes[slot % len(themes)], AMPLITUDES[slot % len(AMPLITUDES)]
        frame = Frame(round(width * scale), round(height * scale), dpi=100.0 * scale, theme=theme)
        chart = SineChart(amplitude, -100).line_chart()
        what = f"{width}x{height}@{scale} {theme} A={amplitude}"
        assert_texts_inside(drawn_texts(chart, frame), frame, what)


@pytest.mark.parametrize("theme", THEMES)
def test_every_theme_at_the_default_size(theme: str) -> None:
    frame = Frame(theme=theme)
    texts = drawn_texts(SineChart(-123456.7, 0.00105).line_chart(), frame)
    assert_texts_inside(texts, frame, theme)


@pytest.mark.parametrize("size", [(800, 400), (200, 100), (60, 300)])
def test_a_title_too_wide_is_shortened_with_an_ellipsis(size: tuple[int, int]) -> None:
    long_title = "A very long title, " * 10 + "數数ひらがな한국어"
    sine = SineChart(2, 3).line_chart()
    chart = LineChart(sine.x, sine.y, long_title, sine.x_label, sine.y_label)
    frame = Frame(width_px=size[0], height_px=size[1])
    assert_texts_inside(drawn_texts(chart, frame), frame, f"{size}")
    with themed(frame.theme):
        title = plan_sine(chart, frame).placed.title
    if title is not None:  # on the smallest canvases the title is the part left out
        assert title.text.endswith(ELLIPSIS)
        assert long_title.startswith(title.text.removesuffix(ELLIPSIS))


def test_a_cjk_title_that_fits_is_drawn_whole() -> None:
    sine = SineChart(2, 3).line_chart()
    chart = LineChart(sine.x, sine.y, "正弦函數 数 ひらがな 한국어", "x", "y")
    frame = Frame()
    with themed(frame.theme):
        title = plan_sine(chart, frame).placed.title
    assert title is not None and title.text == chart.title
    assert_texts_inside(drawn_texts(chart, frame), frame, "cjk")


def test_a_title_that_fits_is_left_whole() -> None:
    chart = SineChart(123456.7, -0.00105).line_chart()
    with themed("light"):
        title = plan_sine(chart, Frame()).placed.title
    assert title is not None and title.text == chart.title


def test_the_y_label_stays_when_tick_labels_are_wide() -> None:
    """The reported bug: at 800x400 the y label of amplitude 75000 fell off the left edge."""
    for amplitude in (75000, 0.00105, 123456.7):
        texts = drawn_texts(SineChart(amplitude, 1).line_chart(), Frame())
        [y_label] = [label for label in texts if label.text == "y" and label.angle == 90.0]
        assert y_label.box[0] >= 0
        tick_lefts = [label.box[0] for label in texts if label.angle == 0.0]
        assert y_label.box[2] <= min(tick_lefts), "the y label overlaps the tick labels"


def test_the_drawn_texts_are_what_the_renderer_paints() -> None:
    """drawn_texts is the layout the renderer paints: a chart whose texts change its pixels."""
    chart = SineChart(75000, 1).line_chart()
    relabelled = LineChart(chart.x, chart.y, chart.title, "x", "volts")
    frame = Frame()
    assert "volts" in {label.text for label in drawn_texts(relabelled, frame)}
    assert (SineRenderer().draw(chart, frame) != SineRenderer().draw(relabelled, frame)).any()
