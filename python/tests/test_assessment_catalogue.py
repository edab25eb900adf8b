"""cadrekit.assessment: the catalogue of qualitative standards as policy data — the same cases
as tests/assessment/test_standards.cpp and tests/capi/test_assessment_catalogue.c."""
import datetime as dt

import pytest

import cadrekit
from cadrekit import assessment as a

D = dt.date

COUNTY = """profile: test-county-standards
extends: tongliao-2016
parameters:
  assessment.standard.q07:
    type: text
    unit: standard
    label: {zh: 工作作风方面：在重点工作中推诿扯皮, en: "work style: shirking in key work"}
    clause: HORQIN.2
    values:
      2016-01-01: "aspect=工作作风; suggest=免职"
  assessment.standard.discipline:
    values:
      2016-01-01: "aspect=discipline; suggest=any"
      2017-01-01: withdrawn
  assessment.rule.work_style_once:
    type: text
    unit: rule
    label: {zh: 工作作风方面问题一次, en: one work-style finding}
    clause: HORQIN.2
    values:
      2016-01-01: "target=finding; source=qualitative; aspect=work_style; times=1; suggest=dismissal"
"""


def county():
    return cadrekit.Policy.loads(COUNTY, source="county")


def test_default_catalogue_one_general_standard_per_aspect():
    cat = a.standards(as_of=D(2016, 12, 31))
    assert sorted(s["aspect"] for s in cat) == sorted(a.ASPECTS)
    assert all(s["assumed"] and s["clause"] == "HORQIN.2" for s in cat)
    by_id = {s["id"]: s for s in cat}
    assert by_id["ideals_beliefs"]["text_zh"] == "理想信念方面：理想信念不坚定"
    assert a.standards(as_of=D(2015, 12, 31)) == []


def test_county_layer_adds_and_withdraws():
    ids16 = [s["id"] for s in a.standards(as_of=D(2016, 12, 31), policy=county())]
    ids17 = [s["id"] for s in a.standards(as_of=D(2017, 6, 30), policy=county())]
    assert "q07" in ids16 and "discipline" in ids16 and len(ids16) == 7
    assert "q07" in ids17 and "discipline" not in ids17 and len(ids17) == 6
    q = next(s for s in a.standards(as_of=D(2016, 12, 31), policy=county()) if s["id"] == "q07")
    assert (q["aspect"], q["suggestion"], q["assumed"]) == ("work_style", "dismissal", False)


def finding(fid, standard, **kw):
    f = {"id": fid, "cadre_id": "C1", "date": D(2016, 3, 1), "standard": standard,
         "classification": "not_acting"}
    f.update(kw)
    return f


def test_finding_must_name_a_catalogue_standard():
    with pytest.raises(cadrekit.InvalidInput) as e:
        a.screen([], [finding("F1", "q07"), finding("F2", "Q99")], as_of=D(2016, 12, 31), policy=county())
    assert e.value.field == "standard" and e.value.record == "findings[1]"
    assert "Q99" not in str(e.value)
    with pytest.raises(cadrekit.InvalidInput) as e:
        a.screen([], [finding("F1", "q07"), finding("F2", "q07", aspect="ability")], as_of=D(2016, 12, 31),
                 policy=county())
    assert e.value.field == "aspect"
    with pytest.raises(cadrekit.InvalidInput) as e:
        a.screen([], [finding("F1", "q07"), finding("F2", "discipline")], as_of=D(2017, 3, 1), policy=county())
    assert e.value.field == "standard"


def test_hits_report_the_standards_aspect_and_text():
    hits = a.screen([], [finding("F1", "q07")], as_of=D(2016, 12, 31), policy=county())
    assert sorted(h["rule_id"] for h in hits) == ["qualitative_conduct", "work_style_once"]
    for h in hits:
        assert h["standards"] == [{"finding": "F1", "standard": "q07", "aspect": "work_style",
                                   "text_zh": "工作作风方面：在重点工作中推诿扯皮",
                                   "text_en": "work style: shirking in key work", "clause": "HORQIN.2",
                                   "suggestion": "dismissal"}]
    hits = a.screen([], [finding("F1", "ability")], as_of=D(2016, 12, 31), policy=county())
    assert "work_style_once" not in [h["rule_id"] for h in hits]


def test_malformed_standard_is_a_policy_error_naming_the_parameter():
    y = COUNTY.replace('"aspect=工作作风; suggest=免职"', '"aspect=none"')
    with pytest.raises(cadrekit.PolicyError) as e:
        a.standards(as_of=D(2016, 12, 31), policy=cadrekit.Policy.loads(y, source="county"))
    assert e.value.field == "assessment.standard.q07"
