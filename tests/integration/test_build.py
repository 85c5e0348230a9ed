"""The Lambda artifact as `sam build` makes it (function/Makefile): size, contents, no writes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from read_only_lambda import run_read_only
from support import EVENTS_DIR, REPO_ROOT

MAX_UNZIPPED_BYTES = 150 * 1000 * 1000
SMOKE = Path(__file__).with_name("artifact_smoke.py")
PROBE = Path(__file__).with_name("no_writes_probe.py")


def runtime_python() -> str:
    """The Lambda runtime's interpreter without any venv: the artifact must be self-contained."""
    base = (
        Path(sys.base_prefix) / "bin" / f"python{sys.version_info.major}.{sys.version_info.minor}"
    )
    return str(base if base.exists() else sys.executable)


@pytest.fixture(scope="session")
def lambda_artifact(tmp_path_factory: pytest.TempPathFactory) -> Path:
    artifact = tmp_path_factory.mktemp("artifact")
    environment = {**os.environ, "PYTHON": runtime_python()}
    result = subprocess.run(
        [
            "make",
            "-s",
            "-C",
            str(REPO_ROOT / "function"),
            "build-ChartFunction",
            f"ARTIFACTS_DIR={artifact}",
        ],
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return artifact


def tree_bytes(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def test_artifact_is_under_the_size_budget_with_bytecode(lambda_artifact: Path) -> None:
    assert tree_bytes(lambda_artifact) < MAX_UNZIPPED_BYTES
    package = lambda_artifact / "chartfn"
    sources = {p.relative_to(package).with_suffix("") for p in package.rglob("*.py")}
    compiled = {
        p.parent.parent.relative_to(package) / p.name.split(".")[0]
        for p in package.rglob("__pycache__/*.pyc")
    }
    assert len(sources) > 30, sources  # every layer's modules, not only the top level
    assert sources <= compiled, sorted(map(str, sources - compiled))


def test_artifact_ships_only_the_runtime_dependencies(lambda_artifact: Path) -> None:
    for development_only in ("pytest", "httpx", "uvicorn", "hypothesis", "ruff", "yaml"):
        assert not (lambda_artifact / development_only).exists(), development_only
    assert (lambda_artifact / "matplotlib" / "backends" / "backend_agg.py").exists()
    assert (lambda_artifact / "chartfn" / "drawing" / "matplotlib_data" / "matplotlibrc").exists()


def test_stripped_artifact_still_renders_every_format(lambda_artifact: Path) -> None:
    result = subprocess.run(
        [
            runtime_python(),
            str(SMOKE),
            "--artifact",
            str(lambda_artifact),
            "--python",
            runtime_python(),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def test_artifact_cold_start_and_requests_write_nothing(
    lambda_artifact: Path, tmp_path: Path
) -> None:
    """The artifact alone (no venv) on a read-only mount, as /var/task is on Lambda."""
    python = runtime_python()
    read_only = [lambda_artifact, Path(sys.base_prefix).resolve(), EVENTS_DIR]
    result = run_read_only(
        [python, "-I", str(PROBE), str(lambda_artifact), str(EVENTS_DIR)],
        read_only=read_only,
        home=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["code_dir_writable"] is False
    assert set(report["statuses"].values()) == {200, 422}
    assert report["writes"] == []


def test_artifact_has_no_pyc_for_a_missing_source(lambda_artifact: Path) -> None:
    orphans = [
        pyc
        for pyc in (lambda_artifact / "chartfn").rglob("*.pyc")
        if not (pyc.parent.parent / (pyc.name.split(".")[0] + ".py")).exists()
    ]
    assert orphans == []


def test_artifact_runs_javascript_configs_in_its_sandbox(lambda_artifact: Path) -> None:
    """quickjs-ng's extension survives the Makefile's strip and the prelude files are shipped."""
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); "
        "from chartfn.chartjs.config import parse_config; "
        "c = parse_config(\"{type: 'bar', cb: (v) => (1234.5).toLocaleString('de-DE') + v}\"); "
        "print(c.config['type'], c.call(c.config['cb'], ['!']))"
    )
    result = subprocess.run(
        [runtime_python(), "-I", "-c", code, str(lambda_artifact)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip() == "bar 1.234,5!"


BYTECODE_PROBE = """
import importlib.util, json, sys
from pathlib import Path

artifact = Path(sys.argv[1]).resolve()
sys.path.insert(0, str(artifact))
import chartfn.lambda_handler  # noqa: F401

unusable = []
for name, module in sorted(sys.modules.items()):
    source = getattr(module, "__file__", None) or ""
    if not source.endswith(".py") or not Path(source).resolve().is_relative_to(artifact):
        continue
    cached = Path(importlib.util.cache_from_source(source))
    header = cached.read_bytes()[:8] if cached.exists() else b""
    # the runtime's magic number, and flags 0b01: hash-based, source never checked
    if header[:4] != importlib.util.MAGIC_NUMBER or int.from_bytes(header[4:8], "little") != 1:
        unusable.append(name)
print(json.dumps({"modules": len(sys.modules), "unusable": unusable}))
"""


def test_a_cold_start_finds_usable_bytecode_for_every_module(lambda_artifact: Path) -> None:
    """On a read-only /var/task a missing or stale .pyc is compiled again on every cold start:
    every module of the artifact that the handler's import loads has a .pyc of the runtime's
    Python, trusted without a look at its source (unchecked-hash)."""
    result = subprocess.run(
        [runtime_python(), "-I", "-c", BYTECODE_PROBE, str(lambda_artifact)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["modules"] > 300  # numpy, matplotlib, fastapi and chartfn were looked at
    assert report["unusable"] == []
