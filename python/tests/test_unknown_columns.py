"""A column or key that a call does not read is never silently ignored: an UnknownColumnWarning
names it and the nearest column the call reads; strict=True makes it an InvalidInput. Arguments
of the wrong type are a cadrekit InvalidInput naming the argument, never pybind11's TypeError
(which prints every argument's values). Rows count from 1."""
import datetime as dt
import warnings

import pandas as pd
import pytest

import cadrekit
from cadrekit import _frames, assessment, audit, talent, village

AS_OF = dt.date(2017, 1, 1)


def units():
    return pd.DataFrame({"unit_id": ["U1", "U2"], "name": ["甲局", "乙局"], "budget": ["500万", "100万"],
                         "complains": [1, 0]})


def test_unknown_column_warning_is_exported_and_a_user_warning():
    assert issubclass(cadrekit.UnknownColumnWarning, UserWarning)
    assert "UnknownColumnWarning" in cadrekit.__all__


def test_nearest_name_follows_the_library_rule():
    known = ["complaints", "attention", "budget"]
    assert _frames.nearest_name("complains", known) == "complaints"
    assert _frames.nearest_name("xyzzy", known) == ""
    assert _frames.nearest_name("abc", ["abd", "abb"]) == "abb"


@pytest.mark.parametrize("explain", [False, True])
def test_tier_warns_of_a_misspelt_factor_naming_the_nearest(explain):
    with pytest.warns(cadrekit.UnknownColumnWarning, match=r"'complains'.*did you mean 'complaints'"):
        out = audit.tier(units(), as_of=AS_OF, explain=explain)
    assert list(out["name"]) == ["甲局", "乙局"]  # the caller's name is kept on both paths


def test_tier_list_of_dicts_checks_the_union_of_keys():
    rows = [{"unit_id": "U1", "budget": "1"}, {"unit_id": "U2", "budget": "1", "atention": 1}]
    with pytest.warns(cadrekit.UnknownColumnWarning, match=r"'atention'.*did you mean 'attention'"):
        audit.tier(rows, as_of=AS_OF)


def test_strict_makes_an_unknown_column_an_error():
    with pytest.raises(cadrekit.InvalidInput) as e:
        audit.tier(units(), as_of=AS_OF, strict=True)
    assert e.value.field == "complains" and e.value.record == "units"
    assert "did you mean 'complaints'" in str(e.value)


def test_known_columns_give_no_warning():
    df = units().drop(columns=["complains"]).assign(complaints=[1, 0])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = audit.tier(df, as_of=AS_OF)
    assert list(out.columns) == ["unit_id", "name", "level", "band", "band_points", "factor_points", "score"]


def test_a_key_that_may_be_personal_is_not_repeated():
    rows = [{"unit_id": "U1", "budget": "1", "110105194912310029": 1}]
    with pytest.warns(cadrekit.UnknownColumnWarning) as w:
        audit.tier(rows, as_of=AS_OF)
    assert all("1101051949" not in str(x.message) for x in w)


def pay_tables():
    villages = pd.DataFrame({"village_id": ["V1"], "township": ["T"], "population": [800]})
    principals = pd.DataFrame({"cadre_id": ["C1"], "village_id": ["V1"], "post": ["secretary"],
                               "served_from": [dt.date(2015, 1, 1)]})
    scores = pd.DataFrame({"village_id": ["V1"] * 5, "period": ["2016Q1", "2016Q2", "2016Q3", "2016Q4", "2016"],
                           "score": ["95"] * 5})
    return villages, principals, scores


def test_pay_sheet_warns_and_strict_refuses():
    v, p, s = pay_tables()
    p = p.assign(servd_to=[None])
    with pytest.warns(cadrekit.UnknownColumnWarning, match=r"principals: the column 'servd_to'.*'served_to'"):
        village.pay_sheet(v, p, s, 2016)
    with pytest.raises(cadrekit.InvalidInput) as e:
        village.pay_sheet(v, p, s, 2016, strict=True)
    assert e.value.field == "servd_to" and e.value.record == "principals"


def test_pay_sheet_frame_and_records_have_the_cli_columns_codes_in_grade():
    v, p, s = pay_tables()
    df = village.pay_sheet(v, p, s, 2016).to_pandas()
    cols = ["cadre_id", "village_id", "township", "post", "units", "units_of_year", "base", "performance",
            "public_institution", "total", "team_grade", "team_grade_zh", "team_grade_en", "grade", "grade_zh",
            "grade_en", "actions"]
    assert list(df.columns) == cols
    rec = village.pay_sheet(v, p, s, 2016).to_records()[0]
    assert list(rec) == cols + ["explanation"]  # the records are built with explanations
    for k in ("team_grade", "team_grade_zh", "team_grade_en", "grade", "grade_zh", "grade_en"):
        assert df[k][0] == rec[k], k
    assert df["grade"][0] in ("excellent", "basic", "unqualified", "not_graded")
    assert "grade_code" not in rec and "team_grade_code" not in rec


def test_screen_and_talent_warn_of_unknown_keys():
    recs = [{"cadre_id": "C1", "kind": "annual", "period": "2016", "rating": "competent", "ratting": "x"}]
    with pytest.warns(cadrekit.UnknownColumnWarning, match=r"records: the column 'ratting'.*'rating'"):
        assessment.screen(recs, as_of=dt.date(2016, 12, 31))
    members = [{"team_id": "T1", "cadre_id": "C1", "sex": "female", "birth_date": "1980-01-01",
                "ethnicity": "01", "political_status": "01", "sx": "x"}]
    with pytest.raises(cadrekit.InvalidInput) as e:
        talent.team_structure(members, as_of=AS_OF, strict=True)
    assert e.value.field == "sx" and e.value.record == "members"


def test_arguments_of_the_wrong_type_name_the_argument_and_no_value():
    df = units().drop(columns=["complains"])
    with pytest.raises(cadrekit.InvalidInput) as e:
        audit.tier(df, as_of="2016-12-31")
    assert e.value.field == "as_of" and isinstance(e.value, TypeError)
    assert "500万" not in str(e.value) and "U1" not in str(e.value)
    v, p, s = pay_tables()
    with pytest.raises(cadrekit.InvalidInput) as e:
        village.pay_sheet(v, p, s, "2016")
    assert e.value.field == "year"
    with pytest.raises(cadrekit.InvalidInput) as e:
        village.pay_sheet(v, p, s, 2016, policy="tongliao-2016")
    assert e.value.field == "policy"
    with pytest.raises(cadrekit.InvalidInput) as e:
        talent.pools([], [], as_of="2016-12-31")
    assert e.value.field == "as_of"


def test_text_factors_without_explanations_name_the_column():
    df = units().drop(columns=["complains"]).assign(complaints=["高", "否"])  # 是/否 read as 1/0
    with pytest.raises(cadrekit.InvalidInput) as e:
        audit.tier(df, as_of=AS_OF, explain=False)
    assert e.value.field == "complaints" and e.value.record == "row 1"
    assert "not supported" not in str(e.value)


def test_rows_count_from_one():
    df = pd.DataFrame({"unit_id": ["U1", "U2"], "budget": ["1", None]})
    with pytest.raises(cadrekit.InvalidInput) as e:
        audit.tier(df, as_of=AS_OF)
    assert (e.value.field, e.value.record) == ("budget", "row 2")


def events():
    return pd.DataFrame({"event": ["start", "special_funds"], "date": ["2016-01-04", "2016-03-01"],
                         "level": [3, None], "amount": [None, "600万"], "ammount_note": ["", "x"]})


def test_tier_history_warns_of_an_unknown_column_and_does_not_read_it():
    with pytest.warns(cadrekit.UnknownColumnWarning, match=r"events: the column 'ammount_note'"):
        h = audit.tier_history("D1", events(), level_on=[dt.date(2016, 3, 2)])
    clean = audit.tier_history("D1", events().drop(columns=["ammount_note"]), level_on=[dt.date(2016, 3, 2)])
    assert h == clean and h["levels_on"][0]["level"] == clean["levels_on"][0]["level"]
    with pytest.raises(cadrekit.InvalidInput) as e:
        audit.tier_history("D1", events(), strict=True)
    assert e.value.field == "ammount_note" and e.value.record == "events"


def test_plan_tables_warn_of_unknown_columns_and_strict_refuses():
    units = [{"unit_id": "U1", "level": 1}, {"unit_id": "U2", "level": 2, "special_due_yr": 2018}]
    with pytest.warns(cadrekit.UnknownColumnWarning, match=r"units: .*'special_due_yr'.*'special_due_year'"):
        p = audit.plan(units, [], [], 2017, 2019, capacity=5, seed=1)
    with pytest.raises(cadrekit.InvalidInput) as e:
        audit.plan(units, [], [], 2017, 2019, capacity=5, seed=1, strict=True)
    assert e.value.field == "special_due_yr" and e.value.record == "units"
    # the plan's own records carry reason and leader_id: read as known, no warning
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert audit.verify_plan(p.to_records(), units[:1] + [{"unit_id": "U2", "level": 2}], [], [],
                                 2017, 2019, strict=True) == []
    with pytest.warns(cadrekit.UnknownColumnWarning, match=r"terms: .*'planed_end'.*'planned_end'"):
        audit.verify_plan([], units[:1], [], [{"unit_id": "U1", "start": "2015-01-01", "planed_end": "2018-01-01"}],
                          2017, 2019)


def test_disclosure_tables_warn_of_unknown_columns():
    from cadrekit import disclosure
    df = pd.DataFrame({"record": ['{"id": "R1"}'], "note": ["x"]})
    with pytest.warns(cadrekit.UnknownColumnWarning, match=r"records: the column 'note'"):
        disclosure.validate_all(df)
    with pytest.raises(cadrekit.InvalidInput) as e:
        disclosure.validate_all(df, strict=True)
    assert e.value.field == "note"
    with pytest.warns(cadrekit.UnknownColumnWarning, match=r"'kinds'.*did you mean 'kind'"):
        with pytest.raises(Exception):  # the discrepancy lacks its kind once the unknown key is set aside
            disclosure.classify([{"matter": "marriage", "kinds": "inaccurate"}], as_of=dt.date(2016, 10, 9))
    with pytest.raises(cadrekit.InvalidInput) as e:
        disclosure.classify([{"matter": "marriage", "kind": "inaccurate", "note": 1}], as_of=dt.date(2016, 10, 9),
                            strict=True)
    assert e.value.field == "note" and e.value.record == "discrepancies"


def test_year_warns_of_a_data_key_that_is_no_file_and_strict_refuses():
    from cadrekit import year
    import pathlib
    sample = pathlib.Path(__file__).resolve().parents[2] / "data" / "sample"
    data = {f: (sample / f).read_text(encoding="utf-8") for f in year.DATA_FILES}
    data["village_pays.json"] = "[]"
    with pytest.warns(cadrekit.UnknownColumnWarning, match=r"'village_pays.json'.*did you mean 'village_pay.json'"):
        r = year.run(data, 2016)
    assert r.json == year.run({f: data[f] for f in year.DATA_FILES}, 2016).json
    with pytest.raises(cadrekit.InvalidInput) as e:
        year.run(data, 2016, strict=True)
    assert e.value.field == "data" and e.value.record == "village_pays.json"
