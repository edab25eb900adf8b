/* C ABI: tier histories (HOLINGOL.3) replayed from events through ck_audit_tier_history_json,
 * on the golden cases of tests/golden/audit_history_cases.tsv (shared with C++ and Python). */
#include <stdlib.h>
#include <string.h>

#include <cadrekit.h>

#include "check.h"

static void level_json(char *dst, size_t n, const char *level) {
  if (strcmp(level, "special") == 0) snprintf(dst, n, "\"special\"");
  else snprintf(dst, n, "%s", level);
}

/* Checks each `sep`-separated item of `list`, turned into a needle by `make`, appears in `out`
 * after the previous one (order matters). */
static void changes_in_order(const char *out, char *list) {
  const char *at = out;
  char *item;
  for (item = strtok(list, ";"); item != NULL; item = strtok(NULL, ";")) {
    char date[16], level[16], kind[32], lj[16], needle[128];
    const char *hit;
    CHECK(sscanf(item, "%15s %15s %31s", date, level, kind) == 3);
    level_json(lj, sizeof lj, level);
    snprintf(needle, sizeof needle, "\"effective\":\"%s\",\"level\":%s,\"kind\":\"%s\"", date, lj, kind);
    hit = strstr(at, needle);
    if (hit == NULL) fprintf(stderr, "missing change %s in %s\n", needle, out);
    CHECK(hit != NULL);
    if (hit) at = hit + 1;
  }
}

static void levels_on(const char *out, char *list) {
  char *item;
  for (item = strtok(list, ";"); item != NULL; item = strtok(NULL, ";")) {
    char *eq = strchr(item, '=');
    char lj[16], needle[96];
    CHECK(eq != NULL);
    if (eq == NULL) continue;
    *eq = '\0';
    level_json(lj, sizeof lj, eq + 1);
    snprintf(needle, sizeof needle, "{\"date\":\"%s\",\"level\":%s}", item, lj);
    if (strstr(out, needle) == NULL) fprintf(stderr, "missing %s\n", needle);
    CHECK(strstr(out, needle) != NULL);
  }
}

static int count_of(const char *hay, const char *needle) {
  int n = 0;
  const char *p = hay;
  while ((p = strstr(p, needle)) != NULL) {
    ++n;
    p += strlen(needle);
  }
  return n;
}

int main(void) {
  ck_policy *p = NULL;
  FILE *f;
  static char line[8192];
  int header = 0, cases = 0;
  CHECK_STATUS(CK_OK, ck_policy_default(&p));
  f = fopen(CADREKIT_SOURCE_DIR "/tests/golden/audit_history_cases.tsv", "r");
  CHECK(f != NULL);
  while (f != NULL && fgets(line, sizeof line, f) != NULL) {
    char *cell[7];
    char *tok;
    int k = 0;
    char *out = NULL;
    if (line[0] == '#' || line[0] == '\n') continue;
    if (!header) {
      header = 1;
      continue;
    }
    line[strcspn(line, "\r\n")] = '\0';
    for (tok = strtok(line, "\t"); tok != NULL && k < 7; tok = strtok(NULL, "\t"))
      cell[k++] = tok;
    CHECK(k == 7);
    if (k != 7) continue;
    ++cases;
    if (strncmp(cell[1], "CK_OK", 5) != 0) {
      char *colon = strchr(cell[1], ':');
      int want = strncmp(cell[1], "CK_E_STATE", 10) == 0 ? CK_E_STATE : CK_E_INVALID_INPUT;
      out = (char *)0x1;
      CHECK_STATUS(want, ck_audit_tier_history_json(&out, p, cell[2]));
      CHECK(out == (char *)0x1);
      CHECK(colon != NULL && strstr(ck_last_error_message(), colon + 1) != NULL);
      continue;
    }
    CHECK_STATUS(CK_OK, ck_audit_tier_history_json(&out, p, cell[2]));
    if (out == NULL) continue;
    changes_in_order(out, cell[3]);
    levels_on(out, cell[4]);
    if (strcmp(cell[5], "-") == 0) {
      CHECK(strstr(out, "\"referrals\":[]") != NULL);
    } else {
      char *d;
      int n = 0;
      for (d = strtok(cell[5], ";"); d != NULL; d = strtok(NULL, ";")) {
        char needle[96];
        snprintf(needle, sizeof needle, "\"date\":\"%s\",\"kind\":\"special_project\",\"finding\":\"referred\"", d);
        CHECK(strstr(out, needle) != NULL);
        ++n;
      }
      CHECK(count_of(out, "\"finding\":\"referred\"") == n);
    }
    CHECK(strstr(out, strcmp(cell[6], "true") == 0 ? "\"special_funds_open\":true"
                                                   : "\"special_funds_open\":false") != NULL);
    ck_free(out);
  }
  if (f) fclose(f);
  CHECK(cases >= 8);
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_audit_tier_history_json(NULL, p, "{}"));
  {
    char *none = NULL;
    CHECK_STATUS(CK_E_INVALID_INPUT, ck_audit_tier_history_json(&none, p, "{\"events\":[]}"));
    CHECK(none == NULL);
  }
  ck_policy_free(p);
  return ck_test_done("test_audit_history");
}
