/* C ABI: village cadre pay and incentives (JARUD) — the golden cases of
 * tests/golden/village_cases.json (restated here as requests; expected values by hand), the
 * columnar call, selection, and errors. */
#include <stdlib.h>
#include <string.h>

#include <cadrekit.h>

#include "check.h"

static ck_date ymd(int y, int m, int d) {
  ck_date out = 0;
  ck_date_from_ymd(&out, y, m, d);
  return out;
}

/* 1 when `json` holds `part` (the response's members come in a fixed order). */
static int has(const char *json, const char *part) {
  if (json != NULL && strstr(json, part) != NULL) return 1;
  fprintf(stderr, "response lacks: %s\n", part);
  return 0;
}

/* Golden case "township of five". */
static const char *kFive =
    "{\"year\":2016,\"explain\":true,\"holders\":2,"
    "\"villages\":["
    "{\"village_id\":\"V1\",\"name\":\"一村\",\"township\":\"T1\",\"population\":800},"
    "{\"village_id\":\"V2\",\"name\":\"二村\",\"township\":\"T1\",\"population\":1500},"
    "{\"village_id\":\"V3\",\"name\":\"三村\",\"township\":\"T1\",\"population\":2500},"
    "{\"village_id\":\"V4\",\"name\":\"四村\",\"township\":\"T1\",\"population\":1000},"
    "{\"village_id\":\"V5\",\"name\":\"五村\",\"township\":\"T1\",\"population\":1999}],"
    "\"principals\":["
    "{\"cadre_id\":\"P1\",\"village_id\":\"V1\",\"post\":\"secretary\",\"served_from\":\"2010-01-01\"},"
    "{\"cadre_id\":\"P2\",\"village_id\":\"V1\",\"post\":\"director\",\"served_from\":\"2010-01-01\"},"
    "{\"cadre_id\":\"P3\",\"village_id\":\"V2\",\"post\":\"both\",\"served_from\":\"2010-01-01\"},"
    "{\"cadre_id\":\"P4\",\"village_id\":\"V3\",\"post\":\"secretary\",\"served_from\":\"2010-01-01\"},"
    "{\"cadre_id\":\"P5\",\"village_id\":\"V4\",\"post\":\"secretary\",\"served_from\":\"2010-01-01\"},"
    "{\"cadre_id\":\"P6\",\"village_id\":\"V5\",\"post\":\"secretary\",\"served_from\":\"2010-01-01\"},"
    "{\"cadre_id\":\"P7\",\"village_id\":\"V5\",\"post\":\"director\",\"served_from\":\"2010-01-01\",\"served_to\":\"2016-05-15\"},"
    "{\"cadre_id\":\"P8\",\"village_id\":\"V5\",\"post\":\"director\",\"served_from\":\"2016-05-16\",\"served_to\":null}],"
    "\"scores\":["
    "{\"village_id\":\"V1\",\"period\":\"2016Q1\",\"score\":90},{\"village_id\":\"V1\",\"period\":\"2016Q2\",\"score\":90},"
    "{\"village_id\":\"V1\",\"period\":\"2016Q3\",\"score\":90},{\"village_id\":\"V1\",\"period\":\"2016Q4\",\"score\":90},"
    "{\"village_id\":\"V1\",\"period\":\"2016\",\"score\":\"95\"},"
    "{\"village_id\":\"V2\",\"period\":\"2016Q1\",\"score\":80},{\"village_id\":\"V2\",\"period\":\"2016Q2\",\"score\":82},"
    "{\"village_id\":\"V2\",\"period\":\"2016Q3\",\"score\":84},{\"village_id\":\"V2\",\"period\":\"2016Q4\",\"score\":86},"
    "{\"village_id\":\"V2\",\"period\":\"2016\",\"score\":\"90\"},"
    "{\"village_id\":\"V3\",\"period\":\"2016Q1\",\"score\":80},{\"village_id\":\"V3\",\"period\":\"2016Q2\",\"score\":80},"
    "{\"village_id\":\"V3\",\"period\":\"2016Q3\",\"score\":80},{\"village_id\":\"V3\",\"period\":\"2016Q4\",\"score\":80},"
    "{\"village_id\":\"V3\",\"period\":\"2016\",\"score\":\"80\"},"
    "{\"village_id\":\"V4\",\"period\":\"2016Q1\",\"score\":70},{\"village_id\":\"V4\",\"period\":\"2016Q2\",\"score\":70},"
    "{\"village_id\":\"V4\",\"period\":\"2016Q3\",\"score\":70},{\"village_id\":\"V4\",\"period\":\"2016Q4\",\"score\":70},"
    "{\"village_id\":\"V4\",\"period\":\"2016\",\"score\":\"75\"},"
    "{\"village_id\":\"V5\",\"period\":\"2016Q1\",\"score\":60},{\"village_id\":\"V5\",\"period\":\"2016Q2\",\"score\":60},"
    "{\"village_id\":\"V5\",\"period\":\"2016Q3\",\"score\":60},{\"village_id\":\"V5\",\"period\":\"2016Q4\",\"score\":60},"
    "{\"village_id\":\"V5\",\"period\":\"2016\",\"score\":\"60\"}]}";

static void test_pay_sheet(const ck_policy *p) {
  char *out = NULL;
  CHECK_STATUS(CK_OK, ck_village_pay_sheet_json(&out, p, kFive));
  CHECK(has(out, "\"cadre_id\":\"P1\",\"village_id\":\"V1\",\"township\":\"T1\",\"post\":\"secretary\","
                 "\"units\":12,\"units_of_year\":12,\"base\":\"7000.00\",\"performance\":\"4000.00\","
                 "\"public_institution\":\"0.00\",\"total\":\"11000.00\",\"team_grade\":\"outstanding\","
                 "\"team_grade_zh\":\"实绩突出\",\"team_grade_en\":\"Outstanding\",\"grade\":\"excellent\","
                 "\"grade_zh\":\"优秀\",\"grade_en\":\"Excellent\",\"actions\":[]"));
  CHECK(has(out, "\"cadre_id\":\"P3\",\"village_id\":\"V2\",\"township\":\"T1\",\"post\":\"both\","
                 "\"units\":12,\"units_of_year\":12,\"base\":\"8000.00\",\"performance\":\"4000.00\","
                 "\"public_institution\":\"0.00\",\"total\":\"12000.00\""));
  CHECK(has(out, "\"cadre_id\":\"P4\",\"village_id\":\"V3\",\"township\":\"T1\",\"post\":\"secretary\","
                 "\"units\":12,\"units_of_year\":12,\"base\":\"9000.00\",\"performance\":\"2000.00\","
                 "\"public_institution\":\"0.00\",\"total\":\"11000.00\",\"team_grade\":\"good\",\"team_grade_zh\":\"比较突出\""));
  CHECK(has(out, "\"base\":\"8000.00\",\"performance\":\"0.00\",\"public_institution\":\"0.00\",\"total\":\"8000.00\","
                 "\"team_grade\":\"ordinary\",\"team_grade_zh\":\"一般\",\"team_grade_en\":\"Ordinary\","
                 "\"grade\":\"unqualified\",\"grade_zh\":\"不合格\",\"grade_en\":\"Unqualified\","
                 "\"actions\":[{\"kind\":\"admonishment_talk\",\"due\":\"2017-01-30\"},"
                 "{\"kind\":\"rectification\",\"due\":\"2017-03-31\"}]"));
  CHECK(has(out, "\"cadre_id\":\"P7\",\"village_id\":\"V5\",\"township\":\"T1\",\"post\":\"director\","
                 "\"units\":5,\"units_of_year\":12,\"base\":\"3333.33\",\"performance\":\"0.00\","
                 "\"public_institution\":\"0.00\",\"total\":\"3333.33\",\"team_grade\":\"ordinary\",\"team_grade_zh\":\"一般\","
                 "\"team_grade_en\":\"Ordinary\",\"grade\":\"unqualified\",\"grade_zh\":\"不合格\","
                 "\"grade_en\":\"Unqualified\",\"actions\":[]"));
  CHECK(has(out, "\"units\":7,\"units_of_year\":12,\"base\":\"4666.67\""));
  /* the code is in grade and team_grade, the labels in *_zh and *_en: no member *_code */
  CHECK(strstr(out, "grade_code") == NULL);
  CHECK(has(out, "\"village_id\":\"V2\",\"township\":\"T1\",\"composite\":\"87.2\",\"rank\":2"));
  CHECK(has(out, "\"townships\":[{\"township\":\"T1\",\"villages\":5,\"principals\":8,\"base\":\"55000.00\","
                 "\"performance\":\"16000.00\",\"public_institution\":\"0.00\",\"total\":\"71000.00\"}]"));
  CHECK(has(out, "\"banner\":{\"villages\":5,\"principals\":8,\"base\":\"55000.00\""));
  CHECK(has(out, "\"public_institution\":\"48000.00\",\"subsidies\":\"0.00\",\"total\":\"119000.00\""));
  CHECK(has(out, "\"rule_id\":\"village.both_posts\""));
  CHECK(has(out, "\"name\":\"village.performance_pay.excellent\",\"value\":\"4000\""));
  CHECK(out == NULL || strstr(out, "一村") == NULL); /* names never echoed */
  ck_free(out);
}

/* Golden case "ties, one-village township, missing scores" on the columns. */
static void test_columns(const ck_policy *p) {
  /* W1..W4 (T2 = 0), X1 (T3 = 1), Y1..Y3 (T4 = 2) */
  int32_t town[8] = {0, 0, 0, 0, 1, 2, 2, 2};
  int64_t pop[8] = {500, 500, 500, 500, 3000, 1200, 2000, 900};
  int64_t sc[40];
  uint8_t present[8] = {31, 31, 31, 31, 31, 27, 31, 31};
  int64_t per[8] = {85, 85, 85, 70, 50, 90, 90, 70};
  int32_t pv[6] = {0, 3, 4, 5, 6, 1};
  uint8_t post[6] = {0, 0, 2, 0, 0, 1};
  ck_date from[6], to[6];
  uint8_t vg[8], g[6];
  int32_t vr[8], units[6];
  int64_t base[6], perf[6], tot[6];
  int i, k;
  ck_village_pay_sheet_in in = {.struct_size = sizeof in};
  ck_village_pay_sheet_out o = {.struct_size = sizeof o};
  for (i = 0; i < 8; ++i)
    for (k = 0; k < 5; ++k) sc[5 * i + k] = per[i] * 10000;
  for (i = 0; i < 6; ++i) {
    from[i] = ymd(2012, 3, 1);
    to[i] = INT32_MAX;
  }
  from[5] = ymd(2015, 1, 1);
  to[5] = ymd(2015, 12, 31);
  in.year = 2016;
  in.n_villages = 8;
  in.village_township = town;
  in.population = pop;
  in.scores = sc;
  in.score_present = present;
  in.n_principals = 6;
  in.principal_village = pv;
  in.post = post;
  in.served_from = from;
  in.served_to = to;
  o.village_team_grade = vg;
  o.village_rank = vr;
  o.base_fen = base;
  o.performance_fen = perf;
  o.total_fen = tot;
  o.grade = g;
  o.units = units;
  CHECK_STATUS(CK_OK, ck_village_pay_sheet_columns(&o, p, &in));
  /* three tie at rank 1 and share 实绩突出; W4 一般; X1 alone 比较突出; Y1 not graded */
  CHECK(vg[0] == 0 && vg[1] == 0 && vg[2] == 0 && vr[0] == 1 && vr[2] == 1);
  CHECK(vg[3] == 2 && vr[3] == 4);
  CHECK(vg[4] == 1 && vg[5] == 3 && vr[5] == 0 && vg[6] == 0 && vg[7] == 1);
  CHECK(tot[0] == 1100000 && tot[1] == 700000 && tot[2] == 1100000);
  CHECK(tot[3] == 800000 && g[3] == 3 && tot[4] == 1300000);
  CHECK(tot[5] == 0 && units[5] == 0);
  /* a bad row: outputs untouched */
  tot[0] = -1;
  post[1] = 7;
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_village_pay_sheet_columns(&o, p, &in));
  CHECK(tot[0] == -1);
  CHECK(strstr(ck_last_error_message(), "post") != NULL);
  post[1] = 0;
  in.scores = NULL;
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_village_pay_sheet_columns(&o, p, &in));
  CHECK(strstr(ck_last_error_message(), "in.scores") != NULL);
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_village_pay_sheet_columns(&o, p, NULL));
}

static void test_selection(const ck_policy *p) {
  char *out = NULL;
  CHECK_STATUS(CK_OK, ck_village_selection_json(&out, p, "{\"op\":\"quota\",\"n_villages\":206,\"year\":2016}"));
  CHECK(has(out, "\"quota\":11"));
  ck_free(out);
  out = NULL;
  CHECK_STATUS(CK_OK, ck_village_selection_json(&out, p, "{\"op\":\"quota\",\"n_villages\":200,\"year\":2016}"));
  CHECK(has(out, "\"quota\":10"));
  ck_free(out);
  out = NULL;
  CHECK_STATUS(CK_OK, ck_village_selection_json(&out, p, "{\"op\":\"funnel\",\"places\":11,\"year\":2016}"));
  CHECK(has(out, "\"places\":11,\"initial\":33,\"prospective\":22,\"formal\":14"));
  ck_free(out);
  out = NULL;
  CHECK_STATUS(CK_OK, ck_village_selection_json(&out, p, "{\"op\":\"funnel\",\"places\":0,\"year\":2016}"));
  CHECK(has(out, "\"initial\":0,\"prospective\":0,\"formal\":0"));
  ck_free(out);
  out = NULL;
  CHECK_STATUS(CK_OK, ck_village_selection_json(
                          &out, p, "{\"op\":\"allocate\",\"villages_per_township\":{\"A\":10,\"B\":6,\"C\":4},\"quota\":11}"));
  CHECK(has(out, "\"allocation\":{\"A\":6,\"B\":3,\"C\":2}"));
  ck_free(out);
  out = NULL;
  CHECK_STATUS(CK_OK, ck_village_selection_json(
                          &out, p, "{\"op\":\"allocate\",\"villages_per_township\":{\"A\":1,\"B\":3},\"quota\":2}"));
  CHECK(has(out, "\"allocation\":{\"A\":0,\"B\":2}"));
  ck_free(out);
  out = NULL;
  /* eligible list published Mon 2016-06-06; 端午 9-11 June, Sunday 12 June worked: the
   * publicity ends 13 June, so a recommendation on 13 June is too early */
  CHECK_STATUS(CK_OK, ck_village_selection_json(
                          &out, p,
                          "{\"op\":\"check\",\"year\":2016,\"places\":1,\"eligible\":[\"a\",\"b\",\"c\",\"d\"],"
                          "\"eligible_publicised_on\":\"2016-06-06\",\"initial_on\":\"2016-06-13\","
                          "\"initial\":[\"a\",\"b\",\"c\"],\"prospective\":[\"a\",\"e\"],\"formal\":[\"a\"],"
                          "\"selected\":[\"a\"]}"));
  CHECK(has(out, "\"ok\":false"));
  CHECK(has(out, "{\"stage\":\"prospective\",\"code\":\"not_from_previous\",\"cadre_id\":\"e\""));
  CHECK(has(out, "{\"stage\":\"formal\",\"code\":\"size\""));
  CHECK(has(out, "{\"stage\":\"initial\",\"code\":\"publicity\""));
  ck_free(out);
  out = NULL;
  CHECK_STATUS(CK_OK, ck_village_selection_json(
                          &out, p,
                          "{\"op\":\"eligibility\",\"as_of\":\"2016-06-01\",\"applicants\":["
                          "{\"cadre_id\":\"E1\",\"post\":\"secretary\",\"in_post_since\":\"2012-01-01\","
                          "\"birth_date\":\"1970-01-01\",\"grades\":{\"2015\":\"优秀\"}},"
                          "{\"cadre_id\":\"E4\",\"post\":null,\"in_post_since\":\"2010-01-01\","
                          "\"birth_date\":\"1970-01-01\",\"grades\":{\"2015\":\"不合格\"}}]}"));
  CHECK(has(out, "{\"cadre_id\":\"E1\",\"eligible\":true,\"failed\":[]"));
  CHECK(has(out, "{\"cadre_id\":\"E4\",\"eligible\":false,\"failed\":[\"village.selection.current_post\","
                 "\"village.selection.clean_grades\"]"));
  CHECK(out == NULL || strstr(out, "1970") == NULL); /* no birth date echoed */
  ck_free(out);
  out = NULL;
  CHECK_STATUS(CK_OK, ck_village_selection_json(&out, p, "{\"op\":\"publicity\",\"year\":2016}"));
  CHECK(has(out, "{\"quarter\":1,\"first\":\"2016-04-01\",\"last\":\"2016-04-07\"}"));
  CHECK(has(out, "{\"quarter\":4,\"first\":\"2017-01-01\",\"last\":\"2017-01-07\"}"));
  ck_free(out);
  out = NULL;
  CHECK_STATUS(CK_OK, ck_village_selection_json(
                          &out, p,
                          "{\"op\":\"subsidy\",\"year\":2016,\"terms\":["
                          "{\"cadre_id\":\"C2\",\"served_from\":\"2006-07-01\",\"served_to\":\"2016-06-30\"}]}"));
  /* 2006-07-01 to 2016-06-30: exactly 10 years by dates (3,653 days) */
  CHECK(has(out, "{\"cadre_id\":\"C2\",\"months\":120,\"days\":3653,\"service\":{\"years\":10,\"months\":0,"
                 "\"days\":0},\"serving\":false,\"eligible\":true,\"newly_eligible\":true,\"amount\":\"1200.00\","));
  ck_free(out);
}

static void test_errors(const ck_policy *p) {
  char *out = (char *)0x1;
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_village_pay_sheet_json(NULL, p, "{}"));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_village_pay_sheet_json(&out, NULL, "{}"));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_village_pay_sheet_json(&out, p, NULL));
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_village_pay_sheet_json(&out, p, "{not json"));
  CHECK_STATUS(CK_E_INVALID_INPUT,
               ck_village_pay_sheet_json(&out, p,
                                         "{\"year\":2016,\"villages\":[],\"principals\":[{\"cadre_id\":\"P1\","
                                         "\"village_id\":\"nowhere\",\"post\":\"secretary\",\"served_from\":\"2016-01-01\"}]}"));
  CHECK(strstr(ck_last_error_message(), "village_id") != NULL);
  CHECK_STATUS(CK_E_INVALID_INPUT,
               ck_village_pay_sheet_json(&out, p, "{\"year\":2016,\"villages\":[{\"village_id\":\"V\",\"township\":\"T\","
                                                  "\"population\":1}],\"principals\":[],\"scores\":[{\"village_id\":\"V\","
                                                  "\"period\":\"2016\",\"score\":91.5}]}"));
  CHECK(strstr(ck_last_error_message(), "score") != NULL);
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_village_selection_json(&out, p, "{\"op\":\"dance\"}"));
  CHECK_STATUS(CK_E_INVALID_INPUT,
               ck_village_selection_json(&out, p, "{\"op\":\"allocate\",\"villages_per_township\":{\"A\":2},\"quota\":3}"));
  CHECK(out == (char *)0x1);
}

/* The what-if in one call: 优秀 raised to 5,000 yuan. Golden case "township of five": V1 (93)
 * and V2 (87.2) are 实绩突出 (round(30 % x 5) = 2), so P1, P2 (V1) and P3 (V2, 一肩挑 paid once)
 * are 优秀 for 12 months -> +3 x 1,000 yuan; public pay 2 x 24,000 under both. */
static void test_what_if(const ck_policy *p) {
  char *out = NULL;
  ck_policy *b = NULL;
  CHECK_STATUS(CK_OK, ck_policy_loads(&b, "profile: raise\nextends: tongliao-2016\nparameters:\n"
                                          "  village.performance_pay.excellent:\n    values:\n      2016-01-01: 5000\n"));
  CHECK_STATUS(CK_OK, ck_village_budget_what_if_json(&out, p, b, kFive));
  CHECK(has(out, "\"a\":{\"policy\":\"tongliao-2016\",\"year\":2016,\"base\":\"55000.00\",\"performance\":\"16000.00\","
                 "\"public_institution\":\"48000.00\",\"subsidies\":\"0.00\",\"total\":\"119000.00\"}"));
  CHECK(has(out, "\"b\":{\"policy\":\"raise\",\"year\":2016,\"base\":\"55000.00\",\"performance\":\"19000.00\""));
  CHECK(has(out, "\"difference\":{\"base\":\"0.00\",\"performance\":\"3000.00\",\"public_institution\":\"0.00\","
                 "\"subsidies\":\"0.00\",\"total\":\"3000.00\"}"));
  ck_free(out);
  out = NULL;
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_village_budget_what_if_json(&out, p, NULL, kFive));
  CHECK(out == NULL);
  ck_policy_free(b);
}

/* village.selection.allocation = banner: the quota is one banner-wide pool. */
static void test_allocation_policy(const ck_policy *p) {
  char *out = NULL;
  ck_policy *banner = NULL;
  CHECK_STATUS(CK_OK, ck_village_selection_json(
                          &out, p, "{\"op\":\"allocate\",\"villages_per_township\":{\"A\":10,\"B\":6,\"C\":4},\"quota\":11}"));
  CHECK(has(out, "\"quota\":11,\"method\":\"township\",\"allocation\":{\"A\":6,\"B\":3,\"C\":2}"));
  ck_free(out);
  out = NULL;
  CHECK_STATUS(CK_OK, ck_policy_loads(&banner,
                                      "profile: banner-test\nextends: tongliao-2016\nparameters:\n"
                                      "  village.selection.allocation:\n    values:\n      2016-01-01: banner\n"));
  CHECK_STATUS(CK_OK, ck_village_selection_json(
                          &out, banner, "{\"op\":\"allocate\",\"villages_per_township\":{\"A\":10,\"B\":6,\"C\":4},\"year\":2016}"));
  CHECK(has(out, "\"quota\":1,\"method\":\"banner\",\"allocation\":{}"));
  CHECK(has(out, "\"rule_id\":\"village.selection.allocation\""));
  ck_free(out);
  ck_policy_free(banner);
}

int main(void) {
  ck_policy *p = NULL;
  if (ck_policy_default(&p) != CK_OK) return 2;
  test_pay_sheet(p);
  test_columns(p);
  test_selection(p);
  test_allocation_policy(p);
  test_what_if(p);
  test_errors(p);
  ck_policy_free(p);
  return ck_test_done("test_village");
}
