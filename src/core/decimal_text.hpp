// Lexing of decimal numbers as people write them (private to the core: share.cpp, money.cpp).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "cadrekit/core/number.hpp"

namespace cadrekit::detail {

/// Most significant digits a number text may carry before it becomes a Rational. The lexer is
/// linear; converting digits to a big integer is not, so this bounds the work per call.
inline constexpr std::size_t kMaxDecimalDigits = 4096;

/// A syntactically valid decimal: [+|-] digits [. digits], with the integer part either plain
/// ("7000") or in thousands groups ("7,000", "1,234,567"). Digits only, separators removed.
struct DecimalText {
  bool negative = false;
  std::string int_digits;   ///< leading zeros removed ("" for zero)
  std::string frac_digits;  ///< trailing zeros removed ("" for none)
};

/// Lexes `s` (already trimmed) as a decimal; false when it is not one. No exponents, no
/// NaN/Inf, no ".5" or "5.", no misplaced separators.
bool lex_decimal(std::string_view s, DecimalText &out);

/// The exact value of `d`. Throws InvalidInput naming `field` beyond kMaxDecimalDigits.
Rational to_rational(const DecimalText &d, std::string_view field);

/// `s` without leading and trailing ASCII white space and U+3000 (ideographic space).
std::string_view trim_space(std::string_view s);

/// True and `s` shortened when `s` ends with `suffix`.
bool strip_suffix(std::string_view &s, std::string_view suffix);
/// True and `s` shortened when `s` starts with `prefix`.
bool strip_prefix(std::string_view &s, std::string_view prefix);

}  // namespace cadrekit::detail
