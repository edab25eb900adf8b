// JARUD.2 selection for public-institution pay, JARUD.3 subsidy after leaving, JARUD.4 budget.
#include <algorithm>
#include <climits>
#include <map>
#include <set>
#include <string>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/village.hpp"
#include "detail.hpp"

namespace cadrekit::village {
using detail::i128;

namespace {
Date jan1(int year) { return make_date(year, 1, 1, "year"); }
}  // namespace

std::int64_t selection_quota(std::int64_t n, int year, const Policy &policy, Explanation *ex) {
  if (n < 0) throw InvalidInput("number of villages is negative", "n_villages");
  const Share s = policy.share("village.selection.min_share_per_year", jan1(year), ex);
  const auto q = at_least_share(n, s);
  if (ex) {
    ex->add_input("n_villages", std::to_string(n));
    ex->add_rule({"village.selection.quota", "JARUD.2",
                  "全旗" + std::to_string(n) + "个嘎查村，按不低于" + s.to_string() + "的比例，每年至少选聘" +
                      std::to_string(q) + "名",
                  std::to_string(n) + " villages, at least " + s.to_string() + " (rounded up): " +
                      std::to_string(q) + " places a year"});
  }
  return q;
}

std::map<std::string, std::int64_t> allocate_quota(const std::map<std::string, std::int64_t> &per,
                                                   std::int64_t quota) {
  std::int64_t total = 0;
  for (const auto &[t, n] : per) {
    if (n < 0) throw InvalidInput("number of villages is negative", "villages_per_township", t);
    if (__builtin_add_overflow(total, n, &total))
      throw InvalidInput("too many villages", "villages_per_township", t, ErrorCode::overflow);
  }
  if (quota < 0) throw InvalidInput("quota is negative", "quota");
  if (quota > total) throw InvalidInput("quota exceeds the number of villages", "quota");
  std::map<std::string, std::int64_t> out;
  if (total == 0) {
    for (const auto &[t, n] : per) out[t] = 0;
    return out;
  }
  struct Row {
    const std::string *name;
    std::int64_t n;
    i128 rem;  // remainder of quota·n / total, compared over the same denominator
  };
  std::vector<Row> rows;
  std::int64_t given = 0;
  for (const auto &[t, n] : per) {
    const i128 x = static_cast<i128>(quota) * n;
    const auto fl = static_cast<std::int64_t>(x / total);
    out[t] = fl;
    given += fl;
    rows.push_back({&t, n, x % total});
  }
  std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
    if (a.rem != b.rem) return a.rem > b.rem;
    if (a.n != b.n) return a.n > b.n;
    return *a.name < *b.name;
  });
  for (std::size_t i = 0; given < quota; ++i, ++given) ++out[*rows[i].name];
  return out;
}

QuotaAllocation allocate_selection(const std::map<std::string, std::int64_t> &per, int year,
                                   const Policy &policy, std::optional<std::int64_t> quota) {
  QuotaAllocation r;
  Explanation &ex = r.explanation;
  ex.subject = "selection quota allocation";
  std::int64_t total = 0;
  for (const auto &[t, n] : per) {
    if (n < 0) throw InvalidInput("number of villages is negative", "villages_per_township", t);
    if (__builtin_add_overflow(total, n, &total))
      throw InvalidInput("too many villages", "villages_per_township", t, ErrorCode::overflow);
  }
  r.quota = quota ? *quota : selection_quota(total, year, policy, &ex);
  r.method = policy.text("village.selection.allocation", jan1(year), &ex);
  if (r.method == "township") {
    r.per_township = allocate_quota(per, r.quota);
    ex.add_rule({"village.selection.allocation", "JARUD.2",
                 std::to_string(r.quota) + "个名额按各苏木镇嘎查村数以最大余额法分配",
                 std::to_string(r.quota) + " places allocated to townships by their number of villages (largest remainder)"});
  } else if (r.method == "banner") {
    if (r.quota < 0) throw InvalidInput("quota is negative", "quota");
    if (r.quota > total) throw InvalidInput("quota exceeds the number of villages", "quota");
    ex.add_rule({"village.selection.allocation", "JARUD.2",
                 std::to_string(r.quota) + "个名额全旗统筹，不分配到苏木镇",
                 std::to_string(r.quota) + " places filled banner-wide, not allocated to townships"});
  } else {
    throw PolicyError("village.selection.allocation must be township or banner", "village.selection.allocation");
  }
  return r;
}

Funnel funnel(std::int64_t places, int year, const Policy &policy, Explanation *ex) {
  if (places < 0) throw InvalidInput("places is negative", "places");
  if (places > (std::int64_t{1} << 40)) throw InvalidInput("places is too large", "places", {}, ErrorCode::overflow);
  const Date a = jan1(year);
  const Rational r1 = policy.share("village.selection.initial_ratio", a, ex).value();
  const Rational r2 = policy.share("village.selection.prospective_ratio", a, ex).value();
  const Share extra = policy.share("village.selection.formal_extra_share", a, ex);
  if (r1 <= 0 || r2 <= 0) throw PolicyError("selection ratios must be positive", "village.selection.initial_ratio");
  Funnel f;
  f.places = places;
  f.initial = round_to_int(Rational(places) / r1, Rounding::ceil);
  f.prospective = round_to_int(Rational(places) / r2, Rounding::ceil);
  f.formal = at_least_share(places, Share(1 + extra.value()));
  if (ex) {
    ex->add_input("places", std::to_string(places));
    ex->add_rule({"village.selection.funnel", "JARUD.2",
                  std::to_string(places) + "个名额：初步人选" + std::to_string(f.initial) + "名，预备人选" +
                      std::to_string(f.prospective) + "名，正式候选人" + std::to_string(f.formal) + "名",
                  std::to_string(places) + " places: " + std::to_string(f.initial) + " initial, " +
                      std::to_string(f.prospective) + " prospective, " + std::to_string(f.formal) +
                      " formal candidates"});
  }
  return f;
}

Eligibility eligibility(const Applicant &ap, Date as_of, const Policy &policy) {
  Eligibility r;
  r.cadre_id = ap.cadre_id;
  Explanation &ex = r.explanation;
  ex.subject = "applicant " + ap.cadre_id;
  auto fail = [&](const char *id, std::string zh, std::string en) {
    r.failed.emplace_back(id);
    ex.add_rule({id, "JARUD.2", std::move(zh), std::move(en)});
  };
  if (!ap.post) fail("village.selection.current_post", "非现任嘎查村书记（主任）", "not a current secretary or director");
  const auto min_years = policy.integer("village.selection.min_years_in_post", as_of, &ex);
  const int years = ap.in_post_since.is_special() ? -1 : whole_years_between(ap.in_post_since, as_of);
  ex.add_input("years_in_post", std::to_string(years));
  if (years < min_years)
    fail("village.selection.min_years_in_post", "任现职" + std::to_string(std::max(years, 0)) + "年，不足" + std::to_string(min_years) + "年",
         std::to_string(std::max(years, 0)) + " whole years in post, fewer than " + std::to_string(min_years));
  const auto max_age = policy.integer("village.selection.max_age", as_of, &ex);
  if (ap.birth_date.is_special()) throw InvalidInput("birth_date is missing", "birth_date", ap.cadre_id);
  const int age = whole_years_between(ap.birth_date, as_of);
  if (age > max_age)
    fail("village.selection.max_age", "年龄超过" + std::to_string(max_age) + "岁",
         "older than " + std::to_string(max_age));
  const auto clean = policy.integer("village.selection.clean_grade_years", as_of, &ex);
  const int y = as_of.year();
  for (int k = 1; k <= clean; ++k) {
    const auto it = ap.grades.find(y - k);
    if (it != ap.grades.end() && it->second == Grade::unqualified) {
      fail("village.selection.clean_grades", std::to_string(y - k) + "年度考评不合格",
           "graded unqualified in " + std::to_string(y - k));
      break;
    }
  }
  r.eligible = r.failed.empty();
  if (r.eligible)
    ex.add_rule({"village.selection.eligible", "JARUD.2", "符合选聘条件", "meets the conditions of selection"});
  return r;
}

std::vector<Problem> check_lists(const TownshipLists &L, int year, const Policy &policy,
                                 const WorkCalendar &calendar) {
  std::vector<Problem> out;
  const Funnel f = funnel(L.places, year, policy);
  auto problem = [&](const char *stage, const char *code, std::string id, std::string en, std::string zh) {
    out.push_back({stage, code, std::move(id), std::move(en), std::move(zh)});
  };
  auto stage = [&](const char *name, const std::vector<std::string> &list,
                   const std::vector<std::string> *prev, std::int64_t want) {
    std::set<std::string> seen;
    for (const auto &id : list)
      if (!seen.insert(id).second)
        problem(name, "duplicate", id, "listed twice", "名单重复");
    if (prev) {
      const std::set<std::string> from(prev->begin(), prev->end());
      for (const auto &id : list)
        if (!from.count(id))
          problem(name, "not_from_previous", id, "not on the previous stage's list", "不在上一环节名单中");
      want = std::min<std::int64_t>(want, static_cast<std::int64_t>(from.size()));
    }
    if (static_cast<std::int64_t>(list.size()) != want)
      problem(name, "size", {}, "has " + std::to_string(list.size()) + " names, expected " + std::to_string(want),
              "人数" + std::to_string(list.size()) + "，应为" + std::to_string(want));
  };
  {
    std::set<std::string> seen;
    for (const auto &id : L.eligible)
      if (!seen.insert(id).second) problem("eligible", "duplicate", id, "listed twice", "名单重复");
  }
  stage("initial", L.initial, &L.eligible, f.initial);
  stage("prospective", L.prospective, &L.initial, f.prospective);
  stage("formal", L.formal, &L.prospective, f.formal);
  {
    // the selected list has exactly `places` names taken from the formal candidates
    std::set<std::string> from(L.formal.begin(), L.formal.end()), seen;
    for (const auto &id : L.selected) {
      if (!seen.insert(id).second) problem("selected", "duplicate", id, "listed twice", "名单重复");
      if (!from.count(id)) problem("selected", "not_from_previous", id, "not a formal candidate", "不在正式候选人名单中");
    }
    if (static_cast<std::int64_t>(L.selected.size()) != L.places)
      problem("selected", "size", {}, "has " + std::to_string(L.selected.size()) + " names, expected " + std::to_string(L.places),
              "人数" + std::to_string(L.selected.size()) + "，应为" + std::to_string(L.places));
  }
  const auto days = policy.integer("village.selection.publicity_working_days", jan1(year));
  if (days < 1 || days > 366) throw PolicyError("publicity_working_days out of range", "village.selection.publicity_working_days");
  if (!L.eligible_publicised_on || !L.initial_on) {
    problem("initial", "missing_date", {}, "publicity or meeting date missing: cannot check the publicity",
            "缺少公示或会议日期，无法核对公示期");
  } else {
    const DateRange w = calendar.window(*L.eligible_publicised_on, static_cast<int>(days));
    if (!(*L.initial_on > w.last))
      problem("initial", "publicity", {},
              "initial candidates recommended on " + to_iso(*L.initial_on) + ", before the eligible list's publicity ended on " + to_iso(w.last),
              "符合条件人员名单公示期（至" + to_iso(w.last) + "）未满即推荐初步人选");
  }
  if (L.certified_on) {
    if (!L.selected_publicised_on) {
      problem("selected", "missing_date", {}, "certificates issued without a publicity date", "未公示即发放选聘证书");
    } else {
      const DateRange w = calendar.window(*L.selected_publicised_on, static_cast<int>(days));
      if (!(*L.certified_on > w.last))
        problem("selected", "publicity", {},
                "certificates issued on " + to_iso(*L.certified_on) + ", before the publicity ended on " + to_iso(w.last),
                "拟选聘人选公示期（至" + to_iso(w.last) + "）未满即发放证书");
    }
  }
  return out;
}

std::vector<Renewal> renewals(const std::vector<Holder> &holders, int year, const Policy &policy) {
  (void)policy.integer("village.selection.term_years", jan1(year));
  std::vector<Renewal> out;
  std::set<std::string> seen;
  for (const auto &h : holders) {
    if (!seen.insert(h.cadre_id).second) throw InvalidInput("holder listed twice", "cadre_id", h.cadre_id);
    Renewal r{h.cadre_id, false, {}};
    if (!h.in_post) r.reason = "left_post";
    else if (!h.grade || *h.grade == Grade::not_graded) r.reason = "not_graded";
    else if (*h.grade == Grade::unqualified) r.reason = "unqualified";
    else { r.renewed = true; r.reason = "renewed"; }
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<SubsidyStatus> subsidies(const std::vector<Term> &terms, int year, const Policy &policy) {
  const Date a = jan1(year);
  const auto min_years = policy.integer("village.subsidy.min_years", a);
  const Money amount = policy.money("village.subsidy.amount", a);
  // months: the 1st of each month in post (as the pay rule), overlapping terms counted once
  std::map<std::string, std::vector<std::pair<std::int32_t, std::int32_t>>> by;
  for (std::size_t i = 0; i < terms.size(); ++i) {
    const auto &t = terms[i];
    if (t.cadre_id.empty()) throw InvalidInput("cadre_id is empty", "cadre_id", "terms[" + std::to_string(i) + "]");
    const std::int32_t f = to_days(t.served_from);
    const std::int32_t e = t.served_to ? to_days(*t.served_to) : INT32_MAX;
    if (e < f) throw InvalidInput("served_to is before served_from", "served_to", t.cadre_id);
    by[t.cadre_id].push_back({f, e});
  }
  auto months_until = [](std::vector<std::pair<std::int32_t, std::int32_t>> spans, Date end) {
    std::sort(spans.begin(), spans.end());
    std::int64_t n = 0;
    const std::int32_t last = to_days(end);
    std::int32_t covered = INT32_MIN;  // first-of-months up to here already counted
    for (auto [f, e] : spans) {
      e = std::min(e, last);
      if (e < f) continue;
      f = std::max(f, covered == INT32_MIN ? f : covered + 1);
      if (e < f) continue;
      // count firsts of months in [f, e]
      Date d = from_days(f);
      Date first = d.day() == 1 ? d : (d.end_of_month() + boost::gregorian::days(1));
      const Date ed = from_days(e);
      if (first <= ed) {
        n += (ed.year() - first.year()) * 12 + (ed.month() - first.month()) + 1;
      }
      covered = std::max(covered, e);
    }
    return n;
  };
  std::vector<SubsidyStatus> out;
  const Date dec31 = make_date(year, 12, 31), prev = make_date(year - 1, 12, 31);
  for (const auto &[id, spans] : by) {
    SubsidyStatus s;
    s.cadre_id = id;
    s.months = months_until(spans, dec31);
    const std::int32_t d = to_days(dec31), dp = to_days(prev);
    bool serving_prev = false;
    for (auto [f, e] : spans) {
      if (f <= d && d <= e) s.serving = true;
      if (f <= dp && dp <= e) serving_prev = true;
    }
    s.eligible = !s.serving && s.months >= 12 * min_years;
    const bool was = !serving_prev && months_until(spans, prev) >= 12 * min_years &&
                     std::any_of(spans.begin(), spans.end(), [&](auto p) { return p.first <= dp; });
    s.newly_eligible = s.eligible && !was;
    if (s.eligible) s.amount = amount;
    out.push_back(std::move(s));
  }
  return out;
}

Budget budget(const PaySheet &sheet, std::int64_t holders, const std::vector<SubsidyStatus> &subs,
              const Policy &policy) {
  if (holders < 0) throw InvalidInput("holders is negative", "holders");
  Budget b;
  b.year = sheet.year;
  b.policy = policy.name();
  b.base = sheet.banner.base;
  b.performance = sheet.banner.performance;
  b.public_institution = policy.money("village.selection.yearly_pay", jan1(sheet.year)) * holders;
  for (const auto &s : subs) b.subsidies += s.amount;
  b.total = b.base + b.performance + b.public_institution + b.subsidies;
  return b;
}

std::pair<Budget, Budget> budget_what_if(const BudgetInput &in, int year, const Policy &pa,
                                         const Policy &pb) {
  PaySheetOptions o;
  o.explain = false;
  auto one = [&](const Policy &p) {
    const PaySheet s = pay_sheet(in.villages, in.principals, in.scores, year, p, o);
    return budget(s, in.holders, subsidies(in.terms, year, p), p);
  };
  return {one(pa), one(pb)};
}

}  // namespace cadrekit::village
