#!/usr/bin/env python3
"""Runs `cadrekit demo --out DIR` and checks its outputs against the source's figures, each
recomputed here from data/sample and the source's numbers, independently of the report code:
  - 67 units tiered 20 / 28 / 19 (HOLINGOL.1; band points and factor weights of the default
    profile, as in tests/golden/audit_tier_cases.csv), unit by unit;
  - 206 villages; selection quota ⌈5 % × 206⌉ = 11 (JARUD.2), allocated in full to townships;
  - pay totals: the township and banner totals are the sums of the principals' lines;
  - disclosure: every candidate's record valid; the National Day window of the golden cases;
  - red lines: every leader near the bottom (bottom 10 %, at least one place) of the annual
    assessment in the latest two years is reported, and no other annual_bottom;
  - talent: each unit's three leaders (the cadres with a `team`) as a team; its counts of young
    (35 or younger, 周岁, on the as-of date), women, minority and non-party members recomputed
    from cadres.json, and its gaps against the targets 1 / 1 / 1 / 0 of the default profile
    (HURE.5, assumed); the three pools recomputed from cadres.json and the annual ratings of
    assessment_screen.json (HURE.1): the first echelon (section-level, 35 or younger), the second
    (civil servants of 35 or younger and selected graduates rated excellent the year before,
    not in the first: the echelons do not overlap), the 女少非 pool (woman, minority or
    non-party; the last two years at least competent with one excellent), each near the source's
    68 / 110 / 50;
  - report.html: the table of the source's figures beside the county's, and the assumed
    parameters that decided a result;
  - report.html: self-contained (no external resource), its SVG charts present, text escaped.
Usage: check_demo.py CADREKIT_BINARY SOURCE_DIR WORK_DIR
"""
import csv
import datetime as dt
import json
import math
import os
import re
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from decimal import Decimal
from fractions import Fraction

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def expected_level(u):
    """HOLINGOL.1 under the default profile, by hand (see tests/golden/audit_tier_cases.csv)."""
    budget = Decimal(u["budget"])
    band = 4 if budget >= 5_000_000 else 2 if budget >= 3_000_000 else 0
    weights = {"admin_fees": 1, "special_funds": 1, "economic_power": 1, "allocation_power": 1, "attention": 1,
               "complaints": 4, "high_risk_sector": 4, "special_need": 4, "window_unit": 2}
    score = band + sum(w * int(u.get(f, 0)) for f, w in weights.items())
    return "1" if score >= 4 else "2" if score >= 2 else "3"


def main():
    binary, src, work = sys.argv[1:4]
    out = os.path.join(work, "out")
    shutil.rmtree(out, ignore_errors=True)
    p = subprocess.run([binary, "demo", "--out", out], capture_output=True, text=True)
    if p.returncode != 0:
        print(p.stdout, p.stderr)
        sys.exit(f"cadrekit demo exited with {p.returncode}")
    sample = os.path.join(src, "data", "sample")
    for name in ("report.html", "summary.json", "audit_tiers.csv", "audit_tiers.json", "audit_plan.csv",
                 "audit_plan.json", "village_pay.csv", "village_pay.json", "village_villages.csv",
                 "village_townships.csv", "village_selection.json", "disclosure_rounds.csv", "disclosure.json",
                 "assessment_red_lines.csv", "assessment_red_lines.json", "assessment_cases.csv",
                 "assessment_follow_ups.csv", "assessment_cases.json"):
        check(os.path.isfile(os.path.join(out, name)), f"missing output {name}")
    if failures:
        return

    # Audit: 67 units, 20 / 28 / 19, each unit's level recomputed.
    with open(os.path.join(sample, "audit_tier.json"), encoding="utf-8") as f:
        units = {u["unit_id"]: u for u in json.load(f)["units"]}
    tiers = rows(os.path.join(out, "audit_tiers.csv"))
    check(len(tiers) == 67, f"67 units expected, got {len(tiers)}")
    count = Counter(r["level"] for r in tiers)
    check(count == Counter({"1": 20, "2": 28, "3": 19}), f"tiers 20/28/19 expected, got {dict(count)}")
    for r in tiers:
        check(r["level"] == expected_level(units[r["unit_id"]]), f"unit {r['unit_id']}: level {r['level']}")
    plan = rows(os.path.join(out, "audit_plan.csv"))
    years = defaultdict(set)
    for a in plan:
        years[a["unit_id"]].add(int(a["year"]))
    level1 = [r["unit_id"] for r in tiers if r["level"] == "1"]
    for y in range(2017, 2022):  # HOLINGOL.2: at least 35 % of level-1 units a year: ⌈0.35·20⌉ = 7
        n = sum(1 for u in level1 if y in years[u])
        check(n >= math.ceil(Fraction(35, 100) * 20), f"{y}: only {n} level-1 audits")

    # Village: 206 villages, quota 11, pay totals add up.
    check(len(rows(os.path.join(out, "village_villages.csv"))) == 206, "206 villages expected")
    towns = rows(os.path.join(out, "village_townships.csv"))
    check(sum(int(t["villages"]) for t in towns) == 206, "township villages must add to 206")
    quota = math.ceil(Fraction(5, 100) * 206)
    check(quota == 11, "the source's quota is 11")
    with open(os.path.join(out, "village_selection.json"), encoding="utf-8") as f:
        sel = json.load(f)
    check(sel["quota"]["quota"] == quota, f"quota {sel['quota']['quota']}, expected {quota}")
    check(sum(int(t["selection_places"]) for t in towns) == quota, "places must add up to the quota")
    check(sel["funnel"]["initial"] == 3 * quota and sel["funnel"]["prospective"] == 2 * quota
          and sel["funnel"]["formal"] == math.ceil(Fraction(12, 10) * quota), "funnel 1:3, 1:2, +20 %")
    lines = rows(os.path.join(out, "village_pay.csv"))
    by_town = defaultdict(Decimal)
    for l in lines:
        check(Decimal(l["base"]) + Decimal(l["performance"]) + Decimal(l["public_institution"]) == Decimal(l["total"]),
              f"line {l['cadre_id']}")
        by_town[l["township"]] += Decimal(l["total"])
    for t in towns:
        check(by_town[t["township"]] == Decimal(t["total"]), f"township {t['township']} total")
    with open(os.path.join(out, "summary.json"), encoding="utf-8") as f:
        summary = json.load(f)
    check(Decimal(summary["pay_total"]) == sum(by_town.values()), "banner total")
    # The holders named on the pay sheet get the public-institution pay on their lines (in
    # addition, by default: village.selection.pay_mode), and the budget agrees with the sheet.
    with open(os.path.join(sample, "village_pay.json"), encoding="utf-8") as f:
        holders = set(json.load(f)["holders"])
    with open(os.path.join(out, "village_pay.json"), encoding="utf-8") as f:
        pay = json.load(f)
    check({l["cadre_id"] for l in lines if Decimal(l["public_institution"]) > 0} == holders, "holders' lines")
    check(Decimal(pay["budget"]["public_institution"]) == sum(Decimal(l["public_institution"]) for l in lines),
          "budget public-institution pay = the holders' lines")
    check(Decimal(pay["budget"]["public_institution"]) == 24000 * len(holders), "24,000 a holder for the whole year")
    check(summary["villages"] == 206 and summary["selection_quota"] == 11 and summary["units"] == 67,
          "summary figures")

    # Disclosure: all 12 records valid; 2016-09-30 round 1 of a 副科 candidate ends 2016-10-11.
    rounds = rows(os.path.join(out, "disclosure_rounds.csv"))
    check(len({r["record_id"] for r in rounds}) == 12, "12 candidates")
    check(all(r["problems"] == "0" for r in rounds), "every sample record must be valid")
    nd = [r for r in rounds if r["posted"] == "2016-09-30" and r["round"] == "1"]
    check(len(nd) == 1 and nd[0]["last_day"] == "2016-10-11", "National Day window 2016-09-30 .. 2016-10-11")

    # Assessment: annual_bottom recomputed from the sample's ranks.
    with open(os.path.join(sample, "assessment_screen.json"), encoding="utf-8") as f:
        recs = json.load(f)["records"]
    bottom = defaultdict(dict)
    for r in recs:
        if r["kind"] == "annual" and r["rank"] > 0:  # unranked annual records carry ratings only
            places = max(1, math.ceil(Fraction(10, 100) * r["group_size"]))
            bottom[r["cadre_id"]][int(r["period"])] = r["rank"] > r["group_size"] - places
    expect = {c for c, y in bottom.items() if y.get(2015) and y.get(2016)}
    hits = rows(os.path.join(out, "assessment_red_lines.csv"))
    got = {h["cadre_id"] for h in hits if h["rule_id"] == "annual_bottom"}
    check(len(expect) >= 3 and got == expect, f"annual_bottom: expected {sorted(expect)}, got {sorted(got)}")
    check(any(h["rule_id"] == "key_work_bottom" for h in hits), "the planted key-work red line")
    check(any(h["rule_id"] == "party_conduct_fail" for h in hits), "the planted party-conduct red line")
    cases = rows(os.path.join(out, "assessment_cases.csv"))
    check(len(cases) == 5, "5 disposal cases")
    due = rows(os.path.join(out, "assessment_follow_ups.csv"))
    check(len(due) > 0 and all(re.fullmatch(r"\d{4}-\d\d-\d\d", d["due"]) for d in due), "follow-up due dates")

    # The report: self-contained, charts present, the figures shown, text escaped.
    with open(os.path.join(out, "report.html"), encoding="utf-8") as f:
        html = f.read()
    check(html.count("<svg") >= 7, f"at least 7 SVG charts expected, got {html.count('<svg')}")
    external = re.findall(r"(?:src|href)\s*=\s*\"(?!#)[^\"]*\"", html) + re.findall(r"url\(", html)
    check(not external, f"external resources: {external[:3]}")
    check(re.sub(r"xmlns=\"http://www\.w3\.org/2000/svg\"", "", html).count("http") == 0, "no URL in the page")
    check("<script src" not in html, "no external script")
    for fig in ("20", "28", "19", "206", "11"):
        check(re.search(r">%s<" % fig, html) is not None, f"figure {fig} not shown")
    check(html.count('class="num" title="') >= 50, "numbers carry their explanation")
    check('id="talent-placeholder"' not in html and 'id="talent"' in html, "the talent section is filled")

    # Talent: each unit's leaders are a team; counts and gaps recomputed from cadres.json.
    import datetime as _dt
    with open(os.path.join(src, "data", "sample", "cadres.json"), encoding="utf-8") as f:
        cadres = json.load(f)
    with open(os.path.join(src, "data", "sample", "county.json"), encoding="utf-8") as f:
        as_of = _dt.date.fromisoformat(json.load(f)["as_of"])

    def age(born):
        b = _dt.date.fromisoformat(born)
        return as_of.year - b.year - ((as_of.month, as_of.day) < (b.month, b.day))

    want = defaultdict(lambda: Counter())
    for c in cadres:
        if not c.get("team"):
            continue  # staff: in the pools, not in a unit's leadership team
        t = want[c["team"]]
        t["size"] += 1
        t["young"] += age(c["birth_date"]) <= 35
        t["women"] += c["sex"] == "2"
        t["minority"] += c["ethnicity"] != "01"
        t["non_party"] += c["political_status"] not in ("01", "02")
    targets = {"young": 1, "women": 1, "minority": 1, "non_party": 0}
    teams = {r["team_id"]: r for r in rows(os.path.join(out, "talent_teams.csv"))}
    check(set(teams) == set(want), "one team per unit")
    for unit, t in want.items():
        r = teams.get(unit)
        if r is None:
            continue
        for k in ("size", "young", "women", "minority", "non_party"):
            check(int(r[k]) == t[k], f"team {unit}: {k} {r[k]}, expected {t[k]}")
        gaps = [k for k in ("young", "women", "minority", "non_party") if t[k] < targets[k]]
        check(r["gaps"] == ";".join(gaps), f"team {unit}: gaps {r['gaps']!r}, expected {';'.join(gaps)!r}")
    pools = rows(os.path.join(out, "talent_pools.csv"))
    e1 = {p["cadre_id"] for p in pools if p["pool"] == "echelon1" and p["status"] == "member"}
    want_e1 = {c["id"] for c in cadres if c["rank"] in ("fu_ke", "zheng_ke") and age(c["birth_date"]) <= 35}
    ex1 = {p["cadre_id"] for p in pools if p["pool"] == "echelon1" and p["status"] == "excluded"}
    check(e1 | ex1 == want_e1 and not e1 & ex1,
          "echelon 1: every section-level cadre of 35 or younger, member or excluded by supervision")
    check(all(p["status"] in ("member", "near_miss", "excluded") for p in pools), "pool statuses")

    # The pools recomputed (HURE.1), and near the source's 68 / 110 / 50.
    ratings = defaultdict(dict)
    for r in recs:
        if r["kind"] == "annual":
            ratings[r["cadre_id"]][int(r["period"])] = r.get("rating")
    last = as_of.year - 1

    def status(pool, kind=None):
        return {p["cadre_id"] for p in pools if p["pool"] == pool and p["status"] == (kind or "member")}

    def excluded(pool, how):
        return {p["cadre_id"] for p in pools if p["pool"] == pool and p["status"] == "excluded" and p["kind"] in how}

    supervision = ("red_line", "open_disposal_case")
    want_e2 = {c["id"] for c in cadres
               if (c["civil_servant"] and age(c["birth_date"]) <= 35)
               or (c["selected_graduate"] and ratings[c["id"]].get(last) == "excellent")}
    e1_all = e1 | ex1
    e2 = status("echelon2")
    check(not e1 & e2, "the echelons do not overlap")
    check(e2 | excluded("echelon2", supervision) == want_e2 - e1_all,
          "echelon 2: civil servants of 35 or younger and excellent selected graduates, not in echelon 1")
    check(excluded("echelon2", ("in_echelon1",)) == (want_e2 & e1),
          "echelon 2 lists the first echelon's members who meet its criteria as in_echelon1")
    group = lambda c: c["sex"] == "2" or c["ethnicity"] != "01" or c["political_status"] not in ("01", "02")
    years = (last - 1, last)
    want_nsf = {c["id"] for c in cadres if group(c)
                and all(ratings[c["id"]].get(y) in ("excellent", "competent") for y in years)
                and any(ratings[c["id"]].get(y) == "excellent" for y in years)}
    check(status("nvshaofei") | excluded("nvshaofei", supervision) == want_nsf,
          "女少非: the group, the last two years at least competent, one excellent")
    sizes = {"echelon1": len(e1), "echelon2": len(e2), "nvshaofei": len(status("nvshaofei"))}
    for pool, source in (("echelon1", 68), ("echelon2", 110), ("nvshaofei", 50)):
        check(abs(sizes[pool] - source) <= source * 15 // 100,
              f"{pool}: {sizes[pool]} members, not near the source's {source}")
    check(summary["pool_sizes"] == sizes, f"summary pool sizes {summary['pool_sizes']} != {sizes}")

    # The report's table of the source's figures and its list of assumptions.
    check('id="figures"' in html and 'id="assumed"' in html, "the figures and assumptions sections")
    for figure in ("20 / 28 / 19", ">68<", ">110<", ">50<", ">135<", ">78<", ">42<", ">23<"):
        check(figure in html, f"source figure {figure} not in the report's table")
    check(html.count("<code>village.") + html.count("<code>audit.") >= 10, "assumed parameters listed")
    # every unit name from the data appears escaped (none contains markup, but & and quotes would be)
    for u in units.values():
        name = u["name"].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        check(name in html, f"unit name of {u['unit_id']} not in the report")
    check_ledger(out, sample, html)


def add_months(d, n):
    y, m = divmod(d.month - 1 + n, 12)
    y, m = d.year + y, m + 1
    last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(y, m, min(d.day, last))


def check_ledger(out, sample, html):
    """The year through the workspace (docs/workspace.md): the file, readable by its owner only and
    sound, and the overdue follow-ups recomputed here from the cases and data/sample/ledger.json
    (HORQIN.6: a talk every month, a visit every quarter after the decision; an item is answered
    by a talk or visit of its kind after the previous one fell due and by its own date)."""
    import sqlite3
    import stat
    db = os.path.join(out, "county.ck.db")
    if not os.path.isfile(db):
        return  # a build without the workspace: no ledger (the report says nothing of it)
    check(stat.S_IMODE(os.stat(db).st_mode) == 0o600, "the workspace is readable by its owner only")
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    check(con.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "the workspace passes integrity_check")
    n_cases = con.execute("SELECT count(*) FROM cases").fetchone()[0]
    con.close()
    with open(os.path.join(sample, "ledger.json"), encoding="utf-8") as f:
        ledger = json.load(f)
    with open(os.path.join(sample, "assessment_cases.json"), encoding="utf-8") as f:
        cases = json.load(f)
    with open(os.path.join(sample, "audit_tier.json"), encoding="utf-8") as f:
        n_units = len(json.load(f)["units"])
    with open(os.path.join(sample, "disclosure_records.json"), encoding="utf-8") as f:
        n_records = len(json.load(f))
    # One case a unit's tiering, the plan, the pay sheet, the selection, each candidate, each
    # disposal case.
    want_cases = n_units + 3 + n_records + len(cases)
    check(n_cases == want_cases, f"{n_cases} cases in the workspace, expected {want_cases}")
    as_of = dt.date.fromisoformat(ledger["as_of"])
    want = set()
    for c in cases:
        if "follow_up" not in c:
            continue
        decision = dt.date.fromisoformat(c["follow_up"]["decision_date"])
        steps = [a for a in ledger["actions"] if a["case_id"] == c["case_id"]]
        ended = next((dt.date.fromisoformat(a["date"]) for a in steps if a["op"] == "follow_up_end"), None)
        for kind, months in (("monthly_talk", 1), ("quarterly_visit", 3)):
            held = [dt.date.fromisoformat(a["date"]) for a in steps if a["op"] == "follow_up" and a["kind"] == kind]
            prev, k = decision, 1
            while True:
                due = add_months(decision, k * months)
                if due >= as_of or (ended and due > ended):
                    break
                if not any(prev < h <= due for h in held):
                    want.add((c["case_id"], kind, due.isoformat()))
                prev, k = due, k + 1
    got = {(r["case_id"], r["what"], r["due"]) for r in rows(os.path.join(out, "ledger_due.csv"))
           if r["state"] == "overdue" and r["what"] in ("monthly_talk", "quarterly_visit")}
    check(got == want and want, f"overdue follow-ups {sorted(got)}, expected {sorted(want)}")
    check('id="ledger"' in html and "逾期" in html, "the report shows the ledger")


if __name__ == "__main__":
    main()
    if failures:
        print("FAILED:\n  " + "\n  ".join(failures))
        sys.exit(1)
    print("demo outputs: all checks passed")
