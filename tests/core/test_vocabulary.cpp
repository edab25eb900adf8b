// The one vocabulary of input values: every spelling it documents reads as its canonical value,
// and a text it does not accept is an InvalidInput naming field and record without the text.
#include <gtest/gtest.h>

#include <algorithm>

#include "cadrekit/assessment.hpp"
#include "cadrekit/audit.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/person.hpp"
#include "cadrekit/disclosure.hpp"
#include "cadrekit/core/vocabulary.hpp"
#include "cadrekit/talent.hpp"
#include "cadrekit/village.hpp"

namespace cadrekit {
namespace {

namespace v = vocabulary;

/// The InvalidInput `f` throws; fails the test when it throws none.
template <class F>
InvalidInput error_of(F f) {
  try {
    f();
  } catch (const InvalidInput &e) {
    return e;
  }
  ADD_FAILURE() << "no InvalidInput";
  return InvalidInput("none");
}

TEST(Vocabulary, Flags) {
  for (const char *t : {"1", "true", "TRUE", "True", "yes", "YES", "是", " 是 ", "１", "\xe3\x80\x80true"})
    EXPECT_TRUE(v::parse_flag(t, "f")) << t;
  for (const char *t : {"0", "false", "FALSE", "no", "No", "否", "０"}) EXPECT_FALSE(v::parse_flag(t, "f")) << t;
  const InvalidInput e = error_of([] { v::parse_flag("maybe", "window_unit", "U7"); });
  EXPECT_EQ(e.message(), "expected 1 or 0, true or false, 是 or 否");
  EXPECT_EQ(e.field(), "window_unit");
  EXPECT_EQ(e.record(), "U7");
  EXPECT_EQ(std::string(e.what()).find("maybe"), std::string::npos);
  EXPECT_FALSE(v::parse_opt_flag("  ", "f").has_value());
  EXPECT_THROW(v::parse_flag("", "f"), InvalidInput);
  EXPECT_THROW(v::parse_flag("2", "f"), InvalidInput);
}

TEST(Vocabulary, Levels) {
  EXPECT_EQ(v::parse_level("2", 2, "economic_power"), 2);
  EXPECT_EQ(v::parse_level("是", 1, "complaints"), 1);
  EXPECT_EQ(v::parse_level("否", 2, "complaints"), 0);
  EXPECT_EQ(v::parse_level("true", 1, "complaints"), 1);
  EXPECT_EQ(v::parse_level("２", 2, "x"), 2);
  EXPECT_EQ(v::parse_level("007", 127, "x"), 7);
  InvalidInput e = error_of([] { v::parse_level("3", 2, "economic_power", "U1"); });
  EXPECT_EQ(e.message(), "expected 0, 1 or 2, or 是/否 for 1/0");
  EXPECT_EQ(e.field(), "economic_power");
  EXPECT_EQ(e.record(), "U1");
  e = error_of([] { v::parse_level("some", 1, "complaints"); });
  EXPECT_EQ(e.message(), "expected 0 or 1, or 是/否 for 1/0");
  EXPECT_THROW(v::parse_level("-1", 2, "x"), InvalidInput);
  EXPECT_THROW(v::parse_level("1.5", 2, "x"), InvalidInput);
  EXPECT_THROW(v::parse_level("99999999999999", 127, "x"), InvalidInput);
  EXPECT_EQ(v::level_expectation(127), "a whole number 0…127, or 是/否 for 1/0");
  EXPECT_EQ(v::level_expectation(0), "0");
}

TEST(Vocabulary, Dates) {
  const Date d(2014, 1, 1);
  for (const char *t : {"2014-01-01", "2014-1-1", "2014/1/1", "2014/01/01", "2014.1.1", "2014年1月1日",
                        "2014年01月01日", "20140101", " 2014-01-01 ", "２０１４－０１－０１", "２０１４／１／１"})
    EXPECT_EQ(v::parse_date(t, "served_from"), d) << t;
  EXPECT_EQ(v::parse_date("2016/2/29", "d"), Date(2016, 2, 29));
  for (const char *t : {"2014/1-1", "2014-1", "14/1/1", "2014-01-01 00:00:00", "2014年1月1", "1/1/2014",
                        "2014013", "2014-001-01", "", "yesterday", "2014年1月1日x"}) {
    const InvalidInput e = error_of([&] { v::parse_date(t, "served_from", "C1"); });
    EXPECT_EQ(e.message(), "expected a date: 2014-01-01, 2014/1/1, 2014.1.1, 2014年1月1日 or 20140101") << t;
    EXPECT_EQ(e.record(), "C1");
  }
  // the form is right but the calendar refuses the day: a message of its own
  for (const char *t : {"2015/2/29", "2014-13-01", "20140230", "2014年4月31日"}) {
    const InvalidInput e = error_of([&] { v::parse_date(t, "birth_date", "C2"); });
    EXPECT_NE(e.message().find("not a valid calendar date"), std::string::npos) << t;
    EXPECT_EQ(e.field(), "birth_date");
    EXPECT_EQ(e.record(), "C2");
    EXPECT_EQ(std::string(e.what()).find(t), std::string::npos);
    // the field is named once
    const std::string w = e.what();
    EXPECT_EQ(w.find("birth_date"), w.rfind("birth_date")) << w;
  }
  EXPECT_FALSE(v::parse_opt_date("", "d").has_value());
  EXPECT_EQ(*v::parse_opt_date("2014/1/1", "d"), d);
}

TEST(Vocabulary, ExcelSerials) {
  EXPECT_EQ(v::date_from_excel_serial(1, "d"), Date(1900, 1, 1));
  EXPECT_EQ(v::date_from_excel_serial(59, "d"), Date(1900, 2, 28));
  EXPECT_EQ(v::date_from_excel_serial(61, "d"), Date(1900, 3, 1));
  EXPECT_EQ(v::date_from_excel_serial(41640, "d"), Date(2014, 1, 1));
  EXPECT_EQ(v::date_from_excel_serial(2958465, "d"), Date(9999, 12, 31));
  EXPECT_THROW(v::date_from_excel_serial(60, "d"), InvalidInput);
  EXPECT_THROW(v::date_from_excel_serial(0, "d"), InvalidInput);
  EXPECT_THROW(v::date_from_excel_serial(2958466, "d"), InvalidInput);
  // the 1904 date system (a workbook's date1904 flag): 0 is 1904-01-01
  EXPECT_EQ(v::date_from_excel_serial(0, true, "d"), Date(1904, 1, 1));
  EXPECT_EQ(v::date_from_excel_serial(40178, true, "d"), Date(2014, 1, 1));
  EXPECT_EQ(v::date_from_excel_serial(60, true, "d"), Date(1904, 3, 1));  // 1904 is a leap year
  EXPECT_EQ(v::date_from_excel_serial(2957003, true, "d"), Date(9999, 12, 31));
  EXPECT_THROW(v::date_from_excel_serial(-1, true, "d"), InvalidInput);
  EXPECT_THROW(v::date_from_excel_serial(2957004, true, "d"), InvalidInput);
  EXPECT_EQ(v::date_from_excel_serial(41640, false, "d"), Date(2014, 1, 1));
}

TEST(Vocabulary, Periods) {
  const v::Period q2{2016, 2};
  for (const char *t : {"2016Q2", "2016q2", "2016-Q2", "2016年第二季度", "2016年二季度", "2016年第2季度",
                        "2016年2季度", "２０１６Ｑ２", " 2016Q2 "})
    EXPECT_EQ(v::parse_period(t, "period"), q2) << t;
  const v::Period year{2016, 0};
  for (const char *t : {"2016", "2016年", "2016年度"}) EXPECT_EQ(v::parse_period(t, "period"), year) << t;
  EXPECT_EQ(q2.code(), "2016Q2");
  EXPECT_EQ(year.code(), "2016");
  EXPECT_EQ(v::parse_period("2016年第四季度", "p").quarter, 4);
  for (const char *t : {"2016Q5", "2016Q0", "2016年第五季度", "2016年第二季", "16Q2", "2016Q2x", "Q2", "",
                        "2016年第季度", "201"}) {
    const InvalidInput e = error_of([&] { v::parse_period(t, "period", "V1"); });
    EXPECT_EQ(e.message(), "expected a period: 2016Q2, 2016年第二季度, or the year 2016 for the annual period") << t;
    EXPECT_EQ(e.record(), "V1");
  }
}

TEST(Vocabulary, Numbers) {
  EXPECT_EQ(v::parse_whole(" 12 ", "n"), 12);
  EXPECT_EQ(v::parse_whole("-3", "n"), -3);
  EXPECT_EQ(v::parse_whole("+7", "n"), 7);
  EXPECT_EQ(v::parse_whole("－３", "n"), -3);
  EXPECT_EQ(v::parse_whole("\xe2\x88\x92" "5", "n"), -5);  // U+2212 minus sign
  EXPECT_FALSE(v::parse_opt_whole("", "n").has_value());
  // every int64, as a JSON request's whole number (it was 18 digits at most); beyond, refused
  EXPECT_EQ(v::parse_whole("9223372036854775807", "n"), INT64_MAX);
  EXPECT_EQ(v::parse_whole("-9223372036854775808", "n"), INT64_MIN);
  EXPECT_EQ(v::parse_whole("+1234567890123456789", "n"), 1234567890123456789);
  for (const char *t : {"1.5", "1 000", "abc", "-", "9223372036854775808", "-9223372036854775809", "1e3", "+-1"}) {
    const InvalidInput e = error_of([&] { v::parse_whole(t, "population", "V2"); });
    EXPECT_EQ(e.message(), "expected a whole number") << t;
    EXPECT_EQ(e.record(), "V2");
  }
  EXPECT_EQ(v::parse_number(" 7,000.5 ", "n"), Rational(14001, 2));
  EXPECT_EQ(v::parse_number("－0.35", "n"), Rational(-7, 20));
  EXPECT_EQ(error_of([] { v::parse_number("x", "score", "V3"); }).record(), "V3");
}

TEST(Vocabulary, Codes) {
  const auto &posts = v::village_posts();
  EXPECT_EQ(v::parse_code(posts, "secretary", "post"), 0u);
  EXPECT_EQ(v::parse_code(posts, "书记", "post"), 0u);
  EXPECT_EQ(v::parse_code(posts, "Party secretary", "post"), 0u);
  EXPECT_EQ(v::parse_code(posts, "DIRECTOR", "post"), 1u);
  EXPECT_EQ(v::parse_code(posts, "一肩挑", "post"), 2u);
  const InvalidInput e = error_of([&] { v::parse_code(posts, "mayor", "post", "C9"); });
  EXPECT_EQ(e.message(), "expected one of: secretary (书记), director (主任), both (一肩挑)");
  EXPECT_EQ(e.record(), "C9");
  // the modules' parsers read through the same tables
  EXPECT_EQ(village::parse_post("主任"), village::Post::director);
  EXPECT_EQ(village::parse_post("Committee director"), village::Post::director);
  EXPECT_EQ(village::parse_grade("基本合格"), village::Grade::basic);
  EXPECT_EQ(village::parse_grade("Excellent"), village::Grade::excellent);
  EXPECT_THROW(village::parse_grade("合格"), InvalidInput);  // 合格 is not 基本合格: never guessed
  EXPECT_EQ(assessment::parse_rating("基本称职"), assessment::Rating::basically_competent);
  EXPECT_EQ(assessment::parse_rating("competent"), assessment::Rating::competent);
  EXPECT_EQ(assessment::parse_rating(""), assessment::Rating::none);
  EXPECT_THROW(assessment::parse_rating("good"), InvalidInput);
  // every table's codes match the module's names, in the enum's order
  for (std::size_t i = 0; i < 3; ++i)
    EXPECT_EQ(posts.codes[i].code, village::post_code(static_cast<village::Post>(i)));
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(v::village_grades().codes[i].code, village::grade_code(static_cast<village::Grade>(i)));
    EXPECT_EQ(v::village_grades().codes[i].zh, village::grade_zh(static_cast<village::Grade>(i)));
  }
  for (std::size_t i = 1; i < v::ratings().codes.size(); ++i) {
    EXPECT_EQ(v::ratings().codes[i].code, assessment::rating_name(static_cast<assessment::Rating>(i)));
    EXPECT_EQ(v::ratings().codes[i].zh, assessment::rating_name_zh(static_cast<assessment::Rating>(i)));
  }
}

// Every other code a table column or a JSON member takes is a table of the vocabulary, read by
// the module's parser through it: the code, the Chinese and English labels and the variants,
// with the same "expected one of" error; and each table lists the module's names in its enum's
// order.
TEST(Vocabulary, ModuleCodeTables) {
  using namespace assessment;
  EXPECT_EQ(parse_kind("年度综合考核"), Kind::annual);
  EXPECT_EQ(parse_kind("KEY_WORK"), Kind::key_work);
  EXPECT_EQ(parse_kind("Review of work reports"), Kind::review);
  EXPECT_EQ(parse_kind("人大述职评议"), Kind::review);
  EXPECT_EQ(parse_kind(" annual　"), Kind::annual);  // spaces, also the ideographic one
  EXPECT_EQ(parse_domain("街道"), Domain::subdistrict);
  EXPECT_EQ(parse_domain("Farm"), Domain::farm);
  EXPECT_EQ(parse_method("看现场"), 1u << 4);
  EXPECT_EQ(parse_method("Site visits"), 1u << 4);
  EXPECT_EQ(parse_stage("调查核实"), Stage::investigation);
  EXPECT_EQ(parse_gate("民主推荐"), Gate::recommendation);
  EXPECT_EQ(parse_severity("特别严重"), Severity::grave);
  EXPECT_EQ(parse_aspect(""), Aspect::none);
  EXPECT_EQ(parse_finding_class("为官不为"), FindingClass::not_acting);
  EXPECT_EQ(parse_disposal_method("待岗"), DisposalMethod::standby);
  EXPECT_EQ(parse_follow_up_kind("回访"), FollowUpKind::quarterly_visit);
  EXPECT_EQ(parse_finding_source("审计"), FindingSource::audit);
  EXPECT_EQ(audit::parse_level("special"), audit::Level::special);
  EXPECT_EQ(audit::parse_level("二级"), audit::Level::level2);
  EXPECT_EQ(audit::parse_level("level3"), audit::Level::level3);
  EXPECT_EQ(audit::parse_level("Level 1"), audit::Level::level1);
  EXPECT_EQ(audit::parse_level("２"), audit::Level::level2);  // full-width digit
  EXPECT_EQ(audit::parse_audit_kind("离任审计"), audit::AuditKind::departure);
  EXPECT_EQ(audit::parse_audit_kind("Sample"), audit::AuditKind::sample);
  EXPECT_EQ(audit::parse_finding("严重问题"), audit::Finding::serious);
  EXPECT_EQ(parse_sex("女"), Sex::female);
  EXPECT_EQ(parse_sex("1"), Sex::male);
  EXPECT_EQ(parse_sex("FEMALE"), Sex::female);
  EXPECT_EQ(parse_rank("副科"), Rank::fu_ke);
  EXPECT_EQ(parse_rank("县处级正职"), Rank::zheng_chu);
  EXPECT_EQ(parse_rank("Deputy division chief"), Rank::fu_chu);
  EXPECT_EQ(political_status("中共党员").code, "01");
  EXPECT_EQ(political_status("民革党员").code, "04");
  EXPECT_EQ(political_status("CYL member").code, "03");
  EXPECT_EQ(political_status("１３").code, "13");
  EXPECT_EQ(talent::parse_pool("第二梯队"), talent::Pool::echelon2);
  EXPECT_EQ(talent::parse_pool("“女少非”干部"), talent::Pool::nvshaofei);
  EXPECT_EQ(talent::parse_posting_kind("挂职"), talent::PostingKind::secondment);

  // the same error form as every code table: what is expected, never the text
  const InvalidInput e = error_of([] { parse_kind("annul", "kind"); });
  EXPECT_EQ(e.message(), "expected one of: annual (年度综合考核), key_work (重点工作专项考核), "
                         "party_conduct (党风廉政建设责任制考核), review (述职评议)");
  EXPECT_EQ(e.field(), "kind");
  EXPECT_EQ(error_of([] { audit::parse_level("4"); }).message(),
            "expected one of: special (特殊级别), 1 (一级), 2 (二级), 3 (三级)");
  EXPECT_EQ(error_of([] { parse_sex("x"); }).message(), "expected one of: 1 (男), 2 (女)");
  for (auto f : std::initializer_list<void (*)()>{
           [] { parse_rank("mayor"); }, [] { political_status("党员同志"); }, [] { talent::parse_pool("pool3"); },
           [] { audit::parse_audit_kind("annual"); }, [] { parse_method("guessing"); },
           [] { talent::parse_posting_kind("holiday"); }, [] { parse_domain("county"); }})
    EXPECT_EQ(error_of(f).message().rfind("expected one of: ", 0), 0u);

  // the tables list the modules' names in the enum's order
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(v::assessment_kinds().codes[i].code, kind_name(static_cast<Kind>(i)));
    EXPECT_EQ(v::assessment_domains().codes[i].code, domain_name(static_cast<Domain>(i)));
    EXPECT_EQ(v::audit_levels().codes[i].code, audit::level_name(static_cast<audit::Level>(i)));
    EXPECT_EQ(v::audit_levels().codes[i].zh, audit::level_name_zh(static_cast<audit::Level>(i)));
    EXPECT_EQ(v::audit_findings().codes[i].code, audit::finding_name(static_cast<audit::Finding>(i)));
  }
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(v::audit_kinds().codes[i].code, audit::audit_kind_name(static_cast<audit::AuditKind>(i)));
    EXPECT_EQ(v::posting_kinds().codes[i].code, talent::posting_kind_name(static_cast<talent::PostingKind>(i)));
  }
  for (std::size_t i = 0; i < 3; ++i)
    EXPECT_EQ(v::talent_pools().codes[i].code, talent::pool_name(static_cast<talent::Pool>(i)));
  for (std::size_t i = 0; i < 7; ++i) {
    EXPECT_EQ(v::ranks().codes[i].code, rank_name(static_cast<Rank>(i)));
    EXPECT_EQ(parse_rank(v::ranks().codes[i].zh), static_cast<Rank>(i));
  }
  EXPECT_EQ(method_names(0x3F).size(), v::assessment_methods().codes.size());
  // the GB/T 4762 table holds the embedded code list's codes, full names and short names
  const auto &statuses = political_statuses();
  ASSERT_EQ(statuses.size(), v::political_status_codes().codes.size());
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    EXPECT_EQ(v::political_status_codes().codes[i].code, statuses[i].code);
    EXPECT_EQ(v::political_status_codes().codes[i].zh, statuses[i].name_zh);
    EXPECT_EQ(political_status(statuses[i].short_zh).code, statuses[i].code);
  }
  // the GB 3304 table holds the embedded code list's codes, names and romanised names, and reads
  // each name without its 族 as the group (蒙古 for 蒙古族)
  const auto &groups = ethnic_groups();
  ASSERT_EQ(groups.size(), v::ethnic_group_codes().codes.size());
  for (std::size_t i = 0; i < groups.size(); ++i) {
    EXPECT_EQ(v::ethnic_group_codes().codes[i].code, groups[i].code);
    EXPECT_EQ(v::ethnic_group_codes().codes[i].zh, groups[i].name_zh);
    EXPECT_EQ(v::ethnic_group_codes().codes[i].en, groups[i].name_en);
    EXPECT_EQ(v::find_code(v::ethnic_group_codes(), groups[i].name_zh.substr(0, groups[i].name_zh.size() - 3)), i);
  }
  EXPECT_EQ(v::code_table("ethnicity"), &v::ethnic_group_codes());
  EXPECT_EQ(ethnic_group("\xEF\xBC\x90\xEF\xBC\x92").code, "02");  // ０２ typed full-width
  // a complaint's finding and outcome (disclosure), by their kind
  EXPECT_EQ(disclosure::finding_from_string("经核查不影响任职"), disclosure::Finding::founded_not_affecting);
  EXPECT_EQ(disclosure::outcome_from_string("Refer"), disclosure::Outcome::refer);
  for (std::size_t i = 0; i < 4; ++i)
    EXPECT_EQ(v::code_table("complaint_finding")->codes[i].code,
              disclosure::to_string(static_cast<disclosure::Finding>(i)));
  for (std::size_t i = 0; i < 3; ++i)
    EXPECT_EQ(v::code_table("complaint_outcome")->codes[i].code,
              disclosure::to_string(static_cast<disclosure::Outcome>(i)));
  EXPECT_EQ(error_of([] { disclosure::finding_from_string("maybe", "finding"); }).message().rfind("expected one of: unfounded", 0), 0u);
  // every table is listed, and found by its kind
  for (const v::CodeTable *t : v::code_tables()) EXPECT_EQ(v::code_table(t->kind), t);
  EXPECT_EQ(v::code_table("no_such_kind"), nullptr);
  // no two codes of one table share a spelling (a text must never read as two codes)
  for (const v::CodeTable *t : v::code_tables())
    for (std::size_t i = 0; i < t->codes.size(); ++i) {
      EXPECT_EQ(v::find_code(*t, t->codes[i].code), i) << t->kind;
      EXPECT_EQ(v::find_code(*t, t->codes[i].zh), i) << t->kind;
      EXPECT_EQ(v::find_code(*t, t->codes[i].en), i) << t->kind;
    }
}

TEST(Vocabulary, ListedAsData) {
  const auto es = v::entries();
  std::vector<std::string> kinds;
  for (const auto &e : es) kinds.push_back(e.kind);
  for (const char *k : {"flag", "level", "date", "period", "whole", "number", "code:village_post",
                        "code:village_grade", "code:rating"})
    EXPECT_NE(std::find(kinds.begin(), kinds.end(), k), kinds.end()) << k;
  // every example of the scalar kinds is accepted by its parser
  for (const auto &e : es) {
    for (std::string x : e.examples) {
      if (auto p = x.find(" (="); p != std::string::npos) x = x.substr(0, p);
      if (e.kind == "flag") {
        EXPECT_NO_THROW(v::parse_flag(x, "f")) << x;
      }
      if (e.kind == "level") {
        EXPECT_NO_THROW(v::parse_level(x, 2, "f")) << x;
      }
      if (e.kind == "date") {
        EXPECT_NO_THROW(v::parse_date(x, "f")) << x;
      }
      if (e.kind == "period") {
        EXPECT_NO_THROW(v::parse_period(x, "f")) << x;
      }
      if (e.kind == "whole") {
        EXPECT_NO_THROW(v::parse_whole(x, "f")) << x;
      }
      if (e.kind == "number") {
        EXPECT_NO_THROW(v::parse_number(x, "f")) << x;
      }
    }
  }
  const std::string md = v::markdown();
  EXPECT_NE(md.find("## Date (日期)"), std::string::npos);
  EXPECT_NE(md.find("`2014年1月1日`"), std::string::npos);
  EXPECT_NE(md.find("`基本称职`"), std::string::npos);
}

// blank() is normalise(text).empty() without building the text: the same answer for every
// kind of space normalise trims, alone, mixed, cut short, or beside other text.
TEST(Vocabulary, BlankIsANormalisedTextThatIsEmpty) {
  const std::vector<std::string> texts = {
      "", " ", "\t\r\n ", "\xE3\x80\x80", " \xE3\x80\x80 ", "\xC2\xA0", "\xC2\xA0\xE3\x80\x80\t",
      "\xE3\x80", "\xC2", " x ", "x", "\xE3\x80\x81", "\xEF\xBC\x90", " \xC2\xA1", "0", "\xE3\x80\x80" "a"};
  for (const std::string &t : texts) EXPECT_EQ(vocabulary::blank(t), vocabulary::normalise(t).empty()) << t;
  EXPECT_TRUE(vocabulary::blank(" \xE3\x80\x80\xC2\xA0"));
  EXPECT_FALSE(vocabulary::blank(" C1 "));
}


// A code is found as written before the text is normalised (find_code); that finds the code the
// full reading finds because no other code of its table is spelt as it is, in any case.
TEST(Vocabulary, NoSpellingOfACodeIsAnotherCode) {
  const auto lower = [](std::string_view t) {
    std::string out(t);
    for (char &c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return out;
  };
  std::size_t codes = 0;
  for (const v::CodeTable *t : v::code_tables()) {
    for (std::size_t i = 0; i < t->codes.size(); ++i) {
      const std::string code = lower(t->codes[i].code);
      ++codes;
      for (std::size_t j = 0; j < t->codes.size(); ++j) {
        if (j == i) continue;
        const v::Code &o = t->codes[j];
        std::vector<std::string> spellings{lower(o.code), std::string(o.zh), lower(o.en)};
        for (std::string_view a = o.aliases; !a.empty();) {
          const std::size_t bar = a.find('|');
          spellings.push_back(std::string(a.substr(0, bar)));
          a = bar == std::string_view::npos ? std::string_view() : a.substr(bar + 1);
        }
        for (const std::string &s : spellings) EXPECT_NE(s, code) << t->kind << ": " << code << " is also " << o.code;
      }
      // and the code as written is found, numbered codes at their place
      EXPECT_EQ(v::find_code(*t, t->codes[i].code), i) << t->kind << " " << t->codes[i].code;
    }
  }
  EXPECT_GT(codes, 100u);  // the ethnic groups alone are 56
  EXPECT_EQ(v::find_code(v::ethnic_group_codes(), "44"), 43u);
  EXPECT_EQ(v::find_code(v::ethnic_group_codes(), " 44 "), 43u);  // the full reading, trimmed
  EXPECT_EQ(v::find_code(v::ethnic_group_codes(), "４４"), 43u);
  EXPECT_FALSE(v::find_code(v::ethnic_group_codes(), "57"));
  EXPECT_FALSE(v::find_code(v::ethnic_group_codes(), "4"));
}

}  // namespace
}  // namespace cadrekit
