#include "core/encoding.hpp"

#include <iconv.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

#include "cadrekit/core/utf8.hpp"

namespace cadrekit::detail {

std::size_t first_invalid_utf8(std::string_view s) noexcept {
  std::size_t i = 0;
  while (i < s.size()) {
    // ASCII, the most of a table, eight bytes at a time
    std::uint64_t word = 0;
    while (i + sizeof word <= s.size() && (std::memcpy(&word, s.data() + i, sizeof word), (word & 0x8080808080808080ULL) == 0))
      i += sizeof word;
    if (i >= s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    const std::size_t len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size() || !is_valid_utf8(s.substr(i, len))) return i;
    i += len;
  }
  return std::string_view::npos;
}

bool gb18030_to_utf8(std::string_view in, std::string &out, std::size_t *bad) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    *bad = std::string_view::npos;
    return false;
  }
  const std::size_t start = out.size();
  // A GB18030 character of n bytes is at most 4 UTF-8 bytes and never more than 2n (a 2-byte
  // character is 3 UTF-8 bytes, a 4-byte one 4): twice the input always fits.
  out.resize(start + in.size() * 2 + 4);
  char *src = const_cast<char *>(in.data());
  std::size_t src_left = in.size();
  char *dst = out.data() + start;
  std::size_t dst_left = out.size() - start;
  bool ok = true;
  while (src_left > 0) {
    if (iconv(cd, &src, &src_left, &dst, &dst_left) == static_cast<std::size_t>(-1)) {
      if (errno == E2BIG) {
        const std::size_t used = static_cast<std::size_t>(dst - out.data());
        out.resize(out.size() * 2);
        dst = out.data() + used;
        dst_left = out.size() - used;
        continue;
      }
      *bad = static_cast<std::size_t>(src - in.data());
      ok = false;
      break;
    }
  }
  iconv_close(cd);
  if (!ok) {
    out.resize(start);
    return false;
  }
  out.resize(static_cast<std::size_t>(dst - out.data()));
  return true;
}

bool utf16_to_utf8(std::string_view in, bool big_endian, std::string &out, std::size_t *bad) {
  const std::size_t start = out.size();
  auto unit = [&](std::size_t i) -> char32_t {
    const auto a = static_cast<unsigned char>(in[i]), b = static_cast<unsigned char>(in[i + 1]);
    return big_endian ? static_cast<char32_t>(a << 8 | b) : static_cast<char32_t>(b << 8 | a);
  };
  out.reserve(start + in.size() + in.size() / 2);
  std::size_t i = 0;
  for (; i + 1 < in.size(); i += 2) {
    char32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 3 >= in.size()) break;
      const char32_t low = unit(i + 2);
      if (low < 0xDC00 || low > 0xDFFF) break;
      u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
      i += 2;
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      break;
    }
    append_utf8(out, u);
  }
  if (i < in.size()) {
    *bad = i;
    out.resize(start);
    return false;
  }
  return true;
}

std::size_t line_of_offset(std::string_view text, std::size_t offset) noexcept {
  std::size_t n = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i)
    if (text[i] == '\n') ++n;
  return n;
}

void append_utf8(std::string &out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

char32_t next_code_point(std::string_view s, std::size_t *i) noexcept {
  const auto c = static_cast<unsigned char>(s[*i]);
  const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (len == 1 || *i + len > s.size()) {
    ++*i;
    return c;
  }
  char32_t cp = len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[*i + k]) & 0x3F);
  *i += len;
  return cp;
}

}  // namespace cadrekit::detail
