"""What a Chart.js config adds to a doughnut (or pie) beyond its ``ChartSpec``: each nested
ring's own colours and weight, the labels of chartjs-plugin-piechart-outlabels outside the
slices (QuickChart's ``outlabeledPie``), and the text lines of QuickChart's doughnutlabel
plugin in the hole. Plain data, travelling beside the spec in ``Overlays`` the way tick
providers do, so the engine needs to know nothing of Chart.js.

Sizes are CSS pixels, colours ``#rrggbb[aa]``. Bounds (the translation keeps to them):

    ==================  =====  ==============================================
    MAX_CENTRE_LABELS       10  doughnutlabel lines drawn (more are left out)
    MAX_LABEL_TEXT         100  characters of one out-label or centre line
    MAX_RING_WEIGHT      1_000  a ring's ``weight`` (0 … 1000)
    MAX_STRETCH            500  CSS px of an out-label's leader line (either way)
    MAX_ARC_PX           3_000  CSS px of spacing, an arc's offset or a radius
    ==================  =====  ==============================================

Chart.js 3/4's arc geometry (``spacing``, ``radius``, per-slice ``offset``) travels here
too: sizes in CSS px, the radius as a share of the largest that fits or in CSS px.

No matplotlib and no HTTP here.
"""

from __future__ import annotations

from dataclasses import dataclass

from chartfn.models.font_face import FontFace
from chartfn.models.overlays import MAX_LABEL_TEXT, TextStyle

__all__ = [
    "MAX_ARC_PX",
    "MAX_CENTRE_LABELS",
    "MAX_LABEL_TEXT",
    "MAX_RING_WEIGHT",
    "MAX_STRETCH",
    "OutLabels",
    "RoundLook",
]

MAX_CENTRE_LABELS = 10
MAX_RING_WEIGHT = 1_000.0
MAX_STRETCH = 500.0
MAX_ARC_PX = 3_000.0


@dataclass(frozen=True)
class OutLabels:
    """Labels outside the first ring's slices, as chartjs-plugin-piechart-outlabels 0.1 draws
    them: a leader line ``stretch`` long out from the slice's middle, then a box filled with
    ``backgrounds[i]`` (None: the slice's colour) holding the text lines, beside the line's
    end on the slice's side (centred on it near 12 and 6 o'clock)."""

    texts: tuple[tuple[str, ...] | None, ...]  # per slice: its lines (None: no label)
    color: str = "#ffffff"
    backgrounds: tuple[str | None, ...] = ()
    line_width: float = 2.0
    stretch: float = 40.0
    #: A fixed size in CSS px; None: ``resizable``, 2.5 % of the chart's CSS height within
    #: ``min_size`` … ``max_size`` (the plugin's adaptTextSizeToHeight).
    size: float | None = None
    min_size: float | None = None
    max_size: float | None = None
    bold: bool = False
    face: FontFace | None = None  # font.style, font.family; None: the upright default
    border_radius: float = 0.0
    padding: tuple[float, float, float, float] = (4.0, 4.0, 4.0, 4.0)  # left, top, right, bottom
    #: The share the pie shrinks by to leave room (outlabeledPie's zoomOutPercentage / 100).
    zoom_out: float = 0.0


@dataclass(frozen=True)
class RoundLook:
    """A doughnut's Chart.js decoration; the defaults draw what the spec alone draws."""

    #: Per ring (series) its slices' colours, taken in turn; empty: the spec's slice colours.
    ring_colors: tuple[tuple[str, ...], ...] = ()
    #: Per ring its share of the ring's width (Chart.js's dataset ``weight``, default 1).
    ring_weights: tuple[float, ...] = ()
    outlabels: OutLabels | None = None
    #: QuickChart's doughnutlabel: lines centred in the hole, one under another.
    centre: tuple[tuple[str, TextStyle], ...] = ()
    #: Chart.js 3/4's ``spacing``: CSS px taken off the area, and between neighbouring arcs.
    spacing: float = 0.0
    #: Chart.js 3/4's ``radius``: a share of the largest radius that fits ('80%': 0.8)…
    radius_share: float | None = None
    #: …or CSS px (a number), which may pass the chart area as Chart.js's does.
    radius_px: float | None = None
    #: Per ring, per slice: Chart.js 3/4's ``offset`` in CSS px (empty: none).
    ring_offsets: tuple[tuple[float, ...], ...] = ()

    def ring_colors_of(self, ring: int) -> tuple[str, ...]:
        return self.ring_colors[ring] if ring < len(self.ring_colors) else ()

    def offsets_of(self, ring: int) -> tuple[float, ...]:
        return self.ring_offsets[ring] if ring < len(self.ring_offsets) else ()

    def weight_of(self, ring: int) -> float:
        return self.ring_weights[ring] if ring < len(self.ring_weights) else 1.0
