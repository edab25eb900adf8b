"""WorkCalendar from Python: the same cases as the C++ and C tests, every day against the
notices, and hypothesis properties tying add, count and window together."""
import csv
import datetime as dt
import pathlib

import pytest
from hypothesis import given, settings, strategies as st

import cadrekit

ROOT = pathlib.Path(__file__).resolve().parents[2]
CSV = ROOT / "data" / "calendars" / "cn_holidays.csv"
CAL = cadrekit.WorkCalendar.china()
FIRST, LAST = dt.date(2007, 1, 1), dt.date(2026, 12, 31)


def notices():
    with open(CSV, encoding="utf-8") as f:
        return {r["date"]: r["is_off_day"] == "true" for r in csv.DictReader(f)}


def test_every_day_2007_2026_matches_the_notices():
    rows = notices()
    d, mismatches = FIRST, []
    while d <= LAST:
        s = d.isoformat()
        want = (not rows[s]) if s in rows else d.weekday() < 5
        if CAL.is_working_day(d) != want:
            mismatches.append(s)
        d += dt.timedelta(days=1)
    assert mismatches == []


def test_coverage_and_repr():
    assert CAL.coverage == (FIRST, LAST)
    assert not CAL.lenient
    assert "2007-01-01..2026-12-31" in repr(CAL)


def test_window_across_national_day_2016():
    assert CAL.window(dt.date(2016, 9, 30), 5) == (dt.date(2016, 9, 30), dt.date(2016, 10, 11))
    assert CAL.window(dt.date(2016, 10, 3), 5) == (dt.date(2016, 10, 8), dt.date(2016, 10, 12))
    assert CAL.add_working_days(dt.date(2016, 9, 30), 1) == dt.date(2016, 10, 8)
    assert CAL.add_working_days(dt.date(2016, 10, 8), -1) == dt.date(2016, 9, 30)
    assert CAL.add_working_days(dt.date(2016, 10, 3), 0) == dt.date(2016, 10, 3)
    assert CAL.count_working_days(dt.date(2016, 1, 1), dt.date(2016, 12, 31)) == 250
    assert CAL.calendar_window(dt.date(2016, 9, 29), 7) == (dt.date(2016, 9, 29), dt.date(2016, 10, 5))


def test_outside_coverage_is_an_error_unless_lenient():
    with pytest.raises(cadrekit.CalendarCoverageError) as e:
        CAL.add_working_days(dt.date(2026, 12, 31), 1)
    assert e.value.code == "calendar_coverage"
    assert isinstance(e.value, cadrekit.Error)
    lenient = cadrekit.WorkCalendar.china(lenient=True)
    assert lenient.add_working_days(dt.date(2026, 12, 31), 1) == dt.date(2027, 1, 1)
    assert lenient.estimated(dt.date(2026, 12, 31), dt.date(2027, 1, 1))
    assert not lenient.estimated(dt.date(2026, 1, 5), dt.date(2026, 1, 9))


def test_bad_arguments_raise_typed_errors():
    with pytest.raises(cadrekit.InvalidInput) as e:
        CAL.window(dt.date(2016, 1, 4), 0)
    assert e.value.field == "n"
    assert isinstance(e.value, ValueError)
    with pytest.raises(TypeError):
        CAL.is_working_day("2016-01-04")
    with pytest.raises(TypeError):
        CAL.is_working_day(dt.datetime(2016, 1, 4, 12, 0))


@pytest.mark.parametrize("n", [2**31, -2**31 - 1, 2**70])
def test_a_step_beyond_int32_is_refused_as_a_columns_is(n):
    # One date and a step beyond the kernel's int32 was the binding's TypeError listing
    # signatures; a column's such step was already InvalidInput naming n.
    import pandas as pd
    with pytest.raises(cadrekit.InvalidInput) as one:
        CAL.add_working_days(dt.date(2016, 1, 4), n)
    with pytest.raises(cadrekit.InvalidInput) as column:
        CAL.add_working_days(pd.Series(["2016-01-04"]), pd.Series([n], dtype=object))
    assert one.value.field == column.value.field == "n"
    assert one.value.message == column.value.message == "value outside -2147483648…2147483647"
    for call in (CAL.window, CAL.calendar_window):
        with pytest.raises(cadrekit.InvalidInput) as e:
            call(dt.date(2016, 1, 4), n)
        assert (e.value.field, e.value.message) == ("n", one.value.message)
    with pytest.raises(TypeError, match="n must be an int, not float"):  # a type, never a value
        CAL.window(dt.date(2016, 1, 4), 3.0)


def test_a_newly_announced_year():
    ext = CAL.with_csv("date,is_off_day,name\n2027-01-01,true,元旦\n2027-01-04,true,元旦\n")
    assert ext.coverage[1] == dt.date(2027, 12, 31)
    assert ext.add_working_days(dt.date(2026, 12, 31), 1) == dt.date(2027, 1, 5)
    with pytest.raises(cadrekit.InvalidInput) as e:
        cadrekit.WorkCalendar.from_csv("date,is_off_day,name\n2020-02-30,true,x\n")
    assert e.value.record.endswith(":2")


days = st.dates(min_value=dt.date(2007, 2, 1), max_value=dt.date(2025, 11, 30))
steps = st.integers(min_value=1, max_value=220)


@settings(max_examples=300, deadline=None)
@given(days, steps)
def test_count_after_add_is_n(d, n):
    r = CAL.add_working_days(d, n)
    assert CAL.count_working_days(d + dt.timedelta(days=1), r) == n
    assert CAL.is_working_day(r)


@settings(max_examples=300, deadline=None)
@given(days, steps)
def test_add_backwards_undoes_add_forwards_on_working_days(d, n):
    start = d if CAL.is_working_day(d) else CAL.add_working_days(d, 1)
    assert CAL.add_working_days(CAL.add_working_days(start, n), -n) == start


@settings(max_examples=300, deadline=None)
@given(days, steps)
def test_window_and_add_agree(d, n):
    first, last = CAL.window(d, n)
    assert first >= d and CAL.is_working_day(first)
    assert CAL.count_working_days(d, first) == 1
    assert CAL.add_working_days(first, n - 1) == last
    assert CAL.count_working_days(first, last) == n
