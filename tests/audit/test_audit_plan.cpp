// HOLINGOL.2: the audit plan, its minimum capacity, and the checker (C++ surface).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "cadrekit/audit.hpp"
#include "cadrekit/core/errors.hpp"

using namespace cadrekit;
using namespace cadrekit::audit;

namespace {

Date d(int y, int m, int day) { return make_date(y, m, day); }

/// The source's county: 67 units, 20 level 1, 28 level 2, 19 level 3 (L46).
PlanRequest county(std::int64_t capacity) {
  PlanRequest r;
  r.first_year = 2017;
  r.last_year = 2021;
  r.capacity = capacity;
  r.seed = 20161;
  for (int i = 1; i <= 67; ++i) {
    char id[8];
    std::snprintf(id, sizeof id, "U%02d", i);
    Level l = i <= 20 ? Level::level1 : i <= 48 ? Level::level2 : Level::level3;
    r.units.push_back({id, l, std::nullopt});
  }
  return r;
}

std::map<int, std::set<std::string>> by_year(const std::vector<PlannedAudit> &a) {
  std::map<int, std::set<std::string>> m;
  for (const auto &x : a) m[x.year].insert(x.unit_id);
  return m;
}

bool has_rule(const std::vector<Breach> &b, const std::string &rule, int year = 0,
              const std::string &unit = {}) {
  return std::any_of(b.begin(), b.end(), [&](const Breach &x) {
    return x.rule == rule && (year == 0 || x.year == year) && (unit.empty() || x.unit_id == unit);
  });
}

}  // namespace

TEST(AuditPlan, SourceCountyFeasibleWithSharesAndWindows) {
  Policy p = Policy::default_profile();
  PlanRequest r = county(30);
  Plan pl = plan(r, p);
  ASSERT_TRUE(pl.feasible) << pl.shortfall.size();
  EXPECT_TRUE(pl.shortfall.empty());
  EXPECT_EQ(pl.seed, 20161u);
  // ⌈35 %·20⌉ = 7, ⌈20 %·28⌉ = 6, one level-3 sample: 14 a year, and no plan can do with less.
  EXPECT_EQ(pl.lower_bound, 14);
  EXPECT_EQ(pl.min_capacity, 14);
  EXPECT_LE(pl.capacity_used, 14);
  auto years = by_year(pl.audits);
  for (int y = 2017; y <= 2021; ++y) {
    int l1 = 0, l2 = 0, l3 = 0;
    for (const auto &id : years[y]) {
      int n = std::stoi(id.substr(1));
      (n <= 20 ? l1 : n <= 48 ? l2 : l3)++;
    }
    EXPECT_GE(l1, 7) << y;
    EXPECT_GE(l2, 6) << y;
    EXPECT_GE(l3, 1) << y;
    EXPECT_LE(l3, 2) << y;
  }
  // Every window of 3 (level 1) / 5 (level 2) consecutive years inside the horizon.
  for (int i = 1; i <= 48; ++i) {
    char id[8];
    std::snprintf(id, sizeof id, "U%02d", i);
    int k = i <= 20 ? 3 : 5;
    for (int s = 2017; s + k - 1 <= 2021; ++s) {
      bool covered = false;
      for (int y = s; y < s + k; ++y) covered = covered || years[y].count(id);
      EXPECT_TRUE(covered) << id << " window from " << s;
    }
  }
  EXPECT_TRUE(verify_plan(pl.audits, r, p).empty());
  // Reproducible: same seed, same plan.
  Plan again = plan(r, p);
  ASSERT_EQ(again.audits.size(), pl.audits.size());
  for (std::size_t i = 0; i < pl.audits.size(); ++i)
    EXPECT_EQ(again.audits[i].unit_id, pl.audits[i].unit_id);
}

TEST(AuditPlan, SourceCountyTooLittleCapacityHasTheExactShortfall) {
  Policy p = Policy::default_profile();
  // With 13 a year the shares (7 + 6) take everything; the level-3 sample fails each year.
  Plan pl = plan(county(13), p);
  EXPECT_FALSE(pl.feasible);
  EXPECT_EQ(pl.min_capacity, 14);
  ASSERT_EQ(pl.shortfall.size(), 5u);
  for (int y = 2017; y <= 2021; ++y) EXPECT_TRUE(has_rule(pl.shortfall, "level3.sample", y)) << y;
  // With 10 a year the level-2 share fails too, and never silently: every year is listed.
  Plan small = plan(county(10), p);
  EXPECT_FALSE(small.feasible);
  for (int y = 2017; y <= 2021; ++y) EXPECT_TRUE(has_rule(small.shortfall, "level2.share", y));
  EXPECT_EQ(small.shortfall, verify_plan(small.audits, county(10), p));
}

TEST(AuditPlan, DeparturesTermsPastAuditsAndSpecial) {
  Policy p = Policy::default_profile();
  PlanRequest r = county(40);
  // U49 (level 3): leader leaves in 2019. U50: term started 2014-03-01, reaches 5 years 2019.
  // U51: term reached 5 years in 2015, no audit since: overdue, due 2017.
  // U52: term reached 5 years in 2015 but audited 2016: nothing due.
  r.terms.push_back({"U49", "L49", d(2015, 1, 1), d(2019, 6, 30)});
  r.terms.push_back({"U50", "L50", d(2014, 3, 1), std::nullopt});
  r.terms.push_back({"U51", "L51", d(2010, 2, 1), std::nullopt});
  r.terms.push_back({"U52", "L52", d(2010, 2, 1), std::nullopt});
  r.audits.push_back({"U52", d(2016, 5, 1), AuditKind::in_term});
  // U01 (level 1) audited 2014: the window 2015–2017 has no audit yet: due in 2017.
  // U02 audited 2016: due by 2019.
  r.audits.push_back({"U01", d(2014, 11, 1), AuditKind::in_term});
  r.audits.push_back({"U02", d(2016, 11, 1), AuditKind::in_term});
  // U67 special level: every year. U66 (level 3) special funds due by 2018.
  r.units[66].level = Level::special;
  r.units[65].special_due_year = 2018;
  Plan pl = plan(r, p);
  ASSERT_TRUE(pl.feasible);
  auto years = by_year(pl.audits);
  auto kind_of = [&](int y, const std::string &u) {
    for (const auto &a : pl.audits)
      if (a.year == y && a.unit_id == u) return std::string(audit_kind_name(a.kind));
    return std::string("none");
  };
  EXPECT_EQ(kind_of(2019, "U49"), "departure");
  EXPECT_EQ(kind_of(2019, "U50"), "five_year_term");
  EXPECT_EQ(kind_of(2017, "U51"), "five_year_term");
  for (int y = 2017; y <= 2021; ++y) EXPECT_EQ(kind_of(y, "U67"), "special_project");
  EXPECT_EQ(kind_of(2018, "U66"), "special_project");
  EXPECT_TRUE(years[2017].count("U01"));
  EXPECT_TRUE(years[2017].count("U02") || years[2018].count("U02") || years[2019].count("U02"));
  // Quotas exclude the special unit: level 3 now has 18 units.
  EXPECT_TRUE(verify_plan(pl.audits, r, p).empty());

  // The checker finds each missing obligation of a plan with them removed.
  std::vector<PlannedAudit> cut;
  for (const auto &a : pl.audits)
    if (!((a.unit_id == "U49" && a.year == 2019) || (a.unit_id == "U51" && a.year == 2017) ||
          (a.unit_id == "U67" && a.year == 2020) || (a.unit_id == "U01" && a.year == 2017)))
      cut.push_back(a);
  auto b = verify_plan(cut, r, p);
  EXPECT_TRUE(has_rule(b, "level3.departure", 2019, "U49"));
  EXPECT_TRUE(has_rule(b, "level3.five_year_term", 2017, "U51"));
  EXPECT_TRUE(has_rule(b, "special.tracking", 2020, "U67"));
  EXPECT_TRUE(has_rule(b, "level1.coverage", 2017, "U01"));
}

TEST(AuditVerify, HandMadePlanBreaches) {
  Policy p = Policy::default_profile();
  PlanRequest r = county(0);
  std::vector<PlannedAudit> hand = {
      {2016, "U01", AuditKind::in_term, "", ""},  // outside the horizon
      {2017, "X99", AuditKind::in_term, "", ""},  // unknown unit
      {2017, "U02", AuditKind::in_term, "", ""},
      {2017, "U02", AuditKind::in_term, "", ""},  // twice
      {2017, "U49", AuditKind::sample, "", ""},
      {2017, "U50", AuditKind::sample, "", ""},
      {2017, "U51", AuditKind::sample, "", ""},  // three samples: at most 2
  };
  auto b = verify_plan(hand, r, p);
  EXPECT_TRUE(has_rule(b, "plan.year", 2016, "U01"));
  EXPECT_TRUE(has_rule(b, "plan.unit", 2017, "X99"));
  EXPECT_TRUE(has_rule(b, "plan.duplicate", 2017, "U02"));
  EXPECT_TRUE(has_rule(b, "level3.sample", 2017));
  EXPECT_TRUE(has_rule(b, "level1.share", 2017));
  EXPECT_TRUE(has_rule(b, "level3.sample", 2018));  // none drawn
  // U03 is never audited: windows 2017–2019 (deadline 2019) and then 2020–2021 end open.
  EXPECT_TRUE(has_rule(b, "level1.coverage", 2019, "U03"));
  EXPECT_TRUE(has_rule(b, "level2.coverage", 2021, "U30"));
}

TEST(AuditPlan, SampleIsSeededAndReplayable) {
  std::vector<std::string> c = {"A", "B", "C", "D", "E", "F", "G"};
  auto a1 = draw_sample(c, 2, 42, 2018);
  auto a2 = draw_sample(c, 2, 42, 2018);
  EXPECT_EQ(a1, a2);
  ASSERT_EQ(a1.size(), 2u);
  EXPECT_NE(a1[0], a1[1]);
  // The first draw does not depend on how many are drawn (partial Fisher–Yates).
  EXPECT_EQ(draw_sample(c, 1, 42, 2018)[0], a1[0]);
  std::set<std::string> firsts;
  for (std::uint64_t s = 0; s < 200; ++s) firsts.insert(draw_sample(c, 1, s, 2018)[0]);
  EXPECT_EQ(firsts.size(), c.size());  // every candidate can be drawn
  EXPECT_TRUE(draw_sample(c, 0, 1, 2018).empty());
  EXPECT_EQ(draw_sample(c, 99, 1, 2018).size(), c.size());
}

TEST(AuditPlan, BadInputIsTyped) {
  Policy p = Policy::default_profile();
  PlanRequest r = county(20);
  r.audits.push_back({"NOPE", d(2015, 1, 1), AuditKind::in_term});
  try {
    plan(r, p);
    FAIL();
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "unit_id");
    EXPECT_EQ(e.record(), "audits[0]");
  }
  r = county(20);
  r.audits.push_back({"U01", d(2017, 3, 1), AuditKind::in_term});
  EXPECT_THROW(plan(r, p), InvalidInput);
  r = county(20);
  r.units.push_back({"U01", Level::level1, std::nullopt});
  try {
    plan(r, p);
    FAIL();
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "unit_id");
    EXPECT_EQ(e.record(), "U01");
  }
  r = county(-1);
  EXPECT_THROW(plan(r, p), InvalidInput);
  r = county(5);
  r.last_year = 2016;
  EXPECT_THROW(plan(r, p), InvalidInput);
  r = county(5);
  r.terms.push_back({"U50", "L", d(2018, 1, 1), d(2017, 1, 1)});
  EXPECT_THROW(plan(r, p), InvalidInput);
}

// Property: for random counties, the plan is feasible exactly when the stated minimum capacity
// is available, one less fails, and the checker accepts every plan the planner returns.
TEST(AuditPlan, MinimumCapacityIsExactOnRandomCounties) {
  Policy p = Policy::default_profile();
  std::mt19937_64 rng(5);
  for (int trial = 0; trial < 60; ++trial) {
    PlanRequest r;
    r.first_year = 2017;
    r.last_year = 2017 + static_cast<int>(rng() % 6);
    r.seed = rng();
    int n = 1 + static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) {
      Level l = static_cast<Level>(rng() % 10 == 0 ? 0 : 1 + rng() % 3);
      std::optional<std::int32_t> due;
      if (rng() % 8 == 0) due = 2016 + static_cast<int>(rng() % 8);
      r.units.push_back({"U" + std::to_string(i), l, due});
      if (rng() % 2) r.audits.push_back({"U" + std::to_string(i), d(2010 + static_cast<int>(rng() % 7), 6, 1), AuditKind::in_term});
      if (rng() % 2) {
        Date start = d(2008 + static_cast<int>(rng() % 12), 1 + static_cast<int>(rng() % 12), 1);
        std::optional<Date> end;
        if (rng() % 2) end = start + boost::gregorian::days(static_cast<long>(rng() % 4000));
        r.terms.push_back({"U" + std::to_string(i), "L" + std::to_string(i), start, end});
      }
    }
    r.capacity = 0;
    Plan probe = plan(r, p);
    std::int64_t m = probe.min_capacity;
    EXPECT_GE(m, probe.lower_bound);
    for (std::int64_t cap : {m - 2, m - 1, m, m + 1, m + 7}) {
      if (cap < 0) continue;
      r.capacity = cap;
      Plan pl = plan(r, p);
      EXPECT_EQ(pl.feasible, cap >= m) << "trial " << trial << " cap " << cap << " min " << m;
      EXPECT_EQ(pl.min_capacity, m);
      auto breaches = verify_plan(pl.audits, r, p);
      EXPECT_EQ(breaches, pl.shortfall);
      if (pl.feasible) EXPECT_LE(pl.capacity_used, m);
      else EXPECT_FALSE(pl.shortfall.empty());
    }
  }
}
