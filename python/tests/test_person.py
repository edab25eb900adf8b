"""The cadre record, the code lists, 三龄 and citizen ID numbers (Python surface)."""

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import cadrekit
from cadrekit import InvalidInput, Person, Post, Rank

ROOT = Path(__file__).resolve().parents[2]
PROVINCES = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
             50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83]


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def check_char(first17: str) -> str:
    """ISO 7064 MOD 11-2, written here from the standard, independently of cadrekit."""
    total = sum(int(c) * (2 ** (17 - i) % 11) for i, c in enumerate(first17))
    value = (12 - total % 11) % 11
    return "X" if value == 10 else str(value)


def assert_no_run_of(secret: str, message: str, width: int = 6):
    for i in range(len(secret) - width + 1):
        assert secret[i:i + width] not in message, message


GOLDEN = read_csv(ROOT / "tests" / "golden" / "citizen_ids.csv")


# ---- citizen ID numbers ---------------------------------------------------------------------

def test_golden_table_is_substantial():
    assert len(GOLDEN) >= 30
    assert sum(r["valid"] == "1" for r in GOLDEN) >= 10
    assert any(r["id"].startswith("1523") and r["valid"] == "1" for r in GOLDEN)
    assert any(r["id"].startswith("1505") and r["valid"] == "1" for r in GOLDEN)


@pytest.mark.parametrize("row", GOLDEN, ids=[r["note"] for r in GOLDEN])
def test_golden_citizen_ids(row):
    number = row["id"]
    valid = row["valid"] == "1"
    assert cadrekit.is_valid_citizen_id(number) is valid
    if valid:
        c = cadrekit.parse_citizen_id(number)
        assert c.birth_date == dt.date.fromisoformat(row["birth_date"])
        assert c.sex == int(row["sex"])
        assert c.region_code == row["region_code"]
        # The table's check characters against this file's own MOD 11-2.
        assert check_char(number[:17]) == number[17]
        assert cadrekit.citizen_id_check_char(number[:17]) == number[17]
    else:
        with pytest.raises(InvalidInput) as info:
            cadrekit.parse_citizen_id(number)
        message = str(info.value)
        assert row["message_contains"] in message
        assert info.value.field == "citizen_id"
        assert info.value.code == "invalid_input"
        if number:
            assert number not in message
        assert_no_run_of(number, message)


def test_standard_example_and_sex_is_an_int():
    c = cadrekit.parse_citizen_id("11010519491231002X")  # GB 11643-1999's example
    assert (c.region_code, c.birth_date, c.sex) == ("110105", dt.date(1949, 12, 31), 2)
    assert type(c.sex) is int


@pytest.mark.parametrize("value", [None, 11010519491231002, b"11010519491231002X", "\ud800", ""])
def test_is_valid_never_raises(value):
    assert cadrekit.is_valid_citizen_id(value) is False


def valid_numbers():
    return st.builds(
        lambda pp, rest, birth, seq: f"{pp:02d}{rest}{birth:%Y%m%d}{seq}",
        st.sampled_from(PROVINCES),
        st.text("0123456789", min_size=4, max_size=4),
        st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
        st.text("0123456789", min_size=3, max_size=3),
    ).map(lambda first17: first17 + check_char(first17))


@settings(max_examples=300, deadline=None)
@given(valid_numbers())
def test_any_number_with_a_valid_date_and_its_check_char_is_valid(number):
    assert cadrekit.is_valid_citizen_id(number)
    c = cadrekit.parse_citizen_id(number)
    assert c.birth_date == dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    assert c.sex == (1 if int(number[16]) % 2 else 2)
    assert c.region_code == number[:6]


@settings(max_examples=300, deadline=None)
@given(valid_numbers(), st.integers(0, 17), st.sampled_from("0123456789XxA -Ｘ"))
def test_changing_any_one_character_makes_it_invalid(number, pos, new):
    assume(number[pos] != new)
    changed = number[:pos] + new + number[pos + 1:]
    assert not cadrekit.is_valid_citizen_id(changed)
    with pytest.raises(InvalidInput) as info:
        cadrekit.parse_citizen_id(changed)
    message = str(info.value)
    assert changed not in message
    assert_no_run_of(changed, message)
    assert_no_run_of(number, message)


@settings(max_examples=100, deadline=None)
@given(valid_numbers(), st.integers(0, 17))
def test_wrong_length_is_invalid(number, cut):
    for s in (number[:cut], number + "0", number + "X"):
        assert not cadrekit.is_valid_citizen_id(s)


def test_messages_never_carry_a_planted_marker():
    marker = "314159"
    for number in [marker + "198702300011", marker + "19870101001x", marker + "1987010100",
                   marker + "19870101001Y", marker + "198701010011", marker + "18990101001X"]:
        with pytest.raises(InvalidInput) as info:
            cadrekit.parse_citizen_id(number)
        assert marker not in str(info.value)
        assert marker not in info.value.field + info.value.record


def test_independent_library_agrees_where_available():
    """python-stdnum's check digit uses another formula ((1 - 2*int(n, 13)) % 11)."""
    ric = pytest.importorskip("stdnum.cn.ric")
    for row in GOLDEN:
        number = row["id"]
        if len(number) == 18 and number[:17].isdigit() and number.isascii():
            assert ric.calc_check_digit(number) == cadrekit.citizen_id_check_char(number[:17])


def test_tongliao_regions():
    regions = {r.code: r for r in cadrekit.tongliao_regions()}
    rows = read_csv(ROOT / "data" / "codes" / "gb2260_tongliao_history.csv")
    assert {r["code"]: r["name"] for r in rows} == {c: r.name for c, r in regions.items()}
    assert regions["152300"].name == "哲里木盟"
    assert regions["152300"].last_seen == 199812
    for code in regions:
        first17 = code + "19800101002"
        assert cadrekit.is_valid_citizen_id(first17 + check_char(first17))


# ---- code lists against the reference files -------------------------------------------------

def test_ethnic_groups_match_the_reference_csv():
    rows = read_csv(ROOT / "data" / "codes" / "ethnic_gb3304.csv")
    assert len(rows) == 56
    groups = cadrekit.ethnic_groups()
    assert [(g.code, g.name_zh, g.name_en) for g in groups] == [
        (r["code"], r["name_zh"], r["roman"]) for r in rows]
    assert all(g.short_zh == g.name_zh for g in groups)
    for r in rows:
        assert cadrekit.ethnic_group(r["code"]).name_zh == r["name_zh"]
        assert cadrekit.ethnic_group(r["name_zh"]).code == r["code"]
        assert cadrekit.ethnic_group(r["name_zh"].removesuffix("族")).code == r["code"]
        assert cadrekit.ethnic_group(r["roman"].upper()).code == r["code"]
        assert cadrekit.ethnic_group(int(r["code"])).code == r["code"]


def test_political_statuses_match_the_reference_csv():
    rows = read_csv(ROOT / "data" / "codes" / "political_status_gb4762.csv")
    assert len(rows) == 13
    assert [(s.code, s.name_zh, s.short_zh) for s in cadrekit.political_statuses()] == [
        (r["code"], r["full_name"], r["short_name"]) for r in rows]
    for r in rows:
        assert cadrekit.political_status(r["full_name"]).code == r["code"]
        assert cadrekit.political_status(r["short_name"]).code == r["code"]


@pytest.mark.parametrize("bad", ["", "00", "57", "火星族", "蒙", 0, 99, -1])
def test_unknown_ethnic_group(bad):
    with pytest.raises(InvalidInput) as info:
        cadrekit.ethnic_group(bad)
    assert info.value.field == "ethnicity"


def test_rank():
    assert Rank.keyuan < Rank.fu_ke < Rank.zheng_ke < Rank.fu_chu < Rank.zheng_chu
    assert Rank.zheng_chu < Rank.fu_ting < Rank.zheng_ting
    assert Rank.parse("副科") == Rank.fu_ke
    assert Rank.parse("fu_ke") == Rank.fu_ke
    assert Rank.fu_chu.name_zh == "副处级"
    assert Rank.zheng_ke.name == "zheng_ke"
    with pytest.raises(InvalidInput):
        Rank.parse("局长")


# ---- the record -----------------------------------------------------------------------------

def make(**kw):
    args = dict(id="C001", sex=2, birth_date=dt.date(1972, 2, 29), ethnicity="02",
                political_status="01", party_joined=dt.date(1995, 7, 1),
                work_started=dt.date(1993, 8, 1))
    args.update(kw)
    return Person(**args)


@pytest.mark.parametrize("sex,code", [(1, 1), (2, 2), ("1", 1), ("2", 2), ("男", 1), ("女", 2),
                                      ("male", 1), ("Female", 2), ("MALE", 1)])
def test_sex_inputs(sex, code):
    p = make(sex=sex)
    assert p.sex == code
    assert p.is_woman is (code == 2)


@pytest.mark.parametrize("sex", [0, 3, 9, "9", "m", ""])
def test_bad_sex(sex):
    with pytest.raises(InvalidInput) as info:
        make(sex=sex)
    assert info.value.field == "sex"


@pytest.mark.parametrize("sex", [1.0, None, True, b"1"])
def test_sex_of_the_wrong_type(sex):
    with pytest.raises(TypeError):
        make(sex=sex)


class Index:
    """An integer-like value (as numpy's integers are): it has __index__."""

    def __init__(self, value):
        self.value = value

    def __index__(self):
        return self.value


def test_integer_like_codes():
    p = make(sex=Index(1), ethnicity=Index(2), political_status=Index(13))
    assert (p.sex, p.ethnicity, p.political_status) == (1, "02", "13")
    with pytest.raises(TypeError):
        make(ethnicity=2.0)


def test_codes_and_names_are_stored_as_codes():
    p = make(ethnicity="蒙古族", political_status="中共预备党员")
    assert (p.ethnicity, p.political_status) == ("02", "02")
    p = make(ethnicity="蒙古", political_status=13)
    assert (p.ethnicity, p.political_status) == ("02", "13")
    p.ethnicity = "汉族"
    p.political_status = "群众"
    assert (p.ethnicity, p.political_status) == ("01", "13")
    with pytest.raises(InvalidInput) as info:
        p.political_status = "14"
    assert info.value.field == "political_status"


def test_group_flags():
    p = make()
    assert (p.is_woman, p.is_ethnic_minority, p.is_non_party) == (True, True, False)
    p = make(sex="男", ethnicity="汉族", political_status="群众", party_joined=None)
    assert (p.is_woman, p.is_ethnic_minority, p.is_non_party) == (False, False, True)
    for s in cadrekit.political_statuses():
        p.political_status = s.code
        assert p.is_non_party is (s.code not in ("01", "02"))


def test_three_ages_across_29_february():
    p = make(birth_date=dt.date(2000, 2, 29), party_joined=None, work_started=None,
             political_status="13")
    assert p.three_ages(dt.date(2001, 2, 28)).age == 0
    assert p.three_ages(dt.date(2001, 3, 1)).age == 1
    assert p.three_ages(dt.date(2004, 2, 28)).age == 3
    assert p.three_ages(dt.date(2004, 2, 29)).age == 4
    assert p.three_ages(dt.date(2004, 2, 29)).party_years is None


def test_three_ages_birthday_on_the_as_of_date():
    p = make(birth_date=dt.date(1970, 6, 15), party_joined=dt.date(1995, 7, 1),
             work_started=dt.date(1990, 8, 1))
    a = p.three_ages(dt.date(2020, 6, 15))
    assert (a.age, a.party_years, a.work_years) == (50, 24, 29)
    a = p.three_ages(dt.date(2020, 6, 14))
    assert (a.age, a.party_years, a.work_years) == (49, 24, 29)
    a = p.three_ages(dt.date(2020, 7, 1))
    assert (a.age, a.party_years, a.work_years) == (50, 25, 29)


def years(a: dt.date, b: dt.date) -> int:
    """Whole years from a to b, written independently: the anniversary of 29 February falls on
    1 March in common years because (2, 28) < (2, 29)."""
    return b.year - a.year - ((b.month, b.day) < (a.month, a.day))


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2010, 12, 31)),
       st.integers(1, 20000), st.integers(0, 20000), st.integers(0, 20000),
       st.sampled_from(["01", "02", "03", "13"]))
def test_three_ages_property(birth, d_party, d_work, d_as_of, status):
    party = birth + dt.timedelta(days=d_party)
    work = birth + dt.timedelta(days=d_work + 1)
    as_of = max(party, work) + dt.timedelta(days=d_as_of)
    p = make(birth_date=birth, party_joined=party, work_started=work, political_status=status,
             posts=[])
    a = p.three_ages(as_of)
    assert a.age == years(birth, as_of)
    assert a.work_years == years(work, as_of)
    assert a.party_years == (years(party, as_of) if status in ("01", "02") else None)


def test_three_ages_errors_name_field_and_record():
    p = make(id="R-77", birth_date=dt.date(1980, 5, 5), party_joined=dt.date(2010, 1, 1),
             work_started=None)
    with pytest.raises(InvalidInput) as info:
        p.three_ages(dt.date(1980, 5, 4))
    assert (info.value.field, info.value.record) == ("as_of", "R-77")
    with pytest.raises(InvalidInput) as info:
        p.three_ages(dt.date(2009, 12, 31))
    assert (info.value.field, info.value.record) == ("party_joined", "R-77")
    p.work_started = dt.date(1970, 1, 1)  # setters do not validate; three_ages does
    with pytest.raises(InvalidInput) as info:
        p.three_ages(dt.date(2020, 1, 1))
    assert info.value.field == "work_started"


def test_constructor_validates():
    with pytest.raises(InvalidInput) as info:
        make(party_joined=dt.date(1960, 1, 1))
    assert (info.value.field, info.value.record) == ("party_joined", "C001")
    posts = [Post(unit="u", from_=dt.date(2008, 1, 1), until=dt.date(2012, 1, 1)),
             Post(unit="u", from_=dt.date(2011, 1, 1))]
    with pytest.raises(InvalidInput) as info:
        make(posts=posts)
    assert info.value.field == "posts[1]"


def test_json_round_trip_and_summary():
    p = make(name="测试甲", rank="正科", unit="某镇", education="大学本科",
             posts=[Post(unit="某镇", title="副镇长", rank=Rank.fu_ke,
                         from_=dt.date(2008, 3, 1), until=dt.date(2013, 3, 1)),
                    Post(unit="某镇", title="镇长", rank="正科级", from_=dt.date(2013, 3, 1))])
    text = p.to_json()
    doc = json.loads(text)
    assert doc["sex"] == "2" and doc["ethnicity"] == "02" and doc["rank"] == "zheng_ke"
    assert doc["posts"][1]["until"] is None
    back = Person.from_json(text)
    assert back == p
    assert back.to_json() == text
    assert p.summary(dt.date(2021, 2, 28)) == {
        "id": "C001",
        "three_ages": {"age": 48, "party_years": 25, "work_years": 27},
        "is_woman": True, "is_ethnic_minority": True, "is_non_party": False,
    }
    assert repr(p) == "Person(id='C001')"  # no personal value in the repr


def test_from_json_errors_do_not_repeat_values():
    with pytest.raises(InvalidInput) as info:
        Person.from_json(json.dumps({"id": "E1", "sex": "1", "birth_date": "1980-01-01",
                                     "ethnicity": "SECRETVALUE", "political_status": "13"}))
    assert (info.value.field, info.value.record) == ("ethnicity", "E1")
    assert "SECRETVALUE" not in str(info.value)


def test_public_names():
    for name in ["Person", "Post", "Rank", "ThreeAges", "CodeEntry", "CitizenId",
                 "is_valid_citizen_id", "parse_citizen_id", "ethnic_groups",
                 "political_statuses"]:
        assert name in cadrekit.__all__
