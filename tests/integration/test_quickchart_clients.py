"""QuickChart's own clients, unchanged, against chartfn on a local uvicorn: changing the host is
the whole migration. quickchart-io from PyPI (requirements.txt) and quickchart-js from npm
(tests/clients/node, installed by scripts/test.sh with `npm ci`)."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from quickchart import QuickChart, QuickChartFunction

from chartfn.app import create_app
from chartfn.settings import Settings
from chartjs_images import DATASET_RGB, assert_chart, colour_share
from local_server import serve
from support import REPO_ROOT

pytestmark = pytest.mark.slow
NODE_CLIENT = REPO_ROOT / "tests" / "clients" / "node"
SECRET = "client-test-secret"


def config(title: str) -> dict[str, Any]:
    return {
        "type": "bar",
        "data": {
            "labels": ["Jan", "Feb", "Mar", "Apr"],
            "datasets": [
                {"label": "Monthly users", "data": [12, 19, 3, 5], "backgroundColor": "#ff6384"},
                {"label": "Revenue + tax", "data": [7, 11, 5, 8], "backgroundColor": "#36a2eb"},
            ],
        },
        "options": {"title": {"display": True, "text": title}},
    }


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serve(create_app(Settings(cache_max_bytes=0))) as base_url:
        yield base_url


@pytest.fixture(scope="module")
def signing_server() -> Iterator[str]:
    with serve(create_app(Settings(cache_max_bytes=0, signing_secret=SECRET))) as base_url:
        yield base_url


def python_client(base_url: str, title: str) -> QuickChart:
    chart = QuickChart()
    chart.scheme = "http"
    chart.host = urlsplit(base_url).netloc  # "127.0.0.1:PORT"
    chart.config = config(title)
    chart.width, chart.height = 400, 240
    return chart


def test_python_get_url(server: str) -> None:
    chart = python_client(server, "get_url: spaces, + and & survive")
    url = chart.get_url()
    assert url.startswith(f"{server}/chart?c=")
    response = httpx.get(url)
    assert response.status_code == 200, response.headers.get("x-quickchart-error")
    assert response.headers["content-type"] == "image/png"
    assert_chart(response.content, (400, 240))  # the client sends devicePixelRatio=1.0


def test_python_get_bytes_and_to_file(server: str, tmp_path: Path) -> None:
    chart = python_client(server, "get_bytes")
    assert_chart(chart.get_bytes(), (400, 240))
    target = tmp_path / "chart.png"
    chart.device_pixel_ratio = 2.0
    chart.to_file(str(target))
    assert_chart(target.read_bytes(), (800, 480))


def test_python_configs_with_functions_render_and_run_tick_callbacks(server: str) -> None:
    chart = python_client(server, "with a callback")
    assert isinstance(chart.config, dict)
    plain = httpx.get(chart.get_url())
    chart.config["options"]["scales"] = {
        "yAxes": [{"ticks": {"callback": QuickChartFunction("(value) => value + ' users'")}}]
    }
    chart.config["options"]["tooltips"] = {
        "callbacks": {"label": QuickChartFunction("(item) => 'not drawn'")}
    }
    response = httpx.get(chart.get_url())
    assert response.status_code == 200, response.headers.get("x-quickchart-error")
    assert_chart(response.content, (400, 240))
    # the tick callback is run (its labels are drawn), the tooltip's still named as not run
    warning = response.headers["x-chart-warning"]
    assert "ticks.callback" not in warning and "tooltips.callbacks.label" in warning
    assert response.content != plain.content
    assert_chart(chart.get_bytes(), (400, 240))


def test_python_get_short_url(server: str) -> None:
    chart = python_client(server, "get_short_url")
    url = chart.get_short_url()
    assert url.startswith(f"{server}/chart/render/")
    response = httpx.get(url)
    assert response.status_code == 200
    assert_chart(response.content, (400, 240))


def test_python_client_raises_with_the_servers_message(server: str) -> None:
    chart = python_client(server, "bad")
    chart.config = {"type": "treemap", "data": {"datasets": [{"data": [1]}]}}
    with pytest.raises(RuntimeError, match=r"(?s)400.*treemap"):
        chart.get_bytes()
    with pytest.raises(RuntimeError, match=r"(?s)400.*treemap"):
        chart.get_short_url()


def run_node(base_url: str, calls: list[str], **job: Any) -> dict[str, Any]:
    node = shutil.which("node")
    assert node is not None, "node is needed for the quickchart-js client tests"
    assert (NODE_CLIENT / "node_modules" / "quickchart-js").is_dir(), (
        "quickchart-js is not installed: npm ci --prefix tests/clients/node (scripts/test.sh does)"
    )
    spec = {"host": urlsplit(base_url).netloc, "scheme": "http", "calls": calls, **job}
    result = subprocess.run(
        [node, str(NODE_CLIENT / "run_client.js"), json.dumps(spec)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_node_get_url_to_binary_and_to_data_url(server: str) -> None:
    results = run_node(
        server,
        ["getUrl", "toBinary", "toDataUrl"],
        config=config("quickchart-js: it's a 'quoted' title"),
        width=300,
        height=200,
    )
    url = results["getUrl"]
    assert isinstance(url, str), results
    # javascript-stringify's object literal, not JSON: single quotes and bare keys
    sent = parse_qs(urlsplit(url).query)["c"][0]
    assert sent.startswith("{type:'bar'"), sent
    response = httpx.get(url)
    assert response.status_code == 200, response.headers.get("x-quickchart-error")
    # getUrl leaves devicePixelRatio 1 out of the URL, so the server's default 2 applies
    assert_chart(response.content, (600, 400))
    binary = base64.b64decode(results["toBinary"])
    assert_chart(binary, (300, 200))  # toBinary POSTs devicePixelRatio 1
    data_url = results["toDataUrl"]
    prefix = "data:image/png;base64,"
    assert data_url.startswith(prefix)
    assert base64.b64decode(data_url.removeprefix(prefix)) == binary


def test_node_errors_carry_the_servers_message(server: str) -> None:
    config = {"type": "treemap", "data": {"datasets": []}}
    results = run_node(server, ["toBinary"], config=config)
    assert "status code 400" in results["toBinary"]["error"]
    assert "treemap" in results["toBinary"]["error"]


def test_node_get_signed_url_against_a_signing_server(signing_server: str) -> None:
    job = {"config": config("signed"), "width": 320, "height": 180, "apiKey": SECRET}
    results = run_node(signing_server, ["getUrl", "getSignedUrl"], accountId="12345", **job)
    signed = results["getSignedUrl"]
    assert "sig=" in signed and "key=" not in signed
    response = httpx.get(signed)
    assert response.status_code == 200, response.headers.get("x-quickchart-error")
    assert_chart(response.content, (640, 360))
    # the same URL unsigned (getUrl carries the key, which a GET does not accept) is refused
    unsigned = httpx.get(results["getUrl"])
    assert unsigned.status_code == 403
    assert "signed" in unsigned.headers["x-quickchart-error"]
    other_key = run_node(signing_server, ["getSignedUrl"], accountId="1", **{**job, "apiKey": "x"})
    assert httpx.get(other_key["getSignedUrl"]).status_code == 403
    assert colour_share(response.content, DATASET_RGB) > 0.01


def test_node_to_binary_on_a_signing_server_is_authorised_by_its_key(signing_server: str) -> None:
    job = {"config": config("posted with the key"), "width": 200, "height": 100}
    results = run_node(signing_server, ["toBinary"], apiKey=SECRET, accountId="1", **job)
    assert_chart(base64.b64decode(results["toBinary"]), (200, 100))
    refused = run_node(signing_server, ["toBinary"], apiKey="wrong", accountId="1", **job)
    assert "status code 403" in refused["toBinary"]["error"]
