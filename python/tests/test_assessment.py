"""cadrekit.assessment (HORQIN): the golden screening table, the batch path, disposal,
follow-up and promotion — the same cases as the C++ and C tests."""
import datetime as dt
import json
import pathlib

import numpy as np
import pandas as pd
import pytest

import cadrekit
from cadrekit import assessment as a

ROOT = pathlib.Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
D = dt.date


def policy(name):
    if name == "default":
        return cadrekit.Policy.default()
    return cadrekit.Policy.load(str(GOLDEN / f"assessment_county_{name}.yaml"))


def golden_cases():
    out = []
    for line in (GOLDEN / "assessment_screen.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        name, pol, req, expect = line.split("\t")
        out.append((name, pol, json.loads(req), expect))
    return out


def summary(hits):
    if isinstance(hits, pd.DataFrame):  # a DataFrame given gives a DataFrame of hits
        hits = hits.to_dict("records")
    s = "; ".join(f"{h['cadre_id']} {h['rule_id']} {','.join(h['periods'])}" for h in hits)
    return s or "-"


@pytest.mark.parametrize("name,pol,req,expect", golden_cases(), ids=[c[0] for c in golden_cases()])
def test_golden_lists_of_dicts(name, pol, req, expect):
    hits = a.screen(req["records"], req.get("findings"), as_of=D.fromisoformat(req["as_of"]),
                    policy=policy(pol), audit_findings=req.get("audit_findings"))
    assert summary(hits) == expect


@pytest.mark.parametrize("name,pol,req,expect", [c for c in golden_cases()
                                                 if "findings" not in c[2] and "audit_findings" not in c[2]])
def test_golden_dataframe_and_columns(name, pol, req, expect):
    as_of = D.fromisoformat(req["as_of"])
    df = pd.DataFrame(req["records"])
    hits = a.screen(df, as_of=as_of, policy=policy(pol), explain=False)
    assert summary(hits) == expect
    # the columnar path: integer cadre keys, sorted
    df = df.sort_values("cadre_id", kind="stable").reset_index(drop=True)
    keys = {c: i for i, c in enumerate(sorted(df.cadre_id.unique()))}
    if "rating" not in df:
        df["rating"] = None
    rating = [a.RATINGS.index(r) if isinstance(r, str) and r in a.RATINGS else
              {"未达标": 6, "达标": 5, "不称职": 4, "称职": 2, "不满意": 9, "基本满意": 8}.get(r, 0)
              for r in df.rating]
    rest = (np.array([a.KINDS.index(k) for k in df.kind], dtype=np.uint8),
            np.array([a.parse_period(p) for p in df.period], dtype=np.int32),
            df["rank"].to_numpy(np.int32), df["group_size"].to_numpy(np.int32),
            np.array(rating, dtype=np.uint8))
    out = a.screen_columns(np.array([keys[c] for c in df.cadre_id], dtype=np.int64), *rest,
                           as_of=as_of, policy=policy(pol))
    # the cadre ids as a categorical column: its codes are the keys (categories sorted)
    cat = a.screen_columns(df["cadre_id"].astype("category"), *rest, as_of=as_of, policy=policy(pol))
    for k in ("cadre", "rule", "first_period", "last_period", "count"):
        assert list(cat[k]) == list(out[k]), k
    names = sorted(keys)
    got = "; ".join(
        f"{names[c]} {out['rule_ids'][r]} {a.period_text(int(f))}..{a.period_text(int(l))}#{n}"
        for c, r, f, l, n in zip(out["cadre"], out["rule"], out["first_period"], out["last_period"], out["count"]))
    want = []
    if expect != "-":
        for item in expect.split("; "):
            who, rule, ps = item.split(" ")
            ps = ps.split(",")
            want.append(f"{who} {rule} {ps[0]}..{ps[-1]}#{len(ps)}")
    assert (got or "-") == ("; ".join(want) or "-")


def test_hit_has_contract_fields_and_explanation():
    recs = [{"cadre_id": "C1", "unit_id": "U1", "domain": "township", "kind": "annual", "period": p,
             "rank": 10, "group_size": 10, "rating": "competent"} for p in ("2014", "2015")]
    (h,) = a.screen(recs, as_of=D(2016, 12, 31))
    assert (h["cadre_id"], h["rule_id"], h["clause"], h["periods"], h["suggestion"]) == \
        ("C1", "annual_bottom", "HORQIN.3", ["2014", "2015"], "any")
    ex = h["explanation"]
    assert isinstance(ex, cadrekit.Explanation)
    assert ex.rules[0].rule_id == "assessment.rule.annual_bottom"
    assert "assessment.bottom.share" in [p.name for p in ex.parameters]
    frame = a.screen(pd.DataFrame(recs), as_of=D(2016, 12, 31), as_frame=True)
    assert list(frame.rule_id) == ["annual_bottom"]


def test_bad_record_names_field_and_record():
    recs = [{"cadre_id": "C1", "kind": "annual", "period": "2015", "rank": 11, "group_size": 10}]
    with pytest.raises(cadrekit.InvalidInput) as e:
        a.screen(recs, as_of=D(2016, 12, 31))
    assert e.value.field == "rank" and e.value.record == "records[0]"


def test_rules_are_policy_data():
    ids = [r["id"] for r in a.rules(as_of=D(2016, 12, 31))]
    assert ids[:1] == ["annual_bottom"] and "review_unsatisfactory" in ids
    bad = cadrekit.Policy.loads("""profile: t-bad
extends: tongliao-2016
parameters:
  assessment.rule.x:
    type: text
    unit: rule
    label: {zh: 坏, en: bad}
    clause: HORQIN.3
    values:
      2016-01-01: "kind=annual; when=bottom; consecutive=two"
""")
    with pytest.raises(cadrekit.PolicyError) as e:
        a.screen([], as_of=D(2016, 12, 31), policy=bad)
    assert e.value.field == "assessment.rule.x"
    assert "`consecutive`" in str(e.value)


def test_disposal_case_contract():
    c = a.DisposalCase("D1", "C1")
    assert c.stage == "none"
    c.advance("motion", D(2016, 3, 1), "组织部", "两年后列")
    with pytest.raises(cadrekit.StateError):
        c.advance("analysis", D(2016, 3, 2), "x")
    assert c.stage == "motion" and len(c.events) == 1
    c.advance("调查核实", D(2016, 3, 5), "考察组")
    c.advance("analysis", D(2016, 3, 9), "干部科")
    with pytest.raises(cadrekit.InvalidInput):
        c.decide("降职", D(2016, 3, 10), [])
    c.decide("降职", D(2016, 3, 10), ["annual_bottom"])
    assert c.method == "demotion" and c.stage == "decision"
    c.advance("notification", D(2016, 3, 11), "分管领导")
    c.advance("filing", D(2016, 3, 12), "组织部")
    text = c.to_json()
    back = a.DisposalCase.from_json(text)
    assert back == c and back.to_json() == text
    with pytest.raises(cadrekit.StateError):
        c.advance("filing", D(2016, 3, 13), "x")


def test_disposal_may_end_after_investigation():
    c = a.DisposalCase("D2", "C1")
    c.advance("motion", D(2016, 3, 1), "组织部")
    c.advance("investigation", D(2016, 3, 5), "考察组")
    c.close_no_action(D(2016, 3, 6), "组织部", "查无实据")
    assert c.stage == "closed_no_action" and c.method is None


def test_follow_up_schedule_contract():
    s = a.follow_up_schedule(D(2016, 1, 31), D(2016, 7, 31))
    assert s == [(D(2016, 2, 29), "monthly_talk"), (D(2016, 3, 31), "monthly_talk"),
                 (D(2016, 4, 30), "monthly_talk"), (D(2016, 4, 30), "quarterly_visit"),
                 (D(2016, 5, 31), "monthly_talk"), (D(2016, 6, 30), "monthly_talk"),
                 (D(2016, 7, 31), "monthly_talk"), (D(2016, 7, 31), "quarterly_visit")]
    led = a.follow_up_ledger(D(2016, 4, 15), [(D(2016, 5, 10), "monthly_talk")], as_of=D(2016, 6, 20))
    assert [(x["date"], x["held"], x["overdue"]) for x in led] == [
        (D(2016, 5, 15), D(2016, 5, 10), False), (D(2016, 6, 15), None, True)]
    r = a.reappointment_eligibility(D(2016, 4, 1), True, ["competent"], as_of=D(2017, 3, 31))
    assert not r["eligible"] and r["eligible_from"] == D(2017, 4, 1)
    assert a.reappointment_eligibility(D(2016, 4, 1), False, ["称职"], as_of=D(2016, 5, 1))["early"]


FACTS = {"cadre_id": "C9", "unit_id": "U1", "current_rank": "副科", "target_rank": "正科",
         "rank_since": D(2014, 1, 1), "work_started": D(2005, 7, 1)}


def test_promotion_six_gates():
    p = a.PromotionCase("P1", FACTS)
    assert p.vetoes(D(2016, 6, 1)) == []
    p.check_post_quota(D(2016, 6, 1), 5, 4, "编办")
    with pytest.raises(cadrekit.StateError):
        p.pass_gate("decision", D(2016, 6, 2), "a")
    for g in ("motion", "recommendation", "inspection", "deliberation", "decision"):
        p.pass_gate(g, D(2016, 6, 2), "a")
    assert p.status == "promoted" and p.next_gate is None
    assert a.PromotionCase.from_json(p.to_json()) == p


def test_promotion_vetoes():
    f = dict(FACTS, integrity_problem=True, rank_since=D(2015, 1, 1))
    p = a.PromotionCase("P2", f)
    assert [v["code"] for v in p.vetoes(D(2016, 6, 1))] == ["integrity", "years_at_rank"]
    p.check_post_quota(D(2016, 6, 1), 5, 4, "编办")
    assert p.status == "stopped" and p.gates[0]["vetoes"] == ["integrity", "years_at_rank"]
    q = a.PromotionCase("P3", FACTS)
    q.check_post_quota(D(2016, 6, 1), 3, 3, "编办")
    assert q.status == "stopped" and not q.gates[0]["passed"]
