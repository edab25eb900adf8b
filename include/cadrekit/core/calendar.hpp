// The official working-day calendar of mainland China: weekends off, announced holidays off,
// announced make-up working days (调休) on. A WorkCalendar is a cheap value (one shared_ptr)
// over immutable data; copies share it and it is safe to use from many threads at once.
#pragma once

#include <memory>
#include <string_view>
#include <utility>

#include "cadrekit/core/date.hpp"

namespace cadrekit {

/// A span of days, both ends inclusive.
struct DateRange {
  Date first;
  Date last;
  friend bool operator==(const DateRange &, const DateRange &) = default;
};

class WorkCalendar {
 public:
  /// The embedded calendar of mainland China, 2007-01-01 .. 2026-12-31 (State Council notices,
  /// from holiday-cn). Strict: any date outside coverage raises CalendarCoverageError.
  /// Lenient: outside coverage only weekends are off, and `estimated()` says so.
  static WorkCalendar china(bool lenient = false);

  /// A calendar from CSV text of the form `date,is_off_day,name` (header line required;
  /// `#` comment lines allowed). Coverage: every year for which the data announces at least
  /// one holiday (is_off_day=true); the years must be contiguous. `record` names the source
  /// in error messages.
  static WorkCalendar from_csv(std::string_view csv, bool lenient = false,
                               std::string_view record = "<csv>");

  /// This calendar plus the days of `csv` (same form), e.g. a year the State Council has just
  /// announced. Rows for dates already covered replace the old ones. The new years must join
  /// the coverage without a gap. Returns a new calendar; this one is unchanged.
  WorkCalendar with_csv(std::string_view csv, std::string_view record = "<csv>") const;

  /// First and last day of the data's coverage.
  DateRange coverage() const;
  bool covers(Date d) const;
  bool lenient() const;

  bool is_working_day(Date d) const;

  /// The n-th working day strictly after d (n > 0), strictly before d (n < 0); d itself for n = 0.
  Date add_working_days(Date d, int n) const;

  /// A notice period of n >= 1 working days starting on `start`: the first day is `start` if it
  /// is a working day, otherwise the next working day; returns (first, last) inclusive.
  DateRange window(Date start, int n) const;

  /// Working days in [first, last], both inclusive (0 if last < first).
  int count_working_days(Date first, Date last) const;

  /// n >= 1 calendar days starting on `start` ("publicised for 7 days"): (start, start + n - 1).
  /// Needs no holiday data, so never raises a coverage error.
  DateRange calendar_window(Date start, int n) const;

  /// True when a lenient calendar had to assume "weekends only" for some day in [a, b]
  /// (i.e. part of the span lies outside the coverage). Always false for a strict calendar,
  /// which raises instead.
  bool estimated(Date a, Date b) const;

  struct Data;  // implementation detail, shared and immutable

 private:
  explicit WorkCalendar(std::shared_ptr<const Data> data, bool lenient)
      : data_(std::move(data)), lenient_(lenient) {}
  std::shared_ptr<const Data> data_;
  bool lenient_ = false;
};

}  // namespace cadrekit
