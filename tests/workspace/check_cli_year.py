#!/usr/bin/env python3
"""The sample county's year run step by step into a workspace with the command line, each step
as data staff would take it (docs/workspace.md, "A worked year"), and every query answered from
the file: status, due, history, export, check. Also the refusals: a step the library refuses
(exit 5, nothing written), --policy beside --workspace, a second init, a file that is not a
workspace — each one line on stderr, never an ID number.

Usage: check_cli_year.py CADREKIT SOURCE_DIR WORK_DIR
"""
import csv
import io
import json
import os
import shutil
import subprocess
import sys

CLI, SRC, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
SAMPLE = os.path.join(SRC, "data", "sample")
STAMP = ["--by", "组织部", "--recorded-at", "2017-07-01T09:00:00Z"]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what, file=sys.stderr)


def run(*args, rc=0):
    p = subprocess.run([CLI, *args], capture_output=True, text=True)
    if p.returncode != rc:
        print(f"exit {p.returncode} (expected {rc}): {' '.join(args)}\n{p.stderr}", file=sys.stderr)
        sys.exit(1)
    return p


def table(text):
    return list(csv.DictReader(io.StringIO(text)))


def load(name):
    with open(os.path.join(SAMPLE, name), encoding="utf-8") as f:
        return json.load(f)


def write_json(name, rows):
    path = os.path.join(WORK, name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(rows, f, ensure_ascii=False)
    return path


shutil.rmtree(WORK, ignore_errors=True)
os.makedirs(WORK)
db = os.path.join(WORK, "county.ck.db")

# 1. The file, and the county's tables.
run("workspace", "init", db, "--county", "示例旗", *STAMP)
check(oct(os.stat(db).st_mode & 0o777) == "0o600", "the workspace is readable by its owner only")
records = load("disclosure_records.json")
run("workspace", "import", db, "disclosure_records", write_json("records.json", records), *STAMP)
tier_req = load("audit_tier.json")
units = write_json("units.json", tier_req["units"])
run("workspace", "import", db, "units", units, "--as-of", tier_req["as_of"], *STAMP)

# 2. Audit: the tiering (each unit's history begins), the plan of 2017–2021.
run("audit", "tier", units, "--as-of", tier_req["as_of"], "--workspace", db, *STAMP)
tiers = run("audit", "tier", units, "--as-of", tier_req["as_of"]).stdout
with open(os.path.join(WORK, "tiers.csv"), "w", encoding="utf-8") as f:
    f.write(tiers)
plan_req = load("audit_plan.json")
run("audit", "plan", os.path.join(WORK, "tiers.csv"), "--first-year", str(plan_req["first_year"]),
    "--last-year", str(plan_req["last_year"]), "--capacity", str(plan_req["capacity"]), "--seed",
    str(plan_req["seed"]), "--terms", write_json("terms.json", plan_req["terms"]), "--workspace", db,
    "--as-of", "2017-01-01", *STAMP)

# 3. Village pay and the selection quota of 2016.
pay = load("village_pay.json")
villages = write_json("villages.json", pay["villages"])
run("village", "pay", "--villages", villages, "--principals", write_json("principals.json", pay["principals"]),
    "--scores", write_json("scores.json", pay["scores"]), "--year", str(pay["year"]), "--workspace", db, *STAMP)
run("village", "select", villages, "--year", "2016", "--as-of", "2016-12-31", "--workspace", db, *STAMP)

# 4. Disclosure: cases opened from the imported records, both rounds posted by `disclosure plan`,
# the complaints of round 1 verified before round 2 (a case's steps are recorded in date order).
rounds = load("disclosure_rounds.json")
ledger = load("ledger.json")
round2 = {c["record_id"]: c["requests"][1]["posted"] for c in rounds}
early = [a for a in ledger["actions"] if a["case_kind"] == "disclosure" and a["date"] < round2[a["case_id"]]]
opened = [{"case_kind": "disclosure", "case_id": r["id"], "op": "open", "date": r["reference_date"], "actor": "组织部"}
          for r in records]
run("workspace", "apply", db, write_json("open.json", opened), *STAMP)
for n in (1, 2):
    if n == 2:
        run("workspace", "apply", db, write_json("round1_complaints.json", early), *STAMP)
    cands = [{"id": c["record_id"], "round": n, "rank": c["requests"][n - 1]["rank"],
              "posted": c["requests"][n - 1]["posted"], "actor": "组织部"} for c in rounds]
    run("disclosure", "plan", write_json(f"round{n}.json", cands), "--workspace", db, *STAMP)

# 5. Disposal cases step by step (one step with `record`, the rest as a table).
steps = []
for c in load("assessment_cases.json"):
    first = next(a["date"] for a in c["actions"] if "date" in a)
    for a in c["actions"]:
        row = {k: v for k, v in a.items() if k not in ("op", "case_id")}
        row.update(case_kind="disposal", case_id=c["case_id"], op=a["op"], date=a.get("date", first))
        steps.append(row)
head, rest = steps[0], steps[1:]
run("workspace", "record", db, "disposal", head["case_id"], "open", "--date", head["date"],
    f"cadre_id={head['cadre_id']}", *STAMP)
run("workspace", "apply", db, write_json("disposal.json", rest), *STAMP)

# 6. The steps after the decisions: follow-ups, the later complaints, special funds.
later = [a for a in ledger["actions"] if a not in early]
run("workspace", "apply", db, write_json("ledger.json", later), *STAMP)
as_of = ledger["as_of"]

# --- every query answers from the file ---------------------------------------------------------
status = table(run("workspace", "status", db, "--as-of", as_of, "--all").stdout)
kinds = {}
for s in status:
    kinds[s["case_kind"]] = kinds.get(s["case_kind"], 0) + 1
check(kinds == {"disposal": 5, "disclosure": 12, "tier": 67, "audit_plan": 1, "village_pay": 1, "selection": 1},
      f"every case is there: {kinds}")
disposal = {s["case_id"]: s for s in status if s["case_kind"] == "disposal"}
check(disposal["D2017-04"]["stage"] == "closed_no_action" and disposal["D2017-04"]["open"] == "false",
      "the case closed without action")
check(disposal["D2017-01"]["stage"] == "filing" and disposal["D2017-01"]["open"] == "true",
      "a filed case stays open while it is followed up")
check(sum(1 for s in status if s["case_kind"] == "disclosure" and s["stage"] == "cleared") == 11,
      "eleven disclosures cleared, one with a complaint being verified")
late = next(s for s in status if s["case_kind"] == "disclosure" and s["stage"] == "complaint")
check("assigned" in late["detail"], "the late complaint is with the verification team")
counts = table(run("workspace", "status", db, "--as-of", "2017-01-20", "--counts").stdout)
check({(c["case_kind"], c["stage"]): c["cases"] for c in counts if c["case_kind"] == "disposal"} ==
      {("disposal", "investigation"): "1"}, f"disposal stages on 2017-01-20: {counts}")

due = table(run("workspace", "due", db, "--as-of", as_of).stdout)
overdue_talks = [d for d in due if d["what"] in ("monthly_talk", "quarterly_visit") and d["state"] == "overdue"]
check(len(overdue_talks) >= 1, "the missed follow-ups are overdue")
check(all(d["case_id"] != "D2017-02" or d["due"] <= "2017-05-20" for d in due), "no follow-up after it ended")
check(any(d["what"] == "planned_audit" and d["state"] == "due" and d["due"] == "2017-12-31" for d in due),
      "the plan's 2017 audits are due this year")
check(any(d["what"] == "complaint" and d["state"] == "open" for d in due), "the open complaint is listed")
check(any(d["what"] == "admonishment_talk" for d in due), "the pay sheet's actions are listed")
within = table(run("workspace", "due", db, "--as-of", as_of, "--within", "31", "--format", "csv").stdout)
check(len(within) > len(due), "--within adds what falls due next month")

hist = json.loads(run("workspace", "history", db, "D2017-01", "--format", "json").stdout)
check([h["op"] for h in hist][:7] == ["open", "advance", "advance", "advance", "decide", "advance", "advance"],
      "the case's log in order")
check(hist[0]["command"] == "record" and hist[1]["command"] == "apply", "each event names its command")
tier_hist = json.loads(run("workspace", "history", db, "U001", "--format", "json", "--explain").stdout)
check(tier_hist[0]["op"] == "start" and "HOLINGOL.1" in json.dumps(tier_hist[0]["explanation"]),
      "the tiering's explanation is kept")

# --- ID numbers: stored as given, never shown unmasked but on request --------------------------
idn = records[0]["citizen_id"]
events = run("workspace", "export", db, "events").stdout
check(idn not in events and (idn[:6] + "********" + idn[-4:]) in events, "an export masks ID numbers")
check(idn in run("workspace", "export", db, "events", "--reveal-id-numbers").stdout, "unless asked not to")
check(idn not in run("workspace", "history", db, records[0]["id"]).stdout, "history masks them")
check(idn not in run("workspace", "export", db, "table", "disclosure_records").stdout, "tables mask them")
run("workspace", "check", db)

# --- refusals: one line on stderr each, nothing written ----------------------------------------
before = run("workspace", "export", db, "events").stdout
skip = [{"case_kind": "disposal", "case_id": "D2017-03", "op": "advance", "date": "2017-07-01", "stage": "motion",
         "actor": "组织部"}]
p = run("workspace", "apply", db, write_json("skip.json", skip), *STAMP, rc=5)
check(p.stderr.startswith("cadrekit: state:") and p.stderr.count("\n") == 1, f"a refused step: {p.stderr}")
check(run("workspace", "export", db, "events").stdout == before, "a refused command writes nothing")
p = run("audit", "tier", units, "--as-of", "2018-01-01", "--workspace", db, "--policy",
        os.path.join(SRC, "data", "policies", "examples", "sample-county.yaml"), rc=2)
check("--policy" in p.stderr, "--policy beside --workspace is refused")
p = run("workspace", "init", db, *STAMP, rc=2)
check("exists" in p.stderr, "a second init is refused")
with open(os.path.join(WORK, "notes.txt"), "w", encoding="utf-8") as f:
    f.write("示例旗,2016\n")
p = run("workspace", "status", os.path.join(WORK, "notes.txt"), "--as-of", as_of, rc=2)
check("not a cadrekit workspace" in p.stderr and p.stderr.count("\n") == 1, f"not a workspace: {p.stderr}")
bad_id = [{"case_kind": "disposal", "case_id": idn, "op": "open", "date": "2017-07-01", "cadre_id": "C1"}]
p = run("workspace", "apply", db, write_json("bad_id.json", bad_id), *STAMP, rc=2)
check(idn not in p.stderr, "an ID number never appears in a message")

if failures:
    sys.exit(f"{len(failures)} checks failed")
print(f"a year of the sample county through {db}: {len(status)} cases, every query answered")
