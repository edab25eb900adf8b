// Reading JSON requests: what core shares with the modules (never installed, never seen by users).
// One parser with the limits every JSON call shares, and typed access whose errors name the field
// and the record — never the value, which may be personal. Every module's JSON reader is built on
// these; disclosure's record reader, which collects problems instead of throwing, is the one that
// keeps its own (its problem codes are part of its output).
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cadrekit/core/date.hpp"
#include "cadrekit/core/errors.hpp"

namespace cadrekit::json_read {

/// Larger texts are refused before parsing (the C ABI takes strings from anywhere).
inline constexpr std::size_t kMaxBytes = 256u * 1024u * 1024u;

/// Parses `text`; `what` names it in errors ("request", "case", …). Nesting deeper than
/// `max_depth` is an error, not a stack overflow; so are a member given twice in one object
/// (Boost.JSON would keep the last silently) and a NUL character in a string or key, each
/// naming the member's path.
boost::json::value parse(std::string_view text, std::string_view what, int max_depth = 32);

/// What parse_checked() found wrong with a JSON text: the member's path, a code and a message.
struct Finding {
  std::string path;     ///< "units[2].as_of"; empty when nothing was found
  std::string code;     ///< "duplicate_member" or "nul_character"
  std::string message;  ///< "duplicate member" or "NUL character in text"
  explicit operator bool() const noexcept { return !code.empty(); }
};

/// One JSON text read in one pass: the value, or what stopped the reading.
struct Parsed {
  boost::json::value value;     ///< null unless the text is JSON and nothing was found
  Finding found;                ///< the first duplicate member, or NUL character when refused
  boost::system::error_code ec; ///< not JSON, or nested deeper than the limit (also set on a finding)
  std::size_t consumed = 0;     ///< bytes read before the reading stopped
};

/// Parses `text` (RFC 8259 only: no comments, no trailing commas, strict UTF-8) and looks, in
/// the same pass, for a member given twice in one object and, when `refuse_nul`, a NUL
/// character in a text or key. An explanation's reader keeps NUL: it reads back what its
/// writer escaped. parse() is this with errors thrown; readers with errors of their own (the
/// person and disclosure records, explanations) call it directly.
Parsed parse_checked(std::string_view text, std::size_t max_depth = 32, bool refuse_nul = true);

/// A key as an error message may show it: a short ASCII identifier as it is, any other key
/// (CJK text, digits first like an ID number, punctuation, long) as "?" so that a message
/// never repeats what may be personal data.
std::string display_key(std::string_view key);

/// "unknown member `key`", with " (did you mean `k`?)" naming the nearest of `known` when one
/// is near; a key display_key() hides gets no suggestion. For readers that check keys themselves.
std::string unknown_member_message(std::string_view key, std::span<const std::string_view> known);

/// "prefix.key", or "key" when the prefix is empty.
std::string join_path(std::string_view prefix, std::string_view key);

/// parse() of a text that must hold one JSON object.
boost::json::object parse_object(std::string_view text, std::string_view what = "request",
                                 int max_depth = 32);

/// Whether `v` is a blank string ("", spaces): an empty cell, a missing value (docs/input.md).
bool blank_string(const boost::json::value &v);

/// The member `key` of `o`; nullptr when it is absent or null (JSON null means "not given").
inline const boost::json::value *member(const boost::json::object &o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return nullptr;
  return &it->value();
}

// ---- One value: the field and the record it came from name it in errors -------------------

const boost::json::object &as_object(const boost::json::value &v, const std::string &field,
                                     const std::string &record = {});
const boost::json::array &as_array(const boost::json::value &v, const std::string &field,
                                   const std::string &record = {});
/// A JSON number as the text of the table cell that holds it, as the command line reads a JSON
/// table: a whole number its digits (1001.0 and 1e3 too), any other the shortest text read
/// back as the same double (1.5, 0.1). nullopt when `v` is no number, and, with `why` set, for
/// a number JSON's reader could not hold exactly (99999999999999999999999 became a double:
/// its digits would be a changed id) or one that is not finite (1e400).
std::optional<std::string> number_text(const boost::json::value &v, const char *&why);
/// Text: a string, a number as the text of its cell (number_text(): an id 1001 is "1001"), or
/// true/false as "true"/"false", as the command line's JSON tables and Python read them.
std::string text(const boost::json::value &v, const std::string &field, const std::string &record = {});
/// A whole number that fits int64: a JSON integer, or a string or another number read as the
/// table cell holding it would be ("1200", "１２", 1200.0; 1.5 is refused).
std::int64_t integer(const boost::json::value &v, const std::string &field, const std::string &record = {});
/// true/false, or a string or number read as a flag cell would be ("是", "1", 0; 2 is refused).
bool boolean(const boost::json::value &v, const std::string &field, const std::string &record = {});
/// A date as a table cell holds one (docs/input.md: `2014-01-01`, `2014/1/1`, `20140101`), given
/// as a string or as a number read as the text of its cell.
Date date(const boost::json::value &v, const std::string &field, const std::string &record = {});

/// Runs `f`; an InvalidInput it throws gets `record` as its record label unless it already
/// names an element of a list ("items[2]"), which is the more precise place.
template <class F>
auto in_record(const std::string &record, F &&f) -> decltype(f()) {
  try {
    return f();
  } catch (const InvalidInput &e) {
    if (e.record().find('[') != std::string::npos) throw;
    throw InvalidInput(e.message(), e.field(), record, e.code());
  }
}

// ---- The members of one object ---------------------------------------------------------------

/// Typed access to the members of one JSON object. An error names the field `prefix + key`
/// ("events[2]." + "date") and the record label given ("units[3]"); absent and null are the
/// same ("not given").
class Fields {
 public:
  explicit Fields(const boost::json::object &o, std::string prefix = {}, std::string record = {})
      : o_(o), prefix_(std::move(prefix)), record_(std::move(record)) {}
  /// The object `v` must be (InvalidInput "must be an object" naming `what` otherwise).
  Fields(const boost::json::value &v, const std::string &what, std::string prefix = {},
         const std::string &record = {})
      : Fields(as_object(v, what, record), std::move(prefix), record) {}

  const boost::json::object &object() const noexcept { return o_; }
  const std::string &record() const noexcept { return record_; }
  /// The field an error about `key` names.
  std::string field(std::string_view key) const { return prefix_ + std::string(key); }

  /// The member, or nullptr when it is absent or null.
  const boost::json::value *find(std::string_view key) const { return member(o_, key); }
  /// The member, or nullptr when it is absent, null or a blank string (an empty cell): what the
  /// readers of a member that may be left out take as not given.
  const boost::json::value *given(std::string_view key) const {
    const boost::json::value *v = find(key);
    return v && blank_string(*v) ? nullptr : v;
  }
  /// The member; "member is missing" when it is absent or null.
  const boost::json::value &need(std::string_view key) const;

  std::string text(std::string_view key) const;
  /// The text, or `fallback` when it is absent, null or blank (an empty cell: a missing value).
  std::string text_or(std::string_view key, std::string fallback = {}) const;
  std::int64_t integer(std::string_view key) const;
  std::int64_t integer_or(std::string_view key, std::int64_t fallback) const;
  /// The flag, or `fallback` when it is absent, null or a blank string (an empty cell).
  bool boolean_or(std::string_view key, bool fallback = false) const;
  Date date(std::string_view key) const;
  /// The date, or nullopt when it is absent, null or a blank string (an empty cell).
  std::optional<Date> date_or_none(std::string_view key) const;
  const boost::json::array &array(std::string_view key) const;
  /// The array member, or nullptr when it is absent or null.
  const boost::json::array *array_or_none(std::string_view key) const;
  /// The array member, or an empty array when it is absent or null.
  const boost::json::array &array_or_empty(std::string_view key) const;
  /// An array of strings (empty when absent); element i is named `key[i]` in errors.
  std::vector<std::string> texts(std::string_view key) const;

  /// InvalidInput "unknown member `complains` (did you mean `complaints`?)" for the first
  /// member whose key is not in `known`, the field naming the member's path. A key that may be
  /// personal is shown as "?" and offered no nearest name (display_key()).
  void only(std::initializer_list<std::string_view> known) const {
    only(std::span<const std::string_view>(known.begin(), known.size()));
  }
  void only(std::span<const std::string_view> known) const;

 private:
  const boost::json::object &o_;
  std::string prefix_;
  std::string record_;
};

}  // namespace cadrekit::json_read
