// Exact numbers: parsing decimals and fractions, explicit rounding, shares and quotas.
// No floating point anywhere: every value is a cpp_rational and every rounding says its mode.
// Error messages name the field but never repeat the text (it may be someone's income).
#include <cstdint>
#include <limits>
#include <string>
#include <utility>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/number.hpp"
#include "decimal_text.hpp"

namespace cadrekit {

namespace detail {

namespace {
bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!is_digit(c)) return false;
  return true;
}

// The integer part: plain digits, or groups "1,234,567" (first group 1-3 digits without a
// leading zero, then groups of exactly 3). Appends the digits to `out`.
bool lex_integer_part(std::string_view s, std::string &out) {
  if (s.find(',') == std::string_view::npos) {
    if (!all_digits(s)) return false;
    out.append(s);
    return true;
  }
  std::size_t first = s.find(',');
  std::string_view head = s.substr(0, first);
  if (head.empty() || head.size() > 3 || !all_digits(head) || head.front() == '0') return false;
  out.append(head);
  std::size_t pos = first;
  while (pos != std::string_view::npos) {
    std::size_t next = s.find(',', pos + 1);
    std::string_view group =
        s.substr(pos + 1, next == std::string_view::npos ? std::string_view::npos : next - pos - 1);
    if (group.size() != 3 || !all_digits(group)) return false;
    out.append(group);
    pos = next;
  }
  return true;
}
}  // namespace

bool lex_decimal(std::string_view s, DecimalText &out) {
  DecimalText d;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    d.negative = s.front() == '-';
    s.remove_prefix(1);
  }
  std::size_t dot = s.find('.');
  std::string_view int_part = s.substr(0, dot);
  if (!lex_integer_part(int_part, d.int_digits)) return false;
  if (dot != std::string_view::npos) {
    std::string_view frac = s.substr(dot + 1);
    if (!all_digits(frac)) return false;  // also rejects "5." and a second '.'
    d.frac_digits.assign(frac);
  }
  std::size_t nz = d.int_digits.find_first_not_of('0');
  d.int_digits.erase(0, nz == std::string::npos ? d.int_digits.size() : nz);
  std::size_t last = d.frac_digits.find_last_not_of('0');
  d.frac_digits.resize(last == std::string::npos ? 0 : last + 1);
  out = std::move(d);
  return true;
}

Rational to_rational(const DecimalText &d, std::string_view field) {
  if (d.int_digits.size() + d.frac_digits.size() > kMaxDecimalDigits)
    throw InvalidInput("number has too many digits", std::string(field));
  std::string digits = d.int_digits + d.frac_digits;
  // No leading zero may reach cpp_int: it would read "012" as octal.
  std::size_t nz = digits.find_first_not_of('0');
  if (nz == std::string::npos) return Rational(0);
  digits.erase(0, nz);
  boost::multiprecision::cpp_int num(digits);
  boost::multiprecision::cpp_int den = boost::multiprecision::pow(
      boost::multiprecision::cpp_int(10), static_cast<unsigned>(d.frac_digits.size()));
  if (d.negative) num = -num;
  return Rational(num, den);
}

std::string_view trim_space(std::string_view s) {
  static constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
  auto ascii_ws = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
  };
  for (bool changed = true; changed;) {
    changed = false;
    while (!s.empty() && ascii_ws(s.front())) { s.remove_prefix(1); changed = true; }
    while (!s.empty() && ascii_ws(s.back())) { s.remove_suffix(1); changed = true; }
    if (strip_prefix(s, kIdeographicSpace)) changed = true;
    if (strip_suffix(s, kIdeographicSpace)) changed = true;
  }
  return s;
}

bool strip_suffix(std::string_view &s, std::string_view suffix) {
  if (s.size() < suffix.size() || s.substr(s.size() - suffix.size()) != suffix) return false;
  s.remove_suffix(suffix.size());
  return true;
}

bool strip_prefix(std::string_view &s, std::string_view prefix) {
  if (s.size() < prefix.size() || s.substr(0, prefix.size()) != prefix) return false;
  s.remove_prefix(prefix.size());
  return true;
}

}  // namespace detail

namespace {

using boost::multiprecision::cpp_int;

constexpr const char *kNotShare =
    "not a share (a percentage, a decimal, a fraction a/b or a ratio a:b)";

// r rounded to an integer of any size.
cpp_int round_big(const Rational &r, Rounding mode) {
  const cpp_int &num = boost::multiprecision::numerator(r);
  const cpp_int &den = boost::multiprecision::denominator(r);  // always > 0
  cpp_int q = num / den;                                       // truncates toward zero
  cpp_int rem = num % den;                                     // has the sign of num
  if (rem == 0) return q;
  const int sign = num < 0 ? -1 : 1;
  switch (mode) {
    case Rounding::floor:
      if (sign < 0) q -= 1;
      break;
    case Rounding::ceil:
      if (sign > 0) q += 1;
      break;
    case Rounding::half_up: {
      cpp_int twice = 2 * boost::multiprecision::abs(rem);
      if (twice >= den) q += sign;
      break;
    }
    case Rounding::half_even: {
      cpp_int twice = 2 * boost::multiprecision::abs(rem);
      const bool q_odd = boost::multiprecision::bit_test(cpp_int(boost::multiprecision::abs(q)), 0);
      if (twice > den || (twice == den && q_odd)) q += sign;
      break;
    }
  }
  return q;
}

std::int64_t to_int64(const cpp_int &v, std::string_view field) {
  static const cpp_int lo(std::numeric_limits<std::int64_t>::min());
  static const cpp_int hi(std::numeric_limits<std::int64_t>::max());
  if (v < lo || v > hi)
    throw InvalidInput("result is beyond the 64-bit integer range", std::string(field), {},
                       ErrorCode::overflow);
  return v.convert_to<std::int64_t>();
}

// A plain decimal (no fraction, no sign check) for the parts of "35%" and "1:3".
Rational plain_decimal(std::string_view s, std::string_view field) {
  detail::DecimalText d;
  if (!detail::lex_decimal(detail::trim_space(s), d))
    throw InvalidInput(kNotShare, std::string(field));
  return detail::to_rational(d, field);
}

}  // namespace

std::int64_t round_to_int(const Rational &r, Rounding mode) {
  return to_int64(round_big(r, mode), "value");
}

Rational parse_decimal(std::string_view text, std::string_view field) {
  std::string_view s = detail::trim_space(text);
  if (s.empty()) throw InvalidInput("number is empty", std::string(field));
  std::size_t slash = s.find('/');
  if (slash == std::string_view::npos) {
    detail::DecimalText d;
    if (!detail::lex_decimal(s, d))
      throw InvalidInput("not a decimal number or a fraction", std::string(field));
    return detail::to_rational(d, field);
  }
  // A fraction of integers: [+|-]digits / digits.
  std::string_view num_text = detail::trim_space(s.substr(0, slash));
  std::string_view den_text = detail::trim_space(s.substr(slash + 1));
  detail::DecimalText num, den;
  bool ok = detail::lex_decimal(num_text, num) && num.frac_digits.empty() &&
            num_text.find_first_of(",.") == std::string_view::npos &&
            detail::lex_decimal(den_text, den) && den.frac_digits.empty() &&
            den_text.find_first_not_of("0123456789") == std::string_view::npos;
  if (!ok) throw InvalidInput("not a decimal number or a fraction", std::string(field));
  if (den.int_digits.empty())
    throw InvalidInput("fraction has a zero denominator", std::string(field));
  return detail::to_rational(num, field) / detail::to_rational(den, field);
}

std::string format_decimal(const Rational &r, int places) {
  if (places < 0 || static_cast<std::size_t>(places) > detail::kMaxDecimalDigits)
    throw InvalidInput("decimal places out of range 0..4096", "places", {},
                       ErrorCode::invalid_argument);
  cpp_int scale = boost::multiprecision::pow(cpp_int(10), static_cast<unsigned>(places));
  cpp_int scaled = round_big(r * scale, Rounding::half_even);
  bool negative = scaled < 0;
  std::string digits = cpp_int(boost::multiprecision::abs(scaled)).str();
  if (digits.size() < static_cast<std::size_t>(places) + 1)
    digits.insert(0, static_cast<std::size_t>(places) + 1 - digits.size(), '0');
  if (places > 0) digits.insert(digits.size() - static_cast<std::size_t>(places), 1, '.');
  return negative ? "-" + digits : digits;
}

std::string to_exact_string(const Rational &r) {
  const cpp_int &num = boost::multiprecision::numerator(r);
  cpp_int den = boost::multiprecision::denominator(r);
  unsigned twos = 0, fives = 0;
  while (den % 2 == 0) { den /= 2; ++twos; }
  while (den % 5 == 0) { den /= 5; ++fives; }
  if (den != 1) return num.str() + "/" + boost::multiprecision::denominator(r).str();
  // den = 2^a 5^b: exactly max(a, b) places, and none of them a trailing zero (num and den
  // are coprime), so this is the shortest exact decimal.
  return format_decimal(r, static_cast<int>(twos > fives ? twos : fives));
}

Share::Share(Rational value) : value_(std::move(value)) {
  if (value_ < 0) throw InvalidInput("share is negative", "share");
}

Share Share::parse(std::string_view text, std::string_view field) {
  static constexpr std::string_view kPercent[] = {"%", "\xEF\xBC\x85"};  // %, full-width ％
  static constexpr std::string_view kColon[] = {":", "\xEF\xBC\x9A"};    // :, full-width ：
  std::string_view s = detail::trim_space(text);
  if (s.empty()) throw InvalidInput("share is empty", std::string(field));
  Rational value;
  bool done = false;
  for (std::string_view pct : kPercent) {
    if (detail::strip_suffix(s, pct)) {
      value = plain_decimal(s, field) / 100;
      done = true;
      break;
    }
  }
  for (std::size_t k = 0; !done && k < 2; ++k) {
    std::size_t pos = s.find(kColon[k]);
    if (pos == std::string_view::npos) continue;
    Rational a = plain_decimal(s.substr(0, pos), field);
    Rational b = plain_decimal(s.substr(pos + kColon[k].size()), field);
    if (b == 0) throw InvalidInput("ratio has a zero second term", std::string(field));
    value = a / b;
    done = true;
  }
  if (!done) {
    try {
      value = parse_decimal(s, field);
    } catch (const InvalidInput &e) {
      if (e.code() != ErrorCode::invalid_input) throw;
      throw InvalidInput(kNotShare, std::string(field));
    }
  }
  if (value < 0) throw InvalidInput("share is negative", std::string(field));
  return Share(std::move(value));
}

std::string Share::to_string() const { return to_exact_string(value_); }

std::int64_t at_least_share(std::int64_t n, const Share &share) {
  if (n < 0) throw InvalidInput("count is negative", "n");
  return to_int64(round_big(share.value() * n, Rounding::ceil), "n");
}

}  // namespace cadrekit
