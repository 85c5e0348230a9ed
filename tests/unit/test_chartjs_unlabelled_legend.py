"""Datasets without a label still get a legend entry, as Chart.js draws it: ``fillText`` of
the missing label writes "undefined" (Chart.js 2.9.4 and 4 alike; the fidelity pairs of the
docs' radar-v2, mixed-stacked-bar-line and a dozen edge cases). Without it chartfn's plot began
25 CSS px higher than Chart.js's and every data probe near the top missed."""

from __future__ import annotations

import pytest

from chartfn.chartjs.translate import translate


def _config(chart_type: str, *datasets: dict[str, object], **options: object) -> dict[str, object]:
    return {
        "type": chart_type,
        "data": {"labels": ["Knoll 7", "Moss 7", "Beck 7"], "datasets": list(datasets)},
        "options": options,
    }


@pytest.mark.parametrize("version", [2, 3, 4])
@pytest.mark.parametrize("chart_type", ["bar", "line", "radar", "horizontalBar"])
def test_a_dataset_without_a_label_is_listed_as_undefined_and_a_null_one_as_null(
    chart_type: str, version: int
) -> None:
    """Fidelity pairs retina-support-1, radar-v2, second-y-axis-on-bars."""
    datasets = ({"data": [1, 2, 3]}, {"label": None, "data": [3, 2, 1]})
    if chart_type == "horizontalBar" and version > 2:  # v3+ spells it indexAxis
        config = _config("bar", *datasets, indexAxis="y")
    else:
        config = _config(chart_type, *datasets)
    spec = translate(config, version).spec
    assert spec.legend is True and spec.show_legend is True
    assert [s.name for s in spec.series] == ["undefined", "null"]


def test_a_given_label_is_written_as_given() -> None:
    spec = translate(_config("bar", {"data": [1, 2, 3], "label": "Tarns 7"})).spec
    assert [s.name for s in spec.series] == ["Tarns 7"]


def test_a_legend_switched_off_stays_off() -> None:
    off = _config("line", {"data": [1, 2, 3]}, legend={"display": False})
    assert translate(off, 2).spec.legend is False
    off = _config("line", {"data": [1, 2, 3]}, plugins={"legend": {"display": False}})
    assert translate(off, 4).spec.legend is False
