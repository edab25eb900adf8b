// JARUD.2 selection for public-institution pay, JARUD.3 subsidy after leaving, JARUD.4 budget.
#include <algorithm>
#include <climits>
#include <map>
#include <set>
#include <string>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/vocabulary.hpp"
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
  if (r.eligible) {
    ex.add_rule({"village.selection.eligible", "JARUD.2", "符合选聘条件", "meets the conditions of selection"});
  } else {
    // Not eligible: what decided are the conditions that failed; those met are detail.
    auto failed = [&](std::string_view id) {
      return std::find(r.failed.begin(), r.failed.end(), id) != r.failed.end();
    };
    if (!failed("village.selection.min_years_in_post")) {
      ex.mark_parameter_detail("village.selection.min_years_in_post");
      for (InputUsed &in : ex.inputs)
        if (in.name == "years_in_post") in.detail = true;
    }
    if (!failed("village.selection.max_age")) ex.mark_parameter_detail("village.selection.max_age");
    if (!failed("village.selection.clean_grades"))
      ex.mark_parameter_detail("village.selection.clean_grade_years");
  }
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
  const Date a = jan1(year);
  Explanation used;
  const auto term = policy.integer("village.selection.term_years", a, &used);
  if (term < 1 || term > 50) throw PolicyError("village.selection.term_years must be 1 .. 50", "village.selection.term_years");
  const bool end_left = policy.boolean("village.selection.end.left_post", a, &used);
  const bool end_unq = policy.boolean("village.selection.end.unqualified", a, &used);
  const bool end_ng = policy.boolean("village.selection.end.not_graded", a, &used);
  std::vector<Renewal> out;
  std::set<std::string> seen;
  for (const auto &h : holders) {
    if (!seen.insert(h.cadre_id).second) throw InvalidInput("holder listed twice", "cadre_id", h.cadre_id);
    if (term > 1 && !h.term_from)
      throw InvalidInput("term_from is needed: village.selection.term_years is " + std::to_string(term), "term_from",
                         h.cadre_id);
    const int from = h.term_from ? *h.term_from : year;
    if (from > year) throw InvalidInput("term_from is after the year", "term_from", h.cadre_id);
    Renewal r{h.cadre_id, false, {}, 0, Explanation("holder " + h.cadre_id)};
    r.term_ends = from + static_cast<int>((year - from) / term * term + term - 1);
    Explanation &ex = r.explanation;
    for (const auto &p : used.parameters) ex.add_parameter(p);
    ex.add_input("in_post", h.in_post ? "true" : "false");
    ex.add_input("grade", h.grade ? grade_code(*h.grade) : "none");
    ex.add_input("term_from", std::to_string(from));
    const bool no_grade = !h.grade || *h.grade == Grade::not_graded;
    const bool unqualified = !no_grade && *h.grade == Grade::unqualified;
    // For the short form: an ending condition whose fact does not hold (in post, graded, not
    // unqualified) did not decide; one that holds decided, whether its switch ended the pay or,
    // switched off, let it go on. Once the pay ends, the term and the conditions after the one
    // that ended it are detail.
    if (h.in_post) ex.mark_parameter_detail("village.selection.end.left_post");
    if (!unqualified) ex.mark_parameter_detail("village.selection.end.unqualified");
    if (!no_grade) ex.mark_parameter_detail("village.selection.end.not_graded");
    auto ended = [&ex](std::initializer_list<std::string_view> after, bool grade_decided) {
      for (std::string_view name : after) ex.mark_parameter_detail(name);
      ex.mark_parameter_detail("village.selection.term_years");
      for (InputUsed &in : ex.inputs)
        if (in.name == "term_from" || (in.name == "grade" && !grade_decided)) in.detail = true;
    };
    if (!h.in_post && end_left) {
      ended({"village.selection.end.unqualified", "village.selection.end.not_graded"}, false);
      r.reason = "left_post";
      ex.add_rule({"village.selection.end.left_post", "JARUD.2", "不再担任书记（主任）：终止事业单位工资待遇（假设的终止情形）",
                   "no longer secretary or director: the public-institution pay ends (an assumed ending condition)"});
    } else if (unqualified && end_unq) {
      ended({"village.selection.end.not_graded"}, true);
      r.reason = "unqualified";
      ex.add_rule({"village.selection.end.unqualified", "JARUD.2",
                   std::to_string(year) + "年度考评不合格：终止事业单位工资待遇（假设的终止情形）",
                   "graded unqualified in " + std::to_string(year) + ": the public-institution pay ends (an assumed ending condition)"});
    } else if (no_grade && end_ng) {
      ended({}, true);
      r.reason = "not_graded";
      ex.add_rule({"village.selection.end.not_graded", "JARUD.2",
                   std::to_string(year) + "年度未评定等次：终止事业单位工资待遇（假设的终止情形）",
                   "no grade for " + std::to_string(year) + ": the public-institution pay ends (an assumed ending condition)"});
    } else if (r.term_ends == year) {
      r.renewed = true;
      r.reason = "renewed";
      ex.add_rule({"village.selection.renewed", "JARUD.2",
                   "聘期（" + std::to_string(term) + "年）于" + std::to_string(year) + "年届满，无终止情形：续聘",
                   "the term of " + std::to_string(term) + " year(s) ends in " + std::to_string(year) +
                       " with no ending condition: renewed"});
    } else {
      r.renewed = true;
      r.reason = "continues";
      ex.add_rule({"village.selection.continues", "JARUD.2",
                   "聘期至" + std::to_string(r.term_ends) + "年，无终止情形：待遇继续",
                   "the term runs to " + std::to_string(r.term_ends) + " with no ending condition: the pay continues"});
    }
    out.push_back(std::move(r));
  }
  return out;
}

namespace {

using Span = std::pair<std::int32_t, std::int32_t>;  // inclusive days

/// Spans sorted and merged where they overlap or touch.
std::vector<Span> merged(std::vector<Span> spans) {
  std::sort(spans.begin(), spans.end());
  std::vector<Span> out;
  for (const auto &s : spans) {
    if (!out.empty() && static_cast<std::int64_t>(s.first) <= static_cast<std::int64_t>(out.back().second) + 1)
      out.back().second = std::max(out.back().second, s.second);
    else
      out.push_back(s);
  }
  return out;
}

/// The same day `months` later; the last day of the month when that month is shorter.
Date add_months_clamped(Date d, int months) {
  const int m0 = static_cast<int>(d.year()) * 12 + (d.month() - 1) + months;
  const int y = m0 / 12, m = m0 % 12 + 1;
  const int last = boost::gregorian::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(y),
                                                                          static_cast<unsigned short>(m));
  return make_date(y, m, std::min<int>(d.day(), last), "date");
}

struct Service {
  std::int64_t days = 0;
  Date from;  // the first day counted
  int years = 0, months = 0, days_part = 0;
};

/// Service up to `last` (inclusive) as village.subsidy.gaps says: `join` lays the days of all
/// terms end to end from the first day; `continuous` takes the longest unbroken stretch.
/// Years by anniversaries (29 February → 1 March in common years), then whole months (a month
/// end clamped), then days, from the first day to the day after the service.
Service service_until(const std::vector<Span> &spans, std::int32_t last, bool join) {
  Service s;
  std::int64_t best = 0;
  std::int32_t best_from = 0;
  bool any = false;
  for (const auto &sp : spans) {
    const std::int32_t e = std::min(sp.second, last);
    if (e < sp.first) continue;
    const std::int64_t n = static_cast<std::int64_t>(e) - sp.first + 1;
    if (!any) s.from = from_days(sp.first);
    any = true;
    if (join) {
      s.days += n;
    } else if (n > best) {
      best = n;
      best_from = sp.first;
    }
  }
  if (!any) return s;
  if (!join) {
    s.days = best;
    s.from = from_days(best_from);
  }
  const std::int64_t end_day = static_cast<std::int64_t>(to_days(s.from)) + s.days;  // exclusive
  if (end_day > to_days(max_date())) throw InvalidInput("service runs past the last date cadrekit accepts", "served_to");
  const Date end = from_days(static_cast<std::int32_t>(end_day));
  s.years = whole_years_between(s.from, end);
  // the last anniversary (29 February → 1 March in a common year), then whole months from it
  const int ay = static_cast<int>(s.from.year()) + s.years;
  const bool feb29 = s.from.month() == 2 && s.from.day() == 29 &&
                     !boost::gregorian::gregorian_calendar::is_leap_year(static_cast<unsigned short>(ay));
  const Date anniversary = feb29 ? make_date(ay, 3, 1) : make_date(ay, s.from.month(), s.from.day());
  int m = 0;
  while (add_months_clamped(anniversary, m + 1) <= end) ++m;
  s.months = m;
  s.days_part = static_cast<int>((end - add_months_clamped(anniversary, m)).days());
  return s;
}

std::string ymd_zh(const Service &s) {
  return std::to_string(s.years) + "年" + std::to_string(s.months) + "个月" + std::to_string(s.days_part) + "天";
}
std::string ymd_en(const Service &s) {
  return std::to_string(s.years) + " years " + std::to_string(s.months) + " months " + std::to_string(s.days_part) + " days";
}

}  // namespace

std::vector<SubsidyStatus> subsidies(const std::vector<Term> &terms, int year, const Policy &policy) {
  const Date a = jan1(year);
  Explanation used;
  const auto min_years = policy.integer("village.subsidy.min_years", a, &used);
  const Money amount = policy.money("village.subsidy.amount", a, &used);
  const std::string gaps = policy.text("village.subsidy.gaps", a, &used);
  if (gaps != "join" && gaps != "continuous")
    throw PolicyError("village.subsidy.gaps must be join or continuous", "village.subsidy.gaps");
  const bool join = gaps == "join";
  std::map<std::string, std::vector<Span>> by;
  for (std::size_t i = 0; i < terms.size(); ++i) {
    const auto &t = terms[i];
    if (vocabulary::blank(t.cadre_id))
      throw InvalidInput("cadre_id is empty", "cadre_id", "terms[" + std::to_string(i) + "]");
    if (t.served_from.is_special()) throw InvalidInput("served_from is missing", "served_from", t.cadre_id);
    const std::int32_t f = to_days(t.served_from);
    const std::int32_t e = t.served_to ? to_days(*t.served_to) : INT32_MAX;
    if (e < f) throw InvalidInput("served_to is before served_from", "served_to", t.cadre_id);
    by[t.cadre_id].push_back({f, e});
  }
  std::vector<SubsidyStatus> out;
  const Date dec31 = make_date(year, 12, 31), prev = make_date(year - 1, 12, 31);
  const std::int32_t d = to_days(dec31), dp = to_days(prev);
  for (auto &[id, raw] : by) {
    const std::vector<Span> spans = merged(raw);
    SubsidyStatus s;
    s.cadre_id = id;
    const Service sv = service_until(spans, d, join);
    s.days = sv.days;
    s.years = sv.years;
    s.months_part = sv.months;
    s.days_part = sv.days_part;
    s.months = 12 * static_cast<std::int64_t>(sv.years) + sv.months;
    bool serving_prev = false;
    for (auto [f, e] : spans) {
      if (f <= d && d <= e) s.serving = true;
      if (f <= dp && dp <= e) serving_prev = true;
    }
    s.eligible = !s.serving && sv.years >= min_years;
    const Service before = service_until(spans, dp, join);
    const bool was = !serving_prev && before.days > 0 && before.years >= min_years;
    s.newly_eligible = s.eligible && !was;
    if (s.eligible) s.amount = amount;
    Explanation &ex = s.explanation;
    ex.subject = "former principal " + id;
    for (const auto &p : used.parameters) ex.add_parameter(p);
    ex.add_input("days_served", std::to_string(sv.days));
    if (sv.days > 0) ex.add_input("counted_from", to_iso(sv.from));
    ex.add_rule({"village.subsidy.service", "JARUD.3",
                 std::string(join ? "各段任正职天数首尾相接" : "取最长一段连续任职") + "（假设参数village.subsidy.gaps），自" +
                     (sv.days > 0 ? to_iso(sv.from) : std::string("-")) + "起计，至" + std::to_string(year) + "年12月31日共" +
                     ymd_zh(sv),
                 std::string(join ? "the days of every term laid end to end" : "the longest unbroken term") +
                     " (the assumed village.subsidy.gaps), counted from " + (sv.days > 0 ? to_iso(sv.from) : std::string("-")) +
                     ", up to 31 December " + std::to_string(year) + ": " + ymd_en(sv)});
    // Still serving, or short of the years: the subsidy's amount did not decide (and for one
    // still serving, neither did the years needed).
    if (!s.eligible) ex.mark_parameter_detail("village.subsidy.amount");
    if (s.serving) ex.mark_parameter_detail("village.subsidy.min_years");
    if (s.serving)
      ex.add_rule({"village.subsidy.serving", "JARUD.3", "仍在任，不享受离任生活补贴",
                   "still in post: no subsidy after leaving"});
    else if (s.eligible)
      ex.add_rule({"village.subsidy.eligible", "JARUD.3",
                   "已离任且任正职满" + std::to_string(min_years) + "年：每年生活补贴" + amount.to_decimal_string() + "元",
                   "left office after " + std::to_string(min_years) + " years or more as principal: a yearly subsidy of " +
                       amount.to_decimal_string() + " yuan"});
    else
      ex.add_rule({"village.subsidy.short", "JARUD.3", "任正职不满" + std::to_string(min_years) + "年：不享受生活补贴",
                   "fewer than " + std::to_string(min_years) + " years as principal: no subsidy"});
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
  Explanation &ex = b.explanation;
  ex.subject = "village budget " + std::to_string(sheet.year);
  const Date a = jan1(sheet.year);
  b.base = sheet.banner.base;
  b.performance = sheet.banner.performance;
  b.public_institution = sheet.banner.public_institution;
  if (sheet.banner.public_institution != Money()) {
    policy.money("village.selection.yearly_pay", a, &ex);
    policy.text("village.selection.pay_mode", a, &ex);
  }
  if (holders > 0) {
    const std::string mode = policy.text("village.selection.pay_mode", a, &ex);
    if (mode == "replace_base")
      throw InvalidInput("holders given by number cannot say whose base pay the public-institution pay replaces "
                         "(village.selection.pay_mode = replace_base): give their cadre ids",
                         "holders");
    if (mode != "in_addition")
      throw PolicyError("village.selection.pay_mode must be in_addition or replace_base", "village.selection.pay_mode");
    b.public_institution += policy.money("village.selection.yearly_pay", a, &ex) * holders;
    ex.add_input("holders_by_number", std::to_string(holders));
  }
  for (const auto &s : subs) {
    b.subsidies += s.amount;
    for (const auto &p : s.explanation.parameters) ex.add_parameter(p);
  }
  b.total = b.base + b.performance + b.public_institution + b.subsidies;
  ex.add_input("principals_paid", std::to_string(sheet.banner.principals));
  ex.add_rule({"village.budget", "JARUD.4",
               "基础工资" + b.base.to_decimal_string() + "元＋绩效工资" + b.performance.to_decimal_string() + "元＋事业单位工资" +
                   b.public_institution.to_decimal_string() + "元＋生活补贴" + b.subsidies.to_decimal_string() + "元＝" +
                   b.total.to_decimal_string() + "元",
               "base " + b.base.to_decimal_string() + " + performance " + b.performance.to_decimal_string() +
                   " + public-institution pay " + b.public_institution.to_decimal_string() + " + subsidies " +
                   b.subsidies.to_decimal_string() + " = " + b.total.to_decimal_string() + " yuan"});
  return b;
}

std::pair<Budget, Budget> budget_what_if(const BudgetInput &in, int year, const Policy &pa,
                                         const Policy &pb) {
  PaySheetOptions o;
  o.explain = false;
  o.holders = in.holder_ids;
  auto one = [&](const Policy &p) {
    const PaySheet s = pay_sheet(in.villages, in.principals, in.scores, year, p, o);
    return budget(s, in.holders, subsidies(in.terms, year, p), p);
  };
  return {one(pa), one(pb)};
}

}  // namespace cadrekit::village
