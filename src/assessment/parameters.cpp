// The parameters each assessment result depends on, for a report that names its grounds.
#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

#include "cadrekit/assessment.hpp"

namespace cadrekit::assessment {

std::vector<ParamUsed> red_line_parameters(const Policy &policy, Date as_of) {
  std::vector<ParamUsed> out;
  auto add = [&](const ParamUsed &p) {
    if (std::none_of(out.begin(), out.end(), [&](const ParamUsed &q) { return q.name == p.name; }))
      out.push_back(p);
  };
  for (const Rule &r : rules(policy, as_of)) {
    add(policy.lookup(r.parameter, as_of));  // the rule itself
    for (const ParamUsed &p : r.params) add(p);  // the numbers it refers to
  }
  return out;
}

std::vector<ParamUsed> follow_up_parameters(const Policy &policy, Date as_of) {
  static constexpr std::array<std::string_view, 3> kFollowUp{"followup.talk_interval_months",
                                                             "followup.visit_interval_months",
                                                             "followup.schedule"};
  return policy.lookup(kFollowUp, as_of);
}

}  // namespace cadrekit::assessment
