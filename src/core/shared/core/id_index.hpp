// Indexes of ids by open addressing: what the pay sheet (src/village/pay.cpp) and the command
// line's tables (TextIndex) find ids with, and the set of 64-bit keys (KeySet) the command line
// finds a second record of one cadre, kind and period with. Header-only; never installed.
//
// No input may make them quadratic. A table of ids made to collide under the hash (the hashes
// are not keyed, so a file can be written to collide) would put every id on one run of slots, and
// each look-up would walk it. An id that finds no free slot within kMaxProbe slots of where its
// hash points is kept in an ordered map instead, where it is found by a few comparisons; ids that
// do not collide never reach it. Slots are only ever filled, so an id placed in the slots lies
// before the first free slot of its run, and one in the map lies past kMaxProbe full slots: a
// look-up that meets a free slot within kMaxProbe needs no map.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cadrekit/core/errors.hpp"

namespace cadrekit::text_util {

/// The slots an index follows from an id's first slot before it looks in its ordered map.
inline constexpr std::size_t kMaxProbe = 64;

/// Whether two ids hold the same bytes: an id of a few characters compared by one or two loads
/// of each, without a call (the pay sheet compares millions of ids with the village found last).
inline bool same_id(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  const char *x = a.data(), *y = b.data();
  auto load8 = [](const char *p) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
  };
  auto load4 = [](const char *p) {
    std::uint32_t w;
    std::memcpy(&w, p, 4);
    return w;
  };
  if (n >= 8)  // the first and the last 8 bytes (overlapping when shorter than 16), then the middle
    return load8(x) == load8(y) && load8(x + n - 8) == load8(y + n - 8) &&
           (n <= 16 || std::memcmp(x + 8, y + 8, n - 16) == 0);
  if (n >= 4) return load4(x) == load4(y) && load4(x + n - 4) == load4(y + n - 4);
  for (std::size_t i = 0; i < n; ++i)
    if (x[i] != y[i]) return false;
  return true;
}

/// FNV-1a with a final mix: the pay sheet's hash of an id.
inline std::size_t fnv_hash(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  h ^= h >> 29;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 32;
  return static_cast<std::size_t>(h);
}

/// The rows of a table's ids, found by id without holding the ids: `key(row)` gives row's id,
/// whose view the index keeps only for an id in its map (it must stay valid while the index
/// lives). Each slot holds row + 1 (0 = empty) in its low 32 bits and the high 32 bits of the id's
/// hash in its high ones: a slot of another id is passed over on its hash, without fetching
/// that id's text (the slots and the texts are larger than the cache, and read at random).
class IdIndex {
 public:
  using Hash = std::size_t (*)(std::string_view);
  /// Room for `n` ids; `hash` is fnv_hash but in tests.
  explicit IdIndex(std::size_t n, Hash hash = &fnv_hash) : hash_(hash) {
    std::size_t cap = 16;
    while (cap < 2 * n + 1) cap <<= 1;
    slots_.assign(cap, 0);
    mask_ = cap - 1;
  }
  std::size_t hash(std::string_view id) const { return hash_(id); }
  /// The row of `id`, or inserts `row` and returns -1.
  template <class Key>
  std::int32_t find_or_insert(std::string_view id, std::int32_t row, const Key &key) {
    return find_or_insert(id, hash(id), row, key);
  }
  /// The same, of an id whose hash(id) the caller has (and has prefetched its slot with).
  template <class Key>
  std::int32_t find_or_insert(std::string_view id, std::size_t hashed, std::int32_t row, const Key &key) {
    const std::uint64_t t = tag(hashed);
    std::size_t h = hashed & mask_;
    for (std::size_t k = 0; k < kMaxProbe; ++k, h = (h + 1) & mask_) {
      const std::uint64_t s = slots_[h];
      if (s == 0) {
        slots_[h] = t | (static_cast<std::uint64_t>(row) + 1);
        return -1;
      }
      if ((s & kTagBits) == t && same_id(key(row_of(s)), id)) return row_of(s);
    }
    const auto [it, fresh] = overflow_.emplace(id, row);
    return fresh ? -1 : it->second;
  }
  /// The row of `id`, or -1.
  template <class Key>
  std::int32_t find(std::string_view id, const Key &key) const {
    const std::size_t hashed = hash(id);
    const std::uint64_t t = tag(hashed);
    std::size_t h = hashed & mask_;
    for (std::size_t k = 0; k < kMaxProbe; ++k, h = (h + 1) & mask_) {
      const std::uint64_t s = slots_[h];
      if (s == 0) return -1;
      if ((s & kTagBits) == t && same_id(key(row_of(s)), id)) return row_of(s);
    }
    const auto it = overflow_.find(id);
    return it == overflow_.end() ? -1 : it->second;
  }
  /// Brings into the cache the slot where an id of this hash is first looked for.
  void prefetch(std::size_t hashed) const { __builtin_prefetch(&slots_[hashed & mask_]); }

 private:
  static constexpr std::uint64_t kTagBits = 0xFFFFFFFF00000000ull;
  static std::uint64_t tag(std::size_t hashed) { return static_cast<std::uint64_t>(hashed) & kTagBits; }
  static std::int32_t row_of(std::uint64_t slot) { return static_cast<std::int32_t>((slot & 0xFFFFFFFFull) - 1); }
  Hash hash_;
  std::vector<std::uint64_t> slots_;
  std::size_t mask_ = 0;
  std::map<std::string_view, std::int32_t> overflow_;
};

/// Texts numbered in the order first inserted, found by their bytes: 4-byte slots over views of
/// the texts, which must outlive the index (a table's cells). The command line numbers a large
/// table's ids with it, where a node-based set of strings costs tens of bytes an id.
class TextIndex {
 public:
  using Hash = std::size_t (*)(std::string_view);
  /// Room for `expected` texts before the table grows; `hash` is std::hash but in tests.
  explicit TextIndex(std::size_t expected = 0, Hash hash = &std_hash) : hash_(hash) {
    texts_.reserve(expected);
    std::size_t slots = 16;
    while (slots < 2 * expected) slots <<= 1;
    rehash(slots);
  }
  /// The number of `text`, and whether it is new (then numbered size() - 1). InvalidInput
  /// (field `field`) past 2^32 - 2 texts.
  std::pair<std::uint32_t, bool> insert(std::string_view text, std::string_view field = "id") {
    std::size_t h = hash_(text) & mask_;
    std::size_t k = 0;
    for (; k < kMaxProbe && slots_[h] != 0; ++k, h = (h + 1) & mask_)
      if (texts_[slots_[h] - 1] == text) return {slots_[h] - 1, false};
    if (k == kMaxProbe)
      if (const auto it = overflow_.find(text); it != overflow_.end()) return {it->second, false};
    if (texts_.size() >= UINT32_MAX - 1)
      throw InvalidInput("more distinct texts than can be numbered", std::string(field));
    const auto number = static_cast<std::uint32_t>(texts_.size());
    texts_.push_back(text);
    if (k < kMaxProbe)
      slots_[h] = number + 1;
    else
      overflow_.emplace(text, number);
    if (2 * texts_.size() > slots_.size()) rehash(2 * slots_.size());  // at most half full
    return {number, true};
  }
  /// The number of `text`, or -1.
  std::int64_t find(std::string_view text) const {
    std::size_t h = hash_(text) & mask_;
    for (std::size_t k = 0; k < kMaxProbe; ++k, h = (h + 1) & mask_) {
      if (slots_[h] == 0) return -1;
      if (texts_[slots_[h] - 1] == text) return slots_[h] - 1;
    }
    const auto it = overflow_.find(text);
    return it == overflow_.end() ? std::int64_t{-1} : std::int64_t{it->second};
  }
  std::size_t size() const noexcept { return texts_.size(); }
  std::string_view operator[](std::size_t i) const { return texts_[i]; }
  const std::vector<std::string_view> &texts() const noexcept { return texts_; }
  /// The texts, by number, for a caller done finding them: the slots are freed.
  std::vector<std::string_view> take_texts() && {
    std::vector<std::uint32_t>().swap(slots_);
    overflow_.clear();
    return std::move(texts_);
  }

 private:
  static std::size_t std_hash(std::string_view s) { return std::hash<std::string_view>{}(s); }
  void rehash(std::size_t slots) {
    slots_.assign(slots, 0);
    mask_ = slots - 1;
    overflow_.clear();
    for (std::size_t i = 0; i < texts_.size(); ++i) {
      std::size_t h = hash_(texts_[i]) & mask_;
      std::size_t k = 0;
      for (; k < kMaxProbe && slots_[h] != 0; ++k) h = (h + 1) & mask_;
      if (k < kMaxProbe)
        slots_[h] = static_cast<std::uint32_t>(i + 1);
      else
        overflow_.emplace(texts_[i], static_cast<std::uint32_t>(i));
    }
  }
  Hash hash_;
  std::vector<std::string_view> texts_;
  std::vector<std::uint32_t> slots_;  ///< number + 1; 0 = empty
  std::size_t mask_ = 0;
  std::map<std::string_view, std::uint32_t> overflow_;
};

/// splitmix64's finaliser: KeySet's hash of a key, and the finaliser of the hashes with which
/// Python's natural calls number texts (python/src/factorize.cpp).
inline std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

/// A set of 64-bit keys (a record's cadre number, kind and period packed in one): 8 bytes a slot,
/// where a node-based set of the same key as a tuple of strings and numbers costs some 70 bytes.
/// A key is placed as an id is in the indexes above (kMaxProbe slots, then an ordered set).
class KeySet {
 public:
  using Hash = std::uint64_t (*)(std::uint64_t);
  /// Room for `expected` keys before the table grows; `hash` is mix64 but in tests.
  explicit KeySet(std::size_t expected = 0, Hash hash = &mix64) : hash_(hash) {
    std::size_t slots = 16;
    while (slots < 2 * expected) slots <<= 1;
    slots_.assign(slots, 0);
    mask_ = slots - 1;
  }
  /// Whether `key` is new; it is in the set afterwards.
  bool insert(std::uint64_t key) {
    if (key == kMax) {
      if (has_max_) return false;
      has_max_ = true;
      ++size_;
      return true;
    }
    std::size_t h = hash_(key) & mask_;
    std::size_t k = 0;
    for (; k < kMaxProbe && slots_[h] != 0; ++k, h = (h + 1) & mask_)
      if (slots_[h] == key + 1) return false;
    if (k == kMaxProbe && !overflow_.insert(key).second) return false;
    if (k < kMaxProbe) slots_[h] = key + 1;
    if (2 * ++size_ > slots_.size()) grow();  // at most half full
    return true;
  }
  bool contains(std::uint64_t key) const {
    if (key == kMax) return has_max_;
    std::size_t h = hash_(key) & mask_;
    for (std::size_t k = 0; k < kMaxProbe; ++k, h = (h + 1) & mask_) {
      if (slots_[h] == 0) return false;
      if (slots_[h] == key + 1) return true;
    }
    return overflow_.count(key) != 0;
  }
  std::size_t size() const noexcept { return size_; }
  /// The keys kept in the ordered set: those whose hash put them past kMaxProbe full slots.
  std::size_t kept_apart() const noexcept { return overflow_.size(); }

 private:
  // A slot holds its key + 1 (0: empty); the one key that cannot be so held is a flag.
  static constexpr std::uint64_t kMax = ~std::uint64_t{0};
  void grow() {
    std::vector<std::uint64_t> keys(overflow_.begin(), overflow_.end());
    for (const std::uint64_t s : slots_)
      if (s != 0) keys.push_back(s - 1);
    slots_.assign(2 * slots_.size(), 0);
    mask_ = slots_.size() - 1;
    overflow_.clear();
    for (const std::uint64_t key : keys) {
      std::size_t h = hash_(key) & mask_;
      std::size_t k = 0;
      for (; k < kMaxProbe && slots_[h] != 0; ++k) h = (h + 1) & mask_;
      if (k < kMaxProbe)
        slots_[h] = key + 1;
      else
        overflow_.insert(key);
    }
  }
  Hash hash_;
  std::vector<std::uint64_t> slots_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
  bool has_max_ = false;
  std::set<std::uint64_t> overflow_;
};

}  // namespace cadrekit::text_util
