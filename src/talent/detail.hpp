// Private helpers of the talent module: parameters read once per call, supervision screening.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "cadrekit/talent.hpp"

namespace cadrekit::talent::detail {

/// Red lines and open disposal cases per cadre id, as reasons.
std::map<std::string, std::vector<Reason>> supervision_reasons(const Supervision &sup, Date as_of,
                                                               const Policy &policy);

/// The cadre's date at its current rank: rank_since, else the earliest start of its posts at
/// person.rank (empty when neither is known).
std::optional<Date> rank_since_of(const Cadre &c);

}  // namespace cadrekit::talent::detail
