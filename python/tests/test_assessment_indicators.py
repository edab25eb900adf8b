"""cadrekit.assessment: per-domain indicators and weights, the exact composite score, the
methods checklist — the cases of tests/assessment/test_indicators.cpp."""
import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest

import cadrekit
from cadrekit import assessment as a

AS_OF = dt.date(2016, 12, 31)
SIX = {"political_quality": 90, "teamwork": "85", "performance": Decimal("80.5"), "integrity": 95,
       "public_rating": Fraction(70), "health": "100"}


def county(township, methods="reports|talks"):
    return cadrekit.Policy.loads(
        "profile: c\nextends: tongliao-2016\nparameters:\n"
        f"  assessment.indicators.township:\n    values:\n      2016-01-01: \"{township}\"\n"
        f"  assessment.methods.required:\n    values:\n      2016-01-01: \"{methods}\"\n", source="county")


def test_composite_is_exact_with_equal_default_weights():
    for dom in a.DOMAINS:
        c = a.composite_score(dom, SIX, as_of=AS_OF)
        assert c["score"] == Fraction(8675, 100)  # 520.5 / 6
        assert [p["weight"] for p in c["parts"]] == [Fraction(1, 6)] * 6
        assert c["parts"][2]["part"] == Fraction(161, 12)
        assert "= 86.75" in c["explanation"].rules[0].message_en
    c = a.composite_score("farm", {**{k: 0 for k in SIX}, "political_quality": 1, "teamwork": 1, "performance": 2},
                          as_of=AS_OF)
    assert c["score"] == Fraction(2, 3)


def test_county_weights():
    p = county("performance=0.4; political_quality=0.2; integrity=0.2; public_rating=0.2")
    c = a.composite_score("苏木镇", {"performance": 80, "political_quality": 90, "integrity": 100,
                                   "public_rating": 75}, as_of=AS_OF, policy=p)
    assert c["score"] == 85
    assert c["parts"][0]["weight"] == Fraction(2, 5) and c["parts"][0]["part"] == 32
    with pytest.raises(cadrekit.PolicyError) as e:
        a.composite_score("township", {}, as_of=AS_OF, policy=county("performance=0.5; integrity=0.4"))
    assert e.value.field == "assessment.indicators.township"


@pytest.mark.parametrize("change,field", [
    ({"health": None}, "scores.health"), ({"colour": 1}, "scores.colour"),
    ({"teamwork": "abc"}, "scores.teamwork"), ({"political_quality": -1}, "scores.political_quality")])
def test_bad_scores_name_the_indicator(change, field):
    s = dict(SIX)
    for k, v in change.items():
        if v is None:
            del s[k]
        else:
            s[k] = v
    with pytest.raises(cadrekit.InvalidInput) as e:
        a.composite_score("township", s, as_of=AS_OF)
    assert e.value.field == field
    assert "abc" not in str(e.value)


def test_floats_are_refused():
    with pytest.raises(TypeError):
        a.composite_score("township", dict(SIX, health=99.5), as_of=AS_OF)


def test_methods_checklist():
    c = a.method_checklist(["reports", "找谈话"], as_of=AS_OF)
    assert c["complete"] is False
    assert c["missing"] == ["rating", "records", "site_visits", "sampling"]
    assert [i["method"] for i in c["items"]] == list(a.METHODS)
    assert a.method_checklist(a.METHODS, as_of=AS_OF)["complete"] is True
    assert a.method_checklist(["reports", "talks"], as_of=AS_OF, policy=county("performance=1"))["complete"] is True
    with pytest.raises(cadrekit.InvalidInput):
        a.method_checklist(["dancing"], as_of=AS_OF)
