import zlib

import numpy as np
import pytest

from chartfn.drawing.png import encode_png
from support import pixels, png_size


def random_image(height: int, width: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    image = rng.integers(0, 256, size=(height, width, 4), dtype=np.uint8)
    image[: height // 2] = 255  # flat area, like a chart's background
    return image


def test_rgb_png_decodes_to_the_same_pixels() -> None:
    image = random_image(37, 53)
    data = encode_png(image)
    assert png_size(data) == (53, 37)
    np.testing.assert_array_equal(pixels(data), image[:, :, :3])


def test_rgba_png_keeps_alpha() -> None:
    import io

    from PIL import Image

    image = random_image(20, 30, seed=1)
    data = encode_png(image, keep_alpha=True)
    with Image.open(io.BytesIO(data)) as decoded:
        assert decoded.mode == "RGBA"
        np.testing.assert_array_equal(np.asarray(decoded), image)


def test_output_is_deterministic_and_carries_no_metadata_chunks() -> None:
    image = random_image(10, 10)
    data = encode_png(image)
    assert data == encode_png(image.copy())
    chunk_types = []
    offset = 8
    while offset < len(data):
        length = int.from_bytes(data[offset : offset + 4], "big")
        chunk_types.append(data[offset + 4 : offset + 8])
        offset += 12 + length
    assert chunk_types == [b"IHDR", b"IDAT", b"IEND"]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_images_round_trip(seed: int) -> None:
    image = random_image(16 + seed, 33 - seed, seed=seed)
    np.testing.assert_array_equal(pixels(encode_png(image)), image[:, :, :3])


def test_rejects_arrays_that_are_not_rgba_bytes() -> None:
    with pytest.raises(ValueError, match="uint8"):
        encode_png(np.zeros((4, 4, 3), dtype=np.uint8))
    with pytest.raises(ValueError, match="uint8"):
        encode_png(np.zeros((4, 4, 4), dtype=np.float32))


def test_idat_uses_the_up_filter_on_every_row() -> None:
    data = encode_png(random_image(8, 8))
    idat_length = int.from_bytes(data[33:37], "big")
    raw = zlib.decompress(data[41 : 41 + idat_length])
    row_bytes = 1 + 8 * 3
    assert {raw[i] for i in range(0, len(raw), row_bytes)} == {2}


def test_a_strided_view_encodes_like_its_contiguous_copy() -> None:
    """The channels are copied out one at a time from whatever view the canvas hands over."""
    padded = random_image(21, 40, seed=4)
    view = padded[::2, 5:35]
    assert not view.flags.c_contiguous
    assert encode_png(view) == encode_png(view.copy())
    assert encode_png(view, keep_alpha=True) == encode_png(view.copy(), keep_alpha=True)
    np.testing.assert_array_equal(pixels(encode_png(view)), view[:, :, :3])
