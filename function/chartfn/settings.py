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

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> Settings:
        return cls(
            cache_max_bytes=_int(environ, "CHARTFN_CACHE_MAX_BYTES", cls.cache_max_bytes, 0),
            cache_max_age_s=_int(environ, "CHARTFN_CACHE_MAX_AGE", cls.cache_max_age_s, 0),
            max_renderers=_int(environ, "CHARTFN_MAX_RENDERERS", cls.max_renderers, 1),
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
