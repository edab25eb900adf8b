// UTF-8 validation: every text input of cadrekit must be well-formed UTF-8.
#pragma once

#include <string_view>

namespace cadrekit {

/// True when `s` is well-formed UTF-8 (no overlong forms, no surrogates, <= U+10FFFF).
bool is_valid_utf8(std::string_view s) noexcept;

}  // namespace cadrekit
