"""Cold starts as Lambda runs them: a fresh runtime Python, read-only code, nothing cached.

Each run is a new ``python -I cold_child.py`` process in a private mount namespace where the code
directory, the runtime's Python installation and a fresh empty HOME are read-only bind mounts
(Lambda's /var/task is read-only, so no bytecode can be cached between runs), with a fresh
writable TMPDIR (Lambda's /tmp) and no MPLCONFIGDIR. The parent times the whole process.
"""

from __future__ import annotations

import copy
import json
import shlex
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote

from report import Row, times, verdict
from workload import BENCH_DIR, EVENT_PATH, median

CHILD = BENCH_DIR / "cold_child.py"
# Issue 10's goal (it was 0.5× before): a cold start at most a quarter of the naive function's.
COLD_START_GOAL = 0.25

# The first request of a fresh instance, per route: (row name, path, query, answer is a PNG).
# Routes import their heavy modules on first use, so each pays its own share of the cold start.
_BAR_SPEC = (
    '{"kind":"bar","categories":["Q1","Q2","Q3"],'
    '"series":[{"name":"2025","y":[3,5,2]},{"name":"2026","y":[4,6,3]}]}'
)
_CHARTJS = "{type:'bar',data:{labels:['Q1','Q2','Q3'],datasets:[{label:'Users',data:[50,60,70]}]}}"
ROUTES: tuple[tuple[str, str, str, bool], ...] = (
    ("/sin", "/sin", "amplitude=2&frequency=3", True),
    ("/chart?spec= (bar)", "/chart", "spec=" + quote(_BAR_SPEC, safe=""), True),
    ("/chart?c= (Chart.js bar)", "/chart", "c=" + quote(_CHARTJS, safe=""), True),
    ("/plot?f=", "/plot", "f=" + quote("sin(x)*exp(-x/5)", safe=""), True),
    ("/docs", "/docs", "", False),
    ("/openapi.json", "/openapi.json", "", False),
)


@dataclass(frozen=True)
class Run:
    wall_s: float
    in_child_s: float
    import_s: float
    first_chart_s: float
    tmp_files: int
    font_cache_built: bool


def read_only_mounts_work() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "sh", "-c", "mount --bind / / && true"],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


def runtime_prefix(python: Path) -> Path:
    out = subprocess.run(
        [str(python), "-I", "-c", "import sys; print(sys.base_prefix)"],
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(out.stdout.strip()).resolve()


def route_event(path: str, query: str) -> dict[str, Any]:
    """The HTTP API event of the benchmark, asking for ``path?query`` instead of /sin."""
    with EVENT_PATH.open(encoding="utf-8") as fh:
        event: dict[str, Any] = json.load(fh)
    event = copy.deepcopy(event)
    event["rawPath"] = path
    event["rawQueryString"] = query
    event["queryStringParameters"] = dict(parse_qsl(query)) or None
    event["requestContext"]["http"]["path"] = path
    return event


def run_once(
    python: Path,
    prefix: Path,
    code_dir: Path,
    module: str,
    read_only: bool,
    event_path: Path = EVENT_PATH,
    expect_png: bool = True,
) -> Run:
    with tempfile.TemporaryDirectory(prefix="chartfn-cold-") as scratch:
        home, tmp = Path(scratch, "home"), Path(scratch, "tmp")
        home.mkdir()
        tmp.mkdir()
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(home),
            "TMPDIR": str(tmp),
            "LANG": "C.UTF-8",
            "LAMBDA_TASK_ROOT": str(code_dir),
            "AWS_LAMBDA_FUNCTION_NAME": "ChartFunction",
        }
        child = [str(python), "-I", str(CHILD), str(code_dir), module, str(event_path)]
        if read_only:
            mounts = "".join(
                f"mount --bind {shlex.quote(str(p))} {shlex.quote(str(p))} && "
                f"mount -o remount,bind,ro {shlex.quote(str(p))} && "
                for p in (code_dir, prefix, home)
            )
            command = [
                "unshare", "--mount", "--propagation", "private",
                "sh", "-c", mounts + "exec " + shlex.join(child),
            ]  # fmt: skip
        else:
            command = [str(python), "-I", "-B", *child[2:]]  # -I ignores PYTHONDONTWRITEBYTECODE
        start = time.perf_counter()
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        wall = time.perf_counter() - start
        if done.returncode != 0:
            raise RuntimeError(f"cold start of {module} failed:\n{done.stderr[-3000:]}")
        report = json.loads(done.stdout.strip().splitlines()[-1])
        if report["status"] != 200 or report["png"] != expect_png:
            raise RuntimeError(f"cold start of {module} did not serve {event_path.name}: {report}")
        return Run(
            wall_s=wall,
            in_child_s=report["in_child_s"],
            import_s=report["import_s"],
            first_chart_s=report["first_chart_s"],
            tmp_files=report["tmp_files"],
            font_cache_built=report["font_cache_built"],
        )


@dataclass(frozen=True)
class ColdStarts:
    chartfn: list[Run]
    naive: list[Run]
    read_only: bool
    # per route (ROUTES' names): fresh chartfn processes whose first request was that route
    routes: dict[str, list[Run]]


def measure(
    python: Path, chartfn_dir: Path, naive_dir: Path, runs: int, warmup: bool
) -> ColdStarts:
    """Alternates chartfn/naive; ``warmup`` runs one of each first, untimed (page cache)."""
    read_only = read_only_mounts_work()
    prefix = runtime_prefix(python)
    targets = ((chartfn_dir, "chartfn.lambda_handler"), (naive_dir, "naive_app.app"))
    if warmup:
        for code_dir, module in targets:
            run_once(python, prefix, code_dir, module, read_only)
    results: tuple[list[Run], list[Run]] = ([], [])
    for i in range(runs):
        order = (0, 1) if i % 2 == 0 else (1, 0)
        for side in order:
            code_dir, module = targets[side]
            results[side].append(run_once(python, prefix, code_dir, module, read_only))
    routes = measure_routes(python, prefix, chartfn_dir, runs, read_only)
    return ColdStarts(results[0], results[1], read_only, routes)


def measure_routes(
    python: Path, prefix: Path, chartfn_dir: Path, runs: int, read_only: bool
) -> dict[str, list[Run]]:
    """``runs`` fresh processes per route, the routes in a rotated order each round."""
    results: dict[str, list[Run]] = {name: [] for name, *_ in ROUTES}
    with tempfile.TemporaryDirectory(prefix="chartfn-cold-events-") as folder:
        events = []
        for i, (name, path, query, png) in enumerate(ROUTES):
            event_path = Path(folder, f"route{i}.json")
            event_path.write_text(json.dumps(route_event(path, query)), encoding="utf-8")
            events.append((name, event_path, png))
        for i in range(runs):
            for name, event_path, png in events[i % len(events) :] + events[: i % len(events)]:
                module = "chartfn.lambda_handler"
                run = run_once(python, prefix, chartfn_dir, module, read_only, event_path, png)
                results[name].append(run)
    return results


def rows(result: ColdStarts) -> list[Row]:
    wall_c = median(r.wall_s for r in result.chartfn)
    wall_n = median(r.wall_s for r in result.naive)
    child_c = median(r.in_child_s for r in result.chartfn)
    child_n = median(r.in_child_s for r in result.naive)
    n = len(result.chartfn)
    return [
        Row(
            what=f"Cold start: process wall time, start → first chart served (n={n} each)",
            chartfn=f"{wall_c:.2f} s",
            naive=f"{wall_n:.2f} s",
            ratio=f"{times(wall_c / wall_n)} (chartfn/naive)",
            target=f"≤ {COLD_START_GOAL}× naive",
            result=verdict(wall_c <= COLD_START_GOAL * wall_n),
            unit="s",
            chartfn_value=wall_c,
            naive_value=wall_n,
            ratio_value=wall_c / wall_n,
        ),
        Row(
            what=f"Cold start: in-child import + first chart (n={n} each)",
            chartfn=f"{child_c:.2f} s",
            naive=f"{child_n:.2f} s",
            ratio=f"{times(child_c / child_n)} (chartfn/naive)",
            target=f"≤ {COLD_START_GOAL}× naive",
            result=verdict(child_c <= COLD_START_GOAL * child_n),
            unit="s",
            chartfn_value=child_c,
            naive_value=child_n,
            ratio_value=child_c / child_n,
        ),
        *route_rows(result.routes),
    ]


def route_rows(routes: dict[str, list[Run]]) -> list[Row]:
    """Process wall time, spawn → the first answer, per route, against the first /sin's."""
    sin_wall = median(r.wall_s for r in routes["/sin"])
    out = []
    for name, runs in routes.items():
        wall = median(r.wall_s for r in runs)
        first = median(r.first_chart_s for r in runs)
        out.append(
            Row(
                what=(f"Cold start, first request {name}: wall (import + request) (n={len(runs)})"),
                chartfn=f"{wall:.2f} s ({first * 1e3:.0f} ms in the request)",
                naive="",
                ratio=f"{times(wall / sin_wall)} (vs first /sin)",
                target="≤ 1.5× first /sin",
                result=verdict(wall <= 1.5 * sin_wall),
                unit="s",
                chartfn_value=wall,
                ratio_value=wall / sin_wall,
            )
        )
    return out


def notes(result: ColdStarts) -> list[str]:
    out = []
    if not result.read_only:
        out.append(
            "cold start: unshare/read-only mounts unavailable, fell back to python -B "
            "(PYTHONDONTWRITEBYTECODE): code dir writable but no bytecode written"
        )
    for name, runs in (("chartfn", result.chartfn), ("naive", result.naive)):
        built = sum(r.font_cache_built for r in runs)
        out.append(
            f"cold start {name}: median import {median(r.import_s for r in runs):.2f} s + "
            f"first chart {median(r.first_chart_s for r in runs) * 1e3:.0f} ms; "
            f"wall min/max {min(r.wall_s for r in runs):.2f}/{max(r.wall_s for r in runs):.2f} s;"
            f" files written to TMPDIR per run: {sorted({r.tmp_files for r in runs})}; "
            f"matplotlib font cache rebuilt in {built}/{len(runs)} runs"
        )
    return out


def main() -> None:
    """Cold starts alone, on code directories already built (run.py builds and runs them all)."""
    import argparse

    from report import markdown

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--runtime-python", type=Path, required=True)
    parser.add_argument("--chartfn", type=Path, required=True, help="built by function/Makefile")
    parser.add_argument("--naive", type=Path, required=True, help="built as builds.build_naive")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    result = measure(args.runtime_python, args.chartfn, args.naive, args.runs, warmup=True)
    print("\n".join([markdown(rows(result)), "", *(f"- {n}" for n in notes(result))]))


if __name__ == "__main__":
    main()
