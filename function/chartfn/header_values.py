"""Any text as a legal, readable HTTP header value.

STAND-IN (branch i11-protocol): the real module comes from branch i9-headers with the same
signature; this minimal version only keeps the QuickChart routes' headers legal until then.
"""

from __future__ import annotations

import unicodedata


def header_value(text: str, max_length: int = 1000) -> str:
    """``text`` without control characters, non-ASCII escaped, cut to ``max_length``, no
    whitespace at either end (h11 drops the connection for an illegal value)."""
    cleaned = "".join(
        " " if unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp") else char for char in text
    )
    ascii_text = cleaned.encode("ascii", "backslashreplace").decode("ascii")
    return " ".join(ascii_text.split())[:max_length].strip()
