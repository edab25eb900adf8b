// HOLINGOL.2: the multi-year audit plan and its checker.
#include <algorithm>
#include <climits>
#include <numeric>
#include <string>
#include <unordered_map>

#include "cadrekit/audit.hpp"
#include "cadrekit/core/errors.hpp"

namespace cadrekit::audit {

// ---- the seeded draw ------------------------------------------------------------------------

namespace {
struct SplitMix64 {
  std::uint64_t s;
  std::uint64_t next() {
    std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  /// Uniform in [0, n), n > 0, without modulo bias (draws below 2^64 mod n are rejected).
  std::uint64_t below(std::uint64_t n) {
    const std::uint64_t threshold = (0 - n) % n;
    for (;;) {
      std::uint64_t r = next();
      if (r >= threshold) return r % n;
    }
  }
};

SplitMix64 rng_for(std::uint64_t seed, std::int32_t year) {
  return SplitMix64{seed ^ (static_cast<std::uint64_t>(static_cast<std::int64_t>(year)) *
                            0x9E3779B97F4A7C15ull)};
}
}  // namespace

std::vector<std::string> draw_sample(std::span<const std::string> candidates, std::size_t count,
                                     std::uint64_t seed, std::int32_t year) {
  std::vector<std::string> a(candidates.begin(), candidates.end());
  count = std::min(count, a.size());
  SplitMix64 rng = rng_for(seed, year);
  for (std::size_t i = 0; i < count; ++i) {
    std::size_t j = i + static_cast<std::size_t>(rng.below(a.size() - i));
    std::swap(a[i], a[j]);
  }
  a.resize(count);
  return a;
}

namespace {

constexpr std::int32_t kNone = INT32_MIN / 2;

/// One fixed obligation: a unit that must be audited in a given year.
struct Obligation {
  std::int32_t year;
  std::int32_t unit;
  AuditKind kind;
  std::string rule;
  std::string leader_id;
  std::string reason;
};

/// Everything the rules derive from the request (shared by plan and verify_plan).
struct Ctx {
  std::int32_t fy = 0, ly = 0, years = 0;
  const PlanRequest *req = nullptr;
  std::unordered_map<std::string, std::int32_t> index;
  std::vector<std::int32_t> by_id;   // unit indices sorted by id
  std::vector<std::int32_t> rank;    // position of each unit in by_id
  std::vector<std::int32_t> window;  // coverage window (years) or 0
  std::vector<std::int32_t> base;    // year of the last audit counted before the horizon
  std::vector<std::int32_t> past;    // year of the last past audit, or kNone
  std::vector<std::vector<Obligation>> fixed;  // by year offset, in priority order
  std::vector<std::int32_t> level3_by_id;      // level-3 unit indices sorted by id
  std::int64_t n1 = 0, n2 = 0, n3 = 0;
  std::int64_t q1 = 0, q2 = 0;
  std::int64_t k1 = 0, k2 = 0, term_years = 0, sample_min = 0, sample_max = 0;
  Share s1, s2;
  Explanation ex;

  Level level(std::int32_t u) const { return req->units[static_cast<std::size_t>(u)].level; }
  const std::string &id(std::int32_t u) const {
    return req->units[static_cast<std::size_t>(u)].unit_id;
  }
};

std::string yr(std::int64_t y) { return std::to_string(y); }

Ctx build(const PlanRequest &r, const Policy &policy) {
  Ctx c;
  c.req = &r;
  if (r.first_year < 1900 || r.first_year > 9999)
    throw InvalidInput("first_year must be within 1900…9999", "first_year");
  if (r.last_year < r.first_year || r.last_year - r.first_year >= 100)
    throw InvalidInput("last_year must be within first_year … first_year + 99", "last_year");
  if (r.capacity < 0) throw InvalidInput("capacity must not be negative", "capacity");
  c.fy = r.first_year;
  c.ly = r.last_year;
  c.years = c.ly - c.fy + 1;
  const Date as_of = make_date(c.fy, 1, 1, "first_year");
  const Date horizon_start = as_of;
  Explanation &ex = c.ex;
  ex.subject = "audit plan " + yr(c.fy) + "-" + yr(c.ly);
  c.s1 = policy.share("audit.level1.min_share_per_year", as_of, &ex);
  c.s2 = policy.share("audit.level2.min_share_per_year", as_of, &ex);
  c.k1 = policy.integer("audit.level1.full_coverage_years", as_of, &ex);
  c.k2 = policy.integer("audit.level2.full_coverage_years", as_of, &ex);
  c.term_years = policy.integer("audit.level3.term_audit_years", as_of, &ex);
  c.sample_min = policy.integer("audit.level3.sample_min_per_year", as_of, &ex);
  c.sample_max = policy.integer("audit.level3.sample_max_per_year", as_of, &ex);
  if (c.k1 < 1 || c.k1 > 100)
    throw PolicyError("must be within 1…100", "audit.level1.full_coverage_years", policy.name());
  if (c.k2 < 1 || c.k2 > 100)
    throw PolicyError("must be within 1…100", "audit.level2.full_coverage_years", policy.name());
  if (c.term_years < 1 || c.term_years > 100)
    throw PolicyError("must be within 1…100", "audit.level3.term_audit_years", policy.name());
  if (c.sample_min < 0 || c.sample_max < c.sample_min)
    throw PolicyError("need 0 ≤ sample_min ≤ sample_max", "audit.level3.sample_max_per_year",
                      policy.name());

  const std::size_t n = r.units.size();
  if (n > static_cast<std::size_t>(INT32_MAX / 4)) throw InvalidInput("too many units", "units");
  c.index.reserve(n * 2);
  for (std::size_t i = 0; i < n; ++i) {
    const PlanUnit &u = r.units[i];
    if (u.unit_id.empty()) throw InvalidInput("unit_id is empty", "unit_id", yr(static_cast<std::int64_t>(i)));
    if (!c.index.emplace(u.unit_id, static_cast<std::int32_t>(i)).second)
      throw InvalidInput("duplicate unit_id", "unit_id", u.unit_id);
    switch (u.level) {
      case Level::level1: ++c.n1; break;
      case Level::level2: ++c.n2; break;
      case Level::level3: ++c.n3; break;
      case Level::special: break;
      default: throw InvalidInput("level must be 1, 2, 3 or special", "level", u.unit_id);
    }
  }
  c.q1 = at_least_share(c.n1, c.s1);
  c.q2 = at_least_share(c.n2, c.s2);
  c.by_id.resize(n);
  std::iota(c.by_id.begin(), c.by_id.end(), 0);
  std::sort(c.by_id.begin(), c.by_id.end(),
            [&](std::int32_t a, std::int32_t b) { return c.id(a) < c.id(b); });
  c.rank.resize(n);
  for (std::size_t i = 0; i < n; ++i) c.rank[static_cast<std::size_t>(c.by_id[i])] = static_cast<std::int32_t>(i);
  for (std::int32_t u : c.by_id)
    if (c.level(u) == Level::level3) c.level3_by_id.push_back(u);

  // Past audits: the latest year of each unit, and their dates for the five-year-term rule.
  std::vector<std::int32_t> last(n, kNone);
  std::vector<std::vector<Date>> past_dates(n);
  for (std::size_t i = 0; i < r.audits.size(); ++i) {
    const PastAudit &a = r.audits[i];
    std::string rec = "audits[" + yr(static_cast<std::int64_t>(i)) + "]";
    auto it = c.index.find(a.unit_id);
    if (it == c.index.end()) throw InvalidInput("unit_id is not among the units", "unit_id", rec);
    if (a.date.is_special()) throw InvalidInput("date is not a date", "date", rec);
    if (a.date >= horizon_start)
      throw InvalidInput("a past audit must be dated before the first year", "date", rec);
    auto u = static_cast<std::size_t>(it->second);
    last[u] = std::max(last[u], static_cast<std::int32_t>(a.date.year()));
    past_dates[u].push_back(a.date);
  }
  c.window.assign(n, 0);
  c.base.assign(n, kNone);
  c.past = last;
  for (std::size_t u = 0; u < n; ++u) {
    Level l = r.units[u].level;
    std::int32_t k = l == Level::level1 ? static_cast<std::int32_t>(c.k1)
                     : l == Level::level2 ? static_cast<std::int32_t>(c.k2) : 0;
    c.window[u] = k;
    if (k == 0) continue;
    // No audit known: the unit's coverage clock starts with the horizon. An audit long ago:
    // due in the first year. Else: due k years after it.
    c.base[u] = last[u] == kNone ? c.fy - 1 : std::max(last[u], c.fy - k);
  }

  // Fixed obligations by year, in priority order.
  c.fixed.assign(static_cast<std::size_t>(c.years), {});
  auto add = [&](std::int32_t y, std::int32_t u, AuditKind kind, std::string rule,
                 std::string leader, std::string reason) {
    c.fixed[static_cast<std::size_t>(y - c.fy)].push_back(
        {y, u, kind, std::move(rule), std::move(leader), std::move(reason)});
  };
  for (std::size_t u = 0; u < n; ++u) {
    auto ui = static_cast<std::int32_t>(u);
    if (r.units[u].level == Level::special)
      for (std::int32_t y = c.fy; y <= c.ly; ++y)
        add(y, ui, AuditKind::special_project, "special.tracking", {},
            "special level: tracking and budget-and-final-accounts audit every year (HOLINGOL.3)");
  }
  for (std::size_t u = 0; u < n; ++u) {
    const auto &due = r.units[u].special_due_year;
    if (!due) continue;
    if (*due < 1900 || *due > 9999)
      throw InvalidInput("special_due_year must be within 1900…9999", "special_due_year",
                         r.units[u].unit_id);
    if (*due > c.ly) continue;
    std::int32_t y = std::max(*due, c.fy);
    add(y, static_cast<std::int32_t>(u), AuditKind::special_project, "special.funds_due", {},
        "special-fund audit due by " + yr(*due) + " (HOLINGOL.3)");
  }
  std::vector<std::pair<std::int32_t, Obligation>> term_obl;
  for (std::size_t i = 0; i < r.terms.size(); ++i) {
    const Term &t = r.terms[i];
    std::string rec = "terms[" + yr(static_cast<std::int64_t>(i)) + "]";
    auto it = c.index.find(t.unit_id);
    if (it == c.index.end()) throw InvalidInput("unit_id is not among the units", "unit_id", rec);
    if (t.start.is_special()) throw InvalidInput("start is not a date", "start", rec);
    if (t.planned_end && (t.planned_end->is_special() || *t.planned_end < t.start))
      throw InvalidInput("planned_end must be a date on or after start", "planned_end", rec);
    std::int32_t u = it->second;
    if (c.level(u) != Level::level3) continue;
    if (t.planned_end) {
      auto y = static_cast<std::int32_t>(t.planned_end->year());
      if (y >= c.fy && y <= c.ly)
        add(y, u, AuditKind::departure, "level3.departure", t.leader_id,
            "level 3: leader " + t.leader_id + " leaves office in " + yr(y) +
                " (离任必审, HOLINGOL.2)");
    }
    Date ann = t.start + boost::gregorian::years(static_cast<int>(c.term_years));
    if (t.planned_end && *t.planned_end < ann) continue;
    auto ya = static_cast<std::int32_t>(ann.year());
    if (ya > c.ly) continue;
    if (ya < c.fy) {
      const auto &pd = past_dates[static_cast<std::size_t>(u)];
      if (std::any_of(pd.begin(), pd.end(), [&](Date d) { return d >= ann; })) continue;
      ya = c.fy;
    }
    add(ya, u, AuditKind::five_year_term, "level3.five_year_term", t.leader_id,
        "level 3: leader " + t.leader_id + "'s term reaches " + yr(c.term_years) + " years on " +
            to_iso(ann) + " (任期满五年必审, HOLINGOL.2)");
  }
  return c;
}

// ---- verification ---------------------------------------------------------------------------

std::vector<Breach> verify(const Ctx &c, std::span<const PlannedAudit> plan) {
  std::vector<Breach> out;
  const std::size_t n = c.req->units.size();
  const auto Y = static_cast<std::size_t>(c.years);
  // audited[u * Y + y]: 0 none, 1 any audit, 2 a sample audit.
  std::vector<std::uint8_t> audited(n * Y, 0);
  for (const PlannedAudit &a : plan) {
    if (a.year < c.fy || a.year > c.ly) {
      out.push_back({"plan.year", a.year, a.unit_id, "year " + yr(a.year) + " is outside the horizon"});
      continue;
    }
    auto it = c.index.find(a.unit_id);
    if (it == c.index.end()) {
      out.push_back({"plan.unit", a.year, a.unit_id, "unit is not among the units"});
      continue;
    }
    std::uint8_t &cell = audited[static_cast<std::size_t>(it->second) * Y +
                                 static_cast<std::size_t>(a.year - c.fy)];
    if (cell != 0) {
      out.push_back({"plan.duplicate", a.year, a.unit_id, "unit audited twice in one year"});
      continue;
    }
    cell = a.kind == AuditKind::sample ? 2 : 1;
  }
  // Fixed obligations.
  std::vector<std::int64_t> fixed3(Y, 0);
  std::vector<std::int32_t> seen(n, -1);
  for (std::size_t y = 0; y < Y; ++y) {
    for (const Obligation &o : c.fixed[y]) {
      if (c.level(o.unit) == Level::level3 && seen[static_cast<std::size_t>(o.unit)] != static_cast<std::int32_t>(y)) {
        seen[static_cast<std::size_t>(o.unit)] = static_cast<std::int32_t>(y);
        ++fixed3[y];
      }
      if (audited[static_cast<std::size_t>(o.unit) * Y + y] == 0)
        out.push_back({o.rule, o.year, c.id(o.unit), "no audit in " + yr(o.year) + ": " + o.reason});
    }
  }
  // Yearly shares and the level-3 sample.
  for (std::size_t y = 0; y < Y; ++y) {
    std::int64_t c1 = 0, c2 = 0, samples = 0;
    for (std::size_t u = 0; u < n; ++u) {
      std::uint8_t a = audited[u * Y + y];
      if (a == 0) continue;
      Level l = c.req->units[u].level;
      if (l == Level::level1) ++c1;
      else if (l == Level::level2) ++c2;
      else if (l == Level::level3 && a == 2) ++samples;
    }
    auto year = static_cast<std::int32_t>(c.fy + static_cast<std::int32_t>(y));
    if (c1 < c.q1)
      out.push_back({"level1.share", year, {},
                     yr(c1) + " level-1 audits in " + yr(year) + ", at least " + yr(c.q1) +
                         " required (" + c.s1.to_string() + " of " + yr(c.n1) + ")"});
    if (c2 < c.q2)
      out.push_back({"level2.share", year, {},
                     yr(c2) + " level-2 audits in " + yr(year) + ", at least " + yr(c.q2) +
                         " required (" + c.s2.to_string() + " of " + yr(c.n2) + ")"});
    std::int64_t need = std::min(c.sample_min, c.n3 - fixed3[y]);
    if (samples < need)
      out.push_back({"level3.sample", year, {},
                     yr(samples) + " level-3 sample audits in " + yr(year) + ", at least " +
                         yr(need) + " required"});
    if (samples > c.sample_max)
      out.push_back({"level3.sample", year, {},
                     yr(samples) + " level-3 sample audits in " + yr(year) + ", at most " +
                         yr(c.sample_max) + " allowed"});
  }
  // Coverage windows: between consecutive audits (the last one before the horizon, or the
  // start of the unit's clock, and the year after the horizon) at most k years.
  for (std::size_t u = 0; u < n; ++u) {
    std::int32_t k = c.window[u];
    if (k == 0) continue;
    std::int32_t prev = c.base[u];
    const char *rule = c.req->units[u].level == Level::level1 ? "level1.coverage" : "level2.coverage";
    for (std::int32_t y = c.fy; y <= c.ly + 1; ++y) {
      bool a = y == c.ly + 1 || audited[u * Y + static_cast<std::size_t>(y - c.fy)] != 0;
      if (!a) continue;
      if (y - prev > k)
        out.push_back({rule, prev + k, c.id(static_cast<std::int32_t>(u)),
                       "no audit in the " + yr(k) + " years " + yr(prev + 1) + "-" + yr(prev + k) +
                           " (every unit at least once in every " + yr(k) + " consecutive years)"});
      prev = y;
    }
  }
  return out;
}

// ---- the planner ----------------------------------------------------------------------------

struct Draft {
  std::vector<PlannedAudit> audits;
  std::int64_t max_load = 0;
};

Draft draft(const Ctx &c, std::int64_t cap, std::uint64_t seed) {
  Draft d;
  const std::size_t n = c.req->units.size();
  std::vector<std::int32_t> last(c.base);
  std::vector<std::int32_t> stamp(n, INT32_MIN);
  std::vector<std::int32_t> cand;
  cand.reserve(n);
  for (std::int32_t y = c.fy; y <= c.ly; ++y) {
    std::int64_t load = 0, c1 = 0, c2 = 0;
    auto deadline = [&](std::int32_t u) {
      return last[static_cast<std::size_t>(u)] + c.window[static_cast<std::size_t>(u)];
    };
    auto take = [&](std::int32_t u, AuditKind kind, std::string reason, std::string leader) {
      auto su = static_cast<std::size_t>(u);
      if (stamp[su] == y) return true;  // already on the plan this year: that audit serves
      if (load >= cap) return false;
      stamp[su] = y;
      ++load;
      Level l = c.level(u);
      if (l == Level::level1) ++c1;
      if (l == Level::level2) ++c2;
      if (c.window[su] != 0) last[su] = y;
      d.audits.push_back({y, c.id(u), kind, std::move(reason), std::move(leader)});
      return true;
    };
    auto edf = [&](auto pred) {
      cand.clear();
      for (std::int32_t u = 0; u < static_cast<std::int32_t>(n); ++u)
        if (stamp[static_cast<std::size_t>(u)] != y && pred(u)) cand.push_back(u);
      std::sort(cand.begin(), cand.end(), [&](std::int32_t a, std::int32_t b) {
        std::int32_t da = deadline(a), db = deadline(b);
        if (da != db) return da < db;
        return c.rank[static_cast<std::size_t>(a)] < c.rank[static_cast<std::size_t>(b)];
      });
    };
    // 1. fixed obligations.
    for (const Obligation &o : c.fixed[static_cast<std::size_t>(y - c.fy)])
      take(o.unit, o.kind, o.reason, o.leader_id);
    // 2. coverage deadlines this year (or overdue).
    edf([&](std::int32_t u) { return c.window[static_cast<std::size_t>(u)] != 0 && deadline(u) <= y; });
    for (std::int32_t u : cand) {
      auto su = static_cast<std::size_t>(u);
      std::string why = "level " + std::string(level_name(c.level(u))) + " coverage: " +
                        (last[su] >= c.fy ? "last audit " + yr(last[su])
                         : c.past[su] != kNone ? "last audit " + yr(c.past[su])
                                               : std::string("no audit known")) +
                        ", due by " + yr(deadline(u)) + " (HOLINGOL.2)";
      take(u, AuditKind::in_term, std::move(why), {});
    }
    // 3. yearly shares, nearest deadline first.
    for (Level lv : {Level::level1, Level::level2}) {
      std::int64_t &cnt = lv == Level::level1 ? c1 : c2;
      std::int64_t q = lv == Level::level1 ? c.q1 : c.q2;
      if (cnt >= q) continue;
      edf([&](std::int32_t u) { return c.level(u) == lv; });
      for (std::int32_t u : cand) {
        if (cnt >= q) break;
        std::string why = "level " + std::string(level_name(lv)) + " yearly share: at least " +
                          yr(q) + " a year; coverage due by " + yr(deadline(u)) + " (HOLINGOL.2)";
        if (!take(u, AuditKind::in_term, std::move(why), {})) break;
      }
    }
    // 4. the level-3 sample.
    std::vector<std::string> pool;
    std::vector<std::int32_t> pool_idx;
    for (std::int32_t u : c.level3_by_id)
      if (stamp[static_cast<std::size_t>(u)] != y) {
        pool.push_back(c.id(u));
        pool_idx.push_back(u);
      }
    std::vector<std::string> drawn =
        draw_sample(pool, static_cast<std::size_t>(c.sample_max), seed, y);
    std::size_t need = static_cast<std::size_t>(std::min<std::int64_t>(c.sample_min, static_cast<std::int64_t>(pool.size())));
    auto sample_reason = [&](std::size_t i) {
      return "level 3 sample: draw " + yr(static_cast<std::int64_t>(i + 1)) + " of " +
             yr(static_cast<std::int64_t>(pool.size())) + " candidates, seed " +
             std::to_string(seed) + ", year " + yr(y) + " (任中抽审, HOLINGOL.2)";
    };
    std::size_t drawn_taken = 0;
    for (; drawn_taken < need && drawn_taken < drawn.size(); ++drawn_taken)
      if (!take(c.index.at(drawn[drawn_taken]), AuditKind::sample, sample_reason(drawn_taken), {}))
        break;
    // 5. pull forward to the even load, nearest deadline first.
    if (load < cap) {
      edf([&](std::int32_t u) {
        return c.window[static_cast<std::size_t>(u)] != 0 && deadline(u) <= c.ly;
      });
      for (std::int32_t u : cand) {
        if (load >= cap) break;
        take(u, AuditKind::in_term,
             "even load: coverage due by " + yr(deadline(u)) + ", audited ahead (HOLINGOL.2)", {});
      }
    }
    // 6. the rest of the sample while capacity remains.
    for (std::size_t i = drawn_taken; i < drawn.size() && load < cap && drawn_taken == need; ++i)
      take(c.index.at(drawn[i]), AuditKind::sample, sample_reason(i), {});
    d.max_load = std::max(d.max_load, load);
  }
  std::sort(d.audits.begin(), d.audits.end(), [](const PlannedAudit &a, const PlannedAudit &b) {
    return a.year != b.year ? a.year < b.year : a.unit_id < b.unit_id;
  });
  return d;
}

/// A lower bound on the yearly capacity of any plan meeting the rules: each year, the units that
/// must be audited that year and the shares.
std::int64_t lower_bound(const Ctx &c) {
  const std::size_t n = c.req->units.size();
  std::int64_t lb = 0;
  std::vector<std::int32_t> seen(n, -1);
  for (std::size_t y = 0; y < static_cast<std::size_t>(c.years); ++y) {
    std::int64_t f[4] = {0, 0, 0, 0};
    auto mark = [&](std::int32_t u) {
      if (seen[static_cast<std::size_t>(u)] == static_cast<std::int32_t>(y)) return;
      seen[static_cast<std::size_t>(u)] = static_cast<std::int32_t>(y);
      ++f[static_cast<int>(c.level(u))];
    };
    for (const Obligation &o : c.fixed[y]) mark(o.unit);
    if (y == 0)
      for (std::size_t u = 0; u < n; ++u)
        if (c.window[u] != 0 && c.base[u] + c.window[u] <= c.fy) mark(static_cast<std::int32_t>(u));
    std::int64_t need = f[0] + std::max(c.q1, f[1]) + std::max(c.q2, f[2]) + f[3] +
                        std::min(c.sample_min, c.n3 - f[3]);
    lb = std::max(lb, need);
  }
  return lb;
}

}  // namespace

std::vector<Breach> verify_plan(std::span<const PlannedAudit> plan, const PlanRequest &request,
                                const Policy &policy) {
  Ctx c = build(request, policy);
  return verify(c, plan);
}

Plan plan(const PlanRequest &request, const Policy &policy) {
  Ctx c = build(request, policy);
  const auto n = static_cast<std::int64_t>(request.units.size());
  Plan p;
  p.capacity = request.capacity;
  p.seed = request.seed;
  p.lower_bound = lower_bound(c);
  // The least capacity at which the planner meets every rule: every capacity from the proven
  // lower bound upward is tried (at capacity n every unit can be audited every year, which
  // meets every rule, so the search ends there at the latest).
  std::int64_t cap = p.lower_bound;
  Draft best;
  for (;; ++cap) {
    Draft d = draft(c, cap, request.seed);
    if (verify(c, d.audits).empty() || cap >= std::max(n, p.lower_bound)) {
      best = std::move(d);
      break;
    }
  }
  p.min_capacity = cap;
  if (request.capacity >= p.min_capacity) {
    p.audits = std::move(best.audits);
    p.capacity_used = best.max_load;
  } else {
    Draft d = draft(c, request.capacity, request.seed);
    p.shortfall = verify(c, d.audits);
    p.audits = std::move(d.audits);
    p.capacity_used = d.max_load;
  }
  p.feasible = p.shortfall.empty();
  p.explanation = std::move(c.ex);
  Explanation &ex = p.explanation;
  ex.add_input("units.level1", yr(c.n1));
  ex.add_input("units.level2", yr(c.n2));
  ex.add_input("units.level3", yr(c.n3));
  ex.add_input("capacity", yr(request.capacity));
  ex.add_input("seed", std::to_string(request.seed));
  ex.add_rule({"audit.plan.shares", "HOLINGOL.2",
               "一级每年至少审计" + yr(c.q1) + "个（" + yr(c.n1) + "个的" + c.s1.to_string() +
                   "），二级每年至少" + yr(c.q2) + "个（" + yr(c.n2) + "个的" + c.s2.to_string() + "）",
               "level 1: at least " + yr(c.q1) + " a year (" + c.s1.to_string() + " of " +
                   yr(c.n1) + "); level 2: at least " + yr(c.q2) + " a year (" +
                   c.s2.to_string() + " of " + yr(c.n2) + ")"});
  ex.add_rule({"audit.plan.capacity", "HOLINGOL.2",
               "满足全部规则所需的最少年度审计能力为" + yr(p.min_capacity) + "个",
               "least yearly capacity meeting every rule: " + yr(p.min_capacity)});
  ex.add_rule({p.feasible ? "audit.plan.feasible" : "audit.plan.infeasible", "HOLINGOL.2",
               p.feasible ? "审计计划满足全部规则"
                          : "年度审计能力" + yr(request.capacity) + "不足，" +
                                yr(static_cast<std::int64_t>(p.shortfall.size())) + "项义务未满足",
               p.feasible ? "the plan meets every rule"
                          : "capacity " + yr(request.capacity) + " is short: " +
                                yr(static_cast<std::int64_t>(p.shortfall.size())) +
                                " obligations fail"});
  return p;
}

}  // namespace cadrekit::audit
