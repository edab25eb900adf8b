// Policy profiles (C++ surface): the default profile's numbers, dated values, layering, every
// error kind (file, line and key), docs/policy.md's table, and a property test of value().
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <unistd.h>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/explanation.hpp"
#include "cadrekit/core/policy.hpp"

using namespace cadrekit;
namespace fs = std::filesystem;

namespace {

const std::string kSource = CADREKIT_SOURCE_DIR;

Date d(int y, int m, int day) { return make_date(y, m, day); }

std::string read_text(const fs::path &p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// A fresh directory for files of one test (no clock: the process id and the test's name).
fs::path scratch_dir() {
  const auto *info = ::testing::UnitTest::GetInstance()->current_test_info();
  fs::path dir = fs::temp_directory_path() /
                 ("cadrekit-policy-" + std::to_string(::getpid()) + "-" + info->name());
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void write_text(const fs::path &p, const std::string &text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

/// Loads `yaml` as "t.yaml" and returns the PolicyError it must raise.
PolicyError load_error(const std::string &yaml) {
  try {
    Policy::loads(yaml, "t.yaml");
  } catch (const PolicyError &e) {
    return e;
  }
  ADD_FAILURE() << "no PolicyError for:\n" << yaml;
  return PolicyError("none");
}

// A minimal valid profile with one parameter whose fields the error tests vary.
std::string one_param(const std::string &param_body, const std::string &head = "") {
  return "profile: t\n" + head + "parameters:\n  village.x:\n" + param_body;
}
const std::string kGoodBody =
    "    type: integer\n"
    "    unit: days\n"
    "    label: {zh: 甲, en: a}\n"
    "    clause: JARUD.1\n"
    "    values:\n"
    "      2016-01-01: 5\n";

}  // namespace

// ------------------------------------------------------------------------------------------
// The default profile
// ------------------------------------------------------------------------------------------

TEST(PolicyDefault, IsTongliao2016AndStandsAlone) {
  Policy p = Policy::default_profile();
  EXPECT_EQ(p.name(), "tongliao-2016");
  EXPECT_EQ(p.lineage(), std::vector<std::string>{"tongliao-2016"});
  EXPECT_EQ(Policy::embedded("tongliao-2016").name(), "tongliao-2016");
  EXPECT_EQ(embedded_policy_names(), std::vector<std::string>{"tongliao-2016"});
  EXPECT_THROW(Policy::embedded("nowhere-2016"), PolicyError);
  EXPECT_GE(p.parameter_names().size(), 60u);
  auto names = p.parameter_names();
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
}

TEST(PolicyDefault, EveryParameterIsOfAModuleAndCitesItsClause) {
  static const std::map<std::string, std::set<std::string>> clauses_of = {
      {"village", {"JARUD"}},  {"audit", {"HOLINGOL"}},  {"disclosure", {"KAILU"}},
      {"assessment", {"HORQIN"}}, {"talent", {"HURE"}}, {"promotion", {"HORQIN"}},
      {"followup", {"HORQIN"}}};
  Policy p = Policy::default_profile();
  for (const auto &name : p.parameter_names()) {
    const ParamInfo &info = p.info(name);
    std::string module = name.substr(0, name.find('.'));
    ASSERT_TRUE(clauses_of.count(module)) << name;
    std::string area = info.clause.substr(0, info.clause.find('.'));
    EXPECT_TRUE(clauses_of.at(module).count(area)) << name << " cites " << info.clause;
    EXPECT_FALSE(info.unit.empty()) << name;
    EXPECT_FALSE(info.label_zh.empty()) << name;
    EXPECT_FALSE(info.label_en.empty()) << name;
    ASSERT_FALSE(info.values.empty()) << name;
    EXPECT_EQ(info.source.rfind("tongliao-2016.yaml:", 0), 0u) << info.source;
  }
}

TEST(PolicyDefault, ReadsTheSourcesNumbers) {
  Policy p = Policy::default_profile();
  const Date on = d(2016, 9, 22);  // the date of the source
  // HOLINGOL
  EXPECT_EQ(p.money("audit.budget_band.high_min", on), Money::from_yuan(5'000'000));
  EXPECT_EQ(p.money("audit.budget_band.low_max", on), Money::from_yuan(3'000'000));
  EXPECT_EQ(p.share("audit.level1.min_share_per_year", on).value(), Rational(35, 100));
  EXPECT_EQ(p.integer("audit.level1.full_coverage_years", on), 3);
  EXPECT_EQ(p.share("audit.level2.min_share_per_year", on).value(), Rational(1, 5));
  EXPECT_EQ(p.integer("audit.level2.full_coverage_years", on), 5);
  EXPECT_EQ(p.integer("audit.level3.term_audit_years", on), 5);
  EXPECT_EQ(p.integer("audit.level3.sample_min_per_year", on), 1);
  EXPECT_EQ(p.integer("audit.level3.sample_max_per_year", on), 2);
  EXPECT_EQ(p.integer("audit.regrade_period_years", on), 5);
  EXPECT_EQ(p.money("audit.special_funds.special_min", on), Money::from_yuan(100'000'000));
  EXPECT_EQ(p.money("audit.special_funds.level_up_min", on), Money::from_yuan(10'000'000));
  EXPECT_EQ(p.integer("audit.special_funds.small_audit_within_years", on), 2);
  // KAILU
  EXPECT_EQ(p.integer("disclosure.round1.window_working_days", on), 5);
  EXPECT_EQ(p.integer("disclosure.round2.window_working_days", on), 5);
  // JARUD
  EXPECT_EQ(p.money("village.base_pay.min", on), Money::from_yuan(7000));
  EXPECT_EQ(p.money("village.base_pay.max", on), Money::from_yuan(9000));
  EXPECT_EQ(p.money("village.performance_pay.excellent", on), Money::from_yuan(4000));
  EXPECT_EQ(p.money("village.performance_pay.unqualified", on), Money::from_yuan(0));
  EXPECT_EQ(p.integer("village.publicity_days", on), 7);
  EXPECT_EQ(p.share("village.selection.min_share_per_year", on).value(), Rational(1, 20));
  EXPECT_EQ(p.share("village.selection.initial_ratio", on).value(), Rational(1, 3));
  EXPECT_EQ(p.share("village.selection.prospective_ratio", on).value(), Rational(1, 2));
  EXPECT_EQ(p.share("village.selection.formal_extra_share", on).value(), Rational(1, 5));
  EXPECT_EQ(p.integer("village.subsidy.min_years", on), 10);
  // HORQIN
  EXPECT_EQ(p.integer("followup.talk_interval_months", on), 1);
  EXPECT_EQ(p.integer("followup.visit_interval_months", on), 3);
  EXPECT_EQ(p.integer("assessment.red_line.annual_bottom_years", on), 2);
  // HURE
  EXPECT_EQ(p.integer("talent.echelon2.age_limit", on), 35);
  EXPECT_EQ(p.integer("talent.nvshaofei.assessment_years", on), 2);
  // 5 % of 206 villages is 11; 35 % of 20 level-1 units is 7 (the catalog's arithmetic).
  EXPECT_EQ(at_least_share(206, p.share("village.selection.min_share_per_year", on)), 11);
  EXPECT_EQ(at_least_share(20, p.share("audit.level1.min_share_per_year", on)), 7);
}

TEST(PolicyDefault, AssumedOnlyWhereTheSourceGivesNoNumber) {
  Policy p = Policy::default_profile();
  const Date on = d(2016, 9, 22);
  for (const char *name : {"village.performance_pay.excellent", "village.base_pay.min",
                           "audit.level1.min_share_per_year", "disclosure.round1.window_working_days",
                           "talent.echelon2.age_limit"})
    EXPECT_FALSE(p.lookup(name, on).assumed) << name;
  for (const char *name : {"village.performance_pay.basic", "village.rectification.within_days",
                           "village.grade.outstanding_share", "promotion.min_years_at_rank.staff_to_deputy",
                           "audit.budget_band.boundary", "assessment.bottom.share"})
    EXPECT_TRUE(p.lookup(name, on).assumed) << name;
  int assumed = 0, stated = 0;
  for (const auto &n : p.parameter_names()) (p.lookup(n, on).assumed ? assumed : stated)++;
  EXPECT_GT(stated, 30);
  EXPECT_GT(assumed, 20);
}

TEST(PolicyDefault, EffectiveDatesAsTheSourceDatesThem) {
  Policy p = Policy::default_profile();
  EXPECT_EQ(p.info("village.performance_pay.excellent").values.front().effective_from, d(2016, 1, 1));
  EXPECT_EQ(p.info("disclosure.round1.window_working_days").values.front().effective_from, d(2015, 1, 1));
  EXPECT_EQ(p.info("followup.talk_interval_months").values.front().effective_from, d(2014, 1, 1));
  EXPECT_EQ(p.value("disclosure.round2.window_working_days", d(2015, 6, 1)), "5");
  EXPECT_THROW(p.value("village.performance_pay.excellent", d(2015, 12, 31)), PolicyError);
}

// The numbers of the default profile against the rule catalog's own text.
TEST(PolicyDefault, AgreesWithTheRuleCatalog) {
  fs::path catalog = fs::path(kSource) / ".." / "shared" / "docs" / "rule-catalog.md";
  if (!fs::exists(catalog)) GTEST_SKIP() << "rule catalog not found at " << catalog;
  const std::string text = read_text(catalog);
  // The text of one clause: from "**ID " to the next clause or section.
  auto clause_text = [&](const std::string &id) {
    auto start = text.find("**" + id + " ");
    EXPECT_NE(start, std::string::npos) << id;
    if (start == std::string::npos) return std::string();
    auto next = text.find("\n**", start + 2);
    auto section = text.find("\n## ", start);
    return text.substr(start, std::min(next, section) - start);
  };
  Policy p = Policy::default_profile();
  for (const auto &n : p.parameter_names()) clause_text(p.info(n).clause);  // each cited clause exists

  const Date on = d(2016, 9, 22);
  struct Check { const char *clause; const char *phrase; const char *param; const char *value; };
  const Check checks[] = {
      {"HOLINGOL.2", "35 %", "audit.level1.min_share_per_year", "0.35"},
      {"HOLINGOL.2", "20 %", "audit.level2.min_share_per_year", "0.2"},
      {"HOLINGOL.2", "within 3 years", "audit.level1.full_coverage_years", "3"},
      {"HOLINGOL.1", "5,000,000", "audit.budget_band.high_min", "5000000"},
      {"HOLINGOL.1", "3,000,000", "audit.budget_band.low_max", "3000000"},
      {"HOLINGOL.3", "100,000,000", "audit.special_funds.special_min", "100000000"},
      {"HOLINGOL.3", "every 5 years", "audit.regrade_period_years", "5"},
      {"KAILU.2", "5 working days", "disclosure.round1.window_working_days", "5"},
      {"JARUD.1", "7,000–9,000", "village.base_pay.min", "7000"},
      {"JARUD.1", "4,000", "village.performance_pay.excellent", "4000"},
      {"JARUD.1", "7 days", "village.publicity_days", "7"},
      {"JARUD.2", "5 %", "village.selection.min_share_per_year", "0.05"},
      {"JARUD.2", "1:3", "village.selection.initial_ratio", "1/3"},
      {"JARUD.2", "20 %", "village.selection.formal_extra_share", "0.2"},
      {"JARUD.3", "10 years", "village.subsidy.min_years", "10"},
      {"HURE.1", "age limit 35", "talent.echelon2.age_limit", "35"},
      {"HORQIN.6", "every quarter", "followup.visit_interval_months", "3"},
  };
  for (const auto &c : checks) {
    std::string body = clause_text(c.clause);
    EXPECT_NE(body.find(c.phrase), std::string::npos) << c.clause << " does not say " << c.phrase;
    EXPECT_EQ(p.info(c.param).clause, c.clause) << c.param;
    EXPECT_EQ(p.value(c.param, on), c.value) << c.param;
    EXPECT_FALSE(p.lookup(c.param, on).assumed) << c.param;
  }
}

// ------------------------------------------------------------------------------------------
// Reads
// ------------------------------------------------------------------------------------------

TEST(PolicyRead, TypedReadsRecordTheUseInTheExplanation) {
  Policy p = Policy::default_profile();
  Explanation ex("village V001");
  Money m = p.money("village.performance_pay.basic", d(2016, 12, 31), &ex);
  EXPECT_EQ(m, Money::from_yuan(2000));
  p.money("village.performance_pay.basic", d(2017, 3, 1), &ex);  // same value: recorded once
  ASSERT_EQ(ex.parameters.size(), 1u);
  const ParamUsed &u = ex.parameters[0];
  EXPECT_EQ(u.name, "village.performance_pay.basic");
  EXPECT_EQ(u.value, "2000");
  EXPECT_EQ(u.unit, "yuan/year");
  EXPECT_EQ(u.effective_from, d(2016, 1, 1));
  EXPECT_TRUE(u.assumed);
  EXPECT_EQ(u.clause, "JARUD.1");
  EXPECT_TRUE(ex.uses_assumed());

  EXPECT_EQ(p.text("audit.budget_band.boundary", d(2016, 1, 1), &ex), "higher");
  EXPECT_TRUE(p.boolean("assessment.red_line.gap_breaks_consecutive", d(2016, 1, 1), &ex));
  EXPECT_EQ(p.decimal("village.score.annual_weight", d(2016, 1, 1), &ex), Rational(3, 5));
  EXPECT_EQ(ex.parameters.size(), 4u);
}

TEST(PolicyRead, WrongTypeUnknownNameAndTooEarlyAreErrorsNamingTheParameter) {
  Policy p = Policy::default_profile();
  Explanation ex;
  try {
    p.integer("village.performance_pay.excellent", d(2016, 1, 1), &ex);
    FAIL();
  } catch (const PolicyError &e) {
    EXPECT_EQ(e.field(), "village.performance_pay.excellent");
    EXPECT_NE(std::string(e.what()).find("money"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(ex.parameters.empty());  // a refused read records nothing
  EXPECT_THROW(p.money("audit.level1.min_share_per_year", d(2016, 1, 1)), PolicyError);
  EXPECT_THROW(p.share("audit.budget_band.high_min", d(2016, 1, 1)), PolicyError);
  EXPECT_THROW(p.text("talent.echelon2.age_limit", d(2016, 1, 1)), PolicyError);
  EXPECT_THROW(p.boolean("audit.budget_band.boundary", d(2016, 1, 1)), PolicyError);
  EXPECT_THROW(p.decimal("audit.level1.min_share_per_year", d(2016, 1, 1)), PolicyError);
  try {
    p.value("village.no_such_thing", d(2016, 1, 1));
    FAIL();
  } catch (const PolicyError &e) {
    EXPECT_EQ(e.field(), "village.no_such_thing");
    EXPECT_NE(std::string(e.what()).find("village.no_such_thing"), std::string::npos);
  }
  EXPECT_FALSE(p.has("village.no_such_thing"));
  EXPECT_TRUE(p.has("village.base_pay.min"));
  EXPECT_THROW(p.info("village.no_such_thing"), PolicyError);
  try {
    p.lookup("village.base_pay.min", d(2015, 12, 31));
    FAIL();
  } catch (const PolicyError &e) {
    EXPECT_EQ(e.field(), "village.base_pay.min");
    EXPECT_NE(std::string(e.what()).find("2016-01-01"), std::string::npos) << e.what();
  }
}

TEST(PolicyRead, CanonicalTextPerType) {
  Policy p = Policy::loads(
      "profile: t\n"
      "parameters:\n"
      "  village.m:\n    type: money\n    unit: yuan\n    label: {zh: 甲, en: a}\n"
      "    clause: JARUD.1\n    values: {2016-01-01: '¥7,000.50', 2017-01-01: 3.5万}\n"
      "  village.s:\n    type: share\n    unit: share\n    label: {zh: 甲, en: a}\n"
      "    clause: JARUD.2\n    values: {2016-01-01: '1:3', 2017-01-01: 35%}\n"
      "  village.d:\n    type: decimal\n    unit: weight\n    label: {zh: 甲, en: a}\n"
      "    clause: JARUD.1\n    values: {2016-01-01: 0.60, 2017-01-01: 2/6}\n"
      "  village.i:\n    type: integer\n    unit: days\n    label: {zh: 甲, en: a}\n"
      "    clause: JARUD.1\n    range: {min: -10}\n    values: {2016-01-01: '007', 2017-01-01: -3}\n"
      "  village.b:\n    type: boolean\n    unit: flag\n    label: {zh: 甲, en: a}\n"
      "    clause: JARUD.1\n    values: {2016-01-01: True, 2017-01-01: false}\n");
  const Date y16 = d(2016, 6, 1), y17 = d(2017, 6, 1);
  EXPECT_EQ(p.value("village.m", y16), "7000.5");
  EXPECT_EQ(p.value("village.m", y17), "35000");
  EXPECT_EQ(p.money("village.m", y16), Money::from_fen(700050));
  EXPECT_EQ(p.value("village.s", y16), "1/3");
  EXPECT_EQ(p.value("village.s", y17), "0.35");
  EXPECT_EQ(p.value("village.d", y16), "0.6");
  EXPECT_EQ(p.value("village.d", y17), "1/3");
  EXPECT_EQ(p.decimal("village.d", y17), Rational(1, 3));
  EXPECT_EQ(p.value("village.i", y16), "7");
  EXPECT_EQ(p.integer("village.i", y17), -3);
  EXPECT_EQ(p.value("village.b", y16), "true");
  EXPECT_FALSE(p.boolean("village.b", y17));
}

// ------------------------------------------------------------------------------------------
// Layering
// ------------------------------------------------------------------------------------------

TEST(PolicyLayering, SampleCountyOverridesFrom2018) {
  const std::string path = kSource + "/data/policies/examples/sample-county.yaml";
  Policy p = Policy::load(path);
  EXPECT_EQ(p.name(), "sample-county-2018");
  EXPECT_EQ(p.lineage(), (std::vector<std::string>{"sample-county-2018", "tongliao-2016"}));
  // The county's value from 2018-01-01, the parent's the day before.
  EXPECT_EQ(p.money("village.performance_pay.excellent", d(2017, 12, 31)), Money::from_yuan(4000));
  EXPECT_EQ(p.money("village.performance_pay.excellent", d(2018, 1, 1)), Money::from_yuan(5000));
  ParamUsed before = p.lookup("village.performance_pay.basic", d(2017, 12, 31));
  ParamUsed after = p.lookup("village.performance_pay.basic", d(2018, 1, 1));
  EXPECT_EQ(before.value, "2000");
  EXPECT_TRUE(before.assumed);
  EXPECT_EQ(before.effective_from, d(2016, 1, 1));
  EXPECT_EQ(after.value, "2500");
  EXPECT_FALSE(after.assumed);  // the county's own rule states it
  EXPECT_EQ(after.effective_from, d(2018, 1, 1));
  EXPECT_EQ(after.clause, "JARUD.1");  // metadata stays the parent's
  EXPECT_EQ(after.unit, "yuan/year");
  // Per-value assumed flag.
  EXPECT_TRUE(p.lookup("village.subsidy.amount", d(2019, 1, 1)).assumed);
  EXPECT_EQ(p.value("village.subsidy.amount", d(2019, 1, 1)), "2400");
  // Its own parameter.
  EXPECT_EQ(p.integer("followup.ledger_review_months", d(2018, 1, 1)), 6);
  EXPECT_FALSE(Policy::default_profile().has("followup.ledger_review_months"));
  // Everything else inherited as is.
  EXPECT_EQ(p.parameter_names().size(), Policy::default_profile().parameter_names().size() + 1);
  EXPECT_EQ(p.value("audit.level1.min_share_per_year", d(2020, 1, 1)), "0.35");
  // The source of a parameter is where its values were last set.
  EXPECT_EQ(p.info("village.performance_pay.excellent").source, path + ":14");
  EXPECT_EQ(p.info("village.base_pay.min").source.rfind("tongliao-2016.yaml:", 0), 0u);
  // The embedded parent is untouched.
  EXPECT_EQ(Policy::default_profile().value("village.performance_pay.excellent", d(2019, 1, 1)), "4000");
}

TEST(PolicyLayering, SameDateReplacesAndDatesMerge) {
  Policy p = Policy::loads(
      "profile: c\nextends: tongliao-2016\nparameters:\n"
      "  village.publicity_days:\n    type: integer\n    unit: calendar_days\n"
      "    values:\n      2016-01-01: 10\n      2020-01-01: 14\n",
      "c.yaml");
  const auto &values = p.info("village.publicity_days").values;
  ASSERT_EQ(values.size(), 2u);
  EXPECT_EQ(values[0].effective_from, d(2016, 1, 1));
  EXPECT_EQ(values[0].text, "10");
  EXPECT_EQ(p.value("village.publicity_days", d(2019, 12, 31)), "10");
  EXPECT_EQ(p.value("village.publicity_days", d(2020, 1, 1)), "14");
  EXPECT_EQ(p.info("village.publicity_days").source, "c.yaml:4");
}

TEST(PolicyLayering, ChainOfFilesByRelativePath) {
  fs::path dir = scratch_dir();
  fs::create_directories(dir / "counties");
  write_text(dir / "province.yaml",
             "profile: province-2017\nextends: tongliao-2016\nparameters:\n"
             "  village.base_pay.max:\n    values: {2017-01-01: 9500}\n");
  write_text(dir / "counties" / "county.yaml",
             "profile: county-2018\nextends: ../province.yaml\nparameters:\n"
             "  village.base_pay.max:\n    values: {2018-01-01: 10000}\n");
  Policy p = Policy::load((dir / "counties" / "county.yaml").string());
  EXPECT_EQ(p.lineage(), (std::vector<std::string>{"county-2018", "province-2017", "tongliao-2016"}));
  EXPECT_EQ(p.value("village.base_pay.max", d(2016, 12, 31)), "9000");
  EXPECT_EQ(p.value("village.base_pay.max", d(2017, 12, 31)), "9500");
  EXPECT_EQ(p.value("village.base_pay.max", d(2018, 1, 1)), "10000");
  fs::remove_all(dir);
}

// ------------------------------------------------------------------------------------------
// Errors: every kind names file, line and key
// ------------------------------------------------------------------------------------------

struct ErrorCase {
  const char *what;
  std::string yaml;
  std::string record;
  std::string field;
};

TEST(PolicyErrors, EveryKindNamesFileLineAndKey) {
  const std::string h = "profile: t\nparameters:\n  village.x:\n";  // param body from line 4
  const std::vector<ErrorCase> cases = {
      {"unknown top-level key", "profile: t\nparamters: {}\nparameters: {}\n", "t.yaml:2", "paramters"},
      {"unknown parameter key",
       h + "    type: integer\n    unit: days\n    lable: {zh: 甲, en: a}\n",
       "t.yaml:6", "parameters.village.x.lable"},
      {"unknown label key", h + "    type: integer\n    unit: days\n    label: {zh: 甲, fr: a}\n",
       "t.yaml:6", "parameters.village.x.label.fr"},
      {"unknown key of a value", h + kGoodBody.substr(0, kGoodBody.find("      2016")) +
                                     "      2016-01-01: {value: 5, asumed: true}\n",
       "t.yaml:9", "parameters.village.x.values.2016-01-01.asumed"},
      {"unknown description key", "profile: t\ndescription: {zh: 甲, en: a, de: b}\nparameters: {}\n",
       "t.yaml:2", "description.de"},
      {"unknown type", h + "    type: float\n", "t.yaml:4", "parameters.village.x.type"},
      {"a mapping where a text belongs", h + "    type: integer\n    unit: {a: 1}\n", "t.yaml:5",
       "parameters.village.x.unit"},
      {"a list where a mapping belongs", "profile: t\nparameters: [1, 2]\n", "t.yaml:2", "parameters"},
      {"assumed not a boolean", h + "    assumed: maybe\n", "t.yaml:4", "parameters.village.x.assumed"},
      {"integer value not an integer", one_param(kGoodBody.substr(0, kGoodBody.find("5\n")) + "1.5\n"),
       "t.yaml:9", "parameters.village.x.values.2016-01-01"},
      {"money value not money",
       h + "    type: money\n    unit: yuan\n    label: {zh: 甲, en: a}\n    clause: JARUD.1\n"
           "    values:\n      2016-01-01: lots\n",
       "t.yaml:9", "parameters.village.x.values.2016-01-01"},
      {"share value not a share",
       h + "    type: share\n    unit: share\n    label: {zh: 甲, en: a}\n    clause: JARUD.1\n"
           "    values:\n      2016-01-01: -5%\n",
       "t.yaml:9", "parameters.village.x.values.2016-01-01"},
      {"boolean value not a boolean",
       h + "    type: boolean\n    unit: flag\n    label: {zh: 甲, en: a}\n    clause: JARUD.1\n"
           "    values:\n      2016-01-01: yes\n",
       "t.yaml:9", "parameters.village.x.values.2016-01-01"},
      {"empty value", one_param(kGoodBody.substr(0, kGoodBody.find("5\n")) + "\n"), "t.yaml:9",
       "parameters.village.x.values.2016-01-01"},
      {"date not ISO", one_param(kGoodBody.substr(0, kGoodBody.find("      2016")) + "      2016-1-1: 5\n"),
       "t.yaml:9", "parameters.village.x.values.2016-1-1"},
      {"date that does not exist",
       one_param(kGoodBody.substr(0, kGoodBody.find("      2016")) + "      2016-02-30: 5\n"),
       "t.yaml:9", "parameters.village.x.values.2016-02-30"},
      {"dates out of order", one_param(kGoodBody + "      2015-01-01: 4\n"), "t.yaml:10",
       "parameters.village.x.values.2015-01-01"},
      {"date duplicated", one_param(kGoodBody + "      2016-01-01: 4\n"), "t.yaml:10",
       "parameters.village.x.values.2016-01-01"},
      {"no values", one_param("    type: integer\n    unit: days\n    label: {zh: 甲, en: a}\n"
                              "    clause: JARUD.1\n    values: {}\n"),
       "t.yaml:8", "parameters.village.x.values"},
      {"values missing", one_param("    type: integer\n    unit: days\n"), "t.yaml:3",
       "parameters.village.x.values"},
      {"clause lower-case", h + "    clause: jarud.1\n", "t.yaml:4", "parameters.village.x.clause"},
      {"clause without number", h + "    clause: JARUD\n", "t.yaml:4", "parameters.village.x.clause"},
      {"clause with letters after the dot", h + "    clause: JARUD.1a\n", "t.yaml:4",
       "parameters.village.x.clause"},
      {"missing type", one_param("    unit: days\n    label: {zh: 甲, en: a}\n    clause: JARUD.1\n"
                                 "    values: {2016-01-01: 5}\n"),
       "t.yaml:3", "parameters.village.x.type"},
      {"missing unit", one_param("    type: integer\n    label: {zh: 甲, en: a}\n    clause: JARUD.1\n"
                                 "    values: {2016-01-01: 5}\n"),
       "t.yaml:3", "parameters.village.x.unit"},
      {"missing label", one_param("    type: integer\n    unit: days\n    clause: JARUD.1\n"
                                  "    values: {2016-01-01: 5}\n"),
       "t.yaml:3", "parameters.village.x.label"},
      {"missing clause", one_param("    type: integer\n    unit: days\n    label: {zh: 甲, en: a}\n"
                                   "    values: {2016-01-01: 5}\n"),
       "t.yaml:3", "parameters.village.x.clause"},
      {"label without en", h + "    label: {zh: 甲}\n", "t.yaml:4", "parameters.village.x.label.en"},
      {"child changes a type",
       "profile: t\nextends: tongliao-2016\nparameters:\n  village.publicity_days:\n"
       "    type: decimal\n    values: {2018-01-01: 7.5}\n",
       "t.yaml:5", "parameters.village.publicity_days.type"},
      {"child changes a unit",
       "profile: t\nextends: tongliao-2016\nparameters:\n  village.publicity_days:\n"
       "    unit: working_days\n    values: {2018-01-01: 7}\n",
       "t.yaml:5", "parameters.village.publicity_days.unit"},
      {"child changes a clause",
       "profile: t\nextends: tongliao-2016\nparameters:\n  village.publicity_days:\n"
       "    clause: JARUD.2\n    values: {2018-01-01: 7}\n",
       "t.yaml:5", "parameters.village.publicity_days.clause"},
      {"child value of the wrong type",
       "profile: t\nextends: tongliao-2016\nparameters:\n  village.publicity_days:\n"
       "    values:\n      2018-01-01: 7.5\n",
       "t.yaml:6", "parameters.village.publicity_days.values.2018-01-01"},
      {"extends an unknown profile", "profile: t\nextends: tongliao-2099\nparameters: {}\n", "t.yaml:2",
       "extends"},
      {"extends a path from text", "profile: t\nextends: ./base.yaml\nparameters: {}\n", "t.yaml:2",
       "extends"},
      {"extends its own name", "profile: tongliao-2016\nextends: tongliao-2016\nparameters: {}\n",
       "t.yaml:1", "profile"},
      {"key twice", "profile: t\nprofile: u\nparameters: {}\n", "t.yaml:2", "profile"},
      {"parameter twice", one_param(kGoodBody) + "  village.x:\n" + kGoodBody, "t.yaml:10",
       "parameters.village.x"},
      {"bad parameter name", "profile: t\nparameters:\n  Village-X:\n" + kGoodBody, "t.yaml:3",
       "parameters.Village-X"},
      {"parameter name without module", "profile: t\nparameters:\n  x:\n" + kGoodBody, "t.yaml:3",
       "parameters.x"},
      {"bad profile name", "profile: 'a b'\nparameters: {}\n", "t.yaml:1", "profile"},
      {"missing profile", "parameters: {}\n", "t.yaml:1", "profile"},
      {"missing parameters", "profile: t\n", "t.yaml:1", "parameters"},
      {"a list where the profile belongs", "- 1\n- 2\n", "t.yaml:1", ""},
      {"not YAML", "profile: t\nparameters: {a: [1, 2}\n", "t.yaml:2", ""},
      {"a second document", "profile: t\nparameters: {}\n---\nprofile: u\n", "t.yaml:3", ""},
      {"an empty file", "# nothing\n", "t.yaml:1", ""},
      {"merge keys are not followed", one_param(kGoodBody) + "  village.y:\n    <<: {type: integer}\n",
       "t.yaml:11", "parameters.village.y.<<"},
  };
  for (const auto &c : cases) {
    SCOPED_TRACE(c.what);
    PolicyError e = load_error(c.yaml);
    EXPECT_EQ(e.code(), ErrorCode::policy);
    EXPECT_EQ(e.record(), c.record) << e.what();
    EXPECT_EQ(e.field(), c.field) << e.what();
    // The message names both, once: "... (field F, record R)".
    std::string what = e.what();
    if (!c.field.empty()) {
      EXPECT_NE(what.find("field " + c.field), std::string::npos) << what;
    }
    EXPECT_NE(what.find("record " + c.record), std::string::npos) << what;
  }
}

TEST(PolicyErrors, UnknownKeyIsRejectedNeverIgnored) {
  // A misplaced key (values one level too deep) must not leave the parameter without effect.
  PolicyError e = load_error(
      "profile: t\nextends: tongliao-2016\nparameters:\n  village.performance_pay.excellent:\n"
      "    value:\n      2018-01-01: 5000\n");
  EXPECT_EQ(e.field(), "parameters.village.performance_pay.excellent.value");
  EXPECT_EQ(e.record(), "t.yaml:5");
  EXPECT_NE(std::string(e.what()).find("unknown key `value`"), std::string::npos) << e.what();
}

TEST(PolicyErrors, ExtendsCycleOfFilesIsNamed) {
  fs::path dir = scratch_dir();
  write_text(dir / "a.yaml", "profile: a\nextends: b.yaml\nparameters: {}\n");
  write_text(dir / "b.yaml", "profile: b\n\nextends: ./a.yaml\nparameters: {}\n");
  const std::string a = (dir / "a.yaml").string();
  try {
    Policy::load(a);
    FAIL();
  } catch (const PolicyError &e) {
    EXPECT_EQ(e.field(), "extends");
    EXPECT_EQ(e.record(), (dir / "b.yaml").string() + ":3") << e.what();
    EXPECT_NE(std::string(e.what()).find("cycle"), std::string::npos) << e.what();
  }
  write_text(dir / "self.yaml", "profile: s\nextends: self.yaml\nparameters: {}\n");
  EXPECT_THROW(Policy::load((dir / "self.yaml").string()), PolicyError);
  // A missing parent file and a missing file.
  write_text(dir / "orphan.yaml", "profile: o\nextends: gone.yaml\nparameters: {}\n");
  try {
    Policy::load((dir / "orphan.yaml").string());
    FAIL();
  } catch (const PolicyError &e) {
    EXPECT_EQ(e.record(), (dir / "orphan.yaml").string() + ":2");
  }
  EXPECT_THROW(Policy::load((dir / "none.yaml").string()), PolicyError);
  // An error in a parent file names the parent file.
  write_text(dir / "bad-parent.yaml", "profile: p\nparameters:\n  village.x:\n    type: integer\n"
                                      "    unit: days\n    label: {zh: 甲, en: a}\n"
                                      "    clause: JARUD.1\n    values: {2016-01-01: x}\n");
  write_text(dir / "child.yaml", "profile: c\nextends: bad-parent.yaml\nparameters: {}\n");
  try {
    Policy::load((dir / "child.yaml").string());
    FAIL();
  } catch (const PolicyError &e) {
    EXPECT_EQ(e.record(), (dir / "bad-parent.yaml").string() + ":8") << e.what();
  }
  fs::remove_all(dir);
}

TEST(PolicyErrors, FuzzFindingsStayFixed) {
  // Inputs fuzz_policy_yaml found: one made yaml-cpp 0.7's LoadAll report empty documents
  // forever (memory ran out), one hit a dangling reference to a mapping key (under ASan).
  const fs::path dir = fs::path(kSource) / "tests/fuzz/corpus/policy_yaml";
  std::string endless = read_text(dir / "regress-endless-documents.yaml");
  ASSERT_FALSE(endless.empty());
  try {
    Policy::loads(endless, "e.yaml");
    ADD_FAILURE() << "loaded";
  } catch (const PolicyError &e) {
    EXPECT_NE(std::string(e.what()).find("one YAML document"), std::string::npos) << e.what();
  }
  // A valid profile: five parameters, each readable.
  Policy p = Policy::loads(read_text(dir / "regress-dangling-key.yaml"), "d.yaml");
  EXPECT_EQ(p.parameter_names().size(), 5u);
}

// ------------------------------------------------------------------------------------------
// docs/policy.md: its table of the default profile's parameters cannot drift
// ------------------------------------------------------------------------------------------

namespace {
/// Cells of a Markdown table row, split on unescaped '|', trimmed, `code` quotes removed.
std::vector<std::string> cells(const std::string &line) {
  std::vector<std::string> out;
  std::string cur;
  for (std::size_t i = 1; i < line.size(); ++i) {  // skip the leading '|'
    if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == '|') {
      cur += '|';
      ++i;
    } else if (line[i] == '|') {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += line[i];
    }
  }
  for (auto &c : out) {
    auto b = c.find_first_not_of(' '), e = c.find_last_not_of(' ');
    c = (b == std::string::npos) ? "" : c.substr(b, e - b + 1);
    if (c.size() >= 2 && c.front() == '`' && c.back() == '`') c = c.substr(1, c.size() - 2);
  }
  return out;
}
}  // namespace

TEST(PolicyDocs, TableMatchesTheDefaultProfileBothWays) {
  const std::string doc = read_text(fs::path(kSource) / "docs" / "policy.md");
  const std::string begin = "<!-- parameter-table:begin", end = "<!-- parameter-table:end";
  auto b = doc.find(begin), e = doc.find(end);
  ASSERT_NE(b, std::string::npos);
  ASSERT_NE(e, std::string::npos);
  std::istringstream in(doc.substr(b, e - b));
  using Row = std::tuple<std::string, std::string, std::string, std::string, std::string,
                         std::string, std::string>;
  std::set<Row> documented;
  std::string line;
  int header = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] != '|') continue;
    if (header < 2) {  // the header and its separator
      ++header;
      continue;
    }
    auto c = cells(line);
    ASSERT_EQ(c.size(), 7u) << line;
    EXPECT_TRUE(documented.insert({c[0], c[1], c[2], c[3], c[4], c[5], c[6]}).second) << line;
  }
  std::set<Row> actual;
  Policy p = Policy::default_profile();
  for (const auto &n : p.parameter_names()) {
    const ParamInfo &info = p.info(n);
    for (const auto &v : info.values)
      actual.insert({n, v.text, info.unit, to_iso(v.effective_from), info.clause,
                     v.assumed ? "yes" : "no", info.label_zh});
  }
  for (const auto &r : actual)
    EXPECT_TRUE(documented.count(r)) << "not documented (or wrong) in docs/policy.md: "
                                     << std::get<0>(r) << " = " << std::get<1>(r)
                                     << " — run scripts/gen-policy-table";
  for (const auto &r : documented)
    EXPECT_TRUE(actual.count(r)) << "documented but not in the profile: " << std::get<0>(r)
                                 << " = " << std::get<1>(r);
}

// ------------------------------------------------------------------------------------------
// Property: value(as_of) is the latest value that took effect on or before as_of
// ------------------------------------------------------------------------------------------

TEST(PolicyProperty, ValueAsOfMatchesBruteForce) {
  std::mt19937 rng(20160922);  // fixed seed: reproducible
  for (int round = 0; round < 200; ++round) {
    std::uniform_int_distribution<int> count_of(1, 8), day_of(0, 3650), value_of(-1000, 1000);
    std::set<int> days;
    int n = count_of(rng);
    while (static_cast<int>(days.size()) < n) days.insert(day_of(rng));
    const Date base = d(2010, 1, 1);
    std::vector<std::pair<Date, int>> truth;
    std::string yaml = "profile: r\nparameters:\n  village.r:\n    type: integer\n    unit: u\n"
                       "    label: {zh: 甲, en: a}\n    clause: JARUD.1\n    range: {min: -1000}\n    values:\n";
    for (int dd : days) {
      Date at = base + boost::gregorian::days(dd);
      int v = value_of(rng);
      truth.emplace_back(at, v);
      yaml += "      " + to_iso(at) + ": " + std::to_string(v) + "\n";
    }
    Policy p = Policy::loads(yaml);
    for (int probe = 0; probe < 20; ++probe) {
      Date as_of = base + boost::gregorian::days(std::uniform_int_distribution<int>(-10, 3700)(rng));
      const std::pair<Date, int> *in_force = nullptr;
      for (const auto &t : truth)
        if (t.first <= as_of) in_force = &t;  // brute force: the last one not after as_of
      if (in_force == nullptr) {
        EXPECT_THROW(p.integer("village.r", as_of), PolicyError);
      } else {
        EXPECT_EQ(p.integer("village.r", as_of), in_force->second) << yaml << to_iso(as_of);
        EXPECT_EQ(p.lookup("village.r", as_of).effective_from, in_force->first);
      }
    }
  }
}

// ------------------------------------------------------------------------------------------
// Sources: a policy travels as the texts it was read from, and arrives identical
// ------------------------------------------------------------------------------------------

namespace {

/// Every observable part of a policy: name, lineage, and each parameter's declaration and values.
void expect_identical(const Policy &a, const Policy &b) {
  EXPECT_EQ(a.name(), b.name());
  EXPECT_EQ(a.lineage(), b.lineage());
  ASSERT_EQ(a.parameter_names(), b.parameter_names());
  for (const auto &n : a.parameter_names()) {
    const ParamInfo &x = a.info(n), &y = b.info(n);
    EXPECT_EQ(x.type, y.type) << n;
    EXPECT_EQ(x.unit, y.unit) << n;
    EXPECT_EQ(x.label_zh, y.label_zh) << n;
    EXPECT_EQ(x.label_en, y.label_en) << n;
    EXPECT_EQ(x.clause, y.clause) << n;
    EXPECT_EQ(x.source, y.source) << n;
    ASSERT_EQ(x.values.size(), y.values.size()) << n;
    for (std::size_t i = 0; i < x.values.size(); ++i) {
      EXPECT_EQ(x.values[i].effective_from, y.values[i].effective_from) << n;
      EXPECT_EQ(x.values[i].text, y.values[i].text) << n;
      EXPECT_EQ(x.values[i].assumed, y.values[i].assumed) << n;
    }
  }
  EXPECT_EQ(a.sources(), b.sources());
}

}  // namespace

TEST(PolicySources, EmbeddedTravelsByName) {
  Policy p = Policy::default_profile();
  ASSERT_EQ(p.sources().size(), 1u);
  EXPECT_TRUE(p.sources()[0].embedded);
  EXPECT_EQ(p.sources()[0].name, "tongliao-2016");
  EXPECT_TRUE(p.sources()[0].text.empty());
  expect_identical(Policy::from_sources(p.sources()), p);
}

TEST(PolicySources, ChainOfFilesArrivesIdenticalWithoutTheFiles) {
  fs::path dir = scratch_dir();
  fs::create_directories(dir / "counties");
  write_text(dir / "province.yaml",
             "profile: province-2017\nextends: tongliao-2016\nparameters:\n"
             "  village.base_pay.max:\n    values: {2017-01-01: 9500}\n");
  write_text(dir / "counties" / "county.yaml",
             "profile: county-2018\nextends: ../province.yaml\nparameters:\n"
             "  village.base_pay.max:\n    values: {2018-01-01: 10000}\n"
             "  followup.ledger_review_months:\n    type: integer\n    unit: months\n"
             "    label: {zh: 台账复核, en: ledger review}\n    clause: HORQIN.6\n"
             "    assumed: true\n    values: {2018-01-01: 6}\n");
  const std::string path = (dir / "counties" / "county.yaml").string();
  Policy p = Policy::load(path);
  const auto &src = p.sources();
  ASSERT_EQ(src.size(), 3u);
  EXPECT_TRUE(src[0].embedded);
  EXPECT_EQ(src[1].name, (dir / "province.yaml").lexically_normal().string());
  EXPECT_EQ(src[2].name, path);
  EXPECT_EQ(src[2].text, read_text(path));
  fs::remove_all(dir);  // the files are gone: the texts travel
  Policy q = Policy::from_sources(src);
  expect_identical(q, p);
  EXPECT_EQ(q.info("village.base_pay.max").source, path + ":4");
  EXPECT_EQ(q.value("village.base_pay.max", d(2017, 6, 1)), "9500");
}

TEST(PolicySources, LoadsAndTheSampleCountyArriveIdentical) {
  Policy s = Policy::load(kSource + "/data/policies/examples/sample-county.yaml");
  expect_identical(Policy::from_sources(s.sources()), s);
  Policy t = Policy::loads("profile: c\nextends: tongliao-2016\nparameters:\n"
                           "  village.publicity_days:\n    values: {2020-01-01: 14}\n",
                           "c.yaml");
  expect_identical(Policy::from_sources(t.sources()), t);
}

TEST(PolicyLimits, AFileThatIsNotRegularOrTooLargeIsRefusedBeforeItIsRead) {
  try {
    Policy::load("/dev/zero");
    FAIL() << "no error";
  } catch (const PolicyError &e) {
    EXPECT_NE(std::string(e.what()).find("not a regular file"), std::string::npos) << e.what();
  }
  fs::path dir = scratch_dir();
  fs::create_directories(dir);
  { std::ofstream(dir / "z.yaml") << "profile: z\nextends: /dev/zero\nparameters: {}\n"; }
  try {
    Policy::load((dir / "z.yaml").string());
    FAIL() << "no error";
  } catch (const PolicyError &e) {
    EXPECT_NE(std::string(e.what()).find("not a regular file"), std::string::npos) << e.what();
  }
  const fs::path huge = dir / "huge.yaml";
  { std::ofstream(huge) << ""; }
  fs::resize_file(huge, (std::uintmax_t{64} << 20) + 1);  // sparse: nothing is written
  try {
    Policy::load(huge.string());
    FAIL() << "no error";
  } catch (const PolicyError &e) {
    EXPECT_NE(std::string(e.what()).find("policy.max_bytes"), std::string::npos) << e.what();
  }
  fs::remove_all(dir);
}

TEST(PolicySources, AValueSetTravelsAsASetting) {
  Policy p = Policy::embedded("tongliao-2016").with_value("village.performance_pay.excellent", "5000",
                                                         d(2017, 1, 1));
  const auto &src = p.sources();
  ASSERT_EQ(src.size(), 2u);
  EXPECT_EQ(src[1].name, "--set");
  EXPECT_EQ(src[1].text, "village.performance_pay.excellent=5000@2017-01-01");
  Policy q = Policy::from_sources(src);
  expect_identical(q, p);
  EXPECT_EQ(q.value("village.performance_pay.excellent", d(2017, 6, 1)), "5000");
  EXPECT_EQ(q.value("village.performance_pay.excellent", d(2016, 6, 1)), "4000");
  // A setting with nothing before it, or one that does not parse, is refused.
  EXPECT_THROW(Policy::from_sources({src[1]}), PolicyError);
  EXPECT_THROW(Policy::from_sources({src[0], PolicySource{false, "--set", "no equals sign"}}), PolicyError);
}

TEST(PolicySources, AChainThatDoesNotHoldTogetherIsRefused) {
  const PolicySource root{true, "tongliao-2016", {}};
  const PolicySource county{false, "c.yaml",
                            "profile: c\nextends: tongliao-2016\nparameters: {}\n"};
  const PolicySource orphan{false, "o.yaml", "profile: o\nparameters: {}\n"};
  const PolicySource by_path{false, "d/x.yaml", "profile: x\nextends: ../p.yaml\nparameters: {}\n"};
  EXPECT_THROW(Policy::from_sources({}), PolicyError);
  EXPECT_THROW(Policy::from_sources({PolicySource{true, "nowhere-2016", {}}}), PolicyError);
  EXPECT_THROW(Policy::from_sources({county}), PolicyError);        // extends, nothing before
  EXPECT_THROW(Policy::from_sources({root, orphan}), PolicyError);  // extends nothing
  EXPECT_THROW(Policy::from_sources({root, by_path}), PolicyError); // names a file, not it
  EXPECT_THROW(Policy::from_sources({county, root}), PolicyError);  // embedded after a text
  EXPECT_THROW(Policy::from_sources({root, county, county}), PolicyError);  // names twice
  try {  // ../p.yaml from d/ is p.yaml, but the file before it is q.yaml
    Policy::from_sources({root, PolicySource{false, "q.yaml", "profile: p\nextends: tongliao-2016\n"
                                                                 "parameters: {}\n"},
                          by_path});
    FAIL() << "no error";
  } catch (const PolicyError &e) {
    EXPECT_EQ(e.field(), "extends");
    EXPECT_EQ(e.record(), "d/x.yaml:2");
  }
  // The good one of the same pieces.
  EXPECT_EQ(Policy::from_sources({root, county}).lineage(),
            (std::vector<std::string>{"c", "tongliao-2016"}));
  // A path that does name the file before it.
  EXPECT_EQ(Policy::from_sources({root, PolicySource{false, "p.yaml", "profile: p\nextends: "
                                                                      "tongliao-2016\nparameters: {}\n"},
                                  PolicySource{false, "d/x.yaml",
                                               "profile: x\nextends: ../p.yaml\nparameters: {}\n"}})
                .lineage(),
            (std::vector<std::string>{"x", "p", "tongliao-2016"}));
}

// ------------------------------------------------------------------------------------------
// Ranges: a value a parameter cannot take is refused where it is written
// ------------------------------------------------------------------------------------------

TEST(PolicyRange, EachTypeHasItsRangeAndAValueOutsideIsRefusedNamingFileAndLine) {
  auto body = [](const std::string &type, const std::string &value, const std::string &extra = "") {
    return one_param("    type: " + type + "\n    unit: u\n    label: {zh: 甲, en: a}\n"
                     "    clause: JARUD.1\n" + extra + "    values:\n      2016-01-01: " + value + "\n");
  };
  // The issue's own case: base pay set to the most negative amount int64 fen can hold.
  PolicyError e = load_error(body("money", "\"-92233720368547758.08\""));
  EXPECT_EQ(e.field(), "parameters.village.x.values.2016-01-01");
  EXPECT_EQ(e.record(), "t.yaml:9");
  EXPECT_NE(e.message().find("below the parameter's range (at least 0)"), std::string::npos) << e.what();
  EXPECT_NE(load_error(body("integer", "-1")).message().find("at least 0"), std::string::npos);
  EXPECT_NE(load_error(body("decimal", "-0.5")).message().find("at least 0"), std::string::npos);
  EXPECT_NE(load_error(body("share", "3:2")).message().find("at most 1"), std::string::npos);
  // Inside its range, or within a range the declaration widens, a value loads.
  EXPECT_EQ(Policy::loads(body("share", "1"), "t.yaml").value("village.x", d(2016, 6, 1)), "1");
  const Policy widened = Policy::loads(body("integer", "-3", "    range: {min: -5, max: 10}\n"), "t.yaml");
  EXPECT_EQ(widened.integer("village.x", d(2016, 6, 1)), -3);
  EXPECT_EQ(widened.info("village.x").range_min, "-5");
  EXPECT_EQ(widened.info("village.x").range_max, "10");
  EXPECT_NE(load_error(body("integer", "11", "    range: {min: -5, max: 10}\n")).message().find("at most 10"),
            std::string::npos);
  // A range that is not of the type, upside down, or on a text parameter is refused.
  EXPECT_EQ(load_error(body("integer", "1", "    range: {min: x}\n")).field(), "parameters.village.x.range");
  EXPECT_EQ(load_error(body("integer", "1", "    range: {min: 5, max: 1}\n")).field(), "parameters.village.x.range");
  EXPECT_EQ(load_error(body("text", "a", "    range: {min: 1}\n")).field(), "parameters.village.x.range");
  EXPECT_EQ(load_error(body("integer", "1", "    range: {}\n")).field(), "parameters.village.x.range");
}

TEST(PolicyRange, TheDefaultProfileDeclaresRangesAndEverySetValueIsChecked) {
  const Policy p = Policy::default_profile();
  EXPECT_EQ(p.info("village.base_pay.min").range_min, "0");
  EXPECT_EQ(p.info("audit.level1.min_share_per_year").range_max, "1");
  try {
    (void)p.with_value("village.base_pay.min", "-1");
    ADD_FAILURE() << "a negative base pay was set";
  } catch (const PolicyError &e) {
    EXPECT_EQ(e.field(), "village.base_pay.min");
    EXPECT_EQ(e.record(), "--set");
    EXPECT_NE(e.message().find("below the parameter's range"), std::string::npos);
  }
  EXPECT_THROW((void)p.with_setting("audit.level1.min_share_per_year=120%"), PolicyError);
}

TEST(PolicyRange, AnOverrideMayNotChangeTheRange) {
  const fs::path dir = scratch_dir();
  write_text(dir / "parent.yaml", one_param(kGoodBody));
  write_text(dir / "child.yaml",
             "profile: c\nextends: parent.yaml\nparameters:\n  village.x:\n    range: {min: -5}\n"
             "    values:\n      2017-01-01: -2\n");
  try {
    Policy::load((dir / "child.yaml").string());
    ADD_FAILURE() << "an override widened the range";
  } catch (const PolicyError &e) {
    EXPECT_EQ(e.field(), "parameters.village.x.range");
  }
}

TEST(PolicyLimits, AProfileOfTooManyNodesIsRefusedBeforeItIsBuilt) {
  // 100,001 one-character scalars in a flow list: about 300 KB of text that yaml-cpp would
  // build into tens of megabytes. The refusal names the limit and the line where it was passed.
  std::string yaml = "profile: t\nparameters: {}\njunk: [";
  for (int i = 0; i < 100'001; ++i) yaml += i ? ",0" : "0";
  yaml += "]\n";
  try {
    Policy::loads(yaml, "t.yaml");
    ADD_FAILURE() << "a profile of 100,001 nodes loaded";
  } catch (const PolicyError &e) {
    EXPECT_EQ(e.field(), "policy.max_nodes");
    EXPECT_EQ(e.record(), "t.yaml:3");
  }
  // One scalar over 1 MiB: refused in the same pass, naming its line.
  try {
    Policy::loads("profile: t\nparameters: {}\ndescription: {zh: '" + std::string((1u << 20) + 1, 'x') +
                      "', en: a}\n",
                  "t.yaml");
    ADD_FAILURE() << "a scalar over 1 MiB loaded";
  } catch (const PolicyError &e) {
    EXPECT_EQ(e.field(), "policy.max_scalar_bytes");
    EXPECT_EQ(e.record(), "t.yaml:3");
  }
  // The default profile is far inside the limit, and a second document is still refused.
  EXPECT_NO_THROW(Policy::loads(read_text(fs::path(kSource) / "data/policies/tongliao-2016.yaml"), "t.yaml"));
  EXPECT_NE(load_error("profile: t\nparameters: {}\n---\nprofile: u\n").message().find("another one starts"),
            std::string::npos);
}
