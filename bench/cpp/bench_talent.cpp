// Team structure throughput (HURE.5): 100,000 teams / 1,000,000 members through the columnar
// kernel team_structure_batch with the default policy (issue #8: target under 0.5 s on one core).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "cadrekit/talent.hpp"

using namespace cadrekit;
using namespace cadrekit::talent;

namespace {

struct Data {
  std::vector<std::int32_t> team, birth;
  std::vector<std::uint8_t> sex, eth, pol;
  std::size_t teams = 0;
  bool grouped = false;
};

// Members in random team order (the kernel's worst case: every member hits its team's counters
// at random), or grouped by team as a personnel database usually lists them (`grouped`).
const Data &data(std::size_t teams, std::size_t members, bool grouped = false) {
  static Data d;
  if (d.team.size() == members && d.teams == teams && d.grouped == grouped) return d;
  d = Data{};
  d.teams = teams;
  d.grouped = grouped;
  std::uint64_t x = 88172645463325252ull;
  auto next = [&] { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return x; };
  const std::int32_t b0 = to_days(parse_iso_date("1955-01-01"));
  for (std::size_t i = 0; i < members; ++i) {
    d.team.push_back(static_cast<std::int32_t>(grouped ? i * teams / members : next() % teams));
    d.birth.push_back(b0 + static_cast<std::int32_t>(next() % (40 * 365)));
    d.sex.push_back(next() % 4 == 0 ? 2 : 1);
    d.eth.push_back(next() % 5 == 0 ? static_cast<std::uint8_t>(2 + next() % 55) : 1);
    d.pol.push_back(next() % 6 == 0 ? 13 : 1);
  }
  return d;
}

void BM_TeamStructureBatch(benchmark::State &state) {
  const auto teams = static_cast<std::size_t>(state.range(0));
  const auto members = static_cast<std::size_t>(state.range(1));
  const Data &d = data(teams, members);
  const Policy p = Policy::default_profile();
  const Date as_of = parse_iso_date("2016-09-22");
  std::vector<std::int32_t> size(teams), young(teams), women(teams), minority(teams), non_party(teams);
  std::vector<std::uint8_t> gaps(teams);
  for (auto _ : state) {
    team_structure_batch({d.team, d.sex, d.birth, d.eth, d.pol}, teams, as_of, p,
                         {size, young, women, minority, non_party, gaps});
    benchmark::DoNotOptimize(gaps.data());
  }
  std::int64_t with_gap = 0;
  for (auto g : gaps) with_gap += g != 0;
  state.counters["teams_with_gap"] = static_cast<double>(with_gap);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(members));
}
BENCHMARK(BM_TeamStructureBatch)->Args({100000, 1000000})->Unit(benchmark::kMillisecond)->Iterations(5);

// The same kernel at 10^4 ... 10^7 members, ten to a team (issue #10: time per row by size;
// scripts/bench puts it in docs/performance.md). Input: 11 bytes a member.
void team_columns(benchmark::State &state, bool grouped) {
  const auto members = static_cast<std::size_t>(state.range(0));
  const std::size_t teams = members / 10;
  const Data &d = data(teams, members, grouped);
  const Policy p = Policy::default_profile();
  const Date as_of = parse_iso_date("2016-09-22");
  std::vector<std::int32_t> size(teams), young(teams), women(teams), minority(teams), non_party(teams);
  std::vector<std::uint8_t> gaps(teams);
  for (auto _ : state) {
    team_structure_batch({d.team, d.sex, d.birth, d.eth, d.pol}, teams, as_of, p,
                         {size, young, women, minority, non_party, gaps});
    benchmark::DoNotOptimize(gaps.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(members));
  state.counters["in_bytes_per_row"] = 11;
}
void BM_TeamColumns(benchmark::State &state) { team_columns(state, false); }
void BM_TeamColumnsGrouped(benchmark::State &state) { team_columns(state, true); }
BENCHMARK(BM_TeamColumns)->RangeMultiplier(10)->Range(10000, 10000000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TeamColumnsGrouped)->RangeMultiplier(10)->Range(10000, 10000000)->Unit(benchmark::kMillisecond);

}  // namespace

// The pools kernel (HURE.1) at 10^4 ... 10^7 cadres: every cadre decided for the three pools
// (members, near misses, exclusions, age), two annual ratings a cadre (one table per year).
// Input: 15 bytes a cadre and 9 a rating.
namespace {
struct PoolData {
  std::vector<std::int32_t> birth, r_cadre, r_year;
  std::vector<std::uint8_t> sex, eth, pol, rank, cs, sg, r_rating;
};
const PoolData &pool_data(std::size_t n) {
  static PoolData d;
  if (d.birth.size() == n) return d;
  d = PoolData{};
  std::uint64_t x = 88172645463325252ull;
  auto next = [&] { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return x; };
  const std::int32_t b0 = to_days(parse_iso_date("1955-01-01"));
  for (std::size_t i = 0; i < n; ++i) {
    d.birth.push_back(b0 + static_cast<std::int32_t>(next() % (40 * 365)));
    d.sex.push_back(next() % 4 == 0 ? 2 : 1);
    d.eth.push_back(next() % 5 == 0 ? static_cast<std::uint8_t>(2 + next() % 55) : 1);
    d.pol.push_back(next() % 6 == 0 ? 13 : 1);
    d.rank.push_back(static_cast<std::uint8_t>(next() % 5));
    d.cs.push_back(next() % 4 != 0 ? 1 : 0);
    d.sg.push_back(next() % 10 == 0 ? 1 : 0);
  }
  for (std::size_t j = 0; j < 2 * n; ++j) {
    d.r_cadre.push_back(static_cast<std::int32_t>(j % n));
    d.r_year.push_back(j < n ? 2014 : 2015);
    d.r_rating.push_back(static_cast<std::uint8_t>(1 + next() % 3));
  }
  return d;
}
}  // namespace

void BM_PoolsColumns(benchmark::State &state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const PoolData &d = pool_data(n);
  const Policy p = Policy::default_profile();
  const Date as_of = parse_iso_date("2016-09-22");
  std::vector<std::uint8_t> member(n), near(n), excluded(n);
  std::vector<std::int32_t> age(n);
  for (auto _ : state) {
    pools_columns({d.birth, d.sex, d.eth, d.pol, d.rank, d.cs, d.sg, {}}, {d.r_cadre, d.r_year, d.r_rating}, as_of,
                  p, {member, near, excluded, age});
    benchmark::DoNotOptimize(member.data());
  }
  std::int64_t members = 0;
  for (auto m : member) members += m != 0;
  state.counters["with_a_pool"] = static_cast<double>(members);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
  state.counters["in_bytes_per_row"] = 15 + 2 * 9;
}
BENCHMARK(BM_PoolsColumns)->RangeMultiplier(10)->Range(10000, 10000000)->Unit(benchmark::kMillisecond);
