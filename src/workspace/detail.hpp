// The workspace's private parts: the ops of each case kind and how their members are read,
// and the machines that replay a case's log through the library's own case types.
#pragma once

#include <boost/json.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cadrekit/core/calendar.hpp"
#include "cadrekit/workspace.hpp"

namespace cadrekit::workspace::detail {

/// How a member of an op is read (from a JSON value or a table cell's text).
enum class Type : std::uint8_t {
  text,     ///< a string (a number is taken as its text: levels 1/2/3)
  integer,  ///< a whole number, or its text
  boolean,  ///< true/false, or true/false/yes/no/1/0/是/否 as text
  list,     ///< an array of strings, or "a;b" as text
  object,   ///< a JSON object, or its JSON text
  array,    ///< a JSON array, or its JSON text
};

struct MemberSpec {
  const char *name;
  Type type;
  bool required;
};

struct OpSpec {
  CaseKind kind;
  const char *op;
  bool opens;  ///< may be the first event of a case
  std::vector<MemberSpec> members;
};

/// The op of a kind, or nullptr.
const OpSpec *find_op(CaseKind kind, std::string_view op);
/// The op's members of `o` converted to their types, in the op's order; the common members
/// (case_kind, case_id, op, date, explanation, explanations) are skipped; an unknown non-empty
/// member is an InvalidInput naming it.
boost::json::object normalize_members(const OpSpec &spec, const boost::json::object &o, const std::string &record);
/// "open, advance, …": the ops of a kind, for messages.
std::string op_names(CaseKind kind);

/// A case id as the workspace accepts it: 1–200 bytes of UTF-8 text without control
/// characters, and not an ID number (case ids are listed everywhere). InvalidInput otherwise.
void validate_case_id(std::string_view id, std::string_view field, const std::string &record);
/// The canonical form of an explanation (the library's renderer); InvalidInput naming `field`.
std::string canonical_explanation(std::string_view json, std::string_view field, const std::string &record);

/// One event of a case, stored or about to be.
struct Event {
  std::string op;
  Date effective;
  boost::json::object members;
};

/// What replaying needs besides the log.
struct Context {
  const Policy &policy;
  const WorkCalendar &calendar;
  /// The record of the latest imported disclosure_records table with this id, as JSON text.
  std::function<std::optional<std::string>(const std::string &)> disclosure_record;
};

/// A case replayed through the library: apply() checks and applies one event (throwing the
/// library's StateError / InvalidInput and leaving the machine as it was), then status() and
/// due() derive the state after the events applied so far.
class Machine {
 public:
  virtual ~Machine() = default;
  /// May rewrite the event to what was decided ("tiered" becomes "start" or "review"); returns
  /// the library's explanation of the step (canonical JSON) or "".
  virtual std::string apply(Event &e, const Context &ctx) = 0;
  /// subject, stage, open, detail (the caller fills the rest).
  virtual CaseStatus status(Date as_of, const Context &ctx) const = 0;
  /// Items due by `until` (≥ as_of) that are not done, classified against `as_of`.
  virtual void due(Date as_of, Date until, const Context &ctx, std::vector<DueItem> &out) const = 0;
  virtual std::unique_ptr<Machine> clone() const = 0;
};

std::unique_ptr<Machine> make_machine(CaseKind kind, const std::string &case_id);

/// Reads `v` as a member of type `t`; InvalidInput naming `field` and `record`.
boost::json::value convert(const boost::json::value &v, Type t, const std::string &field, const std::string &record);

/// Rethrows `e` (any cadrekit::Error) naming `record` (and, after it, the record `e` named).
[[noreturn]] void rethrow_with_record(const Error &e, const std::string &record);

/// Member access for machines (the members were converted by convert(), so types hold).
std::string member_text(const boost::json::object &o, std::string_view key);
std::int64_t member_int(const boost::json::object &o, std::string_view key, std::int64_t dflt = 0);
bool member_bool(const boost::json::object &o, std::string_view key, bool dflt = false);

}  // namespace cadrekit::workspace::detail
