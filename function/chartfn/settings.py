"""Service settings, read once from the environment (set in template.yaml on Lambda)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from chartfn.image_cache import DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class Settings:
    #: Upper bound of the in-process image cache, in bytes (0 disables it).
    cache_max_bytes: int = DEFAULT_MAX_BYTES
    #: ``Cache-Control: max-age`` of chart responses, in seconds.
    cache_max_age_s: int = 7 * 24 * 3600
    #: Figures kept for concurrent rendering (Lambda serves one request at a time per instance).
    max_renderers: int = 4
    #: Render on the event loop's thread instead of the thread pool. Right on Lambda, where an
    #: instance serves one request at a time: the hop costs ~0.5 ms a chart and spreads
    #: allocations over a second malloc arena (measured: RSS +1.1 MB instead of +3 to +5 MB
    #: from chart 1000 to 3000). Wrong for a local server, whose other requests would wait.
    render_inline: bool = False

    @classmethod
    def from_environment(
        cls, environ: Mapping[str, str] = os.environ, defaults: Settings | None = None
    ) -> Settings:
        """Settings from ``CHARTFN_*`` variables; unset ones keep ``defaults``' values."""
        base = defaults if defaults is not None else cls()
        return cls(
            cache_max_bytes=_int(environ, "CHARTFN_CACHE_MAX_BYTES", base.cache_max_bytes, 0),
            cache_max_age_s=_int(environ, "CHARTFN_CACHE_MAX_AGE", base.cache_max_age_s, 0),
            max_renderers=_int(environ, "CHARTFN_MAX_RENDERERS", base.max_renderers, 1),
            render_inline=_bool(environ, "CHARTFN_RENDER_INLINE", base.render_inline),
        )


def _int(environ: Mapping[str, str], name: str, default: int, minimum: int) -> int:
    raw = environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ValueError(f"{name} must be an integer, got {raw!r}") from None
    if value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value}")
    return value


def _bool(environ: Mapping[str, str], name: str, default: bool) -> bool:
    raw = environ.get(name, "").strip().lower()
    if raw == "":
        return default
    if raw in ("1", "true", "yes", "on"):
        return True
    if raw in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"{name} must be true or false, got {raw!r}")
