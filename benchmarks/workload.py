"""Shared by every benchmark: paths, the seeded chart workload, Lambda events and checks."""

from __future__ import annotations

import base64
import copy
import json
import random
import statistics
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
FUNCTION_DIR = REPO / "function"
EVENT_PATH = REPO / "events" / "http_api_sin.json"
NAIVE_APP_DIR = BENCH_DIR / "naive_app"

SEED = 2026
WARMUP_SEED = 7
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

Pair = tuple[float, float]

# the tests' Lambda context, so the benchmark calls the handler exactly as the tests do
sys.path.insert(0, str(REPO / "tests"))
from support import LambdaContext  # noqa: E402

__all__ = ["LambdaContext"]


def chart_pairs(n: int, seed: int = SEED, exclude: Iterable[Pair] = ()) -> list[Pair]:
    """``n`` unique (amplitude, frequency) pairs: A in [0.5, 5], f in [0.5, 8], 3 decimals."""
    rng = random.Random(seed)
    seen = set(exclude)
    pairs: list[Pair] = []
    while len(pairs) < n:
        pair = (round(rng.uniform(0.5, 5.0), 3), round(rng.uniform(0.5, 8.0), 3))
        if pair not in seen:
            seen.add(pair)
            pairs.append(pair)
    return pairs


def load_event_template() -> dict[str, Any]:
    with EVENT_PATH.open(encoding="utf-8") as fh:
        event: dict[str, Any] = json.load(fh)
    return event


def sin_event(
    template: Mapping[str, Any], pair: Pair, if_none_match: str | None = None
) -> dict[str, Any]:
    """A copy of the HTTP API event for ``GET /sin?amplitude=A&frequency=f``."""
    amplitude, frequency = pair
    event = copy.deepcopy(dict(template))
    event["rawQueryString"] = f"amplitude={amplitude}&frequency={frequency}"
    event["queryStringParameters"] = {"amplitude": str(amplitude), "frequency": str(frequency)}
    if if_none_match is not None:
        event["headers"]["if-none-match"] = if_none_match
    return event


def header(response: Mapping[str, Any], name: str) -> str | None:
    for key, value in (response.get("headers") or {}).items():
        if key.lower() == name:
            return str(value)
    return None


def check_png(response: Mapping[str, Any]) -> bytes:
    """The PNG of a 200 handler response; raises if the response is anything else."""
    if response.get("statusCode") != 200:
        raise RuntimeError(f"expected 200, got {response.get('statusCode')}: {response}")
    body = response.get("body") or ""
    data = base64.b64decode(body) if response.get("isBase64Encoded") else body.encode("latin-1")
    if not data.startswith(PNG_SIGNATURE):
        raise RuntimeError(f"200 response body is not a PNG: {data[:16]!r}")
    return data


def check_not_modified(response: Mapping[str, Any]) -> None:
    if response.get("statusCode") != 304 or response.get("body"):
        raise RuntimeError(f"expected an empty 304, got {response.get('statusCode')}")


def median(values: Iterable[float]) -> float:
    return statistics.median(list(values))


def discard_service_logs() -> None:
    """Keep chartfn's one-JSON-line-per-request logging (formatting and writing are part of a
    request's cost on Lambda) but write the lines to /dev/null instead of this report."""
    import logging
    import os

    for handler in logging.getLogger("chartfn").handlers:
        if isinstance(handler, logging.StreamHandler):
            handler.setStream(open(os.devnull, "w"))  # noqa: SIM115 (lives as long as the run)
