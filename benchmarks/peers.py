"""chartfn against Chart.js itself, side by side (issue 10's yardstick; see benchmarks/README.md).

    bash benchmarks/peers/setup.sh               # once: Chart.js, @napi-rs/canvas, node-canvas
    .venv/bin/python benchmarks/peers.py         # full run
    .venv/bin/python benchmarks/peers.py --quick # about a minute
    .venv/bin/python benchmarks/peers.py --json  # JSON on stdout (markdown goes to stderr)

Every kind of chart, drawn from new data each request, at 800×400 and 1000×600, one request at
a time over loopback HTTP, alternating chartfn (uvicorn) / Chart.js 4 on @napi-rs/canvas /
Chart.js 4 on node-canvas; then cold starts of the built artifact against a fresh node process.
Progress goes to stderr. Nothing here asserts a timing: goals are reported as met or not met.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import builds
import peers_cold
import peers_latency
from peers_report import as_json, markdown
from peers_servers import PEERS_DIR, chartfn_server, node_binary, peers_server
from report import Machine, emit
from run import runtime_python, step
from workload import SEED, median


@dataclass(frozen=True)
class Plan:
    mode: str
    rounds: int  # timed requests per kind, size and side
    warmup: int  # untimed rounds per size first
    cold_runs: int


FULL = Plan("full", 30, 3, 7)
QUICK = Plan("quick", 4, 1, 3)


def peer_versions() -> str:
    node = subprocess.run([node_binary(), "--version"], capture_output=True, text=True, check=True)
    installed = []
    for name in ("chart.js", "@napi-rs/canvas", "canvas"):
        manifest = json.loads((PEERS_DIR / "node_modules" / name / "package.json").read_text())
        installed.append(f"{name} {manifest['version']}")
    return ", ".join([f"node {node.stdout.strip()}", *installed])


def _warning_notes(series: list[peers_latency.Series]) -> list[str]:
    """What chartfn says it drew differently from Chart.js (X-Chart-Warning), once per kind:
    those rows time a chart that is not yet the same picture."""
    by_kind: dict[str, set[str]] = {}
    for s in series:
        by_kind.setdefault(s.kind.name, set()).update(s.warnings)
    return [
        f"{kind}: chartfn warns: {'; '.join(sorted(warnings))}"
        for kind, warnings in by_kind.items()
        if warnings
    ]


def _cold_notes(cold: peers_cold.ColdRuns) -> list[str]:
    """The in-process part of each cold start and the spread of the wall times: on a loaded
    machine the median of a few whole-process runs moves a lot between runs."""

    def spread(walls: list[float]) -> str:
        return f"wall min/max {min(walls):.2f}/{max(walls):.2f} s"

    notes = [
        f"cold chartfn: median in-child import + first chart "
        f"{median(cold.chartfn_in_child_s):.2f} s; {spread(cold.chartfn_wall_s)}"
    ]
    for backend in peers_cold.BACKENDS:
        in_process = median(cold.node_in_process_s[backend])
        notes.append(
            f"cold node {backend}: median in-process (import + chart) {in_process:.2f} s; "
            f"{spread(cold.node_wall_s[backend])}"
        )
    return notes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="about a minute, few requests")
    parser.add_argument("--json", action="store_true", help="print the results as JSON to stdout")
    parser.add_argument("--out", type=Path, help="also write the JSON to this path")
    parser.add_argument("--rounds", type=int, help="timed requests per row (overrides the mode)")
    parser.add_argument("--no-cold", action="store_true", help="skip the cold-start rows")
    parser.add_argument("--runtime-python", help="Python 3.13 for the artifact's cold starts")
    args = parser.parse_args()
    plan = QUICK if args.quick else FULL
    rounds = args.rounds or plan.rounds
    began = time.perf_counter()
    machine = Machine()
    versions = peer_versions()

    with chartfn_server() as chartfn, peers_server() as peers:
        series = step(
            f"latency: {len(peers_latency.SIZES)} sizes × {rounds} rounds",
            lambda: peers_latency.measure(chartfn, peers, rounds, plan.warmup, SEED),
        )

    cold = None
    if not args.no_cold:
        python = runtime_python(args.runtime_python)
        machine.runtime_python = subprocess.run(
            [str(python), "-I", "-c", "import platform; print(platform.python_version())"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        work = Path(tempfile.mkdtemp(prefix="chartfn-peers-"))
        try:
            step("build chartfn (Makefile)", lambda: builds.build_chartfn(work / "fn", python))
            cold = step(
                f"cold starts ({plan.cold_runs} each)",
                lambda: peers_cold.measure(python, work / "fn", plan.cold_runs),
            )
        finally:
            shutil.rmtree(work, ignore_errors=True)

    elapsed = time.perf_counter() - began
    notes = [
        f"mode {plan.mode}, seed {SEED}, {rounds} timed requests a row after {plan.warmup} "
        f"warm-up rounds; {versions}; total {elapsed:.0f} s",
        *_warning_notes(series),
    ]
    if cold is not None:
        notes += _cold_notes(cold)
    table = "\n".join(
        [markdown(series, cold, rounds), "", machine.line(), *(f"- {n}" for n in notes)]
    )
    document = as_json(series, cold, machine, plan.mode, elapsed)
    document["notes"] = notes
    emit(table, document, args.out, args.json)


if __name__ == "__main__":
    main()
