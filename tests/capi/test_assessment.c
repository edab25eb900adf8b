/* C ABI tests of the assessment module: the golden screening table, the batch call, disposal,
 * follow-up and promotion. */
#include <cadrekit.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "screen.h"

#define SRC CADREKIT_SOURCE_DIR

/* Builds "C1 annual_bottom 2014,2015; ..." from the canonical response: each hit starts with
 * {"cadre_id":"..","rule_id":"..", and its periods follow as "periods":[".."]. */
static void summarise(const char *resp, char *buf, size_t size) {
  const char *p = resp;
  buf[0] = '\0';
  while ((p = strstr(p, "{\"cadre_id\":\"")) != NULL) {
    const char *c = p + 13, *ce = strchr(c, '"');
    const char *r = strstr(ce, "\"rule_id\":\"") + 11, *re = strchr(r, '"');
    const char *ps = strstr(re, "\"periods\":[") + 11, *pe = strchr(ps, ']');
    if (buf[0] != '\0') strncat(buf, "; ", size - strlen(buf) - 1);
    strncat(buf, c, (size_t)(ce - c) < size - strlen(buf) - 1 ? (size_t)(ce - c) : size - strlen(buf) - 1);
    strncat(buf, " ", size - strlen(buf) - 1);
    strncat(buf, r, (size_t)(re - r) < size - strlen(buf) - 1 ? (size_t)(re - r) : size - strlen(buf) - 1);
    strncat(buf, " ", size - strlen(buf) - 1);
    for (const char *q = ps; q < pe; ++q) {
      size_t len = strlen(buf);
      if (*q != '"' && len + 1 < size) {
        buf[len] = *q;
        buf[len + 1] = '\0';
      }
    }
    p = pe;
  }
  if (buf[0] == '\0') strncpy(buf, "-", size);
}

static void golden(void) {
  FILE *f = fopen(SRC "/tests/golden/assessment_screen.tsv", "r");
  static char line[65536], got[4096];
  int cases = 0;
  ck_policy *def = NULL, *gap = NULL, *places = NULL;
  CHECK(f != NULL);
  if (f == NULL) return;
  CHECK_STATUS(CK_OK, ck_policy_default(&def));
  CHECK_STATUS(CK_OK, ck_policy_load(&gap, SRC "/tests/golden/assessment_county_gap.yaml"));
  CHECK_STATUS(CK_OK, ck_policy_load(&places, SRC "/tests/golden/assessment_county_places.yaml"));
  while (fgets(line, sizeof line, f) != NULL) {
    char *name, *pol, *req, *expect, *out = NULL;
    const ck_policy *p;
    if (line[0] == '#' || line[0] == '\n') continue;
    line[strcspn(line, "\n")] = '\0';
    name = strtok(line, "\t");
    pol = strtok(NULL, "\t");
    req = strtok(NULL, "\t");
    expect = strtok(NULL, "\t");
    CHECK(name && pol && req && expect);
    if (!(name && pol && req && expect)) break;
    p = strcmp(pol, "gap") == 0 ? gap : strcmp(pol, "places") == 0 ? places : def;
    CHECK_STATUS(CK_OK, ck_assessment_screen_json(&out, p, req));
    if (out == NULL) continue;
    summarise(out, got, sizeof got);
    if (strcmp(got, expect) != 0) fprintf(stderr, "case %s: got [%s] expected [%s]\n", name, got, expect);
    CHECK(strcmp(got, expect) == 0);
    ck_free(out);
    ++cases;
  }
  CHECK(cases >= 25);
  fclose(f);
  ck_policy_free(def);
  ck_policy_free(gap);
  ck_policy_free(places);
}

static void batch(void) {
  ck_policy *p = NULL;
  ck_date as_of, before;
  ck_assessment_hit *hits = (ck_assessment_hit *)1;
  size_t n_hits = 99;
  char *rules = NULL;
  /* cadre 7: bottom of annual 2014 and 2015 (1 place of 10) and 不称职 in 2015;
   * cadre 8: rank 9 of 10 twice (not near the bottom); cadre 9: 未达标 twice. */
  const int64_t cadre[] = {7, 7, 8, 8, 9, 9};
  const uint8_t kind[] = {0, 0, 0, 0, 2, 2};
  const int32_t period[] = {201400, 201500, 201400, 201500, 201500, 201600};
  const int32_t rank[] = {10, 10, 9, 9, 0, 0};
  const int32_t group[] = {10, 10, 10, 10, 0, 0};
  const uint8_t rating[] = {2, 4, 2, 2, 6, 6};
  const int64_t unsorted[] = {7, 7, 8, 8, 9, 1};
  CHECK_STATUS(CK_OK, ck_policy_default(&p));
  CHECK_STATUS(CK_OK, ck_date_from_ymd(&as_of, 2016, 12, 31));
  CHECK_STATUS(CK_OK, ck_date_from_ymd(&before, 2015, 6, 30));
  CHECK_STATUS(CK_OK, ck_assessment_rules_json(&rules, p, as_of));
  CHECK(rules && strstr(rules, "\"index\":0,\"id\":\"annual_bottom\"") != NULL);
  CHECK(rules && strstr(rules, "\"index\":4,\"id\":\"party_conduct_fail\"") != NULL);
  ck_free(rules);
  CHECK_STATUS(CK_OK, screen(&hits, &n_hits, p, as_of, 6, cadre, kind, period, rank, group, rating, 0, NULL, NULL, NULL, NULL, NULL, NULL));
  CHECK(n_hits == 3);
  if (n_hits == 3) {
    CHECK(hits[0].cadre == 7 && hits[0].rule == 0 && hits[0].first_period == 201400 && hits[0].last_period == 201500 && hits[0].count == 2);
    CHECK(hits[1].cadre == 7 && hits[1].rule == 1 && hits[1].first_period == 201500 && hits[1].count == 1);
    CHECK(hits[2].cadre == 9 && hits[2].rule == 4 && hits[2].first_period == 201500 && hits[2].last_period == 201600);
  }
  ck_free(hits);
  /* refused input leaves the outputs untouched */
  hits = (ck_assessment_hit *)1;
  n_hits = 99;
  CHECK_STATUS(CK_E_INVALID_INPUT, screen(&hits, &n_hits, p, as_of, 6, unsorted, kind, period, rank, group, rating, 0, NULL, NULL, NULL, NULL, NULL, NULL));
  CHECK(hits == (ck_assessment_hit *)1 && n_hits == 99);
  CHECK(strstr(ck_last_error_message(), "row 6") != NULL);
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, screen(&hits, &n_hits, p, as_of, 6, NULL, kind, period, rank, group, rating, 0, NULL, NULL, NULL, NULL, NULL, NULL));
  CHECK_STATUS(CK_OK, ck_assessment_rules_json(&rules, p, before)); /* before the rules took effect */
  CHECK(rules && strcmp(rules, "{\"rules\":[]}") == 0);
  ck_free(rules);
  CHECK_STATUS(CK_OK, screen(&hits, &n_hits, p, as_of, 0, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL));
  CHECK(n_hits == 0 && hits == NULL);
  ck_policy_free(p);
}

static void disposal(void) {
  char *c = NULL, *c2 = NULL, *c3 = NULL;
  CHECK_STATUS(CK_OK, ck_assessment_disposal_apply_json(&c, NULL, "{\"op\":\"open\",\"case_id\":\"D1\",\"cadre_id\":\"C1\"}"));
  CHECK(c && strcmp(c, "{\"case_id\":\"D1\",\"cadre_id\":\"C1\",\"stage\":\"none\",\"events\":[]}") == 0);
  CHECK_STATUS(CK_OK, ck_assessment_disposal_apply_json(&c2, c, "{\"op\":\"advance\",\"stage\":\"motion\",\"date\":\"2016-03-01\",\"actor\":\"组织部\"}"));
  /* skipping investigation is refused and writes nothing */
  c3 = (char *)1;
  CHECK_STATUS(CK_E_STATE, ck_assessment_disposal_apply_json(&c3, c2, "{\"op\":\"advance\",\"stage\":\"analysis\",\"date\":\"2016-03-02\",\"actor\":\"x\"}"));
  CHECK(c3 == (char *)1);
  CHECK_STATUS(CK_E_STATE, ck_assessment_disposal_apply_json(&c3, c2, "{\"op\":\"decide\",\"method\":\"免职\",\"date\":\"2016-03-02\",\"grounds\":[\"annual_bottom\"]}"));
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_assessment_disposal_apply_json(&c3, c2, "{\"op\":\"advance\",\"stage\":\"investigation\",\"date\":\"2016-02-30\",\"actor\":\"x\"}"));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_assessment_disposal_apply_json(NULL, c2, "{}"));
  CHECK_STATUS(CK_OK, ck_assessment_disposal_apply_json(&c3, c2, "{\"op\":\"advance\",\"stage\":\"investigation\",\"date\":\"2016-03-05\",\"actor\":\"考察组\"}"));
  CHECK(c3 && strstr(c3, "\"stage\":\"investigation\"") != NULL);
  ck_free(c);
  c = NULL;
  CHECK_STATUS(CK_OK, ck_assessment_disposal_apply_json(&c, c3, "{\"op\":\"close_no_action\",\"date\":\"2016-03-09\",\"actor\":\"组织部\"}"));
  CHECK(c && strstr(c, "\"stage\":\"closed_no_action\"") != NULL);
  ck_free(c);
  ck_free(c2);
  ck_free(c3);
}

static void follow_up(void) {
  ck_policy *p = NULL;
  char *out = NULL;
  CHECK_STATUS(CK_OK, ck_policy_default(&p));
  CHECK_STATUS(CK_OK, ck_assessment_follow_up_json(&out, p, "{\"decision_date\":\"2016-01-31\",\"until\":\"2016-04-30\"}"));
  CHECK(out && strcmp(out, "{\"schedule\":[{\"date\":\"2016-02-29\",\"kind\":\"monthly_talk\"},{\"date\":\"2016-03-31\",\"kind\":\"monthly_talk\"},{\"date\":\"2016-04-30\",\"kind\":\"monthly_talk\"},{\"date\":\"2016-04-30\",\"kind\":\"quarterly_visit\"}]}") == 0);
  ck_free(out);
  out = NULL;
  CHECK_STATUS(CK_OK, ck_assessment_follow_up_json(&out, p, "{\"decision_date\":\"2016-04-15\",\"as_of\":\"2016-06-20\",\"held\":[{\"date\":\"2016-05-10\",\"kind\":\"monthly_talk\"}]}"));
  CHECK(out && strcmp(out, "{\"ledger\":[{\"date\":\"2016-05-15\",\"kind\":\"monthly_talk\",\"held\":\"2016-05-10\",\"overdue\":false},{\"date\":\"2016-06-15\",\"kind\":\"monthly_talk\",\"held\":null,\"overdue\":true}]}") == 0);
  ck_free(out);
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_assessment_follow_up_json(&out, p, "{\"decision_date\":\"2016-04-15\",\"until\":\"2016-01-01\"}"));
  ck_policy_free(p);
}

static void promotion(void) {
  ck_policy *p = NULL;
  char *c = NULL, *c2 = NULL, *v = NULL;
  CHECK_STATUS(CK_OK, ck_policy_default(&p));
  CHECK_STATUS(CK_OK, ck_assessment_promotion_apply_json(&c, p, NULL,
      "{\"op\":\"open\",\"case_id\":\"P1\",\"facts\":{\"cadre_id\":\"C9\",\"unit_id\":\"U1\",\"current_rank\":\"副科\",\"target_rank\":\"正科\",\"rank_since\":\"2015-01-01\",\"work_started\":\"2005-07-01\",\"open_disposal_case\":true}}"));
  CHECK_STATUS(CK_OK, ck_assessment_promotion_apply_json(&v, p, c, "{\"op\":\"vetoes\",\"as_of\":\"2016-06-01\"}"));
  CHECK(v && strstr(v, "{\"vetoes\":[{\"code\":\"open_disposal\"") == v);
  CHECK(v && strstr(v, "\"code\":\"years_at_rank\"") != NULL);
  CHECK_STATUS(CK_E_STATE, ck_assessment_promotion_apply_json(&c2, p, c, "{\"op\":\"pass\",\"gate\":\"motion\",\"date\":\"2016-06-01\",\"actor\":\"a\"}"));
  CHECK_STATUS(CK_OK, ck_assessment_promotion_apply_json(&c2, p, c, "{\"op\":\"post_quota\",\"date\":\"2016-06-01\",\"actor\":\"编办\",\"approved_posts\":5,\"filled_posts\":4}"));
  CHECK(c2 && strstr(c2, "\"status\":\"stopped\"") != NULL);
  CHECK(c2 && strstr(c2, "\"vetoes\":[\"open_disposal\",\"years_at_rank\"]") != NULL);
  ck_free(c);
  ck_free(c2);
  ck_free(v);
  ck_policy_free(p);
}

int main(void) {
  golden();
  batch();
  disposal();
  follow_up();
  promotion();
  return ck_test_done("test_assessment");
}
