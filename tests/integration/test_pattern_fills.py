"""QuickChart's ``pattern.draw`` (patternomaly) and gradients beyond bars, through
``/chart?c=``: the pattern's tile repeats from the image's top left in CSS pixels (times the
device pixel ratio), as a CanvasPattern does, on bars, slices and progress bars (legend boxes:
tests/unit/test_paint_fill.py); a line area and a line take a gradient laid over the whole
chart. Rendered with the cache off and at sizes no other test uses."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from urllib.parse import quote, unquote

import httpx
import numpy as np
import pytest
from PIL import Image

from chartfn.app import create_app
from chartfn.settings import Settings

pytestmark = pytest.mark.anyio

WIDTH, HEIGHT = 347, 229
RED, BLUE, GREEN = (255, 0, 0), (0, 0, 255), (0, 255, 0)
# 'line' at size 10: the tile is red with blue lines 1 px wide at y = 2.5 and 7.5
LINES = "pattern.draw('line','#ff0000','#0000ff',10)"
BARS = (
    "{type:'bar',data:{labels:['a','b','c'],datasets:[{label:'x',data:[7,3.2,5],"
    "backgroundColor:FILL}]},options:{legend:{display:false}}}"
)


@pytest.fixture
async def uncached() -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(Settings(cache_max_bytes=0)))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


async def render(
    client: httpx.AsyncClient, config: str, ratio: int = 1, **extra: str
) -> httpx.Response:
    query = f"c={quote(config, safe='')}&w={WIDTH}&h={HEIGHT}&devicePixelRatio={ratio}"
    query += "".join(f"&{k}={v}" for k, v in extra.items())
    return await client.get(f"/chart?{query}")


def pixels(response: httpx.Response) -> np.ndarray:
    assert response.status_code == 200, unquote(response.headers.get("x-quickchart-error", ""))
    return np.asarray(Image.open(io.BytesIO(response.content)).convert("RGBA")).astype(int)


def near(image: np.ndarray, color: tuple[int, int, int], tolerance: int = 8) -> np.ndarray:
    return np.abs(image[..., :3] - np.array(color)).max(axis=-1) <= tolerance


def warning(response: httpx.Response) -> str:
    return unquote(response.headers.get("x-chart-warning", ""))


@pytest.mark.parametrize("ratio", [1, 2])
async def test_bars_repeat_the_tile_from_the_top_left_of_the_image(
    uncached: httpx.AsyncClient, ratio: int
) -> None:
    response = await render(uncached, BARS.replace("FILL", LINES), ratio)
    assert "pattern" not in warning(response)
    image = pixels(response)
    solid = pixels(await render(uncached, BARS.replace("FILL", "'#ff0000'"), ratio))
    bars = near(solid, RED)
    painted = near(image, RED) | near(image, BLUE)
    assert np.array_equal(painted, bars)  # the same bars, only their paint differs
    column = np.nonzero(bars.any(axis=0))[0][0] + 3 * ratio  # inside the first bar
    rows = np.nonzero(bars[:, column])[0][2 * ratio : -2 * ratio]  # off its edges' lines
    blue_rows = {int(r) % (10 * ratio) for r in rows if near(image[r, column], BLUE)}
    # the lines cover y = 2 … 3 and 7 … 8 CSS px of every 10 from the image's top
    assert blue_rows == {r for r in range(10 * ratio) if (r // ratio) in (2, 7)}
    assert blue_rows and len(rows) > 30 * ratio


async def test_every_shape_draws_both_colours_on_the_bars_and_differs_from_the_others(
    uncached: httpx.AsyncClient,
) -> None:
    from chartfn.models.fill_pattern import PATTERN_SHAPES

    seen: dict[bytes, str] = {}
    for shape in PATTERN_SHAPES:
        fill = f"pattern.draw('{shape}','#ff0000','#0000ff',14)"
        image = pixels(await render(uncached, BARS.replace("FILL", fill)))
        assert near(image, RED).sum() > 200 and near(image, BLUE, 60).sum() > 20, shape
        seen.setdefault(image.tobytes(), shape)
    assert len(seen) == len(PATTERN_SHAPES)


async def test_slices_take_their_own_pattern_or_colour(uncached: httpx.AsyncClient) -> None:
    config = (
        "{type:'polarArea',data:{labels:['p','g'],datasets:[{data:[5,5],backgroundColor:"
        f"[{LINES},'#00ff00']}}]}},options:{{legend:{{display:false}}}}}}"
    )
    response = await render(uncached, config)
    assert "pattern" not in warning(response)
    image = pixels(response)
    assert near(image, BLUE).sum() > 50 and near(image, RED).sum() > 500
    assert near(image, GREEN).sum() > 500  # the plain slice keeps its colour
    pie = config.replace("polarArea", "pie").replace(f"[{LINES},'#00ff00']", LINES)
    image = pixels(await render(uncached, pie))
    assert near(image, BLUE).sum() > 200 and not near(image, GREEN).any()


async def test_a_progress_bar_and_its_track_take_their_patterns(
    uncached: httpx.AsyncClient,
) -> None:
    config = (
        "{type:'progressBar',data:{datasets:[{data:[60],backgroundColor:" + LINES + "},"
        "{data:[100],backgroundColor:pattern.draw('line','#00ff00','#0000ff',10)}]}}"
    )
    response = await render(uncached, config)
    assert "pattern" not in warning(response)
    image = pixels(response)
    bar, track = image[:, : WIDTH // 2], image[:, -WIDTH // 5 :]  # the bar ends at 60 %
    for part, color in ((bar, RED), (bar, BLUE), (track, GREEN), (track, BLUE)):
        assert near(part, color).sum() > 100, color


async def test_a_line_area_and_its_line_show_gradients_over_the_chart(
    uncached: httpx.AsyncClient,
) -> None:
    config = (
        "{type:'line',data:{labels:[1,2,3,4],datasets:[{data:[10,10,10,10],fill:true,"
        "pointRadius:0,borderWidth:4,"
        "backgroundColor:getGradientFillHelper('vertical',['#ff0000','#0000ff']),"
        "borderColor:getGradientFillHelper('horizontal',['#00ff00','#0000ff'])}]},"
        "options:{legend:{display:false},scales:{yAxes:[{ticks:{min:0,max:11}}]}}}"
    )
    response = await render(uncached, config)
    assert "gradient" not in warning(response)
    image = pixels(response)
    column = WIDTH // 2
    for row in (HEIGHT // 2, HEIGHT - 40):  # inside the area, between grid lines
        if np.abs(image[row, column, :3] - image[row - 1, column, :3]).max() > 20:
            row -= 3  # a grid line: a row above it
        t = (row + 0.5) / HEIGHT
        expected = np.array(RED) + (np.array(BLUE) - np.array(RED)) * t
        assert np.abs(image[row, column, :3] - expected).max() <= 3, row
    # the line: green at the left of the image turning blue at the right
    top = np.nonzero((image[:, :, 1] > 100) & (image[:, :, 0] < 60))[0]
    assert len(top) > 0
    row = int(np.median(top))
    left, right = image[row, 50, :3], image[row, WIDTH - 20, :3]
    assert left[1] > left[2] and right[2] > right[1], (left, right)


@pytest.mark.parametrize(
    ("fill", "where"),
    [
        ("pattern.draw('hexagon','red')", r"backgroundColor (pattern shape)"),
        ("pattern.draw('dot','red','blue',0.5)", "backgroundColor (pattern size)"),
        ("pattern.draw('dot','not-a-colour')", "backgroundColor (pattern backgroundColor)"),
        ("[pattern.draw('dot','red','#12345')]", "backgroundColor[0] (pattern patternColor)"),
    ],
)
async def test_a_pattern_chartjs_could_not_paint_is_a_400_naming_its_path(
    uncached: httpx.AsyncClient, fill: str, where: str
) -> None:
    response = await render(uncached, BARS.replace("FILL", fill))
    assert response.status_code == 400
    assert f"data.datasets[0].{where}" in unquote(response.headers["x-quickchart-error"])
