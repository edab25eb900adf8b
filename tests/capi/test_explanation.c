/* C ABI: ck_explanation_normalize and ck_explanation_to_text, on the golden files shared with the
 * C++ and Python tests (tests/golden/explanation_*). Plain C99 against <cadrekit.h> only. */
#include <cadrekit.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"



/* The whole file, NUL-terminated, in malloc'd memory; exits on failure (a test setup error). */
static char *read_golden(const char *name, size_t *len) {
  char path[4096];
  FILE *f;
  char *buf;
  long size;
  snprintf(path, sizeof path, "%s/tests/golden/%s", CADREKIT_SOURCE_DIR, name);
  f = fopen(path, "rb");
  if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
      fseek(f, 0, SEEK_SET) != 0) {
    fprintf(stderr, "cannot read %s\n", path);
    exit(2);
  }
  buf = (char *)malloc((size_t)size + 1);
  if (buf == NULL || fread(buf, 1, (size_t)size, f) != (size_t)size) {
    fprintf(stderr, "cannot read %s\n", path);
    exit(2);
  }
  buf[size] = '\0';
  fclose(f);
  if (len != NULL) *len = (size_t)size;
  return buf;
}

/* True when the last error message names `field` the way the library composes it:
 * "... (field <path>)". */
static int message_names_field(const char *field) {
  char want[512];
  snprintf(want, sizeof want, "(field %s)", field);
  return strstr(ck_last_error_message(), want) != NULL;
}

static char sentinel_byte;
#define SENTINEL (&sentinel_byte)

static void test_golden(void) {
  size_t len = 0;
  char *golden = read_golden("explanation_example.json", &len);
  char *zh = read_golden("explanation_example.zh.txt", NULL);
  char *en = read_golden("explanation_example.en.txt", NULL);
  char *out = NULL;

  CHECK(len > 0 && golden[len - 1] != '\n');
  CHECK(ck_explanation_normalize(&out, golden) == CK_OK);
  CHECK(out != NULL && strlen(out) == len && memcmp(out, golden, len) == 0);
  ck_free(out);

  out = NULL;
  CHECK(ck_explanation_to_text(&out, golden, "zh") == CK_OK);
  CHECK(out != NULL && strcmp(out, zh) == 0);
  ck_free(out);

  out = NULL;
  CHECK(ck_explanation_to_text(&out, golden, "en") == CK_OK);
  CHECK(out != NULL && strcmp(out, en) == 0);
  /* The assumed parameter is marked in both languages. */
  CHECK(out != NULL && strstr(out, "2016-01-01, JARUD.1, assumed)") != NULL);
  CHECK(strstr(zh, "假定值") != NULL);
  ck_free(out);

  /* Surrounding white space goes; the canonical text is the golden file again. */
  {
    char *padded = (char *)malloc(len + 16);
    CHECK(padded != NULL);
    if (padded != NULL) {
      sprintf(padded, " \n\t%s\r\n ", golden);
      out = NULL;
      CHECK(ck_explanation_normalize(&out, padded) == CK_OK);
      CHECK(out != NULL && strcmp(out, golden) == 0);
      ck_free(out);
      free(padded);
    }
  }
  free(golden);
  free(zh);
  free(en);
}

static void test_normalize_reorders_and_unescapes(void) {
  const char *in =
      "{ \"inputs\": [ {\"value\": \"2\", \"name\": \"rank\"} ],\n"
      "  \"parameters\": [ {\"clause\": \"JARUD.1\", \"assumed\": false,\n"
      "    \"effective_from\": \"2016-01-01\", \"unit\": \"yuan/year\", \"value\": \"4000\",\n"
      "    \"name\": \"village.performance_pay.excellent\"} ],\n"
      "  \"rules\": [ {\"message_en\": \"tab\\there \\/ \\u001f\", \"message_zh\": \"\\u4f18\\u79c0\",\n"
      "    \"clause\": \"JARUD.1\", \"rule_id\": \"r\"} ],\n"
      "  \"uses_assumed\": false, \"subject\": \"\\ud83d\\ude00\", \"schema\": \"cadrekit.explanation/1\" }";
  const char *want =
      "{\"schema\":\"cadrekit.explanation/1\",\"subject\":\"\xF0\x9F\x98\x80\",\"uses_assumed\":false,"
      "\"rules\":[{\"rule_id\":\"r\",\"clause\":\"JARUD.1\",\"message_zh\":\"\xE4\xBC\x98\xE7\xA7\x80\","
      "\"message_en\":\"tab\\there / \\u001f\"}],"
      "\"parameters\":[{\"name\":\"village.performance_pay.excellent\",\"value\":\"4000\","
      "\"unit\":\"yuan/year\",\"effective_from\":\"2016-01-01\",\"assumed\":false,"
      "\"clause\":\"JARUD.1\"}],\"inputs\":[{\"name\":\"rank\",\"value\":\"2\"}]}";
  char *out = NULL;
  CHECK(ck_explanation_normalize(&out, in) == CK_OK);
  CHECK(out != NULL && strcmp(out, want) == 0);
  if (out != NULL && strcmp(out, want) != 0) fprintf(stderr, "got  %s\nwant %s\n", out, want);
  ck_free(out);
}

/* Every case of tests/golden/explanation_rejects.tsv, through both functions. */
static void test_rejects(void) {
  char *table = read_golden("explanation_rejects.tsv", NULL);
  char *line = table;
  int cases = 0;
  while (*line != '\0') {
    char *end = strchr(line, '\n');
    char *next = end != NULL ? end + 1 : line + strlen(line);
    if (end != NULL) *end = '\0';
    if (*line != '\0' && *line != '#') {
      char *name = line;
      char *field = strchr(name, '\t');
      char *json = field != NULL ? strchr(field + 1, '\t') : NULL;
      CHECK(field != NULL && json != NULL);
      if (field != NULL && json != NULL) {
        char *out = SENTINEL;
        int st;
        *field++ = '\0';
        *json++ = '\0';
        ++cases;
        st = ck_explanation_normalize(&out, json);
        CHECK(st == CK_E_INVALID_INPUT);
        CHECK(ck_last_error_code() == CK_E_INVALID_INPUT);
        CHECK(out == SENTINEL); /* outputs are left unchanged on failure */
        CHECK(message_names_field(field));
        if (st != CK_E_INVALID_INPUT || !message_names_field(field))
          fprintf(stderr, "  case \"%s\": status %d, message \"%s\", want field %s\n", name, st,
                  ck_last_error_message(), field);
        out = SENTINEL;
        CHECK(ck_explanation_to_text(&out, json, "zh") == CK_E_INVALID_INPUT);
        CHECK(out == SENTINEL);
        CHECK(message_names_field(field));
      }
    }
    line = next;
  }
  CHECK(cases >= 80);
  free(table);
}

static void test_invalid_utf8(void) {
  static const char *bad[] = {"\xFF", "\xC0\xAF", "\xED\xA0\x80", "\xE6\x9D", "\xF5\x80\x80\x80"};
  size_t len = 0;
  char *golden = read_golden("explanation_example.json", &len);
  char *at = strstr(golden, "V001");
  size_t i;
  CHECK(at != NULL);
  for (i = 0; at != NULL && i < sizeof bad / sizeof bad[0]; ++i) {
    size_t n = strlen(bad[i]);
    char *json = (char *)malloc(len + 8);
    char *out = SENTINEL;
    if (json == NULL) break;
    memcpy(json, golden, (size_t)(at - golden));
    memcpy(json + (at - golden), bad[i], n);
    strcpy(json + (at - golden) + n, at + 4);
    CHECK(ck_explanation_normalize(&out, json) == CK_E_INVALID_INPUT);
    CHECK(out == SENTINEL);
    CHECK(message_names_field("json"));
    CHECK(strstr(ck_last_error_message(), "UTF-8") != NULL);
    CHECK(ck_explanation_to_text(&out, json, "en") == CK_E_INVALID_INPUT);
    free(json);
  }
  free(golden);
}

/* A newline or other control character in a message cannot break the one-line-per-item text. */
static void test_text_escapes_controls(void) {
  const char *in =
      "{\"schema\":\"cadrekit.explanation/1\",\"subject\":\"a\\nb\",\"uses_assumed\":false,"
      "\"rules\":[{\"rule_id\":\"r\",\"clause\":\"\",\"message_zh\":\"\",\"message_en\":\"x\\u0000y\\rz\\u001f\"}],"
      "\"parameters\":[],\"inputs\":[]}";
  const char *want = "Subject: a\\nb\nRule r: x\\u0000y\\rz\\u001f\n";
  char *out = NULL;
  CHECK(ck_explanation_to_text(&out, in, "en") == CK_OK);
  CHECK(out != NULL && strcmp(out, want) == 0);
  if (out != NULL && strcmp(out, want) != 0) fprintf(stderr, "got  %s\nwant %s\n", out, want);
  ck_free(out);
}

static void test_arguments(void) {
  char *golden = read_golden("explanation_example.json", NULL);
  char *out = SENTINEL;

  CHECK(ck_explanation_normalize(NULL, golden) == CK_E_INVALID_ARGUMENT);
  CHECK(ck_last_error_code() == CK_E_INVALID_ARGUMENT);
  CHECK(message_names_field("out"));
  CHECK(ck_explanation_normalize(&out, NULL) == CK_E_INVALID_ARGUMENT);
  CHECK(message_names_field("json"));
  CHECK(out == SENTINEL);

  CHECK(ck_explanation_to_text(NULL, golden, "zh") == CK_E_INVALID_ARGUMENT);
  CHECK(message_names_field("out"));
  CHECK(ck_explanation_to_text(&out, NULL, "zh") == CK_E_INVALID_ARGUMENT);
  CHECK(message_names_field("json"));
  CHECK(ck_explanation_to_text(&out, golden, NULL) == CK_E_INVALID_ARGUMENT);
  CHECK(message_names_field("lang"));
  CHECK(out == SENTINEL);

  CHECK(ck_explanation_to_text(&out, golden, "fr") == CK_E_INVALID_INPUT);
  CHECK(message_names_field("lang"));
  CHECK(ck_explanation_to_text(&out, golden, "ZH") == CK_E_INVALID_INPUT);
  CHECK(ck_explanation_to_text(&out, golden, "") == CK_E_INVALID_INPUT);
  CHECK(out == SENTINEL);
  CHECK(strcmp(ck_status_name(ck_last_error_code()), "invalid_input") == 0);
  free(golden);
}

int main(void) {
  test_golden();
  test_normalize_reorders_and_unescapes();
  test_rejects();
  test_invalid_utf8();
  test_text_escapes_controls();
  test_arguments();
  return ck_test_done("test_explanation");
}
