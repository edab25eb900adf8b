// Tests of the assessment module (HORQIN): golden screening cases, the rule form, "near the
// bottom", the batch path, disposal, follow-up and promotion.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <map>
#include <sstream>

#include "cadrekit/assessment.hpp"
#include "cadrekit/core/errors.hpp"

using namespace cadrekit;
using namespace cadrekit::assessment;
namespace json = boost::json;

namespace {

std::string src(const std::string &rel) { return std::string(CADREKIT_SOURCE_DIR) + "/" + rel; }

Policy golden_policy(const std::string &name) {
  if (name == "default") return Policy::default_profile();
  if (name == "gap") return Policy::load(src("tests/golden/assessment_county_gap.yaml"));
  if (name == "places") return Policy::load(src("tests/golden/assessment_county_places.yaml"));
  throw std::runtime_error("unknown golden policy " + name);
}

struct GoldenCase {
  std::string name, policy, request, expect;
};

std::vector<GoldenCase> golden_cases() {
  std::ifstream in(src("tests/golden/assessment_screen.tsv"));
  std::vector<GoldenCase> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string x;
    while (std::getline(ss, x, '\t')) f.push_back(x);
    if (f.size() != 4) throw std::runtime_error("bad golden line");
    out.push_back({f[0], f[1], f[2], f[3]});
  }
  return out;
}

std::string summary(const std::string &response) {
  auto v = json::parse(response);
  std::string s;
  for (const auto &h : v.at("hits").as_array()) {
    if (!s.empty()) s += "; ";
    s += std::string(h.at("cadre_id").as_string()) + " " + std::string(h.at("rule_id").as_string()) + " ";
    std::string ps;
    for (const auto &p : h.at("periods").as_array()) ps += (ps.empty() ? "" : ",") + std::string(p.as_string());
    s += ps;
  }
  return s.empty() ? "-" : s;
}

Date d(const char *s) { return parse_iso_date(s); }

Rule share_rule(const char *share) {
  return parse_rule("assessment.rule.t", std::string("kind=annual; when=bottom; bottom=share:") + share +
                                             "; consecutive=1",
                    Policy::default_profile(), d("2016-12-31"));
}

}  // namespace

TEST(AssessmentGolden, EveryCaseOfTheTable) {
  auto cases = golden_cases();
  ASSERT_GE(cases.size(), 25u);
  for (const auto &c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(summary(screen_json(c.request, golden_policy(c.policy))), c.expect);
  }
}

// Without explanations screen() gives the same hits, field for field, with each explanation left
// empty: every golden case, through screen_json's `explain`, which passes it on.
TEST(AssessmentGolden, WithoutExplanationsTheSameHits) {
  std::size_t hits = 0;
  for (const auto &c : golden_cases()) {
    SCOPED_TRACE(c.name);
    auto with = json::parse(c.request).as_object(), without = with;
    with["explain"] = true;
    without["explain"] = false;
    const Policy p = golden_policy(c.policy);
    json::value a = json::parse(screen_json(json::serialize(with), p));
    const json::value b = json::parse(screen_json(json::serialize(without), p));
    for (auto &h : a.at("hits").as_array()) {
      ASSERT_TRUE(h.as_object().contains("explanation"));
      h.as_object().erase("explanation");
      ++hits;
    }
    EXPECT_EQ(a, b);
  }
  EXPECT_GE(hits, 20u);
}

TEST(AssessmentScreen, WithoutExplanationsEachIsEmpty) {
  std::vector<Record> recs(2);
  recs[0] = {"C1", "U1", Domain::township, Kind::annual, parse_period("2014"), "", 10, 10, Rating::competent, 0};
  recs[1] = {"C1", "U1", Domain::township, Kind::annual, parse_period("2015"), "", 10, 10, Rating::competent, 0};
  const auto with = screen(recs, {}, d("2016-03-01"), Policy::default_profile());
  const auto without = screen(recs, {}, d("2016-03-01"), Policy::default_profile(), false);
  ASSERT_EQ(with.size(), 1u);
  ASSERT_EQ(without.size(), 1u);
  EXPECT_FALSE(with[0].explanation.rules.empty());
  EXPECT_TRUE(without[0].explanation.rules.empty() && without[0].explanation.inputs.empty() &&
              without[0].explanation.parameters.empty() && without[0].explanation.subject.empty());
  EXPECT_EQ(without[0].rule_id, with[0].rule_id);
  EXPECT_EQ(without[0].periods, with[0].periods);
  EXPECT_EQ(without[0].records, with[0].records);
}

TEST(AssessmentGolden, BatchPathAgreesOnAssessmentCases) {
  for (const auto &c : golden_cases()) {
    SCOPED_TRACE(c.name);
    auto req = json::parse(c.request).as_object();
    if (req.contains("findings") || req.contains("audit_findings")) continue;
    Policy p = golden_policy(c.policy);
    Date as_of = parse_iso_date(std::string(req.at("as_of").as_string()));
    std::vector<Record> recs;
    for (const auto &r : req.at("records").as_array())
      recs.push_back(record_from_json(json::serialize(r), "r"));
    std::stable_sort(recs.begin(), recs.end(), [](const Record &a, const Record &b) { return a.cadre_id < b.cadre_id; });
    std::map<std::string, std::int64_t> key;
    std::vector<std::string> names;
    std::vector<std::int64_t> cad;
    std::vector<std::uint8_t> kind, rating;
    std::vector<std::int32_t> period, rank, group;
    for (const auto &r : recs) {
      if (!key.count(r.cadre_id)) {
        key[r.cadre_id] = static_cast<std::int64_t>(names.size());
        names.push_back(r.cadre_id);
      }
      cad.push_back(key[r.cadre_id]);
      kind.push_back(static_cast<std::uint8_t>(r.kind));
      rating.push_back(static_cast<std::uint8_t>(r.rating));
      period.push_back(r.period);
      rank.push_back(r.rank);
      group.push_back(r.group_size);
    }
    auto rs = rules(p, as_of);
    auto hits = screen_batch({cad, kind, period, rank, group, rating}, as_of, rs);
    std::string s;
    for (const auto &h : hits) {
      if (!s.empty()) s += "; ";
      s += names[static_cast<std::size_t>(h.cadre)] + " " + rs[h.rule].id + " ";
      // first..last periods; the golden lists every period, so compare first/last and count
      s += period_text(h.first_period) + ".." + period_text(h.last_period) + "#" + std::to_string(h.count);
    }
    std::string expect;
    if (c.expect != "-") {
      std::stringstream ss(c.expect);
      std::string item;
      while (std::getline(ss, item, ';')) {
        while (!item.empty() && item[0] == ' ') item.erase(0, 1);
        auto sp = item.rfind(' ');
        std::string ps = item.substr(sp + 1);
        std::vector<std::string> parts;
        std::stringstream pss(ps);
        std::string p1;
        while (std::getline(pss, p1, ',')) parts.push_back(p1);
        if (!expect.empty()) expect += "; ";
        expect += item.substr(0, sp) + " " + parts.front() + ".." + parts.back() + "#" + std::to_string(parts.size());
      }
    }
    EXPECT_EQ(s.empty() ? "-" : s, expect.empty() ? "-" : expect);
  }
}

TEST(AssessmentBottom, ShareIsExactCeilingForEveryGroupSize) {
  // Independent computation: bottom places = ceil(num*n/den) by integer arithmetic.
  const std::pair<const char *, std::pair<int, int>> shares[] = {
      {"10%", {1, 10}}, {"1/3", {1, 3}}, {"0%", {0, 1}}, {"35%", {7, 20}}, {"100%", {1, 1}}};
  for (const auto &[text, frac] : shares) {
    Rule r = share_rule(text);
    for (int n = 1; n <= 60; ++n) {
      int m = (frac.first * n + frac.second - 1) / frac.second;
      for (int rank = 1; rank <= n; ++rank)
        ASSERT_EQ(near_bottom(r, rank, n), rank > n - m) << text << " n=" << n << " rank=" << rank;
    }
  }
}

TEST(AssessmentBottom, PlacesAndEdges) {
  Policy p = Policy::default_profile();
  Rule r = parse_rule("assessment.rule.t", "kind=annual; when=bottom; bottom=places:3; consecutive=1", p, d("2016-12-31"));
  EXPECT_TRUE(near_bottom(r, 8, 10));
  EXPECT_FALSE(near_bottom(r, 7, 10));
  EXPECT_TRUE(near_bottom(r, 1, 2));  // a group smaller than k: all of it
  EXPECT_THROW(near_bottom(r, 0, 10), InvalidInput);
  EXPECT_THROW(near_bottom(r, 11, 10), InvalidInput);
  EXPECT_THROW(near_bottom(r, 1, 0), InvalidInput);
  Rule none = parse_rule("assessment.rule.t", "kind=annual; when=bottom; bottom=places:0; consecutive=1", p, d("2016-12-31"));
  EXPECT_FALSE(near_bottom(none, 10, 10));
  // 10 % of 10 is one place, of 9 also one (ceil 0.9), of 10 000 one thousand
  Rule ten = share_rule("10%");
  EXPECT_TRUE(near_bottom(ten, 9, 9));
  EXPECT_FALSE(near_bottom(ten, 8, 9));
  EXPECT_TRUE(near_bottom(ten, 9001, 10000));
  EXPECT_FALSE(near_bottom(ten, 9000, 10000));
}

TEST(AssessmentRules, DefaultsAreTheSourcesFourAndTheBaseline) {
  auto rs = rules(Policy::default_profile(), d("2016-12-31"));
  std::vector<std::string> ids;
  for (const auto &r : rs) ids.push_back(r.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"annual_bottom", "incompetent_demote", "incompetent_dismiss",
                                           "key_work_bottom", "party_conduct_fail", "qualitative_ability",
                                           "qualitative_conduct", "review_unsatisfactory"}));
  const Rule &a = rs[0];
  EXPECT_EQ(a.kind, Kind::annual);
  EXPECT_EQ(a.n, 2);
  EXPECT_TRUE(a.consecutive);
  EXPECT_TRUE(a.gap_breaks);
  EXPECT_EQ(a.bottom, Rule::Bottom::share);
  EXPECT_EQ(a.bottom_share, Share::parse("10%"));
  EXPECT_EQ(a.clause, "HORQIN.3");
  EXPECT_TRUE(a.assumed);  // "near the bottom" is assumed
  EXPECT_EQ(rs[2].suggestion, "dismissal");
  EXPECT_EQ(rs[1].suggestion, "demotion");
  // nothing before the rules took effect
  EXPECT_TRUE(rules(Policy::default_profile(), d("2015-06-30")).empty());
}

TEST(AssessmentRules, ReferencesFollowTheScalarParameters) {
  Policy p = Policy::loads(R"(profile: t-county
extends: tongliao-2016
parameters:
  assessment.red_line.annual_bottom_years:
    values:
      2017-01-01: 3
)");
  EXPECT_EQ(rules(p, d("2016-12-31"))[0].n, 2);
  EXPECT_EQ(rules(p, d("2017-12-31"))[0].n, 3);
}

TEST(AssessmentRules, BadRuleTextsNameParameterAndKey) {
  Policy p = Policy::default_profile();
  const std::pair<const char *, const char *> bad[] = {
      {"kind=annual; when=bottom", "consecutive"},
      {"kind=annual; when=bottom; consecutive=2; times=1", "times"},
      {"kind=yearly; when=bottom; consecutive=2", "kind"},
      {"kind=annual; when=top; consecutive=2", "when"},
      {"kind=annual; when=bottom; consecutive=two", "consecutive"},
      {"kind=annual; when=bottom; consecutive=@no.such.param", "consecutive"},
      {"kind=annual; when=bottom; consecutive=@assessment.bottom.share", "consecutive"},
      {"kind=annual; when=bottom; consecutive=0", "consecutive"},
      {"kind=annual; when=bottom; bottom=share:150%; consecutive=1", "bottom"},
      {"kind=annual; when=bottom; bottom=worst; consecutive=1", "bottom"},
      {"kind=annual; when=rating:great; times=1", "when"},
      {"kind=annual; when=rating:incompetent; times=2; within=1", "within"},
      {"kind=annual; when=bottom; consecutive=2; gap=maybe", "gap"},
      {"kind=annual; when=bottom; consecutive=2; suggest=promote", "suggest"},
      {"kind=annual; when=bottom; consecutive=2; colour=red", "colour"},
      {"kind=annual; kind=annual; when=bottom; consecutive=2", "kind"},
      {"kind=annual; when=bottom; consecutive=2; class=other", "class"},
      {"target=finding; class=exploratory_mistake; times=1", "class"},
      {"target=finding; times=1; consecutive=2", "consecutive"},
      {"target=finding; min_severity=huge; times=1", "min_severity"},
      {"target=nobody", "target"},
      {"kind=annual when=bottom", "kind"},
  };
  for (const auto &[text, key] : bad) {
    SCOPED_TRACE(text);
    try {
      parse_rule("assessment.rule.x", text, p, d("2016-12-31"));
      ADD_FAILURE() << "accepted";
    } catch (const PolicyError &e) {
      EXPECT_EQ(e.field(), "assessment.rule.x");
      EXPECT_EQ(e.record(), "tongliao-2016");
      EXPECT_NE(std::string(e.what()).find(std::string("`") + key + "`"), std::string::npos) << e.what();
    }
  }
}

TEST(AssessmentRules, NonTextRuleParameterIsAPolicyError) {
  Policy p = Policy::loads(R"(profile: t-bad
extends: tongliao-2016
parameters:
  assessment.rule.broken:
    type: integer
    unit: rule
    label: {zh: 坏, en: broken}
    clause: HORQIN.3
    values:
      2016-01-01: 3
)");
  EXPECT_THROW(rules(p, d("2016-12-31")), PolicyError);
}

TEST(AssessmentScreen, ExplanationNamesRuleClauseParametersAndInputs) {
  std::vector<Record> recs(2);
  recs[0] = {"C1", "U1", Domain::township, Kind::annual, parse_period("2014"), "", 10, 10, Rating::competent, method_flag(Method::reports)};
  recs[1] = {"C1", "U1", Domain::township, Kind::annual, parse_period("2015"), "71.5", 10, 10, Rating::competent, 0};
  auto hits = screen(recs, {}, d("2016-03-01"), Policy::default_profile());
  ASSERT_EQ(hits.size(), 1u);
  const Explanation &ex = hits[0].explanation;
  EXPECT_EQ(ex.subject, "cadre C1");
  ASSERT_EQ(ex.rules.size(), 1u);
  EXPECT_EQ(ex.rules[0].rule_id, "assessment.rule.annual_bottom");
  EXPECT_EQ(ex.rules[0].clause, "HORQIN.3");
  std::vector<std::string> names;
  for (const auto &p : ex.parameters) names.push_back(p.name);
  for (const char *n : {"assessment.rule.annual_bottom", "assessment.bottom.rule", "assessment.bottom.share",
                        "assessment.red_line.annual_bottom_years", "assessment.red_line.gap_breaks_consecutive"})
    EXPECT_NE(std::find(names.begin(), names.end(), n), names.end()) << n;
  EXPECT_TRUE(ex.uses_assumed());
  EXPECT_EQ(hits[0].records, (std::vector<std::size_t>{0, 1}));
  bool saw_rank = false;
  for (const auto &i : ex.inputs)
    if (i.name == "records[1].rank") saw_rank = i.value == "10/10";
  EXPECT_TRUE(saw_rank);
}

TEST(AssessmentScreen, BadInputNamesFieldAndRecord) {
  Policy p = Policy::default_profile();
  auto expect = [&](const std::string &req, const char *field, const char *record) {
    SCOPED_TRACE(req);
    try {
      screen_json(req, p);
      ADD_FAILURE() << "accepted";
    } catch (const InvalidInput &e) {
      EXPECT_EQ(e.field(), field);
      EXPECT_EQ(e.record(), record);
    }
  };
  const std::string ok = R"({"cadre_id":"C1","kind":"annual","period":"2015","rank":1,"group_size":5})";
  expect(R"({"as_of":"2016-12-31","records":[)" + ok + R"(,{"cadre_id":"C1","kind":"annual","period":"2015","rank":6,"group_size":5}]})", "rank", "records[1]");
  expect(R"({"as_of":"2016-12-31","records":[)" + ok + R"(,{"cadre_id":"C2","kind":"annually","period":"2015"}]})", "kind", "records[1]");
  expect(R"({"as_of":"2016-12-31","records":[{"cadre_id":"C2","kind":"annual","period":"15"}]})", "period", "records[0]");
  expect(R"({"as_of":"2016-12-31","records":[{"cadre_id":"C2","kind":"annual","period":"2015","rating":"达标"}]})", "rating", "records[0]");
  expect(R"({"as_of":"2016-12-31","records":[)" + ok + "," + ok + "]}", "period", "records[1]");
  expect(R"({"as_of":"2016-12-31","records":[{"kind":"annual","period":"2015"}]})", "cadre_id", "records[0]");
  expect(R"({"as_of":"2016-13-31","records":[]})", "as_of", "");
  expect(R"({"as_of":"2016-12-31","findings":[{"id":"F1","cadre_id":"C1","date":"2016-01-01"}]})", "standard", "findings[0]");
  expect(R"({"as_of":"2016-12-31","findings":[{"id":"F1","date":"2016-01-01","source":"audit"}]})", "cadre_id", "findings[0]");
  expect(R"({"as_of":"2016-12-31","records":[],"colour":1})", "colour", "");
  expect(R"([1,2)", "request", "");
}

TEST(AssessmentBatch, RefusesUnsortedAndBadRows) {
  auto rs = rules(Policy::default_profile(), d("2016-12-31"));
  std::vector<std::int64_t> cad{2, 1};
  std::vector<std::uint8_t> kind{0, 0}, rating{0, 0};
  std::vector<std::int32_t> period{201500, 201500}, rank{1, 1}, group{5, 5};
  try {
    screen_batch({cad, kind, period, rank, group, rating}, d("2016-12-31"), rs);
    ADD_FAILURE();
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "cadre");
    EXPECT_EQ(e.record(), "row 2");
  }
  cad = {1, 1};
  try {
    screen_batch({cad, kind, period, rank, group, rating}, d("2016-12-31"), rs);
    ADD_FAILURE();
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "period");
  }
  period = {201400, 201500};
  rank = {1, 7};
  try {
    screen_batch({cad, kind, period, rank, group, rating}, d("2016-12-31"), rs);
    ADD_FAILURE();
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "rank");
    EXPECT_EQ(e.record(), "row 2");
  }
  std::vector<std::int32_t> short_col{1};
  EXPECT_THROW(screen_batch({cad, kind, period, short_col, group, rating}, d("2016-12-31"), rs), InvalidInput);
}

TEST(AssessmentPeriods, ParseAndFollow) {
  EXPECT_EQ(parse_period("2015"), 201500);
  EXPECT_EQ(parse_period("2015-2"), 201502);
  EXPECT_EQ(period_text(201502), "2015-2");
  for (const char *bad : {"15", "2015-", "2015-0", "2015-100", "2015/2", "20x5", "2015-02", ""})
    EXPECT_THROW(parse_period(bad), InvalidInput) << bad;
  EXPECT_TRUE(period_follows(201500, 201600));
  EXPECT_FALSE(period_follows(201500, 201700));
  EXPECT_TRUE(period_follows(201501, 201502));
  EXPECT_TRUE(period_follows(201503, 201601));
  EXPECT_FALSE(period_follows(201501, 201503));
  EXPECT_FALSE(period_follows(201500, 201601));
}

// ---------------------------------------------------------------------------------- disposal

TEST(AssessmentDisposal, FullPathAndExactRoundTrip) {
  DisposalCase c("D1", "C1");
  EXPECT_EQ(c.stage(), Stage::none);
  c.advance(Stage::motion, d("2016-03-01"), "组织部", "两年后列");
  c.advance(Stage::investigation, d("2016-03-10"), "考察组");
  c.advance(Stage::analysis, d("2016-03-20"), "干部科");
  c.decide(DisposalMethod::demotion, d("2016-04-01"), {"annual_bottom", "F1"}, "区委常委会");
  c.advance(Stage::notification, d("2016-04-05"), "分管领导");
  c.advance(Stage::filing, d("2016-04-06"), "组织部");
  EXPECT_EQ(c.stage(), Stage::filing);
  EXPECT_FALSE(c.is_open());
  EXPECT_EQ(c.method(), DisposalMethod::demotion);
  EXPECT_EQ(c.decision_date(), d("2016-04-01"));
  EXPECT_EQ(c.events().size(), 6u);
  std::string j = c.to_json();
  DisposalCase back = DisposalCase::from_json(j);
  EXPECT_EQ(back, c);
  EXPECT_EQ(back.to_json(), j);
  EXPECT_THROW(c.advance(Stage::filing, d("2016-05-01"), "x"), StateError);
}

TEST(AssessmentDisposal, EndsAfterInvestigationOrAnalysisWithNoAction) {
  DisposalCase a("D1", "C1");
  a.advance(Stage::motion, d("2016-03-01"), "组织部");
  EXPECT_THROW(a.close_no_action(d("2016-03-02"), "x"), StateError);
  a.advance(Stage::investigation, d("2016-03-10"), "考察组");
  a.close_no_action(d("2016-03-15"), "组织部", "查无实据");
  EXPECT_EQ(a.stage(), Stage::closed_no_action);
  EXPECT_FALSE(a.method());
  EXPECT_THROW(a.advance(Stage::analysis, d("2016-03-20"), "x"), StateError);
  EXPECT_EQ(DisposalCase::from_json(a.to_json()), a);
  DisposalCase b("D2", "C1");
  b.advance(Stage::motion, d("2016-03-01"), "组织部");
  b.advance(Stage::investigation, d("2016-03-10"), "考察组");
  b.advance(Stage::analysis, d("2016-03-20"), "干部科");
  b.close_no_action(d("2016-03-25"), "组织部");
  EXPECT_EQ(b.stage(), Stage::closed_no_action);
}

TEST(AssessmentDisposal, EveryRefusedMoveLeavesTheCaseUnchanged) {
  const Stage order[] = {Stage::motion, Stage::investigation, Stage::analysis, Stage::decision,
                         Stage::notification, Stage::filing};
  // From every reachable stage, try every advance that is not the next one.
  for (int at = 0; at <= 6; ++at) {
    DisposalCase c("D", "C1");
    Date day = d("2016-01-01");
    for (int i = 0; i < at; ++i) {
      day += boost::gregorian::days(1);
      if (order[i] == Stage::decision) c.decide(DisposalMethod::transfer, day, {"annual_bottom"});
      else c.advance(order[i], day, "a");
    }
    const DisposalCase before = c;
    for (Stage s : {Stage::none, Stage::motion, Stage::investigation, Stage::analysis, Stage::decision,
                    Stage::notification, Stage::filing, Stage::closed_no_action}) {
      bool is_next = at < 6 && s == order[at] && s != Stage::decision;
      if (is_next) continue;
      EXPECT_THROW(c.advance(s, day + boost::gregorian::days(1), "a"), StateError)
          << stage_name(s) << " at " << at;
      EXPECT_EQ(c, before);
    }
    if (at != 3) {
      EXPECT_THROW(c.decide(DisposalMethod::standby, day + boost::gregorian::days(1), {"x"}), StateError);
      EXPECT_EQ(c, before);
    }
  }
}

TEST(AssessmentDisposal, DecisionNeedsGroundsAndOrderedDates) {
  DisposalCase c("D1", "C1");
  c.advance(Stage::motion, d("2016-03-01"), "组织部");
  EXPECT_THROW(c.advance(Stage::investigation, d("2016-02-01"), "x"), StateError);
  EXPECT_THROW(c.advance(Stage::investigation, d("2016-03-02"), ""), InvalidInput);
  c.advance(Stage::investigation, d("2016-03-02"), "x");
  c.advance(Stage::analysis, d("2016-03-03"), "x");
  const DisposalCase before = c;
  EXPECT_THROW(c.decide(DisposalMethod::dismissal, d("2016-03-04"), {}), InvalidInput);
  EXPECT_THROW(c.decide(DisposalMethod::dismissal, d("2016-03-04"), {""}), InvalidInput);
  EXPECT_EQ(c, before);
  for (const char *m : {"免职", "降职", "交流", "待岗", "离岗培训", "参与重点工作督导"})
    EXPECT_NO_THROW(parse_disposal_method(m));
  EXPECT_THROW(parse_disposal_method("降级"), InvalidInput);
}

TEST(AssessmentDisposal, FromJsonRefusesBadLogs) {
  EXPECT_THROW(DisposalCase::from_json(R"({"case_id":"D","cadre_id":"C","events":[{"stage":"investigation","date":"2016-01-01","actor":"a"}]})"), StateError);
  EXPECT_THROW(DisposalCase::from_json(R"({"case_id":"D","cadre_id":"C","stage":"analysis","events":[{"stage":"motion","date":"2016-01-01","actor":"a"}]})"), InvalidInput);
  EXPECT_THROW(DisposalCase::from_json(R"({"case_id":"D","cadre_id":"C","events":[{"stage":"motion","date":"2016-02-30","actor":"a"}]})"), InvalidInput);
  EXPECT_THROW(DisposalCase::from_json(R"({"case_id":"D","events":[]})"), InvalidInput);
  EXPECT_THROW(DisposalCase::from_json("{"), InvalidInput);
}

// ---------------------------------------------------------------------------------- follow-up

TEST(AssessmentFollowUp, MonthlyTalksQuarterlyVisits) {
  auto s = follow_up_schedule(d("2016-01-31"), d("2016-07-31"), Policy::default_profile());
  std::vector<std::string> got;
  for (const auto &x : s) got.push_back(to_iso(x.date) + " " + follow_up_kind_name(x.kind));
  EXPECT_EQ(got, (std::vector<std::string>{
                     "2016-02-29 monthly_talk", "2016-03-31 monthly_talk", "2016-04-30 monthly_talk",
                     "2016-04-30 quarterly_visit", "2016-05-31 monthly_talk", "2016-06-30 monthly_talk",
                     "2016-07-31 monthly_talk", "2016-07-31 quarterly_visit"}));
  EXPECT_TRUE(follow_up_schedule(d("2016-01-31"), d("2016-02-28"), Policy::default_profile()).empty());
  EXPECT_THROW(follow_up_schedule(d("2016-01-31"), d("2016-01-01"), Policy::default_profile()), InvalidInput);
}

TEST(AssessmentFollowUp, LedgerShowsWhatIsOverdue) {
  std::vector<FollowUpHeld> held{{d("2016-05-10"), FollowUpKind::monthly_talk, "a", ""},
                                 {d("2016-06-01"), FollowUpKind::monthly_talk, "a", ""},
                                 {d("2016-07-01"), FollowUpKind::quarterly_visit, "组织部", ""}};
  // decision 2016-04-15: talks due 05-15, 06-15, 07-15, 08-15; visit due 07-15
  auto l = follow_up_ledger(d("2016-04-15"), held, d("2016-08-15"), Policy::default_profile());
  ASSERT_EQ(l.size(), 5u);
  EXPECT_EQ(l[0].held, d("2016-05-10"));
  EXPECT_FALSE(l[0].overdue);
  EXPECT_EQ(l[1].held, d("2016-06-01"));
  EXPECT_EQ(l[2].due.date, d("2016-07-15"));
  EXPECT_FALSE(l[2].held);
  EXPECT_TRUE(l[2].overdue);
  EXPECT_EQ(l[3].due.kind, FollowUpKind::quarterly_visit);
  EXPECT_EQ(l[3].held, d("2016-07-01"));
  EXPECT_FALSE(l[4].held);
  EXPECT_FALSE(l[4].overdue);  // due today, not yet overdue
}

TEST(AssessmentFollowUp, Reappointment) {
  Policy p = Policy::default_profile();
  std::vector<Rating> good{Rating::competent};
  auto r = reappointment_eligibility(d("2016-04-01"), true, good, d("2017-03-31"), p);
  EXPECT_FALSE(r.eligible);
  EXPECT_EQ(r.eligible_from, d("2017-04-01"));
  EXPECT_TRUE(reappointment_eligibility(d("2016-04-01"), true, good, d("2017-04-01"), p).eligible);
  std::vector<Rating> weak{Rating::basically_competent};
  EXPECT_FALSE(reappointment_eligibility(d("2016-04-01"), true, weak, d("2018-01-01"), p).eligible);
  auto early = reappointment_eligibility(d("2016-04-01"), false, good, d("2016-06-01"), p);
  EXPECT_TRUE(early.eligible);
  EXPECT_TRUE(early.early);
  EXPECT_FALSE(reappointment_eligibility(d("2016-04-01"), false, {}, d("2016-06-01"), p).eligible);
}

// ---------------------------------------------------------------------------------- promotion

namespace {
PromotionFacts facts() {
  PromotionFacts f;
  f.cadre_id = "C9";
  f.unit_id = "U1";
  f.current_rank = Rank::fu_ke;
  f.target_rank = Rank::zheng_ke;
  f.rank_since = d("2014-01-01");
  f.work_started = d("2005-07-01");
  return f;
}
}  // namespace

TEST(AssessmentPromotion, SixGatesInOrder) {
  Policy p = Policy::default_profile();
  PromotionCase c("P1", facts());
  EXPECT_TRUE(c.vetoes(d("2016-06-01"), p).empty());
  EXPECT_THROW(c.pass_gate(Gate::motion, d("2016-06-01"), "a", p), StateError);
  c.check_post_quota(d("2016-06-01"), 5, 4, "编办", p);
  for (Gate g : {Gate::motion, Gate::recommendation, Gate::inspection, Gate::deliberation}) {
    EXPECT_THROW(c.pass_gate(Gate::decision, d("2016-06-02"), "a", p), StateError);
    c.pass_gate(g, d("2016-06-02"), "a", p);
  }
  c.pass_gate(Gate::decision, d("2016-06-03"), "常委会", p);
  EXPECT_EQ(c.status(), PromotionCase::Status::promoted);
  EXPECT_FALSE(c.next_gate());
  EXPECT_EQ(PromotionCase::from_json(c.to_json()), c);
  EXPECT_EQ(PromotionCase::from_json(c.to_json()).to_json(), c.to_json());
  EXPECT_THROW(c.pass_gate(Gate::decision, d("2016-06-03"), "a", p), StateError);
}

TEST(AssessmentPromotion, NoVacancyStopsAtTheFirstGate) {
  Policy p = Policy::default_profile();
  PromotionCase c("P1", facts());
  c.check_post_quota(d("2016-06-01"), 5, 5, "编办", p);
  EXPECT_EQ(c.status(), PromotionCase::Status::stopped);
  EXPECT_FALSE(c.gates()[0].passed);
}

TEST(AssessmentPromotion, Vetoes) {
  Policy p = Policy::default_profile();
  auto codes = [&](PromotionFacts f, const char *on) {
    std::vector<std::string> out;
    for (const auto &v : PromotionCase("P", f).vetoes(d(on), p)) out.push_back(v.code);
    return out;
  };
  auto f = facts();
  f.integrity_problem = true;
  f.open_disposal_case = true;
  EXPECT_EQ(codes(f, "2016-06-01"), (std::vector<std::string>{"integrity", "open_disposal"}));
  f = facts();
  f.poor_reputation = true;
  f.disclosure_blocked = true;
  EXPECT_EQ(codes(f, "2016-06-01"), (std::vector<std::string>{"reputation", "disclosure"}));
  // deputy -> principal needs 2 years at rank (assumed): 2014-01-01 .. 2015-12-31 is 1 year
  f = facts();
  f.rank_since = d("2015-01-01");
  EXPECT_EQ(codes(f, "2016-12-31"), (std::vector<std::string>{"years_at_rank"}));
  EXPECT_TRUE(codes(f, "2017-01-01").empty());
  f = facts();
  f.current_rank = Rank::keyuan;
  f.target_rank = Rank::fu_ke;  // staff -> deputy: 3 years at rank, 3 years of work
  f.rank_since = d("2013-06-01");
  f.work_started = d("2013-06-01");
  EXPECT_EQ(codes(f, "2016-05-31"), (std::vector<std::string>{"years_at_rank", "years_of_work"}));
  EXPECT_TRUE(codes(f, "2016-06-01").empty());
  f.current_rank = Rank::zheng_ke;
  f.target_rank = Rank::fu_chu;
  EXPECT_THROW(codes(f, "2016-06-01"), PolicyError);
  f = facts();
  f.target_rank = Rank::fu_ke;
  EXPECT_THROW(PromotionCase("P", f), InvalidInput);
}

TEST(AssessmentPromotion, AVetoStopsTheCaseAtTheGate) {
  Policy p = Policy::default_profile();
  auto f = facts();
  f.open_disposal_case = true;
  PromotionCase c("P1", f);
  c.check_post_quota(d("2016-06-01"), 5, 4, "编办", p);
  EXPECT_EQ(c.status(), PromotionCase::Status::stopped);
  EXPECT_EQ(c.gates()[0].vetoes, (std::vector<std::string>{"open_disposal"}));
  EXPECT_EQ(PromotionCase::from_json(c.to_json()), c);
  PromotionCase e("P2", facts());
  e.check_post_quota(d("2016-06-01"), 5, 4, "编办", p);
  e.fail_gate(Gate::motion, d("2016-06-02"), "a", "未获动议");
  EXPECT_EQ(e.status(), PromotionCase::Status::stopped);
  EXPECT_THROW(e.fail_gate(Gate::recommendation, d("2016-06-03"), "a", "x"), StateError);
}
