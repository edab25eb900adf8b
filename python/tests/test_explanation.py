"""cadrekit.Explanation and its JSON form cadrekit.explanation/1.

The golden files under tests/golden/ are shared with the C++ and C tests. Python's own
json.dumps(ensure_ascii=False, separators=(",", ":")) writes exactly the canonical form, so it
serves here as an independent oracle of to_json().
"""

import copy
import datetime
import json
import pathlib
import pickle
import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cadrekit as ck

try:  # Debian's python3-jsonschema; the schema tests that need it skip without it.
    import jsonschema
except ImportError:  # pragma: no cover - depends on the machine
    jsonschema = None

ROOT = pathlib.Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
SCHEMA = json.loads((ROOT / "docs" / "explanation.schema.json").read_text(encoding="utf-8"))

needs_jsonschema = pytest.mark.skipif(
    jsonschema is None, reason="python3-jsonschema is not installed (apt-get install python3-jsonschema)")


def golden_text(name):
    return (GOLDEN / name).read_bytes().decode("utf-8")


def canonical(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def reject_cases():
    """tests/golden/explanation_rejects.tsv: name TAB field TAB json, one a line."""
    cases = []
    for line in golden_text("explanation_rejects.tsv").split("\n"):
        if not line or line.startswith("#"):
            continue
        name, field, doc = line.split("\t", 2)
        cases.append(pytest.param(doc, field, id=name))
    return cases


REJECTS = reject_cases()


def sample():
    ex = ck.Explanation(subject="village V001")
    ex.add_rule(ck.RuleFired(rule_id="village.grade.team_by_rank", clause="JARUD.1",
                             message_zh="评为“实绩突出”", message_en='graded "outstanding"'))
    ex.add_parameter(ck.ParamUsed(name="village.grade.outstanding_share", value="1/3", unit="share",
                                  effective_from=datetime.date(2016, 1, 1), assumed=True,
                                  clause="JARUD.1"))
    ex.add_parameter(ck.ParamUsed(name="village.performance_pay.excellent", value="4000",
                                  unit="yuan/year", effective_from=datetime.date(2016, 1, 1),
                                  clause="JARUD.1"))
    ex.add_input("rank_in_township", "2")
    return ex


# --- strategies -----------------------------------------------------------------------------

# Any text Python can hold as UTF-8 (hypothesis leaves out lone surrogates), weighted towards
# what needs escaping and what is multi-byte.
TRICKY = st.sampled_from(['"', "\\", "/", "\n", "\r", "\t", "\b", "\f", "\x00", "\x01", "\x1f",
                          "\x7f", "\u2028", "村", "优秀", "“", "😀", "\U0010ffff", "\ufeff",
                          "\\u0000", "{}", "[]"])
texts = st.one_of(st.text(max_size=12), st.lists(TRICKY, max_size=6).map("".join))
dates = st.dates(min_value=datetime.date(1400, 1, 1), max_value=datetime.date(9999, 12, 31))
rules = st.builds(ck.RuleFired, rule_id=texts, clause=texts, message_zh=texts, message_en=texts)
params = st.builds(ck.ParamUsed, name=texts, value=texts, unit=texts, effective_from=dates,
                   assumed=st.booleans(), clause=texts)
inputs = st.builds(ck.InputUsed, name=texts, value=texts)
explanations = st.builds(ck.Explanation, subject=texts, rules=st.lists(rules, max_size=4),
                         parameters=st.lists(params, max_size=4),
                         inputs=st.lists(inputs, max_size=4))


# --- the golden file ------------------------------------------------------------------------

def test_golden_reemits_byte_identically():
    raw = (GOLDEN / "explanation_example.json").read_bytes()
    assert not raw.endswith(b"\n"), "the golden file is canonical JSON: no trailing newline"
    s = raw.decode("utf-8")
    assert ck.Explanation.from_json(s).to_json() == s
    assert ck.Explanation.from_json(raw).to_json() == s  # bytes are read as UTF-8
    assert ck.Explanation.from_json(bytearray(raw)).to_json() == s


def test_golden_holds_what_it_says():
    ex = ck.Explanation.from_json(golden_text("explanation_example.json"))
    assert ex.subject == "village V001 principal P0012, year 2023"
    assert [r.rule_id for r in ex.rules] == ["village.grade.team_by_rank",
                                             "village.grade.principal_from_team",
                                             "village.performance_pay.by_grade"]
    assert {r.clause for r in ex.rules} == {"JARUD.1"}
    share, pay = ex.parameters
    assert share == ck.ParamUsed(name="village.grade.outstanding_share", value="1/3", unit="share",
                                 effective_from=datetime.date(2016, 1, 1), assumed=True,
                                 clause="JARUD.1")
    assert pay.value == "4000" and pay.unit == "yuan/year" and pay.assumed is False
    assert type(pay.effective_from) is datetime.date
    assert ex.uses_assumed is True
    assert ex.inputs[3] == ck.InputUsed(name="score.total", value="92.5")


def test_golden_text():
    ex = ck.Explanation.from_json(golden_text("explanation_example.json"))
    assert ex.to_text("zh") == golden_text("explanation_example.zh.txt")
    assert ex.to_text() == golden_text("explanation_example.zh.txt")
    assert ex.to_text(lang="en") == golden_text("explanation_example.en.txt")


def test_golden_to_dict_is_the_json_form():
    s = golden_text("explanation_example.json")
    d = ck.Explanation.from_json(s).to_dict()
    assert d == json.loads(s)
    assert list(d) == ["schema", "subject", "uses_assumed", "rules", "parameters", "inputs"]
    assert canonical(d) == s
    assert d["parameters"][0]["effective_from"] == "2016-01-01"


def test_pretty_printed_ascii_escaped_and_reordered_normalizes_to_the_golden():
    s = golden_text("explanation_example.json")
    d = json.loads(s)
    d = {k: d[k] for k in reversed(list(d))}
    d["parameters"] = [{k: p[k] for k in sorted(p)} for p in d["parameters"]]
    other = json.dumps(d, ensure_ascii=True, indent=4)
    assert "\\u6751" in other  # 村, written as an escape
    assert ck.Explanation.from_json(other).to_json() == s


# --- the canonical form ---------------------------------------------------------------------

def test_canonical_form_is_exact():
    assert sample().to_json() == (
        '{"schema":"cadrekit.explanation/1","subject":"village V001","uses_assumed":true,'
        '"rules":[{"rule_id":"village.grade.team_by_rank","clause":"JARUD.1",'
        '"message_zh":"评为“实绩突出”","message_en":"graded \\"outstanding\\""}],'
        '"parameters":[{"name":"village.grade.outstanding_share","value":"1/3","unit":"share",'
        '"effective_from":"2016-01-01","assumed":true,"clause":"JARUD.1"},'
        '{"name":"village.performance_pay.excellent","value":"4000","unit":"yuan/year",'
        '"effective_from":"2016-01-01","assumed":false,"clause":"JARUD.1"}],'
        '"inputs":[{"name":"rank_in_township","value":"2"}]}')


def test_empty_explanation():
    ex = ck.Explanation()
    assert ex.to_json() == ('{"schema":"cadrekit.explanation/1","subject":"","uses_assumed":false,'
                            '"rules":[],"parameters":[],"inputs":[]}')
    assert ck.Explanation.from_json(ex.to_json()) == ex
    assert ex.to_text("en") == ""


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(explanations)
def test_round_trip(ex):
    s = ex.to_json()
    back = ck.Explanation.from_json(s)
    assert back == ex
    assert back.to_json() == s
    assert ex.to_dict() == json.loads(s)
    assert canonical(ex.to_dict()) == s  # the independent oracle
    assert ck.Explanation.from_dict(ex.to_dict()) == ex
    assert ex.uses_assumed == any(p.assumed for p in ex.parameters)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(explanations, st.randoms(use_true_random=False))
def test_any_valid_spelling_normalizes_to_the_canonical_form(ex, rnd):
    # White space, \u escapes (surrogate pairs for emoji), members in any order: the same
    # explanation, hence the same canonical text.
    def shuffled(obj):
        if isinstance(obj, dict):
            keys = list(obj)
            rnd.shuffle(keys)
            return {k: shuffled(obj[k]) for k in keys}
        if isinstance(obj, list):
            return [shuffled(x) for x in obj]
        return obj

    s = ex.to_json()
    other = json.dumps(shuffled(json.loads(s)), ensure_ascii=rnd.random() < 0.5,
                       indent=rnd.choice([None, 0, 2]))
    assert ck.Explanation.from_json(other).to_json() == s


@settings(max_examples=200)
@given(explanations)
def test_text_has_one_line_per_rule_parameter_and_input(ex):
    for lang in ("zh", "en"):
        text = ex.to_text(lang)
        lines = text.split("\n")
        assert lines[-1] == ""  # every line ends with a newline
        expected = (len(ex.rules) + len(ex.parameters) + len(ex.inputs) + (ex.subject != "")
                    + ex.uses_assumed)
        assert len(lines) - 1 == expected
        for ch in "\r\x00\x7f\u2028\u2029":
            assert ch not in text
        mark = "，假定值）" if lang == "zh" else ", assumed)"
        param_lines = [l for l in lines if l.startswith("参数 " if lang == "zh" else "Parameter ")]
        assert len(param_lines) == len(ex.parameters)
        for p, line in zip(ex.parameters, param_lines):  # in order, assumed ones marked
            if p.assumed:
                assert line.endswith(mark)


# --- what from_json rejects -----------------------------------------------------------------

def test_the_table_is_large():
    assert len(REJECTS) >= 80


@pytest.mark.parametrize("doc,field", REJECTS)
def test_rejects(doc, field):
    with pytest.raises(ck.InvalidInput) as ei:
        ck.Explanation.from_json(doc)
    assert ei.value.field == field
    assert ei.value.code == "invalid_input"
    assert isinstance(ei.value, ValueError)
    assert f"(field {field})" in str(ei.value)


@pytest.mark.parametrize("bad", [b"\xff", b"\xc0\xaf", b"\xed\xa0\x80", b"\xe6\x9d", b"\xf5\x80\x80\x80"])
def test_rejects_invalid_utf8(bad):
    raw = (GOLDEN / "explanation_example.json").read_bytes().replace(b"V001", bad)
    with pytest.raises(ck.InvalidInput) as ei:
        ck.Explanation.from_json(raw)
    assert ei.value.field == "json"


def test_rejects_a_str_with_a_lone_surrogate():
    s = golden_text("explanation_example.json").replace("V001", "\ud800")
    with pytest.raises(ck.InvalidInput) as ei:
        ck.Explanation.from_json(s)
    assert ei.value.field == "json"


def test_from_json_takes_text_only():
    for wrong in (None, 1, {"schema": "cadrekit.explanation/1"}):
        with pytest.raises(TypeError):
            ck.Explanation.from_json(wrong)


def test_from_dict_checks_like_from_json():
    d = sample().to_dict()
    d["parameters"][1]["effective_from"] = datetime.date(2016, 1, 1)  # not JSON
    with pytest.raises(ck.InvalidInput) as ei:
        ck.Explanation.from_dict(d)
    assert ei.value.field == "json"
    d = sample().to_dict()
    d["parameters"][1]["Assumed"] = False
    with pytest.raises(ck.InvalidInput) as ei:
        ck.Explanation.from_dict(d)
    assert ei.value.field == "parameters[1].Assumed"


@settings(max_examples=500)
@given(st.one_of(st.binary(max_size=200), st.text(max_size=200)))
def test_never_crashes_on_arbitrary_input(data):
    try:
        ex = ck.Explanation.from_json(data)
    except ck.InvalidInput:
        return
    assert ck.Explanation.from_json(ex.to_json()) == ex


@settings(max_examples=500)
@given(st.data())
def test_never_crashes_on_mutations_of_the_golden(data):
    raw = bytearray((GOLDEN / "explanation_example.json").read_bytes())
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(raw) - 1))
        raw[i] = data.draw(st.sampled_from(b'\x00"\\{}[],:1tfn \xff\xe6'))
    try:
        ex = ck.Explanation.from_json(bytes(raw))
    except ck.InvalidInput:
        return
    assert ck.Explanation.from_json(ex.to_json()) == ex


def test_to_text_unknown_language():
    for lang in ("", "ZH", "zh-CN", "fr"):
        with pytest.raises(ck.InvalidInput) as ei:
            sample().to_text(lang)
        assert ei.value.field == "lang"


# --- the Python classes ---------------------------------------------------------------------

def test_constructors_are_keyword_only_and_check_types():
    with pytest.raises(TypeError):
        ck.RuleFired("r", "C", "zh", "en")
    with pytest.raises(TypeError):
        ck.RuleFired(rule_id="r", clause="C", message_zh="zh")  # message_en missing
    with pytest.raises(TypeError):
        ck.ParamUsed(name="p", value=4000, unit="", effective_from=datetime.date(2016, 1, 1),
                     clause="")  # the value is exact text
    with pytest.raises(TypeError):
        ck.ParamUsed(name="p", value="1", unit="", clause="",
                     effective_from=datetime.datetime(2016, 1, 1))  # a date, not a datetime
    with pytest.raises(ck.InvalidInput):
        ck.ParamUsed(name="p", value="1", unit="", clause="",
                     effective_from=datetime.date(1399, 12, 31))  # before the supported range
    with pytest.raises(TypeError):
        ck.Explanation("village V001")
    with pytest.raises(TypeError):
        ck.Explanation(rules=["not a rule"])
    p = ck.ParamUsed(name="p", value="1", unit="u", effective_from=datetime.date(2016, 1, 1),
                     clause="C")
    assert p.assumed is False


def test_values_are_immutable_and_lists_are_tuples():
    ex = sample()
    with pytest.raises(AttributeError):
        ex.rules[0].clause = "JARUD.2"
    with pytest.raises(AttributeError):
        ex.parameters[0].assumed = False
    with pytest.raises(AttributeError):
        ex.uses_assumed = False
    assert isinstance(ex.rules, tuple) and isinstance(ex.parameters, tuple)
    with pytest.raises(AttributeError):
        ex.inputs.append(ck.InputUsed(name="x", value="1"))  # would be a silent no-op on a list
    ex.parameters = [p for p in ex.parameters if not p.assumed]  # replace whole
    assert ex.uses_assumed is False and len(ex.parameters) == 1
    ex.subject = "village V002"
    assert ex.to_dict()["subject"] == "village V002"


def test_add_parameter_adds_a_name_and_date_once():
    ex = sample()
    again = ex.parameters[1]
    ex.add_parameter(again)
    assert len(ex.parameters) == 2
    later = ck.ParamUsed(name=again.name, value="5000", unit=again.unit,
                         effective_from=datetime.date(2024, 1, 1), clause=again.clause)
    ex.add_parameter(later)
    assert ex.parameters[2] == later


def test_equality_hash_and_repr():
    ex = sample()
    namespace = {**vars(ck), "datetime": datetime}
    assert eval(repr(ex), namespace) == ex
    for item in ex.rules + ex.parameters + ex.inputs:
        assert eval(repr(item), namespace) == item
        assert hash(eval(repr(item), namespace)) == hash(item)
    assert repr(ex.parameters[0]).startswith(
        "ParamUsed(name='village.grade.outstanding_share', value='1/3', unit='share', "
        "effective_from=datetime.date(2016, 1, 1), assumed=True, clause='JARUD.1')")
    assert ex == sample() and ex != ck.Explanation(subject="village V001")
    assert ex != "village V001" and ex.rules[0] != ex.inputs[0]
    assert len({ex.rules[0], sample().rules[0]}) == 1
    with pytest.raises(TypeError):
        hash(ex)  # mutable


def test_pickle_and_copy():
    ex = sample()
    assert pickle.loads(pickle.dumps(ex)) == ex
    assert copy.deepcopy(ex) == ex
    for item in ex.rules + ex.parameters + ex.inputs:
        assert pickle.loads(pickle.dumps(item)) == item


def test_exported_from_the_package():
    for name in ("Explanation", "RuleFired", "ParamUsed", "InputUsed"):
        assert name in ck.__all__


# --- the schema (docs/explanation.schema.json) ----------------------------------------------
#
# A small validator of exactly the keywords the schema uses runs always, so the schema is
# checked on every machine; with python3-jsonschema installed the real validator checks the same.

KNOWN_KEYWORDS = {"$schema", "$id", "title", "description", "type", "const", "properties",
                  "required", "additionalProperties", "items", "$ref", "if", "then", "else",
                  "contains", "format", "minLength", "maxLength", "pattern", "$defs"}
TYPES = {"object": dict, "array": list, "string": str, "boolean": bool}


def mini_valid(inst, schema):
    if "$ref" in schema:
        target = SCHEMA
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        if not mini_valid(inst, target):
            return False
    if "type" in schema and not isinstance(inst, TYPES[schema["type"]]):
        return False
    if "const" in schema and not (type(inst) is type(schema["const"]) and inst == schema["const"]):
        return False
    if isinstance(inst, str):
        if len(inst) < schema.get("minLength", 0) or len(inst) > schema.get("maxLength", len(inst)):
            return False
        if "pattern" in schema and not re.search(schema["pattern"], inst):
            return False
    if isinstance(inst, dict):
        props = schema.get("properties", {})
        if any(k not in inst for k in schema.get("required", [])):
            return False
        if schema.get("additionalProperties", True) is False and any(k not in props for k in inst):
            return False
        if not all(mini_valid(v, props[k]) for k, v in inst.items() if k in props):
            return False
    if isinstance(inst, list):
        if "items" in schema and not all(mini_valid(x, schema["items"]) for x in inst):
            return False
        if "contains" in schema and not any(mini_valid(x, schema["contains"]) for x in inst):
            return False
    if "if" in schema:
        branch = "then" if mini_valid(inst, schema["if"]) else "else"
        if branch in schema and not mini_valid(inst, schema[branch]):
            return False
    return True


def keywords(schema):
    """Every keyword used anywhere in the schema (property names are not keywords)."""
    found = set()
    if isinstance(schema, dict):
        for k, v in schema.items():
            found.add(k)
            if k in ("properties", "$defs"):
                for sub in v.values():
                    found |= keywords(sub)
            elif isinstance(v, dict):
                found |= keywords(v)
    return found


# What the schema cannot say, and the library checks: the reason for each exemption.
SCHEMA_CANNOT_REJECT = {
    "effective_from \"2016-02-30\"": "a real calendar day (format: date is an annotation)",
    "effective_from \"2015-02-29\"": "a real calendar day (format: date is an annotation)",
    "duplicate member at the root": "json.loads keeps the last duplicate",
    "duplicate member in a rule": "json.loads keeps the last duplicate",
    "duplicate member in the second parameter": "json.loads keeps the last duplicate",
    "lone surrogate escape": "json.loads accepts \\ud800 as a string",
}


def schema_rejectable():
    """The table's cases that parse as JSON in Python and that the schema must reject."""
    out = []
    for case in REJECTS:
        doc, field = case.values
        name = case.id
        if name in SCHEMA_CANNOT_REJECT:
            continue
        try:
            value = json.loads(doc)
        except (ValueError, RecursionError):
            continue  # not JSON at all: nothing for a schema to see
        out.append(pytest.param(value, id=name))
    return out


SCHEMA_REJECTABLE = schema_rejectable()


def test_schema_uses_only_keywords_the_small_validator_knows():
    assert keywords(SCHEMA) <= KNOWN_KEYWORDS


def test_schema_is_closed_and_matches_the_form():
    golden = json.loads(golden_text("explanation_example.json"))
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    objects = [SCHEMA, SCHEMA["$defs"]["rule"], SCHEMA["$defs"]["parameter"], SCHEMA["$defs"]["input"]]
    members = [golden, golden["rules"][0], golden["parameters"][0], golden["inputs"][0]]
    for schema, member in zip(objects, members):
        assert schema["additionalProperties"] is False
        # every member is required, and listed in the canonical order, but for `detail` of a
        # parameter or an input: optional, written last and only when true
        props = list(schema["properties"])
        optional = [p for p in props if p not in schema["required"]]
        assert optional == (["detail"] if schema is not SCHEMA and schema is not objects[1] else [])
        assert schema["required"] == props[:len(props) - len(optional)] == list(member)
    assert SCHEMA["properties"]["schema"]["const"] == "cadrekit.explanation/1"


def test_the_exemptions_name_real_cases():
    names = {case.id for case in REJECTS}
    assert set(SCHEMA_CANNOT_REJECT) <= names
    assert len(SCHEMA_REJECTABLE) >= 60


def test_small_validator_accepts_the_golden():
    assert mini_valid(json.loads(golden_text("explanation_example.json")), SCHEMA)


@pytest.mark.parametrize("value", SCHEMA_REJECTABLE)
def test_small_validator_rejects(value):
    assert not mini_valid(value, SCHEMA)


@settings(max_examples=200)
@given(explanations)
def test_small_validator_accepts_generated(ex):
    assert mini_valid(json.loads(ex.to_json()), SCHEMA)


def jsonschema_validator():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    return jsonschema.Draft202012Validator(SCHEMA)


@needs_jsonschema
def test_jsonschema_accepts_the_golden():
    jsonschema_validator().validate(json.loads(golden_text("explanation_example.json")))


@needs_jsonschema
@pytest.mark.parametrize("value", SCHEMA_REJECTABLE)
def test_jsonschema_rejects(value):
    assert not jsonschema_validator().is_valid(value)


@needs_jsonschema
@settings(max_examples=200)
@given(explanations)
def test_jsonschema_accepts_generated(ex):
    jsonschema_validator().validate(json.loads(ex.to_json()))


# --- the short form: what decided, and the full form on request ------------------------------

def _tier_explanation():
    res = ck.audit.tier([{"unit_id": "U1", "budget": "400万", "attention": 1}],
                        as_of=datetime.date(2017, 1, 1))
    return res[0]["explanation"]


def test_short_text_leaves_out_zero_factors_and_full_keeps_them():
    ex = _tier_explanation()
    assert ex.has_detail
    short, full = ex.to_text("zh"), ex.to_text("zh", full=True)
    assert "输入 attention = 1\n" in short
    assert "audit.factor.attention.weight" in short
    assert "complaints" not in short and "audit.factor.attention.max" not in short
    assert "输入 complaints = 0\n" in full and "audit.factor.complaints.weight" in full
    assert len(short.splitlines()) < len(full.splitlines()) // 2
    assert ex.brief().to_text("zh", full=True) == short
    # The object itself is the full form: its JSON marks what did not decide.
    d = ex.to_dict()
    zero = [i for i in d["inputs"] if i["name"] == "complaints"][0]
    assert zero == {"name": "complaints", "value": "0", "detail": True}
    assert [i for i in d["inputs"] if i["name"] == "attention"][0] == {"name": "attention", "value": "1"}
    assert ck.Explanation.from_json(ex.to_json()) == ex
    assert "detail" not in ex.brief().to_json()


def test_detail_survives_pickle_repr_and_construction():
    ex = _tier_explanation()
    assert pickle.loads(pickle.dumps(ex)) == ex
    p = [p for p in ex.parameters if p.detail][0]
    assert eval(repr(p), {"ParamUsed": ck.ParamUsed, "datetime": datetime}) == p
    i = ck.InputUsed(name="complaints", value="0", detail=True)
    assert i.detail and i != ck.InputUsed(name="complaints", value="0")
    assert hash(i) != hash(ck.InputUsed(name="complaints", value="0"))
    assert "detail=True" in repr(i)


def _explanations(node):
    """Every explanation object of a JSON document, in order."""
    if isinstance(node, dict):
        if node.get("schema") == "cadrekit.explanation/1":
            yield node
            return
        for v in node.values():
            yield from _explanations(v)
    elif isinstance(node, list):
        for v in node:
            yield from _explanations(v)


# Chinese text in Chinese. Per line of to_text("zh"), ASCII letters may appear only in:
#   对象：SUBJECT                       only the ids of the subject ("单位 U1"; the kind is Chinese)
#   规则 RULE_ID（CLAUSE）：MESSAGE      the rule id and clause id; in MESSAGE only ids (a run of
#                                       letters with a digit, an underscore or a dot, like T03,
#                                       V001 or a parameter's name, followup.schedule)
#   参数 NAME = VALUE UNIT（自 …，CLAUSE…） the parameter name and clause id; VALUE of a definition
#                                       in the profile's notation (units rule, standard,
#                                       indicator=weight), looked up by name in docs/policy.md
#   输入 NAME = VALUE                   the input name, and its value: the caller's data (ids, codes)
ID_TOKEN = re.compile(r"[A-Za-z0-9_.\-]*[0-9_.][A-Za-z0-9_.\-]*")
DEFINITION_UNITS = {"rule", "standard", "indicator=weight"}


def _letters_outside_ids(text):
    return re.search(r"[A-Za-z]", ID_TOKEN.sub("", text)) is not None


def _zh_violations(d):
    ex = ck.Explanation.from_dict(d)
    units = {p["name"]: p["unit"] for p in d["parameters"]}
    bad = []
    for line in ex.to_text("zh", full=True).splitlines():
        if line.startswith("对象："):
            if _letters_outside_ids(line[3:]):
                bad.append(line)
        elif line.startswith("规则 "):
            head, _, message = line.partition("）：")
            if "（" not in head or _letters_outside_ids(message):
                bad.append(line)
        elif line.startswith("参数 "):
            name, _, rest = line[3:].partition(" = ")
            value_unit = rest.split("（自 ")[0]
            if units.get(name) not in DEFINITION_UNITS and re.search(r"[A-Za-z]", value_unit):
                bad.append(line)
        elif line.startswith("输入 ") or line.startswith("注意："):
            continue
        else:
            bad.append(line)
    return bad


def test_chinese_text_of_every_module_is_chinese():
    data = json.loads(ck.year.run(None, 2016).json)
    found = list(_explanations(data))
    bad, modules = [], set()
    for d in found:
        modules |= {r["rule_id"].split(".")[0] for r in d["rules"]}
        bad += _zh_violations(d)
    assert {"audit", "village", "disclosure", "assessment", "talent"} <= modules, modules
    assert bad == [], "\n".join(sorted(set(bad))[:40])


def test_the_zh_check_can_fail():
    d = json.loads(_tier_explanation().to_json())
    assert _zh_violations(d) == []
    d["parameters"][0]["unit"] = "people per km"
    assert _zh_violations(d)
    d = json.loads(_tier_explanation().to_json())
    d["rules"][0]["message_zh"] = "budget is high"
    assert _zh_violations(d)
    d = json.loads(_tier_explanation().to_json())
    d["subject"] = "the unit U1"  # a subject of no known form is shown as written
    assert _zh_violations(d)
