"""The FastAPI application, the same object locally (uvicorn) and on Lambda (Mangum)."""

from __future__ import annotations

from fastapi import FastAPI

from chartfn import __version__
from chartfn.asgi_middleware import ApiGatewayStage, HeadAsGet
from chartfn.charts import ChartService
from chartfn.errors import install_error_handlers
from chartfn.image_cache import ImageCache
from chartfn.line_renderer import RendererPool
from chartfn.routes import router
from chartfn.settings import Settings

DESCRIPTION = """Charts as images, rendered in memory by matplotlib.

Embed a URL: `<img src="/sin?amplitude=2&frequency=3">`. Same URL, same bytes.
Bad parameters get a 422 JSON naming the parameter, the value and the allowed range."""


def create_app(settings: Settings | None = None) -> FastAPI:
    current = settings if settings is not None else Settings.from_environment()
    app = FastAPI(title="chartfn", version=__version__, description=DESCRIPTION)
    app.state.settings = current
    app.state.chart_service = ChartService(
        ImageCache(current.cache_max_bytes), RendererPool(max_renderers=current.max_renderers)
    )
    install_error_handlers(app)
    app.include_router(router)
    app.add_middleware(HeadAsGet)
    app.add_middleware(ApiGatewayStage)  # added last, so it runs first
    return app
