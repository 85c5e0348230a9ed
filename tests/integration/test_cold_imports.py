"""What a fresh Lambda instance imports: on demand only what its first /sin needs; under SnapStart
everything, since the init is what gets snapshotted (issue 10)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from support import REPO_ROOT

# Modules a /sin request never needs: other routes load them with their first request. /sin
# is painted by the raster engine straight onto Agg, without matplotlib's Figure and Axes.
LOADED_ON_FIRST_USE = (
    "matplotlib.figure",
    "matplotlib.axes",
    "chartfn.drawing.raster.engine",
    "chartfn.models.colors",
    "chartfn.http.quickchart_answers",
    "chartfn.chartjs.sandbox",
    # the spec's and the formulas' models: the routes need only their limits (request_limits)
    "chartfn.models.chart_spec",
    "chartfn.models.formula_chart",
    "chartfn.models.formula",
)
# matplotlib imports it only to register a projection no chart here uses; matplotlib.style reads
# all its ~30 sheets at import, the themes read their seven (matplotlib_runtime.style_sheet)
NEVER_LOADED = ("mpl_toolkits.mplot3d", "matplotlib.style")

PROBE = """
import gc, json, sys
from urllib.parse import quote
from support import LambdaContext, load_event
from chartfn.lambda_handler import app, handler

watched = json.loads(sys.argv[1])
def loaded():
    return sorted(m for m in watched if sys.modules.get(m) is not None)

def get(path, query):
    event = load_event("http_api_sin")
    event["rawPath"] = event["requestContext"]["http"]["path"] = path
    event["rawQueryString"] = query
    event["queryStringParameters"] = None
    response = handler(event, LambdaContext())
    assert response["statusCode"] == 200, response
    return loaded()

steps = {"import": loaded(), "openapi_ready": app.openapi_schema is not None}
steps["gc"] = {"enabled": gc.isenabled(), "frozen": gc.get_freeze_count()}
steps["sin"] = get("/sin", "amplitude=2&frequency=3")
steps["plot"] = get("/plot", "f=" + quote("x^2", safe=""))
spec = '{"kind":"bar","categories":["a"],"series":[{"y":[1]}]}'
steps["chart"] = get("/chart", "spec=" + quote(spec, safe=""))
print(json.dumps(steps))
"""


def _probe(initialization_type: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps([*LOADED_ON_FIRST_USE, *NEVER_LOADED])],
        cwd=REPO_ROOT / "function",
        env={
            **os.environ,
            "PYTHONPATH": f"{REPO_ROOT / 'function'}:{REPO_ROOT / 'tests'}",
            "AWS_LAMBDA_INITIALIZATION_TYPE": initialization_type,
        },
        capture_output=True,
        text=True,
        timeout=300,  # a hang guard only
        check=True,
    )
    steps: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return steps


def test_an_on_demand_cold_start_imports_only_what_sin_needs() -> None:
    steps = _probe("on-demand")
    assert steps["import"] == steps["sin"] == []
    assert steps["openapi_ready"] is False
    # the watcher does see them once their routes are asked for
    assert "chartfn.drawing.raster.engine" in steps["plot"]  # type: ignore[operator]
    assert "chartfn.models.colors" not in steps["plot"]  # type: ignore[operator]
    assert "chartfn.models.formula_chart" in steps["plot"]  # type: ignore[operator]
    assert "chartfn.models.chart_spec" in steps["chart"]  # type: ignore[operator]
    assert "mpl_toolkits.mplot3d" not in steps["chart"]  # type: ignore[operator]
    assert "matplotlib.style" not in steps["chart"]  # type: ignore[operator]


def test_the_init_leaves_its_objects_to_no_collection() -> None:
    """The init's objects are frozen out of the collector's sight, and the collector is on again
    for what requests allocate."""
    steps = _probe("on-demand")
    gc_state: dict[str, object] = steps["gc"]  # type: ignore[assignment]
    assert gc_state["enabled"] is True
    # the modules, classes and schemas of the app: tens of thousands of objects
    assert gc_state["frozen"] > 20_000  # type: ignore[operator]


def test_a_snapstart_init_imports_and_warms_everything() -> None:
    steps = _probe("snap-start")
    assert steps["import"] == sorted(LOADED_ON_FIRST_USE)
    assert steps["openapi_ready"] is True


RASTER_PROBE = """
import json, sys
from chartfn.drawing.raster.engine import render_formulas, render_spec
import chartfn.http.errors  # noqa: F401  (loaded at init by every app)
from chartfn.models.chart_spec import parse_spec_text
from chartfn.models.formula_chart import FormulaChart
from chartfn.models.output_options import OutputOptions

FIGURE_MODULES = ("matplotlib.figure", "matplotlib.axes")
def loaded():
    return [m for m in FIGURE_MODULES if sys.modules.get(m) is not None]

steps = {"import": loaded()}
spec = parse_spec_text('{"kind": "bar", "categories": ["p", "q"], "series": [{"y": [3, 7]}]}')
render_spec(spec, OutputOptions(width=431, height=257))
render_formulas(
    FormulaChart.parse(["x^3"], [], -2.0, 3.0, 77, "", "x", "y", None),
    OutputOptions(width=389, height=211),
)
steps["rasters"] = loaded()
render_spec(spec, OutputOptions(width=431, height=257, format="svg"))
steps["svg"] = loaded()
print(json.dumps(steps))
"""


def test_rasters_drawn_on_the_agg_renderer_never_load_figures_or_axes() -> None:
    """matplotlib.figure and matplotlib.axes cost ~160-230 ms of a cold start: what draws
    straight onto the Agg renderer must not load them (SVG and PDF, drawn in a Figure, do)."""
    result = subprocess.run(
        [sys.executable, "-c", RASTER_PROBE],
        cwd=REPO_ROOT / "function",
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT / "function")},
        capture_output=True,
        text=True,
        timeout=300,  # a hang guard only
        check=True,
    )
    steps = json.loads(result.stdout.strip().splitlines()[-1])
    assert steps["import"] == steps["rasters"] == []
    assert steps["svg"] == ["matplotlib.figure", "matplotlib.axes"]


def test_route_parameters_are_annotated_with_objects_not_strings() -> None:
    """FastAPI evaluates string annotations again for every route that uses them (the shared
    output options' Query objects rebuilt per route at import): routes.py writes them as
    objects, evaluated once."""
    from chartfn.http import routes

    functions = [route.endpoint for route in routes.router.routes]  # type: ignore[attr-defined]
    functions += [routes.requested_output, routes.verify_signature]
    assert len(functions) > 5
    as_strings = {
        f.__name__: name
        for f in functions
        for name, annotation in f.__annotations__.items()
        if isinstance(annotation, str)
    }
    assert as_strings == {}


ITALIC_PROBE = """
import json
from urllib.parse import quote
from support import LambdaContext, load_event
from chartfn.drawing.matplotlib_runtime import CHARTJS_ITALIC_FONTS, FONT_MANAGER
from chartfn.lambda_handler import handler

italic = {str(path) for path in CHARTJS_ITALIC_FONTS}
def registered():
    return sorted(e.fname for e in FONT_MANAGER.ttflist if e.fname in italic)

def get(path, query):
    event = load_event("http_api_sin")
    event["rawPath"] = event["requestContext"]["http"]["path"] = path
    event["rawQueryString"] = query
    event["queryStringParameters"] = None
    response = handler(event, LambdaContext())
    assert response["statusCode"] == 200, response
    return registered()

steps = {"import": registered(), "sin": get("/sin", "amplitude=2&frequency=3")}
steps["plot"] = get("/plot", "f=" + quote("x^2", safe=""))
spec = '{"kind":"bar","categories":["a"],"series":[{"y":[1]}]}'
steps["spec"] = get("/chart", "spec=" + quote(spec, safe=""))
upright = '{type:"bar",data:{labels:["a"],datasets:[{data:[1]}]}}'
steps["upright config"] = get("/chart", "c=" + quote(upright, safe=""))
italic_title = ('{type:"bar",data:{labels:["a"],datasets:[{data:[1]}]},'
                'options:{title:{display:true,text:"t",fontStyle:"italic"}}}')
steps["italic config"] = get("/chart", "c=" + quote(italic_title, safe=""))
print(json.dumps(steps))
"""


def test_italic_faces_are_registered_on_first_use_only() -> None:
    """A cold start, /sin, /plot, spec charts and upright configs never read the italic faces;
    the first config that asks for italics registers them."""
    result = subprocess.run(
        [sys.executable, "-c", ITALIC_PROBE],
        cwd=REPO_ROOT / "function",
        env={
            **os.environ,
            "PYTHONPATH": f"{REPO_ROOT / 'function'}:{REPO_ROOT / 'tests'}",
            "AWS_LAMBDA_INITIALIZATION_TYPE": "on-demand",
        },
        capture_output=True,
        text=True,
        timeout=300,  # a hang guard only
        check=True,
    )
    steps = json.loads(result.stdout.strip().splitlines()[-1])
    for step in ("import", "sin", "plot", "spec", "upright config"):
        assert steps[step] == [], step
    assert [path.rsplit("/", 1)[-1] for path in steps["italic config"]] == [
        "LiberationSans-BoldItalic.ttf",
        "LiberationSans-Italic.ttf",
    ]
