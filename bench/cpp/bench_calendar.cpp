// add_working_days over the whole coverage for n from 1 to 500 (C++ and the C ABI call that
// wraps it). Target: <= 100 ns a call in C++ (issue #2); results in docs/performance.md.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <vector>

#include "cadrekit.h"
#include "cadrekit/core/calendar.hpp"
#include "cadrekit/core/person.hpp"

namespace {

struct Case {
  cadrekit::Date from;
  int n;
  std::int32_t from_days;
};

// Deterministic inputs: start dates over 2007-01-01..2024-12-31, n in [1, 500].
const std::vector<Case> &cases() {
  static const std::vector<Case> v = [] {
    std::mt19937 rng(2016);
    std::uniform_int_distribution<int> day(0, 6574), step(1, 500);
    std::vector<Case> out;
    for (int i = 0; i < 4096; ++i) {
      cadrekit::Date d = cadrekit::Date(2007, 1, 1) + boost::gregorian::date_duration(day(rng));
      out.push_back({d, step(rng), cadrekit::to_days(d)});
    }
    return out;
  }();
  return v;
}

void BM_AddWorkingDays_Cpp(benchmark::State &state) {
  auto cal = cadrekit::WorkCalendar::china();
  const auto &cs = cases();
  std::size_t i = 0;
  for (auto _ : state) {
    const Case &c = cs[i++ & 4095];
    benchmark::DoNotOptimize(cal.add_working_days(c.from, c.n));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AddWorkingDays_Cpp);

void BM_AddWorkingDays_CApi(benchmark::State &state) {
  ck_calendar *cal = nullptr;
  if (ck_calendar_china(&cal, 0) != CK_OK) {
    state.SkipWithError("ck_calendar_china failed");
    return;
  }
  const auto &cs = cases();
  std::size_t i = 0;
  ck_date out = 0;
  for (auto _ : state) {
    const Case &c = cs[i++ & 4095];
    benchmark::DoNotOptimize(ck_calendar_add_working_days(&out, cal, c.from_days, c.n));
  }
  state.SetItemsProcessed(state.iterations());
  ck_calendar_free(cal);
}
BENCHMARK(BM_AddWorkingDays_CApi);

void BM_AddWorkingDays_CApiBatch(benchmark::State &state) {
  ck_calendar *cal = nullptr;
  if (ck_calendar_china(&cal, 0) != CK_OK) {
    state.SkipWithError("ck_calendar_china failed");
    return;
  }
  const auto &cs = cases();
  std::vector<ck_date> from, out(cs.size());
  std::vector<std::int32_t> n;
  for (const auto &c : cs) {
    from.push_back(c.from_days);
    n.push_back(c.n);
  }
  ck_calendar_add_working_days_in in{.struct_size = sizeof in, .len = from.size(), .from = from.data(), .n = n.data()};
  ck_calendar_add_working_days_out o{.struct_size = sizeof o, .date = out.data()};
  for (auto _ : state) {
    benchmark::DoNotOptimize(ck_calendar_add_working_days_columns(&o, cal, &in));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(from.size()));
  ck_calendar_free(cal);
}
BENCHMARK(BM_AddWorkingDays_CApiBatch);

void BM_IsWorkingDay_Cpp(benchmark::State &state) {
  auto cal = cadrekit::WorkCalendar::china();
  const auto &cs = cases();
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(cal.is_working_day(cs[i++ & 4095].from));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_IsWorkingDay_Cpp);

// 三龄 of one person: the C++ call and the scalar C ABI call that wraps it (issue #10: a scalar
// C call <= 2x its C++ call). The C call builds a Person per call, as its C++ caller would.
void BM_ThreeAges_Cpp(benchmark::State &state) {
  cadrekit::Person p;
  p.id = "p";
  p.birth_date = cadrekit::Date(1970, 6, 15);
  p.political_status = "01";
  p.party_joined = cadrekit::Date(1995, 7, 1);
  p.work_started = cadrekit::Date(1990, 8, 1);
  const auto &cs = cases();
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(cadrekit::three_ages(p, cs[i++ & 4095].from + boost::gregorian::date_duration(20000)));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ThreeAges_Cpp);

void BM_ThreeAges_CApi(benchmark::State &state) {
  const auto &cs = cases();
  const ck_date b = cadrekit::to_days(cadrekit::Date(1970, 6, 15));
  const ck_date pj = cadrekit::to_days(cadrekit::Date(1995, 7, 1));
  const ck_date ws = cadrekit::to_days(cadrekit::Date(1990, 8, 1));
  std::int32_t a = 0, py = 0, wy = 0;
  std::size_t i = 0;
  for (auto _ : state)
    benchmark::DoNotOptimize(ck_three_ages(&a, &py, &wy, b, 1, pj, 1, ws, cs[i++ & 4095].from_days + 20000));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ThreeAges_CApi);

}  // namespace
