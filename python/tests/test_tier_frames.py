"""audit.tier on a DataFrame: the column path (budgets read in one pass, the tiering kernel)
gives the rows path's levels, bands and scores unit for unit, with the caller's index; the
explanations of the units asked about are the rows path's; as_of is a keyword."""
import datetime as dt
import io
import pathlib
import warnings
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

import cadrekit
from cadrekit import audit

GOLDEN = pathlib.Path(__file__).resolve().parents[2] / "tests" / "golden" / "audit_tier_cases.csv"
AS_OF = dt.date(2017, 1, 1)
VALUES = ["unit_id", "level", "band", "band_points", "factor_points", "score"]


def golden_frame():
    """The golden cases as pandas reads the CSV file, money as text (never float)."""
    text = "".join(ln for ln in GOLDEN.read_text(encoding="utf-8").splitlines(keepends=True)
                   if not ln.startswith("#"))
    return pd.read_csv(io.StringIO(text), dtype={"unit_id": str, "budget": str})


def rows_path(units, **kw):
    """The rows path's answer (a list of dicts in), as a DataFrame with the units' index."""
    out = pd.DataFrame(audit.tier(units.to_dict("records"), as_of=AS_OF, **kw))
    out.index = units.index
    return out


def test_golden_cases_as_read_from_csv():
    df = golden_frame()
    got = audit.tier(df.drop(columns=["level", "score"]), as_of=AS_OF)
    assert list(got.columns) == VALUES
    assert list(got["level"]) == list(df["level"]) and list(got["score"]) == list(df["score"])
    want = rows_path(df.drop(columns=["level", "score"]), explain=False)
    for c in VALUES:
        assert got[c].tolist() == want[c].tolist(), c


def random_units(n, seed):
    rng = np.random.default_rng(seed)
    yuan = rng.integers(0, 9_000_000, n)
    forms = rng.integers(0, 4, n)
    budget = [str(y) if f == 0 else f"{y / 10000:g}万" if f == 1 and y % 100 == 0 else
              f"{y:,}.{rng.integers(0, 100):02d}" if f == 2 else f"¥{y:,}.00" for y, f in zip(yuan, forms)]
    df = pd.DataFrame({"unit_id": [f"U{i:05d}" for i in range(n)], "name": [f"单位{i}" for i in range(n)],
                       "budget": budget, "kept": rng.integers(0, 9, n)},
                      index=pd.Index(rng.permutation(n) + 1000, name="row"))
    for f in audit.FACTORS:
        v = (rng.integers(0, 5, n) == 0).astype(float)
        v[rng.integers(0, n, n // 50)] = np.nan  # an empty cell: 0, as on the rows path
        df[f] = v
    return df


@pytest.mark.parametrize("seed", [1, 2])
def test_random_units_match_the_rows_path_and_keep_the_callers_index(seed):
    df = random_units(3000, seed)
    got = audit.tier(df, as_of=AS_OF)
    assert list(got.columns) == ["unit_id", "name", "level", "band", "band_points", "factor_points", "score"]
    assert got.index.equals(df.index) and got["name"].equals(df["name"])
    want = rows_path(df, explain=False)
    for c in VALUES:
        assert got[c].tolist() == want[c].tolist(), c
    assert set(got["level"]) == {1, 2, 3} and set(got["band"]) == {"high", "middle", "low"}
    # integer yuan read as numbers, and Decimals, give the same answer
    ints = df.assign(budget=[int(Decimal(cadrekit.parse_money(b))) for b in df["budget"]])
    ints = ints[[Decimal(cadrekit.parse_money(b)) == int(Decimal(cadrekit.parse_money(b))) for b in df["budget"]]]
    for c in VALUES:
        assert audit.tier(ints, as_of=AS_OF)[c].tolist() == rows_path(ints, explain=False)[c].tolist()


def test_explanations_of_the_units_asked_about_are_the_rows_paths():
    df = random_units(400, 3)
    tiers = audit.tier(df, as_of=AS_OF)
    chosen = df.loc[tiers["level"] == 1].iloc[:25]
    ex = audit.explain_tiers(chosen, as_of=AS_OF)
    assert ex.index.equals(chosen.index) and len(ex) == 25
    full = audit.tier(df, as_of=AS_OF, explain=True)
    assert [e.to_json() for e in ex] == [e.to_json() for e in full.loc[chosen.index, "explanation"]]
    assert [e.to_json() for e in full["explanation"]] == \
        [r["explanation"].to_json() for r in audit.tier(df.to_dict("records"), as_of=AS_OF)]
    assert full.index.equals(df.index)
    # the caller's name is kept, as on the columnar path
    assert list(full.columns) == ["unit_id", "name", "level", "band", "band_points", "factor_points", "score", "parts",
                                 "explanation"]


def test_as_of_by_position_still_works_with_a_deprecation_warning():
    df = golden_frame().drop(columns=["level", "score"])
    with pytest.warns(DeprecationWarning, match="as_of"):
        old = audit.tier(df, AS_OF)
    pd.testing.assert_frame_equal(old, audit.tier(df, as_of=AS_OF))
    with pytest.warns(DeprecationWarning):
        lst = audit.tier(df.to_dict("records"), AS_OF, cadrekit.Policy.default())
    assert [r["level"] for r in lst] == old["level"].tolist()
    with pytest.raises(TypeError):
        audit.tier(df, AS_OF, as_of=AS_OF)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        audit.tier(df, as_of=AS_OF, policy=cadrekit.Policy.default())  # no warning by keyword


@pytest.mark.parametrize("budget,row", [([100, -5, 1], 1), (["1", "2", "abc"], 2), (["1", None, "x"], 1),
                                        ([1, 2.5, 3], 0), ([Decimal("1.005"), 1, 2], 0),
                                        (["1", Decimal("2"), "abc"], 2), (["1,000", Decimal("2"), 3.5], 2),
                                        (["7", "1.005", Decimal("2")], 1),
                                        (["500万", "1\ud800", "3"], 1), (["1", "２", "3"], 1)])
def test_a_bad_budget_names_the_column_and_the_row(budget, row):
    df = pd.DataFrame({"unit_id": ["U1", "U2", "U3"], "budget": budget})
    with pytest.raises(cadrekit.InvalidInput) as e:
        audit.tier(df, as_of=AS_OF)
    assert (e.value.field, e.value.record) == ("budget", f"row {row + 1}")  # rows count from 1


def test_a_column_of_text_and_other_amounts_is_read_value_by_value():
    df = random_units(300, 4)
    mixed = df.assign(budget=[Decimal(cadrekit.parse_money(b)) if i % 7 == 3 else
                              int(Decimal(cadrekit.parse_money(b))) if i % 11 == 5 else b
                              for i, b in enumerate(df["budget"])])
    mixed = mixed[[not isinstance(b, int) or Decimal(cadrekit.parse_money(t)) == b
                   for b, t in zip(mixed["budget"], df["budget"])]]
    assert mixed["budget"].map(type).nunique() == 3
    got = audit.tier(mixed, as_of=AS_OF)
    want = rows_path(mixed, explain=False)
    for c in VALUES:
        assert got[c].tolist() == want[c].tolist(), c


def test_a_missing_unit_id_names_the_row():
    df = pd.DataFrame({"unit_id": ["U1", None], "budget": [1, 2]})
    with pytest.raises(cadrekit.InvalidInput) as e:
        audit.tier(df, as_of=AS_OF)
    assert (e.value.field, e.value.record) == ("unit_id", "row 2")


@pytest.mark.parametrize("ids,row,why", [
    (["U1", "U\x002", "U3"], 2, "NUL character in text"),
    (["U1", "U3", "U\ud800"], 3, "lone surrogate"),
    (["U1", b"U2", "U3"], 2, "must be text or a whole number"),
    ([1001, True, "U3"], 2, "must be text or a whole number"),
    ([1001, "U2", "U\ud800"], 3, "lone surrogate"),
    ([1001, dt.date(2016, 1, 1), "U\x00"], 2, "must be text or a whole number"),
])
def test_an_id_the_rows_path_refuses_is_refused_from_a_frame(ids, row, why):
    df = pd.DataFrame({"unit_id": pd.Series(ids, dtype=object), "budget": [1, 2, 3]})
    with pytest.raises(cadrekit.InvalidInput) as e:
        audit.tier(df, as_of=AS_OF)
    assert (e.value.field, e.value.record) == ("unit_id", f"row {row}")
    assert why in e.value.message
    with pytest.raises(cadrekit.InvalidInput) as rows:  # the rows path refuses the same table
        audit.tier(df.to_dict("records"), as_of=AS_OF)
    assert why in rows.value.message and f"units[{row - 1}]" in str(rows.value)


@pytest.mark.parametrize("dtype", ["category", "string"])
@pytest.mark.parametrize("bad,why", [("U\x002", "NUL character in text"), ("U\ud800", "lone surrogate")])
def test_an_id_the_rows_path_refuses_is_refused_from_a_categorical_or_string_column(dtype, bad, why):
    # A categorical column of ids was taken for a column of numbers, and not checked.
    df = pd.DataFrame({"unit_id": pd.Series(["U1", bad, "U3"]).astype(dtype), "budget": [1, 2, 3]})
    with pytest.raises(cadrekit.InvalidInput) as e:
        audit.tier(df, as_of=AS_OF)
    assert (e.value.field, e.value.record) == ("unit_id", "row 2") and why in e.value.message
    with pytest.raises(cadrekit.InvalidInput) as rows:
        audit.tier(df.to_dict("records"), as_of=AS_OF)
    assert why in rows.value.message


@pytest.mark.parametrize("cells", [["是", "否", None], ["false", "yes", "2"], ["1", "0", "1"]])
def test_a_categorical_factor_of_text_is_read_as_the_same_text(cells):
    # A categorical column of yes/no words was refused ("expected a whole number"): its
    # categories are the vocabulary's text, read as an object column's cells are.
    base = pd.DataFrame({"unit_id": ["U1", "U2", "U3"], "budget": ["350万", "600万", "5"]})
    as_text = audit.tier(base.assign(economic_power=pd.Series(cells, dtype=object)), as_of=AS_OF)
    as_category = audit.tier(base.assign(economic_power=pd.Series(cells).astype("category")), as_of=AS_OF)
    pd.testing.assert_frame_equal(as_category, as_text)
    rows = audit.tier(base.assign(economic_power=pd.Series(cells, dtype=object)).to_dict("records"), as_of=AS_OF,
                      explain=False)
    assert list(as_category["score"]) == [r["score"] for r in rows]


@pytest.mark.parametrize("blank", ["", "  ", "\t"])
def test_a_blank_factor_cell_is_missing_as_the_command_line_reads_it(blank):
    # pandas keeps a cell of spaces as text: it was refused ("expected a whole number"), where
    # the command line reads the same CSV's blank cell as 0.
    base = pd.DataFrame({"unit_id": ["U1", "U2"], "budget": ["1", "600万"]})
    want = audit.tier(base.assign(complaints=[None, 1]), as_of=AS_OF)
    table = base.assign(complaints=pd.Series([blank, "1"], dtype=object))
    pd.testing.assert_frame_equal(audit.tier(table, as_of=AS_OF), want)
    rows = audit.tier(table.to_dict("records"), as_of=AS_OF, explain=False)
    assert [r["score"] for r in rows] == want["score"].tolist()


def test_ids_the_rows_path_takes_come_back_as_given():
    ids = pd.Series([1001, "U2", np.int64(7), "U4"], dtype=object)
    got = audit.tier(pd.DataFrame({"unit_id": ids, "budget": [1, 2, 3, 4]}), as_of=AS_OF)
    assert [type(v) for v in got["unit_id"]] == [int, str, np.int64, str]
    assert len(audit.tier(pd.DataFrame({"unit_id": ids, "budget": [1, 2, 3, 4]}).to_dict("records"),
                          as_of=AS_OF)) == 4


def test_an_empty_unit_id_is_refused_on_every_path():
    # An empty cell is a missing value (docs/input.md): the command line refused the unit, and
    # every other module refuses an empty id, but tiering took "" from a DataFrame and from C.
    ids = pd.Series(["U1", ""], dtype=object)
    df = pd.DataFrame({"unit_id": ids, "budget": [1, 2]})
    for given, record in ((df, "row 2"), (df.to_dict("records"), "units[1]")):
        with pytest.raises(cadrekit.InvalidInput, match="unit_id is empty") as e:
            audit.tier(given, as_of=AS_OF)
        assert (e.value.field, e.value.record) == ("unit_id", record)


@pytest.mark.parametrize("cell,shown", [(300, "0…127"), (-1, "0…127"), ("3", "0, 1 or 2"), (3, "0, 1 or 2")])
def test_a_factor_outside_its_scale_is_worded_as_the_rows_path_words_it(cell, shown):
    df = pd.DataFrame({"unit_id": ["U1", "U2"], "budget": [1, 2],
                       "economic_power": pd.Series([0, cell], dtype=object if isinstance(cell, str) else None)})
    with pytest.raises(cadrekit.InvalidInput) as frame:
        audit.tier(df, as_of=AS_OF)
    with pytest.raises(cadrekit.InvalidInput) as rows:
        audit.tier(df.to_dict("records"), as_of=AS_OF)
    assert frame.value.message == rows.value.message, (frame.value.message, rows.value.message)
    assert shown in frame.value.message
    assert (frame.value.field, frame.value.record) == ("economic_power", "row 2")


@pytest.mark.parametrize("ids,row,why", [
    (["U1", "U\x00", None], 2, "NUL character in text"),
    (["U1", None, "U\x00"], 2, "unit_id is missing"),
    ([1001, None, b"U3"], 2, "unit_id is missing"),
    ([1001, b"U2", float("nan")], 2, "must be text or a whole number"),
    (pd.array(["U1", pd.NA, "U3"], dtype="string"), 2, "unit_id is missing"),
    (pd.Categorical(["U1", "U2", None]), 3, "unit_id is missing"),
])
def test_the_first_bad_id_is_named_whether_missing_or_refused(ids, row, why):
    df = pd.DataFrame({"unit_id": ids if not isinstance(ids, list) else pd.Series(ids, dtype=object),
                       "budget": [1, 2, 3]})
    with pytest.raises(cadrekit.InvalidInput) as e:
        audit.tier(df, as_of=AS_OF)
    assert (e.value.field, e.value.record, e.value.message) == ("unit_id", f"row {row}", why)


def test_a_factor_column_of_dates_reads_nat_as_missing_and_refuses_a_date_at_its_row():
    # A column pandas typed datetime64 (all NaT, or a date typed into the factor's column): NaT
    # is a missing cell, 0, as the rows path reads it; the DataFrame path refused the whole
    # column ("expected whole numbers, not dates") without naming a row.
    df = pd.DataFrame({"unit_id": ["U1", "U2"], "budget": ["1", "2"], "complaints": [pd.NaT, pd.NaT]})
    got = audit.tier(df, as_of=AS_OF)
    rows = audit.tier(df.to_dict("records"), as_of=AS_OF, explain=False)
    assert got["score"].tolist() == [r["score"] for r in rows] == [0, 0]
    df["complaints"] = [pd.NaT, pd.Timestamp("2016-01-01")]
    for given, record in ((df, "row 2"), (df.to_dict("records"), "units[1]")):
        with pytest.raises(cadrekit.InvalidInput, match="expected a whole number") as e:
            audit.tier(given, as_of=AS_OF)
        assert (e.value.field, e.value.record) == ("complaints", record)
