"""The two Lambda code directories: chartfn by its Makefile, the naive app as plain pip would."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from workload import FUNCTION_DIR, NAIVE_APP_DIR


def _run(command: list[str], env: dict[str, str] | None = None) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout[-3000:]}"
            f"\n{done.stderr[-3000:]}"
        )


def build_chartfn(dest: Path, runtime_python: Path) -> None:
    """``make -C function build-ChartFunction`` with the runtime's python3.13 first on PATH."""
    env = dict(os.environ)
    env["PATH"] = f"{runtime_python.parent}{os.pathsep}{env.get('PATH', '')}"
    _run(
        ["make", "-s", "-C", str(FUNCTION_DIR), "build-ChartFunction", f"ARTIFACTS_DIR={dest}"], env
    )


def build_naive(dest: Path, runtime_python: Path) -> None:
    """What a plain ``sam build`` ships: the pinned wheels as installed, no .pyc, nothing removed,
    plus the ``naive_app`` package."""
    _run(
        [
            str(runtime_python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--no-compile",
            "--target",
            str(dest),
            "-r",
            str(FUNCTION_DIR / "requirements.txt"),
        ]
    )
    shutil.copytree(
        NAIVE_APP_DIR / "naive_app",
        dest / "naive_app",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
