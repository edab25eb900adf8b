// The parameters a talent result depends on, as the library lists them for a report: every
// parameter an explanation of the result names is among them.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "cadrekit/talent.hpp"

using namespace cadrekit;
using namespace cadrekit::talent;

namespace {

bool listed(const std::vector<ParamUsed> &list, const std::string &name) {
  return std::any_of(list.begin(), list.end(), [&](const ParamUsed &p) { return p.name == name; });
}

Cadre cadre(std::string id, Date birth, Sex sex, std::string ethnicity) {
  Cadre c;
  c.person.id = std::move(id);
  c.person.birth_date = birth;
  c.person.sex = sex;
  c.person.ethnicity = std::move(ethnicity);
  c.person.political_status = "01";
  c.person.rank = Rank::fu_ke;
  c.civil_servant = true;
  return c;
}

}  // namespace

TEST(TalentParameters, PoolsListEveryParameterTheirExplanationsName) {
  const Policy p = Policy::default_profile();
  const Date as_of(2016, 9, 22);
  std::vector<Cadre> cs{cadre("A", Date(1984, 5, 1), Sex::female, "02"), cadre("B", Date(1980, 10, 15), Sex::male, "01")};
  const Pools ps = pools(cs, {}, as_of, p, true);
  const auto list = pool_parameters(p, as_of);
  std::size_t named = 0;
  for (const auto *entries : {&ps.members, &ps.near_misses, &ps.excluded})
    for (const PoolEntry &e : *entries)
      for (const ParamUsed &u : e.explanation.parameters) {
        EXPECT_TRUE(listed(list, u.name)) << u.name;
        ++named;
      }
  EXPECT_GT(named, 0u);
}

TEST(TalentParameters, TeamStructureListsEveryParameterItsExplanationsName) {
  const Policy p = Policy::default_profile();
  const Date as_of(2016, 9, 22);
  std::vector<TeamMember> ms{{"T1", "A", Sex::male, Date(1970, 1, 1), "01", "01"},
                             {"T1", "B", Sex::male, Date(1975, 1, 1), "01", "01"}};
  const auto teams = team_structure(ms, as_of, p, {}, {}, true);
  const auto list = team_parameters(p, as_of);
  ASSERT_FALSE(teams.empty());
  std::size_t named = 0;
  for (const auto &t : teams)
    for (const ParamUsed &u : t.explanation.parameters) {
      EXPECT_TRUE(listed(list, u.name)) << u.name;
      ++named;
    }
  EXPECT_GT(named, 0u);
}
