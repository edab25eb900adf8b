// The parameters an assessment result depends on, as the library lists them for a report: every
// parameter an explanation of the result names is among them.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "cadrekit/assessment.hpp"

using namespace cadrekit;
using namespace cadrekit::assessment;

namespace {

bool listed(const std::vector<ParamUsed> &list, const std::string &name) {
  return std::any_of(list.begin(), list.end(), [&](const ParamUsed &p) { return p.name == name; });
}

}  // namespace

TEST(AssessmentParameters, RedLinesListEveryParameterAHitNames) {
  const Policy p = Policy::default_profile();
  const Date as_of(2016, 12, 31);
  const auto list = red_line_parameters(p, as_of);
  ASSERT_FALSE(list.empty());
  for (const Rule &r : rules(p, as_of)) EXPECT_TRUE(listed(list, r.parameter)) << r.parameter;
  std::vector<Record> recs;
  for (int y : {2014, 2015, 2016}) {
    Record r;
    r.cadre_id = "C1";
    r.kind = Kind::annual;
    r.period = parse_period(std::to_string(y));
    r.rank = 10;
    r.group_size = 10;
    r.rating = Rating::competent;
    recs.push_back(r);
  }
  const auto hits = screen(recs, {}, as_of, p);
  ASSERT_FALSE(hits.empty());
  for (const Hit &h : hits)
    for (const ParamUsed &u : h.explanation.parameters) EXPECT_TRUE(listed(list, u.name)) << u.name;
}

TEST(AssessmentParameters, FollowUpListsTheIntervalsTheScheduleReads) {
  const Policy p = Policy::default_profile();
  Explanation ex;
  (void)follow_up_schedule(Date(2016, 3, 1), Date(2016, 12, 31), p, &ex);
  const auto list = follow_up_parameters(p, Date(2016, 3, 1));
  ASSERT_EQ(list.size(), ex.parameters.size());
  for (const ParamUsed &u : ex.parameters) EXPECT_TRUE(listed(list, u.name)) << u.name;
}
