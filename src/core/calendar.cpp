// WorkCalendar: O(1) working-day arithmetic.
//
// Every day gets a "working-day index" W(x) = number of working days before x, counted from a
// fixed Monday far in the past. Inside the coverage W comes from a prefix-sum table built once
// from the holiday data; outside it (lenient calendars only) from the closed form for
// "Monday to Friday". Adding n working days is then W plus n followed by the inverse of W
// (a table lookup or the closed form): no loop over days, whatever n is.
#include "cadrekit/core/calendar.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "cadrekit/core/errors.hpp"
#include "embedded.hpp"
#include "core/text.hpp"

namespace cadrekit {

namespace {

using i64 = std::int64_t;

// Day numbers are days since 1970-01-01; 1969-12-29 (day -3) is a Monday.
constexpr i64 kMonday = -3;

i64 floor_div(i64 a, i64 b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Weekdays (Mon–Fri) in [kMonday, x).
i64 weekdays_before(i64 x) {
  i64 y = x - kMonday;
  i64 weeks = floor_div(y, 7);
  i64 rem = y - weeks * 7;
  return weeks * 5 + std::min<i64>(rem, 5);
}

// The day whose weekday index is k (inverse of weekdays_before on weekdays).
i64 kth_weekday(i64 k) {
  i64 weeks = floor_div(k, 5);
  i64 rem = k - weeks * 5;
  return kMonday + weeks * 7 + rem;
}

bool is_weekend(i64 day) {
  i64 dow = day - kMonday - floor_div(day - kMonday, 7) * 7;  // 0 = Monday
  return dow >= 5;
}

const i64 kMinDay = to_days(min_date());
const i64 kMaxDay = to_days(max_date());

}  // namespace

struct WorkCalendar::Data {
  i64 lo = 0;  // first covered day
  i64 hi = -1;  // last covered day
  std::map<i64, bool> rows;       // announced days: true = off (holiday), false = make-up workday
  std::vector<std::int32_t> cum;  // cum[i] = working days in [lo, lo + i)
  std::vector<std::int32_t> nth;  // nth[j] = offset from lo of the j-th working day in coverage
  i64 before_lo = 0;              // weekdays_before(lo)
  // Working-day indices k whose day day_of(k) is acceptable as a result: inside the coverage
  // (strict calendars), inside 1400..9999 (lenient ones).
  i64 k_strict_min = 0, k_strict_max = -1, k_lenient_min = 0, k_lenient_max = -1;

  i64 size() const { return hi - lo + 1; }

  // W(x): working days before x.
  i64 index(i64 x) const {
    if (x <= lo) return weekdays_before(x);
    if (x <= hi + 1) return before_lo + cum[static_cast<std::size_t>(x - lo)];
    return before_lo + cum.back() + weekdays_before(x) - weekdays_before(hi + 1);
  }
  // The day whose working-day index is k.
  i64 day_of(i64 k) const {
    if (k < before_lo) return kth_weekday(k);
    i64 in = k - before_lo;
    if (in < cum.back()) return lo + nth[static_cast<std::size_t>(in)];
    return kth_weekday(in - cum.back() + weekdays_before(hi + 1));
  }

  static std::shared_ptr<const Data> build(std::map<i64, bool> rows, std::string_view record);
};

std::shared_ptr<const WorkCalendar::Data> WorkCalendar::Data::build(std::map<i64, bool> rows,
                                                                    std::string_view record) {
  // A year is covered when its notice announced at least one holiday.
  std::set<int> years;
  for (auto &[day, off] : rows)
    if (off) years.insert(from_days(static_cast<std::int32_t>(day)).year());
  if (years.empty())
    throw InvalidInput("holiday data announces no holiday, so it covers no year", "is_off_day",
                       std::string(record));
  if (*years.rbegin() - *years.begin() + 1 != static_cast<int>(years.size()))
    throw InvalidInput("holiday data leaves a gap between the years it covers", "date",
                       std::string(record));
  auto data = std::make_shared<Data>();
  data->lo = to_days(Date(static_cast<unsigned short>(*years.begin()), 1, 1));
  data->hi = to_days(Date(static_cast<unsigned short>(*years.rbegin()), 12, 31));
  data->rows = std::move(rows);
  const auto n = static_cast<std::size_t>(data->size());
  data->cum.assign(n + 1, 0);
  data->nth.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    i64 day = data->lo + static_cast<i64>(i);
    auto it = data->rows.find(day);
    bool working = it != data->rows.end() ? !it->second : !is_weekend(day);
    data->cum[i + 1] = data->cum[i] + (working ? 1 : 0);
    if (working) data->nth.push_back(static_cast<std::int32_t>(i));
  }
  data->before_lo = weekdays_before(data->lo);
  data->k_strict_min = data->before_lo;
  data->k_strict_max = data->before_lo + data->cum.back() - 1;
  data->k_lenient_min = data->index(kMinDay);
  data->k_lenient_max = data->index(kMaxDay + 1) - 1;
  return data;
}

namespace {

std::map<i64, bool> parse_rows(std::string_view csv, std::string_view record) {
  std::map<i64, bool> rows;
  bool header_seen = false;
  std::size_t line_no = 0;
  for (std::string_view line : text_util::split_lines(csv)) {
    ++line_no;
    if (line_no == 1) line = text_util::strip_bom(line);
    if (line.empty() || line.front() == '#') continue;
    std::string where = std::string(record) + ":" + std::to_string(line_no);
    auto fields = text_util::split(line, ',');
    if (!header_seen) {
      if (fields.size() < 2 || fields[0] != "date" || fields[1] != "is_off_day")
        throw InvalidInput("holiday CSV must start with the header date,is_off_day,name",
                           "header", where);
      header_seen = true;
      continue;
    }
    if (fields.size() < 2) throw InvalidInput("expected date,is_off_day,name", "line", where);
    Date d;
    try {
      d = parse_iso_date(fields[0], "date");
    } catch (const InvalidInput &) {
      throw InvalidInput("expected an ISO date YYYY-MM-DD", "date", where);
    }
    bool off;
    if (fields[1] == "true") off = true;
    else if (fields[1] == "false") off = false;
    else throw InvalidInput("is_off_day must be true or false", "is_off_day", where);
    auto [it, inserted] = rows.emplace(to_days(d), off);
    if (!inserted) throw InvalidInput("the same date appears twice", "date", where);
  }
  if (!header_seen)
    throw InvalidInput("holiday CSV is empty (no header date,is_off_day,name)", "header",
                       std::string(record));
  return rows;
}

}  // namespace

WorkCalendar WorkCalendar::from_csv(std::string_view csv, bool lenient, std::string_view record) {
  return WorkCalendar(Data::build(parse_rows(csv, record), record), lenient);
}

WorkCalendar WorkCalendar::china(bool lenient) {
  static const std::shared_ptr<const Data> data =
      Data::build(parse_rows(embedded::holidays_cn_csv_text(), "cn_holidays.csv"), "cn_holidays.csv");
  return WorkCalendar(data, lenient);
}

WorkCalendar WorkCalendar::with_csv(std::string_view csv, std::string_view record) const {
  auto rows = data_->rows;
  for (auto &[day, off] : parse_rows(csv, record)) rows[day] = off;
  return WorkCalendar(Data::build(std::move(rows), record), lenient_);
}

std::string WorkCalendar::to_csv() const {
  std::string out = "date,is_off_day,name\n";
  out.reserve(out.size() + data_->rows.size() * 18);
  for (const auto &[day, off] : data_->rows) {
    out += to_iso(from_days(static_cast<std::int32_t>(day)));
    out += off ? ",true,\n" : ",false,\n";
  }
  return out;
}

DateRange WorkCalendar::coverage() const {
  return {from_days(static_cast<std::int32_t>(data_->lo)),
          from_days(static_cast<std::int32_t>(data_->hi))};
}

bool WorkCalendar::covers(Date d) const {
  i64 x = to_days(d);
  return x >= data_->lo && x <= data_->hi;
}

bool WorkCalendar::lenient() const { return lenient_; }

namespace {

void require_covered(const WorkCalendar &cal, i64 day, const char *field) {
  if (cal.lenient()) return;
  auto cov = cal.coverage();
  if (day < to_days(cov.first) || day > to_days(cov.last))
    throw CalendarCoverageError("date outside the working-day calendar's coverage " +
                                    to_iso(cov.first) + ".." + to_iso(cov.last),
                                field);
}

Date checked_date(i64 day, const char *field) {
  if (day < kMinDay || day > kMaxDay)
    throw InvalidInput("result outside the supported date range", field);
  return from_days(static_cast<std::int32_t>(day));
}

}  // namespace

bool WorkCalendar::is_working_day(Date d) const {
  i64 x = to_days(d);
  require_covered(*this, x, "date");
  return data_->index(x + 1) - data_->index(x) == 1;
}

namespace {

// The one implementation of add_working_days, for the scalar call and the columns: check(x, n)
// says whether the row is acceptable (nothing computed beyond one table lookup), apply(x, n)
// computes it. Both are O(1): the working-day index of x, plus n, mapped back to a day.
enum class AddFault : std::uint8_t { none, from_coverage, from_range, result_coverage, result_range };

struct Adder {
  const WorkCalendar::Data &d;
  i64 from_min, from_max, k_min, k_max;
  bool lenient;
  Adder(const WorkCalendar::Data &data, bool len)
      : d(data),
        from_min(len ? kMinDay : data.lo),
        from_max(len ? kMaxDay : data.hi),
        k_min(len ? data.k_lenient_min : data.k_strict_min),
        k_max(len ? data.k_lenient_max : data.k_strict_max),
        lenient(len) {}
  // index(x + 1) + n - 1 for n > 0, index(x) + n for n < 0 — without a branch on the sign of n,
  // which is random in a column and would be mispredicted half the time.
  i64 key(i64 x, i64 n) const {
    const i64 pos = n > 0 ? 1 : 0;
    return d.index(x + pos) + n - pos;
  }
  AddFault check(i64 x, i64 n) const {
    if (x < from_min || x > from_max) return lenient ? AddFault::from_range : AddFault::from_coverage;
    if (n == 0) return AddFault::none;
    i64 k = key(x, n);
    if (k < k_min || k > k_max) return lenient ? AddFault::result_range : AddFault::result_coverage;
    return AddFault::none;
  }
  i64 apply(i64 x, i64 n) const { return n == 0 ? x : d.day_of(key(x, n)); }
};

[[noreturn]] void throw_add_fault(const WorkCalendar &cal, AddFault f, const char *from_field,
                                  std::string record) {
  auto cov = cal.coverage();
  const std::string outside = "date outside the working-day calendar's coverage " +
                              to_iso(cov.first) + ".." + to_iso(cov.last);
  switch (f) {
    case AddFault::from_coverage:
      throw CalendarCoverageError(outside, from_field, std::move(record));
    case AddFault::result_coverage:
      throw CalendarCoverageError(outside, "n", std::move(record));
    case AddFault::from_range:
      throw InvalidInput("day number outside the supported range 1400-01-01..9999-12-31",
                         from_field, std::move(record));
    default:
      throw InvalidInput("result outside the supported date range", "n", std::move(record));
  }
}

std::string row_record(std::size_t i) { return "row " + std::to_string(i + 1); }

template <class T>
constexpr T no_day() {
  return std::is_same_v<T, std::int32_t> ? static_cast<T>(kNoDay32) : static_cast<T>(kNoDay64);
}

// n is either one value (nn.size() == 0, n0) or a column.
template <class T>
void add_columns(const WorkCalendar &cal, const WorkCalendar::Data &data,
                 std::span<const T> from, std::span<const std::int32_t> nn, std::int32_t n0,
                 bool n_column, std::span<T> out) {
  const std::size_t len = from.size();
  if (n_column && nn.size() != len)
    throw InvalidInput("the column of n has " + std::to_string(nn.size()) + " rows, from has " +
                           std::to_string(len),
                       "n");
  if (out.size() != len)
    throw InvalidInput("the output has " + std::to_string(out.size()) + " rows, from has " +
                           std::to_string(len),
                       "out");
  const Adder a(data, cal.lenient());
  const T none = no_day<T>();
  for (std::size_t i = 0; i < len; ++i) {  // validate every row first: all or nothing
    if (from[i] == none) continue;
    AddFault f = a.check(static_cast<i64>(from[i]), n_column ? nn[i] : n0);
    if (f != AddFault::none) throw_add_fault(cal, f, "from", row_record(i));
  }
  for (std::size_t i = 0; i < len; ++i) {
    const T x = from[i];
    out[i] = x == none ? none : static_cast<T>(a.apply(static_cast<i64>(x), n_column ? nn[i] : n0));
  }
}

template <class T>
void count_columns(const WorkCalendar &cal, const WorkCalendar::Data &data,
                   std::span<const T> first, std::span<const T> last,
                   std::span<std::int32_t> out) {
  const std::size_t len = first.size();
  if (last.size() != len)
    throw InvalidInput("the column last has " + std::to_string(last.size()) +
                           " rows, first has " + std::to_string(len),
                       "last");
  if (out.size() != len)
    throw InvalidInput("the output has " + std::to_string(out.size()) + " rows, first has " +
                           std::to_string(len),
                       "out");
  const Adder a(data, cal.lenient());
  const T none = no_day<T>();
  for (std::size_t i = 0; i < len; ++i) {
    if (first[i] == none || last[i] == none) continue;
    for (auto [x, field] : {std::pair{first[i], "first"}, std::pair{last[i], "last"}}) {
      AddFault f = a.check(static_cast<i64>(x), 0);
      if (f != AddFault::none) throw_add_fault(cal, f, field, row_record(i));
    }
  }
  for (std::size_t i = 0; i < len; ++i) {
    const T x = first[i], y = last[i];
    if (x == none || y == none) {
      out[i] = -1;
    } else {
      out[i] = y < x ? 0
                     : static_cast<std::int32_t>(data.index(static_cast<i64>(y) + 1) -
                                                 data.index(static_cast<i64>(x)));
    }
  }
}

}  // namespace

Date WorkCalendar::add_working_days(Date d, int n) const {
  return from_days(add_working_days_at(to_days(d), n));
}

std::int32_t WorkCalendar::add_working_days_at(std::int32_t day, std::int32_t n, const char *field) const {
  const i64 x = day;
  if (x < kMinDay || x > kMaxDay)
    throw InvalidInput("day number outside the supported range 1400-01-01..9999-12-31", field);
  const Adder a(*data_, lenient_);
  AddFault f = a.check(x, n);
  if (f != AddFault::none) throw_add_fault(*this, f, "date", {});
  return static_cast<std::int32_t>(a.apply(x, n));
}

void WorkCalendar::add_working_days(std::span<const std::int32_t> from,
                                    std::span<const std::int32_t> n,
                                    std::span<std::int32_t> out) const {
  add_columns<std::int32_t>(*this, *data_, from, n, 0, true, out);
}
void WorkCalendar::add_working_days(std::span<const std::int32_t> from, std::int32_t n,
                                    std::span<std::int32_t> out) const {
  add_columns<std::int32_t>(*this, *data_, from, {}, n, false, out);
}
void WorkCalendar::add_working_days(std::span<const std::int64_t> from,
                                    std::span<const std::int32_t> n,
                                    std::span<std::int64_t> out) const {
  add_columns<std::int64_t>(*this, *data_, from, n, 0, true, out);
}
void WorkCalendar::add_working_days(std::span<const std::int64_t> from, std::int32_t n,
                                    std::span<std::int64_t> out) const {
  add_columns<std::int64_t>(*this, *data_, from, {}, n, false, out);
}
void WorkCalendar::count_working_days(std::span<const std::int32_t> first,
                                      std::span<const std::int32_t> last,
                                      std::span<std::int32_t> out) const {
  count_columns<std::int32_t>(*this, *data_, first, last, out);
}
void WorkCalendar::count_working_days(std::span<const std::int64_t> first,
                                      std::span<const std::int64_t> last,
                                      std::span<std::int32_t> out) const {
  count_columns<std::int64_t>(*this, *data_, first, last, out);
}

DateRange WorkCalendar::window(Date start, int n) const {
  if (n < 1) throw InvalidInput("a window needs at least one working day", "n");
  i64 x = to_days(start);
  require_covered(*this, x, "start");
  i64 k = data_->index(x);  // index of the first working day on or after start
  i64 first = data_->day_of(k);
  i64 last = data_->day_of(k + n - 1);
  require_covered(*this, last, "n");
  return {checked_date(first, "start"), checked_date(last, "n")};
}

int WorkCalendar::count_working_days(Date first, Date last) const {
  i64 a = to_days(first), b = to_days(last);
  require_covered(*this, a, "first");
  require_covered(*this, b, "last");
  if (b < a) return 0;
  return static_cast<int>(data_->index(b + 1) - data_->index(a));
}

DateRange WorkCalendar::calendar_window(Date start, int n) const {
  if (n < 1) throw InvalidInput("a window needs at least one day", "n");
  return {start, checked_date(static_cast<i64>(to_days(start)) + n - 1, "n")};
}

bool WorkCalendar::estimated(Date a, Date b) const {
  if (!lenient_) return false;
  return !covers(a) || !covers(b);
}

}  // namespace cadrekit
