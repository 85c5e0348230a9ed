"""Counts every file-system write while importing the Lambda handler and serving requests.

Run by tests/integration/test_no_writes.py inside a mount namespace where the code directory,
the Python installation and HOME are read-only bind mounts, as on Lambda. Prints one JSON object.

    python no_writes_probe.py CODE_DIR EVENTS_DIR [--import-first MODULE]

``--import-first`` imports a module before the handler (e.g. ``matplotlib.pyplot``): the
negative control, which must be caught writing.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
WRITE_EVENTS = {
    "os.mkdir",
    "os.rename",
    "os.replace",
    "os.remove",
    "os.unlink",
    "os.rmdir",
    "os.truncate",
    "os.link",
    "os.symlink",
    "os.chmod",
    "os.chown",
    "os.utime",
    "shutil.rmtree",
    "shutil.copyfile",
    "shutil.move",
    "tempfile.mkstemp",
    "tempfile.mkdtemp",
}
writes: list[list[str]] = []


def count_writes(event: str, args: tuple[Any, ...]) -> None:
    if event == "open":
        path, mode, flags = args
        if (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            isinstance(flags, int) and flags & WRITE_FLAGS
        ):
            writes.append([event, repr(path), repr(mode)])
    elif event in WRITE_EVENTS:
        writes.append([event, repr(args)[:200]])


def read_only_evidence(code_dir: Path) -> dict[str, Any]:
    home = Path(os.environ["HOME"])
    try:
        (code_dir / "probe-write-test").write_bytes(b"x")
        write_error = None
    except OSError as exc:
        write_error = f"{type(exc).__name__}: {exc.strerror}"
    return {
        "code_dir_writable": os.access(code_dir, os.W_OK),
        "home_writable": os.access(home, os.W_OK),
        "write_into_code_dir": write_error,
    }


def main() -> None:
    code_dir, events_dir = Path(sys.argv[1]), Path(sys.argv[2])
    import_first = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--import-first" else None
    evidence = read_only_evidence(code_dir)
    events = {p.stem: json.loads(p.read_text()) for p in sorted(events_dir.glob("*.json"))}

    sys.addaudithook(count_writes)  # from here on, every write attempt is counted
    if import_first:
        __import__(import_first)
    sys.path.insert(0, str(code_dir))
    from chartfn.lambda_handler import handler

    class Context:
        aws_request_id = "probe"

        def get_remaining_time_in_millis(self) -> int:
            return 10_000

    statuses = {}
    for name, event in events.items():
        statuses[name] = handler(event, Context())["statusCode"]
    nan_event = events["http_api_sin"]
    nan_event["rawQueryString"] = "amplitude=nan"
    statuses["http_api_nan"] = handler(nan_event, Context())["statusCode"]
    print(json.dumps({**evidence, "statuses": statuses, "writes": writes}))


if __name__ == "__main__":
    main()
