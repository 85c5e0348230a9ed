"""Existing /sin URLs keep their pixels: new options, fonts and themes must not change them.

The expected values are SHA-256 digests of the decoded RGB pixels (not of the PNG bytes, whose
compression could differ with the zlib build) rendered by the pinned matplotlib. A change that
alters them on purpose bumps ``RENDER_VERSION`` (so ETags change too) and regenerates them:
``python tests/unit/test_golden_images.py``.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

from chartfn.chart_service import RENDER_VERSION
from chartfn.drawing.sine_renderer import SineRenderer, StaticLayers
from chartfn.models.output_options import OutputOptions
from chartfn.models.sine import SineChart
from support import pixels

GOLDEN = Path(__file__).with_name("golden_sin_pixels.json")
CHARTS = [(1, 1), (2, 3), (0.5, 3), (-4.25, 0.75), (1e6, 100), (0, 1)]


def pixel_digest(amplitude: float, frequency: float) -> str:
    # painted from scratch: no kept layer, whatever the process drew before
    renderer = SineRenderer(StaticLayers(max_bytes=0))
    png = renderer.render(SineChart(amplitude, frequency).line_chart(), OutputOptions())
    return hashlib.sha256(pixels(png).astype("uint8").tobytes()).hexdigest()


@pytest.mark.parametrize(("amplitude", "frequency"), CHARTS)
def test_sine_pixels_are_unchanged(amplitude: float, frequency: float) -> None:
    golden = json.loads(GOLDEN.read_text())
    assert golden["render_version"] == RENDER_VERSION, "RENDER_VERSION changed: regenerate"
    assert pixel_digest(amplitude, frequency) == golden["digests"][f"{amplitude},{frequency}"]


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "function"))
    digests = {f"{a},{f}": pixel_digest(a, f) for a, f in CHARTS}
    GOLDEN.write_text(json.dumps({"render_version": RENDER_VERSION, "digests": digests}, indent=1))
    print(f"wrote {GOLDEN}")
