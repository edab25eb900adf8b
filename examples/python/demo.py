"""An example of the Python surface (run by scripts/run-examples): cadrekit on the source's own figures (Tongliao, 2016).

The foundation (policy profile with clauses and assumed flags, exact quotas, the official
working-day calendar, money in fen, citizen IDs, explanations) and the reform modules on a small
synthetic county: Holingol's 67 units planned for audit over 2017–2021, a township's village pay
sheet, a disclosure round, and red-line screening. No real person's data.
Usage: demo.py [--lang zh|en]
"""
import argparse
import datetime as dt
from decimal import Decimal
from fractions import Fraction
from typing import Dict, List

import cadrekit

AS_OF = dt.date(2016, 9, 22)  # the date of the source report; nothing reads the clock


def share_param(policy: cadrekit.Policy, name: str) -> Fraction:
    """A share parameter (its unit is a share: a fractions.Fraction)."""
    v = policy.value(name, AS_OF)
    assert isinstance(v, Fraction), name
    return v


def line(title: str) -> None:
    print(f"\n== {title}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", choices=["zh", "en"], default="zh")
    args = ap.parse_args()

    policy = cadrekit.Policy.default()
    cal = cadrekit.WorkCalendar.china()
    print(f"cadrekit {cadrekit.__version__} · profile {policy.name} · as of {AS_OF}")

    line("HOLINGOL.2 — audits due this year (67 section-level units: 20 / 28 / 19 by tier)")
    for tier, count in (("level1", 20), ("level2", 28)):
        name = f"audit.{tier}.min_share_per_year"
        share = policy.value(name, AS_OF)
        p = policy.lookup(name, AS_OF)
        print(f"  {tier}: at least {p['value']} of {count} units -> "
              f"{cadrekit.at_least_share(count, share)} audits   [{p['clause']}, since {p['effective_from']}]")

    line("JARUD.2 — village heads selected for public-institution pay (206 villages)")
    places = cadrekit.at_least_share(206, policy.value("village.selection.min_share_per_year", AS_OF))
    initial = places * int(1 / share_param(policy, "village.selection.initial_ratio"))
    prospective = places * int(1 / share_param(policy, "village.selection.prospective_ratio"))
    formal = cadrekit.at_least_share(places, 1 + share_param(policy, "village.selection.formal_extra_share"))
    print(f"  places {places}; initial candidates (1:3) {initial}; prospective (1:2) {prospective}; "
          f"formal (+20 %) {formal}")

    line("JARUD.1 — performance pay by grade")
    for grade in ("excellent", "basic", "unqualified"):
        p = policy.lookup(f"village.performance_pay.{grade}", AS_OF)
        amount = policy.value(f"village.performance_pay.{grade}", AS_OF)
        assert isinstance(amount, Decimal)  # money: a decimal.Decimal in yuan
        flag = "  (assumed: the source gives no number)" if p["assumed"] else ""
        print(f"  {grade:12} {cadrekit.format_money(amount):>12}{flag}")

    line("KAILU.2 — disclosure windows on the official calendar")
    n1 = int(policy.value("disclosure.round1.window_working_days", AS_OF))
    for posted in (dt.date(2016, 9, 22), dt.date(2016, 9, 30), dt.date(2016, 10, 3)):
        first, last = cal.window(posted, n1)
        print(f"  posted {posted} ({posted:%a}): {n1} working days {first} .. {last}")

    line("People — a fictitious Tongliao ID number issued before 1999 (1523…)")
    body = "15232519800229123"
    number = body + cadrekit.citizen_id_check_char(body)
    info = cadrekit.parse_citizen_id(number)
    print(f"  valid: {cadrekit.is_valid_citizen_id(number)}; born {info.birth_date}; sex {info.sex}")

    line("HOLINGOL.2 — a five-year audit plan for 67 units (20 / 28 / 19), 14 audits a year")
    units = ([{"unit_id": f"L1-{i:02d}", "level": 1} for i in range(20)]
             + [{"unit_id": f"L2-{i:02d}", "level": 2} for i in range(28)]
             + [{"unit_id": f"L3-{i:02d}", "level": 3} for i in range(19)])
    plan = cadrekit.audit.plan(units, [], [], 2017, 2021, 14, 2016, policy=policy)
    per_year: Dict[int, List[str]] = {}
    for r in plan.to_records():
        per_year.setdefault(r["year"], []).append(r["unit_id"][:2])
    for year in sorted(per_year):
        got = per_year[year]
        print(f"  {year}: level 1 x{got.count('L1')}, level 2 x{got.count('L2')}, level 3 x{got.count('L3')}")
    print(f"  feasible: {plan.feasible}; least yearly capacity: {plan.min_capacity}; draw seed {plan.seed}")
    short = cadrekit.audit.plan(units, [], [], 2017, 2021, 13, 2016, policy=policy)
    print(f"  with 13 a year: feasible {short.feasible}, {len(short.shortfall)} obligations fail")

    line("JARUD.1 — a township's pay sheet for 2016")
    villages = [{"village_id": f"V{i}", "name": f"{'一二三四五'[i - 1]}村", "township": "T1", "population": p}
                for i, p in zip(range(1, 6), (800, 1500, 2500, 1000, 1999))]
    principals = [{"cadre_id": f"P{i}", "name": f"村干部{i}", "village_id": f"V{i}", "post": "both",
                   "served_from": dt.date(2010, 1, 1), "served_to": None} for i in range(1, 6)]
    scores = [{"village_id": f"V{i}", "period": period, "score": str(s)}
              for i, q, a in zip(range(1, 6), (90, 83, 80, 70, 60), (95, 90, 80, 75, 60))
              for period, s in [(f"2016Q{k}", q) for k in range(1, 5)] + [("2016", a)]]
    sheet = cadrekit.village.pay_sheet(villages, principals, scores, 2016, policy=policy)
    for r in sheet.to_records():
        actions = "; ".join(f"{a['kind']} by {a['due']}" for a in r["actions"])
        print(f"  {r['cadre_id']} {r['village_id']}: base {r['base']:>8} + performance {r['performance']:>8}"
              f" = {r['total']:>9}  {r['team_grade_zh']}/{r['grade_zh']} {actions}")

    line("KAILU.2 — round 1 for a 正科 candidate posted on 2016-09-30")
    r1 = cadrekit.disclosure.plan_round(1, "正科", dt.date(2016, 9, 30), policy=policy)
    print(f"  venues: {', '.join(r1['venues'])}; window {r1['first_day']} .. {r1['last_day']}")

    line("HORQIN.3 — red lines: near the bottom of the annual assessment two years running")
    records = [{"cadre_id": "C1", "unit_id": "U1", "domain": "township", "kind": "annual",
                "period": str(y), "rank": 10, "group_size": 10} for y in (2014, 2015)]
    records += [{"cadre_id": "C2", "unit_id": "U1", "domain": "township", "kind": "annual",
                 "period": str(y), "rank": r, "group_size": 10} for y, r in ((2014, 10), (2015, 3))]
    for hit in cadrekit.assessment.screen(records, as_of=dt.date(2016, 12, 31), policy=policy):
        print(f"  {hit['cadre_id']}: {hit['rule_id']} ({hit['clause']}) periods {hit['periods']} -> {hit['suggestion']}")

    line("An explanation (what a module attaches to each decision)")
    ex = cadrekit.Explanation(subject="village V001")
    ex.add_rule(cadrekit.RuleFired(
        rule_id="village.performance_pay.by_grade", clause="JARUD.1",
        message_zh="年度考核等次为优秀，发放绩效工资", message_en="graded excellent: performance pay is due"))
    for name in ("village.performance_pay.excellent", "village.grade.outstanding_share"):
        p = policy.lookup(name, AS_OF)
        ex.add_parameter(cadrekit.ParamUsed(
            name=p["name"], value=p["value"], unit=p["unit"], effective_from=p["effective_from"],
            assumed=p["assumed"], clause=p["clause"]))
    print(ex.to_text(args.lang))
    print(f"  uses an assumed value: {ex.uses_assumed}")


if __name__ == "__main__":
    main()
