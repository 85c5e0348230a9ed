"""Chart themes: a short whitelist of matplotlib styles, applied without racing other renders.

matplotlib reads its style (rcParams) from one process-wide dictionary, and not only when a
figure is built: ticks, for one, are created while drawing. A theme can therefore only be
applied by changing that global for the whole render, and no other render may run meanwhile.
``themed`` holds ``RENDER_LOCK`` for exactly that; every render takes it, themed or not.
On Lambda an instance serves one request at a time, so the lock costs nothing there; locally
it serialises drawing, which the GIL mostly did anyway (PNG compression runs outside it).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from chartfn.drawing.matplotlib_runtime import CJK_FONT_FAMILY, rc_context, style_sheet
from chartfn.models.output_options import THEME_NAMES

# name in the API -> matplotlib style (None: matplotlib's defaults)
THEMES: dict[str, str | None] = {
    "light": None,
    "dark": "dark_background",
    "ggplot": "ggplot",
    "bmh": "bmh",
    "fivethirtyeight": "fivethirtyeight",
    "grayscale": "grayscale",
    "solarized": "Solarize_Light2",
    "seaborn": "seaborn-v0_8-whitegrid",
}
assert tuple(THEMES) == THEME_NAMES, "a theme offered must have a style, and only those"

RENDER_LOCK = threading.RLock()


def _with_cjk_fallback(style: dict[str, object]) -> dict[str, object]:
    """A style that names its own font family would drop the bundled CJK fallback font (and
    draw boxes for Han, kana and hangul): put the fallback back behind its fonts."""
    family = style.get("font.family")
    if family is None:
        return style
    families = [family] if isinstance(family, str) else list(family)  # type: ignore[call-overload]
    if CJK_FONT_FAMILY not in families:
        families.append(CJK_FONT_FAMILY)
    return {**style, "font.family": families}


_STYLES = {name: _with_cjk_fallback(style_sheet(style)) for name, style in THEMES.items() if style}


@contextmanager
def themed(theme: str) -> Iterator[None]:
    """Hold the render lock with ``theme``'s style in force."""
    with RENDER_LOCK:
        style = _STYLES.get(theme)
        if style is None:
            yield
        else:
            with rc_context(style):
                yield
