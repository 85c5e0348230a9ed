"""The FastAPI application, the same object locally (uvicorn) and on Lambda (Mangum)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from chartfn import __version__
from chartfn.chart_service import ChartService
from chartfn.drawing.sine_renderer import SineRenderer
from chartfn.http.asgi_middleware import ApiGatewayStage, HeadAsGet, LegalHeaders
from chartfn.http.errors import install_error_handlers
from chartfn.http.playground import router as playground_router
from chartfn.http.quickchart_routes import install_quickchart
from chartfn.http.request_log import RequestLog, configure_logging
from chartfn.http.routes import router
from chartfn.image_cache import ImageCache
from chartfn.memory import keep_memory_flat
from chartfn.render_threads import RenderThreads
from chartfn.settings import Settings

DESCRIPTION = """Charts as images, rendered in memory by matplotlib.

Embed a URL: `<img src="/sin?amplitude=2&frequency=3">`. Same URL, same bytes.
Bad parameters get a 422 JSON naming the parameter, the value and the allowed range."""


def create_app(settings: Settings | None = None) -> FastAPI:
    current = settings if settings is not None else Settings.from_environment()
    app = FastAPI(title="chartfn", version=__version__, description=DESCRIPTION)
    app.state.settings = current
    app.state.chart_service = ChartService(ImageCache(current.cache_max_bytes), SineRenderer())
    app.state.render_threads = RenderThreads(current.max_renderers, inline=current.render_inline)
    configure_logging(current.log_level)
    if not current.render_inline:
        # a threaded, long-running server; Lambda renders inline, stays flat without it, and
        # would pay ~0.5 ms a chart for the page faults of always-fresh mmapped buffers
        keep_memory_flat()
    install_error_handlers(app)
    app.include_router(router)
    install_quickchart(app)
    if not current.signing_secret:
        # the page builds URLs in the browser, which would need the secret: off when signing
        app.include_router(playground_router)
    _document_chart_spec(app)
    # Middleware added later runs earlier. The request log sits innermost so it sees the route
    # and the fields the handlers note; the stage/base-path prefix is settled first of all.
    app.add_middleware(RequestLog)
    app.add_middleware(HeadAsGet)
    if current.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(current.cors_origins),
            allow_methods=["GET", "HEAD", "POST"],
            allow_headers=["Content-Type", "If-None-Match"],
            expose_headers=[
                "ETag",
                "Server-Timing",
                "X-Chart-Error",
                "X-Chart-Warning",
                "X-quickchart-error",
            ],
            max_age=86400,
        )
    app.add_middleware(ApiGatewayStage, base_path=current.base_path)
    # outermost: whatever any layer sends, only legal headers leave the app
    app.add_middleware(LegalHeaders)
    return app


def _document_chart_spec(app: FastAPI) -> None:
    """POST /chart reads its body itself (to cap its size before parsing), so FastAPI does not
    see the model: add its schema to the generated OpenAPI document."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            from chartfn.models.chart_spec import ChartSpec

            schema = generate()
            schemas = schema.setdefault("components", {}).setdefault("schemas", {})
            spec_schema = ChartSpec.model_json_schema(ref_template="#/components/schemas/{model}")
            schemas.update(spec_schema.pop("$defs", {}))
            schemas["ChartSpec"] = spec_schema
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
