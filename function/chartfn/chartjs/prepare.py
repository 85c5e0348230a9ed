"""From a QuickChart request to what to draw: the config parsed, translated, and its cache key.

Runs on a render thread: parsing JavaScript configs may take up to the sandbox's time budget.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from chartfn.chartjs.config import canonical_config, config_from_object, parse_config
from chartfn.chartjs.request import QuickChartRequest
from chartfn.chartjs.translate import translate
from chartfn.models.chart_spec import ChartSpec

__all__ = ["PreparedChart", "prepare"]


@dataclass(frozen=True)
class PreparedChart:
    spec: ChartSpec
    warnings: tuple[str, ...]
    #: The same for every spelling of one chart (JSON, JavaScript, base64, a POSTed object):
    #: the normalised config and the Chart.js version, not the text that was sent.
    key: str


def prepare(request: QuickChartRequest) -> PreparedChart:
    """Raises ``ConfigError`` (unreadable config) or ``TranslationError`` (not drawable)."""
    # a POSTed object never goes through text (nor the engine)
    evaluated = (
        config_from_object(request.chart)
        if isinstance(request.chart, dict)
        else parse_config(request.chart)
    )
    with evaluated:
        config = evaluated.config
        translation = translate(config, request.version)
        canonical = canonical_config(config)
    digest = hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()
    return PreparedChart(
        spec=translation.spec,
        warnings=translation.warnings,
        key=f"/chart?chartjs={request.version}&config={digest}",
    )
