"""Team structure, working days and 三龄 from DataFrames as read from a file (text codes, text
dates, categoricals): the columnar path gives what the rows path gives, with the caller's ids
and index; old positional as_of calls still work with a DeprecationWarning."""
import csv
import datetime as dt
import pathlib
import warnings

import numpy as np
import pandas as pd
import pytest

import cadrekit
from cadrekit import _frames, assessment, talent

ROOT = pathlib.Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
AS_OF = dt.date(2016, 9, 22)


def read_csv(name):
    lines = [ln for ln in (GOLDEN / name).read_text(encoding="utf-8").splitlines()
             if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines))


MEMBERS = read_csv("talent_team_members.csv")
EXPECTED = read_csv("talent_team_expected.csv")


def members_frame():
    """The golden members as pandas reads the CSV with dtype=str, on a shuffled index."""
    df = pd.DataFrame(MEMBERS, dtype=str)
    df.index = pd.Index([100 + 7 * i for i in range(len(df))])
    return df


def test_team_frame_matches_golden_and_rows_path():
    df = members_frame()
    got = talent.team_structure(df, as_of=AS_OF)
    assert isinstance(got, pd.DataFrame)
    assert list(got.columns) == list(talent.TEAM_COLUMNS)
    assert list(got["team_id"]) == [e["team_id"] for e in EXPECTED]
    for k in ("size", "young", "women", "minority", "non_party"):
        assert list(got[k]) == [int(e[k]) for e in EXPECTED], k
    assert [g or "-" for g in got["gaps"]] == [e["gaps"] for e in EXPECTED]
    # the rows path (records in, as_frame=True) gives the same frame
    rows = talent.team_structure(MEMBERS, as_of=AS_OF, as_frame=True)
    pd.testing.assert_frame_equal(got, rows)
    # records in still give records
    assert isinstance(talent.team_structure(MEMBERS, as_of=AS_OF), list)


def test_team_frame_reads_names_dates_and_categoricals():
    df = members_frame()
    sex = {"1": "男", "2": "女"}
    named = df.assign(sex=df["sex"].map(sex),
                      ethnicity=df["ethnicity"].map(lambda c: cadrekit.ethnic_group(c).name_zh),
                      birth_date=pd.to_datetime(df["birth_date"]),
                      team_id=df["team_id"].astype("category"))
    got = talent.team_structure(named, as_of=AS_OF)
    want = talent.team_structure(df, as_of=AS_OF)
    pd.testing.assert_frame_equal(got.drop(columns="team_id"), want.drop(columns="team_id"))
    assert list(got["team_id"]) == list(want["team_id"])
    # integer codes and text dates in another spelling
    ints = df.assign(sex=df["sex"].astype(int), ethnicity=df["ethnicity"].astype(int),
                     political_status=df["political_status"].astype(int),
                     birth_date=pd.to_datetime(df["birth_date"]).dt.strftime("%Y年%-m月%-d日"))
    pd.testing.assert_frame_equal(talent.team_structure(ints, as_of=AS_OF), want)


def test_team_frame_errors_name_the_row():
    df = members_frame()
    bad = df.copy()
    bad.iloc[4, bad.columns.get_loc("sex")] = "x"
    with pytest.raises(cadrekit.InvalidInput) as e:
        talent.team_structure(bad, as_of=AS_OF)
    assert e.value.field == "sex" and e.value.record == "row 5"
    twice = pd.concat([df, df.iloc[[2]]], ignore_index=True)
    with pytest.raises(cadrekit.InvalidInput) as e:
        talent.team_structure(twice, as_of=AS_OF)
    assert e.value.field == "cadre_id" and e.value.record == f"row {len(df) + 1}"
    nodate = df.copy()
    nodate.iloc[3, nodate.columns.get_loc("birth_date")] = "not a date"
    with pytest.raises(cadrekit.InvalidInput) as e:
        talent.team_structure(nodate, as_of=AS_OF)
    assert e.value.field == "birth_date" and e.value.record == "row 4"


@pytest.mark.parametrize("dtype", [object, "category", "string"])
@pytest.mark.parametrize("column,cell,why", [
    ("team_id", "", "team_id is empty"),
    ("team_id", "T\x00", "NUL character in text"),
    ("team_id", "T\ud800", "lone surrogate"),
    ("cadre_id", "C\x00", "NUL character in text"),
])
def test_a_team_or_cadre_id_the_rows_path_refuses_is_refused_in_any_dtype(dtype, column, cell, why):
    # A categorical column's ids were not checked (its distinct values are a CategoricalIndex,
    # which the check took for a column of numbers): "T\0" and "" made teams of their own.
    df = members_frame()
    df.iloc[3, df.columns.get_loc(column)] = cell
    df[column] = df[column].astype(dtype)
    with pytest.raises(cadrekit.InvalidInput) as e:
        talent.team_structure(df, as_of=AS_OF)
    assert (e.value.field, e.value.record) == (column, "row 4") and why in e.value.message
    with pytest.raises(cadrekit.InvalidInput) as rows:
        talent.team_structure(df.to_dict("records"), as_of=AS_OF, as_frame=True)
    assert why in rows.value.message


@pytest.mark.parametrize("sexes", [["1", 1, True], ["1", True, 1], [True, 1, "2"], [1, True, 1]])
def test_a_boolean_among_number_codes_is_refused_whichever_comes_first(sexes):
    # pandas numbers True and 1 as one value: a True after a 1 was read as the code 1 (and
    # refused when it came first), where the rows path refuses it either way.
    df = members_frame().iloc[:3].copy()
    df["sex"] = pd.Series(sexes, dtype=object, index=df.index)
    with pytest.raises(cadrekit.InvalidInput) as e:
        talent.team_structure(df, as_of=AS_OF)
    assert (e.value.field, e.value.record) == ("sex", f"row {[x is True for x in sexes].index(True) + 1}")
    with pytest.raises(cadrekit.InvalidInput):
        talent.team_structure(df.to_dict("records"), as_of=AS_OF)
    codes, uniques = _frames.factorize(pd.Series(sexes, dtype=object))
    assert len(set(codes.tolist())) == len(uniques) == len({(type(x), x) for x in sexes})


@pytest.mark.parametrize("column", ["sex", "ethnicity", "political_status"])
@pytest.mark.parametrize("cell", [None, float("nan"), pd.NA])
def test_a_missing_code_is_called_missing_not_outside_the_codes(column, cell):
    bad = members_frame()
    bad[column] = bad[column].astype(object)
    bad.iloc[2, bad.columns.get_loc(column)] = cell
    bad.iloc[4, bad.columns.get_loc(column)] = "x"  # a later unreadable cell is not the one named
    with pytest.raises(cadrekit.InvalidInput) as e:
        talent.team_structure(bad, as_of=AS_OF)
    assert (e.value.field, e.value.record, e.value.message) == (column, "row 3", "missing value")
    with pytest.raises(cadrekit.InvalidInput) as rows:  # the rows path refuses the same member
        talent.team_structure(bad.to_dict("records"), as_of=AS_OF)
    assert (rows.value.field, rows.value.record) == (column, "members[2]")
    numbers = members_frame().astype({column: float})  # a numeric column's NaN: the same words
    numbers.iloc[2, numbers.columns.get_loc(column)] = float("nan")
    with pytest.raises(cadrekit.InvalidInput) as e:
        talent.team_structure(numbers, as_of=AS_OF)
    assert (e.value.field, e.value.record, e.value.message) == (column, "row 3", "missing value")


def test_explain_teams_is_the_rows_paths_explanation():
    df = members_frame()
    full = {t["team_id"]: t["explanation"] for t in talent.team_structure(MEMBERS, as_of=AS_OF, explain=True)}
    ids = [EXPECTED[-1]["team_id"], EXPECTED[0]["team_id"]]
    got = talent.explain_teams(df, ids, as_of=AS_OF)
    assert [g.to_json() for g in got] == [full[i].to_json() for i in ids]
    with pytest.raises(cadrekit.InvalidInput) as e:
        talent.explain_teams(df, ["nope"], as_of=AS_OF)
    assert e.value.record == "team_ids[0]"


def test_pools_frame_back_for_frame_given():
    cadres = pd.DataFrame([{"cadre_id": "B", "sex": "1", "birth_date": "1980-10-15", "ethnicity": "01",
                            "political_status": "01", "rank": "fu_ke", "civil_servant": True}])
    got = talent.pools(cadres, as_of=AS_OF)
    assert isinstance(got, pd.DataFrame) and list(got["pool"]) == ["echelon1"]
    with pytest.warns(DeprecationWarning, match="as_frame=False"):
        assert talent.pools(cadres, as_of=AS_OF, as_frame=False)[0]["pool"] == "echelon1"


@pytest.mark.parametrize("flags", [
    pd.Series([True, pd.NA, False], dtype=object),
    pd.array([True, None, False], dtype="boolean"),
    pd.Series([True, None, False], dtype=object),
    pd.array([1, None, 0], dtype="Int64"),
])
def test_a_missing_flag_is_no_in_every_dtype(flags):
    # "missing = no" (docs/talent.md): pd.NA in an object column was a TypeError ("boolean
    # value of NA is ambiguous") from records and from a DataFrame, and a nullable "boolean"
    # column with <NA> a ValueError from NumPy.
    base = pd.DataFrame({"id": ["C1", "C2", "C3"], "sex": ["1", "2", "1"],
                         "birth_date": ["1985-01-01", "1990-05-05", "1988-02-02"], "ethnicity": ["01", "02", "01"],
                         "political_status": ["01", "13", "01"], "rank": ["fu_ke", "keyuan", "keyuan"],
                         "selected_graduate": [False, True, False]})
    want = talent.pools(base.assign(civil_servant=[True, False, False]), None, as_of=AS_OF)
    got = talent.pools(base.assign(civil_servant=flags), None, as_of=AS_OF)
    pd.testing.assert_frame_equal(got, want)
    rows = talent.pools(base.assign(civil_servant=flags).to_dict("records"), None, as_of=AS_OF, as_frame=True)
    pd.testing.assert_frame_equal(rows.reset_index(drop=True), want.reset_index(drop=True))


@pytest.mark.parametrize("flags", [[1, -1, 0], [1, 2, 0], [1.0, 0.5, 0.0]])
def test_a_flag_that_is_a_number_other_than_1_or_0_is_refused(flags):
    # It was read as yes (any number but 0), where the C surface says "must be true or false":
    # a cadre with civil_servant -1 was put in a pool.
    base = pd.DataFrame({"id": ["C1", "C2", "C3"], "sex": ["1", "2", "1"],
                         "birth_date": ["1985-01-01", "1990-05-05", "1988-02-02"], "ethnicity": ["01", "02", "01"],
                         "political_status": ["01", "13", "01"], "rank": ["fu_ke", "keyuan", "keyuan"]})
    table = base.assign(civil_servant=flags)
    for given, record in ((table, "row 2"), (table.to_dict("records"), "cadres[1]")):
        with pytest.raises(cadrekit.InvalidInput) as e:
            talent.pools(given, None, as_of=AS_OF)
        assert (e.value.field, e.value.record) == ("civil_servant", record)
        assert e.value.message == "expected 1 or 0, true or false, 是 or 否"


def test_positional_as_of_is_deprecated_but_works():
    with pytest.warns(DeprecationWarning, match="as_of=..."):
        old = talent.team_structure(MEMBERS, AS_OF)
    assert old == talent.team_structure(MEMBERS, as_of=AS_OF)
    with pytest.warns(DeprecationWarning, match=r"as_of, policy"):
        old = assessment.rules(AS_OF, cadrekit.Policy.default())
    assert old == assessment.rules(as_of=AS_OF)
    with pytest.warns(DeprecationWarning):
        assert talent.pools([], [], AS_OF) == []
    with pytest.raises(TypeError, match="multiple values"):
        assessment.standards(AS_OF, as_of=AS_OF)
    with pytest.raises(TypeError, match="at most"):
        assessment.standards(AS_OF, None, None)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the keyword form warns nothing
        talent.team_structure(MEMBERS, as_of=AS_OF)
        assessment.standards(as_of=AS_OF)


def test_working_days_on_text_columns_keep_the_index():
    cal = cadrekit.WorkCalendar.china()
    days = ["2016-09-30", "2016/10/8", None, "2016年9月14日", "2016-09-30"]
    s = pd.Series(days, index=list("abcde"), name="posted")
    got = cal.add_working_days(s, 5)
    assert isinstance(got, pd.Series) and list(got.index) == list("abcde") and got.name == "posted"
    for d, g in zip(days, got):
        if d is None:
            assert pd.isna(g)
        else:
            one = cadrekit._frames.vocabulary_date(d, "d", "")
            assert g.date() == cal.add_working_days(one, 5)
    n = pd.Series([1, 2, 3, 4, -5], index=s.index)
    got_n = cal.add_working_days(s, n)
    assert got_n.iloc[4].date() == cal.add_working_days(dt.date(2016, 9, 30), -5)
    # counts: a Series of nullable Int32 with <NA> for a missing date
    c = cal.count_working_days(s, dt.date(2016, 10, 31))
    assert str(c.dtype) == "Int32" and pd.isna(c["c"])
    assert c["a"] == cal.count_working_days(dt.date(2016, 9, 30), dt.date(2016, 10, 31))
    # NumPy in, NumPy out; scalars unchanged
    arr = np.array(["2016-09-30", "2016-10-08"], dtype="datetime64[D]")
    assert cal.add_working_days(arr, 1).dtype == np.dtype("datetime64[D]")
    assert cal.add_working_days(dt.date(2016, 9, 30), 1) == dt.date(2016, 10, 8)
    with pytest.raises(cadrekit.InvalidInput) as e:
        cal.add_working_days(pd.Series(["2016-09-30", "soon"]), 1)
    assert e.value.record == "row 2"


def test_three_ages_frame_and_records():
    people = pd.DataFrame({"birth_date": ["1980-10-15", "1990/1/1", "1970-06-30"],
                           "party_joined": ["2005-07-01", None, "1995-07-01"],
                           "work_started": pd.to_datetime(["2002-08-01", "2012-07-01", None])},
                          index=[7, 8, 9])
    got = cadrekit.three_ages(people, as_of=AS_OF)
    assert list(got.index) == [7, 8, 9] and list(got.columns) == ["age", "party_years", "work_years"]
    for i, (b, pj, ws) in enumerate([(dt.date(1980, 10, 15), dt.date(2005, 7, 1), dt.date(2002, 8, 1)),
                                     (dt.date(1990, 1, 1), None, dt.date(2012, 7, 1)),
                                     (dt.date(1970, 6, 30), dt.date(1995, 7, 1), None)]):
        p = cadrekit.Person(id="X", sex=1, birth_date=b, ethnicity="01", political_status="01",
                            party_joined=pj, work_started=ws)
        want = p.three_ages(AS_OF)
        row = got.iloc[i]
        assert row["age"] == want.age
        assert (pd.isna(row["party_years"]) and want.party_years is None) or row["party_years"] == want.party_years
        assert (pd.isna(row["work_years"]) and want.work_years is None) or row["work_years"] == want.work_years
    recs = cadrekit.three_ages(people.to_dict("records"), as_of=AS_OF)
    assert recs[1] == {"age": int(got["age"].iloc[1]), "party_years": None, "work_years": 4}
