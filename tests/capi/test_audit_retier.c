/* C ABI: re-tiering inside the plan's horizon (special funds and reviews, HOLINGOL.3) through
 * ck_audit_plan_json, on the golden case tests/golden/audit_retier_plan_{request.json,
 * expect.tsv} shared with the C++ and Python tests (the per-year share counts are checked in
 * C++ and Python; here every other expected value). */
#include <stdlib.h>
#include <string.h>

#include <cadrekit.h>

#include "check.h"

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  char *buf;
  long n;
  if (f == NULL) return NULL;
  fseek(f, 0, SEEK_END);
  n = ftell(f);
  fseek(f, 0, SEEK_SET);
  buf = (char *)malloc((size_t)n + 1);
  if (buf != NULL) {
    size_t got = fread(buf, 1, (size_t)n, f);
    buf[got] = '\0';
  }
  fclose(f);
  return buf;
}

int main(void) {
  ck_policy *p = NULL;
  char *req = slurp(CADREKIT_SOURCE_DIR "/tests/golden/audit_retier_plan_request.json");
  char *out = NULL;
  FILE *f;
  static char line[1024];
  int header = 0, checked = 0;
  CHECK_STATUS(CK_OK, ck_policy_default(&p));
  CHECK(req != NULL);
  if (req == NULL) return ck_test_done("test_audit_retier");
  CHECK_STATUS(CK_OK, ck_audit_plan_json(&out, p, req));
  CHECK(out != NULL);
  f = fopen(CADREKIT_SOURCE_DIR "/tests/golden/audit_retier_plan_expect.tsv", "r");
  CHECK(f != NULL);
  while (out != NULL && f != NULL && fgets(line, sizeof line, f) != NULL) {
    char *cell[4] = {NULL, NULL, NULL, NULL};
    char needle[160];
    int k = 0;
    char *tok;
    if (line[0] == '#' || line[0] == '\n') continue;
    if (!header) {
      header = 1;
      continue;
    }
    line[strcspn(line, "\r\n")] = '\0';
    for (tok = strtok(line, "\t"); tok != NULL && k < 4; tok = strtok(NULL, "\t")) cell[k++] = tok;
    needle[0] = '\0';
    if (strcmp(cell[0], "min_capacity") == 0 || strcmp(cell[0], "lower_bound") == 0 ||
        strcmp(cell[0], "lower_bound_year") == 0 || strcmp(cell[0], "min_capacity_proven") == 0 ||
        strcmp(cell[0], "feasible") == 0)
      snprintf(needle, sizeof needle, "\"%s\":%s", cell[0], cell[1]);
    else if (strcmp(cell[0], "obligation") == 0)
      snprintf(needle, sizeof needle, "\"year\":%s,\"unit_id\":\"%s\",\"kind\":\"%s\"", cell[2],
               cell[1], cell[3]);
    else if (strcmp(cell[0], "referral") == 0)
      snprintf(needle, sizeof needle,
               "\"referrals\":[{\"unit_id\":\"%s\",\"date\":\"%s\",\"kind\":\"special_project\","
               "\"finding\":\"referred\"}]",
               cell[1], cell[2]);
    if (needle[0] == '\0') continue; /* shares and levels: checked in C++ and Python */
    ++checked;
    if (strstr(out, needle) == NULL) fprintf(stderr, "missing %s\n", needle);
    CHECK(strstr(out, needle) != NULL);
  }
  if (f) fclose(f);
  CHECK(checked >= 14);
  if (out) {
    CHECK(strstr(out, "re-tiered 2018-07-01") != NULL);
    CHECK(strstr(out, "\"rule_id\":\"audit.plan.retier\"") != NULL);
    ck_free(out);
    out = NULL;
  }
  free(req);
  /* Two funds of one unit open at once: each its own fund (L50 「随时调整」). */
  CHECK_STATUS(CK_OK, ck_audit_plan_json(&out, p,
      "{\"first_year\":2017,\"last_year\":2021,\"capacity\":5,\"units\":[{\"unit_id\":\"A\",\"level\":3}],"
      "\"funds\":[{\"unit_id\":\"A\",\"date\":\"2017-01-01\",\"amount\":\"1亿\"},"
      "{\"unit_id\":\"A\",\"date\":\"2018-01-01\",\"amount\":\"500万\"}]}"));
  if (out) {
    CHECK(strstr(out, "\"feasible\":true") != NULL);
    ck_free(out);
  }
  /* Bad fund events name the record; the output is untouched. */
  out = (char *)0x1;
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_audit_verify_json(&out, p,
      "{\"first_year\":2017,\"last_year\":2021,\"units\":[{\"unit_id\":\"A\",\"level\":3}],\"plan\":[],"
      "\"reviews\":[{\"unit_id\":\"A\",\"year\":2018,\"level\":7}]}"));
  CHECK(strstr(ck_last_error_message(), "reviews[0]") != NULL);
  CHECK(out == (char *)0x1);
  ck_policy_free(p);
  return ck_test_done("test_audit_retier");
}
