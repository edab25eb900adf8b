"""cadrekit.Policy from Python: the default profile's numbers (against the rule catalog), typed
values, a county override from 2018, layering, every error kind with file, line and key,
docs/policy.md's table, and a hypothesis property of value(as_of)."""
import datetime as dt
import pathlib
import re
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings, strategies as st

import cadrekit

ROOT = pathlib.Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "policies" / "examples" / "sample-county.yaml"
DOC = ROOT / "docs" / "policy.md"
CATALOG = ROOT.parent / "shared" / "docs" / "rule-catalog.md"
ON = dt.date(2016, 9, 22)  # the date of the source
DEFAULT = cadrekit.Policy.default()
MODULES = {"village", "audit", "disclosure", "assessment", "talent", "promotion", "followup"}

GOOD_BODY = (
    "    type: integer\n"
    "    unit: days\n"
    "    label: {zh: 甲, en: a}\n"
    "    clause: JARUD.1\n"
    "    values:\n"
    "      2016-01-01: 5\n"
)


def one_param(body, name="village.x"):
    return f"profile: t\nparameters:\n  {name}:\n{body}"


# --- the default profile ----------------------------------------------------------------------


def test_default_profile_names_and_lineage():
    assert DEFAULT.name == "tongliao-2016"
    assert DEFAULT.lineage == ["tongliao-2016"]
    assert cadrekit.Policy.embedded("tongliao-2016").name == "tongliao-2016"
    assert cadrekit.Policy.embedded_names() == ["tongliao-2016"]
    names = DEFAULT.parameter_names()
    assert names == sorted(names) and len(names) == len(DEFAULT) >= 60
    assert {n.split(".")[0] for n in names} == MODULES
    assert "village.base_pay.min" in DEFAULT and DEFAULT.has("village.base_pay.min")
    assert "village.nothing" not in DEFAULT
    assert "tongliao-2016" in repr(DEFAULT)
    with pytest.raises(cadrekit.PolicyError):
        cadrekit.Policy.embedded("tongliao-2099")


@pytest.mark.parametrize(
    "name, expected",
    [
        ("audit.level1.min_share_per_year", Fraction(35, 100)),
        ("audit.level1.full_coverage_years", 3),
        ("audit.level2.min_share_per_year", Fraction(1, 5)),
        ("audit.level2.full_coverage_years", 5),
        ("audit.level3.term_audit_years", 5),
        ("audit.level3.sample_min_per_year", 1),
        ("audit.level3.sample_max_per_year", 2),
        ("audit.regrade_period_years", 5),
        ("audit.budget_band.high_min", Decimal("5000000")),
        ("audit.budget_band.low_max", Decimal("3000000")),
        ("audit.special_funds.special_min", Decimal("100000000")),
        ("audit.special_funds.level_up_min", Decimal("10000000")),
        ("audit.special_funds.small_audit_within_years", 2),
        ("disclosure.round1.window_working_days", 5),
        ("disclosure.round2.window_working_days", 5),
        ("village.base_pay.min", Decimal("7000")),
        ("village.base_pay.max", Decimal("9000")),
        ("village.performance_pay.excellent", Decimal("4000")),
        ("village.performance_pay.unqualified", Decimal("0")),
        ("village.publicity_days", 7),
        ("village.selection.min_share_per_year", Fraction(1, 20)),
        ("village.selection.initial_ratio", Fraction(1, 3)),
        ("village.selection.prospective_ratio", Fraction(1, 2)),
        ("village.selection.formal_extra_share", Fraction(1, 5)),
        ("village.subsidy.min_years", 10),
        ("followup.talk_interval_months", 1),
        ("followup.visit_interval_months", 3),
        ("talent.echelon2.age_limit", 35),
        ("talent.nvshaofei.assessment_years", 2),
    ],
)
def test_the_sources_numbers(name, expected):
    value = DEFAULT.value(name, ON)
    assert value == expected and type(value) is type(expected)
    assert DEFAULT.lookup(name, ON)["assumed"] is False


def test_typed_values():
    excellent = DEFAULT.value("village.performance_pay.excellent", ON)
    assert isinstance(excellent, Decimal) and excellent == Decimal("4000.00")
    weight = DEFAULT.value("village.score.annual_weight", ON)
    assert isinstance(weight, Decimal) and weight == Decimal("0.6")
    assert DEFAULT.value("audit.budget_band.boundary", ON) == "higher"
    assert DEFAULT.value("talent.echelon2.age_limit_inclusive", ON) is True
    assert isinstance(DEFAULT.value("talent.echelon2.age_limit", ON), int)
    # A decimal without a finite decimal form comes back exact, as a Fraction.
    p = cadrekit.Policy.loads(one_param(GOOD_BODY.replace("integer", "decimal").replace(": 5", ": 2/6")))
    assert p.value("village.x", ON) == Fraction(1, 3)
    assert isinstance(p.value("village.x", ON), Fraction)


def test_assumed_only_where_the_source_gives_no_number():
    for name in ["village.performance_pay.basic", "village.rectification.within_days",
                 "village.grade.outstanding_share", "promotion.min_years_at_rank.staff_to_deputy",
                 "audit.budget_band.boundary", "assessment.bottom.share"]:
        assert DEFAULT.lookup(name, ON)["assumed"] is True, name
    flags = [DEFAULT.lookup(n, ON)["assumed"] for n in DEFAULT.parameter_names()]
    assert flags.count(False) > 30 and flags.count(True) > 20


def test_lookup_and_info():
    assert DEFAULT.lookup("village.performance_pay.basic", ON) == {
        "name": "village.performance_pay.basic",
        "value": "2000",
        "unit": "yuan/year",
        "effective_from": dt.date(2016, 1, 1),
        "assumed": True,
        "clause": "JARUD.1",
    }
    info = DEFAULT.info("disclosure.round1.window_working_days")
    assert info["type"] == "integer" and info["unit"] == "working_days"
    assert info["clause"] == "KAILU.2"
    assert info["label_zh"] and info["label_en"]
    assert info["source"].startswith("tongliao-2016.yaml:")
    assert info["values"] == [{"effective_from": dt.date(2015, 1, 1), "value": "5", "assumed": False}]


def test_unknown_name_and_too_early_name_the_parameter():
    with pytest.raises(cadrekit.PolicyError) as e:
        DEFAULT.value("village.no_such_thing", ON)
    assert e.value.field == "village.no_such_thing" and "village.no_such_thing" in str(e.value)
    assert e.value.code == "policy"
    with pytest.raises(cadrekit.PolicyError) as e:
        DEFAULT.value("village.base_pay.min", dt.date(2015, 12, 31))
    assert e.value.field == "village.base_pay.min" and "2016-01-01" in str(e.value)
    with pytest.raises(cadrekit.PolicyError):
        DEFAULT.lookup("village.no_such_thing", ON)
    with pytest.raises(cadrekit.PolicyError):
        DEFAULT.info("village.no_such_thing")
    with pytest.raises(TypeError):
        DEFAULT.value("village.base_pay.min", dt.datetime(2016, 1, 1, 12, 0))


def _clause_text(catalog, clause):
    start = catalog.index(f"**{clause} ")
    ends = [i for i in (catalog.find("\n**", start + 2), catalog.find("\n## ", start)) if i >= 0]
    return catalog[start:min(ends)]


@pytest.mark.skipif(not CATALOG.exists(), reason="rule catalog not found next to the repository")
def test_numbers_agree_with_the_rule_catalog():
    catalog = CATALOG.read_text(encoding="utf-8")
    for name in DEFAULT.parameter_names():  # every cited clause exists
        clause = DEFAULT.info(name)["clause"]
        assert f"**{clause} " in catalog, f"{name} cites {clause}, which the rule catalog lacks"
    checks = [
        ("HOLINGOL.2", "35 %", "audit.level1.min_share_per_year", Fraction(35, 100)),
        ("HOLINGOL.2", "20 %", "audit.level2.min_share_per_year", Fraction(20, 100)),
        ("HOLINGOL.1", "5,000,000", "audit.budget_band.high_min", Decimal(5_000_000)),
        ("HOLINGOL.3", "10,000,000", "audit.special_funds.level_up_min", Decimal(10_000_000)),
        ("KAILU.2", "5 working days", "disclosure.round2.window_working_days", 5),
        ("JARUD.1", "4,000", "village.performance_pay.excellent", Decimal(4000)),
        ("JARUD.1", "7,000–9,000", "village.base_pay.max", Decimal(9000)),
        ("JARUD.2", "1:2", "village.selection.prospective_ratio", Fraction(1, 2)),
        ("JARUD.2", "5 %", "village.selection.min_share_per_year", Fraction(5, 100)),
        ("HURE.1", "last two years", "talent.nvshaofei.assessment_years", 2),
        ("HORQIN.6", "every month", "followup.talk_interval_months", 1),
    ]
    for clause, phrase, name, expected in checks:
        assert phrase in _clause_text(catalog, clause), (clause, phrase)
        assert DEFAULT.info(name)["clause"] == clause
        assert DEFAULT.value(name, ON) == expected
        assert DEFAULT.lookup(name, ON)["assumed"] is False


# --- layering ---------------------------------------------------------------------------------


def test_sample_county_from_2018():
    county = cadrekit.Policy.load(SAMPLE)  # os.PathLike
    assert cadrekit.Policy.load(str(SAMPLE)).name == county.name == "sample-county-2018"
    assert county.lineage == ["sample-county-2018", "tongliao-2016"]
    assert county.value("village.performance_pay.excellent", dt.date(2017, 12, 31)) == Decimal(4000)
    assert county.value("village.performance_pay.excellent", dt.date(2018, 1, 1)) == Decimal(5000)
    before = county.lookup("village.performance_pay.basic", dt.date(2017, 12, 31))
    after = county.lookup("village.performance_pay.basic", dt.date(2018, 1, 1))
    assert (before["value"], before["assumed"], before["effective_from"]) == ("2000", True, dt.date(2016, 1, 1))
    assert (after["value"], after["assumed"], after["effective_from"]) == ("2500", False, dt.date(2018, 1, 1))
    assert after["clause"] == "JARUD.1" and after["unit"] == "yuan/year"
    assert county.lookup("village.subsidy.amount", dt.date(2019, 1, 1))["assumed"] is True
    assert county.value("followup.ledger_review_months", dt.date(2018, 1, 1)) == 6
    assert "followup.ledger_review_months" not in DEFAULT
    assert len(county) == len(DEFAULT) + 1
    assert county.info("village.performance_pay.excellent")["source"] == f"{SAMPLE}:14"
    # The embedded parent is unchanged.
    assert DEFAULT.value("village.performance_pay.excellent", dt.date(2019, 1, 1)) == Decimal(4000)


def test_extends_the_embedded_profile_from_text():
    p = cadrekit.Policy.loads(
        "profile: c\nextends: tongliao-2016\nparameters:\n"
        "  village.publicity_days:\n    values:\n      2016-01-01: 10\n      2020-01-01: 14\n",
        source="c.yaml",
    )
    assert p.lineage == ["c", "tongliao-2016"]
    assert p.value("village.publicity_days", dt.date(2019, 12, 31)) == 10  # same date replaced
    assert p.value("village.publicity_days", dt.date(2020, 1, 1)) == 14
    assert len(p.info("village.publicity_days")["values"]) == 2
    assert p.info("village.publicity_days")["source"] == "c.yaml:4"


def test_chain_of_files(tmp_path):
    (tmp_path / "counties").mkdir()
    (tmp_path / "province.yaml").write_text(
        "profile: province-2017\nextends: tongliao-2016\nparameters:\n"
        "  village.base_pay.max:\n    values: {2017-01-01: 9500}\n", encoding="utf-8")
    (tmp_path / "counties" / "county.yaml").write_text(
        "profile: county-2018\nextends: ../province.yaml\nparameters:\n"
        "  village.base_pay.max:\n    values: {2018-01-01: 10000}\n", encoding="utf-8")
    p = cadrekit.Policy.load(tmp_path / "counties" / "county.yaml")
    assert p.lineage == ["county-2018", "province-2017", "tongliao-2016"]
    assert [p.value("village.base_pay.max", dt.date(y, 6, 1)) for y in (2016, 2017, 2018)] == [
        Decimal(9000), Decimal(9500), Decimal(10000)]


# --- errors: every kind names file, line and key --------------------------------------------------

H = "profile: t\nparameters:\n  village.x:\n"  # an entry's body starts on line 4
VALUES_HEAD = GOOD_BODY[: GOOD_BODY.index("      2016")]

ERROR_CASES = [
    ("unknown top-level key", "profile: t\nparamters: {}\nparameters: {}\n", 2, "paramters"),
    ("unknown parameter key", H + "    type: integer\n    unit: days\n    lable: {zh: 甲, en: a}\n", 6,
     "parameters.village.x.lable"),
    ("unknown label key", H + "    label: {zh: 甲, fr: a}\n", 4, "parameters.village.x.label.fr"),
    ("unknown key of a value", one_param(VALUES_HEAD + "      2016-01-01: {value: 5, asumed: true}\n"), 9,
     "parameters.village.x.values.2016-01-01.asumed"),
    ("unknown type", H + "    type: float\n", 4, "parameters.village.x.type"),
    ("integer not an integer", one_param(VALUES_HEAD + "      2016-01-01: 1.5\n"), 9,
     "parameters.village.x.values.2016-01-01"),
    ("money not money", one_param(VALUES_HEAD.replace("integer", "money") + "      2016-01-01: lots\n"), 9,
     "parameters.village.x.values.2016-01-01"),
    ("share not a share", one_param(VALUES_HEAD.replace("integer", "share") + "      2016-01-01: -5%\n"), 9,
     "parameters.village.x.values.2016-01-01"),
    ("boolean not a boolean", one_param(VALUES_HEAD.replace("integer", "boolean") + "      2016-01-01: yes\n"),
     9, "parameters.village.x.values.2016-01-01"),
    ("date not ISO", one_param(VALUES_HEAD + "      2016-1-1: 5\n"), 9, "parameters.village.x.values.2016-1-1"),
    ("dates out of order", one_param(GOOD_BODY + "      2015-01-01: 4\n"), 10,
     "parameters.village.x.values.2015-01-01"),
    ("date twice", one_param(GOOD_BODY + "      2016-01-01: 4\n"), 10, "parameters.village.x.values.2016-01-01"),
    ("bad clause", H + "    clause: JARUD-1\n", 4, "parameters.village.x.clause"),
    ("missing label", one_param(GOOD_BODY.replace("    label: {zh: 甲, en: a}\n", "")), 3,
     "parameters.village.x.label"),
    ("missing unit", one_param(GOOD_BODY.replace("    unit: days\n", "")), 3, "parameters.village.x.unit"),
    ("missing clause", one_param(GOOD_BODY.replace("    clause: JARUD.1\n", "")), 3,
     "parameters.village.x.clause"),
    ("child changes the type", "profile: t\nextends: tongliao-2016\nparameters:\n  village.publicity_days:\n"
     "    type: money\n    values: {2018-01-01: 7}\n", 5, "parameters.village.publicity_days.type"),
    ("extends an unknown profile", "profile: t\nextends: tongliao-2099\nparameters: {}\n", 2, "extends"),
    ("a key twice", "profile: t\nparameters: {}\nparameters: {}\n", 3, "parameters"),
]


@pytest.mark.parametrize("what, yaml, line, field", ERROR_CASES, ids=[c[0] for c in ERROR_CASES])
def test_errors_name_file_line_and_key(what, yaml, line, field):
    with pytest.raises(cadrekit.PolicyError) as e:
        cadrekit.Policy.loads(yaml, source="county.yaml")
    assert e.value.record == f"county.yaml:{line}", str(e.value)
    assert e.value.field == field, str(e.value)
    assert e.value.code == "policy"
    assert f"record county.yaml:{line}" in str(e.value) and f"field {field}" in str(e.value)


def test_unknown_key_is_rejected_never_ignored():
    # `value:` where `values:` belongs would leave the override without effect if skipped.
    with pytest.raises(cadrekit.PolicyError, match="unknown key `value`") as e:
        cadrekit.Policy.loads("profile: c\nextends: tongliao-2016\nparameters:\n"
                              "  village.performance_pay.excellent:\n    value:\n      2018-01-01: 5000\n")
    assert e.value.record == "<string>:5"


def test_extends_cycle_and_missing_files(tmp_path):
    (tmp_path / "a.yaml").write_text("profile: a\nextends: b.yaml\nparameters: {}\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("profile: b\nextends: ./a.yaml\nparameters: {}\n", encoding="utf-8")
    with pytest.raises(cadrekit.PolicyError, match="cycle") as e:
        cadrekit.Policy.load(tmp_path / "a.yaml")
    assert e.value.record == f"{tmp_path / 'b.yaml'}:2" and e.value.field == "extends"
    with pytest.raises(cadrekit.PolicyError):
        cadrekit.Policy.load(tmp_path / "none.yaml")
    with pytest.raises(cadrekit.PolicyError, match="not loaded from a file"):
        cadrekit.Policy.loads("profile: t\nextends: ./a.yaml\nparameters: {}\n")


def test_a_profile_that_is_no_regular_file_or_too_large_is_refused_unread(tmp_path):
    with pytest.raises(cadrekit.PolicyError, match="not a regular file"):
        cadrekit.Policy.load("/dev/zero")
    huge = tmp_path / "huge.yaml"
    with open(huge, "wb") as f:
        f.truncate((64 << 20) + 1)  # sparse: nothing is written
    with pytest.raises(cadrekit.PolicyError, match=r"policy\.max_bytes"):
        cadrekit.Policy.load(huge)


# --- docs/policy.md cannot drift from the profile ---------------------------------------------------


def _doc_rows():
    text = DOC.read_text(encoding="utf-8")
    begin = text.index("<!-- parameter-table:begin")
    end = text.index("<!-- parameter-table:end")
    lines = [ln for ln in text[begin:end].splitlines() if ln.startswith("|")][2:]  # after the header
    rows = []
    for ln in lines:
        cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", ln)[1:-1]]
        assert len(cells) == 7, ln
        rows.append(tuple(c[1:-1] if c.startswith("`") and c.endswith("`") else c for c in cells))
    return rows


def test_doc_table_matches_the_default_profile_both_ways():
    documented = _doc_rows()
    assert len(documented) == len(set(documented))
    actual = set()
    for name in DEFAULT.parameter_names():
        info = DEFAULT.info(name)
        for v in info["values"]:
            actual.add((name, v["value"], info["unit"], v["effective_from"].isoformat(), info["clause"],
                        "yes" if v["assumed"] else "no", info["label_zh"]))
    missing = sorted(actual - set(documented))
    extra = sorted(set(documented) - actual)
    assert not missing, f"not documented (run scripts/gen-policy-table): {missing[:3]}"
    assert not extra, f"documented but not in the profile: {extra[:3]}"


# --- property: value(as_of) is the latest value on or before as_of ----------------------------------

BASE = dt.date(2010, 1, 1)


@settings(max_examples=200, deadline=None)
@given(
    values=st.dictionaries(st.integers(0, 3650), st.integers(-10**12, 10**12), min_size=1, max_size=10),
    probes=st.lists(st.integers(-30, 3700), min_size=1, max_size=20),
)
def test_value_as_of_matches_brute_force(values, probes):
    dated = sorted((BASE + dt.timedelta(days=k), v) for k, v in values.items())
    # Negative values too: the declaration widens the integer's range (by default at least 0).
    head = VALUES_HEAD.replace("    values:\n", "    range: {min: -1000000000000}\n    values:\n")
    yaml = one_param(head + "".join(f"      {d.isoformat()}: {v}\n" for d, v in dated))
    p = cadrekit.Policy.loads(yaml)
    for k in probes:
        as_of = BASE + dt.timedelta(days=k)
        in_force = [(d, v) for d, v in dated if d <= as_of]
        if not in_force:
            with pytest.raises(cadrekit.PolicyError):
                p.value("village.x", as_of)
        else:
            d, v = in_force[-1]
            assert p.value("village.x", as_of) == v
            assert p.lookup("village.x", as_of)["effective_from"] == d


@settings(max_examples=100, deadline=None)
@given(
    parent=st.dictionaries(st.integers(0, 2000), st.integers(0, 10**6), min_size=1, max_size=6),
    child=st.dictionaries(st.integers(0, 2000), st.integers(0, 10**6), min_size=1, max_size=6),
    probe=st.integers(-10, 2100),
)
def test_layered_values_merge_with_the_child_winning_on_the_same_date(tmp_path_factory, parent, child, probe):
    def block(vals):
        return "".join(f"      {(BASE + dt.timedelta(days=k)).isoformat()}: {v}\n" for k, v in sorted(vals.items()))

    d = tmp_path_factory.mktemp("layer")
    (d / "parent.yaml").write_text(one_param(VALUES_HEAD + block(parent)), encoding="utf-8")
    (d / "child.yaml").write_text(
        "profile: child\nextends: parent.yaml\nparameters:\n  village.x:\n    values:\n" + block(child),
        encoding="utf-8")
    p = cadrekit.Policy.load(d / "child.yaml")
    merged = {**parent, **child}
    in_force = [k for k in sorted(merged) if k <= probe]
    as_of = BASE + dt.timedelta(days=probe)
    if not in_force:
        with pytest.raises(cadrekit.PolicyError):
            p.value("village.x", as_of)
    else:
        assert p.value("village.x", as_of) == merged[in_force[-1]]


def test_a_value_outside_the_parameters_range_is_refused_and_the_range_is_shown():
    p = cadrekit.Policy.default()
    assert p.info("village.base_pay.min")["range"] == {"min": "0", "max": None}
    assert p.info("audit.level1.min_share_per_year")["range"] == {"min": "0", "max": "1"}
    with pytest.raises(cadrekit.PolicyError) as e:
        cadrekit.Policy.loads("profile: slip\nextends: tongliao-2016\nparameters:\n  village.base_pay.min:\n"
                              "    values:\n      2016-01-01: \"-92233720368547758.08\"\n", source="slip.yaml")
    assert e.value.record == "slip.yaml:6" and "below the parameter's range" in e.value.message
    with pytest.raises(cadrekit.PolicyError):
        p.with_value("audit.level1.min_share_per_year", "120%")
