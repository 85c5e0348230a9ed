"""A second y axis on the right (``ChartSpec.y2_series``; Chart.js datasets whose ``yAxisID``
names a y axis at ``position: 'right'``): the spellings, each axis' own Chart.js ticks, the
labels and title right of the plot, the data drawn against its own axis, the spec's rules."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from pydantic import ValidationError
from test_chartjs_axis_ticks import placed, texts

from chartfn.chartjs.config import parse_config
from chartfn.chartjs.second_axis import right_axis
from chartfn.chartjs.tick_labels import default_labels
from chartfn.chartjs.ticks import scale_ticks, tick_axis
from chartfn.chartjs.translate import translate
from chartfn.drawing.raster import engine
from chartfn.models.chart_spec import ChartSpec, canonical_spec_key
from chartfn.models.output_options import OutputOptions

_fresh = itertools.count(503)
V2_SCALES = (
    "{yAxes: [{id: 'left'}, {id: 'right', position: 'right', "
    "scaleLabel: {display: true, labelString: 'units'}}]}"
)
V4_SCALES = "{y: {}, y2: {position: 'right', title: {display: true, text: 'units'}}}"


def two_axes(version: int, big: int) -> str:
    axis_id = "right" if version == 2 else "y2"
    scales = V2_SCALES if version == 2 else V4_SCALES
    return (
        "{type: 'line', data: {labels: ['a', 'b', 'c'], datasets: ["
        "{label: 'small', data: [1, 3, 2]}, "
        f"{{label: 'big', yAxisID: '{axis_id}', data: [1000, {big}, 2000]}}]}}, "
        f"options: {{scales: {scales}}}}}"
    )


@pytest.mark.parametrize("version", [2, 4])
def test_datasets_naming_the_right_axis_go_on_it(version: int) -> None:
    with parse_config(two_axes(version, 5000)) as evaluated:
        spec = translate(evaluated.config, version).spec
    assert spec.y2_series == [1]
    assert spec.y2_label == "units"


@pytest.mark.parametrize("version", [2, 4])
def test_each_axis_has_its_own_chartjs_ticks_and_the_right_ones_stand_right(version: int) -> None:
    big = 5000 + next(_fresh)
    script = two_axes(version, big)
    layout = placed(script, str(version))
    _, bottom, right, top = layout.plot
    with parse_config(script) as evaluated:
        scale = right_axis(evaluated.config, version)
    assert scale is not None
    axis = tick_axis(scale.options, version, top - bottom, False)
    ticks = scale_ticks(scale.kind, version, scale.options, [1000, big], axis)
    assert texts(layout.y2_ticks) == default_labels("linear", version, ticks)
    assert layout.y2_scale is not None
    assert {layout.y2_scale.low, layout.y2_scale.high} == {ticks.min, ticks.max}
    # the left axis shows the left datasets' range only
    assert layout.y_scale is not None
    assert max(layout.y_scale.low, layout.y_scale.high) < 10
    for _, label in layout.y2_ticks:
        assert label is not None
        assert label.box[0] > right
    assert any(label.text == "units" and label.box[0] > right for label in layout.labels)


def _spec(**fields: Any) -> ChartSpec:
    return ChartSpec.model_validate(
        {"kind": "line", "series": [{"y": [1, 2]}, {"y": [100, 300]}], **fields}
    )


def test_the_data_is_drawn_against_its_own_axis() -> None:
    """The right series' highest point is at the top of the plot although the left axis ends
    far below its value."""
    spec = _spec(y2_series=[1], legend=False, y_limits=[0, 2])
    options = OutputOptions(width=400, height=300)
    frame = options.frame
    with engine.themed(frame.theme):
        chart, layout = engine.prepare(spec, frame)
    assert chart.request.y2_axis is not None
    y2 = chart.request.y2_axis.scale
    assert y2.low <= 100 and 300 <= y2.high < 1000
    assert layout.y2_ticks


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"y2_series": [0, 1]}, "at least one series stays on the left"),
        ({"y2_series": [2]}, "at most once"),
        ({"y2_series": [1, 1]}, "at most once"),
        ({"y2_log": True}, "y2_log needs y2_series"),
    ],
)
def test_the_second_axis_rules(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        _spec(**fields)
    with pytest.raises(ValidationError, match="y2_series is not for area"):
        ChartSpec.model_validate(
            {"kind": "area", "series": [{"y": [1]}, {"y": [2]}], "y2_series": [1]}
        )


def test_left_out_of_the_key_while_unset() -> None:
    assert "y2" not in canonical_spec_key(_spec())
    assert "y2_series" in canonical_spec_key(_spec(y2_series=[1]))


def test_what_cannot_go_right_stays_left_with_a_warning() -> None:
    config = {
        "type": "line",
        "data": {"datasets": [{"data": [1]}, {"data": [2], "yAxisID": "y2"}]},
        "options": {"scales": {"y": {}, "y2": {"position": "right", "type": "category"}}},
    }
    translation = translate(config, 4)
    assert translation.spec.y2_series is None
    assert any("options.scales.y2" in w for w in translation.warnings)


def test_a_v4_right_axis_that_is_the_only_y_scale_takes_every_dataset() -> None:
    """Chart.js 4 binds datasets without a yAxisID to the first y scale: with only y2 named,
    that is y2, so every dataset is drawn against it, and there is no second axis."""
    config = {
        "type": "line",
        "data": {"datasets": [{"data": [1, 2]}, {"data": [300, 400], "yAxisID": "y2"}]},
        "options": {"scales": {"y2": {"position": "right"}}},
    }
    assert translate(config, 4).spec.y2_series is None


def _grid_rows(script: str, version: str) -> int:
    """Rows of the plot crossed by a horizontal grid line of #00c800."""
    import io

    import numpy as np
    from PIL import Image

    from chartfn.chartjs.output import output_for
    from chartfn.chartjs.prepare import prepare
    from chartfn.chartjs.request import parse_request

    request = parse_request({"c": script, "v": version, "w": "400", "h": "300"}, pixel_budget=10**8)
    chart = prepare(request)
    try:
        data = engine.render_spec(chart.spec, output_for(request), chart.ticks)
    finally:
        chart.close()
    image = np.asarray(Image.open(io.BytesIO(data)).convert("RGB")).astype(int)
    green = np.all(np.abs(image - (0, 200, 0)) <= 40, axis=2)
    return int(np.count_nonzero(green.sum(axis=1) > 100))


@pytest.mark.parametrize(
    ("version", "grid", "kept_off"),
    [
        ("2", "gridLines: {color: '#00c800'}",
         "gridLines: {color: '#00c800', drawOnChartArea: false}"),
        ("4", "grid: {color: '#00c800'}", "grid: {color: '#00c800', drawOnChartArea: false}"),
    ],
)  # fmt: skip
def test_the_right_axis_draws_its_grid_lines_unless_kept_off_the_chart_area(
    version: str, grid: str, kept_off: str
) -> None:
    def config(look: str) -> str:
        big = 5000 + next(_fresh)
        if version == "2":
            scales = f"{{yAxes: [{{id: 'left'}}, {{id: 'r', position: 'right', {look}}}]}}"
            axis_id = "r"
        else:
            scales = f"{{y: {{}}, r: {{axis: 'y', position: 'right', {look}}}}}"
            axis_id = "r"
        return (
            "{type: 'line', data: {labels: ['a', 'b'], datasets: [{data: [1, 3]}, "
            f"{{yAxisID: '{axis_id}', data: [1000, {big}]}}]}}, options: {{scales: {scales}}}}}"
        )

    assert _grid_rows(config(grid), version) >= 3
    assert _grid_rows(config(kept_off), version) == 0
