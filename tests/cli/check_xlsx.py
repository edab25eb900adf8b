#!/usr/bin/env python3
"""The command line's .xlsx output, read back by openpyxl (software no one here wrote).

For each table command: the workbook holds the same values as the command's CSV output (numbers
as numbers, money to the fen with a yuan format, dates as dates, booleans as booleans, every
header its label), a frozen header row and an autofilter over the table, and a notes sheet with
the command, the version, the profile, every --set, the as-of date and the parameters used (as
`cadrekit policy show` gives them). Also: formula-like text stays a string; -o writes whole or
not at all; --format xlsx to a terminal is a usage error; every column any command writes has a
label (the sources are read for the column names).

Usage: check_xlsx.py CADREKIT SOURCE_DIR WORK_DIR
"""
import csv
import io
import json
import os
import pty
import re
import shutil
import subprocess
import sys
import time
import zipfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter

CLI, SRC, WORK = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
D = SRC / "tests" / "cli"
G = SRC / "tests" / "golden"
if WORK.exists():
    shutil.rmtree(WORK)
WORK.mkdir(parents=True)

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what, file=sys.stderr)


def run(*args, ok=(0, 1, 7)):
    p = subprocess.run([CLI, *map(str, args)], capture_output=True)
    if p.returncode not in ok:
        raise SystemExit(f"{' '.join(map(str, args))}: exit {p.returncode}: {p.stderr.decode()}")
    return p


# --- The label table, as the writer holds it: {code: (zh, en)}.
LABELS = {m[0]: (m[1], m[2]) for m in
          re.findall(r'\{"([a-z_]+)", "([^"]+)", "([^"]+)"\},', (SRC / "cli" / "labels.cpp").read_text())}
check(len(LABELS) > 100, f"the label table was read ({len(LABELS)} labels)")
for i, lang in enumerate(("zh", "en")):  # a header names one column (column_code)
    seen = [v[i] for v in LABELS.values()]
    check(len(set(seen)) == len(seen), f"{lang} labels are unique: {sorted(x for x in seen if seen.count(x) > 1)}")

# --- Every column a command writes has a label: the column names in the sources.
sources = [p for p in (SRC / "cli").glob("*.cpp")] + [SRC / "src" / "workspace" / "workspace.cpp"]
written = set()
for p in sources:
    text = p.read_text()
    blocks = re.findall(r'OutTable\s*\w*\s*\{\{([^}]*)\}', text) + re.findall(r'columns\s*=\s*\{([^}]*)\}', text)
    if p.name == "demo_cmd.cpp":  # the demo's tables: rows = {{header…}}, due{{header…}}
        blocks += re.findall(r'\b(?:rows|due)\s*=?\s*\{\{([^}]*)\}', text)
    for block in blocks:
        written.update(re.findall(r'"([^"]+)"', block))
    written.update(re.findall(r'columns\.push_back\("([^"]+)"\)', text))
check(len(written) > 100, f"the column names were found in the sources ({len(written)})")
unlabelled = sorted(c for c in written if c not in LABELS)
check(not unlabelled, f"columns written without a label in cli/labels.cpp: {unlabelled}")

# --- The parameters as the profile gives them: {name: (value, unit, since, clause, assumed, label)}.
def policy_params(as_of, lang, sets=()):
    args = ["policy", "show", "--as-of", as_of, "--lang", lang]
    for s in sets:
        args += ["--set", s]
    out = run(*args, ok=(0,)).stdout.decode()
    rows = [l.split("\t") for l in out.splitlines()[2:] if l]
    return {r[0]: r[1:] for r in rows}


VERSION = run("--version", ok=(0,)).stdout.decode().split()[-1]


def as_number(text):
    """The number a CSV number cell's text is, when a double holds it exactly as written."""
    if re.fullmatch(r"[-+]?\d+", text):
        v = int(text)
        return v if abs(v) <= 2 ** 53 else None
    if re.fullmatch(r"[-+]?\d+\.\d+", text):
        digits = text.lstrip("+-").replace(".", "").lstrip("0")
        return Decimal(text) if len(digits) <= 15 else None
    return None


def compare(name, args, lang="zh", sets=(), as_of=None):
    """The workbook of `args` against their CSV (raw cells) and JSON outputs."""
    csv_p = run(*args, *([] if args[0] == "import-lrmx" else ["--raw-cells"]))
    json_p = run(*args, "--format", "json")
    out = WORK / f"{name}.xlsx"
    x = run(*args, "-o", out)
    check(x.returncode == csv_p.returncode, f"{name}: the same exit status as CSV")
    check(x.stdout == b"", f"{name}: nothing on standard output with -o")
    rows = list(csv.reader(io.StringIO(csv_p.stdout.decode())))
    objs = json.loads(json_p.stdout.decode())
    header, data = rows[0], rows[1:]
    wb = openpyxl.load_workbook(out)
    check(wb.sheetnames == (["表", "说明"] if lang == "zh" else ["Table", "Notes"]), f"{name}: sheets {wb.sheetnames}")
    ws = wb.worksheets[0]
    got = [list(r) for r in ws.iter_rows(values_only=False)]
    labels = [LABELS[c][0 if lang == "zh" else 1] if c in LABELS else c for c in header]
    check([c.value for c in got[0]] == labels, f"{name}: headers {[c.value for c in got[0]]} are the labels {labels}")
    check(len(got) == len(data) + 1, f"{name}: {len(got) - 1} rows, CSV has {len(data)}")
    check(ws.freeze_panes == "A2", f"{name}: the header row is frozen ({ws.freeze_panes})")
    ref = f"A1:{get_column_letter(len(header))}{len(data) + 1}"
    check(ws.auto_filter.ref == ref, f"{name}: autofilter {ws.auto_filter.ref}, want {ref}")
    for c in range(1, len(header) + 1):
        w = ws.column_dimensions[get_column_letter(c)].width
        check(w is not None and 6 <= w <= 81, f"{name}: column {c} has a fitted width ({w})")
    kinds = set()
    for i, (row, obj) in enumerate(zip(data, objs)):
        cells = got[i + 1] + [None] * (len(header) - len(got[i + 1]))
        for j, text in enumerate(row):
            cell = cells[j]
            v = cell.value if cell is not None else None
            jv = obj.get(header[j])
            where = f"{name}: row {i + 2} column {header[j]}"
            if text == "":
                check(v is None, f"{where}: empty, got {v!r}")
            elif isinstance(jv, bool):
                kinds.add("bool")
                check(v is jv, f"{where}: boolean {jv}, got {v!r}")
            elif isinstance(jv, str) and cell is not None and cell.number_format == "¥#,##0.00":
                # money: its exact yuan text in JSON ("9000.00"), a number of yuan in the workbook
                kinds.add("money")
                check(isinstance(v, (int, float)) and not isinstance(v, bool) and Decimal(jv) == Decimal(text)
                      and round(Decimal(v) * 100) == Decimal(text) * 100 and float(Decimal(text)) == v,
                      f"{where}: {text} yuan to the fen, got {v!r}")
            elif isinstance(jv, (int, float)) and not isinstance(jv, bool):
                n = as_number(text)
                if n is None:
                    check(v == text, f"{where}: {text} kept as text, got {v!r}")
                    continue
                check(isinstance(v, (int, float)) and not isinstance(v, bool), f"{where}: a number, got {v!r}")
                if cell.number_format == "¥#,##0.00":
                    kinds.add("money")
                    # to the fen: the double is the nearest to the exact amount
                    check(round(Decimal(v) * 100) == Decimal(text) * 100 and float(Decimal(text)) == v,
                          f"{where}: {text} yuan to the fen, got {v!r}")
                else:
                    kinds.add("number")
                    check(Decimal(str(v)) == Decimal(text), f"{where}: {text}, got {v!r}")
            elif isinstance(v, datetime):
                kinds.add("date")
                check(v.date().isoformat() == text and cell.number_format == "yyyy-mm-dd",
                      f"{where}: the date {text}, got {v!r} ({cell.number_format})")
            else:
                check(v == text and cell.data_type == "s", f"{where}: the text {text!r}, got {v!r} ({cell.data_type})")
    # The notes sheet.
    notes = [list(r) for r in wb.worksheets[1].iter_rows(values_only=True)]
    keys = {r[0]: r[1] for r in notes if r and r[0] is not None}
    T = (lambda zh, en: zh) if lang == "zh" else (lambda zh, en: en)
    command = keys.get(T("命令", "Command"), "")
    check(command.startswith("cadrekit ") and " ".join(map(str, args[:2])) in command,
          f"{name}: notes: the command line ({command!r})")
    check(keys.get(T("cadrekit 版本", "cadrekit version")) == VERSION, f"{name}: notes: the version")
    if as_of:
        check(keys.get(T("基准日", "As of")) == datetime.fromisoformat(as_of), f"{name}: notes: as of {as_of}")
    sets_shown = [r[1] for r in notes if r and r[0] == "--set"]
    check(sets_shown == list(sets), f"{name}: notes: every --set ({sets_shown})")
    return wb, notes, kinds


def check_params(name, notes, lang, as_of, sets=()):
    want = policy_params(as_of, lang, sets)
    head = ["参数", "名称", "取值", "单位", "条款", "生效日期", "假设值"] if lang == "zh" else \
        ["Parameter", "Label", "Value", "Unit", "Clause", "Since", "Assumed"]
    at = [i for i, r in enumerate(notes) if list(r[:7]) == head]
    check(len(at) == 1, f"{name}: notes: one parameter table")
    if not at:
        return
    params = [r for r in notes[at[0] + 1:] if r and r[0]]
    check(len(params) > 0, f"{name}: notes: parameters listed")
    for r in params:
        p = want.get(r[0])
        check(p is not None, f"{name}: notes: {r[0]} is a parameter of the profile")
        if p is None:
            continue
        value, unit, since, clause, assumed, label = p
        check((r[1], r[2], r[3], r[4]) == (label, value, unit, clause),
              f"{name}: notes: {r[0]} {r[1:5]} as the profile says {(label, value, unit, clause)}")
        check(r[5] == datetime.fromisoformat(since) and r[6] == (assumed == "assumed"),
              f"{name}: notes: {r[0]} since {since}, assumed {assumed}")
    return params


pay = ["village", "pay", "--villages", D / "pay_villages.csv", "--scores", D / "pay_scores.csv", "--year", "2016",
       "--principals", D / "pay_principals.csv"]
cases = [
    ("audit_tier", ["audit", "tier", D / "audit_units.csv", "--as-of", "2016-12-31"], "2016-12-31", True),
    ("audit_tier_explain", ["audit", "tier", D / "audit_units.csv", "--as-of", "2016-12-31", "--explain"], "2016-12-31", True),
    ("village_pay_lines", pay, "2016-12-31", True),
    ("village_pay_townships", pay + ["--show", "townships"], "2016-12-31", True),
    ("village_pay_villages", pay + ["--show", "villages"], "2016-12-31", True),
    ("village_pay_budget", pay + ["--show", "budget", "--holders", "2"], "2016-12-31", True),
    ("village_select_quota", ["village", "select", D / "villages_206.csv", "--year", "2016"], None, True),
    ("village_select_eligibility", ["village", "select", "--applicants", D / "applicants.csv", "--as-of", "2016-12-31"],
     "2016-12-31", True),
    ("assessment_screen", ["assessment", "screen", D / "assessment_records.csv", "--findings",
                           D / "assessment_findings.csv", "--as-of", "2016-12-31"], "2016-12-31", True),
    ("disclosure_plan", ["disclosure", "plan", D / "disclosure_candidates.csv"], None, True),
    ("disclosure_notice", ["disclosure", "notice", G / "disclosure_record.json", "--round", "1", "--posted",
                           "2016-09-01"], "2016-09-01", True),
    ("disclosure_validate", ["disclosure", "validate", D / "disclosure_record_bad.json"], None, False),
    ("talent_pools", ["talent", "pools", D / "talent_cadres.csv", "--as-of", "2016-09-22"], "2016-09-22", True),
    ("talent_teams", ["talent", "teams", D / "talent_members.csv", "--as-of", "2016-09-22"], "2016-09-22", True),
    ("compare_pay", ["compare", "--policy", "default", "--policy", D / "excellent5000.yaml"] + pay, "2016-12-31", None),
    ("import_lrmx", ["import-lrmx", G / "disclosure_lrmx_example.xml", D / "lrmx_dotted.lrmx"], None, None),
]
all_kinds = set()
for name, args, as_of, params in cases:
    wb, notes, kinds = compare(name, args, as_of=as_of)
    all_kinds |= kinds
    if params is None:
        continue
    if not params:
        check(["参数", "本表不列参数"] in [list(r[:2]) for r in notes], f"{name}: notes: no parameter list")
        continue
    check_params(name, notes, "zh", as_of or "2016-12-31")
check(all_kinds == {"bool", "money", "number", "date"}, f"every cell kind was seen ({sorted(all_kinds)})")

# A command that uses no policy says so.
_, notes, _ = compare("import_lrmx_notes", ["import-lrmx", D / "lrmx_dotted.lrmx"])
check(["政策配置", "本命令不使用政策配置"] in [list(r[:2]) for r in notes], "import-lrmx: notes: no policy profile")

# English headers and notes; --set shown and its value in the parameters.
setting = "village.performance_pay.excellent=5000"
_, notes, _ = compare("village_pay_en", pay + ["--lang", "en", "--set", setting], lang="en", sets=(setting,),
                      as_of="2016-12-31")
params = check_params("village_pay_en", notes, "en", "2016-12-31", sets=(setting,))
check(any(r[0] == "village.performance_pay.excellent" and r[2] == "5000" for r in params or []),
      "village pay --set: the parameter's value as set")
check(any(r[0] == "Policy profile" and r[1].startswith("tongliao-2016") for r in notes), "notes: the profile's name")
check(["Profile source", "tongliao-2016 (embedded)"] in [list(r[:2]) for r in notes], "notes: the profile's source")

# The money cells of the pay sheet, to the fen.
wb = openpyxl.load_workbook(WORK / "village_pay_lines.xlsx")
pay_rows = list(wb.worksheets[0].iter_rows(values_only=True))
totals = [r[list(pay_rows[0]).index("合计")] for r in pay_rows[1:]]  # the header in Chinese (--lang zh)
check(totals == [13000, 10000, 7000, 8000], f"pay lines: totals {totals}")

# --- A workbook in, a workbook out: units.xlsx (made by openpyxl) → audit tier → tiers.xlsx, the
# same table as from the CSV.
src = openpyxl.Workbook()
for r in csv.reader(open(D / "audit_units.csv", encoding="utf-8", newline="")):
    src.active.append(r)
src.save(WORK / "units.xlsx")
run("audit", "tier", WORK / "units.xlsx", "--as-of", "2016-12-31", "-o", WORK / "tiers_rt.xlsx", ok=(0,))
a = [list(r) for r in openpyxl.load_workbook(WORK / "tiers_rt.xlsx").worksheets[0].iter_rows(values_only=True)]
b = [list(r) for r in openpyxl.load_workbook(WORK / "audit_tier.xlsx").worksheets[0].iter_rows(values_only=True)]
check(a == b and len(a) == 68, "units.xlsx → audit tier → tiers.xlsx: the table of the CSV input")

# --- Formula-like text stays text: never a formula.
units = WORK / "formula_units.csv"
names = ["=1+2", "+SUM(A1:A2)", "-cmd|' /C calc'!A0", "@SUM(1)", "=HYPERLINK(\"http://x\")"]
with open(units, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["unit_id", "name", "budget"])
    for i, n in enumerate(names):
        w.writerow([f"F{i}", n, "1000.00"])
out = WORK / "formula.xlsx"
run("audit", "tier", units, "--as-of", "2016-12-31", "-o", out, ok=(0,))
ws = openpyxl.load_workbook(out).worksheets[0]
got = [(ws.cell(row=r, column=2).value, ws.cell(row=r, column=2).data_type) for r in range(2, 2 + len(names))]
check(got == [(n, "s") for n in names], f"formula-like names stay strings: {got}")
raw = zipfile.ZipFile(out).read("xl/worksheets/sheet1.xml").decode()
check("<c r=\"B2\"" in raw and "<f>" not in raw, "no formula element in the sheet")

# The same run writes the same workbook (its creation time is the as-of date, not the clock).
again = WORK / "again.xlsx"
first = run("audit", "tier", D / "audit_units.csv", "--as-of", "2016-12-31", "-o", again, ok=(0,)) and again.read_bytes()
time.sleep(2.5)  # a zip records times to 2 seconds
run("audit", "tier", D / "audit_units.csv", "--as-of", "2016-12-31", "-o", again, ok=(0,))
check(again.read_bytes() == first, "the same run, the same workbook bytes")

# --- -o: whole or not at all, and the format by the name.
target = WORK / "keep.xlsx"
target.write_bytes(b"before")
p = run("audit", "tier", D / "pay_scores.csv", "--as-of", "2016-12-31", "-o", target, ok=(2,))
check(target.read_bytes() == b"before", "-o: a failed command leaves the file as it was")
gone = WORK / "never.xlsx"
run("audit", "tier", D / "pay_scores.csv", "--as-of", "2016-12-31", "-o", gone, ok=(2,))
check(not gone.exists(), "-o: a failed command writes no file")
check(not list(WORK.glob("*.tmp.*")), f"-o: no temporary file left ({list(WORK.glob('*.tmp.*'))})")
# A CSV written a row at a time goes to the temporary file a megabyte at a time: more than one
# megabyte through -o is the same bytes as to standard output, and a write that fails (/dev/full,
# written in place) is an error naming the file, not a crash or a half-told success.
big = {name: WORK / f"big_{name}.csv" for name in ("villages", "principals", "scores")}
with open(big["villages"], "w", encoding="utf-8") as v, open(big["principals"], "w", encoding="utf-8") as p, \
        open(big["scores"], "w", encoding="utf-8") as sc:
    v.write("village_id,township,population\n")
    p.write("cadre_id,village_id,post,served_from\n")
    sc.write("village_id,q1,q2,q3,q4,annual\n")
    for i in range(12000):
        v.write(f"V{i:05d},镇{i % 7},{300 + i % 4000}\n")
        p.write(f"P{i:05d},V{i:05d},both,2010-01-01\n")
        sc.write(f"V{i:05d}," + ",".join(str(60 + (i * k) % 40) for k in range(1, 6)) + "\n")
pay = ["village", "pay", "--villages", big["villages"], "--principals", big["principals"], "--scores", big["scores"],
       "--year", "2016"]
streamed = run(*pay, ok=(0,)).stdout
check(len(streamed) > 1 << 20, f"the pay sheet is more than a megabyte ({len(streamed)} bytes)")
to_file = WORK / "big_pay.csv"
run(*pay, "-o", to_file, ok=(0,))
check(to_file.read_bytes() == streamed,
      "-o: a sheet written a megabyte at a time, the same bytes as to standard output")
check(not list(WORK.glob("*.tmp.*")), "-o: no temporary file left after a sheet written in parts")
if Path("/dev/full").exists():
    full = run(*pay, "-o", "/dev/full", ok=(2,))
    check(b"cannot write the file (field --output, record /dev/full)" in full.stderr,
          f"-o /dev/full: a failed write is an error naming the file: {full.stderr.decode()}")
run("audit", "tier", D / "audit_units.csv", "--as-of", "2016-12-31", "-o", target, ok=(0,))
check(target.read_bytes()[:2] == b"PK", "-o FILE.xlsx: a workbook (zip) replaces the file")
as_csv = WORK / "tiers.csv"
run("audit", "tier", D / "audit_units.csv", "--as-of", "2016-12-31", "-o", as_csv, ok=(0,))
check(as_csv.read_text(encoding="utf-8").startswith("unit_id,name,level"), "-o FILE.csv: CSV")
forced = WORK / "forced.xlsx"
run("audit", "tier", D / "audit_units.csv", "--as-of", "2016-12-31", "--format", "csv", "-o", forced, ok=(0,))
check(forced.read_text(encoding="utf-8").startswith("unit_id,"), "--format csv -o FILE.xlsx: --format wins")
piped = run("audit", "tier", D / "audit_units.csv", "--as-of", "2016-12-31", "--format", "xlsx", ok=(0,)).stdout
check(piped[:2] == b"PK" and openpyxl.load_workbook(io.BytesIO(piped)).worksheets[0]["A2"].value == "U01",
      "--format xlsx to a pipe: the workbook")
lr = WORK / "lrmx.xlsx"
run("import-lrmx", D / "lrmx_dotted.lrmx", "-o", lr, ok=(0,))
check(lr.read_bytes()[:2] == b"PK", "import-lrmx -o FILE.xlsx: a workbook")

# --- --format xlsx to a terminal: a usage error (64), before any work, nothing written.
pid, fd = pty.fork()
if pid == 0:
    os.execv(CLI, [CLI, "audit", "tier", str(D / "audit_units.csv"), "--as-of", "2016-12-31", "--format", "xlsx"])
chunks = []
while True:
    try:
        b = os.read(fd, 4096)
    except OSError:
        break
    if not b:
        break
    chunks.append(b)
_, status = os.waitpid(pid, 0)
tty_out = b"".join(chunks)
check(os.WEXITSTATUS(status) == 64, f"--format xlsx to a terminal: exit {os.WEXITSTATUS(status)}, want 64")
check(b"-o FILE.xlsx" in tty_out and b"PK" not in tty_out, f"--format xlsx to a terminal: the message ({tty_out[:200]!r})")

# --- demo --format xlsx: one workbook per module beside the report, each sheet the same values as
# the CSV file of its name, and the module's parameters in the notes.
demo = WORK / "demo"
run("demo", "--out", demo, "--format", "xlsx", ok=(0,))
books = sorted(p.name for p in demo.glob("*.xlsx"))
check(books == ["assessment.xlsx", "audit.xlsx", "disclosure.xlsx", "talent.xlsx", "village.xlsx"],
      f"demo: one workbook per module ({books})")
demo_kinds = set()
for b in books:
    wb = openpyxl.load_workbook(demo / b)
    check(wb.sheetnames[-1] == "说明", f"demo {b}: the notes sheet last")
    for ws in wb.worksheets[:-1]:
        rows = list(csv.reader(open(demo / (ws.title + ".csv"), encoding="utf-8", newline="")))
        got = [list(r) for r in ws.iter_rows(values_only=True)]
        check([LABELS[c][0] for c in rows[0]] == got[0], f"demo {ws.title}: the headers are the labels")
        check(len(got) == len(rows) and ws.freeze_panes == "A2" and ws.auto_filter.ref is not None,
              f"demo {ws.title}: rows, frozen header, autofilter")
        for i, (want, have) in enumerate(zip(rows[1:], got[1:])):
            for j, text in enumerate(want):
                v = have[j] if j < len(have) else None
                where = f"demo {ws.title} row {i + 2} column {rows[0][j]}"
                if text == "":
                    check(v is None, f"{where}: empty, got {v!r}")
                elif isinstance(v, datetime):
                    demo_kinds.add("date")
                    check(v.date().isoformat() == text, f"{where}: {text}, got {v!r}")
                elif isinstance(v, (int, float)):
                    demo_kinds.add("money" if ws.cell(row=i + 2, column=j + 1).number_format == "¥#,##0.00" else "number")
                    check(Decimal(text) == Decimal(str(v)), f"{where}: {text}, got {v!r}")
                else:
                    check(v == text, f"{where}: {text!r}, got {v!r}")
    notes = [list(r) for r in wb["说明"].iter_rows(values_only=True)]
    check(any(r[0] == "政策配置" and r[1] == "tongliao-2016" for r in notes), f"demo {b}: notes: the profile")
    module = b.split(".")[0]
    params = [r[0] for r in notes if r[0] and "." in r[0] and r[0] != "cadrekit 版本"]
    check(params and all(p.startswith(module + ".") or module == "assessment" for p in params),
          f"demo {b}: notes: the module's parameters ({params[:3]}…)")
check(demo_kinds == {"date", "money", "number"}, f"demo: dates, money and numbers ({sorted(demo_kinds)})")

# --- The workspace's tables (the demo's county.ck.db): no profile, booleans, dates, empty dates.
db = demo / "county.ck.db"
for name, args, as_of in [
        ("ws_status", ["workspace", "status", db, "--as-of", "2016-12-31", "--all"], "2016-12-31"),
        ("ws_status_counts", ["workspace", "status", db, "--as-of", "2016-12-31", "--counts"], "2016-12-31"),
        ("ws_due", ["workspace", "due", db, "--as-of", "2016-12-31", "--within", "400"], "2016-12-31"),
        ("ws_history", ["workspace", "history", db, "SB-2016-012"], None),
        ("ws_imports", ["workspace", "export", db, "imports"], None)]:
    _, notes, kinds = compare(name, args, as_of=as_of)
    check(["政策配置", "本命令不使用政策配置"] in [list(r[:2]) for r in notes], f"{name}: notes: no policy profile")

# --- Widths fit the text, a CJK character counting as two.
ws = openpyxl.load_workbook(WORK / "audit_tier.xlsx").worksheets[0]
w_name = ws.column_dimensions["B"].width  # 示例单位01: 4 CJK characters and 2 digits
check(w_name is not None and 10 <= w_name <= 14, f"the name column fits 示例单位01 ({w_name})")

# --- Limits: a text longer than a cell holds, and more rows than a worksheet holds, refused
# naming the column and cell, or the limit; nothing written.
long_units = WORK / "long_units.csv"
long_units.write_text("unit_id,name,budget\nL1," + "名" * 32768 + ",1000\n", encoding="utf-8")
out = WORK / "long.xlsx"
p = run("audit", "tier", long_units, "--as-of", "2016-12-31", "-o", out, ok=(2,))
check(b"32,767 characters" in p.stderr and b"field name, record xlsx cell B2" in p.stderr and not out.exists(),
      f"a text over 32,767 characters: refused naming the cell ({p.stderr[:300]!r})")
many = WORK / "many_units.csv"
with open(many, "w", encoding="utf-8") as f:
    f.write("unit_id,budget\n")
    f.writelines(f"U{i},0\n" for i in range(1048576))
out = WORK / "many.xlsx"
p = run("audit", "tier", many, "--as-of", "2016-12-31", "-o", out, ok=(2,))
check(b"1048576 rows" in p.stderr and b"xlsx.max_rows" in p.stderr and not out.exists(),
      f"1,048,576 rows: refused (xlsx.max_rows) ({p.stderr[:300]!r})")
many.unlink()

if failures:
    print(f"{len(failures)} failure(s)", file=sys.stderr)
    sys.exit(1)
print("check_xlsx: all checks passed")
