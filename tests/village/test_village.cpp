// Village cadre pay and incentives (JARUD), C++ surface: the golden cases of
// tests/golden/village_cases.json (hand-computed), the columnar path against the object path,
// selection, subsidies, budget and errors.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <climits>
#include <fstream>
#include <sstream>
#include <string>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/village.hpp"
#include "village/columns.hpp"

using namespace cadrekit;
using namespace cadrekit::village;
namespace json = boost::json;

namespace {

const std::string kSource = CADREKIT_SOURCE_DIR;

const json::value &cases() {
  static const json::value v = [] {
    std::ifstream in(kSource + "/tests/golden/village_cases.json", std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return json::parse(ss.str());
  }();
  return v;
}

std::string str(const json::value &v) { return std::string(v.as_string()); }
Date d(int y, int m, int day) { return make_date(y, m, day); }

struct Input {
  std::vector<Village> villages;
  std::vector<Principal> principals;
  std::vector<Score> scores;
  int year = 0;
};

Input input_of(const json::object &c) {
  Input in;
  in.year = static_cast<int>(c.at("year").as_int64());
  for (const auto &v : c.at("villages").as_array()) {
    const auto &o = v.as_object();
    in.villages.push_back({str(o.at("village_id")), str(o.at("name")), str(o.at("township")),
                           o.at("population").as_int64()});
  }
  for (const auto &v : c.at("principals").as_array()) {
    const auto &o = v.as_object();
    Principal p{str(o.at("cadre_id")), str(o.at("name")), str(o.at("village_id")),
                parse_post(str(o.at("post"))), parse_iso_date(str(o.at("served_from"))), {}};
    if (!o.at("served_to").is_null()) p.served_to = parse_iso_date(str(o.at("served_to")));
    in.principals.push_back(p);
  }
  const char *periods[] = {"Q1", "Q2", "Q3", "Q4", ""};
  for (const auto &v : c.at("scores").as_array()) {
    const auto &a = v.as_array();
    for (int i = 0; i < 5; ++i)
      if (!a[static_cast<std::size_t>(i + 1)].is_null())
        in.scores.push_back({str(a[0]), std::to_string(in.year) + periods[i],
                             parse_decimal(str(a[static_cast<std::size_t>(i + 1)]))});
  }
  return in;
}

Policy policy_of(const json::object &c) {
  if (auto *y = c.if_contains("policy_yaml")) return Policy::loads(str(*y));
  return Policy::default_profile();
}

}  // namespace

TEST(VillageGolden, PaySheets) {
  for (const auto &cv : cases().at("pay_sheets").as_array()) {
    const auto &c = cv.as_object();
    SCOPED_TRACE(str(c.at("name")));
    const Input in = input_of(c);
    const PaySheet s = pay_sheet(in.villages, in.principals, in.scores, in.year, policy_of(c));
    const auto &ev = c.at("expect_villages").as_array();
    ASSERT_EQ(s.villages.size(), ev.size());
    for (std::size_t i = 0; i < ev.size(); ++i) {
      const auto &e = ev[i].as_object();
      const auto &r = s.villages[i];
      SCOPED_TRACE(r.village_id);
      EXPECT_EQ(r.village_id, str(e.at("village_id")));
      if (e.at("composite").is_null()) {
        EXPECT_FALSE(r.composite.has_value());
      } else {
        ASSERT_TRUE(r.composite.has_value());
        EXPECT_EQ(*r.composite, parse_decimal(str(e.at("composite"))));
      }
      EXPECT_EQ(r.rank, e.at("rank").as_int64());
      EXPECT_EQ(team_grade_code(r.team_grade), str(e.at("team_grade")));
      EXPECT_EQ(team_grade_zh(r.team_grade), str(e.at("team_grade_zh")));
    }
    const auto &el = c.at("expect_lines").as_array();
    ASSERT_EQ(s.lines.size(), el.size());
    for (std::size_t i = 0; i < el.size(); ++i) {
      const auto &e = el[i].as_object();
      const auto &l = s.lines[i];
      SCOPED_TRACE(l.cadre_id);
      EXPECT_EQ(l.cadre_id, str(e.at("cadre_id")));
      EXPECT_EQ(l.base.to_decimal_string(), str(e.at("base")));
      EXPECT_EQ(l.performance.to_decimal_string(), str(e.at("performance")));
      EXPECT_EQ(l.total.to_decimal_string(), str(e.at("total")));
      EXPECT_EQ(team_grade_code(l.team_grade), str(e.at("team_grade")));
      EXPECT_EQ(team_grade_zh(l.team_grade), str(e.at("team_grade_zh")));
      EXPECT_EQ(grade_code(l.grade), str(e.at("grade")));
      EXPECT_EQ(grade_zh(l.grade), str(e.at("grade_zh")));
      const auto &ea = e.at("actions").as_array();
      ASSERT_EQ(l.actions.size(), ea.size());
      std::string cell;  // the table cell: kind:due;kind:due
      std::string array = "[";  // the JSON forms' array: [{"kind":"…","due":"…"},…]
      for (std::size_t k = 0; k < ea.size(); ++k) {
        EXPECT_EQ(l.actions[k].kind, str(ea[k].as_array()[0]));
        EXPECT_EQ(to_iso(l.actions[k].due), str(ea[k].as_array()[1]));
        cell.append(k ? ";" : "").append(str(ea[k].as_array()[0])).append(":").append(str(ea[k].as_array()[1]));
        array.append(k ? "," : "").append(R"({"kind":")").append(str(ea[k].as_array()[0]));
        array.append(R"(","due":")").append(str(ea[k].as_array()[1])).append(R"("})");
      }
      EXPECT_EQ(actions_text(l.actions), cell);
      EXPECT_EQ(actions_json(l.actions), array + "]");
      EXPECT_FALSE(l.explanation->rules.empty());
    }
    const auto &et = c.at("expect_townships").as_array();
    ASSERT_EQ(s.townships.size(), et.size());
    for (std::size_t i = 0; i < et.size(); ++i) {
      const auto &e = et[i].as_object();
      const auto &t = s.townships[i];
      EXPECT_EQ(t.township, str(e.at("township")));
      EXPECT_EQ(t.villages, e.at("villages").as_int64());
      EXPECT_EQ(t.principals, e.at("principals").as_int64());
      EXPECT_EQ(t.base.to_decimal_string(), str(e.at("base")));
      EXPECT_EQ(t.performance.to_decimal_string(), str(e.at("performance")));
      EXPECT_EQ(t.total.to_decimal_string(), str(e.at("total")));
    }
    const auto &eb = c.at("expect_banner").as_object();
    EXPECT_EQ(s.banner.villages, eb.at("villages").as_int64());
    EXPECT_EQ(s.banner.principals, eb.at("principals").as_int64());
    EXPECT_EQ(s.banner.base.to_decimal_string(), str(eb.at("base")));
    EXPECT_EQ(s.banner.performance.to_decimal_string(), str(eb.at("performance")));
    EXPECT_EQ(s.banner.total.to_decimal_string(), str(eb.at("total")));
  }
}

TEST(VillageGolden, ColumnsAgreeWithObjects) {
  // the columnar kernel gives the same money and grades as the pay sheet for every golden case
  for (const auto &cv : cases().at("pay_sheets").as_array()) {
    const auto &c = cv.as_object();
    const Input in = input_of(c);
    const Policy pol = policy_of(c);
    const PaySheet s = pay_sheet(in.villages, in.principals, in.scores, in.year, pol);
    std::map<std::string, int> town, vrow;
    for (const auto &v : in.villages) town.emplace(v.township, 0);
    int k = 0;
    for (auto &[n, i] : town) i = k++;
    const std::size_t V = in.villages.size(), P = in.principals.size();
    std::vector<std::int32_t> vt(V), pv(P), pf(P), pt(P);
    std::vector<std::int64_t> pop(V), sc(5 * V, 0);
    std::vector<std::uint8_t> pres(V, 0), post(P);
    for (std::size_t v = 0; v < V; ++v) {
      vt[v] = town[in.villages[v].township];
      pop[v] = in.villages[v].population;
      vrow[in.villages[v].village_id] = static_cast<int>(v);
    }
    for (const auto &x : in.scores) {
      const auto v = static_cast<std::size_t>(vrow[x.village_id]);
      const int i = x.period.size() == 4 ? 4 : x.period[5] - '1';
      pres[v] |= static_cast<std::uint8_t>(1u << i);
      sc[5 * v + static_cast<std::size_t>(i)] = round_to_int(x.score * score_scale, Rounding::floor);
    }
    for (std::size_t i = 0; i < P; ++i) {
      const auto &p = in.principals[i];
      pv[i] = vrow[p.village_id];
      post[i] = static_cast<std::uint8_t>(p.post);
      pf[i] = to_days(p.served_from);
      pt[i] = p.served_to ? to_days(*p.served_to) : INT32_MAX;
    }
    std::vector<std::uint8_t> vg(V), g(P);
    std::vector<std::int32_t> vr(V), units(P);
    std::vector<std::int64_t> base(P), perf(P), tot(P);
    pay_columns({vt, pop, sc, pres, pv, post, pf, pt}, in.year, pol, {vg, vr, base, perf, tot, g, units});
    std::size_t line = 0;
    for (std::size_t i = 0; i < P; ++i) {
      if (line < s.lines.size() && s.lines[line].cadre_id == in.principals[i].cadre_id) {
        EXPECT_EQ(base[i], s.lines[line].base.fen());
        EXPECT_EQ(perf[i], s.lines[line].performance.fen());
        EXPECT_EQ(tot[i], s.lines[line].total.fen());
        EXPECT_EQ(g[i], static_cast<std::uint8_t>(s.lines[line].grade));
        ++line;
      } else {
        EXPECT_EQ(tot[i], 0) << "service outside the year pays nothing";
      }
    }
    EXPECT_EQ(line, s.lines.size());
  }
}

namespace {

// The golden inputs read through PaySheetInput: the scores row by row, or (year) already read,
// five a village, as the command line gives them.
class GoldenInput final : public PaySheetInput {
 public:
  GoldenInput(const Input &in, bool year) : in_(in), year_(year), fixed_(5 * in.villages.size(), 0),
                                             present_(in.villages.size(), 0) {
    for (std::size_t i = 0; i < in.scores.size(); ++i) {
      const Score &x = in.scores[i];
      std::size_t v = 0;
      while (in.villages[v].village_id != x.village_id) ++v;
      const int k = x.period.size() == 4 ? 4 : x.period[5] - '1';
      present_[v] |= static_cast<std::uint8_t>(1u << k);
      const ScoreValue sv = score_value(x.score);
      if (sv.status == ScoreValue::Status::ok)
        fixed_[5 * v + static_cast<std::size_t>(k)] = sv.fixed;
      else if (!too_precise_)
        too_precise_ = i;
    }
  }
  std::size_t n_villages() const override { return in_.villages.size(); }
  std::string_view village_id(std::size_t v) const override { return in_.villages[v].village_id; }
  std::string_view township(std::size_t v) const override { return in_.villages[v].township; }
  std::int64_t population(std::size_t v) const override { return in_.villages[v].population; }
  std::size_t n_principals() const override { return in_.principals.size(); }
  std::string_view cadre_id(std::size_t i) const override { return in_.principals[i].cadre_id; }
  std::string_view principal_village(std::size_t i) const override { return in_.principals[i].village_id; }
  Post post(std::size_t i) const override { return in_.principals[i].post; }
  std::optional<std::int32_t> served_from(std::size_t i) const override {
    return to_days(in_.principals[i].served_from);
  }
  std::int32_t served_to(std::size_t i) const override {
    const auto &t = in_.principals[i].served_to;
    return t ? to_days(*t) : INT32_MAX;
  }
  std::size_t n_scores() const override { return year_ ? 0 : in_.scores.size(); }
  std::string_view score_village(std::size_t s) const override { return in_.scores[s].village_id; }
  std::string_view score_period(std::size_t s) const override { return in_.scores[s].period; }
  ScoreValue score(std::size_t s) const override { return score_value(in_.scores[s].score); }
  std::optional<YearScores> year_scores() const override {
    if (!year_) return std::nullopt;
    return YearScores{fixed_, present_, too_precise_};
  }
  std::vector<std::int64_t> &fixed() { return fixed_; }

 private:
  const Input &in_;
  bool year_;
  std::vector<std::int64_t> fixed_;
  std::vector<std::uint8_t> present_;
  std::optional<std::size_t> too_precise_;
};

}  // namespace

TEST(VillageGolden, YearScoresAgreeWithRows) {
  // every golden sheet is the same from the year's scores already read as from the scores
  // read row by row, and as from the records
  for (const auto &cv : cases().at("pay_sheets").as_array()) {
    const auto &c = cv.as_object();
    const Input in = input_of(c);
    const Policy pol = policy_of(c);
    const PaySheet objects = pay_sheet(in.villages, in.principals, in.scores, in.year, pol);
    const PaySheet rows = pay_sheet(GoldenInput(in, false), in.year, pol);
    const PaySheet year = pay_sheet(GoldenInput(in, true), in.year, pol);
    ASSERT_EQ(year.lines.size(), objects.lines.size());
    ASSERT_EQ(rows.lines.size(), objects.lines.size());
    for (std::size_t k = 0; k < objects.lines.size(); ++k)
      for (const PaySheet *s : {&rows, &year}) {
        const PayLine a = s->lines[k], b = objects.lines[k];
        EXPECT_EQ(a.cadre_id, b.cadre_id);
        EXPECT_EQ(a.total.fen(), b.total.fen());
        EXPECT_EQ(a.performance.fen(), b.performance.fen());
        EXPECT_EQ(a.grade, b.grade);
        EXPECT_EQ(a.team_grade, b.team_grade);
      }
    ASSERT_EQ(year.villages.size(), objects.villages.size());
    for (std::size_t v = 0; v < objects.villages.size(); ++v) {
      EXPECT_EQ(year.villages[v].rank, objects.villages[v].rank);
      EXPECT_EQ(year.villages[v].composite, objects.villages[v].composite);
      EXPECT_EQ(year.villages[v].missing, objects.villages[v].missing);
    }
  }
}

TEST(Village, YearScoresRefusedAsTheSheetRefusesScores) {
  Input in;
  in.year = 2016;
  in.villages = {{"V1", "", "T", 500}, {"V2", "", "T", 500}};
  in.principals = {{"P1", "", "V2", Post::both, d(2010, 1, 1), {}}};
  for (const char *v : {"V1", "V2"})
    for (const char *q : {"2016Q1", "2016Q2", "2016Q3", "2016Q4", "2016"}) in.scores.push_back({v, q, Rational(90)});
  in.scores[7].score = parse_decimal("90.12345");  // V2's 2016Q3: five decimal places
  const Policy pol = Policy::default_profile();
  auto message = [&](bool year) {
    try {
      (void)pay_sheet(GoldenInput(in, year), in.year, pol);
    } catch (const InvalidInput &e) {
      return std::string(e.what()) + " " + e.field() + "@" + e.record();
    }
    return std::string("no error");
  };
  EXPECT_EQ(message(false), message(true));
  EXPECT_NE(message(true).find("scores[7]"), std::string::npos) << message(true);
  // a binding that holds too few scores is an error, not a read past them
  in.scores[7].score = Rational(90);
  GoldenInput short_of_one(in, true);
  short_of_one.fixed().pop_back();
  EXPECT_THROW((void)pay_sheet(short_of_one, in.year, pol), InvalidInput);
}

TEST(VillageGolden, QuotaFunnelAllocate) {
  const Policy p = Policy::default_profile();
  for (const auto &cv : cases().at("quota").as_array()) {
    const auto &c = cv.as_object();
    EXPECT_EQ(selection_quota(c.at("n").as_int64(), static_cast<int>(c.at("year").as_int64()), p),
              c.at("expect").as_int64());
  }
  for (const auto &cv : cases().at("funnel").as_array()) {
    const auto &c = cv.as_object();
    const Funnel f = funnel(c.at("places").as_int64(), 2016, p);
    EXPECT_EQ(f.initial, c.at("initial").as_int64());
    EXPECT_EQ(f.prospective, c.at("prospective").as_int64());
    EXPECT_EQ(f.formal, c.at("formal").as_int64());
  }
  for (const auto &cv : cases().at("allocate").as_array()) {
    const auto &c = cv.as_object();
    std::map<std::string, std::int64_t> per, want;
    for (const auto &[k, v] : c.at("per").as_object()) per[std::string(k)] = v.as_int64();
    for (const auto &[k, v] : c.at("expect").as_object()) want[std::string(k)] = v.as_int64();
    EXPECT_EQ(allocate_quota(per, c.at("quota").as_int64()), want);
  }
  EXPECT_THROW(allocate_quota({{"A", 2}}, 3), InvalidInput);
  EXPECT_THROW(allocate_quota({{"A", -1}}, 0), InvalidInput);
  EXPECT_THROW(funnel(-1, 2016, p), InvalidInput);
  Explanation ex;
  EXPECT_EQ(selection_quota(206, 2016, p, &ex), 11);
  ASSERT_EQ(ex.parameters.size(), 1u);
  EXPECT_EQ(ex.parameters[0].name, "village.selection.min_share_per_year");
}

TEST(VillageGolden, PublicityWindows) {
  const auto w = quarterly_publicity_windows(2016, Policy::default_profile());
  const auto &e = cases().at("publicity_2016").as_array();
  for (int q = 0; q < 4; ++q) {
    EXPECT_EQ(to_iso(w[q].first), str(e[q].as_array()[0]));
    EXPECT_EQ(to_iso(w[q].last), str(e[q].as_array()[1]));
  }
}

TEST(VillageGolden, WhatIf) {
  const auto &wi = cases().at("what_if").as_object();
  const auto &c = cases().at("pay_sheets").as_array()[0].as_object();
  const Input in = input_of(c);
  BudgetInput bi{in.villages, in.principals, in.scores, wi.at("holders").as_int64(), {}, {}};
  const auto [a, b] = budget_what_if(bi, 2016, Policy::default_profile(), Policy::loads(str(wi.at("excellent_yaml"))));
  auto check = [&](const Budget &x, const json::object &e) {
    EXPECT_EQ(x.base.to_decimal_string(), str(e.at("base")));
    EXPECT_EQ(x.performance.to_decimal_string(), str(e.at("performance")));
    EXPECT_EQ(x.public_institution.to_decimal_string(), str(e.at("public_institution")));
    EXPECT_EQ(x.subsidies.to_decimal_string(), str(e.at("subsidies")));
    EXPECT_EQ(x.total.to_decimal_string(), str(e.at("total")));
  };
  check(a, wi.at("a").as_object());
  check(b, wi.at("b").as_object());
  EXPECT_EQ(b.policy, "what-if");
}

TEST(Village, ExplanationNamesRulesAndParameters) {
  const auto &c = cases().at("pay_sheets").as_array()[0].as_object();
  const Input in = input_of(c);
  const PaySheet s = pay_sheet(in.villages, in.principals, in.scores, 2016, Policy::default_profile());
  const Explanation ex = *s.lines[2].explanation;  // P3, 一肩挑
  std::set<std::string> rules, params;
  for (const auto &r : ex.rules) rules.insert(r.rule_id);
  for (const auto &p : ex.parameters) params.insert(p.name);
  for (const char *r : {"village.base_pay.band", "village.base_pay.proration", "village.both_posts",
                        "village.score.composite", "village.grade.by_share", "village.grade.personal",
                        "village.performance_pay"})
    EXPECT_TRUE(rules.count(r)) << r;
  for (const char *p : {"village.base_pay.medium", "village.both_posts.paid", "village.performance_pay.excellent",
                        "village.grade.outstanding_share", "village.score.annual_weight"})
    EXPECT_TRUE(params.count(p)) << p;
  EXPECT_TRUE(ex.uses_assumed());
  for (const auto &r : ex.rules) EXPECT_EQ(r.clause, "JARUD.1");
  // no personal name anywhere in the explanation
  EXPECT_EQ(ex.to_json().find("丙"), std::string::npos);
  // the P6 line says why it has actions
  bool found = false;
  for (const auto &r : s.lines[5].explanation->rules) found |= r.rule_id == "village.unqualified.actions";
  EXPECT_TRUE(found);
}

TEST(Village, BothPostsTwiceByPolicy) {
  const auto &c = cases().at("pay_sheets").as_array()[0].as_object();
  const Input in = input_of(c);
  const Policy twice = Policy::loads(
      "profile: twice\nextends: tongliao-2016\nparameters:\n  village.both_posts.paid:\n    values:\n      2016-01-01: twice\n");
  const PaySheet s = pay_sheet(in.villages, in.principals, in.scores, 2016, twice);
  EXPECT_EQ(s.lines[2].total.to_decimal_string(), "24000.00");  // (8000 + 4000) × 2
  EXPECT_EQ(s.lines[0].total.to_decimal_string(), "11000.00");
}

TEST(Village, IdsThatDifferInOneByteAreTwoVillages) {
  // Ids of 1 to 40 bytes, each beside one that differs in a single byte (every place in turn),
  // and principals and scores given in an order that makes the sheet try the village found last
  // and the next one: each principal's line is in its own village, and no score is taken for
  // another village's.
  std::vector<Village> v;
  for (std::size_t n = 1; n <= 40; ++n)
    for (std::size_t at = 0; at < n; ++at) {
      std::string id(n, 'a');  // `at` in base 26 at the end: one id of its own a length and place
      for (std::size_t x = at, j = n; x > 0 && j > 0; x /= 26) id[--j] = static_cast<char>('a' + x % 26);
      v.push_back({id, "", "T", 100});
      id[at] = '#';  // its pair: one byte apart
      v.push_back({id, "", "T", 100});
    }
  std::vector<Principal> p;
  std::vector<Score> s;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::size_t k = i % 2 ? i - 1 : i + 1;  // the pair's other village first
    p.push_back({"P" + std::to_string(k), "", v[k].village_id, Post::secretary, d(2016, 1, 1), {}});
    for (const char *q : {"Q1", "Q2", "Q3", "Q4", ""})
      s.push_back({v[k].village_id, std::string("2016") + q, Rational(static_cast<std::int64_t>(k % 97))});
  }
  const PaySheet sheet = pay_sheet(v, p, s, 2016, Policy::default_profile());
  ASSERT_EQ(sheet.lines.size(), p.size());
  for (const auto &l : sheet.lines) EXPECT_EQ(l.village_id, p[l.principal].village_id);
  ASSERT_EQ(sheet.villages.size(), v.size());
  for (std::size_t i = 0; i < v.size(); ++i) {  // each village's five scores are its own
    EXPECT_EQ(sheet.villages[i].village_id, v[i].village_id);
    ASSERT_TRUE(sheet.villages[i].composite.has_value()) << v[i].village_id;
    EXPECT_EQ(*sheet.villages[i].composite, Rational(static_cast<std::int64_t>(i % 97))) << v[i].village_id;
  }
}

TEST(Village, DaysProration) {
  const Policy days = Policy::loads(
      "profile: days\nextends: tongliao-2016\nparameters:\n  village.base_pay.proration:\n    values:\n      2016-01-01: days\n");
  std::vector<Village> v{{"V", "V", "T", 500}};
  // 2016-01-01 .. 2016-03-31: 91 of 366 days; 7000 × 91 / 366 = 1740.437… → 1740.44
  std::vector<Principal> p{{"P", "", "V", Post::secretary, d(2016, 1, 1), d(2016, 3, 31)}};
  const PaySheet s = pay_sheet(v, p, {}, 2016, days);
  ASSERT_EQ(s.lines.size(), 1u);
  EXPECT_EQ(s.lines[0].months, 91);
  EXPECT_EQ(s.lines[0].base.to_decimal_string(), "1740.44");
  EXPECT_EQ(s.lines[0].grade, Grade::not_graded);
}

TEST(Village, MonthsCountedOnTheFirst) {
  std::vector<Village> v{{"V", "V", "T", 500}};
  // from 2 Jan: January is not paid (not in post on 1 Jan) → 11 months: 7000×11/12 = 6416.666… → 6416.67
  std::vector<Principal> p{{"P", "", "V", Post::secretary, d(2016, 1, 2), {}},
                           // to 1 Feb: January and February → 2 months = 1166.67
                           {"Q", "", "V", Post::director, d(2015, 6, 1), d(2016, 2, 1)}};
  const PaySheet s = pay_sheet(v, p, {}, 2016, Policy::default_profile());
  EXPECT_EQ(s.lines[0].months, 11);
  EXPECT_EQ(s.lines[0].base.to_decimal_string(), "6416.67");
  EXPECT_EQ(s.lines[1].months, 2);
  EXPECT_EQ(s.lines[1].base.to_decimal_string(), "1166.67");
}

TEST(Village, Errors) {
  const Policy p = Policy::default_profile();
  std::vector<Village> v{{"V", "V", "T", 500}};
  auto field_of = [&](auto f) {
    try {
      f();
    } catch (const InvalidInput &e) {
      return e.field() + "@" + e.record();
    }
    return std::string("no error");
  };
  EXPECT_EQ(field_of([&] { pay_sheet({{"V", "", "T", -1}}, {}, {}, 2016, p); }), "population@V");
  EXPECT_EQ(field_of([&] { pay_sheet({v[0], v[0]}, {}, {}, 2016, p); }), "village_id@V");
  EXPECT_EQ(field_of([&] { pay_sheet(v, {{"P", "", "X", Post::secretary, d(2016, 1, 1), {}}}, {}, 2016, p); }),
            "village_id@P");
  EXPECT_EQ(field_of([&] {
              pay_sheet(v, {{"P", "", "V", Post::secretary, d(2016, 3, 1), d(2016, 2, 1)}}, {}, 2016, p);
            }),
            "served_to@P");
  EXPECT_EQ(field_of([&] {
              pay_sheet(v,
                        {{"P", "", "V", Post::secretary, d(2016, 1, 1), {}},
                         {"P", "", "V", Post::director, d(2016, 1, 1), {}}},
                        {}, 2016, p);
            }),
            "post@P");
  EXPECT_EQ(field_of([&] { pay_sheet(v, {}, {{"V", "2016Q5", Rational(1)}}, 2016, p); }), "period@scores[0]");
  EXPECT_EQ(field_of([&] { pay_sheet(v, {}, {{"V", "2016", parse_decimal("1.00001")}}, 2016, p); }),
            "score@scores[0]");
  EXPECT_EQ(field_of([&] { pay_sheet(v, {}, {{"V", "2016", Rational(1)}, {"V", "2016", Rational(2)}}, 2016, p); }),
            "period@scores[1]");
  EXPECT_EQ(field_of([&] { pay_sheet(v, {}, {{"Z", "2016", Rational(1)}}, 2016, p); }), "village_id@scores[0]");
  EXPECT_THROW(pay_sheet(v, {}, {}, 2015, p), PolicyError);  // no parameter in force before 2016
  EXPECT_THROW(parse_post("chief"), InvalidInput);
  // columns of the wrong size
  std::vector<std::int32_t> t{0};
  std::vector<std::int64_t> pop{1}, sc(4);
  std::vector<std::uint8_t> pr{0}, vg(1);
  std::vector<std::int32_t> vr(1);
  EXPECT_THROW(pay_columns({t, pop, sc, pr, {}, {}, {}, {}}, 2016, p, {vg, vr, {}, {}, {}, {}, {}}), InvalidInput);
  // a township index beyond the villages is refused before anything is allocated or written
  std::vector<std::int32_t> far{1 << 30};
  std::vector<std::int64_t> sc5(5);
  vg[0] = 9;
  EXPECT_EQ(field_of([&] { pay_columns({far, pop, sc5, pr, {}, {}, {}, {}}, 2016, p, {vg, vr, {}, {}, {}, {}, {}}); }),
            "village_township@row 1");
  EXPECT_EQ(vg[0], 9);
}

TEST(Village, HoldersFoundAndRefusedInTheListsOrder) {
  const Policy p = Policy::default_profile();
  const std::vector<Village> v{{"V1", "V1", "T", 500}, {"V2", "V2", "T", 500}};
  const std::vector<Principal> pr{{"P1", "", "V1", Post::secretary, d(2016, 1, 1), {}},
                                  {"P2", "", "V2", Post::secretary, d(2016, 1, 1), {}},
                                  {"P3", "", "V2", Post::director, d(2016, 1, 1), {}}};
  const auto sheet_with = [&](std::vector<std::string> holders) {
    PaySheetOptions o;
    o.explain = false;
    o.holders = std::move(holders);
    return pay_sheet(v, pr, {}, 2016, p, o);
  };
  const PaySheet s = sheet_with({"P3", "P1"});
  const Money yearly = p.money("village.selection.yearly_pay", d(2016, 12, 31));
  std::vector<std::int64_t> pi;
  for (const PayLine &l : s.lines) pi.push_back(l.public_institution.fen());
  EXPECT_EQ(pi, (std::vector<std::int64_t>{yearly.fen(), 0, yearly.fen()}));
  const auto error_of = [&](std::vector<std::string> holders) {
    try {
      sheet_with(std::move(holders));
    } catch (const InvalidInput &e) {
      return std::string(e.what()) + "@" + e.record();
    }
    return std::string("no error");
  };
  // the first of the list that is refused, whatever its order by id
  EXPECT_EQ(error_of({"P2", "P9", "P8"}), error_of({"P9"}));
  EXPECT_NE(error_of({"P9"}).find("no pay line in the year"), std::string::npos);
  EXPECT_NE(error_of({"P2", "P9", "P8"}).find("@P9"), std::string::npos);
  EXPECT_NE(error_of({"P3", "P1", "P3", "P1"}).find("listed twice"), std::string::npos);
  EXPECT_NE(error_of({"P3", "P1", "P3", "P1"}).find("@P3"), std::string::npos);
  EXPECT_NE(error_of({"P3", "P3", ""}).find("listed twice"), std::string::npos);
  EXPECT_NE(error_of({"P3", "", "P3"}).find("holder id is empty"), std::string::npos);
}

TEST(Village, Eligibility) {
  const Policy p = Policy::default_profile();
  const Date as_of = d(2016, 6, 1);
  auto run = [&](Applicant a) { return eligibility(a, as_of, p); };
  const auto ok = run({"E1", Post::secretary, d(2012, 1, 1), d(1970, 1, 1), {{2015, Grade::excellent}}});
  EXPECT_TRUE(ok.eligible);
  const auto few = run({"E2", Post::director, d(2014, 1, 1), d(1970, 1, 1), {}});
  EXPECT_EQ(few.failed, std::vector<std::string>{"village.selection.min_years_in_post"});
  // 56 on 2016-06-01 (born 1960-05-31) fails; 55 exactly (born 1961-06-01) passes
  EXPECT_EQ(run({"E3", Post::both, d(2010, 1, 1), d(1960, 5, 31), {}}).failed,
            std::vector<std::string>{"village.selection.max_age"});
  EXPECT_TRUE(run({"E3b", Post::both, d(2010, 1, 1), d(1961, 6, 1), {}}).eligible);
  const auto none = run({"E4", std::nullopt, d(2010, 1, 1), d(1970, 1, 1), {{2015, Grade::unqualified}}});
  EXPECT_EQ(none.failed, (std::vector<std::string>{"village.selection.current_post", "village.selection.clean_grades"}));
  // a 不合格 two years back is outside the 1 clean year of the default
  EXPECT_TRUE(run({"E5", Post::secretary, d(2010, 1, 1), d(1970, 1, 1), {{2014, Grade::unqualified}}}).eligible);
}

TEST(Village, CheckLists) {
  const Policy p = Policy::default_profile();
  const WorkCalendar cal = WorkCalendar::china();
  TownshipLists L;
  L.places = 1;
  L.eligible = {"a", "b", "c", "d"};
  // published Monday 2016-06-06: 5 working days are 6, 7, 8 June, (9-11 端午 off), 12 June (调休
  // Sunday), 13 June → the recommendation may be made from 14 June
  L.eligible_publicised_on = d(2016, 6, 6);
  L.initial_on = d(2016, 6, 14);
  L.initial = {"a", "b", "c"};
  L.prospective = {"a", "b"};
  L.formal = {"a", "b"};
  L.selected = {"a"};
  EXPECT_TRUE(check_lists(L, 2016, p, cal).empty());
  L.initial_on = d(2016, 6, 13);
  L.prospective = {"a", "e"};
  L.formal = {"a"};
  const auto probs = check_lists(L, 2016, p, cal);
  std::set<std::string> got;
  for (const auto &x : probs) got.insert(x.stage + ":" + x.code + ":" + x.cadre_id);
  EXPECT_EQ(got, (std::set<std::string>{"prospective:not_from_previous:e", "formal:size:", "initial:publicity:"}));
  // zero places: every list empty is right
  TownshipLists Z;
  Z.eligible_publicised_on = d(2016, 6, 6);
  Z.initial_on = d(2016, 6, 14);
  EXPECT_TRUE(check_lists(Z, 2016, p, cal).empty());
}

TEST(Village, Renewals) {
  const auto r = renewals({{"H1", true, Grade::excellent, {}}, {"H2", true, Grade::unqualified, {}},
                           {"H3", false, Grade::excellent, {}}, {"H4", true, std::nullopt, {}}},
                          2016, Policy::default_profile());
  ASSERT_EQ(r.size(), 4u);
  EXPECT_TRUE(r[0].renewed);
  EXPECT_EQ(r[1].reason, "unqualified");
  EXPECT_EQ(r[2].reason, "left_post");
  EXPECT_EQ(r[3].reason, "not_graded");
  EXPECT_FALSE(r[1].renewed || r[2].renewed || r[3].renewed);
}

TEST(Village, Subsidies) {
  std::vector<Term> t{
      {"C1", "V1", d(2000, 1, 1), d(2005, 12, 31)},  // 72 months
      {"C1", "V2", d(2008, 1, 1), d(2012, 12, 31)},  // + 60 = 132, left in 2012
      {"C2", "V1", d(2006, 7, 1), d(2016, 6, 30)},   // Jul 2006 .. Jun 2016 = 120, left in 2016
      {"C3", "V3", d(2008, 1, 1), {}},               // still serving
      {"C4", "V4", d(2010, 1, 1), d(2016, 3, 31)},   // 75 months
      {"C5", "V5", d(2000, 1, 1), d(2009, 12, 31)},  // 120, and an overlapping term counted once
      {"C5", "V6", d(2005, 1, 1), d(2006, 12, 31)},
      {"C6", "V7", d(2006, 7, 15), d(2016, 6, 30)},  // Aug 2006 .. Jun 2016 = 119
  };
  const auto s = subsidies(t, 2016, Policy::default_profile());
  ASSERT_EQ(s.size(), 6u);
  auto at = [&](const char *id) {
    for (const auto &x : s)
      if (x.cadre_id == id) return x;
    return SubsidyStatus{};
  };
  EXPECT_EQ(at("C1").months, 132);
  EXPECT_TRUE(at("C1").eligible);
  EXPECT_FALSE(at("C1").newly_eligible);
  EXPECT_EQ(at("C2").months, 120);
  EXPECT_TRUE(at("C2").newly_eligible);
  EXPECT_EQ(at("C2").amount.to_decimal_string(), "1200.00");
  EXPECT_TRUE(at("C3").serving);
  EXPECT_FALSE(at("C3").eligible);
  EXPECT_EQ(at("C4").months, 75);
  EXPECT_FALSE(at("C4").eligible);
  EXPECT_EQ(at("C5").months, 120);
  EXPECT_TRUE(at("C5").eligible);
  EXPECT_EQ(at("C6").months, 119);
  EXPECT_FALSE(at("C6").eligible);
}

// The fixed-point score reader agrees with the exact reader (parse_decimal + score_value) on
// every form, including the ones it hands over to parse_decimal.
TEST(Village, ParseScoreAgreesWithParseDecimal) {
  const char *texts[] = {"0",        "91.5",      "91.50000",  "-0",      "-0.0",     "+7",     "1000000",
                         "1000000.0001", "1000001", "0.0001",  "0.00001", "0.00010",  "12.3456", "12.34567",
                         "1,000.25", " 91.5 ",   "7/20",      "1/3",     "-3",       "99999999999999", "5.",
                         ".5",       "1e2",       "",          "abc",     "91.5x",    "0000000000000000091.5"};
  for (const char *t : texts) {
    SCOPED_TRACE(t);
    bool ref_threw = false, fast_threw = false;
    ScoreValue ref, fast;
    try { ref = score_value(parse_decimal(t, "score")); } catch (const InvalidInput &) { ref_threw = true; }
    try { fast = parse_score(t); } catch (const InvalidInput &) { fast_threw = true; }
    ASSERT_EQ(ref_threw, fast_threw);
    if (ref_threw) continue;
    EXPECT_EQ(static_cast<int>(ref.status), static_cast<int>(fast.status));
    if (ref.status == ScoreValue::Status::ok) {
      EXPECT_EQ(ref.fixed, fast.fixed);
    }
  }
  EXPECT_EQ(parse_score("91.5").fixed, 915000);  // by hand: 91.5 × 10,000
  EXPECT_EQ(parse_score("12.3456").fixed, 123456);
  EXPECT_EQ(static_cast<int>(parse_score("12.34567").status), static_cast<int>(ScoreValue::Status::too_precise));
}

// A sheet's lines and villages are views into storage the copies share.
TEST(Village, SheetCopiesShareTheirStorage) {
  const Input in = input_of(cases().at("pay_sheets").as_array()[0].as_object());
  PaySheet copy;
  {
    const PaySheet s = pay_sheet(in.villages, in.principals, in.scores, in.year, Policy::default_profile());
    copy = s;
  }
  ASSERT_EQ(copy.lines.size(), 8u);
  EXPECT_EQ(copy.lines[0].cadre_id, "P1");
  EXPECT_EQ(copy.lines.at(7).cadre_id, "P8");
  EXPECT_THROW(copy.lines.at(8), std::out_of_range);
  EXPECT_EQ(copy.villages[1].village_id, "V2");
  std::size_t n = 0;
  for (const auto &l : copy.lines) n += l.explanation != nullptr;
  EXPECT_EQ(n, 8u);
}

// village.selection.allocation: township (largest remainder, the default) or banner-wide.
TEST(Village, AllocationByPolicy) {
  const std::map<std::string, std::int64_t> per{{"A", 10}, {"B", 6}, {"C", 4}};
  const QuotaAllocation t = allocate_selection(per, 2016, Policy::default_profile());
  EXPECT_EQ(t.method, "township");
  EXPECT_EQ(t.quota, 1);  // 5 % of 20 = 1 exactly
  const QuotaAllocation t11 = allocate_selection(per, 2016, Policy::default_profile(), 11);
  EXPECT_EQ(t11.per_township, (std::map<std::string, std::int64_t>{{"A", 6}, {"B", 3}, {"C", 2}}));
  const Policy banner = Policy::loads(
      "profile: banner-test\nextends: tongliao-2016\nparameters:\n  village.selection.allocation:\n"
      "    values:\n      2016-01-01: banner\n");
  const QuotaAllocation b = allocate_selection(per, 2016, banner, 11);
  EXPECT_EQ(b.method, "banner");
  EXPECT_EQ(b.quota, 11);
  EXPECT_TRUE(b.per_township.empty());
  EXPECT_THROW(allocate_selection(per, 2016, banner, 21), InvalidInput);
  const std::string j = selection_json(R"({"op":"allocate","villages_per_township":{"A":10,"B":6,"C":4},"quota":11})", banner);
  EXPECT_NE(j.find(R"("quota":11,"method":"banner","allocation":{})"), std::string::npos) << j;
  const std::string k = selection_json(R"({"op":"allocate","villages_per_township":{"A":10,"B":6,"C":4},"year":2016})",
                                       Policy::default_profile());
  EXPECT_NE(k.find(R"("quota":1,"method":"township","allocation":{"A":1,"B":0,"C":0})"), std::string::npos) << k;
  const Policy bad = Policy::loads(
      "profile: bad\nextends: tongliao-2016\nparameters:\n  village.selection.allocation:\n"
      "    values:\n      2016-01-01: county\n");
  EXPECT_THROW(allocate_selection(per, 2016, bad, 1), PolicyError);
}
