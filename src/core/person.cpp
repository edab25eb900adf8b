// The cadre record: the national code lists (parsed once from the embedded CSVs), sex and rank
// parsing, 三龄, the group helpers and validate().
#include "cadrekit/core/person.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/vocabulary.hpp"
#include "embedded.hpp"
#include "core/person_detail.hpp"
#include "core/text.hpp"

namespace cadrekit {

namespace {

[[noreturn]] void bad_embedded(const char *what) {
  throw Error(ErrorCode::internal, std::string("embedded code list is malformed: ") + what);
}

// Rows of an embedded code list: '#' comment lines and the header skipped, fields trimmed.
std::vector<std::vector<std::string_view>> csv_rows(std::string_view text, std::string_view header,
                                                    std::size_t columns, const char *what) {
  std::vector<std::vector<std::string_view>> rows;
  bool seen_header = false;
  for (std::string_view line : text_util::split_lines(text)) {
    line = text_util::trim(text_util::strip_bom(line));
    if (line.empty() || line.front() == '#') continue;
    if (!seen_header) {
      if (line != header) bad_embedded(what);
      seen_header = true;
      continue;
    }
    auto fields = text_util::split(line, ',');
    if (fields.size() != columns) bad_embedded(what);
    for (auto &f : fields) f = text_util::trim(f);
    rows.push_back(std::move(fields));
  }
  return rows;
}

bool is_two_digit_code(std::string_view s) {
  return s.size() == 2 && s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9';
}

std::vector<CodeEntry> load_ethnic_groups() {
  std::vector<CodeEntry> out;
  for (const auto &f : csv_rows(embedded::ethnic_gb3304_csv_text(), "code,name_zh,roman,letter_code",
                                4, "ethnic_gb3304.csv")) {
    if (!is_two_digit_code(f[0]) || f[1].empty()) bad_embedded("ethnic_gb3304.csv");
    out.push_back(CodeEntry{std::string(f[0]), std::string(f[1]), std::string(f[1]),
                            std::string(f[2])});
  }
  if (out.size() != 56) bad_embedded("ethnic_gb3304.csv: not 56 groups");
  return out;
}

std::vector<CodeEntry> load_political_statuses() {
  std::vector<CodeEntry> out;
  for (const auto &f : csv_rows(embedded::political_status_gb4762_csv_text(),
                                "code,full_name,short_name", 3, "political_status_gb4762.csv")) {
    if (!is_two_digit_code(f[0]) || f[1].empty() || f[2].empty())
      bad_embedded("political_status_gb4762.csv");
    out.push_back(CodeEntry{std::string(f[0]), std::string(f[1]), std::string(f[2]), {}});
  }
  if (out.size() != 13) bad_embedded("political_status_gb4762.csv: not 13 statuses");
  return out;
}

// The ranks' Chinese names as rank_name_zh writes them (the vocabulary's labels).
const char *rank_zh(std::size_t i) noexcept { return vocabulary::ranks().codes[i].zh.data(); }
const char *rank_code(std::size_t i) noexcept { return vocabulary::ranks().codes[i].code.data(); }

void require_date(Date d, const std::string &field, const std::string &record) {
  if (d.is_special()) throw InvalidInput("the date is not set", field, record);
}

bool is_party_member(const Person &p) {
  if (p.political_status.empty())
    throw InvalidInput("the political status is unknown", "political_status", p.id);
  const CodeEntry *e = detail::find_political_status(p.political_status);
  if (e == nullptr)
    throw InvalidInput(vocabulary::code_expectation(vocabulary::political_status_codes()), "political_status", p.id);
  return e->code == "01" || e->code == "02";
}

}  // namespace

// ---- private look-ups ----------------------------------------------------------------------

namespace detail {

const CodeEntry *find_ethnic_group(std::string_view text) noexcept {
  try {
    // The vocabulary's table lists the groups in the order of the code list (01…56).
    if (auto i = vocabulary::find_code(vocabulary::ethnic_group_codes(), text)) return &ethnic_groups().at(*i);
  } catch (...) {
  }
  return nullptr;
}

const CodeEntry *find_political_status(std::string_view text) noexcept {
  try {
    text = text_util::trim(text);
    if (text.empty()) return nullptr;
    // The vocabulary's table lists the statuses in the order of the code list (01…13).
    if (auto i = vocabulary::find_code(vocabulary::political_status_codes(), text))
      return &political_statuses().at(*i);
  } catch (...) {
  }
  return nullptr;
}

std::optional<Sex> sex_from_text(std::string_view text) noexcept {
  try {
    if (auto i = vocabulary::find_code(vocabulary::sexes(), text)) return static_cast<Sex>(*i + 1);
  } catch (...) {
  }
  return std::nullopt;
}

std::optional<Rank> rank_from_text(std::string_view text) noexcept {
  try {
    if (auto i = vocabulary::find_code(vocabulary::ranks(), text)) return static_cast<Rank>(*i);
  } catch (...) {
  }
  return std::nullopt;
}

bool is_valid_rank(Rank r) noexcept {
  int v = static_cast<int>(r);
  return v >= static_cast<int>(Rank::keyuan) && v <= static_cast<int>(Rank::zheng_ting);
}

bool is_valid_sex(Sex s) noexcept { return s == Sex::male || s == Sex::female; }

}  // namespace detail

// ---- code lists ----------------------------------------------------------------------------

const std::vector<CodeEntry> &ethnic_groups() {
  static const std::vector<CodeEntry> list = load_ethnic_groups();
  return list;
}

const CodeEntry &ethnic_group(std::string_view code_or_name, std::string_view field) {
  if (const CodeEntry *e = detail::find_ethnic_group(code_or_name)) return *e;
  throw InvalidInput("not a GB 3304 ethnic group code or name", std::string(field));
}

const std::vector<CodeEntry> &political_statuses() {
  static const std::vector<CodeEntry> list = load_political_statuses();
  return list;
}

const CodeEntry &political_status(std::string_view code_or_name, std::string_view field) {
  if (const CodeEntry *e = detail::find_political_status(code_or_name)) return *e;
  throw InvalidInput(vocabulary::code_expectation(vocabulary::political_status_codes()), std::string(field));
}

Sex parse_sex(std::string_view text, std::string_view field) {
  if (auto s = detail::sex_from_text(text)) return *s;
  throw InvalidInput(vocabulary::code_expectation(vocabulary::sexes()), std::string(field));
}

Rank parse_rank(std::string_view text, std::string_view field) {
  if (auto r = detail::rank_from_text(text)) return *r;
  throw InvalidInput(vocabulary::code_expectation(vocabulary::ranks()), std::string(field));
}

const char *rank_name(Rank r) noexcept {
  return detail::is_valid_rank(r) ? rank_code(static_cast<std::size_t>(r)) : "unknown";
}

const char *rank_name_zh(Rank r) noexcept {
  return detail::is_valid_rank(r) ? rank_zh(static_cast<std::size_t>(r)) : "未知";
}

// ---- the record ----------------------------------------------------------------------------

bool operator==(const Post &a, const Post &b) {
  return a.unit == b.unit && a.title == b.title && a.rank == b.rank && a.from == b.from &&
         a.until == b.until;
}

bool operator==(const Person &a, const Person &b) {
  return a.id == b.id && a.name == b.name && a.sex == b.sex && a.birth_date == b.birth_date &&
         a.ethnicity == b.ethnicity && a.political_status == b.political_status &&
         a.party_joined == b.party_joined && a.work_started == b.work_started &&
         a.education == b.education && a.rank == b.rank && a.unit == b.unit &&
         a.posts == b.posts;
}

namespace {

// 三龄: the one implementation, on day numbers, shared by three_ages() and three_ages_columns().
// check_ages() says whether a row is acceptable (comparisons of day numbers only); ages_of()
// computes whole years from (year, month, day) keys: years = Δyear − (the anniversary has not
// come yet), where "not yet" compares (month, day) — so a 29 February anniversary falls on
// 1 March in common years, exactly as whole_years_between() does.
using i64 = std::int64_t;

const i64 kMinAgeDay = to_days(min_date());
const i64 kMaxAgeDay = to_days(max_date());

enum class AgeFault : std::uint8_t {
  none, birth_missing, birth_range, as_of_before_birth,
  party_range, party_before_birth, party_after_as_of,
  work_range, work_before_birth, work_after_as_of,
};

// A date that may be absent.
struct Day {
  i64 day;
  bool has;
};

AgeFault check_event(Day e, i64 birth, i64 as_of, AgeFault range) {
  if (!e.has) return AgeFault::none;
  if (e.day < kMinAgeDay || e.day > kMaxAgeDay) return range;
  if (e.day < birth) return static_cast<AgeFault>(static_cast<int>(range) + 1);  // before birth
  if (e.day > as_of) return static_cast<AgeFault>(static_cast<int>(range) + 2);  // after as-of
  return AgeFault::none;
}

AgeFault check_ages(Day birth, Day party, Day work, i64 as_of) {
  if (!birth.has) return AgeFault::birth_missing;
  if (birth.day < kMinAgeDay || birth.day > kMaxAgeDay) return AgeFault::birth_range;
  if (as_of < birth.day) return AgeFault::as_of_before_birth;
  AgeFault f = check_event(party, birth.day, as_of, AgeFault::party_range);
  if (f != AgeFault::none) return f;
  return check_event(work, birth.day, as_of, AgeFault::work_range);
}

// Whole years from day x to the as-of date t = (year of t − year of x) − (x's (month, day) comes
// after t's), the rule of whole_years_between(): a 29 February anniversary falls on 1 March in
// common years. Done by tables rather than a full date decomposition a row: the year of x from
// an estimate corrected against a table of 1 January day numbers, then the (month, day)
// comparison as x's day of its year against t's (month, day) as a day of a leap or of a common
// year (t = 29 February counts as 28 February in a common year: a common-year date is "after"
// it from 1 March on).
constexpr int kFirstYear = 1399, kLastYear = 10001;

i64 days_from_civil(i64 y, unsigned m, unsigned d) {  // H. Hinnant's algorithm, y >= 0
  y -= m <= 2 ? 1 : 0;
  const i64 era = y / 400;
  const i64 yoe = y - era * 400;
  const i64 doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const i64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

const std::array<std::int32_t, kLastYear - kFirstYear + 2> &year_starts() {
  static const auto table = [] {
    std::array<std::int32_t, kLastYear - kFirstYear + 2> t{};
    for (int y = kFirstYear; y <= kLastYear + 1; ++y)
      t[static_cast<std::size_t>(y - kFirstYear)] = static_cast<std::int32_t>(days_from_civil(y, 1, 1));
    return t;
  }();
  return table;
}

struct AsOfKey {
  i64 year;
  i64 limit_leap, limit_common;  // the as-of (month, day) as a 0-based day of a leap / common year
  const std::int32_t *starts;    // year_starts().data(), indexed by year - kFirstYear
};

AsOfKey as_of_key(i64 t) {
  const auto &st = year_starts();
  AsOfKey k{};
  k.starts = st.data();
  i64 y = (t + 719468) * 400 / 146097;
  while (st[static_cast<std::size_t>(y + 1 - kFirstYear)] <= t) ++y;
  while (st[static_cast<std::size_t>(y - kFirstYear)] > t) --y;
  k.year = y;
  const i64 jan1 = st[static_cast<std::size_t>(y - kFirstYear)];
  const i64 len = st[static_cast<std::size_t>(y + 1 - kFirstYear)] - jan1;
  const i64 doy = t - jan1;
  // Day of the as-of (month, day) in each kind of year: from March on a common year is one day
  // behind; 29 February itself maps to 28 February of a common year.
  if (len == 366) {
    k.limit_leap = doy;
    k.limit_common = doy >= 59 ? doy - 1 : doy;  // 29 February (59) -> 28 February (58)
  } else {
    k.limit_common = doy;
    k.limit_leap = doy >= 59 ? doy + 1 : doy;
  }
  return k;
}

inline std::int32_t years_to(i64 x, const AsOfKey &a) {
  i64 y = (x + 719468) * 400 / 146097;  // within one year of x's year
  const std::int32_t *st = a.starts - kFirstYear;
  y += st[y + 1] <= x ? 1 : 0;
  y -= st[y] > x ? 1 : 0;
  const i64 jan1 = st[y];
  const i64 limit = st[y + 1] - jan1 == 366 ? a.limit_leap : a.limit_common;
  return static_cast<std::int32_t>(a.year - y - (x - jan1 > limit ? 1 : 0));
}

struct Ages {
  std::int32_t age, party, work;
};

// A row that passed check_ages. An absent date is computed as the birth date and its result
// replaced by kNoYears, so that no branch depends on which rows have the date (random in a
// column: a mispredicted branch costs more than the arithmetic).
inline Ages ages_of(Day birth, Day party, Day work, const AsOfKey &t) {
  const std::int32_t p = years_to(party.has ? party.day : birth.day, t);
  const std::int32_t w = years_to(work.has ? work.day : birth.day, t);
  return {years_to(birth.day, t), party.has ? p : kNoYears, work.has ? w : kNoYears};
}

[[noreturn]] void throw_age_fault(AgeFault f, std::string record) {
  static constexpr const char *range = "day number outside the supported range 1400-01-01..9999-12-31";
  static constexpr const char *before = "the date is before the date of birth";
  static constexpr const char *after = "the date is after the as-of date";
  switch (f) {
    case AgeFault::birth_missing: throw InvalidInput("the date is not set", "birth_date", std::move(record));
    case AgeFault::birth_range: throw InvalidInput(range, "birth_date", std::move(record));
    case AgeFault::as_of_before_birth:
      throw InvalidInput("the as-of date is before the date of birth", "as_of", std::move(record));
    case AgeFault::party_range: throw InvalidInput(range, "party_joined", std::move(record));
    case AgeFault::party_before_birth: throw InvalidInput(before, "party_joined", std::move(record));
    case AgeFault::party_after_as_of: throw InvalidInput(after, "party_joined", std::move(record));
    case AgeFault::work_range: throw InvalidInput(range, "work_started", std::move(record));
    case AgeFault::work_before_birth: throw InvalidInput(before, "work_started", std::move(record));
    default: throw InvalidInput(after, "work_started", std::move(record));
  }
}

Day day_of(const std::optional<Date> &d, const char *field, const std::string &record) {
  if (!d) return {0, false};
  require_date(*d, field, record);
  return {to_days(*d), true};
}

template <class T>
void ages_columns(std::span<const T> birth, std::span<const T> party, std::span<const T> work,
                  Date as_of, std::span<std::int32_t> age, std::span<std::int32_t> party_years,
                  std::span<std::int32_t> work_years) {
  const std::size_t n = birth.size();
  auto same = [n](std::size_t got, const char *field, bool may_be_empty) {
    if (got != n && !(may_be_empty && got == 0))
      throw InvalidInput(std::string("the column ") + field + " has " + std::to_string(got) +
                             " rows, birth_date has " + std::to_string(n),
                         field);
  };
  same(party.size(), "party_joined", true);
  same(work.size(), "work_started", true);
  same(age.size(), "age", false);
  same(party_years.size(), "party_years", false);
  same(work_years.size(), "work_years", false);
  require_date(as_of, "as_of", {});
  const i64 t = to_days(as_of);
  const AsOfKey t_key = as_of_key(t);
  constexpr T none = std::is_same_v<T, std::int32_t> ? static_cast<T>(kNoDay32)
                                                     : static_cast<T>(kNoDay64);
  const bool has_party = !party.empty(), has_work = !work.empty();
  auto row = [&](std::size_t i, Day &b, Day &p, Day &w) {
    b = {static_cast<i64>(birth[i]), birth[i] != none};
    p = has_party ? Day{static_cast<i64>(party[i]), party[i] != none} : Day{0, false};
    w = has_work ? Day{static_cast<i64>(work[i]), work[i] != none} : Day{0, false};
  };
  Day b, p, w;
  i64 first = t;  // the earliest birth: every date of a valid row lies in first..t
  for (std::size_t i = 0; i < n; ++i) {  // validate every row first: all or nothing
    row(i, b, p, w);
    first = std::min(first, b.day);
    // Fast test without data-dependent branches; check_ages() classifies a bad row.
    const bool birth_ok = b.has & (b.day >= kMinAgeDay) & (b.day <= t);
    const bool party_ok = (!p.has) | ((p.day >= b.day) & (p.day <= t));
    const bool work_ok = (!w.has) | ((w.day >= b.day) & (w.day <= t));
    if (birth_ok & party_ok & work_ok) continue;
    AgeFault f = check_ages(b, p, w, t);
    if (f != AgeFault::none) throw_age_fault(f, "row " + std::to_string(i + 1));
  }
  // The years to the as-of date of each day from the earliest birth on, computed once, where
  // that span is at most half as many days as there are rows (a column of people: a few decades
  // of birthdays): each row then reads three entries of a table that stays in the cache.
  const auto span = static_cast<std::size_t>(t - first + 1);
  if (n > 0 && span <= n / 2) {
    std::vector<std::int32_t> years(span);
    for (std::size_t d = 0; d < span; ++d) years[d] = years_to(first + static_cast<i64>(d), t_key);
    auto y = [&years, first](i64 day) { return years[static_cast<std::size_t>(day - first)]; };
    for (std::size_t i = 0; i < n; ++i) {
      row(i, b, p, w);
      const std::int32_t py = y(p.has ? p.day : b.day), wy = y(w.has ? w.day : b.day);
      age[i] = y(b.day);
      party_years[i] = p.has ? py : kNoYears;
      work_years[i] = w.has ? wy : kNoYears;
    }
    return;
  }
  for (std::size_t i = 0; i < n; ++i) {
    row(i, b, p, w);
    const Ages a = ages_of(b, p, w, t_key);
    age[i] = a.age;
    party_years[i] = a.party;
    work_years[i] = a.work;
  }
}

}  // namespace

ThreeAges three_ages(const Person &p, Date as_of) {
  require_date(p.birth_date, "birth_date", p.id);
  require_date(as_of, "as_of", p.id);
  const Day birth{to_days(p.birth_date), true};
  const i64 t = to_days(as_of);
  if (t < birth.day)
    throw InvalidInput("the as-of date is before the date of birth", "as_of", p.id);
  const Day party = day_of(p.party_joined, "party_joined", p.id);
  const Day work = day_of(p.work_started, "work_started", p.id);
  AgeFault f = check_ages(birth, party, work, t);
  if (f != AgeFault::none) throw_age_fault(f, p.id);
  const Ages a = ages_of(birth, party, work, as_of_key(t));
  ThreeAges out;
  out.age = a.age;
  if (work.has) out.work_years = a.work;
  if (party.has && is_party_member(p)) out.party_years = a.party;
  return out;
}

void three_ages_columns(std::span<const std::int32_t> birth,
                        std::span<const std::int32_t> party_joined,
                        std::span<const std::int32_t> work_started, Date as_of,
                        std::span<std::int32_t> age, std::span<std::int32_t> party_years,
                        std::span<std::int32_t> work_years) {
  ages_columns<std::int32_t>(birth, party_joined, work_started, as_of, age, party_years, work_years);
}

void three_ages_columns(std::span<const std::int64_t> birth,
                        std::span<const std::int64_t> party_joined,
                        std::span<const std::int64_t> work_started, Date as_of,
                        std::span<std::int32_t> age, std::span<std::int32_t> party_years,
                        std::span<std::int32_t> work_years) {
  ages_columns<std::int64_t>(birth, party_joined, work_started, as_of, age, party_years, work_years);
}

bool is_woman(const Person &p) {
  if (!detail::is_valid_sex(p.sex))
    throw InvalidInput("not a GB/T 2261.1 sex code (1 male, 2 female)", "sex", p.id);
  return p.sex == Sex::female;
}

bool is_ethnic_minority(const Person &p) {
  const CodeEntry *e = detail::find_ethnic_group(p.ethnicity);
  if (e == nullptr) throw InvalidInput("not a GB 3304 ethnic group code or name", "ethnicity", p.id);
  return e->code != "01";
}

bool is_non_party(const Person &p) { return !is_party_member(p); }

void validate(const Person &p) {
  const std::string &rec = p.id;
  require_date(p.birth_date, "birth_date", rec);
  if (!detail::is_valid_sex(p.sex))
    throw InvalidInput("not a GB/T 2261.1 sex code (1 male, 2 female)", "sex", rec);
  const CodeEntry *eth = detail::find_ethnic_group(p.ethnicity);
  if (eth == nullptr || eth->code != p.ethnicity)
    throw InvalidInput("not a GB 3304 ethnic group code", "ethnicity", rec);
  if (p.political_status.empty()) {  // unknown: nothing may be derived from it
    if (p.party_joined)
      throw InvalidInput("a date of joining the CPC with an unknown political status",
                         "political_status", rec);
  } else {
    const CodeEntry *pol = detail::find_political_status(p.political_status);
    if (pol == nullptr || pol->code != p.political_status)
      throw InvalidInput("not a GB/T 4762 political status code", "political_status", rec);
  }
  if (!detail::is_valid_rank(p.rank)) throw InvalidInput("not a rank", "rank", rec);
  auto after_birth = [&](const std::optional<Date> &d, const std::string &field) {
    if (!d) return;
    require_date(*d, field, rec);
    if (*d <= p.birth_date)
      throw InvalidInput("the date must be after the date of birth", field, rec);
  };
  after_birth(p.party_joined, "party_joined");
  after_birth(p.work_started, "work_started");
  for (std::size_t i = 0; i < p.posts.size(); ++i) {
    const Post &post = p.posts[i];
    const std::string at = "posts[" + std::to_string(i) + "]";
    if (!detail::is_valid_rank(post.rank)) throw InvalidInput("not a rank", at + ".rank", rec);
    after_birth(post.from, at + ".from");
    if (p.work_started && post.from < *p.work_started)
      throw InvalidInput("a post cannot begin before work_started", at + ".from", rec);
    if (post.until) {
      require_date(*post.until, at + ".until", rec);
      if (*post.until <= post.from)
        throw InvalidInput("until (exclusive) must be after from", at + ".until", rec);
    }
  }
  // Two posts at the same unit must not overlap: [from, until) with an empty until = open.
  for (std::size_t j = 0; j < p.posts.size(); ++j) {
    for (std::size_t i = 0; i < j; ++i) {
      const Post &a = p.posts[i], &b = p.posts[j];
      if (a.unit != b.unit) continue;
      bool a_before_b_ends = !b.until || a.from < *b.until;
      bool b_before_a_ends = !a.until || b.from < *a.until;
      if (a_before_b_ends && b_before_a_ends)
        throw InvalidInput("overlaps posts[" + std::to_string(i) + "] at the same unit",
                           "posts[" + std::to_string(j) + "]", rec);
    }
  }
}

}  // namespace cadrekit
