"""patternomaly's tiles (1.3.2, ``src/shapes/*.js``), drawn as its canvas draws them: the tile
filled with the background colour, then the shape in the pattern colour, stroked ``size / 10``
wide with round joins and caps or filled. Coordinates are the tile's CSS pixels, y downwards;
the tile is rendered at the chart's device pixel ratio, so it is as sharp as the rest.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import lru_cache

import numpy as np

from chartfn.drawing.matplotlib_runtime import Affine2D, Path, RendererAgg, to_rgba
from chartfn.models.fill_pattern import FillPattern

__all__ = ["pattern_period", "pattern_tile"]

Point = tuple[float, float]
# What a shape draws: ("stroke" | "fill", path in tile CSS pixels).
Strokes = list[tuple[str, Path]]
# A tile rendered this many device pixels a side or more is not kept (a large tile at a large
# ratio is megabytes; the usual ones, 20 CSS px at a ratio of 2, are 6 kB): at most
# _CACHED_TILES × 256 kB kept.
_MAX_CACHED_SIDE = 256
_CACHED_TILES = 32


def pattern_period(pattern: FillPattern) -> int:
    """The tile's side in CSS pixels: a canvas's width is a whole number."""
    return max(1, math.floor(pattern.size))


def pattern_tile(pattern: FillPattern, scale: float) -> np.ndarray:
    """The tile as (rows from the top, columns) RGBA words (uint32), ``scale`` device pixels
    a CSS pixel."""
    side = max(1, round(pattern_period(pattern) * scale))
    if side < _MAX_CACHED_SIDE:
        return _cached_tile(pattern, side)
    return _tile(pattern, side)


@lru_cache(maxsize=_CACHED_TILES)
def _cached_tile(pattern: FillPattern, side: int) -> np.ndarray:
    tile = _tile(pattern, side)
    tile.flags.writeable = False  # shared between renders
    return tile


def _tile(pattern: FillPattern, side: int) -> np.ndarray:
    size = pattern.size
    renderer = RendererAgg(side, side, 72.0)  # at 72 dpi a point is a pixel
    k = side / pattern_period(pattern)
    # tile CSS pixels (y down) to Agg's pixels (y up)
    to_device = Affine2D().scale(k, -k).translate(0.0, side)
    gc = renderer.new_gc()
    gc.set_antialiased(True)
    gc.set_snap(False)
    gc.set_linewidth(0.0)  # the background is filled, not outlined
    background = to_rgba(pattern.background)
    renderer.draw_path(gc, Path.unit_rectangle(), Affine2D().scale(side), background)
    color = to_rgba(pattern.color)
    gc.set_foreground(color, isRGBA=True)
    gc.set_capstyle("round")
    gc.set_joinstyle("round")
    turn = _TURNS.get(pattern.shape)
    placed = to_device if turn is None else turn(size) + to_device
    for how, path in _SHAPES[pattern.shape](size):
        if how == "stroke":
            gc.set_linewidth(size / 10 * k)
            renderer.draw_path(gc, path, placed, None)
        else:
            gc.set_linewidth(0.0)
            renderer.draw_path(gc, path, placed, color)
    gc.restore()
    rgba = np.asarray(renderer.buffer_rgba())
    return np.ascontiguousarray(rgba).view(np.uint32)[:, :, 0].copy()


def _lines(*segments: tuple[Point, ...], closed: bool = False) -> Path:
    """Polylines (closed polygons if ``closed``) as one path."""
    vertices: list[Point] = []
    codes: list[int] = []
    for points in segments:
        vertices += list(points)
        codes += [Path.MOVETO] + [Path.LINETO] * (len(points) - 1)
        if closed:
            vertices.append(points[0])
            codes.append(Path.CLOSEPOLY)
    return Path(np.array(vertices, dtype=np.float64), np.array(codes, dtype=Path.code_type))


def _circle(x: float, y: float, radius: float) -> Path:
    return Path.circle((x, y), radius)


def _plus(s: float) -> Strokes:
    h, q = s / 2, s / 4
    return [
        ("stroke", _lines(*(seg for o in (0.0, h) for seg in (
            ((q + o, o), (q + o, h + o)), ((o, q + o), (h + o, q + o)))))),
    ]  # fmt: skip


def _cross_at(s: float, o: float) -> tuple[tuple[Point, ...], ...]:
    h, gap = s / 2, 2.0
    return (((o + gap, o + gap), (h - gap + o, h - gap + o)),
            ((o + gap, h - gap + o), (h - gap + o, o + gap)))  # fmt: skip


def _dash_at(s: float, o: float) -> tuple[Point, ...]:
    h, gap = s / 2, 2.0
    return ((o + gap, o + gap), (h - gap + o, h - gap + o))


def _cross(s: float) -> Strokes:
    return [("stroke", _lines(*_cross_at(s, 0.0), *_cross_at(s, s / 2)))]


def _dash(s: float) -> Strokes:
    return [("stroke", _lines(_dash_at(s, 0.0), _dash_at(s, s / 2)))]


def _cross_dash(s: float) -> Strokes:
    return [("stroke", _lines(*_cross_at(s, 0.0), _dash_at(s, s / 2)))]


def _dots(s: float, radius: float, offsets: tuple[float, ...]) -> Path:
    q = s / 4
    return Path.make_compound_path(*(_circle(q + o, q + o, radius) for o in offsets))


def _dot(s: float) -> Strokes:
    return [("fill", _dots(s, s / 10, (0.0, s / 2)))]


def _dot_dash(s: float) -> Strokes:
    return [("stroke", _lines(_dash_at(s, s / 2))), ("fill", _dots(s, s / 10, (0.0,)))]


def _disc(s: float) -> Strokes:
    return [("fill", _dots(s, s / 5, (0.0, s / 2)))]


def _ring(s: float) -> Strokes:
    # drawDot's moveTo(x + size / 4, y) before the arc leaves a short spoke in the stroke
    q, r = s / 4, s / 5
    spokes = _lines(*(((q + o + q, q + o), (q + o + r, q + o)) for o in (0.0, s / 2)))
    return [("stroke", _dots(s, r, (0.0, s / 2))), ("stroke", spokes)]


def _line(s: float) -> Strokes:
    q = s / 4
    return [("stroke", _lines(((0.0, q), (s, q)), ((0.0, q + s / 2), (s, q + s / 2))))]


def _weave(s: float) -> Strokes:
    h = s / 2
    return [("stroke", _lines(((1.0, 1.0), (h - 1, h - 1)), ((h + 1, s - 1), (s - 1, h + 1))))]


def _zigzag(s: float) -> Strokes:
    q, h, t = s / 4, s / 2, s / 10
    rows = (((0.0, t + o), (q, h - t + o), (h, t + o), (s - q, h - t + o), (s, t + o))
            for o in (0.0, h))  # fmt: skip
    return [("stroke", _lines(*rows))]


def _diagonal(s: float) -> Strokes:
    h = s / 2
    lines = (((h - 1 - o, -1 + o), (s + 1 - o, h + 1 + o)) for o in (0.0, h))
    return [("stroke", _lines(*lines))]


def _square(s: float) -> Strokes:
    h, gap = s / 2, s / 20
    side = h - 2 * gap
    return [
        ("fill", _lines(*(((o + gap, o + gap), (o + gap + side, o + gap),
                            (o + gap + side, o + gap + side), (o + gap, o + gap + side))
                           for o in (0.0, h)), closed=True)),
    ]  # fmt: skip


def _box(s: float) -> Strokes:
    h, gap = s / 2, s / 20
    side = h - 4 * gap
    return [
        ("stroke", _lines(*(((o + gap, o + gap), (o + gap + side, o + gap),
                              (o + gap + side, o + gap + side), (o + gap, o + gap + side))
                             for o in (0.0, h)), closed=True)),
    ]  # fmt: skip


def _triangle(s: float) -> Strokes:
    h, q = s / 2, s / 4
    corners = (((q + o, o), (h + o, h + o), (o, h + o)) for o in (0.0, h))
    return [("fill", _lines(*corners, closed=True))]


def _diamond(s: float) -> Strokes:
    h, q = s / 2, s / 4
    corners = (((q + o, o), (h + o, q + o), (q + o, h + o), (o, q + o)) for o in (0.0, h))
    return [("fill", _lines(*corners, closed=True))]


def _diamond_box(s: float) -> Strokes:
    h, q = s / 2 - 1, s / 4
    corners = (
        ((q + o, o + 1), (h + o, q + o), (q + o, h + o), (o + 1, q + o)) for o in (0.0, s / 2)
    )
    return [("stroke", _lines(*corners, closed=True))]


_SHAPES: dict[str, Callable[[float], Strokes]] = {
    "plus": _plus,
    "cross": _cross,
    "dash": _dash,
    "cross-dash": _cross_dash,
    "dot": _dot,
    "dot-dash": _dot_dash,
    "disc": _disc,
    "ring": _ring,
    "line": _line,
    "line-vertical": _line,
    "weave": _weave,
    "zigzag": _zigzag,
    "zigzag-vertical": _zigzag,
    "diagonal": _diagonal,
    "diagonal-right-left": _diagonal,
    "square": _square,
    "box": _box,
    "triangle": _triangle,
    "triangle-inverted": _triangle,
    "diamond": _diamond,
    "diamond-box": _diamond_box,
}


def _quarter_turn(s: float) -> Affine2D:
    # translate(size, 0); rotate(90°): (x, y) -> (size - y, x)
    return Affine2D().rotate_deg(90).translate(s, 0.0)


def _half_turn(s: float) -> Affine2D:
    # translate(size, size); rotate(180°): (x, y) -> (size - x, size - y)
    return Affine2D().rotate_deg(180).translate(s, s)


# The shapes patternomaly draws turned (after the background is filled, so it stays whole).
_TURNS: dict[str, Callable[[float], Affine2D]] = {
    "line-vertical": _quarter_turn,
    "zigzag-vertical": _quarter_turn,
    "diagonal-right-left": _quarter_turn,
    "triangle-inverted": _half_turn,
}
