"""Money and shares, Python surface: the golden table shared with C++ and C, then properties."""

import csv
import pathlib
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings, strategies as st

import cadrekit

INT64_MAX = 2**63 - 1
INT64_MIN = -(2**63)
TABLE = pathlib.Path(__file__).resolve().parents[2] / "tests" / "golden" / "money_cases.csv"
# No example database in the working tree, no deadline on a shared machine.
SETTINGS = settings(database=None, deadline=None, max_examples=300)


def load_cases():
    with open(TABLE, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    # Line numbers for the test ids: the header is line 1.
    return [pytest.param(row, id=f"line{i + 2}_{row['kind']}") for i, row in enumerate(rows)]


CASES = load_cases()


def yuan(fen):
    """fen (int) as an exact Decimal of yuan with two places (built from text: exact at any
    size, where scaleb would round to the context's 28 digits)."""
    return Decimal(f"{fen}E-2")


def ceil_div(a, b):
    return -(-a // b)


def assert_no_echo(message, text):
    """An error message never repeats the amount or share it was given."""
    t = text.strip(" \t")
    if any(c.isdigit() for c in t):
        assert t not in message


def assert_invalid(fn, code, text):
    with pytest.raises(cadrekit.InvalidInput) as info:
        fn()
    assert info.value.code == code, str(info.value)
    assert info.value.field, str(info.value)
    assert isinstance(info.value, ValueError)
    assert_no_echo(str(info.value), text)


# ---- the golden table ----------------------------------------------------------------------


@pytest.mark.parametrize("row", CASES)
def test_golden(row):
    kind, text, n, expected, error = (row[k] for k in ("kind", "input", "n", "expected", "error"))
    if kind == "money_parse":
        if error:
            assert_invalid(lambda: cadrekit.parse_money(text), error, text)
            # The same text given to format_money goes through the same parser.
            assert_invalid(lambda: cadrekit.format_money(text), error, text)
        else:
            got = cadrekit.parse_money(text)
            assert isinstance(got, Decimal)
            assert got == yuan(int(expected))
            assert got.as_tuple().exponent == -2  # always two places, like the C++ side
    elif kind == "money_format":
        fen = int(text)
        assert cadrekit.format_money(yuan(fen)) == expected
        assert cadrekit.format_money(str(yuan(fen))) == expected
        if fen % 100 == 0:
            assert cadrekit.format_money(fen // 100) == expected  # int yuan
        assert cadrekit.parse_money(expected) == yuan(fen)
    elif kind == "at_least_share":
        if error:
            assert_invalid(lambda: cadrekit.at_least_share(int(n), text), error, text)
        else:
            assert cadrekit.at_least_share(int(n), text) == int(expected)
            # The same share as a Fraction gives the same quota.
            share = cadrekit.parse_share(text)
            assert cadrekit.at_least_share(int(n), share) == int(expected)
    elif kind == "share_parse":
        if error:
            assert_invalid(lambda: cadrekit.parse_share(text), error, text)
        else:
            got = cadrekit.parse_share(text)
            assert isinstance(got, Fraction)
            assert got == Fraction(expected)
    else:
        pytest.fail(f"unknown kind {kind}")


def test_table_holds_the_source_figures():
    rows = [p.values[0] for p in CASES]
    keys = {(r["kind"], r["input"], r["n"], r["expected"]) for r in rows}
    assert ("at_least_share", "5%", "206", "11") in keys
    assert ("at_least_share", "35%", "20", "7") in keys
    assert ("at_least_share", "20%", "28", "6") in keys
    assert ("money_parse", "500万", "", "500000000") in keys
    assert ("money_parse", "1亿", "", "10000000000") in keys


# ---- properties (hypothesis): Python's exact arithmetic is the oracle -----------------------


@SETTINGS
@given(n=st.integers(0, INT64_MAX), p=st.integers(0, 10**9), q=st.integers(1, 10**9))
def test_at_least_share_is_the_exact_ceiling(n, p, q):
    expected = ceil_div(p * n, q)  # == math.ceil(Fraction(p, q) * n), in integers
    assert expected == -(-(Fraction(p, q) * n).numerator // (Fraction(p, q) * n).denominator)
    if expected > INT64_MAX:
        assert_invalid(lambda: cadrekit.at_least_share(n, Fraction(p, q)), "overflow", "")
    else:
        assert cadrekit.at_least_share(n, Fraction(p, q)) == expected


@SETTINGS
@given(n=st.integers(0, 10**6), pct=st.integers(0, 10**4), places=st.integers(0, 3))
def test_at_least_share_of_a_percentage_text(n, pct, places):
    # pct / 10**places percent, written as text the way data staff do ("12.5%").
    value = Fraction(pct, 10**places)
    text = f"{Decimal(pct).scaleb(-places)}%"
    assert cadrekit.parse_share(text) == value / 100
    assert cadrekit.at_least_share(n, text) == ceil_div(pct * n, 100 * 10**places)


@SETTINGS
@given(n=st.integers(0, 10**6), a=st.integers(0, 1000), b=st.integers(1, 1000))
def test_at_least_share_of_a_ratio(n, a, b):
    for text in (f"{a}:{b}", f"{a}：{b}", f"{a}/{b}"):
        assert cadrekit.parse_share(text) == Fraction(a, b)
        assert cadrekit.at_least_share(n, text) == ceil_div(a * n, b)


@SETTINGS
@given(fen=st.integers(INT64_MIN, INT64_MAX))
def test_parse_of_format_is_identity(fen):
    amount = yuan(fen)
    text = cadrekit.format_money(amount)
    assert cadrekit.parse_money(text) == amount
    assert cadrekit.parse_money(str(amount)) == amount
    assert cadrekit.format_money(str(amount)) == text
    # The sign and the grouping are what they should be.
    assert text.startswith("-¥" if fen < 0 else "¥")
    assert text.lstrip("-¥").replace(",", "") == str(abs(amount))


@SETTINGS
@given(
    units=st.integers(0, 10**12),
    places=st.integers(0, 6),
    unit=st.sampled_from(
        [("", 0), ("元", 0), ("千", 3), ("万", 4), ("万元", 4), ("千万", 7), ("亿", 8)]
        + [("十万", 5), ("百万", 6), ("十亿", 9), ("百亿", 10), ("千亿", 11), ("万亿", 12)]
    ),
)
def test_multipliers(units, places, unit):
    suffix, zeros = unit
    number = Decimal(units).scaleb(-places)
    text = f"{number}{suffix}"
    fen = Fraction(units, 10**places) * 10**zeros * 100
    if fen.denominator != 1:
        assert_invalid(lambda: cadrekit.parse_money(text), "invalid_input", text)
    elif fen > INT64_MAX:
        assert_invalid(lambda: cadrekit.parse_money(text), "overflow", text)
    else:
        assert cadrekit.parse_money(text) == yuan(int(fen))


@SETTINGS
@given(fen=st.one_of(st.integers(INT64_MAX + 1, 10**40), st.integers(-(10**40), INT64_MIN - 1)))
def test_overflow_raises_invalid_input_with_code_overflow(fen):
    amount = yuan(fen)
    for fn in (
        lambda: cadrekit.format_money(amount),
        lambda: cadrekit.format_money(str(amount)),
        lambda: cadrekit.parse_money(str(amount)),
    ):
        assert_invalid(fn, "overflow", str(amount))
    if fen % 100 == 0:
        assert_invalid(lambda: cadrekit.format_money(fen // 100), "overflow", str(fen))


@SETTINGS
@given(n=st.integers(INT64_MAX + 1, 10**30))
def test_count_beyond_int64_is_overflow(n):
    assert_invalid(lambda: cadrekit.at_least_share(n, "5%"), "overflow", "")


@SETTINGS
# Lists of sampled characters rather than st.text: st.text caches Unicode tables in the tree.
@given(
    text=st.lists(st.sampled_from("0123456789.,-+ ¥万亿元e%:/x"), min_size=1, max_size=24).map(
        "".join
    )
)
def test_errors_never_repeat_the_text(text):
    for fn in (cadrekit.parse_money, cadrekit.parse_share):
        try:
            fn(text)
        except cadrekit.InvalidInput as e:
            assert_no_echo(str(e), text)


# ---- argument types --------------------------------------------------------------------------


def test_money_argument_types():
    assert cadrekit.format_money(Decimal("7000.5")) == "¥7,000.50"
    assert cadrekit.format_money(Decimal("7E+3")) == "¥7,000.00"
    assert cadrekit.format_money(7000) == "¥7,000.00"
    assert cadrekit.format_money("500万") == "¥5,000,000.00"
    assert cadrekit.format_money(amount="-12.5") == "-¥12.50"
    assert cadrekit.parse_money(text="1亿") == Decimal("100000000.00")
    for bad in (7000.0, True, None, [7000], b"7000"):
        with pytest.raises(TypeError) as info:
            cadrekit.format_money(bad)
        assert "7000" not in str(info.value)  # pybind11's default message would echo it
    for bad in (7000, Decimal("7000"), None):
        with pytest.raises(TypeError):
            cadrekit.parse_money(bad)
    for bad in ("NaN", "Infinity", "-Infinity", "sNaN"):
        assert_invalid(lambda: cadrekit.format_money(Decimal(bad)), "invalid_input", "")
    assert_invalid(lambda: cadrekit.format_money(Decimal("1.005")), "invalid_input", "1.005")


def test_share_argument_types():
    assert cadrekit.at_least_share(206, Fraction(1, 20)) == 11
    assert cadrekit.at_least_share(20, Decimal("0.35")) == 7
    assert cadrekit.at_least_share(n=28, share="20%") == 6
    assert cadrekit.at_least_share(5, 2) == 10
    assert cadrekit.parse_share(text="1:3") == Fraction(1, 3)
    for bad in (0.35, True, None, [1, 3]):
        with pytest.raises(TypeError):
            cadrekit.at_least_share(20, bad)
    for bad_n in (20.0, "20", True, None):
        with pytest.raises(TypeError):
            cadrekit.at_least_share(bad_n, "35%")
    with pytest.raises(TypeError):
        cadrekit.parse_share(Fraction(1, 3))
    assert_invalid(lambda: cadrekit.at_least_share(20, Fraction(-1, 3)), "invalid_input", "")
    assert_invalid(lambda: cadrekit.at_least_share(20, Decimal("NaN")), "invalid_input", "")
    assert_invalid(lambda: cadrekit.at_least_share(-1, "5%"), "invalid_input", "")


def test_numpy_integers_are_counts():
    np = pytest.importorskip("numpy")
    assert cadrekit.at_least_share(np.int64(206), "5%") == 11
    assert cadrekit.at_least_share(np.uint8(20), Fraction(7, 20)) == 7


def test_public_names_and_docstrings():
    for name in ("at_least_share", "parse_money", "format_money", "parse_share"):
        assert name in cadrekit.__all__
        doc = getattr(cadrekit, name).__doc__
        # pybind11 puts the signature first; a real description must follow it.
        assert doc is not None and len(doc.split("\n", 1)[-1].strip()) > 40, name
