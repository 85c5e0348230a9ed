"""A theme's look, read once per theme from the same matplotlib styles the Figure path uses."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache, lru_cache

from chartfn.drawing.matplotlib_runtime import (
    CHARTJS_FONT_FAMILY,
    CJK_FONT_FAMILY,
    FONT_MANAGER,
    FontProperties,
    rcParams,
    register_italic_faces,
    to_rgba,
)
from chartfn.drawing.themes import themed
from chartfn.models.font_face import FontFace

RGBA = tuple[float, float, float, float]

# Chart.js draws every text at 12 CSS px unless a config says otherwise (2.9.4's
# defaultFontSize, 4's defaults.font.size); a CSS pixel is 0.72 pt at 100 dpi per pixel ratio
CHARTJS_TEXT_POINTS = 12 * 0.72
# Chart.js's title and legend paddings (10 CSS px each) between the title's text and the
# legend's, less what the legend's row adds, in points
CHARTJS_TITLE_GAP = 15.5
# Chart.js's default text colour (2.9.4's defaultFontColor, 4's defaults.color)
CHARTJS_TEXT_COLOR: RGBA = (0.4, 0.4, 0.4, 1.0)  # #666
# its grid lines, axis borders and tick marks: rgba(0,0,0,0.1), one CSS pixel wide
CHARTJS_LINE_COLOR: RGBA = (0.0, 0.0, 0.0, 0.1)
CHARTJS_LINE_POINTS = 0.72
# DejaVu Sans behind Liberation Sans for the symbols it lacks, then the CJK fallback
CHARTJS_FAMILIES = (CHARTJS_FONT_FAMILY, "DejaVu Sans", CJK_FONT_FAMILY)
# A config's serif or monospace family: matplotlib's own DejaVu faces (in its data folder, so
# they cost the package nothing; what a Linux canvas's fontconfig gives for these generic names),
# with the theme's list behind them for the glyphs they lack
_GENERIC_FACES = {"serif": "DejaVu Serif", "monospace": "DejaVu Sans Mono"}


@dataclass(frozen=True)
class Style:
    """Colours (RGBA), sizes in points and font families of one theme."""

    figure_color: RGBA
    axes_color: RGBA
    edge_color: RGBA
    edge_width: float
    text_color: RGBA
    label_color: RGBA
    tick_color: RGBA
    tick_label_color: RGBA
    tick_length: float
    tick_width: float
    tick_pad: float
    ticks_inward: bool
    grid_color: RGBA
    grid_width: float
    grid_dashes: tuple[float, ...] | None
    title_size: float
    label_size: float
    tick_label_size: float
    legend_size: float
    title_pad: float
    label_pad: float
    legend_frame: bool
    legend_face: RGBA
    legend_edge: RGBA
    legend_alpha: float
    font_family: tuple[str, ...]
    sans_serif: tuple[str, ...]
    cycle: tuple[RGBA, ...]  # the theme's line colours (/plot's curves take them in turn)

    def font(
        self, size: float, weight: str = "normal", face: FontFace | None = None
    ) -> FontProperties:
        """``face`` None: the theme's upright face (what every chart but a Chart.js config's
        text that names a style or family is drawn in)."""
        if face is None or face.is_default():
            return _font(self.font_family, self.sans_serif, size, weight)
        return _faced_font(self.font_family, self.sans_serif, size, weight, face)


# bounded: a config's font sizes are floats from 1 to 200, each a key
@lru_cache(maxsize=1024)
def _faced_font(
    family: tuple[str, ...],
    sans_serif: tuple[str, ...],
    size: float,
    weight: str,
    face: FontFace,
) -> FontProperties:
    if face.italic:
        register_italic_faces()
    generic = _GENERIC_FACES.get(face.family)
    names = (generic, *family) if generic else family
    font = _font(names, sans_serif, size, weight).copy()
    if face.italic:
        # DejaVu Sans (Mono)'s slanted faces are 'oblique', which matplotlib takes for italic
        font.set_style("italic")
    return font


@cache
def _font(
    family: tuple[str, ...], sans_serif: tuple[str, ...], size: float, weight: str
) -> FontProperties:
    # FontProperties resolves "sans-serif" through rcParams when a font is looked up, so the
    # generic name is replaced by the installed fonts of the theme's own list here: the look-up
    # no longer depends on which theme's rcParams are in force, and no missing family is tried
    # (and warned about) on every look-up.
    installed = {entry.name for entry in FONT_MANAGER.ttflist}
    names: list[str] = []
    for name in family:
        for candidate in sans_serif if name == "sans-serif" else (name,):
            if candidate in installed and candidate not in names:
                names.append(candidate)
    return FontProperties(family=names, size=size, weight=weight)


def chartjs_style(style: Style) -> Style:
    """``style`` as Chart.js draws a config that sets none of it: text at its default size and
    colour in a face with Arial's metrics (Chart.js's default family is Helvetica/Arial), and
    its faint one-pixel grid, axis borders and tick marks."""
    return replace(
        style,
        font_family=CHARTJS_FAMILIES,
        title_size=CHARTJS_TEXT_POINTS,
        label_size=CHARTJS_TEXT_POINTS,
        tick_label_size=CHARTJS_TEXT_POINTS,
        legend_size=CHARTJS_TEXT_POINTS,
        title_pad=CHARTJS_TITLE_GAP,
        text_color=CHARTJS_TEXT_COLOR,
        label_color=CHARTJS_TEXT_COLOR,
        tick_label_color=CHARTJS_TEXT_COLOR,
        grid_color=CHARTJS_LINE_COLOR,
        grid_width=CHARTJS_LINE_POINTS,
        grid_dashes=None,
        edge_color=CHARTJS_LINE_COLOR,
        edge_width=CHARTJS_LINE_POINTS,
        tick_color=CHARTJS_LINE_COLOR,
        tick_width=CHARTJS_LINE_POINTS,
    )


def _size(value: object) -> float:
    return float(FontProperties(size=value).get_size_in_points())  # type: ignore[arg-type]


def _color(value: object, fallback: object = None) -> RGBA:
    if value in ("inherit", "auto") and fallback is not None:
        value = fallback
    return to_rgba(value)  # type: ignore[arg-type]


def _dashes(linestyle: object, width: float) -> tuple[float, ...] | None:
    # matplotlib's named dash patterns, in units of the line width (lines.dashed_pattern etc.)
    patterns = {
        "--": "lines.dashed_pattern",
        "-.": "lines.dashdot_pattern",
        ":": "lines.dotted_pattern",
    }
    key = patterns.get(str(linestyle))
    if key is None:
        return None
    scale = width if rcParams["lines.scale_dashes"] else 1.0
    return tuple(float(v) * scale for v in rcParams[key])


@cache
def style_of(theme: str) -> Style:
    """The theme's style; read under ``themed`` (it holds the render lock) once per process."""
    with themed(theme):
        p = rcParams
        family = p["font.family"]
        families = (family,) if isinstance(family, str) else tuple(family)
        grid_width = float(p["grid.linewidth"])
        grid_rgba = to_rgba(p["grid.color"], p["grid.alpha"])
        tick_color = _color(p["xtick.color"])
        return Style(
            figure_color=_color(p["figure.facecolor"]),
            axes_color=_color(p["axes.facecolor"]),
            edge_color=_color(p["axes.edgecolor"]),
            edge_width=float(p["axes.linewidth"]),
            text_color=_color(p["text.color"]),
            label_color=_color(p["axes.labelcolor"]),
            tick_color=tick_color,
            tick_label_color=_color(p["xtick.labelcolor"], p["xtick.color"]),
            tick_length=float(p["xtick.major.size"]),
            tick_width=float(p["xtick.major.width"]),
            tick_pad=float(p["xtick.major.pad"]),
            ticks_inward=p["xtick.direction"] == "in",
            grid_color=grid_rgba,
            grid_width=grid_width,
            grid_dashes=_dashes(p["grid.linestyle"], grid_width),
            title_size=_size(p["axes.titlesize"]),
            label_size=_size(p["axes.labelsize"]),
            tick_label_size=_size(p["xtick.labelsize"]),
            legend_size=_size("small"),
            title_pad=float(p["axes.titlepad"]),
            label_pad=float(p["axes.labelpad"]),
            legend_frame=bool(p["legend.frameon"]),
            legend_face=_color(p["legend.facecolor"], p["axes.facecolor"]),
            legend_edge=_color(p["legend.edgecolor"], p["axes.edgecolor"]),
            legend_alpha=float(p["legend.framealpha"]),
            font_family=families,
            sans_serif=tuple(p["font.sans-serif"]),
            cycle=tuple(to_rgba(c) for c in p["axes.prop_cycle"].by_key()["color"]),
        )
