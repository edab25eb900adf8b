// The pools kernel over columns (pools_columns) against the rows path (pools()): the same
// members, near misses and exclusions for every row, over random cadres and the edges (a
// birthday on the as-of date, each age limit and near-miss window, 29 February, missing and
// duplicate ratings), under both age countings; and its checks (column and row named, nothing
// written on bad input).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/talent.hpp"

using namespace cadrekit;
using namespace cadrekit::talent;
using assessment::Rating;

namespace {

Date d(const char *s) { return parse_iso_date(s); }

const Policy &P() {
  static const Policy p = Policy::default_profile();
  return p;
}

const Policy &YearDifference() {
  static const Policy p = Policy::loads(
      "profile: yd\nextends: tongliao-2016\nparameters:\n  talent.age.counting:\n    values:\n      2016-01-01: "
      "year_difference\n  talent.echelon2.age_limit_inclusive:\n    values:\n      2016-01-01: false\n");
  return p;
}

const Policy &ThreeYears() {
  static const Policy p = Policy::loads(
      "profile: three\nextends: tongliao-2016\nparameters:\n  talent.nvshaofei.assessment_years:\n    values:\n"
      "      2016-01-01: 3\n  talent.nvshaofei.min_excellent_years:\n    values:\n      2016-01-01: 2\n"
      "  talent.echelon2.graduate_min_rating:\n    values:\n      2016-01-01: competent\n");
  return p;
}

/// A table in both forms: cadres and records for pools(), columns for pools_columns().
struct Table {
  std::vector<Cadre> cadres;
  std::vector<assessment::Record> records;
  std::vector<assessment::DisposalCase> cases;
  std::vector<std::int32_t> birth;
  std::vector<std::uint8_t> sex, eth, pol, rank, cs, sg, supervised;
  std::vector<std::int32_t> r_cadre, r_year;
  std::vector<std::uint8_t> r_rating;

  void add(const std::string &id, Date birth_date, std::uint8_t sx, std::uint8_t e, std::uint8_t p, Rank rk,
           bool civil, bool graduate) {
    Cadre c;
    c.person.id = id;
    c.person.birth_date = birth_date;
    c.person.sex = sx == 2 ? Sex::female : Sex::male;
    c.person.ethnicity = (e < 10 ? "0" : "") + std::to_string(e);
    c.person.political_status = (p < 10 ? "0" : "") + std::to_string(p);
    c.person.rank = rk;
    c.civil_servant = civil;
    c.selected_graduate = graduate;
    cadres.push_back(c);
    birth.push_back(to_days(birth_date));
    sex.push_back(sx);
    eth.push_back(e);
    pol.push_back(p);
    rank.push_back(static_cast<std::uint8_t>(rk));
    cs.push_back(civil ? 1 : 0);
    sg.push_back(graduate ? 1 : 0);
  }
  void rate(std::size_t row, int year, Rating r) {
    assessment::Record x;
    x.cadre_id = cadres[row].person.id;
    x.kind = assessment::Kind::annual;
    x.period = year * 100;
    x.rating = r;
    records.push_back(x);
    r_cadre.push_back(static_cast<std::int32_t>(row));
    r_year.push_back(year);
    r_rating.push_back(static_cast<std::uint8_t>(r));
  }
};

struct Masks {
  std::vector<std::uint8_t> member, near, excluded;
};

/// The rows path's answer as the kernel's masks.
Masks rows_path(const Table &t, Date as_of, const Policy &policy) {
  const Pools ps = pools(t.cadres, {t.records, {}, t.cases}, as_of, policy);
  std::map<std::string, std::size_t> row;
  for (std::size_t i = 0; i < t.cadres.size(); ++i) row[t.cadres[i].person.id] = i;
  Masks m{std::vector<std::uint8_t>(t.cadres.size()), std::vector<std::uint8_t>(t.cadres.size()),
          std::vector<std::uint8_t>(t.cadres.size())};
  auto set = [&](std::vector<std::uint8_t> &v, const PoolEntry &e) {
    v[row.at(e.cadre_id)] |= static_cast<std::uint8_t>(1u << static_cast<int>(e.pool));
  };
  for (const auto &e : ps.members) set(m.member, e);
  for (const auto &e : ps.near_misses) {
    // the kind follows from membership: ages_out for a member, misses_one otherwise
    const bool is_member = (m.member[row.at(e.cadre_id)] >> static_cast<int>(e.pool)) & 1;
    EXPECT_EQ(e.kind, is_member ? "ages_out" : "misses_one") << e.cadre_id;
    set(m.near, e);
  }
  for (const auto &e : ps.excluded) set(m.excluded, e);
  return m;
}

/// Which cadres supervision excludes, found independently of pools(): red lines of the records
/// and the open cases.
std::vector<std::uint8_t> supervised_of(const Table &t, Date as_of, const Policy &policy) {
  std::set<std::string> ids;
  for (const auto &h : assessment::screen(t.records, {}, as_of, policy)) ids.insert(h.cadre_id);
  for (const auto &c : t.cases)
    if (open_on(c, as_of)) ids.insert(c.cadre_id());
  std::vector<std::uint8_t> out;
  for (const auto &c : t.cadres) out.push_back(ids.count(c.person.id) ? 1 : 0);
  return out;
}

void expect_same(Table &t, Date as_of, const Policy &policy, const std::string &what) {
  t.supervised = supervised_of(t, as_of, policy);
  const Masks want = rows_path(t, as_of, policy);
  const std::size_t n = t.cadres.size();
  std::vector<std::uint8_t> member(n, 0xff), near(n, 0xff), excluded(n, 0xff);
  std::vector<std::int32_t> age(n, -1);
  pools_columns({t.birth, t.sex, t.eth, t.pol, t.rank, t.cs, t.sg, t.supervised}, {t.r_cadre, t.r_year, t.r_rating},
                as_of, policy, {member, near, excluded, age});
  for (std::size_t i = 0; i < n; ++i) {
    SCOPED_TRACE(what + " as of " + to_iso(as_of) + ", row " + std::to_string(i) + " born " +
                 to_iso(t.cadres[i].person.birth_date));
    ASSERT_EQ(member[i], want.member[i]);
    ASSERT_EQ(near[i], want.near[i]);
    ASSERT_EQ(excluded[i], want.excluded[i]);
    ASSERT_EQ(age[i], age_on(t.cadres[i].person.birth_date, as_of, policy));
  }
}

const Rating kRatings[] = {Rating::excellent, Rating::competent, Rating::basically_competent,
                           Rating::incompetent, Rating::excellent, Rating::competent};

/// Random cadres around the age limits, with random ratings around the 女少非 window.
Table random_table(std::mt19937 &rng, Date as_of, int n) {
  Table t;
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const Date center = make_date(static_cast<int>(as_of.year()) - 36, as_of.month(), 1);
  for (int i = 0; i < n; ++i) {
    Date b = center + boost::gregorian::days(pick(-800, 800));
    if (pick(0, 9) == 0) b = make_date((static_cast<int>(as_of.year()) - pick(20, 60)) / 4 * 4, 2, 29);
    const std::uint8_t sx = static_cast<std::uint8_t>(pick(1, 2));
    const std::uint8_t e = static_cast<std::uint8_t>(pick(0, 2) == 0 ? pick(1, 56) : 1);
    const std::uint8_t p = static_cast<std::uint8_t>(pick(0, 2) == 0 ? pick(1, 13) : pick(1, 2));
    const Rank rk = static_cast<Rank>(pick(0, 6));
    t.add("C" + std::to_string(1000 + i), b, sx, e, p, rk, pick(0, 3) != 0, pick(0, 3) == 0);
    const int last = static_cast<int>(as_of.year()) - 1;
    for (int y = last - 4; y <= last + 1; ++y)
      if (pick(0, 4) != 0) t.rate(static_cast<std::size_t>(i), y, kRatings[pick(0, 5)]);
    if (pick(0, 15) == 0) t.cases.emplace_back("D" + std::to_string(i), t.cadres.back().person.id);
  }
  return t;
}

Date feb29(int year) { return make_date(year, 2, 29); }

}  // namespace

TEST(TalentPoolsColumns, AgreesWithRowsPathOnRandomCadres) {
  std::mt19937 rng(20161);
  for (const Policy *p : {&P(), &YearDifference(), &ThreeYears()}) {
    for (const char *as_of_s : {"2016-09-22", "2016-02-29", "2017-02-28", "2017-03-01", "2016-12-31"}) {
      const Date as_of = d(as_of_s);
      Table t = random_table(rng, as_of, 600);
      expect_same(t, as_of, *p, p->name());
    }
  }
}

TEST(TalentPoolsColumns, AgreesWithRowsPathOnEveryDayAroundTheLimits) {
  // Every birth day from 38 to 33 years before the as-of date: the birthday on the as-of date,
  // 36 (the first echelon's limit + 1) within the near-miss window before and after, and 29
  // February; each a civil servant at fu_ke, a woman with two excellent years, some graduates.
  for (const Policy *p : {&P(), &YearDifference()}) {
    for (const char *as_of_s : {"2016-09-22", "2016-02-29", "2017-02-28", "2017-03-01"}) {
      const Date as_of = d(as_of_s);
      Table t;
      const Date from = make_date(static_cast<int>(as_of.year()) - 38, 1, 1);
      const Date until = make_date(static_cast<int>(as_of.year()) - 33, 12, 31);
      int i = 0;
      for (Date b = from; b <= until; b += boost::gregorian::days(1), ++i) {
        t.add("B" + std::to_string(i), b, i % 3 == 0 ? 2 : 1, 1, 1, i % 5 == 0 ? Rank::keyuan : Rank::fu_ke,
              i % 7 != 0, i % 11 == 0);
        const int last = static_cast<int>(as_of.year()) - 1;
        if (i % 4 != 0) t.rate(static_cast<std::size_t>(i), last, i % 2 ? Rating::excellent : Rating::competent);
        if (i % 6 != 0) t.rate(static_cast<std::size_t>(i), last - 1, Rating::excellent);
      }
      for (int y : {1980, 1984}) t.add("F" + std::to_string(y), feb29(y), 2, 2, 13, Rank::zheng_ke, true, false);
      expect_same(t, as_of, *p, p->name());
    }
  }
}

TEST(TalentPoolsColumns, NearMissesOfTheWomenMinorityNonPartyPool) {
  // One year short of two (misses_one), one excellent year short (misses_one), both (none),
  // not in the group with everything else (no near miss), supervised (excluded).
  const Date as_of = d("2016-09-22");
  Table t;
  for (int i = 0; i < 6; ++i) t.add("N" + std::to_string(i), d("1970-05-05"), 2, 1, 1, Rank::zheng_chu, false, false);
  t.cadres[4].person.sex = Sex::male;
  t.sex[4] = 1;
  t.rate(0, 2015, Rating::excellent);                                    // 2014 missing: misses_one
  t.rate(1, 2014, Rating::competent), t.rate(1, 2015, Rating::competent);  // no excellent: misses_one
  t.rate(2, 2015, Rating::competent);                                    // both short: nothing
  t.rate(3, 2014, Rating::excellent), t.rate(3, 2015, Rating::competent);  // member
  t.rate(4, 2014, Rating::excellent), t.rate(4, 2015, Rating::excellent);  // a man of 汉族 in the party
  t.rate(5, 2014, Rating::excellent), t.rate(5, 2015, Rating::excellent);
  t.cases.emplace_back("D5", "N5");                                      // open: excluded
  expect_same(t, as_of, P(), "nvshaofei");
  std::vector<std::uint8_t> member(6), near(6), excluded(6);
  std::vector<std::int32_t> age(6);
  pools_columns({t.birth, t.sex, t.eth, t.pol, t.rank, t.cs, t.sg, t.supervised}, {t.r_cadre, t.r_year, t.r_rating},
                as_of, P(), {member, near, excluded, age});
  EXPECT_EQ(near[0], 4);
  EXPECT_EQ(near[1], 4);
  EXPECT_EQ(near[2], 0);
  EXPECT_EQ(member[3], 4);
  EXPECT_EQ(member[4], 0);
  EXPECT_EQ(excluded[5], 4);
  EXPECT_EQ(age[0], 46);
}

TEST(TalentPoolsColumns, ChecksEveryRowBeforeWriting) {
  const Date as_of = d("2016-09-22");
  Table t;
  for (int i = 0; i < 4; ++i) t.add("X" + std::to_string(i), d("1985-01-01"), 1, 1, 1, Rank::fu_ke, true, false);
  t.rate(1, 2015, Rating::excellent);
  t.supervised.assign(4, 0);
  std::vector<std::uint8_t> member(4, 9), near(4, 9), excluded(4, 9);
  std::vector<std::int32_t> age(4, -7);
  auto run = [&] {
    pools_columns({t.birth, t.sex, t.eth, t.pol, t.rank, t.cs, t.sg, t.supervised},
                  {t.r_cadre, t.r_year, t.r_rating}, as_of, P(), {member, near, excluded, age});
  };
  auto expect_error = [&](const char *field, const char *record) {
    try {
      run();
      ADD_FAILURE() << "no error for " << field;
    } catch (const InvalidInput &e) {
      EXPECT_EQ(e.field(), field);
      EXPECT_EQ(e.record(), record);
    }
    EXPECT_EQ(member[0], 9);
    EXPECT_EQ(age[3], -7);
  };
  t.pol[2] = 0;  // unknown political status: pools() cannot decide the 女少非 group either
  expect_error("political_status", "row 3");
  t.pol[2] = 1;
  t.birth[3] = to_days(as_of) + 1;
  expect_error("birth_date", "row 4");
  t.birth[3] = to_days(as_of);  // born on the as-of date: age 0, fine
  t.cadres[3].person.birth_date = as_of;
  t.rank[0] = 7;
  expect_error("rank", "row 1");
  t.rank[0] = 1;
  t.sex[1] = 0;
  expect_error("sex", "row 2");
  t.sex[1] = 1;
  t.cs[1] = 2;
  expect_error("civil_servant", "row 2");
  t.cs[1] = 1;
  t.rate(1, 2015, Rating::competent);  // a second rating of 2015
  expect_error("ratings.year", "row 2");
  t.r_year[1] = 2010;                  // outside the window: not read
  t.records[1].period = 201000;
  t.r_cadre.push_back(4), t.r_year.push_back(2015), t.r_rating.push_back(1);
  expect_error("ratings.cadre", "row 3");
  t.r_cadre[2] = -1;                   // not one of the cadres: not read
  t.r_rating[0] = 10;
  expect_error("ratings.rating", "row 1");
  t.r_rating[0] = 1;
  std::vector<std::uint8_t> short_sex(3, 1);
  try {
    pools_columns({t.birth, short_sex, t.eth, t.pol, t.rank, t.cs, t.sg, t.supervised},
                  {t.r_cadre, t.r_year, t.r_rating}, as_of, P(), {member, near, excluded, age});
    ADD_FAILURE();
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "sex");
  }
  run();
  EXPECT_EQ(age[3], 0);
  EXPECT_EQ(member[0], 1);  // fu_ke, 31, a civil servant: the first echelon
  EXPECT_EQ(excluded[0], 2);  // and in_echelon1 for the second
  // The rows path agrees with the rows that passed.
  expect_same(t, as_of, P(), "checked");
}
