"""cadrekit.disclosure (KAILU): the Python contract, on the golden cases shared with C++ and C."""
import copy
import csv
import datetime
import json
import pathlib
import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cadrekit
from cadrekit import disclosure as dc

GOLDEN = pathlib.Path(__file__).resolve().parents[2] / "tests" / "golden"
D = datetime.date


def golden():
    return json.loads((GOLDEN / "disclosure_record.json").read_text(encoding="utf-8"))


def expected():
    return json.loads((GOLDEN / "disclosure_notice_expected.json").read_text(encoding="utf-8"))


def set_path(obj, path, value):
    parts = path.split(".")
    for p in parts[:-1]:
        obj = obj[int(p)] if isinstance(obj, list) else obj[p]
    last = parts[-1]
    if value == "-":
        del obj[last]
    elif isinstance(obj, list):
        obj[int(last)] = json.loads(value)
    else:
        obj[last] = json.loads(value)


# --- validate --------------------------------------------------------------------------------


def test_golden_record_is_valid():
    assert dc.validate(golden()) == []


def invalid_rows():
    rows = []
    for line in (GOLDEN / "disclosure_invalid.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


@pytest.mark.parametrize("patch_path,patch_value,path,code", invalid_rows())
def test_planted_problems(patch_path, patch_value, path, code):
    r = golden()
    set_path(r, patch_path, patch_value)
    problems = dc.validate(r)
    assert {"path", "code", "message"} <= set(problems[0])
    assert (path, code) in {(p["path"], p["code"]) for p in problems}, problems


def test_every_problem_not_just_the_first():
    r = golden()
    r["matters"]["securities"]["items"][0]["amount"] = "0"
    r["matters"]["real_estate"]["items"][0]["area"] = "-3"
    r["commitment"] = None
    del r["matters"]["marriage"]
    got = {(p["path"], p["code"]) for p in dc.validate(r)}
    assert got == {
        ("matters.securities.items[0].amount", "amount_not_positive"),
        ("matters.real_estate.items[0].area", "area_not_positive"),
        ("commitment", "commitment_missing"),
        ("matters.marriage", "matter_missing"),
    }


def test_dates_and_decimals_are_accepted_floats_are_not():
    r = golden()
    r["reference_date"] = D(2016, 9, 20)
    r["matters"]["securities"]["items"][0]["amount"] = Decimal("50000.00")
    assert dc.validate(r) == []
    r["matters"]["securities"]["items"][0]["amount"] = 50000.0
    problems = dc.validate(r)
    assert problems and problems[0]["code"] == "wrong_type"


def test_normalize_round_trips():
    n = dc.normalize(golden())
    assert n["schema"] == "cadrekit.disclosure.record/1"
    assert dc.normalize(n) == n
    with pytest.raises(cadrekit.InvalidInput) as e:
        dc.normalize({"id": "x"})
    assert "reference_date" in str(e.value)


# --- plan_round ------------------------------------------------------------------------------


def window_rows():
    text = (GOLDEN / "disclosure_windows.csv").read_text(encoding="utf-8")
    lines = [l for l in text.splitlines() if l and not l.startswith("#")]
    return list(csv.DictReader(lines))


@pytest.mark.parametrize("row", window_rows(), ids=lambda r: f"{r['round']}-{r['rank']}-{r['posted']}")
def test_plan_round_golden(row):
    posted = D.fromisoformat(row["posted"])
    if row["status"] == "ok":
        p = dc.plan_round(int(row["round"]), row["rank"], posted)
        assert p["first_day"] == D.fromisoformat(row["first_day"])
        assert p["last_day"] == D.fromisoformat(row["last_day"])
        assert p["venues"] == row["venues"].split("|")
        assert cadrekit.WorkCalendar.china().count_working_days(p["first_day"], p["last_day"]) == 5
    else:
        errors = {"invalid_input": cadrekit.InvalidInput, "calendar_coverage": cadrekit.CalendarCoverageError}
        with pytest.raises(errors[row["status"]]):
            dc.plan_round(int(row["round"]), row["rank"], posted)


def test_plan_round_accepts_chinese_rank_and_calendar():
    p = dc.plan_round(1, "正科", D(2016, 9, 30), calendar=cadrekit.WorkCalendar.china())
    assert p["venues"] == ["work_unit", "residence", "field_in_charge"]
    assert p["last_day"] == D(2016, 10, 11)


# --- notice ----------------------------------------------------------------------------------


@pytest.mark.parametrize("rnd", [1, 2])
def test_notice_fields_match_hand_worked_values(rnd):
    n = dc.notice(golden(), rnd)
    want = expected()[f"round{rnd}"]
    assert n["fields"] == want
    assert list(n["fields"]) == n["field_names"]
    for secret in expected()["private_values"]:
        assert secret not in json.dumps(n["fields"], ensure_ascii=False)
        assert secret not in n["text"]


def test_notice_text_with_window():
    n = dc.notice(golden(), 1, posted=D(2016, 9, 30))
    assert "公开时间：2016年9月30日至2016年10月11日（5个工作日）" in n["text"]
    assert "公开范围：所在单位、居住地" in n["text"]
    assert n["plan"]["last_day"] == D(2016, 10, 11)


def test_notice_refuses_invalid_record_without_leaking():
    r = golden()
    r["commitment"]["signed_by"] = "冒名顶替者"
    with pytest.raises(cadrekit.InvalidInput) as e:
        dc.notice(r, 1)
    assert "冒名" not in str(e.value)
    assert "commitment.signed_by" in str(e.value)


# Property: every string leaf of the record replaced by a random token; a token may reach the
# notice (fields or text) only if the notice field it belongs to is on the round's whitelist.
FIELD_OF_LEAF = {
    ("person", "name"): "name",
    ("identity",): "identity",
    ("current_post",): "current_post",
    ("proposed_post",): "proposed_post",
    ("field_in_charge",): "field_in_charge",
}

token = st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ", min_size=12, max_size=12)  # equal length: no token inside another


def plant(record, draw_tokens):
    """Replaces free-text leaves by tokens; returns {token: notice field or "private"}."""
    where = {}

    def put(obj, key, field):
        t = next(draw_tokens)
        obj[key] = t
        where[t] = field

    put(record["person"], "name", "name")
    record["commitment"]["signed_by"] = record["person"]["name"]
    for k in ("identity", "current_post", "proposed_post", "field_in_charge"):
        put(record, k, k)
    for k in ("township", "street", "detail"):
        put(record["residence"], k, "private")
    for e in record["education"]:
        put(e, "school", "education")
    for w in record["work_history"]:
        put(w, "text", "work_history")
    for f in record["family"]:
        put(f, "name", "private")
    put(record["self_assessment"], "text", "private")
    m = record["matters"]
    put(m["passports"]["items"][0], "number", "private")
    put(m["trips_abroad"]["items"][0], "destination", "trips_abroad")
    put(m["trips_abroad"]["items"][0], "purpose", "trips_abroad")
    put(m["employment_income"]["items"][0], "employer", "family_employment")
    put(m["employment_income"]["items"][0], "position", "family_employment")
    put(m["securities"]["items"][0], "name", "private")
    for k in ("township", "street", "detail"):
        put(m["real_estate"]["items"][0]["location"], k, "private")
    m["investments"] = {"none": False, "items": [{"holder": "f1", "company": "", "amount": "1000"}]}
    put(m["investments"]["items"][0], "company", "investments")
    m["businesses"] = {"none": False, "items": [{"holder": "f2", "name": "", "form": "individual"}]}
    put(m["businesses"]["items"][0], "name", "businesses")
    m["family_abroad"] = {"none": False, "items": [{"holder": "f2", "country": "", "status": "settled"}]}
    put(m["family_abroad"]["items"][0], "country", "family_abroad")
    return where


whitelists = st.lists(st.sampled_from(dc.NOTICE_FIELDS), min_size=1, max_size=12, unique=True)


def policy_with(round_no, fields):
    yaml = (
        "profile: prop\nextends: tongliao-2016\nparameters:\n"
        f"  disclosure.round{round_no}.notice_fields:\n    values:\n"
        f"      2015-01-01: {','.join(fields)}\n"
        f"  disclosure.round{round_no}.notice_fields_added:\n    values:\n"
        f"      2015-01-01: none\n"
    )
    return cadrekit.Policy.loads(yaml)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tokens=st.lists(token, min_size=40, max_size=40, unique=True),
       rnd=st.sampled_from([1, 2]),
       fields=st.one_of(st.none(), whitelists))
def test_property_no_value_outside_whitelist_reaches_notice(tokens, rnd, fields):
    r = golden()
    where = plant(r, iter(tokens))
    policy = None if fields is None else policy_with(rnd, fields)
    n = dc.notice(r, rnd, policy=policy)
    allowed = set(n["field_names"])
    if fields is not None:  # shown in the notice's fixed order, whichever order the list has
        assert sorted(n["field_names"]) == sorted(fields)
        assert n["field_names"] == [f for f in dc.NOTICE_FIELDS if f in fields]
    fields_text = json.dumps(n["fields"], ensure_ascii=False)
    assert set(n["fields"]) == allowed
    for t, field in where.items():
        if field in allowed:
            assert t in fields_text and t in n["text"], (field, t)
        else:
            assert t not in fields_text, (field, n["field_names"])
            assert t not in n["text"], (field, n["field_names"])
    # Never, on any whitelist: the full ID number, family names, exact addresses.
    assert "150502197812186440" not in fields_text + n["text"]


@settings(max_examples=60, deadline=None)
@given(secret=st.text(alphabet="QWXZJK", min_size=8, max_size=12),
       where=st.sampled_from([
           "citizen_id", "matters.securities.items.0.amount", "matters.real_estate.items.0.area",
           "matters.real_estate.items.0.holder", "commitment.signed_by", "reference_date",
           "matters.trips_abroad.items.0.from", "family.1.birth_date", "matters.marriage",
           "person.birth_date", "matters.passports.items.0.kind",
       ]))
def test_property_no_error_message_carries_a_planted_value(secret, where):
    r = golden()
    set_path(r, where, json.dumps(secret))
    problems = dc.validate(r)
    assert problems, where
    for p in problems:
        assert secret not in p["message"] and secret not in p["path"]
    with pytest.raises(cadrekit.Error) as e:
        dc.notice(r, 1)
    assert secret not in str(e.value)
    with pytest.raises(cadrekit.Error) as e:
        dc.Case.open(r, D(2016, 9, 26), "org")
    assert secret not in str(e.value)


# --- the case --------------------------------------------------------------------------------


def opened():
    return dc.Case.open(golden(), D(2016, 9, 26), "org-1")


def test_case_full_path_and_round_trip():
    c = opened()
    assert not c.can_proceed(as_of=D(2016, 9, 26))
    assert c.can_proceed(as_of=D(2016, 9, 26)).reasons == ["no_round_posted"]
    plan = c.post_round(1, D(2016, 9, 30), "org-1")
    assert plan["last_day"] == D(2016, 10, 11)
    assert c.can_proceed(as_of=D(2016, 10, 11)).reasons == ["window_open"]
    cid = c.receive_complaint("phone", D(2016, 10, 9), "sup-1")
    assert cid == "C1"
    assert c.complaints()[0]["timing"] == "within_window"
    assert c.can_proceed(as_of=D(2016, 10, 12)).reasons == ["complaint_unresolved:C1"]
    c.assign(cid, ["housing", "discipline"], D(2016, 10, 10), "sup-1")
    c.record_finding(cid, "founded_not_affecting", D(2016, 10, 14), "team-1",
                     [("real_estate", "under_reported")])
    assert c.complaints()[0]["discrepancies"] == ["real_estate:under_reported:omission"]
    assert c.complaints()[0]["accountability"] is False
    c.decide(cid, "proceed_inform_reporter", D(2016, 10, 15), "org-1")
    assert c.can_proceed(as_of=D(2016, 10, 15))
    v2 = golden()
    v2["matters"]["real_estate"]["items"][0]["area"] = "126.30"
    c.return_for_correction(v2, D(2016, 10, 16), "org-1", "area under-reported")
    assert [r["version"] for r in c.records] == [1, 2]
    assert c.records[0]["matters"]["real_estate"]["items"][0]["area"] == "118.56"
    p2 = c.post_round(2, D(2016, 10, 20), "org-1")
    assert p2["venues"] == ["television", "internet"]
    c2 = c.receive_complaint("email", D(2016, 10, 31), "sup-1")
    assert c.complaints()[1]["timing"] == "after_window"
    c.assign(c2, "finance", D(2016, 11, 1), "sup-1")
    c.record_finding(c2, "unfounded", D(2016, 11, 2), "team-1")
    c.decide(c2, "proceed_inform_reporter", D(2016, 11, 3), "org-1")
    assert len(c.events) == 12
    s = c.to_json()
    back = dc.Case.from_json(s)
    assert back == c and back.to_json() == s
    assert back.status == "open"


@pytest.mark.parametrize("finding,outcome,status", [
    ("unfounded", "proceed_inform_reporter", "open"),
    ("founded_not_affecting", "proceed_inform_reporter", "open"),
    ("founded_disqualifying", "cancel", "cancelled"),
    ("criminal", "refer", "referred"),
])
def test_every_finding_path(finding, outcome, status):
    c = opened()
    c.post_round(1, D(2016, 9, 30), "org")
    c.receive_complaint("visit", D(2016, 10, 8), "sup")
    c.assign("C1", ["discipline"], D(2016, 10, 8), "sup")
    ds = [] if finding == "unfounded" else [{"matter": "investments", "kind": "unreported"}]
    c.record_finding("C1", finding, D(2016, 10, 9), "team", ds)
    for other in dc.Case.OUTCOMES:
        if other != outcome:
            before = c.to_json()
            with pytest.raises(cadrekit.StateError):
                c.decide("C1", other, D(2016, 10, 9), "org")
            assert c.to_json() == before
    c.decide("C1", outcome, D(2016, 10, 12), "org")
    assert c.status == status
    assert bool(c.can_proceed(as_of=D(2016, 10, 12))) == (status == "open")
    if status != "open":
        before = c.to_json()
        with pytest.raises(cadrekit.StateError):
            c.receive_complaint("phone", D(2016, 10, 13), "sup")
        with pytest.raises(cadrekit.StateError):
            c.post_round(2, D(2016, 10, 20), "org")
        assert c.to_json() == before
    if ds:
        assert c.complaints()[0]["accountability"] is True
    assert dc.Case.from_json(c.to_json()) == c


def test_refused_transitions_leave_case_unchanged():
    c = opened()
    before = c.to_json()
    with pytest.raises(cadrekit.StateError):
        c.receive_complaint("phone", D(2016, 9, 27), "x")
    with pytest.raises(cadrekit.StateError):
        c.post_round(2, D(2016, 9, 30), "x")
    assert c.to_json() == before
    c.post_round(1, D(2016, 9, 30), "org")
    c.receive_complaint("letter", D(2016, 10, 8), "sup")
    before = c.to_json()
    with pytest.raises(cadrekit.StateError):
        c.record_finding("C1", "unfounded", D(2016, 10, 8), "x")
    with pytest.raises(cadrekit.StateError):
        c.decide("C1", "cancel", D(2016, 10, 8), "x")
    with pytest.raises(cadrekit.InvalidInput):
        c.assign("C1", ["police"], D(2016, 10, 8), "x")
    with pytest.raises(cadrekit.StateError):
        c.assign("C1", ["audit"], D(2016, 10, 7), "x")
    with pytest.raises(cadrekit.StateError):
        c.post_round(2, D(2016, 10, 11), "x")
    with pytest.raises(cadrekit.InvalidInput):
        c.receive_complaint("fax", D(2016, 10, 8), "x")
    assert c.to_json() == before


def test_from_json_refuses_impossible_log():
    c = opened()
    c.post_round(1, D(2016, 9, 30), "org")
    c.receive_complaint("phone", D(2016, 10, 8), "sup")
    data = json.loads(c.to_json())
    data["events"][2]["timing"] = "after_window"
    with pytest.raises(cadrekit.StateError):
        dc.Case.from_json(json.dumps(data, ensure_ascii=False))
    with pytest.raises(cadrekit.InvalidInput):
        dc.Case.from_json("{}")


def test_finding_returns_the_explanation_of_its_classification():
    c = opened()
    c.post_round(1, D(2016, 9, 30), "org")
    c.receive_complaint("letter", D(2016, 10, 8), "sup")
    c.assign("C1", ["housing", "finance"], D(2016, 10, 8), "sup")
    ex = c.record_finding("C1", "founded_disqualifying", D(2016, 10, 9), "team",
                          [("real_estate", "unreported"), {"matter": "securities", "kind": "under_reported"}])
    assert isinstance(ex, cadrekit.Explanation)
    d = json.loads(ex.to_json())
    assert d["schema"] == "cadrekit.explanation/1"
    assert d["subject"] == "disclosure case KL-2016-001 complaint C1"
    assert d["uses_assumed"] is True
    assert [(r["rule_id"], r["clause"]) for r in d["rules"]] == [
        ("disclosure.discrepancy.classify", "KAILU.4"),
        ("disclosure.discrepancy.classify", "KAILU.4"),
        ("disclosure.discrepancy.accountability", "KAILU.4")]
    assert d["rules"][0]["message_zh"] == "房产：未填报，定性为瞒报（disclosure.discrepancy.unreported）"
    assert d["rules"][1]["message_en"] == (
        "securities: under_reported is classified omission (disclosure.discrepancy.under_reported)")
    assert [(p["name"], p["value"], p["effective_from"], p["assumed"], p["clause"])
            for p in d["parameters"]] == [
        ("disclosure.discrepancy.unreported", "concealment", "2015-01-01", True, "KAILU.4"),
        ("disclosure.discrepancy.under_reported", "omission", "2015-01-01", True, "KAILU.4")]
    assert [(i["name"], i["value"]) for i in d["inputs"]][:2] == [
        ("complaint", "C1"), ("finding", "founded_disqualifying")]
    assert "定性为瞒报" in ex.to_text("zh")
    for private in ("王晓梅", "118.56", "50000", "150502", "李明远"):
        assert private not in ex.to_json()
    assert c.complaints()[0]["discrepancies"] == [
        "real_estate:unreported:concealment", "securities:under_reported:omission"]


def test_classification_follows_the_policy_and_explains_omissions_only():
    r = dc.classify([("marriage", "inaccurate")], as_of=D(2016, 10, 9))
    assert r["discrepancies"] == [{"matter": "marriage", "kind": "inaccurate", "class": "omission"}]
    assert r["accountability"] is False
    assert [x.rule_id for x in r["explanation"].rules][-1] == "disclosure.discrepancy.no_concealment"
    county = cadrekit.Policy.loads(
        "profile: test\nextends: tongliao-2016\nparameters:\n"
        "  disclosure.discrepancy.inaccurate:\n    values:\n      2016-06-01: concealment\n")
    r = dc.classify([{"matter": "marriage", "kind": "inaccurate"}], as_of=D(2016, 10, 9), policy=county)
    assert r["discrepancies"][0]["class"] == "concealment" and r["accountability"] is True
    assert r["explanation"].parameters[0].effective_from == D(2016, 6, 1)
    assert dc.classify([("marriage", "inaccurate")], as_of=D(2016, 5, 31), policy=county)["accountability"] is False
    with pytest.raises(cadrekit.InvalidInput, match=r"discrepancies\[1\]\.matter"):
        dc.classify([("marriage", "inaccurate"), ("villas", "unreported")], as_of=D(2016, 10, 9))


def test_validate_reports_a_value_no_json_holds_as_a_problem_at_its_path():
    # "Never raises for bad data": a time of day, inf, bytes or a lone surrogate raised
    # InvalidInput naming the last key only (and aborted validate_all); NaT was read as a date.
    import pandas as pd
    good = golden()
    cases = [(pd.NaT, "missing"), (pd.Timestamp("2016-01-01 10:00"), "wrong_type"), (float("inf"), "wrong_type"),
             (b"x", "wrong_type"), ("a\ud800", "not_utf8")]
    for value, code in cases:
        bad = copy.deepcopy(good)
        bad["work_history"][0]["text"] = value
        got = dc.validate(bad)
        assert [(p["path"], p["code"]) for p in got] == [("work_history[0].text", code)], (value, got)
        rows = dc.validate_all([good, bad])
        assert [(r["index"], r["path"]) for r in rows] == [(1, "work_history[0].text")]
    bad = copy.deepcopy(good)
    bad["work_history"][0]["110101199003077777"] = b"x"  # a key that is data: not repeated
    assert "7777" not in json.dumps(dc.validate(bad))


def test_discrepancies_as_a_dataframe_and_missing_cells():
    # A DataFrame was walked as its column names ("expected a (matter, kind) pair"), and a NaN or
    # pd.NA matter became the text "nan" ("not one of the 9 matters").
    import numpy as np
    import pandas as pd
    df = pd.DataFrame({"matter": ["marriage", "securities"], "kind": ["inaccurate", "unreported"]})
    assert dc.classify(df, as_of=D(2016, 10, 9)) == dc.classify(df.to_dict("records"), as_of=D(2016, 10, 9))
    for gone in (None, np.nan, pd.NA):
        for given in ([{"matter": "marriage", "kind": "inaccurate"}, {"matter": gone, "kind": "unreported"}],
                      [("marriage", "inaccurate"), (gone, "unreported")]):
            with pytest.raises(cadrekit.InvalidInput) as e:
                dc.classify(given, as_of=D(2016, 10, 9))
            assert (e.value.field, e.value.record, e.value.message) == \
                ("matter", "discrepancies[1]", "matter is missing")


def test_discrepancy_kinds_in_the_vocabularys_spellings_classify_as_their_codes():
    # 不准确 is the kind inaccurate (KAILU.4: 填报内容不完整、不准确), 未填报 unreported
    r = dc.classify([("marriage", "不准确"), ("real_estate", "未填报")], as_of=D(2016, 10, 9))
    codes = dc.classify([("marriage", "inaccurate"), ("real_estate", "unreported")], as_of=D(2016, 10, 9))
    assert r["discrepancies"] == codes["discrepancies"] and r["accountability"] is codes["accountability"] is True
    assert [(x["kind"], x["class"]) for x in r["discrepancies"]] == [("inaccurate", "omission"),
                                                                    ("unreported", "concealment")]
    with pytest.raises(cadrekit.InvalidInput, match=r"expected one of: unreported \(未填报\)") as e:
        dc.classify([("marriage", "好像不对")], as_of=D(2016, 10, 9))
    assert e.value.field == "discrepancies[0].kind" and "好像不对" not in str(e.value)


def test_refused_finding_raises_and_post_round_is_explained():
    c = opened()
    plan = c.post_round(1, D(2016, 9, 30), "org")
    assert [x.rule_id for x in plan["explanation"].rules][0] == "disclosure.round.venues"
    c.receive_complaint("letter", D(2016, 10, 8), "sup")
    before = c.to_json()
    with pytest.raises(cadrekit.StateError):
        c.record_finding("C1", "unfounded", D(2016, 10, 9), "team")  # not assigned
    assert c.to_json() == before


# --- figures and lrmx ------------------------------------------------------------------------


def test_yearly_counts_reproduce_the_source_totals():
    cases = []
    for i in range(135):
        r = golden()
        r["id"] = r["person"]["id"] = f"K{i}"
        c = dc.Case.open(r, D(2015 + (i >= 60), 3, 1), "org")
        c.post_round(1, D(2015 + (i >= 60), 3, 9), "org")
        if i < 35 or 60 <= i < 103:
            c.post_round(2, D(2015 + (i >= 60), 4, 6), "org")
        cases.append(c)
    rows = dc.yearly_counts(cases)
    assert [(r["year"], r["round"], r["disclosed"]) for r in rows] == [
        (2015, 1, 60), (2015, 2, 35), (2016, 1, 75), (2016, 2, 43)]
    frame = dc.yearly_counts(cases, as_frame=True)
    assert frame.groupby("round")["disclosed"].sum().to_dict() == {1: 135, 2: 78}


def test_record_from_lrmx():
    r = dc.record_from_lrmx((GOLDEN / "disclosure_lrmx_example.xml").read_bytes(), "LX-1")
    assert r["person"]["name"] == "王晓梅"
    assert r["person"]["birth_date"] == "1978-12-18"
    assert r["citizen_id"] == "150502197812186440"
    assert len(r["work_history"]) == 4
    assert all(not m["items"] and not m["none"] for m in r["matters"].values())
    codes = {p["code"] for p in dc.validate(r)}
    assert "matter_empty" in codes and "commitment_missing" in codes


BASIC_PERSON = ("name", "sex", "birth_date", "ethnicity", "political_status", "party_joined",
                "work_started")
BASIC = ("reference_date", "citizen_id", "current_post", "proposed_post", "education",
         "work_history")


def basic(r):
    """The basic information a .lrmx form carries (record_to_lrmx's round-trip contract)."""
    return ({k: r["person"].get(k) for k in BASIC_PERSON}, {k: r.get(k) for k in BASIC})


def test_lrmx_export_writes_the_form_in_order_and_its_date_style():
    with open(GOLDEN / "disclosure_lrmx_elements.csv", encoding="utf-8") as f:
        rows = [r for r in csv.reader(line for line in f if not line.startswith("#"))]
    order = [r[1] for r in rows[1:] if r[2] == "Person"]
    assert len(order) == 34
    x = dc.record_from_lrmx((GOLDEN / "disclosure_lrmx_example.xml").read_bytes(), "LX-1")
    xml = dc.record_to_lrmx(x)
    import xml.etree.ElementTree as ET  # an independent reader

    root = ET.fromstring(xml.encode("utf-8"))
    assert root.tag == "Person"
    assert [c.tag for c in root] == order
    assert root.findtext("ChuShengNianYue") == "197812"
    assert root.findtext("MinZu") == "蒙古族"
    assert root.findtext("RuDangShiJian") == "200107"
    assert root.findtext("CanJiaGongZuoShiJian") == "200007"
    assert root.findtext("JiSuanNianLingShiJian") == "20260301"
    assert root.findtext("TianBiaoShiJian") == "20260301"
    assert root.findtext("ShenFenZheng") == "150502197812186440"
    assert root.findtext("Version") == "3.2.1.16"
    assert root.findtext("JianLi").splitlines() == [
        "1996.09--2000.07  示例大学经济系财政学专业学习",
        "2000.07--2008.03  示例市示例局科员",
        "2008.03--2016.05  示例市示例局副科长、科长",
        "2016.05--        示例市示例局副局长",
    ]


def test_lrmx_round_trip_of_an_imported_form():
    x = dc.record_from_lrmx((GOLDEN / "disclosure_lrmx_example.xml").read_bytes(), "LX-1")
    assert dc.record_from_lrmx(dc.record_to_lrmx(x), "LX-1") == x


def test_lrmx_round_trip_of_a_json_record_on_the_basic_information():
    x = dc.normalize(golden())
    y = dc.record_from_lrmx(dc.record_to_lrmx(x), x["id"])
    assert basic(y) == basic(x)
    assert y["person"]["birth_date"] == "1978-12-18" and y["reference_date"] == "2016-09-20"
    x["current_post"] = '示例局<办公室> & "科"'
    assert dc.record_from_lrmx(dc.record_to_lrmx(x), x["id"])["current_post"] == x["current_post"]


def test_lrmx_month_elements_drop_the_day_without_an_id_number():
    x = golden()
    x["citizen_id"] = ""
    x["person"]["party_joined"] = "2001-07-15"
    x["work_history"][1]["until"] = "2008-03-20"
    y = dc.record_from_lrmx(dc.record_to_lrmx(x), x["id"])
    assert y["person"]["birth_date"] == "1978-12-01"
    assert y["person"]["party_joined"] == "2001-07-01"
    assert y["work_history"][1]["until"] == "2008-03-01"


@pytest.mark.parametrize("path,value,field", [
    ("education", None, "education[2].mode"),
    ("work_history.1.text", '"示例县\\n示例局科员"', "work_history[1].text"),
    ("reference_date", "-", "reference_date"),
    ("citizen_id", '"150502197812186441"', "citizen_id"),
])
def test_lrmx_export_refuses_what_the_form_cannot_hold(path, value, field):
    r = golden()
    if value is None:
        r["education"].append(r["education"][0])
    else:
        set_path(r, path, value)
    with pytest.raises(cadrekit.InvalidInput) as e:
        dc.record_to_lrmx(r)
    assert field in str(e.value)
    assert "示例" not in str(e.value)


# --- robustness: arbitrary values anywhere never crash, only typed errors -----------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**20, 10**20) | st.text(max_size=8)
    | st.floats(allow_nan=False, allow_infinity=False),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3),
    max_leaves=6,
)


def leaf_paths(obj, prefix=""):
    out = [prefix] if prefix else []
    if isinstance(obj, dict):
        for k, v in obj.items():
            out += leaf_paths(v, f"{prefix}.{k}" if prefix else k)
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            out += leaf_paths(v, f"{prefix}.{i}")
    return out


ALL_PATHS = leaf_paths(golden())


@settings(max_examples=150, deadline=None)
@given(path=st.sampled_from(ALL_PATHS), value=json_values)
def test_property_any_value_anywhere_gives_problems_or_typed_errors(path, value):
    r = golden()
    set_path(r, path, json.dumps(value))
    problems = dc.validate(r)
    assert all(set(p) == {"path", "code", "message"} for p in problems)
    try:
        n = dc.notice(r, 1)
    except cadrekit.Error:
        assert problems, "notice refused a record validate accepted"
    else:
        assert not problems, "notice accepted a record validate refused"
        assert set(n["fields"]) == set(n["field_names"])


@settings(max_examples=100, deadline=None)
@given(cut=st.integers(0, 4000), junk=st.text(max_size=5))
def test_property_mangled_case_json_is_a_typed_error(cut, junk):
    c = opened()
    c.post_round(1, D(2016, 9, 30), "org")
    c.receive_complaint("phone", D(2016, 10, 8), "sup")
    s = c.to_json()
    mangled = s[:cut] + junk + s[cut + len(junk):]
    try:
        back = dc.Case.from_json(mangled)
    except cadrekit.Error:
        return
    assert back.to_json() == dc.Case.from_json(back.to_json()).to_json()


def test_validate_all_lists_and_frames():
    import pandas as pd

    good, bad = golden(), golden()
    bad["id"] = bad["person"]["id"] = "KL-BAD"
    bad["matters"]["securities"]["items"][0]["amount"] = "0"
    rows = dc.validate_all([good, bad])
    assert [(r["index"], r["id"], r["code"]) for r in rows] == [(1, "KL-BAD", "amount_not_positive")]
    frame = dc.validate_all(pd.DataFrame({"record": [good, bad]}, index=["a", "b"]), as_frame=True)
    assert list(frame.columns) == ["index", "id", "path", "code", "message"]
    assert frame["index"].tolist() == ["b"]
    assert frame["path"].tolist() == ["matters.securities.items[0].amount"]


def test_a_member_given_twice_or_a_nul_in_a_text_is_a_problem_naming_the_member():
    text = json.dumps(golden(), ensure_ascii=False)
    twice = text.replace('{', '{"schema_version":1,"schema_version":2,', 1)
    assert [(p["path"], p["code"]) for p in dc.validate(twice)] == [("schema_version", "duplicate_member")]
    nul = text.replace('{', '{"note":"a\\u0000b",', 1)
    assert [p["code"] for p in dc.validate(nul)] == ["nul_character"]
