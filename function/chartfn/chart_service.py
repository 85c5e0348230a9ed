"""Chart images by canonical request: ETag, in-process cache and rendering, without HTTP.

Only /sin's renderer is imported with this module: the others load with their first chart, so
a fresh instance whose first request is /sin does not pay for them (``warm_up`` in
``lambda_handler`` imports them at init where the init is snapshotted).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from chartfn.drawing.sine_renderer import SineRenderer
from chartfn.image_cache import ImageCache
from chartfn.models.output_options import OutputOptions
from chartfn.models.sine import SineChart

if TYPE_CHECKING:
    from chartfn.models.axis_ticks import TickProviders
    from chartfn.models.chart_spec import ChartSpec
    from chartfn.models.formula_chart import FormulaChart
    from chartfn.models.overlays import Overlays
    from chartfn.models.series_style import ChartStyles

# Bump when a change alters the pixels of an existing URL: it is part of every ETag, so caches
# that revalidate fetch the new image instead of being told their old copy is current.
# "3": Chart.js configs' value axes show Chart.js's tick values, ends and labels.
# "4": /sin drawn by the raster engine (its layout, fonts and line placement), not by a Figure;
#      Chart.js configs drawn with their own look (Tableau 10 for v2, slice colours, doughnut
#      holes, line styles, data labels, horizontal bars, category x axes). One bump for both:
#      "3" was the last version served.
# "5": Chart.js configs' plot box where Chart.js puts its chart area, QuickChart's v2 colour
#      scheme for line points, straight v3/v4 lines, nested rings, holes in pixels, outlabels,
#      patterns and gradients, bar borders, axis-title fonts, time bars, second axes on bars.
# "6": Chart.js configs: italic faces and font families, round charts' chart area and radial
#      fit, radar areas in their backgroundColor, v2 lines without labels, turned v2 time
#      labels, Chart.js 4's log x labels, paints in SVG/PDF and on radars.
RENDER_VERSION = "6"


def etag_for(canonical_request: str) -> str:
    """A strong ETag from what was asked for, not from the bytes: a fresh instance can answer
    ``If-None-Match`` with 304 before (and without) rendering anything."""
    digest = hashlib.sha256(f"{RENDER_VERSION}\n{canonical_request}".encode()).hexdigest()
    return f'"{digest[:32]}"'


def canonical_request(path_and_query: str, options: OutputOptions) -> str:
    extra = options.canonical_query
    return f"{path_and_query}&{extra}" if extra else path_and_query


class ChartService:
    def __init__(self, cache: ImageCache, sine: SineRenderer) -> None:
        self.cache = cache
        self.sine = sine

    def cached(self, key: str) -> bytes | None:
        return self.cache.get(key)

    def render_and_cache(self, key: str, render: Callable[[], bytes]) -> bytes:
        content = render()
        self.cache.put(key, content)
        return content

    def render_sine(self, chart: SineChart, options: OutputOptions) -> bytes:
        return self.sine.render(chart.line_chart(), options)

    def render_formulas(self, chart: FormulaChart, options: OutputOptions) -> bytes:
        from chartfn.drawing.raster.engine import render_formulas

        return render_formulas(chart, options)

    def render_spec(
        self,
        spec: ChartSpec,
        options: OutputOptions,
        ticks: TickProviders | None = None,
        styles: ChartStyles | None = None,
        overlays: Overlays | None = None,
    ) -> bytes:
        from chartfn.drawing.raster.engine import render_spec

        return render_spec(spec, options, ticks, styles, overlays)
