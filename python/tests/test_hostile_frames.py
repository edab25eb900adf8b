"""Hostile DataFrames: every public call that takes a table or columns, fed random frames (random
dtypes, every kind of missing value, duplicate and MultiIndex columns, empty frames, the expected
column names mixed with junk, an as_of of the wrong type), answers with a result or a
cadrekit.Error — never another exception.

Deterministic (derandomize) and bounded (max_examples), so that CI runs the same cases every time.
"""
import datetime as dt
import inspect
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import cadrekit
from cadrekit import assessment, audit, partitions, talent, village

D = dt.date

# Names of the arguments that take a table (a DataFrame or rows) in the public modules.
TABLE_ARGS = {"units", "records", "cadres", "members", "villages", "principals", "events", "audits",
              "terms", "funds", "reviews", "plan_records", "applicants", "holders", "assessments"}
MODULES = (audit, assessment, talent, village, partitions)

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


def _table_calls():
    """The public callables of MODULES that take a table (an argument in TABLE_ARGS) or columns
    (a name ending in _columns)."""
    out = set()
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


CALLS = {
    "audit.tier": lambda df, a: audit.tier(df, a),
    "audit.tier_columns": lambda df, a: audit.tier_columns(_col(df, "budget"), [_col(df, f) for f in audit.FACTORS], a),
    "audit.tier_history": lambda df, a: audit.tier_history("U1", df),
    "audit.plan": lambda df, a: audit.plan(df, df, df, 2017, 2018, 3, 1),
    "audit.verify_plan": lambda df, a: audit.verify_plan(df, df, df, df, 2017, 2018),
    "assessment.screen": lambda df, a: assessment.screen(df, df, as_of=a),
    "assessment.screen_columns": lambda df, a: assessment.screen_columns(
        *[_col(df, c) for c in ("cadre_id", "kind", "period", "rank", "group_size", "rating")], as_of=a),
    "talent.pools": lambda df, a: talent.pools(df, df, a),
    "talent.pool_report": lambda df, a: talent.pool_report(df, df, a),
    "talent.pool_changes": lambda df, a: talent.pool_changes(df, df, a, D(2017, 1, 1)),
    "talent.team_structure": lambda df, a: talent.team_structure(df, a),
    "talent.team_structure_columns": lambda df, a: talent.team_structure_columns(
        *[_col(df, c) for c in ("team_id", "sex", "birth_date", "ethnicity", "political_status")], as_of=a),
    "village.pay_sheet": lambda df, a: village.pay_sheet(df, df, df, 2016),
    "village.pay_columns": lambda df, a: village.pay_columns(
        *[_col(df, c) for c in ("township", "population", "score", "post", "unit_id", "post",
                                "served_from", "served_to")], 2016),
    "village.eligibility": lambda df, a: village.eligibility(df, a),
    "village.renewals": lambda df, a: village.renewals(df, 2016),
    "village.subsidies": lambda df, a: village.subsidies(df, 2016),
    "village.budget_what_if": lambda df, a: village.budget_what_if(df, df, df, 2016, None, cadrekit.Policy.default()),
    "partitions.screen": lambda df, a: partitions.screen(df, as_of=a, findings=df),
    "partitions.tier": lambda df, a: partitions.tier(df, as_of=a),
    "partitions.pay_sheet": lambda df, a: partitions.pay_sheet(df, df, df, year=2016),
    "partitions.team_structure": lambda df, a: partitions.team_structure(df, as_of=a),
}


def test_every_table_call_is_covered():
    assert set(CALLS) == _table_calls()


@pytest.mark.parametrize("call", sorted(CALLS))
@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(df=frames(), as_of=AS_OF)
def test_hostile_frames_give_a_result_or_a_cadrekit_error(call, df, as_of):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            CALLS[call](df, as_of)
        except cadrekit.Error as e:
            assert isinstance(e.field, str) and isinstance(e.record, str)
