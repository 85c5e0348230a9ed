"""One row per measured figure, the machine line, and the table as markdown or JSON."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import sys
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, Literal

Result = Literal["PASS", "FAIL", "info"]


@dataclass(frozen=True)
class Row:
    what: str
    chartfn: str
    naive: str
    ratio: str
    target: str
    result: Result
    # raw numbers for --json (seconds, bytes, counts: the unit is in ``unit``)
    unit: str = ""
    chartfn_value: float | None = None
    naive_value: float | None = None
    ratio_value: float | None = None


def verdict(ok: bool) -> Result:
    return "PASS" if ok else "FAIL"


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:.3f} ms" if seconds < 0.01 else f"{seconds * 1e3:.1f} ms"


def times(ratio: float) -> str:
    return f"{ratio:.1f}×" if ratio >= 10 else f"{ratio:.2f}×"


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


@dataclass
class Machine:
    cpu: str = field(default_factory=cpu_model)
    cores: int = field(default_factory=lambda: os.cpu_count() or 0)
    python: str = field(default_factory=platform.python_version)
    runtime_python: str = ""
    numpy: str = field(default_factory=lambda: _version("numpy"))
    matplotlib: str = field(default_factory=lambda: _version("matplotlib"))
    date: str = field(default_factory=lambda: dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))

    def line(self) -> str:
        return (
            f"Machine: {self.cpu}, {self.cores} cores; Python {self.python} "
            f"(cold starts: Lambda runtime Python {self.runtime_python}); numpy {self.numpy}, "
            f"matplotlib {self.matplotlib}; {self.date}"
        )


COLUMNS = ("what", "chartfn (median)", "naive (median)", "ratio", "target", "pass/fail")


def markdown(rows: list[Row]) -> str:
    cells = [list(COLUMNS)] + [
        [r.what, r.chartfn, r.naive, r.ratio, r.target, r.result] for r in rows
    ]
    widths = [max(len(line[i]) for line in cells) for i in range(len(COLUMNS))]

    def fmt(line: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) + " |"

    separator = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([fmt(cells[0]), separator, *(fmt(line) for line in cells[1:])])


def as_json(
    rows: list[Row], machine: Machine, mode: str, notes: list[str], elapsed_s: float
) -> dict[str, Any]:
    return {
        "machine": asdict(machine),
        "mode": mode,
        "elapsed_s": round(elapsed_s, 1),
        "rows": [asdict(r) for r in rows],
        "notes": notes,
    }


def emit(table: str, document: dict[str, Any], out: Path | None, as_json_output: bool) -> None:
    """Print a run's markdown table (to stderr when the JSON goes to stdout) and write the JSON
    to ``out`` if asked."""
    if out:
        out.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    if as_json_output:
        print(table, file=sys.stderr)
        print(json.dumps(document, indent=2))
    else:
        print(table)
