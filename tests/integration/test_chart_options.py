"""Options every chart endpoint takes, over HTTP: formats, negotiation, size, errors as images."""

from __future__ import annotations

import io
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from PIL import Image

from chartfn.app import create_app
from chartfn.models import formula_chart
from chartfn.models import output_options as output
from chartfn.models.formula import MAX_FORMULA_LENGTH, MAX_NODES, FormulaWork, parse_formula
from chartfn.settings import Settings
from support import fresh_amplitudes, png_size

pytestmark = pytest.mark.anyio
BROWSER_IMG_ACCEPT = "image/avif,image/webp,image/apng,image/*,*/*;q=0.8"
MAGIC = {
    "png": (b"\x89PNG\r\n\x1a\n",),
    "svg": (b"<?xml", b"<svg"),
    "pdf": (b"%PDF-",),
    "webp": (b"RIFF",),
    "jpeg": (b"\xff\xd8\xff",),
}


async def client_for(app: FastAPI) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")


def uncached_app() -> FastAPI:
    return create_app(Settings(cache_max_bytes=0))


@pytest.mark.parametrize("fmt", list(output.MEDIA_TYPES))
@pytest.mark.parametrize("endpoint", ["/sin?amplitude={a}", "/plot?f=sin(x)*{a}&f=cos(x)"])
async def test_every_format_is_served_and_deterministic_across_instances(
    fmt: str, endpoint: str
) -> None:
    [amplitude] = fresh_amplitudes(1)
    url = endpoint.format(a=amplitude) + f"&format={fmt}&width=640&height=360"
    bodies = []
    for _ in range(2):  # two instances, no image cache: each renders from scratch
        async with await client_for(uncached_app()) as client:
            response = await client.get(url)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith(output.MEDIA_TYPES[fmt])
        assert response.content.startswith(MAGIC[fmt])
        bodies.append(response.content)
    assert bodies[0] == bodies[1], f"{fmt} output is not deterministic"
    if fmt in ("png", "webp", "jpeg"):
        with Image.open(io.BytesIO(bodies[0])) as image:
            assert image.size == (640, 360)
    if fmt == "svg":
        assert b"<dc:date>" not in bodies[0]
    if fmt == "pdf":
        assert b"CreationDate" not in bodies[0]


@pytest.mark.parametrize("fmt", ["png", "webp", "jpeg"])
async def test_scale_renders_more_pixels_for_the_same_chart(
    http: httpx.AsyncClient, fmt: str
) -> None:
    response = await http.get(f"/sin?width=300&height=200&scale=2&format={fmt}")
    with Image.open(io.BytesIO(response.content)) as image:
        assert image.size == (600, 400)


async def test_accept_picks_svg_only_when_ranked_above_png(http: httpx.AsyncClient) -> None:
    svg = await http.get("/sin?amplitude=2", headers={"Accept": "image/svg+xml"})
    assert svg.headers["content-type"].startswith("image/svg+xml")
    assert "Accept" in [v.strip() for v in svg.headers["vary"].split(",")]
    browser = await http.get("/sin?amplitude=2", headers={"Accept": BROWSER_IMG_ACCEPT})
    plain = await http.get("/sin?amplitude=2")
    assert browser.headers["content-type"] == "image/png"
    assert browser.content == plain.content
    assert browser.headers["etag"] == plain.headers["etag"] != svg.headers["etag"]


async def test_an_explicit_format_does_not_vary_by_accept(http: httpx.AsyncClient) -> None:
    response = await http.get("/sin?format=png", headers={"Accept": "image/svg+xml"})
    assert response.headers["content-type"] == "image/png"
    assert "Accept" not in response.headers.get("vary", "")


async def test_transparent_background_gives_an_alpha_channel(http: httpx.AsyncClient) -> None:
    response = await http.get("/sin?background=transparent")
    with Image.open(io.BytesIO(response.content)) as image:
        assert image.mode == "RGBA"
        assert image.getpixel((2, 2))[3] == 0


async def test_themes_change_the_image(http: httpx.AsyncClient) -> None:
    light = (await http.get("/sin?amplitude=3")).content
    dark = (await http.get("/sin?amplitude=3&theme=dark")).content
    with Image.open(io.BytesIO(dark)) as image:
        assert sum(image.convert("L").getpixel((2, 2)) for _ in range(1)) < 50
    assert light != dark


async def test_pixel_budget_is_a_422_naming_the_limit(http: httpx.AsyncClient) -> None:
    response = await http.get("/sin?width=3000&height=3000&scale=2")
    assert response.status_code == 422
    assert str(output.PIXEL_BUDGET) in response.json()["message"]


async def test_an_image_past_lambdas_payload_limit_is_a_clear_413(
    http: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(output, "MAX_IMAGE_BYTES", 5_000)
    [amplitude] = fresh_amplitudes(1)
    response = await http.get(f"/sin?amplitude={amplitude}")
    assert response.status_code == 413
    body = response.json()
    assert body["error"] == "too_large" and body["size_bytes"] > 5_000
    assert "base64" in body["message"]


@pytest.mark.parametrize("fmt", ["png", "svg", "jpeg"])
async def test_errors_as_images_have_the_requested_size_and_format(
    http: httpx.AsyncClient, fmt: str
) -> None:
    response = await http.get(f"/sin?amplitude=nan&errors=image&width=500&height=250&format={fmt}")
    assert response.status_code == 422
    assert response.headers["content-type"].startswith(output.MEDIA_TYPES[fmt])
    assert "amplitude" in response.headers["x-chart-error"]
    assert response.headers["cache-control"] == "no-store"
    if fmt == "png":
        assert png_size(response.content) == (500, 250)


async def test_an_error_image_survives_invalid_size_options(http: httpx.AsyncClient) -> None:
    response = await http.get("/plot?f=sin(x)&errors=image&width=99999&format=bogus")
    assert response.status_code == 422
    assert png_size(response.content) == (800, 400)
    assert "width" in response.headers["x-chart-error"]


async def test_not_found_with_errors_image_is_still_an_image(http: httpx.AsyncClient) -> None:
    response = await http.get("/nope?errors=image")
    assert response.status_code == 404
    assert response.headers["content-type"] == "image/png"


async def test_plot_draws_formulas(http: httpx.AsyncClient) -> None:
    response = await http.get("/plot", params={"f": ["sin(x)*exp(-x/5)", "tan(x)"], "x1": 10})
    assert response.status_code == 200
    assert png_size(response.content) == (800, 400)


async def test_plot_space_between_terms_explains_the_plus_sign(http: httpx.AsyncClient) -> None:
    response = await http.get("/plot?f=sin(x)+cos(x)")  # '+' in a query is a space
    assert response.status_code == 422
    assert "%2B" in response.json()["message"]
    fixed = await http.get("/plot?f=sin(x)%2Bcos(x)")
    assert fixed.status_code == 200


@pytest.mark.parametrize(
    "formula",
    ["9**9**9", "9^9^9", "(" * 10_000 + "x" + ")" * 10_000, "-" * 10_000 + "x", "x" * 60_000],
    ids=["power-tower", "caret-tower", "deep-parens", "deep-unary", "long"],
)
async def test_costly_formulas_are_refused_after_little_work(
    app: FastAPI, http: httpx.AsyncClient, formula: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # work done, not seconds: the parser's counters and no render, whatever the machine's load
    work = FormulaWork()
    monkeypatch.setattr(formula_chart, "parse_formula", lambda text: parse_formula(text, work))
    renders: list[Any] = []
    monkeypatch.setattr(app.state.chart_service, "render_formulas", lambda *a: renders.append(a))
    response = await http.get("/plot", params={"f": formula})
    assert response.status_code == 422
    assert response.json()["parameters"][0]["parameter"] == "f", response.text
    assert renders == []
    assert work.characters <= MAX_FORMULA_LENGTH, work  # the 60,000 'x' are never scanned
    assert work.nodes <= MAX_NODES + 1, work


@pytest.mark.parametrize("text", ["$\\frac{a$", "$x^$", "100% $$ sure", "正弦函數"])
async def test_titles_are_drawn_as_typed_never_a_500(http: httpx.AsyncClient, text: str) -> None:
    response = await http.get("/plot", params={"f": "x", "title": text, "label": text})
    assert response.status_code == 200


async def test_plot_caps_the_point_count(http: httpx.AsyncClient) -> None:
    response = await http.get("/plot?f=x&samples=10001")
    assert response.status_code == 422
    assert response.json()["parameters"][0]["parameter"] == "samples"


@pytest.mark.parametrize(
    ("background", "rgb"),
    [
        ("rgb(10 20 30)", (10, 20, 30)),
        ("hsl(0, 100%, 50%)", (255, 0, 0)),
        ("#0a141e", (10, 20, 30)),
    ],
)
async def test_css_backgrounds_are_drawn_in_their_colour(
    http: httpx.AsyncClient, background: str, rgb: tuple[int, int, int]
) -> None:
    """Every form the colour grammar accepts reaches matplotlib as the colour it names."""
    (amplitude,) = fresh_amplitudes(1)
    response = await http.get("/sin", params={"amplitude": amplitude, "background": background})
    assert response.status_code == 200, response.text
    image = Image.open(io.BytesIO(response.content)).convert("RGB")
    assert image.getpixel((1, 1)) == rgb
