"""The column functions check every value before they narrow it (never a wrap): a value outside
the column's type, a fraction, NaN, a uint64 beyond int64, NaT, pandas' <NA> and text are
InvalidInput naming the column (.field) and the first bad row (.record, counted from 1); a whole number in
any integer, bool, float or nullable dtype gives the same answer as the int-typed call."""
import datetime as dt

import numpy as np
import pandas as pd
import pytest

import cadrekit
from cadrekit import assessment, audit, talent, village

D = dt.date
AS_OF = D(2016, 12, 31)
OPEN = 2**31 - 1


def days(*ds):
    return np.array([(d - D(1970, 1, 1)).days for d in ds], dtype=np.int32)


# function -> (the valid int-typed columns of 3 rows, a call of them, {column: (field, record prefix)})
def _tier(c):
    return audit.tier_columns(c["budget"], [c[f] for f in audit.FACTORS], as_of=AS_OF)


def _team(c):
    return talent.team_structure_columns(c["team"], c["sex"], c["birth_date"], c["ethnicity"],
                                         c["political_status"], as_of=AS_OF, n_teams=3)


def _screen(c):
    findings = {k: c["f_" + k] for k in ("cadre", "standard", "source", "classification", "severity", "date")}
    return assessment.screen_columns(c["cadre"], c["kind"], c["period"], c["rank"], c["group_size"], c["rating"],
                                     as_of=AS_OF, findings=findings)


def _pay(c):
    return village.pay_columns(c["village_township"], c["population"], c["scores"], c["score_present"],
                               c["principal_village"], c["post"], c["served_from"], c["served_to"], 2016)


def _calendar(c):
    cal = cadrekit.WorkCalendar.china()
    return cal.add_working_days_array(np.array(["2016-05-03"] * 3, dtype="datetime64[D]"), c["n"])


CASES = {
    "audit.tier_columns": (
        {"budget": np.array([500_000_000, 10_000_000, 100], np.int64),
         **{f: np.array([0, 1, 0], np.int8) for f in audit.FACTORS}},
        _tier, {"budget": "int64", **{f: "int8" for f in audit.FACTORS}}),
    "talent.team_structure_columns": (
        {"team": np.array([0, 0, 1], np.int32), "sex": np.array([1, 2, 2], np.uint8),
         "birth_date": days(D(1980, 1, 1), D(1975, 6, 1), D(1990, 2, 3)),
         "ethnicity": np.array([1, 2, 1], np.uint8), "political_status": np.array([1, 13, 1], np.uint8)},
        _team, {"team": "int32", "sex": "uint8", "birth_date": "int32", "ethnicity": "uint8",
                "political_status": "uint8"}),
    "assessment.screen_columns": (
        {"cadre": np.array([0, 0, 1], np.int64), "kind": np.array([0, 0, 0], np.uint8),
         "period": np.array([201400, 201500, 201500], np.int32), "rank": np.array([9, 10, 1], np.int32),
         "group_size": np.array([10, 10, 8], np.int32), "rating": np.array([4, 4, 1], np.uint8),
         "f_cadre": np.array([0, 1, 1], np.int64), "f_standard": np.array([0, 1, 0], np.int32),
         "f_source": np.array([0, 0, 0], np.uint8), "f_classification": np.array([6, 6, 6], np.uint8),
         "f_severity": np.array([0, 1, 0], np.uint8),
         "f_date": days(D(2016, 3, 1), D(2016, 4, 1), D(2016, 5, 1))},
        _screen, {"cadre": "int64", "kind": "uint8", "period": "int32", "rank": "int32", "group_size": "int32",
                  "rating": "uint8", "f_cadre": "int64", "f_standard": "int32", "f_source": "uint8",
                  "f_classification": "uint8", "f_severity": "uint8", "f_date": "int32"}),
    "village.pay_columns": (
        {"village_township": np.array([0, 1, 1], np.int32), "population": np.array([1200, 800, 300], np.int64),
         "scores": np.array([900000, 880000, 0] * 5, np.int64).reshape(5, 3).T.copy(),
         "score_present": np.array([31, 31, 0], np.uint8), "principal_village": np.array([0, 1, 2], np.int32),
         "post": np.array([0, 2, 1], np.uint8), "served_from": days(D(2014, 1, 1), D(2016, 3, 1), D(2010, 1, 1)),
         "served_to": np.array([OPEN, 17000, OPEN], np.int32)},
        _pay, {"village_township": "int32", "population": "int64", "scores": "int64", "score_present": "uint8",
               "principal_village": "int32", "post": "uint8", "served_from": "int32", "served_to": "int32"}),
    "WorkCalendar.add_working_days_array": ({"n": np.array([1, 2, -3], np.int32)}, _calendar, {"n": "int32"}),
}

# The field each column is named by in errors, and the prefix of its record.
FIELD = {"f_cadre": "findings.cadre", "f_standard": "findings.standard", "f_source": "findings.source",
         "f_classification": "findings.classification", "f_severity": "findings.severity",
         "f_date": "findings.date"}
# Columns where a missing value has a meaning (tested below), not an error.
MISSING_ALLOWED = {"score_present", "served_to", "f_standard", "scores"}
DATES = {"birth_date", "served_from", "served_to", "f_date"}  # day numbers; datetime64 read too
RANGE = {"int8": (-128, 127), "uint8": (0, 255), "int32": (-2**31, 2**31 - 1), "int64": (-2**63, 2**63 - 1)}


def _record(column, row):
    """The record an error names for index ``row`` of a column: rows count from 1."""
    return ("findings row " if column.startswith("f_") else "row ") + str(row + 1)


def _bad(col, case, date=False):
    """The column with its index 1 (row 2) spoiled by `case` (other rows unchanged), in a dtype that holds it."""
    good = col.reshape(-1) if col.ndim == 2 else col
    vals = [int(x) for x in (col[:, 0] if col.ndim == 2 else good)]
    if case in ("257", "2**40", "-255"):
        v = {"257": 257, "2**40": 2**40, "-255": -255}[case]
        vals[1] = v
        return pd.Series(vals, dtype=object) if abs(v) > 2**62 else np.array(vals, dtype=np.int64)
    if case == "1.9":
        return np.array(vals[:1] + [1.9] + vals[2:], dtype=float)
    if case == "NaN":
        return np.array(vals[:1] + [np.nan] + vals[2:], dtype=float)
    if case == "uint64 2**63":
        return np.array([abs(v) for v in vals[:1]] + [2**63] + [abs(v) for v in vals[2:]], dtype=np.uint64)
    if case == "NaT":
        if not date:
            return pd.Series(vals[:1] + [pd.NaT] + vals[2:], dtype=object)
        d = np.array(vals, dtype="datetime64[D]")
        d[1] = np.datetime64("NaT")
        return d
    if case == "pd.NA":
        return pd.Series(vals[:1] + [None] + vals[2:], dtype="Int64")
    if case == "str":
        return pd.Series(vals[:1] + ["x"] + vals[2:], dtype=object)
    raise AssertionError(case)


BAD = ["257", "2**40", "-255", "1.9", "NaN", "uint64 2**63", "NaT", "pd.NA", "str"]


def _refused(dtype, column, case):
    """Whether `case` must be refused by the column's check itself (not the kernel's domain)."""
    lo, hi = RANGE[dtype]
    if case in ("257", "2**40", "-255"):
        return not lo <= {"257": 257, "2**40": 2**40, "-255": -255}[case] <= hi
    if case in ("NaN", "pd.NA", "NaT") and column in MISSING_ALLOWED:
        return False
    if case == "NaT" and column in DATES:
        return True  # a date column: NaT is a missing date
    return True  # a fraction, NaN, pd.NA, NaT, a uint64 beyond int64, text


PARAMS = [(fn, column, case) for fn, (cols, call, dtypes) in CASES.items() for column in cols for case in BAD
          if _refused(dtypes[column], column, case)]


@pytest.mark.parametrize("fn,column,case", PARAMS)
def test_a_bad_value_is_refused_naming_column_and_row(fn, column, case):
    cols, call, dtypes = CASES[fn]
    c = dict(cols)
    if column == "scores":  # (villages, 5): village 1's score 0 spoiled
        s = np.array(c["scores"], dtype=object)
        s[1, 0] = {"257": 257, "2**40": 2**40, "-255": -255, "1.9": 1.9, "uint64 2**63": 2**63, "str": "x"}[case]
        c["scores"] = pd.DataFrame(s) if case != "uint64 2**63" else s
    else:
        c[column] = _bad(cols[column], case, date=column in DATES)
    with pytest.raises(cadrekit.InvalidInput) as e:
        call(c)
    assert e.value.field == FIELD.get(column, column)
    assert e.value.record == _record(column, 1)
    assert e.value.message and str(e.value).startswith(e.value.message)


def test_the_cases_of_the_issue_are_in_the_table():
    """The reported wraps are among the cases: audit factors 257, 2**40, -255, 1.9, NaN; team sex 257,
    2**33 + 2, ethnicity 258, a birth day of 2**40, NaT."""
    got = {(fn, column, case) for fn, column, case in PARAMS}
    for case in ("257", "2**40", "-255", "1.9", "NaN"):
        assert ("audit.tier_columns", "high_risk_sector" if "high_risk_sector" in audit.FACTORS
                else audit.FACTORS[0], case) in got
    for column, case in (("sex", "257"), ("ethnicity", "257"), ("birth_date", "2**40"), ("birth_date", "NaT")):
        assert ("talent.team_structure_columns", column, case) in got


@pytest.mark.parametrize("value,field", [(257, "sex"), (2**33 + 2, "sex"), (258, "ethnicity")])
def test_team_codes_that_used_to_wrap(value, field):
    cols, call, _ = CASES["talent.team_structure_columns"]
    c = dict(cols)
    c[field] = np.array([1, value, 1], dtype=np.int64)
    with pytest.raises(cadrekit.InvalidInput) as e:
        call(c)
    assert (e.value.field, e.value.record) == (field, "row 2")


def _same(a, b):
    if isinstance(a, dict):
        assert set(a) == set(b)
        for k in a:
            _same(a[k], b[k])
    elif isinstance(a, (tuple, list)):
        assert len(a) == len(b)
        for x, y in zip(a, b):
            _same(x, y)
    else:
        assert np.array_equal(np.asarray(a), np.asarray(b))


def _as(col, kind):
    flat = col.reshape(-1)
    lo, hi = int(flat.min()), int(flat.max())
    if kind == "bool":
        return col.astype(bool) if lo >= 0 and hi <= 1 else None
    if kind == "Int64":
        return pd.Series(flat, dtype="Int64") if col.ndim == 1 else None
    if kind == "float":
        return col.astype(float)
    if kind == "list":
        return col.tolist()
    if kind == "strided":
        return np.repeat(col, 2, axis=0)[::2] if col.ndim == 1 else None
    info = np.iinfo(kind)
    return col.astype(kind) if info.min <= lo and hi <= info.max else None


GOOD = ["int8", "int16", "int64", "uint8", "bool", "float", "Int64", "list", "strided"]


@pytest.mark.parametrize("fn", sorted(CASES))
@pytest.mark.parametrize("kind", GOOD)
def test_whole_numbers_in_any_dtype_give_the_int_typed_answer(fn, kind):
    cols, call, _ = CASES[fn]
    want = call(dict(cols))
    tried = 0
    for column, col in cols.items():
        other = _as(col, kind)
        if other is None:
            continue
        tried += 1
        c = dict(cols)
        c[column] = other
        _same(call(c), want)
    assert tried > 0 or kind in ("bool", "uint8")


def test_an_int_typed_contiguous_column_is_used_in_place():
    from cadrekit import _frames
    a = np.arange(5, dtype=np.int32)
    assert _frames.int_column(a, "x", np.int32) is a


def test_missing_values_where_a_column_has_a_meaning_for_them():
    cols, call, _ = CASES["village.pay_columns"]
    want = call(dict(cols))
    c = dict(cols)
    c["served_to"] = pd.Series([None, 17000, None], dtype="Int64")  # still serving
    _same(call(c), want)
    c = dict(cols)
    s = cols["scores"].astype(float)
    s[2, :] = np.nan  # village 2 has no scores: the same as its mask 0
    c["scores"] = s
    c["score_present"] = np.array([31, 31, 31], np.uint8)
    _same(call(c), want)
    c = dict(cols)
    c["score_present"] = pd.Series([31, 31, None], dtype="Int64")  # no mask: no score present
    _same(call(c), want)


def test_a_datetime_with_a_time_of_day_is_refused_not_cut():
    cols, call, _ = CASES["talent.team_structure_columns"]
    c = dict(cols)
    c["birth_date"] = pd.Series(pd.to_datetime(["1980-01-01", "1975-06-01 08:00", "1990-02-03"]))
    with pytest.raises(cadrekit.InvalidInput) as e:
        call(c)
    assert (e.value.field, e.value.record) == ("birth_date", "row 2")
    with pytest.raises(cadrekit.InvalidInput) as e:
        cadrekit.three_ages_columns(pd.to_datetime(["1980-01-01", "1975-06-01 08:00"]), as_of=AS_OF)
    assert (e.value.field, e.value.record) == ("birth_date", "row 2")


def test_a_date_column_names_the_first_row_it_cannot_read():
    with pytest.raises(cadrekit.InvalidInput) as e:
        cadrekit.three_ages_columns(pd.Series([D(1980, 1, 1), "x", D(1990, 1, 1)], dtype=object), as_of=AS_OF)
    assert (e.value.field, e.value.record) == ("birth_date", "row 2")


@pytest.mark.parametrize("as_of", ["2016-12-31", 20161231, None, dt.datetime(2016, 12, 31)])
def test_as_of_of_the_wrong_type_is_a_cadrekit_error_without_the_data(as_of):
    df = pd.DataFrame({"unit_id": ["U-SECRET-1"], "budget": [123456789]})
    for call in (lambda: audit.tier(df, as_of=as_of), lambda: audit.tier(df, as_of=as_of, explain=False),
                 lambda: cadrekit.three_ages_columns(np.array(["1980-01-01"], "datetime64[D]"), as_of=as_of)):
        with pytest.raises(cadrekit.InvalidInput) as e:
            call()
        assert e.value.field == "as_of"
        assert isinstance(e.value, TypeError)  # still a TypeError, as documented for wrong types
        assert "SECRET" not in str(e.value) and "123456789" not in str(e.value)


def test_frames_with_a_column_twice_or_a_missing_budget_or_a_missing_flag():
    df = pd.DataFrame([["U1", 100, 1]], columns=["unit_id", "budget", "unit_id"])
    for explain in (True, False):
        with pytest.raises(cadrekit.InvalidInput) as e:
            audit.tier(df, as_of=AS_OF, explain=explain)
        assert e.value.field == "unit_id"
    df = pd.DataFrame({"unit_id": ["U1", "U2"], "budget": pd.Series([100, None], dtype="Int64")})
    for explain in (True, False):
        with pytest.raises(cadrekit.InvalidInput) as e:
            audit.tier(df, as_of=AS_OF, explain=explain)
        assert e.value.field == "budget" or "budget" in str(e.value)
    flag = audit.FACTORS[0]
    df = pd.DataFrame({"unit_id": ["U1", "U2"], "budget": [100, 200],
                       flag: pd.Series([True, None], dtype="boolean")})
    plain = pd.DataFrame({"unit_id": ["U1", "U2"], "budget": [100, 200], flag: [1, 0]})
    got = audit.tier(df, as_of=AS_OF, explain=False)  # a missing factor is 0, as in the rows path
    assert got.equals(audit.tier(plain, as_of=AS_OF, explain=False))


def test_a_text_date_column_reads_its_distinct_texts_as_one_by_one():
    texts = ["2016-01-02", None, "2016/1/3", "2016年1月2日", float("nan"), "20160229", "2016-01-02"]
    got = cadrekit._frames.date_column(pd.Series(texts), "birth_date")
    want = [np.datetime64("NaT") if not isinstance(t, str) else
            np.datetime64(cadrekit._frames.vocabulary_date(t, "birth_date", ""), "D") for t in texts]
    assert got.dtype == np.dtype("datetime64[D]")
    assert [str(x) for x in got] == [str(x) for x in want]
    with pytest.raises(cadrekit.InvalidInput) as e:
        cadrekit._frames.date_column(pd.Series(["2016-01-02", "2016-02-30", "x", "2016-02-30"]), "birth_date")
    assert (e.value.field, e.value.record) == ("birth_date", "row 2")


# NumPy's two 64-bit integer dtypes (long, long long) and a byte-swapped one among them
_INTS = [np.int8, np.int16, np.int32, np.int64, np.longlong, np.dtype(">i4"), np.uint8, np.uint16, np.uint32,
         np.uint64, np.ulonglong]


@pytest.mark.parametrize("to", [np.int8, np.int16, np.int32, np.int64, np.longlong, np.uint8, np.uint32])
@pytest.mark.parametrize("src", _INTS)
def test_an_integer_column_narrowed_in_one_pass_as_numpy_would_check_it(src, to):
    """Every integer dtype into every column type, with and without a narrower range: the values
    as NumPy converts them when all are in range, else the first row out of range named."""
    from cadrekit import _frames
    rng = np.random.default_rng(7)
    info, target = np.iinfo(src), np.iinfo(to)
    for lo, hi in ((None, None), (0, 9), (-3, 120)):
        low = target.min if lo is None else max(lo, target.min)
        high = target.max if hi is None else min(hi, target.max)
        for trial in range(12):
            a = rng.integers(max(int(info.min), low), min(int(info.max), high), size=50,
                             dtype=np.dtype(src).newbyteorder("="), endpoint=True).astype(src)
            if trial % 3 and len(a):  # some columns with values at and past the ends
                a[rng.integers(len(a))] = info.max if trial % 2 else info.min
            inside = (a.astype(object) >= low) & (a.astype(object) <= high)
            if inside.all():
                got = _frames.int_column(a, "f", to, lo=lo, hi=hi)
                assert got.dtype == np.dtype(to) and got.flags["C_CONTIGUOUS"]
                assert got.tolist() == a.tolist()
            else:
                with pytest.raises(cadrekit.InvalidInput) as e:
                    _frames.int_column(a, "f", to, lo=lo, hi=hi)
                assert e.value.field == "f"
                assert e.value.record == f"row {int(np.flatnonzero(~inside)[0]) + 1}"


@pytest.mark.parametrize("unit", ["s", "ms", "us", "ns"])
def test_datetimes_of_a_finer_unit_read_as_days_as_numpy_casts_them(unit):
    """Days of a datetime64 column in one pass: NumPy's cast (the floor, also before 1970),
    NaT kept, and the first row with a time of day named (by the calendar and by int_column)."""
    from cadrekit import _core, _frames
    rng = np.random.default_rng(3)
    days = rng.integers(-30000, 30000, 500).astype("datetime64[D]")
    a = days.astype(f"datetime64[{unit}]")
    a[::37] = np.datetime64("NaT")
    got, timed = _core.datetime_days(a)
    assert timed == -1 and got.dtype == np.dtype("datetime64[D]")
    assert np.array_equal(got, a.astype("datetime64[D]"), equal_nan=True)
    assert _frames.int_column(a, "d", np.int32, dates=True, missing=-1).tolist() == \
        [-1 if np.isnat(x) else int(x.astype("datetime64[D]").astype(np.int64)) for x in a]
    for at in (0, 123, 499):
        b = a.copy()
        b[at] = np.datetime64("1969-12-31T23:59:59", unit) if at != 123 else np.datetime64("2016-05-03T00:00:01", unit)
        b[at + 1:at + 3] = np.datetime64("2016-05-03T12:00:00", unit)
        assert _core.datetime_days(b)[1] == at
        with pytest.raises(cadrekit.InvalidInput) as e:
            _frames.int_column(b, "d", np.int32, dates=True, missing=-1)
        assert (e.value.field, e.value.record) == ("d", f"row {at + 1}")
        with pytest.raises(cadrekit.InvalidInput) as e:
            cadrekit.WorkCalendar.china(lenient=True).add_working_days_array(b, 1)
        assert (e.value.field, e.value.record) == ("from", f"row {at + 1}")
    for other in (days, a.astype("datetime64[h]"), a.astype(a.dtype.newbyteorder(">"))):  # NumPy's cast
        got, timed = _core.datetime_days(other)
        assert timed == -1 and np.array_equal(got, other.astype("datetime64[D]"), equal_nan=True)
    hours = a.astype("datetime64[h]")
    hours[7] = np.datetime64("2016-05-03T05", "h")
    assert _core.datetime_days(hours)[1] == 7
    swapped = a.astype(a.dtype.newbyteorder(">"))
    assert _frames.int_column(swapped, "d", np.int32, dates=True, missing=-1).tolist() == \
        _frames.int_column(a, "d", np.int32, dates=True, missing=-1).tolist()


def test_days_as_nanoseconds_as_numpy_casts_them():
    from cadrekit import _core
    rng = np.random.default_rng(4)
    days = rng.integers(-106_000, 106_000, 1000).astype("datetime64[D]")
    days[::11] = np.datetime64("NaT")
    got = _core.days_as_ns(days)
    assert got.dtype == np.dtype("datetime64[ns]")
    assert np.array_equal(got, days.astype("datetime64[ns]"), equal_nan=True)
    with pytest.raises(ValueError):
        _core.days_as_ns(np.array(["2300-01-01"], dtype="datetime64[D]"))
    with pytest.raises(TypeError):
        _core.days_as_ns(np.array([1, 2]))
