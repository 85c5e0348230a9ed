"""QuickChart's ``sparkline`` (lib/charts.js): a v2 line chart with both axes hidden, the y axis
from the first dataset's min and max moved out by 5 % of themselves, no legend, the chart area
the whole canvas. Its v2 spellings mean nothing to Chart.js 3/4, which draw the axes."""

from __future__ import annotations

import io
import json
from typing import Any

import numpy as np
import pytest
from PIL import Image

from chartfn.chartjs.output import output_for
from chartfn.chartjs.prepare import prepare
from chartfn.chartjs.request import parse_request
from chartfn.drawing.raster import engine

PIXEL_BUDGET = 10_000_000


def sparkline(**options: Any) -> dict[str, Any]:
    dataset = {"data": [141, 61, 273, 371, 198], "borderColor": "red", "fill": False}
    return {"type": "sparkline", "data": {"datasets": [dataset]}, "options": options}


def prepared_of(config: dict[str, Any], version: int = 2, width: int = 347) -> Any:
    parameters = {"c": json.dumps(config), "w": width, "h": 113, "v": version}
    request = parse_request({**parameters, "devicePixelRatio": 1}, pixel_budget=PIXEL_BUDGET)
    return request, prepare(request)


def texts(config: dict[str, Any], version: int = 2) -> list[str]:
    request, prepared = prepared_of(config, version)
    try:
        frame = output_for(request).frame
        drawn = engine.drawn_texts(prepared.spec, frame, prepared.styles, prepared.overlays)
    finally:
        prepared.close()
    return [label.text for label in drawn]


def test_the_y_axis_runs_from_min_to_max_moved_out_by_5_percent() -> None:
    _, prepared = prepared_of(sparkline())
    prepared.close()
    assert prepared.spec.y_limits == pytest.approx((61 * 0.95, 371 * 1.05))
    assert not [w for w in prepared.warnings if "sparkline" in w]


def test_a_v2_sparkline_draws_no_text_at_all() -> None:
    assert texts(sparkline()) == []


@pytest.mark.parametrize(
    ("config", "version"),
    [(sparkline(), 4), (sparkline(scales={"yAxes": [{"display": True}]}), 2)],
    ids=["v4 ignores the v2 spellings", "the config's own scales"],
)
def test_axes_are_drawn_where_quickchart_draws_them(config: dict[str, Any], version: int) -> None:
    assert any(text.strip() for text in texts(config, version))


def test_the_line_spans_the_whole_canvas_with_no_grid_or_frame() -> None:
    request, prepared = prepared_of(sparkline(), width=349)
    try:
        png = engine.render_spec(
            prepared.spec, output_for(request), prepared.ticks, prepared.styles, prepared.overlays
        )
    finally:
        prepared.close()
    rgba = np.asarray(Image.open(io.BytesIO(png)).convert("RGBA")).astype(int)
    drawn = rgba[..., 3] > 0
    # the first value (141) is drawn at the left edge, the last (198) at the right one
    assert drawn[:, 0].any() and drawn[:, -1].any()
    # every drawn pixel is the red line (no grey grid, frame or tick marks)
    red = rgba[drawn]
    assert (red[:, 0] >= 200).all() and (red[:, 1] <= 60).all() and (red[:, 2] <= 60).all()
