// HOLINGOL.1 tiering and HOLINGOL.3 special funds and tier history.
#include <algorithm>
#include <bit>
#include <climits>
#include <cstdint>
#include <string>

#include "cadrekit/audit.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/vocabulary.hpp"

namespace cadrekit::audit {

namespace {
constexpr std::array<std::string_view, factor_count> kFactorNames = {
    "admin_fees", "special_funds", "economic_power", "allocation_power", "attention",
    "complaints", "high_risk_sector", "special_need", "window_unit"};
constexpr std::array<std::string_view, factor_count> kFactorZh = {
    "行政事业收费", "专项资金", "经济决策权", "资金分配权", "社会关注度",
    "群众反响集中", "违纪问题高发行业", "需特殊审计", "窗口单位"};
constexpr std::array<std::string_view, 3> kBandZh = {"500万元以上档", "300—500万元档",
                                                      "300万元以下档"};

bool boundary_is_higher(const Policy &policy, std::string_view name, Date as_of,
                        Explanation *ex) {
  std::string b = policy.text(name, as_of, ex);
  if (b == "higher") return true;
  if (b == "lower") return false;
  throw PolicyError("boundary rule must be `higher` or `lower`", std::string(name), policy.name());
}

Level raise(Level l, std::int64_t steps) {
  if (l == Level::special) return l;
  std::int64_t v = static_cast<std::int64_t>(l) - steps;
  return static_cast<Level>(std::clamp<std::int64_t>(v, 1, 3));
}
}  // namespace

const char *level_name(Level l) noexcept {
  switch (l) {
    case Level::special: return "special";
    case Level::level1: return "1";
    case Level::level2: return "2";
    case Level::level3: return "3";
  }
  return "?";
}

const char *level_name_zh(Level l) noexcept {
  switch (l) {
    case Level::special: return "特殊级别";
    case Level::level1: return "一级";
    case Level::level2: return "二级";
    case Level::level3: return "三级";
  }
  return "?";
}

Level parse_level(std::string_view t, std::string_view field) {
  return static_cast<Level>(vocabulary::parse_code(vocabulary::audit_levels(), t, field));
}

const char *band_name(Band b) noexcept {
  switch (b) {
    case Band::high: return "high";
    case Band::middle: return "middle";
    case Band::low: return "low";
  }
  return "?";
}

const char *factor_name(Factor f) noexcept {
  return kFactorNames[static_cast<std::size_t>(f)].data();
}
const std::array<std::string_view, factor_count> &factor_names() noexcept { return kFactorNames; }

const char *funds_band_name(FundsBand b) noexcept {
  switch (b) {
    case FundsBand::special: return "special";
    case FundsBand::level_up: return "level_up";
    case FundsBand::small: return "small";
  }
  return "?";
}

const char *finding_name(Finding f) noexcept {
  switch (f) {
    case Finding::none: return "none";
    case Finding::minor: return "minor";
    case Finding::serious: return "serious";
    case Finding::referred: return "referred";
  }
  return "?";
}

Finding parse_finding(std::string_view t, std::string_view field) {
  return static_cast<Finding>(vocabulary::parse_code(vocabulary::audit_findings(), t, field));
}

const char *audit_kind_name(AuditKind k) noexcept {
  switch (k) {
    case AuditKind::in_term: return "in_term";
    case AuditKind::departure: return "departure";
    case AuditKind::five_year_term: return "five_year_term";
    case AuditKind::special_project: return "special_project";
    case AuditKind::sample: return "sample";
  }
  return "?";
}

AuditKind parse_audit_kind(std::string_view t, std::string_view field) {
  return static_cast<AuditKind>(vocabulary::parse_code(vocabulary::audit_kinds(), t, field));
}

const char *change_kind_name(ChangeKind k) noexcept {
  switch (k) {
    case ChangeKind::initial: return "initial";
    case ChangeKind::regrade: return "regrade";
    case ChangeKind::yearly: return "yearly";
    case ChangeKind::special_funds: return "special_funds";
    case ChangeKind::completion: return "completion";
    case ChangeKind::referral: return "referral";
  }
  return "?";
}

// ---- tiering --------------------------------------------------------------------------------

TierParams TierParams::load(const Policy &policy, Date as_of, Explanation *ex) {
  TierParams p;
  p.high_min = policy.money("audit.budget_band.high_min", as_of, ex);
  p.low_max = policy.money("audit.budget_band.low_max", as_of, ex);
  p.boundary_higher = boundary_is_higher(policy, "audit.budget_band.boundary", as_of, ex);
  if (p.low_max > p.high_min)
    throw PolicyError("audit.budget_band.low_max exceeds audit.budget_band.high_min",
                      "audit.budget_band.low_max", policy.name());
  p.band_points[0] = policy.integer("audit.band_points.high", as_of, ex);
  p.band_points[1] = policy.integer("audit.band_points.middle", as_of, ex);
  p.band_points[2] = policy.integer("audit.band_points.low", as_of, ex);
  p.level1_min = policy.integer("audit.score.level1_min", as_of, ex);
  p.level2_min = policy.integer("audit.score.level2_min", as_of, ex);
  if (p.level2_min > p.level1_min)
    throw PolicyError("audit.score.level2_min exceeds audit.score.level1_min",
                      "audit.score.level2_min", policy.name());
  for (std::size_t i = 0; i < factor_count; ++i) {
    std::string base = "audit.factor." + std::string(kFactorNames[i]);
    p.factor_max[i] = policy.integer(base + ".max", as_of, ex);
    p.factor_weight[i] = policy.integer(base + ".weight", as_of, ex);
    if (p.factor_max[i] < 0 || p.factor_max[i] > 127)
      throw PolicyError("factor scale must be within 0…127", base + ".max", policy.name());
    if (p.factor_weight[i] < -1000000 || p.factor_weight[i] > 1000000)
      throw PolicyError("factor weight must be within ±1,000,000", base + ".weight",
                        policy.name());
  }
  for (auto bp : p.band_points)
    if (bp < -1000000 || bp > 1000000)
      throw PolicyError("band points must be within ±1,000,000", "audit.band_points",
                        policy.name());
  return p;
}

namespace {
Level level_of(std::int64_t score, const TierParams &p) {
  if (score >= p.level1_min) return Level::level1;
  if (score >= p.level2_min) return Level::level2;
  return Level::level3;
}

TierResult tier_with(const Unit &u, const TierParams &p, Explanation ex) {
  if (u.budget < Money())
    throw InvalidInput("budget must not be negative", "budget", u.unit_id);
  TierResult r;
  r.unit_id = u.unit_id;
  r.band = p.band_of(u.budget);
  r.band_points = p.band_points[static_cast<std::size_t>(r.band)];
  r.score = r.band_points;
  ex.add_input("budget", u.budget.to_decimal_string());
  // What decided, for the short form: the points of this band only; the boundary rule only for
  // a budget exactly on a limit; a factor's scale only bounds its value.
  static constexpr std::array<std::string_view, 3> kBandPoints = {
      "audit.band_points.high", "audit.band_points.middle", "audit.band_points.low"};
  for (std::size_t b = 0; b < kBandPoints.size(); ++b)
    if (b != static_cast<std::size_t>(r.band)) ex.mark_parameter_detail(kBandPoints[b]);
  if (u.budget != p.high_min && u.budget != p.low_max)
    ex.mark_parameter_detail("audit.budget_band.boundary");
  ex.add_rule({"audit.tier.band", "HOLINGOL.1",
               "预算资金" + u.budget.format() + "，属" +
                   std::string(kBandZh[static_cast<std::size_t>(r.band)]) + "，基础分" +
                   std::to_string(r.band_points) +
                   "（假设：原文以预算资金为基础因素，未规定各档分值及其在定级中的分量）",
               "budget " + u.budget.format() + " is in the " + band_name(r.band) +
                   " band: " + std::to_string(r.band_points) +
                   " base points (assumed: the source makes the budget the base factor but "
                   "gives no points and does not say what the band alone decides)"});
  for (std::size_t i = 0; i < factor_count; ++i) {
    std::int32_t v = u.factors[i];
    if (v < 0 || v > p.factor_max[i])
      throw InvalidInput("expected " + vocabulary::level_expectation(p.factor_max[i]),
                         std::string(kFactorNames[i]), u.unit_id);
    FactorPart &part = r.parts[i];
    part.factor = static_cast<Factor>(i);
    part.value = v;
    part.weight = p.factor_weight[i];
    part.points = part.weight * v;
    r.score += part.points;
    // A factor of 0 adds nothing: it, and its weight, are detail of the full form.
    ex.add_input(std::string(kFactorNames[i]), std::to_string(v), v == 0);
    const std::string base = "audit.factor." + std::string(kFactorNames[i]);
    ex.mark_parameter_detail(base + ".max");
    if (v == 0) ex.mark_parameter_detail(base + ".weight");
    if (v != 0)
      ex.add_rule({"audit.tier.factor", "HOLINGOL.1",
                   std::string(kFactorZh[i]) + "取值" + std::to_string(v) + "×每级" +
                       std::to_string(part.weight) + "分=" + std::to_string(part.points) + "分",
                   std::string(kFactorNames[i]) + " " + std::to_string(v) + " x " +
                       std::to_string(part.weight) + " points = " + std::to_string(part.points) +
                       " points"});
  }
  r.level = level_of(r.score, p);
  ex.add_rule({"audit.tier.level", "HOLINGOL.1",
               "合计" + std::to_string(r.score) + "分（一级不少于" +
                   std::to_string(p.level1_min) + "分，二级不少于" +
                   std::to_string(p.level2_min) + "分）：评定为" + level_name_zh(r.level) +
                   "审计责任主体",
               "total " + std::to_string(r.score) + " points (level 1 from " +
                   std::to_string(p.level1_min) + ", level 2 from " +
                   std::to_string(p.level2_min) + "): audit level " + level_name(r.level)});
  r.explanation = std::move(ex);
  return r;
}
}  // namespace

TierResult tier(const Unit &unit, Date as_of, const Policy &policy) {
  Explanation ex("unit " + unit.unit_id);
  TierParams p = TierParams::load(policy, as_of, &ex);
  return tier_with(unit, p, std::move(ex));
}

std::vector<TierResult> tier(std::span<const Unit> units, Date as_of, const Policy &policy) {
  Explanation proto;
  TierParams p = TierParams::load(policy, as_of, &proto);
  std::vector<TierResult> out;
  out.reserve(units.size());
  for (std::size_t i = 0; i < units.size(); ++i) {
    Explanation ex = proto;
    ex.subject = "unit " + units[i].unit_id;
    try {
      out.push_back(tier_with(units[i], p, std::move(ex)));
    } catch (const InvalidInput &e) {
      throw InvalidInput(e.message(), e.field(),
                         units[i].unit_id.empty() ? std::to_string(i) : units[i].unit_id);
    }
  }
  return out;
}

namespace {
// The first row of a column whose value fails `bad`, or n.
template <class T, class Bad>
std::size_t first_bad(std::span<const T> col, Bad bad) {
  for (std::size_t i = 0; i < col.size(); ++i)
    if (bad(col[i])) return i;
  return col.size();
}

// Whether any value of an int64 column is negative, and the largest value of a uint8 column, in
// fixed-size chunks that GCC vectorises at -O2 (see TierBlock). GCC 12 does not vectorise a
// loop over 64-bit elements at -O2 on plain x86-64, so the sign bits are gathered from the
// high 32-bit halves (little-endian) instead.
bool any_negative(const std::int64_t *p, std::size_t n) {
  constexpr std::size_t B = 1024;
  std::size_t i = 0;
  std::uint32_t acc = 0;
  if constexpr (std::endian::native == std::endian::little) {
    typedef std::uint32_t __attribute__((may_alias)) word;  // read the int64s as words
    const auto *q = reinterpret_cast<const word *>(p);
    for (; i + B <= n; i += B) {
      std::uint32_t a = 0;
      for (std::size_t j = 0; j < 2 * B; ++j) a |= q[2 * i + j] & (j % 2 ? 0x80000000u : 0u);
      acc |= a;
    }
  }
  bool neg = acc != 0;
  for (; i < n; ++i) neg |= p[i] < 0;
  return neg;
}
std::uint8_t max_all(const std::uint8_t *p, std::size_t n) {
  constexpr std::size_t B = 1024;
  std::uint8_t acc = 0;
  std::size_t i = 0;
  for (; i + B <= n; i += B) {
    std::uint8_t a = 0;
    for (std::size_t j = 0; j < B; ++j) a = std::max(a, p[i + j]);
    acc = std::max(acc, a);
  }
  for (; i < n; ++i) acc = std::max(acc, p[i]);
  return acc;
}

// Rows per block of the scoring pass: the block's int32 scores (8 KiB) stay in the L1 cache
// while the factor columns are added into them one after the other.
constexpr std::size_t kTierBlock = 2048;

// The scoring pass on 32-bit scores, a block of rows at a time. Each loop is a plain
// element-wise loop; with the block's length a compile-time constant (M > 0) GCC vectorises it
// even at -O2 (its "very cheap" cost model wants a trip count known to need no scalar tail);
// M = 0 is the last, partial block.
struct TierBlock {
  std::size_t n_present = 0;
  std::array<const std::int8_t *, factor_count> factor{};
  std::array<std::int32_t, factor_count> weight{};
  bool hi_never = false, lo_all = false;
  std::int64_t hi_cmp = 0, lo_cmp = 0;
  std::int32_t bp_high = 0, bp_mid = 0, bp_low = 0, l1 = 0, l2 = 0;
  const std::int64_t *budget = nullptr;
  std::int8_t *levels = nullptr;
  std::int64_t *scores = nullptr;  // null: levels only

  template <std::size_t M>
  void run(std::size_t start, std::size_t m_rt) const {
    const std::size_t m = M > 0 ? M : m_rt;
    alignas(64) std::int32_t s[kTierBlock];
    const std::int64_t *__restrict b = budget + start;
    const std::int32_t high = hi_never ? bp_mid : bp_high;
    const std::int64_t hc = hi_never ? INT64_MAX : hi_cmp;
    if (lo_all) {  // every budget below the low limit: only the high band comes first
      for (std::size_t i = 0; i < m; ++i) s[i] = b[i] >= hc ? high : bp_low;
    } else {
      for (std::size_t i = 0; i < m; ++i) {
        const std::int32_t mid_or_high = b[i] >= hc ? high : bp_mid;
        s[i] = b[i] < lo_cmp ? bp_low : mid_or_high;
      }
    }
    for (std::size_t k = 0; k < n_present; ++k) {
      const std::int8_t *__restrict v = factor[k] + start;
      const std::int32_t w = weight[k];
      for (std::size_t i = 0; i < m; ++i) s[i] += static_cast<std::int32_t>(v[i]) * w;
    }
    std::int8_t *__restrict lv = levels + start;
    for (std::size_t i = 0; i < m; ++i)
      lv[i] = static_cast<std::int8_t>(3 - (s[i] >= l2 ? 1 : 0) - (s[i] >= l1 ? 1 : 0));
    if (scores != nullptr) {
      std::int64_t *__restrict sc = scores + start;
      for (std::size_t i = 0; i < m; ++i) sc[i] = s[i];
    }
  }
};
}  // namespace

void tier_columns(const UnitColumns &u, const TierParams &p, std::span<std::int8_t> out_levels,
                  std::span<std::int64_t> out_scores) {
  const std::size_t n = u.budget_fen.size();
  if (out_levels.size() < n)
    throw InvalidInput("output column is shorter than the input", "out_levels");
  if (!out_scores.empty() && out_scores.size() < n)
    throw InvalidInput("output column is shorter than the input", "out_scores");
  for (std::size_t f = 0; f < factor_count; ++f)
    if (!u.factors[f].empty() && u.factors[f].size() != n)
      throw InvalidInput("column length differs from the budget column",
                         std::string(kFactorNames[f]));

  // The factor columns given (an absent one adds nothing), and the worst |score| they allow.
  std::array<std::size_t, factor_count> present{};
  std::size_t n_present = 0;
  std::int64_t bound = 0;  // INT64_MAX: not what TierParams::load admits (64-bit loop below)
  for (auto bp : p.band_points)
    bound = (bp < -1000000 || bp > 1000000) ? INT64_MAX : std::max(bound, bp < 0 ? -bp : bp);
  for (std::size_t f = 0; f < factor_count; ++f) {
    if (u.factors[f].empty()) continue;
    present[n_present++] = f;
    const std::int64_t w = p.factor_weight[f];
    if (p.factor_max[f] > 127 || w < -1000000 || w > 1000000 || bound > INT32_MAX)
      bound = INT64_MAX;
    else if (p.factor_max[f] > 0)
      bound += (w < 0 ? -w : w) * p.factor_max[f];
  }

  // Validation pass, before anything is written (outputs untouched on failure). Each column is
  // reduced on its own (the budgets' sign bits, the largest factor value as unsigned, so
  // that a negative value counts as ≥ 128); only a failing column is searched for its first bad
  // row. The error names the first bad row, and within it the budget before the factors in
  // their order, as a row-by-row check would.
  {
    const bool negative = any_negative(u.budget_fen.data(), n);
    std::size_t bad_row = n;
    std::string field;
    std::string msg;
    if (negative) {
      bad_row = first_bad(u.budget_fen, [](std::int64_t b) { return b < 0; });
      field = "budget";
      msg = "budget must not be negative";
    }
    for (std::size_t k = 0; k < n_present; ++k) {
      const std::size_t f = present[k];
      const auto *col = reinterpret_cast<const std::uint8_t *>(u.factors[f].data());
      const std::uint8_t mx = max_all(col, n);
      // A negative value reads as 128…255 here, above any admissible maximum.
      const std::int64_t fmax = std::min<std::int64_t>(p.factor_max[f], 127);
      if (static_cast<std::int64_t>(mx) <= fmax) continue;
      const std::size_t r = first_bad(std::span<const std::uint8_t>(col, n),
                                      [fmax](std::uint8_t v) { return v > fmax; });
      if (r < bad_row) {
        bad_row = r;
        field = std::string(kFactorNames[f]);
        msg = "expected " + vocabulary::level_expectation(p.factor_max[f]);
      }
    }
    if (bad_row < n) throw InvalidInput(msg, field, "row " + std::to_string(bad_row + 1));
  }

  // Band by budget: high from hi_from, low below lo_below (the boundary rule folded in).
  const std::int64_t hi = p.high_min.fen(), lo = p.low_max.fen();
  const std::int64_t hi_from = p.boundary_higher || hi == INT64_MAX ? hi : hi + 1;
  const bool hi_never = !p.boundary_higher && hi == INT64_MAX;
  const std::int64_t lo_below = p.boundary_higher || lo == INT64_MAX ? lo : lo + 1;
  const bool lo_all = !p.boundary_higher && lo == INT64_MAX;

  if (bound >= std::int64_t{INT32_MAX}) {
    // Parameters outside what TierParams::load admits: the plain 64-bit loop.
    for (std::size_t i = 0; i < n; ++i) {
      const std::int64_t b = u.budget_fen[i];
      const std::size_t band = (!hi_never && b >= hi_from) ? 0 : (lo_all || b < lo_below) ? 2 : 1;
      std::int64_t s = p.band_points[band];
      for (std::size_t k = 0; k < n_present; ++k)
        s += static_cast<std::int64_t>(u.factors[present[k]][i]) * p.factor_weight[present[k]];
      out_levels[i] = static_cast<std::int8_t>(s >= p.level1_min ? 1 : s >= p.level2_min ? 2 : 3);
      if (!out_scores.empty()) out_scores[i] = s;
    }
    return;
  }

  // Every score fits in 32 bits (|score| ≤ bound < 2^31 - 1): accumulate in int32, a block at a
  // time, column by column; every loop below is branch-free and vectorised by the compiler.
  auto clamp32 = [](std::int64_t v) {
    return static_cast<std::int32_t>(std::clamp<std::int64_t>(v, -INT32_MAX, INT32_MAX));
  };
  // s ≥ level1_min → 1, else s ≥ level2_min → 2, else 3; as 3 − [s ≥ l2] − [s ≥ l1], l2 ≤ l1.
  const std::int32_t l1 = clamp32(p.level1_min),
                     l2 = clamp32(std::min(p.level1_min, p.level2_min));
  TierBlock k;
  k.n_present = n_present;
  for (std::size_t j = 0; j < n_present; ++j) {
    k.factor[j] = u.factors[present[j]].data();
    k.weight[j] = static_cast<std::int32_t>(p.factor_weight[present[j]]);
  }
  k.hi_never = hi_never;
  k.lo_all = lo_all;
  k.hi_cmp = hi_never ? INT64_MAX : hi_from;  // b ≥ hi_cmp → high (never if hi_never)
  k.lo_cmp = lo_all ? INT64_MAX : lo_below;   // b < lo_cmp → low (all if lo_all)
  k.bp_high = static_cast<std::int32_t>(p.band_points[0]);
  k.bp_mid = static_cast<std::int32_t>(p.band_points[1]);
  k.bp_low = static_cast<std::int32_t>(p.band_points[2]);
  k.l1 = l1;
  k.l2 = l2;
  k.budget = u.budget_fen.data();
  k.levels = out_levels.data();
  k.scores = out_scores.empty() ? nullptr : out_scores.data();
  std::size_t start = 0;
  for (; start + kTierBlock <= n; start += kTierBlock) k.run<kTierBlock>(start, kTierBlock);
  if (start < n) k.run<0>(start, n - start);
}

// ---- special funds --------------------------------------------------------------------------

SpecialFundsResult special_funds_level(Level current, Money amount, Date as_of,
                                       const Policy &policy) {
  if (amount < Money()) throw InvalidInput("amount must not be negative", "amount");
  SpecialFundsResult r;
  Explanation &ex = r.explanation;
  ex.subject = "special funds";
  Money special_min = policy.money("audit.special_funds.special_min", as_of, &ex);
  Money up_min = policy.money("audit.special_funds.level_up_min", as_of, &ex);
  bool higher = boundary_is_higher(policy, "audit.special_funds.boundary", as_of, &ex);
  ex.add_input("current_level", level_name(current));
  ex.add_input("amount", amount.to_decimal_string());
  r.previous_level = current;
  auto at_least = [&](Money limit) { return amount > limit || (amount == limit && higher); };
  if (at_least(special_min)) {
    r.band = FundsBand::special;
    r.new_level = Level::special;
    r.tracking = true;
    r.budget_final_accounts_audit = true;
    ex.add_rule({"audit.special_funds.special", "HOLINGOL.3",
                 "资金额度" + amount.format() + "达到" + special_min.format() +
                     "：列入特殊级别，当年调级，跟踪监督，预决算审计",
                 "funds of " + amount.format() + " reach " + special_min.format() +
                     ": special level this year, tracking supervision, audit of budget and "
                     "final accounts"});
  } else if (at_least(up_min)) {
    r.band = FundsBand::level_up;
    r.new_level = raise(current, 1);
    r.audit_on_completion = true;
    ex.add_rule({"audit.special_funds.level_up", "HOLINGOL.3",
                 "资金额度" + amount.format() + "在" + up_min.format() + "至" +
                     special_min.format() + "之间：上调一个审计级别至" + level_name_zh(r.new_level) +
                     "，项目和资金投入完成后审计",
                 "funds of " + amount.format() + " between " + up_min.format() + " and " +
                     special_min.format() + ": one level up to " + level_name(r.new_level) +
                     ", audit once the project and funds are spent"});
  } else {
    r.band = FundsBand::small;
    std::int64_t step = policy.integer("audit.special_funds.small_step_levels", as_of, &ex);
    std::int64_t within = policy.integer("audit.special_funds.small_audit_within_years", as_of, &ex);
    if (step < 0 || step > 3)
      throw PolicyError("step must be within 0…3", "audit.special_funds.small_step_levels",
                        policy.name());
    if (within < 1 || within > 100)
      throw PolicyError("years must be within 1…100",
                        "audit.special_funds.small_audit_within_years", policy.name());
    r.new_level = raise(current, step);
    r.audit_within_years = static_cast<std::int32_t>(within);
    ex.add_rule({"audit.special_funds.small", "HOLINGOL.3",
                 "资金额度" + amount.format() + "低于" + up_min.format() + "：当年调级至" +
                     level_name_zh(r.new_level) + "，" + std::to_string(within) + "年内审计",
                 "funds of " + amount.format() + " below " + up_min.format() +
                     ": re-tiered this year to " + level_name(r.new_level) + ", audit within " +
                     std::to_string(within) + " years"});
  }
  // What decided, for the short form: the limits of the band the amount is in (a small amount
  // is below the level-up limit, a special one at or above the special limit), the boundary
  // rule only for an amount exactly on one of them; the special level does not depend on the
  // level before.
  if (r.band == FundsBand::special) {
    ex.mark_parameter_detail("audit.special_funds.level_up_min");
    for (InputUsed &in : ex.inputs)
      if (in.name == "current_level") in.detail = true;
  }
  if (r.band == FundsBand::small) ex.mark_parameter_detail("audit.special_funds.special_min");
  const bool on_limit = (amount == special_min && r.band != FundsBand::small) ||
                        (amount == up_min && r.band != FundsBand::special);
  if (!on_limit) ex.mark_parameter_detail("audit.special_funds.boundary");
  return r;
}

// ---- tier history ---------------------------------------------------------------------------

namespace {
Level strictest(Level a, Level b) { return static_cast<int>(a) <= static_cast<int>(b) ? a : b; }
}  // namespace

Level TierHistory::level_on(Date d) const {
  Level l = Level::level3;
  bool any = false;
  for (const auto &c : changes_) {
    if (c.effective > d) break;
    l = c.level;
    any = true;
  }
  if (!any) throw StateError("no tier in force on that date", "date", unit_id_);
  return l;
}

Level TierHistory::in_force() const {
  Level l = base_;
  for (const auto &f : open_) l = strictest(l, f.result.new_level);
  return l;
}

void TierHistory::push(TierChange c) {
  if (!changes_.empty() && c.effective < changes_.back().effective)
    throw StateError("a change may not be dated before the last change", "effective", unit_id_);
  changes_.push_back(std::move(c));
}

TierResult TierHistory::start(const Unit &unit, Date effective, const Policy &policy) {
  if (!changes_.empty()) throw StateError("the history has already started", "effective", unit_id_);
  TierResult r = tier(unit, effective, policy);
  push({effective, r.level, ChangeKind::initial, "initial tiering"});
  base_ = r.level;
  return r;
}

void TierHistory::start(Level level, Date effective, std::string note) {
  if (!changes_.empty()) throw StateError("the history has already started", "effective", unit_id_);
  if (effective.is_special()) throw InvalidInput("effective is not a date", "effective", unit_id_);
  push({effective, level, ChangeKind::initial, std::move(note)});
  base_ = level;
}

ChangeKind TierHistory::review_kind(int year, const Policy &policy, Explanation *ex) const {
  if (changes_.empty()) throw StateError("the history has not started", "year", unit_id_);
  Date jan1 = make_date(year, 1, 1, "year");
  if (jan1 < changes_.back().effective)
    throw StateError("a review may not be dated before the last change", "year", unit_id_);
  std::int64_t period = policy.integer("audit.regrade_period_years", jan1, ex);
  if (period < 1)
    throw PolicyError("period must be at least 1", "audit.regrade_period_years", policy.name());
  const int first = static_cast<int>(changes_.front().effective.year());
  return ((year - first) % period == 0) ? ChangeKind::regrade : ChangeKind::yearly;
}

Level TierHistory::apply_review(Level base, int year, ChangeKind kind) {
  Date jan1 = make_date(year, 1, 1, "year");
  base_ = base;
  if (!open_.empty()) {
    // The raised levels stay until each fund completes; the new base level is the one to
    // return to. A base level above the raised ones (a re-grading upward) wins: the stricter.
    for (auto &f : open_) f.result.previous_level = base;
    push({jan1, in_force(), kind,
          std::string("review; base level ") + level_name(base) + ", raised level kept"});
    return in_force();
  }
  push({jan1, base, kind, kind == ChangeKind::regrade ? "full re-grading" : "yearly adjustment"});
  return base;
}

TierResult TierHistory::annual_review(const Unit &unit, int year, const Policy &policy) {
  if (changes_.empty()) throw StateError("the history has not started", "year", unit_id_);
  Date jan1 = make_date(year, 1, 1, "year");
  TierResult r = tier(unit, jan1, policy);
  ChangeKind kind = review_kind(year, policy, &r.explanation);
  r.explanation.add_rule(
      {kind == ChangeKind::regrade ? "audit.retier.regrade" : "audit.retier.yearly", "HOLINGOL.3",
       kind == ChangeKind::regrade ? "五年一周期全面调整审计级别" : "年初根据事权财权变化微调审计级别",
       kind == ChangeKind::regrade ? "periodic full re-grading"
                                   : "yearly adjustment at the start of the year"});
  if (!open_.empty())
    r.explanation.add_rule({"audit.retier.funds_open", "HOLINGOL.3",
                            "专项资金未完成：保持调整后的级别",
                            "special funds open: the raised level stays until completion"});
  r.level = apply_review(r.level, year, kind);
  return r;
}

Level TierHistory::annual_review(Level base_level, int year, const Policy &policy) {
  ChangeKind kind = review_kind(year, policy, nullptr);
  return apply_review(base_level, year, kind);
}

SpecialFundsResult TierHistory::receive_special_funds(Money amount, Date received,
                                                      const Policy &policy, std::string fund_id) {
  if (changes_.empty()) throw StateError("the history has not started", "date", unit_id_);
  if (received < changes_.back().effective)
    throw StateError("a change may not be dated before the last change", "date", unit_id_);
  if (fund_id.empty()) fund_id = "F" + std::to_string(funds_received_ + 1);
  for (const auto &f : open_)
    if (f.fund_id == fund_id) throw StateError("special funds " + fund_id + " are already open", "fund_id", unit_id_);
  SpecialFundsResult r = special_funds_level(base_, amount, received, policy);
  ++funds_received_;
  open_.push_back({fund_id, r});
  if (open_.size() > 1)
    r.explanation.add_rule({"audit.special_funds.several_open", "HOLINGOL.3",
                            std::to_string(open_.size()) + "笔专项资金同时在建：取其中最高的审计级别",
                            std::to_string(open_.size()) + " special funds open at once: the highest level any of them implies"});
  open_.back().result = r;
  push({received, in_force(), ChangeKind::special_funds,
        std::string("special funds ") + fund_id + ", band " + funds_band_name(r.band)});
  return r;
}

void TierHistory::complete_special_funds(Date completed, Finding finding, std::string_view fund_id) {
  if (open_.empty()) throw StateError("no special funds are open", "finding", unit_id_);
  if (completed < changes_.back().effective)
    throw StateError("a change may not be dated before the last change", "date", unit_id_);
  auto it = open_.end();
  if (fund_id.empty()) {
    if (open_.size() > 1)
      throw StateError("several special funds are open: name the fund_id to complete", "fund_id", unit_id_);
    it = open_.begin();
  } else {
    it = std::find_if(open_.begin(), open_.end(), [&](const OpenFund &f) { return f.fund_id == fund_id; });
    if (it == open_.end())
      throw StateError("no open special funds of that fund_id", "fund_id", unit_id_);
  }
  const std::string id = it->fund_id;
  if (finding == Finding::none) {
    open_.erase(it);
    push({completed, in_force(), ChangeKind::completion,
          open_.empty() ? "clean completion audit of " + id + ": back to the previous level"
                        : "clean completion audit of " + id + ": the funds still open decide the level"});
  } else {
    base_ = in_force();  // the level stays
    open_.erase(it);
    push({completed, in_force(), ChangeKind::referral,
          "completion audit of " + id + " found problems (" + finding_name(finding) + "): referred"});
    referrals_.push_back({unit_id_, {}, completed, AuditKind::special_project, Finding::referred});
  }
}

}  // namespace cadrekit::audit
