"""Operations: request logs, Server-Timing, CORS, signed URLs, stages and base paths."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import AsyncIterator
from contextlib import redirect_stdout

import httpx
import pytest
from fastapi import FastAPI
from mangum import Mangum

from chartfn.app import create_app
from chartfn.http.request_log import JsonFormatter
from chartfn.settings import Settings
from chartfn.signing import sign_url
from support import LambdaContext, fresh_amplitudes, load_event, png_size

pytestmark = pytest.mark.anyio
SECRET = "test-secret-not-for-production"


def client(app: FastAPI) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")


def captured_log_lines(action: object) -> list[dict]:
    """Run ``action`` and return the JSON lines chartfn wrote to stdout."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("chartfn")
    logger.addHandler(handler)
    try:
        with redirect_stdout(io.StringIO()):
            action()  # type: ignore[operator]
    finally:
        logger.removeHandler(handler)
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


def test_one_json_log_line_per_lambda_request_with_its_fields() -> None:
    from chartfn.lambda_handler import handler

    [amplitude] = fresh_amplitudes(1)
    event = load_event("http_api_sin")
    event["rawQueryString"] = f"amplitude={amplitude}&frequency=3"
    context = LambdaContext(aws_request_id="req-123")
    [line] = captured_log_lines(lambda: handler(event, context))
    assert line["message"] == "request"
    assert line["function_request_id"] == "req-123"
    assert line["route"] == "/sin"
    assert line["parameters"] == {"amplitude": str(amplitude), "frequency": "3"}
    assert line["status"] == 200
    assert line["cache"] == "miss"
    assert line["render_ms"] > 0
    assert line["bytes"] > 1000
    assert line["service"] == "chartfn" and line["level"] == "INFO"


def test_a_repeat_is_logged_as_a_cache_hit_with_no_render_time() -> None:
    from chartfn.lambda_handler import handler

    event = load_event("http_api_sin")
    handler(event, LambdaContext())
    [line] = captured_log_lines(lambda: handler(event, LambdaContext()))
    assert line["cache"] == "hit"
    assert line["render_ms"] == 0


def test_an_unmappable_event_is_a_log_line_too() -> None:
    from chartfn.lambda_handler import handler

    [line] = captured_log_lines(lambda: handler({"direct": "invoke"}, LambdaContext()))
    assert line["level"] == "ERROR"
    assert "unservable" in line["message"]


async def test_server_timing_reports_the_render(http: httpx.AsyncClient) -> None:
    [amplitude] = fresh_amplitudes(1)
    first = await http.get(f"/sin?amplitude={amplitude}")
    again = await http.get(f"/sin?amplitude={amplitude}")
    assert first.headers["server-timing"].startswith("render;dur=")
    assert 'cache;desc="miss"' in first.headers["server-timing"]
    assert 'cache;desc="hit"' in again.headers["server-timing"]


async def test_cors_allows_any_origin_by_default(http: httpx.AsyncClient) -> None:
    response = await http.get("/sin", headers={"Origin": "https://example.org"})
    assert response.headers["access-control-allow-origin"] == "*"
    assert "ETag" in response.headers["access-control-expose-headers"]


async def test_cors_origins_come_from_settings() -> None:
    app = create_app(Settings(cors_origins=("https://dash.example.com",)))
    async with client(app) as http:
        allowed = await http.get("/health", headers={"Origin": "https://dash.example.com"})
        other = await http.get("/health", headers={"Origin": "https://evil.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://dash.example.com"
    assert "access-control-allow-origin" not in other.headers


async def test_pixel_budget_comes_from_settings() -> None:
    async with client(create_app(Settings(pixel_budget=100_000))) as http:
        small = await http.get("/sin?width=400&height=200")
        large = await http.get("/sin")
    assert small.status_code == 200
    assert large.status_code == 422
    assert "100000" in large.json()["message"]


@pytest.fixture
async def signed_http() -> AsyncIterator[httpx.AsyncClient]:
    async with client(create_app(Settings(signing_secret=SECRET))) as http:
        yield http


async def test_signing_refuses_unsigned_and_wrongly_signed_urls(
    signed_http: httpx.AsyncClient,
) -> None:
    unsigned = await signed_http.get("/sin?amplitude=2")
    assert unsigned.status_code == 403
    assert unsigned.json()["error"] == "forbidden"
    forged = sign_url("another-secret", "/sin?amplitude=2")
    assert (await signed_http.get(forged)).status_code == 403
    tampered = sign_url(SECRET, "/sin?amplitude=2").replace("amplitude=2", "amplitude=3")
    assert (await signed_http.get(tampered)).status_code == 403
    other_endpoint = sign_url(SECRET, "/sin?f=x").replace("/sin", "/plot")
    assert (await signed_http.get(other_endpoint)).status_code == 403


async def test_signed_urls_are_served_in_any_parameter_order_and_with_tracking(
    signed_http: httpx.AsyncClient,
) -> None:
    signed = sign_url(SECRET, "/sin?amplitude=2&frequency=3")
    response = await signed_http.get(signed)
    assert response.status_code == 200
    assert png_size(response.content) == (800, 400)
    sig = signed.rsplit("sig=", 1)[1]
    reordered = f"/sin?sig={sig}&frequency=3&amplitude=2&utm_source=mail"
    assert (await signed_http.get(reordered)).content == response.content


async def test_a_signed_post_covers_its_body(signed_http: httpx.AsyncClient) -> None:
    body = json.dumps({"kind": "bar", "series": [{"y": [1, 2]}]}).encode()
    url = sign_url(SECRET, "/chart", body)
    ok = await signed_http.post(url, content=body)
    assert ok.status_code == 200
    other = body.replace(b"[1, 2]", b"[9, 9]")
    assert (await signed_http.post(url, content=other)).status_code == 403


async def test_with_signing_on_the_playground_is_off(signed_http: httpx.AsyncClient) -> None:
    assert (await signed_http.get("/")).status_code == 404
    assert (await signed_http.get("/health")).status_code == 200


async def test_a_configured_base_path_is_served_locally() -> None:
    async with client(create_app(Settings(base_path="/charts"))) as http:
        chart = await http.get("/charts/sin?amplitude=2")
        docs = await http.get("/charts/docs")
    assert chart.status_code == 200
    assert "/charts/openapi.json" in docs.text


def lambda_app(settings: Settings) -> Mangum:
    return Mangum(create_app(settings), lifespan="off")


def test_http_api_named_stage_in_the_path_is_served() -> None:
    event = load_event("http_api_sin")
    event["rawPath"] = event["requestContext"]["http"]["path"] = "/prod/sin"
    event["requestContext"]["stage"] = "prod"
    response = lambda_app(Settings())(event, LambdaContext())
    assert response["statusCode"] == 200
    docs = load_event("http_api_sin")
    docs["rawPath"] = docs["requestContext"]["http"]["path"] = "/prod/docs"
    docs["rawQueryString"] = ""
    docs["requestContext"]["stage"] = "prod"
    page = lambda_app(Settings())(docs, LambdaContext())
    assert page["statusCode"] == 200
    assert "/prod/openapi.json" in page["body"]


def test_rest_custom_domain_base_path_is_inferred_from_the_event() -> None:
    event = load_event("rest_api_sin")
    event["path"] = "/charts/sin"
    event["requestContext"]["path"] = "/charts/sin"
    event["headers"]["Host"] = "charts.example.com"
    event["multiValueHeaders"]["Host"] = ["charts.example.com"]
    event["requestContext"]["domainName"] = "charts.example.com"
    response = lambda_app(Settings())(event, LambdaContext())
    assert response["statusCode"] == 200


def test_http_api_custom_domain_uses_the_configured_base_path() -> None:
    event = load_event("http_api_sin")
    event["rawPath"] = event["requestContext"]["http"]["path"] = "/charts/sin"
    event["requestContext"]["domainName"] = "charts.example.com"
    event["headers"]["host"] = "charts.example.com"
    assert lambda_app(Settings())(event, LambdaContext())["statusCode"] == 404
    assert lambda_app(Settings(base_path="/charts"))(event, LambdaContext())["statusCode"] == 200


def test_behind_the_cdn_the_stage_is_not_in_the_clients_urls() -> None:
    from chartfn.lambda_handler import handler

    event = load_event("rest_api_docs")
    event["headers"]["x-forwarded-prefix"] = "/"
    event["multiValueHeaders"]["x-forwarded-prefix"] = ["/"]
    page = handler(event, LambdaContext())["body"]
    assert "/Prod/openapi.json" not in page
    assert "'/openapi.json'" in page or '"/openapi.json"' in page
