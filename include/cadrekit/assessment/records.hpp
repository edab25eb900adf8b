// Assessment records (HORQIN.4): kinds, domains, ratings, methods, periods.
// Part of cadrekit/assessment.hpp (HORQIN); docs/assessment.md.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cadrekit::assessment {

/// Kind of assessment. The numeric values are stable (C ABI batch columns).
enum class Kind : std::uint8_t {
  annual = 0,         ///< 年度综合考核
  key_work = 1,       ///< 重点工作专项考核
  party_conduct = 2,  ///< 党风廉政建设责任制考核
  review = 3,         ///< 人大、纪委组织的部门述职评议或工作评议
};
inline constexpr int kind_count = 4;
/// "annual"|"key_work"|"party_conduct"|"review" or the Chinese name; InvalidInput naming field.
Kind parse_kind(std::string_view text, std::string_view field = "kind");
const char *kind_name(Kind k) noexcept;
const char *kind_name_zh(Kind k) noexcept;

/// The four domains with their own indicators (苏木镇, 街道, 农牧场, 区直部门).
enum class Domain : std::uint8_t { township = 0, subdistrict = 1, farm = 2, department = 3 };
Domain parse_domain(std::string_view text, std::string_view field = "domain");
const char *domain_name(Domain d) noexcept;

/// A rating. Values are stable (C ABI batch columns); `none` = no rating recorded.
enum class Rating : std::uint8_t {
  none = 0,
  excellent = 1,            ///< 优秀
  competent = 2,            ///< 称职
  basically_competent = 3,  ///< 基本称职
  incompetent = 4,          ///< 不称职
  up_to_standard = 5,       ///< 达标
  not_up_to_standard = 6,   ///< 未达标
  satisfied = 7,            ///< 满意
  basically_satisfied = 8,  ///< 基本满意
  unsatisfied = 9,          ///< 不满意
};
inline constexpr int rating_count = 10;
/// The English code or the Chinese word; "" is `none`. InvalidInput naming field otherwise.
Rating parse_rating(std::string_view text, std::string_view field = "rating");
const char *rating_name(Rating r) noexcept;
const char *rating_name_zh(Rating r) noexcept;

/// The six methods of assessment. A record may name several: a set of methods is a byte of
/// flags, method_flag(m) each (the C ABI's batch column holds the same byte).
enum class Method : std::uint8_t {
  reports = 1,       ///< 听述职
  talks = 2,         ///< 找谈话
  rating = 4,        ///< 搞测评
  records = 8,       ///< 查资料
  site_visits = 16,  ///< 看现场
  sampling = 32,     ///< 抽样查
};
/// The flag of `m` in a set of methods.
constexpr std::uint8_t method_flag(Method m) noexcept { return static_cast<std::uint8_t>(m); }
/// The set of two methods; `set | method_flag(m)` adds another.
constexpr std::uint8_t operator|(Method a, Method b) noexcept {
  return static_cast<std::uint8_t>(method_flag(a) | method_flag(b));
}
/// One method by English code ("reports") or Chinese (听述职), as its flag; InvalidInput naming
/// field.
std::uint8_t parse_method(std::string_view text, std::string_view field = "method");
/// Names of the flags set, in the order above.
std::vector<std::string> method_names(std::uint8_t methods);

/// A period: "2015" (a year) or "2015-2" (the 2nd assessment of its kind in 2015). Encoded as
/// year*100 + n (n = 0 for a year), so periods order as integers.
std::int32_t parse_period(std::string_view text, std::string_view field = "period");
std::string period_text(std::int32_t period);
/// Whether `b` directly follows `a`: 2015 → 2016; 2015-2 → 2015-3 or 2016-1.
bool period_follows(std::int32_t a, std::int32_t b) noexcept;

/// One assessment result of a cadre (or of the unit the cadre leads) for one period.
struct Record {
  std::string cadre_id;
  std::string unit_id;
  Domain domain = Domain::township;
  Kind kind = Kind::annual;
  std::int32_t period = 0;     ///< parse_period
  std::string score;           ///< exact decimal text as given, or empty (not used by the rules)
  std::int32_t rank = 0;       ///< 1 = best; 0 = not ranked. Ties share the best place (1,2,2,4).
  std::int32_t group_size = 0; ///< size of the comparison group; 0 when not ranked
  Rating rating = Rating::none;
  std::uint8_t methods = 0;    ///< a set of methods (method_flag)
};
/// Checks one record; InvalidInput naming the field and `record_label`.
void validate(const Record &r, std::string_view record_label);

// ---- JSON form (docs/assessment.md), shared by the C ABI and any JSON client ----


/// A record from its JSON object (members as in the Python contract); InvalidInput naming the
/// member and `record_label`.
Record record_from_json(std::string_view json_object, std::string_view record_label);

}  // namespace cadrekit::assessment
