"""Rules of the package's structure that keep the service fast, thread-safe and write-free."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from support import REPO_ROOT

PACKAGE = REPO_ROOT / "function" / "chartfn"
MODULES = sorted(PACKAGE.rglob("*.py"))


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_only_the_runtime_module_imports_matplotlib(path: Path) -> None:
    """Everything else takes matplotlib from chartfn.drawing.matplotlib_runtime, so its
    read-only set-up always runs first."""
    if path.name == "matplotlib_runtime.py":
        return
    direct = {m for m in imported_modules(path) if m.split(".")[0] in {"matplotlib", "pylab"}}
    assert not direct, f"{path.name} imports {direct} directly"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_no_pyplot_anywhere(path: Path) -> None:
    assert "pyplot" not in path.read_text(encoding="utf-8")


def modules_of(layer: str) -> list[str]:
    return sorted(
        "chartfn." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        for path in (PACKAGE / layer).rglob("*.py")
        if path.name != "__init__.py"
    )


# What each layer may never load, directly or through anything it imports.
FORBIDDEN = {
    # models and parsing, and the Chart.js translation: plain data, no drawing, no HTTP
    "models": {"matplotlib", "PIL", "fastapi", "starlette", "mangum", "chartfn.drawing"},
    "chartjs": {"matplotlib", "PIL", "fastapi", "starlette", "mangum", "chartfn.drawing"},
    # drawing knows no HTTP
    "drawing": {"fastapi", "starlette", "mangum", "chartfn.http"},
}


def loaded_by(modules: list[str]) -> set[str]:
    """Every module that importing ``modules`` loads, in a fresh interpreter."""
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO_ROOT / "function",
        capture_output=True,
        text=True,
        check=True,
    )
    return set(json.loads(result.stdout))


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_a_layer_loads_nothing_of_the_layers_it_must_not_know(layer: str) -> None:
    modules = modules_of(layer)
    assert len(modules) >= 3, f"{layer}/ looks empty: {modules}"
    loaded = loaded_by(modules)
    forbidden = FORBIDDEN[layer]
    offending = sorted(
        name for name in loaded if any(name == f or name.startswith(f + ".") for f in forbidden)
    )
    assert not offending, f"importing {layer}/ loads {offending[:10]}"


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_no_module_of_a_layer_imports_a_forbidden_one_even_lazily(layer: str) -> None:
    """Imports inside functions count too: the subprocess check above sees only module level."""
    forbidden = FORBIDDEN[layer]
    for path in (PACKAGE / layer).rglob("*.py"):
        bad = {
            name
            for name in imported_modules(path)
            if any(name == f or name.startswith(f + ".") for f in forbidden)
        }
        assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}"


def test_bundled_font_list_is_current_for_the_pinned_matplotlib() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO_ROOT / "scripts" / "generate_fontlist.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_font_manager_comes_from_the_bundled_list_not_a_scan() -> None:
    from chartfn.drawing.matplotlib_runtime import FONT_MANAGER, MATPLOTLIB_DATA_DIR

    bundled = next(MATPLOTLIB_DATA_DIR.glob("fontlist-v*.json"))
    assert bundled.exists()
    fonts = {Path(entry.fname).name for entry in FONT_MANAGER.ttflist}
    assert "DejaVuSans.ttf" in fonts
    bundled_with_chartfn = str(PACKAGE / "drawing" / "fonts")
    assert all(
        "mpl-data" in entry.fname or entry.fname.startswith(bundled_with_chartfn)
        for entry in FONT_MANAGER.ttflist
    ), "a font from the machine leaked in: the list must not depend on where it was built"


def test_importing_the_package_turns_bytecode_writing_off() -> None:
    """Defence in depth for a deployment that ships no .pyc: never try to write one."""
    result = subprocess.run(
        [sys.executable, "-c", "import sys, chartfn; print(sys.dont_write_bytecode)"],
        cwd=REPO_ROOT / "function",
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "True"
