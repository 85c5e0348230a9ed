import pytest

from chartfn.models.output_options import (
    MAX_IMAGE_BYTES,
    PIXEL_BUDGET,
    ImageTooLarge,
    OutputOptions,
    check_size,
    negotiate_format,
)
from chartfn.models.parameters import ParameterError

BROWSER_IMG_ACCEPT = "image/avif,image/webp,image/apng,image/*,*/*;q=0.8"


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "png"),
        ("", "png"),
        ("*/*", "png"),
        (BROWSER_IMG_ACCEPT, "png"),
        ("text/html,application/xhtml+xml,*/*;q=0.8", "png"),
        ("image/svg+xml", "svg"),
        ("image/svg+xml, image/png;q=0.5", "svg"),
        ("image/png, image/svg+xml", "png"),
        ("image/webp,image/*;q=0.5", "webp"),
        ("application/pdf", "pdf"),
        ("image/jpeg;q=0.9, image/png;q=0.8", "jpeg"),
        ("image/svg+xml;q=0", "png"),
        ("image/svg+xml;q=bogus", "png"),
        ("IMAGE/SVG+XML", "svg"),
    ],
)
def test_png_stays_the_default_unless_accept_ranks_another_format_higher(
    accept: str | None, expected: str
) -> None:
    assert negotiate_format(accept) == expected


def test_defaults_have_an_empty_canonical_query_so_old_urls_keep_their_keys() -> None:
    assert OutputOptions().canonical_query == ""
    assert OutputOptions(width=800.0, scale=1).canonical_query == ""  # type: ignore[arg-type]
    assert OutputOptions(scale=2, format="svg").canonical_query == "scale=2&format=svg"


def test_scale_multiplies_pixels_and_dpi_not_layout() -> None:
    frame = OutputOptions(width=400, height=300, scale=2).frame
    assert (frame.width_px, frame.height_px, frame.dpi) == (800, 600, 200)


@pytest.mark.parametrize(
    ("options", "parameter"),
    [
        ({"width": 3001}, "width"),
        ({"height": 10}, "height"),
        ({"width": 800.5}, "width"),
        ({"scale": 5}, "scale"),
        ({"scale": float("nan")}, "scale"),
        ({"width": 3000, "height": 3000, "scale": 1.5}, "width"),
        ({"format": "gif"}, "format"),
        ({"theme": "neon"}, "theme"),
        ({"background": "not-a-colour"}, "background"),
        ({"background": "transparent", "format": "jpeg"}, "background"),
        ({"background": "#" + "f" * 60}, "background"),
    ],
)
def test_bad_options_name_the_parameter(options: dict, parameter: str) -> None:
    with pytest.raises(ParameterError) as raised:
        OutputOptions(**options)
    assert raised.value.parameter == parameter


def test_the_pixel_budget_admits_its_own_size() -> None:
    OutputOptions(width=3000, height=3000, scale=1)
    assert PIXEL_BUDGET >= 3000 * 3000


@pytest.mark.parametrize(
    "background",
    ["white", "#102030", "#10203040", "rgb(16 32 48)", "hsla(0, 50%, 50%, 0.5)", "transparent"],
)
def test_backgrounds(background: str) -> None:
    assert OutputOptions(background=background).background == background


@pytest.mark.parametrize("background", ["tab:blue", "C0", "0.5", "#12345", "rgb(1,2)"])
def test_backgrounds_are_css_colours_only(background: str) -> None:
    """One colour grammar for the service and its Chart.js configs: CSS, not matplotlib's own
    spellings (which the README never offered)."""
    with pytest.raises(ParameterError) as raised:
        OutputOptions(background=background)
    assert raised.value.parameter == "background"


def test_images_beyond_the_lambda_payload_are_refused() -> None:
    assert check_size(b"x" * MAX_IMAGE_BYTES)
    with pytest.raises(ImageTooLarge, match="base64"):
        check_size(b"x" * (MAX_IMAGE_BYTES + 1))
    # the largest image that passes still fits Lambda's 6 MB after base64, with room for headers
    assert 4 * -(-MAX_IMAGE_BYTES // 3) + 16_384 <= 6 * 1024 * 1024
