"""The round kinds (``drawing.raster.radial``) where Chart.js puts their marks: a doughnut's hole,
start angle and sweep; a polar area's radii by value; radar polygons, their fill and points;
slice colours; the spec's rules for the round fields; and a Chart.js config's rotation,
circumference, cutout and fill in each version's units (``chartjs.round_options``).

Charts are drawn 400×400 without title or legend, so the chart area is the whole canvas and the
centre is known. Values are ones no other test draws (nothing can come from a cache)."""

from __future__ import annotations

import io
import math
from typing import Any

import numpy as np
import pytest
from PIL import Image
from pydantic import ValidationError

from chartfn.chartjs.translate import TranslationError, translate
from chartfn.drawing.raster import engine
from chartfn.models.chart_spec import ChartSpec, canonical_spec_key
from chartfn.models.output_options import OutputOptions

SIZE = 400
BLUE, ORANGE, GREEN = (31, 119, 180), (255, 127, 14), (44, 160, 44)


def image(data: dict[str, Any]) -> np.ndarray:
    spec = ChartSpec.model_validate({"legend": False, **data})
    png = engine.render_spec(spec, OutputOptions(width=SIZE, height=SIZE, background="white"))
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


def at(pixels: np.ndarray, angle: float, radius: float, centre: tuple[float, float]) -> tuple:
    """The pixel at ``angle`` degrees clockwise from 12 o'clock, ``radius`` px from ``centre``
    (x, y from the top left)."""
    x = centre[0] + radius * math.sin(math.radians(angle))
    y = centre[1] - radius * math.cos(math.radians(angle))
    return tuple(pixels[round(y), round(x)])


def near(color: tuple, expected: tuple, tolerance: int = 6) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(color, expected, strict=True))


MIDDLE = (SIZE / 2, SIZE / 2)


# --- doughnut ----------------------------------------------------------------------------------


def test_a_doughnut_has_its_hole_and_starts_at_12_oclock_clockwise() -> None:
    pixels = image({"kind": "doughnut", "series": [{"y": [1, 3.0001]}]})
    assert near(at(pixels, 0, 0, MIDDLE), (255, 255, 255))  # the hole
    assert near(at(pixels, 0, 60, MIDDLE), (255, 255, 255))  # still the hole (cutout 0.5)
    assert near(at(pixels, 45, 150, MIDDLE), BLUE)  # slice 0: 0° to 90°
    assert near(at(pixels, 180, 150, MIDDLE), ORANGE)  # slice 1: the rest
    full = image({"kind": "doughnut", "series": [{"y": [1, 3.0001]}], "cutout": 0})
    assert near(at(full, 180, 30, MIDDLE), ORANGE)  # no hole


def test_a_doughnut_turns_by_rotation_and_sweeps_its_circumference() -> None:
    turned = image({"kind": "doughnut", "series": [{"y": [1, 1.0002]}], "rotation": 90})
    assert near(at(turned, 135, 150, MIDDLE), BLUE)  # slice 0 now from 3 to 6 o'clock
    assert near(at(turned, 45, 150, MIDDLE), ORANGE)
    half = image(
        {"kind": "doughnut", "series": [{"y": [1, 1.0003]}], "rotation": -90, "circumference": 180}
    )
    # the upper half ring fills the width: its centre moves down, its radius is the half width
    centre = (SIZE / 2, SIZE * 0.75)
    assert near(at(half, -45, 150, centre), BLUE)
    assert near(at(half, 45, 150, centre), ORANGE)
    assert near(at(half, 30, 190, centre), ORANGE, 40)  # nearly the canvas' edge (radius ~199)
    assert near(at(half, 180, 80, centre), (255, 255, 255))  # nothing below the centre


def test_slices_take_their_colours_in_turn() -> None:
    pixels = image(
        {"kind": "doughnut", "series": [{"y": [1, 1, 1.0004]}], "slice_colors": ["#2ca02c"]}
    )
    for angle in (60, 180, 300):
        assert near(at(pixels, angle, 150, MIDDLE), GREEN)


# --- polar area ----------------------------------------------------------------------------------


def test_polar_area_slices_share_the_angle_and_reach_out_by_value() -> None:
    pixels = image({"kind": "polar_area", "series": [{"y": [10, 5.0005]}]})
    # scale 0 … 10, the circle's radius about (400 - 8) / 2; centre 4 px below the middle
    centre, radius = (SIZE / 2, SIZE / 2 + 4), (SIZE - 8) / 2 - 1
    assert near(at(pixels, 90, radius * 0.9, centre), BLUE, 30)
    assert near(at(pixels, 270, radius * 0.45, centre), ORANGE, 30)
    assert not near(at(pixels, 270, radius * 0.6, centre), ORANGE, 30)


# --- radar ---------------------------------------------------------------------------------------


def radar(fill: bool | None) -> np.ndarray:
    data: dict[str, Any] = {
        "kind": "radar",
        "series": [{"y": [4, 4, 4, 4.0006]}],
        "y_limits": [0, 5],
    }
    if fill is not None:
        data["fill"] = fill
    return image(data)


def test_radar_polygons_are_filled_unless_told_and_their_points_drawn() -> None:
    filled, bare = radar(None), radar(False)
    # inside the square polygon, off its edges and the grid: faded blue, or nothing
    inside = tuple(filled[215, 215])
    assert inside != (255, 255, 255) and inside[2] > inside[0], inside
    assert near(tuple(bare[215, 215]), (255, 255, 255), 30)
    assert (np.abs(filled - bare).sum(axis=2) > 30).sum() > 5_000


def test_spec_rules_for_the_round_fields() -> None:
    bad = [
        ({"kind": "pie", "series": [{"y": [1]}], "cutout": 0.5}, "cutout"),
        ({"kind": "doughnut", "series": [{"y": [1]}], "cutout": 0.99}, "cutout"),
        ({"kind": "doughnut", "series": [{"y": [1]}], "circumference": 0}, "circumference"),
        ({"kind": "radar", "series": [{"y": [1]}], "circumference": 90}, "circumference"),
        ({"kind": "bar", "series": [{"y": [1]}], "rotation": 10}, "rotation"),
        ({"kind": "pie", "series": [{"y": [1]}], "rotation": 3601}, "rotation"),
        ({"kind": "doughnut", "series": [{"y": [1]}], "fill": True}, "fill"),
        ({"kind": "radar", "series": [{"y": [1]}], "fill": [True, False]}, "fill"),
        ({"kind": "bar", "series": [{"y": [1]}], "slice_colors": ["red"]}, "slice_colors"),
        ({"kind": "polar_area", "series": [{"y": [1, -1]}]}, "series.0.y.1"),
        ({"kind": "polar_area", "series": [{"y": [1]}, {"y": [1]}]}, "series"),
        ({"kind": "radar", "series": [{"y": [1, 2]}, {"y": [1]}]}, "series.1.y"),
        ({"kind": "doughnut", "series": [{"y": [1]}], "y_limits": [0, 1]}, "y_limits"),
    ]
    for data, where in bad:
        with pytest.raises(ValidationError) as caught:
            ChartSpec.model_validate(data)
        locations = [".".join(map(str, e["loc"])) for e in caught.value.errors()]
        assert where in locations, (data, locations)
    radar_gaps = ChartSpec.model_validate({"kind": "radar", "series": [{"y": [1, None, 2]}]})
    assert radar_gaps.show_legend is False
    assert ChartSpec.model_validate({"kind": "doughnut", "series": [{"y": [1]}]}).show_legend


def test_specs_without_the_round_fields_keep_their_cache_key() -> None:
    key = canonical_spec_key(ChartSpec.model_validate({"kind": "pie", "series": [{"y": [1, 2]}]}))
    for name in ("cutout", "rotation", "circumference", "fill", "slice_colors"):
        assert f'"{name}"' not in key
    turned = ChartSpec.model_validate({"kind": "pie", "series": [{"y": [1, 2]}], "rotation": 9})
    assert '"rotation":9.0' in canonical_spec_key(turned)


# --- Chart.js options ---------------------------------------------------------------------------


def doughnut(options: dict[str, Any], kind: str = "doughnut") -> dict[str, Any]:
    return {
        "type": kind,
        "data": {"labels": ["a", "b"], "datasets": [{"data": [1, 2]}]},
        "options": options,
    }


def test_angles_are_radians_in_v2_and_degrees_in_v3_and_v4() -> None:
    v2 = translate(doughnut({"rotation": 0, "circumference": math.pi}), 2).spec
    assert (v2.rotation, v2.circumference) == (pytest.approx(90.0), pytest.approx(180.0))
    default_v2 = translate(doughnut({"rotation": -math.pi / 2}), 2).spec
    assert (default_v2.rotation, default_v2.circumference) == (None, None)
    for version in (3, 4):
        spec = translate(doughnut({"rotation": -90, "circumference": 180}), version).spec
        assert (spec.rotation, spec.circumference) == (-90.0, 180.0)
    assert translate(doughnut({"circumference": 720}), 4).spec.circumference is None  # full
    polar = translate(doughnut({"startAngle": 0}, "polarArea"), 2).spec
    assert (polar.kind, polar.rotation) == ("polar_area", pytest.approx(90.0))


def test_holes_by_version_and_type() -> None:
    assert translate(doughnut({}), 2).spec.cutout == 0.5
    assert translate(doughnut({"cutoutPercentage": 75}), 2).spec.cutout == 0.75
    assert translate(doughnut({"cutout": "30%"}), 4).spec.cutout == 0.3
    assert translate(doughnut({"cutoutPercentage": 75}), 4).spec.cutout == 0.5  # a v2 name
    holed_pie = translate(doughnut({"cutoutPercentage": 40}, "pie"), 2).spec
    assert (holed_pie.kind, holed_pie.cutout) == ("doughnut", 0.4)
    # Chart.js draws a pie as a doughnut without a hole; so does the engine
    holeless = translate(doughnut({"cutoutPercentage": 0}), 2).spec
    assert (holeless.kind, holeless.cutout) == ("doughnut", 0.0)
    pie = translate(doughnut({}, "pie"), 4).spec
    assert (pie.kind, pie.cutout) == ("doughnut", 0.0)
    assert translate(doughnut({"cutout": "100%"}), 4).spec.cutout == 0.95
    with pytest.raises(TranslationError) as caught:
        translate(doughnut({"circumference": -1}), 2)
    assert caught.value.path == "options.circumference"
    with pytest.raises(TranslationError) as caught:
        translate(doughnut({"rotation": "left"}), 4)
    assert caught.value.path == "options.rotation"


def test_radar_fill_and_colours_follow_the_datasets() -> None:
    config = {
        "type": "radar",
        "data": {
            "labels": ["a", "b", "c"],
            "datasets": [
                {"data": [1, 2, 3], "fill": False, "borderColor": "red", "backgroundColor": "blue"}
            ],
        },
    }
    spec = translate(config, 4).spec
    assert (spec.kind, spec.fill, spec.series[0].color) == ("radar", False, "#ff0000")
    config["data"]["datasets"].append({"data": [3, 2, 1]})
    spec = translate(config, 2).spec
    assert spec.fill == [False, True] and len(spec.series) == 2


# --- progress (QuickChart's progressBar) ---------------------------------------------------------


def test_a_progress_bar_fills_its_share_of_the_track_and_writes_its_value() -> None:
    pixels = image({"kind": "progress", "series": [{"y": [37.5]}]})
    row = pixels[SIZE // 2]
    filled = np.all(np.abs(row - BLUE) <= 6, axis=1)
    # 37.5 of the implicit 100 (the axis ends at 100): the fill covers 37.5 % of the width,
    # less the white value text written in it
    assert 0.30 * SIZE < np.count_nonzero(filled) <= 0.376 * SIZE
    assert filled[5] and not filled[int(0.39 * SIZE)]
    text = np.all(pixels[:, : int(0.375 * SIZE)] > 200, axis=2)  # white ink inside the fill
    assert text[SIZE // 2 - 10 : SIZE // 2 + 10].any()
    bare = image({"kind": "progress", "series": [{"y": [37.5]}], "value_labels": False})
    assert np.count_nonzero(np.all(np.abs(bare[SIZE // 2] - BLUE) <= 6, axis=1)) > np.count_nonzero(
        filled
    )


def test_progress_rows_stack_down_and_totals_set_the_track() -> None:
    pixels = image(
        {"kind": "progress", "series": [{"y": [10, 30.0007]}, {"y": [40, 40], "color": "#2ca02c"}]}
    )
    # two rows: the first in the upper half; the axis ends at 40 (the nice step past it)
    upper, lower = pixels[SIZE // 4], pixels[3 * SIZE // 4]
    assert near(tuple(upper[int(0.02 * SIZE)]), BLUE) and near(tuple(upper[int(0.5 * SIZE)]), GREEN)
    assert near(tuple(lower[int(0.7 * SIZE)]), BLUE) and near(tuple(lower[int(0.9 * SIZE)]), GREEN)
    with pytest.raises(ValidationError):
        ChartSpec.model_validate({"kind": "progress", "series": [{"y": [1]}] * 3})
    with pytest.raises(ValidationError):
        ChartSpec.model_validate({"kind": "bar", "series": [{"y": [1]}], "value_labels": False})


# --- gauge (QuickChart's radialGauge) ------------------------------------------------------------


def test_a_gauge_sweeps_its_share_of_the_domain_over_its_track() -> None:
    pixels = image({"kind": "gauge", "series": [{"y": [25.0008]}], "y_limits": [0, 50]})
    track = (204, 221, 238)
    # half the domain: the arc from 12 o'clock clockwise to 6 o'clock, the track on the left;
    # the ring between 0.9 and 1 of the radius (199: the canvas' half side)
    assert near(at(pixels, 90, 190, MIDDLE), BLUE)
    assert near(at(pixels, 270, 190, MIDDLE), track)
    assert near(at(pixels, 90, 150, MIDDLE), (255, 255, 255))  # the hole
    digits = np.any(pixels[150:250, 150:250] < 100, axis=2)  # "26" in black in the middle
    assert digits.sum() > 300
    quiet = image(
        {"kind": "gauge", "series": [{"y": [25.0008]}], "y_limits": [0, 50], "value_labels": False}
    )
    assert not np.any(quiet[150:250, 150:250] < 100)


def test_a_radar_outline_breaks_at_a_null(monkeypatch: pytest.MonkeyPatch) -> None:
    from chartfn.drawing.raster.canvas import Canvas

    strokes: list[np.ndarray] = []
    original = Canvas.stroke

    def recording(self: Canvas, points: np.ndarray, *args: Any, **kwargs: Any) -> None:
        strokes.append(np.array(points))
        original(self, points, *args, **kwargs)

    monkeypatch.setattr(Canvas, "stroke", recording)
    image({"kind": "radar", "series": [{"y": [5, None, 7.0009, 2, 9]}], "fill": False})
    outline = strokes[-1]  # the series is drawn after the grid
    assert outline.shape == (6, 2)
    assert np.isnan(outline[1]).all() and not np.isnan(np.delete(outline, 1, axis=0)).any()


def test_radar_fill_can_differ_per_series() -> None:
    data: dict[str, Any] = {
        "kind": "radar",
        "series": [{"y": [4, 4, 4, 4.0011]}, {"y": [1, 1, 1, 1]}],
        "y_limits": [0, 5],
    }
    both = image({**data, "fill": [True, True]})
    outer_open = image({**data, "fill": [False, True]})
    # inside the large diamond (series 0), outside the small one (series 1)
    assert not near(tuple(both[240, 240]), (255, 255, 255), 30)
    assert near(tuple(outer_open[240, 240]), (255, 255, 255), 30)
    # inside the small diamond: filled either way
    assert not near(tuple(outer_open[205, 205]), (255, 255, 255), 30)
