"""The naive reference: a sine chart drawn the tutorial way, with pyplot and ``savefig``.

This is what chartfn is compared against in the in-process rows. The code lives in the naive
app's package (``naive_app/naive_app/drawing.py``), which is also built like a Lambda, served by
the tutorial's FastAPI app, for the cold-start and size rows.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "naive_app"))

from naive_app.drawing import render_naive

__all__ = ["render_naive"]
