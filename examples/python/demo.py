"""The demo of ./scripts/demo: cadrekit's core on the source's own figures (Tongliao, 2016).

Until the reform modules land, this shows the foundation every module stands on: the policy
profile (every number with its clause and whether it is assumed), exact quotas, the official
working-day calendar, money in fen, citizen ID checks — and the explanation of a decision.
Usage: demo.py [--lang zh|en]
"""
import argparse
import datetime as dt

import cadrekit

AS_OF = dt.date(2016, 9, 22)  # the date of the source report; nothing reads the clock


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
    for tier, units in (("level1", 20), ("level2", 28)):
        name = f"audit.{tier}.min_share_per_year"
        share = policy.value(name, AS_OF)
        p = policy.lookup(name, AS_OF)
        print(f"  {tier}: at least {p['value']} of {units} units -> "
              f"{cadrekit.at_least_share(units, share)} audits   [{p['clause']}, since {p['effective_from']}]")

    line("JARUD.2 — village heads selected for public-institution pay (206 villages)")
    places = cadrekit.at_least_share(206, policy.value("village.selection.min_share_per_year", AS_OF))
    initial = places * int(1 / policy.value("village.selection.initial_ratio", AS_OF))
    prospective = places * int(1 / policy.value("village.selection.prospective_ratio", AS_OF))
    formal = cadrekit.at_least_share(places, 1 + policy.value("village.selection.formal_extra_share", AS_OF))
    print(f"  places {places}; initial candidates (1:3) {initial}; prospective (1:2) {prospective}; "
          f"formal (+20 %) {formal}")

    line("JARUD.1 — performance pay by grade")
    for grade in ("excellent", "basic", "unqualified"):
        p = policy.lookup(f"village.performance_pay.{grade}", AS_OF)
        amount = policy.value(f"village.performance_pay.{grade}", AS_OF)
        flag = "  (assumed: the source gives no number)" if p["assumed"] else ""
        print(f"  {grade:12} {cadrekit.format_money(amount):>12}{flag}")

    line("KAILU.2 — disclosure windows on the official calendar")
    n1 = policy.value("disclosure.round1.window_working_days", AS_OF)
    for posted in (dt.date(2016, 9, 22), dt.date(2016, 9, 30), dt.date(2016, 10, 3)):
        first, last = cal.window(posted, n1)
        print(f"  posted {posted} ({posted:%a}): {n1} working days {first} .. {last}")

    line("People — a fictitious Tongliao ID number issued before 1999 (1523…)")
    body = "15232519800229123"
    number = body + cadrekit.citizen_id_check_char(body)
    info = cadrekit.parse_citizen_id(number)
    print(f"  valid: {cadrekit.is_valid_citizen_id(number)}; born {info.birth_date}; sex {info.sex}")

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
