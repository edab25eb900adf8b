// Per-domain indicators and weights as policy data, the exact composite score, and the six
// methods as a checklist (HORQIN.4).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "cadrekit/assessment.hpp"
#include "cadrekit/core/errors.hpp"

using namespace cadrekit;
using namespace cadrekit::assessment;
namespace json = boost::json;

namespace {

Date d(const char *s) { return parse_iso_date(s); }
using Scores = std::vector<std::pair<std::string, std::string>>;

Policy county(const std::string &township, const std::string &methods = "reports|talks") {
  return Policy::loads("profile: c\nextends: tongliao-2016\nparameters:\n"
                       "  assessment.indicators.township:\n    values:\n      2016-01-01: \"" + township + "\"\n"
                       "  assessment.methods.required:\n    values:\n      2016-01-01: \"" + methods + "\"\n",
                       "county");
}

Scores six(const char *pq, const char *tw, const char *pf, const char *ig, const char *pr, const char *hl) {
  return {{"political_quality", pq}, {"teamwork", tw}, {"performance", pf}, {"integrity", ig}, {"public_rating", pr}, {"health", hl}};
}

}  // namespace

TEST(AssessmentIndicators, DefaultsAreTheSixFamiliesOfTheSourceWithEqualWeights) {
  for (Domain dom : {Domain::township, Domain::subdistrict, Domain::farm, Domain::department}) {
    auto inds = indicators(dom, Policy::default_profile(), d("2016-12-31"));
    ASSERT_EQ(inds.size(), 6u);
    for (const auto &i : inds) {
      EXPECT_EQ(i.weight, Rational(1, 6));
      EXPECT_STRNE(indicator_name_zh(i.id), "");
    }
  }
  EXPECT_STREQ(indicator_name_zh("performance"), "工作实绩");
  EXPECT_STREQ(indicator_name_zh("county_own"), "");
}

TEST(AssessmentIndicators, CompositeIsExact) {
  // (90 + 85 + 80.5 + 95 + 70 + 100) / 6 = 520.5 / 6 = 86.75
  Composite c = composite_score(Domain::farm, six("90", "85", "80.5", "95", "70", "100"), d("2016-12-31"),
                                Policy::default_profile());
  EXPECT_EQ(c.score, parse_decimal("86.75"));
  ASSERT_EQ(c.parts.size(), 6u);
  EXPECT_EQ(c.parts[2].indicator, "performance");
  EXPECT_EQ(c.parts[2].part, Rational(161, 12));  // 80.5 / 6
  ASSERT_EQ(c.explanation.rules.size(), 1u);
  EXPECT_NE(c.explanation.rules[0].message_en.find("= 86.75"), std::string::npos);
  EXPECT_EQ(c.explanation.parameters.size(), 1u);
  EXPECT_EQ(c.explanation.parameters[0].name, "assessment.indicators.farm");
  // A result without a finite decimal stays exact: (1 + 1 + 2 + 0 + 0 + 0) / 6 = 2/3.
  c = composite_score(Domain::farm, six("1", "1", "2", "0", "0", "0"), d("2016-12-31"), Policy::default_profile());
  EXPECT_EQ(c.score, Rational(2, 3));
}

TEST(AssessmentIndicators, CountyWeightsPerDomain) {
  Policy p = county("performance=0.4; political_quality=20%x; integrity=0.2; public_rating=0.2");
  EXPECT_THROW(indicators(Domain::township, p, d("2016-12-31")), PolicyError);
  p = county("performance=0.4; political_quality=0.2; integrity=0.2; public_rating=0.2");
  // 0.4·80 + 0.2·90 + 0.2·100 + 0.2·75 = 32 + 18 + 20 + 15 = 85
  Scores s{{"performance", "80"}, {"political_quality", "90"}, {"integrity", "100"}, {"public_rating", "75"}};
  EXPECT_EQ(composite_score(Domain::township, s, d("2016-12-31"), p).score, Rational(85));
  // The other domains keep the default.
  EXPECT_EQ(indicators(Domain::department, p, d("2016-12-31")).size(), 6u);
  // JSON form.
  auto v = json::parse(composite_json(
      R"({"as_of":"2016-12-31","domain":"苏木镇","scores":{"performance":80,"political_quality":"90","integrity":"100","public_rating":"75"}})", p));
  EXPECT_EQ(v.at("score").as_string(), "85");
  EXPECT_EQ(v.at("parts").at(0).at("indicator").as_string(), "performance");
  EXPECT_EQ(v.at("parts").at(0).at("weight").as_string(), "0.4");
  EXPECT_EQ(v.at("parts").at(0).at("part").as_string(), "32");
}

TEST(AssessmentIndicators, BadScoresNameTheIndicator) {
  Policy p = Policy::default_profile();
  auto expect = [&](Scores s, const char *field) {
    try {
      composite_score(Domain::township, s, d("2016-12-31"), p);
      ADD_FAILURE() << field;
    } catch (const InvalidInput &e) {
      EXPECT_EQ(e.field(), field);
      EXPECT_EQ(std::string(e.what()).find("abc"), std::string::npos);
    }
  };
  Scores s = six("90", "85", "80.5", "95", "70", "100");
  Scores missing(s.begin(), s.end() - 1);
  expect(missing, "scores.health");
  Scores unknown = s;
  unknown.emplace_back("colour", "1");
  expect(unknown, "scores.colour");
  Scores bad = s;
  bad[1].second = "abc";
  expect(bad, "scores.teamwork");
  Scores negative = s;
  negative[0].second = "-1";
  expect(negative, "scores.political_quality");
  Scores twice = s;
  twice.emplace_back("health", "1");
  expect(twice, "scores.health");
}

TEST(AssessmentIndicators, MalformedWeightsArePolicyErrorsNamingTheParameter) {
  for (const char *t : {"performance=0.5; integrity=0.4",            // sums to 0.9
                        "performance=0.5; performance=0.5",          // twice
                        "Performance=1",                             // not an id
                        "performance=0; integrity=1",                // zero weight
                        "performance"}) {
    try {
      indicators(Domain::township, county(t), d("2016-12-31"));
      ADD_FAILURE() << t;
    } catch (const PolicyError &e) {
      EXPECT_EQ(e.field(), "assessment.indicators.township") << t;
    }
  }
}

TEST(AssessmentMethods, ChecklistOfTheSixNamedMethods) {
  Policy p = Policy::default_profile();
  auto c = method_checklist(Method::reports | Method::talks, d("2016-12-31"), p);
  ASSERT_EQ(c.items.size(), 6u);
  EXPECT_FALSE(c.complete);
  EXPECT_EQ(c.missing, (std::vector<std::string>{"rating", "records", "site_visits", "sampling"}));
  EXPECT_TRUE(c.items[0].done && c.items[0].required);
  EXPECT_TRUE(method_checklist(0x3f, d("2016-12-31"), p).complete);
  // A county that requires only two.
  Policy q = county("performance=1", "reports|找谈话");
  auto c2 = method_checklist(Method::reports | Method::talks, d("2016-12-31"), q);
  EXPECT_TRUE(c2.complete);
  EXPECT_FALSE(c2.items[2].required);
  EXPECT_THROW(method_checklist(0, d("2016-12-31"), county("performance=1", "reports|dancing")), PolicyError);
  auto v = json::parse(method_checklist_json(R"({"as_of":"2016-12-31","methods":["听述职","talks"]})", p));
  EXPECT_EQ(v.at("complete").as_bool(), false);
  EXPECT_EQ(v.at("missing").as_array().size(), 4u);
  EXPECT_EQ(v.at("items").at(1).at("method").as_string(), "talks");
  EXPECT_EQ(v.at("items").at(1).at("done").as_bool(), true);
}
