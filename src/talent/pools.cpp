// HURE.1: the three pools as of a date, near misses, exclusions, changes between two dates.
#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/vocabulary.hpp"
#include "core/text.hpp"
#include "detail.hpp"

namespace cadrekit::talent {

using assessment::Rating;

// ------------------------------------------------------------------------------------------
// Age
// ------------------------------------------------------------------------------------------

namespace detail {
bool by_year_difference(const Policy &policy, Date as_of, Explanation *ex) {
  const std::string c = policy.text("talent.age.counting", as_of, ex);
  if (c == "whole_years") return false;
  if (c == "year_difference") return true;
  throw PolicyError("talent.age.counting must be whole_years or year_difference", "talent.age.counting");
}

int age_counted(Date birth, Date as_of, bool year_difference) {
  if (birth.is_special() || as_of.is_special()) throw InvalidInput("not a date", "birth_date");
  if (as_of < birth) throw InvalidInput("the as-of date is before the birth date", "birth_date");
  if (year_difference) return static_cast<int>(as_of.year()) - static_cast<int>(birth.year());
  return whole_years_between(birth, as_of);
}

}  // namespace detail

namespace {
using detail::age_counted;
using detail::by_year_difference;

Date date_of_age_counted(Date birth, int age, bool year_difference) {
  if (birth.is_special()) throw InvalidInput("not a date", "birth_date");
  const int y = static_cast<int>(birth.year()) + age;
  if (y < 1400 || y > 9999) throw InvalidInput("date out of range", "birth_date");
  if (year_difference) return make_date(y, 1, 1);
  // 周岁: the anniversary; 29 February falls on 1 March in common years.
  if (birth.month() == 2 && birth.day() == 29 && !boost::gregorian::gregorian_calendar::is_leap_year(
                                                      static_cast<unsigned short>(y)))
    return make_date(y, 3, 1);
  return make_date(y, birth.month(), birth.day());
}
}  // namespace

// (Dates refused before the profile is read: a bad date is named before a bad counting.)
int age_on(Date birth, Date as_of, const Policy &policy, Explanation *ex) {
  if (birth.is_special() || as_of.is_special() || as_of < birth) return age_counted(birth, as_of, false);
  return age_counted(birth, as_of, by_year_difference(policy, as_of, ex));
}

Date date_of_age(Date birth, int age, const Policy &policy, Date as_of) {
  const int y = birth.is_special() ? 0 : static_cast<int>(birth.year()) + age;
  if (y < 1400 || y > 9999) return date_of_age_counted(birth, age, false);
  return date_of_age_counted(birth, age, by_year_difference(policy, as_of, nullptr));
}

// ------------------------------------------------------------------------------------------
// Names
// ------------------------------------------------------------------------------------------

Pool parse_pool(std::string_view t, std::string_view field) {
  return static_cast<Pool>(vocabulary::parse_code(vocabulary::talent_pools(), t, field));
}
const char *pool_name(Pool p) noexcept {
  switch (p) {
    case Pool::echelon1: return "echelon1";
    case Pool::echelon2: return "echelon2";
    case Pool::nvshaofei: return "nvshaofei";
  }
  return "?";
}
const char *pool_name_zh(Pool p) noexcept {
  switch (p) {
    case Pool::echelon1: return "第一梯队";
    case Pool::echelon2: return "第二梯队";
    case Pool::nvshaofei: return "“女少非”干部";
  }
  return "?";
}

// ------------------------------------------------------------------------------------------
// Supervision
// ------------------------------------------------------------------------------------------

bool open_on(const assessment::DisposalCase &c, Date as_of) {
  const auto &ev = c.events();
  if (ev.empty()) return true;
  if (ev.front().date > as_of) return false;
  assessment::Stage last = assessment::Stage::none;
  for (const auto &e : ev)
    if (e.date <= as_of) last = e.stage;
  return last != assessment::Stage::filing && last != assessment::Stage::closed_no_action;
}

namespace detail {

std::map<std::string, std::vector<Reason>> supervision_reasons(const Supervision &sup, Date as_of,
                                                               const Policy &policy) {
  std::map<std::string, std::vector<Reason>> out;
  if (!sup.assessments.empty() || !sup.findings.empty()) {
    for (const auto &h : assessment::screen(sup.assessments, sup.findings, as_of, policy, false))
      out[h.cadre_id].push_back({"red_line:" + h.rule_id, "触及红线 " + h.rule_id + "（" + h.clause + "）",
                                 "red line " + h.rule_id + " (" + h.clause + ")"});
  }
  for (const auto &c : sup.disposal_cases)
    if (open_on(c, as_of))
      out[c.cadre_id()].push_back({"open_disposal_case:" + c.case_id(),
                                   "处置调整案件 " + c.case_id() + " 尚未办结（HORQIN.5）",
                                   "disposal case " + c.case_id() + " is open (HORQIN.5)"});
  return out;
}

std::optional<Date> rank_since_of(const Cadre &c) {
  if (c.rank_since) return c.rank_since;
  std::optional<Date> best;
  for (const auto &p : c.person.posts)
    if (p.rank == c.person.rank && (!best || p.from < *best)) best = p.from;
  return best;
}

}  // namespace detail

// ------------------------------------------------------------------------------------------
// Pools
// ------------------------------------------------------------------------------------------

namespace {

struct Params {
  std::int64_t e1_max_age = 0;
  Rank e1_min_rank = Rank::fu_ke, e1_max_rank = Rank::zheng_ke;
  std::int64_t e2_limit = 0;
  bool e2_inclusive = true;
  Rating e2_graduate_min = Rating::excellent;
  std::int64_t nsf_years = 0;
  std::int64_t nsf_min_excellent = 0;
  Rating nsf_min = Rating::competent;
  std::int64_t near_months = 0;
  std::int64_t size[pool_count] = {0, 0, 0};
  Explanation used;  // every parameter read, for the entries' explanations
};

Params load(const Policy &p, Date d) {
  Params r;
  Explanation *ex = &r.used;
  r.e1_max_age = p.integer("talent.echelon1.max_age", d, ex);
  r.e1_min_rank = parse_rank(p.text("talent.echelon1.min_rank", d, ex), "talent.echelon1.min_rank");
  r.e1_max_rank = parse_rank(p.text("talent.echelon1.max_rank", d, ex), "talent.echelon1.max_rank");
  r.e2_limit = p.integer("talent.echelon2.age_limit", d, ex);
  r.e2_inclusive = p.boolean("talent.echelon2.age_limit_inclusive", d, ex);
  r.e2_graduate_min = assessment::parse_rating(p.text("talent.echelon2.graduate_min_rating", d, ex),
                                               "talent.echelon2.graduate_min_rating");
  r.nsf_years = p.integer("talent.nvshaofei.assessment_years", d, ex);
  r.nsf_min_excellent = p.integer("talent.nvshaofei.min_excellent_years", d, ex);
  r.nsf_min = assessment::parse_rating(p.text("talent.nvshaofei.min_rating", d, ex), "talent.nvshaofei.min_rating");
  r.near_months = p.integer("talent.near_miss.months", d, ex);
  r.size[0] = p.integer("talent.echelon1.size", d, ex);
  r.size[1] = p.integer("talent.echelon2.size", d, ex);
  r.size[2] = p.integer("talent.nvshaofei.size", d, ex);
  (void)p.text("talent.age.counting", d, ex);
  if (r.e1_max_age < 0 || r.e1_max_age > 150 || r.e2_limit < 0 || r.e2_limit > 150)
    throw PolicyError("talent age limits must be 0 .. 150", "talent.echelon2.age_limit");
  if (r.nsf_years < 1 || r.nsf_years > 50)
    throw PolicyError("talent.nvshaofei.assessment_years must be 1 .. 50", "talent.nvshaofei.assessment_years");
  if (r.near_months < 0 || r.near_months > 120)
    throw PolicyError("talent.near_miss.months must be 0 .. 120", "talent.near_miss.months");
  if (r.nsf_min != Rating::excellent && r.nsf_min != Rating::competent && r.nsf_min != Rating::basically_competent)
    throw PolicyError("talent.nvshaofei.min_rating must be excellent, competent or basically_competent",
                      "talent.nvshaofei.min_rating");
  if (r.e2_graduate_min != Rating::excellent && r.e2_graduate_min != Rating::competent &&
      r.e2_graduate_min != Rating::basically_competent)
    throw PolicyError("talent.echelon2.graduate_min_rating must be excellent, competent or basically_competent",
                      "talent.echelon2.graduate_min_rating");
  if (r.nsf_min_excellent < 0 || r.nsf_min_excellent > r.nsf_years)
    throw PolicyError("talent.nvshaofei.min_excellent_years must be 0 .. talent.nvshaofei.assessment_years",
                      "talent.nvshaofei.min_excellent_years");
  return r;
}

/// An annual rating at least `min` (excellent > competent > basically_competent > incompetent).
bool at_least(Rating r, Rating min) {
  const int v = static_cast<int>(r);
  return v >= 1 && v <= 4 && v <= static_cast<int>(min);
}

struct Eval {
  bool member = false;
  std::vector<Reason> met, failed;
  // near misses
  std::string near_kind;             // "ages_out" (set by a criterion met) or "misses_one"
  std::optional<Date> near_date;
  std::vector<Reason> near_reasons;  // ages_out: why the member leaves
  bool near_fail = false;            // a failed criterion is a near one
  std::optional<Date> fail_date;
  std::vector<Reason> fail_reasons;  // misses_one: the near criterion missed
};

std::string n(std::int64_t v) { return std::to_string(v); }

// A reason of a decision, its words written only when they are asked for: a decision needs only
// which criteria were met and which failed, and most are never written out (a cadre in no pool).
template <class Zh, class En>
Reason reason(bool words, const char *code, Zh &&zh, En &&en) {
  if (!words) return {code, {}, {}};
  return {code, zh(), en()};
}

class Evaluator {
 public:
  Evaluator(const Params &pr, Date as_of, const Policy &policy,
            const std::map<std::string, std::map<int, Rating>> &annual)
      : pr_(pr), as_of_(as_of), policy_(policy), annual_(annual) {
    near_limit_ = add_months(as_of, pr.near_months);
    near_floor_ = add_months(as_of, -pr.near_months);
  }

  /// The decision of `pool` for `c`; with `words`, every reason in Chinese and English, else the
  /// reasons' codes alone (the same decision, the same reasons, none of their words).
  Eval operator()(const Cadre &c, Pool pool, int age, bool words = true) const {
    switch (pool) {
      case Pool::echelon1: return echelon1(c, age, words);
      case Pool::echelon2: return echelon2(c, age, words);
      case Pool::nvshaofei: return nvshaofei(c, words);
    }
    return {};
  }

 private:
  // The age criterion: at most `max_age` (counted as the policy says). Fills the near miss when
  // the member leaves within the window or the non-member left within it.
  bool age_ok(const Cadre &c, int age, std::int64_t max_age, Eval &e, bool words) const {
    if (!year_difference_) year_difference_ = by_year_difference(policy_, as_of_, nullptr);  // read once
    const Date leaves = date_of_age_counted(c.person.birth_date, static_cast<int>(max_age) + 1, *year_difference_);
    if (age <= max_age) {
      e.met.push_back(reason(words, "age", [&] { return n(age) + "岁，不超过" + n(max_age) + "岁"; },
                             [&] { return "aged " + n(age) + ", at most " + n(max_age); }));
      if (leaves <= near_limit_) {
        e.near_kind = "ages_out";
        e.near_date = leaves;
        e.near_reasons.push_back(
            reason(words, "ages_out", [&] { return to_iso(leaves) + "年满" + n(max_age + 1) + "岁，届时退出"; },
                   [&] { return "turns " + n(max_age + 1) + " on " + to_iso(leaves) + " and leaves then"; }));
      }
      return true;
    }
    e.failed.push_back(reason(words, "age", [&] { return n(age) + "岁，超过" + n(max_age) + "岁"; },
                              [&] { return "aged " + n(age) + ", over " + n(max_age); }));
    if (age == max_age + 1 && leaves > near_floor_) {
      e.near_fail = true;
      e.fail_date = leaves;
      e.fail_reasons.push_back(
          reason(words, "age", [&] { return to_iso(leaves) + "年满" + n(max_age + 1) + "岁，超过年龄界限"; },
                 [&] { return "turned " + n(max_age + 1) + " on " + to_iso(leaves) + ", over the age limit"; }));
    }
    return false;
  }

  Eval finish(Eval e) const {
    e.member = e.failed.empty();
    if (e.member) return e;  // near_kind is "ages_out" or empty
    if (e.failed.size() == 1 && e.near_fail) {
      e.near_kind = "misses_one";
      e.near_reasons = e.fail_reasons;
      e.near_date = e.fail_date;
    } else {
      e.near_kind.clear();
      e.near_reasons.clear();
      e.near_date.reset();
    }
    return e;
  }

  Eval echelon1(const Cadre &c, int age, bool words) const {
    Eval e;
    const Rank r = c.person.rank;
    if (r >= pr_.e1_min_rank && r <= pr_.e1_max_rank)
      e.met.push_back(reason(words, "rank", [&] { return std::string(rank_name_zh(r)) + "，科级干部"; },
                             [&] { return std::string(rank_name(r)) + ": a section-level cadre"; }));
    else
      e.failed.push_back(reason(
          words, "rank",
          [&] {
            return std::string(rank_name_zh(r)) + "，不在" + rank_name_zh(pr_.e1_min_rank) + "至" +
                   rank_name_zh(pr_.e1_max_rank) + "之间";
          },
          [&] {
            return std::string(rank_name(r)) + ": not between " + rank_name(pr_.e1_min_rank) + " and " +
                   rank_name(pr_.e1_max_rank);
          }));
    age_ok(c, age, pr_.e1_max_age, e, words);
    return finish(std::move(e));
  }

  // "35岁以下公务员、优秀选调生": a civil servant under the age limit, or a selected graduate
  // whose latest annual rating is at least talent.echelon2.graduate_min_rating (any age).
  Eval echelon2(const Cadre &c, int age, bool words) const {
    const std::int64_t max_age = pr_.e2_inclusive ? pr_.e2_limit : pr_.e2_limit - 1;
    Eval as_graduate;
    bool graduate_ok = false;
    if (c.selected_graduate) {
      const int y = static_cast<int>(as_of_.year()) - 1;
      const Rating r = rating_of(c, y);
      if (at_least(r, pr_.e2_graduate_min)) {
        graduate_ok = true;
        as_graduate.met.push_back(reason(
            words, "selected_graduate",
            [&] { return "选调生，" + n(y) + "年度考核" + assessment::rating_name_zh(r) + "（优秀选调生）"; },
            [&] {
              return "a selected graduate rated " + std::string(assessment::rating_name(r)) + " in " + n(y) +
                     " (an excellent selected graduate)";
            }));
      } else {
        as_graduate.failed.push_back(reason(
            words, "selected_graduate",
            [&] { return "选调生，但" + n(y) + "年度考核未达" + assessment::rating_name_zh(pr_.e2_graduate_min); },
            [&] {
              return "a selected graduate, but the annual rating of " + n(y) + " is not at least " +
                     assessment::rating_name(pr_.e2_graduate_min);
            }));
      }
    }
    if (graduate_ok) return finish(std::move(as_graduate));
    Eval e;
    if (c.civil_servant) {
      e.met.push_back(reason(words, "civil_servant", [] { return std::string("公务员"); },
                             [] { return std::string("a civil servant"); }));
      age_ok(c, age, max_age, e, words);
    } else if (c.selected_graduate) {
      e = std::move(as_graduate);
    } else {
      e.failed.push_back(reason(words, "civil_servant", [] { return std::string("既非公务员也非选调生"); },
                                [] { return std::string("neither a civil servant nor a selected graduate"); }));
    }
    return finish(std::move(e));
  }

  Rating rating_of(const Cadre &c, int year) const {
    auto it = annual_.find(c.person.id);
    if (it == annual_.end()) return Rating::none;
    auto jt = it->second.find(year);
    return jt == it->second.end() ? Rating::none : jt->second;
  }

  Eval nvshaofei(const Cadre &c, bool words) const {
    Eval e;
    const bool woman = is_woman(c.person), minority = is_ethnic_minority(c.person), non_party = is_non_party(c.person);
    if (!woman && !minority && !non_party) {
      e.failed.push_back(reason(words, "group", [] { return std::string("非女干部、少数民族干部或党外干部"); },
                                [] { return std::string("not a woman, minority or non-party cadre"); }));
    } else {
      const auto group = [&](const char *sep, const char *w, const char *m, const char *np) {
        std::string s;
        for (const auto &[in, t] : {std::pair{woman, w}, std::pair{minority, m}, std::pair{non_party, np}})
          if (in) (s += (s.empty() ? "" : sep)) += t;
        return s;
      };
      e.met.push_back(reason(words, "group", [&] { return group("、", "女干部", "少数民族干部", "党外干部"); },
                             [&] { return group(", ", "a woman", "of an ethnic minority", "not a party member"); }));
    }
    const int last = static_cast<int>(as_of_.year()) - 1;
    const int first = last - static_cast<int>(pr_.nsf_years) + 1;
    auto it = annual_.find(c.person.id);
    std::vector<int> short_years;
    std::int64_t excellent = 0;
    for (int y = first; y <= last; ++y) {
      Rating r = Rating::none;
      if (it != annual_.end()) {
        auto jt = it->second.find(y);
        if (jt != it->second.end()) r = jt->second;
      }
      if (!at_least(r, pr_.nsf_min)) short_years.push_back(y);
      if (r == Rating::excellent) ++excellent;
    }
    const auto span_zh = [&] { return n(first) + "—" + n(last) + "年"; };
    const auto span_en = [&] { return n(first) + "–" + n(last); };
    const auto min_zh = [&] { return std::string(assessment::rating_name_zh(pr_.nsf_min)); };
    const auto min_en = [&] { return std::string(assessment::rating_name(pr_.nsf_min)); };
    if (short_years.empty()) {
      e.met.push_back(reason(words, "ratings", [&] { return span_zh() + "年度考核均为" + min_zh() + "及以上"; },
                             [&] { return "annual ratings of " + span_en() + " all at least " + min_en(); }));
    } else {
      const auto years = [&] {
        std::string ys;
        for (int y : short_years) ys += (ys.empty() ? "" : ",") + n(y);
        return ys;
      };
      Reason r = reason(words, "ratings", [&] { return years() + "年度考核未达" + min_zh() + "或缺少"; },
                        [&] { return "annual rating of " + years() + " below " + min_en() + " or missing"; });
      e.failed.push_back(r);
      if (short_years.size() == 1 && pr_.nsf_years > 1) {
        e.near_fail = true;
        e.fail_reasons.push_back(r);
      }
    }
    // "业绩突出": at least talent.nvshaofei.min_excellent_years ratings of 优秀 in those years.
    if (excellent >= pr_.nsf_min_excellent) {
      if (pr_.nsf_min_excellent > 0)
        e.met.push_back(reason(
            words, "excellent", [&] { return span_zh() + "年度考核" + n(excellent) + "次优秀（业绩突出）"; },
            [&] { return n(excellent) + " excellent annual rating(s) in " + span_en() + " (strong results)"; }));
    } else {
      Reason r = reason(
          words, "excellent",
          [&] { return span_zh() + "年度考核优秀" + n(excellent) + "次，少于" + n(pr_.nsf_min_excellent) + "次"; },
          [&] {
            return n(excellent) + " excellent annual rating(s) in " + span_en() + ", fewer than " +
                   n(pr_.nsf_min_excellent);
          });
      e.failed.push_back(r);
      if (excellent + 1 == pr_.nsf_min_excellent && short_years.empty()) {
        e.near_fail = true;
        e.fail_reasons.push_back(r);
      }
    }
    return finish(std::move(e));
  }

  const Params &pr_;
  Date as_of_;
  const Policy &policy_;
  const std::map<std::string, std::map<int, Rating>> &annual_;
  Date near_limit_, near_floor_;
  mutable std::optional<bool> year_difference_;  // talent.age.counting on as_of, read on first use
};

// Every cadre checked in order, the first bad one named: an empty id, an id given before (found
// from `by_id`, the cadres in the order of their ids, where one id's cadres stand together), a
// record validate() refuses, a rank_since that is no date.
void check_cadres(std::span<const Cadre> cadres, std::span<const std::size_t> by_id) {
  std::size_t twice = cadres.size();  // the first cadre whose id an earlier one has
  for (std::size_t k = 1; k < by_id.size(); ++k)
    if (cadres[by_id[k]].person.id == cadres[by_id[k - 1]].person.id) twice = std::min(twice, by_id[k]);
  for (std::size_t i = 0; i < cadres.size(); ++i) {
    const auto rec = [i] { return "cadres[" + std::to_string(i) + "]"; };
    const Person &p = cadres[i].person;
    if (vocabulary::blank(p.id)) throw InvalidInput("id is empty", "id", rec());
    if (i == twice) throw InvalidInput("duplicate cadre id", "id", rec());
    try {
      validate(p);
    } catch (const InvalidInput &e) {
      throw InvalidInput(e.message(), e.field(), rec());
    }
    if (cadres[i].rank_since && cadres[i].rank_since->is_special())
      throw InvalidInput("rank_since is not a date", "rank_since", rec());
  }
}

std::map<std::string, std::map<int, Rating>> annual_ratings(std::span<const assessment::Record> rs) {
  std::map<std::string, std::map<int, Rating>> out;
  for (std::size_t i = 0; i < rs.size(); ++i) {
    const auto &r = rs[i];
    if (r.kind != assessment::Kind::annual || r.period % 100 != 0) continue;
    assessment::validate(r, "assessments[" + std::to_string(i) + "]");
    auto [it, fresh] = out[r.cadre_id].emplace(r.period / 100, r.rating);
    if (!fresh)
      throw InvalidInput("two annual records of one cadre for one year", "period",
                         "assessments[" + std::to_string(i) + "]");
  }
  return out;
}

Explanation entry_explanation(const Params &pr, const std::string &id, Pool pool, int age, const Eval &e,
                              const char *outcome) {
  Explanation ex("cadre " + id);
  const std::string pfx = std::string("talent.") + pool_name(pool) + ".";
  for (const auto &p : pr.used.parameters)
    if (p.name.rfind(pfx, 0) == 0 || p.name == "talent.age.counting" || p.name == "talent.near_miss.months")
      ex.add_parameter(p);
  // For the short form: what decided are the criteria behind this outcome (those met for a
  // member or an exclusion, those missed otherwise, and the age for one who ages out); the
  // parameters of the other criteria, the pool's size and (but for a near miss) its window are
  // detail.
  const std::vector<Reason> &deciding = e.member ? e.met : e.failed;
  auto decided = [&](std::string_view code) {
    return std::any_of(deciding.begin(), deciding.end(), [&](const Reason &r) { return r.code == code; }) ||
           (code == "age" && std::string_view(outcome) == "near_miss" && e.near_kind == "ages_out");
  };
  struct Criterion {
    std::string_view parameter, code, code2;
  };
  static constexpr Criterion kCriteria[] = {
      {"talent.echelon1.max_age", "age", ""},
      {"talent.echelon1.min_rank", "rank", ""},
      {"talent.echelon1.max_rank", "rank", ""},
      {"talent.echelon2.age_limit", "age", ""},
      {"talent.echelon2.age_limit_inclusive", "age", ""},
      {"talent.echelon2.graduate_min_rating", "selected_graduate", ""},
      {"talent.nvshaofei.assessment_years", "ratings", "excellent"},
      {"talent.nvshaofei.min_rating", "ratings", ""},
      {"talent.nvshaofei.min_excellent_years", "excellent", ""},
      {"talent.age.counting", "age", ""},
  };
  for (const Criterion &c : kCriteria)
    if (!decided(c.code) && (c.code2.empty() || !decided(c.code2))) ex.mark_parameter_detail(c.parameter);
  ex.mark_parameter_detail(pfx + "size");
  if (std::string_view(outcome) != "near_miss") ex.mark_parameter_detail("talent.near_miss.months");
  ex.add_input("age", std::to_string(age), !decided("age"));
  const std::string rid = std::string("talent.pool.") + pool_name(pool) + "." + outcome;
  std::string zh, en;
  for (const auto &r : (e.member ? e.met : e.failed)) {
    zh += (zh.empty() ? "" : "；") + r.zh;
    en += (en.empty() ? "" : "; ") + r.en;
  }
  ex.add_rule({rid, "HURE.1", std::string(pool_name_zh(pool)) + "：" + zh, std::string(pool_name(pool)) + ": " + en});
  return ex;
}

}  // namespace

std::vector<ParamUsed> pool_parameters(const Policy &policy, Date as_of) {
  return load(policy, as_of).used.parameters;  // exactly what the pools read, in order
}

Pools pools(std::span<const Cadre> cadres, const Supervision &sup, Date as_of, const Policy &policy,
            bool explain) {
  if (as_of.is_special()) throw InvalidInput("as_of is not a date", "as_of");
  // index order: by cadre id (of equal ids, the first given first)
  const std::vector<std::size_t> order = text_util::order_by_text(
      cadres.size(), [&](std::size_t i) { return std::string_view(cadres[i].person.id); });
  check_cadres(cadres, order);
  const Params pr = load(policy, as_of);
  const auto annual = annual_ratings(sup.assessments);
  const auto excl = detail::supervision_reasons(sup, as_of, policy);
  Evaluator eval(pr, as_of, policy, annual);
  Pools out;
  out.as_of = as_of;
  std::vector<int> ages(cadres.size());
  const bool year_difference = !cadres.empty() && by_year_difference(policy, as_of, nullptr);  // read once
  for (std::size_t i = 0; i < cadres.size(); ++i) {
    try {
      ages[i] = age_counted(cadres[i].person.birth_date, as_of, year_difference);
    } catch (const InvalidInput &e) {
      throw InvalidInput(e.message(), "birth_date", "cadres[" + std::to_string(i) + "]");
    }
  }
  // The echelons are tiers (梯次): a cadre who meets the first echelon's criteria belongs to it,
  // and the second lists them as in the first. The 女少非 pool is chosen by its own criteria.
  std::vector<bool> in_e1(cadres.size(), false);
  for (int pi = 0; pi < pool_count; ++pi) {
    const Pool pool = static_cast<Pool>(pi);
    std::int64_t count = 0;
    for (std::size_t i : order) {
      const Cadre &c = cadres[i];
      // Decided without the reasons' words; a decision written out (a member, a near miss) is
      // decided again with them.
      Eval e = eval(c, pool, ages[i], false);
      if (e.member || !e.near_kind.empty()) e = eval(c, pool, ages[i], true);
      if (pool == Pool::echelon1 && e.member) in_e1[i] = true;
      auto ex_it = excl.find(c.person.id);
      if (pool == Pool::echelon2 && in_e1[i] && ex_it == excl.end()) {
        if (e.member) {
          Reason r{"in_echelon1", "已在第一梯队（两个梯队不重复）", "already in the first echelon (the echelons do not overlap)"};
          PoolEntry pe{c.person.id, pool, {r}, "in_echelon1", std::nullopt, {}};
          if (explain) {
            pe.explanation = entry_explanation(pr, c.person.id, pool, ages[i], e, "in_echelon1");
            pe.explanation.add_rule({"talent.pool.echelons_disjoint", "HURE.1", r.zh, r.en});
          }
          out.excluded.push_back(std::move(pe));
        }
        continue;
      }
      if (e.member && ex_it != excl.end()) {
        PoolEntry pe{c.person.id, pool, ex_it->second,
                     ex_it->second.front().code.rfind("red_line", 0) == 0 ? "red_line" : "open_disposal_case",
                     std::nullopt, {}};
        if (explain) {
          pe.explanation = entry_explanation(pr, c.person.id, pool, ages[i], e, "excluded");
          for (const auto &r : ex_it->second)
            pe.explanation.add_rule({"talent.supervision.excluded", "HURE.5", r.zh, r.en});
        }
        out.excluded.push_back(std::move(pe));
        continue;
      }
      if (e.member) {
        ++count;
        PoolEntry pe{c.person.id, pool, e.met, {}, std::nullopt, {}};
        if (explain) pe.explanation = entry_explanation(pr, c.person.id, pool, ages[i], e, "member");
        out.members.push_back(std::move(pe));
      }
      if (!e.near_kind.empty()) {
        std::vector<Reason> rs = e.near_reasons;
        if (e.near_kind == "ages_out") rs.insert(rs.begin(), e.met.begin(), e.met.end());
        PoolEntry pe{c.person.id, pool, std::move(rs), e.near_kind, e.near_date, {}};
        if (explain) pe.explanation = entry_explanation(pr, c.person.id, pool, ages[i], e, "near_miss");
        out.near_misses.push_back(std::move(pe));
      }
    }
    out.sizes.push_back({pool, count, pr.size[pi]});
  }
  return out;
}

// ------------------------------------------------------------------------------------------
// Pools over columns
// ------------------------------------------------------------------------------------------

namespace {

struct Ymd {
  int y;
  int m, d;
};
/// The civil date of a day number (days since 1970-01-01), without a Date per row.
Ymd civil(std::int32_t days) {
  const std::int64_t z = static_cast<std::int64_t>(days) + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400) + (m <= 2 ? 1 : 0), m, d};
}

/// Age on `t` of someone born on `b` as age_on() counts it; for `t` before `b` a number below 1,
/// so that "age >= k" (k >= 1) holds exactly when date_of_age(b, k) <= t.
int age_at(const Ymd &b, const Ymd &t, bool year_difference) {
  int a = t.y - b.y;
  if (!year_difference && (t.m < b.m || (t.m == b.m && t.d < b.d))) --a;
  return a;
}

/// Near-miss state of one pool for one cadre, as the Evaluator decides it.
struct Decision {
  bool member = false;
  bool near = false;  // ages_out for a member, misses_one otherwise
};

}  // namespace

void pools_columns(const PoolColumns &in, const RatingColumns &ratings, Date as_of, const Policy &policy,
                   PoolOut out) {
  if (as_of.is_special()) throw InvalidInput("as_of is not a date", "as_of");
  const std::size_t n = in.birth_date.size();
  auto need = [](std::size_t got, std::size_t want, const char *col) {
    if (got != want)
      throw InvalidInput("column has " + std::to_string(got) + " rows, expected " + std::to_string(want), col);
  };
  need(in.sex.size(), n, "sex");
  need(in.ethnicity.size(), n, "ethnicity");
  need(in.political_status.size(), n, "political_status");
  need(in.rank.size(), n, "rank");
  need(in.civil_servant.size(), n, "civil_servant");
  need(in.selected_graduate.size(), n, "selected_graduate");
  if (!in.supervised.empty()) need(in.supervised.size(), n, "supervised");
  const std::size_t m = ratings.cadre.size();
  need(ratings.year.size(), m, "ratings.year");
  need(ratings.rating.size(), m, "ratings.rating");
  need(out.member.size(), n, "member");
  need(out.near_miss.size(), n, "near_miss");
  need(out.excluded.size(), n, "excluded");
  need(out.age.size(), n, "age");
  if (n > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max())) throw InvalidInput("too many rows", "birth_date");

  const Params pr = load(policy, as_of);
  const bool ydiff = by_year_difference(policy, as_of, nullptr);
  const std::int32_t today = to_days(as_of);
  const std::int32_t earliest = to_days(min_date());
  const Ymd t = civil(today);
  const Ymd near_limit = civil(to_days(add_months(as_of, pr.near_months)));
  const Ymd near_floor = civil(to_days(add_months(as_of, -pr.near_months)));
  const std::int64_t e2_max = pr.e2_inclusive ? pr.e2_limit : pr.e2_limit - 1;
  const int last = t.y - 1;
  const int first = last - static_cast<int>(pr.nsf_years) + 1;
  const auto k = static_cast<std::size_t>(pr.nsf_years);
  const auto graduate_min = static_cast<int>(pr.e2_graduate_min);
  const auto nsf_min = static_cast<int>(pr.nsf_min);

  // Check every row first: nothing is written on bad input.
  for (std::size_t i = 0; i < n; ++i) {
    auto bad = [&](const char *msg, const char *col) {
      throw InvalidInput(msg, col, "row " + std::to_string(i + 1));
    };
    if (in.birth_date[i] < earliest) bad("birth date out of range", "birth_date");
    if (in.birth_date[i] > today) bad("the as-of date is before the birth date", "birth_date");
    if (in.sex[i] != 1 && in.sex[i] != 2) bad("sex must be 1 or 2", "sex");
    if (in.ethnicity[i] < 1 || in.ethnicity[i] > 56) bad("ethnicity must be a GB 3304 code 1..56", "ethnicity");
    if (in.political_status[i] == 0) bad("the political status is unknown", "political_status");
    if (in.political_status[i] > 13) bad("political_status must be a GB/T 4762 code 1..13", "political_status");
    if (in.rank[i] > static_cast<std::uint8_t>(Rank::zheng_ting)) bad("not a rank", "rank");
    if (in.civil_servant[i] > 1) bad("civil_servant must be 0 or 1", "civil_servant");
    if (in.selected_graduate[i] > 1) bad("selected_graduate must be 0 or 1", "selected_graduate");
    if (!in.supervised.empty() && in.supervised[i] > 1) bad("supervised must be 0 or 1", "supervised");
    // date_of_age() of the age limits (pools() computes them for every cadre it evaluates).
    const int by = civil(in.birth_date[i]).y;
    if (by + pr.e1_max_age + 1 > 9999 ||
        (in.civil_servant[i] != 0 && by + e2_max + 1 > 9999))
      bad("date out of range", "birth_date");
  }
  // The ratings of the window, one byte per cadre and year: 0 = none given, else 0x80 | rating.
  std::vector<std::uint8_t> window(n * k, 0);
  for (std::size_t j = 0; j < m; ++j) {
    auto bad = [&](const char *msg, const char *col) {
      throw InvalidInput(msg, col, "row " + std::to_string(j + 1));
    };
    const std::int32_t c = ratings.cadre[j];
    if (c < -1 || (c >= 0 && static_cast<std::size_t>(c) >= n)) bad("cadre row out of range", "ratings.cadre");
    if (ratings.rating[j] >= assessment::rating_count) bad("not a rating", "ratings.rating");
    const std::int32_t y = ratings.year[j];
    if (y < 1400 || y > 9999) bad("year out of range", "ratings.year");
    if (c < 0 || y < first || y > last) continue;
    std::uint8_t &slot = window[static_cast<std::size_t>(c) * k + static_cast<std::size_t>(y - first)];
    if (slot != 0) bad("two annual records of one cadre for one year", "ratings.year");
    slot = static_cast<std::uint8_t>(0x80 | ratings.rating[j]);
  }

  auto at_least_v = [](int v, int min) { return v >= 1 && v <= 4 && v <= min; };
  // The age criterion of Evaluator::age_ok: whether met, and whether near (ages out within the
  // window for a member; reached the limit within the window before, for a non-member).
  auto age_rule = [&](const Ymd &b, int age, std::int64_t max_age, bool &near) {
    if (age <= max_age) {
      near = age_at(b, near_limit, ydiff) >= max_age + 1;
      return true;
    }
    near = age == max_age + 1 && age_at(b, near_floor, ydiff) < max_age + 1;
    return false;
  };
  for (std::size_t i = 0; i < n; ++i) {
    const Ymd b = civil(in.birth_date[i]);
    const int age = age_at(b, t, ydiff);
    const auto rank = static_cast<Rank>(in.rank[i]);
    const std::uint8_t *r = window.data() + i * k;
    const bool supervised = !in.supervised.empty() && in.supervised[i] != 0;

    // 第一梯队: rank and age.
    Decision d1;
    {
      const bool rank_ok = rank >= pr.e1_min_rank && rank <= pr.e1_max_rank;
      bool near = false;
      const bool age_ok = age_rule(b, age, pr.e1_max_age, near);
      d1.member = rank_ok && age_ok;
      d1.near = d1.member ? near : (rank_ok && near);  // misses_one: the age alone, and near
    }
    // 第二梯队: an excellent selected graduate, or a civil servant within the age limit.
    Decision d2;
    {
      const bool graduate_ok = in.selected_graduate[i] != 0 && at_least_v(r[k - 1] & 0x7f, graduate_min);
      if (graduate_ok) {
        d2.member = true;
      } else if (in.civil_servant[i] != 0) {
        bool near = false;
        d2.member = age_rule(b, age, e2_max, near);
        d2.near = near;
      }
    }
    // 女少非: the group, the ratings of the window, the excellent years.
    Decision d3;
    {
      const bool group = in.sex[i] == 2 || in.ethnicity[i] != 1 || in.political_status[i] > 2;
      std::size_t short_years = 0;
      std::int64_t excellent = 0;
      for (std::size_t y = 0; y < k; ++y) {
        const int v = r[y] & 0x7f;
        if (!at_least_v(v, nsf_min)) ++short_years;
        if (v == static_cast<int>(Rating::excellent)) ++excellent;
      }
      const bool excellent_ok = excellent >= pr.nsf_min_excellent;
      const int failed = (group ? 0 : 1) + (short_years == 0 ? 0 : 1) + (excellent_ok ? 0 : 1);
      const bool near = (short_years == 1 && pr.nsf_years > 1) ||
                        (!excellent_ok && excellent + 1 == pr.nsf_min_excellent && short_years == 0);
      d3.member = failed == 0;
      d3.near = failed == 1 && near;
    }

    std::uint8_t member = 0, near = 0, excluded = 0;
    auto place = [&](const Decision &d, int bit) {
      if (d.member && supervised) {
        excluded |= static_cast<std::uint8_t>(1u << bit);
        return;
      }
      if (d.member) member |= static_cast<std::uint8_t>(1u << bit);
      if (d.near) near |= static_cast<std::uint8_t>(1u << bit);
    };
    place(d1, 0);
    // The echelons do not overlap: one who meets the first echelon's criteria is listed by the
    // second as in_echelon1 (when not excluded by supervision).
    if (d1.member && !supervised) {
      if (d2.member) excluded |= 2u;
    } else {
      place(d2, 1);
    }
    place(d3, 2);
    out.member[i] = member;
    out.near_miss[i] = near;
    out.excluded[i] = excluded;
    out.age[i] = age;
  }
}

std::vector<PoolChange> pool_changes(std::span<const Cadre> cadres, const Supervision &sup, Date from,
                                     Date to, const Policy &policy) {
  if (from.is_special() || to.is_special()) throw InvalidInput("not a date", "from");
  if (!(from < to)) throw InvalidInput("from must be before to", "from");
  const Pools a = pools(cadres, sup, from, policy);
  const Pools b = pools(cadres, sup, to, policy);
  using Key = std::pair<int, std::string>;
  std::map<Key, const PoolEntry *> in_a, in_b;
  for (const auto &m : a.members) in_a[{static_cast<int>(m.pool), m.cadre_id}] = &m;
  for (const auto &m : b.members) in_b[{static_cast<int>(m.pool), m.cadre_id}] = &m;
  std::map<Key, const PoolEntry *> excl_b;
  for (const auto &m : b.excluded) excl_b[{static_cast<int>(m.pool), m.cadre_id}] = &m;
  // What is missing at `to` for a cadre who left: re-evaluate that cadre.
  const Params pr = load(policy, to);
  const auto annual = annual_ratings(sup.assessments);
  Evaluator eval(pr, to, policy, annual);
  std::map<std::string, std::size_t> idx;
  for (std::size_t i = 0; i < cadres.size(); ++i) idx[cadres[i].person.id] = i;
  std::vector<PoolChange> out;
  std::set<Key> keys;
  for (const auto &kv : in_a) keys.insert(kv.first);
  for (const auto &kv : in_b) keys.insert(kv.first);
  for (const auto &k : keys) {
    const bool was = in_a.count(k) != 0, is = in_b.count(k) != 0;
    if (was == is) continue;
    PoolChange ch{k.second, static_cast<Pool>(k.first), is, {}};
    if (is) {
      ch.reasons = in_b[k]->reasons;
    } else if (auto x = excl_b.find(k); x != excl_b.end()) {
      ch.reasons = x->second->reasons;
    } else {
      const Cadre &c = cadres[idx[k.second]];
      ch.reasons = eval(c, ch.pool, age_on(c.person.birth_date, to, policy)).failed;
    }
    out.push_back(std::move(ch));
  }
  return out;
}

}  // namespace cadrekit::talent
