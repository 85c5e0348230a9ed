"""The playground in a real headless Chromium against a real local server."""

from __future__ import annotations

import contextlib
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from chartfn.app import create_app
from chartfn.settings import Settings
from local_server import serve
from support import REPO_ROOT

# the page sets body[data-state] to "pending" on input, then "ready" or "error" when settled
# Guards against a hang, not speed bounds (a loaded machine is slower, not wrong): milliseconds
GUARD_MS = 120_000
SETTLED = "() => ['ready', 'error'].includes(document.body.dataset.state)"
# the pixels the page shows, read back through a canvas (a same-origin blob: image)
IMAGE_PIXELS = """() => {
  const canvas = document.createElement("canvas");
  canvas.width = chart.naturalWidth;
  canvas.height = chart.naturalHeight;
  canvas.getContext("2d").drawImage(chart, 0, 0);
  return canvas.toDataURL("image/png");
}"""


def settle(page: Any, state: str = "ready") -> None:
    page.wait_for_function(SETTLED, timeout=GUARD_MS)
    assert page.evaluate("document.body.dataset.state") == state, page.text_content("#status")


def natural_size(page: Any) -> tuple[int, int]:
    return tuple(page.evaluate("[chart.naturalWidth, chart.naturalHeight]"))


def image_state(page: Any) -> dict[str, Any]:
    return page.evaluate(
        "({src: chart.src, url: chart.dataset.url, hidden: chart.hidden,"
        " complete: chart.complete, width: chart.naturalWidth})"
    )


def api_error(server: str, path: str) -> dict[str, Any]:
    try:
        urllib.request.urlopen(f"{server}/{path}", timeout=GUARD_MS / 1000)
    except urllib.error.HTTPError as error:
        return json.loads(error.read())
    raise AssertionError(f"{path} did not fail")


def open_page(page: Any, server: str, fragment: str = "") -> None:
    page.goto(f"{server}/{fragment}")
    settle(page)


def test_loads_and_shows_the_default_sine(page: Any, server: str) -> None:
    open_page(page, server)
    assert page.title() == "chartfn playground"
    assert natural_size(page) == (800, 400)
    assert page.input_value("#out-url") == f"{server}/sin?amplitude=1&frequency=1"
    assert page.input_value("#out-html") == (
        f'<img src="{server}/sin?amplitude=1&amp;frequency=1" alt="chart">'
    )
    assert page.input_value("#out-markdown") == f"![chart]({server}/sin?amplitude=1&frequency=1)"
    assert page.problems == []


def test_the_image_has_the_requested_size_and_scale(page: Any, server: str) -> None:
    open_page(page, server)
    page.fill("#width", "640")
    page.fill("#height", "320")
    settle(page)
    assert natural_size(page) == (640, 320)
    page.fill("#scale", "2")
    settle(page)
    assert natural_size(page) == (1280, 640)
    # shown at the requested CSS size: a retina image, not a twice-as-large one
    assert page.evaluate("chart.getBoundingClientRect().width") == pytest.approx(640, abs=1)
    assert page.problems == []


def test_changing_the_amplitude_changes_the_image(page: Any, server: str) -> None:
    open_page(page, server)
    before = image_state(page)
    pixels_before = page.evaluate(IMAGE_PIXELS)
    page.fill("#amplitude", "3")
    # debounced: nothing is fetched while typing goes on
    assert page.evaluate("document.body.dataset.state") == "pending"
    settle(page)
    after = image_state(page)
    assert after["url"] == "sin?amplitude=3&frequency=1"
    assert after["src"] != before["src"]
    assert page.evaluate(IMAGE_PIXELS) != pixels_before
    assert page.problems == []


def test_a_render_that_lands_after_the_inputs_changed_is_not_shown(page: Any, server: str) -> None:
    """The request for amplitude 2 is held until the amplitude is 3: its answer, landing late,
    must neither show its chart nor mark the page ready before the chart of 3 is in."""
    open_page(page, server)
    held: list[Any] = []
    page.route("**/sin?amplitude=2&*", lambda route: held.append(route))
    page.fill("#amplitude", "2")
    page.wait_for_function("() => document.body.dataset.state === 'loading'", timeout=GUARD_MS)
    page.wait_for_timeout(200)  # lets the held request reach the route handler
    assert len(held) == 1
    page.fill("#amplitude", "3")
    stale = urllib.request.urlopen(f"{server}/sin?amplitude=2&frequency=1", timeout=30).read()
    with contextlib.suppress(Exception):  # cancelled by the page: nothing to answer
        held[0].fulfill(status=200, content_type="image/png", body=stale)
    settle(page)
    assert image_state(page)["url"] == "sin?amplitude=3&frequency=1"
    assert page.problems == []


@pytest.mark.parametrize(("field", "value"), [("amplitude", "nan"), ("frequency", "1e9")])
def test_a_bad_value_shows_the_api_error_by_the_field_and_keeps_the_image(
    page: Any, server: str, field: str, value: str
) -> None:
    open_page(page, server)
    good = image_state(page)
    page.fill(f"#{field}", value)
    settle(page, "error")
    [problem] = api_error(server, f"sin?{field}={value}")["parameters"]
    shown = page.text_content(f"#{field}-error")
    assert problem["problem"] in shown
    assert problem["allowed"] in shown
    assert page.get_attribute(f"#{field}", "aria-invalid") == "true"
    # the error sits next to its field: inside the same .field box
    assert page.evaluate(
        f"document.getElementById('{field}-error').parentElement"
        f" === document.getElementById('{field}').parentElement"
    )
    # the last good chart stays: no broken image
    assert image_state(page) == good
    assert good["complete"] and good["width"] == 800 and not good["hidden"]
    # fixing the value clears the error
    page.fill(f"#{field}", "2")
    settle(page)
    assert page.text_content(f"#{field}-error") == ""
    assert page.problems == []


def test_plot_with_formulas(page: Any, server: str) -> None:
    open_page(page, server)
    page.check("input[name=endpoint][value=plot]")
    settle(page)
    assert image_state(page)["url"].startswith("plot?f=sin")
    page.fill("#f-1", "x^2")
    page.click("#add-formula")
    page.fill("#f-2", "10*sin(x)")
    page.fill("#label-2", "wave")
    settle(page)
    url = image_state(page)["url"]
    assert url == "plot?f=x%5E2&f=10*sin(x)&label=damped%20sine&label=wave&x0=0&x1=10"
    assert natural_size(page) == (800, 400)
    page.fill("#f-2", "sin(x")
    settle(page, "error")
    assert "unbalanced parenthesis" in page.text_content("#f-error")
    assert page.get_attribute("#f-2", "aria-invalid") == "true"
    assert page.get_attribute("#f-1", "aria-invalid") is None
    assert page.problems == []


def test_chart_spec_goes_base64url_in_the_url_and_pdf_is_a_link(page: Any, server: str) -> None:
    open_page(page, server)
    page.check("input[name=endpoint][value=chart]")
    settle(page)
    url = image_state(page)["url"]
    assert url.startswith("chart?spec=ey")  # base64url of '{"'
    assert "%" not in url
    page.fill("#spec", '{"kind": "bar"}')
    settle(page, "error")
    assert "spec.series: Field required" in page.text_content("#spec-error")
    assert page.get_attribute("#spec", "aria-invalid") == "true"
    page.select_option("#preset", "pie")
    settle(page)
    page.select_option("#format", "pdf")
    settle(page)
    assert page.is_hidden("#chart")
    assert page.get_attribute("#pdf-link", "href").endswith("&format=pdf")
    assert page.problems == []


def test_a_link_to_the_page_restores_the_chart(page: Any, server: str, tmp_path: Path) -> None:
    fragment = (
        "#plot?f=sin(x)*exp(-x%2F5)&f=cos(x)*exp(-x%2F5)&label=damped+sin&label=damped+cos"
        "&x0=0&x1=20&title=Damped&theme=ggplot"
    )
    open_page(page, server, fragment)
    assert page.input_value("#f-2") == "cos(x)*exp(-x/5)"
    assert page.input_value("#theme") == "ggplot"
    assert natural_size(page) == (800, 400)
    assert page.problems == []
    # docs/playground.png only on request; a test run never writes into the repository
    wanted = os.environ.get("CHARTFN_SCREENSHOT") == "1"
    target = REPO_ROOT / "docs" / "playground.png" if wanted else tmp_path / "playground.png"
    page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 10_000


@pytest.fixture(scope="module")
def staged_server() -> Iterator[str]:
    """The app as API Gateway's REST stage shows it: everything under /Prod, and root_path set
    as ApiGatewayStage sets it from a Lambda event (uvicorn has no event to read it from)."""
    app = create_app(Settings())

    async def staged(scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            path = scope["path"]
            if path != "/Prod" and not path.startswith("/Prod/"):
                response = {"type": "http.response.start", "status": 404, "headers": []}
                await send(response)
                await send({"type": "http.response.body", "body": b""})
                return
            # https://…/Prod reaches the function as "/", like https://…/Prod/
            scope = {**scope, "root_path": "/Prod", "path": path if path != "/Prod" else "/Prod/"}
        await app(scope, receive, send)

    with serve(staged) as base_url:  # type: ignore[arg-type]
        yield base_url


@pytest.mark.parametrize("page_path", ["/Prod/", "/Prod"])
def test_behind_a_stage_prefix_every_url_keeps_it(
    page: Any, staged_server: str, page_path: str
) -> None:
    page.goto(staged_server + page_path)
    settle(page)
    assert natural_size(page) == (800, 400)
    assert page.input_value("#out-url") == f"{staged_server}/Prod/sin?amplitude=1&frequency=1"
    assert page.get_attribute("a[href=docs]", "href") == "docs"
    assert page.evaluate("new URL('docs', document.baseURI).pathname") == "/Prod/docs"
    page.fill("#amplitude", "nan")
    settle(page, "error")
    assert "must be a finite number" in page.text_content("#amplitude-error")
    assert page.problems == []


def png_size(url: str) -> tuple[int, int]:
    with urllib.request.urlopen(url, timeout=GUARD_MS / 1000) as response:
        assert response.headers["Content-Type"] == "image/png"
        data = response.read()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def query_of(url: str) -> dict[str, str]:
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query, strict_parsing=True))


def quickchart_error(url: str) -> str:
    """The message QuickChart's protocol puts in X-quickchart-error (the body is an image)."""
    try:
        urllib.request.urlopen(url, timeout=GUARD_MS / 1000)
    except urllib.error.HTTPError as error:
        return urllib.parse.unquote(error.headers["X-quickchart-error"])
    raise AssertionError(f"{url} did not fail")


def test_a_chart_js_config_shows_its_chart_and_quickchart_s_url(page: Any, server: str) -> None:
    open_page(page, server)
    page.check("input[name=endpoint][value=chartjs]")
    settle(page)
    # the example: JavaScript, not JSON, sent as typed for the server's sandbox
    url = page.input_value("#out-url")
    assert url.startswith(f"{server}/chart?c=")
    assert query_of(url) == {
        "c": page.input_value("#config"),
        "w": "800",
        "h": "400",
        "devicePixelRatio": "1",
    }
    assert natural_size(page) == (800, 400)
    assert page.is_disabled("#theme")
    # a pasted JSON config for Chart.js 4, at QuickChart's own size and a retina scale
    config = {
        "type": "line",
        "data": {"labels": ["a", "b", "c"], "datasets": [{"label": "v4", "data": [3, 1, 2]}]},
    }
    page.fill("#config", json.dumps(config, indent=2))
    page.select_option("#chartjs-version", "4")
    page.fill("#width", "500")
    page.fill("#height", "300")
    page.fill("#scale", "2")
    settle(page)
    assert natural_size(page) == (1000, 600)
    url = page.input_value("#out-url")
    assert query_of(url) == {
        "c": json.dumps(config, separators=(",", ":")),  # JSON goes compact
        "v": "4",
        "w": "500",
        "h": "300",
        "devicePixelRatio": "2",
    }
    # the URL to copy is the chart the page shows
    assert image_state(page)["url"] == url.removeprefix(f"{server}/")
    assert png_size(url) == (1000, 600)
    assert page.problems == []


def test_a_chart_js_config_error_is_shown_readably(page: Any, server: str) -> None:
    open_page(page, server, "#chartjs")
    settle(page)
    good = image_state(page)
    page.fill("#config", "{type: 'bars', data: {datasets: [{data: [1]}]}}")
    settle(page, "error")
    message = quickchart_error(page.input_value("#out-url"))
    assert "bars" in message
    assert page.text_content("#config-error") == message
    assert page.get_attribute("#config", "aria-invalid") == "true"
    assert image_state(page) == good  # the last good chart stays
    # a JavaScript syntax error is named too, and fixing the config clears it
    page.fill("#config", "{type: 'bar', data: {datasets: [{data: [1, 2,]}]")
    settle(page, "error")
    assert page.text_content("#config-error") != ""
    page.fill("#config", "{type: 'bar', data: {datasets: [{data: [1, 2]}]}}")
    settle(page)
    assert page.text_content("#config-error") == ""
    assert page.get_attribute("#config", "aria-invalid") is None
    assert page.problems == []


def test_a_long_chart_js_config_goes_by_post_to_a_render_url(page: Any, server: str) -> None:
    open_page(page, server, "#chartjs")
    settle(page)
    values = [round(1000 + i * 0.123456, 6) for i in range(600)]  # > 4000 characters
    config = {"type": "line", "data": {"datasets": [{"label": "long", "data": values}]}}
    page.fill("#config", json.dumps(config))
    settle(page)
    url = page.input_value("#out-url")
    assert url.startswith(f"{server}/chart/render/")
    assert len(url) < len(json.dumps(config))
    assert natural_size(page) == (800, 400)
    assert png_size(url) == (800, 400)
    assert page.problems == []
