// The basic information of a disclosure record from and to a .lrmx cadre form (干部任免审批表
// 3.x XML; element list: tests/golden/disclosure_lrmx_elements.csv). The reader is tolerant of
// the styles forms are written in (docs/disclosure.md lists them) and explicit about the rest:
// what it cannot read is an error or a warning naming the element, never a guessed value.
// Messages name the element (import) or the record's member path (export) only, never a value.
#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <cstdio>
#include <set>

#include "cadrekit/core/citizen_id.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/utf8.hpp"
#include "cadrekit/disclosure.hpp"
#include "core/encoding.hpp"
#include "core/json_read.hpp"
#include "core/person_detail.hpp"
#include "core/xml.hpp"

namespace cadrekit::disclosure {

namespace {

// ---- the form's elements -------------------------------------------------------------------

// The 34 elements of the form in its order (record_to_lrmx writes them so).
constexpr std::array<std::string_view, 34> kElements{
    "XingMing", "XingBie", "ChuShengNianYue", "MinZu", "JiGuan", "ChuShengDi", "RuDangShiJian",
    "CanJiaGongZuoShiJian", "JianKangZhuangKuang", "ZhuanYeJiShuZhiWu",
    "ShuXiZhuanYeYouHeZhuanChang", "QuanRiZhiJiaoYu_XueLi", "QuanRiZhiJiaoYu_XueWei",
    "QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi", "QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi",
    "ZaiZhiJiaoYu_XueLi", "ZaiZhiJiaoYu_XueWei", "ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi",
    "ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi", "XianRenZhiWu", "NiRenZhiWu", "NiMianZhiWu", "JianLi",
    "JiangChengQingKuang", "NianDuKaoHeJieGuo", "RenMianLiYou", "JiaTingChengYuan",
    "ChengBaoDanWei", "JiSuanNianLingShiJian", "TianBiaoShiJian", "TianBiaoRen", "ShenFenZheng",
    "ZhaoPian", "Version"};
// The members of a family member (JiaTingChengYuan/Item).
constexpr std::array<std::string_view, 5> kFamilyElements{
    "ChengWei", "XingMing", "ChuShengRiQi", "ZhengZhiMianMao", "GongZuoDanWeiJiZhiWu"};

// Far beyond any form (34 elements and a family of a few members) and small enough that a
// hostile form costs little memory before it is refused.
constexpr std::size_t kMaxFormElements = 10'000;

// A form's warnings, and the lines of its 简历 read, are bounded the same way: a 简历 has a few
// dozen lines, and a hostile one of a million lines (4 MB, within xml.max_bytes) had a warning,
// or an entry, each — over a gigabyte once in Python. Past the bound one warning says how many
// more there were (warnings) or that the rest is not read (lines).
constexpr std::size_t kMaxWarnings = 200;
constexpr std::size_t kMaxJianLiLines = 1'000;

// ---- text normalisation --------------------------------------------------------------------

bool is_space_like(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f' ||
         c == 0x00A0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F ||
         c == 0x2060 || c == 0x3000 || c == 0xFEFF;
}
bool is_line_space(char32_t c) { return c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; }

// The form's full-width and typographic variants folded to ASCII, for the fields read as data
// (dates, 简历 ranges, codes, the ID number): full-width ASCII (U+FF01–FF5E), every kind of
// space to ' ', zero-width characters dropped, dashes to '-', wave dashes to '~', 。 to '.'.
// `origin`, when given, receives for each output byte the offset of its source character (and
// a last entry: s.size()).
std::string fold(std::string_view s, std::vector<std::size_t> *origin = nullptr) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t at = i;
    const char32_t c = detail::next_code_point(s, &i);
    const std::size_t before = out.size();
    if (c >= 0xFF01 && c <= 0xFF5E) out += static_cast<char>(c - 0xFF01 + 0x21);
    else if (c == 0x200B || c == 0x2060 || c == 0xFEFF) continue;
    else if (is_space_like(c)) out += ' ';
    else if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 || c == 0xFE63 ||
             c == 0x2E3A || c == 0x2E3B || c == 0x2500 || c == 0x2501)
      out += '-';
    else if (c == 0x301C || c == 0x223C || c == 0x02DC) out += '~';
    else if (c == 0x3002 || c == 0xFF61) out += '.';
    else detail::append_utf8(out, c);
    if (origin)
      for (std::size_t k = before; k < out.size(); ++k) origin->push_back(at);
  }
  if (origin) origin->push_back(s.size());
  return out;
}

std::string without_spaces(std::string s) {
  std::erase_if(s, [](char c) { return c == ' '; });
  return s;
}

// The value of a data field: folded, without any space.
std::string data_text(std::string_view raw) { return without_spaces(fold(raw)); }

// A text field: trimmed of every kind of space; inside, a run of spaces between two Chinese
// characters is dropped in a name (名字 aligned with an ideographic space: "王　芳") and where
// it holds a line break or a tab elsewhere (a wrapped line); another run in a name becomes one
// space; other runs are kept as written.
std::string clean_text(std::string_view s, bool name) {
  std::string out;
  out.reserve(s.size());
  std::size_t run_from = 0, run_to = 0;  // a run of spaces not yet written
  bool in_run = false, run_has_line = false;
  char32_t before = 0;  // the last character written
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    const char32_t c = detail::next_code_point(s, &i);
    if (is_space_like(c)) {
      if (!in_run) {
        run_from = at;
        run_has_line = false;
      }
      in_run = true;
      run_to = i;
      run_has_line = run_has_line || is_line_space(c);
      continue;
    }
    if (in_run && !out.empty()) {  // a run inside the text (leading ones are dropped)
      const bool wide = before >= 0x80 && c >= 0x80;
      if (name || run_has_line) {
        if (!wide) out += ' ';
      } else {
        out.append(s.substr(run_from, run_to - run_from));
      }
    }
    in_run = false;
    out.append(s.substr(at, i - at));
    before = c;
  }
  return out;  // a trailing run is never written
}

// ---- dates ---------------------------------------------------------------------------------

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::size_t digit_run(std::string_view s, std::size_t i) {
  std::size_t n = 0;
  while (i + n < s.size() && is_digit(s[i + n])) ++n;
  return n;
}

int number(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

bool starts_at(std::string_view s, std::size_t i, std::string_view what) {
  return s.substr(std::min(i, s.size()), what.size()) == what;
}

// A date at the start of `s` (folded, spaces removed or not): YYYYMM, YYYYMMDD, YYYY.M[M][.D[D]]
// with '.', '-' or '/', YYYY年M[M]月[D[D]日]. A month without a day is the 1st.
struct FormDate {
  Date date;
  bool has_day = false;
  bool ambiguous = false;  // "YYYY.1": January, or October with its 0 lost (a number in Excel)
  std::size_t end = 0;     // the offset after it
};

bool valid_day(int y, int m, int d) {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

std::optional<FormDate> date_at(std::string_view s, std::size_t i) {
  const std::size_t run = digit_run(s, i);
  int y = 0, m = 0, d = 1;
  FormDate out;
  std::size_t at = i + run;
  if (run == 6 || run == 8) {
    y = number(s.substr(i, 4));
    m = number(s.substr(i + 4, 2));
    if (run == 8) {
      d = number(s.substr(i + 6, 2));
      out.has_day = true;
    }
  } else if (run == 4) {
    y = number(s.substr(i, 4));
    if (starts_at(s, at, "年")) {
      at += 3;
      const std::size_t mr = digit_run(s, at);
      if (mr < 1 || mr > 2) return std::nullopt;
      m = number(s.substr(at, mr));
      at += mr;
      if (starts_at(s, at, "月")) {
        at += 3;
        const std::size_t dr = digit_run(s, at);
        if (dr >= 1 && dr <= 2) {
          d = number(s.substr(at, dr));
          out.has_day = true;
          at += dr;
          if (starts_at(s, at, "日") || starts_at(s, at, "号")) at += 3;
        }
      }
    } else if (at < s.size() && (s[at] == '.' || s[at] == '-' || s[at] == '/')) {
      const char sep = s[at];
      const std::size_t mr = digit_run(s, at + 1);
      if (mr < 1 || mr > 2) return std::nullopt;
      m = number(s.substr(at + 1, mr));
      out.ambiguous = sep == '.' && mr == 1 && m == 1;
      at += 1 + mr;
      if (at < s.size() && s[at] == sep) {
        const std::size_t dr = digit_run(s, at + 1);
        if (dr >= 1 && dr <= 2) {
          d = number(s.substr(at + 1, dr));
          out.has_day = true;
          out.ambiguous = false;
          at += 1 + dr;
        }
      }
    } else {
      return std::nullopt;  // a year alone
    }
  } else {
    return std::nullopt;
  }
  if (!valid_day(y, m, d)) return std::nullopt;
  out.date = Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                  static_cast<unsigned short>(d));
  out.end = at;
  return out;
}

// ---- the reading ---------------------------------------------------------------------------

const char *const kDateStyles = "expected a date such as 1975.03, 197503, 1975年3月 or 1975.03.08";

class FormReader {
 public:
  FormReader(const xml::Document &doc, std::string id) : doc_(doc), id_(std::move(id)) {}

  LrmxRead read() {
    index();
    LrmxRead out;
    Record &r = out.record;
    r.id = id_;
    Person &p = r.person;
    p.id = id_;

    p.name = clean_text(text("XingMing"), true);
    if (p.name.empty()) fail("the name is missing", "XingMing");

    // 身份证号 first: the birth date (and a missing sex) come from a valid number.
    std::optional<CitizenId> cid;
    const std::string_view id_raw = text("ShenFenZheng");
    std::string id_norm = data_text(id_raw);
    std::replace(id_norm.begin(), id_norm.end(), 'x', 'X');
    if (!id_norm.empty()) {
      try {
        cid = parse_citizen_id(id_norm, "ShenFenZheng");
        r.citizen_id = id_norm;
      } catch (const InvalidInput &) {
        r.citizen_id = clean_text(id_raw, true);
        warn("ShenFenZheng", "citizen_id_invalid",
             "not a valid citizen ID number (length, date of birth or check character): the "
             "birth date is taken from ChuShengNianYue and the number is kept as given");
      }
    }

    const std::string sex_text = data_text(text("XingBie"));
    if (sex_text.empty()) {
      if (!cid) fail("the sex is missing", "XingBie");
      p.sex = cid->sex;
      warn("XingBie", "sex_from_citizen_id", "the sex is missing: taken from the ID number");
    } else {
      std::string_view s = sex_text;
      if (s == "男性") s = "男";
      if (s == "女性") s = "女";
      const auto sex = detail::sex_from_text(s);
      if (!sex) fail("expected 男 or 女", "XingBie");
      p.sex = *sex;
      if (cid && cid->sex != p.sex)
        warn("XingBie", "sex_mismatch", "the sex differs from the ID number's (the form's is kept)");
    }

    const auto birth = date_field("ChuShengNianYue", !cid);
    if (cid) {
      p.birth_date = cid->birth_date;
      if (birth && (birth->year() != cid->birth_date.year() || birth->month() != cid->birth_date.month()))
        warn("ChuShengNianYue", "birth_date_mismatch",
             "the month of birth differs from the ID number's (the ID number's is used)");
    } else {
      if (!birth) fail("the date of birth is missing", "ChuShengNianYue");
      p.birth_date = *birth;
    }

    const std::string ethnicity = data_text(text("MinZu"));
    if (ethnicity.empty()) fail("the ethnic group is missing", "MinZu");
    const CodeEntry *eth = detail::find_ethnic_group(ethnicity);
    if (eth == nullptr) fail("not a GB 3304 ethnic group", "MinZu");
    p.ethnicity = eth->code;

    party(p);
    p.work_started = date_field("CanJiaGongZuoShiJian", false);
    education(r);
    r.current_post = clean_text(text("XianRenZhiWu"), false);
    r.proposed_post = clean_text(text("NiRenZhiWu"), false);
    jianli(r);

    auto ref = date_field("JiSuanNianLingShiJian", false);
    if (!ref) {
      const bool stated = !data_text(text("TianBiaoShiJian")).empty();
      ref = date_field("TianBiaoShiJian", stated);
      if (!ref) fail("the form has no date to compute ages as of", "TianBiaoShiJian");
    }
    r.reference_date = *ref;
    cadrekit::validate(p);
    if (unlisted_ > 0)
      warnings_.push_back(Problem{"", "warnings_truncated",
                                  std::to_string(unlisted_) + " more warnings, not listed (lrmx.max_warnings: " +
                                      std::to_string(kMaxWarnings) + ")"});
    out.warnings = std::move(warnings_);
    return out;
  }

 private:
  const xml::Document &doc_;
  std::string id_;
  std::vector<Problem> warnings_;
  std::size_t unlisted_ = 0;  // warnings past kMaxWarnings
  std::vector<std::pair<std::string_view, std::size_t>> elements_;  // Person's children by name

  [[noreturn]] void fail(const std::string &message, const std::string &field) const {
    throw InvalidInput(message, field, id_);
  }
  void warn(std::string path, const char *code, std::string message) {
    if (warnings_.size() >= kMaxWarnings) {
      ++unlisted_;
      return;
    }
    warnings_.push_back(Problem{std::move(path), code, std::move(message)});
  }

  template <std::size_t N>
  static bool known(const std::array<std::string_view, N> &list, std::string_view name) {
    return std::find(list.begin(), list.end(), name) != list.end();
  }

  // Every element of the form: known ones once each and holding text; unknown ones warned
  // about once per name; the family checked member by member.
  void index() {
    const xml::Node &root = doc_.root();
    if (root.name != "Person") fail("the form has no Person element", "Person");
    std::set<std::string, std::less<>> unknown;
    // (its name shown as a key may be: a name or a number put in as an element is not repeated)
    auto unknown_element = [&](const std::string &path) {
      if (unknown.insert(path).second)
        warn(path, "element_unknown", "an element the form does not define: not read");
    };
    for (std::size_t c : root.children) {
      const xml::Node &n = doc_[c];
      if (!known(kElements, n.name)) {
        unknown_element(json_read::display_key(n.name));
        continue;
      }
      for (const auto &[name, at] : elements_)
        if (name == n.name) fail("the element appears more than once", n.name);
      elements_.emplace_back(n.name, c);
      if (n.name == "JiaTingChengYuan") {
        for (std::size_t i : n.children) {
          const xml::Node &item = doc_[i];
          if (item.name != "Item") {
            unknown_element("JiaTingChengYuan/" + json_read::display_key(item.name));
            continue;
          }
          for (std::size_t j : item.children)
            if (!known(kFamilyElements, doc_[j].name))
              unknown_element("JiaTingChengYuan/Item/" + json_read::display_key(doc_[j].name));
        }
      } else if (!n.children.empty()) {
        fail("expected text, not nested elements", n.name);
      }
    }
  }

  // The text of a known element ("" when absent).
  std::string_view text(std::string_view name) const {
    for (const auto &[n, at] : elements_)
      if (n == name) return doc_[at].text;
    return {};
  }

  // A date element: empty → nothing; a date (a note in brackets after it is ignored with a
  // warning); anything else → an error when required, else a warning and nothing.
  std::optional<Date> date_field(const char *element, bool required) {
    const std::string s = data_text(text(element));
    if (s.empty()) return std::nullopt;
    const auto d = date_at(s, 0);
    std::string_view rest = d ? std::string_view(s).substr(d->end) : std::string_view{};
    const bool note = rest.size() >= 2 && rest.front() == '(' && rest.back() == ')';
    if (!d || (!rest.empty() && !note)) {
      if (required) fail(kDateStyles, element);
      warn(element, "date_not_read", std::string(kDateStyles) + ": left empty");
      return std::nullopt;
    }
    if (note) warn(element, "date_note_ignored", "a note after the date is not read");
    if (d->ambiguous)
      warn(element, "month_ambiguous",
           "a month written as one digit 1 is read as January (October is written .10)");
    return d->date;
  }

  // A political status named on the form: a GB/T 4762 name or short name, or a short form
  // the forms use (民盟, 九三学社, 无党派…).
  static std::string status_code(std::string_view name) {
    if (name.empty()) return {};
    if (const CodeEntry *e = detail::find_political_status(name)) return e->code;
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kShort{{
        {"中共", "01"}, {"中国共产党", "01"}, {"预备党员", "02"}, {"中共预备", "02"},
        {"团员", "03"}, {"民革", "04"}, {"民盟", "05"}, {"民建", "06"}, {"民进", "07"},
        {"农工党", "08"}, {"致公党", "09"}, {"九三", "10"}, {"九三学社", "10"}, {"台盟", "11"},
        {"无党派", "12"}, {"无党派民主人士", "12"}, {"无党派人士", "12"},
    }};
    for (const auto &[text, code] : kShort)
      if (name == text) return std::string(code);
    return {};
  }

  static std::string_view unbracket(std::string_view s, bool *was = nullptr) {
    const bool b = s.size() >= 2 && s.front() == '(' && s.back() == ')';
    if (was) *was = b;
    return b ? s.substr(1, s.size() - 2) : s;
  }

  // 入党时间: the date of joining the CPC (a member; 预备 in a note: a probationary member), or a
  // status by name, with or without a date. Empty or not understood: the status is unknown
  // (never 群众) and a warning says so.
  void party(Person &p) {
    const char *element = "RuDangShiJian";
    const std::string s = data_text(text(element));
    p.political_status.clear();
    if (s.empty()) {
      warn(element, "political_status_unknown",
           "empty: the political status is not stated (it is left unknown, not taken as 群众)");
      return;
    }
    auto unknown = [&] {
      p.political_status.clear();
      p.party_joined.reset();
      warn(element, "political_status_unknown",
           "neither a date of joining nor a political status: the status is left unknown");
    };
    if (is_digit(s[0])) {
      const auto d = date_at(s, 0);
      if (!d) return unknown();
      bool note = false;
      const std::string_view rest = unbracket(std::string_view(s).substr(d->end), &note);
      if (d->ambiguous)
        warn(element, "month_ambiguous",
             "a month written as one digit 1 is read as January (October is written .10)");
      if (rest.empty()) {
        p.political_status = "01";
        p.party_joined = d->date;
        return;
      }
      const std::string code = rest.find("预备") != std::string_view::npos ? "02" : status_code(rest);
      if (code == "01" || code == "02") {
        p.political_status = code;
        p.party_joined = d->date;
      } else if (!code.empty()) {
        p.political_status = code;  // the date is of another party: the record holds none
      } else if (note) {
        p.political_status = "01";
        p.party_joined = d->date;
        warn(element, "date_note_ignored", "a note after the date is not read");
      } else {
        unknown();
      }
      return;
    }
    // A name, perhaps followed by a date: "中共党员", "民盟", "中共党员(2001.07)".
    std::size_t k = 0;
    while (k < s.size() && !is_digit(s[k])) ++k;
    std::string_view name = std::string_view(s).substr(0, k);
    std::string_view when = std::string_view(s).substr(k);
    if (!when.empty() && !name.empty() && name.back() == '(' && when.back() == ')') {
      name.remove_suffix(1);
      when.remove_suffix(1);
    }
    const std::string code = status_code(name);
    if (code.empty()) return unknown();
    p.political_status = code;
    if ((code == "01" || code == "02") && !when.empty()) {
      const auto d = date_at(when, 0);
      if (d && d->end == when.size()) p.party_joined = d->date;
      else warn(element, "date_not_read", std::string(kDateStyles) + ": the date of joining is left empty");
    }
  }

  void education(Record &r) {
    struct Mode {
      const char *mode, *level, *degree, *school;
    };
    static constexpr Mode kModes[] = {
        {"full_time", "QuanRiZhiJiaoYu_XueLi", "QuanRiZhiJiaoYu_XueWei",
         "QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi"},
        {"in_service", "ZaiZhiJiaoYu_XueLi", "ZaiZhiJiaoYu_XueWei",
         "ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi"},
    };
    for (const auto &m : kModes) {
      std::string level = clean_text(text(m.level), false);
      std::string degree = clean_text(text(m.degree), false);
      std::string school = clean_text(text(m.school), false);
      if (level.empty()) {
        if (!degree.empty() || !school.empty())
          warn(m.level, "education_not_read",
               "a degree or school without a level (学历): the line is not read");
        continue;
      }
      r.education.push_back(Education{m.mode, level, std::move(degree), std::move(school)});
      r.person.education = std::move(level);  // in-service (later) wins when both are given
    }
  }

  // 简历: one entry per line "FROM SEP [UNTIL] text"; FROM and UNTIL in any date style, SEP one
  // or more '-' (any dash), '~' (any wave dash) or 至; UNTIL 至今 or 今, or nothing, for an open
  // entry. A line in brackets （其间…） is not an entry; another line that does not begin with a
  // digit continues the entry above (a wrapped line); anything else is a warning naming the line.
  void jianli(Record &r) {
    const std::string_view all = text("JianLi");
    std::size_t n = 0, start = 0;
    while (start < all.size()) {
      std::size_t end = all.find('\n', start);
      if (end == std::string_view::npos) end = all.size();
      const std::string_view raw = all.substr(start, end - start);
      start = end + 1;
      if (++n > kMaxJianLiLines) {
        warn("JianLi[" + std::to_string(n) + "]", "jianli_too_long",
             "more lines than lrmx.max_jianli_lines (" + std::to_string(kMaxJianLiLines) + "): the rest is not read");
        break;
      }
      const std::string field = "JianLi[" + std::to_string(n) + "]";
      // The line without its leading spaces; the range is at its start: its first 64
      // characters are folded to read it, the text after it is taken as written.
      std::size_t lead = raw.size();
      for (std::size_t j = 0; j < raw.size();) {
        const std::size_t at = j;
        if (!is_space_like(detail::next_code_point(raw, &j))) {
          lead = at;
          break;
        }
      }
      const std::string_view line = raw.substr(lead);
      if (line.empty()) continue;
      std::size_t head = 0;
      for (int k = 0; k < 64 && head < line.size(); ++k) (void)detail::next_code_point(line, &head);
      std::vector<std::size_t> origin;
      const std::string s = fold(line.substr(0, head), &origin);
      std::size_t i = 0;
      if (s[i] == '(' || starts_at(s, i, "【") || starts_at(s, i, "〔")) continue;  // （其间…）
      if (!is_digit(s[i])) {
        const std::string more = clean_text(raw, false);
        if (more.empty()) continue;
        if (r.work_history.empty()) {
          warn(field, "jianli_line_not_read", "a line before the first entry: not read");
        } else {
          std::string &t = r.work_history.back().text;
          if (!t.empty() && static_cast<unsigned char>(t.back()) < 0x80 &&
              static_cast<unsigned char>(more.front()) < 0x80)
            t += ' ';
          t += more;
          warn(field, "jianli_line_joined", "read as the continuation of the entry above");
        }
        continue;
      }
      auto not_read = [&](const char *why) {
        warn(field, "jianli_line_not_read", std::string(why) + ": the line is not read");
      };
      const auto from = date_at(s, i);
      if (!from) {
        not_read("expected a date at the start (1998.09, 199809, 1998年9月)");
        continue;
      }
      i = from->end;
      while (i < s.size() && s[i] == ' ') ++i;
      bool sep = false;
      if (i < s.size() && (s[i] == '-' || s[i] == '~')) {
        const char c = s[i];
        while (i < s.size() && s[i] == c) ++i;
        sep = true;
      } else if (starts_at(s, i, "至")) {
        i += 3;
        sep = true;
        if (starts_at(s, i, "今")) i -= 3;  // 至今 right after FROM: an open end
      }
      if (!sep) {
        not_read("expected a range FROM--UNTIL (--, -, —, ~, ～ or 至)");
        continue;
      }
      while (i < s.size() && s[i] == ' ') ++i;
      WorkEntry w;
      w.from = from->date;
      if (starts_at(s, i, "至今")) {
        i += 6;
      } else if (starts_at(s, i, "今")) {
        i += 3;
      } else if (i < s.size() && is_digit(s[i])) {
        const auto until = date_at(s, i);
        if (!until) {
          not_read("the end of the range is not a date");
          continue;
        }
        w.until = until->date;
        i = until->end;
      }
      if (from->ambiguous)
        warn(field, "month_ambiguous",
             "a month written as one digit 1 is read as January (October is written .10)");
      w.text = clean_text(line.substr(origin[i]), false);
      r.work_history.push_back(std::move(w));
    }
  }
};

// ---- writing -------------------------------------------------------------------------------

// The form's month style: "YYYYMM" (or "YYYY.MM" in 简历 lines); the day is dropped.
std::string form_month(Date d, bool dotted) {
  char buf[16];
  std::snprintf(buf, sizeof buf, dotted ? "%04d.%02d" : "%04d%02d", static_cast<int>(d.year()),
                static_cast<int>(d.month().as_number()));
  return buf;
}

std::string form_day(Date d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", static_cast<int>(d.year()),
                static_cast<int>(d.month().as_number()), static_cast<int>(d.day()));
  return buf;
}

// A text the form can carry and read back: valid UTF-8, no control character (XML 1.0 cannot
// hold most of them; a line break would split 简历 into entries).
const std::string &form_text(const std::string &s, const std::string &path, const std::string &id) {
  if (!is_valid_utf8(s)) throw InvalidInput("not valid UTF-8", path, id);
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f)
      throw InvalidInput("a control character or line break cannot go on the form", path, id);
  return s;
}

void append_escaped(std::string &out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
}

}  // namespace

LrmxRead read_lrmx(std::string_view form, std::string_view record_id) {
  const std::string id(record_id);
  xml::Options options;
  options.limits.max_elements = kMaxFormElements;
  options.gb18030_fallback = true;
  xml::Document doc;
  try {
    doc = xml::parse_document(form, options, "lrmx");
  } catch (const InvalidInput &e) {
    // The XML layer's refusal, now naming the record: the field names the limit or rule.
    throw InvalidInput(e.message(), e.field(), id);
  }
  LrmxRead out = FormReader(doc, id).read();
  out.encoding = doc.encoding.name;
  if (doc.encoding.assumed)
    out.warnings.insert(out.warnings.begin(),
                        Problem{"lrmx", "encoding_assumed",
                                "no encoding declared and not UTF-8: read as GB18030"});
  return out;
}

Record record_from_lrmx(std::string_view form, std::string_view record_id) {
  LrmxRead read = read_lrmx(form, record_id);
  if (!read.warnings.empty()) {
    const Problem &w = read.warnings.front();
    throw InvalidInput(w.message + " (" + w.code + "; read_lrmx reads the form with its warnings)",
                       w.path, std::string(record_id));
  }
  return std::move(read.record);
}

std::string lrmx_read_to_json(const LrmxRead &read) {
  namespace json = boost::json;
  json::array warnings;
  for (const Problem &w : read.warnings)
    warnings.push_back(json::object{{"path", w.path}, {"code", w.code}, {"message", w.message}});
  // Members in a fixed order, the record as its canonical JSON.
  std::string out = "{\"record\":" + record_to_json(read.record);
  out += ",\"warnings\":" + json::serialize(warnings);
  out += ",\"encoding\":" + json::serialize(json::string(read.encoding)) + "}";
  return out;
}

std::string record_to_lrmx(const Record &r) {
  const Person &p = r.person;
  const std::string &id = r.id;
  if (p.birth_date.is_not_a_date()) throw InvalidInput("the date of birth is missing", "person.birth_date", id);
  if (r.reference_date.is_not_a_date())
    throw InvalidInput("the reference date is missing", "reference_date", id);
  if (form_text(p.name, "person.name", id).empty())
    throw InvalidInput("the name is missing", "person.name", id);
  if (!r.citizen_id.empty()) {
    form_text(r.citizen_id, "citizen_id", id);
    // The form's reader takes the birth date from the ID number: it must be a valid one.
    try {
      (void)parse_citizen_id(r.citizen_id, "citizen_id");
    } catch (const InvalidInput &) {
      throw InvalidInput("not a valid citizen ID number", "citizen_id", id);
    }
  }
  const Education *full_time = nullptr, *in_service = nullptr;
  for (std::size_t i = 0; i < r.education.size(); ++i) {
    const Education &e = r.education[i];
    std::string path = "education[" + std::to_string(i) + "]";
    const Education **slot = e.mode == "full_time" ? &full_time
                             : e.mode == "in_service" ? &in_service
                                                      : nullptr;
    if (slot == nullptr) throw InvalidInput("must be full_time or in_service", path + ".mode", id);
    if (*slot != nullptr)
      throw InvalidInput("the form holds one full-time and one in-service education line",
                         path + ".mode", id);
    if (form_text(e.level, path + ".level", id).empty())
      throw InvalidInput("the form needs the level of an education line", path + ".level", id);
    form_text(e.degree, path + ".degree", id);
    form_text(e.school, path + ".school", id);
    *slot = &e;
  }
  std::string jianli;
  for (std::size_t i = 0; i < r.work_history.size(); ++i) {
    const WorkEntry &w = r.work_history[i];
    std::string path = "work_history[" + std::to_string(i) + "]";
    if (w.from.is_not_a_date()) throw InvalidInput("not a date", path + ".from", id);
    if (w.until && w.until->is_not_a_date()) throw InvalidInput("not a date", path + ".until", id);
    form_text(w.text, path + ".text", id);
    if (!jianli.empty()) jianli += '\n';
    jianli += form_month(w.from, true) + "--";
    jianli += w.until ? form_month(*w.until, true) + "  " : std::string(8, ' ');
    jianli += w.text;
  }
  std::string party, ethnicity;
  try {
    ethnicity = ethnic_group(p.ethnicity).name_zh;
  } catch (const InvalidInput &) {
    throw InvalidInput("not a GB 3304 ethnic group", "person.ethnicity", id);
  }
  if (p.party_joined) {
    party = form_month(*p.party_joined, false);
  } else if (!p.political_status.empty()) {  // unknown: written empty, read back as unknown
    try {
      party = political_status(p.political_status).short_zh;
    } catch (const InvalidInput &) {
      throw InvalidInput("not a GB/T 4762 political status", "person.political_status", id);
    }
  }

  // The XML, in the layout Boost.PropertyTree's writer used (two-space indent, empty elements
  // as <X/>), so that forms written before and after compare equal.
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Person>\n";
  auto put = [&](std::string_view element, std::string_view value) {
    out += "  <";
    out += element;
    if (value.empty()) {
      out += "/>\n";
      return;
    }
    out += '>';
    append_escaped(out, value);
    out += "</";
    out += element;
    out += ">\n";
  };
  auto put_education = [&](std::string_view prefix, const Education *e) {
    const std::string pre(prefix);
    put(pre + "_XueLi", e ? e->level : "");
    put(pre + "_XueWei", e ? e->degree : "");
    put(pre + "_XueLi_BiYeYuanXiaoXi", e ? e->school : "");
    put(pre + "_XueWei_BiYeYuanXiaoXi", e && !e->degree.empty() ? e->school : "");
  };
  // The 34 elements in the order of the form (kElements); what the record does not hold is
  // written empty.
  put("XingMing", p.name);
  put("XingBie", p.sex == Sex::female ? "女" : "男");
  put("ChuShengNianYue", form_month(p.birth_date, false));
  put("MinZu", ethnicity);
  put("JiGuan", "");
  put("ChuShengDi", "");
  put("RuDangShiJian", party);
  put("CanJiaGongZuoShiJian", p.work_started ? form_month(*p.work_started, false) : "");
  put("JianKangZhuangKuang", "");
  put("ZhuanYeJiShuZhiWu", "");
  put("ShuXiZhuanYeYouHeZhuanChang", "");
  put_education("QuanRiZhiJiaoYu", full_time);
  put_education("ZaiZhiJiaoYu", in_service);
  put("XianRenZhiWu", form_text(r.current_post, "current_post", id));
  put("NiRenZhiWu", form_text(r.proposed_post, "proposed_post", id));
  put("NiMianZhiWu", "");
  put("JianLi", jianli);
  put("JiangChengQingKuang", "");
  put("NianDuKaoHeJieGuo", "");
  put("RenMianLiYou", "");
  put("JiaTingChengYuan", "");
  put("ChengBaoDanWei", "");
  put("JiSuanNianLingShiJian", form_day(r.reference_date));
  put("TianBiaoShiJian", form_day(r.reference_date));
  put("TianBiaoRen", "");
  put("ShenFenZheng", r.citizen_id);
  put("ZhaoPian", "");
  put("Version", lrmx_version);
  out += "</Person>\n";
  return out;
}

}  // namespace cadrekit::disclosure
