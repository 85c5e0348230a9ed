"""A chart engine that draws straight onto a matplotlib renderer (Agg for rasters, SVG and PDF
through a Figure's savefig), with its own layout and ``matplotlib.ticker`` for tick values.

No Figure, Axes, Axis, Tick or patch objects are built per chart: a chart is a list of renderer
calls, so its cost is the pixels it fills and the glyphs it draws, not matplotlib's artists.
"""
