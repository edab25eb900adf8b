// WorkCalendar against external truth: every day 2007–2026 of the State Council's notices
// (data/calendars/cn_holidays.csv, read here by a separate, naive parser), and the arithmetic
// against a day-by-day oracle.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "cadrekit/core/calendar.hpp"
#include "cadrekit/core/errors.hpp"

using namespace cadrekit;
using boost::gregorian::date_duration;

namespace {

std::string read_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// date -> is_off_day, straight from the CSV.
std::map<Date, bool> truth() {
  std::map<Date, bool> rows;
  std::istringstream in(read_file(CADREKIT_SOURCE_DIR "/data/calendars/cn_holidays.csv"));
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    Date d(static_cast<unsigned short>(std::stoi(line.substr(0, 4))),
           static_cast<unsigned short>(std::stoi(line.substr(5, 2))),
           static_cast<unsigned short>(std::stoi(line.substr(8, 2))));
    rows[d] = line.substr(11, 4) == "true";
  }
  return rows;
}

bool expected_working(const std::map<Date, bool> &rows, Date d) {
  auto it = rows.find(d);
  if (it != rows.end()) return !it->second;
  auto wd = d.day_of_week().as_number();
  return wd != 0 && wd != 6;
}

// The oracle: walk day by day.
Date naive_add(const WorkCalendar &cal, Date d, int n) {
  int step = n > 0 ? 1 : -1;
  for (int left = n > 0 ? n : -n; left > 0;) {
    d += date_duration(step);
    if (cal.is_working_day(d)) --left;
  }
  return d;
}

}  // namespace

TEST(CalendarGolden, EveryDay2007To2026MatchesTheNotices) {
  auto rows = truth();
  ASSERT_GT(rows.size(), 600u);
  auto cal = WorkCalendar::china();
  int checked = 0, mismatches = 0;
  for (Date d(2007, 1, 1); d <= Date(2026, 12, 31); d += date_duration(1)) {
    bool want = expected_working(rows, d);
    bool got = cal.is_working_day(d);
    if (want != got && ++mismatches < 10)
      ADD_FAILURE() << to_iso(d) << ": expected " << (want ? "working" : "off") << ", calculated "
                    << (got ? "working" : "off");
    ++checked;
  }
  EXPECT_EQ(checked, 7305);
  EXPECT_EQ(mismatches, 0);
}

TEST(CalendarGolden, CountPerYearAgreesWithTheData) {
  auto rows = truth();
  auto cal = WorkCalendar::china();
  for (int y = 2007; y <= 2026; ++y) {
    int want = 0;
    for (Date d(y, 1, 1); d <= Date(y, 12, 31); d += date_duration(1))
      want += expected_working(rows, d) ? 1 : 0;
    EXPECT_EQ(cal.count_working_days(Date(y, 1, 1), Date(y, 12, 31)), want) << y;
  }
}

TEST(Calendar, KnownDaysOf2016) {
  auto cal = WorkCalendar::china();
  EXPECT_FALSE(cal.is_working_day(Date(2016, 10, 3)));  // National Day holiday, a Monday
  EXPECT_TRUE(cal.is_working_day(Date(2016, 10, 8)));   // make-up Saturday
  EXPECT_TRUE(cal.is_working_day(Date(2016, 10, 9)));   // make-up Sunday
  EXPECT_FALSE(cal.is_working_day(Date(2016, 9, 24)));  // ordinary Saturday
  // The source's report is dated 2016-09-22 (a Thursday).
  EXPECT_TRUE(cal.is_working_day(Date(2016, 9, 22)));
}

TEST(Calendar, WindowOfFiveWorkingDaysAcrossNationalDay) {
  auto cal = WorkCalendar::china();
  // Posted Friday 2016-09-30: 9-30, 10-08 (Sat, make-up), 10-09 (Sun, make-up), 10-10, 10-11.
  auto w = cal.window(Date(2016, 9, 30), 5);
  EXPECT_EQ(w.first, Date(2016, 9, 30));
  EXPECT_EQ(w.last, Date(2016, 10, 11));
  // Posted on a holiday: the window starts on the next working day.
  auto w2 = cal.window(Date(2016, 10, 3), 5);
  EXPECT_EQ(w2.first, Date(2016, 10, 8));
  EXPECT_EQ(w2.last, Date(2016, 10, 12));
  EXPECT_EQ(cal.count_working_days(w2.first, w2.last), 5);
}

TEST(Calendar, AddWorkingDaysAgreesWithTheDayByDayOracle) {
  auto cal = WorkCalendar::china();
  int cases = 0;
  for (Date d(2007, 3, 1); d <= Date(2026, 11, 30); d += date_duration(37)) {
    for (int n : {-20, -7, -5, -1, 0, 1, 2, 5, 7, 20}) {
      ASSERT_EQ(cal.add_working_days(d, n), naive_add(cal, d, n)) << to_iso(d) << " n=" << n;
      ++cases;
    }
  }
  EXPECT_GT(cases, 1900);
}

TEST(Calendar, AddAndCountAreInverse) {
  auto cal = WorkCalendar::china();
  for (Date d(2007, 1, 1); d <= Date(2025, 12, 31); d += date_duration(11)) {
    for (int n : {1, 3, 5, 10, 60, 250}) {
      Date r = cal.add_working_days(d, n);
      ASSERT_EQ(cal.count_working_days(d + date_duration(1), r), n) << to_iso(d) << " " << n;
      ASSERT_TRUE(cal.is_working_day(r));
      auto w = cal.window(d, n);
      // window(start, n) ends where adding n-1 to its first day ends.
      ASSERT_EQ(w.last, cal.add_working_days(w.first, n - 1));
      ASSERT_EQ(cal.count_working_days(w.first, w.last), n);
    }
  }
}

TEST(Calendar, StrictCalendarRefusesDatesOutsideCoverage) {
  auto cal = WorkCalendar::china();
  EXPECT_EQ(cal.coverage().first, Date(2007, 1, 1));
  EXPECT_EQ(cal.coverage().last, Date(2026, 12, 31));
  EXPECT_THROW(cal.is_working_day(Date(2006, 12, 31)), CalendarCoverageError);
  EXPECT_THROW(cal.is_working_day(Date(2027, 1, 1)), CalendarCoverageError);
  EXPECT_THROW(cal.add_working_days(Date(2026, 12, 31), 1), CalendarCoverageError);
  EXPECT_THROW(cal.window(Date(2026, 12, 28), 10), CalendarCoverageError);
  try {
    cal.count_working_days(Date(2026, 1, 1), Date(2027, 3, 1));
    FAIL() << "no error";
  } catch (const CalendarCoverageError &e) {
    EXPECT_EQ(e.code(), ErrorCode::calendar_coverage);
    EXPECT_EQ(e.field(), "last");
  }
  EXPECT_FALSE(cal.estimated(Date(2030, 1, 1), Date(2030, 1, 2)));
}

TEST(Calendar, LenientCalendarCountsWeekendsOnlyOutsideAndSaysSo) {
  auto cal = WorkCalendar::china(true);
  // 2027-01-01 is a Friday: weekends-only there (no 2027 data).
  EXPECT_TRUE(cal.is_working_day(Date(2027, 1, 1)));
  EXPECT_FALSE(cal.is_working_day(Date(2027, 1, 2)));
  EXPECT_EQ(cal.add_working_days(Date(2026, 12, 31), 1), Date(2027, 1, 1));
  EXPECT_EQ(cal.add_working_days(Date(2027, 1, 1), 1), Date(2027, 1, 4));
  // 2007-01-01..03 are holidays; before 2007 only weekends are off (the 2006-12-30/31 make-up
  // days of the 2007 notice lie outside the coverage and are not used).
  EXPECT_EQ(cal.add_working_days(Date(2007, 1, 4), -1), Date(2006, 12, 29));
  EXPECT_EQ(cal.add_working_days(Date(2007, 1, 4), -3), Date(2006, 12, 27));
  EXPECT_TRUE(cal.estimated(Date(2026, 12, 31), Date(2027, 1, 1)));
  EXPECT_FALSE(cal.estimated(Date(2026, 1, 5), Date(2026, 1, 9)));
  // A long span through and beyond the coverage agrees with the oracle.
  EXPECT_EQ(cal.add_working_days(Date(2026, 11, 2), 400), naive_add(cal, Date(2026, 11, 2), 400));
  EXPECT_EQ(cal.add_working_days(Date(2007, 2, 1), -400), naive_add(cal, Date(2007, 2, 1), -400));
}

TEST(Calendar, CalendarWindowCountsCalendarDays) {
  auto cal = WorkCalendar::china();
  auto w = cal.calendar_window(Date(2016, 9, 29), 7);  // "publicised for 7 days"
  EXPECT_EQ(w.first, Date(2016, 9, 29));
  EXPECT_EQ(w.last, Date(2016, 10, 5));
  EXPECT_NO_THROW(cal.calendar_window(Date(2040, 1, 1), 7));  // needs no holiday data
  EXPECT_THROW(cal.calendar_window(Date(2016, 1, 1), 0), InvalidInput);
  EXPECT_THROW(cal.window(Date(2016, 1, 1), 0), InvalidInput);
}

TEST(Calendar, ANewlyAnnouncedYearExtendsTheCoverage) {
  auto cal = WorkCalendar::china();
  // A fictitious 2027 notice: New Year 1–3 January off, Sunday 4 January... a make-up day.
  const char *csv2027 =
      "date,is_off_day,name\n"
      "2027-01-01,true,元旦\n"
      "2027-01-04,true,元旦\n"
      "2027-01-09,false,元旦\n";
  auto ext = cal.with_csv(csv2027, "2027.csv");
  EXPECT_EQ(ext.coverage().last, Date(2027, 12, 31));
  EXPECT_FALSE(ext.is_working_day(Date(2027, 1, 4)));
  EXPECT_TRUE(ext.is_working_day(Date(2027, 1, 9)));
  EXPECT_EQ(ext.add_working_days(Date(2026, 12, 31), 1), Date(2027, 1, 5));
  // The original is unchanged.
  EXPECT_THROW(cal.is_working_day(Date(2027, 1, 4)), CalendarCoverageError);
  // A year that leaves a gap is refused.
  EXPECT_THROW(cal.with_csv("date,is_off_day,name\n2029-01-01,true,元旦\n"), InvalidInput);
}

TEST(Calendar, BadCsvIsATypedErrorNamingTheLine) {
  try {
    WorkCalendar::from_csv("date,is_off_day,name\n2020-01-01,true,x\n2020-02-30,true,y\n", false,
                           "my.csv");
    FAIL() << "no error";
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "date");
    EXPECT_EQ(e.record(), "my.csv:3");
  }
  EXPECT_THROW(WorkCalendar::from_csv("", false), InvalidInput);
  EXPECT_THROW(WorkCalendar::from_csv("day,off\n", false), InvalidInput);
  EXPECT_THROW(WorkCalendar::from_csv("date,is_off_day,name\n2020-01-01,yes,x\n"), InvalidInput);
  EXPECT_THROW(WorkCalendar::from_csv("date,is_off_day,name\n2020-01-01,true,x\n2020-01-01,true,x\n"),
               InvalidInput);
  // Only make-up days: announces no holiday, covers no year.
  EXPECT_THROW(WorkCalendar::from_csv("date,is_off_day,name\n2020-01-19,false,x\n"), InvalidInput);
}

TEST(Calendar, CopiesShareTheData) {
  auto a = WorkCalendar::china();
  WorkCalendar b = a;
  EXPECT_EQ(a.add_working_days(Date(2016, 9, 30), 3), b.add_working_days(Date(2016, 9, 30), 3));
}

TEST(Calendar, ToCsvReadsBackAsTheSameCalendar) {
  const char *csv2027 =
      "date,is_off_day,name\n"
      "# a fictitious 2027 notice\n"
      "2027-01-01,true,元旦\n"
      "2027-01-04,true,元旦\n"
      "2027-01-09,false,元旦\n";
  for (bool lenient : {false, true}) {
    auto cal = WorkCalendar::china(lenient).with_csv(csv2027, "2027.csv");
    const std::string text = cal.to_csv();
    EXPECT_EQ(text.rfind("date,is_off_day,name\n", 0), 0u);
    EXPECT_NE(text.find("\n2027-01-09,false,\n"), std::string::npos);
    EXPECT_EQ(text.find("元旦"), std::string::npos);  // names are not kept
    auto back = WorkCalendar::from_csv(text, lenient);
    EXPECT_EQ(back.to_csv(), text);
    EXPECT_EQ(back.coverage(), cal.coverage());
    EXPECT_EQ(back.lenient(), lenient);
    // Every day of the coverage (and beyond it, lenient) answers the same.
    const Date first = lenient ? Date(2005, 1, 1) : cal.coverage().first;
    const Date last = lenient ? Date(2029, 12, 31) : cal.coverage().last;
    for (Date day = first; day <= last; day += boost::gregorian::days(1))
      ASSERT_EQ(back.is_working_day(day), cal.is_working_day(day)) << to_iso(day);
    EXPECT_EQ(back.count_working_days(first, last), cal.count_working_days(first, last));
  }
  // The embedded calendar without a new year: its own data.
  EXPECT_EQ(WorkCalendar::from_csv(WorkCalendar::china().to_csv()).coverage(),
            WorkCalendar::china().coverage());
}
