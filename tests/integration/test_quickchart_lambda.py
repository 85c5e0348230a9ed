"""QuickChart requests through the Lambda handler, from the events/ fixtures."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from chartfn.lambda_handler import handler
from chartjs_images import assert_chart
from support import LambdaContext, load_event

CHARTJS_EVENTS = ["rest_api_chartjs", "http_api_chartjs"]


def body_of(response: dict[str, Any]) -> bytes:
    assert response["isBase64Encoded"] is True
    return base64.b64decode(response["body"])


def headers_of(response: dict[str, Any]) -> dict[str, str]:
    single = {k.lower(): v for k, v in (response.get("headers") or {}).items()}
    multi = {k.lower(): ",".join(v) for k, v in (response.get("multiValueHeaders") or {}).items()}
    return {**multi, **single}


@pytest.mark.parametrize("fixture", CHARTJS_EVENTS)
def test_a_quickchart_url_through_api_gateway_is_a_chart(fixture: str) -> None:
    response = handler(load_event(fixture), LambdaContext())
    assert response["statusCode"] == 200
    assert headers_of(response)["content-type"] == "image/png"
    # w=400, h=200 at QuickChart's default devicePixelRatio 2; the dataset is #ff6384
    assert_chart(body_of(response), (800, 400))


def test_both_front_doors_read_the_same_query() -> None:
    bodies = {body_of(handler(load_event(name), LambdaContext())) for name in CHARTJS_EVENTS}
    assert len(bodies) == 1


def test_a_bad_config_is_a_400_image_with_the_error_header_through_the_handler() -> None:
    event = load_event("http_api_chartjs")
    event["rawQueryString"] = "c=%7Btype%3A%27radar%27%7D&w=100&h=50"
    response = handler(event, LambdaContext())
    assert response["statusCode"] == 400
    headers = headers_of(response)
    assert headers["content-type"] == "image/png"
    assert "radar" in headers["x-quickchart-error"]
    assert body_of(response)[:8] == b"\x89PNG\r\n\x1a\n"


def test_create_behind_the_rest_stage_links_back_through_the_stage() -> None:
    event = load_event("rest_api_chartjs")
    event.update(
        httpMethod="POST",
        path="/chart/create",
        pathParameters={"proxy": "chart/create"},
        queryStringParameters=None,
        multiValueQueryStringParameters=None,
        body='{"chart": {"type": "pie", "data": {"datasets": [{"data": [1, 2]}]}}}',
    )
    event["headers"]["Content-Type"] = "application/json"
    event["multiValueHeaders"]["Content-Type"] = ["application/json"]
    event["requestContext"].update(httpMethod="POST", path="/Prod/chart/create")
    response = handler(event, LambdaContext())
    assert response["statusCode"] == 200, response
    url = json.loads(response["body"])["url"]
    assert url.startswith("https://abc123.execute-api.us-east-1.amazonaws.com/Prod/chart/render/")
