"""Two builds of the command line against each other on random small CSV tables (quotes,
doubled quotes, CR, LF, CRLF, blank lines, separators, a BOM, a duplicate or blank header name,
--header-row): `audit tier` must give the same standard output, standard error and exit status.
For a change to the table reader: run it with the build before the change and the one after.
    /usr/bin/python3 bench/cli/compare_readers.py OLD_BINARY NEW_BINARY [SEED] [CASES]
Exit status 1 when any case differs (the first few are printed)."""
import os
import random
import subprocess
import sys
import tempfile

old, new = sys.argv[1], sys.argv[2]
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
cases = int(sys.argv[4]) if len(sys.argv) > 4 else 300
rnd = random.Random(seed)
atoms = ["U1", "U2", "甲", "100", "6000000", "1", "0", "", " ", ",", '"', '""', "\r", "\n", "\r\n", "x y",
         '"a,b"', '"q""q"', "abc"]
heads = ["unit_id,name,budget,complaints", "unit_id,name,budget,,", "unit_id,budget", "\r\nunit_id,name,budget",
         "unit_id, name ,budget,unit_id"]
differ = 0
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "t.csv")
    for _ in range(cases):
        body = rnd.choice(heads) + rnd.choice(["\n", "\r\n"])
        for _ in range(rnd.randint(0, 6)):
            body += "".join(rnd.choice(atoms) for _ in range(rnd.randint(0, 8))) + rnd.choice(["\n", "\r\n", ""])
        if rnd.random() < 0.2:
            body = "\ufeff" + body
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(body)
        args = ["audit", "tier", path, "--as-of", "2016-12-31"]
        if rnd.random() < 0.3:
            args += ["--header-row", str(rnd.randint(1, 3))]
        a = subprocess.run([old] + args, capture_output=True)
        b = subprocess.run([new] + args, capture_output=True)
        if (a.returncode, a.stdout, a.stderr) != (b.returncode, b.stdout, b.stderr):
            differ += 1
            if differ <= 3:
                print("differs:", repr(body), args[5:])
                print("  old:", a.returncode, a.stdout[-300:], a.stderr[-300:])
                print("  new:", b.returncode, b.stdout[-300:], b.stderr[-300:])
print(f"{cases} cases, {differ} differ")
sys.exit(1 if differ else 0)
