"""The CloudFront viewer-request function in template.yaml negotiates exactly like the app.

CloudFront caches by the Accept header it forwards; the function reduces a browser's Accept to
the single media type chartfn would answer with. If the two disagreed, the CDN would serve one
format's bytes to a client that asked for another. Runs the JavaScript under node.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from test_template import _CfnLoader

from chartfn.models.output_options import MEDIA_TYPES, negotiate_format
from support import REPO_ROOT

ACCEPT_HEADERS = [
    "",
    "*/*",
    "image/avif,image/webp,image/apng,image/*,*/*;q=0.8",
    "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8",
    "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "image/svg+xml",
    "image/svg+xml, image/png;q=0.5",
    "image/png, image/svg+xml",
    "image/webp,image/*;q=0.5",
    "application/pdf",
    "image/jpeg;q=0.9, image/png;q=0.8",
    "image/svg+xml;q=0",
    "image/svg+xml;q=bogus",
    "image/png;q=nan, image/svg+xml",
    "image/svg+xml;q=inf",
    "IMAGE/SVG+XML",
    "image/*;q=0.2, application/pdf;q=0.3",
    " image/jpeg ; q = 0.7 , image/png ; q=0.6",
]


def node() -> str:
    found = shutil.which("node")
    if found is None:
        pytest.skip("node is not installed (the machine image ships it; the check needs it)")
    return found


def function_code() -> str:
    template = yaml.load((REPO_ROOT / "template.yaml").read_text(), Loader=_CfnLoader)
    resource = template["Resources"]["ChartCdnRequestFunction"]
    return resource["Properties"]["FunctionCode"]


def run_js(script: str) -> object:
    result = subprocess.run(
        [node(), "-e", function_code() + "\n" + script],
        capture_output=True,
        text=True,
        timeout=120,  # a guard against a hang; node starts in well under a second
        check=True,
    )
    return json.loads(result.stdout)


def test_the_cdn_negotiates_like_the_app() -> None:
    chosen = run_js(f"console.log(JSON.stringify({json.dumps(ACCEPT_HEADERS)}.map(negotiate)))")
    expected = [
        "" if negotiate_format(a) == "png" else MEDIA_TYPES[negotiate_format(a)]
        for a in ACCEPT_HEADERS
    ]
    assert chosen == expected


def test_the_cdn_request_function_rewrites_headers() -> None:
    script = """
    function req(accept, qs, uri) {
      var headers = accept === null ? {} : { accept: { value: accept } };
      return handler({ request: { uri: uri || "/chart", headers: headers, querystring: qs } })
        .headers;
    }
    console.log(JSON.stringify([
      req("image/avif,image/webp,image/apng,image/*,*/*;q=0.8", {}),
      req("image/svg+xml", {}),
      req("image/svg+xml", { format: { value: "png" } }),
      req(null, {}),
      req("image/svg+xml", { f: { value: "png" } }),
      req("image/svg+xml", { c: { value: "{type:'bar'}" } }),
      req("image/svg+xml", { chart: { value: "{type:'bar'}" } }),
      req("image/svg+xml", {}, "/chart/render/eNo"),
    ]));
    """
    browser, svg, explicit, none, *quickchart = run_js(script)  # type: ignore[misc]
    assert "accept" not in browser  # PNG: one cache entry for every browser
    assert svg["accept"] == {"value": "image/svg+xml"}
    assert "accept" not in explicit  # format= in the URL decides; Accept must not split the cache
    assert "accept" not in none
    # QuickChart requests never negotiate: f=, c=, chart= and render ids ignore Accept
    for headers in quickchart:
        assert "accept" not in headers, headers
    for headers in (browser, svg, explicit, none, *quickchart):
        assert headers["x-forwarded-prefix"] == {"value": "/"}


def test_lint_is_clean_with_the_cdn_on(tmp_path: Path) -> None:
    """`sam validate --lint` with EnableCdn defaulting to true (test_template lints it off)."""
    from test_template import sam_cli

    text = (REPO_ROOT / "template.yaml").read_text()
    marker = 'EnableCdn:\n    Type: String\n    Default: "false"'
    assert marker in text
    variant = tmp_path / "template.yaml"
    variant.write_text(text.replace(marker, marker.replace('"false"', '"true"')))
    result = sam_cli(["validate", "--lint", "--template-file", str(variant)], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
