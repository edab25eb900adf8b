// Follow-up of cadres moved down (HORQIN.6): schedule, ledger, reappointment.
#include <algorithm>
#include <string>

#include "cadrekit/assessment.hpp"
#include "cadrekit/core/errors.hpp"

namespace cadrekit::assessment {

namespace {
std::int64_t interval(const Policy &p, const char *name, Date on, Explanation *ex) {
  std::int64_t n = p.integer(name, on, ex);
  if (n < 1) throw PolicyError("a follow-up interval must be at least one month", name, p.name());
  return n;
}
}  // namespace

std::vector<FollowUpDue> follow_up_schedule(Date decision_date, Date until, const Policy &policy,
                                            Explanation *ex) {
  if (decision_date.is_special()) throw InvalidInput("decision_date is not a date", "decision_date");
  if (until.is_special()) throw InvalidInput("until is not a date", "until");
  if (until < decision_date) throw InvalidInput("until is before the decision date", "until");
  const std::int64_t talk = interval(policy, "followup.talk_interval_months", decision_date, ex);
  const std::int64_t visit = interval(policy, "followup.visit_interval_months", decision_date, ex);
  // rolling: due every N months from the decision; calendar: once in each calendar period of N
  // months (months, quarters: periods aligned to January), due on the period's last day, from
  // the first period that begins after the decision.
  const std::string mode = policy.text("followup.schedule", decision_date, ex);
  if (mode != "rolling" && mode != "calendar")
    throw PolicyError("followup.schedule must be rolling or calendar", "followup.schedule", policy.name());
  const bool calendar = mode == "calendar";
  if (calendar && (12 % talk != 0 || 12 % visit != 0))
    throw PolicyError("calendar periods need an interval that divides 12 months", "followup.schedule",
                      policy.name());
  auto due_dates = [&](std::int64_t every, FollowUpKind kind, std::vector<FollowUpDue> &out) {
    if (!calendar) {
      for (std::int64_t k = 1;; ++k) {
        Date d = add_months(decision_date, k * every);
        if (d > until) break;
        out.push_back({d, kind});
      }
      return;
    }
    // the first period beginning after the decision date
    const std::int64_t month0 = static_cast<std::int64_t>(decision_date.year()) * 12 + (decision_date.month() - 1);
    std::int64_t start = (month0 / every + 1) * every;  // months since year 0, aligned to January
    for (;; start += every) {
      const Date first(static_cast<unsigned short>(start / 12), static_cast<unsigned short>(start % 12 + 1), 1);
      const Date last = add_months(first, every) - boost::gregorian::days(1);
      if (last > until) break;
      out.push_back({last, kind});
    }
  };
  std::vector<FollowUpDue> out;
  due_dates(talk, FollowUpKind::monthly_talk, out);
  due_dates(visit, FollowUpKind::quarterly_visit, out);
  std::stable_sort(out.begin(), out.end(), [](const FollowUpDue &a, const FollowUpDue &b) {
    return a.date != b.date ? a.date < b.date : a.kind < b.kind;
  });
  if (ex) {
    if (calendar)
      ex->add_rule({"assessment.followup.schedule", "HORQIN.6",
                    "按自然期间（假设参数followup.schedule）：决定后每" + std::to_string(talk) + "个自然月谈心一次、每" +
                        std::to_string(visit) + "个自然月回访一次，期末到期，至" + to_iso(until) + "共" +
                        std::to_string(out.size()) + "次",
                    "by calendar periods (the assumed followup.schedule): after the decision a talk in every " +
                        std::to_string(talk) + " calendar month(s) and a visit in every " + std::to_string(visit) +
                        ", due on the period's last day: " + std::to_string(out.size()) + " due until " + to_iso(until)});
    else
      ex->add_rule({"assessment.followup.schedule", "HORQIN.6",
                    "自决定之日起滚动计月（假设参数followup.schedule）：每" + std::to_string(talk) + "个月谈心一次、每" +
                        std::to_string(visit) + "个月回访一次，至" + to_iso(until) + "共" + std::to_string(out.size()) + "次",
                    "rolling from the decision (the assumed followup.schedule): a talk every " + std::to_string(talk) +
                        " month(s) and a visit every " + std::to_string(visit) + " month(s): " +
                        std::to_string(out.size()) + " due until " + to_iso(until)});
    ex->add_input("decision_date", to_iso(decision_date));
    ex->add_input("until", to_iso(until));
  }
  return out;
}

std::vector<FollowUpStatus> follow_up_ledger(Date decision_date, std::span<const FollowUpHeld> held,
                                             Date as_of, const Policy &policy) {
  if (as_of.is_special()) throw InvalidInput("as_of is not a date", "as_of");
  for (std::size_t i = 0; i < held.size(); ++i) {
    std::string rec = "held[" + std::to_string(i) + "]";
    if (held[i].date.is_special()) throw InvalidInput("date is not a date", "date", rec);
    if (held[i].date < decision_date) throw InvalidInput("held before the decision", "date", rec);
    if (static_cast<int>(held[i].kind) > 1) throw InvalidInput("unknown kind", "kind", rec);
  }
  std::vector<FollowUpStatus> out;
  if (as_of < decision_date) return out;
  auto due = follow_up_schedule(decision_date, as_of, policy);
  Date prev[2] = {decision_date, decision_date};
  for (const auto &d : due) {
    FollowUpStatus s{d, std::nullopt, false};
    Date &from = prev[static_cast<int>(d.kind)];
    for (const auto &h : held)
      if (h.kind == d.kind && h.date > from && h.date <= d.date && (!s.held || h.date < *s.held)) s.held = h.date;
    s.overdue = !s.held && d.date < as_of;
    from = d.date;
    out.push_back(s);
  }
  return out;
}

Reappointment reappointment_eligibility(Date moved_on, bool own_reasons,
                                        std::span<const Rating> ratings, Date as_of,
                                        const Policy &policy) {
  if (moved_on.is_special()) throw InvalidInput("moved_on is not a date", "moved_on");
  if (as_of.is_special()) throw InvalidInput("as_of is not a date", "as_of");
  if (as_of < moved_on) throw InvalidInput("as_of is before the move", "as_of");
  for (std::size_t i = 0; i < ratings.size(); ++i)
    if (static_cast<int>(ratings[i]) > 4)
      throw InvalidInput("not an annual rating", "annual_ratings_since", "[" + std::to_string(i) + "]");
  Reappointment r;
  Explanation &ex = r.explanation;
  ex.subject = "reappointment";
  const std::int64_t wait = policy.integer("followup.reappointment_wait_months", as_of, &ex);
  const Rating min = parse_rating(policy.text("followup.reappointment_min_rating", as_of, &ex),
                                  "followup.reappointment_min_rating");
  if (static_cast<int>(min) < 1 || static_cast<int>(min) > 3)
    throw PolicyError("must be excellent, competent or basically_competent",
                      "followup.reappointment_min_rating", policy.name());
  r.early = !own_reasons;
  r.eligible_from = r.early ? moved_on : add_months(moved_on, wait);
  const bool waited = as_of >= r.eligible_from;
  // Ratings order best first: excellent(1) < competent(2) < basically_competent(3) < incompetent(4).
  const bool rated = !ratings.empty() && ratings.back() != Rating::none &&
                     static_cast<int>(ratings.back()) <= static_cast<int>(min);
  r.eligible = waited && rated;
  ex.add_input("moved_on", to_iso(moved_on));
  ex.add_input("own_reasons", own_reasons ? "true" : "false");
  ex.add_input("latest_rating", ratings.empty() ? "none" : rating_name(ratings.back()));
  std::string zh = r.eligible ? "可重新任职" : "暂不可重新任职";
  std::string en = r.eligible ? "eligible for reappointment" : "not yet eligible for reappointment";
  if (r.early) {
    zh += "（非个人原因调整，不受等待期限制）";
    en += " (moved for reasons not their own: no waiting period)";
  } else if (!waited) {
    zh += "（等待期至" + to_iso(r.eligible_from) + "）";
    en += " (waiting period until " + to_iso(r.eligible_from) + ")";
  }
  if (!rated) {
    zh += std::string("（调整后最近一次年度考核未达到") + rating_name_zh(min) + "）";
    en += std::string(" (latest annual rating since the move is not at least ") + rating_name(min) + ")";
  }
  ex.add_rule({"assessment.followup.reappointment", "HORQIN.6", zh, en});
  // For the short form: moved for reasons not their own, no waiting period applies; not
  // eligible, only the condition that failed decided (the waiting period, or the rating).
  if (r.early || (!r.eligible && waited)) ex.mark_parameter_detail("followup.reappointment_wait_months");
  if (!r.eligible && rated) {
    ex.mark_parameter_detail("followup.reappointment_min_rating");
    for (InputUsed &in : ex.inputs)
      if (in.name == "latest_rating") in.detail = true;
  }
  return r;
}

}  // namespace cadrekit::assessment
