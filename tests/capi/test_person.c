/* Citizen ID numbers, 三龄 and the person summary through the C ABI (C99, <cadrekit.h> only). */
#include <cadrekit.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"



static ck_date ymd(int y, int m, int d) {
  ck_date out = 0;
  if (ck_date_from_ymd(&out, y, m, d) != CK_OK) {
    fprintf(stderr, "bad date %d-%d-%d\n", y, m, d);
    exit(2);
  }
  return out;
}

/* 1 when no run of 6 characters of `secret` appears in `message`. */
static int no_run_of(const char *secret, const char *message) {
  size_t n = strlen(secret), i;
  char window[7];
  for (i = 0; i + 6 <= n; ++i) {
    memcpy(window, secret + i, 6);
    window[6] = '\0';
    if (strstr(message, window) != NULL) return 0;
  }
  return 1;
}

/* Splits `line` in place at commas into at most `max` fields; returns the count. */
static int split_fields(char *line, char **fields, int max) {
  int n = 0;
  char *p = line;
  while (n < max) {
    char *comma = strchr(p, ',');
    fields[n++] = p;
    if (comma == NULL) break;
    *comma = '\0';
    p = comma + 1;
  }
  return n;
}

static void golden_citizen_ids(void) {
  FILE *f = fopen(CADREKIT_SOURCE_DIR "/tests/golden/citizen_ids.csv", "rb");
  char line[1024];
  int header = 0, rows = 0, valid_rows = 0;
  CHECK(f != NULL);
  if (f == NULL) return;
  while (fgets(line, sizeof line, f) != NULL) {
    char *fields[8] = {NULL};
    size_t len = strlen(line);
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = '\0';
    if (len == 0 || line[0] == '#') continue;
    if (!header) {
      CHECK(strcmp(line, "id,valid,birth_date,sex,region_code,message_contains,note") == 0);
      header = 1;
      continue;
    }
    if (split_fields(line, fields, 8) != 7) { /* a malformed row: fail, and read no field of it */
      CHECK(!"a row of citizen_ids.csv has 7 fields");
      continue;
    }
    ++rows;
    {
      const char *id = fields[0];
      int valid = strcmp(fields[1], "1") == 0;
      ck_date birth = -12345;
      int sex = -1;
      int status = ck_citizen_id_parse(&birth, &sex, id);
      CHECK(ck_citizen_id_is_valid(id) == valid);
      if (valid) {
        char iso[11];
        ++valid_rows;
        CHECK(status == CK_OK);
        CHECK(ck_date_format_iso(iso, sizeof iso, birth) == CK_OK);
        CHECK(strcmp(iso, fields[2]) == 0);
        CHECK(sex == atoi(fields[3]));
      } else {
        const char *msg = ck_last_error_message();
        CHECK(status == CK_E_INVALID_INPUT);
        CHECK(ck_last_error_code() == CK_E_INVALID_INPUT);
        CHECK(birth == -12345 && sex == -1); /* outputs untouched on failure */
        CHECK(strstr(msg, fields[5]) != NULL);
        if (strstr(msg, fields[5]) == NULL) fprintf(stderr, "  note %s: %s\n", fields[6], msg);
        CHECK(id[0] == '\0' || strstr(msg, id) == NULL);
        CHECK(no_run_of(id, msg));
      }
    }
  }
  fclose(f);
  CHECK(rows >= 30);
  CHECK(valid_rows >= 10);
}

static void citizen_id_edges(void) {
  ck_date birth = 0;
  int sex = 0;
  CHECK(ck_citizen_id_is_valid(NULL) == 0);
  CHECK(ck_citizen_id_is_valid("") == 0);
  CHECK(ck_citizen_id_is_valid("11010519491231002X") == 1); /* GB 11643-1999's example */
  CHECK(ck_citizen_id_is_valid("11010519491231002x") == 0);
  CHECK(ck_citizen_id_is_valid("11010519491231002X0") == 0);
  CHECK(ck_citizen_id_parse(NULL, &sex, "11010519491231002X") == CK_E_INVALID_ARGUMENT);
  CHECK(ck_citizen_id_parse(&birth, NULL, "11010519491231002X") == CK_E_INVALID_ARGUMENT);
  CHECK(ck_citizen_id_parse(&birth, &sex, NULL) == CK_E_INVALID_ARGUMENT);
  CHECK(strlen(ck_last_error_message()) > 0);
  CHECK(ck_citizen_id_parse(&birth, &sex, "11010519491231002X") == CK_OK);
  CHECK(birth == ymd(1949, 12, 31) && sex == 2);
  /* Old Tongliao (哲里木盟) prefix 1523. */
  CHECK(ck_citizen_id_parse(&birth, &sex, "152301196802290519") == CK_OK);
  CHECK(birth == ymd(1968, 2, 29) && sex == 1);
  /* Planted marker: the message never repeats it. */
  CHECK(ck_citizen_id_parse(&birth, &sex, "312718201902290011") == CK_E_INVALID_INPUT);
  CHECK(strstr(ck_last_error_message(), "312718") == NULL);
  CHECK(strstr(ck_last_error_message(), "date of birth") != NULL);
}

static void three_ages(void) {
  int32_t age = -9, party = -9, work = -9;
  /* 29 February: the anniversary falls on 1 March in common years. */
  ck_date b = ymd(2000, 2, 29);
  CHECK(ck_three_ages(&age, &party, &work, b, 0, 0, 0, 0, ymd(2001, 2, 28)) == CK_OK);
  CHECK(age == 0 && party == -1 && work == -1);
  CHECK(ck_three_ages(&age, &party, &work, b, 0, 0, 0, 0, ymd(2001, 3, 1)) == CK_OK);
  CHECK(age == 1);
  CHECK(ck_three_ages(&age, &party, &work, b, 0, 0, 0, 0, ymd(2004, 2, 29)) == CK_OK);
  CHECK(age == 4);
  /* A birthday on the as-of date counts. */
  b = ymd(1970, 6, 15);
  CHECK(ck_three_ages(&age, &party, &work, b, 1, ymd(1995, 7, 1), 1, ymd(1990, 8, 1),
                      ymd(2020, 6, 15)) == CK_OK);
  CHECK(age == 50 && party == 24 && work == 29);
  CHECK(ck_three_ages(&age, &party, &work, b, 1, ymd(1995, 7, 1), 1, ymd(1990, 8, 1),
                      ymd(2020, 6, 14)) == CK_OK);
  CHECK(age == 49 && party == 24 && work == 29);
  CHECK(ck_three_ages(&age, &party, &work, b, 1, ymd(1995, 7, 1), 0, 0, ymd(2020, 7, 1)) ==
        CK_OK);
  CHECK(age == 50 && party == 25 && work == -1);
  /* Errors leave the outputs as they were and name the field. */
  age = party = work = -9;
  CHECK(ck_three_ages(&age, &party, &work, b, 0, 0, 0, 0, ymd(1970, 6, 14)) ==
        CK_E_INVALID_INPUT);
  CHECK(strstr(ck_last_error_message(), "as_of") != NULL);
  CHECK(ck_three_ages(&age, &party, &work, b, 1, ymd(2021, 1, 1), 0, 0, ymd(2020, 1, 1)) ==
        CK_E_INVALID_INPUT);
  CHECK(strstr(ck_last_error_message(), "party_joined") != NULL);
  CHECK(ck_three_ages(&age, &party, &work, b, 0, 0, 1, ymd(1969, 1, 1), ymd(2020, 1, 1)) ==
        CK_E_INVALID_INPUT);
  CHECK(strstr(ck_last_error_message(), "work_started") != NULL);
  CHECK(age == -9 && party == -9 && work == -9);
  CHECK(ck_three_ages(NULL, &party, &work, b, 0, 0, 0, 0, ymd(2020, 1, 1)) ==
        CK_E_INVALID_ARGUMENT);
  CHECK(ck_three_ages(&age, &party, &work, 99999999, 0, 0, 0, 0, ymd(2020, 1, 1)) ==
        CK_E_INVALID_INPUT);
}

static void summary(void) {
  char *out = NULL;
  const char *person =
      "{\"id\":\"C001\",\"name\":\"测试甲\",\"sex\":\"女\",\"birth_date\":\"1972-02-29\","
      "\"ethnicity\":\"蒙古族\",\"political_status\":\"中共党员\",\"party_joined\":\"1995-07-01\","
      "\"work_started\":\"1993-08-01\",\"rank\":\"正科级\"}";
  CHECK(ck_person_summary_json(&out, person, ymd(2021, 2, 28)) == CK_OK);
  CHECK(out != NULL);
  if (out != NULL) {
    CHECK(strcmp(out,
                 "{\"id\":\"C001\",\"three_ages\":{\"age\":48,\"party_years\":25,"
                 "\"work_years\":27},\"is_woman\":true,\"is_ethnic_minority\":true,"
                 "\"is_non_party\":false}") == 0);
    ck_free(out);
  }
  out = NULL;
  CHECK(ck_person_summary_json(
            &out,
            "{\"id\":\"C002\",\"sex\":1,\"birth_date\":\"1990-01-01\",\"ethnicity\":\"01\","
            "\"political_status\":\"13\"}",
            ymd(2020, 12, 31)) == CK_OK);
  if (out != NULL) {
    CHECK(strcmp(out,
                 "{\"id\":\"C002\",\"three_ages\":{\"age\":30,\"party_years\":null,"
                 "\"work_years\":null},\"is_woman\":false,\"is_ethnic_minority\":false,"
                 "\"is_non_party\":true}") == 0);
    ck_free(out);
  }
  out = NULL;
  CHECK(ck_person_summary_json(&out, "{\"id\":\"C003\",\"sex\":\"1\"}", ymd(2020, 1, 1)) ==
        CK_E_INVALID_INPUT);
  CHECK(out == NULL);
  CHECK(strstr(ck_last_error_message(), "birth_date") != NULL);
  CHECK(strstr(ck_last_error_message(), "C003") != NULL);
  CHECK(ck_person_summary_json(&out, "not json", ymd(2020, 1, 1)) == CK_E_INVALID_INPUT);
  CHECK(ck_person_summary_json(&out, NULL, ymd(2020, 1, 1)) == CK_E_INVALID_ARGUMENT);
  CHECK(ck_person_summary_json(NULL, "{}", ymd(2020, 1, 1)) == CK_E_INVALID_ARGUMENT);
  CHECK(out == NULL);
  ck_free(NULL);
}

int main(void) {
  golden_citizen_ids();
  citizen_id_edges();
  three_ages();
  summary();
  return ck_test_done("test_person");
}
