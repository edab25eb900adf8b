/* C ABI: the working-day calendar, checked day by day against the holiday data. */
#include <stdlib.h>
#include <string.h>

#include <cadrekit.h>

#include "check.h"

static ck_date ymd(int y, int m, int d) {
  ck_date out = 0;
  ck_date_from_ymd(&out, y, m, d);
  return out;
}

/* 1970-01-01 was a Thursday. 0 = Monday .. 6 = Sunday. */
static int weekday(ck_date d) { return (int)(((d % 7) + 7 + 3) % 7); }

/* Reads the CSV independently and compares every day 2007..2026. */
static void golden_walk(const ck_calendar *cal) {
  static signed char special[40000]; /* index: day - base; 1 off, -1 make-up workday, 0 none */
  const ck_date base = ymd(2006, 1, 1);
  char line[256];
  int rows = 0, mismatches = 0;
  ck_date d;
  FILE *f = fopen(CADREKIT_SOURCE_DIR "/data/calendars/cn_holidays.csv", "r");
  CHECK(f != NULL);
  if (f == NULL) return;
  memset(special, 0, sizeof special);
  if (fgets(line, sizeof line, f) == NULL) { fclose(f); return; } /* header */
  while (fgets(line, sizeof line, f) != NULL) {
    int y, m, day;
    ck_date when;
    if (sscanf(line, "%d-%d-%d", &y, &m, &day) != 3) continue;
    when = ymd(y, m, day);
    special[when - base] = strncmp(line + 11, "true", 4) == 0 ? 1 : -1;
    ++rows;
  }
  fclose(f);
  CHECK(rows > 600);
  for (d = ymd(2007, 1, 1); d <= ymd(2026, 12, 31); ++d) {
    int want = special[d - base] == 1 ? 0 : special[d - base] == -1 ? 1 : weekday(d) < 5;
    int got = -1;
    CHECK_STATUS(CK_OK, ck_calendar_is_working_day(&got, cal, d));
    if (got != want && ++mismatches < 5) {
      char buf[16];
      ck_date_format_iso(buf, sizeof buf, d);
      fprintf(stderr, "%s: expected %d, calculated %d\n", buf, want, got);
    }
  }
  CHECK(mismatches == 0);
}

int main(void) {
  ck_calendar *cal = NULL, *lenient = NULL, *ext = NULL;
  ck_date out = 0, first = 0, last = 0;
  int32_t count = 0;
  int flag = -1;

  CHECK_STATUS(CK_OK, ck_calendar_china(&cal, 0));
  CHECK(cal != NULL);
  golden_walk(cal);

  CHECK_STATUS(CK_OK, ck_calendar_coverage(&first, &last, cal));
  CHECK(first == ymd(2007, 1, 1) && last == ymd(2026, 12, 31));

  /* The same cases as the C++ and Python tests. */
  CHECK_STATUS(CK_OK, ck_calendar_add_working_days(&out, cal, ymd(2016, 9, 30), 1));
  CHECK(out == ymd(2016, 10, 8));
  CHECK_STATUS(CK_OK, ck_calendar_add_working_days(&out, cal, ymd(2016, 10, 8), -1));
  CHECK(out == ymd(2016, 9, 30));
  CHECK_STATUS(CK_OK, ck_calendar_add_working_days(&out, cal, ymd(2016, 10, 3), 0));
  CHECK(out == ymd(2016, 10, 3));
  CHECK_STATUS(CK_OK, ck_calendar_window(&first, &last, cal, ymd(2016, 9, 30), 5));
  CHECK(first == ymd(2016, 9, 30) && last == ymd(2016, 10, 11));
  CHECK_STATUS(CK_OK, ck_calendar_window(&first, &last, cal, ymd(2016, 10, 3), 5));
  CHECK(first == ymd(2016, 10, 8) && last == ymd(2016, 10, 12));
  CHECK_STATUS(CK_OK, ck_calendar_count_working_days(&count, cal, ymd(2016, 1, 1), ymd(2016, 12, 31)));
  CHECK(count == 250); /* computed independently from the notices */
  CHECK_STATUS(CK_OK, ck_calendar_calendar_window(&first, &last, cal, ymd(2016, 9, 29), 7));
  CHECK(first == ymd(2016, 9, 29) && last == ymd(2016, 10, 5));

  /* Coverage: strict refuses, lenient counts weekends only. */
  out = 7;
  CHECK_STATUS(CK_E_CALENDAR_COVERAGE, ck_calendar_add_working_days(&out, cal, ymd(2026, 12, 31), 1));
  CHECK(out == 7);
  CHECK(strstr(ck_last_error_message(), "coverage") != NULL);
  CHECK_STATUS(CK_E_CALENDAR_COVERAGE, ck_calendar_is_working_day(&flag, cal, ymd(2030, 1, 1)));
  CHECK_STATUS(CK_OK, ck_calendar_china(&lenient, 1));
  CHECK_STATUS(CK_OK, ck_calendar_add_working_days(&out, lenient, ymd(2026, 12, 31), 1));
  CHECK(out == ymd(2027, 1, 1));

  /* A newly announced year. */
  CHECK_STATUS(CK_OK, ck_calendar_with_csv(&ext, cal,
                                          "date,is_off_day,name\n2027-01-01,true,x\n2027-01-04,true,x\n"));
  CHECK_STATUS(CK_OK, ck_calendar_add_working_days(&out, ext, ymd(2026, 12, 31), 1));
  CHECK(out == ymd(2027, 1, 5));
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_calendar_from_csv(&ext, "date,is_off_day,name\n2020-02-30,true,x\n", 0));

  /* Batch: all or nothing. */
  {
    ck_date from[3], res[3] = {0, 0, 0};
    int32_t n[3] = {1, 5, -1};
    ck_calendar_add_working_days_in in = {.struct_size = sizeof in};
    ck_calendar_add_working_days_out o = {.struct_size = sizeof o};
    from[0] = ymd(2016, 9, 30); from[1] = ymd(2016, 9, 30); from[2] = ymd(2016, 10, 8);
    in.len = 3;
    in.from = from;
    in.n = n;
    o.date = res;
    CHECK_STATUS(CK_OK, ck_calendar_add_working_days_columns(&o, cal, &in));
    CHECK(res[0] == ymd(2016, 10, 8) && res[1] == ymd(2016, 10, 12) && res[2] == ymd(2016, 9, 30));
    res[0] = res[1] = res[2] = 0;
    from[1] = ymd(2030, 1, 1);
    CHECK_STATUS(CK_E_CALENDAR_COVERAGE, ck_calendar_add_working_days_columns(&o, cal, &in));
    CHECK(res[0] == 0 && res[2] == 0);
    CHECK(strstr(ck_last_error_message(), "row 2") != NULL);
    in.len = 0;
    in.from = NULL;
    in.n = NULL;
    o.date = NULL;
    CHECK_STATUS(CK_OK, ck_calendar_add_working_days_columns(&o, cal, &in));
  }

  /* NULLs and bad numbers: a status, never a crash. */
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_calendar_china(NULL, 0));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_calendar_add_working_days(NULL, cal, 0, 1));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_calendar_add_working_days(&out, NULL, 0, 1));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_calendar_is_working_day(NULL, cal, 0));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_calendar_window(NULL, &last, cal, 0, 1));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_calendar_window(&first, NULL, cal, 0, 1));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_calendar_count_working_days(NULL, cal, 0, 1));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_calendar_from_csv(&ext, NULL, 0));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_calendar_with_csv(&ext, NULL, "date,is_off_day\n"));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_calendar_coverage(&first, &last, (const ck_calendar *)&count));
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_calendar_window(&first, &last, cal, ymd(2016, 1, 4), 0));
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_calendar_add_working_days(&out, lenient, ymd(2016, 1, 4), 2147483647));
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_calendar_is_working_day(&flag, cal, -2147483647 - 1));

  ck_calendar_free(ext);
  ck_calendar_free(lenient);
  ck_calendar_free(cal);
  ck_calendar_free(NULL);
  return ck_test_done("test_calendar");
}
