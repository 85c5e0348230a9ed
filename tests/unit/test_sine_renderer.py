"""/sin on the raster engine: one path whatever the process drew before (a kept static layer
gives the bytes of a fresh paint), bounded memory, and SVG/PDF painted by the same calls."""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
import pytest

from chartfn.drawing.encoding import encode_raster
from chartfn.drawing.figures import new_figure, release_pixels
from chartfn.drawing.sine_renderer import (
    SineRenderer,
    StaticLayers,
    _SineArtist,
    plan_sine,
)
from chartfn.drawing.themes import THEMES, themed
from chartfn.models.line_chart import LineChart
from chartfn.models.output_options import OutputOptions
from chartfn.models.sine import SineChart
from support import fresh_amplitudes, pixels, png_size

LEAK_OPTIONS: list[dict[str, Any]] = [
    {"theme": "light"},
    {"theme": "grayscale", "background": "transparent"},
    {"theme": "dark", "format": "webp"},
    {"theme": "ggplot", "width": 300, "height": 700, "scale": 2},
    {"theme": "solarized", "format": "svg"},
    {"theme": "bmh", "format": "pdf", "background": "transparent"},
    {"theme": "seaborn", "format": "jpeg", "background": "#123456"},
    {"theme": "fivethirtyeight", "width": 1000, "height": 600},
]


def no_layers() -> SineRenderer:
    """A renderer that keeps nothing: every chart painted from scratch."""
    return SineRenderer(StaticLayers(max_bytes=0))


@pytest.mark.parametrize("options", LEAK_OPTIONS, ids=lambda o: "-".join(map(str, o.values())))
def test_a_chart_after_others_is_the_chart_rendered_fresh(options: dict[str, Any]) -> None:
    """A after B (same limits, other limits, other themes, formats and sizes) gives A's bytes
    from a renderer that never drew anything."""
    [amplitude] = fresh_amplitudes(1)
    a = SineChart(amplitude, 2).line_chart()
    fresh = no_layers().render(a, OutputOptions(**options))
    shared = SineRenderer()
    other_limits = SineChart(amplitude * 7.3, 3).line_chart()
    shared.render(other_limits, OutputOptions(**options))  # first: its layer is kept first
    for other in LEAK_OPTIONS:
        shared.render(other_limits, OutputOptions(**other))
    shared.render(SineChart(amplitude * 0.999, 5).line_chart(), OutputOptions(**options))
    assert shared.render(a, OutputOptions(**options)) == fresh
    assert shared.render(other_limits, OutputOptions(**options)) == no_layers().render(
        other_limits, OutputOptions(**options)
    )


def test_nearby_amplitudes_share_a_kept_layer_and_it_equals_a_fresh_paint() -> None:
    renderer = SineRenderer()
    for amplitude in (1.71, 1.72, 1.73, 1.74):
        renderer.draw(SineChart(amplitude, 3).line_chart(), OutputOptions().frame)
    assert len(renderer.layers) == 1, "y-limits snap to ticks: one layer for all four"
    chart = SineChart(1.75, 7).line_chart()
    from_layer = renderer.draw(chart, OutputOptions().frame)
    assert len(renderer.layers) == 1, "expected the kept layer to be reused"
    np.testing.assert_array_equal(from_layer, no_layers().draw(chart, OutputOptions().frame))


def test_the_curve_and_title_are_drawn_over_a_kept_layer() -> None:
    renderer = SineRenderer()
    first = renderer.render(SineChart(2, 1).line_chart(), OutputOptions())
    second = renderer.render(SineChart(2, 3).line_chart(), OutputOptions())
    assert first != second
    assert second == no_layers().render(SineChart(2, 3).line_chart(), OutputOptions())


def test_png_is_800_by_400_by_default() -> None:
    assert png_size(SineRenderer().render(SineChart().line_chart(), OutputOptions())) == (800, 400)


def test_kept_layers_are_bounded_in_bytes() -> None:
    layers = StaticLayers(max_bytes=4 * 800 * 400 * 4)
    renderer = SineRenderer(layers)
    for amplitude in (1, 10, 100, 1000, 10000, 1e5):
        renderer.draw(SineChart(amplitude, 1).line_chart(), OutputOptions().frame)
    assert len(layers) == 4
    assert layers.bytes == 4 * 800 * 400 * 4


def test_a_frame_too_large_for_its_share_is_painted_but_not_kept() -> None:
    layers = StaticLayers(max_bytes=4 * 800 * 400 * 4)
    renderer = SineRenderer(layers)
    renderer.draw(SineChart(2, 1).line_chart(), OutputOptions(width=1000, height=600).frame)
    assert len(layers) == 0


def test_threads_rendering_at_once_get_what_one_thread_gets() -> None:
    charts = [SineChart(a, 1 + i % 5) for i, a in enumerate(fresh_amplitudes(24))]
    sizes = [OutputOptions(width=400 + 100 * (i % 3)) for i in range(len(charts))]
    expected = [no_layers().render(c.line_chart(), o) for c, o in zip(charts, sizes, strict=True)]
    shared = SineRenderer()
    results: list[bytes | None] = [None] * len(charts)
    start = threading.Barrier(8)

    def work(offset: int) -> None:
        start.wait()
        for i in range(offset, len(charts), 8):
            results[i] = shared.render(charts[i].line_chart(), sizes[i])

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == expected


# --- SVG and PDF: the same paint calls on a Figure's renderer -----------------------------------


def _through_figure(amplitude: float, options: OutputOptions) -> np.ndarray:
    """The chart as SVG and PDF get it (an artist in a Figure), drawn by the Figure's Agg
    canvas."""
    frame = options.frame
    chart = SineChart(amplitude, 3).line_chart()
    with themed(frame.theme):
        figure, canvas = new_figure(frame)
        figure.add_artist(_SineArtist(plan_sine(chart, frame), chart))
        canvas.draw()
        rgba = np.array(canvas.buffer_rgba())
        release_pixels(canvas)
    return rgba[:, :, :3]


@pytest.mark.parametrize("theme", list(THEMES))
@pytest.mark.parametrize("size", [(400, 250, 1.0), (1000, 600, 1.0), (300, 200, 2.0)])
def test_the_figure_path_agrees_with_the_agg_path(theme: str, size: tuple[int, int, float]) -> None:
    width, height, scale = size
    options = OutputOptions(width=width, height=height, scale=scale, theme=theme)
    [amplitude] = fresh_amplitudes(1)
    direct = pixels(no_layers().render(SineChart(amplitude, 3).line_chart(), options))
    hosted = _through_figure(amplitude, options)
    assert direct.shape == hosted.shape
    assert np.array_equal(direct, hosted)


def test_vector_formats_are_painted_by_the_engine() -> None:
    chart = SineChart(2, 3).line_chart()
    svg = SineRenderer().render(chart, OutputOptions(format="svg"))
    pdf = SineRenderer().render(chart, OutputOptions(format="pdf"))
    assert svg.startswith(b"<?xml") and b"#1f77b4" in svg
    assert pdf.startswith(b"%PDF")
    assert SineRenderer().render(chart, OutputOptions(format="svg")) == svg


def test_raster_pixels_are_the_renderers_own_buffer_encoded() -> None:
    chart = SineChart(3, 2).line_chart()
    frame = OutputOptions().frame
    assert encode_raster(no_layers().draw(chart, frame), OutputOptions()) == no_layers().render(
        chart, OutputOptions()
    )


def test_a_kept_layer_is_not_reused_for_other_axis_labels() -> None:
    """Same limits, same ticks, another y label: a layer of its own."""
    chart = SineChart(2, 3).line_chart()
    relabelled = LineChart(chart.x, chart.y, chart.title, "x", "volts")
    shared, frame = SineRenderer(), OutputOptions().frame
    shared.draw(chart, frame)
    np.testing.assert_array_equal(
        shared.draw(relabelled, frame), no_layers().draw(relabelled, frame)
    )
