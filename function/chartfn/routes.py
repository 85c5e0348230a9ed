"""HTTP routes: parse the query, ask the chart service, shape the response. Nothing else."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from chartfn import __version__
from chartfn.charts import RENDER_VERSION, ChartService
from chartfn.parameters import NumberRange
from chartfn.settings import Settings
from chartfn.sine import AMPLITUDE, FREQUENCY, SineChart

router = APIRouter()

ERROR_SCHEMA: dict[str, Any] = {
    "content": {"application/json": {}},
    "description": "JSON naming each bad parameter, the value given and the allowed range.",
}
PNG_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {"image/png": {}}, "description": "The chart as a PNG image."},
    304: {"description": "The client's copy (If-None-Match) is current; nothing rendered."},
    422: ERROR_SCHEMA,
}


def number_query(declared: NumberRange) -> Any:
    return Query(
        ge=declared.minimum,
        le=declared.maximum,
        allow_inf_nan=False,
        description=f"{declared.description} Allowed: {declared.allowed}.",
    )


def chart_service(request: Request) -> ChartService:
    service: ChartService = request.app.state.chart_service
    return service


def settings(request: Request) -> Settings:
    current: Settings = request.app.state.settings
    return current


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    if not if_none_match:
        return False
    candidates = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return "*" in candidates or etag in candidates


@router.get(
    "/sin",
    response_class=Response,
    responses=PNG_RESPONSES,
    summary="y = A·sin(f·x) on [0, 2π] as an 800×400 PNG",
)
def sine_chart(
    request: Request,
    service: Annotated[ChartService, Depends(chart_service)],
    current: Annotated[Settings, Depends(settings)],
    amplitude: Annotated[float, number_query(AMPLITUDE)] = AMPLITUDE.default,
    frequency: Annotated[float, number_query(FREQUENCY)] = FREQUENCY.default,
) -> Response:
    chart = SineChart(amplitude=amplitude, frequency=frequency)
    headers = {
        "ETag": service.sine_etag(chart),
        "Cache-Control": f"public, max-age={current.cache_max_age_s}",
    }
    if etag_matches(request.headers.get("if-none-match"), headers["ETag"]):
        return Response(status_code=304, headers=headers)
    image = service.sine_png(chart)
    return Response(image.content, media_type=image.media_type, headers=headers)


@router.get("/health", summary="Liveness and version")
def health() -> dict[str, str]:
    return {"status": "ok", "version": __version__, "render_version": RENDER_VERSION}
