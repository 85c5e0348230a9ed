"""CHARTFN_PUBLIC_URL: the base of the links /chart/create hands out."""

from __future__ import annotations

import pytest

from chartfn.settings import Settings


def test_the_public_url_is_read_and_normalised() -> None:
    assert Settings.from_environment({}).public_url == ""
    settings = Settings.from_environment({"CHARTFN_PUBLIC_URL": " https://charts.example.com/x/ "})
    assert settings.public_url == "https://charts.example.com/x"
    local = Settings.from_environment({"CHARTFN_PUBLIC_URL": "http://127.0.0.1:8000"})
    assert local.public_url == "http://127.0.0.1:8000"


@pytest.mark.parametrize(
    "bad",
    ["charts.example.com", "ftp://x.org", "https://x.org/?a=1", "https://x.org/#f", "https:// x"],
)
def test_anything_but_an_http_url_is_refused_at_start(bad: str) -> None:
    with pytest.raises(ValueError, match="CHARTFN_PUBLIC_URL"):
        Settings.from_environment({"CHARTFN_PUBLIC_URL": bad})
