"""ASGI middleware for what API Gateway and HTTP semantics need around the app."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from chartfn.http.header_values import header_value

logger = logging.getLogger("chartfn")


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


def base_path_prefix(event: Mapping[str, Any], path: str) -> str:
    """The custom domain's base path a REST proxy event carries in ``path`` but not in its
    ``{proxy+}`` parameter (``/charts/sin`` with proxy ``sin``: the prefix is ``/charts``)."""
    proxy = (event.get("pathParameters") or {}).get("proxy")
    if not isinstance(proxy, str) or not proxy or not path.endswith("/" + proxy):
        return ""
    return path[: -len(proxy) - 1]


class ApiGatewayStage:
    """Sets the ASGI ``root_path`` to whatever stands in front of the app's routes in the
    client's URL (an API Gateway stage, a custom domain's base path, or ``base_path``), so
    routes match and generated links (the docs, the playground) include it."""

    def __init__(self, app: ASGIApp, base_path: str = "") -> None:
        self.app = app
        self.base_path = base_path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            prefix, path = self._prefix(scope)
            if prefix:
                scope = {**scope, "root_path": prefix, "path": path}
        await self.app(scope, receive, send)

    def _prefix(self, scope: Scope) -> tuple[str, str]:
        path: str = scope["path"]
        forwarded = _header(scope, b"x-forwarded-prefix")
        if forwarded is not None:
            # A proxy in front (the template's CloudFront function) says what the client's URL
            # has before the routes; for CloudFront with OriginPath=/Prod that is nothing.
            prefix = forwarded.rstrip("/")
            if prefix and not path.startswith(prefix + "/") and path != prefix:
                path = prefix + path
            return prefix, path
        if self.base_path and (path == self.base_path or path.startswith(self.base_path + "/")):
            return self.base_path, path
        event = scope.get("aws.event")
        if not isinstance(event, Mapping):
            return "", path
        prefix = stage_prefix(event)
        if prefix:
            if path != prefix and not path.startswith(prefix + "/"):
                path = prefix + path  # REST APIs strip the stage from the event's path
            return prefix, path
        if "resource" in event:
            return base_path_prefix(event, path), path
        return "", path


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return bytes(value).decode("latin-1")
    return None


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


# RFC 9110 token and field-value, the latter limited to US-ASCII: what h11 writes and what
# Mangum decodes (as UTF-8) the same way
_FIELD_NAME = re.compile(rb"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_FIELD_VALUE = re.compile(rb"(?:[\x21-\x7e](?:[\x20\x09\x21-\x7e]*[\x21-\x7e])?)?")


class LegalHeaders:
    """The last line of defence: a response header that is not legal HTTP is made legal here
    (a bad name is dropped) instead of making uvicorn drop the connection or Mangum fail.

    Headers built from input are made legal where they are built (``header_value``); reaching
    this repair is a bug at the source, logged as a warning that names the header.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_legal(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = message.get("headers", [])
                if not all(_legal(name, value) for name, value in headers):
                    message = {**message, "headers": _repaired(headers)}
            await send(message)

        await self.app(scope, receive, send_legal)


def _legal(name: bytes, value: bytes) -> bool:
    return _FIELD_NAME.fullmatch(name) is not None and _FIELD_VALUE.fullmatch(value) is not None


def _repaired(headers: Any) -> list[tuple[bytes, bytes]]:
    repaired = []
    for name, value in headers:
        if _FIELD_NAME.fullmatch(name) is None:
            logger.warning("dropped a response header with an illegal name %.80r", bytes(name))
            continue
        if _FIELD_VALUE.fullmatch(value) is None:
            logger.warning("repaired the illegal value of response header %s", name.decode())
            # Starlette encodes header strings as Latin-1: decoding so gives back the string
            value = header_value(bytes(value).decode("latin-1")).encode("ascii")
        repaired.append((bytes(name), bytes(value)))
    return repaired
