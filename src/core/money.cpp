// Money: whole fen in an int64, parsed from what people write ("¥7,000.50", "500万", "1亿"),
// every operation overflow-checked. Messages never repeat an amount: it may be income.
#include "cadrekit/core/money.hpp"

#include <charconv>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "cadrekit/core/errors.hpp"
#include "decimal_text.hpp"

namespace cadrekit {

namespace {

[[noreturn]] void overflow(std::string_view field) {
  throw InvalidInput("amount is beyond the range of money (int64 fen)", std::string(field), {},
                     ErrorCode::overflow);
}

struct Multiplier {
  std::string_view suffix;
  unsigned zeros;  // the multiplier is 10^zeros
};

// Longest first: "十亿" must win over "亿", "千万" over "万".
constexpr Multiplier kMultipliers[] = {
    {"\xE4\xB8\x87\xE4\xBA\xBF", 12},  // 万亿
    {"\xE5\x8D\x83\xE4\xBA\xBF", 11},  // 千亿
    {"\xE7\x99\xBE\xE4\xBA\xBF", 10},  // 百亿
    {"\xE5\x8D\x81\xE4\xBA\xBF", 9},   // 十亿
    {"\xE5\x8D\x83\xE4\xB8\x87", 7},   // 千万
    {"\xE7\x99\xBE\xE4\xB8\x87", 6},   // 百万
    {"\xE5\x8D\x81\xE4\xB8\x87", 5},   // 十万
    {"\xE4\xBA\xBF", 8},               // 亿
    {"\xE4\xB8\x87", 4},               // 万
    {"\xE5\x8D\x83", 3},               // 千
};
constexpr std::string_view kYuan = "\xE5\x85\x83";                    // 元
constexpr std::string_view kYenSign = "\xC2\xA5";                     // ¥ U+00A5
constexpr std::string_view kFullWidthYenSign = "\xEF\xBF\xA5";        // ￥ U+FFE5
// No example figures in messages: a test checks that a message never repeats an amount.
constexpr std::string_view kNotMoney =
    "not an amount of money (digits with optional thousands separators and at most two "
    "decimals, optionally with ¥, 万/亿 and 元)";

std::string digits_grouped(std::uint64_t v) {
  std::string plain = std::to_string(v);
  std::string out;
  out.reserve(plain.size() + plain.size() / 3);
  for (std::size_t i = 0; i < plain.size(); ++i) {
    if (i > 0 && (plain.size() - i) % 3 == 0) out += ',';
    out += plain[i];
  }
  return out;
}

std::uint64_t magnitude(std::int64_t v) {
  return v < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
}

std::string two_places(std::uint64_t fen) {
  std::uint64_t cents = fen % 100;
  return std::string{'.', static_cast<char>('0' + cents / 10), static_cast<char>('0' + cents % 10)};
}

// The forms most tables hold — an optional sign, 1 to 16 ASCII digits (plain, or grouped by
// thousands as the general reader admits them), optionally a point and one or two digits,
// optionally 万 right after them (then at most 12 digits), nothing around them — read without
// the general reader's copies. Such a text means the same to both readers; any other text gets
// nullopt and goes to the general reader, which also rejects what is malformed.
std::optional<std::int64_t> plain_fen(std::string_view s) noexcept {
  constexpr std::string_view kWan = "\xE4\xB8\x87";  // 万, 10^4
  const bool wan = s.size() > kWan.size() && s.substr(s.size() - kWan.size()) == kWan;
  if (wan) s.remove_suffix(kWan.size());
  const char *p = s.data();
  const char *const end = p + s.size();
  const bool negative = p != end && *p == '-';
  if (p != end && (*p == '-' || *p == '+')) ++p;
  const char *const first = p;
  const auto digit = [](char c) { return static_cast<unsigned>(c - '0'); };  // > 9: not one
  // A first run of digits; then, for "1,234,567", groups of a separator and three digits after
  // a first run of 1-3 digits without a leading zero. At most 16 digits: below 1e18 fen.
  std::uint64_t yuan = 0;  // wraps harmlessly past 19 digits: more than 16 are refused
  while (p != end && digit(*p) < 10) yuan = yuan * 10 + digit(*p++);
  auto digits = static_cast<std::size_t>(p - first);
  if (digits == 0 || digits > 16) return std::nullopt;
  if (p != end && *p == ',') {
    if (digits > 3 || *first == '0') return std::nullopt;
    do {
      if (end - p < 4) return std::nullopt;
      const unsigned a = digit(p[1]), b = digit(p[2]), c = digit(p[3]);
      if ((a > 9) | (b > 9) | (c > 9)) return std::nullopt;
      yuan = yuan * 1000 + a * 100 + b * 10 + c;
      digits += 3;
      p += 4;
    } while (p != end && *p == ',' && digits <= 16);
    if (digits > 16) return std::nullopt;
  }
  std::uint64_t cents = 0;  // one or two decimals after a point, then the end
  switch (end - p) {
    case 0: break;
    case 2:
      if (p[0] != '.' || digit(p[1]) > 9) return std::nullopt;
      cents = digit(p[1]) * 10;
      break;
    case 3:
      if (p[0] != '.' || digit(p[1]) > 9 || digit(p[2]) > 9) return std::nullopt;
      cents = digit(p[1]) * 10 + digit(p[2]);
      break;
    default: return std::nullopt;
  }
  if (wan && digits > 12) return std::nullopt;  // below 1e18 fen once multiplied
  const auto fen = static_cast<std::int64_t>((yuan * 100 + cents) * (wan ? 10000 : 1));
  return negative ? -fen : fen;
}

}  // namespace

Money Money::from_yuan(std::int64_t yuan) {
  std::int64_t fen = 0;
  if (__builtin_mul_overflow(yuan, std::int64_t{100}, &fen)) overflow("amount");
  return Money(fen);
}

Money Money::from_yuan(const Rational &yuan, std::string_view field) {
  Rational fen = yuan * 100;
  if (boost::multiprecision::denominator(fen) != 1)
    throw InvalidInput("amount is not a whole number of fen (more than two decimals of a yuan)",
                       std::string(field));
  const auto &num = boost::multiprecision::numerator(fen);
  if (num < std::numeric_limits<std::int64_t>::min() ||
      num > std::numeric_limits<std::int64_t>::max())
    overflow(field);
  return Money(num.convert_to<std::int64_t>());
}

Money Money::parse(std::string_view text, std::string_view field) {
  if (const auto fen = plain_fen(text)) return Money(*fen);
  const std::string f(field);
  std::string_view s = detail::trim_space(text);
  if (s.empty()) throw InvalidInput("amount is empty", f);

  // [sign] [¥|￥] [sign] number [multiplier] [元]
  bool negative = false;
  bool signed_outside = false;
  if (s.front() == '-' || s.front() == '+') {
    negative = s.front() == '-';
    signed_outside = true;
    s.remove_prefix(1);
  }
  if (detail::strip_prefix(s, kYenSign) || detail::strip_prefix(s, kFullWidthYenSign))
    s = detail::trim_space(s);
  if (detail::strip_suffix(s, kYuan)) s = detail::trim_space(s);
  unsigned zeros = 0;
  for (const Multiplier &m : kMultipliers) {
    if (detail::strip_suffix(s, m.suffix)) {
      zeros = m.zeros;
      s = detail::trim_space(s);
      break;
    }
  }
  if (signed_outside && !s.empty() && (s.front() == '-' || s.front() == '+'))
    throw InvalidInput(std::string(kNotMoney), f);
  detail::DecimalText d;
  if (!detail::lex_decimal(s, d)) throw InvalidInput(std::string(kNotMoney), f);
  negative = negative != d.negative;

  // Fen = digits scaled by 10^(zeros + 2); all of it must be whole.
  const std::size_t scale = zeros + 2;
  if (d.frac_digits.size() > scale)
    throw InvalidInput("amount has more than two decimals of a yuan", f);
  std::string digits = d.int_digits + d.frac_digits;
  digits.append(scale - d.frac_digits.size(), '0');
  std::size_t nz = digits.find_first_not_of('0');
  digits.erase(0, nz == std::string::npos ? digits.size() : nz);
  // 19 digits always fit an uint64 (< 1.8e19); more never fit an int64.
  if (digits.size() > 19) overflow(field);
  std::uint64_t u = 0;
  for (char c : digits) u = u * 10 + static_cast<std::uint64_t>(c - '0');
  const std::uint64_t max = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (u > max + (negative ? 1u : 0u)) overflow(field);
  if (!negative) return Money(static_cast<std::int64_t>(u));
  return Money(u == max + 1 ? std::numeric_limits<std::int64_t>::min()
                            : -static_cast<std::int64_t>(u));
}

Rational Money::yuan() const { return Rational(fen_, 100); }

std::string Money::format() const {
  std::uint64_t u = magnitude(fen_);
  return std::string(fen_ < 0 ? "-" : "") + std::string(kYenSign) + digits_grouped(u / 100) +
         two_places(u);
}

std::string Money::to_decimal_string() const {
  // written into one buffer (a sheet writes millions of amounts): sign, yuan, point, two places
  const std::uint64_t u = magnitude(fen_);
  char buf[32];  // "-" + 20 digits + ".00"
  char *p = buf;
  if (fen_ < 0) *p++ = '-';
  p = std::to_chars(p, buf + sizeof buf, u / 100).ptr;
  *p++ = '.';
  *p++ = static_cast<char>('0' + u / 10 % 10);
  *p++ = static_cast<char>('0' + u % 10);
  return std::string(buf, p);
}

Money Money::operator+(Money o) const {
  std::int64_t r = 0;
  if (__builtin_add_overflow(fen_, o.fen_, &r)) overflow("amount");
  return Money(r);
}

Money Money::operator-(Money o) const {
  std::int64_t r = 0;
  if (__builtin_sub_overflow(fen_, o.fen_, &r)) overflow("amount");
  return Money(r);
}

Money Money::operator-() const {
  std::int64_t r = 0;
  if (__builtin_sub_overflow(std::int64_t{0}, fen_, &r)) overflow("amount");
  return Money(r);
}

Money Money::operator*(std::int64_t k) const {
  std::int64_t r = 0;
  if (__builtin_mul_overflow(fen_, k, &r)) overflow("amount");
  return Money(r);
}

Money Money::times(const Rational &r, Rounding mode) const {
  try {
    return Money(round_to_int(Rational(fen_) * r, mode));
  } catch (const InvalidInput &e) {
    if (e.code() == ErrorCode::overflow) overflow("amount");
    throw;
  }
}

}  // namespace cadrekit
