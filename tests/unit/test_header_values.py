"""header_value: any text becomes a legal, bounded header value that decodes back to the text."""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from chartfn.http.header_values import header_value
from raw_http import header_problem

CUT_MARK = "..."
# every kind of character the service might be handed, weighted towards the awkward ones
awkward = st.sampled_from(
    [" ", "\t", "\r", "\n", "\x00", "\x1b", "\x7f", "\x85", "\x9b", "%", '"', "\\", "\ud800"]
)
texts = st.text(st.one_of(awkward, st.characters(codec=None)), max_size=2500)


def assert_legal(value: str, max_length: int) -> None:
    assert len(value) <= max_length
    assert value.isascii()
    assert header_problem(value.encode("ascii")) is None
    assert value == value.strip(" \t"), "leading or trailing whitespace"


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(min_value=0, max_value=1200))
@example(" " * 2000, 1000)
@example("a" * 998 + " " + "b", 1000)
@example("\U0001f600" * 300, 1000)
def test_any_text_gives_a_legal_bounded_value(text: str, max_length: int) -> None:
    assert_legal(header_value(text, max_length), max_length)


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(min_value=len(CUT_MARK), max_value=1200))
def test_the_value_decodes_to_the_text_or_a_marked_prefix_of_it(text: str, limit: int) -> None:
    value = header_value(text, limit)
    # a lone surrogate has no UTF-8 form: it goes out as U+FFFD
    readable = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)
    if unquote(value) == readable:
        return
    assert value.endswith(CUT_MARK)
    kept = unquote(value.removesuffix(CUT_MARK))
    assert readable.startswith(kept)
    # cut between characters, and no earlier than it had to be: the next one did not fit
    assert len(value) + len(header_value(readable[len(kept)], 100)) > limit


def test_a_person_reads_the_text() -> None:
    assert header_value("width='abc' is not a whole number") == (
        "width='abc' is not a whole number"
    )
    assert header_value("GET /nope\x01\x1b[31m: Not Found") == "GET /nope%01%1B[31m: Not Found"
    assert header_value("title='正弦 עברית 😀' 50%") == (
        "title='%E6%AD%A3%E5%BC%A6 %D7%A2%D7%91%D7%A8%D7%99%D7%AA %F0%9F%98%80' 50%25"
    )
    assert header_value("a\r\nSet-Cookie: x=1") == "a%0D%0ASet-Cookie: x=1"


def test_whitespace_at_either_end_is_kept_but_encoded() -> None:
    assert header_value("  a b  ") == "%20 a b %20"
    assert header_value("\tx\t") == "%09x%09"
    assert header_value(" ") == "%20"
    assert header_value("") == ""


def test_a_cut_on_a_space_still_ends_in_a_visible_character() -> None:
    # the message of issue 9: 1,000 characters with the cut landing on a space
    text = "x" * 995 + " " + "y" * 100
    value = header_value(text)
    assert len(value) == 1000
    assert value == "x" * 995 + " " + "y" + CUT_MARK


def test_an_escape_is_never_split() -> None:
    assert header_value("ab" + "中" * 3, 14) == "ab%E4%B8%AD" + CUT_MARK
    assert header_value("ab" + "中" * 3, 13) == "ab" + CUT_MARK
    assert header_value("%%%%", 8) == "%25" + CUT_MARK


def test_tiny_limits() -> None:
    assert header_value("abcdef", 5) == "ab" + CUT_MARK
    assert header_value("abcdef", 6) == "abcdef"
    assert header_value("abcdef", 2) == ".."
    assert header_value("abcdef", 0) == ""
    with pytest.raises(ValueError, match="max_length"):
        header_value("a", -1)


def test_the_work_is_bounded_by_the_limit_not_the_text() -> None:
    value = header_value("a " * 5_000_000, 50)
    assert value == "a " * 23 + "a" + CUT_MARK
