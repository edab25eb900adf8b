// The catalogue of qualitative standards (HORQIN.2): the policy's `assessment.standard.*`.
// Part of cadrekit/assessment.hpp (HORQIN); docs/assessment.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cadrekit/assessment/findings.hpp"
#include "cadrekit/core/date.hpp"
#include "cadrekit/core/policy.hpp"

namespace cadrekit::assessment {

/// Prefix of the standard parameters. Each `assessment.standard.<id>` (type text) is one
/// standard: its label is the standard's zh/en text, its clause the clause, its value
/// "aspect=<aspect>; suggest=<method|any>", or "withdrawn" (not in the catalogue from that date).
/// The source names 6 aspects and 25 standards but lists none of the 25: the default profile
/// holds one general (assumed) standard per aspect; a county layer adds or withdraws standards.
inline constexpr std::string_view standard_prefix = "assessment.standard.";

struct Standard {
  std::string id;          ///< the parameter name without the prefix ("discipline")
  std::string parameter;   ///< the full parameter name
  Aspect aspect = Aspect::none;
  std::string text_zh, text_en;
  std::string clause;
  std::string suggestion = "any";  ///< a disposal method code or "any"
  bool assumed = false;
  friend bool operator==(const Standard &, const Standard &) = default;
};
/// The catalogue in force on as_of, sorted by id (withdrawn standards left out). PolicyError
/// naming the parameter for a malformed entry (unknown key, aspect `none`, bad method).
std::vector<Standard> standards(const Policy &policy, Date as_of);
/// The standard `id` in the catalogue, or nullptr.
const Standard *find_standard(const std::vector<Standard> &catalogue, std::string_view id) noexcept;
/// The standard a finding names, checked against the catalogue as screen() checks it: nullptr
/// when the finding names none; InvalidInput naming `record` when the standard is not in the
/// catalogue or the finding's aspect differs from the standard's. Lets a caller reject one
/// finding (a row of a file) before screening the rest.
const Standard *standard_of(const Finding &finding, const std::vector<Standard> &catalogue,
                            const std::string &record);

// ---- JSON form (docs/assessment.md), shared by the C ABI and any JSON client ----

/// The catalogue in force as JSON: {"standards": [{"id", "parameter", "aspect", "text_zh",
/// "text_en", "clause", "suggestion", "assumed"}]}.
std::string standards_json(const Policy &policy, Date as_of);

}  // namespace cadrekit::assessment
