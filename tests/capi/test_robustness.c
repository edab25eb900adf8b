/* C ABI robustness (issue #3, docs/reliability.md): every ck_* function of the core answers NULL
 * for each pointer argument, a foreign handle, out-of-range numbers, invalid UTF-8 and an
 * over-long string with an error status and a message — never a crash. (Freed handles are not
 * probed: reading freed memory is itself undefined, and the sanitizer build would rightly flag
 * the test; ck_*_free of a foreign pointer is ignored.) */
#include <stdlib.h>
#include <string.h>

#include <cadrekit.h>

#include "check.h"

#define EXPECT_FAIL(expected, call)                                                            \
  do {                                                                                         \
    CHECK_STATUS(expected, call);                                                              \
    CHECK(ck_last_error_message() != NULL && strlen(ck_last_error_message()) > 0);             \
  } while (0)

int main(void) {
  ck_calendar *cal = NULL, *cal2 = NULL;
  ck_policy *pol = NULL, *pol2 = NULL;
  const ck_calendar *foreign_cal;
  const ck_policy *foreign_pol;
  uint64_t foreign[8] = {0x1234, 0x5678, 0, 0, 0, 0, 0, 0};
  ck_date d = 0, d2 = 0;
  int i = 0, y, m, day;
  int32_t i32 = 0, j32 = 0, k32 = 0;
  int64_t i64 = 0;
  char *s = NULL, buf[32];
  const char *bad_utf8 = "20\xC0\xAF" "16-01-01";   /* an overlong '/' */
  const char *surrogate = "\xED\xA0\x80";          /* UTF-16 surrogate in UTF-8 */
  size_t big = (size_t)64 * 1024 * 1024 + 16;
  char *huge = (char *)malloc(big + 1);

  CHECK(huge != NULL);
  if (huge == NULL) return ck_test_done("test_robustness");
  memset(huge, '7', big);
  huge[big] = '\0';
  foreign_cal = (const ck_calendar *)(const void *)foreign;
  foreign_pol = (const ck_policy *)(const void *)foreign;

  CHECK_STATUS(CK_OK, ck_calendar_china(&cal, 0));
  CHECK_STATUS(CK_OK, ck_policy_default(&pol));

  /* --- dates --- */
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_date_from_ymd(NULL, 2016, 1, 1));
  EXPECT_FAIL(CK_E_INVALID_INPUT, ck_date_from_ymd(&d, 2016, 0, 1));
  EXPECT_FAIL(CK_E_INVALID_INPUT, ck_date_from_ymd(&d, -2147483647 - 1, 1, 1));
  EXPECT_FAIL(CK_E_INVALID_INPUT, ck_date_from_ymd(&d, 2016, 1, 2147483647));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_date_to_ymd(NULL, &m, &day, 0));
  EXPECT_FAIL(CK_E_INVALID_INPUT, ck_date_to_ymd(&y, &m, &day, -2147483647 - 1));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_date_parse_iso(NULL, "2016-01-01"));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_date_parse_iso(&d, NULL));
  EXPECT_FAIL(CK_E_INVALID_INPUT, ck_date_parse_iso(&d, bad_utf8));
  EXPECT_FAIL(CK_E_INVALID_INPUT, ck_date_parse_iso(&d, surrogate));
  EXPECT_FAIL(CK_E_INVALID_INPUT, ck_date_parse_iso(&d, huge));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_date_format_iso(NULL, sizeof buf, 0));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_date_format_iso(buf, 0, 0));
  EXPECT_FAIL(CK_E_INVALID_INPUT, ck_date_format_iso(buf, sizeof buf, 2147483647));

  /* --- calendar --- */
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_calendar_china(NULL, 0));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_calendar_from_csv(NULL, "date,is_off_day,name\n", 0));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_calendar_from_csv(&cal2, NULL, 0));
  EXPECT_FAIL(CK_E_INVALID_INPUT, ck_calendar_from_csv(&cal2, surrogate, 0));
  EXPECT_FAIL(CK_E_INVALID_INPUT, ck_calendar_from_csv(&cal2, huge, 0));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_calendar_with_csv(NULL, cal, "date,is_off_day,name\n"));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_calendar_with_csv(&cal2, NULL, "date,is_off_day,name\n"));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_calendar_with_csv(&cal2, foreign_cal, "date,is_off_day,name\n"));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_calendar_with_csv(&cal2, cal, NULL));
  EXPECT_FAIL(CK_E_INVALID_INPUT, ck_calendar_with_csv(&cal2, cal, bad_utf8));
  CHECK(cal2 == NULL);
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_calendar_coverage(NULL, &d2, cal));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_calendar_coverage(&d, NULL, cal));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_calendar_coverage(&d, &d2, NULL));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_calendar_coverage(&d, &d2, foreign_cal));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_calendar_is_working_day(NULL, cal, 0));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_calendar_is_working_day(&i, NULL, 0));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_calendar_is_working_day(&i, foreign_cal, 17066));
  EXPECT_FAIL(CK_E_INVALID_INPUT, ck_calendar_is_working_day(&i, cal, 2147483647));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_calendar_add_working_days(NULL, cal, 17066, 1));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_calendar_add_working_days(&d, NULL, 17066, 1));
  EXPECT_FAIL(CK_E_CALENDAR_COVERAGE, ck_calendar_add_working_days(&d, cal, 17066, 2147483647));
  EXPECT_FAIL(CK_E_CALENDAR_COVERAGE, ck_calendar_add_working_days(&d, cal, 17066, -2147483647 - 1));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_calendar_window(NULL, &d2, cal, 17066, 5));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_calendar_window(&d, NULL, cal, 17066, 5));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_calendar_window(&d, &d2, NULL, 17066, 5));
  EXPECT_FAIL(CK_E_INVALID_INPUT, ck_calendar_window(&d, &d2, cal, 17066, -5));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_calendar_count_working_days(NULL, cal, 17066, 17070));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_calendar_count_working_days(&i32, NULL, 17066, 17070));
  EXPECT_FAIL(CK_E_CALENDAR_COVERAGE, ck_calendar_count_working_days(&i32, cal, 17066, 2000000));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_calendar_calendar_window(NULL, &d2, cal, 17066, 7));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_calendar_calendar_window(&d, NULL, cal, 17066, 7));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_calendar_calendar_window(&d, &d2, NULL, 17066, 7));
  EXPECT_FAIL(CK_E_INVALID_INPUT, ck_calendar_calendar_window(&d, &d2, cal, 2147483000, 2147483));
  {
    ck_calendar_add_working_days_in in = {.struct_size = sizeof in};
    ck_calendar_add_working_days_out o = {.struct_size = sizeof o};
    in.len = 1;
    in.from = &d2;
    in.n = &i32;
    o.date = &d;
    EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_calendar_add_working_days_columns(NULL, cal, &in));
    EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_calendar_add_working_days_columns(&o, cal, NULL));
    EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_calendar_add_working_days_columns(&o, NULL, &in));
    o.date = NULL;
    EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_calendar_add_working_days_columns(&o, cal, &in));
    o.date = &d;
    in.from = NULL;
    EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_calendar_add_working_days_columns(&o, cal, &in));
    in.from = &d2;
    in.n = NULL;
    EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_calendar_add_working_days_columns(&o, cal, &in));
  }
  ck_calendar_free((ck_calendar *)(void *)foreign); /* ignored: not a live handle */
  CHECK(foreign[0] == 0x1234);

  /* --- money and shares --- */
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_money_parse(NULL, "1"));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_money_parse(&i64, NULL));
  EXPECT_FAIL(CK_E_INVALID_INPUT, ck_money_parse(&i64, bad_utf8));
  EXPECT_FAIL(CK_E_INVALID_INPUT, ck_money_parse(&i64, huge));
  EXPECT_FAIL(CK_E_OVERFLOW, ck_money_parse(&i64, "92233720368547758.08"));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_money_format(NULL, 100));
  CHECK_STATUS(CK_OK, ck_money_format(&s, -9223372036854775807LL - 1));
  ck_free(s);
  s = NULL;
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_at_least_share(NULL, 20, "35%"));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_at_least_share(&i64, 20, NULL));
  EXPECT_FAIL(CK_E_INVALID_INPUT, ck_at_least_share(&i64, 20, surrogate));
  EXPECT_FAIL(CK_E_INVALID_INPUT, ck_at_least_share(&i64, 20, huge));
  EXPECT_FAIL(CK_E_INVALID_INPUT, ck_at_least_share(&i64, -1, "35%"));
  EXPECT_FAIL(CK_E_OVERFLOW, ck_at_least_share(&i64, 9223372036854775807LL, "3:1"));

  /* --- policy --- */
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_policy_default(NULL));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_policy_load(NULL, "x.yaml"));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_policy_load(&pol2, NULL));
  EXPECT_FAIL(CK_E_POLICY, ck_policy_load(&pol2, "/nonexistent/dir/profile.yaml"));
  /* a device is no profile file: refused before it is read (policy.max_bytes, docs/limits.md) */
  EXPECT_FAIL(CK_E_POLICY, ck_policy_load(&pol2, "/dev/zero"));
  CHECK(strstr(ck_last_error_message(), "not a regular file") != NULL);
  EXPECT_FAIL(CK_E_INVALID_INPUT, ck_policy_load(&pol2, bad_utf8));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_policy_loads(NULL, "profile: x\n"));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_policy_loads(&pol2, NULL));
  EXPECT_FAIL(CK_E_INVALID_INPUT, ck_policy_loads(&pol2, surrogate));
  EXPECT_FAIL(CK_E_INVALID_INPUT, ck_policy_loads(&pol2, huge));
  CHECK(pol2 == NULL);
  CHECK(strcmp(ck_policy_name(NULL), "") == 0);
  CHECK(strcmp(ck_policy_name(foreign_pol), "") == 0);
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_policy_value(NULL, pol, "village.publicity_days", 17066));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_policy_value(&s, NULL, "village.publicity_days", 17066));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_policy_value(&s, foreign_pol, "village.publicity_days", 17066));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_policy_value(&s, pol, NULL, 17066));
  EXPECT_FAIL(CK_E_INVALID_INPUT, ck_policy_value(&s, pol, bad_utf8, 17066));
  EXPECT_FAIL(CK_E_INVALID_INPUT, ck_policy_value(&s, pol, "village.publicity_days", 2147483647));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_policy_lookup_json(NULL, pol, "village.publicity_days", 17066));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_policy_lookup_json(&s, NULL, "village.publicity_days", 17066));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_policy_lookup_json(&s, pol, NULL, 17066));
  EXPECT_FAIL(CK_E_POLICY, ck_policy_lookup_json(&s, pol, "no.such.parameter", 17066));
  CHECK(s == NULL);
  ck_policy_free((ck_policy *)(void *)foreign); /* ignored: not a live handle */

  /* --- explanations --- */
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_explanation_normalize(NULL, "{}"));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_explanation_normalize(&s, NULL));
  EXPECT_FAIL(CK_E_INVALID_INPUT, ck_explanation_normalize(&s, bad_utf8));
  EXPECT_FAIL(CK_E_INVALID_INPUT, ck_explanation_normalize(&s, huge));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_explanation_to_text(NULL, "{}", "zh"));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_explanation_to_text(&s, NULL, "zh"));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_explanation_to_text(&s, "{}", NULL));
  EXPECT_FAIL(CK_E_INVALID_INPUT, ck_explanation_to_text(&s, "{}", surrogate));
  CHECK(s == NULL);

  /* --- people and ID numbers --- */
  CHECK(ck_citizen_id_is_valid(NULL) == 0);
  CHECK(ck_citizen_id_is_valid(bad_utf8) == 0);
  CHECK(ck_citizen_id_is_valid(huge) == 0);
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_citizen_id_parse(NULL, &i, "11010519491231002X"));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_citizen_id_parse(&d, NULL, "11010519491231002X"));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_citizen_id_parse(&d, &i, NULL));
  EXPECT_FAIL(CK_E_INVALID_INPUT, ck_citizen_id_parse(&d, &i, surrogate));
  EXPECT_FAIL(CK_E_INVALID_INPUT, ck_citizen_id_parse(&d, &i, huge));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_three_ages(NULL, &j32, &k32, 0, 0, 0, 0, 0, 17066));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_three_ages(&i32, NULL, &k32, 0, 0, 0, 0, 0, 17066));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_three_ages(&i32, &j32, NULL, 0, 0, 0, 0, 0, 17066));
  EXPECT_FAIL(CK_E_INVALID_INPUT, ck_three_ages(&i32, &j32, &k32, 17066, 0, 0, 0, 0, 0));
  EXPECT_FAIL(CK_E_INVALID_INPUT, ck_three_ages(&i32, &j32, &k32, -2147483647 - 1, 0, 0, 0, 0, 17066));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_person_summary_json(NULL, "{}", 17066));
  EXPECT_FAIL(CK_E_INVALID_ARGUMENT, ck_person_summary_json(&s, NULL, 17066));
  EXPECT_FAIL(CK_E_INVALID_INPUT, ck_person_summary_json(&s, bad_utf8, 17066));
  EXPECT_FAIL(CK_E_INVALID_INPUT, ck_person_summary_json(&s, huge, 17066));
  CHECK(s == NULL);

  /* Status names never NULL, whatever the number. */
  CHECK(ck_status_name(-1) != NULL && ck_status_name(2147483647) != NULL);

  free(huge);
  ck_policy_free(pol);
  ck_calendar_free(cal);
  return ck_test_done("test_robustness");
}
