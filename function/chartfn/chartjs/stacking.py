"""Stacked line datasets as Chart.js draws them: with the y axis ``stacked``, each point sits on
the earlier datasets' values at the same index, positives and negatives summed apart (Chart.js
2.9.4's ``calculatePointY``, Chart.js 4's stacks), a dataset's ``stack`` key (v3+) naming the
group it stacks with. A gap stays a gap and adds nothing to the points above it."""

from __future__ import annotations

from collections.abc import Hashable, Sequence

__all__ = ["stack_lines"]


def stack_lines(
    values: Sequence[Sequence[float | None]], groups: Sequence[Hashable]
) -> list[list[float | None]]:
    """Each dataset's values raised onto the earlier ones of its group (same sign, same
    index)."""
    positive: dict[tuple[Hashable, int], float] = {}
    negative: dict[tuple[Hashable, int], float] = {}
    stacked: list[list[float | None]] = []
    for series, group in zip(values, groups, strict=True):
        raised: list[float | None] = []
        for index, value in enumerate(series):
            if value is None:
                raised.append(None)
                continue
            sums = negative if value < 0 else positive
            total = sums.get((group, index), 0.0) + value
            sums[(group, index)] = total
            raised.append(total)
        stacked.append(raised)
    return stacked
