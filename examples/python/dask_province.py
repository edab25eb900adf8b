"""A synthetic province on a Dask LocalCluster of two worker processes (cadrekit.dask).

    /usr/bin/python3 examples/python/dask_province.py                 # 10,000,000 records
    /usr/bin/python3 examples/python/dask_province.py --rows 20000 --check

Generates, on the workers, a province's assessment records (five a cadre: three ranked annual
assessments 2014–2016 and two party-conduct ratings), its findings, its budget units, its
leadership teams and its villages, and runs the four helpers of cadrekit.dask on them:
screening (partitioned by cadre id), tiering (any partitioning), team structure (by team) and
the village pay sheet (by county). ``--check`` also runs each natural call on the whole tables in
this process and checks that the answers are the same (for small ``--rows``). ``--scheduler``
uses a running Dask scheduler instead of starting a LocalCluster. Nothing reads the clock: the
as-of date is fixed, times are measured with a monotonic counter.
"""
from __future__ import annotations

import argparse
import datetime as dt
import time
from typing import Any, Callable, List, Optional, Tuple

import numpy as np
import pandas as pd

import cadrekit
from cadrekit import assessment, audit, talent, village

AS_OF = dt.date(2016, 12, 31)
RECORDS_PER_CADRE = 5
KINDS = np.array(["annual", "annual", "annual", "party_conduct", "party_conduct"], dtype=object)
PERIODS = np.array(["2014", "2015", "2016", "2015", "2016"], dtype=object)


def cadre_ids(first: int, n: int) -> "np.ndarray[Any, np.dtype[Any]]":
    return np.char.mod("C%08d", np.arange(first, first + n)).astype(object)


def records(part: int, cadres_per_part: int, n_cadres: int) -> pd.DataFrame:
    """Partition ``part`` of the assessment records: cadres ``part * cadres_per_part`` … in
    order of cadre id, five records each, from a generator seeded by the partition number."""
    first = part * cadres_per_part
    n = max(0, min(cadres_per_part, n_cadres - first))
    rng = np.random.default_rng(1000 + part)
    ids = np.repeat(cadre_ids(first, n), RECORDS_PER_CADRE)
    rows = n * RECORDS_PER_CADRE
    annual = np.tile(np.array([True, True, True, False, False]), n)
    group = rng.integers(10, 50, rows)
    rank = rng.integers(0, 1 << 30, rows) % group + 1
    conduct = np.where(rng.integers(0, 8, rows) == 0, "not_up_to_standard", "up_to_standard")
    rating = np.where(annual, np.where(rng.integers(0, 50, rows) == 0, "incompetent", "competent"),
                      conduct).astype(object)
    return pd.DataFrame({
        "cadre_id": ids,
        "unit_id": np.char.mod("U%06d", np.repeat(np.arange(first, first + n) // 25,
                                                   RECORDS_PER_CADRE)).astype(object),
        "domain": "township",
        "kind": np.tile(KINDS, n),
        "period": np.tile(PERIODS, n),
        "rank": np.where(annual, rank, 0),
        "group_size": np.where(annual, group, 0),
        "rating": rating,
    })


def findings(n_cadres: int) -> pd.DataFrame:
    """One qualitative finding for one cadre in a thousand, a unit's finding for one unit in
    five hundred, and a few findings of cadres who have no records."""
    rng = np.random.default_rng(7)
    rows = []
    for c in rng.choice(n_cadres, size=max(1, n_cadres // 1000), replace=False):
        rows.append({"id": f"F{c}", "cadre_id": f"C{c:08d}", "date": dt.date(2016, 6, 1),
                     "source": "qualitative", "standard": "work_style",
                     "classification": "not_acting", "severity": "serious"})
    for u in range(0, max(1, n_cadres // 25), 500):
        rows.append({"id": f"FU{u}", "unit_id": f"U{u:06d}", "date": dt.date(2016, 3, 1),
                     "source": "qualitative", "standard": "discipline",
                     "classification": "other", "severity": "moderate"})
    for k in range(3):
        rows.append({"id": f"FX{k}", "cadre_id": f"X{k:08d}", "date": dt.date(2016, 9, 1),
                     "source": "qualitative", "standard": "ability",
                     "classification": "lack_of_ability", "severity": "minor"})
    return pd.DataFrame(rows)


def units(part: int, per_part: int, n_units: int) -> pd.DataFrame:
    first = part * per_part
    n = max(0, min(per_part, n_units - first))
    rng = np.random.default_rng(2000 + part)
    df = pd.DataFrame({"unit_id": np.char.mod("U%06d", np.arange(first, first + n)).astype(object),
                       "budget": (10 ** rng.uniform(5, 7.5, n)).astype(np.int64)})
    for f in audit.FACTORS:
        df[f] = (rng.integers(0, 10, n) == 0).astype(np.int8)
    return df


def members(part: int, teams_per_part: int, n_teams: int) -> pd.DataFrame:
    """Partition ``part`` of the leadership teams: seven members a team."""
    first = part * teams_per_part
    n = max(0, min(teams_per_part, n_teams - first))
    rng = np.random.default_rng(3000 + part)
    rows = n * 7
    years = rng.integers(1958, 1990, rows)
    return pd.DataFrame({
        "team_id": np.repeat(np.char.mod("T%06d", np.arange(first, first + n)), 7).astype(object),
        "cadre_id": np.char.mod("M%08d", np.arange(first * 7, first * 7 + rows)).astype(object),
        "sex": np.where(rng.integers(0, 5, rows) == 0, 2, 1),
        "birth_date": pd.to_datetime(pd.DataFrame({"year": years, "month": 1 + rng.integers(0, 12, rows),
                                                   "day": 1 + rng.integers(0, 28, rows)})),
        "ethnicity": np.where(rng.integers(0, 4, rows) == 0, "02", "01").astype(object),
        "political_status": np.where(rng.integers(0, 10, rows) == 0, "13", "01").astype(object),
    })


def villages_of(county: int, n_townships: int = 8, per_township: int = 14) -> Tuple[Any, Any, Any]:
    """A county's villages, their principals (a secretary and a director each) and their five
    scores of 2016."""
    rng = np.random.default_rng(4000 + county)
    v, p, s = [], [], []
    for t in range(n_townships):
        for k in range(per_township):
            vid = f"V{county:03d}{t:02d}{k:02d}"
            v.append({"village_id": vid, "name": "-", "township": f"T{county:03d}{t:02d}",
                      "county": f"B{county:03d}", "population": int(rng.integers(300, 3000))})
            for post in ("secretary", "director"):
                p.append({"cadre_id": f"P{vid}{post[0]}", "name": "-", "village_id": vid,
                          "post": post, "served_from": dt.date(2012, 1, 1), "served_to": None})
            for per in ("2016Q1", "2016Q2", "2016Q3", "2016Q4", "2016"):
                s.append({"village_id": vid, "period": per, "score": str(int(rng.integers(60, 100)))})
    return pd.DataFrame(v), pd.DataFrame(p), pd.DataFrame(s)


def province(rows: int, parts: int) -> Tuple[Any, ...]:
    """The province as Dask DataFrames built on the workers (and its small tables here)."""
    import dask.dataframe as dd

    n_cadres = max(1, rows // RECORDS_PER_CADRE)
    per = -(-n_cadres // parts)
    recs = dd.from_map(records, range(parts), cadres_per_part=per, n_cadres=n_cadres,
                       meta=records(0, 0, 0), enforce_metadata=False)
    n_units = max(1, n_cadres // 25)
    uper = -(-n_units // parts)
    unit_frame = dd.from_map(units, range(parts), per_part=uper, n_units=n_units,
                             meta=units(0, 0, 0), enforce_metadata=False)
    n_teams = max(1, n_cadres // 100)
    tper = -(-n_teams // parts)
    team_frame = dd.from_map(members, range(parts), teams_per_part=tper, n_teams=n_teams,
                             meta=members(0, 0, 0), enforce_metadata=False)
    counties = max(1, min(100, n_cadres // 2000))
    tables = [villages_of(c) for c in range(counties)]
    vil = pd.concat([t[0] for t in tables], ignore_index=True)
    pri = pd.concat([t[1] for t in tables], ignore_index=True)
    sco = pd.concat([t[2] for t in tables], ignore_index=True)
    # One partition per few counties: a county's townships stay together.
    vil_frame = dd.from_pandas(vil.set_index("county"), npartitions=min(parts, counties))
    return recs, findings(n_cadres), unit_frame, team_frame, vil_frame, pri, sco


def _usage() -> Tuple[float, int]:
    """CPU seconds and peak resident bytes of this (worker) process."""
    import resource

    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime, r.ru_maxrss * 1024


def timed(label: str, f: Callable[[], Any]) -> Any:
    t = time.perf_counter()
    out = f()
    print(f"  {label}: {time.perf_counter() - t:.1f} s")
    return out


def main(argv: Optional[List[str]] = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=10_000_000, help="assessment records (default 10^7)")
    ap.add_argument("--partitions", type=int, default=0,
                    help="partitions (default: one per 250,000 records, at least 4)")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes")
    ap.add_argument("--scheduler", default=None, help="address of a running scheduler")
    ap.add_argument("--check", action="store_true",
                    help="also run the natural calls in this process and compare (small --rows)")
    args = ap.parse_args(argv)

    import cadrekit.dask as ckd
    from distributed import Client, LocalCluster

    parts = args.partitions or max(4, args.rows // 250_000)
    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        policy = cadrekit.Policy.default()
        print(f"cadrekit {cadrekit.__version__}: a synthetic province of {args.rows:,} assessment "
              f"records in {parts} partitions on {len(client.scheduler_info()['workers'])} workers")
        recs, finds, unit_frame, team_frame, vil_frame, pri, sco = province(args.rows, parts)

        hits = timed("screening (by cadre id)", lambda: ckd.screen(
            recs, findings=finds, as_of=AS_OF, policy=policy).compute())
        print(f"    {len(hits):,} red lines; by rule: "
              + ", ".join(f"{k} {v:,}" for k, v in hits["rule_id"].value_counts().sort_index().items()))
        tiers = timed("tiering (any partitioning)", lambda: ckd.tier(
            unit_frame, as_of=AS_OF, policy=policy).compute())
        print(f"    {len(tiers):,} units; levels "
              + ", ".join(f"{k}: {v:,}" for k, v in tiers["level"].value_counts().sort_index().items()))
        teams = timed("team structure (by team)", lambda: ckd.team_structure(
            team_frame, as_of=AS_OF, policy=policy).compute())
        print(f"    {len(teams):,} teams, {int((teams['gaps'].map(len) > 0).sum()):,} with a gap")
        lines = timed("pay sheet (by county)", lambda: ckd.pay_sheet(
            vil_frame, pri, sco, year=2016, policy=policy).compute())
        print(f"    {len(lines):,} principals paid, total {sum(lines['total']):,} yuan")

        usage = client.run(_usage)
        print("  workers: " + "; ".join(
            f"{cpu:.0f} s CPU, peak {rss / 2**20:,.0f} MiB" for cpu, rss in usage.values()))

        if args.check:
            whole = recs.compute().reset_index(drop=True)
            want = assessment.screen(whole, findings=finds, as_of=AS_OF, policy=policy,
                                     explain=False, as_frame=True)
            pd.testing.assert_frame_equal(hits, want)
            pd.testing.assert_frame_equal(tiers.reset_index(drop=True), audit.tier(
                unit_frame.compute().reset_index(drop=True), as_of=AS_OF, policy=policy, explain=False))
            pd.testing.assert_frame_equal(teams, talent.team_structure(
                team_frame.compute().reset_index(drop=True), as_of=AS_OF, policy=policy, as_frame=True))
            vil_whole = vil_frame.compute().reset_index()
            sheet = village.pay_sheet(vil_whole, pri, sco, year=2016, policy=policy, explain=False)
            key = ["village_id", "cadre_id"]
            pd.testing.assert_frame_equal(
                lines.sort_values(key).reset_index(drop=True),
                sheet.to_pandas().sort_values(key).reset_index(drop=True))
            print("  check: the same answers as the natural calls in one process")
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


if __name__ == "__main__":
    main()
