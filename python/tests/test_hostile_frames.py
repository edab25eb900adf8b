"""Hostile DataFrames: every public call that takes a table or columns, fed random frames (random
dtypes, every kind of missing value, duplicate and MultiIndex columns, empty frames, the expected
column names mixed with junk, an as_of of the wrong type), answers with a result or a
cadrekit.Error — never another exception.

Deterministic (derandomize) and bounded (max_examples), so that CI runs the same cases every time.
"""
import datetime as dt
import inspect
import warnings
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import cadrekit
from cadrekit import assessment, audit, disclosure, partitions, talent, village

D = dt.date

# Names of the arguments that take a table (a DataFrame or rows) in the public modules.
TABLE_ARGS = {"units", "records", "cadres", "members", "villages", "principals", "events", "audits",
              "terms", "funds", "reviews", "plan_records", "applicants", "holders", "assessments"}
MODULES = (audit, assessment, talent, village, partitions, disclosure)

# Column names each call looks for, mixed into the random frames with junk ones.
NAMES = ["unit_id", "budget", "name", *audit.FACTORS, "cadre_id", "kind", "period", "rank", "group_size",
         "rating", "domain", "unit", "id", "sex", "birth_date", "ethnicity", "political_status", "team_id",
         "village_id", "township", "population", "post", "served_from", "served_to", "score", "level",
         "date", "start", "year", "junk", "", "0"]

AS_OF = st.one_of(st.just(D(2016, 12, 31)), st.sampled_from(
    ["2016-12-31", 20161231, 2016.5, None, dt.datetime(2016, 12, 31, 8), pd.Timestamp("2016-12-31"),
     pd.NaT, np.datetime64("2016-12-31"), b"2016", [D(2016, 1, 1)]]))

NA = [None, np.nan, pd.NA, pd.NaT]


@st.composite
def columns(draw, n):
    """One column of n values of a random dtype, with random missing values."""
    kind = draw(st.sampled_from(["int8", "int64", "uint64", "float", "object", "str", "bool", "datetime",
                                 "category", "Int64", "boolean", "string"]))
    ints = st.lists(st.sampled_from([0, 1, 2, 3, -1, 127, 128, 257, 2**31, 2**40, -255]), min_size=n, max_size=n)
    if kind == "int8":
        return pd.Series(np.array(draw(ints), dtype=np.int64).astype(np.int8))
    if kind == "int64":
        return pd.Series(np.array(draw(ints), dtype=np.int64))
    if kind == "uint64":
        return pd.Series(np.array([abs(x) for x in draw(ints)], dtype=np.uint64) + np.uint64(2**63 * draw(st.booleans())))
    if kind == "float":
        return pd.Series(draw(st.lists(st.sampled_from([0.0, 1.0, 1.9, np.nan, np.inf, -3.0, 1e300]),
                                       min_size=n, max_size=n)), dtype=float)
    if kind == "bool":
        return pd.Series(draw(st.lists(st.booleans(), min_size=n, max_size=n)), dtype=bool)
    if kind == "datetime":
        return pd.Series(draw(st.lists(st.sampled_from([pd.Timestamp("1980-01-01"), pd.NaT,
                                                         pd.Timestamp("2016-03-01 12:00")]),
                                       min_size=n, max_size=n)), dtype="datetime64[ns]")
    if kind == "Int64":
        return pd.Series(draw(st.lists(st.sampled_from([1, 2, 0, None, 300]), min_size=n, max_size=n)), dtype="Int64")
    if kind == "boolean":
        return pd.Series(draw(st.lists(st.sampled_from([True, False, None]), min_size=n, max_size=n)),
                         dtype="boolean")
    values = st.sampled_from(["U1", "C1", "1", "2016Q1", "secretary", "男", "01", "500万", "2016-01-01", "",
                              1, 2.5, D(1980, 1, 1), *NA])
    vs = draw(st.lists(values, min_size=n, max_size=n))
    if kind == "str":
        return pd.Series([str(v) for v in vs], dtype=object)
    if kind == "string":
        return pd.Series([v if isinstance(v, str) else None for v in vs], dtype="string")
    if kind == "category":
        return pd.Series([str(v) for v in vs], dtype="category")
    return pd.Series(vs, dtype=object)


@st.composite
def frames(draw):
    n = draw(st.integers(0, 4))
    names = draw(st.lists(st.sampled_from(NAMES), max_size=8))
    data = [draw(columns(n)) for _ in names]
    df = pd.concat(data, axis=1) if data else pd.DataFrame(index=range(n))
    df.columns = names if data else df.columns
    if data and draw(st.booleans()) and draw(st.booleans()):
        df.columns = pd.MultiIndex.from_tuples([(c, "x") for c in names])
    return df


# Valid tables, which the hostile frames spoil a little — one column of another dtype, a missing
# value, a name twice, a column dropped — so that the calls get past their first check.
def _df(**cols):
    return pd.DataFrame(cols)


UNITS = _df(unit_id=["U1", "U2", "U3"], budget=[5_000_000, "500万", Decimal("12.5")],
            **{f: [0, 1, 0] for f in audit.FACTORS})
RECORDS = _df(cadre_id=["C1", "C1", "C2"], unit_id=["U1", "U1", "U2"], kind=["annual", "annual", "annual"],
              period=["2015", "2016", "2016"], rank=[9, 10, 1], group_size=[10, 10, 8],
              rating=["competent", "incompetent", "excellent"])
FINDINGS = _df(id=["F1"], cadre_id=["C1"], classification=["not_acting"],
               date=[D(2016, 5, 1)], standard=["ability"])
CADRES = _df(id=["C1", "C2", "C3"], sex=[1, 2, "女"], birth_date=[D(1980, 1, 1), D(1975, 6, 1), D(1990, 2, 3)],
             ethnicity=["01", "02", 2], political_status=["01", "13", 1], rank=["fu_ke", "zheng_ke", "fu_ke"],
             rank_since=[D(2012, 1, 1), D(2010, 1, 1), D(2015, 1, 1)])
MEMBERS = _df(team_id=["T1", "T1", "T2"], cadre_id=["C1", "C2", "C3"], sex=[1, 2, 2],
              birth_date=[D(1980, 1, 1), D(1975, 6, 1), D(1990, 2, 3)], ethnicity=[1, 2, 1],
              political_status=[1, 13, 1])
VILLAGES = _df(village_id=["V1", "V2"], name=["a", "b"], township=["A", "B"], population=[1200, 800])
PRINCIPALS = _df(cadre_id=["P1", "P2"], name=["x", "y"], village_id=["V1", "V2"], post=["secretary", "both"],
                 served_from=[D(2015, 1, 1), D(2016, 3, 1)], served_to=[None, D(2016, 6, 30)])
SCORES = _df(village_id=["V1", "V1", "V2"], period=["2016Q1", "2016Q2", "2016Q1"], score=["91.5", "88", 79])
EVENTS = _df(event=["start", "special_funds"], date=[D(2015, 1, 1), D(2016, 5, 1)], level=[2, None],
             amount=[None, "600万"])
AUDITS = _df(unit_id=["U1"], date=[D(2014, 5, 1)], kind=["in_term"])
TERMS = _df(unit_id=["U1", "U2"], leader_id=["L1", "L2"], start=[D(2014, 1, 1), D(2015, 1, 1)],
            planned_end=[None, D(2018, 1, 1)])
PLAN_UNITS = _df(unit_id=["U1", "U2"], level=[1, 3])
PLAN = _df(year=[2017, 2018], unit_id=["U1", "U2"], kind=["in_term", "sample"])
APPLICANTS = _df(cadre_id=["E1", "E3"], post=["secretary", "both"],
                 in_post_since=[D(2012, 1, 1), D(2010, 1, 1)], birth_date=[D(1970, 1, 1), D(1960, 5, 31)])
HOLDERS = _df(cadre_id=["H1", "H2"], in_post=[True, True], grade=["优秀", "不合格"])
SUBSIDY_TERMS = _df(cadre_id=["C2"], village_id=["V1"], served_from=[D(2006, 7, 1)], served_to=[D(2016, 6, 30)])
COLUMNS = _df(team=[0, 0, 1], sex=np.array([1, 2, 2], np.uint8), birth=[D(1980, 1, 1), D(1975, 6, 1), D(1990, 2, 3)],
              ethnicity=np.array([1, 2, 1], np.uint8), political=np.array([1, 13, 1], np.uint8),
              cadre=np.array([0, 0, 1], np.int64), kind=np.array([0, 0, 0], np.uint8),
              period=np.array([201500, 201600, 201600], np.int32), rank=np.array([9, 10, 1], np.int32),
              group=np.array([10, 10, 8], np.int32), rating=np.array([2, 4, 1], np.uint8),
              budget=np.array([5 * 10**8, 10**7, 100], np.int64), n=[1, 2, -3],
              date=[D(2016, 5, 3), D(2016, 9, 30), D(2015, 1, 1)], start=[D(2016, 1, 1), D(2016, 10, 8), D(2014, 1, 1)])
HITS = _df(cadre_id=["C1"], rule_id=["incompetent_demote"])
RECORDS_TO_VALIDATE = _df(record=[{"id": "C1", "name": "x"}, '{"id": "C2"}', {}])
PAY = _df(township=[0, 1, 1], population=[1200, 800, 300], present=np.array([31, 31, 0], np.uint8),
          principal=[0, 1, 2], post=np.array([0, 2, 1], np.uint8), served_from=[16000, 16100, 15000],
          served_to=[2**31 - 1, 17000, 2**31 - 1], **{f"s{k}": [900000, 880000, 0] for k in range(5)})

@st.composite
def spoiled(draw, base):
    df = base.head(draw(st.integers(0, len(base)))).copy()
    n = len(df)
    for _ in range(draw(st.integers(1, 3))):
        what = draw(st.sampled_from(["dtype", "na", "twice", "drop"]))
        if not df.shape[1]:
            break
        col = draw(st.sampled_from(list(df.columns)))
        if what == "dtype":
            df[col] = draw(columns(n)).to_numpy() if draw(st.booleans()) else draw(columns(n)).array
        elif what == "na" and n:
            df[col] = df[col].astype(object)
            df.iloc[draw(st.integers(0, n - 1)), list(df.columns).index(col)] = draw(st.sampled_from(NA))
        elif what == "twice":
            df = pd.concat([df, df[[col]]], axis=1)
        elif what == "drop":
            df = df.drop(columns=[col])
    return df


def _table_calls():
    """The public callables of MODULES that take a table (an argument in TABLE_ARGS) or columns
    (a name ending in _columns)."""
    out = set()
    for name in cadrekit.__all__:
        if name.endswith("_columns"):
            out.add(name)
    for name in dir(cadrekit.WorkCalendar):
        if name.endswith("_array"):
            out.add(f"WorkCalendar.{name}")
    for m in MODULES:
        for name in m.__all__:
            f = getattr(m, name)
            if not inspect.isfunction(f):
                continue
            if name.endswith("_columns") or TABLE_ARGS & set(inspect.signature(f).parameters):
                out.add(f"{m.__name__.split('.')[-1]}.{name}")
    return out


def _col(df, name):
    """The first column called ``name`` (by position: the frame may repeat names), else the
    first column, else an empty one: a column function takes columns, not the frame."""
    labels = [c[0] if isinstance(c, tuple) else c for c in df.columns]
    if name in labels:
        return df.iloc[:, labels.index(name)]
    return df.iloc[:, 0] if df.shape[1] else np.array([], dtype=np.int64)


CAL = cadrekit.WorkCalendar.china()


def _pay_columns(df):
    scores = df[[c for c in df.columns if isinstance(c, str) and c.startswith("s") and c[1:].isdigit()]]
    return village.pay_columns(_col(df, "township"), _col(df, "population"), scores if scores.shape[1] == 5
                               else _col(df, "s0"), _col(df, "present"), _col(df, "principal"), _col(df, "post"),
                               _col(df, "served_from"), _col(df, "served_to"), 2016)


# call -> [(a valid table, a call of that table — spoiled — and as_of)]: a call with several
# tables is made once with each of them spoiled, the others valid.
CALLS = {
    "three_ages_columns": [(COLUMNS, lambda df, a: cadrekit.three_ages_columns(
        _col(df, "birth"), _col(df, "date"), _col(df, "start"), as_of=a))],
    "WorkCalendar.add_working_days_array": [(COLUMNS, lambda df, a: CAL.add_working_days_array(
        _col(df, "date"), _col(df, "n")))],
    "WorkCalendar.count_working_days_array": [(COLUMNS, lambda df, a: CAL.count_working_days_array(
        _col(df, "date"), _col(df, "start")))],
    "audit.tier": [(UNITS, lambda df, a: audit.tier(df, as_of=a)),
                   (UNITS, lambda df, a: audit.tier(df, as_of=a, explain=False)),
                   (UNITS, lambda df, a: audit.tier(df, as_of=a, explain=True))],
    "audit.explain_tiers": [(UNITS, lambda df, a: audit.explain_tiers(df, as_of=a))],
    "audit.tier_columns": [(COLUMNS, lambda df, a: audit.tier_columns(_col(df, "budget"), [_col(df, "kind")] * 9, as_of=a))],
    "audit.tier_history": [(EVENTS, lambda df, a: audit.tier_history("U1", df))],
    "audit.plan": [(PLAN_UNITS, lambda df, a: audit.plan(df, AUDITS, TERMS, 2017, 2018, 3, 1)),
                   (AUDITS, lambda df, a: audit.plan(PLAN_UNITS, df, TERMS, 2017, 2018, 3, 1)),
                   (TERMS, lambda df, a: audit.plan(PLAN_UNITS, AUDITS, df, 2017, 2018, 3, 1))],
    "audit.verify_plan": [(PLAN, lambda df, a: audit.verify_plan(df, PLAN_UNITS, AUDITS, TERMS, 2017, 2018)),
                          (PLAN_UNITS, lambda df, a: audit.verify_plan(PLAN, df, AUDITS, TERMS, 2017, 2018))],
    "assessment.screen": [(RECORDS, lambda df, a: assessment.screen(df, FINDINGS, as_of=a)),
                          (FINDINGS, lambda df, a: assessment.screen(RECORDS, df, as_of=a)),
                          (RECORDS, lambda df, a: assessment.screen(df, as_of=a))],
    "assessment.explain_hits": [(RECORDS, lambda df, a: assessment.explain_hits(df, HITS, as_of=a)),
                                (HITS, lambda df, a: assessment.explain_hits(RECORDS, df, as_of=a))],
    "assessment.screen_columns": [(COLUMNS, lambda df, a: assessment.screen_columns(
        *[_col(df, c) for c in ("cadre", "kind", "period", "rank", "group", "rating")], as_of=a))],
    "talent.pools": [(CADRES, lambda df, a: talent.pools(df, RECORDS, as_of=a)),
                     (RECORDS, lambda df, a: talent.pools(CADRES, df, as_of=a))],
    "talent.pool_report": [(CADRES, lambda df, a: talent.pool_report(df, RECORDS, as_of=a))],
    "talent.pool_changes": [(CADRES, lambda df, a: talent.pool_changes(df, RECORDS, a, D(2017, 1, 1)))],
    "talent.team_structure": [(MEMBERS, lambda df, a: talent.team_structure(df, as_of=a)),
                              (CADRES, lambda df, a: talent.team_structure(MEMBERS, as_of=a, candidates=df))],
    "talent.team_structure_columns": [(COLUMNS, lambda df, a: talent.team_structure_columns(
        *[_col(df, c) for c in ("team", "sex", "birth", "ethnicity", "political")], as_of=a))],
    "village.pay_sheet": [(VILLAGES, lambda df, a: village.pay_sheet(df, PRINCIPALS, SCORES, 2016)),
                          (PRINCIPALS, lambda df, a: village.pay_sheet(VILLAGES, df, SCORES, 2016)),
                          (SCORES, lambda df, a: village.pay_sheet(VILLAGES, PRINCIPALS, df, 2016)),
                          (VILLAGES, lambda df, a: village.pay_sheet(df.to_dict("records"),
                                                                     PRINCIPALS.to_dict("records"),
                                                                     SCORES.to_dict("records"), 2016))],
    "village.pay_columns": [(PAY, lambda df, a: _pay_columns(df))],
    "village.eligibility": [(APPLICANTS, lambda df, a: village.eligibility(df, as_of=a))],
    "village.renewals": [(HOLDERS, lambda df, a: village.renewals(df, 2016))],
    "village.subsidies": [(SUBSIDY_TERMS, lambda df, a: village.subsidies(df, 2016))],
    "village.budget_what_if": [
        (VILLAGES, lambda df, a: village.budget_what_if(df, PRINCIPALS, SCORES, 2016, policy=None, other=cadrekit.Policy.default())),
        (SUBSIDY_TERMS, lambda df, a: village.budget_what_if(VILLAGES, PRINCIPALS, SCORES, 2016, policy=None,
                                                             other=cadrekit.Policy.default(), terms=df))],
    "partitions.screen": [(RECORDS, lambda df, a: partitions.screen(df, as_of=a, findings=FINDINGS))],
    "disclosure.validate_all": [(RECORDS_TO_VALIDATE, lambda df, a: disclosure.validate_all(df)),
                                (RECORDS_TO_VALIDATE, lambda df, a: disclosure.validate_all(df, as_frame=True))],
    "partitions.tier": [(UNITS, lambda df, a: partitions.tier(df, as_of=a))],
    "partitions.pay_sheet": [(PRINCIPALS, lambda df, a: partitions.pay_sheet(VILLAGES, df, SCORES, year=2016))],
    "partitions.team_structure": [(MEMBERS, lambda df, a: partitions.team_structure(df, as_of=a))],
}


def test_the_valid_tables_give_results():
    """The tables the hostile frames start from are read: the spoiling is what is tested."""
    for name, calls in CALLS.items():
        for base, call in calls:
            call(base, D(2016, 12, 31))


@pytest.mark.parametrize("call", sorted(CALLS))
@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data(), as_of=AS_OF)
def test_hostile_frames_give_a_result_or_a_cadrekit_error(call, data, as_of):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for base, fn in CALLS[call]:
            df = data.draw(st.one_of(frames(), spoiled(base)), label="df")
            try:
                fn(df, as_of)
            except cadrekit.Error as e:
                assert isinstance(e.field, str) and isinstance(e.record, str)
