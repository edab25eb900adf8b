// The one explanation type of every decision in cadrekit: which rules fired (with the clause of
// the source they come from, in Chinese and English), which policy parameters were used (value,
// the date it took effect, whether it is assumed), and which inputs mattered. Its JSON form is
// stable and versioned (docs/explanation.md, docs/explanation.schema.json).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "cadrekit/core/date.hpp"

namespace cadrekit {

/// The JSON form's version tag, the "schema" member of every explanation.
inline constexpr std::string_view explanation_schema = "cadrekit.explanation/1";
/// Explanation::from_json's limits: the longest text (bytes) and the deepest nesting it
/// accepts (the form itself nests 3 deep); beyond them it throws InvalidInput, never crashes.
inline constexpr std::size_t explanation_json_max_bytes = 16u * 1024u * 1024u;
inline constexpr std::size_t explanation_json_max_depth = 16;

struct RuleFired {
  std::string rule_id;     ///< stable id of the rule in cadrekit, e.g. "village.grade.by_share"
  std::string clause;      ///< clause of the rule catalog, e.g. "JARUD.1"
  std::string message_zh;  ///< what it decided, in Chinese
  std::string message_en;  ///< the same in English
  friend bool operator==(const RuleFired &, const RuleFired &) = default;
};

struct ParamUsed {
  std::string name;     ///< policy parameter name, e.g. "village.performance_pay.excellent"
  std::string value;    ///< exact text of the value in force ("4000", "0.35", "1/3")
  std::string unit;     ///< e.g. "yuan/year", "share", "working_days"
  Date effective_from;  ///< the date this value took effect
  bool assumed = false; ///< the source gives no number: this value is the profile's assumption
  std::string clause;   ///< clause of the rule catalog the parameter belongs to
  /// Set by the module: this parameter was read but did not decide this result (e.g. the
  /// weight of a factor that is 0). The short form (Explanation::brief) leaves it out.
  bool detail = false;
  friend bool operator==(const ParamUsed &, const ParamUsed &) = default;
};

struct InputUsed {
  std::string name;   ///< e.g. "population", "units[3].budget"
  std::string value;  ///< exact text; never a personal value (ID number, income, address)
  /// Set by the module: the input was read but did not decide this result (a factor of 0).
  bool detail = false;
  friend bool operator==(const InputUsed &, const InputUsed &) = default;
};

class Explanation {
 public:
  Explanation() = default;
  explicit Explanation(std::string subject) : subject(std::move(subject)) {}

  std::string subject;  ///< what was decided about, e.g. "village V001" (an id, not a name)
  std::vector<RuleFired> rules;
  std::vector<ParamUsed> parameters;
  std::vector<InputUsed> inputs;

  void add_rule(RuleFired rule) { rules.push_back(std::move(rule)); }
  /// Adds a parameter once: a second use of the same name and date is not repeated.
  void add_parameter(ParamUsed param);
  void add_input(std::string name, std::string value, bool detail = false);
  /// Marks every parameter of this name as detail (read, but not deciding this result).
  void mark_parameter_detail(std::string_view name);

  /// The short form: the same rules, and only the parameters and inputs that decided (those
  /// the module did not mark as detail). The full form is the explanation itself.
  Explanation brief() const;
  /// True when some parameter or input is marked detail (brief() differs from the full form).
  bool has_detail() const;

  /// True when any parameter used is marked assumed.
  bool uses_assumed() const;

  /// Canonical JSON (members in a fixed order, no white space): byte-identical for equal values.
  std::string to_json() const;
  /// Parses what to_json wrote; throws InvalidInput naming the member that is wrong.
  static Explanation from_json(std::string_view json);

  /// A human-readable rendering, one line per rule and parameter. `lang` is "zh" or "en".
  /// Renders everything the explanation holds (the full form); `brief().to_text(lang)` is
  /// the short one. In "zh" units and the words of text parameters are shown in Chinese.
  std::string to_text(std::string_view lang) const;

  friend bool operator==(const Explanation &, const Explanation &) = default;
};

/// explanation_in_json's limits on the document that holds explanations (a result of many rows).
inline constexpr std::size_t explanation_document_max_bytes = std::size_t{1} << 30;
inline constexpr std::size_t explanation_document_max_depth = 64;

/// The `index`-th explanation (0-based, in document order) of a JSON document that holds
/// explanations: one explanation, a row, or a whole result (a C call's response, a command's
/// `--format json --explain` output). An explanation is any object whose "schema" is
/// explanation_schema; `null` explanations are not counted. InvalidInput (field "index") when
/// there are not that many, or as Explanation::from_json for the one found (its path prefixed).
Explanation explanation_in_json(std::string_view json, std::size_t index);

/// One entry of the form's "parameters" array, canonical (e.g. for ck_policy_lookup_json):
/// exactly the bytes Explanation::to_json writes for it. Throws InvalidInput naming the member
/// ("value", "effective_from") for text that is not UTF-8 or a not-a-date.
std::string to_json(const ParamUsed &param);

}  // namespace cadrekit
