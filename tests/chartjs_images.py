"""What a QuickChart test asserts about an image: its size, that it is a chart, its colours."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

# A dataset colour the tests' configs use and no theme does: finding it means the data was drawn.
DATASET_RGB = (255, 99, 132)  # #ff6384, Chart.js docs' favourite red


def decoded(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def colour_share(data: bytes, rgb: tuple[int, int, int], tolerance: int = 6) -> float:
    """The fraction of the image's pixels within ``tolerance`` of ``rgb``."""
    pixels = np.asarray(decoded(data).convert("RGB")).astype(np.int16)
    close = np.all(np.abs(pixels - np.array(rgb)) <= tolerance, axis=-1)
    return float(close.mean())


def assert_chart(
    data: bytes, size: tuple[int, int], rgb: tuple[int, int, int] = DATASET_RGB
) -> None:
    """A PNG of ``size`` pixels that is not blank and shows the dataset colour over a real area."""
    image = decoded(data)
    assert image.format == "PNG", image.format
    assert image.size == size
    rgba = np.asarray(image.convert("RGBA"))
    # Shades count with their alpha: on a transparent canvas anti-aliased text is one colour at
    # many opacities, and crisp (snapped) bars add no blended colours of their own.
    opaque = rgba[rgba[..., 3] > 0]
    assert len(opaque) > 0.01 * size[0] * size[1], "the image is (nearly) empty"
    assert len(np.unique(opaque.reshape(-1, 4), axis=0)) > 20, "the image is flat, not a chart"
    assert colour_share(data, rgb) > 0.01, f"the dataset colour {rgb} is not drawn"
