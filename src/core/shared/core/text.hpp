// Small text helpers: what core shares with the modules for reading text (policy values, CSV
// rows). Never installed, never seen by users.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cadrekit::text_util {

/// The words of every surface for a NUL character in a text or a key (a C string would end at
/// it): the JSON readers', the command line's tables' and Python's.
inline constexpr const char kNulInText[] = "NUL character in text";

/// Lines of `text`, without their "\n" or "\r\n".
std::vector<std::string_view> split_lines(std::string_view text);
/// Fields separated by `sep` (no quoting, nothing trimmed, empty fields kept).
std::vector<std::string_view> split(std::string_view text, char sep);
/// `line` without a leading UTF-8 byte-order mark.
std::string_view strip_bom(std::string_view line);
/// `s` without leading and trailing ASCII white space.
std::string_view trim(std::string_view s);

/// One item of a `key=value` list such as a rule text ("kind=annual; when=bottom").
struct KeyValue {
  std::string_view key;    ///< trimmed; the whole item when it has no '='
  std::string_view value;  ///< trimmed; empty when the item has no '='
  bool has_equals = false;
};
/// The items of `text` separated by `sep`, each side of the first '=' trimmed; empty items
/// are skipped. Nothing is checked: a caller refuses an item without '=' or a value in its words.
std::vector<KeyValue> key_values(std::string_view text, char sep = ';');

/// Levenshtein distance between two names, by character (UTF-8 decoded).
std::size_t edit_distance(std::string_view a, std::string_view b);
/// The bytes of the UTF-8 character that `lead` begins (1 to 4, by its lead byte alone).
inline std::size_t char_bytes(unsigned char lead) {
  return lead < 0x80 ? 1 : (lead >> 5) == 6 ? 2 : (lead >> 4) == 14 ? 3 : 4;
}
/// The characters of `s` as edit_distance counts them (by their lead bytes).
inline std::size_t char_count(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) i += char_bytes(static_cast<unsigned char>(s[i]));
  return n;
}

/// For "did you mean": the name of `candidates` nearest to `name` (an unknown column or key),
/// fewer than `name.size() / 3 + 1` edits away; of equals the least in byte order. Empty when
/// none is that near. The CLI's unread columns and the JSON readers' unknown members share it.
template <class Names>
std::string nearest_name(std::string_view name, const Names &candidates) {
  std::string_view nearest;
  bool found = false;
  std::size_t best = name.size() / 3 + 1;
  // (the distance is at least the difference of the two lengths in characters: a name that
  // much longer or shorter is not measured — an unread header of a million columns asks for
  // each of them)
  const std::size_t length = char_count(name);
  for (const auto &c : candidates) {
    const std::string_view cand(c);
    const std::size_t other = char_count(cand);
    if ((length > other ? length - other : other - length) > best) continue;
    const std::size_t d = edit_distance(name, cand);
    if (d < best || (d == best && found && cand < nearest)) {
      best = d;
      nearest = cand;
      found = true;
    }
  }
  return std::string(nearest);
}

/// The first eight bytes of `s` as a number that orders as the texts do (big-endian, short
/// texts padded with zeros): when the keys of two texts differ, so do the texts, in that order.
inline std::uint64_t order_key(std::string_view s) noexcept {
  std::uint64_t k = 0;
  for (std::size_t i = 0; i < 8; ++i)
    k = (k << 8) | (i < s.size() ? static_cast<unsigned char>(s[i]) : 0u);
  return k;
}

/// The numbers 0…n-1 in the order of `text(i)` (a std::string_view), as std::string's `<` orders
/// the texts (by byte, unsigned); of equal texts the smaller number first. Each text's first
/// eight bytes are read once into a key, so that most comparisons are of two numbers where each
/// read two texts from wherever they lie (a sort of 10^6 ids by their texts spent a second there).
template <class Text>
std::vector<std::size_t> order_by_text(std::size_t n, Text &&text) {
  struct Item {
    std::uint64_t key;
    std::size_t at;
  };
  std::vector<Item> items(n);
  for (std::size_t i = 0; i < n; ++i) items[i] = {order_key(text(i)), i};
  std::sort(items.begin(), items.end(), [&](const Item &a, const Item &b) {
    if (a.key != b.key) return a.key < b.key;
    const std::string_view ta = text(a.at), tb = text(b.at);
    return ta != tb ? ta < tb : a.at < b.at;
  });
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = items[i].at;
  return order;
}

}  // namespace cadrekit::text_util
