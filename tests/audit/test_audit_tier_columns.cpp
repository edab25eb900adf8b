// The columnar tiering kernel (tier_columns) on its own: blocks, absent columns, the first bad
// row named, outputs untouched on failure, parameters outside what TierParams::load admits.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "cadrekit/audit.hpp"
#include "cadrekit/core/errors.hpp"

using namespace cadrekit;
using namespace cadrekit::audit;

namespace {

struct Data {
  std::vector<std::int64_t> budget;
  std::array<std::vector<std::int8_t>, factor_count> factors;
  UnitColumns cols() const {
    UnitColumns uc;
    uc.budget_fen = budget;
    for (std::size_t f = 0; f < factor_count; ++f)
      if (!factors[f].empty()) uc.factors[f] = factors[f];
    return uc;
  }
};

Data tier_data(std::size_t n, const TierParams &p, std::uint64_t seed) {
  Data d;
  std::mt19937_64 rng(seed);
  d.budget.resize(n);
  const std::int64_t edges[] = {0, p.low_max.fen() - 1, p.low_max.fen(), p.low_max.fen() + 1,
                                p.high_min.fen() - 1, p.high_min.fen(), p.high_min.fen() + 1};
  for (auto &b : d.budget)
    b = rng() % 3 == 0 ? edges[rng() % 7] : static_cast<std::int64_t>(rng() % 1000000000);
  for (std::size_t f = 0; f < factor_count; ++f) {
    d.factors[f].resize(n);
    for (auto &v : d.factors[f])
      v = static_cast<std::int8_t>(rng() % static_cast<std::uint64_t>(p.factor_max[f] + 1));
  }
  return d;
}

// The rule written out independently: band points by the budget, Σ weight × value, thresholds.
std::int64_t expected_score(const Data &d, std::size_t i, const TierParams &p) {
  const std::int64_t b = d.budget[i];
  const std::int64_t hi = p.high_min.fen(), lo = p.low_max.fen();
  std::int64_t s;
  if (b > hi || (b == hi && p.boundary_higher))
    s = p.band_points[0];
  else if (b < lo || (b == lo && !p.boundary_higher))
    s = p.band_points[2];
  else
    s = p.band_points[1];
  for (std::size_t f = 0; f < factor_count; ++f)
    if (!d.factors[f].empty()) s += p.factor_weight[f] * d.factors[f][i];
  return s;
}
int expected_level(std::int64_t s, const TierParams &p) {
  return s >= p.level1_min ? 1 : s >= p.level2_min ? 2 : 3;
}

void check_all(const Data &d, const TierParams &p) {
  const std::size_t n = d.budget.size();
  std::vector<std::int8_t> levels(n, 0);
  std::vector<std::int64_t> scores(n, -1);
  tier_columns(d.cols(), p, levels, scores);
  std::vector<std::int8_t> levels_only(n, 0);
  tier_columns(d.cols(), p, levels_only);
  for (std::size_t i = 0; i < n; ++i) {
    const std::int64_t s = expected_score(d, i, p);
    ASSERT_EQ(scores[i], s) << "row " << i;
    ASSERT_EQ(levels[i], expected_level(s, p)) << "row " << i;
    ASSERT_EQ(levels_only[i], levels[i]) << "row " << i;
  }
}

}  // namespace

TEST(AuditTierColumns, SeveralBlocksAndAbsentColumns) {
  const TierParams p = TierParams::load(Policy::default_profile(), make_date(2017, 1, 1));
  Data d = tier_data(10007, p, 11);  // several blocks of the kernel and a partial one
  check_all(d, p);
  d.factors[0].clear();  // absent columns add nothing
  d.factors[4].clear();
  d.factors[8].clear();
  check_all(d, p);
  check_all(tier_data(0, p, 1), p);
  check_all(tier_data(1, p, 2), p);
}

TEST(AuditTierColumns, BoundaryLowerAndParametersBeyondTheProfile) {
  TierParams p = TierParams::load(Policy::default_profile(), make_date(2017, 1, 1));
  p.boundary_higher = false;
  check_all(tier_data(5000, p, 3), p);
  // Weights and points outside what TierParams::load admits take the 64-bit path.
  TierParams big = p;
  big.factor_weight[2] = 3'000'000'000LL;
  big.band_points[0] = 5'000'000'000LL;
  big.level1_min = 4'000'000'000LL;
  big.level2_min = -4'000'000'000LL;
  check_all(tier_data(5000, big, 4), big);
  // A level-2 threshold above the level-1 one: level 1 still wins, as in tier().
  TierParams odd = p;
  odd.level1_min = 10;
  odd.level2_min = 40;
  check_all(tier_data(5000, odd, 5), odd);
}

TEST(AuditTierColumns, FirstBadRowNamedAndOutputsUntouched) {
  const TierParams p = TierParams::load(Policy::default_profile(), make_date(2017, 1, 1));
  const std::size_t n = 6000;
  auto expect_error = [&](const Data &d, const std::string &field, const std::string &row) {
    std::vector<std::int8_t> levels(n, 77);
    std::vector<std::int64_t> scores(n, 12345);
    try {
      tier_columns(d.cols(), p, levels, scores);
      ADD_FAILURE() << "no error";
    } catch (const InvalidInput &e) {
      EXPECT_EQ(e.field(), field);
      EXPECT_EQ(e.record(), "row " + std::to_string(std::stoul(row) + 1));  // index `row`; rows count from 1
    }
    for (std::size_t i = 0; i < n; ++i) {
      ASSERT_EQ(levels[i], 77) << i;
      ASSERT_EQ(scores[i], 12345) << i;
    }
  };
  Data d = tier_data(n, p, 9);
  Data a = d;
  a.factors[6][4500] = static_cast<std::int8_t>(p.factor_max[6] + 1);
  a.budget[5000] = -1;
  expect_error(a, "high_risk_sector", "4500");  // the earlier row wins over the column order
  a.budget[4500] = -5;
  expect_error(a, "budget", "4500");  // within a row, the budget first
  Data b = d;
  b.factors[7][3000] = -1;  // negative factor values are out of range too
  b.factors[2][3001] = 100;
  expect_error(b, "special_need", "3000");
  Data c = d;
  c.factors[1][n - 1] = 127;
  expect_error(c, "special_funds", std::to_string(n - 1));
}
