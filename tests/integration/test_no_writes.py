"""Zero file-system writes over a cold start (import) and requests, in a Lambda-like sandbox."""

from __future__ import annotations

import compileall
import json
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from read_only_lambda import python_installation, run_read_only
from support import EVENTS_DIR, REPO_ROOT

PROBE = Path(__file__).with_name("no_writes_probe.py")


@pytest.fixture(scope="module")
def lambda_code_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package as the build ships it: sources plus bytecode compiled ahead of time."""
    code_dir = tmp_path_factory.mktemp("var-task")
    shutil.copytree(
        REPO_ROOT / "function" / "chartfn",
        code_dir / "chartfn",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    compileall.compile_dir(
        code_dir,
        quiet=1,
        invalidation_mode=compileall.py_compile.PycInvalidationMode.UNCHECKED_HASH,
    )
    return code_dir


def probe(code_dir: Path, home: Path, *extra: str) -> dict[str, Any]:
    read_only = [code_dir, python_installation(), Path(sys.base_prefix).resolve(), EVENTS_DIR]
    result = run_read_only(
        [sys.executable, str(PROBE), str(code_dir), str(EVENTS_DIR), *extra],
        read_only=read_only,
        home=home,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_cold_start_and_requests_write_nothing(lambda_code_dir: Path, tmp_path: Path) -> None:
    report = probe(lambda_code_dir, tmp_path)
    # the sandbox really is read-only, for root too
    assert report["code_dir_writable"] is False
    assert report["home_writable"] is False
    assert "Read-only file system" in report["write_into_code_dir"]
    # the handler served every fixture
    assert report["statuses"]["rest_api_sin"] == 200
    assert report["statuses"]["http_api_sin"] == 200
    assert report["statuses"]["function_url_sin"] == 200
    assert report["statuses"]["alb_sin"] == 200
    assert report["statuses"]["rest_api_docs"] == 200
    assert report["statuses"]["http_api_nan"] == 422
    assert report["writes"] == []


def test_the_probe_catches_a_version_that_writes(lambda_code_dir: Path, tmp_path: Path) -> None:
    """Negative control: plain matplotlib (pyplot imported first, as the tutorial does) writes
    its config and font cache; the same probe must see it."""
    report = probe(lambda_code_dir, tmp_path, "--import-first", "matplotlib.pyplot")
    kinds = {write[0] for write in report["writes"]}
    assert report["writes"], "the probe missed matplotlib's cache writes"
    assert kinds & {"tempfile.mkdtemp", "os.mkdir"}
