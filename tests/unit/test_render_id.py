"""Render ids: the request in the URL, compressed, URL-safe, MAC'd where the deployment signs."""

from __future__ import annotations

import base64
import json
import random
import re
import zlib

import pytest

from chartfn.chartjs.render_id import (
    MAX_URL_CHARS,
    RenderIdError,
    RenderIdForbidden,
    RenderUrlTooLong,
    decode_render_id,
    encode_render_id,
    render_url,
)
from chartfn.chartjs.request import QuickChartRequest, parse_request

CONFIG = "{type:'line',data:{labels:['a','b'],datasets:[{label:'Sales',data:[1,2]}]}}"


def request(**parameters: object) -> QuickChartRequest:
    return parse_request({"c": CONFIG, **parameters}, pixel_budget=9_000_000)


def test_an_id_carries_the_whole_request_back() -> None:
    original = request(w=640, h=320, devicePixelRatio=1.5, bkg="navy", f="svg", v="3.9")
    render_id = encode_render_id(original)
    assert re.fullmatch(r"[A-Za-z0-9_-]+", render_id)  # no escaping needed anywhere in a URL
    decoded = parse_request(decode_render_id(render_id), pixel_budget=9_000_000)
    assert decoded == original


def test_posted_objects_survive_too() -> None:
    config = {"type": "pie", "data": {"datasets": [{"data": [3, 4]}]}}
    original = parse_request({"chart": config}, pixel_budget=9_000_000)
    assert (
        parse_request(decode_render_id(encode_render_id(original)), pixel_budget=1 << 30).chart
        == config
    )


def test_ids_are_compressed() -> None:
    long_config = "{type:'bar',data:{datasets:[{data:[" + ",".join(["1"] * 2000) + "]}]}}"
    render_id = encode_render_id(request(c=long_config))
    assert len(render_id) < len(long_config) / 10


def test_signed_ids_carry_a_mac_that_only_the_secret_makes() -> None:
    original = request()
    render_id = encode_render_id(original, "s3cret")
    payload, mac = render_id.split(".")
    assert payload == encode_render_id(original)
    assert decode_render_id(render_id, "s3cret")["c"] == CONFIG
    for forged in (payload, f"{payload}.{mac[:-1]}A", encode_render_id(original, "other")):
        with pytest.raises(RenderIdForbidden):
            decode_render_id(forged, "s3cret")


def test_changing_the_payload_breaks_the_mac() -> None:
    payload, mac = encode_render_id(request(), "s3cret").split(".")
    other = encode_render_id(request(w=501))
    with pytest.raises(RenderIdForbidden):
        decode_render_id(f"{other}.{mac}", "s3cret")
    assert payload != other


@pytest.mark.parametrize("render_id", ["", "!!!", "abc", "eJw", "e30"])
def test_garbage_ids_are_refused_clearly(render_id: str) -> None:
    with pytest.raises(RenderIdError, match=r"not a render id|cut"):
        decode_render_id(render_id)


def test_random_bytes_never_escape_as_another_error() -> None:
    generator = random.Random(11)
    for _ in range(300):
        blob = bytes(generator.randrange(256) for _ in range(generator.randrange(1, 60)))
        text = base64.urlsafe_b64encode(blob).decode().rstrip("=")
        with pytest.raises(RenderIdError):
            decode_render_id(text)


def test_an_id_that_is_not_an_object_is_refused() -> None:
    text = base64.urlsafe_b64encode(zlib.compress(json.dumps([1, 2]).encode())).decode()
    with pytest.raises(RenderIdError, match="does not hold a request"):
        decode_render_id(text)


def test_a_zip_bomb_is_cut_off() -> None:
    bomb = zlib.compress(b"{" + b" " * 5_000_000 + b"}", 9)
    text = base64.urlsafe_b64encode(bomb).decode().rstrip("=")
    assert len(text) < MAX_URL_CHARS
    with pytest.raises(RenderIdError, match="inflates past"):
        decode_render_id(text)


def test_render_urls_longer_than_the_edge_allows_are_refused() -> None:
    base = "https://charts.example.com/prefix"
    assert render_url(base + "/", "abc") == "https://charts.example.com/prefix/chart/render/abc"
    fits = "a" * (MAX_URL_CHARS - len(base) - len("/chart/render/"))
    assert len(render_url(base, fits)) == MAX_URL_CHARS
    with pytest.raises(RenderUrlTooLong, match="POST it to /chart"):
        render_url(base, fits + "a")
