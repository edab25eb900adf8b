// Pay sheet of 500,000 villages / 1,000,000 principals (issue #4: target < 1 s in C++ on one
// core): the columnar kernel (village::pay_columns) and the object path without explanations
// (village::pay_sheet), on deterministic synthetic data (2,000 townships of 250 villages).
#include <benchmark/benchmark.h>

#include <climits>
#include <random>
#include <string>
#include <vector>

#include "cadrekit/village.hpp"
#include "village/columns.hpp"

namespace {

using namespace cadrekit;

constexpr std::size_t kVillages = 500000;
constexpr std::size_t kPrincipals = 2 * kVillages;

struct Columns {
  std::vector<std::int32_t> town, pv, from, to;
  std::vector<std::int64_t> pop, scores;
  std::vector<std::uint8_t> present, post;
};

const Columns &columns() {
  static const Columns c = [] {
    Columns c;
    std::mt19937 rng(2016);
    std::uniform_int_distribution<int> pop(200, 4000), score(500000, 1000000), day(0, 364);
    const std::int32_t jan1 = to_days(make_date(2016, 1, 1));
    for (std::size_t v = 0; v < kVillages; ++v) {
      c.town.push_back(static_cast<std::int32_t>(v / 250));
      c.pop.push_back(pop(rng));
      for (int i = 0; i < 5; ++i) c.scores.push_back(score(rng) / 100 * 100);  // ties happen
      c.present.push_back(v % 97 == 0 ? 0x0F : 0x1F);                           // some missing
      for (int k = 0; k < 2; ++k) {
        c.pv.push_back(static_cast<std::int32_t>(v));
        c.post.push_back(static_cast<std::uint8_t>(k));
        const bool change = v % 10 == 0 && k == 1;
        c.from.push_back(change ? jan1 + day(rng) : jan1 - 1000);
        c.to.push_back(INT32_MAX);
      }
    }
    return c;
  }();
  return c;
}

void BM_PayColumns_500k(benchmark::State &state) {
  const Columns &c = columns();
  const Policy p = Policy::default_profile();
  std::vector<std::uint8_t> vg(kVillages), g(kPrincipals);
  std::vector<std::int32_t> vr(kVillages), units(kPrincipals);
  std::vector<std::int64_t> base(kPrincipals), perf(kPrincipals), tot(kPrincipals);
  for (auto _ : state) {
    village::pay_columns({c.town, c.pop, c.scores, c.present, c.pv, c.post, c.from, c.to}, 2016, p,
                         {vg, vr, base, perf, tot, g, units});
    benchmark::DoNotOptimize(tot.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kPrincipals));
}
BENCHMARK(BM_PayColumns_500k)->Unit(benchmark::kMillisecond);

void BM_PaySheetObjects_500k(benchmark::State &state) {
  const Columns &c = columns();
  std::vector<village::Village> vs;
  std::vector<village::Principal> ps;
  std::vector<village::Score> ss;
  for (std::size_t v = 0; v < kVillages; ++v) {
    vs.push_back({"V" + std::to_string(v), "", "T" + std::to_string(c.town[v]), c.pop[v]});
    for (int i = 0; i < 5; ++i)
      if (c.present[v] & (1u << i))
        ss.push_back({vs.back().village_id, i == 4 ? "2016" : "2016Q" + std::to_string(i + 1),
                      Rational(c.scores[5 * v + static_cast<std::size_t>(i)], village::score_scale)});
  }
  for (std::size_t i = 0; i < kPrincipals; ++i)
    ps.push_back({"C" + std::to_string(i), "", vs[static_cast<std::size_t>(c.pv[i])].village_id,
                  static_cast<village::Post>(c.post[i]), from_days(c.from[i]), std::nullopt});
  const Policy p = Policy::default_profile();
  village::PaySheetOptions o;
  o.explain = false;
  for (auto _ : state) {
    auto s = village::pay_sheet(vs, ps, ss, 2016, p, o);
    benchmark::DoNotOptimize(s.banner.total);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kPrincipals));
}
BENCHMARK(BM_PaySheetObjects_500k)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
