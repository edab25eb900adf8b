// Scalar C ABI calls next to the C++ calls they wrap (issue #10: "a scalar C ABI call <= 2 x its
// C++ call"). Each pair is named BM_<Op>_Cpp / BM_<Op>_CApi and runs over the same inputs;
// scripts/bench lists every such pair in docs/performance.md. The C side pays what a foreign
// caller pays: the handle check, the exception guard, the status code, text arguments as
// NUL-terminated strings.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "cadrekit.h"
#include "cadrekit/core/calendar.hpp"
#include "cadrekit/core/citizen_id.hpp"
#include "cadrekit/core/date.hpp"
#include "cadrekit/core/money.hpp"
#include "cadrekit/core/number.hpp"
#include "cadrekit/core/policy.hpp"

using namespace cadrekit;

namespace {

constexpr std::size_t kCases = 1024;  // a power of two: the loops index with & (kCases - 1)

std::uint64_t next(std::uint64_t &x) {
  x ^= x << 13;
  x ^= x >> 7;
  x ^= x << 17;
  return x;
}

// Days over 2007-01-01 .. 2025-12-31 (inside the embedded calendar's coverage).
const std::vector<std::int32_t> &days() {
  static const std::vector<std::int32_t> v = [] {
    std::uint64_t x = 2016;
    const std::int32_t d0 = to_days(parse_iso_date("2007-01-01"));
    std::vector<std::int32_t> out;
    for (std::size_t i = 0; i < kCases; ++i) out.push_back(d0 + static_cast<std::int32_t>(next(x) % 6900));
    return out;
  }();
  return v;
}

const std::vector<std::string> &money_texts() {
  static const std::vector<std::string> v = [] {
    std::uint64_t x = 7;
    std::vector<std::string> out;
    const char *forms[] = {"", ",", "万", "亿"};
    for (std::size_t i = 0; i < kCases; ++i) {
      const std::uint64_t k = next(x) % 4;
      std::string s = std::to_string(next(x) % 100000);
      if (k == 1 && s.size() > 3) s.insert(s.size() - 3, ",");
      if (k == 0) s += "." + std::to_string(next(x) % 90 + 10);
      if (k >= 2) s += forms[k];
      out.push_back(s);
    }
    return out;
  }();
  return v;
}

// Valid citizen IDs of Tongliao (region 150502) with their check characters.
const std::vector<std::string> &citizen_ids() {
  static const std::vector<std::string> v = [] {
    std::uint64_t x = 11;
    std::vector<std::string> out;
    for (std::size_t i = 0; i < kCases; ++i) {
      const Date b = from_days(to_days(parse_iso_date("1960-01-01")) + static_cast<std::int32_t>(next(x) % 14000));
      char body[40];
      std::snprintf(body, sizeof body, "150502%04d%02d%02d%03d", static_cast<int>(b.year()),
                    static_cast<int>(b.month()), static_cast<int>(b.day()), static_cast<int>(next(x) % 1000));
      std::string id(body, 17);
      id += citizen_id_check_char(id);
      out.push_back(id);
    }
    return out;
  }();
  return v;
}

ck_calendar *c_calendar() {
  static ck_calendar *cal = [] {
    ck_calendar *c = nullptr;
    return ck_calendar_china(&c, 0) == CK_OK ? c : nullptr;
  }();
  return cal;
}

void BM_IsWorkingDay_CApi(benchmark::State &state) {
  const auto &ds = days();
  ck_calendar *cal = c_calendar();
  std::size_t i = 0;
  int out = 0;
  for (auto _ : state) {
    if (ck_calendar_is_working_day(&out, cal, ds[i++ & (kCases - 1)]) != CK_OK) state.SkipWithError("failed");
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_IsWorkingDay_CApi);

void BM_CountWorkingDays_Cpp(benchmark::State &state) {
  const auto &ds = days();
  const auto cal = WorkCalendar::china();
  std::size_t i = 0;
  for (auto _ : state) {
    const std::int32_t a = ds[i & (kCases - 1)], b = ds[(i + 1) & (kCases - 1)];
    ++i;
    benchmark::DoNotOptimize(cal.count_working_days(from_days(std::min(a, b)), from_days(std::max(a, b))));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CountWorkingDays_Cpp);

void BM_CountWorkingDays_CApi(benchmark::State &state) {
  const auto &ds = days();
  ck_calendar *cal = c_calendar();
  std::size_t i = 0;
  std::int32_t out = 0;
  for (auto _ : state) {
    const std::int32_t a = ds[i & (kCases - 1)], b = ds[(i + 1) & (kCases - 1)];
    ++i;
    if (ck_calendar_count_working_days(&out, cal, std::min(a, b), std::max(a, b)) != CK_OK)
      state.SkipWithError("failed");
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CountWorkingDays_CApi);

void BM_Window_Cpp(benchmark::State &state) {
  const auto &ds = days();
  const auto cal = WorkCalendar::china();
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(cal.window(from_days(ds[i++ & (kCases - 1)]), 5));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Window_Cpp);

void BM_Window_CApi(benchmark::State &state) {
  const auto &ds = days();
  ck_calendar *cal = c_calendar();
  std::size_t i = 0;
  ck_date first = 0, last = 0;
  for (auto _ : state) {
    if (ck_calendar_window(&first, &last, cal, ds[i++ & (kCases - 1)], 5) != CK_OK) state.SkipWithError("failed");
    benchmark::DoNotOptimize(last);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Window_CApi);

void BM_MoneyParse_Cpp(benchmark::State &state) {
  const auto &ts = money_texts();
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(Money::parse(ts[i++ & (kCases - 1)]).fen());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_MoneyParse_Cpp);

void BM_MoneyParse_CApi(benchmark::State &state) {
  const auto &ts = money_texts();
  std::size_t i = 0;
  std::int64_t fen = 0;
  for (auto _ : state) {
    if (ck_money_parse(&fen, ts[i++ & (kCases - 1)].c_str()) != CK_OK) state.SkipWithError("failed");
    benchmark::DoNotOptimize(fen);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_MoneyParse_CApi);

void BM_AtLeastShare_Cpp(benchmark::State &state) {
  const char *shares[] = {"35%", "20%", "1:3", "7/20"};
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(at_least_share(static_cast<std::int64_t>(i % 500), Share::parse(shares[i & 3])));
    ++i;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AtLeastShare_Cpp);

void BM_AtLeastShare_CApi(benchmark::State &state) {
  const char *shares[] = {"35%", "20%", "1:3", "7/20"};
  std::size_t i = 0;
  std::int64_t out = 0;
  for (auto _ : state) {
    if (ck_at_least_share(&out, static_cast<std::int64_t>(i % 500), shares[i & 3]) != CK_OK)
      state.SkipWithError("failed");
    benchmark::DoNotOptimize(out);
    ++i;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AtLeastShare_CApi);

void BM_CitizenIdParse_Cpp(benchmark::State &state) {
  const auto &ids = citizen_ids();
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(parse_citizen_id(ids[i++ & (kCases - 1)]));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CitizenIdParse_Cpp);

void BM_CitizenIdParse_CApi(benchmark::State &state) {
  const auto &ids = citizen_ids();
  std::size_t i = 0;
  ck_date birth = 0;
  int sex = 0;
  for (auto _ : state) {
    if (ck_citizen_id_parse(&birth, &sex, ids[i++ & (kCases - 1)].c_str()) != CK_OK) state.SkipWithError("failed");
    benchmark::DoNotOptimize(birth);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CitizenIdParse_CApi);

void BM_PolicyValue_Cpp(benchmark::State &state) {
  const Policy p = Policy::default_profile();
  const Date on = parse_iso_date("2017-06-30");
  for (auto _ : state) benchmark::DoNotOptimize(p.value("audit.budget_band.high_min", on));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PolicyValue_Cpp);

void BM_PolicyValue_CApi(benchmark::State &state) {
  ck_policy *p = nullptr;
  if (ck_policy_default(&p) != CK_OK) {
    state.SkipWithError("ck_policy_default failed");
    return;
  }
  const ck_date on = to_days(parse_iso_date("2017-06-30"));
  for (auto _ : state) {
    char *out = nullptr;
    if (ck_policy_value(&out, p, "audit.budget_band.high_min", on) != CK_OK) state.SkipWithError("failed");
    benchmark::DoNotOptimize(out);
    ck_free(out);
  }
  ck_policy_free(p);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PolicyValue_CApi);

}  // namespace
