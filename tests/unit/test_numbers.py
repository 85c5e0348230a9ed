import pytest

from chartfn.models.numbers import shortest_form


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (2, "2"),
        (2.0, "2"),
        (0.5, "0.5"),
        (1e6, "1e+06"),
        (100.0, "100"),
        (1234567.0, "1234567"),
        (-3.25, "-3.25"),
        (-0.0, "0"),
        (0.1 + 0.2, "0.30000000000000004"),
        (1e-5, "1e-05"),
    ],
)
def test_shortest_form_reads_back_exactly(value: float, text: str) -> None:
    assert shortest_form(value) == text
    assert float(text) == value
