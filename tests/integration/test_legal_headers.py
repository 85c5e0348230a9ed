"""The last line of defence: a header that some future code builds illegally is repaired in the
send path, so uvicorn answers instead of dropping the connection and Mangum does not fail."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.responses import Response
from mangum import Mangum
from starlette.types import Receive, Scope, Send

from chartfn.app import create_app
from chartfn.http.asgi_middleware import LegalHeaders
from chartfn.settings import Settings
from local_server import serve
from raw_http import exchange, header_problem
from support import LambdaContext, load_event

ILLEGAL = [
    (b"x-trailing-space", b"ends in a space "),
    (b"x-leading-tab", b"\tstarts with a tab"),
    (b"x-control", b"ESC \x1b[31m DEL \x7f"),
    (b"x-crlf", b"a\r\nSet-Cookie: x=1"),
    (b"x-latin-1", "café".encode("latin-1")),
    (b"bad name", b"dropped"),
]


async def raw_headers_app(scope: Scope, receive: Receive, send: Send) -> None:
    """Sends whatever headers it is told to, as raw ASGI (no Starlette validation)."""
    headers = [(b"content-type", b"text/plain"), (b"content-length", b"2"), *ILLEGAL]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": b"ok"})


def test_uvicorn_answers_with_every_header_made_legal() -> None:
    app: Any = LegalHeaders(raw_headers_app)
    with serve(app) as base_url:
        port = int(base_url.rsplit(":", 1)[1])
        response = exchange(port, "GET", "/", timeout_s=60)
    assert response.complete, response.raw[:200]
    assert response.status == 200
    assert response.body == b"ok"
    names = [name for name, _ in response.headers]
    assert "bad name" not in names
    for name, value in response.headers:
        assert header_problem(value) is None, (name, value)
    assert response.header("x-trailing-space") == b"ends in a space%20"
    assert response.header("x-control") == b"ESC %1B[31m DEL %7F"
    assert response.header("x-crlf") == b"a%0D%0ASet-Cookie: x=1"
    assert response.header("x-latin-1") == b"caf%C3%A9"


def test_the_service_app_has_the_defence_outermost() -> None:
    """A header added by any layer (CORS, a route, an error handler) passes through it."""
    app = create_app(Settings(cors_origins=("*",)))
    assert app.user_middleware[0].cls is LegalHeaders


@pytest.mark.parametrize("value", ["trailing ", "\x1bescape", "naïve"])
def test_a_route_header_is_repaired_the_same_through_the_lambda_handler(value: str) -> None:
    app = FastAPI()

    @app.get("/sin")
    def sin() -> Response:
        return Response(b"ok", headers={"X-Future": value})

    wrapped: Any = LegalHeaders(app)
    response = Mangum(wrapped, lifespan="off")(load_event("http_api_sin"), LambdaContext())
    sent = response["headers"]["x-future"]
    assert sent.isascii()
    assert header_problem(sent.encode()) is None
    with serve(wrapped) as base_url:
        port = int(base_url.rsplit(":", 1)[1])
        through_uvicorn = exchange(port, "GET", "/sin", timeout_s=60)
    assert through_uvicorn.header("x-future") == sent.encode()
