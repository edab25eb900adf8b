// The parameters each village result depends on, for a report that names its grounds. The pay
// sheet and the selection read exactly these (tests/village check it against their explanations).
#include <array>
#include <string_view>
#include <vector>

#include "cadrekit/village.hpp"

namespace cadrekit::village {

std::vector<ParamUsed> pay_parameters(const Policy &policy, int year) {
  const Date as_of = make_date(year, 1, 1, "year");
  static constexpr std::array<std::string_view, 12> kBase{
      "village.base_pay.small",        "village.base_pay.medium",
      "village.base_pay.large",        "village.base_pay.medium_min_population",
      "village.base_pay.large_min_population", "village.base_pay.min",
      "village.base_pay.max",          "village.base_pay.proration",
      "village.both_posts.paid",       "village.score.quarterly_weight",
      "village.score.annual_weight",   "village.grade.method"};
  static constexpr std::array<std::string_view, 3> kByShare{
      "village.grade.outstanding_share", "village.grade.good_share", "village.grade.share_rounding"};
  static constexpr std::array<std::string_view, 2> kByCutoff{"village.grade.outstanding_min_score",
                                                               "village.grade.good_min_score"};
  static constexpr std::array<std::string_view, 6> kPerformance{
      "village.performance_pay.excellent", "village.performance_pay.basic",
      "village.performance_pay.unqualified", "village.performance_pay.proration",
      "village.admonishment_talk.within_days",
      "village.rectification.within_days"};
  std::vector<ParamUsed> out = policy.lookup(kBase, as_of);
  const bool by_share = policy.text("village.grade.method", as_of) == "share";
  for (auto &p : by_share ? policy.lookup(kByShare, as_of) : policy.lookup(kByCutoff, as_of))
    out.push_back(std::move(p));
  for (auto &p : policy.lookup(kPerformance, as_of)) out.push_back(std::move(p));
  return out;
}

std::vector<ParamUsed> selection_parameters(const Policy &policy, int year) {
  static constexpr std::array<std::string_view, 5> kSelection{
      "village.selection.min_share_per_year", "village.selection.allocation",
      "village.selection.initial_ratio", "village.selection.prospective_ratio",
      "village.selection.formal_extra_share"};
  return policy.lookup(kSelection, make_date(year, 1, 1, "year"));
}

}  // namespace cadrekit::village
