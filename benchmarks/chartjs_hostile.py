"""The hostile-input table: every case of tests/unit/test_chartjs_sandbox.py, timed, with memory.

    /path/to/python benchmarks/chartjs_hostile.py > table.md

Per case: wall time to the ConfigError, the process's RSS before and after (after the context
is freed), the growth of peak RSS, and QuickJS's own malloc_size of the context when the work
stopped (measured by running the case once more; for callbacks: of the config's context).
Then an ordinary config must still work.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "function"), str(ROOT / "tests"), str(ROOT / "tests" / "unit")]

from test_chartjs_sandbox import HOSTILE_AT_PARSE, HOSTILE_CALLBACKS, NORMAL  # noqa: E402

from chartfn.chartjs.config import _TREE_LIMITS, ConfigError, parse_config  # noqa: E402
from chartfn.chartjs.sandbox import SandboxPool, _Worker  # noqa: E402


def is_json_path(text: str) -> bool:
    try:
        json.loads(text)
    except RecursionError:
        return True
    except ValueError:
        return False
    return True


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    pool = SandboxPool(threads=1)
    with parse_config(NORMAL, pool=pool):
        pass  # engine loaded and the worker started before the first measurement
    worker = pool._pick()
    print(
        "| case | outcome | wall ms | RSS before MB | RSS after MB | peak RSS growth MB |"
        " QuickJS malloc_size MB | next config ok |"
    )
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |")
    rows = [(f"parse: {name}", text, None) for name, text, _ in HOSTILE_AT_PARSE]
    rows += [
        (f"callback: {name}", f"{{type: 'bar', cb: {src}}}", "cb")
        for name, src, _ in HOSTILE_CALLBACKS
    ]
    for name, text, callback in rows:
        before, peak_before = rss_mb(), peak_mb()
        start = time.perf_counter()
        js_memory: int | None = None
        if callback is None:
            body = text.rstrip().rstrip(";")
            try:
                config = parse_config(text, pool=pool)
                config.close()
                outcome = "no error!"
            except ConfigError as exc:
                outcome = str(exc)[:70]
            elapsed = time.perf_counter() - start
            if not is_json_path(text):  # the JSON path never reaches QuickJS
                measured = worker.submit(
                    _Worker.task_evaluate, body, pool.nonce, _TREE_LIMITS, pool.limits, True
                ).result()
                js_memory = measured.js_memory
                if measured.handle is not None:
                    worker.submit(_Worker.task_release, measured.handle).result()
        else:
            with parse_config(text, pool=pool) as config:
                start = time.perf_counter()
                try:
                    config.call(config.config[callback], [7])
                    outcome = "no error!"
                except ConfigError as exc:
                    outcome = str(exc)[:70]
                elapsed = time.perf_counter() - start
                js_memory = config.memory().get("malloc_size")
        after = rss_mb()
        with parse_config(NORMAL, pool=pool) as config:
            ok = config.call(config.config["f"], [41]) == 42
        memory = "" if js_memory is None else f"{js_memory / 2**20:.1f}"
        print(
            f"| {name} | {outcome.replace('|', '/')} | {elapsed * 1000:.0f} | {before:.1f} |"
            f" {after:.1f} | {peak_mb() - peak_before:.1f} | {memory} | {ok} |",
            flush=True,
        )
    pool.close()


if __name__ == "__main__":
    main()
