"""The QuickChart protocol over HTTP (in process): /chart with c, /chart/create, /chart/render."""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import json
import random
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import quote, unquote, urlsplit

import httpx
import pytest

from chartfn.app import create_app
from chartfn.settings import Settings
from chartfn.signing import sign_url
from chartjs_images import DATASET_RGB, assert_chart, colour_share, decoded
from support import png_size

pytestmark = pytest.mark.anyio
SECRET = "quickchart-test-secret"
_fresh = itertools.count(1)


def bar_config(title: str = "Sales") -> dict[str, Any]:
    """A bar chart no other test asks for (the cache must not answer it)."""
    n = next(_fresh)
    return {
        "type": "bar",
        "data": {
            "labels": ["Q1", "Q2", "Q3"],
            "datasets": [
                {"label": "Users", "data": [50 + n, 60, 70], "backgroundColor": "#ff6384"},
                {"label": "Revenue", "data": [20, 30 + n, 40], "backgroundColor": "#36a2eb"},
            ],
        },
        "options": {"title": {"display": True, "text": title}},
    }


def b64_of(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def as_js(config: dict[str, Any]) -> str:
    """The config as JavaScript object-literal text, the way quickchart-js sends it."""
    text = json.dumps(config, separators=(",", ":"))
    for key in ("type", "data", "labels", "datasets", "label", "backgroundColor", "options"):
        text = text.replace(f'"{key}":', f"{key}:")
    return text.replace('"', "'")


async def client_for(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(settings))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


@pytest.fixture
async def uncached() -> AsyncIterator[httpx.AsyncClient]:
    async for client in client_for(Settings(cache_max_bytes=0)):
        yield client


@pytest.fixture
async def signed() -> AsyncIterator[httpx.AsyncClient]:
    async for client in client_for(Settings(signing_secret=SECRET, cache_max_bytes=0)):
        yield client


def query(parameters: dict[str, Any]) -> str:
    """A query string the way both clients write it: spaces as '+', '+' as %2B."""
    return "&".join(
        f"{k}={quote(str(v), safe='').replace('%20', '+')}" for k, v in parameters.items()
    )


async def test_a_bare_url_is_a_1000_by_600_chart(uncached: httpx.AsyncClient) -> None:
    response = await uncached.get(f"/chart?{query({'c': json.dumps(bar_config())})}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/png"
    assert_chart(response.content, (1000, 600))
    # QuickChart's default background is transparent
    assert decoded(response.content).getpixel((0, 0))[3] == 0


async def test_every_spelling_of_one_chart_gives_the_same_bytes_and_etag(
    uncached: httpx.AsyncClient,
) -> None:
    # a title whose base64 holds a '+', the character a query turns into a space
    titles = (f"same chart, eight ways {'>' * n}" for n in itertools.count())
    config = next(c for c in map(bar_config, titles) if "+" in b64_of(json.dumps(c)))
    text = json.dumps(config)
    b64 = b64_of(text)
    size = {"w": 300, "h": 200, "devicePixelRatio": 1}
    answers = [
        await uncached.get(f"/chart?{query({'c': text, **size})}"),
        await uncached.get(f"/chart?{query({'chart': as_js(config), **size})}"),
        await uncached.get(f"/chart?{query({'c': b64, 'encoding': 'base64', **size})}"),
        # a base64 '+' sent unescaped arrives as a space and must still decode
        await uncached.get(
            f"/chart?c={b64.replace('=', '%3D')}&encoding=base64&w=300&h=200&devicePixelRatio=1"
        ),
        await uncached.post(
            "/chart", json={"chart": config, "width": 300, "height": 200, "devicePixelRatio": 1}
        ),
        await uncached.post(
            "/chart", json={"chart": as_js(config), "w": 300, "h": 200, "devicePixelRatio": 1.0}
        ),
        await uncached.post(
            "/chart", data={"c": text, "w": "300", "h": "200", "devicePixelRatio": "1"}
        ),
    ]
    created = await uncached.post(
        "/chart/create", json={"chart": config, "width": 300, "height": 200, "devicePixelRatio": 1}
    )
    answers.append(await uncached.get(urlsplit(created.json()["url"]).path))
    for response in answers:
        assert response.status_code == 200, response.headers.get("x-quickchart-error")
    assert len({r.content for r in answers}) == 1
    assert len({r.headers["etag"] for r in answers}) == 1
    assert_chart(answers[0].content, (300, 200))


async def test_a_changed_chart_or_option_changes_the_etag(uncached: httpx.AsyncClient) -> None:
    config = bar_config()
    base = {"c": json.dumps(config), "w": 200, "h": 100}
    etags = set()
    for extra in (
        {},
        {"w": 201},
        {"bkg": "white"},
        {"f": "svg"},
        {"v": "3"},
        {"devicePixelRatio": 1},
    ):
        response = await uncached.get(f"/chart?{query({**base, **extra})}")
        assert response.status_code == 200
        etags.add(response.headers["etag"])
    config["data"]["datasets"][0]["data"][0] += 1
    etags.add(
        (await uncached.get(f"/chart?{query({**base, 'c': json.dumps(config)})}")).headers["etag"]
    )
    assert len(etags) == 7


async def test_if_none_match_gets_a_304_and_caching_headers(uncached: httpx.AsyncClient) -> None:
    url = f"/chart?{query({'c': json.dumps(bar_config()), 'w': 120, 'h': 80})}"
    first = await uncached.get(url)
    again = await uncached.get(url, headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == first.headers["etag"]
    assert first.headers["cache-control"] == again.headers["cache-control"]
    assert first.headers["cache-control"].startswith("public, max-age=")


@pytest.mark.parametrize(
    ("fmt", "media_type", "magic"),
    [
        ("svg", "image/svg+xml", b"<?xml"),
        ("pdf", "application/pdf", b"%PDF-"),
        ("webp", "image/webp", b"RIFF"),
        ("jpeg", "image/jpeg", b"\xff\xd8\xff"),
        ("jpg", "image/jpeg", b"\xff\xd8\xff"),
    ],
)
async def test_formats(
    uncached: httpx.AsyncClient, fmt: str, media_type: str, magic: bytes
) -> None:
    response = await uncached.get(f"/chart?{query({'c': json.dumps(bar_config()), 'f': fmt})}")
    assert response.status_code == 200
    assert response.headers["content-type"] == media_type
    assert response.content.startswith(magic)


async def test_no_accept_negotiation_for_quickchart(uncached: httpx.AsyncClient) -> None:
    url = f"/chart?{query({'c': json.dumps(bar_config())})}"
    response = await uncached.get(url, headers={"Accept": "image/svg+xml"})
    assert response.headers["content-type"] == "image/png"
    assert "accept" not in response.headers.get("vary", "").lower()


async def test_jpeg_defaults_to_white_and_bkg_takes_any_css_colour(
    uncached: httpx.AsyncClient,
) -> None:
    jpeg = await uncached.get(f"/chart?{query({'c': json.dumps(bar_config()), 'f': 'jpeg'})}")
    assert decoded(jpeg.content).convert("RGB").getpixel((2, 2)) >= (250, 250, 250)
    for bkg, rgb in (("hsl(120, 100%, 25%)", (0, 128, 0)), ("rgb(10 20 30)", (10, 20, 30))):
        response = await uncached.get(
            f"/chart?{query({'c': json.dumps(bar_config()), 'bkg': bkg})}"
        )
        assert decoded(response.content).convert("RGB").getpixel((2, 2)) == rgb


async def test_sizes_from_1_to_3000_before_the_device_pixel_ratio(
    uncached: httpx.AsyncClient,
) -> None:
    for w, h, ratio, pixels in (
        (1, 1, 1, (1, 1)),
        (30, 20, 3, (90, 60)),
        (3000, 10, 1, (3000, 10)),
    ):
        size = {"w": w, "h": h, "devicePixelRatio": ratio}
        response = await uncached.get(f"/chart?{query({'c': json.dumps(bar_config()), **size})}")
        assert response.status_code == 200, response.headers.get("x-quickchart-error")
        assert png_size(response.content) == pixels


async def test_errors_are_400_images_of_the_requested_format_and_size(
    uncached: httpx.AsyncClient,
) -> None:
    cases = [
        ({"c": "{type:'bar', data: {"}, ""),  # the parser's own words
        (
            {"c": json.dumps({"type": "treemap", "data": {"datasets": []}})},
            "type: 'treemap' is not supported",
        ),
        ({"c": json.dumps(bar_config()), "spec": "{}"}, "cannot be combined"),
        ({"c": ""}, "the chart config is missing"),
        ({"c": b64_of("[1, 2]"), "encoding": "base64"}, ""),
    ]
    for parameters, message in cases:
        response = await uncached.get(f"/chart?{query({**parameters, 'w': 240, 'h': 120})}")
        assert response.status_code == 400, parameters
        assert response.headers["x-quickchart-error"]
        assert message in unquote(response.headers["x-quickchart-error"]), response.headers
        assert response.headers["content-type"] == "image/png"
        assert png_size(response.content) == (480, 240)
        assert response.headers["cache-control"] == "no-store"
    svg = await uncached.get(f"/chart?{query({'c': '{oops', 'f': 'svg'})}")
    assert (svg.status_code, svg.headers["content-type"]) == (400, "image/svg+xml")
    assert svg.content.startswith(b"<?xml")


async def test_a_bad_size_is_a_400_drawn_at_the_default_size(uncached: httpx.AsyncClient) -> None:
    for parameters in ({"w": 5000}, {"h": "abc"}, {"w": 3000, "h": 3000, "devicePixelRatio": 2}):
        url = f"/chart?{query({'c': json.dumps(bar_config()), **parameters})}"
        response = await uncached.get(url)
        assert response.status_code == 400, parameters
        assert png_size(response.content)[0] in (1000, 6000)
        assert response.headers["x-quickchart-error"]


async def test_the_error_header_is_legal_whatever_the_input(uncached: httpx.AsyncClient) -> None:
    hostile = "\r\nX-Injected: 1\x00 ü 中文 " + "x " * 600
    response = await uncached.get(f"/chart?{query({'c': json.dumps({'type': hostile})})}")
    assert response.status_code == 400
    header = response.headers["x-quickchart-error"]
    assert header.isascii() and header == header.strip() and len(header) <= 1000
    assert "x-injected" not in response.headers


async def test_warnings_name_what_is_not_drawn_like_chart_js(uncached: httpx.AsyncClient) -> None:
    config = {
        "type": "doughnut",
        "data": {
            "labels": ["a", "b"],
            "datasets": [{"data": [1, 2], "backgroundColor": ["#ff6384", "#36a2eb"]}],
        },
        "options": {"cutout": "40px", "plugins": {"tickFormat": {"locale": "de-DE"}}},
    }
    response = await uncached.get(f"/chart?{query({'c': json.dumps(config), 'v': '4'})}")
    assert response.status_code == 200
    # the hole in pixels is drawn; the plugin is not, and the warning says so
    assert unquote(response.headers["x-chart-warning"]) == (
        "plugins are not drawn yet: options.plugins.tickFormat"
    )


async def test_spec_requests_are_untouched(uncached: httpx.AsyncClient) -> None:
    spec = {"kind": "bar", "series": [{"y": [1, 2, 3], "color": "#ff6384"}]}
    get = await uncached.get(
        "/chart", params={"spec": json.dumps(spec), "width": 300, "height": 200}
    )
    post = await uncached.post("/chart?width=300&height=200", json=spec)
    assert get.status_code == post.status_code == 200
    assert get.content == post.content
    assert png_size(get.content) == (300, 200)
    missing = await uncached.get("/chart")
    assert missing.status_code == 422
    assert missing.json()["parameters"][0]["parameter"] == "spec"
    bad_body = await uncached.post("/chart", json={"kind": "nope"})
    assert bad_body.status_code == 422


async def test_create_hands_out_a_url_under_the_requests_base(uncached: httpx.AsyncClient) -> None:
    created = await uncached.post(
        "/chart/create", json={"chart": bar_config(), "width": 200, "height": 100}
    )
    assert created.status_code == 200
    body = created.json()
    assert body["success"] is True
    assert body["url"].startswith("http://testserver/chart/render/")
    rendered = await uncached.get(urlsplit(body["url"]).path)
    assert_chart(rendered.content, (400, 200))
    head = await uncached.head(urlsplit(body["url"]).path)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["etag"] == rendered.headers["etag"]


async def test_create_uses_the_public_url_and_the_base_path() -> None:
    async for client in client_for(Settings(public_url="https://charts.example.com/x")):
        created = await client.post("/chart/create", json={"chart": bar_config()})
        assert created.json()["url"].startswith("https://charts.example.com/x/chart/render/")
    async for client in client_for(Settings(base_path="/charts")):
        created = await client.post("/charts/chart/create", json={"chart": bar_config()})
        url = created.json()["url"]
        assert url.startswith("http://testserver/charts/chart/render/")
        assert (await client.get(urlsplit(url).path)).status_code == 200


async def test_create_refuses_what_cannot_be_drawn_or_cannot_fit(
    uncached: httpx.AsyncClient,
) -> None:
    bad = await uncached.post("/chart/create", json={"chart": {"type": "treemap"}})
    assert bad.status_code == 400
    assert bad.json()["success"] is False
    assert "treemap" in unquote(bad.headers["x-quickchart-error"])
    generator = random.Random(7)
    noise = [round(generator.uniform(0, 1e6), 3) for _ in range(1500)]  # deflate cannot shrink it
    big = {"type": "line", "data": {"datasets": [{"data": noise}]}}
    too_long = await uncached.post("/chart/create", json={"chart": big})
    assert too_long.status_code == 413
    assert "POST it to /chart" in too_long.json()["message"]
    assert (await uncached.post("/chart", json={"chart": big})).status_code == 200


@pytest.mark.parametrize("render_id", ["nope", "eJzLSM3JyQcABiwCFQ", "%00%01", "a" * 9000])
async def test_garbage_render_ids_are_400_images(
    uncached: httpx.AsyncClient, render_id: str
) -> None:
    response = await uncached.get(f"/chart/render/{render_id}")
    assert response.status_code == 400
    assert response.headers["content-type"] == "image/png"
    assert "render id" in unquote(response.headers["x-quickchart-error"])


async def test_cors_exposes_the_quickchart_headers(uncached: httpx.AsyncClient) -> None:
    response = await uncached.get(
        f"/chart?{query({'c': '{'})}", headers={"Origin": "https://example.org"}
    )
    exposed = response.headers["access-control-expose-headers"].lower()
    assert "x-quickchart-error" in exposed and "x-chart-warning" in exposed


def quickchart_sig(config_text: str) -> str:
    return hmac.new(SECRET.encode(), config_text.encode(), hashlib.sha256).hexdigest()


async def test_signing_refuses_unsigned_quickchart_requests(signed: httpx.AsyncClient) -> None:
    text = json.dumps(bar_config())
    for response in (
        await signed.get(f"/chart?{query({'c': text, 'w': 100, 'h': 50})}"),
        await signed.get(f"/chart?{query({'c': text, 'sig': quickchart_sig(text + ' ')})}"),
        await signed.post("/chart", json={"chart": text, "key": "wrong"}),
    ):
        assert response.status_code == 403
        assert response.headers["content-type"] == "image/png"
        assert "signed" in unquote(response.headers["x-quickchart-error"])


async def test_signing_accepts_quickcharts_sig_chartfns_sig_and_the_key(
    signed: httpx.AsyncClient,
) -> None:
    text = json.dumps(bar_config())
    url = f"/chart?{query({'c': text, 'w': 100, 'h': 50})}"
    ok = [
        await signed.get(f"{url}&sig={quickchart_sig(text)}&accountId=123"),
        await signed.get(sign_url(SECRET, url)),
        await signed.post(
            "/chart", json={"chart": text, "key": SECRET, "width": 100, "height": 50}
        ),
    ]
    for response in ok:
        assert response.status_code == 200, response.headers.get("x-quickchart-error")
    assert len({r.content for r in ok}) == 1


async def test_signed_render_ids_carry_their_own_mac(signed: httpx.AsyncClient) -> None:
    refused = await signed.post("/chart/create", json={"chart": bar_config()})
    assert refused.status_code == 403 and refused.json()["success"] is False
    created = await signed.post("/chart/create", json={"chart": bar_config(), "key": SECRET})
    path = urlsplit(created.json()["url"]).path
    assert "." in path.rsplit("/", 1)[1]
    assert (await signed.get(path)).status_code == 200
    payload = path.rsplit(".", 1)[0]
    for forged in (payload, payload + ".AAAAAAAAAAAAAAAAAAAAAA"):
        response = await signed.get(forged)
        assert response.status_code == 403
        assert "signature" in unquote(response.headers["x-quickchart-error"])


async def test_nothing_quickchart_sends_gets_a_server_error(uncached: httpx.AsyncClient) -> None:
    """A spread of malformed values for every QuickChart parameter: 4xx with a message."""
    generator = random.Random(11)
    values = [
        "",
        "0",
        "-1",
        "1e309",
        "nan",
        "{",
        "[]",
        "null",
        "\x00",
        "ü" * 50,
        "9" * 40,
        "+",
        "%",
    ]
    names = [
        "c",
        "w",
        "h",
        "devicePixelRatio",
        "bkg",
        "f",
        "v",
        "encoding",
        "chart",
        "backgroundColor",
    ]
    for _ in range(60):
        parameters = {name: generator.choice(values) for name in generator.sample(names, 4)}
        parameters.setdefault("c", json.dumps(bar_config()))
        response = await uncached.get("/chart", params=parameters)
        assert response.status_code in (200, 400), (parameters, response.status_code)
        if response.status_code == 400:
            assert response.headers["x-quickchart-error"]
        body = await uncached.post("/chart", json=parameters)
        assert body.status_code in (200, 400), (parameters, body.status_code)


async def test_the_dataset_colour_is_what_is_drawn(uncached: httpx.AsyncClient) -> None:
    config = bar_config()
    red = await uncached.get(f"/chart?{query({'c': json.dumps(config)})}")
    config["data"]["datasets"][0]["backgroundColor"] = "rgb(20, 200, 20)"
    green = await uncached.get(f"/chart?{query({'c': json.dumps(config)})}")
    assert colour_share(red.content, DATASET_RGB) > 0.01
    assert colour_share(green.content, DATASET_RGB) == 0
    assert colour_share(green.content, (20, 200, 20)) > 0.01


async def test_javascript_configs_render_and_their_functions_not_run_are_named(
    uncached: httpx.AsyncClient,
) -> None:
    n = next(_fresh)
    script = (
        "{type: 'bar', data: {labels: ['a', 'b', 'c'], datasets: [{label: 'JS', "
        f"data: [1, 2, 3].map(v => v * {n}), backgroundColor: '#ff6384'}}]}}, "
        "options: {scales: {yAxes: [{ticks: {callback: (value) => value + '%'}}]}, "
        "tooltips: {callbacks: {label: (item) => 'x'}}}};"
    )
    response = await uncached.get(f"/chart?{query({'c': script, 'w': 300, 'h': 200})}")
    assert response.status_code == 200, response.headers.get("x-quickchart-error")
    assert_chart(response.content, (600, 400))
    warning = unquote(response.headers["x-chart-warning"])
    assert "not run yet" in warning and "options.tooltips.callbacks.label" in warning
    # the tick callback is run now (test_tick_callbacks_change_the_drawn_axis)
    assert "ticks.callback" not in warning


@pytest.mark.parametrize(
    ("version", "with_callback", "without_callback"),
    [
        ("2", "{yAxes: [{ticks: {callback: (v) => '$' + v}}]}", "{yAxes: [{ticks: {}}]}"),
        ("4", "{y: {ticks: {callback: (v) => '$' + v}}}", "{y: {ticks: {}}}"),
    ],
)
async def test_tick_callbacks_change_the_drawn_axis(
    uncached: httpx.AsyncClient, version: str, with_callback: str, without_callback: str
) -> None:
    n = next(_fresh)

    def script(scales: str) -> str:
        return (
            "{type: 'bar', data: {labels: ['a', 'b', 'c'], "
            f"datasets: [{{data: [3, 7, {12 + n}], backgroundColor: '#ff6384'}}]}}, "
            f"options: {{scales: {scales}}}}}"
        )

    answers = [
        await uncached.get(
            f"/chart?{query({'c': script(scales), 'v': version, 'w': 300, 'h': 200})}"
        )
        for scales in (with_callback, without_callback)
    ]
    for response in answers:
        assert response.status_code == 200, response.headers.get("x-quickchart-error")
        assert_chart(response.content, (600, 400))
        assert "x-chart-warning" not in response.headers
    assert decoded(answers[0].content).tobytes() != decoded(answers[1].content).tobytes()


@pytest.mark.parametrize(
    ("version", "scales", "path"),
    [
        ("4", "{y: {ticks: {callback: () => { throw new Error('no'); }}}}", "options.scales.y"),
        ("2", "{yAxes: [{ticks: {callback: () => null.x}}]}", "options.scales.yAxes[0]"),
    ],
)
async def test_a_throwing_tick_callback_is_a_400_naming_it(
    uncached: httpx.AsyncClient, version: str, scales: str, path: str
) -> None:
    script = (
        "{type: 'bar', data: {labels: ['a'], datasets: [{data: [1]}]}, "
        f"options: {{scales: {scales}}}}}"
    )
    response = await uncached.get(f"/chart?{query({'c': script, 'v': version})}")
    assert response.status_code == 400
    assert unquote(response.headers["x-quickchart-error"]).startswith(f"{path}.ticks.callback: ")
    created = await uncached.post("/chart/create", json={"chart": script, "version": version})
    assert created.status_code == 400
    assert f"{path}.ticks.callback" in created.json()["message"]


async def test_hostile_javascript_is_a_400_and_the_next_chart_still_renders(
    uncached: httpx.AsyncClient,
) -> None:
    for script in (
        "(() => { while (true) {} })()",
        "this.constructor.constructor('return process')()",
    ):
        response = await uncached.get(f"/chart?{query({'c': script, 'w': 100, 'h': 50})}")
        assert response.status_code == 400, script
        assert response.headers["x-quickchart-error"]
    after = await uncached.get(f"/chart?{query({'c': json.dumps(bar_config())})}")
    assert_chart(after.content, (1000, 600))


async def test_keys_that_look_like_indexes_are_plain_keys(uncached: httpx.AsyncClient) -> None:
    """Found by the fuzzer: {"0:": null} in a posted chart reached int("0:") (a 500)."""
    for body in ({"chart": {"0:": None}}, {"chart": {"type": "bar", "0": 1, "01": 2}}):
        get = await uncached.post("/chart", json=body)
        create = await uncached.post("/chart/create", json=body)
        assert (get.status_code, create.status_code) == (400, 400), body
