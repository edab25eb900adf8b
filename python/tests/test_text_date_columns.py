"""Columns of text dates as the natural calls read them (``_frames.date_column``): an ISO date
read in C++ cell by cell, any other spelling once per distinct text by the vocabulary — the
same days and the same errors (text, field, the first row) as the path that reads every
distinct value with ``vocabulary_date`` (a list of values takes that path)."""
import datetime as dt
import random

import numpy as np
import pandas as pd
import pytest

import cadrekit
from cadrekit import _core, _frames, talent
from cadrekit._core import InvalidInput

NAT = np.datetime64("NaT", "D")


def general(values, field="d"):
    """The column read by the path of a list: each distinct value by vocabulary_date."""
    return _frames.date_column(list(values), field)


def error_of(call):
    with pytest.raises(InvalidInput) as e:
        call()
    return type(e.value), e.value.message, e.value.field, e.value.record


def test_every_iso_day_reads_as_its_day():
    # 1400-01-01 (the first year the library takes) to 2200, and the last years before 10000
    for first, last in (("1400-01-01", "2200-12-31"), ("9990-01-01", "9999-12-31")):
        days = np.arange(np.datetime64(first), np.datetime64(last) + 1)
        got = _frames.date_column(pd.Series(days.astype(str), dtype=object), "d")
        assert got.dtype == np.dtype("datetime64[D]")
        assert np.array_equal(got, days)
    for s in ("1400-01-01", "1600-02-29", "1700-02-28", "1900-03-01", "2000-02-29", "9999-12-31"):
        assert _frames.date_column(pd.Series([s], dtype=object), "d")[0] == \
            np.datetime64(_core.vocabulary_date(s, "d"), "D")


@pytest.mark.parametrize("text", ["2014-02-29", "1900-02-29", "2014-13-01", "2014-00-10", "2014-01-32",
                                  "2014-04-31", "2014-01-00", "1399-12-31", "0000-01-01", "2014-1-0a",
                                  "2014/01/32", "10000-01-01", "2014-01-5x", "", "  ", "x", "２０１４－０２－３０"])
def test_a_text_that_is_not_a_date_is_the_same_error_naming_the_first_row(text):
    cells = ["2014-01-05", None, "2015年3月1日", text, "2014-01-05", text]
    fast = error_of(lambda: _frames.date_column(pd.Series(cells, dtype=object), "birth_date"))
    assert fast == error_of(lambda: general(cells, "birth_date"))
    assert fast[2:] == ("birth_date", "row 4")
    with pytest.raises(InvalidInput) as e:
        _core.vocabulary_date(text, "birth_date")
    assert fast[1] == e.value.message


def test_spellings_the_vocabulary_reads_and_missing_cells():
    cells = ["2014-01-05", " 2014-01-05 ", "２０１４－０１－０５", "2014/1/5", "2014年1月5日", "20140105",
             "2014.01.05", "\u00a02014-01-05\u3000", "\t2016-02-29\n", None, float("nan"), pd.NA, pd.NaT,
             "2016-02-29", "1960-02-29", "1969-12-31", "1970-01-01"]
    want = np.array(["2014-01-05"] * 9 + ["NaT"] * 4 + ["2016-02-29", "1960-02-29", "1969-12-31", "1970-01-01"],
                    dtype="datetime64[D]")
    want[8] = np.datetime64("2016-02-29")
    got = _frames.date_column(pd.Series(cells, dtype=object), "d")
    assert np.array_equal(got, want, equal_nan=True)
    assert np.array_equal(general(cells), want, equal_nan=True)
    strings = pd.Series([c if isinstance(c, str) else None for c in cells], dtype="string")
    assert np.array_equal(_frames.date_column(strings, "d"), want, equal_nan=True)
    assert np.array_equal(_frames.date_column(np.array(cells, dtype=object)[::2], "d"), want[::2], equal_nan=True)


def test_categorical_datetime64_and_objects_that_are_not_text():
    cat = pd.Series(pd.Categorical(["2014-01-05", None, "2014/1/6", "2014-01-05"]))
    want = np.array(["2014-01-05", "NaT", "2014-01-06", "2014-01-05"], dtype="datetime64[D]")
    assert np.array_equal(_frames.date_column(cat, "d"), want, equal_nan=True)
    bad = pd.Series(pd.Categorical(["2014-01-05", "2014-02-30", "2014-02-30"]))
    assert error_of(lambda: _frames.date_column(bad, "d"))[2:] == ("d", "row 2")
    parsed = pd.Series(pd.to_datetime(["2014-01-05", None]))
    assert np.array_equal(_frames.date_column(parsed, "d").astype("datetime64[D]"), want[:2], equal_nan=True)
    mixed = pd.Series(["2014-01-05", dt.date(2014, 1, 6), pd.Timestamp("2014-01-05"), None], dtype=object)
    assert np.array_equal(_frames.date_column(mixed, "d"),
                          np.array(["2014-01-05", "2014-01-06", "2014-01-05", "NaT"], dtype="datetime64[D]"),
                          equal_nan=True)
    assert error_of(lambda: _frames.date_column(pd.Series(["2014-01-05", 3], dtype=object), "d"))[2:] == \
        ("d", "row 2")
    empty = _frames.date_column(pd.Series([], dtype=object), "d")
    assert empty.dtype == np.dtype("datetime64[D]") and empty.size == 0


def test_a_text_with_a_nul_and_a_subclass_of_str_take_the_general_path():
    class Text(str):
        pass
    cells = ["2014-01-05", Text("2014-01-06")]
    assert np.array_equal(_frames.date_column(pd.Series(cells, dtype=object), "d"),
                          np.array(["2014-01-05", "2014-01-06"], dtype="datetime64[D]"))
    nul = ["2014-01-05", "2014-01-05\x00"]
    assert error_of(lambda: _frames.date_column(pd.Series(nul, dtype=object), "d")) == error_of(lambda: general(nul))


def test_the_natural_calls_read_text_dates_alike():
    as_of = dt.date(2020, 6, 30)
    frame = pd.DataFrame({"birth_date": [" 1980-01-02", "１９８０－０１－０２", "1980/1/2", "19800102"],
                          "party_joined": ["2005-07-01", None, "2005年7月1日", "2005-07-01"],
                          "work_started": pd.Categorical(["2000-09-01", "2000-09-01", None, "20000901"])})
    got = cadrekit.three_ages(frame, as_of=as_of)
    parsed = pd.DataFrame({"birth_date": pd.to_datetime(["1980-01-02"] * 4),
                           "party_joined": pd.to_datetime(["2005-07-01", None, "2005-07-01", "2005-07-01"]),
                           "work_started": pd.to_datetime(["2000-09-01", "2000-09-01", None, "2000-09-01"])})
    pd.testing.assert_frame_equal(got, cadrekit.three_ages(parsed, as_of=as_of))
    assert got["age"].tolist() == [40] * 4 and got["party_years"].isna().tolist() == [False, True, False, False]
    bad = frame.assign(party_joined=["2005-07-01", "2005-02-30", None, None])
    assert error_of(lambda: cadrekit.three_ages(bad, as_of=as_of))[2:] == ("party_joined", "row 2")
    cal = cadrekit.WorkCalendar.china()
    d = pd.Series(["2015-01-05", " 2015-01-05", None, "2015/1/5"], index=[10, 11, 12, 13])
    out = cal.add_working_days(d, 1)
    assert out.index.tolist() == [10, 11, 12, 13]
    assert out.isna().tolist() == [False, False, True, False]
    assert out.dropna().dt.date.tolist() == [dt.date(2015, 1, 6)] * 3
    assert error_of(lambda: cal.add_working_days(pd.Series(["2015-01-05", "2015-01-5x"]), 1))[2:] == \
        ("from", "row 2")


MEMBERS = pd.DataFrame({"team_id": ["T1", "T1", "T2", "T2"], "cadre_id": ["A", "B", "C", "D"],
                        "sex": ["男", "女", "1", "2"], "birth_date": ["1985-01-01", " 1990-05-05", "1970/1/1", "1960年1月1日"],
                        "ethnicity": ["01", "02", "01", "01"], "political_status": ["01", "13", "01", "01"]})


def test_team_structure_reads_codes_and_dates_as_text_and_names_the_row():
    as_of = dt.date(2020, 6, 30)
    got = talent.team_structure(MEMBERS, as_of=as_of)
    parsed = talent.team_structure(MEMBERS.assign(birth_date=pd.to_datetime(
        ["1985-01-01", "1990-05-05", "1970-01-01", "1960-01-01"])), as_of=as_of)
    pd.testing.assert_frame_equal(got, parsed)
    assert got["size"].tolist() == [2, 2] and got["women"].tolist() == [1, 1]
    for col, value, message in (("sex", None, "missing value"), ("sex", 3, "value outside 1…2"),
                                ("ethnicity", None, "missing value"),
                                ("political_status", 0, "value outside 1…13")):
        bad = MEMBERS.astype(object)
        bad.loc[2, col] = value
        bad.loc[3, col] = value
        _, msg, field, record = error_of(lambda: talent.team_structure(bad, as_of=as_of))
        assert (msg, field, record) == (message, col, "row 3")
    bad = MEMBERS.assign(sex=["男", "女", "x", "x"])
    assert error_of(lambda: talent.team_structure(bad, as_of=as_of))[2:] == ("sex", "row 3")
    bad = MEMBERS.assign(birth_date=["1985-01-01", "1985-01-01", "1985-01-32", None])
    assert error_of(lambda: talent.team_structure(bad, as_of=as_of))[2:] == ("birth_date", "row 3")


def test_shared_date_objects_alternating_with_missing_cells_at_random():
    # a few date objects shared by many cells (as read_csv gives them), alternating at random
    # with missing cells of every kind, other spellings and equal texts in objects of their own:
    # each cell read as its own text
    rng = random.Random(4)
    shared = ["2014-01-05", "1999-12-31", "2016/2/29", "1970-01-01"]
    pool = shared + [None, float("nan"), pd.NA]
    cells = [rng.choice(pool) if rng.random() < 0.95 else "".join(list(rng.choice(shared))) for _ in range(50_000)]
    got = _frames.date_column(pd.Series(cells, dtype=object), "d")
    want = np.array([np.datetime64("NaT") if not isinstance(c, str) else
                     np.datetime64(c.replace("/", "-").replace("-2-", "-02-")) for c in cells], dtype="datetime64[D]")
    assert np.array_equal(got, want, equal_nan=True)
    assert np.array_equal(general(cells[:2000]), want[:2000], equal_nan=True)
