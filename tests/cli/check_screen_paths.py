"""`assessment screen` decides by the columnar kernel unless --row-path is given; both must write
the same bytes, report the same rows and exit alike. Random tables (seeded, rows shuffled, so
that a cadre's records are not together and periods not in order), with findings by cadre and
by unit, some records after the as-of year, some rows bad and some duplicates (the kernel path
then falls back to the row path): each run with and without --explain, as CSV and JSON. The
last table has more cadres than the kernel path screens at a time (4,096), so that its groups
meet, in id order, with findings of cadres and units in more than one group.
    check_screen_paths.py CADREKIT_BINARY WORKDIR"""
import os
import random
import subprocess
import sys

binary, work = sys.argv[1], sys.argv[2]
os.makedirs(work, exist_ok=True)

RATINGS = {"annual": ["", "", "excellent", "competent", "basically_competent", "incompetent", "称职", "不称职"],
           "party_conduct": ["up_to_standard", "not_up_to_standard", "未达标"]}


def tables(seed, bad, cadres=(50, 400)):
    rnd = random.Random(seed)
    rows = []
    count = rnd.randint(*cadres)
    for c in range(count):
        unit = f"T{rnd.randint(0, 30)}"
        for kind in ("annual", "key_work", "party_conduct"):
            for year in rnd.sample(range(2011, 2018), rnd.randint(0, 5)):
                size = rnd.randint(3, 20)
                if kind == "party_conduct":
                    rank, group, rating = "", "", rnd.choice(RATINGS[kind])
                elif rnd.random() < 0.7:
                    rank, group, rating = str(rnd.randint(1, size)), str(size), \
                        (rnd.choice(RATINGS["annual"]) if kind == "annual" else "")
                else:
                    rank, group, rating = "", "", rnd.choice(RATINGS["annual"]) if kind == "annual" else ""
                rows.append([f"C{c}", unit, "township", kind, str(year), "", rank, group, rating, ""])
    if bad:
        rows[rnd.randrange(len(rows))][3] = "yearly"       # a bad kind: one row error
        rows.append(list(rows[rnd.randrange(len(rows))]))  # a second record of the same period
    rnd.shuffle(rows)
    findings = []
    for i in range(rnd.randint(0, 40) * max(1, count // 400)):
        by_unit = rnd.random() < 0.3
        findings.append([f"F{i}", "" if by_unit else f"C{rnd.randint(0, count + 50)}", f"T{rnd.randint(0, 30)}",
                         f"2016-{rnd.randint(1, 12):02d}-01", "qualitative", "ability", "ability",
                         rnd.choice(["lack_of_ability", "exploratory_mistake"]),
                         rnd.choice(["minor", "moderate", "serious", "grave"]), ""])
    rec = os.path.join(work, f"records_{seed}.csv")
    fin = os.path.join(work, f"findings_{seed}.csv")
    with open(rec, "w", encoding="utf-8") as f:
        f.write("cadre_id,unit_id,domain,kind,period,score,rank,group_size,rating,methods\n")
        f.writelines(",".join(r) + "\n" for r in rows)
    with open(fin, "w", encoding="utf-8") as f:
        f.write("id,cadre_id,unit_id,date,source,standard,aspect,classification,severity,facts\n")
        f.writelines(",".join(r) + "\n" for r in findings)
    return rec, fin


def run(args):
    p = subprocess.run([binary, *args], capture_output=True)
    return p.returncode, p.stdout, p.stderr


failures = 0
hits = 0
SEEDS = 13
for seed in range(SEEDS):
    rec, fin = tables(seed, bad=seed % 4 == 3, cadres=(9000, 9000) if seed == SEEDS - 1 else (50, 400))
    for extra in ([], ["--findings", fin], ["--findings", fin, "--explain", "--format", "json"],
                  ["--explain-full"]):
        args = ["assessment", "screen", rec, "--as-of", "2016-12-31", *extra]
        kernel, rows = run(args), run([*args, "--row-path"])
        if kernel != rows:
            failures += 1
            print(f"seed {seed} {' '.join(extra)}: the kernel path differs from the row path "
                  f"(exit {kernel[0]} vs {rows[0]})", file=sys.stderr)
        elif kernel[0] not in (0, 7):
            failures += 1
            print(f"seed {seed} {' '.join(extra)}: exit {kernel[0]}: {kernel[2].decode()}", file=sys.stderr)
        hits += kernel[1].count(b"\n")
if hits < 100:  # the tables must make rules fire, or the comparison proves little
    failures += 1
    print(f"only {hits} output lines over all runs", file=sys.stderr)
print(f"{4 * SEEDS - failures} of {4 * SEEDS} runs alike, {hits} output lines")
sys.exit(1 if failures else 0)
