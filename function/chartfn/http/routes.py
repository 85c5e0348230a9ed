"""HTTP routes: parse the query, ask the chart service, shape the response. Nothing else.

Routes are ``async`` and hand only rendering to the thread pool: a 304 or a cache hit is
answered on the event loop without a thread hop (they cost a fraction of a millisecond).

No ``from __future__ import annotations`` here: FastAPI reads every route's parameters from
their annotations, and as strings it evaluates each one again for every route that uses it
(``Annotated[int, number_query(WIDTH)]`` of the shared output options, 119 evals at import).
Evaluated once where they are written, defining the routes took 0.75x the time (median of
21 runs side by side, loaded machine): ~10-20 ms of every cold start.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from chartfn import __version__
from chartfn.chart_service import RENDER_VERSION, ChartService, canonical_request, etag_for
from chartfn.http.errors import BodyTooLarge, SignatureRequired
from chartfn.http.header_values import header_value
from chartfn.http.request_log import note
from chartfn.models.output_options import (
    HEIGHT,
    MAX_BACKGROUND_CHARS,
    MEDIA_TYPES,
    SCALE,
    THEME_NAMES,
    WIDTH,
    OutputOptions,
    negotiate_format,
)
from chartfn.models.parameters import NumberRange, ParameterError
from chartfn.models.request_limits import MAX_CURVES, MAX_SPEC_BYTES, MAX_SPEC_TEXT, SAMPLES, X0, X1
from chartfn.models.sine import AMPLITUDE, FREQUENCY, SineChart
from chartfn.render_threads import RenderThreads
from chartfn.settings import Settings
from chartfn.signing import is_valid

if TYPE_CHECKING:
    from chartfn.models.chart_spec import ChartSpec

router = APIRouter()


class ProblemBody(BaseModel):
    parameter: str
    value: Any = None
    problem: str
    allowed: str
    minimum: float | None = None
    maximum: float | None = None


class ErrorBody(BaseModel):
    """Every error's JSON shape (``errors.error_body``)."""

    status: int
    error: str
    message: str
    parameters: list[ProblemBody] | None = None
    size_bytes: int | None = None


ERROR_RESPONSE: dict[str, Any] = {
    "model": ErrorBody,
    # errors=image: the error drawn into an image of the requested format
    "content": {media_type: {} for media_type in MEDIA_TYPES.values()},
    "description": "JSON naming each bad parameter, the value given and what is allowed "
    "(with errors=image: the error drawn as an image, X-Chart-Error header).",
}
IMAGE_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {media_type: {} for media_type in MEDIA_TYPES.values()},
        "description": "The chart: PNG unless `format` or `Accept` asks for another format.",
    },
    304: {"description": "The client's copy (If-None-Match) is current; nothing rendered."},
    403: {"model": ErrorBody, "description": "Signing is on and sig is missing or wrong."},
    413: ERROR_RESPONSE,
    422: ERROR_RESPONSE,
}
FormatName = Literal["png", "svg", "pdf", "webp", "jpeg"]
ThemeName = Literal[
    "light", "dark", "ggplot", "bmh", "fivethirtyeight", "grayscale", "solarized", "seaborn"
]
assert set(ThemeName.__args__) == set(THEME_NAMES)  # type: ignore[attr-defined]


def number_query(declared: NumberRange) -> Any:
    return Query(
        ge=declared.minimum,
        le=declared.maximum,
        allow_inf_nan=False,
        description=f"{declared.description} Allowed: {declared.allowed}.",
    )


@dataclass(frozen=True)
class RequestedOutput:
    options: OutputOptions
    negotiated: bool  # the format came from Accept, so the response varies by it


async def requested_output(
    request: Request,
    width: Annotated[int, number_query(WIDTH)] = int(WIDTH.default),
    height: Annotated[int, number_query(HEIGHT)] = int(HEIGHT.default),
    scale: Annotated[float, number_query(SCALE)] = SCALE.default,
    format: Annotated[
        FormatName | None, Query(description="Output format; absent: from Accept, else png.")
    ] = None,
    background: Annotated[
        str | None,
        Query(
            max_length=MAX_BACKGROUND_CHARS,
            description="transparent or a CSS colour: a name, #rgb[a], #rrggbb[aa], rgb(), "
            "rgba(), hsl(), hsla() (not for jpeg: transparent).",
        ),
    ] = None,
    theme: Annotated[ThemeName, Query(description="A matplotlib style.")] = "light",
    errors: Annotated[
        Literal["json", "image"],
        Query(description="image: draw errors into an image of the requested size/format."),
    ] = "json",
) -> RequestedOutput:
    chosen = format or negotiate_format(request.headers.get("accept"))
    options = OutputOptions(
        width=width, height=height, scale=scale, format=chosen, background=background, theme=theme
    )
    settings: Settings = request.app.state.settings
    pixels = width * height * scale**2
    if pixels > settings.pixel_budget:
        raise ParameterError(
            "width",
            f"{width}x{height}@{scale:g}",
            f"is {pixels:.0f} pixels (width × height × scale²)",
            f"at most {settings.pixel_budget} pixels on this deployment",
        )
    return RequestedOutput(options, negotiated=format is None)


Output = Annotated[RequestedOutput, Depends(requested_output)]


async def verify_signature(
    request: Request,
    sig: Annotated[
        str | None,
        Query(
            max_length=64,
            description="HMAC signature of the URL; required only where the deployment signs.",
        ),
    ] = None,
) -> None:
    """With a signing secret configured, refuse URLs whose ``sig`` is missing or wrong."""
    settings: Settings = request.app.state.settings
    if not settings.signing_secret:
        return
    body = await read_body(request, MAX_SPEC_BYTES) if request.method == "POST" else b""
    parameters = list(request.query_params.multi_items())
    if not is_valid(settings.signing_secret, request.url.path, parameters, body):
        raise SignatureRequired(
            "this deployment serves signed URLs only: sig is missing or does not match "
            "(see the README: signing URLs)"
        )


Signed = [Depends(verify_signature)]


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    if not if_none_match:
        return False
    candidates = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return "*" in candidates or etag in candidates


async def chart_response(
    request: Request, output: RequestedOutput, path_and_query: str, render: Callable[[], bytes]
) -> Response:
    service: ChartService = request.app.state.chart_service
    settings: Settings = request.app.state.settings
    key = canonical_request(path_and_query, output.options)
    headers = {
        "ETag": etag_for(key),
        "Cache-Control": f"public, max-age={settings.cache_max_age_s}",
    }
    if output.negotiated:
        headers["Vary"] = "Accept"
    if etag_matches(request.headers.get("if-none-match"), headers["ETag"]):
        note(request.scope, cache="not-modified", render_ms=0.0)
        return Response(status_code=304, headers=headers)
    content = service.cached(key)
    cache, render_ms = "hit", 0.0
    if content is None:
        started = time.perf_counter()
        threads: RenderThreads = request.app.state.render_threads
        content = await threads.run(lambda: service.render_and_cache(key, render))
        cache, render_ms = "miss", (time.perf_counter() - started) * 1000
    note(request.scope, cache=cache, render_ms=round(render_ms, 3), format=output.options.format)
    headers["Server-Timing"] = header_value(f'render;dur={render_ms:.2f}, cache;desc="{cache}"')
    return Response(content, media_type=output.options.media_type, headers=headers)


@router.get(
    "/sin",
    dependencies=Signed,
    response_class=Response,
    responses=IMAGE_RESPONSES,
    summary="y = A·sin(f·x) on [0, 2π]; 800×400 PNG by default",
)
async def sine_chart(
    request: Request,
    output: Output,
    amplitude: Annotated[float, number_query(AMPLITUDE)] = AMPLITUDE.default,
    frequency: Annotated[float, number_query(FREQUENCY)] = FREQUENCY.default,
) -> Response:
    chart = SineChart(amplitude=amplitude, frequency=frequency)
    service: ChartService = request.app.state.chart_service
    return await chart_response(
        request,
        output,
        f"/sin?{chart.canonical_query}",
        lambda: service.render_sine(chart, output.options),
    )


@router.get(
    "/plot",
    dependencies=Signed,
    response_class=Response,
    responses=IMAGE_RESPONSES,
    summary="Curves of formulas in x, e.g. f=sin(x)*exp(-x/5)",
)
async def formula_chart(
    request: Request,
    output: Output,
    f: Annotated[
        list[str],
        Query(
            description=f"A formula in x (repeat for up to {MAX_CURVES} curves): numbers, x, "
            "+ - * / ^ (or **), parentheses, pi, e, tau, sin cos tan asin acos atan sinh cosh "
            "tanh exp log ln log10 log2 sqrt abs floor ceil round sign, min max atan2 pow. "
            "In a URL send + as %2B.",
            max_length=MAX_CURVES,
        ),
    ],
    label: Annotated[list[str], Query(description="Legend label per curve, in order.")] = [],  # noqa: B006
    x0: Annotated[float, number_query(X0)] = X0.default,
    x1: Annotated[float, number_query(X1)] = X1.default,
    samples: Annotated[int, number_query(SAMPLES)] = int(SAMPLES.default),
    title: Annotated[str, Query(max_length=200)] = "",
    x_label: Annotated[str, Query(max_length=200)] = "x",
    y_label: Annotated[str, Query(max_length=200)] = "y",
    legend: Annotated[bool | None, Query(description="Default: on for several curves.")] = None,
) -> Response:
    # the formula models load with the first /plot, not with a cold start serving /sin
    from chartfn.models.formula_chart import FormulaChart

    chart = FormulaChart.parse(f, label, x0, x1, samples, title, x_label, y_label, legend)
    service: ChartService = request.app.state.chart_service
    return await chart_response(
        request,
        output,
        f"/plot?{chart.canonical_query}",
        lambda: service.render_formulas(chart, output.options),
    )


SPEC_DESCRIPTION = (
    "A chart from data: kind (line, scatter, bar, area, histogram, pie, doughnut, polar_area, "
    "radar, progress, gauge, needle_gauge, boxplot, violin), series (name, y, x, boxes, color), "
    "categories, title, x_label, y_label, x_log, y_log, legend, x_limits, y_limits, stacked, "
    "bins, cutout, cutout_px, rotation, circumference, fill, slice_colors, value_labels, means, "
    "needle_value, band_start (a doughnut "
    "takes a series per ring). As JSON or base64url-encoded JSON, at most "
    f"{MAX_SPEC_TEXT} characters (POST the same JSON for larger data)."
)


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refusing one larger than ``limit`` without reading it all. Read once
    per request (the signature check and the route both want it)."""
    state = request.scope.setdefault("state", {})
    if "chartfn_body" in state:
        return bytes(state["chartfn_body"])
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge(f"the body is {declared} bytes; at most {limit}")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise BodyTooLarge(f"the body is over {limit} bytes")
    state["chartfn_body"] = bytes(body)
    return bytes(body)


@router.get(
    "/chart",
    dependencies=Signed,
    response_class=Response,
    responses=IMAGE_RESPONSES,
    summary="A chart from a JSON spec in the URL (for <img src>)",
)
async def data_chart(
    request: Request,
    output: Output,
    spec: Annotated[str, Query(max_length=MAX_SPEC_TEXT, description=SPEC_DESCRIPTION)],
) -> Response:
    # the spec's models load with the first spec, not with a cold start serving /sin
    from chartfn.models.chart_spec import parse_spec_text

    return await spec_response(request, output, parse_spec_text(spec))


@router.post(
    "/chart",
    dependencies=Signed,
    response_class=Response,
    responses=IMAGE_RESPONSES,
    summary="A chart from a JSON spec in the body",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ChartSpec"}}},
        }
    },
)
async def data_chart_from_body(request: Request, output: Output) -> Response:
    from chartfn.models.chart_spec import parse_spec_json

    return await spec_response(
        request, output, parse_spec_json(await read_body(request, MAX_SPEC_BYTES))
    )


async def spec_response(request: Request, output: RequestedOutput, spec: "ChartSpec") -> Response:
    from chartfn.models.chart_spec import canonical_spec_key

    service: ChartService = request.app.state.chart_service
    return await chart_response(
        request,
        output,
        f"/chart?spec={canonical_spec_key(spec)}",
        lambda: service.render_spec(spec, output.options),
    )


@router.get("/health", summary="Liveness and version")
async def health() -> dict[str, str]:
    return {"status": "ok", "version": __version__, "render_version": RENDER_VERSION}
