// The one vocabulary of input values (see cadrekit/core/vocabulary.hpp).
#include "cadrekit/core/vocabulary.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "cadrekit/core/errors.hpp"

namespace cadrekit::vocabulary {

namespace {

[[noreturn]] void fail(std::string message, std::string_view field, std::string_view record) {
  throw InvalidInput(std::move(message), std::string(field), std::string(record));
}

bool digit(char c) { return c >= '0' && c <= '9'; }

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool same_ascii_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

/// Reads the digits at `s[i…]` (at most `most`), advancing i; -1 when there are none.
int read_number(std::string_view s, std::size_t &i, std::size_t most) {
  std::size_t n = 0;
  int v = 0;
  while (i < s.size() && digit(s[i]) && n < most) {
    v = v * 10 + (s[i] - '0');
    ++i;
    ++n;
  }
  if (i < s.size() && digit(s[i])) return -1;  // more digits than the field holds
  return n == 0 ? -1 : v;
}

bool eat(std::string_view s, std::size_t &i, std::string_view word) {
  if (s.substr(i, word.size()) != word) return false;
  i += word.size();
  return true;
}

/// A quarter written 1…4 or 一…四 at s[i…]; 0 when none.
int read_quarter(std::string_view s, std::size_t &i) {
  if (i < s.size() && s[i] >= '1' && s[i] <= '4') return s[i++] - '0';
  static constexpr std::array<std::string_view, 4> zh{"一", "二", "三", "四"};
  for (std::size_t q = 0; q < zh.size(); ++q)
    if (eat(s, i, zh[q])) return static_cast<int>(q) + 1;
  return 0;
}

constexpr const char *kFlagExpected = "expected 1 or 0, true or false, 是 or 否";
constexpr const char *kDateExpected =
    "expected a date: 2014-01-01, 2014/1/1, 2014.1.1, 2014年1月1日 or 20140101";
constexpr const char *kPeriodExpected =
    "expected a period: 2016Q2, 2016年第二季度, or the year 2016 for the annual period";

/// 1/0 for a flag spelling, -1 otherwise (the text normalised).
int flag_value(std::string_view t) {
  for (std::string_view w : {"1", "true", "yes", "是"})
    if (same_ascii_case(t, w)) return 1;
  for (std::string_view w : {"0", "false", "no", "否"})
    if (same_ascii_case(t, w)) return 0;
  return -1;
}

constexpr Code kPosts[] = {{"secretary", "书记", "Party secretary", "党支部书记"},
                           {"director", "主任", "Committee director", "村委会主任|嘎查达"},
                           {"both", "一肩挑", "Secretary and director", "书记主任一肩挑"}};
constexpr Code kGrades[] = {{"excellent", "优秀", "Excellent", ""},
                            {"basic", "基本合格", "Basically qualified", ""},
                            {"unqualified", "不合格", "Unqualified", ""},
                            {"not_graded", "未评定", "Not graded", ""}};
constexpr Code kRatings[] = {{"none", "无", "None", ""},
                             {"excellent", "优秀", "Excellent", ""},
                             {"competent", "称职", "Competent", ""},
                             {"basically_competent", "基本称职", "Basically competent", ""},
                             {"incompetent", "不称职", "Incompetent", ""},
                             {"up_to_standard", "达标", "Up to standard", ""},
                             {"not_up_to_standard", "未达标", "Not up to standard", ""},
                             {"satisfied", "满意", "Satisfied", ""},
                             {"basically_satisfied", "基本满意", "Basically satisfied", ""},
                             {"unsatisfied", "不满意", "Unsatisfied", ""}};
const CodeTable kPostTable{"village_post", "村两委正职职务", "Village principal's post", kPosts};
const CodeTable kGradeTable{"village_grade", "村正职考核等次", "Village principal's grade", kGrades};
const CodeTable kRatingTable{"rating", "考核评价", "Assessment rating", kRatings};
const CodeTable *const kTables[] = {&kPostTable, &kGradeTable, &kRatingTable};

bool alias_of(std::string_view aliases, std::string_view t) {
  while (!aliases.empty()) {
    const std::size_t bar = aliases.find('|');
    if (aliases.substr(0, bar) == t) return true;
    if (bar == std::string_view::npos) break;
    aliases.remove_prefix(bar + 1);
  }
  return false;
}

}  // namespace

std::string normalise(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto *s = reinterpret_cast<const unsigned char *>(text.data());
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    if (i + 2 < n && s[i] == 0xEF && s[i + 1] == 0xBC && s[i + 2] >= 0x81 && s[i + 2] <= 0xBF) {
      out += static_cast<char>(s[i + 2] - 0x60);  // U+FF01…FF3F → ! … _
      i += 3;
    } else if (i + 2 < n && s[i] == 0xEF && s[i + 1] == 0xBD && s[i + 2] >= 0x80 && s[i + 2] <= 0x9E) {
      out += static_cast<char>(s[i + 2] - 0x20);  // U+FF40…FF5E → ` … ~
      i += 3;
    } else if (i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x88 && s[i + 2] == 0x92) {
      out += '-';  // U+2212 minus sign
      i += 3;
    } else if (i + 2 < n && s[i] == 0xE3 && s[i + 1] == 0x80 && s[i + 2] == 0x80) {
      out += ' ';  // U+3000 ideographic space
      i += 3;
    } else if (i + 1 < n && s[i] == 0xC2 && s[i + 1] == 0xA0) {
      out += ' ';  // U+00A0 no-break space
      i += 2;
    } else {
      out += static_cast<char>(s[i]);
      ++i;
    }
  }
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  std::size_t b = 0, e = out.size();
  while (b < e && space(out[b])) ++b;
  while (e > b && space(out[e - 1])) --e;
  return out.substr(b, e - b);
}

bool blank(std::string_view text) { return normalise(text).empty(); }

bool parse_flag(std::string_view text, std::string_view field, std::string_view record) {
  const int v = flag_value(normalise(text));
  if (v < 0) fail(kFlagExpected, field, record);
  return v == 1;
}

std::optional<bool> parse_opt_flag(std::string_view text, std::string_view field, std::string_view record) {
  if (blank(text)) return std::nullopt;
  return parse_flag(text, field, record);
}

std::string level_expectation(std::int32_t max) {
  if (max <= 0) return "0";
  std::string s;
  if (max <= 3) {
    for (std::int32_t i = 0; i < max; ++i) s += (i ? ", " : "") + std::to_string(i);
    s += " or " + std::to_string(max);
  } else {
    s = "a whole number 0…" + std::to_string(max);
  }
  return s + ", or 是/否 for 1/0";
}

std::int32_t parse_level(std::string_view text, std::int32_t max, std::string_view field, std::string_view record) {
  const std::string t = normalise(text);
  std::int64_t v = -1;
  if (!t.empty() && t.size() <= 9 && std::all_of(t.begin(), t.end(), digit)) {
    v = std::stoll(t);
  } else {
    v = flag_value(t);
  }
  if (v < 0 || v > max) fail("expected " + level_expectation(max), field, record);
  return static_cast<std::int32_t>(v);
}

Date parse_date(std::string_view text, std::string_view field, std::string_view record) {
  const std::string t = normalise(text);
  int y = -1, m = -1, d = -1;
  std::size_t i = 0;
  if (t.size() == 8 && std::all_of(t.begin(), t.end(), digit)) {  // 20140101
    y = std::stoi(t.substr(0, 4));
    m = std::stoi(t.substr(4, 2));
    d = std::stoi(t.substr(6, 2));
  } else if ((y = read_number(t, i, 4)) >= 0 && i == 4) {
    if (eat(t, i, "年")) {  // 2014年1月1日
      m = read_number(t, i, 2);
      if (m < 0 || !eat(t, i, "月")) m = -1;
      d = read_number(t, i, 2);
      if (d < 0 || !eat(t, i, "日")) d = -1;
    } else if (i < t.size() && (t[i] == '-' || t[i] == '/' || t[i] == '.')) {
      const char sep = t[i++];
      m = read_number(t, i, 2);
      if (m >= 0 && i < t.size() && t[i] == sep) {
        ++i;
        d = read_number(t, i, 2);
      }
    }
    if (i != t.size()) d = -1;
  }
  if (y < 0 || m < 0 || d < 0) fail(kDateExpected, field, record);
  try {
    return make_date(y, m, d, field);
  } catch (const InvalidInput &e) {
    fail(e.message() + " (the month or day is out of range)", field, record);
  }
}

std::optional<Date> parse_opt_date(std::string_view text, std::string_view field, std::string_view record) {
  if (blank(text)) return std::nullopt;
  return parse_date(text, field, record);
}

Date date_from_excel_serial(std::int64_t serial, std::string_view field, std::string_view record) {
  if (serial < 1 || serial > 2958465)
    fail("expected an Excel date serial within 1…2958465", field, record);
  if (serial == 60) fail("Excel's 1900-02-29 is not a date", field, record);
  // 1900-01-01 is 1; Excel counts a 1900-02-29 that did not exist, so from 61 on the serial is
  // one more than the days since 1899-12-31.
  const Date base(1899, 12, 31);
  return base + boost::gregorian::days(serial < 60 ? serial : serial - 1);
}

std::string Period::code() const {
  std::string s = std::to_string(year);
  if (quarter) s += "Q" + std::to_string(quarter);
  return s;
}

Period parse_period(std::string_view text, std::string_view field, std::string_view record) {
  const std::string t = normalise(text);
  std::size_t i = 0;
  Period p;
  p.year = read_number(t, i, 4);
  bool ok = p.year >= 1000 && i == 4;
  if (ok && i < t.size()) {
    if (eat(t, i, "年")) {
      if (i == t.size() || (eat(t, i, "度") && i == t.size())) return p;
      eat(t, i, "第");
      p.quarter = read_quarter(t, i);
      ok = p.quarter > 0 && eat(t, i, "季度") && i == t.size();
    } else {
      if (t[i] == '-') ++i;
      ok = i < t.size() && (t[i] == 'Q' || t[i] == 'q');
      ++i;
      if (ok) {
        ok = i < t.size() && t[i] >= '1' && t[i] <= '4' && i + 1 == t.size();
        if (ok) p.quarter = t[i] - '0';
      }
    }
  }
  if (!ok) fail(kPeriodExpected, field, record);
  return p;
}

std::optional<std::int64_t> parse_opt_whole(std::string_view text, std::string_view field, std::string_view record) {
  const std::string t = normalise(text);
  if (t.empty()) return std::nullopt;
  const std::size_t i = (t[0] == '-' || t[0] == '+') ? 1 : 0;
  if (i == t.size() || t.size() - i > 18 || !std::all_of(t.begin() + static_cast<std::ptrdiff_t>(i), t.end(), digit))
    fail("expected a whole number", field, record);
  return std::stoll(t);
}

std::int64_t parse_whole(std::string_view text, std::string_view field, std::string_view record) {
  const auto v = parse_opt_whole(text, field, record);
  if (!v) fail("missing (expected a whole number)", field, record);
  return *v;
}

Rational parse_number(std::string_view text, std::string_view field, std::string_view record) {
  try {
    return parse_decimal(normalise(text), field);
  } catch (const InvalidInput &e) {
    fail(e.message(), field, record);
  }
}

std::optional<std::size_t> find_code(const CodeTable &table, std::string_view text) {
  const std::string t = normalise(text);
  for (std::size_t i = 0; i < table.codes.size(); ++i) {
    const Code &c = table.codes[i];
    if (same_ascii_case(t, c.code) || t == c.zh || same_ascii_case(t, c.en) || alias_of(c.aliases, t)) return i;
  }
  return std::nullopt;
}

std::size_t parse_code(const CodeTable &table, std::string_view text, std::string_view field, std::string_view record) {
  if (auto i = find_code(table, text)) return *i;
  std::string list;
  for (const Code &c : table.codes) list += (list.empty() ? "" : ", ") + std::string(c.code) + " (" + std::string(c.zh) + ")";
  fail("expected one of: " + list, field, record);
}

const CodeTable &village_posts() { return kPostTable; }
const CodeTable &village_grades() { return kGradeTable; }
const CodeTable &ratings() { return kRatingTable; }
std::span<const CodeTable *const> code_tables() { return kTables; }

std::vector<Entry> entries() {
  std::vector<Entry> out = {
      {"flag", "Flag (是否)",
       "`1`/`0`, `true`/`false`, `yes`/`no` (any case), `是`/`否`.",
       {"1", "TRUE", "yes", "是", "0", "False", "否"}, kFlagExpected},
      {"level", "Factor level, small count (等级、个数)",
       "a whole number within the factor's scale (0…max, the policy's `audit.factor.<f>.max`); "
       "for 1 and 0 also every flag spelling (`是`/`否`, `true`/`false`, `yes`/`no`).",
       {"0", "2", "是 (= 1)", "否 (= 0)", "true (= 1)"}, "expected " + level_expectation(2)},
      {"date", "Date (日期)",
       "`YYYY-MM-DD`, the month and day with one or two digits and `-`, `/` or `.` between "
       "(the same separator twice), `YYYY年M月D日`, or eight digits `YYYYMMDD`. The month and day "
       "are checked against the calendar. A time of day is refused. A spreadsheet's date cell "
       "is read as its date; an Excel serial number only where the caller says the cell was a number.",
       {"2014-01-01", "2014-1-1", "2014/1/1", "2014.1.1", "2014年1月1日", "20140101", "２０１４－０１－０１"},
       kDateExpected},
      {"period", "Period (考核期)",
       "a quarter `YYYYQn` (`q` in any case, optionally `YYYY-Qn`), `YYYY年第n季度` with n "
       "written 1…4 or 一…四 (`第` optional); the whole year `YYYY`, `YYYY年` or `YYYY年度` "
       "for the annual period. Read as the canonical `2016Q2` / `2016`. These are the village "
       "pay's score periods; an assessment record's `period` (`2015`, `2015-2`: the n-th "
       "assessment of its kind in a year, docs/assessment.md) is not a quarter and keeps its own form.",
       {"2016Q2", "2016q2", "2016年第二季度", "2016年二季度", "2016年第2季度", "2016", "2016年"},
       kPeriodExpected},
      {"whole", "Whole number (整数)",
       "an optional sign and up to 18 digits, no separators.",
       {"12", "-3", "+7", "－３"}, "expected a whole number"},
      {"number", "Decimal number (数值)",
       "an exact decimal, thousands separated by `,` or not, or a fraction `7/20`.",
       {"12", "-0.35", "7,000.5", "7/20"}, "expected a decimal number"},
  };
  for (const CodeTable *t : code_tables()) {
    Entry e{"code:" + std::string(t->kind), std::string(t->en) + " (" + std::string(t->zh) + ")",
            "the code, the Chinese label or the English label (codes and English labels in any case)", {}, ""};
    std::string list;
    for (const Code &c : t->codes) {
      std::string ex = "`" + std::string(c.code) + "` = `" + std::string(c.zh) + "` = `" + std::string(c.en) + "`";
      std::string_view al = c.aliases;
      while (!al.empty()) {
        const std::size_t bar = al.find('|');
        ex += " = `" + std::string(al.substr(0, bar)) + "`";
        if (bar == std::string_view::npos) break;
        al.remove_prefix(bar + 1);
      }
      e.examples.push_back(std::move(ex));
      list += (list.empty() ? "" : ", ") + std::string(c.code) + " (" + std::string(c.zh) + ")";
    }
    e.expected = "expected one of: " + list;
    out.push_back(std::move(e));
  }
  return out;
}

std::string markdown() {
  std::string s =
      "# Input values (输入取值)\n\n"
      "<!-- Generated by `cadrekit vocabulary --markdown` from src/core/vocabulary.cpp; "
      "the test cli.vocabulary_doc fails when this page differs. Do not edit by hand. -->\n\n"
      "Every surface (the command line's tables, the C JSON calls, Python) reads a value the "
      "same way. Before a kind's own spellings are matched, spaces around the text (also the "
      "ideographic space) are ignored, and full-width characters typed by a Chinese input method "
      "(`０`…`９`, `－`, `／`, `．`, `Ｑ`) read as their ASCII forms. An empty cell is a missing "
      "value: the column's default where it has one, an error naming the field where it is "
      "required. A JSON number or `true`/`false` is read as itself; a JSON string is read as a "
      "table cell would be. An error names the field and the record and says what was "
      "expected; it never repeats the text read.\n";
  for (const Entry &e : entries()) {
    s += "\n## " + e.title + "\n\n";
    s += "Kind `" + e.kind + "`. Accepts " + e.accepted + "\n\n";
    for (const std::string &x : e.examples)
      s += "- " + (x.find('`') == std::string::npos ? "`" + x + "`" : x) + "\n";
    s += "\nOtherwise the error says: " + e.expected + ".\n";
  }
  return s;
}

}  // namespace cadrekit::vocabulary
