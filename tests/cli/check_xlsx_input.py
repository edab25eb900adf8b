#!/usr/bin/env python3
"""The command line reads .xlsx workbooks that other software wrote (openpyxl and xlsxwriter,
as Debian packages them) exactly as it reads the same table saved as CSV (docs/cli.md, "Excel
workbooks"): every command that reads a table gives the same output from either. The workbooks
hold every kind of cell the reader knows — shared and inline strings, rich text, numbers
(3.0 as well as 3), booleans, dates under the 1900 and the 1904 date systems (as date cells, and
as plain numbers in a date column: Excel date serials), empty cells —
above a merged title or below a header that is not the first row. A malformed workbook is an
error (exit 2) naming the part or the cell, never a crash or a guessed value.

Usage: check_xlsx_input.py CADREKIT_BINARY FIXTURES_DIR WORK_DIR
"""
import csv
import datetime
import os
import re
import subprocess
import sys
import zipfile

import openpyxl
import xlsxwriter

FAILURES = []


def fail(what, message):
    FAILURES.append(f"{what}: {message}")


def run(binary, args):
    return subprocess.run([binary, *args], capture_output=True, timeout=300)


def typed(text):
    """A CSV cell as a person typing it into Excel gets it: whole numbers (without a leading
    zero, which Excel would drop), decimals, ISO dates as dates, true/false as booleans."""
    if re.fullmatch(r"-?(0|[1-9][0-9]{0,14})", text):
        return int(text)
    if re.fullmatch(r"-?[0-9]+\.[0-9]+", text):
        return float(text)
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        return datetime.date.fromisoformat(text)
    if text in ("true", "false"):
        return text == "true"
    return text


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def serial(d, epoch1904=False):
    """The Excel date serial of a date (1900 system: 1899-12-30 is 0 for dates after Excel's
    fictitious 1900-02-29; 1904 system: 1904-01-01 is 0)."""
    return (d - (datetime.date(1904, 1, 1) if epoch1904 else datetime.date(1899, 12, 30))).days


def openpyxl_book(rows, path, *, epoch1904=False, title=None, floats=False, serials=False):
    """openpyxl: shared strings, typed cells, date cells with a Chinese date format; with
    `serials`, dates as plain numbers (their serials, General format), as a date typed into a
    cell formatted as a number is saved."""
    wb = openpyxl.Workbook()
    if epoch1904:
        wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "名单"
    if title:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
        ws.append([])
    for i, r in enumerate(rows):
        values = [c if i == 0 else typed(c) for c in r]
        if serials:
            values = [serial(v, epoch1904) if isinstance(v, datetime.date) else v for v in values]
        if floats:
            values = [float(v) if isinstance(v, int) and not isinstance(v, bool) else v for v in values]
        ws.append([None if v == "" else v for v in values])
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, datetime.date):
                cell.number_format = 'yyyy"年"m"月"d"日"'
    wb.save(path)


def xlsxwriter_book(rows, path, *, constant_memory=False, rich=False, hidden_first=False, serials1904=False):
    """xlsxwriter: inline strings (constant memory) or shared ones, rich text, a hidden sheet;
    with `serials1904`, a workbook of the 1904 date system whose dates are plain numbers."""
    wb = xlsxwriter.Workbook(path, {"constant_memory": constant_memory, "date_1904": serials1904})
    if hidden_first:
        wb.add_worksheet("隐藏").hide()
    ws = wb.add_worksheet("Sheet1")
    date_format = wb.add_format({"num_format": "yyyy/m/d"})
    bold = wb.add_format({"bold": True})
    for i, r in enumerate(rows):
        for j, c in enumerate(r):
            v = c if i == 0 else typed(c)
            if v == "":
                continue
            if isinstance(v, bool):
                ws.write_boolean(i, j, v)
            elif isinstance(v, (int, float)):
                ws.write_number(i, j, v)
            elif isinstance(v, datetime.date) and serials1904:
                ws.write_number(i, j, serial(v, True))
            elif isinstance(v, datetime.date):
                ws.write_datetime(i, j, datetime.datetime(v.year, v.month, v.day), date_format)
            elif rich and len(v) > 1:
                ws.write_rich_string(i, j, bold, v[:1], v[1:])
            else:
                ws.write_string(i, j, v)
    if hidden_first:
        ws.activate()
    wb.close()


# Each command that reads a table, with its CSV fixtures; every fixture is also made a workbook.
COMMANDS = [
    ["audit", "tier", "{audit_units}", "--as-of", "2016-12-31"],
    ["audit", "tier", "{audit_units}", "--as-of", "2016-12-31", "--format", "json", "--explain"],
    ["village", "pay", "--villages", "{pay_villages}", "--scores", "{pay_scores}", "--year", "2016",
     "--principals", "{pay_principals}"],
    ["village", "select", "{villages_206}", "--year", "2016"],
    ["village", "select", "--applicants", "{applicants}", "--as-of", "2016-12-31"],
    ["assessment", "screen", "{assessment_records}", "--findings", "{assessment_findings}", "--as-of", "2016-12-31"],
    ["talent", "pools", "{talent_cadres}", "--as-of", "2016-09-22"],
    ["talent", "teams", "{talent_members}", "--as-of", "2016-09-22"],
    ["disclosure", "plan", "{disclosure_candidates}"],
]

VARIANTS = {
    "openpyxl": lambda rows, p: openpyxl_book(rows, p),
    "openpyxl-1904": lambda rows, p: openpyxl_book(rows, p, epoch1904=True, floats=True),
    "openpyxl-title": lambda rows, p: openpyxl_book(rows, p, title="2016年度 名单"),
    "xlsxwriter-inline": lambda rows, p: xlsxwriter_book(rows, p, constant_memory=True),
    "xlsxwriter-rich-hidden": lambda rows, p: xlsxwriter_book(rows, p, rich=True, hidden_first=True),
    # dates as numbers (Excel date serials) in the date columns, 1900 and 1904 date systems
    "openpyxl-serials": lambda rows, p: openpyxl_book(rows, p, serials=True),
    "xlsxwriter-1904-serials": lambda rows, p: xlsxwriter_book(rows, p, serials1904=True),
}


def same_results(binary, fixtures, work):
    names = sorted({m for c in COMMANDS for a in c for m in re.findall(r"\{(\w+)\}", a)})
    for variant, make in VARIANTS.items():
        books = {}
        for n in names:
            books[n] = os.path.join(work, f"{n}.{variant}.xlsx")
            make(read_csv(os.path.join(fixtures, n + ".csv")), books[n])
        for cmd in COMMANDS:
            as_csv = [a.format(**{n: os.path.join(fixtures, n + ".csv") for n in names}) for a in cmd]
            as_xlsx = [a.format(**books) for a in cmd]
            a, b = run(binary, as_csv), run(binary, as_xlsx)
            # Rows are named by file and line in one, by workbook, sheet and row in the other
            # (a row lower under a title).
            number = r"\d+" if "title" in variant else ""
            a.stdout = re.sub(rb"[^,;\s\"]*?\.csv:" + number.encode(), b"@", a.stdout)
            b.stdout = re.sub(rb"[^,;\s\"]*?\.xlsx\[[^\]]*\]:" + number.encode(), b"@", b.stdout)
            what = f"{variant}: {' '.join(cmd[:2])}"
            # The same rows rejected for the same reasons (fixtures hold some bad rows: exit 7).
            errors = [re.sub(r"^cadrekit: (\w+): \S+?:\d+: ", r"\1: ", line)
                      for p in (a, b) for line in p.stderr.decode().splitlines() if "note:" not in line]
            half = len(errors) // 2
            if a.returncode not in (0, 7):
                fail(what, f"the CSV run failed: {a.stderr.decode()}")
            elif b.returncode != a.returncode or b.stdout != a.stdout:
                fail(what, f"exit {b.returncode} (CSV {a.returncode}); stdout differs: {b.stdout[:300]!r} "
                           f"vs {a.stdout[:300]!r}; stderr {b.stderr.decode()[:500]}")
            elif errors[:half] != errors[half:]:
                fail(what, f"different rows rejected: {errors}")
            elif "title" in variant and "1 row above the header skipped" not in b.stderr.decode():
                fail(what, f"the title rows are not noted: {b.stderr.decode()!r}")


def refused(binary, args, what, words, place=None):
    p = run(binary, args)
    err = p.stderr.decode()
    if p.returncode != 2 or "cadrekit: invalid_input:" not in err or words not in err:
        fail(what, f"exit {p.returncode}, stderr {err!r}; expected exit 2 naming {words!r}")
    elif place is not None and f"field {place}" not in err:
        fail(what, f"the error does not name {place}: {err!r}")
    if "internal" in err or "Traceback" in err:
        fail(what, f"an internal error: {err!r}")


def zip_with(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def malformed(binary, fixtures, work):
    tier = ["audit", "tier", "--as-of", "2016-12-31"]
    units = read_csv(os.path.join(fixtures, "audit_units.csv"))
    good = os.path.join(work, "good.xlsx")
    openpyxl_book(units, good)
    with zipfile.ZipFile(good) as z:
        parts = {n: z.read(n) for n in z.namelist()}

    p = os.path.join(work, "csv_named.xlsx")
    with open(p, "w") as f:
        f.write("unit_id,budget\nU1,1\n")
    refused(binary, [*tier, p], "a CSV named .xlsx", "not an .xlsx workbook", "xlsx")

    p = os.path.join(work, "old.xls")
    with open(p, "wb") as f:
        f.write(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))
    refused(binary, [*tier, p], "an .xls", "Excel 97–2003", "xlsx")

    p = os.path.join(work, "truncated.xlsx")
    with open(good, "rb") as f, open(p, "wb") as g:
        g.write(f.read()[:600])
    refused(binary, [*tier, p], "a truncated workbook", "not an .xlsx workbook")

    p = os.path.join(work, "no_workbook.xlsx")
    zip_with(p, {k: v for k, v in parts.items() if k != "xl/workbook.xml"})
    refused(binary, [*tier, p], "no workbook part", "has no part xl/workbook.xml", "xl/workbook.xml")

    p = os.path.join(work, "no_sheet.xlsx")
    zip_with(p, {k: v for k, v in parts.items() if k != "xl/worksheets/sheet1.xml"})
    refused(binary, [*tier, p], "no sheet part", "has no part xl/worksheets/sheet1.xml")

    p = os.path.join(work, "doctype.xlsx")
    sheet = parts["xl/worksheets/sheet1.xml"].replace(
        b"<worksheet", b'<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]><worksheet', 1)
    zip_with(p, {**parts, "xl/worksheets/sheet1.xml": sheet})
    refused(binary, [*tier, p], "a DOCTYPE in a part", "DOCTYPE")

    # A zip bomb: a sheet that inflates past xlsx.max_part_bytes from a few MiB.
    p = os.path.join(work, "bomb.xlsx")
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        for k, v in parts.items():
            if k != "xl/worksheets/sheet1.xml":
                z.writestr(k, v)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            chunk = b" " * (1 << 20)
            for _ in range(1100):
                f.write(chunk)
    refused(binary, [*tier, p], "a zip bomb", "inflates to more than 1024 MiB", "xl/worksheets/sheet1.xml")

    # A formula without a saved value (openpyxl saves none), and a recalculate-on-open workbook's
    # placeholder (xlsxwriter saves 0): both name the cell.
    p = os.path.join(work, "formula.xlsx")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "单位"
    ws.append(["unit_id", "budget"])
    ws.append(["U1", 100])
    ws.append(["U2", "=B2*2"])
    wb.save(p)
    refused(binary, [*tier, p], "openpyxl formula", "a formula without a saved value", "单位!B3")
    p = os.path.join(work, "formula_xw.xlsx")
    wb = xlsxwriter.Workbook(p)
    ws = wb.add_worksheet()
    ws.write_row(0, 0, ["unit_id", "budget"])
    ws.write_row(1, 0, ["U1", 100])
    ws.write_string(16, 0, "U2")
    ws.write_formula(16, 1, "=B2*2")
    wb.close()
    refused(binary, [*tier, p], "xlsxwriter formula", "recalculated when it is opened", "Sheet1!B17")

    # An error value.
    p = os.path.join(work, "error_value.xlsx")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["unit_id", "budget"])
    ws.append(["U1", "#N/A"])
    wb.save(p)
    refused(binary, [*tier, p], "an error value", "an error value in the cell (#N/A)", "Sheet!B2")

    # A shared string the workbook does not have.
    shared = os.path.join(work, "good_shared.xlsx")
    xlsxwriter_book(units, shared)
    with zipfile.ZipFile(shared) as z:
        xw_parts = {n: z.read(n) for n in z.namelist()}
    p = os.path.join(work, "bad_shared.xlsx")
    sheet, n = re.subn(rb'(<c r="A2"[^>]*t="s"[^>]*><v>)\d+(</v>)', rb"\g<1>99999\g<2>", xw_parts["xl/worksheets/sheet1.xml"])
    if n != 1:
        fail("a bad shared string", "the fixture has no shared string in A2")
    zip_with(p, {**xw_parts, "xl/worksheets/sheet1.xml": sheet})
    refused(binary, [*tier, p], "a bad shared string", "a shared string the workbook does not have", "Sheet1!A2")

    refused(binary, [*tier, good, "--sheet", "Sheet9"], "an unknown sheet", "its sheets: 名单", "--sheet")

    # A cell of the sheet's data beyond the header: the row is reported, the rest read.
    p = os.path.join(work, "wide_row.xlsx")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["unit_id", "budget"])
    ws.append(["U1", 100])
    ws.append(["U2", 100, "extra"])
    wb.save(p)
    r = run(binary, [*tier, p])
    if r.returncode != 7 or b"good.xlsx" in r.stderr or b"[Sheet]:3: more cells than the header" not in r.stderr:
        fail("a row wider than the header", f"exit {r.returncode}, stderr {r.stderr!r}")


def header_rows(binary, fixtures, work):
    """--header-row names the header in a workbook and in a CSV; the rows above are noted."""
    units = read_csv(os.path.join(fixtures, "audit_units.csv"))
    tier = ["audit", "tier", "--as-of", "2016-12-31"]
    expected = run(binary, [*tier, os.path.join(fixtures, "audit_units.csv")]).stdout
    p = os.path.join(work, "header4.xlsx")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["某县审计局"])
    ws.append(["制表日期", datetime.date(2016, 12, 31)])
    ws.append([])
    for i, r in enumerate(units):
        ws.append([None if c == "" else (c if i == 0 else typed(c)) for c in r])
    wb.save(p)
    r = run(binary, [*tier, p, "--header-row", "4"])
    if r.returncode != 0 or r.stdout != expected or b"2 rows above the header skipped" not in r.stderr:
        fail("--header-row 4 (xlsx)", f"exit {r.returncode}, stderr {r.stderr!r}")
    r = run(binary, [*tier, p])  # without it, the unmerged title is the header: refused, not guessed
    if r.returncode != 2 or b"no such column" not in r.stderr:
        fail("no --header-row above a table", f"exit {r.returncode}, stderr {r.stderr!r}")
    c = os.path.join(work, "header3.csv")
    with open(c, "w", encoding="utf-8", newline="") as f:
        f.write("某县审计局\n制表日期,2016-12-31\n")
        csv.writer(f, lineterminator="\n").writerows(units)
    r = run(binary, [*tier, c, "--header-row", "3"])
    if r.returncode != 0 or r.stdout != expected:
        fail("--header-row 3 (CSV)", f"exit {r.returncode}, stderr {r.stderr!r}")


def round_trip(binary, fixtures, work):
    """The command line's own workbooks are input to the next command: audit tier → tiers.xlsx
    → audit plan → plan.xlsx → audit verify gives what the CSV chain gives, without a warning;
    a CSV whose headers are the columns' Chinese labels reads as the one with codes."""
    years = ["--first-year", "2017", "--last-year", "2021"]
    units = os.path.join(fixtures, "audit_units.csv")
    outs = {}
    for kind in ("csv", "xlsx"):
        tiers, plan = os.path.join(work, f"rt_tiers.{kind}"), os.path.join(work, f"rt_plan.{kind}")
        steps = [["audit", "tier", units, "--as-of", "2016-12-31", "-o", tiers],
                 ["audit", "plan", tiers, *years, "--capacity", "14", "-o", plan],
                 ["audit", "plan", tiers, *years, "--capacity", "14"],
                 ["audit", "verify", tiers, *years, "--plan", plan]]
        for step in steps:
            r = run(binary, step)
            if r.returncode != 0 or r.stderr:
                fail(f"round trip ({kind}): {' '.join(step[:2])}", f"exit {r.returncode}, stderr {r.stderr!r}")
            outs.setdefault(kind, []).append(r.stdout)
    if outs["csv"] != outs["xlsx"]:
        fail("round trip", "the workbook chain's plan or verification differs from the CSV chain's")
    labelled = os.path.join(work, "units_labelled.csv")
    rows = read_csv(units)
    zh = {"unit_id": "单位编号", "name": "名称", "budget": "预算"}
    rows[0] = [zh.get(h, h) for h in rows[0]]
    with open(labelled, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    a = run(binary, ["audit", "tier", units, "--as-of", "2016-12-31"])
    b = run(binary, ["audit", "tier", labelled, "--as-of", "2016-12-31"])
    if b.returncode != 0 or b.stdout != a.stdout or b.stderr:
        fail("Chinese headers", f"exit {b.returncode}, stderr {b.stderr!r}")


def serial_errors(binary, fixtures, work):
    """A number in a date column that is no whole day of Excel's calendar is an error naming the
    cell, never a guessed date; the same serial read under the workbook's own date system."""
    rows = read_csv(os.path.join(fixtures, "talent_cadres.csv"))
    col = rows[0].index("birth_date")
    letter = chr(ord("A") + col)
    for bad, what in ((41640.5, "a fraction of a day"), (60, "Excel's 1900-02-29"), (0, "day 0"),
                      (3000000, "after 9999-12-31"), (-5, "a negative number"), (20140101, "digits of a date")):
        path = os.path.join(work, "serial_bad.xlsx")
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "名单"
        ws.append(rows[0])
        ws.append([bad if j == col else typed(c) for j, c in enumerate(rows[1])])
        wb.save(path)
        refused(binary, ["talent", "pools", path, "--as-of", "2016-09-22", "--strict"],
                f"serial {what}", f"名单!{letter}2: a number in a date column is read as an Excel date serial",
                "birth_date")
    # the same number is another day in a 1904 workbook: 42643 is 2016-09-30 (1900 system) and
    # 2020-10-01 (1904); the posting date the disclosure plan writes tells which was read
    for epoch1904, expect in ((False, "2016-09-30"), (True, "2020-10-01")):
        path = os.path.join(work, f"serial_{int(epoch1904)}.xlsx")
        wb = openpyxl.Workbook()
        if epoch1904:
            wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
        ws = wb.active
        ws.append(["id", "round", "rank", "posted"])
        ws.append(["K1", 1, "fu_ke", 42643])
        wb.save(path)
        csv_path = os.path.join(work, f"serial_{int(epoch1904)}.csv")
        with open(csv_path, "w", encoding="utf-8") as f:
            f.write(f"id,round,rank,posted\nK1,1,fu_ke,{expect}\n")
        a = run(binary, ["disclosure", "plan", csv_path])
        b = run(binary, ["disclosure", "plan", path])
        if a.returncode != 0 or b.returncode != 0 or a.stdout != b.stdout or f",{expect}," not in b.stdout.decode():
            fail(f"serial 42643, date1904={epoch1904}",
                 f"exit {b.returncode} (CSV {a.returncode}): {b.stdout[:300]!r} vs {a.stdout[:300]!r} {b.stderr!r}")


def main():
    binary, fixtures, work = sys.argv[1:4]
    os.makedirs(work, exist_ok=True)
    serial_errors(binary, fixtures, work)
    same_results(binary, fixtures, work)
    malformed(binary, fixtures, work)
    header_rows(binary, fixtures, work)
    round_trip(binary, fixtures, work)
    if FAILURES:
        sys.exit("\n".join(FAILURES))
    print(f"xlsx input: {len(VARIANTS)} kinds of workbook x {len(COMMANDS)} commands read as their CSV; "
          "malformed workbooks refused naming the place")


if __name__ == "__main__":
    main()
