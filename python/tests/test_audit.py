"""cadrekit.audit from Python (HOLINGOL): the golden tiering cases (records, DataFrame, columnar),
special funds, the source county's plan (feasible at 14 a year; the exact shortfall at 13), the
checker, the seeded sample replayed by an independent splitmix64, errors, and the hypothesis
property of the issue."""
import csv
import datetime as dt
import pathlib
from decimal import Decimal

import pandas as pd
import pytest
from hypothesis import given, settings, HealthCheck, strategies as st

import cadrekit
from cadrekit import audit

ROOT = pathlib.Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden" / "audit_tier_cases.csv"
AS_OF = dt.date(2017, 1, 1)


def golden_rows():
    with open(GOLDEN, encoding="utf-8") as f:
        lines = [ln for ln in f if not ln.startswith("#") and ln.strip()]
    return list(csv.DictReader(lines))


def county_units():
    return [{"unit_id": f"U{i:02d}", "level": 1 if i <= 20 else 2 if i <= 48 else 3}
            for i in range(1, 68)]


# --- tiering --------------------------------------------------------------------------------

def test_tier_golden_records():
    rows = golden_rows()
    assert len(rows) >= 16
    units = [{"unit_id": r["unit_id"], "budget": r["budget"],
              **{f: int(r[f]) for f in audit.FACTORS}} for r in rows]
    out = audit.tier(units, as_of=AS_OF)
    for r, t in zip(rows, out):
        assert t["unit_id"] == r["unit_id"]
        assert t["level"] == int(r["level"]), r["unit_id"]
        assert t["score"] == int(r["score"]), r["unit_id"]
        assert [(p["factor"], p["value"]) for p in t["parts"]] == [(f, int(r[f])) for f in audit.FACTORS]
        assert t["band_points"] + sum(p["points"] for p in t["parts"]) == t["score"]
        assert all(p["points"] == p["value"] * p["weight"] for p in t["parts"])
        assert isinstance(t["explanation"], cadrekit.Explanation)


def test_tier_dataframe_both_paths_agree():
    rows = golden_rows()
    df = pd.DataFrame({"unit_id": [r["unit_id"] for r in rows],
                       "budget": [Decimal(r["budget"]) for r in rows],
                       **{f: [int(r[f]) for r in rows] for f in audit.FACTORS}})
    full = audit.tier(df, as_of=AS_OF)
    fast = audit.tier(df, as_of=AS_OF, explain=False)
    assert list(full["level"]) == [int(r["level"]) for r in rows]
    assert list(fast["level"]) == [int(r["level"]) for r in rows]
    assert list(fast["score"]) == [int(r["score"]) for r in rows]
    # booleans work as 0/1
    one = audit.tier([{"unit_id": "B", "budget": 1_000_000, "complaints": True}], as_of=AS_OF)
    assert one[0]["level"] == 1
    parts = {p["factor"]: p for p in one[0]["parts"]}
    assert parts["complaints"] == {"factor": "complaints", "value": 1, "weight": 4, "points": 4}
    assert sum(p["points"] for p in one[0]["parts"]) == 4


def test_tier_explanation_and_boundary_parameter():
    t = audit.tier([{"unit_id": "H", "budget": "500万"}], as_of=AS_OF)[0]
    assert t["band"] == "high" and t["level"] == 1
    ex = t["explanation"]
    assert any(r.rule_id == "audit.tier.level" and r.clause == "HOLINGOL.1" for r in ex.rules)
    assert any(p.name == "audit.budget_band.boundary" and p.assumed for p in ex.parameters)
    lower = cadrekit.Policy.loads(
        "profile: t\nextends: tongliao-2016\nparameters:\n"
        "  audit.budget_band.boundary:\n    values:\n      2016-01-01: lower\n")
    assert audit.tier([{"unit_id": "H", "budget": "500万"}], as_of=AS_OF, policy=lower)[0]["level"] == 2


def test_tier_errors_name_field_and_record():
    with pytest.raises(cadrekit.InvalidInput) as e:
        audit.tier([{"unit_id": "U7", "budget": "-1"}], as_of=AS_OF)
    assert e.value.field == "budget" and e.value.record == "U7"
    with pytest.raises(cadrekit.InvalidInput) as e:
        audit.tier([{"unit_id": "U8", "budget": 1, "economic_power": 3}], as_of=AS_OF)
    assert e.value.field == "economic_power"
    with pytest.raises(cadrekit.InvalidInput):
        audit.tier([{"unit_id": "U9", "budget": 1.5}], as_of=AS_OF)  # no float money
    with pytest.raises(cadrekit.InvalidInput):
        audit.tier([{"unit_id": "U9"}], as_of=AS_OF)


def test_special_funds_level():
    r = audit.special_funds_level(3, "1亿", as_of=dt.date(2016, 5, 1))
    assert r["new_level"] == "special" and r["tracking"] and r["budget_final_accounts_audit"]
    r = audit.special_funds_level(3, Decimal("99999999.99"))
    assert (r["new_level"], r["band"], r["audit_on_completion"]) == (2, "level_up", True)
    r = audit.special_funds_level("2", 9_999_999)
    assert (r["new_level"], r["band"], r["audit_within_years"]) == (1, "small", 2)
    assert r["previous_level"] == 2
    assert audit.special_funds_level("special", 5)["new_level"] == "special"
    with pytest.raises(cadrekit.InvalidInput):
        audit.special_funds_level(4, 5)


# --- the plan -------------------------------------------------------------------------------

def test_source_county_plan_feasible():
    p = audit.plan(county_units(), [], [], 2017, 2021, capacity=30, seed=20161)
    assert p.feasible and p.shortfall == [] and p.capacity_shortfall == 0
    assert p.min_capacity == 14  # ⌈35 %·20⌉ + ⌈20 %·28⌉ + one sample
    assert p.seed == 20161
    df = p.to_pandas()
    assert list(df.columns)[:4] == ["year", "unit_id", "kind", "reason"]
    lvl = {u["unit_id"]: u["level"] for u in county_units()}
    df["level"] = df["unit_id"].map(lvl)
    for y in range(2017, 2022):
        per = df[df.year == y]["level"].value_counts()
        assert per.get(1, 0) >= 7 and per.get(2, 0) >= 6 and 1 <= per.get(3, 0) <= 2
    years = {(r["unit_id"], r["year"]) for r in p.to_records()}
    for uid, level in lvl.items():
        k = {1: 3, 2: 5}.get(level)
        if k is None:
            continue
        for s in range(2017, 2022 - k + 1):
            assert any((uid, y) in years for y in range(s, s + k)), (uid, s)
    assert audit.verify_plan(p.to_records(), county_units(), [], [], 2017, 2021) == []
    assert audit.verify_plan(p, county_units(), [], [], 2017, 2021) == []


def test_source_county_too_little_capacity():
    p = audit.plan(county_units(), [], [], 2017, 2021, capacity=13, seed=1)
    assert not p.feasible
    assert p.min_capacity == 14 and p.capacity_shortfall == 1
    assert sorted((b["rule"], b["year"]) for b in p.shortfall) == [
        ("level3.sample", y) for y in range(2017, 2022)]


def test_departures_terms_and_dataframes():
    units = pd.DataFrame(county_units())
    terms = pd.DataFrame([
        {"unit_id": "U49", "leader_id": "L49", "start": dt.date(2015, 1, 1),
         "planned_end": dt.date(2019, 6, 30)},
        {"unit_id": "U50", "leader_id": "L50", "start": pd.Timestamp("2014-03-01"),
         "planned_end": None},
    ])
    audits = pd.DataFrame([{"unit_id": "U01", "date": "2014-11-01", "kind": "in_term"}])
    p = audit.plan(units, audits, terms, 2017, 2021, capacity=40, seed=3)
    assert p.feasible
    recs = {(r["unit_id"], r["year"]): r for r in p.to_records()}
    assert recs[("U49", 2019)]["kind"] == "departure"
    assert recs[("U50", 2019)]["kind"] == "five_year_term"
    assert ("U01", 2017) in recs  # audited 2014: the window 2015–2017 closes in 2017
    cut = [r for r in p.to_records() if (r["unit_id"], r["year"]) != ("U49", 2019)]
    breaches = audit.verify_plan(cut, units, audits, terms, 2017, 2021)
    assert {"rule": "level3.departure", "year": 2019, "unit_id": "U49"}.items() <= breaches[0].items()


def test_errors_are_typed():
    with pytest.raises(cadrekit.InvalidInput) as e:
        audit.plan(county_units(), [{"unit_id": "X", "date": "2015-01-01"}], [], 2017, 2021, 20, 1)
    assert e.value.field == "unit_id" and e.value.record == "audits[0]"
    with pytest.raises(cadrekit.InvalidInput):
        audit.plan(county_units(), [{"unit_id": "U01", "date": "2017-02-01"}], [], 2017, 2021, 20, 1)
    with pytest.raises(cadrekit.InvalidInput):
        audit.plan([{"unit_id": "A", "level": 7}], [], [], 2017, 2021, 20, 1)
    with pytest.raises(cadrekit.InvalidInput):
        audit.plan(county_units(), [], [], 2018, 2017, 20, 1)


# --- the seeded draw, replayed independently -------------------------------------------------

M64 = (1 << 64) - 1
GOLDEN_GAMMA = 0x9E3779B97F4A7C15


def replay(candidates, count, seed, year):
    """splitmix64 seeded with seed ^ (year * golden gamma); partial Fisher–Yates with unbiased
    bounded draws (docs/audit.md), written from the documentation."""
    state = (seed ^ (year * GOLDEN_GAMMA)) & M64

    def nxt():
        nonlocal state
        state = (state + GOLDEN_GAMMA) & M64
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
        return z ^ (z >> 31)

    def below(n):
        threshold = ((1 << 64) - n) % n
        while True:
            r = nxt()
            if r >= threshold:
                return r % n

    a = list(candidates)
    count = min(count, len(a))
    for i in range(count):
        j = i + below(len(a) - i)
        a[i], a[j] = a[j], a[i]
    return a[:count]


@given(st.integers(0, M64), st.integers(1990, 2100), st.integers(1, 30), st.integers(0, 4))
def test_draw_sample_replays(seed, year, n, count):
    cands = [f"C{i:03d}" for i in range(n)]
    assert audit.draw_sample(cands, count, seed, year) == replay(cands, count, seed, year)


def test_plan_sample_is_the_documented_draw():
    p = audit.plan(county_units(), [], [], 2017, 2021, capacity=14, seed=99)
    level3 = [u["unit_id"] for u in county_units() if u["level"] == 3]
    for y in range(2017, 2022):
        drawn = [r["unit_id"] for r in p.to_records() if r["year"] == y and r["kind"] == "sample"]
        assert drawn == replay(level3, 1, 99, y)


# --- the property of the issue -------------------------------------------------------------

county = st.integers(1, 30).flatmap(lambda n: st.tuples(
    st.lists(st.sampled_from([1, 2, 3, 3, "special"]), min_size=n, max_size=n),
    st.lists(st.one_of(st.none(), st.integers(2008, 2016)), min_size=n, max_size=n),
    st.lists(st.one_of(st.none(), st.tuples(st.dates(dt.date(2008, 1, 1), dt.date(2020, 12, 31)),
                                            st.one_of(st.none(), st.integers(0, 4000)))),
             min_size=n, max_size=n),
    st.integers(0, 5), st.integers(0, 2**64 - 1)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(county, st.integers(0, 40))
def test_feasible_exactly_at_min_capacity(c, capacity):
    levels, past, terms_in, span, seed = c
    units = [{"unit_id": f"U{i}", "level": lv} for i, lv in enumerate(levels)]
    audits = [{"unit_id": f"U{i}", "date": dt.date(y, 6, 1)} for i, y in enumerate(past) if y]
    terms = []
    for i, t in enumerate(terms_in):
        if t:
            start, days = t
            end = None if days is None else start + dt.timedelta(days=days)
            terms.append({"unit_id": f"U{i}", "leader_id": f"L{i}", "start": start,
                          "planned_end": end})
    fy, ly = 2021, 2021 + span
    p = audit.plan(units, audits, terms, fy, ly, capacity, seed)
    assert p.feasible == (capacity >= p.min_capacity)
    assert audit.verify_plan(p.to_records(), units, audits, terms, fy, ly) == p.shortfall
    if p.feasible:
        assert p.capacity_used <= p.min_capacity
    # Minimal: one less fails, the stated minimum succeeds.
    at_min = audit.plan(units, audits, terms, fy, ly, p.min_capacity, seed)
    assert at_min.feasible
    assert audit.verify_plan(at_min.to_records(), units, audits, terms, fy, ly) == []
    if p.min_capacity > 0:
        assert not audit.plan(units, audits, terms, fy, ly, p.min_capacity - 1, seed).feasible
