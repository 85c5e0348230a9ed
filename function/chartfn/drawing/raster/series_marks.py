"""A Chart.js dataset's line, area and points as Chart.js draws them (``SeriesStyle``): curves
through Chart.js's own Bézier control points, steps, dashes, fills to the origin or an axis end,
and points in each of its point styles, coloured point by point.

The curve maths is Chart.js's, ported from ``src/helpers/helpers.curve.ts`` (Chart.js 4:
``splineCurve``, ``splineCurveMonotone`` with ``monotoneAdjust`` / ``monotoneCompute``, and
``capBezierPoints`` from ``_updateBezierControlPoints``), which 2.9.4's ``helpers.splineCurve``
and ``splineCurveMonotone`` compute alike; the steps are ``_steppedLineTo`` from
``helpers.canvas.ts``. Everything here works in frame pixels, y upwards.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from chartfn.drawing.matplotlib_runtime import Path
from chartfn.drawing.raster.canvas import Canvas, Rect
from chartfn.drawing.raster.paint_fill import (
    fill_path_with_paint,
    paint_of,
    stroke_path_with_paint,
)
from chartfn.drawing.raster.style import RGBA
from chartfn.models.series_style import SeriesStyle

__all__ = ["POINTS_PER_CSS_PIXEL", "draw_line", "draw_points", "point_shape", "runs_of"]

# Chart.js sizes things in CSS pixels: 1/100 inch at the frame's dpi, 72/100 of a point.
POINTS_PER_CSS_PIXEL = 0.72
_EPSILON = 1e-12


@dataclass(frozen=True)
class _Run:
    """Consecutive points a line joins, with their Bézier control points (None: straight)."""

    x: np.ndarray
    y: np.ndarray
    cp1: np.ndarray | None = None  # (n, 2): the control point before each point
    cp2: np.ndarray | None = None  # (n, 2): the control point after each point


def runs_of(present: np.ndarray, span_gaps: bool) -> list[np.ndarray]:
    """Index arrays of the points each stroke joins: one over all present points with
    ``span_gaps``, else one per stretch between gaps."""
    indexes = np.flatnonzero(present)
    if span_gaps or indexes.size == 0:
        return [indexes] if indexes.size else []
    breaks = np.flatnonzero(np.diff(indexes) > 1) + 1
    return [run for run in np.split(indexes, breaks) if run.size]


def _spline(x: np.ndarray, y: np.ndarray, tension: float) -> tuple[np.ndarray, np.ndarray]:
    """Chart.js's ``splineCurve`` at every point; the ends use themselves as neighbours."""
    previous = np.stack([np.concatenate(([x[0]], x[:-1])), np.concatenate(([y[0]], y[:-1]))], 1)
    following = np.stack([np.concatenate((x[1:], [x[-1]])), np.concatenate((y[1:], [y[-1]]))], 1)
    current = np.stack([x, y], axis=1)
    d01 = np.hypot(*(current - previous).T)
    d12 = np.hypot(*(following - current).T)
    total = d01 + d12
    with np.errstate(invalid="ignore", divide="ignore"):
        s01 = np.where(total > 0, d01 / total, 0.0)
        s12 = np.where(total > 0, d12 / total, 0.0)
    span = following - previous
    cp1 = current - (tension * s01)[:, None] * span
    cp2 = current + (tension * s12)[:, None] * span
    return cp1, cp2


def _monotone(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Chart.js's ``splineCurveMonotone`` (Fritsch–Carlson), along x."""
    count = len(x)
    delta = np.zeros(count)
    dx = np.diff(x)
    with np.errstate(invalid="ignore", divide="ignore"):
        delta[:-1] = np.where(dx != 0, np.diff(y) / np.where(dx != 0, dx, 1.0), 0.0)
    slopes = np.zeros(count)
    for i in range(count):
        if i == 0:
            slopes[i] = delta[i]
        elif i == count - 1:
            slopes[i] = delta[i - 1]
        elif np.sign(delta[i - 1]) != np.sign(delta[i]):
            slopes[i] = 0.0
        else:
            slopes[i] = (delta[i - 1] + delta[i]) / 2
    for i in range(count - 1):  # monotoneAdjust
        if abs(delta[i]) < _EPSILON:
            slopes[i] = slopes[i + 1] = 0.0
            continue
        alpha, beta = slopes[i] / delta[i], slopes[i + 1] / delta[i]
        magnitude = alpha * alpha + beta * beta
        if magnitude <= 9:
            continue
        tau = 3 / math.sqrt(magnitude)
        slopes[i], slopes[i + 1] = alpha * tau * delta[i], beta * tau * delta[i]
    before = np.concatenate(([0.0], dx)) / 3  # monotoneCompute
    after = np.concatenate((dx, [0.0])) / 3
    cp1 = np.stack([x - before, y - before * slopes], axis=1)
    cp2 = np.stack([x + after, y + after * slopes], axis=1)
    return cp1, cp2


def _capped(points: np.ndarray, inside: np.ndarray, plot: Rect) -> np.ndarray:
    """``capBezierPoints``: control points of points inside the plot kept inside it."""
    x0, y0, x1, y1 = plot
    capped = points.copy()
    capped[inside, 0] = np.clip(points[inside, 0], x0, x1)
    capped[inside, 1] = np.clip(points[inside, 1], y0, y1)
    return capped


def _run(x: np.ndarray, y: np.ndarray, style: SeriesStyle, plot: Rect) -> _Run:
    curved = (style.tension != 0 or style.monotone) and style.stepped is None and len(x) > 1
    if not curved:
        return _Run(x, y)
    cp1, cp2 = _monotone(x, y) if style.monotone else _spline(x, y, style.tension)
    x0, y0, x1, y1 = plot
    inside = (x >= x0) & (x <= x1) & (y >= y0) & (y <= y1)
    return _Run(x, y, _capped(cp1, inside, plot), _capped(cp2, inside, plot))


def _outline(run: _Run, stepped: str | None) -> tuple[np.ndarray, np.ndarray]:
    """Vertices and path codes from the run's first point to its last."""
    x, y = run.x, run.y
    if run.cp1 is not None and run.cp2 is not None:
        vertices = [[x[0], y[0]]]
        for i in range(1, len(x)):
            vertices += [run.cp2[i - 1].tolist(), run.cp1[i].tolist(), [x[i], y[i]]]
        codes = [Path.MOVETO] + [Path.CURVE4] * (3 * (len(x) - 1))
        return np.array(vertices, dtype=np.float64), np.array(codes, dtype=Path.code_type)
    if stepped is not None and len(x) > 1:
        previous_x, previous_y, target_x, target_y = x[:-1], y[:-1], x[1:], y[1:]
        if stepped == "middle":
            middle = (previous_x + target_x) / 2
            corners = [(middle, previous_y), (middle, target_y)]
        elif stepped == "after":
            corners = [(previous_x, target_y)]
        else:  # "before" (Chart.js's true)
            corners = [(target_x, previous_y)]
        steps = [np.stack(c, axis=1) for c in corners] + [np.stack([target_x, target_y], 1)]
        body = np.stack(steps, axis=1).reshape(-1, 2)
        vertices = np.concatenate([[[x[0], y[0]]], body])
    else:
        vertices = np.stack([x, y], axis=1)
    codes = np.full(len(vertices), Path.LINETO, dtype=Path.code_type)
    codes[0] = Path.MOVETO
    return vertices, codes


def draw_line(
    canvas: Canvas,
    px: np.ndarray,
    py: np.ndarray,
    style: SeriesStyle,
    color: RGBA,
    fill: RGBA | None,
    base: float | None,
    plot: Rect,
    default_width_pt: float,
) -> None:
    """The dataset's area down (or up) to ``base`` in ``fill``, then its line in ``color``."""
    present = np.isfinite(px) & np.isfinite(py)
    outlines = [
        _outline(_run(px[r], py[r], style, plot), style.stepped)
        for r in runs_of(present, style.span_gaps)
    ]
    paint = paint_of(style)  # a gradient or pattern area
    if fill is not None and base is not None and (fill[3] > 0 or paint is not None):
        for vertices, codes in outlines:
            closing = np.array([[vertices[-1, 0], base], [vertices[0, 0], base], [0.0, 0.0]])
            area = Path(
                np.concatenate([vertices, closing]),
                np.concatenate([codes, [Path.LINETO, Path.LINETO, Path.CLOSEPOLY]]).astype(
                    Path.code_type
                ),
            )
            if paint is None or not fill_path_with_paint(canvas, area, paint):
                canvas.fill_path(area, fill)
    if not style.show_line:
        return
    width = (
        default_width_pt if style.line_width is None else style.line_width * POINTS_PER_CSS_PIXEL
    )
    if width <= 0 or color[3] <= 0:
        return
    dashes = _dashes(style.dash)
    for vertices, codes in outlines:
        if len(vertices) < 2:
            continue
        line = Path(vertices, codes)
        paint = style.border_paint
        if paint is None or not stroke_path_with_paint(canvas, line, width, dashes, paint):
            canvas.stroke_path(line, color, width, dashes=dashes)


def _dashes(dash: Sequence[float]) -> list[float] | None:
    """A canvas dash list in points: odd lists repeat (as ``setLineDash`` does); all-zero is
    a solid line."""
    if not dash or not any(d > 0 for d in dash):
        return None
    pattern = list(dash) * (2 if len(dash) % 2 else 1)
    return [max(d, 0.0) * POINTS_PER_CSS_PIXEL for d in pattern]


def _polygon(angles_deg: Sequence[float], radius: float = 1.0) -> Path:
    """Vertices at ``angles_deg`` clockwise from 12 o'clock (Chart.js's ``rotation``)."""
    vertices = [
        (radius * math.sin(math.radians(a)), radius * math.cos(math.radians(a))) for a in angles_deg
    ]
    return Path([*vertices, vertices[0]], closed=True)


def _strokes(angles_deg: Sequence[float]) -> Path:
    """Lines through the centre at ``angles_deg``, each of radius 1 either side."""
    vertices: list[tuple[float, float]] = []
    for a in angles_deg:
        dx, dy = math.sin(math.radians(a)), math.cos(math.radians(a))
        vertices += [(dx, dy), (-dx, -dy)]
    codes = [Path.MOVETO, Path.LINETO] * len(angles_deg)
    return Path(vertices, codes)


_HALF_SIDE = math.sqrt(0.5)  # Chart.js's rect: side r·√2
_SHAPES: dict[str, Path] = {
    "circle": Path.unit_circle(),
    "triangle": _polygon((0.0, 120.0, 240.0)),
    "rect": Path(
        [
            (-_HALF_SIDE, -_HALF_SIDE),
            (_HALF_SIDE, -_HALF_SIDE),
            (_HALF_SIDE, _HALF_SIDE),
            (-_HALF_SIDE, _HALF_SIDE),
            (-_HALF_SIDE, -_HALF_SIDE),
        ],
        closed=True,
    ),
    "rectRot": _polygon((0.0, 90.0, 180.0, 270.0)),
    "cross": _strokes((0.0, 90.0)),
    "crossRot": _strokes((45.0, 135.0)),
    "star": _strokes((0.0, 90.0, 45.0, 135.0)),
    "line": _strokes((90.0,)),
    "dash": Path([(0.0, 0.0), (1.0, 0.0)], [Path.MOVETO, Path.LINETO]),
}
_SHAPES["rectRounded"] = _SHAPES["rect"]  # the rounding is a fraction of a pixel at radius 3
_OPEN_SHAPES = frozenset({"cross", "crossRot", "star", "line", "dash"})


def point_shape(name: str) -> tuple[Path, bool]:
    """The unit path of a Chart.js point style, and whether it is filled."""
    return _SHAPES.get(name, _SHAPES["circle"]), name not in _OPEN_SHAPES


def draw_points(
    canvas: Canvas,
    px: np.ndarray,
    py: np.ndarray,
    radii_css: np.ndarray,
    style: SeriesStyle,
    faces: Sequence[RGBA],
    edges: Sequence[RGBA],
) -> None:
    """Points (bubbles) at (px, py), ``radii_css`` CSS pixels in radius, point i filled with
    ``faces[i]`` and ringed in ``edges[i]``: one marker call per (radius, colours) group, so
    the work is bounded by the number of distinct looks, not of points."""
    shape, filled = point_shape(style.point_style)
    edge_pt = style.point_border_width * POINTS_PER_CSS_PIXEL
    groups: dict[tuple[float, RGBA, RGBA], list[int]] = {}
    for i in range(len(px)):
        if not (math.isfinite(px[i]) and math.isfinite(py[i])) or radii_css[i] <= 0:
            continue
        groups.setdefault((float(radii_css[i]), faces[i], edges[i]), []).append(i)
    for (radius, face, edge), indexes in groups.items():
        centers = np.stack([px[indexes], py[indexes]], axis=1)
        canvas.marks(
            centers,
            shape,
            radius * POINTS_PER_CSS_PIXEL,
            face if filled else None,
            edge,
            edge_pt if filled else max(edge_pt, POINTS_PER_CSS_PIXEL),
        )
