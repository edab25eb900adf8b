// Tests of the talent module (HURE): age boundaries, the golden pool cases, near misses,
// exclusions, pool changes, team structure (struct path, batch path, candidates), growth file
// figures, gaps and proposed postings.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <map>
#include <sstream>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/talent.hpp"

using namespace cadrekit;
using namespace cadrekit::talent;
namespace json = boost::json;

namespace {

std::string src(const std::string &rel) { return std::string(CADREKIT_SOURCE_DIR) + "/" + rel; }

std::vector<std::map<std::string, std::string>> read_csv(const std::string &rel) {
  std::ifstream in(src(rel));
  std::vector<std::map<std::string, std::string>> out;
  std::vector<std::string> header;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string x;
    while (std::getline(ss, x, ',')) f.push_back(x);
    if (!line.empty() && line.back() == ',') f.push_back("");
    if (header.empty()) {
      header = f;
      continue;
    }
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < header.size(); ++i) row[header[i]] = i < f.size() ? f[i] : "";
    out.push_back(row);
  }
  return out;
}

Date d(const char *s) { return parse_iso_date(s); }

const Policy &P() {
  static const Policy p = Policy::default_profile();
  return p;
}

Cadre cadre(std::string id, const char *birth, Sex sex = Sex::male, std::string eth = "01", std::string pol = "01",
            Rank rank = Rank::fu_ke, bool cs = true, bool sg = false) {
  Cadre c;
  c.person.id = std::move(id);
  c.person.birth_date = d(birth);
  c.person.sex = sex;
  c.person.ethnicity = std::move(eth);
  c.person.political_status = std::move(pol);
  c.person.rank = rank;
  c.civil_servant = cs;
  c.selected_graduate = sg;
  return c;
}

assessment::Record annual(std::string id, int year, assessment::Rating r) {
  assessment::Record x;
  x.cadre_id = std::move(id);
  x.kind = assessment::Kind::annual;
  x.period = year * 100;
  x.rating = r;
  return x;
}

bool has(const std::vector<PoolEntry> &es, const std::string &id, Pool p) {
  for (const auto &e : es)
    if (e.cadre_id == id && e.pool == p) return true;
  return false;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Age

TEST(TalentAge, BirthdayOnTheAsOfDateCounts) {
  EXPECT_EQ(age_on(d("1981-09-22"), d("2016-09-22"), P()), 35);
  EXPECT_EQ(age_on(d("1981-09-22"), d("2016-09-21"), P()), 34);
}

TEST(TalentAge, TwentyNinthOfFebruary) {
  // Born on 29 February: the anniversary falls on 1 March in common years.
  EXPECT_EQ(age_on(d("1980-02-29"), d("2017-02-28"), P()), 36);
  EXPECT_EQ(age_on(d("1980-02-29"), d("2017-03-01"), P()), 37);
  EXPECT_EQ(age_on(d("1980-02-29"), d("2016-02-28"), P()), 35);
  EXPECT_EQ(age_on(d("1980-02-29"), d("2016-02-29"), P()), 36);
  const Date on = d("2016-09-22");
  EXPECT_EQ(date_of_age(d("1980-02-29"), 37, P(), on), d("2017-03-01"));
  EXPECT_EQ(date_of_age(d("1980-02-29"), 36, P(), on), d("2016-02-29"));
  EXPECT_EQ(date_of_age(d("1980-10-15"), 36, P(), on), d("2016-10-15"));
}

TEST(TalentAge, YearDifferenceWhenThePolicySaysSo) {
  Policy p = Policy::loads(
      "profile: yd\nextends: tongliao-2016\nparameters:\n  talent.age.counting:\n    values:\n      2016-01-01: "
      "year_difference\n");
  EXPECT_EQ(age_on(d("1981-12-31"), d("2016-01-01"), p), 35);
  EXPECT_EQ(age_on(d("1981-12-31"), d("2016-01-01"), P()), 34);
  EXPECT_THROW(age_on(d("2016-01-02"), d("2016-01-01"), P()), InvalidInput);
}

// ---------------------------------------------------------------------------------------------
// Pools: the golden cases

TEST(TalentPools, GoldenCases) {
  auto rows = read_csv("tests/golden/talent_pool_cases.csv");
  ASSERT_GE(rows.size(), 15u);
  for (const auto &r : rows) {
    SCOPED_TRACE(r.at("case"));
    Cadre c = cadre(r.at("case"), r.at("birth_date").c_str(), parse_sex(r.at("sex")), r.at("ethnicity"),
                    r.at("political_status"), parse_rank(r.at("rank")), r.at("civil_servant") == "1",
                    r.at("selected_graduate") == "1");
    const Date as_of = d(r.at("as_of").c_str());
    const int y = static_cast<int>(as_of.year());
    std::vector<assessment::Record> recs;
    if (!r.at("rating_y2").empty()) recs.push_back(annual(c.person.id, y - 2, assessment::parse_rating(r.at("rating_y2"))));
    if (!r.at("rating_y1").empty()) recs.push_back(annual(c.person.id, y - 1, assessment::parse_rating(r.at("rating_y1"))));
    std::vector<Cadre> cs{c};
    Supervision sup{recs, {}, {}};
    Pools ps = pools(cs, sup, as_of, P());
    EXPECT_EQ(has(ps.members, c.person.id, Pool::echelon1), r.at("echelon1") == "1");
    EXPECT_EQ(has(ps.members, c.person.id, Pool::echelon2), r.at("echelon2") == "1");
    EXPECT_EQ(has(ps.members, c.person.id, Pool::nvshaofei), r.at("nvshaofei") == "1");
    std::string near;
    for (const auto &e : ps.near_misses) near += (near.empty() ? "" : ";") + std::string(pool_name(e.pool)) + ":" + e.kind;
    EXPECT_EQ(near.empty() ? "-" : near, r.at("near"));
  }
}

TEST(TalentPools, ReasonsAndNearMissDates) {
  std::vector<Cadre> cs{cadre("B", "1980-10-15"), cadre("C", "1980-09-22")};
  Pools ps = pools(cs, {}, d("2016-09-22"), P(), true);
  // B: in echelon 1, ageing out (not a near miss of echelon 2: the echelons do not overlap);
  // C: 36, misses both echelons by age.
  ASSERT_EQ(ps.near_misses.size(), 3u);
  const PoolEntry &b = ps.near_misses[0];  // echelon1, B
  EXPECT_EQ(b.cadre_id, "B");
  ASSERT_TRUE(b.date.has_value());
  EXPECT_EQ(*b.date, d("2016-10-15"));
  EXPECT_NE(b.reasons.back().en.find("turns 36 on 2016-10-15"), std::string::npos) << b.reasons.back().en;
  const PoolEntry &c = ps.near_misses[1];
  EXPECT_EQ(c.cadre_id, "C");
  EXPECT_EQ(c.kind, "misses_one");
  EXPECT_NE(c.reasons.front().en.find("turned 36 on 2016-09-22"), std::string::npos);
  // Members carry every criterion met; the explanation names the parameters used.
  ASSERT_FALSE(ps.members.empty());
  const PoolEntry &m = ps.members[0];
  EXPECT_EQ(m.cadre_id, "B");
  ASSERT_EQ(m.reasons.size(), 2u);
  EXPECT_EQ(m.reasons[0].code, "rank");
  EXPECT_EQ(m.reasons[1].code, "age");
  bool max_age = false;
  for (const auto &p : m.explanation.parameters) max_age = max_age || p.name == "talent.echelon1.max_age";
  EXPECT_TRUE(max_age);
  EXPECT_TRUE(m.explanation.uses_assumed());
  EXPECT_EQ(ps.sizes[0].target, 68);
  EXPECT_EQ(ps.sizes[1].target, 110);
  EXPECT_EQ(ps.sizes[2].target, 50);
  EXPECT_EQ(ps.sizes[1].members, 0);
  ASSERT_TRUE(has(ps.excluded, "B", Pool::echelon2));
  for (const auto &e : ps.excluded)
    if (e.cadre_id == "B") {
      EXPECT_EQ(e.kind, "in_echelon1");
      EXPECT_EQ(e.reasons.at(0).code, "in_echelon1");
    }
}

TEST(TalentPools, ExclusiveLimitFromThePolicy) {
  Policy p = Policy::loads(
      "profile: x\nextends: tongliao-2016\nparameters:\n  talent.echelon2.age_limit_inclusive:\n    values:\n      "
      "2016-01-01: false\n");
  std::vector<Cadre> cs{cadre("A", "1981-09-22", Sex::male, "01", "01", Rank::keyuan)};
  EXPECT_FALSE(has(pools(cs, {}, d("2016-09-22"), p).members, "A", Pool::echelon2));
  EXPECT_TRUE(has(pools(cs, {}, d("2016-09-21"), p).members, "A", Pool::echelon2));
}

TEST(TalentPools, OpenDisposalCaseAndRedLineExclude) {
  std::vector<Cadre> cs{cadre("W", "1985-01-01", Sex::female), cadre("R", "1986-01-01", Sex::female)};
  std::vector<assessment::Record> recs{annual("W", 2014, assessment::Rating::excellent),
                                       annual("W", 2015, assessment::Rating::excellent),
                                       annual("R", 2014, assessment::Rating::incompetent),
                                       annual("R", 2015, assessment::Rating::incompetent)};
  assessment::DisposalCase dc("D1", "W");
  dc.advance(assessment::Stage::motion, d("2016-08-01"), "dept");
  std::vector<assessment::DisposalCase> cases{dc};
  Supervision sup{recs, {}, cases};
  Pools ps = pools(cs, sup, d("2016-09-22"), P());
  EXPECT_FALSE(has(ps.members, "W", Pool::echelon1));
  EXPECT_TRUE(has(ps.excluded, "W", Pool::echelon1));
  EXPECT_TRUE(has(ps.excluded, "W", Pool::nvshaofei));
  for (const auto &e : ps.excluded)
    if (e.cadre_id == "W") {
      EXPECT_EQ(e.kind, "open_disposal_case");
      EXPECT_EQ(e.reasons[0].code, "open_disposal_case:D1");
    }
  // R: incompetent twice in a row — the default red lines fire; R is excluded from echelon1.
  EXPECT_TRUE(has(ps.excluded, "R", Pool::echelon1));
  // Before the case opened, W is a member.
  EXPECT_TRUE(has(pools(cs, sup, d("2016-07-31"), P()).members, "W", Pool::echelon1));
  // A closed case no longer excludes.
  dc.advance(assessment::Stage::investigation, d("2016-08-10"), "dept");
  dc.close_no_action(d("2016-08-20"), "dept");
  std::vector<assessment::DisposalCase> closed{dc};
  Supervision sup2{{}, {}, closed};
  EXPECT_TRUE(has(pools(cs, sup2, d("2016-09-22"), P()).members, "W", Pool::echelon1));
}

TEST(TalentPools, ChangesBetweenTwoDates) {
  std::vector<Cadre> cs{cadre("OLD", "1980-10-15"), cadre("NEW", "1992-01-01", Sex::male, "01", "01", Rank::keyuan),
                        cadre("STAY", "1985-05-05")};
  cs[1].person.rank = Rank::fu_ke;  // promoted: in echelon1 at both dates (no history of ranks here)
  auto ch = pool_changes(cs, {}, d("2016-09-22"), d("2016-11-01"), P());
  ASSERT_EQ(ch.size(), 1u);  // OLD leaves echelon1 on 2016-10-15 (never in echelon2: in the first)
  EXPECT_EQ(ch[0].cadre_id, "OLD");
  EXPECT_EQ(ch[0].pool, Pool::echelon1);
  EXPECT_FALSE(ch[0].entered);
  EXPECT_EQ(ch[0].reasons.at(0).code, "age");
  // Entering: a woman whose second strong year appears.
  std::vector<Cadre> w{cadre("W", "1970-01-01", Sex::female, "01", "01", Rank::zheng_ke)};
  std::vector<assessment::Record> recs{annual("W", 2015, assessment::Rating::competent),
                                       annual("W", 2016, assessment::Rating::excellent)};
  auto ch2 = pool_changes(w, {recs, {}, {}}, d("2016-09-22"), d("2017-01-10"), P());
  ASSERT_EQ(ch2.size(), 1u);
  EXPECT_TRUE(ch2[0].entered);
  EXPECT_EQ(ch2[0].pool, Pool::nvshaofei);
  EXPECT_THROW(pool_changes(w, {}, d("2017-01-10"), d("2016-09-22"), P()), InvalidInput);
}

TEST(TalentPools, BadInputNamesFieldAndRecord) {
  std::vector<Cadre> cs{cadre("A", "1980-01-01"), cadre("A", "1981-01-01")};
  try {
    pools(cs, {}, d("2016-09-22"), P());
    FAIL();
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "id");
    EXPECT_EQ(e.record(), "cadres[1]");
  }
  std::vector<Cadre> late{cadre("B", "2017-01-01")};
  try {
    pools(late, {}, d("2016-09-22"), P());
    FAIL();
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "birth_date");
    EXPECT_EQ(e.record(), "cadres[0]");
  }
}

TEST(TalentPools, Json) {
  std::string req = R"({"as_of":"2016-09-22","cadres":[
    {"id":"B","sex":"1","birth_date":"1980-10-15","ethnicity":"01","political_status":"01","rank":"fu_ke","civil_servant":true},
    {"cadre_id":"W","sex":"女","birth_date":"1970-01-01","ethnicity":"蒙古族","political_status":"13","rank":"zheng_ke"}],
    "assessments":[{"cadre_id":"W","kind":"annual","period":"2014","rating":"excellent"},
                   {"cadre_id":"W","kind":"annual","period":"2015","rating":"competent"}]})";
  json::value v = json::parse(pools_json(req, P()));
  const auto &m = v.at("members").as_array();
  ASSERT_EQ(m.size(), 2u);  // B in echelon 1 (and so not in echelon 2), W in 女少非
  EXPECT_EQ(m[0].at("pool"), "echelon1");
  EXPECT_EQ(m[1].at("cadre_id"), "W");
  EXPECT_EQ(m[1].at("pool"), "nvshaofei");
  EXPECT_EQ(v.at("excluded").as_array().at(0).at("kind"), "in_echelon1");
  EXPECT_EQ(v.at("near_misses").as_array()[0].at("date"), "2016-10-15");
  EXPECT_EQ(v.at("sizes").as_array()[2].at("target"), 50);
  try {
    pools_json(R"({"as_of":"2016-09-22","cadres":[{"id":"X","sex":"3","birth_date":"1980-01-01","ethnicity":"01","political_status":"01"}]})", P());
    FAIL();
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "sex");
    EXPECT_EQ(e.record(), "cadres[0]");
  }
  EXPECT_THROW(pools_json(R"({"as_of":"2016-09-22","bogus":1})", P()), InvalidInput);
  EXPECT_THROW(pools_json("not json", P()), InvalidInput);
  json::value c = json::parse(pool_changes_json(
      R"({"from":"2016-09-22","to":"2016-11-01","cadres":[{"id":"B","sex":"1","birth_date":"1980-10-15","ethnicity":"01","political_status":"01","rank":"fu_ke","civil_servant":true}]})",
      P()));
  ASSERT_EQ(c.at("changes").as_array().size(), 1u);  // leaves echelon 1 (never in echelon 2)
  EXPECT_EQ(c.at("changes").as_array()[0].at("change"), "left");
}

// ---------------------------------------------------------------------------------------------
// Team structure

namespace {
std::vector<TeamMember> golden_members() {
  std::vector<TeamMember> out;
  for (const auto &r : read_csv("tests/golden/talent_team_members.csv"))
    out.push_back({r.at("team_id"), r.at("cadre_id"), parse_sex(r.at("sex")), d(r.at("birth_date").c_str()),
                   r.at("ethnicity"), r.at("political_status")});
  return out;
}
std::string gap_text(std::uint8_t mask) {
  std::string s;
  for (int c = 0; c < criterion_count; ++c)
    if (mask & (1u << c)) s += (s.empty() ? "" : ";") + std::string(criterion_name(static_cast<Criterion>(c)));
  return s.empty() ? "-" : s;
}
}  // namespace

TEST(TalentTeam, GoldenStructPath) {
  auto ms = golden_members();
  auto teams = team_structure(ms, d("2016-09-22"), P());
  auto exp = read_csv("tests/golden/talent_team_expected.csv");
  ASSERT_EQ(teams.size(), exp.size());
  for (std::size_t i = 0; i < exp.size(); ++i) {
    SCOPED_TRACE(exp[i].at("team_id"));
    EXPECT_EQ(teams[i].team_id, exp[i].at("team_id"));
    EXPECT_EQ(teams[i].size, std::stoll(exp[i].at("size")));
    EXPECT_EQ(teams[i].counts[0], std::stoll(exp[i].at("young")));
    EXPECT_EQ(teams[i].counts[1], std::stoll(exp[i].at("women")));
    EXPECT_EQ(teams[i].counts[2], std::stoll(exp[i].at("minority")));
    EXPECT_EQ(teams[i].counts[3], std::stoll(exp[i].at("non_party")));
    std::uint8_t mask = 0;
    for (const auto &g : teams[i].gaps) mask |= static_cast<std::uint8_t>(1u << static_cast<int>(g.criterion));
    EXPECT_EQ(gap_text(mask), exp[i].at("gaps"));
  }
}

TEST(TalentTeam, GoldenBatchPath) {
  auto ms = golden_members();
  auto exp = read_csv("tests/golden/talent_team_expected.csv");
  std::map<std::string, std::int32_t> idx;
  for (std::size_t i = 0; i < exp.size(); ++i) idx[exp[i].at("team_id")] = static_cast<std::int32_t>(i);
  std::vector<std::int32_t> team, birth;
  std::vector<std::uint8_t> sex, eth, pol;
  for (const auto &m : ms) {
    team.push_back(idx.at(m.team_id));
    sex.push_back(static_cast<std::uint8_t>(m.sex));
    birth.push_back(to_days(m.birth_date));
    eth.push_back(static_cast<std::uint8_t>(std::stoi(m.ethnicity)));
    pol.push_back(static_cast<std::uint8_t>(std::stoi(m.political_status)));
  }
  const std::size_t T = exp.size();
  std::vector<std::int32_t> size(T), young(T), women(T), minority(T), non_party(T);
  std::vector<std::uint8_t> gaps(T);
  team_structure_batch({team, sex, birth, eth, pol}, T, d("2016-09-22"), P(),
                       {size, young, women, minority, non_party, gaps});
  for (std::size_t i = 0; i < T; ++i) {
    SCOPED_TRACE(exp[i].at("team_id"));
    EXPECT_EQ(size[i], std::stoi(exp[i].at("size")));
    EXPECT_EQ(young[i], std::stoi(exp[i].at("young")));
    EXPECT_EQ(women[i], std::stoi(exp[i].at("women")));
    EXPECT_EQ(minority[i], std::stoi(exp[i].at("minority")));
    EXPECT_EQ(non_party[i], std::stoi(exp[i].at("non_party")));
    EXPECT_EQ(gap_text(gaps[i]), exp[i].at("gaps"));
  }
  // Bad row: nothing written, the column and row named.
  std::fill(size.begin(), size.end(), -7);
  sex[3] = 9;
  try {
    team_structure_batch({team, sex, birth, eth, pol}, T, d("2016-09-22"), P(),
                         {size, young, women, minority, non_party, gaps});
    FAIL();
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "sex");
    EXPECT_EQ(e.record(), "row 4");
  }
  EXPECT_EQ(size[0], -7);
}

TEST(TalentTeam, BatchAgreesWithStructPathOnYoungBoundaries) {
  // Births around the boundary (36 on the as-of date) and 29 February, both counting methods.
  Policy yd = Policy::loads(
      "profile: yd\nextends: tongliao-2016\nparameters:\n  talent.age.counting:\n    values:\n      2016-01-01: "
      "year_difference\n");
  for (const Policy *p : {&P(), static_cast<const Policy *>(&yd)}) {
    for (const char *as_of_s : {"2016-09-22", "2016-02-29", "2017-02-28", "2017-03-01", "2016-12-31"}) {
      const Date as_of = d(as_of_s);
      std::vector<TeamMember> ms;
      std::vector<std::int32_t> team, birth;
      std::vector<std::uint8_t> sex, eth, pol;
      const Date center = make_date(static_cast<int>(as_of.year()) - 36, 1, 1);
      for (int k = -400; k < 800; ++k) {
        Date b = center + boost::gregorian::days(k);
        ms.push_back({"T" + std::to_string(k + 400), "C", Sex::male, b, "01", "01"});
        team.push_back(k + 400);
        birth.push_back(to_days(b));
        sex.push_back(1);
        eth.push_back(1);
        pol.push_back(1);
      }
      auto st = team_structure(ms, as_of, *p);
      const std::size_t T = ms.size();
      std::vector<std::int32_t> size(T), young(T), women(T), minority(T), non_party(T);
      std::vector<std::uint8_t> gaps(T);
      team_structure_batch({team, sex, birth, eth, pol}, T, as_of, *p, {size, young, women, minority, non_party, gaps});
      for (std::size_t i = 0; i < T; ++i) {
        ASSERT_EQ(st[i].counts[0], young[i]) << as_of_s << " birth " << to_iso(ms[i].birth_date);
        // independent: young iff age <= 35 as the policy counts it
        ASSERT_EQ(young[i] == 1, age_on(ms[i].birth_date, as_of, *p) <= 35);
      }
    }
  }
}

TEST(TalentTeam, CandidatesFillGapsWithEligibility) {
  auto ms = golden_members();
  // Pool cadres: Y (young, fu_ke 3 years: eligible), Z (young, fu_ke 1 year: too few years),
  // Q (woman minority, zheng_ke... no step rule to fu_chu in the default policy), D (young,
  // open case), A3 (already on T_all: never a candidate there).
  std::vector<Cadre> cs{cadre("Y", "1988-01-01"), cadre("Z", "1989-01-01"),
                        cadre("K", "1990-01-01", Sex::female, "02", "01", Rank::keyuan), cadre("D", "1987-01-01")};
  cs[0].rank_since = d("2013-09-01");
  cs[1].rank_since = d("2015-09-01");
  cs[2].rank_since = d("2012-07-01");
  cs[3].rank_since = d("2010-01-01");
  assessment::DisposalCase dc("D9", "D");
  std::vector<assessment::DisposalCase> cases{dc};
  std::vector<assessment::Record> recs{annual("K", 2014, assessment::Rating::excellent),
                                       annual("K", 2015, assessment::Rating::excellent)};
  auto teams = team_structure(ms, d("2016-09-22"), P(), cs, {recs, {}, cases}, true);
  const TeamStructure &t = teams[1];  // T_all
  ASSERT_EQ(t.team_id, "T_all");
  ASSERT_EQ(t.gaps.size(), 3u);
  const Gap &young = t.gaps[0];
  EXPECT_EQ(young.criterion, Criterion::young);
  EXPECT_EQ(young.missing, 1);
  std::map<std::string, const Candidate *> by;
  for (const auto &c : young.candidates) by[c.cadre_id] = &c;
  ASSERT_TRUE(by.count("Y") && by.count("Z") && by.count("D") && by.count("K"));
  EXPECT_TRUE(by["Y"]->eligible);
  EXPECT_FALSE(by["Z"]->eligible);
  EXPECT_EQ(by["Z"]->reasons.back().code, "years_at_rank");
  EXPECT_FALSE(by["D"]->eligible);
  EXPECT_EQ(by["D"]->reasons[1].code, "open_disposal_case:D9");
  EXPECT_TRUE(by["K"]->eligible);  // keyuan 4 years >= 3 (staff_to_deputy)
  EXPECT_EQ(young.candidates[0].cadre_id, "K");  // eligible first, by id
  const Gap &women = t.gaps[1];
  ASSERT_EQ(women.candidates.size(), 1u);
  EXPECT_EQ(women.candidates[0].cadre_id, "K");
  EXPECT_EQ(women.candidates[0].pools.size(), 2u);  // echelon2 and nvshaofei
  bool years_param = false;
  for (const auto &p : t.explanation.parameters)
    years_param = years_param || p.name == "promotion.min_years_at_rank.staff_to_deputy";
  EXPECT_TRUE(years_param);
  // T_none has no gap; the explanation says so.
  EXPECT_TRUE(teams[0].gaps.empty());
  EXPECT_EQ(teams[0].explanation.rules.at(0).rule_id, "talent.team.no_gap");
}

// A gap lists the first max_candidates of those who would fill it (eligible first, then by
// id) and counts them all; a team's own member is neither listed nor counted for it.
TEST(TalentTeam, AGapListsTheFirstCandidatesAndCountsThemAll) {
  auto member = [](const char *team, const char *id) {
    return TeamMember{team, id, Sex::male, d("1960-01-01"), "01", "01"};
  };
  // T: two older Han men (gaps young, women, minority). U: W00, recorded on the team, and one more.
  std::vector<TeamMember> ms{member("T", "a"), member("T", "b"), member("U", "W00"), member("U", "c")};
  std::vector<Cadre> cs;  // 30 young women, W00 … W29: the even ones 3 years at fu_ke (eligible)
  for (int i = 29; i >= 0; --i) {
    const std::string id = std::string("W") + (i < 10 ? "0" : "") + std::to_string(i);
    cs.push_back(cadre(id, "1988-01-01", Sex::female));
    cs.back().rank_since = d(i % 2 ? "2015-09-01" : "2013-09-01");
  }
  const Date as_of = d("2016-09-22");
  const auto full = team_structure(ms, as_of, P(), cs, {}, true, 1000);
  const auto cut = team_structure(ms, as_of, P(), cs, {}, true, 5);
  const auto none = team_structure(ms, as_of, P(), cs, {}, false, 0);
  const auto by_default = team_structure(ms, as_of, P(), cs);
  ASSERT_EQ(full.size(), 2u);
  for (std::size_t t = 0; t < 2; ++t) {
    const bool u = t == 1;
    ASSERT_EQ(full[t].gaps.size(), 3u);
    const Gap &women = full[t].gaps[1];
    ASSERT_EQ(women.criterion, Criterion::women);
    EXPECT_EQ(women.candidate_count, u ? 29 : 30);
    EXPECT_EQ(women.eligible_count, u ? 14 : 15);
    ASSERT_EQ(women.candidates.size(), u ? 29u : 30u);
    EXPECT_EQ(women.candidates.front().cadre_id, u ? "W02" : "W00");
    EXPECT_EQ(women.candidates[15 - u].cadre_id, "W01");  // the ineligible after the eligible
    const Gap &w5 = cut[t].gaps[1];
    EXPECT_EQ(w5.candidate_count, women.candidate_count);
    EXPECT_EQ(w5.eligible_count, women.eligible_count);
    ASSERT_EQ(w5.candidates.size(), 5u);
    for (std::size_t i = 0; i < 5; ++i) {
      EXPECT_EQ(w5.candidates[i].cadre_id, women.candidates[i].cadre_id);
      EXPECT_EQ(w5.candidates[i].reasons.size(), women.candidates[i].reasons.size());
    }
    EXPECT_TRUE(none[t].gaps[1].candidates.empty());
    EXPECT_EQ(none[t].gaps[1].candidate_count, women.candidate_count);
    EXPECT_EQ(by_default[t].gaps[1].candidates.size(), static_cast<std::size_t>(kCandidatesListed));
    // The explanation names the years' parameter of the candidates listed, as when all are.
    EXPECT_EQ(cut[t].explanation.parameters.size(), full[t].explanation.parameters.size());
  }
  try {
    team_structure(ms, as_of, P(), cs, {}, false, -1);
    FAIL() << "a negative bound was taken";
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "max_candidates");
  }
  // The JSON call: the bound in the request, the counts in each gap.
  auto cand = [](const char *id, const char *since) {
    return std::string(R"({"id":")") + id + R"(","sex":"1","birth_date":"1985-01-01","ethnicity":"02",)" +
           R"("political_status":"01","rank":"fu_ke","rank_since":")" + since + R"(","civil_servant":true})";
  };
  const std::string req = R"({"as_of":"2016-09-22","max_candidates":2,"members":[
    {"team_id":"T","cadre_id":"a","sex":"1","birth_date":"1960-01-01","ethnicity":"01","political_status":"01"}],
    "candidates":[)" + cand("m", "2012-01-01") + "," + cand("n", "2016-01-01") + "," + cand("k", "2012-01-01") + "]}";
  const json::value v = json::parse(team_structure_json(req, P()));
  const auto &g = v.at("teams").as_array()[0].at("gaps").as_array();
  ASSERT_EQ(g.size(), 3u);  // young, women, minority
  const auto &minority = g[2].as_object();
  EXPECT_EQ(minority.at("criterion"), "minority");
  EXPECT_EQ(minority.at("candidate_count"), 3);
  EXPECT_EQ(minority.at("eligible_count"), 2);
  const auto &listed = minority.at("candidates").as_array();
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].at("cadre_id"), "k");
  EXPECT_EQ(listed[1].at("cadre_id"), "m");
  try {
    team_structure_json(R"({"as_of":"2016-09-22","max_candidates":-3,"members":[]})", P());
    FAIL() << "a negative bound was taken";
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "max_candidates");
  }
}

TEST(TalentTeam, Json) {
  std::string req = R"({"as_of":"2016-09-22","members":[
    {"team_id":"T","cadre_id":"a","sex":"1","birth_date":"1960-01-01","ethnicity":"01","political_status":"01"},
    {"team_id":"T","cadre_id":"b","sex":"2","birth_date":"1990-01-01","ethnicity":"01","political_status":"13"},
    {"team_id":"T","cadre_id":"c","sex":"1","birth_date":"1970-01-01","ethnicity":"01","political_status":"01"}],
    "candidates":[{"id":"m","sex":"1","birth_date":"1985-01-01","ethnicity":"02","political_status":"01","rank":"fu_ke","rank_since":"2012-01-01","civil_servant":true}]})";
  json::value v = json::parse(team_structure_json(req, P()));
  const auto &t = v.at("teams").as_array()[0];
  EXPECT_EQ(t.at("size"), 3);
  EXPECT_EQ(t.at("young"), 1);
  EXPECT_EQ(t.at("women"), 1);
  EXPECT_EQ(t.at("non_party"), 1);
  EXPECT_EQ(t.at("shares").at("young"), "1/3");
  const auto &g = t.at("gaps").as_array();
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].at("criterion"), "minority");
  EXPECT_EQ(g[0].at("candidates").as_array()[0].at("cadre_id"), "m");
  EXPECT_EQ(g[0].at("candidates").as_array()[0].at("eligible"), true);
  try {
    team_structure_json(R"({"as_of":"2016-09-22","members":[{"team_id":"T","cadre_id":"a","sex":"1","birth_date":"1960-01-01","ethnicity":"99","political_status":"01"}]})", P());
    FAIL();
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "ethnicity");
    EXPECT_EQ(e.record(), "members[0]");
  }
}

// ---------------------------------------------------------------------------------------------
// Growth file, gaps, postings

namespace {
GrowthFile file_of(std::string id) {
  GrowthFile g;
  g.cadre_id = std::move(id);
  g.rank = Rank::fu_ke;
  g.rank_since = d("2013-03-01");
  return g;
}
Posting posting(PostingKind k, const char *from, const char *until, std::string sector = {}, bool grass = false,
                bool principal = false) {
  Posting p;
  p.kind = k;
  p.from = d(from);
  if (until) p.until = d(until);
  p.sector = std::move(sector);
  p.grassroots = grass;
  p.principal = principal;
  return p;
}
std::vector<std::string> gap_names(const std::vector<CareerGap> &gs) {
  std::vector<std::string> out;
  for (const auto &g : gs) out.push_back(std::string(gap_kind_name(g.gap)) + ">" + g.posting);
  return out;
}
}  // namespace

TEST(TalentGrowth, FiguresByHand) {
  GrowthFile g = file_of("G");
  // 2010-01-01..2011-01-01 village residency (365 days), overlapping frontline 2010-07-01..2011-07-01
  // -> union 2010-01-01..2011-07-01 = 546 days; a township post from 2015-09-22 (ongoing) up to
  // and including 2016-09-22: 367 days (2016 is leap). Total 913 days = 2 years of 365.
  g.postings.push_back(posting(PostingKind::village_residency, "2010-01-01", "2011-01-01", "agriculture"));
  g.postings.push_back(posting(PostingKind::frontline, "2010-07-01", "2011-07-01", "agriculture"));
  g.postings.push_back(posting(PostingKind::post, "2015-09-22", nullptr, "township", true, true));
  g.postings.push_back(posting(PostingKind::post, "2017-01-01", nullptr, "finance"));  // after as_of: ignored
  auto f = growth_figures(g, d("2016-09-22"));
  EXPECT_EQ(f.grassroots_days, 546 + 367);
  EXPECT_EQ(f.grassroots_years, 2);
  EXPECT_EQ(f.distinct_sectors, 2);
  EXPECT_EQ(f.principal_posts, 1);
  EXPECT_EQ(f.secondments_upward, 0);
  ASSERT_TRUE(f.years_at_rank.has_value());
  EXPECT_EQ(*f.years_at_rank, 3);
}

TEST(TalentGrowth, EveryGapAndNone) {
  GrowthFile none = file_of("N");
  Explanation ex;
  auto all = career_gaps(none, d("2016-09-22"), P(), &ex);
  EXPECT_EQ(gap_names(all), (std::vector<std::string>{"no_grassroots>village_residency", "narrow_view>secondment",
                                                       "single_track>exchange", "no_principal_post>hard_post"}));
  EXPECT_EQ(all[0].threshold, 2);
  EXPECT_EQ(all[0].parameter, "talent.gap.min_grassroots_years");
  EXPECT_EQ(all[2].threshold, 2);
  EXPECT_EQ(ex.rules.size(), 4u);
  EXPECT_TRUE(ex.uses_assumed());

  GrowthFile full = file_of("F");
  full.postings.push_back(posting(PostingKind::village_residency, "2012-01-01", "2014-01-01", "agriculture"));
  full.postings.push_back(posting(PostingKind::secondment, "2014-01-01", "2014-12-31", "region-finance"));
  full.postings.push_back(posting(PostingKind::post, "2015-01-01", nullptr, "township", true, true));
  EXPECT_TRUE(career_gaps(full, d("2016-09-22"), P()).empty());
  // One day short of two years at grassroots: 2012-01-01..2013-12-31 = 730 days, plus no
  // other grassroots -> exactly 2 years of 365 (boundary met); 729 days -> gap.
  GrowthFile shortg = file_of("S");
  shortg.postings.push_back(posting(PostingKind::village_residency, "2012-01-01", "2013-12-30"));
  auto gs = career_gaps(shortg, d("2016-09-22"), P());
  ASSERT_FALSE(gs.empty());
  EXPECT_EQ(gs[0].gap, GapKind::no_grassroots);
  EXPECT_EQ(gs[0].value, 1);
  GrowthFile met = file_of("M");
  met.postings.push_back(posting(PostingKind::village_residency, "2012-01-01", "2013-12-31"));
  EXPECT_NE(career_gaps(met, d("2016-09-22"), P())[0].gap, GapKind::no_grassroots);
}

TEST(TalentGrowth, ProposalsWithinPlaces) {
  std::vector<GrowthFile> fs;
  for (int i = 0; i < 5; ++i) {
    GrowthFile g = file_of("C" + std::to_string(i));
    // i days of ... fewer grassroots days = larger gap = earlier in the queue
    g.postings.push_back(posting(PostingKind::frontline, "2016-01-01", nullptr, "s1"));
    g.postings.back().from = d("2016-09-22") - boost::gregorian::days(100 - i * 10);
    g.postings.push_back(posting(PostingKind::secondment, "2014-01-01", "2014-06-01", "s2"));
    g.postings.push_back(posting(PostingKind::post, "2014-07-01", nullptr, "s3", false, true));
    fs.push_back(g);
  }
  std::vector<Places> places{{"village_residency", 3}};
  auto ps = propose_postings(fs, places, d("2016-09-22"), P());
  ASSERT_EQ(ps.size(), 5u);
  // C4 has the fewest days, then C3 ...
  EXPECT_EQ(ps[0].cadre_id, "C4");
  EXPECT_TRUE(ps[2].placed);
  EXPECT_EQ(ps[2].cadre_id, "C2");
  EXPECT_FALSE(ps[3].placed);
  EXPECT_EQ(ps[3].order, 4);
  EXPECT_NE(ps[3].reason.en.find("beyond the 3 place(s)"), std::string::npos);
  std::vector<Places> bad{{"moon", 1}};
  EXPECT_THROW(propose_postings(fs, bad, d("2016-09-22"), P()), InvalidInput);
}

TEST(TalentGrowth, Json) {
  std::string req = R"({"as_of":"2016-09-22","growth_file":{"cadre_id":"G","rank":"fu_ke","rank_since":"2014-01-01",
    "postings":[{"kind":"village_residency","from":"2013-01-01","until":"2015-06-01","sector":"agriculture"}],
    "trainings":[{"topic":"bilingual","from":"2015-03-01","until":"2015-04-01"}],
    "results":[{"year":2015,"rating":"excellent"}]}})";
  json::value v = json::parse(gaps_json(req, P()));
  EXPECT_EQ(v.at("figures").at("grassroots_years"), 2);
  EXPECT_EQ(v.at("figures").at("years_at_rank"), 2);
  const auto &g = v.at("gaps").as_array();
  ASSERT_EQ(g.size(), 3u);
  EXPECT_EQ(g[0].at("gap"), "narrow_view");
  EXPECT_EQ(g[1].at("posting"), "exchange");
  EXPECT_EQ(g[2].at("threshold"), 1);
  try {
    gaps_json(R"({"as_of":"2016-09-22","growth_file":{"cadre_id":"G","postings":[{"kind":"post","from":"2015-01-01","until":"2014-01-01"}]}})", P());
    FAIL();
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "postings[0].until");
  }
  json::value p = json::parse(postings_json(
      R"({"as_of":"2016-09-22","growth_files":[{"cadre_id":"A"},{"cadre_id":"B"}],"places":{"village_residency":1,"hard_post":2}})",
      P()));
  const auto &a = p.at("proposals").as_array();
  ASSERT_EQ(a.size(), 4u);
  EXPECT_EQ(a[0].at("cadre_id"), "A");
  EXPECT_EQ(a[0].at("placed"), true);
  EXPECT_EQ(a[1].at("placed"), false);
  EXPECT_EQ(a[2].at("posting"), "hard_post");
  EXPECT_EQ(a[3].at("placed"), true);
}
