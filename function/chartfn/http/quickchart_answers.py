"""What a QuickChart request gets: the chart or its error drawn as an image, a render URL.

Imported on the first QuickChart request, not at cold start: it brings in the Chart.js side
(config parser, translation, CSS colours), which /sin and the spec routes never need
(``quickchart_routes`` holds the light part: routing, dispatch, signing).
"""

from __future__ import annotations

import contextlib
import logging
import math
from collections.abc import Mapping
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from chartfn.chart_service import ChartService
from chartfn.chartjs.config import ConfigError
from chartfn.chartjs.output import ChartJsOutput, output_for
from chartfn.chartjs.prepare import PreparedChart, prepare
from chartfn.chartjs.render_id import (
    RenderIdError,
    RenderIdForbidden,
    RenderUrlTooLong,
    decode_render_id,
    encode_render_id,
    render_url,
)
from chartfn.chartjs.request import (
    DEFAULT_DEVICE_PIXEL_RATIO,
    DEFAULT_HEIGHT,
    DEFAULT_WIDTH,
    RequestError,
    parse_request,
)
from chartfn.chartjs.translate import TranslationError
from chartfn.drawing.error_image import render_error_image
from chartfn.http.errors import error_body
from chartfn.http.header_values import header_value
from chartfn.http.request_log import note
from chartfn.http.routes import RequestedOutput, chart_response
from chartfn.models.output_options import ImageTooLarge
from chartfn.render_threads import RenderThreads
from chartfn.settings import Settings

__all__ = ["answer", "create", "quickchart_error", "render_from_id"]

logger = logging.getLogger("chartfn.quickchart")
ERROR_HEADER = "X-quickchart-error"
WARNING_HEADER = "X-Chart-Warning"
_REQUEST_PROBLEMS = (RequestError, ConfigError, TranslationError)


async def answer(request: Request, parameters: Mapping[str, Any]) -> Response:
    """The chart a QuickChart request asks for, or its error as an image."""
    settings: Settings = request.app.state.settings
    threads: RenderThreads = request.app.state.render_threads
    try:
        chart_request = parse_request(parameters, pixel_budget=settings.pixel_budget)
        prepared = await threads.run(lambda: prepare(chart_request))
    except _REQUEST_PROBLEMS as exc:
        return await quickchart_error(request, 400, str(exc), parameters)
    except Exception as exc:  # a parser bug must still answer, and be seen in the logs
        logger.exception("a Chart.js config failed to parse or translate")
        message = f"the chart config could not be read: {type(exc).__name__}: {exc}"
        return await quickchart_error(request, 400, message, parameters)
    options = output_for(chart_request)
    service: ChartService = request.app.state.chart_service
    note(request.scope, chartjs_version=chart_request.version, warnings=len(prepared.warnings))
    try:
        response = await chart_response(
            request,
            RequestedOutput(options, negotiated=False),
            prepared.key,
            lambda: service.render_spec(
                prepared.spec, options, prepared.ticks, prepared.styles, prepared.overlays
            ),
        )
    except ImageTooLarge as exc:
        return await quickchart_error(request, 413, str(exc), parameters)
    except ConfigError as exc:  # a tick callback that throws at the length the layout chose
        return await quickchart_error(request, 400, str(exc), parameters)
    except Exception as exc:  # a drawing failure must still answer (README: never a 500)
        logger.exception("a translated Chart.js config failed to draw")
        return await quickchart_error(
            request, 400, f"the chart could not be drawn: {exc}", parameters
        )
    finally:
        prepared.close()
    return with_warnings(response, prepared)


def with_warnings(response: Response, prepared: PreparedChart) -> Response:
    if prepared.warnings:
        response.headers[WARNING_HEADER] = header_value("; ".join(prepared.warnings))
    return response


async def quickchart_error(
    request: Request, status: int, message: str, parameters: Mapping[str, Any]
) -> Response:
    """QuickChart's error answer: the message drawn in the requested format and size (as far
    as those are valid), and in ``X-quickchart-error``, which the clients raise with."""
    settings: Settings = request.app.state.settings
    threads: RenderThreads = request.app.state.render_threads
    options = lenient_output(parameters, settings.pixel_budget)
    headers = {ERROR_HEADER: header_value(message), "Cache-Control": "no-store"}
    note(request.scope, error=message[:200])
    try:
        image = await threads.run(lambda: render_error_image(status, message, options))
    except ImageTooLarge:
        code = {403: "forbidden", 413: "too_large"}.get(status, "invalid_chart")
        return JSONResponse(error_body(status, code, message), status_code=status, headers=headers)
    return Response(image, status_code=status, media_type=options.media_type, headers=headers)


def lenient_output(parameters: Mapping[str, Any], pixel_budget: int) -> ChartJsOutput:
    """The output asked for, keeping each option that is valid on its own: a bad size must not
    stop the error from being drawn in the requested format, nor a bad format at that size."""
    groups = (
        ("w", "width"),
        ("h", "height"),
        ("devicePixelRatio",),
        ("f", "format"),
        ("backgroundColor", "bkg"),
    )
    kept: dict[str, Any] = {"c": "{}"}
    for names in groups:
        candidate = {**kept, **{name: parameters[name] for name in names if name in parameters}}
        with contextlib.suppress(RequestError):
            parse_request(candidate, pixel_budget=pixel_budget)
            kept = candidate
    try:
        return output_for(parse_request(kept, pixel_budget=pixel_budget))
    except RequestError:  # valid one by one, too many pixels together
        fallback = {k: v for k, v in kept.items() if k in ("c", "f", "format")}
        # a deployment's budget may be below even QuickChart's default size (1000×600 pixels)
        fits = math.sqrt(pixel_budget / (DEFAULT_WIDTH * DEFAULT_HEIGHT))
        fallback["devicePixelRatio"] = min(DEFAULT_DEVICE_PIXEL_RATIO, math.floor(fits * 100) / 100)
        return output_for(parse_request(fallback, pixel_budget=pixel_budget))


async def create(request: Request, parameters: Mapping[str, Any], base_url: str) -> Response:
    """``/chart/create``: the request checked now (not when it is viewed) and its URL."""
    settings: Settings = request.app.state.settings
    threads: RenderThreads = request.app.state.render_threads
    try:
        chart_request = parse_request(parameters, pixel_budget=settings.pixel_budget)
        (await threads.run(lambda: prepare(chart_request))).close()
        url = render_url(base_url, encode_render_id(chart_request, settings.signing_secret))
    except RenderUrlTooLong as exc:
        return create_error(413, "too_large", str(exc))
    except _REQUEST_PROBLEMS as exc:
        return create_error(400, "invalid_chart", str(exc))
    except Exception as exc:  # as in answer(): a parser bug must not be a 500
        logger.exception("a Chart.js config failed to parse or translate")
        return create_error(400, "invalid_chart", f"the chart config could not be read: {exc}")
    return JSONResponse({"success": True, "url": url})


def create_error(status: int, code: str, message: str) -> Response:
    return JSONResponse(
        {"success": False, **error_body(status, code, message)},
        status_code=status,
        headers={ERROR_HEADER: header_value(message)},
    )


async def render_from_id(request: Request, render_id: str) -> Response:
    settings: Settings = request.app.state.settings
    try:
        parameters = decode_render_id(render_id, settings.signing_secret)
    except RenderIdForbidden as exc:
        return await quickchart_error(request, 403, str(exc), {})
    except RenderIdError as exc:
        return await quickchart_error(request, 400, str(exc), {})
    return await answer(request, parameters)
