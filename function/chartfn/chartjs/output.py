"""QuickChart's output sizes as ``OutputOptions``: any side from 1 to 3000 CSS pixels and any
devicePixelRatio the request parser allowed (chartfn's own routes start at 50 px and 0.5×)."""

from __future__ import annotations

from dataclasses import dataclass

from chartfn.chartjs.request import QuickChartRequest
from chartfn.models.output_options import MEDIA_TYPES, PIXEL_BUDGET, OutputOptions
from chartfn.models.parameters import ParameterError

__all__ = ["ChartJsOutput", "output_for"]


@dataclass(frozen=True)
class ChartJsOutput(OutputOptions):
    def __post_init__(self) -> None:
        # Sizes and the deployment's pixel budget were checked by request.parse_request.
        if self.format not in MEDIA_TYPES:
            raise ParameterError("f", self.format, "is not offered", ", ".join(MEDIA_TYPES))
        if self.background is not None:
            self._check_background(self.background)
        if self.width * self.height * self.scale**2 > PIXEL_BUDGET:
            raise ParameterError("w", self.width, "is too many pixels", f"{PIXEL_BUDGET} in all")


def output_for(request: QuickChartRequest) -> ChartJsOutput:
    return ChartJsOutput(
        width=request.width,
        height=request.height,
        scale=request.device_pixel_ratio,
        format=request.format,
        background=request.background,
    )
