"""From a QuickChart request to what to draw: the config parsed, translated, and its cache key.

Runs on a render thread: parsing JavaScript configs may take up to the sandbox's time budget.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace

from chartfn.chartjs.axis_ticks import config_ticks
from chartfn.chartjs.config import (
    EvaluatedConfig,
    canonical_config,
    config_from_object,
    parse_config,
)
from chartfn.chartjs.needle_gauge import value_label_text
from chartfn.chartjs.overlays import ConfigOverlays, config_overlays
from chartfn.chartjs.request import QuickChartRequest
from chartfn.chartjs.round_look import ConfigRoundLook, config_round_look
from chartfn.chartjs.translate import NOT_RUN_PREFIX, translate
from chartfn.models.axis_ticks import TickProviders
from chartfn.models.chart_spec import BOX_KINDS, ChartSpec
from chartfn.models.overlays import Overlays
from chartfn.models.paint_bounds import MAX_VECTOR_PAINT_IMAGES, vector_paint_images
from chartfn.models.series_style import ChartStyles

__all__ = ["PreparedChart", "prepare"]


@dataclass(frozen=True)
class PreparedChart:
    spec: ChartSpec
    warnings: tuple[str, ...]
    #: The same for every spelling of one chart (JSON, JavaScript, base64, a POSTed object):
    #: the normalised config and the Chart.js version, not the text that was sent.
    key: str
    #: The config's own ticks for the engine's axes (Chart.js's values, labels, callbacks).
    ticks: TickProviders = field(default_factory=TickProviders)
    #: The datasets' Chart.js look (line width, curves, fills, points, per-value colours).
    styles: ChartStyles = field(default_factory=ChartStyles)
    #: Open while the tick callbacks may still be called (until the chart is drawn).
    config: EvaluatedConfig | None = None
    #: The config's data labels and annotations.
    overlays: Overlays | None = None

    def close(self) -> None:
        """Free the config's sandbox context once the chart is drawn (or not needed)."""
        if self.config is not None:
            self.config.close()


def prepare(request: QuickChartRequest) -> PreparedChart:
    """Raises ``ConfigError`` (unreadable config, a tick callback that throws) or
    ``TranslationError`` (not drawable). Close the result when its chart is drawn."""
    # a POSTed object never goes through text (nor the engine)
    evaluated = (
        config_from_object(request.chart)
        if isinstance(request.chart, dict)
        else parse_config(request.chart)
    )
    keep_open = False
    try:
        config = evaluated.config
        translation = translate(config, request.version)
        gauge_run: tuple[str, ...] = ()
        if translation.styles.needle_gauge is not None:
            look, gauge_run = value_label_text(evaluated, translation.styles.needle_gauge)
            styles = replace(translation.styles, needle_gauge=look)
            translation = replace(translation, styles=styles)
        canonical = canonical_config(config)
        lines = frozenset(
            i for i, look in enumerate(translation.styles.series) if look and look.mark == "line"
        )
        ticks = config_ticks(
            evaluated,
            translation.spec,
            request.version,
            request.device_pixel_ratio,
            lines,
            canvas_width=request.width,
        )
        if ticks.run_callback_paths:
            _try_callbacks(ticks.providers, request)
            keep_open = True
        overlays = config_overlays(
            evaluated, ticks.spec, translation.dataset_indexes, request.version
        )
        rounds = config_round_look(
            evaluated, ticks.spec, translation.dataset_indexes, request.version
        )
        drawn = _with_round_look(overlays.overlays, rounds, config)
    finally:
        if not keep_open:
            evaluated.close()
    digest = hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()
    return PreparedChart(
        spec=ticks.spec,
        warnings=_without_run(
            translation.warnings
            + overlays.warnings
            + rounds.warnings
            + _overlays_not_placed(ticks.spec, overlays)
            + _paints_past_the_vector_bound(ticks.spec, translation.styles, request.format),
            ticks.run_callback_paths
            + overlays.run_callback_paths
            + rounds.run_callback_paths
            + gauge_run,
        ),
        key=f"/chart?chartjs={request.version}&config={digest}",
        ticks=ticks.providers,
        styles=translation.styles,
        config=evaluated if keep_open else None,
        overlays=drawn,
    )


def _with_round_look(overlays: Overlays, rounds: ConfigRoundLook, config: object) -> Overlays:
    """The overlays with a doughnut's decoration; where out-labels are drawn, QuickChart turns
    its default data labels off (a config's own ``plugins.datalabels`` keeps them)."""
    if rounds.look is None:
        return overlays
    datalabels = overlays.datalabels
    options = config.get("options") if isinstance(config, dict) else None
    plugins = options.get("plugins") if isinstance(options, dict) else None
    if rounds.outlabels and not (isinstance(plugins, dict) and plugins.get("datalabels")):
        datalabels = ()
    return replace(overlays, round=rounds.look, datalabels=datalabels)


def _overlays_not_placed(spec: ChartSpec, overlays: ConfigOverlays) -> tuple[str, ...]:
    """Box plots and violins place no data labels (a box has no one value to label), sankeys
    neither data labels nor annotations (no axes): said, not dropped."""
    if spec.kind in BOX_KINDS and overlays.overlays.datalabels:
        # annotations are placed on vertical boxes
        return ("data labels are not drawn on box plots and violins yet",)
    if spec.kind == "sankey" and (overlays.overlays.datalabels or overlays.overlays.annotations):
        return ("data labels and annotations are not drawn on sankeys yet",)
    return ()


def _paints_past_the_vector_bound(
    spec: ChartSpec, styles: ChartStyles, output_format: str
) -> tuple[str, ...]:
    """SVG and PDF embed an image per painted shape, up to a bound
    (``drawing.raster.vector_paint``): said where the chart could need more, as the shapes
    past it are filled in one colour."""
    if output_format not in ("svg", "pdf") or vector_paint_images(spec, styles) <= (
        MAX_VECTOR_PAINT_IMAGES
    ):
        return ()
    return (
        f"{output_format.upper()} draws at most {MAX_VECTOR_PAINT_IMAGES} shapes in gradients "
        "and patterns; any past them are drawn in one colour (a gradient's first stop, a "
        "pattern's background); PNG, WebP and JPEG paint every one",
    )


def _try_callbacks(providers: TickProviders, request: QuickChartRequest) -> None:
    """Call the tick callbacks once now, at about the axes' drawn length, so that one that
    throws is a 400 naming it before anything is drawn (and /chart/create refuses it too)."""
    ratio = request.device_pixel_ratio
    if providers.y is not None:
        providers.y(request.height * ratio)
    if providers.x is not None:
        providers.x(request.width * ratio)


def _without_run(warnings: tuple[str, ...], run: tuple[str, ...]) -> tuple[str, ...]:
    """The warnings, with the functions now run taken off the "not run" list."""
    if not run:
        return warnings
    kept: list[str] = []
    for warning in warnings:
        if warning.startswith(NOT_RUN_PREFIX):
            paths = [p for p in warning.removeprefix(NOT_RUN_PREFIX).split(", ") if p not in run]
            if not paths:
                continue
            warning = NOT_RUN_PREFIX + ", ".join(paths)
        kept.append(warning)
    return tuple(kept)
