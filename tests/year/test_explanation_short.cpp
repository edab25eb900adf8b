// tests/golden/explanation_short.tsv through the C++ API: for each module, the short form of an
// explanation keeps the rules that fired and what decided, and leaves out what the module marked
// detail; the Chinese text names its subject in Chinese. The same table runs through the C ABI
// (tests/capi/test_explanation_short.c) and Python (python/tests/test_explanation_short.py).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "cadrekit/assessment.hpp"
#include "cadrekit/audit.hpp"
#include "cadrekit/core/explanation.hpp"
#include "cadrekit/core/policy.hpp"
#include "cadrekit/talent.hpp"
#include "cadrekit/village.hpp"
#include "golden_table.hpp"

using namespace cadrekit;

namespace {

struct Case {
  std::string name, entry, policy, request, index, rules, keeps, omits, subject_zh, why;
};

std::vector<Case> cases() {
  std::vector<Case> out;
  for (const auto &c : ck_test::golden_rows("explanation_short.tsv")) {
    EXPECT_EQ(c.size(), 10u) << c[0];
    if (c.size() != 10) continue;
    out.push_back({c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9]});
  }
  return out;
}

std::string run(const Case &c) {
  Policy p = Policy::default_profile();
  if (c.policy != "-")
    for (const auto &s : ck_test::split(c.policy, " | ")) p = p.with_setting(s);
  if (c.entry == "village.pay_sheet") return village::pay_sheet_json(c.request, p);
  if (c.entry == "village.selection") return village::selection_json(c.request, p);
  if (c.entry == "talent.pools") return talent::pools_json(c.request, p);
  if (c.entry == "talent.team_structure") return talent::team_structure_json(c.request, p);
  if (c.entry == "assessment.composite") return assessment::composite_json(c.request, p);
  if (c.entry == "audit.special_funds") return audit::special_funds_json(c.request, p);
  if (c.entry == "audit.tier") return audit::tier_json(c.request, p);
  ADD_FAILURE() << "unknown entry " << c.entry;
  return {};
}

/// True when `text` has a line of a parameter or an input called `name`.
bool names(const std::string &text, const std::string &name) {
  return text.find("参数 " + name + " = ") != std::string::npos ||
         text.find("输入 " + name + " = ") != std::string::npos;
}

}  // namespace

TEST(ExplanationShort, EveryCaseOfTheTable) {
  const auto all = cases();
  ASSERT_GE(all.size(), 8u);
  for (const auto &c : all) {
    SCOPED_TRACE(c.name + ": " + c.why);
    const Explanation full = explanation_in_json(run(c), std::stoul(c.index));
    const Explanation brief = full.brief();
    const std::string short_zh = brief.to_text("zh"), full_zh = full.to_text("zh");
    EXPECT_TRUE(full.has_detail());
    EXPECT_FALSE(brief.has_detail());
    EXPECT_EQ(brief.rules, full.rules);  // every rule that fired stays
    EXPECT_LT(short_zh.size(), full_zh.size());
    for (const auto &r : ck_test::split(c.rules, " && "))
      EXPECT_NE(short_zh.find("规则 " + r + "（"), std::string::npos) << r << "\n" << short_zh;
    for (const auto &k : ck_test::split(c.keeps, " && ")) EXPECT_TRUE(names(short_zh, k)) << k << "\n" << short_zh;
    for (const auto &o : ck_test::split(c.omits, " && ")) {
      EXPECT_TRUE(names(full_zh, o)) << o << "\n" << full_zh;
      EXPECT_FALSE(names(short_zh, o)) << o << "\n" << short_zh;
    }
    EXPECT_EQ(short_zh.substr(0, short_zh.find('\n')), "对象：" + c.subject_zh);
    EXPECT_EQ(full_zh.substr(0, full_zh.find('\n')), "对象：" + c.subject_zh);
    // The English text keeps the subject as the JSON has it.
    EXPECT_EQ(brief.to_text("en").substr(0, brief.to_text("en").find('\n')), "Subject: " + full.subject);
    // The full form is what the module answered: the detail marks round-trip in the JSON.
    EXPECT_EQ(Explanation::from_json(full.to_json()), full);
  }
}

// Subjects: "zh" text renders each kind of subject the modules write in Chinese, ids kept; the
// JSON and the English text keep the subject as written; a subject of no known form is shown as
// written.
TEST(ExplanationShort, SubjectsReadInChinese) {
  const std::pair<const char *, const char *> kinds[] = {
      {"unit U19", "单位 U19"},
      {"village V001", "嘎查村 V001"},
      {"village V001 principal P0012, year 2023", "嘎查村 V001 正职 P0012，2023 年度"},
      {"principal P1 of village V1", "嘎查村 V1 正职 P1"},
      {"cadre C01", "干部 C01"},
      {"team T", "班子 T"},
      {"applicant A1", "报名人 A1"},
      {"former principal S1", "离任正职 S1"},
      {"special funds", "专项资金"},
      {"audit plan 2016-2020", "审计计划 2016-2020"},
      {"disclosure case K1 round 2", "事项公开案件 K1 第 2 轮"},
      {"disclosure case K1 complaint C1", "事项公开案件 K1 举报 C1"},
      {"village results V1 Q3", "嘎查村 V1 第 3 季度考评结果"},
      {"village budget 2016", "2016 年度嘎查村经费预算"},
      {"composite score, domain farm", "综合得分（农牧场）"},
      {"selection quota", "选聘名额"},
      {"U19", "U19"},                  // an id alone (the workspace's subjects)
      {"unit U19 and more", "unit U19 and more"},  // no known form: as written
      {"unit ", "unit "},              // an empty id is no id
  };
  for (const auto &[en, zh] : kinds) {
    Explanation ex(en);
    EXPECT_EQ(ex.to_text("zh"), std::string("对象：") + zh + "\n") << en;
    EXPECT_EQ(ex.to_text("en"), std::string("Subject: ") + en + "\n") << en;
    EXPECT_NE(ex.to_json().find(std::string("\"subject\":\"") + en + "\""), std::string::npos) << en;
  }
}

namespace {
bool in_short(const Explanation &ex, std::string_view name) {
  const Explanation b = ex.brief();
  return std::any_of(b.parameters.begin(), b.parameters.end(), [&](const ParamUsed &p) { return p.name == name; }) ||
         std::any_of(b.inputs.begin(), b.inputs.end(), [&](const InputUsed &i) { return i.name == name; });
}
bool in_full(const Explanation &ex, std::string_view name) {
  return std::any_of(ex.parameters.begin(), ex.parameters.end(), [&](const ParamUsed &p) { return p.name == name; }) ||
         std::any_of(ex.inputs.begin(), ex.inputs.end(), [&](const InputUsed &i) { return i.name == name; });
}
}  // namespace

// Promotion: vetoed for integrity alone, the lengths of service that sufficed did not decide;
// with no veto, they did.
TEST(ExplanationShort, PromotionVetoesKeepWhatVetoed) {
  const Policy p = Policy::default_profile();
  assessment::PromotionFacts f;
  f.cadre_id = "C1";
  f.current_rank = Rank::keyuan;
  f.target_rank = Rank::fu_ke;
  f.rank_since = Date(2005, 1, 1);
  f.work_started = Date(2000, 1, 1);
  f.integrity_problem = true;
  Explanation vetoed;
  assessment::PromotionCase("K1", f).vetoes(Date(2016, 6, 1), p, &vetoed);
  ASSERT_EQ(vetoed.rules.size(), 1u);
  EXPECT_EQ(vetoed.rules[0].rule_id, "assessment.promotion.veto.integrity");
  for (const char *n : {"promotion.min_years_work", "years_of_work", "years_at_rank"}) {
    EXPECT_TRUE(in_full(vetoed, n)) << n;
    EXPECT_FALSE(in_short(vetoed, n)) << n;
  }
  EXPECT_EQ(vetoed.to_text("zh").substr(0, vetoed.to_text("zh").find('\n')), "对象：干部 C1");
  f.integrity_problem = false;
  Explanation passed;
  assessment::PromotionCase("K1", f).vetoes(Date(2016, 6, 1), p, &passed);
  EXPECT_EQ(passed.rules.at(0).rule_id, "assessment.promotion.no_veto");
  EXPECT_FALSE(passed.has_detail());
  for (const char *n : {"promotion.min_years_work", "years_of_work", "years_at_rank"}) EXPECT_TRUE(in_short(passed, n)) << n;
}

// Reappointment: moved for reasons not their own, no waiting period applies.
TEST(ExplanationShort, ReappointmentWithoutWaitingLeavesTheWaitOut) {
  const Policy p = Policy::default_profile();
  const std::vector<assessment::Rating> ratings{assessment::Rating::competent};
  const auto early = assessment::reappointment_eligibility(Date(2016, 1, 1), false, ratings, Date(2016, 6, 1), p);
  EXPECT_TRUE(in_full(early.explanation, "followup.reappointment_wait_months"));
  EXPECT_FALSE(in_short(early.explanation, "followup.reappointment_wait_months"));
  EXPECT_TRUE(in_short(early.explanation, "followup.reappointment_min_rating"));
  EXPECT_EQ(early.explanation.to_text("zh").substr(0, early.explanation.to_text("zh").find('\n')), "对象：重新任职");
  // Own reasons, waiting still: the wait decided; the rating passed and did not.
  const auto waiting = assessment::reappointment_eligibility(Date(2016, 1, 1), true, ratings, Date(2016, 6, 1), p);
  EXPECT_FALSE(waiting.eligible);
  EXPECT_TRUE(in_short(waiting.explanation, "followup.reappointment_wait_months"));
  EXPECT_FALSE(in_short(waiting.explanation, "followup.reappointment_min_rating"));
  EXPECT_FALSE(in_short(waiting.explanation, "latest_rating"));
}

// Growth: the years at the rank are read for the postings, not for a gap.
TEST(ExplanationShort, GrowthGapsLeaveOutTheYearsAtRank) {
  const Policy p = Policy::default_profile();
  talent::GrowthFile g;
  g.cadre_id = "G1";
  g.rank_since = Date(2010, 1, 1);
  Explanation ex;
  const auto gaps = talent::career_gaps(g, Date(2016, 9, 22), p, &ex);
  ASSERT_FALSE(gaps.empty());
  EXPECT_TRUE(in_full(ex, "years_at_rank"));
  EXPECT_FALSE(in_short(ex, "years_at_rank"));
  for (const auto &cg : gaps) EXPECT_TRUE(in_short(ex, cg.parameter)) << cg.parameter;  // what decided stays
  EXPECT_EQ(ex.to_text("zh").substr(0, ex.to_text("zh").find('\n')), "对象：干部 G1");
}
