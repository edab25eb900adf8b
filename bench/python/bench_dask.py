"""cadrekit.dask on a LocalCluster: screening one table of assessment records with 1 and with 2
worker processes, next to the same partition function in this process without Dask, and the
cost of a partition (many small partitions against few large ones). Run by scripts/bench;
docs/scale.md quotes its figures. Wall-clock times (a cluster's work is spread over processes):
on a loaded machine they are several times the work done.

    /usr/bin/python3 bench/python/bench_dask.py [--rows 400000] [--smoke]

``--smoke`` (scripts/test): a few thousand records, once, to prove the script still runs and the
answers agree; no figure is meaningful.
"""
from __future__ import annotations

import argparse
import datetime as dt
import pathlib
import sys
import time

import pandas as pd

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "examples" / "python"))

import cadrekit  # noqa: E402
from cadrekit import partitions  # noqa: E402
from dask_province import records  # noqa: E402  (the example's generator of records)

AS_OF = dt.date(2016, 12, 31)


def table(rows: int) -> pd.DataFrame:
    n_cadres = max(1, rows // 5)
    return records(0, n_cadres, n_cadres)


def best_of(f, n: int) -> tuple:
    best, out = float("inf"), None
    for _ in range(n):
        t = time.perf_counter()
        out = f()
        best = min(best, time.perf_counter() - t)
    return best, out


def status_kb(field: str) -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def peak_extra(f):
    """Bytes of memory the call's peak adds to the process (VmHWM reset before it), or None
    where /proc/self/clear_refs cannot reset it."""
    before = status_kb("VmRSS")
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")  # resets VmHWM to the current RSS
    except OSError:
        return None
    f()
    return max(status_kb("VmHWM") - before, 0) * 1024


def workers_cpu(client) -> list:
    """CPU seconds (user + system) each worker's process has used so far."""
    def used() -> float:
        import resource
        r = resource.getrusage(resource.RUSAGE_SELF)
        return r.ru_utime + r.ru_stime
    return [v for _, v in sorted(client.run(used).items())]


def measured(client, f, repeat: int) -> tuple:
    """(best wall time, CPU a run of each worker, CPU a run of this process — the client and the
    LocalCluster's scheduler —, the result)."""
    w0, c0 = workers_cpu(client), time.process_time()
    t, out = best_of(f, repeat)
    w1, c1 = workers_cpu(client), time.process_time()
    return t, [(b - a) / repeat for a, b in zip(w0, w1)], (c1 - c0) / repeat, out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=400_000)
    ap.add_argument("--smoke", action="store_true")
    args = ap.parse_args(argv)
    import dask.dataframe as dd
    from distributed import Client, LocalCluster, wait

    import cadrekit.dask as ckd

    rows = 4_000 if args.smoke else args.rows
    repeat = 1 if args.smoke else 3
    policy = cadrekit.Policy.default()
    df = table(rows)
    parts = 4 if args.smoke else 8

    c0 = time.process_time()
    t_one, want = best_of(lambda: partitions.screen(df, as_of=AS_OF, policy=policy), repeat)
    cpu_one = (time.process_time() - c0) / repeat
    print(f"dask: screening {len(df):,} records, one process without Dask: {t_one:.2f} s "
          f"({len(df) / t_one:,.0f} records/s), {cpu_one:.2f} s CPU, {len(want)} hits")
    extra = peak_extra(lambda: partitions.screen(df, as_of=AS_OF, policy=policy))
    held = df.memory_usage(deep=True).sum()
    if extra is not None:
        print(f"dask: one process: the records' DataFrame holds {held / len(df):,.0f} bytes a "
              f"record; the natural call's peak adds {extra / len(df):,.0f} bytes a record")

    for workers in (1, 2):
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            # The table is sent to the workers once; each run screens the partitions held there.
            # Partitions of whole cadres (five rows each), in order of cadre id.
            ddf = dd.from_pandas(df, chunksize=-(-len(df) // parts // 5) * 5, sort=False).persist()
            client.wait_for_workers(workers)
            wait(ddf)
            ckd.screen(ddf, as_of=AS_OF, policy=policy).compute()  # untimed: the workers' imports
            t, cpu, here, got = measured(
                client, lambda: ckd.screen(ddf, as_of=AS_OF, policy=policy).compute(), repeat)
            pd.testing.assert_frame_equal(got, want)
            print(f"dask: screening {len(df):,} records in {parts} partitions on {workers} "
                  f"worker{'s' if workers > 1 else ''}: {t:.2f} s ({len(df) / t:,.0f} records/s, "
                  f"{t_one / t:.2f}x one process); CPU: "
                  + " + ".join(f"{c:.2f} s" for c in cpu)
                  + f" in the workers, {here:.2f} s in the client and scheduler")
            if workers == 2:
                # The cost of a partition: the same small table in few and in many partitions.
                small = df.iloc[: (500 if args.smoke else 20_000)]
                counts = (2, 8) if args.smoke else (4, 64)
                runs = {}
                for n in counts:
                    sd = dd.from_pandas(small, chunksize=-(-len(small) // n // 5) * 5,
                                        sort=False).persist()
                    wait(sd)
                    runs[n] = measured(client, lambda: ckd.screen(
                        sd, as_of=AS_OF, policy=policy).compute(), repeat)
                    runs[(n, "raw")] = measured(client, lambda: sd.map_partitions(
                        partitions.screen, as_of=AS_OF, policy=policy,
                        meta=want.iloc[:0]).compute(), repeat)

                def per(key_a, key_b, i):
                    x, y = runs[key_a], runs[key_b]
                    value = (lambda r: r[0]) if i == 0 else (lambda r: sum(r[1]) + r[2])
                    return (value(y) - value(x)) / (b - a) * 1e3

                a, b = counts
                print(f"dask: {len(small):,} records in {a} and in {b} partitions: "
                      f"{runs[a][0]:.2f} s and {runs[b][0]:.2f} s; a partition costs "
                      f"{per(a, b, 0):.1f} ms wall, {per(a, b, 1):.1f} ms CPU with the key check, "
                      f"{per((a, 'raw'), (b, 'raw'), 0):.1f} ms wall, "
                      f"{per((a, 'raw'), (b, 'raw'), 1):.1f} ms CPU by map_partitions without it")

if __name__ == "__main__":
    main()
