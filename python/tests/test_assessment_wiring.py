"""cadrekit.assessment wired to its neighbours: the promotion's disclosure veto from a
cadrekit.disclosure.Case, and audit findings from the audit module's form — the same cases as
tests/assessment/test_wiring.cpp and tests/capi/test_assessment_catalogue.c."""
import datetime as dt
import json
import pathlib

import pytest

import cadrekit
from cadrekit import assessment as a
from cadrekit import disclosure

GOLDEN = pathlib.Path(__file__).resolve().parents[2] / "tests" / "golden"
D = dt.date
FACTS = {"cadre_id": "C9", "unit_id": "U1", "current_rank": "副科", "target_rank": "正科",
         "rank_since": D(2012, 1, 1), "work_started": D(2005, 7, 1)}


def disclosure_case_with_open_complaint():
    record = json.loads((GOLDEN / "disclosure_record.json").read_text(encoding="utf-8"))
    c = disclosure.Case.open(record, D(2016, 9, 26), "org-1")
    c.post_round(1, D(2016, 9, 30), "org-1")
    assert c.receive_complaint("phone", D(2016, 10, 9), "sup-1") == "C1"
    return c


def test_disclosure_veto_follows_the_disclosure_case():
    pc = a.PromotionCase("P1", FACTS)
    dc = disclosure_case_with_open_complaint()
    assert pc.vetoes(D(2016, 10, 12)) == []
    vs = pc.vetoes(D(2016, 10, 11), disclosure=dc)
    assert [v["code"] for v in vs] == ["disclosure"]
    assert "window_open" in vs[0]["reason_en"] and "complaint_unresolved:C1" in vs[0]["reason_en"]
    # the case's JSON works the same way
    assert [v["code"] for v in pc.vetoes(D(2016, 10, 12), disclosure=dc.to_json())] == ["disclosure"]
    dc.assign("C1", ["housing"], D(2016, 10, 10), "sup-1")
    dc.record_finding("C1", "unfounded", D(2016, 10, 13), "team-1")
    dc.decide("C1", "proceed_inform_reporter", D(2016, 10, 14), "org-1")
    assert pc.vetoes(D(2016, 10, 14), disclosure=dc) == []
    # the flag stays an override
    flagged = a.PromotionCase("P2", dict(FACTS, disclosure_blocked=True))
    assert [v["code"] for v in flagged.vetoes(D(2016, 10, 14), disclosure=dc)] == ["disclosure"]
    with pytest.raises(TypeError):
        pc.vetoes(D(2016, 10, 14), disclosure=7)


def test_a_gate_stops_on_the_disclosure_case():
    pc = a.PromotionCase("P1", FACTS)
    pc.check_post_quota(D(2016, 10, 12), 5, 4, "编办", disclosure=disclosure_case_with_open_complaint())
    assert pc.status == "stopped"
    assert pc.gates[0]["vetoes"] == ["disclosure"]
    pc2 = a.PromotionCase("P1", FACTS)
    pc2.check_post_quota(D(2016, 10, 12), 5, 4, "编办")
    pc2.pass_gate("motion", D(2016, 10, 12), "组织部", disclosure=disclosure_case_with_open_complaint())
    assert pc2.status == "stopped" and pc2.gates[1]["vetoes"] == ["disclosure"]


AUDITS = [
    {"unit_id": "U1", "date": D(2014, 3, 1), "kind": "in_term", "finding": "serious"},
    {"unit_id": "U1", "leader_id": "C7", "date": D(2015, 5, 1), "kind": "departure", "finding": "none"},
    {"unit_id": "U2", "leader_id": "C8", "date": D(2016, 2, 1), "kind": "sample", "finding": "referred"},
    {"unit_id": "U3", "date": D(2016, 3, 1), "kind": "five_year_term", "finding": "minor"},
]


def test_audit_findings_map_onto_findings():
    fs = a.findings_from_audit(AUDITS)
    assert [f["id"] for f in fs] == ["audit:U1:2014-03-01:in_term", "audit:U2:2016-02-01:sample",
                                     "audit:U3:2016-03-01:five_year_term"]
    assert [f["severity"] for f in fs] == ["serious", "grave", "minor"]
    assert [f["cadre_id"] for f in fs] == ["", "C8", ""]
    assert {f["source"] for f in fs} == {"audit"}
    import pandas as pd
    assert a.findings_from_audit(pd.DataFrame(AUDITS)) == fs
    with pytest.raises(cadrekit.InvalidInput) as e:
        a.findings_from_audit([AUDITS[0], dict(AUDITS[0], finding="dreadful")])
    assert e.value.field == "finding" and e.value.record == "audit_findings[1]"


def test_audit_module_findings_fire_the_countys_rule():
    pol = cadrekit.Policy.load(str(GOLDEN / "assessment_county_places.yaml"))
    recs = [{"cadre_id": "C1", "unit_id": "U1", "kind": "annual", "period": "2015", "rank": 1, "group_size": 5}]
    audits = [
        {"unit_id": "U1", "date": D(2014, 3, 1), "kind": "in_term", "finding": "serious"},
        {"unit_id": "U1", "date": D(2016, 2, 1), "kind": "special_project", "finding": "referred"},
        {"unit_id": "U1", "date": D(2016, 3, 1), "kind": "in_term", "finding": "minor"},
    ]
    hits = a.screen(recs, audit_findings=audits, as_of=D(2016, 12, 31), policy=pol)
    assert [(h["rule_id"], h["findings"]) for h in hits] == [
        ("audit_serious", ["audit:U1:2014-03-01:in_term", "audit:U1:2016-02-01:special_project"])]
    # the same through findings_from_audit + findings
    assert a.screen(recs, a.findings_from_audit(audits), as_of=D(2016, 12, 31), policy=pol)[0]["findings"] == \
        hits[0]["findings"]
    audits[0]["finding"] = "minor"
    assert a.screen(recs, audit_findings=audits, as_of=D(2016, 12, 31), policy=pol) == []
