"""QuickChart's gradient helpers on bars, through ``/chart?c=``: the bars are painted with the
gradient as a canvas paints it, across the whole chart, so each end of a bar shows the
gradient's colour at that height (or width) of the image; and they cover the pixels the same
bars cover in one colour (SVG and PDF: tests/integration/test_vector_paints.py). Rendered with
the cache off and at sizes no other test uses."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from urllib.parse import quote

import httpx
import numpy as np
import pytest
from PIL import Image

from chartfn.app import create_app
from chartfn.settings import Settings

pytestmark = pytest.mark.anyio

WIDTH, HEIGHT = 311, 217
VERTICAL = (
    "{type:'bar',data:{labels:['a','b','c'],datasets:[{data:[7,3.2,-2],backgroundColor:FILL}]}}"
)
# a bar chart with a line dataset: its bars are drawn by drawing/raster/mixed_bars.py
MIXED = VERTICAL.replace(
    "backgroundColor:FILL}", "backgroundColor:FILL},{type:'line',data:[5,1.5,-1],fill:false}"
)
HORIZONTAL = (
    "{type:'horizontalBar',data:{labels:['a','b'],datasets:[{data:[9,4],"
    "backgroundColor:FILL}]},options:{scales:{xAxes:[{ticks:{min:-3}}]}}}"
)


@pytest.fixture
async def uncached() -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(Settings(cache_max_bytes=0)))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


async def render(client: httpx.AsyncClient, config: str) -> httpx.Response:
    query = f"c={quote(config, safe='')}&w={WIDTH}&h={HEIGHT}&devicePixelRatio=1"
    response = await client.get(f"/chart?{query}")
    assert response.status_code == 200, response.headers.get("x-quickchart-error")
    return response


def pixels(response: httpx.Response) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(response.content)).convert("RGBA")).astype(int)


def colourful(image: np.ndarray) -> np.ndarray:
    """Where the image is neither white nor the axes' greys: the bars."""
    rgb = image[..., :3]
    return (rgb.max(axis=-1) - rgb.min(axis=-1)) > 60


def lerp(start: tuple[int, ...], end: tuple[int, ...], t: float) -> np.ndarray:
    return np.array(start) + (np.array(end) - np.array(start)) * t


@pytest.mark.parametrize("template", [VERTICAL, MIXED], ids=["bars", "bars-and-a-line"])
async def test_vertical_bars_show_the_gradient_down_the_chart_at_each_end(
    uncached: httpx.AsyncClient, template: str
) -> None:
    fill = "getGradientFillHelper('vertical',['#ff0000','#0000ff'])"
    response = await render(uncached, template.replace("FILL", fill))
    assert "gradient" not in response.headers.get("x-chart-warning", "")
    image = pixels(response)
    solid = pixels(await render(uncached, template.replace("FILL", "'#ff0000'")))
    bars = colourful(image)
    assert np.array_equal(bars, colourful(solid))  # the same bars, only their paint differs
    columns = np.nonzero(bars.any(axis=0))[0]
    for column in (columns[0] + 3, columns[-1] - 3):  # inside the first and the last bar
        rows = np.nonzero(bars[:, column])[0]
        # a pixel in from each end: the plot's border and grid lines are drawn over the edges
        for row in (rows[0] + 1, rows[-1] - 1):
            t = (row + 0.5) / HEIGHT  # [0, 0, 0, height]: red at the top, blue at the bottom
            expected = lerp((255, 0, 0), (0, 0, 255), t)
            assert np.abs(image[row, column, :3] - expected).max() <= 2, (row, column)
    assert image[rows[0], column, 0] - image[rows[-1], column, 0] > 20


async def test_horizontal_bars_show_a_gradient_of_several_stops_across_the_chart(
    uncached: httpx.AsyncClient,
) -> None:
    stops = "[{offset:0,color:'#ff0000'},{offset:0.5,color:'#00ff00'},{offset:1,color:'#0000ff'}]"
    fill = f"getGradientFill({stops},[0,0,'width',0])"
    image = pixels(await render(uncached, HORIZONTAL.replace("FILL", fill)))
    bars = colourful(image)
    rows = np.nonzero(bars.any(axis=1))[0]
    row = rows[0] + 3
    columns = np.nonzero(bars[row])[0]
    for column in (columns[0] + 1, columns[-1] - 1):
        t = (column + 0.5) / WIDTH
        expected = (
            lerp((255, 0, 0), (0, 255, 0), t / 0.5)
            if t <= 0.5
            else lerp((0, 255, 0), (0, 0, 255), (t - 0.5) / 0.5)
        )
        assert np.abs(image[row, column, :3] - expected).max() <= 2, column


async def test_a_gradient_chart_leaves_nothing_behind_for_the_next(
    uncached: httpx.AsyncClient,
) -> None:
    plain = VERTICAL.replace("FILL", "'#36a2eb'").replace("7,", "7.5,")
    fresh = (await render(uncached, plain)).content
    fill = "getGradientFillHelper('horizontal',['#ff0000','#0000ff'])"
    await render(uncached, VERTICAL.replace("FILL", fill).replace("7,", "7.5,"))
    assert (await render(uncached, plain)).content == fresh
