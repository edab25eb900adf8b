/* cadrekit from C (and, through their FFI, Java, C#, Go): the same figures as the C++ example.
 * Every call returns a status (0 = CK_OK); on failure ck_last_error_message() says why.
 * Strings returned through char ** are the caller's: release them with ck_free(). */
#include <stdio.h>
#include <stdlib.h>

#include <cadrekit.h>

static int fail(int status) {
  fprintf(stderr, "error %d (%s): %s\n", status, ck_status_name(status), ck_last_error_message());
  return 1;
}

int main(void) {
  ck_calendar *cal = NULL;
  ck_policy *policy = NULL;
  ck_date as_of, posted, first, last;
  char *days_text = NULL, *share_text = NULL, *pay_json = NULL, *pay_text = NULL;
  int64_t audits = 0, fen = 0;
  char a[16], b[16];
  int st;

  if (ck_version_number() != CK_VERSION_NUMBER) {
    fprintf(stderr, "header %d and library %u differ\n", CK_VERSION_NUMBER, ck_version_number());
    return 1;
  }
  if ((st = ck_calendar_china(&cal, 0)) != CK_OK) return fail(st);
  if ((st = ck_policy_default(&policy)) != CK_OK) return fail(st);
  if ((st = ck_date_from_ymd(&as_of, 2016, 9, 22)) != CK_OK) return fail(st);
  if ((st = ck_date_from_ymd(&posted, 2016, 9, 30)) != CK_OK) return fail(st);

  /* KAILU.2: the window length is a policy parameter, not a number in this program. */
  if ((st = ck_policy_value(&days_text, policy, "disclosure.round1.window_working_days", as_of)) != CK_OK)
    return fail(st);
  if ((st = ck_calendar_window(&first, &last, cal, posted, atoi(days_text))) != CK_OK) return fail(st);
  ck_date_format_iso(a, sizeof a, first);
  ck_date_format_iso(b, sizeof b, last);
  printf("libcadrekit_c %s, profile %s\n", ck_version_string(), ck_policy_name(policy));
  printf("disclosure posted 2016-09-30: %s working days %s .. %s\n", days_text, a, b);

  /* HOLINGOL.2: at least the policy's share of 20 level-1 units, exactly (35 % of 20 = 7). */
  if ((st = ck_policy_value(&share_text, policy, "audit.level1.min_share_per_year", as_of)) != CK_OK)
    return fail(st);
  if ((st = ck_at_least_share(&audits, 20, share_text)) != CK_OK) return fail(st);
  printf("level-1 audits due: at least %s of 20 = %lld\n", share_text, (long long)audits);

  /* JARUD.1: the parameter with its clause, date and assumed flag, as JSON. */
  if ((st = ck_policy_lookup_json(&pay_json, policy, "village.performance_pay.excellent", as_of)) != CK_OK)
    return fail(st);
  if ((st = ck_money_parse(&fen, "4,000")) != CK_OK) return fail(st);
  if ((st = ck_money_format(&pay_text, fen)) != CK_OK) return fail(st);
  printf("performance pay 优秀: %s\n  %s\n", pay_text, pay_json);

  ck_free(days_text);
  ck_free(share_text);
  ck_free(pay_json);
  ck_free(pay_text);
  ck_policy_free(policy);
  ck_calendar_free(cal);
  return 0;
}
