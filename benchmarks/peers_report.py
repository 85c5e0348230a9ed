"""The peers table: per kind and size the three medians and the ratios, the geometric means per
group and size, and the cold-start rows; as markdown or as JSON."""

from __future__ import annotations

import math
from dataclasses import asdict
from typing import Any

from peers_charts import CHARTJS, ISSUE_10
from peers_cold import BACKENDS, ColdRuns
from peers_latency import SIZES, Series
from report import Machine

PEER_NAMES = {"napi": "Chart.js @napi-rs/canvas", "cairo": "Chart.js node-canvas"}
FLOOR = 0.7  # issue 10: no kind below 0.7× of Chart.js
GOAL = 1.0  # issue 10: geometric mean over the kinds at least 1.0×
COLD_GOAL = 4.0  # issue 10: chartfn's cold start within 4× of a fresh Node process


def ratio_text(ratio: float) -> str:
    text = f"{ratio:.2f}×"
    return f"**{text}**" if ratio < FLOOR else text


def _ms(seconds: float) -> str:
    return f"{seconds * 1e3:.1f} ms"


def _table(header: list[str], lines: list[list[str]]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(line) + " |" for line in lines]
    return "\n".join(out)


def geometric_mean(values: list[float]) -> float:
    return math.exp(sum(math.log(v) for v in values) / len(values))


def summaries(series: list[Series]) -> list[dict[str, Any]]:
    """Per group, size and peer: geometric mean of peer/chartfn over the measured kinds, the
    lowest kind, and whether issue 10's goal (mean ≥ 1.0×, none below 0.7×) is met."""
    out = []
    for group in (ISSUE_10, CHARTJS):
        for width, height in SIZES:
            rows = [
                s
                for s in series
                if (s.kind.group, s.width, s.height) == (group, width, height) and not s.refused
            ]
            if not rows:
                continue
            for backend in BACKENDS:
                ratios = {s.kind.name: s.median(backend) / s.median("chartfn") for s in rows}
                mean = geometric_mean(list(ratios.values()))
                lowest = min(ratios, key=ratios.__getitem__)
                out.append(
                    {
                        "group": group,
                        "size": f"{width}×{height}",
                        "peer": backend,
                        "kinds": len(ratios),
                        "geometric_mean": mean,
                        "lowest_kind": lowest,
                        "lowest_ratio": ratios[lowest],
                        "below_floor": sorted(k for k, r in ratios.items() if r < FLOOR),
                        "goal_met": mean >= GOAL and ratios[lowest] >= FLOOR,
                    }
                )
    return out


def markdown(series: list[Series], cold: ColdRuns | None, rounds: int) -> str:
    header = ["chart (new data every request)", "pixels", "chartfn", *PEER_NAMES.values()]
    header += [f"{name} / chartfn" for name in ("napi", "node-canvas")]
    lines = []
    for s in series:
        size = f"{s.width}×{s.height}"
        if s.refused:
            lines.append([s.kind.name, size, s.refused.replace("|", "/"), "", "", "", ""])
            continue
        base = s.median("chartfn")
        lines.append(
            [s.kind.name, size, _ms(base)]
            + [_ms(s.median(b)) for b in BACKENDS]
            + [ratio_text(s.median(b) / base) for b in BACKENDS]
        )
    parts = [
        f"Latency over loopback HTTP, medians of {rounds} requests a row, ratio peer/chartfn "
        f"(> 1: chartfn faster; **bold** < {FLOOR}×)",
        "",
        _table(header, lines),
        "",
        f"Geometric means (issue 10's goal: ≥ {GOAL}×, no kind below {FLOOR}×)",
        "",
        _table(
            ["kinds", "pixels", "peer", "geometric mean", "lowest kind", "goal"],
            [
                [
                    f"{m['group']} ({m['kinds']})",
                    m["size"],
                    PEER_NAMES[m["peer"]],
                    f"{m['geometric_mean']:.2f}×",
                    f"{m['lowest_kind']}: {m['lowest_ratio']:.2f}×",
                    "met" if m["goal_met"] else "not met",
                ]
                for m in summaries(series)
            ],
        ),
    ]
    if cold is not None:
        parts += ["", cold_markdown(cold)]
    return "\n".join(parts)


def cold_markdown(cold: ColdRuns) -> str:
    base = cold.chartfn_median()
    lines = [
        [
            f"chartfn artifact (read-only mounts: {'yes' if cold.read_only else 'no'}) vs "
            f"node + Chart.js + {PEER_NAMES[b].split()[-1]}",
            f"{base:.2f} s",
            f"{cold.node_median(b):.2f} s",
            f"{base / cold.node_median(b):.2f}×",
            f"≤ {COLD_GOAL:g}×: {'met' if base <= COLD_GOAL * cold.node_median(b) else 'not met'}",
        ]
        for b in BACKENDS
    ]
    n = len(cold.chartfn_wall_s)
    return "\n".join(
        [
            f"Cold start, process wall time spawn → first PNG, medians of {n} (chartfn/node)",
            "",
            _table(["cold start", "chartfn", "node", "chartfn/node", "goal"], lines),
        ]
    )


def as_json(
    series: list[Series], cold: ColdRuns | None, machine: Machine, mode: str, elapsed_s: float
) -> dict[str, Any]:
    rows = [
        {
            "kind": s.kind.name,
            "group": s.kind.group,
            "width": s.width,
            "height": s.height,
            "refused": s.refused or None,
            "warnings": sorted(s.warnings),
            "requests": len(s.seconds["chartfn"]),
            "median_s": None if s.refused else {side: s.median(side) for side in s.seconds},
            "ratio_peer_over_chartfn": None
            if s.refused
            else {b: s.median(b) / s.median("chartfn") for b in BACKENDS},
        }
        for s in series
    ]
    cold_json = None
    if cold is not None:
        cold_json = {
            "read_only_mounts": cold.read_only,
            "chartfn_wall_s": cold.chartfn_wall_s,
            "chartfn_in_child_s": cold.chartfn_in_child_s,
            "node_wall_s": cold.node_wall_s,
            "node_in_process_s": cold.node_in_process_s,
            "ratio_chartfn_over_node": {
                b: cold.chartfn_median() / cold.node_median(b) for b in BACKENDS
            },
        }
    return {
        "machine": asdict(machine),
        "mode": mode,
        "elapsed_s": round(elapsed_s, 1),
        "rows": rows,
        "geometric_means": summaries(series),
        "cold_start": cold_json,
    }
