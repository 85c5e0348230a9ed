"""How many images a chart's gradients and patterns may take in SVG and PDF, where each painted
shape is an embedded image (``drawing.raster.vector_paint``): the bound, and a count of the
images a chart could need, so that a chart that could pass the bound is told so. No
matplotlib and no HTTP here.
"""

from __future__ import annotations

from chartfn.models.chart_spec import ChartSpec
from chartfn.models.series_style import ChartStyles

__all__ = ["MAX_VECTOR_PAINT_IMAGES", "vector_paint_images"]

# A vector file with thousands of embedded images is slow to open: past this many, shapes are
# filled in their one colour (a gradient's first stop, a pattern's background).
MAX_VECTOR_PAINT_IMAGES = 128

# Kinds drawn as lines (an area and a stroke per run between gaps) or as a bar per value, each
# its own image; other kinds take one image per dataset and paint (bars of one paint share one)
# or per slice.
_PER_VALUE_KINDS = ("line", "area", "progress")


def vector_paint_images(spec: ChartSpec, styles: ChartStyles) -> int:
    """At most how many images the chart's paints take in SVG or PDF: a dataset's whole paint
    one (a line's, a progress bar's: one per value, as gaps split a line into runs), a paint
    per value one each, a border paint as many, and a legend box each."""
    sankey = styles.sankey
    if spec.sankey is not None and sankey is not None and sankey.color_mode == "gradient":
        return 2 * len(spec.sankey.links)  # each flow's outline and fill
    count = 0
    for index, series in enumerate(spec.series):
        look = styles.of(index)
        if look is None:
            continue
        per_value = spec.kind in _PER_VALUE_KINDS or look.mark == "line"
        whole = int(look.gradient is not None or look.pattern is not None)
        border = int(look.border_paint is not None)
        runs = max(1, len(series.y or ())) if per_value else 1
        count += sum(paint is not None for paint in look.point_paints)
        count += (whole if not per_value else whole * runs) + border * runs
    if count == 0:
        return 0
    return count + len(spec.series) + len(spec.categories or ())
