// The one vocabulary of input values: every spelling it documents reads as its canonical value,
// and a text it does not accept is an InvalidInput naming field and record without the text.
#include <gtest/gtest.h>

#include <algorithm>

#include "cadrekit/assessment.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/vocabulary.hpp"
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
  for (const char *t : {"1.5", "1 000", "abc", "-", "1234567890123456789", "1e3"}) {
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

}  // namespace
}  // namespace cadrekit
