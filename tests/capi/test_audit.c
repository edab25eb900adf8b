/* C ABI: economic-responsibility audit (HOLINGOL) — the golden tiering cases through the batch
 * call and JSON, special funds, the source county's plan (feasible at 14 a year, the exact
 * shortfall at 13), the checker, and errors. */
#include <stdlib.h>
#include <string.h>

#include <cadrekit.h>

#include "check.h"

#define NFACT 9

static ck_date ymd(int y, int m, int d) {
  ck_date out = 0;
  ck_date_from_ymd(&out, y, m, d);
  return out;
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

#define MAXROWS 64
static int64_t budget[MAXROWS];
static int8_t factors[NFACT][MAXROWS];
static int8_t want_level[MAXROWS];
static int64_t want_score[MAXROWS];
static char ids[MAXROWS][8];

/* Reads tests/golden/audit_tier_cases.csv; returns the number of rows. */
static size_t read_golden(void) {
  FILE *f = fopen(CADREKIT_SOURCE_DIR "/tests/golden/audit_tier_cases.csv", "r");
  char line[512];
  size_t n = 0;
  int header = 0;
  CHECK(f != NULL);
  if (f == NULL) return 0;
  while (fgets(line, sizeof line, f) != NULL && n < MAXROWS) {
    char *tok;
    char *cells[16];
    int k = 0;
    if (line[0] == '#' || line[0] == '\n') continue;
    if (!header) {
      header = 1;
      continue;
    }
    line[strcspn(line, "\r\n")] = '\0';
    for (tok = strtok(line, ","); tok != NULL && k < 16; tok = strtok(NULL, ",")) cells[k++] = tok;
    CHECK(k == 13);
    if (k != 13) continue;
    strncpy(ids[n], cells[0], sizeof ids[n] - 1);
    CHECK_STATUS(CK_OK, ck_money_parse(&budget[n], cells[1]));
    for (k = 0; k < NFACT; ++k) factors[k][n] = (int8_t)atoi(cells[2 + k]);
    want_level[n] = (int8_t)atoi(cells[11]);
    want_score[n] = atoll(cells[12]);
    ++n;
  }
  fclose(f);
  return n;
}

static void tier_columns(const ck_policy *p) {
  size_t n = read_golden(), i;
  int8_t levels[MAXROWS];
  int64_t scores[MAXROWS];
  ck_audit_tier_in u = {.struct_size = sizeof u};
  ck_audit_tier_out o = {.struct_size = sizeof o};
  CHECK(n >= 16);
  u.as_of = ymd(2017, 1, 1);
  u.n = n;
  u.budget_fen = budget;
  u.admin_fees = factors[0];
  u.special_funds = factors[1];
  u.economic_power = factors[2];
  u.allocation_power = factors[3];
  u.attention = factors[4];
  u.complaints = factors[5];
  u.high_risk_sector = factors[6];
  u.special_need = factors[7];
  u.window_unit = factors[8];
  o.level = levels;
  o.score = scores;
  CHECK_STATUS(CK_OK, ck_audit_tier_columns(&o, p, &u));
  for (i = 0; i < n; ++i) {
    if (levels[i] != want_level[i] || scores[i] != want_score[i])
      fprintf(stderr, "%s: level %d score %lld\n", ids[i], levels[i], (long long)scores[i]);
    CHECK(levels[i] == want_level[i]);
    CHECK(scores[i] == want_score[i]);
  }
  /* A bad row: nothing written, the column and the row named. */
  factors[2][3] = 5;
  memset(levels, 77, sizeof levels);
  memset(scores, 0x55, sizeof scores);
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_audit_tier_columns(&o, p, &u));
  CHECK(strstr(ck_last_error_message(), "economic_power") != NULL);
  CHECK(strstr(ck_last_error_message(), "row 4") != NULL);
  for (i = 0; i < n; ++i) {
    CHECK(levels[i] == 77);
    CHECK(scores[i] == 0x5555555555555555LL);
  }
  factors[2][3] = 0;
  /* NULL factor columns are zeros, a NULL score column is not wanted; a NULL level column, in,
   * out or policy are argument errors. */
  u.admin_fees = NULL;
  o.score = NULL;
  CHECK_STATUS(CK_OK, ck_audit_tier_columns(&o, p, &u));
  o.level = NULL;
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_audit_tier_columns(&o, p, &u));
  CHECK(strstr(ck_last_error_message(), "out.level") != NULL);
  o.level = levels;
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_audit_tier_columns(&o, p, NULL));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_audit_tier_columns(NULL, p, &u));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_audit_tier_columns(&o, NULL, &u));
}

static void tier_json(const ck_policy *p) {
  char *out = NULL;
  CHECK_STATUS(CK_OK, ck_audit_tier_json(&out, p,
      "{\"as_of\":\"2017-01-01\",\"units\":["
      "{\"unit_id\":\"A\",\"budget\":\"500万\"},"
      "{\"unit_id\":\"B\",\"budget\":1000000,\"complaints\":true},"
      "{\"unit_id\":\"C\",\"budget\":\"3500000\",\"economic_power\":1},"
      "{\"unit_id\":\"D\",\"budget\":\"2999999.99\",\"attention\":1}]}"));
  CHECK(out != NULL);
  if (out) {
    CHECK(strstr(out, "\"unit_id\":\"A\",\"level\":1,\"band\":\"high\"") != NULL);
    CHECK(strstr(out, "\"unit_id\":\"B\",\"level\":1,\"band\":\"low\",\"band_points\":0,\"factor_points\":4,\"score\":4") != NULL);
    CHECK(strstr(out, "\"unit_id\":\"C\",\"level\":2,\"band\":\"middle\",\"band_points\":2,\"factor_points\":1,\"score\":3") != NULL);
    CHECK(strstr(out, "\"unit_id\":\"D\",\"level\":3") != NULL);
    CHECK(strstr(out, "\"rule_id\":\"audit.tier.factor\"") != NULL);
    CHECK(strstr(out, "\"assumed\":true") != NULL);
    ck_free(out);
  }
  out = (char *)0x1;
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_audit_tier_json(&out, p,
      "{\"as_of\":\"2017-01-01\",\"units\":[{\"unit_id\":\"A\",\"budget\":\"1\"},"
      "{\"unit_id\":\"B\",\"budget\":\"-5\"}]}"));
  CHECK(out == (char *)0x1);
  CHECK(strstr(ck_last_error_message(), "budget") != NULL);
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_audit_tier_json(&out, p, "{\"as_of\":\"2017-01-01\",\"units\":[{\"unit_id\":\"A\",\"budget\":1.5}]}"));
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_audit_tier_json(&out, p, "not json"));
  /* A member given twice is refused, naming it: JSON parsers differ on which one wins. */
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_audit_tier_json(&out, p,
      "{\"as_of\":\"2017-01-01\",\"as_of\":\"2016-01-01\",\"units\":[]}"));
  CHECK(strstr(ck_last_error_message(), "duplicate member (field as_of)") != NULL);
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_audit_tier_json(&out, p,
      "{\"as_of\":\"2017-01-01\",\"units\":[{\"unit_id\":\"A\",\"budget\":\"1\",\"budget\":\"2\"}]}"));
  CHECK(strstr(ck_last_error_message(), "field units[0].budget") != NULL);
  /* A NUL character inside a text (\u0000) would cut the text short in C. */
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_audit_tier_json(&out, p,
      "{\"as_of\":\"2017-01-01\",\"units\":[{\"unit_id\":\"A\\u0000B\",\"budget\":\"1\"}]}"));
  CHECK(strstr(ck_last_error_message(), "NUL character in text (field units[0].unit_id)") != NULL);
  /* An id or a name given as a JSON number is the text of its cell, as the command line reads
   * a JSON table and Python a number id; a flag 1 or 0 is yes or no. They were "must be a
   * string" and "must be true or false" here alone. A number JSON cannot hold exactly is
   * refused: its digits would be a changed id. */
  out = NULL;
  CHECK_STATUS(CK_OK, ck_audit_tier_json(&out, p,
      "{\"as_of\":\"2017-01-01\",\"units\":[{\"unit_id\":1001,\"name\":2.5,\"budget\":\"1\",\"complaints\":1},"
      "{\"unit_id\":100000.0,\"budget\":\"1\",\"complaints\":0}]}"));
  CHECK(out != NULL && strstr(out, "\"unit_id\":\"1001\",\"name\":\"2.5\",\"level\":1") != NULL);
  CHECK(out != NULL && strstr(out, "\"unit_id\":\"100000\",\"level\":3") != NULL);
  ck_free(out);
  out = (char *)0x1;
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_audit_tier_json(&out, p,
      "{\"as_of\":\"2017-01-01\",\"units\":[{\"unit_id\":99999999999999999999999,\"budget\":\"1\"}]}"));
  CHECK(strstr(ck_last_error_message(),
               "too large to be read exactly (write it as text) (field unit_id, record units[0])") != NULL);
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_audit_tier_json(&out, p,
      "{\"as_of\":\"2017-01-01\",\"units\":[{\"unit_id\":\"A\",\"budget\":\"1\",\"complaints\":2}]}"));
  CHECK(strstr(ck_last_error_message(), "field complaints") != NULL);
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_audit_tier_json(&out, p,
      "{\"as_of\":\"2017-01-01\",\"units\":[{\"unit_id\":[1],\"budget\":\"1\"}]}"));
  CHECK(strstr(ck_last_error_message(), "must be text or a number (field unit_id") != NULL);
  /* An empty id is a missing one, as the command line reads the cell. */
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_audit_tier_json(&out, p,
      "{\"as_of\":\"2017-01-01\",\"units\":[{\"unit_id\":\"\",\"budget\":\"1\"}]}"));
  CHECK(strstr(ck_last_error_message(), "unit_id is empty (field unit_id, record units[0])") != NULL);
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_audit_tier_json(&out, p,
      "{\"as_of\":\"2017-01-01\",\"units\":[{\"unit_id\":\" \\u3000\",\"budget\":\"1\"}]}"));
  CHECK(strstr(ck_last_error_message(), "unit_id is empty (field unit_id, record units[0])") != NULL);
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_audit_tier_json(&out, p, "{\"units\":[]}"));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_audit_tier_json(NULL, p, "{}"));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_audit_tier_json(&out, p, NULL));
  CHECK(out == (char *)0x1);
}

/* A result's explanation as text straight from the response of ck_audit_tier_json: short by
 * default (a factor of 0 and its weight left out), every parameter and input with full. */
static void tier_explanation_text(const ck_policy *p) {
  char *res = NULL, *text = NULL;
  CHECK_STATUS(CK_OK, ck_audit_tier_json(&res, p,
      "{\"as_of\":\"2017-01-01\",\"units\":["
      "{\"unit_id\":\"A\",\"budget\":\"500万\"},"
      "{\"unit_id\":\"B\",\"budget\":1000000,\"complaints\":1}]}"));
  if (res == NULL) return;
  CHECK_STATUS(CK_OK, ck_explanation_text(&text, res, 1, "zh", 0));
  if (text) {
    CHECK(strncmp(text, "对象：单位 B\n", strlen("对象：单位 B\n")) == 0);
    CHECK(strstr(text, "输入 complaints = 1\n") != NULL);
    CHECK(strstr(text, "参数 audit.factor.complaints.weight = ") != NULL);
    CHECK(strstr(text, "admin_fees") == NULL);
    CHECK(strstr(text, "audit.factor.complaints.max") == NULL);
    ck_free(text);
    text = NULL;
  }
  CHECK_STATUS(CK_OK, ck_explanation_text(&text, res, 1, "en", 1));
  if (text) {
    CHECK(strstr(text, "Input admin_fees = 0\n") != NULL);
    CHECK(strstr(text, "Parameter audit.factor.complaints.max = ") != NULL);
    ck_free(text);
    text = NULL;
  }
  /* Unit A comes first. */
  CHECK_STATUS(CK_OK, ck_explanation_text(&text, res, 0, "zh", 0));
  if (text) {
    CHECK(strncmp(text, "对象：单位 A\n", strlen("对象：单位 A\n")) == 0);
    ck_free(text);
  }
  text = (char *)0x1;
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_explanation_text(&text, res, 2, "zh", 0));
  CHECK(strstr(ck_last_error_message(), "holds 2 explanations") != NULL);
  CHECK(strstr(ck_last_error_message(), "(field index)") != NULL);
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_explanation_text(&text, res, 0, "fr", 0));
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_explanation_text(&text, "[1,", 0, "zh", 0));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_explanation_text(NULL, res, 0, "zh", 0));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_explanation_text(&text, NULL, 0, "zh", 0));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_explanation_text(&text, res, 0, NULL, 0));
  CHECK(text == (char *)0x1);
  ck_free(res);
}

static void special_funds(const ck_policy *p) {
  char *out = NULL;
  CHECK_STATUS(CK_OK, ck_audit_special_funds_json(&out, p,
      "{\"as_of\":\"2016-05-01\",\"current_level\":3,\"amount\":\"1亿\"}"));
  if (out) {
    CHECK(strstr(out, "\"new_level\":\"special\",\"band\":\"special\",\"tracking\":true,"
                      "\"budget_final_accounts_audit\":true") != NULL);
    ck_free(out);
    out = NULL;
  }
  CHECK_STATUS(CK_OK, ck_audit_special_funds_json(&out, p,
      "{\"as_of\":\"2016-05-01\",\"current_level\":3,\"amount\":\"9999999.99\"}"));
  if (out) {
    CHECK(strstr(out, "\"new_level\":2,\"band\":\"small\"") != NULL);
    CHECK(strstr(out, "\"audit_within_years\":2") != NULL);
    ck_free(out);
    out = NULL;
  }
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_audit_special_funds_json(&out, p,
      "{\"as_of\":\"2016-05-01\",\"current_level\":4,\"amount\":\"1\"}"));
}

/* The source's county: 67 units, 20 / 28 / 19 (U01..U20 level 1, U21..U48 level 2). */
static char *county_request(int capacity, int with_plan_key) {
  size_t cap = 16384;
  char *s = (char *)malloc(cap);
  int i;
  size_t len;
  if (s == NULL) return NULL;
  len = (size_t)sprintf(s, "{\"first_year\":2017,\"last_year\":2021,");
  if (capacity >= 0) len += (size_t)sprintf(s + len, "\"capacity\":%d,\"seed\":20161,", capacity);
  len += (size_t)sprintf(s + len, "\"units\":[");
  for (i = 1; i <= 67; ++i)
    len += (size_t)sprintf(s + len, "%s{\"unit_id\":\"U%02d\",\"level\":%d}", i > 1 ? "," : "", i,
                           i <= 20 ? 1 : i <= 48 ? 2 : 3);
  len += (size_t)sprintf(s + len, "],\"audits\":[],\"terms\":[]%s}",
                         with_plan_key ? ",\"plan\":[{\"year\":2017,\"unit_id\":\"U01\",\"kind\":\"in_term\"}]" : "");
  return s;
}

static void plan(const ck_policy *p) {
  char *req = county_request(30, 0), *out = NULL;
  CHECK_STATUS(CK_OK, ck_audit_plan_json(&out, p, req));
  if (out) {
    CHECK(strstr(out, "\"feasible\":true") != NULL);
    CHECK(strstr(out, "\"min_capacity\":14") != NULL);
    CHECK(strstr(out, "\"seed\":20161") != NULL);
    CHECK(strstr(out, "\"shortfall\":[]") != NULL);
    CHECK(count_of(out, "\"year\":2019,") >= 14);
    CHECK(count_of(out, "\"kind\":\"sample\"") >= 5);
    ck_free(out);
    out = NULL;
  }
  free(req);
  req = county_request(13, 0);
  CHECK_STATUS(CK_OK, ck_audit_plan_json(&out, p, req));
  if (out) {
    CHECK(strstr(out, "\"feasible\":false") != NULL);
    CHECK(strstr(out, "\"min_capacity\":14") != NULL);
    CHECK(count_of(out, "\"rule\":\"level3.sample\"") == 5);
    CHECK(count_of(out, "\"rule\":") == 5);
    ck_free(out);
    out = NULL;
  }
  free(req);
  req = county_request(-1, 1);
  CHECK_STATUS(CK_OK, ck_audit_verify_json(&out, p, req));
  if (out) {
    /* One audit in five years: every yearly share fails, every other unit's window too. */
    CHECK(count_of(out, "\"rule\":\"level1.share\"") == 5);
    CHECK(count_of(out, "\"rule\":\"level2.share\"") == 5);
    CHECK(count_of(out, "\"rule\":\"level3.sample\"") == 5);
    CHECK(strstr(out, "\"rule\":\"level1.coverage\",\"year\":2019,\"unit_id\":\"U02\"") != NULL);
    ck_free(out);
    out = NULL;
  }
  free(req);
  out = (char *)0x1;
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_audit_plan_json(&out, p,
      "{\"first_year\":2017,\"last_year\":2021,\"capacity\":5,\"units\":[{\"unit_id\":\"A\",\"level\":1}],"
      "\"audits\":[{\"unit_id\":\"B\",\"date\":\"2015-01-01\"}]}"));
  CHECK(strstr(ck_last_error_message(), "audits[0]") != NULL);
  CHECK(out == (char *)0x1);
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_audit_verify_json(&out, p, "{\"first_year\":2017,\"last_year\":2021,\"units\":[]}"));
}

int main(void) {
  ck_policy *p = NULL;
  CHECK_STATUS(CK_OK, ck_policy_default(&p));
  tier_columns(p);
  tier_json(p);
  tier_explanation_text(p);
  special_funds(p);
  plan(p);
  ck_policy_free(p);
  return ck_test_done("test_audit");
}
