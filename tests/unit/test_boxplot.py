"""Box plots and violins: the spec kinds' rules, Chart.js configs of the box-and-violin
plugins translated (values, colours, errors, per-version defaults), their value axis ticks, and
the marks drawn where the statistics put them."""

from __future__ import annotations

import io
import itertools
from typing import Any

import numpy as np
import pytest
from PIL import Image
from pydantic import ValidationError

from chartfn.chartjs.axis_ticks import config_ticks
from chartfn.chartjs.config import config_from_object
from chartfn.chartjs.translate import Translation, TranslationError, translate
from chartfn.drawing.raster import engine
from chartfn.models.chart_spec import ChartSpec, canonical_spec_key
from chartfn.models.output_options import OutputOptions

# Values no other test draws, so nothing comes from a cache.
_fresh = itertools.count(431)
FILL = (0, 200, 0)
BORDER = (200, 0, 0)


def boxes(kind: str = "boxplot", data: list[Any] | None = None, **dataset: Any) -> dict:
    offset = next(_fresh) / 1000
    values = data or [[1 + offset, 2, 3, 4, 5, 30], [10, 12, 13, 15, 16 + offset]]
    return {
        "type": kind,
        "data": {
            "labels": ["a", "b"][: len(values)],
            "datasets": [
                {
                    "label": "one",
                    "data": values,
                    "backgroundColor": "rgb(0, 200, 0)",
                    "borderColor": "rgb(200, 0, 0)",
                    **dataset,
                }
            ],
        },
    }


def drawn(translation: Translation, width: int = 400, height: int = 300) -> tuple[np.ndarray, Any]:
    """The image's pixels and its data-to-pixel mappers (y from the image's bottom)."""
    options = OutputOptions(width=width, height=height)
    image = engine.render_spec(translation.spec, options, styles=translation.styles)
    chart, placed = engine.prepare(translation.spec, options.frame, styles=translation.styles)
    assert chart.mappers is not None
    rgb = np.asarray(Image.open(io.BytesIO(image)).convert("RGB")).astype(int)
    return rgb, chart.mappers(placed)


def at(rgb: np.ndarray, x: float, y: float) -> tuple[int, ...]:
    return tuple(rgb[rgb.shape[0] - 1 - round(y), round(x)])


def near(color: tuple[int, ...], expected: tuple[int, int, int]) -> bool:
    return all(abs(a - b) <= 8 for a, b in zip(color, expected, strict=True))


def line_near(rgb: np.ndarray, x: float, y: float, expected: tuple[int, int, int]) -> bool:
    """A one-pixel line at about (x, y): within a pixel either way across it."""
    return any(near(at(rgb, x + dx, y + dy), expected) for dx in (-1, 0, 1) for dy in (-1, 0, 1))


# --- the spec kinds -----------------------------------------------------------------------------


def test_boxes_take_values_or_statistics_and_keep_old_keys() -> None:
    spec = ChartSpec.model_validate(
        {
            "kind": "boxplot",
            "categories": ["a", "b", "c"],
            "series": [
                {"boxes": [[3, 1, 2], {"min": 1, "q1": 2, "median": 3, "q3": 4, "max": 5}, None]}
            ],
        }
    )
    assert spec.series[0].boxes is not None and spec.series[0].y is None
    # a spec without boxes keeps the key it had before boxes existed
    line = ChartSpec.model_validate({"kind": "line", "series": [{"y": [1, 2]}]})
    assert "boxes" not in canonical_spec_key(line) and "means" not in canonical_spec_key(line)


@pytest.mark.parametrize(
    ("data", "where", "kind"),
    [
        ({"kind": "boxplot", "series": [{"y": [1]}]}, ("series", 0, "boxes"), "missing"),
        ({"kind": "line", "series": [{"boxes": [[1]]}]}, ("series", 0, "boxes"), "not_for_kind"),
        (
            {"kind": "violin", "series": [{"boxes": [{"min": 1, "q1": 2, "median": 3, "q3": 4,
                                                      "max": 5}]}]},
            ("series", 0, "boxes", 0),
            "not_for_kind",
        ),
        (
            {"kind": "boxplot", "categories": ["a"], "series": [{"boxes": [[1], [2]]}]},
            ("series", 0, "boxes"),
            "length_mismatch",
        ),
        ({"kind": "boxplot", "series": [{"boxes": [None]}]}, ("series", 0, "boxes"), "no_values"),
        ({"kind": "boxplot", "series": [{"boxes": [[1]]}], "y_log": True}, ("y_log",),
         "not_for_kind"),
        ({"kind": "bar", "series": [{"y": [1]}], "means": True}, ("means",), "not_for_kind"),
        (
            {"kind": "boxplot", "series": [{"boxes": [list(range(10_000))] * 6}]},
            ("series",),
            "too_many_points",
        ),
    ],
)  # fmt: skip
def test_spec_rules_name_the_field(data: dict, where: tuple, kind: str) -> None:
    with pytest.raises(ValidationError) as caught:
        ChartSpec.model_validate(data)
    assert (where, kind) in [(e["loc"], e["type"]) for e in caught.value.errors()]


def test_more_boxes_than_categories_allow_are_refused() -> None:
    with pytest.raises(ValidationError, match="at most 100"):
        ChartSpec.model_validate({"kind": "violin", "series": [{"boxes": [[1]] * 101}]})


# --- Chart.js configs ---------------------------------------------------------------------------


def test_a_boxplot_config_becomes_a_boxplot_spec_with_its_look() -> None:
    translation = translate(boxes(outlierColor="#0000ff", medianColor="#123456", borderWidth=3))
    spec = translation.spec
    assert spec.kind == "boxplot" and spec.categories == ["a", "b"] and not spec.horizontal
    assert spec.series[0].color == "#c80000" and spec.series[0].name == "one"
    look = translation.styles.of(0)
    assert look is not None
    assert look.fill_color == "#00c800" and look.line_width == 3
    assert look.point_colors == ("#0000ff", "#0000001a")
    assert look.point_border_colors == ("#123456", "#0000001a")
    assert not spec.means and translation.warnings == ()


def test_v2_boxes_without_colours_take_the_plugins_grey_and_v4_the_colors_plugin() -> None:
    config = boxes()
    for dataset in config["data"]["datasets"]:
        del dataset["backgroundColor"], dataset["borderColor"]
    v2 = translate(config, 2)
    assert v2.spec.series[0].color == "#0000001a"  # not QuickChart's Tableau 10
    # Chart.js 2 gives the plugin's boxes no colour: they take the canvas' leftover #666 fill
    assert v2.styles.of(0).fill_color == "#666666"  # type: ignore[union-attr]
    v4 = translate(config, 4)
    assert v4.spec.series[0].color == "#36a2eb"
    assert v4.styles.of(0).fill_color == "#36a2eb80"  # type: ignore[union-attr]
    assert v4.spec.means is True  # the v4 plugin marks means
    # its outliers and mean dots take Chart.js's global grey, not the dataset's colours
    assert v4.styles.of(0).point_colors == ("#0000001a", "#0000001a")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("config", "version"),
    [
        ({**boxes(), "type": "horizontalBoxplot"}, 2),
        ({**boxes("violin"), "type": "horizontalViolin"}, 2),
        ({**boxes(), "options": {"indexAxis": "y"}}, 4),
    ],
)
def test_horizontal_spellings(config: dict, version: int) -> None:
    assert translate(config, version).spec.horizontal is True


@pytest.mark.parametrize(
    ("data", "path", "message"),
    [
        ([5], "data.datasets[0].data[0]", "a single value"),
        ([{"min": 1, "q1": 2, "median": 3, "q3": "x", "max": 5}], "data.datasets[0].data[0].q3",
         "finite number"),
        ([[1, 2], "text"], "data.datasets[0].data[1]", "a single value"),
    ],
)  # fmt: skip
def test_values_chartjs_cannot_draw_are_a_400_naming_them(
    data: list[Any], path: str, message: str
) -> None:
    with pytest.raises(TranslationError) as caught:
        translate(boxes(data=data))
    assert caught.value.path == path and message in str(caught.value)


def test_a_violin_of_statistics_is_refused() -> None:
    stats = {"min": 1, "q1": 2, "median": 3, "q3": 4, "max": 5}
    with pytest.raises(TranslationError, match=r"data\.datasets\[0\]\.data\[0\]"):
        translate(boxes("violin", data=[stats]))


def test_non_numbers_in_a_box_are_dropped_as_the_plugin_drops_them() -> None:
    spec = translate(boxes(data=[[1, None, "2", 3, True], [None]])).spec
    assert spec.series[0].boxes == [[1.0, 3.0], None]


def test_options_read_but_not_drawn_are_named() -> None:
    config = boxes(itemRadius=2)
    config["options"] = {"scales": {"yAxes": [{"ticks": {"coef": 0}}]}}
    warnings = " ".join(translate(config).warnings)
    assert "itemRadius is not drawn" in warnings
    assert "options.scales.yAxes[0].ticks.coef is not read" in warnings


# --- the value axis -----------------------------------------------------------------------------


def ticks_of(config: dict, version: int) -> Any:
    spec = translate(config, version).spec
    providers = config_ticks(config_from_object(config), spec, version, 1.0).providers
    provider = providers.x if spec.horizontal else providers.y
    assert provider is not None
    return provider(250.0)


def test_the_value_axis_spans_the_boxes_min_to_max_without_beginning_at_zero_in_v2() -> None:
    config = boxes(data=[[20, 24, 30], [26, 40, 41]])
    v2 = ticks_of(config, 2)
    assert 16 <= v2.low <= 20 and 41 <= v2.high <= 45  # QuickChart adds no beginAtZero here
    assert ticks_of(config, 4).low == 0  # the bar controller's default in Chart.js 4
    given = boxes(data=[{"min": -7, "q1": 2, "median": 3, "q3": 4, "max": 50}])
    assert ticks_of(given, 2).low <= -7 and ticks_of(given, 2).high >= 50


def test_a_horizontal_boxplot_gets_its_ticks_along_x() -> None:
    ticks = ticks_of({**boxes(data=[[20, 24, 30]]), "type": "horizontalBoxplot"}, 2)
    assert ticks.low >= 10 and ticks.high <= 40


# --- what is drawn ------------------------------------------------------------------------------


def test_the_box_is_filled_between_its_quartiles_and_outlined_with_whiskers() -> None:
    translation = translate(boxes(data=[[1, 2, 3, 4, 5, 6, 7, 8, 9, 30]]))
    rgb, (to_x, to_y) = drawn(translation)
    centre = float(to_x(np.array([0.0]))[0])
    q1, median, q3, whisker_low, whisker_high, outlier = to_y(
        np.array([3.25, 5.5, 7.75, 1.0, 9.0, 30.0])
    )
    assert near(at(rgb, centre - 10, (q1 + median) / 2), FILL)
    assert near(at(rgb, centre - 10, (median + q3) / 2), FILL)
    assert not near(at(rgb, centre - 10, (q3 + whisker_high) / 2), FILL)  # no fill past q3
    assert line_near(rgb, centre, (q3 + whisker_high) / 2, BORDER)  # the whisker's stem
    assert line_near(rgb, centre + 10, whisker_low, BORDER)  # its cap
    assert not line_near(rgb, centre + 10, whisker_low - 8, BORDER)  # nothing below it
    # the outlier: the v2 plugin's own grey dot, rgba(0,0,0,0.1) over white
    assert line_near(rgb, centre, outlier, (230, 230, 230))
    # the box is Chart.js's bar: 0.8 of the category, 0.9 of that
    inside = [x for x in range(rgb.shape[1]) if near(at(rgb, x, (q1 + median) / 2), FILL)]
    width = float(to_x(np.array([1.0]))[0] - to_x(np.array([0.0]))[0]) * 0.8 * 0.9
    assert abs((max(inside) - min(inside) + 1) - width) <= 3


def test_a_violin_is_widest_where_its_values_are_densest() -> None:
    values = [1, 5, 5.05, 5.1, 5.15, 5.2, 5.25, 5.3, 9]
    translation = translate(boxes("violin", data=[values]))
    rgb, (to_x, to_y) = drawn(translation)
    centre = float(to_x(np.array([0.0]))[0])

    def width_at(value: float) -> int:
        y = float(to_y(np.array([value]))[0])
        return sum(1 for x in range(rgb.shape[1]) if near(at(rgb, x, y), FILL))

    assert width_at(5.15) > 20 and width_at(5.15) > 3 * width_at(3.0)
    assert not near(at(rgb, centre, float(to_y(np.array([9.5]))[0])), FILL)  # nothing past max


def test_docs_violin_renders_through_the_engine() -> None:
    config = {
        "type": "violin",
        "data": {
            "labels": [2012, 2013, 2014, 2015],
            "datasets": [
                {
                    "label": "Data",
                    "data": [[12, 6, 3, 4], [1, 8, 8, 15], [1, 1, 1, 2, 3, 5, 9, 8],
                             [19, -3, 18, 8, 5, 9, 9]],
                    "backgroundColor": "rgba(56,123,45,0.2)",
                    "borderColor": "rgba(56,123,45,1.9)",
                }
            ],
        },
    }  # fmt: skip
    translation = translate(config)
    assert translation.spec.categories == ["2012", "2013", "2014", "2015"]
    rgb, _ = drawn(translation)
    border = np.all(np.abs(rgb - (56, 123, 45)) <= 8, axis=2)
    assert np.count_nonzero(border) > 50


def test_data_labels_on_boxes_are_named_not_dropped() -> None:
    from chartfn.chartjs.prepare import prepare
    from chartfn.chartjs.request import QuickChartRequest

    config = boxes()
    config["options"] = {"plugins": {"datalabels": {"display": True}}}
    prepared = prepare(QuickChartRequest(chart=config))
    try:
        assert "data labels are not drawn on box plots" in " ".join(prepared.warnings)
    finally:
        prepared.close()
