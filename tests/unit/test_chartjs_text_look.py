"""Chart.js configs are drawn with Chart.js's text and lines: Liberation Sans (Arial's metrics;
Chart.js's default family is Helvetica/Arial) at 12 CSS px in #666, a bold title, faint
one-pixel grid and borders; charts from /chart?spec= keep DejaVu Sans and their look."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

from chartfn.chartjs.output import output_for
from chartfn.chartjs.prepare import prepare
from chartfn.chartjs.request import parse_request
from chartfn.drawing.matplotlib_runtime import CHARTJS_FONT_FAMILY, CHARTJS_FONTS, FONT_MANAGER
from chartfn.drawing.raster import engine
from chartfn.drawing.raster.layout import Label
from chartfn.models.chart_spec import ChartSpec

PIXEL_BUDGET = 10_000_000
RED = (255, 0, 0)


def config(title: dict[str, Any], version: int = 2) -> dict[str, Any]:
    # a width and labels this module alone uses, so no cached render answers
    options: dict[str, Any] = {"title": title} if version < 3 else {"plugins": {"title": title}}
    return {
        "type": "bar",
        "data": {
            "labels": ["Kiwi 7", "Lime 7", "Fig 7"],
            "datasets": [{"label": "Crates 7", "data": [3, 9, 4], "backgroundColor": "red"}],
        },
        "options": options,
    }


def drawn(chart: dict[str, Any], version: int = 2, width: int = 431) -> list[Label]:
    request = parse_request(
        {"c": json.dumps(chart), "w": width, "h": 287, "v": version, "devicePixelRatio": 1},
        pixel_budget=PIXEL_BUDGET,
    )
    prepared = prepare(request)
    try:
        frame = output_for(request).frame
        return engine.drawn_texts(prepared.spec, frame, prepared.styles, prepared.overlays)
    finally:
        prepared.close()


def rendered(chart: dict[str, Any], width: int = 433) -> np.ndarray:
    request = parse_request(
        {"c": json.dumps(chart), "w": width, "h": 289, "devicePixelRatio": 1},
        pixel_budget=PIXEL_BUDGET,
    )
    prepared = prepare(request)
    try:
        png = engine.render_spec(
            prepared.spec, output_for(request), prepared.ticks, prepared.styles, prepared.overlays
        )
    finally:
        prepared.close()
    # QuickChart's background is transparent: look at the chart on white, as a page shows it
    on_white = Image.new("RGBA", (width, 289), "white")
    on_white.alpha_composite(Image.open(io.BytesIO(png)).convert("RGBA"))
    return np.asarray(on_white.convert("RGB")).astype(int)


def face(label: Label) -> str:
    return Path(FONT_MANAGER.findfont(label.font)).name


def test_the_bundled_faces_are_liberation_sans_regular_and_bold() -> None:
    from fontTools.ttLib import TTFont

    names = [TTFont(path)["name"].getDebugName(1) for path in CHARTJS_FONTS]
    styles = [TTFont(path)["name"].getDebugName(2) for path in CHARTJS_FONTS]
    assert names == [CHARTJS_FONT_FAMILY] * 2
    assert styles == ["Regular", "Bold"]
    assert sum(path.stat().st_size for path in CHARTJS_FONTS) < 1_000_000
    assert (CHARTJS_FONTS[0].parent / "LICENSE-OFL-1.1.txt").exists()


@pytest.mark.parametrize("version", [2, 4])
def test_a_configs_texts_are_liberation_sans_at_12_px_in_chartjs_grey(version: int) -> None:
    labels = drawn(config({"display": True, "text": "Harvest 7"}, version), version)
    texts = {label.text for label in labels}
    assert {"Harvest 7", "Crates 7", "Kiwi 7"} <= texts
    for label in labels:
        bold = label.text == "Harvest 7"
        expected = "LiberationSans-Bold.ttf" if bold else "LiberationSans-Regular.ttf"
        assert face(label) == expected, label.text
        assert label.font.get_size_in_points() == pytest.approx(12 * 0.72), label.text
        assert label.color == pytest.approx((0.4, 0.4, 0.4, 1.0)), label.text


@pytest.mark.parametrize(
    ("title", "version"),
    [({"fontStyle": "normal"}, 2), ({"font": {"weight": "normal"}}, 4)],
)
def test_a_title_set_to_normal_weight_is_not_bold(title: dict[str, Any], version: int) -> None:
    labels = drawn(config({"display": True, "text": "Plain 7", **title}, version), version)
    assert [face(label) for label in labels if label.text == "Plain 7"] == [
        "LiberationSans-Regular.ttf"
    ]


def test_a_spec_chart_keeps_dejavu_sans() -> None:
    spec = ChartSpec.model_validate(
        {"kind": "bar", "categories": ["Kiwi 8"], "series": [{"y": [3]}], "title": "Own 8"}
    )
    frame = output_for(parse_request({"c": "{}", "w": 437, "h": 281}, pixel_budget=1e7)).frame
    labels = engine.drawn_texts(spec, frame)
    assert {face(label) for label in labels} == {"DejaVuSans.ttf"}


def test_no_black_lines_or_text_in_a_configs_chart() -> None:
    """Chart.js draws text in #666 and grid, borders and tick marks in rgba(0,0,0,0.1): nothing
    but the red bars is darker than #666 (anti-aliased text edges are lighter still)."""
    image = rendered(config({"display": True, "text": "Dark 9"}))
    red = (np.abs(image - np.array(RED)) <= 60).all(axis=2)
    assert red.any()
    assert image[~red].min() >= 0x66 - 2
