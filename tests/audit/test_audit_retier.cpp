// HOLINGOL.3 in the plan: special funds and reviews re-tier units inside the horizon; each
// year's shares, windows and obligations use the level in force that year. The golden case
// tests/golden/audit_retier_plan_{request.json,expect.tsv} is shared with the C and Python tests.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cadrekit/audit.hpp"
#include "cadrekit/core/errors.hpp"

using namespace cadrekit;
using namespace cadrekit::audit;
namespace json = boost::json;

namespace {

Date d(int y, int m, int day) { return make_date(y, m, day); }

std::string slurp(const std::string &path) {
  std::ifstream f(path);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::vector<std::string> split(const std::string &s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(s);
  while (std::getline(in, cur, sep)) out.push_back(cur);
  return out;
}

std::vector<std::vector<std::string>> expect_rows() {
  std::istringstream in(slurp(CADREKIT_SOURCE_DIR "/tests/golden/audit_retier_plan_expect.tsv"));
  std::vector<std::vector<std::string>> rows;
  std::string line;
  bool header = false;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (!header) {
      header = true;
      continue;
    }
    rows.push_back(split(line, '\t'));
  }
  return rows;
}

bool has_rule(const std::vector<Breach> &b, const std::string &rule, int year = 0,
              const std::string &unit = {}) {
  for (const Breach &x : b)
    if (x.rule == rule && (year == 0 || x.year == year) && (unit.empty() || x.unit_id == unit))
      return true;
  return false;
}

/// The golden request as a C++ PlanRequest (built independently of the JSON reader).
PlanRequest golden_request() {
  PlanRequest r;
  r.first_year = 2017;
  r.last_year = 2021;
  r.capacity = 6;
  r.seed = 7;
  for (const char *id : {"A1", "A2", "A3"}) r.units.push_back({id, Level::level1, std::nullopt});
  for (const char *id : {"B1", "B2", "B3", "B4", "B5"}) r.units.push_back({id, Level::level2, std::nullopt});
  for (const char *id : {"C1", "C2", "C3", "C4"}) r.units.push_back({id, Level::level3, std::nullopt});
  r.funds.push_back({"B1", d(2017, 5, 1), Money::parse("500万"), std::nullopt, std::nullopt});
  r.funds.push_back({"C1", d(2019, 3, 1), Money::parse("5千万"), d(2020, 6, 30), Finding::none});
  r.funds.push_back({"C2", d(2018, 7, 1), Money::parse("2亿"), std::nullopt, std::nullopt});
  r.funds.push_back({"C3", d(2020, 2, 1), Money::parse("5千万"), d(2021, 3, 1), Finding::serious});
  r.reviews.push_back({"A3", 2019, Level::level2});
  return r;
}

}  // namespace

TEST(AuditRetierPlan, GoldenCaseOnEveryRule) {
  Policy p = Policy::default_profile();
  PlanRequest r = golden_request();
  Plan pl = plan(r, p);
  // The JSON form of the same request gives the same plan.
  json::object js =
      json::parse(plan_json(slurp(CADREKIT_SOURCE_DIR "/tests/golden/audit_retier_plan_request.json"), p))
          .as_object();
  ASSERT_EQ(js.at("audits").as_array().size(), pl.audits.size());
  for (std::size_t i = 0; i < pl.audits.size(); ++i) {
    EXPECT_EQ(js.at("audits").as_array()[i].at("unit_id").as_string(), pl.audits[i].unit_id);
    EXPECT_EQ(js.at("audits").as_array()[i].at("year").as_int64(), pl.audits[i].year);
  }
  std::map<std::string, std::vector<std::string>> levels;  // unit -> level per year
  for (const char *id : {"A1", "A2"}) levels[id] = {"1", "1", "1", "1", "1"};
  for (const char *id : {"B2", "B3", "B4", "B5"}) levels[id] = {"2", "2", "2", "2", "2"};
  levels["C4"] = {"3", "3", "3", "3", "3"};
  std::vector<std::string> q1, q2;
  auto find = [&](const std::string &u, int y) -> const PlannedAudit * {
    for (const auto &a : pl.audits)
      if (a.unit_id == u && a.year == y) return &a;
    return nullptr;
  };
  int checked = 0;
  for (const auto &row : expect_rows()) {
    const std::string &key = row[0];
    SCOPED_TRACE(key);
    ++checked;
    if (key == "min_capacity") EXPECT_EQ(pl.min_capacity, std::stoll(row[1]));
    else if (key == "lower_bound") EXPECT_EQ(pl.lower_bound, std::stoll(row[1]));
    else if (key == "lower_bound_year") EXPECT_EQ(pl.lower_bound_year, std::stoi(row[1]));
    else if (key == "min_capacity_proven") EXPECT_EQ(pl.min_capacity_proven, row[1] == "true");
    else if (key == "feasible") EXPECT_EQ(pl.feasible, row[1] == "true");
    else if (key == "obligation") {
      const PlannedAudit *a = find(row[1], std::stoi(row[2]));
      ASSERT_NE(a, nullptr) << row[1] << " " << row[2];
      EXPECT_EQ(audit_kind_name(a->kind), row[3]) << row[1] << " " << row[2];
    } else if (key == "referral") {
      ASSERT_EQ(pl.referrals.size(), 1u);
      EXPECT_EQ(pl.referrals[0].unit_id, row[1]);
      EXPECT_EQ(to_iso(pl.referrals[0].date), row[2]);
      EXPECT_EQ(pl.referrals[0].finding, Finding::referred);
    } else if (key == "level1_share") q1 = split(row[1], ',');
    else if (key == "level2_share") q2 = split(row[1], ',');
    else if (key == "levels") levels[row[1]] = split(row[2], ',');
    else ADD_FAILURE() << "unknown key";
  }
  EXPECT_GE(checked, 18);
  ASSERT_EQ(levels.size(), 12u);
  ASSERT_EQ(q1.size(), 5u);
  ASSERT_EQ(q2.size(), 5u);
  // Each year's shares with the level in force that year (an independent count).
  for (int y = 2017; y <= 2021; ++y) {
    int c1 = 0, c2 = 0, samples = 0, load = 0;
    for (const auto &a : pl.audits) {
      if (a.year != y) continue;
      ++load;
      const std::string &l = levels[a.unit_id][static_cast<std::size_t>(y - 2017)];
      if (l == "1") ++c1;
      if (l == "2") ++c2;
      if (l == "3" && a.kind == AuditKind::sample) ++samples;
    }
    EXPECT_GE(c1, std::stoi(q1[static_cast<std::size_t>(y - 2017)])) << y;
    EXPECT_GE(c2, std::stoi(q2[static_cast<std::size_t>(y - 2017)])) << y;
    EXPECT_GE(samples, 1) << y;
    EXPECT_LE(load, 6) << y;
  }
  EXPECT_TRUE(verify_plan(pl.audits, r, p).empty());
  // The reasons say the level came from re-tiering.
  const PlannedAudit *c2018 = find("C2", 2018);
  ASSERT_NE(c2018, nullptr);
  EXPECT_NE(c2018->reason.find("re-tiered 2018-07-01"), std::string::npos) << c2018->reason;
  EXPECT_NE(c2018->reason.find("level in force in 2018: special"), std::string::npos);
  bool retier_rule = false;
  for (const auto &rf : pl.explanation.rules) retier_rule |= rf.rule_id == "audit.plan.retier";
  EXPECT_TRUE(retier_rule);
  // At 5 a year the plan fails, and says where.
  r.capacity = 5;
  Plan short5 = plan(r, p);
  EXPECT_FALSE(short5.feasible);
  EXPECT_EQ(short5.shortfall, verify_plan(short5.audits, r, p));
}

TEST(AuditRetierPlan, CheckerUsesTheLevelInForce) {
  Policy p = Policy::default_profile();
  PlanRequest r = golden_request();
  Plan pl = plan(r, p);
  // 2019: keep only A3 (now level 2) among the former level-1 units: the level-1 share fails
  // (A3 does not count), and B1's special-fund audit is missing.
  std::vector<PlannedAudit> hand;
  for (const auto &a : pl.audits)
    if (!(a.year == 2019 && (a.unit_id == "A1" || a.unit_id == "A2" || a.unit_id == "B1" ||
                             a.unit_id == "A3")))
      hand.push_back(a);
  hand.push_back({2019, "A3", AuditKind::in_term, "", ""});
  auto b = verify_plan(hand, r, p);
  EXPECT_TRUE(has_rule(b, "level1.share", 2019));
  EXPECT_TRUE(has_rule(b, "special.funds_due", 2019, "B1"));
  // C1's completion audit (2020) and C2's tracking (2021) removed: both breaches named.
  std::vector<PlannedAudit> cut;
  for (const auto &a : pl.audits)
    if (!((a.unit_id == "C1" && a.year == 2020) || (a.unit_id == "C2" && a.year == 2021)))
      cut.push_back(a);
  b = verify_plan(cut, r, p);
  EXPECT_TRUE(has_rule(b, "special.funds_due", 2020, "C1"));
  EXPECT_TRUE(has_rule(b, "special.tracking", 2021, "C2"));
}

TEST(AuditRetierPlan, CoverageClockStartsWhenEnteringLevel1Or2) {
  Policy p = Policy::default_profile();
  PlanRequest r;
  r.first_year = 2017;
  r.last_year = 2021;
  r.units.push_back({"X", Level::level3, std::nullopt});
  r.units.push_back({"Y", Level::level2, std::nullopt});
  // X reviewed to level 1 from 2019: its clock starts then (as if audited 2018): the first
  // 3-year window of level 1 is 2019-2021, due 2021 (not 2019, as a level-1 unit unaudited
  // since the horizon started would be).
  r.reviews.push_back({"X", 2019, Level::level1});
  // Y (level 2, audited 2014) reviewed to level 1 from 2018: the 3-year window ending 2018
  // (2016-2018) has no audit: due 2018, not 2019 as level 2 would have it.
  r.audits.push_back({"Y", d(2014, 6, 1), AuditKind::in_term});
  r.reviews.push_back({"Y", 2018, Level::level1});
  std::vector<PlannedAudit> none;
  auto b = verify_plan(none, r, p);
  EXPECT_TRUE(has_rule(b, "level1.coverage", 2021, "X"));
  EXPECT_FALSE(has_rule(b, "level1.coverage", 2019, "X"));
  EXPECT_FALSE(has_rule(b, "level1.coverage", 2020, "X"));
  EXPECT_FALSE(has_rule(b, "level2.coverage", 0, "X"));
  EXPECT_TRUE(has_rule(b, "level1.coverage", 2018, "Y"));
  EXPECT_FALSE(has_rule(b, "level2.coverage", 2017, "Y"));  // 2014 + 5 = 2019 was the level-2 due
  r.capacity = 5;
  Plan pl = plan(r, p);
  EXPECT_TRUE(pl.feasible);
  EXPECT_TRUE(verify_plan(pl.audits, r, p).empty());
}

TEST(AuditRetierPlan, FundsDueYearsAndBadInput) {
  Policy p = Policy::default_profile();
  PlanRequest base;
  base.first_year = 2017;
  base.last_year = 2021;
  base.capacity = 10;
  base.units.push_back({"S", Level::level3, std::nullopt});
  base.units.push_back({"T", Level::level3, std::nullopt});
  auto due_years = [&](const PlanRequest &r) {
    std::set<int> ys;
    std::vector<PlannedAudit> none;
    for (const Breach &b : verify_plan(none, r, p))
      if (b.rule == "special.funds_due" && b.unit_id == "S") ys.insert(b.year);
    return ys;
  };
  // Small funds on 1 January 2017: within 2 years = by 2018-12-31.
  PlanRequest r = base;
  r.funds.push_back({"S", d(2017, 1, 1), Money::parse("100万"), std::nullopt, std::nullopt});
  EXPECT_EQ(due_years(r), std::set<int>{2018});
  // On 2 January: by 2019-01-01.
  r.funds[0].received = d(2017, 1, 2);
  EXPECT_EQ(due_years(r), std::set<int>{2019});
  // Small funds of 1 January 2015: due by 2016-12-31, overdue: due in the first year unless
  // audited since.
  r.funds[0].received = d(2015, 1, 1);
  EXPECT_EQ(due_years(r), std::set<int>{2017});
  r.audits.push_back({"S", d(2015, 3, 1), AuditKind::special_project});
  EXPECT_TRUE(due_years(r).empty());
  // Level-up funds with no completion date: no dated audit inside the horizon, level raised.
  r = base;
  r.funds.push_back({"S", d(2018, 1, 1), Money::parse("2千万"), std::nullopt, std::nullopt});
  EXPECT_TRUE(due_years(r).empty());
  // The old field still works, with the new events beside it.
  r.units[0].special_due_year = 2020;
  EXPECT_EQ(due_years(r), std::set<int>{2020});
  // Several funds of a unit open at once: each its own fund, the unit at the highest level any
  // implies; the small fund's audit still falls due.
  r = base;
  r.funds.push_back({"S", d(2017, 1, 1), Money::parse("1亿"), std::nullopt, std::nullopt});
  r.funds.push_back({"S", d(2018, 1, 1), Money::parse("500万"), std::nullopt, std::nullopt});
  EXPECT_EQ(due_years(r), std::set<int>{2019});
  {
    const Plan both = plan(r, p);
    EXPECT_TRUE(verify_plan(both.audits, r, p).empty());
  }
  // Bad input names the record.
  r = base;
  r.funds.push_back({"S", d(2017, 1, 1), Money::parse("1亿"), d(2016, 1, 1), Finding::none});
  try {
    plan(r, p);
    FAIL();
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "completed");
  }
  r = base;
  r.funds.push_back({"Z", d(2017, 1, 1), Money::parse("1亿"), std::nullopt, std::nullopt});
  EXPECT_THROW(plan(r, p), InvalidInput);
  r = base;
  r.reviews.push_back({"S", 2018, Level::level1});
  r.reviews.push_back({"S", 2018, Level::level2});
  EXPECT_THROW(plan(r, p), InvalidInput);
  // Completed on the day received, clean: back the same day; the same-day order is kept.
  r = base;
  r.funds.push_back({"S", d(2018, 5, 1), Money::parse("2千万"), d(2018, 5, 1), Finding::none});
  r.funds.push_back({"S", d(2019, 5, 1), Money::parse("1亿"), std::nullopt, std::nullopt});
  Plan pl = plan(r, p);
  EXPECT_TRUE(verify_plan(pl.audits, r, p).empty());
}
