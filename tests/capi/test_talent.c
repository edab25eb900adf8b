/* C ABI tests of the talent module (HURE): the golden pool cases through ck_talent_pools_json,
 * the golden teams through the batch call, gaps, postings and bad input. */
#include <cadrekit.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define SRC CADREKIT_SOURCE_DIR

/* ck_talent_team_structure_columns with the columns passed one by one. */
static int team_structure(const ck_policy *pol, ck_date as_of, size_t n, const int32_t *team,
                          const uint8_t *sex, const ck_date *birth, const uint8_t *eth,
                          const uint8_t *ps, size_t n_teams, int32_t *size, int32_t *young,
                          int32_t *women, int32_t *minority, int32_t *non_party, uint8_t *gaps) {
  ck_talent_team_structure_in in = {.struct_size = sizeof in};
  ck_talent_team_structure_out out = {.struct_size = sizeof out};
  in.as_of = as_of;
  in.n_members = n;
  in.team = team;
  in.sex = sex;
  in.birth_date = birth;
  in.ethnicity = eth;
  in.political_status = ps;
  in.n_teams = n_teams;
  out.size = size;
  out.young = young;
  out.women = women;
  out.minority = minority;
  out.non_party = non_party;
  out.gaps = gaps;
  return ck_talent_team_structure_columns(&out, pol, &in);
}

/* Splits a CSV line in place (no quoting in the golden files); returns the number of fields. */
static int split(char *line, char **f, int max) {
  int n = 0;
  char *p = line;
  size_t len = strlen(line);
  while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = '\0';
  while (n < max) {
    f[n++] = p;
    p = strchr(p, ',');
    if (p == NULL) break;
    *p++ = '\0';
  }
  return n;
}

/* Whether `resp`'s array `section` ("members", "near_misses") has an entry of cadre `id` in
 * `pool` (and of `kind`, when not NULL). The response is canonical: each entry starts with
 * {"cadre_id":"..","pool":"..". */
static int has_entry(const char *resp, const char *section, const char *id, const char *pool, const char *kind) {
  char key[128], pat[256];
  const char *s, *e, *p;
  snprintf(key, sizeof key, "\"%s\":[", section);
  s = strstr(resp, key);
  if (s == NULL) return 0;
  /* the section ends at the next top-level key */
  e = strstr(s + strlen(key), "],\"");
  if (e == NULL) e = resp + strlen(resp);
  snprintf(pat, sizeof pat, "{\"cadre_id\":\"%s\",\"pool\":\"%s\"", id, pool);
  for (p = strstr(s, pat); p != NULL && p < e; p = strstr(p + 1, pat)) {
    if (kind == NULL) return 1;
    {
      char k[64];
      snprintf(k, sizeof k, "\"kind\":\"%s\"", kind);
      if (strncmp(p + strlen(pat) + 1, k, strlen(k)) == 0) return 1;
    }
  }
  return 0;
}

static void golden_pools(const ck_policy *pol) {
  FILE *f = fopen(SRC "/tests/golden/talent_pool_cases.csv", "r");
  static char line[4096], req[8192];
  char *c[20];
  int header = 1, cases = 0;
  CHECK(f != NULL);
  if (f == NULL) return;
  while (fgets(line, sizeof line, f) != NULL) {
    char *out = NULL;
    int y, n;
    char ratings[512] = "";
    if (line[0] == '#' || line[0] == '\n') continue;
    n = split(line, c, 20);
    if (header) { header = 0; continue; }
    CHECK(n == 15);
    if (n != 15) continue;
    y = atoi(c[1]);
    if (c[9][0] != '\0' || c[10][0] != '\0') {
      char a[200] = "", b[200] = "";
      if (c[9][0] != '\0')
        snprintf(a, sizeof a, "{\"cadre_id\":\"%s\",\"kind\":\"annual\",\"period\":\"%d\",\"rating\":\"%s\"}", c[0], y - 2, c[9]);
      if (c[10][0] != '\0')
        snprintf(b, sizeof b, "{\"cadre_id\":\"%s\",\"kind\":\"annual\",\"period\":\"%d\",\"rating\":\"%s\"}", c[0], y - 1, c[10]);
      snprintf(ratings, sizeof ratings, "%s%s%s", a, (a[0] && b[0]) ? "," : "", b);
    }
    snprintf(req, sizeof req,
             "{\"as_of\":\"%s\",\"cadres\":[{\"id\":\"%s\",\"birth_date\":\"%s\",\"sex\":\"%s\",\"ethnicity\":\"%s\","
             "\"political_status\":\"%s\",\"rank\":\"%s\",\"civil_servant\":%s,\"selected_graduate\":%s}],"
             "\"assessments\":[%s]}",
             c[1], c[0], c[2], c[3], c[4], c[5], c[6], c[7][0] == '1' ? "true" : "false",
             c[8][0] == '1' ? "true" : "false", ratings);
    CHECK_STATUS(CK_OK, ck_talent_pools_json(&out, pol, req));
    if (out == NULL) continue;
    ++cases;
    if (has_entry(out, "members", c[0], "echelon1", NULL) != (c[11][0] == '1')) fprintf(stderr, "case %s echelon1\n", c[0]);
    CHECK(has_entry(out, "members", c[0], "echelon1", NULL) == (c[11][0] == '1'));
    CHECK(has_entry(out, "members", c[0], "echelon2", NULL) == (c[12][0] == '1'));
    CHECK(has_entry(out, "members", c[0], "nvshaofei", NULL) == (c[13][0] == '1'));
    if (strcmp(c[14], "-") == 0) {
      CHECK(strstr(out, "\"near_misses\":[]") != NULL);
    } else {
      char *tok = strtok(c[14], ";");
      while (tok != NULL) {
        char *colon = strchr(tok, ':');
        if (colon != NULL) {
          *colon = '\0';
          if (!has_entry(out, "near_misses", c[0], tok, colon + 1)) fprintf(stderr, "case %s near %s\n", c[0], tok);
          CHECK(has_entry(out, "near_misses", c[0], tok, colon + 1));
        }
        tok = strtok(NULL, ";");
      }
    }
    ck_free(out);
  }
  fclose(f);
  CHECK(cases >= 15);
}

static int code_of(const char *text, const char *const *names, int count) {
  int i;
  for (i = 0; i < count; ++i)
    if (strcmp(text, names[i]) == 0) return i;
  return -1;
}

/* The golden pool cases through ck_talent_pools_columns, one call per case (each has its own
 * as-of date): the member and near-miss masks say what the golden table says. */
static void golden_pools_columns(const ck_policy *pol) {
  static const char *const ranks[] = {"keyuan", "fu_ke", "zheng_ke", "fu_chu", "zheng_chu", "fu_ting", "zheng_ting"};
  static const char *const ratings[] = {"", "excellent", "competent", "basically_competent", "incompetent"};
  static const char *const pools[] = {"echelon1", "echelon2", "nvshaofei"};
  FILE *f = fopen(SRC "/tests/golden/talent_pool_cases.csv", "r");
  static char line[4096];
  char *c[20];
  int header = 1, cases = 0;
  CHECK(f != NULL);
  if (f == NULL) return;
  while (fgets(line, sizeof line, f) != NULL) {
    ck_talent_pools_in in = {.struct_size = sizeof in};
    ck_talent_pools_out out = {.struct_size = sizeof out};
    ck_date birth;
    uint8_t sex, eth, ps, rank, cs, sg, member = 0xff, near = 0xff, excluded = 0xff, want_near = 0;
    int32_t rc[2], ry[2], age = -1;
    uint8_t rr[2];
    size_t m = 0;
    int y, p;
    if (line[0] == '#' || line[0] == '\n') continue;
    if (split(line, c, 20) != 15) continue;
    if (header) { header = 0; continue; }
    CHECK_STATUS(CK_OK, ck_date_parse_iso(&in.as_of, c[1]));
    CHECK_STATUS(CK_OK, ck_date_parse_iso(&birth, c[2]));
    y = atoi(c[1]);
    sex = (uint8_t)atoi(c[3]);
    eth = (uint8_t)atoi(c[4]);
    ps = (uint8_t)atoi(c[5]);
    CHECK(code_of(c[6], ranks, 7) >= 0);
    rank = (uint8_t)code_of(c[6], ranks, 7);
    cs = (uint8_t)atoi(c[7]);
    sg = (uint8_t)atoi(c[8]);
    for (p = 0; p < 2; ++p)
      if (c[9 + p][0] != '\0') {
        CHECK(code_of(c[9 + p], ratings, 5) > 0);
        rc[m] = 0;
        ry[m] = y - 2 + p;
        rr[m] = (uint8_t)code_of(c[9 + p], ratings, 5);
        ++m;
      }
    in.n_cadres = 1;
    in.birth_date = &birth;
    in.sex = &sex;
    in.ethnicity = &eth;
    in.political_status = &ps;
    in.rank = &rank;
    in.civil_servant = &cs;
    in.selected_graduate = &sg; /* supervised: NULL, all zeros */
    in.n_ratings = m;
    in.rating_cadre = m ? rc : NULL;
    in.rating_year = m ? ry : NULL;
    in.rating = m ? rr : NULL;
    out.member = &member;
    out.near_miss = &near;
    out.excluded = &excluded;
    out.age = &age;
    CHECK_STATUS(CK_OK, ck_talent_pools_columns(&out, pol, &in));
    ++cases;
    if (strcmp(c[14], "-") != 0) {
      char *tok = strtok(c[14], ";");
      while (tok != NULL) {
        char *colon = strchr(tok, ':');
        if (colon != NULL) *colon = '\0';
        CHECK(code_of(tok, pools, 3) >= 0);
        if (code_of(tok, pools, 3) >= 0) want_near |= (uint8_t)(1u << code_of(tok, pools, 3));
        tok = strtok(NULL, ";");
      }
    }
    if (member != (uint8_t)((c[11][0] == '1') | (c[12][0] == '1') << 1 | (c[13][0] == '1') << 2) || near != want_near)
      fprintf(stderr, "case %s: member %u near %u\n", c[0], member, near);
    CHECK(member == (uint8_t)((c[11][0] == '1') | (c[12][0] == '1') << 1 | (c[13][0] == '1') << 2));
    CHECK(near == want_near);
    CHECK(age >= 0 && age < 80);
  }
  fclose(f);
  CHECK(cases >= 15);
  {
    /* All or nothing: a bad second row leaves the first row's outputs unwritten, and the error
     * names the column and the row. */
    ck_talent_pools_in in = {.struct_size = sizeof in};
    ck_talent_pools_out out = {.struct_size = sizeof out};
    ck_date birth[2];
    uint8_t sex[2] = {1, 2}, eth[2] = {1, 1}, ps[2] = {1, 1}, rank[2] = {1, 1}, cs[2] = {1, 1}, sg[2] = {0, 0};
    uint8_t member[2] = {9, 9}, near[2] = {9, 9}, excluded[2] = {9, 9};
    int32_t age[2] = {-7, -7};
    CHECK_STATUS(CK_OK, ck_date_parse_iso(&in.as_of, "2016-09-22"));
    CHECK_STATUS(CK_OK, ck_date_parse_iso(&birth[0], "1985-01-01"));
    CHECK_STATUS(CK_OK, ck_date_parse_iso(&birth[1], "2017-01-01"));
    in.n_cadres = 2;
    in.birth_date = birth;
    in.sex = sex;
    in.ethnicity = eth;
    in.political_status = ps;
    in.rank = rank;
    in.civil_servant = cs;
    in.selected_graduate = sg;
    out.member = member;
    out.near_miss = near;
    out.excluded = excluded;
    out.age = age;
    CHECK_STATUS(CK_E_INVALID_INPUT, ck_talent_pools_columns(&out, pol, &in));
    CHECK(strstr(ck_last_error_message(), "birth_date") != NULL);
    CHECK(strstr(ck_last_error_message(), "row 2") != NULL);
    CHECK(member[0] == 9 && age[0] == -7);
    CHECK_STATUS(CK_OK, ck_date_parse_iso(&birth[1], "1985-06-01"));
    CHECK_STATUS(CK_OK, ck_talent_pools_columns(&out, pol, &in));
    CHECK(member[0] == 1 && excluded[0] == 2 && age[0] == 31); /* first echelon; in_echelon1 for the second */
    in.rank = NULL;
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_talent_pools_columns(&out, pol, &in));
    CHECK(strstr(ck_last_error_message(), "in.rank") != NULL);
  }
}

#define MAXM 64
static void golden_teams(const ck_policy *pol) {
  static char line[1024];
  char *c[10];
  char ids[MAXM][32];
  int32_t team[MAXM], birth[MAXM];
  uint8_t sex[MAXM], eth[MAXM], ps[MAXM];
  int32_t size[MAXM], young[MAXM], women[MAXM], minority[MAXM], non_party[MAXM];
  uint8_t gaps[MAXM];
  size_t n = 0, n_teams = 0, i;
  int header = 1;
  ck_date as_of;
  FILE *f = fopen(SRC "/tests/golden/talent_team_members.csv", "r");
  CHECK(f != NULL);
  if (f == NULL) return;
  while (fgets(line, sizeof line, f) != NULL && n < MAXM) {
    size_t t;
    if (line[0] == '#' || line[0] == '\n') continue;
    if (split(line, c, 10) < 6) { /* a malformed row: fail, and read no field of it */
      CHECK(!"a row of talent_team_members.csv has 6 fields");
      continue;
    }
    if (header) { header = 0; continue; }
    for (t = 0; t < n_teams && strcmp(ids[t], c[0]) != 0; ++t) {}
    if (t == n_teams) {
      CHECK(strlen(c[0]) < sizeof ids[t]);
      snprintf(ids[t], sizeof ids[t], "%s", c[0]);
      ++n_teams;
    }
    team[n] = (int32_t)t;
    sex[n] = (uint8_t)atoi(c[2]);
    CHECK_STATUS(CK_OK, ck_date_parse_iso(&birth[n], c[3]));
    eth[n] = (uint8_t)atoi(c[4]);
    ps[n] = (uint8_t)atoi(c[5]);
    ++n;
  }
  fclose(f);
  CHECK_STATUS(CK_OK, ck_date_from_ymd(&as_of, 2016, 9, 22));
  CHECK_STATUS(CK_OK, team_structure(pol, as_of, n, team, sex, birth, eth, ps, n_teams, size, young,
                                                     women, minority, non_party, gaps));
  f = fopen(SRC "/tests/golden/talent_team_expected.csv", "r");
  CHECK(f != NULL);
  if (f == NULL) return;
  header = 1;
  i = 0;
  while (fgets(line, sizeof line, f) != NULL) {
    size_t t;
    char g[64] = "";
    static const char *names[4] = {"young", "women", "minority", "non_party"};
    int b;
    if (line[0] == '#' || line[0] == '\n') continue;
    if (split(line, c, 10) < 7) {
      CHECK(!"a row of talent_team_expected.csv has 7 fields");
      continue;
    }
    if (header) { header = 0; continue; }
    for (t = 0; t < n_teams && strcmp(ids[t], c[0]) != 0; ++t) {}
    CHECK(t < n_teams);
    if (t == n_teams) continue;
    ++i;
    CHECK(size[t] == atoi(c[1]));
    CHECK(young[t] == atoi(c[2]));
    CHECK(women[t] == atoi(c[3]));
    CHECK(minority[t] == atoi(c[4]));
    CHECK(non_party[t] == atoi(c[5]));
    for (b = 0; b < 4; ++b)
      if (gaps[t] & (1u << b)) {
        if (g[0] != '\0') strcat(g, ";");
        strcat(g, names[b]);
      }
    if (g[0] == '\0') strcpy(g, "-");
    CHECK(strcmp(g, c[6]) == 0);
  }
  fclose(f);
  CHECK(i == n_teams);
  /* bad input: nothing written, the column named */
  size[0] = -7;
  sex[1] = 5;
  CHECK_STATUS(CK_E_INVALID_INPUT, team_structure(pol, as_of, n, team, sex, birth, eth, ps, n_teams,
                                                                  size, young, women, minority, non_party, gaps));
  CHECK(strstr(ck_last_error_message(), "sex") != NULL);
  CHECK(size[0] == -7);
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, team_structure(pol, as_of, n, NULL, sex, birth, eth, ps, n_teams,
                                                                     size, young, women, minority, non_party, gaps));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, team_structure(NULL, as_of, 0, NULL, NULL, NULL, NULL, NULL, 0,
                                                                     NULL, NULL, NULL, NULL, NULL, NULL));
}

/* One older Han man on team T (gaps: young, women, minority) and one candidate, y: a young
 * minority woman four years at fu_ke (eligible). */
#define TEAM_T_AND_Y \
  "\"members\":[{\"team_id\":\"T\",\"cadre_id\":\"a\",\"sex\":\"1\",\"birth_date\":\"1960-01-01\"," \
  "\"ethnicity\":\"01\",\"political_status\":\"01\"}],\"candidates\":[{\"id\":\"y\",\"sex\":\"2\"," \
  "\"birth_date\":\"1988-01-01\",\"ethnicity\":\"02\",\"political_status\":\"01\",\"rank\":\"fu_ke\"," \
  "\"rank_since\":\"2012-01-01\",\"civil_servant\":true}]"

static void json_calls(const ck_policy *pol) {
  char *out = NULL, *keep = (char *)"untouched";
  CHECK_STATUS(CK_OK, ck_talent_team_structure_json(&out, pol, "{\"as_of\":\"2016-09-22\"," TEAM_T_AND_Y "}"));
  if (out != NULL) {
    CHECK(strstr(out, "\"criterion\":\"young\"") != NULL);
    CHECK(strstr(out, "\"criterion\":\"women\"") != NULL);
    CHECK(strstr(out, "\"criterion\":\"minority\"") != NULL);
    CHECK(strstr(out, "\"criterion\":\"non_party\"") == NULL);
    /* in the first echelon only: the echelons do not overlap */
    CHECK(strstr(out, "{\"cadre_id\":\"y\",\"pools\":[\"echelon1\"],\"eligible\":true") != NULL);
    CHECK(strstr(out, "\"candidate_count\":1,\"eligible_count\":1") != NULL);
    ck_free(out);
    out = NULL;
  }
  /* max_candidates 0: a gap lists nobody and still counts them; a negative bound is refused by name */
  CHECK_STATUS(CK_OK,
               ck_talent_team_structure_json(&out, pol, "{\"as_of\":\"2016-09-22\",\"max_candidates\":0," TEAM_T_AND_Y "}"));
  if (out != NULL) {
    CHECK(strstr(out, "\"cadre_id\":\"y\"") == NULL);
    CHECK(strstr(out, "\"candidates\":[],\"candidate_count\":1,\"eligible_count\":1") != NULL);
    ck_free(out);
    out = NULL;
  }
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_talent_team_structure_json(&keep, pol,
      "{\"as_of\":\"2016-09-22\",\"max_candidates\":-1,\"members\":[]}"));
  CHECK(strstr(ck_last_error_message(), "max_candidates") != NULL);
  CHECK_STATUS(CK_OK, ck_talent_gaps_json(&out, pol, "{\"as_of\":\"2016-09-22\",\"growth_file\":{\"cadre_id\":\"G\"}}"));
  if (out != NULL) {
    CHECK(strstr(out, "\"gap\":\"no_grassroots\",\"posting\":\"village_residency\",\"value\":0,\"threshold\":2") != NULL);
    CHECK(strstr(out, "\"gap\":\"no_principal_post\",\"posting\":\"hard_post\"") != NULL);
    ck_free(out);
    out = NULL;
  }
  CHECK_STATUS(CK_OK, ck_talent_postings_json(&out, pol,
      "{\"as_of\":\"2016-09-22\",\"growth_files\":[{\"cadre_id\":\"A\"},{\"cadre_id\":\"B\"}],"
      "\"places\":{\"village_residency\":1}}"));
  if (out != NULL) {
    CHECK(strstr(out, "{\"cadre_id\":\"A\",\"posting\":\"village_residency\",\"gap\":\"no_grassroots\",\"placed\":true") != NULL);
    CHECK(strstr(out, "{\"cadre_id\":\"B\",\"posting\":\"village_residency\",\"gap\":\"no_grassroots\",\"placed\":false") != NULL);
    ck_free(out);
    out = NULL;
  }
  CHECK_STATUS(CK_OK, ck_talent_pool_changes_json(&out, pol,
      "{\"from\":\"2016-09-22\",\"to\":\"2016-11-01\",\"cadres\":[{\"id\":\"B\",\"sex\":\"1\",\"birth_date\":\"1980-10-15\","
      "\"ethnicity\":\"01\",\"political_status\":\"01\",\"rank\":\"fu_ke\",\"civil_servant\":true}]}"));
  if (out != NULL) {
    CHECK(strstr(out, "{\"cadre_id\":\"B\",\"pool\":\"echelon1\",\"change\":\"left\"") != NULL);
    CHECK(strstr(out, "\"pool\":\"echelon2\"") == NULL); /* never in the second: in the first */
    ck_free(out);
  }
  /* failures leave *out untouched */
  out = keep;
  CHECK_STATUS(CK_E_INVALID_INPUT, ck_talent_pools_json(&out, pol,
      "{\"as_of\":\"2016-09-22\",\"cadres\":[{\"id\":\"X\",\"sex\":\"1\",\"birth_date\":\"2020-01-01\","
      "\"ethnicity\":\"01\",\"political_status\":\"01\"}]}"));
  CHECK(out == keep);
  CHECK(strstr(ck_last_error_message(), "cadres[0]") != NULL);
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_talent_pools_json(NULL, pol, "{}"));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_talent_pools_json(&out, NULL, "{\"as_of\":\"2016-09-22\"}"));
  CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_talent_gaps_json(&out, pol, NULL));
  CHECK(out == keep);
}

int main(void) {
  ck_policy *pol = NULL;
  CHECK_STATUS(CK_OK, ck_policy_default(&pol));
  golden_pools(pol);
  golden_pools_columns(pol);
  golden_teams(pol);
  json_calls(pol);
  ck_policy_free(pol);
  return ck_test_done("test_talent");
}
