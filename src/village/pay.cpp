// JARUD.1 structured pay: the model's codes, the pay sheet with explanations, publicity windows.
#include <algorithm>
#include <climits>
#include <map>
#include <string>
#include <unordered_map>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/village.hpp"
#include "village/detail.hpp"

namespace cadrekit::village {

using detail::PayRules;

const char *post_code(Post p) noexcept {
  switch (p) {
    case Post::secretary: return "secretary";
    case Post::director: return "director";
    case Post::both: return "both";
  }
  return "?";
}

Post parse_post(std::string_view c, std::string_view record) {
  if (c == "secretary" || c == "书记") return Post::secretary;
  if (c == "director" || c == "主任") return Post::director;
  if (c == "both" || c == "一肩挑") return Post::both;
  throw InvalidInput("post must be secretary, director or both", "post", std::string(record));
}

const char *team_grade_code(TeamGrade g) noexcept {
  static const char *n[] = {"outstanding", "good", "ordinary", "not_graded"};
  return n[static_cast<int>(g) & 3];
}
const char *team_grade_zh(TeamGrade g) noexcept {
  static const char *n[] = {"实绩突出", "比较突出", "一般", "未评定"};
  return n[static_cast<int>(g) & 3];
}
const char *grade_code(Grade g) noexcept {
  static const char *n[] = {"excellent", "basic", "unqualified", "not_graded"};
  return n[static_cast<int>(g) & 3];
}
const char *grade_zh(Grade g) noexcept {
  static const char *n[] = {"优秀", "基本合格", "不合格", "未评定"};
  return n[static_cast<int>(g) & 3];
}
Grade parse_grade(std::string_view t, std::string_view record) {
  for (int i = 0; i < 4; ++i) {
    const auto g = static_cast<Grade>(i);
    if (t == grade_code(g) || t == grade_zh(g)) return g;
  }
  throw InvalidInput("grade must be excellent/basic/unqualified/not_graded or 优秀/基本合格/不合格/未评定",
                     "grade", std::string(record));
}
Grade personal_grade(TeamGrade g) noexcept {
  switch (g) {
    case TeamGrade::outstanding: return Grade::excellent;
    case TeamGrade::good: return Grade::basic;
    case TeamGrade::ordinary: return Grade::unqualified;
    default: return Grade::not_graded;
  }
}

void pay_columns(const PayColumnsIn &in, int year, const Policy &policy, PayColumnsOut out) {
  const PayRules rules = detail::load_pay_rules(policy, year);
  std::vector<std::int64_t> keys;
  detail::compute(in, year, rules, out, keys);
}

DateRange publicity_window(Date start, const Policy &policy, Explanation *ex) {
  const auto days = policy.integer("village.publicity_days", start, ex);
  if (days < 1 || days > 366) throw PolicyError("village.publicity_days out of range", "village.publicity_days");
  return WorkCalendar::china(true).calendar_window(start, static_cast<int>(days));
}

std::array<DateRange, 4> quarterly_publicity_windows(int year, const Policy &policy,
                                                     const std::optional<std::array<Date, 4>> &starts) {
  std::array<DateRange, 4> w;
  for (int q = 0; q < 4; ++q) {
    const Date s = starts ? (*starts)[q]
                          : (q < 3 ? make_date(year, 3 * q + 4, 1, "year") : make_date(year + 1, 1, 1, "year"));
    w[q] = publicity_window(s, policy);
  }
  return w;
}

namespace {

struct ParsedPeriod {
  int year;
  int index;  // 0..3 quarters, 4 annual
};

ParsedPeriod parse_period(std::string_view p, std::size_t row) {
  auto digits = [](std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  auto year4 = [](std::string_view s) {
    return (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  };
  if (p.size() == 4 && digits(p)) return {year4(p), 4};
  if (p.size() == 6 && digits(p.substr(0, 4)) && (p[4] == 'Q' || p[4] == 'q') && p[5] >= '1' &&
      p[5] <= '4')
    return {year4(p), p[5] - '1'};
  throw InvalidInput("period must be YYYY (annual) or YYYYQ1..YYYYQ4", "period",
                     "scores[" + std::to_string(row) + "]");
}

std::string period_name(int year, int i) {
  return i == 4 ? std::to_string(year) : std::to_string(year) + "Q" + std::to_string(i + 1);
}

std::string yuan(Money m) { return m.to_decimal_string(); }

const char *band_zh(int b) { return b == 0 ? "人口较少" : b == 1 ? "人口中等" : "人口较多"; }
const char *band_en(int b) { return b == 0 ? "small" : b == 1 ? "medium" : "large"; }
const char *band_param(int b) {
  return b == 0 ? "village.base_pay.small" : b == 1 ? "village.base_pay.medium" : "village.base_pay.large";
}

}  // namespace

PaySheet pay_sheet(const std::vector<Village> &villages, const std::vector<Principal> &principals,
                   const std::vector<Score> &scores, int year, const Policy &policy,
                   const PaySheetOptions &options) {
  const PayRules rules = detail::load_pay_rules(policy, year);
  const Date graded_on = options.graded_on ? *options.graded_on : make_date(year, 12, 31, "year");
  const std::size_t V = villages.size(), P = principals.size();

  // Villages and townships.
  std::unordered_map<std::string, std::int32_t> vrow;
  vrow.reserve(V * 2);
  // townships: indices in name (byte) order; hashing first, one sort of the distinct names
  std::unordered_map<std::string_view, std::int32_t> town_tmp;
  std::vector<std::string_view> town_names;
  std::vector<std::int32_t> v_town(V);
  std::vector<std::int64_t> pop(V);
  for (std::size_t v = 0; v < V; ++v) {
    const auto &x = villages[v];
    if (x.village_id.empty())
      throw InvalidInput("village_id is empty", "village_id", "villages[" + std::to_string(v) + "]");
    if (x.township.empty()) throw InvalidInput("township is empty", "township", x.village_id);
    if (x.population < 0) throw InvalidInput("population is negative", "population", x.village_id);
    if (!vrow.emplace(x.village_id, static_cast<std::int32_t>(v)).second)
      throw InvalidInput("village_id appears twice", "village_id", x.village_id);
    const auto [it, fresh] = town_tmp.emplace(x.township, static_cast<std::int32_t>(town_names.size()));
    if (fresh) town_names.push_back(x.township);
    v_town[v] = it->second;
    pop[v] = x.population;
  }
  std::vector<std::int32_t> town_order(town_names.size()), town_rank(town_names.size());
  for (std::size_t i = 0; i < town_order.size(); ++i) town_order[i] = static_cast<std::int32_t>(i);
  std::sort(town_order.begin(), town_order.end(),
            [&](std::int32_t a, std::int32_t b) { return town_names[a] < town_names[b]; });
  for (std::size_t i = 0; i < town_order.size(); ++i) town_rank[town_order[i]] = static_cast<std::int32_t>(i);
  for (auto &t : v_town) t = town_rank[t];
  const std::size_t n_towns = town_names.size();

  // Scores of the year.
  std::vector<std::int64_t> sc(5 * V, 0);
  std::vector<std::uint8_t> present(V, 0);
  for (std::size_t i = 0; i < scores.size(); ++i) {
    const auto &s = scores[i];
    auto rec = [i] { return "scores[" + std::to_string(i) + "]"; };
    const auto it = vrow.find(s.village_id);
    if (it == vrow.end()) throw InvalidInput("score of an unknown village", "village_id", rec());
    const ParsedPeriod pp = parse_period(s.period, i);
    if (pp.year != year) continue;  // other years do not count
    // exact: score = num/den with den dividing score_scale (at most 4 decimal places)
    const auto &num = boost::multiprecision::numerator(s.score);
    const auto &den = boost::multiprecision::denominator(s.score);
    if (den > score_scale || score_scale % den.convert_to<std::int64_t>() != 0)
      throw InvalidInput("score has more than 4 decimal places", "score", rec());
    if (num < 0 || num > den * 1000000)
      throw InvalidInput("score is outside 0 .. 1,000,000", "score", rec());
    const auto v = static_cast<std::size_t>(it->second);
    if (present[v] & (1u << pp.index)) throw InvalidInput("score given twice for the period", "period", rec());
    present[v] |= static_cast<std::uint8_t>(1u << pp.index);
    sc[5 * v + static_cast<std::size_t>(pp.index)] =
        num.convert_to<std::int64_t>() * (score_scale / den.convert_to<std::int64_t>());
  }

  // Principals.
  std::vector<std::int32_t> p_village(P), p_from(P), p_to(P);
  std::vector<std::uint8_t> p_post(P);
  for (std::size_t i = 0; i < P; ++i) {
    const auto &x = principals[i];
    if (x.cadre_id.empty())
      throw InvalidInput("cadre_id is empty", "cadre_id", "principals[" + std::to_string(i) + "]");
    const std::string &rec = x.cadre_id;
    const auto it = vrow.find(x.village_id);
    if (it == vrow.end()) throw InvalidInput("principal of an unknown village", "village_id", rec);
    if (x.served_from.is_special()) throw InvalidInput("served_from is missing", "served_from", rec);
    p_village[i] = it->second;
    p_post[i] = static_cast<std::uint8_t>(x.post);
    p_from[i] = to_days(x.served_from);
    p_to[i] = x.served_to ? to_days(*x.served_to) : INT32_MAX;
    if (p_to[i] < p_from[i]) throw InvalidInput("served_to is before served_from", "served_to", rec);
  }
  // The same cadre twice in one village with overlapping service: must be one record "both".
  // Principals grouped by village (counting sort); pairs compared within each village.
  {
    std::vector<std::int32_t> off(V + 1, 0), by(P);
    for (std::size_t i = 0; i < P; ++i) ++off[static_cast<std::size_t>(p_village[i]) + 1];
    for (std::size_t v = 0; v < V; ++v) off[v + 1] += off[v];
    std::vector<std::int32_t> pos(off.begin(), off.end() - 1);
    for (std::size_t i = 0; i < P; ++i)
      by[static_cast<std::size_t>(pos[static_cast<std::size_t>(p_village[i])]++)] = static_cast<std::int32_t>(i);
    for (std::size_t v = 0; v < V; ++v)
      for (std::int32_t x = off[v]; x < off[v + 1]; ++x)
        for (std::int32_t y = x + 1; y < off[v + 1]; ++y) {
          const auto a = static_cast<std::size_t>(by[static_cast<std::size_t>(x)]);
          const auto b = static_cast<std::size_t>(by[static_cast<std::size_t>(y)]);
          if (p_from[a] <= p_to[b] && p_from[b] <= p_to[a] && principals[a].cadre_id == principals[b].cadre_id)
            throw InvalidInput("cadre listed twice in one village with overlapping service (use post 'both')",
                               "post", principals[std::max(a, b)].cadre_id);
        }
  }

  std::vector<std::uint8_t> v_grade(V), p_grade(P);
  std::vector<std::int32_t> v_rank(V), p_units(P);
  std::vector<std::int64_t> base(P), perf(P), total(P), keys;
  PayColumnsIn in{v_town, pop, sc, present, p_village, p_post, p_from, p_to};
  PayColumnsOut out{v_grade, v_rank, base, perf, total, p_grade, p_units};
  detail::compute(in, year, rules, out, keys);

  PaySheet sheet;
  sheet.lines.reserve(P);
  sheet.year = year;
  std::vector<std::int64_t> graded_in(n_towns, 0);
  for (std::size_t v = 0; v < V; ++v)
    if (v_rank[v] > 0) ++graded_in[static_cast<std::size_t>(v_town[v])];
  sheet.villages.reserve(V);
  for (std::size_t v = 0; v < V; ++v) {
    VillageResult r;
    r.village_id = villages[v].village_id;
    r.township = villages[v].township;
    r.team_grade = static_cast<TeamGrade>(v_grade[v]);
    r.rank = v_rank[v];
    r.graded_in_township = static_cast<int>(graded_in[static_cast<std::size_t>(v_town[v])]);
    if (v_rank[v] > 0) {
      r.composite = Rational(keys[v]) / rules.key_den;
    } else {
      for (int i = 0; i < 5; ++i)
        if (!(present[v] & (1u << i))) {
          if (!r.missing.empty()) r.missing += ",";
          r.missing += period_name(year, i);
        }
    }
    sheet.villages.push_back(std::move(r));
  }

  const std::int32_t jan1 = rules.jan1, dec31 = rules.dec31;
  const std::int32_t graded_day = to_days(graded_on);
  std::vector<Totals> tt(n_towns);
  for (std::size_t i = 0; i < n_towns; ++i) tt[i].township = std::string(town_names[town_order[i]]);
  for (std::size_t v = 0; v < V; ++v) ++tt[static_cast<std::size_t>(v_town[v])].villages;

  for (std::size_t i = 0; i < P; ++i) {
    if (p_to[i] < jan1 || p_from[i] > dec31) continue;  // not serving in the year
    const auto &x = principals[i];
    const auto v = static_cast<std::size_t>(p_village[i]);
    PayLine l;
    l.cadre_id = x.cadre_id;
    l.village_id = x.village_id;
    l.township = villages[v].township;
    l.post = x.post;
    l.months = p_units[i];
    l.period_units = rules.prorate_days ? dec31 - jan1 + 1 : 12;
    l.base = Money::from_fen(base[i]);
    l.performance = Money::from_fen(perf[i]);
    l.total = Money::from_fen(total[i]);
    l.team_grade = static_cast<TeamGrade>(v_grade[v]);
    l.grade = static_cast<Grade>(p_grade[i]);
    const bool in_post_at_grading = p_to[i] >= graded_day && p_from[i] <= graded_day;
    Explanation ex;
    if (options.explain) ex.subject = "principal " + x.cadre_id + " of village " + x.village_id;
    Explanation *e = options.explain ? &ex : nullptr;
    if (l.grade == Grade::unqualified && in_post_at_grading) {
      if (e) {
        policy.integer("village.admonishment_talk.within_days", rules.as_of, e);
        policy.integer("village.rectification.within_days", rules.as_of, e);
      }
      l.actions.reserve(2);
      l.actions.push_back({"admonishment_talk", graded_on + boost::gregorian::days(rules.talk_days)});
      l.actions.push_back({"rectification", graded_on + boost::gregorian::days(rules.rectify_days)});
    }
    if (options.explain) {
      const Date a = rules.as_of;
      const VillageResult &vr = sheet.villages[v];
      const int b = detail::band_of(rules, pop[v]);
      policy.integer("village.base_pay.medium_min_population", a, e);
      policy.integer("village.base_pay.large_min_population", a, e);
      const Money band = policy.money(band_param(b), a, e);
      ex.add_input("village_id", x.village_id);
      ex.add_input("population", std::to_string(pop[v]));
      ex.add_rule({"village.base_pay.band", "JARUD.1",
                   std::string("人口") + std::to_string(pop[v]) + "人，属" + band_zh(b) + "档，基础工资每年" +
                       yuan(band) + "元",
                   "population " + std::to_string(pop[v]) + ": " + band_en(b) + " band, base pay " +
                       yuan(band) + " yuan a year"});
      policy.text("village.base_pay.proration", a, e);
      ex.add_input("served_from", to_iso(x.served_from));
      if (x.served_to) ex.add_input("served_to", to_iso(*x.served_to));
      ex.add_input(rules.prorate_days ? "days_paid" : "months_paid", std::to_string(l.months));
      if (rules.prorate_days)
        ex.add_rule({"village.base_pay.proration", "JARUD.1",
                     "按在职天数折算：" + std::to_string(l.months) + "/" + std::to_string(l.period_units),
                     "prorated by days served: " + std::to_string(l.months) + "/" +
                         std::to_string(l.period_units)});
      else
        ex.add_rule({"village.base_pay.proration", "JARUD.1",
                     "按整月折算（每月1日在职者计发该月）：" + std::to_string(l.months) + "/12",
                     "prorated by whole months (a month is paid to whoever is in post on its 1st): " +
                         std::to_string(l.months) + "/12"});
      if (x.post == Post::both) {
        policy.text("village.both_posts.paid", a, e);
        ex.add_rule({"village.both_posts", "JARUD.1",
                     rules.both_twice ? "书记主任一肩挑，按政策发放两份" : "书记主任一肩挑，按政策只发放一份",
                     rules.both_twice ? "holds both posts (一肩挑): paid twice by policy"
                                      : "holds both posts (一肩挑): paid once by policy"});
      }
      if (vr.composite) {
        policy.decimal("village.score.quarterly_weight", a, e);
        policy.decimal("village.score.annual_weight", a, e);
        const std::string c = format_decimal(*vr.composite, 4);
        ex.add_input("composite_score", c);
        ex.add_rule({"village.score.composite", "JARUD.1",
                     "综合得分" + c + "（季度平均分与年度得分加权）",
                     "composite score " + c + " (weighted mean quarterly and annual scores)"});
        policy.text("village.grade.method", a, e);
        const std::string rk = std::to_string(vr.rank) + "/" + std::to_string(vr.graded_in_township);
        ex.add_input("rank_in_township", rk);
        if (rules.by_share) {
          policy.share("village.grade.outstanding_share", a, e);
          policy.share("village.grade.good_share", a, e);
          policy.text("village.grade.share_rounding", a, e);
          const auto n = vr.graded_in_township;
          const auto c1 = detail::share_count(rules.s1, n, rules.share_rounding);
          const auto c12 = detail::share_count(rules.s12, n, rules.share_rounding);
          ex.add_rule({"village.grade.by_share", "JARUD.1",
                       "在苏木镇" + std::to_string(n) + "个嘎查村中排名第" + std::to_string(vr.rank) +
                           "（并列取较好名次），前" + std::to_string(c1) + "名实绩突出、前" +
                           std::to_string(c12) + "名比较突出，评为" + team_grade_zh(vr.team_grade),
                       "rank " + rk + " in the township (ties share the better rank); top " +
                           std::to_string(c1) + " outstanding, top " + std::to_string(c12) +
                           " good: graded " + team_grade_code(vr.team_grade)});
        } else {
          policy.decimal("village.grade.outstanding_min_score", a, e);
          policy.decimal("village.grade.good_min_score", a, e);
          ex.add_rule({"village.grade.by_cutoff", "JARUD.1",
                       "按分数线评为" + std::string(team_grade_zh(vr.team_grade)),
                       std::string("graded by score cut-offs: ") + team_grade_code(vr.team_grade)});
        }
        ex.add_rule({"village.grade.personal", "JARUD.1",
                     std::string("班子") + team_grade_zh(vr.team_grade) + "，正职评为" + grade_zh(l.grade),
                     std::string("team ") + team_grade_code(vr.team_grade) + ": principal graded " +
                         grade_code(l.grade)});
        static const char *pp[] = {"village.performance_pay.excellent", "village.performance_pay.basic",
                                   "village.performance_pay.unqualified"};
        const Money pm = policy.money(pp[static_cast<int>(l.grade)], a, e);
        ex.add_rule({"village.performance_pay", "JARUD.1",
                     std::string(grade_zh(l.grade)) + "绩效工资每年" + yuan(pm) + "元，折算后" +
                         yuan(l.performance) + "元",
                     std::string(grade_code(l.grade)) + ": performance pay " + yuan(pm) +
                         " yuan a year, " + yuan(l.performance) + " after proration"});
      } else {
        ex.add_input("missing_periods", vr.missing);
        ex.add_rule({"village.grade.not_scored", "JARUD.1",
                     "缺少考评得分（" + vr.missing + "），不参加等次评定，不发绩效工资",
                     "scores missing (" + vr.missing + "): not graded, no performance pay"});
      }
      if (!l.actions.empty())
        ex.add_rule({"village.unqualified.actions", "JARUD.1",
                     "不合格：由苏木镇党委书记诫勉谈话（" + to_iso(l.actions[0].due) + "前），限期整改（" +
                         to_iso(l.actions[1].due) + "前）",
                     "unqualified: admonishment talk by the township party secretary by " +
                         to_iso(l.actions[0].due) + ", rectification by " + to_iso(l.actions[1].due)});
      l.explanation = std::move(ex);
    }
    auto &t = tt[static_cast<std::size_t>(v_town[v])];
    ++t.principals;
    t.base += l.base;
    t.performance += l.performance;
    t.total += l.total;
    sheet.lines.push_back(std::move(l));
  }
  for (const auto &t : tt) {
    sheet.banner.villages += t.villages;
    sheet.banner.principals += t.principals;
    sheet.banner.base += t.base;
    sheet.banner.performance += t.performance;
    sheet.banner.total += t.total;
  }
  sheet.townships = std::move(tt);
  return sheet;
}

}  // namespace cadrekit::village
