"""``drawing.raster.gradient_fill``: many bars share one image, few get one each; both paint
the same pixels, and a gradient of zero length paints none (as on a canvas)."""

from __future__ import annotations

import numpy as np
import pytest

from chartfn.drawing.matplotlib_runtime import RendererAgg
from chartfn.drawing.raster import gradient_fill
from chartfn.drawing.raster.canvas import Canvas
from chartfn.models.fill_gradient import GradientStop, LinearGradient

DIAGONAL = LinearGradient(
    (GradientStop(0.0, "#ff0000ff"), GradientStop(0.3, "#00ff0080"), GradientStop(1.0, "#0000ff")),
    (10.0, 0.0, "width", "height"),
)
# 90 bars side by side (a dataset's bars do not overlap), one past the canvas' edge
RECTS = np.array(
    [[4.3 * i, 5.0, 4.3 * i + 3.7 - 0.5 * (i % 3), 20.0 + (37 * i) % 150] for i in range(90)]
    + [[390.0, -10.0, 420.0, 80.0]]
)


def painted(rects: np.ndarray, gradient: LinearGradient) -> np.ndarray:
    renderer = RendererAgg(400, 200, 100)
    assert gradient_fill.fill_rects_with_gradient(Canvas(renderer, 1.0), rects, gradient)
    return np.asarray(renderer.buffer_rgba()).copy()


def test_one_shared_image_paints_what_an_image_per_bar_paints(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert len(RECTS) > gradient_fill._MAX_SEPARATE_IMAGES
    shared = painted(RECTS, DIAGONAL)
    monkeypatch.setattr(gradient_fill, "_MAX_SEPARATE_IMAGES", len(RECTS))
    separate = painted(RECTS, DIAGONAL)
    assert shared[..., 3].any()
    assert np.array_equal(shared, separate)


def test_the_first_and_last_stops_hold_beyond_the_gradient_line() -> None:
    across = LinearGradient(
        (GradientStop(0.0, "#ff0000ff"), GradientStop(1.0, "#0000ffff")), (100.0, 0.0, 300.0, 0.0)
    )
    image = painted(np.array([[0.0, 0.0, 400.0, 200.0]]), across)
    assert image[100, 50].tolist() == [255, 0, 0, 255]
    assert image[100, 350].tolist() == [0, 0, 255, 255]
    assert image[100, 199].tolist() == pytest.approx([128, 0, 127, 255], abs=2)


def test_a_gradient_of_zero_length_paints_nothing() -> None:
    point = LinearGradient((GradientStop(0.0, "#ff0000ff"),), (5.0, 5.0, 5.0, 5.0))
    assert not painted(RECTS, point)[..., 3].any()
