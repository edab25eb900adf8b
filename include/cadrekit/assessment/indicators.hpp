// Indicators and weights per domain, the composite score, and the methods as a checklist
// (HORQIN.4).
// Part of cadrekit/assessment.hpp (HORQIN); docs/assessment.md.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cadrekit/assessment/records.hpp"
#include "cadrekit/core/date.hpp"
#include "cadrekit/core/explanation.hpp"
#include "cadrekit/core/number.hpp"
#include "cadrekit/core/policy.hpp"

namespace cadrekit::assessment {

/// One indicator of a domain and its weight.
struct Indicator {
  std::string id;  ///< e.g. "performance" (工作实绩)
  Rational weight;
  friend bool operator==(const Indicator &, const Indicator &) = default;
};
/// The indicators of a domain: parameter `assessment.indicators.<domain>` (text
/// "id=weight; id=weight…", weights exact decimals or fractions, summing to exactly 1).
/// PolicyError naming the parameter for a malformed list.
std::vector<Indicator> indicators(Domain domain, const Policy &policy, Date as_of,
                                  Explanation *ex = nullptr);
/// Chinese name of a known indicator id (the families HORQIN.4 names), or "" for a county's own.
const char *indicator_name_zh(std::string_view id) noexcept;

struct CompositePart {
  std::string indicator;
  Rational weight, score, part;  ///< part = weight · score
};
struct Composite {
  Domain domain = Domain::township;
  Rational score;  ///< Σ weight · score, exact
  std::vector<CompositePart> parts;  ///< in the policy's indicator order
  Explanation explanation;
};
/// The composite score of a domain's indicators: `scores` maps every indicator id of the
/// domain to its score (exact decimal text). InvalidInput naming `scores.<id>` for a missing,
/// unknown, malformed or negative score (never echoing it).
Composite composite_score(Domain domain, std::span<const std::pair<std::string, std::string>> scores,
                          Date as_of, const Policy &policy);

/// The assessment's methods as a checklist. The source (HORQIN.4) divides the assessment into 12
/// steps but names none of them; the steps it does name are the six methods (听述职, 找谈话,
/// 搞测评, 查资料, 看现场, 抽样查). Which must be done is `assessment.methods.required`.
struct MethodCheck {
  Method method = Method::reports;
  bool required = false;
  bool done = false;
};
struct MethodChecklist {
  std::vector<MethodCheck> items;  ///< the six methods in order
  std::vector<std::string> missing;  ///< required and not done (method codes)
  bool complete = false;
};
MethodChecklist method_checklist(std::uint8_t methods_done, Date as_of, const Policy &policy,
                                 Explanation *ex = nullptr);

// ---- JSON form (docs/assessment.md), shared by the C ABI and any JSON client ----

/// {"domain", "as_of", "scores": {"<indicator>": "90.5" | 90, …}} -> {"domain", "score",
/// "parts": [{"indicator", "name_zh", "weight", "score", "part"}], "explanation"} (exact texts:
/// to_exact_string).
std::string composite_json(std::string_view request_json, const Policy &policy);
/// {"as_of", "methods": ["reports", "看现场", …]} -> {"items": [{"method", "required",
/// "done"}], "missing": [...], "complete"}.
std::string method_checklist_json(std::string_view request_json, const Policy &policy);

}  // namespace cadrekit::assessment
