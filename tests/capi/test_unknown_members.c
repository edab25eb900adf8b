/* C ABI: a JSON request's member that the call does not read is refused (CK_E_INVALID_INPUT)
 * naming it and the nearest member the call knows; a misspelt factor is never read as 0. Errors
 * name the field and the record once, and rows count from 1. */
#include <stdlib.h>
#include <string.h>

#include <cadrekit.h>

#include "check.h"

static int has(const char *needle) { return strstr(ck_last_error_message(), needle) != NULL; }

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
  char *out = NULL;
  CHECK_STATUS(CK_OK, ck_policy_default(&p));

  /* audit: a misspelt factor of a unit. */
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_audit_tier_json(&out, p,
      "{\"as_of\":\"2017-01-01\",\"units\":[{\"unit_id\":\"A\",\"budget\":\"1\"},"
      "{\"unit_id\":\"B\",\"budget\":\"1\",\"complains\":1}]}"));
  CHECK(has("unknown member `complains` (did you mean `complaints`?)"));
  CHECK(has("(field complains, record units[1])"));
  /* ... and of the request itself. */
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_audit_tier_json(&out, p, "{\"as_of\":\"2017-01-01\",\"unit\":[]}"));
  CHECK(has("unknown member `unit` (did you mean `units`?)"));
  /* A key far from every known one gets no suggestion; a key that may be personal is not shown. */
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_audit_tier_json(&out, p,
      "{\"as_of\":\"2017-01-01\",\"units\":[{\"unit_id\":\"A\",\"budget\":\"1\",\"xyzzy\":1}]}"));
  CHECK(has("unknown member `xyzzy` (field") && !has("did you mean"));
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_audit_tier_json(&out, p,
      "{\"as_of\":\"2017-01-01\",\"units\":[{\"unit_id\":\"A\",\"budget\":\"1\",\"110105194912310029\":1}]}"));
  CHECK(!has("110105194912310029") && has("unknown member `?`"));

  /* village: a misspelt member of a principal. */
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_village_pay_sheet_json(&out, p,
      "{\"year\":2016,\"villages\":[{\"village_id\":\"V1\",\"township\":\"T\",\"population\":100}],"
      "\"principals\":[{\"cadre_id\":\"C1\",\"village_id\":\"V1\",\"post\":\"secretary\","
      "\"served_form\":\"2016-01-01\"}]}"));
  CHECK(has("unknown member `served_form` (did you mean `served_from`?)"));
  CHECK(has("record principals[0]"));

  /* assessment: a misspelt member of a record. */
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_assessment_screen_json(&out, p,
      "{\"as_of\":\"2016-12-31\",\"records\":[{\"cadre_id\":\"C1\",\"kind\":\"annual\",\"period\":\"2016\","
      "\"ratting\":\"basically_competent\"}]}"));
  CHECK(has("unknown member `ratting` (did you mean `rating`?)"));

  /* The field and the record are named once. */
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_audit_tier_json(&out, p,
      "{\"as_of\":\"2016-02-30\",\"units\":[]}"));
  CHECK(count_of(ck_last_error_message(), "field as_of") == 1);
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_audit_tier_json(&out, p,
      "{\"as_of\":\"2017-01-01\",\"units\":[{\"unit_id\":\"A\",\"budget\":\"1\",\"complaints\":300}]}"));
  CHECK(count_of(ck_last_error_message(), "(field") == 1);

  /* Batch rows count from 1: a bad value in the first row is "row 1". */
  {
    int64_t budget[2] = {100, 100};
    int8_t complaints[2] = {100, 0};
    int8_t levels[2] = {0, 0};
    ck_audit_tier_in in;
    ck_audit_tier_out o;
    memset(&in, 0, sizeof in);
    memset(&o, 0, sizeof o);
    in.struct_size = sizeof in;
    in.n = 2;
    in.budget_fen = budget;
    in.complaints = complaints;
    CHECK_STATUS(CK_OK, ck_date_from_ymd(&in.as_of, 2017, 1, 1));
    o.struct_size = sizeof o;
    o.level = levels;
    CHECK_STATUS(CK_E_INVALID_INPUT, ck_audit_tier_columns(&o, p, &in));
    CHECK(has("(field complaints, record row 1)"));
    complaints[0] = 0;
    complaints[1] = 100;
    CHECK_STATUS(CK_E_INVALID_INPUT, ck_audit_tier_columns(&o, p, &in));
    CHECK(has("(field complaints, record row 2)"));
  }

  ck_policy_free(p);
  return ck_test_done("test_unknown_members");
}
