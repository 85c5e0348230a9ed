"""Chart.js's tick values, default labels and tick callbacks, against the real Chart.js.

``chartjs_ticks_cases.json`` is what Chart.js 2.9.4 and 4 computed for a table of cases
(``benchmarks/fidelity/ticks.mjs``: data ranges with negatives, tiny, huge and all-equal
values, the bound/step/precision/count options, axes from 100 to 3000 px, fonts of 8 to 20 px).
Every case must give the same values, min/max and labels (floats equal to 1e-12 relative,
which no case needs so far: they match bit for bit).
"""

from __future__ import annotations

import json
import math
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chartfn.chartjs import callbacks, js_numbers, tick_labels
from chartfn.chartjs import ticks as chartjs_ticks
from chartfn.chartjs.config import ConfigError, Shared, parse_config
from chartfn.chartjs.sandbox import SandboxLimits, SandboxPool
from chartfn.chartjs.ticks import Axis, NumericOptions, Ticks

HERE = Path(__file__).parent
CASES = json.loads((HERE / "chartjs_ticks_cases.json").read_text(encoding="utf-8"))["cases"]
PLAIN = [case for case in CASES if not case["callback"]]
WITH_CALLBACK = [case for case in CASES if case["callback"]]
V4_TICK_KEYS = {"stepSize", "precision", "maxTicksLimit", "count", "includeBounds"}


def scale_config(case: dict[str, Any]) -> dict[str, Any]:
    """The case's options as a config's scale object, in its version's spelling."""
    options = dict(case["options"])
    if case["version"] == 2:
        return {"ticks": options}
    ticks = {k: v for k, v in options.items() if k in V4_TICK_KEYS}
    ticks.update(options.pop("ticks", {}))
    scale = {k: v for k, v in options.items() if k not in V4_TICK_KEYS}
    scale["ticks"] = ticks
    return scale


def scale_with_font(case: dict[str, Any]) -> dict[str, Any]:
    """The scale object as ticks.mjs gave it to Chart.js: the case's tick font size added."""
    scale = scale_config(case)
    ticks = dict(scale["ticks"])
    if case["version"] == 2:
        ticks.setdefault("fontSize", case["fontSize"])
    else:
        ticks["font"] = {"size": case["fontSize"], **ticks.get("font", {})}
    return {**scale, "ticks": ticks}


def axis_of(case: dict[str, Any], length: float) -> Axis:
    return chartjs_ticks.tick_axis(
        scale_with_font(case), case["version"], length, case["horizontal"]
    )


def kind_of(case: dict[str, Any]) -> str:
    return {"log": "logarithmic"}.get(case["kind"], case["kind"])


def compute(case: dict[str, Any]) -> Ticks:
    if case["version"] == 4 and case["kind"] != "category":
        # Chart.js 4 widens min/max over its layout passes: replay them, each from the last
        result = None
        for length in case["passes"]:
            result = compute_pass(case, axis_of(case, length), result)
        assert result is not None
        return result
    return compute_pass(case, axis_of(case, case["length"]), None)


def compute_pass(case: dict[str, Any], axis: Axis, carry: Ticks | None) -> Ticks:
    data = case["data"]
    if case["kind"] == "category":  # the chart's labels; its data points index all of them
        indexes = list(range(len(data)))
        return chartjs_ticks.scale_ticks(
            "category", case["version"], scale_config(case), indexes, axis, labels=data
        )
    points = [data[0], (data[0] + data[1]) / 2, data[1]]  # the chart's three points
    return chartjs_ticks.scale_ticks(
        kind_of(case), case["version"], scale_config(case), points, axis, carry=carry
    )


def same(a: Any, b: Any) -> bool:
    if isinstance(a, int | float) and isinstance(b, int | float):
        return a == b or abs(a - b) <= 1e-12 * max(abs(a), abs(b))
    return a == b


def same_list(a: list[Any], b: list[Any]) -> bool:
    return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))


def expected_min_max(case: dict[str, Any]) -> tuple[Any, Any]:
    if case["kind"] == "category" and case["version"] == 2:
        return case["min"], case["max"]  # Chart.js 2 keeps the labels there; we keep indexes
    return case["min"], case["max"]


def got_min_max(case: dict[str, Any], ticks: Ticks) -> tuple[Any, Any]:
    if case["kind"] == "category" and case["version"] == 2:
        assert ticks.labels is not None
        return ticks.labels[int(ticks.min)], ticks.labels[int(ticks.max)]
    return ticks.min, ticks.max


def describe(case: dict[str, Any]) -> str:
    return (
        f"v{case['version']} {case['kind']} {case['axis']} data={case['data']} "
        f"options={case['options']} length={case['length']} font={case['fontSize']}"
    )


def test_the_table_covers_what_the_brief_asks() -> None:
    assert len(PLAIN) > 2000
    assert {(c["version"], c["kind"]) for c in PLAIN} == {
        (v, k) for v in (2, 4) for k in ("linear", "log", "category")
    }
    assert {c["width"] for c in PLAIN} >= {100, 3000}
    assert not [c for c in CASES if "error" in c]


@pytest.mark.parametrize(
    ("version", "kind"), [(v, k) for v in (2, 4) for k in ("linear", "log", "category")]
)
def test_tick_values_min_max_and_labels_match_chartjs(version: int, kind: str) -> None:
    """Given the cases of one Chart.js version and scale type, when ticks and default labels
    are computed from the same inputs, then every case gives Chart.js's values, min/max and
    label text."""
    cases = [c for c in PLAIN if c["version"] == version and c["kind"] == kind]
    assert cases
    mismatches = []
    for case in cases:
        ticks = compute(case)
        labels = tick_labels.default_labels(kind_of(case), version, ticks)
        if not same_list(list(ticks.values), case["ticks"]):
            mismatches.append(("values", describe(case), list(ticks.values), case["ticks"]))
        if not same_list(list(got_min_max(case, ticks)), list(expected_min_max(case))):
            mismatches.append(("min/max", describe(case), got_min_max(case, ticks)))
        if labels != case["labels"]:
            mismatches.append(("labels", describe(case), labels, case["labels"]))
    assert not mismatches, f"{len(mismatches)} of {len(cases)}: {mismatches[:5]}"


@pytest.mark.parametrize(
    "case", WITH_CALLBACK, ids=lambda c: f"v{c['version']}-{c['kind']}-{c.get('axis')}"
)
def test_tick_callbacks_get_what_chartjs_passes(case: dict[str, Any]) -> None:
    """Given a config whose ticks.callback reads its arguments and `this`, when called per
    tick in the sandbox, then the labels are the ones the real Chart.js drew (v4 drops the
    ticks whose label is null, v2 keeps them unlabelled)."""
    version = case["version"]
    ticks = compute(case)
    text = "{data: {datasets: [{data: []}]}, cb: " + case["callback"] + "}"
    with parse_config(text) as config:
        labels = callbacks.tick_callback_labels(
            config,
            config.config["cb"],
            ticks,
            version=version,
            kind=kind_of(case),
            scale_id=case["axis"],
            scale_path=("options", "scales", case["axis"]),
        )
    if version == 2:
        assert labels == case["labels"]
    else:
        kept = callbacks.visible_ticks(ticks, labels, version)
        assert [label for _, label in kept] == case["labels"]
        assert same_list([value for value, _ in kept], case["labelledValues"])


def test_a_throwing_callback_is_a_config_error_naming_its_path() -> None:
    ticks = Ticks(values=(0.0, 5.0, 10.0), min=0.0, max=10.0)
    path = r"^options\.scales\.y\.ticks\.callback: .*threw"
    with (
        parse_config("{cb: (v) => v.nope.deeper}") as config,
        pytest.raises(ConfigError, match=path),
    ):
        callbacks.tick_callback_labels(
            config,
            config.config["cb"],
            ticks,
            version=4,
            kind="linear",
            scale_id="y",
            scale_path=("options", "scales", "y"),
        )


def test_callbacks_are_bounded_by_count() -> None:
    ticks = Ticks(values=tuple(float(i) for i in range(callbacks.MAX_CALLS + 1)), min=0, max=1)
    calls = "{n: 0, cb: function (v) { this.n += 1; return String(v); }}"
    with parse_config(calls) as config, pytest.raises(ConfigError, match="at most 50000"):
        callbacks.tick_callback_labels(
            config,
            config.config["cb"],
            ticks,
            version=2,
            kind="linear",
            scale_id="y",
            scale_path=("options", "scales", "yAxes", 0),
        )


def test_callback_results_become_label_text() -> None:
    ticks = Ticks(values=(1.0, 2.0, 3.0, 4.0), min=1.0, max=4.0)
    text = "{cb: (v) => [undefined, 2.5, ['a', 1e21], {}][v - 1]}"
    with parse_config(text) as config:
        labels = callbacks.tick_callback_labels(
            config,
            config.config["cb"],
            ticks,
            version=4,
            kind="linear",
            scale_id="x",
            scale_path=("options", "scales", "x"),
        )
    assert labels == [None, "2.5", ["a", "1e+21"], "[object Object]"]


def test_datalabels_formatter_gets_value_and_context() -> None:
    """Given a datalabels formatter reading the context, when run per point, then each label
    uses chart.data, dataIndex, datasetIndex and dataset as the plugin passes them."""
    text = """{
      data: {labels: ['a', 'b', 'c'], datasets: [{data: [1, 2, 3]},
        {label: 'two', data: [10, null, {x: 1, y: 30}]}]},
      options: {plugins: {datalabels: {formatter: (value, ctx) => value === null ? null :
        ctx.chart.data.labels[ctx.dataIndex] + ':' + ctx.dataset.label + ':' + ctx.datasetIndex
        + ':' + (typeof value === 'object' ? value.y : value) + ':' + ctx.active}}},
    }"""
    with parse_config(text) as config:
        formatter = config.config["options"]["plugins"]["datalabels"]["formatter"]
        texts = callbacks.datalabel_texts(config, formatter, 1)
        defaults = callbacks.datalabel_texts(config, None, 1)
    assert texts == ["a:two:1:10:false", None, "c:two:1:30:false"]
    assert defaults == ["10", None, "x: 1, y: 30"]


# --- JS number semantics -----------------------------------------------------------------------


def test_js_number_text_matches_javascript() -> None:
    assert js_numbers.to_fixed(2.5, 0) == "3"  # halves up, unlike Python's format
    assert js_numbers.to_fixed(-2.5, 0) == "-3"
    assert js_numbers.to_fixed(1.005, 2) == "1.00"  # the binary value is below 1.005
    assert js_numbers.to_fixed(-0.0001, 2) == "-0.00"
    assert js_numbers.to_exponential(0.00015, 1) == "1.5e-4"
    assert js_numbers.to_exponential(20000) == "2e+4"
    assert js_numbers.to_exponential(1.25e-7) == "1.25e-7"
    assert [js_numbers.to_string(x) for x in (1e21, 1e20, 1e-7, 1.5e-6, -0.0, 0.1 + 0.2)] == [
        "1e+21",
        "100000000000000000000",
        "1e-7",
        "0.0000015",
        "0",
        "0.30000000000000004",
    ]
    assert [js_numbers.js_round(x) for x in (0.5, 2.5, -2.5, 0.49999999999999994)] == [1, 3, -2, 0]
    assert js_numbers.pow10(-4) == 9.999999999999999e-05  # V8, not 1e-4
    assert js_numbers.decimal_places(1e-320) == 400  # Chart.js loops forever; we stop


def test_intl_format_matches_node_for_en_us_fraction_digits_and_notation() -> None:
    cases = json.loads((HERE / "intl_number_format_node20.json").read_text(encoding="utf-8"))
    checked = 0
    for locale, options, value, want in cases["cases"]:
        options = options or {}
        if locale != "en-US" or not set(options) <= {
            "minimumFractionDigits",
            "maximumFractionDigits",
            "notation",
        }:
            continue
        if options.get("notation", "scientific") != "scientific" or isinstance(value, str):
            continue
        low = options.get("minimumFractionDigits", 0)
        high = options.get("maximumFractionDigits", max(low, 3))
        got = tick_labels.intl_format(value, low, high, options.get("notation", "standard"))
        assert got == want, (value, options)
        checked += 1
    assert checked >= 30


# --- properties --------------------------------------------------------------------------------

# data as charts have it: zero, or magnitudes from 1e-6 to 1e12 (subnormal ranges are below)
magnitudes = st.floats(min_value=1e-6, max_value=1e12)
finite = st.one_of(st.just(0.0), magnitudes, magnitudes.map(lambda x: -x))
lengths = st.floats(min_value=20, max_value=3000)


@settings(max_examples=300, deadline=None)
@given(
    a=finite,
    b=finite,
    length=lengths,
    horizontal=st.booleans(),
    version=st.sampled_from([2, 4]),
)
def test_linear_ticks_are_ordered_cover_the_data_and_are_few(
    a: float, b: float, length: float, horizontal: bool, version: int
) -> None:
    low, high = min(a, b), max(a, b)
    axis = Axis(length=length, horizontal=horizontal)
    build = chartjs_ticks.linear_ticks_v2 if version == 2 else chartjs_ticks.linear_ticks_v4
    ticks = build(low, high, NumericOptions(), axis)
    values = list(ticks.values)
    ascending = values if (version == 4 or horizontal) else values[::-1]
    assert ascending == sorted(ascending)
    assert ticks.min <= low and ticks.max >= high
    assert all(ticks.min <= v <= ticks.max for v in values)
    per_px = 40 if horizontal else 12 * 1.2
    assert 2 <= len(values) <= max(math.ceil(length / per_px), 2) + 2
    assert len(values) <= 13  # maxTicksLimit 11, plus the ends nice rounding can add


@settings(max_examples=200, deadline=None)
@given(
    a=st.floats(min_value=1e-12, max_value=1e12),
    b=st.floats(min_value=1e-12, max_value=1e12),
    version=st.sampled_from([2, 4]),
)
def test_log_ticks_are_ordered_and_cover_the_data(a: float, b: float, version: int) -> None:
    low, high = min(a, b), max(a, b)
    axis = Axis(length=300, horizontal=True)
    build = chartjs_ticks.log_ticks_v2 if version == 2 else chartjs_ticks.log_ticks_v4
    ticks = build(low, high, False, NumericOptions(), axis)
    values = list(ticks.values)
    assert values == sorted(values)
    # the axis covers the data; Chart.js 4's first tick may sit above the data's min (data
    # 1.5..11 gives ticks 2..15 on an axis from 1.5, checked against Chart.js 4.6.1)
    assert ticks.min <= low and ticks.max >= high and values[-1] >= high
    assert all(ticks.min <= v <= ticks.max for v in values)
    assert len(values) <= chartjs_ticks.MAX_TICKS


def test_step_sizes_that_would_make_millions_of_ticks_stop_at_the_cap() -> None:
    axis = Axis(length=300, horizontal=False)
    for build in (chartjs_ticks.linear_ticks_v2, chartjs_ticks.linear_ticks_v4):
        ticks = build(0, 1e12, NumericOptions(step_size=0.5), axis)
        assert len(ticks.values) <= chartjs_ticks.MAX_TICKS


@settings(max_examples=300, deadline=None)
@given(
    a=st.floats(allow_nan=False, allow_infinity=False),
    b=st.floats(allow_nan=False, allow_infinity=False),
    kind=st.sampled_from(["linear", "logarithmic"]),
    version=st.sampled_from([2, 4]),
    step=st.one_of(st.none(), st.floats(min_value=1e-300, max_value=1e300)),
)
def test_any_finite_data_gives_bounded_ticks_and_labels_never_an_exception(
    a: float, b: float, kind: str, version: int, step: float | None
) -> None:
    """Subnormal, huge and opposite-extreme data (where Chart.js divides by zero or
    overflows) still give a short list of ticks and labels, not an exception or a hang."""
    scale: dict[str, Any] = {"ticks": {"stepSize": step}} if step else {}
    axis = Axis(length=500, horizontal=False)
    ticks = chartjs_ticks.scale_ticks(kind, version, scale, [a, b], axis)
    assert 1 <= len(ticks.values) <= chartjs_ticks.MAX_TICKS
    labels = tick_labels.default_labels(kind, version, ticks)
    assert len(labels) == len(ticks.values)


def test_a_callback_batch_stops_at_the_sandbox_budget() -> None:
    """Given a tick callback that loops forever, when its batch runs, then ConfigError naming
    the path and the budget, within the budget (the hang guard is generous), and the pool keeps
    serving."""
    pool = SandboxPool(threads=1, limits=SandboxLimits(time_budget=0.2))
    ticks = Ticks(values=(0.0, 1.0, 2.0), min=0.0, max=2.0)
    try:
        with parse_config("{cb: (v) => { while (true) {} }}", pool=pool) as config:
            started = time.monotonic()
            with pytest.raises(ConfigError, match=r"ticks\.callback: .*time budget"):
                callbacks.tick_callback_labels(
                    config,
                    config.config["cb"],
                    ticks,
                    version=4,
                    kind="linear",
                    scale_id="y",
                    scale_path=("options", "scales", "y"),
                )
            assert time.monotonic() - started < 30  # a hang guard, not a speed check
        with parse_config("{cb: (v, i, t) => v + i + t.length}", pool=pool) as config:
            assert config.call_each(config.config["cb"], [[1, 2, Shared(0)]], None, [[7]]) == [4]
    finally:
        pool.close()


def test_one_this_and_one_ticks_array_for_every_call_as_in_chartjs() -> None:
    """Chart.js passes the same scale and the same ticks array to each call: state a callback
    keeps on them carries over from tick to tick."""
    ticks = Ticks(values=(0.0, 1.0, 2.0), min=0.0, max=2.0)
    text = """{cb: function (v, i, t) {
      this.n = (this.n || 0) + 1;
      t.seen = (t.seen || 0) + 1;
      return this.n + '/' + t.seen;
    }}"""
    with parse_config(text) as config:
        labels = callbacks.tick_callback_labels(
            config,
            config.config["cb"],
            ticks,
            version=4,
            kind="linear",
            scale_id="y",
            scale_path=("options", "scales", "y"),
        )
    assert labels == ["1/1", "2/2", "3/3"]


option_numbers = st.one_of(
    st.none(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.integers(min_value=-5, max_value=5),
)


@settings(max_examples=400, deadline=None)
@given(
    data=st.lists(st.one_of(st.none(), st.floats(allow_nan=False)), max_size=4),
    low=option_numbers,
    high=option_numbers,
    suggested=option_numbers,
    step=option_numbers,
    precision=option_numbers,
    count=option_numbers,
    limit=option_numbers,
    grace=st.one_of(st.none(), st.just("10%"), st.just("x%"), option_numbers),
    begin_at_zero=st.booleans(),
    kind=st.sampled_from(["linear", "logarithmic"]),
    version=st.sampled_from([2, 4]),
    length=st.floats(min_value=0, max_value=5000),
)
def test_any_options_give_bounded_ticks_never_an_exception(
    data: list[float | None],
    low: float | None,
    high: float | None,
    suggested: float | None,
    step: float | None,
    precision: float | None,
    count: float | None,
    limit: float | None,
    grace: Any,
    begin_at_zero: bool,
    kind: str,
    version: int,
    length: float,
) -> None:
    """Contradictory bounds (min above max), negative or zero steps and counts, absurd
    precisions: whatever a config says, a bounded list of ticks and labels comes back."""
    ticks_options = {"stepSize": step, "precision": precision, "count": count}
    ticks_options["maxTicksLimit"] = limit
    if version == 2:
        scale: dict[str, Any] = {
            "ticks": {**ticks_options, "min": low, "max": high, "suggestedMin": suggested}
        }
        scale["ticks"]["beginAtZero"] = begin_at_zero
    else:
        scale = {"min": low, "max": high, "suggestedMax": suggested, "grace": grace}
        scale.update(beginAtZero=begin_at_zero, ticks=ticks_options)
    axis = Axis(length=length, horizontal=length > 2500)
    ticks = chartjs_ticks.scale_ticks(kind, version, scale, data, axis)
    assert 1 <= len(ticks.values) <= chartjs_ticks.MAX_TICKS
    assert len(tick_labels.default_labels(kind, version, ticks)) == len(ticks.values)


def test_the_tick_callback_is_found_under_the_name_each_version_reads() -> None:
    text = "{a: {ticks: {userCallback: () => 1, callback: () => 2}}, b: {ticks: {callback: 3}}}"
    with parse_config(text) as config:
        both = config.config["a"]
        v2 = callbacks.tick_callback_of(both, 2)
        v4 = callbacks.tick_callback_of(both, 4)
        assert v2 is not None and config.call(v2) == 1
        assert v4 is not None and config.call(v4) == 2
        assert callbacks.tick_callback_of(config.config["b"], 4) is None
        assert callbacks.tick_callback_of({}, 2) is None
