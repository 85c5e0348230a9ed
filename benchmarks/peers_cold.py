"""Cold-start rows against the yardsticks: chartfn's built artifact started as Lambda starts it
(``cold_start.run_once``: runtime Python, read-only mounts, nothing cached) against a fresh
``node`` process that imports Chart.js and one canvas backend and draws the same chart to PNG
(``peers/cold.mjs``). Each side is timed as a whole process, spawn to exit.

The chart is the one chartfn's cold start serves (events/http_api_sin.json: /sin, amplitude 2,
frequency 3, 800×400); the peers draw its Chart.js equivalent.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import cold_start
from peers_charts import sin_chart_config
from peers_servers import PEERS_DIR, node_binary
from workload import median

# the chart of events/http_api_sin.json, which chartfn's cold start serves
COLD_AMPLITUDE, COLD_FREQUENCY, COLD_WIDTH, COLD_HEIGHT = 2.0, 3.0, 800, 400
BACKENDS = ("napi", "cairo")


@dataclass
class ColdRuns:
    chartfn_wall_s: list[float] = field(default_factory=list)
    chartfn_in_child_s: list[float] = field(default_factory=list)
    node_wall_s: dict[str, list[float]] = field(default_factory=lambda: {b: [] for b in BACKENDS})
    node_in_process_s: dict[str, list[float]] = field(
        default_factory=lambda: {b: [] for b in BACKENDS}
    )
    read_only: bool = False

    def chartfn_median(self) -> float:
        return median(self.chartfn_wall_s)

    def node_median(self, backend: str) -> float:
        return median(self.node_wall_s[backend])


def _node_once(node: str, backend: str, config_path: Path, runs: ColdRuns | None) -> None:
    width, height = COLD_WIDTH, COLD_HEIGHT
    start = time.perf_counter()
    done = subprocess.run(
        [node, "cold.mjs", backend, str(config_path), str(width), str(height)],
        cwd=PEERS_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"node cold start ({backend}) failed:\n{done.stderr[-3000:]}")
    report = json.loads(done.stdout.strip().splitlines()[-1])
    if not report["png"] or (report["width"], report["height"]) != (width, height):
        raise RuntimeError(f"node cold start ({backend}) drew no {width}×{height} PNG: {report}")
    if runs is not None:
        runs.node_wall_s[backend].append(wall)
        runs.node_in_process_s[backend].append(report["in_process_s"])


def _chartfn_once(python: Path, prefix: Path, code_dir: Path, runs: ColdRuns | None) -> None:
    read_only = cold_start.read_only_mounts_work() if runs is None else runs.read_only
    run = cold_start.run_once(python, prefix, code_dir, "chartfn.lambda_handler", read_only)
    if runs is not None:
        runs.chartfn_wall_s.append(run.wall_s)
        runs.chartfn_in_child_s.append(run.in_child_s)


def measure(python: Path, chartfn_dir: Path, n: int) -> ColdRuns:
    """One untimed run of each side first (page cache), then ``n`` rounds alternating
    chartfn / napi / node-canvas, the order rotating every round."""
    node = node_binary()
    prefix = cold_start.runtime_prefix(python)
    runs = ColdRuns(read_only=cold_start.read_only_mounts_work())
    with tempfile.TemporaryDirectory(prefix="chartfn-peers-cold-") as scratch:
        config_path = Path(scratch) / "sin.json"
        config_path.write_text(json.dumps(sin_chart_config(COLD_AMPLITUDE, COLD_FREQUENCY)))
        sides = [
            lambda r: _chartfn_once(python, prefix, chartfn_dir, r),
            *(lambda r, b=b: _node_once(node, b, config_path, r) for b in BACKENDS),
        ]
        for side in sides:
            side(None)
        for i in range(n):
            for k in range(len(sides)):
                sides[(i + k) % len(sides)](runs)
    return runs
