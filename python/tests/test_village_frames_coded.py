"""The DataFrame pay sheet reads each text column by its distinct values (codes and uniques) and
gives the lines' ids back as the caller's own objects: its answers must be those of the rows
path (lists of dicts) for the same tables, and its errors must name the same field and row."""
from __future__ import annotations

import datetime
import io
import warnings
from typing import Any, Dict, List, Tuple

import numpy as np
import pandas as pd
import pytest

from cadrekit import village
from cadrekit._core import InvalidInput

from test_village import actions_cell

D = datetime.date


def tables() -> Tuple[List[Dict[str, Any]], List[Dict[str, Any]], List[Dict[str, Any]]]:
    """Three townships; one village without scores, one missing a quarter; principals leaving
    in the year, arriving in it, serving both posts, gone before it, one with two lines."""
    villages = [{"village_id": f"V{i}", "name": f"村{i}", "township": ["乙镇", "甲镇", "丙乡"][i % 3],
                 "population": str(300 + 170 * i)} for i in range(12)]
    principals: List[Dict[str, Any]] = []
    for i in range(12):
        principals.append({"cadre_id": f"S{i}", "name": "", "village_id": f"V{i}", "post": "secretary",
                           "served_from": "2014-03-01", "served_to": None})
        principals.append({"cadre_id": f"D{i}", "name": "", "village_id": f"V{i}",
                           "post": "both" if i % 4 == 0 else "director",
                           "served_from": ["2015-01-01", "2016-05-02", "2013-01-01"][i % 3],
                           "served_to": [None, None, "2016-08-31"][i % 3]})
    principals.append({"cadre_id": "G1", "name": "", "village_id": "V3", "post": "director",
                       "served_from": "2010-01-01", "served_to": "2015-06-30"})  # no line in 2016
    principals.append({"cadre_id": "S5", "name": "", "village_id": "V7", "post": "director",
                       "served_from": "2016-09-01", "served_to": None})  # a second village
    scores = []
    for i in range(12):
        if i == 4:
            continue  # no scores: not graded
        for k, per in enumerate(["2016Q1", "2016Q2", "2016Q3", "2016Q4", "2016"]):
            if i == 9 and k == 2:
                continue  # a quarter missing
            scores.append({"village_id": f"V{i}", "period": per, "score": f"{60 + (7 * i + 3 * k) % 37}.{k}5"})
    scores.append({"village_id": "V1", "period": "2015Q4", "score": "99"})  # another year: not counted
    return villages, principals, scores


def as_csv(rows: List[Dict[str, Any]]) -> pd.DataFrame:
    """The rows written to CSV and read back as a user does (``dtype=str``: empty cells NaN)."""
    return pd.read_csv(io.StringIO(pd.DataFrame(rows).to_csv(index=False)), dtype=str)


def both(v: Any, p: Any, s: Any, **kw: Any) -> Tuple[Any, Any]:
    return (village.pay_sheet(v, p, s, 2016, **kw),
            village.pay_sheet(as_csv(v), as_csv(p), as_csv(s), 2016, **kw))


def assert_same(rows: Any, frames: Any) -> None:
    a, b = rows.to_pandas(), frames.to_pandas()
    assert list(b.columns)[:len(village.LINE_COLUMNS)] == list(village.LINE_COLUMNS)
    assert len(b) > 0
    pd.testing.assert_frame_equal(a, b)
    assert rows.villages() == frames.villages()
    assert rows.townships() == frames.townships()
    assert rows.banner == frames.banner
    n = len(b)
    assert frames.explain(list(range(n))) == rows.explain(list(range(n)))


def test_frames_equal_rows_path() -> None:
    v, p, s = tables()
    rows, frames = both(v, p, s)
    assert_same(rows, frames)
    df = frames.to_pandas()
    assert (df["cadre_id"] == "S5").sum() == 2
    assert "G1" not in set(df["cadre_id"])
    assert df.loc[df["village_id"] == "V4", "team_grade"].eq("not_graded").all()
    unq = df[df["grade"] == "unqualified"]
    # unqualified and in post on the grading date: two actions; left before it: none. The
    # frame's cell is the command line's text of the records' list.
    assert set(unq["actions"]) == {"", "admonishment_talk:2017-01-30;rectification:2017-03-31"}
    assert (df.loc[df["grade"] != "unqualified", "actions"] == "").all()
    recs = frames.to_records()
    assert df["actions"].tolist() == [actions_cell(r["actions"]) for r in recs]
    assert recs == rows.to_records()


def test_dates_in_other_spellings_and_blank_cells_read_as_the_rows_path_reads_them() -> None:
    # A column of text dates is read cell by cell in C++ (ISO directly, other spellings by the
    # vocabulary); a blank cell, which the rows path reads as missing, takes the general path.
    v, p, s = tables()
    p[0]["served_from"] = "2014/3/1"
    p[1]["served_from"] = "2015年1月1日"
    p[2]["served_to"] = "2016/8/31"
    for blank in ("", "  "):
        p[3]["served_to"] = blank
        rows, frames = both(v, p, s)
        assert_same(rows, frames)
        assert frames.to_pandas()["cadre_id"].tolist() == rows.to_pandas()["cadre_id"].tolist()
    p[3]["served_to"] = None
    p[4]["served_from"] = "2016/2/30"  # not a date: named by its row, as the rows path names it
    assert error_of(lambda: village.pay_sheet(as_csv(v), as_csv(p), as_csv(s), 2016)) == \
        error_of(lambda: village.pay_sheet(v, p, s, 2016))
    assert "principals[4]" in error_of(lambda: village.pay_sheet(v, p, s, 2016))


def test_ids_are_the_callers_objects() -> None:
    v, p, s = tables()
    pdf = as_csv(p)
    df = village.pay_sheet(as_csv(v), pdf, as_csv(s), 2016).to_pandas()
    given = {id(x) for x in pdf["cadre_id"]}
    assert all(id(x) in given for x in df["cadre_id"])
    # the actions as lists (for a release, with a warning): the lists of two lines are distinct,
    # changing one leaves the other
    with pytest.warns(DeprecationWarning, match="action_lists"):
        df = village.pay_sheet(as_csv(v), pdf, as_csv(s), 2016).to_pandas(action_lists=True)
    unq = df.index[df["grade"] == "unqualified"]
    assert len(unq) >= 2
    df.at[unq[0], "actions"].append({"kind": "x"})
    assert len(df.at[unq[1], "actions"]) == 2
    # and so are their {kind, due} dicts
    df.at[unq[0], "actions"][0]["kind"] = "y"
    assert df.at[unq[1], "actions"][0]["kind"] == "admonishment_talk"
    assert all(a == [] for a in df["actions"] if not a) and len({id(a) for a in df["actions"]}) == len(df)


def test_other_dtypes_and_wide_scores() -> None:
    v, p, s = tables()
    vdf, pdf = as_csv(v), as_csv(p)
    vdf["population"] = vdf["population"].astype(np.int64)
    pdf["served_from"] = pd.to_datetime(pdf["served_from"])
    sdf = as_csv(s)
    sdf["score"] = sdf["score"].astype(float)
    rows = village.pay_sheet(v, p, s, 2016)
    assert_same(rows, village.pay_sheet(vdf, pdf, sdf, 2016))
    # string dtype columns, and the wide layout of scores
    wide: Dict[str, Dict[str, Any]] = {}
    for r in s:
        if r["period"].startswith("2016"):
            col = {"2016Q1": "q1", "2016Q2": "q2", "2016Q3": "q3", "2016Q4": "q4", "2016": "annual"}[r["period"]]
            wide.setdefault(r["village_id"], {"village_id": r["village_id"]})[col] = r["score"]
    wdf = pd.DataFrame(list(wide.values()), columns=list(village.WIDE_SCORE_COLUMNS))
    got = village.pay_sheet(vdf.astype({"village_id": "string", "township": "string"}),
                            pdf.astype({"cadre_id": "string"}), wdf, 2016)
    pd.testing.assert_frame_equal(rows.to_pandas(), got.to_pandas())


def test_scores_of_text_mixed_with_numbers() -> None:
    # an object column of scores is read as text in one pass where every cell is a str; one that
    # also holds numbers (a Decimal, a float) is read cell by cell: the same sheet either way
    from decimal import Decimal
    v, p, s = tables()
    rows = village.pay_sheet(v, p, s, 2016).to_pandas()
    vdf, pdf, sdf = as_csv(v), as_csv(p), as_csv(s)
    assert sdf["score"].dtype == object
    pd.testing.assert_frame_equal(rows, village.pay_sheet(vdf, pdf, sdf, 2016).to_pandas())
    counted = [i for i, r in enumerate(s) if r["period"].startswith("2016")][:2]
    assert len(counted) == 2
    sdf.loc[counted[0], "score"] = Decimal(s[counted[0]]["score"])
    sdf.loc[counted[1], "score"] = float(s[counted[1]]["score"])
    pd.testing.assert_frame_equal(rows, village.pay_sheet(vdf, pdf, sdf, 2016).to_pandas())
    # and a number that differs is read as that number, as the rows path reads its text
    annual = next(i for i, r in enumerate(s) if r["period"] == "2016")
    s[annual]["score"] = "99.5"  # V0's year: its grade and pay change
    lower = village.pay_sheet(v, p, s, 2016).to_pandas()
    assert not lower.equals(rows)
    sdf.loc[annual, "score"] = Decimal("99.5")
    pd.testing.assert_frame_equal(lower, village.pay_sheet(vdf, pdf, sdf, 2016).to_pandas())


def test_kept_columns_and_explain_now() -> None:
    v, p, s = tables()
    for r in p:
        r["region"] = r["cadre_id"][:1]
    rows, frames = both(v, p, s, keep=["region"], explain=True)
    assert_same(rows, frames)
    assert frames.explanations() == rows.explanations()


def error_of(fn: Any) -> str:
    with pytest.raises(InvalidInput) as e, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fn()
    return str(e.value)


@pytest.mark.parametrize("table,row,field,value,names", [
    ("p", 5, "post", "chief", "post"),
    ("p", 3, "post", None, "post"),
    ("p", 6, "served_from", "2016-13-01", "served_from"),
    ("p", 6, "served_from", None, "served_from"),
    ("p", 7, "served_to", "someday", "served_to"),
    ("p", 4, "village_id", "V99", "village_id"),
    ("p", 2, "cadre_id", None, "cadre_id"),
    ("s", 8, "score", "abc", "score"),
    ("s", 8, "score", "91.123456", "score"),
    ("s", 9, "score", None, "score"),
    ("s", 3, "period", "2016Q7", "period"),
    ("s", 10, "village_id", "V77", "village_id"),
    ("v", 2, "population", "-5", "population"),
    ("v", 2, "population", "many", "population"),
    ("v", 3, "township", None, "township"),
    ("v", 1, "village_id", "V0", "village_id"),
])
def test_errors_name_the_same_field_and_row(table: str, row: int, field: str, value: Any, names: str) -> None:
    v, p, s = tables()
    t = {"v": v, "p": p, "s": s}[table]
    t[row][field] = value
    for later in (row + 1, row + 2):  # a later bad value in another row: the first is named
        if later < len(t) and field != "village_id":
            t[later][field] = value
    a = error_of(lambda: village.pay_sheet(v, p, s, 2016))
    b = error_of(lambda: village.pay_sheet(as_csv(v), as_csv(p), as_csv(s), 2016))
    assert names in a
    assert a == b


@pytest.mark.parametrize("dtype", ["text", "category", "string"])
@pytest.mark.parametrize("table,row,value", [
    ("p", 4, "V99"), ("p", 4, None), ("p", 4, ""), ("p", 0, "v0"),
    ("s", 10, "V77"), ("s", 10, None), ("s", 10, ""), ("s", 0, "V0 "),
])
def test_unknown_village_names_the_same_record(dtype: str, table: str, row: int, value: Any) -> None:
    # A DataFrame's village ids are looked up by their distinct values, not row by row: an
    # unknown one (also missing, empty, or differing only in case or a space) still names the
    # first row holding one, whatever the column's dtype.
    v, p, s = tables()
    t = {"p": p, "s": s}[table]
    t[row]["village_id"] = value
    t[row + 3]["village_id"] = "V98"  # a later unknown id: the first is named
    a = error_of(lambda: village.pay_sheet(v, p, s, 2016))
    frame = as_csv(t)
    if dtype != "text":
        frame["village_id"] = frame["village_id"].astype(dtype)
    vdf, pdf, sdf = (frame if x is t else as_csv(x) for x in (v, p, s))
    b = error_of(lambda: village.pay_sheet(vdf, pdf, sdf, 2016))
    assert a == b
    if table == "p":
        assert "principal of an unknown village" in b and str(p[row]["cadre_id"]) in b
    else:
        assert "score of an unknown village" in b and f"scores[{row}]" in b


def test_unknown_village_in_both_tables_names_the_score() -> None:
    # scores are read before principals, in either path
    v, p, s = tables()
    p[1]["village_id"] = "V99"
    s[2]["village_id"] = "V99"
    a = error_of(lambda: village.pay_sheet(v, p, s, 2016))
    assert "scores[2]" in a
    assert error_of(lambda: village.pay_sheet(as_csv(v), as_csv(p), as_csv(s), 2016)) == a


@pytest.mark.parametrize("dtype", ["text", "category", "string"])
def test_townships_and_periods_of_any_dtype(dtype: str) -> None:
    # townships and periods are read once per distinct text: the same sheet whatever the dtype
    v, p, s = tables()
    vdf, sdf = as_csv(v), as_csv(s)
    if dtype != "text":
        vdf["township"] = vdf["township"].astype(dtype)
        sdf["period"] = sdf["period"].astype(dtype)
    assert_same(village.pay_sheet(v, p, s, 2016), village.pay_sheet(vdf, as_csv(p), sdf, 2016))


@pytest.mark.parametrize("dtype", ["text", "category", "string"])
@pytest.mark.parametrize("table,row,field,value", [
    ("v", 3, "township", None), ("v", 3, "township", ""), ("v", 0, "township", None),
    ("s", 3, "period", "2016Q7"), ("s", 3, "period", None), ("s", 3, "period", ""),
    ("s", 0, "period", "二〇一六年"),
])
def test_bad_township_or_period_names_the_same_record(dtype: str, table: str, row: int, field: str,
                                                      value: Any) -> None:
    # a bad township or period is named by the first row holding it, as when each row is read,
    # also where an earlier row holds the same (good) text and a later row the same bad one
    v, p, s = tables()
    t = {"v": v, "s": s}[table]
    t[row][field] = value
    t[row + 4][field] = value
    a = error_of(lambda: village.pay_sheet(v, p, s, 2016))
    frame = as_csv(t)
    if dtype != "text":
        frame[field] = frame[field].astype(dtype)
    vdf, sdf = (frame if x is t else as_csv(x) for x in (v, s))
    b = error_of(lambda: village.pay_sheet(vdf, as_csv(p), sdf, 2016))
    assert a == b
    assert field in b
    assert (f"scores[{row}]" if table == "s" else str(v[row]["village_id"])) in b


def test_ids_in_no_order_and_repeated() -> None:
    # the principals' and scores' village ids are looked up row by row (the village found last
    # and the next one first): rows in no order, and a frame of one repeated str object, give
    # the rows path's sheet
    v, p, s = tables()
    rng = np.random.default_rng(7)
    p2 = [p[i] for i in rng.permutation(len(p))]
    s2 = [s[i] for i in rng.permutation(len(s))]
    rows = village.pay_sheet(v, p2, s2, 2016)
    assert_same(rows, village.pay_sheet(as_csv(v), as_csv(p2), as_csv(s2), 2016))
    one = "V3"
    pdf = as_csv(p)
    pdf["village_id"] = np.array([one] * len(pdf), dtype=object)
    prow = [dict(r, village_id=one) for r in p]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a = error_of(lambda: village.pay_sheet(v, prow, s, 2016))
        b = error_of(lambda: village.pay_sheet(as_csv(v), pdf, as_csv(s), 2016))
    assert a == b


class _Text(str):
    """A str subclass (not an exact str: read through Python, not in place)."""


def test_ids_of_any_text_and_any_kind_of_str() -> None:
    # the columns of ids, each row its own value: ASCII ids, ids in Chinese, and str subclasses
    # (in the first row or in one in the middle) all give the rows path's sheet
    v, p, s = tables()
    for name in ("嘎查{}", "V{}"):
        vv = [dict(r, village_id=name.format(r["village_id"][1:])) for r in v]
        pp = [dict(r, village_id=name.format(r["village_id"][1:]), cadre_id=r["cadre_id"] + "号") for r in p]
        ss = [dict(r, village_id=name.format(r["village_id"][1:])) for r in s]
        rows = village.pay_sheet(vv, pp, ss, 2016)
        assert_same(rows, village.pay_sheet(as_csv(vv), as_csv(pp), as_csv(ss), 2016))
        for at in (0, 5):
            vdf, pdf, sdf = as_csv(vv), as_csv(pp), as_csv(ss)
            for df, col in ((vdf, "village_id"), (pdf, "village_id"), (pdf, "cadre_id"), (sdf, "village_id")):
                vals = df[col].to_numpy(dtype=object).copy()
                vals[at] = _Text(vals[at])
                df[col] = vals
            got = village.pay_sheet(vdf, pdf, sdf, 2016)
            pd.testing.assert_frame_equal(rows.to_pandas(), got.to_pandas())
            assert got.villages() == rows.villages()


@pytest.mark.parametrize("seed", range(6))
def test_random_tables_equal_rows_path(seed: int) -> None:
    # random tables: ids of ASCII and of Chinese, rows in any order, villages without principals
    # or scores, principals in and out of the year, some serving both posts
    rng = np.random.default_rng(seed)
    nv = int(rng.integers(1, 40))
    ids = [("村" if rng.random() < 0.3 else "V") + str(k) for k in rng.permutation(nv)]
    towns = ["甲镇", "乙镇", "T3", "丙乡"][: int(rng.integers(1, 5))]
    v = [{"village_id": ids[i], "name": "", "township": towns[int(rng.integers(len(towns)))],
          "population": str(int(rng.integers(0, 4000)))} for i in range(nv)]
    p: List[Dict[str, Any]] = []
    for i in range(nv):
        for post in rng.choice(["secretary", "director", "both"], size=int(rng.integers(0, 3)), replace=False):
            start = D(2012, 1, 1) + datetime.timedelta(days=int(rng.integers(0, 2000)))
            end = None if rng.random() < 0.6 else start + datetime.timedelta(days=int(rng.integers(0, 900)))
            p.append({"cadre_id": f"干部{len(p)}" if rng.random() < 0.5 else f"C{len(p)}", "name": "",
                      "village_id": ids[i], "post": str(post), "served_from": start.isoformat(),
                      "served_to": None if end is None else end.isoformat()})
    s = [{"village_id": ids[i], "period": per, "score": f"{int(rng.integers(0, 100))}.{int(rng.integers(0, 100))}"}
         for i in range(nv) if rng.random() < 0.9
         for per in ("2016Q1", "2016Q2", "2016Q3", "2016Q4", "2016", "2015") if rng.random() < 0.95]
    p = [p[i] for i in rng.permutation(len(p))]
    s = [s[i] for i in rng.permutation(len(s))]
    if not p:
        return
    rows = village.pay_sheet(v, p, s, 2016)
    frames = village.pay_sheet(as_csv(v), as_csv(p), as_csv(s), 2016)
    pd.testing.assert_frame_equal(rows.to_pandas(), frames.to_pandas())
    assert rows.villages() == frames.villages()
    assert rows.townships() == frames.townships()
    assert frames.to_records() == rows.to_records()


@pytest.mark.parametrize("order", ["grouped", "scrambled"])
def test_cadre_twice_in_a_village(order: str) -> None:
    # principals grouped by village in the villages' order are compared in place, others after
    # a sort: the same pairs in the same order, so the same first error, on both paths
    v, p, s = tables()
    def dup(cid: str, vid: str, frm: str, to: Any) -> Dict[str, Any]:
        return {"cadre_id": cid, "name": "", "village_id": vid, "post": "director", "served_from": frm,
                "served_to": to}
    at = {r["village_id"]: i for i, r in enumerate(p)}
    extra = [dup("S2", "V2", "2016-01-01", None), dup("S6", "V6", "2015-01-01", "2016-02-01"),
             dup("S1", "V2", "2016-01-01", None),  # another village's cadre: no clash
             dup("S3", "V3", "2010-01-01", "2014-02-28")]  # before S3's term: no clash
    cases = [(extra, "S2"), (extra[1:], "S6"), (extra[2:], None)]
    for add, named in cases:
        rows = list(p)
        for r in add:  # each after its village's principals
            rows.insert(at[r["village_id"]] + 1, r)
        rows.sort(key=lambda r: int(r["village_id"][1:]))  # grouped (a stable sort)
        if order == "scrambled":
            rows = [rows[i] for i in np.random.default_rng(3).permutation(len(rows))]
        if named is None:
            assert_same(village.pay_sheet(v, rows, s, 2016), village.pay_sheet(as_csv(v), as_csv(rows), as_csv(s), 2016))
            continue
        a = error_of(lambda: village.pay_sheet(v, rows, s, 2016))
        b = error_of(lambda: village.pay_sheet(as_csv(v), as_csv(rows), as_csv(s), 2016))
        assert a == b
        assert "overlapping" in a and named in a


@pytest.mark.parametrize("table,col", [("v", "village_id"), ("p", "cadre_id"), ("p", "village_id"),
                                       ("s", "village_id")])
def test_an_id_column_of_text_and_numbers(table: str, col: str) -> None:
    # Ids of digits: a DataFrame's id column read as text (each row its own cell) is read again
    # through the column's distinct values when a cell holds a number, and gives the rows
    # path's sheet, whose ids are the numbers' text; a missing cell among text is still refused
    # as by the rows path.
    v, p, s = tables()
    digits = {f"V{i}": str(100 + i) for i in range(12)}
    v = [dict(r, village_id=digits[r["village_id"]]) for r in v]
    p = [dict(r, village_id=digits[r["village_id"]], cadre_id=str(5000 + k)) for k, r in enumerate(p)]
    s = [dict(r, village_id=digits[r["village_id"]]) for r in s]
    rows = village.pay_sheet(v, p, s, 2016)
    vdf, pdf, sdf = as_csv(v), as_csv(p), as_csv(s)
    df = {"v": vdf, "p": pdf, "s": sdf}[table]
    vals = df[col].to_numpy(dtype=object).copy()
    vals[2] = int(vals[2])  # a number among the texts
    df[col] = vals
    got = village.pay_sheet(vdf, pdf, sdf, 2016)
    pd.testing.assert_frame_equal(rows.to_pandas(), got.to_pandas())
    assert got.villages() == rows.villages()
    vals[2] = None  # a missing cell
    df[col] = vals
    t = {"v": v, "p": p, "s": s}[table]
    t[2] = dict(t[2], **{col: None})
    assert error_of(lambda: village.pay_sheet(vdf, pdf, sdf, 2016)) == error_of(lambda: village.pay_sheet(v, p, s, 2016))


def test_the_compiled_sheet_refuses_an_id_column_that_is_not_an_array() -> None:
    # the C++ entry point is internal, but no argument may crash the process
    from cadrekit import _core
    v, p, s = tables()
    vdf = as_csv(v)
    with pytest.raises(InvalidInput, match="1-D object array"):
        _core._village.pay_sheet_frames(
            ["V0"], village._coded(vdf, "township", "villages"), village._population_col(vdf), ["S0"], ["V0"],
            (np.zeros(1, np.int64), np.array(["secretary"], dtype=object)), np.zeros(1, np.int32),
            np.zeros(1, np.int32), ["V0"], (np.zeros(1, np.int64), np.array(["2016"], dtype=object)),
            np.zeros(1), 2016, village._policy(None))


@pytest.mark.parametrize("table,col", [("v", "village_id"), ("p", "cadre_id"), ("p", "village_id"),
                                       ("s", "village_id"), ("v", "township"), ("p", "post"), ("s", "period"),
                                       ("s", "score")])
def test_a_text_that_utf8_cannot_hold_is_named_by_its_row_alike_from_rows_and_frames(table: str, col: str) -> None:
    # A lone surrogate (text no UTF-8 can hold) in any text cell the sheet reads: InvalidInput
    # naming the field and the row, the same from the records and from a DataFrame, and never
    # the value itself.
    v, p, s = tables()
    t = {"v": v, "p": p, "s": s}[table]
    t[3] = dict(t[3], **{col: "V\ud800x"})
    from_rows = error_of(lambda: village.pay_sheet(v, p, s, 2016))
    from_frames = error_of(lambda: village.pay_sheet(pd.DataFrame(v), pd.DataFrame(p), pd.DataFrame(s), 2016))
    what = {"v": "villages", "p": "principals", "s": "scores"}[table]
    assert from_rows == from_frames
    assert f"field {col}" in from_rows and f"record {what}[3]" in from_rows and "\ud800" not in from_rows


@pytest.mark.parametrize("empty", [[], None, "frame"])
@pytest.mark.parametrize("others", ["records", "frames"])
def test_a_table_without_rows_is_one_whatever_the_others_are(empty, others) -> None:
    # No principals (or no scores) given as [] while another table is a DataFrame was "column
    # is missing"; None was a TypeError from records and from DataFrames.
    v, p, s = tables()
    given = (lambda x: x) if others == "records" else pd.DataFrame
    none = pd.DataFrame(columns=list(village.PRINCIPAL_COLUMNS)) if empty == "frame" else empty
    assert len(village.pay_sheet(given(v), none, given(s), 2016).to_pandas()) == 0
    want = village.pay_sheet(v, p, [], 2016).to_pandas()
    assert len(want) > 0
    no_scores = pd.DataFrame(columns=list(village.SCORE_COLUMNS)) if empty == "frame" else empty
    pd.testing.assert_frame_equal(village.pay_sheet(given(v), given(p), no_scores, 2016).to_pandas(), want)


@pytest.mark.parametrize("score,why,dtype", [("abc", "not a decimal number or a fraction", object),
                                             ("1/0", "fraction has a zero denominator", object),
                                             (float("inf"), "not a decimal number or a fraction", object),
                                             (float("inf"), "not a decimal number or a fraction", float)])
def test_a_score_not_a_number_is_refused_whatever_its_period(score, why, dtype) -> None:
    # The DataFrame path read only the year's scores, so that a bad one of another year passed
    # where the records path refused it (and named no record).
    v, p, s = tables()
    s = s + [dict(s[0], period="2015", score=score)]
    from_rows = error_of(lambda: village.pay_sheet(v, p, s, 2016))
    from_frames = error_of(lambda: village.pay_sheet(pd.DataFrame(v), pd.DataFrame(p),
                                                     pd.DataFrame(s).astype({"score": dtype}), 2016))
    assert from_rows == from_frames == f"{why} (field score, record scores[{len(s) - 1}])"


TEXT_CELLS = [("v", "village_id"), ("v", "name"), ("v", "township"), ("p", "cadre_id"), ("p", "name"),
              ("p", "village_id"), ("p", "post"), ("s", "village_id"), ("s", "period")]


@pytest.mark.parametrize("table,col", TEXT_CELLS)
@pytest.mark.parametrize("dtype", [object, "category"])
def test_a_text_holding_a_nul_is_refused_by_its_row_alike_from_rows_and_frames(table: str, col: str, dtype) -> None:
    # A NUL character, which the C and JSON surfaces cannot carry ("NUL character in text"),
    # and which pandas' hashing cuts a text at (two townships "T" and "T\0x" were graded as
    # one), is refused in every text the sheet reads, and in the names it does not read, as a
    # lone surrogate is. A categorical column's trailing NUL is not lost on the way (a text of
    # its own there: pandas itself makes one category of "T" and "T\0").
    v, p, s = tables()
    t = {"v": v, "p": p, "s": s}[table]
    t[3] = dict(t[3], **{col: (str(t[3][col]) if dtype is object else "Z") + "\x00"})
    frames = [pd.DataFrame(x) for x in (v, p, s)]
    i = "vps".index(table)
    frames[i] = frames[i].astype({col: dtype})
    from_rows = error_of(lambda: village.pay_sheet(v, p, s, 2016))
    from_frames = error_of(lambda: village.pay_sheet(*frames, 2016))
    what = {"v": "villages", "p": "principals", "s": "scores"}[table]
    assert from_rows == from_frames
    assert from_rows.startswith("NUL character in text (")
    assert f"field {col}" in from_rows and f"record {what}[3]" in from_rows


@pytest.mark.parametrize("table", ["v", "p"])
@pytest.mark.parametrize("dtype", [object, "category"])
def test_a_name_utf8_cannot_hold_is_refused_from_frames_as_from_rows(table: str, dtype) -> None:
    # The sheet does not read names, but the rows path refuses a lone surrogate in one; the
    # DataFrame path refused nothing there. A name that is a number is its text: no error.
    v, p, s = tables()
    t = {"v": v, "p": p}[table]
    t[3] = dict(t[3], name="X\ud800")
    t[1] = dict(t[1], name=17)
    frames = [pd.DataFrame(x) for x in (v, p, s)]
    i = "vps".index(table)
    frames[i] = frames[i].astype({"name": dtype})
    from_rows = error_of(lambda: village.pay_sheet(v, p, s, 2016))
    assert from_rows == error_of(lambda: village.pay_sheet(*frames, 2016))
    what = {"v": "villages", "p": "principals"}[table]
    assert "field name" in from_rows and f"record {what}[3]" in from_rows and "\ud800" not in from_rows


@pytest.mark.parametrize("population", [2**70, -(2**64), 2.5, "x", None])
def test_a_bad_population_is_named_by_its_row_alike_from_rows_and_frames(population: object) -> None:
    # One that does not fit the sheet's int64 came from the records as pybind11's TypeError,
    # which printed every row of the call (names and ids); the DataFrame path named the row
    # counted from 1 (villages row 4), and a missing one "missing value".
    v, p, s = tables()
    v[3] = dict(v[3], population=population)
    from_rows = error_of(lambda: village.pay_sheet(v, p, s, 2016))
    from_frames = error_of(lambda: village.pay_sheet(pd.DataFrame(v).astype({"population": object}),
                                                     pd.DataFrame(p), pd.DataFrame(s), 2016))
    assert from_rows == from_frames
    assert "field population" in from_rows and "record villages[3]" in from_rows
