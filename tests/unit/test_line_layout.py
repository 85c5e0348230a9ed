"""Every text of a /sin chart stays on the canvas, for any value in the documented ranges
(issue 10): tick labels, axis labels, the y axis's offset text and the title."""

from __future__ import annotations

import numpy as np
import pytest

from chartfn.drawing import line_renderer
from chartfn.drawing.figures import build_figure
from chartfn.drawing.line_layout import ELLIPSIS
from chartfn.drawing.line_renderer import BackgroundCache, LineRenderer, draw_line_chart
from chartfn.drawing.matplotlib_runtime import Figure, Text
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
TOLERANCE_PX = 0.5


def drawn_texts(figure: Figure) -> list[Text]:
    """The texts a draw put on the canvas: visible, not empty, and for tick labels only the
    ticks inside the view (matplotlib keeps spare ticks that it does not draw)."""
    axes = figure.axes[0]
    texts: list[Text] = [axes.title]
    for axis in (axes.xaxis, axes.yaxis):
        texts += [axis.label, axis.offsetText]
        low, high = sorted(axis.get_view_interval())
        slack = (high - low) * 1e-9
        locations = axis.get_majorticklocs()
        for tick, location in zip(axis.get_major_ticks(len(locations)), locations, strict=True):
            if low - slack <= location <= high + slack:
                texts.append(tick.label1)
    return [t for t in texts if t.get_visible() and t.get_text()]


def assert_texts_inside(figure: Figure, what: str) -> None:
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    width, height = figure.bbox.width, figure.bbox.height
    for text in drawn_texts(figure):
        box = text.get_window_extent(renderer)
        inside = (
            box.x0 >= -TOLERANCE_PX
            and box.y0 >= -TOLERANCE_PX
            and box.x1 <= width + TOLERANCE_PX
            and box.y1 <= height + TOLERANCE_PX
        )
        assert inside, f"{what}: {text.get_text()!r} at {box.bounds} outside {width}x{height}"


def reference_figure(chart: LineChart, frame: Frame) -> Figure:
    """The plain path, as render_line_chart draws it (without encoding)."""
    with themed(frame.theme):
        figure, canvas = build_figure(frame)
        draw_line_chart(figure, chart)
        canvas.draw()
    return figure


@pytest.mark.parametrize("frequency", FREQUENCIES)
def test_fast_path_texts_stay_inside_for_extreme_amplitudes(frequency: float) -> None:
    renderer = LineRenderer(Frame(), BackgroundCache())
    for amplitude in AMPLITUDES:
        renderer.draw(SineChart(amplitude, frequency).line_chart())
        assert_texts_inside(renderer.figure, f"A={amplitude} f={frequency}")


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
        if frame.width_px * frame.height_px <= line_renderer.FAST_PATH_MAX_PIXELS:
            renderer = LineRenderer(frame, BackgroundCache())
            renderer.draw(chart)
            assert_texts_inside(renderer.figure, what + " (fast path)")
        assert_texts_inside(reference_figure(chart, frame), what)


@pytest.mark.parametrize("theme", THEMES)
def test_every_theme_at_the_default_size(theme: str) -> None:
    chart = SineChart(-123456.7, 0.00105).line_chart()
    renderer = LineRenderer(Frame(theme=theme), BackgroundCache())
    renderer.draw(chart)
    assert_texts_inside(renderer.figure, theme)


@pytest.mark.parametrize("size", [(800, 400), (200, 100), (60, 300)])
def test_a_title_too_wide_is_shortened_with_an_ellipsis(size: tuple[int, int]) -> None:
    long_title = "A very long title, " * 10 + "數数ひらがな한국어"
    sine = SineChart(2, 3).line_chart()
    chart = LineChart(sine.x, sine.y, long_title, sine.x_label, sine.y_label)
    frame = Frame(width_px=size[0], height_px=size[1])
    renderer = LineRenderer(frame, BackgroundCache())
    renderer.draw(chart)
    for figure in (renderer.figure, reference_figure(chart, frame)):
        assert_texts_inside(figure, f"{size}")
        shown = figure.axes[0].title.get_text()
        assert shown.endswith(ELLIPSIS) or shown == ""
        assert long_title.startswith(shown.removesuffix(ELLIPSIS))


def test_a_title_that_fits_is_left_whole() -> None:
    renderer = LineRenderer(Frame(), BackgroundCache())
    chart = SineChart(123456.7, -0.00105).line_chart()
    renderer.draw(chart)
    assert renderer.figure.axes[0].title.get_text() == chart.title


def test_the_y_label_stays_when_tick_labels_are_wide() -> None:
    """The reported bug: at 800x400 the y label of amplitude 75000 fell off the left edge."""
    renderer = LineRenderer(Frame(), BackgroundCache())
    renderer.draw(SineChart(75000, 1).line_chart())
    label = renderer.figure.axes[0].yaxis.label
    assert label.get_visible()
    assert label.get_window_extent(renderer.figure.canvas.get_renderer()).x0 >= 0  # type: ignore[attr-defined]


def test_layout_is_fitted_once_per_kept_background(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    fit = line_renderer.fit_layout

    def counting_fit(*args: object) -> object:
        calls.append(1)
        return fit(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(line_renderer, "fit_layout", counting_fit)
    backgrounds = BackgroundCache()
    renderer = LineRenderer(Frame(), backgrounds)
    for amplitude, frequency in zip((1.71, 1.72, 1.73, 1.74), (3, 5, 7, 9), strict=True):
        renderer.draw(SineChart(amplitude, frequency).line_chart())
    assert len(backgrounds) == 1
    assert len(calls) == 1
    renderer.draw(SineChart(75000, 1).line_chart())  # other limits: a new background, a new fit
    assert len(calls) == 2


def test_a_reused_background_brings_its_own_layout_back() -> None:
    """Charts of different layouts alternating on one figure draw as each does alone."""
    shared = LineRenderer(Frame(), BackgroundCache())
    wide, narrow = SineChart(123456.7, 2).line_chart(), SineChart(0.5, 2).line_chart()
    alone = {
        name: np.array(LineRenderer(Frame(), BackgroundCache()).draw(chart))
        for name, chart in (("wide", wide), ("narrow", narrow))
    }
    for name, chart in (("wide", wide), ("narrow", narrow), ("wide", wide), ("narrow", narrow)):
        np.testing.assert_array_equal(np.asarray(shared.draw(chart)), alone[name])
