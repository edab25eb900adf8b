// The official working-day calendar of mainland China: weekends off, announced holidays off,
// announced make-up working days (调休) on. A WorkCalendar is a cheap value (one shared_ptr)
// over immutable data; copies share it and it is safe to use from many threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
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

  /// The announced days as holiday CSV: the header `date,is_off_day,name`, then one row per
  /// announced day in date order (names are not kept: that column is empty).
  /// `from_csv(to_csv(), lenient())` has the same days, coverage and answers as this calendar,
  /// e.g. in another process.
  std::string to_csv() const;

  /// First and last day of the data's coverage.
  DateRange coverage() const;
  bool covers(Date d) const;
  bool lenient() const;

  bool is_working_day(Date d) const;

  /// The n-th working day strictly after d (n > 0), strictly before d (n < 0); d itself for n = 0.
  Date add_working_days(Date d, int n) const;
  /// The same on a day number (days since 1970-01-01, as the columns below and the C ABI's
  /// ck_date), without converting to a Date and back: same answers, same errors (a day number
  /// outside 1400-01-01..9999-12-31 is InvalidInput naming `field`).
  std::int32_t add_working_days_at(std::int32_t day, std::int32_t n, const char *field = "date") const;

  /// A notice period of n >= 1 working days starting on `start`: the first day is `start` if it
  /// is a working day, otherwise the next working day; returns (first, last) inclusive.
  DateRange window(Date start, int n) const;

  /// Working days in [first, last], both inclusive (0 if last < first).
  int count_working_days(Date first, Date last) const;

  // ---- Columns: the same arithmetic on arrays of day numbers ---------------------------------
  //
  // A day is a count of days since 1970-01-01: int32 as the C ABI's ck_date (Arrow date32),
  // int64 as NumPy's datetime64[D]. The "no date" value of the column type (kNoDay32 /
  // kNoDay64, i.e. NaT; see date.hpp) gives "no date" out. Each call is all or nothing: every row
  // is checked before any is written; the first bad row raises the scalar call's error
  // (CalendarCoverageError for a strict calendar, InvalidInput beyond 1400..9999) with field
  // "from" or "n" ("first" / "last" for counts) and record "row <i>", and `out` is untouched.
  // Spans of different lengths are InvalidInput (field "n" / "out" / "last"). `out` may be the
  // input span itself. No allocation; safe from many threads.

  /// out[i] = add_working_days(from[i], n[i]).
  void add_working_days(std::span<const std::int32_t> from, std::span<const std::int32_t> n,
                        std::span<std::int32_t> out) const;
  /// out[i] = add_working_days(from[i], n) (one n for every row).
  void add_working_days(std::span<const std::int32_t> from, std::int32_t n,
                        std::span<std::int32_t> out) const;
  void add_working_days(std::span<const std::int64_t> from, std::span<const std::int32_t> n,
                        std::span<std::int64_t> out) const;
  void add_working_days(std::span<const std::int64_t> from, std::int32_t n,
                        std::span<std::int64_t> out) const;

  /// out[i] = count_working_days(first[i], last[i]); -1 where first[i] or last[i] is "no date".
  void count_working_days(std::span<const std::int32_t> first,
                          std::span<const std::int32_t> last, std::span<std::int32_t> out) const;
  void count_working_days(std::span<const std::int64_t> first,
                          std::span<const std::int64_t> last, std::span<std::int32_t> out) const;

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
