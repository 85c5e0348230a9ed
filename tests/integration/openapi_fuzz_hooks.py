"""What chartfn's OpenAPI document cannot say, told to schemathesis.

The document states every rule a JSON Schema can (patterns, bounds, enums, lengths,
``chartfn.http.openapi_rules``). The rest gets either a generator (the custom string formats
``formula``, ``chartjs-config`` and ``render-id`` produce values that follow the rule) or a
named rule below: ``filter_failure`` drops a "schema-valid request rejected" failure only when
every reason the app gave for refusing is one of these rules, and a "schema-violating request
accepted" failure only where a QuickChart request (``c``/``chart``) carries an invalid chartfn
parameter that such a request does not read. Anything else still fails the run, and every other
check is untouched. ``EXCUSED`` counts what each rule excused.

Importing this module registers the hooks and formats (for the CLI: ``SCHEMATHESIS_HOOKS=
openapi_fuzz_hooks`` with ``tests/integration`` on ``PYTHONPATH``).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

import schemathesis
from hypothesis import strategies as st
from pydantic import ValidationError
from schemathesis.core.failures import AcceptedNegativeData
from schemathesis.openapi.checks import RejectedPositiveData

from chartfn.chartjs.config import ConfigError
from chartfn.chartjs.prepare import prepare
from chartfn.chartjs.render_id import RenderIdError, decode_render_id, encode_render_id
from chartfn.chartjs.request import QuickChartRequest, RequestError, parse_request
from chartfn.chartjs.translate import TranslationError
from chartfn.http.openapi_rules import FORMULA_FORMAT
from chartfn.http.quickchart_openapi import CONFIG_FORMAT, RENDER_ID_FORMAT
from chartfn.models.chart_spec import MAX_SPEC_TEXT, ChartSpec

__all__ = ["EXCUSED", "RULES", "chartjs_configs", "formulas"]


@dataclass(frozen=True)
class Rule:
    name: str
    why: str  # why the document cannot say it


RULES = {
    rule.name: rule
    for rule in (
        Rule("formula_grammar", "a formula nests parentheses: no regular expression says it "
             "(the pattern says its characters; the formula format generates valid ones)"),
        Rule("curve_has_no_finite_point", "whether a formula is finite somewhere in [x0, x1] "
             "depends on both; only evaluating it tells"),
        Rule("x0_below_x1", "OpenAPI parameters are independent: x0 < x1 relates two"),
        Rule("labels_at_most_curves", "OpenAPI parameters are independent: no more labels "
             "than formulas relates two"),
        Rule("pixel_budget", "width × height × scale² relates three parameters"),
        Rule("transparent_not_jpeg", "JPEG has no alpha: background and format relate"),
        Rule("image_size", "an image's bytes are known only once it is drawn (413)"),
        Rule("spec_or_config", "exactly one of spec and a non-empty c/chart: OpenAPI "
             "parameters cannot say one-of"),
        Rule("spec_cross_field", "chart spec rules across fields (per kind, paired lengths, "
             "pie sums, log axes, low < high, points in all, a progress bar's two series, "
             "the right axis's series, bubble radii, bars placed by x), beyond a JSON Schema"),
        Rule("series_all_gaps", "a series needs one number among its nulls: JSON Schema's "
             "contains says it, but schemathesis's coverage phase then spends minutes on "
             "10,000-item arrays"),
        Rule("spec_text_length", "a spec's JSON text must fit a URL: its length is that of "
             "the serialisation, which a JSON Schema of the object cannot bound"),
        Rule("config_encoding", "encoding=base64 says how c is written: it relates two "
             "parameters"),
        Rule("chartjs_config", "what a Chart.js config (JSON or JavaScript) draws: a "
             "program's data, beyond a JSON Schema (the chartjs-config format generates "
             "drawable ones)"),
        Rule("quickchart_reads_its_own_names", "a request naming c or chart reads "
             "QuickChart's parameters only, so chartfn's own (scale, background, theme, "
             "errors) are not read whatever their values: OpenAPI parameters are independent"),
        Rule("render_id_content", "an id is deflated JSON in base64: the pattern says its "
             "alphabet, not that it inflates to a request (the render-id format makes real "
             "ones)"),
    )
}  # fmt: skip
EXCUSED: Counter[str] = Counter()

# Spec validation errors a schema-valid spec can still raise, by rule: those of chart_spec's
# model validators (a schema-valid spec cannot break a per-field rule).
SPEC_ERROR_RULES = {
    **dict.fromkeys(
        (
            "not_for_kind", "length_mismatch", "pie_series", "pie_value", "pie_color",
            "too_many_points", "too_many_categories", "stack_mismatch", "log_value", "limits",
            "gap_not_allowed", "progress_series", "second_axis", "missing", "cutout_twice",
            "positioned_bars", "gauge_span", "sankey_flow", "sankey_nodes", "sankey_cycle",
        ),
        "spec_cross_field",
    ),
    "no_values": "series_all_gaps",
}  # fmt: skip


#: /chart's parameters that only a chartfn spec request reads (QuickChart has none of them)
CHARTFN_ONLY = frozenset({"scale", "background", "theme", "errors"})
_INVALID_QUERY_PARAMETER = re.compile(r"parameter `([^`]+)` in query")


@schemathesis.hook
def filter_failure(context: Any, failure: Any, case: Any, response: Any) -> bool:
    """Keep every failure but a rejected schema-valid request whose reasons are all rules, and
    a QuickChart request accepted although a chartfn parameter it does not read is invalid."""
    if isinstance(failure, AcceptedNegativeData):
        invalid = set(_INVALID_QUERY_PARAMETER.findall(failure.message))
        unread = bool(invalid) and invalid <= CHARTFN_ONLY
        if unread and case.operation.path == "/chart" and _is_quickchart(case):
            EXCUSED["quickchart_reads_its_own_names"] += 1
            return False
        return True
    if not isinstance(failure, RejectedPositiveData):
        return True
    names = excused_by(case, response)
    if names is None:
        return True
    EXCUSED.update(names)
    return False


def excused_by(case: Any, response: Any) -> set[str] | None:
    """The rules that explain this refusal, or None if something else refused it."""
    if response.status_code == 413:
        return {"image_size"}
    path = case.operation.path
    if path == "/chart/render/{render_id}" or _is_quickchart(case):
        return _quickchart_rules(case)
    if response.status_code != 422:
        return None
    problems = _problems(case, response)
    names: set[str] = set()
    for problem in problems:
        found = _chartfn_rules(case, problem)
        if not found:
            return None
        names |= found
    return names or None


def _is_quickchart(case: Any) -> bool:
    if case.operation.path == "/chart/create":
        return True
    named = set(case.query or {}) | (set(case.body) if isinstance(case.body, dict) else set())
    return case.operation.path == "/chart" and bool(named & {"c", "chart"})


def _problems(case: Any, response: Any) -> list[dict[str, Any]]:
    """The refusal's reasons as JSON; an image error (errors=image) is asked again as JSON."""
    if response.headers.get("content-type", [""])[0].startswith("application/json"):
        return list(response.json().get("parameters") or [])
    again = case.operation.Case(
        query={**(case.query or {}), "errors": "json"},
        body=case.body,
        media_type=case.media_type,
        headers=case.headers,
    )
    return list(again.call().json().get("parameters") or [])


def _chartfn_rules(case: Any, problem: dict[str, Any]) -> set[str]:
    parameter, text = problem["parameter"], problem["problem"]
    if parameter == "f":
        return {"curve_has_no_finite_point" if "no finite point" in text else "formula_grammar"}
    if parameter == "x1" and "greater than x0" in text:
        return {"x0_below_x1"}
    if parameter == "label" and "more labels than curves" in text:
        return {"labels_at_most_curves"}
    if parameter == "width" and "pixels (width × height × scale²)" in text:  # any budget
        return {"pixel_budget"}
    if parameter == "background" and "not possible in JPEG" in text:
        return {"transparent_not_jpeg"}
    if parameter == "spec" and text == "is required":
        return {"spec_or_config"}
    if parameter == "spec" and f"at most {MAX_SPEC_TEXT} fit in a URL" in text:
        return {"spec_text_length"}
    if parameter.startswith("spec"):
        errors = _spec_errors(case)
        if errors <= SPEC_ERROR_RULES.keys():
            return {SPEC_ERROR_RULES[error] for error in errors}
    return set()


def _spec_errors(case: Any) -> set[str]:
    """The kinds of error the case's spec raises when validated again (none: not a spec)."""
    spec = case.body if case.operation.method.upper() == "POST" else (case.query or {}).get("spec")
    if isinstance(spec, str):
        try:
            spec = json.loads(spec)
        except ValueError:
            return {"not_json"}
    try:
        ChartSpec.model_validate(spec)
    except ValidationError as error:
        return {str(detail["type"]) for detail in error.errors()}
    return {"valid"}


def _quickchart_rules(case: Any) -> set[str] | None:
    if case.operation.path == "/chart/render/{render_id}":
        try:
            parameters = decode_render_id(case.path_parameters["render_id"])
        except RenderIdError:
            return {"render_id_content"}
    else:
        parameters = {**(case.query or {})}
        if isinstance(case.body, dict):
            parameters.update(case.body)
        if "spec" in parameters:
            return {"spec_or_config"}
    try:
        request = parse_request(
            parameters, pixel_budget=case.operation.app.state.settings.pixel_budget
        )
    except RequestError as error:
        message = str(error)
        if "the chart config is missing" in message:  # c= (empty) in a query: no config
            return {"spec_or_config"}
        if "encoding=base64 was given" in message:
            return {"config_encoding"}
        pixels = "pixels; this deployment draws at most" in message
        return {"pixel_budget"} if pixels or "less than one pixel" in message else None
    try:
        prepare(request).close()
    except (ConfigError, TranslationError):
        return {"chartjs_config"}
    return None


# Generators for the custom formats.

_LEAVES = st.sampled_from(["x", "pi", "e", "tau", "1", "2", "0.5", "3.25", "10"])
_FUNCS1 = ["sin", "cos", "tan", "atan", "sinh", "tanh", "exp", "abs", "floor", "sqrt", "log"]


def _combine(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.tuples(children, st.sampled_from(["+", "-", "*", "/"]), children).map(
            lambda t: f"({t[0]}{t[1]}{t[2]})"
        ),
        st.tuples(st.sampled_from(_FUNCS1), children).map(lambda t: f"{t[0]}({t[1]})"),
        st.tuples(st.sampled_from(["min", "max", "atan2"]), children, children).map(
            lambda t: f"{t[0]}({t[1]},{t[2]})"
        ),
        st.tuples(children, st.sampled_from(["2", "3", "0.5"])).map(lambda t: f"{t[0]}^{t[1]}"),
        children.map(lambda c: f"-{c}"),
    )


def formulas() -> st.SearchStrategy[str]:
    """Formulas of the grammar, small enough for every limit (nodes, nesting, exponents)."""
    return st.recursive(_LEAVES, _combine, max_leaves=6)


finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
positive = st.floats(min_value=1e-3, max_value=1e6, allow_nan=False, allow_infinity=False)
label = st.text(st.characters(codec="utf-8", categories=["L", "N", "Zs"]), max_size=20)


@st.composite
def chartjs_configs(draw: st.DrawFn) -> dict[str, Any]:
    """Chart.js configs of the types the translation draws, each valid, so each must render."""
    kind = draw(st.sampled_from(["bar", "line", "pie", "doughnut", "scatter"]))
    n = draw(st.integers(1, 8))
    count = 1 if kind in ("pie", "doughnut") else draw(st.integers(1, 3))
    values = positive if kind in ("pie", "doughnut") else finite
    datasets: list[dict[str, Any]] = []
    for i in range(count):
        ys = draw(st.lists(values, min_size=n, max_size=n))
        data: list[Any] = [{"x": x, "y": y} for x, y in enumerate(ys)] if kind == "scatter" else ys
        datasets.append({"label": draw(label), "data": data, "backgroundColor": f"#{i + 1}a{i}"})
    title = {"display": True, "text": draw(label)}
    return {
        "type": kind,
        "data": {"labels": [f"c{i}" for i in range(n)], "datasets": datasets},
        "options": {"title": title, "plugins": {"title": title}},
    }


def _render_id(config: dict[str, Any], width: int, height: int) -> str:
    request = QuickChartRequest(chart=config, width=width, height=height, device_pixel_ratio=1.0)
    return encode_render_id(request)


def render_ids() -> st.SearchStrategy[str]:
    """Ids as POST /chart/create makes them, of small charts (cheap to draw)."""
    return st.builds(_render_id, chartjs_configs(), st.integers(20, 300), st.integers(20, 200))


schemathesis.openapi.format(FORMULA_FORMAT, formulas())
schemathesis.openapi.format(
    CONFIG_FORMAT, chartjs_configs().map(lambda c: json.dumps(c, separators=(",", ":")))
)
schemathesis.openapi.format(RENDER_ID_FORMAT, render_ids())
