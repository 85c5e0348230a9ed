"""Bar charts with Chart.js line datasets (a dataset's own ``type: 'line'``): each line through
its categories' centres in its own colour over the grouped bars, on a value axis covering both,
in Chart.js's draw order; other mixes keep the warning and the old drawing."""

from __future__ import annotations

import io
import itertools
from typing import Any

import numpy as np
import pytest
from PIL import Image
from test_raster_engine import LEAK_OPTIONS, SIZES

from chartfn.chartjs.translate import Translation, translate
from chartfn.drawing.raster import engine
from chartfn.models.output_options import OutputOptions

# Values no other test draws, so nothing comes from a cache.
_fresh = itertools.count(317)
LINE = (0, 200, 0)
BARS = ((200, 0, 0), (0, 0, 200))
MIXED_WARNING = "datasets of another type are drawn as bar"


def mixed(line: list[float], extra: dict[str, Any] | None = None, **options: Any) -> dict:
    return {
        "type": "bar",
        "data": {
            "labels": ["a", "b", "c", "d"],
            "datasets": [
                {"label": "one", "data": [2, 3, 4, 5], "backgroundColor": "rgb(200, 0, 0)"},
                {"label": "two", "data": [1, 2, 1, 2], "backgroundColor": "rgb(0, 0, 200)"},
                {
                    "type": "line",
                    "label": "line",
                    "data": line,
                    "borderColor": "rgb(0, 200, 0)",
                    "backgroundColor": "rgb(0, 200, 0)",
                    "fill": False,
                    "pointRadius": 0,
                    **(extra or {}),
                },
            ],
        },
        "options": options,
    }


def drawn(translation: Translation, width: int = 400, height: int = 300) -> tuple[np.ndarray, Any]:
    """The image's pixels and its data-to-pixel mappers (y from the image's bottom)."""
    options = OutputOptions(width=width, height=height)
    image = engine.render_spec(translation.spec, options, styles=translation.styles)
    chart, placed = engine.prepare(translation.spec, options.frame, styles=translation.styles)
    assert chart.mappers is not None
    rgb = np.asarray(Image.open(io.BytesIO(image)).convert("RGB")).astype(int)
    return rgb, chart.mappers(placed)


def near(rgb: np.ndarray, x: float, y: float, color: tuple[int, int, int], reach: int = 2) -> bool:
    """Whether ``color`` is within ``reach`` pixels of (x, y), y counted from the bottom."""
    row, column = rgb.shape[0] - 1 - round(y), round(x)
    patch = rgb[row - reach : row + reach + 1, column - reach : column + reach + 1]
    return bool(np.any(np.all(np.abs(patch - np.array(color)) <= 12, axis=-1)))


@pytest.mark.parametrize("version", [2, 4])
def test_a_line_dataset_runs_through_category_centres_over_the_bars(version: int) -> None:
    top = 9 + next(_fresh) % 5
    line = [1.5, 0.5, top, 3.0]
    # order -1: drawn last, so bars do not hide its points (as in Chart.js)
    translation = translate(mixed(line, {"order": -1}), version)
    assert MIXED_WARNING not in translation.warnings
    rgb, (to_x, to_y) = drawn(translation)
    centres = to_x(np.arange(4, dtype=float))
    ys = to_y(np.array(line))
    for x, y in zip(centres, ys, strict=True):
        assert near(rgb, x, y, LINE), (x, y)
    # the value axis covers the line's highest value, above every bar
    assert to_y(np.array([float(top)]))[0] <= placed_top(translation)
    # both bar datasets still drawn, side by side in each category (centre ± a quarter bar)
    for category in range(4):
        left, right = to_x(np.array([category - 0.2, category + 0.2]))
        low = to_y(np.array([0.5]))[0]
        assert near(rgb, left, low, BARS[0], 0) and near(rgb, right, low, BARS[1], 0), category


def placed_top(translation: Translation) -> float:
    _, placed = engine.prepare(
        translation.spec, OutputOptions(width=400, height=300).frame, styles=translation.styles
    )
    return max(placed.plot[1], placed.plot[3]) + 0.5


def test_datasets_are_drawn_in_chartjs_order() -> None:
    """Where a line crosses a bar, the dataset drawn last (lowest ``order``, then lowest index)
    is the one seen."""
    line = [2.0, 2.0, 2.0, 2.0]  # through the red bars (2..5 high) at the category centres' left
    by_index = translate(mixed(line), 2)  # the last dataset is drawn first, under the bars
    under = translate(mixed(line, {"order": 2}), 2)
    over = translate(mixed(line, {"order": -1}), 4)
    for translation, on_top in ((by_index, BARS[0]), (under, BARS[0]), (over, LINE)):
        rgb, (to_x, to_y) = drawn(translation)
        x, y = to_x(np.array([1 - 0.2]))[0], to_y(np.array([2.0]))[0]
        assert near(rgb, x, y, on_top, 0), on_top


def test_horizontal_bars_keep_the_warning_and_their_bars() -> None:
    # stacked bars draw their lines as lines too: tests/unit/test_mixed_stacked_bars.py
    translation = translate(mixed([1, 2, 3, 4], indexAxis="y"), 4)
    assert MIXED_WARNING in translation.warnings
    assert all(look is None or look.mark is None for look in translation.styles.series)


def test_other_types_mixed_in_keep_the_warning() -> None:
    config = mixed([1, 2, 3, 4])
    config["data"]["datasets"][2]["type"] = "scatter"
    assert MIXED_WARNING in translate(config, 2).warnings


def test_a_bar_chart_without_line_datasets_draws_as_before() -> None:
    config = mixed([1, 2, 3, 4])
    del config["data"]["datasets"][2]
    translation = translate(config, 2)
    assert all(look is None for look in translation.styles.series)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: "x".join(map(str, s)))
def test_every_text_of_a_mixed_chart_lies_inside_the_image(size: tuple[int, int, float]) -> None:
    width, height, scale = size
    frame = OutputOptions(width=width, height=height, scale=scale).frame
    title = {"display": True, "text": "t" * 200}
    translation = translate(mixed([1e100, -1e100, 5e-324, 3], title=title), 2)
    for label in engine.drawn_texts(translation.spec, frame, styles=translation.styles):
        x0, y0, x1, y1 = label.box
        assert x0 >= -0.5 and y0 >= -0.5, (label.text, label.box)
        assert x1 <= frame.width_px + 0.5 and y1 <= frame.height_px + 0.5, (label.text, label.box)


def test_a_mixed_chart_after_others_is_the_chart_rendered_first() -> None:
    translation = translate(mixed([1, 4, 2, 3], {"pointRadius": 4, "fill": True}), 2)
    first = engine.render_spec(translation.spec, OutputOptions(), styles=translation.styles)
    other = translate(mixed([9, 1, 7, 2], {"order": -3, "borderDash": [4, 2]}), 4)
    for options in LEAK_OPTIONS:
        engine.render_spec(other.spec, OutputOptions(**options), styles=other.styles)
    again = engine.render_spec(translation.spec, OutputOptions(), styles=translation.styles)
    assert again == first


def test_a_bar_chart_of_line_datasets_only_draws_the_lines() -> None:
    config = mixed([3, 1, 2, 4], {"order": 0})
    del config["data"]["datasets"][:2]
    translation = translate(config, 2)
    rgb, (to_x, to_y) = drawn(translation)
    for x, y in zip(to_x(np.arange(4.0)), to_y(np.array([3.0, 1.0, 2.0, 4.0])), strict=True):
        assert near(rgb, x, y, LINE), (x, y)
