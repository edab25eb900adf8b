// The parameters each audit result depends on, for a report that names its grounds.
#include <array>
#include <string_view>
#include <vector>

#include "cadrekit/audit.hpp"

namespace cadrekit::audit {

std::int64_t coverage_years(Level level, const Policy &policy, Date as_of, Explanation *ex) {
  switch (level) {
    case Level::level1: return policy.integer("audit.level1.full_coverage_years", as_of, ex);
    case Level::level2: return policy.integer("audit.level2.full_coverage_years", as_of, ex);
    case Level::level3:
    case Level::special: return 0;
  }
  return 0;
}

std::vector<ParamUsed> tier_parameters(const Policy &policy, Date as_of) {
  Explanation ex;
  (void)TierParams::load(policy, as_of, &ex);  // reads every parameter of the tiering, in order
  return ex.parameters;
}

std::vector<ParamUsed> plan_parameters(const Policy &policy, Date as_of) {
  static constexpr std::array<std::string_view, 7> kPlan{
      "audit.level1.min_share_per_year", "audit.level1.full_coverage_years",
      "audit.level2.min_share_per_year", "audit.level2.full_coverage_years",
      "audit.level3.term_audit_years",   "audit.level3.sample_min_per_year",
      "audit.level3.sample_max_per_year"};
  return policy.lookup(kPlan, as_of);
}

}  // namespace cadrekit::audit
