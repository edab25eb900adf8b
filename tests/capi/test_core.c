/* C ABI: version, status codes, last error, dates. */
#include <string.h>

#include <cadrekit.h>

#include "check.h"

int main(void) {
  ck_date d = 0;
  int y = 0, m = 0, day = 0;
  char buf[16];

  /* Header and library agree (SQLite's advice). */
  CHECK(ck_version_number() == CK_VERSION_NUMBER);
  {
    char want[32];
    sprintf(want, "%d.%d.%d", CK_VERSION_MAJOR, CK_VERSION_MINOR, CK_VERSION_PATCH);
    CHECK(strcmp(ck_version_string(), want) == 0);
  }
  CHECK(CK_VERSION_CHECK(0, 1, 0));

  /* Pinned status values. */
  CHECK(CK_OK == 0 && CK_E_INVALID_ARGUMENT == 1 && CK_E_INVALID_INPUT == 2 && CK_E_POLICY == 3 &&
        CK_E_CALENDAR_COVERAGE == 4 && CK_E_STATE == 5 && CK_E_OVERFLOW == 6 &&
        CK_E_NO_MEMORY == 7 && CK_E_INTERNAL == 99);
  CHECK(strcmp(ck_status_name(CK_E_CALENDAR_COVERAGE), "calendar_coverage") == 0);
  CHECK(strcmp(ck_status_name(12345), "unknown") == 0);

  /* The last error message is never NULL, even before any failure. */
  CHECK(ck_last_error_message() != NULL);

  /* Dates: days since 1970-01-01. */
  CHECK_STATUS(CK_OK, ck_date_from_ymd(&d, 1970, 1, 1));
  CHECK(d == 0);
  CHECK_STATUS(CK_OK, ck_date_from_ymd(&d, 2016, 9, 22));
  CHECK(d == 17066);
  CHECK_STATUS(CK_OK, ck_date_to_ymd(&y, &m, &day, 17066));
  CHECK(y == 2016 && m == 9 && day == 22);
  CHECK_STATUS(CK_OK, ck_date_from_ymd(&d, 1969, 12, 31));
  CHECK(d == -1);
  CHECK_STATUS(CK_OK, ck_date_parse_iso(&d, "2000-02-29"));
  CHECK_STATUS(CK_OK, ck_date_format_iso(buf, sizeof buf, d));
  CHECK(strcmp(buf, "2000-02-29") == 0);

  /* Bad input: a status and a message naming the field; outputs untouched. */
  d = 42;
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_date_from_ymd(&d, 2015, 2, 29));
  CHECK(d == 42);
  CHECK(strstr(ck_last_error_message(), "date") != NULL);
  CHECK(ck_last_error_code() == CK_E_INVALID_INPUT);
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_date_parse_iso(&d, "2016-9-22"));
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_date_parse_iso(&d, "2016-13-01"));
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_date_parse_iso(&d, "\xff\xfe"));
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_date_to_ymd(&y, &m, &day, 2147483647));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_date_format_iso(buf, 5, 0));

  /* NULL for each pointer argument. */
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_date_from_ymd(NULL, 2016, 1, 1));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_date_to_ymd(NULL, &m, &day, 0));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_date_to_ymd(&y, NULL, &day, 0));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_date_to_ymd(&y, &m, NULL, 0));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_date_parse_iso(NULL, "2016-01-01"));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_date_parse_iso(&d, NULL));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_date_format_iso(NULL, 16, 0));
  CHECK(strstr(ck_last_error_message(), "NULL") != NULL);

  ck_free(NULL); /* a no-op */
  return ck_test_done("test_core");
}
