"""Chart.js configs as text or objects into one tree (chartfn.chartjs.config)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chartfn.chartjs.config import (
    MAX_DEPTH,
    MAX_NODES,
    MAX_TEXT_CHARS,
    ConfigError,
    ConfigRef,
    EvaluatedConfig,
    JsFunction,
    Scale,
    canonical_config,
    config_from_object,
    function_paths,
    parse_config,
)
from support import REPO_ROOT

HERE = Path(__file__).parent

# Real outputs of javascript-stringify 2.1 (what quickchart-js sends), generated once with node:
# stringify(config) and stringify(config, null, 2) of the same object.
STRINGIFY_COMPACT = (
    "{type:'bar',data:{labels:['January','February','March'],datasets:[{label:'Dogs',"
    "data:[50,60,70.5],backgroundColor:'chartreuse'}]},options:{title:{display:true,"
    "text:'Total \\'Revenue\\''},scales:{yAxes:[{ticks:{callback:function (value) "
    "{ return '$' + value; }}}]},plugins:{datalabels:{formatter:(v, ctx) => "
    "ctx.chart.data.labels[ctx.dataIndex] + ': ' + v}}}}"
)
STRINGIFY_INDENTED = (
    "{\n  type: 'bar',\n  data: {\n    labels: [\n      'January',\n      'February',\n"
    "      'March'\n    ],\n    datasets: [\n      {\n        label: 'Dogs',\n        data: [\n"
    "          50,\n          60,\n          70.5\n        ],\n"
    "        backgroundColor: 'chartreuse'\n      }\n    ]\n  },\n  options: {\n    title: {\n"
    "      display: true,\n      text: 'Total \\'Revenue\\''\n    },\n    scales: {\n"
    "      yAxes: [\n        {\n          ticks: {\n"
    "            callback: function (value) { return '$' + value; }\n          }\n        }\n"
    "      ]\n    },\n    plugins: {\n      datalabels: {\n"
    "        formatter: (v, ctx) => ctx.chart.data.labels[ctx.dataIndex] + ': ' + v\n"
    "      }\n    }\n  }\n}"
)
PLAIN_STRINGIFIED = (
    "{type:'line',data:{labels:[1,2,3],datasets:[{data:[1.5,-2,3e-7],fill:false,"
    "label:'it\\'s'}]},options:{'weird-key':null,'é':'ü'}}"
)
PLAIN_JSON = (
    '{"type":"line","data":{"labels":[1,2,3],"datasets":[{"data":[1.5,-2,3e-7],"fill":false,'
    '"label":"it\'s"}]},"options":{"weird-key":null,"é":"ü"}}'
)
PLAIN_OBJECT = {
    "type": "line",
    "data": {
        "labels": [1, 2, 3],
        "datasets": [{"data": [1.5, -2, 3e-7], "fill": False, "label": "it's"}],
    },
    "options": {"weird-key": None, "é": "ü"},
}


def parsed(text: str) -> dict:
    with parse_config(text) as config:
        return config.config


# --- one tree whatever the spelling --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        PLAIN_JSON,
        PLAIN_STRINGIFIED,
        # JSON5-ish: comments, trailing commas, unquoted keys, double/single quotes, 2.0
        """// a line chart
        {
          type: "line", /* block comment */
          data: {labels: [1, 2, 3,], datasets: [{data: [1.50, -2.0, 0.0000003], fill: false,
                  label: "it's",},],},
          options: {'weird-key': null, "é": 'ü',},
        }""",
        PLAIN_JSON + ";",
        PLAIN_STRINGIFIED + " ;\n",
        "(" + PLAIN_STRINGIFIED + ")",
    ],
    ids=["json", "javascript-stringify", "json5", "json+semicolon", "js+semicolon", "parens"],
)
def test_every_spelling_gives_the_same_tree_and_key(text: str) -> None:
    """Given one config spelled as JSON, javascript-stringify output, JSON5 or with a `;`,
    when parsed, then the tree and the canonical text equal those of the POSTed object."""
    tree = parsed(text)
    assert tree == PLAIN_OBJECT
    assert canonical_config(tree) == canonical_config(config_from_object(PLAIN_OBJECT).config)


def test_stringify_output_keeps_functions_verbatim_in_both_layouts() -> None:
    """Given quickjs-js style text with a function and an arrow function, when parsed, then both
    are JsFunctions with their source verbatim, compact and indented layouts alike."""
    compact = parsed(STRINGIFY_COMPACT)
    indented = parsed(STRINGIFY_INDENTED)
    callback = compact["options"]["scales"]["yAxes"][0]["ticks"]["callback"]
    assert callback == JsFunction(source="function (value) { return '$' + value; }", ref=99)
    formatter = compact["options"]["plugins"]["datalabels"]["formatter"]
    assert formatter.source == "(v, ctx) => ctx.chart.data.labels[ctx.dataIndex] + ': ' + v"
    assert compact["options"]["title"]["text"] == "Total 'Revenue'"
    assert compact == indented
    assert canonical_config(compact) == canonical_config(indented)


def test_python_client_output_json_with_raw_functions() -> None:
    """quickchart-io (Python) writes JSON with the functions' source inlined."""
    text = (
        '{"type": "bar", "data": {"labels": ["a"], "datasets": [{"data": [1]}]}, '
        '"options": {"plugins": {"datalabels": {"formatter": function(v) { return v + "%"; }}}}}'
    )
    tree = parsed(text)
    assert tree["options"]["plugins"]["datalabels"]["formatter"].source == (
        'function(v) { return v + "%"; }'
    )


def test_docs_examples_math_dates_and_iifes() -> None:
    """Given the constructs QuickChart's docs use, when parsed, then each becomes data."""
    tree = parsed(
        """{
          type: 'line',
          data: {
            labels: [new Date('2020-06-14T16:08:20.288Z'), new Date(0), new Date('nonsense')],
            datasets: [{
              data: (() => {
                const out = [];
                for (let i = 0; i < 4; i++) out.push(i * i);
                return out;
              })(),
              angle: Math.PI,
              big: 2 ** 60,
              bad: [NaN, Infinity, -Infinity, undefined, -0],
              gone: undefined,
              typed: new Float64Array([0.5, 1.5]),
            }],
          },
        };"""
    )
    assert tree["data"]["labels"] == ["2020-06-14T16:08:20.288Z", "1970-01-01T00:00:00.000Z", None]
    dataset = tree["data"]["datasets"][0]
    assert dataset["data"] == [0, 1, 4, 9]
    assert dataset["angle"] == pytest.approx(3.141592653589793)
    assert dataset["big"] == 2.0**60 and isinstance(dataset["big"], float)
    assert dataset["bad"] == [None, None, None, None, 0]
    assert "gone" not in dataset
    assert dataset["typed"] == [0.5, 1.5]


def test_helpers_give_markers_the_drawing_side_reads() -> None:
    """QuickChart's getGradientFillHelper / getGradientFill / pattern.draw give marker dicts."""
    tree = parsed(
        """{type: 'bar', data: {datasets: [
          {backgroundColor: getGradientFillHelper('vertical', ['#36a2eb', '#a336eb', '#eb3639'])},
          {backgroundColor: getGradientFillHelper('both', ['red', 'blue'], {width: 100})},
          {backgroundColor: getGradientFill(
            [{offset: 0, color: 'red'}, {offset: 1, color: 'blue'}], [0, 0, 50, 60])},
          {backgroundColor: pattern.draw('diagonal', '#1f77b4')},
          {backgroundColor: pattern.draw('dot', 'red', 'white', 500)},
        ]}}"""
    )
    colors = [d["backgroundColor"] for d in tree["data"]["datasets"]]
    assert colors[0] == {
        "$gradient": {
            "type": "linear",
            "stops": [
                {"offset": 0, "color": "#36a2eb"},
                {"offset": 0.5, "color": "#a336eb"},
                {"offset": 1, "color": "#eb3639"},
            ],
            "coords": [0, 0, 0, "height"],
        }
    }
    assert colors[1]["$gradient"]["coords"] == [0, 0, 100, "height"]
    assert colors[2]["$gradient"]["coords"] == [0, 0, 50, 60]
    assert colors[3] == {
        "$pattern": {
            "shape": "diagonal",
            "backgroundColor": "#1f77b4",
            "patternColor": None,
            "size": 20,
        }
    }
    assert colors[4]["$pattern"]["size"] == 200  # QuickChart's cap


def test_image_fill_is_refused_with_a_message_about_the_network() -> None:
    with pytest.raises(ConfigError, match="no network"):
        parse_config(
            "{type: 'bar', data: {datasets: [{backgroundColor: getImageFill('http://x/y.png')}]}}"
        )


# --- numbers, keys and the canonical text ---------------------------------------------------


def test_numbers_are_one_value_however_spelled() -> None:
    """5, 5.0, 5e0 and 50e-1 are one value in JS: one tree value and one key."""
    forms = ['{"v": 5}', '{"v": 5.0}', '{"v": 5e0}', "{v: 50e-1}", '{"v": 5.000}']
    trees = [parsed(text) for text in forms]
    assert all(tree == {"v": 5} and isinstance(tree["v"], int) for tree in trees)
    assert len({canonical_config(tree) for tree in trees}) == 1
    assert parsed('{"v": 1e400, "w": -1e400}') == {"v": None, "w": None}
    assert parsed('{"v": NaN}') == {"v": None}  # not JSON: through the sandbox, same rule
    assert canonical_config({"v": 0.1}) == '{"v":0.1}'
    assert canonical_config({"v": 2**60}) == '{"v":1.152921504606847e+18}'


def test_proto_keys_are_never_data_in_any_form() -> None:
    """`__proto__` sets the prototype in a JS literal; JSON and objects drop it to match."""
    js = parsed("{__proto__: {polluted: 1}, type: 'bar', ['__proto__']: 2}")
    as_json = parsed('{"__proto__": {"polluted": 1}, "type": "bar"}')
    as_object = config_from_object({"__proto__": {"polluted": 1}, "type": "bar"}).config
    assert js == as_json == as_object == {"type": "bar"}


def test_integer_like_keys_come_first_as_in_js() -> None:
    assert list(parsed('{"b": 1, "2": 2, "1": 3}')) == list(parsed("{b: 1, 2: 2, 1: 3}"))
    # only canonical array indexes move: "0:" and "01" are ordinary keys (found by hypothesis)
    as_json = parsed('{"0:": 1, "01": 2, "1": 3}')
    assert list(as_json) == list(parsed("{'0:': 1, '01': 2, 1: 3}")) == ["1", "0:", "01"]


def test_canonical_text_sorts_keys_and_never_confuses_a_string_with_a_function() -> None:
    source = "function (v) { return v; }"
    with_function = {"cb": JsFunction(source=source, ref=0), "a": 1}
    with_string = {"cb": source, "a": 1}
    assert canonical_config(with_function) == '{"a":1,"cb":function("function (v) { return v; }")}'
    assert canonical_config(with_function) != canonical_config(with_string)
    # a different function source is a different chart
    other = {"cb": JsFunction(source="function (v) { return v * 2; }", ref=0), "a": 1}
    assert canonical_config(other) != canonical_config(with_function)


def test_function_paths_name_every_callback() -> None:
    tree = parsed(STRINGIFY_COMPACT)
    assert function_paths(tree) == [
        "options.scales.yAxes[0].ticks.callback",
        "options.plugins.datalabels.formatter",
    ]
    assert function_paths(parsed("{'a-b': [0, {c: () => 1}]}")) == ['["a-b"][1].c']


scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**53), max_value=2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8)
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.text(max_size=6).filter(lambda k: k != "__proto__"), children, max_size=4
        )
    ),
    max_leaves=20,
)


def js_literal(value: object) -> str:
    """The value as JS source the way javascript-stringify writes it: single quotes, keys
    unquoted where they can be."""
    if isinstance(value, dict):
        items = []
        for key, item in value.items():
            name = key if key.isidentifier() and key.isascii() else js_literal(key)
            items.append(f"{name}:{js_literal(item)}")
        return "{" + ",".join(items) + "}"
    if isinstance(value, list):
        # a trailing comma too, except in [] where `[,]` would be an array with one hole
        return "[" + "".join(js_literal(v) + "," for v in value) + "]"
    if isinstance(value, str):
        return "'" + json.dumps(value)[1:-1].replace("'", "\\'") + "'"
    return json.dumps(value)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(st.text(max_size=6).filter(lambda k: k != "__proto__"), json_values, max_size=5)
)
def test_any_json_config_has_one_key_as_json_js_literal_and_object(value: dict) -> None:
    """Property: JSON text, the JS literal of it and the object itself give one canonical text."""
    from_object = canonical_config(config_from_object(value).config)
    assert canonical_config(parsed(json.dumps(value))) == from_object
    assert canonical_config(parsed(js_literal(value))) == from_object


# --- limits of the tree (no engine involved) -------------------------------------------------


def test_text_longer_than_the_limit_is_refused_before_parsing() -> None:
    with pytest.raises(ConfigError, match=f"at most {MAX_TEXT_CHARS}"):
        parse_config('{"a": "' + "x" * MAX_TEXT_CHARS + '"}')


@pytest.mark.parametrize(
    "text",
    ["", "   ", "[1, 2]", '"bar"', "42", "null"],
)
def test_a_config_must_be_an_object(text: str) -> None:
    with pytest.raises(ConfigError, match=r"object|empty"):
        parse_config(text)


def test_objects_too_deep_too_big_or_cyclic_are_refused() -> None:
    deep: dict = {}
    node = deep
    for _ in range(MAX_DEPTH + 1):
        node["a"] = {}
        node = node["a"]
    with pytest.raises(ConfigError, match="nested deeper"):
        config_from_object(deep)
    with pytest.raises(ConfigError, match=f"more than {MAX_NODES} values"):
        config_from_object({"data": list(range(MAX_NODES))})
    cyclic: dict = {"type": "bar"}
    cyclic["self"] = cyclic
    with pytest.raises(ConfigError, match="cyclic"):
        config_from_object(cyclic)
    with pytest.raises(ConfigError, match="not text"):
        config_from_object({1: 2})
    with pytest.raises(ConfigError, match="allowed"):
        config_from_object({"a": object()})


def test_deep_json_is_refused_not_a_recursion_error() -> None:
    with pytest.raises(ConfigError, match="nested deeper"):
        parse_config("[" * 100_000 + "]" * 100_000)
    with pytest.raises(ConfigError, match="nested deeper"):
        parse_config('{"a":' * 60 + "1" + "}" * 60)


# --- callbacks -----------------------------------------------------------------------------


def test_callbacks_get_args_this_and_closures_over_iife_helpers() -> None:
    """Given a config whose IIFE builds a formatter, when its callbacks are called with
    arguments and `this`, then they see all three."""
    text = """(() => {
      const money = (v) => '$' + v.toFixed(2);
      let calls = 0;
      return {
        type: 'bar',
        data: {labels: ['Q1', 'Q2'], datasets: [{data: [1, 2]}]},
        options: {
          scales: {y: {ticks: {callback: function (value, index, ticks) {
            calls += 1;
            return money(value) + ' ' + this.getLabelForValue(index) + ' ' + ticks.length
              + ' ' + calls;
          }}}},
          plugins: {datalabels: {formatter: (value, ctx) =>
            ctx.chart.data.labels[ctx.dataIndex] + ': ' + value + ' of '
              + ctx.dataset.data.length}},
        },
      };
    })()"""
    with parse_config(text) as config:
        callback = config.config["options"]["scales"]["y"]["ticks"]["callback"]
        ticks = [{"value": 0}, {"value": 1}]
        this = Scale(labels=["Q1", "Q2"], properties={"id": "y"})
        assert config.call(callback, [1.5, 1, ticks], this) == "$1.50 Q2 2 1"
        assert config.call(callback, [3, 0, ticks], this) == "$3.00 Q1 2 2"  # state kept
        formatter = config.config["options"]["plugins"]["datalabels"]["formatter"]
        context = {
            "chart": {"data": ConfigRef(("data",))},
            "dataIndex": 1,
            "dataset": ConfigRef(("data", "datasets", 0)),
        }
        assert config.call(formatter, [2, context]) == "Q2: 2 of 2"


def test_callback_results_become_tree_values() -> None:
    with parse_config(
        "{a: () => ['line 1', 2, undefined, new Date(0)], b: () => undefined, c: () => (x) => x}"
    ) as config:
        assert config.call(config.config["a"], []) == [
            "line 1",
            2,
            None,
            "1970-01-01T00:00:00.000Z",
        ]
        assert config.call(config.config["b"], []) is None
        returned = config.call(config.config["c"], [])
        assert isinstance(returned, JsFunction) and returned.source == "(x) => x"
        assert config.call(returned, ["back"]) == "back"


def test_a_function_of_another_config_is_refused() -> None:
    with (
        parse_config("{f: () => 1}") as first,
        parse_config("{g: () => 2}") as second,
        pytest.raises(ConfigError, match="not a function of this config"),
    ):
        second.call(first.config["f"], [])
    json_config = parse_config('{"type": "bar"}')
    with pytest.raises(ConfigError, match="not a function of this config"):
        json_config.call(JsFunction(source="() => 1", ref=0), [])


def test_a_callback_that_throws_gives_a_config_error() -> None:
    with (
        parse_config("{f: (v) => v.nope.deeper}") as config,
        pytest.raises(ConfigError, match="threw TypeError"),
    ):
        config.call(config.config["f"], [1])


def test_a_closed_config_cannot_call_back() -> None:
    config = parse_config("{f: () => 1}")
    fn = config.config["f"]
    config.close()
    with pytest.raises(ConfigError, match=r"not a function of this config|closed"):
        config.call(fn, [])


def test_a_js_config_without_functions_holds_no_context() -> None:
    config = parse_config("{type: 'bar', data: {labels: ['a']}}")
    assert isinstance(config, EvaluatedConfig)
    assert config.memory() == {}


# --- Intl and toLocaleString ---------------------------------------------------------------

INTL_CASES = json.loads((HERE / "intl_number_format_node20.json").read_text(encoding="utf-8"))


def test_number_formatting_matches_node_icu_for_common_locales() -> None:
    """Given 1,729 (locale, options, value) cases with Node 20's ICU output, when formatted in
    the sandbox by a callback, then every one matches."""
    cases = INTL_CASES["cases"]
    text = """{f: (cases) => cases.map(([l, o, v]) => {
        v = v === 'NaN' ? NaN : v === '-Infinity' ? -Infinity : v;
        if (l === 'TLS') return o === null ? v.toLocaleString() : v.toLocaleString(o);
        return new Intl.NumberFormat(l, o === null ? undefined : o).format(v);
    })}"""
    with parse_config(text) as config:
        got = config.call(config.config["f"], [[case[:3] for case in cases]])
    mismatches = [(case, out) for case, out in zip(cases, got, strict=True) if case[3] != out]
    assert not mismatches, mismatches[:10]
    locales = {case[0] for case in cases if isinstance(case[0], str)}
    assert {
        "en-US",
        "en-GB",
        "de-DE",
        "fr-FR",
        "es-ES",
        "it-IT",
        "pt-BR",
        "ja-JP",
        "zh-CN",
        "ru-RU",
        "hi-IN",
    } <= locales


# --- the engine loads only for JavaScript --------------------------------------------------


def run_python(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO_ROOT / "function",
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return result.stdout.strip()


ENGINE_MODULES = "sorted(m for m in sys.modules if m in {'quickjs', '_quickjs'})"


def test_the_app_and_the_lambda_entry_do_not_load_the_engine() -> None:
    """Cold start stays as it was: importing the app or the Lambda entry loads no QuickJS."""
    out = run_python(
        f"import sys; import chartfn.app, chartfn.lambda_handler; print({ENGINE_MODULES})"
    )
    assert out == "[]"


def test_json_configs_never_load_the_engine_and_javascript_does() -> None:
    out = run_python(
        "import sys; from chartfn.chartjs.config import parse_config; "
        'parse_config(\'{"type": "bar", "data": {"labels": [1]}}\'); '
        f"print({ENGINE_MODULES}); parse_config(\"{{type: 'bar'}}\"); print({ENGINE_MODULES})"
    )
    assert out.splitlines() == ["[]", "['_quickjs']"]
