// Private helpers shared by the disclosure sources.
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "cadrekit/disclosure.hpp"

namespace cadrekit::disclosure::detail {

/// "a, b,c" -> {"a","b","c"} (blanks around items dropped, empty items skipped).
std::vector<std::string> split_list(std::string_view text);
/// "enum:a|b" -> {"a","b"}.
std::vector<std::string> enum_values(std::string_view kind);
const FamilyMember *family_member(const Record &r, std::string_view id);

boost::json::value record_value(const Record &r);
/// A JSON array of the strings, in order.
boost::json::array string_array(const std::vector<std::string> &v);
/// Strict parse of a record value: InvalidInput naming the first problem's path.
Record record_from_value(const boost::json::value &v);

}  // namespace cadrekit::disclosure::detail
