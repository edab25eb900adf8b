/* Built against the header of the ABI baseline (capi/abi/cadrekit.h), run against the library
 * of this build: an old client must keep working with a new library (lz4's check). It uses only
 * what the baseline declares and checks the answers, not just that calls return. */
#include <stdio.h>
#include <string.h>

#include "cadrekit.h" /* capi/abi/cadrekit.h: the baseline's copy */

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #c); return 1; } } while (0)

int main(void) {
  ck_calendar *cal = NULL;
  ck_date start = 0, first = 0, last = 0;
  /* The library is at least as new as the header the client was built with. */
  CHECK(ck_version_number() >= CK_VERSION_NUMBER);
  CHECK(ck_calendar_china(&cal, 0) == CK_OK);
  CHECK(ck_date_from_ymd(&start, 2016, 9, 30) == CK_OK);
  CHECK(ck_calendar_window(&first, &last, cal, start, 5) == CK_OK);
  CHECK(first == start && last == start + 11);
  CHECK(ck_calendar_add_working_days(&first, NULL, start, 1) == CK_E_INVALID_ARGUMENT);
  CHECK(strlen(ck_last_error_message()) > 0);
  CHECK(ck_citizen_id_is_valid(NULL) == 0);
  ck_calendar_free(cal);
  printf("abi compat: a client of the baseline header runs against libcadrekit_c %s\n",
         ck_version_string());
  return 0;
}
