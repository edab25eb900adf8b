// The catalogue of qualitative standards (HORQIN.2) as policy data: the default catalogue, a
// county layer that adds and withdraws standards, findings that must name a catalogue
// standard, and hits that report the standard's aspect and text.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "cadrekit/assessment.hpp"
#include "cadrekit/core/errors.hpp"

using namespace cadrekit;
using namespace cadrekit::assessment;
namespace json = boost::json;

namespace {

Date d(const char *s) { return parse_iso_date(s); }

// A county that adds one standard (work style, suggesting dismissal), withdraws the default
// discipline standard from 2017, and adds a red line on work-style findings.
const char *kCounty = R"(profile: test-county-standards
extends: tongliao-2016
parameters:
  assessment.standard.q07:
    type: text
    unit: standard
    label: {zh: 工作作风方面：在重点工作中推诿扯皮, en: "work style: shirking in key work"}
    clause: HORQIN.2
    values:
      2016-01-01: "aspect=工作作风; suggest=免职"
  assessment.standard.discipline:
    values:
      2016-01-01: "aspect=discipline; suggest=any"
      2017-01-01: withdrawn
  assessment.rule.work_style_once:
    type: text
    unit: rule
    label: {zh: 工作作风方面问题一次, en: one work-style finding}
    clause: HORQIN.2
    values:
      2016-01-01: "target=finding; source=qualitative; aspect=work_style; times=1; suggest=dismissal"
)";

Finding qualitative(std::string id, std::string cadre, const char *date, std::string standard,
                    Aspect aspect = Aspect::none, FindingClass c = FindingClass::not_acting) {
  Finding f;
  f.id = std::move(id);
  f.cadre_id = std::move(cadre);
  f.date = d(date);
  f.standard = std::move(standard);
  f.aspect = aspect;
  f.classification = c;
  return f;
}

}  // namespace

TEST(AssessmentStandards, DefaultCatalogueHasOneGeneralStandardPerAspectOfTheSource) {
  auto cat = standards(Policy::default_profile(), d("2016-12-31"));
  // The source (L18) names six aspects; it lists none of its 25 standards.
  ASSERT_EQ(cat.size(), 6u);
  std::set<Aspect> aspects;
  for (const auto &s : cat) {
    aspects.insert(s.aspect);
    EXPECT_TRUE(s.assumed) << s.id;
    EXPECT_EQ(s.clause, "HORQIN.2");
    EXPECT_EQ(s.suggestion, "any");
    EXPECT_FALSE(s.text_zh.empty());
    EXPECT_FALSE(s.text_en.empty());
    EXPECT_EQ(s.parameter, "assessment.standard." + s.id);
  }
  EXPECT_EQ(aspects, (std::set<Aspect>{Aspect::discipline, Aspect::political_stance, Aspect::ideals_beliefs,
                                       Aspect::ability, Aspect::work_style, Aspect::personal_conduct}));
  const Standard *st = find_standard(cat, "ideals_beliefs");
  ASSERT_NE(st, nullptr);
  EXPECT_EQ(st->text_zh, "理想信念方面：理想信念不坚定");
  EXPECT_EQ(find_standard(cat, "q07"), nullptr);
  EXPECT_EQ(find_standard(cat, ""), nullptr);
  // Before the profile's first date there is no catalogue.
  EXPECT_TRUE(standards(Policy::default_profile(), d("2015-12-31")).empty());
}

TEST(AssessmentStandards, CountyLayerAddsAndWithdraws) {
  Policy p = Policy::loads(kCounty, "county");
  auto y2016 = standards(p, d("2016-12-31"));
  ASSERT_EQ(y2016.size(), 7u);
  const Standard *q = find_standard(y2016, "q07");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->aspect, Aspect::work_style);
  EXPECT_EQ(q->suggestion, "dismissal");
  EXPECT_FALSE(q->assumed);
  EXPECT_EQ(q->text_en, "work style: shirking in key work");
  auto y2017 = standards(p, d("2017-06-30"));
  EXPECT_EQ(y2017.size(), 6u);
  EXPECT_EQ(find_standard(y2017, "discipline"), nullptr);
  EXPECT_NE(find_standard(y2017, "q07"), nullptr);
}

TEST(AssessmentStandards, FindingMustNameACatalogueStandard) {
  Policy p = Policy::loads(kCounty, "county");
  auto expect = [&](const std::vector<Finding> &fs, Date as_of, const char *field) {
    try {
      screen({}, fs, as_of, p);
      ADD_FAILURE() << "accepted";
    } catch (const InvalidInput &e) {
      EXPECT_EQ(e.field(), field);
      EXPECT_EQ(e.record(), "findings[1]");
      EXPECT_EQ(std::string(e.what()).find("Q99"), std::string::npos);  // no value echoed
    }
  };
  Finding ok = qualitative("F1", "C1", "2016-03-01", "q07");
  expect({ok, qualitative("F2", "C1", "2016-03-01", "Q99")}, d("2016-12-31"), "standard");
  expect({ok, qualitative("F2", "C1", "2016-03-01", "q07", Aspect::ability)}, d("2016-12-31"), "aspect");
  // A withdrawn standard is no longer in the catalogue.
  expect({ok, qualitative("F2", "C1", "2016-03-01", "discipline")}, d("2017-03-01"), "standard");
  EXPECT_NO_THROW(screen({}, std::vector<Finding>{ok, qualitative("F2", "C1", "2016-03-01", "discipline")},
                         d("2016-12-31"), p));
  // The JSON form says the same.
  try {
    screen_json(R"({"as_of":"2016-12-31","findings":[{"id":"F1","cadre_id":"C1","date":"2016-01-01","standard":"Q99"}]})",
                Policy::default_profile());
    ADD_FAILURE() << "accepted";
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "standard");
    EXPECT_EQ(e.record(), "findings[0]");
  }
}

TEST(AssessmentStandards, HitsReportTheStandardsAspectAndText) {
  Policy p = Policy::loads(kCounty, "county");
  // No aspect given: the standard's (work style) is used, so the county's work-style rule fires.
  auto hits = screen({}, std::vector<Finding>{qualitative("F1", "C1", "2016-03-01", "q07")}, d("2016-12-31"), p);
  std::set<std::string> fired;
  for (const auto &h : hits) fired.insert(h.rule_id);
  EXPECT_EQ(fired, (std::set<std::string>{"qualitative_conduct", "work_style_once"}));
  for (const auto &h : hits) {
    ASSERT_EQ(h.standards.size(), 1u);
    EXPECT_EQ(h.standards[0].id, "q07");
    EXPECT_EQ(h.standards[0].aspect, Aspect::work_style);
    EXPECT_EQ(h.standards[0].text_zh, "工作作风方面：在重点工作中推诿扯皮");
    EXPECT_EQ(h.standards[0].suggestion, "dismissal");
    bool named = false;
    for (const auto &in : h.explanation.inputs)
      if (in.name == "findings[0].aspect" && in.value == "work_style") named = true;
    EXPECT_TRUE(named);
  }
  // A finding on another aspect does not fire the work-style rule.
  hits = screen({}, std::vector<Finding>{qualitative("F1", "C1", "2016-03-01", "ability")}, d("2016-12-31"), p);
  for (const auto &h : hits) EXPECT_NE(h.rule_id, "work_style_once");
  // JSON: "standards" per finding, with aspect and text.
  auto v = json::parse(screen_json(
      R"({"as_of":"2016-12-31","explain":false,"findings":[{"id":"F1","cadre_id":"C1","date":"2016-05-01","standard":"ideals_beliefs","classification":"wavering_belief"}]})",
      Policy::default_profile()));
  const auto &h = v.at("hits").at(0).as_object();
  const auto &s = h.at("standards").at(0).as_object();
  EXPECT_EQ(s.at("finding").as_string(), "F1");
  EXPECT_EQ(s.at("standard").as_string(), "ideals_beliefs");
  EXPECT_EQ(s.at("aspect").as_string(), "ideals_beliefs");
  EXPECT_EQ(s.at("text_zh").as_string(), "理想信念方面：理想信念不坚定");
}

TEST(AssessmentStandards, MalformedEntriesArePolicyErrorsNamingTheParameter) {
  auto bad = [](const char *value) {
    std::string y = std::string("profile: t\nextends: tongliao-2016\nparameters:\n  assessment.standard.x1:\n"
                                "    type: text\n    unit: standard\n    label: {zh: x, en: x}\n    clause: HORQIN.2\n"
                                "    values:\n      2016-01-01: \"") + value + "\"\n";
    Policy p = Policy::loads(y, "t");
    try {
      standards(p, d("2016-12-31"));
      ADD_FAILURE() << value;
    } catch (const PolicyError &e) {
      EXPECT_EQ(e.field(), "assessment.standard.x1") << value;
    }
  };
  bad("suggest=any");                   // no aspect
  bad("aspect=none");                   // not one of the six
  bad("aspect=colour");                 // unknown aspect
  bad("aspect=ability; suggest=fine");  // unknown method
  bad("aspect=ability; weight=2");      // unknown key
  bad("aspect=ability; aspect=ability");
  bad("aspect");
}
