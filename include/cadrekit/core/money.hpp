// Money: whole fen (0.01 yuan) in an int64, every operation overflow-checked.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "cadrekit/core/number.hpp"

namespace cadrekit {

class Money {
 public:
  constexpr Money() = default;
  static constexpr Money from_fen(std::int64_t fen) { return Money(fen); }
  /// Whole yuan; InvalidInput (code overflow) beyond the int64 fen range.
  static Money from_yuan(std::int64_t yuan);
  /// An exact amount of yuan; it must be a whole number of fen (InvalidInput otherwise).
  static Money from_yuan(const Rational &yuan, std::string_view field = "amount");

  /// Parses yuan as people write them: "7000", "7,000.50", "¥7,000.00", "-12.5", "500万",
  /// "1亿", "1千万", "3.5万", "1,000元". More than two decimals of a yuan, junk, or overflow
  /// is InvalidInput naming `field` (the message never repeats the amount).
  static Money parse(std::string_view text, std::string_view field = "amount");

  constexpr std::int64_t fen() const noexcept { return fen_; }
  /// The exact amount in yuan.
  Rational yuan() const;
  /// "¥7,000.00"; negative amounts "-¥7,000.00".
  std::string format() const;
  /// Plain decimal yuan with two places, "7000.00" / "-0.50": for JSON and Python's Decimal.
  std::string to_decimal_string() const;

  Money operator+(Money o) const;
  Money operator-(Money o) const;
  Money operator-() const;
  Money operator*(std::int64_t k) const;
  Money &operator+=(Money o) { return *this = *this + o; }
  Money &operator-=(Money o) { return *this = *this - o; }
  /// this * r, rounded to the fen as `mode` says (rounding is always explicit).
  Money times(const Rational &r, Rounding mode) const;

  friend constexpr auto operator<=>(Money, Money) = default;

 private:
  constexpr explicit Money(std::int64_t fen) : fen_(fen) {}
  std::int64_t fen_ = 0;
};

}  // namespace cadrekit
