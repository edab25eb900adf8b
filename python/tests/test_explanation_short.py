"""tests/golden/explanation_short.tsv through Python (shared with the C++ and C tests): for each
module, the short text of an explanation (to_text without full) keeps the rules that fired and
what decided and leaves out what the module marked detail; the Chinese text names its subject in
Chinese. And across the sample county's year: every module's short form, and no English word in
a Chinese subject line."""
import json
import pathlib
import re

import pytest

import cadrekit as ck
from cadrekit import _core

ROOT = pathlib.Path(__file__).resolve().parents[2]
TABLE = ROOT / "tests" / "golden" / "explanation_short.tsv"


def cases():
    rows = [line for line in TABLE.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    header = rows[0].split("\t")
    out = [dict(zip(header, r.split("\t"))) for r in rows[1:]]
    assert len(out) >= 8
    return out


def explanations(node):
    """The explanations of an answer, in document order (null ones not counted)."""
    if isinstance(node, ck.Explanation):
        yield node
    elif isinstance(node, dict):
        if node.get("schema") == "cadrekit.explanation/1":
            yield ck.Explanation.from_dict(node)
            return
        for v in node.values():
            yield from explanations(v)
    elif isinstance(node, (list, tuple)):
        for v in node:
            yield from explanations(v)


def run(c):
    policy = ck.Policy.default()
    if c["policy"] != "-":
        for setting in c["policy"].split(" | "):
            policy = policy.set(setting)
    calls = {
        "village.pay_sheet": _core._village.pay_sheet_request,
        "village.selection": _core._village.selection,
        "talent.pools": _core.talent.pools,
        "talent.team_structure": _core.talent.team_structure,
        "assessment.composite": _core.assessment.composite,
        "audit.special_funds": _core._audit.special_funds,
        "audit.tier": _core._audit.tier,
    }
    return calls[c["entry"]](json.loads(c["request"]), policy)


def names(text, name):
    return f"参数 {name} = " in text or f"输入 {name} = " in text


@pytest.mark.parametrize("c", cases(), ids=lambda c: c["case"])
def test_short_form(c):
    ex = list(explanations(run(c)))[int(c["index"])]
    short, full = ex.to_text("zh"), ex.to_text("zh", full=True)
    assert ex.has_detail and not ex.brief().has_detail
    assert ex.brief().rules == ex.rules
    assert short == ex.brief().to_text("zh", full=True)
    assert len(short) < len(full)
    for r in c["rules"].split(" && "):
        assert f"规则 {r}（" in short, (r, short)
    for k in c["keeps"].split(" && "):
        assert names(short, k), (k, short)
    for o in c["omits"].split(" && "):
        assert names(full, o) and not names(short, o), (o, short)
    assert short.splitlines()[0] == "对象：" + c["subject_zh"]
    assert full.splitlines()[0] == "对象：" + c["subject_zh"]
    assert ex.to_text("en").splitlines()[0] == "Subject: " + ex.subject


# An id: a run of letters with a digit, an underscore, a dot or a hyphen (U19, V001, 2016-2020).
ID_TOKEN = re.compile(r"[A-Za-z0-9_.\-]*[0-9_.\-][A-Za-z0-9_.\-]*")


def _english_in(text):
    return re.search(r"[A-Za-z]", ID_TOKEN.sub("", text)) is not None


def test_the_sample_year_short_forms_and_chinese_subjects():
    data = json.loads(ck.year.run(None, 2016).json)
    found = list(explanations(data))
    shortened, subjects = set(), set()
    for ex in found:
        module = ex.rules[0].rule_id.split(".")[0] if ex.rules else ""
        b = ex.brief()
        assert b.rules == ex.rules and not b.has_detail
        assert all(not p.detail for p in b.parameters) and all(not i.detail for i in b.inputs)
        if ex.has_detail:
            shortened.add(module)
            assert len(b.parameters) + len(b.inputs) < len(ex.parameters) + len(ex.inputs)
        first = ex.to_text("zh").splitlines()[0]
        if ex.subject:
            assert first.startswith("对象：")
            assert not _english_in(first[3:]), first
            subjects.add(ex.subject.split(" ")[0])
    # Every module marks what did not decide in some explanation of the sample year.
    assert {"audit", "village", "talent"} <= shortened, shortened
    assert len(subjects) >= 5, subjects


def test_the_english_check_can_fail():
    assert _english_in("unit U19")
    assert not _english_in("单位 U19")
    assert not _english_in("审计计划 2016-2020")
