"""Drawing chart specs: every kind draws something of its own, options take effect, the same
spec gives the same bytes, and no spec the models accept makes the renderer raise."""

from __future__ import annotations

import io
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from chartfn.drawing.matplotlib_runtime import Figure, FigureCanvasAgg
from chartfn.drawing.png import encode_png
from chartfn.drawing.spec_renderer import draw_spec
from chartfn.models.chart_spec import COLOR_NAMES, ChartSpec

WIDTH, HEIGHT, DPI = 400, 250, 50
# Axes frame, grid, ticks, labels and legend alone leave ~4 700 non-white pixels at this size; a
# kind that draws its data adds thousands more.
MIN_INK = 6_000

RNG = np.random.default_rng(7)
SAMPLES = [round(float(v), 3) for v in RNG.normal(size=300)]
SPECS: dict[str, dict[str, Any]] = {
    "line": {"kind": "line", "series": [{"y": [1, 3, 2, 5, 4]}, {"y": [2, 1, None, 1, 3]}]},
    "scatter": {"kind": "scatter", "series": [{"y": SAMPLES[:40], "x": SAMPLES[40:80]}]},
    "bubble": {
        "kind": "bubble",
        "series": [{"y": [1, 3, 2, 4], "x": [1, 2, 3, 4], "r": [5, 12, 20, 8]}],
    },
    "bar": {
        "kind": "bar",
        "categories": ["a", "b", "c"],
        "series": [{"y": [1, -3, 2], "name": "x"}, {"y": [2, 1, 2], "name": "y"}],
    },
    "area": {"kind": "area", "series": [{"y": [1, 3, 2, 5, 4]}, {"y": [2, 1, 2, 1, 3]}]},
    "histogram": {"kind": "histogram", "series": [{"y": SAMPLES}]},
    "pie": {"kind": "pie", "categories": ["a", "b", "c"], "series": [{"y": [1, 3, 2]}]},
}


def draw(data: dict[str, Any]) -> Figure:
    figure = Figure(figsize=(WIDTH / DPI, HEIGHT / DPI), dpi=DPI, facecolor="white")
    draw_spec(figure, ChartSpec.model_validate(data))
    return figure


def render(data: dict[str, Any]) -> tuple[bytes, Figure]:
    figure = draw(data)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    return encode_png(np.asarray(canvas.buffer_rgba())), figure


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def ink(png: bytes) -> int:
    """Pixels that are not the white background."""
    return int(np.count_nonzero(np.any(pixels(png) != 255, axis=2)))


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    return {kind: render(data)[0] for kind, data in SPECS.items()}


@pytest.mark.parametrize("kind", list(SPECS))
def test_each_kind_draws_a_chart(kind: str, rendered: dict[str, bytes]) -> None:
    image = Image.open(io.BytesIO(rendered[kind]))
    assert image.size == (WIDTH, HEIGHT)
    assert ink(rendered[kind]) > MIN_INK


def test_an_empty_axes_stays_under_the_ink_threshold() -> None:
    """The blank-image check can fail: a chart whose data is all outside its limits is mostly
    white."""
    png, _ = render({**SPECS["line"], "y_limits": [100, 101], "x_limits": [100, 101]})
    assert ink(png) < MIN_INK


def test_different_kinds_give_different_images(rendered: dict[str, bytes]) -> None:
    assert len(set(rendered.values())) == len(rendered)


def test_the_data_drawn_is_in_the_series_colour() -> None:
    png, _ = render({"kind": "bar", "series": [{"y": [3, 4], "color": "#00ff00"}]})
    green = np.all(pixels(png) == (0, 255, 0), axis=2)
    assert np.count_nonzero(green) > 2_000
    default, _ = render({"kind": "bar", "series": [{"y": [3, 4]}]})
    assert not np.any(np.all(pixels(default) == (0, 255, 0), axis=2))


def test_stacked_and_grouped_bars_differ() -> None:
    grouped, grouped_figure = render(SPECS["bar"])
    stacked, stacked_figure = render({**SPECS["bar"], "stacked": True})
    assert grouped != stacked
    # Grouped bars sit side by side (narrower); stacked ones share a slot on top of each other.
    grouped_widths = {round(p.get_width(), 6) for p in grouped_figure.axes[0].patches}
    stacked_bars = stacked_figure.axes[0].patches
    assert grouped_widths == {0.4}
    assert {round(p.get_width(), 6) for p in stacked_bars} == {0.8}
    # Series "y" at category "a" starts where series "x" ends; at "b" ("x" is -3) it starts at 0.
    second = stacked_bars[3:]
    assert [p.get_y() for p in second] == [1.0, 0.0, 2.0]


def test_stacked_areas_are_cumulative() -> None:
    _, figure = render({**SPECS["area"], "stacked": True})
    top_line = figure.axes[0].lines[1]
    assert list(top_line.get_ydata()) == [3, 4, 4, 6, 7]


def test_stacked_histograms_differ_from_overlaid() -> None:
    data = {"kind": "histogram", "series": [{"y": SAMPLES}, {"y": [v + 1 for v in SAMPLES]}]}
    overlaid, _ = render(data)
    stacked, _ = render({**data, "stacked": True})
    assert overlaid != stacked


def test_histogram_bins_are_used() -> None:
    _, figure = render({**SPECS["histogram"], "bins": 7})
    (polygon,) = figure.axes[0].patches
    # A stepfilled outline has two vertices per edge of each bin plus closing points.
    assert len(figure.axes[0].patches) == 1 and polygon.get_xy().shape[0] >= 2 * 7


def test_log_axes_are_set() -> None:
    figure = draw({**SPECS["line"], "y_log": True})
    assert figure.axes[0].get_yscale() == "log" and figure.axes[0].get_xscale() == "linear"
    figure = draw({"kind": "scatter", "series": [{"y": [1, 2], "x": [1, 100]}], "x_log": True})
    assert figure.axes[0].get_xscale() == "log"
    assert draw({**SPECS["histogram"], "y_log": True}).axes[0].get_yscale() == "log"


def test_limits_labels_and_title_are_applied() -> None:
    figure = draw(
        {**SPECS["line"], "x_limits": [-1, 10], "y_limits": [0, 8], "title": "$T", "x_label": "X"}
    )
    axes = figure.axes[0]
    assert axes.get_xlim() == (-1, 10) and axes.get_ylim() == (0, 8)
    assert axes.get_title() == "$T" and axes.get_xlabel() == "X"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (SPECS["line"], True),  # two series
        ({"kind": "line", "series": [{"y": [1, 2]}]}, False),
        ({"kind": "line", "series": [{"y": [1, 2], "name": "_hidden"}]}, True),
        ({**SPECS["line"], "legend": False}, False),
        (SPECS["pie"], False),
        ({**SPECS["pie"], "legend": True}, True),
        (SPECS["bar"], True),
    ],
)
def test_legend_present_when_expected(data: dict[str, Any], expected: bool) -> None:
    figure = draw(data)
    legend = figure.axes[0].get_legend()
    assert (legend is not None) is expected
    if legend is not None:
        labels = [t.get_text() for t in legend.get_texts()]
        assert len(labels) == len(data["categories"] if data["kind"] == "pie" else data["series"])


def test_unnamed_series_get_numbered_legend_labels() -> None:
    legend = draw(SPECS["line"]).axes[0].get_legend()
    assert [t.get_text() for t in legend.get_texts()] == ["series 1", "series 2"]


def test_pie_is_round_and_labelled_with_categories() -> None:
    axes = draw(SPECS["pie"]).axes[0]
    assert axes.get_aspect() == 1.0
    texts = {t.get_text() for t in axes.texts}
    assert {"a", "b", "c", "50.0%"} <= texts


def test_bar_categories_label_the_ticks() -> None:
    axes = draw(SPECS["bar"]).axes[0]
    assert [t.get_text() for t in axes.get_xticklabels()] == ["a", "b", "c"]


def test_dollar_signs_are_drawn_literally_not_as_math() -> None:
    # Unbalanced mathtext raises at draw time unless parse_math is off everywhere.
    render(
        {
            "kind": "bar",
            "categories": ["$x^{", "b"],
            "series": [{"y": [1, 2], "name": "$\\frac{"}, {"y": [2, 1]}],
            "title": "$$$\\",
            "y_label": "$x_",
        }
    )
    render({"kind": "pie", "categories": ["$x^{", "$"], "series": [{"y": [1, 2]}], "legend": True})


def test_draw_spec_needs_an_empty_figure() -> None:
    figure = draw(SPECS["line"])
    with pytest.raises(ValueError, match="empty figure"):
        draw_spec(figure, ChartSpec.model_validate(SPECS["line"]))


@pytest.mark.parametrize("kind", list(SPECS))
def test_rendering_is_deterministic(kind: str, rendered: dict[str, bytes]) -> None:
    assert render(SPECS[kind])[0] == rendered[kind]


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "histogram", "series": [{"y": [5, 5, 5]}]},
        {"kind": "histogram", "series": [{"y": [1e100, 1e100]}], "bins": 200},
        {"kind": "histogram", "series": [{"y": [1, 1 + 2e-16]}], "bins": 200},
        {"kind": "histogram", "series": [{"y": [0.0] * 999 + [1e100]}]},
        {"kind": "histogram", "series": [{"y": [3.0]}], "x_log": True},
        {"kind": "histogram", "series": [{"y": [5e-324, 5e-324]}], "x_log": True},
        {"kind": "histogram", "series": [{"y": [5e-324, 1e-323]}], "x_log": True, "bins": 200},
        {"kind": "line", "series": [{"y": [-1e100, 1e100, 5e-324]}]},
        {"kind": "line", "series": [{"y": [1, None, 2, None, 3]}]},
        {"kind": "area", "stacked": True, "series": [{"y": [1e100] * 3}] * 20},
        {"kind": "bar", "stacked": True, "series": [{"y": [-1e100, 1e100]}] * 20},
        {"kind": "pie", "series": [{"y": [1e100, 5e-324, 0]}]},
        {"kind": "scatter", "series": [{"y": [1, 2]}], "y_limits": [0, 5e-324]},
        {"kind": "line", "series": [{"y": [1e-300, 1e100], "x": [1e-300, 1e-299]}], "x_log": True},
        {"kind": "bar", "series": [{"y": [float(i + 1) for i in range(100)]}], "y_log": True},
    ],
)
def test_edge_cases_render(data: dict[str, Any]) -> None:
    png, _ = render(data)
    assert ink(png) > 0


# --- any valid spec renders -------------------------------------------------------------------

# Values over the whole accepted range, with the extremes hypothesis likes (±1e100, subnormals,
# ±0) mixed in, and a positive-only variant for log axes.
NUMBERS = st.one_of(
    st.floats(-1e6, 1e6, allow_nan=False),
    st.floats(-1e100, 1e100, allow_nan=False),
)
POSITIVE = st.floats(min_value=5e-324, max_value=1e100, allow_nan=False, exclude_min=False)
COLORS = st.one_of(
    st.none(),
    st.sampled_from(sorted(COLOR_NAMES)),
    st.from_regex(r"#[0-9a-fA-F]{6}", fullmatch=True),
)
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), max_size=30)


@st.composite
def limits(draw: st.DrawFn, log: bool) -> tuple[float, float] | None:
    if not draw(st.booleans()):
        return None
    values = POSITIVE if log else NUMBERS
    low, high = sorted(draw(st.lists(values, min_size=2, max_size=2, unique=True)))
    return (low, high)


@st.composite
def valid_specs(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(["line", "scatter", "bubble", "bar", "area", "histogram", "pie"]))
    stacked = kind in ("bar", "area", "histogram") and draw(st.booleans())
    x_log = kind in ("line", "scatter", "bubble", "area", "histogram") and draw(st.booleans())
    y_log = kind in ("line", "scatter", "bubble", "bar", "histogram") and draw(st.booleans())
    count = 1 if kind == "pie" else draw(st.integers(1, 3))
    shared = draw(st.integers(1, 30))
    same_length = kind in ("bar", "pie") or (kind == "area" and stacked)
    y_values = (
        POSITIVE if (y_log and kind != "histogram") or (x_log and kind == "histogram") else NUMBERS
    )
    if kind == "pie":
        y_values = st.floats(0, 1e100)
    # Stacked areas take x in every series or in none.
    shared_uses_x = x_log or draw(st.booleans())
    shared_x = draw(st.lists(POSITIVE if x_log else NUMBERS, min_size=shared, max_size=shared))
    series = []
    for _ in range(count):
        length = shared if same_length else draw(st.integers(1, 30))
        element = st.one_of(st.none(), y_values) if kind in ("line", "area") else y_values
        y = draw(st.lists(element, min_size=length, max_size=length))
        if all(v is None for v in y):
            y[0] = draw(y_values)
        if kind == "pie" and not sum(y) > 0:
            y[0] = 1.0
        one: dict[str, Any] = {"y": y, "name": draw(st.one_of(st.none(), TEXT))}
        if kind != "pie":
            one["color"] = draw(COLORS)
        stacked_area = kind == "area" and stacked
        uses_x = shared_uses_x if stacked_area else x_log or draw(st.booleans())
        if kind == "bubble":
            one["r"] = draw(st.lists(st.floats(0, 500), min_size=length, max_size=length))
        if kind in ("line", "scatter", "bubble", "area") and uses_x:
            one["x"] = (
                shared_x
                if stacked_area
                else draw(
                    st.lists(POSITIVE if x_log else NUMBERS, min_size=length, max_size=length)
                )
            )
        series.append(one)
    data: dict[str, Any] = {
        "kind": kind,
        "series": series,
        "title": draw(TEXT),
        "x_label": draw(TEXT),
        "y_label": draw(TEXT),
        "x_log": x_log,
        "y_log": y_log,
        "stacked": stacked,
        "legend": draw(st.sampled_from([None, True, False])),
    }
    if kind in ("bar", "pie") and draw(st.booleans()):
        data["categories"] = draw(st.lists(TEXT, min_size=shared, max_size=shared))
    if kind == "histogram":
        data["bins"] = draw(st.one_of(st.none(), st.integers(1, 200)))
    if kind not in ("bar", "pie"):
        data["x_limits"] = draw(limits(x_log))
    if kind != "pie":
        data["y_limits"] = draw(limits(y_log))
    return data


# Characters DejaVu Sans lacks only warn (and draw a box); that is not what this test is about.
@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_specs())
def test_every_valid_spec_renders(data: dict[str, Any]) -> None:
    png, _ = render(data)  # the generator builds valid specs only: validation must pass too
    assert png.startswith(b"\x89PNG")
