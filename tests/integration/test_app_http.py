"""The app over HTTP (httpx against the ASGI app): what a browser or curl sees."""

from __future__ import annotations

import httpx
import pytest

from chartfn.app import create_app
from chartfn.settings import Settings
from support import fresh_amplitudes, png_size

pytestmark = pytest.mark.anyio


async def test_sine_chart_is_an_800x400_png_with_length_and_caching_headers(
    http: httpx.AsyncClient,
) -> None:
    response = await http.get("/sin", params={"amplitude": 0.5, "frequency": 3})
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/png"
    assert int(response.headers["content-length"]) == len(response.content)
    assert png_size(response.content) == (800, 400)
    assert response.headers["etag"].startswith('"')
    max_age = int(response.headers["cache-control"].split("max-age=")[1])
    assert max_age >= 86400


async def test_defaults_are_amplitude_1_and_frequency_1(http: httpx.AsyncClient) -> None:
    default = await http.get("/sin")
    explicit = await http.get("/sin?amplitude=1&frequency=1")
    assert default.content == explicit.content
    assert default.headers["etag"] == explicit.headers["etag"]


async def test_equivalent_urls_give_identical_bytes(http: httpx.AsyncClient) -> None:
    [amplitude] = fresh_amplitudes(1)
    spellings = [
        f"/sin?amplitude={amplitude}&frequency=2",
        f"/sin?frequency=2.0&amplitude={amplitude}",
        f"/sin?amplitude={amplitude}&frequency=2e0&utm_source=newsletter&utm_medium=email",
        f"/sin?frequency=+2&amplitude={amplitude!r}0",
    ]
    bodies = {(await http.get(url)).content for url in spellings}
    assert len(bodies) == 1


async def test_different_parameters_give_different_images(http: httpx.AsyncClient) -> None:
    a = await http.get("/sin?amplitude=2")
    b = await http.get("/sin?amplitude=3")
    assert a.content != b.content
    assert a.headers["etag"] != b.headers["etag"]


async def test_same_url_gives_same_bytes_from_a_fresh_app() -> None:
    [amplitude] = fresh_amplitudes(1)
    bodies = set()
    for _ in range(2):
        transport = httpx.ASGITransport(app=create_app(Settings()))
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            bodies.add((await client.get(f"/sin?amplitude={amplitude}")).content)
    assert len(bodies) == 1


async def test_if_none_match_gets_304_without_a_body(http: httpx.AsyncClient) -> None:
    first = await http.get("/sin?amplitude=4")
    again = await http.get("/sin?amplitude=4", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == first.headers["etag"]
    weak = await http.get(
        "/sin?amplitude=4", headers={"If-None-Match": "W/" + first.headers["etag"]}
    )
    assert weak.status_code == 304
    other = await http.get("/sin?amplitude=5", headers={"If-None-Match": first.headers["etag"]})
    assert other.status_code == 200


async def test_head_answers_like_get_without_a_body(http: httpx.AsyncClient) -> None:
    get = await http.get("/sin?amplitude=2")
    head = await http.head("/sin?amplitude=2")
    assert head.status_code == 200
    assert head.content == b""
    for name in ("content-type", "content-length", "etag", "cache-control"):
        assert head.headers[name] == get.headers[name]


@pytest.mark.parametrize(
    ("query", "parameter", "value", "problem"),
    [
        ("amplitude=nan", "amplitude", "nan", "must be a finite number"),
        ("amplitude=NaN", "amplitude", "NaN", "must be a finite number"),
        ("amplitude=inf", "amplitude", "inf", "must be a finite number"),
        ("amplitude=-Infinity", "amplitude", "-Infinity", "must be a finite number"),
        ("frequency=1e308", "frequency", "1e308", "is out of range"),
        ("frequency=-1e309", "frequency", "-1e309", "must be a finite number"),
        ("amplitude=2e6", "amplitude", "2e6", "is out of range"),
        ("amplitude=abc", "amplitude", "abc", "is not a number"),
        ("amplitude=", "amplitude", "", "is not a number"),
        ("frequency=0x10", "frequency", "0x10", "is not a number"),
    ],
)
async def test_bad_numbers_get_422_naming_parameter_value_and_range(
    http: httpx.AsyncClient, query: str, parameter: str, value: str, problem: str
) -> None:
    response = await http.get(f"/sin?{query}")
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "invalid_parameter"
    [reported] = body["parameters"]
    assert reported["parameter"] == parameter
    assert reported["value"] == value
    assert reported["problem"] == problem
    assert reported["minimum"] < reported["maximum"]
    assert parameter in body["message"]
    assert "allowed" in body["message"]


async def test_every_bad_parameter_is_reported_at_once(http: httpx.AsyncClient) -> None:
    response = await http.get("/sin?amplitude=nan&frequency=1e9")
    assert response.status_code == 422
    assert {p["parameter"] for p in response.json()["parameters"]} == {"amplitude", "frequency"}


async def test_unknown_path_is_404_json(http: httpx.AsyncClient) -> None:
    response = await http.get("/cos?amplitude=1")
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
async def test_wrong_method_is_405_json_with_allow(http: httpx.AsyncClient, method: str) -> None:
    response = await http.request(method, "/sin")
    assert response.status_code == 405
    assert response.json()["error"] == "method_not_allowed"
    assert "GET" in response.headers["allow"]


async def test_health_answers_json(http: httpx.AsyncClient) -> None:
    response = await http.get("/health")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


async def test_openapi_documents_png_for_the_chart_route(http: httpx.AsyncClient) -> None:
    schema = (await http.get("/openapi.json")).json()
    operation = schema["paths"]["/sin"]["get"]
    assert "image/png" in operation["responses"]["200"]["content"]
    bounds = {p["name"]: p["schema"] for p in operation["parameters"]}
    assert bounds["amplitude"]["maximum"] == 1e6
    assert bounds["frequency"]["maximum"] == 100


async def test_docs_page_loads_schema_from_the_root_locally(http: httpx.AsyncClient) -> None:
    page = await http.get("/docs")
    assert page.status_code == 200
    assert "'/openapi.json'" in page.text or '"/openapi.json"' in page.text
