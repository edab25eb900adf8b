// The one vocabulary of input values: how the texts a county office writes in a table cell or a
// JSON string (a flag, a factor level, a date, a period, a number, a code) are read, the same
// way on every surface (command line, C JSON calls, Python). Every parser returns the value or
// throws InvalidInput naming the field and the record, with a message saying what was expected;
// no message repeats the text read (it may be personal data).
//
// Accepted everywhere, before the kind's own spellings are matched:
// - spaces around the text (ASCII, no-break and the ideographic space U+3000) are ignored;
// - full-width forms of ASCII characters (０-９, －, ／, ．, Ｑ, …, as a Chinese input method types
//   them) and the minus sign U+2212 read as their ASCII counterparts.
// docs/input.md is generated from this vocabulary (`cadrekit vocabulary --markdown`).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cadrekit/core/date.hpp"
#include "cadrekit/core/number.hpp"

namespace cadrekit::vocabulary {

/// The text with surrounding spaces removed and full-width ASCII forms (and U+2212) made ASCII.
std::string normalise(std::string_view text);
/// True when the text is empty or only spaces: a missing value.
bool blank(std::string_view text);

// --- flags ---------------------------------------------------------------------------------
/// 1/0, true/false and yes/no (any case), 是/否. Message: "expected 1 or 0, true or false, 是 or 否".
bool parse_flag(std::string_view text, std::string_view field, std::string_view record = {});
/// A blank text is std::nullopt.
std::optional<bool> parse_opt_flag(std::string_view text, std::string_view field,
                                   std::string_view record = {});

// --- small counts and factor levels ----------------------------------------------------------
/// A whole number 0…max; a flag spelling other than 1/0 (是/否, true/false, yes/no) reads as 1/0.
/// Message names the range: "expected 0, 1 or 2, or 是/否 for 1/0".
std::int32_t parse_level(std::string_view text, std::int32_t max, std::string_view field,
                         std::string_view record = {});
/// What parse_level expects for `max`: "0, 1 or 2, or 是/否 for 1/0".
std::string level_expectation(std::int32_t max);

// --- dates -----------------------------------------------------------------------------------
/// `2014-01-01`, `2014-1-1`, `2014/1/1`, `2014.1.1`, `2014年1月1日` and `20140101` (four-digit
/// year, month and day checked against the calendar). A time of day is refused: a date is meant.
Date parse_date(std::string_view text, std::string_view field, std::string_view record = {});
std::optional<Date> parse_opt_date(std::string_view text, std::string_view field,
                                   std::string_view record = {});
/// The date of an Excel serial number (1900 date system: 1 is 1900-01-01, Excel's phantom
/// 1900-02-29 is 60), for a cell the caller knows was a number. 1…2958465 (9999-12-31).
Date date_from_excel_serial(std::int64_t serial, std::string_view field, std::string_view record = {});
/// The same under the workbook's date system: `date1904` (a workbook's date1904 flag) counts
/// from 1904-01-01 = 0, to 2957003 (9999-12-31).
Date date_from_excel_serial(std::int64_t serial, bool date1904, std::string_view field,
                            std::string_view record = {});

// --- periods ---------------------------------------------------------------------------------
/// A quarter of a year, or the whole year (quarter 0).
struct Period {
  int year = 0;
  int quarter = 0;  ///< 1…4; 0: the year (the annual period)
  /// The canonical text: "2016Q2", or "2016" for the year.
  std::string code() const;
  friend bool operator==(const Period &, const Period &) = default;
};
/// `2016Q2`, `2016q2`, `2016-Q2`, `2016年第二季度`, `2016年二季度`, `2016年第2季度`, `2016年2季度`;
/// the year `2016`, `2016年`, `2016年度` for the annual period.
Period parse_period(std::string_view text, std::string_view field, std::string_view record = {});

// --- numbers ---------------------------------------------------------------------------------
/// A whole number: an optional sign and up to 18 digits. Message: "expected a whole number".
std::int64_t parse_whole(std::string_view text, std::string_view field, std::string_view record = {});
/// A blank text is std::nullopt.
std::optional<std::int64_t> parse_opt_whole(std::string_view text, std::string_view field,
                                            std::string_view record = {});
/// An exact decimal number ("12", "-0.35", "7,000.5"; parse_decimal after normalising).
Rational parse_number(std::string_view text, std::string_view field, std::string_view record = {});

// --- code tables -----------------------------------------------------------------------------
/// One code of a table: the code, its Chinese and English labels, and other accepted spellings
/// ('|'-separated; empty when none).
struct Code {
  std::string_view code, zh, en, aliases;
};
/// A kind of code ("village_post", "rating"): the modules' parsers call parse_code with it; a
/// code's index in `codes` is the value of the module's enum.
struct CodeTable {
  std::string_view kind, zh, en;
  std::span<const Code> codes;
};
/// The index of the code spelt `text` (its code, Chinese or English label, or an alias; codes
/// and English labels in any case), or InvalidInput "expected one of: a (甲), b (乙)".
std::size_t parse_code(const CodeTable &table, std::string_view text, std::string_view field,
                       std::string_view record = {});
/// The index, or std::nullopt when the text is none of the table's spellings.
std::optional<std::size_t> find_code(const CodeTable &table, std::string_view text);

/// What parse_code expects of `table`: "expected one of: a (甲), b (乙)".
std::string code_expectation(const CodeTable &table);
/// The table of `kind` ("audit_kind", "sex", …), or nullptr.
const CodeTable *code_table(std::string_view kind) noexcept;

const CodeTable &village_posts();    ///< secretary, director, both (village::Post)
const CodeTable &village_grades();   ///< excellent, basic, unqualified, not_graded (village::Grade)
const CodeTable &ratings();          ///< assessment ratings, 优秀/称职/基本称职/不称职… (assessment::Rating)
const CodeTable &assessment_kinds();    ///< annual, key_work, party_conduct, review (assessment::Kind)
const CodeTable &assessment_domains();  ///< township, subdistrict, farm, department (assessment::Domain)
const CodeTable &assessment_methods();  ///< reports, talks, …; index i is the bit 1 << i of a method mask
const CodeTable &finding_sources();     ///< qualitative, audit (assessment::FindingSource)
const CodeTable &aspects();             ///< none, discipline, … (assessment::Aspect)
const CodeTable &finding_classes();     ///< other, muddled_view, … (assessment::FindingClass)
const CodeTable &severities();          ///< minor, moderate, serious, grave (assessment::Severity)
const CodeTable &disposal_stages();     ///< none, motion, … (assessment::Stage)
const CodeTable &disposal_methods();    ///< dismissal, demotion, … (assessment::DisposalMethod)
const CodeTable &follow_up_kinds();     ///< monthly_talk, quarterly_visit (assessment::FollowUpKind)
const CodeTable &promotion_gates();     ///< post_quota, motion, … (assessment::Gate)
const CodeTable &audit_levels();        ///< special, 1, 2, 3 (audit::Level)
const CodeTable &audit_kinds();         ///< in_term, departure, … (audit::AuditKind)
const CodeTable &audit_findings();      ///< none, minor, serious, referred (audit::Finding)
const CodeTable &sexes();               ///< 1 (男), 2 (女): GB/T 2261.1; index + 1 is cadrekit::Sex
const CodeTable &ranks();               ///< keyuan, fu_ke, … (cadrekit::Rank)
const CodeTable &political_status_codes();  ///< GB/T 4762 01…13; index + 1 is the code's number
const CodeTable &ethnic_group_codes();  ///< GB 3304 01…56 (汉族, 蒙古族, …); index + 1 is the code's number
const CodeTable &talent_pools();        ///< echelon1, echelon2, nvshaofei (talent::Pool)
const CodeTable &posting_kinds();       ///< post, village_residency, … (talent::PostingKind)
/// Every table above, in the order docs/input.md lists them.
std::span<const CodeTable *const> code_tables();

// --- the vocabulary as data ------------------------------------------------------------------
/// One kind of value: its name, what it accepts, examples, and what an error says is expected.
struct Entry {
  std::string kind;      ///< "flag", "level", "date", "period", "whole", "number", "code:<kind>"
  std::string title;     ///< a short English title, with the Chinese one
  std::string accepted;  ///< the accepted spellings, in prose
  std::vector<std::string> examples;  ///< texts accepted (with what they read as)
  std::string expected;  ///< the "expected …" of the error message
};
std::vector<Entry> entries();
/// docs/input.md: the vocabulary as a Markdown page.
std::string markdown();

}  // namespace cadrekit::vocabulary
