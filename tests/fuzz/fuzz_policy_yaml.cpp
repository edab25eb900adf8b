// Fuzzes the policy profile loader: arbitrary text as a profile (standing alone or extending
// the embedded default), then every read of what it loaded. A PolicyError (or another typed
// cadrekit error) is the expected answer to bad input; anything else is a bug.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/policy.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char *>(data), size);
  try {
    auto p = cadrekit::Policy::loads(text, "fuzz.yaml");
    for (const auto &name : p.parameter_names()) {
      const auto &info = p.info(name);
      for (const auto &v : info.values) {
        (void)p.lookup(name, v.effective_from);
        switch (info.type) {
          case cadrekit::ParamType::integer: (void)p.integer(name, v.effective_from); break;
          case cadrekit::ParamType::decimal: (void)p.decimal(name, v.effective_from); break;
          case cadrekit::ParamType::money: (void)p.money(name, v.effective_from); break;
          case cadrekit::ParamType::share: (void)p.share(name, v.effective_from); break;
          case cadrekit::ParamType::text: (void)p.text(name, v.effective_from); break;
          case cadrekit::ParamType::boolean: (void)p.boolean(name, v.effective_from); break;
        }
      }
    }
  } catch (const cadrekit::Error &) {
  }
  return 0;
}
