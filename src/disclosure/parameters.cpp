// The parameters each disclosure result depends on, for a report that names its grounds.
#include <string>
#include <vector>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/disclosure.hpp"

namespace cadrekit::disclosure {

std::vector<ParamUsed> round_parameters(int round, Rank rank, const Policy &policy, Date as_of) {
  if (round != 1 && round != 2) throw InvalidInput("round must be 1 or 2", "round");
  const std::string prefix = "disclosure.round" + std::to_string(round) + ".";
  return {policy.lookup(prefix + "venues." + rank_name(rank), as_of),
          policy.lookup(prefix + "window_working_days", as_of)};
}

}  // namespace cadrekit::disclosure
