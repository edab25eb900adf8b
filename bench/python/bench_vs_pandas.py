"""cadrekit's Python batch calls next to the pandas script a competent analyst would write for the
same rule (issue #10, "Measurement").

For each volume operation that has a Python batch call — the village pay sheet
(``village.pay_columns``), audit tiering (the NumPy kernel ``tier_columns`` behind
``audit.tier(df, explain=False)``) and red-line screening (``assessment.screen_columns``) — this
script generates the same synthetic data for both, times cadrekit's call and a vectorised pandas
implementation in the same process, checks that the two agree exactly (every output column), and
prints both times and the ratio. The pandas code reads every number of the rules from
``cadrekit.Policy.default()``; what it hard-codes is the shape of each rule (which the analyst
would read in docs/<module>.md), and it refuses a policy whose method switches it does not
implement.

The pay sheet and tiering are also timed with ``out=`` (outputs preallocated once, written in
place, as the C++ benchmarks do): ``cadrekit_out_s`` in the JSON, the like-for-like figure for
"Python ≥ 0.7 × C++"; the pandas ratio uses the call as a user makes it (fresh outputs).

Team structure (``talent.team_structure_columns``), working-day arithmetic on arrays of dates
(``WorkCalendar.add_working_days_array``) and 三龄 of many people (``cadrekit.three_ages_columns``)
are compared the same way ("talent", "workdays", "three_ages").

Usage:
  bench_vs_pandas.py [--sizes 10000,100000,...]
                    [--ops village,audit,screening,talent,workdays,three_ages] [--json FILE]
  bench_vs_pandas.py --mem OP N     one size in this process: peak memory of cadrekit's batch
                                    call against its input columns (VmHWM, reset before the call)
  bench_vs_pandas.py --smoke        every operation once at a tiny size, agreement checked
"""
from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import subprocess
import sys
import time
from decimal import Decimal
from fractions import Fraction
from typing import Any, Callable, Dict, List

import numpy as np
import pandas as pd

import cadrekit
from cadrekit import assessment, audit, talent, village

POLICY = cadrekit.Policy.default()
EPOCH = dt.date(1970, 1, 1)


def param(name: str, as_of: dt.date) -> Any:
    return POLICY.value(name, as_of)


def fen(yuan: Any) -> int:
    """A money parameter (Decimal yuan) in fen, exactly."""
    f = Decimal(yuan) * 100
    assert f == f.to_integral_value(), yuan
    return int(f)


def frac(x: Any) -> Fraction:
    return x if isinstance(x, Fraction) else Fraction(Decimal(x))


def require(name: str, as_of: dt.date, value: str) -> None:
    got = param(name, as_of)
    if got != value:
        raise NotImplementedError(f"the pandas version implements {name} = {value!r}, not {got!r}")


# ---------------------------------------------------------------------------------------------
# Village pay sheet (JARUD.1): n principals, n/2 villages in townships of 250.

YEAR = 2016


def village_data(n: int, seed: int = 2016) -> Dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    V = max(n // 2, 1)
    P = 2 * V
    town = (np.arange(V) // 250).astype(np.int32)
    pop = rng.integers(200, 4001, V).astype(np.int64)
    pop[::101] = 1000  # on the band boundaries
    pop[1::103] = 2000
    scores = (rng.integers(500000, 1000001, (V, 5)) // 100 * 100).astype(np.int64)  # ties happen
    present = np.where(np.arange(V) % 97 == 0, 0x0F, 0x1F).astype(np.uint8)  # some lack a score
    jan1 = (dt.date(YEAR, 1, 1) - EPOCH).days
    pv = np.repeat(np.arange(V, dtype=np.int32), 2)
    post = np.tile(np.array([0, 1], dtype=np.uint8), V)
    frm = np.full(P, jan1 - 1000, dtype=np.int32)
    change = (pv % 10 == 0) & (post == 1)  # a new director during the year
    frm[change] = jan1 + rng.integers(0, 365, int(change.sum()))
    to = np.full(P, 2**31 - 1, dtype=np.int32)
    left = (pv % 10 == 5) & (post == 0)  # a secretary who left during the year
    to[left] = jan1 + rng.integers(0, 365, int(left.sum()))
    return {"village_township": town, "population": pop, "scores": scores, "score_present": present,
            "principal_village": pv, "post": post, "served_from": frm, "served_to": to}


def village_cadrekit(d: Dict[str, np.ndarray]) -> Dict[str, np.ndarray]:
    return village.pay_columns(d["village_township"], d["population"], d["scores"], d["score_present"],
                               d["principal_village"], d["post"], d["served_from"], d["served_to"],
                               YEAR, policy=POLICY)


def village_out(d: Dict[str, np.ndarray]) -> Dict[str, np.ndarray]:
    """Preallocated outputs of pay_columns (as the C++ benchmark's, already written once, so
    that their pages are in memory), written in place."""
    V, P = len(d["village_township"]), len(d["principal_village"])
    return {"village_team_grade": np.ones(V, np.uint8), "village_rank": np.ones(V, np.int32),
            "base_fen": np.ones(P, np.int64), "performance_fen": np.ones(P, np.int64),
            "total_fen": np.ones(P, np.int64), "grade": np.ones(P, np.uint8), "units": np.ones(P, np.int32)}


def village_cadrekit_out(d: Dict[str, np.ndarray], out: Dict[str, np.ndarray]) -> Dict[str, np.ndarray]:
    return village.pay_columns(d["village_township"], d["population"], d["scores"], d["score_present"],
                               d["principal_village"], d["post"], d["served_from"], d["served_to"],
                               YEAR, policy=POLICY, out=out)


def village_frames(d: Dict[str, np.ndarray]) -> Any:
    s = d["scores"]
    villages = pd.DataFrame({"township": d["village_township"], "population": d["population"],
                             "q1": s[:, 0], "q2": s[:, 1], "q3": s[:, 2], "q4": s[:, 3], "annual": s[:, 4],
                             "present": d["score_present"]})
    principals = pd.DataFrame({"village": d["principal_village"], "post": d["post"],
                               "served_from": d["served_from"], "served_to": d["served_to"]})
    return villages, principals


def village_pandas(frames: Any) -> Dict[str, np.ndarray]:
    """The analyst's pay sheet: composite score, competition rank within the township, grade by
    share of the township's graded villages, base pay by population band, performance pay by
    grade: the base prorated by the whole months served, the performance pay in full to a
    principal in post on the grading date, 31 December (docs/village.md)."""
    villages, principals = frames
    as_of = dt.date(YEAR, 1, 1)
    require("village.grade.method", as_of, "share")
    require("village.grade.share_rounding", as_of, "half_up")
    require("village.base_pay.proration", as_of, "whole_months")
    require("village.performance_pay.proration", as_of, "none")
    require("village.both_posts.paid", as_of, "once")
    wq = frac(param("village.score.quarterly_weight", as_of))
    wa = frac(param("village.score.annual_weight", as_of))
    s1 = frac(param("village.grade.outstanding_share", as_of))
    s12 = s1 + frac(param("village.grade.good_share", as_of))

    v = villages
    graded = (v["present"] & 0x1F) == 0x1F
    # composite = wq·mean(q1..q4) + wa·annual, kept exact as an integer key (same order)
    key = (v[["q1", "q2", "q3", "q4"]].sum(axis=1) * (wq.numerator * wa.denominator)
           + v["annual"] * (4 * wa.numerator * wq.denominator))
    rank = key.where(graded).groupby(v["township"]).rank(method="min", ascending=False)
    n_graded = graded.groupby(v["township"]).transform("sum")

    def count(share: Fraction) -> pd.Series:  # half_up of share × n
        return (2 * share.numerator * n_graded + share.denominator) // (2 * share.denominator)

    team = np.select([~graded, rank <= count(s1), rank <= count(s12)], [3, 0, 1], 2).astype(np.uint8)
    village_rank = rank.fillna(0).astype(np.int32).to_numpy()

    band = np.select([v["population"] >= param("village.base_pay.large_min_population", as_of),
                      v["population"] >= param("village.base_pay.medium_min_population", as_of)],
                     [fen(param("village.base_pay.large", as_of)), fen(param("village.base_pay.medium", as_of))],
                     fen(param("village.base_pay.small", as_of)))
    perf_by_grade = np.array([fen(param("village.performance_pay.excellent", as_of)),
                              fen(param("village.performance_pay.basic", as_of)),
                              fen(param("village.performance_pay.unqualified", as_of)), 0], dtype=np.int64)

    p = principals
    firsts = [(dt.date(YEAR, m, 1) - EPOCH).days for m in range(1, 13)]
    months = sum(((p["served_from"] <= f) & (f <= p["served_to"])).astype(np.int32) for f in firsts)
    grade = team[p["village"].to_numpy()]
    base_year = band[p["village"].to_numpy()]
    perf_year = perf_by_grade[grade]

    def prorate(yearly: np.ndarray) -> np.ndarray:  # half_up to the fen
        return (2 * yearly * months + 12) // 24

    base = prorate(base_year).to_numpy()
    dec31 = (dt.date(YEAR, 12, 31) - EPOCH).days
    in_post = ((p["served_from"] <= dec31) & (dec31 <= p["served_to"])).to_numpy()
    perf = np.where(in_post, perf_year, 0).astype(np.int64)
    return {"village_team_grade": team, "village_rank": village_rank, "base_fen": base,
            "performance_fen": perf, "total_fen": base + perf, "grade": grade,
            "units": months.to_numpy().astype(np.int32)}


def village_agree(a: Dict[str, np.ndarray], b: Dict[str, np.ndarray]) -> None:
    for k in ("village_team_grade", "village_rank", "base_fen", "performance_fen", "total_fen", "grade", "units"):
        if not np.array_equal(np.asarray(a[k]).astype(np.int64), np.asarray(b[k]).astype(np.int64)):
            bad = int(np.flatnonzero(np.asarray(a[k]).astype(np.int64) != np.asarray(b[k]).astype(np.int64))[0])
            raise AssertionError(f"village: {k} differs at row {bad}: {a[k][bad]} vs {b[k][bad]}")


# ---------------------------------------------------------------------------------------------
# Audit tiering (HOLINGOL.1): n units.

AS_OF_AUDIT = dt.date(2017, 1, 1)


def audit_data(n: int, seed: int = 2016) -> Dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    budget = rng.integers(0, 1_000_000_000, n).astype(np.int64)
    budget[::97] = fen(param("audit.budget_band.high_min", AS_OF_AUDIT))  # on the boundaries
    budget[1::89] = fen(param("audit.budget_band.low_max", AS_OF_AUDIT))
    factors = np.empty((len(audit.FACTORS), n), dtype=np.int8)
    for j, f in enumerate(audit.FACTORS):
        hi = int(param(f"audit.factor.{f}.max", AS_OF_AUDIT))
        factors[j] = rng.integers(0, hi + 1, n)
    return {"budget_fen": budget, "factors": factors}


def audit_cadrekit(d: Dict[str, np.ndarray]) -> Any:
    return audit.tier_columns(d["budget_fen"], d["factors"], as_of=AS_OF_AUDIT, policy=POLICY)


def audit_out(d: Dict[str, np.ndarray]) -> Any:
    n = len(d["budget_fen"])  # np.ones, not np.zeros: pages written once, as the C++ buffers
    return (np.ones(n, np.int8), np.ones(n, np.int64))


def audit_cadrekit_out(d: Dict[str, np.ndarray], out: Any) -> Any:
    return audit.tier_columns(d["budget_fen"], d["factors"], as_of=AS_OF_AUDIT, policy=POLICY, out=out)


def audit_frames(d: Dict[str, np.ndarray]) -> Any:
    cols = {"budget_fen": d["budget_fen"]}
    for j, f in enumerate(audit.FACTORS):
        cols[f] = d["factors"][j]
    return pd.DataFrame(cols)


def audit_pandas(units: pd.DataFrame) -> Any:
    """Band points by budget, plus each factor × its weight; level by the two thresholds."""
    a = AS_OF_AUDIT
    hi = fen(param("audit.budget_band.high_min", a))
    lo = fen(param("audit.budget_band.low_max", a))
    higher = param("audit.budget_band.boundary", a) == "higher"
    b = units["budget_fen"]
    band_points = np.select([(b > hi) | ((b == hi) & higher), (b < lo) | ((b == lo) & (not higher))],
                            [param("audit.band_points.high", a), param("audit.band_points.low", a)],
                            param("audit.band_points.middle", a))
    weights = pd.Series({f: param(f"audit.factor.{f}.weight", a) for f in audit.FACTORS})
    score = band_points + units[list(audit.FACTORS)].astype(np.int64).mul(weights, axis=1).sum(axis=1)
    level = np.select([score >= param("audit.score.level1_min", a), score >= param("audit.score.level2_min", a)],
                      [1, 2], 3)
    return level, score.to_numpy()


def audit_agree(a: Any, b: Any) -> None:
    for name, x, y in (("level", a[0], b[0]), ("score", a[1], b[1])):
        if not np.array_equal(np.asarray(x).astype(np.int64), np.asarray(y).astype(np.int64)):
            raise AssertionError(f"audit: {name} differs")


# ---------------------------------------------------------------------------------------------
# Red-line screening (HORQIN.3): n records, 5 per cadre (3 annual, 2 party-conduct).

AS_OF_SCREEN = dt.date(2016, 12, 31)
KIND = {k: i for i, k in enumerate(assessment.KINDS)}
RATING = {r: i for i, r in enumerate(assessment.RATINGS)}


def screening_data(n: int, seed: int = 2016) -> Dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    C = max(n // 5, 1)
    cadre = np.repeat(np.arange(C, dtype=np.int64), 5)
    slot = np.tile(np.arange(5), C)
    kind = np.where(slot < 3, KIND["annual"], KIND["party_conduct"]).astype(np.uint8)
    year = np.where(slot < 3, 2014 + slot, 2015 + slot - 3)
    year[(slot == 0) & (cadre % 10 == 3)] = 2012  # a gap breaks a run
    period = (year * 100).astype(np.int32)
    group = np.where(slot < 3, rng.integers(10, 50, 5 * C), 0).astype(np.int32)
    rank = np.where(slot < 3, 1 + (rng.random(5 * C) * group).astype(np.int32), 0).astype(np.int32)
    annual = rng.integers(RATING["excellent"], RATING["incompetent"] + 1, 5 * C)
    party = np.where(rng.integers(0, 3, 5 * C) == 0, RATING["not_up_to_standard"], RATING["up_to_standard"])
    rating = np.where(slot < 3, annual, party).astype(np.uint8)
    return {"cadre": cadre, "kind": kind, "period": period, "rank": rank, "group_size": group, "rating": rating}


def screening_cadrekit(d: Dict[str, np.ndarray]) -> Any:
    return assessment.screen_columns(d["cadre"], d["kind"], d["period"], d["rank"], d["group_size"],
                                     d["rating"], as_of=AS_OF_SCREEN, policy=POLICY)


def screening_frames(d: Dict[str, np.ndarray]) -> pd.DataFrame:
    return pd.DataFrame(d)


# The shape of each assessment rule (docs/assessment.md); the numbers come from the policy.
SCREEN_RULES = {
    "annual_bottom": ("annual", "bottom", "consecutive", "assessment.red_line.annual_bottom_years"),
    "incompetent_demote": ("annual", "incompetent", "latest", "assessment.red_line.incompetent_demote_times"),
    "incompetent_dismiss": ("annual", "incompetent", "consecutive", "assessment.red_line.incompetent_dismiss_years"),
    "key_work_bottom": ("key_work", "bottom", "consecutive", "assessment.red_line.key_work_bottom_times"),
    "party_conduct_fail": ("party_conduct", "not_up_to_standard", "consecutive",
                           "assessment.red_line.party_conduct_fail_times"),
    "review_unsatisfactory": ("review", "unsatisfied", "latest", "assessment.red_line.review_unsatisfactory_times"),
}


def screening_pandas(records: pd.DataFrame) -> pd.DataFrame:
    """Every assessment red line that fires: a trailing run of consecutive qualifying periods
    (a gap in the periods breaks it), or enough qualifying records among the latest."""
    a = AS_OF_SCREEN
    require("assessment.bottom.rule", a, "share")
    share = frac(param("assessment.bottom.share", a))
    gap_breaks = bool(param("assessment.red_line.gap_breaks_consecutive", a))
    df = records[records["period"] < (a.year + 1) * 100]
    in_force = {n.removeprefix("assessment.rule.") for n in POLICY.parameter_names()
                if n.startswith("assessment.rule.")}
    out = []
    for rule_id, (kind, when, how, n_param) in SCREEN_RULES.items():
        if rule_id not in in_force:
            continue
        need = int(param(n_param, a))
        sub = df[df["kind"] == KIND[kind]].sort_values(["cadre", "period"], kind="stable")
        if sub.empty:
            continue
        if when == "bottom":  # in the bottom ⌈share × group⌉ places
            m = (share.numerator * sub["group_size"] + share.denominator - 1) // share.denominator
            q = (sub["rank"] > 0) & (sub["rank"] > sub["group_size"] - m)
        else:
            q = sub["rating"] == RATING[when]
        cadre, period, qv = sub["cadre"].to_numpy(), sub["period"].to_numpy(), q.to_numpy()
        if how == "consecutive":
            same = cadre[1:] == cadre[:-1]
            y0, n0, y1, n1 = period[:-1] // 100, period[:-1] % 100, period[1:] // 100, period[1:] % 100
            follows = np.where((n0 == 0) | (n1 == 0), (n0 == 0) & (n1 == 0) & (y1 == y0 + 1),
                               ((y1 == y0) & (n1 == n0 + 1)) | ((y1 == y0 + 1) & (n1 == 1)))
            linked = same & qv[1:] & qv[:-1] & (follows | (not gap_breaks))
            run = np.concatenate([[True], ~linked]).cumsum()
            runs = pd.DataFrame({"cadre": cadre, "period": period, "q": qv, "run": run}).groupby("run").agg(
                cadre=("cadre", "first"), first=("period", "first"), last=("period", "last"),
                count=("period", "size"), q=("q", "first"))
            last = runs.groupby("cadre").tail(1)
            hits = last[last["q"] & (last["count"] >= need)]
        else:  # "latest": the latest record of the kind (within=1, times=need)
            latest = sub.assign(q=qv).groupby("cadre").tail(1)
            hits = latest[latest["q"]].assign(first=lambda x: x["period"], last=lambda x: x["period"], count=1)
            hits = hits[hits["count"] >= need]
        out.append(pd.DataFrame({"cadre": hits["cadre"].to_numpy(), "rule_id": rule_id,
                                 "first": hits["first"].to_numpy(), "last": hits["last"].to_numpy(),
                                 "count": hits["count"].to_numpy()}))
    res = pd.concat(out, ignore_index=True)
    return res.sort_values(["cadre", "rule_id"], kind="stable").reset_index(drop=True)


def screening_agree(ck: Any, pdres: pd.DataFrame) -> None:
    ids = np.array(ck["rule_ids"], dtype=object)
    a = pd.DataFrame({"cadre": ck["cadre"], "rule_id": ids[ck["rule"].astype(np.int64)] if len(ck["rule"]) else [],
                      "first": ck["first_period"], "last": ck["last_period"], "count": ck["count"]})
    a = a.sort_values(["cadre", "rule_id"], kind="stable").reset_index(drop=True)
    if len(a) != len(pdres):
        raise AssertionError(f"screening: {len(a)} hits vs {len(pdres)}")
    for c in a.columns:
        x, y = a[c].to_numpy(), pdres[c].to_numpy()
        if c != "rule_id":
            x, y = x.astype(np.int64), y.astype(np.int64)
        if not (x == y).all():
            raise AssertionError(f"screening: column {c} differs")
    if len(a) == 0:
        raise AssertionError("screening: no red line fired; the data exercise nothing")


# ---------------------------------------------------------------------------------------------
# Team structure (HURE.5): n members in random team order, ten to a team on average.

AS_OF_TALENT = dt.date(2016, 9, 22)


def talent_data(n: int, seed: int = 2016) -> Dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    b0 = (dt.date(1955, 1, 1) - EPOCH).days
    birth = (b0 + rng.integers(0, 40 * 365, n)).astype(np.int32)
    # Birthdays on the day the young limit turns, and on 29 February.
    limit = int(param("talent.team.young_max_age", AS_OF_TALENT))
    birth[::53] = (dt.date(AS_OF_TALENT.year - limit - 1, AS_OF_TALENT.month, AS_OF_TALENT.day) - EPOCH).days
    birth[1::59] = (dt.date(AS_OF_TALENT.year - limit - 1, AS_OF_TALENT.month, AS_OF_TALENT.day + 1) - EPOCH).days
    birth[2::61] = (dt.date(1980, 2, 29) - EPOCH).days
    return {"team": rng.integers(0, max(n // 10, 1), n).astype(np.int32),
            "sex": np.where(rng.integers(0, 4, n) == 0, 2, 1).astype(np.uint8),
            "birth_date": birth,
            "ethnicity": np.where(rng.integers(0, 5, n) == 0, rng.integers(2, 57, n), 1).astype(np.uint8),
            "political_status": np.where(rng.integers(0, 6, n) == 0, rng.integers(3, 14, n),
                                         rng.integers(1, 3, n)).astype(np.uint8)}


def talent_cadrekit(d: Dict[str, np.ndarray]) -> Any:
    return talent.team_structure_columns(d["team"], d["sex"], d["birth_date"], d["ethnicity"],
                                         d["political_status"], as_of=AS_OF_TALENT,
                                         n_teams=max(len(d["team"]) // 10, 1), policy=POLICY)


def talent_frames(d: Dict[str, np.ndarray]) -> Any:
    members = pd.DataFrame({"team": d["team"], "sex": d["sex"],
                            "birth_date": d["birth_date"].astype("datetime64[D]"),
                            "ethnicity": d["ethnicity"], "political_status": d["political_status"]})
    return members, max(len(d["team"]) // 10, 1)


def talent_pandas(frames: Any) -> Dict[str, np.ndarray]:
    members, n_teams = frames
    a = AS_OF_TALENT
    require("talent.age.counting", a, "whole_years")
    limit = int(param("talent.team.young_max_age", a))
    m = members
    b = m["birth_date"].dt
    # 周岁: the as-of year minus the birth year, less one before the birthday (29 February counts
    # from 1 March in a common year, which the (month, day) comparison gives).
    before = (b.month > a.month) | ((b.month == a.month) & (b.day > a.day))
    age = a.year - b.year - before.astype(np.int64)
    flags = pd.DataFrame({"team": m["team"], "size": 1, "young": age <= limit, "women": m["sex"] == 2,
                          "minority": m["ethnicity"] != 1, "non_party": m["political_status"] > 2})
    counts = flags.groupby("team").sum().reindex(range(n_teams), fill_value=0)
    out = {c: counts[c].to_numpy(np.int32) for c in ("size", "young", "women", "minority", "non_party")}
    gaps = np.zeros(n_teams, dtype=np.uint8)
    for bit, c in enumerate(("young", "women", "minority", "non_party")):
        gaps |= np.where(out[c] < int(param(f"talent.team.min_{c}", a)), 1 << bit, 0).astype(np.uint8)
    out["gaps"] = gaps
    return out


def talent_agree(a: Dict[str, np.ndarray], b: Dict[str, np.ndarray]) -> None:
    for c in ("size", "young", "women", "minority", "non_party", "gaps"):
        x, y = np.asarray(a[c]).astype(np.int64), np.asarray(b[c]).astype(np.int64)
        if x.shape != y.shape or not (x == y).all():
            raise AssertionError(f"team structure: column {c} differs")
    if not np.asarray(a["gaps"]).any() or not np.asarray(a["young"]).any():
        raise AssertionError("team structure: the data exercise no gap or no young member")


# ---------------------------------------------------------------------------------------------
# Working days on arrays of dates: n (date, k) rows, dates 2009–2023, k in [-250, 250] (every
# answer inside the calendar's coverage 2007–2026; the shapes of bench_scaling.cpp's).

CAL = cadrekit.WorkCalendar.china()
HOLIDAY_CSV = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "calendars",
                           "cn_holidays.csv")


def workdays_data(n: int, seed: int = 2016) -> Dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    start = np.datetime64("2009-01-01", "D")
    return {"from": start + rng.integers(0, 5479, n).astype("timedelta64[D]"),
            "n": rng.integers(-250, 251, n).astype(np.int32)}


def workdays_cadrekit(d: Dict[str, np.ndarray]) -> np.ndarray:
    return CAL.add_working_days_array(d["from"], d["n"])


def workdays_frames(d: Dict[str, np.ndarray]) -> Any:
    # The analyst's inputs: the rows as a DataFrame, and the State Council's notices as published
    # (the holiday-cn CSV that cadrekit embeds), loaded once.
    notices = pd.read_csv(HOLIDAY_CSV, parse_dates=["date"])
    return pd.DataFrame({"from": d["from"], "n": d["n"]}), notices


def workdays_pandas(frames: Any) -> np.ndarray:
    """The sorted array of every working day of the covered years (weekends off, the notices'
    holidays off, their make-up days on), then searchsorted: the k-th working day strictly after
    d (k > 0) or before it (k < 0). NumPy's busday_offset cannot express make-up workdays."""
    df, notices = frames
    years = notices.loc[notices["is_off_day"], "date"].dt.year
    days = pd.date_range(f"{years.min()}-01-01", f"{years.max()}-12-31", freq="D")
    working = pd.Series(days.dayofweek < 5, index=days)
    announced = notices.set_index("date")["is_off_day"]
    announced = announced[announced.index.isin(days)]
    working.loc[announced.index] = ~announced.to_numpy()
    wd = days[working.to_numpy()].to_numpy().astype("datetime64[D]")
    frm = df["from"].to_numpy().astype("datetime64[D]")
    k = df["n"].to_numpy().astype(np.int64)
    idx = np.where(k > 0, np.searchsorted(wd, frm, side="right") + k - 1, np.searchsorted(wd, frm, side="left") + k)
    if ((idx < 0) | (idx >= len(wd))).any():
        raise ValueError("a date leaves the covered years")
    return np.where(k == 0, frm, wd[np.clip(idx, 0, len(wd) - 1)])


def workdays_agree(a: np.ndarray, b: np.ndarray) -> None:
    x, y = np.asarray(a).astype("datetime64[D]").view(np.int64), np.asarray(b).astype("datetime64[D]").view(np.int64)
    if not np.array_equal(x, y):
        bad = int(np.flatnonzero(x != y)[0])
        raise AssertionError(f"workdays: row {bad} differs: {a[bad]} vs {b[bad]}")


# ---------------------------------------------------------------------------------------------
# 三龄 of n people as of one date: 40 % not party members (NaT), 10 % without a work start date.

AS_OF_AGES = dt.date(2016, 9, 22)


def three_ages_data(n: int, seed: int = 2016) -> Dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    t = np.datetime64(AS_OF_AGES, "D")
    lo = np.datetime64("1950-01-01", "D")
    birth = lo + rng.integers(0, int((t - lo).astype(int)) - 18 * 366, n).astype("timedelta64[D]")
    birth[: min(n, 50)] = np.datetime64("1960-02-29")  # leap-day births
    adult = birth + np.timedelta64(18 * 366, "D")
    span = (t - adult).astype(np.int64) + 1
    party = adult + (rng.random(n) * span).astype(np.int64).astype("timedelta64[D]")
    work = adult + (rng.random(n) * span).astype(np.int64).astype("timedelta64[D]")
    party[rng.random(n) < 0.4] = np.datetime64("NaT")
    work[rng.random(n) < 0.1] = np.datetime64("NaT")
    return {"birth_date": birth, "party_joined": party, "work_started": work}


def three_ages_cadrekit(d: Dict[str, np.ndarray]) -> Dict[str, np.ndarray]:
    return cadrekit.three_ages_columns(d["birth_date"], d["party_joined"], d["work_started"], as_of=AS_OF_AGES)


def three_ages_frames(d: Dict[str, np.ndarray]) -> pd.DataFrame:
    return pd.DataFrame(d)


def three_ages_pandas(people: pd.DataFrame) -> Dict[str, np.ndarray]:
    """Whole years: the difference of the years, minus one where this year's anniversary has not
    come yet — comparing (month, day), so a 29 February anniversary falls on 1 March in common
    years (docs/person.md). NaT gives -1."""
    t = AS_OF_AGES

    def years(s: pd.Series) -> np.ndarray:
        m, d = s.dt.month, s.dt.day
        not_yet = (m > t.month) | ((m == t.month) & (d > t.day))
        return (t.year - s.dt.year - not_yet).fillna(-1).astype(np.int32).to_numpy()

    return {"age": years(people["birth_date"]), "party_years": years(people["party_joined"]),
            "work_years": years(people["work_started"])}


def three_ages_agree(a: Dict[str, np.ndarray], b: Dict[str, np.ndarray]) -> None:
    for k in ("age", "party_years", "work_years"):
        if not np.array_equal(np.asarray(a[k]).astype(np.int64), np.asarray(b[k]).astype(np.int64)):
            bad = int(np.flatnonzero(np.asarray(a[k]) != np.asarray(b[k]))[0])
            raise AssertionError(f"three_ages: {k} differs at row {bad}: {a[k][bad]} vs {b[k][bad]}")


# ---------------------------------------------------------------------------------------------

OPS: Dict[str, Dict[str, Callable[..., Any]]] = {
    "village": {"data": village_data, "ck": village_cadrekit, "frames": village_frames,
                "pd": village_pandas, "agree": village_agree,
                "ck_out": village_cadrekit_out, "alloc_out": village_out,
                "what": "village pay sheet (village.pay_columns), rows = principals"},
    "audit": {"data": audit_data, "ck": audit_cadrekit, "frames": audit_frames, "pd": audit_pandas,
              "agree": audit_agree, "ck_out": audit_cadrekit_out, "alloc_out": audit_out,
              "what": "audit tiering (audit.tier_columns), rows = units"},
    "screening": {"data": screening_data, "ck": screening_cadrekit, "frames": screening_frames,
                  "pd": screening_pandas, "agree": screening_agree,
                  "what": "red-line screening (assessment.screen_columns), rows = records"},
    "talent": {"data": talent_data, "ck": talent_cadrekit, "frames": talent_frames, "pd": talent_pandas,
               "agree": talent_agree, "rows": lambda d: len(d["team"]),
               "what": "team structure (talent.team_structure_columns), rows = members"},
    "workdays": {"data": workdays_data, "ck": workdays_cadrekit, "frames": workdays_frames,
                 "pd": workdays_pandas, "agree": workdays_agree, "rows": lambda d: len(d["from"]),
                 "what": "working days on arrays of dates (WorkCalendar.add_working_days_array), rows = dates"},
    "three_ages": {"data": three_ages_data, "ck": three_ages_cadrekit, "frames": three_ages_frames,
                   "pd": three_ages_pandas, "agree": three_ages_agree, "rows": lambda d: len(d["birth_date"]),
                   "what": "三龄 of many people (cadrekit.three_ages_columns), rows = people"},
}


def rows_of(op: str, d: Dict[str, np.ndarray]) -> int:
    if "rows" in OPS[op]:
        return OPS[op]["rows"](d)
    return len(d["principal_village"] if op == "village" else d["budget_fen"] if op == "audit" else d["cadre"])


def input_bytes(d: Dict[str, np.ndarray]) -> int:
    return int(sum(a.nbytes for a in d.values()))


def best_of(f: Callable[[], Any], repeat: int) -> tuple:
    """(best CPU time, best wall time, result) over `repeat` calls. CPU time of this process:
    the machine is shared, and both cadrekit and pandas compute on this one thread."""
    best, wall, out = float("inf"), float("inf"), None
    for _ in range(repeat):
        gc.collect()
        c, t = time.process_time(), time.perf_counter()
        out = f()
        best = min(best, time.process_time() - c)
        wall = min(wall, time.perf_counter() - t)
    return max(best, 1e-6), wall, out


def compare(op: str, n: int) -> Dict[str, Any]:
    o = OPS[op]
    d = o["data"](n)
    rows = rows_of(op, d)
    # One untimed call first (Google Benchmark, the C++ side, also times warm iterations only),
    # then the best of several; pandas likewise up to 10^6 rows (at 10^7 one call each).
    repeat = 5 if rows <= 1_000_000 else 1
    o["ck"](d)
    t_ck, w_ck, ck = best_of(lambda: o["ck"](d), repeat)
    frames = o["frames"](d)
    t_pd, w_pd, pdres = best_of(lambda: o["pd"](frames), 3 if rows <= 1_000_000 else 1)
    o["agree"](ck, pdres)
    r = {"op": op, "rows": rows, "cadrekit_s": t_ck, "pandas_s": t_pd, "ratio": t_pd / t_ck,
         "cadrekit_wall_s": w_ck, "pandas_wall_s": w_pd, "agree": True}
    if "ck_out" in o:
        # The same call writing into preallocated outputs (out=), like the C++ benchmark, which
        # reuses its buffers: the like-for-like figure for "Python ≥ 0.7 × C++".
        out = o["alloc_out"](d)
        t_out, w_out, ck_out = best_of(lambda: o["ck_out"](d, out), repeat)
        o["agree"](ck_out, pdres)
        r.update({"cadrekit_out_s": t_out, "cadrekit_out_wall_s": w_out})
    return r


def status_kb(key: str) -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    raise KeyError(key)


def memory(op: str, n: int) -> Dict[str, Any]:
    """Peak memory of one batch call above the process's memory just before it (the outputs
    included), against the bytes of its input columns. VmHWM is reset before the call."""
    o = OPS[op]
    d = o["data"](n)
    o["ck"](o["data"](1000))  # warm on a small input: the policy's parameters, code pages
    gc.collect()
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")  # resets VmHWM to the current RSS
        reset = True
    except OSError:
        reset = False
    before = status_kb("VmRSS")
    res = o["ck"](d)
    peak = status_kb("VmHWM")
    extra = max(peak - before, 0) * 1024
    inp = input_bytes(d)
    del res
    return {"op": op, "rows": rows_of(op, d), "input_bytes": inp, "peak_extra_bytes": extra,
            "peak_over_input": (inp + extra) / inp, "hwm_reset": reset}


def memory_in_subprocess(op: str, n: int) -> Dict[str, Any]:
    # A fixed mmap threshold: large blocks are mapped and unmapped, so memory freed while the data
    # were generated is not silently reused by the call (which would hide its peak).
    env = dict(os.environ, MALLOC_MMAP_THRESHOLD_="131072", MALLOC_TRIM_THRESHOLD_="131072")
    out = subprocess.run([sys.executable, os.path.abspath(__file__), "--mem", op, str(n)],
                         check=True, capture_output=True, text=True, env=env).stdout
    return json.loads(out.strip().splitlines()[-1])


def main(argv: List[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000,1000000,10000000")
    ap.add_argument("--ops", default=",".join(OPS))
    ap.add_argument("--json", help="write the figures to this file")
    ap.add_argument("--no-mem", action="store_true")
    ap.add_argument("--mem", nargs=2, metavar=("OP", "N"))
    ap.add_argument("--smoke", action="store_true")
    args = ap.parse_args(argv)
    if args.mem:
        print(json.dumps(memory(args.mem[0], int(args.mem[1]))))
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    ops = args.ops.split(",")
    if args.smoke:
        sizes = [2000]
    res: Dict[str, List[Dict[str, Any]]] = {"compare": [], "memory": []}
    for op in ops:
        print(f"== {OPS[op]['what']}", flush=True)
        for n in sizes:
            r = compare(op, n)
            res["compare"].append(r)
            print(f"  {r['rows']:>10,} rows (CPU time): cadrekit {r['cadrekit_s'] * 1e3:10.2f} ms "
                  f"({r['rows'] / r['cadrekit_s'] / 1e6:7.1f} M rows/s)   pandas {r['pandas_s'] * 1e3:10.1f} ms   "
                  f"pandas/cadrekit {r['ratio']:7.1f}x   agree", flush=True)
            if "cadrekit_out_s" in r:
                print(f"  {'':>10} with out= (preallocated): cadrekit {r['cadrekit_out_s'] * 1e3:10.2f} ms "
                      f"({r['rows'] / r['cadrekit_out_s'] / 1e6:7.1f} M rows/s)", flush=True)
            if not args.no_mem:
                m = memory(op, n) if args.smoke else memory_in_subprocess(op, n)
                res["memory"].append(m)
                print(f"  {m['rows']:>10,} rows: input columns {m['input_bytes'] / 2**20:8.1f} MiB, peak above "
                      f"them during the call {m['peak_extra_bytes'] / 2**20:8.1f} MiB "
                      f"(peak / input {m['peak_over_input']:.2f})", flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(res, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
