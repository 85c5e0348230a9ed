"""Every front door's event fixture (events/) straight through the Lambda handler."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from chartfn.lambda_handler import handler
from support import LambdaContext, load_event, png_size

SIN_EVENTS = ["rest_api_sin", "http_api_sin", "function_url_sin", "alb_sin"]


def header(response: dict[str, Any], name: str) -> str:
    headers = {k.lower(): v for k, v in (response.get("headers") or {}).items()}
    multi = {k.lower(): v for k, v in (response.get("multiValueHeaders") or {}).items()}
    return headers.get(name) or ",".join(multi.get(name, []))


def decoded_body(response: dict[str, Any]) -> bytes:
    if response.get("isBase64Encoded"):
        return base64.b64decode(response["body"])
    return str(response.get("body") or "").encode()


@pytest.mark.parametrize("fixture", SIN_EVENTS)
def test_sine_event_returns_a_base64_png(fixture: str) -> None:
    response = handler(load_event(fixture), LambdaContext())
    assert response["statusCode"] == 200
    assert response["isBase64Encoded"] is True
    assert header(response, "content-type") == "image/png"
    body = decoded_body(response)
    assert png_size(body) == (800, 400)
    assert int(header(response, "content-length")) == len(body)


def test_all_front_doors_give_the_same_image_for_the_same_chart() -> None:
    bodies = {decoded_body(handler(load_event(name), LambdaContext())) for name in SIN_EVENTS}
    assert len(bodies) == 1


def test_rest_event_reads_the_multi_value_query_that_mangum_prefers() -> None:
    event = load_event("rest_api_sin")
    event["multiValueQueryStringParameters"]["amplitude"] = ["nan"]
    event["queryStringParameters"]["amplitude"] = "nan"
    response = handler(event, LambdaContext())
    assert response["statusCode"] == 422
    assert json.loads(response["body"])["parameters"][0]["parameter"] == "amplitude"


@pytest.mark.parametrize("fixture", ["rest_api_health", "http_api_health"])
def test_health_events_answer_json(fixture: str) -> None:
    response = handler(load_event(fixture), LambdaContext())
    assert response["statusCode"] == 200
    assert response["isBase64Encoded"] is False
    assert json.loads(response["body"])["status"] == "ok"


def test_docs_behind_the_rest_stage_load_the_schema_from_the_stage() -> None:
    response = handler(load_event("rest_api_docs"), LambdaContext())
    assert response["statusCode"] == 200
    page = decoded_body(response).decode()
    assert "/Prod/openapi.json" in page


def test_openapi_behind_the_rest_stage_is_served() -> None:
    event = load_event("rest_api_docs")
    event["path"] = "/openapi.json"
    event["pathParameters"] = {"proxy": "openapi.json"}
    event["requestContext"]["path"] = "/Prod/openapi.json"
    response = handler(event, LambdaContext())
    assert response["statusCode"] == 200
    assert "/sin" in json.loads(decoded_body(response))["paths"]


def test_docs_without_the_execute_api_host_stay_at_the_root() -> None:
    event = load_event("rest_api_docs")
    event["headers"]["Host"] = "localhost:3000"
    event["multiValueHeaders"]["Host"] = ["localhost:3000"]
    event["requestContext"]["domainName"] = "localhost:3000"
    page = decoded_body(handler(event, LambdaContext())).decode()
    assert "/Prod/openapi.json" not in page
    assert "/openapi.json" in page


def test_head_through_the_handler_has_headers_but_no_body() -> None:
    event = load_event("http_api_sin")
    event["requestContext"]["http"]["method"] = "HEAD"
    response = handler(event, LambdaContext())
    assert response["statusCode"] == 200
    assert decoded_body(response) == b""
    assert header(response, "content-type") == "image/png"


def test_unknown_path_through_the_handler_is_404_json() -> None:
    event = load_event("http_api_sin")
    event["rawPath"] = event["requestContext"]["http"]["path"] = "/nope"
    response = handler(event, LambdaContext())
    assert response["statusCode"] == 404
    assert json.loads(response["body"])["error"] == "not_found"


@pytest.mark.parametrize(
    "event",
    [
        {},
        {"hello": "world"},
        {"requestContext": {}},
        {"resource": "/", "requestContext": {}},
        {"version": "2.0", "requestContext": {"http": {}}},
        [],
        "sin",
        None,
    ],
    ids=[
        "empty",
        "direct-invoke",
        "bare-context",
        "rest-missing-fields",
        "v2-missing",
        "list",
        "string",
        "none",
    ],
)
def test_events_mangum_cannot_map_get_a_clear_400(event: Any) -> None:
    response = handler(event, LambdaContext())
    assert response["statusCode"] == 400
    body = json.loads(response["body"])
    assert body["error"] == "unsupported_event"
    assert "event" in body["message"]


def test_a_snapstart_init_draws_a_chart_before_the_snapshot() -> None:
    import subprocess
    import sys

    from support import REPO_ROOT

    code = "import chartfn.lambda_handler as h; print(len(h.app.state.chart_service.sine.layers))"
    runs = {}
    for kind in ("on-demand", "snap-start"):
        result = subprocess.run(
            [sys.executable, "-c", code],
            cwd=REPO_ROOT / "function",
            env={"AWS_LAMBDA_INITIALIZATION_TYPE": kind, "PATH": "/usr/bin:/bin"},
            capture_output=True,
            text=True,
            check=True,
        )
        runs[kind] = int(result.stdout.strip().splitlines()[-1])
    assert runs == {"on-demand": 0, "snap-start": 1}
