"""Fuzz every operation of the HTTP API from the app's own OpenAPI document (schemathesis).

Schemathesis generates requests from ``/openapi.json`` (valid ones and, in negative mode, ones
that break the schema) and sends them to the ASGI app in process. Every response must:

- not be a 5xx (the README promises that nothing gets a 500);
- have a documented status code and a documented content type, and a JSON body that matches
  the documented schema;
- for image content types, start with that format's magic bytes (a mislabelled or truncated
  image would pass the schema checks, which cannot look inside binary bodies).

The run is bounded and reproducible: a fixed number of examples per operation, a derandomized
Hypothesis, no deadline (a 3000×3000 render takes a while and is still correct).
"""

from __future__ import annotations

import base64
import json
from typing import Any

import hypothesis
import pytest
import schemathesis
from hypothesis import HealthCheck
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
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
APP = create_app(Settings(cache_max_bytes=0))
SCHEMA = schemathesis.openapi.from_asgi("/openapi.json", APP)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    response_headers_conformance,
    response_schema_conformance,
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


ALL_CHECKS = [*CHECKS, content_type_conformance, image_magic_bytes, error_body_shape]
BOUNDED = hypothesis.settings(
    deadline=None,  # a 3000×3000 PDF takes seconds and is still a right answer
    derandomize=True,  # the same examples on every run: a failure reproduces, CI time is stable
    database=None,  # nothing written under the repository
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
# Glyphs outside the bundled fonts (fuzzed titles) are drawn as boxes: a warning, not an error.
MISSING_GLYPHS = "ignore:Glyph .* missing from font"


@SCHEMA.parametrize()
@hypothesis.settings(BOUNDED, max_examples=60)
@pytest.mark.filterwarnings(MISSING_GLYPHS)
def test_every_operation_answers_as_documented(case: schemathesis.Case) -> None:
    """Schemathesis's coverage phase plus 60 fuzzed examples per operation, valid and invalid."""
    case.call_and_validate(checks=ALL_CHECKS)


finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
positive = st.floats(min_value=1e-3, max_value=1e6, allow_nan=False, allow_infinity=False)
label = st.text(st.characters(codec="utf-8", categories=["L", "N", "Zs"]), max_size=20)


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
@hypothesis.settings(BOUNDED, max_examples=25)
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


@st.composite
def chartjs_configs(draw: st.DrawFn) -> dict[str, Any]:
    """Chart.js configs of the types the translation draws, each valid, so each must render."""
    kind = draw(st.sampled_from(["bar", "line", "pie", "doughnut", "scatter"]))
    n = draw(st.integers(1, 8))
    count = 1 if kind in ("pie", "doughnut") else draw(st.integers(1, 3))
    values = positive if kind in ("pie", "doughnut") else finite
    datasets: list[dict[str, Any]] = []
    for i in range(count):
        ys = draw(st.lists(values, min_size=n, max_size=n))
        data: list[Any] = [{"x": x, "y": y} for x, y in enumerate(ys)] if kind == "scatter" else ys
        datasets.append({"label": draw(label), "data": data, "backgroundColor": f"#{i + 1}a{i}"})
    title = {"display": True, "text": draw(label)}
    return {
        "type": kind,
        "data": {"labels": [f"c{i}" for i in range(n)], "datasets": datasets},
        "options": {"title": title, "plugins": {"title": title}},
    }


@hypothesis.given(config=chartjs_configs(), width=st.integers(1, 600), height=st.integers(1, 400))
@hypothesis.settings(BOUNDED, max_examples=10)
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
