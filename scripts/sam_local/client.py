"""HTTP checks against `sam local start-api` (SAM's API Gateway emulator in front of chartfn).

    python3 scripts/sam_local/client.py http://127.0.0.1:3000

Standard library only. Prints one line per check and exits 0 when all pass, 1 otherwise.
The first /sin request is the cold one (SAM was started with --warm-containers EAGER, so the
container is up but the runtime has not yet imported the function); the second is warm.
"""

from __future__ import annotations

import json
import struct
import sys
import time
import urllib.error
import urllib.request

BROWSER_IMG_ACCEPT = "image/avif,image/webp,image/apng,image/*,*/*;q=0.8"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def get(url: str, accept: str) -> tuple[int, dict[str, str], bytes, float]:
    req = urllib.request.Request(url, headers={"Accept": accept})
    t0 = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=120) as resp:
            status, headers, body = resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as err:
        status, headers, body = err.code, dict(err.headers), err.read()
    return status, {k.lower(): v for k, v in headers.items()}, body, time.perf_counter() - t0


def png_size(body: bytes) -> tuple[int, int] | None:
    # signature, then the IHDR chunk: length (4), b"IHDR", width (4), height (4)
    if body[:8] != PNG_SIGNATURE or body[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", body[16:24])
    return width, height


def main(base: str) -> int:
    failures: list[str] = []

    def check(ok: bool, what: str) -> None:
        print(f"  {'ok  ' if ok else 'FAIL'} {what}")
        if not ok:
            failures.append(what)

    sin_url = f"{base}/sin?amplitude=2&frequency=3"
    print(f"  GET {sin_url}  (Accept: {BROWSER_IMG_ACCEPT})")
    status, headers, body, cold = get(sin_url, BROWSER_IMG_ACCEPT)
    ctype = headers.get("content-type", "")
    print(f"    cold: {status} {ctype} {len(body)} bytes in {cold * 1000:.0f} ms")
    print(f"    first bytes: {body[:16]!r}")
    # SAM's emulator is a Flask app: Werkzeug answers, not uvicorn
    print(f"    server: {headers.get('server')}, etag: {headers.get('etag')}")
    check(status == 200, f"status 200 (got {status})")
    check(ctype == "image/png", f"content-type image/png (got {ctype!r})")
    check(body[:8] == PNG_SIGNATURE, "body starts with the PNG signature (binary, not base64 text)")
    size = png_size(body)
    check(size == (800, 400), f"IHDR size 800x400 (got {size[0]}x{size[1]})" if size else "IHDR")
    clen = headers.get("content-length")
    check(clen == str(len(body)), f"Content-Length {clen} matches the {len(body)} bytes received")

    status2, headers2, body2, warm = get(sin_url, BROWSER_IMG_ACCEPT)
    ctype2 = headers2.get("content-type")
    print(f"    warm: {status2} {ctype2} {len(body2)} bytes in {warm * 1000:.0f} ms")
    check(status2 == 200 and body2 == body, "warm request: 200, same bytes")

    status, headers, body, took = get(f"{base}/health", "application/json")
    ctype = headers.get("content-type", "")
    print(f"  GET /health: {status} {ctype} in {took * 1000:.0f} ms: {body.decode()}")
    try:
        health = json.loads(body)
    except ValueError:
        health = {}
    check(status == 200 and health.get("status") == "ok", 'health: 200 {"status": "ok", ...}')

    status, headers, body, took = get(f"{base}/sin?amplitude=nan", "application/json")
    print(
        f"  GET /sin?amplitude=nan: {status} {headers.get('content-type')} in {took * 1000:.0f} ms"
    )
    print(f"    {body.decode()[:160]}")
    try:
        err = json.loads(body)
    except ValueError:
        err = {}
    check(
        status == 422 and err.get("parameters", [{}])[0].get("parameter") == "amplitude",
        "amplitude=nan: 422 JSON naming amplitude",
    )

    print(f"  timing: cold {cold * 1000:.0f} ms, warm {warm * 1000:.0f} ms")
    if failures:
        print(f"  {len(failures)} check(s) failed: {'; '.join(failures)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:3000"))
