"""Run a command the way Lambda runs the handler: code, Python and HOME on read-only mounts.

``chmod`` does not stop root, so the tests use what Lambda uses: read-only bind mounts, made in
a private mount namespace (``unshare --mount``) so the host's mounts are untouched. Inside,
``os.access(path, W_OK)`` is false and writes fail with EROFS, for root too.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def require_mount_namespaces() -> None:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("read-only mounts need root and util-linux's unshare (Lambda-like sandbox)")


def run_read_only(
    command: list[str], *, read_only: list[Path], home: Path, timeout_s: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run ``command`` with each ``read_only`` path (and ``home``) re-mounted read-only."""
    require_mount_namespaces()
    mounts = "".join(
        f"mount --bind {shlex.quote(str(p))} {shlex.quote(str(p))} && "
        f"mount -o remount,bind,ro {shlex.quote(str(p))} && "
        for p in [*read_only, home]
    )
    environment = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        # what Lambda's Python runtime sets; nothing that would hide a write
        "LAMBDA_TASK_ROOT": str(read_only[0]),
        "AWS_LAMBDA_FUNCTION_NAME": "ChartFunction",
    }
    script = mounts + "exec " + shlex.join(command)
    return subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "sh", "-c", script],
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout_s,
        check=False,
    )


def python_installation() -> Path:
    """The directory tree holding this interpreter and its packages (venv or base install)."""
    return Path(sys.prefix).resolve()
