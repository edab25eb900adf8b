"""docs/errors.md from Python: every row of tests/golden/bad_inputs.tsv raises its typed error
(the same table runs through C++ and C), and no personal value reaches a message."""
import datetime as dt
import json
import pathlib
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

import cadrekit

TABLE = pathlib.Path(__file__).resolve().parents[2] / "tests" / "golden" / "bad_inputs.tsv"
AS_OF = dt.date(2016, 9, 22)
CLASSES = {
    "invalid_input": cadrekit.InvalidInput,
    "invalid_argument": cadrekit.InvalidInput,
    "overflow": cadrekit.InvalidInput,
    "policy": cadrekit.PolicyError,
    "calendar_coverage": cadrekit.CalendarCoverageError,
    "state": cadrekit.StateError,
}


def rows():
    lines = [l for l in TABLE.read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")]
    out = []
    for l in lines[1:]:
        kind, op, args, code, private = l.split("\t")
        out.append(pytest.param(op, [a.replace("\\n", "\n") for a in args.split(" | ")], code,
                                private == "yes", id=kind))
    return out


def iso(s):
    return dt.date.fromisoformat(s)


def run(op, a):
    cal = cadrekit.WorkCalendar.china()
    if op == "date_iso":
        # Python's dates are datetime.date; the library's own parser is reached through text
        # inputs such as a holiday CSV row.
        cadrekit.WorkCalendar.from_csv(f"date,is_off_day,name\n{a[0]},true,x\n")
    elif op == "date_ymd":
        # An impossible date cannot be a datetime.date; the library refuses it in a CSV row.
        cadrekit.WorkCalendar.from_csv(f"date,is_off_day,name\n{int(a[0]):04d}-{int(a[1]):02d}-{int(a[2]):02d},true,x\n")
    elif op == "calendar_add":
        cal.add_working_days(iso(a[0]), int(a[1]))
    elif op == "calendar_window":
        cal.window(iso(a[0]), int(a[1]))
    elif op == "money":
        cadrekit.parse_money(a[0])
    elif op == "at_least_share":
        cadrekit.at_least_share(int(a[0]), a[1])
    elif op == "policy_yaml":
        cadrekit.Policy.loads(a[0])
    elif op == "policy_value":
        cadrekit.Policy.default().value(a[0], iso(a[1]))
    elif op == "citizen_id":
        cadrekit.parse_citizen_id(a[0])
    elif op == "explanation_json":
        cadrekit.Explanation.from_json(a[0])
    elif op == "person_json":
        cadrekit.Person.from_json(a[0]).three_ages(AS_OF)
    elif op == "audit_plan":
        req = json.loads(a[0])
        cadrekit.audit.plan(req["units"], req.get("audits", []), req.get("terms", []), req["first_year"],
                            req["last_year"], req["capacity"], req["seed"])
    elif op == "assessment_screen":
        req = json.loads(a[0])
        cadrekit.assessment.screen(req["records"], as_of=iso(req["as_of"]))
    else:
        raise AssertionError(f"unknown operation {op}")


def test_the_table_is_not_empty():
    assert len(rows()) >= 20


@pytest.mark.parametrize("op,args,code,private", rows())
def test_bad_input_gets_its_typed_error(op, args, code, private):
    with pytest.raises(CLASSES[code]) as e:
        run(op, args)
    assert isinstance(e.value, cadrekit.Error)
    assert e.value.code == code
    assert str(e.value)
    if private:
        for a in args:
            assert a not in str(e.value)


def test_nan_and_float_in_a_money_column_are_refused_with_a_typed_error():
    """NaN in a batch column (docs/errors.md): money never comes from a float."""
    pd = pytest.importorskip("pandas")
    import numpy as np
    df = pd.DataFrame({"unit_id": ["U1", "U2"], "name": ["a", "b"], "budget": [np.nan, np.nan]})
    with pytest.raises(cadrekit.InvalidInput) as e:
        cadrekit.audit.tier(df, as_of=AS_OF)
    assert e.value.code == "invalid_input"
    assert "budget" in str(e.value)


def test_an_error_carries_its_message_without_field_and_record():
    with pytest.raises(cadrekit.InvalidInput) as info:
        cadrekit.parse_money("not money")
    e = info.value
    assert e.message and "(field" not in e.message
    assert str(e).startswith(e.message)
    suffix = str(e)[len(e.message):]
    if e.field:
        assert f"field {e.field}" in suffix


LONE = "1\ud800"  # a str no UTF-8 can hold: pybind11's own conversion raised a bare RuntimeError


def person(**kw):
    args = dict(id="P1", sex=1, birth_date=dt.date(1980, 1, 1), ethnicity="01", political_status="01")
    args.update(kw)
    return cadrekit.Person(**args)


@pytest.mark.parametrize("call,field", [
    (lambda: cadrekit.parse_money(LONE), "text"),
    (lambda: cadrekit.format_money(LONE), "amount"),
    (lambda: cadrekit.at_least_share(5, LONE), "share"),
    (lambda: person(sex=LONE), "sex"),
    (lambda: person(ethnicity=LONE), "ethnicity"),
    (lambda: person(rank=LONE), "rank"),
    (lambda: cadrekit.audit.tier([{"unit_id": "U1", "budget": LONE}], as_of=AS_OF), "budget"),  # record units[0]
])
def test_a_lone_surrogate_is_invalid_input_naming_the_field(call, field):
    with pytest.raises(cadrekit.InvalidInput) as e:
        call()
    assert e.value.field == field and "surrogate" in str(e.value)


SECRET = "\ud800王秘密"  # a lone surrogate beside a name: neither may reach the message
_REC = {"cadre_id": "C1", "unit_id": "U1", "kind": "annual", "period": "2016", "rank": 1, "group_size": 10,
        "rating": "competent"}
_VIL = {"village_id": "V1", "name": "a", "township": "A", "population": 800}
_PRI = {"cadre_id": "P1", "name": "x", "village_id": "V1", "post": "secretary", "served_from": "2015-01-01"}
_SCO = {"village_id": "V1", "period": "2016Q1", "score": "90"}
_MEM = {"team_id": "T1", "cadre_id": "C1", "sex": "1", "birth_date": "1980-01-01", "ethnicity": "01",
        "political_status": "01"}


def _frame_and_rows(table, **bad):
    rows = [dict(table, **bad)]
    return pd.DataFrame(rows), rows


@pytest.mark.parametrize("field,call", [
    ("kind", lambda t: cadrekit.assessment.screen(t, as_of=AS_OF, explain=False)
     if isinstance(t, list) else cadrekit.assessment.screen(t, as_of=AS_OF)),
    ("rating", lambda t: cadrekit.assessment.screen(t, as_of=AS_OF)),
    ("admin_fees", lambda t: cadrekit.audit.tier(t, as_of=AS_OF)),
    ("sex", lambda t: cadrekit.talent.team_structure(t, as_of=AS_OF)),
    ("population", lambda t: cadrekit.village.pay_sheet(t, [_PRI], [_SCO], 2016)),
    ("served_from", lambda t: cadrekit.village.pay_sheet([_VIL], t, [_SCO], 2016)),
    ("birth_date", lambda t: cadrekit.three_ages(t, as_of=AS_OF)),
])
def test_a_cell_utf8_cannot_hold_is_invalid_input_from_frames_and_rows_alike(field, call):
    # The column readers read each distinct cell with a reader of the core (a code, a date, a
    # level, a whole number); given such a cell, pybind11 raised a TypeError that printed it.
    base = {"kind": _REC, "rating": _REC, "admin_fees": {"unit_id": "U1", "budget": 100},
            "sex": _MEM, "population": _VIL, "served_from": _PRI, "birth_date": {}}[field]
    for table in _frame_and_rows(base, **{field: SECRET}):
        with pytest.raises(cadrekit.InvalidInput) as e:
            call(table)
        assert field in str(e.value) and "surrogate" in str(e.value) and "王" not in str(e.value)


def test_a_date_cell_utf8_cannot_hold_is_invalid_input_in_the_calendar_columns():
    cal = cadrekit.WorkCalendar.china()
    for call in (lambda: cal.add_working_days(pd.Series(["2016-01-04", SECRET]), 1),
                 lambda: cal.count_working_days(["2016-01-04", SECRET], dt.date(2016, 12, 31)),
                 lambda: cal.add_working_days(pd.Series(["2016-01-04"]), pd.Series([SECRET]))):
        with pytest.raises(cadrekit.InvalidInput, match="surrogate") as e:
            call()
        assert "row" in str(e.value) and "王" not in str(e.value)


def test_a_record_keyed_by_an_id_number_is_masked_from_the_core_and_the_package_alike():
    # The core names a tiering's unit by its id; the package names a pay sheet's principal by
    # its cadre id: an id that is a citizen ID number is masked but for its last four.
    idno = "110101199003077777"
    with pytest.raises(cadrekit.InvalidInput) as core:
        cadrekit.audit.tier([{"unit_id": idno, "budget": 100, "admin_fees": "7"}], as_of=AS_OF, explain=False)
    assert core.value.record == "**************7777" and idno[:10] not in str(core.value)
    from cadrekit import _frames
    mine = _frames.invalid("is wrong", "cadre_id", f"principals {idno}")
    assert mine.record == "principals **************7777" and idno[:10] not in str(mine)
    assert cadrekit._core.masked_record("row 12") == "row 12"


@pytest.mark.parametrize("base,field,call", [
    (_REC, "cadre_id", lambda t: cadrekit.assessment.screen(t, as_of=AS_OF, explain=False)
     if isinstance(t, list) else cadrekit.assessment.screen(t, as_of=AS_OF)),
    (_MEM, "birth_date", lambda t: cadrekit.talent.team_structure(t, as_of=AS_OF)),
    (_VIL, "township", lambda t: cadrekit.village.pay_sheet(t, [_PRI], [_SCO], 2016)),
    ({}, "birth_date", lambda t: cadrekit.three_ages(t, as_of=AS_OF)),
])
def test_a_cell_that_is_a_list_is_invalid_input_from_frames_and_rows_alike(base, field, call):
    # pandas' factorize raised a bare TypeError (unhashable type) on the DataFrame paths, and
    # the pay sheet's rows path took the list's text ("['A']") as the township.
    for table in _frame_and_rows(base, **{field: ["X1"]}):
        with pytest.raises(cadrekit.InvalidInput) as e:
            call(table)
        assert e.value.field.endswith(field) and "X1" not in str(e.value)


def test_a_list_in_a_calendar_column_is_invalid_input_naming_it():
    cal = cadrekit.WorkCalendar.china()
    with pytest.raises(cadrekit.InvalidInput) as e:
        cal.add_working_days(["2016-01-04", ["x"]], 1)
    assert (e.value.field, e.value.record) == ("from", "row 2")
    with pytest.raises(cadrekit.InvalidInput) as e:
        cal.add_working_days(pd.Series(["2016-01-04"]), pd.Series([{"a": 1}]))
    assert (e.value.field, e.value.record) == ("n", "row 1")


@pytest.mark.parametrize("field", ["sex", "ethnicity", "political_status"])
def test_a_code_beyond_int64_in_an_object_column_is_invalid_input_naming_its_row(field):
    # It was NumPy's OverflowError from the table of the distinct codes.
    members = pd.DataFrame([dict(_MEM, cadre_id="C0"), dict(_MEM, cadre_id="C1", **{field: 2**70})])
    with pytest.raises(cadrekit.InvalidInput) as e:
        cadrekit.talent.team_structure(members, as_of=AS_OF)
    assert (e.value.field, e.value.record) == (field, "row 2")


@pytest.mark.parametrize("field", ["team_id", "cadre_id"])
@pytest.mark.parametrize("cell,why", [("", "is empty"), (b"T1", "must be text or a whole number"),
                                      (Decimal("7"), "must be text or a whole number"),
                                      (7.5, "must be text or a whole number"),
                                      (dt.date(2016, 1, 1), "must be text or a whole number"),
                                      ("T\x00", "NUL"), ("T\ud800", "surrogate")])
def test_a_team_or_cadre_id_that_is_no_id_is_refused_by_the_frame_path_as_by_the_rows(field, cell, why):
    # The DataFrame path counted such a team (and returned the cell as its id), where the rows
    # path refuses it.
    members = [dict(_MEM, cadre_id="C0"), dict(_MEM, **{"cadre_id": "C1", field: cell})]
    with pytest.raises(cadrekit.InvalidInput, match=why) as e:
        cadrekit.talent.team_structure(pd.DataFrame(members), as_of=AS_OF)
    assert (e.value.field, e.value.record) == (field, "row 2")
    with pytest.raises(cadrekit.InvalidInput, match=why):
        cadrekit.talent.team_structure(members, as_of=AS_OF)


@pytest.mark.parametrize("field", ["team_id", "cadre_id"])
@pytest.mark.parametrize("number", [7, 7.0, np.int64(7)])
def test_a_whole_number_among_text_ids_is_an_id_from_frames_and_rows(field, number):
    # As audit.tier's ids: a number a spreadsheet gave is an id, in a column of text too (the
    # DataFrame path refused it there, and the rows path refused any number, while a column of
    # numbers alone was taken); 7.0 too, as a spreadsheet's reader may give it.
    members = [dict(_MEM, cadre_id="C0"), dict(_MEM, **{"cadre_id": "C1", field: number})]
    frame = cadrekit.talent.team_structure(pd.DataFrame(members), as_of=AS_OF)
    rows = cadrekit.talent.team_structure(members, as_of=AS_OF, as_frame=True)
    assert frame["size"].sum() == rows["size"].sum() == 2
    assert [t if isinstance(t, str) else str(int(t)) for t in frame["team_id"]] == list(rows["team_id"])


def test_team_ids_read_as_numbers_stay_the_callers_numbers():
    members = pd.DataFrame([dict(_MEM, team_id=7, cadre_id="C0"), dict(_MEM, team_id=8, cadre_id="C1")])
    assert cadrekit.talent.team_structure(members, as_of=AS_OF)["team_id"].tolist() == [7, 8]


@pytest.mark.parametrize("field", ["cadre_id", "unit_id", "period"])
def test_screening_refuses_an_id_utf8_cannot_hold_alike_from_frames_and_rows(field):
    # The DataFrame path screened such a record (the id went through as the caller's object).
    records = [dict(_REC, cadre_id="C0"), dict(_REC, **{"cadre_id": "C1", field: "C\ud800"})]
    errors = []
    for call in (lambda: cadrekit.assessment.screen(pd.DataFrame(records), as_of=AS_OF),
                 lambda: cadrekit.assessment.screen(records, as_of=AS_OF, explain=False)):
        with pytest.raises(cadrekit.InvalidInput, match="surrogate") as e:
            call()
        errors.append(str(e.value))
    assert errors[0] == errors[1] and field in errors[0]


@pytest.mark.parametrize("unit_id", [b"U1", True, dt.datetime(2016, 1, 1), 2.5])
def test_a_units_id_that_is_neither_text_nor_a_whole_number_is_refused_by_the_rows_path(unit_id):
    # str() made ids of their reprs ("b'U1'", "True", "2016-01-01 00:00:00").
    with pytest.raises(cadrekit.InvalidInput) as e:
        cadrekit.audit.tier([{"unit_id": unit_id, "budget": 100}], as_of=AS_OF, explain=False)
    assert (e.value.field, e.value.record) == ("unit_id", "units[0]")
    assert cadrekit.audit.tier([{"unit_id": 7, "budget": 100}], as_of=AS_OF, explain=False)[0]["unit_id"] == "7"


@pytest.mark.parametrize("when", [dt.datetime(2015, 1, 1, 9, 30), pd.Timestamp("2015-01-01 00:00:00.000000001"),
                                  dt.datetime(2015, 1, 1, tzinfo=dt.timezone.utc)])
def test_a_datetime_that_is_not_a_date_is_refused_alike_in_every_form(when):
    # A time of day or a time zone was cut off (read as its date) where the cell was a Python
    # object (records, an object column), and refused in a datetime64 column.
    principals = [dict(_PRI, served_from=when)]
    forms = [principals, pd.DataFrame(principals).astype({"served_from": object})]
    if when.tzinfo is None:
        forms.append(pd.DataFrame(principals).astype({"served_from": "datetime64[ns]"}))
    for p in forms:
        with pytest.raises(cadrekit.InvalidInput, match="time of day|time zone") as e:
            cadrekit.village.pay_sheet([_VIL], p, [_SCO], 2016)
        assert e.value.field == "served_from" and e.value.record in ("principals[0]", "")
    midnight = [dict(_PRI, served_from=dt.datetime(2015, 1, 1))]
    assert cadrekit.village.pay_sheet([_VIL], midnight, [_SCO], 2016).to_records()[0]["units"] == 12


def test_a_numpy_datetime64_in_an_object_column_is_a_date_as_in_the_records():
    # (a cell set after the frame is built keeps its NumPy type; df.to_dict("records") turns it
    # into a Timestamp, which every path read.) The DataFrame paths refused the scalar itself.
    def frame(row, field, value):
        df = pd.DataFrame([row], dtype=object)
        df.at[0, field] = value
        assert type(df.at[0, field]) is type(value)
        return df
    members = frame(_MEM, "birth_date", np.datetime64("1980-01-01"))
    assert cadrekit.talent.team_structure(members, as_of=AS_OF)["size"].tolist() == [1]
    ages = cadrekit.three_ages(frame({"birth_date": None}, "birth_date", np.datetime64("1980-01-01")), as_of=AS_OF)
    assert ages["age"].tolist() == [36]
    principals = frame(_PRI, "served_from", np.datetime64("2015-01-01"))
    assert cadrekit.village.pay_sheet([_VIL], principals, [_SCO], 2016).to_records()[0]["units"] == 12
    with pytest.raises(cadrekit.InvalidInput, match="time of day"):
        cadrekit.three_ages(frame({"birth_date": None}, "birth_date", np.datetime64("1980-01-01T10:00")),
                            as_of=AS_OF)


def test_team_ids_of_pandas_string_dtype_are_checked_as_an_object_columns_are():
    members = pd.DataFrame([dict(_MEM, cadre_id="C0"), dict(_MEM, cadre_id="C1", team_id="")])
    with pytest.raises(cadrekit.InvalidInput, match="team_id is empty") as e:
        cadrekit.talent.team_structure(members.astype({"team_id": "string"}), as_of=AS_OF)
    assert e.value.record == "row 2"
    fine = pd.DataFrame([dict(_MEM, cadre_id="C0"), dict(_MEM, cadre_id="C1", team_id="T2")])
    assert cadrekit.talent.team_structure(fine.astype({"team_id": "string", "cadre_id": "string"}),
                                          as_of=AS_OF)["size"].tolist() == [1, 1]


# Arguments and keys found by fuzzing the public calls with planted personal values: each is a
# typed error naming its field, and none repeats the value.
ID_NUMBER = "110101199003077777"
DISCLOSURE_RECORD = json.loads((pathlib.Path(__file__).resolve().parents[2] / "data" / "sample" /
                                "disclosure_records.json").read_text(encoding="utf-8"))[0]


def refused(call, kind=cadrekit.InvalidInput):
    with pytest.raises(kind) as e:
        call()
    text = " ".join(str(x) for x in (e.value, getattr(e.value, "field", ""), getattr(e.value, "record", "")))
    assert ID_NUMBER[:12] not in text and "王秘密" not in text, text
    return e.value


@pytest.mark.parametrize("where", ["family", "residence"])
@pytest.mark.parametrize("key", [ID_NUMBER, "王秘密", "id_" + ID_NUMBER])
def test_an_unknown_key_of_a_disclosure_record_is_shown_as_a_key_may_be(where, key):
    rec = json.loads(json.dumps(DISCLOSURE_RECORD))
    (rec[where][0] if where == "family" else rec[where])[key] = "x"
    e = refused(lambda: cadrekit.disclosure.normalize(rec))
    assert e.field.endswith("?") or e.field.endswith("**************7777"), e.field
    problems = cadrekit.disclosure.validate(rec)
    assert problems and all(ID_NUMBER[:12] not in p["path"] and "王秘密" not in p["path"] for p in problems)


@pytest.mark.parametrize("key", [ID_NUMBER, "王秘密", "phone_13800138000"])
def test_an_unknown_indicator_or_column_is_shown_as_a_key_may_be(key):
    e = refused(lambda: cadrekit.assessment.composite_score("township", {key: "80"}, as_of=AS_OF))
    assert e.field in ("scores.?", "scores.phone_*******8000"), e.field
    e = refused(lambda: cadrekit.audit.tier([{"unit_id": "U1", "budget": 1, key: 1}], as_of=AS_OF, strict=True))
    assert e.field in ("?", "phone_*******8000"), e.field
    refused(lambda: cadrekit.assessment.composite_score("township", "王秘密", as_of=AS_OF), TypeError)


@pytest.mark.parametrize("call", [
    lambda v: cadrekit.village.funnel(v),
    lambda v: cadrekit.village.check_lists(2016, v, {}),
    lambda v: cadrekit.village.allocate_quota({"T1": v}, 3),
    lambda v: cadrekit.village.selection_allocation({"T1": v}, 2016),
    lambda v: cadrekit.audit.draw_sample(["U1"], v, 1, 2016),
    lambda v: cadrekit.audit.plan([{"unit_id": "U1", "level": 2}], [], [], 2017, 2021, v, 1),
    lambda v: cadrekit.talent.propose_postings([], {"village_residency": v}, as_of=AS_OF),
])
@pytest.mark.parametrize("value", ["王秘密 " + ID_NUMBER, float("inf"), 2.5, "7"])
def test_a_whole_number_argument_refuses_anything_else_by_name(call, value):
    e = refused(lambda: call(value), TypeError)
    assert isinstance(e, cadrekit.InvalidInput) and e.field


V1 = [{"village_id": "V1", "name": "V1", "township": "T1", "population": 500}]
P1 = [{"cadre_id": "P1", "name": "P1", "village_id": "V1", "post": "secretary", "served_from": "2016-01-01"}]


@pytest.mark.parametrize("call,field,value", [
    *[(call, "year", v) for call in (lambda v: cadrekit.village.pay_sheet(V1, P1, [], v),
                                     lambda v: cadrekit.village.selection_quota(10, v),
                                     lambda v: cadrekit.audit.draw_sample(["U1"], 1, 1, v))
      for v in (2 ** 31 + 7, 2 ** 40, -(2 ** 31) - 9)],
    *[(call, field, v) for call, field in ((lambda v: cadrekit.audit.draw_sample(["U1"], 1, v, 2016), "seed"),
                                           (lambda v: cadrekit.audit.draw_sample(["U1"], v, 1, 2016), "count"))
      for v in (-7, 2 ** 64 + 7)],
])
def test_a_whole_number_argument_beyond_what_the_call_holds_is_invalid_input_naming_it(call, field, value):
    e = refused(lambda: call(value), cadrekit.InvalidInput)
    assert e.field == field and "value outside" in str(e) and str(value) not in str(e)


def test_a_promotion_cases_facts_and_arguments_are_read_with_typed_errors():
    facts = {"cadre_id": "C9", "unit_id": "U1", "current_rank": "副科", "target_rank": "正科",
             "rank_since": dt.date(2014, 1, 1), "work_started": dt.date(2005, 7, 1)}
    for key, value in (("rank_since", "2014-01-01"), ("work_started", ID_NUMBER), ("integrity_problem", "是")):
        e = refused(lambda: cadrekit.assessment.PromotionCase("P1", dict(facts, **{key: value})))
        assert e.field == key
    case = cadrekit.assessment.PromotionCase("P1", facts)
    refused(lambda: case.vetoes(dt.date(2016, 6, 1), "x"), TypeError)
    assert refused(lambda: case.vetoes(dt.date(2016, 6, 1), disclosure="\ud800")).field == "disclosure"
    assert refused(lambda: cadrekit.year.run({"county.json": "\ud800"})).record == "county.json"


def test_a_discrepancy_or_growth_file_of_the_wrong_shape_is_a_typed_error():
    e = refused(lambda: cadrekit.disclosure.classify([{"kind": "under_reported"}], as_of=AS_OF))
    assert (e.field, e.record) == ("matter", "discrepancies[0]")
    refused(lambda: cadrekit.disclosure.classify(["王秘密"], as_of=AS_OF))
    refused(lambda: cadrekit.talent.growth("王秘密", as_of=AS_OF), TypeError)


def test_a_reference_date_before_the_profile_is_the_records_problem_not_the_batchs():
    rec = json.loads(json.dumps(DISCLOSURE_RECORD))
    rec["reference_date"] = "1977-07-17"  # a birth date put in the wrong place, say
    problems = cadrekit.disclosure.validate(rec)
    assert "before_the_profile" in [p["code"] for p in problems if p["path"] == "reference_date"]
    assert all("1977" not in p["message"] for p in problems)
    assert cadrekit.disclosure.validate_all([rec, DISCLOSURE_RECORD])  # the batch goes on
    e = refused(lambda: cadrekit.disclosure.Case.open(rec, dt.date(2016, 3, 10), "a"))
    assert "1977" not in str(e) and e.field == "reference_date"


def _village_tables():
    v = [{"village_id": "V1", "name": "x", "township": "T", "population": 800}]
    p = [{"cadre_id": "P1", "village_id": "V1", "post": "secretary", "served_from": "2010-01-01"}]
    s = [{"village_id": "V1", "period": q, "score": "80"} for q in ("2016Q1", "2016Q2", "2016Q3", "2016Q4", "2016")]
    return v, p, s


def _pay(change):
    v, p, s = _village_tables()
    change(v, p, s)
    return cadrekit.village.pay_sheet(v, p, s, 2016)


AUDIT_AS_OF = dt.date(2017, 1, 1)
ROWS_PATH_ERRORS = [
    # (call, field, record): the checks the Python layer makes itself, before the library reads
    # a row; each error names the field and the record, as the library's own errors do (these
    # were an InvalidInput whose field, record and message were empty)
    (lambda: cadrekit.audit.tier([{"unit_id": "U1"}], as_of=AUDIT_AS_OF, explain=False), "budget", "units[0]"),
    (lambda: cadrekit.audit.tier([{"unit_id": "U1", "budget": "1"}, {"budget": "1"}], as_of=AUDIT_AS_OF,
                                 explain=False), "unit_id", "units[1]"),
    (lambda: cadrekit.audit.tier([{"unit_id": "U1", "budget": "1", "admin_fees": 1.5}], as_of=AUDIT_AS_OF,
                                 explain=False), "admin_fees", "units[0]"),
    (lambda: cadrekit.audit.tier([{"unit_id": "U1", "budget": 3.5}], as_of=AUDIT_AS_OF, explain=False),
     "budget", "units[0]"),
    (lambda: _pay(lambda v, p, s: v[0].pop("population")), "population", "villages[0]"),
    (lambda: _pay(lambda v, p, s: p[0].pop("served_from")), "served_from", "principals[0]"),
    (lambda: _pay(lambda v, p, s: p[0].update(served_from=5)), "served_from", "principals[0]"),
    (lambda: _pay(lambda v, p, s: s[2].update(score=True)), "score", "scores[2]"),
    (lambda: _pay(lambda v, p, s: s[2].update(score=[1])), "score", "scores[2]"),
    # a row that is not a mapping was Python's TypeError ("list indices must be integers")
    (lambda: _pay(lambda v, p, s: v.append(["V2"])), "villages", "villages[1]"),
    (lambda: _pay(lambda v, p, s: p.append("P2")), "principals", "principals[1]"),
    (lambda: _pay(lambda v, p, s: s.append(5)), "scores", "scores[5]"),
]


@pytest.mark.parametrize("cell,score", [(Decimal("1"), 3), (Decimal("1.0"), 3), (1.0, 3), (True, 3),
                                        (Decimal("1.5"), None), (Decimal("NaN"), 2)])  # NaN: missing, 0
def test_a_factor_is_read_alike_from_records_and_frames(cell, score):
    # A whole Decimal was taken from a DataFrame and refused from records, without a field.
    df = pd.DataFrame({"unit_id": ["U1"], "budget": ["350万"], "admin_fees": pd.Series([cell], dtype=object)})
    for call in (lambda: cadrekit.audit.tier(df, as_of=AUDIT_AS_OF)["score"].tolist(),
                 lambda: [r["score"] for r in cadrekit.audit.tier(df.to_dict("records"), as_of=AUDIT_AS_OF,
                                                                  explain=False)]):
        if score is None:
            with pytest.raises(cadrekit.InvalidInput) as e:
                call()
            assert e.value.field == "admin_fees" and e.value.message == "expected a whole number"
        else:
            assert call() == [score]


@pytest.mark.parametrize("call,field,record", ROWS_PATH_ERRORS)
def test_the_rows_paths_own_errors_name_field_and_record(call, field, record):
    with pytest.raises(cadrekit.InvalidInput) as e:
        call()
    assert (e.value.field, e.value.record) == (field, record)
    assert e.value.message and str(e.value) == f"{e.value.message} (field {field}, record {record})"


# An 18-digit ID number read by pandas into a float column (a missing cell makes the column
# float) holds other digits than were written: 110101199003077777.0 is 110101199003077776.
# The records path made an id of those digits, silently; the command line and the C calls refuse
# such a JSON number. Every path now refuses a float id from 2^53 on, naming its row.
@pytest.mark.parametrize("object_column", [False, True])
def test_a_float_id_too_large_to_be_exact_is_refused_on_every_path(object_column):
    big = 110101199003077777.0
    units = pd.DataFrame({"unit_id": [1.0, big], "budget": ["1", "2"]})
    if object_column:
        units["unit_id"] = units["unit_id"].astype(object)
    for given, record in ((units, "row 2"), (units.to_dict("records"), "units[1]")):
        with pytest.raises(cadrekit.InvalidInput, match="too large to be read exactly") as e:
            cadrekit.audit.tier(given, as_of=AS_OF)
        assert (e.value.field, e.value.record) == ("unit_id", record)
    members = [dict(_MEM, cadre_id="C0"), dict(_MEM, cadre_id="C1", team_id=2.0 ** 60)]
    for given, record in ((pd.DataFrame(members), "row 2"), (members, "members[1]")):
        with pytest.raises(cadrekit.InvalidInput, match="too large to be read exactly") as e:
            cadrekit.talent.team_structure(given, as_of=AS_OF)
        assert (e.value.field, e.value.record) == ("team_id", record)
    # below 2^53 a whole float is its digits, as before
    assert cadrekit.audit.tier([{"unit_id": 2.0 ** 53 - 1, "budget": "1"}], as_of=AS_OF)[0]["unit_id"] == \
        str(2 ** 53 - 1)


def test_a_number_where_text_is_wanted_is_the_text_of_its_cell_as_on_the_other_surfaces():
    # A name 100000.0 was "100000.0" and a name True "True" here, where the command line's JSON
    # table and the C calls give "100000" and "true" (json_read::number_text); a village id
    # 1001.0 was "1001.0", where audit's id of the same number is "1001".
    got = cadrekit.audit.tier([{"unit_id": "U", "name": 100000.0, "budget": "1"},
                               {"unit_id": "V", "name": True, "budget": "1"},
                               {"unit_id": "W", "name": 2.5, "budget": "1"}], as_of=AS_OF, explain=False)
    assert [u["name"] for u in got] == ["100000", "true", "2.5"]
    v = [{"village_id": 1001.0, "name": "一村", "township": 3.0, "population": 800}]
    p = [{"cadre_id": "P1", "name": "n", "village_id": 1001.0, "post": "secretary", "served_from": "2015-01-01"}]
    s = [{"village_id": 1001.0, "period": "2016", "score": 90}]
    rec = cadrekit.village.pay_sheet(v, p, s, 2016).to_records()[0]
    assert (rec["village_id"], rec["township"]) == ("1001", "3")
    frame = cadrekit.village.pay_sheet(pd.DataFrame(v), pd.DataFrame(p), pd.DataFrame(s), 2016).to_pandas()
    assert frame["township"].tolist() == ["3"]


def test_a_float_no_text_can_hold_is_refused_where_text_is_wanted():
    # inf (a JSON 1e400) and 1e23 were written "inf" and "1e+23" as a township or a name; the
    # command line and the C calls refuse such a number ("too large to be read exactly").
    v = [{"village_id": "V1", "name": "一村", "township": float("inf"), "population": 800}]
    p = [{"cadre_id": "P1", "name": "n", "village_id": "V1", "post": "secretary", "served_from": "2015-01-01"}]
    s = [{"village_id": "V1", "period": "2016", "score": 90}]
    for given in ((v, p, s), tuple(pd.DataFrame(t) for t in (v, p, s))):
        with pytest.raises(cadrekit.InvalidInput, match="too large to be read exactly") as e:
            cadrekit.village.pay_sheet(*given, 2016).to_records()
        assert (e.value.field, e.value.record) == ("township", "villages[0]")
    with pytest.raises(cadrekit.InvalidInput, match="too large to be read exactly") as e:
        cadrekit.audit.tier([{"unit_id": "U", "name": 1e23, "budget": "1"}], as_of=AS_OF)
    assert (e.value.field, e.value.record) == ("name", "units[0]")
    # nor a list (it was the name "[1]", where the C calls refuse it)
    with pytest.raises(cadrekit.InvalidInput, match="not a list") as e:
        cadrekit.audit.tier([{"unit_id": "U", "name": [1], "budget": "1"}], as_of=AS_OF)
    assert (e.value.field, e.value.record) == ("name", "units[0]")


# An id of spaces only (an Excel cell "emptied" with a space, the ideographic space of a Chinese
# input method) is an empty id, as the command line reads the cell: it was an id of its own on
# the C and Python surfaces (a team " " of the members whose team was left blank).
@pytest.mark.parametrize("blank", [" ", "\u3000", "\t ", "\xa0"])
def test_a_blank_id_is_refused_as_empty_on_both_paths(blank):
    def refused(call, rows, field, rec_rows, rec_frame):
        for given, rec in ((rows, rec_rows), (pd.DataFrame(rows), rec_frame)):
            with pytest.raises(cadrekit.InvalidInput, match=f"{field} is empty") as e:
                call(given)
            assert (e.value.field, e.value.record) == (field, rec)
    refused(lambda x: cadrekit.audit.tier(x, as_of=AS_OF),
            [{"unit_id": "U1", "budget": "1"}, {"unit_id": blank, "budget": "1"}], "unit_id", "units[1]", "row 2")
    refused(lambda x: cadrekit.talent.team_structure(x, as_of=AS_OF),
            [_MEM, dict(_MEM, cadre_id="C2", team_id=blank)], "team_id", "members[1]", "row 2")
    rec = {"cadre_id": "C1", "kind": "annual", "period": "2015", "rating": "基本称职"}
    refused(lambda x: cadrekit.assessment.screen(x, as_of=AS_OF),
            [rec, dict(rec, cadre_id=blank)], "cadre_id", "records[1]", "records[1]")


# A blank flag, rank or date of a cadre is a missing value (its default), as the command line
# reads the empty cell; the C reader refused "  " in civil_servant ("expected 1 or 0…") and ""
# in rank ("expected one of: keyuan…"). A number where text is wanted is its digits there too.
@pytest.mark.parametrize("member,value", [("civil_servant", "  "), ("rank", ""), ("rank", "\u3000"),
                                          ("work_started", " "), ("name", 5)])
def test_a_blank_cell_of_a_cadre_is_missing_on_both_paths(member, value):
    # (a young cadre of a rank in a pool, so that the answers compared hold rows and reasons)
    cadre = {"id": "C1", "sex": "2", "birth_date": "1990-01-01", "ethnicity": "02", "political_status": "13",
             "rank": "fu_ke", "rank_since": "2010-01-01", "work_started": "2010-01-01"}
    without = {k: v for k, v in cadre.items() if k != member}
    given = [cadre, dict(cadre, id="C2", **{member: value})]
    want = cadrekit.talent.pools([cadre, dict(without, id="C2")], [], as_of=AS_OF, as_frame=True)
    cols = [c for c in want.columns if c != "name"]
    assert len(want) >= 1 and cols
    for table in (given, pd.DataFrame(given)):
        got = cadrekit.talent.pools(table, [], as_of=AS_OF, as_frame=True)
        assert got[cols].astype(str).values.tolist() == want[cols].astype(str).values.tolist()


def test_a_blank_optional_code_is_its_default_and_a_flag_is_no_population():
    # A domain of spaces only is the default domain, as the command line reads the empty cell
    # (the C reader refused it: "expected one of: township…"); a population True is refused as
    # the C calls and the command line refuse it (Python read it as 1).
    rec = {"cadre_id": "C1", "kind": "annual", "period": "2015", "rating": "基本称职"}
    rows = [rec, dict(rec, cadre_id="C2", domain="  ")]
    assert cadrekit.assessment.screen(rows, as_of=AS_OF) == cadrekit.assessment.screen(
        [rec, dict(rec, cadre_id="C2")], as_of=AS_OF)
    assert len(cadrekit.assessment.screen(pd.DataFrame(rows), as_of=AS_OF)) == 0
    # a blank score is none (the C reader refused it: "score is not an exact decimal")
    for score in ("  ", "87.5"):
        scored = [rec, dict(rec, cadre_id="C2", score=score)]
        assert cadrekit.assessment.screen(scored, as_of=AS_OF) == []
        assert len(cadrekit.assessment.screen(pd.DataFrame(scored), as_of=AS_OF)) == 0
    v = [{"village_id": "V1", "name": "a", "township": "T", "population": 800},
         {"village_id": "V2", "name": "b", "township": "T", "population": True}]
    p = [{"cadre_id": "P1", "name": "n", "village_id": "V1", "post": "secretary", "served_from": "2015-01-01"}]
    s = [{"village_id": "V1", "period": "2016", "score": 90}]
    for given in ((v, p, s), tuple(pd.DataFrame(t) for t in (v, p, s))):
        with pytest.raises(cadrekit.InvalidInput, match="expected a whole number") as e:
            cadrekit.village.pay_sheet(*given, 2016)
        assert (e.value.field, e.value.record) == ("population", "villages[1]")


@pytest.mark.parametrize("bad,why", [("ZQXV\ud800", "lone surrogate"), (" ", "id is empty"), ("a\x00", "NUL")])
def test_a_cadre_id_the_rows_path_refuses_is_refused_by_the_pools_frame_path(bad, why):
    # The pools DataFrame path (taken with the flag columns given) read the ids without looking
    # at their text: a lone surrogate and a blank id were ids there.
    cadre = {"id": "C1", "sex": "1", "birth_date": "1980-01-01", "ethnicity": "01", "political_status": "01",
             "rank": "fu_ke", "civil_servant": 0, "selected_graduate": 0}
    rows = [cadre, dict(cadre, id="C2"), dict(cadre, id=bad), dict(cadre, id="C3")]
    results = pd.DataFrame([{"cadre_id": "C1", "kind": "annual", "period": "2015", "rating": "称职"}])
    for given, res in ((rows, []), (pd.DataFrame(rows), []), (pd.DataFrame(rows), results)):
        with pytest.raises(cadrekit.InvalidInput, match=why) as e:
            cadrekit.talent.pools(given, res, as_of=AS_OF)
        # (the C reader names a NUL by its path in the field, as docs/errors.md says)
        assert (e.value.field, e.value.record) in (("id", "cadres[2]"), ("cadres[2].id", ""))


def test_a_blank_rank_and_a_date_given_as_a_number_read_alike_on_both_paths():
    # A blank rank is the default rank on the DataFrame path too (the rows path reads the empty
    # cell so); a birth date 19800105 is the cell holding its digits on both paths.
    cadre = {"id": "C1", "sex": "2", "birth_date": "1990-01-01", "ethnicity": "02", "political_status": "13",
             "rank": "fu_ke", "civil_servant": 0, "selected_graduate": 0}
    rows = [cadre, dict(cadre, id="C2", rank=" ")]
    a = cadrekit.talent.pools(pd.DataFrame(rows), [], as_of=AS_OF)
    b = cadrekit.talent.pools(rows, [], as_of=AS_OF, as_frame=True)
    assert a.astype(str).values.tolist() == b.astype(str).values.tolist()
    assert a["cadre_id"].tolist() == ["C1"]  # C2, of the default rank, is in no pool of a fu_ke
    members = [_MEM, dict(_MEM, cadre_id="C2", birth_date=19800105)]
    got = [cadrekit.talent.team_structure(m, as_of=AS_OF, as_frame=True)["size"].tolist()
           for m in (members, pd.DataFrame(members))]
    assert got == [[2], [2]]
