"""The chart spec models: every limit and rule, located errors, the ?spec= forms, cache keys."""

from __future__ import annotations

import base64
import contextlib
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from test_spec_renderer import valid_specs

from chartfn.models.chart_spec import (
    MAX_BINS,
    MAX_CATEGORIES,
    MAX_NAME,
    MAX_POINTS_PER_SERIES,
    MAX_SERIES,
    MAX_SPEC_BYTES,
    MAX_SPEC_TEXT,
    MAX_TEXT,
    MAX_TOTAL_POINTS,
    ChartSpec,
    SpecError,
    canonical_spec_key,
    parse_spec_json,
    parse_spec_text,
)


def spec(**fields: Any) -> dict[str, Any]:
    return {"kind": "line", "series": [{"y": [1, 2, 3]}], **fields}


def error_locs(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    with pytest.raises(ValidationError) as caught:
        ChartSpec.model_validate(data)
    return [tuple(error["loc"]) for error in caught.value.errors()]


def single_error(data: dict[str, Any]) -> dict[str, Any]:
    with pytest.raises(ValidationError) as caught:
        ChartSpec.model_validate(data)
    errors = caught.value.errors()
    assert len(errors) == 1, errors
    return dict(errors[0])


def b64(document: str, *, padded: bool = False) -> str:
    text = base64.urlsafe_b64encode(document.encode()).decode()
    return text if padded else text.rstrip("=")


def test_a_minimal_spec_gets_the_documented_defaults() -> None:
    chart = ChartSpec.model_validate(spec())
    assert chart.series[0].y == [1.0, 2.0, 3.0]
    assert chart.title == chart.x_label == chart.y_label == ""
    assert (chart.x_log, chart.y_log, chart.stacked) == (False, False, False)
    assert chart.legend is None and chart.bins is None and chart.categories is None


def test_models_are_frozen() -> None:
    chart = ChartSpec.model_validate(spec())
    with pytest.raises(ValidationError):
        chart.title = "changed"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("data", "loc"),
    [
        (spec(colour="red"), ("colour",)),
        (spec(series=[{"y": [1], "colour": "red"}]), ("series", 0, "colour")),
        ({**spec(), "kind": "donut"}, ("kind",)),
    ],
)
def test_unknown_fields_and_kinds_are_errors(data: dict[str, Any], loc: tuple[Any, ...]) -> None:
    assert error_locs(data) == [loc]


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), float("-inf"), 1e101, -1e101])
def test_non_finite_and_huge_numbers_are_rejected_at_their_index(bad: float) -> None:
    y = [0.0] * 20
    y[17] = bad
    error = single_error(spec(series=[{"y": y}]))
    assert error["loc"] == ("series", 0, "y", 17)
    assert "finite number" in error["msg"] and "1e+100" in error["msg"]


def test_nan_from_json_text_is_rejected_too() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_spec_text('{"kind": "line", "series": [{"y": [1, NaN, Infinity]}]}')
    assert [e["loc"] for e in caught.value.errors()] == [
        ("series", 0, "y", 1),
        ("series", 0, "y", 2),
    ]


@pytest.mark.parametrize("bad", ["1", True, [1]])
def test_numbers_must_be_json_numbers(bad: object) -> None:
    assert error_locs(spec(series=[{"y": [1, bad]}])) == [("series", 0, "y", 1)]


def test_limits_on_counts() -> None:
    assert error_locs(spec(series=[])) == [("series",)]
    assert error_locs(spec(series=[{"y": [1]}] * (MAX_SERIES + 1))) == [("series",)]
    ChartSpec.model_validate(spec(series=[{"y": [1]}] * MAX_SERIES))
    assert error_locs(spec(series=[{"y": []}])) == [("series", 0, "y")]
    too_long = [{"y": [1.0] * (MAX_POINTS_PER_SERIES + 1)}]
    assert error_locs(spec(series=too_long)) == [("series", 0, "y")]
    full = {"y": [1.0] * MAX_POINTS_PER_SERIES}
    ChartSpec.model_validate(spec(series=[full] * (MAX_TOTAL_POINTS // MAX_POINTS_PER_SERIES)))
    over = [full] * (MAX_TOTAL_POINTS // MAX_POINTS_PER_SERIES) + [{"y": [1]}]
    error = single_error(spec(series=over))
    assert error["loc"] == ("series",) and str(MAX_TOTAL_POINTS) in error["msg"]


@pytest.mark.parametrize("field", ["title", "x_label", "y_label"])
def test_text_length_limit(field: str) -> None:
    ChartSpec.model_validate(spec(**{field: "é" * MAX_TEXT}))
    assert error_locs(spec(**{field: "x" * (MAX_TEXT + 1)})) == [(field,)]


def test_name_and_category_length_limits() -> None:
    assert error_locs(spec(series=[{"y": [1], "name": "n" * (MAX_NAME + 1)}])) == [
        ("series", 0, "name")
    ]
    bar = {"kind": "bar", "series": [{"y": [1]}], "categories": ["c" * (MAX_NAME + 1)]}
    assert error_locs(bar) == [("categories", 0)]


@pytest.mark.parametrize("text", ["a\x00b", "tab\x07", "\x7f", "\x85"])
def test_control_characters_are_rejected(text: str) -> None:
    error = single_error(spec(title=text))
    assert error["loc"] == ("title",) and "control characters" in error["msg"]


def test_lone_surrogates_are_rejected() -> None:
    # json.loads turns "\ud800" into a lone surrogate, which no font can draw.
    with pytest.raises(ValidationError) as caught:
        parse_spec_text('{"kind": "line", "series": [{"y": [1]}], "title": "a\\ud800"}')
    assert [e["loc"] for e in caught.value.errors()] == [("title",)]


def test_newline_tab_and_dollar_are_fine_in_text() -> None:
    ChartSpec.model_validate(spec(title="two\nlines\tand $x^{", x_label="€ 100"))


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("#ABC", "#aabbcc"),
        ("#a1b2c3", "#a1b2c3"),
        ("#a1b2c3d4", "#a1b2c3d4"),
        ("Red", "red"),
        ("grey", "gray"),
        ("TAB:Grey", "tab:gray"),
        ("tab:cyan", "tab:cyan"),
        ("navy", "navy"),
    ],
)
def test_colours_accepted_and_normalised(given: str, stored: str) -> None:
    chart = ChartSpec.model_validate(spec(series=[{"y": [1], "color": given}]))
    assert chart.series[0].color == stored


@pytest.mark.parametrize("bad", ["#abcd", "#abcdefa", "#ggg", "r", "C0", "rgb(1,2,3)", " red", ""])
def test_other_colours_are_rejected_with_the_allowed_forms(bad: str) -> None:
    error = single_error(spec(series=[{"y": [1], "color": bad}]))
    assert error["loc"] == ("series", 0, "color")
    assert "#rrggbb" in error["msg"] and "tab:blue" in error["msg"]


def test_null_is_a_gap_in_line_and_area_only() -> None:
    ChartSpec.model_validate(spec(series=[{"y": [1, None, 3]}]))
    ChartSpec.model_validate({"kind": "area", "series": [{"y": [1, None, 3]}]})
    for kind in ("scatter", "bar", "histogram", "pie"):
        error = single_error({"kind": kind, "series": [{"y": [1, 2, None]}]})
        assert error["loc"] == ("series", 0, "y", 2)
        assert "line and area" in error["msg"]


def test_a_series_needs_one_number() -> None:
    assert error_locs(spec(series=[{"y": [None, None]}])) == [("series", 0, "y")]


def test_x_pairs_with_y_and_only_where_x_means_something() -> None:
    error = single_error(spec(series=[{"y": [1, 2], "x": [1, 2, 3]}]))
    assert error["loc"] == ("series", 0, "x") and "3" in error["msg"]
    assert error_locs({"kind": "pie", "series": [{"y": [1], "x": [1]}]}) == [("series", 0, "x")]
    ChartSpec.model_validate({"kind": "scatter", "series": [{"y": [1, 2], "x": [5, -1]}]})


def test_bars_placed_by_x_follow_their_rules() -> None:
    placed = {"kind": "bar", "series": [{"y": [1, 2], "x": [0, 5]}, {"y": [3], "x": [2]}]}
    ChartSpec.model_validate(placed)  # each series its own length
    assert error_locs({**placed, "series": [{"y": [1], "x": [0]}, {"y": [2]}]}) == [
        ("series", 1, "x")
    ]
    assert error_locs({**placed, "series": [{"y": [1]}, {"y": [2], "x": [0]}]}) == [
        ("series", 0, "x")
    ]
    assert error_locs({**placed, "stacked": True}) == [("series", 1, "x")]
    assert error_locs({**placed, "categories": ["a", "b"]}) == [("categories",)]
    assert error_locs({**placed, "horizontal": True}) == [("horizontal",)]
    assert error_locs({**placed, "y2_series": [1]}) == [("y2_series",)]
    too_many = [{"y": [1.0] * (MAX_CATEGORIES + 1), "x": [0.0] * (MAX_CATEGORIES + 1)}]
    assert error_locs({"kind": "bar", "series": too_many}) == [("series", 0, "y")]


def test_bar_lengths_follow_the_categories() -> None:
    ok = {"kind": "bar", "categories": ["a", "b"], "series": [{"y": [1, 2]}, {"y": [3, 4]}]}
    ChartSpec.model_validate(ok)
    bad = {**ok, "series": [{"y": [1, 2]}, {"y": [3]}]}
    assert error_locs(bad) == [("series", 1, "y")]
    no_categories = {"kind": "bar", "series": [{"y": [1, 2]}, {"y": [3, 4, 5]}]}
    assert error_locs(no_categories) == [("series", 1, "y")]
    too_many = {"kind": "bar", "series": [{"y": [1.0] * (MAX_CATEGORIES + 1)}]}
    assert error_locs(too_many) == [("series", 0, "y")]
    assert error_locs({**ok, "categories": ["a"] * (MAX_CATEGORIES + 1)}) == [("categories",)]


def test_categories_only_for_bar_and_pie() -> None:
    error = single_error(spec(categories=["a", "b", "c"]))
    assert error["loc"] == ("categories",) and "bar and pie" in error["msg"]


def test_a_doughnut_takes_a_ring_per_series_and_a_hole_in_pixels() -> None:
    rings = {"kind": "doughnut", "categories": ["a", "b"], "series": [{"y": [1, 2]}, {"y": [3, 0]}]}
    assert len(ChartSpec.model_validate(rings).series) == 2
    assert error_locs({**rings, "series": [{"y": [1, 2]}, {"y": [3]}]}) == [("series", 1, "y")]
    assert error_locs({**rings, "series": [{"y": [1, 2]}, {"y": [0, 0]}]}) == [("series", 1, "y")]
    assert error_locs({**rings, "categories": ["a"]}) == [("categories",)]
    assert ChartSpec.model_validate({**rings, "cutout_px": 40}).cutout_px == 40
    assert error_locs({**rings, "cutout_px": -1}) == [("cutout_px",)]
    assert error_locs({**rings, "cutout_px": 1e4 + 1}) == [("cutout_px",)]
    assert single_error({**rings, "cutout_px": 40, "cutout": 0.5})["type"] == "cutout_twice"
    pie = {"kind": "pie", "series": [{"y": [1, 2]}], "cutout_px": 40}
    assert single_error(pie)["type"] == "not_for_kind"
    # a spec without the field keeps the cache key it had before the field existed
    assert "cutout_px" not in canonical_spec_key(ChartSpec.model_validate(rings))


def test_pie_rules() -> None:
    pie = {"kind": "pie", "series": [{"y": [1, 2, 0]}], "categories": ["a", "b", "c"]}
    ChartSpec.model_validate(pie)
    assert error_locs({**pie, "series": [{"y": [1]}, {"y": [2]}]}) == [("series",)]
    assert error_locs({**pie, "series": [{"y": [1, -2, 0]}]}) == [("series", 0, "y", 1)]
    error = single_error({**pie, "series": [{"y": [0, 0, 0]}]})
    assert error["loc"] == ("series", 0, "y") and "more than 0" in error["msg"]
    assert error_locs({**pie, "categories": ["a"]}) == [("categories",)]
    assert error_locs({**pie, "series": [{"y": [1, 2, 0], "color": "red"}]}) == [
        ("series", 0, "color")
    ]
    for field, value in [("x_log", True), ("y_log", True), ("stacked", True), ("x_limits", [0, 1])]:
        assert error_locs({**pie, field: value}) == [(field,)], field


def test_stacked_only_for_bar_area_histogram() -> None:
    for kind in ("bar", "area", "histogram"):
        ChartSpec.model_validate({"kind": kind, "series": [{"y": [1, 2]}], "stacked": True})
    for kind in ("line", "scatter"):
        error = single_error({"kind": kind, "series": [{"y": [1, 2]}], "stacked": True})
        assert error["loc"] == ("stacked",) and "bar, area and histogram" in error["msg"]


def test_stacked_areas_share_x() -> None:
    base = {"kind": "area", "stacked": True}
    ok = {**base, "series": [{"y": [1, 2], "x": [0, 5]}, {"y": [3, 4], "x": [0, 5]}]}
    ChartSpec.model_validate(ok)
    bad = {**base, "series": [{"y": [1, 2], "x": [0, 5]}, {"y": [3, 4], "x": [0, 6]}]}
    assert error_locs(bad) == [("series", 1, "x")]
    short = {**base, "series": [{"y": [1, 2]}, {"y": [3]}]}
    assert error_locs(short) == [("series", 1, "y")]


def test_bins_only_for_histograms_and_bounded() -> None:
    histogram = {"kind": "histogram", "series": [{"y": [1, 2, 2, 3]}]}
    ChartSpec.model_validate({**histogram, "bins": MAX_BINS})
    ChartSpec.model_validate({**histogram, "bins": 1})
    for bad in (0, MAX_BINS + 1, 2.5, "10"):
        assert error_locs({**histogram, "bins": bad}) == [("bins",)], bad
    assert error_locs(spec(bins=10)) == [("bins",)]


def test_whole_numbers_written_as_doubles_are_whole_numbers() -> None:
    """JSON Schema's integer is any number without a fraction (5.0 is one); the OpenAPI fuzz
    sent y2_series [1.0] and was refused. 5.0 means 5, the same chart and key."""
    histogram = {"kind": "histogram", "series": [{"y": [1, 2, 2, 3]}]}
    as_double = ChartSpec.model_validate({**histogram, "bins": 5.0})
    assert as_double.bins == 5 and isinstance(as_double.bins, int)
    assert as_double == ChartSpec.model_validate({**histogram, "bins": 5})
    two = {"kind": "line", "series": [{"y": [1, 2]}, {"y": [3, 4]}]}
    assert ChartSpec.model_validate({**two, "y2_series": [1.0]}).y2_series == [1]
    for bad in (5.5, True, "5", float(MAX_BINS + 1)):
        assert error_locs({**histogram, "bins": bad}) == [("bins",)], bad
    assert error_locs({**two, "y2_series": [0.5]}) == [("y2_series", 0)]
    # and the OpenAPI document still states the bounds (the fuzz test sent bins 0 when a
    # first version of this change moved them out of the schema)
    schema = ChartSpec.model_json_schema()["properties"]
    assert {"type": "integer", "minimum": 1, "maximum": MAX_BINS} in schema["bins"]["anyOf"]
    y2_items = next(a for a in schema["y2_series"]["anyOf"] if a["type"] == "array")["items"]
    assert y2_items == {"type": "integer", "minimum": 0}


def test_log_axes_need_positive_data() -> None:
    ChartSpec.model_validate(spec(y_log=True, series=[{"y": [1, None, 3]}]))
    assert error_locs(spec(y_log=True, series=[{"y": [1, 0, 3]}])) == [("series", 0, "y", 1)]
    error = single_error(spec(x_log=True))
    assert error["loc"] == ("series", 0, "x") and "explicit x" in error["msg"]
    ChartSpec.model_validate(spec(x_log=True, series=[{"y": [1, 2], "x": [0.1, 10]}]))
    assert error_locs(spec(x_log=True, series=[{"y": [1, 2], "x": [1, -1]}])) == [
        ("series", 0, "x", 1)
    ]
    histogram = {"kind": "histogram", "series": [{"y": [1, 2, -3]}]}
    ChartSpec.model_validate({**histogram, "y_log": True})  # counts on y: any samples
    assert error_locs({**histogram, "x_log": True}) == [("series", 0, "y", 2)]


def test_log_axes_that_make_no_sense_are_rejected() -> None:
    bar = {"kind": "bar", "series": [{"y": [1, 2]}]}
    error = single_error({**bar, "x_log": True})
    assert error["loc"] == ("x_log",) and "not for bar" in error["msg"]
    ChartSpec.model_validate({**bar, "y_log": True})
    error = single_error({"kind": "area", "series": [{"y": [1, 2]}], "y_log": True})
    assert error["loc"] == ("y_log",) and "fill down to 0" in error["msg"]
    assert error_locs({**bar, "x_limits": [0, 1]}) == [("x_limits",)]


@pytest.mark.parametrize(
    ("fields", "loc"),
    [
        ({"x_limits": [1, 1]}, ("x_limits",)),
        ({"y_limits": [2, 1]}, ("y_limits",)),
        ({"y_limits": [0, float("inf")]}, ("y_limits", 1)),
        ({"y_limits": [0, 1, 2]}, ("y_limits",)),
        ({"y_limits": [0, 1], "y_log": True}, ("y_limits",)),
    ],
)
def test_limits_rules(fields: dict[str, Any], loc: tuple[Any, ...]) -> None:
    assert error_locs(spec(**fields)) == [loc]


def test_limits_accepted() -> None:
    chart = ChartSpec.model_validate(spec(x_limits=[-1, 2.5], y_limits=[0.5, 10], y_log=True))
    assert chart.x_limits == (-1.0, 2.5) and chart.y_limits == (0.5, 10.0)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (spec(), False),
        (spec(series=[{"y": [1], "name": "only"}]), True),
        (spec(series=[{"y": [1]}, {"y": [2]}]), True),
        (spec(series=[{"y": [1]}, {"y": [2]}], legend=False), False),
        (spec(legend=True), True),
        ({"kind": "pie", "series": [{"y": [1, 2], "name": "shares"}]}, False),
        ({"kind": "pie", "series": [{"y": [1, 2]}], "legend": True}, True),
    ],
)
def test_automatic_legend(data: dict[str, Any], expected: bool) -> None:
    assert ChartSpec.model_validate(data).show_legend is expected


# --- ?spec= text ---------------------------------------------------------------------------

DOCUMENT = '{"kind": "bar", "categories": ["a", "b"], "series": [{"y": [1, 2.5], "name": "n"}]}'


def test_json_and_base64url_forms_are_equal() -> None:
    from_json = parse_spec_text(DOCUMENT)
    assert parse_spec_text("  " + DOCUMENT + "\n") == from_json
    assert parse_spec_text(b64(DOCUMENT)) == from_json
    assert parse_spec_text(b64(DOCUMENT, padded=True)) == from_json
    assert parse_spec_json(DOCUMENT.encode()) == from_json


def test_base64url_alphabet_is_the_url_safe_one() -> None:
    # "~~~" encodes to "fn5-", which has the URL-safe "-" where standard base64 has "+".
    document = json.dumps(spec(title="~~~>>>?"))
    encoded = b64(document)
    assert "-" in encoded or "_" in encoded
    assert parse_spec_text(encoded).title == "~~~>>>?"
    standard = base64.b64encode(document.encode()).decode()
    with pytest.raises(SpecError, match=r"base64url.*'\+' and '/' are '-' and '_'|\+ and / are"):
        parse_spec_text(standard)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("ab$c", r"character '\$' at position 2 is not in the base64url alphabet"),
        ("abcde", "length or '=' padding"),
        ("YQ===", "length or '=' padding"),
        (b64("not json"), "not valid JSON at line 1 column 1"),
        ('{"kind": }', r"not valid JSON at line 1 column 10: Expecting value"),
        ('{"kind": "line",\n "series": [1,]}', "line 2 column 14"),
        (base64.urlsafe_b64encode(b"\xff\xfe{").decode(), "not UTF-8"),
        ('{"a":' * 100_000, "characters long"),
    ],
)
def test_bad_text_gets_a_clear_spec_error(text: str, message: str) -> None:
    with pytest.raises(SpecError, match=message):
        parse_spec_text(text)


def test_deep_nesting_is_a_spec_error_not_a_crash() -> None:
    with pytest.raises(SpecError, match="nested too deeply"):
        parse_spec_text('{"a":' + "[" * 16_000)
    with pytest.raises(SpecError, match="nested too deeply"):
        parse_spec_json("[" * 100_000)


def test_schema_problems_are_validation_errors() -> None:
    with pytest.raises(ValidationError):
        parse_spec_text('{"kind": "line", "series": []}')
    with pytest.raises(ValidationError):
        parse_spec_text(b64('{"kind": "line", "series": [{"y": [1]}], "extra": 1}'))


def test_the_text_cap_is_16_kib() -> None:
    assert MAX_SPEC_TEXT == 16_384
    document = json.dumps(spec(title="t"))
    padded = document + " " * (MAX_SPEC_TEXT - len(document))
    assert parse_spec_text(padded).title == "t"
    with pytest.raises(SpecError, match=f"at most {MAX_SPEC_TEXT}"):
        parse_spec_text(padded + " ")


def test_body_cap_and_encoding() -> None:
    assert MAX_SPEC_BYTES == 1_000_000
    with pytest.raises(SpecError, match="at most 1000000"):
        parse_spec_json(b" " * (MAX_SPEC_BYTES + 1))
    with pytest.raises(SpecError, match="not UTF-8"):
        parse_spec_json(b'{"title": "\xff"}')


# --- canonical keys --------------------------------------------------------------------------


def test_canonical_key_ignores_spelling() -> None:
    spellings = [
        '{"kind":"line","series":[{"y":[2,0.5],"color":"#F00"}],"title":"t"}',
        '{"title": "t", "series": [{"color": "#ff0000", "y": [2.0, 5e-1]}], "kind": "line"}',
        '{"kind":"line","series":[{"y":[2e0,0.50],"color":"#f00","x":null}],"title":"t",'
        '"legend":null,"stacked":false}',
        '{"kind":"line","series":[{"y":[2,0.5],"color":"#f00"}],"title":"t","y_limits":null}',
    ]
    keys = {canonical_spec_key(parse_spec_text(text)) for text in spellings}
    keys.add(canonical_spec_key(parse_spec_text(b64(spellings[0]))))
    assert len(keys) == 1
    (key,) = keys
    assert " " not in key and '"y":[2.0,0.5]' in key
    assert json.loads(key)["series"][0]["color"] == "#ff0000"


def test_canonical_key_treats_negative_zero_as_zero() -> None:
    zero = canonical_spec_key(ChartSpec.model_validate(spec(series=[{"y": [0.0]}])))
    assert canonical_spec_key(ChartSpec.model_validate(spec(series=[{"y": [-0.0]}]))) == zero


@pytest.mark.parametrize(
    "change",
    [
        {"title": "u"},
        {"kind": "scatter"},
        {"series": [{"y": [1, 2, 3.0000000000000004]}]},
        {"series": [{"y": [1, 2, 3], "name": "n"}]},
        {"legend": True},
        {"y_limits": [0, 4]},
    ],
)
def test_canonical_key_differs_for_different_specs(change: dict[str, Any]) -> None:
    base = ChartSpec.model_validate(spec(title="t"))
    other = ChartSpec.model_validate({**spec(title="t"), **change})
    assert canonical_spec_key(other) != canonical_spec_key(base)


def test_canonical_key_round_trips_to_the_same_spec() -> None:
    chart = parse_spec_text(DOCUMENT)
    assert ChartSpec.model_validate_json(canonical_spec_key(chart)) == chart


# ---- properties ------------------------------------------------------------------------


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
SPEC_LIKE = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(
            ["line", "scatter", "bar", "area", "histogram", "pie", "radar", "gauge", "sankey"]
        )
    },
    optional={
        "series": st.lists(
            st.dictionaries(st.sampled_from(["name", "y", "x", "color", "z"]), JSON_VALUES),
            max_size=3,
        ),
        "categories": JSON_VALUES,
        "stacked": JSON_VALUES,
        "x_log": JSON_VALUES,
        "bins": JSON_VALUES,
        "x_limits": JSON_VALUES,
        "title": JSON_VALUES,
    },
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SPEC_LIKE)
def test_any_document_is_a_spec_or_a_validation_error_never_a_crash(document: dict) -> None:
    with contextlib.suppress(ValidationError):  # any other exception fails the test
        ChartSpec.model_validate(document)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_specs())
def test_valid_specs_survive_both_url_forms_with_one_canonical_key(data: dict) -> None:
    spec = ChartSpec.model_validate(data)
    as_json = parse_spec_text(json.dumps(data))
    encoded = base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")
    as_base64 = parse_spec_text(encoded)
    assert as_json == as_base64 == spec
    key = canonical_spec_key(spec)
    assert canonical_spec_key(as_json) == canonical_spec_key(as_base64) == key
    assert canonical_spec_key(parse_spec_text(key)) == key  # the key is itself a valid spec


def test_bubble_series_need_one_radius_a_value_and_only_bubbles_take_r() -> None:
    bubble = {"kind": "bubble", "series": [{"y": [1, 2], "x": [1, 2], "r": [3, 500]}]}
    assert ChartSpec.model_validate(bubble).series[0].r == [3.0, 500.0]
    for series, where in (
        ({"y": [1, 2], "r": [3]}, ("series", 0, "r")),  # one radius short
        ({"y": [1, 2], "r": [3, 501]}, ("series", 0, "r", 1)),  # past MAX_BUBBLE_RADIUS
        ({"y": [1, 2], "r": [3, -1]}, ("series", 0, "r", 1)),
        ({"y": [1, 2]}, ("series", 0, "r")),  # no radii
    ):
        with pytest.raises(ValidationError) as caught:
            ChartSpec.model_validate({"kind": "bubble", "series": [series]})
        assert caught.value.errors()[0]["loc"] == where
    with pytest.raises(ValidationError, match="r is not for scatter charts"):
        ChartSpec.model_validate({"kind": "scatter", "series": [{"y": [1], "r": [2]}]})


def test_specs_without_radii_keep_their_canonical_key() -> None:
    # r came later: an unset r is not in the key, so existing URLs keep their ETags
    key = canonical_spec_key(ChartSpec.model_validate({"kind": "line", "series": [{"y": [1]}]}))
    assert '"r"' not in key
    bubble = {"kind": "bubble", "series": [{"y": [1], "r": [2]}]}
    assert '"r":[2.0]' in canonical_spec_key(ChartSpec.model_validate(bubble))
