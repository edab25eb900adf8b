// Exact numbers: rationals (Boost.Multiprecision cpp_rational), shares such as "35%" or "1:3",
// and explicit rounding. No floating point is used for quotas, ranks or money anywhere.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <boost/multiprecision/cpp_int.hpp>

namespace cadrekit {

using Rational = boost::multiprecision::cpp_rational;

/// How a rational becomes a whole number. There is no default: every call site says which.
enum class Rounding {
  floor,      ///< toward -infinity
  ceil,       ///< toward +infinity
  half_up,    ///< to nearest, halves away from zero (the usual 四舍五入)
  half_even,  ///< to nearest, halves to even
};

/// Rounds `r` to an integer. Throws InvalidInput (code overflow) beyond int64.
std::int64_t round_to_int(const Rational &r, Rounding mode);

/// Parses an exact decimal ("12", "-0.35", "7,000.5") or a fraction ("7/20"). Throws
/// InvalidInput naming `field`; the message does not repeat the text.
Rational parse_decimal(std::string_view text, std::string_view field = "value");

/// Formats `r` as a decimal with exactly `places` digits after the point, rounding half_even
/// only when r has more digits; e.g. 7/20 with 2 places -> "0.35".
std::string format_decimal(const Rational &r, int places);

/// The shortest exact text of `r`: "0.35" when r has a finite decimal expansion, else "1/3".
std::string to_exact_string(const Rational &r);

/// A share or ratio, exact: "35%", "0.35", "7/20", "1:3" (= 1/3), "20%".
class Share {
 public:
  Share() = default;
  explicit Share(Rational value);
  /// Throws InvalidInput naming `field`. Negative shares are rejected.
  static Share parse(std::string_view text, std::string_view field = "share");
  const Rational &value() const noexcept { return value_; }
  /// Exact text, see to_exact_string ("7/20" is written "0.35").
  std::string to_string() const;
  friend bool operator==(const Share &a, const Share &b) { return a.value_ == b.value_; }

 private:
  Rational value_{0};
};

/// "At least `share` of n": ceil(share * n), exactly. 5% of 200 = 10; 35% of 20 = 7;
/// 5% of 206 = 11. n must be >= 0 (InvalidInput otherwise).
std::int64_t at_least_share(std::int64_t n, const Share &share);

}  // namespace cadrekit
