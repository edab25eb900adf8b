// The columnar paths of working-day arithmetic and 三龄 (issue #10) against the scalar calls
// they share their code with, against the day-by-day truth of the State Council's notices
// (data/calendars/cn_holidays.csv, read here by a naive parser of its own), and their
// all-or-nothing error behaviour.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "cadrekit/core/calendar.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/person.hpp"

using namespace cadrekit;
using boost::gregorian::date_duration;

namespace {

std::string read_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Working days of 2007..2026 in order, straight from the CSV and the weekday rule.
std::vector<std::int32_t> working_days_from_csv() {
  std::map<Date, bool> rows;
  std::istringstream in(read_file(CADREKIT_SOURCE_DIR "/data/calendars/cn_holidays.csv"));
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    Date d(static_cast<unsigned short>(std::stoi(line.substr(0, 4))),
           static_cast<unsigned short>(std::stoi(line.substr(5, 2))),
           static_cast<unsigned short>(std::stoi(line.substr(8, 2))));
    rows[d] = line.substr(11, 4) == "true";
  }
  std::vector<std::int32_t> out;
  for (Date d(2007, 1, 1); d <= Date(2026, 12, 31); d += date_duration(1)) {
    auto it = rows.find(d);
    auto wd = d.day_of_week().as_number();
    bool working = it != rows.end() ? !it->second : (wd != 0 && wd != 6);
    if (working) out.push_back(to_days(d));
  }
  return out;
}

std::int32_t day(int y, int m, int d) { return to_days(Date(static_cast<unsigned short>(y),
                                                             static_cast<unsigned short>(m),
                                                             static_cast<unsigned short>(d))); }

template <class F>
Error caught(F f) {
  try {
    f();
  } catch (const Error &e) {
    return e;
  }
  ADD_FAILURE() << "no error";
  return Error(ErrorCode::internal, "none");
}

}  // namespace

// Every day of the coverage, n = 1 and n = -1 and n = 10, against the CSV: the next working day
// strictly after d is the first entry of the CSV-derived list greater than d.
TEST(CalendarColumns, EveryDayOfTheCoverageAgainstTheNotices) {
  const auto wd = working_days_from_csv();
  ASSERT_GT(wd.size(), 4800u);
  auto cal = WorkCalendar::china();
  std::vector<std::int32_t> from;
  for (std::int32_t x = day(2007, 1, 1); x <= day(2026, 12, 31); ++x) from.push_back(x);
  ASSERT_EQ(from.size(), 7305u);
  for (int n : {1, -1, 10, -10}) {
    // Rows whose answer leaves the coverage would fail the whole (strict) batch: keep the rest.
    std::vector<std::int32_t> in, want;
    for (std::int32_t x : from) {
      auto up = std::upper_bound(wd.begin(), wd.end(), x);   // first working day > x
      auto down = std::lower_bound(wd.begin(), wd.end(), x);  // first working day >= x
      std::ptrdiff_t at = n > 0 ? (up - wd.begin()) + n - 1 : (down - wd.begin()) + n;
      if (at < 0 || at >= static_cast<std::ptrdiff_t>(wd.size())) continue;
      in.push_back(x);
      want.push_back(wd[static_cast<std::size_t>(at)]);
    }
    ASSERT_GT(in.size(), 7200u);
    std::vector<std::int32_t> out(in.size());
    cal.add_working_days(std::span<const std::int32_t>(in), n, std::span<std::int32_t>(out));
    std::vector<std::int64_t> in64(in.begin(), in.end()), out64(in.size());
    cal.add_working_days(std::span<const std::int64_t>(in64), n, std::span<std::int64_t>(out64));
    int bad = 0;
    for (std::size_t i = 0; i < in.size(); ++i) {
      if (out[i] != want[i] && ++bad < 5)
        ADD_FAILURE() << to_iso(from_days(in[i])) << " n=" << n << ": " << to_iso(from_days(out[i]))
                      << " vs " << to_iso(from_days(want[i]));
      ASSERT_EQ(out64[i], want[i]);
      // ... and the scalar call, which the batch shares its code with.
      ASSERT_EQ(to_days(cal.add_working_days(from_days(in[i]), n)), want[i]);
    }
    EXPECT_EQ(bad, 0);
  }
}

TEST(CalendarColumns, PerRowNEqualsTheScalarCall) {
  auto cal = WorkCalendar::china(true);  // lenient: beyond coverage weekends only
  std::mt19937 rng(10);
  std::uniform_int_distribution<int> d(day(2000, 1, 1), day(2030, 12, 31)), k(-400, 400);
  std::vector<std::int32_t> from(5000), n(5000), out(5000);
  for (std::size_t i = 0; i < from.size(); ++i) from[i] = d(rng), n[i] = k(rng);
  n[0] = 0;
  cal.add_working_days(std::span<const std::int32_t>(from), std::span<const std::int32_t>(n),
                       std::span<std::int32_t>(out));
  for (std::size_t i = 0; i < from.size(); ++i) {
    ASSERT_EQ(out[i], to_days(cal.add_working_days(from_days(from[i]), n[i]))) << i;
    ASSERT_EQ(out[i], cal.add_working_days_at(from[i], n[i])) << i;  // the day-number call
  }
  EXPECT_EQ(out[0], from[0]);
  // The day-number call's errors: outside the date range, and (strict) outside the coverage.
  try {
    cal.add_working_days_at(INT32_MAX, 1, "from");
    FAIL() << "no error";
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "from");
  }
  EXPECT_THROW(WorkCalendar::china().add_working_days_at(day(2026, 12, 31), 1), CalendarCoverageError);
  // In place: out may be the input.
  cal.add_working_days(std::span<const std::int32_t>(from), std::span<const std::int32_t>(n),
                       std::span<std::int32_t>(from));
  EXPECT_EQ(from, out);
}

TEST(CalendarColumns, KnownDaysAroundNationalDay2016AndNaT) {
  auto cal = WorkCalendar::china();
  // Friday 2016-09-30 + 1 working day = Saturday 2016-10-08 (make-up day); + 0 = itself.
  std::vector<std::int64_t> from{day(2016, 9, 30), kNoDay64, day(2016, 10, 3)}, out(3, 7);
  std::vector<std::int32_t> n{1, 5, 0};
  cal.add_working_days(std::span<const std::int64_t>(from), std::span<const std::int32_t>(n),
                       std::span<std::int64_t>(out));
  EXPECT_EQ(out[0], day(2016, 10, 8));
  EXPECT_EQ(out[1], kNoDay64);  // NaT in, NaT out
  EXPECT_EQ(out[2], day(2016, 10, 3));
}

TEST(CalendarColumns, CountOnColumnsEqualsTheScalarCall) {
  auto cal = WorkCalendar::china();
  std::mt19937 rng(11);
  std::uniform_int_distribution<int> d(day(2007, 1, 1), day(2026, 12, 31));
  std::vector<std::int32_t> a(3000), b(3000), out(3000);
  for (std::size_t i = 0; i < a.size(); ++i) a[i] = d(rng), b[i] = d(rng);
  a[5] = kNoDay32;
  cal.count_working_days(std::span<const std::int32_t>(a), std::span<const std::int32_t>(b),
                         std::span<std::int32_t>(out));
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (i == 5) {
      EXPECT_EQ(out[i], -1);
      continue;
    }
    ASSERT_EQ(out[i], cal.count_working_days(from_days(a[i]), from_days(b[i]))) << i;
  }
  // 2016: 366 days − 105 weekend days − 17 weekday holidays + 6 make-up days = 250 (the notice).
  std::vector<std::int64_t> f{day(2016, 1, 1)}, l{day(2016, 12, 31)};
  std::vector<std::int32_t> c(1);
  cal.count_working_days(std::span<const std::int64_t>(f), std::span<const std::int64_t>(l),
                         std::span<std::int32_t>(c));
  EXPECT_EQ(c[0], 250);
}

TEST(CalendarColumns, AllOrNothingAndTheRowIsNamed) {
  auto cal = WorkCalendar::china();
  std::vector<std::int32_t> from{day(2016, 1, 4), day(2016, 1, 5), day(2026, 12, 30)};
  std::vector<std::int32_t> n{1, 2, 5}, out{-7, -7, -7};
  Error e = caught([&] {
    cal.add_working_days(std::span<const std::int32_t>(from), std::span<const std::int32_t>(n),
                         std::span<std::int32_t>(out));
  });
  EXPECT_EQ(e.code(), ErrorCode::calendar_coverage);
  EXPECT_EQ(e.record(), "row 3");
  EXPECT_EQ(e.field(), "n");
  EXPECT_EQ(out, (std::vector<std::int32_t>{-7, -7, -7}));
  from[1] = day(2006, 6, 1);
  e = caught([&] {
    cal.add_working_days(std::span<const std::int32_t>(from), 1, std::span<std::int32_t>(out));
  });
  EXPECT_EQ(e.record(), "row 2");
  EXPECT_EQ(e.field(), "from");
  EXPECT_EQ(out, (std::vector<std::int32_t>{-7, -7, -7}));
  // Lengths.
  std::vector<std::int32_t> short_out(2);
  e = caught([&] {
    cal.add_working_days(std::span<const std::int32_t>(from), 1, std::span<std::int32_t>(short_out));
  });
  EXPECT_EQ(e.field(), "out");
  e = caught([&] {
    cal.add_working_days(std::span<const std::int32_t>(from), std::span<const std::int32_t>(short_out),
                         std::span<std::int32_t>(out));
  });
  EXPECT_EQ(e.field(), "n");
  // A lenient calendar: a result beyond 9999-12-31 is InvalidInput on that row.
  auto len = WorkCalendar::china(true);
  std::vector<std::int64_t> f64{day(2016, 1, 4), to_days(Date(9999, 12, 20))}, o64{1, 1};
  e = caught([&] {
    len.add_working_days(std::span<const std::int64_t>(f64), 30, std::span<std::int64_t>(o64));
  });
  EXPECT_EQ(e.code(), ErrorCode::invalid_input);
  EXPECT_EQ(e.record(), "row 2");
  EXPECT_EQ(o64, (std::vector<std::int64_t>{1, 1}));
  // Empty columns are fine.
  cal.add_working_days(std::span<const std::int32_t>(), 3, std::span<std::int32_t>());
}

// ---- 三龄 ------------------------------------------------------------------------------------

TEST(ThreeAgesColumns, TheScalarCasesOnColumns) {
  // The cases of ThreeAges.WholeYearsAndBirthdayOnTheDay / TwentyNinthOfFebruary, as rows.
  struct Row {
    std::int32_t birth, party, work;
    Date as_of;
    std::int32_t age, py, wy;
  };
  const Row rows[] = {
      {day(1970, 6, 15), day(1995, 7, 1), day(1990, 8, 1), Date(2020, 6, 15), 50, 24, 29},
      {day(1970, 6, 15), day(1995, 7, 1), day(1990, 8, 1), Date(2020, 6, 14), 49, 24, 29},
      {day(1970, 6, 15), day(1995, 7, 1), day(1990, 8, 1), Date(2020, 7, 1), 50, 25, 29},
      {day(1970, 6, 15), day(1995, 7, 1), day(1990, 8, 1), Date(2020, 8, 1), 50, 25, 30},
      {day(1970, 6, 15), kNoDay32, kNoDay32, Date(1970, 6, 15), 0, kNoYears, kNoYears},
      {day(2000, 2, 29), kNoDay32, kNoDay32, Date(2001, 2, 28), 0, kNoYears, kNoYears},
      {day(2000, 2, 29), kNoDay32, kNoDay32, Date(2001, 3, 1), 1, kNoYears, kNoYears},
      {day(2000, 2, 29), kNoDay32, kNoDay32, Date(2004, 2, 29), 4, kNoYears, kNoYears},
      {day(2000, 2, 29), kNoDay32, kNoDay32, Date(2100, 2, 28), 99, kNoYears, kNoYears},
      {day(2000, 2, 29), kNoDay32, kNoDay32, Date(2100, 3, 1), 100, kNoYears, kNoYears},
      {day(2000, 2, 29), day(2020, 2, 29), day(2020, 2, 29), Date(2023, 2, 28), 22, 2, 2},
      {day(2000, 2, 29), day(2020, 2, 29), day(2020, 2, 29), Date(2023, 3, 1), 23, 3, 3},
  };
  for (const Row &r : rows) {
    std::vector<std::int32_t> b{r.birth}, p{r.party}, w{r.work}, a(1), py(1), wy(1);
    three_ages_columns(std::span<const std::int32_t>(b), std::span<const std::int32_t>(p),
                       std::span<const std::int32_t>(w), r.as_of, std::span<std::int32_t>(a),
                       std::span<std::int32_t>(py), std::span<std::int32_t>(wy));
    EXPECT_EQ(a[0], r.age) << to_iso(r.as_of);
    EXPECT_EQ(py[0], r.py) << to_iso(r.as_of);
    EXPECT_EQ(wy[0], r.wy) << to_iso(r.as_of);
  }
}

// Rows of people born between `from` and 2000, as of `as_of`, checked against the scalar call
// and an independent count. Many rows over few days of birth take the columns' table of each
// day's years; few rows over many days, the computation row by row: both are checked.
void check_three_ages_columns(std::size_t n, int from, Date as_of) {
  std::mt19937 rng(12);
  std::uniform_int_distribution<int> b(day(from, 1, 1), day(2000, 12, 31)), coin(0, 3);
  std::vector<std::int64_t> birth(n), party(n), work(n);
  for (std::size_t i = 0; i < n; ++i) {
    birth[i] = i == 0 ? day(1956, 2, 29) : i == 1 ? to_days(as_of) : b(rng);  // leap day, today
    std::uniform_int_distribution<int> after(static_cast<int>(birth[i]), to_days(as_of));
    party[i] = coin(rng) == 0 ? kNoDay64 : after(rng);
    work[i] = coin(rng) == 0 ? kNoDay64 : after(rng);
  }
  std::vector<std::int32_t> age(n), py(n), wy(n);
  three_ages_columns(std::span<const std::int64_t>(birth), std::span<const std::int64_t>(party),
                     std::span<const std::int64_t>(work), as_of, std::span<std::int32_t>(age),
                     std::span<std::int32_t>(py), std::span<std::int32_t>(wy));
  // Independent: the largest k with (birth + k years) <= as_of, by Boost's calendar, stepping.
  auto years = [&](std::int64_t d) {
    Date x = from_days(static_cast<std::int32_t>(d));
    int k = 0;
    for (;;) {
      int y = x.year() + k + 1;
      // An anniversary of 29 February falls on 1 March in common years.
      Date anniv = (x.month() == 2 && x.day() == 29 && !boost::gregorian::gregorian_calendar::is_leap_year(
                                                            static_cast<unsigned short>(y)))
                       ? Date(static_cast<unsigned short>(y), 3, 1)
                       : Date(static_cast<unsigned short>(y), x.month(), x.day());
      if (anniv > as_of) return k;
      ++k;
    }
  };
  for (std::size_t i = 0; i < n; ++i) {
    ASSERT_EQ(age[i], years(birth[i])) << i;
    ASSERT_EQ(py[i], party[i] == kNoDay64 ? kNoYears : years(party[i])) << i;
    ASSERT_EQ(wy[i], work[i] == kNoDay64 ? kNoYears : years(work[i])) << i;
    Person p;
    p.id = "r";
    p.birth_date = from_days(static_cast<std::int32_t>(birth[i]));
    p.political_status = "01";
    if (party[i] != kNoDay64) p.party_joined = from_days(static_cast<std::int32_t>(party[i]));
    if (work[i] != kNoDay64) p.work_started = from_days(static_cast<std::int32_t>(work[i]));
    ThreeAges s = three_ages(p, as_of);
    ASSERT_EQ(s.age, age[i]);
    ASSERT_EQ(s.party_years.value_or(kNoYears), py[i]);
    ASSERT_EQ(s.work_years.value_or(kNoYears), wy[i]);
  }
  EXPECT_EQ(age[1], 0);
}

TEST(ThreeAgesColumns, EqualsTheScalarCallAndAnIndependentCount) {
  check_three_ages_columns(20000, 1940, Date(2016, 9, 22));  // 28,000 days from the first birth: row by row
  check_three_ages_columns(60000, 1970, Date(2016, 9, 22));  // 22,000 (from 1956): the table of years
  check_three_ages_columns(60000, 1970, Date(2016, 2, 29));  // as of a leap day
  check_three_ages_columns(60000, 1970, Date(2015, 2, 28));  // and of a common year's 28 February
}

TEST(ThreeAgesColumns, AllOrNothingNamesRowAndField) {
  const Date as_of(2016, 9, 22);
  std::vector<std::int32_t> birth{day(1970, 1, 1), day(1980, 1, 1), day(1990, 1, 1)};
  std::vector<std::int32_t> party{kNoDay32, day(1979, 1, 1), kNoDay32};
  std::vector<std::int32_t> a{9, 9, 9}, py{9, 9, 9}, wy{9, 9, 9};
  auto run = [&] {
    three_ages_columns(std::span<const std::int32_t>(birth), std::span<const std::int32_t>(party),
                       std::span<const std::int32_t>(), as_of, std::span<std::int32_t>(a),
                       std::span<std::int32_t>(py), std::span<std::int32_t>(wy));
  };
  Error e = caught(run);
  EXPECT_EQ(e.code(), ErrorCode::invalid_input);
  EXPECT_EQ(e.field(), "party_joined");
  EXPECT_EQ(e.record(), "row 2");
  EXPECT_EQ(a, (std::vector<std::int32_t>{9, 9, 9}));
  EXPECT_EQ(py, (std::vector<std::int32_t>{9, 9, 9}));
  party[1] = day(2017, 1, 1);
  EXPECT_EQ(caught(run).field(), "party_joined");
  party[1] = kNoDay32;
  birth[2] = kNoDay32;
  e = caught(run);
  EXPECT_EQ(e.field(), "birth_date");
  EXPECT_EQ(e.record(), "row 3");
  birth[2] = day(2017, 1, 1);
  EXPECT_EQ(caught(run).field(), "as_of");
  birth[2] = day(1990, 1, 1);
  run();  // now fine: work_started absent altogether (empty span)
  EXPECT_EQ(a, (std::vector<std::int32_t>{46, 36, 26}));
  EXPECT_EQ(wy, (std::vector<std::int32_t>{kNoYears, kNoYears, kNoYears}));
  std::vector<std::int32_t> short_col(2);
  EXPECT_EQ(caught([&] {
              three_ages_columns(std::span<const std::int32_t>(birth),
                                 std::span<const std::int32_t>(short_col),
                                 std::span<const std::int32_t>(), as_of, std::span<std::int32_t>(a),
                                 std::span<std::int32_t>(py), std::span<std::int32_t>(wy));
            }).field(),
            "party_joined");
}

TEST(ThreeAgesColumns, EveryKindOfAsOfDateAgainstWholeYearsBetween) {
  // As-of dates at the edges of the year and of February, in leap and common years (and 2000 and
  // 2100, the century rules); dates from 1400 on. whole_years_between (Boost's calendar) is the
  // independent reference.
  std::mt19937 rng(13);
  for (Date as_of : {Date(2016, 2, 29), Date(2016, 2, 28), Date(2016, 3, 1), Date(2017, 2, 28),
                     Date(2017, 3, 1), Date(2000, 2, 29), Date(2100, 2, 28), Date(2100, 3, 1),
                     Date(2016, 1, 1), Date(2016, 12, 31), Date(9999, 12, 31), Date(1401, 1, 1)}) {
    std::uniform_int_distribution<int> b(to_days(Date(1400, 1, 1)), to_days(as_of));
    std::vector<std::int32_t> birth(4000), age(4000), py(4000), wy(4000);
    for (auto &x : birth) x = b(rng);
    birth[0] = to_days(as_of);
    birth[1] = to_days(Date(1400, 1, 1));
    three_ages_columns(std::span<const std::int32_t>(birth), std::span<const std::int32_t>(birth),
                       std::span<const std::int32_t>(), as_of, std::span<std::int32_t>(age),
                       std::span<std::int32_t>(py), std::span<std::int32_t>(wy));
    for (std::size_t i = 0; i < birth.size(); ++i) {
      const int want = whole_years_between(from_days(birth[i]), as_of);
      ASSERT_EQ(age[i], want) << to_iso(from_days(birth[i])) << " as of " << to_iso(as_of);
      ASSERT_EQ(py[i], want);
      ASSERT_EQ(wy[i], kNoYears);
    }
  }
}

namespace {

// to_iso writes the days of the years a Date holds as snprintf's "%04d-%02d-%02d" does.
TEST(DateText, ToIsoOfEveryDayAsPrintf) {
  // every 13th day: each day of the month, each month and each digit of the year in turn
  for (Date d = make_date(1400, 1, 1); d <= make_date(9999, 12, 31); d += boost::gregorian::days(13)) {
    char want[32];  // (room for any int, as format-truncation checks)
    std::snprintf(want, sizeof want, "%04d-%02d-%02d", static_cast<int>(d.year()), static_cast<int>(d.month()),
                  static_cast<int>(d.day()));
    ASSERT_EQ(to_iso(d), want);
  }
}

}  // namespace
