"""GET /: the playground page, a form that builds chart URLs and previews them.

Plain HTML, CSS and JS from ``static/``, read once at import (the package directory is
read-only on Lambda; reading is fine). Every URL in the page is relative to a ``<base href>``
rendered from the ASGI ``root_path``, so the page works at ``/`` locally and at ``/Prod/``
(or ``/Prod``) behind an API Gateway REST stage.
"""

from __future__ import annotations

import hashlib
import html
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.exceptions import HTTPException

STATIC_DIR = Path(__file__).with_name("static")


def _read(name: str) -> str:
    return (STATIC_DIR / name).read_text(encoding="utf-8")


def _version(text: str) -> str:
    """A content hash for the asset URL: a deploy that changes the file changes its URL, so
    the asset can be cached for long without a stale copy outliving the page."""
    return hashlib.sha256(text.encode()).hexdigest()[:12]


_JS = _read("playground.js")
_CSS = _read("playground.css")
_PAGE = (
    _read("playground.html")
    .replace("{{JS_VERSION}}", _version(_JS))
    .replace("{{CSS_VERSION}}", _version(_CSS))
)
ASSETS: dict[str, tuple[str, str]] = {
    "playground.js": (_JS, "text/javascript; charset=utf-8"),
    "playground.css": (_CSS, "text/css; charset=utf-8"),
}
# Everything comes from the app itself; blob: is the object URL the preview image is shown from.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; "
    "connect-src 'self'; base-uri 'self'; form-action 'none'; frame-ancestors 'none'"
)
PAGE_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    # the page embeds the deploy's root path: short caching, so a new stage name shows soon
    "Cache-Control": "public, max-age=300",
}

router = APIRouter()


def page_for(root_path: str) -> str:
    """The page with its base URL: the stage prefix (escaped, it comes from the event) + "/"."""
    base = html.escape(root_path.rstrip("/") + "/", quote=True)
    return _PAGE.replace("{{BASE}}", base)


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
async def playground(request: Request) -> HTMLResponse:
    return HTMLResponse(page_for(request.scope.get("root_path", "")), headers=PAGE_HEADERS)


@router.get("/static/{name}", include_in_schema=False)
async def static_asset(name: str) -> Response:
    if name not in ASSETS:
        raise HTTPException(status_code=404)  # the app's uniform 404 JSON
    text, media_type = ASSETS[name]
    headers = {
        "Cache-Control": "public, max-age=31536000, immutable",  # the URL carries the hash
        "X-Content-Type-Options": "nosniff",
    }
    return Response(text, media_type=media_type, headers=headers)
