"""cadrekit.year: the whole year of the sample county and the what-if of a rule change
(docs/year.md), the same answers as the C++ and C tests."""
import json

import pytest

import cadrekit
from cadrekit import year


@pytest.fixture(scope="module")
def base():
    return year.run(None, 2016)


def test_run_gives_the_year_and_the_sources_figures(base):
    assert base.year == 2016 and base.policy == "tongliao-2016"
    fig = {f["id"]: f for f in base.figures}
    assert fig["audit.levels"]["county"] == "20 / 28 / 19" and fig["audit.levels"]["kind"] == "result"
    assert fig["audit.retiered"]["county"] == 3
    assert fig["village.quota"]["county"] == 11
    for pool, source in (("echelon1", 68), ("echelon2", 110), ("nvshaofei", 50)):
        assert abs(fig["talent." + pool]["county"] - source) <= source * 15 // 100


def test_assumed_parameters_with_their_decisions(base):
    uses = {a["name"]: a["decisions"] for a in base.assumed}
    assert uses["audit.band_points.high"] == 67
    assert uses["village.performance_pay.proration"] > 300
    assert "village.performance_pay.excellent" not in uses


def test_diff_of_excellent_pay_moves_village_and_budget_only(base):
    other = year.run(None, 2016, policy=cadrekit.Policy.default().set("village.performance_pay.excellent=5000"))
    d = base.diff(other)
    assert d["village"] and all(x["decision"] == "pay_line" for x in d["village"])
    assert {b["id"] for b in d["budget"]} == {"performance", "total"}
    assert d["audit"] == d["disclosure"] == d["assessment"] == d["talent"] == []
    assert d["budget"][0]["difference"] == f"{1000 * len(d['village'])}.00"
    x = d["village"][0]
    assert x["a"]["performance"] == "4000.00" and x["b"]["performance"] == "5000.00"
    assert isinstance(x["explanation_b"], cadrekit.Explanation)
    assert x["explanation_b"].parameters[0].name.startswith("village.")


def test_with_value_is_set(base):
    p = cadrekit.Policy.default()
    assert p.with_value("village.performance_pay.excellent", 5000).lookup(
        "village.performance_pay.excellent", __import__("datetime").date(2016, 6, 1))["value"] == "5000"
    with pytest.raises(cadrekit.PolicyError) as e:
        p.set("village.base_pay.small=6000")
    assert "village.base_pay.min" in str(e.value)


def test_data_as_a_dict_and_bad_data(base, tmp_path):
    import pathlib
    root = pathlib.Path(__file__).resolve().parents[2] / "data" / "sample"
    files = {name: (root / name).read_text(encoding="utf-8") for name in year.DATA_FILES}
    again = year.run(files, 2016)
    assert json.loads(again.json)["figures"] == base.figures
    files["cadres.json"] = "{"
    with pytest.raises(cadrekit.InvalidInput):
        year.run(files)
    with pytest.raises(cadrekit.InvalidInput):
        year.run(str(tmp_path))  # no files there
