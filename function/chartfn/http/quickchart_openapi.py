"""QuickChart's parameters in the OpenAPI document, on the operations they share with chartfn.

``GET``/``POST /chart`` are declared by ``routes`` for chart specs; the QuickChart request is
decided before them (``quickchart_routes.ChartDispatch``), so FastAPI cannot see its
parameters: they are added here to the generated document, with which set wins.
"""

from __future__ import annotations

import copy
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from chartfn.chartjs.render_id import MAX_URL_CHARS
from chartfn.chartjs.request import (
    DEFAULT_HEIGHT,
    DEFAULT_WIDTH,
    MAX_CONFIG_CHARS,
    MAX_DEVICE_PIXEL_RATIO,
    MAX_SIDE,
    MIN_DEVICE_PIXEL_RATIO,
)
from chartfn.models.colors import CSS_COLOR_PATTERN
from chartfn.models.output_options import MEDIA_TYPES

__all__ = ["CONFIG_FORMAT", "RENDER_ID_FORMAT", "QuickChartBody", "add_quickchart"]

WHICH_WINS = (
    "Two parameter sets. A request that names `c` or `chart` (in the query, or in a JSON or "
    "form body) is a QuickChart request from end to end: QuickChart's names and defaults "
    f"(`w`/`width` {DEFAULT_WIDTH}, `h`/`height` {DEFAULT_HEIGHT}, whole sizes 1 to {MAX_SIDE} "
    "before `devicePixelRatio` 2; `bkg`/`backgroundColor` transparent, white for JPEG; "
    "`v`/`version` by its first character; `f`/`format`; `encoding` url or base64), no Accept "
    "negotiation, errors as the message drawn in the requested format and size with "
    "`X-quickchart-error` (400 for anything wrong with the request). `spec` and the other "
    "chartfn parameters are then not read, and `c` together with `spec` is a 400. Without "
    "`c`/`chart` the request is a chartfn spec request (`spec`, `width`, `height`, `scale`, "
    "`format`, `background`, `theme`, `errors`). Where the deployment signs, a QuickChart "
    "request is also accepted with QuickChart's own `sig` (hex HMAC-SHA256 of `c`)."
)
ColorText = Annotated[str, Field(pattern=CSS_COLOR_PATTERN, max_length=100)]
Side = Annotated[int, Field(ge=1, le=MAX_SIDE)]
FormatName = Literal["png", "svg", "pdf", "webp", "jpeg", "jpg"]


class QuickChartBody(BaseModel):
    """A QuickChart request body (what quickchart-js and quickchart-io POST)."""

    model_config = ConfigDict(extra="allow")

    chart: str | dict[str, Any] = Field(
        description="The Chart.js config: an object, or its text (JSON or JavaScript); `c` "
        "is the same.",
    )
    width: Side | None = Field(None, description=f"CSS pixels, default {DEFAULT_WIDTH}; `w`.")
    height: Side | None = Field(None, description=f"CSS pixels, default {DEFAULT_HEIGHT}; `h`.")
    devicePixelRatio: float | None = Field(
        None, ge=0, le=MAX_DEVICE_PIXEL_RATIO, description="Default 2; 0 means the default."
    )
    backgroundColor: ColorText | None = Field(None, description="Any CSS colour; `bkg`.")
    format: FormatName | None = Field(None, description="Default png; `f`.")
    version: str | float | None = Field(
        None, description="Chart.js version, read by its first character; `v`."
    )
    encoding: Literal["url", "base64"] | None = None
    key: Any = Field(
        None, description="Where the deployment signs: its secret authorises (else ignored)."
    )


def _parameters() -> list[dict[str, Any]]:
    def query(name: str, schema: dict[str, Any], description: str) -> dict[str, Any]:
        return {
            "name": name,
            "in": "query",
            "required": False,
            "schema": schema if name in ("c", "chart") else or_empty(schema),
            "description": description,
        }

    config = CONFIG_TEXT
    side = {"type": "integer", "minimum": 1, "maximum": MAX_SIDE}
    ratio = RATIO
    color = {"type": "string", "pattern": CSS_COLOR_PATTERN, "maxLength": 100}
    text = {"type": "string"}  # read by no one: any text
    return [
        query("c", config, "QuickChart: the Chart.js config, JSON or JavaScript (`+` is a space)."),
        query("chart", config, "QuickChart: the same as `c`."),
        query("w", side, f"QuickChart: width in CSS pixels (default {DEFAULT_WIDTH})."),
        query("h", side, f"QuickChart: height in CSS pixels (default {DEFAULT_HEIGHT})."),
        query("devicePixelRatio", ratio, "QuickChart: pixels per CSS pixel (default 2)."),
        query("bkg", color, "QuickChart: background, any CSS colour (default transparent)."),
        query("backgroundColor", color, "QuickChart: the same as `bkg` (wins over it)."),
        query(
            "v", {"type": "string"}, "QuickChart: Chart.js version (2.9.4), its first character."
        ),
        query("version", {"type": "string"}, "QuickChart: the same as `v`."),
        query("f", {"type": "string", "enum": list(FormatName.__args__)}, "QuickChart: format."),  # type: ignore[attr-defined]
        query(
            "encoding",
            {"type": "string", "enum": ["url", "base64"]},
            "QuickChart: how c is "
            "encoded; base64 decodes either alphabet, a `+` sent as a space too.",
        ),
        query("key", text, "QuickChart: ignored (a POST body's key may authorise, see sig)."),
        query("ref", text, "QuickChart: ignored."),
        query("accountId", text, "QuickChart: ignored."),
    ]


RATIO = {
    "anyOf": [
        {"type": "number", "minimum": MIN_DEVICE_PIXEL_RATIO, "maximum": MAX_DEVICE_PIXEL_RATIO},
        {"type": "number", "enum": [0]},  # 0: the default
    ]
}
#: A custom string format: a Chart.js config as text (JSON or a JavaScript literal); which
#: texts are configs no JSON Schema can say.
CONFIG_FORMAT = "chartjs-config"
CONFIG_TEXT = {
    "type": "string",
    "maxLength": MAX_CONFIG_CHARS,
    "format": CONFIG_FORMAT,
}
#: A custom string format: what POST /chart/create hands out after /chart/render/.
RENDER_ID_FORMAT = "render-id"
RENDER_ID = {
    "type": "string",
    "minLength": 1,
    "maxLength": MAX_URL_CHARS,
    # URL-safe base64 of the deflated request; where the deployment signs, "." and its MAC
    "pattern": "^[A-Za-z0-9_-]+(?:[.][A-Za-z0-9_-]+)?$",
    "format": RENDER_ID_FORMAT,
}


def or_empty(schema: dict[str, Any]) -> dict[str, Any]:
    """QuickChart reads its parameters as `a || b`: an empty value is one not given."""
    return {"anyOf": [schema, {"type": "string", "maxLength": 0}]}


def _body_schemas() -> tuple[dict[str, Any], dict[str, Any]]:
    """QuickChartBody as JSON and as a form. A body names its config as ``chart`` or ``c``
    (``c`` wins) and cannot carry a chartfn ``spec`` too. A form's values are text: no objects,
    no nulls."""
    body = QuickChartBody.model_json_schema(ref_template="#/components/schemas/{model}")
    properties = body["properties"]
    properties["chart"]["anyOf"][0] = CONFIG_TEXT
    properties["devicePixelRatio"]["anyOf"][0] = RATIO
    for alias, name in _BODY_ALIASES.items():
        properties[alias] = {**properties[name], "description": f"The same as `{name}`."}
    properties["sig"] = {"type": "string", "maxLength": 64, "description": "QuickChart's sig."}
    body.pop("required", None)
    # an empty config counts as none (QuickChart's `c || chart`): one of them holds something
    body["anyOf"] = [
        {"required": [name], "properties": {name: {"not": {"const": ""}}}}
        for name in ("chart", "c")
    ]
    body["not"] = {"required": ["spec"]}
    form = {**body, "properties": {}}
    for name, schema in properties.items():
        branches = schema.get("anyOf", [schema])
        plain = [b for b in branches if b.get("type") not in ("null", "object")]
        text_only = [b if {"type", "anyOf"} & b.keys() else {"type": "string"} for b in plain]
        described = {k: v for k, v in schema.items() if k in ("description", "title")}
        chosen = text_only[0] if len(text_only) == 1 else {"anyOf": text_only}
        form["properties"][name] = {**chosen, **described}
    # copies: the branches above are shared with each other and with module constants
    body["properties"] = copy.deepcopy(properties)
    form["properties"] = copy.deepcopy(form["properties"])
    for name, schema in [*body["properties"].items(), *form["properties"].items()]:
        if name not in ("chart", "c", "key") and "anyOf" in schema:
            schema["anyOf"].append({"type": "string", "maxLength": 0})
        elif name not in ("chart", "c", "key"):
            kept = {k: v for k, v in schema.items() if k in ("description", "title")}
            branch = {k: v for k, v in schema.items() if k not in kept}
            schema.clear()
            schema.update(or_empty(branch), **kept)
    return body, form


# The other short names (w, h, bkg, v, f) work in bodies too; declared once, in the query.
_BODY_ALIASES = {"c": "chart"}


def _image_content() -> dict[str, Any]:
    return {media_type: {} for media_type in MEDIA_TYPES.values()}


def _quickchart_error(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {**_image_content(), "application/json": {}},
        "headers": {
            "X-quickchart-error": {
                "description": "The error message (QuickChart's clients raise with it).",
                "schema": {"type": "string"},
            }
        },
    }


WARNING_HEADER = {
    "X-Chart-Warning": {
        "description": "What of a Chart.js config was not drawn as Chart.js would (functions "
        "not run yet, approximations).",
        "schema": {"type": "string"},
    }
}
CREATE_RESULT = {
    "type": "object",
    "properties": {"success": {"type": "boolean"}, "url": {"type": "string"}},
    "required": ["success", "url"],
}


def add_quickchart(schema: dict[str, Any]) -> None:
    schemas = schema.setdefault("components", {}).setdefault("schemas", {})
    schemas["QuickChartBody"], schemas["QuickChartForm"] = _body_schemas()
    paths = schema["paths"]
    get = paths["/chart"]["get"]
    get["description"] = WHICH_WINS
    for parameter in get["parameters"]:
        if parameter["name"] == "spec":
            parameter["required"] = False
            parameter["description"] += " Required unless c or chart is given (QuickChart)."
    get["parameters"].extend(_parameters())
    post = paths["/chart"]["post"]
    post["description"] = WHICH_WINS
    body_ref = {"$ref": "#/components/schemas/QuickChartBody"}
    content = post["requestBody"]["content"]
    content["application/json"]["schema"] = {
        "anyOf": [content["application/json"]["schema"], body_ref]
    }
    form_ref = {"$ref": "#/components/schemas/QuickChartForm"}
    content["application/x-www-form-urlencoded"] = {"schema": form_ref}
    for operation in (get, post):
        responses = operation["responses"]
        responses["400"] = _quickchart_error("A QuickChart request that cannot be drawn.")
        responses["403"].setdefault("content", {}).update(_image_content())
        responses["200"].setdefault("headers", {}).update(WARNING_HEADER)
    create_body = paths["/chart/create"]["post"]["requestBody"]["content"]
    create_body["application/x-www-form-urlencoded"]["schema"] = form_ref
    create = paths["/chart/create"]["post"]["responses"]
    create["200"]["content"] = {"application/json": {"schema": CREATE_RESULT}}
    for status in ("400", "403", "413"):
        create[status]["content"] = {"application/json": {}}
    render_operation = paths["/chart/render/{render_id}"]["get"]
    for parameter in render_operation["parameters"]:
        if parameter["name"] == "render_id":
            parameter["schema"] = RENDER_ID
    render = render_operation["responses"]
    render["200"] = {
        "description": "The chart, as the id's request asks.",
        "content": _image_content(),
        "headers": WARNING_HEADER,
    }
    render["304"] = {"description": "The client's copy (If-None-Match) is current."}
    render["400"] = _quickchart_error(
        "An id that does not decode, or a chart that cannot be drawn."
    )
    render["403"] = _quickchart_error("This deployment signs and the id's MAC does not match.")
    render["413"] = _quickchart_error("The image would be too large for a response.")
    render.pop("422", None)
