/* Money and shares through the C ABI: the golden table tests/golden/money_cases.csv (shared
 * with the C++ and Python tests), then NULL arguments and bad text. C99, <cadrekit.h> only. */
#include <cadrekit.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;
static int checks = 0;

#define CHECK(cond, line, what)                                                         \
  do {                                                                                  \
    ++checks;                                                                           \
    if (!(cond)) {                                                                      \
      ++failures;                                                                       \
      fprintf(stderr, "money_cases.csv line %d: %s failed: %s\n", (line), (what), #cond); \
    }                                                                                   \
  } while (0)

enum { kFields = 6, kFieldSize = 512 };

/* Splits one CSV record (quotes as in RFC 4180, no newline inside a field). Returns the
 * number of fields, or -1 if there are too many or one is too long. */
static int split_csv(const char *line, char fields[kFields][kFieldSize]) {
  int n = 0, quoted = 0;
  size_t len = 0;
  const char *p;
  fields[0][0] = '\0';
  for (p = line; *p != '\0' && *p != '\n' && *p != '\r'; ++p) {
    char c = *p;
    if (quoted) {
      if (c == '"' && p[1] == '"') {
        ++p;
      } else if (c == '"') {
        quoted = 0;
        continue;
      }
    } else if (c == '"') {
      quoted = 1;
      continue;
    } else if (c == ',') {
      if (++n >= kFields) return -1;
      len = 0;
      fields[n][0] = '\0';
      continue;
    }
    if (len + 1 >= kFieldSize) return -1;
    fields[n][len++] = c;
    fields[n][len] = '\0';
  }
  return n + 1;
}

static int status_of(const char *name) {
  if (strcmp(name, "invalid_input") == 0) return CK_E_INVALID_INPUT;
  if (strcmp(name, "overflow") == 0) return CK_E_OVERFLOW;
  if (strcmp(name, "invalid_argument") == 0) return CK_E_INVALID_ARGUMENT;
  return -1;
}

/* The input without the ASCII spaces around it. */
static void trim_copy(char *out, const char *in) {
  size_t a = 0, b = strlen(in);
  while (in[a] == ' ' || in[a] == '\t') ++a;
  while (b > a && (in[b - 1] == ' ' || in[b - 1] == '\t')) --b;
  memcpy(out, in + a, b - a);
  out[b - a] = '\0';
}

static int has_digit(const char *s) {
  for (; *s != '\0'; ++s)
    if (*s >= '0' && *s <= '9') return 1;
  return 0;
}

/* A failed call: the status, its name, a message that is never NULL and never repeats the
 * input (checked for inputs holding a digit: a bare "¥" may well appear in a message). */
static void check_failure(int rc, const char *error, const char *input, int line) {
  char t[kFieldSize];
  const char *msg = ck_last_error_message();
  CHECK(rc == status_of(error), line, "status");
  CHECK(strcmp(ck_status_name(rc), error) == 0, line, "status name");
  CHECK(ck_last_error_code() == rc, line, "last error code");
  CHECK(msg != NULL && msg[0] != '\0', line, "message");
  trim_copy(t, input);
  if (msg != NULL && has_digit(t)) CHECK(strstr(msg, t) == NULL, line, "message repeats input");
}

static void run_case(char f[kFields][kFieldSize], int line, int *ran, int *skipped) {
  const char *kind = f[0], *input = f[1], *n = f[2], *expected = f[3], *error = f[4];
  const int64_t sentinel = INT64_C(-7777777);
  int rc;
  if (strcmp(kind, "money_parse") == 0) {
    int64_t out = sentinel;
    rc = ck_money_parse(&out, input);
    if (error[0] == '\0') {
      CHECK(rc == CK_OK, line, "ck_money_parse");
      CHECK(out == strtoll(expected, NULL, 10), line, "ck_money_parse value");
    } else {
      check_failure(rc, error, input, line);
      CHECK(out == sentinel, line, "output untouched on failure");
    }
  } else if (strcmp(kind, "money_format") == 0) {
    char *text = NULL;
    int64_t back = sentinel;
    int64_t fen = strtoll(input, NULL, 10);
    rc = ck_money_format(&text, fen);
    CHECK(rc == CK_OK && text != NULL, line, "ck_money_format");
    if (text != NULL) CHECK(strcmp(text, expected) == 0, line, "ck_money_format text");
    ck_free(text);
    CHECK(ck_money_parse(&back, expected) == CK_OK && back == fen, line, "format parses back");
  } else if (strcmp(kind, "at_least_share") == 0) {
    int64_t out = sentinel;
    rc = ck_at_least_share(&out, strtoll(n, NULL, 10), input);
    if (error[0] == '\0') {
      CHECK(rc == CK_OK, line, "ck_at_least_share");
      CHECK(out == strtoll(expected, NULL, 10), line, "ck_at_least_share value");
    } else {
      check_failure(rc, error, input, line);
      CHECK(out == sentinel, line, "output untouched on failure");
    }
  } else if (strcmp(kind, "share_parse") == 0) {
    ++*skipped; /* the C ABI has no share parser of its own; at_least_share rows cover it */
    return;
  } else {
    CHECK(0, line, "unknown kind");
    return;
  }
  ++*ran;
}

static void run_table(void) {
  const char *path = CADREKIT_SOURCE_DIR "/tests/golden/money_cases.csv";
  FILE *file = fopen(path, "rb");
  char buf[4096];
  char fields[kFields][kFieldSize];
  int line = 0, ran = 0, skipped = 0, source_rows = 0;
  if (file == NULL) {
    fprintf(stderr, "cannot open %s\n", path);
    ++failures;
    return;
  }
  while (fgets(buf, sizeof buf, file) != NULL) {
    ++line;
    if (line == 1 || buf[0] == '\n' || buf[0] == '\r') continue;
    if (split_csv(buf, fields) != kFields) {
      CHECK(0, line, "six fields");
      continue;
    }
    if (strstr(fields[5], "source") != NULL) ++source_rows;
    run_case(fields, line, &ran, &skipped);
  }
  fclose(file);
  CHECK(ran > 50, line, "rows run");
  CHECK(source_rows >= 5, line, "the source's figures are in the table");
  printf("money_cases.csv: %d rows run through the C ABI, %d share_parse rows skipped\n", ran,
         skipped);
}

static void run_arguments(void) {
  int64_t out = INT64_C(42);
  char *text = NULL;
  const int line = 0;

  CHECK(ck_money_parse(NULL, "7000") == CK_E_INVALID_ARGUMENT, line, "NULL out_fen");
  CHECK(strstr(ck_last_error_message(), "out_fen") != NULL, line, "message names out_fen");
  CHECK(ck_money_parse(&out, NULL) == CK_E_INVALID_ARGUMENT && out == 42, line, "NULL text");
  CHECK(strstr(ck_last_error_message(), "text") != NULL, line, "message names text");
  CHECK(ck_money_format(NULL, 100) == CK_E_INVALID_ARGUMENT, line, "NULL out");
  CHECK(ck_at_least_share(NULL, 20, "35%") == CK_E_INVALID_ARGUMENT, line, "NULL out");
  CHECK(ck_at_least_share(&out, 20, NULL) == CK_E_INVALID_ARGUMENT && out == 42, line,
        "NULL share");
  CHECK(ck_last_error_message() != NULL, line, "message never NULL");

  /* Not UTF-8: an input error, not a crash. */
  CHECK(ck_money_parse(&out, "7000\xff") == CK_E_INVALID_INPUT && out == 42, line, "bad UTF-8");
  CHECK(ck_at_least_share(&out, 20, "35\xc3%") == CK_E_INVALID_INPUT && out == 42, line,
        "bad UTF-8 share");

  /* A success after a failure works, and ck_free(NULL) is a no-op. */
  CHECK(ck_money_parse(&out, "1,000元") == CK_OK && out == INT64_C(100000), line, "1,000元");
  CHECK(ck_money_format(&text, INT64_C(-50)) == CK_OK && strcmp(text, "-\xC2\xA5" "0.50") == 0,
        line, "-¥0.50");
  ck_free(text);
  ck_free(NULL);
}

int main(void) {
  run_table();
  run_arguments();
  printf("%d checks, %d failures\n", checks, failures);
  return failures == 0 ? 0 : 1;
}
