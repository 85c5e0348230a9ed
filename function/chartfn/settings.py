"""Service settings, read once from the environment (set in template.yaml on Lambda)."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from chartfn.image_cache import DEFAULT_MAX_BYTES
from chartfn.models.output_options import PIXEL_BUDGET


@dataclass(frozen=True)
class Settings:
    #: Upper bound of the in-process image cache, in bytes (0 disables it).
    cache_max_bytes: int = DEFAULT_MAX_BYTES
    #: ``Cache-Control: max-age`` of chart responses, in seconds.
    cache_max_age_s: int = 7 * 24 * 3600
    #: Threads that render (Lambda: one request at a time).
    max_renderers: int = 2
    #: Render on the event loop's thread instead of the thread pool. Right on Lambda, where an
    #: instance serves one request at a time: the hop costs ~0.5 ms a chart and spreads
    #: allocations over a second malloc arena (measured: RSS +1.1 MB instead of +3 to +5 MB
    #: from chart 1000 to 3000). Wrong for a local server, whose other requests would wait.
    render_inline: bool = False
    #: Origins allowed to read responses from scripts (CORS); ``*`` for any, empty for none.
    #: ``<img>`` tags need no CORS; fetch() from another site's page does.
    cors_origins: tuple[str, ...] = ("*",)
    #: Largest width × height × scale² a request may ask for; at most ``output.PIXEL_BUDGET``.
    pixel_budget: int = PIXEL_BUDGET
    #: With a secret, every chart URL must carry ``sig`` (see chartfn.signing) and the
    #: playground is off, so no secret ever reaches a browser.
    signing_secret: str = field(default="", repr=False)
    #: A path prefix in front of every route, e.g. ``/charts`` for a custom domain's base-path
    #: mapping (API Gateway passes it through to the function). Empty: none.
    base_path: str = ""
    #: The URL clients reach the service at (``https://charts.example.com``, with any base path),
    #: for the links ``/chart/create`` hands out: behind CloudFront or a custom domain the app
    #: cannot see it. Empty: the request's own base URL.
    public_url: str = ""
    log_level: str = "INFO"

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
            cors_origins=_list(environ, "CHARTFN_CORS_ORIGINS", base.cors_origins),
            pixel_budget=min(
                _int(environ, "CHARTFN_PIXEL_BUDGET", base.pixel_budget, 2500), PIXEL_BUDGET
            ),
            signing_secret=environ.get("CHARTFN_SIGNING_SECRET", base.signing_secret),
            base_path=_base_path(environ.get("CHARTFN_BASE_PATH", base.base_path)),
            public_url=_public_url(environ.get("CHARTFN_PUBLIC_URL", base.public_url)),
            log_level=_choice(
                environ, "CHARTFN_LOG_LEVEL", base.log_level, ("DEBUG", "INFO", "WARNING", "ERROR")
            ),
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


def _list(environ: Mapping[str, str], name: str, default: tuple[str, ...]) -> tuple[str, ...]:
    raw = environ.get(name)
    if raw is None:
        return default
    return tuple(item.strip() for item in raw.split(",") if item.strip())


def _choice(environ: Mapping[str, str], name: str, default: str, allowed: tuple[str, ...]) -> str:
    raw = environ.get(name, "").strip().upper() or default
    if raw not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(allowed)}, got {raw!r}")
    return raw


def _base_path(raw: str) -> str:
    path = raw.strip().rstrip("/")
    if path and not path.startswith("/"):
        path = "/" + path
    if any(c in path for c in "?#% ") or "//" in path:
        raise ValueError(f"CHARTFN_BASE_PATH must be a plain path like /charts, got {raw!r}")
    return path


def _public_url(raw: str) -> str:
    url = raw.strip().rstrip("/")
    if url and (
        not re.fullmatch(r"https?://[A-Za-z0-9.-]+(?::\d{1,5})?(?:/[A-Za-z0-9._~%/-]*)?", url)
    ):
        raise ValueError(
            "CHARTFN_PUBLIC_URL must be an http(s) URL like https://charts.example.com, "
            f"got {raw!r}"
        )
    return url
