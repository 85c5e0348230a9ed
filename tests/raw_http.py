"""HTTP/1.1 over a plain socket, and what makes a header value legal: the bytes a server really
sent, read without a client library that might repair, reject or hide them."""

from __future__ import annotations

import re
import socket
from dataclasses import dataclass

import h11

# RFC 9110 §5.5 field-value, limited to US-ASCII (the service sends no obs-text): visible
# characters, with spaces and tabs only between them. An empty value is legal.
FIELD_VALUE = re.compile(rb"(?:[\x21-\x7e](?:[\x20\x09\x21-\x7e]*[\x21-\x7e])?)?")


def header_problem(value: bytes) -> str | None:
    """Why ``value`` may not be sent as a header value, or None when RFC 9110 and h11 both
    accept it (h11 alone lets control characters such as ESC and DEL through)."""
    if FIELD_VALUE.fullmatch(value) is None:
        return f"not an RFC 9110 US-ASCII field-value: {value[:120]!r}"
    try:
        h11.Response(status_code=200, headers=[(b"x-probe", value)])
    except h11.LocalProtocolError as exc:
        return f"h11 refuses it: {exc}"
    return None


@dataclass
class RawResponse:
    raw: bytes
    status: int | None
    headers: list[tuple[str, bytes]]
    body: bytes
    complete: bool

    def header(self, name: str) -> bytes | None:
        return next((value for key, value in self.headers if key == name), None)


def parse(raw: bytes) -> RawResponse:
    """One response of a ``Connection: close`` exchange; ``complete`` only when the status line,
    the headers and a body of exactly Content-Length bytes all arrived."""
    head, separator, body = raw.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    match = re.fullmatch(rb"HTTP/1\.1 (\d{3}) .*", lines[0]) if separator else None
    if match is None:
        return RawResponse(raw, None, [], b"", complete=False)
    headers = []
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        # h11 writes "name: value"; only that one space is not part of the value
        headers.append((name.decode("latin-1").lower(), value.removeprefix(b" ")))
    response = RawResponse(raw, int(match.group(1)), headers, body, complete=False)
    length = response.header("content-length")
    response.complete = length is not None and length.isdigit() and int(length) == len(body)
    return response


def exchange(port: int, method: str, target: str, *, timeout_s: float) -> RawResponse:
    """Send one hand-written request and read until the server closes the connection."""
    request = f"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=timeout_s) as sock:
        sock.sendall(request.encode("ascii"))
        chunks = []
        try:
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        except ConnectionResetError:
            pass  # a dropped connection: what arrived before it is the answer
    return parse(b"".join(chunks))
