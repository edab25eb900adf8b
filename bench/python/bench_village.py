"""Times cadrekit.village on 500,000 villages / 1,000,000 principals next to the C++ figures of
bench/cpp/bench_village.cpp: the NumPy columnar path (pay_columns) and the DataFrame pay sheet
(pay_sheet, no explanations, records not materialised). Run by scripts/bench; `--smoke` runs it
once on 1,000 villages (scripts/test)."""
import sys
import time

import numpy as np
import pandas as pd

import cadrekit
from cadrekit import village

V = 1_000 if "--smoke" in sys.argv[1:] else 500_000
P = 2 * V


def columns():
    rng = np.random.default_rng(2016)
    town = (np.arange(V) // 250).astype(np.int32)
    pop = rng.integers(200, 4001, V).astype(np.int64)
    scores = (rng.integers(500000, 1000001, (V, 5)) // 100 * 100).astype(np.int64)
    present = np.where(np.arange(V) % 97 == 0, 0x0F, 0x1F).astype(np.uint8)
    jan1 = (np.datetime64("2016-01-01") - np.datetime64("1970-01-01")).astype(np.int32)
    pv = np.repeat(np.arange(V, dtype=np.int32), 2)
    post = np.tile(np.array([0, 1], dtype=np.uint8), V)
    frm = np.full(P, jan1 - 1000, dtype=np.int32)
    change = (pv % 10 == 0) & (post == 1)
    frm[change] = jan1 + rng.integers(0, 365, int(change.sum()))
    to = np.full(P, 2**31 - 1, dtype=np.int32)
    return town, pop, scores, present, pv, post, frm, to


def best_of(f, n=3):
    best = float("inf")
    for _ in range(n):
        t = time.perf_counter()
        f()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    pol = cadrekit.Policy.default()
    cols = columns()
    t = best_of(lambda: village.pay_columns(*cols, 2016, policy=pol))
    print(f"python village.pay_columns {V:,} villages / {P:,} principals: {t * 1e3:.0f} ms")
    town, pop, scores, present, pv, post, frm, to = cols
    vdf = pd.DataFrame({"village_id": [f"V{i}" for i in range(V)], "name": "",
                        "township": [f"T{t}" for t in town], "population": pop})
    epoch = np.datetime64("1970-01-01")
    pdf = pd.DataFrame({"cadre_id": [f"C{i}" for i in range(P)], "name": "",
                        "village_id": vdf["village_id"].to_numpy()[pv],
                        "post": np.array(["secretary", "director"])[post],
                        "served_from": (epoch + frm.astype("timedelta64[D]")).astype("datetime64[D]").astype(object),
                        "served_to": None})
    rows = []
    for k, per in enumerate(["2016Q1", "2016Q2", "2016Q3", "2016Q4", "2016"]):
        m = (present >> k) & 1 == 1
        rows.append(pd.DataFrame({"village_id": vdf["village_id"][m], "period": per,
                                  "score": [str(s / 10000) for s in scores[m, k]]}))
    sdf = pd.concat(rows, ignore_index=True)
    t = best_of(lambda: village.pay_sheet(vdf, pdf, sdf, 2016, policy=pol, explain=False), n=1)
    print(f"python village.pay_sheet (DataFrames) {V:,} villages / {P:,} principals: {t * 1e3:.0f} ms")


if __name__ == "__main__":
    main()
