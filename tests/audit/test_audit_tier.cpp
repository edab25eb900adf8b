// HOLINGOL.1 tiering and HOLINGOL.3 special funds and tier history (C++ surface).
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "cadrekit/audit.hpp"
#include "cadrekit/core/errors.hpp"

using namespace cadrekit;
using namespace cadrekit::audit;

namespace {

const std::string kSource = CADREKIT_SOURCE_DIR;
Date d(int y, int m, int day) { return make_date(y, m, day); }

struct GoldenRow {
  Unit unit;
  int level;
  std::int64_t score;
};

std::vector<GoldenRow> golden() {
  std::ifstream in(kSource + "/tests/golden/audit_tier_cases.csv");
  EXPECT_TRUE(in.good());
  std::vector<GoldenRow> rows;
  std::string line;
  bool header = false;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (!header) { header = true; continue; }
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) f.push_back(cell);
    EXPECT_EQ(f.size(), 13u) << line;
    GoldenRow r;
    r.unit.unit_id = f[0];
    r.unit.budget = Money::parse(f[1]);
    for (std::size_t i = 0; i < factor_count; ++i) r.unit.factors[i] = std::stoi(f[2 + i]);
    r.level = std::stoi(f[11]);
    r.score = std::stoll(f[12]);
    rows.push_back(r);
  }
  return rows;
}

Policy with_override(const std::string &params) {
  return Policy::loads("profile: test\nextends: tongliao-2016\nparameters:\n" + params);
}

}  // namespace

TEST(AuditTier, GoldenCases) {
  Policy p = Policy::default_profile();
  auto rows = golden();
  ASSERT_GE(rows.size(), 16u);
  for (const auto &r : rows) {
    TierResult t = tier(r.unit, d(2017, 1, 1), p);
    EXPECT_EQ(static_cast<int>(t.level), r.level) << r.unit.unit_id;
    EXPECT_EQ(t.score, r.score) << r.unit.unit_id;
    std::int64_t sum = t.band_points;
    for (const auto &part : t.parts) {
      EXPECT_EQ(part.points, part.value * part.weight);
      sum += part.points;
    }
    EXPECT_EQ(sum, t.score) << r.unit.unit_id;
  }
}

TEST(AuditTier, ExplanationNamesBandFactorsAndAssumedParameters) {
  Unit u;
  u.unit_id = "U9";
  u.budget = Money::parse("100万");
  u[Factor::complaints] = 1;
  u[Factor::window_unit] = 1;
  TierResult t = tier(u, d(2017, 1, 1), Policy::default_profile());
  EXPECT_EQ(t.level, Level::level1);
  EXPECT_EQ(t.score, 6);
  EXPECT_EQ(t.band, Band::low);
  const auto &rules = t.explanation.rules;
  ASSERT_EQ(rules.size(), 4u);  // band, two factors, level
  EXPECT_EQ(rules[0].rule_id, "audit.tier.band");
  EXPECT_EQ(rules[1].rule_id, "audit.tier.factor");
  EXPECT_NE(rules[1].message_en.find("complaints 1 x 4 points = 4"), std::string::npos);
  EXPECT_NE(rules[2].message_en.find("window_unit 1 x 2 points = 2"), std::string::npos);
  EXPECT_EQ(rules[3].clause, "HOLINGOL.1");
  EXPECT_TRUE(t.explanation.uses_assumed());
  bool saw_weight = false;
  for (const auto &pu : t.explanation.parameters)
    if (pu.name == "audit.factor.complaints.weight") saw_weight = pu.assumed && pu.value == "4";
  EXPECT_TRUE(saw_weight);
}

TEST(AuditTier, BoundaryRuleIsAParameter) {
  Unit at_high, at_low;
  at_high.unit_id = "H";
  at_high.budget = Money::parse("500万");
  at_low.unit_id = "L";
  at_low.budget = Money::parse("300万");
  Policy def = Policy::default_profile();
  EXPECT_EQ(tier(at_high, d(2017, 1, 1), def).band, Band::high);
  EXPECT_EQ(tier(at_low, d(2017, 1, 1), def).band, Band::middle);
  Policy lower = with_override("  audit.budget_band.boundary:\n    values:\n      2016-01-01: lower\n");
  EXPECT_EQ(tier(at_high, d(2017, 1, 1), lower).band, Band::middle);
  EXPECT_EQ(tier(at_low, d(2017, 1, 1), lower).band, Band::low);
  EXPECT_EQ(tier(at_low, d(2017, 1, 1), lower).level, Level::level3);
  Policy bad = with_override("  audit.budget_band.boundary:\n    values:\n      2016-01-01: middle\n");
  EXPECT_THROW(tier(at_low, d(2017, 1, 1), bad), PolicyError);
}

TEST(AuditTier, BadInputNamesFieldAndRecord) {
  Unit u;
  u.unit_id = "U7";
  u.budget = Money::parse("-1");
  try {
    tier(u, d(2017, 1, 1), Policy::default_profile());
    FAIL();
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "budget");
    EXPECT_EQ(e.record(), "U7");
  }
  u.budget = Money::parse("1");
  u[Factor::economic_power] = 3;  // scale 0..2
  try {
    tier(u, d(2017, 1, 1), Policy::default_profile());
    FAIL();
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "economic_power");
    EXPECT_EQ(e.record(), "U7");
  }
  // Before the parameters are in force.
  EXPECT_THROW(tier(u, d(2010, 1, 1), Policy::default_profile()), PolicyError);
}

// "An empty cell is a missing value" and "a JSON string is read as a table cell would be"
// (docs/input.md): a blank factor is 0, as the command line reads a table's empty cell; the
// JSON reader refused it.
TEST(AuditTier, ABlankFactorInJsonIsMissing) {
  const Policy &p = Policy::default_profile();
  const auto request = [](std::string_view complaints) {
    std::string r = R"({"as_of":"2017-01-01","explain":false,"units":[{"unit_id":"U1","budget":"1")";
    r.append(complaints);
    r.append("}]}");
    return r;
  };
  const std::string absent = tier_json(request(""), p);
  EXPECT_EQ(tier_json(request(R"(,"complaints":"")"), p), absent);
  EXPECT_EQ(tier_json(request(R"(,"complaints":"  ")"), p), absent);
  EXPECT_NE(tier_json(request(R"(,"complaints":"1")"), p), absent);
  EXPECT_THROW(tier_json(request(R"(,"complaints":"x")"), p), InvalidInput);
}

TEST(AuditTier, ColumnsAgreeWithTheRecordPath) {
  Policy p = Policy::default_profile();
  TierParams params = TierParams::load(p, d(2017, 1, 1));
  std::mt19937_64 rng(7);
  const std::size_t n = 2000;
  std::vector<std::int64_t> budget(n);
  std::array<std::vector<std::int8_t>, factor_count> cols;
  std::vector<Unit> units(n);
  for (std::size_t f = 0; f < factor_count; ++f) cols[f].resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    // around the band limits on purpose
    std::int64_t choices[] = {0, 299999999, 300000000, 300000001, 499999999, 500000000, 500000001};
    budget[i] = (rng() % 3 == 0) ? choices[rng() % 7] : static_cast<std::int64_t>(rng() % 1000000000);
    units[i].unit_id = "R" + std::to_string(i);
    units[i].budget = Money::from_fen(budget[i]);
    for (std::size_t f = 0; f < factor_count; ++f) {
      cols[f][i] = static_cast<std::int8_t>(rng() % (params.factor_max[f] + 1));
      units[i].factors[f] = cols[f][i];
    }
  }
  UnitColumns uc;
  uc.budget_fen = budget;
  for (std::size_t f = 0; f < factor_count; ++f) uc.factors[f] = cols[f];
  std::vector<std::int8_t> levels(n);
  std::vector<std::int64_t> scores(n);
  tier_columns(uc, params, levels, scores);
  auto results = tier(std::span<const Unit>(units), d(2017, 1, 1), p);
  for (std::size_t i = 0; i < n; ++i) {
    EXPECT_EQ(levels[i], static_cast<std::int8_t>(results[i].level)) << i;
    EXPECT_EQ(scores[i], results[i].score) << i;
  }
  // A bad row is named by index.
  cols[2][5] = 9;
  uc.factors[2] = cols[2];
  try {
    tier_columns(uc, params, levels, {});
    FAIL();
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "economic_power");
    EXPECT_EQ(e.record(), "row 6");
  }
}

TEST(AuditSpecialFunds, BandsAndObligations) {
  Policy p = Policy::default_profile();
  Date on = d(2016, 6, 1);
  auto r = special_funds_level(Level::level3, Money::parse("1亿"), on, p);
  EXPECT_EQ(r.band, FundsBand::special);
  EXPECT_EQ(r.new_level, Level::special);
  EXPECT_TRUE(r.tracking);
  EXPECT_TRUE(r.budget_final_accounts_audit);
  EXPECT_EQ(r.previous_level, Level::level3);

  r = special_funds_level(Level::level3, Money::parse("99999999.99"), on, p);
  EXPECT_EQ(r.band, FundsBand::level_up);
  EXPECT_EQ(r.new_level, Level::level2);
  EXPECT_TRUE(r.audit_on_completion);
  EXPECT_FALSE(r.audit_within_years.has_value());

  r = special_funds_level(Level::level2, Money::parse("1千万"), on, p);
  EXPECT_EQ(r.band, FundsBand::level_up);
  EXPECT_EQ(r.new_level, Level::level1);
  r = special_funds_level(Level::level1, Money::parse("2千万"), on, p);
  EXPECT_EQ(r.new_level, Level::level1);  // no regular level above 1

  r = special_funds_level(Level::level3, Money::parse("9999999.99"), on, p);
  EXPECT_EQ(r.band, FundsBand::small);
  EXPECT_EQ(r.new_level, Level::level2);
  ASSERT_TRUE(r.audit_within_years.has_value());
  EXPECT_EQ(*r.audit_within_years, 2);
  EXPECT_TRUE(r.explanation.uses_assumed());  // the step is assumed

  r = special_funds_level(Level::special, Money::parse("100万"), on, p);
  EXPECT_EQ(r.new_level, Level::special);

  Policy lower = with_override("  audit.special_funds.boundary:\n    values:\n      2015-01-01: lower\n");
  EXPECT_EQ(special_funds_level(Level::level3, Money::parse("1亿"), on, lower).band, FundsBand::level_up);
  EXPECT_EQ(special_funds_level(Level::level3, Money::parse("1千万"), on, lower).band, FundsBand::small);
  EXPECT_THROW(special_funds_level(Level::level3, Money::parse("-5"), on, p), InvalidInput);
}

TEST(AuditTierHistory, ReviewsSpecialFundsCompletionAndReferral) {
  Policy p = Policy::default_profile();
  Unit u;
  u.unit_id = "U1";
  u.budget = Money::parse("200万");  // level 3
  TierHistory h("U1");
  EXPECT_THROW(h.level_on(d(2016, 1, 1)), StateError);
  EXPECT_EQ(h.start(u, d(2016, 1, 1), p).level, Level::level3);
  // Special funds of 2亿 in May: special the same day; clean completion: back to level 3.
  auto r = h.receive_special_funds(Money::parse("2亿"), d(2016, 5, 10), p);
  EXPECT_EQ(r.new_level, Level::special);
  EXPECT_EQ(h.level_on(d(2016, 5, 9)), Level::level3);
  EXPECT_EQ(h.level_on(d(2016, 5, 10)), Level::special);
  // A second fund while the first is open (L50: funds "随时" as projects come): both open, the
  // highest level either implies; a fund id already open is refused.
  r = h.receive_special_funds(Money::parse("1千万"), d(2016, 6, 1), p);
  EXPECT_EQ(r.new_level, Level::level2);  // one level up from the base level 3
  EXPECT_EQ(h.level_on(d(2016, 6, 1)), Level::special);
  ASSERT_EQ(h.open_funds().size(), 2u);
  EXPECT_EQ(h.open_funds()[1].fund_id, "F2");
  EXPECT_THROW(h.receive_special_funds(Money::parse("1亿"), d(2016, 7, 1), p, "F2"), StateError);
  // The yearly adjustment keeps the raised level while funds are open; the base moves to 2.
  u.budget = Money::parse("400万");
  TierResult y17 = h.annual_review(u, 2017, p);
  EXPECT_EQ(y17.level, Level::special);
  EXPECT_EQ(h.changes().back().kind, ChangeKind::yearly);
  EXPECT_THROW(h.complete_special_funds(d(2017, 6, 30), Finding::none), StateError);  // which one?
  h.complete_special_funds(d(2017, 6, 30), Finding::none, "F2");  // closes alone: F1 keeps special
  EXPECT_EQ(h.level_on(d(2017, 6, 30)), Level::special);
  h.complete_special_funds(d(2017, 9, 30), Finding::none);  // the only one open
  EXPECT_EQ(h.level_on(d(2017, 9, 30)), Level::level2);  // the base level of 2017
  EXPECT_TRUE(h.referrals().empty());
  // 5千万: one level up; problems at completion: referred, level kept, referral recorded.
  r = h.receive_special_funds(Money::parse("5千万"), d(2018, 3, 1), p);
  EXPECT_EQ(r.new_level, Level::level1);
  h.complete_special_funds(d(2019, 3, 1), Finding::serious);
  EXPECT_EQ(h.level_on(d(2019, 3, 1)), Level::level1);
  ASSERT_EQ(h.referrals().size(), 1u);
  EXPECT_EQ(h.referrals()[0].finding, Finding::referred);
  EXPECT_EQ(h.changes().back().kind, ChangeKind::referral);
  EXPECT_THROW(h.complete_special_funds(d(2019, 4, 1), Finding::none), StateError);
  // Re-grading every 5 years from the first year (2016): 2021 is a full re-grading.
  u.budget = Money::parse("600万");
  h.annual_review(u, 2020, p);
  EXPECT_EQ(h.changes().back().kind, ChangeKind::yearly);
  h.annual_review(u, 2021, p);
  EXPECT_EQ(h.changes().back().kind, ChangeKind::regrade);
  EXPECT_EQ(h.level_on(d(2021, 1, 1)), Level::level1);
  // Append-only.
  EXPECT_THROW(h.annual_review(u, 2019, p), StateError);
}

TEST(AuditNames, RoundTrip) {
  for (Level l : {Level::special, Level::level1, Level::level2, Level::level3})
    EXPECT_EQ(parse_level(level_name(l)), l);
  for (AuditKind k : {AuditKind::in_term, AuditKind::departure, AuditKind::five_year_term,
                      AuditKind::special_project, AuditKind::sample})
    EXPECT_EQ(parse_audit_kind(audit_kind_name(k)), k);
  for (Finding f : {Finding::none, Finding::minor, Finding::serious, Finding::referred})
    EXPECT_EQ(parse_finding(finding_name(f)), f);
  EXPECT_THROW(parse_level("4"), InvalidInput);
  EXPECT_THROW(parse_audit_kind("surprise"), InvalidInput);
}
