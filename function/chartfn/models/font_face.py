"""The face a Chart.js text asks for beside its size and weight: upright or italic, and which
generic family its CSS ``font-family`` list comes down to.

Plain data (no matplotlib): the translation reads it from a config, the engine maps it to the
bundled faces (``drawing.raster.style``). ``None`` wherever a ``FontFace`` may stand means the
engine's own face, so charts that set neither keep their bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["GENERIC_FAMILIES", "FontFace", "GenericFamily"]

GenericFamily = Literal["sans-serif", "serif", "monospace"]
GENERIC_FAMILIES: tuple[GenericFamily, ...] = ("sans-serif", "serif", "monospace")


@dataclass(frozen=True)
class FontFace:
    """``italic``: CSS ``font-style`` italic or oblique (drawn with the italic face);
    ``family``: the generic family of the first name in the list that the engine can honour."""

    italic: bool = False
    family: GenericFamily = "sans-serif"

    def is_default(self) -> bool:
        return self == FontFace()
