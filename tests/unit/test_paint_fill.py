"""Patterns (QuickChart's ``pattern.draw``) read from a config (``chartjs.pattern_fill``) and
painted (``drawing.raster.paint_fill``, ``pattern_tile``), and gradients painted
(``gradient_fill``): the tile repeats from the canvas's top left whatever the shape filled; a
gradient's end stops hold beyond its line, and one of zero length paints nothing; many bars
share one image and paint what an image each paints (patterns and gradients alike);
a stroke with a paint covers what a stroke in a colour covers; legend boxes show the paint."""

from __future__ import annotations

import io
from types import ModuleType
from typing import Any

import numpy as np
import pytest
from PIL import Image

from chartfn.chartjs.pattern_fill import PaintError, fill_paint, fill_pattern
from chartfn.drawing.matplotlib_runtime import Path, RendererAgg
from chartfn.drawing.raster import engine, gradient_fill, paint_fill
from chartfn.drawing.raster.canvas import Canvas
from chartfn.drawing.raster.pattern_tile import pattern_tile
from chartfn.drawing.themes import themed
from chartfn.models.chart_spec import ChartSpec
from chartfn.models.fill_gradient import GradientStop, LinearGradient
from chartfn.models.fill_pattern import (
    DEFAULT_PATTERN_BACKGROUND,
    DEFAULT_PATTERN_COLOR,
    PATTERN_ALIASES,
    PATTERN_SHAPES,
    FillPattern,
    Paint,
)
from chartfn.models.output_options import OutputOptions
from chartfn.models.series_style import ChartStyles, SeriesStyle

PLAID = FillPattern("weave", "#ff0000ff", "#0000ffff", 13.0)
ACROSS = LinearGradient(
    (GradientStop(0.0, "#ff0000ff"), GradientStop(1.0, "#0000ffff")), (0.0, 0.0, "width", 0.0)
)
DIAGONAL = LinearGradient(
    (GradientStop(0.0, "#ff0000ff"), GradientStop(0.3, "#00ff0080"), GradientStop(1.0, "#0000ff")),
    (10.0, 0.0, "width", "height"),
)
# 90 bars side by side (a dataset's bars do not overlap), one past the canvas' edge
RECTS = np.array(
    [[4.3 * i, 5.0, 4.3 * i + 3.7 - 0.5 * (i % 3), 20.0 + (37 * i) % 150] for i in range(90)]
    + [[390.0, -10.0, 420.0, 80.0]]
)


def marker(**given: Any) -> dict[str, Any]:
    return {"$pattern": {"shape": "dot", **given}}


# --- reading -------------------------------------------------------------------------------------


def test_a_pattern_takes_patternomalys_defaults_and_quickcharts_size() -> None:
    assert fill_pattern({"$pattern": {}}, "p") == FillPattern(
        "square", DEFAULT_PATTERN_BACKGROUND, DEFAULT_PATTERN_COLOR, 20.0
    )
    assert fill_pattern(marker(size=0), "p").size == 20.0  # type: ignore[union-attr]
    assert fill_pattern(marker(size=500), "p").size == 200.0  # type: ignore[union-attr]
    assert fill_pattern(marker(size=1), "p").size == 1.0  # type: ignore[union-attr]
    assert fill_pattern(marker(backgroundColor="red"), "p").background == "#ff0000ff"  # type: ignore[union-attr]
    assert fill_pattern({"color": "red"}, "p") is None
    assert fill_paint("red", "p") is None


@pytest.mark.parametrize("alias", list(PATTERN_ALIASES))
def test_patternomalys_old_names_draw_their_shapes(alias: str) -> None:
    pattern = fill_pattern({"$pattern": {"shape": alias}}, "p")
    assert pattern is not None and pattern.shape == PATTERN_ALIASES[alias]


@pytest.mark.parametrize(
    ("given", "where", "message"),
    [
        ({"shape": "hexagon"}, "shape", r"^'hexagon' is no pattern shape: one of plus, cross"),
        ({"shape": 5}, "shape", "is no pattern shape"),
        ({"size": 0.5}, "size", "must be from 1 to 200 CSS pixels"),
        ({"size": -20}, "size", "must be from 1 to 200"),
        ({"size": "20"}, "size", "must be a number"),
        ({"size": True}, "size", "must be a number"),
        ({"backgroundColor": "#12345"}, "backgroundColor", "'#12345' is not a colour"),
        ({"patternColor": 7}, "patternColor", "must be a CSS colour"),
    ],
)
def test_a_pattern_a_canvas_could_not_paint_names_its_path(
    given: dict[str, Any], where: str, message: str
) -> None:
    with pytest.raises(PaintError, match=message) as caught:
        fill_pattern(marker(**given), "p")
    assert caught.value.path == f"p (pattern {where})"


# --- tiles ---------------------------------------------------------------------------------------


def test_every_shape_draws_both_colours_and_no_two_shapes_alike() -> None:
    tiles = set()
    for shape in PATTERN_SHAPES:
        tile = pattern_tile(FillPattern(shape, "#ff0000ff", "#0000ffff", 20.0), 2.0)
        assert tile.shape == (40, 40)
        rgba = tile.view(np.uint8).reshape(40, 40, 4)
        assert (rgba[..., 3] == 255).all(), shape  # the background covers the tile
        assert (rgba[..., 2] > 200).sum() > 20 and (rgba[..., 0] > 200).sum() > 200, shape
        tiles.add(tile.tobytes())
    assert len(tiles) == len(PATTERN_SHAPES)


def test_a_turned_shape_is_its_shape_turned() -> None:
    def tile(shape: str) -> np.ndarray:
        return pattern_tile(FillPattern(shape, "#ff0000ff", "#0000ffff", 20.0), 1.0)  # type: ignore[arg-type]

    # patternomaly turns about the tile: (x, y) -> (size - y, x); half-pixel positions make
    # antialiasing differ by a level or two
    def channels(words: np.ndarray) -> np.ndarray:
        return np.ascontiguousarray(words).view(np.uint8).astype(int)

    turned = channels(np.rot90(tile("line"), -1))
    assert np.abs(turned - channels(tile("line-vertical"))).max() <= 2
    flipped = channels(tile("triangle")[::-1, ::-1])
    assert np.abs(flipped - channels(tile("triangle-inverted"))).max() <= 2


def test_the_tiles_repeat_from_the_canvas_top_left_whatever_box_is_filled() -> None:
    for scale in (1.5, 2.0):  # 19.5 and 26 device pixels a tile
        whole = paint_fill._pattern_words(PLAID, 0, 0, (200, 400), 200.0, scale)
        part = paint_fill._pattern_words(PLAID, 37, 11, (50, 90), 200.0, scale)
        assert np.array_equal(part, whole[11:61, 37:127])
    # at a whole number of pixels a tile: the tile itself, from the top left (rows count up)
    tile = pattern_tile(PLAID, 2.0)
    assert tile.shape == (26, 26)
    assert np.array_equal(whole[::-1][:26, :26], tile)
    assert np.array_equal(whole[::-1][26:52, 52:78], tile)


# --- filling -------------------------------------------------------------------------------------


def painted(fill: Any) -> np.ndarray:
    renderer = RendererAgg(400, 200, 100)
    assert fill(Canvas(renderer, 1.0))
    return np.asarray(renderer.buffer_rgba()).copy()


@pytest.mark.parametrize(("module", "paint"), [(paint_fill, PLAID), (gradient_fill, DIAGONAL)])
def test_one_shared_image_paints_what_an_image_per_bar_paints(
    monkeypatch: pytest.MonkeyPatch, module: ModuleType, paint: Paint
) -> None:
    assert len(RECTS) > module._MAX_SEPARATE_IMAGES
    shared = painted(lambda canvas: paint_fill.fill_rects_with_paint(canvas, RECTS, paint))
    monkeypatch.setattr(module, "_MAX_SEPARATE_IMAGES", len(RECTS))
    separate = painted(lambda canvas: paint_fill.fill_rects_with_paint(canvas, RECTS, paint))
    assert shared[..., 3].any()
    assert np.array_equal(shared, separate)


def test_the_first_and_last_stops_hold_beyond_the_gradient_line() -> None:
    across = LinearGradient(
        (GradientStop(0.0, "#ff0000ff"), GradientStop(1.0, "#0000ffff")), (100.0, 0.0, 300.0, 0.0)
    )
    whole = np.array([[0.0, 0.0, 400.0, 200.0]])
    image = painted(lambda canvas: paint_fill.fill_rects_with_paint(canvas, whole, across))
    assert image[100, 50].tolist() == [255, 0, 0, 255]
    assert image[100, 350].tolist() == [0, 0, 255, 255]
    assert image[100, 199].tolist() == pytest.approx([128, 0, 127, 255], abs=2)


def test_a_gradient_of_zero_length_paints_nothing() -> None:
    point = LinearGradient((GradientStop(0.0, "#ff0000ff"),), (5.0, 5.0, 5.0, 5.0))
    image = painted(lambda canvas: paint_fill.fill_rects_with_paint(canvas, RECTS, point))
    assert not image[..., 3].any()


def test_a_shape_filled_with_a_paint_covers_what_it_covers_in_a_colour() -> None:
    wedge = Path(np.array([[20.0, 20.0], [300.0, 40.5], [120.0, 190.0], [20.0, 20.0]]))
    solid = painted(lambda canvas: canvas.fill_path(wedge, (0, 0, 0, 1)) or True)
    for paint in (PLAID, ACROSS):
        image = painted(lambda canvas, p=paint: paint_fill.fill_path_with_paint(canvas, wedge, p))
        assert np.abs(image[..., 3].astype(int) - solid[..., 3]).max() <= 1


def test_a_line_stroked_with_a_gradient_covers_what_a_coloured_stroke_covers() -> None:
    line = Path(np.array([[10.0, 30.0], [390.0, 30.0], [200.0, 180.0]]))
    solid = painted(lambda canvas: canvas.stroke_path(line, (0, 0, 0, 1), 6.0) or True)
    image = painted(
        lambda canvas: paint_fill.stroke_path_with_paint(canvas, line, 6.0, None, ACROSS)
    )
    assert np.abs(image[..., 3].astype(int) - solid[..., 3]).max() <= 1
    row = 200 - 30  # rows count from the top
    assert image[row, 20, 0] > 230 and image[row, 380, 2] > 230  # red at the left, blue right


def test_vector_canvases_are_left_to_the_callers_colour() -> None:
    canvas = Canvas(RendererAgg(400, 200, 100), 2.0)  # as SVG/PDF: a unit other than a pixel
    assert not paint_fill.fill_rects_with_paint(canvas, RECTS, PLAID)
    assert not paint_fill.fill_path_with_paint(canvas, Path(RECTS[:3, :2]), PLAID)


def test_a_bar_charts_legend_box_shows_its_pattern() -> None:
    spec = ChartSpec.model_validate(
        {"kind": "bar", "categories": ["a", "b"], "series": [{"name": "x", "y": [1, 2]}],
         "legend": True}
    )  # fmt: skip
    # 1 px lines at y = 2 … 3 and 7 … 8 of every 10: the box (8 px tall) crosses one
    stripes = FillPattern("line", "#ff0000ff", "#0000ffff", 10.0)
    styles = ChartStyles((SeriesStyle(pattern=stripes),))
    options = OutputOptions(width=300, height=200)
    frame = options.frame
    with themed(frame.theme):
        _, placed = engine.prepare(spec, frame, styles=styles)
    x0, y0, x1, y1 = placed.legend[0].swatch_rect
    png = engine.render_spec(spec, options, styles=styles)
    image = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)
    box = image[
        frame.height_px - int(y1) + 1 : frame.height_px - int(y0) - 1, int(x0) + 1 : int(x1) - 1
    ]
    assert (np.abs(box - [255, 0, 0]).max(axis=-1) < 10).any()
    assert (np.abs(box - [0, 0, 255]).max(axis=-1) < 10).any()


def test_shapes_filled_one_after_another_each_show_in_their_own_outline() -> None:
    """Agg keeps its last clip mask by the clip path's address; paths made and dropped one
    after another often share one, and must not share the mask."""

    def triangle(i: int) -> Path:
        x = 40.0 * i
        return Path(np.array([[x, 10.0], [x + 35.0, 10.0], [x + 17.0, 150.0], [x, 10.0]]))

    def fill(canvas: Canvas) -> bool:
        for i in range(9):
            paint_fill.fill_path_with_paint(canvas, triangle(i), PLAID)  # each dropped after
        return True

    together = painted(fill)
    alone = sum(
        painted(lambda canvas, i=i: paint_fill.fill_path_with_paint(canvas, triangle(i), PLAID))[
            ..., 3
        ].astype(int)
        for i in range(9)
    )
    assert np.array_equal(together[..., 3].astype(int), alone)
