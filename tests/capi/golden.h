/* The shared golden tables (tests/golden, one .tsv each) as the C tests read them: cells split
 * in place, a two-character backslash-n in a cell unescaped. Static inline functions: a test
 * takes what it uses, without a warning for the rest. */
#ifndef CK_TEST_GOLDEN_H
#define CK_TEST_GOLDEN_H

#include <string.h>

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
