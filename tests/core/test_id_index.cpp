// The indexes of ids (src/core/shared/core/id_index.hpp): numbering and look-ups agree with an
// ordered map (KeySet's with an ordered set), with their own hash and with hashes that put every
// id on one slot or on a few, as a file written to collide would; and the ids an IdIndex reads
// and the slots a KeySet reads are bounded by kMaxProbe a look-up (without the bound, a hundred
// thousand ids on one slot are some 3·10^9 comparisons, and the TextIndex's part alone takes a
// minute).
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/id_index.hpp"

using cadrekit::text_util::IdIndex;
using cadrekit::text_util::KeySet;
using cadrekit::text_util::same_id;
using cadrekit::text_util::TextIndex;

namespace {

std::size_t std_hash(std::string_view s) { return std::hash<std::string_view>{}(s); }  // TextIndex's own
std::size_t one_slot(std::string_view) { return 42; }
std::size_t few_slots(std::string_view s) { return s.empty() ? 0 : static_cast<unsigned char>(s.back()) % 3; }

std::vector<std::string> ids(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back("C" + std::to_string(rng() % (2 * n)));
  return out;  // about one in five given twice
}

void text_index_agrees(TextIndex::Hash hash, std::size_t n) {
  const auto given = ids(n, 7);
  TextIndex index(0, hash);  // grows (and places every id again) many times
  std::map<std::string, std::uint32_t> expect;
  for (const auto &id : given) {
    const auto [number, fresh] = index.insert(id);
    const auto [it, first] = expect.emplace(id, static_cast<std::uint32_t>(expect.size()));
    ASSERT_EQ(fresh, first) << id;
    ASSERT_EQ(number, it->second) << id;
  }
  ASSERT_EQ(index.size(), expect.size());
  for (const auto &[id, number] : expect) {
    ASSERT_EQ(index.find(id), number) << id;
    ASSERT_EQ(index[number], id);
  }
  EXPECT_EQ(index.find("X"), -1);
  EXPECT_EQ(index.find("C"), -1);
  const auto texts = std::move(index).take_texts();
  ASSERT_EQ(texts.size(), expect.size());
  for (const auto &[id, number] : expect) EXPECT_EQ(texts[number], id);
}

void id_index_agrees(IdIndex::Hash hash, std::size_t n, std::size_t room) {
  const auto given = ids(n, 11);
  IdIndex index(room, hash);
  std::size_t compared = 0;    // ids read from slots whose hash matched
  auto key = [&](std::int32_t row) {
    ++compared;
    return std::string_view(given[static_cast<std::size_t>(row)]);
  };
  std::map<std::string, std::int32_t> expect;
  for (std::size_t row = 0; row < given.size(); ++row) {
    const std::int32_t found = index.find_or_insert(given[row], static_cast<std::int32_t>(row), key);
    const auto [it, first] = expect.emplace(given[row], static_cast<std::int32_t>(row));
    ASSERT_EQ(found, first ? -1 : it->second) << given[row];
  }
  for (const auto &[id, row] : expect) ASSERT_EQ(index.find(id, key), row) << id;
  EXPECT_EQ(index.find("X", key), -1);
  // at most 64 slots' ids read a look-up (kMaxProbe), however the hash falls (n^2 / 2 unbounded)
  EXPECT_LE(compared, (given.size() + expect.size() + 1) * 64);
}

std::uint64_t one_key_slot(std::uint64_t) { return 42; }

void key_set_agrees(KeySet::Hash hash, std::size_t n, std::size_t room) {
  std::mt19937_64 rng(5);
  KeySet set(room, hash);
  std::set<std::uint64_t> expect;
  // packed as the command line packs a record (cadre << 32 | kind << 24 | period), and the keys
  // no slot can hold as key + 1 (0 and the largest)
  std::vector<std::uint64_t> keys{0, ~std::uint64_t{0}, ~std::uint64_t{0} - 1, 0};
  for (std::size_t i = 0; i < n; ++i)
    keys.push_back((rng() % n) << 32 | (rng() % 4) << 24 | (2010 + rng() % 8) * 100);
  for (const std::uint64_t key : keys) ASSERT_EQ(set.insert(key), expect.insert(key).second) << key;
  ASSERT_EQ(set.size(), expect.size());
  for (const std::uint64_t key : expect) ASSERT_TRUE(set.contains(key)) << key;
  EXPECT_FALSE(set.contains(1));
  EXPECT_FALSE(set.contains(std::uint64_t{1} << 63));
}

}  // namespace

TEST(IdIndex, KeySetAgreesWithASet) {
  key_set_agrees(&cadrekit::text_util::mix64, 200000, 0);  // grows many times
  key_set_agrees(&cadrekit::text_util::mix64, 50000, 50000);
  key_set_agrees(&one_key_slot, 50000, 50000);
}

TEST(IdIndex, KeySetProbesAreBounded) {
  // Every key on one slot: the first kMaxProbe keys fill the run of slots, every other one is
  // kept in the ordered set after reading those slots (unbounded, 100,000 keys on one run would
  // be 5·10^9 slot reads, and none in the set).
  KeySet set(0, &one_key_slot);
  const std::size_t n = 100000;
  for (std::uint64_t k = 0; k < n; ++k) ASSERT_TRUE(set.insert(k * 7919));
  for (std::uint64_t k = 0; k < n; ++k) ASSERT_FALSE(set.insert(k * 7919));
  EXPECT_EQ(set.size(), n);
  EXPECT_EQ(set.kept_apart(), n - cadrekit::text_util::kMaxProbe);
  KeySet mixed(n);
  for (std::uint64_t k = 0; k < n; ++k) ASSERT_TRUE(mixed.insert(k));
  EXPECT_EQ(mixed.kept_apart(), 0u);
}

TEST(IdIndex, TextIndexAgreesWithAMap) {
  text_index_agrees(&std_hash, 50000);
  text_index_agrees(&few_slots, 20000);
  text_index_agrees(&one_slot, 100000);
}

TEST(IdIndex, IdIndexAgreesWithAMap) {
  id_index_agrees(&cadrekit::text_util::fnv_hash, 50000, 50000);
  id_index_agrees(&few_slots, 20000, 20000);
  if (HasFailure()) return;  // (unbounded, the next would not end: the ids read above say so)
  id_index_agrees(&one_slot, 100000, 100000);
  id_index_agrees(&cadrekit::text_util::fnv_hash, 50000, 8000);  // more ids than slots
}

TEST(IdIndex, SameIdComparesEveryByte) {
  // ids of 1 to 40 bytes against the same id with one byte changed, at every place
  for (std::size_t n = 1; n <= 40; ++n) {
    std::string a;
    for (std::size_t i = 0; i < n; ++i) a += static_cast<char>('a' + i % 26);
    EXPECT_TRUE(same_id(a, std::string(a)));
    EXPECT_FALSE(same_id(a, a + "x"));
    for (std::size_t i = 0; i < n; ++i) {
      std::string b = a;
      b[i] = static_cast<char>(b[i] ^ 1);
      EXPECT_FALSE(same_id(a, b)) << n << " " << i;
    }
  }
}
