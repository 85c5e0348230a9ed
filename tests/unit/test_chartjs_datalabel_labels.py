"""chartjs-plugin-datalabels' named ``labels`` (``chartjs.datalabel_labels``): several labels
per value, each with its options over the dataset's, as the plugin's ``configure`` resolves
them; ``null`` removes a label; the count is bounded."""

from __future__ import annotations

import pytest

from chartfn.chartjs.datalabel_labels import MAX_LABELS_PER_VALUE, deep_merge, label_options
from chartfn.chartjs.prepare import prepare
from chartfn.chartjs.request import QuickChartRequest
from chartfn.chartjs.translate import TranslationError
from chartfn.models.overlays import DataLabels


def datalabels(config: str, version: int = 2) -> tuple[DataLabels, ...]:
    chart = prepare(QuickChartRequest(chart=config, version=version))
    chart.close()
    assert chart.overlays is not None
    return chart.overlays.datalabels


# the docs' custom-pie-doughnut-chart-labels-5, cut down: three labels on each slice
THREE_LABELS = """{type:'doughnut',data:{labels:['Jan','Feb'],datasets:[{data:[50,60],
  datalabels:{labels:{
    index:{color:'#404040',font:{size:18},
           formatter:(v, ctx) => ctx.chart.data.labels[ctx.dataIndex],
           align:'end',anchor:'end'},
    name:{font:{size:16},backgroundColor:'#404040',
          formatter:(v, ctx) => '#' + (ctx.dataIndex + 1),
          align:'top'},
    value:{color:'#404040',align:'bottom'}}}}]},
  options:{plugins:{datalabels:{display:true,font:{weight:'bold'}}}}}"""


@pytest.mark.parametrize("version", [2, 4])
def test_each_named_label_draws_on_every_value_with_its_own_options(version: int) -> None:
    index, name, value = datalabels(THREE_LABELS, version)
    assert (index.texts, name.texts, value.texts) == (("Jan", "Feb"), ("#1", "#2"), ("50", "60"))
    assert {index.series, name.series, value.series} == {0}
    assert (index.anchor, index.align, index.text.size) == ("end", "end", 18)
    assert (name.align, name.background, name.text.size) == ("top", "#404040", 16)
    assert value.align == "bottom" and value.text.color == "#404040"
    # the chart's font is merged under each label's, key by key, as the plugin merges it
    assert index.text.bold and name.text.bold and value.text.bold


def test_a_label_set_to_null_is_removed() -> None:
    config = """{type:'bar',data:{labels:['a','b'],datasets:[{data:[1,2],
      datalabels:{labels:{title:null}}}]},
      options:{plugins:{datalabels:{labels:{title:{color:'red'},value:{color:'blue'}}}}}}"""
    (only,) = datalabels(config)
    assert only.text.color == "#0000ff" and only.texts == ("1", "2")


def test_all_labels_removed_draws_none() -> None:
    config = """{type:'pie',data:{labels:['a'],datasets:[{data:[1]}]},
      options:{plugins:{datalabels:{labels:{value:null}}}}}"""
    assert datalabels(config) == ()


def test_a_named_labels_display_and_errors_name_its_path() -> None:
    config = """{type:'bar',data:{labels:['a'],datasets:[{data:[1],
      datalabels:{labels:{a:{display:false},b:{color:'nocolour'}}}}]},
      options:{plugins:{datalabels:{display:true}}}}"""
    with pytest.raises(TranslationError) as caught:
        datalabels(config)
    assert caught.value.path == "data.datasets[0].datalabels.labels.b.color"


def test_the_count_of_named_labels_is_bounded() -> None:
    names = ",".join(f"l{i}:{{}}" for i in range(MAX_LABELS_PER_VALUE + 1))
    config = (
        "{type:'pie',data:{labels:['a'],datasets:[{data:[1]}]},"
        f"options:{{plugins:{{datalabels:{{labels:{{{names}}}}}}}}}}}"
    )
    with pytest.raises(TranslationError) as caught:
        datalabels(config)
    assert caught.value.path == "options.plugins.datalabels.labels"
    assert len(label_options({"labels": {f"l{i}": {} for i in range(10)}}, None, 0)) == 10


def test_merge_is_deep_and_null_replaces() -> None:
    merged = deep_merge(
        {"font": {"size": 9, "weight": "bold"}, "a": 1}, {"font": {"size": 3}, "a": None}
    )
    assert merged == {"font": {"size": 3, "weight": "bold"}, "a": None}
