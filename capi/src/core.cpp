// C ABI: version and dates.
#include "cadrekit/core/version.hpp"
#include "common.hpp"

using namespace cadrekit;
using namespace cadrekit::capi;

static_assert(CK_VERSION_NUMBER == cadrekit::version_number, "C and C++ versions differ");

extern "C" {

CK_API unsigned ck_version_number(void) { return cadrekit::version_number; }

CK_API const char *ck_version_string(void) { return cadrekit::version_string; }

CK_API int ck_date_from_ymd(ck_date *out, int year, int month, int day) {
  if (out == nullptr) return null_argument("out");
  return guard([&] { *out = to_days(make_date(year, month, day)); });
}

CK_API int ck_date_to_ymd(int *out_year, int *out_month, int *out_day, ck_date d) {
  if (out_year == nullptr) return null_argument("out_year");
  if (out_month == nullptr) return null_argument("out_month");
  if (out_day == nullptr) return null_argument("out_day");
  return guard([&] {
    auto ymd = date_arg(d, "d").year_month_day();
    *out_year = ymd.year;
    *out_month = ymd.month;
    *out_day = ymd.day;
  });
}

CK_API int ck_date_parse_iso(ck_date *out, const char *text) {
  if (out == nullptr) return null_argument("out");
  return guard([&] { *out = to_days(parse_iso_date(text_arg(text, "text"), "text")); });
}

CK_API int ck_date_format_iso(char *buf, size_t size, ck_date d) {
  if (buf == nullptr) return null_argument("buf");
  return guard([&] {
    std::string s = to_iso(date_arg(d, "d"));
    if (size < s.size() + 1)
      throw InvalidInput("buffer too small (needs 11 bytes)", "size", {},
                         ErrorCode::invalid_argument);
    std::memcpy(buf, s.c_str(), s.size() + 1);
  });
}

}  // extern "C"
