// JSON helpers of the assessment module (private): typed member access whose errors name the
// member, never echo its value.
#pragma once

#include <boost/json.hpp>
#include <string>
#include <string_view>

#include "cadrekit/assessment.hpp"
#include "cadrekit/core/date.hpp"
#include "cadrekit/core/errors.hpp"
#include "core/json_read.hpp"

namespace cadrekit::assessment::detail {

// Built on the core's JSON reader (src/core/json_read.hpp); these wrappers keep the module's
// path style: the field named in an error is `path + key`, e.g. "events[2].grounds".
using json_read::as_object;
using json_read::member;

inline boost::json::value parse_json(std::string_view text, std::string_view what) {
  return json_read::parse(text, what, 32);
}

inline const boost::json::value &required(const boost::json::object &o, std::string_view key,
                                          const std::string &path) {
  const auto *v = member(o, key);
  if (!v) throw InvalidInput("member is missing", path + std::string(key));
  return *v;
}

inline std::string get_string(const boost::json::value &v, const std::string &field) {
  return json_read::text(v, field);
}

inline std::string str(const boost::json::object &o, std::string_view key, const std::string &path,
                       bool optional = false, std::string dflt = {}) {
  const auto *v = member(o, key);
  if (!v && optional) return dflt;
  return json_read::text(v ? *v : required(o, key, path), path + std::string(key));
}

inline std::int64_t integer(const boost::json::object &o, std::string_view key, const std::string &path,
                            bool optional = false, std::int64_t dflt = 0) {
  const auto *v = member(o, key);
  if (!v && optional) return dflt;
  return json_read::integer(v ? *v : required(o, key, path), path + std::string(key));
}

inline bool boolean(const boost::json::object &o, std::string_view key, const std::string &path,
                    bool dflt = false) {
  const auto *v = member(o, key);
  return v ? json_read::boolean(*v, path + std::string(key)) : dflt;
}

inline Date date(const boost::json::object &o, std::string_view key, const std::string &path) {
  return json_read::date(required(o, key, path), path + std::string(key));
}

/// The audit module's findings (a JSON array) mapped by finding_from_audit.
std::vector<Finding> audit_findings_of(const boost::json::value &v);

/// The "facts" object of a promotion case (shared by the case's JSON and its actions).
PromotionFacts promotion_facts_from_json(const boost::json::object &fo);

}  // namespace cadrekit::assessment::detail
