// Citizen ID numbers (GB 11643-1999). One checker returns what is wrong; is_valid_citizen_id
// uses it without exceptions, parse_citizen_id turns it into a message that says which part is
// wrong and never repeats the number (nor any of its digits).
#include "cadrekit/core/citizen_id.hpp"

#include <array>
#include <charconv>

#include "cadrekit/core/errors.hpp"
#include "embedded.hpp"
#include "core/text.hpp"

namespace cadrekit {

namespace {

enum class Problem {
  none,
  non_ascii,       // full-width digits, Chinese text…
  length,
  digits,          // one of the first 17 characters is not a digit
  lowercase_x,     // the check character is 'x'
  check_form,      // the check character is neither a digit nor 'X'
  province,        // the first two digits are not a province code
  date,            // YYYYMMDD is not a calendar date
  date_range,      // the year is outside 1900..2099
  check_mismatch,  // the check character does not match
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Province-level codes of GB/T 2260 (and 83, used in residence-permit numbers of Taiwan
// residents; 81/82 likewise for Hong Kong and Macao).
bool is_province(int pp) {
  switch (pp) {
    case 11: case 12: case 13: case 14: case 15:
    case 21: case 22: case 23:
    case 31: case 32: case 33: case 34: case 35: case 36: case 37:
    case 41: case 42: case 43: case 44: case 45: case 46:
    case 50: case 51: case 52: case 53: case 54:
    case 61: case 62: case 63: case 64: case 65:
    case 71: case 81: case 82: case 83:
      return true;
    default:
      return false;
  }
}

// ISO 7064 MOD 11-2 over 17 digits (checked by the caller).
char check_char_of(std::string_view first17) {
  int sum = 0;
  int weight = 1;  // 2^(17-i) mod 11, built from the right: i = 16 has weight 2
  for (std::size_t k = 17; k-- > 0;) {
    weight = (weight * 2) % 11;
    sum += (first17[k] - '0') * weight;
  }
  int check = (12 - sum % 11) % 11;
  return check == 10 ? 'X' : static_cast<char>('0' + check);
}

int num(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// Does not throw when `out` is null.
Problem check(std::string_view id, CitizenId *out) {
  for (char c : id)
    if (static_cast<unsigned char>(c) >= 0x80) return Problem::non_ascii;
  if (id.size() != 18) return Problem::length;
  for (std::size_t i = 0; i < 17; ++i)
    if (!is_digit(id[i])) return Problem::digits;
  char last = id[17];
  if (last == 'x') return Problem::lowercase_x;
  if (!is_digit(last) && last != 'X') return Problem::check_form;
  if (!is_province(num(id.substr(0, 2)))) return Problem::province;
  int y = num(id.substr(6, 4)), m = num(id.substr(10, 2)), d = num(id.substr(12, 2));
  if (y < 1900 || y > 2099) return Problem::date_range;
  if (m < 1 || m > 12 || d < 1 ||
      d > boost::gregorian::gregorian_calendar::end_of_month_day(
              static_cast<unsigned short>(y), static_cast<unsigned short>(m)))
    return Problem::date;
  if (check_char_of(id.substr(0, 17)) != last) return Problem::check_mismatch;
  if (out != nullptr) {
    out->region_code.assign(id.substr(0, 6));
    out->birth_date = Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                           static_cast<unsigned short>(d));
    out->sex = (id[16] - '0') % 2 == 1 ? Sex::male : Sex::female;
  }
  return Problem::none;
}

std::string message_of(Problem p, std::string_view id) {
  switch (p) {
    case Problem::non_ascii:
      return "a citizen ID number is written with ASCII digits and X only (no full-width or "
             "other characters)";
    case Problem::length:
      return "a citizen ID number has 18 characters, this one has " +
             std::to_string(id.size());  // ASCII here
    case Problem::digits:
      return "the first 17 characters of a citizen ID number must be digits";
    case Problem::lowercase_x:
      return "the check character (18th) must be a digit or an upper-case X, not a lower-case x";
    case Problem::check_form:
      return "the check character (18th) must be a digit or an upper-case X";
    case Problem::province:
      return "the region code (characters 1-6) does not begin with a GB/T 2260 province code";
    case Problem::date:
      return "the date of birth (characters 7-14) is not a valid calendar date";
    case Problem::date_range:
      return "the date of birth (characters 7-14) is outside the years 1900-2099";
    case Problem::check_mismatch:
      return "the check character (18th) does not match the first 17 digits "
             "(ISO 7064 MOD 11-2): a character is mistyped";
    case Problem::none:
      break;
  }
  return "internal error";
}

std::vector<RegionEntry> load_tongliao_regions() {
  std::vector<RegionEntry> out;
  bool seen_header = false;
  for (std::string_view line : text_util::split_lines(embedded::gb2260_tongliao_history_csv_text())) {
    line = text_util::trim(text_util::strip_bom(line));
    if (line.empty() || line.front() == '#') continue;
    if (!seen_header) {
      seen_header = true;
      continue;
    }
    auto f = text_util::split(line, ',');
    if (f.size() != 4 || f[0].size() != 6)
      throw Error(ErrorCode::internal, "embedded code list is malformed: gb2260_tongliao_history");
    RegionEntry e{std::string(f[0]), std::string(f[1]), 0, 0};
    std::from_chars(f[2].data(), f[2].data() + f[2].size(), e.first_seen);
    std::from_chars(f[3].data(), f[3].data() + f[3].size(), e.last_seen);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace

bool is_valid_citizen_id(std::string_view id) noexcept { return check(id, nullptr) == Problem::none; }

CitizenId parse_citizen_id(std::string_view id, std::string_view field) {
  CitizenId out;
  Problem p = check(id, &out);
  if (p != Problem::none) throw InvalidInput(message_of(p, id), std::string(field));
  return out;
}

char citizen_id_check_char(std::string_view first17) {
  if (first17.size() != 17)
    throw InvalidInput("the check character is computed from exactly 17 digits", "first17");
  for (char c : first17)
    if (!is_digit(c))
      throw InvalidInput("the check character is computed from exactly 17 digits", "first17");
  return check_char_of(first17);
}

const std::vector<RegionEntry> &tongliao_regions() {
  static const std::vector<RegionEntry> list = load_tongliao_regions();
  return list;
}

const RegionEntry *tongliao_region(std::string_view code) noexcept {
  try {
    for (const RegionEntry &e : tongliao_regions())
      if (e.code == code) return &e;
  } catch (...) {
  }
  return nullptr;
}

}  // namespace cadrekit
