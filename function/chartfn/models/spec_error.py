"""The error of a chart spec that is not decodable JSON, apart from the spec's models so that
the HTTP layer can handle it without building them."""

from __future__ import annotations


class SpecError(ValueError):
    """A ``?spec=`` value or request body that is not decodable JSON (schema problems are
    pydantic ``ValidationError`` instead)."""
