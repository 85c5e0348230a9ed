"""In-process rows: uncached charts and repeat charts through the Lambda handler vs pyplot.

chartfn is imported from ``function/`` (its matplotlib set-up must run before pyplot is
imported, as on Lambda); the naive side is ``naive.render_naive`` alone, no HTTP at all.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from report import Row, ms, times, verdict
from workload import (
    FUNCTION_DIR,
    WARMUP_SEED,
    LambdaContext,
    Pair,
    chart_pairs,
    check_not_modified,
    check_png,
    discard_service_logs,
    header,
    load_event_template,
    median,
    sin_event,
)

Handler = Callable[[dict[str, Any], Any], dict[str, Any]]
Renderer = Callable[[float, float], bytes]


def load() -> tuple[Handler, Renderer]:
    if str(FUNCTION_DIR) not in sys.path:
        sys.path.insert(0, str(FUNCTION_DIR))
    from chartfn.lambda_handler import handler  # first: sets matplotlib up as on Lambda
    from naive import render_naive

    discard_service_logs()

    return handler, render_naive


def _timed(call: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = call()
    return time.perf_counter() - start, result


@dataclass(frozen=True)
class Uncached:
    charts: int
    chartfn_s: float
    naive_s: float


def uncached(handler: Handler, render: Renderer, workload: list[Pair], warmup: int) -> Uncached:
    template, context = load_event_template(), LambdaContext()
    for pair in chart_pairs(warmup, seed=WARMUP_SEED, exclude=workload):
        check_png(handler(sin_event(template, pair), context))
        render(*pair)
    chartfn_s: list[float] = []
    naive_s: list[float] = []
    for i, pair in enumerate(workload):
        event = sin_event(template, pair)
        for side in (0, 1) if i % 2 == 0 else (1, 0):  # alternate which side goes first
            if side == 0:
                elapsed, response = _timed(lambda e=event: handler(e, context))
                check_png(response)
                chartfn_s.append(elapsed)
            else:
                elapsed, _ = _timed(lambda p=pair: render(*p))
                naive_s.append(elapsed)
    return Uncached(len(workload), median(chartfn_s), median(naive_s))


@dataclass(frozen=True)
class Repeat:
    rounds: int
    hit_s: float
    not_modified_s: float
    naive_s: float


def repeat(handler: Handler, render: Renderer, pair: Pair, rounds: int) -> Repeat:
    template, context = load_event_template(), LambdaContext()
    event = sin_event(template, pair)
    first = handler(event, context)
    check_png(first)
    etag = header(first, "etag")
    if etag is None:
        raise RuntimeError("the first response carries no ETag")
    conditional = sin_event(template, pair, if_none_match=etag)
    hit: list[float] = []
    not_modified: list[float] = []
    naive: list[float] = []
    for i in range(rounds):
        # The naive render and chartfn alternate round by round, but an 80 ms pyplot render
        # evicts chartfn's code and data from the CPU caches, which never happens between two
        # requests of a real instance; so one untimed request settles them after each naive
        # render, and the two timed chartfn requests swap order every round.
        elapsed, _ = _timed(lambda: render(*pair))
        naive.append(elapsed)
        check_png(handler(event, context))
        for side in (0, 1) if i % 2 == 0 else (1, 0):
            if side == 0:
                elapsed, response = _timed(lambda: handler(event, context))
                check_png(response)
                hit.append(elapsed)
            else:
                elapsed, response = _timed(lambda: handler(conditional, context))
                check_not_modified(response)
                not_modified.append(elapsed)
    return Repeat(rounds, median(hit), median(not_modified), median(naive))


def uncached_rows(result: Uncached) -> list[Row]:
    ratio = result.naive_s / result.chartfn_s
    return [
        Row(
            what=f"Uncached chart: handler vs render_naive, per chart (n={result.charts})",
            chartfn=ms(result.chartfn_s),
            naive=ms(result.naive_s),
            ratio=f"{times(ratio)} (naive/chartfn)",
            target="≥ 8×",
            result=verdict(ratio >= 8),
            unit="s",
            chartfn_value=result.chartfn_s,
            naive_value=result.naive_s,
            ratio_value=ratio,
        )
    ]


def repeat_rows(result: Repeat) -> list[Row]:
    rows = []
    for what, value in (
        (f"Repeat chart: same URL, cache hit (n={result.rounds})", result.hit_s),
        (f"Repeat chart: If-None-Match → 304 (n={result.rounds})", result.not_modified_s),
    ):
        ratio = result.naive_s / value
        rows.append(
            Row(
                what=what,
                chartfn=ms(value),
                naive=ms(result.naive_s),
                ratio=f"{times(ratio)} (naive/chartfn)",
                target="≥ 100×",
                result=verdict(ratio >= 100),
                unit="s",
                chartfn_value=value,
                naive_value=result.naive_s,
                ratio_value=ratio,
            )
        )
    return rows
