"""cadrekit.audit.plan with re-tiering inside the horizon (HOLINGOL.3): special funds and
reviews change units' levels; each year's shares, windows and obligations use the level in
force that year. The golden case tests/golden/audit_retier_plan_{request.json,expect.tsv} is
shared with the C++ and C tests."""
import datetime as dt
import json
import pathlib
from decimal import Decimal

import pandas as pd
import pytest

import cadrekit
from cadrekit import audit

GOLDEN = pathlib.Path(__file__).resolve().parents[2] / "tests" / "golden"


def golden():
    req = json.loads((GOLDEN / "audit_retier_plan_request.json").read_text(encoding="utf-8"))
    rows = [ln.rstrip("\n").split("\t")
            for ln in (GOLDEN / "audit_retier_plan_expect.tsv").read_text(encoding="utf-8").splitlines(True)
            if ln.strip() and not ln.startswith("#")][1:]
    return req, rows


def args(req):
    funds = pd.DataFrame([{
        "unit_id": f["unit_id"], "date": dt.date.fromisoformat(f["date"]), "amount": f["amount"],
        "completed": dt.date.fromisoformat(f["completed"]) if "completed" in f else None,
        "finding": f.get("finding")} for f in req["funds"]])
    return dict(units=req["units"], audits=[], terms=[], first_year=req["first_year"],
                last_year=req["last_year"]), funds, req["reviews"]


def test_golden_retier_plan():
    req, rows = golden()
    a, funds, reviews = args(req)
    p = audit.plan(**a, capacity=req["capacity"], seed=req["seed"], funds=funds, reviews=reviews)
    recs = {(r["unit_id"], r["year"]): r for r in p.to_records()}
    levels = {u["unit_id"]: [str(u["level"])] * 5 for u in req["units"]}
    q = {}
    for row in rows:
        key = row[0]
        if key in ("min_capacity", "lower_bound", "lower_bound_year"):
            assert getattr(p, key) == int(row[1]), key
        elif key == "min_capacity_proven":
            assert p.min_capacity_proven is (row[1] == "true")
        elif key == "feasible":
            assert p.feasible is (row[1] == "true")
        elif key == "obligation":
            assert recs[(row[1], int(row[2]))]["kind"] == row[3], row
        elif key == "referral":
            assert [(r["unit_id"], r["date"], r["finding"]) for r in p.referrals] == [
                (row[1], dt.date.fromisoformat(row[2]), "referred")]
        elif key in ("level1_share", "level2_share"):
            q[key] = [int(x) for x in row[1].split(",")]
        elif key == "levels":
            levels[row[1]] = row[2].split(",")
        else:
            pytest.fail(f"unknown key {key}")
    for i, y in enumerate(range(2017, 2022)):
        year = [r for r in p.to_records() if r["year"] == y]
        assert len(year) <= 6
        lv = [levels[r["unit_id"]][i] for r in year]
        assert lv.count("1") >= q["level1_share"][i], y
        assert lv.count("2") >= q["level2_share"][i], y
        assert sum(1 for r in year if levels[r["unit_id"]][i] == "3" and r["kind"] == "sample") >= 1
    assert "re-tiered 2018-07-01" in recs[("C2", 2018)]["reason"]
    assert any(r.rule_id == "audit.plan.retier" for r in p.explanation.rules)
    assert audit.verify_plan(p, **a, funds=funds, reviews=reviews) == []
    # The checker uses the level in force: in 2019 A3 (now level 2) does not count for level 1.
    hand = [r for r in p.to_records()
            if not (r["year"] == 2019 and r["unit_id"] in ("A1", "A2", "A3", "B1"))]
    hand.append({"year": 2019, "unit_id": "A3", "kind": "in_term"})
    b = audit.verify_plan(hand, **a, funds=funds, reviews=reviews)
    assert any(x["rule"] == "level1.share" and x["year"] == 2019 for x in b)
    assert any(x["rule"] == "special.funds_due" and x["unit_id"] == "B1" and x["year"] == 2019
               for x in b)


def test_funds_due_years_and_errors():
    units = [{"unit_id": "S", "level": 3}, {"unit_id": "T", "level": 3}]

    def due(funds, audits=(), **kw):
        b = audit.verify_plan([], units if not kw else kw["units"], list(audits), [], 2017, 2021,
                              funds=funds)
        return sorted(x["year"] for x in b if x["rule"] == "special.funds_due")

    assert due([{"unit_id": "S", "date": dt.date(2017, 1, 1), "amount": Decimal("1000000")}]) == [2018]
    assert due([{"unit_id": "S", "date": "2017-01-02", "amount": 1_000_000}]) == [2019]
    assert due([{"unit_id": "S", "date": "2015-01-01", "amount": "100万"}]) == [2017]
    assert due([{"unit_id": "S", "date": "2015-01-01", "amount": "100万"}],
               [{"unit_id": "S", "date": "2015-03-01"}]) == []
    # the old field still works beside the events
    old = [{"unit_id": "S", "level": 3, "special_due_year": 2020}, {"unit_id": "T", "level": 3}]
    assert due([{"unit_id": "S", "date": "2018-01-01", "amount": "2千万"}], units=old) == [2020]
    # several funds of a unit open at once: each its own fund; the small one's audit falls due
    assert due([{"unit_id": "S", "date": "2017-01-01", "amount": "1亿"},
                {"unit_id": "S", "date": "2018-01-01", "amount": "500万"}]) == [2019]
    with pytest.raises(cadrekit.InvalidInput) as e:
        audit.plan(units, [], [], 2017, 2021, 5, 1, funds=[
            {"unit_id": "S", "date": "2017-01-01", "amount": "1亿", "completed": "2018-01-01",
             "finding": "dreadful"}])
    assert e.value.record == "funds[0]"
    with pytest.raises(cadrekit.InvalidInput):
        audit.plan(units, [], [], 2017, 2021, 5, 1, reviews=[{"unit_id": "S", "year": 2018, "level": 9}])
    with pytest.raises(cadrekit.InvalidInput):
        audit.plan(units, [], [], 2017, 2021, 5, 1, funds=[
            {"unit_id": "S", "date": "2017-01-01", "amount": 1.5}])
