/* The shared golden tables (tests/golden, one .tsv each) as the C tests read them: opened with
 * their comment lines and header skipped, row by row (as ck_test::golden_rows does for C++),
 * cells split in place, a two-character backslash-n in a cell unescaped. Static inline
 * functions: a test takes what it uses, without a warning for the rest. */
#ifndef CK_TEST_GOLDEN_H
#define CK_TEST_GOLDEN_H

#include <stdio.h>
#include <string.h>

#include "check.h"

/* Reads the next line of `f` into `line`, its line end removed; 0 at the end of the file. A line
 * longer than `size` is a failed check (its rest is skipped), never read as two rows. */
static inline int ck_test_read_line(FILE *f, char *line, size_t size) {
  size_t len;
  if (f == NULL || fgets(line, (int)size, f) == NULL) return 0;
  len = strcspn(line, "\r\n");
  if (line[len] == '\0' && !feof(f)) {
    int c;
    ++ck_test_failures;
    fprintf(stderr, "golden.h: a line of more than %zu bytes\n", size - 1);
    while ((c = fgetc(f)) != EOF && c != '\n') {
    }
  }
  line[len] = '\0';
  return 1;
}

/* Whether `line` is a comment or blank line of a golden table. */
static inline int ck_test_skipped_line(const char *line) { return line[0] == '#' || line[0] == '\0'; }

/* Opens tests/golden/`name` and reads past its comment lines and header (into `line`); NULL,
 * with a failed check, when the file is missing or has no header. */
static inline FILE *ck_test_golden_open(const char *name, char *line, size_t size) {
  char path[1024];
  FILE *f;
  snprintf(path, sizeof path, "%s/tests/golden/%s", CADREKIT_SOURCE_DIR, name);
  f = fopen(path, "r");
  while (f != NULL && ck_test_read_line(f, line, size))
    if (!ck_test_skipped_line(line)) return f;
  ++ck_test_failures;
  fprintf(stderr, "golden.h: %s: %s\n", path, f == NULL ? "cannot open" : "no header");
  if (f != NULL) fclose(f);
  return NULL;
}

/* Reads the next row of a table opened by ck_test_golden_open into `line` (line end removed),
 * skipping comment and blank lines; 0 after the last row (and for a NULL `f`). */
static inline int ck_test_next_row(FILE *f, char *line, size_t size) {
  while (ck_test_read_line(f, line, size))
    if (!ck_test_skipped_line(line)) return 1;
  return 0;
}

/* Splits `s` in place at each occurrence of `sep`; returns the number of parts (at most max). */
static inline int ck_test_split(char *s, const char *sep, char **parts, int max) {
  int n = 0;
  size_t k = strlen(sep);
  while (n < max) {
    char *at = strstr(s, sep);
    parts[n++] = s;
    if (at == NULL) break;
    *at = '\0';
    s = at + k;
  }
  return n;
}

/* Replaces each two-character `\n` of `s` by a line break, in place. */
static inline void ck_test_unescape(char *s) {
  char *w = s;
  for (; *s; ++s) {
    if (s[0] == '\\' && s[1] == 'n') {
      *w++ = '\n';
      ++s;
    } else {
      *w++ = *s;
    }
  }
  *w = '\0';
}

#endif
