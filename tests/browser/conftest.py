"""A real headless Chromium (Debian's, driven by Playwright) against a real local uvicorn.

Playwright comes from requirements.txt; the browser is the system's Chromium, installed by
scripts/install_browser.sh (Playwright's own browser download needs a network we may not have).
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from chartfn.app import create_app
from chartfn.settings import Settings
from local_server import serve

LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",  # tests run as root in containers, where the sandbox cannot start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# what Chromium logs for every 4xx fetch, including the 422s the error tests ask for
EXPECTED_4XX = "Failed to load resource: the server responded with a status of 4"


def chromium_path() -> str:
    found = os.environ.get("CHARTFN_CHROMIUM") or shutil.which("chromium")
    for candidate in (found, "/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if candidate and Path(candidate).is_file():
            return candidate
    if not sys.platform.startswith("linux") or shutil.which("apt-get") is None:
        pytest.skip(
            "no Chromium here and no apt-get to install it (scripts/install_browser.sh); "
            "set CHARTFN_CHROMIUM=/path/to/chromium to run the browser tests"
        )
    pytest.fail("Chromium is missing: run `bash scripts/install_browser.sh` (as root)")


# Module scope, not session: Playwright's sync API keeps an asyncio loop running in the main
# thread while it is started, which breaks later tests that run their own loop (anyio, Mangum).
@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("playwright is missing: pip install -r requirements.txt")
    with sync_playwright() as playwright:
        # launch() starts from a fresh, empty profile: nothing cached between runs
        browser = playwright.chromium.launch(
            executable_path=executable, args=LAUNCH_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serve(create_app(Settings())) as base_url:
        yield base_url


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    # a guard against a hang, not Playwright's 30 s default: a loaded machine is slower, not wrong
    context.set_default_timeout(120_000)
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on(
        "console",
        lambda message: (
            problems.append(f"console: {message.text}")
            if message.type == "error" and not message.text.startswith(EXPECTED_4XX)
            else None
        ),
    )
    page.problems = problems  # read by the tests: no script errors, no CSP violations
    try:
        yield page
    finally:
        context.close()
