#!/usr/bin/env python3
"""The command line's input limits (docs/limits.md): what is not a regular file, or is larger
than the limit, is refused before it is read (invalid_input, exit 2; policy, exit 3; naming the
limit);
a header a million columns wide is read in linear time (bounded here by the test's timeout, no
timing is judged).

Usage: check_limits.py CADREKIT_BINARY WORK_DIR
"""
import os
import stat
import subprocess
import sys


def run(binary, *args):
    return subprocess.run([binary, *args], capture_output=True, text=True, timeout=120)


EXIT = {"invalid_input": 2, "policy": 3}  # docs/cli.md


def expect_refused(p, code, words, what):
    if p.returncode != EXIT[code] or f"cadrekit: {code}:" not in p.stderr or words not in p.stderr:
        sys.exit(f"{what}: exit {p.returncode}, stderr {p.stderr!r}; expected exit {EXIT[code]}, {code}, {words!r}")
    if "internal" in p.stderr or "bad_alloc" in p.stderr:
        sys.exit(f"{what}: an internal error: {p.stderr!r}")


def main():
    binary, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    tier = ["audit", "tier", "--as-of", "2016-12-31"]

    # table.max_bytes: a device, and a (sparse) file one byte over 1 GiB
    expect_refused(run(binary, *tier, "/dev/zero"), "invalid_input", "not a regular file", "table /dev/zero")
    big = os.path.join(work, "big.csv")
    with open(big, "wb") as f:
        f.truncate((1 << 30) + 1)
    expect_refused(run(binary, *tier, big), "invalid_input", "larger than 1 GiB (table.max_bytes)", "1 GiB table")
    os.remove(big)

    # policy.max_bytes: a device, a file one byte over 64 MiB, and a profile extending a device
    expect_refused(run(binary, "policy", "check", "/dev/zero"), "policy", "not a regular file", "profile /dev/zero")
    huge = os.path.join(work, "huge.yaml")
    with open(huge, "wb") as f:
        f.truncate((64 << 20) + 1)
    expect_refused(run(binary, "policy", "check", huge), "policy", "larger than 64 MiB (policy.max_bytes)",
                   "64 MiB profile")
    os.remove(huge)
    ext = os.path.join(work, "extends_zero.yaml")
    with open(ext, "w", encoding="utf-8") as f:
        f.write("profile: z\nextends: /dev/zero\nparameters: {}\n")
    expect_refused(run(binary, "policy", "check", ext), "policy", "not a regular file", "extends /dev/zero")

    # the holiday file of the calendar is read as every input file is
    expect_refused(run(binary, "calendar", "--holidays", "/dev/zero", "window", "2016-01-04", "5"),
                   "invalid_input", "not a regular file", "holidays /dev/zero")

    # an output that is not a regular file (a FIFO here; /dev/null, /dev/stdout alike) is
    # written in place: a temporary file renamed over it would replace the device itself
    units = os.path.join(work, "units.csv")
    with open(units, "w", encoding="utf-8") as f:
        f.write("unit_id,name,budget\nU01,u,5000000\n")
    fifo = os.path.join(work, "out.fifo")
    if os.path.exists(fifo):
        os.remove(fifo)
    os.mkfifo(fifo)
    proc = subprocess.Popen([binary, *tier, units, "--output", fifo], stderr=subprocess.PIPE, text=True)
    with open(fifo, "rb") as r:
        got = r.read().decode("utf-8")
    proc.wait(timeout=120)
    if proc.returncode != 0 or not got.startswith("unit_id,") or "\nU01," not in got:
        sys.exit(f"--output FIFO: exit {proc.returncode}, read {got[:200]!r}, stderr {proc.stderr.read()!r}")
    if not stat.S_ISFIFO(os.stat(fifo).st_mode) or any(n.startswith("out.fifo.tmp") for n in os.listdir(work)):
        sys.exit("--output FIFO: the FIFO was replaced by a file, or a temporary file was left beside it")
    os.remove(fifo)
    expect_refused(run(binary, *tier, units, "--output", work), "invalid_input", "is a directory", "--output DIR")

    # a header of 10^6 columns (the required ones first): read, the unit tiered
    wide = os.path.join(work, "wide.csv")
    header = "unit_id,name,budget," + ",".join(f"x{i}" for i in range(1_000_000))
    with open(wide, "w", encoding="utf-8") as f:
        f.write(header + "\nU01,u,5000000\n")
    p = run(binary, *tier, wide)
    if p.returncode != 0 or not p.stdout.startswith("unit_id,") or "\nU01," not in p.stdout:
        sys.exit(f"wide header: exit {p.returncode}, stderr {p.stderr[:300]!r}")
    # the same column twice is still found, at the far end
    with open(wide, "w", encoding="utf-8") as f:
        f.write(header + ",x999999\nU01,u,5000000\n")
    expect_refused(run(binary, *tier, wide), "invalid_input", "a column named twice", "duplicate at the end")
    os.remove(wide)
    print("limits: refused as documented; an output FIFO written in place; a 10^6-column header read")


if __name__ == "__main__":
    main()
