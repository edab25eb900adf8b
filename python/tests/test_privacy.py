"""Privacy (docs/reliability.md): no error message carries a personal value. Random inputs with
a planted marker go through every failing path of the core; the marker must never come back in
an exception's message, field or record."""
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
