"""One structured JSON log line per request, and the JSON formatter for the service's logs.

Powertools for AWS Lambda's ``Logger`` is the ecosystem's standard for this; we write the same
field names (``level``, ``location``, ``message``, ``timestamp``, ``service``, ``cold_start``,
``function_request_id``, ``xray_trace_id``) so queries written for it work here, but not the
library: it adds 8 MB to the package and ~38 ms to every cold start (measured: ``python -X
importtime``), about 6 % of ours, for what is one formatter and one middleware.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Message, Receive, Scope, Send

SERVICE = "chartfn"
REQUEST_LOGGER = logging.getLogger("chartfn.request")
_cold_start = True
# What one request may put into its log line, whatever it sent: values, names, the method and
# the path are cut, and parameters beyond a budget (in bytes of JSON) are only counted.
_SHOWN_VALUE_CHARS = 200
_SHOWN_NAME_CHARS = 60
_SHOWN_METHOD_CHARS = 20
_PARAMETER_BUDGET_BYTES = 2000


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "level": record.levelname,
            "location": f"{record.funcName}:{record.lineno}",
            "message": record.getMessage(),
            "timestamp": datetime.fromtimestamp(record.created, UTC).isoformat(
                timespec="milliseconds"
            ),
            "service": SERVICE,
        }
        line.update(getattr(record, "fields", {}))
        trace = os.environ.get("_X_AMZN_TRACE_ID")
        if trace:
            line["xray_trace_id"] = trace.split(";")[0].removeprefix("Root=")
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, default=str, ensure_ascii=False)


def configure_logging(level: str) -> None:
    """JSON lines on stdout (CloudWatch on Lambda) for chartfn's loggers, once."""
    logger = logging.getLogger("chartfn")
    if not any(isinstance(h.formatter, JsonFormatter) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stdout)
        handler.setFormatter(JsonFormatter())
        logger.addHandler(handler)
    logger.setLevel(level.upper())
    # Lambda's runtime puts its own handler on the root logger: no second, plain-text copy
    logger.propagate = False


def note(scope: Scope, **fields: Any) -> None:
    """Add fields to this request's log line (render time, cache hit, …)."""
    scope.setdefault("state", {}).setdefault("chartfn_log", {}).update(fields)


class RequestLog:
    """Logs each HTTP request once it has been answered: route, parameters, status, timing."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        outcome = {"status": 500, "bytes": 0}

        async def observe(message: Message) -> None:
            if message["type"] == "http.response.start":
                outcome["status"] = message["status"]
                for name, value in message.get("headers", []):
                    if name.lower() == b"content-length":
                        outcome["bytes"] = int(value)
            await send(message)

        try:
            await self.app(scope, receive, observe)
        finally:
            REQUEST_LOGGER.info("request", extra={"fields": _fields(scope, outcome, started)})


def _fields(scope: Scope, outcome: Mapping[str, int], started: float) -> dict[str, Any]:
    global _cold_start
    context = scope.get("aws.context")
    route = scope.get("route")
    parameters, omitted = _query(scope)
    fields: dict[str, Any] = {
        "cold_start": _cold_start,
        "function_request_id": getattr(context, "aws_request_id", None),
        "method": _shown(str(scope.get("method")), _SHOWN_METHOD_CHARS),
        "route": getattr(route, "path", None),
        "path": _shown(str(scope.get("path")), _SHOWN_VALUE_CHARS),
        "parameters": parameters,
        "status": outcome["status"],
        "bytes": outcome["bytes"],
        "duration_ms": round((time.perf_counter() - started) * 1000, 3),
    }
    if omitted:
        fields["parameters_omitted"] = omitted
    _cold_start = False
    fields.update(scope.get("state", {}).get("chartfn_log", {}))
    return fields


def _shown(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _query(scope: Scope) -> tuple[dict[str, str | list[str]], int]:
    """The first parameters of the query, as logged, and how many after them were left out."""
    parameters: dict[str, str | list[str]] = {}
    raw = scope.get("query_string", b"").decode("latin-1")
    pairs = parse_qsl(raw, keep_blank_values=True)
    spent = 0
    for index, (full_name, value) in enumerate(pairs):
        name = _shown(full_name, _SHOWN_NAME_CHARS)
        shown = _shown(value, _SHOWN_VALUE_CHARS)
        # what the pair costs in the line: a control character is escaped to six bytes
        spent += len(json.dumps([name, shown], ensure_ascii=False).encode())
        if spent > _PARAMETER_BUDGET_BYTES:
            return parameters, len(pairs) - index
        if name in parameters:
            previous = parameters[name]
            parameters[name] = (
                [*previous, shown] if isinstance(previous, list) else [previous, shown]
            )
        else:
            parameters[name] = shown
    return parameters, 0
