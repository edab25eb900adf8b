// Money and shares, C++ surface. The golden table tests/golden/money_cases.csv is shared with
// the C test (tests/capi/test_money.c) and the Python test (python/tests/test_money.py).
#include <gtest/gtest.h>

#include <cctype>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/money.hpp"
#include "cadrekit/core/number.hpp"

using namespace cadrekit;

namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

// ---- the golden table -------------------------------------------------------------------

struct Case {
  int line = 0;
  std::string kind, input, n, expected, error, note;
};

// One CSV record (RFC 4180 quoting: "a,b" and "" inside quotes; no newlines in fields).
std::vector<std::string> split_csv(const std::string &line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        out.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        out.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

std::vector<Case> load_cases() {
  std::ifstream in(CADREKIT_SOURCE_DIR "/tests/golden/money_cases.csv", std::ios::binary);
  std::vector<Case> cases;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (number == 1 || line.empty()) continue;  // header
    auto f = split_csv(line);
    if (f.size() != 6) {
      ADD_FAILURE() << "money_cases.csv line " << number << ": " << f.size() << " fields";
      continue;
    }
    cases.push_back({number, f[0], f[1], f[2], f[3], f[4], f[5]});
  }
  return cases;
}

const std::vector<Case> &cases() {
  static const std::vector<Case> all = load_cases();
  return all;
}

std::int64_t to_i64(const std::string &s) { return std::stoll(s); }

// The input as a user typed it, without the spaces around it (the no-echo check looks for it).
std::string trimmed(const std::string &s) {
  std::size_t a = s.find_first_not_of(" \t");
  if (a == std::string::npos) return {};
  return s.substr(a, s.find_last_not_of(" \t") - a + 1);
}

std::string digits_of(const std::string &s) {
  std::string d;
  for (char c : s)
    if (c >= '0' && c <= '9') d += c;
  return d;
}

// An error message must not repeat the input: neither the text nor (from 3 digits on) its
// figures. Only inputs holding a digit are checked: "¥" alone may well appear in a message.
void expect_no_echo(const std::string &what, const std::string &input) {
  std::string t = trimmed(input);
  std::string d = digits_of(t);
  if (d.empty()) return;
  EXPECT_EQ(what.find(t), std::string::npos) << "message repeats the input: " << what;
  if (d.size() >= 3) {
    EXPECT_EQ(what.find(d), std::string::npos) << "message repeats the figures: " << what;
  }
}

// Runs f, which must throw InvalidInput with the error code named `code`.
template <class F>
void expect_error(F &&f, const std::string &code, const std::string &input) {
  try {
    f();
    ADD_FAILURE() << "no error; expected " << code;
  } catch (const InvalidInput &e) {
    EXPECT_EQ(error_code_name(e.code()), code) << e.what();
    EXPECT_FALSE(e.field().empty()) << "the message names no field: " << e.what();
    expect_no_echo(e.what(), input);
  }
}

void check_case(const Case &c) {
  SCOPED_TRACE("money_cases.csv line " + std::to_string(c.line) + ": " + c.kind + " '" + c.input +
               "' " + c.note);
  if (c.kind == "money_parse") {
    if (c.error.empty()) {
      Money m = Money::parse(c.input);
      EXPECT_EQ(m.fen(), to_i64(c.expected));
      // The exact yuan agree with the fen, and the decimal form parses back to the same.
      EXPECT_EQ(m.yuan() * 100, Rational(to_i64(c.expected)));
      EXPECT_EQ(Money::parse(m.to_decimal_string()), m);
      EXPECT_EQ(Money::parse(m.format()), m);
    } else {
      expect_error([&] { Money::parse(c.input, "income"); }, c.error, c.input);
    }
  } else if (c.kind == "money_format") {
    Money m = Money::from_fen(to_i64(c.input));
    EXPECT_EQ(m.format(), c.expected);
    EXPECT_EQ(Money::parse(c.expected).fen(), to_i64(c.input));
  } else if (c.kind == "at_least_share") {
    if (c.error.empty()) {
      EXPECT_EQ(at_least_share(to_i64(c.n), Share::parse(c.input)), to_i64(c.expected));
    } else {
      expect_error([&] { at_least_share(to_i64(c.n), Share::parse(c.input)); }, c.error, c.input);
    }
  } else if (c.kind == "share_parse") {
    if (c.error.empty()) {
      Share s = Share::parse(c.input);
      EXPECT_EQ(s.to_string(), c.expected);
      EXPECT_EQ(s.value(), parse_decimal(c.expected));
    } else {
      expect_error([&] { Share::parse(c.input); }, c.error, c.input);
    }
  } else {
    ADD_FAILURE() << "unknown kind " << c.kind;
  }
}

// Every row of one kind; the table is read when the test runs, so a new row needs no rebuild.
// A row that throws unexpectedly is reported with its line and the others still run.
void check_kind(const std::string &kind) {
  int rows = 0;
  for (const Case &c : cases()) {
    if (c.kind != kind) continue;
    ++rows;
    try {
      check_case(c);
    } catch (const std::exception &e) {
      ADD_FAILURE() << "money_cases.csv line " << c.line << ": unexpected exception " << e.what();
    }
  }
  EXPECT_GT(rows, 0) << "no " << kind << " rows in money_cases.csv";
}

TEST(MoneyTable, MoneyParse) { check_kind("money_parse"); }
TEST(MoneyTable, MoneyFormat) { check_kind("money_format"); }
TEST(MoneyTable, AtLeastShare) { check_kind("at_least_share"); }
TEST(MoneyTable, ShareParse) { check_kind("share_parse"); }

TEST(MoneyTableFile, HoldsEveryKindAndTheSourceFigures) {
  int parse = 0, format = 0, share = 0, quota = 0, errors = 0;
  bool v206 = false, u20 = false, u28 = false, wan500 = false, yi1 = false;
  for (const Case &c : cases()) {
    parse += c.kind == "money_parse";
    format += c.kind == "money_format";
    share += c.kind == "share_parse";
    quota += c.kind == "at_least_share";
    errors += !c.error.empty();
    EXPECT_TRUE(c.kind == "money_parse" || c.kind == "money_format" || c.kind == "share_parse" ||
                c.kind == "at_least_share")
        << "line " << c.line << ": unknown kind " << c.kind;
    EXPECT_NE(c.expected.empty(), c.error.empty()) << "line " << c.line << ": expected xor error";
    v206 |= c.kind == "at_least_share" && c.input == "5%" && c.n == "206" && c.expected == "11";
    u20 |= c.kind == "at_least_share" && c.input == "35%" && c.n == "20" && c.expected == "7";
    u28 |= c.kind == "at_least_share" && c.input == "20%" && c.n == "28" && c.expected == "6";
    wan500 |= c.kind == "money_parse" && c.input == "500万" && c.expected == "500000000";
    yi1 |= c.kind == "money_parse" && c.input == "1亿" && c.expected == "10000000000";
  }
  EXPECT_GT(parse, 20);
  EXPECT_GT(format, 5);
  EXPECT_GT(share, 5);
  EXPECT_GT(quota, 10);
  EXPECT_GT(errors, 20);
  EXPECT_TRUE(v206 && u20 && u28 && wan500 && yi1);
}

// ---- rounding -----------------------------------------------------------------------------

struct RoundRow {
  const char *value;
  std::int64_t floor, ceil, half_up, half_even;
};

TEST(Rounding, AllFourModes) {
  // Worked by hand; halves are where the modes differ.
  const RoundRow rows[] = {
      {"2.5", 2, 3, 3, 2},     {"3.5", 3, 4, 4, 4},     {"-2.5", -3, -2, -3, -2},
      {"-3.5", -4, -3, -4, -4}, {"2.4", 2, 3, 2, 2},     {"2.6", 2, 3, 3, 3},
      {"-2.4", -3, -2, -2, -2}, {"-2.6", -3, -2, -3, -3}, {"7", 7, 7, 7, 7},
      {"-7", -7, -7, -7, -7},   {"0", 0, 0, 0, 0},       {"1/3", 0, 1, 0, 0},
      {"-1/3", -1, 0, 0, 0},    {"1/2", 0, 1, 1, 0},     {"-1/2", -1, 0, -1, 0},
      {"10.3", 10, 11, 10, 10}, {"5.6", 5, 6, 6, 6},     {"7/20", 0, 1, 0, 0},
  };
  for (const RoundRow &r : rows) {
    SCOPED_TRACE(r.value);
    Rational x = parse_decimal(r.value);
    EXPECT_EQ(round_to_int(x, Rounding::floor), r.floor);
    EXPECT_EQ(round_to_int(x, Rounding::ceil), r.ceil);
    EXPECT_EQ(round_to_int(x, Rounding::half_up), r.half_up);
    EXPECT_EQ(round_to_int(x, Rounding::half_even), r.half_even);
  }
}

TEST(Rounding, Int64EdgesAndOverflow) {
  const Rational max(kMax), min(kMin);
  EXPECT_EQ(round_to_int(max, Rounding::ceil), kMax);
  EXPECT_EQ(round_to_int(min, Rounding::floor), kMin);
  EXPECT_EQ(round_to_int(max + Rational(1, 2), Rounding::floor), kMax);
  EXPECT_EQ(round_to_int(min - Rational(1, 2), Rounding::ceil), kMin);
  for (Rounding mode : {Rounding::floor, Rounding::ceil, Rounding::half_up, Rounding::half_even}) {
    expect_error([&] { round_to_int(max + 1, mode); }, "overflow", "");
    expect_error([&] { round_to_int(min - 1, mode); }, "overflow", "");
  }
  expect_error([&] { round_to_int(max + Rational(1, 2), Rounding::ceil); }, "overflow", "");
  expect_error([&] { round_to_int(max + Rational(1, 2), Rounding::half_up); }, "overflow", "");
  // kMax is odd and kMin even: half_even goes up past kMax, but stays on kMin.
  expect_error([&] { round_to_int(max + Rational(1, 2), Rounding::half_even); }, "overflow", "");
  EXPECT_EQ(round_to_int(min - Rational(1, 2), Rounding::half_even), kMin);
  expect_error([&] { round_to_int(min - Rational(1, 2), Rounding::half_up); }, "overflow", "");
}

// ---- parse_decimal, format_decimal, to_exact_string ---------------------------------------

TEST(ParseDecimal, AcceptedForms) {
  EXPECT_EQ(parse_decimal("12"), Rational(12));
  EXPECT_EQ(parse_decimal("-0.35"), Rational(-35, 100));
  EXPECT_EQ(parse_decimal("7,000.5"), Rational(70005, 10));
  EXPECT_EQ(parse_decimal("1,234,567"), Rational(1234567));
  EXPECT_EQ(parse_decimal("7/20"), Rational(7, 20));
  EXPECT_EQ(parse_decimal("-7/20"), Rational(-7, 20));
  EXPECT_EQ(parse_decimal(" 3 / 9 "), Rational(1, 3));
  EXPECT_EQ(parse_decimal("+4"), Rational(4));
  EXPECT_EQ(parse_decimal("000.500"), Rational(1, 2));
  EXPECT_EQ(parse_decimal("-0"), Rational(0));
  // Digits after the point that look octal or are not octal digits at all.
  EXPECT_EQ(parse_decimal("0.012"), Rational(12, 1000));
  EXPECT_EQ(parse_decimal("0.08"), Rational(8, 100));
  EXPECT_EQ(parse_decimal("-0.0090"), Rational(-9, 1000));
  EXPECT_EQ(parse_decimal("010"), Rational(10));
  EXPECT_EQ(parse_decimal("010/012"), Rational(10, 12));
  // Far beyond int64 is fine for a rational.
  EXPECT_EQ(parse_decimal("123456789012345678901234567890"),
            Rational(boost::multiprecision::cpp_int("123456789012345678901234567890")));
}

TEST(ParseDecimal, RejectedForms) {
  for (const char *bad : {"", "  ", "abc", "1e5", "1E5", "1.5e3", "NaN", "nan", "inf", "-inf",
                          "Infinity", "0x10", "5.", ".5", "1..2", "7,00", "70,00,000", ",7",
                          "7,", "1,000,00", "01,000", "1 000", "--1", "+-1", "1/0", "1/-2",
                          "1.5/2", "1/2.5", "1,000/3", "1/2/3", "/2", "2/", "12%", "1:3",
                          "１２", "½"}) {
    SCOPED_TRACE(bad);
    expect_error([&] { parse_decimal(bad, "rate"); }, "invalid_input", bad);
    try {
      parse_decimal(bad, "rate");
    } catch (const InvalidInput &e) {
      EXPECT_EQ(e.field(), "rate");
    }
  }
}

TEST(ParseDecimal, BoundsTheWorkOnHugeText) {
  std::string ok(4096, '9');
  EXPECT_EQ(parse_decimal(ok), Rational(boost::multiprecision::cpp_int(ok)));
  std::string too_long(4097, '9');
  expect_error([&] { parse_decimal(too_long); }, "invalid_input", too_long);
  std::string leading_zeros = std::string(100000, '0') + "1";  // zeros cost nothing
  EXPECT_EQ(parse_decimal(leading_zeros), Rational(1));
}

TEST(FormatDecimal, PlacesAndHalfEven) {
  EXPECT_EQ(format_decimal(Rational(7, 20), 2), "0.35");
  EXPECT_EQ(format_decimal(Rational(7, 20), 4), "0.3500");
  EXPECT_EQ(format_decimal(Rational(1, 3), 4), "0.3333");
  EXPECT_EQ(format_decimal(Rational(2, 3), 2), "0.67");
  EXPECT_EQ(format_decimal(Rational(1, 8), 2), "0.12");  // 0.125: half to even
  EXPECT_EQ(format_decimal(Rational(3, 8), 2), "0.38");  // 0.375: half to even
  EXPECT_EQ(format_decimal(Rational(-3, 8), 2), "-0.38");
  EXPECT_EQ(format_decimal(Rational(-1, 3), 0), "0");  // no "-0"
  EXPECT_EQ(format_decimal(Rational(-1, 3), 2), "-0.33");
  EXPECT_EQ(format_decimal(Rational(-2, 3), 0), "-1");
  EXPECT_EQ(format_decimal(Rational(5), 2), "5.00");
  EXPECT_EQ(format_decimal(Rational(12345, 10), 0), "1234");  // 1234.5: half to even
  EXPECT_EQ(format_decimal(Rational(1, 100), 1), "0.0");
  expect_error([] { format_decimal(Rational(1), -1); }, "invalid_argument", "");
}

TEST(ToExactString, FiniteDecimalsElseFraction) {
  EXPECT_EQ(to_exact_string(Rational(7, 20)), "0.35");
  EXPECT_EQ(to_exact_string(Rational(1, 3)), "1/3");
  EXPECT_EQ(to_exact_string(Rational(-1, 3)), "-1/3");
  EXPECT_EQ(to_exact_string(Rational(1, 6)), "1/6");
  EXPECT_EQ(to_exact_string(Rational(12)), "12");
  EXPECT_EQ(to_exact_string(Rational(0)), "0");
  EXPECT_EQ(to_exact_string(Rational(1, 8)), "0.125");
  EXPECT_EQ(to_exact_string(Rational(-5, 2)), "-2.5");
  EXPECT_EQ(to_exact_string(Rational(1, 1024)), "0.0009765625");
  EXPECT_EQ(to_exact_string(Rational(6, 5)), "1.2");
  // Round trip through parse_decimal for a grid of fractions.
  for (int p = -30; p <= 30; ++p)
    for (int q = 1; q <= 40; ++q)
      EXPECT_EQ(parse_decimal(to_exact_string(Rational(p, q))), Rational(p, q));
}

// ---- shares ---------------------------------------------------------------------------------

TEST(Share, ValueTypeAndNegatives) {
  EXPECT_EQ(Share().value(), Rational(0));
  EXPECT_EQ(Share::parse("35%"), Share(Rational(7, 20)));
  EXPECT_EQ(Share::parse("1:3").to_string(), "1/3");
  expect_error([] { Share(Rational(-1, 3)); }, "invalid_input", "");
  try {
    Share::parse("-5%", "audit_share");
    ADD_FAILURE();
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "audit_share");
  }
}

TEST(AtLeastShare, MatchesIntegerCeilingOnAGrid) {
  // Oracle independent of the code under test: ceil(p*n/q) = (p*n + q - 1) / q in integers.
  for (std::int64_t q = 1; q <= 40; ++q)
    for (std::int64_t p = 0; p <= 2 * q; ++p)
      for (std::int64_t n = 0; n <= 250; n += 7) {
        Share s(Rational(p, q));
        ASSERT_EQ(at_least_share(n, s), (p * n + q - 1) / q) << p << "/" << q << " of " << n;
      }
  // Percentages as data staff write them.
  for (int pct = 0; pct <= 100; ++pct)
    for (std::int64_t n : {0, 1, 19, 20, 28, 200, 206, 1000}) {
      Share s = Share::parse(std::to_string(pct) + "%");
      ASSERT_EQ(at_least_share(n, s), (pct * n + 99) / 100) << pct << "% of " << n;
    }
}

TEST(AtLeastShare, NegativeCountAndOverflow) {
  expect_error([] { at_least_share(-1, Share::parse("5%")); }, "invalid_input", "");
  expect_error([] { at_least_share(kMax, Share::parse("3:2")); }, "overflow", "");
  EXPECT_EQ(at_least_share(kMax, Share::parse("1")), kMax);
  EXPECT_EQ(at_least_share(kMax, Share::parse("0%")), 0);
}

// ---- Money ----------------------------------------------------------------------------------

TEST(Money, ArithmeticIsOverflowChecked) {
  Money a = Money::parse("7,000.50"), b = Money::parse("0.50");
  EXPECT_EQ((a + b).fen(), 700100);
  EXPECT_EQ((a - b).fen(), 700000);
  EXPECT_EQ((-a).fen(), -700050);
  EXPECT_EQ((a * 3).fen(), 2100150);
  Money c = a;
  c += b;
  c -= Money::from_fen(100);
  EXPECT_EQ(c.fen(), 700000);
  EXPECT_LT(b, a);
  EXPECT_EQ(Money(), Money::from_fen(0));

  const Money max = Money::from_fen(kMax), min = Money::from_fen(kMin), one = Money::from_fen(1);
  expect_error([&] { (void)(max + one); }, "overflow", "");
  expect_error([&] { (void)(min - one); }, "overflow", "");
  expect_error([&] { (void)(-min); }, "overflow", "");
  expect_error([&] { (void)(max * 2); }, "overflow", "");
  expect_error([&] { (void)(min * -1); }, "overflow", "");
  expect_error([&] { Money m = max; m += one; }, "overflow", "");
  EXPECT_EQ((-max).fen(), kMin + 1);
}

TEST(Money, FromYuan) {
  EXPECT_EQ(Money::from_yuan(std::int64_t{7000}).fen(), 700000);
  EXPECT_EQ(Money::from_yuan(std::int64_t{-3}).fen(), -300);
  expect_error([] { Money::from_yuan(kMax / 100 + 1); }, "overflow", "");
  EXPECT_EQ(Money::from_yuan(Rational(70005, 10)).fen(), 700050);
  EXPECT_EQ(Money::from_yuan(Rational(1, 4)).fen(), 25);
  expect_error([] { Money::from_yuan(Rational(1, 3)); }, "invalid_input", "");
  expect_error([] { Money::from_yuan(Rational(1, 1000)); }, "invalid_input", "");
  expect_error([] { Money::from_yuan(Rational(kMax)); }, "overflow", "");
  EXPECT_EQ(Money::from_fen(12345).yuan(), Rational(12345, 100));
  EXPECT_EQ(Money::from_fen(kMin).yuan() * 100, Rational(kMin));
}

TEST(Money, TimesRoundsAsTold) {
  struct Row {
    std::int64_t fen;
    Rational r;
    std::int64_t floor, ceil, half_up, half_even;
  };
  const Row rows[] = {
      {10001, Rational(1, 3), 3333, 3334, 3334, 3334},  // 3333.67
      {5, Rational(1, 2), 2, 3, 3, 2},                   // 2.5
      {-5, Rational(1, 2), -3, -2, -3, -2},              // -2.5
      {7, Rational(1, 2), 3, 4, 4, 4},                   // 3.5
      {400000, Rational(7, 20), 140000, 140000, 140000, 140000},
      {100, Rational(-1, 3), -34, -33, -33, -33},        // -33.33
  };
  for (const Row &row : rows) {
    Money m = Money::from_fen(row.fen);
    EXPECT_EQ(m.times(row.r, Rounding::floor).fen(), row.floor);
    EXPECT_EQ(m.times(row.r, Rounding::ceil).fen(), row.ceil);
    EXPECT_EQ(m.times(row.r, Rounding::half_up).fen(), row.half_up);
    EXPECT_EQ(m.times(row.r, Rounding::half_even).fen(), row.half_even);
  }
  expect_error([] { Money::from_fen(kMax).times(Rational(2), Rounding::floor); }, "overflow", "");
  EXPECT_EQ(Money::from_fen(kMax).times(Rational(1), Rounding::floor).fen(), kMax);
}

TEST(Money, FormatParseRoundTripOverManyAmounts) {
  // A fixed linear congruential sequence (no clock, no randomness): amounts of every size.
  std::uint64_t x = 0x2545F4914F6CDD1DULL;
  for (int i = 0; i < 20000; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    int shift = i % 64;
    std::int64_t fen = static_cast<std::int64_t>(x >> shift);
    if (i % 2) fen = fen == kMin ? kMax : -fen;
    Money m = Money::from_fen(fen);
    ASSERT_EQ(Money::parse(m.format()), m) << m.format();
    ASSERT_EQ(Money::parse(m.to_decimal_string()), m) << m.to_decimal_string();
    ASSERT_EQ(Money::from_yuan(m.yuan()), m);
  }
}

// A text without surrounding space may be read by the direct reader of plain and grouped
// amounts; the same text after a space always goes through the general reader (which trims
// it). Both must give the same amount, or both reject it: every text of up to 5 units
// of the characters those readers look at, and longer ones from a fixed sequence.
TEST(Money, PlainAmountsReadAsTheGeneralReaderReadsThem) {
  // 万 is three bytes and one unit here; its first byte alone is a unit too
  static const std::string kChars[] = {"0", "1", "5", "9", ",", ".", "-", "+", "x",
                                       "\xE4\xB8\x87", "\xE4"};
  constexpr std::size_t k = std::size(kChars);
  auto same = [](const std::string &t) {
    std::optional<std::int64_t> direct, general;
    try { direct = Money::parse(t).fen(); } catch (const InvalidInput &) {}
    try { general = Money::parse(" " + t).fen(); } catch (const InvalidInput &) {}
    EXPECT_EQ(direct, general) << "text: " << t;
    return direct.has_value();
  };
  int accepted = 0;
  std::string t;
  for (std::size_t len = 1; len <= 5; ++len) {
    std::size_t total = 1;
    for (std::size_t i = 0; i < len; ++i) total *= k;
    for (std::size_t code = 0; code < total; ++code) {
      t.clear();
      for (std::size_t c = code, i = 0; i < len; ++i, c /= k) t += kChars[c % k];
      accepted += same(t) ? 1 : 0;
    }
  }
  std::uint64_t x = 0x9E3779B97F4A7C15ULL;
  for (int i = 0; i < 200000; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    t.clear();
    for (std::uint64_t c = x, len = 7 + (x >> 59); t.size() < len; c = c * 31 + 7)
      t += kChars[(c >> 33) % k];
    accepted += same(t) ? 1 : 0;
  }
  EXPECT_GT(accepted, 1000);  // the sequence reaches many amounts, not only rejects
}

TEST(Money, DecimalString) {
  EXPECT_EQ(Money::from_fen(700000).to_decimal_string(), "7000.00");
  EXPECT_EQ(Money::from_fen(-50).to_decimal_string(), "-0.50");
  EXPECT_EQ(Money::from_fen(5).to_decimal_string(), "0.05");
  EXPECT_EQ(Money::from_fen(0).to_decimal_string(), "0.00");
  EXPECT_EQ(Money::from_fen(kMin).to_decimal_string(), "-92233720368547758.08");
}

// ---- error messages never repeat the input --------------------------------------------------

TEST(ErrorMessages, NeverRepeatTheInput) {
  // Amounts that look like someone's income, each malformed or out of range in its own way.
  const char *amounts[] = {"123456.789",           "98,765.4321",           "4567.8912345万",
                           "¥31,415.926",          "27182,81",              "8675309e2",
                           "99999999999999999999", "-88888888888888888888", "12 345",
                           "54321.0.1",            "977777777亿",           "¥¥1234",
                           "1234/5678",            "6543210元元"};
  for (const char *a : amounts) {
    SCOPED_TRACE(a);
    try {
      Money::parse(a, "income");
      ADD_FAILURE() << "accepted";
    } catch (const Error &e) {
      EXPECT_EQ(e.field(), "income");
      std::string what = e.what();
      EXPECT_EQ(what.find(a), std::string::npos) << what;
      EXPECT_EQ(what.find(digits_of(a).substr(0, 4)), std::string::npos) << what;
    }
  }
  const char *numbers[] = {"123456.789e3", "98,76", "4567..891", "31415926/0", "271828%%"};
  for (const char *a : numbers) {
    SCOPED_TRACE(a);
    for (int surface = 0; surface < 2; ++surface) {
      try {
        if (surface == 0) parse_decimal(a, "ratio");
        else Share::parse(a, "ratio");
        ADD_FAILURE() << "accepted";
      } catch (const Error &e) {
        std::string what = e.what();
        EXPECT_EQ(what.find(a), std::string::npos) << what;
        EXPECT_EQ(what.find(digits_of(a).substr(0, 4)), std::string::npos) << what;
      }
    }
  }
}

}  // namespace
