// The whole year of the sample county (year::run_json) and the what-if of a rule change
// (year::compare_json): docs/year.md. The figures are the sample county's (data/sample).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <string>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/talent.hpp"
#include "cadrekit/year.hpp"

using namespace cadrekit;
namespace json = boost::json;

namespace {

const std::string &base_run() {
  static const std::string r = year::run_json(year::Data::sample(), Policy::default_profile());
  return r;
}

json::object compare_with(const Policy &b) {
  const std::string rb = year::run_json(year::Data::sample(), b);
  return json::parse(year::compare_json(base_run(), rb)).as_object();
}

std::size_t count(const json::object &c, const char *module) { return c.at(module).as_array().size(); }

}  // namespace

TEST(Year, TheSampleCountyHoldsTheSourcesFigures) {
  const json::object r = json::parse(base_run()).as_object();
  EXPECT_EQ(r.at("schema"), "cadrekit.year/1");
  EXPECT_EQ(r.at("year"), 2016);
  std::map<std::string, json::object> fig;
  for (const auto &f : r.at("figures").as_array()) fig[std::string(f.at("id").as_string())] = f.as_object();
  EXPECT_EQ(fig["audit.units"].at("county"), 67);
  EXPECT_EQ(fig["audit.levels"].at("county"), "20 / 28 / 19");
  EXPECT_EQ(fig["audit.levels"].at("kind"), "result");
  EXPECT_EQ(fig["audit.retiered"].at("county"), 3);  // the source's 3 units re-tiered in a year
  EXPECT_EQ(fig["village.villages"].at("county"), 206);
  EXPECT_EQ(fig["village.villages"].at("kind"), "input");
  EXPECT_EQ(fig["village.quota"].at("county"), 11);
  EXPECT_EQ(fig["village.holders"].at("county"), 11);
  // the pools near the source's 68 / 110 / 50
  for (const auto &[id, source] : std::map<std::string, std::int64_t>{
           {"talent.echelon1", 68}, {"talent.echelon2", 110}, {"talent.nvshaofei", 50}}) {
    EXPECT_EQ(fig[id].at("source"), source);
    const std::int64_t n = fig[id].at("county").as_int64();
    EXPECT_LE(std::abs(n - source), source * 15 / 100) << id << ": " << n;
  }
}

// The year's teams list every candidate of a gap, not the team structure's first 20: some of
// the sample county's gaps have more (56 eligible minority cadres for a team lacking one).
TEST(Year, EveryGapListsEveryCandidate) {
  const json::object r = json::parse(base_run()).as_object();
  std::size_t longer = 0;
  for (const auto &t : r.at("talent").at("teams").at("teams").as_array())
    for (const auto &g : t.at("gaps").as_array()) {
      const auto listed = static_cast<std::int64_t>(g.at("candidates").as_array().size());
      EXPECT_EQ(listed, g.at("candidate_count").as_int64()) << t.at("team_id");
      longer += listed > talent::kCandidatesListed;
    }
  EXPECT_GT(longer, 0u);  // else the bound would not show here
}

TEST(Year, AssumedParametersAreListedWithTheirDecisions) {
  const json::object r = json::parse(base_run()).as_object();
  std::map<std::string, std::int64_t> uses;
  for (const auto &a : r.at("assumed").as_array()) {
    EXPECT_FALSE(a.at("label_zh").as_string().empty());
    uses[std::string(a.at("name").as_string())] = a.at("decisions").as_int64();
  }
  // every tiering rests on the assumed band points: one decision per unit
  EXPECT_EQ(uses["audit.band_points.high"], 67);
  EXPECT_GT(uses["village.performance_pay.proration"], 300);  // every graded pay line
  EXPECT_GT(uses["village.selection.pay_mode"], 0);            // the holders' lines and the budget
  EXPECT_EQ(uses.count("village.performance_pay.excellent"), 0u);  // the source's 4000 is no assumption
  EXPECT_EQ(uses.count("talent.echelon1.size"), 0u);
}

// The acceptance: 优秀 paid 5,000 instead of 4,000 moves pay lines and the budget, and no
// audit level, disclosure, red line or pool.
TEST(Year, CompareExcellentPayMovesVillageAndBudgetOnly) {
  const json::object c =
      compare_with(Policy::default_profile().with_setting("village.performance_pay.excellent=5000"));
  EXPECT_EQ(c.at("schema"), "cadrekit.year.compare/1");
  ASSERT_GT(count(c, "village"), 0u);
  EXPECT_EQ(count(c, "audit"), 0u);
  EXPECT_EQ(count(c, "disclosure"), 0u);
  EXPECT_EQ(count(c, "assessment"), 0u);
  EXPECT_EQ(count(c, "talent"), 0u);
  std::map<std::string, json::object> budget;
  for (const auto &b : c.at("budget").as_array()) budget[std::string(b.at("id").as_string())] = b.as_object();
  ASSERT_TRUE(budget.count("performance") && budget.count("total"));
  EXPECT_EQ(budget.count("base"), 0u);
  // each 优秀 line gains 1000 (none prorated: performance pay goes in full to whoever is graded)
  for (const auto &d : c.at("village").as_array()) {
    const auto &o = d.as_object();
    EXPECT_EQ(o.at("decision"), "pay_line");
    EXPECT_EQ(o.at("a").at("grade"), "excellent");
    EXPECT_EQ(o.at("b").at("performance"), "5000.00");
    EXPECT_TRUE(o.at("explanation_a").is_object() && o.at("explanation_b").is_object());
  }
  EXPECT_EQ(std::string(budget["performance"].at("difference").as_string()),
            std::to_string(1000 * count(c, "village")) + ".00");
}

TEST(Year, ARedLineChangeMovesDownstream) {
  // near the bottom = the bottom 20 % instead of 10 %: more leaders cross the annual red line
  const json::object c = compare_with(Policy::default_profile().with_setting("assessment.bottom.share=20%"));
  ASSERT_GT(count(c, "assessment"), 0u);
  EXPECT_EQ(count(c, "village"), 0u);
  EXPECT_EQ(count(c, "budget"), 0u);
  std::size_t from_red_lines = 0;
  for (const auto &d : c.at("downstream").as_array())
    from_red_lines += d.at("from").at("module") == "assessment";
  EXPECT_GT(from_red_lines, 0u);
}

TEST(Year, AnotherYearAndBadData) {
  // the same county run for 2017: its dates move a year (the pay year, the plan's years)
  const json::object r = json::parse(year::run_json(year::Data::sample(), Policy::default_profile(), 2017)).as_object();
  EXPECT_EQ(r.at("year"), 2017);
  EXPECT_EQ(r.at("village").at("pay").at("year"), 2017);
  EXPECT_EQ(r.at("audit").at("plan_request").at("first_year"), 2018);
  year::Data d = year::Data::sample();
  d.cadres = "{";
  try {
    year::run_json(d, Policy::default_profile());
    ADD_FAILURE();
  } catch (const InvalidInput &e) {
    EXPECT_NE(std::string(e.what()).find("cadres.json"), std::string::npos) << e.what();
  }
  EXPECT_THROW(year::Data::load("/nonexistent-cadrekit-folder"), InvalidInput);
  EXPECT_THROW(year::compare_json("{}", base_run()), InvalidInput);
}
