"""The rules of chartfn's own parameters that FastAPI's generated OpenAPI document leaves out.

The routes validate these themselves (with messages that say what is allowed), so the rules
are stated here, in the document only: a request the schema calls valid is then one the app
accepts, apart from what no JSON Schema can say (the formula grammar, cross-field rules, the
pixel budget, image sizes, signing), which the README and each description name. Applied when
the document is first asked for, so the colour grammar stays off /sin's cold start.
"""

from __future__ import annotations

from typing import Any

from chartfn.models.colors import CSS_COLOR_PATTERN
from chartfn.models.formula import FORMULA_CHARACTERS_PATTERN, MAX_FORMULA_LENGTH
from chartfn.models.formula_chart import MAX_CURVES, MAX_TEXT
from chartfn.models.output_options import MAX_BACKGROUND_CHARS

__all__ = ["FORMULA_FORMAT", "state_parameter_rules"]

#: A custom string format: a formula of the grammar in ``chartfn.models.formula``.
FORMULA_FORMAT = "formula"
_IMAGE_OPERATIONS = (("/sin", "get"), ("/plot", "get"), ("/chart", "get"), ("/chart", "post"))


def state_parameter_rules(schema: dict[str, Any]) -> None:
    paths = schema["paths"]
    for path, method in _IMAGE_OPERATIONS:
        parameters = _by_name(paths[path][method])
        # one string schema instead of "string or null": a query value is never null
        parameters["background"]["schema"] = {
            "type": "string",
            "maxLength": MAX_BACKGROUND_CHARS,
            "pattern": CSS_COLOR_PATTERN,
        }
    plot = _by_name(paths["/plot"]["get"])
    plot["f"]["schema"].update(
        minItems=1,
        items={
            "type": "string",
            "minLength": 1,
            "maxLength": MAX_FORMULA_LENGTH,
            "pattern": FORMULA_CHARACTERS_PATTERN,
            "format": FORMULA_FORMAT,
        },
    )
    plot["label"]["schema"].update(
        maxItems=MAX_CURVES, items={"type": "string", "maxLength": MAX_TEXT}
    )
    spec = _by_name(paths["/chart"]["get"])["spec"]
    # JSON in the query: the document can then say what a spec holds. base64url of the same
    # JSON is accepted too (the description says so); a JSON Schema cannot say both.
    spec.pop("schema")
    spec["content"] = {"application/json": {"schema": {"$ref": "#/components/schemas/ChartSpec"}}}


def _by_name(operation: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {parameter["name"]: parameter for parameter in operation["parameters"]}
