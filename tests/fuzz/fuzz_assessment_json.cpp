// Fuzzes the assessment module's JSON requests: screening, disposal and promotion actions, the
// follow-up request, the composite score, the methods checklist and the audit-finding mapping. Typed cadrekit errors are the expected answer; anything else is a bug.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "cadrekit/assessment.hpp"
#include "cadrekit/core/errors.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  static const cadrekit::Policy policy = cadrekit::Policy::default_profile();
  std::string_view text(reinterpret_cast<const char *>(data), size);
  namespace a = cadrekit::assessment;
  try {
    switch (size % 8) {
      case 0: (void)a::screen_json(text, policy); break;
      case 1: (void)a::disposal_apply_json(std::nullopt, text); break;
      case 2: (void)a::promotion_apply_json(std::nullopt, text, policy); break;
      case 3: (void)a::follow_up_json(text, policy); break;
      case 4: (void)a::composite_json(text, policy); break;
      case 5: (void)a::method_checklist_json(text, policy); break;
      case 6: (void)a::findings_from_audit_json(text); break;
      default: (void)a::DisposalCase::from_json(text); break;
    }
  } catch (const cadrekit::Error &) {
  }
  return 0;
}
