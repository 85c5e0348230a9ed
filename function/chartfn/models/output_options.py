"""How a chart is delivered: size, pixel density, format, background and theme; the limits.

Independent of HTTP and of drawing: the route layer parses query parameters into
``OutputOptions`` and picks the format (``negotiate_format``) from ``Accept`` when the URL does
not name one; ``chartfn.drawing.encoding`` turns a drawn canvas into those bytes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from chartfn.models.line_chart import Frame
from chartfn.models.numbers import shortest_form
from chartfn.models.parameters import ParameterError, number_range

MEDIA_TYPES = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "webp": "image/webp",
    "jpeg": "image/jpeg",
}
RASTER_FORMATS = frozenset({"png", "webp", "jpeg"})
# QuickChart caps a side at 3000 px; we cap the total too: rendering time and memory grow with
# the pixel count (an RGBA buffer is 4 bytes a pixel), and a 9-megapixel chart already takes
# ~0.3 s and 36 MB. width × height × scale² must stay within it.
MAX_SIDE_PX = 3000
PIXEL_BUDGET = 9_000_000
# Lambda's response limit is 6 MB (6,291,456 bytes) for the whole JSON payload, and base64
# adds a third: images above this are refused with 413 rather than failing in the runtime.
MAX_IMAGE_BYTES = 4_500_000
# The longest CSS colour text taken as a background: room for spaced-out rgba()/hsla() forms
# (the grammar is chartfn.models.colors), short enough to keep logs and cache keys small.
MAX_BACKGROUND_CHARS = 64
# The themes offered (chartfn.drawing.themes maps each to a matplotlib style).
THEME_NAMES = (
    "light", "dark", "ggplot", "bmh", "fivethirtyeight", "grayscale", "solarized", "seaborn",
)  # fmt: skip

WIDTH = number_range("width", 50, MAX_SIDE_PX, 800, "Image width in CSS pixels.")
HEIGHT = number_range("height", 50, MAX_SIDE_PX, 400, "Image height in CSS pixels.")
SCALE = number_range(
    "scale", 0.5, 4, 1, "Device pixel ratio: 2 renders twice the pixels for retina screens."
)


class ImageTooLarge(ValueError):
    def __init__(self, size_bytes: int) -> None:
        self.size_bytes = size_bytes
        super().__init__(
            f"the image would be {size_bytes} bytes; a Lambda response carries at most "
            f"{MAX_IMAGE_BYTES} bytes of image after base64: ask for fewer pixels (width, "
            "height, scale) or another format"
        )


@dataclass(frozen=True)
class OutputOptions:
    width: int = 800
    height: int = 400
    scale: float = 1.0
    format: str = "png"
    background: str | None = None  # None: the theme's own background
    theme: str = "light"

    def __post_init__(self) -> None:
        object.__setattr__(self, "width", _whole(WIDTH.check(self.width), "width"))
        object.__setattr__(self, "height", _whole(HEIGHT.check(self.height), "height"))
        object.__setattr__(self, "scale", SCALE.check(self.scale))
        if self.format not in MEDIA_TYPES:
            raise ParameterError("format", self.format, "is not offered", ", ".join(MEDIA_TYPES))
        if self.theme not in THEME_NAMES:
            raise ParameterError("theme", self.theme, "is not offered", ", ".join(THEME_NAMES))
        if self.background is not None:
            self._check_background(self.background)
        pixels = self.width * self.height * self.scale**2
        if pixels > PIXEL_BUDGET:
            raise ParameterError(
                "width",
                f"{self.width}x{self.height}@{shortest_form(self.scale)}",
                f"is {pixels:.0f} pixels (width × height × scale²)",
                f"at most {PIXEL_BUDGET} pixels in all, {MAX_SIDE_PX} px a side",
            )

    def _check_background(self, background: str) -> None:
        if background == "transparent":
            if self.format == "jpeg":
                raise ParameterError(
                    "background", background, "is not possible in JPEG", "png, webp, svg or pdf"
                )
            return
        if len(background) > MAX_BACKGROUND_CHARS or not _is_css_color(background):
            from chartfn.models.colors import COLOR_ALLOWED  # see _is_css_color

            raise ParameterError(
                "background",
                background,
                "is not a colour",
                f"{COLOR_ALLOWED}; at most {MAX_BACKGROUND_CHARS} characters",
            )

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.format]

    @property
    def transparent(self) -> bool:
        return self.background == "transparent"

    @property
    def frame(self) -> Frame:
        return Frame(
            width_px=round(self.width * self.scale),
            height_px=round(self.height * self.scale),
            dpi=100.0 * self.scale,
            background=self.background,
            theme=self.theme,
        )

    @property
    def canonical_query(self) -> str:
        """Only the options that differ from the defaults, in a fixed order: so that every
        existing /sin URL keeps its cache key and ETag."""
        parts = []
        for name, default in _DEFAULTS.items():
            value = getattr(self, name)
            if value != default:
                text = shortest_form(value) if isinstance(value, float) else str(value)
                parts.append(f"{name}={text}")
        return "&".join(parts)


_DEFAULTS = {
    "width": 800,
    "height": 400,
    "scale": 1.0,
    "format": "png",
    "background": None,
    "theme": "light",
}


def _whole(value: float, name: str) -> int:
    if value != int(value):
        raise ParameterError(name, value, "must be a whole number of pixels", "an integer")
    return int(value)


def negotiate_format(accept: str | None) -> str:
    """The format for a URL that names none: PNG unless ``Accept`` ranks another one higher.

    A browser's ``image/avif,image/webp,image/apng,image/*,*/*;q=0.8`` gives webp and PNG
    (through ``image/*``) the same quality, so it gets PNG like every other client.
    """
    if not accept:
        return "png"
    ranges = _parse_accept(accept)
    png_quality = _quality(ranges, "image/png")
    best, best_quality = "png", png_quality
    for name, media_type in MEDIA_TYPES.items():
        quality = _quality(ranges, media_type, explicit_only=True)
        if quality > best_quality:
            best, best_quality = name, quality
    return best


def _parse_accept(accept: str) -> list[tuple[str, float]]:
    ranges = []
    for item in accept.split(",")[:50]:
        media_range, _, params = item.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
                # "q=nan" or "q=inf" is no quality at all (the CDN function agrees)
                quality = min(max(quality, 0.0), 1.0) if math.isfinite(quality) else 0.0
        if media_range:
            ranges.append((media_range.strip().lower(), quality))
    return ranges


def _quality(
    ranges: list[tuple[str, float]], media_type: str, *, explicit_only: bool = False
) -> float:
    """The quality of the most specific range matching ``media_type`` (RFC 9110 §12.5.1)."""
    kind = media_type.split("/")[0]
    best_specificity, quality = -1, 0.0
    for media_range, range_quality in ranges:
        if media_range == media_type:
            specificity = 2
        elif explicit_only:
            continue
        elif media_range == f"{kind}/*":
            specificity = 1
        elif media_range == "*/*":
            specificity = 0
        else:
            continue
        if specificity > best_specificity:
            best_specificity, quality = specificity, range_quality
    return quality


def check_size(data: bytes) -> bytes:
    if len(data) > MAX_IMAGE_BYTES:
        raise ImageTooLarge(len(data))
    return data


def _is_css_color(text: str) -> bool:
    # Imported here: most charts name no background, and /sin's cold start must not grow by
    # the grammar's import (~3 ms building its pattern, more compiling it without a .pyc).
    from chartfn.models.colors import ColorError, parse_css_color

    try:
        parse_css_color(text)
    except ColorError:
        return False
    return True
