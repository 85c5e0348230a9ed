"""A PNG encoder for rendered canvases, tuned for charts.

Pillow's encoder (what ``savefig`` uses) takes about three times as long as this one on an
800×400 chart: it tries adaptive filters row by row and compresses at level 6. Charts are mostly
flat colour, so the "Up" filter (each row minus the row above: one numpy subtraction) turns
most of an image into zero bytes, and zlib's run-length strategy then compresses it faster and
smaller than its general-purpose levels (measured in benchmarks/: RLE 1.9 ms / 31.6 kB against
2.0 ms / 33.3 kB at level 3 and 4.2 ms / 29.7 kB at level 6). The output has no ancillary
chunks (no timestamps, no software tag), so equal pixels give equal bytes.
"""

from __future__ import annotations

import struct
import zlib

import numpy as np

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_COLOUR_TYPE_RGB = 2
_COLOUR_TYPE_RGBA = 6
_FILTER_UP = 2
# With an alpha channel the runs of equal bytes are interrupted every fourth byte, and the
# general strategy wins again.
_RGBA_LEVEL = 3


def encode_png(rgba: np.ndarray, *, keep_alpha: bool = False) -> bytes:
    """Encode an ``(height, width, 4)`` uint8 RGBA array as PNG.

    ``keep_alpha=False`` drops the alpha channel (a quarter less data to compress) and is right
    whenever the figure background is opaque.
    """
    if rgba.ndim != 3 or rgba.shape[2] != 4 or rgba.dtype != np.uint8:
        raise ValueError(f"expected an (h, w, 4) uint8 array, got {rgba.shape} {rgba.dtype}")
    height, width = rgba.shape[:2]
    # contiguous channels kept; subtracting on them is then a single fast pass
    pixels = (np.ascontiguousarray(rgba) if keep_alpha else _rgb(rgba)).reshape(height, -1)
    filtered = np.empty((height, pixels.shape[1] + 1), dtype=np.uint8)
    filtered[:, 0] = _FILTER_UP
    filtered[0, 1:] = pixels[0]
    np.subtract(pixels[1:], pixels[:-1], out=filtered[1:, 1:])  # uint8 arithmetic wraps mod 256
    if keep_alpha:
        compressor = zlib.compressobj(_RGBA_LEVEL)
    else:
        compressor = zlib.compressobj(zlib.Z_BEST_SPEED, zlib.DEFLATED, 15, 9, zlib.Z_RLE)
    compressed = compressor.compress(filtered) + compressor.flush()
    colour_type = _COLOUR_TYPE_RGBA if keep_alpha else _COLOUR_TYPE_RGB
    header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    return b"".join(
        (
            PNG_SIGNATURE,
            _chunk(b"IHDR", header),
            _chunk(b"IDAT", compressed),
            _chunk(b"IEND", b""),
        )
    )


def _rgb(rgba: np.ndarray) -> np.ndarray:
    """The colour channels of ``rgba``, packed. ``np.ascontiguousarray(rgba[:, :, :3])`` copies
    3 bytes out of every 4 element by element (2.3 ms at 800×400, a third of the encoder);
    one channel at a time numpy runs its fast strided 1-D copy, 0.3 ms for all three."""
    rgb = np.empty((*rgba.shape[:2], 3), dtype=np.uint8)
    for channel in range(3):
        rgb[:, :, channel] = rgba[:, :, channel]
    return rgb


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
