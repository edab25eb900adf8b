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


# --- code tables ---------------------------------------------------------------------------------

def test_code_tables_read_every_spelling_and_refuse_naming_what_is_expected():
    assert _core.vocabulary_code("audit_kind", "离任审计", "kind") == 1
    assert _core.vocabulary_code("audit_level", "特殊级别", "level") == 0
    assert _core.vocabulary_code("sex", "女", "sex") == 1
    assert _core.vocabulary_code("rank", "县处级副职", "rank") == 3
    assert _core.vocabulary_code("political_status", "中共党员", "political_status") == 0
    assert _core.vocabulary_code("assessment_kind", " Key-work assessment ", "kind") == 1
    with pytest.raises(cadrekit.InvalidInput) as e:
        _core.vocabulary_code("sex", "F", "sex", "row 3")
    assert e.value.message == "expected one of: 1 (男), 2 (女)"
    assert (e.value.field, e.value.record) == ("sex", "row 3")
    with pytest.raises(cadrekit.InvalidInput):
        _core.vocabulary_code("no_such_kind", "x", "f")
    # the Python module's code lists are the vocabulary's, in the same order
    from cadrekit import assessment
    assert audit.KINDS == tuple(c for c, _, _ in _core.vocabulary_codes("audit_kind"))
    assert audit.FINDINGS == tuple(c for c, _, _ in _core.vocabulary_codes("audit_finding"))
    assert assessment.KINDS == tuple(c for c, _, _ in _core.vocabulary_codes("assessment_kind"))
    assert assessment.DOMAINS == tuple(c for c, _, _ in _core.vocabulary_codes("assessment_domain"))
    assert assessment.METHODS == tuple(c for c, _, _ in _core.vocabulary_codes("assessment_method"))


def test_person_codes_in_chinese_read_as_their_codes():
    canonical = cadrekit.Person(id="K1", sex="2", birth_date=dt.date(1985, 5, 5), ethnicity="01",
                                political_status="01", rank="fu_ke")
    spelled = cadrekit.Person(id="K1", sex="女", birth_date=dt.date(1985, 5, 5), ethnicity="汉族",
                              political_status="中共党员", rank="副科")
    for attr in ("sex", "ethnicity", "political_status", "rank"):
        assert getattr(spelled, attr) == getattr(canonical, attr), attr
    with pytest.raises(cadrekit.InvalidInput) as e:
        cadrekit.Person(id="K1", sex="1", birth_date=dt.date(1985, 5, 5), ethnicity="01",
                        political_status="01", rank="科长大人")
    assert e.value.message.startswith("expected one of: keyuan (科员), fu_ke (副科级)")
    assert "科长大人" not in str(e.value)


# --- whole numbers as text -------------------------------------------------------------------

def test_whole_reads_text_numbers_as_the_command_line_does():
    from cadrekit import _frames
    assert _frames.whole("12", "population", "row 1") == 12
    assert _frames.whole(" ８００ ", "population", "row 1") == 800
    assert _frames.whole("+7", "population", "row 1") == 7
    for bad in ("1.5", "12人", "abc"):
        with pytest.raises(cadrekit.InvalidInput) as e:
            _frames.whole(bad, "population", "row 2")
        assert e.value.message == "expected a whole number"
        assert (e.value.field, e.value.record) == ("population", "row 2")
        assert bad not in str(e.value)


def test_int_column_reads_each_distinct_text_once(monkeypatch):
    import numpy as np
    from cadrekit import _frames
    calls = []
    real = _core.vocabulary_whole

    def counting(text, field, record=""):
        calls.append(text)
        return real(text, field, record)

    monkeypatch.setattr(_frames._core, "vocabulary_whole", counting)
    col = pd.Series(["800", "９００", "800", None, "  ", 700, "９００"] * 1000, dtype=object)
    out, mask = _frames.int_column(col, "population", np.int64, missing=0, with_mask=True)
    assert list(out[:7]) == [800, 900, 800, 0, 0, 700, 900]
    assert list(mask[:7]) == [False, False, False, True, True, False, False]
    assert sorted(calls) == ["800", "９００"]  # once per distinct text, not per row
    # a bad text names its first row, counted from 1
    with pytest.raises(cadrekit.InvalidInput) as e:
        _frames.int_column(pd.Series(["1", "2", "两", "两"], dtype=object), "population", np.int64)
    assert e.value.record == "row 3"
    # NumPy text arrays as well
    assert list(_frames.int_column(np.array(["3", "4"]), "n", np.int32)) == [3, 4]


def test_village_population_as_text_numbers():
    principals = [{"cadre_id": "P1", "name": "甲", "village_id": "V1", "post": "secretary",
                   "served_from": "2016-04-01", "served_to": None}]
    scores = [{"village_id": "V1", "period": "2016Q1", "score": 90}]
    want = village.pay_sheet(VILLAGES, principals, scores, 2016).to_records()
    assert [r["cadre_id"] for r in want] == ["P1"]
    spelled = [dict(v, population=str(v["population"]).translate(str.maketrans("0123456789", "０１２３４５６７８９")))
               for v in VILLAGES]
    assert village.pay_sheet(spelled, principals, scores, 2016).to_records() == want
    frames = village.pay_sheet(pd.DataFrame(spelled), pd.DataFrame(principals), pd.DataFrame(scores), 2016)
    assert frames.to_records() == village.pay_sheet(pd.DataFrame(VILLAGES), pd.DataFrame(principals),
                                                    pd.DataFrame(scores), 2016).to_records()
