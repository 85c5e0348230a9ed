"""Errors drawn as an image of the size and format asked for (``errors=image``), so a broken
``<img>`` shows why instead of a broken-image icon."""

from __future__ import annotations

import contextlib
import textwrap
from typing import TYPE_CHECKING

from chartfn.models.output_options import OutputOptions
from chartfn.models.parameters import ParameterError

if TYPE_CHECKING:
    from chartfn.drawing.matplotlib_runtime import Figure

ERROR_COLOUR = "#b00020"


def lenient_options(query: dict[str, str]) -> OutputOptions:
    """The output asked for, as far as it is valid: an invalid size or format must not stop the
    error itself from being shown."""
    requested: dict[str, object] = {}
    for name, convert in (("width", float), ("height", float), ("scale", float)):
        with contextlib.suppress(KeyError, ValueError):
            requested[name] = convert(query[name])
    for name in ("format", "background", "theme"):
        if name in query:
            requested[name] = query[name]
    fields = list(requested)
    while True:
        try:
            return OutputOptions(**requested)  # type: ignore[arg-type]
        except ParameterError as exc:
            if exc.parameter in requested:
                del requested[exc.parameter]
            elif fields:
                requested.pop(fields.pop(), None)
            else:
                return OutputOptions()
        except (TypeError, ValueError):
            return OutputOptions()


def render_error_image(status: int, message: str, options: OutputOptions) -> bytes:
    # The Figure machinery loads with the first error image, not with every cold start.
    from chartfn.drawing.figures import render_figure

    def draw(figure: Figure) -> None:
        width_chars = max(20, int(options.width / 7.5))
        body = "\n".join(textwrap.wrap(message, width_chars)[:12])
        figure.text(
            0.5,
            0.92,
            f"chart error {status}",
            ha="center",
            va="top",
            fontsize=14,
            color=ERROR_COLOUR,
        )
        figure.text(0.5, 0.72, body, ha="center", va="top", fontsize=10, linespacing=1.4)

    return render_figure(draw, options, with_axes=False)
