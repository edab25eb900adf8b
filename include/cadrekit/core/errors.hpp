// Typed errors of cadrekit. Every error has a code (pinned: the C ABI returns the same
// numbers), the field and the record it concerns, and a one-line message that never holds
// a personal value (ID number, income, address, family member's name).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace cadrekit {

/// Error codes. The values are stable: they are the C ABI's status codes (CK_E_*).
enum class ErrorCode : int {
  ok = 0,
  invalid_argument = 1,   ///< a caller's programming error: NULL pointer, bad handle, bad enum
  invalid_input = 2,      ///< data that does not satisfy the rules: malformed date, bad code…
  policy = 3,             ///< a policy profile is malformed, or a parameter is unknown / not in force
  calendar_coverage = 4,  ///< a date outside the working-day calendar's coverage
  state = 5,              ///< an operation not allowed in the object's current state
  overflow = 6,           ///< an exact quantity would overflow (money beyond int64 fen)
  out_of_memory = 7,
  internal = 99,          ///< a bug in cadrekit: please report it
};

/// The stable lower-case name of a code ("invalid_input", …).
const char *error_code_name(ErrorCode code) noexcept;

/// A record's name as an error shows it: every number of 11 or more digits (a citizen ID
/// number, with its final X, a phone or a bank card number: a caller that keys its people by
/// one) has all but its last four digits replaced by '*' (a full-width digit by one '*'); a NUL
/// is written \0 (a message is read as C text, which ends at a NUL); the rest as it is. Its
/// digits may be ASCII or full-width, and single spaces, dashes or dots may split it. Every
/// Error applies it to its record, so that no surface's message holds such a number.
std::string masked_record(std::string_view record);

/// Base of every exception cadrekit throws.
class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, std::string message, std::string field = {}, std::string record = {});
  ErrorCode code() const noexcept { return code_; }
  /// The message alone, without the " (field F, record R)" that what() appends: for a caller
  /// that reports field and record in columns of its own, or builds a message on this one.
  const std::string &message() const noexcept { return message_; }
  /// The field concerned ("birth_date", "parameters.village.base_pay"), or empty.
  const std::string &field() const noexcept { return field_; }
  /// The record concerned (a row number, a cadre id, "tongliao-2016.yaml:12"), or empty;
  /// masked (masked_record).
  const std::string &record() const noexcept { return record_; }

 private:
  ErrorCode code_;
  std::string message_;
  std::string field_;
  std::string record_;
};

/// Input that does not satisfy the rules (also used for ErrorCode::invalid_argument/overflow).
class InvalidInput : public Error {
 public:
  explicit InvalidInput(std::string message, std::string field = {}, std::string record = {},
                        ErrorCode code = ErrorCode::invalid_input);
};

/// A malformed policy profile, an unknown parameter, or a parameter not yet in force.
class PolicyError : public Error {
 public:
  explicit PolicyError(std::string message, std::string field = {}, std::string record = {});
};

/// A date outside the coverage of a (strict) working-day calendar.
class CalendarCoverageError : public Error {
 public:
  explicit CalendarCoverageError(std::string message, std::string field = {},
                                 std::string record = {});
};

/// An operation the object's current state does not allow (workflow cases).
class StateError : public Error {
 public:
  explicit StateError(std::string message, std::string field = {}, std::string record = {});
};

}  // namespace cadrekit
