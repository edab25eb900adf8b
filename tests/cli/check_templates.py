"""Every table command, run on the templates `cadrekit template` writes for it, with --strict.

    check_templates.py CADREKIT

The help's column lists and the templates come from one table (cli/columns.cpp). Running each
command on its own templates with --strict — where a column the command does not read is an
error — shows that every listed column is one the command reads and that the example rows are
rows it accepts. A command's help must list each of its tables' columns, and the template of a
workbook must read back as its CSV.
"""
import csv
import io
import re
import subprocess
import sys
import tempfile
from pathlib import Path

CLI = sys.argv[1]
# audit verify exits 1 when the plan breaks a rule: the example plan is one audit, not a plan.
OK = {"audit verify": (0, 1)}


def run(*args, ok=(0,)):
    p = subprocess.run([CLI, *args], capture_output=True)
    if p.returncode not in ok:
        raise SystemExit(f"cadrekit {' '.join(args)}: exit {p.returncode}\n{p.stderr.decode()}")
    return p


def main():
    listing = run("template", "--list").stdout.decode().splitlines()
    runs = {}  # one run of a command reads one or more of its tables
    for line in listing:
        command, argument, example = line.split("\t")
        runs.setdefault(example, (command, []))[1].append(argument)
    assert len({c for c, _ in runs.values()}) >= 9, f"too few commands listed: {listing}"
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        for example, (command, arguments) in runs.items():
            args = example
            helptext = run(*command.split(), "--help").stdout.decode()
            for argument in arguments:
                name = argument.lstrip("-").lower()
                path = Path(tmp) / f"{command.replace(' ', '_')}_{name}.csv"
                path.write_bytes(run("template", *command.split(), "--table", argument).stdout)
                header = next(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
                for col in header:
                    if col not in helptext:
                        failures.append(f"{command} --help does not list {argument}'s column {col}")
                book = path.with_suffix(".xlsx")
                run("template", *command.split(), "--table", argument, "-o", str(book))
                args = args.replace("{" + argument + "}", str(path))
            assert "{" not in args, f"{command}: a table of its run has no template: {args}"
            p = run(*args.split(), "--strict", ok=OK.get(command, (0,)))
            if b"warning" in p.stderr:
                failures.append(f"{command}: {p.stderr.decode().strip()}")
            if not p.stdout.strip():
                failures.append(f"{command}: wrote nothing on its templates")
            # The same run with every table as a workbook: the same output.
            xargs = example
            for argument in arguments:
                name = argument.lstrip("-").lower()
                book = Path(tmp) / f"{command.replace(' ', '_')}_{name}.xlsx"
                xargs = xargs.replace("{" + argument + "}", str(book))
            px = run(*xargs.split(), "--strict", ok=OK.get(command, (0,)))
            # (the rows a red line cites name their file: units.csv:2, units.xlsx[表]:2)
            same = re.sub(rb"[\w.]+\.(csv|xlsx)(\[[^\]]*\])?:", b"FILE:", px.stdout) == \
                re.sub(rb"[\w.]+\.(csv|xlsx)(\[[^\]]*\])?:", b"FILE:", p.stdout)
            if not same:
                failures.append(f"{command}: its workbook templates give another output than its CSV ones")
    for f in failures:
        print("FAIL", f)
    print(f"templates: {len(runs)} commands run on their own templates, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
