/* C ABI: the whole year of the sample county and the what-if of a rule change
 * (ck_year_run_json, ck_year_compare_json, ck_policy_set; docs/year.md). */
#include <stdlib.h>
#include <string.h>

#include <cadrekit.h>

#include "check.h"

int main(void) {
  ck_policy *a = NULL, *b = NULL;
  char *ra = NULL, *rb = NULL, *cmp = NULL, *none = (char *)0x1;
  CHECK_STATUS(CK_OK, ck_policy_default(&a));
  CHECK_STATUS(CK_OK, ck_policy_set(&b, a, "village.performance_pay.excellent=5000"));
  CHECK_STATUS(CK_OK, ck_year_run_json(&ra, a, NULL, 0));
  CHECK_STATUS(CK_OK, ck_year_run_json(&rb, b, NULL, 2016));
  if (ra != NULL && rb != NULL) {
    CHECK(strstr(ra, "\"schema\":\"cadrekit.year/1\"") != NULL);
    CHECK(strstr(ra, "\"id\":\"audit.levels\"") != NULL);
    CHECK(strstr(ra, "\"county\":\"20 / 28 / 19\"") != NULL);
    CHECK(strstr(ra, "\"name\":\"village.performance_pay.proration\"") != NULL);
    CHECK_STATUS(CK_OK, ck_year_compare_json(&cmp, ra, rb));
  }
  if (cmp != NULL) {
    /* the acceptance: village and budget move, nothing else does */
    CHECK(strstr(cmp, "\"village\":[{\"decision\":\"pay_line\"") != NULL);
    CHECK(strstr(cmp, "\"budget\":[{\"decision\":\"budget\",\"id\":\"performance\"") != NULL);
    CHECK(strstr(cmp, "\"audit\":[]") != NULL);
    CHECK(strstr(cmp, "\"disclosure\":[]") != NULL);
    CHECK(strstr(cmp, "\"assessment\":[]") != NULL);
    CHECK(strstr(cmp, "\"talent\":[]") != NULL);
    CHECK(strstr(cmp, "\"explanation_b\":{\"schema\":\"cadrekit.explanation/1\"") != NULL);
  }
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_year_run_json(&none, a, "/nonexistent-cadrekit-folder", 0));
  CHECK(none == (char *)0x1);
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_year_compare_json(&none, "{}", "{}"));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_year_compare_json(NULL, "{}", "{}"));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_year_run_json(&none, NULL, NULL, 0));
  CHECK(none == (char *)0x1);
  ck_free(ra);
  ck_free(rb);
  ck_free(cmp);
  ck_policy_free(a);
  ck_policy_free(b);
  return ck_test_done("test_year");
}
