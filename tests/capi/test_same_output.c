/* C ABI: tests/golden/same_output.tsv (shared with C++, Python and the command line) — each
 * result row of the JSON calls has the golden's members, in the golden's order, with the
 * golden's values and JSON types (codes in grade/team_grade, labels in *_zh and *_en, whole
 * numbers as numbers, money as decimal text, the kept column), and no member *_code. */
#include <stdlib.h>
#include <string.h>

#include <cadrekit.h>

#include "check.h"
#include "golden.h"

static char line[16384];

/* The earliest of the places where the next result row (or the part after the rows) begins,
 * after `from`; the end of `text` when none. */
static const char *row_end(const char *from) {
  static const char *const marks[] = {"{\"cadre_id\":", "{\"unit_id\":", "],\"villages\":", "]}"};
  const char *end = from + strlen(from);
  size_t i;
  for (i = 0; i < sizeof marks / sizeof marks[0]; ++i) {
    const char *at = strstr(from + 1, marks[i]);
    if (at != NULL && at < end) end = at;
  }
  return end;
}

/* Checks the row of `out` that begins with the first member of `expect`: every member is in
 * it, in order. */
static void check_row(const char *name, const char *out, char *expect) {
  char *members[32];
  int n = ck_test_split(expect, " && ", members, 32), i;
  char first[256];
  const char *start, *end, *at;
  snprintf(first, sizeof first, "{%s", members[0]);
  start = strstr(out, first);
  if (start == NULL) fprintf(stderr, "%s: no row begins with %s\n", name, first);
  CHECK(start != NULL);
  if (start == NULL) return;
  end = row_end(start);
  at = start;
  for (i = 0; i < n; ++i) {
    const char *got = strstr(at, members[i]);
    int ok = got != NULL && got + strlen(members[i]) <= end;
    if (!ok) fprintf(stderr, "%s: member %s missing or out of order\n", name, members[i]);
    CHECK(ok);
    if (ok) at = got + strlen(members[i]);
  }
}

int main(void) {
  FILE *f = ck_test_golden_open("same_output.tsv", line, sizeof line);
  ck_policy *p = NULL;
  int rows = 0;
  CHECK_STATUS(CK_OK, ck_policy_default(&p));
  while (p != NULL && ck_test_next_row(f, line, sizeof line)) {
    char *c[6];
    char *out = NULL;
    int st = -1, n;
    n = ck_test_split(line, "\t", c, 6);
    CHECK(n == 6);
    if (n != 6) continue;
    ++rows;
    if (strcmp(c[1], "village.pay_sheet") == 0) st = ck_village_pay_sheet_json(&out, p, c[2]);
    else if (strcmp(c[1], "audit.tier") == 0) st = ck_audit_tier_json(&out, p, c[2]);
    if (st != CK_OK) fprintf(stderr, "%s: %s: %s\n", c[0], ck_status_name(st), ck_last_error_message());
    CHECK(st == CK_OK);
    if (out != NULL) {
      check_row(c[0], out, c[4]);
      CHECK(strstr(out, "_code\"") == NULL); /* codes are in grade and team_grade themselves */
      ck_free(out);
    }
  }
  if (f != NULL) fclose(f);
  ck_policy_free(p);
  CHECK(rows == 7);
  return ck_test_done("same_output");
}
