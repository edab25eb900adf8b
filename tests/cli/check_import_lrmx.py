"""`cadrekit import-lrmx` over the .lrmx corpus (tests/data/lrmx and its expected.tsv, the table
the C++, C and Python tests read too): the report accounts for every form as expected.tsv says,
the table holds the forms read, the exit status says whether any was refused, files are written
whole or not at all, and the hostile forms made at run time are refused naming the limit.

Usage: check_import_lrmx.py CADREKIT_BINARY SOURCE_DIR WORK_DIR
"""
import csv
import json
import os
import pathlib
import shutil
import subprocess
import sys

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAILED: " + what, file=sys.stderr)


def run(*args):
    return subprocess.run([CLI, "import-lrmx", *map(str, args)], capture_output=True, text=True)


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


CLI, SOURCE, WORK = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
DATA = SOURCE / "tests" / "data" / "lrmx"
shutil.rmtree(WORK, ignore_errors=True)
WORK.mkdir(parents=True)
with open(DATA / "expected.tsv", encoding="utf-8", newline="") as f:
    EXPECTED = list(csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t",
                                   quoting=csv.QUOTE_NONE))
STORED = {r["file"]: r for r in EXPECTED if not r["file"].startswith("@")}
STATUS = {"read": "read", "warnings": "read_with_warnings", "refused": "refused"}

# -- the whole folder: a table, a report, exit 7 (some forms are refused) ----------------------
table, report = WORK / "cadres.csv", WORK / "report.csv"
p = run(DATA, "--output", table, "--report", report, "--with-citizen-id")
check(p.returncode == 7, "folder: exit %d, expected 7: %s" % (p.returncode, p.stderr))
counts = {k: sum(1 for r in STORED.values() if r["outcome"] == k) for k in STATUS}
summary = "%d forms: %d read, %d read with warnings, %d refused" % (
    len(STORED), counts["read"], counts["warnings"], counts["refused"])
check(p.stderr.strip() == "cadrekit: import-lrmx: " + summary, "folder: stderr %r" % p.stderr)
check(p.stdout == "", "folder: nothing on stdout with --output")
rows = read_csv(report)
by_file = {}
for r in rows:
    by_file.setdefault(os.path.basename(r["file"]), []).append(r)
check(set(by_file) == set(STORED), "report: one entry per form")
for name, want in STORED.items():
    got = by_file.get(name, [])
    check({r["status"] for r in got} == {STATUS[want["outcome"]]}, "report: status of " + name)
    if want["outcome"] == "refused":
        check([(r["code"], r["field"]) for r in got] == [("invalid_input", want["error_field"])],
              "report: refusal of " + name)
        check(all(r["message"] and "李示明" not in r["message"] for r in got), "report: message of " + name)
    elif want["outcome"] == "warnings":
        check(";".join(r["code"] + "@" + r["field"] for r in got) == want["warnings"],
              "report: warnings of " + name)
cadres = read_csv(table)
read_ids = sorted(n[: -len(".lrmx")] for n, r in STORED.items() if r["outcome"] != "refused")
check(sorted(r["id"] for r in cadres) == read_ids, "table: one row per form read")
for r in cadres:
    want = STORED[r["id"] + ".lrmx"]
    for column in ("name", "birth_date", "ethnicity", "party_joined", "work_started",
                   "reference_date", "citizen_id"):
        check(r[column] == want[column], "table: %s of %s" % (column, r["id"]))
    check(r["political_status"] == ("" if want["political_status"] == "unknown" else want["political_status"]),
          "table: political_status of " + r["id"])
    check(r["work_history_lines"] == str(len(want["work_history"].split("|")) if want["work_history"] else 0),
          "table: work_history_lines of " + r["id"])

# -- a JSON report, and the same table on standard output ------------------------------------
p2 = run(DATA, "--report", WORK / "report.json", "--with-citizen-id")
check(p2.returncode == 7, "json report: exit")
check(p2.stdout == table.read_text(encoding="utf-8"), "stdout: the same table as --output")
check(json.loads((WORK / "report.json").read_text(encoding="utf-8")) == rows, "json report: the same rows")

# -- without --report: one line per refusal and per warning on stderr ------------------------
p3 = run(DATA)
lines = p3.stderr.splitlines()
n_warnings = sum(len(r["warnings"].split(";")) for r in STORED.values() if r["outcome"] == "warnings")
check(len(lines) == counts["refused"] + n_warnings + 1, "stderr: %d lines" % len(lines))
check(sum(1 for x in lines if x.startswith("cadrekit: warning: ")) == n_warnings, "stderr: warning lines")

# -- every form read: exit 0; the report says "read" for each ------------------------------
clean = WORK / "clean"
clean.mkdir()
for name, r in STORED.items():
    if r["outcome"] != "refused":
        shutil.copy(DATA / name, clean / name)
p4 = run(clean, "--report", WORK / "clean_report.csv", "-o", WORK / "clean.csv")
check(p4.returncode == 0, "clean folder: exit %d: %s" % (p4.returncode, p4.stderr))
check({r["status"] for r in read_csv(WORK / "clean_report.csv")} == {"read", "read_with_warnings"},
      "clean folder: statuses")

# -- --strict: the first refusal stops it, exit 2, nothing written, an old file untouched -----
old = WORK / "kept.csv"
old.write_text("old contents\n", encoding="utf-8")
p5 = run(DATA, "--strict", "-o", old, "--report", WORK / "strict_report.csv")
check(p5.returncode == 2, "strict: exit %d" % p5.returncode)
check(old.read_text(encoding="utf-8") == "old contents\n", "strict: the old output is untouched")
check(not (WORK / "strict_report.csv").exists(), "strict: no report written")
check(not any(f.name.startswith("kept.csv.tmp") for f in WORK.iterdir()), "strict: no temporary file left")

# -- the hostile forms, made here: refused naming the limit, the process unharmed -------------
base = (DATA / "date_yyyymm.lrmx").read_bytes()
hostile = WORK / "hostile"
hostile.mkdir()
(hostile / "nested.lrmx").write_bytes(base.replace(
    "<XingMing>李示明</XingMing>".encode(),
    b"<XingMing>" + b"<a>" * 50000 + "李示明".encode() + b"</a>" * 50000 + b"</XingMing>", 1))
(hostile / "many.lrmx").write_bytes(base.replace(b"<JiaTingChengYuan>", b"<JiaTingChengYuan>" + b"<Item/>" * 10001, 1))
with open(hostile / "oversize.lrmx", "wb") as f:
    f.write(base)
    f.truncate((64 << 20) + 1)  # sparse: the reader refuses it by its size, before reading it
shutil.copy(DATA / "date_yyyymm.lrmx", hostile / "ok.lrmx")
p6 = run(hostile, "--report", WORK / "hostile.csv")
check(p6.returncode == 7, "hostile: exit %d: %s" % (p6.returncode, p6.stderr))
got = {r["id"]: (r["status"], r["field"]) for r in read_csv(WORK / "hostile.csv")}
check(got == {"many": ("refused", "xml.max_elements"), "nested": ("refused", "xml.max_depth"),
              "ok": ("read", ""), "oversize": ("refused", "xml.max_bytes")}, "hostile: %r" % got)
check(p6.stdout.count("\n") == 2, "hostile: the one good form is in the table")

# -- usage errors ------------------------------------------------------------------------------
empty = WORK / "empty"
empty.mkdir()
p7 = run(empty)
check(p7.returncode == 2 and "no .lrmx file" in p7.stderr, "empty folder: exit 2")
p8 = run(WORK / "missing.lrmx")
check(p8.returncode == 7 and "cannot read the file" in p8.stderr, "missing file: reported")

shutil.rmtree(WORK, ignore_errors=True)
print("check_import_lrmx: %d failures" % len(failures))
sys.exit(1 if failures else 0)
