/* C ABI: tests/golden/explanation_short.tsv (shared with C++ and Python) — for each module, the
 * short text of an explanation (ck_explanation_text with full = 0) keeps the rules that fired and
 * what decided and leaves out what the module marked detail; the Chinese text names its subject
 * in Chinese. */
#include <stdlib.h>
#include <string.h>

#include <cadrekit.h>

#include "check.h"
#include "golden.h"

static char line[16384];

static int run(const ck_policy *p, const char *entry, const char *request, char **out) {
  *out = NULL;
  if (strcmp(entry, "village.pay_sheet") == 0) return ck_village_pay_sheet_json(out, p, request);
  if (strcmp(entry, "village.selection") == 0) return ck_village_selection_json(out, p, request);
  if (strcmp(entry, "talent.pools") == 0) return ck_talent_pools_json(out, p, request);
  if (strcmp(entry, "talent.team_structure") == 0) return ck_talent_team_structure_json(out, p, request);
  if (strcmp(entry, "assessment.composite") == 0) return ck_assessment_composite_json(out, p, request);
  if (strcmp(entry, "audit.special_funds") == 0) return ck_audit_special_funds_json(out, p, request);
  if (strcmp(entry, "audit.tier") == 0) return ck_audit_tier_json(out, p, request);
  fprintf(stderr, "unknown entry %s\n", entry);
  return -1;
}

/* Whether `text` has a line of a parameter or an input called `name`. */
static int names(const char *text, const char *name) {
  char a[512], b[512];
  snprintf(a, sizeof a, "参数 %s = ", name);
  snprintf(b, sizeof b, "输入 %s = ", name);
  return strstr(text, a) != NULL || strstr(text, b) != NULL;
}

int main(void) {
  FILE *f = ck_test_golden_open("explanation_short.tsv", line, sizeof line);
  int cases = 0;
  while (ck_test_next_row(f, line, sizeof line)) {
    char *c[10], *items[32], *out = NULL, *brief = NULL, *full = NULL, *en = NULL;
    ck_policy *p = NULL;
    char first[512];
    int n, k, i;
    n = ck_test_split(line, "\t", c, 10);
    CHECK(n == 10);
    if (n != 10) continue;
    ++cases;
    CHECK_STATUS(CK_OK, ck_policy_default(&p));
    if (strcmp(c[2], "-") != 0) {
      k = ck_test_split(c[2], " | ", items, 32);
      for (i = 0; i < k; ++i) {
        ck_policy *q = NULL;
        CHECK_STATUS(CK_OK, ck_policy_set(&q, p, items[i]));
        if (q != NULL) {
          ck_policy_free(p);
          p = q;
        }
      }
    }
    CHECK_STATUS(CK_OK, run(p, c[1], c[3], &out));
    if (out == NULL) {
      ck_policy_free(p);
      continue;
    }
    CHECK_STATUS(CK_OK, ck_explanation_text(&brief, out, (size_t)atoi(c[4]), "zh", 0));
    CHECK_STATUS(CK_OK, ck_explanation_text(&full, out, (size_t)atoi(c[4]), "zh", 1));
    CHECK_STATUS(CK_OK, ck_explanation_text(&en, out, (size_t)atoi(c[4]), "en", 0));
    if (brief != NULL && full != NULL && en != NULL) {
      CHECK(strlen(brief) < strlen(full));
      k = ck_test_split(c[5], " && ", items, 32);
      for (i = 0; i < k; ++i) {
        char rule[512];
        snprintf(rule, sizeof rule, "规则 %s（", items[i]);
        if (strstr(brief, rule) == NULL) fprintf(stderr, "%s: rule %s missing\n", c[0], items[i]);
        CHECK(strstr(brief, rule) != NULL);
      }
      k = ck_test_split(c[6], " && ", items, 32);
      for (i = 0; i < k; ++i) {
        if (!names(brief, items[i])) fprintf(stderr, "%s: %s missing from the short text\n", c[0], items[i]);
        CHECK(names(brief, items[i]));
      }
      k = ck_test_split(c[7], " && ", items, 32);
      for (i = 0; i < k; ++i) {
        if (!names(full, items[i]) || names(brief, items[i]))
          fprintf(stderr, "%s: %s must be in the full text only\n", c[0], items[i]);
        CHECK(names(full, items[i]));
        CHECK(!names(brief, items[i]));
      }
      snprintf(first, sizeof first, "对象：%s\n", c[8]);
      if (strncmp(brief, first, strlen(first)) != 0) fprintf(stderr, "%s: subject line of %s", c[0], brief);
      CHECK(strncmp(brief, first, strlen(first)) == 0);
      CHECK(strncmp(full, first, strlen(first)) == 0);
      CHECK(strncmp(en, "Subject: ", 9) == 0);
    }
    ck_free(brief);
    ck_free(full);
    ck_free(en);
    ck_free(out);
    ck_policy_free(p);
  }
  if (f) fclose(f);
  CHECK(cases >= 8);
  return ck_test_done("test_explanation_short");
}
