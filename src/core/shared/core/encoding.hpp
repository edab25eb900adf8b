// Text encodings the library reads besides UTF-8 (private): GB18030 (of which GBK and GB2312,
// what Chinese Windows and Excel write, are subsets) and UTF-16. Every function works on the
// caller's bytes and reports the offset of the first byte it cannot decode; none of them throws.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace cadrekit::detail {

/// Offset of the first byte of `s` that is not part of well-formed UTF-8 (no overlong forms, no
/// surrogates, nothing above U+10FFFF), or npos.
std::size_t first_invalid_utf8(std::string_view s) noexcept;

/// Appends the UTF-8 form of `in` (GB18030 bytes) to `out`. False when a byte sequence is not
/// GB18030 (or the system's iconv cannot convert from it: `*bad` is then npos); `*bad` is the
/// offset of the first undecodable byte and `out` is left as it was.
bool gb18030_to_utf8(std::string_view in, std::string &out, std::size_t *bad);

/// Appends the UTF-8 form of `in` (UTF-16, without a byte-order mark) to `out`. False for an odd
/// length or an unpaired surrogate, with `*bad` its byte offset and `out` left as it was.
bool utf16_to_utf8(std::string_view in, bool big_endian, std::string &out, std::size_t *bad);

/// The 1-based line of byte `offset` in `text` (lines end with "\n").
std::size_t line_of_offset(std::string_view text, std::size_t offset) noexcept;

/// Appends code point `cp` (<= U+10FFFF, not a surrogate) to `out` as UTF-8.
void append_utf8(std::string &out, char32_t cp);

/// Decodes the code point at `s[*i]` (well-formed UTF-8 assumed; a stray byte comes back as
/// itself) and advances `*i` past it.
char32_t next_code_point(std::string_view s, std::size_t *i) noexcept;

}  // namespace cadrekit::detail
