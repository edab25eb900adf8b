// Private helpers of the assessment module, shared by its JSON forms.
#pragma once

#include <boost/json.hpp>
#include <vector>

#include "cadrekit/assessment.hpp"

namespace cadrekit::assessment::detail {

/// The audit module's findings (a JSON array) mapped by finding_from_audit.
std::vector<Finding> audit_findings_of(const boost::json::value &v);

/// The "facts" object of a promotion case (shared by the case's JSON and its actions).
PromotionFacts promotion_facts_from_json(const boost::json::object &facts);

}  // namespace cadrekit::assessment::detail
