"""A ``type: 'sankey'`` config as a sankey spec and its look (chartjs/sankey_translate.py), and
what the plugin draws where (drawing/raster/sankey.py), probed on the image."""

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
from chartfn.chartjs.translate import TranslationError, translate
from chartfn.drawing.raster import engine
from chartfn.models.chart_spec import MAX_SANKEY_LINKS, ChartSpec
from chartfn.models.output_options import OutputOptions
from chartfn.models.paint_bounds import MAX_VECTOR_PAINT_IMAGES

DOCS_FLOWS = [
    {"from": "Step A", "to": "Step B", "flow": 10},
    {"from": "Step A", "to": "Step C", "flow": 5},
    {"from": "Step B", "to": "Step C", "flow": 10},
    {"from": "Step D", "to": "Step C", "flow": 7},
]


def sankey(flows: list[Any] | None = None, **dataset: Any) -> dict[str, Any]:
    return {"type": "sankey", "data": {"datasets": [{"data": flows or DOCS_FLOWS, **dataset}]}}


def test_the_docs_example_becomes_a_sankey_spec() -> None:
    translation = translate(sankey(), 3)
    spec = translation.spec
    assert spec.kind == "sankey"
    assert spec.series[0].y == [10, 5, 10, 7]
    assert spec.sankey is not None
    assert spec.sankey.links == [
        ["Step A", "Step B"],
        ["Step A", "Step C"],
        ["Step B", "Step C"],
        ["Step D", "Step C"],
    ]
    assert not spec.show_legend
    assert translation.warnings == ()
    look = translation.styles.sankey
    assert look is not None
    assert look.colors_of(0) == ((1.0, 0.0, 0.0, 1.0), (0.0, 128 / 255, 0.0, 1.0))
    assert look.border_color == (0.0, 0.0, 0.0, 1.0)  # Chart.js 3 leaves it to the plugin


def test_chartjs_4_colours_the_node_borders_unless_the_config_names_a_colour() -> None:
    # Chart.js 4's Colors plugin gives the dataset its first border colour, which the plugin
    # strokes the nodes with (seen on Chart.js 4.6.1 with the plugin: rgb(54, 162, 235))
    look = translate(sankey(), 4).styles.sankey
    assert look is not None
    assert look.border_color == pytest.approx((54 / 255, 162 / 255, 235 / 255, 1.0))
    named = translate(sankey(borderColor="#00ff00"), 4).styles.sankey
    assert named is not None
    assert named.border_color == (0.0, 1.0, 0.0, 1.0)


def test_chartjs_2_has_no_sankey() -> None:
    with pytest.raises(TranslationError, match=r"needs Chart\.js 3 or 4") as caught:
        translate(sankey(), 2)
    assert caught.value.path == "type"


def test_options_of_the_layout_and_look_are_read() -> None:
    flows = [
        {"a": "x", "b": "y", "n": 2},
        {"a": "y", "b": "z", "n": 3},
        {"a": "w", "b": "z", "n": 1},
    ]
    config = sankey(
        flows,
        parsing={"from": "a", "to": "b", "flow": "n"},
        labels={"x": "Ex", "y": ["Why", "two"], "nobody": "dropped", "z": ""},
        column={"w": 1},
        priority={"x": 2, "y": 1},
        size="min",
        colorFrom=["#ff0000", "blue"],
        colorTo="rgba(0, 0, 0, 0.5)",
        colorMode="from",
        nodeWidth=30,
        borderWidth=0,
        color="#123456",
        font={"size": 20, "weight": "bold"},
        somethingUnknown=1,
    )
    translation = translate(config, 3)
    spec = translation.spec
    assert spec.sankey is not None
    assert spec.sankey.links == [["x", "y"], ["y", "z"], ["w", "z"]]
    assert spec.series[0].y == [2, 3, 1]
    assert spec.sankey.labels == {"x": "Ex", "y": "Why\ntwo"}  # "" shows the id, as `||` does
    assert spec.sankey.columns == {"w": 1}
    assert spec.sankey.priority == {"x": 2, "y": 1}
    assert spec.sankey.node_size == "min"
    look = translation.styles.sankey
    assert look is not None
    red, blue, half_black = (1.0, 0.0, 0.0, 1.0), (0.0, 0.0, 1.0, 1.0), (0.0, 0.0, 0.0, 0.5)
    assert [look.colors_of(i) for i in range(3)] == [
        (red, half_black),
        (blue, half_black),
        (red, half_black),
    ]
    assert look.color_mode == "from"
    assert (look.node_width, look.border_width) == (30, 0)
    assert look.label_color == pytest.approx((0x12 / 255, 0x34 / 255, 0x56 / 255, 1.0))
    assert (look.font_px, look.font_bold) == (20, True)


@pytest.mark.parametrize(
    ("flows", "path", "message"),
    [
        ([{"from": "a", "to": "b", "flow": -1}], "data.datasets[0].data[0].flow", "≥ 0"),
        ([{"from": "a", "to": "b", "flow": "3"}], "data.datasets[0].data[0].flow", "number"),
        ([{"from": "a", "to": "b"}], "data.datasets[0].data[0].flow", "not a flow"),
        ([{"from": "", "to": "b", "flow": 1}], "data.datasets[0].data[0].from", "node id"),
        ([{"from": "a", "to": {"x": 1}, "flow": 1}], "data.datasets[0].data[0].to", "node id"),
        ([{"from": "a" * 101, "to": "b", "flow": 1}], "data.datasets[0].data[0].from", "100"),
        ([3], "data.datasets[0].data[0]", "an object"),
        (
            [
                {"from": "a", "to": "b", "flow": 1},
                {"from": "b", "to": "c", "flow": 1},
                {"from": "c", "to": "a", "flow": 1},
            ],
            "data.datasets[0].data",
            "cycle, which chartjs-chart-sankey cannot lay out: a → b → c → a",
        ),
        ([{"from": "a", "to": "a", "flow": 1}], "data.datasets[0].data", "cycle"),
        (
            [{"from": f"n{i}", "to": "sink", "flow": 1} for i in range(MAX_SANKEY_LINKS + 1)],
            "data.datasets[0].data",
            f"at most {MAX_SANKEY_LINKS}",
        ),
        (
            [{"from": f"n{i}", "to": f"m{i}", "flow": 1} for i in range(51)],
            "data.datasets[0].data",
            "at most 100",
        ),
    ],
)
def test_flows_chartjs_could_not_use_are_400s_naming_their_path(
    flows: list[Any], path: str, message: str
) -> None:
    with pytest.raises(TranslationError) as caught:
        translate(sankey(flows), 3)
    assert caught.value.path == path
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("dataset", "path"),
    [
        ({"colorFrom": "notacolour"}, "data.datasets[0].colorFrom"),
        ({"colorTo": ["red", "nope"]}, "data.datasets[0].colorTo[1]"),
        ({"column": {"Step A": 1.5}}, "data.datasets[0].column.Step A"),
        ({"column": {"Step A": -1}}, "data.datasets[0].column.Step A"),
        ({"priority": {"Step A": "first"}}, "data.datasets[0].priority.Step A"),
        ({"nodeWidth": -3}, "data.datasets[0].nodeWidth"),
    ],
)
def test_options_chartjs_could_not_use_are_400s_naming_their_path(
    dataset: dict[str, Any], path: str
) -> None:
    with pytest.raises(TranslationError) as caught:
        translate(sankey(**dataset), 4)
    assert caught.value.path == path


def test_no_flows_is_a_400() -> None:
    with pytest.raises(TranslationError, match="needs flows"):
        translate({"type": "sankey", "data": {"datasets": [{"data": []}]}}, 3)
    with pytest.raises(TranslationError, match="a dataset of flows"):
        translate({"type": "sankey", "data": {"datasets": []}}, 3)


def test_a_second_dataset_is_named_in_a_warning() -> None:
    config = sankey()
    config["data"]["datasets"].append({"data": DOCS_FLOWS})
    assert "only the first dataset of a sankey is drawn" in translate(config, 3).warnings


def test_a_spec_sankey_is_validated() -> None:
    base = {
        "kind": "sankey",
        "series": [{"y": [1, 2]}],
        "sankey": {"links": [["a", "b"], ["b", "c"]]},
    }
    assert ChartSpec.model_validate(base).sankey is not None
    for bad, where in [
        ({**base, "sankey": None}, ("sankey",)),
        ({**base, "series": [{"y": [1]}]}, ("series", 0, "y")),
        ({**base, "series": [{"y": [1, -2]}]}, ("series", 0, "y", 1)),
        ({**base, "series": [{"y": [1, None]}]}, ("series", 0, "y", 1)),
        ({**base, "sankey": {"links": [["a", "b"], ["b", "a"]]}}, ("sankey", "links")),
        ({"kind": "bar", "series": [{"y": [1]}], "sankey": base["sankey"]}, ("sankey",)),
        ({**base, "series": [{"y": [1, 2]}, {"y": [1, 2]}]}, ("series",)),
    ]:
        with pytest.raises(ValueError, match="validation error") as caught:
            ChartSpec.model_validate(bad)
        assert where in [tuple(e["loc"]) for e in caught.value.errors()], (bad, where)  # type: ignore[attr-defined]


def _image(config: dict[str, Any], version: int) -> np.ndarray:
    translation = translate(config, version)
    options = OutputOptions(width=500, height=300, background="white")
    data = engine.render_spec(translation.spec, options, styles=translation.styles)
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB")).astype(int)


def _config_image(config: dict[str, Any], version: int) -> np.ndarray:
    """The config as QuickChart's protocol draws it (prepare: its look and padding too)."""
    parameters = {"c": json.dumps(config), "v": str(version), "w": "500", "h": "300",
                  "devicePixelRatio": "1", "bkg": "white"}  # fmt: skip
    request = parse_request(parameters, pixel_budget=10**7)
    prepared = prepare(request)
    try:
        data = engine.render_spec(
            prepared.spec, output_for(request), prepared.ticks, prepared.styles, prepared.overlays
        )
    finally:
        prepared.close()
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB")).astype(int)


@pytest.mark.parametrize("through_config", [False, True], ids=["spec look", "config look"])
def test_nodes_and_flows_lie_where_the_plugin_puts_them(through_config: bool) -> None:
    """The docs' example at 500×300: Chart.js 4.6.1 with the plugin put Step A's flow to Step B
    from (14, 118.6) to (244, 207.8), 89.2 high, and Step D's to Step C along the top from y 3,
    62.4 high (its chart area 3…487 × 3…297)."""
    image = _config_image(sankey(), 3) if through_config else _image(sankey(), 3)
    red, green = np.array((255, 0, 0)), np.array((0, 128, 0))
    assert np.abs(image[150, 8] - red).max() <= 2  # Step A's node, x 3…13
    assert np.abs(image[150, 492] - green).max() <= 2  # Step C's node at the area's right
    # Step B's node (x 244…254) is red: the last flow touching it leaves it
    assert np.abs(image[250, 250] - red).max() <= 2
    # Step D's flow: from y 3 to 65.4 at both ends, half-transparent red fading to green
    top_left, top_right = image[10, 60], image[10, 440]  # clear of the labels
    assert top_left[0] > 240 and top_left[1] < 160  # mostly red over white
    assert top_right[1] > 180 and top_right[0] < 160  # mostly green over white
    assert (image[62, 250] != image[68, 250]).any()  # the band's lower edge near y 65.4
    # A → B leaves A at y 118.6 … 207.8 and reaches B at 207.8 … 297
    assert (image[160, 20] != 255).any() and (image[220, 20] == 255).all()
    assert (image[290, 235] != 255).any()


def test_a_configs_layout_padding_moves_the_chart_area() -> None:
    # {left: 50} over the plugin's {left: 3, top: 3, right: 13, bottom: 3}, as Chart.js merges
    config = {**sankey(), "options": {"layout": {"padding": {"left": 50}}}}
    image = _config_image(config, 3)
    red = np.array((255, 0, 0))
    assert np.abs(image[150, 55] - red).max() <= 2  # Step A's node, now x 50…60
    assert (image[150, 8] == 255).all()
    assert np.abs(image[150, 492] - (0, 128, 0)).max() <= 2  # the right side keeps its 13


def test_color_modes_paint_flows_in_one_colour() -> None:
    from_mode = _image(sankey(colorMode="from", colorFrom="blue"), 3)
    to_mode = _image(sankey(colorMode="to", colorTo="blue"), 3)
    for image in (from_mode, to_mode):
        # half-transparent blue over white along the whole of Step D's flow
        for x in (30, 250, 470):
            assert tuple(image[30, x]) == pytest.approx((127, 127, 255), abs=2), x


def test_labels_show_their_text_not_the_id() -> None:
    translation = translate(sankey(labels={"Step A": "Alpha"}), 3)
    frame = OutputOptions(width=500, height=300).frame
    texts = [t.text for t in engine.drawn_texts(translation.spec, frame, translation.styles)]
    assert sorted(texts) == ["Alpha", "Step B", "Step C", "Step D"]


def test_data_labels_on_a_sankey_are_named_in_a_warning() -> None:
    config = {**sankey(), "options": {"plugins": {"datalabels": {"display": True}}}}
    request = parse_request({"c": json.dumps(config), "v": "3"}, pixel_budget=10**7)
    prepared = prepare(request)
    prepared.close()
    assert "data labels and annotations are not drawn on sankeys yet" in prepared.warnings
    plain = prepare(parse_request({"c": json.dumps(sankey()), "v": "3"}, pixel_budget=10**7))
    plain.close()
    assert plain.warnings == ()


def test_svg_paints_the_flows_gradients_and_warns_past_its_bound() -> None:
    def prepared_svg(flows: list[Any]) -> tuple[tuple[str, ...], bytes]:
        parameters = {"c": json.dumps(sankey(flows)), "v": "3", "f": "svg"}
        request = parse_request(parameters, pixel_budget=10**7)
        prepared = prepare(request)
        try:
            data = engine.render_spec(prepared.spec, output_for(request), styles=prepared.styles)
        finally:
            prepared.close()
        return prepared.warnings, data

    warnings, svg = prepared_svg(DOCS_FLOWS)
    assert warnings == ()
    assert svg.count(b"<image") == 2 * len(DOCS_FLOWS)  # each flow's outline and fill
    count = MAX_VECTOR_PAINT_IMAGES // 2 + 1  # two images a flow: one flow too many
    many = [{"from": f"n{i % 50}", "to": f"m{i % 40}", "flow": 1} for i in range(count)]
    warnings, svg = prepared_svg(many)
    assert any("draws at most" in warning for warning in warnings), warnings
    assert svg.count(b"<image") == MAX_VECTOR_PAINT_IMAGES
