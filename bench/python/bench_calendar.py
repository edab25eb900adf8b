"""Times the Python call WorkCalendar.add_working_days next to the C++ figure of
bench/cpp/bench_calendar.cpp. Run by scripts/bench; prints ns per call. `--smoke` runs it
once on 100 dates (scripts/test)."""
import datetime as dt
import random
import sys
import timeit

import cadrekit


def main() -> None:
    cal = cadrekit.WorkCalendar.china()
    rng = random.Random(2016)
    base = dt.date(2007, 1, 1)
    smoke = "--smoke" in sys.argv[1:]
    cases = [(base + dt.timedelta(days=rng.randrange(6575)), rng.randrange(1, 501))
             for _ in range(100 if smoke else 4096)]
    add = cal.add_working_days

    def run() -> None:
        for d, n in cases:
            add(d, n)

    number, repeat = (1, 1) if smoke else (5, 5)
    best = min(timeit.repeat(run, number=number, repeat=repeat))
    print(f"python WorkCalendar.add_working_days: {best / (number * len(cases)) * 1e9:.0f} ns/call")


if __name__ == "__main__":
    main()
