/* The .lrmx corpus (tests/data/lrmx, written by scripts/gen-lrmx-corpus) through the C ABI:
 * every form against its row of expected.tsv (the table the C++ and Python tests read too) with
 * ck_disclosure_lrmx_read_json, the strict ck_disclosure_record_from_lrmx_json beside it, and the
 * hostile forms made at run time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cadrekit.h"
#include "check.h"

#define N_COLUMNS 16
enum { FILE_, OUTCOME, ERROR_FIELD, WARNINGS, ENCODING, NAME, SEX, BIRTH, ETHNICITY, POLITICAL,
       PARTY, WORK, REFERENCE, CITIZEN_ID, EDUCATION, HISTORY };

static char *read_all(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  long n;
  char *buf;
  if (f == NULL) {
    fprintf(stderr, "cannot open %s\n", path);
    exit(2);
  }
  fseek(f, 0, SEEK_END);
  n = ftell(f);
  fseek(f, 0, SEEK_SET);
  buf = (char *)malloc((size_t)n + 1);
  if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n) exit(2);
  buf[n] = '\0';
  fclose(f);
  *size = (size_t)n;
  return buf;
}

static char *form_path(const char *file) {
  static char path[1024];
  snprintf(path, sizeof path, "%s/tests/data/lrmx/%s", CADREKIT_SOURCE_DIR, file);
  return path;
}

/* A new string: `s` with the first `from` replaced by `times` copies of `open`, `middle` and
 * `times` copies of `close`. */
static char *splice(const char *s, const char *from, const char *open, size_t times,
                    const char *middle, const char *close, size_t *size) {
  const char *at = strstr(s, from);
  size_t head, n, i;
  char *out, *p;
  if (at == NULL) exit(2);
  head = (size_t)(at - s);
  n = strlen(s) - strlen(from) + times * (strlen(open) + strlen(close)) + strlen(middle);
  out = (char *)malloc(n + 1);
  if (out == NULL) exit(2);
  memcpy(out, s, head);
  p = out + head;
  for (i = 0; i < times; ++i, p += strlen(open)) memcpy(p, open, strlen(open));
  memcpy(p, middle, strlen(middle));
  p += strlen(middle);
  for (i = 0; i < times; ++i, p += strlen(close)) memcpy(p, close, strlen(close));
  strcpy(p, at + strlen(from));
  *size = n;
  return out;
}

/* The hostile forms too large to store, made as scripts/gen-lrmx-corpus describes. */
static char *recipe(const char *name, size_t *size) {
  size_t n;
  char *base = read_all(form_path("date_yyyymm.lrmx"), &n), *out = NULL;
  if (strcmp(name, "@nested_50000") == 0) {
    out = splice(base, "<XingMing>李示明</XingMing>", "<XingMing><a>", 1, "", "", size);
    free(base);
    base = out;
    out = splice(base, "<a>", "<a>", 50000, "李示明", "</a>", size);
  } else if (strcmp(name, "@many_elements") == 0) {
    out = splice(base, "<JiaTingChengYuan>", "<Item/>", 10001, "", "", size);
    free(base);
    base = out;
    out = splice(base, "<Item/>", "<JiaTingChengYuan><Item/>", 1, "", "", size);
  } else if (strcmp(name, "@oversize") == 0) {
    *size = ((size_t)64 << 20) + 1;
    out = (char *)malloc(*size + 1);
    if (out == NULL) exit(2);
    memset(out, ' ', *size);
    memcpy(out, base, n);
    out[*size] = '\0';
  } else {
    fprintf(stderr, "no recipe for %s\n", name);
    exit(2);
  }
  free(base);
  return out;
}

/* Splits a line at tabs in place (empty cells kept). */
static int split_tabs(char *line, char **cells, int max) {
  int n = 0;
  cells[n++] = line;
  for (; *line != '\0'; ++line)
    if (*line == '\t' && n < max) {
      *line = '\0';
      cells[n++] = line + 1;
    }
  return n;
}

/* Checks that `json` holds `"key":"value"` (or `"key":null` for an empty value when
 * `empty_is_null`, or for "unknown" when `unknown_is_null`). */
static void check_member(const char *json, const char *file, const char *key, const char *value,
                         int empty_is_null, int unknown_is_null) {
  char want[1024];
  if ((empty_is_null && value[0] == '\0') || (unknown_is_null && strcmp(value, "unknown") == 0))
    snprintf(want, sizeof want, "\"%s\":null", key);
  else
    snprintf(want, sizeof want, "\"%s\":\"%s\"", key, value);
  CHECK(strstr(json, want) != NULL);
  if (strstr(json, want) == NULL) fprintf(stderr, "  %s: missing %s\n", file, want);
}

/* Checks each `;`/`|`-separated item of `list`, turned into a JSON fragment by `fragment`, in
 * order after `start`, and that no further item (`item_key`) follows. */
static void check_items(const char *json, const char *file, const char *start, char *list, char sep,
                        void (*fragment)(char *item, char *out, size_t size), const char *item_key) {
  const char *at = strstr(json, start);
  char want[2048];
  char *item = list;
  CHECK(at != NULL);
  if (at == NULL) return;
  at += strlen(start);
  while (*list != '\0' && item != NULL) {
    char *next = strchr(item, sep);
    if (next != NULL) *next = '\0';
    fragment(item, want, sizeof want);
    CHECK(strstr(at, want) != NULL);
    if (strstr(at, want) == NULL) {
      fprintf(stderr, "  %s: missing %s\n", file, want);
      return;
    }
    at = strstr(at, want) + strlen(want);
    item = next == NULL ? NULL : next + 1;
  }
  /* nothing more in this array */
  {
    const char *end = strchr(at, ']');
    const char *more = strstr(at, item_key);
    CHECK(end != NULL && (more == NULL || more > end));
    if (!(end != NULL && (more == NULL || more > end))) fprintf(stderr, "  %s: more items in %s\n", file, start);
  }
}

static void warning_fragment(char *item, char *out, size_t size) {
  char *at = strchr(item, '@');
  if (at == NULL) exit(2);
  *at = '\0';
  snprintf(out, size, "{\"path\":\"%s\",\"code\":\"%s\"", at + 1, item);
}

static void education_fragment(char *item, char *out, size_t size) {
  char *eq = strchr(item, '='), *slash;
  if (eq == NULL) exit(2);
  *eq = '\0';
  slash = strchr(eq + 1, '/');
  if (slash == NULL) exit(2);
  *slash = '\0';
  snprintf(out, size, "{\"mode\":\"%s\",\"level\":\"%s\",\"degree\":\"%s\"", item, eq + 1, slash + 1);
}

static void entry_fragment(char *item, char *out, size_t size) {
  char *dots = strstr(item, ".."), *space;
  if (dots == NULL) exit(2);
  *dots = '\0';
  space = strchr(dots + 2, ' ');
  if (space == NULL) exit(2);
  *space = '\0';
  if (dots[2] == '\0')
    snprintf(out, size, "{\"from\":\"%s\",\"until\":null,\"text\":\"%s\"}", item, space + 1);
  else
    snprintf(out, size, "{\"from\":\"%s\",\"until\":\"%s\",\"text\":\"%s\"}", item, dots + 2, space + 1);
}

int main(void) {
  size_t table_size;
  char *table = read_all(form_path("expected.tsv"), &table_size);
  char *line, *next;
  int header = 1, forms = 0, refused = 0, warned = 0;
  for (line = table; line != NULL && *line != '\0'; line = next) {
    char *cells[N_COLUMNS];
    char *bytes, *out = NULL, *strict = NULL, *record;
    size_t size;
    int status;
    next = strchr(line, '\n');
    if (next != NULL) *next++ = '\0';
    if (line[0] == '#' || line[0] == '\0') continue;
    if (header) {
      header = 0;
      continue;
    }
    if (split_tabs(line, cells, N_COLUMNS) != N_COLUMNS) {
      fprintf(stderr, "bad row: %s\n", line);
      return 2;
    }
    ++forms;
    bytes = cells[FILE_][0] == '@' ? recipe(cells[FILE_], &size) : read_all(form_path(cells[FILE_]), &size);
    status = ck_disclosure_lrmx_read_json(&out, bytes, size, "F1");
    if (strcmp(cells[OUTCOME], "refused") == 0) {
      char want[256];
      ++refused;
      snprintf(want, sizeof want, "(field %s, record F1)", cells[ERROR_FIELD]);
      CHECK_STATUS(CK_E_INVALID_INPUT, status);
      CHECK(out == NULL);
      CHECK(strstr(ck_last_error_message(), want) != NULL);
      if (strstr(ck_last_error_message(), want) == NULL)
        fprintf(stderr, "  %s: %s, expected %s\n", cells[FILE_], ck_last_error_message(), want);
      CHECK(strstr(ck_last_error_message(), "李示明") == NULL);
      if (memchr(bytes, '\0', size) == NULL)
        CHECK_STATUS(CK_E_INVALID_INPUT, ck_disclosure_record_from_lrmx_json(&strict, bytes, "F1"));
      free(bytes);
      continue;
    }
    CHECK_STATUS(CK_OK, status);
    if (out == NULL) {
      fprintf(stderr, "  %s: %s\n", cells[FILE_], ck_last_error_message());
      free(bytes);
      continue;
    }
    check_member(out, cells[FILE_], "encoding", cells[ENCODING], 0, 0);
    check_member(out, cells[FILE_], "name", cells[NAME], 0, 0);
    check_member(out, cells[FILE_], "sex", cells[SEX], 0, 0);
    check_member(out, cells[FILE_], "birth_date", cells[BIRTH], 0, 0);
    check_member(out, cells[FILE_], "ethnicity", cells[ETHNICITY], 0, 0);
    check_member(out, cells[FILE_], "political_status", cells[POLITICAL], 0, 1);
    check_member(out, cells[FILE_], "party_joined", cells[PARTY], 1, 0);
    check_member(out, cells[FILE_], "work_started", cells[WORK], 1, 0);
    check_member(out, cells[FILE_], "reference_date", cells[REFERENCE], 0, 0);
    check_member(out, cells[FILE_], "citizen_id", cells[CITIZEN_ID], 0, 0);
    check_items(out, cells[FILE_], "\"warnings\":[", cells[WARNINGS], ';', warning_fragment, "{\"path\":");
    check_items(out, cells[FILE_], "\"education\":[", cells[EDUCATION], ';', education_fragment, "{\"mode\":");
    check_items(out, cells[FILE_], "\"work_history\":[", cells[HISTORY], '|', entry_fragment, "{\"from\":");
    /* The strict call (NUL-terminated text: not UTF-16) gives the same record, or refuses a form
     * read with warnings naming the first warning's element. */
    if (memchr(bytes, '\0', size) == NULL) {
      status = ck_disclosure_record_from_lrmx_json(&strict, bytes, "F1");
      if (strcmp(cells[OUTCOME], "read") == 0) {
        size_t n = strlen("{\"record\":");
        CHECK_STATUS(CK_OK, status);
        record = out + n;
        CHECK(strict != NULL && strncmp(record, strict, strlen(strict)) == 0 &&
              strncmp(record + strlen(strict), ",\"warnings\":[]", 14) == 0);
      } else {
        /* check_items cut the list in place: the first code, then its path after the NUL */
        const char *first_path = cells[WARNINGS] + strlen(cells[WARNINGS]) + 1;
        char want[256];
        ++warned;
        CHECK_STATUS(CK_E_INVALID_INPUT, status);
        snprintf(want, sizeof want, "(field %s, record F1)", first_path);
        CHECK(strstr(ck_last_error_message(), want) != NULL);
        if (strstr(ck_last_error_message(), want) == NULL)
          fprintf(stderr, "  %s: %s, expected %s\n", cells[FILE_], ck_last_error_message(), want);
      }
      ck_free(strict);
      strict = NULL;
    } else if (strcmp(cells[OUTCOME], "read") != 0) {
      ++warned;
    }
    ck_free(out);
    free(bytes);
  }
  CHECK(forms >= 40);
  CHECK(refused >= 25);
  CHECK(warned >= 15);
  /* Arguments: NULL bytes, NULL id, NULL out. */
  {
    char *out = NULL;
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_disclosure_lrmx_read_json(&out, NULL, 0, "x"));
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_disclosure_lrmx_read_json(&out, "<Person/>", 9, NULL));
    CHECK_STATUS(CK_E_INVALID_ARGUMENT, ck_disclosure_lrmx_read_json(NULL, "<Person/>", 9, "x"));
    CHECK_STATUS(CK_E_INVALID_INPUT, ck_disclosure_lrmx_read_json(&out, "<Person/>", 0, "x"));
    CHECK(out == NULL);
  }
  free(table);
  return ck_test_done("test_lrmx_corpus");
}
