"""Round Chart.js configs placed where Chart.js 2.9.4 and 4 place them: the chart area the
title, legend and ``layout.padding`` leave (``drawing.raster.chartjs_area``), a radar's
centre and radius from each version's radial scale fit (``drawing.raster.radial_fit``), and
a polar area's spokes only where ``angleLines.display`` asks (Chart.js 2 turning them by its
``startAngle`` read as degrees).

The expected pixels are what the fidelity harness (benchmarks/fidelity, real Chart.js on a
canvas) recorded for the same configs at 500×300, devicePixelRatio 1; no Node is needed
here. Values differ from other tests' so nothing comes from a cache."""

from __future__ import annotations

import io
import math

import numpy as np
import pytest
from PIL import Image

from chartfn.chartjs.output import output_for
from chartfn.chartjs.prepare import prepare
from chartfn.chartjs.request import QuickChartRequest
from chartfn.drawing.raster import engine
from chartfn.drawing.raster.charts import Chart
from chartfn.drawing.raster.layout import Layout
from chartfn.drawing.themes import themed

WIDTH, HEIGHT = 500, 300


def planned(config: str, version: int = 2, ratio: float = 1.0) -> tuple[Chart, Layout]:
    request = QuickChartRequest(
        chart=config, version=version, width=WIDTH, height=HEIGHT, device_pixel_ratio=ratio
    )
    prepared = prepare(request)
    prepared.close()
    options = output_for(request)
    with themed(options.frame.theme):
        return engine.prepare(
            prepared.spec, options.frame, prepared.ticks, prepared.styles, prepared.overlays
        )


def pixels_of(config: str, version: int = 2) -> np.ndarray:
    request = QuickChartRequest(
        chart=config, version=version, width=WIDTH, height=HEIGHT, device_pixel_ratio=1.0
    )
    prepared = prepare(request)
    prepared.close()
    options = output_for(request)
    png = engine.render_spec(
        prepared.spec, options, prepared.ticks, prepared.styles, prepared.overlays
    )
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


def chart_area(layout: Layout, ratio: float = 1.0) -> tuple[float, ...]:
    """The layout's plot as Chart.js's chartArea: left, top, right, bottom in CSS px."""
    x0, y0, x1, y1 = layout.plot
    height = HEIGHT * ratio
    return tuple(v / ratio for v in (x0, height - y1, x1, height - y0))


DOUGHNUT = "{type:'%s',data:{labels:['a','b','c'],datasets:[{data:[2,3,4]}]},options:{%s}}"


@pytest.mark.parametrize(
    ("kind", "version", "options", "area"),
    [
        # a legend at the top: Chart.js's box is 10 + rows × (12 + 10) CSS px high
        ("doughnut", 2, "", (0, 32, 500, 300)),
        ("pie", 4, "", (0, 32, 500, 300)),
        ("polarArea", 2, "", (0, 32, 500, 300)),
        ("radar", 4, "", (0, 32, 500, 300)),
        # no legend: the whole canvas (the engine kept 6.9 px on every side)
        ("doughnut", 2, "legend:{display:false}", (0, 0, 500, 300)),
        ("polarArea", 4, "plugins:{legend:{display:false}}", (0, 0, 500, 300)),
        # layout.padding, as the docs' chart-types-6 has it
        ("doughnut", 2, "legend:{display:false},layout:{padding:40}", (40, 40, 460, 260)),
        # a legend at the bottom: the same box below the area
        ("doughnut", 2, "legend:{position:'bottom'}", (0, 0, 500, 268)),
        # a title: 10 + 1.2 × 12 + 10 CSS px, then the legend's box (the harness's edge
        # cases round-v2-doughnut-title-bottom-legend, round-v4-pie-title-two-legend-rows)
        (
            "doughnut",
            2,
            "title:{display:true,text:'t'},legend:{position:'bottom'}",
            (0, 34.4, 500, 268),
        ),
        ("pie", 4, "plugins:{title:{display:true,text:'t'}}", (0, 66.4, 500, 300)),
    ],
)
@pytest.mark.parametrize("ratio", [1.0, 2.0])
def test_round_charts_fill_chartjs_chart_area(
    kind: str, version: int, options: str, area: tuple[int, ...], ratio: float
) -> None:
    """Seen red on the old layout: (6.9, 25.5, 493.1, 293.1) under a legend."""
    _, layout = planned(DOUGHNUT % (kind, options), version, ratio)
    assert chart_area(layout, ratio) == pytest.approx(area, abs=0.01)


def test_a_doughnut_is_centred_in_chartjs_chart_area() -> None:
    chart, layout = planned(DOUGHNUT % ("doughnut", ""))
    assert chart.elements is not None
    for element in chart.elements(layout)[0]:
        assert element is not None
        x, y = element.end
        # Chart.js: centre (250, 166), outer radius 133 (the docs' chart-types-5)
        assert math.hypot(x - 250, (HEIGHT - y) - 166) == pytest.approx(133, abs=0.01)


# Each: config, version, Chart.js's point centres (x, y down) from the harness.
RADARS = [
    (
        "{type:'radar',data:{labels:['a','b','c'],datasets:[{data:[1,2,3]}]}}",
        2,
        [(250.0, 178.0), (302.39453692895853, 208.25), (145.21092614208294, 238.5)],
    ),
    (
        "{type:'radar',data:{labels:['a','b','c','d','e'],datasets:[{label:'x',"
        "data:[5,null,'7',2,9],fill:false},{label:'y',data:[1,2,3,4,5]}]},options:{scales:"
        "{r:{min:0,max:10,startAngle:36,ticks:{stepSize:2}}}}}",
        4,
        [
            (282.03429624993976, 112.90857380656536),
            None,
            (250.0, 233.3),
            (229.26696794476567, 163.73657047737385),
            (192.33826675010837, 77.63543285181765),
        ],
    ),
]


@pytest.mark.parametrize(("config", "version", "points"), RADARS)
def test_radar_points_sit_where_chartjs_fits_the_scale(
    config: str, version: int, points: list[tuple[float, float] | None]
) -> None:
    """Seen red before the fits: 4.5 to 15 px off (the engine's 2.9.4-like fit, unrounded, in
    its own smaller area, for v4 too)."""
    chart, layout = planned(config, version)
    assert chart.elements is not None
    found = chart.elements(layout)[0]
    for element, expected in zip(found, points, strict=True):
        if expected is None:
            assert element is None
            continue
        assert element is not None
        x, y = element.centre
        assert (x, HEIGHT - y) == pytest.approx(expected, abs=0.01)


def test_the_fits_round_and_reduce_as_each_chartjs_does() -> None:
    """Label sizes push the radius in: 2.9.4 by the averaged overhangs (floored), 4 by the
    largest overhang, the centre moving by half their difference."""
    from chartfn.drawing.raster.radial_fit import fit_radial

    area = (0.0, 32.0, 500.0, 300.0)
    # one label straight up, 30 px wide: only the top overhangs
    assert fit_radial(2, area, [(30.0, 12.0)], 0.0, 16.0) == (250.0, 178.0, 121.0)
    assert fit_radial(4, area, [(30.0, 12.0)], 0.0, 16.0) == (250.0, 174.0, 109.0)
    # no labels: 2.9.4 keeps half the backdrop above only, 4 on every side
    assert fit_radial(2, area, [], 0.0, 16.0) == (250.0, 170.0, 130.0)
    assert fit_radial(4, area, [], 0.0, 16.0) == (250.0, 166.0, 126.0)
    # hidden tick labels take no backdrop
    assert fit_radial(4, area, [], 0.0, 0.0) == (250.0, 166.0, 134.0)


POLAR = (
    "{type:'polarArea',data:{labels:['a','b','c','d'],datasets:[{data:[1,2,3,4],"
    "backgroundColor:['#e15759','#e15759','#e15759','#e15759']}]},"
    "options:{legend:{display:false},plugins:{legend:{display:false}}%s}}"
)


def _spoke_pixel(pixels: np.ndarray, centre: tuple[float, float], degrees: float, r: float) -> int:
    """The darkest channel value at ``degrees`` clockwise from 12, ``r`` px out."""
    x = centre[0] + r * math.sin(math.radians(degrees))
    y = centre[1] - r * math.cos(math.radians(degrees))
    return int(pixels[round(y), round(x)].min())


@pytest.mark.parametrize("version", [2, 4])
def test_polar_area_spokes_are_drawn_only_where_asked(version: int) -> None:
    """Seen red: a polar area's spokes were never drawn, angleLines.display or not."""
    scale = "scale" if version == 2 else "scales:{r"
    close = "}" if version == 2 else "}}"
    asked = POLAR % f",{scale}:{{angleLines:{{display:true,color:'#000'}}{close}"
    plain = pixels_of(POLAR % "", version)
    spokes = pixels_of(asked, version)
    chart, layout = planned(POLAR % "", version)
    assert chart.elements is not None
    largest = chart.elements(layout)[0][3]
    assert largest is not None
    cx, cy = largest.start[0], HEIGHT - largest.start[1]
    radius = math.hypot(largest.end[0] - largest.start[0], largest.end[1] - largest.start[1])
    # the second spoke at 3 o'clock, out where the second slice (half the radius) ends short
    # of it; Chart.js 2 adds the startAngle, -π/2 radians, as degrees: 1.57° before it
    spoke = 90.0 - (math.pi / 2 if version == 2 else 0.0)
    assert _spoke_pixel(plain, (cx, cy), spoke, 0.8 * radius) > 240
    assert _spoke_pixel(spokes, (cx, cy), spoke, 0.8 * radius) < 80
    if version == 2:
        # 0.8 × radius × sin(1.57°): 3 px off 3 o'clock, where Chart.js 2 draws nothing
        assert _spoke_pixel(spokes, (cx, cy), 90.0 + math.pi / 2, 0.8 * radius) > 200


LONG_RADAR = (
    "{type:'radar',data:{labels:['Eating and drinking for a very long while','Sleeping',"
    "'Designing user interfaces all day long','Coding','Cycling to work and back','Running'],"
    "datasets:[{label:'me',data:[65,59,90,81,56,55]}]}%s}"
)
ROUND_CONFIGS = {
    "radar v2, long labels": (LONG_RADAR % "", 2),
    "radar v4, long labels, big point labels": (
        LONG_RADAR % ",options:{scales:{r:{pointLabels:{font:{size:30}}}}}",
        4,
    ),
    "polar v2, spokes, title, legend below": (
        POLAR.replace("legend:{display:false}", "legend:{position:'bottom'}")
        % ",title:{display:true,text:'polar'},scale:{angleLines:{display:true}}",
        2,
    ),
    "doughnut v4, spacing, offsets, pixel radius": (
        DOUGHNUT.replace("data:[2,3,4]", "data:[2,3,4],offset:[0,40]")
        % ("doughnut", "spacing:30,radius:400"),
        4,
    ),
}


@pytest.mark.parametrize("size", [(500, 300, 1.0), (120, 90, 1.0), (300, 1200, 2.0)])
@pytest.mark.parametrize("name", list(ROUND_CONFIGS))
def test_round_chart_texts_lie_inside_the_image(name: str, size: tuple[int, int, float]) -> None:
    config, version = ROUND_CONFIGS[name]
    width, height, ratio = size
    request = QuickChartRequest(
        chart=config, version=version, width=width, height=height, device_pixel_ratio=ratio
    )
    prepared = prepare(request)
    prepared.close()
    options = output_for(request)
    texts = engine.drawn_texts(prepared.spec, options.frame, prepared.styles, prepared.overlays)
    for label in texts:
        x0, y0, x1, y1 = label.box
        assert x0 >= -0.5 and y0 >= -0.5, (label.text, label.box)
        assert x1 <= width * ratio + 0.5 and y1 <= height * ratio + 0.5, (label.text, label.box)


def test_a_round_chart_after_others_is_the_one_drawn_first() -> None:
    """Leakage: every config of ROUND_CONFIGS drawn after all the others (and after itself
    at another size) gives the bytes it gave first."""

    def draw(name: str, width: int = WIDTH) -> bytes:
        config, version = ROUND_CONFIGS[name]
        request = QuickChartRequest(
            chart=config, version=version, width=width, height=HEIGHT, device_pixel_ratio=1.0
        )
        prepared = prepare(request)
        prepared.close()
        return engine.render_spec(
            prepared.spec, output_for(request), prepared.ticks, prepared.styles,
            prepared.overlays,
        )  # fmt: skip

    first = {name: draw(name) for name in ROUND_CONFIGS}
    for name in ROUND_CONFIGS:
        draw(name, width=333)
    for name in reversed(ROUND_CONFIGS):
        assert draw(name) == first[name], name
