"""village.pay_sheet from DataFrames as read from CSV files, explanations built only when asked
for: the same sheet and the same explanations as explain=True builds for every line."""
import io
import warnings

import pandas as pd
import pytest

import cadrekit
from cadrekit import village

from test_village import CASES, actions_cell, inputs, policy_of, check_sheet


def as_csv_text(rows):
    """Rows written to a CSV file and read back with dtype=str (population, scores, dates as text)."""
    return pd.read_csv(io.StringIO(pd.DataFrame(rows).to_csv(index=False)), dtype=str)


@pytest.mark.parametrize("case", CASES["pay_sheets"], ids=[c["name"][:30] for c in CASES["pay_sheets"]])
def test_tables_of_text_give_the_sheet_and_lazy_explanations_alike(case):
    v, p, s = inputs(case)
    vdf, pdf, sdf = as_csv_text(v), as_csv_text(p), as_csv_text(s)
    vdf.index = [f"v{i}" for i in range(len(vdf))]  # the caller's index changes nothing
    pol = policy_of(case)
    sheet = village.pay_sheet(vdf, pdf, sdf, case["year"], policy=pol)
    check_sheet(sheet, case)
    full = village.pay_sheet(v, p, s, case["year"], policy=pol, explain=True)
    want = [e.to_json() for e in full.explanations()]
    lazy = village.pay_sheet(vdf, pdf, sdf, case["year"], policy=pol)
    n = len(want)
    assert n and [lazy.explain(i).to_json() for i in range(n)] == want
    assert [e.to_json() for e in lazy.explain(list(range(n))[::-1])] == want[::-1]
    assert [e.to_json() for e in lazy.explanations()] == want  # every line, built on first use
    # the frame is the records without explanations: the same columns and values (codes in
    # team_grade and grade, labels in *_zh and *_en), as the command line writes them
    cols = ["cadre_id", "village_id", "township", "post", "units", "units_of_year", "base", "performance",
            "public_institution", "total", "team_grade", "team_grade_zh", "team_grade_en", "grade", "grade_zh",
            "grade_en", "actions"]
    assert [k for k in full.to_records()[0] if k != "explanation"] == cols
    records = pd.DataFrame.from_records([{k: actions_cell(r[k]) if k == "actions" else r[k] for k in cols}
                                         for r in full.to_records()], columns=cols)
    pd.testing.assert_frame_equal(sheet.to_pandas(), records)
    pd.testing.assert_frame_equal(full.to_pandas(), records)
    with pytest.raises(IndexError):
        lazy.explain(n)


def test_the_default_builds_no_explanation_until_asked(monkeypatch):
    case = CASES["pay_sheets"][0]
    v, p, s = inputs(case)
    calls = []
    real = village._k.pay_sheet_frames

    def spy(*args, **kw):
        calls.append(kw.get("explain"))
        return real(*args, **kw)
    monkeypatch.setattr(village._k, "pay_sheet_frames", spy)
    sheet = village.pay_sheet(as_csv_text(v), as_csv_text(p), as_csv_text(s), case["year"], policy=policy_of(case))
    sheet.to_pandas(), sheet.villages(), sheet.townships(), sheet.banner
    assert calls == [False]
    sheet.explain(0)
    assert calls == [False, True] and len(sheet.to_pandas()) == len(case["expect_lines"])
    off = village.pay_sheet(as_csv_text(v), as_csv_text(p), as_csv_text(s), case["year"], policy=policy_of(case),
                            explain=False)
    assert off.explanations() == [] and off.explain(0) is None


def test_the_frame_of_lines_has_actions_and_money_as_the_records():
    with_actions = [c for c in CASES["pay_sheets"]
                    if any(w.get("grade") == "unqualified" for w in c["expect_lines"])]
    assert with_actions  # the golden cases hold a line with actions
    for case in with_actions:
        v, p, s = inputs(case)
        sheet = village.pay_sheet(v, p, s, case["year"], policy=policy_of(case))
        df = sheet.to_pandas()
        recs = sheet.to_records()
        assert df["actions"].tolist() == [actions_cell(r["actions"]) for r in recs]
        assert any(df["actions"] != "")
        assert [str(x) for x in df["total"]] == [str(r["total"]) for r in recs]
        with pytest.warns(DeprecationWarning, match="action_lists"):
            lists = sheet.to_pandas(action_lists=True)
        assert lists["actions"].tolist() == [r["actions"] for r in recs]
        pd.testing.assert_frame_equal(lists.drop(columns="actions"), df.drop(columns="actions"))


def test_population_as_text_and_a_bad_one_named():
    case = CASES["pay_sheets"][0]
    v, p, s = inputs(case)
    vdf = as_csv_text(v)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check_sheet(village.pay_sheet(vdf, as_csv_text(p), as_csv_text(s), case["year"], policy=policy_of(case)), case)
    rows = [dict(r, population=str(r["population"])) for r in v]
    check_sheet(village.pay_sheet(rows, p, s, case["year"], policy=policy_of(case)), case)
    bad = vdf.copy()
    bad.loc[1, "population"] = "many"
    with pytest.raises(cadrekit.InvalidInput) as e:
        village.pay_sheet(bad, as_csv_text(p), as_csv_text(s), case["year"], policy=policy_of(case))
    assert (e.value.field, e.value.record) == ("population", "villages[1]")  # the second row, as the rows path names it


def test_the_wide_score_layout_pays_as_the_long_one():
    """The command line's two score layouts (tests/cli/pay_scores.csv, q1…q4 and annual; and
    pay_scores_long.csv, a row a period) give the same sheet in Python, as DataFrames read from
    the files and as lists of dicts."""
    import pathlib
    d = pathlib.Path(__file__).resolve().parents[2] / "tests" / "cli"
    v, p = (pd.read_csv(d / f, dtype=str, keep_default_na=False) for f in ("pay_villages.csv", "pay_principals.csv"))
    wide = pd.read_csv(d / "pay_scores.csv", dtype=str, keep_default_na=False)
    long = pd.read_csv(d / "pay_scores_long.csv", dtype=str, keep_default_na=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        by_wide = village.pay_sheet(v, p, wide, 2016).to_pandas()
        by_wide_records = village.pay_sheet(v.to_dict("records"), p.to_dict("records"),
                                            wide.to_dict("records"), 2016).to_pandas()
    by_long = village.pay_sheet(v, p, long, 2016).to_pandas()
    assert (by_long["total"] > 0).any()  # scores were read: someone has performance pay
    pd.testing.assert_frame_equal(by_wide, by_long)
    pd.testing.assert_frame_equal(by_wide_records, by_long)
    with pytest.warns(cadrekit.UnknownColumnWarning, match=r"'q5'"):
        village.pay_sheet(v, p, wide.assign(q5="1"), 2016)
    with pytest.raises(cadrekit.InvalidInput, match=r"column is missing") as e:
        village.pay_sheet(v, p, wide.drop(columns=["annual"]), 2016)
    assert (e.value.field, e.value.record) == ("annual", "scores")
