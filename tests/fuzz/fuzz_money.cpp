// Fuzzes every parser of exact numbers: Money::parse, Share::parse, parse_decimal, and the
// C ABI's ck_money_parse / ck_at_least_share. Typed errors are fine; crashes, other exceptions
// and sanitizer reports are bugs.
#include <cstddef>
#include <cstdint>
#include <string>

#include "cadrekit.h"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/money.hpp"
#include "cadrekit/core/number.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  std::string text(reinterpret_cast<const char *>(data), size);
  try {
    auto m = cadrekit::Money::parse(text);
    (void)m.format();
    (void)cadrekit::Money::parse(m.to_decimal_string());
  } catch (const cadrekit::Error &) {
  }
  try {
    auto s = cadrekit::Share::parse(text);
    (void)cadrekit::at_least_share(static_cast<std::int64_t>(size) * 1000, s);
    (void)s.to_string();
  } catch (const cadrekit::Error &) {
  }
  try {
    auto r = cadrekit::parse_decimal(text);
    (void)cadrekit::to_exact_string(r);
    (void)cadrekit::round_to_int(r, cadrekit::Rounding::half_even);
  } catch (const cadrekit::Error &) {
  }
  std::int64_t out = 0;
  (void)ck_money_parse(&out, text.c_str());
  (void)ck_at_least_share(&out, 206, text.c_str());
  return 0;
}
