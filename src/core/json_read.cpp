#include "core/json_read.hpp"

namespace cadrekit::json_read {

namespace json = boost::json;

json::value parse(std::string_view text, std::string_view what, int max_depth) {
  if (text.size() > kMaxBytes) throw InvalidInput(std::string(what) + " is too large", std::string(what));
  json::parse_options opt;
  opt.max_depth = static_cast<std::size_t>(max_depth);
  boost::system::error_code ec;
  json::value v = json::parse(text, ec, {}, opt);
  if (ec) throw InvalidInput(std::string(what) + " is not valid JSON", std::string(what));
  return v;
}

json::object parse_object(std::string_view text, std::string_view what, int max_depth) {
  json::value v = parse(text, what, max_depth);
  if (!v.is_object()) throw InvalidInput(std::string(what) + " must be a JSON object", std::string(what));
  return std::move(v.get_object());
}

const json::object &as_object(const json::value &v, const std::string &field, const std::string &record) {
  if (!v.is_object()) throw InvalidInput("must be an object", field, record);
  return v.get_object();
}

const json::array &as_array(const json::value &v, const std::string &field, const std::string &record) {
  if (!v.is_array()) throw InvalidInput("must be an array", field, record);
  return v.get_array();
}

std::string text(const json::value &v, const std::string &field, const std::string &record) {
  if (!v.is_string()) throw InvalidInput("must be a string", field, record);
  return std::string(v.get_string());
}

std::int64_t integer(const json::value &v, const std::string &field, const std::string &record) {
  if (v.is_int64()) return v.get_int64();
  if (v.is_uint64() && v.get_uint64() <= static_cast<std::uint64_t>(INT64_MAX))
    return static_cast<std::int64_t>(v.get_uint64());
  throw InvalidInput("must be a whole number", field, record);
}

bool boolean(const json::value &v, const std::string &field, const std::string &record) {
  if (!v.is_bool()) throw InvalidInput("must be true or false", field, record);
  return v.get_bool();
}

Date date(const json::value &v, const std::string &field, const std::string &record) {
  const std::string t = text(v, field, record);
  if (record.empty()) return parse_iso_date(t, field);
  try {
    return parse_iso_date(t, field);
  } catch (const InvalidInput &e) {
    throw InvalidInput(e.what(), field, record);
  }
}

const json::value &Fields::need(std::string_view key) const {
  const json::value *v = find(key);
  if (!v) throw InvalidInput("member is missing", field(key), record_);
  return *v;
}

std::string Fields::text(std::string_view key) const {
  return json_read::text(need(key), field(key), record_);
}

std::string Fields::text_or(std::string_view key, std::string fallback) const {
  const json::value *v = find(key);
  return v ? json_read::text(*v, field(key), record_) : std::move(fallback);
}

std::int64_t Fields::integer(std::string_view key) const {
  return json_read::integer(need(key), field(key), record_);
}

std::int64_t Fields::integer_or(std::string_view key, std::int64_t fallback) const {
  const json::value *v = find(key);
  return v ? json_read::integer(*v, field(key), record_) : fallback;
}

bool Fields::boolean_or(std::string_view key, bool fallback) const {
  const json::value *v = find(key);
  return v ? json_read::boolean(*v, field(key), record_) : fallback;
}

Date Fields::date(std::string_view key) const { return json_read::date(need(key), field(key), record_); }

std::optional<Date> Fields::date_or_none(std::string_view key) const {
  const json::value *v = find(key);
  if (!v) return std::nullopt;
  return json_read::date(*v, field(key), record_);
}

const json::array &Fields::array(std::string_view key) const {
  return as_array(need(key), field(key), record_);
}

const json::array *Fields::array_or_none(std::string_view key) const {
  const json::value *v = find(key);
  return v ? &as_array(*v, field(key), record_) : nullptr;
}

const json::array &Fields::array_or_empty(std::string_view key) const {
  static const json::array empty;
  const json::array *a = array_or_none(key);
  return a ? *a : empty;
}

std::vector<std::string> Fields::texts(std::string_view key) const {
  std::vector<std::string> out;
  const json::array *a = array_or_none(key);
  if (!a) return out;
  out.reserve(a->size());
  for (std::size_t i = 0; i < a->size(); ++i)
    out.push_back(json_read::text((*a)[i], field(key) + "[" + std::to_string(i) + "]", record_));
  return out;
}

void Fields::only(std::initializer_list<std::string_view> known) const {
  for (const auto &kv : o_) {
    bool ok = false;
    for (auto k : known) ok = ok || kv.key() == k;
    if (!ok) throw InvalidInput("unknown member", field(kv.key()), record_);
  }
}

}  // namespace cadrekit::json_read
