"""The columnar calls for dates (issue #10) from Python: WorkCalendar.add_working_days_array,
count_working_days_array and cadrekit.three_ages_columns — every day of the coverage against the
notices' CSV, hypothesis properties that the batch equals the scalar call element-wise, NaT,
dtypes and pandas Series, and all-or-nothing errors naming the row."""
import bisect
import csv
import datetime as dt
import pathlib

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

import cadrekit

ROOT = pathlib.Path(__file__).resolve().parents[2]
CSV = ROOT / "data" / "calendars" / "cn_holidays.csv"
CAL = cadrekit.WorkCalendar.china()
FIRST, LAST = dt.date(2007, 1, 1), dt.date(2026, 12, 31)
NAT = np.datetime64("NaT", "D")


def working_days():
    """Every working day of the coverage, in order, from the CSV and the weekday rule."""
    with open(CSV, encoding="utf-8") as f:
        rows = {r["date"]: r["is_off_day"] == "true" for r in csv.DictReader(f)}
    out, d = [], FIRST
    while d <= LAST:
        s = d.isoformat()
        if ((not rows[s]) if s in rows else d.weekday() < 5):
            out.append(d)
        d += dt.timedelta(days=1)
    return out


WD = working_days()


@pytest.mark.parametrize("n", [1, -1, 5, -5])
def test_every_day_of_the_coverage_against_the_notices(n):
    days, want = [], []
    d = FIRST
    while d <= LAST:
        i = bisect.bisect_right(WD, d) + n - 1 if n > 0 else bisect.bisect_left(WD, d) + n
        if 0 <= i < len(WD):
            days.append(d)
            want.append(WD[i])
        d += dt.timedelta(days=1)
    assert len(days) > 7250
    arr = np.array(days, dtype="datetime64[D]")
    got = CAL.add_working_days_array(arr, n)
    assert got.dtype == np.dtype("datetime64[D]")
    assert (got == np.array(want, dtype="datetime64[D]")).all()
    # The same with an int32 column of n and with the scalar call.
    got2 = CAL.add_working_days_array(arr, np.full(len(arr), n, dtype=np.int32))
    assert (got2 == got).all()
    for d, w in list(zip(days, want))[::97]:
        assert CAL.add_working_days(d, n) == w


def test_known_days_nat_and_in_place():
    a = np.array(["2016-09-30", "NaT", "2016-10-03"], dtype="datetime64[D]")
    got = CAL.add_working_days_array(a, [1, 3, 0])
    assert got[0] == np.datetime64("2016-10-08")  # make-up Saturday
    assert np.isnat(got[1])
    assert got[2] == np.datetime64("2016-10-03")
    out = np.empty(3, dtype="datetime64[D]")
    res = CAL.add_working_days_array(a, 1, out=out)
    assert res is out and out[0] == np.datetime64("2016-10-08")
    CAL.add_working_days_array(a, 1, out=a)  # in place
    assert a[0] == np.datetime64("2016-10-08")


def test_zero_copy_input_is_not_modified_and_units_and_series_convert():
    days = pd.date_range("2016-01-01", "2016-12-31", freq="D")
    want = np.array([CAL.add_working_days(d.date(), 3) for d in days], dtype="datetime64[D]")
    ser = pd.Series(days)  # datetime64[ns]
    assert (CAL.add_working_days_array(ser, 3) == want).all()
    assert (CAL.add_working_days_array(days.values.astype("datetime64[s]"), 3) == want).all()
    assert (CAL.add_working_days_array(list(d.date() for d in days), 3) == want).all()
    arr = days.values.astype("datetime64[D]")
    keep = arr.copy()
    CAL.add_working_days_array(arr, np.arange(len(arr)) % 9 - 4)  # int64 n, converted
    assert (arr == keep).all()


def test_errors_name_the_row_and_leave_out_untouched():
    a = np.array(["2016-01-04", "2016-01-05", "2026-12-30"], dtype="datetime64[D]")
    out = np.array(["2000-01-01"] * 3, dtype="datetime64[D]")
    with pytest.raises(cadrekit.CalendarCoverageError) as e:
        CAL.add_working_days_array(a, [1, 1, 5], out=out)
    assert "row 3" in str(e.value)
    assert (out == np.datetime64("2000-01-01")).all()
    with pytest.raises(cadrekit.InvalidInput):
        CAL.add_working_days_array(a, [1, 2])
    with pytest.raises(cadrekit.InvalidInput):
        CAL.add_working_days_array(a, np.array([1, 2**40, 3]))
    with pytest.raises(cadrekit.InvalidInput):
        CAL.add_working_days_array(np.array([1, 2, 3]), 1)  # integers are not dates
    with pytest.raises(cadrekit.InvalidInput):
        CAL.add_working_days_array(a, 1, out=np.empty(2, dtype="datetime64[D]"))
    with pytest.raises(cadrekit.InvalidInput):
        CAL.add_working_days_array(a, 1.5)


def test_count_working_days_array():
    first = np.array(["2016-01-01", "NaT", "2016-10-01"], dtype="datetime64[D]")
    last = np.array(["2016-12-31", "2016-12-31", "2016-10-09"], dtype="datetime64[D]")
    # 2016: 366 − 105 weekend days − 17 weekday holidays + 6 make-up days; 10-01..10-09: the
    # make-up 8th and 9th only.
    assert CAL.count_working_days_array(first, last).tolist() == [250, -1, 2]


dates = st.dates(min_value=dt.date(2007, 2, 1), max_value=dt.date(2026, 11, 30))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(dates, st.integers(-15, 15)), min_size=0, max_size=40))
def test_add_array_equals_the_scalar_call(rows):
    a = np.array([d for d, _ in rows], dtype="datetime64[D]")
    n = np.array([k for _, k in rows], dtype=np.int32)
    got = CAL.add_working_days_array(a, n)
    assert [g.astype(object) for g in got] == [CAL.add_working_days(d, k) for d, k in rows]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(dates, dates), min_size=1, max_size=40))
def test_count_array_equals_the_scalar_call(rows):
    f = np.array([a for a, _ in rows], dtype="datetime64[D]")
    l = np.array([b for _, b in rows], dtype="datetime64[D]")
    assert CAL.count_working_days_array(f, l).tolist() == [CAL.count_working_days(a, b) for a, b in rows]


# ---- 三龄 -------------------------------------------------------------------------------------

def D(s):
    return np.datetime64(s, "D")


def test_three_ages_known_cases():
    # test_person.py's cases: whole years, a birthday on the as-of date, 29 February.
    birth = np.array(["1970-06-15", "1970-06-16", "2000-02-29", "2000-02-29"], dtype="datetime64[D]")
    party = np.array(["1995-07-01", "NaT", "NaT", "2016-02-29"], dtype="datetime64[D]")
    work = np.array(["1990-08-01", "1990-08-01", "NaT", "NaT"], dtype="datetime64[D]")
    r = cadrekit.three_ages_columns(birth, party, work, as_of=dt.date(2020, 6, 15))
    assert r["age"].tolist() == [50, 49, 20, 20]
    assert r["party_years"].tolist() == [24, -1, -1, 4]
    assert r["work_years"].tolist() == [29, 29, -1, -1]
    assert r["age"].dtype == np.int32
    r = cadrekit.three_ages_columns(birth[2:], as_of=dt.date(2001, 2, 28))
    assert r["age"].tolist() == [0, 0] and r["party_years"].tolist() == [-1, -1]
    r = cadrekit.three_ages_columns(birth[2:], as_of=dt.date(2001, 3, 1))
    assert r["age"].tolist() == [1, 1]


def test_three_ages_from_a_dataframe_and_errors():
    df = pd.DataFrame({"birth": pd.to_datetime(["1970-06-15", "1980-01-01"]),
                       "joined": pd.to_datetime(["1995-07-01", None])})
    r = cadrekit.three_ages_columns(df["birth"], df["joined"], None, as_of=dt.date(2016, 9, 22))
    assert r["age"].tolist() == [46, 36] and r["party_years"].tolist() == [21, -1]
    with pytest.raises(cadrekit.InvalidInput) as e:
        cadrekit.three_ages_columns(df["birth"], pd.to_datetime(pd.Series([None, "2017-01-01"])),
                                    as_of=dt.date(2016, 9, 22))
    assert "row 2" in str(e.value) and "party_joined" in str(e.value)
    with pytest.raises(cadrekit.InvalidInput) as e:
        cadrekit.three_ages_columns(np.array(["NaT"], dtype="datetime64[D]"), as_of=dt.date(2016, 1, 1))
    assert "birth_date" in str(e.value)
    with pytest.raises(cadrekit.InvalidInput):
        cadrekit.three_ages_columns(df["birth"], df["joined"][:1], as_of=dt.date(2016, 1, 1))


born = st.dates(min_value=dt.date(1930, 1, 1), max_value=dt.date(2000, 12, 31))


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(born, st.integers(0, 30000), st.integers(0, 30000), st.booleans(), st.booleans()),
                min_size=1, max_size=30),
       st.dates(min_value=dt.date(2001, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_three_ages_columns_equal_the_scalar_call(rows, as_of):
    birth, party, work, want = [], [], [], []
    for b, dp, dw, has_p, has_w in rows:
        p = min(b + dt.timedelta(days=dp), as_of) if has_p else None
        w = min(b + dt.timedelta(days=dw), as_of) if has_w else None
        birth.append(b)
        party.append(p)
        work.append(w)
        want.append((b, p, w))
    r = cadrekit.three_ages_columns(np.array(birth, dtype="datetime64[D]"),
                                    np.array([x if x else "NaT" for x in party], dtype="datetime64[D]"),
                                    np.array([x if x else "NaT" for x in work], dtype="datetime64[D]"),
                                    as_of=as_of)
    for i, (b, p, w) in enumerate(want):
        person = cadrekit.Person(id="x", sex=1, birth_date=b, ethnicity="01", political_status="01")
        person.party_joined = p
        person.work_started = w
        s = person.three_ages(as_of)
        assert r["age"][i] == s.age
        assert r["party_years"][i] == (s.party_years if s.party_years is not None else -1)
        assert r["work_years"][i] == (s.work_years if s.work_years is not None else -1)


def test_three_ages_of_no_records_is_no_records_and_an_unknown_key_warns_once():
    assert cadrekit.three_ages([], as_of=dt.date(2016, 12, 31)) == []
    import warnings
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        got = cadrekit.three_ages([{"birth_date": "1980-01-01", "remark": "x"}], as_of=dt.date(2016, 12, 31))
    assert got[0]["age"] == 36
    assert [str(w.message) for w in seen if issubclass(w.category, cadrekit.UnknownColumnWarning)] == \
        ["people: the column 'remark' is not one this call reads, and is ignored"]
