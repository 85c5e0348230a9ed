"""GET and POST /chart: charts from a JSON spec, over HTTP."""

from __future__ import annotations

import base64
import json

import httpx
import pytest

from chartfn.models.chart_spec import MAX_SPEC_BYTES, MAX_SPEC_TEXT
from support import png_size

pytestmark = pytest.mark.anyio

SPECS = {
    "line": {"kind": "line", "series": [{"name": "a", "y": [1, 3, None, 4]}, {"y": [2, 2, 3, 3]}]},
    "scatter": {"kind": "scatter", "series": [{"x": [1, 2, 3], "y": [3, 1, 2]}], "y_log": True},
    "bar": {
        "kind": "bar",
        "categories": ["Q1", "Q2"],
        "series": [{"name": "2025", "y": [3, 5]}, {"name": "2026", "y": [4, 6]}],
    },
    "stacked-bar": {
        "kind": "bar",
        "stacked": True,
        "categories": ["Q1", "Q2"],
        "series": [{"name": "2025", "y": [3, 5]}, {"name": "2026", "y": [4, 6]}],
    },
    "area": {"kind": "area", "stacked": True, "series": [{"y": [1, 2, 3]}, {"y": [1, 1, 2]}]},
    "histogram": {"kind": "histogram", "series": [{"y": [1, 2, 2, 3, 3, 3]}], "bins": 3},
    "pie": {
        "kind": "pie",
        "categories": ["a", "b"],
        "series": [{"y": [3, 1]}],
        "title": "正弦函數",
    },
}


def base64url(spec: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(spec).encode()).decode().rstrip("=")


@pytest.mark.parametrize("name", list(SPECS))
async def test_each_kind_renders_the_same_from_post_and_both_get_forms(
    http: httpx.AsyncClient, name: str
) -> None:
    spec = SPECS[name]
    posted = await http.post("/chart", json=spec)
    as_json = await http.get("/chart", params={"spec": json.dumps(spec)})
    as_base64 = await http.get("/chart", params={"spec": base64url(spec)})
    for response in (posted, as_json, as_base64):
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "image/png"
    assert png_size(posted.content) == (800, 400)
    assert posted.content == as_json.content == as_base64.content
    assert posted.headers["etag"] == as_json.headers["etag"] == as_base64.headers["etag"]


async def test_kinds_give_different_images(http: httpx.AsyncClient) -> None:
    bodies = {(await http.post("/chart", json=spec)).content for spec in SPECS.values()}
    assert len(bodies) == len(SPECS)


async def test_spec_takes_the_common_options(http: httpx.AsyncClient) -> None:
    response = await http.post("/chart?format=svg&theme=dark", json=SPECS["bar"])
    assert response.headers["content-type"].startswith("image/svg+xml")


@pytest.mark.parametrize(
    ("body", "parameter"),
    [
        (b'{"kind": "pie", "series": [{"y": [1, NaN]}]}', "spec.series[0].y[1]"),
        (b'{"kind": "line", "series": [{"y": [1]}], "colour": "red"}', "spec.colour"),
        (b'{"kind": "treemap", "series": [{"y": [1]}]}', "spec.kind"),
        (b"{bad json", "spec"),
        (b"", "spec"),
    ],
)
async def test_bad_specs_get_422_with_the_path_to_the_problem(
    http: httpx.AsyncClient, body: bytes, parameter: str
) -> None:
    response = await http.post("/chart", content=body)
    assert response.status_code == 422
    assert response.json()["parameters"][0]["parameter"] == parameter


async def test_too_many_points_is_refused(http: httpx.AsyncClient) -> None:
    spec = {"kind": "line", "series": [{"y": [1.0] * 10_001}]}
    response = await http.post("/chart", json=spec)
    assert response.status_code == 422


async def test_a_body_over_the_limit_is_413_before_parsing(http: httpx.AsyncClient) -> None:
    response = await http.post("/chart", content=b" " * (MAX_SPEC_BYTES + 1))
    assert response.status_code == 413


async def test_a_spec_in_the_url_is_capped(http: httpx.AsyncClient) -> None:
    response = await http.get("/chart", params={"spec": "{" + " " * MAX_SPEC_TEXT + "}"})
    assert response.status_code == 422
    assert response.json()["parameters"][0]["parameter"] == "spec"


async def test_openapi_documents_the_spec_body(http: httpx.AsyncClient) -> None:
    schema = (await http.get("/openapi.json")).json()
    body = schema["paths"]["/chart"]["post"]["requestBody"]["content"]["application/json"]
    # a chart spec, or (with chart or c) a QuickChart request body
    refs = [choice["$ref"] for choice in body["schema"]["anyOf"]]
    assert refs == ["#/components/schemas/ChartSpec", "#/components/schemas/QuickChartBody"]
    assert "series" in schema["components"]["schemas"]["ChartSpec"]["properties"]
