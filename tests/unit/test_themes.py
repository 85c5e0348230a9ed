import logging
import warnings

import pytest

from chartfn.drawing.figures import render_figure
from chartfn.drawing.formula_renderer import draw_formula_chart
from chartfn.drawing.matplotlib_runtime import rc_context
from chartfn.drawing.themes import RENDER_LOCK, THEMES, themed
from chartfn.models.formula_chart import FormulaChart
from chartfn.models.output_options import OutputOptions
from support import pixels


def render_title(title: str, theme: str) -> bytes:
    chart = FormulaChart.parse(["x"], [], 0, 1, 10, title, "x", "y", None)
    return render_figure(lambda f: draw_formula_chart(f, chart), OutputOptions(theme=theme))


@pytest.mark.parametrize("theme", list(THEMES))
def test_every_theme_keeps_the_cjk_fallback(theme: str, caplog: pytest.LogCaptureFixture) -> None:
    with warnings.catch_warnings(record=True) as caught, caplog.at_level(logging.WARNING):
        warnings.simplefilter("always")
        render_title("正弦函數 ひらがな 한국어", theme)
    messages = [str(w.message) for w in caught] + [r.getMessage() for r in caplog.records]
    assert not [m for m in messages if "missing from font" in m or "findfont" in m], messages


@pytest.mark.parametrize("theme", [t for t in THEMES if t != "light"])
def test_each_theme_looks_different_from_light(theme: str) -> None:
    assert (pixels(render_title("t", theme)) != pixels(render_title("t", "light"))).any()


def test_a_theme_is_undone_after_its_render() -> None:
    from chartfn.drawing.matplotlib_runtime import style_sheet

    with rc_context():
        before = render_title("t", "light")
        render_title("t", "dark")
        assert render_title("t", "light") == before
    assert style_sheet("dark_background")  # the sheets stay readable


def test_the_render_lock_is_reentrant_for_nested_renders() -> None:
    with themed("dark"), RENDER_LOCK:
        pass


@pytest.mark.parametrize("theme", [t for t in THEMES if THEMES[t]])
def test_each_theme_is_its_matplotlib_style_sheet(theme: str) -> None:
    """Read from its file alone, a sheet is what matplotlib.style's library holds (plus the CJK
    fallback font the themes add)."""
    import importlib

    from chartfn.drawing import themes

    library = importlib.import_module("matplotlib.style").library
    expected = themes._with_cjk_fallback(dict(library[THEMES[theme]]))
    assert themes._STYLES[theme] == expected
