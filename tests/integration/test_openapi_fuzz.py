"""Fuzz every operation of the HTTP API from the app's own OpenAPI document (schemathesis).

Schemathesis generates requests from ``/openapi.json`` (valid ones and, in negative mode, ones
that break the schema) and sends them to the ASGI app in process, with every check it has on:

- no 5xx (the README promises that nothing gets a 500);
- documented status codes, content types, headers and JSON bodies;
- a schema-valid request is accepted (``positive_data_acceptance``) and a schema-breaking one
  refused (``negative_data_rejection``): the document says what the app refuses. The few rules
  no JSON Schema can say are named, with the reason, in ``openapi_fuzz_hooks`` (generators for
  formulas, Chart.js configs and render ids; refusals excused only for those rules);
- an undeclared method gets 405 with an ``Allow`` that lists every declared one;
- image bodies start with their format's signature.

The run is bounded and reproducible: a fixed number of examples per operation, a derandomized
Hypothesis, no deadline (a 3000×3000 render takes a while and is still correct). The coverage
phase has no example limit: it sends every boundary and wrong type of every field, 1,109 cases
for ``GET /chart`` and 923 for ``POST /chart`` on schemathesis 4.32, most of them the same
``ChartSpec`` field variations twice, and on ``GET /chart`` mostly refused unread because the
phase also fills ``c``. ``POST /chart`` keeps all of them; ``GET /chart`` keeps every case about
its ``spec`` parameter itself and one in four of those inside the spec (565 cases in all):
``openapi_fuzz_bounds`` says why.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import hypothesis
import openapi_fuzz_bounds
import openapi_fuzz_hooks
import pytest
import schemathesis
from hypothesis import HealthCheck
from hypothesis import strategies as st
from openapi_fuzz_hooks import chartjs_configs, finite, label, positive
from schemathesis.checks import CHECKS, load_all_checks, not_a_server_error
from schemathesis.config._checks import (
    NEGATIVE_DATA_REJECTION_EXPECTED_STATUSES,
    NegativeDataRejectionConfig,
)
from schemathesis.specs.openapi.checks import (
    allow_header_conformance,
    content_type_conformance,
    ensure_resource_availability,
    ignored_auth,
    missing_required_header,
    negative_data_rejection,
    object_level_authorization,
    positive_data_acceptance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
    use_after_free,
)

from chartfn.app import create_app
from chartfn.settings import Settings

MAGIC_BYTES: dict[str, tuple[bytes, ...]] = {
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "application/pdf": (b"%PDF-",),
    # an SVG document opens with its XML declaration (matplotlib writes one)
    "image/svg+xml": (b"<?xml", b"<svg"),
}

# The image cache would answer repeats without rendering; the fuzzer should exercise rendering.
# A deployment's smaller pixel budget keeps each render cheap (the fuzzer likes 3000×3000 PDFs):
# what it checks is the answer's shape, the same at any size; sizes are tested elsewhere.
PIXEL_BUDGET = 500_000
APP = create_app(Settings(cache_max_bytes=0, pixel_budget=PIXEL_BUDGET))
SCHEMA = schemathesis.openapi.from_asgi("/openapi.json", APP)
# 413 refuses too: a body past 1,000,000 bytes (a config past its maxLength) is not read
SCHEMA.config.checks.negative_data_rejection = NegativeDataRejectionConfig(
    expected_statuses=[*NEGATIVE_DATA_REJECTION_EXPECTED_STATUSES, "413"]
)


@SCHEMA.hook
def filter_case(context: Any, case: schemathesis.Case) -> bool:
    """GET /chart's spec field variations thinned: POST /chart sends them all (fuzz_bounds)."""
    return openapi_fuzz_bounds.keep_coverage_case(case)


# Every check schemathesis has (``--checks all``); test_every_check_is_on notices new ones.
CHECKS_ON = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    positive_data_acceptance,
    negative_data_rejection,
    missing_required_header,
    unsupported_method,
    allow_header_conformance,
    use_after_free,
    ensure_resource_availability,
    ignored_auth,
    object_level_authorization,
]
IMAGE_TYPES = frozenset(
    {"image/png", "image/svg+xml", "application/pdf", "image/webp", "image/jpeg"}
)


def media_type_of(response: Any) -> str:
    return response.headers.get("content-type", [""])[0].split(";")[0].strip().lower()


@schemathesis.check
def image_magic_bytes(ctx: Any, response: Any, case: Any) -> bool | None:
    """An image body starts with the signature of the format its Content-Type names."""
    media_type = media_type_of(response)
    body: bytes = response.content
    if media_type == "image/webp":
        assert body[:4] == b"RIFF" and body[8:12] == b"WEBP", f"not a WebP: {body[:16]!r}"
    elif media_type in MAGIC_BYTES:
        assert body.startswith(MAGIC_BYTES[media_type]), f"not {media_type}: {body[:16]!r}"
    elif media_type.startswith("image/"):
        raise AssertionError(f"unexpected image type {media_type}")
    return None


@schemathesis.check
def error_body_shape(ctx: Any, response: Any, case: Any) -> bool | None:
    """A JSON error has the one shape every error shares (README: Errors and HTTP behaviour).

    The schema gives 413 and 422 no body schema, so ``response_schema_conformance`` cannot see
    these bodies; this checks what the app promises instead.
    """
    if response.status_code < 400 or media_type_of(response) != "application/json":
        return None
    body = response.json()
    assert body["status"] == response.status_code, body
    assert isinstance(body["error"], str) and body["error"], body
    assert isinstance(body["message"], str) and body["message"], body
    if response.status_code == 422:
        assert body["error"] in {"invalid_parameter"}, body
        assert body["parameters"], body
        for problem in body["parameters"]:
            assert {"parameter", "value", "problem", "allowed"} <= problem.keys(), problem
    return None


ALL_CHECKS = [*CHECKS_ON, image_magic_bytes, error_body_shape]
BOUNDED = hypothesis.settings(
    deadline=None,  # a 3000×3000 PDF takes seconds and is still a right answer
    derandomize=True,  # the same examples on every run: a failure reproduces, CI time is stable
    database=None,  # nothing written under the repository
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
# Glyphs outside the bundled fonts (fuzzed titles) are drawn as boxes: a warning, not an error.
MISSING_GLYPHS = "ignore:Glyph .* missing from font"


@SCHEMA.parametrize()
@hypothesis.settings(BOUNDED, max_examples=20)
@pytest.mark.filterwarnings(MISSING_GLYPHS)
def test_every_operation_answers_as_documented(case: schemathesis.Case) -> None:
    """Schemathesis's coverage phase plus 20 fuzzed examples per operation, valid and invalid."""
    case.call_and_validate(checks=ALL_CHECKS)


@st.composite
def chart_specs(draw: st.DrawFn) -> dict[str, Any]:
    """Specs that satisfy every rule of chart_spec (the schema cannot say them all: paired
    lengths, pie sums), so each must render: the generic fuzzer rarely builds one."""
    kind = draw(st.sampled_from(["line", "scatter", "bar", "area", "histogram", "pie"]))
    spec: dict[str, Any] = {"kind": kind, "title": draw(label)}
    if kind == "pie":
        values = draw(st.lists(positive, min_size=1, max_size=8))
        spec["series"] = [{"y": values}]
        spec["categories"] = [f"c{i}" for i in range(len(values))]
    elif kind == "bar":
        n = draw(st.integers(1, 12))
        series = draw(st.lists(st.lists(finite, min_size=n, max_size=n), min_size=1, max_size=3))
        spec["series"] = [{"name": f"s{i}", "y": ys} for i, ys in enumerate(series)]
        spec["categories"] = [f"c{i}" for i in range(n)]
        spec["stacked"] = draw(st.booleans())
    else:
        series = draw(st.lists(st.lists(finite, min_size=1, max_size=200), min_size=1, max_size=3))
        spec["series"] = [{"y": ys} for ys in series]
        if kind == "histogram":
            spec["bins"] = draw(st.integers(1, 50))
    return spec


@hypothesis.given(spec=chart_specs(), width=st.integers(50, 1200), height=st.integers(50, 800))
@hypothesis.settings(BOUNDED, max_examples=10)
@pytest.mark.filterwarnings(MISSING_GLYPHS)
def test_valid_specs_render_the_same_from_json_base64url_and_a_body(
    spec: dict[str, Any], width: int, height: int
) -> None:
    """A valid spec gives a 200 image, the same bytes whichever of its three forms is sent."""
    text = json.dumps(spec, separators=(",", ":"))
    encoded = base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")
    size = {"width": width, "height": height}
    get = SCHEMA["/chart"]["GET"]
    cases = [
        get.Case(query={"spec": text, **size}),
        get.Case(query={"spec": encoded, **size}),
        SCHEMA["/chart"]["POST"].Case(query=size, body=spec, media_type="application/json"),
    ]
    bodies = []
    for case in cases:
        response = case.call_and_validate(checks=ALL_CHECKS)
        assert response.status_code == 200, response.content[:500]
        bodies.append(response.content)
    assert bodies[0] == bodies[1] == bodies[2]


@hypothesis.given(config=chartjs_configs(), width=st.integers(1, 600), height=st.integers(1, 400))
@hypothesis.settings(BOUNDED, max_examples=4)
@pytest.mark.filterwarnings(MISSING_GLYPHS)
def test_valid_chartjs_configs_render_the_same_from_a_query_base64_and_a_body(
    config: dict[str, Any], width: int, height: int
) -> None:
    """A QuickChart request gives a 200 image, the same bytes as c, as base64 c, as a body."""
    text = json.dumps(config, separators=(",", ":"))
    encoded = base64.b64encode(text.encode()).decode()
    size = {"w": width, "h": height, "devicePixelRatio": 1}
    get = SCHEMA["/chart"]["GET"]
    cases = [
        get.Case(query={"c": text, **size}),
        get.Case(query={"c": encoded, "encoding": "base64", **size}),
        SCHEMA["/chart"]["POST"].Case(
            body={"chart": config, "width": width, "height": height, "devicePixelRatio": 1},
            media_type="application/json",
        ),
    ]
    bodies = []
    for case in cases:
        response = case.call_and_validate(checks=ALL_CHECKS)
        assert response.status_code == 200, response.headers.get("x-quickchart-error")
        bodies.append(response.content)
    assert bodies[0] == bodies[1] == bodies[2]


def test_every_operation_is_fuzzed() -> None:
    """A route added without reaching the schema (or dropped from it) shows up here."""
    operations = {
        (result.ok().method.upper(), result.ok().path) for result in SCHEMA.get_all_operations()
    }
    assert operations == {
        ("GET", "/sin"),
        ("GET", "/plot"),
        ("GET", "/chart"),
        ("POST", "/chart"),
        ("POST", "/chart/create"),
        ("GET", "/chart/render/{render_id}"),
        ("GET", "/health"),
    }


def test_every_check_is_on() -> None:
    """A check added to schemathesis (an upgrade) is either on here or left out on purpose."""
    load_all_checks()
    on = {check.__name__ for check in ALL_CHECKS}
    # (max_response_time, which asserts wall-clock speed, is configured apart and stays off)
    assert set(CHECKS.get_all_names()) <= on


def test_get_charts_spec_field_variations_are_thinned() -> None:
    """The bound still bites (a schemathesis upgrade that renames its descriptions shows here).

    Collecting this module built every coverage case, so the counts are complete.
    """
    assert openapi_fuzz_bounds.THINNED["positive"] > 50, openapi_fuzz_bounds.THINNED
    assert openapi_fuzz_bounds.THINNED["negative"] > 200, openapi_fuzz_bounds.THINNED


def test_every_excused_rule_says_why() -> None:
    """The hooks excuse only named rules, each with the reason the document cannot say it."""
    for name, rule in openapi_fuzz_hooks.RULES.items():
        assert rule.name == name and len(rule.why) > 20, rule
