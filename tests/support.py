"""Shared test helpers: event fixtures, a Lambda context, PNG inspection, fresh parameters."""

from __future__ import annotations

import copy
import io
import itertools
import json
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

REPO_ROOT = Path(__file__).resolve().parents[1]
EVENTS_DIR = REPO_ROOT / "events"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def load_event(name: str) -> dict[str, Any]:
    """A fresh copy of ``events/<name>.json``, safe to edit in a test."""
    with (EVENTS_DIR / f"{name}.json").open(encoding="utf-8") as fh:
        return copy.deepcopy(json.load(fh))


@dataclass
class LambdaContext:
    """The attributes of the context object the Python runtime passes to a handler."""

    function_name: str = "ChartFunction"
    function_version: str = "$LATEST"
    invoked_function_arn: str = "arn:aws:lambda:us-east-1:123456789012:function:ChartFunction"
    memory_limit_in_mb: int = 1769
    aws_request_id: str = "c6af9ac6-7b61-11e6-9a41-93e812345678"
    log_group_name: str = "/aws/lambda/ChartFunction"
    log_stream_name: str = "2026/11/26/[$LATEST]abcdef"

    def get_remaining_time_in_millis(self) -> int:
        return 10_000


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) from the IHDR chunk, after checking the signature and chunk type."""
    assert data[:8] == PNG_SIGNATURE, f"not a PNG: {data[:16]!r}"
    assert data[12:16] == b"IHDR", "first chunk is not IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def pixels(data: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(data)) as image:
        return np.asarray(image.convert("RGB")).astype(np.int16)


_fresh = itertools.count(1)


def fresh_amplitudes(n: int) -> list[float]:
    """Amplitudes this test process has not asked for before, so no cache can answer them."""
    return [round(1.0 + next(_fresh) * 0.0137 + 1e-7 * i, 9) for i in range(n)]
