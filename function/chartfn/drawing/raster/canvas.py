"""The drawing primitives the engine needs, on any matplotlib renderer.

Coordinates are the frame's pixels with the origin at the bottom left (matplotlib's display
space at the frame's dpi). A vector renderer works in points; ``unit`` converts, so one drawing
routine serves Agg, SVG and PDF alike. Line widths and font sizes stay in points, which every
renderer converts by itself.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from chartfn.drawing.matplotlib_runtime import (
    Affine2D,
    Bbox,
    FontProperties,
    Path,
    RendererAgg,
    RendererBase,
)
from chartfn.drawing.raster.glyphs import STAMPS
from chartfn.drawing.raster.style import RGBA

Rect = tuple[float, float, float, float]  # x0, y0, x1, y1 in frame pixels, y upwards

_CLOSED_RECT_CODES = np.array(
    [Path.MOVETO, Path.LINETO, Path.LINETO, Path.LINETO, Path.CLOSEPOLY], dtype=Path.code_type
)


class Canvas:
    def __init__(self, renderer: RendererBase, unit: float) -> None:
        self.renderer = renderer
        self.unit = unit
        self.transform = Affine2D().scale(unit)
        self.height = renderer.get_canvas_width_height()[1]
        # The canvas in frame pixels.
        self.size = (renderer.get_canvas_width_height()[0] / unit, self.height / unit)
        self.clip: Bbox | None = None

    def _gc(self, color: RGBA, width: float = 0.0) -> object:
        gc = self.renderer.new_gc()
        gc.set_foreground(color, isRGBA=True)
        gc.set_linewidth(width)
        gc.set_antialiased(True)
        if self.clip is not None:
            gc.set_clip_rectangle(self.clip)
        return gc

    def clip_to(self, rect: Rect | None) -> None:
        """Clip what follows to ``rect`` (None: the whole canvas)."""
        if rect is None:
            self.clip = None
            return
        x0, y0, x1, y1 = (v * self.unit for v in rect)
        self.clip = Bbox.from_extents(x0, y0, x1, y1)

    def fill_rects(self, rects: np.ndarray, color: RGBA, *, snap: bool = True) -> None:
        """Rectangles (rows of x0, y0, x1, y1) in one colour, drawn as one path."""
        if len(rects) == 0:
            return
        x0, y0, x1, y1 = rects.T
        corners = np.stack([x0, y0, x1, y0, x1, y1, x0, y1, x0, y0], axis=1).reshape(-1, 2)
        codes = np.tile(_CLOSED_RECT_CODES, len(rects))
        gc = self._gc(color)
        gc.set_snap(snap)
        self.renderer.draw_path(gc, Path(corners, codes), self.transform, color)
        gc.restore()

    def fill_polygon(self, points: np.ndarray, color: RGBA) -> None:
        self.fill_path(Path(points, closed=False), color)

    def fill_path(self, path: Path, color: RGBA) -> None:
        gc = self._gc(color)
        self.renderer.draw_path(gc, path, self.transform, color)
        gc.restore()

    def stroke(
        self,
        points: np.ndarray,
        color: RGBA,
        width: float,
        *,
        dashes: Sequence[float] | None = None,
        segments: bool = False,
        snap: bool | None = None,
    ) -> None:
        """A polyline through ``points`` (a NaN row breaks it), or with ``segments`` separate
        two-point lines taken pairwise."""
        if len(points) == 0:
            return
        gc = self._gc(color, width)
        gc.set_joinstyle("round")
        gc.set_capstyle("butt" if segments else "projecting")
        gc.set_snap(snap)
        if dashes:
            gc.set_dashes(0, list(dashes))
        if segments:
            codes = np.tile(
                np.array([Path.MOVETO, Path.LINETO], dtype=Path.code_type), len(points) // 2
            )
            path = Path(points, codes)
        else:
            path = Path(points)
        self.renderer.draw_path(gc, path, self.transform, None)
        gc.restore()

    def stroke_path(
        self, path: Path, color: RGBA, width: float, *, dashes: Sequence[float] | None = None
    ) -> None:
        """Any path (curves too) stroked ``width`` points wide, dashed in points if asked."""
        gc = self._gc(color, width)
        gc.set_joinstyle("miter")
        gc.set_capstyle("butt")
        if dashes:
            gc.set_dashes(0, list(dashes))
        self.renderer.draw_path(gc, path, self.transform, None)
        gc.restore()

    def marks(
        self,
        centers: np.ndarray,
        shape: Path,
        radius_pt: float,
        face: RGBA | None,
        edge: RGBA,
        edge_pt: float,
    ) -> None:
        """``shape`` (a unit-radius path) at every centre, ``radius_pt`` points in radius,
        filled with ``face`` (None: an open shape) and outlined ``edge_pt`` wide in ``edge``."""
        if len(centers) == 0:
            return
        gc = self._gc(edge, edge_pt)
        if edge_pt <= 0:
            gc.set_foreground((0.0, 0.0, 0.0, 0.0), isRGBA=True)
        radius = self.renderer.points_to_pixels(radius_pt)
        self.renderer.draw_markers(
            gc, shape, Affine2D().scale(radius), Path(centers), self.transform, face
        )
        gc.restore()

    def markers(self, centers: np.ndarray, radius_pt: float, color: RGBA) -> None:
        """Filled circles at ``centers``; the radius is in points, like a marker size."""
        if len(centers) == 0:
            return
        gc = self._gc(color, 0.0)
        radius = self.renderer.points_to_pixels(radius_pt)
        marker = Affine2D().scale(radius)
        self.renderer.draw_markers(
            gc, Path.unit_circle(), marker, Path(centers), self.transform, color
        )
        gc.restore()

    def text(
        self,
        x: float,
        y: float,
        text: str,
        font: FontProperties,
        color: RGBA,
        *,
        angle: float = 0.0,
        math: bool = False,
    ) -> None:
        """``text`` with its baseline starting at (x, y); at 90° it runs upwards from there.
        Other angles (turned tick labels) are drawn by matplotlib's own rotated text."""
        if not text:
            return
        gc = self._gc(color)
        ux, uy = x * self.unit, y * self.unit
        if self.renderer.flipy():
            uy = self.height - uy
        if isinstance(self.renderer, RendererAgg) and angle in (0.0, 90.0, 270.0):
            # Agg: a stamp of the string rendered once, at a whole-pixel origin.
            stamp = STAMPS.get(text, font, self.renderer.dpi, angle, math)
            if stamp.coverage.size:
                left = round(ux) + stamp.dx
                top = round(uy) + stamp.dy
                bottom = top + stamp.coverage.shape[0]
                self.renderer._renderer.draw_text_image(stamp.coverage, left, bottom, 0, gc)
        else:
            self.renderer.draw_text(gc, ux, uy, text, font, angle, ismath=math)
        gc.restore()
