"""QuickChart requests through the Lambda handler, from the events/ fixtures."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from typing import Any

import pytest

from chartfn.lambda_handler import handler
from chartjs_images import assert_chart
from support import REPO_ROOT, LambdaContext, load_event

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
    event["rawQueryString"] = "c=%7Btype%3A%27treemap%27%7D&w=100&h=50"
    response = handler(event, LambdaContext())
    assert response["statusCode"] == 400
    headers = headers_of(response)
    assert headers["content-type"] == "image/png"
    assert "treemap" in headers["x-quickchart-error"]
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


def test_the_chart_js_side_loads_on_the_first_quickchart_request_not_at_cold_start() -> None:
    """/sin's cold start must not grow: the handler's import loads no Chart.js module, no CSS
    colour grammar and no JavaScript engine; a QuickChart request then loads them."""
    code = """
import json, sys
from chartfn.lambda_handler import handler
from support import REPO_ROOT, LambdaContext, load_event
heavy = ("chartfn.chartjs.config", "chartfn.chartjs.translate", "chartfn.models.colors",
         "chartfn.http.quickchart_answers", "chartfn.http.quickchart_openapi",
         "chartfn.http.openapi_rules",
         "chartfn.chartjs.sandbox")
before = sorted(m for m in heavy if m in sys.modules)
handler(load_event("rest_api_sin"), LambdaContext())
after_sin = sorted(m for m in heavy if m in sys.modules)
handler(load_event("rest_api_chartjs"), LambdaContext())
after_chart = sorted(m for m in heavy if m in sys.modules)
print(json.dumps([before, after_sin, after_chart]))
"""
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO_ROOT / "function",
        env={**os.environ, "PYTHONPATH": f"{REPO_ROOT / 'function'}:{REPO_ROOT / 'tests'}"},
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    before, after_sin, after_chart = json.loads(result.stdout.strip().splitlines()[-1])
    assert before == after_sin == []
    # a JS-literal config: the engine too
    assert set(after_chart) >= {
        "chartfn.chartjs.config",
        "chartfn.http.quickchart_answers",
        "chartfn.chartjs.sandbox",
    }
