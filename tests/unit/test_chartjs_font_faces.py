"""Italic text and font families in Chart.js configs: v2 ``fontStyle``/``fontFamily`` and v3+
``font.style``/``font.family`` choose the face of every text Chart.js draws (Liberation Sans
Italic and Bold Italic; DejaVu Serif and DejaVu Sans Mono for serif and monospace lists), read
where each Chart.js version reads them; a text that sets neither keeps its face and bytes."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

from chartfn.chartjs.font_face import font_face, v2_bold, v2_face
from chartfn.drawing.matplotlib_runtime import FONT_MANAGER
from chartfn.drawing.raster.layout import Label
from chartfn.drawing.raster.text import measure
from chartfn.models.font_face import FontFace
from chartjs_render import png_of as rendered_png
from chartjs_render import texts

HEIGHT = 293


def _size(width: int) -> dict[str, Any]:
    return {"width": width, "height": HEIGHT, "device_pixel_ratio": 1}


def labels_of(chart: dict[str, Any], version: int, width: int = 439) -> list[Label]:
    """Every text the config draws, tick labels and point labels included (its tick providers
    and axis looks applied, as a render applies them)."""
    return texts(json.dumps(chart), version, **_size(width))


def png_of(chart: dict[str, Any], version: int, width: int = 441) -> bytes:
    return rendered_png(json.dumps(chart), version, **_size(width))


def face(label: Label) -> str:
    return Path(FONT_MANAGER.findfont(label.font)).name


def faces(labels: list[Label]) -> dict[str, str]:
    return {label.text: face(label) for label in labels}


def bar(options: dict[str, Any], **dataset: Any) -> dict[str, Any]:
    return {
        "type": "bar",
        "data": {
            "labels": ["Xa 23", "Xb 23"],
            "datasets": [{"label": "Lg 23", "data": [31, 92], **dataset}],
        },
        "options": options,
    }


# --- reading the options ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("style", "italic", "bold"),
    [
        ("italic", True, False),
        ("Bold Italic", True, True),  # the canvas parses CSS: any case
        ("OBLIQUE", True, False),
        ("bold", False, True),
        ("normal", False, False),
        (7, False, None),
    ],
)
def test_v2_font_style_in_any_case(style: Any, italic: bool, bold: bool | None) -> None:
    found = v2_face({"fontStyle": style})
    assert (found is not None and found.italic) is italic
    assert v2_bold(style) is bold


@pytest.mark.parametrize(
    ("style", "italic"),
    [
        ("italic", True),
        ("oblique", True),
        ("oblique 10deg", True),
        ("ITALIC", False),  # Chart.js 4 warns 'Invalid font style' and draws it upright
        ("bold italic", False),
        ("normal", False),
        (None, False),
    ],
)
def test_v3_font_style_as_chartjs_4_matches_it(style: Any, italic: bool) -> None:
    found = font_face({"style": style}, 4)
    assert (found is not None and found.italic) is italic


@pytest.mark.parametrize(
    ("family", "generic"),
    [
        ("'Helvetica Neue', 'Helvetica', 'Arial', sans-serif", None),  # Chart.js's default
        ("Georgia, serif", "serif"),
        ('"Times New Roman", Times', "serif"),
        ("Fancy Script, Consolas, monospace", "monospace"),  # unknown names passed over
        ("  COURIER  ", "monospace"),
        ("Mono", "monospace"),  # fontconfig's alias, as QuickChart's docs use it
        ("Serif", "serif"),
        ("Fancy Script, Comic Neue", None),  # none known: the default face, no error
        ("system-ui, serif", None),
        (12, None),
        ("Fancy, " * 5000 + "serif", None),  # only the list's first names are read
    ],
)
def test_a_family_list_comes_down_to_its_first_known_name(family: Any, generic: str | None) -> None:
    for found in (v2_face({"fontFamily": family}), font_face({"family": family}, 4)):
        assert (None if found is None else found.family) == generic


def test_a_charts_font_stands_behind_an_own_font_key_by_key() -> None:
    root = {"style": "italic", "family": "serif"}
    assert font_face({}, 4, root) == FontFace(italic=True, family="serif")
    assert font_face({"style": "normal"}, 4, root) == FontFace(family="serif")
    assert font_face({"style": "normal", "family": "Arial"}, 4, root) is None


# --- the faces drawn ----------------------------------------------------------------------------


def test_v2_fonts_of_title_legend_ticks_axis_titles_and_data_labels() -> None:
    options = {
        "title": {"display": True, "text": "Tf 23", "fontStyle": "italic"},
        "legend": {"labels": {"fontStyle": "Bold Italic"}},
        "scales": {
            "xAxes": [{"ticks": {"fontFamily": "'Courier New', monospace"}}],
            "yAxes": [
                {
                    "scaleLabel": {
                        "display": True,
                        "labelString": "Yt 23",
                        "fontStyle": "italic",
                        "fontFamily": "Georgia",
                    }
                }
            ],
        },
        "plugins": {"datalabels": {"font": {"style": "italic", "family": "serif"}}},
    }
    drawn = faces(labels_of(bar(options), 2))
    assert drawn["Tf 23"] == "LiberationSans-Italic.ttf"  # italic alone: not bold any more
    assert drawn["Lg 23"] == "LiberationSans-BoldItalic.ttf"
    assert drawn["Xa 23"] == drawn["Xb 23"] == "DejaVuSansMono.ttf"
    assert drawn["Yt 23"] == "DejaVuSerif-Italic.ttf"
    assert drawn["31"] == drawn["92"] == "DejaVuSerif-Italic.ttf"


def test_v4_fonts_of_title_subtitle_legend_ticks_axis_titles_and_data_labels() -> None:
    options = {
        "plugins": {
            "title": {"display": True, "text": "Tf 24", "font": {"style": "italic",
                                                                 "family": "Times New Roman"}},
            "subtitle": {"display": True, "text": "St 24", "font": {"style": "oblique"}},
            "legend": {"labels": {"font": {"family": "monospace", "weight": "bold"}}},
            "datalabels": {"font": {"style": "italic"}},
        },
        "scales": {
            "x": {"ticks": {"font": {"style": "oblique 14deg"}}},
            "y": {"title": {"display": True, "text": "Yt 24",
                            "font": {"style": "italic", "weight": "bold"}}},
        },
    }  # fmt: skip
    drawn = faces(labels_of(bar(options), 4))
    assert drawn["Tf 24"] == "DejaVuSerif-BoldItalic.ttf"  # the title stays bold
    assert drawn["St 24"] == "LiberationSans-Italic.ttf"
    assert drawn["Lg 23"] == "DejaVuSansMono-Bold.ttf"
    assert drawn["Xa 23"] == drawn["Xb 23"] == "LiberationSans-Italic.ttf"
    assert drawn["Yt 24"] == "LiberationSans-BoldItalic.ttf"
    assert drawn["31"] == drawn["92"] == "LiberationSans-Italic.ttf"


def test_v4_options_font_reaches_point_labels_and_annotation_labels_only() -> None:
    """Chart.js 4.6 (its canvas's font at every fillText, checked with the fidelity harness'
    npm packages): the chart's ``options.font`` is read by a radar's point labels and by
    annotation labels, not by the title, legend, ticks or data labels."""
    root = {"style": "italic", "family": "Georgia, serif"}
    radar = {
        "type": "radar",
        "data": {"labels": ["Pa 25", "Pb 25", "Pc 25"],
                 "datasets": [{"label": "Lg 25", "data": [3, 5, 4]}]},
        "options": {"font": root, "plugins": {"title": {"display": True, "text": "Tf 25"}}},
    }  # fmt: skip
    drawn = faces(labels_of(radar, 4))
    assert drawn["Pa 25"] == drawn["Pc 25"] == "DejaVuSerif-Italic.ttf"
    assert drawn["Tf 25"] == "LiberationSans-Bold.ttf"
    assert drawn["Lg 25"] == "LiberationSans-Regular.ttf"
    line = {
        "type": "line",
        "scaleID": "y",
        "value": 50,
        "label": {"display": True, "content": "An 25"},
    }
    options = {"font": root, "plugins": {"annotation": {"annotations": {"a": line}}}}
    drawn = faces(labels_of(bar(options), 4))
    assert drawn["An 25"] == "DejaVuSerif-BoldItalic.ttf"  # the plugin's labels are bold
    assert drawn["Xa 23"] == drawn["Lg 23"] == drawn["50"] == "LiberationSans-Regular.ttf"
    # Chart.js 2 has no such option: defaultFontStyle is a global, not a config option
    v2 = {"defaultFontStyle": "italic", "defaultFontFamily": "serif",
          "radar": {"pointLabels": {}}, "title": {"display": True, "text": "Tf 25"}}  # fmt: skip
    drawn = faces(labels_of({**radar, "options": v2}, 2))
    assert drawn["Pa 25"] == "LiberationSans-Regular.ttf"
    assert drawn["Tf 25"] == "LiberationSans-Bold.ttf"


def test_v2_radar_point_labels_and_annotation_labels_take_their_own_fonts() -> None:
    radar = {
        "type": "radar",
        "data": {"labels": ["Pa 26", "Pb 26", "Pc 26"], "datasets": [{"data": [3, 5, 4]}]},
        "options": {"scale": {"pointLabels": {"fontStyle": "italic", "fontFamily": "Courier"}}},
    }
    assert faces(labels_of(radar, 2))["Pa 26"] == "DejaVuSansMono-Oblique.ttf"
    line = {"type": "line", "mode": "horizontal", "scaleID": "y-axis-0", "value": 50,
            "label": {"enabled": True, "content": "An 26", "fontStyle": "italic"}}  # fmt: skip
    chart = bar({"annotation": {"annotations": [line]}})
    # the plugin's default 'bold' gives way to the config's fontStyle
    assert faces(labels_of(chart, 2))["An 26"] == "LiberationSans-Italic.ttf"


def test_doughnutlabel_and_outlabels_fonts() -> None:
    chart = {
        "type": "doughnut",
        "data": {"labels": ["Sa", "Sb"], "datasets": [{"data": [3, 5]}]},
        "options": {
            "plugins": {
                "datalabels": {"display": False},
                "doughnutlabel": {"labels": [{"text": "Cn 27", "font": {"style": "Italic",
                                                                         "family": "serif"}}]},
                "outlabels": {"text": "Ol %l", "font": {"style": "italic", "weight": "bold"}},
            }
        },
    }  # fmt: skip
    drawn = faces(labels_of(chart, 2))
    assert drawn["Cn 27"] == "DejaVuSerif-Italic.ttf"
    assert drawn["Ol Sa"] == "LiberationSans-BoldItalic.ttf"


def test_unknown_families_and_styles_keep_the_default_face() -> None:
    options = {
        "title": {"display": True, "text": "Tf 28", "fontFamily": "Fancy Script, Comic Neue"},
        "legend": {"labels": {"fontStyle": "slanted"}},
    }
    drawn = faces(labels_of(bar(options), 2))
    assert drawn["Tf 28"] == "LiberationSans-Bold.ttf"
    assert drawn["Lg 23"] == "LiberationSans-Regular.ttf"
    options4 = {"plugins": {"title": {"display": True, "text": "Tf 28",
                                      "font": {"style": "ITALIC", "family": 5}}}}  # fmt: skip
    assert faces(labels_of(bar(options4), 4))["Tf 28"] == "LiberationSans-Bold.ttf"


def test_default_spellings_keep_the_bytes_of_a_config_without_fonts() -> None:
    plain = {"plugins": {"title": {"display": True, "text": "Same 29"}}}
    spelled = {
        "plugins": {
            "title": {
                "display": True,
                "text": "Same 29",
                "font": {
                    "style": "normal",
                    "family": "'Helvetica Neue', 'Helvetica', 'Arial', sans-serif",
                },
            }
        }
    }
    assert png_of(bar(plain), 4) == png_of(bar(spelled), 4)
    italic = {"plugins": {"title": {"display": True, "text": "Same 29",
                                    "font": {"style": "italic"}}}}  # fmt: skip
    assert png_of(bar(italic), 4) != png_of(bar(plain), 4)


# --- the pixels and the layout ------------------------------------------------------------------


def _ink_slant(style: str | None) -> float:
    """How far right the top of a big red 'l' in the title sits from its bottom, in pixels."""
    title: dict[str, Any] = {"display": True, "text": "l", "fontSize": 120, "fontColor": "red"}
    if style is not None:
        title["fontStyle"] = style
    chart = bar({"title": title, "legend": {"display": False},
                 "scales": {"xAxes": [{"display": False}], "yAxes": [{"display": False}]}},
                backgroundColor="blue")  # fmt: skip
    image = np.asarray(Image.open(io.BytesIO(png_of(chart, 2, width=443))).convert("RGBA"))
    red = (image[..., 0] > 200) & (image[..., 1] < 80) & (image[..., 2] < 80)
    red &= image[..., 3] > 200
    rows = np.flatnonzero(red.any(axis=1))
    assert len(rows) > 40, "the title's glyph was not found"
    band = len(rows) // 5
    columns = np.arange(red.shape[1])

    def centre(selected: np.ndarray) -> float:
        return float((red[selected] * columns).sum() / red[selected].sum())

    return centre(rows[:band]) - centre(rows[-band:])


def test_an_italic_title_is_sheared_and_an_upright_one_is_not() -> None:
    assert abs(_ink_slant("normal")) < 1.5
    assert _ink_slant("italic") > 8
    assert _ink_slant("bold italic") > 8


def test_layout_measures_text_in_the_face_it_draws() -> None:
    """A serif title's box is the serif face's width (not Liberation Sans'), and a long one
    is shortened with an ellipsis to fit in that face."""
    words = "Wide words of a serif title " * 3
    serif = {"title": {"display": True, "text": "Wm 30", "fontFamily": "serif", "fontSize": 30}}
    sans = {"title": {"display": True, "text": "Wm 30", "fontSize": 30}}
    serif_label = next(t for t in labels_of(bar(serif), 2) if t.text == "Wm 30")
    sans_label = next(t for t in labels_of(bar(sans), 2) if t.text == "Wm 30")
    assert face(serif_label) == "DejaVuSerif-Bold.ttf"
    width = serif_label.box[2] - serif_label.box[0]
    assert width == pytest.approx(measure("Wm 30", serif_label.font, 100.0).width, abs=1.0)
    assert abs(width - (sans_label.box[2] - sans_label.box[0])) > 3
    long = {"title": {"display": True, "text": words, "fontSize": 30,
                      "fontStyle": "italic", "fontFamily": "monospace"}}  # fmt: skip
    shortened = next(t for t in labels_of(bar(long), 2, width=301) if t.text.endswith("…"))
    assert face(shortened) == "DejaVuSansMono-Oblique.ttf"
    assert shortened.box[0] >= -0.5 and shortened.box[2] <= 301.5
