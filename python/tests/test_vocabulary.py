"""The one vocabulary from Python: the library's readers (cadrekit._core.vocabulary_*), and the
front ends reading a county office's spellings (是/否 factors, 2014/1/1 dates, 2016年第二季度
periods) exactly as the canonical ones, in lists of dicts and in DataFrames."""
import datetime as dt
import pathlib

import pandas as pd
import pytest

import cadrekit
from cadrekit import _core, audit, village

ROOT = pathlib.Path(__file__).resolve().parents[2]
AS_OF = dt.date(2016, 12, 31)


def test_the_readers_accept_the_documented_spellings():
    for t in ("1", "true", "TRUE", "yes", "是"):
        assert _core.vocabulary_flag(t, "f") is True
    for t in ("0", "false", "No", "否"):
        assert _core.vocabulary_flag(t, "f") is False
    for t in ("2014-01-01", "2014/1/1", "2014.1.1", "2014年1月1日", "20140101", "２０１４－０１－０１"):
        assert _core.vocabulary_date(t, "d") == dt.date(2014, 1, 1)
    for t in ("2016Q2", "2016q2", "2016年第二季度", "2016年二季度", "2016年第2季度"):
        assert _core.vocabulary_period(t, "period") == "2016Q2"
    assert _core.vocabulary_period("2016年", "period") == "2016"
    assert _core.vocabulary_level("是", 1, "complaints") == 1
    assert _core.vocabulary_level("2", 2, "economic_power") == 2
    assert _core.vocabulary_whole(" －３ ", "n") == -3


def test_a_text_outside_the_vocabulary_says_what_was_expected_not_the_text():
    with pytest.raises(cadrekit.InvalidInput) as e:
        _core.vocabulary_level("3", 2, "economic_power", "U1")
    assert e.value.message == "expected 0, 1 or 2, or 是/否 for 1/0"
    assert (e.value.field, e.value.record) == ("economic_power", "U1")
    with pytest.raises(cadrekit.InvalidInput) as e:
        _core.vocabulary_flag("maybe", "window_unit", "U2")
    assert e.value.message == "expected 1 or 0, true or false, 是 or 否"
    assert "maybe" not in str(e.value)
    with pytest.raises(cadrekit.InvalidInput) as e:
        _core.vocabulary_date("2015/2/29", "served_from", "P1")
    assert "not a valid calendar date" in e.value.message and "2015" not in str(e.value)


def test_docs_input_md_is_the_vocabulary():
    assert (ROOT / "docs" / "input.md").read_text(encoding="utf-8") == _core.vocabulary_markdown()


UNITS_CANONICAL = [
    {"unit_id": "U1", "name": "甲", "budget": "1000000", "complaints": 1, "high_risk_sector": 0},
    {"unit_id": "U2", "name": "乙", "budget": "1000000", "economic_power": 2, "window_unit": 1},
    {"unit_id": "U3", "name": "丙", "budget": "1000000", "complaints": 0, "window_unit": 0},
]
UNITS_SPELLED = [
    {"unit_id": "U1", "name": "甲", "budget": "1000000", "complaints": "是", "high_risk_sector": "否"},
    {"unit_id": "U2", "name": "乙", "budget": "1000000", "economic_power": "2", "window_unit": "TRUE"},
    {"unit_id": "U3", "name": "丙", "budget": "1000000", "complaints": "否", "window_unit": "false"},
]


def _levels(result):
    if isinstance(result, pd.DataFrame):
        return list(zip(result["unit_id"], result["level"].astype(str), result["score"]))
    return [(r["unit_id"], str(r["level"]), r["score"]) for r in result]


def test_audit_factors_spelled_as_a_county_writes_them_lists_of_dicts():
    want = [("U1", "1", 4), ("U2", "1", 4), ("U3", "3", 0)]
    assert _levels(audit.tier(UNITS_CANONICAL, as_of=AS_OF, explain=False)) == want
    assert _levels(audit.tier(UNITS_SPELLED, as_of=AS_OF, explain=False)) == want


def test_audit_factors_spelled_as_a_county_writes_them_dataframes():
    want = _levels(audit.tier(pd.DataFrame(UNITS_CANONICAL), as_of=AS_OF, explain=False))
    assert want == [("U1", "1", 4), ("U2", "1", 4), ("U3", "3", 0)]
    spelled = pd.DataFrame(UNITS_SPELLED)  # object columns of text, NaN where a unit has none
    assert _levels(audit.tier(spelled, as_of=AS_OF, explain=False)) == want
    # the same as the lists-of-dicts answer, also with explanations
    assert _levels(audit.tier(spelled, as_of=AS_OF)) == want


def test_audit_factor_outside_the_vocabulary_names_field_and_row():
    df = pd.DataFrame([{"unit_id": "U1", "budget": "1", "complaints": "否"},
                       {"unit_id": "U2", "budget": "1", "complaints": "也许"}])
    with pytest.raises(cadrekit.InvalidInput) as e:
        audit.tier(df, as_of=AS_OF, explain=False)
    assert e.value.field == "complaints"
    assert e.value.record == "row 2"  # the second row, counted from 1
    assert "是/否 for 1/0" in e.value.message
    assert "也许" not in str(e.value)


def test_map_distinct_parses_each_distinct_text_once():
    from cadrekit import _frames
    seen = []

    def read(v, row):
        seen.append((v, row))
        return v * 2

    out = _frames.map_distinct(pd.Series(["a", "b", None, "a", "b", "a"], dtype=object), read)
    assert list(out) == ["aa", "bb", None, "aa", "bb", "aa"]
    assert seen == [("a", 0), ("b", 1)]


VILLAGES = [{"village_id": "V1", "name": "一村", "township": "T1", "population": 800},
            {"village_id": "V2", "name": "二村", "township": "T1", "population": 900}]


def _pay(principals, scores, frames=False):
    if frames:
        principals, scores = pd.DataFrame(principals), pd.DataFrame(scores)
    return village.pay_sheet(VILLAGES, principals, scores, 2016).to_records()


@pytest.mark.parametrize("frames", [False, True])
def test_village_dates_posts_and_periods_spelled_as_a_county_writes_them(frames):
    canonical_p = [{"cadre_id": "P1", "name": "甲", "village_id": "V1", "post": "secretary",
                    "served_from": "2016-04-01", "served_to": None},
                   {"cadre_id": "P2", "name": "乙", "village_id": "V2", "post": "director",
                    "served_from": "2010-01-01", "served_to": None}]
    spelled_p = [{"cadre_id": "P1", "name": "甲", "village_id": "V1", "post": "书记",
                  "served_from": "2016/4/1", "served_to": None},
                 {"cadre_id": "P2", "name": "乙", "village_id": "V2", "post": "主任",
                  "served_from": "2010年1月1日", "served_to": None}]
    canonical_s = [{"village_id": "V1", "period": p, "score": s}
                   for p, s in (("2016Q1", 90), ("2016Q2", 91), ("2016Q3", 92), ("2016Q4", 93), ("2016", 94))]
    canonical_s.append({"village_id": "V2", "period": "2016Q1", "score": 80})
    spelled_s = [{"village_id": "V1", "period": p, "score": s}
                 for p, s in (("2016年第一季度", 90), ("2016年二季度", 91), ("2016年第3季度", 92),
                              ("2016q4", 93), ("2016年", 94))]
    spelled_s.append({"village_id": "V2", "period": "２０１６Ｑ１", "score": 80})
    want = _pay(canonical_p, canonical_s, frames)
    assert [r["cadre_id"] for r in want] == ["P1", "P2"]
    assert want[0]["units"] == 9  # from 1 April
    assert _pay(spelled_p, spelled_s, frames) == want
