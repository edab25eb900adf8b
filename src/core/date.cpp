#include "cadrekit/core/date.hpp"

#include <algorithm>
#include <charconv>

#include "cadrekit/core/errors.hpp"

namespace cadrekit {

namespace {
const Date kEpoch(1970, 1, 1);
}

Date min_date() { return Date(1400, 1, 1); }
Date max_date() { return Date(9999, 12, 31); }

std::int32_t to_days(Date d) {
  if (d.is_special()) throw InvalidInput("not a date", "date");
  return static_cast<std::int32_t>((d - kEpoch).days());
}

Date from_days(std::int32_t days) {
  static const std::int64_t lo = (min_date() - kEpoch).days();
  static const std::int64_t hi = (max_date() - kEpoch).days();
  if (days < lo || days > hi)
    throw InvalidInput("day number outside the supported range 1400-01-01..9999-12-31", "date");
  return kEpoch + boost::gregorian::date_duration(days);
}

Date make_date(int year, int month, int day, std::string_view field) {
  if (year < 1400 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31)
    throw InvalidInput("not a valid calendar date", std::string(field));
  if (day > boost::gregorian::gregorian_calendar::end_of_month_day(
                static_cast<unsigned short>(year), static_cast<unsigned short>(month)))
    throw InvalidInput("not a valid calendar date", std::string(field));
  return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
              static_cast<unsigned short>(day));
}

Date parse_iso_date(std::string_view text, std::string_view field) {
  auto bad = [&]() -> InvalidInput {
    return InvalidInput("expected an ISO date YYYY-MM-DD", std::string(field));
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') throw bad();
  auto num = [&](std::size_t pos, std::size_t len) {
    int v = 0;
    for (std::size_t i = pos; i < pos + len; ++i) {
      char c = text[i];
      if (c < '0' || c > '9') throw bad();
      v = v * 10 + (c - '0');
    }
    return v;
  };
  return make_date(num(0, 4), num(5, 2), num(8, 2), field);
}

std::string to_iso(Date d) {
  if (d.is_special()) throw InvalidInput("not a date", "date");
  // YYYY-MM-DD by hand: a table of dates writes millions (snprintf was a tenth of a command's
  // time). A Date's year is 1400…9999 (Boost's greg_year), always four digits.
  const auto ymd = d.year_month_day();
  const auto y = static_cast<unsigned>(ymd.year), m = static_cast<unsigned>(ymd.month),
             day = static_cast<unsigned>(ymd.day);
  std::string s(10, '-');
  const auto digit = [](unsigned v) { return static_cast<char>('0' + v % 10); };
  s[0] = digit(y / 1000);
  s[1] = digit(y / 100);
  s[2] = digit(y / 10);
  s[3] = digit(y);
  s[5] = digit(m / 10);
  s[6] = digit(m);
  s[8] = digit(day / 10);
  s[9] = digit(day);
  return s;
}

Date add_months(Date d, std::int64_t months) {
  if (d.is_special()) throw InvalidInput("date is not a date", "date");
  std::int64_t m0 = static_cast<std::int64_t>(d.year()) * 12 + (d.month() - 1) + months;
  std::int64_t y = m0 / 12, m = m0 % 12 + 1;
  if (y < 1400 || y > 9999) throw InvalidInput("date out of range", "date");
  int last = boost::gregorian::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(y),
                                                                    static_cast<unsigned short>(m));
  int day = std::min<int>(d.day(), last);
  return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(day));
}

int whole_years_between(Date from, Date to) {
  if (to < from) return -whole_years_between(to, from);
  auto a = from.year_month_day();
  auto b = to.year_month_day();
  int years = static_cast<int>(b.year) - static_cast<int>(a.year);
  // The anniversary has not come yet this year.
  if (b.month < a.month || (b.month == a.month && b.day < a.day)) --years;
  return years;
}

}  // namespace cadrekit
