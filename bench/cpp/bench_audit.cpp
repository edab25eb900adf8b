// Audit (HOLINGOL): columnar tiering of 10,000,000 units, and a plan for 100,000 units over
// 5 years. Targets (issue #5): under 1 s and under 2 s in C++ on one core.
#include <benchmark/benchmark.h>

#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "cadrekit/audit.hpp"

namespace {

using namespace cadrekit;
using namespace cadrekit::audit;

struct Columns {
  std::vector<std::int64_t> budget;
  std::array<std::vector<std::int8_t>, factor_count> factors;
};

const Columns &columns(std::size_t n) {
  static Columns c = [n] {
    Columns out;
    std::mt19937_64 rng(2016);
    out.budget.resize(n);
    for (auto &b : out.budget) b = static_cast<std::int64_t>(rng() % 1'000'000'000ull);
    for (std::size_t f = 0; f < factor_count; ++f) {
      out.factors[f].resize(n);
      const unsigned mx = (f == 2 || f == 3) ? 3 : 2;
      for (auto &v : out.factors[f]) v = static_cast<std::int8_t>(rng() % mx);
    }
    return out;
  }();
  return c;
}

void BM_TierColumns_10M(benchmark::State &state) {
  const std::size_t n = 10'000'000;
  const Columns &c = columns(n);
  TierParams p = TierParams::load(Policy::default_profile(), make_date(2017, 1, 1));
  UnitColumns uc;
  uc.budget_fen = c.budget;
  for (std::size_t f = 0; f < factor_count; ++f) uc.factors[f] = c.factors[f];
  std::vector<std::int8_t> levels(n);
  for (auto _ : state) {
    tier_columns(uc, p, levels);
    benchmark::DoNotOptimize(levels.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(n));
}
BENCHMARK(BM_TierColumns_10M)->Unit(benchmark::kMillisecond);

PlanRequest province(std::size_t n) {
  PlanRequest r;
  r.first_year = 2017;
  r.last_year = 2021;
  r.capacity = static_cast<std::int64_t>(n);
  r.seed = 7;
  std::mt19937_64 rng(5);
  for (std::size_t i = 0; i < n; ++i) {
    std::string id = "U" + std::to_string(i);
    auto pick = rng() % 100;
    Level l = pick < 30 ? Level::level1 : pick < 72 ? Level::level2 : pick < 99 ? Level::level3 : Level::special;
    r.units.push_back({id, l, std::nullopt});
    if (rng() % 2) r.audits.push_back({id, make_date(2012 + static_cast<int>(rng() % 5), 6, 1), AuditKind::in_term});
    if (l == Level::level3) {
      Date start = make_date(2010 + static_cast<int>(rng() % 10), 1 + static_cast<int>(rng() % 12), 1);
      std::optional<Date> end;
      if (rng() % 3 == 0) end = start + boost::gregorian::days(static_cast<long>(rng() % 3000));
      r.terms.push_back({id, "L" + std::to_string(i), start, end});
    }
  }
  return r;
}

void BM_Plan_100k_5y(benchmark::State &state) {
  PlanRequest r = province(100'000);
  Policy p = Policy::default_profile();
  for (auto _ : state) {
    Plan pl = plan(r, p);
    benchmark::DoNotOptimize(pl.audits.data());
    state.counters["min_capacity"] = static_cast<double>(pl.min_capacity);
    state.counters["lower_bound"] = static_cast<double>(pl.lower_bound);
  }
}
BENCHMARK(BM_Plan_100k_5y)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
