#include "core/json_read.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

#include "cadrekit/core/vocabulary.hpp"
#include <boost/json/basic_parser_impl.hpp>

namespace cadrekit::json_read {

namespace json = boost::json;

// (An identifier may still carry a number — `id_110101199003077777`: a run of 11 or more digits
// is masked as an error's record is, but for its last four.)
std::string display_key(std::string_view key) {
  constexpr std::size_t kMaxShown = 32;
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  bool plain = !key.empty() && key.size() <= kMaxShown && letter(key.front()) &&
               std::all_of(key.begin(), key.end(),
                           [&](char c) { return letter(c) || (c >= '0' && c <= '9'); });
  return plain ? masked_record(key) : std::string("?");
}

std::string join_path(std::string_view prefix, std::string_view key) {
  std::string out(prefix);
  if (!out.empty()) out += '.';
  out += key;
  return out;
}

namespace {

/// A Boost.JSON handler that builds the value (as json::parser does, on a value_stack) and stops
/// at the first duplicate key or NUL character, recording its path: one pass over the text.
/// Boost's DOM keeps the last of duplicate keys silently, so a request with `as_of` twice would
/// take one of two dates without a word.
struct Builder {
  static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);

  struct Frame {
    bool object = false;
    std::size_t index = 0;  // arrays: index of the next element
    std::string current;    // objects: key of the member being read
    std::set<std::string, std::less<>> keys;
  };
  std::vector<Frame> stack;
  std::string key;  // a key arriving in parts
  bool refuse_nul = true;
  Finding found;
  json::value_stack st;

  std::string path_of(std::string_view last) const {
    std::string out;
    for (const Frame &f : stack) {
      if (&f == &stack.back()) break;
      if (f.object)
        out = join_path(out, display_key(f.current));
      else
        out.append("[").append(std::to_string(f.index)).append("]");
    }
    if (!stack.empty() && !stack.back().object) {
      out.append("[").append(std::to_string(stack.back().index)).append("]");
      return out;
    }
    return join_path(out, display_key(last));
  }
  bool stop(std::string path, const char *code, const char *message, json::error_code &ec) {
    found = Finding{std::move(path), code, message};
    ec = json::error::syntax;  // any error stops the parser; `found` says what it was
    return false;
  }
  bool text_part(json::string_view s, json::error_code &ec) {
    if (refuse_nul && s.find('\0') != json::string_view::npos)
      return stop(path_of(stack.empty() || !stack.back().object ? std::string_view() : std::string_view(stack.back().current)),
                  "nul_character", text_util::kNulInText, ec);
    return true;
  }
  bool value_done() {
    if (!stack.empty() && !stack.back().object) ++stack.back().index;
    return true;
  }

  bool on_document_begin(json::error_code &) {
    st.reset();
    return true;
  }
  bool on_document_end(json::error_code &) { return true; }
  bool on_array_begin(json::error_code &) {
    stack.push_back(Frame{});
    return true;
  }
  bool on_array_end(std::size_t n, json::error_code &) {
    stack.pop_back();
    st.push_array(n);
    return value_done();
  }
  bool on_object_begin(json::error_code &) {
    stack.push_back(Frame{});
    stack.back().object = true;
    return true;
  }
  bool on_object_end(std::size_t n, json::error_code &) {
    stack.pop_back();
    st.push_object(n);
    return value_done();
  }
  bool on_string_part(json::string_view s, std::size_t, json::error_code &ec) {
    if (!text_part(s, ec)) return false;
    st.push_chars(s);
    return true;
  }
  bool on_string(json::string_view s, std::size_t, json::error_code &ec) {
    if (!text_part(s, ec)) return false;
    st.push_string(s);
    return value_done();
  }
  bool on_key_part(json::string_view s, std::size_t, json::error_code &) {
    key.append(s.data(), s.size());
    st.push_chars(s);
    return true;
  }
  bool on_key(json::string_view s, std::size_t, json::error_code &ec) {
    key.append(s.data(), s.size());
    Frame &f = stack.back();
    if (refuse_nul && key.find('\0') != std::string::npos)
      return stop(path_of("?"), "nul_character", text_util::kNulInText, ec);
    if (!f.keys.insert(key).second) return stop(path_of(key), "duplicate_member", "duplicate member", ec);
    st.push_key(s);
    f.current = std::move(key);
    key.clear();
    return true;
  }
  bool on_number_part(json::string_view, json::error_code &) { return true; }
  bool on_int64(std::int64_t i, json::string_view, json::error_code &) {
    st.push_int64(i);
    return value_done();
  }
  bool on_uint64(std::uint64_t u, json::string_view, json::error_code &) {
    st.push_uint64(u);
    return value_done();
  }
  bool on_double(double d, json::string_view, json::error_code &) {
    st.push_double(d);
    return value_done();
  }
  bool on_bool(bool b, json::error_code &) {
    st.push_bool(b);
    return value_done();
  }
  bool on_null(json::error_code &) {
    st.push_null();
    return value_done();
  }
  bool on_comment_part(json::string_view, json::error_code &) { return true; }
  bool on_comment(json::string_view, json::error_code &) { return true; }
};

}  // namespace

Parsed parse_checked(std::string_view text, std::size_t max_depth, bool refuse_nul) {
  json::parse_options opt;
  opt.max_depth = max_depth;
  json::basic_parser<Builder> p(opt);
  p.handler().refuse_nul = refuse_nul;
  Parsed out;
  out.consumed = p.write_some(false, text.data(), text.size(), out.ec);
  if (!out.ec && out.consumed < text.size()) out.ec = json::error::extra_data;
  if (p.handler().found) {
    out.found = std::move(p.handler().found);
  } else if (!out.ec) {
    out.value = p.handler().st.release();
  }
  return out;
}

json::value parse(std::string_view text, std::string_view what, int max_depth) {
  if (text.size() > kMaxBytes) throw InvalidInput(std::string(what) + " is too large", std::string(what));
  Parsed r = parse_checked(text, static_cast<std::size_t>(max_depth));
  if (r.found) throw InvalidInput(r.found.message, r.found.path.empty() ? std::string(what) : r.found.path);
  if (r.ec) throw InvalidInput(std::string(what) + " is not valid JSON", std::string(what));
  return std::move(r.value);
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

bool blank_string(const json::value &v) { return v.is_string() && vocabulary::blank(v.get_string()); }

std::optional<std::string> number_text(const json::value &v, const char *&why) {
  switch (v.kind()) {
    case json::kind::int64: return std::to_string(v.get_int64());
    case json::kind::uint64: return std::to_string(v.get_uint64());
    case json::kind::double_: {
      const double d = v.get_double();
      constexpr double kExact = 9007199254740992.0;  // 2^53: every whole number below is exact
      if (!std::isfinite(d) || (std::fabs(d) >= kExact && d == std::trunc(d))) {
        why = "a number too large to be read exactly (write it as text)";
        return std::nullopt;
      }
      // 1001.0 and 1e5 are the whole numbers 1001 and 100000, not "1e+05"
      if (d == std::trunc(d)) return std::to_string(static_cast<std::int64_t>(d));
      char buf[32];
      const auto r = std::to_chars(buf, buf + sizeof buf, d);  // the shortest text read back as d
      return std::string(buf, r.ptr);
    }
    default: return std::nullopt;
  }
}

namespace {
// The text of the table cell a JSON number stands for (number_text), or InvalidInput naming the
// field when the number cannot be held exactly; nullopt when `v` is no number.
std::optional<std::string> cell_of_number(const json::value &v, const std::string &field, const std::string &record) {
  if (!v.is_number()) return std::nullopt;
  const char *why = nullptr;
  std::optional<std::string> t = number_text(v, why);
  if (!t) throw InvalidInput(why, field, record);
  return t;
}
}  // namespace

std::string text(const json::value &v, const std::string &field, const std::string &record) {
  if (v.is_string()) return std::string(v.get_string());
  // an id or a name given as a number (a Java Long, a spreadsheet's number cell): its digits;
  // true and false as the command line's JSON table holds them
  if (auto t = cell_of_number(v, field, record)) return std::move(*t);
  if (v.is_bool()) return v.get_bool() ? "true" : "false";
  throw InvalidInput("must be text or a number", field, record);
}

std::int64_t integer(const json::value &v, const std::string &field, const std::string &record) {
  if (v.is_int64()) return v.get_int64();
  if (v.is_uint64() && v.get_uint64() <= static_cast<std::uint64_t>(INT64_MAX))
    return static_cast<std::int64_t>(v.get_uint64());
  // a string as a table cell is read ("1200", "１２"), as boolean() reads one (docs/input.md);
  // another number (1200.0, 1.5, 2^64) as the cell that holds its text
  if (v.is_string()) return vocabulary::parse_whole(v.get_string(), field, record);
  if (auto t = cell_of_number(v, field, record)) return vocabulary::parse_whole(*t, field, record);
  throw InvalidInput("expected a whole number", field, record);  // as vocabulary::parse_whole says it
}

bool boolean(const json::value &v, const std::string &field, const std::string &record) {
  if (v.is_bool()) return v.get_bool();
  // a string in the vocabulary's spellings ("true", "是", "1"), as a table cell is read, and a
  // number as the cell that holds its text (1 and 0; 2 is refused as the cell "2" is)
  if (v.is_string()) return vocabulary::parse_flag(v.get_string(), field, record);
  if (auto t = cell_of_number(v, field, record)) return vocabulary::parse_flag(*t, field, record);
  throw InvalidInput("must be true or false", field, record);
}

Date date(const json::value &v, const std::string &field, const std::string &record) {
  if (v.is_string()) return vocabulary::parse_date(v.get_string(), field, record);
  // a number as the cell that holds its text: 20140101 is a date, 2014 is refused in the
  // vocabulary's words, as the command line reads a JSON table's number
  if (auto t = cell_of_number(v, field, record)) return vocabulary::parse_date(*t, field, record);
  throw InvalidInput("must be a date (a string such as \"2014-01-01\")", field, record);
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
  const json::value *v = given(key);
  return v ? json_read::text(*v, field(key), record_) : std::move(fallback);
}

std::int64_t Fields::integer(std::string_view key) const {
  return json_read::integer(need(key), field(key), record_);
}

std::int64_t Fields::integer_or(std::string_view key, std::int64_t fallback) const {
  const json::value *v = given(key);
  return v ? json_read::integer(*v, field(key), record_) : fallback;
}

bool Fields::boolean_or(std::string_view key, bool fallback) const {
  const json::value *v = given(key);
  return v ? json_read::boolean(*v, field(key), record_) : fallback;
}

Date Fields::date(std::string_view key) const { return json_read::date(need(key), field(key), record_); }

std::optional<Date> Fields::date_or_none(std::string_view key) const {
  const json::value *v = given(key);
  return v ? std::optional<Date>(json_read::date(*v, field(key), record_)) : std::nullopt;
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

void Fields::only(std::span<const std::string_view> known) const {
  for (const auto &kv : o_) {
    const std::string_view key(kv.key());
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    throw InvalidInput(unknown_member_message(key, known), field(display_key(key)), record_);
  }
}

std::string unknown_member_message(std::string_view key, std::span<const std::string_view> known) {
  const std::string shown = display_key(key);
  std::string out = "unknown member `" + shown + "`";
  if (shown == "?") return out;
  if (const std::string near = text_util::nearest_name(key, known); !near.empty())
    out += " (did you mean `" + near + "`?)";
  return out;
}

}  // namespace cadrekit::json_read
