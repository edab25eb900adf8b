// Dates. In C++ a date is boost::gregorian::date; across the C ABI and in batch columns it is
// an int32 count of days since 1970-01-01 (Arrow's date32). Nothing here reads the clock:
// every computation in cadrekit takes its as-of date from the caller.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include <boost/date_time/gregorian/gregorian_types.hpp>

namespace cadrekit {

using Date = boost::gregorian::date;

/// "No date" in a column of day numbers (a missing date of joining, a NaT): the smallest value
/// of the column's type. For int64 columns this is NumPy's and pandas' NaT (datetime64[D] is an
/// int64 count of days since 1970-01-01); for int32 columns (ck_date, Arrow date32) INT32_MIN.
inline constexpr std::int32_t kNoDay32 = std::numeric_limits<std::int32_t>::min();
inline constexpr std::int64_t kNoDay64 = std::numeric_limits<std::int64_t>::min();

/// The earliest and latest dates cadrekit accepts anywhere (Boost's own range).
Date min_date();
Date max_date();

/// Days since 1970-01-01 (negative before). Throws InvalidInput for a not-a-date.
std::int32_t to_days(Date d);
/// The date `days` after 1970-01-01. Throws InvalidInput outside [min_date, max_date].
Date from_days(std::int32_t days);

/// A valid calendar date, or InvalidInput naming `field`.
Date make_date(int year, int month, int day, std::string_view field = "date");

/// Parses ISO 8601 `YYYY-MM-DD` exactly (no other form). Throws InvalidInput naming `field`;
/// the message does not repeat the text (it may be personal data).
Date parse_iso_date(std::string_view text, std::string_view field = "date");
/// `YYYY-MM-DD`.
std::string to_iso(Date d);

/// `months` months after d, the day clamped to the month's end (Jan 31 + 1 → Feb 28/29).
/// InvalidInput for a not-a-date or a result outside 1400…9999.
Date add_months(Date d, std::int64_t months);

/// Whole years from `from` to `to` (an anniversary on 29 February falls on 1 March in
/// common years). Negative if `to` is before `from`.
int whole_years_between(Date from, Date to);

}  // namespace cadrekit
