"""What a chart drawn from data shows: a JSON spec, validated, bounded and canonicalised.

No matplotlib and no HTTP here: the HTTP layer parses and limits request bodies/query values,
``spec_renderer`` draws a ``ChartSpec``. The models are frozen and forbid unknown fields, so a
misspelt field (``"colour"``, ``"xlabel"``) is a validation error, not a setting silently ignored.

Shape (JSON)::

    {"kind": "line" | "scatter" | "bubble" | "bar" | "area" | "histogram" | "pie"
             | "doughnut" | "polar_area" | "radar" | "progress" | "gauge" | "needle_gauge"
             | "boxplot" | "violin" | "sankey",
     "series": [{"name": str?, "y": [number, ...], "x": [number, ...]?, "r": [number, ...]?,
                 "boxes": [[number, ...] | {"min", "q1", "median", "q3", "max": number,
                           "mean": number?, "outliers": [number, ...]?} | null, ...]?,
                 "color": str?}, ...],
     "categories": [str, ...]?, "title": str, "x_label": str, "y_label": str,
     "x_log": bool, "y_log": bool, "legend": bool | null, "x_limits": [low, high]?,
     "y_limits": [low, high]?, "stacked": bool, "bins": int?,
     "cutout": number?, "cutout_px": number?, "rotation": number?, "circumference": number?,
     "fill": bool | [bool, ...]?,
     "slice_colors": [str, ...]?, "value_labels": bool?, "horizontal": bool?,
     "y2_series": [int, ...]?, "y2_label": str?, "means": bool?, "y2_log": bool?,
     "needle_value": number?, "band_start": number?,
     "sankey": {"links": [[str, str], ...], "labels": {str: str}?, "columns": {str: int}?,
                "priority": {str: number}?, "node_size": "max" | "min"}?}

Limits (module constants; a violation is a pydantic ``ValidationError`` located at the field):

    =====================  =========  =================================================
    MAX_SERIES                    20  series per chart (at least 1)
    MAX_POINTS_PER_SERIES     10_000  values in one series' ``y`` (at least 1)
    MAX_TOTAL_POINTS          50_000  values over all series
    MAX_CATEGORIES               100  bars per series / pie slices / ``categories``
    MAX_TEXT                     200  characters in ``title``, ``x_label``, ``y_label``
    MAX_NAME                     100  characters in a series name or a category label
    MAX_ABS_VALUE             1e+100  magnitude of any number (data and limits)
    MAX_BINS                     200  ``bins`` for histograms (1 … 200)
    MAX_BUBBLE_RADIUS            500  a bubble's ``r`` (0 … 500)
    MAX_SANKEY_LINKS             200  a sankey's flows (``sankey.links``)
    MAX_SANKEY_NODES             100  a sankey's nodes (distinct ids in its links)
    MAX_SPEC_TEXT             16_384  characters of a ``?spec=`` query value
    MAX_SPEC_BYTES         1_000_000  bytes of a JSON request body (the HTTP layer checks)
    =====================  =========  =================================================

Rules beyond the per-field limits:

* Numbers are JSON numbers only (no strings, no booleans), finite and within ±MAX_ABS_VALUE; the
  bound keeps stacking sums, histogram ranges and axis transforms far from float overflow.
  ``-0`` becomes ``0``.
* ``null`` in ``y`` is a gap (the line or area breaks there) for ``line`` and ``area`` only; it is
  rejected elsewhere. A series needs at least one number.
* ``x`` (same length as ``y``; default 0, 1, …, n-1) only for line, scatter, bubble, area and
  bar. Stacked areas need the same ``x`` in every series. A ``bar`` chart whose series give
  ``x`` draws its bars at those positions on a numeric x axis (a Chart.js time axis gives epoch
  milliseconds), each series its own length, as wide as Chart.js makes bars on such an axis
  (``chartfn.models.bar_slots``): every series gives ``x`` or none does, no ``categories``, not
  ``horizontal``; stacked, the same ``x`` in every series.
* ``bubble``: a scatter chart whose points are circles of radius ``r`` (one per value, the
  same length as ``y``, 0 … MAX_BUBBLE_RADIUS) in CSS pixels, as Chart.js sizes them: 1/100
  inch, so ``scale=2`` doubles them with the rest of the chart. ``r`` is for bubble only.
* ``categories`` only for bar, pie, doughnut, polar_area, radar and progress (default labels 0,
  1, …); every bar, radar and progress series has the same length, equal to
  ``len(categories)`` when given. Pie and polar_area: exactly one series; doughnut: one series
  per ring (nested rings, below), all as long as the first; values ≥ 0, sum > 0 in each
  series, slice colours from ``slice_colors`` (taken in turn, as Chart.js 4 cycles a colour
  array) or the default cycle (a series ``color`` is rejected).
* Round kinds, drawn as Chart.js draws them: ``doughnut`` is a pie with a hole of ``cutout``
  times its radius (0 … 0.95, default 0.5), or ``cutout_px`` CSS pixels wide (0 … 10 000; a
  number ``cutout`` in Chart.js 3/4, at most 0.95 of the radius; not with ``cutout``); several
  series are nested rings, the first outermost, splitting the ring's width equally, as
  Chart.js draws a doughnut's datasets; ``polar_area`` gives each value an equal angle and a
  radius by value on a radial scale (rings and tick labels); ``radar`` draws each series as a
  polygon over one spoke per category on a radial scale (polygon grid, spoke labels), filled
  unless ``fill`` is false (one boolean for all series, or one per series), a ``null`` value
  leaving its point out and breaking the outline there. ``y_limits`` is the radial
  scale's range for polar_area and radar. ``rotation`` (degrees clockwise from 12 o'clock,
  −3600 … 3600) is where the first slice or spoke starts, for pie, doughnut, polar_area, radar
  and gauge; ``circumference`` (degrees, more than 0 and at most 360) how much of the circle a
  pie or doughnut sweeps. A doughnut with ``cutout`` 0 is Chart.js's pie (as large as the
  area allows, white slice borders), which is how Chart.js pie configs are drawn; the
  ``pie`` kind leaves room for its outside labels and percentages instead.
* ``progress`` (QuickChart's progressBar): a bar per value over a white track as long as its
  total: the second series if given (1 or 2 series; its ``color`` fills the track, else white
  with a border), else 100 (the values then read as %). Each value is written in its bar
  unless ``value_labels`` is false. No legend unless asked for.
* ``gauge`` (QuickChart's radialGauge): one series, its first value drawn as an arc over a ring
  track for its share of ``y_limits`` (default [0, 100]), from 12 o'clock (plus ``rotation``),
  the value rounded up written in the middle unless ``value_labels`` is false; ``cutout``
  (default 0.9) is the hole. No legend unless asked for.
* ``needle_gauge`` (QuickChart's ``gauge``, the chartjs-gauge plugin): one series whose ``y``
  are the bands' ends (at most MAX_CATEGORIES), sorted ascending as the plugin sorts them: the
  first band from ``band_start`` (default 0) to the smallest end, each next one from the end
  before. The bands fill a half ring from 9 o'clock to 3 o'clock, the whole span being
  ``band_start`` … the largest end (1 if that is 0; more than ``band_start``), with a hole of
  ``cutout`` (default 0.5), coloured from ``slice_colors`` (taken in turn) or the default
  cycle. A needle points at ``needle_value`` (required; only for this kind), and the value is
  written in a label above the hub unless ``value_labels`` is false. No legend unless asked for.
* ``boxplot`` and ``violin`` (the box-and-violin plugins QuickChart bundles): each series
  gives ``boxes`` instead of ``y``, one per category (at most MAX_CATEGORIES, ``categories``
  as long when given): the category's values (1 … MAX_POINTS_PER_SERIES numbers; they count
  towards MAX_TOTAL_POINTS), or, for a box plot, their statistics ``{min, q1, median, q3, max,
  mean?, outliers?}``; ``null`` leaves the category empty. A box spans the quartiles, its line
  is the median, its whiskers reach the furthest values within 1.5 IQR (type-7 quartiles;
  ``chartfn.models.box_stats``), the values beyond are dots; a violin is the values' Gaussian
  density mirrored about the category's centre, with a diamond at the median. Boxes of the
  series stand side by side in their category, as Chart.js's bars do; ``color`` outlines them
  over a faded fill. ``means`` marks each box's mean with a dot (Chart.js 4's plugin does, 2's
  does not); ``horizontal`` lays the value axis along x. ``y_limits`` is the value axis' range.
* ``sankey`` (QuickChart's sankey, the chartjs-chart-sankey plugin): one series whose ``y``
  are the flows' amounts (numbers ≥ 0, no ``null``), and ``sankey.links`` the ``[from, to]``
  node ids of each (as many as ``y``; ``sankey`` only for this kind, and required for it).
  The flows must not form a cycle (a node that flows back into itself): the plugin cannot lay
  one out. ``labels`` names nodes by id (the id is shown otherwise), ``columns`` puts nodes
  in a column (0 … MAX_SANKEY_NODES), ``priority`` orders each column's nodes (smaller
  first; when given, the plugin stacks nodes by it instead of following the flows),
  ``node_size`` draws each node as high as the larger (``max``) or smaller of its in- and
  outflow; ids not among the links are ignored. Laid out as the plugin lays it out
  (``chartfn.models.sankey_layout``). No legend unless asked for.
* ``horizontal`` (bar, boxplot and violin): bars along x, categories down y, the first at
  the top (Chart.js's ``horizontalBar`` / ``indexAxis: 'y'``); ``y_log`` and ``y_limits``
  still name the value axis, drawn along x, and ``x_label`` / ``y_label`` the axes where
  they are drawn.
* ``y2_series`` (line, scatter and vertical bar): the indexes of the series drawn against a
  second value axis on the right (its own range and ticks, titled ``y2_label``, logarithmic
  with ``y2_log``), as Chart.js draws datasets whose ``yAxisID`` names an axis at
  ``position: 'right'``; each index once, of a series that exists, at least one series left on
  the left axis. ``y_log`` and ``y_limits`` are the left axis'. Bars on both axes share their
  category's slots (grouped side by side, or one slot when stacked) and stack per axis.
* ``stacked`` for bar, area and histogram; ``bins`` for histogram (whose ``y`` holds the raw
  samples, drawn along x).
* Log axes: ``x_log`` for line, scatter, bubble, area (explicit ``x`` > 0) and histogram
  (samples > 0); ``y_log`` for line, scatter, bubble, bar (values > 0) and histogram
  (counts). Not for pie, not for area's y (areas fill down to 0). Limits: finite, low < high,
  both > 0 on a log axis; not for pie, no ``x_limits`` for bar (its x is categories).
* ``legend``: ``null`` means automatic: shown when there is more than one series or any series
  has a name; never automatically for pie (``true`` gives a legend of the slices), always for
  doughnut and polar_area (their slices carry no labels, as in Chart.js).
* Colours: ``#rgb``, ``#rrggbb``, ``#rrggbbaa`` or a name from ``COLOR_NAMES`` (case-insensitive,
  ``grey`` = ``gray``), stored lower-case with hex expanded to ``#rrggbb[aa]``.
* Text: no control characters except newline and tab, no unpaired surrogates (they would reach
  the font renderer). Text is drawn literally: ``$`` does not start math.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
import unicodedata
from typing import Annotated, Any, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from chartfn.models.request_limits import MAX_SPEC_BYTES, MAX_SPEC_TEXT
from chartfn.models.sankey_layout import find_cycle
from chartfn.models.spec_error import SpecError

__all__ = [
    "BOX_KINDS",
    "COLOR_NAMES",
    "MAX_ABS_VALUE",
    "MAX_BINS",
    "MAX_BUBBLE_RADIUS",
    "MAX_CATEGORIES",
    "MAX_NAME",
    "MAX_POINTS_PER_SERIES",
    "MAX_SERIES",
    "MAX_SPEC_BYTES",
    "MAX_SPEC_TEXT",
    "MAX_TEXT",
    "MAX_TOTAL_POINTS",
    "BoxStats",
    "ChartKind",
    "ChartSpec",
    "Series",
    "SpecError",
    "canonical_spec_key",
    "parse_spec_json",
    "parse_spec_text",
]

MAX_SERIES = 20
MAX_POINTS_PER_SERIES = 10_000
MAX_TOTAL_POINTS = 50_000
MAX_CATEGORIES = 100
MAX_TEXT = 200
MAX_NAME = 100
MAX_ABS_VALUE = 1e100
MAX_BINS = 200
# A bubble wider than the largest image says nothing more and only costs fill time.
MAX_BUBBLE_RADIUS = 500.0
# A sankey's layout sorts each node's flows by how many lie beyond them (the plugin's rule):
# its work grows with flows × nodes, so both stay small.
MAX_SANKEY_LINKS = 200
MAX_SANKEY_NODES = 100

ChartKind = Literal[
    "line",
    "scatter",
    "bubble",
    "bar",
    "area",
    "histogram",
    "pie",
    "doughnut",
    "polar_area",
    "radar",
    "progress",
    "gauge",
    "needle_gauge",
    "boxplot",
    "violin",
    "sankey",
]
MAX_CUTOUT = 0.95  # beyond it the ring is a hairline
MAX_CUTOUT_PX = 10_000.0  # CSS px: more than any image's radius (3000 px a side)
MAX_ROTATION = 3600.0  # ten turns: any start angle, with room for Chart.js's radians × 180/π

# Names every matplotlib since 2.0 knows; a short list keeps the rule easy to document and
# independent of matplotlib (which this module must not import).
COLOR_NAMES: frozenset[str] = frozenset(
    {
        "red", "green", "blue", "orange", "purple", "gray", "black", "white", "brown", "pink",
        "olive", "cyan", "magenta", "yellow", "navy", "teal",
        "tab:blue", "tab:orange", "tab:green", "tab:red", "tab:purple", "tab:brown", "tab:pink",
        "tab:gray", "tab:olive", "tab:cyan",
    }
)  # fmt: skip
_HEX_COLOR = re.compile(r"#(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})")
_COLOR_ALLOWED = "#rgb, #rrggbb, #rrggbbaa or one of: " + ", ".join(sorted(COLOR_NAMES))

_GAP_KINDS = frozenset({"line", "area", "radar"})
_X_KINDS = frozenset({"line", "scatter", "bubble", "area"})
_SLICE_KINDS = frozenset({"pie", "doughnut", "polar_area"})  # one series, a slice per value
_RADIAL_KINDS = frozenset({"polar_area", "radar"})  # a radial value scale
_ROUND_KINDS = _SLICE_KINDS | _RADIAL_KINDS | {"gauge"}
BOX_KINDS = frozenset({"boxplot", "violin"})  # series of boxes: values or stats per category
_CATEGORY_KINDS = frozenset({"bar", "progress"}) | _SLICE_KINDS | _RADIAL_KINDS | BOX_KINDS
# Fields added after specs were cached by key: left out of the key while unset.
_LATER_FIELDS = (
    "cutout",
    "cutout_px",
    "rotation",
    "circumference",
    "fill",
    "slice_colors",
    "value_labels",
    "horizontal",
    "y2_series",
    "y2_label",
    "means",
    "y2_log",
    "needle_value",
    "band_start",
    "sankey",
)
_STACK_KINDS = frozenset({"bar", "area", "histogram"})
_X_LOG_KINDS = frozenset({"line", "scatter", "bubble", "area", "histogram"})
_Y_LOG_KINDS = frozenset({"line", "scatter", "bubble", "bar", "histogram"})


def _check_number(value: float) -> float:
    if not math.isfinite(value) or abs(value) > MAX_ABS_VALUE:
        raise PydanticCustomError(
            "finite_number",
            "must be a finite number from -1e+100 to 1e+100 (NaN and infinity are not allowed)",
        )
    return value + 0.0  # -0.0 draws like 0.0 and must give the same cache key


def _check_text(value: str) -> str:
    for index, char in enumerate(value):
        if char in "\n\t":
            continue
        if unicodedata.category(char) in ("Cc", "Cs"):
            raise PydanticCustomError(
                "text_character",
                "character {index} ({code}) is not allowed: text may hold no control characters "
                "except newline and tab, and no unpaired surrogates",
                {"index": index, "code": f"U+{ord(char):04X}"},
            )
    return value


def _check_color(value: str) -> str:
    color = value.lower()
    if color in ("grey", "tab:grey"):
        color = color.replace("grey", "gray")
    if color in COLOR_NAMES:
        return color
    if _HEX_COLOR.fullmatch(color):
        if len(color) == 4:
            return "#" + "".join(c * 2 for c in color[1:])
        return color
    raise PydanticCustomError(
        "color", "not a supported colour (allowed: {allowed})", {"allowed": _COLOR_ALLOWED}
    )


def _case_free(word: str) -> str:
    return "".join(f"[{c.upper()}{c}]" if c.isalpha() else re.escape(c) for c in word)


# What the OpenAPI document says of these values: the same rules as the validators above, as
# JSON Schema (`json_schema_extra` only documents: the validators keep their own messages).
# ECMA-262 and Python read the patterns alike.
NUMBER_SCHEMA = {"minimum": -MAX_ABS_VALUE, "maximum": MAX_ABS_VALUE}
TEXT_PATTERN = r"^[^\x00-\x08\x0B-\x1F\x7F-\x9F]*$"  # Cc but newline and tab
_COLOR_WORDS = sorted(COLOR_NAMES | {"grey", "tab:grey"})
COLOR_PATTERN = (
    "^(?:#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})|"
    + "|".join(_case_free(word) for word in _COLOR_WORDS)
    + ")$"
)

# Strict: JSON numbers only ("1", true are errors, not coerced), so every spelling of a spec that
# validates means one chart.
Number = Annotated[
    float, Field(strict=True, json_schema_extra=NUMBER_SCHEMA), AfterValidator(_check_number)
]
Text = Annotated[
    str,
    Field(strict=True, max_length=MAX_TEXT, json_schema_extra={"pattern": TEXT_PATTERN}),
    AfterValidator(_check_text),
]
Name = Annotated[
    str,
    Field(strict=True, max_length=MAX_NAME, json_schema_extra={"pattern": TEXT_PATTERN}),
    AfterValidator(_check_text),
]
Color = Annotated[
    str,
    Field(strict=True, json_schema_extra={"pattern": COLOR_PATTERN}),
    AfterValidator(_check_color),
]
Limits = tuple[Number, Number]


def _whole(value: object) -> object:
    """JSON Schema's integer is any number without a fraction part (5.0 is one), and clients
    that hold every number as a double send it so: take it as 5. Strings, booleans and 5.5 stay
    errors."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


Radius = Annotated[
    float,
    Field(strict=True, ge=0, le=MAX_BUBBLE_RADIUS),
    AfterValidator(_check_number),
]


def _error(loc: tuple[str | int, ...], kind: str, message: str, value: object) -> InitErrorDetails:
    return InitErrorDetails(type=PydanticCustomError(kind, message), loc=loc, input=value)


def _raise(title: str, errors: list[InitErrorDetails]) -> None:
    # Raised from a validator, a ValidationError keeps its own locations (prefixed with the
    # enclosing field's), so cross-field rules can point at the exact value at fault.
    if errors:
        raise ValidationError.from_exception_data(title, errors)


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class BoxStats(_Frozen):
    """A box given by its statistics instead of its values (Chart.js's ``{min, q1, median,
    q3, max}``, with its ``mean`` and ``outliers`` if known)."""

    min: Number
    q1: Number
    median: Number
    q3: Number
    max: Number
    mean: Number | None = None
    outliers: Annotated[list[Number], Field(max_length=MAX_POINTS_PER_SERIES)] | None = None


# One category of a box plot or violin: its values, its statistics, or nothing.
Box = (
    Annotated[list[Number], Field(min_length=1, max_length=MAX_POINTS_PER_SERIES)] | BoxStats | None
)


class Series(_Frozen):
    name: Name | None = None
    # Every kind but boxplot and violin needs y (checked below, with the kind).
    y: (
        Annotated[list[Number | None], Field(min_length=1, max_length=MAX_POINTS_PER_SERIES)] | None
    ) = None
    x: Annotated[list[Number], Field(max_length=MAX_POINTS_PER_SERIES)] | None = None
    r: Annotated[list[Radius], Field(max_length=MAX_POINTS_PER_SERIES)] | None = None
    boxes: Annotated[list[Box], Field(min_length=1, max_length=MAX_CATEGORIES)] | None = None
    color: Color | None = None

    @property
    def box_value_count(self) -> int:
        """How many numbers the boxes hold (values and outliers), for the point bounds."""
        count = 0
        for box in self.boxes or ():
            if isinstance(box, list):
                count += len(box)
            elif box is not None:
                count += 5 + len(box.outliers or ())
        return count

    @model_validator(mode="after")
    def _x_matches_y(self) -> Self:
        errors = []
        if self.y is None:
            if self.boxes is None:
                errors.append(
                    _error(("y",), "missing", "a series needs y (boxes for boxplot, violin)", None)
                )
            elif self.x is not None or self.r is not None:
                errors.append(_error(("x",), "not_for_kind", "boxes take no x or r", None))
            _raise("Series", errors)
            return self
        if self.x is not None and len(self.x) != len(self.y):
            errors.append(
                _error(
                    ("x",),
                    "length_mismatch",
                    f"x has {len(self.x)} values but y has {len(self.y)}: they must pair up",
                    len(self.x),
                )
            )
        if self.r is not None and len(self.r) != len(self.y):
            errors.append(
                _error(
                    ("r",),
                    "length_mismatch",
                    f"r has {len(self.r)} values but y has {len(self.y)}: one radius per value",
                    len(self.r),
                )
            )
        if all(value is None for value in self.y):
            errors.append(_error(("y",), "no_values", "a series needs at least one number", None))
        _raise("Series", errors)
        return self


SankeyLink = Annotated[list[Name], Field(min_length=2, max_length=2)]


class SankeySpec(_Frozen):
    """A sankey's nodes and flows; the amounts are the chart's one series (``y``)."""

    links: Annotated[list[SankeyLink], Field(min_length=1, max_length=MAX_SANKEY_LINKS)]
    labels: Annotated[dict[Name, Name], Field(max_length=MAX_SANKEY_NODES)] | None = None
    columns: (
        Annotated[
            dict[
                Name,
                Annotated[
                    int, Field(strict=True, ge=0, le=MAX_SANKEY_NODES), BeforeValidator(_whole)
                ],
            ],
            Field(max_length=MAX_SANKEY_NODES),
        ]
        | None
    ) = None
    priority: Annotated[dict[Name, Number], Field(max_length=MAX_SANKEY_NODES)] | None = None
    node_size: Literal["max", "min"] = "max"

    @property
    def pairs(self) -> list[tuple[str, str]]:
        return [(source, target) for source, target in self.links]


class ChartSpec(_Frozen):
    kind: ChartKind
    series: Annotated[list[Series], Field(min_length=1, max_length=MAX_SERIES)]
    categories: Annotated[list[Name], Field(max_length=MAX_CATEGORIES)] | None = None
    title: Text = ""
    x_label: Text = ""
    y_label: Text = ""
    x_log: Annotated[bool, Field(strict=True)] = False
    y_log: Annotated[bool, Field(strict=True)] = False
    legend: Annotated[bool, Field(strict=True)] | None = None
    x_limits: Limits | None = None
    y_limits: Limits | None = None
    stacked: Annotated[bool, Field(strict=True)] = False
    # The bounds sit on the int itself, inside the before-validator, so the schema keeps them
    bins: Annotated[int, Field(strict=True, ge=1, le=MAX_BINS), BeforeValidator(_whole)] | None = (
        None
    )
    cutout: Annotated[float, Field(strict=True, ge=0, le=MAX_CUTOUT)] | None = None
    cutout_px: Annotated[float, Field(strict=True, ge=0, le=MAX_CUTOUT_PX)] | None = None
    rotation: Annotated[float, Field(strict=True, ge=-MAX_ROTATION, le=MAX_ROTATION)] | None = None
    circumference: Annotated[float, Field(strict=True, gt=0, le=360)] | None = None
    fill: (
        Annotated[bool, Field(strict=True)]
        | Annotated[list[Annotated[bool, Field(strict=True)]], Field(max_length=MAX_SERIES)]
        | None
    ) = None
    value_labels: Annotated[bool, Field(strict=True)] | None = None
    slice_colors: Annotated[list[Color], Field(min_length=1, max_length=MAX_CATEGORIES)] | None = (
        None
    )
    horizontal: Annotated[bool, Field(strict=True)] | None = None
    y2_series: (
        Annotated[
            list[Annotated[int, Field(strict=True, ge=0), BeforeValidator(_whole)]],
            Field(max_length=MAX_SERIES),
        ]
        | None
    ) = None
    y2_label: Text | None = None
    means: Annotated[bool, Field(strict=True)] | None = None
    y2_log: Annotated[bool, Field(strict=True)] | None = None
    needle_value: Number | None = None
    band_start: Number | None = None
    sankey: SankeySpec | None = None

    @property
    def show_legend(self) -> bool:
        """The legend setting with ``None`` resolved (see the module docstring)."""
        if self.legend is not None:
            return self.legend
        if self.kind in ("pie", "progress", "gauge", "needle_gauge", "sankey"):
            return False
        if self.kind in _SLICE_KINDS:
            return True
        return len(self.series) > 1 or any(s.name is not None for s in self.series)

    @model_validator(mode="after")
    def _rules_across_fields(self) -> Self:
        errors: list[InitErrorDetails] = []
        self._check_boxes(errors)
        _raise("ChartSpec", errors)  # the checks below need y where the kind draws it
        self._check_options(errors)
        if self.kind not in BOX_KINDS:
            self._check_series(errors)
        self._check_limits(errors)
        _raise("ChartSpec", errors)
        return self

    def _check_options(self, errors: list[InitErrorDetails]) -> None:
        kind = self.kind
        total = sum(len(s.y) if s.y is not None else s.box_value_count for s in self.series)
        if total > MAX_TOTAL_POINTS:
            errors.append(
                _error(
                    ("series",),
                    "too_many_points",
                    f"the series hold {total} values together; at most {MAX_TOTAL_POINTS}",
                    total,
                )
            )
        if self.categories is not None and kind not in _CATEGORY_KINDS:
            errors.append(
                _not_for(
                    ("categories",),
                    "categories",
                    kind,
                    "bar and pie, doughnut, polar_area, radar, progress, boxplot, violin",
                )
            )
        if self.stacked and kind not in _STACK_KINDS:
            errors.append(_not_for(("stacked",), "stacked", kind, "bar, area and histogram"))
        if self.bins is not None and kind != "histogram":
            errors.append(_not_for(("bins",), "bins", kind, "histogram"))
        if self.horizontal and kind not in ("bar", *BOX_KINDS):
            errors.append(_not_for(("horizontal",), "horizontal", kind, "bar, boxplot, violin"))
        self._check_second_axis(errors)
        if self.x_log and kind not in _X_LOG_KINDS:
            errors.append(
                _not_for(("x_log",), "x_log", kind, "line, scatter, bubble, area, histogram")
            )
        if self.y_log and kind not in _Y_LOG_KINDS:
            reason = " (areas fill down to 0, which a log axis cannot show)" * (kind == "area")
            errors.append(
                _not_for(("y_log",), "y_log", kind, "line, scatter, bubble, bar, histogram", reason)
            )
        if self.x_limits is not None and kind in _CATEGORY_KINDS:
            errors.append(
                _not_for(("x_limits",), "x_limits", kind, "line, scatter, bubble, area, histogram")
            )
        if self.y_limits is not None and kind in ("pie", "doughnut"):
            errors.append(_not_for(("y_limits",), "y_limits", kind, "all kinds but pie, doughnut"))
        if kind == "progress" and len(self.series) > 2:
            errors.append(
                _error(
                    ("series",),
                    "progress_series",
                    f"a progress chart takes its values and, optionally, their totals: 1 or 2 "
                    f"series, got {len(self.series)}",
                    len(self.series),
                )
            )
        if (
            kind in ("pie", "polar_area", "gauge", "needle_gauge", "sankey")
            and len(self.series) != 1
        ):
            errors.append(
                _error(
                    ("series",),
                    "pie_series",
                    f"a {kind} takes exactly one series, got {len(self.series)}",
                    len(self.series),
                )
            )
        self._check_round_options(errors)
        self._check_needle_gauge(errors)
        self._check_sankey(errors)

    def _check_boxes(self, errors: list[InitErrorDetails]) -> None:
        """Boxes where the kind draws them, y elsewhere; a violin needs values."""
        kind = self.kind
        boxes = kind in BOX_KINDS
        if self.means is not None and not boxes:
            errors.append(_not_for(("means",), "means", kind, "boxplot and violin"))
        for index, series in enumerate(self.series):
            here: tuple[str | int, ...] = ("series", index)
            if not boxes:
                if series.boxes is not None:
                    errors.append(_not_for((*here, "boxes"), "boxes", kind, "boxplot and violin"))
                if series.y is None:
                    errors.append(_error((*here, "y"), "missing", f"a {kind} series needs y", None))
                continue
            if series.y is not None or series.boxes is None:
                errors.append(
                    _error(
                        (*here, "boxes"),
                        "missing",
                        f"a {kind} series gives boxes (one per category: its values or, for a "
                        "boxplot, their statistics), not y",
                        None,
                    )
                )
                continue
            if self.categories is not None and len(series.boxes) != len(self.categories):
                errors.append(
                    _error(
                        (*here, "boxes"),
                        "length_mismatch",
                        f"{len(series.boxes)} boxes for {len(self.categories)} categories: give "
                        "one per category (null for none)",
                        len(series.boxes),
                    )
                )
            for position, box in enumerate(series.boxes):
                if kind == "violin" and isinstance(box, BoxStats):
                    errors.append(
                        _error(
                            (*here, "boxes", position),
                            "not_for_kind",
                            "a violin is drawn from the values themselves: give an array of "
                            "numbers (statistics are for boxplot)",
                            None,
                        )
                    )
            if all(box is None for box in series.boxes):
                errors.append(
                    _error((*here, "boxes"), "no_values", "a series needs at least one box", None)
                )

    def _check_round_options(self, errors: list[InitErrorDetails]) -> None:
        kind = self.kind
        if self.cutout is not None and kind not in ("doughnut", "gauge", "needle_gauge"):
            errors.append(_not_for(("cutout",), "cutout", kind, "doughnut and the gauges"))
        if self.cutout_px is not None and kind != "doughnut":
            errors.append(_not_for(("cutout_px",), "cutout_px", kind, "doughnut"))
        elif self.cutout_px is not None and self.cutout is not None:
            errors.append(
                _error(
                    ("cutout_px",),
                    "cutout_twice",
                    "give the hole once: cutout (a share of the radius) or cutout_px, not both",
                    self.cutout_px,
                )
            )
        if self.rotation is not None and kind not in _ROUND_KINDS:
            errors.append(
                _not_for(
                    ("rotation",), "rotation", kind, "pie, doughnut, polar_area, radar and gauge"
                )
            )
        if self.circumference is not None and kind not in ("pie", "doughnut"):
            errors.append(_not_for(("circumference",), "circumference", kind, "pie and doughnut"))
        if self.value_labels is not None and kind not in ("progress", "gauge", "needle_gauge"):
            errors.append(
                _not_for(("value_labels",), "value_labels", kind, "progress and the gauges")
            )
        if self.fill is not None and kind != "radar":
            errors.append(_not_for(("fill",), "fill", kind, "radar"))
        elif isinstance(self.fill, list) and len(self.fill) != len(self.series):
            errors.append(
                _error(
                    ("fill",),
                    "length_mismatch",
                    f"{len(self.fill)} fill flags for {len(self.series)} series: give one each",
                    len(self.fill),
                )
            )
        if self.slice_colors is not None and kind not in (*_SLICE_KINDS, "needle_gauge"):
            errors.append(
                _not_for(
                    ("slice_colors",),
                    "slice_colors",
                    kind,
                    "pie, doughnut, polar_area and needle_gauge",
                )
            )

    def _check_needle_gauge(self, errors: list[InitErrorDetails]) -> None:
        """The needle and the bands' start for needle gauges only; bands that span something."""
        kind = self.kind
        for name in ("needle_value", "band_start"):
            if getattr(self, name) is not None and kind != "needle_gauge":
                errors.append(_not_for((name,), name, kind, "needle_gauge"))
        if kind != "needle_gauge":
            return
        for name in ("x_limits", "y_limits"):
            if getattr(self, name) is not None:  # the span is band_start … the last band's end
                errors.append(_not_for((name,), name, kind, "the other kinds (not needle_gauge)"))
        if self.needle_value is None:
            errors.append(
                _error(("needle_value",), "missing", "a needle_gauge needs needle_value", None)
            )
        ends = self.series[0].y or []
        if len(ends) > MAX_CATEGORIES:
            errors.append(
                _error(
                    ("series", 0, "y"),
                    "too_many_categories",
                    f"a needle_gauge shows at most {MAX_CATEGORIES} bands, got {len(ends)}",
                    len(ends),
                )
            )
        numbers = [value for value in ends if value is not None]
        start = self.band_start or 0.0
        # the plugin's span ends at the largest end, or at 1 where that is 0
        top = (max(numbers) or 1.0) if numbers else None
        if top is not None and not top > start:
            errors.append(
                _error(
                    ("series", 0, "y"),
                    "gauge_span",
                    f"the largest band end ({top}) must be more than band_start ({start})",
                    top,
                )
            )

    def _check_sankey(self, errors: list[InitErrorDetails]) -> None:
        """A sankey's links pair up with its one series' amounts, and form no cycle."""
        sankey = self.sankey
        if self.kind != "sankey":
            if sankey is not None:
                errors.append(_not_for(("sankey",), "sankey", self.kind, "sankey"))
            return
        if sankey is None:
            errors.append(_error(("sankey",), "missing", "a sankey needs sankey.links", None))
            return
        if len(self.series) != 1:
            return  # said with the other one-series kinds
        amounts = self.series[0].y or []
        if len(amounts) != len(sankey.links):
            message = (
                f"a sankey series has one value per link: {len(amounts)} values, "
                f"{len(sankey.links)} links"
            )
            errors.append(_error(("series", 0, "y"), "length_mismatch", message, len(amounts)))
        for index, amount in enumerate(amounts):
            if amount is not None and amount < 0:
                message = "sankey flows must be ≥ 0"
                errors.append(_error(("series", 0, "y", index), "sankey_flow", message, amount))
        nodes = {node for link in sankey.links for node in link}
        if len(nodes) > MAX_SANKEY_NODES:
            message = f"a sankey has at most {MAX_SANKEY_NODES} nodes, got {len(nodes)}"
            errors.append(_error(("sankey", "links"), "sankey_nodes", message, len(nodes)))
            return
        cycle = find_cycle(sankey.pairs)
        if cycle is not None:
            message = "the flows form a cycle, which a sankey cannot lay out: " + " → ".join(cycle)
            errors.append(_error(("sankey", "links"), "sankey_cycle", message, None))

    def _check_second_axis(self, errors: list[InitErrorDetails]) -> None:
        if self.y2_series is None:
            if self.y2_log:
                errors.append(
                    _error(("y2_log",), "second_axis", "y2_log needs y2_series", self.y2_log)
                )
            return
        if self.kind not in ("line", "scatter", "bar"):
            errors.append(_not_for(("y2_series",), "y2_series", self.kind, "line, scatter and bar"))
        if self.horizontal:
            errors.append(
                _error(
                    ("y2_series",),
                    "second_axis",
                    "a second y axis is for vertical charts: not with horizontal",
                    None,
                )
            )
        if len(set(self.y2_series)) >= len(self.series):
            errors.append(
                _error(
                    ("y2_series",),
                    "second_axis",
                    "at least one series stays on the left axis",
                    len(self.y2_series),
                )
            )
        for position, index in enumerate(self.y2_series):
            if index >= len(self.series) or index in self.y2_series[:position]:
                errors.append(
                    _error(
                        ("y2_series", position),
                        "second_axis",
                        f"must name each of the {len(self.series)} series at most once "
                        f"(0 … {len(self.series) - 1})",
                        index,
                    )
                )

    def _check_series(self, errors: list[InitErrorDetails]) -> None:
        kind = self.kind
        first = self.series[0]
        for index, series in enumerate(self.series):
            here: tuple[str | int, ...] = ("series", index)
            if kind not in _GAP_KINDS:
                for position, value in enumerate(series.y):
                    if value is None:
                        errors.append(
                            _error(
                                (*here, "y", position),
                                "gap_not_allowed",
                                f"null (a gap) is only allowed in line and area charts, "
                                f"not in {kind}: give a number",
                                value,
                            )
                        )
            if series.x is not None and kind not in _X_KINDS and kind != "bar":
                errors.append(
                    _not_for((*here, "x"), "x", kind, "line, scatter, bubble, area and bar")
                )
            if series.r is not None and kind != "bubble":
                errors.append(_not_for((*here, "r"), "r", kind, "bubble"))
            if series.r is None and kind == "bubble":
                errors.append(
                    _error(
                        (*here, "r"), "missing", "a bubble series needs r: one radius a value", None
                    )
                )
            if kind in _CATEGORY_KINDS and len(series.y) > MAX_CATEGORIES:
                errors.append(
                    _error(
                        (*here, "y"),
                        "too_many_categories",
                        f"a {kind} shows at most {MAX_CATEGORIES} values per series, "
                        f"got {len(series.y)}",
                        len(series.y),
                    )
                )
            if kind == "doughnut" and len(series.y) != len(first.y):
                errors.append(
                    _error(
                        (*here, "y"),
                        "length_mismatch",
                        f"has {len(series.y)} values but series 0 has {len(first.y)}: every "
                        "ring of a doughnut needs one value per slice",
                        len(series.y),
                    )
                )
            if kind == "bar" and (first.x is not None or series.x is not None):
                self._check_positioned_bar(series, here, errors)
            elif kind in ("bar", "radar", "progress"):
                expected = len(self.categories) if self.categories is not None else len(first.y)
                if len(series.y) != expected:
                    what = "categories" if self.categories is not None else "series 0"
                    errors.append(
                        _error(
                            (*here, "y"),
                            "length_mismatch",
                            f"has {len(series.y)} values but {what} has {expected}: every "
                            f"{kind} series needs one value per category",
                            len(series.y),
                        )
                    )
            if kind in _SLICE_KINDS:
                self._check_pie(series, here, errors)
            if kind == "area" and self.stacked and index > 0 and series.x != first.x:
                errors.append(
                    _error(
                        (*here, "x"),
                        "stack_mismatch",
                        "stacked areas need the same x in every series (as series 0)",
                        None,
                    )
                )
            if kind == "area" and self.stacked and len(series.y) != len(first.y):
                errors.append(
                    _error(
                        (*here, "y"),
                        "stack_mismatch",
                        f"stacked areas need the same length in every series: "
                        f"{len(series.y)} values here, {len(first.y)} in series 0",
                        len(series.y),
                    )
                )
            self._check_log_data(series, here, errors)
        if (
            kind in _SLICE_KINDS
            and (len(self.series) == 1 or kind == "doughnut")
            and self.categories is not None
            and len(self.categories) != len(first.y)
        ):
            errors.append(
                _error(
                    ("categories",),
                    "length_mismatch",
                    f"{len(self.categories)} labels for {len(first.y)} slices: give one per slice",
                    len(self.categories),
                )
            )

    def _check_positioned_bar(
        self, series: Series, here: tuple[str | int, ...], errors: list[InitErrorDetails]
    ) -> None:
        """Bars at the positions ``x``: every series gives them or none does."""
        if series.x is None or self.series[0].x is None:
            missing = here if series.x is None else ("series", 0)
            errors.append(
                _error(
                    (*missing, "x"),
                    "missing",
                    "bars are placed by x in every series or in none: give each series x",
                    None,
                )
            )
        elif self.stacked and series.x != self.series[0].x:
            errors.append(
                _error(
                    (*here, "x"),
                    "stack_mismatch",
                    "stacked bars need the same x in every series (as series 0)",
                    None,
                )
            )
        if here[1] == 0 and self.categories is not None:
            errors.append(
                _error(
                    ("categories",), "positioned_bars", "bars placed by x take no categories", None
                )
            )
        if here[1] == 0 and self.horizontal:
            errors.append(
                _error(("horizontal",), "positioned_bars", "bars placed by x stand upright", None)
            )
        if here[1] == 0 and self.y2_series is not None:
            errors.append(
                _error(
                    ("y2_series",),
                    "positioned_bars",
                    "bars placed by x have one y axis: leave y2_series out",
                    None,
                )
            )

    def _check_pie(
        self, series: Series, here: tuple[str | int, ...], errors: list[InitErrorDetails]
    ) -> None:
        if series.color is not None:
            errors.append(
                _error(
                    (*here, "color"),
                    "pie_color",
                    f"{self.kind} slices take the default colour cycle; leave color out",
                    series.color,
                )
            )
        values = [v for v in series.y if v is not None]
        for position, value in enumerate(series.y):
            if value is not None and value < 0:
                errors.append(
                    _error(
                        (*here, "y", position),
                        "pie_value",
                        f"{self.kind} values must be ≥ 0",
                        value,
                    )
                )
        if all(v >= 0 for v in values) and not sum(values) > 0:
            errors.append(
                _error(
                    (*here, "y"),
                    "pie_value",
                    f"{self.kind} values must add up to more than 0",
                    None,
                )
            )

    def _check_log_data(
        self, series: Series, here: tuple[str | int, ...], errors: list[InitErrorDetails]
    ) -> None:
        kind = self.kind
        on_right = self.y2_series is not None and here[-1] in self.y2_series
        # a series on the second y axis is on a log axis by y2_log, the others by y_log
        value_log = self.y2_log if on_right else self.y_log
        # Histogram samples lie along x; for the other kinds y is the value axis.
        if (value_log and kind in _Y_LOG_KINDS and kind != "histogram") or (
            self.x_log and kind == "histogram"
        ):
            axis = "x_log" if kind == "histogram" else ("y2_log" if on_right else "y_log")
            for position, value in enumerate(series.y):
                if value is not None and value <= 0:
                    errors.append(
                        _error(
                            (*here, "y", position),
                            "log_value",
                            f"{axis} needs values > 0",
                            value,
                        )
                    )
                    break  # one located example is enough; a series may hold 10 000
        if self.x_log and kind in _X_KINDS:
            if series.x is None:
                errors.append(
                    _error(
                        (*here, "x"),
                        "log_value",
                        "x_log needs explicit x values, all > 0 (the default x starts at 0)",
                        None,
                    )
                )
            else:
                for position, value in enumerate(series.x):
                    if value <= 0:
                        errors.append(
                            _error((*here, "x", position), "log_value", "x_log needs x > 0", value)
                        )
                        break

    def _check_limits(self, errors: list[InitErrorDetails]) -> None:
        for field, log in (("x_limits", self.x_log), ("y_limits", self.y_log)):
            limits = getattr(self, field)
            if limits is None:
                continue
            low, high = limits
            if not low < high:
                errors.append(
                    _error((field,), "limits", "must be [low, high] with low < high", limits)
                )
            elif log and low <= 0:
                axis = field[0] + "_log"
                errors.append(
                    _error((field,), "limits", f"with {axis} both limits must be > 0", limits)
                )


def _not_for(
    loc: tuple[str | int, ...], field: str, kind: str, allowed: str, reason: str = ""
) -> InitErrorDetails:
    return _error(
        loc, "not_for_kind", f"{field} is not for {kind} charts{reason}; only {allowed}", None
    )


def parse_spec_text(text: str) -> ChartSpec:
    """The spec in a ``?spec=`` query value: JSON (first non-space character ``{``) or
    base64url-encoded JSON, ``=`` padding optional.

    Raises ``SpecError`` for text that does not decode to JSON, and lets pydantic's
    ``ValidationError`` through for a JSON document that is not a valid spec.
    """
    if len(text) > MAX_SPEC_TEXT:
        raise SpecError(
            f"spec is {len(text)} characters long; at most {MAX_SPEC_TEXT} fit in a URL "
            "(POST the JSON instead)"
        )
    stripped = text.strip()
    if not stripped:
        raise SpecError("spec is empty: give JSON or base64url-encoded JSON")
    if stripped.startswith("{"):
        return _validate(stripped)
    return _validate(_decode_base64url(stripped))


def parse_spec_json(body: bytes | str) -> ChartSpec:
    """The spec in a JSON request body; same errors as ``parse_spec_text``. The HTTP layer caps
    the body at ``MAX_SPEC_BYTES`` before reading it; this checks again in case it did not."""
    if len(body) > MAX_SPEC_BYTES:
        raise SpecError(f"spec is {len(body)} bytes long; at most {MAX_SPEC_BYTES}")
    if isinstance(body, bytes):
        try:
            body = body.decode("utf-8")
        except UnicodeDecodeError as error:
            raise SpecError(f"spec is not UTF-8 text (byte {error.start})") from None
    return _validate(body)


def _decode_base64url(text: str) -> str:
    body = text.rstrip("=")
    for position, char in enumerate(body):
        if not (char.isascii() and (char.isalnum() or char in "-_")):
            hint = " (standard base64's + and / are - and _ in base64url)" * (char in "+/")
            raise SpecError(
                f"spec is neither JSON (which starts with '{{') nor base64url: character "
                f"{char!r} at position {position} is not in the base64url alphabet "
                f"A-Z a-z 0-9 - _{hint}"
            )
    if len(text) - len(body) > 2 or len(body) % 4 == 1:
        raise SpecError("spec is not valid base64url: its length or '=' padding is wrong")
    try:
        raw = base64.b64decode(body + "=" * (-len(body) % 4), altchars=b"-_", validate=True)
    except binascii.Error as error:
        raise SpecError(f"spec is not valid base64url: {error}") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SpecError(
            f"spec's base64url decodes to bytes that are not UTF-8 (byte {error.start})"
        ) from None


def _validate(document: str) -> ChartSpec:
    try:
        data: Any = json.loads(document)
    except json.JSONDecodeError as error:
        raise SpecError(
            f"spec is not valid JSON at line {error.lineno} column {error.colno}: {error.msg}"
        ) from None
    except RecursionError:
        raise SpecError("spec is not valid JSON: it is nested too deeply") from None
    except ValueError as error:  # e.g. an integer literal past Python's 4300-digit limit
        raise SpecError(f"spec is not valid JSON: {error}") from None
    return ChartSpec.model_validate(data)


def canonical_spec_key(spec: ChartSpec) -> str:
    """Compact JSON of every field (defaults included), keys sorted, floats in Python's
    shortest round-trip form: equal specs give equal keys however they were spelt (JSON or
    base64url, key order, ``2`` or ``2.0``, ``#F00`` or ``#ff0000``). For cache keys and ETags."""
    document = spec.model_dump(mode="json")
    # fields added later are left out when unset, so that existing specs keep their keys
    for series in document["series"]:
        if series["r"] is None:
            del series["r"]
        if series["boxes"] is None:
            del series["boxes"]
    for name in _LATER_FIELDS:
        if document[name] is None:
            del document[name]
    return json.dumps(
        document,
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        allow_nan=False,
    )
