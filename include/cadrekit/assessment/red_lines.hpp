// Red lines (HORQIN.2–HORQIN.3): the policy's `assessment.rule.*` rules and screening,
// one record at a time or over columns.
// Part of cadrekit/assessment.hpp (HORQIN); docs/assessment.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cadrekit/assessment/findings.hpp"
#include "cadrekit/assessment/records.hpp"
#include "cadrekit/assessment/standards.hpp"
#include "cadrekit/core/date.hpp"
#include "cadrekit/core/explanation.hpp"
#include "cadrekit/core/number.hpp"
#include "cadrekit/core/policy.hpp"

namespace cadrekit::assessment {

/// Prefix of the rule parameters.
inline constexpr std::string_view rule_prefix = "assessment.rule.";

struct Rule {
  std::string id;         ///< the parameter name without the prefix ("annual_bottom")
  std::string parameter;  ///< the full parameter name
  std::string text;       ///< the rule text in force
  std::string clause;
  std::string label_zh, label_en;
  bool assumed = false;   ///< the text or a number it refers to is assumed
  enum class Target : std::uint8_t { assessment, finding } target = Target::assessment;
  // --- assessment rules
  Kind kind = Kind::annual;
  enum class When : std::uint8_t { bottom, rating } when = When::bottom;
  enum class Bottom : std::uint8_t { places, share } bottom = Bottom::share;
  std::int64_t bottom_places = 0;
  Share bottom_share;
  std::uint16_t ratings = 0;  ///< bit (1 << Rating) for each rating that qualifies
  // --- finding rules
  std::uint8_t sources = 3;   ///< bit (1 << FindingSource)
  std::uint8_t aspects = 0x7f;///< bit (1 << Aspect)
  std::uint8_t classes = 0;   ///< bit (1 << FindingClass); never exploratory_mistake
  Severity min_severity = Severity::minor;
  std::int64_t within_years = 0;  ///< finding rules: findings dated within this many years
  // --- counting
  bool consecutive = true;    ///< consecutive=N, else times=N
  std::int64_t n = 1;
  std::int64_t within = 0;    ///< times=N within=M: among the latest M periods (0 = all)
  bool gap_breaks = true;     ///< consecutive: a missing period breaks the run
  std::string suggestion = "any";  ///< a disposal method code or "any"
  std::vector<ParamUsed> params;   ///< parameters the rule read (for explanations)
};

/// Parses one rule text. Numbers may be literals or `@parameter` references read from
/// `policy` as of `as_of`. PolicyError naming the parameter (field) and the key at fault.
Rule parse_rule(std::string_view parameter, std::string_view text, const Policy &policy,
                Date as_of);
/// Every `assessment.rule.*` parameter in force on as_of, sorted by name.
std::vector<Rule> rules(const Policy &policy, Date as_of);
/// The policy parameters screening depends on as of `as_of`: each rule in force and the numbers
/// it refers to (`@assessment.red_line.…`, the bottom share or places), what a report names as
/// the grounds of the red lines.
std::vector<ParamUsed> red_line_parameters(const Policy &policy, Date as_of);

/// Whether rank `rank` in a group of `size` is near the bottom under `rule` (bottom k places, or
/// bottom ⌈x·n⌉ places). A tie is near the bottom only when its best place (its rank) is.
/// InvalidInput for rank outside 1..size.
bool near_bottom(const Rule &rule, std::int32_t rank, std::int32_t size);

/// One red line that fires for a cadre.
struct Hit {
  std::string cadre_id;
  std::string rule_id;
  std::string clause;
  std::string suggestion;            ///< method code ("demotion") or "any"
  std::vector<std::string> periods;  ///< periods (assessment rules) or dates (finding rules)
  std::vector<std::size_t> records;  ///< indices into the records given
  std::vector<std::string> findings; ///< finding ids (finding rules)
  std::vector<Standard> standards;   ///< per finding: the standard breached (empty id for none)
  Explanation explanation;
};

/// Every red line that fires for every cadre as of `as_of` (DMN collect), ordered by cadre id
/// then rule id. Records with a period after as_of's year and findings after as_of are ignored.
/// InvalidInput naming the field and the record ("records[3]", "findings[0]") for bad input,
/// for two records of the same cadre, kind and period, and for a finding whose standard is not
/// in the catalogue in force on as_of (field `standard`) or whose aspect differs from its
/// standard's (field `aspect`). A finding's aspect, when not given, is its standard's.
std::vector<Hit> screen(std::span<const Record> records, std::span<const Finding> findings,
                        Date as_of, const Policy &policy);
/// The same; with `explain` false each hit's explanation is left empty, and not built (the
/// words, parameters and inputs of every hit are most of the call's cost where a caller needs
/// only which red lines fire).
std::vector<Hit> screen(std::span<const Record> records, std::span<const Finding> findings,
                        Date as_of, const Policy &policy, bool explain);

/// Columnar input of the batch path. Records must be grouped by cadre (all rows of one cadre
/// contiguous) with the periods of each kind strictly increasing within the cadre.
struct Columns {
  std::span<const std::int64_t> cadre;       ///< cadre key
  std::span<const std::uint8_t> kind;        ///< Kind
  std::span<const std::int32_t> period;      ///< parse_period encoding
  std::span<const std::int32_t> rank;        ///< 0 = not ranked
  std::span<const std::int32_t> group_size;
  std::span<const std::uint8_t> rating;      ///< Rating
};
/// Columnar findings for the batch path: rows sorted by cadre key (the same keys as
/// Columns::cadre; a cadre may have findings and no records). Findings that concern a unit
/// only must be resolved to its cadres by the caller (screen() does it from the records).
struct FindingColumns {
  std::span<const std::int64_t> cadre;          ///< cadre key
  std::span<const std::int32_t> standard;       ///< index into standards(policy, as_of); -1 = none
  std::span<const std::uint8_t> source;         ///< FindingSource
  std::span<const std::uint8_t> classification; ///< FindingClass
  std::span<const std::uint8_t> severity;       ///< Severity
  std::span<const std::int32_t> date;           ///< days since 1970-01-01
};
struct BatchHit {
  std::int64_t cadre = 0;
  std::uint32_t rule = 0;          ///< index into rules(policy, as_of)
  std::int32_t first_period = 0;   ///< assessment rules: the first and last period that made it
  std::int32_t last_period = 0;    ///< fire; finding rules: the first and last finding date
                                   ///< (days since 1970-01-01)
  std::uint32_t count = 0;         ///< how many qualifying periods (findings)
  friend bool operator==(const BatchHit &, const BatchHit &) = default;
};
/// The assessment rules over columns (finding rules are not evaluated here).
/// No allocation per row. InvalidInput naming the column and row for bad input or order.
std::vector<BatchHit> screen_batch(const Columns &cols, Date as_of, const std::vector<Rule> &rules);
/// Every rule — assessment rules over `cols`, finding rules over `findings` — per cadre in
/// ascending key order, rules in their order; the same answers as screen() for the same data
/// (aspect = the standard's; a qualitative finding needs a standard). `catalogue` is
/// standards(policy, as_of). InvalidInput naming the column ("findings.severity") and row.
std::vector<BatchHit> screen_batch(const Columns &cols, const FindingColumns &findings, Date as_of,
                                   const std::vector<Rule> &rules,
                                   const std::vector<Standard> &catalogue);

// ---- JSON form (docs/assessment.md), shared by the C ABI and any JSON client ----

/// Screening request {"as_of": "2016-12-31", "records": [...], "findings": [...],
/// "audit_findings": [...] (the audit module's form, mapped by finding_from_audit and appended
/// to the findings), "explain": true} -> {"hits": [{"cadre_id", "rule_id", "clause", "suggestion", "periods",
/// "records", "findings", "standards", "explanation"}]} (members in that order; "standards":
/// [{"finding", "standard", "aspect", "text_zh", "text_en", "clause", "suggestion"}] for the
/// findings that name one; explanation only when "explain" is true, the default).
std::string screen_json(std::string_view request_json, const Policy &policy);
/// The rules in force as JSON: {"rules": [{"index", "id", "parameter", "text", "clause",
/// "label_zh", "label_en", "assumed", "target", "suggestion"}]}.
std::string rules_json(const Policy &policy, Date as_of);

}  // namespace cadrekit::assessment
