"""QuickChart's ``gauge`` (chartjs-gauge) as the ``needle_gauge`` kind: the spec's rules, the
translation of a config (no sandbox: no functions here), and where the drawer puts the bands,
the needle and the value label (Chart.js 2.9's half-doughnut geometry, chartjs-gauge's needle)."""

from __future__ import annotations

import io
import math
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from pydantic import ValidationError

from chartfn.chartjs.config import ConfigError
from chartfn.chartjs.prepare import prepare
from chartfn.chartjs.request import QuickChartRequest
from chartfn.chartjs.translate import TranslationError, translate
from chartfn.drawing.raster import engine
from chartfn.models.chart_spec import ChartSpec
from chartfn.models.needle_gauge_look import NeedleGaugeLook
from chartfn.models.output_options import OutputOptions
from chartfn.models.series_style import ChartStyles

WIDTH, HEIGHT = 500, 300
# Chart.js 2.9 lays a half ring (rotation -π, circumference π) out 2 radii wide and 1 high, its
# centre half a radius below the area's middle; the arcs' borderWidth 2 comes off the diameter.
OUTER = (min(WIDTH, 2 * HEIGHT) - 2) / 2
INNER = OUTER * 0.5
CENTRE = (WIDTH / 2, HEIGHT / 2 + OUTER / 2)  # image pixels, y down
BANDS = {"kind": "needle_gauge", "series": [{"y": [40, 20, 60]}],
         "slice_colors": ["#008000", "#ffa500", "#ff0000"]}  # fmt: skip


def gauge(**config: Any) -> dict[str, Any]:
    dataset = {"value": 50, "data": [20, 40, 60], "backgroundColor": ["green", "orange", "red"]}
    dataset.update(config.pop("dataset", {}))
    return {"type": "gauge", "data": {"datasets": [dataset]}, **config}


def image_of(spec: dict[str, Any], look: NeedleGaugeLook | None = None) -> np.ndarray:
    styles = ChartStyles(needle_gauge=look) if look is not None else None
    png = engine.render_spec(
        ChartSpec.model_validate(spec), OutputOptions(width=WIDTH, height=HEIGHT), styles=styles
    )
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


def at(image: np.ndarray, degrees: float, radius: float) -> tuple[int, int, int]:
    """The pixel ``radius`` from the centre, ``degrees`` counter-clockwise from 3 o'clock."""
    x = CENTRE[0] + radius * math.cos(math.radians(degrees))
    y = CENTRE[1] - radius * math.sin(math.radians(degrees))
    return tuple(int(c) for c in image[int(y), int(x)])  # type: ignore[return-value]


# --- the spec ------------------------------------------------------------------------------------


def test_a_needle_gauge_needs_its_needle_value() -> None:
    with pytest.raises(ValidationError, match="needs needle_value"):
        ChartSpec.model_validate(BANDS)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"needle_value": 1, "band_start": 60}, "must be more than band_start"),
        ({"needle_value": 1, "rotation": 10}, "rotation is not for needle_gauge"),
        ({"needle_value": 1, "y_limits": [0, 5]}, "y_limits is not for needle_gauge"),
        ({"needle_value": 1, "series": [{"y": [1]}, {"y": [2]}]}, "exactly one series"),
        ({"needle_value": 1, "series": [{"y": list(range(1, 102))}]}, "at most 100 bands"),
    ],
)
def test_needle_gauge_rules(extra: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        ChartSpec.model_validate({**BANDS, **extra})


def test_the_needle_and_band_start_are_for_needle_gauges_only() -> None:
    for name in ("needle_value", "band_start"):
        with pytest.raises(ValidationError, match=f"{name} is not for bar"):
            ChartSpec.model_validate({"kind": "bar", "series": [{"y": [1]}], name: 1})


# --- the translation -----------------------------------------------------------------------------


def test_a_gauge_config_is_a_needle_gauge_with_its_look() -> None:
    config = gauge(
        options={
            "valueLabel": {"fontSize": 22, "backgroundColor": "transparent", "color": "#000",
                           "bottomMarginPercentage": 10, "padding": 3, "unknown": 1},
            "needle": {"color": "rgb(0, 0, 255)", "lengthPercentage": 50},
            "cutoutPercentage": 60,
            "somethingElse": True,
        },
        dataset={"minValue": 10, "borderWidth": 0},
    )  # fmt: skip
    translation = translate(config, 2)
    spec = translation.spec
    assert spec.kind == "needle_gauge"
    assert spec.series[0].y == [20, 40, 60]
    assert (spec.needle_value, spec.band_start, spec.cutout) == (50, 10, 0.6)
    assert spec.slice_colors == ["#008000", "#ffa500", "#ff0000"]
    assert spec.show_legend is False
    look = translation.styles.needle_gauge
    assert look == NeedleGaugeLook(
        needle_length_percentage=50, needle_color="#0000ff", label_color="#000000",
        label_background="#00000000", label_padding=(3, 3, 3, 3),
        label_bottom_margin_percentage=10, label_font_px=22, band_border_width=0,
    )  # fmt: skip
    assert translation.warnings == ()


@pytest.mark.parametrize(
    ("config", "path"),
    [
        (gauge(dataset={"value": "fast"}), "data.datasets[0].value"),
        (gauge(options={"needle": {"color": "no-such-colour"}}), "options.needle.color"),
        (gauge(options={"valueLabel": {"padding": {"top": "x"}}}), "options.valueLabel.padding"),
        (gauge(dataset={"data": [20, None]}), "data.datasets[0].data[1]"),
        (gauge(dataset={"data": [-5, -1], "minValue": 0}), "data.datasets[0]"),
    ],
)
def test_values_the_plugin_cannot_use_are_refused_at_their_path(
    config: dict[str, Any], path: str
) -> None:
    with pytest.raises(TranslationError) as caught:
        translate(config, 2)
    assert caught.value.path.startswith(path), caught.value.path


@pytest.mark.parametrize("version", [3, 4])
def test_the_plugin_is_for_chartjs_2_only(version: int) -> None:
    with pytest.raises(TranslationError, match=r"Chart\.js 2 only") as caught:
        translate(gauge(), version)
    assert caught.value.path == "type"


# --- the drawing ---------------------------------------------------------------------------------


def test_bands_fill_the_half_ring_in_order_of_their_ends() -> None:
    image = image_of({**BANDS, "needle_value": 0})
    middle = (OUTER + INNER) / 2
    # ends sorted as the plugin sorts them: 0-20 green, 20-40 orange, 40-60 red, left to right
    assert at(image, 150, middle) == (0, 128, 0)
    assert at(image, 90, middle) == (255, 165, 0)
    assert at(image, 30, middle) == (255, 0, 0)
    assert at(image, 90, OUTER + 4) == (255, 255, 255)  # the ring is as large as Chart.js's
    assert at(image, 90, OUTER - 3) == (255, 165, 0)
    assert at(image, 90, INNER - 3) == (255, 255, 255)
    assert at(image, -3, middle) == (255, 255, 255)  # nothing below the diameter


def test_the_needle_points_at_the_value() -> None:
    # 50 of 0…60: 5/6 of the half turn from 9 o'clock, so 30° above 3 o'clock
    pointing = image_of({**BANDS, "needle_value": 50})
    elsewhere = image_of({**BANDS, "needle_value": 10})
    assert at(pointing, 30, INNER + 40) == (0, 0, 0)
    assert at(elsewhere, 30, INNER + 40) == (255, 0, 0)
    assert at(elsewhere, 150, INNER + 40) == (0, 0, 0)
    # 80 % of the way from the hole to the outer edge, no further
    assert at(pointing, 30, OUTER - 10) == (255, 0, 0)
    # the hub: 2 % of the width in radius
    assert at(pointing, 270, 0.02 * WIDTH - 2) == (0, 0, 0)


def test_band_start_moves_the_span() -> None:
    # span 30…60: 50 is 2/3 of the way, 60° above 3 o'clock
    image = image_of({**BANDS, "needle_value": 50, "band_start": 30})
    assert at(image, 60, INNER + 40) == (0, 0, 0)


def test_the_value_label_sits_above_the_hub_unless_turned_off() -> None:
    spec = {**BANDS, "needle_value": 0}
    # 5 % of the width above the centre: the plugin's black box with white text
    above = 0.05 * WIDTH
    shown = image_of(spec)
    hidden = image_of({**spec, "value_labels": False})
    box = shown[int(CENTRE[1] - above) - 8 : int(CENTRE[1] - above) + 8, 235:265]
    assert np.count_nonzero(np.all(box == 0, axis=2)) > 100
    assert np.count_nonzero(np.all(box >= 250, axis=2)) > 5  # the text
    hidden_box = hidden[int(CENTRE[1] - above) - 8 : int(CENTRE[1] - above) + 8, 235:265]
    assert np.all(hidden_box == 255)


def test_a_configs_label_look_and_text_are_drawn() -> None:
    look = NeedleGaugeLook(label_text="mph", label_background="#0000ff", label_font_px=30,
                           label_bottom_margin_percentage=20)  # fmt: skip
    image = image_of({**BANDS, "needle_value": 0}, look)
    row = int(CENTRE[1] - 0.2 * WIDTH)
    blue = np.all(image[row - 15 : row + 15, 200:300] == (0, 0, 255), axis=2)
    assert np.count_nonzero(blue) > 500
    assert not np.any(np.all(image == (0, 0, 255), axis=2)[int(CENTRE[1] - 0.05 * WIDTH)])


# --- the value label's formatter, run in the config's sandbox ------------------------------------

GAUGE_TEXT = """{type: 'gauge', data: {datasets: [{value: 50, data: [20, 40, 60]}]},
  options: {valueLabel: {formatter: %s}}}"""


def prepared_look(formatter: str) -> tuple[NeedleGaugeLook | None, tuple[str, ...]]:
    chart = prepare(QuickChartRequest(chart=GAUGE_TEXT % formatter))
    chart.close()
    return chart.styles.needle_gauge, chart.warnings


def test_the_formatter_writes_the_value_label() -> None:
    look, warnings = prepared_look("function (value) { return value + ' mph'; }")
    assert look is not None and look.label_text == "50 mph"
    assert not any("valueLabel" in warning for warning in warnings), warnings


def test_a_formatter_that_throws_is_refused_naming_it() -> None:
    with pytest.raises(ConfigError, match=r"options\.valueLabel\.formatter"):
        prepared_look("function () { throw new Error('no'); }")


def test_data_labels_stand_on_the_bands_middles() -> None:
    """chartjs-plugin-datalabels places a gauge's labels as on a doughnut's arcs: at the middle
    of each band, between the hole and the outer edge."""
    config = """{type: 'gauge', data: {datasets: [{value: 0, data: [20, 40, 60]}]},
      options: {plugins: {datalabels: {display: true, color: '#0000ff', font: {size: 20}}}}}"""
    chart = prepare(
        QuickChartRequest(chart=config, width=WIDTH, height=HEIGHT, device_pixel_ratio=1.0)
    )
    chart.close()
    png = engine.render_spec(
        chart.spec, OutputOptions(width=WIDTH, height=HEIGHT), styles=chart.styles,
        overlays=chart.overlays,
    )  # fmt: skip
    image = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)
    blue = np.all(np.abs(image - (0, 0, 255)) < 60, axis=2)
    middle = (OUTER + INNER) / 2
    for degrees in (150, 90, 30):
        x = CENTRE[0] + middle * math.cos(math.radians(degrees))
        y = CENTRE[1] - middle * math.sin(math.radians(degrees))
        near = blue[int(y) - 12 : int(y) + 12, int(x) - 20 : int(x) + 20]
        assert np.count_nonzero(near) > 30, degrees


def test_unsorted_ends_with_data_labels_are_warned_about() -> None:
    labelled = {"plugins": {"datalabels": {"display": True}}}
    unsorted = translate(gauge(dataset={"data": [40, 20, 60]}, options=labelled), 2)
    assert any("data labels follow the config's order" in w for w in unsorted.warnings)
    assert translate(gauge(options=labelled), 2).warnings == ()
    assert translate(gauge(dataset={"data": [40, 20, 60]}), 2).warnings == ()


@st.composite
def needle_gauge_specs(draw: st.DrawFn) -> dict[str, Any]:
    ends = draw(st.lists(st.floats(-1e100, 1e100), min_size=1, max_size=100))
    start = draw(st.floats(-1e100, 1e100))
    if not (max(ends) or 1.0) > start:
        start = -1e100
        ends[0] = max(ends[0], 0.0)  # the span then ends at 0 (1) or above
    look = NeedleGaugeLook(
        needle_radius_percentage=draw(st.floats(0, 1000)),
        needle_width_percentage=draw(st.floats(0, 1000)),
        needle_length_percentage=draw(st.floats(0, 1000)),
        label_text=draw(st.text(max_size=200)),
        label_font_px=draw(st.none() | st.floats(1, 500)),
        label_bottom_margin_percentage=draw(st.floats(-1000, 1000)),
        label_border_radius=draw(st.floats(0, 1000)),
    )
    spec = {"kind": "needle_gauge", "series": [{"y": ends}], "band_start": start,
            "needle_value": draw(st.floats(-1e100, 1e100)), "cutout": draw(st.floats(0, 0.95)),
            "title": draw(st.text(alphabet="abc 数", max_size=20))}  # fmt: skip
    return {"spec": spec, "look": look}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(needle_gauge_specs(), st.sampled_from([(50, 50), (300, 200), (50, 600)]))
def test_every_valid_needle_gauge_renders_with_its_texts_inside(
    case: dict[str, Any], size: tuple[int, int]
) -> None:
    spec = ChartSpec.model_validate(case["spec"])
    frame = OutputOptions(width=size[0], height=size[1]).frame
    styles = ChartStyles(needle_gauge=case["look"])
    for label in engine.drawn_texts(spec, frame, styles=styles):
        x0, y0, x1, y1 = label.box
        assert x0 >= -0.5 and y0 >= -0.5 and x1 <= frame.width_px + 0.5
        assert y1 <= frame.height_px + 0.5
    png = engine.render_spec(spec, OutputOptions(width=size[0], height=size[1]), styles=styles)
    assert png.startswith(b"\x89PNG")


def test_the_value_label_is_one_line_as_a_canvas_draws_it() -> None:
    spec = ChartSpec.model_validate({**BANDS, "needle_value": 5})
    look = NeedleGaugeLook(label_text="5\nmph\tnow")
    texts = engine.drawn_texts(spec, OutputOptions(width=WIDTH, height=HEIGHT).frame,
                               styles=ChartStyles(needle_gauge=look))  # fmt: skip
    assert [label.text for label in texts] == ["5 mph now"]
