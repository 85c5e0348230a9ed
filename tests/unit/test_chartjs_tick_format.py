"""QuickChart's tickFormat plugin (``chartjs.tick_format``): the number axes' labels through the
sandbox's Intl.NumberFormat with the plugin's locale, prefix and suffix, in both Chart.js
versions; Intl's refusals are a 400 naming the plugin; a callback of the config wins."""

from __future__ import annotations

import pytest

from chartfn.chartjs.prepare import PreparedChart, prepare
from chartfn.chartjs.request import QuickChartRequest
from chartfn.chartjs.tick_format import MAX_AFFIX, tick_format_of
from chartfn.chartjs.translate import TranslationError

# the docs' custom-tick-format examples; values this process has not formatted elsewhere
BARS = (
    "{type:'%s',data:{labels:['Q1','Q2','Q3','Q4'],datasets:[{label:'Revenue',"
    "data:[51000,61000,71000,1810000]}]},options:{%s}}"
)


def prepared(kind: str, options: str, version: int = 2) -> PreparedChart:
    chart = prepare(QuickChartRequest(chart=BARS % (kind, options), version=version))
    chart.close()
    return chart


def value_labels(kind: str, options: str, version: int = 2) -> list[str | None]:
    chart = prepare(QuickChartRequest(chart=BARS % (kind, options), version=version))
    try:
        provider = chart.ticks.x if kind == "horizontalBar" else chart.ticks.y
        assert provider is not None
        return provider(1200).labels
    finally:
        chart.close()


@pytest.mark.parametrize("version", [2, 4])
@pytest.mark.parametrize(
    ("tick_format", "top"),
    [
        ("{notation:'compact'}", "2M"),
        ("{prefix:'$',notation:'compact'}", "$2M"),
        ("{prefix:'€',locale:'de-DE'}", "€2.000.000"),
        ("{useGrouping:true}", "2,000,000"),
        ("{useGrouping:false,suffix:' USD'}", "2000000 USD"),
        ("{style:'currency',currency:'EUR',locale:'fr-FR'}", "2\u202f000\u202f000,00\u00a0€"),
        ("{minimumFractionDigits:1}", "2,000,000.0"),
    ],
)
def test_the_value_axis_is_written_as_intl_writes_it(
    tick_format: str, top: str, version: int
) -> None:
    labels = value_labels("bar", f"plugins:{{tickFormat:{tick_format}}}", version)
    assert top in labels


def test_a_horizontal_bar_charts_value_axis_is_x() -> None:
    labels = value_labels("horizontalBar", "plugins:{tickFormat:{style:'percent'}}")
    assert "0%" in labels and "200,000,000%" in labels


def test_the_plugin_is_no_longer_named_as_not_drawn() -> None:
    chart = prepared("bar", "plugins:{tickFormat:{notation:'compact'}}")
    assert not any("tickFormat" in warning for warning in chart.warnings)


def test_a_tick_callback_of_the_config_wins() -> None:
    options = "plugins:{tickFormat:{prefix:'$'}},scales:{yAxes:[{ticks:{callback:(v) => 'n' + v}}]}"
    labels = value_labels("bar", options)
    assert "n2000000" in labels and not any(label and "$" in label for label in labels)


@pytest.mark.parametrize(
    ("tick_format", "path"),
    [
        ("{style:'currency'}", "options.plugins.tickFormat"),  # Intl: a currency is required
        ("{minimumFractionDigits:500}", "options.plugins.tickFormat"),
        ("{style:'fancy'}", "options.plugins.tickFormat"),
        ("{prefix:3}", "options.plugins.tickFormat.prefix"),
        (f"{{suffix:'{'x' * (MAX_AFFIX + 1)}'}}", "options.plugins.tickFormat.suffix"),
        ("{notation:{a:1}}", "options.plugins.tickFormat.notation"),
    ],
)
def test_options_intl_refuses_are_a_400_naming_them(tick_format: str, path: str) -> None:
    with pytest.raises(TranslationError) as caught:
        prepared("bar", f"plugins:{{tickFormat:{tick_format}}}")
    assert caught.value.path == path


def test_apply_to_data_labels_writes_their_numbers_the_same_way() -> None:
    options = "plugins:{tickFormat:{prefix:'£',notation:'compact',applyToDataLabels:true}}"
    chart = prepare(QuickChartRequest(chart=BARS % ("pie", options), version=2))
    chart.close()
    assert chart.overlays is not None
    (labels,) = chart.overlays.datalabels
    assert labels.texts == ("£51K", "£61K", "£71K", "£1.8M")
    assert not any("tickFormat" in warning for warning in chart.warnings)


def test_no_plugin_no_format() -> None:
    assert tick_format_of({"options": {"plugins": {}}}) is None
    labels = value_labels("bar", "")
    assert "1,800,000" not in labels and "1800000" in labels
