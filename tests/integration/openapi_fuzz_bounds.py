"""Which coverage-phase cases of ``GET /chart`` the fuzz sends: its spec's field variations thinned.

Schemathesis's coverage phase walks every field of a schema: boundary values, wrong types, too
many items. ``GET /chart?spec=`` and ``POST /chart`` carry the same ``ChartSpec`` schema, so the
phase builds each field variation twice (1,109 cases for ``GET /chart``, 923 for ``POST /chart``
on schemathesis 4.32; ``GET /chart`` alone was the largest cost of the test suite). Both routes
validate the spec with the same model, and the query form adds only what concerns the parameter
as a whole (JSON or base64url text, its length in a URL), which the cases about ``spec`` itself
test. Worse, the phase fills every optional query parameter of ``GET /chart``, QuickChart's ``c``
and ``chart`` among them, so most spec field variations there are refused as "c and spec cannot
be combined" (a 400 with an error image) before a field is read: 350 of the 565 cases kept
answered 400 in a run on schemathesis 4.32. ``POST /chart`` is where the field variations are
judged.

``POST /chart`` keeps every field variation. ``GET /chart`` keeps every case about the ``spec``
parameter itself and about every other parameter, and one in ``KEEP_ONE_IN`` of the variations
inside the spec, chosen by a stable hash of the case's description and spec text (the same cases
on every run, whatever order schemathesis builds them in). ``THINNED`` counts what was left out.
"""

from __future__ import annotations

import zlib
from collections import Counter
from typing import Any

from schemathesis.generation.meta import CoveragePhaseData, TestPhase

__all__ = ["KEEP_ONE_IN", "THINNED", "is_spec_field_variation", "keep_coverage_case"]

KEEP_ONE_IN = 4
THINNED: Counter[str] = Counter()


def is_spec_field_variation(case: Any) -> bool:
    """A coverage case of ``GET /chart`` that varies one field inside the spec's object."""
    meta = case.meta
    if meta is None or meta.phase.name != TestPhase.COVERAGE:
        return False
    data = meta.phase.data
    if not isinstance(data, CoveragePhaseData) or data.parameter != "spec":
        return False
    if case.operation.method.upper() != "GET" or case.operation.path != "/chart":
        return False
    # negative cases name the schema keyword they break (or the path to the field they give the
    # wrong type); positive ones the field they vary
    inside = (data.location or "").startswith("/properties/")
    return inside or data.description.startswith(("Object with valid '", "spec -> "))


def keep_coverage_case(case: Any) -> bool:
    """Every case but three in four of ``GET /chart``'s spec field variations."""
    if not is_spec_field_variation(case):
        return True
    # several cases share a description (one per wrong type): the spec text tells them apart
    mode, description = case.meta.generation.mode.value, case.meta.phase.data.description
    spec = (case.query or {}).get("spec")
    if zlib.crc32(f"{mode} {description} {spec}".encode()) % KEEP_ONE_IN == 0:
        return True
    THINNED[mode] += 1
    return False
