#!/usr/bin/env python3
"""No message of the command line holds an ID number (docs/errors.md): a table keyed by ID
numbers in any of their written forms, and a header whose cells are data, give errors and
warnings with the numbers masked but for their last four digits.

Usage: check_masked_numbers.py CADREKIT_BINARY WORK_DIR
"""
import os
import subprocess
import sys

FORMS = ["110101199003071234", "１１０１０１１９９００３０７１２３４", "1101 0119 9003 0712 34",
         "110101-19900307-1234"]


def run(binary, *args):
    return subprocess.run([binary, *args], capture_output=True, text=True, timeout=120)


def main():
    binary, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    path = os.path.join(work, "pools.csv")
    for key in FORMS:
        # the id keys the row that is wrong: the error names it, masked
        with open(path, "w", encoding="utf-8") as f:
            f.write("cadre_id,sex,birth_date,ethnicity,political_status\n"
                    f"{key},9,1980-01-01,01,01\n")
        p = run(binary, "talent", "pools", path, "--as-of", "2016-09-22")
        digits = [c for c in key if not c.isspace() and c != "-"]
        flat = p.stderr.replace(" ", "").replace("-", "")  # the record as digits alone
        if p.returncode == 0 or "".join(digits[:10]) in flat or "".join(digits[-4:]) not in flat:
            sys.exit(f"row keyed by {key!r}: exit {p.returncode}, stderr {p.stderr!r}")
        # the number is a header's cell: the warning and the error of a column named twice mask it
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"unit_id,name,budget,{key}\nU01,u,5000000,1\n")
        p = run(binary, "audit", "tier", path, "--as-of", "2016-12-31")
        if p.returncode != 0 or "ignored" not in p.stderr or key in p.stderr:
            sys.exit(f"header cell {key!r}: exit {p.returncode}, stderr {p.stderr!r}")
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"unit_id,name,budget,{key},{key}\nU01,u,5000000,1,1\n")
        p = run(binary, "audit", "tier", path, "--as-of", "2016-12-31")
        if p.returncode != 2 or "named twice" not in p.stderr or key in p.stderr:
            sys.exit(f"header cell twice {key!r}: exit {p.returncode}, stderr {p.stderr!r}")
    print(f"masked: {len(FORMS)} written forms of an ID number, as a row's key and as a header's cell")


if __name__ == "__main__":
    main()
