/* C ABI: policy profiles — the default profile's numbers, a county override from 2018, the
 * JSON of a lookup, errors with file, line and key, and NULL arguments. */
#include <stdlib.h>
#include <string.h>

#include <cadrekit.h>

#include "check.h"

static ck_date ymd(int y, int m, int d) {
  ck_date out = 0;
  ck_date_from_ymd(&out, y, m, d);
  return out;
}

/* 1 when the value of `name` on the date is exactly `want`. */
static int value_is(const ck_policy *p, const char *name, ck_date as_of, const char *want) {
  char *v = NULL;
  int ok;
  if (ck_policy_value(&v, p, name, as_of) != CK_OK) {
    fprintf(stderr, "%s: %s\n", name, ck_last_error_message());
    return 0;
  }
  ok = strcmp(v, want) == 0;
  if (!ok) fprintf(stderr, "%s: got %s, want %s\n", name, v, want);
  ck_free(v);
  return ok;
}

/* 1 when loading `yaml` fails with CK_E_POLICY and a message holding every one of `parts`. */
static int load_fails_naming(const char *yaml, const char *part1, const char *part2) {
  ck_policy *p = (ck_policy *)0x1; /* must be left unchanged */
  int st = ck_policy_loads(&p, yaml);
  const char *msg = ck_last_error_message();
  if (st != CK_E_POLICY || p != (ck_policy *)0x1) {
    fprintf(stderr, "status %d for:\n%s\n", st, yaml);
    return 0;
  }
  if (strstr(msg, part1) == NULL || strstr(msg, part2) == NULL) {
    fprintf(stderr, "message \"%s\" lacks \"%s\" or \"%s\"\n", msg, part1, part2);
    return 0;
  }
  return 1;
}

static void default_profile(void) {
  ck_policy *p = NULL;
  const ck_date on = ymd(2016, 9, 22);
  char *json = NULL;
  CHECK_STATUS(CK_OK, ck_policy_default(&p));
  CHECK(p != NULL);
  CHECK(strcmp(ck_policy_name(p), "tongliao-2016") == 0);
  /* The source's numbers (HOLINGOL.1-3, KAILU.2, JARUD.1-3, HORQIN.6, HURE.1). */
  CHECK(value_is(p, "audit.level1.min_share_per_year", on, "0.35"));
  CHECK(value_is(p, "audit.level2.min_share_per_year", on, "0.2"));
  CHECK(value_is(p, "audit.budget_band.high_min", on, "5000000"));
  CHECK(value_is(p, "audit.budget_band.low_max", on, "3000000"));
  CHECK(value_is(p, "audit.special_funds.special_min", on, "100000000"));
  CHECK(value_is(p, "audit.special_funds.level_up_min", on, "10000000"));
  CHECK(value_is(p, "disclosure.round1.window_working_days", on, "5"));
  CHECK(value_is(p, "disclosure.round2.window_working_days", on, "5"));
  CHECK(value_is(p, "village.base_pay.min", on, "7000"));
  CHECK(value_is(p, "village.base_pay.max", on, "9000"));
  CHECK(value_is(p, "village.performance_pay.excellent", on, "4000"));
  CHECK(value_is(p, "village.performance_pay.unqualified", on, "0"));
  CHECK(value_is(p, "village.publicity_days", on, "7"));
  CHECK(value_is(p, "village.selection.min_share_per_year", on, "0.05"));
  CHECK(value_is(p, "village.selection.initial_ratio", on, "1/3"));
  CHECK(value_is(p, "village.selection.prospective_ratio", on, "0.5"));
  CHECK(value_is(p, "village.selection.formal_extra_share", on, "0.2"));
  CHECK(value_is(p, "village.subsidy.min_years", on, "10"));
  CHECK(value_is(p, "followup.talk_interval_months", on, "1"));
  CHECK(value_is(p, "followup.visit_interval_months", on, "3"));
  CHECK(value_is(p, "talent.echelon2.age_limit", on, "35"));

  /* The JSON of a lookup: an explanation's "parameters" entry. */
  CHECK_STATUS(CK_OK, ck_policy_lookup_json(&json, p, "village.performance_pay.basic", on));
  if (json != NULL) {
    CHECK(strcmp(json,
                 "{\"name\":\"village.performance_pay.basic\",\"value\":\"2000\","
                 "\"unit\":\"yuan/year\",\"effective_from\":\"2016-01-01\",\"assumed\":true,"
                 "\"clause\":\"JARUD.1\"}") == 0);
    ck_free(json);
    json = NULL;
  }
  CHECK_STATUS(CK_OK, ck_policy_lookup_json(&json, p, "disclosure.round1.window_working_days", on));
  if (json != NULL) {
    CHECK(strstr(json, "\"effective_from\":\"2015-01-01\"") != NULL);
    CHECK(strstr(json, "\"assumed\":false") != NULL);
    CHECK(strstr(json, "\"clause\":\"KAILU.2\"") != NULL);
    ck_free(json);
    json = NULL;
  }

  /* Unknown names and dates before the first value: CK_E_POLICY naming the parameter. */
  CHECK_STATUS(CK_E_POLICY, ck_policy_value(&json, p, "village.no_such_thing", on));
  CHECK(json == NULL);
  CHECK(strstr(ck_last_error_message(), "village.no_such_thing") != NULL);
  CHECK_STATUS(CK_E_POLICY, ck_policy_value(&json, p, "village.base_pay.min", ymd(2015, 12, 31)));
  CHECK(strstr(ck_last_error_message(), "village.base_pay.min") != NULL);
  CHECK_STATUS(CK_E_POLICY, ck_policy_lookup_json(&json, p, "nothing.here", on));
  CHECK(json == NULL);
  ck_policy_free(p);
}

static void county_override(void) {
  ck_policy *p = NULL;
  char *json = NULL;
  CHECK_STATUS(CK_OK, ck_policy_load(&p, CADREKIT_SOURCE_DIR
                                     "/data/policies/examples/sample-county.yaml"));
  CHECK(strcmp(ck_policy_name(p), "sample-county-2018") == 0);
  CHECK(value_is(p, "village.performance_pay.excellent", ymd(2017, 12, 31), "4000"));
  CHECK(value_is(p, "village.performance_pay.excellent", ymd(2018, 1, 1), "5000"));
  CHECK(value_is(p, "village.performance_pay.basic", ymd(2018, 1, 1), "2500"));
  CHECK_STATUS(CK_OK, ck_policy_lookup_json(&json, p, "village.performance_pay.basic",
                                            ymd(2018, 6, 1)));
  if (json != NULL) {
    CHECK(strstr(json, "\"effective_from\":\"2018-01-01\"") != NULL);
    CHECK(strstr(json, "\"assumed\":false") != NULL);
    ck_free(json);
  }
  ck_policy_free(p);

  /* The same override as text. */
  CHECK_STATUS(CK_OK, ck_policy_loads(&p,
                                      "profile: c\n"
                                      "extends: tongliao-2016\n"
                                      "parameters:\n"
                                      "  village.performance_pay.excellent:\n"
                                      "    values:\n"
                                      "      2018-01-01: 5000\n"));
  CHECK(value_is(p, "village.performance_pay.excellent", ymd(2017, 12, 31), "4000"));
  CHECK(value_is(p, "village.performance_pay.excellent", ymd(2018, 1, 1), "5000"));
  ck_policy_free(p);
}

static void errors(void) {
  ck_policy *p = NULL;
  char *out = NULL;
  /* An unknown key is rejected, never ignored: file, line and key in the message. */
  CHECK(load_fails_naming("profile: c\nextends: tongliao-2016\nparameters:\n"
                          "  village.performance_pay.excellent:\n    value:\n"
                          "      2018-01-01: 5000\n",
                          "record <string>:5",
                          "field parameters.village.performance_pay.excellent.value"));
  CHECK(load_fails_naming("profile: c\nextends: tongliao-2099\nparameters: {}\n",
                          "record <string>:2", "field extends"));
  CHECK(load_fails_naming("profile: c\nextends: tongliao-2016\nparameters:\n"
                          "  village.publicity_days:\n    type: money\n"
                          "    values: {2018-01-01: 7}\n",
                          "record <string>:5", "field parameters.village.publicity_days.type"));
  CHECK(load_fails_naming("profile: c\nparameters:\n  village.x:\n    type: integer\n"
                          "    unit: days\n    label: {zh: a, en: b}\n    clause: JARUD.1\n"
                          "    values:\n      2016-01-01: 5\n      2015-01-01: 6\n",
                          "record <string>:10",
                          "field parameters.village.x.values.2015-01-01"));
  CHECK(load_fails_naming("profile: c\nparameters:\n  village.x:\n    type: share\n"
                          "    unit: share\n    label: {zh: a, en: b}\n    clause: jarud.1\n"
                          "    values:\n      2016-01-01: 5%\n",
                          "record <string>:7", "field parameters.village.x.clause"));
  /* A file that is not there. */
  CHECK_STATUS(CK_E_POLICY, ck_policy_load(&p, CADREKIT_SOURCE_DIR "/data/policies/none.yaml"));
  CHECK(p == NULL);

  /* NULL arguments: a status, never a crash. */
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_policy_default(NULL));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_policy_load(&p, NULL));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_policy_loads(&p, NULL));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_policy_value(&out, NULL, "village.base_pay.min", 0));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_policy_value(NULL, NULL, "village.base_pay.min", 0));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_policy_lookup_json(&out, NULL, "x.y", 0));
  CHECK(p == NULL);
  CHECK(out == NULL);
  CHECK_STATUS(CK_OK, ck_policy_default(&p));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_policy_value(&out, p, NULL, 0));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_policy_lookup_json(NULL, p, "village.base_pay.min", 0));
  /* A day number outside the supported range. */
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_policy_value(&out, p, "village.base_pay.min", INT32_MAX));
  CHECK(out == NULL);
  ck_policy_free(p);
  CHECK(strcmp(ck_policy_name(NULL), "") == 0);
  ck_policy_free(NULL); /* a no-op */
}

int main(void) {
  default_profile();
  county_override();
  errors();
  return ck_test_done("test_policy");
}
