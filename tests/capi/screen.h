/* Shared by the C tests of screening: ck_assessment_screen_columns with its columns passed one
 * by one (C99). */
#ifndef CK_TEST_SCREEN_H
#define CK_TEST_SCREEN_H

#include <cadrekit.h>

/* ck_assessment_screen_columns with the columns passed one by one, as the checks below read
 * best; *hits and *n_hits are the out struct's members before and after the call. */
static int screen(ck_assessment_hit **hits, size_t *n_hits, const ck_policy *p, ck_date as_of, size_t n,
                  const int64_t *cadre, const uint8_t *kind, const int32_t *period, const int32_t *rank,
                  const int32_t *group, const uint8_t *rating, size_t m, const int64_t *f_cadre,
                  const int32_t *f_standard, const uint8_t *f_source, const uint8_t *f_class,
                  const uint8_t *f_severity, const ck_date *f_date) {
  ck_assessment_screen_in in = {.struct_size = sizeof in};
  ck_assessment_screen_out out = {.struct_size = sizeof out};
  int rc;
  in.as_of = as_of;
  in.n = n;
  in.cadre = cadre;
  in.kind = kind;
  in.period = period;
  in.rank = rank;
  in.group_size = group;
  in.rating = rating;
  in.n_findings = m;
  in.finding_cadre = f_cadre;
  in.finding_standard = f_standard;
  in.finding_source = f_source;
  in.finding_class = f_class;
  in.finding_severity = f_severity;
  in.finding_date = f_date;
  out.hits = *hits;
  out.n_hits = *n_hits;
  rc = ck_assessment_screen_columns(&out, p, &in);
  *hits = out.hits;
  *n_hits = out.n_hits;
  return rc;
}

#endif
