// Screening throughput: 2,000,000 cadres x 5 annual + key-work records = 10,000,000 rows
// through screen_batch with the default rules (issue #7: target under 1 s on one core); the
// argument is the number of cadres: 2,000 … 2,000,000 = 10^4 … 10^7 rows (issue #10).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "cadrekit/assessment.hpp"

using namespace cadrekit;
using namespace cadrekit::assessment;

namespace {

struct Data {
  std::vector<std::int64_t> cadre;
  std::vector<std::uint8_t> kind, rating;
  std::vector<std::int32_t> period, rank, group;
};

const Data &data(std::size_t cadres) {
  static Data d;
  if (d.cadre.size() == cadres * 5) return d;
  d = Data{};
  std::uint64_t x = 88172645463325252ull;
  auto next = [&] { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return x; };
  for (std::size_t c = 0; c < cadres; ++c) {
    // 3 annual years, 2 party-conduct years per cadre
    for (int y = 0; y < 3; ++y) {
      d.cadre.push_back(static_cast<std::int64_t>(c));
      d.kind.push_back(0);
      d.period.push_back((2014 + y) * 100);
      std::int32_t g = 10 + static_cast<std::int32_t>(next() % 40);
      d.group.push_back(g);
      d.rank.push_back(1 + static_cast<std::int32_t>(next() % static_cast<std::uint64_t>(g)));
      d.rating.push_back(static_cast<std::uint8_t>(1 + next() % 4));
    }
    for (int y = 0; y < 2; ++y) {
      d.cadre.push_back(static_cast<std::int64_t>(c));
      d.kind.push_back(2);
      d.period.push_back((2015 + y) * 100);
      d.group.push_back(0);
      d.rank.push_back(0);
      d.rating.push_back(static_cast<std::uint8_t>(next() % 8 == 0 ? 6 : 5));
    }
  }
  return d;
}

void BM_ScreenBatch(benchmark::State &state) {
  const Data &d = data(static_cast<std::size_t>(state.range(0)));
  Policy p = Policy::default_profile();
  Date as_of = parse_iso_date("2016-12-31");
  auto rs = rules(p, as_of);
  Columns c{d.cadre, d.kind, d.period, d.rank, d.group, d.rating};
  std::size_t hits = 0;
  for (auto _ : state) {
    auto h = screen_batch(c, as_of, rs);
    hits = h.size();
    benchmark::DoNotOptimize(h.data());
  }
  state.counters["hits"] = static_cast<double>(hits);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(d.cadre.size()));
}
// 10^4 … 10^7 rows (5 records a cadre); 200,000 cadres = 1,000,000 rows is the size bench/python/bench_assessment.py times through
// Python (screen_columns) on the same rows, for the "Python within 1.5x" comparison.
BENCHMARK(BM_ScreenBatch)->Arg(2000)->Arg(20000)->Arg(200000)->Arg(2000000)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
