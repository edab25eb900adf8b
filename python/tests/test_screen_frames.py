"""assessment.screen on a DataFrame as read from a CSV file: the column path (vectorised reading,
the columnar kernel) gives the rows path's answer — the same hits, columns and values, the same
explanations for the hits explained, the same error naming the same row."""
import datetime as dt
import io

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import cadrekit
from cadrekit import assessment as a

from screen_golden import cases, policy, summary

D = dt.date


def golden_record_cases():
    return cases(lambda r: bool(r.get("records")) and "findings" not in r and "audit_findings" not in r)


def as_read_from_csv(records, **read):
    """The records written to a CSV file and read back by pandas (ids and periods as text or
    numbers as pandas infers them, a missing rating as NaN)."""
    return pd.read_csv(io.StringIO(pd.DataFrame(records).to_csv(index=False)), **read)


def rows_path(df, **kw):
    """The answer of the rows path (a list of dicts in, as a DataFrame)."""
    return a.screen(df.to_dict("records"), as_frame=True, **kw)


def column_path(monkeypatch, call):
    """``call()``, failing the test if screen() falls back to the rows path for the whole table
    (a rule counting among the latest periods screens its hits' cadres again: a part)."""
    rows = a._screen_rows

    def part_only(records, *args):
        if len(records) > 0 and len(records) == len(TABLE[0]):
            pytest.fail("the rows path was taken")
        return rows(records, *args)
    with monkeypatch.context() as m:
        m.setattr(a, "_screen_rows", part_only)
        return call()


TABLE = [()]  # the table being screened (for column_path)


@pytest.mark.parametrize("name,pol,req,expect", golden_record_cases(), ids=[c[0] for c in golden_record_cases()])
@pytest.mark.parametrize("read", [{}, {"dtype": str}], ids=["inferred", "all_text"])
def test_golden_tables_as_read_from_csv(name, pol, req, expect, read, monkeypatch):
    as_of = D.fromisoformat(req["as_of"])
    df = as_read_from_csv(req["records"], **read)
    want = rows_path(df, as_of=as_of, policy=policy(pol), explain=False)
    assert summary(want) == expect
    TABLE[0] = df
    got = column_path(monkeypatch, lambda: a.screen(df, as_of=as_of, policy=policy(pol)))
    pd.testing.assert_frame_equal(got, want)
    assert summary(got) == expect
    # explanations, for every hit and for one chosen hit: the rows path's, byte for byte
    full = rows_path(df, as_of=as_of, policy=policy(pol), explain=True)
    ex = a.explain_hits(df, got, as_of=as_of, policy=policy(pol))
    assert [e.to_json() for e in ex] == [e.to_json() for e in full["explanation"]]
    if len(got):
        one = a.explain_hits(df, got.iloc[[-1]], as_of=as_of, policy=policy(pol))
        assert list(one.index) == [got.index[-1]]
        assert one.iloc[0].to_json() == full["explanation"].iloc[-1].to_json()
    withex = a.screen(df, as_of=as_of, policy=policy(pol), explain=True)
    assert [e.to_json() for e in withex["explanation"]] == [e.to_json() for e in full["explanation"]]


def random_records(n_cadres, seed):
    """Records as people keep them: cadre ids of text, shuffled rows, periods as text, ranks
    with gaps, Chinese and English ratings, some years missing, some ratings missing."""
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(n_cadres):
        cid = f"C{rng.integers(0, 10**6)}-{c}"
        unit = f"U{c % 7}"
        g = int(rng.integers(1, 30))
        for y in range(2011, 2018):
            if rng.random() < 0.15:
                continue
            r = int(rng.integers(1, g + 1)) if rng.random() < 0.9 else 0
            rows.append({"cadre_id": cid, "unit_id": unit, "kind": "annual", "period": str(y), "rank": r,
                         "group_size": g, "rating": rng.choice(["competent", "incompetent", "不称职", "称职",
                                                                "excellent", None])})
        for y in range(2013, 2018):
            for q in (1, 2):
                if rng.random() < 0.5:
                    rows.append({"cadre_id": cid, "unit_id": unit, "kind": "key_work", "period": f"{y}-{q}",
                                 "rank": int(rng.integers(g - 2, g + 1)) if g > 2 else g, "group_size": g})
        for y in range(2013, 2018):
            if rng.random() < 0.7:
                rows.append({"cadre_id": cid, "unit_id": unit, "kind": rng.choice(["party_conduct", "党风廉政建设责任制考核"]),
                             "period": str(y), "rank": 0, "group_size": 0,
                             "rating": rng.choice(["未达标", "达标", "not_up_to_standard"])})
        if rng.random() < 0.5:
            rows.append({"cadre_id": cid, "unit_id": unit, "kind": "review", "period": "2016", "rank": 0,
                         "group_size": 0, "rating": rng.choice(["不满意", "基本满意", "satisfied"])})
    order = rng.permutation(len(rows))
    return [rows[i] for i in order]


COUNTY_TIMES = """profile: test-county-times
extends: tongliao-2016
parameters:
  assessment.rule.annual_incompetent_twice_in_three:
    type: text
    unit: rule
    label: {zh: 三年内两次不称职, en: incompetent twice among the latest three years}
    clause: HORQIN.3
    assumed: true
    values:
      2016-01-01: "kind=annual; when=rating:incompetent; times=2; within=3; suggest=demotion"
"""


def county_times():
    try:
        return cadrekit.Policy.loads(COUNTY_TIMES, source="county")
    except cadrekit.Error as e:  # the profile's form is checked by the library
        pytest.fail(f"test profile refused: {e}")


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("pol", ["default", "gap", "places", "times"])
def test_random_tables_match_the_rows_path(seed, pol, monkeypatch):
    pol = county_times() if pol == "times" else policy(pol)
    df = as_read_from_csv(random_records(150, seed), dtype={"cadre_id": str, "period": str})
    fired = 0
    TABLE[0] = df
    for as_of in (D(2016, 12, 31), D(2017, 6, 30), D(2015, 1, 1)):
        got = column_path(monkeypatch, lambda: a.screen(df, as_of=as_of, policy=pol))
        fired += len(got)
        ex = a.explain_hits(df, got, as_of=as_of, policy=pol)
        want = rows_path(df, as_of=as_of, policy=pol, explain=True)
        pd.testing.assert_frame_equal(got, want.drop(columns="explanation"))
        assert [e.to_json() for e in ex] == [e.to_json() for e in want["explanation"]]
    assert fired > 50  # the data exercise the rules


def test_a_rule_that_counts_among_the_latest_periods_reports_the_rows_that_qualify():
    """times=2 within=3 fires on rows that are not one range of periods: the hit names only
    the qualifying rows, as the rows path does."""
    pol = county_times()
    recs = [{"cadre_id": "C1", "kind": "annual", "period": p, "rank": 0, "group_size": 0, "rating": r}
            for p, r in (("2016", "incompetent"), ("2014", "incompetent"), ("2015", "competent"))]
    df = pd.DataFrame(recs)
    got = a.screen(df, as_of=D(2016, 12, 31), policy=pol)
    hit = got[got.rule_id == "annual_incompetent_twice_in_three"].iloc[0]
    assert hit["periods"] == ["2014", "2016"] and hit["records"] == [1, 0]
    pd.testing.assert_frame_equal(got, rows_path(df, as_of=D(2016, 12, 31), policy=pol, explain=False))


def test_the_callers_types_and_categories_are_read_alike(monkeypatch):
    recs = random_records(40, 7)
    base = as_read_from_csv(recs, dtype={"cadre_id": str, "period": str})
    want = a.screen(base, as_of=D(2016, 12, 31))
    variants = [
        base.astype({"cadre_id": "category", "kind": "category", "rating": "category"}),
        base.astype({"cadre_id": "string", "unit_id": "string"}),
        base.astype({"rank": float, "group_size": float}),
        base.assign(rank=base["rank"].astype(str), group_size=base["group_size"].astype(str)),
        base.set_index(pd.Index([f"r{i}" for i in range(len(base))])),
    ]
    cats = base.copy()
    cats["cadre_id"] = pd.Categorical(cats["cadre_id"], categories=sorted(set(cats["cadre_id"]), reverse=True))
    variants.append(cats)
    TABLE[0] = base
    for v in variants:
        pd.testing.assert_frame_equal(column_path(monkeypatch, lambda: a.screen(v, as_of=D(2016, 12, 31))), want)


GOOD = {"cadre_id": "C1", "unit_id": "U1", "kind": "annual", "period": "2015", "rank": 3, "group_size": 10,
        "rating": "competent"}


@pytest.mark.parametrize("spoil", [
    {"cadre_id": None}, {"cadre_id": ""}, {"kind": "yearly"}, {"kind": None}, {"period": "2015-x"},
    {"period": "1800"}, {"period": None}, {"rank": -1}, {"rank": 11}, {"rank": "ten"}, {"rank": "3.5"},
    {"group_size": 2**31}, {"rating": "excellent!"}, {"rating": "未达标"}, {"domain": "moon"},
    {"score": "8x"}, {"method": "guessing"},
])
def test_a_bad_row_is_named_as_by_the_rows_path(spoil):
    rows = [dict(GOOD, period=str(2010 + i), cadre_id=f"C{i % 3}") for i in range(6)]
    rows[4] = dict(rows[4], **spoil)
    df = pd.DataFrame(rows)
    with pytest.raises(cadrekit.InvalidInput) as want:
        a.screen(rows, as_of=D(2016, 12, 31))
    with pytest.raises(cadrekit.InvalidInput) as got:
        a.screen(df, as_of=D(2016, 12, 31))
    assert got.value.record == "records[4]" == want.value.record
    assert (str(got.value), got.value.field, got.value.message) == \
        (str(want.value), want.value.field, want.value.message)


def test_two_records_of_one_period_and_a_missing_column_are_refused_alike():
    rows = [dict(GOOD, period=p) for p in ("2014", "2015", "2016", "2015")]
    for table in (rows, [{k: v for k, v in r.items() if k != "kind"} for r in rows]):
        with pytest.raises(cadrekit.InvalidInput) as want:
            a.screen(table, as_of=D(2016, 12, 31))
        with pytest.raises(cadrekit.InvalidInput) as got:
            a.screen(pd.DataFrame(table), as_of=D(2016, 12, 31))
        assert (str(got.value), got.value.field, got.value.record) == \
            (str(want.value), want.value.field, want.value.record)


def test_records_with_findings_and_the_former_list_answer():
    rows = [dict(GOOD, period=p, rank=10) for p in ("2014", "2015")]
    findings = [{"id": "F1", "cadre_id": "C1", "date": "2016-05-01", "classification": "not_acting",
                 "standard": "work_style"}]
    df = pd.DataFrame(rows)
    got = a.screen(df, findings, as_of=D(2016, 12, 31))
    assert list(got.columns) == a._HIT_COLUMNS and list(got.rule_id) == ["annual_bottom", "qualitative_conduct"]
    ex = a.explain_hits(df, got, findings, as_of=D(2016, 12, 31))
    full = a.screen(rows, findings, as_of=D(2016, 12, 31))
    assert [e.to_json() for e in ex] == [h["explanation"].to_json() for h in full]
    with pytest.warns(DeprecationWarning):
        old = a.screen(df, as_of=D(2016, 12, 31), as_frame=False)
    assert isinstance(old, list) and old[0]["explanation"].to_json() == full[0]["explanation"].to_json()
    with pytest.raises(cadrekit.InvalidInput) as e:
        a.explain_hits(df, pd.DataFrame({"cadre_id": ["C9"], "rule_id": ["annual_bottom"]}), as_of=D(2016, 12, 31))
    assert e.value.record == "hits[0]"


def test_an_empty_table_gives_an_empty_frame():
    got = a.screen(pd.DataFrame({"cadre_id": [], "kind": [], "period": []}), as_of=D(2016, 12, 31))
    assert list(got.columns) == a._HIT_COLUMNS and len(got) == 0


def _answer(call):
    """(kind of exception, its text) or ("ok", the hits as a DataFrame)."""
    import warnings
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            out = call()
    except Exception as e:  # noqa: BLE001 - the two paths must fail alike, whatever the failure
        return type(e).__name__, str(e)
    return "ok", out if isinstance(out, pd.DataFrame) else pd.DataFrame(out, columns=a._HIT_COLUMNS)


SPOIL_BASE = pd.DataFrame(random_records(6, 11)).reset_index(drop=True)


@settings(max_examples=150, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_spoiled_tables_answer_as_the_rows_path(data):
    """Tables a little wrong (a column of another dtype, a missing value, a column twice or
    dropped): the column path gives the rows path's hits or its error, word for word."""
    from test_hostile_frames import spoiled

    df = data.draw(spoiled(SPOIL_BASE), label="df")
    want = _answer(lambda: a.screen(df, as_of=D(2016, 12, 31), as_frame=False, explain=False))
    got = _answer(lambda: a.screen(df, as_of=D(2016, 12, 31)))
    assert got[0] == want[0]
    if got[0] == "ok":
        pd.testing.assert_frame_equal(got[1], want[1])
    else:
        assert got[1] == want[1]


def test_hit_lists_of_many_hits_each_its_own_lists():
    """Many hits: each hit's lists as the slices say, each its own list; a second time in the
    memory the first call's lists gave back."""
    import gc
    from cadrekit._core import assessment as ca
    rng = np.random.default_rng(18)
    n, m = 300_000, 120_000
    rows = rng.permutation(n)
    period = rng.choice(np.array([201500, 201502, 201600, 201700], dtype=np.int32), n)
    lo = np.sort(rng.integers(0, n - 3, m))
    hi = lo + rng.integers(0, 4, m)
    take = rng.random(m) < 0.9
    for _ in range(2):
        records, periods, findings, standards = ca.hit_lists(rows, period, lo, hi, take)
        for j in rng.choice(m, 2000, replace=False).tolist():
            if take[j]:
                assert records[j] == rows[lo[j]:hi[j]].tolist()
                assert periods[j] == [ca.period_text(int(p)) for p in period[lo[j]:hi[j]]]
            else:
                assert records[j] is None and periods[j] is None
        assert len({id(x) for x in findings} | {id(x) for x in standards}) == 2 * m
        assert all(x == [] for x in findings) and all(x == [] for x in standards)
        del records, periods, findings, standards
        gc.collect()


def test_hit_lists_takes_each_hits_rows_and_period_texts():
    from cadrekit._core import assessment as ca
    rows = np.array([7, 3, 9, 4])
    period = np.array([201500, 201500, 201602, 201700], dtype=np.int32)
    records, periods, findings, standards = ca.hit_lists(rows, period, np.array([0, 1, 2]), np.array([2, 4, 2]),
                                                         np.array([True, True, False]))
    assert records.tolist() == [[7, 3], [3, 9, 4], None]
    assert periods.tolist() == [["2015", "2015"], ["2015", "2016-2", "2017"], None]
    assert periods[0][0] is periods[1][0]  # one str a distinct period
    assert findings.tolist() == [[], [], []] and standards.tolist() == [[], [], []]
    assert findings[0] is not findings[1] and findings[0] is not standards[0]  # each its own list
    with pytest.raises(ValueError, match="outside the rows"):
        ca.hit_lists(rows, period, np.array([3]), np.array([5]), np.array([True]))
    with pytest.raises(ValueError, match="outside the rows"):
        ca.hit_lists(rows, period, np.array([2]), np.array([1]), np.array([True]))


@pytest.mark.parametrize("seed", range(8))
def test_records_order_is_a_stable_sort_by_cadre_kind_and_period(seed):
    """records_order against NumPy: the rows of periods below the limit, by stable argsort of
    the key; the kernel's columns gathered in that order; the first pair of equal keys. Codes
    far sparser than the rows (seeds 6, 7) take the sort of all rows, not a counter a code."""
    from cadrekit._core import assessment as ca
    rng = np.random.default_rng(seed)
    n = int(rng.integers(0, 3000))
    count = int(rng.integers(1, 60)) if seed % 2 else 3  # few cadres: some of more than 32 rows
    cadre = rng.integers(0, count, n)
    if seed >= 6:  # the same cadres, their codes spread up to 2^36
        cadre, count = cadre * (1 << 30), count << 30
    kind = rng.integers(0, 4, n).astype(np.uint8)
    period = rng.choice(np.array([201400, 201500, 201502, 201600, 201700]), n)
    rank, group = rng.integers(0, 50, n).astype(np.int32), rng.integers(0, 50, n).astype(np.int32)
    rating = rng.integers(0, 6, n).astype(np.uint8)
    limit = 201700 if seed % 3 else 10**6  # the future dropped, or nothing dropped
    rows, key, dup, c, k, p, r, g, t = ca.records_order(cadre, count, kind, period, limit, rank, group, rating)
    keep = np.flatnonzero(period < limit)
    full = ((cadre * 4 + kind) << 20) | period
    want = keep[np.argsort(full[keep], kind="stable")]
    assert rows.tolist() == want.tolist() and key.tolist() == full[want].tolist()
    same = np.flatnonzero(key[1:] == key[:-1])
    assert dup == (int(same[0]) if same.size else -1)
    for got, col in ((c, cadre), (k, kind), (p, period), (r, rank), (g, group), (t, rating)):
        assert got.tolist() == col[want].tolist()
    assert (c.dtype, k.dtype, p.dtype, r.dtype, g.dtype, t.dtype) == \
        (np.int64, np.uint8, np.int32, np.int32, np.int32, np.uint8)


def test_records_order_refuses_codes_out_of_range():
    from cadrekit._core import assessment as ca
    one8, one32 = np.zeros(1, np.uint8), np.zeros(1, np.int32)
    for cadre, kind, period in (([3], [0], [201500]), ([-1], [0], [201500]), ([0], [4], [201500]),
                                ([0], [0], [1 << 20]), ([0], [0], [-1])):
        with pytest.raises(ValueError, match="out of range"):
            ca.records_order(np.array(cadre), 3, np.array(kind, np.uint8), np.array(period), 10**6,
                             one32, one32, one8)
    with pytest.raises(ValueError, match="one length"):
        ca.records_order(np.zeros(2, np.int64), 3, one8, np.zeros(2, np.int64), 10**6, one32, one32, one8)
    with pytest.raises(TypeError):  # a kind of 260 is not cut to 4
        ca.records_order(np.zeros(1, np.int64), 3, np.array([260]), np.array([201500]), 10**6, one32, one32, one8)
