"""The playground page over HTTP: served by the app, at the root and behind a REST stage."""

from __future__ import annotations

import base64
import re

import httpx
import pytest
from fastapi import FastAPI

from chartfn.lambda_handler import handler
from support import LambdaContext, load_event

pytestmark = pytest.mark.anyio

BASE_HREF = re.compile(r'<base href="([^"]*)">')


def body_text(response: dict) -> str:
    if response.get("isBase64Encoded"):
        return base64.b64decode(response["body"]).decode()
    return str(response["body"])


def asset_paths(page: str) -> list[str]:
    return re.findall(r'(?:src|href)="(static/[^"]+)"', page)


def rest_stage_event(path: str) -> dict:
    event = load_event("rest_api_docs")
    event["path"] = path
    event["pathParameters"] = {"proxy": path.lstrip("/")} if path != "/" else None
    event["requestContext"]["path"] = "/Prod" + path
    return event


async def test_root_is_an_html_page_with_the_root_as_base(http: httpx.AsyncClient) -> None:
    response = await http.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    page = response.text
    assert BASE_HREF.findall(page) == ["/"]
    assert 'id="chart"' in page
    assert "{{" not in page  # every placeholder filled


async def test_head_answers_like_get_without_a_body(http: httpx.AsyncClient) -> None:
    get = await http.get("/")
    head = await http.head("/")
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert int(head.headers["content-length"]) == len(get.content)


async def test_static_assets_are_served_with_their_types(http: httpx.AsyncClient) -> None:
    page = (await http.get("/")).text
    types = {}
    for path in asset_paths(page):
        response = await http.get("/" + path)
        assert response.status_code == 200, path
        types[path.split("?")[0]] = response.headers["content-type"]
        assert "immutable" in response.headers["cache-control"]
    assert types == {
        "static/playground.css": "text/css; charset=utf-8",
        "static/playground.js": "text/javascript; charset=utf-8",
    }
    missing = await http.get("/static/secrets.txt")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/json"
    traversal = await http.get("/static/..%2Fplayground.py")
    assert traversal.status_code == 404


async def test_nothing_is_loaded_from_elsewhere(http: httpx.AsyncClient) -> None:
    page = (await http.get("/")).text
    bodies = [page] + [(await http.get("/" + path)).text for path in asset_paths(page)]
    for body in bodies:
        assert "http://" not in body
        assert "https://" not in body
        assert not re.search(r"""(?:src|href)\s*=\s*["']//""", body)  # protocol-relative
    csp = (await http.get("/")).headers["content-security-policy"]
    assert "default-src 'none'" in csp
    assert "script-src 'self'" in csp


async def test_the_root_path_is_escaped_into_the_base(app: FastAPI) -> None:
    transport = httpx.ASGITransport(app=app, root_path='/a"<b>')
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        page = (await client.get('/a"<b>/')).text
    assert BASE_HREF.findall(page) == ["/a&quot;&lt;b&gt;/"]


@pytest.mark.parametrize("path", ["/", "/static/playground.js"])
def test_behind_the_rest_stage_everything_is_under_prod(path: str) -> None:
    response = handler(rest_stage_event(path), LambdaContext())
    assert response["statusCode"] == 200
    if path == "/":
        page = body_text(response)
        assert BASE_HREF.findall(page) == ["/Prod/"]
        assert 'src="static/playground.js' in page  # relative: resolves to /Prod/static/...
    else:
        assert response["headers"]["content-type"].startswith("text/javascript")


def test_the_rest_stage_page_is_the_same_without_the_trailing_slash() -> None:
    # https://…/Prod (no slash) reaches the function as path "/" too; the base still ends in /
    event = rest_stage_event("/")
    event["requestContext"]["path"] = "/Prod"
    response = handler(event, LambdaContext())
    assert response["statusCode"] == 200
    assert BASE_HREF.findall(body_text(response)) == ["/Prod/"]
