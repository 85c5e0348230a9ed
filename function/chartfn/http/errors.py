"""Every error as JSON of one shape (what was wrong, the value, what is allowed), or with
``errors=image`` drawn into an image of the requested size and format."""

from __future__ import annotations

import math
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError
from starlette.exceptions import HTTPException
from starlette.routing import Match

from chartfn.drawing.error_image import lenient_options, render_error_image
from chartfn.http.header_values import header_value
from chartfn.models.output_options import ImageTooLarge
from chartfn.models.parameters import NUMBER_RANGES, ParameterError
from chartfn.models.spec_error import SpecError
from chartfn.render_threads import RenderThreads


class BodyTooLarge(ValueError):
    """A request body over the size the endpoint reads."""


class SignatureRequired(PermissionError):
    """A deployment that signs its URLs got one without a valid ``sig``."""


_CODES = {403: "forbidden", 404: "not_found", 405: "method_not_allowed", 413: "too_large"}
_PROBLEMS = {
    "float_parsing": "is not a number",
    "int_parsing": "is not a whole number",
    "int_from_float": "is not a whole number",
    "finite_number": "must be a finite number",
    "greater_than_equal": "is out of range",
    "less_than_equal": "is out of range",
    "literal_error": "is not offered",
    "string_too_long": "is too long",
    "too_long": "has too many values",
    "missing": "is required",
    "bool_parsing": "is not true or false",
}


def error_body(status: int, code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"status": status, "error": code, "message": message, **extra}


def parameter_problem(parameter: str, value: object, problem: str, allowed: str) -> dict[str, Any]:
    if isinstance(value, float) and not math.isfinite(value):
        value = repr(value)  # JSON has no NaN or Infinity
    described: dict[str, Any] = {
        "parameter": parameter,
        "value": value,
        "problem": problem,
        "allowed": allowed,
    }
    declared = NUMBER_RANGES.get(parameter)
    if declared is not None:
        described["minimum"] = declared.minimum
        described["maximum"] = declared.maximum
    return described


async def error_response(request: Request, body: dict[str, Any], headers: Any = None) -> Response:
    """JSON, or the message drawn as an image when the request asked for ``errors=image``."""
    status = body["status"]
    if request.query_params.get("errors") != "image":
        return JSONResponse(body, status_code=status, headers=headers)
    options = lenient_options(dict(request.query_params))
    message = body["message"]
    try:
        threads: RenderThreads = request.app.state.render_threads
        image = await threads.run(lambda: render_error_image(status, message, options))
    except ImageTooLarge:
        return JSONResponse(body, status_code=status, headers=headers)
    return Response(
        image,
        status_code=status,
        media_type=options.media_type,
        headers={
            **(headers or {}),
            "X-Chart-Error": header_value(message),
            "Cache-Control": "no-store",
        },
    )


async def invalid_parameters(request: Request, problems: list[dict[str, Any]]) -> Response:
    message = "; ".join(
        f"{p['parameter']}={p['value']!r} {p['problem']} (allowed: {p['allowed']})"
        for p in problems
    )
    body = error_body(422, "invalid_parameter", message, parameters=problems)
    return await error_response(request, body)


def _describe_validation_error(error: dict[str, Any]) -> dict[str, Any]:
    location = [str(part) for part in error.get("loc", ()) if not isinstance(part, int)]
    parameter = location[-1] if location else "request"
    kind = str(error.get("type", ""))
    problem = _PROBLEMS.get(kind, str(error.get("msg", "is not valid")))
    declared = NUMBER_RANGES.get(parameter)
    context = error.get("ctx") or {}
    if declared is not None:
        allowed = declared.allowed
    elif "expected" in context:
        allowed = f"one of {context['expected']}"
    elif "max_length" in context:
        allowed = f"at most {context['max_length']}"
    else:
        allowed = str(error.get("msg", "see /docs"))
    return parameter_problem(parameter, error.get("input"), problem, allowed)


async def _on_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = [_describe_validation_error(e) for e in exc.errors()]
    return await invalid_parameters(request, problems)


async def _on_parameter_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ParameterError)
    problem = parameter_problem(exc.parameter, exc.value, exc.problem, exc.allowed)
    return await invalid_parameters(request, [problem])


async def _on_image_too_large(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ImageTooLarge)
    body = error_body(413, "too_large", str(exc), size_bytes=exc.size_bytes)
    return await error_response(request, body)


async def _on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    code = _CODES.get(exc.status_code, "http_error")
    message = f"{request.method} {request.url.path}: {exc.detail}"
    headers = exc.headers
    if exc.status_code == 405:
        headers = {**(headers or {}), "Allow": ", ".join(allowed_methods(request))}
    return await error_response(request, error_body(exc.status_code, code, message), headers)


def allowed_methods(request: Request) -> list[str]:
    """Every method some route serves at the request's path. Starlette's 405 names only the
    first route that matched the path (GET for /chart, where POST is a route of its own), and
    RFC 9110 wants all of them; HEAD wherever GET is (``HeadAsGet`` answers it)."""
    methods = set()
    for method in _METHODS:
        scope = {**request.scope, "method": method}
        if any(route.matches(scope)[0] is Match.FULL for route in request.app.router.routes):
            methods.add(method)
    if "GET" in methods:
        methods.add("HEAD")
    return sorted(methods)


_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


async def _on_spec_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, SpecError)
    allowed = "JSON or base64url JSON of a chart spec (see /docs)"
    return await invalid_parameters(request, [parameter_problem("spec", None, str(exc), allowed)])


async def _on_spec_invalid(request: Request, exc: Exception) -> Response:
    """A chart spec that parsed but breaks the schema: every problem with its path."""
    assert isinstance(exc, ValidationError)
    problems = []
    for error in exc.errors(include_url=False):
        path = "spec" + "".join(
            f"[{part}]" if isinstance(part, int) else f".{part}" for part in error["loc"]
        )
        value = error.get("input")
        shown = value if isinstance(value, str | int | float | bool) or value is None else None
        problems.append(parameter_problem(path, shown, str(error["msg"]), "see ChartSpec in /docs"))
    return await invalid_parameters(request, problems)


async def _on_body_too_large(request: Request, exc: Exception) -> Response:
    return await error_response(request, error_body(413, "too_large", str(exc)))


async def _on_signature_required(request: Request, exc: Exception) -> Response:
    return JSONResponse(error_body(403, "forbidden", str(exc)), status_code=403)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(SignatureRequired, _on_signature_required)
    app.add_exception_handler(SpecError, _on_spec_error)
    app.add_exception_handler(ValidationError, _on_spec_invalid)
    app.add_exception_handler(BodyTooLarge, _on_body_too_large)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(ParameterError, _on_parameter_error)
    app.add_exception_handler(ImageTooLarge, _on_image_too_large)
    app.add_exception_handler(HTTPException, _on_http_error)
