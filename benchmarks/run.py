"""chartfn benchmark suite: one table of chartfn vs the tutorial way (see benchmarks/README.md).

    python benchmarks/run.py            # full run, ~4-6 minutes on 2 cores
    python benchmarks/run.py --quick    # ~1 minute, fewer charts and runs
    python benchmarks/run.py --json     # the table as JSON on stdout (markdown goes to stderr)
    python benchmarks/run.py --out bench.json

Progress goes to stderr; the markdown table to stdout. Not part of the test suite: nothing here
asserts a timing, rows only report PASS/FAIL against their targets.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import builds
import cold_start
import latency
import memory
import size
from report import Machine, Row, as_json, emit, markdown
from workload import SEED, chart_pairs

PYTHON_ENV = Path(__file__).resolve().parents[1] / "scripts" / "python_env.sh"


@dataclass(frozen=True)
class Plan:
    mode: str
    charts: int
    warmup: int
    repeat_rounds: int
    cold_runs: int
    cold_warmup: bool
    memory_checkpoints: tuple[int, ...]


FULL = Plan("full", 300, 10, 200, 7, True, (1, 1000, 3000))
QUICK = Plan("quick", 60, 5, 50, 3, False, (1, 300, 900))


def runtime_python(given: str | None) -> Path:
    """``--runtime-python``, else the python3.13 that scripts/python_env.sh finds (CHARTFN_PYTHON,
    PATH, pyenv wherever it lives); outside any venv, so builds and cold starts see no
    site-packages but the artifact's."""
    found = given or _python_env_finds("3.13")
    if not found or not Path(found).is_file():
        sys.exit(
            "no Python 3.13 found: pass --runtime-python /path/to/python3.13 (or CHARTFN_PYTHON)"
        )
    probe = "import sys; print(sys.base_prefix); print('%d.%d' % sys.version_info[:2])"
    prefix, version = subprocess.check_output([found, "-c", probe], text=True).splitlines()
    base = Path(prefix) / "bin" / f"python{version}"
    return base if base.is_file() else Path(found)


def _python_env_finds(version: str) -> str | None:
    bash = shutil.which("bash")
    if bash is None:
        return None
    result = subprocess.run(
        [bash, "-c", f'source "$0"; find_runtime_python {version}', str(PYTHON_ENV)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        return None
    return result.stdout.strip() or None


def step[T](name: str, action: Callable[[], T]) -> T:
    print(f"[bench] {name} ...", file=sys.stderr, flush=True)
    start = time.perf_counter()
    result = action()
    print(f"[bench] {name}: {time.perf_counter() - start:.1f} s", file=sys.stderr, flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="~1 minute run with smaller samples")
    parser.add_argument("--json", action="store_true", help="print the table as JSON to stdout")
    parser.add_argument("--out", type=Path, help="also write the table as JSON to this path")
    parser.add_argument("--runtime-python", help="Python 3.13 for builds and cold starts")
    parser.add_argument("--keep", action="store_true", help="keep the built artifacts (temp dir)")
    args = parser.parse_args()
    plan = QUICK if args.quick else FULL
    python = runtime_python(args.runtime_python)
    began = time.perf_counter()

    machine = Machine()
    machine.runtime_python = subprocess.run(
        [str(python), "-I", "-c", "import platform; print(platform.python_version())"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    work = Path(tempfile.mkdtemp(prefix="chartfn-bench-"))
    rows: list[Row] = []
    notes: list[str] = [f"mode: {plan.mode}; seed {SEED}; build dir {work}"]
    try:
        chartfn_dir, naive_dir = work / "chartfn", work / "naive"
        step("build chartfn (Makefile)", lambda: builds.build_chartfn(chartfn_dir, python))
        step("build naive (plain pip)", lambda: builds.build_naive(naive_dir, python))
        sizes = step(
            "size",
            lambda: (
                size.measure(chartfn_dir, work / "chartfn.zip"),
                size.measure(naive_dir, work / "naive.zip"),
            ),
        )
        cold = step(
            f"cold starts ({plan.cold_runs} each)",
            lambda: cold_start.measure(
                python, chartfn_dir, naive_dir, plan.cold_runs, plan.cold_warmup
            ),
        )
        handler, render = step("import chartfn and pyplot", latency.load)
        workload = chart_pairs(plan.charts)
        uncached = step(
            f"uncached charts ({plan.charts})",
            lambda: latency.uncached(handler, render, workload, plan.warmup),
        )
        repeat = step(
            f"repeat chart ({plan.repeat_rounds} rounds)",
            lambda: latency.repeat(handler, render, workload[0], plan.repeat_rounds),
        )
        mem = step(
            f"memory ({', '.join(map(str, plan.memory_checkpoints))} charts)",
            lambda: memory.measure(list(plan.memory_checkpoints)),
        )
    finally:
        if args.keep:
            print(f"[bench] artifacts kept in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)

    rows += latency.uncached_rows(uncached)
    rows += latency.repeat_rows(repeat)
    rows += cold_start.rows(cold)
    rows += memory.rows(mem)
    rows += size.rows(*sizes)
    notes += cold_start.notes(cold)
    notes.append(
        f"memory: image cache holds {mem.cache_entries} images, {mem.cache_bytes / 1e6:.1f} MB "
        "(bounded by CHARTFN_CACHE_MAX_BYTES)"
    )
    if plan.mode == "quick":
        notes.append("quick mode: memory measured after 1, 300 and 900 charts (not 1/1000/3000)")
    elapsed = time.perf_counter() - began
    notes.append(f"total run time {elapsed:.0f} s")

    table = "\n".join([markdown(rows), "", machine.line(), *(f"- {n}" for n in notes)])
    document = as_json(rows, machine, plan.mode, notes, elapsed)
    emit(table, document, args.out, args.json)


if __name__ == "__main__":
    main()
