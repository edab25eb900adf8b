/* The convention every batch call follows (cadrekit.h, "Batch calls"): versioned in/out structs
 * whose struct_size is checked, NULL structs refused, all or nothing. Each of the seven
 * ck_*_columns calls is driven through the same checks. C99. */
#include <stdint.h>
#include <string.h>

#include <cadrekit.h>

#include "check.h"

/* A struct as a newer header might declare it: the struct followed by one more member. */
typedef struct {
  ck_audit_tier_in v1;
  const int8_t *newer_factor;
} tier_in_v2;

static ck_date ymd(int y, int m, int d) {
  ck_date out = 0;
  CHECK_STATUS(CK_OK, ck_date_from_ymd(&out, y, m, d));
  return out;
}

/* The struct_size rules on the audit call, member by member. */
static void struct_size_rules(const ck_policy *p) {
  int64_t budget[2] = {500000000, 100};
  int8_t level[2] = {9, 9};
  int64_t score[2] = {9, 9};
  ck_audit_tier_in in = {.struct_size = sizeof in};
  ck_audit_tier_out out = {.struct_size = sizeof out};
  tier_in_v2 in2;
  int8_t want[2];
  in.as_of = ymd(2017, 1, 1);
  in.n = 2;
  in.budget_fen = budget;
  out.level = level;
  out.score = score;
  CHECK_STATUS(CK_OK, ck_audit_tier_columns(&out, p, &in));
  CHECK(level[0] >= 1 && level[0] <= 3 && level[1] >= 1 && level[1] <= 3);
  want[0] = level[0];
  want[1] = level[1];

  /* Too small: refused, naming the member, nothing written. */
  level[0] = level[1] = 9;
  in.struct_size = sizeof in - 1;
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_audit_tier_columns(&out, p, &in));
  CHECK(strstr(ck_last_error_message(), "in.struct_size") != NULL);
  in.struct_size = 0;
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_audit_tier_columns(&out, p, &in));
  in.struct_size = sizeof in;
  out.struct_size = sizeof(size_t);
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_audit_tier_columns(&out, p, &in));
  CHECK(strstr(ck_last_error_message(), "out.struct_size") != NULL);
  out.struct_size = sizeof out;
  CHECK(level[0] == 9 && level[1] == 9);

  /* Larger than this library knows: accepted while the newer members are zero, refused once a
   * newer member is set (the library could not honour it). */
  memset(&in2, 0, sizeof in2);
  in2.v1 = in;
  in2.v1.struct_size = sizeof in2;
  CHECK_STATUS(CK_OK, ck_audit_tier_columns(&out, p, &in2.v1));
  CHECK(level[0] == want[0] && level[1] == want[1]);
  level[0] = level[1] = 9;
  in2.newer_factor = (const int8_t *)budget;
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_audit_tier_columns(&out, p, &in2.v1));
  CHECK(strstr(ck_last_error_message(), "newer") != NULL);
  CHECK(level[0] == 9 && level[1] == 9);
  /* A garbage size is refused before anything is read past the struct. */
  in.struct_size = (size_t)1 << 40;
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_audit_tier_columns(&out, p, &in));
  in.struct_size = sizeof in;
}

/* Every call: NULL in / out and a too-small struct_size are CK_E_INVALID_ARGUMENT; zero rows with
 * NULL columns are fine. */
static void every_call(const ck_policy *p, const ck_calendar *cal) {
  {
    ck_calendar_add_working_days_in in = {.struct_size = sizeof in};
    ck_calendar_add_working_days_out out = {.struct_size = sizeof out};
    CHECK_STATUS(CK_OK, ck_calendar_add_working_days_columns(&out, cal, &in));
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_calendar_add_working_days_columns(NULL, cal, &in));
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_calendar_add_working_days_columns(&out, cal, NULL));
    in.struct_size = 1;
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_calendar_add_working_days_columns(&out, cal, &in));
  }
  {
    ck_calendar_count_working_days_in in = {.struct_size = sizeof in};
    ck_calendar_count_working_days_out out = {.struct_size = sizeof out};
    CHECK_STATUS(CK_OK, ck_calendar_count_working_days_columns(&out, cal, &in));
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_calendar_count_working_days_columns(NULL, cal, &in));
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_calendar_count_working_days_columns(&out, cal, NULL));
    out.struct_size = 1;
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_calendar_count_working_days_columns(&out, cal, &in));
  }
  {
    ck_three_ages_in in = {.struct_size = sizeof in};
    ck_three_ages_out out = {.struct_size = sizeof out};
    in.as_of = ymd(2016, 1, 1);
    CHECK_STATUS(CK_OK, ck_three_ages_columns(&out, &in));
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_three_ages_columns(NULL, &in));
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_three_ages_columns(&out, NULL));
    in.struct_size = sizeof in - sizeof(void *);
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_three_ages_columns(&out, &in));
  }
  {
    ck_village_pay_sheet_in in = {.struct_size = sizeof in};
    ck_village_pay_sheet_out out = {.struct_size = sizeof out};
    in.year = 2016;
    CHECK_STATUS(CK_OK, ck_village_pay_sheet_columns(&out, p, &in));
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_village_pay_sheet_columns(NULL, p, &in));
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_village_pay_sheet_columns(&out, p, NULL));
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_village_pay_sheet_columns(&out, NULL, &in));
    in.struct_size = sizeof in - sizeof(void *);
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_village_pay_sheet_columns(&out, p, &in));
  }
  {
    ck_audit_tier_in in = {.struct_size = sizeof in};
    ck_audit_tier_out out = {.struct_size = sizeof out};
    in.as_of = ymd(2017, 1, 1);
    CHECK_STATUS(CK_OK, ck_audit_tier_columns(&out, p, &in));
    out.struct_size = sizeof out - sizeof(void *);
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_audit_tier_columns(&out, p, &in));
  }
  {
    ck_assessment_screen_in in = {.struct_size = sizeof in};
    ck_assessment_screen_out out = {.struct_size = sizeof out};
    in.as_of = ymd(2016, 12, 31);
    out.hits = (ck_assessment_hit *)1;
    out.n_hits = 7;
    CHECK_STATUS(CK_OK, ck_assessment_screen_columns(&out, p, &in));
    CHECK(out.hits == NULL && out.n_hits == 0);
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_assessment_screen_columns(NULL, p, &in));
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_assessment_screen_columns(&out, p, NULL));
    out.hits = (ck_assessment_hit *)1;
    out.n_hits = 7;
    in.struct_size = sizeof in - sizeof(void *);
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_assessment_screen_columns(&out, p, &in));
    CHECK(out.hits == (ck_assessment_hit *)1 && out.n_hits == 7); /* untouched on failure */
  }
  {
    ck_talent_pools_in in = {.struct_size = sizeof in};
    ck_talent_pools_out out = {.struct_size = sizeof out};
    in.as_of = ymd(2016, 9, 22);
    CHECK_STATUS(CK_OK, ck_talent_pools_columns(&out, p, &in));
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_talent_pools_columns(NULL, p, &in));
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_talent_pools_columns(&out, p, NULL));
    in.struct_size = sizeof in - sizeof(void *);
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_talent_pools_columns(&out, p, &in));
    in.struct_size = sizeof in;
    /* Outputs per cadre are required once there are cadres. */
    in.n_cadres = 1;
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_talent_pools_columns(&out, p, &in));
  }
  {
    ck_talent_team_structure_in in = {.struct_size = sizeof in};
    ck_talent_team_structure_out out = {.struct_size = sizeof out};
    in.as_of = ymd(2016, 9, 22);
    CHECK_STATUS(CK_OK, ck_talent_team_structure_columns(&out, p, &in));
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_talent_team_structure_columns(NULL, p, &in));
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_talent_team_structure_columns(&out, p, NULL));
    /* Outputs per team are required once there are teams. */
    in.n_teams = 1;
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_talent_team_structure_columns(&out, p, &in));
    CHECK(strstr(ck_last_error_message(), "out.size") != NULL);
  }
}

int main(void) {
  ck_policy *p = NULL;
  ck_calendar *cal = NULL;
  CHECK_STATUS(CK_OK, ck_policy_default(&p));
  CHECK_STATUS(CK_OK, ck_calendar_china(&cal, 0));
  struct_size_rules(p);
  every_call(p, cal);
  ck_calendar_free(cal);
  ck_policy_free(p);
  return ck_test_done("test_batch_convention");
}
