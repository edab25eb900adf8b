// The JSON form and text rendering of Explanation (docs/explanation.md).
//
// Writing is done by hand rather than with boost::json::serialize so that the canonical form
// (member order, escapes) is pinned here, in code we own, and cannot move with a Boost upgrade.
// Reading parses with Boost.JSON, then walks the value checking every member, so that an error
// names the member path ("parameters[2].effective_from") and no key is ever silently skipped.
#include "cadrekit/core/explanation.hpp"

#include <algorithm>
#include <array>
#include <set>

#include <boost/json.hpp>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/utf8.hpp"
#include "core/json_read.hpp"

namespace cadrekit {

namespace {

namespace json = boost::json;

// ---------------------------------------------------------------------------------------------
// Member paths in error messages
// ---------------------------------------------------------------------------------------------

using json_read::display_key;

std::string join(std::string_view prefix, std::string_view key) { return json_read::join_path(prefix, key); }

std::string element(std::string_view array, std::size_t i) {
  return std::string(array) + "[" + std::to_string(i) + "]";
}

[[noreturn]] void fail(std::string message, std::string path) {
  throw InvalidInput(std::move(message), std::move(path));
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

void check_text(std::string_view s, const auto &path) {
  if (!is_valid_utf8(s)) fail("text is not valid UTF-8", path());
}

/// A JSON string: `"` `\` and the C0 controls escaped (\b \f \n \r \t, else \u00xx in lower-case
/// hex), every other byte as is. This is exactly Python's json.dumps(ensure_ascii=False).
void append_string(std::string &out, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t run = 0;  // start of the pending run of bytes copied as is
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out.push_back(hex[c >> 4]);
        out.push_back(hex[c & 0xF]);
    }
  }
  out.append(s.data() + run, s.size() - run);
  out.push_back('"');
}

/// `"name":"value"` with a leading comma unless first.
void append_member(std::string &out, std::string_view name, std::string_view value,
                   bool first = false) {
  if (!first) out.push_back(',');
  out.push_back('"');
  out += name;
  out += "\":";
  append_string(out, value);
}

std::string checked_iso(Date d, const auto &path) {
  if (d.is_special()) fail("not a date", path());
  return to_iso(d);
}

/// One parameter object; `where` prefixes the member in errors ("parameters[2]", or "").
void append_param(std::string &out, const ParamUsed &p, std::string_view where) {
  auto at = [&](const char *m) { return [&where, m] { return join(where, m); }; };
  check_text(p.name, at("name"));
  check_text(p.value, at("value"));
  check_text(p.unit, at("unit"));
  check_text(p.clause, at("clause"));
  std::string date = checked_iso(p.effective_from, at("effective_from"));
  out.push_back('{');
  append_member(out, "name", p.name, true);
  append_member(out, "value", p.value);
  append_member(out, "unit", p.unit);
  append_member(out, "effective_from", date);
  out += ",\"assumed\":";
  out += p.assumed ? "true" : "false";
  append_member(out, "clause", p.clause);
  // Optional (added within /1): written only when set, so that an explanation without detail
  // keeps the bytes it always had.
  if (p.detail) out += ",\"detail\":true";
  out.push_back('}');
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/// Parses `text` as one JSON value; InvalidInput (field "json") for anything that is not
/// RFC 8259 JSON within the limits, or naming the path of a duplicate key.
json::value parse_document(std::string_view text) {
  json_read::Parsed parsed = json_read::parse_checked(text, explanation_json_max_depth, false);
  if (parsed.found) fail(parsed.found.message, parsed.found.path.empty() ? "json" : parsed.found.path);
  if (parsed.ec == json::error::too_deep)
    fail("JSON nested deeper than " + std::to_string(explanation_json_max_depth) + " levels",
         "json");
  if (parsed.ec)
    fail("not valid JSON (" + parsed.ec.message() + " at byte " + std::to_string(parsed.consumed) + ")", "json");
  return std::move(parsed.value);
}

const char *kind_name(const json::value &v) {
  switch (v.kind()) {
    case json::kind::null: return "null";
    case json::kind::bool_: return "a boolean";
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_: return "a number";
    case json::kind::string: return "a string";
    case json::kind::array: return "an array";
    case json::kind::object: return "an object";
  }
  return "a value";
}

[[noreturn]] void wrong_type(const char *expected, const json::value &v, std::string path) {
  fail(std::string("expected ") + expected + ", got " + kind_name(v), std::move(path));
}

/// The members of one object of the form: unknown ones are errors, missing ones too.
class Members {
 public:
  Members(const json::value &v, std::string path) : path_(std::move(path)) {
    if (!v.is_object()) wrong_type("an object", v, path_.empty() ? "json" : path_);
    obj_ = &v.get_object();
  }

  void only(std::initializer_list<std::string_view> known) const {
    for (const auto &kv : *obj_) {
      std::string_view k(kv.key().data(), kv.key().size());
      if (std::find(known.begin(), known.end(), k) == known.end())
        fail("unknown member (not part of " + std::string(explanation_schema) + ")",
             join(path_, display_key(k)));
    }
  }

  std::string path(std::string_view name) const { return join(path_, name); }

  const json::value &get(std::string_view name) const {
    const json::value *v = obj_->if_contains(name);
    if (v == nullptr) fail("missing member", path(name));
    return *v;
  }

  std::string string(std::string_view name) const {
    const json::value &v = get(name);
    if (!v.is_string()) wrong_type("a string", v, path(name));
    std::string_view s(v.get_string().data(), v.get_string().size());
    // Boost.JSON already rejects invalid UTF-8 and lone surrogate escapes; checked again here
    // because a string that does not round-trip must never get into an Explanation.
    if (!is_valid_utf8(s)) fail("text is not valid UTF-8", path(name));
    return std::string(s);
  }

  /// An optional boolean member: `absent` when it is not there.
  bool optional_boolean(std::string_view name, bool absent) const {
    return obj_->if_contains(name) == nullptr ? absent : boolean(name);
  }

  bool boolean(std::string_view name) const {
    const json::value &v = get(name);
    if (!v.is_bool()) wrong_type("a boolean", v, path(name));
    return v.get_bool();
  }

  const json::array &array(std::string_view name) const {
    const json::value &v = get(name);
    if (!v.is_array()) wrong_type("an array", v, path(name));
    return v.get_array();
  }

 private:
  std::string path_;
  const json::object *obj_ = nullptr;
};

// ---------------------------------------------------------------------------------------------
// Text rendering
// ---------------------------------------------------------------------------------------------

/// `s` with the C0 controls, DEL and the Unicode line/paragraph separators shown as escapes, so
/// that every rule and parameter stays on its one line whatever its text holds.
void append_line_text(std::string &out, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0xA8 ||
         static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
      out += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
      i += 2;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      out += "\\u00";
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 0xF]);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
}

struct UnitName {
  std::string_view unit, zh, en;
};
// Units the profiles use, as a reader expects them; any other unit is shown as written. A unit
// that lists the words a text parameter takes ("higher|lower") is a choice, not a unit: in
// Chinese the chosen word is shown in Chinese (kWordsZh) and the list is left out.
constexpr std::array<UnitName, 37> kUnits{{
    {"yuan", "元", "yuan"},
    {"yuan/year", "元/年", "yuan/year"},
    {"yuan/month", "元/月", "yuan/month"},
    {"fen", "分", "fen"},
    {"days", "天", "days"},
    {"calendar_days", "天", "calendar days"},
    {"working_days", "个工作日", "working days"},
    {"months", "个月", "months"},
    {"years", "年", "years"},
    {"persons", "人", "persons"},
    {"people", "人", "people"},
    {"households", "户", "households"},
    {"villages", "个村", "villages"},
    {"share", "比例", "share"},
    {"share/year", "比例/年", "share/year"},
    {"ratio", "比", "ratio"},
    {"points", "分", "points"},
    {"scale", "级（取值上限）", "scale"},
    {"weight", "分/级", "weight"},
    {"levels", "级", "levels"},
    {"times", "次", "times"},
    {"consecutive_times", "次（连续）", "consecutive times"},
    {"consecutive_years", "年（连续）", "consecutive years"},
    {"years_of_age", "周岁", "years of age"},
    {"characters", "个字", "characters"},
    {"places", "个名额", "places"},
    {"places:candidates", "（名额∶人选）", "places:candidates"},
    {"posts", "个岗位", "posts"},
    {"secondments", "人次（挂职）", "secondments"},
    {"sectors", "个行业", "sectors"},
    {"units/year", "个单位/年", "units/year"},
    {"rank", "（职级）", "rank"},
    {"flag", "", "flag"},
    {"address_level", "（地址层级）", "address level"},
    {"venue_list", "（公开范围）", "venue list"},
    {"field_list", "（公开项目）", "field list"},
    {"department_list", "（部门）", "department list"},
}};

// The words text and boolean parameters take in the embedded profiles, in Chinese. A value
// that is one of them, or a comma-separated list of them, is shown in Chinese in "zh" text; a
// test checks that every such value of the embedded profiles is covered.
struct WordName {
  std::string_view word, zh;
};
constexpr std::array<WordName, 76> kWordsZh{{
    {"true", "是"}, {"false", "否"},
    {"higher", "归较高档"}, {"lower", "归较低档"},
    {"omission", "漏报"}, {"concealment", "瞒报"},
    {"whole_months", "按整月折算"}, {"days", "按天折算"}, {"none", "不折算"},
    {"once", "只发一份"}, {"twice", "两份都发"},
    {"error", "报错"}, {"no_grade", "不评定等次"}, {"lowest", "按最低等次"},
    {"share", "按比例"}, {"cutoff", "按分数线"}, {"places", "按名额"},
    {"half_up", "四舍五入"}, {"floor", "向下取整"}, {"ceil", "向上取整"},
    {"township", "按乡镇（苏木）分配"}, {"banner", "按旗统一分配"},
    {"in_addition", "另行发放"}, {"replace_base", "替代基础报酬"},
    {"join", "合并计算"}, {"continuous", "须连续"},
    {"rolling", "滚动计算"}, {"calendar", "按日历年"},
    {"excellent", "优秀"}, {"competent", "称职"}, {"basically_competent", "基本称职"},
    {"whole_years", "按周岁"}, {"year_difference", "按年份差"},
    {"fu_ke", "副科级"}, {"zheng_ke", "正科级"},
    {"county", "旗县级"},
    // the venues of KAILU.2 as the source and the disclosure notice name them
    {"work_unit", "所在单位"}, {"residence", "居住地"}, {"field_in_charge", "分管工作领域"},
    {"television", "电视"}, {"internet", "网络媒体"},
    {"age", "年龄"}, {"party_years", "党龄"}, {"work_years", "工龄"}, {"education", "学历"},
    {"work_history", "工作经历"}, {"identity", "身份"}, {"marriage", "婚姻状况"},
    {"passports", "因私出入境证件"}, {"trips_abroad", "因私出国（境）"},
    {"family_abroad", "配偶子女移居国（境）外"}, {"family_employment", "配偶子女从业"},
    {"annual_income", "年收入"}, {"real_estate", "房产"}, {"securities", "证券"},
    {"investments", "投资"}, {"businesses", "经商办企业"},
    {"name", "姓名"}, {"sex", "性别"}, {"ethnicity", "民族"}, {"current_post", "现职"},
    {"proposed_post", "拟任职务"},
    {"discipline", "纪检监察"}, {"industry_commerce", "工商"}, {"housing", "住建"},
    {"finance", "财政"}, {"audit", "审计"}, {"civil_affairs", "民政"}, {"health", "卫生"},
    {"banking", "金融"},
    {"reports", "述职"}, {"talks", "谈话"}, {"rating", "测评"}, {"records", "查阅资料"},
    {"site_visits", "实地查看"}, {"sampling", "抽查"},
}};

std::string_view unit_text(std::string_view unit, bool zh) {
  for (const UnitName &u : kUnits)
    if (u.unit == unit) return zh ? u.zh : u.en;
  if (zh && unit.find('|') != std::string_view::npos) return {};  // a choice: the word says it
  return unit;
}

std::string_view word_zh(std::string_view w) {
  for (const WordName &n : kWordsZh)
    if (n.word == w) return n.zh;
  return {};
}

/// A parameter's value in Chinese: a known word, or a list of known words separated by `,` or
/// `|` (joined with 、 or ／); anything else (numbers, definitions) as written.
std::string value_zh(std::string_view v) {
  if (v.empty()) return {};
  const char sep = v.find('|') != std::string_view::npos ? '|' : ',';
  std::string out;
  for (std::size_t at = 0;;) {
    std::size_t end = v.find(sep, at);
    std::string_view w = v.substr(at, end == std::string_view::npos ? end : end - at);
    std::string_view zh = word_zh(w);
    if (zh.empty()) return std::string(v);
    if (!out.empty()) out += sep == '|' ? "／" : "、";
    out += zh;
    if (end == std::string_view::npos) return out;
    at = end + 1;
  }
}

// The subjects the modules write, with their Chinese form. The JSON keeps the subject as the
// module wrote it (an id with the kind in English, stable across releases); "zh" text renders it
// from this table. In a form, `{}` stands for an id (one or more characters, none a space or a
// comma); the Chinese form names the ids by position, `{0}`, `{1}`…. The first form that
// matches the whole subject is used; a subject that matches none is shown as written.
struct SubjectForm {
  std::string_view en, zh;
};
constexpr std::array<SubjectForm, 28> kSubjects{{
    {"unit {}", "单位 {0}"},
    {"village {} principal {}, year {}", "嘎查村 {0} 正职 {1}，{2} 年度"},
    {"village results {} Q{}", "嘎查村 {0} 第 {1} 季度考评结果"},
    {"village budget {}", "{0} 年度嘎查村经费预算"},
    {"village {}", "嘎查村 {0}"},
    {"principal {} of village {}", "嘎查村 {1} 正职 {0}"},
    {"former principal {}", "离任正职 {0}"},
    {"applicant {}", "报名人 {0}"},
    {"holder {}", "享受事业单位工资待遇人员 {0}"},
    {"selection quota allocation", "选聘名额分配"},
    {"selection quota", "选聘名额"},
    {"selection funnel", "选聘各环节人选"},
    {"cadre {}", "干部 {0}"},
    {"team {}", "班子 {0}"},
    {"reappointment", "重新任职"},
    {"composite score, domain township", "综合得分（苏木镇）"},
    {"composite score, domain subdistrict", "综合得分（街道）"},
    {"composite score, domain farm", "综合得分（农牧场）"},
    {"composite score, domain department", "综合得分（部门）"},
    {"follow-up of case {}", "案件 {0} 的跟踪管理"},
    {"special funds", "专项资金"},
    {"audit plan {}", "审计计划 {0}"},
    {"disclosure case {} round {}", "事项公开案件 {0} 第 {1} 轮"},
    {"disclosure case {} complaint {}", "事项公开案件 {0} 举报 {1}"},
    {"disclosure round {}", "事项公开第 {0} 轮"},
    {"disclosure notice", "事项公开公示"},
    {"disclosure discrepancies", "事项公开核查差异"},
    {"disclosure {} round {}", "事项公开 {0} 第 {1} 轮"},
}};

/// Whether `s` is `form` with an id in each `{}`; the ids go to `ids`.
bool match_subject(std::string_view form, std::string_view s, std::vector<std::string_view> &ids) {
  ids.clear();
  std::size_t i = 0, j = 0;
  while (i < form.size()) {
    if (form.compare(i, 2, "{}") == 0) {
      const std::size_t start = j;
      while (j < s.size() && s[j] != ' ' && s[j] != ',') ++j;
      if (j == start) return false;
      ids.push_back(s.substr(start, j - start));
      i += 2;
    } else {
      if (j >= s.size() || s[j] != form[i]) return false;
      ++i;
      ++j;
    }
  }
  return j == s.size();
}

/// The subject as a Chinese reader reads it (kSubjects), or as written.
std::string subject_zh(std::string_view s) {
  std::vector<std::string_view> ids;
  for (const SubjectForm &f : kSubjects) {
    if (!match_subject(f.en, s, ids)) continue;
    std::string out;
    for (std::size_t i = 0; i < f.zh.size(); ++i) {
      if (f.zh[i] == '{' && i + 2 < f.zh.size() && f.zh[i + 2] == '}') {
        const auto k = static_cast<std::size_t>(f.zh[i + 1] - '0');
        if (k < ids.size()) out += ids[k];
        i += 2;
      } else {
        out.push_back(f.zh[i]);
      }
    }
    return out;
  }
  return std::string(s);
}

}  // namespace

// ---------------------------------------------------------------------------------------------

std::string Explanation::to_json() const {
  check_text(subject, [] { return std::string("subject"); });
  std::string out;
  out.reserve(128 + subject.size() + 160 * (rules.size() + parameters.size()) +
              48 * inputs.size());
  out += "{\"schema\":\"";
  out += explanation_schema;
  out += '"';
  append_member(out, "subject", subject);
  out += ",\"uses_assumed\":";
  out += uses_assumed() ? "true" : "false";

  out += ",\"rules\":[";
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const RuleFired &r = rules[i];
    auto at = [&](const char *m) { return [&i, m] { return element("rules", i) + "." + m; }; };
    check_text(r.rule_id, at("rule_id"));
    check_text(r.clause, at("clause"));
    check_text(r.message_zh, at("message_zh"));
    check_text(r.message_en, at("message_en"));
    if (i > 0) out.push_back(',');
    out.push_back('{');
    append_member(out, "rule_id", r.rule_id, true);
    append_member(out, "clause", r.clause);
    append_member(out, "message_zh", r.message_zh);
    append_member(out, "message_en", r.message_en);
    out.push_back('}');
  }

  out += "],\"parameters\":[";
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    if (i > 0) out.push_back(',');
    append_param(out, parameters[i], element("parameters", i));
  }

  out += "],\"inputs\":[";
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const InputUsed &in = inputs[i];
    auto at = [&](const char *m) { return [&i, m] { return element("inputs", i) + "." + m; }; };
    check_text(in.name, at("name"));
    check_text(in.value, at("value"));
    if (i > 0) out.push_back(',');
    out.push_back('{');
    append_member(out, "name", in.name, true);
    append_member(out, "value", in.value);
    if (in.detail) out += ",\"detail\":true";
    out.push_back('}');
  }
  out += "]}";
  return out;
}

namespace {
/// Depth-first search for the `index`-th explanation object; `path` is its member path.
const json::value *find_explanation(const json::value &v, std::size_t &index, std::string &path) {
  if (v.is_object()) {
    const json::object &o = v.get_object();
    if (const json::value *tag = o.if_contains("schema");
        tag != nullptr && tag->is_string() && tag->get_string() == explanation_schema) {
      if (index == 0) return &v;
      --index;
      return nullptr;
    }
    for (const auto &kv : o) {
      const std::size_t size = path.size();
      path = join(path, display_key(std::string_view(kv.key().data(), kv.key().size())));
      if (const json::value *f = find_explanation(kv.value(), index, path)) return f;
      path.resize(size);
    }
  } else if (v.is_array()) {
    const json::array &a = v.get_array();
    for (std::size_t i = 0; i < a.size(); ++i) {
      const std::size_t size = path.size();
      path += "[" + std::to_string(i) + "]";
      if (const json::value *f = find_explanation(a[i], index, path)) return f;
      path.resize(size);
    }
  }
  return nullptr;
}
}  // namespace

Explanation explanation_in_json(std::string_view text, std::size_t index) {
  if (text.size() > explanation_document_max_bytes)
    fail("JSON longer than " + std::to_string(explanation_document_max_bytes) + " bytes", "json");
  if (!is_valid_utf8(text)) fail("text is not valid UTF-8", "json");
  json_read::Parsed parsed =
      json_read::parse_checked(text, explanation_document_max_depth, false);
  if (parsed.found) fail(parsed.found.message, parsed.found.path.empty() ? "json" : parsed.found.path);
  if (parsed.ec == json::error::too_deep)
    fail("JSON nested deeper than " + std::to_string(explanation_document_max_depth) + " levels",
         "json");
  if (parsed.ec)
    fail("not valid JSON (" + parsed.ec.message() + " at byte " + std::to_string(parsed.consumed) + ")", "json");
  std::size_t left = index;
  std::string path;
  const json::value *found = find_explanation(parsed.value, left, path);
  if (found == nullptr)
    fail("the JSON holds " + std::to_string(index - left) + " explanation" +
             (index - left == 1 ? "" : "s") + " (index counts from 0)",
         "index");
  try {
    return Explanation::from_json(json::serialize(*found));
  } catch (const InvalidInput &e) {
    const std::string at = e.field() == "json" ? path : join(path, e.field());
    throw InvalidInput(e.message(), at.empty() ? std::string("json") : at);
  }
}

std::string to_json(const ParamUsed &param) {
  std::string out;
  append_param(out, param, "");
  return out;
}

Explanation Explanation::from_json(std::string_view text) {
  if (text.size() > explanation_json_max_bytes)
    fail("explanation JSON longer than " + std::to_string(explanation_json_max_bytes) + " bytes",
         "json");
  if (!is_valid_utf8(text)) fail("text is not valid UTF-8", "json");
  json::value doc = parse_document(text);

  Members root(doc, "");
  // The tag first: a document of another version gets "unsupported schema", not a list of
  // members this version does not know.
  if (root.string("schema") != explanation_schema)
    fail("unsupported schema tag (expected " + std::string(explanation_schema) + ")", "schema");
  root.only({"schema", "subject", "uses_assumed", "rules", "parameters", "inputs"});

  Explanation ex(root.string("subject"));
  bool uses_assumed = root.boolean("uses_assumed");

  const json::array &rules = root.array("rules");
  ex.rules.reserve(rules.size());
  for (std::size_t i = 0; i < rules.size(); ++i) {
    Members m(rules[i], element("rules", i));
    m.only({"rule_id", "clause", "message_zh", "message_en"});
    ex.rules.push_back(
        {m.string("rule_id"), m.string("clause"), m.string("message_zh"), m.string("message_en")});
  }

  const json::array &params = root.array("parameters");
  ex.parameters.reserve(params.size());
  for (std::size_t i = 0; i < params.size(); ++i) {
    Members m(params[i], element("parameters", i));
    m.only({"name", "value", "unit", "effective_from", "assumed", "clause", "detail"});
    ParamUsed p;
    p.name = m.string("name");
    p.value = m.string("value");
    p.unit = m.string("unit");
    p.effective_from = parse_iso_date(m.string("effective_from"), m.path("effective_from"));
    p.assumed = m.boolean("assumed");
    p.clause = m.string("clause");
    p.detail = m.optional_boolean("detail", false);
    ex.parameters.push_back(std::move(p));
  }

  const json::array &inputs = root.array("inputs");
  ex.inputs.reserve(inputs.size());
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    Members m(inputs[i], element("inputs", i));
    m.only({"name", "value", "detail"});
    ex.inputs.push_back({m.string("name"), m.string("value"), m.optional_boolean("detail", false)});
  }

  if (uses_assumed != ex.uses_assumed())
    fail(uses_assumed ? "uses_assumed is true but no parameter is assumed"
                      : "uses_assumed is false but a parameter is assumed",
         "uses_assumed");
  return ex;
}

std::string Explanation::to_text(std::string_view lang) const {
  if (lang != "zh" && lang != "en") fail("unknown language (expected \"zh\" or \"en\")", "lang");
  const bool zh = lang == "zh";
  // Same checks as to_json: a rendering must not carry what the JSON form would refuse.
  check_text(subject, [] { return std::string("subject"); });
  for (std::size_t i = 0; i < rules.size(); ++i) {
    auto at = [&](const char *m) { return [&i, m] { return element("rules", i) + "." + m; }; };
    check_text(rules[i].rule_id, at("rule_id"));
    check_text(rules[i].clause, at("clause"));
    check_text(rules[i].message_zh, at("message_zh"));
    check_text(rules[i].message_en, at("message_en"));
  }
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    auto at = [&](const char *m) {
      return [&i, m] { return element("parameters", i) + "." + m; };
    };
    check_text(parameters[i].name, at("name"));
    check_text(parameters[i].value, at("value"));
    check_text(parameters[i].unit, at("unit"));
    check_text(parameters[i].clause, at("clause"));
    checked_iso(parameters[i].effective_from, at("effective_from"));
  }
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    auto at = [&](const char *m) { return [&i, m] { return element("inputs", i) + "." + m; }; };
    check_text(inputs[i].name, at("name"));
    check_text(inputs[i].value, at("value"));
  }

  // Full-width punctuation in Chinese, ASCII in English.
  const std::string_view open = zh ? "（" : " (", close = zh ? "）" : ")",
                         sep = zh ? "，" : ", ", colon = zh ? "：" : ": ";
  std::string out;
  if (!subject.empty()) {
    out += zh ? "对象" : "Subject";
    out += colon;
    append_line_text(out, zh ? subject_zh(subject) : subject);
    out += '\n';
  }
  for (const RuleFired &r : rules) {
    out += zh ? "规则 " : "Rule ";
    append_line_text(out, r.rule_id);
    if (!r.clause.empty()) {
      out += open;
      append_line_text(out, r.clause);
      out += close;
    }
    // A message missing in one language falls back to the other rather than to nothing.
    const std::string &msg = zh ? (r.message_zh.empty() ? r.message_en : r.message_zh)
                                : (r.message_en.empty() ? r.message_zh : r.message_en);
    if (!msg.empty()) {
      out += colon;
      append_line_text(out, msg);
    }
    out += '\n';
  }
  for (const ParamUsed &p : parameters) {
    out += zh ? "参数 " : "Parameter ";
    append_line_text(out, p.name);
    out += " = ";
    append_line_text(out, zh ? value_zh(p.value) : p.value);
    if (std::string_view u = unit_text(p.unit, zh); !u.empty()) {
      if (!(zh && u.starts_with("（"))) out += ' ';
      append_line_text(out, u);
    }
    out += open;
    out += zh ? "自 " + to_iso(p.effective_from) + " 起" : "since " + to_iso(p.effective_from);
    if (!p.clause.empty()) {
      out += sep;
      append_line_text(out, p.clause);
    }
    if (p.assumed) {
      out += sep;
      out += zh ? "假定值" : "assumed";
    }
    out += close;
    out += '\n';
  }
  for (const InputUsed &in : inputs) {
    out += zh ? "输入 " : "Input ";
    append_line_text(out, in.name);
    out += " = ";
    append_line_text(out, in.value);
    out += '\n';
  }
  if (uses_assumed()) {
    out += zh ? "注意：结果用到假定值（原文未给出数字，由政策配置假定），须经核定后方可作准。\n"
              : "Note: this result uses assumed values (the source gives no number; the policy "
                "profile assumes one) and needs confirming before it is relied on.\n";
  }
  return out;
}

}  // namespace cadrekit
