"""The fidelity checks that passed against the real Chart.js keep passing, without Node.

``chartjs_fidelity_cases.json`` holds, for a few corpus charts (``PINNED`` in
``benchmarks/fidelity/fidelity.py``, which writes it), where Chart.js 2.9.4 / 4 put the chart
area, title, legend, ticks and data, the colour it drew at each data element's centre, and which
of the named checks chartfn passed then. chartfn draws each chart afresh (its own pipeline,
no cache) and ``benchmarks/fidelity/checks.named_checks`` must pass the same checks again:
the same tick labels, each dataset's colour where Chart.js drew it, bar ends and slice edges
within 2 %, title and legend in the same place.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from support import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "benchmarks" / "fidelity"))

import checks

FIXTURE = json.loads(
    (Path(__file__).with_name("chartjs_fidelity_cases.json")).read_text(encoding="utf-8")
)
CASES = {case["example"]["name"]: case for case in FIXTURE["cases"]}


def _checked(case: dict[str, Any]) -> dict[str, Any]:
    mine = checks.ours(case["example"], FIXTURE["width"], FIXTURE["height"])
    return checks.named_checks(case["geometry"], None, mine, case["example"]["config"])


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_checks_that_passed_still_pass(name: str) -> None:
    case = CASES[name]
    results = _checked(case)
    failed = {check: results[check] for check in case["passing"] if not results[check]["ok"]}
    assert failed == {}


def test_the_pinned_cases_cover_every_named_check() -> None:
    covered = {check for case in CASES.values() for check in case["passing"]}
    assert covered == {"colours", "extents", "ticks", "title", "legend"}


def test_ticks_are_the_labels_chart_js_drew() -> None:
    results = _checked(CASES["custom-tick-format-2"])
    [x_axis, y_axis] = results["ticks"]["axes"]
    assert x_axis["chartfn"] == ["Q1", "Q2", "Q3", "Q4"]
    assert y_axis["chartjs"][0] == "$1800000"  # a tick callback's labels, top down
    assert y_axis["chartfn"] == y_axis["chartjs"]


def test_a_wrong_colour_or_tick_fails_the_checks() -> None:
    """The checks can fail: the same chart against a Chart.js that drew another colour and
    other ticks."""
    case = json.loads(json.dumps(CASES["chart-types-1"]))
    for element in case["geometry"]["datasets"][0]["elements"]:
        element["seen"] = [255, 0, 255]
    for scale in case["geometry"]["scales"].values():
        if scale["axis"] == "y":
            scale["ticks"][0]["label"] = "501"
    results = _checked(case)
    assert not results["colours"]["ok"]
    assert not results["ticks"]["ok"]
