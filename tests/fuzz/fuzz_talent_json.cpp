// Fuzzes the talent module's JSON requests: pools, pool changes, team structure, gaps and
// postings. Typed cadrekit errors are the expected answer; anything else is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/talent.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  static const cadrekit::Policy policy = cadrekit::Policy::default_profile();
  std::string_view text(reinterpret_cast<const char *>(data), size);
  namespace t = cadrekit::talent;
  try {
    switch (size % 5) {
      case 0: (void)t::pools_json(text, policy); break;
      case 1: (void)t::pool_changes_json(text, policy); break;
      case 2: (void)t::team_structure_json(text, policy); break;
      case 3: (void)t::gaps_json(text, policy); break;
      default: (void)t::postings_json(text, policy); break;
    }
  } catch (const cadrekit::Error &) {
  }
  return 0;
}
