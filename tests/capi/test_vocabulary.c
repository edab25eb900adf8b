/* C ABI: the JSON calls read strings with the library's one vocabulary — a date "2014/1/1", a
 * factor "是"/"否"/"2", a period "2016年第二季度" give exactly the answer of the canonical
 * spelling, and a text outside the vocabulary is refused saying what was expected. */
#include <string.h>

#include <cadrekit.h>

#include "check.h"

/* The answer of `request` (NULL and a failed CHECK when the call fails). */
static char *answer(int (*call)(char **, const ck_policy *, const char *), const ck_policy *p,
                    const char *request) {
  char *out = NULL;
  CHECK_STATUS(CK_OK, call(&out, p, request));
  return out;
}

static void same(int (*call)(char **, const ck_policy *, const char *), const ck_policy *p,
                 const char *canonical, const char *spelled) {
  char *a = answer(call, p, canonical);
  char *b = answer(call, p, spelled);
  CHECK(a != NULL && b != NULL);
  if (a && b) CHECK(strcmp(a, b) == 0);
  ck_free(a);
  ck_free(b);
}

static void audit_factors_and_dates(const ck_policy *p) {
  char *out = NULL;
  same(ck_audit_tier_json, p,
       "{\"as_of\":\"2016-12-31\",\"units\":["
       "{\"unit_id\":\"A\",\"budget\":\"100万\",\"complaints\":1,\"window_unit\":0,\"economic_power\":2},"
       "{\"unit_id\":\"B\",\"budget\":\"100万\",\"high_risk_sector\":true,\"attention\":0}]}",
       "{\"as_of\":\"2016/12/31\",\"units\":["
       "{\"unit_id\":\"A\",\"budget\":\"100万\",\"complaints\":\"是\",\"window_unit\":\"否\",\"economic_power\":\"2\"},"
       "{\"unit_id\":\"B\",\"budget\":\"100万\",\"high_risk_sector\":\"true\",\"attention\":\"０\"}]}");
  /* the spelled factors count: complaints (4) + economic power 2 × 1 = 6 points, level 1 */
  out = answer(ck_audit_tier_json, p,
               "{\"as_of\":\"2016年12月31日\",\"units\":[{\"unit_id\":\"A\",\"budget\":\"100万\","
               "\"complaints\":\"是\",\"economic_power\":\"2\"}]}");
  CHECK(out != NULL && strstr(out, "\"level\":1") != NULL);
  CHECK(out != NULL && strstr(out, "\"score\":6") != NULL);
  ck_free(out);
  /* outside the vocabulary: refused, saying what was expected, naming field and record */
  out = NULL;
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_audit_tier_json(&out, p,
      "{\"as_of\":\"2016-12-31\",\"units\":[{\"unit_id\":\"A\",\"budget\":\"1\",\"complaints\":\"maybe\"}]}"));
  CHECK(strstr(ck_last_error_message(), "是/否 for 1/0") != NULL);
  CHECK(strstr(ck_last_error_message(), "complaints") != NULL);
  CHECK(strstr(ck_last_error_message(), "maybe") == NULL);
  /* complaints is 0 or 1 in the default profile: "2" names the profile's range */
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_audit_tier_json(&out, p,
      "{\"as_of\":\"2016-12-31\",\"units\":[{\"unit_id\":\"A\",\"budget\":\"1\",\"complaints\":\"2\"}]}"));
  CHECK(strstr(ck_last_error_message(), "expected 0 or 1, or 是/否 for 1/0") != NULL);
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_audit_tier_json(&out, p,
      "{\"as_of\":\"2016/13/1\",\"units\":[]}"));
  CHECK(strstr(ck_last_error_message(), "not a valid calendar date") != NULL);
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_audit_tier_json(&out, p, "{\"as_of\":\"12/31/2016\",\"units\":[]}"));
  CHECK(strstr(ck_last_error_message(), "expected a date: 2014-01-01, 2014/1/1") != NULL);
}

#define PRINCIPALS(FROM)                                                                       \
  "\"principals\":[{\"cadre_id\":\"P1\",\"village_id\":\"V1\",\"post\":\"secretary\",\"served_from\":\"" FROM \
  "\"},{\"cadre_id\":\"P2\",\"village_id\":\"V2\",\"post\":\"director\",\"served_from\":\"2010-01-01\"}],"
#define VILLAGES                                                                               \
  "{\"year\":2016,\"villages\":[{\"village_id\":\"V1\",\"township\":\"T1\",\"population\":800}," \
  "{\"village_id\":\"V2\",\"township\":\"T1\",\"population\":900}],"

static void village_periods_and_dates(const ck_policy *p) {
  char *out = NULL;
  same(ck_village_pay_sheet_json, p,
       VILLAGES PRINCIPALS("2016-04-01")
       "\"scores\":[{\"village_id\":\"V1\",\"period\":\"2016Q1\",\"score\":90},"
       "{\"village_id\":\"V1\",\"period\":\"2016Q2\",\"score\":91},"
       "{\"village_id\":\"V1\",\"period\":\"2016Q3\",\"score\":92},"
       "{\"village_id\":\"V1\",\"period\":\"2016Q4\",\"score\":93},"
       "{\"village_id\":\"V1\",\"period\":\"2016\",\"score\":94},"
       "{\"village_id\":\"V2\",\"period\":\"2016Q1\",\"score\":80}]}",
       VILLAGES PRINCIPALS("2016/4/1")
       "\"scores\":[{\"village_id\":\"V1\",\"period\":\"2016年第一季度\",\"score\":90},"
       "{\"village_id\":\"V1\",\"period\":\"2016年二季度\",\"score\":91},"
       "{\"village_id\":\"V1\",\"period\":\"2016年第3季度\",\"score\":92},"
       "{\"village_id\":\"V1\",\"period\":\"2016q4\",\"score\":93},"
       "{\"village_id\":\"V1\",\"period\":\"2016年\",\"score\":94},"
       "{\"village_id\":\"V2\",\"period\":\"２０１６Ｑ１\",\"score\":80}]}");
  /* the same quarter in two spellings is a score given twice */
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_village_pay_sheet_json(&out, p,
      VILLAGES PRINCIPALS("2016-04-01")
      "\"scores\":[{\"village_id\":\"V1\",\"period\":\"2016Q2\",\"score\":90},"
      "{\"village_id\":\"V1\",\"period\":\"2016年第二季度\",\"score\":91}]}"));
  CHECK(strstr(ck_last_error_message(), "twice") != NULL);
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_village_pay_sheet_json(&out, p,
      VILLAGES PRINCIPALS("2016-04-01")
      "\"scores\":[{\"village_id\":\"V1\",\"period\":\"2016年第五季度\",\"score\":90}]}"));
  CHECK(strstr(ck_last_error_message(), "expected a period: 2016Q2, 2016年第二季度") != NULL);
}

/* The codes of the JSON members: an audit's level and kind, a cadre's sex, rank and political
 * status, in their Chinese and English labels, answer as their codes do; an unknown one is
 * refused listing the codes, never quoting the text. */
static void codes(const ck_policy *p) {
  char *out = NULL;
  same(ck_audit_plan_json, p,
       "{\"first_year\":2017,\"last_year\":2019,\"capacity\":5,\"seed\":1,"
       "\"units\":[{\"unit_id\":\"A\",\"level\":1},{\"unit_id\":\"B\",\"level\":\"special\"},"
       "{\"unit_id\":\"C\",\"level\":\"3\"}],"
       "\"audits\":[{\"unit_id\":\"A\",\"date\":\"2016-05-01\",\"kind\":\"departure\"}]}",
       "{\"first_year\":2017,\"last_year\":2019,\"capacity\":5,\"seed\":1,"
       "\"units\":[{\"unit_id\":\"A\",\"level\":\"一级\"},{\"unit_id\":\"B\",\"level\":\"特殊级别\"},"
       "{\"unit_id\":\"C\",\"level\":\"Level 3\"}],"
       "\"audits\":[{\"unit_id\":\"A\",\"date\":\"2016/5/1\",\"kind\":\"离任审计\"}]}");
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_audit_plan_json(&out, p,
      "{\"first_year\":2017,\"last_year\":2019,\"capacity\":5,\"units\":[{\"unit_id\":\"A\",\"level\":\"四级\"}]}"));
  CHECK(strstr(ck_last_error_message(), "expected one of: special (特殊级别), 1 (一级), 2 (二级), 3 (三级)") != NULL);
  CHECK(strstr(ck_last_error_message(), "四级") == NULL);
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_audit_plan_json(&out, p,
      "{\"first_year\":2017,\"last_year\":2019,\"capacity\":5,\"units\":[{\"unit_id\":\"A\",\"level\":1}],"
      "\"audits\":[{\"unit_id\":\"A\",\"date\":\"2016-05-01\",\"kind\":\"annual\"}]}"));
  CHECK(strstr(ck_last_error_message(), "expected one of: in_term (任中审计)") != NULL);

  /* a person: 女 = "2", 副科 = fu_ke, 中共党员 = "01" */
  {
    ck_date as_of = 0;
    char *a = NULL, *b = NULL;
    CHECK_STATUS(CK_OK, ck_date_from_ymd(&as_of, 2020, 1, 1));
    CHECK_STATUS(CK_OK, ck_person_summary_json(&a,
        "{\"id\":\"K1\",\"sex\":\"2\",\"birth_date\":\"1985-05-05\",\"ethnicity\":\"01\","
        "\"political_status\":\"01\",\"rank\":\"fu_ke\"}", as_of));
    CHECK_STATUS(CK_OK, ck_person_summary_json(&b,
        "{\"id\":\"K1\",\"sex\":\"女\",\"birth_date\":\"1985年5月5日\",\"ethnicity\":\"汉族\","
        "\"political_status\":\"中共党员\",\"rank\":\"副科\"}", as_of));
    CHECK(a != NULL && b != NULL && strcmp(a, b) == 0);
    ck_free(a);
    ck_free(b);
    CHECK_STATUS(CK_E_INVALID_INPUT, ck_person_summary_json(&a,
        "{\"id\":\"K1\",\"sex\":\"F\",\"birth_date\":\"1985-05-05\",\"ethnicity\":\"01\","
        "\"political_status\":\"01\"}", as_of));
    CHECK(strstr(ck_last_error_message(), "expected one of: 1 (男), 2 (女)") != NULL);
    CHECK(strstr(ck_last_error_message(), "sex") != NULL);
    CHECK_STATUS(CK_E_INVALID_INPUT, ck_person_summary_json(&a,
        "{\"id\":\"K1\",\"sex\":\"1\",\"birth_date\":\"1985-05-05\",\"ethnicity\":\"01\","
        "\"political_status\":\"01\",\"rank\":\"mayor\"}", as_of));
    CHECK(strstr(ck_last_error_message(), "expected one of: keyuan (科员), fu_ke (副科级)") != NULL);
    CHECK(strstr(ck_last_error_message(), "mayor") == NULL);
  }
}

int main(void) {
  ck_policy *p = NULL;
  CHECK_STATUS(CK_OK, ck_policy_default(&p));
  audit_factors_and_dates(p);
  village_periods_and_dates(p);
  codes(p);
  ck_policy_free(p);
  return ck_test_done("test_vocabulary");
}
