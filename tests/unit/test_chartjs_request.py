"""QuickChart request parameters: names, aliases, defaults, bounds, version and encoding."""

from __future__ import annotations

import base64

import pytest

from chartfn.chartjs.request import (
    DEFAULT_DEVICE_PIXEL_RATIO,
    QuickChartRequest,
    RequestError,
    is_quickchart,
    parse_request,
)

BUDGET = 9_000_000
CONFIG = "{type:'bar',data:{labels:['a'],datasets:[{data:[1]}]}}"


def parse(**parameters: object) -> QuickChartRequest:
    return parse_request({"c": CONFIG, **parameters}, pixel_budget=BUDGET)


def test_a_bare_request_has_quickcharts_defaults() -> None:
    request = parse()
    assert (request.width, request.height) == (500, 300)
    assert request.device_pixel_ratio == DEFAULT_DEVICE_PIXEL_RATIO == 2.0
    assert request.pixels == (1000, 600)
    assert request.background == "transparent"
    assert request.format == "png"
    assert request.version == 2
    assert request.chart == CONFIG


def test_short_names_win_over_long_ones_as_in_quickchart() -> None:
    request = parse_request(
        {"c": "first", "chart": "second", "w": "200", "width": "300", "h": 100, "height": 50},
        pixel_budget=BUDGET,
    )
    assert (request.chart, request.width, request.height) == ("first", 200, 100)
    # QuickChart reads backgroundColor before bkg
    assert parse(backgroundColor="red", bkg="blue").background == "#ff0000"
    assert parse(f="svg", format="pdf").format == "svg"


def test_empty_values_count_as_absent() -> None:
    assert parse(w="", h="", f="", v="", bkg="").width == 500
    assert parse_request({"c": "", "chart": CONFIG}, pixel_budget=BUDGET).chart == CONFIG


@pytest.mark.parametrize(
    ("given", "expected"),
    [("2.9.4", 2), ("3", 3), ("3.9.1", 3), ("4.4.0", 4), (4, 4), ("latest", 2), ("", 2)],
)
def test_the_version_is_picked_by_its_first_character(given: object, expected: int) -> None:
    assert parse(v=given).version == expected


@pytest.mark.parametrize("side", [1, "1", 3000, "3000", 250.0, "250.0"])
def test_any_whole_side_from_1_to_3000(side: object) -> None:
    assert parse(w=side, devicePixelRatio=1).width == int(float(str(side)))


@pytest.mark.parametrize("side", [0, 3001, "-5", "12.5", "abc", "500px", True, [500]])
def test_other_sides_are_refused_naming_the_parameter(side: object) -> None:
    with pytest.raises(RequestError) as caught:
        parse(w=side)
    assert caught.value.parameter == "w"
    assert "from 1 to 3000" in str(caught.value)


def test_device_pixel_ratio_scales_the_pixels_and_zero_is_the_default() -> None:
    assert parse(devicePixelRatio="1.5").pixels == (750, 450)
    assert parse(devicePixelRatio=1.0).pixels == (500, 300)
    assert parse(devicePixelRatio=0).device_pixel_ratio == 2.0  # QuickChart: ratio || 2
    for bad in ("nan", "inf", "-1", 11, "two"):
        with pytest.raises(RequestError, match="devicePixelRatio"):
            parse(devicePixelRatio=bad)


def test_the_pixel_budget_counts_the_device_pixel_ratio() -> None:
    assert parse_request({"c": CONFIG, "w": 1000, "h": 1000}, pixel_budget=4_000_000)
    with pytest.raises(RequestError, match="at most 3999999"):
        parse_request({"c": CONFIG, "w": 1000, "h": 1000}, pixel_budget=3_999_999)


def test_less_than_a_pixel_a_side_is_refused() -> None:
    with pytest.raises(RequestError, match="less than one pixel"):
        parse(w=1, h=1, devicePixelRatio=0.2)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("white", "#ffffff"),
        ("#00f", "#0000ff"),
        ("rgba(255, 0, 0, 0.5)", "#ff000080"),
        ("hsl(120, 100%, 25%)", "#008000"),
        ("transparent", "transparent"),
        ("rgba(0,0,0,0)", "transparent"),
    ],
)
def test_any_css_colour_is_a_background(given: str, expected: str) -> None:
    assert parse(bkg=given).background == expected


def test_jpeg_has_no_transparency_so_its_default_is_white() -> None:
    assert parse(f="jpeg").background == "#ffffff"
    assert parse(f="jpg", bkg="transparent").background == "#ffffff"
    assert parse(f="jpeg", bkg="rgba(255,0,0,0.5)").background == "#ff0000"


def test_a_bad_colour_or_format_is_named() -> None:
    with pytest.raises(RequestError, match="bkg='nope'"):
        parse(bkg="nope")
    with pytest.raises(RequestError, match="one of png, svg, pdf, webp, jpeg"):
        parse(f="gif")


def test_base64_configs_decode_in_either_alphabet_and_with_plus_as_space() -> None:
    text = '{"type":"bar","data":{"labels":["~~~>"],"datasets":[{"data":[1]}]}}'
    standard = base64.b64encode(text.encode()).decode()
    assert "+" in standard  # the case that a query's + breaks
    urlsafe = base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")
    for encoded in (standard, urlsafe, standard.replace("+", " "), standard.rstrip("=")):
        assert parse(c=encoded, encoding="base64").chart == text


def test_bad_base64_and_unknown_encodings_are_refused() -> None:
    with pytest.raises(RequestError, match="not base64"):
        parse(c="@@@@", encoding="base64")
    with pytest.raises(RequestError, match="not base64"):
        parse(c=base64.b64encode(b"\xff\xfe").decode(), encoding="base64")
    with pytest.raises(RequestError, match="url or base64"):
        parse(encoding="hex")


def test_a_posted_object_is_kept_as_an_object() -> None:
    config = {"type": "pie", "data": {"datasets": [{"data": [1, 2]}]}}
    request = parse_request({"chart": config}, pixel_budget=BUDGET)
    assert request.chart == config
    assert request.config_text == '{"type":"pie","data":{"datasets":[{"data":[1,2]}]}}'


def test_a_missing_or_non_config_chart_is_refused() -> None:
    with pytest.raises(RequestError, match="missing"):
        parse_request({"w": 100}, pixel_budget=BUDGET)
    with pytest.raises(RequestError, match="not an array"):
        parse_request({"chart": [1, 2]}, pixel_budget=BUDGET)


def test_a_request_is_quickcharts_when_it_names_c_or_chart() -> None:
    assert is_quickchart({"c": ""})
    assert is_quickchart({"chart": "{}"})
    assert not is_quickchart({"spec": "{}", "width": "500"})
