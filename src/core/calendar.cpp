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
#include <vector>

#include "cadrekit/core/errors.hpp"
#include "core/embedded.hpp"
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
  return data;
}

namespace {

std::map<i64, bool> parse_rows(std::string_view csv, std::string_view record) {
  std::map<i64, bool> rows;
  bool header_seen = false;
  std::size_t line_no = 0;
  for (std::string_view line : detail::split_lines(csv)) {
    ++line_no;
    if (line_no == 1) line = detail::strip_bom(line);
    if (line.empty() || line.front() == '#') continue;
    std::string where = std::string(record) + ":" + std::to_string(line_no);
    auto fields = detail::split(line, ',');
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

Date WorkCalendar::add_working_days(Date d, int n) const {
  i64 x = to_days(d);
  require_covered(*this, x, "date");
  if (n == 0) return d;
  i64 k = n > 0 ? data_->index(x + 1) + n - 1 : data_->index(x) + n;
  i64 r = data_->day_of(k);
  require_covered(*this, r, "n");
  return checked_date(r, "n");
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
