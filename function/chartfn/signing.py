"""Signed chart URLs: an HMAC of the canonical query, so only the secret's holder makes URLs.

With ``CHARTFN_SIGNING_SECRET`` set, a chart URL must carry ``sig``: the hex HMAC-SHA256 of its
canonical query under the secret. The canonical query is every parameter except ``sig`` and
tracking parameters (``utm_*``, which e-mail tools append after the fact), sorted by name and
value, percent-encoded. The endpoint is signed too (``/sin``, whatever stage or base path is in
front of it), so a signature for /sin does not open /plot, and a POSTed body is signed with it.

Sign a URL (the secret never goes to a browser; sign on your server or at build time)::

    python function/chartfn/signing.py --secret "$SECRET" '/sin?amplitude=2&frequency=3'
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
from collections.abc import Iterable
from urllib.parse import parse_qsl, quote, urlsplit

SIGNATURE_PARAMETER = "sig"


def canonical_query(parameters: Iterable[tuple[str, str]]) -> str:
    kept = sorted(
        (name, value)
        for name, value in parameters
        if name != SIGNATURE_PARAMETER and not name.startswith("utm_")
    )
    return "&".join(f"{quote(name, safe='')}={quote(value, safe='')}" for name, value in kept)


def endpoint(path: str) -> str:
    """``/Prod/sin`` and ``/charts/sin/`` sign as ``/sin``: the stage or base path in front of
    an endpoint depends on how it is reached, not on what is asked for."""
    return "/" + path.rstrip("/").rsplit("/", 1)[-1]


def signature(
    secret: str, path: str, parameters: Iterable[tuple[str, str]], body: bytes = b""
) -> str:
    message = f"{endpoint(path)}?{canonical_query(parameters)}".encode()
    if body:
        message += b"\n" + hashlib.sha256(body).hexdigest().encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def is_valid(secret: str, path: str, parameters: list[tuple[str, str]], body: bytes = b"") -> bool:
    given = [value for name, value in parameters if name == SIGNATURE_PARAMETER]
    if len(given) != 1:
        return False
    return hmac.compare_digest(given[0], signature(secret, path, parameters, body))


def sign_url(secret: str, url: str, body: bytes = b"") -> str:
    """``url`` (a path with its query, or a full URL) with its ``sig`` appended."""
    parts = urlsplit(url)
    parameters = parse_qsl(parts.query, keep_blank_values=True)
    separator = "&" if parts.query else "?"
    sig = signature(secret, parts.path or "/", parameters, body)
    return f"{url}{separator}{SIGNATURE_PARAMETER}={sig}"


def main() -> None:
    parser = argparse.ArgumentParser(description="Append sig= to a chartfn URL.")
    parser.add_argument("--secret", required=True, help="CHARTFN_SIGNING_SECRET of the deployment")
    parser.add_argument("url", help="e.g. '/sin?amplitude=2' or the full https URL")
    parser.add_argument("--body-file", help="for POST /chart: the JSON body to sign with it")
    arguments = parser.parse_args()
    body = b""
    if arguments.body_file:
        with open(arguments.body_file, "rb") as fh:
            body = fh.read()
    print(sign_url(arguments.secret, arguments.url, body))


if __name__ == "__main__":
    main()
