"""Chart.js configs as text (JSON, JSON5, JavaScript) or objects, turned into a plain tree.

The tree (``ChartConfig``) holds dicts, lists, str, int, float, bool, None and ``JsFunction``.
Rules, the same whichever way a config arrives:

- Numbers: an integral value of magnitude up to 2**53 is an ``int`` (JS has one number type,
  so ``5``, ``5.0`` and ``5e0`` are the same value), anything else a ``float``; NaN and
  ±Infinity become ``None``, as JSON.stringify makes them and as Chart.js draws them (a gap).
- Dates (``new Date(...)``) become ISO 8601 text in UTC (``2020-06-14T16:08:20.288Z``), as
  JSON.stringify writes them; an invalid Date becomes ``None``. Chart.js time scales read both.
- ``undefined`` is dropped from objects and is ``None`` in arrays; typed arrays become lists.
- A ``__proto__`` key is never data: in a JS literal it sets the prototype, so it is dropped.
- Functions become ``JsFunction`` (source verbatim, as Function.prototype.toString gives it).
- QuickChart's helpers give markers, plain dicts with a reserved key that the drawing side
  reads (and must validate, since a JSON config can spell them too):
  ``getGradientFill(stops, [x0, y0, x1, y1])`` and ``getGradientFillHelper(direction, colors,
  dimensions)`` give ``{"$gradient": {"type": "linear", "stops": [{"offset": 0, "color":
  "#36a2eb"}, ...], "coords": [x0, y0, x1, y1]}}`` where a coordinate may be the text
  ``"width"`` or ``"height"``, the chart's size in CSS pixels; ``pattern.draw(shape,
  backgroundColor, patternColor, size)`` gives ``{"$pattern": {"shape": ..., "backgroundColor":
  ..., "patternColor": ..., "size": 20}}``. ``getImageFill`` (and anything that would fetch a
  URL) throws: there is no network.

Limits: text up to ``MAX_TEXT_CHARS`` characters; a tree up to ``MAX_DEPTH`` levels deep, with
up to ``MAX_NODES`` values and ``MAX_TEXT_IN_CONFIG`` characters of strings. Past any of them,
and for anything else that is not a usable config, ``ConfigError``.

Strict JSON is read with ``json.loads`` and never loads the JavaScript engine; anything else
is evaluated, as QuickChart does (``new Function('return ' + text)``), in the sandbox
(``chartfn.chartjs.sandbox``), never in this process's Python or in a JS engine with access to
the host.
"""

from __future__ import annotations

import json
import math
import re
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from chartfn.models.numbers import shortest_form

if TYPE_CHECKING:
    from chartfn.chartjs.sandbox import SandboxPool, Session

# A config in a URL is at most a few kB (API Gateway's edge limit is about 8 kB); a POSTed one
# can carry data: 1 MB as for POSTed chartfn specs, the same order as a Lambda payload.
MAX_TEXT_CHARS = 1_000_000
# Chart.js configs nest about 8 deep (options.plugins.datalabels.font.size); 48 leaves room.
MAX_DEPTH = 48
# chartfn's own specs allow 50,000 points; {x, y} points count three values each.
MAX_NODES = 250_000
MAX_TEXT_IN_CONFIG = 2_000_000

_SAFE_INTEGER = 2**53


class ConfigError(ValueError):
    """A config we cannot use. The message says what was wrong and what is allowed."""


@dataclass(frozen=True)
class JsFunction:
    """A function of a config: its source, verbatim, and a handle to call it in its sandbox.

    Equal (and hashed) by source only: the same config parsed twice gives equal trees.
    """

    source: str
    ref: int = field(compare=False, hash=False)


@dataclass(frozen=True)
class ConfigRef:
    """An argument for ``EvaluatedConfig.call`` that stands for a part of the config as it
    lives in the sandbox (``ConfigRef(("data",))`` is ``config.data``), so that a callback
    called per tick gets ``ctx.chart.data`` without the data being copied in every time."""

    path: tuple[str | int, ...] = ()


@dataclass(frozen=True)
class Scale:
    """A ``this`` (or argument) for tick callbacks: an object with ``properties`` plus Chart.js's
    ``getLabelForValue(value)`` (the label at that index if ``labels`` are given, else the
    number formatted as en-US) and ``getLabels()``."""

    labels: Sequence[Any] | None = None
    properties: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Shared:
    """In a row of ``EvaluatedConfig.call_each``: the ``index``-th shared value."""

    index: int


ChartConfig = dict[str, Any]


class EvaluatedConfig:
    """A parsed config, and for a JavaScript one the sandbox context it was evaluated in.

    Callbacks run in that same context, so closures over helpers an IIFE computed work. Close it
    (or use it as a context manager) when the chart is drawn: that frees the context.
    """

    def __init__(
        self,
        config: ChartConfig,
        *,
        session: Session | None = None,
        sources: list[str] | None = None,
    ) -> None:
        self.config = config
        self._session = session
        self._sources = sources if sources is not None else []
        self._lock = threading.Lock()

    def _own_callback(self, fn: JsFunction) -> str:
        """How errors name ``fn``; ConfigError unless it is a function of this config (a tree
        from another config, or a forged reference, must not reach another session's code)."""
        what = f"the callback {_clip(fn.source, 60)!r}"
        if (
            self._session is None
            or not 0 <= fn.ref < len(self._sources)
            or self._sources[fn.ref] != fn.source
        ):
            raise ConfigError(f"{what} is not a function of this config")
        return what

    def call(self, fn: JsFunction, args: Sequence[Any] = (), this: Any = None) -> Any:
        """Call one of this config's functions with ``args`` and ``this`` (JSON-like values,
        ``JsFunction``, ``ConfigRef`` or ``Scale``); its result as a tree value (``None`` for
        undefined). ConfigError if it throws, runs out of its budget or is not of this config."""
        what = self._own_callback(fn)
        nonce = self._session.nonce
        payload = self._session.call(
            fn.ref,
            json.dumps([_to_js(a, nonce, self._sources) for a in args], allow_nan=False),
            json.dumps(_to_js(this, nonce, self._sources), allow_nan=False),
            _TREE_LIMITS,
            what,
        )
        with self._lock:
            return _decode(payload, nonce, self._sources)

    def call_each(
        self,
        fn: JsFunction,
        rows: Sequence[Sequence[Any]],
        this: Any = None,
        shared: Sequence[Any] = (),
    ) -> list[Any]:
        """``call`` for many argument lists in one round trip (``this`` is one object for all
        of them, as Chart.js calls a tick callback). ``Shared(k)`` in a row stands for
        ``shared[k]``, built once in the sandbox and passed to every call as the same object."""
        what = self._own_callback(fn)
        nonce = self._session.nonce
        batch = {
            "shared": [_to_js(v, nonce, self._sources) for v in shared],
            "rows": [[_to_js(a, nonce, self._sources) for a in row] for row in rows],
        }
        payload = self._session.call(
            fn.ref,
            json.dumps(batch, allow_nan=False),
            json.dumps(_to_js(this, nonce, self._sources), allow_nan=False),
            _TREE_LIMITS,
            what,
            op="each",
        )
        with self._lock:
            results = _decode(payload, nonce, self._sources)
        if not isinstance(results, list) or len(results) != len(rows):
            raise ConfigError("the sandbox gave an answer that is not a list of results")
        return results

    def memory(self) -> dict[str, int]:
        """The sandbox context's memory accounting ({} for a JSON config, which has none)."""
        return self._session.memory() if self._session is not None else {}

    def close(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            session.close()

    def __enter__(self) -> EvaluatedConfig:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --- text in -----------------------------------------------------------------------------------


class _NotStrictJSON(Exception):
    pass


def _number(text: str) -> int | float | None:
    value = float(text)
    if not math.isfinite(value):
        return None
    if value.is_integer() and abs(value) <= _SAFE_INTEGER:
        return int(value)
    return value


def _integer(text: str) -> int | float | None:
    value = int(text)
    return value if -_SAFE_INTEGER <= value <= _SAFE_INTEGER else _number(text)


def _reject_constant(name: str) -> None:
    raise _NotStrictJSON(name)


def parse_config(text: str, *, pool: SandboxPool | None = None) -> EvaluatedConfig:
    """The config in ``text``: JSON on a fast path, anything else evaluated in the sandbox."""
    if not isinstance(text, str):
        raise ConfigError("the config must be text (JSON or a JavaScript object literal)")
    if len(text) > MAX_TEXT_CHARS:
        raise ConfigError(
            f"the config is {len(text)} characters long (allowed: at most {MAX_TEXT_CHARS})"
        )
    if not text.strip():
        raise ConfigError("the config is empty (allowed: an object such as {type: 'bar', ...})")
    try:
        value = json.loads(
            text,
            parse_float=_number,
            parse_int=_number,
            parse_constant=_reject_constant,
            object_pairs_hook=_object_from_pairs,
        )
    except RecursionError:
        raise ConfigError(f"the config is nested deeper than {MAX_DEPTH} levels") from None
    except (ValueError, _NotStrictJSON):
        return _evaluate(text, pool)
    return config_from_object(value)


def config_from_object(value: object) -> EvaluatedConfig:
    """A config that arrived as an object (a POSTed ``chart``), under the same rules and limits
    as text; never touches the engine."""
    counter = _Counter()
    tree = _normalise(value, 0, "", counter, set())
    if not isinstance(tree, dict):
        raise ConfigError(
            f"the config must be an object such as {{type: 'bar', data: {{...}}}}, not "
            f"{_kind(tree)}"
        )
    return EvaluatedConfig(tree)


def _evaluate(text: str, pool: SandboxPool | None) -> EvaluatedConfig:
    from chartfn.chartjs import sandbox  # the engine loads on the first JS config only

    pool = pool or sandbox.default_pool()
    body = _strip_trailing_semicolons(text)
    session, outcome = pool.evaluate(body, _TREE_LIMITS)
    assert outcome.payload is not None
    sources: list[str] = []
    try:
        tree = _decode(outcome.payload, pool.nonce, sources)
    except BaseException:
        session.close()
        raise
    if not isinstance(tree, dict):
        session.close()
        raise ConfigError(
            f"the config must evaluate to an object such as {{type: 'bar', data: {{...}}}}, "
            f"not {_kind(tree)}"
        )
    if not sources:
        # nothing to call back: free the context now rather than when the chart is drawn
        session.close()
        return EvaluatedConfig(tree)
    return EvaluatedConfig(tree, session=session, sources=sources)


_TRAILING = re.compile(r"[\s;]+\Z")


def _strip_trailing_semicolons(text: str) -> str:
    # docs examples end in `;`, which `return (text)` would not parse
    return _TRAILING.sub("", text)


_TREE_LIMITS = json.dumps(
    {"maxDepth": MAX_DEPTH, "maxNodes": MAX_NODES, "maxChars": MAX_TEXT_IN_CONFIG}
)
_INDEX = re.compile(r"0|[1-9][0-9]{0,9}")


def _is_index(key: str) -> bool:
    return bool(_INDEX.fullmatch(key)) and int(key) < 2**32 - 1


def _object_from_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # JS orders integer-like keys first, ascending; `__proto__` is never data (module doc)
    result = {k: v for k, v in pairs if k != "__proto__"}
    if any(_is_index(k) for k in result):
        indexed = sorted((k for k in result if _is_index(k)), key=int)
        result = {k: result[k] for k in [*indexed, *(k for k in result if not _is_index(k))]}
    return result


def _decode(payload: str, nonce: str, sources: list[str]) -> Any:
    """The prelude's answer ``{"ok": tree}`` as a tree. A function arrives as
    ``{nonce: [ref, source]}``; ``sources`` grows by the new ones, so JsFunction.ref indexes it."""

    def hook(obj: dict[str, Any]) -> Any:
        if len(obj) == 1 and nonce in obj:
            entry = obj[nonce]
            if (
                not isinstance(entry, list)
                or len(entry) != 2
                or not isinstance(entry[0], int)
                or not isinstance(entry[1], str)
            ):
                raise ConfigError("the sandbox gave an answer that is not a config")
            ref, source = entry
            if ref == len(sources):
                sources.append(source)
            elif not 0 <= ref < len(sources) or sources[ref] != source:
                raise ConfigError("the sandbox gave an answer that is not a config")
            return JsFunction(source=source, ref=ref)
        return obj  # the prelude has dropped `__proto__` already

    try:
        # JSON.stringify writes no -0, NaN or 5.0: only integers need a look (past 2**53 a JS
        # integer is a float, as on the JSON path)
        answer = json.loads(payload, parse_int=_integer, object_hook=hook)
    except RecursionError:
        raise ConfigError(f"the config is nested deeper than {MAX_DEPTH} levels") from None
    if not isinstance(answer, dict) or "ok" not in answer:
        raise ConfigError("the sandbox gave an answer that is not a config")
    return answer["ok"]


class _Counter:
    def __init__(self) -> None:
        self.nodes = 0
        self.chars = 0

    def count(self, chars: int = 0) -> None:
        self.nodes += 1
        self.chars += chars
        if self.nodes > MAX_NODES:
            raise ConfigError(
                f"the config has more than {MAX_NODES} values (arrays and objects count each "
                f"element)"
            )
        if self.chars > MAX_TEXT_IN_CONFIG:
            raise ConfigError(f"the config holds more than {MAX_TEXT_IN_CONFIG} characters of text")


def _normalise(value: object, depth: int, path: str, counter: _Counter, ancestors: set[int]) -> Any:
    if isinstance(value, str):
        counter.count(len(value))
        return value
    counter.count()
    if value is None or isinstance(value, bool | JsFunction):
        return value
    if isinstance(value, int):
        return value if abs(value) <= _SAFE_INTEGER else _number(repr(float(value)))
    if isinstance(value, float):
        return _number(repr(value)) if math.isfinite(value) else None
    if not isinstance(value, dict | list | tuple):
        raise ConfigError(
            f"{_where(path)} is {_kind(value)} (allowed: objects, arrays, strings, numbers, "
            f"booleans, null)"
        )
    if depth >= MAX_DEPTH:
        raise ConfigError(f"{_where(path)} is nested deeper than {MAX_DEPTH} levels")
    if id(value) in ancestors:
        raise ConfigError(f"{_where(path)} refers back to an object that contains it (cyclic)")
    ancestors.add(id(value))
    try:
        if isinstance(value, dict):
            out: dict[str, Any] = {}
            for key, item in value.items():
                if not isinstance(key, str):
                    raise ConfigError(f"{_where(path)} has a key that is not text: {key!r}")
                counter.chars += len(key)
                out[key] = _normalise(item, depth + 1, _child(path, key), counter, ancestors)
            return _object_from_pairs(list(out.items()))
        return [
            _normalise(item, depth + 1, _child(path, i), counter, ancestors)
            for i, item in enumerate(value)
        ]
    finally:
        ancestors.discard(id(value))


# --- Python values into a callback -------------------------------------------------------------


def _to_js(value: Any, nonce: str, sources: list[str], depth: int = 0) -> Any:
    if depth > MAX_DEPTH:
        raise ConfigError(f"a callback argument is nested deeper than {MAX_DEPTH} levels")
    if isinstance(value, JsFunction):
        if not 0 <= value.ref < len(sources) or sources[value.ref] != value.source:
            raise ConfigError("a callback argument is a function of another config")
        return {nonce: ["fn", value.ref]}
    if isinstance(value, ConfigRef):
        return {nonce: ["config", list(value.path)]}
    if isinstance(value, Shared):
        return {nonce: ["shared", value.index]}
    if isinstance(value, Scale):
        spec = {
            "labels": None if value.labels is None else _to_js(list(value.labels), nonce, sources),
            "properties": _to_js(value.properties, nonce, sources, depth + 1),
        }
        return {nonce: ["scale", spec]}
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {str(k): _to_js(v, nonce, sources, depth + 1) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_to_js(v, nonce, sources, depth + 1) for v in value]
    return value


# --- text out ----------------------------------------------------------------------------------


def canonical_config(config: ChartConfig) -> str:
    """Deterministic text for cache keys: keys sorted, numbers in their shortest form, functions
    as their verbatim source. The same config as JSON, JS literal or a POSTed object gives the
    same text; it is not JSON (a function is written ``function("<source>")``, which no JSON
    value can be, so a string can never pass for a function)."""
    parts: list[str] = []
    _write(config, parts, 0)
    return "".join(parts)


def _number_text(value: int | float) -> str:
    if isinstance(value, int) and abs(value) <= _SAFE_INTEGER:
        return str(value)
    number = float(value)
    if not math.isfinite(number):
        return "null"
    if number.is_integer() and abs(number) <= _SAFE_INTEGER:
        return str(int(number))
    return shortest_form(number)


def _write(value: Any, parts: list[str], depth: int) -> None:
    if depth > MAX_DEPTH + 1:
        raise ConfigError(f"the config is nested deeper than {MAX_DEPTH} levels")
    if value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif isinstance(value, int | float):
        parts.append(_number_text(value))
    elif isinstance(value, str):
        parts.append(json.dumps(value))
    elif isinstance(value, JsFunction):
        parts.append("function(" + json.dumps(value.source) + ")")
    elif isinstance(value, dict):
        parts.append("{")
        first = True
        for key in sorted(value):
            if key == "__proto__":
                continue
            if not first:
                parts.append(",")
            first = False
            parts.append(json.dumps(key))
            parts.append(":")
            _write(value[key], parts, depth + 1)
        parts.append("}")
    elif isinstance(value, list | tuple):
        parts.append("[")
        for i, item in enumerate(value):
            if i:
                parts.append(",")
            _write(item, parts, depth + 1)
        parts.append("]")
    else:
        raise ConfigError(f"the config holds {_kind(value)}, which is not a config value")


def function_paths(config: ChartConfig) -> list[str]:
    """Where the config's functions are, as ``options.scales.y.ticks.callback`` or
    ``data.datasets[0].backgroundColor``, in the config's order."""
    return [path for path, _ in iter_functions(config)]


def iter_functions(config: Any, path: str = "") -> Iterator[tuple[str, JsFunction]]:
    """(path, function) for every function in the tree, in the config's order."""
    if isinstance(config, JsFunction):
        yield path, config
    elif isinstance(config, dict):
        for key, value in config.items():
            yield from iter_functions(value, _child(path, key))
    elif isinstance(config, list):
        for i, value in enumerate(config):
            yield from iter_functions(value, _child(path, i))


_IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*\Z")


def _child(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    if _IDENTIFIER.match(key):
        return f"{path}.{key}" if path else key
    return f"{path}[{json.dumps(key)}]"


def _where(path: str) -> str:
    return path or "the config"


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list | tuple):
        return "an array"
    if isinstance(value, JsFunction):
        return "a function"
    return f"a {type(value).__name__}"


def _clip(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
