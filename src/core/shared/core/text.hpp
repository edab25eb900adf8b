// Small text helpers shared by the core's parsers (private).
#pragma once

#include <string_view>
#include <vector>

namespace cadrekit::detail {

/// Lines of `text`, without their "\n" or "\r\n".
std::vector<std::string_view> split_lines(std::string_view text);
/// Fields separated by `sep` (no quoting).
std::vector<std::string_view> split(std::string_view text, char sep);
/// `line` without a leading UTF-8 byte-order mark.
std::string_view strip_bom(std::string_view line);
/// `s` without leading and trailing ASCII white space.
std::string_view trim(std::string_view s);

}  // namespace cadrekit::detail
