/* The deprecated batch calls still work as before (they are wrappers of the ck_*_columns calls
 * and stay until the SOVERSION changes): each is called once and its answer compared with the
 * new call's, and its argument checks still hold. C99. */
#include <stdint.h>
#include <string.h>

#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif

#include <cadrekit.h>

#include "check.h"

static ck_date ymd(int y, int m, int d) {
  ck_date out = 0;
  CHECK_STATUS(CK_OK, ck_date_from_ymd(&out, y, m, d));
  return out;
}

static void calendar(const ck_calendar *cal) {
  ck_date from[3], a[3], b[3] = {0, 0, 0};
  int32_t n[3] = {1, 5, -1}, ca[3], cb[3] = {0, 0, 0};
  ck_calendar_add_working_days_in in = {.struct_size = sizeof in};
  ck_calendar_add_working_days_out out = {.struct_size = sizeof out};
  ck_calendar_count_working_days_in cin = {.struct_size = sizeof cin};
  ck_calendar_count_working_days_out cout = {.struct_size = sizeof cout};
  from[0] = ymd(2016, 9, 30); from[1] = ymd(2016, 9, 30); from[2] = CK_NO_DATE;
  CHECK_STATUS(CK_OK, ck_calendar_add_working_days_batch(a, cal, from, n, 3));
  in.len = 3; in.from = from; in.n = n; out.date = b;
  CHECK_STATUS(CK_OK, ck_calendar_add_working_days_columns(&out, cal, &in));
  CHECK(memcmp(a, b, sizeof a) == 0 && a[0] == ymd(2016, 10, 8) && a[2] == CK_NO_DATE);
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_calendar_add_working_days_batch(NULL, cal, from, n, 3));
  CHECK_STATUS(CK_OK, ck_calendar_add_working_days_batch(NULL, cal, NULL, NULL, 0));

  CHECK_STATUS(CK_OK, ck_calendar_count_working_days_batch(ca, cal, from, a, 3));
  cin.len = 3; cin.first = from; cin.last = a; cout.count = cb;
  CHECK_STATUS(CK_OK, ck_calendar_count_working_days_columns(&cout, cal, &cin));
  CHECK(memcmp(ca, cb, sizeof ca) == 0 && ca[0] == 2 && ca[2] == -1);
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_calendar_count_working_days_batch(ca, cal, NULL, a, 3));
}

static void three_ages(void) {
  ck_date birth[2], party[2];
  int32_t age[2], py[2], wy[2], age2[2] = {0, 0}, py2[2] = {0, 0}, wy2[2] = {0, 0};
  ck_three_ages_in in = {.struct_size = sizeof in};
  ck_three_ages_out out = {.struct_size = sizeof out};
  birth[0] = ymd(1970, 6, 15); party[0] = ymd(1995, 7, 1);
  birth[1] = ymd(2000, 2, 29); party[1] = CK_NO_DATE;
  CHECK_STATUS(CK_OK, ck_three_ages_batch(age, py, wy, ymd(2020, 6, 15), 2, birth, party, NULL));
  in.as_of = ymd(2020, 6, 15); in.n = 2; in.birth = birth; in.party_joined = party;
  out.age = age2; out.party_years = py2; out.work_years = wy2;
  CHECK_STATUS(CK_OK, ck_three_ages_columns(&out, &in));
  CHECK(age[0] == 50 && py[0] == 24 && wy[0] == -1 && age[1] == 20 && py[1] == -1);
  CHECK(memcmp(age, age2, sizeof age) == 0 && memcmp(py, py2, sizeof py) == 0 && memcmp(wy, wy2, sizeof wy) == 0);
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_three_ages_batch(age, py, wy, ymd(2020, 6, 15), 2, NULL, party, NULL));
}

static void village(const ck_policy *p) {
  /* Two villages of one township, one principal each. */
  int32_t town[2] = {0, 0}, pv[2] = {0, 1};
  int64_t pop[2] = {800, 1200}, sc[10];
  uint8_t present[2] = {31, 31}, post[2] = {0, 2};
  ck_date from[2], to[2] = {INT32_MAX, INT32_MAX};
  uint8_t vg[2], g[2], vg2[2], g2[2];
  int32_t vr[2], units[2], vr2[2], units2[2];
  int64_t base[2], perf[2], tot[2], base2[2], perf2[2], tot2[2];
  ck_village_pay_in in;
  ck_village_pay_out o;
  ck_village_pay_sheet_in in2 = {.struct_size = sizeof in2};
  ck_village_pay_sheet_out o2 = {.struct_size = sizeof o2};
  int i;
  for (i = 0; i < 10; ++i) sc[i] = (i < 5 ? 90 : 80) * 10000;
  from[0] = from[1] = ymd(2012, 3, 1);
  in.n_villages = 2; in.village_township = town; in.population = pop; in.scores = sc;
  in.score_present = present; in.n_principals = 2; in.principal_village = pv; in.post = post;
  in.served_from = from; in.served_to = to;
  o.village_team_grade = vg; o.village_rank = vr; o.base_fen = base; o.performance_fen = perf;
  o.total_fen = tot; o.grade = g; o.units = units;
  CHECK_STATUS(CK_OK, ck_village_pay_columns(p, 2016, &in, &o));
  in2.year = 2016; in2.n_villages = 2; in2.village_township = town; in2.population = pop;
  in2.scores = sc; in2.score_present = present; in2.n_principals = 2; in2.principal_village = pv;
  in2.post = post; in2.served_from = from; in2.served_to = to;
  o2.village_team_grade = vg2; o2.village_rank = vr2; o2.base_fen = base2; o2.performance_fen = perf2;
  o2.total_fen = tot2; o2.grade = g2; o2.units = units2;
  CHECK_STATUS(CK_OK, ck_village_pay_sheet_columns(&o2, p, &in2));
  CHECK(memcmp(vg, vg2, 2) == 0 && memcmp(vr, vr2, sizeof vr) == 0 && memcmp(g, g2, 2) == 0);
  CHECK(memcmp(tot, tot2, sizeof tot) == 0 && memcmp(base, base2, sizeof base) == 0 &&
        memcmp(perf, perf2, sizeof perf) == 0 && memcmp(units, units2, sizeof units) == 0);
  CHECK(tot[0] > 0 && vr[0] == 1 && vr[1] == 2);
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_village_pay_columns(p, 2016, NULL, &o));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_village_pay_columns(p, 2016, &in, NULL));
}

static void audit(const ck_policy *p) {
  int64_t budget[3] = {500000000, 100, 0};
  int8_t ep[3] = {2, 0, 1};
  int8_t lv[3], lv2[3];
  int64_t s[3], s2[3];
  ck_audit_units u;
  ck_audit_tier_in in = {.struct_size = sizeof in};
  ck_audit_tier_out out = {.struct_size = sizeof out};
  memset(&u, 0, sizeof u);
  u.n = 3; u.budget_fen = budget; u.economic_power = ep;
  CHECK_STATUS(CK_OK, ck_audit_tier_batch(lv, s, p, ymd(2017, 1, 1), &u));
  in.as_of = ymd(2017, 1, 1); in.n = 3; in.budget_fen = budget; in.economic_power = ep;
  out.level = lv2; out.score = s2;
  CHECK_STATUS(CK_OK, ck_audit_tier_columns(&out, p, &in));
  CHECK(memcmp(lv, lv2, sizeof lv) == 0 && memcmp(s, s2, sizeof s) == 0);
  CHECK(s[0] > s[1]);
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_audit_tier_batch(NULL, s, p, ymd(2017, 1, 1), &u));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_audit_tier_batch(lv, s, p, ymd(2017, 1, 1), NULL));
}

static void assessment(const ck_policy *p) {
  /* Cadre 7 at the bottom of the annual ranking twice (the annual_bottom rule); a finding of
   * cadre 8 against the standard with index 0 (ability). */
  const int64_t cadre[] = {7, 7};
  const uint8_t kind[] = {0, 0}, rating[] = {2, 2};
  const int32_t period[] = {201400, 201500}, rank[] = {10, 10}, group[] = {10, 10};
  const int64_t fcad[] = {8};
  const int32_t fstd[] = {0};
  const uint8_t fsrc[] = {0}, fcls[] = {5}, fsev[] = {1};
  ck_date fdate[1];
  ck_assessment_hit *hits = NULL;
  size_t n_hits = 0;
  ck_assessment_screen_in in = {.struct_size = sizeof in};
  ck_assessment_screen_out out = {.struct_size = sizeof out};
  fdate[0] = ymd(2016, 7, 1);
  in.as_of = ymd(2016, 12, 31); in.n = 2; in.cadre = cadre; in.kind = kind; in.period = period;
  in.rank = rank; in.group_size = group; in.rating = rating;

  CHECK_STATUS(CK_OK, ck_assessment_screen_batch(&hits, &n_hits, p, ymd(2016, 12, 31), 2, cadre, kind,
                                                 period, rank, group, rating));
  CHECK_STATUS(CK_OK, ck_assessment_screen_columns(&out, p, &in));
  CHECK(n_hits == 1 && out.n_hits == 1);
  if (n_hits == 1 && out.n_hits == 1) CHECK(memcmp(hits, out.hits, sizeof *hits) == 0 && hits[0].cadre == 7);
  ck_free(hits);
  ck_free(out.hits);
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_assessment_screen_batch(NULL, &n_hits, p, ymd(2016, 12, 31), 2, cadre,
                                                                 kind, period, rank, group, rating));

  hits = NULL;
  CHECK_STATUS(CK_OK, ck_assessment_screen_batch_findings(&hits, &n_hits, p, ymd(2016, 12, 31), 2, cadre, kind,
                                                          period, rank, group, rating, 1, fcad, fstd, fsrc, fcls,
                                                          fsev, fdate));
  in.n_findings = 1; in.finding_cadre = fcad; in.finding_standard = fstd; in.finding_source = fsrc;
  in.finding_class = fcls; in.finding_severity = fsev; in.finding_date = fdate;
  CHECK_STATUS(CK_OK, ck_assessment_screen_columns(&out, p, &in));
  CHECK(n_hits == 2 && out.n_hits == 2);
  if (n_hits == 2 && out.n_hits == 2) CHECK(memcmp(hits, out.hits, 2 * sizeof *hits) == 0 && hits[1].cadre == 8);
  ck_free(hits);
  ck_free(out.hits);
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_assessment_screen_batch_findings(&hits, NULL, p, ymd(2016, 12, 31), 2,
                                                                          cadre, kind, period, rank, group, rating,
                                                                          1, fcad, fstd, fsrc, fcls, fsev, fdate));
}

static void talent(const ck_policy *p) {
  const int32_t team[] = {0, 0, 1};
  const uint8_t sex[] = {1, 2, 1}, eth[] = {1, 2, 1}, ps[] = {1, 13, 1};
  ck_date birth[3];
  int32_t size[2], young[2], women[2], minority[2], non_party[2];
  int32_t size2[2], young2[2], women2[2], minority2[2], non_party2[2];
  uint8_t gaps[2], gaps2[2];
  ck_talent_team_structure_in in = {.struct_size = sizeof in};
  ck_talent_team_structure_out out = {.struct_size = sizeof out};
  birth[0] = ymd(1960, 1, 1); birth[1] = ymd(1985, 1, 1); birth[2] = ymd(1970, 1, 1);
  CHECK_STATUS(CK_OK, ck_talent_team_structure_batch(p, ymd(2016, 9, 22), 3, team, sex, birth, eth, ps, 2, size,
                                                     young, women, minority, non_party, gaps));
  in.as_of = ymd(2016, 9, 22); in.n_members = 3; in.team = team; in.sex = sex; in.birth_date = birth;
  in.ethnicity = eth; in.political_status = ps; in.n_teams = 2;
  out.size = size2; out.young = young2; out.women = women2; out.minority = minority2;
  out.non_party = non_party2; out.gaps = gaps2;
  CHECK_STATUS(CK_OK, ck_talent_team_structure_columns(&out, p, &in));
  CHECK(size[0] == 2 && size[1] == 1 && women[0] == 1 && minority[0] == 1 && non_party[0] == 1);
  CHECK(memcmp(size, size2, sizeof size) == 0 && memcmp(young, young2, sizeof young) == 0 &&
        memcmp(women, women2, sizeof women) == 0 && memcmp(minority, minority2, sizeof minority) == 0 &&
        memcmp(non_party, non_party2, sizeof non_party) == 0 && memcmp(gaps, gaps2, sizeof gaps) == 0);
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_talent_team_structure_batch(p, ymd(2016, 9, 22), 3, NULL, sex, birth, eth,
                                                                     ps, 2, size, young, women, minority,
                                                                     non_party, gaps));
}

int main(void) {
  ck_policy *p = NULL;
  ck_calendar *cal = NULL;
  CHECK_STATUS(CK_OK, ck_policy_default(&p));
  CHECK_STATUS(CK_OK, ck_calendar_china(&cal, 0));
  calendar(cal);
  three_ages();
  village(p);
  audit(p);
  assessment(p);
  talent(p);
  ck_calendar_free(cal);
  ck_policy_free(p);
  return ck_test_done("test_deprecated");
}
