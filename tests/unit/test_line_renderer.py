import threading

import numpy as np
import pytest

from chartfn.drawing.line_renderer import (
    BackgroundCache,
    LineRenderer,
    RendererPool,
    render_reference_png,
)
from chartfn.models.line_chart import Frame
from chartfn.models.sine import SineChart
from support import fresh_amplitudes, pixels, png_size

# Reusing a figure and a cached background must not change what the chart looks like. Both
# paths run the same Agg code on the same artists (measured: identical pixels); the stated
# tolerance leaves room for antialiasing round-off where the curve crosses other artists:
# at most 0.1% of the pixels may differ, and none by more than 8 of 255 in any channel.
MAX_CHANNEL_DIFFERENCE = 8
MAX_DIFFERING_FRACTION = 0.001


def assert_looks_like_reference(fast_png: bytes, chart: SineChart) -> None:
    fast, reference = pixels(fast_png), pixels(render_reference_png(chart.line_chart()))
    assert fast.shape == reference.shape
    difference = np.abs(fast - reference).max(axis=2)
    assert difference.max() <= MAX_CHANNEL_DIFFERENCE, f"max difference {difference.max()}"
    assert (difference > 0).mean() <= MAX_DIFFERING_FRACTION


def test_fast_path_matches_a_full_fresh_render_across_many_charts() -> None:
    renderer = LineRenderer(Frame(), BackgroundCache())
    rng = np.random.default_rng(20261126)
    for amplitude, frequency in zip(
        np.round(rng.uniform(-5, 5, 25), 3), np.round(rng.uniform(0.1, 12, 25), 3), strict=True
    ):
        chart = SineChart(float(amplitude), float(frequency))
        assert_looks_like_reference(renderer.render_png(chart.line_chart()), chart)


def test_a_reused_background_gives_the_same_bytes_as_a_freshly_drawn_one() -> None:
    [amplitude] = fresh_amplitudes(1)
    chart = SineChart(amplitude, 2).line_chart()
    warm_backgrounds = BackgroundCache()
    warm = LineRenderer(Frame(), warm_backgrounds)
    warm.render_png(SineChart(amplitude * 0.999, 5).line_chart())  # same limits, other curve
    assert len(warm_backgrounds) == 1
    from_cached_background = warm.render_png(chart)
    assert len(warm_backgrounds) == 1, "expected the background to be reused"
    from_scratch = LineRenderer(Frame(), BackgroundCache()).render_png(chart)
    assert from_cached_background == from_scratch


def test_the_curve_and_title_are_redrawn_over_a_reused_background() -> None:
    renderer = LineRenderer(Frame(), BackgroundCache())
    first = renderer.render_png(SineChart(2, 1).line_chart())
    second = renderer.render_png(SineChart(2, 3).line_chart())
    assert first != second
    assert_looks_like_reference(second, SineChart(2, 3))


def test_png_is_800_by_400_by_default() -> None:
    assert png_size(RendererPool().render_png(SineChart().line_chart())) == (800, 400)


def test_y_limits_snap_to_ticks_so_nearby_amplitudes_share_a_background() -> None:
    backgrounds = BackgroundCache()
    renderer = LineRenderer(Frame(), backgrounds)
    for amplitude in (1.71, 1.72, 1.73, 1.74):
        renderer.render_png(SineChart(amplitude, 3).line_chart())
    assert len(backgrounds) == 1


def test_background_cache_is_bounded_in_bytes() -> None:
    backgrounds = BackgroundCache(max_bytes=3 * 800 * 400 * 4)
    renderer = LineRenderer(Frame(), backgrounds)
    for amplitude in (1, 10, 100, 1000, 10000):
        renderer.render_png(SineChart(amplitude, 1).line_chart())
    assert len(backgrounds) == 3


def test_pool_renders_concurrently_with_identical_results() -> None:
    pool = RendererPool(max_renderers=4)
    charts = [SineChart(a, 1 + i % 5) for i, a in enumerate(fresh_amplitudes(24))]
    expected = [LineRenderer(Frame(), BackgroundCache()).render_png(c.line_chart()) for c in charts]
    results: list[bytes | None] = [None] * len(charts)
    start = threading.Barrier(8)

    def work(offset: int) -> None:
        start.wait()
        for i in range(offset, len(charts), 8):
            results[i] = pool.render_png(charts[i].line_chart())

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == expected


@pytest.mark.parametrize("max_renderers", [1, 2])
def test_pool_never_creates_more_renderers_than_allowed(max_renderers: int) -> None:
    pool = RendererPool(max_renderers=max_renderers)
    created = []
    original = LineRenderer.__init__

    def counting_init(self: LineRenderer, *args: object) -> None:
        created.append(self)
        original(self, *args)  # type: ignore[arg-type]

    LineRenderer.__init__ = counting_init  # type: ignore[method-assign]
    try:
        threads = [
            threading.Thread(target=pool.render_png, args=(SineChart(a, 1).line_chart(),))
            for a in fresh_amplitudes(6)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        LineRenderer.__init__ = original  # type: ignore[method-assign]
    assert 1 <= len(created) <= max_renderers


def test_pool_evicts_idle_renderers_of_other_frames_without_error() -> None:
    """Regression (found by the load test): a frame whose idle list had been emptied by a
    borrow was later chosen for eviction and popped from an empty list."""
    from chartfn.models.output_options import OutputOptions

    pool = RendererPool(max_renderers=2)
    first, *others = (OutputOptions(width=w).frame for w in (400, 500, 600, 700))
    with pool.borrow(first):
        pass
    with pool.borrow(first):
        for frame in others:
            with pool.borrow(frame):
                pass
    assert pool._idle_count <= 2
    assert all(pool._idle.values()), "no frame may keep an empty idle list"
