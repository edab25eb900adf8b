// Scaling of the columnar batch paths from 10^4 to 10^7 rows (issue #10, "Measurement"): the
// village pay kernel (rows = principals, 2 per village, townships of 250 villages), audit tiering
// (rows = units) and working-day arithmetic on arrays of dates through the C ABI batch call.
// The fixed-size benchmarks of each module (bench_village.cpp, bench_audit.cpp) stay as they
// are; red-line screening is parameterised in bench_assessment.cpp. The data have the shape of
// bench/python/bench_vs_pandas.py's, so that the C++ and Python figures compare.
#include <benchmark/benchmark.h>

#include <array>
#include <climits>
#include <cstdint>
#include <random>
#include <vector>

#include "cadrekit.h"
#include "cadrekit/audit.hpp"
#include "cadrekit/core/calendar.hpp"
#include "cadrekit/core/person.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/village.hpp"
#include "village/columns.hpp"

namespace {

using namespace cadrekit;

struct VillageColumns {
  std::vector<std::int32_t> town, pv, from, to;
  std::vector<std::int64_t> pop, scores;
  std::vector<std::uint8_t> present, post;
};

VillageColumns village_columns(std::size_t principals) {
  VillageColumns c;
  const std::size_t V = principals / 2;
  std::mt19937_64 rng(2016);
  std::uniform_int_distribution<int> pop(200, 4000), score(500000, 1000000), day(0, 364);
  const std::int32_t jan1 = to_days(make_date(2016, 1, 1));
  for (std::size_t v = 0; v < V; ++v) {
    c.town.push_back(static_cast<std::int32_t>(v / 250));
    c.pop.push_back(pop(rng));
    for (int i = 0; i < 5; ++i) c.scores.push_back(score(rng) / 100 * 100);
    c.present.push_back(v % 97 == 0 ? 0x0F : 0x1F);
    for (int k = 0; k < 2; ++k) {
      c.pv.push_back(static_cast<std::int32_t>(v));
      c.post.push_back(static_cast<std::uint8_t>(k));
      c.from.push_back(v % 10 == 0 && k == 1 ? jan1 + day(rng) : jan1 - 1000);
      c.to.push_back(v % 10 == 5 && k == 0 ? jan1 + day(rng) : INT32_MAX);
    }
  }
  return c;
}

void BM_PayColumns(benchmark::State &state) {
  const auto P = static_cast<std::size_t>(state.range(0));
  const VillageColumns c = village_columns(P);
  const std::size_t V = P / 2;
  const Policy p = Policy::default_profile();
  std::vector<std::uint8_t> vg(V), g(P);
  std::vector<std::int32_t> vr(V), units(P);
  std::vector<std::int64_t> base(P), perf(P), tot(P);
  for (auto _ : state) {
    village::pay_columns({c.town, c.pop, c.scores, c.present, c.pv, c.post, c.from, c.to}, 2016, p,
                         {vg, vr, base, perf, tot, g, units});
    benchmark::DoNotOptimize(tot.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
  state.counters["in_bytes_per_row"] =
      static_cast<double>(V * (4 + 8 + 40 + 1) + P * (4 + 1 + 4 + 4)) / static_cast<double>(P);
}
BENCHMARK(BM_PayColumns)->RangeMultiplier(10)->Range(10'000, 10'000'000)->Unit(benchmark::kMillisecond);

void BM_TierColumns(benchmark::State &state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  std::vector<std::int64_t> budget(n);
  std::array<std::vector<std::int8_t>, audit::factor_count> factors;
  std::mt19937_64 rng(2016);
  for (auto &b : budget) b = static_cast<std::int64_t>(rng() % 1'000'000'000ull);
  for (std::size_t f = 0; f < audit::factor_count; ++f) {
    factors[f].resize(n);
    const unsigned mx = (f == 2 || f == 3) ? 3 : 2;
    for (auto &v : factors[f]) v = static_cast<std::int8_t>(rng() % mx);
  }
  audit::TierParams tp = audit::TierParams::load(Policy::default_profile(), make_date(2017, 1, 1));
  audit::UnitColumns uc;
  uc.budget_fen = budget;
  for (std::size_t f = 0; f < audit::factor_count; ++f) uc.factors[f] = factors[f];
  std::vector<std::int8_t> levels(n);
  std::vector<std::int64_t> scores(n);
  for (auto _ : state) {
    audit::tier_columns(uc, tp, levels, scores);
    benchmark::DoNotOptimize(levels.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
  state.counters["in_bytes_per_row"] = 8 + audit::factor_count;
}
BENCHMARK(BM_TierColumns)->RangeMultiplier(10)->Range(10'000, 10'000'000)->Unit(benchmark::kMillisecond);

void BM_AddWorkingDays_CApiBatchN(benchmark::State &state) {
  ck_calendar *cal = nullptr;
  if (ck_calendar_china(&cal, 0) != CK_OK) {
    state.SkipWithError("ck_calendar_china failed");
    return;
  }
  const auto n = static_cast<std::size_t>(state.range(0));
  // Start dates 2007-01-01..2021-12-31 and n <= 500, so that every answer stays inside the
  // calendar's coverage (to 2026-12-31); a date outside it would fail the whole batch.
  std::mt19937 rng(2016);
  std::uniform_int_distribution<int> day(0, 5478), step(1, 500);
  const std::int32_t first = to_days(make_date(2007, 1, 1));
  std::vector<ck_date> from(n), out(n);
  std::vector<std::int32_t> steps(n);
  for (std::size_t i = 0; i < n; ++i) {
    from[i] = first + day(rng);
    steps[i] = step(rng);
  }
  ck_calendar_add_working_days_in in{.struct_size = sizeof in, .len = n, .from = from.data(), .n = steps.data()};
  ck_calendar_add_working_days_out o{.struct_size = sizeof o, .date = out.data()};
  for (auto _ : state) {
    if (ck_calendar_add_working_days_columns(&o, cal, &in) != CK_OK) {
      state.SkipWithError(ck_last_error_message());
      break;
    }
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
  state.counters["in_bytes_per_row"] = 8;
  ck_calendar_free(cal);
}
BENCHMARK(BM_AddWorkingDays_CApiBatchN)->RangeMultiplier(10)->Range(10'000, 10'000'000)->Unit(benchmark::kMillisecond);

// The columnar C++ calls of working days and 三龄 (issue #10), on the data of
// bench_vs_pandas.py's "workdays" and "three_ages" (same shapes): int64 day columns, as NumPy's
// datetime64[D] hands them to the Python binding without a copy.
void BM_AddWorkingDaysColumns(benchmark::State &state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const WorkCalendar cal = WorkCalendar::china();
  std::mt19937 rng(2016);
  std::uniform_int_distribution<int> day(0, 5478), step(-250, 250);
  // Start dates 2009-01-01..2023-12-31 and |n| <= 250: every answer stays inside the coverage.
  const std::int64_t first = to_days(make_date(2009, 1, 1));
  std::vector<std::int64_t> from(n), out(n);
  std::vector<std::int32_t> steps(n);
  for (std::size_t i = 0; i < n; ++i) {
    from[i] = first + day(rng);
    steps[i] = step(rng);
  }
  for (auto _ : state) {
    try {
      cal.add_working_days(std::span<const std::int64_t>(from), std::span<const std::int32_t>(steps),
                           std::span<std::int64_t>(out));
    } catch (const Error &e) {
      state.SkipWithError(e.what());
      break;
    }
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
  state.counters["in_bytes_per_row"] = 12;
}
BENCHMARK(BM_AddWorkingDaysColumns)->RangeMultiplier(10)->Range(10'000, 10'000'000)->Unit(benchmark::kMillisecond);

void BM_ThreeAgesColumns(benchmark::State &state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  std::mt19937 rng(2016);
  const Date as_of = make_date(2016, 9, 22);
  const std::int64_t lo = to_days(make_date(1950, 1, 1)), t = to_days(as_of);
  std::uniform_int_distribution<std::int64_t> birth(lo, t - 18 * 366);
  std::uniform_int_distribution<int> coin(0, 9);
  std::vector<std::int64_t> b(n), p(n), w(n);
  for (std::size_t i = 0; i < n; ++i) {
    b[i] = birth(rng);
    std::uniform_int_distribution<std::int64_t> later(b[i] + 18 * 366, t);
    p[i] = coin(rng) < 4 ? kNoDay64 : later(rng);  // 40 % not members
    w[i] = coin(rng) < 1 ? kNoDay64 : later(rng);
  }
  std::vector<std::int32_t> age(n), py(n), wy(n);
  for (auto _ : state) {
    try {
      three_ages_columns(std::span<const std::int64_t>(b), std::span<const std::int64_t>(p),
                         std::span<const std::int64_t>(w), as_of, std::span<std::int32_t>(age),
                         std::span<std::int32_t>(py), std::span<std::int32_t>(wy));
    } catch (const Error &e) {
      state.SkipWithError(e.what());
      break;
    }
    benchmark::DoNotOptimize(age.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
  state.counters["in_bytes_per_row"] = 24;
}
BENCHMARK(BM_ThreeAgesColumns)->RangeMultiplier(10)->Range(10'000, 10'000'000)->Unit(benchmark::kMillisecond);

}  // namespace
