// Fuzzes the explanation JSON reader (C++ and the C ABI); what it accepts must re-emit to a
// fixed point: to_json(from_json(x)) parses back to the same value.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "cadrekit.h"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/explanation.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  std::string text(reinterpret_cast<const char *>(data), size);
  try {
    auto ex = cadrekit::Explanation::from_json(text);
    auto again = cadrekit::Explanation::from_json(ex.to_json());
    if (!(again == ex)) std::abort();
    (void)ex.to_text("zh");
  } catch (const cadrekit::Error &) {
  }
  char *out = nullptr;
  if (ck_explanation_normalize(&out, text.c_str()) == CK_OK) ck_free(out);
  return 0;
}
