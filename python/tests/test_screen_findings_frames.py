"""assessment.screen on a DataFrame of records with a DataFrame of findings, as read from CSV
files: the column path (vectorised reading, unit findings given to the cadres of the unit, the
columnar kernel) gives the rows path's answer — the same hits and lists, the same explanations
for the hits explained, the same error naming the same finding."""
import datetime as dt
import io

import numpy as np
import pandas as pd
import pytest

import cadrekit
from cadrekit import assessment as a

from screen_golden import cases, policy, summary

D = dt.date


def golden_finding_cases():
    return cases(lambda r: bool(r.get("findings")) and "audit_findings" not in r)


def as_read(rows, columns, **read):
    """Rows written to a CSV file and read back by pandas."""
    return pd.read_csv(io.StringIO(pd.DataFrame(rows, columns=columns).to_csv(index=False)), **read)


RECORD_COLUMNS = ["cadre_id", "unit_id", "domain", "kind", "period", "rank", "group_size", "rating"]
FINDING_COLUMNS = ["id", "cadre_id", "unit_id", "date", "source", "standard", "aspect", "classification",
                   "severity"]


def column_path(monkeypatch, records, call):
    """``call()``, failing the test if screen() takes the rows path for the whole table."""
    rows = a._screen_rows

    def part_only(recs, *args):
        if len(records) and len(recs) == len(records):
            pytest.fail("the rows path was taken")
        return rows(recs, *args)
    with monkeypatch.context() as m:
        m.setattr(a, "_screen_rows", part_only)
        return call()


def rows_answer(records, findings, **kw):
    recs = records.to_dict("records") if isinstance(records, pd.DataFrame) else records
    fs = findings.to_dict("records") if isinstance(findings, pd.DataFrame) else findings
    return a.screen(recs, fs, as_frame=True, **kw)


@pytest.mark.parametrize("name,pol,req,expect", golden_finding_cases(), ids=[c[0] for c in golden_finding_cases()])
@pytest.mark.parametrize("read", [{}, {"dtype": str}], ids=["inferred", "all_text"])
def test_golden_tables_with_findings_as_read_from_csv(name, pol, req, expect, read, monkeypatch):
    as_of = D.fromisoformat(req["as_of"])
    recs = req["records"] or [{"cadre_id": "Z", "kind": "annual", "period": "1999", "rank": 0, "group_size": 0}]
    df = as_read(recs, RECORD_COLUMNS, **read)
    fdf = as_read(req["findings"], FINDING_COLUMNS, **read)
    want = rows_answer(df, fdf, as_of=as_of, policy=policy(pol), explain=True)
    if req["records"]:
        assert summary(want) == expect
    got = column_path(monkeypatch, df, lambda: a.screen(df, fdf, as_of=as_of, policy=policy(pol)))
    pd.testing.assert_frame_equal(got, want.drop(columns="explanation"))
    ex = a.explain_hits(df, got, fdf, as_of=as_of, policy=policy(pol))
    assert [e.to_json() for e in ex] == [e.to_json() for e in want["explanation"]]


SOURCES = ["qualitative", "audit"]
CLASSES = list(a.FINDING_CLASSES)


def random_tables(n_cadres, seed):
    """Records of text ids and periods, shuffled, and findings of the cadres, of their units
    (audit findings without a cadre), of cadres without records, some after the screening date.
    Some periods have two kinds of record in two units: a unit's finding goes to the cadres whose
    latest record names it, and of two of one period the first by kind."""
    rng = np.random.default_rng(seed)
    stds = [s["id"] for s in a.standards(as_of=D(2016, 12, 31))]
    recs, finds = [], []
    for c in range(n_cadres):
        cid = f"C{rng.integers(0, 10**5)}-{c}"
        g = int(rng.integers(1, 20))
        for y in range(2012, 2018):
            if rng.random() < 0.2:
                continue
            unit = f"U{(c + (y == 2016)) % 5}"  # some cadres move unit in 2016
            recs.append({"cadre_id": cid, "unit_id": unit, "kind": "annual", "period": str(y),
                         "rank": int(rng.integers(1, g + 1)), "group_size": g,
                         "rating": rng.choice(["competent", "incompetent", "称职", None])})
            if rng.random() < 0.3:  # a party-conduct record of the same period in another unit
                recs.append({"cadre_id": cid, "unit_id": f"U{(c + 2) % 5}", "kind": "party_conduct",
                             "period": str(y), "rank": 0, "group_size": 0,
                             "rating": rng.choice(["up_to_standard", "not_up_to_standard"])})
        ids = [cid] if rng.random() < 0.9 else [f"N{c}"]  # a cadre of findings only
        for k in range(int(rng.integers(0, 4))):
            std = rng.choice(stds)
            finds.append({"id": f"F{c}-{k}", "cadre_id": ids[0], "date": f"{rng.integers(2012, 2018)}-0{rng.integers(1, 10)}-1{rng.integers(0, 9)}",
                          "source": "qualitative", "standard": std,
                          "classification": rng.choice(CLASSES), "severity": rng.choice(list(a.SEVERITIES))})
    for u in range(5):
        for k in range(int(rng.integers(0, 3))):
            finds.append({"id": f"A{u}-{k}", "unit_id": f"U{u}", "date": f"201{rng.integers(3, 8)}-03-01",
                          "source": "audit", "classification": "other",
                          "severity": rng.choice(["minor", "serious", "grave"])})
    finds.append({"id": "A-none", "unit_id": "U-nobody", "date": "2016-03-01", "source": "audit",
                  "severity": "grave"})
    for k, day in enumerate(["2016-05-01", "2016-06-01"]):  # twice serious: the county's audit rule fires
        finds.append({"id": f"A2-s{k}", "unit_id": "U2", "date": day, "source": "audit", "classification": "other",
                      "severity": "serious"})
    ro, fo = rng.permutation(len(recs)), rng.permutation(len(finds))
    return [recs[i] for i in ro], [finds[i] for i in fo]


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("pol", ["default", "places"])
def test_random_tables_with_findings_match_the_rows_path(seed, pol, monkeypatch):
    recs, finds = random_tables(120, seed)
    df = as_read(recs, RECORD_COLUMNS, dtype=str)
    fdf = as_read(finds, FINDING_COLUMNS, dtype=str)
    fired = by_unit = 0
    for as_of in (D(2016, 12, 31), D(2017, 6, 30)):
        got = column_path(monkeypatch, df, lambda: a.screen(df, fdf, as_of=as_of, policy=policy(pol)))
        want = rows_answer(df, fdf, as_of=as_of, policy=policy(pol), explain=True)
        pd.testing.assert_frame_equal(got, want.drop(columns="explanation"))
        fired += int((got.findings.map(len) > 0).sum())
        by_unit += int(got.findings.map(lambda f: "A2-s0" in f).sum())
        pick = got[got.findings.map(len) > 0].iloc[::3]
        ex = a.explain_hits(df, pick, fdf, as_of=as_of, policy=policy(pol))
        assert list(ex.index) == list(pick.index)
        assert [e.to_json() for e in ex] == [e.to_json() for e in want["explanation"].loc[pick.index]]
    assert fired > 20  # the data exercise the finding rules
    assert by_unit > 0 or pol == "default"  # and the county's rule on a unit's audit findings


def test_dates_categoricals_and_the_callers_index_are_read_alike(monkeypatch):
    recs, finds = random_tables(60, 5)
    df = as_read(recs, RECORD_COLUMNS, dtype=str)
    fdf = as_read(finds, FINDING_COLUMNS, dtype=str)
    want = a.screen(df, fdf, as_of=D(2016, 12, 31))
    variants = [
        fdf.assign(date=pd.to_datetime(fdf["date"])),
        fdf.astype({"source": "category", "severity": "category", "classification": "category",
                    "standard": "category", "cadre_id": "category"}),
        fdf.astype({"id": "string", "unit_id": "string"}),
        fdf.set_index(pd.Index([f"f{i}" for i in range(len(fdf))])),
    ]
    assert len(want) and (want.findings.map(len) > 0).any()
    for v in variants:
        got = column_path(monkeypatch, df, lambda: a.screen(df, v, as_of=D(2016, 12, 31)))
        pd.testing.assert_frame_equal(got, want)
    # the records' own index and types change nothing either
    idx = df.set_index(pd.Index([f"r{i}" for i in range(len(df))])).astype({"cadre_id": "category"})
    pd.testing.assert_frame_equal(column_path(monkeypatch, idx, lambda: a.screen(idx, fdf, as_of=D(2016, 12, 31))), want)


@pytest.mark.parametrize("as_objects", [False, True])
def test_a_finding_date_with_a_time_of_day_is_refused_not_cut(as_objects):
    # "A time of day is refused" (docs/input.md): a datetime64 column, or Timestamps among text,
    # is refused naming the date and the finding, as the rows path refuses the same table.
    recs, finds = random_tables(30, 5)
    df = as_read(recs, RECORD_COLUMNS, dtype=str)
    fdf = as_read(finds, FINDING_COLUMNS, dtype=str)
    stamps = pd.to_datetime(fdf["date"])
    timed = stamps.where(stamps.index != 3, stamps + pd.Timedelta(hours=9))
    bad = fdf.assign(date=timed.astype(object) if as_objects else timed)
    with pytest.raises(cadrekit.InvalidInput) as got:
        a.screen(df, bad, as_of=D(2016, 12, 31))
    with pytest.raises(cadrekit.InvalidInput) as rows:
        a.screen(df.to_dict("records"), bad.to_dict("records"), as_of=D(2016, 12, 31))
    for e in (got.value, rows.value):
        assert (e.field, e.message, e.record) == ("date", "a datetime with a time of day is not a date", "findings[3]")


def test_chinese_codes_of_findings_are_read_as_the_rows_path_reads_them(monkeypatch):
    recs, finds = random_tables(30, 9)
    df = as_read(recs, RECORD_COLUMNS, dtype=str)
    fdf = as_read(finds, FINDING_COLUMNS, dtype=str)
    zh = fdf.assign(severity=fdf["severity"].replace({"grave": "严重", "minor": "轻微"}))
    try:
        want = rows_answer(df, zh, as_of=D(2016, 12, 31))
    except cadrekit.InvalidInput as e:  # the vocabulary is the library's; either way, alike
        with pytest.raises(cadrekit.InvalidInput) as got:
            a.screen(df, zh, as_of=D(2016, 12, 31))
        assert (str(got.value), got.value.record) == (str(e), e.record)
        return
    got = column_path(monkeypatch, df, lambda: a.screen(df, zh, as_of=D(2016, 12, 31)))
    pd.testing.assert_frame_equal(got, want.drop(columns="explanation"))


GOOD = {"id": "F1", "cadre_id": "C1", "date": "2016-05-01", "source": "qualitative", "standard": "work_style",
        "classification": "not_acting", "severity": "moderate"}


@pytest.mark.parametrize("spoil", [
    {"id": None}, {"id": ""}, {"cadre_id": None}, {"date": "2016-13-01"}, {"date": None},
    {"source": "rumour"}, {"standard": None}, {"standard": "no_such_standard"}, {"aspect": "ability"},
    {"classification": "bad"}, {"severity": "awful"},
])
def test_a_bad_finding_is_named_as_by_the_rows_path(spoil):
    recs = [{"cadre_id": "C1", "unit_id": "U1", "kind": "annual", "period": "2015", "rank": 1, "group_size": 5}]
    finds = [dict(GOOD, id=f"F{i}") for i in range(5)]
    finds[3] = dict(finds[3], **spoil)
    df = as_read(recs, RECORD_COLUMNS, dtype=str)
    fdf = as_read(finds, FINDING_COLUMNS, dtype=str)
    with pytest.raises(cadrekit.InvalidInput) as want:
        rows_answer(df, fdf, as_of=D(2016, 12, 31))
    with pytest.raises(cadrekit.InvalidInput) as got:
        a.screen(df, fdf, as_of=D(2016, 12, 31))
    assert got.value.record == "findings[3]" == want.value.record
    assert (str(got.value), got.value.field) == (str(want.value), want.value.field)


def test_findings_given_as_a_list_and_explain_flag(monkeypatch):
    recs, finds = random_tables(20, 11)
    df = as_read(recs, RECORD_COLUMNS, dtype=str)
    fdf = as_read(finds, FINDING_COLUMNS, dtype=str)
    from_frame = a.screen(df, fdf, as_of=D(2016, 12, 31), explain=True)
    from_list = a.screen(df, fdf.to_dict("records"), as_of=D(2016, 12, 31), explain=True)
    pd.testing.assert_frame_equal(from_frame.drop(columns="explanation"), from_list.drop(columns="explanation"))
    assert [e.to_json() for e in from_frame.explanation] == [e.to_json() for e in from_list.explanation]
    empty = a.screen(df, fdf.iloc[:0], as_of=D(2016, 12, 31))
    pd.testing.assert_frame_equal(empty, a.screen(df, as_of=D(2016, 12, 31)))


def test_the_lists_of_finding_hits_come_without_the_rows_path(monkeypatch):
    """The dates, ids and standards of a finding rule's hits are found from the table read
    once; the rows path is not called (the default rules count every qualifying finding)."""
    recs, finds = random_tables(80, 3)
    df = as_read(recs, RECORD_COLUMNS, dtype=str)
    fdf = as_read(finds, FINDING_COLUMNS, dtype=str)
    want = rows_answer(df, fdf, as_of=D(2016, 12, 31), explain=False)
    with monkeypatch.context() as m:
        m.setattr(a, "_screen_rows", lambda *args: pytest.fail("the rows path was taken"))
        got = a.screen(df, fdf, as_of=D(2016, 12, 31))
    assert (got.findings.map(len) > 0).sum() > 5
    assert (got.standards.map(len) > 0).any()
    pd.testing.assert_frame_equal(got, want)
