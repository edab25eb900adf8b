/* C ABI: tests/golden/source_readings.tsv (shared with C++ and Python) — each reading of the
 * source checked on the JSON the C call answers, or on the error message it leaves. */
#include <stdlib.h>
#include <string.h>

#include <cadrekit.h>

#include "check.h"
#include "golden.h"

static char line[16384];

static void expect_all(const char *name, const char *text, char *expect) {
  char *needles[32];
  int n = ck_test_split(expect, " && ", needles, 32), i;
  for (i = 0; i < n; ++i) {
    int want = needles[i][0] != '!';
    const char *needle = want ? needles[i] : needles[i] + 1;
    int found = strstr(text, needle) != NULL;
    if (found != want) fprintf(stderr, "%s: %s %s\n", name, want ? "missing" : "must not hold", needle);
    CHECK(found == want);
  }
}

/* The status named in the table. */
static int status_of(const char *name) {
  if (strcmp(name, "CK_OK") == 0) return CK_OK;
  if (strcmp(name, "CK_E_POLICY") == 0) return CK_E_POLICY;
  if (strcmp(name, "CK_E_INVALID_INPUT") == 0) return CK_E_INVALID_INPUT;
  if (strcmp(name, "CK_E_STATE") == 0) return CK_E_STATE;
  return -1;
}

/* Runs one case; returns the status and sets *out (NULL on error). */
static int run(ck_policy *p, const char *entry, char *request, char **out) {
  *out = NULL;
  if (strcmp(entry, "policy_lookup") == 0) {
    char *sp = strchr(request, ' ');
    ck_date d = 0;
    int st;
    if (sp == NULL) return -1;
    *sp = '\0';
    st = ck_date_parse_iso(&d, sp + 1);
    if (st != CK_OK) return st;
    return ck_policy_lookup_json(out, p, request, d);
  }
  if (strcmp(entry, "policy_yaml") == 0) {
    ck_policy *q = NULL;
    int st;
    ck_test_unescape(request);
    st = ck_policy_loads(&q, request);
    if (st == CK_OK) {
      size_t n = strlen(ck_policy_name(q)) + 1;
      *out = (char *)malloc(n);
      if (*out) memcpy(*out, ck_policy_name(q), n);
      ck_policy_free(q);
    }
    return st;
  }
  if (strcmp(entry, "village.pay_sheet") == 0) return ck_village_pay_sheet_json(out, p, request);
  if (strcmp(entry, "village.selection") == 0) return ck_village_selection_json(out, p, request);
  if (strcmp(entry, "audit.tier") == 0) return ck_audit_tier_json(out, p, request);
  if (strcmp(entry, "audit.tier_history") == 0) return ck_audit_tier_history_json(out, p, request);
  if (strcmp(entry, "talent.pools") == 0) return ck_talent_pools_json(out, p, request);
  if (strcmp(entry, "assessment.follow_up") == 0) return ck_assessment_follow_up_json(out, p, request);
  fprintf(stderr, "unknown entry %s\n", entry);
  return -1;
}

int main(void) {
  FILE *f = ck_test_golden_open("source_readings.tsv", line, sizeof line);
  int cases = 0;
  while (ck_test_next_row(f, line, sizeof line)) {
    char *c[9];
    ck_policy *p = NULL;
    char *out = NULL;
    int st, n;
    n = ck_test_split(line, "\t", c, 9);
    CHECK(n == 9);
    if (n != 9) continue;
    ++cases;
    CHECK(c[2][0] != '\0'); /* the source line quoted */
    CHECK_STATUS(CK_OK, ck_policy_default(&p));
    st = CK_OK;
    if (strcmp(c[3], "-") != 0) {
      char *sets[8];
      int k = ck_test_split(c[3], " | ", sets, 8), i;
      for (i = 0; i < k && st == CK_OK; ++i) {
        ck_policy *q = NULL;
        st = ck_policy_set(&q, p, sets[i]);
        if (st == CK_OK) {
          ck_policy_free(p);
          p = q;
        }
      }
    }
    if (st == CK_OK) st = run(p, c[4], c[5], &out);
    if (strcmp(c[6], "CK_OK") == 0) {
      if (st != CK_OK) fprintf(stderr, "%s: %s: %s\n", c[0], ck_status_name(st), ck_last_error_message());
      CHECK(st == CK_OK);
      if (out != NULL) expect_all(c[0], out, c[7]);
    } else {
      if (st != status_of(c[6]))
        fprintf(stderr, "%s: got %s, expected %s (%s)\n", c[0], ck_status_name(st), c[6], ck_last_error_message());
      CHECK(st == status_of(c[6]));
      CHECK(out == NULL);
      expect_all(c[0], ck_last_error_message(), c[7]);
    }
    if (out != NULL) {
      if (strcmp(c[4], "policy_yaml") == 0) free(out);
      else ck_free(out);
    }
    ck_policy_free(p);
  }
  if (f) fclose(f);
  CHECK(cases >= 50);
  {
    ck_policy *p = NULL, *q = (ck_policy *)0x1;
    CHECK_STATUS(CK_OK, ck_policy_default(&p));
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_policy_set(NULL, p, "village.publicity_days=8"));
    CHECK_STATUS(CK_E_POLICY, ck_policy_set(&q, p, "no equals sign"));
    CHECK(q == (ck_policy *)0x1);
    ck_policy_free(p);
  }
  return ck_test_done("test_source_readings");
}
