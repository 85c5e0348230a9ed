"""Chart.js's look of a dataset drawn by the engine (``drawing.raster.series_marks``): its
curve maths against Chart.js's numbers, and lines, fills, dashes, steps, points and bubbles
found in the pixels where Chart.js puts them."""

from __future__ import annotations

import io
from typing import Any

import numpy as np
import pytest
from PIL import Image

from chartfn.drawing.raster import engine
from chartfn.drawing.raster.series_marks import _monotone, _spline, runs_of
from chartfn.models.chart_spec import ChartSpec
from chartfn.models.output_options import OutputOptions
from chartfn.models.series_style import ChartStyles, SeriesStyle

RED, GREEN, BLUE = (255, 0, 0), (0, 255, 0), (0, 0, 255)


def render(data: dict[str, Any], *looks: SeriesStyle | None, **options: Any) -> np.ndarray:
    spec = ChartSpec.model_validate({"legend": False, **data})
    options = {"width": 400, "height": 250, **options}
    png = engine.render_spec(spec, OutputOptions(**options), None, ChartStyles(tuple(looks)))
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


def count(image: np.ndarray, color: tuple[int, int, int], tolerance: int = 8) -> int:
    return int(np.count_nonzero(np.all(np.abs(image - color) <= tolerance, axis=2)))


def test_spline_control_points_are_chartjs_splinecurve() -> None:
    # splineCurve({0,0}, {1,1}, {3,1}, 0.4) by hand: d01 = √2, d12 = 2, s01 = √2/(√2+2)
    cp1, cp2 = _spline(np.array([0.0, 1.0, 3.0]), np.array([0.0, 1.0, 1.0]), 0.4)
    s01 = 2**0.5 / (2**0.5 + 2)
    assert np.allclose(cp1[1], [1 - 0.4 * s01 * 3, 1 - 0.4 * s01 * 1])
    assert np.allclose(cp2[1], [1 + 0.4 * (1 - s01) * 3, 1 + 0.4 * (1 - s01) * 1])
    # the ends take themselves as their missing neighbour
    assert np.allclose(cp1[0], [0, 0])
    assert np.allclose(cp2[2], [3, 1])


def test_monotone_control_points_never_overshoot() -> None:
    x = np.array([0.0, 1.0, 2.0, 3.0, 4.0])
    y = np.array([0.0, 10.0, 10.5, 30.0, 31.0])
    cp1, cp2 = _monotone(x, y)
    for i in range(len(x) - 1):
        low, high = sorted((y[i], y[i + 1]))
        assert low <= cp2[i, 1] <= high
        assert low <= cp1[i + 1, 1] <= high
    assert np.allclose(cp2[:-1, 0] - x[:-1], 1 / 3)  # a third of the way, as monotoneCompute


def test_gaps_split_lines_unless_spanned() -> None:
    present = np.array([True, True, False, True, False, False, True])
    assert [r.tolist() for r in runs_of(present, False)] == [[0, 1], [3], [6]]
    assert [r.tolist() for r in runs_of(present, True)] == [[0, 1, 3, 6]]


LINE = {"kind": "line", "series": [{"y": [1, 3, 2, 4, 1], "color": "#ff0000"}]}


def test_fill_origin_colours_the_area_under_the_line_and_none_leaves_it() -> None:
    filled = render(LINE, SeriesStyle(fill="origin", fill_color="#0000ff", point_radius=0))
    bare = render(LINE, SeriesStyle(point_radius=0))
    assert count(filled, BLUE) > 20_000  # most of the plot under the line
    assert count(bare, BLUE) == 0


def test_a_dashed_line_has_gaps() -> None:
    solid = render(LINE, SeriesStyle(point_radius=0, line_width=3))
    dashed = render(LINE, SeriesStyle(point_radius=0, line_width=3, dash=(10.0, 10.0)))
    assert 0.35 < count(dashed, RED, 60) / count(solid, RED, 60) < 0.65


def test_points_take_their_own_colours_and_radius_zero_hides_them() -> None:
    colors = ("#00ff00", "#0000ff", None, "#00ff00", "#0000ff")
    look = SeriesStyle(point_radius=6, point_colors=colors, show_line=False)
    image = render(LINE, look)
    assert count(image, GREEN) > 100  # two points of radius 6: ~2 × 113 pixels, rings aside
    assert count(image, BLUE) > 100
    # the third point: a line's points default to its background, the line colour at half alpha
    assert count(image, (255, 128, 128)) > 50
    assert count(render(LINE, SeriesStyle(point_radius=0, show_line=False)), RED) == 0


@pytest.mark.parametrize("shape", ["circle", "rect", "triangle", "rectRot", "star", "cross"])
def test_every_point_style_draws(shape: str) -> None:
    look = SeriesStyle(point_radius=8, show_line=False, point_style=shape)  # type: ignore[arg-type]
    assert count(render(LINE, look), RED, 60) > 40


def test_steps_go_across_before_or_after_they_go_up() -> None:
    data = {"kind": "line", "series": [{"y": [1, 3], "color": "#ff0000"}], "x_limits": [0, 1]}

    def middle_rows(stepped: str) -> float:
        image = render(data, SeriesStyle(point_radius=0, stepped=stepped, line_width=2))  # type: ignore[arg-type]
        rows, columns = np.nonzero(np.all(np.abs(image - RED) <= 60, axis=2))
        central = (columns > 150) & (columns < 300)
        return float(rows[central].mean())

    # "before" runs along y = 1 (low in the image: large rows) to the next x; "after" at y = 3
    assert middle_rows("before") > middle_rows("after") + 100


def test_a_curve_bends_away_from_the_straight_line() -> None:
    straight = render(LINE, SeriesStyle(point_radius=0))
    curved = render(LINE, SeriesStyle(point_radius=0, tension=0.4))
    assert not np.array_equal(straight, curved)


def test_bubble_radii_are_css_pixels() -> None:
    def area(r: float, scale: float) -> int:
        data = {"kind": "bubble", "series": [{"y": [1], "x": [1], "r": [r], "color": "#0000ff"}]}
        return count(render(data, scale=scale), BLUE)

    assert 3.6 < area(20, 1) / area(10, 1) < 4.4
    # scale 2: twice the pixels a side, so four times the area, as Chart.js at devicePixelRatio 2
    assert 3.6 < area(10, 2) / area(10, 1) < 4.4
    assert abs(area(20, 1) - np.pi * 20**2) < 0.2 * np.pi * 20**2


def test_a_styled_chart_after_others_is_the_chart_rendered_first() -> None:
    look = SeriesStyle(
        point_radius=5, tension=0.4, fill="origin", dash=(4.0, 2.0), point_style="triangle"
    )
    first = render(LINE, look)
    render(LINE, SeriesStyle(point_radius=9, stepped="middle", point_style="star"), scale=2)
    render({"kind": "bubble", "series": [{"y": [1, 2], "x": [1, 2], "r": [4, 40]}]}, theme="dark")
    assert np.array_equal(render(LINE, look), first)


def test_the_first_dataset_lies_on_top_as_in_chartjs() -> None:
    data = {
        "kind": "line",
        "series": [{"y": [1, 1], "color": "#ff0000"}, {"y": [1, 1], "color": "#0000ff"}],
    }
    look = SeriesStyle(point_radius=0, line_width=6)
    image = render(data, look, look)
    assert count(image, RED) > 300
    assert count(image, BLUE) < 30


def test_bars_take_one_colour_per_value() -> None:
    data = {"kind": "bar", "series": [{"y": [1, 2, 3], "color": "#ff0000"}]}
    image = render(data, SeriesStyle(point_colors=("#00ff00", None, "#0000ff")))
    assert min(count(image, GREEN), count(image, RED), count(image, BLUE)) > 1_000
