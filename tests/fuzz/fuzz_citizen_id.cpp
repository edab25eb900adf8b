// Fuzzes citizen ID parsing on both surfaces; validity must agree with parse success.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "cadrekit.h"
#include "cadrekit/core/citizen_id.hpp"
#include "cadrekit/core/errors.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  std::string text(reinterpret_cast<const char *>(data), size);
  bool valid = cadrekit::is_valid_citizen_id(text);
  bool parsed = true;
  try {
    (void)cadrekit::parse_citizen_id(text);
  } catch (const cadrekit::Error &) {
    parsed = false;
  }
  if (valid != parsed) std::abort();  // the two entry points disagree
  ck_date birth = 0;
  int sex = 0;
  (void)ck_citizen_id_is_valid(text.c_str());
  (void)ck_citizen_id_parse(&birth, &sex, text.c_str());
  return 0;
}
