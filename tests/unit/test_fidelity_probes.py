"""Where the fidelity colour check probes Chart.js's elements (``benchmarks/fidelity/checks``)."""

from __future__ import annotations

import sys

from support import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "benchmarks" / "fidelity"))

import checks

AREA = {"left": 30.0, "top": 20.0, "right": 470.0, "bottom": 280.0}


def test_a_chart_js_2_horizontal_bar_is_probed_in_its_middle_not_at_its_end() -> None:
    # Chart.js 2's horizontalBar model has a height (its thickness) and no width; probing at
    # its end (x) read the blend of its edge with the next stacked bar
    element = {"x": 337.5, "y": 211.5, "base": 133.7, "height": 51.7}
    assert checks._probe(element, True, AREA) == ((337.5 + 133.7) / 2, 211.5)


def test_a_bar_clipped_by_the_chart_area_is_probed_in_its_seen_middle() -> None:
    element = {"x": 420.0, "y": 100.0, "base": -440.5, "height": 85.6}
    assert checks._probe(element, True, AREA) == ((30.0 + 420.0) / 2, 100.0)


def test_a_point_is_probed_at_its_centre() -> None:
    assert checks._probe({"x": 50.0, "y": 60.0, "radius": 3}, False, AREA) == (50.0, 60.0)
