// Policy profiles: the YAML loader, layering (`extends:`) and reads. Format: docs/policy.md.
//
// Loading is two passes per profile: `parse_profile` checks the shape of one file (keys, their
// kinds, dates, clause ids) without knowing its parent; `apply` layers it on the parent's
// parameters, where the declared type is known and each value is canonicalised. Every error is
// a PolicyError whose record is "file:line" and whose field is the key path concerned.
#include "cadrekit/core/policy.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <utility>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/utf8.hpp"
#include "embedded.hpp"

namespace cadrekit {

const char *param_type_name(ParamType t) noexcept {
  switch (t) {
    case ParamType::integer: return "integer";
    case ParamType::decimal: return "decimal";
    case ParamType::money: return "money";
    case ParamType::share: return "share";
    case ParamType::text: return "text";
    case ParamType::boolean: return "boolean";
  }
  return "unknown";
}

struct Policy::Impl {
  std::string name;
  std::string description_zh;
  std::string description_en;
  std::vector<std::string> lineage;
  std::map<std::string, ParamInfo, std::less<>> params;
  std::vector<PolicySource> sources;  // root first, one per profile of the lineage
};

namespace {

namespace fs = std::filesystem;

// ----------------------------------------------------------------------------------------
// Small helpers
// ----------------------------------------------------------------------------------------

/// Where a node is, as "file:line" (yaml-cpp counts lines from 0).
std::string where(const std::string &file, const YAML::Mark &mark) {
  if (mark.is_null()) return file;
  return file + ":" + std::to_string(mark.line + 1);
}

[[noreturn]] void fail(std::string message, std::string field, const std::string &file,
                       const YAML::Mark &mark) {
  throw PolicyError(std::move(message), std::move(field), where(file, mark));
}

std::string join(const std::vector<std::string> &items, std::string_view sep) {
  std::string out;
  for (const auto &s : items) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/// `[A-Z]+\.[0-9]+`
bool is_clause_id(std::string_view s) {
  auto dot = s.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == s.size()) return false;
  for (std::size_t i = 0; i < dot; ++i)
    if (s[i] < 'A' || s[i] > 'Z') return false;
  for (std::size_t i = dot + 1; i < s.size(); ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

/// Parameter names: `[a-z][a-z0-9_]*` segments joined by dots, at least two segments
/// (`<module>.<thing>`).
bool is_param_name(std::string_view s) {
  if (s.empty() || s.size() > 200) return false;
  std::size_t segments = 0;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find('.', start);
    if (end == std::string_view::npos) end = s.size();
    std::string_view seg = s.substr(start, end - start);
    if (seg.empty() || seg[0] < 'a' || seg[0] > 'z') return false;
    for (char c : seg)
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    ++segments;
    start = end + 1;
  }
  return segments >= 2;
}

/// Profile names: `[A-Za-z0-9][A-Za-z0-9._-]*`, e.g. "tongliao-2016".
bool is_profile_name(std::string_view s) {
  if (s.empty() || s.size() > 100 || !is_ascii_alnum(s[0])) return false;
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return is_ascii_alnum(c) || c == '.' || c == '_' || c == '-'; });
}

std::optional<ParamType> parse_type_name(std::string_view s) {
  for (ParamType t : {ParamType::integer, ParamType::decimal, ParamType::money, ParamType::share,
                      ParamType::text, ParamType::boolean})
    if (s == param_type_name(t)) return t;
  return std::nullopt;
}

std::optional<bool> parse_bool(std::string_view s) {
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  return std::nullopt;
}

/// A whole number as int64, strictly: an optional '-' and digits.
std::optional<std::int64_t> parse_int64(std::string_view s) {
  if (s.empty()) return std::nullopt;
  std::size_t i = (s[0] == '-') ? 1 : 0;
  if (i == s.size()) return std::nullopt;
  for (std::size_t k = i; k < s.size(); ++k)
    if (s[k] < '0' || s[k] > '9') return std::nullopt;
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

bool has_control_char(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

/// The canonical text of a value of type `t`, or nullopt with `why` set when it does not parse.
std::optional<std::string> canonical_value(ParamType t, const std::string &text,
                                           std::string &why) {
  try {
    switch (t) {
      case ParamType::integer: {
        auto v = parse_int64(text);
        if (!v) {
          why = "not a whole number within the 64-bit range";
          return std::nullopt;
        }
        return std::to_string(*v);
      }
      case ParamType::decimal: return to_exact_string(parse_decimal(text));
      case ParamType::money: return to_exact_string(Money::parse(text).yuan());
      case ParamType::share: return Share::parse(text).to_string();
      case ParamType::text:
        if (text.empty() || has_control_char(text)) {
          why = "empty or holds a control character";
          return std::nullopt;
        }
        return text;
      case ParamType::boolean: {
        auto b = parse_bool(text);
        if (!b) {
          why = "not true or false";
          return std::nullopt;
        }
        return *b ? "true" : "false";
      }
    }
  } catch (const Error &e) {
    why = e.message();
    return std::nullopt;
  }
  why = "unknown type";
  return std::nullopt;
}

// ----------------------------------------------------------------------------------------
// Pass 1: the shape of one profile file
// ----------------------------------------------------------------------------------------

struct RawValue {
  Date date;
  std::string text;
  std::optional<bool> assumed;
  YAML::Mark mark;
  std::string field;
};

struct RawParam {
  std::string name;
  YAML::Mark mark;
  std::optional<ParamType> type;
  YAML::Mark type_mark;
  std::optional<std::string> unit;
  YAML::Mark unit_mark;
  std::optional<std::pair<std::string, std::string>> label;  // zh, en
  YAML::Mark label_mark;
  std::optional<std::string> clause;
  YAML::Mark clause_mark;
  std::optional<bool> assumed;
  std::vector<RawValue> values;
  std::optional<std::pair<std::string, std::string>> bounds;  // min, max ("" = none)
  YAML::Mark bounds_mark;
  std::optional<std::pair<std::string, std::string>> range;  // min, max as written ("" = none)
  YAML::Mark range_mark;
};

struct RawProfile {
  std::string file;  // as errors name it
  std::string name;
  std::string description_zh;
  std::string description_en;
  std::optional<std::string> extends;
  YAML::Mark extends_mark;
  std::vector<RawParam> params;
};

/// The text of a scalar node, or an error naming `field` when the node is not a scalar.
/// Where a value node is. yaml-cpp marks an empty value (`key:`) at the next token, often on
/// a later line, so an empty value is placed at its key.
YAML::Mark mark_of(const YAML::Node &n, const YAML::Mark &key_mark) {
  return (n.IsNull() || n.Mark().is_null()) ? key_mark : n.Mark();
}

std::string scalar(const YAML::Node &n, const std::string &field, const std::string &file,
                   const char *what, const YAML::Mark &key_mark) {
  if (!n.IsScalar()) {
    std::string got = n.IsNull() ? "nothing" : n.IsMap() ? "a mapping" : "a list";
    fail(std::string("expected ") + what + ", got " + got, field, file, mark_of(n, key_mark));
  }
  return n.Scalar();
}

std::string nonempty_scalar(const YAML::Node &n, const std::string &field,
                            const std::string &file, const char *what,
                            const YAML::Mark &key_mark) {
  std::string s = scalar(n, field, file, what, key_mark);
  if (s.empty())
    fail(std::string("expected ") + what + ", got an empty text", field, file, n.Mark());
  if (has_control_char(s))
    fail("text holds a control character (write it on one line)", field, file, n.Mark());
  return s;
}

bool scalar_bool(const YAML::Node &n, const std::string &field, const std::string &file,
                 const YAML::Mark &key_mark) {
  std::string s = scalar(n, field, file, "true or false", key_mark);
  auto b = parse_bool(s);
  if (!b) fail("expected true or false, got `" + s + "`", field, file, n.Mark());
  return *b;
}

/// Iterates a mapping: every key must be a scalar, none repeated, each in `allowed` (when
/// `allowed` is given). Calls f(key, value, key_mark).
template <class F>
void each_entry(const YAML::Node &map, const std::string &field, const std::string &file,
                const std::vector<std::string> *allowed, const YAML::Mark &key_mark, F &&f) {
  if (!map.IsMap()) {
    std::string got = map.IsNull() ? "nothing" : map.IsScalar() ? "a text" : "a list";
    fail("expected a mapping, got " + got, field, file, mark_of(map, key_mark));
  }
  std::set<std::string> seen;
  // By value: yaml-cpp's iterator hands out a temporary pair, so `const Node &k = it->first`
  // would dangle (AddressSanitizer found it: stack-use-after-scope).
  for (auto it = map.begin(); it != map.end(); ++it) {
    const YAML::detail::iterator_value entry = *it;
    const YAML::Node k = entry.first;
    std::string kfield = field.empty() ? std::string("?") : field + ".?";
    if (!k.IsScalar()) fail("a key must be a plain text", kfield, file, k.Mark());
    const std::string key = k.Scalar();
    std::string path = field.empty() ? key : field + "." + key;
    if (allowed && std::find(allowed->begin(), allowed->end(), key) == allowed->end())
      fail("unknown key `" + key + "` (expected one of: " + join(*allowed, ", ") + ")", path,
           file, k.Mark());
    if (!seen.insert(key).second) fail("key `" + key + "` appears twice", path, file, k.Mark());
    f(key, entry.second, k.Mark(), path);
  }
}

std::pair<std::string, std::string> parse_zh_en(const YAML::Node &n, const std::string &field,
                                                const std::string &file,
                                                const YAML::Mark &key_mark) {
  static const std::vector<std::string> keys = {"zh", "en"};
  std::optional<std::string> zh, en;
  each_entry(n, field, file, &keys, key_mark,
             [&](const std::string &key, const YAML::Node &v, const YAML::Mark &kmark,
                 const std::string &path) {
               std::string s = nonempty_scalar(v, path, file, "a text", kmark);
               (key == "zh" ? zh : en) = std::move(s);
             });
  if (!zh) fail("missing key `zh`", field + ".zh", file, n.Mark());
  if (!en) fail("missing key `en`", field + ".en", file, n.Mark());
  return {*zh, *en};
}

void parse_values(const YAML::Node &n, RawParam &p, const std::string &field,
                  const std::string &file, const YAML::Mark &key_mark) {
  static const std::vector<std::string> value_keys = {"value", "assumed"};
  std::optional<Date> previous;
  each_entry(n, field, file, nullptr, key_mark,
             [&](const std::string &key, const YAML::Node &v, const YAML::Mark &mark,
                 const std::string &path) {
               RawValue rv;
               rv.mark = mark;
               rv.field = path;
               try {
                 rv.date = parse_iso_date(key, path);
               } catch (const InvalidInput &) {
                 fail("`" + key + "` is not an ISO date YYYY-MM-DD", path, file, mark);
               }
               if (previous && rv.date == *previous)
                 fail("date " + key + " appears twice", path, file, mark);
               if (previous && rv.date < *previous)
                 fail("date " + key + " is not after the date before it (" + to_iso(*previous) +
                          "): write values oldest first",
                      path, file, mark);
               previous = rv.date;
               if (v.IsMap()) {
                 std::optional<std::string> text;
                 each_entry(v, path, file, &value_keys, mark,
                            [&](const std::string &k2, const YAML::Node &v2,
                                const YAML::Mark &m2, const std::string &path2) {
                              if (k2 == "value")
                                text = scalar(v2, path2, file, "a value", m2);
                              else
                                rv.assumed = scalar_bool(v2, path2, file, m2);
                            });
                 if (!text) fail("missing key `value`", path + ".value", file, v.Mark());
                 rv.text = *text;
               } else {
                 rv.text = scalar(v, path, file, "a value", mark);
               }
               p.values.push_back(std::move(rv));
             });
  if (p.values.empty()) fail("`values` is empty", field, file, mark_of(n, key_mark));
}

RawParam parse_param(const std::string &name, const YAML::Node &n, const YAML::Mark &mark,
                     const std::string &field, const std::string &file) {
  static const std::vector<std::string> keys = {"type",    "unit",   "label", "clause",
                                                "assumed", "values", "bounds", "range"};
  RawParam p;
  p.name = name;
  p.mark = mark;
  bool has_values = false;
  each_entry(n, field, file, &keys, mark,
             [&](const std::string &key, const YAML::Node &v, const YAML::Mark &kmark,
                 const std::string &path) {
               if (key == "type") {
                 std::string s = scalar(v, path, file, "a type", kmark);
                 p.type = parse_type_name(s);
                 if (!p.type)
                   fail("unknown type `" + s +
                            "` (expected integer, decimal, money, share, text or boolean)",
                        path, file, v.Mark());
                 p.type_mark = kmark;
               } else if (key == "unit") {
                 p.unit = nonempty_scalar(v, path, file, "a unit", kmark);
                 p.unit_mark = kmark;
               } else if (key == "label") {
                 p.label = parse_zh_en(v, path, file, kmark);
                 p.label_mark = kmark;
               } else if (key == "clause") {
                 std::string s = scalar(v, path, file, "a clause id", kmark);
                 if (!is_clause_id(s))
                   fail("clause `" + s + "` is not a clause id like JARUD.1 ([A-Z]+.[0-9]+)",
                        path, file, v.Mark());
                 p.clause = s;
                 p.clause_mark = kmark;
               } else if (key == "assumed") {
                 p.assumed = scalar_bool(v, path, file, kmark);
               } else if (key == "bounds") {
                 static const std::vector<std::string> bkeys = {"min", "max"};
                 std::pair<std::string, std::string> b;
                 each_entry(v, path, file, &bkeys, kmark,
                            [&](const std::string &k2, const YAML::Node &v2,
                                const YAML::Mark &m2, const std::string &path2) {
                              std::string n = nonempty_scalar(v2, path2, file, "a parameter name", m2);
                              if (!is_param_name(n))
                                fail("`" + n + "` is not a parameter name", path2, file, v2.Mark());
                              (k2 == "min" ? b.first : b.second) = std::move(n);
                            });
                 if (b.first.empty() && b.second.empty())
                   fail("`bounds` needs `min` or `max`", path, file, kmark);
                 p.bounds = std::move(b);
                 p.bounds_mark = kmark;
               } else if (key == "range") {
                 static const std::vector<std::string> rkeys = {"min", "max"};
                 std::pair<std::string, std::string> r;
                 each_entry(v, path, file, &rkeys, kmark,
                            [&](const std::string &k2, const YAML::Node &v2,
                                const YAML::Mark &m2, const std::string &path2) {
                              (k2 == "min" ? r.first : r.second) =
                                  nonempty_scalar(v2, path2, file, "a value", m2);
                            });
                 if (r.first.empty() && r.second.empty())
                   fail("`range` needs `min` or `max`", path, file, kmark);
                 p.range = std::move(r);
                 p.range_mark = kmark;
               } else {  // values
                 parse_values(v, p, path, file, kmark);
                 has_values = true;
               }
             });
  if (!has_values) fail("missing key `values`", field + ".values", file, mark);
  return p;
}

/// Nodes (scalars, mappings, sequences, aliases) a profile may hold. yaml-cpp builds a few
/// hundred bytes for each node, so a file of short scalars would otherwise take about 70 times
/// its size in memory. The default profile has 3,191 nodes; a county's chain of profiles
/// a few times that.
constexpr std::size_t kMaxProfileNodes = 100'000;

/// The longest scalar (a value, a label, a description): a label is a line of text, and
/// yaml-cpp holds more than one copy of a scalar while it builds it.
constexpr std::size_t kMaxScalarBytes = 1u << 20;

/// Counts the nodes of one document without building them, and stops at the first one over
/// the limit (policy.max_nodes) before anything is built.
struct NodeCounter : YAML::EventHandler {
  struct TooMany {
    YAML::Mark mark;
    bool scalar_too_long = false;
  };
  std::size_t nodes = 0;
  YAML::Mark start;
  void node(const YAML::Mark &mark) {
    if (++nodes > kMaxProfileNodes) throw TooMany{mark};
  }
  void OnDocumentStart(const YAML::Mark &mark) override { start = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark &m, YAML::anchor_t) override { node(m); }
  void OnAlias(const YAML::Mark &m, YAML::anchor_t) override { node(m); }
  void OnScalar(const YAML::Mark &m, const std::string &, YAML::anchor_t,
                const std::string &value) override {
    node(m);
    if (value.size() > kMaxScalarBytes) throw TooMany{m, true};
  }
  void OnSequenceStart(const YAML::Mark &m, const std::string &, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    node(m);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark &m, const std::string &, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    node(m);
  }
  void OnMapEnd() override {}
};

/// A read-only stream over text the caller holds: yaml-cpp reads from a std::istream, and a
/// std::istringstream would copy the profile once more for each pass.
class MemoryBuffer : public std::streambuf {
 public:
  explicit MemoryBuffer(std::string_view text) {
    char *begin = const_cast<char *>(text.data());  // only ever read (get area)
    setg(begin, begin, begin + text.size());
  }
};

/// Streams the text once before it is built: refuses a first document of more than
/// kMaxProfileNodes nodes, and a second document, which would be silently unused. Never
/// YAML::LoadAll: on some malformed input yaml-cpp 0.7's parser reports empty documents forever
/// without advancing, and LoadAll collects them until memory runs out (found by
/// fuzz_policy_yaml). Stopping at the second document is all a profile needs.
void check_shape(std::string_view text, const std::string &file) {
  MemoryBuffer buffer(text);
  std::istream in(&buffer);
  YAML::Parser parser(in);
  NodeCounter first, second;
  try {
    if (!parser.HandleNextDocument(first)) return;
    if (!parser.HandleNextDocument(second)) return;
  } catch (const NodeCounter::TooMany &e) {
    if (e.scalar_too_long)
      throw PolicyError("a scalar of the profile is longer than 1 MiB (policy.max_scalar_bytes)",
                        "policy.max_scalar_bytes", where(file, e.mark));
    throw PolicyError("the profile has more than " + std::to_string(kMaxProfileNodes) +
                          " YAML nodes (policy.max_nodes)",
                      "policy.max_nodes", where(file, e.mark));
  }
  throw PolicyError("a profile holds one YAML document; here another one starts", {},
                    where(file, second.start));
}

RawProfile parse_profile_nodes(std::string_view text, const std::string &file);

RawProfile parse_profile(std::string_view text, const std::string &file) {
  try {
    return parse_profile_nodes(text, file);
  } catch (const YAML::Exception &e) {  // yaml-cpp may throw while walking, too
    throw PolicyError("not valid YAML: " + e.msg, {}, where(file, e.mark));
  }
}

RawProfile parse_profile_nodes(std::string_view text, const std::string &file) {
  static const std::vector<std::string> keys = {"profile", "description", "extends",
                                                "parameters"};
  if (!is_valid_utf8(text)) throw PolicyError("profile is not valid UTF-8", {}, file);
  YAML::Node root;
  try {
    check_shape(text, file);
    MemoryBuffer buffer(text);
    std::istream in(&buffer);
    root = YAML::Load(in);
  } catch (const YAML::Exception &e) {
    throw PolicyError("not valid YAML: " + e.msg, {}, where(file, e.mark));
  }
  RawProfile raw;
  raw.file = file;
  if (root.IsNull()) throw PolicyError("profile is empty", {}, file + ":1");
  bool has_profile = false, has_parameters = false;
  each_entry(root, "", file, &keys, YAML::Mark(),
             [&](const std::string &key, const YAML::Node &v, const YAML::Mark &kmark,
                 const std::string &path) {
               if (key == "profile") {
                 raw.name = scalar(v, path, file, "a profile name", kmark);
                 if (!is_profile_name(raw.name))
                   fail("profile name `" + raw.name +
                            "` is not of letters, digits, '.', '_' and '-'",
                        path, file, v.Mark());
                 has_profile = true;
               } else if (key == "description") {
                 auto [zh, en] = parse_zh_en(v, path, file, kmark);
                 raw.description_zh = std::move(zh);
                 raw.description_en = std::move(en);
               } else if (key == "extends") {
                 raw.extends_mark = mark_of(v, kmark);
                 if (!v.IsNull())
                   raw.extends = nonempty_scalar(v, path, file, "a profile", kmark);
               } else {  // parameters
                 has_parameters = true;
                 if (v.IsNull()) return;  // `parameters:` with none: allowed
                 each_entry(v, path, file, nullptr, kmark,
                            [&](const std::string &name, const YAML::Node &pv,
                                const YAML::Mark &pmark, const std::string &ppath) {
                              if (!is_param_name(name))
                                fail("parameter name `" + name +
                                         "` is not of the form module.thing (lower-case "
                                         "letters, digits and '_', dot-separated)",
                                     ppath, file, pmark);
                              raw.params.push_back(parse_param(name, pv, pmark, ppath, file));
                            });
               }
             });
  if (!has_profile) throw PolicyError("missing key `profile`", "profile", file + ":1");
  if (!has_parameters) throw PolicyError("missing key `parameters`", "parameters", file + ":1");
  return raw;
}

// ----------------------------------------------------------------------------------------
// Pass 2: layering on the parent
// ----------------------------------------------------------------------------------------

/// -1, 0, 1 as a < b, a == b, a > b for two canonical values of a numeric type.
int compare_values(ParamType t, const std::string &a, const std::string &b) {
  auto cmp = [](const auto &x, const auto &y) { return x < y ? -1 : y < x ? 1 : 0; };
  switch (t) {
    case ParamType::integer: return cmp(*parse_int64(a), *parse_int64(b));
    case ParamType::decimal: return cmp(parse_decimal(a), parse_decimal(b));
    case ParamType::money: return cmp(Money::parse(a), Money::parse(b));
    case ParamType::share: return cmp(Share::parse(a).value(), Share::parse(b).value());
    default: return 0;
  }
}

/// The range of a new parameter: its declaration's `range:`, else by type. Counts, years,
/// amounts and weights are not negative and a share is a part of a whole unless the
/// declaration says otherwise.
void declare_range(ParamInfo &info, const RawParam &rp, const std::string &field,
                   const std::string &file) {
  if (!rp.range) {
    switch (info.type) {
      case ParamType::integer:
      case ParamType::decimal:
      case ParamType::money: info.range_min = "0"; break;
      case ParamType::share:
        info.range_min = "0";
        info.range_max = "1";
        break;
      case ParamType::text:
      case ParamType::boolean: break;
    }
    return;
  }
  if (info.type == ParamType::text || info.type == ParamType::boolean)
    fail("`range` is for a numeric parameter, not a " + std::string(param_type_name(info.type)) + " one",
         field + ".range", file, rp.range_mark);
  for (auto [written, out] : {std::pair{&rp.range->first, &info.range_min},
                              std::pair{&rp.range->second, &info.range_max}}) {
    if (written->empty()) continue;
    std::string why;
    auto text = canonical_value(info.type, *written, why);
    if (!text)
      fail("range limit `" + *written + "` is not of type " + param_type_name(info.type) + ": " + why,
           field + ".range", file, rp.range_mark);
    *out = std::move(*text);
  }
  if (!info.range_min.empty() && !info.range_max.empty() &&
      compare_values(info.type, info.range_min, info.range_max) > 0)
    fail("`range` has its minimum above its maximum", field + ".range", file, rp.range_mark);
}

/// Why canonical value `text` lies outside the parameter's range, or nullopt when it is inside.
std::optional<std::string> outside_range(const ParamInfo &info, const std::string &text) {
  if (!info.range_min.empty() && compare_values(info.type, text, info.range_min) < 0)
    return "below the parameter's range (at least " + info.range_min + ")";
  if (!info.range_max.empty() && compare_values(info.type, text, info.range_max) > 0)
    return "above the parameter's range (at most " + info.range_max + ")";
  return std::nullopt;
}

void apply(const RawProfile &raw, Policy::Impl &impl) {
  const std::string &file = raw.file;
  for (const RawParam &rp : raw.params) {
    const std::string field = "parameters." + rp.name;
    auto found = impl.params.find(rp.name);
    ParamInfo *info = nullptr;
    if (found == impl.params.end()) {
      // A new parameter: full metadata.
      if (!rp.type) fail("new parameter needs `type`", field + ".type", file, rp.mark);
      if (!rp.unit) fail("new parameter needs `unit`", field + ".unit", file, rp.mark);
      if (!rp.label) fail("new parameter needs `label`", field + ".label", file, rp.mark);
      if (!rp.clause) fail("new parameter needs `clause`", field + ".clause", file, rp.mark);
      ParamInfo fresh;
      fresh.name = rp.name;
      fresh.type = *rp.type;
      fresh.unit = *rp.unit;
      fresh.label_zh = rp.label->first;
      fresh.label_en = rp.label->second;
      fresh.clause = *rp.clause;
      if (rp.bounds) {
        fresh.bound_min = rp.bounds->first;
        fresh.bound_max = rp.bounds->second;
      }
      declare_range(fresh, rp, field, file);
      info = &impl.params.emplace(rp.name, std::move(fresh)).first->second;
    } else {
      // An override: values (and assumed); the declaration stays the parent's.
      info = &found->second;
      if (rp.type && *rp.type != info->type)
        fail(std::string("an override may not change the type (") + param_type_name(info->type) +
                 " in " + info->source + ", here " + param_type_name(*rp.type) + ")",
             field + ".type", file, rp.type_mark);
      if (rp.unit && *rp.unit != info->unit)
        fail("an override may not change the unit (`" + info->unit + "` in " + info->source +
                 ")",
             field + ".unit", file, rp.unit_mark);
      if (rp.label && (rp.label->first != info->label_zh || rp.label->second != info->label_en))
        fail("an override may not change the label (declared in " + info->source + ")",
             field + ".label", file, rp.label_mark);
      if (rp.clause && *rp.clause != info->clause)
        fail("an override may not change the clause (" + info->clause + " in " + info->source +
                 ")",
             field + ".clause", file, rp.clause_mark);
      if (rp.bounds && (rp.bounds->first != info->bound_min || rp.bounds->second != info->bound_max))
        fail("an override may not change the bounds (declared in " + info->source + ")",
             field + ".bounds", file, rp.bounds_mark);
      if (rp.range) {
        ParamInfo declared = *info;
        declare_range(declared, rp, field, file);
        if (declared.range_min != info->range_min || declared.range_max != info->range_max)
          fail("an override may not change the range (declared in " + info->source + ")",
               field + ".range", file, rp.range_mark);
      }
    }
    for (const RawValue &rv : rp.values) {
      std::string why;
      auto text = canonical_value(info->type, rv.text, why);
      if (!text)
        fail("value `" + rv.text + "` is not of type " + param_type_name(info->type) + ": " + why,
             rv.field, file, rv.mark);
      if (auto out = outside_range(*info, *text))
        fail("value `" + *text + "` is " + *out, rv.field, file, rv.mark);
      ParamValue pv{rv.date, std::move(*text), rv.assumed.value_or(rp.assumed.value_or(false))};
      auto pos = std::lower_bound(info->values.begin(), info->values.end(), rv.date,
                                  [](const ParamValue &a, Date d) { return a.effective_from < d; });
      if (pos != info->values.end() && pos->effective_from == rv.date)
        *pos = std::move(pv);  // same date: the child's value replaces the parent's
      else
        info->values.insert(pos, std::move(pv));
    }
    info->source = where(file, rp.mark);
  }
}

// ----------------------------------------------------------------------------------------
// Bounds between parameters (`bounds:`), checked on the layered profile
// ----------------------------------------------------------------------------------------

/// The value of `p` in force on `d`, or null before its first value.
const ParamValue *in_force(const ParamInfo &p, Date d) {
  const ParamValue *v = nullptr;
  for (const auto &x : p.values) {
    if (d < x.effective_from) break;
    v = &x;
  }
  return v;
}

/// Every parameter with `bounds:` lies within the values of its bounds in force, on every date
/// any of them changes. `file` names the layer being applied: the error's record is where that
/// layer wrote one of the parameters concerned, else where the bounded one was last written.
void check_bounds(const Policy::Impl &impl, const std::string &file) {
  for (const auto &[name, p] : impl.params) {
    for (const std::string *bn : {&p.bound_min, &p.bound_max}) {
      if (bn->empty()) continue;
      const bool is_min = bn == &p.bound_min;
      auto it = impl.params.find(*bn);
      if (it == impl.params.end())
        throw PolicyError("`bounds` names an unknown parameter `" + *bn + "`",
                          "parameters." + name + ".bounds", p.source);
      const ParamInfo &b = it->second;
      if (b.type != p.type || p.type == ParamType::text || p.type == ParamType::boolean)
        throw PolicyError("`bounds` of a " + std::string(param_type_name(p.type)) +
                              " parameter names a " + param_type_name(b.type) + " parameter `" +
                              *bn + "` (both must be the same numeric type)",
                          "parameters." + name + ".bounds", p.source);
      std::vector<Date> dates;
      for (const auto &v : p.values) dates.push_back(v.effective_from);
      for (const auto &v : b.values) dates.push_back(v.effective_from);
      for (Date d : dates) {
        const ParamValue *v = in_force(p, d), *lim = in_force(b, d);
        if (v == nullptr || lim == nullptr) continue;
        const int c = compare_values(p.type, v->text, lim->text);
        if (is_min ? c >= 0 : c <= 0) continue;
        std::string record = p.source;
        for (const ParamInfo *q : {&p, &b})
          if (q->source.rfind(file + ":", 0) == 0 || q->source == file) {
            record = q->source;
            break;
          }
        throw PolicyError(name + " (" + v->text + " " + p.unit + " from " + to_iso(v->effective_from) +
                              ") is " + (is_min ? "below " : "above ") + *bn + " (" + lim->text +
                              " from " + to_iso(lim->effective_from) + "): the value must lie within " +
                              (p.bound_min.empty() ? std::string("…") : p.bound_min) + " … " +
                              (p.bound_max.empty() ? std::string("…") : p.bound_max),
                          "parameters." + name, record);
      }
    }
  }
}

// ----------------------------------------------------------------------------------------
// Profiles, files and the `extends` chain
// ----------------------------------------------------------------------------------------

struct EmbeddedProfile {
  std::string_view name;
  std::string_view (*text)();
  std::string_view file;  // as errors name it
};

const std::vector<EmbeddedProfile> &embedded_profiles() {
  static const std::vector<EmbeddedProfile> list = {
      {"tongliao-2016", &embedded::policy_tongliao_2016_yaml_text, "tongliao-2016.yaml"},
  };
  return list;
}

const EmbeddedProfile *find_embedded(std::string_view name) {
  for (const auto &e : embedded_profiles())
    if (e.name == name) return &e;
  return nullptr;
}

/// Where `extends:` may point: an embedded profile's name, or (in a file) a path.
bool looks_like_path(std::string_view s) {
  auto ends_with = [&](std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
  };
  return s.find('/') != std::string_view::npos || s.find('\\') != std::string_view::npos ||
         ends_with(".yaml") || ends_with(".yml");
}

/// The largest profile file read, as ck_policy_loads' largest text (docs/limits.md).
constexpr std::uintmax_t kMaxProfileBytes = 64u << 20;

std::string read_file(const fs::path &path, const std::string &display, const std::string &record) {
  const std::string rec = record.empty() ? display : record;
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw PolicyError("is a directory, not a profile file", {}, rec);
  // Only a regular file, and only up to the limit: /dev/zero or a FIFO would be read forever.
  const fs::file_status st = fs::status(path, ec);
  if (!ec && fs::exists(st) && !fs::is_regular_file(st))
    throw PolicyError("profile file `" + display + "` is not a regular file", {}, rec);
  if (!ec && fs::is_regular_file(st) && fs::file_size(path, ec) > kMaxProfileBytes && !ec)
    throw PolicyError("profile file `" + display + "` is larger than 64 MiB (policy.max_bytes)", {}, rec);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw PolicyError("cannot open profile file `" + display + "`", {}, rec);
  std::string text;
  if (!ec && fs::is_regular_file(st)) {
    const std::uintmax_t size = fs::file_size(path, ec);
    if (!ec && size <= kMaxProfileBytes) text.reserve(static_cast<std::size_t>(size));
  }
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    text.append(buf, static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxProfileBytes)  // grew while being read
      throw PolicyError("profile file `" + display + "` is larger than 64 MiB (policy.max_bytes)", {}, rec);
  }
  if (in.bad()) throw PolicyError("cannot read profile file `" + display + "`", {}, rec);
  return text;
}

/// What is being loaded, to detect `extends` cycles: canonical paths and embedded names.
struct Chain {
  std::vector<std::string> keys;     // "file:<canonical path>" or "embedded:<name>"
  std::vector<std::string> display;  // as the message names them
};

std::shared_ptr<Policy::Impl> load_profile(std::string_view text, const std::string &file,
                                           const std::optional<fs::path> &dir, Chain &chain);

std::shared_ptr<Policy::Impl> load_embedded(const EmbeddedProfile &e, Chain &chain) {
  std::shared_ptr<Policy::Impl> impl =
      load_profile(e.text(), std::string(e.file), std::nullopt, chain);
  impl->sources.back() = PolicySource{true, std::string(e.name), {}};  // travels by name
  return impl;
}

/// One profile layered on its parent (none for a root): the parsed `raw`, read from `text`.
std::shared_ptr<Policy::Impl> layer(const RawProfile &raw, std::string_view text,
                                    const std::string &file, const Policy::Impl *parent) {
  std::shared_ptr<Policy::Impl> impl;
  if (parent) {
    if (std::find(parent->lineage.begin(), parent->lineage.end(), raw.name) !=
        parent->lineage.end())
      throw PolicyError("profile name `" + raw.name + "` is already used by a profile it extends",
                        "profile", file + ":1");
    impl = std::make_shared<Policy::Impl>(*parent);  // a copy: the parent stays as it is
  } else {
    impl = std::make_shared<Policy::Impl>();
  }
  impl->name = raw.name;
  if (!raw.description_zh.empty() || !raw.description_en.empty()) {
    impl->description_zh = raw.description_zh;
    impl->description_en = raw.description_en;
  }
  impl->lineage.insert(impl->lineage.begin(), raw.name);
  apply(raw, *impl);
  check_bounds(*impl, file);
  impl->sources.push_back(PolicySource{false, file, std::string(text)});
  return impl;
}

std::shared_ptr<Policy::Impl> load_profile(std::string_view text, const std::string &file,
                                           const std::optional<fs::path> &dir, Chain &chain) {
  RawProfile raw = parse_profile(text, file);
  if (raw.extends) {
    const std::string &ext = *raw.extends;
    const std::string rec = where(file, raw.extends_mark);
    std::string key, shown;
    const EmbeddedProfile *emb = nullptr;
    fs::path parent_path;
    if (looks_like_path(ext)) {
      if (!dir)
        throw PolicyError("`extends: " + ext +
                              "` is a path, but this profile was not loaded from a file "
                              "(name an embedded profile, or load the file)",
                          "extends", rec);
      parent_path = (*dir / fs::path(ext)).lexically_normal();
      std::error_code ec;
      fs::path canon = fs::weakly_canonical(parent_path, ec);
      if (ec) canon = fs::absolute(parent_path, ec);
      if (!fs::exists(parent_path, ec))
        throw PolicyError("`extends` names a file that does not exist: " + parent_path.string(),
                          "extends", rec);
      key = "file:" + canon.string();
      shown = parent_path.string();
    } else {
      emb = find_embedded(ext);
      if (!emb) {
        std::vector<std::string> names;
        for (const auto &e : embedded_profiles()) names.emplace_back(e.name);
        throw PolicyError("`extends` names an unknown profile `" + ext +
                              "` (embedded: " + join(names, ", ") +
                              "; a file path must end in .yaml or contain '/')",
                          "extends", rec);
      }
      key = "embedded:" + ext;
      shown = ext;
    }
    if (std::find(chain.keys.begin(), chain.keys.end(), key) != chain.keys.end()) {
      std::vector<std::string> cycle = chain.display;
      cycle.push_back(shown);
      throw PolicyError("`extends` makes a cycle: " + join(cycle, " -> "), "extends", rec);
    }
    if (chain.keys.size() > 64)
      throw PolicyError("`extends` chain longer than 64 profiles", "extends", rec);
    chain.keys.push_back(key);
    chain.display.push_back(shown);
    std::shared_ptr<Policy::Impl> parent;
    if (emb) {
      parent = load_embedded(*emb, chain);
    } else {
      std::string parent_text = read_file(parent_path, shown, rec);
      parent = load_profile(parent_text, shown, parent_path.parent_path(), chain);
    }
    chain.keys.pop_back();
    chain.display.pop_back();
    return layer(raw, text, file, parent.get());
  }
  return layer(raw, text, file, nullptr);
}

std::shared_ptr<const Policy::Impl> load_embedded_cached(const EmbeddedProfile &e) {
  // Embedded profiles never change: parse each once, share it (Impl is immutable).
  static std::mutex mu;
  static std::map<std::string, std::shared_ptr<const Policy::Impl>, std::less<>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(e.name);
  if (it != cache.end()) return it->second;
  Chain chain;
  chain.keys.push_back("embedded:" + std::string(e.name));
  chain.display.emplace_back(e.name);
  std::shared_ptr<const Policy::Impl> impl = load_embedded(e, chain);
  cache.emplace(std::string(e.name), impl);
  return impl;
}

}  // namespace

// ------------------------------------------------------------------------------------------
// Policy
// ------------------------------------------------------------------------------------------

std::vector<std::string> embedded_policy_names() {
  std::vector<std::string> names;
  for (const auto &e : embedded_profiles()) names.emplace_back(e.name);
  return names;
}

Policy Policy::default_profile() { return embedded("tongliao-2016"); }

Policy Policy::embedded(std::string_view name) {
  const EmbeddedProfile *e = find_embedded(name);
  if (!e)
    throw PolicyError("no embedded profile of that name (embedded: " +
                          join(embedded_policy_names(), ", ") + ")",
                      "profile", std::string(name));
  return Policy(load_embedded_cached(*e));
}

Policy Policy::load(const std::string &path) {
  fs::path p(path);
  std::string text = read_file(p, path, {});
  Chain chain;
  std::error_code ec;
  fs::path canon = fs::weakly_canonical(p, ec);
  if (ec) canon = fs::absolute(p, ec);
  chain.keys.push_back("file:" + canon.string());
  chain.display.push_back(path);
  fs::path dir = p.parent_path();
  if (dir.empty()) dir = ".";
  return Policy(load_profile(text, path, dir, chain));
}

Policy Policy::loads(std::string_view yaml, std::string_view source) {
  Chain chain;
  chain.keys.push_back("text:" + std::string(source));
  chain.display.emplace_back(source);
  return Policy(load_profile(yaml, std::string(source), std::nullopt, chain));
}

Policy Policy::with_value(std::string_view name, std::string_view value, std::optional<Date> from) const {
  const std::string setting =
      std::string(name) + "=" + std::string(value) + (from ? "@" + to_iso(*from) : std::string());
  auto impl = std::make_shared<Impl>(*impl_);  // a copy: this profile stays as it is
  auto it = impl->params.find(name);
  if (it == impl->params.end())
    throw PolicyError("--set names an unknown policy parameter `" + std::string(name) + "` in profile " +
                          impl_->name,
                      std::string(name), "--set");
  ParamInfo &info = it->second;
  if (from && from->is_special()) throw PolicyError("--set date is not a date", info.name, "--set");
  std::string why;
  auto text = canonical_value(info.type, std::string(value), why);
  if (!text)
    throw PolicyError("value `" + std::string(value) + "` is not of type " + param_type_name(info.type) + ": " +
                          why,
                      info.name, "--set");
  if (auto out = outside_range(info, *text))
    throw PolicyError("value `" + *text + "` is " + *out, info.name, "--set");
  if (!from) {
    info.values = {ParamValue{info.values.front().effective_from, std::move(*text), false}};
  } else {
    ParamValue pv{*from, std::move(*text), false};
    auto pos = std::lower_bound(info.values.begin(), info.values.end(), *from,
                                [](const ParamValue &a, Date d) { return a.effective_from < d; });
    if (pos != info.values.end() && pos->effective_from == *from)
      *pos = std::move(pv);
    else
      info.values.insert(pos, std::move(pv));
  }
  info.source = "--set";
  impl->name = impl_->name + " --set " + setting;
  impl->lineage.insert(impl->lineage.begin(), "--set " + setting);
  check_bounds(*impl, "--set");
  impl->sources.push_back(PolicySource{false, "--set", setting});
  return Policy(std::move(impl));
}

Policy Policy::with_setting(std::string_view setting) const {
  const auto eq = setting.find('=');
  if (eq == std::string_view::npos || eq == 0)
    throw PolicyError("--set must be NAME=VALUE or NAME=VALUE@YYYY-MM-DD", "--set", std::string(setting));
  const std::string_view name = setting.substr(0, eq);
  std::string_view value = setting.substr(eq + 1);
  std::optional<Date> from;
  if (const auto at = value.rfind('@'); at != std::string_view::npos) {
    const std::string_view d = value.substr(at + 1);
    try {
      from = parse_iso_date(d, "--set");
    } catch (const InvalidInput &) {
      throw PolicyError("`" + std::string(d) + "` after @ is not an ISO date YYYY-MM-DD", std::string(name), "--set");
    }
    value = value.substr(0, at);
  }
  return with_value(name, value, from);
}


Policy Policy::from_sources(const std::vector<PolicySource> &sources) {
  if (sources.empty()) throw PolicyError("a policy needs at least one source", "sources", {});
  if (sources.size() > 65)
    throw PolicyError("`extends` chain longer than 64 profiles", "extends", "sources");
  // The embedded profiles come first (an embedded profile extends embedded ones only); the
  // last of them stands for all, and must have been built from exactly those.
  std::size_t n_embedded = 0;
  while (n_embedded < sources.size() && sources[n_embedded].embedded) ++n_embedded;
  for (std::size_t i = n_embedded; i < sources.size(); ++i)
    if (sources[i].embedded)
      throw PolicyError("an embedded profile cannot extend a profile text", "sources",
                        "sources[" + std::to_string(i) + "]");
  std::shared_ptr<const Policy::Impl> impl;
  if (n_embedded > 0) {
    impl = embedded(sources[n_embedded - 1].name).impl_;
    if (impl->sources.size() != n_embedded ||
        !std::equal(impl->sources.begin(), impl->sources.end(), sources.begin()))
      throw PolicyError("embedded profile `" + sources[n_embedded - 1].name +
                            "` is not built from the embedded profiles before it",
                        "sources", "sources[" + std::to_string(n_embedded - 1) + "]");
  }
  for (std::size_t i = n_embedded; i < sources.size(); ++i) {
    const PolicySource &src = sources[i];
    if (src.name == "--set") {  // a value set on the policy before it (with_value)
      if (!impl)
        throw PolicyError("a --set source needs a profile before it", "sources",
                          "sources[" + std::to_string(i) + "]");
      impl = Policy(impl).with_setting(src.text).impl_;
      continue;
    }
    RawProfile raw = parse_profile(src.text, src.name);
    if (impl) {
      // The layer must extend its predecessor as loading resolved it: an embedded profile by
      // name, a file by the path relative to this file's directory.
      const PolicySource &prev = sources[i - 1];
      if (!raw.extends)
        throw PolicyError("profile extends nothing, but follows `" + prev.name + "` in the chain",
                          "extends", src.name + ":1");
      const std::string &ext = *raw.extends;
      bool names_prev;
      if (looks_like_path(ext)) {
        fs::path dir = fs::path(src.name).parent_path();
        if (dir.empty()) dir = ".";
        names_prev = !prev.embedded && (dir / fs::path(ext)).lexically_normal().string() == prev.name;
      } else {
        names_prev = prev.embedded && ext == prev.name;
      }
      if (!names_prev)
        throw PolicyError("`extends: " + ext + "` does not name `" + prev.name +
                              "`, the profile before it in the chain",
                          "extends", where(src.name, raw.extends_mark));
    } else if (raw.extends) {
      throw PolicyError("`extends: " + *raw.extends + "`, but no profile comes before it",
                        "extends", where(src.name, raw.extends_mark));
    }
    impl = layer(raw, src.text, src.name, impl.get());
  }
  return Policy(impl);
}

const std::vector<PolicySource> &Policy::sources() const { return impl_->sources; }

const std::string &Policy::name() const { return impl_->name; }

const std::vector<std::string> &Policy::lineage() const { return impl_->lineage; }

std::vector<std::string> Policy::parameter_names() const {
  std::vector<std::string> names;
  names.reserve(impl_->params.size());
  for (const auto &kv : impl_->params) names.push_back(kv.first);
  return names;  // std::map: already sorted
}

bool Policy::has(std::string_view name) const { return impl_->params.find(name) != impl_->params.end(); }

const ParamInfo &Policy::info(std::string_view name) const {
  auto it = impl_->params.find(name);
  if (it == impl_->params.end())
    throw PolicyError("unknown policy parameter `" + std::string(name) + "` in profile " +
                          impl_->name,
                      std::string(name), impl_->name);
  return it->second;
}

std::vector<ParamUsed> Policy::lookup(std::span<const std::string_view> names, Date as_of) const {
  std::vector<ParamUsed> out;
  out.reserve(names.size());
  for (std::string_view name : names) out.push_back(lookup(name, as_of));
  return out;
}

ParamUsed Policy::lookup(std::string_view name, Date as_of) const {
  const ParamInfo &p = info(name);
  if (as_of.is_special())
    throw InvalidInput("as_of is not a date", "as_of", {}, ErrorCode::invalid_argument);
  // The value in force: the latest effective_from <= as_of.
  auto it = std::upper_bound(p.values.begin(), p.values.end(), as_of,
                             [](Date d, const ParamValue &v) { return d < v.effective_from; });
  if (it == p.values.begin())
    throw PolicyError("policy parameter `" + p.name + "` is not in force on " + to_iso(as_of) +
                          " (its first value takes effect on " +
                          to_iso(p.values.front().effective_from) + ")",
                      p.name, impl_->name);
  const ParamValue &v = *std::prev(it);
  return ParamUsed{p.name, v.text, p.unit, v.effective_from, v.assumed, p.clause};
}

std::string Policy::value(std::string_view name, Date as_of) const {
  return lookup(name, as_of).value;
}

namespace {
ParamUsed typed_lookup(const Policy &policy, std::string_view name, Date as_of, ParamType want,
                       Explanation *ex) {
  const ParamInfo &p = policy.info(name);
  if (p.type != want)
    throw PolicyError("policy parameter `" + p.name + "` is of type " + param_type_name(p.type) +
                          ", read as " + param_type_name(want),
                      p.name, policy.name());
  ParamUsed used = policy.lookup(name, as_of);
  if (ex) ex->add_parameter(used);
  return used;
}
}  // namespace

std::int64_t Policy::integer(std::string_view name, Date as_of, Explanation *ex) const {
  auto used = typed_lookup(*this, name, as_of, ParamType::integer, ex);
  return *parse_int64(used.value);  // canonical at load time
}

Rational Policy::decimal(std::string_view name, Date as_of, Explanation *ex) const {
  auto used = typed_lookup(*this, name, as_of, ParamType::decimal, ex);
  return parse_decimal(used.value, used.name);
}

Money Policy::money(std::string_view name, Date as_of, Explanation *ex) const {
  auto used = typed_lookup(*this, name, as_of, ParamType::money, ex);
  return Money::parse(used.value, used.name);
}

Share Policy::share(std::string_view name, Date as_of, Explanation *ex) const {
  auto used = typed_lookup(*this, name, as_of, ParamType::share, ex);
  return Share::parse(used.value, used.name);
}

std::string Policy::text(std::string_view name, Date as_of, Explanation *ex) const {
  return typed_lookup(*this, name, as_of, ParamType::text, ex).value;
}

bool Policy::boolean(std::string_view name, Date as_of, Explanation *ex) const {
  return typed_lookup(*this, name, as_of, ParamType::boolean, ex).value == "true";
}

}  // namespace cadrekit
