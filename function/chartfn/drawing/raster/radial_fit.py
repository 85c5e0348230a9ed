"""Where Chart.js puts a radial scale (a radar's or polar area's) in its chart area: centre and
radius, as 2.9.4 and 4 fit it, in CSS pixels with their roundings (the engine's pixels are
CSS pixels times the device pixel ratio).

- 2.9.4 (``scale.radialLinear.js``): ``setDimensions`` keeps half the tick backdrop
  (font size + 2 × 2 px) above the scale; the radius is half the smaller side under it.
  With point labels, ``fitWithPointLabels`` measures each label 5 px past the radius from a
  centre that ignores the area's origin, and ``setReductions`` shrinks the radius (floored)
  and moves the centre (floored) by how far labels reach past the area's sides.
- 4 (and 3.9): ``setDimensions`` keeps half the backdrop on every side, the radius floored
  half the smaller side left; ``fitWithPointLabels`` measures labels 5 px past the radius
  (angles rounded to whole degrees) and ``setCenterPoint`` moves the centre by half the
  difference of the overhangs (floored) and shrinks the radius by the largest overhang, at
  most by half.

Label heights are lines × the font's line height (1.2 em), as Chart.js measures them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

__all__ = ["LINE_HEIGHT_EM", "fit_radial"]

LINE_HEIGHT_EM = 1.2  # Chart.js's default font lineHeight
LABEL_PADDING = 5.0  # CSS px between the radius and a point label (pointLabels.padding)

Box = tuple[float, float, float, float]  # left, top, right, bottom: CSS px, y down


def fit_radial(
    version: int,
    area: Box,
    label_sizes: Sequence[tuple[float, float]],
    start: float,
    backdrop: float,
) -> tuple[float, float, float]:
    """Centre (x, y down) and radius in CSS px of the radial scale in the chart ``area``;
    ``label_sizes``: each point label's width and height (empty: none drawn), ``start``
    the first spoke's degrees clockwise from 12 o'clock, ``backdrop`` the tick backdrop's
    height (0 when tick labels are hidden)."""
    if version >= 3:
        return _fit_v4(area, label_sizes, start, backdrop)
    return _fit_v2(area, label_sizes, start, backdrop)


def _fit_v2(
    area: Box, sizes: Sequence[tuple[float, float]], start: float, backdrop: float
) -> tuple[float, float, float]:
    left, top, right, bottom = area
    width, height = right - left, bottom - top
    padding_top = backdrop / 2
    inner = height - padding_top
    radius = min(inner, width) / 2
    moves = (0.0, 0.0, 0.0, 0.0)
    if sizes:
        # the centre before the fit: setDimensions' own, without the area's origin
        xc, yc = math.floor(width / 2), math.floor(inner / 2)
        limits = {"l": 0.0, "r": width, "t": 0.0, "b": inner}
        turned: dict[str, float] = {}
        count = len(sizes)
        for index, (label_width, label_height) in enumerate(sizes):
            radians = _v2_index_angle(index, count, start)
            x = math.cos(radians - math.pi / 2) * (radius + LABEL_PADDING) + xc
            y = math.sin(radians - math.pi / 2) * (radius + LABEL_PADDING) + yc
            degrees = math.fmod(radians * (180 / math.pi), 360)
            h_start, h_end = _limits(degrees, x, label_width, 0, 180)
            v_start, v_end = _limits(degrees, y, label_height, 90, 270)
            for key, value, further in (("l", h_start, h_start < limits["l"]),
                                        ("r", h_end, h_end > limits["r"]),
                                        ("t", v_start, v_start < limits["t"]),
                                        ("b", v_end, v_end > limits["b"])):  # fmt: skip
                if further:
                    limits[key], turned[key] = value, radians
        moves = (
            _or_zero(limits["l"], math.sin(turned.get("l", math.nan))),
            _or_zero(max(limits["r"] - width, 0.0), math.sin(turned.get("r", math.nan))),
            _or_zero(-limits["t"], math.cos(turned.get("t", math.nan))),
            _or_zero(-max(limits["b"] - inner, 0.0), math.cos(turned.get("b", math.nan))),
        )
        radius = min(
            math.floor(radius - (moves[0] + moves[1]) / 2),
            math.floor(radius - (moves[2] + moves[3]) / 2),
        )
    move_l, move_r, move_t, move_b = moves
    max_right = width - move_r - radius
    max_left = move_l + radius
    max_top = move_t + radius
    max_bottom = inner - move_b - radius
    cx = math.floor((max_left + max_right) / 2 + left)
    cy = math.floor((max_top + max_bottom) / 2 + top + padding_top)
    return float(cx), float(cy), max(float(radius), 0.0)


def _v2_index_angle(index: int, count: int, start: float) -> float:
    angle = math.fmod(index * (360 / count) + start, 360)
    return (angle + 360 if angle < 0 else angle) * math.pi * 2 / 360


def _or_zero(value: float, by: float) -> float:
    """``value / by``, 0 where JavaScript's is NaN or infinite (Chart.js's numberOrZero)."""
    if by == 0 or math.isnan(by):
        return 0.0
    quotient = value / by
    return quotient if math.isfinite(quotient) else 0.0


def _fit_v4(
    area: Box, sizes: Sequence[tuple[float, float]], start: float, backdrop: float
) -> tuple[float, float, float]:
    left, top, right, bottom = area
    pad = backdrop / 2
    width, height = (right - left) - backdrop, (bottom - top) - backdrop
    xc = math.floor(left + width / 2 + pad)
    yc = math.floor(top + height / 2 + pad)
    radius = math.floor(min(width, height) / 2)
    moves = (0.0, 0.0, 0.0, 0.0)
    if sizes:
        orig = {"l": left + pad, "r": right - pad, "t": top + pad, "b": bottom - pad}
        limits = dict(orig)
        count = len(sizes)
        for index, (label_width, label_height) in enumerate(sizes):
            radians = _normalized(index * (2 * math.pi / count) + start * (math.pi / 180))
            x = math.cos(radians - math.pi / 2) * (radius + LABEL_PADDING) + xc
            y = math.sin(radians - math.pi / 2) * (radius + LABEL_PADDING) + yc
            degrees = _js_round(radians * (180 / math.pi))
            h_start, h_end = _limits(degrees, x, label_width, 0, 180)
            v_start, v_end = _limits(degrees, y, label_height, 90, 270)
            sin, cos = abs(math.sin(radians)), abs(math.cos(radians))
            if h_start < orig["l"]:
                limits["l"] = min(limits["l"], orig["l"] - _or_infinite(orig["l"] - h_start, sin))
            elif h_end > orig["r"]:
                limits["r"] = max(limits["r"], orig["r"] + _or_infinite(h_end - orig["r"], sin))
            if v_start < orig["t"]:
                limits["t"] = min(limits["t"], orig["t"] - _or_infinite(orig["t"] - v_start, cos))
            elif v_end > orig["b"]:
                limits["b"] = max(limits["b"], orig["b"] + _or_infinite(v_end - orig["b"], cos))
        moves = (
            orig["l"] - limits["l"],
            limits["r"] - orig["r"],
            orig["t"] - limits["t"],
            limits["b"] - orig["b"],
        )
    move_l, move_r, move_t, move_b = moves
    if all(math.isfinite(move) for move in moves):
        xc += math.floor((move_l - move_r) / 2)
        yc += math.floor((move_t - move_b) / 2)
    # (a label straight along an axis that still overhangs makes Chart.js's centre infinite:
    # the centre stays, the radius halves as Chart.js's does)
    radius -= min(radius / 2, max(moves))
    return float(xc), float(yc), max(float(radius), 0.0)


def _normalized(radians: float) -> float:
    tau = 2 * math.pi
    return math.fmod(math.fmod(radians, tau) + tau, tau)


def _js_round(value: float) -> float:
    return float(math.floor(value + 0.5))


def _or_infinite(value: float, by: float) -> float:
    """``value / by`` as JavaScript divides a positive ``value`` (by 0: infinite)."""
    if by == 0:
        return math.inf
    return value / by


def _limits(
    degrees: float, position: float, size: float, low: float, high: float
) -> tuple[float, float]:
    """Chart.js's determineLimits: where a label starts and ends along one axis."""
    if degrees in (low, high):
        return position - size / 2, position + size / 2
    if degrees < low or degrees > high:
        return position - size, position
    return position, position + size
