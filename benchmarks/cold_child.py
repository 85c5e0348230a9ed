"""Child of cold_start.py: one Lambda-like cold start, standard library only until the import.

Run as ``python -I cold_child.py CODE_DIR MODULE EVENT_JSON``: puts CODE_DIR first on sys.path
(as Lambda does with /var/task), imports MODULE's ``handler``, serves the event once and prints
one JSON line with its own timings, the response's status and content type, and what it wrote
to TMPDIR (Lambda's /tmp). The event may be any route's (cold_start.py's per-route rows). The parent
measures the wall time of the whole process.
"""

from __future__ import annotations

import time

START = time.perf_counter()

import base64  # noqa: E402
import importlib  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402


class Context:
    function_name = "ChartFunction"
    function_version = "$LATEST"
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:ChartFunction"
    memory_limit_in_mb = 1769
    aws_request_id = "c6af9ac6-7b61-11e6-9a41-93e812345678"
    log_group_name = "/aws/lambda/ChartFunction"
    log_stream_name = "2026/11/26/[$LATEST]bench"

    def get_remaining_time_in_millis(self) -> int:
        return 10_000


def main() -> None:
    code_dir, module_name, event_path = sys.argv[1:4]
    with open(event_path, encoding="utf-8") as fh:
        event = json.load(fh)
    sys.path.insert(0, code_dir)
    before_import = time.perf_counter()
    handler = importlib.import_module(module_name).handler
    imported = time.perf_counter()
    response = handler(event, Context())
    served = time.perf_counter()
    # matplotlib deletes its temporary cache directory at exit: look before that happens
    written = [name for _, _, names in os.walk(tempfile.gettempdir()) for name in names]
    body = response.get("body") or ""
    data = base64.b64decode(body) if response.get("isBase64Encoded") else body.encode()
    headers = {str(k).lower(): str(v) for k, v in (response.get("headers") or {}).items()}
    print(
        json.dumps(
            {
                "status": response.get("statusCode"),
                "png": data.startswith(b"\x89PNG\r\n\x1a\n"),
                "content_type": headers.get("content-type", ""),
                "body_bytes": len(data),
                "import_s": imported - before_import,
                "first_chart_s": served - imported,
                "in_child_s": served - START,
                "modules": len(sys.modules),
                "tmp_files": len(written),
                "font_cache_built": any(name.startswith("fontlist") for name in written),
            }
        )
    )


if __name__ == "__main__":
    main()
