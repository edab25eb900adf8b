"""cadrekit.audit.tier_history (HOLINGOL.3): the golden cases of
tests/golden/audit_history_cases.tsv (shared with the C++ and C tests), through the Python
API with Python values (dates, Decimal, DataFrames) rebuilt from each case's JSON request."""
import datetime as dt
import json
import pathlib
from decimal import Decimal

import pandas as pd
import pytest

import cadrekit
from cadrekit import audit

GOLDEN = pathlib.Path(__file__).resolve().parents[2] / "tests" / "golden" / "audit_history_cases.tsv"


def cases():
    rows = [ln.rstrip("\n").split("\t") for ln in open(GOLDEN, encoding="utf-8")
            if ln.strip() and not ln.startswith("#")]
    header, body = rows[0], rows[1:]
    return [dict(zip(header, r)) for r in body]


def pythonic(event):
    """The event with Python values: ISO text → date, money text → str/Decimal kept as text
    (both accepted), ints as ints."""
    out = dict(event)
    if "date" in out:
        out["date"] = dt.date.fromisoformat(out["date"])
    return out


def level(text):
    return "special" if text == "special" else int(text)


@pytest.mark.parametrize("case", cases(), ids=lambda c: c["case"])
def test_golden(case):
    req = json.loads(case["request"])
    events = [pythonic(e) for e in req["events"]]
    on = [dt.date.fromisoformat(d) for d in req.get("level_on", [])]
    if case["status"] != "CK_OK":
        code, record = case["status"].split(":")
        exc = cadrekit.StateError if code == "CK_E_STATE" else cadrekit.InvalidInput
        with pytest.raises(exc) as e:
            audit.tier_history(req["unit_id"], events, level_on=on)
        assert e.value.record == record
        return
    h = audit.tier_history(req["unit_id"], events, level_on=on)
    want = [c.split(" ") for c in case["changes"].split(";")]
    assert [(c["effective"], c["level"], c["kind"]) for c in h["changes"]] == [
        (d, level(lv), k) for d, lv, k in want]
    want_on = [x.split("=") for x in case["levels_on"].split(";")]
    assert [(x["date"], x["level"]) for x in h["levels_on"]] == [(d, level(lv)) for d, lv in want_on]
    refs = [] if case["referrals"] == "-" else case["referrals"].split(";")
    assert [r["date"] for r in h["referrals"]] == refs
    assert all(r["finding"] == "referred" for r in h["referrals"])
    assert h["special_funds_open"] is (case["open"] == "true")


def test_dataframe_decimal_and_explanations():
    events = pd.DataFrame([
        {"event": "start", "date": pd.Timestamp("2016-01-01"), "budget": Decimal("2000000"),
         "complaints": None, "year": None, "amount": None},
        {"event": "special_funds", "date": pd.Timestamp("2016-05-10"), "budget": None,
         "complaints": None, "year": None, "amount": Decimal("200000000")},
        {"event": "review", "date": None, "budget": Decimal("2000000"), "complaints": 1,
         "year": 2017, "amount": None},
    ])
    h = audit.tier_history("D1", events, explain=True, level_on=[dt.date(2016, 12, 31)])
    assert [c["kind"] for c in h["changes"]] == ["initial", "special_funds", "yearly"]
    assert h["levels_on"] == [{"date": "2016-12-31", "level": "special"}]
    assert h["events"][2]["score"] == 4  # complaints alone: level 1 base, special kept
    assert h["changes"][-1]["level"] == "special" and h["special_funds_open"]
    rules = [r.rule_id for r in h["events"][2]["explanation"].rules]
    assert "audit.retier.funds_open" in rules
    with pytest.raises(cadrekit.InvalidInput):
        audit.tier_history("D1", [{"event": "start", "date": dt.date(2016, 1, 1), "budget": 1.5}])
