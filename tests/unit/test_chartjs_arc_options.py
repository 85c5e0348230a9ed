"""Chart.js 3/4's doughnut and pie arc geometry (``chartjs.arc_options``, ``drawing.raster.rings``,
``drawing.raster.arc_shapes``): ``spacing`` and ``offset`` taken off the chart area and drawn
between and out of the arcs, ``radius`` as a share or in pixels, nested rings alike.

The expected radii are what Chart.js 4 computed for the same configs at 500×300 (a Node probe
of the fidelity harness's Chart.js; no Node here): the chart area is (0, 32)–(500, 300) under
the legend, centre (250, 166). Values are ones other tests do not draw."""

from __future__ import annotations

import io
import math

import numpy as np
import pytest
from PIL import Image

from chartfn.chartjs.output import output_for
from chartfn.chartjs.prepare import PreparedChart, prepare
from chartfn.chartjs.request import QuickChartRequest
from chartfn.chartjs.translate import TranslationError
from chartfn.drawing.raster import engine
from chartfn.drawing.raster.rings import Ring, place_rings
from chartfn.drawing.themes import themed

WIDTH, HEIGHT = 500, 300
CENTRE = (250.0, 166.0)  # Chart.js's, y down


def prepared(config: str, version: int = 4) -> tuple[PreparedChart, QuickChartRequest]:
    request = QuickChartRequest(
        chart=config, version=version, width=WIDTH, height=HEIGHT, device_pixel_ratio=1.0
    )
    chart = prepare(request)
    chart.close()
    return chart, request


def rings(config: str, version: int = 4) -> list[Ring]:
    chart, request = prepared(config, version)
    options = output_for(request)
    with themed(options.frame.theme):
        _, layout = engine.prepare(
            chart.spec, options.frame, chart.ticks, chart.styles, chart.overlays
        )
    look = chart.overlays.round if chart.overlays is not None else None
    return place_rings(chart.spec, layout.plot, 100.0, look)


def pixels(config: str, version: int = 4) -> np.ndarray:
    chart, request = prepared(config, version)
    png = engine.render_spec(
        chart.spec, output_for(request), chart.ticks, chart.styles, chart.overlays
    )
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


def at(image: np.ndarray, turn: float, distance: float, shift: float = 0.0) -> np.ndarray:
    """The pixel ``distance`` px from Chart.js's centre at ``turn`` turns clockwise from 12,
    ``shift`` px to the side (clockwise positive)."""
    angle = 2 * math.pi * turn
    x = CENTRE[0] + distance * math.sin(angle) + shift * math.cos(angle)
    y = CENTRE[1] - distance * math.cos(angle) + shift * math.sin(angle)
    return image[round(y), round(x)]


def white(colour: np.ndarray) -> bool:
    return bool((colour >= 245).all())


DOUGHNUT = (
    "{type:'doughnut',data:{labels:['a','b','c','d'],datasets:[{data:[4,3,2,1]}]},options:{%s}}"
)


def test_spacing_and_radius_share_as_chartjs_4_sizes_them() -> None:
    """Seen red: spacing and radius were not read (outer radius 133, no gaps)."""
    (ring,) = rings(DOUGHNUT % "spacing:8,radius:'80%'")
    # Chart.js 4: ((268 - 2 - 8) / 2) × 0.8 = 103.2, half of it the hole
    assert (ring.cx, HEIGHT - ring.cy) == pytest.approx(CENTRE)
    assert (ring.outer, ring.inner) == pytest.approx((103.2, 51.6))
    image = pixels(DOUGHNUT % "spacing:8,radius:'80%'")
    plain = pixels(DOUGHNUT % "radius:'80%'")
    # the edge between a (4 of 10) and b, halfway through the ring: a gap with spacing; the
    # white border of 2 px alone is narrower than the 3 px beside it probed here
    middle = (103.2 + 51.6) / 2 + 4.0  # both radii move out by half the spacing
    assert white(at(image, 0.4, middle, 3.0)) and white(at(image, 0.4, middle, -3.0))
    assert not white(at(plain, 0.4, middle, 3.0)) and not white(at(plain, 0.4, middle, -3.0))


def test_an_offset_pushes_its_arc_out_and_shrinks_the_pie() -> None:
    """Seen red: offsets were not read (radius 133, b where the others are)."""
    config = "{type:'pie',data:{labels:['a','b','c'],datasets:[{data:[3,2,1],offset:[0,24,0]}]}}"
    (ring,) = rings(config)
    assert ring.outer == pytest.approx(121.0)  # (268 - 2 - 24) / 2
    image = pixels(config)
    # b (from 1/2 to 5/6 of the turn) moves out by a quarter of 24 px along its middle
    middle = (0.5 + 5 / 6) / 2
    assert not white(at(image, middle, 121.0 + 4.0))
    assert white(at(image, 0.25, 121.0 + 4.0))  # a stays inside the radius
    # the 6 px between b and its neighbours at the centre are white
    assert white(at(image, 0.5, 3.0))


def test_nested_rings_share_a_radius_in_pixels() -> None:
    config = (
        "{type:'doughnut',data:{labels:['a','b','c'],datasets:[{data:[1,2,3]},{data:[2,2,2]}]},"
        "options:{cutout:'40%',spacing:4,radius:90}}"
    )
    outer, inner = rings(config)
    assert (outer.outer, outer.inner, inner.outer, inner.inner) == pytest.approx((90, 63, 63, 36))


def test_chartjs_2_has_none_of_them() -> None:
    (ring,) = rings(DOUGHNUT % "spacing:8,radius:'80%',offset:10", version=2)
    assert ring.outer == pytest.approx(133.0)
    assert ring.spacing == 0 and ring.offsets == ()


@pytest.mark.parametrize(
    ("options", "path"),
    [
        ("radius:'big'", r"options\.radius"),
        ("radius:-4", r"options\.radius"),
        ("spacing:'wide'", r"options\.spacing"),
        ("offset:[0,'far']", r"options\.offset\[1\]"),
    ],
)
def test_values_chartjs_cannot_draw_with_are_refused_by_path(options: str, path: str) -> None:
    with pytest.raises(TranslationError, match=path):
        prepared(DOUGHNUT % options)


def test_arc_border_radius_is_named_as_not_drawn_and_bounds_hold() -> None:
    chart, _ = prepared(DOUGHNUT % "elements:{arc:{borderRadius:6}}")
    assert any("borderRadius" in warning for warning in chart.warnings)
    # a spacing past any canvas is bounded, and the ring keeps a radius of at least 1 px
    (ring,) = rings(DOUGHNUT % "spacing:1e9")
    assert ring.spacing == 3000.0 and ring.outer >= 1.0
