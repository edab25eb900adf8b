// Private helpers of the talent module: parameters read once per call, supervision screening.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "cadrekit/talent.hpp"

namespace cadrekit::talent::detail {

/// talent.age.counting on `as_of`: true for year_difference, false for whole_years (PolicyError
/// for any other value). A call over many cadres reads it once and counts with age_counted.
bool by_year_difference(const Policy &policy, Date as_of, Explanation *ex);
/// age_on() with the counting read: InvalidInput for a date that is none or after `as_of`.
int age_counted(Date birth, Date as_of, bool year_difference);

/// Red lines and open disposal cases per cadre id, as reasons.
std::map<std::string, std::vector<Reason>> supervision_reasons(const Supervision &sup, Date as_of,
                                                               const Policy &policy);

/// The cadre's date at its current rank: rank_since, else the earliest start of its posts at
/// person.rank (empty when neither is known).
std::optional<Date> rank_since_of(const Cadre &c);

}  // namespace cadrekit::talent::detail
