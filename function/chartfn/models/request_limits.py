"""How large a chart request may be: the bounds the routes declare before any chart is parsed.

Plain constants, no pydantic and no numpy: the routes need them when they are defined, so they
load with the first request of any kind, while the spec and formula models they bound load
with the first request that uses them (a cold start serving /sin builds neither).
"""

from __future__ import annotations

from chartfn.models.parameters import number_range

# Longer URLs are cut or refused by some CDNs and browsers; past this, POST the JSON instead.
MAX_SPEC_TEXT = 16_384
MAX_SPEC_BYTES = 1_000_000

X0 = number_range("x0", -1e6, 1e6, 0.0, "Start of the x range.")
X1 = number_range("x1", -1e6, 1e6, 10.0, "End of the x range (greater than x0).")
SAMPLES = number_range("samples", 2, 10_000, 500, "Points sampled per curve.")
MAX_CURVES = 10
