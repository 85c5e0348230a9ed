"""Horizontal bars from Chart.js configs (v2 ``horizontalBar``, v3+ ``indexAxis: 'y'``): the
categories down y with the first at the top, the bars along x against Chart.js's x tick values,
stacking and the value axis' options, and ``ChartSpec.horizontal``'s rules."""

from __future__ import annotations

import io
import itertools

import numpy as np
import pytest
from PIL import Image
from pydantic import ValidationError
from test_chartjs_axis_ticks import placed, texts

from chartfn.chartjs.config import parse_config
from chartfn.chartjs.scales import find_scale
from chartfn.chartjs.tick_labels import default_labels
from chartfn.chartjs.ticks import scale_ticks, tick_axis
from chartfn.chartjs.translate import translate
from chartfn.drawing.raster import engine
from chartfn.models.chart_spec import ChartSpec, canonical_spec_key
from chartfn.models.output_options import OutputOptions

# Values no other test draws, so nothing comes from a cache.
_fresh = itertools.count(211)
BLUE = (31, 119, 180)


def horizontal(version: int, values: list[float], extra: str = "", labels: str = "") -> str:
    labels = labels or "['first', 'second', 'third']"
    data = f"data: {{labels: {labels}, datasets: [{{data: {values}}}{extra}]}}"
    if version == 2:
        return f"{{type: 'horizontalBar', {data}}}"
    return f"{{type: 'bar', {data}, options: {{indexAxis: 'y'}}}}"


@pytest.mark.parametrize(
    ("config", "version", "drawn_horizontal"),
    [
        ({"type": "horizontalBar"}, 2, True),
        ({"type": "horizontalBar"}, 4, True),
        ({"type": "bar", "options": {"indexAxis": "y"}}, 4, True),
        ({"type": "bar", "options": {"indexAxis": "y"}}, 3, True),
        ({"type": "bar", "options": {"indexAxis": "y"}}, 2, False),  # Chart.js 2 has no indexAxis
        ({"type": "bar", "options": {"indexAxis": "x"}}, 4, False),
    ],
)
def test_horizontal_spellings(config: dict, version: int, drawn_horizontal: bool) -> None:
    translation = translate(
        {**config, "data": {"labels": ["a"], "datasets": [{"data": [1]}]}}, version
    )
    assert translation.spec.kind == "bar"
    assert bool(translation.spec.horizontal) is drawn_horizontal
    assert not translation.warnings


@pytest.mark.parametrize("version", [2, 4])
def test_categories_go_down_y_first_on_top_and_x_has_chartjs_ticks(version: int) -> None:
    values = [3, 7, 12 + next(_fresh)]
    script = horizontal(version, values)
    layout = placed(script, str(version))
    assert not layout.x_ticks or all(label is None or label.text for _, label in layout.x_ticks)
    by_height = sorted(layout.y_ticks, key=lambda tick: -tick[0])
    assert texts(by_height) == ["first", "second", "third"]
    left, _, right, _ = layout.plot
    with parse_config(script) as evaluated:
        scale = find_scale(evaluated.config, "x", version)
    assert scale is not None
    ticks = scale_ticks(
        scale.kind,
        version,
        scale.options,
        values,
        tick_axis(scale.options, version, right - left, True),
    )
    assert texts(layout.x_ticks) == default_labels("linear", version, ticks)
    assert ticks.min == 0 and ticks.max >= values[-1]
    assert layout.x_scale is not None
    assert (layout.x_scale.low, layout.x_scale.high) == (ticks.min, ticks.max)


def _rows_of(image: np.ndarray, color: tuple[int, int, int]) -> dict[int, tuple[int, int]]:
    """Per image row holding the colour: its first and last column."""
    mask = np.all(np.abs(image.astype(int) - color) <= 2, axis=2)
    return {
        int(row): (int(np.flatnonzero(mask[row])[0]), int(np.flatnonzero(mask[row])[-1]))
        for row in np.flatnonzero(mask.any(axis=1))
    }


def test_bars_run_along_x_from_zero_to_their_value() -> None:
    """One dataset with max 30+: each bar's length in pixels is its value's share of the
    plot's width (the axis runs 0 … ticks.max); the first value's bar is the topmost."""
    top_value = 30 + next(_fresh) % 5 * 2
    values = [top_value / 2, top_value / 4, top_value]
    spec = ChartSpec.model_validate(
        {"kind": "bar", "horizontal": True, "categories": ["a", "b", "c"], "legend": False,
         "series": [{"y": values}], "y_limits": [0, top_value]}
    )  # fmt: skip
    options = OutputOptions(width=400, height=300)
    frame = options.frame
    with engine.themed(frame.theme):
        _, layout = engine.prepare(spec, frame)
    image = np.asarray(Image.open(io.BytesIO(engine.render_spec(spec, options))).convert("RGB"))
    rows = _rows_of(image, BLUE)
    left, _, right, _ = layout.plot
    # Rows in image order (top first): three bars, from top to bottom a, b, c.
    bars: list[list[int]] = []
    for row in sorted(rows):
        if bars and row == bars[-1][-1] + 1:
            bars[-1].append(row)
        else:
            bars.append([row])
    assert len(bars) == 3
    ends = [rows[bar[len(bar) // 2]] for bar in bars]
    width = right - left
    for (start, end), value in zip(ends, values, strict=True):
        # the bar's right end where its value is; it starts at 0, under the plot's left edge
        assert (end + 1 - left) / width == pytest.approx(value / top_value, abs=0.01)
        assert abs(start - left) <= 3


def test_stacked_horizontal_bars_continue_where_the_last_ended() -> None:
    config = {
        "type": "horizontalBar",
        "data": {
            "labels": ["a", "b"],
            "datasets": [{"data": [1, 2]}, {"data": [3, 4]}],
        },
        "options": {"scales": {"xAxes": [{"stacked": True}], "yAxes": [{"stacked": True}]}},
    }
    spec = translate(config, 2).spec
    assert spec.horizontal and spec.stacked
    v4 = {**config, "type": "bar", "options": {"indexAxis": "y", "scales": {
        "x": {"stacked": True}, "y": {"stacked": True}}}}  # fmt: skip
    other = translate(v4, 4).spec  # v2 datasets take QuickChart's palette, v4 Chart.js's
    assert (other.horizontal, other.stacked) == (True, True)
    assert [s.y for s in other.series] == [s.y for s in spec.series]


def test_the_value_axis_options_come_from_chartjs_x() -> None:
    config = {
        "type": "bar",
        "data": {"labels": ["a"], "datasets": [{"data": [5]}]},
        "options": {"indexAxis": "y", "scales": {"x": {"type": "logarithmic", "min": 1,
                                                       "max": 100}}},
    }  # fmt: skip
    spec = translate(config, 4).spec
    assert spec.y_log is True
    assert spec.y_limits == (1.0, 100.0)


def test_horizontal_is_for_bars_only_and_left_out_of_the_key_while_unset() -> None:
    with pytest.raises(ValidationError, match="horizontal is not for line"):
        ChartSpec.model_validate({"kind": "line", "horizontal": True, "series": [{"y": [1]}]})
    plain = ChartSpec.model_validate({"kind": "bar", "series": [{"y": [1]}]})
    assert "horizontal" not in canonical_spec_key(plain)
    turned = plain.model_copy(update={"horizontal": True})
    assert canonical_spec_key(turned) != canonical_spec_key(plain)
