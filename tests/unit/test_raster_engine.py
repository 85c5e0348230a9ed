"""The raster engine (``chartfn.drawing.raster``): every kind draws, any valid spec renders,
every text stays on the canvas, nothing leaks from one chart into the next, and the Figure-hosted
path (what SVG and PDF use) paints what the direct Agg path paints."""

from __future__ import annotations

import io
from dataclasses import replace
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from test_spec_renderer import SPECS, TEXT, valid_specs

from chartfn.drawing.figures import new_figure, release_pixels
from chartfn.drawing.raster import canvas as canvas_module
from chartfn.drawing.raster import engine, glyphs, pattern_tile
from chartfn.drawing.raster.style import style_of
from chartfn.drawing.raster.text import ELLIPSIS
from chartfn.drawing.themes import THEMES, themed
from chartfn.models.category_bars import BarWidth, CategoryBarWidths
from chartfn.models.chart_spec import ChartSpec
from chartfn.models.fill_gradient import GradientStop, LinearGradient
from chartfn.models.fill_pattern import FillPattern
from chartfn.models.font_face import FontFace
from chartfn.models.formula_chart import FormulaChart
from chartfn.models.output_options import OutputOptions
from chartfn.models.overlays import (
    BoxAnnotation,
    ChartLook,
    DataLabels,
    LineAnnotation,
    Overlays,
    TextStyle,
)
from chartfn.models.round_look import OutLabels, RoundLook
from chartfn.models.sankey_look import SankeyLook
from chartfn.models.series_style import ChartStyles, SeriesStyle

# Horizontal bars and a second y axis: drawn by the engine only (not by the Figure path).
CARTESIAN_SPECS: dict[str, dict[str, Any]] = {
    "horizontal bar": {
        "kind": "bar", "horizontal": True, "stacked": True, "categories": ["a", "b", "c"],
        "series": [{"y": [3, -1, 2], "name": "one"}, {"y": [1, 2, 3]}],
    },
    "second y axis": {
        "kind": "line", "y2_series": [1], "y2_label": "right",
        "series": [{"y": [3, -1, 2], "name": "left"}, {"y": [100, 200, 300], "name": "right"}],
    },
    "boxplot": {
        "kind": "boxplot", "categories": ["a", "b"], "means": True,
        "series": [{"name": "one", "boxes": [[1, 2, 3, 4, 5, 20], {"min": 0, "q1": 2,
                    "median": 3, "q3": 5, "max": 9, "outliers": [12]}]},
                   {"boxes": [[0, 1, 1, 2, 8], None]}],
    },
    "violin": {
        "kind": "violin", "categories": ["a", "b", "c"],
        "series": [{"boxes": [[1, 2, 3, 4, 5, 9], [3, 4, 5, 6, 2, 2.5], [-4, 0, 1, 1, 2]]}],
    },
    "horizontal boxplot": {
        "kind": "boxplot", "horizontal": True, "categories": ["a", "b"],
        "series": [{"name": "one", "boxes": [[1, 2, 3, 4, 5, 20], [3, 4, 5, 6]]}],
    },
    "second y axis, log right line": {
        "kind": "line", "y2_series": [1], "y2_log": True, "y_log": True,
        "series": [{"y": [3, 1, 2], "name": "left"}, {"y": [10, 1000, 30], "name": "right"}],
    },
    "second y axis, grouped bars": {
        "kind": "bar", "y2_series": [1], "y2_label": "right", "categories": ["a", "b", "c"],
        "series": [{"y": [3, -1, 2], "name": "left"}, {"y": [100, 200, 300], "name": "right"}],
    },
    "second y axis, stacked bars, log right": {
        "kind": "bar", "y2_series": [2], "y2_log": True, "stacked": True,
        "series": [{"y": [3, 1, 2]}, {"y": [1, 2, 1]}, {"y": [10, 1000, 30], "name": "right"}],
    },
    "bars placed by x": {
        "kind": "bar",
        "series": [{"y": [3, -1, 2], "x": [0, 1, 5], "name": "one"}, {"y": [1, 2], "x": [2, 3]}],
    },
}  # fmt: skip
LONG = "Quarterly revenue of every regional subsidiary, adjusted " * 4  # 228 characters
TITLE = LONG[:200]


# The round kinds only the engine draws (the Figure path's SPECS predate them).
ROUND_SPECS: dict[str, dict[str, Any]] = {
    "doughnut": {"kind": "doughnut", "categories": ["a", "b", "c"], "series": [{"y": [1, 3, 2]}]},
    "polar_area": {"kind": "polar_area", "categories": ["a", "b", "c", "d"],
                   "series": [{"y": [4, 3, 5, 2]}]},
    "radar": {"kind": "radar", "categories": ["a", "b", "c", "d", "e"],
              "series": [{"name": "s", "y": [3, 5, 2, 4, 1]}, {"y": [1, 2, 3, 2, 1]}]},
    "progress": {"kind": "progress", "series": [{"y": [60, 20]}, {"y": [100, 80]}]},
    "gauge": {"kind": "gauge", "series": [{"y": [64]}], "cutout": 0.5},
    "needle_gauge": {"kind": "needle_gauge", "series": [{"y": [50, 70, 100]}],
                     "needle_value": 64},
    "nested rings": {"kind": "doughnut", "categories": ["a", "b"], "cutout_px": 20,
                     "series": [{"y": [2, 1]}, {"y": [1, 3]}, {"y": [1, 1]}]},
}  # fmt: skip
ALL_SPECS = {**SPECS, **ROUND_SPECS}
# Every kind the engine draws, horizontal bars and a second y axis (engine only) among them.
KINDS = {**ALL_SPECS, **CARTESIAN_SPECS}


def spec_of(data: dict[str, Any]) -> ChartSpec:
    return ChartSpec.model_validate(data)


def pixels(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))


def render(data: dict[str, Any], **options: Any) -> bytes:
    return engine.render_spec(spec_of(data), OutputOptions(**options))


# --- every kind draws ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_kind_draws_its_data_in_its_colours(kind: str) -> None:
    image = pixels(render(KINDS[kind], width=400, height=250))
    assert image.shape == (250, 400, 3)
    # tab10's first colour (the first series / first slice) covers a real area
    blue = np.all(np.abs(image.astype(int) - (31, 119, 180)) <= 2, axis=2)
    assert np.count_nonzero(blue) > 150, kind


def test_a_series_colour_is_used() -> None:
    image = pixels(render({"kind": "bar", "series": [{"y": [3, 4], "color": "#00ff00"}]}))
    assert np.count_nonzero(np.all(image == (0, 255, 0), axis=2)) > 2_000


def test_stacked_bars_stack_and_grouped_sit_side_by_side() -> None:
    data = {"kind": "bar", "categories": ["a"], "series": [{"y": [2]}, {"y": [3]}], "legend": False}
    grouped, stacked = pixels(render(data)), pixels(render({**data, "stacked": True}))
    blue = (31, 119, 180)
    orange = (255, 127, 14)

    def columns(image: np.ndarray, color: tuple[int, int, int]) -> set[int]:
        return set(np.flatnonzero(np.any(np.all(image == color, axis=2), axis=0)).tolist())

    assert not columns(grouped, blue) & columns(grouped, orange)  # side by side
    assert columns(stacked, blue) == columns(stacked, orange)  # one above the other


def test_different_kinds_and_themes_give_different_images() -> None:
    images = {render(data) for data in SPECS.values()}
    assert len(images) == len(SPECS)
    themed_images = {render(SPECS["bar"], theme=theme) for theme in THEMES}
    assert len(themed_images) == len(THEMES)


def test_dollar_signs_are_drawn_literally() -> None:
    render({"kind": "bar", "categories": ["$x^{", "b"], "title": "$$$\\", "y_label": "$x_",
            "series": [{"y": [1, 2], "name": "$\\frac{"}, {"y": [2, 1]}]})  # fmt: skip


EDGE_CASES = [
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
]


@pytest.mark.parametrize("data", EDGE_CASES)
def test_edge_cases_render(data: dict[str, Any]) -> None:
    assert render(data).startswith(b"\x89PNG")


@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_specs())
def test_every_valid_spec_renders(data: dict[str, Any]) -> None:
    assert render(data, width=300, height=200).startswith(b"\x89PNG")


@st.composite
def valid_round_specs(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(["doughnut", "polar_area", "radar"]))
    count = draw(st.integers(1, 30))
    numbers = st.floats(-1e100, 1e100) if kind == "radar" else st.floats(0, 1e100)
    element = st.one_of(st.none(), numbers) if kind == "radar" else numbers
    series = []
    rings = draw(st.integers(1, 4)) if kind == "doughnut" else 1
    for _ in range(draw(st.integers(1, 4)) if kind == "radar" else rings):
        y = draw(st.lists(element, min_size=count, max_size=count))
        if all(v is None for v in y) or (kind != "radar" and not sum(y) > 0):
            y[0] = 1.0
        series.append({"y": y, "name": draw(st.one_of(st.none(), TEXT))})
    data: dict[str, Any] = {"kind": kind, "series": series,
                            "rotation": draw(st.floats(-3600, 3600)),
                            "legend": draw(st.one_of(st.none(), st.booleans()))}  # fmt: skip
    if kind == "doughnut" and draw(st.booleans()):
        data["cutout_px"] = draw(st.floats(0, 10_000))
    elif kind == "doughnut":
        data["cutout"] = draw(st.floats(0, 0.95))
    if kind == "doughnut":
        data["circumference"] = draw(st.floats(1e-9, 360))
    if kind == "radar":
        count_series = len(series)
        data["fill"] = draw(
            st.booleans() | st.lists(st.booleans(), min_size=count_series, max_size=count_series)
        )
    else:
        data["slice_colors"] = draw(st.lists(st.from_regex(r"#[0-9a-f]{6}", fullmatch=True),
                                             min_size=1, max_size=5))  # fmt: skip
    if kind != "doughnut" and draw(st.booleans()):
        low, high = sorted(draw(st.lists(st.floats(-1e6, 1e6), min_size=2, max_size=2,
                                         unique=True)))  # fmt: skip
        data["y_limits"] = [low, high]
    return data


@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_round_specs())
def test_every_valid_round_spec_renders(data: dict[str, Any]) -> None:
    assert render(data, width=300, height=200).startswith(b"\x89PNG")


# --- every text on the canvas -------------------------------------------------------------------

MANY = [f"category number {i} with a long name" for i in range(100)]
HARD_CASES: dict[str, dict[str, Any]] = {
    "long title bar": {**SPECS["bar"], "title": TITLE, "x_label": TITLE, "y_label": TITLE},
    "many categories": {"kind": "bar", "categories": MANY,
                        "series": [{"y": [float(i) for i in range(100)]}]},
    "long legends": {"kind": "line", "title": TITLE,
                     "series": [{"name": f"{i} {LONG[:95]}", "y": [i, i + 1]} for i in range(20)]},
    "extreme values": {"kind": "line", "series": [{"y": [-1e100, 1e100, 5e-324]}], "title": "x"},
    "tiny values": {"kind": "scatter", "series": [{"y": [1e-100, 3e-100], "x": [1e-9, 2e-9]}]},
    "log axes": {"kind": "scatter", "x_log": True, "y_log": True,
                 "series": [{"y": [1e-100, 1e100], "x": [1e-50, 1e60]}], "title": TITLE},
    "big offset": {"kind": "line", "series": [{"y": [1e6 + 0.001, 1e6 + 0.002]}]},
    "pie labels": {"kind": "pie", "categories": [LONG[:100], "b", LONG[:60], "d"],
                   "series": [{"y": [1, 2, 3, 4]}], "legend": True, "title": TITLE},
    "stacked histogram": {"kind": "histogram", "stacked": True, "title": TITLE,
                          "series": [{"name": LONG[:90], "y": [1, 2, 2, 3]}] * 20},
    "huge bubbles": {"kind": "bubble", "title": TITLE, "x_log": True,
                     "series": [{"name": LONG[:90], "y": [1e-100, 1e100], "x": [1e-9, 1e9],
                                 "r": [500, 0]}] * 20},
    "radar labels": {"kind": "radar", "title": TITLE, "categories": [LONG[:100], "b", LONG[:60]],
                     "series": [{"name": LONG[:90], "y": [1e100, -1e100, 5e-324]}] * 3},
    "polar ticks": {"kind": "polar_area", "categories": [LONG[:100], "b"], "title": TITLE,
                    "series": [{"y": [1e-300, 1e100]}]},
    "doughnut legend": {"kind": "doughnut", "categories": [LONG[:100], "b", LONG[:60]],
                        "series": [{"y": [1, 2, 3]}], "rotation": 45, "circumference": 90,
                        "cutout": 0.95, "title": TITLE},
    "nested rings legend": {"kind": "doughnut", "categories": [LONG[:100], "b"], "title": TITLE,
                            "series": [{"y": [1, 2], "name": LONG[:90]}] * 20, "cutout_px": 1e4},
    "gauge values": {"kind": "gauge", "title": TITLE, "series": [{"y": [-1e100]}],
                     "y_limits": [-1e100, 1e100]},
    "needle gauge values": {"kind": "needle_gauge", "title": TITLE, "needle_value": -1e100,
                            "band_start": -1e100, "series": [{"y": [1e100, 5e-324, -1e99]}]},
    "needle gauge near its span's end": {"kind": "needle_gauge", "needle_value": 1e100,
                                         "series": [{"y": [1, 2]}], "cutout": 0.95},
    "progress values": {"kind": "progress", "title": TITLE,
                        "series": [{"y": [1e100, -1e100, 5e-324, 0]}]},
    "many categories down y": {"kind": "bar", "horizontal": True, "categories": MANY,
                               "title": TITLE, "x_label": TITLE, "y_label": TITLE,
                               "series": [{"y": [float(i) for i in range(100)]}]},
    "long labels down y": {"kind": "bar", "horizontal": True, "categories": [LONG[:100], "b"],
                           "series": [{"y": [1e100, -1e100]}], "legend": True},
    "second axis": {"kind": "line", "y2_series": [1], "y2_label": TITLE, "y_label": TITLE,
                    "title": TITLE, "legend": True,
                    "series": [{"y": [-1e100, 1e100]}, {"y": [5e-324, 1e-300]}]},
    "box extremes": {"kind": "boxplot", "title": TITLE, "x_label": TITLE, "y_label": TITLE,
                     "categories": [LONG[:100], "b", "c"], "means": True, "legend": True,
                     "series": [{"name": LONG[:90], "boxes": [[-1e100, 1e100, 5e-324],
                                 {"min": -1e100, "q1": 0, "median": 1, "q3": 2, "max": 1e100,
                                  "outliers": [1e100, -1e100]}, None]}] * 20},
    "violins down y": {"kind": "violin", "horizontal": True, "categories": MANY,
                       "title": TITLE, "x_label": TITLE, "y_label": TITLE,
                       "series": [{"boxes": [[float(i), i + 1.5, i * 2.0] for i in range(100)]}]},
    "second axis on bars": {"kind": "bar", "y2_series": [1], "y2_label": TITLE, "title": TITLE,
                            "categories": [LONG[:100], "b"], "legend": True,
                            "series": [{"y": [-1e100, 1e100]}, {"y": [5e-324, 1e-300]}]},
    "second log axis on stacked bars": {"kind": "bar", "y2_series": [0], "y2_log": True,
                                        "stacked": True, "y_log": True, "categories": MANY,
                                        "series": [{"y": [1e-100] * 99 + [1e100]},
                                                   {"y": [float(i + 1) for i in range(100)]}]},
    "bars placed far apart": {"kind": "bar", "title": TITLE, "x_label": TITLE, "legend": True,
                              "series": [{"name": LONG[:90], "y": [1e100, -1e100, 5e-324],
                                          "x": [-1e100, 1e100, 0]}, {"y": [1], "x": [1e-300]}]},
    "one bar placed by x": {"kind": "bar", "stacked": True, "series": [{"y": [2], "x": [7]}] * 3},
    "cjk": {"kind": "bar", "title": "正弦函數 数 ひらがな 한국어 " * 8,
            "categories": ["数", "數"], "series": [{"y": [1, 2], "name": "한국어"}]},
}  # fmt: skip
SIZES = [(50, 50, 1.0), (50, 3000, 1.0), (3000, 50, 1.0), (800, 400, 1.0), (500, 300, 2.0),
         (120, 80, 0.5)]  # fmt: skip


@pytest.mark.parametrize("size", SIZES, ids=lambda s: "x".join(map(str, s)))
@pytest.mark.parametrize("case", list(HARD_CASES))
def test_every_text_lies_inside_the_image(case: str, size: tuple[int, int, float]) -> None:
    width, height, scale = size
    frame = OutputOptions(width=width, height=height, scale=scale).frame
    texts = engine.drawn_texts(spec_of(HARD_CASES[case]), frame)
    for label in texts:
        x0, y0, x1, y1 = label.box
        assert x0 >= -0.5 and y0 >= -0.5, (label.text, label.box)
        assert x1 <= frame.width_px + 0.5 and y1 <= frame.height_px + 0.5, (label.text, label.box)
        assert label.text.strip(), "an empty text is not drawn"


@pytest.mark.parametrize("theme", ["light", "fivethirtyeight"])
def test_ink_stays_inside_the_boxes_the_layout_gave(theme: str) -> None:
    """The boxes are what was measured; the pixels drawn must agree with them. A chart of texts
    alone on a transparent canvas has ink only inside the text boxes (2 px of anti-aliasing)."""
    frame = OutputOptions(width=400, height=300, theme=theme).frame
    spec = spec_of({**HARD_CASES["long title bar"], "legend": True})
    with themed(frame.theme):
        _, placed = engine.prepare(spec, frame)
        renderer = engine.RendererAgg(frame.width_px, frame.height_px, frame.dpi)
        canvas = engine.Canvas(renderer, 1.0)
        for label in placed.texts():
            canvas.text(label.x, label.y, label.text, label.font, label.color,
                        angle=label.angle, math=label.math)  # fmt: skip
        alpha = np.asarray(renderer.buffer_rgba())[:, :, 3]
    covered = np.zeros_like(alpha, dtype=bool)
    for label in placed.texts():
        x0, y0, x1, y1 = label.box
        top, bottom = frame.height_px - y1, frame.height_px - y0  # rows count downwards
        covered[max(0, int(top) - 2) : int(bottom) + 3, max(0, int(x0) - 2) : int(x1) + 3] = True
    assert np.count_nonzero(alpha) > 2_000
    assert not np.any(alpha[~covered]), "ink outside every text box"


def test_a_title_that_cannot_fit_ends_in_an_ellipsis() -> None:
    frame = OutputOptions(width=120, height=200).frame
    texts = engine.drawn_texts(spec_of({**SPECS["line"], "title": TITLE}), frame)
    (title,) = [t for t in texts if t.text.startswith("Quarterly")]
    assert title.text.endswith(ELLIPSIS) and len(title.text) < 30


def test_dropped_legend_entries_are_counted() -> None:
    frame = OutputOptions(width=300, height=200).frame
    texts = [t.text for t in engine.drawn_texts(spec_of(HARD_CASES["long legends"]), frame)]
    assert any("(+" in t or t.endswith(ELLIPSIS) for t in texts)


# --- no leakage ---------------------------------------------------------------------------------

LEAK_OPTIONS = [
    {"theme": "light"},
    {"theme": "grayscale", "background": "transparent"},
    {"theme": "dark", "format": "webp"},
    {"theme": "ggplot", "width": 300, "height": 700, "scale": 2},
    {"theme": "solarized", "format": "svg"},
    {"theme": "bmh", "format": "pdf", "background": "transparent"},
    {"theme": "seaborn", "format": "jpeg", "background": "#123456"},
]


@pytest.mark.parametrize("options", LEAK_OPTIONS, ids=lambda o: "-".join(map(str, o.values())))
def test_a_chart_after_others_is_the_chart_rendered_first(options: dict[str, Any]) -> None:
    """Each kind rendered, then every kind in every other theme, format and size, then the
    first again: the same bytes (nothing kept per kind, size or theme changes a chart)."""
    first = {kind: render({**data, "title": f"leak {kind}"}, **options)
             for kind, data in KINDS.items()}  # fmt: skip
    for other in LEAK_OPTIONS:
        if other is not options:
            for data in KINDS.values():
                render({**data, "title": "other", "y_label": "ylabel"}, **other)
    for kind, data in KINDS.items():
        assert render({**data, "title": f"leak {kind}"}, **options) == first[kind], kind


# --- the Figure-hosted path (SVG, PDF) paints what the Agg path paints --------------------------


def _through_figure(
    spec: ChartSpec | FormulaChart, options: OutputOptions, overlays: Overlays | None = None
) -> np.ndarray:
    """The chart as SVG and PDF get it (an artist in a Figure), drawn by the Figure's Agg canvas."""
    frame = options.frame
    with themed(frame.theme):
        chart, placed = engine.prepare(spec, frame, overlays=overlays)
        figure, canvas = new_figure(frame)
        figure.add_artist(engine._ChartArtist(chart, placed, frame))
        canvas.draw()
        rgba = np.array(canvas.buffer_rgba())
        release_pixels(canvas)
    return rgba[:, :, :3]


@pytest.mark.parametrize("theme", list(THEMES))
@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("size", [(400, 250, 1.0), (1000, 600, 1.0)], ids=["small", "large"])
def test_the_figure_path_agrees_with_the_agg_path(
    kind: str, theme: str, size: tuple[int, int, float]
) -> None:
    width, height, scale = size
    options = OutputOptions(width=width, height=height, scale=scale, theme=theme)
    data = {**KINDS[kind], "title": "agree", "x_label": "x", "y_label": "y"}
    direct = pixels(render(data, width=width, height=height, scale=scale, theme=theme))
    hosted = _through_figure(spec_of(data), options)
    assert direct.shape == hosted.shape
    assert np.array_equal(direct, hosted)


def test_vector_formats_come_from_the_engine() -> None:
    svg = render({**SPECS["bar"], "title": "vector"}, format="svg")
    pdf = render({**SPECS["bar"], "title": "vector"}, format="pdf")
    assert svg.startswith(b"<?xml") and b"#1f77b4" in svg
    assert pdf.startswith(b"%PDF")
    assert render({**SPECS["bar"], "title": "vector"}, format="svg") == svg


# --- rasterised text kept between charts --------------------------------------------------------


def test_kept_text_gives_the_pixels_of_a_fresh_render(monkeypatch: pytest.MonkeyPatch) -> None:
    data = {**SPECS["bar"], "title": "kept text", "y_label": "units"}
    warm = render(data)  # its strings are now kept
    assert render(data) == warm
    monkeypatch.setattr(canvas_module, "STAMPS", glyphs.StampCache())
    assert render(data) == warm  # rendered from nothing again


def test_kept_text_is_bounded_by_bytes() -> None:
    cache = glyphs.StampCache(budget=50_000)
    font = style_of("light").font(10.0)
    for i in range(400):
        cache.get(f"label number {i}", font, 100.0, 0.0, False)
    assert 0 < cache.size <= 50_000
    assert cache.size == sum(glyphs._cost(s) for s in cache._stamps.values())
    assert len(cache) < 400


# --- /plot through the engine -------------------------------------------------------------------


def formulas(*fs: str, **kwargs: Any) -> FormulaChart:
    arguments: dict[str, Any] = {
        "labels": [],
        "x0": 0.0,
        "x1": 10.0,
        "samples": 500,
        "title": "",
        "x_label": "x",
        "y_label": "y",
        "legend": None,
    }
    arguments.update(kwargs)
    return FormulaChart.parse(list(fs), **arguments)  # fmt: skip


def test_plot_curves_take_the_theme_colour_cycle() -> None:
    image = pixels(engine.render_formulas(formulas("sin(x)", "cos(x)"), OutputOptions()))
    for rgb in [(31, 119, 180), (255, 127, 14)]:  # light's cycle starts with tab10
        assert np.count_nonzero(np.all(image == rgb, axis=2)) > 300
    dark = pixels(engine.render_formulas(formulas("sin(x)"), OutputOptions(theme="dark")))
    assert np.count_nonzero(np.all(np.abs(dark.astype(int) - (141, 211, 199)) <= 2, axis=2)) > 300


@pytest.mark.parametrize("size", SIZES, ids=lambda s: "x".join(map(str, s)))
def test_plot_texts_lie_inside_the_image(size: tuple[int, int, float]) -> None:
    width, height, scale = size
    frame = OutputOptions(width=width, height=height, scale=scale).frame
    chart = formulas(*["tan(x)", "x^9", "1/x", "log(x)"], labels=[LONG[:200]] * 4, title=TITLE,
                     x_label=TITLE, y_label=TITLE, x0=-1e6, x1=1e6)  # fmt: skip
    for label in engine.drawn_texts(chart, frame):
        x0, y0, x1, y1 = label.box
        assert x0 >= -0.5 and y0 >= -0.5, (label.text, label.box)
        assert x1 <= frame.width_px + 0.5 and y1 <= frame.height_px + 0.5, (label.text, label.box)


@pytest.mark.parametrize("theme", list(THEMES))
def test_plot_figure_path_agrees_with_the_agg_path(theme: str) -> None:
    chart = formulas("sin(x)*exp(-x/5)", "cos(x)", title="agree", legend=True)
    options = OutputOptions(width=500, height=300, theme=theme)
    direct = pixels(engine.render_formulas(chart, options))
    assert np.array_equal(direct, _through_figure(chart, options))


def test_plot_after_spec_charts_is_the_plot_rendered_first() -> None:
    chart = formulas("sin(x)", "x/3", title="leak plot", legend=True)
    first = engine.render_formulas(chart, OutputOptions(theme="ggplot"))
    for options in LEAK_OPTIONS:
        for data in SPECS.values():
            render(data, **options)
    assert engine.render_formulas(chart, OutputOptions(theme="ggplot")) == first


# --- overlays (a Chart.js config's data labels and annotations) ---------------------------------


def _overlays(count: int) -> Overlays:
    """Labels on every value pushed hard at the edges, and annotations with long labels."""
    texts = tuple(f"{LONG[:60]}\n{i}" for i in range(count))
    # italic faces and families that differ between the counts (3 and 7 in the leakage test)
    face = FontFace(italic=True, family="serif" if count % 2 else "monospace")
    labels = tuple(
        DataLabels(series, texts, TextStyle("#ff0000", 40.0, True, face), anchor, align, 500.0,
                   background="#00ff00")
        for series, (anchor, align) in enumerate([("end", "end"), ("start", 135.0)])
    )  # fmt: skip
    return Overlays(
        labels,
        (
            LineAnnotation(
                None, 1.0, None, 1.0, label=LONG[:100], dash=(4.0, 2.0), label_face=face
            ),
            LineAnnotation(0.0, None, 0.0, None, label="v", width=3.0),
            BoxAnnotation(0.5, None, 1.5, 2.0, fill="#0000ff33", edge="#000000"),
        ),
        ChartLook(
            title=TextStyle(size=20.0 + count, face=face),
            title_lines=("a", str(count)),
            # odd counts (the leakage and Figure-path tests) turn the title upright
            title_side="right" if count % 2 else None,
            subtitle=TextStyle("#0000ff", 5.0 + count),
            subtitle_lines=(f"sub {count}",),
            title_align="end",
            legend_position="left",
            padding=(count, 0.0, 0.0, count),
            x_title=TextStyle("#ff0000", 10.0 + count, True, face),
            y_title=TextStyle(size=30.0 - count),
            legend=TextStyle(face=FontFace(italic=count % 2 == 0)),
            legend_box_width=30.0 + count,
            legend_padding=float(count),
            legend_align="end",
        ),
    )


OVERLAID = {
    **{
        kind: ALL_SPECS[kind]
        for kind in ("bar", "line", "scatter", "pie", "area", "doughnut", "polar_area", "radar")
    },
    # horizontal bars and second y axes (box plots and violins draw no data labels)
    **{k: v for k, v in CARTESIAN_SPECS.items() if v["kind"] not in ("boxplot", "violin")},
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: "x".join(map(str, s)))
@pytest.mark.parametrize("kind", list(OVERLAID))
def test_overlay_texts_lie_inside_the_image(kind: str, size: tuple[int, int, float]) -> None:
    width, height, scale = size
    frame = OutputOptions(width=width, height=height, scale=scale).frame
    texts = engine.drawn_texts(spec_of(OVERLAID[kind]), frame, overlays=_overlays(100))
    # a line wider than the image is left out (not cut); the labels' short lines are drawn
    assert any(t.text.isdigit() for t in texts) or min(width, height) * scale < 100
    for label in texts:
        x0, y0, x1, y1 = label.box
        assert x0 >= -0.5 and y0 >= -0.5, (label.text, label.box)
        assert x1 <= frame.width_px + 0.5 and y1 <= frame.height_px + 0.5, (label.text, label.box)


@pytest.mark.parametrize("options", LEAK_OPTIONS[:4], ids=lambda o: "-".join(map(str, o.values())))
def test_an_overlaid_chart_after_others_is_the_chart_rendered_first(
    options: dict[str, Any],
) -> None:
    def draw(kind: str, overlays: Overlays | None, **extra: Any) -> bytes:
        spec = spec_of({**OVERLAID[kind], "title": f"overlaid {kind}"})
        return engine.render_spec(spec, OutputOptions(**{**options, **extra}), overlays=overlays)

    first = {kind: draw(kind, _overlays(3)) for kind in OVERLAID}
    for kind in OVERLAID:
        draw(kind, _overlays(7), theme="dark", width=300)
        draw(kind, None)
    for kind in OVERLAID:
        assert draw(kind, _overlays(3)) == first[kind], kind


LOOKS = {
    "legend right": ChartLook(legend=TextStyle("#ff0000", 30.0, True), legend_position="right"),
    "legend left": ChartLook(legend_position="left", legend_point_style=True),
    "legend bottom, title lines at the bottom": ChartLook(
        title=TextStyle("#0000ff", 40.0, True),
        title_bottom=True,
        title_lines=(LONG[:120], "second", "third"),
        legend_position="bottom",
    ),
    "padding": ChartLook(padding=(500.0, 500.0, 0.0, 500.0), title_lines=("a", "b")),
    "padding at the left": ChartLook(padding=(150.0, 0.0, 0.0, 0.0)),
    "sparkline (no axes), legend left": ChartLook(axes=False, legend_position="left"),
    "legend boxes 500 px wide": ChartLook(legend_box_width=500.0, legend_align="end"),
    "legend boxes 500 px high, padding 500, at the left": ChartLook(
        legend_box_height=500.0,
        legend_padding=500.0,
        legend_position="left",
        legend_align="start",
    ),
    "legend boxes at the bottom, point style": ChartLook(
        legend_box_width=300.0,
        legend_point_style=True,
        legend_position="bottom",
        legend_align="start",
    ),
    "title on the right at 200 px": ChartLook(
        title=TextStyle(size=200.0), title_side="right", title_lines=(LONG[:120], "2", "3")
    ),
    "title on the left, at its end, legend left": ChartLook(
        title_side="left", title_align="end", legend_position="left"
    ),
    "title at the top, at its start": ChartLook(title_align="start"),
    "subtitle lines at the bottom, 200 px": ChartLook(
        subtitle=TextStyle(size=200.0, bold=True),
        subtitle_lines=(LONG[:120], "2", "3"),
        subtitle_bottom=True,
        title_bottom=True,
    ),
    "axis titles at 200 px": ChartLook(
        x_title=TextStyle("#ff0000", 200.0, True), y_title=TextStyle(size=200.0)
    ),
    "italic serif title and monospace legend at 200 px, axis titles italic": ChartLook(
        title=TextStyle(size=200.0, face=FontFace(italic=True, family="serif")),
        title_lines=(LONG[:120], "2"),
        legend=TextStyle(size=200.0, bold=True, face=FontFace(family="monospace")),
        legend_position="right",
        x_title=TextStyle(size=200.0, face=FontFace(italic=True)),
        y_title=TextStyle(size=200.0, bold=True, face=FontFace(italic=True, family="serif")),
    ),
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: "x".join(map(str, s)))
@pytest.mark.parametrize("look", list(LOOKS))
@pytest.mark.parametrize("kind", ["line", "pie"])
def test_texts_placed_by_a_configs_look_lie_inside_the_image(
    kind: str, look: str, size: tuple[int, int, float]
) -> None:
    width, height, scale = size
    frame = OutputOptions(width=width, height=height, scale=scale).frame
    titled = {**HARD_CASES["long legends"], "x_label": TITLE, "y_label": TITLE}
    data = titled if kind == "line" else HARD_CASES["pie labels"]
    texts = engine.drawn_texts(spec_of(data), frame, overlays=Overlays(look=LOOKS[look]))
    with themed(frame.theme):
        _, placed = engine.prepare(spec_of(data), frame, overlays=Overlays(look=LOOKS[look]))
    boxes = [(label.text, label.box) for label in texts]
    boxes += [(entry.label.text, entry.swatch_rect) for entry in placed.legend]
    for text, (x0, y0, x1, y1) in boxes:
        assert x0 >= -0.5 and y0 >= -0.5, (text, (x0, y0, x1, y1))
        assert x1 <= frame.width_px + 0.5 and y1 <= frame.height_px + 0.5, (text, (x0, y0, x1, y1))


@pytest.mark.parametrize("kind", list(OVERLAID))
def test_overlays_on_the_figure_path_agree_with_the_agg_path(kind: str) -> None:
    options = OutputOptions(width=500, height=300, scale=2.0)
    spec = spec_of({**OVERLAID[kind], "title": "agree"})
    direct = pixels(engine.render_spec(spec, options, overlays=_overlays(3)))
    assert np.array_equal(direct, _through_figure(spec, options, _overlays(3)))
    assert not np.array_equal(direct, pixels(engine.render_spec(spec, options)))


def test_data_drawn_after_an_annotation_behind_it_stays_clipped_to_the_plot() -> None:
    """A line far past its y limits, with an invisible box drawn before it: the same pixels
    as without the box (the data is still clipped to the plot). Both with overlays: they bring
    Chart.js's look."""
    spec = spec_of({"kind": "line", "y_limits": [0, 2], "series": [{"y": [1, 50, -40, 1]}]})
    invisible = BoxAnnotation(None, None, None, None, fill="#ff000000", behind=True)
    options = OutputOptions(width=400, height=300)
    with_box = engine.render_spec(spec, options, overlays=Overlays(annotations=(invisible,)))
    without = engine.render_spec(spec, options, overlays=Overlays())
    assert np.array_equal(pixels(with_box), pixels(without))


# --- a doughnut's plugins: outlabels around it, doughnutlabel's lines in its hole ---------------


def _round_look(slices: int) -> Overlays:
    """Out-labels of several lines on every slice and centre lines too long for the hole."""
    texts = tuple((f"{LONG[:100]}", f"{i} %", "x") for i in range(slices))
    return Overlays(
        round=RoundLook(
            ring_colors=((), ("#ff0000", "#00ff00")),
            ring_weights=(1.0, 3.0),
            outlabels=OutLabels(texts, stretch=500.0, min_size=30.0, zoom_out=0.5,
                                backgrounds=("#000000",), border_radius=8.0,
                                face=FontFace(italic=True, family="monospace")),
            centre=((LONG[:100], TextStyle(size=200.0, bold=True, face=FontFace(italic=True))),
                    ("c", TextStyle(face=FontFace(family="serif")))),
        )
    )  # fmt: skip


def _rings_of(slices: int) -> dict[str, Any]:
    return {"kind": "doughnut", "categories": [f"s{i}" for i in range(slices)],
            "series": [{"y": [1 + i % 3 for i in range(slices)]}] * 2}  # fmt: skip


@pytest.mark.parametrize("size", [*SIZES, (100, 100, 1.0)], ids=lambda s: "x".join(map(str, s)))
@pytest.mark.parametrize("slices", [5, 60])
def test_outlabels_and_centre_texts_lie_inside_the_image(
    slices: int, size: tuple[int, int, float]
) -> None:
    width, height, scale = size
    frame = OutputOptions(width=width, height=height, scale=scale).frame
    texts = engine.drawn_texts(spec_of(_rings_of(slices)), frame, overlays=_round_look(slices))
    # the short lines fit wherever a box of them fits on the canvas
    assert any(t.text == "x" for t in texts) or min(width, height) * scale < 300


# --- mixed bars: stacked bars with lines, a line on a second axis (need their styles) -----------

_LINE = SeriesStyle(mark="line", point_radius=3.0, fill="origin", order=-1.0)
MIXED: dict[str, tuple[dict[str, Any], ChartStyles]] = {
    "stacked bars and lines": (
        {"kind": "bar", "stacked": True, "categories": ["a", "b", "c"], "title": TITLE,
         "series": [{"y": [3, -1, 2], "name": "one"}, {"y": [1, 2, 3], "name": LONG[:100]},
                    {"y": [1e100, -1e100, 5], "name": "line"}]},
        ChartStyles((None, None, _LINE)),
    ),
    "a line on a right axis beside stacked bars": (
        {"kind": "bar", "stacked": True, "y2_series": [0], "y2_label": TITLE, "legend": True,
         "series": [{"y": [61, 21, 68]}, {"y": [226, 16, 44]}, {"y": [40, 6, 4]}]},
        ChartStyles((_LINE, None, None)),
    ),
    "a line beside bars of their own widths": (
        {"kind": "bar", "categories": MANY, "legend": True, "title": TITLE,
         "series": [{"y": [1.0] * 100}, {"y": [2.0] * 100}, {"y": [3.0] * 100}]},
        ChartStyles((None, _LINE, None), category_bars=CategoryBarWidths(
            (BarWidth(thickness=10_000.0), BarWidth(), BarWidth(10.0, 10.0, None, 0.0))))
    ),
    "a line on a log right axis beside grouped bars": (
        {"kind": "bar", "y2_series": [2], "y2_log": True, "categories": MANY,
         "series": [{"y": [1.0] * 100}, {"y": [-1.0] * 100},
                    {"y": [float(10**i) for i in range(100)]}]},
        ChartStyles((None, None, _LINE)),
    ),
}  # fmt: skip


@pytest.mark.parametrize("size", SIZES, ids=lambda s: "x".join(map(str, s)))
@pytest.mark.parametrize("case", list(MIXED))
def test_mixed_bar_texts_and_their_labels_lie_inside_the_image(
    case: str, size: tuple[int, int, float]
) -> None:
    width, height, scale = size
    frame = OutputOptions(width=width, height=height, scale=scale).frame
    data, styles = MIXED[case]
    texts = engine.drawn_texts(spec_of(data), frame, styles, overlays=_overlays(100))
    for label in texts:
        x0, y0, x1, y1 = label.box
        assert x0 >= -0.5 and y0 >= -0.5, (label.text, label.box)
        assert x1 <= frame.width_px + 0.5 and y1 <= frame.height_px + 0.5, (label.text, label.box)


# --- gradients and patterns (a Chart.js config's paints, drawing/raster/paint_fill.py) ----------


def _stripes(size: float, shape: str = "zigzag") -> FillPattern:
    return FillPattern(shape, "#1e90ffcc", "#ffffffcc", size)  # type: ignore[arg-type]


_GRADIENT = LinearGradient(
    (GradientStop(0.0, "#ff0000ff"), GradientStop(1.0, "#0000ff80")), (0.0, 0.0, 0.0, "height")
)
# Every kind that paints, with the paints of each series; the legend shows the bars' paints.
PAINTED: dict[str, tuple[dict[str, Any], ChartStyles]] = {
    "bars": (
        {"kind": "bar", "categories": ["a", "b", "c"], "legend": True, "title": TITLE,
         "series": [{"name": LONG[:90], "y": [3, -1, 2]}, {"name": "two", "y": [1, 2, 3]}]},
        ChartStyles((SeriesStyle(pattern=_stripes(20)),
                     SeriesStyle(point_paints=(_GRADIENT, None, _stripes(7, "ring"))))),
    ),
    "horizontal bars": (
        {**CARTESIAN_SPECS["horizontal bar"], "legend": True, "title": TITLE},
        ChartStyles((SeriesStyle(gradient=_GRADIENT), SeriesStyle(pattern=_stripes(200, "box")))),
    ),
    "horizontal bars of their own widths": (
        {**CARTESIAN_SPECS["horizontal bar"], "legend": True, "stacked": True},
        ChartStyles((SeriesStyle(pattern=_stripes(20)), SeriesStyle(gradient=_GRADIENT)),
                    category_bars=CategoryBarWidths((BarWidth(0.3, 10.0, None, 4.0),
                                                     BarWidth(thickness=10_000.0)))),
    ),
    "slices": (
        {**ROUND_SPECS["doughnut"], "legend": True, "title": TITLE},
        ChartStyles((SeriesStyle(point_paints=(_stripes(1, "dot"), None, _GRADIENT)),)),
    ),
    "polar slices": (
        {**ROUND_SPECS["polar_area"], "legend": True},
        ChartStyles((SeriesStyle(point_paints=(_stripes(33, "diamond"),) * 4),)),
    ),
    "progress": (ROUND_SPECS["progress"],
                 ChartStyles((SeriesStyle(pattern=_stripes(9)), SeriesStyle(gradient=_GRADIENT)))),
    "radar": (
        {**KINDS["radar"], "legend": True, "title": TITLE,
         "series": [{"name": "one", "y": [3, 1, 2, 4, 2]}, {"y": [1, None, 3, 2, 2]}]},
        ChartStyles((SeriesStyle(gradient=_GRADIENT, border_paint=_stripes(9, "dot")),
                     SeriesStyle(pattern=_stripes(14, "cross"), border_paint=_GRADIENT))),
    ),
    "line areas": (
        {"kind": "line", "legend": True, "title": TITLE,
         "series": [{"name": LONG[:90], "y": [3, -1, 2]}, {"y": [1, 2, 3]}]},
        ChartStyles((SeriesStyle(fill="origin", pattern=_stripes(11, "cross"),
                                 border_paint=_GRADIENT, line_width=8.0),
                     SeriesStyle(fill="start", gradient=_GRADIENT, dash=(4.0, 2.0),
                                 border_paint=_stripes(5)))),
    ),
}  # fmt: skip


@pytest.mark.parametrize("size", SIZES, ids=lambda s: "x".join(map(str, s)))
@pytest.mark.parametrize("case", list(PAINTED))
def test_painted_charts_keep_every_text_inside_the_image(
    case: str, size: tuple[int, int, float]
) -> None:
    width, height, scale = size
    frame = OutputOptions(width=width, height=height, scale=scale).frame
    data, styles = PAINTED[case]
    for label in engine.drawn_texts(spec_of(data), frame, styles):
        x0, y0, x1, y1 = label.box
        assert x0 >= -0.5 and y0 >= -0.5, (label.text, label.box)
        assert x1 <= frame.width_px + 0.5 and y1 <= frame.height_px + 0.5, (label.text, label.box)


@pytest.mark.parametrize("options", LEAK_OPTIONS[:4], ids=lambda o: "-".join(map(str, o.values())))
def test_a_doughnut_with_plugins_after_others_is_the_one_rendered_first(
    options: dict[str, Any],
) -> None:
    def draw(slices: int, overlays: Overlays | None, **extra: Any) -> bytes:
        spec = spec_of({**_rings_of(slices), "title": "round look"})
        return engine.render_spec(spec, OutputOptions(**{**options, **extra}), overlays=overlays)

    first = draw(5, _round_look(5))
    draw(60, _round_look(60), theme="dark", width=300)
    draw(5, None)
    draw(7, _overlays(3))
    assert draw(5, _round_look(5)) == first


# light, 2× ratio, SVG, PDF and JPEG: the others are rendered between
PAINT_LEAK_OPTIONS = [LEAK_OPTIONS[i] for i in (0, 3, 4, 5, 6)]


@pytest.mark.parametrize(
    "options", PAINT_LEAK_OPTIONS, ids=lambda o: "-".join(map(str, o.values()))
)
def test_a_painted_chart_after_others_is_the_chart_rendered_first(
    options: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Painted charts (tiles are kept between renders) rendered, then in every other theme,
    size, ratio and format, then again: the same bytes; and their paints show (raster and
    vector alike)."""

    def draw(case: str) -> bytes:
        data, styles = PAINTED[case]
        spec = spec_of({**data, "title": f"paint {case}"})
        return engine.render_spec(spec, OutputOptions(**options), styles=styles)

    first = {case: draw(case) for case in PAINTED}
    for other in LEAK_OPTIONS:
        for data, styles in PAINTED.values():
            if other is not options:
                engine.render_spec(spec_of(data), OutputOptions(**other), styles=styles)
    for case in PAINTED:
        assert draw(case) == first[case], case
    # and what a render with no tile kept from any other gives
    monkeypatch.setattr(pattern_tile, "_cached_tile", pattern_tile._tile)
    for case in PAINTED:
        assert draw(case) == first[case], case
    for case, (data, styles) in PAINTED.items():  # paints show in every format
        unpainted = replace(
            styles,
            series=tuple(
                replace(look, gradient=None, pattern=None, border_paint=None, point_paints=())
                for look in styles.series
                if look is not None
            ),
        )
        spec = spec_of({**data, "title": f"paint {case}"})
        plain = engine.render_spec(spec, OutputOptions(**options), styles=unpainted)
        assert first[case] != plain, case


@pytest.mark.parametrize("options", LEAK_OPTIONS[:4], ids=lambda o: "-".join(map(str, o.values())))
def test_a_mixed_bar_chart_after_others_is_the_chart_rendered_first(
    options: dict[str, Any],
) -> None:
    def draw(case: str, overlays: Overlays | None, **extra: Any) -> bytes:
        data, styles = MIXED[case]
        return engine.render_spec(
            spec_of(data), OutputOptions(**{**options, **extra}), styles=styles, overlays=overlays
        )

    first = {case: draw(case, _overlays(3)) for case in MIXED}
    for case in MIXED:
        draw(case, _overlays(7), theme="dark", width=300)
        draw(case, None)
    for case in MIXED:
        assert draw(case, _overlays(3)) == first[case], case


# --- sankeys (drawing/raster/sankey.py; their look travels in ChartStyles.sankey) ---------------

_NODES = [f"node {i} {LONG[:40]}" for i in range(100)]
_RED, _BLUE = (1.0, 0.0, 0.0, 1.0), (0.0, 0.0, 1.0, 0.5)
SANKEYS: dict[str, tuple[dict[str, Any], SankeyLook | None]] = {
    "docs": (
        {"kind": "sankey", "series": [{"y": [10, 5, 10, 7]}],
         "sankey": {"links": [["A", "B"], ["A", "C"], ["B", "C"], ["D", "C"]]}},
        None,
    ),
    "long labels, many nodes, extreme flows": (
        {"kind": "sankey", "title": TITLE, "legend": True,
         "series": [{"y": [1e100 if i % 7 == 0 else 5e-324 for i in range(99)]}],
         "sankey": {"links": [[_NODES[i], _NODES[i + 1]] for i in range(99)],
                    "labels": {_NODES[i]: LONG[:40] + "\n" + LONG[:59] for i in range(0, 100, 3)}}},
        SankeyLook(font_px=40.0, font_bold=True, node_width=200.0, border_width=20.0,
                   color_mode="to", label_padding=500.0),
    ),
    "columns, priorities, min size, zero flows": (
        {"kind": "sankey",
         "series": [{"y": [0, 3, 1, 8, 2, 0]}],
         "sankey": {"links": [["a", "b"], ["a", "c"], ["b", "d"], ["c", "d"], ["d", "e"],
                              ["x", "e"]],
                    "columns": {"x": 0, "e": 100}, "priority": {"b": 2, "c": 1},
                    "node_size": "min"}},
        SankeyLook(flow_colors=((_RED, _BLUE),) * 3, color_mode="from", border_width=0.0),
    ),
    "a flow with no place (min size)": (
        {"kind": "sankey", "series": [{"y": [10, 2, 1]}], "title": "gradient",
         "sankey": {"links": [["a", "b"], ["b", "c"], ["b", "d"]], "node_size": "min"}},
        SankeyLook(flow_colors=((_BLUE, _RED),) * 3),
    ),
}  # fmt: skip


def _sankey(case: str, options: dict[str, Any], overlays: Overlays | None = None) -> bytes:
    data, look = SANKEYS[case]
    return engine.render_spec(
        spec_of(data), OutputOptions(**options), styles=ChartStyles(sankey=look), overlays=overlays
    )


@pytest.mark.parametrize("size", SIZES, ids=lambda s: "x".join(map(str, s)))
@pytest.mark.parametrize("case", list(SANKEYS))
def test_sankey_texts_lie_inside_the_image(case: str, size: tuple[int, int, float]) -> None:
    width, height, scale = size
    frame = OutputOptions(width=width, height=height, scale=scale).frame
    data, look = SANKEYS[case]
    for overlays in (None, _overlays(3)):
        texts = engine.drawn_texts(spec_of(data), frame, ChartStyles(sankey=look), overlays)
        for label in texts:
            x0, y0, x1, y1 = label.box
            assert x0 >= -0.5 and y0 >= -0.5, (label.text, label.box)
            assert x1 <= frame.width_px + 0.5, (label.text, label.box)
            assert y1 <= frame.height_px + 0.5, (label.text, label.box)


def test_sankey_labels_are_drawn_beside_their_nodes() -> None:
    frame = OutputOptions(width=500, height=300).frame
    data, _ = SANKEYS["docs"]
    texts = {label.text: label.box for label in engine.drawn_texts(spec_of(data), frame)}
    assert set(texts) == {"A", "B", "C", "D"}
    # the left half's nodes have their labels on their right, 4 px past the node (10 px wide
    # from the plugin's padding of 3) and its border (1); the others end 4 px before theirs,
    # at the chart area's right (the plugin's padding of 13)
    assert texts["A"][0] == pytest.approx(3 + 10 + 1 + 4, abs=1.5)
    assert texts["D"][0] == pytest.approx(texts["A"][0])
    assert texts["C"][2] == pytest.approx(500 - 13 - 1 - 4, abs=1.5)


@pytest.mark.parametrize(
    "options", PAINT_LEAK_OPTIONS, ids=lambda o: "-".join(map(str, o.values()))
)
def test_a_sankey_after_others_is_the_one_rendered_first(options: dict[str, Any]) -> None:
    first = {case: _sankey(case, options) for case in SANKEYS}
    for other in LEAK_OPTIONS:
        if other is not options:
            for case in SANKEYS:
                _sankey(case, other, _overlays(2))
    for data in KINDS.values():  # and every other kind between
        render(data, **LEAK_OPTIONS[2])
    for case in SANKEYS:
        assert _sankey(case, options) == first[case], case


@pytest.mark.parametrize("case", list(SANKEYS))
def test_a_sankey_on_the_figure_path_agrees_with_the_agg_path(case: str) -> None:
    data, look = SANKEYS[case]
    options = OutputOptions(width=500, height=300, scale=2)
    direct = pixels(_sankey(case, {"width": 500, "height": 300, "scale": 2}))
    frame = options.frame
    with themed(frame.theme):
        chart, placed = engine.prepare(spec_of(data), frame, styles=ChartStyles(sankey=look))
        figure, canvas = new_figure(frame)
        figure.add_artist(engine._ChartArtist(chart, placed, frame))
        canvas.draw()
        hosted = np.array(canvas.buffer_rgba())[:, :, :3]
        release_pixels(canvas)
    assert np.array_equal(direct, hosted)


@st.composite
def valid_sankeys(draw: st.DrawFn) -> dict[str, Any]:
    nodes = draw(st.lists(TEXT.filter(bool), min_size=2, max_size=12, unique=True))
    pairs = st.tuples(st.integers(0, len(nodes) - 1), st.integers(0, len(nodes) - 1))
    links = [
        [nodes[min(a, b)], nodes[max(a, b)]]
        for a, b in draw(st.lists(pairs, min_size=1, max_size=30))
        if a != b
    ] or [nodes[:2]]
    amounts = draw(st.lists(st.floats(0, 1e100), min_size=len(links), max_size=len(links)))
    sankey: dict[str, Any] = {"links": links, "node_size": draw(st.sampled_from(["max", "min"]))}
    if draw(st.booleans()):
        sankey["priority"] = {n: draw(st.floats(-1e6, 1e6)) for n in nodes if draw(st.booleans())}
    if draw(st.booleans()):
        sankey["columns"] = {n: draw(st.integers(0, 100)) for n in nodes if draw(st.booleans())}
    return {"kind": "sankey", "series": [{"y": amounts}], "sankey": sankey}


@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_sankeys())
def test_every_valid_sankey_renders(data: dict[str, Any]) -> None:
    assert render(data, width=300, height=200).startswith(b"\x89PNG")
