/* C ABI tests of the assessment module's policy data and wiring: the catalogue of qualitative
 * standards (findings must name one; hits report its aspect and text), audit findings through
 * the documented mapping, the disclosure veto from a disclosure case. Same cases as
 * tests/assessment/test_standards.cpp, test_wiring.cpp and python/tests/test_assessment_*.py. */
#include <cadrekit.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "screen.h"

static void catalogue(void) {
  ck_policy *p = NULL;
  ck_date as_of;
  char *out = NULL;
  const char *aspects[] = {"discipline", "political_stance", "ideals_beliefs", "ability", "work_style", "personal_conduct"};
  size_t i;
  CHECK_STATUS(CK_OK, ck_policy_default(&p));
  CHECK_STATUS(CK_OK, ck_date_from_ymd(&as_of, 2016, 12, 31));
  CHECK_STATUS(CK_OK, ck_assessment_standards_json(&out, p, as_of));
  CHECK(out != NULL);
  if (out != NULL) {
    /* six entries, one per aspect of the source, all assumed */
    size_t n = 0;
    const char *q = out;
    while ((q = strstr(q, "\"aspect\":")) != NULL) { ++n; ++q; }
    CHECK(n == 6);
    for (i = 0; i < 6; ++i) {
      char want[64];
      snprintf(want, sizeof want, "\"aspect\":\"%s\"", aspects[i]);
      CHECK(strstr(out, want) != NULL);
    }
    CHECK(strstr(out, "\"text_zh\":\"理想信念方面：理想信念不坚定\"") != NULL);
    CHECK(strstr(out, "\"assumed\":false") == NULL);
  }
  ck_free(out);
  out = NULL;
  /* a finding must name a catalogue standard */
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_assessment_screen_json(&out, p,
      "{\"as_of\":\"2016-12-31\",\"findings\":[{\"id\":\"F1\",\"cadre_id\":\"C1\",\"date\":\"2016-01-01\",\"standard\":\"Q99\"}]}"));
  CHECK(out == NULL);
  CHECK(strstr(ck_last_error_message(), "standard") != NULL && strstr(ck_last_error_message(), "findings[0]") != NULL);
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_assessment_screen_json(&out, p,
      "{\"as_of\":\"2016-12-31\",\"findings\":[{\"id\":\"F1\",\"cadre_id\":\"C1\",\"date\":\"2016-01-01\",\"standard\":\"ability\",\"aspect\":\"discipline\"}]}"));
  CHECK(strstr(ck_last_error_message(), "aspect") != NULL);
  /* the hit reports the standard's aspect and text */
  CHECK_STATUS(CK_OK, ck_assessment_screen_json(&out, p,
      "{\"as_of\":\"2016-12-31\",\"explain\":false,\"findings\":[{\"id\":\"F1\",\"cadre_id\":\"C1\",\"date\":\"2016-05-01\",\"standard\":\"ideals_beliefs\",\"classification\":\"wavering_belief\"}]}"));
  CHECK(out && strstr(out, "\"standards\":[{\"finding\":\"F1\",\"standard\":\"ideals_beliefs\",\"aspect\":\"ideals_beliefs\",\"text_zh\":\"理想信念方面：理想信念不坚定\"") != NULL);
  ck_free(out);
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_assessment_standards_json(NULL, p, as_of));
  ck_policy_free(p);
}

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

/* "<prefix><object><suffix>" in a malloc'd buffer */
static char *wrap(const char *prefix, const char *object, const char *suffix) {
  size_t n = strlen(prefix) + strlen(object) + strlen(suffix) + 1;
  char *s = (char *)malloc(n);
  if (s == NULL) exit(2);
  snprintf(s, n, "%s%s%s", prefix, object, suffix);
  return s;
}

static void audit_mapping(void) {
  char *out = NULL;
  CHECK_STATUS(CK_OK, ck_assessment_findings_from_audit_json(&out,
      "[{\"unit_id\":\"U1\",\"date\":\"2014-03-01\",\"kind\":\"in_term\",\"finding\":\"serious\"},"
      "{\"unit_id\":\"U1\",\"leader_id\":\"C7\",\"date\":\"2015-05-01\",\"kind\":\"departure\",\"finding\":\"none\"},"
      "{\"unit_id\":\"U2\",\"leader_id\":\"C8\",\"date\":\"2016-02-01\",\"kind\":\"sample\",\"finding\":\"referred\"}]"));
  CHECK(out && strcmp(out, "[{\"id\":\"audit:U1:2014-03-01:in_term\",\"cadre_id\":\"\",\"unit_id\":\"U1\",\"date\":\"2014-03-01\","
                           "\"source\":\"audit\",\"severity\":\"serious\",\"classification\":\"other\"},"
                           "{\"id\":\"audit:U2:2016-02-01:sample\",\"cadre_id\":\"C8\",\"unit_id\":\"U2\",\"date\":\"2016-02-01\","
                           "\"source\":\"audit\",\"severity\":\"grave\",\"classification\":\"other\"}]") == 0);
  ck_free(out);
  out = NULL;
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_assessment_findings_from_audit_json(&out,
      "[{\"unit_id\":\"U1\",\"date\":\"2014-03-01\",\"finding\":\"dreadful\"}]"));
  CHECK(out == NULL);
  CHECK(strstr(ck_last_error_message(), "audit_findings[0]") != NULL);
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_assessment_findings_from_audit_json(&out, NULL));
}

static void disclosure_veto(void) {
  ck_policy *p = NULL;
  ck_calendar *cal = NULL;
  char *record = slurp("disclosure_record.json");
  char *req, *dc = NULL, *dc2 = NULL, *pc = NULL, *v = NULL, *act;
  CHECK_STATUS(CK_OK, ck_policy_default(&p));
  CHECK_STATUS(CK_OK, ck_calendar_china(&cal, 0));
  req = wrap("{\"record\":", record, ",\"date\":\"2016-09-26\",\"actor\":\"org-1\"}");
  CHECK_STATUS(CK_OK, ck_disclosure_case_open_json(&dc, p, req));
  CHECK_STATUS(CK_OK, ck_disclosure_case_apply_json(&dc2, p, cal, dc,
      "{\"action\":\"post_round\",\"round\":1,\"date\":\"2016-09-30\",\"actor\":\"org-1\"}"));
  ck_free(dc);
  dc = NULL;
  CHECK_STATUS(CK_OK, ck_disclosure_case_apply_json(&dc, p, cal, dc2,
      "{\"action\":\"receive_complaint\",\"channel\":\"phone\",\"date\":\"2016-10-09\",\"actor\":\"sup-1\"}"));
  CHECK_STATUS(CK_OK, ck_assessment_promotion_apply_json(&pc, p, NULL,
      "{\"op\":\"open\",\"case_id\":\"P1\",\"facts\":{\"cadre_id\":\"C9\",\"unit_id\":\"U1\",\"current_rank\":\"副科\","
      "\"target_rank\":\"正科\",\"rank_since\":\"2012-01-01\",\"work_started\":\"2005-07-01\"}}"));
  /* without the case: no veto; with it: the disclosure veto, its reason named */
  CHECK_STATUS(CK_OK, ck_assessment_promotion_apply_json(&v, p, pc, "{\"op\":\"vetoes\",\"as_of\":\"2016-10-12\"}"));
  CHECK(v && strncmp(v, "{\"vetoes\":[]", 12) == 0);
  ck_free(v);
  v = NULL;
  if (dc != NULL) {
    act = wrap("{\"op\":\"vetoes\",\"as_of\":\"2016-10-12\",\"disclosure_case\":", dc, "}");
    CHECK_STATUS(CK_OK, ck_assessment_promotion_apply_json(&v, p, pc, act));
    CHECK(v && strstr(v, "{\"vetoes\":[{\"code\":\"disclosure\"") == v);
    CHECK(v && strstr(v, "complaint_unresolved:C1") != NULL);
    free(act);
    ck_free(v);
    v = NULL;
    act = wrap("{\"op\":\"post_quota\",\"date\":\"2016-10-12\",\"actor\":\"编办\",\"approved_posts\":5,\"filled_posts\":4,\"disclosure_case\":", dc, "}");
    CHECK_STATUS(CK_OK, ck_assessment_promotion_apply_json(&v, p, pc, act));
    CHECK(v && strstr(v, "\"status\":\"stopped\"") != NULL && strstr(v, "\"vetoes\":[\"disclosure\"]") != NULL);
    free(act);
    ck_free(v);
  }
  free(req);
  free(record);
  ck_free(dc);
  ck_free(dc2);
  ck_free(pc);
  ck_calendar_free(cal);
  ck_policy_free(p);
}

static void batch_findings(void) {
  ck_policy *p = NULL;
  ck_date as_of, d1, d2, d3, d4;
  ck_assessment_hit *hits = (ck_assessment_hit *)1;
  size_t n_hits = 99;
  /* The hand-worked case of tests/assessment/test_batch_findings.cpp. Rule indices (sorted
   * parameter names): 0 annual_bottom, 5 qualitative_ability, 6 qualitative_conduct; standard
   * indices: 0 ability, 1 discipline, 2 ideals_beliefs. */
  const int64_t cadre[] = {7, 7};
  const uint8_t kind[] = {0, 0}, rating[] = {2, 2};
  const int32_t period[] = {201400, 201500}, rank[] = {10, 10}, group[] = {10, 10};
  const int64_t fcad[] = {8, 8, 9, 9}, unsorted[] = {8, 9, 8, 9};
  const int32_t fstd[] = {2, 1, 0, 0};
  const uint8_t fsrc[] = {0, 0, 0, 0}, fcls[] = {2, 4, 5, 5}, fsev[] = {1, 1, 1, 1}, badsev[] = {1, 1, 1, 7};
  ck_date fdate[4];
  CHECK_STATUS(CK_OK, ck_policy_default(&p));
  CHECK_STATUS(CK_OK, ck_date_from_ymd(&as_of, 2016, 12, 31));
  CHECK_STATUS(CK_OK, ck_date_from_ymd(&d1, 2016, 5, 1));
  CHECK_STATUS(CK_OK, ck_date_from_ymd(&d2, 2016, 6, 1));
  CHECK_STATUS(CK_OK, ck_date_from_ymd(&d3, 2016, 7, 1));
  CHECK_STATUS(CK_OK, ck_date_from_ymd(&d4, 2015, 12, 31));
  fdate[0] = d1;
  fdate[1] = d2;
  fdate[2] = d3;
  fdate[3] = d4;
  CHECK_STATUS(CK_OK, screen(&hits, &n_hits, p, as_of, 2, cadre, kind, period, rank, group,
                                                          rating, 4, fcad, fstd, fsrc, fcls, fsev, fdate));
  CHECK(n_hits == 3);
  if (n_hits == 3) {
    CHECK(hits[0].cadre == 7 && hits[0].rule == 0 && hits[0].first_period == 201400 && hits[0].count == 2);
    CHECK(hits[1].cadre == 8 && hits[1].rule == 6 && hits[1].first_period == d1 && hits[1].last_period == d1 && hits[1].count == 1);
    CHECK(hits[2].cadre == 9 && hits[2].rule == 5 && hits[2].first_period == d3 && hits[2].count == 1);
  }
  ck_free(hits);
  hits = (ck_assessment_hit *)1;
  n_hits = 99;
  CHECK_STATUS(CK_E_INVALID_INPUT, screen(&hits, &n_hits, p, as_of, 2, cadre, kind, period, rank,
                                                                       group, rating, 4, fcad, fstd, fsrc, fcls, badsev, fdate));
  CHECK(hits == (ck_assessment_hit *)1 && n_hits == 99);
  CHECK(strstr(ck_last_error_message(), "findings.severity") != NULL && strstr(ck_last_error_message(), "findings row 4") != NULL);
  CHECK_STATUS(CK_E_INVALID_INPUT, screen(&hits, &n_hits, p, as_of, 2, cadre, kind, period, rank,
                                                                       group, rating, 4, unsorted, fstd, fsrc, fcls, fsev, fdate));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, screen(&hits, &n_hits, p, as_of, 2, cadre, kind, period, rank,
                                                                          group, rating, 4, fcad, NULL, fsrc, fcls, fsev, fdate));
  /* no finding rows: the assessment rules only */
  CHECK_STATUS(CK_OK, screen(&hits, &n_hits, p, as_of, 2, cadre, kind, period, rank, group,
                                                          rating, 0, NULL, NULL, NULL, NULL, NULL, NULL));
  CHECK(n_hits == 1);
  ck_free(hits);
  ck_policy_free(p);
}

static void indicators(void) {
  ck_policy *p = NULL;
  char *out = NULL;
  CHECK_STATUS(CK_OK, ck_policy_default(&p));
  /* (90 + 85 + 80.5 + 95 + 70 + 100) / 6 = 86.75 */
  CHECK_STATUS(CK_OK, ck_assessment_composite_json(&out, p,
      "{\"as_of\":\"2016-12-31\",\"domain\":\"farm\",\"scores\":{\"political_quality\":90,\"teamwork\":\"85\","
      "\"performance\":\"80.5\",\"integrity\":95,\"public_rating\":70,\"health\":100}}"));
  CHECK(out && strstr(out, "{\"domain\":\"farm\",\"score\":\"86.75\",\"parts\":[{\"indicator\":\"political_quality\","
                           "\"name_zh\":\"政治素质\",\"weight\":\"1/6\",\"score\":\"90\",\"part\":\"15\"}") == out);
  ck_free(out);
  out = NULL;
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_assessment_composite_json(&out, p,
      "{\"as_of\":\"2016-12-31\",\"domain\":\"farm\",\"scores\":{\"political_quality\":90}}"));
  CHECK(out == NULL);
  CHECK(strstr(ck_last_error_message(), "scores.teamwork") != NULL);
  CHECK_STATUS(CK_OK, ck_assessment_method_checklist_json(&out, p, "{\"as_of\":\"2016-12-31\",\"methods\":[\"听述职\",\"talks\"]}"));
  CHECK(out && strstr(out, "\"missing\":[\"rating\",\"records\",\"site_visits\",\"sampling\"],\"complete\":false") != NULL);
  ck_free(out);
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_assessment_composite_json(&out, p, NULL));
  ck_policy_free(p);
}

int main(void) {
  catalogue();
  indicators();
  batch_findings();
  audit_mapping();
  disclosure_veto();
  return ck_test_done("test_assessment_catalogue");
}
