/* The C surface of the hostile suite (tests/hostile/hostile.py): one call of the C ABI on one
 * input file, in a process of its own, so that the suite can see a crash, a hang or memory
 * running out as what they are. Prints "status NAME" and the message; exit 0 whatever the
 * status, 1 when the driver itself cannot run (an unknown operation, a file it cannot read).
 *
 * Usage: hostile_c OPERATION FILE
 *   policy_load    ck_policy_load(FILE)
 *   policy_loads   ck_policy_loads(text of FILE)
 *   lrmx           ck_disclosure_record_from_lrmx_json(text of FILE)
 *   lrmx_read      ck_disclosure_lrmx_read_json(bytes of FILE)
 *   tier_json      ck_audit_tier_json(default profile, text of FILE)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cadrekit.h"

static char *read_all(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap + 1);
  while (buf != NULL) {
    size_t got = fread(buf + n, 1, cap - n, f);
    n += got;
    if (n < cap) break;
    char *bigger = realloc(buf, 2 * cap + 1);
    if (bigger == NULL) {
      free(buf);
      buf = NULL;
      break;
    }
    buf = bigger;
    cap *= 2;
  }
  fclose(f);
  if (buf != NULL) {
    buf[n] = '\0';
    *size = n;
  }
  return buf;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: hostile_c OPERATION FILE\n");
    return 1;
  }
  const char *op = argv[1], *path = argv[2];
  int status;
  char *out = NULL;
  ck_policy *p = NULL;
  if (strcmp(op, "policy_load") == 0) {
    status = ck_policy_load(&p, path);
  } else {
    size_t size = 0;
    char *text = read_all(path, &size);
    if (text == NULL) {
      fprintf(stderr, "hostile_c: cannot read %s\n", path);
      return 1;
    }
    if (strcmp(op, "policy_loads") == 0) {
      status = ck_policy_loads(&p, text);
    } else if (strcmp(op, "lrmx") == 0) {
      status = ck_disclosure_record_from_lrmx_json(&out, text, "r");
    } else if (strcmp(op, "lrmx_read") == 0) {
      status = ck_disclosure_lrmx_read_json(&out, text, size, "r");
    } else if (strcmp(op, "tier_json") == 0) {
      ck_policy *d = NULL;
      status = ck_policy_default(&d);
      if (status == CK_OK) status = ck_audit_tier_json(&out, d, text);
      ck_policy_free(d);
    } else {
      fprintf(stderr, "hostile_c: unknown operation %s\n", op);
      free(text);
      return 1;
    }
    free(text);
  }
  printf("status %s\n%s\n", ck_status_name(status), status == CK_OK ? "" : ck_last_error_message());
  ck_free(out);
  ck_policy_free(p);
  return 0;
}
