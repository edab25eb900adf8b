// Fuzzes the audit module's JSON requests (tier, special funds, plan, verify). Typed cadrekit
// errors are the expected answer to bad input; anything else is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cadrekit/audit.hpp"
#include "cadrekit/core/errors.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  static const cadrekit::Policy policy = cadrekit::Policy::default_profile();
  std::string_view text(reinterpret_cast<const char *>(data), size);
  try {
    switch (size % 4) {
      case 0: (void)cadrekit::audit::tier_json(text, policy); break;
      case 1: (void)cadrekit::audit::special_funds_json(text, policy); break;
      case 2: (void)cadrekit::audit::plan_json(text, policy); break;
      default: (void)cadrekit::audit::verify_json(text, policy); break;
    }
  } catch (const cadrekit::Error &) {
  }
  return 0;
}
