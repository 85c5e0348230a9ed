"""Matplotlib set up for Lambda's read-only file system.

Import this module before anything else imports matplotlib.

Left alone, matplotlib looks for a writable config/cache directory at import time; on Lambda
(read-only code directory and HOME) it falls back to a fresh temporary directory and rebuilds its
font cache there on every cold start: seconds of work and a burst of file writes. Matplotlib has
no read-only mode, so we give it one:

* ``MATPLOTLIBRC`` names our bundled rc file, so importing matplotlib never asks for the config
  directory (``matplotlib_fname`` stops at the first file it finds);
* the config and cache directory lookups answer with the bundled, read-only ``matplotlib_data``
  folder, which holds the font list generated ahead of time (``scripts/generate_fontlist.py``)
  from the fonts that ship inside matplotlib only, so the list is valid on any machine;
* the font manager then loads that list instead of scanning fonts and writing a cache.

Text in any script: DejaVu Sans has no Han, kana or hangul, so the bundled subset of WenQuanYi
Micro Hei (``fonts/``, made by ``scripts/build_cjk_font.py``) is registered with ``addfont``,
which only reads the file. It cannot go in the generated font list, whose paths are valid on any
machine only for matplotlib's own fonts. The matplotlibrc names it after DejaVu Sans in
``font.family``, so matplotlib draws each character from the first font that has it: Latin text
keeps its exact pixels and CJK characters get glyphs instead of boxes.

Chart.js configs' text: Chart.js's default family is Helvetica Neue/Helvetica/Arial, none of them
free. Liberation Sans (``fonts/``, SIL OFL) has Arial's metrics, so titles, legends and tick
labels take the widths Chart.js lays out with; it is registered the same read-only way and only
the Chart.js path names it (``raster.style.chartjs_style``), so every other chart keeps DejaVu
Sans and its bytes. Its italic faces (``CHARTJS_ITALIC_FONTS``) are registered on the first
text that asks for one (``register_italic_faces``): a cold start and /sin never read them.
"""

from __future__ import annotations

import os
import sys
import threading
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

MATPLOTLIB_DATA_DIR = Path(__file__).resolve().with_name("matplotlib_data")
MATPLOTLIBRC = MATPLOTLIB_DATA_DIR / "matplotlibrc"
FONTS_DIR = Path(__file__).resolve().with_name("fonts")
CJK_FONT = FONTS_DIR / "wqy-microhei-cjk.ttf"
# must match font.family in the matplotlibrc; test_fonts checks the file really has this name
CJK_FONT_FAMILY = "WenQuanYi Micro Hei"
CHARTJS_FONTS = (FONTS_DIR / "LiberationSans-Regular.ttf", FONTS_DIR / "LiberationSans-Bold.ttf")
CHARTJS_FONT_FAMILY = "Liberation Sans"  # test_fonts checks the files really have this name
CHARTJS_ITALIC_FONTS = (
    FONTS_DIR / "LiberationSans-Italic.ttf",
    FONTS_DIR / "LiberationSans-BoldItalic.ttf",
)

if "matplotlib" in sys.modules:
    # Too late to steer the import; the service always imports this module first, and the
    # no-writes test proves that in a fresh interpreter.
    pass
else:
    os.environ["MATPLOTLIBRC"] = str(MATPLOTLIBRC)
    os.environ["MPLBACKEND"] = "agg"

import matplotlib  # noqa: E402


def _bundled_data_dir() -> str:
    return str(MATPLOTLIB_DATA_DIR)


matplotlib.get_configdir = _bundled_data_dir
matplotlib.get_cachedir = _bundled_data_dir

# matplotlib.figure imports the 3-D toolkit only to register its projection: ~25 ms of every
# cold start, and no chart here is 3-D. A None entry in sys.modules makes that import fail, which
# matplotlib tolerates by design (it warns and leaves the projection out); the warning is noise.
sys.modules.setdefault("mpl_toolkits.mplot3d", None)  # type: ignore[arg-type]
# Process-wide: matplotlib.figure loads on first use (``__getattr__`` below), and whichever
# code imports it first, ours or a library's, would otherwise print the warning.
warnings.filterwarnings("ignore", message="Unable to import Axes3D", category=UserWarning)
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Unable to import Axes3D", category=UserWarning)
    from matplotlib import (
        font_manager,
        rc_context,
        rc_params_from_file,
        rcParams,
        ticker,
    )
    from matplotlib.artist import Artist
    from matplotlib.backend_bases import RendererBase
    from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
    from matplotlib.backends.backend_agg import (
        get_hinting_flag as backend_agg_hinting_flag,
    )
    from matplotlib.colors import is_color_like, to_rgba
    from matplotlib.font_manager import FontProperties, get_font
    from matplotlib.ft2font import FT2Font
    from matplotlib.path import Path
    from matplotlib.text import Text
    from matplotlib.ticker import Locator
    from matplotlib.transforms import Affine2D, Bbox, TransformedPath

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


def __getattr__(name: str) -> object:
    """``Figure`` and ``Axes`` on first use: the raster engine draws without them, and their
    modules (with the artists they pull in) are a good part of a cold start that /sin does not
    need. Only SVG, PDF and the Figure-based renderers import them."""
    if name not in ("Figure", "Axes"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    with warnings.catch_warnings():  # also where a caller (pytest) has reset the filters
        warnings.filterwarnings("ignore", message="Unable to import Axes3D", category=UserWarning)
        from matplotlib.axes import Axes
        from matplotlib.figure import Figure
    globals().update(Figure=Figure, Axes=Axes)
    return globals()[name]


# The rest of the package takes matplotlib from here, so nothing can import it before the set-up
# above has run (a test checks that no other module imports matplotlib directly).
FONT_MANAGER = font_manager.fontManager
FONT_MANAGER.addfont(CJK_FONT)
for _chartjs_font in CHARTJS_FONTS:  # ~1 ms for both: addfont reads only the names and flags
    FONT_MANAGER.addfont(_chartjs_font)

_italic_faces_lock = threading.Lock()
_italic_faces_registered = False


def register_italic_faces() -> None:
    """Registers Liberation Sans Italic and Bold Italic, once per process, before the first
    font that asks for an italic face is looked up (a look-up before it would settle on the
    upright face and cache that). Threads may render at once, hence the lock."""
    global _italic_faces_registered
    if _italic_faces_registered:
        return
    with _italic_faces_lock:
        if not _italic_faces_registered:
            for path in CHARTJS_ITALIC_FONTS:
                FONT_MANAGER.addfont(path)  # clears matplotlib's find-font cache
            _italic_faces_registered = True


# The request's text decides which glyphs no font has, and matplotlib warns once per distinct
# character: one error image of a thousand unusual characters wrote ~180 KB to the log. The box
# drawn in their place shows it; the log need not.
MISSING_GLYPH_WARNING = r"Glyph \d+ (?s:.*) missing from font"
warnings.filterwarnings("ignore", message=MISSING_GLYPH_WARNING, category=UserWarning)


def style_sheet(name: str) -> dict[str, object]:
    """One of matplotlib's bundled styles by name, as ``matplotlib.style.library[name]`` holds it.

    Read from its own file: importing ``matplotlib.style`` reads all ~30 bundled sheets (about
    12-20 ms of a cold start here) when the themes need seven.
    """
    # os.path: this module exports matplotlib.path.Path under the name Path
    path = os.path.join(matplotlib.get_data_path(), "stylelib", f"{name}.mplstyle")
    return dict(rc_params_from_file(path, use_default_template=False))


__all__ = [
    "CHARTJS_FONTS",
    "CHARTJS_FONT_FAMILY",
    "CHARTJS_ITALIC_FONTS",
    "CJK_FONT",
    "CJK_FONT_FAMILY",
    "FONT_MANAGER",
    "MATPLOTLIB_DATA_DIR",
    "Affine2D",
    "Artist",
    "Axes",
    "Bbox",
    "FT2Font",
    "Figure",
    "FigureCanvasAgg",
    "FontProperties",
    "Locator",
    "Path",
    "RendererAgg",
    "RendererBase",
    "Text",
    "TransformedPath",
    "backend_agg_hinting_flag",
    "get_font",
    "is_color_like",
    "rcParams",
    "rc_context",
    "register_italic_faces",
    "style_sheet",
    "ticker",
    "to_rgba",
]
