"""The one converter between Python objects and the library's JSON forms (python/src/json_bridge):
what a request may hold and how an answer comes back, through the village selection call."""
import datetime as dt
import math
from decimal import Decimal
from fractions import Fraction

import pytest

import cadrekit
from cadrekit import _core

POLICY = cadrekit.Policy.default()
STARTS = [dt.date(2016, 4, 1), dt.date(2016, 7, 1), dt.date(2016, 10, 8), dt.date(2017, 1, 3)]


def publicity(starts):
    return _core._village.selection({"op": "publicity", "year": 2016, "starts": starts}, POLICY)


def test_dates_go_as_iso_text_and_answers_come_back_as_the_library_writes_them():
    got = publicity(STARTS)
    assert got["op"] == "publicity"
    assert [w["first"] for w in got["windows"]] == [d.isoformat() for d in STARTS]
    # a datetime at midnight (as pandas gives dates) is its date; a tuple is an array
    assert publicity(tuple(dt.datetime(d.year, d.month, d.day) for d in STARTS)) == got


def test_a_time_of_day_is_refused_not_dropped():
    starts = list(STARTS)
    starts[2] = dt.datetime(2016, 10, 8, 9, 30)
    with pytest.raises(cadrekit.InvalidInput) as e:
        publicity(starts)
    assert (e.value.field, e.value.record) == ("starts", "starts[2]")


def test_values_json_cannot_hold_are_refused_naming_where():
    with pytest.raises(cadrekit.InvalidInput) as e:
        _core._village.selection({"op": "quota", "n_villages": {1, 2}, "year": 2016}, POLICY)
    assert e.value.field == "n_villages" and "set" in str(e.value)
    with pytest.raises(cadrekit.InvalidInput) as e:
        _core._village.selection({"op": "quota", "n_villages": math.inf, "year": 2016}, POLICY)
    assert e.value.field == "n_villages"
    with pytest.raises(cadrekit.InvalidInput) as e:
        _core._village.selection({("op",): "quota"}, POLICY)
    assert e.value.field == "request"
    deep = []
    for _ in range(70):
        deep = [deep]
    with pytest.raises(cadrekit.InvalidInput) as e:
        _core._village.selection({"op": "quota", "x": deep}, POLICY)
    assert "64" in str(e.value)


def test_a_key_is_named_as_a_message_may_show_it():
    # A key may be data (an ID number, a name): the path of a value no JSON holds named it as
    # it was, in the field of the error and so in its message.
    for key in ("110101199003077777", "王秘密"):
        with pytest.raises(cadrekit.InvalidInput) as e:
            _core._village.selection({"op": "quota", "units": [{"id": "U1", key: {1, 2}}], "year": 2016}, POLICY)
        assert (e.value.field, e.value.record) == ("?", "units[0]")
        assert key not in str(e.value) and "7777" not in str(e.value)
    with pytest.raises(cadrekit.InvalidInput) as e:
        _core._village.selection({"op": "quota", "units": [{"phone_13800138000": {1}}], "year": 2016}, POLICY)
    assert e.value.field == "phone_*******8000"


def test_numbers_exact_values_and_missing_values():
    got = _core._village.selection({"op": "quota", "n_villages": 206, "year": 2016}, POLICY)
    assert got["quota"] == 11 and isinstance(got["explanation"], cadrekit.Explanation)
    # NaN (pandas' missing value) is null: the library then names the member as missing
    with pytest.raises(cadrekit.InvalidInput) as e:
        _core._village.selection({"op": "quota", "n_villages": float("nan"), "year": 2016}, POLICY)
    assert e.value.field == "n_villages"
    # Decimal and Fraction travel as exact text; the library reads them as it reads text: a
    # whole number's text is that number (docs/input.md), any other is refused
    got = _core._village.selection({"op": "quota", "n_villages": Decimal("206"), "year": 2016}, POLICY)
    assert got["quota"] == 11
    with pytest.raises(cadrekit.InvalidInput) as e:
        _core._village.selection({"op": "quota", "n_villages": Decimal("206.5"), "year": 2016}, POLICY)
    assert e.value.field == "n_villages"
    with pytest.raises(cadrekit.InvalidInput):
        _core._village.selection({"op": "quota", "n_villages": Fraction(1, 3), "year": 2016}, POLICY)
