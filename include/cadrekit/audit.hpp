// Economic-responsibility audit (HOLINGOL, 霍林郭勒市): tiering of units into audit levels,
// dynamic re-tiering with a dated history, special funds, and a multi-year audit plan that meets
// the coverage rules, with a checker that lists every breach of any plan. docs/audit.md.
//
// Every number comes from the policy profile (parameters `audit.*`); every computation takes
// its as-of date or its years. Nothing reads the clock.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cadrekit/core/date.hpp"
#include "cadrekit/core/explanation.hpp"
#include "cadrekit/core/money.hpp"
#include "cadrekit/core/policy.hpp"

namespace cadrekit::audit {

// ------------------------------------------------------------------------------------------
// Levels and tiering (HOLINGOL.1)
// ------------------------------------------------------------------------------------------

/// Audit level of a unit. `special` (特殊级别) is reached through special funds only (≥ 1亿).
enum class Level : std::int8_t { special = 0, level1 = 1, level2 = 2, level3 = 3 };

/// "special", "1", "2", "3".
const char *level_name(Level l) noexcept;
/// "特殊级别", "一级", "二级", "三级".
const char *level_name_zh(Level l) noexcept;
/// Parses "special", "1", "2", "3" (also "level1"…); InvalidInput naming `field` otherwise.
Level parse_level(std::string_view text, std::string_view field = "level");

/// The budget band (基础档次) of HOLINGOL.1.
enum class Band : std::int8_t { high = 0, middle = 1, low = 2 };
const char *band_name(Band b) noexcept;  ///< "high", "middle", "low"

/// The supplementary factors, in this order everywhere (JSON, columns, explanations).
inline constexpr std::size_t factor_count = 9;
enum class Factor : std::uint8_t {
  admin_fees,        ///< 行政事业收费
  special_funds,     ///< 专项资金
  economic_power,    ///< 经济决策权 (default scale 0 none, 1 some, 2 large)
  allocation_power,  ///< 资金分配权 (default scale 0 none, 1 some, 2 large)
  attention,         ///< 社会关注度
  complaints,        ///< 群众反响较大且反映问题比较集中
  high_risk_sector,  ///< 违纪问题高发行业
  special_need,      ///< 需要特殊开展经济责任审计
  window_unit,       ///< 窗口单位
};
/// "admin_fees", … (the JSON / column names).
const char *factor_name(Factor f) noexcept;
/// All factor names in order.
const std::array<std::string_view, factor_count> &factor_names() noexcept;

/// A unit to tier: its budget for the year and its factor values (0…`audit.factor.<f>.max`;
/// booleans are 0/1).
struct Unit {
  std::string unit_id;
  std::string name;
  Money budget;
  std::array<std::int32_t, factor_count> factors{};
  std::int32_t &operator[](Factor f) { return factors[static_cast<std::size_t>(f)]; }
  std::int32_t operator[](Factor f) const { return factors[static_cast<std::size_t>(f)]; }
};

/// One factor's part in a tiering: value × weight = points.
struct FactorPart {
  Factor factor;
  std::int32_t value = 0;
  std::int64_t weight = 0;
  std::int64_t points = 0;
};

struct TierResult {
  std::string unit_id;
  Level level = Level::level3;
  Band band = Band::low;
  std::int64_t band_points = 0;
  std::array<FactorPart, factor_count> parts{};
  std::int64_t score = 0;  ///< band_points + Σ parts[i].points
  Explanation explanation;
};

/// The tiering parameters in force on a date, read once (for batch paths).
struct TierParams {
  Money high_min;                ///< audit.budget_band.high_min
  Money low_max;                 ///< audit.budget_band.low_max
  bool boundary_higher = true;   ///< audit.budget_band.boundary == "higher"
  std::array<std::int64_t, 3> band_points{};  ///< by Band
  std::int64_t level1_min = 0;
  std::int64_t level2_min = 0;
  std::array<std::int64_t, factor_count> factor_max{};
  std::array<std::int64_t, factor_count> factor_weight{};
  /// Reads every parameter; records each use in `ex` when given. PolicyError if a value is
  /// malformed (boundary not higher/lower, low_max > high_min, level2_min > level1_min).
  static TierParams load(const Policy &policy, Date as_of, Explanation *ex = nullptr);
  /// The band of a budget. Defined here, without branches, so that a loop over a column of
  /// budgets is inlined and not slowed by mispredicted jumps.
  Band band_of(Money budget) const noexcept {
    const std::int64_t b = budget.fen(), h = high_min.fen(), l = low_max.fen();
    const bool high = (b > h) | ((b == h) & boundary_higher);
    const bool low = (b < l) | ((b == l) & !boundary_higher);
    return static_cast<Band>(high ? 0 : low ? 2 : 1);
  }
};

/// Tiers one unit (HOLINGOL.1): the budget band gives base points, each supplementary factor
/// adds weight × value, and the total decides the level (level 1 from `level1_min` points,
/// level 2 from `level2_min`, else 3). The explanation names the band, every factor's part
/// and the thresholds. InvalidInput (field "budget" / the factor's name, record unit_id) for a
/// negative budget or a factor outside 0…max.
TierResult tier(const Unit &unit, Date as_of, const Policy &policy);
std::vector<TierResult> tier(std::span<const Unit> units, Date as_of, const Policy &policy);

/// Columnar batch tiering: budgets in fen and one column per factor (an empty span means all
/// zeros). Writes the level (1, 2, 3) of each row to `out_levels` and, when `out_scores` is not
/// empty, the score. No allocation; no explanation. Every row is validated before anything is
/// written: InvalidInput names the column and the index of the first bad row (within a row,
/// the budget before the factors in their order), and the outputs are then untouched.
struct UnitColumns {
  std::span<const std::int64_t> budget_fen;
  std::array<std::span<const std::int8_t>, factor_count> factors{};
};
void tier_columns(const UnitColumns &units, const TierParams &params,
                  std::span<std::int8_t> out_levels, std::span<std::int64_t> out_scores = {});

// ------------------------------------------------------------------------------------------
// Special funds and dynamic re-tiering (HOLINGOL.3)
// ------------------------------------------------------------------------------------------

enum class FundsBand : std::int8_t {
  special = 0,   ///< ≥ 1亿: special level, tracking, budget-and-final-accounts audit
  level_up = 1,  ///< 1千万–1亿: one level up, audit once the project is finished
  small = 2,     ///< < 1千万: up by audit.special_funds.small_step_levels, audit within 2 years
};
const char *funds_band_name(FundsBand b) noexcept;  ///< "special", "level_up", "small"

struct SpecialFundsResult {
  Level previous_level = Level::level3;  ///< the level to return to on a clean completion
  Level new_level = Level::level3;
  FundsBand band = FundsBand::small;
  bool tracking = false;                     ///< tracking supervision (跟踪监督)
  bool budget_final_accounts_audit = false;  ///< 预决算审计
  bool audit_on_completion = false;          ///< audit once the project and funds are spent
  std::optional<std::int32_t> audit_within_years;  ///< small funds: audit within N years
  Explanation explanation;
};

/// The new level and obligations when a unit at `current_level` receives special funds or a key
/// project of `amount` (HOLINGOL.3). A level cannot rise above level 1 except to `special`;
/// a special unit stays special. InvalidInput for a negative amount.
SpecialFundsResult special_funds_level(Level current_level, Money amount, Date as_of,
                                       const Policy &policy);

/// Audit findings (HOLINGOL.4), consumed by the cadre-assessment module.
enum class Finding : std::int8_t { none = 0, minor = 1, serious = 2, referred = 3 };
const char *finding_name(Finding f) noexcept;  ///< "none", "minor", "serious", "referred"
Finding parse_finding(std::string_view text, std::string_view field = "finding");

/// Kind of an audit, planned or done.
enum class AuditKind : std::int8_t {
  in_term = 0,          ///< 任中审计 (level 1/2 coverage and yearly share)
  departure = 1,        ///< 离任审计
  five_year_term = 2,   ///< 任期满五年
  special_project = 3,  ///< special-level tracking / special-fund audit
  sample = 4,           ///< 任中抽审 (level 3)
};
const char *audit_kind_name(AuditKind k) noexcept;  ///< "in_term", "departure", …
AuditKind parse_audit_kind(std::string_view text, std::string_view field = "kind");

/// A finding of one audit for one unit and leader: a plain record for the assessment module.
struct AuditFinding {
  std::string unit_id;
  std::string leader_id;  ///< may be empty when the audit concerns the unit only
  Date date;
  AuditKind kind = AuditKind::in_term;
  Finding finding = Finding::none;
  friend bool operator==(const AuditFinding &, const AuditFinding &) = default;
};

/// Why a tier changed.
enum class ChangeKind : std::int8_t {
  initial = 0,         ///< first tiering
  regrade = 1,         ///< 定期调整: full re-grading every audit.regrade_period_years
  yearly = 2,          ///< 年度微调 at the start of a year
  special_funds = 3,   ///< 随时调整 on special funds / a key project
  completion = 4,      ///< back to the previous level after a clean completion audit
  referral = 5,        ///< completion audit found problems: referred, level kept
};
const char *change_kind_name(ChangeKind k) noexcept;

struct TierChange {
  Date effective;
  Level level = Level::level3;
  ChangeKind kind = ChangeKind::initial;
  std::string note;  ///< short English reason ("special funds 1.2亿 band special", …)
};

/// Special funds open in a tier history, by the id they were received under.
struct OpenFund {
  std::string fund_id;
  SpecialFundsResult result;  ///< result.new_level: the level these funds imply
};

/// The dated tier history of one unit (HOLINGOL.3). Changes are kept in date order; a change
/// dated before the last one is refused (StateError), so the history is append-only. Several
/// special funds may be open at once: the level in force is the strictest of the base level and
/// the levels the open funds imply, and each fund closes on its own.
class TierHistory {
 public:
  explicit TierHistory(std::string unit_id) : unit_id_(std::move(unit_id)) {}
  const std::string &unit_id() const noexcept { return unit_id_; }
  const std::vector<TierChange> &changes() const noexcept { return changes_; }
  /// The level in force on `d`; StateError before the first change.
  Level level_on(Date d) const;
  /// The initial tiering of `unit` on `effective`.
  TierResult start(const Unit &unit, Date effective, const Policy &policy);
  /// The initial level given directly (tiered elsewhere, or by hand), effective `effective`.
  void start(Level level, Date effective, std::string note = "initial level given");
  /// Start-of-year review of `year` from the year's budget and powers: a full re-grading when
  /// (year − first year) is a multiple of audit.regrade_period_years, else the yearly
  /// adjustment. While special funds are open, the raised level stays in force and the new
  /// base level becomes the level to return to. Effective 1 January of `year`.
  TierResult annual_review(const Unit &unit, int year, const Policy &policy);
  /// The same review with the year's base level given directly (same rules for open funds).
  /// Returns the level in force after the review.
  Level annual_review(Level base_level, int year, const Policy &policy);
  /// Special funds or a key project received on `received`, under `fund_id` (empty: "F<n>",
  /// n counting the funds received): special_funds_level from the base level; the level in
  /// force becomes the strictest of the base level and every open fund's. StateError if a fund
  /// of that id is open.
  SpecialFundsResult receive_special_funds(Money amount, Date received, const Policy &policy,
                                           std::string fund_id = {});
  /// The audit at completion of one open fund (`fund_id`; empty: the only open fund):
  /// Finding::none → the fund closes and the level is the strictest of the base level and the
  /// funds still open (ChangeKind::completion); any other finding → referred (ChangeKind::
  /// referral): the fund closes, the level in force is kept, and the referral is recorded.
  /// StateError if no such fund is open, or `fund_id` is empty while several are.
  void complete_special_funds(Date completed, Finding finding, std::string_view fund_id = {});
  bool special_funds_open() const noexcept { return !open_.empty(); }
  /// Referrals recorded (HOLINGOL.3 / .4): date of each.
  const std::vector<AuditFinding> &referrals() const noexcept { return referrals_; }
  /// The special funds open, in the order received.
  const std::vector<OpenFund> &open_funds() const noexcept { return open_; }

 private:
  void push(TierChange c);
  Level in_force() const;
  ChangeKind review_kind(int year, const Policy &policy, Explanation *ex) const;
  Level apply_review(Level base, int year, ChangeKind kind);
  std::string unit_id_;
  std::vector<TierChange> changes_;
  Level base_ = Level::level3;  ///< the base level: the one to return to when no funds are open
  std::vector<OpenFund> open_;
  int funds_received_ = 0;
  std::vector<AuditFinding> referrals_;
};

// ------------------------------------------------------------------------------------------
// The plan (HOLINGOL.2)
// ------------------------------------------------------------------------------------------

/// A unit to plan for: its level at the start of the horizon (its base level, before any
/// special funds below), and optionally a year in which a special-fund audit is due, given
/// directly (the older form; `PlanRequest::funds` derives such years from the fund events).
struct PlanUnit {
  std::string unit_id;
  Level level = Level::level3;
  std::optional<std::int32_t> special_due_year;
};

/// Special funds or a key project received by a unit (HOLINGOL.3), for the plan. Replayed
/// through TierHistory: the unit's level over the horizon follows, and so does the audit due.
struct FundEvent {
  std::string unit_id;
  Date received;
  Money amount;
  std::optional<Date> completed;   ///< project (and funds) completed, when known
  std::optional<Finding> finding;  ///< finding of the completion audit, when known
};

/// A start-of-year review of a unit's base level decided elsewhere (TierHistory::annual_review
/// from the year's budget and powers): the unit's base level from 1 January of `year`.
struct LevelReview {
  std::string unit_id;
  std::int32_t year = 0;
  Level level = Level::level3;
};

/// An audit done before the horizon (its date must be before 1 January of the first year).
struct PastAudit {
  std::string unit_id;
  Date date;
  AuditKind kind = AuditKind::in_term;
};

/// A leader's term; `planned_end`, when known, is the departure date.
struct Term {
  std::string unit_id;
  std::string leader_id;
  Date start;
  std::optional<Date> planned_end;
};

struct PlannedAudit {
  std::int32_t year = 0;
  std::string unit_id;
  AuditKind kind = AuditKind::in_term;
  std::string reason;     ///< English, with the rule it serves
  std::string leader_id;  ///< departure / five-year-term audits
};

/// A breach of a rule (verify_plan), or an obligation a plan fails (Plan::shortfall).
struct Breach {
  std::string rule;      ///< "level1.share", "level1.coverage", "level2.share",
                         ///< "level2.coverage", "level3.departure", "level3.five_year_term",
                         ///< "level3.sample", "special.tracking", "special.funds_due",
                         ///< "plan.year", "plan.unit", "plan.duplicate"
  std::int32_t year = 0; ///< the year concerned
  std::string unit_id;   ///< empty for yearly-share rules
  std::string message;   ///< English, with the numbers
  friend bool operator==(const Breach &, const Breach &) = default;
};

struct PlanRequest {
  std::vector<PlanUnit> units;
  std::vector<PastAudit> audits;
  std::vector<Term> terms;
  std::int32_t first_year = 0;
  std::int32_t last_year = 0;
  std::int64_t capacity = 0;  ///< audits the bureau can do per year
  std::uint64_t seed = 0;     ///< seed of the level-3 sample draw (recorded in the plan)
  std::vector<FundEvent> funds;        ///< special funds per unit (re-tiering, audits due)
  std::vector<LevelReview> reviews;    ///< base-level reviews per unit (re-tiering)
};

struct Plan {
  bool feasible = false;
  std::vector<PlannedAudit> audits;  ///< sorted by year, then unit id
  std::vector<Breach> shortfall;     ///< obligations the plan fails (empty when feasible)
  std::int64_t capacity = 0;         ///< the capacity asked for
  std::int64_t capacity_used = 0;    ///< the most audits the plan puts in one year
  std::int64_t min_capacity = 0;     ///< least yearly capacity meeting every obligation
  std::int64_t lower_bound = 0;      ///< proven lower bound the search started from
  std::uint64_t seed = 0;
  /// True when `min_capacity` equals `lower_bound`: then no plan whatever meets the rules with
  /// less, and `min_capacity` is the true minimum (the certificate is `lower_bound_year`).
  bool min_capacity_proven = false;
  std::int32_t lower_bound_year = 0;  ///< a year whose mandatory load is `lower_bound`
  std::vector<AuditFinding> referrals;  ///< referrals recorded by completion audits (funds)
  Explanation explanation;
};

/// Draws up the plan (HOLINGOL.2). Each unit is audited at most once a year; one audit serves
/// every obligation of its unit that year. Order of service each year: special-level tracking,
/// special-fund audits due, level-3 departures and five-year terms, level-1/2 units whose
/// coverage deadline is this year, the yearly shares (nearest deadline first), the level-3
/// sample (seeded draw), then units pulled forward (nearest deadline first) up to the even
/// load. The even load is the least capacity at which this procedure meets every rule
/// (`min_capacity`, found by trying every capacity upward from a proven lower bound); when
/// `capacity` is at least that, the plan is feasible and uses at most `min_capacity` a year,
/// otherwise it is drawn up with `capacity` and `shortfall` lists every obligation it fails.
/// InvalidInput names the field and record for bad input (unknown unit, duplicate unit id,
/// audit date inside the horizon, first_year > last_year, negative capacity…).
Plan plan(const PlanRequest &request, const Policy &policy);

/// Checks any plan against the rules; returns every breach (empty when sound). Capacity is
/// not a rule of the source and is not checked. Same input validation as plan().
std::vector<Breach> verify_plan(std::span<const PlannedAudit> plan, const PlanRequest &request,
                                const Policy &policy);

/// The seeded draw of the level-3 sample (documented in docs/audit.md so an auditor can replay
/// it): splitmix64 seeded with seed ^ (year × 0x9E3779B97F4A7C15), then a partial Fisher–Yates
/// shuffle of `candidates` (unit ids in ascending order) with unbiased bounded draws. Returns
/// the first `count` units drawn.
std::vector<std::string> draw_sample(std::span<const std::string> candidates, std::size_t count,
                                     std::uint64_t seed, std::int32_t year);

// ---------------------------------------------------------------------------------------------
// The parameters a result depends on (what a report names as its grounds)
// ---------------------------------------------------------------------------------------------

/// The full-coverage window of a level, in years: every unit of level 1 (level 2) is audited at
/// least once in any `audit.level1.full_coverage_years` (`audit.level2.…`) consecutive years; 0
/// for level 3 and special. With `ex`, the parameter read is recorded.
std::int64_t coverage_years(Level level, const Policy &policy, Date as_of, Explanation *ex = nullptr);
/// The policy parameters a tiering depends on (bands, band points, thresholds, every factor's
/// scale and weight), in force on `as_of`: every parameter a result's explanation can name.
std::vector<ParamUsed> tier_parameters(const Policy &policy, Date as_of);
/// The policy parameters an audit plan depends on (yearly shares, full-coverage years, the
/// level-3 term and sample), in force on `as_of` (1 January of the first year).
std::vector<ParamUsed> plan_parameters(const Policy &policy, Date as_of);

}  // namespace cadrekit::audit

namespace cadrekit::audit {

// ------------------------------------------------------------------------------------------
// JSON request/response forms (docs/audit.md), used by the C ABI's ck_audit_*_json calls.
// Each parses the request (InvalidInput naming the member, e.g. field "budget", record
// "units[3]"), runs the computation and returns the response as compact JSON.
// ------------------------------------------------------------------------------------------

/// {"as_of","units":[{unit_id,name,budget,<factors>…}],"explain"?} → {"results":[…]}
std::string tier_json(std::string_view request, const Policy &policy);
/// {"as_of","current_level","amount"} → {"previous_level","new_level","band",…}
std::string special_funds_json(std::string_view request, const Policy &policy);
/// {"unit_id","events":[{"event":"start"|"review"|"special_funds"|"completion",…}],
///  "level_on"?:[dates],"explain"?} → {"unit_id","changes","referrals","special_funds_open",
///  "events","levels_on"}: a TierHistory replayed from its events (docs/audit.md). An event
///  the history refuses is a StateError naming the event ("events[3]").
std::string tier_history_json(std::string_view request, const Policy &policy);
/// {"first_year","last_year","capacity","seed","units","audits","terms"} → the plan
std::string plan_json(std::string_view request, const Policy &policy);
/// {"first_year","last_year","units","audits","terms","plan"} → {"breaches":[…]}
std::string verify_json(std::string_view request, const Policy &policy);

}  // namespace cadrekit::audit
