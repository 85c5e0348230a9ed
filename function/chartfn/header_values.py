"""Any text as an HTTP header value that every hop accepts and a person (or a URL decoder) reads.

What goes out is printable ASCII only. Letters, digits, punctuation and inner spaces stay as
they are; everything else (control characters incl. DEL and C1, CR/LF, tabs, non-ASCII, a space
at either end, and ``%`` itself) is percent-encoded as UTF-8 bytes, as RFC 8187 does for
non-ASCII in header parameters and Cloudflare does for header values. ``decodeURIComponent`` or
``urllib.parse.unquote`` gives back the text exactly (up to the cut).

Why not send UTF-8 bytes: Starlette encodes header strings as Latin-1 (anything above U+00FF
raises), Mangum decodes them as UTF-8 (any Latin-1 byte above 0x7F raises), RFC 9110 asks new
fields to stay US-ASCII, and browsers' ``fetch`` shows header bytes as Latin-1 (mojibake).
ASCII is the one form that leaves uvicorn and the Lambda handler byte for byte the same.
"""

from __future__ import annotations

# a cut is marked in ASCII: "…" would itself go out as %E2%80%A6
_CUT_MARK = "..."
_PLAIN = frozenset(chr(code) for code in range(0x20, 0x7F)) - {"%"}


def _escaped(char: str) -> str:
    if "\ud800" <= char <= "\udfff":
        char = "\ufffd"  # a lone surrogate has no UTF-8 form
    return "".join(f"%{byte:02X}" for byte in char.encode("utf-8"))


def header_value(text: str, max_length: int = 1000) -> str:
    """``text`` as a legal field value (RFC 9110; h11 and Mangum accept it), at most
    ``max_length`` characters, cut between characters and marked ``...`` when it is longer."""
    if max_length < 0:
        raise ValueError(f"max_length must be >= 0, got {max_length}")
    # every character becomes at least one: no more than this many can fit
    considered = text[: max_length + 1]
    pieces = [char if char in _PLAIN else _escaped(char) for char in considered]
    if pieces and pieces[0] == " ":
        pieces[0] = "%20"
    whole = len(considered) == len(text)
    if whole and pieces and pieces[-1] == " ":
        pieces[-1] = "%20"
    if whole and sum(map(len, pieces)) <= max_length:
        return "".join(pieces)
    budget = max_length - len(_CUT_MARK)
    if budget < 0:
        return _CUT_MARK[:max_length]
    kept: list[str] = []
    for piece in pieces:
        if len(piece) > budget:
            break
        kept.append(piece)
        budget -= len(piece)
    return "".join(kept) + _CUT_MARK
