/* A minimal assertion helper for the C tests (C99). Each failing CHECK prints where and why;
 * the program's exit status is the number of failures (0 = pass). */
#ifndef CK_TEST_CHECK_H
#define CK_TEST_CHECK_H

#include <stdio.h>

static int ck_test_failures = 0;
static int ck_test_checks = 0;

#define CHECK(cond)                                                              \
  do {                                                                           \
    ++ck_test_checks;                                                            \
    if (!(cond)) {                                                               \
      ++ck_test_failures;                                                        \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);   \
    }                                                                            \
  } while (0)

#define CHECK_STATUS(expected, call)                                             \
  do {                                                                           \
    int ck_st_ = (call);                                                         \
    ++ck_test_checks;                                                            \
    if (ck_st_ != (expected)) {                                                  \
      ++ck_test_failures;                                                        \
      fprintf(stderr, "%s:%d: %s returned %d (%s), expected %d: %s\n", __FILE__, \
              __LINE__, #call, ck_st_, ck_status_name(ck_st_), (int)(expected),  \
              ck_last_error_message());                                          \
    }                                                                            \
  } while (0)

static int ck_test_done(const char *name) {
  printf("%s: %d checks, %d failed\n", name, ck_test_checks, ck_test_failures);
  return ck_test_failures == 0 ? 0 : 1;
}

#endif
