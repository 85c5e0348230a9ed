"""ASGI middleware for what API Gateway and HTTP semantics need around the app."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send


def stage_prefix(event: Mapping[str, Any]) -> str:
    """The path prefix the client's URL carries in front of the app's routes.

    A REST API serves ``https://{id}.execute-api.{region}.amazonaws.com/Prod/docs`` but hands
    the function the path ``/docs``: pages that link back into the app (the docs load
    ``/Prod/openapi.json``) need the ``/Prod``. Only requests that came through the
    ``execute-api`` host carry it: ``sam local start-api`` and custom domains serve at ``/``.
    """
    context = event.get("requestContext")
    if not isinstance(context, Mapping):
        return ""
    stage = context.get("stage")
    domain = str(context.get("domainName") or _host(event))
    if not stage or stage == "$default" or ".execute-api." not in domain:
        return ""
    return f"/{stage}"


def _host(event: Mapping[str, Any]) -> str:
    headers = event.get("headers") or {}
    for name, value in headers.items():
        if name.lower() == "host":
            return str(value)
    return ""


class ApiGatewayStage:
    """Sets the ASGI ``root_path`` to the API Gateway stage, so generated URLs include it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        event = scope.get("aws.event")
        if scope["type"] == "http" and isinstance(event, Mapping):
            prefix = stage_prefix(event)
            if prefix:
                path = scope["path"]
                if path != prefix and not path.startswith(prefix + "/"):
                    path = prefix + path  # REST APIs strip the stage from the event's path
                scope = {**scope, "root_path": prefix, "path": path}
        await self.app(scope, receive, send)


class HeadAsGet:
    """Answers ``HEAD`` exactly like ``GET`` (status, headers, Content-Length), without a body.

    Routes declare GET only, so the OpenAPI schema lists one operation per route; uvicorn drops
    a HEAD body itself, but Mangum would return it, so it is dropped here for every server.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)
