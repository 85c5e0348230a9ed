"""The named fidelity checks: chartfn's image and layout against where Chart.js put things.

``render.mjs`` records Chart.js's geometry (``geometry.json``: chart area, title and legend
boxes, each scale's ticks, each dataset's elements and fill colours); ``ours`` renders the same
config through chartfn's own pipeline (parse, translate, tick providers, layout, raster) and
keeps the layout beside the pixels. ``named_checks`` compares them:

- ``colours``: at every data element's centre in Chart.js's image (bar middle, slice middle at
  ``SLICE_PROBE`` of the ring, off its data label, point), chartfn's image has a pixel within
  ``COLOUR_TOLERANCE`` (largest channel difference) of Chart.js's colour there, within
  ``SEARCH`` pixels.
- ``extents``: bars measured in chartfn's pixels (in its own colour) from that centre, moved
  to the same shares of chartfn's plot area, along the value axis, both ends, as shares of
  each one's own plot area, within 2 % of Chart.js's (bars Chart.js filled with a gradient
  are left out: they have no one colour to follow); slices measured on chartfn's own ring
  (its centre and radii from chartfn's layout) near its rim, both edge angles within 2 % of
  the full turn (patterned slices and rings of no width are left out).
- ``ticks``: the tick labels of each cartesian axis, as lists, equal (after the minus sign
  and thousands-separator spellings are made alike).
- ``title`` / ``legend``: present in both or neither, and the box centres within
  ``PLACE_TOLERANCE`` of the canvas size of each other.

Plus the pixel-difference figures (``pixel_difference``): mean absolute difference of all RGB
channels (0-255) over the canvas, both on white, and the share of pixels whose largest channel
difference exceeds ``DIFFERENT``. A check is ``None`` when the chart has nothing it applies to.
"""

from __future__ import annotations

import io
import math
import sys
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "function"))

from chartfn.chartjs.output import output_for  # noqa: E402
from chartfn.chartjs.prepare import prepare  # noqa: E402
from chartfn.chartjs.request import parse_request  # noqa: E402
from chartfn.drawing.raster import engine  # noqa: E402
from chartfn.drawing.themes import themed  # noqa: E402

COLOUR_TOLERANCE = 24  # 0-255, largest channel: blending differs a little; tab10's blue is 47 off
SEARCH = 3  # pixels around the probe
CROSSING = 4  # pixels of a line across a bar that its run goes on over
EXTENT_TOLERANCE = 0.02  # of the plot area's length (bars) or of the full turn (slices)
RIM = 0.85  # slices are measured at this share of the way from inner to outer radius
SLICE_PROBE = 0.8  # and their colour is probed here
PLACE_TOLERANCE = 0.05  # of the canvas width and height
DIFFERENT = 64  # a pixel "differs" when a channel differs by more than this
PIXEL_BUDGET = 10_000_000


@dataclass
class Ours:
    """chartfn's image (RGB on white, rows top-down) and where its layout put things, in
    image pixels with y downwards as Chart.js's."""

    image: np.ndarray
    plot: dict[str, float]
    x_ticks: list[str]  # left to right
    y_ticks: list[str]  # top to bottom, as Chart.js lists them
    title: dict[str, float] | None
    legend: dict[str, float] | None
    # per ring (a pie's or doughnut's dataset), its drawn slices, from chartfn's layout
    rings: list[list[Ring]] = field(default_factory=list)


@dataclass(frozen=True)
class Ring:
    """A slice's ring in image pixels (y downwards), and the slice's middle angle there
    (radians, clockwise from 3 o'clock as Chart.js's)."""

    cx: float
    cy: float
    inner: float
    outer: float
    middle: float


def on_white(png: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(png)) as image:
        rgba = image.convert("RGBA")
    white = Image.new("RGBA", rgba.size, "white")
    return np.asarray(Image.alpha_composite(white, rgba).convert("RGB")).astype(np.int16)


def ours(example: dict[str, Any], width: int, height: int) -> Ours:
    """The example drawn by chartfn at ``width`` × ``height``, devicePixelRatio 1."""
    parameters: dict[str, Any] = {
        "c": example["config"],
        "w": width,
        "h": height,
        "devicePixelRatio": 1,
    }
    if "version" in example:
        parameters["v"] = example["version"]
    if "backgroundColor" in example:
        parameters["bkg"] = example["backgroundColor"]
    request = parse_request(parameters, pixel_budget=PIXEL_BUDGET)
    prepared = prepare(request)
    try:
        options = output_for(request)
        # the config's dataset styles and overlays (data labels, title and legend look) too,
        # as the service draws them
        look = (prepared.styles, prepared.overlays)
        png = engine.render_spec(prepared.spec, options, prepared.ticks, *look)
        with themed(options.frame.theme):
            chart, placed = engine.prepare(prepared.spec, options.frame, prepared.ticks, *look)
        round_kind = getattr(prepared.spec, "kind", None) in ("pie", "doughnut")
        rings = _rings(chart.elements(placed), height) if round_kind and chart.elements else []
    finally:
        prepared.close()

    def box(rect: tuple[float, float, float, float]) -> dict[str, float]:
        x0, y0, x1, y1 = rect
        return {"left": x0, "right": x1, "top": height - y1, "bottom": height - y0}

    title_text = prepared.spec.title or ""
    title_boxes = [label.box for label in placed.labels if title_text and label.text in title_text]
    title = None
    if title_boxes:
        title = box(
            (
                min(b[0] for b in title_boxes),
                min(b[1] for b in title_boxes),
                max(b[2] for b in title_boxes),
                max(b[3] for b in title_boxes),
            )
        )
    return Ours(
        image=on_white(png),
        plot=box(placed.plot),
        x_ticks=[label.text for _, label in sorted(placed.x_ticks, key=_first) if label],
        y_ticks=[label.text for _, label in sorted(placed.y_ticks, key=_first)[::-1] if label],
        title=title,
        legend=box(_entries_box(placed.legend)) if placed.legend_box and placed.legend else None,
        rings=rings,
    )


def _entries_box(entries: list[Any]) -> tuple[float, float, float, float]:
    """What the legend draws, its boxes and texts, as render.mjs takes Chart.js's (its
    entries' hit boxes): the legend's own box spans the chart's width when aligned to a side."""
    rects = [rect for entry in entries for rect in (entry.swatch_rect, entry.label.box)]
    return (
        min(r[0] for r in rects),
        min(r[1] for r in rects),
        max(r[2] for r in rects),
        max(r[3] for r in rects),
    )


def _rings(elements: list[list[Any]], height: int) -> list[list[Ring]]:
    """Each slice's ring from where data labels attach to it (from the inner to the outer
    radius along its middle). Two slices of one ring start at the same radius r from the
    centre c, s = c + r·d, so r = (s1 − s2)·(d1 − d2) / |d1 − d2|² (this holds for slices
    opposite each other too, where their lines do not cross); all rings share c. None found
    (every ring one slice): no rings, and the check scans from the plot area's centre."""
    centre = None
    for drawn in elements:
        slices = [e for e in drawn if e is not None]
        for first, second in pairwise(slices):
            (x1, y1), (dx1, dy1) = first.start, first.direction
            (x2, y2), (dx2, dy2) = second.start, second.direction
            apart = (dx1 - dx2) ** 2 + (dy1 - dy2) ** 2
            if apart > 1e-3:
                radius = ((x1 - x2) * (dx1 - dx2) + (y1 - y2) * (dy1 - dy2)) / apart
                centre = (x1 - radius * dx1, y1 - radius * dy1)
                break
        if centre is not None:
            break
    if centre is None:
        return []
    cx, cy = centre

    def ring(element: Any) -> Ring:
        inner = math.dist(element.start, (cx, cy))
        outer = math.dist(element.end, (cx, cy))
        # layout pixels have y upwards, the image's downwards
        middle = math.atan2(-element.direction[1], element.direction[0])
        return Ring(cx, height - cy, inner, outer, middle)

    return [[ring(element) for element in drawn if element is not None] for drawn in elements]


def _ring_of(rings: list[Ring], element: dict[str, Any]) -> Ring | None:
    """chartfn's slice nearest in angle to Chart.js's ``element`` (the pinned geometry keeps
    only the slices Chart.js drew a colour at, so indices do not line up)."""
    middle = (element["startAngle"] + element["endAngle"]) / 2

    def apart(ring: Ring) -> float:
        turn = (ring.middle - middle) % (2 * math.pi)
        return min(turn, 2 * math.pi - turn)

    return min(rings, key=apart, default=None)


def _first(pair: tuple[float, Any]) -> float:
    return pair[0]


def _pixel(image: np.ndarray, x: float, y: float) -> np.ndarray | None:
    row, column = round(y), round(x)
    if not (0 <= row < image.shape[0] and 0 <= column < image.shape[1]):
        return None
    return image[row, column]


def _near(image: np.ndarray, x: float, y: float, colour: np.ndarray, reach: int) -> bool:
    row, column = round(y), round(x)
    window = image[
        max(row - reach, 0) : row + reach + 1, max(column - reach, 0) : column + reach + 1
    ]
    if window.size == 0:
        return False
    return bool((np.abs(window - colour).max(axis=2) <= COLOUR_TOLERANCE).any())


def _probe(
    element: dict[str, Any], horizontal: bool, area: dict[str, float]
) -> tuple[float, float] | None:
    if element.get("skip") or element.get("x") is None or element.get("y") is None:
        return None
    if "startAngle" in element:
        middle = (element["startAngle"] + element["endAngle"]) / 2
        # off the middle of the ring, where data labels (QuickChart's default on v2 pies) sit
        inner, outer = element["innerRadius"], element["outerRadius"]
        radius = inner + SLICE_PROBE * (outer - inner)
        return element["x"] + radius * math.cos(middle), element["y"] + radius * math.sin(middle)
    if _is_bar(element):
        # the middle of what is seen: Chart.js clips a bar to the chart area
        near, far = ("left", "right") if horizontal else ("top", "bottom")
        value = element["x"] if horizontal else element["y"]
        middle = sum(min(max(end, area[near]), area[far]) for end in (element["base"], value)) / 2
        return (middle, element["y"]) if horizontal else (element["x"], middle)
    return element["x"], element["y"]


def _is_bar(element: dict[str, Any]) -> bool:
    # Chart.js 2 gives a horizontal bar a height (its thickness) and no width
    return "base" in element and ("width" in element or "height" in element)


def _is_horizontal(geometry: dict[str, Any], config_text: str) -> bool:
    return geometry["type"] == "horizontalBar" or "indexAxis" in config_text


def _same(image: np.ndarray, row: int, column: int, colour: np.ndarray) -> bool:
    if not (0 <= row < image.shape[0] and 0 <= column < image.shape[1]):
        return False
    return bool(np.abs(image[row, column] - colour).max() <= COLOUR_TOLERANCE)


def _run(
    image: np.ndarray, start: tuple[int, int], step: tuple[int, int], colour: np.ndarray
) -> int:
    """How far from ``start`` (row, column) the colour goes on in ``step``'s direction, across
    up to ``CROSSING`` pixels of another colour (a line drawn over the bar)."""
    row, column = start
    distance = 0
    while True:
        ahead = next(
            (
                gap
                for gap in range(1, CROSSING + 2)
                if _same(image, row + gap * step[0], column + gap * step[1], colour)
            ),
            None,
        )
        if ahead is None:
            return distance
        row, column, distance = row + ahead * step[0], column + ahead * step[1], distance + ahead


def _bar_error(
    mine: Ours,
    element: dict[str, Any],
    probe: tuple[float, float],
    horizontal: bool,
    area: dict[str, float],
) -> float | None:
    """Both bar ends, each as a share of its own plot area's length (the plot areas differ
    with the text around them), compared; ``None`` when chartfn drew nothing there. Measured
    in chartfn's own colour, so a colour difference is the colour check's alone. Followed
    from the middle of what Chart.js shows of the bar, moved to the same shares of chartfn's
    plot area: at Chart.js's own pixel, a short bar or one cut at the area's edge (a line
    chart's bars on its first and last label) is missed when the two plot areas differ."""
    probe = _in_my_plot(mine, element, probe, horizontal, area)
    start = (round(probe[1]), round(probe[0]))
    colour = _pixel(mine.image, *probe)
    if colour is None or (colour >= 250).all():
        return None
    near, far = ("left", "right") if horizontal else ("top", "bottom")
    step = (0, 1) if horizontal else (1, 0)
    centre = probe[0] if horizontal else probe[1]
    low = centre - _run(mine.image, start, (-step[0], -step[1]), colour)
    high = centre + _run(mine.image, start, step, colour)
    value = element["x"] if horizontal else element["y"]
    expected = sorted((value, element["base"]))

    def share(pixel: float, box: dict[str, float]) -> float:
        # Chart.js clips bars to the chart area (a v2 bar on an axis from 40 has its base at 0,
        # below the area): what is seen ends at the area's edge
        return min(max((pixel - box[near]) / max(box[far] - box[near], 1.0), 0.0), 1.0)

    return max(
        abs(share(low, mine.plot) - share(expected[0], area)),
        abs(share(high, mine.plot) - share(expected[1], area)),
    )


def _in_my_plot(
    mine: Ours,
    element: dict[str, Any],
    probe: tuple[float, float],
    horizontal: bool,
    area: dict[str, float],
) -> tuple[float, float]:
    """``probe`` (in Chart.js's chart ``area``) at the same shares of chartfn's plot, across
    the bar at the middle of its part inside the area."""
    across_near, across_far = ("top", "bottom") if horizontal else ("left", "right")
    across = element["y"] if horizontal else element["x"]
    # a horizontal bar's thickness is its height (Chart.js 4 calls its length its width)
    half = element.get("height" if horizontal else "width", 0.0) / 2
    low = min(max(across - half, area[across_near]), area[across_far])
    high = min(max(across + half, area[across_near]), area[across_far])
    x, y = probe
    if horizontal:
        y = (low + high) / 2
    else:
        x = (low + high) / 2

    def moved(pixel: float, near: str, far: str) -> float:
        share = (pixel - area[near]) / max(area[far] - area[near], 1.0)
        return mine.plot[near] + share * (mine.plot[far] - mine.plot[near])

    return moved(x, "left", "right"), moved(y, "top", "bottom")


def _slice_error(mine: Ours, element: dict[str, Any], ring: Ring | None = None) -> float:
    """The larger error of the two edge angles, as a share of the full turn, measured in
    chartfn's own colour along an arc near the rim of its own ring (``ring``, from chartfn's
    layout: a half doughnut's centre is not its plot area's, and each of nested rings has its
    own radii); without it, around the plot area's centre, on the longest run of colour."""
    middle = (element["startAngle"] + element["endAngle"]) / 2
    cos, sin = math.cos(middle), math.sin(middle)
    if ring is not None:
        radius = ring.inner + RIM * (ring.outer - ring.inner)
        return _edge_error(mine, element, ring.cx, ring.cy, radius)
    plot = mine.plot
    cx, cy = (plot["left"] + plot["right"]) / 2, (plot["top"] + plot["bottom"]) / 2
    # the longest run of colour along the ray is the ring (text in its hole, such as
    # doughnutlabel's, is a shorter run before it)
    runs: list[tuple[int, int]] = []
    run_start = 0
    for distance in range(1, max(mine.image.shape)):
        colour = _pixel(mine.image, cx + distance * cos, cy + distance * sin)
        if colour is None or (colour >= 250).all():
            if run_start:
                runs.append((run_start, distance - 1))
                run_start = 0
            if colour is None:
                break
            continue
        run_start = run_start or distance
    if not runs:
        return 1.0
    inner, outer = max(runs, key=lambda run: run[1] - run[0])
    # near the rim: the percentages chartfn writes at mid radius would cut the scan short
    radius = inner + RIM * (outer - inner)
    return _edge_error(mine, element, cx, cy, radius)


def _edge_error(mine: Ours, element: dict[str, Any], cx: float, cy: float, radius: float) -> float:
    """Both edges of the slice found by following its colour along the arc of ``radius``
    from its middle (Chart.js's middle angle), against Chart.js's edge angles."""
    middle = (element["startAngle"] + element["endAngle"]) / 2
    cos, sin = math.cos(middle), math.sin(middle)
    colour = _pixel(mine.image, cx + radius * cos, cy + radius * sin)
    step = math.radians(0.25)
    edges = []
    for direction in (-1, 1):
        angle = middle
        for _ in range(int(2 * math.pi / step)):
            following = angle + direction * step
            x, y = cx + radius * math.cos(following), cy + radius * math.sin(following)
            if not _same(mine.image, round(y), round(x), colour):
                break
            angle = following
        edges.append(angle)
    start, end = element["startAngle"], element["endAngle"]
    if end - start >= 2 * math.pi - 1e-9:
        return 0.0 if edges[1] - edges[0] >= 2 * math.pi - 2 * step else 1.0
    return max(abs(edges[0] - start), abs(edges[1] - end)) / (2 * math.pi)


def _normalised(label: str) -> str:
    return label.replace("\u2212", "-").replace("\u2009", "").replace("\u202f", "").strip()


def _place(
    real: dict[str, float] | None, mine: dict[str, float] | None, size: tuple[int, int]
) -> bool:
    if real is None or mine is None:
        return real is None and mine is None
    width, height = size
    real_x, real_y = (real["left"] + real["right"]) / 2, (real["top"] + real["bottom"]) / 2
    mine_x, mine_y = (mine["left"] + mine["right"]) / 2, (mine["top"] + mine["bottom"]) / 2
    return bool(
        abs(real_x - mine_x) <= PLACE_TOLERANCE * width
        and abs(real_y - mine_y) <= PLACE_TOLERANCE * height
    )


def named_checks(
    geometry: dict[str, Any], real: np.ndarray | None, mine: Ours, config_text: str
) -> dict[str, Any]:
    """Each check: ``None`` (nothing to check), or a dict with ``ok`` and what was measured.
    ``real``: Chart.js's image, or ``None`` when the geometry carries what was seen in it."""
    horizontal = _is_horizontal(geometry, config_text)
    area = geometry["chartArea"]
    probes = matched = 0
    bar_errors: list[float] = []
    slice_errors: list[float] = []
    round_index = -1
    for dataset in geometry["datasets"]:
        round_index += dataset["kind"] in ("pie", "doughnut")
        rings = mine.rings[round_index] if 0 <= round_index < len(mine.rings) else []
        for element in dataset["elements"]:
            probe = _probe(element, horizontal, area)
            if probe is None:
                continue
            # "seen": Chart.js's colour there, recorded in a fixture (tests without Node)
            colour = np.array(element["seen"]) if "seen" in element else _pixel(real, *probe)
            if colour is None or (colour >= 250).all():  # off the canvas, or nothing drawn there
                continue
            probes += 1
            matched += int(_near(mine.image, *probe, colour, SEARCH))
            if "startAngle" in element and dataset["kind"] in ("pie", "doughnut"):
                # not for patterns (no one colour: their fill is recorded as null) nor for a
                # ring of no width (a weight of 0 or less), whose probe meets its neighbour
                seen = element["outerRadius"] - element["innerRadius"] >= 1
                if seen and element.get("fill") is not None:
                    slice_errors.append(_slice_error(mine, element, _ring_of(rings, element)))
            # a bar's ends are found by following its colour: not for gradients (no one colour;
            # render.mjs records their fill as null)
            elif (
                _is_bar(element)
                and dataset["kind"] in ("bar", "horizontalBar")
                and element.get("fill") is not None
            ):
                error = _bar_error(mine, element, probe, horizontal, area)
                bar_errors.append(1.0 if error is None else error)
    checks: dict[str, Any] = {
        "colours": {"ok": matched == probes, "matched": matched, "of": probes} if probes else None,
    }
    extents = bar_errors + slice_errors
    checks["extents"] = (
        {
            "ok": bool(max(extents) <= EXTENT_TOLERANCE),
            "worst": round(float(max(extents)), 4),
            "of": len(extents),
        }
        if extents
        else None
    )
    tick_checks = []
    for axis, labels in (("x", mine.x_ticks), ("y", mine.y_ticks)):
        scales = [s for s in geometry["scales"].values() if s["axis"] == axis and s["ticks"]]
        if geometry["type"] in ("radar", "polarArea") or not scales:
            continue
        ordered = sorted(scales[0]["ticks"], key=lambda tick: tick["pixel"])  # v2 and v4 differ
        expected = [_normalised(t["label"]) for t in ordered if t["label"] != ""]
        got = [_normalised(label) for label in labels]
        tick_checks.append(
            {"axis": axis, "ok": expected == got, "chartjs": expected, "chartfn": got}
        )
    checks["ticks"] = (
        {"ok": all(t["ok"] for t in tick_checks), "axes": tick_checks} if tick_checks else None
    )
    size = (mine.image.shape[1], mine.image.shape[0])
    for part in ("title", "legend"):
        theirs, mine_box = geometry[part], getattr(mine, part)
        checks[part] = (
            None
            if theirs is None and mine_box is None
            else {"ok": _place(theirs, mine_box, size), "chartjs": theirs, "chartfn": mine_box}
        )
    return checks


def pinned(geometry: dict[str, Any], real: np.ndarray, config_text: str) -> dict[str, Any]:
    """The geometry with Chart.js's colour at each probe ("seen"): enough to run
    ``named_checks`` without Chart.js's image, as the unit test does."""
    horizontal = _is_horizontal(geometry, config_text)
    datasets = []
    for dataset in geometry["datasets"]:
        elements = []
        for element in dataset["elements"]:
            probe = _probe(element, horizontal, geometry["chartArea"])
            colour = None if probe is None else _pixel(real, *probe)
            if colour is not None and not (colour >= 250).all():
                elements.append({**element, "seen": [int(c) for c in colour]})
        datasets.append({**dataset, "elements": elements})
    return {**geometry, "datasets": datasets}


def pixel_difference(real: np.ndarray, mine: np.ndarray) -> dict[str, float]:
    if mine.shape != real.shape:
        mine = np.asarray(
            Image.fromarray(mine.astype(np.uint8)).resize((real.shape[1], real.shape[0]))
        ).astype(np.int16)
    difference = np.abs(real - mine)
    return {
        "mean_abs": round(float(difference.mean()), 2),
        "pct_differing": round(100 * float((difference.max(axis=2) > DIFFERENT).mean()), 2),
    }
