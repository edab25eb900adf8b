"""cadrekit.assessment.screen_columns with findings: the hand-worked case of
tests/assessment/test_batch_findings.cpp, agreement with screen() on generated data, bad rows."""
import datetime as dt
import random

import numpy as np
import pandas as pd
import pytest

import cadrekit
from cadrekit import assessment as a

D = dt.date
AS_OF = D(2016, 12, 31)


def days(d):
    return (d - D(1970, 1, 1)).days


def test_hand_worked_case():
    rules = [r["id"] for r in a.rules(as_of=AS_OF)]
    std = [s["id"] for s in a.standards(as_of=AS_OF)]
    findings = pd.DataFrame({
        "cadre": [8, 8, 9, 9],
        "standard": [std.index("ideals_beliefs"), std.index("discipline"), std.index("ability"), std.index("ability")],
        "source": [0, 0, 0, 0],
        "classification": [a.FINDING_CLASSES.index(c) for c in
                           ("wavering_belief", "exploratory_mistake", "lack_of_ability", "lack_of_ability")],
        "severity": [1, 1, 1, 1],
        "date": pd.to_datetime(["2016-05-01", "2016-06-01", "2016-07-01", "2015-12-31"]).values,
    })
    out = a.screen_columns(np.array([7, 7], np.int64), np.array([0, 0], np.uint8), np.array([201400, 201500], np.int32),
                           np.array([10, 10], np.int32), np.array([10, 10], np.int32), np.array([2, 2], np.uint8),
                           as_of=AS_OF, findings=findings)
    got = list(zip(out["cadre"].tolist(), [out["rule_ids"][r] for r in out["rule"]], out["first_period"].tolist(),
                   out["last_period"].tolist(), out["count"].tolist()))
    assert got == [(7, "annual_bottom", 201400, 201500, 2),
                   (8, "qualitative_conduct", days(D(2016, 5, 1)), days(D(2016, 5, 1)), 1),
                   (9, "qualitative_ability", days(D(2016, 7, 1)), days(D(2016, 7, 1)), 1)]
    assert out["rule_ids"] == rules
    # without findings only the assessment rule fires
    out = a.screen_columns(np.array([7, 7], np.int64), np.array([0, 0], np.uint8), np.array([201400, 201500], np.int32),
                           np.array([10, 10], np.int32), np.array([10, 10], np.int32), np.array([2, 2], np.uint8),
                           as_of=AS_OF)
    assert out["cadre"].tolist() == [7]


def test_agrees_with_screen_on_generated_findings():
    rng = random.Random(2016)
    std = a.standards(as_of=AS_OF)
    rows = []
    for c in range(300):
        for _ in range(rng.randrange(4)):
            src = rng.randrange(2)
            st = -1 if src == 1 and rng.randrange(2) == 0 else rng.randrange(len(std))
            rows.append({"cadre": c, "standard": st, "source": src, "classification": rng.randrange(7),
                         "severity": rng.randrange(4), "date": D(2014, 1, 1) + dt.timedelta(days=rng.randrange(1400))})
    f = pd.DataFrame(rows)
    dicts = [{"id": f"F{i}", "cadre_id": f"C{1000 + r['cadre']}", "date": r["date"],
              "source": a.FINDING_SOURCES[r["source"]], "standard": std[r["standard"]]["id"] if r["standard"] >= 0 else "",
              "classification": a.FINDING_CLASSES[r["classification"]], "severity": a.SEVERITIES[r["severity"]]}
             for i, r in enumerate(rows)]
    want = [(int(h["cadre_id"][1:]) - 1000, h["rule_id"], days(D.fromisoformat(h["periods"][0])),
             days(D.fromisoformat(h["periods"][-1])), len(h["periods"]))
            for h in a.screen([], dicts, as_of=AS_OF, explain=False)]
    empty64, empty8, empty32 = np.zeros(0, np.int64), np.zeros(0, np.uint8), np.zeros(0, np.int32)
    out = a.screen_columns(empty64, empty8, empty32, empty32, empty32, empty8, as_of=AS_OF,
                           findings={k: f[k].to_numpy() for k in f.columns})
    got = list(zip(out["cadre"].tolist(), [out["rule_ids"][r] for r in out["rule"]], out["first_period"].tolist(),
                   out["last_period"].tolist(), out["count"].tolist()))
    assert len(want) > 20
    assert got == want


def test_bad_finding_rows_name_column_and_row():
    e8, e32, e64 = np.zeros(0, np.uint8), np.zeros(0, np.int32), np.zeros(0, np.int64)
    f = {"cadre": [1, 2], "standard": [0, 0], "source": [0, 0], "classification": [0, 0], "severity": [1, 9],
         "date": [days(D(2016, 1, 1))] * 2}
    with pytest.raises(cadrekit.InvalidInput) as e:
        a.screen_columns(e64, e8, e32, e32, e32, e8, as_of=AS_OF, findings=f)
    assert e.value.field == "findings.severity" and e.value.record == "findings row 2"
    f = dict(f, severity=[1, 1], cadre=[2, 1])
    with pytest.raises(cadrekit.InvalidInput) as e:
        a.screen_columns(e64, e8, e32, e32, e32, e8, as_of=AS_OF, findings=f)
    assert e.value.field == "findings.cadre"
