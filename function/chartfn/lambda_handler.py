"""The AWS Lambda entry point: ``chartfn.lambda_handler.handler``.

Everything here runs once per cold start (init), not per invocation: the app, its caches and
Mangum's adapter are module-level, and Mangum's lifespan is off so no startup hooks re-run.
"""

from __future__ import annotations

import gc

# The init allocates ~100,000 long-lived objects (modules, classes, pydantic schemas, fonts);
# with the collector on, Python scans them again and again while they are being made, and every
# full collection afterwards (and the interpreter's teardown) scans them once more. Off for the
# init; frozen at its end (below), so collections only ever look at what requests allocate.
gc.disable()

import asyncio  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import os  # noqa: E402
from typing import Any  # noqa: E402

from mangum import Mangum  # noqa: E402

from chartfn.app import create_app  # noqa: E402
from chartfn.models.output_options import OutputOptions  # noqa: E402
from chartfn.models.sine import SineChart  # noqa: E402
from chartfn.settings import Settings  # noqa: E402

logger = logging.getLogger("chartfn")

# One request at a time per Lambda instance: render on the event loop's thread (see Settings).
app = create_app(Settings.from_environment(defaults=Settings(render_inline=True)))
# Mangum runs each request on "the current" event loop, which asyncio stops providing once any
# asyncio.run() in the process has finished (tests, other libraries). Own one and set it.
_event_loop = asyncio.new_event_loop()
asyncio.set_event_loop(_event_loop)
_adapter = Mangum(app, lifespan="off")


def warm_up() -> None:
    """Import everything and draw one chart of each kind, so modules, figures, fonts and glyph
    caches exist before the first request.

    On demand the routes load what they need on first use (a /sin cold start does not pay for
    /chart or /docs). Under SnapStart the init is what gets snapshotted, so there it is all
    done once, here: measured on an on-demand cold start it added ~90 ms to init and saved only
    ~35 ms of the first chart.
    """
    from chartfn.models.chart_spec import parse_spec_text
    from chartfn.models.formula_chart import FormulaChart

    service = app.state.chart_service
    service.render_sine(SineChart(), OutputOptions())
    service.render_formulas(
        FormulaChart.parse(["sin(x)"], [], 0.0, 10.0, 50, "", "x", "y", None), OutputOptions()
    )
    spec = parse_spec_text('{"kind": "bar", "categories": ["a"], "series": [{"y": [1]}]}')
    service.render_spec(spec, OutputOptions())
    # SVG, PDF and error images are drawn in a Figure: matplotlib's figure and axes load with
    # the first of them on demand, here with this one
    service.render_spec(spec, OutputOptions(format="svg"))
    # the OpenAPI document (/docs, /openapi.json) is generated on its first request
    app.openapi()
    # The JavaScript engine for Chart.js configs too: on demand it loads with the first one.
    from chartfn.chartjs.sandbox import warm_up as warm_up_sandbox

    warm_up_sandbox()
    # QuickChart's answers (translation, drawing) load with the first QuickChart request too
    import chartfn.http.quickchart_answers  # noqa: F401


if os.environ.get("AWS_LAMBDA_INITIALIZATION_TYPE") == "snap-start":
    warm_up()

# What the init made lives as long as the instance: move it out of the collector's sight (the
# few cycles of init garbage it holds stay too, measured ~2,800 objects) and turn it back on.
gc.freeze()
gc.enable()


def handler(event: Any, context: Any) -> dict[str, Any]:
    asyncio.set_event_loop(_event_loop)
    problem = _unservable(event, context)
    if problem is not None:
        logger.error("unservable Lambda event: %s", problem)
        return {
            "statusCode": 400,
            "headers": {"content-type": "application/json"},
            "body": json.dumps({"status": 400, "error": "unsupported_event", "message": problem}),
            "isBase64Encoded": False,
        }
    return _adapter(event, context)


def _unservable(event: Any, context: Any) -> str | None:
    """Why Mangum could not turn ``event`` into an HTTP request, or None if it can.

    A direct invoke or a malformed event would otherwise end in a stack trace and a Lambda
    error instead of an answer the caller can read.
    """
    if not isinstance(event, dict):
        return f"expected an HTTP event object, got {type(event).__name__}"
    try:
        _adapter.infer(event, context).scope  # noqa: B018  (building the scope is the check)
    except (RuntimeError, KeyError, TypeError, AttributeError, ValueError) as exc:
        return (
            "not an API Gateway (REST or HTTP API), function URL or ALB event "
            f"({type(exc).__name__}: {exc})"
        )
    return None
