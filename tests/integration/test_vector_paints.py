"""QuickChart's gradients and patterns in SVG and PDF, and on radars, through ``/chart?c=``: SVG
embeds the paint as a PNG of the shape's box clipped to the shape (its colours those of the
gradient at each row), PDF as an image XObject; a radar's area shows its gradient inside its
polygon and nothing outside it; the images a chart may embed are bounded. Rendered with the
cache off and at sizes no other test uses."""

from __future__ import annotations

import base64
import io
import re
import xml.etree.ElementTree as ET
import zlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from urllib.parse import quote, unquote

import httpx
import numpy as np
import pytest
from PIL import Image

from chartfn.app import create_app
from chartfn.models.paint_bounds import MAX_VECTOR_PAINT_IMAGES
from chartfn.settings import Settings

pytestmark = pytest.mark.anyio

WIDTH, HEIGHT = 283, 191
RED, BLUE = (255, 0, 0), (0, 0, 255)
# red at the chart's top, blue at its bottom, whatever the shape
DOWN = "getGradientFill([{offset:0,color:'#ff0000'},{offset:1,color:'#0000ff'}],[0,0,0,'height'])"
BARS = (
    "{type:'bar',data:{labels:['a','b','c'],datasets:[{label:'x',data:[7,3.2,5],"
    "backgroundColor:FILL}]},options:{legend:{display:false}}}"
)
RADAR = (
    "{type:'radar',data:{labels:['a','b','c','d','e'],datasets:[{label:'r',data:[9,4,7,8,3],"
    "borderColor:'#00ff00',backgroundColor:FILL}]},options:{legend:{display:false}}}"
)
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
async def uncached() -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(Settings(cache_max_bytes=0)))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


async def render(client: httpx.AsyncClient, config: str, fmt: str) -> httpx.Response:
    query = f"c={quote(config, safe='')}&w={WIDTH}&h={HEIGHT}&devicePixelRatio=1&f={fmt}"
    response = await client.get(f"/chart?{query}")
    assert response.status_code == 200, unquote(response.headers.get("x-quickchart-error", ""))
    return response


def warning(response: httpx.Response) -> str:
    return unquote(response.headers.get("x-chart-warning", ""))


@dataclass
class EmbeddedImage:
    pixels: np.ndarray  # RGBA, rows as stored (the first row is the image's bottom)
    matrix: tuple[float, ...]  # a, b, c, d, e, f: image space to the SVG's
    clip: list[np.ndarray] | None  # the clip path's polygons (SVG coordinates)

    def extent(self) -> tuple[float, float, float, float]:
        a, _, _, d, e, f = self.matrix
        rows, columns = self.pixels.shape[:2]
        return e, f + d * rows, e + a * columns, f

    def row_y(self, row: int) -> float:
        """The SVG y (down from the top) of a stored row's centre."""
        return self.matrix[3] * (row + 0.5) + self.matrix[5]


def polygons(d: str) -> list[np.ndarray]:
    """A path's ``d`` (M/L/z as matplotlib writes them) as its polygons."""
    found = []
    for part in re.split(r"M", d)[1:]:
        numbers = [float(v) for v in re.findall(r"-?[\d.]+(?:e-?\d+)?", part)]
        found.append(np.array(numbers).reshape(-1, 2))
    return found


def svg_images(svg: str) -> tuple[list[EmbeddedImage], float]:
    """The embedded images with their clip paths, and the SVG's height."""
    root = ET.fromstring(svg)
    clips = {}
    for clip in root.iter(f"{SVG}clipPath"):
        path = clip.find(f"{SVG}path")  # clip rectangles are <rect>s
        if path is not None:
            clips[clip.get("id")] = polygons(path.get("d", ""))
    found = []
    for group in root.iter(f"{SVG}g"):
        for child in group:
            if child.tag != f"{SVG}image":
                continue
            href = child.get("{http://www.w3.org/1999/xlink}href", "")
            data = base64.b64decode(href.split(",", 1)[1])
            pixels = np.asarray(Image.open(io.BytesIO(data)).convert("RGBA")).astype(int)
            matrix = re.fullmatch(r"matrix\((.*)\)", child.get("transform", ""))
            assert matrix is not None
            clip_ref = re.fullmatch(r"url\(#(.*)\)", group.get("clip-path", ""))
            clip = clips[clip_ref.group(1)] if clip_ref else None
            values = tuple(float(v) for v in matrix.group(1).split())
            found.append(EmbeddedImage(pixels, values, clip))
    height = float(root.get("viewBox", "").split()[3])
    return found, height


def lerp(t: float) -> np.ndarray:
    return np.array(RED) + (np.array(BLUE) - np.array(RED)) * t


def assert_rows_follow_the_gradient(image: EmbeddedImage, height: float) -> None:
    """Every opaque pixel has the gradient's colour at its row: red at the SVG's top, blue at
    its bottom."""
    opaque = image.pixels[..., 3] == 255
    rows = np.nonzero(opaque.any(axis=1))[0]
    assert len(rows) > 10
    for row in rows:
        expected = lerp(image.row_y(int(row)) / height)
        colours = image.pixels[row][opaque[row], :3]
        assert np.abs(colours - expected).max() <= 2, (row, colours[0], expected)
    top, bottom = (
        image.pixels[rows[-1]][opaque[rows[-1]]][0],
        image.pixels[rows[0]][opaque[rows[0]]][0],
    )
    assert top[0] - bottom[0] > 40 and bottom[2] - top[2] > 40  # redder above, bluer below


def assert_clip_fills_the_image(image: EmbeddedImage, unit: float) -> None:
    """The clip path lies within the image, touching its edges (within a frame pixel)."""
    assert image.clip is not None
    points = np.concatenate(image.clip)
    x0, y0, x1, y1 = image.extent()
    clip = (points[:, 0].min(), points[:, 1].min(), points[:, 0].max(), points[:, 1].max())
    assert clip[0] >= x0 - 1e-6 and clip[1] >= y0 - 1e-6
    assert clip[2] <= x1 + 1e-6 and clip[3] <= y1 + 1e-6
    assert max(clip[0] - x0, clip[1] - y0, x1 - clip[2], y1 - clip[3]) < unit


# one frame pixel in SVG points: 100 dpi (devicePixelRatio 1) is 0.72 pt a pixel
UNIT = 0.72


async def test_svg_bars_embed_their_gradient_clipped_to_the_bars(
    uncached: httpx.AsyncClient,
) -> None:
    response = await render(uncached, BARS.replace("FILL", DOWN), "svg")
    assert "one colour" not in warning(response)
    images, height = svg_images(response.text)
    (bars,) = images  # the three bars share one image; the legend is off
    assert bars.clip is not None and len(bars.clip) == 3  # a rectangle per bar
    assert all(len(np.unique(p, axis=0)) == 4 for p in bars.clip)
    assert_clip_fills_the_image(bars, UNIT)
    assert_rows_follow_the_gradient(bars, height)


async def test_svg_radar_area_embeds_its_gradient_clipped_to_its_polygon(
    uncached: httpx.AsyncClient,
) -> None:
    response = await render(uncached, RADAR.replace("FILL", DOWN), "svg")
    assert warning(response) == ""
    images, height = svg_images(response.text)
    (area,) = images
    assert area.clip is not None and len(area.clip) == 1
    assert len(np.unique(area.clip[0], axis=0)) == 5  # a vertex per spoke
    assert_clip_fills_the_image(area, UNIT)
    assert_rows_follow_the_gradient(area, height)


async def test_svg_line_area_embeds_its_gradient_clipped_to_the_area(
    uncached: httpx.AsyncClient,
) -> None:
    """The area from b to d (nulls at a and e): its clip path reaches neither the plot's
    left nor its right (a closing vertex taken for a corner would pull it there)."""
    line = (
        "{type:'line',data:{labels:['a','b','c','d','e'],datasets:[{data:[null,3,5,2,null],"
        "borderColor:'rgba(0,0,0,0)',backgroundColor:FILL}]},options:{legend:{display:false}}}"
    )
    response = await render(uncached, line.replace("FILL", DOWN), "svg")
    assert warning(response) == ""
    images, height = svg_images(response.text)
    (area,) = images
    assert area.clip is not None and len(area.clip) == 1
    assert_clip_fills_the_image(area, UNIT)
    assert_rows_follow_the_gradient(area, height)
    x0, _, x1, _ = area.extent()
    width = WIDTH * UNIT
    assert 0.2 * width < x0 and x1 < 0.8 * width and x1 - x0 < 0.5 * width


async def test_svg_patterns_are_embedded_not_filled_in_their_background(
    uncached: httpx.AsyncClient,
) -> None:
    stripes = "pattern.draw('line','#ff0000','#0000ff',10)"
    response = await render(uncached, BARS.replace("FILL", stripes), "svg")
    assert warning(response) == ""
    assert "fill: #ff0000" not in response.text
    (bars,), _ = svg_images(response.text)
    opaque = bars.pixels[bars.pixels[..., 3] == 255][:, :3]
    assert (
        (np.abs(opaque - RED).max(axis=1) <= 8).sum()
        > (np.abs(opaque - BLUE).max(axis=1) <= 8).sum()
        > 0
    )


def pdf_rgb_images(pdf: bytes) -> list[np.ndarray]:
    """The PDF's DeviceRGB image XObjects (Flate, PNG predictors, as matplotlib writes them),
    decompressed with zlib and unfiltered; rows from the top."""
    found = []
    head = rb"/Subtype /Image /Width (\d+) /Height (\d+)\s*/ColorSpace /DeviceRGB.*?stream\r?\n"
    for match in re.finditer(head, pdf, re.S):
        width, height = int(match.group(1)), int(match.group(2))
        stream = pdf[match.end() : pdf.index(b"endstream", match.end())]
        raw = zlib.decompressobj().decompress(stream)
        found.append(_unfilter(raw, width, height, 3))
    return found


def _unfilter(raw: bytes, width: int, height: int, channels: int) -> np.ndarray:
    """PNG's row filters undone (each row: a filter byte, then the row)."""
    stride = width * channels
    rows = np.frombuffer(raw, dtype=np.uint8).reshape(height, stride + 1)
    out = np.zeros((height, stride), dtype=np.int64)
    for r in range(height):
        kind, line = rows[r, 0], rows[r, 1:].astype(np.int64)
        above = out[r - 1] if r else np.zeros(stride, dtype=np.int64)
        if kind in (0, 2):
            out[r] = (line + (above if kind == 2 else 0)) % 256
            continue
        for i in range(stride):
            left = out[r, i - channels] if i >= channels else 0
            corner = above[i - channels] if i >= channels else 0
            if kind == 1:
                predicted = left
            elif kind == 3:
                predicted = (left + above[i]) // 2
            else:  # Paeth
                p = left + above[i] - corner
                pa, pb, pc = abs(p - left), abs(p - above[i]), abs(p - corner)
                predicted = left if pa <= pb and pa <= pc else above[i] if pb <= pc else corner
            out[r, i] = (line[i] + predicted) % 256
    return out.reshape(height, width, channels)


async def test_pdf_holds_the_gradient_as_an_image(uncached: httpx.AsyncClient) -> None:
    # three stops across the chart's diagonal: over 256 colours, which matplotlib keeps RGB
    across = (
        "getGradientFill([{offset:0,color:'#ff0000'},{offset:0.5,color:'#00ff00'},"
        "{offset:1,color:'#0000ff'}],[0,0,'width','height'])"
    )
    response = await render(uncached, BARS.replace("FILL", across), "pdf")
    assert warning(response) == ""
    (image,) = pdf_rgb_images(response.content)
    assert image.shape[0] > 50 and image.shape[1] > 100
    # the bars' pixels (the image is transparent between them, which its soft mask says)
    bars = image[image.sum(axis=-1) > 0]
    assert len(np.unique(bars, axis=0)) > 256
    # every colour lies on the stops' path: red to green, then green to blue
    assert (np.minimum(bars[:, 0], bars[:, 2]) <= 1).all()
    assert np.abs(bars.sum(axis=-1) - 255).max() <= 2
    top_left, bottom_right = image[0, 0], image[-1, -1]
    assert top_left[0] > 100 and top_left[2] == 0 and bottom_right[2] > 100


def pixels(response: httpx.Response) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(response.content)).convert("RGBA")).astype(int)


async def test_png_radar_shows_its_gradient_inside_its_polygon_and_nothing_outside(
    uncached: httpx.AsyncClient,
) -> None:
    painted = await render(uncached, RADAR.replace("FILL", DOWN), "png")
    assert warning(painted) == ""
    image = pixels(painted)
    # the same radar with a green area: its area, outline and points are green
    solid = pixels(await render(uncached, RADAR.replace("FILL", "'#00ff00'"), "png"))
    green = (solid[..., 3] > 0) & (solid[..., 1] - np.maximum(solid[..., 0], solid[..., 2]) > 60)
    near_green = green.copy()
    for dy, dx in ((0, 1), (0, -1), (1, 0), (-1, 0)):
        near_green |= np.roll(green, (dy, dx), axis=(0, 1))
    changed = (image != solid).any(axis=-1)
    assert changed.any()
    assert not (changed & ~near_green).any()  # nothing outside the polygon
    area = changed & (image[..., 3] == 255) & (image[..., 1] <= 2)
    rows = np.nonzero(area.any(axis=1))[0]
    for row in rows:
        expected = lerp((row + 0.5) / HEIGHT)
        assert np.abs(image[row][area[row], :3] - expected).max() <= 3, row
    top, bottom = image[rows[0]][area[rows[0]]][0], image[rows[-1]][area[rows[-1]]][0]
    # both ends show inside it: reds above, blues below
    assert top[0] > top[2] + 100 and bottom[2] > bottom[0] + 100


async def test_a_radars_outline_takes_its_pattern_in_every_format(
    uncached: httpx.AsyncClient,
) -> None:
    config = RADAR.replace("'#00ff00'", "pattern.draw('line','#ff0000','#0000ff',10)").replace(
        "FILL", "'rgba(0,0,0,0)'"
    )
    image = pixels(await render(uncached, config, "png"))
    red = (np.abs(image[..., :3] - RED).max(axis=-1) <= 8) & (image[..., 3] == 255)
    blue = (np.abs(image[..., :3] - BLUE).max(axis=-1) <= 8) & (image[..., 3] == 255)
    assert red.sum() > blue.sum() > 0
    response = await render(uncached, config, "svg")
    assert warning(response) == ""
    (outline,), _ = svg_images(response.text)
    assert outline.clip is None  # a stroke's image carries its coverage as alpha
    covered = outline.pixels[..., 3] > 0
    assert 0 < covered.mean() < 0.5


async def test_the_images_a_vector_chart_embeds_are_bounded(uncached: httpx.AsyncClient) -> None:
    # two rings of 100 slices, each in its own pattern
    count = 100
    sizes = ",".join(f"pattern.draw('dot','#ff0000','#0000ff',{5 + i})" for i in range(count))
    labels = ",".join(str(i) for i in range(count))
    ring = f"{{data:[{','.join('1' for _ in range(count))}],backgroundColor:[{sizes}]}}"
    config = f"{{type:'doughnut',data:{{labels:[{labels}],datasets:[{ring},{ring}]}}}}"
    response = await render(uncached, config, "svg")
    assert f"at most {MAX_VECTOR_PAINT_IMAGES} shapes" in warning(response)
    assert response.text.count("<image") == MAX_VECTOR_PAINT_IMAGES
    assert "at most" not in warning(await render(uncached, config, "png"))


async def test_a_radars_legend_box_shows_its_areas_gradient(uncached: httpx.AsyncClient) -> None:
    """Chart.js fills a radar's legend box with the dataset's backgroundColor: near the top
    of the chart a red-to-blue gradient is red there, where a green area's box is green."""
    shown = RADAR.replace(",options:{legend:{display:false}}", "")
    image = pixels(await render(uncached, shown.replace("FILL", DOWN), "png"))
    solid = pixels(await render(uncached, shown.replace("FILL", "'#00ff00'"), "png"))
    legend = slice(0, HEIGHT // 8)  # the legend's row above the radar
    changed = (image[legend] != solid[legend]).any(axis=-1)
    assert changed.any()
    box = image[legend][changed & (image[legend][..., 3] == 255)][:, :3]
    reddish = (box[:, 0] > 200) & (box[:, 1] <= 2) & (box[:, 2] < 60)
    assert reddish.sum() > 20
