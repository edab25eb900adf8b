/* Disclosure (KAILU) through the C ABI (C99, <cadrekit.h> only): the same golden cases as the
 * C++ tests — tests/golden/disclosure_record.json, disclosure_windows.csv. */
#include <cadrekit.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static char *slurp(const char *rel) {
  char path[1024];
  FILE *f;
  long n;
  char *buf;
  snprintf(path, sizeof path, "%s/tests/golden/%s", CADREKIT_SOURCE_DIR, rel);
  f = fopen(path, "rb");
  if (f == NULL) {
    fprintf(stderr, "cannot open %s\n", path);
    exit(2);
  }
  fseek(f, 0, SEEK_END);
  n = ftell(f);
  fseek(f, 0, SEEK_SET);
  buf = (char *)malloc((size_t)n + 1);
  if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n) exit(2);
  buf[n] = '\0';
  fclose(f);
  return buf;
}

/* A new string: `s` with the first `from` replaced by `to`. */
static char *replace(const char *s, const char *from, const char *to) {
  const char *at = strstr(s, from);
  size_t n;
  char *out;
  if (at == NULL) {
    fprintf(stderr, "replace: pattern not found: %s\n", from);
    exit(2);
  }
  n = strlen(s) - strlen(from) + strlen(to);
  out = (char *)malloc(n + 1);
  if (out == NULL) exit(2);
  memcpy(out, s, (size_t)(at - s));
  strcpy(out + (at - s), to);
  strcat(out, at + strlen(from));
  return out;
}

static char *concat3(const char *a, const char *b, const char *c) {
  size_t n = strlen(a) + strlen(b) + strlen(c);
  char *out = (char *)malloc(n + 1);
  if (out == NULL) exit(2);
  strcpy(out, a);
  strcat(out, b);
  strcat(out, c);
  return out;
}

static ck_date ymd(int y, int m, int d) {
  ck_date out = 0;
  if (ck_date_from_ymd(&out, y, m, d) != CK_OK) exit(2);
  return out;
}

static void test_validate(const ck_policy *pol, const char *record) {
  char *out = NULL;
  char *bad;
  CHECK_STATUS(CK_OK, ck_disclosure_validate_json(&out, pol, record));
  CHECK(out != NULL && strcmp(out, "[]") == 0);
  ck_free(out);

  bad = replace(record, "\"amount\": \"50000\"", "\"amount\": \"0\"");
  out = NULL;
  CHECK_STATUS(CK_OK, ck_disclosure_validate_json(&out, pol, bad));
  CHECK(out != NULL && strstr(out, "\"path\":\"matters.securities.items[0].amount\","
                                   "\"code\":\"amount_not_positive\"") != NULL);
  ck_free(out);
  free(bad);

  bad = replace(record, "\"marriage\": {\"none\": true, \"items\": []},",
                "\"marriage\": {\"none\": false, \"items\": [{\"change\": \"divorced\"}]},");
  out = NULL;
  CHECK_STATUS(CK_OK, ck_disclosure_validate_json(&out, pol, bad));
  CHECK(out != NULL && strstr(out, "\"path\":\"matters.marriage.items[0].date\","
                                   "\"code\":\"date_missing\"") != NULL);
  ck_free(out);
  free(bad);

  /* a planted personal value never comes back in a message */
  bad = replace(record, "\"150502197812186440\"", "\"150502197812186441\"");
  out = NULL;
  CHECK_STATUS(CK_OK, ck_disclosure_validate_json(&out, pol, bad));
  CHECK(out != NULL && strstr(out, "citizen_id_invalid") != NULL);
  CHECK(out != NULL && strstr(out, "19781218") == NULL);
  ck_free(out);
  free(bad);

  out = NULL;
  CHECK_STATUS(CK_OK, ck_disclosure_validate_json(&out, pol, "{"));
  CHECK(out != NULL && strstr(out, "not_json") != NULL);
  ck_free(out);

  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_disclosure_validate_json(NULL, pol, record));
  out = (char *)0x1;
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_disclosure_validate_json(&out, NULL, record));
  CHECK(out == (char *)0x1);
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_disclosure_validate_json(&out, pol, NULL));
  CHECK(out == (char *)0x1);
}

static void test_windows(const ck_policy *pol, const ck_calendar *cal) {
  char *csv = slurp("disclosure_windows.csv");
  char *line = strtok(csv, "\n");
  int header = 1, rows = 0;
  for (; line != NULL; line = strtok(NULL, "\n")) {
    char round[8], rank[16], posted[16], status[32], first[16], last[16], venues[128];
    char request[256], want[512], *out = NULL;
    int st;
    const char *p = line;
    char *fields[7];
    int i;
    if (line[0] == '#') continue;
    if (header) {
      header = 0;
      continue;
    }
    fields[0] = round; fields[1] = rank; fields[2] = posted; fields[3] = status;
    fields[4] = first; fields[5] = last; fields[6] = venues;
    for (i = 0; i < 7; ++i) {
      const char *comma = strchr(p, ',');
      size_t n = comma ? (size_t)(comma - p) : strlen(p);
      size_t cap = i == 6 ? sizeof venues : (i == 3 ? sizeof status : 8);
      if (i == 1 || i == 2 || i == 4 || i == 5) cap = 16;
      if (n >= cap) n = cap - 1;
      memcpy(fields[i], p, n);
      fields[i][n] = '\0';
      p = comma ? comma + 1 : p + n;
    }
    snprintf(request, sizeof request, "{\"round\":%s,\"rank\":\"%s\",\"posted\":\"%s\"}", round,
             rank, posted);
    st = ck_disclosure_plan_round_json(&out, pol, cal, request);
    ++rows;
    if (strcmp(status, "ok") == 0) {
      char vlist[256] = "";
      char *v, *save = venues;
      CHECK_STATUS(CK_OK, st);
      if (st != CK_OK) continue;
      for (v = save; *v; ++v)
        if (*v == '|') *v = ',';
      /* work_unit,residence -> "work_unit","residence" */
      {
        char *tok = venues, *comma;
        while (tok != NULL) {
          comma = strchr(tok, ',');
          if (comma) *comma = '\0';
          if (vlist[0]) strcat(vlist, ",");
          strcat(vlist, "\"");
          strcat(vlist, tok);
          strcat(vlist, "\"");
          tok = comma ? comma + 1 : NULL;
        }
      }
      snprintf(want, sizeof want, "\"venues\":[%s],\"first_day\":\"%s\",\"last_day\":\"%s\","
               "\"working_days\":5", vlist, first, last);
      CHECK(strstr(out, want) != NULL);
      if (strstr(out, want) == NULL) fprintf(stderr, "  got %s\n  want %s\n", out, want);
      ck_free(out);
    } else {
      CHECK(strcmp(ck_status_name(st), status) == 0);
      if (strcmp(ck_status_name(st), status) != 0)
        fprintf(stderr, "  %s: got %s\n", request, ck_status_name(st));
      CHECK(out == NULL);
    }
  }
  CHECK(rows == 10);
  free(csv);
}

static void test_notice(const ck_policy *pol, const ck_calendar *cal, const char *record) {
  char *req = concat3("{\"round\":2,\"posted\":\"2016-09-30\",\"record\":", record, "}");
  char *out = NULL;
  const char *privates[] = {"150502197812186440", "李明远", "李晨", "E12345678", "幸福小区",
                            "建华街道", "泰国", "示例县第一中学", "50000"};
  size_t i;
  CHECK_STATUS(CK_OK, ck_disclosure_notice_json(&out, pol, cal, req));
  CHECK(out != NULL && strstr(out, "\"annual_income\":[{\"year\":\"2015\",\"total\":\"98400.50\"}]"));
  CHECK(out != NULL && strstr(out, "\"location\":\"内蒙古自治区通辽市开鲁县\""));
  CHECK(out != NULL && strstr(out, "\"venues\":[\"television\",\"internet\"]"));
  CHECK(out != NULL && strstr(out, "公开时间：2016年9月30日至2016年10月11日（5个工作日）"));
  for (i = 0; out != NULL && i < sizeof privates / sizeof privates[0]; ++i) {
    CHECK(strstr(out, privates[i]) == NULL);
  }
  ck_free(out);
  free(req);
  req = concat3("{\"round\":3,\"record\":", record, "}");
  out = NULL;
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_disclosure_notice_json(&out, pol, cal, req));
  CHECK(out == NULL);
  free(req);
}

/* Applies an action; returns the new case (old one freed) or keeps it on failure. */
static char *act(int expected, const ck_policy *pol, const ck_calendar *cal, char *c,
                 const char *action) {
  char *out = NULL;
  int st = ck_disclosure_case_apply_json(&out, pol, cal, c, action);
  CHECK(st == expected);
  if (st != expected)
    fprintf(stderr, "  action %s: %s (%s)\n", action, ck_status_name(st), ck_last_error_message());
  if (st != CK_OK) {
    CHECK(out == NULL);
    return c;
  }
  ck_free(c);
  return out;
}

static void test_case(const ck_policy *pol, const ck_calendar *cal, const char *record) {
  char *req = concat3("{\"date\":\"2016-09-26\",\"actor\":\"org-1\",\"record\":", record, "}");
  char *c = NULL, *out = NULL, *before;
  char *cases;
  CHECK_STATUS(CK_OK, ck_disclosure_case_open_json(&c, pol, req));
  free(req);
  if (c == NULL) return;
  c = act(CK_E_STATE, pol, cal, c,
          "{\"action\":\"receive_complaint\",\"channel\":\"phone\",\"date\":\"2016-09-27\",\"actor\":\"s\"}");
  c = act(CK_OK, pol, cal, c, "{\"action\":\"post_round\",\"round\":1,\"date\":\"2016-09-30\",\"actor\":\"org-1\"}");
  CHECK(strstr(c, "\"window\":{\"first\":\"2016-09-30\",\"last\":\"2016-10-11\"}") != NULL);
  c = act(CK_OK, pol, cal, c,
          "{\"action\":\"receive_complaint\",\"channel\":\"letter\",\"date\":\"2016-10-09\",\"actor\":\"s\"}");
  CHECK(strstr(c, "\"timing\":\"within_window\"") != NULL);
  CHECK_STATUS(CK_OK, ck_disclosure_case_can_proceed_json(&out, c, ymd(2016, 10, 12)));
  CHECK(out != NULL && strcmp(out, "{\"ok\":false,\"reasons\":[\"complaint_unresolved:C1\"]}") == 0);
  ck_free(out);
  /* refused: a finding before assignment; the case text is unchanged */
  before = concat3(c, "", "");
  c = act(CK_E_STATE, pol, cal, c,
          "{\"action\":\"record_finding\",\"complaint\":\"C1\",\"finding\":\"unfounded\",\"date\":\"2016-10-10\",\"actor\":\"t\"}");
  CHECK(strcmp(before, c) == 0);
  free(before);
  c = act(CK_E_INVALID_INPUT, pol, cal, c,
          "{\"action\":\"assign\",\"complaint\":\"C1\",\"departments\":[\"police\"],\"date\":\"2016-10-10\",\"actor\":\"s\"}");
  c = act(CK_OK, pol, cal, c,
          "{\"action\":\"assign\",\"complaint\":\"C1\",\"departments\":[\"housing\",\"finance\"],\"date\":\"2016-10-10\",\"actor\":\"s\"}");
  {
    /* the form returned and filled again: version 2 is appended, version 1 kept */
    char *fixed = replace(record, "\"area\": \"118.56\"", "\"area\": \"126.30\"");
    char *action = concat3("{\"action\":\"return_for_correction\",\"date\":\"2016-10-11\","
                           "\"actor\":\"org-1\",\"note\":\"area\",\"record\":", fixed, "}");
    c = act(CK_OK, pol, cal, c, action);
    CHECK(strstr(c, "\"version\":2") != NULL && strstr(c, "\"area\":\"126.30\"") != NULL);
    CHECK(strstr(c, "\"version\":1") != NULL && strstr(c, "\"area\":\"118.56\"") != NULL);
    free(action);
    free(fixed);
  }
  {
    /* the same finding with its explanation: the classification (漏报/瞒报) by the policy */
    const char *finding =
        "{\"action\":\"record_finding\",\"complaint\":\"C1\",\"finding\":\"founded_disqualifying\","
        "\"discrepancies\":[{\"matter\":\"real_estate\",\"kind\":\"unreported\"},"
        "{\"matter\":\"securities\",\"kind\":\"under_reported\"}],\"date\":\"2016-10-12\",\"actor\":\"t\"}";
    const char *want[] = {
        "{\"case\":{\"schema\":\"cadrekit.disclosure.case/1\"",
        "\"explanation\":{\"schema\":\"cadrekit.explanation/1\",\"subject\":\"disclosure case KL-2016-001 complaint C1\",\"uses_assumed\":true",
        "{\"rule_id\":\"disclosure.discrepancy.classify\",\"clause\":\"KAILU.4\",\"message_zh\":\"房产：未填报，定性为瞒报（disclosure.discrepancy.unreported）\"",
        "\"message_en\":\"securities: under_reported is classified omission (disclosure.discrepancy.under_reported)\"",
        "{\"rule_id\":\"disclosure.discrepancy.accountability\",\"clause\":\"KAILU.4\"",
        "{\"name\":\"disclosure.discrepancy.unreported\",\"value\":\"concealment\",\"unit\":\"omission|concealment\",\"effective_from\":\"2015-01-01\",\"assumed\":true,\"clause\":\"KAILU.4\"}",
        "{\"name\":\"disclosure.discrepancy.under_reported\",\"value\":\"omission\"",
        "{\"name\":\"discrepancies[0].matter\",\"value\":\"real_estate\"}",
        "real_estate:unreported:concealment\",\"securities:under_reported:omission\""};
    char *text = NULL, *rendered = NULL;
    size_t i;
    CHECK_STATUS(CK_OK, ck_disclosure_case_apply_explained_json(&out, pol, cal, c, finding));
    for (i = 0; out != NULL && i < sizeof want / sizeof want[0]; ++i) {
      CHECK(strstr(out, want[i]) != NULL);
      if (strstr(out, want[i]) == NULL) fprintf(stderr, "  missing %s\n", want[i]);
    }
    /* the explanation renders with the core's renderer */
    if (out != NULL) {
      text = strstr(out, "\"explanation\":");
      if (text != NULL) {
        char *ex = text + strlen("\"explanation\":");
        size_t n = strlen(ex);
        char *copy = (char *)malloc(n);
        if (copy == NULL) exit(2);
        memcpy(copy, ex, n - 1); /* drop the closing brace of the response */
        copy[n - 1] = '\0';
        CHECK_STATUS(CK_OK, ck_explanation_to_text(&rendered, copy, "zh"));
        CHECK(rendered != NULL && strstr(rendered, "定性为瞒报") != NULL);
        ck_free(rendered);
        free(copy);
      }
    }
    ck_free(out);
    out = NULL;
    /* another action: the explanation is null; a refused one leaves *out untouched */
    CHECK_STATUS(CK_OK, ck_disclosure_case_apply_explained_json(
                            &out, pol, cal, c,
                            "{\"action\":\"receive_complaint\",\"channel\":\"phone\",\"date\":\"2016-10-12\",\"actor\":\"s\"}"));
    CHECK(out != NULL && strstr(out, "\"explanation\":null}") != NULL);
    ck_free(out);
    out = NULL;
    CHECK_STATUS(CK_E_STATE, ck_disclosure_case_apply_explained_json(
                                 &out, pol, cal, c,
                                 "{\"action\":\"decide\",\"complaint\":\"C1\",\"outcome\":\"cancel\",\"date\":\"2016-10-12\",\"actor\":\"o\"}"));
    CHECK(out == NULL);
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_disclosure_case_apply_explained_json(NULL, pol, cal, c, finding));
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_disclosure_case_apply_explained_json(&out, pol, cal, c, NULL));
    CHECK(out == NULL);
  }
  c = act(CK_OK, pol, cal, c,
          "{\"action\":\"record_finding\",\"complaint\":\"C1\",\"finding\":\"founded_disqualifying\","
          "\"discrepancies\":[{\"matter\":\"real_estate\",\"kind\":\"unreported\"}],\"date\":\"2016-10-12\",\"actor\":\"t\"}");
  CHECK(strstr(c, "real_estate:unreported:concealment") != NULL);
  c = act(CK_E_STATE, pol, cal, c,
          "{\"action\":\"decide\",\"complaint\":\"C1\",\"outcome\":\"proceed_inform_reporter\",\"date\":\"2016-10-12\",\"actor\":\"o\"}");
  c = act(CK_OK, pol, cal, c,
          "{\"action\":\"decide\",\"complaint\":\"C1\",\"outcome\":\"cancel\",\"date\":\"2016-10-13\",\"actor\":\"o\"}");
  out = NULL;
  CHECK_STATUS(CK_OK, ck_disclosure_case_can_proceed_json(&out, c, ymd(2016, 10, 20)));
  CHECK(out != NULL && strcmp(out, "{\"ok\":false,\"reasons\":[\"case_cancelled\"]}") == 0);
  ck_free(out);
  c = act(CK_E_STATE, pol, cal, c, "{\"action\":\"post_round\",\"round\":2,\"date\":\"2016-10-20\",\"actor\":\"o\"}");
  c = act(CK_E_INVALID_INPUT, pol, cal, c, "{\"action\":\"fly\"}");

  cases = concat3("[", c, "]");
  out = NULL;
  CHECK_STATUS(CK_OK, ck_disclosure_yearly_counts_json(&out, cases));
  CHECK(out != NULL && strcmp(out, "[{\"year\":2016,\"round\":1,\"disclosed\":1,\"complaints\":1,"
                                   "\"cancelled\":1,\"referred\":0}]") == 0);
  ck_free(out);
  free(cases);
  out = NULL;
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_disclosure_case_can_proceed_json(&out, "{}", ymd(2016, 1, 1)));
  CHECK(out == NULL);
  ck_free(c);
}

/* .lrmx import (the C++ and Python cases: tests/golden/disclosure_lrmx_example.xml) and export
 * with its round trip on the basic information. */
static void test_lrmx(const ck_policy *pol, const char *record) {
  char *xml = slurp("disclosure_lrmx_example.xml");
  char *imported = NULL, *written = NULL, *again = NULL, *out = NULL, *bad;
  const char *expect_import[] = {
      "\"name\":\"王晓梅\"", "\"sex\":\"2\"", "\"birth_date\":\"1978-12-18\"",
      "\"ethnicity\":\"02\"", "\"political_status\":\"01\"",
      "\"party_joined\":\"2001-07-01\"", "\"work_started\":\"2000-07-01\"",
      "\"citizen_id\":\"150502197812186440\"", "\"reference_date\":\"2026-03-01\"",
      "\"proposed_post\":\"示例市示例局局长\"",
      "{\"mode\":\"in_service\",\"level\":\"研究生\",\"degree\":\"公共管理硕士\"",
      "{\"from\":\"1996-09-01\",\"until\":\"2000-07-01\",\"text\":\"示例大学经济系财政学专业学习\"}",
      "{\"from\":\"2016-05-01\",\"until\":null,\"text\":\"示例市示例局副局长\"}]"};
  const char *expect_form[] = {
      "<ChuShengNianYue>197812</ChuShengNianYue>", "<MinZu>蒙古族</MinZu>",
      "<RuDangShiJian>200107</RuDangShiJian>", "<TianBiaoShiJian>20260301</TianBiaoShiJian>",
      "2016.05--        示例市示例局副局长</JianLi>", "<Version>3.2.1.16</Version>"};
  size_t i;
  int entries = 0;
  const char *at;

  CHECK_STATUS(CK_OK, ck_disclosure_record_from_lrmx_json(&imported, xml, "LX-1"));
  if (imported == NULL) return;
  for (i = 0; i < sizeof expect_import / sizeof expect_import[0]; ++i) {
    CHECK(strstr(imported, expect_import[i]) != NULL);
    if (strstr(imported, expect_import[i]) == NULL) fprintf(stderr, "  missing %s\n", expect_import[i]);
  }
  for (at = strstr(imported, "\"work_history\":[{"); at && (at = strstr(at + 1, "{\"from\":"));)
    ++entries;
  CHECK(entries == 4); /* the （其间…） line is not an entry */
  /* the matters are empty: the record validates with matter_empty and commitment_missing */
  CHECK_STATUS(CK_OK, ck_disclosure_validate_json(&out, pol, imported));
  CHECK(out != NULL && strstr(out, "matter_empty") && strstr(out, "commitment_missing"));
  ck_free(out);
  out = NULL;
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_disclosure_record_from_lrmx_json(&out, "<Person>", "x"));
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_disclosure_record_from_lrmx_json(&out, "<Other/>", "x"));
  CHECK(out == NULL);
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_disclosure_record_from_lrmx_json(NULL, xml, "x"));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_disclosure_record_from_lrmx_json(&out, NULL, "x"));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_disclosure_record_from_lrmx_json(&out, xml, NULL));
  CHECK(out == NULL);

  /* export, then import again: the same record (an imported record is all basic information) */
  CHECK_STATUS(CK_OK, ck_disclosure_record_to_lrmx(&written, imported));
  for (i = 0; written != NULL && i < sizeof expect_form / sizeof expect_form[0]; ++i)
    CHECK(strstr(written, expect_form[i]) != NULL);
  if (written != NULL) {
    CHECK_STATUS(CK_OK, ck_disclosure_record_from_lrmx_json(&again, written, "LX-1"));
    CHECK(again != NULL && strcmp(again, imported) == 0);
    ck_free(again);
    ck_free(written);
  }
  /* the JSON golden record: the birth date comes back exactly through the ID number, the
   * reference date through YYYYMMDD */
  written = NULL;
  CHECK_STATUS(CK_OK, ck_disclosure_record_to_lrmx(&written, record));
  if (written != NULL) {
    again = NULL;
    CHECK_STATUS(CK_OK, ck_disclosure_record_from_lrmx_json(&again, written, "KL-2016-001"));
    CHECK(again != NULL && strstr(again, "\"birth_date\":\"1978-12-18\"") != NULL);
    CHECK(again != NULL && strstr(again, "\"reference_date\":\"2016-09-20\"") != NULL);
    CHECK(again != NULL && strstr(again, "{\"from\":\"2008-03-01\",\"until\":null,\"text\":\"示例县示例局办公室主任\"}") != NULL);
    ck_free(again);
    ck_free(written);
  }
  /* without the ID number the month elements drop the day */
  bad = replace(record, "\"150502197812186440\"", "\"\"");
  written = NULL;
  CHECK_STATUS(CK_OK, ck_disclosure_record_to_lrmx(&written, bad));
  if (written != NULL) {
    again = NULL;
    CHECK_STATUS(CK_OK, ck_disclosure_record_from_lrmx_json(&again, written, "KL-2016-001"));
    CHECK(again != NULL && strstr(again, "\"birth_date\":\"1978-12-01\"") != NULL);
    ck_free(again);
    ck_free(written);
  }
  free(bad);
  /* what the form cannot hold: a line break in a text, named by its member */
  bad = replace(record, "示例县示例局科员", "示例县\\n示例局科员");
  written = NULL;
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_disclosure_record_to_lrmx(&written, bad));
  CHECK(written == NULL);
  CHECK(strstr(ck_last_error_message(), "work_history[1].text") != NULL);
  CHECK(strstr(ck_last_error_message(), "示例") == NULL);
  free(bad);
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_disclosure_record_to_lrmx(&written, "{}"));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_disclosure_record_to_lrmx(&written, NULL));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_disclosure_record_to_lrmx(NULL, record));
  CHECK(written == NULL);
  ck_free(imported);
  free(xml);
}

int main(void) {
  ck_policy *pol = NULL;
  ck_calendar *cal = NULL;
  char *record = slurp("disclosure_record.json");
  if (ck_policy_default(&pol) != CK_OK || ck_calendar_china(&cal, 0) != CK_OK) return 2;
  test_validate(pol, record);
  test_windows(pol, cal);
  test_notice(pol, cal, record);
  test_case(pol, cal, record);
  test_lrmx(pol, record);
  free(record);
  ck_calendar_free(cal);
  ck_policy_free(pol);
  return ck_test_done("test_disclosure");
}
