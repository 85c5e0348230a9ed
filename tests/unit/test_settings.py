import pytest

from chartfn.image_cache import DEFAULT_MAX_BYTES
from chartfn.settings import Settings


def test_defaults_without_environment() -> None:
    settings = Settings.from_environment({})
    assert settings.cache_max_bytes == DEFAULT_MAX_BYTES == 16 * 1024 * 1024
    assert settings.cache_max_age_s >= 86400


def test_reads_overrides() -> None:
    settings = Settings.from_environment(
        {
            "CHARTFN_CACHE_MAX_BYTES": "0",
            "CHARTFN_CACHE_MAX_AGE": "3600",
            "CHARTFN_MAX_RENDERERS": "2",
        }
    )
    assert (settings.cache_max_bytes, settings.cache_max_age_s, settings.max_renderers) == (
        0,
        3600,
        2,
    )


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("CHARTFN_CACHE_MAX_BYTES", "lots"),
        ("CHARTFN_CACHE_MAX_BYTES", "-1"),
        ("CHARTFN_MAX_RENDERERS", "0"),
    ],
)
def test_bad_values_fail_loudly_at_start(name: str, value: str) -> None:
    with pytest.raises(ValueError, match=name):
        Settings.from_environment({name: value})


def test_lambda_defaults_can_still_be_overridden() -> None:
    lambda_defaults = Settings(render_inline=True)
    assert Settings.from_environment({}, defaults=lambda_defaults).render_inline is True
    overridden = Settings.from_environment({"CHARTFN_RENDER_INLINE": "false"}, lambda_defaults)
    assert overridden.render_inline is False


def test_the_lambda_handler_renders_inline() -> None:
    from chartfn.lambda_handler import app

    assert app.state.settings.render_inline is True
