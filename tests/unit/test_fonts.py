"""Text in any script: Han (simplified and traditional), kana and hangul draw as glyphs, not boxes
(tofu), from the bundled CJK fallback font, while Latin, Greek and Cyrillic stay DejaVu Sans."""

from __future__ import annotations

import io
import logging
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest
from fontTools.ttLib import TTFont

from chartfn.drawing.matplotlib_runtime import (
    CJK_FONT,
    CJK_FONT_FAMILY,
    FONT_MANAGER,
    MATPLOTLIB_DATA_DIR,
    Figure,
    FigureCanvasAgg,
)

SAMPLES = ["正弦函數", "数", "ひらがな カタカナ", "한국어", "Ελληνικά", "Кириллица", "Latin"]
CJK_SAMPLES = SAMPLES[:4]
# Private use, plane 16: no font has it, so matplotlib draws its missing-glyph box.
TOFU = "\U0010fffd"
MISSING_GLYPH = re.compile(r"Glyph \d+ .* missing from font")


def fallback_chain() -> list[Path]:
    """The font files matplotlib draws default text from, in the order it tries them."""
    from matplotlib.font_manager import FontProperties

    return [Path(p) for p in FONT_MANAGER._find_fonts_by_props(FontProperties())]


def font_with_glyph(char: str) -> Path | None:
    """The first font of the fallback chain that maps *char* to a real glyph (not .notdef)."""
    from matplotlib.ft2font import FT2Font

    for path in fallback_chain():
        if FT2Font(str(path)).get_char_index(ord(char)) != 0:
            return path
    return None


@contextmanager
def no_missing_glyph_warnings(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """Fail on matplotlib's missing-glyph warning, whether it warns or logs it."""
    with warnings.catch_warnings(record=True) as caught, caplog.at_level(logging.WARNING):
        warnings.simplefilter("always")
        yield
    messages = [str(w.message) for w in caught] + [r.getMessage() for r in caplog.records]
    assert not [m for m in messages if MISSING_GLYPH.search(m) or "findfont" in m], messages


def render(text: str, *, family: str | None = None) -> np.ndarray:
    figure = Figure(figsize=(3, 0.6), dpi=100, facecolor="white")
    canvas = FigureCanvasAgg(figure)
    kwargs = {} if family is None else {"family": family}
    figure.text(0.02, 0.3, text, fontsize=16, **kwargs)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba()).copy()


def render_tofu(text: str) -> np.ndarray:
    """*text* with every character but spaces replaced by the missing-glyph box."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=MISSING_GLYPH.pattern)
        return render("".join(" " if c == " " else TOFU for c in text))


def render_without_fallback(text: str) -> np.ndarray:
    """*text* as matplotlib draws it from DejaVu Sans alone: a CJK character becomes the box of
    its block from matplotlib's Last Resort font, which differs from the U+10FFFD box."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=MISSING_GLYPH.pattern)
        return render(text, family="DejaVu Sans")


def save_tofu(text: str, fmt: str) -> bytes:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=MISSING_GLYPH.pattern)
        return save("".join(" " if c == " " else TOFU for c in text), fmt)


def save(text: str, fmt: str, *, family: str | None = None) -> bytes:
    figure = Figure(figsize=(4, 2), dpi=100)
    FigureCanvasAgg(figure)
    kwargs = {} if family is None else {"family": family}
    figure.add_axes((0.1, 0.1, 0.8, 0.7)).set_title(text, **kwargs)
    out = io.BytesIO()
    figure.savefig(out, format=fmt)
    return out.getvalue()


def test_the_bundled_cjk_font_is_small_truetype_and_named_as_configured() -> None:
    assert CJK_FONT.stat().st_size < 6_000_000
    font = TTFont(CJK_FONT)
    # glyf outlines: matplotlib's PDF/PS backends embed TrueType only, not CFF
    assert "glyf" in font
    assert "CFF " not in font
    assert font["name"].getDebugName(1) == CJK_FONT_FAMILY
    assert (CJK_FONT.parent / "LICENSE-Apache-2.0.txt").exists()
    rc = (MATPLOTLIB_DATA_DIR / "matplotlibrc").read_text()
    assert f"font.family: sans-serif, {CJK_FONT_FAMILY}\n" in rc


def test_the_cjk_font_is_a_fallback_after_dejavu_sans() -> None:
    assert [p.name for p in fallback_chain()] == ["DejaVuSans.ttf", CJK_FONT.name]


@pytest.mark.parametrize("sample", SAMPLES)
def test_every_character_has_a_real_glyph(sample: str) -> None:
    for char in sample.replace(" ", ""):
        path = font_with_glyph(char)
        assert path is not None, f"{char!r} (U+{ord(char):04X}) has no glyph"
        # Latin, Greek and Cyrillic must keep coming from DejaVu Sans; only CJK falls back
        expected = CJK_FONT.name if sample in CJK_SAMPLES else "DejaVuSans.ttf"
        assert path.name == expected, char


def test_the_tofu_character_really_has_no_glyph() -> None:
    assert font_with_glyph(TOFU) is None


@pytest.mark.parametrize("sample", SAMPLES)
def test_each_sample_renders_glyphs_without_warnings(
    sample: str, caplog: pytest.LogCaptureFixture
) -> None:
    with no_missing_glyph_warnings(caplog):
        drawn = render(sample)
    assert not np.array_equal(drawn, render_tofu(sample))
    # one character at a time, so a single box among real glyphs cannot hide
    for char in set(sample.replace(" ", "")):
        with no_missing_glyph_warnings(caplog):
            glyph = render(char)
        assert (glyph[..., :3] < 128).any(), f"{char!r} drew nothing"
        assert not np.array_equal(glyph, render_tofu(char)), char
        if sample in CJK_SAMPLES:
            assert not np.array_equal(glyph, render_without_fallback(char)), char


def test_the_warning_check_sees_a_missing_glyph(caplog: pytest.LogCaptureFixture) -> None:
    """Negative control: without the fallback, a Han character is reported missing."""
    with (
        pytest.raises(AssertionError, match="missing from font"),
        no_missing_glyph_warnings(caplog),
    ):
        render("数", family="DejaVu Sans")


def test_latin_text_keeps_its_pixels() -> None:
    """The fallback font must not touch text DejaVu Sans can draw (the golden images rely on it)."""
    text = "y = 2 · sin(3x) Ελληνικά Кириллица 0.5 −1e+06"
    assert np.array_equal(render(text), render(text, family="DejaVu Sans"))


def test_cjk_differs_from_tofu_in_png_svg_and_pdf(caplog: pytest.LogCaptureFixture) -> None:
    title = "正弦函數 数 ひらがな カタカナ 한국어"
    for fmt in ("png", "svg", "pdf"):
        with no_missing_glyph_warnings(caplog):
            drawn = save(title, fmt)
        assert drawn != save_tofu(title, fmt), fmt
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=MISSING_GLYPH.pattern)
            assert drawn != save(title, fmt, family="DejaVu Sans"), fmt


def test_svg_holds_the_cjk_glyph_outlines(caplog: pytest.LogCaptureFixture) -> None:
    with no_missing_glyph_warnings(caplog):
        svg = save("正弦函數", "svg").decode()
    # svg.fonttype "path": each distinct glyph is defined once as a path and then used
    glyph_ids = set(re.findall(r'<path id="(WenQuanYiMicroHei-[0-9a-f]+)"', svg))
    assert len(glyph_ids) == 4
    for glyph_id in glyph_ids:
        assert f'xlink:href="#{glyph_id}"' in svg


@pytest.mark.parametrize("fonttype", [3, 42])
def test_pdf_embeds_the_cjk_font(fonttype: int, caplog: pytest.LogCaptureFixture) -> None:
    import matplotlib

    with matplotlib.rc_context({"pdf.fonttype": fonttype}), no_missing_glyph_warnings(caplog):
        pdf = save("正弦函數 数 ひらがな 한국어", "pdf")
    assert pdf.startswith(b"%PDF-")
    assert re.search(rb"/BaseFont /[A-Z]{6}\+WenQuanYiMicroHei", pdf)
    if fonttype == 42:
        assert b"/FontFile2" in pdf  # the TrueType font program itself is embedded


def test_latin_only_pdf_does_not_embed_the_cjk_font() -> None:
    assert b"WenQuanYi" not in save("y = 2 · sin(3x)", "pdf")


def test_the_italic_chartjs_faces_are_the_same_liberation_sans_release() -> None:
    """Liberation Sans Italic and Bold Italic for Chart.js configs' italic text: the release of
    the Regular and Bold beside them (the name tables' family, style and version)."""
    from chartfn.drawing.matplotlib_runtime import (
        CHARTJS_FONT_FAMILY,
        CHARTJS_FONTS,
        CHARTJS_ITALIC_FONTS,
    )

    upright = [TTFont(path)["name"] for path in CHARTJS_FONTS]
    italic = [TTFont(path)["name"] for path in CHARTJS_ITALIC_FONTS]
    assert [n.getDebugName(1) for n in italic] == [CHARTJS_FONT_FAMILY] * 2
    assert [n.getDebugName(2) for n in italic] == ["Italic", "Bold Italic"]
    versions = {n.getDebugName(5) for n in upright + italic}
    assert versions == {"Version 2.1.5"}
    for path in CHARTJS_ITALIC_FONTS:
        assert "glyf" in TTFont(path)  # TrueType outlines, as the PDF backend embeds them
    assert sum(path.stat().st_size for path in CHARTJS_ITALIC_FONTS) < 900_000
    assert (CHARTJS_ITALIC_FONTS[0].parent / "LICENSE-OFL-1.1.txt").exists()
