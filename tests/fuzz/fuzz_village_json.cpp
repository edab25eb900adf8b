// Fuzzes the village module's JSON requests (pay sheet and selection). Typed cadrekit errors are
// the expected answer to bad input; anything else (a crash, another exception, a sanitizer
// report) is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/policy.hpp"
#include "cadrekit/village.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  static const cadrekit::Policy policy = cadrekit::Policy::default_profile();
  std::string_view text(reinterpret_cast<const char *>(data), size);
  try {
    (void)cadrekit::village::pay_sheet_json(text, policy);
  } catch (const cadrekit::Error &) {
  }
  try {
    (void)cadrekit::village::selection_json(text, policy);
  } catch (const cadrekit::Error &) {
  }
  return 0;
}
