"""QuickChart's tickFormat plugin: ``options.plugins.tickFormat`` writes the tick labels of a
chart's number axes with ``Intl.NumberFormat`` (in either Chart.js version):

    {locale: 'de-DE', prefix: '€', suffix: '', notation: 'compact', style: 'currency', ...}

``locale`` (default en-US), ``prefix`` and ``suffix`` are the plugin's own; every other key
is an ``Intl.NumberFormat`` option (``style`` decimal/percent/currency, ``currency``,
``minimumFractionDigits``, ``maximumSignificantDigits``, ``useGrouping``, ``notation``,
``signDisplay`` ...), so a label is ``prefix + new Intl.NumberFormat(locale, rest)
.format(value) + suffix``. The formatting is the sandbox's ``Intl`` (``intl.js``, the one
tick callbacks and data label formatters see), run by a fixed function of ours on the
options as data: nothing of the config is evaluated. ``style: 'unit'`` writes the number
without its unit (the sandbox's Intl has no unit names). ``applyToDataLabels: true`` writes
the data labels' numbers the same way where the config gives them no formatter.

Which axes: QuickChart's hosted plugin is not open source; its documentation formats the value
axis. chartfn formats every linear or logarithmic axis that has no ``ticks.callback`` of its
own (the value axis, a second y axis, a scatter chart's x): a callback the config wrote is the
more specific wish. Category and time axes hold no numbers and keep their labels.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from chartfn.chartjs.config import ConfigError, parse_config
from chartfn.chartjs.translate import TranslationError

__all__ = ["PATH", "TickFormat", "tick_format_of"]

PATH = "options.plugins.tickFormat"
#: The longest prefix, suffix or locale text (a label is bounded again where it is drawn).
MAX_AFFIX = 50
#: Intl.NumberFormat options a config may give (the plugin's keys aside).
MAX_OPTIONS = 20

# Ours, constant: the config's options arrive as the call's argument, never as source text.
_FORMATTER_SOURCE = """({format: function (options, values) {
  const f = new Intl.NumberFormat(options.locale, options.intl);
  return values.map(function (v) { return options.prefix + f.format(v) + options.suffix; });
}})"""


@dataclass(frozen=True)
class TickFormat:
    """The plugin's options, checked: ``intl`` holds the Intl.NumberFormat options as JSON
    text (hashable, for the memo of labels)."""

    locale: str
    prefix: str
    suffix: str
    intl: str
    #: ``applyToDataLabels``: the plugin's formatting replaces the data labels' default one.
    data_labels: bool = False

    def labels(self, values: Sequence[float]) -> list[str]:
        """The label of each value; ConfigError naming the plugin where Intl refuses the
        options (a currency style without a currency, fraction digits out of range)."""
        key = (self, tuple(float(v) for v in values))
        found = _MEMO.get(key)
        if found is None:
            found = _format(self, list(key[1]))
            _MEMO.put(key, found)
        return list(found)


def tick_format_of(config: Mapping[str, Any]) -> TickFormat | None:
    """The config's tickFormat options (None without them); ``TranslationError`` naming the
    option whose value the plugin could not use."""
    options = config.get("options")
    plugins = options.get("plugins") if isinstance(options, Mapping) else None
    raw = plugins.get("tickFormat") if isinstance(plugins, Mapping) else None
    if not isinstance(raw, Mapping):
        return None
    texts = {}
    for name in ("locale", "prefix", "suffix"):
        value = raw.get(name, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise TranslationError(f"{PATH}.{name}", "must be text")
        if len(value) > MAX_AFFIX:
            raise TranslationError(
                f"{PATH}.{name}", f"is {len(value)} characters long (allowed: at most {MAX_AFFIX})"
            )
        texts[name] = value
    intl = {
        key: value
        for key, value in raw.items()
        if key not in ("locale", "prefix", "suffix", "applyToDataLabels")
    }
    if len(intl) > MAX_OPTIONS:
        raise TranslationError(PATH, f"has {len(intl)} options (allowed: at most {MAX_OPTIONS})")
    for key, value in intl.items():
        if not (value is None or isinstance(value, str | int | float | bool)):
            raise TranslationError(f"{PATH}.{key}", "must be text, a number or true/false")
    try:
        intl_text = json.dumps(intl, sort_keys=True, allow_nan=False)
    except ValueError:
        raise TranslationError(PATH, "its numbers must be finite") from None
    found = TickFormat(
        locale=texts["locale"] or "en-US",
        prefix=texts["prefix"],
        suffix=texts["suffix"],
        intl=intl_text,
        data_labels=raw.get("applyToDataLabels") is True,
    )
    found.labels([0.0])  # Intl's own refusals are a 400 now, not when the chart is drawn
    return found


def _format(tick_format: TickFormat, values: list[float]) -> tuple[str, ...]:
    arguments = {
        "locale": tick_format.locale,
        "prefix": tick_format.prefix,
        "suffix": tick_format.suffix,
        "intl": json.loads(tick_format.intl),
    }
    with parse_config(_FORMATTER_SOURCE) as formatter:
        try:
            found = formatter.call(formatter.config["format"], [arguments, values])
        except ConfigError as exc:
            raise TranslationError(PATH, _reason(str(exc))) from None
    if not isinstance(found, list) or not all(isinstance(text, str) for text in found):
        raise TranslationError(PATH, "the labels could not be written")
    return tuple(found)


def _reason(message: str) -> str:
    """Intl's own words, without the name of our formatter that ran it."""
    return message.split(": ", 1)[1] if ": " in message else message


class _Memo:
    """Labels already written, by options and values: a fresh sandbox context costs
    milliseconds, and the layout asks for the same ticks at several lengths."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[Any, tuple[str, ...]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Any) -> tuple[str, ...] | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: Any, value: tuple[str, ...]) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)


_MEMO = _Memo(256)
