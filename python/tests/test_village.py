"""cadrekit.village from Python: the golden cases of tests/golden/village_cases.json (hand-computed
from the source's numbers), as lists of dicts and as DataFrames; the columnar path; selection,
subsidies, budget what-if; errors."""
import datetime as dt
import json
import pathlib
from decimal import Decimal
from fractions import Fraction

import pandas as pd
import pytest

import cadrekit
from cadrekit import village
from village_golden import case_columns

ROOT = pathlib.Path(__file__).resolve().parents[2]
CASES = json.loads((ROOT / "tests" / "golden" / "village_cases.json").read_text(encoding="utf-8"))
PERIODS = ["Q1", "Q2", "Q3", "Q4", ""]


def actions_cell(actions):
    """A line's actions as a table writes them (the command line's CSV, a DataFrame):
    kind:due;kind:due, from the records' list (due a date) or the JSON's (due ISO text)."""
    return ";".join(f"{a['kind']}:{a['due']}" for a in actions)


def inputs(case):
    scores = []
    for row in case["scores"]:
        for i, s in enumerate(row[1:]):
            if s is not None:
                scores.append({"village_id": row[0], "period": f"{case['year']}{PERIODS[i]}", "score": s})
    return case["villages"], case["principals"], scores


def policy_of(case):
    if "policy_yaml" in case:
        return cadrekit.Policy.loads(case["policy_yaml"])
    return None


def check_sheet(sheet, case):
    recs = sheet.to_records()
    want = case["expect_lines"]
    assert [r["cadre_id"] for r in recs] == [w["cadre_id"] for w in want]
    for r, w in zip(recs, want):
        assert r["base"] == Decimal(w["base"]), r["cadre_id"]
        assert r["performance"] == Decimal(w["performance"]), r["cadre_id"]
        assert r["total"] == Decimal(w["total"]), r["cadre_id"]
        assert isinstance(r["total"], Decimal)
        assert r["team_grade"] == w["team_grade"] and r["team_grade_zh"] == w["team_grade_zh"]
        assert r["grade"] == w["grade"] and r["grade_zh"] == w["grade_zh"]
        assert [(a["kind"], a["due"].isoformat()) for a in r["actions"]] == [tuple(a) for a in w["actions"]]
        assert {"cadre_id", "village_id", "township", "base", "performance", "total", "team_grade", "grade",
                "actions"} <= set(r)
    for got, w in zip(sheet.villages(), case["expect_villages"]):
        assert got["village_id"] == w["village_id"]
        assert got["rank"] == w["rank"]
        assert got["team_grade"] == w["team_grade"] and got["team_grade_zh"] == w["team_grade_zh"]
        assert got["composite"] == (None if w["composite"] is None else Fraction(Decimal(w["composite"])))
    towns = sheet.townships()
    assert [t["township"] for t in towns] == [t["township"] for t in case["expect_townships"]]
    for got, w in zip(towns, case["expect_townships"]):
        for k in ("villages", "principals"):
            assert got[k] == w[k]
        for k in ("base", "performance", "total"):
            assert got[k] == Decimal(w[k])
    b = sheet.banner
    for k in ("base", "performance", "total"):
        assert b[k] == Decimal(case["expect_banner"][k])
    assert b["principals"] == case["expect_banner"]["principals"]


@pytest.mark.parametrize("case", CASES["pay_sheets"], ids=[c["name"][:30] for c in CASES["pay_sheets"]])
def test_pay_sheet_golden_lists_of_dicts(case):
    v, p, s = inputs(case)
    check_sheet(village.pay_sheet(v, p, s, case["year"], policy=policy_of(case)), case)


@pytest.mark.parametrize("case", CASES["pay_sheets"], ids=[c["name"][:30] for c in CASES["pay_sheets"]])
def test_pay_sheet_golden_dataframes(case):
    v, p, s = inputs(case)
    pdf = pd.DataFrame(p)
    pdf["served_from"] = pd.to_datetime(pdf["served_from"])
    pdf["served_to"] = pd.to_datetime(pdf["served_to"])  # None -> NaT: still serving
    sdf = pd.DataFrame(s)
    sdf["score"] = [Decimal(x) for x in sdf["score"]]
    sheet = village.pay_sheet(pd.DataFrame(v), pdf, sdf, case["year"], policy=policy_of(case))
    check_sheet(sheet, case)
    df = sheet.to_pandas()
    assert list(df["cadre_id"]) == [w["cadre_id"] for w in case["expect_lines"]]
    assert df["total"].sum() == Decimal(case["expect_banner"]["total"])


@pytest.mark.parametrize("case", CASES["pay_sheets"], ids=[c["name"][:30] for c in CASES["pay_sheets"]])
def test_pay_sheet_golden_dataframes_of_text(case):
    # ISO strings and None in object columns, scores as strings, one input still a list
    v, p, s = inputs(case)
    check_sheet(village.pay_sheet(pd.DataFrame(v), pd.DataFrame(p), s, case["year"], policy=policy_of(case)), case)


def test_dataframe_errors_match_rows():
    v = pd.DataFrame([{"village_id": "V", "name": "V", "township": "T", "population": 1}])
    p = pd.DataFrame([{"cadre_id": "P1", "name": "x", "village_id": "nowhere", "post": "secretary",
                       "served_from": dt.date(2016, 1, 1), "served_to": None}])
    with pytest.raises(cadrekit.InvalidInput) as e:
        village.pay_sheet(v, p, pd.DataFrame(columns=["village_id", "period", "score"]), 2016)
    assert e.value.field == "village_id" and e.value.record == "P1"
    p2 = p.assign(village_id="V", served_from=[None])
    with pytest.raises(cadrekit.InvalidInput, match="served_from"):
        village.pay_sheet(v, p2, [], 2016)
    with pytest.raises(cadrekit.InvalidInput, match="population"):
        village.pay_sheet(v.assign(population=["many"]), p, [], 2016)


def test_explanations_name_rules_and_no_names():
    case = CASES["pay_sheets"][0]
    v, p, s = inputs(case)
    ex = village.pay_sheet(v, p, s, 2016).explanations()[2]  # P3, 一肩挑
    ids = {r.rule_id for r in ex.rules}
    assert {"village.base_pay.band", "village.both_posts", "village.grade.by_share", "village.performance_pay"} <= ids
    assert "village.performance_pay.excellent" in {q.name for q in ex.parameters}
    assert "丙" not in ex.to_json()


@pytest.mark.parametrize("c", CASES["quota"])
def test_quota(c):
    assert village.selection_quota(c["n"], c["year"]) == c["expect"]


@pytest.mark.parametrize("c", CASES["funnel"])
def test_funnel(c):
    f = village.funnel(c["places"])
    assert f == {"places": c["places"], "initial": c["initial"], "prospective": c["prospective"],
                 "formal": c["formal"]}
    assert village.funnel(c["places"], year=2016) == f


@pytest.mark.parametrize("c", CASES["allocate"])
def test_allocate(c):
    assert village.allocate_quota(c["per"], c["quota"]) == c["expect"]


def test_what_if():
    w = CASES["what_if"]
    case = CASES["pay_sheets"][w["sheet"]]
    v, p, s = inputs(case)
    r = village.budget_what_if(v, p, s, 2016, policy=None, other=cadrekit.Policy.loads(w["excellent_yaml"]), holders=w["holders"])
    for side in ("a", "b"):
        for k, val in w[side].items():
            assert r[side][k] == Decimal(val), (side, k)
    assert r["b"]["policy"] == "what-if"
    assert r["year"] == 2016
    for k in ("base", "performance", "public_institution", "subsidies", "total"):
        assert r["difference"][k] == r["b"][k] - r["a"][k], k


def test_columns_agree_with_golden():
    case = CASES["pay_sheets"][1]
    towns = sorted({x["township"] for x in case["villages"]})
    ps = case["principals"]
    vt, pop, sc, pres, pv, post, f, t = case_columns(case)
    out = village.pay_columns(vt, pop, sc, pres, pv, post, f, t, 2016)
    want = {w["cadre_id"]: int(Decimal(w["total"]) * 100) for w in case["expect_lines"]}
    for i, x in enumerate(ps):
        assert out["total_fen"][i] == want.get(x["cadre_id"], 0), x["cadre_id"]
    assert list(out["village_rank"][:4]) == [1, 1, 1, 4]
    # townships as a categorical column of names: the same sheet
    names = pd.Categorical([x["township"] for x in case["villages"]], categories=towns)
    by_name = village.pay_columns(pd.Series(names), pop, sc, pres, pv, post, f, t, 2016)
    for k in out:
        assert list(by_name[k]) == list(out[k]), k


def test_eligibility_and_checks_and_renewals_and_subsidies():
    res = village.eligibility([
        {"cadre_id": "E1", "post": "secretary", "in_post_since": dt.date(2012, 1, 1), "birth_date": dt.date(1970, 1, 1),
         "grades": {2015: "优秀"}},
        {"cadre_id": "E3", "post": "both", "in_post_since": dt.date(2010, 1, 1), "birth_date": dt.date(1960, 5, 31)},
    ], as_of=dt.date(2016, 6, 1))
    assert res[0]["eligible"] and res[0]["failed"] == []
    assert res[1]["failed"] == ["village.selection.max_age"]
    probs = village.check_lists(2016, 1, {
        "eligible": ["a", "b", "c", "d"], "eligible_publicised_on": "2016-06-06", "initial_on": "2016-06-14",
        "initial": ["a", "b", "c"], "prospective": ["a", "b"], "formal": ["a", "b"], "selected": ["a"]})
    assert probs == []
    probs = village.check_lists(2016, 1, {
        "eligible": ["a", "b", "c", "d"], "eligible_publicised_on": "2016-06-06", "initial_on": "2016-06-13",
        "initial": ["a", "b", "c"], "prospective": ["a", "b"], "formal": ["a", "b"], "selected": ["a"]})
    assert [(p["stage"], p["code"]) for p in probs] == [("initial", "publicity")]
    r = village.renewals([{"cadre_id": "H1", "in_post": True, "grade": "优秀"},
                          {"cadre_id": "H2", "in_post": True, "grade": "不合格"}], 2016)
    assert [(x["renewed"], x["reason"]) for x in r] == [(True, "renewed"), (False, "unqualified")]
    subs = village.subsidies(pd.DataFrame([
        {"cadre_id": "C2", "village_id": "V1", "served_from": dt.date(2006, 7, 1), "served_to": dt.date(2016, 6, 30)},
        {"cadre_id": "C6", "village_id": "V7", "served_from": dt.date(2006, 7, 15), "served_to": dt.date(2016, 6, 30)},
    ]), 2016)
    assert [(s["months"], s["eligible"], s["newly_eligible"], s["amount"]) for s in subs] == [
        (120, True, True, Decimal("1200.00")), (119, False, False, Decimal("0.00"))]


def test_errors_name_field_and_record():
    v = [{"village_id": "V", "name": "V", "township": "T", "population": 1}]
    with pytest.raises(cadrekit.InvalidInput) as e:
        village.pay_sheet(v, [{"cadre_id": "P1", "name": "x", "village_id": "nowhere", "post": "secretary",
                               "served_from": dt.date(2016, 1, 1), "served_to": None}], [], 2016)
    assert e.value.field == "village_id" and e.value.record == "P1"
    with pytest.raises(cadrekit.InvalidInput):
        village.pay_sheet(v, [{"cadre_id": "P1", "name": "x", "village_id": "V", "post": "chief",
                               "served_from": dt.date(2016, 1, 1), "served_to": None}], [], 2016)
    with pytest.raises(cadrekit.InvalidInput):
        village.pay_sheet(v, [], [{"village_id": "V", "period": "2016Q9", "score": 1}], 2016)
    with pytest.raises(cadrekit.InvalidInput):
        village.allocate_quota({"A": 2}, 3)
    with pytest.raises(cadrekit.InvalidInput):
        village.funnel(-1)
    with pytest.raises(cadrekit.PolicyError):
        village.pay_sheet(v, [], [], 2015)


def test_publicity_windows_seven_calendar_days():
    got = village.publicity_windows(2016)
    assert [(a.isoformat(), b.isoformat()) for a, b in got] == [tuple(w) for w in CASES["publicity_2016"]]
    # a publication on 30 September runs over the National Day holiday: calendar days
    got = village.publicity_windows(2016, [dt.date(2016, 4, 5), dt.date(2016, 7, 4), dt.date(2016, 9, 30),
                                           dt.date(2017, 1, 3)])
    assert got[2] == (dt.date(2016, 9, 30), dt.date(2016, 10, 6))


@pytest.mark.parametrize("case", CASES["pay_sheets"], ids=[c["name"][:30] for c in CASES["pay_sheets"]])
def test_pay_sheet_golden_dataframes_fast_columns(case):
    # the columns the DataFrame path reads in place: str objects, datetime.date objects (with
    # None), float scores (read by their shortest repr)
    v, p, s = inputs(case)
    pdf = pd.DataFrame(p)
    pdf["served_from"] = [dt.date.fromisoformat(x) for x in pdf["served_from"]]
    pdf["served_to"] = [None if x is None else dt.date.fromisoformat(x) for x in pdf["served_to"]]
    sdf = pd.DataFrame(s)
    sdf["score"] = [float(x) for x in sdf["score"]]
    check_sheet(village.pay_sheet(pd.DataFrame(v), pdf, sdf, case["year"], policy=policy_of(case)), case)


def test_dataframe_path_matches_row_path_byte_for_byte():
    case = CASES["pay_sheets"][0]
    v, p, s = inputs(case)
    rows = village.pay_sheet(v, p, s, 2016)
    frames = village.pay_sheet(pd.DataFrame(v), pd.DataFrame(p), pd.DataFrame(s).astype({"score": str}), 2016)
    assert repr(rows.to_records()) == repr(frames.to_records())
    assert [e.to_json() for e in rows.explanations()] == [e.to_json() for e in frames.explanations()]


def test_selection_allocation_honours_the_policy():
    per = {"A": 10, "B": 6, "C": 4}
    t = village.selection_allocation(per, 2016, quota=11)
    assert (t["method"], t["quota"], t["allocation"]) == ("township", 11, {"A": 6, "B": 3, "C": 2})
    banner = cadrekit.Policy.loads("profile: banner-test\nextends: tongliao-2016\nparameters:\n"
                                   "  village.selection.allocation:\n    values:\n      2016-01-01: banner\n")
    b = village.selection_allocation(per, 2016, policy=banner)
    assert (b["method"], b["quota"], b["allocation"]) == ("banner", 1, {})  # 5 % of 20 = 1
    with pytest.raises(cadrekit.InvalidInput):
        village.selection_allocation(per, 2016, policy=banner, quota=21)
