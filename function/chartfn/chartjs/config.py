"""Chart.js configs from request text.

STAND-IN (branch i11-protocol) with the API of branch i11-sandbox's module, which replaces it:
JSON, plus the plain object-literal text javascript-stringify writes (single quotes, unquoted
keys, trailing commas, ``undefined``), parsed here without running anything. Functions and any
other JavaScript are refused with ``ConfigError`` until the sandbox lands.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Self

__all__ = [
    "ChartConfig",
    "ConfigError",
    "EvaluatedConfig",
    "JsFunction",
    "canonical_config",
    "function_paths",
    "parse_config",
]

MAX_DEPTH = 64
ChartConfig = dict[str, Any]


class ConfigError(ValueError):
    """Config text that is not a Chart.js config this service can read."""


@dataclass(frozen=True)
class JsFunction:
    source: str
    ref: int


class EvaluatedConfig:
    def __init__(self, config: ChartConfig) -> None:
        self.config = config

    def call(self, fn: JsFunction, args: list[Any], this: Any = None) -> Any:
        raise ConfigError("JavaScript functions are not run by this build")

    def close(self) -> None:
        pass

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def parse_config(text: str) -> EvaluatedConfig:
    stripped = text.strip().removesuffix(";").strip()
    if not stripped:
        raise ConfigError("the chart config is empty: give a Chart.js config object")
    try:
        value = json.loads(stripped, parse_constant=_no_constant)
    except (json.JSONDecodeError, ValueError, RecursionError):
        value = _Literal(stripped).document()
    if not isinstance(value, dict):
        raise ConfigError("the chart config must be an object ({type: …, data: …})")
    return EvaluatedConfig(value)


def canonical_config(config: ChartConfig) -> str:
    return json.dumps(config, sort_keys=True, separators=(",", ":"), default=_function_key)


def function_paths(config: ChartConfig) -> list[str]:
    found: list[str] = []

    def walk(value: Any, path: str) -> None:
        if isinstance(value, JsFunction):
            found.append(path)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{path}.{key}" if path else str(key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{path}[{index}]")

    walk(config, "")
    return found


def _function_key(value: Any) -> Any:
    if isinstance(value, JsFunction):
        return {"__function__": value.source}
    raise TypeError(type(value).__name__)


def _no_constant(name: str) -> Any:
    raise ValueError(name)


_TOKEN = re.compile(
    r"""\s*(?:
        (?P<comment>//[^\n]*|/\*.*?\*/)
      | (?P<punct>[{}\[\],:])
      | (?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
      | (?P<number>[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
      | (?P<name>[A-Za-z_$][\w$]*)
    )""",
    re.VERBOSE | re.DOTALL,
)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


class _Literal:
    """A recursive-descent reader of JSON5-like object literals (no expressions)."""

    def __init__(self, text: str) -> None:
        self.tokens = self._tokenize(text)
        self.position = 0

    def _tokenize(self, text: str) -> list[tuple[str, str]]:
        tokens, index = [], 0
        while index < len(text):
            if text[index:].isspace():
                break
            match = _TOKEN.match(text, index)
            if match is None or match.end() == index:
                raise ConfigError(
                    f"cannot read the config at character {index} ({text[index : index + 20]!r}): "
                    "this build reads JSON and plain object literals only, no JavaScript code"
                )
            index = match.end()
            kind = match.lastgroup or ""
            if kind != "comment":
                tokens.append((kind, match.group(kind)))
        return tokens

    def document(self) -> Any:
        value = self._value(0)
        if self.position != len(self.tokens):
            raise ConfigError("unexpected text after the config object")
        return value

    def _next(self) -> tuple[str, str]:
        if self.position >= len(self.tokens):
            raise ConfigError("the config ends too early (unclosed { or [)")
        token = self.tokens[self.position]
        self.position += 1
        return token

    def _peek(self) -> str:
        return self.tokens[self.position][1] if self.position < len(self.tokens) else ""

    def _value(self, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise ConfigError(f"the config nests deeper than {MAX_DEPTH} levels")
        kind, text = self._next()
        if text == "{":
            return self._object(depth)
        if text == "[":
            return self._array(depth)
        if kind == "string":
            return _unquote(text)
        if kind == "number":
            number = float(text)
            if not math.isfinite(number):
                raise ConfigError(f"{text} is not a finite number")
            return (
                int(number)
                if number.is_integer() and "." not in text and "e" not in text.lower()
                else number
            )
        if kind == "name" and text in ("true", "false", "null", "undefined"):
            return {"true": True, "false": False}.get(text)
        raise ConfigError(
            f"{text!r} is JavaScript this build does not run (JSON and plain literals only)"
        )

    def _object(self, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        while self._peek() != "}":
            kind, key = self._next()
            if kind == "string":
                key = _unquote(key)
            elif kind not in ("name", "number"):
                raise ConfigError(f"expected a key, got {key!r}")
            if self._next()[1] != ":":
                raise ConfigError(f"expected ':' after the key {key!r}")
            result[key] = self._value(depth + 1)
            if self._peek() == ",":
                self._next()
            elif self._peek() != "}":
                raise ConfigError(f"expected ',' or '}}' after the value of {key!r}")
        self._next()
        return result

    def _array(self, depth: int) -> list[Any]:
        result: list[Any] = []
        while self._peek() != "]":
            result.append(self._value(depth + 1))
            if self._peek() == ",":
                self._next()
            elif self._peek() != "]":
                raise ConfigError("expected ',' or ']' in an array")
        self._next()
        return result


def _unquote(token: str) -> str:
    body, out, index = token[1:-1], [], 0
    while index < len(body):
        char = body[index]
        if char == "\\" and index + 1 < len(body):
            following = body[index + 1]
            if following == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", body[index + 2 : index + 6]):
                out.append(chr(int(body[index + 2 : index + 6], 16)))
                index += 6
                continue
            out.append(_ESCAPES.get(following, following))
            index += 2
            continue
        out.append(char)
        index += 1
    return "".join(out)
