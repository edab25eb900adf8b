// The cadre record shared by every module, the national code lists it uses (GB 3304 ethnic
// groups, GB/T 4762 political status, GB/T 2261.1 sex), and 三龄 (age, party standing, years
// of work) as of a stated date.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cadrekit/core/date.hpp"

namespace cadrekit {

/// GB/T 2261.1 sex codes.
enum class Sex : int { male = 1, female = 2 };
/// Accepts "1"/"2", "男"/"女", "male"/"female" (any case); InvalidInput naming `field`.
Sex parse_sex(std::string_view text, std::string_view field = "sex");

/// One entry of a code list.
struct CodeEntry {
  std::string code;      ///< "01"
  std::string name_zh;   ///< "汉族" / "中国共产党党员"
  std::string short_zh;  ///< short name ("中共党员"); for ethnic groups the same as name_zh
  std::string name_en;   ///< romanised name ("Han") where the list has one, else empty
};

/// GB 3304: the 56 ethnic groups. Lookup as the vocabulary's table reads it
/// (vocabulary::ethnic_group_codes(): the two-digit code, the Chinese name with or without the
/// trailing 族, the romanised name in any case); InvalidInput naming `field` for anything else.
const std::vector<CodeEntry> &ethnic_groups();
const CodeEntry &ethnic_group(std::string_view code_or_name, std::string_view field = "ethnicity");

/// GB/T 4762: political status 01–13. Lookup by code, full name or short name.
const std::vector<CodeEntry> &political_statuses();
const CodeEntry &political_status(std::string_view code_or_name,
                                  std::string_view field = "political_status");

/// Ranks of leading cadres, lowest first (the order is used for comparisons).
enum class Rank : int {
  keyuan = 0,      ///< 科员
  fu_ke = 1,       ///< 副科级
  zheng_ke = 2,    ///< 正科级
  fu_chu = 3,      ///< 副处级 (县处级副职)
  zheng_chu = 4,   ///< 正处级
  fu_ting = 5,     ///< 副厅级
  zheng_ting = 6,  ///< 正厅级
};
/// Accepts the enum's name ("fu_ke") or Chinese ("副科", "副科级"); InvalidInput otherwise.
Rank parse_rank(std::string_view text, std::string_view field = "rank");
const char *rank_name(Rank r) noexcept;     ///< "fu_ke"
const char *rank_name_zh(Rank r) noexcept;  ///< "副科级"

/// A post held: unit, title, rank, from (inclusive) and until (exclusive; empty = current).
struct Post {
  std::string unit;
  std::string title;
  Rank rank = Rank::keyuan;
  Date from;
  std::optional<Date> until;
};
bool operator==(const Post &a, const Post &b);

/// The cadre record. `id` is the caller's record key (not the citizen ID number).
struct Person {
  std::string id;
  std::string name;
  Sex sex = Sex::male;
  Date birth_date;
  std::string ethnicity = "01";         ///< GB 3304 code
  std::string political_status = "13"; ///< GB/T 4762 code; "" = unknown (not stated on the
                                        ///< source): whatever needs it refuses (InvalidInput)
  std::optional<Date> party_joined;     ///< date joined the CPC (as probationary member)
  std::optional<Date> work_started;
  std::string education;                ///< highest education, free text (e.g. "大学本科")
  Rank rank = Rank::keyuan;
  std::string unit;
  std::vector<Post> posts;
};
/// Member-wise equality (codes compared as stored).
bool operator==(const Person &a, const Person &b);

/// 三龄 as of a date, in whole years. party_years is empty for a non-member; work_years empty
/// when no start date is known.
struct ThreeAges {
  int age = 0;
  std::optional<int> party_years;
  std::optional<int> work_years;
  friend bool operator==(const ThreeAges &, const ThreeAges &) = default;
};
/// InvalidInput (naming the field and p.id) when as_of is before the birth date, or a dated
/// event lies after as_of or before birth.
ThreeAges three_ages(const Person &p, Date as_of);

/// "None" in the party_years / work_years columns of three_ages_columns (and of the C ABI's
/// ck_three_ages / ck_three_ages_batch): the row has no such date.
inline constexpr std::int32_t kNoYears = -1;

/// 三龄 of many people as of one date, on columns of day numbers (days since 1970-01-01; int32
/// as ck_date, int64 as NumPy datetime64[D]). The rule is the scalar three_ages's, computed by
/// the same code: whole years, a 29 February anniversary falls on 1 March in common years, the
/// anniversary itself counts (a birthday on the as-of date adds the year).
/// - birth: required in every row ("no date" there is an error);
/// - party_joined / work_started: kNoDay32 / kNoDay64 (NaT) where the person has no such date,
///   or an empty span when no row has one. A date of joining counts as a member's: pass "no date"
///   for non-members (the columns carry no political status);
/// - out: age, party_years, work_years, each as long as birth; kNoYears where the date is absent.
/// All or nothing: every row is checked first; the first bad row raises InvalidInput with the
/// scalar call's message and field (birth_date, as_of, party_joined, work_started) and record
/// "row <i>", and the outputs are untouched. No allocation; thread-safe.
void three_ages_columns(std::span<const std::int32_t> birth,
                        std::span<const std::int32_t> party_joined,
                        std::span<const std::int32_t> work_started, Date as_of,
                        std::span<std::int32_t> age, std::span<std::int32_t> party_years,
                        std::span<std::int32_t> work_years);
void three_ages_columns(std::span<const std::int64_t> birth,
                        std::span<const std::int64_t> party_joined,
                        std::span<const std::int64_t> work_started, Date as_of,
                        std::span<std::int32_t> age, std::span<std::int32_t> party_years,
                        std::span<std::int32_t> work_years);

bool is_woman(const Person &p);
/// Any ethnic group but 汉族 (code 01).
bool is_ethnic_minority(const Person &p);
/// Not a CPC member (01) or probationary member (02).
bool is_non_party(const Person &p);

/// Checks a record: known codes, dates in order (birth < party / work start <= posts), posts not
/// overlapping in time at the same unit. InvalidInput names the first bad field and p.id.
void validate(const Person &p);

}  // namespace cadrekit
