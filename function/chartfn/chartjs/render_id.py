"""Render ids: a QuickChart request carried in the URL itself, so ``/chart/create`` needs no
storage. An id is the request's parameters as compact JSON, deflated, in URL-safe base64;
where the deployment signs, ``.`` and a MAC of that text follow, so only the secret's holder
(``/chart/create`` behind the same checks as ``/chart``) can mint one.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import zlib
from typing import Any

from chartfn.chartjs.request import QuickChartRequest

__all__ = [
    "MAX_PAYLOAD_BYTES",
    "MAX_URL_CHARS",
    "RenderIdError",
    "RenderIdForbidden",
    "RenderUrlTooLong",
    "decode_render_id",
    "encode_render_id",
    "render_url",
]

# CloudFront refuses URLs over 8,192 bytes and API Gateway's edge is about the same: a longer
# render URL would be handed out and then never work.
MAX_URL_CHARS = 8_192
# What an id may inflate to: far above any id that fits in a URL (deflate gains at most ~1000×),
# so a crafted "zip bomb" id costs a bounded amount of memory.
MAX_PAYLOAD_BYTES = 1_000_000
_MAC_BYTES = 16
_MAC_CONTEXT = b"chartfn render id v1\n"  # a render id's MAC is no valid sig= for any URL


class RenderIdError(ValueError):
    """An id that does not decode to a request, or a request too large for a render URL."""


class RenderUrlTooLong(RenderIdError):
    """A request whose render URL would pass what the edge lets through."""


class RenderIdForbidden(PermissionError):
    """An id without a valid MAC on a deployment that signs."""


def encode_render_id(request: QuickChartRequest, secret: str = "") -> str:
    parameters: dict[str, Any] = {
        "c": request.chart,
        "w": request.width,
        "h": request.height,
        "devicePixelRatio": request.device_pixel_ratio,
        "bkg": request.background,
        "f": request.format,
        "v": str(request.version),
    }
    text = json.dumps(parameters, separators=(",", ":"), ensure_ascii=False, sort_keys=True)
    payload = _b64(zlib.compress(text.encode(), 9))
    return f"{payload}.{_mac(secret, payload)}" if secret else payload


def decode_render_id(render_id: str, secret: str = "") -> dict[str, Any]:
    """The request parameters an id carries (check them with ``parse_request``)."""
    if len(render_id) > MAX_URL_CHARS:
        raise RenderIdError(
            f"the render id is {len(render_id)} characters; at most {MAX_URL_CHARS}"
        )
    payload, _, mac = render_id.partition(".")
    if secret and not hmac.compare_digest(mac, _mac(secret, payload)):
        raise RenderIdForbidden(
            "this deployment signs its chart URLs and the render id's signature is missing or "
            "does not match: make the URL with POST /chart/create on this deployment"
        )
    try:
        compressed = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
        inflater = zlib.decompressobj()
        text = inflater.decompress(compressed, MAX_PAYLOAD_BYTES)
        if inflater.unconsumed_tail or not inflater.eof:
            raise RenderIdError(f"the render id inflates past {MAX_PAYLOAD_BYTES} bytes or is cut")
        parameters = json.loads(text)
    except (binascii.Error, zlib.error, ValueError) as exc:
        if isinstance(exc, RenderIdError):
            raise
        raise RenderIdError(
            "not a render id (URL-safe base64 of a deflated request, as POST /chart/create makes)"
        ) from None
    if not isinstance(parameters, dict):
        raise RenderIdError("not a render id: it does not hold a request")
    return parameters


def render_url(base_url: str, render_id: str) -> str:
    """The public URL of a render id, or ``RenderIdError`` when it would be too long to work."""
    url = f"{base_url.rstrip('/')}/chart/render/{render_id}"
    if len(url) > MAX_URL_CHARS:
        raise RenderUrlTooLong(
            f"this chart is too large for a render URL: it would be {len(url)} characters, and "
            f"URLs over {MAX_URL_CHARS} are refused at the edge; POST it to /chart instead"
        )
    return url


def _mac(secret: str, payload: str) -> str:
    digest = hmac.new(secret.encode(), _MAC_CONTEXT + payload.encode(), hashlib.sha256).digest()
    return _b64(digest[:_MAC_BYTES])


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")
