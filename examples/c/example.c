/* cadrekit from C: a candidate's round-1 disclosure (KAILU.2) posted on 2016-09-30. */
#include <stdio.h>

#include <cadrekit.h>

static int fail(int status) {
  fprintf(stderr, "error %d (%s): %s\n", status, ck_status_name(status), ck_last_error_message());
  return 1;
}

int main(void) {
  ck_calendar *cal = NULL;
  ck_date posted, first, last;
  char a[16], b[16];
  int st;

  if (ck_version_number() != CK_VERSION_NUMBER) {
    fprintf(stderr, "header %d and library %u differ\n", CK_VERSION_NUMBER, ck_version_number());
    return 1;
  }
  if ((st = ck_calendar_china(&cal, 0)) != CK_OK) return fail(st);
  if ((st = ck_date_from_ymd(&posted, 2016, 9, 30)) != CK_OK) return fail(st);
  if ((st = ck_calendar_window(&first, &last, cal, posted, 5)) != CK_OK) return fail(st);
  ck_date_format_iso(a, sizeof a, first);
  ck_date_format_iso(b, sizeof b, last);
  printf("libcadrekit_c %s: disclosure posted 2016-09-30: 5 working days %s .. %s\n",
         ck_version_string(), a, b);
  ck_calendar_free(cal);
  return 0;
}
