"""Every error as JSON of one shape: what was wrong, the value, and what is allowed."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from chartfn.parameters import NUMBER_RANGES, ParameterError

_CODES = {404: "not_found", 405: "method_not_allowed"}


def error_body(status: int, code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"status": status, "error": code, "message": message, **extra}


def parameter_problem(parameter: str, value: object, problem: str, allowed: str) -> dict[str, Any]:
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


def invalid_parameters_response(problems: list[dict[str, Any]]) -> JSONResponse:
    message = "; ".join(
        f"{p['parameter']}={p['value']!r} {p['problem']} (allowed: {p['allowed']})"
        for p in problems
    )
    return JSONResponse(
        error_body(422, "invalid_parameter", message, parameters=problems), status_code=422
    )


def _describe_validation_error(error: dict[str, Any]) -> dict[str, Any]:
    location = [str(part) for part in error.get("loc", ())]
    parameter = location[-1] if location else "request"
    declared = NUMBER_RANGES.get(parameter)
    if declared is not None:
        problem = "is not a number" if error.get("type") == "float_parsing" else "is not allowed"
        if error.get("type") == "finite_number":
            problem = "must be a finite number"
        elif error.get("type") in ("greater_than_equal", "less_than_equal"):
            problem = "is out of range"
        allowed = declared.allowed
    else:
        problem = str(error.get("msg", "is not valid"))
        allowed = "see /docs"
    return parameter_problem(parameter, error.get("input"), problem, allowed)


async def _on_validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return invalid_parameters_response([_describe_validation_error(e) for e in exc.errors()])


async def _on_parameter_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ParameterError)
    return invalid_parameters_response(
        [parameter_problem(exc.parameter, exc.value, exc.problem, exc.allowed)]
    )


async def _on_http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    code = _CODES.get(exc.status_code, "http_error")
    message = f"{request.method} {request.url.path}: {exc.detail}"
    return JSONResponse(
        error_body(exc.status_code, code, message),
        status_code=exc.status_code,
        headers=exc.headers,
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(ParameterError, _on_parameter_error)
    app.add_exception_handler(HTTPException, _on_http_error)
