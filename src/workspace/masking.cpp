// ID numbers in what the workspace shows: masked as a public notice masks them.
#include <boost/json.hpp>

#include "cadrekit/core/citizen_id.hpp"
#include "cadrekit/disclosure.hpp"
#include "cadrekit/workspace.hpp"

namespace cadrekit::workspace {

namespace json = boost::json;

namespace {

int latest_int(const Policy &policy, std::string_view name, int fallback) {
  if (!policy.has(name)) return fallback;
  const auto &values = policy.info(name).values;
  if (values.empty()) return fallback;
  try {
    const long v = std::stol(values.back().text);
    return v < 0 || v > 18 ? fallback : static_cast<int>(v);
  } catch (const std::exception &) {
    return fallback;
  }
}

bool id_member(std::string_view key) {
  return key == "citizen_id" || key == "id_number" || key == "身份证号" || key == "公民身份号码" ||
         key == "身份证号码";
}

bool id_char(char c) { return (c >= '0' && c <= '9') || c == 'X' || c == 'x'; }

void mask_value(json::value &v, const Policy &policy, bool id_key) {
  if (v.is_string()) {
    const std::string s(v.get_string());
    v = id_key && !s.empty() ? mask_id_number(s, policy) : mask_id_numbers(s, policy);
  } else if (v.is_object()) {
    for (auto &[k, x] : v.get_object()) mask_value(x, policy, id_member(k));
  } else if (v.is_array()) {
    for (auto &x : v.get_array()) mask_value(x, policy, id_key);
  } else if (id_key && (v.is_int64() || v.is_uint64())) {
    v = mask_id_number(json::serialize(v), policy);
  }
}

}  // namespace

std::string mask_id_number(std::string_view id, const Policy &policy) {
  // Without the notice's parameters (a county profile that dropped them) nothing is shown.
  const int head = latest_int(policy, "disclosure.notice.id_mask_head", 0);
  const int tail = latest_int(policy, "disclosure.notice.id_mask_tail", 0);
  return disclosure::mask_id(id, head, tail);
}

std::string mask_id_numbers(std::string_view text, const Policy &policy) {
  std::string out(text);
  // A JSON document: mask by member name as well as by shape.
  if (!text.empty() && (text.front() == '{' || text.front() == '[')) {
    boost::system::error_code ec;
    json::parse_options opt;
    opt.max_depth = 64;
    json::value v = json::parse(text, ec, {}, opt);
    if (!ec) {
      mask_value(v, policy, false);
      return json::serialize(v);
    }
  }
  // Any run of 18 ID characters (digits, X) that is a valid citizen ID, not inside a longer run.
  std::size_t i = 0;
  while (i + 18 <= out.size()) {
    if (!id_char(out[i]) || (i > 0 && id_char(out[i - 1]))) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < out.size() && id_char(out[j])) ++j;
    if (j - i == 18 && is_valid_citizen_id(std::string_view(out).substr(i, 18)))
      out.replace(i, 18, mask_id_number(std::string_view(out).substr(i, 18), policy));
    i = j;
  }
  return out;
}

}  // namespace cadrekit::workspace
