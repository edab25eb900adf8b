"""One input, one output on every surface, Python side: tests/golden/same_output.tsv (read too by
the C++, C and command-line tests). Records and DataFrames have the golden's columns in its
order and its values (codes in grade and team_grade, labels in *_zh and *_en, the kept column);
kept columns come back unchanged, with the caller's index and dtype; a kept column is not an
unknown one, a column neither read nor kept still is."""
import datetime as dt
import json
import pathlib
import warnings
from decimal import Decimal

import pandas as pd
import pytest

import cadrekit
from cadrekit import audit, village

from test_village import actions_cell

GOLDEN = pathlib.Path(__file__).resolve().parents[2] / "tests" / "golden" / "same_output.tsv"


def golden():
    lines = [ln for ln in GOLDEN.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    head = lines[0].split("\t")
    rows = [dict(zip(head, ln.split("\t"))) for ln in lines[1:]]
    for r in rows:
        r["request"] = json.loads(r["request"])
        r["expect"] = json.loads("{" + ",".join(r["expect"].split(" && ")) + "}")
        r["row"] = int(r["row"])
    return rows


def cases(call):
    rows = [r for r in golden() if r["call"] == call]
    assert rows
    return rows[0]["request"], [r["expect"] for r in sorted(rows, key=lambda r: r["row"])]


def plain(v):
    """A Python value as the JSON forms write it: Decimal money as its text, dates ISO."""
    if isinstance(v, Decimal):
        return str(v)
    if isinstance(v, (dt.date,)):
        return v.isoformat()
    if isinstance(v, list):
        return [plain(x) for x in v]
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    if hasattr(v, "item"):  # a NumPy scalar
        return v.item()
    return v


def as_cell(row):
    """A golden row as a table writes it (the command line's CSV, a DataFrame): actions as the
    cell ``kind:due;kind:due``."""
    return {k: actions_cell(v) if k == "actions" else v for k, v in row.items()}


def pay_inputs(req):
    return req["villages"], req["principals"], req["scores"]


def test_pay_records_and_frame_have_the_golden_columns_and_values():
    req, want = cases("village.pay_sheet")
    v, p, s = pay_inputs(req)
    sheet = village.pay_sheet(v, p, s, req["year"], keep=req["keep"], explain=False)
    recs = sheet.to_records()
    assert [list(r) for r in recs] == [list(w) for w in want]
    assert [plain(r) for r in recs] == want
    df = sheet.to_pandas()
    assert list(df.columns) == list(want[0])
    assert [plain(r) for r in df.to_dict("records")] == [as_cell(w) for w in want]
    assert any(w["actions"] for w in want)  # the golden rows hold a line with actions
    assert all(isinstance(x, int) for x in df["units"].tolist())  # a number, not "12"


def test_pay_frames_in_give_the_same_and_keep_the_column_unchanged():
    req, want = cases("village.pay_sheet")
    v, p, s = (pd.DataFrame(x) for x in pay_inputs(req))
    p["region"] = p["region"].astype("category")
    sheet = village.pay_sheet(v, p, s, req["year"], keep=["region"])
    df = sheet.to_pandas()
    assert [plain(r) for r in df.drop(columns=["region"]).to_dict("records")] == \
        [{k: x for k, x in as_cell(w).items() if k != "region"} for w in want]
    assert df["region"].dtype == p["region"].dtype and df["region"].tolist() == [w["region"] for w in want]
    assert [r["region"] for r in sheet.to_records()] == [w["region"] for w in want]
    # explanations (built on first use) come after the kept column
    assert list(sheet.to_records()[0])[-2:] == ["region", "explanation"]


def test_tier_records_have_the_golden_columns_and_values():
    req, want = cases("audit.tier")
    got = audit.tier(req["units"], as_of=dt.date.fromisoformat(req["as_of"]), keep=req["keep"], explain=False)
    assert [[k for k in r if k != "parts"] for r in got] == [list(w) for w in want]
    assert [{k: plain(x) for k, x in r.items() if k != "parts"} for r in got] == want


def test_tier_frame_has_the_golden_columns_values_index_and_kept_dtype():
    req, want = cases("audit.tier")
    units = pd.DataFrame(req["units"], index=[10, 20, 30, 40])
    units["region"] = units["region"].astype("string")
    as_of = dt.date.fromisoformat(req["as_of"])
    for explain in (False, True):
        got = audit.tier(units, as_of=as_of, keep=["region"], explain=explain)
        assert got.index.equals(units.index)
        cols = [c for c in got.columns if c not in ("parts", "explanation")]
        assert cols == list(want[0])
        assert [plain({k: r[k] for k in cols}) for r in got.to_dict("records")] == want
        assert got["region"].dtype == units["region"].dtype
        assert got["region"].equals(units["region"])


def test_kept_columns_are_not_unknown_but_the_others_still_are():
    req, _ = cases("audit.tier")
    units = pd.DataFrame(req["units"]).assign(remark=["a", "b", "c", "d"])
    as_of = dt.date.fromisoformat(req["as_of"])
    with pytest.warns(cadrekit.UnknownColumnWarning, match="'remark'") as rec:
        audit.tier(units, as_of=as_of, keep=["region"])
    assert not any("'region'" in str(w.message) for w in rec)
    with warnings.catch_warnings():
        warnings.simplefilter("error", cadrekit.UnknownColumnWarning)
        out = audit.tier(units, as_of=as_of, keep=["region", "remark"])
    assert list(out.columns)[-2:] == ["region", "remark"]
    with pytest.warns(cadrekit.UnknownColumnWarning, match="'region'"):
        audit.tier(units.drop(columns=["remark"]), as_of=as_of)


def test_keep_is_checked():
    req, _ = cases("audit.tier")
    as_of = dt.date.fromisoformat(req["as_of"])
    units = pd.DataFrame(req["units"])
    with pytest.raises(cadrekit.InvalidInput) as e:
        audit.tier(units, as_of=as_of, keep=["regoin"])
    assert e.value.field == "regoin"
    with pytest.raises(cadrekit.InvalidInput) as e:
        audit.tier(units.assign(level=1), as_of=as_of, keep=["level"])
    assert e.value.field == "level"
    assert list(audit.tier(units, as_of=as_of, keep=["name", "region"]).columns).count("name") == 1
    v, p, s = pay_inputs(cases("village.pay_sheet")[0])
    with pytest.raises(cadrekit.InvalidInput):
        village.pay_sheet(v, p, s, 2016, keep=["grade"])
