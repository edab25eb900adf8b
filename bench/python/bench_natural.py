"""The call a data analyst writes first — a DataFrame read from a CSV file with pandas, passed to
the function the docs name — beside the columnar kernel it ends in and beside a plain pandas
script doing the same from the same DataFrame.

For each operation the same synthetic data as bench_vs_pandas.py are written to a CSV file with
text ids ("C123", "U45"), periods and ratings as text (screening) and budgets in yuan
(tiering), and read back with ``pandas.read_csv`` as a user would; then are timed (CPU time of
this process, best of ``--repeat``):

- natural: ``assessment.screen(df, as_of=...)`` / ``audit.tier(df, as_of=...)``;
- kernel: ``assessment.screen_columns`` / ``audit.tier_columns`` on the integer columns
  (bench_vs_pandas.py's data: ids as integer keys, codes for kinds and ratings);
- pandas: a pandas script from the same DataFrame of text (it encodes kinds, ratings and
  periods with ``map``/``astype``, then runs bench_vs_pandas.py's rule code).

Every result is checked against the others (the same hits, the same levels and scores) before
it is printed. Nothing here is asserted on time.

Team structure (``talent.team_structure(df, as_of=...)``: text ids, codes and birth dates),
working days (``WorkCalendar.add_working_days(df["from"], df["n"])`` on a column of text dates)
and 三龄 (``cadrekit.three_ages(df, as_of=...)`` on three columns of text dates, empty cells for
none) are measured the same way against ``team_structure_columns``, ``add_working_days_array``
and ``three_ages_columns`` on bench_vs_pandas.py's arrays, and against its pandas scripts after
the text is parsed (``pd.to_datetime``, ``astype(int)``).

``--settled N`` measures screening and the pay sheet once more after N more calls (each answer
kept until the next is made), and counts the page faults of one call: their answers are many
Python lists and objects, built in freshly mapped pages until Python's allocator holds arenas it
keeps, which depends on what the process did before (see docs/performance.md, "What is left").

Usage: bench_natural.py [--rows 1000000] [--ops screening,screening_findings,pay_sheet,audit,audit_text,team,workdays,three_ages,pools] [--repeat 3] [--settled N] [--json FILE]
       bench_natural.py --smoke    each operation once on 5,000 rows, the results checked
"""
from __future__ import annotations

import argparse
import io
import json
import os
import sys
from typing import Any, Dict, List, Tuple

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_vs_pandas as bvp  # noqa: E402

import cadrekit  # noqa: E402
from cadrekit import _core, assessment, audit, talent, village  # noqa: E402

KINDS = np.array(assessment.KINDS, dtype=object)
RATINGS = np.array(assessment.RATINGS, dtype=object)


def through_csv(df: pd.DataFrame, **read: Any) -> Tuple[pd.DataFrame, int]:
    """The frame written as CSV text and read back by pandas (and the CSV's size in bytes)."""
    text = df.to_csv(index=False)
    return pd.read_csv(io.StringIO(text), **read), len(text.encode("utf-8"))


# --- red-line screening -----------------------------------------------------------------------

def cadre_ids(d: Dict[str, np.ndarray]) -> np.ndarray:
    """The text id of each integer cadre key ("C123"), in no particular order."""
    rng = np.random.default_rng(7)
    return np.char.add("C", rng.permutation(int(d["cadre"].max()) + 1).astype(str)).astype(object)


def screening_csv(d: Dict[str, np.ndarray]) -> pd.DataFrame:
    """The records as a county's table holds them: text ids in no particular order of rows."""
    return pd.DataFrame({"cadre_id": cadre_ids(d)[d["cadre"]],
                         "unit_id": np.char.add("U", (d["cadre"] // 20).astype(str)),
                         "domain": "township", "kind": KINDS[d["kind"]],
                         "period": (d["period"] // 100).astype(str), "rank": d["rank"],
                         "group_size": d["group_size"], "rating": RATINGS[d["rating"]]})


def screening_pandas_from_text(df: pd.DataFrame) -> pd.DataFrame:
    """The analyst's script from the DataFrame of text: encode, then the rules."""
    kind = {k: i for i, k in enumerate(assessment.KINDS)}
    rating = {r: i for i, r in enumerate(assessment.RATINGS)}
    enc = pd.DataFrame({"cadre": df["cadre_id"], "kind": df["kind"].map(kind),
                        "period": df["period"].astype(np.int64) * 100, "rank": df["rank"],
                        "group_size": df["group_size"], "rating": df["rating"].map(rating)})
    return bvp.screening_pandas(enc)


def _canonical(cadre: Any, rule: Any, first: Any, last: Any, count: Any) -> pd.DataFrame:
    out = pd.DataFrame({"cadre": np.asarray(cadre, dtype=object), "rule_id": np.asarray(rule, dtype=object),
                        "first": np.asarray(first, dtype=np.int64), "last": np.asarray(last, dtype=np.int64),
                        "count": np.asarray(count, dtype=np.int64)})
    return out.sort_values(["cadre", "rule_id"], kind="stable").reset_index(drop=True)


def screening_agree(natural: pd.DataFrame, kernel: Dict[str, Any], pandas_hits: pd.DataFrame,
                    key_to_id: np.ndarray) -> None:
    """The same hits (cadre id, rule, first and last period, count) from the three."""
    ids = np.array(kernel["rule_ids"], dtype=object)
    a = _canonical(natural["cadre_id"], natural["rule_id"], [int(p[0]) * 100 for p in natural["periods"]],
                   [int(p[-1]) * 100 for p in natural["periods"]], [len(p) for p in natural["periods"]])
    b = _canonical(key_to_id[kernel["cadre"]], ids[kernel["rule"].astype(np.int64)], kernel["first_period"],
                   kernel["last_period"], kernel["count"])
    c = _canonical(pandas_hits["cadre"], pandas_hits["rule_id"], pandas_hits["first"], pandas_hits["last"],
                   pandas_hits["count"])
    if not len(a):
        raise AssertionError("screening: no red line fired; the data exercise nothing")
    for name, other in (("kernel", b), ("pandas script", c)):
        if not a.equals(other):
            raise AssertionError(f"screening: the natural call's hits differ from the {name}'s")


def screening(n: int, repeat: int) -> Dict[str, Any]:
    d = bvp.screening_data(n)
    df, size = through_csv(screening_csv(d), dtype={"period": str})
    as_of = bvp.AS_OF_SCREEN
    assessment.screen(df.head(1000), as_of=as_of)  # warm: policy, code pages
    t_nat, w_nat, nat = bvp.best_of(lambda: assessment.screen(df, as_of=as_of), repeat)
    t_k, w_k, ker = bvp.best_of(lambda: bvp.screening_cadrekit(d), repeat)
    t_pd, w_pd, pdh = bvp.best_of(lambda: screening_pandas_from_text(df), repeat)
    screening_agree(nat, ker, pdh, cadre_ids(d))
    return {"op": "screening", "rows": len(df), "csv_bytes": size, "hits": len(nat),
            "_natural": lambda: assessment.screen(df, as_of=as_of),
            "natural_s": t_nat, "kernel_s": t_k, "pandas_s": t_pd,
            "natural_wall_s": w_nat, "kernel_wall_s": w_k, "pandas_wall_s": w_pd}


# --- red-line screening with findings ------------------------------------------------------

def findings_data(d: Dict[str, np.ndarray], seed: int = 2017) -> Dict[str, np.ndarray]:
    """One qualitative finding for one cadre in ten (standards, classifications and severities
    at random, dated 2015–2016), and an audit finding of one unit in ten without a cadre: the
    kernel's integer columns, sorted by cadre, unit findings given to each cadre of the unit."""
    rng = np.random.default_rng(seed)
    n_cadres = int(d["cadre"].max()) + 1
    cad = np.sort(rng.choice(n_cadres, n_cadres // 10, replace=False)).astype(np.int64)
    m = len(cad)
    days = (np.datetime64("2015-01-01") - np.datetime64("1970-01-01")).astype(np.int64) + rng.integers(0, 731, m)
    units = np.arange(0, n_cadres // 20, 10, dtype=np.int64)
    return {"cadre": cad, "standard": rng.integers(0, 6, m).astype(np.int32),
            "source": np.zeros(m, np.uint8), "classification": rng.integers(0, 7, m).astype(np.uint8),
            "severity": rng.integers(0, 4, m).astype(np.uint8), "date": days.astype(np.int32),
            "unit": units}


def findings_csv(d: Dict[str, np.ndarray], f: Dict[str, np.ndarray]) -> pd.DataFrame:
    """The findings as a table holds them: text ids, codes, ISO dates; unit findings without a cadre."""
    stds = np.array([s["id"] for s in assessment.standards(as_of=bvp.AS_OF_SCREEN)], dtype=object)
    m, u = len(f["cadre"]), len(f["unit"])
    return pd.DataFrame({
        "id": np.char.add("F", np.arange(m + u).astype(str)),
        "cadre_id": np.concatenate([cadre_ids(d)[f["cadre"]], np.full(u, None, dtype=object)]),
        "unit_id": np.concatenate([np.full(m, None, dtype=object), np.char.add("U", f["unit"].astype(str)).astype(object)]),
        "date": np.concatenate([np.datetime_as_string(f["date"].astype("datetime64[D]")).astype(object),
                                np.full(u, "2016-03-01", dtype=object)]),
        "source": np.array(["qualitative"] * m + ["audit"] * u, dtype=object),
        "standard": np.concatenate([stds[f["standard"]], np.full(u, None, dtype=object)]),
        "classification": np.array(assessment.FINDING_CLASSES, dtype=object)[np.concatenate([f["classification"], np.zeros(u, np.int64)])],
        "severity": np.array(assessment.SEVERITIES, dtype=object)[np.concatenate([f["severity"], np.full(u, 2)])]})


def finding_rules() -> List[Tuple[str, set, int]]:
    """(rule id, classifications, times) of the qualitative finding rules in force (within one year)."""
    out = []
    for r in assessment.rules(as_of=bvp.AS_OF_SCREEN):
        if r["target"] != "finding":
            continue
        fields = dict(p.strip().split("=", 1) for p in r["text"].split(";") if "=" in p)
        if fields.get("source") != "qualitative" or fields.get("within_years") != "1":
            raise AssertionError(f"bench: finding rule {r['id']} is not of the form this script knows")
        out.append((r["id"], set(fields["class"].split("|")), int(fields["times"])))
    return out


def findings_pandas_from_text(fdf: pd.DataFrame) -> pd.DataFrame:
    """The analyst's script for the finding rules from the DataFrame of text."""
    day = (pd.to_datetime(fdf["date"], format="%Y-%m-%d") - pd.Timestamp("1970-01-01")).dt.days
    as_of = (pd.Timestamp(bvp.AS_OF_SCREEN) - pd.Timestamp("1970-01-01")).days
    year_ago = (pd.Timestamp(bvp.AS_OF_SCREEN) - pd.DateOffset(years=1) - pd.Timestamp("1970-01-01")).days
    q = fdf.assign(day=day)
    q = q[(q["source"] == "qualitative") & (q["day"] <= as_of) & (q["day"] > year_ago)]
    parts = []
    for rid, classes, times in finding_rules():
        g = q[q["classification"].isin(classes)].groupby("cadre_id")["day"].agg(["min", "max", "count"])
        g = g[g["count"] >= times]
        parts.append(pd.DataFrame({"cadre": g.index, "rule_id": rid, "first": g["min"].to_numpy(),
                                   "last": g["max"].to_numpy(), "count": g["count"].to_numpy()}))
    return pd.concat(parts, ignore_index=True)


def _days(text: str) -> int:
    return int((np.datetime64(text) - np.datetime64("1970-01-01")).astype(np.int64))


def screening_findings(n: int, repeat: int) -> Dict[str, Any]:
    d = bvp.screening_data(n)
    f = findings_data(d)
    df, size = through_csv(screening_csv(d), dtype={"period": str})
    fdf, fsize = through_csv(findings_csv(d, f), dtype=str)
    as_of = bvp.AS_OF_SCREEN
    kf = {k: v for k, v in f.items() if k != "unit"}  # no unit's cadre has records of 2016: no hit
    assessment.screen(df.head(1000), fdf.head(100), as_of=as_of)
    t_nat, w_nat, nat = bvp.best_of(lambda: assessment.screen(df, fdf, as_of=as_of), repeat)
    t_k, w_k, ker = bvp.best_of(lambda: assessment.screen_columns(
        d["cadre"], d["kind"], d["period"], d["rank"], d["group_size"], d["rating"], as_of=as_of,
        policy=bvp.POLICY, findings=kf), repeat)

    def script() -> pd.DataFrame:
        return pd.concat([screening_pandas_from_text(df), findings_pandas_from_text(fdf)], ignore_index=True)
    t_pd, w_pd, pdh = bvp.best_of(script, repeat)
    ids = np.array(ker["rule_ids"], dtype=object)
    value = lambda p: _days(p) if len(p) == 10 else int(p[:4]) * 100  # noqa: E731
    a = _canonical(nat["cadre_id"], nat["rule_id"], [value(p[0]) for p in nat["periods"]],
                   [value(p[-1]) for p in nat["periods"]], [len(p) for p in nat["periods"]])
    b = _canonical(cadre_ids(d)[ker["cadre"]], ids[ker["rule"].astype(np.int64)], ker["first_period"],
                   ker["last_period"], ker["count"])
    c = _canonical(pdh["cadre"], pdh["rule_id"], pdh["first"], pdh["last"], pdh["count"])
    if not (nat["findings"].map(len) > 0).any():
        raise AssertionError("screening with findings: no finding rule fired")
    for name, other in (("kernel", b), ("pandas script", c)):
        if not a.equals(other):
            raise AssertionError(f"screening with findings: the natural call's hits differ from the {name}'s")
    return {"op": "screening with findings", "rows": len(df), "findings": len(fdf), "csv_bytes": size + fsize,
            "_natural": lambda: assessment.screen(df, fdf, as_of=as_of),
            "hits": len(nat), "natural_s": t_nat, "kernel_s": t_k, "pandas_s": t_pd,
            "natural_wall_s": w_nat, "kernel_wall_s": w_k, "pandas_wall_s": w_pd}


# --- the village pay sheet --------------------------------------------------------------------

PERIODS = ["2016Q1", "2016Q2", "2016Q3", "2016Q4", "2016"]


def village_csv(d: Dict[str, np.ndarray]) -> Tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """bench_vs_pandas.py's villages, principals and scores as a county's tables hold them: text
    ids, township names, dates as ISO text (no date: still serving), scores as decimal text."""
    V = len(d["village_township"])
    vid = np.char.add("V", np.arange(V).astype(str)).astype(object)
    villages = pd.DataFrame({"village_id": vid, "name": "", "township": np.char.add("T", d["village_township"].astype(str)),
                             "population": d["population"]})
    epoch = np.datetime64("1970-01-01")
    to = d["served_to"]
    served_to = np.where(to == 2**31 - 1, None, np.datetime_as_string(
        epoch + np.where(to == 2**31 - 1, 0, to).astype("timedelta64[D]")).astype(object))
    principals = pd.DataFrame({"cadre_id": np.char.add("C", np.arange(len(d["post"])).astype(str)), "name": "",
                               "village_id": vid[d["principal_village"]],
                               "post": np.array(["secretary", "director", "both"], dtype=object)[d["post"]],
                               "served_from": np.datetime_as_string(epoch + d["served_from"].astype("timedelta64[D]")),
                               "served_to": served_to})
    parts = []
    for k, per in enumerate(PERIODS):
        m = (d["score_present"] >> k) & 1 == 1
        sc = d["scores"][m, k]
        parts.append(pd.DataFrame({"village_id": vid[m], "period": per,
                                   "score": np.char.add(np.char.add((sc // 10000).astype(str), "."),
                                                        np.char.zfill((sc % 10000).astype(str), 4))}))
    return villages, principals, pd.concat(parts, ignore_index=True)


def village_pandas_from_text(v: pd.DataFrame, p: pd.DataFrame, s: pd.DataFrame) -> Dict[str, np.ndarray]:
    """The analyst's script from the tables of text: codes for townships and villages, scores
    × 10000 from their text, dates as days, then bench_vs_pandas.py's pay sheet."""
    vcode = pd.Index(v["village_id"])
    whole = s["score"].str.split(".", n=1, expand=True)
    sc = whole[0].astype(np.int64) * 10000 + whole[1].fillna("0").str.ljust(4, "0").astype(np.int64)
    grid = pd.DataFrame({"v": vcode.get_indexer(s["village_id"]), "k": s["period"].map({x: i for i, x in enumerate(PERIODS)}),
                         "sc": sc}).pivot(index="v", columns="k", values="sc").reindex(range(len(v)))
    present = sum(grid[k].notna().to_numpy().astype(np.uint8) << np.uint8(k) for k in range(5))
    grid = grid.fillna(0).astype(np.int64)
    villages = pd.DataFrame({"township": pd.factorize(v["township"])[0], "population": v["population"].astype(np.int64),
                             "q1": grid[0], "q2": grid[1], "q3": grid[2], "q4": grid[3], "annual": grid[4],
                             "present": present})
    epoch = pd.Timestamp("1970-01-01")
    principals = pd.DataFrame({"village": vcode.get_indexer(p["village_id"]),
                               "post": p["post"].map({"secretary": 0, "director": 1, "both": 2}),
                               "served_from": (pd.to_datetime(p["served_from"]) - epoch).dt.days,
                               "served_to": (pd.to_datetime(p["served_to"]) - epoch).dt.days.fillna(2**31 - 1).astype(np.int64)})
    return bvp.village_pandas((villages, principals))


def pay_sheet(n: int, repeat: int) -> Dict[str, Any]:
    d = bvp.village_data(n)
    frames = village_csv(d)
    read = [through_csv(f, dtype=str) for f in frames]
    vdf, pdf, sdf = (r[0] for r in read)
    size = sum(r[1] for r in read)
    village.pay_sheet(*[through_csv(f, dtype=str)[0] for f in village_csv(bvp.village_data(1000))],
                      bvp.YEAR).to_pandas()  # warm: policy, code pages
    t_nat, w_nat, nat = bvp.best_of(lambda: village.pay_sheet(vdf, pdf, sdf, bvp.YEAR).to_pandas(), repeat)
    t_sheet, _, _ = bvp.best_of(lambda: village.pay_sheet(vdf, pdf, sdf, bvp.YEAR), repeat)
    t_k, w_k, ker = bvp.best_of(lambda: bvp.village_cadrekit(d), repeat)
    t_pd, w_pd, pdr = bvp.best_of(lambda: village_pandas_from_text(vdf, pdf, sdf), repeat)
    bvp.village_agree(ker, pdr)
    total = np.array([int(x * 100) for x in nat["total"]], dtype=np.int64)
    if not np.array_equal(total, np.asarray(ker["total_fen"])):
        raise AssertionError("pay sheet: the natural call's totals differ from the kernel's")
    return {"op": "pay sheet", "rows": len(pdf), "csv_bytes": size, "natural_s": t_nat, "sheet_only_s": t_sheet,
            "_natural": lambda: village.pay_sheet(vdf, pdf, sdf, bvp.YEAR).to_pandas(),
            "kernel_s": t_k, "pandas_s": t_pd, "natural_wall_s": w_nat, "kernel_wall_s": w_k, "pandas_wall_s": w_pd}


# --- audit tiering ----------------------------------------------------------------------------

def audit_csv(d: Dict[str, np.ndarray]) -> pd.DataFrame:
    """Units with text ids and names, budgets in whole yuan, one column per factor."""
    n = len(d["budget_fen"])
    cols: Dict[str, Any] = {"unit_id": np.char.add("U", np.arange(n).astype(str)),
                            "name": np.char.add("单位", np.arange(n).astype(str)),
                            "budget": d["budget_fen"] // 100}
    for j, f in enumerate(audit.FACTORS):
        cols[f] = d["factors"][j]
    return pd.DataFrame(cols)


def audit_pandas_from_csv(df: pd.DataFrame) -> Any:
    """The analyst's script: budgets in fen (from whole yuan, or from text such as "1,234,567"
    and "500万"), then bench_vs_pandas.py's rule."""
    b = df["budget"]
    if b.dtype == object:
        wan = b.str.endswith("万").to_numpy()
        b = b.str.replace(",", "", regex=False).str.rstrip("万").astype(np.int64) * np.where(wan, 10000, 1)
    return bvp.audit_pandas(df.assign(budget_fen=b * 100))


def tiering(n: int, repeat: int, text_budgets: bool) -> Dict[str, Any]:
    d = bvp.audit_data(n)
    d["budget_fen"] = d["budget_fen"] // 100 * 100  # whole yuan, as a CSV of yuan holds them
    frame = audit_csv(d)
    if text_budgets:  # money as people write it: "1,234,567" yuan and "500万"
        b = frame["budget"]
        frame["budget"] = np.where(b % 10000 == 0, (b // 10000).astype(str) + "万", b.map("{:,}".format))
    df, size = through_csv(frame, dtype={"budget": str} if text_budgets else None)
    as_of = bvp.AS_OF_AUDIT
    audit.tier(df.head(1000), as_of=as_of)
    t_nat, w_nat, nat = bvp.best_of(lambda: audit.tier(df, as_of=as_of), repeat)
    t_k, w_k, ker = bvp.best_of(lambda: bvp.audit_cadrekit(d), repeat)
    t_pd, w_pd, pdr = bvp.best_of(lambda: audit_pandas_from_csv(df), repeat)
    for name, x in (("kernel", ker), ("pandas", pdr)):
        if not (np.array_equal(nat["level"].to_numpy(), np.asarray(x[0]).astype(np.int8)) and
                np.array_equal(nat["score"].to_numpy(), np.asarray(x[1]).astype(np.int64))):
            raise AssertionError(f"tiering: levels or scores differ from the {name}'s")
    return {"op": "tiering (budgets as text)" if text_budgets else "tiering", "rows": len(df), "csv_bytes": size,
            "natural_s": t_nat, "kernel_s": t_k, "pandas_s": t_pd,
            "natural_wall_s": w_nat, "kernel_wall_s": w_k, "pandas_wall_s": w_pd}


# --- team structure ---------------------------------------------------------------------------

def team_csv(d: Dict[str, np.ndarray]) -> pd.DataFrame:
    """Members as a personnel table holds them: text team and cadre ids, sex and the two-digit
    codes as text, birth dates as ISO text (read back with dtype=str)."""
    n = len(d["team"])
    return pd.DataFrame({"team_id": np.char.add("T", d["team"].astype(str)),
                         "cadre_id": np.char.add("M", np.arange(n).astype(str)),
                         "sex": d["sex"], "birth_date": d["birth_date"].astype("datetime64[D]").astype(str),
                         "ethnicity": np.char.zfill(d["ethnicity"].astype(str), 2),
                         "political_status": np.char.zfill(d["political_status"].astype(str), 2)})


def team_pandas_from_text(df: pd.DataFrame) -> pd.DataFrame:
    """The analyst's script from the DataFrame of text: parse, flag, group by team id."""
    a = bvp.AS_OF_TALENT
    limit = int(bvp.param("talent.team.young_max_age", a))
    b = pd.to_datetime(df["birth_date"]).dt
    before = (b.month > a.month) | ((b.month == a.month) & (b.day > a.day))
    age = a.year - b.year - before.astype(np.int64)
    flags = pd.DataFrame({"team_id": df["team_id"], "size": 1, "young": age <= limit,
                          "women": df["sex"].astype(int) == 2, "minority": df["ethnicity"].astype(int) != 1,
                          "non_party": df["political_status"].astype(int) > 2})
    out = flags.groupby("team_id", sort=False).sum().reset_index()
    gaps = np.zeros(len(out), dtype=np.uint8)
    for bit, c in enumerate(("young", "women", "minority", "non_party")):
        gaps |= np.where(out[c] < int(bvp.param(f"talent.team.min_{c}", a)), 1 << bit, 0).astype(np.uint8)
    out["gaps"] = gaps
    return out


def team_agree(natural: pd.DataFrame, kernel: Dict[str, Any], pandas_teams: pd.DataFrame) -> None:
    """The same counts and gaps per team id from the three (the kernel's teams by integer key)."""
    key = natural["team_id"].str[1:].astype(np.int64).to_numpy()
    bits = {c: 1 << b for b, c in enumerate(("young", "women", "minority", "non_party"))}
    nat_gaps = np.array([sum(bits[g] for g in t.split(";") if g) for t in natural["gaps"]], dtype=np.int64)
    pdt = pandas_teams.set_index("team_id").loc[natural["team_id"]]
    for c in ("size", "young", "women", "minority", "non_party"):
        x = natural[c].to_numpy().astype(np.int64)
        if not (np.array_equal(x, np.asarray(kernel[c])[key].astype(np.int64)) and
                np.array_equal(x, pdt[c].to_numpy().astype(np.int64))):
            raise AssertionError(f"team structure: column {c} differs")
    if not (np.array_equal(nat_gaps, np.asarray(kernel["gaps"])[key].astype(np.int64)) and
            np.array_equal(nat_gaps, pdt["gaps"].to_numpy().astype(np.int64))):
        raise AssertionError("team structure: gaps differ")
    if not nat_gaps.any():
        raise AssertionError("team structure: the data exercise no gap")


def team(n: int, repeat: int) -> Dict[str, Any]:
    d = bvp.talent_data(n)
    df, size = through_csv(team_csv(d), dtype=str)
    as_of = bvp.AS_OF_TALENT
    talent.team_structure(df.head(1000), as_of=as_of)  # warm: policy, code tables
    t_nat, w_nat, nat = bvp.best_of(lambda: talent.team_structure(df, as_of=as_of), repeat)
    t_k, w_k, ker = bvp.best_of(lambda: bvp.talent_cadrekit(d), repeat)
    t_pd, w_pd, pdr = bvp.best_of(lambda: team_pandas_from_text(df), repeat)
    team_agree(nat, ker, pdr)
    return {"op": "team structure", "rows": len(df), "csv_bytes": size, "natural_s": t_nat, "kernel_s": t_k,
            "pandas_s": t_pd, "natural_wall_s": w_nat, "kernel_wall_s": w_k, "pandas_wall_s": w_pd}


# --- talent pools from a table of text -----------------------------------------------------

_RANKS = np.array(["keyuan", "fu_ke", "zheng_ke", "fu_chu", "zheng_chu"])
_POOL_RATINGS = np.array(["", "excellent", "competent"])


def pools_data(n: int) -> Dict[str, np.ndarray]:
    """Cadres of mixed ages, ranks and groups, two annual ratings each (excellent or competent:
    no red line, so that the pandas script needs no screening)."""
    rng = np.random.default_rng(18)
    b0 = np.datetime64("1955-01-01", "D").astype(np.int64)
    return {"birth_date": (b0 + rng.integers(0, 40 * 365, n)).astype(np.int32),
            "sex": np.where(rng.integers(0, 4, n) == 0, 2, 1).astype(np.uint8),
            "ethnicity": np.where(rng.integers(0, 5, n) == 0, rng.integers(2, 57, n), 1).astype(np.uint8),
            "political_status": np.where(rng.integers(0, 6, n) == 0, 13, 1).astype(np.uint8),
            "rank": rng.integers(0, 5, n).astype(np.uint8),
            "civil_servant": (rng.integers(0, 4, n) != 0).astype(np.uint8),
            "selected_graduate": (rng.integers(0, 10, n) == 0).astype(np.uint8),
            "r2014": rng.integers(1, 3, n).astype(np.uint8), "r2015": rng.integers(1, 3, n).astype(np.uint8)}


def pools_csv(d: Dict[str, np.ndarray]) -> Tuple[pd.DataFrame, pd.DataFrame]:
    """The cadres and their annual results as a personnel table holds them: text ids, codes,
    rank names and ISO dates; flags as 0/1."""
    n = len(d["sex"])
    ids = np.char.add("C", np.arange(n).astype(str))
    cadres = pd.DataFrame({"id": ids, "sex": d["sex"].astype(str),
                           "birth_date": d["birth_date"].astype("datetime64[D]").astype(str),
                           "ethnicity": np.char.zfill(d["ethnicity"].astype(str), 2),
                           "political_status": np.char.zfill(d["political_status"].astype(str), 2),
                           "rank": _RANKS[d["rank"]], "civil_servant": d["civil_servant"],
                           "selected_graduate": d["selected_graduate"]})
    results = pd.DataFrame({"cadre_id": np.concatenate([ids, ids]), "kind": "annual",
                            "period": np.repeat(np.array(["2014", "2015"]), n),
                            "rating": _POOL_RATINGS[np.concatenate([d["r2014"], d["r2015"]])]})
    return cadres, results


def pools_kernel(d: Dict[str, np.ndarray]) -> Dict[str, Any]:
    n = len(d["sex"])
    rc = np.concatenate([np.arange(n), np.arange(n)]).astype(np.int32)
    ry = np.repeat(np.array([2014, 2015], dtype=np.int32), n)
    rr = np.concatenate([d["r2014"], d["r2015"]])
    return _core.talent.pools_batch(bvp.POLICY, bvp.AS_OF_TALENT, d["birth_date"], d["sex"], d["ethnicity"],
                                    d["political_status"], d["rank"], d["civil_servant"], d["selected_graduate"],
                                    None, rc, ry, rr)


def pools_pandas_from_text(cadres: pd.DataFrame, results: pd.DataFrame) -> pd.DataFrame:
    """The analyst's script: ages from the text dates, the three pools' criteria as masks (the
    policy's numbers), the members by pool then id."""
    a = bvp.AS_OF_TALENT
    p = lambda k: bvp.param(k, a)  # noqa: E731
    b = pd.to_datetime(cadres["birth_date"]).dt
    before = (b.month > a.month) | ((b.month == a.month) & (b.day > a.day))
    age = (a.year - b.year - before.astype(np.int64)).to_numpy()
    ranks = {r: i for i, r in enumerate(_RANKS)}
    rank = cadres["rank"].map(ranks).to_numpy()
    lo, hi = ranks[p("talent.echelon1.min_rank")], ranks[p("talent.echelon1.max_rank")]
    e1 = (rank >= lo) & (rank <= hi) & (age <= int(p("talent.echelon1.max_age")))
    wide = results.pivot(index="cadre_id", columns="period", values="rating").reindex(cadres["id"])
    last = wide[str(a.year - 1)].to_numpy()
    e2_age = int(p("talent.echelon2.age_limit")) - (0 if p("talent.echelon2.age_limit_inclusive") else 1)
    grad = (cadres["selected_graduate"].to_numpy() == 1) & (last == "excellent")
    e2 = (grad | ((cadres["civil_servant"].to_numpy() == 1) & (age <= e2_age))) & ~e1
    group = ((cadres["sex"] == "2") | (cadres["ethnicity"] != "01")
             | (cadres["political_status"].astype(int) > 2)).to_numpy()
    window = wide[[str(a.year - 2), str(a.year - 1)]]
    ok = window.isin(["excellent", "competent"]).all(axis=1).to_numpy()
    excellent = (window == "excellent").sum(axis=1).to_numpy()
    nsf = group & ok & (excellent >= int(p("talent.nvshaofei.min_excellent_years")))
    parts = []
    for name, mask in (("echelon1", e1), ("echelon2", e2), ("nvshaofei", nsf)):
        parts.append(pd.DataFrame({"cadre_id": cadres["id"].to_numpy()[mask], "pool": name})
                     .sort_values("cadre_id", kind="stable"))
    return pd.concat(parts, ignore_index=True)


def pools(n: int, repeat: int) -> Dict[str, Any]:
    d = pools_data(n)
    cadres, size = through_csv(pools_csv(d)[0], dtype={"id": str, "sex": str, "ethnicity": str,
                                                      "political_status": str, "birth_date": str})
    results, size2 = through_csv(pools_csv(d)[1], dtype=str, keep_default_na=False)
    as_of = bvp.AS_OF_TALENT
    talent.pools(cadres.head(1000), results.head(2000), as_of=as_of)  # warm: policy, code tables
    t_nat, w_nat, nat = bvp.best_of(lambda: talent.pools(cadres, results, as_of=as_of), repeat)
    t_k, w_k, ker = bvp.best_of(lambda: pools_kernel(d), repeat)
    t_pd, w_pd, pdr = bvp.best_of(lambda: pools_pandas_from_text(cadres, results), repeat)
    got = nat[["cadre_id", "pool"]].reset_index(drop=True)
    if not got.equals(pdr[["cadre_id", "pool"]]):
        raise AssertionError("pools: the natural call and the pandas script differ")
    ids = np.char.add("C", np.arange(n).astype(str))
    kernel_pairs = pd.concat([pd.DataFrame({"cadre_id": ids[(ker["member"] >> b) & 1 == 1], "pool": name})
                              .sort_values("cadre_id", kind="stable")
                              for b, name in enumerate(("echelon1", "echelon2", "nvshaofei"))], ignore_index=True)
    if not got.equals(kernel_pairs):
        raise AssertionError("pools: the natural call and the kernel differ")
    if len(got) == 0 or got["pool"].nunique() != 3:
        raise AssertionError("pools: the data exercise no pool")
    return {"op": "pools", "rows": len(cadres), "csv_bytes": size + size2, "natural_s": t_nat, "kernel_s": t_k,
            "pandas_s": t_pd, "natural_wall_s": w_nat, "kernel_wall_s": w_k, "pandas_wall_s": w_pd}


# --- working days on a column of text dates --------------------------------------------------

def workdays(n: int, repeat: int) -> Dict[str, Any]:
    d = bvp.workdays_data(n)
    df, size = through_csv(pd.DataFrame({"from": d["from"].astype(str), "n": d["n"]}), dtype={"from": str})
    cal = bvp.CAL
    cal.add_working_days(df["from"].head(1000), df["n"].head(1000))
    _, notices = bvp.workdays_frames({"from": d["from"][:1], "n": d["n"][:1]})
    t_nat, w_nat, nat = bvp.best_of(lambda: cal.add_working_days(df["from"], df["n"]), repeat)
    t_k, w_k, ker = bvp.best_of(lambda: bvp.workdays_cadrekit(d), repeat)
    t_pd, w_pd, pdr = bvp.best_of(lambda: bvp.workdays_pandas(
        (pd.DataFrame({"from": pd.to_datetime(df["from"]), "n": df["n"]}), notices)), repeat)
    if not nat.index.equals(df.index):
        raise AssertionError("working days: the natural call lost the caller's index")
    bvp.workdays_agree(nat.to_numpy(), ker)
    bvp.workdays_agree(nat.to_numpy(), pdr)
    # the same call on a column already parsed (read_csv(parse_dates=...)): datetime64[ns]
    parsed = pd.to_datetime(df["from"])
    t_dt, _, nat_dt = bvp.best_of(lambda: cal.add_working_days(parsed, df["n"]), repeat)
    bvp.workdays_agree(nat_dt.to_numpy(), ker)
    return {"op": "working days", "rows": len(df), "csv_bytes": size, "natural_s": t_nat, "kernel_s": t_k,
            "natural_datetime64_s": t_dt,
            "pandas_s": t_pd, "natural_wall_s": w_nat, "kernel_wall_s": w_k, "pandas_wall_s": w_pd}


# --- 三龄 from columns of text dates ------------------------------------------------------------

def three_ages(n: int, repeat: int) -> Dict[str, Any]:
    d = bvp.three_ages_data(n)
    text = pd.DataFrame({k: np.where(np.isnat(v), "", v.astype(str)) for k, v in d.items()})
    df, size = through_csv(text, dtype=str)  # an empty cell reads as NaN: no such date
    as_of = bvp.AS_OF_AGES
    cadrekit.three_ages(df.head(1000), as_of=as_of)
    t_nat, w_nat, nat = bvp.best_of(lambda: cadrekit.three_ages(df, as_of=as_of), repeat)
    t_k, w_k, ker = bvp.best_of(lambda: bvp.three_ages_cadrekit(d), repeat)
    t_pd, w_pd, pdr = bvp.best_of(lambda: bvp.three_ages_pandas(df.apply(pd.to_datetime)), repeat)
    got = {k: nat[k].fillna(-1).to_numpy(np.int64) for k in ("age", "party_years", "work_years")}
    bvp.three_ages_agree(got, ker)
    bvp.three_ages_agree(got, pdr)
    parsed = df.apply(pd.to_datetime)  # the same table read with parse_dates: datetime64[ns]
    t_dt, _, nat_dt = bvp.best_of(lambda: cadrekit.three_ages(parsed, as_of=as_of), repeat)
    bvp.three_ages_agree({k: nat_dt[k].fillna(-1).to_numpy(np.int64) for k in got}, ker)
    return {"op": "三龄 (three ages)", "rows": len(df), "csv_bytes": size, "natural_s": t_nat, "kernel_s": t_k,
            "natural_datetime64_s": t_dt,
            "pandas_s": t_pd, "natural_wall_s": w_nat, "kernel_wall_s": w_k, "pandas_wall_s": w_pd}


def page_faults(f: Any) -> int:
    """The minor page faults (pages of memory touched for the first time) of one call of f."""
    import resource
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    f()
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before


def main(argv: List[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--ops", default="screening,screening_findings,pay_sheet,audit,audit_text,team,workdays,"
                                     "three_ages,pools")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json")
    ap.add_argument("--smoke", action="store_true", help="each operation once on 5,000 rows, results checked")
    ap.add_argument("--settled", type=int, default=0, metavar="N",
                    help="for the calls that answer with many Python objects (screening, the pay sheet): "
                         "the natural call again after N more calls, once Python's allocator keeps its memory")
    args = ap.parse_args(argv)
    if args.smoke:
        args.rows, args.repeat = 5000, 1
    runs = {"screening": lambda: screening(args.rows, args.repeat),
            "screening_findings": lambda: screening_findings(args.rows, args.repeat),
            "pay_sheet": lambda: pay_sheet(args.rows, args.repeat),
            "audit": lambda: tiering(args.rows, args.repeat, False),
            "audit_text": lambda: tiering(args.rows, args.repeat, True),
            "team": lambda: team(args.rows, args.repeat),
            "pools": lambda: pools(args.rows, args.repeat),
            "workdays": lambda: workdays(args.rows, args.repeat),
            "three_ages": lambda: three_ages(args.rows, args.repeat)}
    out = []
    for op in args.ops.split(","):
        r = runs[op]()
        out.append(r)
        # the operation's line first, then what belongs to it (indented under it)
        print(f"{r['op']:>26}: {r['rows']:,} rows ({r['csv_bytes'] / 2**20:.0f} MiB CSV), CPU time: "
              f"natural {r['natural_s'] * 1e3:8.1f} ms, kernel {r['kernel_s'] * 1e3:7.1f} ms, "
              f"pandas {r['pandas_s'] * 1e3:8.1f} ms; natural/kernel {r['natural_s'] / r['kernel_s']:6.1f}x, "
              f"pandas/natural {r['pandas_s'] / r['natural_s']:5.1f}x; agree", flush=True)
        if "natural_datetime64_s" in r:
            print(f"{'':>26}  (the same from datetime64 columns already parsed: natural "
                  f"{r['natural_datetime64_s'] * 1e3:.1f} ms, "
                  f"{r['natural_datetime64_s'] / r['kernel_s']:.1f}x the kernel)", flush=True)
        if "sheet_only_s" in r:
            print(f"{'':>26}  (the sheet alone, without its DataFrame: {r['sheet_only_s'] * 1e3:.1f} ms)", flush=True)
        natural = r.pop("_natural", None)
        if args.settled and natural is not None:
            # Python's allocator gives an arena back to the system once it is empty, so an answer of
            # many lists is built in freshly mapped pages (about 10 us a page fault on this machine)
            # until the process holds arenas it keeps; measured again once it does
            faults = page_faults(natural)
            kept = None
            for _ in range(args.settled):  # each answer kept until the next is made, as `hits = screen(df)` does
                kept = natural()
            del kept
            t_set, _, _ = bvp.best_of(natural, args.repeat)
            r.update(natural_settled_s=t_set, page_faults=faults)
            print(f"{'':>26}  (a call alone took {faults:,} page faults; after {args.settled} more calls: natural "
                  f"{t_set * 1e3:.1f} ms, pandas/natural {r['pandas_s'] / t_set:.1f}x)", flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"runs": out}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
