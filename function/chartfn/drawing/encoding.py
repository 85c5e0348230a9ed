"""Encoding a drawn figure into the bytes of its output format (PNG, WebP, JPEG, SVG, PDF)."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image

from chartfn.drawing.png import encode_png
from chartfn.models.output_options import OutputOptions, check_size

if TYPE_CHECKING:
    # Rasters are encoded without importing matplotlib.figure (a cold /sin never needs it).
    from chartfn.drawing.matplotlib_runtime import Figure, FigureCanvasAgg

JPEG_QUALITY = 90
WEBP_QUALITY = 90


def encode_figure(figure: Figure, canvas: FigureCanvasAgg, options: OutputOptions) -> bytes:
    """Encode a figure already drawn on its Agg ``canvas`` (rasters) or draw it to a vector
    format. Vector output carries no dates and fixed element ids, so it is deterministic."""
    if options.format == "svg":
        return _vector(figure, "svg", {"Date": None})
    if options.format == "pdf":
        return _vector(figure, "pdf", {"CreationDate": None, "ModDate": None})
    return encode_raster(np.asarray(canvas.buffer_rgba()), options)


def encode_raster(rgba: np.ndarray, options: OutputOptions) -> bytes:
    if options.format == "png":
        data = encode_png(rgba, keep_alpha=options.transparent)
    else:
        image = Image.fromarray(rgba if options.transparent else rgba[:, :, :3])
        buffer = io.BytesIO()
        if options.format == "jpeg":
            image.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=False)
        else:
            image.save(buffer, "WEBP", quality=WEBP_QUALITY, method=4)
        data = buffer.getvalue()
    return check_size(data)


def _vector(figure: Figure, fmt: str, metadata: dict[str, None]) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format=fmt, metadata=metadata, facecolor=figure.get_facecolor())
    return check_size(buffer.getvalue())
