"""Number formatting shared by titles, cache keys and error messages."""

from __future__ import annotations

import math


def shortest_form(value: float) -> str:
    """The shortest ``%g``-style text that reads back as exactly ``value``.

    ``2.0`` gives ``2``, ``0.5`` gives ``0.5``, ``100`` gives ``100``, ``1e6`` gives ``1e+06``:
    equivalent spellings in a URL (``2``, ``2.0``, ``2e0``) end up as the same title, cache key
    and ETag. Precision starts at ``%g``'s default of 6 so that round numbers below a million
    keep their plain form, and grows only as far as exactness needs.
    """
    if not math.isfinite(value):
        return repr(value)
    if value == 0:
        return "0"  # -0.0 draws the same curve as 0.0
    for precision in range(6, 18):
        text = format(value, f".{precision}g")
        if float(text) == value:
            return text
    return repr(value)
