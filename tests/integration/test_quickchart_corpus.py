"""Every Chart.js config of QuickChart's documentation (tests/corpus/quickchart_docs.json) and
chartfn's own edge cases (tests/corpus/edge_cases.json) through the app, as QuickChart's users
send them: ``GET /chart?c=`` (POST when the URL would be too long for the edge).

Each docs example renders (200, a PNG of the requested size) unless it is in ``REFUSED`` with
the reason its 400 must give; nothing is ever a 5xx. Rendered small and with the cache off, so
every render is real and the whole corpus stays quick. The counts are in
docs/quickchart-corpus.md.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import httpx
import numpy as np
import pytest
from PIL import Image

from chartfn.app import create_app
from chartfn.settings import Settings
from support import png_size

pytestmark = pytest.mark.anyio

CORPUS_DIR = Path(__file__).resolve().parents[1] / "corpus"
DOCS = json.loads((CORPUS_DIR / "quickchart_docs.json").read_text(encoding="utf-8"))["examples"]
EDGE_CASES = json.loads((CORPUS_DIR / "edge_cases.json").read_text(encoding="utf-8"))["examples"]
SIZE = {"w": 200, "h": 120, "devicePixelRatio": 1}
# API Gateway's edge refuses longer URLs; QuickChart's clients POST past about this length too
MAX_GET_URL = 8000

# Why each refused docs example is refused: the text its 400 must hold.
NOT_DRAWN = "is not supported yet"  # a chart type that needs drawing work (issue 12)
FETCHES = "chartfn fetches no URLs"  # data a plugin would fetch from Google Sheets / Airtable
REFUSED: dict[str, str] = {
    "airtable-1": FETCHES,
    **{f"google-sheets-{i}": FETCHES for i in range(1, 6)},
}
# Round charts whose plugins' text is drawn (chartjs/round_look.py): no warning about them,
# and the text is in the image (checked in tests/unit/test_round_look.py)
ROUND_PLUGINS = {
    "chart-types-5": "doughnutlabel",
    "chart-types-6": "doughnutlabel",
    "custom-pie-doughnut-chart-labels-6": "doughnutlabel",
    "custom-pie-doughnut-chart-labels-7": "outlabels",
    "labels-7": "outlabels",
}
# Drawn by the box-and-violin plugin's rules (drawing/raster/boxplot.py): no warning, and the
# dataset's border colour on the image.
BOX_CHARTS = {"chart-types-12": (56, 123, 45)}
# QuickChart's gauge (chartjs-gauge, drawn as needle_gauge): no warning (its formatter is run),
# and its bands' colours on the image.
NEEDLE_GAUGES = {"chart-types-11": ((0, 128, 0), (255, 165, 0), (255, 0, 0))}
# Sankeys (chartjs-chart-sankey, drawn by drawing/raster/sankey.py): no warning, its nodes in
# the plugin's default colours (red sources, a green target) and its flows between them.
SANKEYS = {"chart-types-14": ((255, 0, 0), (0, 128, 0))}
# Pies with several datasets: drawn as nested rings, no "first dataset" warning.
NESTED_RINGS = {"parameters-1"}
# Bar charts whose line datasets are drawn as lines over the bars (drawing/raster/mixed_bars.py);
# axes-1: a line on its own right axis beside stacked bars.
LINES_OVER_BARS = {"chart-types-16", "intro-2", "axes-1"}
# Bar charts with a second y axis, drawn (no warning about it).
SECOND_AXIS_BARS = {"axes-1"}
# Fills that are gradient or pattern helpers, painted as such (drawing/raster/paint_fill.py):
# bars, polar slices, a progress bar and a sparkline's area; so no warning about them.
PAINTED = {
    "colors-and-backgrounds-2",
    "patterned-backgrounds-1",
    "patterned-backgrounds-2",
    "custom-progress-bar-4",
    "sparkline-api-6",
}
_TYPE = re.compile(r"""^\s*\{\s*["']?type["']?\s*:\s*["'](\w+)["']""")


@pytest.fixture
async def uncached() -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(Settings(cache_max_bytes=0)))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


async def send(client: httpx.AsyncClient, example: dict[str, Any]) -> httpx.Response:
    parameters: dict[str, Any] = {"c": example["config"], **SIZE}
    for key, name in (("version", "v"), ("backgroundColor", "bkg")):
        if key in example:
            parameters[name] = example[key]
    url = "/chart?" + "&".join(f"{k}={quote(str(v), safe='')}" for k, v in parameters.items())
    if len(url) <= MAX_GET_URL:
        return await client.get(url)
    body = {"chart": parameters.pop("c"), **parameters}
    return await client.post("/chart", json=body)


def header(response: httpx.Response, name: str) -> str:
    return unquote(response.headers.get(name, ""))


def assert_image_of_the_requested_size(response: httpx.Response) -> None:
    assert response.headers["content-type"] == "image/png"
    assert png_size(response.content) == (SIZE["w"], SIZE["h"])


def test_the_refusal_list_names_only_examples_in_the_corpus() -> None:
    names = [example["name"] for example in DOCS]
    assert len(names) == len(set(names))
    assert set(REFUSED) <= set(names), set(REFUSED) - set(names)


@pytest.mark.parametrize("example", DOCS, ids=[example["name"] for example in DOCS])
async def test_docs_example(uncached: httpx.AsyncClient, example: dict[str, Any]) -> None:
    response = await send(uncached, example)
    error = header(response, "x-quickchart-error")
    reason = REFUSED.get(example["name"])
    if reason is None:
        assert response.status_code == 200, f"{example['source']}: {error}"
    else:
        assert response.status_code == 400, f"{example['source']} was to be refused: {reason}"
        assert reason in error, error
    assert_image_of_the_requested_size(response)  # an error is drawn at the requested size
    warning = header(response, "x-chart-warning")
    # data labels, their formatters and annotations are drawn (chartjs.overlays)
    assert not re.search(r"not drawn yet: [^;]*(datalabels|annotation)", warning), warning
    assert not re.search(r"not run yet: [^;]*datalabels\.formatter", warning), warning
    if example["name"] in LINES_OVER_BARS:
        assert "datasets of another type" not in warning, warning
    if example["name"] in BOX_CHARTS:
        assert warning == "", warning
        image = np.asarray(Image.open(io.BytesIO(response.content)).convert("RGB")).astype(int)
        border = np.all(np.abs(image - BOX_CHARTS[example["name"]]) <= 8, axis=2)
        assert np.count_nonzero(border) > 50
    if example["name"] in NEEDLE_GAUGES:
        assert warning == "", warning
        image = np.asarray(Image.open(io.BytesIO(response.content)).convert("RGB")).astype(int)
        for color in NEEDLE_GAUGES[example["name"]]:
            assert np.count_nonzero(np.all(np.abs(image - color) <= 8, axis=2)) > 200, color
    if example["name"] in SANKEYS:
        assert warning == "", warning
        image = np.asarray(Image.open(io.BytesIO(response.content)).convert("RGB")).astype(int)
        for color in SANKEYS[example["name"]]:
            assert np.count_nonzero(np.all(np.abs(image - color) <= 8, axis=2)) > 100, color
        # the flows: half-transparent red to green over the (transparent) background
        assert len({tuple(p) for p in image.reshape(-1, 3)}) > 50
    if example["name"] in PAINTED:
        assert re.search(r"getGradientFill|pattern\.draw", example["config"])
        assert "gradient" not in warning and "pattern" not in warning, warning
    if example["name"] in SECOND_AXIS_BARS:
        assert "second y axis" not in warning, warning
    match = _TYPE.match(example["config"])
    if example["name"] in ROUND_PLUGINS:
        assert ROUND_PLUGINS[example["name"]] in example["config"]
        assert ROUND_PLUGINS[example["name"]] not in warning, warning
        assert "outlabeledPie" not in warning, warning
    if example["name"] in NESTED_RINGS:
        assert "first dataset" not in warning, warning
    if reason is None and match and match.group(1) in ("bubble", "sparkline"):  # drawn as itself
        assert match.group(1) not in header(response, "x-chart-warning")


@pytest.mark.parametrize("example", EDGE_CASES, ids=[example["name"] for example in EDGE_CASES])
async def test_edge_case(uncached: httpx.AsyncClient, example: dict[str, Any]) -> None:
    expect = example["expect"]
    response = await send(uncached, example)
    error = header(response, "x-quickchart-error")
    assert response.status_code == expect["status"], error
    assert expect.get("error", "") in error
    assert expect.get("warning", "") in header(response, "x-chart-warning")
    assert_image_of_the_requested_size(response)
