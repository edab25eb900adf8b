"""The batch calls' caller-provided outputs (issue #10): ``audit.tier_columns(..., out=)`` and
``village.pay_columns(..., out=)`` give the same results as the calls that allocate (the golden
tables and random data), refuse an output of the wrong dtype, length, layout or writeability
with InvalidInput naming it, and leave the outputs untouched when a row is bad; the factors of
tier_columns may be a sequence of 9 columns."""
import csv
import datetime as dt
import pathlib
from decimal import Decimal

import numpy as np
import pytest

import cadrekit
from cadrekit import audit, village
from village_golden import CASES, case_columns

ROOT = pathlib.Path(__file__).resolve().parents[2]
AS_OF = dt.date(2017, 1, 1)


# --- audit tiering ---------------------------------------------------------------------------

def golden_units():
    with open(ROOT / "tests" / "golden" / "audit_tier_cases.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader([ln for ln in f if not ln.startswith("#") and ln.strip()]))
    budget = np.array([int(Decimal(r["budget"]) * 100) for r in rows], dtype=np.int64)
    factors = np.array([[int(r[f]) for r in rows] for f in audit.FACTORS], dtype=np.int8)
    level = np.array([int(r["level"]) for r in rows])
    score = np.array([int(r["score"]) for r in rows])
    return budget, factors, level, score


def random_units(n, seed=5):
    rng = np.random.default_rng(seed)
    budget = rng.integers(0, 1_000_000_000, n).astype(np.int64)
    budget[::7] = 500_000_000  # on the band limits
    budget[3::11] = 300_000_000
    pol = cadrekit.Policy.default()
    factors = np.empty((9, n), dtype=np.int8)
    for j, f in enumerate(audit.FACTORS):
        factors[j] = rng.integers(0, int(pol.value(f"audit.factor.{f}.max", AS_OF)) + 1, n)
    return budget, factors


def test_tier_out_golden_same_as_fresh():
    budget, factors, level, score = golden_units()
    fresh = audit.tier_columns(budget, factors, as_of=AS_OF)
    assert list(fresh[0]) == list(level) and list(fresh[1]) == list(score)
    lv = np.full(len(budget), 99, dtype=np.int8)
    sc = np.full(len(budget), -7, dtype=np.int64)
    got = audit.tier_columns(budget, factors, as_of=AS_OF, out=(lv, sc))
    assert got[0] is lv and got[1] is sc
    assert list(lv) == list(level) and list(sc) == list(score)
    # Levels only.
    lv2 = np.zeros(len(budget), dtype=np.int8)
    got = audit.tier_columns(budget, factors, as_of=AS_OF, out=[lv2, None])
    assert got[1] is None and list(lv2) == list(level)


def test_tier_factor_columns_as_a_sequence():
    budget, factors = random_units(7000)
    want = audit.tier_columns(budget, factors, as_of=AS_OF)
    cols = [factors[j].copy() for j in range(9)]
    got = audit.tier_columns(budget, cols, as_of=AS_OF)
    assert np.array_equal(got[0], want[0]) and np.array_equal(got[1], want[1])
    # Other integer dtypes and lists are converted; None is a column of zeros.
    mixed = [c.astype(np.int64) if j % 2 else list(map(int, c)) for j, c in enumerate(cols)]
    got = audit.tier_columns(budget, mixed, as_of=AS_OF)
    assert np.array_equal(got[1], want[1])
    zero = factors.copy()
    zero[3] = 0
    with_none = list(cols)
    with_none[3] = None
    assert np.array_equal(audit.tier_columns(budget, with_none, as_of=AS_OF)[1],
                          audit.tier_columns(budget, zero, as_of=AS_OF)[1])
    with pytest.raises(cadrekit.InvalidInput, match="sequence of 9"):
        audit.tier_columns(budget, cols[:8], as_of=AS_OF)
    with pytest.raises(cadrekit.InvalidInput) as e:
        audit.tier_columns(budget, cols[:4] + [cols[4][:-1]] + cols[5:], as_of=AS_OF)
    assert "attention" in str(e.value)


def test_tier_out_refused():
    budget, factors = random_units(100)
    sc = np.zeros(100, dtype=np.int64)
    lv = np.zeros(100, dtype=np.int8)
    bad = [
        ((np.zeros(100, dtype=np.int16), sc), "dtype int8"),
        ((lv, np.zeros(100, dtype=np.int32)), "dtype int64"),
        ((np.zeros(99, dtype=np.int8), sc), "length 100"),
        ((lv, np.zeros((100, 1), dtype=np.int64)), "length 100"),
        ((np.zeros(200, dtype=np.int8)[::2], sc), "C-contiguous"),
        ((lv, [0] * 100), "NumPy array"),
        ((lv,), "pair"),
    ]
    ro = np.zeros(100, dtype=np.int64)
    ro.flags.writeable = False
    bad.append(((lv, ro), "writeable"))
    for out, msg in bad:
        with pytest.raises(cadrekit.InvalidInput, match=msg):
            audit.tier_columns(budget, factors, as_of=AS_OF, out=out)


def test_tier_bad_row_named_outputs_untouched():
    budget, factors = random_units(9000)
    lv = np.full(9000, 42, dtype=np.int8)
    sc = np.full(9000, 4242, dtype=np.int64)
    f = factors.copy()
    f[6, 8500] = 5  # high_risk_sector above its maximum
    b = budget.copy()
    b[8700] = -1
    with pytest.raises(cadrekit.InvalidInput) as e:
        audit.tier_columns(b, f, as_of=AS_OF, out=(lv, sc))
    assert e.value.field == "high_risk_sector" and e.value.record == "row 8501"
    assert (lv == 42).all() and (sc == 4242).all()
    with pytest.raises(cadrekit.InvalidInput) as e:
        audit.tier_columns(b, factors, as_of=AS_OF, out=(lv, sc))
    assert e.value.field == "budget" and e.value.record == "row 8701"
    assert (lv == 42).all() and (sc == 4242).all()


# --- village pay sheet -----------------------------------------------------------------------

OUT_NAMES = {"village_team_grade": (np.uint8, "V"), "village_rank": (np.int32, "V"),
             "base_fen": (np.int64, "P"), "performance_fen": (np.int64, "P"), "total_fen": (np.int64, "P"),
             "grade": (np.uint8, "P"), "units": (np.int32, "P")}


def fresh_out(V, P, fill=0):
    return {k: np.full(V if size == "V" else P, fill, dtype=dt_) for k, (dt_, size) in OUT_NAMES.items()}


def random_villages(V, seed=3, shuffle=False):
    rng = np.random.default_rng(seed)
    vt = (np.arange(V) // 37).astype(np.int32)
    if shuffle:
        rng.shuffle(vt)
    pop = rng.integers(100, 5000, V).astype(np.int64)
    sc = (rng.integers(60, 100, (V, 5)) * 10000).astype(np.int64)  # coarse: many ties
    pres = np.where(np.arange(V) % 13 == 0, 0x0F, 0x1F).astype(np.uint8)
    pv = np.repeat(np.arange(V, dtype=np.int32), 2)
    post = np.tile(np.array([0, 1], dtype=np.uint8), V)
    jan1 = (dt.date(2016, 1, 1) - dt.date(1970, 1, 1)).days
    f = np.full(2 * V, jan1 - 100, dtype=np.int32)
    t = np.full(2 * V, 2**31 - 1, dtype=np.int32)
    f[1::10] = jan1 + rng.integers(0, 365, len(f[1::10]))
    t[::14] = jan1 + rng.integers(0, 365, len(t[::14]))
    f[::14] = np.minimum(f[::14], t[::14])
    post[::9] = 2
    return [vt, pop, sc, pres, pv, post, f, t]


@pytest.mark.parametrize("k", range(len(CASES["pay_sheets"])))
def test_pay_out_golden_same_as_fresh(k):
    case = CASES["pay_sheets"][k]
    cols = case_columns(case)
    fresh = village.pay_columns(*cols, case["year"])
    want = {w["cadre_id"]: int(Decimal(w["total"]) * 100) for w in case["expect_lines"]}
    for i, x in enumerate(case["principals"]):
        assert fresh["total_fen"][i] == want.get(x["cadre_id"], 0), x["cadre_id"]
    out = fresh_out(len(cols[0]), len(cols[4]), fill=77)
    got = village.pay_columns(*cols, case["year"], out=out)
    for name in OUT_NAMES:
        assert got[name] is out[name]
        assert np.array_equal(out[name], fresh[name]), name


@pytest.mark.parametrize("shuffle", [False, True])
def test_pay_out_random_same_as_fresh(shuffle):
    cols = random_villages(3001, shuffle=shuffle)
    fresh = village.pay_columns(*cols, 2016)
    out = fresh_out(3001, 6002, fill=5)
    village.pay_columns(*cols, 2016, out=out)
    for name in OUT_NAMES:
        assert np.array_equal(out[name], fresh[name]), name
    # Townships in any order of rows give the same answers as the same villages grouped.
    if shuffle:
        order = np.argsort(cols[0], kind="stable")
        inv = np.empty_like(order)
        inv[order] = np.arange(len(order))
        g = [cols[0][order], cols[1][order], cols[2][order], cols[3][order],
             inv[cols[4]].astype(np.int32), cols[5], cols[6], cols[7]]
        grouped = village.pay_columns(*g, 2016)
        for name in ("total_fen", "grade", "units"):
            assert np.array_equal(grouped[name], fresh[name]), name
        assert np.array_equal(grouped["village_rank"][inv], fresh["village_rank"])


def test_pay_out_refused():
    cols = random_villages(50)
    for name, (dtype, size) in OUT_NAMES.items():
        n = 50 if size == "V" else 100
        wrong = {np.uint8: np.int8, np.int32: np.int64, np.int64: np.int32}[dtype]
        variants = [(np.zeros(n, dtype=wrong), "dtype"), (np.zeros(n + 1, dtype=dtype), "length"),
                    (np.zeros(2 * n, dtype=dtype)[::2], "C-contiguous")]
        for arr, msg in variants:
            out = fresh_out(50, 100)
            out[name] = arr
            with pytest.raises(cadrekit.InvalidInput, match=msg) as e:
                village.pay_columns(*cols, 2016, out=out)
            assert e.value.field == f"out[{name}]"
    out = fresh_out(50, 100)
    del out["units"]
    with pytest.raises(cadrekit.InvalidInput, match="missing"):
        village.pay_columns(*cols, 2016, out=out)
    with pytest.raises(cadrekit.InvalidInput, match="dict"):
        village.pay_columns(*cols, 2016, out=list(fresh_out(50, 100).values()))


def test_pay_bad_row_outputs_untouched():
    cols = random_villages(400)
    cols[7] = cols[7].copy()
    cols[7][555] = cols[6][555] - 1  # served_to before served_from
    out = fresh_out(400, 800, fill=9)
    with pytest.raises(cadrekit.InvalidInput) as e:
        village.pay_columns(*cols, 2016, out=out)
    assert e.value.field == "served_to" and e.value.record == "row 556"
    for name, arr in out.items():
        assert (arr == 9).all(), name


def test_tier_columns_as_of_by_position_is_deprecated_and_gives_the_same():
    budget = np.array([10**9, 5 * 10**8, 10**6], dtype=np.int64)
    factors = np.zeros((9, 3), dtype=np.int8)
    want = audit.tier_columns(budget, factors, as_of=AS_OF)
    with pytest.warns(DeprecationWarning):
        got = audit.tier_columns(budget, factors, AS_OF)
    assert np.array_equal(got[0], want[0]) and np.array_equal(got[1], want[1])
    with pytest.raises(TypeError):
        audit.tier_columns(budget, factors, AS_OF, as_of=AS_OF)
