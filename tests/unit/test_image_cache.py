import pytest

from chartfn.image_cache import ImageCache


def test_returns_what_was_put() -> None:
    cache = ImageCache(max_bytes=100)
    cache.put("a", b"x" * 10)
    assert cache.get("a") == b"x" * 10
    assert cache.get("b") is None


def test_evicts_least_recently_used_to_stay_within_its_byte_budget() -> None:
    cache = ImageCache(max_bytes=30)
    cache.put("a", b"1" * 10)
    cache.put("b", b"2" * 10)
    cache.put("c", b"3" * 10)
    assert cache.get("a") is not None  # a is now the most recently used
    cache.put("d", b"4" * 10)
    assert cache.get("b") is None
    assert {k for k in "acd" if cache.get(k) is not None} == {"a", "c", "d"}
    assert cache.size_bytes == 30


def test_replacing_a_key_counts_its_bytes_once() -> None:
    cache = ImageCache(max_bytes=100)
    cache.put("a", b"1" * 40)
    cache.put("a", b"2" * 50)
    assert cache.size_bytes == 50
    assert len(cache) == 1


def test_an_image_larger_than_the_budget_is_not_cached() -> None:
    cache = ImageCache(max_bytes=10)
    cache.put("small", b"1" * 5)
    cache.put("big", b"2" * 11)
    assert cache.get("big") is None
    assert cache.get("small") == b"1" * 5


def test_zero_budget_disables_caching() -> None:
    cache = ImageCache(max_bytes=0)
    cache.put("a", b"1")
    assert cache.get("a") is None


def test_negative_budget_is_refused() -> None:
    with pytest.raises(ValueError, match="max_bytes"):
        ImageCache(max_bytes=-1)
