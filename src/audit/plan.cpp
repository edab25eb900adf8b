// HOLINGOL.2: the multi-year audit plan and its checker.
#include <algorithm>
#include <climits>
#include <iterator>
#include <string>
#include <unordered_map>

#include "cadrekit/audit.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/vocabulary.hpp"
#include "core/id_index.hpp"
#include "core/text.hpp"

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
constexpr std::int32_t kFar = INT32_MAX / 4;

/// One fixed obligation: a unit that must be audited in a given year.
struct Obligation {
  std::int32_t year;
  std::int32_t unit;
  AuditKind kind;
  std::string rule;
  std::string leader_id;
  std::string reason;
};

/// Stricter of two levels (special > 1 > 2 > 3).
Level stricter(Level a, Level b) {
  return static_cast<int>(a) <= static_cast<int>(b) ? a : b;
}

/// Everything the rules derive from the request (shared by plan and verify_plan).
struct Ctx {
  std::int32_t first_year = 0, last_year = 0, years = 0;  // the horizon
  const PlanRequest *req = nullptr;
  text_util::TextIndex index;        // unit ids (views of req's), numbered as the units
  std::vector<std::int32_t> by_id;   // unit indices sorted by id
  std::vector<std::int32_t> rank;    // position of each unit in by_id
  std::vector<Level> levels;         // level in force in each year: levels[u * years + y]
  // Year of the last audit before the horizon, or first_year - 1: where a unit's clock starts.
  std::vector<std::int32_t> clock_start;
  std::vector<std::int32_t> last_past_audit;        // year of the last past audit, or kNone
  std::vector<std::vector<TierChange>> histories;   // re-tiered units: their history, else empty
  std::vector<std::vector<Obligation>> obligations;  // fixed ones, by year offset, priority order
  // By year offset: how many units are at each level, and the least audits of levels 1 and 2.
  std::vector<std::int64_t> level1_units, level2_units, level3_units;
  std::vector<std::int64_t> level1_quota, level2_quota;
  std::int64_t level1_window = 0, level2_window = 0;  // full-coverage years of levels 1 and 2
  std::int64_t term_years = 0, sample_min = 0, sample_max = 0;
  std::int64_t retiered = 0;  // units whose level changes inside the horizon
  Share level1_share, level2_share;  // the least yearly share of levels 1 and 2
  std::vector<AuditFinding> referrals;
  Explanation ex;

  /// The number of a unit known to be among the units.
  std::int32_t unit(std::string_view id) const { return static_cast<std::int32_t>(index.find(id)); }
  Level level(std::int32_t u, std::int32_t yi) const {
    return levels[static_cast<std::size_t>(u) * static_cast<std::size_t>(years) +
                  static_cast<std::size_t>(yi)];
  }
  /// The coverage window (years) of unit u's level in year offset yi; 0 for level 3 and special.
  std::int32_t window(std::int32_t u, std::int32_t yi) const {
    Level l = level(u, yi);
    return l == Level::level1 ? static_cast<std::int32_t>(level1_window)
           : l == Level::level2 ? static_cast<std::int32_t>(level2_window) : 0;
  }
  const std::string &id(std::int32_t u) const {
    return req->units[static_cast<std::size_t>(u)].unit_id;
  }
};

std::string to_text(std::int64_t v) { return std::to_string(v); }

/// The coverage deadline of unit u when its last audit was in `last`, looking from year y: the
/// first year e ≥ y in which the window of the level in force in e (3 years for level 1, 5 for
/// level 2) would close without an audit. A unit entering level 1/2 from level 3 or special
/// starts its clock that year. Returns that year e (when already overdue in y, the year it fell
/// due, at least first_year), or kFar when none is in the horizon.
std::int32_t next_deadline(const Ctx &c, std::int32_t u, std::int32_t last, std::int32_t y) {
  std::int32_t eff = last;
  for (std::int32_t e = y; e <= c.last_year; ++e) {
    std::int32_t k = c.window(u, e - c.first_year);
    if (k == 0) continue;
    if (e > c.first_year && c.window(u, e - 1 - c.first_year) == 0) eff = std::max(eff, e - 1);
    // Overdue already in y: the year it fell due (for the order), at least first_year; else e.
    if (e - eff >= k) return e == y ? std::max(eff + k, c.first_year) : e;
  }
  return kFar;
}

/// A note for the reasons of a re-tiered unit: its level in force in y and the last change.
std::string retier_note(const Ctx &c, std::int32_t u, std::int32_t y) {
  const auto &h = c.histories[static_cast<std::size_t>(u)];
  if (h.empty()) return {};
  const Date end = make_date(y, 12, 31);
  const TierChange *last = nullptr;
  for (const TierChange &ch : h)
    if (ch.effective <= end && ch.kind != ChangeKind::initial) last = &ch;
  std::string s = "; level in force in " + to_text(y) + ": " + level_name(c.level(u, y - c.first_year));
  if (last)
    s += " (re-tiered " + to_iso(last->effective) + ": " + last->note + ")";
  return s;
}

/// Replays the funds and reviews of one unit through TierHistory: its level in each year of
/// the horizon (the strictest level in force on any day of the year), the audits its special
/// funds make due, and the referrals recorded.
void replay_unit(Ctx &c, const Policy &policy, std::int32_t u,
                 const std::vector<std::size_t> &funds, const std::vector<std::size_t> &reviews,
                 const std::vector<Date> &past_dates) {
  const PlanRequest &r = *c.req;
  const PlanUnit &pu = r.units[static_cast<std::size_t>(u)];
  const Date jan1 = make_date(c.first_year, 1, 1);
  struct Action {
    Date date;
    int order;  // reviews (0), completions (1), receipts (2), same-day completions (3)
    std::size_t idx;
  };
  std::vector<Action> acts;
  Date start = jan1;
  for (std::size_t i : reviews) {
    const LevelReview &v = r.reviews[i];
    Date d = make_date(v.year, 1, 1, "year");
    acts.push_back({d, 0, i});
    start = std::min(start, d);
  }
  for (std::size_t i : funds) {
    const FundEvent &f = r.funds[i];
    acts.push_back({f.received, 2, i});
    start = std::min(start, f.received);
    // A completion goes before other funds received that day, but after its own receipt.
    if (f.completed && f.finding)
      acts.push_back({*f.completed, *f.completed == f.received ? 3 : 1, i});
  }
  std::stable_sort(acts.begin(), acts.end(), [](const Action &a, const Action &b) {
    return a.date != b.date ? a.date < b.date : a.order < b.order;
  });
  TierHistory h(pu.unit_id);
  h.start(pu.level, start, "base level given for the plan");
  for (const Action &a : acts) {
    if (a.order == 0) {
      const LevelReview &v = r.reviews[a.idx];
      std::string rec = "reviews[" + to_text(static_cast<std::int64_t>(a.idx)) + "]";
      try {
        h.annual_review(v.level, v.year, policy);
      } catch (const StateError &e) {
        throw InvalidInput(e.message(), "year", rec);
      }
      continue;
    }
    const FundEvent &f = r.funds[a.idx];
    std::string rec = "funds[" + to_text(static_cast<std::int64_t>(a.idx)) + "]";
    if (a.order == 1 || a.order == 3) {
      try {
        h.complete_special_funds(*f.completed, *f.finding, rec);
      } catch (const StateError &e) {
        throw InvalidInput(e.message(), "completed", rec);
      }
      continue;
    }
    // Several funds of a unit may be open at once: each is its own fund (its record is its id).
    SpecialFundsResult res;
    try {
      res = h.receive_special_funds(f.amount, f.received, policy, rec);
    } catch (const InvalidInput &e) {
      throw InvalidInput(e.message(), e.field(), rec, e.code());
    } catch (const StateError &e) {
      throw InvalidInput(e.message(), "date", rec);
    }
    // The audit the funds make due (the special band's audits are the yearly tracking).
    std::optional<std::int32_t> due;
    Date counted_from = f.received;
    std::string why;
    if (res.band == FundsBand::level_up && f.completed) {
      due = static_cast<std::int32_t>(f.completed->year());
      counted_from = *f.completed;
      why = "special funds of " + f.amount.format() + " received " + to_iso(f.received) +
            " (one level up): audit once the project is finished (" + to_iso(*f.completed) +
            ") (HOLINGOL.3)";
    } else if (res.band == FundsBand::small) {
      Date by = f.received + boost::gregorian::years(*res.audit_within_years) -
                boost::gregorian::days(1);
      due = static_cast<std::int32_t>(by.year());
      why = "special funds of " + f.amount.format() + " received " + to_iso(f.received) +
            ": audit within " + to_text(*res.audit_within_years) + " years, by " + to_iso(by) +
            " (HOLINGOL.3)";
    }
    if (!due || *due > c.last_year) continue;
    if (*due < c.first_year) {
      if (std::any_of(past_dates.begin(), past_dates.end(),
                      [&](Date d) { return d >= counted_from; }))
        continue;  // audited before the horizon
      due = c.first_year;
    }
    c.obligations[static_cast<std::size_t>(*due - c.first_year)].push_back(
        {*due, u, AuditKind::special_project, "special.funds_due", {}, why});
  }
  for (const AuditFinding &f : h.referrals()) c.referrals.push_back(f);
  // Level in force in each year: the strictest on any day of the year.
  const auto &ch = h.changes();
  bool varies = false;
  for (std::int32_t y = c.first_year; y <= c.last_year; ++y) {
    Level l = h.level_on(make_date(y, 1, 1));
    const Date lo = make_date(y, 1, 1), hi = make_date(y, 12, 31);
    for (const TierChange &x : ch)
      if (x.effective >= lo && x.effective <= hi) l = stricter(l, x.level);
    c.levels[static_cast<std::size_t>(u) * static_cast<std::size_t>(c.years) +
         static_cast<std::size_t>(y - c.first_year)] = l;
    if (l != pu.level) varies = true;
  }
  if (varies) ++c.retiered;
  c.histories[static_cast<std::size_t>(u)] = ch;
}

Ctx build(const PlanRequest &r, const Policy &policy) {
  Ctx c;
  c.req = &r;
  if (r.first_year < 1900 || r.first_year > 9999)
    throw InvalidInput("first_year must be within 1900…9999", "first_year");
  if (r.last_year < r.first_year || r.last_year - r.first_year >= 100)
    throw InvalidInput("last_year must be within first_year … first_year + 99", "last_year");
  if (r.capacity < 0) throw InvalidInput("capacity must not be negative", "capacity");
  c.first_year = r.first_year;
  c.last_year = r.last_year;
  c.years = c.last_year - c.first_year + 1;
  const Date as_of = make_date(c.first_year, 1, 1, "first_year");
  const Date horizon_start = as_of;
  const auto Y = static_cast<std::size_t>(c.years);
  Explanation &ex = c.ex;
  ex.subject = "audit plan " + to_text(c.first_year) + "-" + to_text(c.last_year);
  c.level1_share = policy.share("audit.level1.min_share_per_year", as_of, &ex);
  c.level2_share = policy.share("audit.level2.min_share_per_year", as_of, &ex);
  c.level1_window = policy.integer("audit.level1.full_coverage_years", as_of, &ex);
  c.level2_window = policy.integer("audit.level2.full_coverage_years", as_of, &ex);
  c.term_years = policy.integer("audit.level3.term_audit_years", as_of, &ex);
  c.sample_min = policy.integer("audit.level3.sample_min_per_year", as_of, &ex);
  c.sample_max = policy.integer("audit.level3.sample_max_per_year", as_of, &ex);
  if (c.level1_window < 1 || c.level1_window > 100)
    throw PolicyError("must be within 1…100", "audit.level1.full_coverage_years", policy.name());
  if (c.level2_window < 1 || c.level2_window > 100)
    throw PolicyError("must be within 1…100", "audit.level2.full_coverage_years", policy.name());
  if (c.term_years < 1 || c.term_years > 100)
    throw PolicyError("must be within 1…100", "audit.level3.term_audit_years", policy.name());
  if (c.sample_min < 0 || c.sample_max < c.sample_min)
    throw PolicyError("need 0 ≤ sample_min ≤ sample_max", "audit.level3.sample_max_per_year",
                      policy.name());

  const std::size_t n = r.units.size();
  if (n > static_cast<std::size_t>(INT32_MAX / 4)) throw InvalidInput("too many units", "units");
  c.index = text_util::TextIndex(n);
  c.levels.resize(n * Y);
  for (std::size_t i = 0; i < n; ++i) {
    const PlanUnit &u = r.units[i];
    if (vocabulary::blank(u.unit_id))
      throw InvalidInput("unit_id is empty", "unit_id", to_text(static_cast<std::int64_t>(i)));
    if (!c.index.insert(u.unit_id, "unit_id").second)  // (numbered i: every unit is inserted)
      throw InvalidInput("duplicate unit_id", "unit_id", u.unit_id);
    switch (u.level) {
      case Level::level1: case Level::level2: case Level::level3: case Level::special: break;
      default: throw InvalidInput("level must be 1, 2, 3 or special", "level", u.unit_id);
    }
    std::fill_n(c.levels.begin() + static_cast<std::ptrdiff_t>(i * Y), Y, u.level);
  }
  const std::vector<std::size_t> by_id = text_util::order_by_text(
      n, [&](std::size_t i) { return std::string_view(c.id(static_cast<std::int32_t>(i))); });
  c.by_id.assign(by_id.begin(), by_id.end());  // (n was checked against INT32_MAX / 4 above)
  c.rank.resize(n);
  for (std::size_t i = 0; i < n; ++i) c.rank[static_cast<std::size_t>(c.by_id[i])] = static_cast<std::int32_t>(i);

  // Past audits: the latest year of each unit, and their dates for the five-year-term rule.
  std::vector<std::int32_t> last(n, kNone);
  std::vector<std::vector<Date>> past_dates(n);
  for (std::size_t i = 0; i < r.audits.size(); ++i) {
    const PastAudit &a = r.audits[i];
    std::string rec = "audits[" + to_text(static_cast<std::int64_t>(i)) + "]";
    const std::int64_t unit = c.index.find(a.unit_id);
    if (unit < 0) throw InvalidInput("unit_id is not among the units", "unit_id", rec);
    if (a.date.is_special()) throw InvalidInput("date is not a date", "date", rec);
    if (a.date >= horizon_start)
      throw InvalidInput("a past audit must be dated before the first year", "date", rec);
    auto u = static_cast<std::size_t>(unit);
    last[u] = std::max(last[u], static_cast<std::int32_t>(a.date.year()));
    past_dates[u].push_back(a.date);
  }
  c.last_past_audit = last;
  // No audit known: the unit's coverage clock starts with the horizon.
  c.clock_start.assign(n, c.first_year - 1);
  for (std::size_t u = 0; u < n; ++u)
    if (last[u] != kNone) c.clock_start[u] = last[u];

  // Fixed obligations by year, in priority order. Special funds and reviews first: they decide
  // each unit's level in each year.
  c.obligations.assign(Y, {});
  c.histories.assign(n, {});
  {
    std::unordered_map<std::int32_t, std::pair<std::vector<std::size_t>, std::vector<std::size_t>>> per;
    for (std::size_t i = 0; i < r.funds.size(); ++i) {
      const FundEvent &f = r.funds[i];
      std::string rec = "funds[" + to_text(static_cast<std::int64_t>(i)) + "]";
      const std::int64_t unit = c.index.find(f.unit_id);
      if (unit < 0) throw InvalidInput("unit_id is not among the units", "unit_id", rec);
      if (f.received.is_special()) throw InvalidInput("date is not a date", "date", rec);
      if (static_cast<int>(f.received.year()) > c.last_year)
        throw InvalidInput("special funds must be received by the last year", "date", rec);
      if (f.amount < Money()) throw InvalidInput("amount must not be negative", "amount", rec);
      if (f.completed && (f.completed->is_special() || *f.completed < f.received))
        throw InvalidInput("completed must be a date on or after the date received", "completed", rec);
      if (f.finding && !f.completed)
        throw InvalidInput("a finding needs the completion date", "finding", rec);
      per[static_cast<std::int32_t>(unit)].first.push_back(i);
    }
    for (std::size_t i = 0; i < r.reviews.size(); ++i) {
      const LevelReview &v = r.reviews[i];
      std::string rec = "reviews[" + to_text(static_cast<std::int64_t>(i)) + "]";
      const std::int64_t unit = c.index.find(v.unit_id);
      if (unit < 0) throw InvalidInput("unit_id is not among the units", "unit_id", rec);
      if (v.year < 1900 || v.year > c.last_year)
        throw InvalidInput("year must be within 1900 … last_year", "year", rec);
      per[static_cast<std::int32_t>(unit)].second.push_back(i);
    }
    std::vector<std::int32_t> keys;
    for (const auto &kv : per) keys.push_back(kv.first);
    std::sort(keys.begin(), keys.end());
    for (std::int32_t u : keys) {
      auto &fr = per[u];
      std::sort(fr.second.begin(), fr.second.end(), [&](std::size_t a, std::size_t b) {
        return r.reviews[a].year < r.reviews[b].year;
      });
      for (std::size_t j = 1; j < fr.second.size(); ++j)
        if (r.reviews[fr.second[j]].year == r.reviews[fr.second[j - 1]].year)
          throw InvalidInput("two reviews of the unit in one year", "year",
                             "reviews[" + to_text(static_cast<std::int64_t>(fr.second[j])) + "]");
      replay_unit(c, policy, u, fr.first, fr.second, past_dates[static_cast<std::size_t>(u)]);
    }
  }
  c.level1_units.assign(Y, 0);
  c.level2_units.assign(Y, 0);
  c.level3_units.assign(Y, 0);
  c.level1_quota.assign(Y, 0);
  c.level2_quota.assign(Y, 0);
  for (std::size_t u = 0; u < n; ++u)
    for (std::size_t y = 0; y < Y; ++y) switch (c.levels[u * Y + y]) {
        case Level::level1: ++c.level1_units[y]; break;
        case Level::level2: ++c.level2_units[y]; break;
        case Level::level3: ++c.level3_units[y]; break;
        default: break;
      }
  for (std::size_t y = 0; y < Y; ++y) {
    c.level1_quota[y] = at_least_share(c.level1_units[y], c.level1_share);
    c.level2_quota[y] = at_least_share(c.level2_units[y], c.level2_share);
  }

  auto add = [&](std::int32_t y, std::int32_t u, AuditKind kind, std::string rule,
                 std::string leader, std::string reason) {
    c.obligations[static_cast<std::size_t>(y - c.first_year)].push_back(
        {y, u, kind, std::move(rule), std::move(leader), std::move(reason)});
  };
  // Special level: tracking every year it is in force (these go before the funds' audits).
  std::vector<std::vector<Obligation>> tracking(Y);
  for (std::size_t u = 0; u < n; ++u) {
    auto ui = static_cast<std::int32_t>(u);
    for (std::int32_t y = c.first_year; y <= c.last_year; ++y)
      if (c.level(ui, y - c.first_year) == Level::special)
        tracking[static_cast<std::size_t>(y - c.first_year)].push_back(
            {y, ui, AuditKind::special_project, "special.tracking", {},
             "special level: tracking and budget-and-final-accounts audit every year "
             "(HOLINGOL.3)" + retier_note(c, ui, y)});
  }
  for (std::size_t y = 0; y < Y; ++y) {
    auto &f = c.obligations[y];
    f.insert(f.begin(), std::make_move_iterator(tracking[y].begin()),
             std::make_move_iterator(tracking[y].end()));
  }
  for (std::size_t u = 0; u < n; ++u) {
    const auto &due = r.units[u].special_due_year;
    if (!due) continue;
    if (*due < 1900 || *due > 9999)
      throw InvalidInput("special_due_year must be within 1900…9999", "special_due_year",
                         r.units[u].unit_id);
    if (*due > c.last_year) continue;
    std::int32_t y = std::max(*due, c.first_year);
    add(y, static_cast<std::int32_t>(u), AuditKind::special_project, "special.funds_due", {},
        "special-fund audit due by " + to_text(*due) + " (HOLINGOL.3)");
  }
  for (std::size_t i = 0; i < r.terms.size(); ++i) {
    const Term &t = r.terms[i];
    std::string rec = "terms[" + to_text(static_cast<std::int64_t>(i)) + "]";
    const std::int64_t unit = c.index.find(t.unit_id);
    if (unit < 0) throw InvalidInput("unit_id is not among the units", "unit_id", rec);
    if (t.start.is_special()) throw InvalidInput("start is not a date", "start", rec);
    if (t.planned_end && (t.planned_end->is_special() || *t.planned_end < t.start))
      throw InvalidInput("planned_end must be a date on or after start", "planned_end", rec);
    const auto u = static_cast<std::int32_t>(unit);
    if (t.planned_end) {
      auto y = static_cast<std::int32_t>(t.planned_end->year());
      if (y >= c.first_year && y <= c.last_year && c.level(u, y - c.first_year) == Level::level3)
        add(y, u, AuditKind::departure, "level3.departure", t.leader_id,
            "level 3: leader " + t.leader_id + " leaves office in " + to_text(y) +
                " (离任必审, HOLINGOL.2)" + retier_note(c, u, y));
    }
    Date ann = t.start + boost::gregorian::years(static_cast<int>(c.term_years));
    if (t.planned_end && *t.planned_end < ann) continue;
    auto ya = static_cast<std::int32_t>(ann.year());
    if (ya > c.last_year) continue;
    if (ya < c.first_year) {
      const auto &pd = past_dates[static_cast<std::size_t>(u)];
      if (std::any_of(pd.begin(), pd.end(), [&](Date d) { return d >= ann; })) continue;
      ya = c.first_year;
    }
    if (c.level(u, ya - c.first_year) != Level::level3) continue;
    add(ya, u, AuditKind::five_year_term, "level3.five_year_term", t.leader_id,
        "level 3: leader " + t.leader_id + "'s term reaches " + to_text(c.term_years) + " years on " +
            to_iso(ann) + " (任期满五年必审, HOLINGOL.2)" + retier_note(c, u, ya));
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
    if (a.year < c.first_year || a.year > c.last_year) {
      out.push_back({"plan.year", a.year, a.unit_id, "year " + to_text(a.year) + " is outside the horizon"});
      continue;
    }
    const std::int64_t unit = c.index.find(a.unit_id);
    if (unit < 0) {
      out.push_back({"plan.unit", a.year, a.unit_id, "unit is not among the units"});
      continue;
    }
    std::uint8_t &cell = audited[static_cast<std::size_t>(unit) * Y +
                                 static_cast<std::size_t>(a.year - c.first_year)];
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
    for (const Obligation &o : c.obligations[y]) {
      if (c.level(o.unit, static_cast<std::int32_t>(y)) == Level::level3 &&
          seen[static_cast<std::size_t>(o.unit)] != static_cast<std::int32_t>(y)) {
        seen[static_cast<std::size_t>(o.unit)] = static_cast<std::int32_t>(y);
        ++fixed3[y];
      }
      if (audited[static_cast<std::size_t>(o.unit) * Y + y] == 0)
        out.push_back({o.rule, o.year, c.id(o.unit), "no audit in " + to_text(o.year) + ": " + o.reason});
    }
  }
  // Yearly shares and the level-3 sample, with the levels in force that year. A sample audit
  // counts only for a unit without another obligation that year (the sample is drawn from
  // those; an obligation audit marked "sample" is not one).
  std::vector<std::int32_t> has_fixed(n, -1);
  for (std::size_t y = 0; y < Y; ++y) {
    for (const Obligation &o : c.obligations[y])
      has_fixed[static_cast<std::size_t>(o.unit)] = static_cast<std::int32_t>(y);
    std::int64_t c1 = 0, c2 = 0, samples = 0;
    for (std::size_t u = 0; u < n; ++u) {
      std::uint8_t a = audited[u * Y + y];
      if (a == 0) continue;
      Level l = c.levels[u * Y + y];
      if (l == Level::level1) ++c1;
      else if (l == Level::level2) ++c2;
      else if (l == Level::level3 && a == 2 && has_fixed[u] != static_cast<std::int32_t>(y))
        ++samples;
    }
    auto year = static_cast<std::int32_t>(c.first_year + static_cast<std::int32_t>(y));
    if (c1 < c.level1_quota[y])
      out.push_back({"level1.share", year, {},
                     to_text(c1) + " level-1 audits in " + to_text(year) + ", at least " +
                         to_text(c.level1_quota[y]) + " required (" + c.level1_share.to_string() + " of " +
                         to_text(c.level1_units[y]) + ")"});
    if (c2 < c.level2_quota[y])
      out.push_back({"level2.share", year, {},
                     to_text(c2) + " level-2 audits in " + to_text(year) + ", at least " +
                         to_text(c.level2_quota[y]) + " required (" + c.level2_share.to_string() + " of " +
                         to_text(c.level2_units[y]) + ")"});
    std::int64_t need = std::min(c.sample_min, c.level3_units[y] - fixed3[y]);
    if (samples < need)
      out.push_back({"level3.sample", year, {},
                     to_text(samples) + " level-3 sample audits in " + to_text(year) + ", at least " +
                         to_text(need) + " required"});
    if (samples > c.sample_max)
      out.push_back({"level3.sample", year, {},
                     to_text(samples) + " level-3 sample audits in " + to_text(year) + ", at most " +
                         to_text(c.sample_max) + " allowed"});
  }
  // Coverage windows: in each year e in which the unit is at level 1 or 2, the window of that
  // level ending in e ([e − k + 1, e]) holds an audit (or the last audit before the horizon, or
  // the start of the unit's clock: the horizon, or the year before it entered level 1/2). One
  // breach per gap, in the first year its window closed empty.
  for (std::size_t u = 0; u < n; ++u) {
    auto ui = static_cast<std::int32_t>(u);
    std::int32_t last = c.clock_start[u];
    bool reported = false, prev_window = true;
    for (std::int32_t y = c.first_year; y <= c.last_year; ++y) {
      const auto yi = static_cast<std::size_t>(y - c.first_year);
      const std::int32_t k = c.window(ui, static_cast<std::int32_t>(yi));
      const bool a = audited[u * Y + yi] != 0;
      if (k == 0) {
        prev_window = false;
        if (a) {
          last = y;
          reported = false;
        }
        continue;
      }
      if (!prev_window) last = std::max(last, y - 1);
      prev_window = true;
      if (a) {
        last = y;
        reported = false;
        continue;
      }
      if (y - last >= k && !reported) {
        reported = true;
        const char *rule = c.levels[u * Y + yi] == Level::level1 ? "level1.coverage" : "level2.coverage";
        out.push_back({rule, y, c.id(ui),
                       "no audit in the " + to_text(k) + " years " + to_text(y - k + 1) + "-" + to_text(y) +
                           " (every unit at least once in every " + to_text(k) +
                           " consecutive years)" + retier_note(c, ui, y)});
      }
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
  std::vector<std::int32_t> last(c.clock_start);
  std::vector<std::int32_t> stamp(n, INT32_MIN);
  std::vector<std::int32_t> dl(n, kFar);
  std::vector<std::int32_t> cand;
  std::vector<std::uint8_t> has_window(n, 0);
  for (std::size_t u = 0; u < n; ++u)
    for (std::int32_t y = 0; y < c.years && !has_window[u]; ++y)
      has_window[u] = c.window(static_cast<std::int32_t>(u), y) != 0;
  cand.reserve(n);
  for (std::int32_t y = c.first_year; y <= c.last_year; ++y) {
    const std::int32_t yi = y - c.first_year;
    for (std::size_t u = 0; u < n; ++u)
      dl[u] = has_window[u] ? next_deadline(c, static_cast<std::int32_t>(u), last[u], y) : kFar;
    std::int64_t load = 0, c1 = 0, c2 = 0;
    auto take = [&](std::int32_t u, AuditKind kind, std::string reason, std::string leader) {
      auto su = static_cast<std::size_t>(u);
      if (stamp[su] == y) return true;  // already on the plan this year: that audit serves
      if (load >= cap) return false;
      stamp[su] = y;
      ++load;
      Level l = c.level(u, yi);
      if (l == Level::level1) ++c1;
      if (l == Level::level2) ++c2;
      last[su] = y;
      d.audits.push_back({y, c.id(u), kind, std::move(reason), std::move(leader)});
      return true;
    };
    auto edf = [&](auto pred) {
      cand.clear();
      for (std::int32_t u = 0; u < static_cast<std::int32_t>(n); ++u)
        if (stamp[static_cast<std::size_t>(u)] != y && pred(u)) cand.push_back(u);
      std::sort(cand.begin(), cand.end(), [&](std::int32_t a, std::int32_t b) {
        std::int32_t da = dl[static_cast<std::size_t>(a)], db = dl[static_cast<std::size_t>(b)];
        if (da != db) return da < db;
        return c.rank[static_cast<std::size_t>(a)] < c.rank[static_cast<std::size_t>(b)];
      });
    };
    auto due_text = [&](std::int32_t u) {
      std::int32_t v = dl[static_cast<std::size_t>(u)];
      return v == kFar ? std::string("no coverage deadline in the horizon") : "coverage due by " + to_text(v);
    };
    // 1. fixed obligations.
    for (const Obligation &o : c.obligations[static_cast<std::size_t>(yi)])
      take(o.unit, o.kind, o.reason, o.leader_id);
    // 2. coverage deadlines this year (or overdue).
    edf([&](std::int32_t u) { return dl[static_cast<std::size_t>(u)] <= y; });
    for (std::int32_t u : cand) {
      auto su = static_cast<std::size_t>(u);
      std::string why = "level " + std::string(level_name(c.level(u, yi))) + " coverage: " +
                        (last[su] >= c.first_year ? "last audit " + to_text(last[su])
                         : c.last_past_audit[su] != kNone ? "last audit " + to_text(c.last_past_audit[su])
                                               : std::string("no audit known")) +
                        ", due by " + to_text(dl[su]) + " (HOLINGOL.2)" + retier_note(c, u, y);
      take(u, AuditKind::in_term, std::move(why), {});
    }
    // 3. yearly shares, nearest deadline first.
    for (Level lv : {Level::level1, Level::level2}) {
      std::int64_t &cnt = lv == Level::level1 ? c1 : c2;
      std::int64_t q = lv == Level::level1 ? c.level1_quota[static_cast<std::size_t>(yi)] : c.level2_quota[static_cast<std::size_t>(yi)];
      if (cnt >= q) continue;
      edf([&](std::int32_t u) { return c.level(u, yi) == lv; });
      for (std::int32_t u : cand) {
        if (cnt >= q) break;
        std::string why = "level " + std::string(level_name(lv)) + " yearly share: at least " +
                          to_text(q) + " a year; " + due_text(u) + " (HOLINGOL.2)" +
                          retier_note(c, u, y);
        if (!take(u, AuditKind::in_term, std::move(why), {})) break;
      }
    }
    // 4. the level-3 sample.
    std::vector<std::string> pool;
    for (std::int32_t u : c.by_id)
      if (c.level(u, yi) == Level::level3 && stamp[static_cast<std::size_t>(u)] != y)
        pool.push_back(c.id(u));
    std::vector<std::string> drawn =
        draw_sample(pool, static_cast<std::size_t>(c.sample_max), seed, y);
    std::size_t need = static_cast<std::size_t>(std::min<std::int64_t>(c.sample_min, static_cast<std::int64_t>(pool.size())));
    auto sample_reason = [&](std::size_t i) {
      return "level 3 sample: draw " + to_text(static_cast<std::int64_t>(i + 1)) + " of " +
             to_text(static_cast<std::int64_t>(pool.size())) + " candidates, seed " +
             to_text(seed) + ", year " + to_text(y) + " (任中抽审, HOLINGOL.2)" +
             retier_note(c, c.unit(drawn[i]), y);
    };
    std::size_t drawn_taken = 0;
    for (; drawn_taken < need && drawn_taken < drawn.size(); ++drawn_taken)
      if (!take(c.unit(drawn[drawn_taken]), AuditKind::sample, sample_reason(drawn_taken), {}))
        break;
    // 5. pull forward to the even load, nearest deadline first.
    if (load < cap) {
      edf([&](std::int32_t u) { return dl[static_cast<std::size_t>(u)] <= c.last_year; });
      for (std::int32_t u : cand) {
        if (load >= cap) break;
        take(u, AuditKind::in_term,
             "even load: " + due_text(u) + ", audited ahead (HOLINGOL.2)" + retier_note(c, u, y),
             {});
      }
    }
    // 6. the rest of the sample while capacity remains.
    for (std::size_t i = drawn_taken; i < drawn.size() && load < cap && drawn_taken == need; ++i)
      take(c.unit(drawn[i]), AuditKind::sample, sample_reason(i), {});
    d.max_load = std::max(d.max_load, load);
  }
  std::sort(d.audits.begin(), d.audits.end(), [](const PlannedAudit &a, const PlannedAudit &b) {
    return a.year != b.year ? a.year < b.year : a.unit_id < b.unit_id;
  });
  return d;
}

/// A lower bound on the yearly capacity of any plan meeting the rules: each year, the units that
/// must be audited that year (fixed obligations; in the first year also the coverage already
/// due) plus what the shares and the sample add beyond them. Returns the bound and its year.
std::pair<std::int64_t, std::int32_t> lower_bound(const Ctx &c) {
  const std::size_t n = c.req->units.size();
  std::int64_t lb = 0;
  std::int32_t at = c.first_year;
  std::vector<std::int32_t> seen(n, -1);
  for (std::size_t y = 0; y < static_cast<std::size_t>(c.years); ++y) {
    const auto yi = static_cast<std::int32_t>(y);
    std::int64_t f[4] = {0, 0, 0, 0};
    auto mark = [&](std::int32_t u) {
      if (seen[static_cast<std::size_t>(u)] == yi) return;
      seen[static_cast<std::size_t>(u)] = yi;
      ++f[static_cast<int>(c.level(u, yi))];
    };
    for (const Obligation &o : c.obligations[y]) mark(o.unit);
    if (y == 0)
      for (std::size_t u = 0; u < n; ++u)
        if (c.window(static_cast<std::int32_t>(u), 0) != 0 &&
            next_deadline(c, static_cast<std::int32_t>(u), c.clock_start[u], c.first_year) <= c.first_year)
          mark(static_cast<std::int32_t>(u));
    std::int64_t need = f[0] + std::max(c.level1_quota[y], f[1]) + std::max(c.level2_quota[y], f[2]) + f[3] +
                        std::min(c.sample_min, c.level3_units[y] - f[3]);
    if (need > lb) {
      lb = need;
      at = c.first_year + yi;
    }
  }
  return {lb, at};
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
  auto [lb, lb_year] = lower_bound(c);
  p.lower_bound = lb;
  p.lower_bound_year = lb_year;
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
  p.min_capacity_proven = p.min_capacity == p.lower_bound;
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
  p.referrals = std::move(c.referrals);
  p.explanation = std::move(c.ex);
  Explanation &ex = p.explanation;
  const std::size_t y0 = 0;
  ex.add_input("units.level1", to_text(c.level1_units[y0]));
  ex.add_input("units.level2", to_text(c.level2_units[y0]));
  ex.add_input("units.level3", to_text(c.level3_units[y0]));
  ex.add_input("capacity", to_text(request.capacity));
  ex.add_input("seed", to_text(request.seed));
  ex.add_rule({"audit.plan.shares", "HOLINGOL.2",
               "一级每年至少审计" + to_text(c.level1_quota[y0]) + "个（" + to_text(c.level1_units[y0]) + "个的" +
                   c.level1_share.to_string() + "），二级每年至少" + to_text(c.level2_quota[y0]) + "个（" +
                   to_text(c.level2_units[y0]) + "个的" + c.level2_share.to_string() + "）（" + to_text(c.first_year) + "年）",
               "level 1: at least " + to_text(c.level1_quota[y0]) + " a year (" + c.level1_share.to_string() + " of " +
                   to_text(c.level1_units[y0]) + "); level 2: at least " + to_text(c.level2_quota[y0]) + " a year (" +
                   c.level2_share.to_string() + " of " + to_text(c.level2_units[y0]) + ") in " + to_text(c.first_year)});
  if (c.retiered > 0) {
    ex.add_input("units.retiered", to_text(c.retiered));
    std::string per_year_en, per_year_zh;
    for (std::size_t y = 0; y < static_cast<std::size_t>(c.years); ++y) {
      std::string yy = to_text(c.first_year + static_cast<std::int32_t>(y));
      per_year_en += (y ? "; " : "") + yy + ": " + to_text(c.level1_units[y]) + "/" + to_text(c.level2_units[y]) + "/" +
                     to_text(c.level3_units[y]) + " units, shares " + to_text(c.level1_quota[y]) + "/" + to_text(c.level2_quota[y]);
      per_year_zh += (y ? "；" : "") + yy + "年" + to_text(c.level1_units[y]) + "/" + to_text(c.level2_units[y]) + "/" +
                     to_text(c.level3_units[y]) + "个，比例下限" + to_text(c.level1_quota[y]) + "/" + to_text(c.level2_quota[y]);
    }
    ex.add_rule({"audit.plan.retier", "HOLINGOL.3",
                 to_text(c.retiered) + "个单位在计划期内调整审计级别：每年的审计密度、覆盖期限和义务按当年"
                     "适用的级别（当年任一日适用的最高级别）计算（" + per_year_zh + "）",
                 to_text(c.retiered) + " units change level inside the horizon: each year's density, "
                     "coverage windows and obligations use the level in force that year (the "
                     "strictest level in force on any day of the year) (" + per_year_en + ")"});
  }
  ex.add_rule({"audit.plan.capacity", "HOLINGOL.2",
               "满足全部规则所需的最少年度审计能力为" + to_text(p.min_capacity) + "个" +
                   (p.min_capacity_proven ? "（等于" + to_text(lb_year) + "年的必审下限，已证明最少）"
                                          : "（本规划方法所需；下限为" + to_text(p.lower_bound) + "）"),
               "least yearly capacity meeting every rule: " + to_text(p.min_capacity) +
                   (p.min_capacity_proven
                        ? " (equals the mandatory load of " + to_text(lb_year) + ": proven least)"
                        : " (for this planner; proven lower bound " + to_text(p.lower_bound) + ")")});
  ex.add_rule({p.feasible ? "audit.plan.feasible" : "audit.plan.infeasible", "HOLINGOL.2",
               p.feasible ? "审计计划满足全部规则"
                          : "年度审计能力" + to_text(request.capacity) + "不足，" +
                                to_text(static_cast<std::int64_t>(p.shortfall.size())) + "项义务未满足",
               p.feasible ? "the plan meets every rule"
                          : "capacity " + to_text(request.capacity) + " is short: " +
                                to_text(static_cast<std::int64_t>(p.shortfall.size())) +
                                " obligations fail"});
  return p;
}

}  // namespace cadrekit::audit
