"""The README fidelity table's rows (``benchmarks/fidelity/kind_table.py``), as
``regenerate.sh`` prints them: each chart in the row of the type its config asked for and the
Chart.js that drew it, each check counted as passed/applied, upper medians."""

from __future__ import annotations

import sys
from typing import Any

from support import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "benchmarks" / "fidelity"))

from kind_table import kind_of, rows


def geometry(requested: str, drawn: str | None = None) -> dict[str, Any]:
    return {"requested": requested, "type": drawn or requested}


def test_the_row_follows_the_requested_type_and_the_version() -> None:
    assert kind_of(geometry("sparkline", "line"), "{type:'sparkline'}", "2") == "sparkline"
    assert kind_of(geometry("line"), "{}", "2") == "line, v2"
    assert kind_of(geometry("line"), "{}", "4") == "line, v3/v4"
    assert kind_of(geometry("bar"), "{}", "3.9.1") == "bar, v3/v4"
    assert kind_of(geometry("bar"), "{options:{indexAxis:'y'}}", "4") == (
        "horizontal bar, v2 and v4"
    )
    assert kind_of(geometry("horizontalBar"), "{}", "2") == "horizontal bar, v2 and v4"
    assert kind_of(geometry("donut", "doughnut"), "{}", "2") == "pie, doughnut, v2"
    assert kind_of(geometry("polarArea"), "{}", "4") == "radar, polar area, v2 and v4"
    assert kind_of(geometry("bubble"), "{}", "2") == "scatter, bubble, v2 and v4"
    # a geometry recorded before render.mjs kept the requested type
    assert kind_of({"type": "pie"}, "{}", "2") == "pie, doughnut, v2"


def result(mean_abs: float, colours_ok: bool | None, legend_ok: bool | None) -> dict[str, Any]:
    def check(ok: bool | None) -> dict[str, bool] | None:
        return None if ok is None else {"ok": ok}

    return {
        "chartfn": "ok",
        "checks": {
            "colours": check(colours_ok),
            "extents": None,
            "ticks": None,
            "title": None,
            "legend": check(legend_ok),
        },
        "mean_abs": mean_abs,
        "pct_differing": mean_abs / 2,
    }


def test_rows_count_checks_and_take_upper_medians_in_the_readme_order() -> None:
    results = {
        "a": result(1.0, True, None),
        "b": result(3.0, False, True),
        "c": result(2.0, True, False),
        "d": result(9.0, True, True),
        "e": result(4.0, None, None),
        "refused": {"chartjs": "ok", "chartfn": "TranslationError: no"},
    }
    kinds = {
        "a": "line, v2",
        "b": "line, v2",
        "c": "line, v2",
        "d": "bar, v2",
        "e": "line, v2",
        "refused": "bar, v2",
    }
    assert rows(results, kinds) == [
        "| bar, v2 | 1 | 1/1 | – | – | – | 1/1 | 9.0 | 4.5 | |",
        "| line, v2 | 4 | 2/3 | – | – | – | 1/2 | 3.0 | 1.5 | |",
    ]
