"""The command line's side of tests/golden/same_output.tsv (read too by the C++, C and Python
tests): the request's arrays written as input tables (CSV and JSON files), the command run with
--keep, and its output — CSV and --format json — must have the golden's columns in its order and
its values, JSON-typed as the library's JSON calls type them.

    check_same_output.py CADREKIT
"""
import csv
import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path

CLI = sys.argv[1]
GOLDEN = Path(__file__).resolve().parents[2] / "tests" / "golden" / "same_output.tsv"


def golden():
    lines = [ln for ln in GOLDEN.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    head = lines[0].split("\t")
    out = {}
    for ln in lines[1:]:
        r = dict(zip(head, ln.split("\t")))
        call = out.setdefault(r["call"], {"request": json.loads(r["request"]), "rows": {}})
        call["rows"][int(r["row"])] = json.loads("{" + ",".join(r["expect"].split(" && ")) + "}")
    return {k: (v["request"], [v["rows"][i] for i in sorted(v["rows"])]) for k, v in out.items()}


def write_csv(path, rows):
    keys = []
    for r in rows:
        keys += [k for k in r if k not in keys]
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(keys)
        for r in rows:
            w.writerow(["" if r.get(k) is None else r[k] for k in keys])


def run(*args):
    p = subprocess.run([CLI, *args], capture_output=True)
    if p.returncode != 0:
        raise SystemExit(f"cadrekit {' '.join(args)}: exit {p.returncode}\n{p.stderr.decode()}")
    if b"warning" in p.stderr:
        raise SystemExit(f"cadrekit {' '.join(args)}: unexpected warning\n{p.stderr.decode()}")
    return p.stdout.decode("utf-8")


def csv_text(v):
    """A JSON value as the command line's CSV writes it."""
    if isinstance(v, list):  # actions: kind:due;kind:due
        return ";".join(f"{a['kind']}:{a['due']}" for a in v)
    return str(v)


def check(name, out_csv, out_json, want, failures):
    got = json.loads(out_json)
    if [list(r) for r in got] != [list(w) for w in want]:
        failures.append(f"{name} --format json: columns {[list(r) for r in got]} != {[list(w) for w in want]}")
    elif got != want:  # == on JSON values: 1 != "1"
        failures.append(f"{name} --format json: {got} != {want}")
    for r, w in zip(got, want):
        for k, x in w.items():
            if type(r.get(k)) is not type(x):
                failures.append(f"{name} --format json: {k} is {type(r.get(k)).__name__}, not {type(x).__name__}")
    rows = list(csv.reader(io.StringIO(out_csv)))
    if rows[0] != list(want[0]):
        failures.append(f"{name} CSV: header {rows[0]} != {list(want[0])}")
    elif rows[1:] != [[csv_text(x) for x in w.values()] for w in want]:
        failures.append(f"{name} CSV: {rows[1:]}")


def main():
    g = golden()
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        req, want = g["village.pay_sheet"]
        for ext in ("csv", "json"):
            files = {}
            for k in ("villages", "principals", "scores"):
                files[k] = t / f"{k}.{ext}"
                if ext == "csv":
                    write_csv(files[k], req[k])
                else:
                    files[k].write_text(json.dumps(req[k], ensure_ascii=False), encoding="utf-8")
            args = ["village", "pay", "--villages", str(files["villages"]), "--principals", str(files["principals"]),
                    "--scores", str(files["scores"]), "--year", str(req["year"]), "--keep", ",".join(req["keep"])]
            check(f"village pay ({ext} in)", run(*args), run(*args, "--format", "json"), want, failures)
        req, want = g["audit.tier"]
        for ext in ("csv", "json"):
            units = t / f"units.{ext}"
            if ext == "csv":
                write_csv(units, req["units"])
            else:
                units.write_text(json.dumps(req["units"], ensure_ascii=False), encoding="utf-8")
            args = ["audit", "tier", str(units), "--as-of", req["as_of"], "--keep", ",".join(req["keep"])]
            # the columnar kernel and the row path (--explain's) give the same table
            want_cli = [{k: x for k, x in w.items()} for w in want]
            check(f"audit tier ({ext} in)", run(*args), run(*args, "--format", "json"), want_cli, failures)
            check(f"audit tier ({ext} in, rows)", run(*args, "--row-path"), run(*args, "--row-path", "--format", "json"),
                  want_cli, failures)
        # a column neither read nor kept is still a warning; kept, it is not; a kept column the
        # table lacks, or one the output has already, is an error
        req, want = g["audit.tier"]
        units = t / "units_remark.csv"
        write_csv(units, [{**u, "remark": "x"} for u in req["units"]])
        base = ["audit", "tier", str(units), "--as-of", req["as_of"]]
        p = subprocess.run([CLI, *base, "--keep", "region"], capture_output=True)
        err = p.stderr.decode()
        if p.returncode != 0 or '"remark"' not in err or '"region"' in err:
            failures.append(f"--keep region with a column remark: exit {p.returncode}, stderr {err!r}")
        run(*base, "--keep", "region,remark")
        for bad in ("regoin", "level"):
            p = subprocess.run([CLI, *base, "--keep", bad], capture_output=True)
            if p.returncode != 2 or bad not in p.stderr.decode():
                failures.append(f"--keep {bad}: exit {p.returncode}, stderr {p.stderr.decode()!r}")
    if failures:
        raise SystemExit("\n".join(failures))
    print("same output: village pay and audit tier match tests/golden/same_output.tsv")


if __name__ == "__main__":
    main()
