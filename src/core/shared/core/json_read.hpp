// Reading JSON requests (private to the library): one parser with the limits every module's JSON
// calls share, and typed member access whose errors name the field and the record — never the
// value, which may be personal. The modules' JSON readers (assessment, talent, audit, village)
// are built on these; disclosure's record reader collects problems instead of throwing and keeps
// its own.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <string>
#include <string_view>

#include "cadrekit/core/date.hpp"
#include "cadrekit/core/errors.hpp"

namespace cadrekit::json_read {

/// Larger texts are refused before parsing (the C ABI takes strings from anywhere).
inline constexpr std::size_t kMaxBytes = 256u * 1024u * 1024u;

/// Parses `text`; `what` names it in errors ("request", "case", …). Nesting deeper than
/// `max_depth` is an error, not a stack overflow.
inline boost::json::value parse(std::string_view text, std::string_view what, int max_depth = 32) {
  if (text.size() > kMaxBytes) throw InvalidInput(std::string(what) + " is too large", std::string(what));
  boost::json::parse_options opt;
  opt.max_depth = static_cast<std::size_t>(max_depth);
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(text, ec, {}, opt);
  if (ec) throw InvalidInput(std::string(what) + " is not valid JSON", std::string(what));
  return v;
}

/// parse() of a text that must hold one JSON object.
inline boost::json::object parse_object(std::string_view text, std::string_view what = "request",
                                        int max_depth = 32) {
  boost::json::value v = parse(text, what, max_depth);
  if (!v.is_object()) throw InvalidInput(std::string(what) + " must be a JSON object", std::string(what));
  return std::move(v.get_object());
}

/// The member `key` of `o`; nullptr when it is absent or null (JSON null means "not given").
inline const boost::json::value *member(const boost::json::object &o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return nullptr;
  return &it->value();
}

inline const boost::json::object &as_object(const boost::json::value &v, const std::string &field,
                                            const std::string &record = {}) {
  if (!v.is_object()) throw InvalidInput("must be an object", field, record);
  return v.get_object();
}

inline const boost::json::array &as_array(const boost::json::value &v, const std::string &field,
                                          const std::string &record = {}) {
  if (!v.is_array()) throw InvalidInput("must be an array", field, record);
  return v.get_array();
}

inline std::string text(const boost::json::value &v, const std::string &field,
                        const std::string &record = {}) {
  if (!v.is_string()) throw InvalidInput("must be a string", field, record);
  return std::string(v.get_string());
}

/// A whole number that fits int64 (JSON numbers with a fraction or exponent are refused).
inline std::int64_t integer(const boost::json::value &v, const std::string &field,
                            const std::string &record = {}) {
  if (v.is_int64()) return v.get_int64();
  if (v.is_uint64() && v.get_uint64() <= static_cast<std::uint64_t>(INT64_MAX))
    return static_cast<std::int64_t>(v.get_uint64());
  throw InvalidInput("must be a whole number", field, record);
}

inline bool boolean(const boost::json::value &v, const std::string &field, const std::string &record = {}) {
  if (!v.is_bool()) throw InvalidInput("must be true or false", field, record);
  return v.get_bool();
}

/// An ISO date `YYYY-MM-DD`.
inline Date date(const boost::json::value &v, const std::string &field, const std::string &record = {}) {
  const std::string t = text(v, field, record);
  try {
    return parse_iso_date(t, field);
  } catch (const InvalidInput &e) {
    throw InvalidInput(e.what(), field, record);
  }
}

}  // namespace cadrekit::json_read
