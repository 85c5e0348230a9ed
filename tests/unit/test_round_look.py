"""Chart.js doughnuts and pies beyond one ring: every dataset a nested ring (first outermost,
``weight``), a v3/v4 hole in pixels, QuickChart's outlabeledPie and outlabels plugin, and its
doughnutlabel plugin's lines in the hole. Rings and holes are measured from the pixels, so
these tests do not take the engine's word for where it drew them."""

from __future__ import annotations

import numpy as np
import pytest

from chartfn.chartjs.config import ConfigError
from chartfn.chartjs.translate import TranslationError
from chartfn.drawing.raster.layout import Label
from chartjs_render import drawn_rgb, prepared, texts

RED, BLUE, GREEN = (255, 0, 0), (0, 0, 255), (0, 128, 0)
QUIET = "legend:{display:false},plugins:{datalabels:{display:false}}"
OUTLABELED = (
    "{type:'%s',data:{labels:['ONE','TWO','THREE','FOUR','FIVE'],datasets:[{data:[1,2,3,4,5],"
    "backgroundColor:['#ff3784','#36a2eb','#4bc0c0','#f77825','#9966ff']}]},"
    "options:{plugins:{legend:false,outlabels:{%s}}}}"
)


SIZE = {"width": 500, "height": 300, "device_pixel_ratio": 1.0}


def drawn(config: str, version: int = 2, **size: float) -> tuple[np.ndarray, list[Label]]:
    """The chart's RGB pixels (rows top-down) and every text drawn (boxes y up)."""
    size = {**SIZE, **size}
    return drawn_rgb(config, version, **size), texts(config, version, **size)


def reach(pixels: np.ndarray, colour: tuple[int, int, int]) -> tuple[float, float]:
    """Along the middle row from the image's centre to the right: the nearest and furthest
    distance where ``colour`` is drawn."""
    height, width = pixels.shape[:2]
    row = pixels[height // 2, width // 2 :]
    hits = np.flatnonzero(np.abs(row - np.array(colour)).max(axis=1) <= 3)
    assert hits.size, f"{colour} is not drawn along the middle row"
    return float(hits.min()), float(hits.max())


def rings_config(extra: str = "", second: str = "", kind: str = "pie", options: str = "") -> str:
    return (
        f"{{type:'{kind}',data:{{labels:['a','b'],datasets:["
        f"{{data:[1,1],backgroundColor:'red'{extra}}},"
        f"{{data:[2,2],backgroundColor:'blue'{second}}}]}},options:{{{QUIET}{options}}}}}"
    )


def test_every_dataset_of_a_pie_is_a_ring_the_first_outermost() -> None:
    pixels, _ = drawn(rings_config())
    red_near, red_far = reach(pixels, RED)
    blue_near, blue_far = reach(pixels, BLUE)
    # Chart.js splits the radius equally: the inner dataset from the centre to half of it
    assert blue_near <= 2 and abs(blue_far - red_far / 2) <= 2.5, (blue_far, red_far)
    assert abs(red_near - red_far / 2) <= 3, (red_near, red_far)


def test_each_ring_keeps_its_own_values_and_colours() -> None:
    config = (
        "{type:'pie',data:{labels:['a','b'],datasets:["
        "{data:[5,1],backgroundColor:['red','green']},"
        "{data:[1,1],backgroundColor:['blue','yellow']}]},options:{" + QUIET + "}}"
    )
    pixels, _ = drawn(config)
    height, width = pixels.shape[:2]
    # at 9 o'clock: the outer ring's first slice (5 of 6 from 12 o'clock), the inner's second
    row = pixels[height // 2, : width // 2][::-1]  # from the centre leftwards
    red = np.flatnonzero(np.abs(row - np.array(RED)).max(axis=1) <= 3)
    yellow = np.flatnonzero(np.abs(row - np.array((255, 255, 0))).max(axis=1) <= 3)
    assert red.size and yellow.size and yellow.max() < red.min()


def test_a_ring_of_weight_below_0_has_no_band() -> None:
    pixels, _ = drawn(rings_config(extra=",weight:'2'", second=",weight:-1"))
    _, red_far = reach(pixels, RED)
    assert not np.any(np.abs(pixels - np.array(BLUE)).max(axis=2) <= 3)
    red_near, _ = reach(pixels, RED)
    assert red_near <= 2 and red_far > 100  # the red ring fills the pie


def test_a_ring_takes_its_weight() -> None:
    pixels, _ = drawn(rings_config(second=",weight:3"), version=4)
    red_near, red_far = reach(pixels, RED)
    _, blue_far = reach(pixels, BLUE)
    # weights 1 and 3: the outer ring is a quarter of the radius
    # (the white border between the rings takes a few pixels of the outer one's colour)
    assert abs(red_near - 0.75 * red_far) <= 5 and abs(blue_far - 0.75 * red_far) <= 3


def test_a_doughnuts_rings_share_the_band_outside_the_hole() -> None:
    pixels, _ = drawn(rings_config(kind="doughnut"))
    red_near, red_far = reach(pixels, RED)
    blue_near, blue_far = reach(pixels, BLUE)
    # hole 50 %: the rings split the outer half of the radius
    assert abs(blue_near - red_far / 2) <= 4 and abs(red_near - 0.75 * red_far) <= 5
    assert abs(blue_far - 0.75 * red_far) <= 3


@pytest.mark.parametrize("ratio", [1.0, 2.0])
def test_a_number_cutout_is_css_pixels_in_chartjs_3_and_4(ratio: float) -> None:
    # no legend: the ring is centred on the canvas (Chart.js's chart area), where reach looks
    config = (
        "{type:'doughnut',data:{datasets:[{data:[1],backgroundColor:'red'}]},"
        "options:{cutout:40,legend:{display:false},plugins:{legend:{display:false}}}}"
    )
    pixels, _ = drawn(config, version=4, device_pixel_ratio=ratio)
    near, far = reach(pixels, RED)
    assert abs(near - 40 * ratio) <= 1.5 * ratio, (near, far)
    # cutoutPercentage in v2 stays a share of the radius
    # a hole below 0 pixels is none, as Chart.js 4's Math.max(outer * cutout, 0) has it
    pixels, _ = drawn(config.replace("cutout:40", "cutout:-5"), version=4, device_pixel_ratio=ratio)
    assert reach(pixels, RED)[0] <= 1.5 * ratio  # only the white border at the centre
    pixels, _ = drawn(config.replace("cutout:40", "cutoutPercentage:40"), device_pixel_ratio=ratio)
    near, far = reach(pixels, RED)
    # the white 2 CSS px border takes a CSS px off each edge of the ring
    assert abs((near - ratio) - 0.4 * (far + ratio)) <= 2 * ratio


def test_rings_with_nothing_to_draw_are_named_and_bad_weights_refused() -> None:
    chart = prepared(rings_config(second="").replace("data:[2,2]", "data:[0,null]"))
    assert len(chart.spec.series) == 1
    assert any("data.datasets[1]" in warning for warning in chart.warnings)
    with pytest.raises(TranslationError, match=r"data\.datasets\[1\]\.weight"):
        prepared(rings_config(second=",weight:'wide'"))


def test_outlabeled_pie_writes_label_and_percent_outside_a_pie_half_the_size() -> None:
    pixels, texts = drawn(OUTLABELED % ("outlabeledPie", "text:'%l %p',stretch:35"))
    shown = {t.text: t for t in texts}
    assert {"ONE 6.7%", "TWO 13.3%", "THREE 20.0%", "FOUR 26.7%", "FIVE 33.3%"} <= set(shown)
    plain, _ = drawn(OUTLABELED.replace("outlabels:{%s}", "datalabels:{display:false}") % "pie")
    _, outlabeled_far = reach(pixels, (0x4B, 0xC0, 0xC0))  # THREE lies across 3 o'clock
    _, plain_far = reach(plain, (0x4B, 0xC0, 0xC0))
    assert abs(outlabeled_far - plain_far / 2) <= 3, (outlabeled_far, plain_far)
    height, width = pixels.shape[:2]
    for text, label in shown.items():
        x0, y0, x1, y1 = label.box
        middle = ((x0 + x1) / 2 - width / 2, (y0 + y1) / 2 - height / 2)
        assert np.hypot(*middle) > outlabeled_far + 30, text  # beyond the line's 35 px
    # the box behind THREE's text is THREE's slice colour
    x0, y0, _, y1 = shown["THREE 20.0%"].box
    assert tuple(pixels[height - round((y0 + y1) / 2), round(x0) - 2]) == (0x4B, 0xC0, 0xC0)


def test_outlabels_text_markers_precisions_and_functions() -> None:
    chart = prepared(OUTLABELED % ("pie", "text:'%v %v.1 %p.2 %l',valuePrecision:0"))
    assert chart.overlays is not None and chart.overlays.round is not None
    outlabels = chart.overlays.round.outlabels
    assert outlabels is not None and outlabels.zoom_out == 0  # a pie keeps its size
    # valuePrecision 0 reads as the default 3 (the plugin's `|| 3`)
    assert outlabels.texts[0] == ("1.000 1.0 6.67% ONE",)
    chart = prepared(OUTLABELED % ("pie", "text:'%p',percentPrecision:3"))
    assert chart.overlays is not None and chart.overlays.round is not None
    assert chart.overlays.round.outlabels is not None
    assert chart.overlays.round.outlabels.texts[0] == ("6.667%",)
    chart = prepared(OUTLABELED % ("pie", "text:(c) => c.labels[c.dataIndex] + '\\n%p'"))
    assert chart.overlays is not None and chart.overlays.round is not None
    assert chart.overlays.round.outlabels is not None
    assert chart.overlays.round.outlabels.texts[1] == ("TWO", "13.3%")
    assert not any("outlabels" in warning for warning in chart.warnings), chart.warnings
    with pytest.raises(ConfigError, match=r"options\.plugins\.outlabels\.text"):
        prepared(OUTLABELED % ("pie", "text:(c) => c.nothing.here"))


def test_outlabels_turn_quickcharts_default_data_labels_off_and_dataset_false_hides_them() -> None:
    _, texts = drawn(OUTLABELED % ("pie", "text:'%l'"))
    assert {t.text for t in texts} >= {"ONE", "FIVE"} and "5" not in {t.text for t in texts}
    _, texts = drawn((OUTLABELED % ("pie", "text:'%l'")).replace("]}]}", "],outlabels:false}]}"))
    assert {"ONE", "FIVE"}.isdisjoint(t.text for t in texts)
    assert "5" in {t.text for t in texts}  # QuickChart's default data labels are back
    # outlabeledPie without outlabels options: zoomed out, no labels (QuickChart's default)
    _, texts = drawn(OUTLABELED.replace("outlabels:{%s}", "x:1") % "outlabeledPie")
    assert not texts


@pytest.mark.parametrize(
    "bad", ["stretch:'far'", "color:'rgb(1,2)'", "font:{size:-3,resizable:false}"]
)
def test_outlabels_values_the_plugin_cannot_use_are_refused_by_path(bad: str) -> None:
    with pytest.raises(TranslationError, match=r"options\.plugins\.outlabels\."):
        prepared(OUTLABELED % ("pie", bad))


DOUGHNUTLABEL = (
    "{type:'doughnut',data:{labels:['a','b'],datasets:[{data:[50,60]}]},options:{%s"
    "plugins:{datalabels:{display:false},doughnutlabel:{labels:[%s]}}}}"
)


def test_doughnutlabel_lines_are_centred_in_the_hole_one_under_another() -> None:
    pixels, texts = drawn(
        DOUGHNUTLABEL % ("legend:{display:false},", "{text:'550',font:{size:20}},{text:'total'}")
    )
    shown = {t.text: t.box for t in texts}
    height, width = pixels.shape[:2]
    big, small = shown["550"], shown["total"]
    assert (
        abs((big[0] + big[2]) / 2 - width / 2) <= 1
        and abs((small[0] + small[2]) / 2 - width / 2) <= 1
    )
    assert big[1] > small[3] - 1  # 550 above total (y up)
    assert big[3] - big[1] > small[3] - small[1]  # 20 px over 12
    # the block is centred on the chart area's middle
    assert abs((big[3] + small[1]) / 2 - height / 2) <= 3


def test_doughnutlabel_shrinks_text_to_fit_the_hole() -> None:
    _, texts = drawn(
        DOUGHNUTLABEL
        % ("legend:{display:false},", "{text:'a very long line of text indeed',font:{size:60}}")
    )
    (line,) = [t for t in texts if t.text.startswith("a very")]
    near, _ = reach(drawn(DOUGHNUTLABEL % ("legend:{display:false},", ""))[0], (0x4E, 0x79, 0xA7))
    assert line.box[2] - line.box[0] <= 2 * near + 2


def test_doughnutlabel_is_not_drawn_yet_beside_other_types() -> None:
    chart = prepared(
        "{type:'bar',data:{datasets:[{data:[1]}]},options:{plugins:{doughnutlabel:{labels:[{text:'x'}]}}}}"
    )
    assert any("doughnutlabel" in warning for warning in chart.warnings)


def test_outlabels_that_would_overlap_move_apart_as_the_plugin_moves_them() -> None:
    # twelve slices of under a degree each: their labels all start near 12 o'clock
    labels = ",".join([f"'L{i}'" for i in range(12)] + ["'big'"])
    values = ",".join(["1"] * 12 + ["400"])
    config = (
        f"{{type:'pie',data:{{labels:[{labels}],datasets:[{{data:[{values}]}}]}},"
        "options:{legend:{display:false},plugins:{outlabels:{text:'%l'}}}}"
    )
    _, texts = drawn(config, width=800, height=600)
    boxes = [t.box for t in texts if t.text.startswith("L")]
    assert len(boxes) == 12
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
            assert apart, (a, b)


def test_each_ring_takes_its_own_datasets_patterns() -> None:
    """A pattern on the inner ring's slice is painted there: the ring's colour and the
    pattern's tile colour both show, where a plain slice of that colour shows one colour."""
    config = (
        "{type:'doughnut',data:{labels:['a','b'],datasets:["
        "{data:[1,1],backgroundColor:['#ff0000','#008000']},"
        "{data:[1,1],backgroundColor:[%s,'#008000']}]},options:{%s}}"
    )
    patterned, _ = drawn(config % ("pattern.draw('dot','#0000ff','#ffff00',10)", QUIET))
    plain, _ = drawn(config % ("'#0000ff'", QUIET))

    def count(pixels: np.ndarray, colour: tuple[int, int, int]) -> int:
        return int((np.abs(pixels - np.array(colour)).max(axis=2) <= 3).sum())

    assert count(plain, BLUE) > 0 and count(plain, (255, 255, 0)) == 0
    assert count(patterned, BLUE) > 0 and count(patterned, (255, 255, 0)) > 0
