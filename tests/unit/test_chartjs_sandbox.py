"""Hostile JavaScript in configs (chartfn.chartjs.sandbox): every case is a ConfigError in
bounded time, and the next ordinary config works right after, on the same worker thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from chartfn.chartjs.config import ConfigError, EvaluatedConfig, JsFunction, parse_config
from chartfn.chartjs.sandbox import SandboxLimits, SandboxPool

# Seconds. Not a benchmark: a guard against a hang, loose enough for a loaded 2-core machine.
# Measured times are in notes/i11-sandbox.md (benchmarks/chartjs_hostile.py).
HANG = 120.0
BIG = 2**32 - 1
HUGE = 2**53 - 1

NORMAL = "{type: 'bar', data: {labels: ['a', 'b'], datasets: [{data: [1, 2]}]}, f: (v) => v + 1}"

# (id, config text, what the message must say)
HOSTILE_AT_PARSE: list[tuple[str, str, str]] = [
    ("endless loop", "(() => { while (true) {} })()", "time budget"),
    ("endless for", "{type: 'bar', data: (function () { for (;;) {} })()}", "time budget"),
    ("async endless loop", "(async () => { while (true) {} })()", "time budget"),
    ("regex backtracking", "{a: /(a+)+$/.test('a'.repeat(40) + 'b')}", "time budget"),
    ("huge string", "{a: 'x'.repeat(1e9)}", "memory"),
    ("string doubling", "(() => { let s = 'x'; for (;;) s += s; })()", "threw|memory"),
    ("string over the text cap", "{a: 'x'.repeat(3e6)}", "characters of text"),
    ("huge array fill", "{a: new Array(1e9).fill(0)}", "limit"),
    ("array growing forever", "(() => { const a = []; for (;;) a.push(0); })()", "memory"),
    ("1e7 elements", "{data: Array.from({length: 1e7}, (_, i) => i)}", "memory"),
    ("3e5 elements", "{data: Array.from({length: 3e5}, (_, i) => i)}", "250000 values"),
    ("deep [ text", "[" * 100_000 + "x" + "]" * 100_000, "deeply|nested deeper"),
    ("deep [ text, not JSON at once", "x[" + "[" * 100_000 + "]" * 100_000 + "]", "deeply"),
    ("deep {a: text", "{a:" * 50_000 + "1" + "}" * 50_000, "deeply"),
    (
        "deep object built",
        "(() => { const r = {}; let o = r;"
        " for (let i = 0; i < 1e5; i++) o = o.a = {}; return r; })()",
        "nested deeper than 48",
    ),
    ("recursion", "(function f() { return f() + 1; })()", "deeply"),
    ("mutual recursion", "(() => { const a = () => b(), b = () => a(); return a(); })()", "deeply"),
    ("constructor escape", "this.constructor.constructor('return process')()", "process"),
    ("require", "require('fs')", "require is not defined"),
    ("dynamic import", "import('os')", "Promise"),
    ("dynamic import in data", "{type: 'bar', data: import('/etc/passwd')}", "Promise"),
    ("static import", "import os from 'os'", "neither JSON"),
    ("getter throws", "{get type() { throw new Error('boom'); }}", "Error: boom"),
    ("getter loops", "{get type() { while (true) {} }}", "time budget"),
    ("proxy trap loops", "new Proxy({}, {ownKeys() { while (true) {} }})", "time budget"),
    (
        "revoked proxy",
        "(() => { const p = Proxy.revocable({}, {}); p.revoke(); return {a: p.proxy}; })()",
        "TypeError",
    ),
    ("symbol value", "{type: Symbol('bar')}", "Symbol"),
    ("bigint value", "{type: 'bar', n: 10n}", "BigInt"),
    ("map value", "{type: 'bar', m: new Map([[1, 2]])}", "Map"),
    ("cyclic", "(() => { const a = {type: 'bar'}; a.self = a; return a; })()", "cyclic"),
    ("cyclic array", "(() => { const a = [1]; a.push(a); return {a}; })()", "cyclic"),
    # 2**41 leaves through shared subtrees: the value cap stops the walk after 250,000 visits,
    # unless the CPU budget (process-wide clock, so other busy threads count) runs out first
    (
        "shared subtree bomb",
        "(() => { let x = [1, 2]; for (let i = 0; i < 40; i++) x = [x, x]; return {x}; })()",
        "250000 values|time budget",
    ),
    (
        "deep shared subtree bomb",
        "(() => { let x = [1, 2]; for (let i = 0; i < 60; i++) x = [x, x]; return {x}; })()",
        "nested deeper than 48",
    ),
    # the binding turns an escaping exception into text outside the time limit: these hung
    # before the dispatcher caught everything and the Error machinery was frozen
    (
        "throw object with looping toString",
        "(() => { throw {toString() { while (true) {} }}; })()",
        "threw",
    ),
    (
        "Error.prototype.toString loops",
        "(() => { Error.prototype.toString = () => { while (true) {} }; null.x; })()",
        "TypeError",
    ),
    (
        "Error.prototype.stack getter loops",
        "(() => { Object.defineProperty(Error.prototype, 'stack', {get() { while (true) {} }});"
        " null.x; })()",
        "TypeError",
    ),
    (
        "Object.prototype hooks loop, then interrupt",
        "(() => { Object.prototype[Symbol.toPrimitive] = () => { while (true) {} };"
        " Object.defineProperty(Object.prototype, 'stack', {get() { while (true) {} }});"
        " Object.defineProperty(Object.prototype, 'name', {get() { while (true) {} }});"
        " while (true) {} })()",
        "time budget",
    ),
    (
        "Error.prototype.toString loops, then interrupt",
        "(() => { Error.prototype.toString = () => { while (true) {} }; while (true) {} })()",
        "time budget",
    ),
    (
        "InternalError.prototype hooks loop, then interrupt",
        "(() => { InternalError.prototype.toString = () => { while (true) {} };"
        " InternalError.prototype.name = {toString() { while (true) {} }};"
        " while (true) {} })()",
        "time budget",
    ),
    (
        "prepareStackTrace loops",
        "(() => { Error.prepareStackTrace = () => { while (true) {} }; while (true) {} })()",
        "time budget",
    ),
    # Array builtins that loop in C without interrupt checks: seconds to minutes on holes
    ("join of holes", f"{{a: new Array({BIG}).join('')}}", "limit"),
    ("sort of holes", f"{{a: new Array({BIG}).sort().length}}", "limit"),
    ("reverse of holes", f"{{a: new Array({BIG}).reverse().length}}", "limit"),
    ("concat of holes", f"{{a: [].concat(new Array({BIG})).length}}", "limit"),
    ("flat of nested holes", f"{{a: [[new Array({BIG})]].flat(2).length}}", "limit"),
    ("flatMap to holes", f"{{a: [1].flatMap(() => new Array({BIG})).length}}", "limit"),
    ("String() of holes", f"{{a: String(new Array({BIG}))}}", "limit"),
    ("template of holes", f"{{a: `${{new Array({BIG})}}`}}", "limit"),
    ("join of an array-like", f"{{a: Array.prototype.join.call({{length: {HUGE}}})}}", "limit"),
    (
        "copyWithin of an array-like",
        f"{{a: Array.prototype.copyWithin.call({{length: {HUGE}}}, 0, 1)}}",
        "limit",
    ),
    (
        "unshift of an array-like",
        f"{{a: Array.prototype.unshift.call({{length: {HUGE - 1}}}, 1)}}",
        "limit",
    ),
    ("typed array from array-like", "{a: new Uint8Array({length: 6e7}).length}", "limit"),
    ("TypedArray.from array-like", "{a: Float64Array.from({length: 6e7}).length}", "limit"),
    (
        "Atomics.wait",
        "{a: Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0)}",
        "not defined",
    ),
    ("JSON.stringify of holes", f"{{a: JSON.stringify(new Array({BIG})).length}}", "memory"),
    ("split to 5e7 strings", "{a: 'a'.repeat(5e7).split('').length}", "memory"),
]


@pytest.fixture(scope="module")
def pool() -> Iterator[SandboxPool]:
    """One worker: the ordinary config after each hostile one runs on the very same thread."""
    pool = SandboxPool(threads=1)
    yield pool
    pool.close()


def assert_still_serves(pool: SandboxPool) -> None:
    with parse_config(NORMAL, pool=pool) as config:
        assert config.config["data"]["datasets"][0]["data"] == [1, 2]
        assert config.call(config.config["f"], [41]) == 42


@pytest.mark.parametrize(
    ("text", "says"), [c[1:] for c in HOSTILE_AT_PARSE], ids=[c[0] for c in HOSTILE_AT_PARSE]
)
def test_hostile_config_is_a_config_error_and_the_worker_keeps_serving(
    pool: SandboxPool, text: str, says: str
) -> None:
    """Given hostile config text, when parsed, then ConfigError saying why, in bounded time,
    and an ordinary config parses and calls back on the same worker right after."""
    start = time.monotonic()
    with pytest.raises(ConfigError, match=says):
        parse_config(text, pool=pool).close()
    assert time.monotonic() - start < HANG
    assert_still_serves(pool)


def test_nothing_of_the_host_is_reachable(pool: SandboxPool) -> None:
    """Given a config that looks for host objects through Function, when evaluated, then the
    sandbox has none of them: no process, require, std/os modules, console, print, fetch."""
    names = [
        "process",
        "require",
        "module",
        "std",
        "os",
        "scriptArgs",
        "print",
        "console",
        "fetch",
        "XMLHttpRequest",
        "setTimeout",
        "Deno",
        "Bun",
        "WebAssembly",
        "Atomics",
        "SharedArrayBuffer",
        "WeakRef",
        "FinalizationRegistry",
    ]
    probes = ", ".join(f"{name}: F('return typeof {name}')()" for name in names)
    text = f"(() => {{ const F = this.constructor.constructor; return {{{probes}}}; }})()"
    with parse_config(text, pool=pool) as config:
        assert config.config == dict.fromkeys(names, "undefined")


def test_no_prototype_pollution_reaches_a_later_config(pool: SandboxPool) -> None:
    """Given a config that pollutes Object.prototype and Array.prototype, when the next config
    is evaluated, then it sees none of it (a fresh context each time)."""
    polluter = (
        "(() => { Object.prototype.polluted = 'yes'; Array.prototype.extra = 1;"
        " Object.prototype.toJSON = () => 'hijacked'; return {type: 'bar', __proto__: {x: 1}}; })()"
    )
    with parse_config(polluter, pool=pool) as config:
        assert config.config == {"type": "bar"}  # not hijacked, no __proto__, no inherited x
    with parse_config(
        "{type: 'bar', p: ({}).polluted, q: [].extra, r: typeof Object.prototype.toJSON}",
        pool=pool,
    ) as config:
        assert config.config == {"type": "bar", "r": "undefined"}


def test_symbol_keys_are_ignored(pool: SandboxPool) -> None:
    with parse_config("{type: 'bar', [Symbol('x')]: 1, [Symbol.iterator]: 2}", pool=pool) as c:
        assert c.config == {"type": "bar"}


def test_a_plain_proxy_is_read_like_its_target(pool: SandboxPool) -> None:
    with parse_config("new Proxy({type: 'bar', data: {labels: [1]}}, {})", pool=pool) as c:
        assert c.config == {"type": "bar", "data": {"labels": [1]}}


HOSTILE_CALLBACKS: list[tuple[str, str, str]] = [
    ("endless loop", "() => { while (true) {} }", "time budget"),
    ("recursion", "function f() { return f(); }", "deeply"),
    ("huge string", "() => 'x'.repeat(1e9)", "memory"),
    ("huge result", "() => Array.from({length: 3e5}, (_, i) => i)", "250000 values"),
    ("throws", "(v) => { throw new TypeError('bad ' + v); }", "TypeError: bad 7"),
    ("throws a looping object", "() => { throw {toString() { while (true) {} }}; }", "threw"),
    ("returns a cycle", "() => { const a = {}; a.a = a; return a; }", "cyclic"),
    ("join of holes", f"() => new Array({BIG}).join()", "limit"),
]


@pytest.mark.parametrize(
    ("source", "says"), [c[1:] for c in HOSTILE_CALLBACKS], ids=[c[0] for c in HOSTILE_CALLBACKS]
)
def test_hostile_callback_is_a_config_error_and_the_worker_keeps_serving(
    pool: SandboxPool, source: str, says: str
) -> None:
    """Given a config whose callback misbehaves, when called, then ConfigError, and the same
    worker serves an ordinary config right after."""
    with parse_config(f"{{type: 'bar', cb: {source}}}", pool=pool) as config:
        start = time.monotonic()
        with pytest.raises(ConfigError, match=says):
            config.call(config.config["cb"], [7])
        assert time.monotonic() - start < HANG
    assert_still_serves(pool)


def call_until_error(
    config: EvaluatedConfig, fn: JsFunction, most: int
) -> tuple[int, Exception | None]:
    for calls in range(1, most + 1):
        try:
            config.call(fn, [])
        except ConfigError as exc:
            return calls, exc
    return most, None


def test_the_time_budget_is_shared_by_parse_and_every_callback() -> None:
    """Given callbacks that each take a slice of the budget, when called again and again, then
    they stop with ConfigError once the config's budget is spent (a count bounds the work)."""
    pool = SandboxPool(threads=1, limits=SandboxLimits(time_budget=0.2))
    try:
        text = "{cb: () => { let s = 0; for (let i = 0; i < 2e5; i++) s += i; return s; }}"
        with parse_config(text, pool=pool) as config:
            calls, error = call_until_error(config, config.config["cb"], 2_000)
        assert error is not None and "time budget" in str(error)
        assert 1 < calls < 2_000
        assert_still_serves(pool)
    finally:
        pool.close()


def test_a_worker_that_stops_answering_is_replaced() -> None:
    """Given a wall-clock limit far below the CPU budget (standing in for a builtin that loops in
    C), when a config runs past it, then ConfigError, and a new worker serves the next one."""
    pool = SandboxPool(threads=1, limits=SandboxLimits(time_budget=5.0, wall_timeout=0.2))
    try:
        with pytest.raises(ConfigError, match="given up on and replaced"):
            parse_config(
                "(() => { const t = Date.now(); while (Date.now() - t < 1500) {} })()", pool=pool
            )
        # the next one goes to a fresh worker, while the old one finishes and exits
        relaxed = SandboxLimits(time_budget=5.0, wall_timeout=HANG)
        object.__setattr__(pool, "limits", relaxed)
        assert_still_serves(pool)
    finally:
        pool.close()


def test_callbacks_from_many_threads_run_on_the_owning_worker() -> None:
    """Given one config called back from 8 threads at once, when all finish, then every answer
    is right (QuickJS crashes if two threads touch one runtime, so all calls hop to its worker)."""
    pool = SandboxPool(threads=2)
    try:
        with parse_config(
            "(() => { let n = 0;"
            " return {cb: (v) => { n += 1; return v * 2; }, count: () => n}; })()",
            pool=pool,
        ) as config:
            results: dict[int, object] = {}
            errors: list[BaseException] = []

            def work(k: int) -> None:
                try:
                    for i in range(50):
                        results[k * 1000 + i] = config.call(config.config["cb"], [k * 1000 + i])
                except BaseException as exc:  # collected for the assertion below
                    errors.append(exc)

            threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(HANG)
            assert not errors
            assert results == {key: key * 2 for key in results}
            assert len(results) == 400
            assert config.call(config.config["count"], []) == 400
    finally:
        pool.close()


def test_a_context_is_freed_when_its_config_is_closed(pool: SandboxPool) -> None:
    """Given a config holding a 20 MB string for its callback, when closed, then its context is
    gone (its memory accounting empty), and many such configs in a row do not pile up."""
    text = "(() => { const big = 'x'.repeat(2e7); return {type: 'bar', cb: () => big.length}; })()"
    for _ in range(10):  # 10 x 20 MB would be over the 64 MB cap if contexts were shared
        config = parse_config(text, pool=pool)
        assert config.memory()["malloc_size"] > 20_000_000
        assert config.call(config.config["cb"], []) == 20_000_000
        config.close()
        assert config.memory() == {}
    assert_still_serves(pool)
