"""A round Chart.js chart's own options as ``ChartSpec`` fields: where a pie, doughnut or
polar area starts and how much of the circle it sweeps, a doughnut's hole, and whether radar
datasets are filled. Chart.js 2 reads angles in radians, 3 and 4 in degrees:

=================  ===============================  ===============================
option             v2 (default)                     v3/v4 (default)
=================  ===============================  ===============================
rotation           ``options.rotation`` (−π/2)      ``options.rotation`` (0)
circumference      ``options.circumference`` (2π)   ``options.circumference`` (360)
hole               ``cutoutPercentage`` (50; pie 0)  ``cutout`` ('50%'; pie 0; a number: px)
polar start        ``options.startAngle`` (−π/2)    ``options.startAngle`` (0)
radar start        none                             ``scales.r.startAngle`` (0)
radar fill         dataset ``fill`` (true)          dataset ``fill`` ('start': filled)
=================  ===============================  ===============================

Values Chart.js could not draw with are a ``TranslationError`` naming their path; a start
angle turns modulo 360°. No matplotlib and no HTTP here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from chartfn.chartjs.ticks import option_number
from chartfn.models.chart_spec import MAX_CUTOUT, MAX_CUTOUT_PX

__all__ = ["round_fields"]

_PERCENT = re.compile(r"\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*%\s*")
Raise = Callable[[str, str], Exception]


def round_fields(
    kind: str,
    options: Mapping[str, Any],
    datasets: list[Mapping[str, Any]],
    version: int,
    warnings: list[str],
    error: Raise,
) -> dict[str, Any]:
    """Spec fields for a Chart.js ``kind`` ('pie', 'doughnut', 'polarArea', 'radar'); a pie
    is a doughnut without a hole (``kind`` in the result: "doughnut", ``cutout`` 0)."""
    if kind in ("pie", "doughnut"):
        fields: dict[str, Any] = {"kind": kind}
        rotation = _angle(options, "rotation", version, warnings, error)
        if rotation is not None:
            fields["rotation"] = rotation
        circumference = _circumference(options, version, error)
        if circumference is not None:
            fields["circumference"] = circumference
        cutout = _cutout(kind, options, version, warnings, error)
        # Chart.js draws a pie as a doughnut without a hole: as large as the chart area
        # allows, slices parted by white borders, no text beside them. So is it drawn here
        # (the spec's own pie kind leaves room for outside labels Chart.js does not draw).
        if isinstance(cutout, _Pixels):
            fields.update(kind="doughnut", cutout_px=cutout.pixels)
        else:
            fields.update(kind="doughnut", cutout=cutout if cutout is not None else 0.0)
        return fields
    if kind == "polarArea":
        fields = {"kind": "polar_area"}
        start = _angle(options, "startAngle", version, warnings, error)
        if start is not None:
            fields["rotation"] = start
        return fields
    fields = {"kind": "radar"}
    scales = options.get("scales")
    scale = scales.get("r") if isinstance(scales, Mapping) else None
    if version >= 3 and isinstance(scale, Mapping):
        start = _angle(scale, "startAngle", version, warnings, error, "options.scales.r")
        if start is not None:
            fields["rotation"] = start
    fills = [_filled(dataset) for dataset in datasets]
    if not any(fills):
        fields["fill"] = False
    elif not all(fills):
        fields["fill"] = fills
    return fields


def _filled(dataset: Mapping[str, Any]) -> bool:
    return dataset.get("fill") is not False


def _given(value: Any) -> bool:
    return value is not None and not isinstance(value, bool)


def _angle(
    options: Mapping[str, Any],
    name: str,
    version: int,
    warnings: list[str],
    error: Raise,
    where: str = "options",
) -> float | None:
    """Degrees clockwise from 12 o'clock (the spec's ``rotation``); None for the default."""
    raw = options.get(name)
    if not _given(raw):
        return None
    number = option_number(raw)
    if number is None:
        raise error(f"{where}.{name}", f"{_shown(raw)} is not a number of {_unit(version)}")
    degrees = math.degrees(number) + 90.0 if version == 2 else number
    degrees = math.fmod(degrees, 360.0) + 0.0
    return None if degrees == 0 else degrees


def _circumference(options: Mapping[str, Any], version: int, error: Raise) -> float | None:
    raw = options.get("circumference")
    if not _given(raw):
        return None
    number = option_number(raw)
    if number is None or number <= 0:
        raise error(
            "options.circumference",
            f"{_shown(raw)} is not a number of {_unit(version)} above 0",
        )
    degrees = min(360.0, math.degrees(number) if version == 2 else number)
    return None if degrees >= 360 else degrees


@dataclass(frozen=True)
class _Pixels:
    """A hole given in CSS pixels (Chart.js 3/4's number ``cutout``)."""

    pixels: float


def _cutout(
    kind: str, options: Mapping[str, Any], version: int, warnings: list[str], error: Raise
) -> float | _Pixels | None:
    """The hole as a share of the radius, or in pixels; None: the kind's default (doughnut
    50 %, pie 0)."""
    name = "cutoutPercentage" if version == 2 else "cutout"
    raw = options.get(name)
    if not _given(raw):
        return 0.5 if kind == "doughnut" else None
    path = f"options.{name}"
    if version == 2 or (isinstance(raw, str) and _PERCENT.fullmatch(raw)):
        matched = _PERCENT.fullmatch(raw) if isinstance(raw, str) else None
        number = float(matched.group(1)) if matched else option_number(raw)
        if number is None:
            raise error(path, f"{_shown(raw)} is not a percentage")
        share = number / 100
    else:
        number = option_number(raw.removesuffix("px") if isinstance(raw, str) else raw)
        if number is None:
            raise error(path, f"{_shown(raw)} is not a number of pixels or a percentage")
        # Chart.js 4 takes the pixels over half the chart area's short side, capped at 1 (and
        # a hole below 0 at 0): the engine knows that side, so the pixels travel in the spec
        return _Pixels(min(max(number, 0.0), MAX_CUTOUT_PX))
    if share > MAX_CUTOUT:
        warnings.append(f"{path}: a hole over {MAX_CUTOUT:.0%} of the radius is drawn at that")
    return min(max(share, 0.0), MAX_CUTOUT)


def _unit(version: int) -> str:
    return "radians" if version == 2 else "degrees"


def _shown(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else type(value).__name__
    return text if len(text) <= 40 else text[:39] + "…"
