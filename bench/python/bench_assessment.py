"""Times cadrekit.assessment.screen_columns (the columnar batch path from NumPy arrays) on
1,000,000 assessment records (200,000 cadres x 5) next to the C++ figure of
bench/cpp/bench_assessment.cpp (BM_ScreenBatch/200000: the same rows from the same generator),
so that "Python within 1.5x of C++" (issue #7) is measured. Run by scripts/bench."""
import datetime as dt
import sys
import time

import numpy as np

import cadrekit
from cadrekit import assessment

CADRES = 200_000
MASK = (1 << 64) - 1


def columns(cadres: int):
    """The rows of bench_assessment.cpp's data(): 3 annual years (2014-2016, ranked) and 2
    party-conduct years (2015-2016) per cadre, from the same xorshift64 sequence."""
    x = 88172645463325252
    n = cadres * 5
    cadre = np.repeat(np.arange(cadres, dtype=np.int64), 5)
    kind = np.tile(np.array([0, 0, 0, 2, 2], dtype=np.uint8), cadres)
    period = np.tile(np.array([201400, 201500, 201600, 201500, 201600], dtype=np.int32), cadres)
    rank = np.zeros(n, dtype=np.int32)
    group = np.zeros(n, dtype=np.int32)
    rating = np.zeros(n, dtype=np.uint8)
    i = 0
    for _ in range(cadres):
        for _ in range(3):
            x ^= (x << 13) & MASK
            x ^= x >> 7
            x ^= (x << 17) & MASK
            g = 10 + x % 40
            x ^= (x << 13) & MASK
            x ^= x >> 7
            x ^= (x << 17) & MASK
            r = 1 + x % g
            x ^= (x << 13) & MASK
            x ^= x >> 7
            x ^= (x << 17) & MASK
            group[i], rank[i], rating[i] = g, r, 1 + x % 4
            i += 1
        for _ in range(2):
            x ^= (x << 13) & MASK
            x ^= x >> 7
            x ^= (x << 17) & MASK
            rating[i] = 6 if x % 8 == 0 else 5
            i += 1
    return cadre, kind, period, rank, group, rating


def best_of(f, n=5):
    best = float("inf")
    out = None
    for _ in range(n):
        t = time.process_time()
        out = f()
        best = min(best, time.process_time() - t)
    return best, out


def main() -> None:
    # --smoke (scripts/test): 2,000 cadres, once, to prove the script still runs; no timing.
    smoke = "--smoke" in sys.argv[1:]
    cadres = 2_000 if smoke else CADRES
    pol = cadrekit.Policy.default()
    as_of = dt.date(2016, 12, 31)
    cols = columns(cadres)
    t, out = best_of(lambda: assessment.screen_columns(*cols, as_of=as_of, policy=pol), 1 if smoke else 5)
    print(f"python assessment.screen_columns {cadres * 5:,} records ({cadres:,} cadres x 5): "
          f"{t * 1e3:.0f} ms CPU, {len(out['cadre'])} hits")


if __name__ == "__main__":
    main()
