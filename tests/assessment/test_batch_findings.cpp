// The columnar batch path with findings: finding rules over finding columns give the same hits
// as screen() over the same data (a differential test on generated data, and a hand-worked
// case), and bad or unsorted finding rows are refused naming the column and row.
#include <gtest/gtest.h>

#include <random>
#include <tuple>

#include "cadrekit/assessment.hpp"
#include "cadrekit/core/errors.hpp"

using namespace cadrekit;
using namespace cadrekit::assessment;

namespace {

Date d(const char *s) { return parse_iso_date(s); }

using Row = std::tuple<std::int64_t, std::string, std::int32_t, std::int32_t, std::uint32_t>;

struct Data {
  std::vector<Record> records;
  std::vector<Finding> findings;
  // columns
  std::vector<std::int64_t> cadre, f_cadre;
  std::vector<std::uint8_t> kind, rating, f_source, f_class, f_severity;
  std::vector<std::int32_t> period, rank, group, f_standard, f_date;
};

Data generate(unsigned seed, const std::vector<Standard> &cat) {
  std::mt19937 rng(seed);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  Data x;
  for (int c = 0; c < 400; ++c) {
    std::string id = "C" + std::to_string(1000 + c);  // ids sort as the keys do
    for (int k = 0; k < 4; ++k) {
      int y0 = 2011 + pick(3);
      for (int y = y0; y <= 2017; ++y) {
        if (pick(6) == 0) continue;  // gaps
        Record r;
        r.cadre_id = id;
        r.unit_id = "U" + std::to_string(c % 17);
        r.kind = static_cast<Kind>(k);
        r.period = y * 100;
        if (k <= 1) {
          r.group_size = 1 + pick(12);
          r.rank = pick(5) == 0 ? 0 : 1 + pick(r.group_size);
          if (r.rank == 0) r.group_size = 0;
          r.rating = static_cast<Rating>(1 + pick(4));
        } else if (k == 2) {
          r.rating = pick(3) == 0 ? Rating::not_up_to_standard : Rating::up_to_standard;
        } else {
          r.rating = static_cast<Rating>(7 + pick(3));
        }
        x.records.push_back(r);
        x.cadre.push_back(c);
        x.kind.push_back(static_cast<std::uint8_t>(r.kind));
        x.period.push_back(r.period);
        x.rank.push_back(r.rank);
        x.group.push_back(r.group_size);
        x.rating.push_back(static_cast<std::uint8_t>(r.rating));
      }
    }
    int nf = pick(4);
    for (int f = 0; f < nf; ++f) {
      Finding g;
      g.id = id + "-F" + std::to_string(f);
      g.cadre_id = id;
      g.date = d("2014-01-01") + boost::gregorian::days(pick(1400));
      g.source = static_cast<FindingSource>(pick(2));
      int st = g.source == FindingSource::audit && pick(2) == 0 ? -1 : pick(static_cast<int>(cat.size()));
      if (st >= 0) g.standard = cat[static_cast<std::size_t>(st)].id;
      g.classification = static_cast<FindingClass>(pick(7));
      g.severity = static_cast<Severity>(pick(4));
      x.findings.push_back(g);
      x.f_cadre.push_back(c);
      x.f_standard.push_back(st);
      x.f_source.push_back(static_cast<std::uint8_t>(g.source));
      x.f_class.push_back(static_cast<std::uint8_t>(g.classification));
      x.f_severity.push_back(static_cast<std::uint8_t>(g.severity));
      x.f_date.push_back(to_days(g.date));
    }
  }
  return x;
}

// The county of tests/golden/assessment_county_places.yaml plus an aspect rule and a
// standard of its own, so that every finding-rule key is exercised.
const char *kCounty = R"(profile: test-batch
extends: tongliao-2016
parameters:
  assessment.rule.audit_serious:
    type: text
    unit: rule
    label: {zh: 三年内两次严重审计问题, en: two serious audit findings within three years}
    clause: HORQIN.3
    values:
      2016-01-01: "target=finding; source=audit; min_severity=serious; times=2; within_years=3; suggest=免职"
  assessment.rule.style_twice:
    type: text
    unit: rule
    label: {zh: 作风问题两次, en: two work-style or conduct findings}
    clause: HORQIN.2
    values:
      2016-01-01: "target=finding; aspect=work_style|personal_conduct; times=2; suggest=any"
  assessment.standard.q07:
    type: text
    unit: standard
    label: {zh: 工作作风方面：推诿扯皮, en: "work style: shirking"}
    clause: HORQIN.2
    values:
      2016-01-01: "aspect=work_style; suggest=免职"
)";

}  // namespace

TEST(AssessmentBatchFindings, SameHitsAsScreenOnGeneratedData) {
  Policy p = Policy::loads(kCounty, "county");
  for (const char *as_of_text : {"2016-12-31", "2017-06-30", "2016-03-01"}) {
    Date as_of = d(as_of_text);
    auto cat = standards(p, as_of);
    auto rs = rules(p, as_of);
    ASSERT_EQ(cat.size(), 7u);
    Data x = generate(7u + static_cast<unsigned>(as_of.year()), cat);
    std::vector<Row> want;
    for (const auto &h : screen(x.records, x.findings, as_of, p)) {
      std::int64_t key = std::stoll(h.cadre_id.substr(1)) - 1000;
      if (h.findings.empty())
        want.emplace_back(key, h.rule_id, parse_period(h.periods.front()), parse_period(h.periods.back()),
                          static_cast<std::uint32_t>(h.periods.size()));
      else
        want.emplace_back(key, h.rule_id, to_days(parse_iso_date(h.periods.front())),
                          to_days(parse_iso_date(h.periods.back())), static_cast<std::uint32_t>(h.periods.size()));
    }
    std::vector<Row> got;
    for (const auto &h : screen_batch({x.cadre, x.kind, x.period, x.rank, x.group, x.rating},
                                      {x.f_cadre, x.f_standard, x.f_source, x.f_class, x.f_severity, x.f_date},
                                      as_of, rs, cat))
      got.emplace_back(h.cadre, rs[h.rule].id, h.first_period, h.last_period, h.count);
    std::size_t finding_hits = 0;
    for (const auto &w : want)
      if (rs.size() && (std::get<1>(w) == "audit_serious" || std::get<1>(w) == "style_twice" ||
                        std::get<1>(w).starts_with("qualitative")))
        ++finding_hits;
    EXPECT_GT(finding_hits, 20u) << as_of_text;  // the comparison covers finding rules
    EXPECT_EQ(got, want) << as_of_text;
  }
}

TEST(AssessmentBatchFindings, HandWorkedCase) {
  Policy p = Policy::default_profile();
  Date as_of = d("2016-12-31");
  auto rs = rules(p, as_of);
  auto cat = standards(p, as_of);
  auto rule = [&](const char *id) {
    for (std::uint32_t i = 0; i < rs.size(); ++i)
      if (rs[i].id == id) return i;
    throw std::runtime_error("no rule");
  };
  auto standard = [&](const char *id) {
    for (std::int32_t i = 0; i < static_cast<std::int32_t>(cat.size()); ++i)
      if (cat[static_cast<std::size_t>(i)].id == id) return i;
    throw std::runtime_error("no standard");
  };
  // cadre 7: records only (bottom 2014, 2015); cadre 8: wavering belief 2016-05-01 and an
  // exploratory mistake; cadre 9: lack of ability 2016-07-01 and a finding of 2015 (too old).
  std::vector<std::int64_t> cad{7, 7}, fcad{8, 8, 9, 9};
  std::vector<std::uint8_t> kind{0, 0}, rating{2, 2};
  std::vector<std::int32_t> period{201400, 201500}, rank{10, 10}, group{10, 10};
  std::vector<std::int32_t> fstd{standard("ideals_beliefs"), standard("discipline"), standard("ability"), standard("ability")};
  std::vector<std::uint8_t> fsrc{0, 0, 0, 0}, fcls{2, 4, 5, 5}, fsev{1, 1, 1, 1};
  std::vector<std::int32_t> fdate{to_days(d("2016-05-01")), to_days(d("2016-06-01")), to_days(d("2016-07-01")),
                                  to_days(d("2015-12-31"))};
  auto hits = screen_batch({cad, kind, period, rank, group, rating}, {fcad, fstd, fsrc, fcls, fsev, fdate}, as_of, rs, cat);
  std::vector<BatchHit> want{
      {7, rule("annual_bottom"), 201400, 201500, 2},
      {8, rule("qualitative_conduct"), to_days(d("2016-05-01")), to_days(d("2016-05-01")), 1},
      {9, rule("qualitative_ability"), to_days(d("2016-07-01")), to_days(d("2016-07-01")), 1},
  };
  EXPECT_EQ(hits, want);
}

TEST(AssessmentBatchFindings, RefusesBadAndUnsortedFindingRows) {
  Policy p = Policy::default_profile();
  Date as_of = d("2016-12-31");
  auto rs = rules(p, as_of);
  auto cat = standards(p, as_of);
  std::vector<std::int64_t> none64;
  std::vector<std::uint8_t> none8;
  std::vector<std::int32_t> none32;
  Columns empty{none64, none8, none32, none32, none32, none8};
  auto expect = [&](std::vector<std::int64_t> fc, std::vector<std::int32_t> fs, std::vector<std::uint8_t> src,
                    std::vector<std::uint8_t> cls, std::vector<std::uint8_t> sev, const char *field, const char *row) {
    std::vector<std::int32_t> date(fc.size(), to_days(d("2016-01-01")));
    try {
      screen_batch(empty, {fc, fs, src, cls, sev, date}, as_of, rs, cat);
      ADD_FAILURE() << "accepted " << field;
    } catch (const InvalidInput &e) {
      EXPECT_EQ(e.field(), field);
      EXPECT_EQ(e.record(), row);
    }
  };
  expect({1, 2}, {0, 0}, {0, 0}, {0, 0}, {1, 9}, "findings.severity", "findings row 2");
  expect({1, 2}, {0, 0}, {0, 2}, {0, 0}, {1, 1}, "findings.source", "findings row 2");
  expect({1, 2}, {0, 0}, {0, 0}, {0, 7}, {1, 1}, "findings.classification", "findings row 2");
  expect({1, 2}, {0, 6}, {0, 0}, {0, 0}, {1, 1}, "findings.standard", "findings row 2");
  expect({1, 2}, {0, -1}, {0, 0}, {0, 0}, {1, 1}, "findings.standard", "findings row 2");  // qualitative, no standard
  expect({2, 1}, {0, 0}, {0, 0}, {0, 0}, {1, 1}, "findings.cadre", "findings row 2");
  std::vector<std::int64_t> fc{1};
  std::vector<std::int32_t> fs{0, 0};
  std::vector<std::uint8_t> u{0};
  std::vector<std::int32_t> date{0};
  EXPECT_THROW(screen_batch(empty, {fc, fs, u, u, u, date}, as_of, rs, cat), InvalidInput);
  // An audit finding needs no standard.
  std::vector<std::int32_t> nostd{-1};
  std::vector<std::uint8_t> audit{1};
  EXPECT_NO_THROW(screen_batch(empty, {fc, nostd, audit, u, u, date}, as_of, rs, cat));
}
