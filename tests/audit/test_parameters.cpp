// The parameters a result depends on, as the library lists them for a report: every parameter an
// explanation of the result names is among them, so a report that shows the list shows the
// grounds of every figure.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "cadrekit/audit.hpp"

using namespace cadrekit;
using namespace cadrekit::audit;

namespace {

bool listed(const std::vector<ParamUsed> &list, const std::string &name) {
  return std::any_of(list.begin(), list.end(), [&](const ParamUsed &p) { return p.name == name; });
}

}  // namespace

TEST(AuditParameters, TieringListsEveryParameterItsExplanationsName) {
  const Policy p = Policy::default_profile();
  const Date as_of(2016, 9, 22);
  const auto list = tier_parameters(p, as_of);
  EXPECT_TRUE(listed(list, "audit.score.level1_min"));
  std::vector<Unit> units(3);
  units[0].unit_id = "U1";
  units[0].budget = Money::parse("6000000");
  units[1].unit_id = "U2";
  units[1].budget = Money::parse("800000");
  units[2].unit_id = "U3";
  units[2].budget = Money::parse("20000");
  units[2].factors[0] = 1;
  std::size_t named = 0;
  for (const TierResult &r : tier(std::span<const Unit>(units), as_of, p))
    for (const ParamUsed &u : r.explanation.parameters) {
      EXPECT_TRUE(listed(list, u.name)) << u.name;
      ++named;
    }
  EXPECT_GT(named, 0u);
}

TEST(AuditParameters, PlanListsTheParametersItReads) {
  const Policy p = Policy::default_profile();
  PlanRequest r;
  r.first_year = 2016;
  r.last_year = 2018;
  r.capacity = 5;
  r.units = {PlanUnit{"U1", Level::level1, {}}, PlanUnit{"U2", Level::level2, {}}, PlanUnit{"U3", Level::level3, {}}};
  const Plan plan_ = plan(r, p);
  const auto list = plan_parameters(p, Date(2016, 1, 1));
  ASSERT_FALSE(list.empty());
  for (const ParamUsed &u : list) EXPECT_TRUE(listed(plan_.explanation.parameters, u.name)) << u.name;
  for (const ParamUsed &u : plan_.explanation.parameters) EXPECT_TRUE(listed(list, u.name)) << u.name;
}

TEST(AuditParameters, CoverageYearsOfEachLevelAndTheParameterBehindThem) {
  const Policy p = Policy::default_profile();
  Explanation ex;
  EXPECT_EQ(coverage_years(Level::level1, p, Date(2016, 1, 1), &ex),
            p.integer("audit.level1.full_coverage_years", Date(2016, 1, 1)));
  ASSERT_EQ(ex.parameters.size(), 1u);
  EXPECT_EQ(ex.parameters[0].name, "audit.level1.full_coverage_years");
  EXPECT_EQ(coverage_years(Level::level3, p, Date(2016, 1, 1)), 0);
  EXPECT_EQ(coverage_years(Level::special, p, Date(2016, 1, 1)), 0);
  EXPECT_STREQ(level_name_zh(Level::special), "特殊级别");
  EXPECT_STREQ(level_name_zh(Level::level2), "二级");
}
