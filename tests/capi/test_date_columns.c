/* The C ABI's batch calls for dates: ck_calendar_add_working_days_columns,
 * ck_calendar_count_working_days_columns and ck_three_ages_columns, against the scalar calls and
 * figures of the State Council's notices; all or nothing; NULL and length errors. C99. */
#include <string.h>

#include <cadrekit.h>

#include "check.h"

static ck_date ymd(int y, int m, int d) {
  ck_date out = 0;
  CHECK_STATUS(CK_OK, ck_date_from_ymd(&out, y, m, d));
  return out;
}

/* The batch calls with their columns passed one by one, as the tests below read best. */
static int add_days(ck_date *out, const ck_calendar *cal, const ck_date *from, const int32_t *n,
                    size_t len) {
  ck_calendar_add_working_days_in in = {.struct_size = sizeof in};
  ck_calendar_add_working_days_out o = {.struct_size = sizeof o};
  in.len = len;
  in.from = from;
  in.n = n;
  o.date = out;
  return ck_calendar_add_working_days_columns(&o, cal, &in);
}

static int count_days(int32_t *out, const ck_calendar *cal, const ck_date *first,
                      const ck_date *last, size_t len) {
  ck_calendar_count_working_days_in in = {.struct_size = sizeof in};
  ck_calendar_count_working_days_out o = {.struct_size = sizeof o};
  in.len = len;
  in.first = first;
  in.last = last;
  o.count = out;
  return ck_calendar_count_working_days_columns(&o, cal, &in);
}

static int ages(int32_t *age, int32_t *party_years, int32_t *work_years, ck_date as_of, size_t n,
                const ck_date *birth, const ck_date *party_joined, const ck_date *work_started) {
  ck_three_ages_in in = {.struct_size = sizeof in};
  ck_three_ages_out o = {.struct_size = sizeof o};
  in.as_of = as_of;
  in.n = n;
  in.birth = birth;
  in.party_joined = party_joined;
  in.work_started = work_started;
  o.age = age;
  o.party_years = party_years;
  o.work_years = work_years;
  return ck_three_ages_columns(&o, &in);
}

static void working_days(void) {
  ck_calendar *cal = NULL;
  ck_date first, last, x;
  size_t len = 0, i;
  static ck_date from[8000], out[8000];
  static int32_t n[8000];
  CHECK_STATUS(CK_OK, ck_calendar_china(&cal, 0));
  CHECK_STATUS(CK_OK, ck_calendar_coverage(&first, &last, cal));
  /* Every day of the coverage but the last weeks, n from -3 to 3: the batch equals the scalar
   * call (which the C++ tests check day by day against the notices' CSV). */
  for (x = first + 30; x <= last - 30; ++x, ++len) {
    from[len] = x;
    n[len] = (int32_t)(len % 7) - 3;
  }
  CHECK(len > 7000);
  CHECK_STATUS(CK_OK, add_days(out, cal, from, n, len));
  for (i = 0; i < len; ++i) {
    ck_date one = 0;
    CHECK_STATUS(CK_OK, ck_calendar_add_working_days(&one, cal, from[i], n[i]));
    if (one != out[i]) {
      CHECK(one == out[i]);
      break;
    }
  }
  /* Counts: the year 2016 has 250 working days (366 − 105 weekend days − 17 weekday holidays
   * + 6 make-up days), and a missing date gives -1. */
  {
    ck_date f[2], l[2];
    int32_t c[2] = {9, 9};
    f[0] = ymd(2016, 1, 1); l[0] = ymd(2016, 12, 31);
    f[1] = CK_NO_DATE; l[1] = ymd(2016, 12, 31);
    CHECK_STATUS(CK_OK, count_days(c, cal, f, l, 2));
    CHECK(c[0] == 250 && c[1] == -1);
    f[1] = ymd(2030, 1, 1);
    c[0] = c[1] = 9;
    CHECK_STATUS(CK_E_CALENDAR_COVERAGE, count_days(c, cal, f, l, 2));
    CHECK(c[0] == 9 && c[1] == 9);
    CHECK(strstr(ck_last_error_message(), "row 2") != NULL);
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, count_days(NULL, cal, f, l, 2));
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, count_days(c, cal, f, NULL, 2));
    CHECK_STATUS(CK_OK, count_days(NULL, cal, NULL, NULL, 0));
  }
  /* National Day 2016: Friday 30 September + 1 working day = Saturday 8 October (make-up day);
   * a missing date stays missing. All or nothing: a row leaving the coverage changes nothing. */
  {
    ck_date f[3], o[3] = {7, 7, 7};
    int32_t k[3] = {1, 4, 5};
    f[0] = ymd(2016, 9, 30); f[1] = CK_NO_DATE; f[2] = ymd(2026, 12, 30);
    CHECK_STATUS(CK_E_CALENDAR_COVERAGE, add_days(o, cal, f, k, 3));
    CHECK(o[0] == 7 && o[1] == 7 && o[2] == 7);
    CHECK(strstr(ck_last_error_message(), "row 3") != NULL);
    CHECK(strstr(ck_last_error_message(), "field n") != NULL);
    f[2] = ymd(2016, 10, 3);
    CHECK_STATUS(CK_OK, add_days(o, cal, f, k, 3));
    CHECK(o[0] == ymd(2016, 10, 8) && o[1] == CK_NO_DATE && o[2] == ymd(2016, 10, 12)); /* 10-08, 09, 10, 11, 12 */
    /* In place: out may be from. */
    f[1] = ymd(2016, 9, 30);
    CHECK_STATUS(CK_OK, add_days(f, cal, f, k, 3));
    CHECK(f[0] == ymd(2016, 10, 8) && f[1] == ymd(2016, 10, 11));
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, add_days(o, cal, NULL, k, 3));
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, add_days(o, cal, f, NULL, 3));
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, add_days(o, NULL, f, k, 3));
    CHECK(strstr(ck_last_error_message(), "cal") != NULL);
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, add_days(o, cal, f, NULL, 3));
    CHECK(strstr(ck_last_error_message(), "in.n") != NULL);
    /* The structs themselves must be given. */
    {
      ck_calendar_add_working_days_in in = {.struct_size = sizeof in};
      ck_calendar_add_working_days_out out_cols = {.struct_size = sizeof out_cols};
      CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_calendar_add_working_days_columns(NULL, cal, &in));
      CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_calendar_add_working_days_columns(&out_cols, cal, NULL));
      CHECK_STATUS(CK_OK, ck_calendar_add_working_days_columns(&out_cols, cal, &in));
    }
  }
  ck_calendar_free(cal);
}

static void three_ages(void) {
  /* The cases of test_person.c's three_ages, as rows of one call per as-of date. */
  ck_date birth[4], party[4], work[4];
  int32_t age[4] = {9, 9, 9, 9}, py[4] = {9, 9, 9, 9}, wy[4] = {9, 9, 9, 9};
  int i;
  birth[0] = ymd(2000, 2, 29); party[0] = CK_NO_DATE; work[0] = CK_NO_DATE;
  birth[1] = ymd(1970, 6, 15); party[1] = ymd(1995, 7, 1); work[1] = ymd(1990, 8, 1);
  birth[2] = ymd(1970, 6, 16); party[2] = ymd(1995, 7, 1); work[2] = CK_NO_DATE;
  birth[3] = ymd(2020, 6, 15); party[3] = CK_NO_DATE; work[3] = ymd(2020, 6, 15);
  CHECK_STATUS(CK_OK, ages(age, py, wy, ymd(2020, 6, 15), 4, birth, party, work));
  CHECK(age[0] == 20 && py[0] == -1 && wy[0] == -1);
  CHECK(age[1] == 50 && py[1] == 24 && wy[1] == 29); /* birthday on the as-of date counts */
  CHECK(age[2] == 49 && py[2] == 24 && wy[2] == -1);
  CHECK(age[3] == 0 && py[3] == -1 && wy[3] == 0);
  /* 29 February: 2001-02-28 → 0, 2001-03-01 → 1. */
  CHECK_STATUS(CK_OK, ages(age, py, wy, ymd(2001, 2, 28), 1, birth, NULL, NULL));
  CHECK(age[0] == 0 && py[0] == -1 && wy[0] == -1);
  CHECK_STATUS(CK_OK, ages(age, py, wy, ymd(2001, 3, 1), 1, birth, NULL, NULL));
  CHECK(age[0] == 1);
  /* Equal to the scalar call. */
  CHECK_STATUS(CK_OK, ages(age, py, wy, ymd(2021, 3, 1), 4, birth, party, work));
  for (i = 0; i < 4; ++i) {
    int32_t a = -9, p = -9, w = -9;
    CHECK_STATUS(CK_OK, ck_three_ages(&a, &p, &w, birth[i], party[i] != CK_NO_DATE, party[i],
                                      work[i] != CK_NO_DATE, work[i], ymd(2021, 3, 1)));
    CHECK(a == age[i] && p == py[i] && w == wy[i]);
  }
  /* All or nothing: row 4 joined "after" the as-of date; nothing is written. */
  for (i = 0; i < 4; ++i) age[i] = py[i] = wy[i] = 9;
  party[3] = ymd(2021, 1, 1);
  CHECK_STATUS(CK_E_INVALID_INPUT, ages(age, py, wy, ymd(2020, 12, 31), 4, birth, party, work));
  CHECK(strstr(ck_last_error_message(), "row 4") != NULL);
  CHECK(strstr(ck_last_error_message(), "party_joined") != NULL);
  for (i = 0; i < 4; ++i) CHECK(age[i] == 9 && py[i] == 9 && wy[i] == 9);
  /* A missing birth date is an error of that row. */
  party[3] = CK_NO_DATE;
  birth[2] = CK_NO_DATE;
  CHECK_STATUS(CK_E_INVALID_INPUT, ages(age, py, wy, ymd(2020, 12, 31), 4, birth, party, work));
  CHECK(strstr(ck_last_error_message(), "birth_date") != NULL);
  CHECK(strstr(ck_last_error_message(), "row 3") != NULL);
  CHECK(age[0] == 9);
  /* NULLs. */
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ages(NULL, py, wy, ymd(2020, 1, 1), 4, birth, party, work));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ages(age, NULL, wy, ymd(2020, 1, 1), 4, birth, party, work));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ages(age, py, wy, ymd(2020, 1, 1), 4, NULL, party, work));
  CHECK_STATUS(CK_OK, ages(NULL, NULL, NULL, ymd(2020, 1, 1), 0, NULL, NULL, NULL));
  CHECK_STATUS(CK_E_INVALID_INPUT, ages(age, py, wy, CK_NO_DATE, 1, birth, NULL, NULL));
}

int main(void) {
  working_days();
  three_ages();
  return ck_test_done("test_date_columns");
}
