"""Numeric request parameters: their bounds, defaults and validation, independent of HTTP."""

from __future__ import annotations

import math
from dataclasses import dataclass

from chartfn.models.numbers import shortest_form


class ParameterError(ValueError):
    """A parameter value outside what the service accepts."""

    def __init__(self, parameter: str, value: object, problem: str, allowed: str) -> None:
        self.parameter = parameter
        self.value = value
        self.problem = problem
        self.allowed = allowed
        super().__init__(f"{parameter}={value!r}: {problem} (allowed: {allowed})")


@dataclass(frozen=True)
class NumberRange:
    """A finite number between ``minimum`` and ``maximum`` inclusive."""

    name: str
    minimum: float
    maximum: float
    default: float
    description: str

    @property
    def allowed(self) -> str:
        return (
            f"a finite number from {shortest_form(self.minimum)} to {shortest_form(self.maximum)}"
        )

    def check(self, value: float) -> float:
        """``value`` as a canonical float (``-0.0`` becomes ``0.0``), or ``ParameterError``."""
        if not math.isfinite(value):
            raise ParameterError(self.name, value, "must be a finite number", self.allowed)
        if not self.minimum <= value <= self.maximum:
            raise ParameterError(self.name, value, "is out of range", self.allowed)
        return value + 0.0


# Every numeric parameter the API takes, by name: the HTTP layer declares its query parameters
# from these and names their range in error responses.
NUMBER_RANGES: dict[str, NumberRange] = {}


def number_range(
    name: str, minimum: float, maximum: float, default: float, description: str
) -> NumberRange:
    declared = NumberRange(name, minimum, maximum, default, description)
    if NUMBER_RANGES.setdefault(name, declared) != declared:
        raise ValueError(f"parameter {name!r} is declared twice with different ranges")
    return declared
