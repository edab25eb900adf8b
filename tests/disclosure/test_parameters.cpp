// The parameters a round of disclosure depends on, as the library lists them for a report.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "cadrekit/core/calendar.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/disclosure.hpp"

using namespace cadrekit;
using namespace cadrekit::disclosure;

TEST(DisclosureParameters, ARoundListsTheParametersItsPlanReads) {
  const Policy p = Policy::default_profile();
  for (int round : {1, 2}) {
    Explanation ex;
    (void)plan_round(round, Rank::fu_ke, Date(2016, 9, 30), WorkCalendar::china(), p, &ex);
    const auto list = round_parameters(round, Rank::fu_ke, p, Date(2016, 9, 30));
    ASSERT_EQ(list.size(), ex.parameters.size()) << round;
    for (const ParamUsed &u : ex.parameters)
      EXPECT_TRUE(std::any_of(list.begin(), list.end(), [&](const ParamUsed &x) { return x.name == u.name; }))
          << u.name;
  }
  EXPECT_THROW(round_parameters(3, Rank::fu_ke, p, Date(2016, 9, 30)), InvalidInput);
}
