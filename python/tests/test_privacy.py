"""Privacy (docs/reliability.md): no error message carries a personal value. Random inputs with
a planted marker go through every failing path of the core; the marker must never come back in
an exception's message, field or record."""
import datetime
import json

from hypothesis import given, settings, strategies as st

import cadrekit

# A marker that looks like what it stands for: digits of an ID number or an income.
markers = st.from_regex(r"[1-9][0-9]{7,12}", fullmatch=True)
junk = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)


def leaked(marker, exc):
    return any(marker in str(x) for x in (exc, getattr(exc, "field", ""), getattr(exc, "record", "")))


def refused_cleanly(marker, call):
    """True when ``call`` raised a cadrekit.Error (whose text must not carry the marker), False
    when it raised nothing. Every caller asserts the answer it expects: an input that must be
    refused but is accepted fails the test instead of passing unchecked."""
    try:
        call()
    except cadrekit.Error as e:
        assert not leaked(marker, e), f"marker leaked: {e!s}"
        return True
    return False


@settings(max_examples=100, deadline=None)
@given(markers, junk, junk)
def test_money_and_share_errors_do_not_repeat_the_amount(marker, pre, post):
    # An amount with a stray letter before its unit is neither money nor a share: all three
    # must refuse it, whatever the junk around the marker.
    text = f"{pre}{marker}.{post}x元"
    assert refused_cleanly(marker, lambda: cadrekit.parse_money(text)), text
    assert refused_cleanly(marker, lambda: cadrekit.parse_share(text)), text
    assert refused_cleanly(marker, lambda: cadrekit.at_least_share(20, text)), text


@settings(max_examples=100, deadline=None)
@given(markers, junk)
def test_citizen_id_errors_do_not_repeat_the_number(marker, tail):
    # Refused exactly when the number is not a valid one (17 digits and a tail that is rarely,
    # but may be, the right check character of a real birth date).
    number = (marker + "0000000000000000000")[:17] + tail[:2]
    refused = refused_cleanly(marker[:8], lambda: cadrekit.parse_citizen_id(number))
    assert refused is not cadrekit.is_valid_citizen_id(number), number


@settings(max_examples=100, deadline=None)
@given(markers, st.sampled_from(["name", "education", "unit", "birth_date", "ethnicity", "sex"]))
def test_person_record_errors_do_not_repeat_personal_fields(marker, field):
    record = {"id": "C1", "name": "测试", "sex": "1", "birth_date": "1980-01-01",
              "ethnicity": "01", "political_status": "13"}
    record[field] = f"{marker}-无效" if field in ("birth_date", "ethnicity", "sex") else marker
    record["bogus"] = marker  # an unknown member with a personal value
    assert refused_cleanly(marker, lambda: cadrekit.Person.from_json(json.dumps(record, ensure_ascii=False)))


@settings(max_examples=100, deadline=None)
@given(markers)
def test_explanation_errors_do_not_repeat_values(marker):
    doc = {"schema": "cadrekit.explanation/1", "subject": "s", "uses_assumed": False, "rules": [],
           "parameters": [{"name": "p", "value": marker, "unit": "yuan", "effective_from": marker,
                           "assumed": False, "clause": "JARUD.1"}], "inputs": [{"name": "income", "value": marker}]}
    assert refused_cleanly(marker, lambda: cadrekit.Explanation.from_json(json.dumps(doc)))

# Policy profiles hold no personal data (they are published rules): their errors may quote the
# offending value, which helps whoever maintains a county's profile (docs/reliability.md).


# Arguments no overload accepts. pybind11 answers them with a TypeError that listed the repr() of
# every argument: an ID number given as a number, a name with a lone surrogate. The module routes
# every function it defines through a dispatcher that lists the arguments' types instead
# (python/src/argument_errors.cpp); this walks the whole module so that none is missed.
SECRET = "110101199003077777"


class _Secret:
    """An argument no compiled function accepts, whose text is an ID number."""

    def __repr__(self):
        return SECRET

    __str__ = __repr__


def _compiled_callables():
    import types
    core = cadrekit._core
    found, seen, todo = [], set(), [core]
    while todo:
        owner = todo.pop()
        if id(owner) in seen:
            continue
        seen.add(id(owner))
        for name, value in vars(owner).items():
            parts = [value]
            if type(value).__name__ == "instancemethod" or isinstance(value, staticmethod):
                parts = [value.__func__]
            elif isinstance(value, property):
                parts = [p for p in (value.fget, value.fset) if p is not None]
            for part in parts:
                if isinstance(part, types.BuiltinFunctionType) and part.__name__ != "__new__":
                    found.append((f"{getattr(owner, '__name__', owner)}.{name}", part))
            if isinstance(value, (type, types.ModuleType)) and \
                    str(getattr(value, "__module__", getattr(value, "__name__", ""))).startswith("cadrekit._core"):
                todo.append(value)
            elif isinstance(value, types.ModuleType) and value.__name__.startswith("cadrekit._core"):
                todo.append(value)
    return found


def test_no_compiled_function_repeats_an_argument_it_refuses():
    callables = _compiled_callables()
    assert len(callables) > 200, len(callables)  # the walk reaches the classes and submodules
    routed = 0
    for name, f in callables:
        for args in [(_Secret(),), (SECRET + "\ud800",), (_Secret(), _Secret(), _Secret())]:
            try:
                f(*args)
            except Exception as e:  # noqa: BLE001 - cadrekit's errors and TypeErrors are checked
                if isinstance(args[0], str) and not isinstance(e, (cadrekit.Error, TypeError)):
                    continue  # an enum's own __repr__(text) quotes it: pybind11's, not a value of ours
                text = " ".join(str(x) for x in (e, getattr(e, "field", ""), getattr(e, "record", "")))
                assert SECRET[:12] not in text, f"{name}{args!r:.0}: {text}"
                if "Invoked with:" in text and isinstance(args[0], _Secret):
                    assert "_Secret" in text, f"{name}: {text}"
                    routed += 1
    assert routed > 200, routed


def test_a_refused_argument_is_named_by_its_type():
    # A citizen ID given as a number, and one with a lone surrogate: each refused by type.
    try:
        cadrekit.parse_citizen_id(110101199003077777)
    except TypeError as e:
        assert "Invoked with: int" in str(e) and "1101011990" not in str(e), str(e)
    else:
        raise AssertionError("a number accepted as a citizen ID")
    # A str UTF-8 cannot hold is refused as a cell of it is: InvalidInput naming the parameter,
    # given by keyword or by position, to a function, a method or a constructor.
    policy = cadrekit.Policy.default()
    for call, field in ((lambda v: cadrekit.parse_citizen_id(s=v), "s"),
                        (lambda v: cadrekit.parse_citizen_id(v), "s"),
                        (lambda v: policy.value(v, datetime.date(2017, 1, 1)), "name"),
                        (lambda v: policy.value(as_of=datetime.date(2017, 1, 1), name=v), "name"),
                        (lambda v: cadrekit.Person(v, 1), "id")):
        try:
            call("11010119900307777\ud800")
        except cadrekit.InvalidInput as e:
            assert e.field == field and "lone surrogate" in e.message, (field, str(e))
            assert "1101011990" not in str(e) + e.record, str(e)
        else:
            raise AssertionError("a lone surrogate accepted in " + field)
    # within a list (of texts, or of rows) the item is named too; within a dict, not its key
    for call, field in ((lambda v: cadrekit._core._audit.draw_sample(["C1", v], 1, 1, 2016), "candidates[1]"),
                        (lambda v: cadrekit._core._audit.draw_sample(candidates=(v,), count=1, seed=1,
                                                                     year=2016), "candidates[0]")):
        try:
            call("11010119900307777\ud800")
        except cadrekit.InvalidInput as e:
            assert e.field == field and "1101011990" not in str(e), (field, str(e))
        else:
            raise AssertionError("a lone surrogate accepted in " + field)
    # a parameter without a name is named as pybind11's signatures name it
    workspace = getattr(cadrekit._core, "_workspace", None)
    if workspace is not None:
        try:
            workspace.mask_id_numbers("11010119900307777\ud800", policy)
        except cadrekit.InvalidInput as e:
            assert e.field == "arg0" and "1101011990" not in str(e), str(e)
        else:
            raise AssertionError("a lone surrogate accepted by mask_id_numbers")
    # A keyword is a key: shown as a key may be (a dict spread into the call brings its own)
    for key, shown in (("id_" + SECRET, "id_**************7777=int"), ("王秘密", "?=int")):
        try:
            cadrekit.parse_citizen_id(**{key: 1})
        except TypeError as e:
            assert str(e).endswith("Invoked with: " + shown) and SECRET[:12] not in str(e), str(e)
        else:
            raise AssertionError("an unknown keyword accepted")
    # A constructor and a method: the signatures pybind11 lists stay, the values go.
    try:
        cadrekit.Person(SECRET, 1)
    except TypeError as e:
        assert "incompatible constructor arguments" in str(e) and SECRET not in str(e), str(e)
    else:
        raise AssertionError("a Person of two arguments")


def test_a_key_utf8_cannot_hold_is_shown_as_a_key_that_is_data():
    # The compiled module refuses such a str as InvalidInput; a key shown in a warning or an
    # error is then "?", and the call warns of the column as it warns of any unknown one.
    import warnings

    import pandas as pd

    from cadrekit import _frames, audit
    assert _frames.display_key("phone_13800138000") == "phone_*******8000"
    assert _frames.display_key("x\ud800") == "?"
    units = pd.DataFrame({"unit_id": ["U1"], "budget": [1000], "x\ud800": [1]})
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        got = audit.tier(units, as_of=datetime.date(2016, 6, 30))
    assert len(got) == 1
    texts = [str(w.message) for w in seen if isinstance(w.message, cadrekit.UnknownColumnWarning)]
    assert texts and all("\ud800" not in t for t in texts) and any("?" in t for t in texts), texts
