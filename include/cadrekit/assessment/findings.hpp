// Findings against a cadre (HORQIN.2 qualitative standards; the audit findings of HOLINGOL).
// Part of cadrekit/assessment.hpp (HORQIN); docs/assessment.md.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cadrekit/core/date.hpp"

namespace cadrekit::audit {
struct AuditFinding;  // cadrekit/audit.hpp (HOLINGOL)
}

namespace cadrekit::assessment {

enum class FindingSource : std::uint8_t { qualitative = 0, audit = 1 };
/// The six aspects of the qualitative standards.
enum class Aspect : std::uint8_t {
  none = 0,              ///< not given (audit findings)
  discipline = 1,        ///< 遵规守纪
  political_stance = 2,  ///< 政治立场
  ideals_beliefs = 3,    ///< 理想信念
  ability = 4,           ///< 工作能力
  work_style = 5,        ///< 工作作风
  personal_conduct = 6,  ///< 修身做人
};
/// The distinctions the source requires (将…区分开).
enum class FindingClass : std::uint8_t {
  other = 0,                ///< none of the pairs applies
  muddled_view = 1,         ///< 一时性的模糊认识
  wavering_belief = 2,      ///< 信念动摇
  self_serving_error = 3,   ///< 利己错误
  exploratory_mistake = 4,  ///< 探索性失误: tolerated (容错), never triggers a red line
  lack_of_ability = 5,      ///< 能力不足
  not_acting = 6,           ///< 为官不为
};
enum class Severity : std::uint8_t { minor = 0, moderate = 1, serious = 2, grave = 3 };

FindingSource parse_finding_source(std::string_view text, std::string_view field = "source");
Aspect parse_aspect(std::string_view text, std::string_view field = "aspect");
FindingClass parse_finding_class(std::string_view text, std::string_view field = "classification");
Severity parse_severity(std::string_view text, std::string_view field = "severity");
const char *finding_source_name(FindingSource s) noexcept;
const char *aspect_name(Aspect a) noexcept;
const char *finding_class_name(FindingClass c) noexcept;
const char *severity_name(Severity s) noexcept;

/// A finding against a cadre. Audit findings of the audit module map onto it: unit or leader
/// id, date, severity (source = audit). A finding with an empty cadre_id concerns the unit: it
/// counts for every cadre whose latest record (as of the screening date) names that unit.
struct Finding {
  std::string id;
  std::string cadre_id;
  std::string unit_id;
  Date date;
  FindingSource source = FindingSource::qualitative;
  std::string standard;  ///< id of a catalogue standard (required for qualitative findings)
  Aspect aspect = Aspect::none;  ///< none: the standard's aspect; otherwise must equal it
  FindingClass classification = FindingClass::other;
  Severity severity = Severity::moderate;
  std::string facts;     ///< never copied into messages or explanations
};
void validate(const Finding &f, std::string_view record_label);

/// The documented mapping of the audit module's finding (HOLINGOL.4) onto a Finding:
/// source = audit; cadre_id = leader_id (empty: the finding concerns the unit and counts for
/// the cadres the unit's records name); unit_id, date as given; severity: minor → minor,
/// serious → serious, referred → grave; id = "audit:<unit_id>:<date>:<kind>"; no standard,
/// aspect none, classification other. A clean audit (Finding::none) is no finding: nullopt.
/// InvalidInput (field unit_id / date) for an empty unit id or a missing date.
std::optional<Finding> finding_from_audit(const audit::AuditFinding &a);
/// finding_from_audit over a list, clean audits left out, order kept.
std::vector<Finding> findings_from_audit(std::span<const audit::AuditFinding> audits);

// ---- JSON form (docs/assessment.md), shared by the C ABI and any JSON client ----

/// A finding from its JSON object (members as in the screening request's "findings");
/// InvalidInput naming the member and `record_label`.
Finding finding_from_json(std::string_view json_object, std::string_view record_label);
/// Audit findings as the audit module writes them — a JSON array of {"unit_id", "leader_id",
/// "date", "kind", "finding"} — mapped by finding_from_audit: a JSON array of findings in the
/// screening request's form. InvalidInput naming the member and "audit_findings[i]".
std::string findings_from_audit_json(std::string_view audit_findings_json);

}  // namespace cadrekit::assessment
