"""Chart images by canonical request: ETag, in-process cache and rendering, without HTTP."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from chartfn.image_cache import ImageCache
from chartfn.line_renderer import RendererPool
from chartfn.sine import SineChart

# Bump when a change alters the pixels of an existing URL: it is part of every ETag, so caches
# that revalidate fetch the new image instead of being told their old copy is current.
RENDER_VERSION = "1"


@dataclass(frozen=True)
class ChartImage:
    content: bytes
    media_type: str
    etag: str


def etag_for(canonical_request: str) -> str:
    """A strong ETag from what was asked for, not from the bytes: a fresh instance can answer
    ``If-None-Match`` with 304 before (and without) rendering anything."""
    digest = hashlib.sha256(f"{RENDER_VERSION}\n{canonical_request}".encode()).hexdigest()
    return f'"{digest[:32]}"'


class ChartService:
    def __init__(self, cache: ImageCache, renderers: RendererPool) -> None:
        self.cache = cache
        self.renderers = renderers

    def sine_etag(self, chart: SineChart) -> str:
        return etag_for(f"/sin?{chart.canonical_query}")

    def sine_png(self, chart: SineChart) -> ChartImage:
        key = f"/sin?{chart.canonical_query}"
        content = self.cache.get(key)
        if content is None:
            content = self.renderers.render_png(chart.line_chart())
            self.cache.put(key, content)
        return ChartImage(content=content, media_type="image/png", etag=etag_for(key))
