"""Times the Python call WorkCalendar.add_working_days next to the C++ figure of
bench/cpp/bench_calendar.cpp. Run by scripts/bench; prints ns per call."""
import datetime as dt
import random
import timeit

import cadrekit


def main() -> None:
    cal = cadrekit.WorkCalendar.china()
    rng = random.Random(2016)
    base = dt.date(2007, 1, 1)
    cases = [(base + dt.timedelta(days=rng.randrange(6575)), rng.randrange(1, 501)) for _ in range(4096)]
    add = cal.add_working_days

    def run() -> None:
        for d, n in cases:
            add(d, n)

    best = min(timeit.repeat(run, number=5, repeat=5))
    print(f"python WorkCalendar.add_working_days: {best / (5 * len(cases)) * 1e9:.0f} ns/call")


if __name__ == "__main__":
    main()
