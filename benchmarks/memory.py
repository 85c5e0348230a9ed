"""RSS of one warm Lambda instance as it serves distinct charts (a fresh process).

Run by run.py; the child is this file with ``--child N1 N2 ...``: it imports the handler, serves
distinct charts through it and prints VmRSS (after a gc.collect()) at each checkpoint as JSON.
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from report import Row, verdict
from workload import (
    FUNCTION_DIR,
    SEED,
    LambdaContext,
    chart_pairs,
    check_png,
    discard_service_logs,
    load_event_template,
    sin_event,
)


def vm_rss_bytes() -> int:
    with open("/proc/self/status", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def child(checkpoints: list[int]) -> None:
    sys.path.insert(0, str(FUNCTION_DIR))
    from chartfn.lambda_handler import app, handler

    discard_service_logs()

    template, context = load_event_template(), LambdaContext()
    rss: dict[int, int] = {}
    for i, pair in enumerate(chart_pairs(max(checkpoints), seed=SEED + 1), start=1):
        check_png(handler(sin_event(template, pair), context))
        if i in checkpoints:
            gc.collect()
            rss[i] = vm_rss_bytes()
    cache = app.state.chart_service.cache
    print(json.dumps({"rss": rss, "cache_bytes": cache.size_bytes, "cache_entries": len(cache)}))


@dataclass(frozen=True)
class Memory:
    rss: dict[int, int]
    cache_bytes: int
    cache_entries: int


def measure(checkpoints: list[int]) -> Memory:
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", *map(str, checkpoints)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"memory child failed:\n{done.stderr[-3000:]}")
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return Memory(
        {int(k): v for k, v in report["rss"].items()},
        report["cache_bytes"],
        report["cache_entries"],
    )


def rows(result: Memory) -> list[Row]:
    counts = sorted(result.rss)
    out = [
        Row(
            what=f"Memory: RSS after {n} distinct chart{'s' if n > 1 else ''}",
            chartfn=f"{result.rss[n] / 1e6:.1f} MB",
            naive="—",
            ratio="—",
            target="—",
            result="info",
            unit="bytes",
            chartfn_value=result.rss[n],
        )
        for n in counts
    ]
    low, high = counts[-2], counts[-1]
    growth = result.rss[high] - result.rss[low]
    out.append(
        Row(
            what=f"Memory: RSS growth {low} → {high} charts",
            chartfn=f"{growth / 1e6:+.1f} MB",
            naive="—",
            ratio="—",
            target="< 5 MB",
            result=verdict(growth < 5e6),
            unit="bytes",
            chartfn_value=growth,
        )
    )
    return out


if __name__ == "__main__" and sys.argv[1:2] == ["--child"]:
    child([int(a) for a in sys.argv[2:]])
