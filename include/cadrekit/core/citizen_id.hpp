// Citizen ID numbers (居民身份证号码, GB 11643-1999): 18 characters — a 6-digit region code, the
// date of birth YYYYMMDD, a 3-digit sequence (odd = male, even = female) and an ISO 7064
// MOD 11-2 check character (0–9 or upper-case X). Region codes of abolished divisions are
// accepted (Tongliao numbers issued before 1999 begin 1523, 哲里木盟).
// Messages never contain the number itself.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cadrekit/core/date.hpp"
#include "cadrekit/core/person.hpp"

namespace cadrekit {

struct CitizenId {
  std::string region_code;  ///< first six digits
  Date birth_date;
  Sex sex = Sex::male;
};

/// True for a well-formed number with a valid date of birth and check character.
bool is_valid_citizen_id(std::string_view id) noexcept;
/// Parses a valid number; InvalidInput naming `field` and saying which part is wrong
/// (length, characters, province, date of birth, check character).
CitizenId parse_citizen_id(std::string_view id, std::string_view field = "citizen_id");
/// The ISO 7064 MOD 11-2 check character ('0'–'9' or 'X') of the first 17 digits.
char citizen_id_check_char(std::string_view first17);

/// A Tongliao division of GB/T 2260 as the MCA revisions list it (data/codes/
/// gb2260_tongliao_history.csv): the current 1505xx codes and the former 哲里木盟 1523xx codes
/// still found in numbers issued before 1999.
struct RegionEntry {
  std::string code;    ///< "152300"
  std::string name;    ///< "哲里木盟"
  int first_seen = 0;  ///< first MCA revision that lists it (YYYYMM)
  int last_seen = 0;   ///< last MCA revision that lists it (YYYYMM)
};
const std::vector<RegionEntry> &tongliao_regions();
/// The Tongliao division with this six-digit code (current or abolished), or nullptr.
const RegionEntry *tongliao_region(std::string_view code) noexcept;

}  // namespace cadrekit
