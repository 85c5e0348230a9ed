"""QuickChart's HTTP API: ``/chart`` with ``c`` or ``chart``, ``/chart/create`` and
``/chart/render/{id}``, so QuickChart's clients work by changing the host.

A request naming ``c`` or ``chart`` (in the query, or in a JSON or form body) is QuickChart's
from end to end: its parameter names and defaults, its errors (the message drawn as an image,
``X-quickchart-error``, 400 for anything wrong with the request), no ``Accept`` negotiation.
Anything else on ``/chart`` is a chartfn spec request and goes to ``routes`` untouched:
``ChartDispatch`` is the one place that decides.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import Response
from starlette._utils import get_route_path
from starlette.routing import BaseRoute, Match, Router
from starlette.types import Message, Receive, Scope, Send

from chartfn.http.routes import read_body
from chartfn.models.request_limits import MAX_SPEC_BYTES
from chartfn.signing import is_valid

if TYPE_CHECKING:
    from chartfn.settings import Settings

__all__ = ["ChartDispatch", "install_quickchart", "router"]

router = APIRouter()


def install_quickchart(app: FastAPI) -> None:
    """QuickChart's routes, with the ``/chart`` dispatch ahead of every other route."""
    app.include_router(router)
    app.router.routes.insert(0, ChartDispatch(app.router))
    _document_lazily(app)


def _document_lazily(app: FastAPI) -> None:
    """QuickChart's parameters, and the rules of chartfn's that FastAPI cannot derive, join
    the OpenAPI document when it is first asked for (their imports stay off the cold start)."""
    generate = app.openapi
    done = False

    def openapi() -> dict[str, Any]:
        nonlocal done
        schema = generate()
        if not done:
            from chartfn.http.openapi_rules import state_parameter_rules
            from chartfn.http.quickchart_openapi import add_quickchart

            add_quickchart(schema)
            state_parameter_rules(schema)
            done = True
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


class ChartDispatch(BaseRoute):
    """``GET``/``POST /chart``: QuickChart's when the request names ``c`` or ``chart``, else
    on to the spec routes (which validate their own parameters before any code of theirs runs,
    so the decision has to be made here, before them). A POST body is read once, bounded, and
    handed on."""

    path = "/chart"  # what the request log shows as the route

    def __init__(self, router: Router) -> None:
        self.router = router

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if (
            scope["type"] == "http"
            and scope["method"] in ("GET", "POST")
            and get_route_path(scope) == "/chart"
        ):
            return Match.FULL, {}
        return Match.NONE, {}

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        parameters = first_values(request.query_params.multi_items())
        body = b""
        if scope["method"] == "POST":
            body = await read_body(request, MAX_SPEC_BYTES)
            parameters = {**parameters, **body_parameters(body, request.headers)}
        from chartfn.chartjs.request import is_quickchart  # not at cold start: /sin needs none

        if is_quickchart(parameters):
            scope["route"], scope["endpoint"] = self, quickchart_chart
            response = await quickchart_chart(request, parameters, body)
            await response(scope, receive, send)
            return
        await self._onwards(scope, _replay(body, receive), send)

    async def _onwards(self, scope: Scope, receive: Receive, send: Send) -> None:
        """What the router would have done without this route."""
        partial: tuple[BaseRoute, Scope] | None = None
        for route in self.router.routes:
            if route is self:
                continue
            match, child_scope = route.matches(scope)
            if match is Match.FULL:
                scope["route"] = route
                scope.update(child_scope)
                await route.handle(scope, receive, send)
                return
            if match is Match.PARTIAL and partial is None:
                partial = (route, child_scope)
        if partial is not None:
            scope["route"] = partial[0]
            scope.update(partial[1])
            await partial[0].handle(scope, receive, send)
            return
        await self.router.default(scope, receive, send)


def _replay(body: bytes, receive: Receive) -> Receive:
    """The body already read, then whatever the server sends next (a disconnect)."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def first_values(items: list[tuple[str, str]]) -> dict[str, Any]:
    parameters: dict[str, Any] = {}
    for name, value in items:
        parameters.setdefault(name, value)
    return parameters


def body_parameters(body: bytes, headers: Mapping[str, str]) -> dict[str, Any]:
    """A JSON object body or a form body as parameters; anything else: none."""
    content_type = headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/x-www-form-urlencoded":
        text = body.decode("utf-8", "replace")
        return first_values(parse_qsl(text, keep_blank_values=True, max_num_fields=1000))
    if not body.lstrip().startswith(b"{"):
        return {}
    try:
        parsed = json.loads(body)
    except (ValueError, RecursionError):
        return {}
    return parsed if isinstance(parsed, dict) else {}


async def quickchart_chart(
    request: Request, parameters: dict[str, Any], body: bytes = b""
) -> Response:
    """``/chart`` with ``c`` or ``chart``."""
    from chartfn.http.quickchart_answers import answer, quickchart_error

    if "spec" in request.query_params or "spec" in parameters:
        return await quickchart_error(
            request,
            400,
            "c (or chart) and spec cannot be combined: c is a Chart.js config (QuickChart), "
            "spec a chartfn chart spec; send one of them",
            parameters,
        )
    if (problem := sig_problem(parameters)) is not None:
        return await quickchart_error(request, 400, problem, parameters)
    if not authorised(request, parameters, body):
        return await quickchart_error(request, 403, FORBIDDEN_MESSAGE, parameters)
    return await answer(request, parameters)


MAX_SIG_CHARS = 64  # hex of HMAC-SHA256, as the spec routes' sig parameter


def sig_problem(parameters: Mapping[str, Any]) -> str | None:
    """What is wrong with a ``sig`` before any signing is looked at: the document bounds it
    alike on every route, signing deployment or not."""
    sig = parameters.get("sig")
    if sig is None or (isinstance(sig, str) and len(sig) <= MAX_SIG_CHARS):
        return None
    return f"sig is at most {MAX_SIG_CHARS} characters (hex HMAC-SHA256)"


FORBIDDEN_MESSAGE = (
    "this deployment serves signed chart URLs only: sig is missing or does not match "
    "(sig = hex HMAC-SHA256 of c under the deployment's secret, as quickchart-js getSignedUrl "
    "makes it; or chartfn's sig, see the README; a POST may carry the secret as key)"
)


def authorised(request: Request, parameters: Mapping[str, Any], body: bytes) -> bool:
    """Where the deployment signs: chartfn's ``sig`` (canonical query and body), QuickChart's
    ``sig`` (HMAC-SHA256 of ``c`` in hex), or, in a POST body, the secret as ``key`` (what the
    clients send from a server: the secret never needs to be in a URL)."""
    settings: Settings = request.app.state.settings
    secret = settings.signing_secret
    if not secret:
        return True
    query = list(request.query_params.multi_items())
    if is_valid(secret, request.url.path, query, body):
        return True
    sig = parameters.get("sig")
    chart = parameters.get("c") or parameters.get("chart")
    if isinstance(sig, str) and isinstance(chart, str):
        expected = hmac.new(secret.encode(), chart.encode(), hashlib.sha256).hexdigest()
        if hmac.compare_digest(sig.strip().lower().encode(), expected.encode()):
            return True
    key = body_parameters(body, request.headers).get("key") if body else None
    return isinstance(key, str) and hmac.compare_digest(key.encode(), secret.encode())


def public_base_url(request: Request) -> str:
    settings: Settings = request.app.state.settings
    return settings.public_url or str(request.base_url).rstrip("/")


CREATE_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": {"$ref": "#/components/schemas/QuickChartBody"}},
        "application/x-www-form-urlencoded": {
            "schema": {"$ref": "#/components/schemas/QuickChartBody"}
        },
    },
}


@router.post(
    "/chart/create",
    summary="A chart URL that needs no storage: its id carries the request (QuickChart)",
    openapi_extra={"requestBody": CREATE_BODY},
    responses={
        200: {"description": '`{"success": true, "url": "…/chart/render/<id>"}`'},
        400: {"description": "The request or its config cannot be drawn; X-quickchart-error."},
        403: {"description": "This deployment signs and the request is not authorised."},
        413: {"description": "The chart would not fit in a URL; POST it to /chart instead."},
    },
)
async def create_render_url(request: Request) -> Response:
    from chartfn.http.quickchart_answers import create, create_error

    body = await read_body(request, MAX_SPEC_BYTES)
    parameters = {
        **first_values(request.query_params.multi_items()),
        **body_parameters(body, request.headers),
    }
    if (problem := sig_problem(parameters)) is not None:
        return create_error(400, "invalid_chart", problem)
    if not authorised(request, parameters, body):
        return create_error(403, "forbidden", FORBIDDEN_MESSAGE)
    return await create(request, parameters, public_base_url(request))


@router.get(
    "/chart/render/{render_id}",
    response_class=Response,
    summary="The chart a /chart/create URL stands for",
)
async def render_from_id(request: Request, render_id: str) -> Response:
    from chartfn.http import quickchart_answers

    return await quickchart_answers.render_from_id(request, render_id)
