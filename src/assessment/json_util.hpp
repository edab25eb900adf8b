// JSON helpers of the assessment module (private): typed member access whose errors name the
// member, never echo its value.
#pragma once

#include <boost/json.hpp>
#include <string>
#include <string_view>

#include "cadrekit/assessment.hpp"
#include "cadrekit/core/date.hpp"
#include "cadrekit/core/errors.hpp"

namespace cadrekit::assessment::detail {

inline constexpr std::size_t kMaxJsonBytes = 256u * 1024u * 1024u;

inline boost::json::value parse_json(std::string_view text, std::string_view what) {
  if (text.size() > kMaxJsonBytes) throw InvalidInput(std::string(what) + " is too large", std::string(what));
  boost::json::parse_options opt;
  opt.max_depth = 32;
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(text, ec, {}, opt);
  if (ec) throw InvalidInput(std::string(what) + " is not valid JSON", std::string(what));
  return v;
}

inline const boost::json::object &as_object(const boost::json::value &v, const std::string &field) {
  if (!v.is_object()) throw InvalidInput("expected an object", field);
  return v.get_object();
}

inline const boost::json::value *member(const boost::json::object &o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return nullptr;
  return &it->value();
}

inline const boost::json::value &required(const boost::json::object &o, std::string_view key,
                                          const std::string &path) {
  const auto *v = member(o, key);
  if (!v) throw InvalidInput("member is missing", path + std::string(key));
  return *v;
}

inline std::string get_string(const boost::json::value &v, const std::string &field) {
  if (!v.is_string()) throw InvalidInput("expected a string", field);
  return std::string(v.get_string());
}

inline std::string str(const boost::json::object &o, std::string_view key, const std::string &path,
                       bool optional = false, std::string dflt = {}) {
  const auto *v = member(o, key);
  if (!v) {
    if (optional) return dflt;
    throw InvalidInput("member is missing", path + std::string(key));
  }
  return get_string(*v, path + std::string(key));
}

inline std::int64_t integer(const boost::json::object &o, std::string_view key, const std::string &path,
                            bool optional = false, std::int64_t dflt = 0) {
  const auto *v = member(o, key);
  if (!v) {
    if (optional) return dflt;
    throw InvalidInput("member is missing", path + std::string(key));
  }
  if (v->is_int64()) return v->get_int64();
  if (v->is_uint64() && v->get_uint64() <= static_cast<std::uint64_t>(INT64_MAX))
    return static_cast<std::int64_t>(v->get_uint64());
  throw InvalidInput("expected a whole number", path + std::string(key));
}

inline bool boolean(const boost::json::object &o, std::string_view key, const std::string &path,
                    bool dflt = false) {
  const auto *v = member(o, key);
  if (!v) return dflt;
  if (!v->is_bool()) throw InvalidInput("expected true or false", path + std::string(key));
  return v->get_bool();
}

inline Date date(const boost::json::object &o, std::string_view key, const std::string &path) {
  std::string f = path + std::string(key);
  return parse_iso_date(str(o, key, path), f);
}

/// The audit module's findings (a JSON array) mapped by finding_from_audit.
std::vector<Finding> audit_findings_of(const boost::json::value &v);

/// The "facts" object of a promotion case (shared by the case's JSON and its actions).
PromotionFacts promotion_facts_from_json(const boost::json::object &fo);

}  // namespace cadrekit::assessment::detail
