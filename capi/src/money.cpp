// C ABI: money (int64 fen) and shares. Thin: text in, the C++ core, status out. Outputs are
// written only once everything succeeded, so a failure leaves them untouched.
#include "cadrekit/core/money.hpp"

#include "cadrekit/core/number.hpp"
#include "common.hpp"

using namespace cadrekit;
using namespace cadrekit::capi;

extern "C" {

CK_API int ck_money_parse(int64_t *out_fen, const char *text) {
  if (out_fen == nullptr) return null_argument("out_fen");
  return guard([&] { *out_fen = Money::parse(text_arg(text, "text"), "text").fen(); });
}

CK_API int ck_money_format(char **out, int64_t fen) {
  if (out == nullptr) return null_argument("out");
  return guard([&] { *out = dup_string(Money::from_fen(fen).format()); });
}

CK_API int ck_at_least_share(int64_t *out, int64_t n, const char *share) {
  if (out == nullptr) return null_argument("out");
  return guard([&] { *out = at_least_share(n, Share::parse(text_arg(share, "share"), "share")); });
}

}  // extern "C"
