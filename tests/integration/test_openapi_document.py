"""The OpenAPI document says what the app refuses (issue 9.3): each rule stated in it holds in
the app both ways, so schemathesis's positive and negative checks can trust it."""

from __future__ import annotations

import json
import re
from typing import Any

import httpx
import hypothesis
import jsonschema_rs
import pytest
from hypothesis import strategies as st
from openapi_fuzz_hooks import chartjs_configs, formulas

from chartfn.app import create_app
from chartfn.chartjs.render_id import encode_render_id
from chartfn.chartjs.request import QuickChartRequest
from chartfn.models.chart_spec import ChartSpec
from chartfn.models.colors import CSS_COLOR_PATTERN
from chartfn.models.formula import FORMULA_CHARACTERS_PATTERN, FormulaError, parse_formula
from chartfn.models.output_options import MAX_BACKGROUND_CHARS
from chartfn.settings import Settings

DOCUMENT: dict[str, Any] = create_app().openapi()
IMAGE_OPERATIONS = [("/sin", "get"), ("/plot", "get"), ("/chart", "get"), ("/chart", "post")]


def parameter(path: str, method: str, name: str) -> dict[str, Any]:
    [found] = [p for p in DOCUMENT["paths"][path][method]["parameters"] if p["name"] == name]
    return found


def component(name: str) -> Any:
    """A validator for one component schema, its references resolved within the document."""
    schema = {"$ref": f"#/components/schemas/{name}", "components": DOCUMENT["components"]}
    return jsonschema_rs.validator_for(schema)


@pytest.mark.parametrize(("path", "method"), IMAGE_OPERATIONS)
def test_background_is_the_css_colour_grammar_with_its_bound(path: str, method: str) -> None:
    schema = parameter(path, method, "background")["schema"]
    assert schema == {
        "type": "string",
        "maxLength": MAX_BACKGROUND_CHARS,
        "pattern": CSS_COLOR_PATTERN,
    }


@pytest.mark.anyio
@pytest.mark.parametrize("extra", [0, 1])
async def test_the_background_bound_is_the_apps(http: httpx.AsyncClient, extra: int) -> None:
    """A colour padded to the documented maximum is drawn; one character more is refused."""
    color = "rgb(1 2 3)".ljust(MAX_BACKGROUND_CHARS + extra)
    assert re.fullmatch(CSS_COLOR_PATTERN, color)
    response = await http.get("/sin", params={"amplitude": 0.37, "background": color})
    assert response.status_code == (422 if extra else 200), response.text[:300]


def test_formulas_are_documented_by_characters_length_and_format() -> None:
    schema = parameter("/plot", "get", "f")["schema"]
    assert schema["minItems"] == 1 and schema["maxItems"] == 10
    assert schema["items"]["pattern"] == FORMULA_CHARACTERS_PATTERN
    assert schema["items"]["format"] == "formula"
    assert (schema["items"]["minLength"], schema["items"]["maxLength"]) == (1, 500)


@hypothesis.given(formulas())
@hypothesis.settings(max_examples=200, derandomize=True, database=None)
def test_generated_formulas_parse_and_match_the_pattern(text: str) -> None:
    """The fuzzer's formula generator makes formulas the app accepts."""
    assert re.fullmatch(FORMULA_CHARACTERS_PATTERN, text)
    parse_formula(text)


@hypothesis.given(st.text(st.characters(codec="utf-8"), max_size=12) | formulas())
@hypothesis.settings(max_examples=500, derandomize=True, database=None)
def test_a_formula_outside_the_pattern_never_parses(text: str) -> None:
    """The pattern refuses only what the parser refuses (never a valid formula)."""
    if re.fullmatch(FORMULA_CHARACTERS_PATTERN, text) is None:
        with pytest.raises(FormulaError):
            parse_formula(text)


def test_spec_in_a_query_is_documented_as_json_of_the_chart_spec() -> None:
    spec = parameter("/chart", "get", "spec")
    assert "schema" not in spec
    assert spec["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ChartSpec"
    }


SPEC_BOUNDS = [
    {"kind": "line", "series": [{"y": [1e101]}]},
    {"kind": "line", "series": [{"y": [1], "name": "a\x07b"}]},
    {"kind": "line", "series": [{"y": [1]}], "title": "\x00"},
    {"kind": "bar", "series": [{"y": [1], "color": "tab:ocean"}]},
    {"kind": "line", "series": [{"y": [1]}], "x_limits": [-2e100, 1]},
    {"kind": "line", "series": [{"y": [1]}] * 21},
]


@pytest.mark.parametrize("spec", SPEC_BOUNDS)
def test_spec_bounds_in_the_document_are_the_models(spec: dict[str, Any]) -> None:
    """Each per-field rule is refused by the document and by the model alike."""
    assert not component("ChartSpec").is_valid(spec)
    with pytest.raises(ValueError, match="validation error"):
        ChartSpec.model_validate(spec)


@pytest.mark.parametrize(
    "spec",
    [
        {"kind": "line", "series": [{"y": [1e100, None, -1e100], "name": "a\tb\nc"}]},
        {"kind": "bar", "series": [{"y": [1], "color": "Tab:Grey"}], "categories": ["x"]},
        {"kind": "scatter", "series": [{"y": [1], "x": [2], "color": "#ABCDEF80"}]},
    ],
)
def test_specs_at_the_bounds_pass_both(spec: dict[str, Any]) -> None:
    component("ChartSpec").validate(spec)
    ChartSpec.model_validate(spec)


@pytest.mark.anyio
@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "OPTIONS"])
async def test_a_405_allows_every_method_of_the_path(http: httpx.AsyncClient, method: str) -> None:
    """/chart has a GET and a POST route: Starlette's 405 named only the first one."""
    response = await http.request(method, "/chart")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD, POST"
    create = await http.request(method, "/chart/create")
    assert create.headers["allow"] == "POST"


def test_quickchart_forms_hold_text_only() -> None:
    """A form cannot carry an object or null (``null`` would arrive as the text "null")."""
    form = DOCUMENT["components"]["schemas"]["QuickChartForm"]
    for name, schema in form["properties"].items():
        types = {branch["type"] for branch in schema.get("anyOf", [schema])}
        assert types <= {"string", "integer", "number"}, name
    for path in ("/chart", "/chart/create"):
        content = DOCUMENT["paths"][path]["post"]["requestBody"]["content"]
        assert content["application/x-www-form-urlencoded"]["schema"]["$ref"].endswith("Form")


@hypothesis.given(chartjs_configs(), st.sampled_from(["", "secret"]))
@hypothesis.settings(max_examples=30, derandomize=True, database=None)
def test_render_ids_match_their_documented_pattern(config: dict[str, Any], secret: str) -> None:
    schema = parameter("/chart/render/{render_id}", "get", "render_id")["schema"]
    render_id = encode_render_id(QuickChartRequest(chart=config), secret)
    assert re.fullmatch(schema["pattern"], render_id)
    assert len(render_id) <= schema["maxLength"]


@pytest.mark.anyio
async def test_a_quickchart_error_draws_within_a_budget_below_its_default_size() -> None:
    """QuickChart's default 1000×600 pixels exceed a 100,000-pixel deployment: the error image
    is drawn smaller, not a 500."""
    app = create_app(Settings(pixel_budget=100_000))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.get("/chart", params={"c": "{not a config"})
    assert response.status_code == 400
    assert response.headers["content-type"] == "image/png"
    assert "x-quickchart-error" in response.headers


def test_the_json_body_names_its_config_once() -> None:
    body = component("QuickChartBody")
    config = json.dumps({"type": "bar", "data": {"datasets": []}})
    assert body.is_valid({"c": config}) and body.is_valid({"chart": config, "w": 10})
    assert not body.is_valid({"w": 10})  # no config
    assert not body.is_valid({"chart": config, "spec": {}})  # a spec too: 400


@pytest.mark.anyio
async def test_a_version_that_is_no_text_or_number_is_refused(http: httpx.AsyncClient) -> None:
    """The document says a string or a number; an object was read as its text "{}" before."""
    config = json.dumps({"type": "bar", "data": {"labels": ["a"], "datasets": [{"data": [1]}]}})
    body = {"chart": config, "width": 60, "height": 40, "version": {}}
    response = await http.post("/chart", json=body)
    assert response.status_code == 400
    assert "version" in response.headers["x-quickchart-error"]
