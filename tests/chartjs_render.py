"""A Chart.js config taken through the app's own steps, for the unit tests that look at what
the engine makes of it: prepared (sandbox, translation), laid out, drawn to a PNG, its texts.
Every helper closes the prepared chart (its sandbox) before it returns."""

from __future__ import annotations

import io
from typing import Any

import numpy as np
from PIL import Image

from chartfn.chartjs.output import output_for
from chartfn.chartjs.prepare import PreparedChart, prepare
from chartfn.chartjs.request import QuickChartRequest
from chartfn.drawing.matplotlib_runtime import RendererAgg
from chartfn.drawing.raster import engine
from chartfn.drawing.raster.canvas import Canvas
from chartfn.drawing.raster.charts import Chart
from chartfn.drawing.raster.layout import Label, Layout
from chartfn.drawing.themes import themed
from chartfn.models.overlays import Overlays


def quickchart_request(config: str, version: int = 2, **size: Any) -> QuickChartRequest:
    """QuickChart's request for ``config``; ``size``: width, height, device_pixel_ratio."""
    return QuickChartRequest(chart=config, version=version, **size)


def prepared(config: str, version: int = 2, **size: Any) -> PreparedChart:
    chart = prepare(quickchart_request(config, version, **size))
    chart.close()
    return chart


def overlays(config: str, version: int = 2) -> Overlays:
    found = prepared(config, version).overlays
    assert found is not None
    return found


def plan_and_layout_of(config: str, version: int = 2, **size: Any) -> tuple[Chart, Layout]:
    """The engine's plan of the config's chart and its layout, as a render makes them."""
    request = quickchart_request(config, version, **size)
    chart = prepare(request)
    try:
        frame = output_for(request).frame
        with themed(frame.theme):
            return engine.prepare(chart.spec, frame, chart.ticks, chart.styles, chart.overlays)
    finally:
        chart.close()


def layout_of(config: str, version: int = 2, **size: Any) -> Layout:
    """The layout of the config's chart: plot, ticks, texts and legend where they are drawn."""
    return plan_and_layout_of(config, version, **size)[1]


def png_of(config: str, version: int = 2, **size: Any) -> bytes:
    """The config's chart as the app renders it, in PNG."""
    return png_and_layout_of(config, version, **size)[0]


def png_and_layout_of(config: str, version: int = 2, **size: Any) -> tuple[bytes, Layout]:
    """The config's chart in PNG and its layout, from one preparation of the config."""
    request = quickchart_request(config, version, **size)
    chart = prepare(request)
    try:
        options = output_for(request)
        png = engine.render_spec(chart.spec, options, chart.ticks, chart.styles, chart.overlays)
        with themed(options.frame.theme):
            _, placed = engine.prepare(
                chart.spec, options.frame, chart.ticks, chart.styles, chart.overlays
            )
        return png, placed
    finally:
        chart.close()


def texts(config: str, version: int = 2, **size: Any) -> list[Label]:
    """Every text the config's chart draws, as a render draws it (boxes with y upwards)."""
    request = quickchart_request(config, version, **size)
    chart = prepare(request)
    try:
        frame = output_for(request).frame
        with themed(frame.theme):
            planned, placed = engine.prepare(
                chart.spec, frame, chart.ticks, chart.styles, chart.overlays
            )
            canvas = Canvas(RendererAgg(frame.width_px, frame.height_px, frame.dpi), 1.0)
            return engine.paint(canvas, planned, placed, background=None)
    finally:
        chart.close()


def drawn_on_white(config: str, version: int = 2, **size: Any) -> np.ndarray:
    """The config's chart composited on white (ints, rows top-down)."""
    return on_white(png_of(config, version, **size))


def drawn_rgb(config: str, version: int = 2, **size: Any) -> np.ndarray:
    """The config's chart's RGB pixels (ints, rows top-down; transparency dropped)."""
    return rgb(png_of(config, version, **size))


def rgb(data: bytes) -> np.ndarray:
    """A PNG's RGB pixels as ints (rows top-down); transparent pixels keep their colour."""
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB")).astype(int)


def on_white(data: bytes) -> np.ndarray:
    """A PNG's pixels as ints, composited on white as a page shows a transparent chart."""
    picture = Image.open(io.BytesIO(data)).convert("RGBA")
    white = Image.new("RGBA", picture.size, "white")
    white.alpha_composite(picture)
    return np.asarray(white.convert("RGB")).astype(int)
