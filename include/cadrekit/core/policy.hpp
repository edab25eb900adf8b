// Policy profiles: every number of the rules is a parameter with dated values, a unit, zh/en
// labels, the clause it comes from, and an `assumed` flag where the source gives no number.
// Profiles are YAML (docs/policy.md); one may `extends:` another (province -> county).
// A Policy is immutable after loading and safe to share across threads.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <span>
#include <vector>

#include "cadrekit/core/date.hpp"
#include "cadrekit/core/explanation.hpp"
#include "cadrekit/core/money.hpp"
#include "cadrekit/core/number.hpp"

namespace cadrekit {

/// The type of a parameter's values, declared in the profile (`type:`).
enum class ParamType {
  integer,   ///< whole number: counts, years, ranks ("5")
  decimal,   ///< exact decimal or fraction ("0.6", "1/3")
  money,     ///< yuan, as Money parses ("4000", "500万")
  share,     ///< as Share parses ("35%", "1:3", "0.2")
  text,      ///< a word from a set the rule defines ("up", "lower_band")
  boolean,   ///< true / false
};
const char *param_type_name(ParamType t) noexcept;

/// Names of the profiles embedded in the library, sorted ("tongliao-2016").
std::vector<std::string> embedded_policy_names();

/// One dated value of a parameter.
struct ParamValue {
  Date effective_from;
  std::string text;  ///< the value exactly as written (canonicalised per type)
  bool assumed = false;
};

/// A parameter's declaration and its values, oldest first.
struct ParamInfo {
  std::string name;
  ParamType type = ParamType::text;
  std::string unit;
  std::string label_zh;
  std::string label_en;
  std::string clause;
  std::string source;  ///< "file:line" of the profile that set its latest values
  std::vector<ParamValue> values;
  /// `bounds:` of the declaration: parameters of the same type whose values in force bound
  /// this one's on every date (empty: no bound on that side). Checked whenever a profile
  /// loads or a value is set; a value outside them is a PolicyError naming both parameters.
  std::string bound_min;
  std::string bound_max;
  /// The values the parameter may take (canonical text; empty: no limit on that side): the
  /// declaration's `range:`, else by type — integer, decimal and money at least 0, a share
  /// from 0 to 1. A value outside it is a PolicyError when the profile loads or it is set.
  std::string range_min;
  std::string range_max;
};

/// One profile of a policy's chain as it was read: an embedded profile by its name, a
/// profile's YAML text with the name its errors and `source` fields give it ("county.yaml"),
/// or one value set on the chain before it (`with_value`): name "--set", text
/// "NAME=VALUE[@YYYY-MM-DD]".
struct PolicySource {
  bool embedded = false;
  std::string name;  ///< embedded: the profile's name; otherwise the file as errors name it
  std::string text;  ///< the YAML text as read (empty for an embedded profile)
  friend bool operator==(const PolicySource &, const PolicySource &) = default;
};

class Policy {
 public:
  /// The embedded default profile, `tongliao-2016`.
  static Policy default_profile();
  /// An embedded profile by name ("tongliao-2016"); PolicyError if there is none.
  static Policy embedded(std::string_view name);
  /// Loads a profile file. `extends:` names an embedded profile or a path relative to the file.
  static Policy load(const std::string &path);
  /// Loads a profile from YAML text; `source` names it in errors. `extends:` may name an
  /// embedded profile only (there is no directory to resolve a path against).
  static Policy loads(std::string_view yaml, std::string_view source = "<string>");

  /// A copy of this profile with one parameter's values changed, checked as a profile file
  /// layered on this one would be (the value parsed as the parameter's type, bounds checked).
  /// Without `from` the value replaces every dated value (it is in force whenever the
  /// parameter is); with `from` it takes effect on that date and later dated values stay. The
  /// value is the caller's own, not assumed. PolicyError (field = the name, record "--set")
  /// for an unknown name or a value that does not fit.
  Policy with_value(std::string_view name, std::string_view value,
                    std::optional<Date> from = std::nullopt) const;
  /// The command line's `--set`: "NAME=VALUE" or "NAME=VALUE@YYYY-MM-DD", as with_value.
  Policy with_setting(std::string_view setting) const;
  /// The profiles this policy was built from, the root first: the embedded profile(s), then the
  /// text of each layer as it was read. `from_sources(sources())` builds the same policy again
  /// (same name, lineage, parameters, values and `source` fields), e.g. in another process
  /// where the files are not at hand.
  const std::vector<PolicySource> &sources() const;
  /// The policy of a chain of sources (as `sources()` gives them). Each layer must `extends:` the
  /// one before it exactly as loading resolved it (an embedded name, or the path that names the
  /// previous file); files are not read again. PolicyError for an empty chain, an unknown
  /// embedded profile, a layer that does not extend its predecessor, or any error of the texts.
  static Policy from_sources(const std::vector<PolicySource> &sources);

  /// The profile's name (`profile:`), e.g. "tongliao-2016".
  const std::string &name() const;
  /// The chain of profiles this one stands on, itself first: {"horqin-2018", "tongliao-2016"}.
  const std::vector<std::string> &lineage() const;
  /// Every parameter name, sorted.
  std::vector<std::string> parameter_names() const;
  bool has(std::string_view name) const;
  /// Declaration and values; PolicyError for an unknown name.
  const ParamInfo &info(std::string_view name) const;

  /// The value in force on `as_of` with its metadata, ready for an Explanation.
  /// PolicyError for an unknown name or a date before the first value.
  ParamUsed lookup(std::string_view name, Date as_of) const;
  /// lookup() of each name, in order: the parameters a result depends on, as a report shows them.
  std::vector<ParamUsed> lookup(std::span<const std::string_view> names, Date as_of) const;
  /// Exact text of the value in force.
  std::string value(std::string_view name, Date as_of) const;

  // Typed reads; PolicyError when the parameter is not of that type. When `ex` is given the
  // use is recorded in it (name, value, effective date, assumed, clause).
  std::int64_t integer(std::string_view name, Date as_of, Explanation *ex = nullptr) const;
  Rational decimal(std::string_view name, Date as_of, Explanation *ex = nullptr) const;
  Money money(std::string_view name, Date as_of, Explanation *ex = nullptr) const;
  Share share(std::string_view name, Date as_of, Explanation *ex = nullptr) const;
  std::string text(std::string_view name, Date as_of, Explanation *ex = nullptr) const;
  bool boolean(std::string_view name, Date as_of, Explanation *ex = nullptr) const;

  struct Impl;

 private:
  explicit Policy(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

}  // namespace cadrekit
