/* docs/errors.md through the C ABI: every row of tests/golden/bad_inputs.tsv gets its status,
 * a non-empty message, and no personal value in the message (the same table runs in C++ and
 * Python). */
#include <stdlib.h>
#include <string.h>

#include <cadrekit.h>

#include "check.h"
#include "golden.h"

#define MAX_ARGS 4

/* Splits s in place at " | "; returns the number of arguments. */
static int split_args(char *s, char **args) {
  int n = 0;
  args[n++] = s;
  while (n < MAX_ARGS && (s = strstr(s, " | ")) != NULL) {
    *s = '\0';
    s += 3;
    args[n++] = s;
  }
  return n;
}

static int expected_status(const char *code) {
  if (strcmp(code, "invalid_input") == 0) return CK_E_INVALID_INPUT;
  if (strcmp(code, "invalid_argument") == 0) return CK_E_INVALID_ARGUMENT;
  if (strcmp(code, "policy") == 0) return CK_E_POLICY;
  if (strcmp(code, "calendar_coverage") == 0) return CK_E_CALENDAR_COVERAGE;
  if (strcmp(code, "overflow") == 0) return CK_E_OVERFLOW;
  if (strcmp(code, "state") == 0) return CK_E_STATE;
  return -1;
}

static int run(const char *op, char **a, const ck_calendar *cal, const ck_policy *pol) {
  ck_date d = 0, d2 = 0, as_of = 17066; /* 2016-09-22 */
  int64_t i64 = 0;
  int st;
  char *out = NULL;
  if (strcmp(op, "date_iso") == 0) return ck_date_parse_iso(&d, a[0]);
  if (strcmp(op, "date_ymd") == 0) return ck_date_from_ymd(&d, atoi(a[0]), atoi(a[1]), atoi(a[2]));
  if (strcmp(op, "calendar_add") == 0 || strcmp(op, "calendar_window") == 0) {
    if ((st = ck_date_parse_iso(&d, a[0])) != CK_OK) return st;
    if (op[9] == 'a') return ck_calendar_add_working_days(&d2, cal, d, atoi(a[1]));
    return ck_calendar_window(&d2, &d2, cal, d, atoi(a[1]));
  }
  if (strcmp(op, "money") == 0) return ck_money_parse(&i64, a[0]);
  if (strcmp(op, "at_least_share") == 0) return ck_at_least_share(&i64, atoll(a[0]), a[1]);
  if (strcmp(op, "policy_yaml") == 0) {
    ck_policy *p = NULL;
    st = ck_policy_loads(&p, a[0]);
    ck_policy_free(p);
    return st;
  }
  if (strcmp(op, "policy_value") == 0) {
    if ((st = ck_date_parse_iso(&d, a[1])) != CK_OK) return st;
    st = ck_policy_value(&out, pol, a[0], d);
    ck_free(out);
    return st;
  }
  if (strcmp(op, "citizen_id") == 0) {
    int sex = 0;
    return ck_citizen_id_parse(&d, &sex, a[0]);
  }
  if (strcmp(op, "explanation_json") == 0) {
    st = ck_explanation_normalize(&out, a[0]);
    ck_free(out);
    return st;
  }
  if (strcmp(op, "person_json") == 0) {
    st = ck_person_summary_json(&out, a[0], as_of);
    ck_free(out);
    return st;
  }
  if (strcmp(op, "audit_plan") == 0) {
    st = ck_audit_plan_json(&out, pol, a[0]);
    ck_free(out);
    return st;
  }
  if (strcmp(op, "assessment_screen") == 0) {
    st = ck_assessment_screen_json(&out, pol, a[0]);
    ck_free(out);
    return st;
  }
  fprintf(stderr, "unknown operation %s\n", op);
  return -1;
}

int main(void) {
  static char line[8192];
  ck_calendar *cal = NULL;
  ck_policy *pol = NULL;
  int rows = 0;
  FILE *f = ck_test_golden_open("bad_inputs.tsv", line, sizeof line);
  if (f == NULL) return ck_test_done("test_bad_inputs");
  CHECK_STATUS(CK_OK, ck_calendar_china(&cal, 0));
  CHECK_STATUS(CK_OK, ck_policy_default(&pol));
  while (ck_test_next_row(f, line, sizeof line)) {
    char *cols[5], *args[MAX_ARGS], *p = line;
    int ncol = 0, nargs, i, st;
    cols[ncol++] = p;
    while (ncol < 5 && (p = strchr(p, '\t')) != NULL) { *p++ = '\0'; cols[ncol++] = p; }
    CHECK(ncol == 5);
    if (ncol != 5) continue;
    nargs = split_args(cols[2], args);
    for (i = 0; i < nargs; ++i) ck_test_unescape(args[i]);
    st = run(cols[1], args, cal, pol);
    ++rows;
    if (st != expected_status(cols[3])) {
      ++ck_test_failures;
      fprintf(stderr, "row '%s': status %d (%s), expected %s: %s\n", cols[0], st, ck_status_name(st),
              cols[3], ck_last_error_message());
    }
    CHECK(strlen(ck_last_error_message()) > 0);
    if (strcmp(cols[4], "yes") == 0)
      for (i = 0; i < nargs; ++i) CHECK(strstr(ck_last_error_message(), args[i]) == NULL);
  }
  fclose(f);
  CHECK(rows >= 20);
  ck_policy_free(pol);
  ck_calendar_free(cal);
  return ck_test_done("test_bad_inputs");
}
