// The parameters a village result depends on, as the library lists them for a report: every
// parameter an explanation of the result names is among them.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "cadrekit/village.hpp"

using namespace cadrekit;
using namespace cadrekit::village;

namespace {

bool listed(const std::vector<ParamUsed> &list, const std::string &name) {
  return std::any_of(list.begin(), list.end(), [&](const ParamUsed &p) { return p.name == name; });
}

}  // namespace

TEST(VillageParameters, PaySheetListsEveryParameterItsExplanationsName) {
  const Policy p = Policy::default_profile();
  const auto list = pay_parameters(p, 2016);
  EXPECT_TRUE(listed(list, "village.performance_pay.excellent"));
  std::vector<Village> vs{{"V1", "", "T1", 800}, {"V2", "", "T1", 2500}, {"V3", "", "T1", 4000}};
  std::vector<Principal> ps{{"C1", "", "V1", Post::secretary, Date(2015, 3, 1), {}},
                            {"C2", "", "V2", Post::both, Date(2016, 4, 1), {}},
                            {"C3", "", "V3", Post::director, Date(2014, 1, 1), Date(2016, 9, 30)}};
  std::vector<Score> sc;
  for (const char *v : {"V1", "V2", "V3"})
    for (const char *per : {"2016Q1", "2016Q2", "2016Q3", "2016Q4", "2016"})
      sc.push_back({v, per, Rational(std::string_view(v) == "V1" ? 90 : std::string_view(v) == "V2" ? 80 : 70)});
  const PaySheet s = pay_sheet(vs, ps, sc, 2016, p);
  std::size_t named = 0;
  for (const PayLine &l : s.lines) {
    ASSERT_NE(l.explanation, nullptr);
    for (const ParamUsed &u : l.explanation->parameters) {
      EXPECT_TRUE(listed(list, u.name)) << u.name;
      ++named;
    }
  }
  EXPECT_GT(named, 0u);
}

TEST(VillageParameters, SelectionListsEveryParameterItsExplanationsName) {
  const Policy p = Policy::default_profile();
  const auto list = selection_parameters(p, 2016);
  Explanation ex;
  (void)selection_quota(206, 2016, p, &ex);
  (void)funnel(11, 2016, p, &ex);
  const QuotaAllocation a = allocate_selection({{"T1", 120}, {"T2", 86}}, 2016, p);
  std::vector<ParamUsed> named = ex.parameters;
  named.insert(named.end(), a.explanation.parameters.begin(), a.explanation.parameters.end());
  ASSERT_FALSE(named.empty());
  for (const ParamUsed &u : named) EXPECT_TRUE(listed(list, u.name)) << u.name;
}
