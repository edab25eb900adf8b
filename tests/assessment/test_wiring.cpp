// The assessment module wired to its neighbours: the disclosure veto of a promotion taken from
// the disclosure module's case (KAILU), and audit findings taken from the audit module's
// AuditFinding (HOLINGOL.4) through the documented mapping.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "cadrekit/assessment.hpp"
#include "cadrekit/audit.hpp"
#include "cadrekit/core/calendar.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/disclosure.hpp"

using namespace cadrekit;
using namespace cadrekit::assessment;
namespace json = boost::json;

namespace {

Date d(const char *s) { return parse_iso_date(s); }

std::string slurp(const std::string &rel) {
  std::ifstream in(std::string(CADREKIT_SOURCE_DIR) + "/" + rel);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A disclosure case: round 1 posted 2016-09-30 (window to 2016-10-11), a complaint received
// 2016-10-09 and not yet decided.
disclosure::Case disclosure_case_with_open_complaint() {
  Policy p = Policy::default_profile();
  auto c = disclosure::Case::open(disclosure::record_from_json(slurp("tests/golden/disclosure_record.json")),
                                  d("2016-09-26"), "org-1", p);
  c.post_round(1, d("2016-09-30"), "org-1", WorkCalendar::china(), p);
  c.receive_complaint("phone", d("2016-10-09"), "sup-1");
  return c;
}

PromotionFacts eligible_facts() {
  PromotionFacts f;
  f.cadre_id = "C9";
  f.unit_id = "U1";
  f.current_rank = Rank::fu_ke;
  f.target_rank = Rank::zheng_ke;
  f.rank_since = d("2012-01-01");
  f.work_started = d("2005-07-01");
  return f;
}

std::vector<std::string> codes(const std::vector<Veto> &vs) {
  std::vector<std::string> out;
  for (const auto &v : vs) out.push_back(v.code);
  return out;
}

}  // namespace

TEST(AssessmentWiring, DisclosureVetoFollowsTheDisclosureCase) {
  Policy p = Policy::default_profile();
  PromotionCase pc("P1", eligible_facts());
  disclosure::Case dc = disclosure_case_with_open_complaint();
  // Without a case and without the flag: no veto.
  EXPECT_TRUE(pc.vetoes(d("2016-10-12"), p).empty());
  // Window still open on 2016-10-11; a complaint unresolved after it: veto, reasons named.
  auto vs = pc.vetoes(d("2016-10-11"), p, nullptr, &dc);
  ASSERT_EQ(codes(vs), std::vector<std::string>{"disclosure"});
  EXPECT_NE(vs[0].reason_en.find("window_open"), std::string::npos);
  EXPECT_NE(vs[0].reason_en.find("complaint_unresolved:C1"), std::string::npos);
  EXPECT_EQ(vs[0].clause, "KAILU");
  // The complaint decided: the case can proceed, no veto.
  dc.assign("C1", {"housing"}, d("2016-10-10"), "sup-1", p);
  dc.record_finding("C1", disclosure::Finding::unfounded, {}, d("2016-10-13"), "team-1", p);
  dc.decide("C1", disclosure::Outcome::proceed_inform_reporter, d("2016-10-14"), "org-1");
  EXPECT_TRUE(pc.vetoes(d("2016-10-14"), p, nullptr, &dc).empty());
  // The flag is an override: it vetoes even when the case could proceed.
  PromotionFacts flagged = eligible_facts();
  flagged.disclosure_blocked = true;
  EXPECT_EQ(codes(PromotionCase("P2", flagged).vetoes(d("2016-10-14"), p, nullptr, &dc)),
            std::vector<std::string>{"disclosure"});
  // The explanation names the disclosure case and its answer.
  Explanation ex;
  pc.vetoes(d("2016-10-14"), p, &ex, &dc);
  bool named = false;
  for (const auto &in : ex.inputs)
    if (in.name == "disclosure_case.can_proceed" && in.value == "true") named = true;
  EXPECT_TRUE(named);
}

TEST(AssessmentWiring, AGateStopsOnTheDisclosureCaseAndTheJsonActionAgrees) {
  Policy p = Policy::default_profile();
  disclosure::Case dc = disclosure_case_with_open_complaint();
  PromotionCase pc("P1", eligible_facts());
  pc.check_post_quota(d("2016-10-12"), 5, 4, "编办", p, &dc);
  EXPECT_EQ(pc.status(), PromotionCase::Status::stopped);
  ASSERT_EQ(pc.gates().size(), 1u);
  EXPECT_EQ(pc.gates()[0].vetoes, std::vector<std::string>{"disclosure"});
  // JSON action with "disclosure_case": same answer.
  std::string c = promotion_apply_json(std::nullopt, R"({"op":"open","case_id":"P1","facts":{"cadre_id":"C9","unit_id":"U1","current_rank":"副科","target_rank":"正科","rank_since":"2012-01-01","work_started":"2005-07-01"}})", p);
  std::string v = promotion_apply_json(c, R"({"op":"vetoes","as_of":"2016-10-12","disclosure_case":)" + dc.to_json() + "}", p);
  auto jv = json::parse(v);
  ASSERT_EQ(jv.at("vetoes").as_array().size(), 1u);
  EXPECT_EQ(jv.at("vetoes").at(0).at("code").as_string(), "disclosure");
  EXPECT_NE(std::string(jv.at("vetoes").at(0).at("reason_en").as_string()).find("complaint_unresolved:C1"), std::string::npos);
  std::string c2 = promotion_apply_json(c, R"({"op":"post_quota","date":"2016-10-12","actor":"编办","approved_posts":5,"filled_posts":4,"disclosure_case":)" + dc.to_json() + "}", p);
  EXPECT_NE(c2.find("\"vetoes\":[\"disclosure\"]"), std::string::npos);
  // Without the case the same gate passes.
  std::string c3 = promotion_apply_json(c, R"({"op":"post_quota","date":"2016-10-12","actor":"编办","approved_posts":5,"filled_posts":4})", p);
  EXPECT_NE(c3.find("\"passed\":true"), std::string::npos);
  EXPECT_THROW(promotion_apply_json(c, R"({"op":"vetoes","as_of":"2016-10-12","disclosure_case":7})", p), InvalidInput);
}

TEST(AssessmentWiring, AuditFindingsMapOntoFindings) {
  std::vector<audit::AuditFinding> audits{
      {"U1", "", d("2014-03-01"), audit::AuditKind::in_term, audit::Finding::serious},
      {"U1", "C7", d("2015-05-01"), audit::AuditKind::departure, audit::Finding::none},
      {"U2", "C8", d("2016-02-01"), audit::AuditKind::sample, audit::Finding::referred},
      {"U3", "", d("2016-03-01"), audit::AuditKind::five_year_term, audit::Finding::minor},
  };
  auto fs = findings_from_audit(audits);
  ASSERT_EQ(fs.size(), 3u);  // the clean audit is no finding
  EXPECT_EQ(fs[0].id, "audit:U1:2014-03-01:in_term");
  EXPECT_EQ(fs[0].cadre_id, "");
  EXPECT_EQ(fs[0].unit_id, "U1");
  EXPECT_EQ(fs[0].severity, Severity::serious);
  EXPECT_EQ(fs[0].source, FindingSource::audit);
  EXPECT_EQ(fs[1].cadre_id, "C8");
  EXPECT_EQ(fs[1].severity, Severity::grave);
  EXPECT_EQ(fs[1].id, "audit:U2:2016-02-01:sample");
  EXPECT_EQ(fs[2].severity, Severity::minor);
  EXPECT_EQ(fs[2].classification, FindingClass::other);
  EXPECT_FALSE(finding_from_audit(audits[1]).has_value());
  audit::AuditFinding bad = audits[0];
  bad.unit_id.clear();
  std::vector<audit::AuditFinding> with_bad{audits[0], bad};
  try {
    findings_from_audit(with_bad);
    ADD_FAILURE() << "accepted";
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "unit_id");
    EXPECT_EQ(e.record(), "audit_findings[1]");
  }
  // The JSON form: the same mapping.
  auto j = json::parse(findings_from_audit_json(
      R"([{"unit_id":"U1","date":"2014-03-01","kind":"in_term","finding":"serious"},{"unit_id":"U1","leader_id":"C7","date":"2015-05-01","kind":"departure","finding":"none"},{"unit_id":"U2","leader_id":"C8","date":"2016-02-01","kind":"sample","finding":"referred"}])"));
  ASSERT_EQ(j.as_array().size(), 2u);
  EXPECT_EQ(j.at(1).at("id").as_string(), "audit:U2:2016-02-01:sample");
  EXPECT_EQ(j.at(1).at("cadre_id").as_string(), "C8");
  EXPECT_EQ(j.at(1).at("severity").as_string(), "grave");
  EXPECT_EQ(j.at(1).at("source").as_string(), "audit");
  try {
    findings_from_audit_json(R"([{"unit_id":"U1","date":"2014-03-01","finding":"dreadful"}])");
    ADD_FAILURE() << "accepted";
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "finding");
    EXPECT_EQ(e.record(), "audit_findings[0]");
  }
}

TEST(AssessmentWiring, AuditModuleFindingsFireTheCountysAuditRule) {
  // tests/golden/assessment_county_places.yaml: two serious audit findings within three years.
  Policy p = Policy::load(std::string(CADREKIT_SOURCE_DIR) + "/tests/golden/assessment_county_places.yaml");
  std::vector<Record> recs(1);
  recs[0].cadre_id = "C1";
  recs[0].unit_id = "U1";
  recs[0].period = 201500;
  recs[0].rank = 1;
  recs[0].group_size = 5;
  std::vector<audit::AuditFinding> audits{
      {"U1", "", d("2014-03-01"), audit::AuditKind::in_term, audit::Finding::serious},
      {"U1", "", d("2016-02-01"), audit::AuditKind::special_project, audit::Finding::referred},
      {"U1", "", d("2016-03-01"), audit::AuditKind::in_term, audit::Finding::minor},
  };
  auto hits = screen(recs, findings_from_audit(audits), d("2016-12-31"), p);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].rule_id, "audit_serious");
  EXPECT_EQ(hits[0].findings, (std::vector<std::string>{"audit:U1:2014-03-01:in_term", "audit:U1:2016-02-01:special_project"}));
  // Only one serious finding within the three years: no hit.
  audits[0].finding = audit::Finding::minor;
  EXPECT_TRUE(screen(recs, findings_from_audit(audits), d("2016-12-31"), p).empty());
}

// The necessary-years parameter of a promotion step, shared by the promotion vetoes and the
// talent module's eligible candidates: the source's named steps, a county's generic name, none.
TEST(MinYearsAtRankParam, NamedStepsGenericNamesAndNone) {
  const Policy p = Policy::default_profile();
  EXPECT_EQ(assessment::min_years_at_rank_param(p, Rank::keyuan, Rank::fu_ke),
            "promotion.min_years_at_rank.staff_to_deputy");
  EXPECT_EQ(assessment::min_years_at_rank_param(p, Rank::fu_ke, Rank::zheng_ke),
            "promotion.min_years_at_rank.deputy_to_principal");
  EXPECT_EQ(assessment::min_years_at_rank_param(p, Rank::zheng_ke, Rank::fu_chu), "");
  EXPECT_EQ(assessment::min_years_at_rank_param(p, Rank::keyuan, Rank::zheng_ke), "");
  const Policy county = Policy::loads(
      "profile: county\nextends: tongliao-2016\nparameters:\n"
      "  promotion.min_years_at_rank.zheng_ke_to_fu_chu:\n    type: integer\n    unit: years\n"
      "    label: {zh: 正科至副处, en: principal section to deputy division}\n    clause: HORQIN.6\n"
      "    values:\n      2016-01-01: 3\n");
  EXPECT_EQ(assessment::min_years_at_rank_param(county, Rank::zheng_ke, Rank::fu_chu),
            "promotion.min_years_at_rank.zheng_ke_to_fu_chu");
}
