// Fuzzes the cadre record's JSON reader and the C ABI's person summary.
#include <cstddef>
#include <cstdint>
#include <string>

#include "cadrekit.h"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/person_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  std::string text(reinterpret_cast<const char *>(data), size);
  try {
    auto p = cadrekit::person_from_json(text);
    (void)cadrekit::person_from_json(cadrekit::person_to_json(p));
  } catch (const cadrekit::Error &) {
  }
  char *out = nullptr;
  ck_date as_of = 17066;  // 2016-09-22
  if (ck_person_summary_json(&out, text.c_str(), as_of) == CK_OK) ck_free(out);
  return 0;
}
