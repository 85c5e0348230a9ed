"""scripts/python_env.sh finds pyenv's Pythons wherever pyenv lives, not only under ~/.pyenv.

Each test runs the script's ``find_runtime_python`` in a scrubbed environment: an empty HOME
(a fresh CI user or container), and a PATH of a few tools with no python3.x on it, so the only
interpreter to find is the one the test plants (a symlink to the interpreter running the tests).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from support import REPO_ROOT

PYTHON_ENV = REPO_ROOT / "scripts" / "python_env.sh"
VERSION = f"{sys.version_info.major}.{sys.version_info.minor}"
# what the script and the shell need besides bash builtins; linked one by one so that no
# python3.13 or python3.12 from /usr/bin or a pyenv shim directory comes along
TOOLS = ("bash", "sh", "dirname", "ls", "sort", "head", "cat", "sha256sum", "cut", "env")


def real_interpreter() -> Path:
    """This Python outside any venv (a venv's python needs its pyvenv.cfg beside it)."""
    base = Path(sys.base_prefix) / "bin" / f"python{VERSION}"
    return (base if base.exists() else Path(sys.executable)).resolve()


def tools_dir(root: Path) -> Path:
    tools = root / "tools"
    tools.mkdir()
    for name in TOOLS:
        found = shutil.which(name)
        assert found is not None, f"{name} is needed to run the script"
        (tools / name).symlink_to(found)
    return tools


def plant_pyenv_version(pyenv_root: Path) -> Path:
    """``<pyenv_root>/versions/<X.Y>.99/bin/pythonX.Y``, as ``pyenv install`` lays it out."""
    bin_dir = pyenv_root / "versions" / f"{VERSION}.99" / "bin"
    bin_dir.mkdir(parents=True)
    python = bin_dir / f"python{VERSION}"
    python.symlink_to(real_interpreter())
    return python


def find_runtime_python(env: dict[str, str], *versions: str) -> subprocess.CompletedProcess[str]:
    script = f"source {PYTHON_ENV}; find_runtime_python {' '.join(versions)}"
    return subprocess.run(
        [env["PATH"] + "/bash", "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def clean_env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    return {"HOME": str(home), "PATH": str(tools_dir(tmp_path)), "LANG": "C.UTF-8"}


def test_the_scrubbed_path_has_no_python_of_its_own(tmp_path: Path) -> None:
    # without a planted interpreter nothing may be found, or the tests below prove nothing
    result = find_runtime_python(clean_env(tmp_path))
    assert result.returncode != 0, result.stdout
    assert "needs Python" in result.stderr


def test_finds_pyenv_under_pyenv_root_with_a_clean_home(tmp_path: Path) -> None:
    env = clean_env(tmp_path)
    planted = plant_pyenv_version(tmp_path / "elsewhere" / "pyenv")
    env["PYENV_ROOT"] = str(tmp_path / "elsewhere" / "pyenv")
    result = find_runtime_python(env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(planted)


def test_finds_pyenv_through_pyenv_root_command(tmp_path: Path) -> None:
    env = clean_env(tmp_path)
    planted = plant_pyenv_version(tmp_path / "opt" / "pyenv")
    # a pyenv on PATH (as an installer or a CI action puts it) that knows its own root
    fake = Path(env["PATH"]) / "pyenv"
    fake.write_text(f'#!/bin/sh\n[ "$1" = root ] && echo {tmp_path / "opt" / "pyenv"}\n')
    fake.chmod(0o755)
    result = find_runtime_python(env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(planted)


def test_a_pyenv_version_other_than_the_one_asked_for_is_not_taken(tmp_path: Path) -> None:
    # scripts/test.sh asks for 3.13 only: a 3.12 must not be taken for it, nor the reverse
    env = clean_env(tmp_path)
    plant_pyenv_version(tmp_path / "pyenv")
    env["PYENV_ROOT"] = str(tmp_path / "pyenv")
    other = "3.12" if VERSION == "3.13" else "3.13"
    result = find_runtime_python(env, other)
    assert result.returncode != 0, result.stdout
    assert f"needs Python {other} here" in result.stderr
    assert str(tmp_path / "pyenv" / "versions") in result.stderr  # says where it looked
