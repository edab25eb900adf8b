// Explanation: the canonical JSON form cadrekit.explanation/1, from_json's checks and the text
// rendering. The golden files under tests/golden/ are shared with the C and Python tests.
#include "cadrekit/core/explanation.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/policy.hpp"

using namespace cadrekit;

namespace {

std::string read_golden(const std::string &name) {
  std::string path = std::string(CADREKIT_SOURCE_DIR) + "/tests/golden/" + name;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct RejectCase {
  std::string name, field, json;
};

/// tests/golden/explanation_rejects.tsv: name TAB field TAB json, one a line.
std::vector<RejectCase> reject_cases() {
  std::vector<RejectCase> out;
  std::istringstream in(read_golden("explanation_rejects.tsv"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto a = line.find('\t');
    auto b = line.find('\t', a + 1);
    if (a == std::string::npos || b == std::string::npos)
      throw std::runtime_error("malformed line in explanation_rejects.tsv: " + line);
    out.push_back({line.substr(0, a), line.substr(a + 1, b - a - 1), line.substr(b + 1)});
  }
  return out;
}

/// The InvalidInput from_json throws for `json`; fails the test if it throws nothing or else.
std::string rejected_field(const std::string &json, ErrorCode *code = nullptr) {
  try {
    Explanation::from_json(json);
  } catch (const InvalidInput &e) {
    if (code != nullptr) *code = e.code();
    return e.field();
  }
  ADD_FAILURE() << "accepted: " << json.substr(0, 200);
  return "<accepted>";
}

Explanation sample() {
  Explanation ex("village V001");
  ex.add_rule({"village.grade.team_by_rank", "JARUD.1", "评为“实绩突出”", "graded \"outstanding\""});
  ex.add_parameter({"village.grade.outstanding_share", "1/3", "share", Date(2016, 1, 1), true,
                    "JARUD.1"});
  ex.add_parameter({"village.performance_pay.excellent", "4000", "yuan/year", Date(2016, 1, 1),
                    false, "JARUD.1"});
  ex.add_input("rank_in_township", "2");
  return ex;
}

// A deterministic generator (no clock, no std::random_device): the same cases on every run.
struct Lcg {
  std::uint64_t state;
  std::uint32_t next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>(state >> 33);
  }
  std::size_t below(std::size_t n) { return next() % n; }
};

std::string random_text(Lcg &g) {
  // Pieces chosen to hit every escape and multi-byte length: ASCII, controls, quote, backslash,
  // DEL, 2-byte (é), 3-byte (CJK, U+2028, U+FFFF), 4-byte (emoji, U+10FFFF).
  static const std::vector<std::string> pieces = {
      "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\r", "\t", "\b", "\f", std::string(1, '\0'),
      "\x01", "\x1f", "\x7f", "é", "村", "优秀", "“", "\xE2\x80\xA8", "\xEF\xBF\xBF", "😀",
      "\xF4\x8F\xBF\xBF", "{", "}", "[", "]", ":", ",", "\\u0000", "null"};
  std::string s;
  std::size_t n = g.below(8);
  for (std::size_t i = 0; i < n; ++i) s += pieces[g.below(pieces.size())];
  return s;
}

Explanation random_explanation(Lcg &g) {
  Explanation ex(random_text(g));
  for (std::size_t i = g.below(4); i > 0; --i)
    ex.rules.push_back({random_text(g), random_text(g), random_text(g), random_text(g)});
  for (std::size_t i = g.below(4); i > 0; --i) {
    Date d = from_days(static_cast<std::int32_t>(g.below(3'000'000)) - 200'000);
    ex.parameters.push_back(
        {random_text(g), random_text(g), random_text(g), d, g.below(2) == 1, random_text(g)});
  }
  for (std::size_t i = g.below(4); i > 0; --i) ex.inputs.push_back({random_text(g), random_text(g)});
  return ex;
}

}  // namespace

// ------------------------------------------------------------------------------------------------
// The golden file

TEST(ExplanationGolden, ParsesAndReemitsByteIdentically) {
  std::string golden = read_golden("explanation_example.json");
  ASSERT_FALSE(golden.empty());
  ASSERT_NE(golden.back(), '\n') << "the golden file is canonical JSON: no trailing newline";
  Explanation ex = Explanation::from_json(golden);
  EXPECT_EQ(ex.to_json(), golden);
}

TEST(ExplanationGolden, HoldsWhatItSays) {
  Explanation ex = Explanation::from_json(read_golden("explanation_example.json"));
  EXPECT_EQ(ex.subject, "village V001 principal P0012, year 2023");
  ASSERT_EQ(ex.rules.size(), 3u);
  EXPECT_EQ(ex.rules[0].rule_id, "village.grade.team_by_rank");
  EXPECT_EQ(ex.rules[0].clause, "JARUD.1");
  EXPECT_NE(ex.rules[0].message_en.find("\"outstanding\" (实绩突出)"), std::string::npos);
  ASSERT_EQ(ex.parameters.size(), 2u);
  EXPECT_EQ(ex.parameters[0].name, "village.grade.outstanding_share");
  EXPECT_EQ(ex.parameters[0].value, "1/3");
  EXPECT_TRUE(ex.parameters[0].assumed);
  EXPECT_EQ(ex.parameters[1].name, "village.performance_pay.excellent");
  EXPECT_EQ(ex.parameters[1].value, "4000");
  EXPECT_EQ(ex.parameters[1].unit, "yuan/year");
  EXPECT_EQ(ex.parameters[1].effective_from, Date(2016, 1, 1));
  EXPECT_FALSE(ex.parameters[1].assumed);
  EXPECT_TRUE(ex.uses_assumed());
  ASSERT_EQ(ex.inputs.size(), 5u);
  EXPECT_EQ(ex.inputs[3].name, "score.total");
  EXPECT_EQ(ex.inputs[3].value, "92.5");
}

TEST(ExplanationGolden, TextRenderings) {
  Explanation ex = Explanation::from_json(read_golden("explanation_example.json"));
  EXPECT_EQ(ex.to_text("zh"), read_golden("explanation_example.zh.txt"));
  EXPECT_EQ(ex.to_text("en"), read_golden("explanation_example.en.txt"));
}

TEST(ExplanationGolden, PrettyPrintedAndReorderedNormalizesToTheGolden) {
  std::string golden = read_golden("explanation_example.json");
  // Members in another order, white space everywhere, non-ASCII written as \u escapes.
  std::string other = R"( {
    "inputs": [ {"value":"2023","name":"year"}, {"name":"township","value":"T03"},
                {"name":"villages_in_township","value":"12"},
                {"name":"score.total","value":"92.5"}, {"name":"rank_in_township","value":"2"} ],
    "parameters" : [
      {"clause":"JARUD.1","assumed":true,"effective_from":"2016-01-01","unit":"share",
       "value":"1/3","name":"village.grade.outstanding_share"},
      {"name":"village.performance_pay.excellent","value":"4000","unit":"yuan/year",
       "effective_from":"2016-01-01","assumed":false,"clause":"JARUD.1"} ],
    "rules": [
      {"rule_id":"village.grade.team_by_rank","clause":"JARUD.1",
       "message_zh":"2023 \u5e74\u5ea6\u603b\u5206 92.5，在乡镇 T03 的 12 个村中排第 2 名，位于前三分之一，村班子评为“实绩突出”。",
       "message_en":"Total score 92.5 for 2023 ranks 2nd of 12 villages in township T03, within the top third: the team is graded \"outstanding\" (实绩突出)."},
      {"rule_id":"village.grade.principal_from_team","clause":"JARUD.1",
       "message_zh":"村班子“实绩突出”，两委正职评为“优秀”。",
       "message_en":"A team graded \u0022outstanding\u0022 gives its principals the grade \"excellent\" (优秀)."},
      {"rule_id":"village.performance_pay.by_grade","clause":"JARUD.1",
       "message_zh":"“优秀”等次的年度绩效工资为 4000 元。",
       "message_en":"The performance pay of the grade \"excellent\" is 4000 yuan for the year."} ],
    "uses_assumed": true, "subject": "village V001 principal P0012, year 2023",
    "schema": "cadrekit.explanation/1"
  }
  )";
  EXPECT_EQ(Explanation::from_json(other).to_json(), golden);
}

// ------------------------------------------------------------------------------------------------
// The canonical form

TEST(ExplanationJson, CanonicalFormIsExact) {
  EXPECT_EQ(
      sample().to_json(),
      R"({"schema":"cadrekit.explanation/1","subject":"village V001","uses_assumed":true,)"
      R"("rules":[{"rule_id":"village.grade.team_by_rank","clause":"JARUD.1",)"
      R"("message_zh":"评为“实绩突出”","message_en":"graded \"outstanding\""}],)"
      R"("parameters":[{"name":"village.grade.outstanding_share","value":"1/3","unit":"share",)"
      R"("effective_from":"2016-01-01","assumed":true,"clause":"JARUD.1"},)"
      R"({"name":"village.performance_pay.excellent","value":"4000","unit":"yuan/year",)"
      R"("effective_from":"2016-01-01","assumed":false,"clause":"JARUD.1"}],)"
      R"("inputs":[{"name":"rank_in_township","value":"2"}]})");
}

TEST(ExplanationJson, EmptyExplanation) {
  Explanation ex;
  const std::string expected =
      R"({"schema":"cadrekit.explanation/1","subject":"","uses_assumed":false,"rules":[],)"
      R"("parameters":[],"inputs":[]})";
  EXPECT_EQ(ex.to_json(), expected);
  EXPECT_EQ(Explanation::from_json(expected), ex);
}

TEST(ExplanationJson, EscapesExactlyWhatJsonRequires) {
  Explanation ex(std::string("q\" b\\ s/ n\n r\r t\t b\b f\f z") + '\0' + "\x01\x1f\x7f" +
                 "\xE2\x80\xA8 村 😀");
  std::string json = ex.to_json();
  EXPECT_NE(json.find(R"("subject":"q\" b\\ s/ n\n r\r t\t b\b f\f z\u0000\u0001\u001f)"
                      "\x7f\xE2\x80\xA8 村 😀\""),
            std::string::npos)
      << json;
  EXPECT_EQ(Explanation::from_json(json), ex);
}

TEST(ExplanationJson, RoundTripsTrickyStrings) {
  const std::vector<std::string> texts = {
      "",
      "\"quoted\"",
      "back\\slash\\",
      "\\u0041 is not an escape here",
      std::string("nul\0inside", 10),
      "all C0: \x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"
      "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f",
      "实绩突出、比较突出、一般",
      "扎鲁特旗 嘎查村 “两委” 正职",
      "emoji 😀🎉 and U+10FFFF \xF4\x8F\xBF\xBF",
      "</script><!-- -->",
      "\xEF\xBB\xBF leading BOM character kept as text",
  };
  for (const std::string &t : texts) {
    Explanation ex(t);
    ex.add_rule({t, t, t, t});
    ex.add_parameter({t, t, t, Date(2016, 1, 1), true, t});
    ex.add_input(t, t);
    std::string json = ex.to_json();
    Explanation back = Explanation::from_json(json);
    EXPECT_EQ(back, ex) << json;
    EXPECT_EQ(back.to_json(), json);
  }
}

TEST(ExplanationJson, RoundTripsDatesAtTheEdges) {
  for (Date d : {min_date(), max_date(), Date(2000, 2, 29), Date(1970, 1, 1), Date(2016, 1, 1)}) {
    Explanation ex("s");
    ex.add_parameter({"p", "1", "", d, false, ""});
    EXPECT_EQ(Explanation::from_json(ex.to_json()), ex) << to_iso(d);
  }
}

TEST(ExplanationJson, RoundTripsRandomExplanations) {
  Lcg g{20160101};
  for (int i = 0; i < 2000; ++i) {
    Explanation ex = random_explanation(g);
    std::string json = ex.to_json();
    Explanation back = Explanation::from_json(json);
    ASSERT_EQ(back, ex) << json;
    ASSERT_EQ(back.to_json(), json);
  }
}

TEST(ExplanationJson, KeepsDuplicateParametersAndOrder) {
  // add_parameter dedups, but an explanation assembled by hand keeps what it holds: the JSON
  // form does not reorder or merge anything.
  Explanation ex("s");
  ParamUsed p{"p", "1", "u", Date(2016, 1, 1), false, "C"};
  ex.parameters = {p, p};
  ex.inputs = {{"b", "2"}, {"a", "1"}};
  EXPECT_EQ(Explanation::from_json(ex.to_json()), ex);
}

TEST(ExplanationJson, ToJsonRefusesWhatFromJsonWouldReject) {
  Explanation bad = sample();
  bad.rules[0].message_en = "bad \xFF byte";
  try {
    bad.to_json();
    FAIL() << "accepted invalid UTF-8";
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "rules[0].message_en");
  }
  Explanation undated = sample();
  undated.parameters[1].effective_from = Date();  // not-a-date
  try {
    undated.to_json();
    FAIL() << "accepted a not-a-date";
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "parameters[1].effective_from");
  }
  Explanation surrogate("\xED\xA0\x80");  // an encoded surrogate is not UTF-8
  EXPECT_THROW(surrogate.to_json(), InvalidInput);
  EXPECT_THROW(surrogate.to_text("zh"), InvalidInput);
}

TEST(ExplanationJson, OneParameterIsTheSameBytesAsInTheExplanation) {
  Explanation ex = Explanation::from_json(read_golden("explanation_example.json"));
  std::string json = ex.to_json();
  for (const ParamUsed &p : ex.parameters) {
    std::string one = to_json(p);
    EXPECT_NE(json.find(one), std::string::npos) << one;
    EXPECT_EQ(one.front(), '{');
  }
  EXPECT_EQ(to_json(ParamUsed{"p", "1", "u", Date(2016, 1, 1), true, "C.1"}),
            R"({"name":"p","value":"1","unit":"u","effective_from":"2016-01-01",)"
            R"("assumed":true,"clause":"C.1"})");
  try {
    to_json(ParamUsed{"p", "\xFF", "", Date(2016, 1, 1), false, ""});
    FAIL();
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "value");
  }
}

// ------------------------------------------------------------------------------------------------
// What from_json rejects

TEST(ExplanationJson, RejectsEveryFormInTheTable) {
  auto cases = reject_cases();
  ASSERT_GE(cases.size(), 80u);
  for (const RejectCase &c : cases) {
    ErrorCode code = ErrorCode::ok;
    EXPECT_EQ(rejected_field(c.json, &code), c.field) << c.name;
    EXPECT_EQ(code, ErrorCode::invalid_input) << c.name;
  }
}

TEST(ExplanationJson, TheTableCasesDifferFromAValidDocumentByTheirFault) {
  // The table's base document is valid: otherwise every case could fail for the same reason.
  const std::string valid =
      R"({"schema":"cadrekit.explanation/1","subject":"village V001","uses_assumed":true,)"
      R"("rules":[{"rule_id":"village.grade.team_by_rank","clause":"JARUD.1",)"
      R"("message_zh":"评为实绩突出","message_en":"graded outstanding"}],)"
      R"("parameters":[{"name":"village.grade.outstanding_share","value":"1/3","unit":"share",)"
      R"("effective_from":"2016-01-01","assumed":true,"clause":"JARUD.1"},)"
      R"({"name":"village.performance_pay.excellent","value":"4000","unit":"yuan/year",)"
      R"("effective_from":"2016-01-01","assumed":false,"clause":"JARUD.1"}],)"
      R"("inputs":[{"name":"rank_in_township","value":"2"}]})";
  EXPECT_EQ(Explanation::from_json(valid).to_json(), valid);
  EXPECT_EQ(reject_cases().front().json,
            R"({"subject":"village V001",)" + valid.substr(valid.find("\"uses_assumed\"")));
}

TEST(ExplanationJson, RejectsInvalidUtf8) {
  std::string golden = read_golden("explanation_example.json");
  for (std::string bad : {std::string("\xFF"), std::string("\xC0\xAF"), std::string("\xED\xA0\x80"),
                          std::string("\xE6\x9D"), std::string("\xF5\x80\x80\x80")}) {
    std::string json = golden;
    json.replace(json.find("V001"), 4, bad);
    EXPECT_EQ(rejected_field(json), "json");
  }
}

TEST(ExplanationJson, ErrorMessagesDoNotRepeatTheText) {
  // A personal value in the wrong place must not come back in the message.
  std::string json = R"({"schema":"cadrekit.explanation/1","subject":"s","uses_assumed":false,)"
                     R"("rules":[],"parameters":[],"inputs":[],"152301198001011234":"x"})";
  try {
    Explanation::from_json(json);
    FAIL();
  } catch (const InvalidInput &e) {
    EXPECT_EQ(std::string(e.what()).find("152301"), std::string::npos) << e.what();
    EXPECT_EQ(e.field(), "?");  // only keys that look like the form's own are named
  }
  std::string date = R"({"schema":"cadrekit.explanation/1","subject":"s","uses_assumed":false,)"
                     R"("rules":[],"parameters":[{"name":"p","value":"1","unit":"","effective_from":)"
                     R"("1980-01-01 152301198001011234","assumed":false,"clause":""}],"inputs":[]})";
  try {
    Explanation::from_json(date);
    FAIL();
  } catch (const InvalidInput &e) {
    EXPECT_EQ(std::string(e.what()).find("152301"), std::string::npos) << e.what();
    EXPECT_EQ(e.field(), "parameters[0].effective_from");
  }
}

TEST(ExplanationJson, RejectsTextOverTheSizeLimit) {
  std::string big = R"({"schema":"cadrekit.explanation/1","subject":")";
  big.append(explanation_json_max_bytes, 'x');
  big += R"(","uses_assumed":false,"rules":[],"parameters":[],"inputs":[]})";
  EXPECT_EQ(rejected_field(big), "json");
  // Exactly at the limit is fine; one byte more (white space, still valid JSON) is not.
  std::string ok = R"({"schema":"cadrekit.explanation/1","subject":"",)"
                   R"("uses_assumed":false,"rules":[],"parameters":[],"inputs":[]})";
  const std::size_t frame = ok.size();
  ok.insert(ok.find("\"\",") + 1, explanation_json_max_bytes - frame, 'y');
  ASSERT_EQ(ok.size(), explanation_json_max_bytes);
  EXPECT_EQ(Explanation::from_json(ok).subject.size(), explanation_json_max_bytes - frame);
  EXPECT_EQ(rejected_field(ok + " "), "json");
}

TEST(ExplanationJson, NeverCrashesOnMutations) {
  // Every prefix, and every byte replaced by a few troublesome ones: each either parses or is
  // an InvalidInput (anything else, or a crash, fails the test).
  std::string golden = read_golden("explanation_example.json");
  std::size_t accepted = 0, rejected = 0;
  auto attempt = [&](const std::string &s) {
    try {
      Explanation ex = Explanation::from_json(s);
      ++accepted;
      EXPECT_EQ(Explanation::from_json(ex.to_json()), ex);
    } catch (const InvalidInput &) {
      ++rejected;
    }
  };
  for (std::size_t n = 0; n < golden.size(); ++n) attempt(golden.substr(0, n));
  for (std::size_t i = 0; i < golden.size(); ++i)
    for (char c : {'\0', '"', '\\', '{', ']', ',', '1', 't', '\xFF', ' '}) {
      std::string s = golden;
      s[i] = c;
      attempt(s);
    }
  EXPECT_GT(accepted, 0u);
  EXPECT_GT(rejected, golden.size());
}

// ------------------------------------------------------------------------------------------------
// Text

TEST(ExplanationText, OneLinePerRuleParameterAndInput) {
  Explanation ex = sample();
  std::string zh = ex.to_text("zh");
  EXPECT_EQ(zh,
            "对象：嘎查村 V001\n"
            "规则 village.grade.team_by_rank（JARUD.1）：评为“实绩突出”\n"
            "参数 village.grade.outstanding_share = 1/3 比例（自 2016-01-01 起，JARUD.1，假定值）\n"
            "参数 village.performance_pay.excellent = 4000 元/年（自 2016-01-01 起，JARUD.1）\n"
            "输入 rank_in_township = 2\n"
            "注意：结果用到假定值（原文未给出数字，由政策配置假定），须经核定后方可作准。\n");
  std::string en = ex.to_text("en");
  EXPECT_EQ(en,
            "Subject: village V001\n"
            "Rule village.grade.team_by_rank (JARUD.1): graded \"outstanding\"\n"
            "Parameter village.grade.outstanding_share = 1/3 share (since 2016-01-01, JARUD.1, "
            "assumed)\n"
            "Parameter village.performance_pay.excellent = 4000 yuan/year (since 2016-01-01, "
            "JARUD.1)\n"
            "Input rank_in_township = 2\n"
            "Note: this result uses assumed values (the source gives no number; the policy "
            "profile assumes one) and needs confirming before it is relied on.\n");
}

TEST(ExplanationText, NoAssumedNoteWithoutAssumedValues) {
  Explanation ex("s");
  ex.add_parameter({"village.performance_pay.excellent", "4000", "yuan/year", Date(2016, 1, 1),
                    false, "JARUD.1"});
  EXPECT_EQ(ex.to_text("zh"),
            "对象：s\n参数 village.performance_pay.excellent = 4000 元/年（自 2016-01-01 起，JARUD.1）\n");
  EXPECT_EQ(ex.to_text("en"),
            "Subject: s\nParameter village.performance_pay.excellent = 4000 yuan/year (since "
            "2016-01-01, JARUD.1)\n");
}

TEST(ExplanationText, OmitsWhatIsEmptyAndFallsBackToTheOtherLanguage) {
  Explanation ex;
  ex.add_rule({"r.only_zh", "", "只有中文", ""});
  ex.add_rule({"r.only_en", "C.1", "", "English only"});
  ex.add_rule({"r.none", "", "", ""});
  ex.add_parameter({"p", "7", "", Date(2020, 5, 1), false, ""});
  EXPECT_EQ(ex.to_text("zh"),
            "规则 r.only_zh：只有中文\n规则 r.only_en（C.1）：English only\n规则 r.none\n"
            "参数 p = 7（自 2020-05-01 起）\n");
  EXPECT_EQ(ex.to_text("en"),
            "Rule r.only_zh: 只有中文\nRule r.only_en (C.1): English only\nRule r.none\n"
            "Parameter p = 7 (since 2020-05-01)\n");
  EXPECT_EQ(Explanation().to_text("en"), "");
}

TEST(ExplanationText, ControlCharactersCannotBreakLines) {
  Explanation ex(std::string("a\nb\rc\td") + '\0' + "e\x7f" + "f\xE2\x80\xA8g\xE2\x80\xA9h");
  ex.add_input("x\ny", "1\n2");
  EXPECT_EQ(ex.to_text("en"),
            "Subject: a\\nb\\rc\\td\\u0000e\\u007ff\\u2028g\\u2029h\nInput x\\ny = 1\\n2\n");
}

TEST(ExplanationText, UnknownLanguageIsInvalidInput) {
  for (const char *lang : {"", "ZH", "zh-CN", "fr", "en "}) {
    try {
      sample().to_text(lang);
      FAIL() << lang;
    } catch (const InvalidInput &e) {
      EXPECT_EQ(e.field(), "lang");
      EXPECT_EQ(e.code(), ErrorCode::invalid_input);
    }
  }
}

TEST(ExplanationText, UnitsTheRenderingKnows) {
  Explanation ex;
  ex.add_parameter({"a", "5", "working_days", Date(2016, 1, 1), false, ""});
  ex.add_parameter({"b", "7", "calendar_days", Date(2016, 1, 1), false, ""});
  ex.add_parameter({"c", "3", "furlongs", Date(2016, 1, 1), false, ""});
  EXPECT_EQ(ex.to_text("zh"),
            "参数 a = 5 个工作日（自 2016-01-01 起）\n参数 b = 7 天（自 2016-01-01 起）\n"
            "参数 c = 3 furlongs（自 2016-01-01 起）\n");
  EXPECT_EQ(ex.to_text("en"),
            "Parameter a = 5 working days (since 2016-01-01)\n"
            "Parameter b = 7 calendar days (since 2016-01-01)\n"
            "Parameter c = 3 furlongs (since 2016-01-01)\n");
}

// ---- the short form and the "detail" mark ----------------------------------------------------

Explanation with_detail() {
  Explanation ex("unit U001");
  ex.add_rule({"audit.tier.level", "HOLINGOL.1", "评定为二级", "audit level 2"});
  ex.add_parameter({"audit.factor.attention.weight", "10", "weight", Date(2015, 1, 1), false,
                    "HOLINGOL.1"});
  ex.add_parameter({"audit.factor.complaints.weight", "10", "weight", Date(2015, 1, 1), false,
                    "HOLINGOL.1"});
  ex.add_input("attention", "2");
  ex.add_input("complaints", "0", true);
  ex.mark_parameter_detail("audit.factor.complaints.weight");
  return ex;
}

TEST(ExplanationBrief, LeavesOutWhatTheModuleMarkedDetail) {
  const Explanation ex = with_detail();
  EXPECT_TRUE(ex.has_detail());
  const Explanation b = ex.brief();
  EXPECT_FALSE(b.has_detail());
  EXPECT_EQ(b.rules, ex.rules);
  ASSERT_EQ(b.parameters.size(), 1u);
  EXPECT_EQ(b.parameters[0].name, "audit.factor.attention.weight");
  ASSERT_EQ(b.inputs.size(), 1u);
  EXPECT_EQ(b.inputs[0].name, "attention");
  EXPECT_EQ(b.subject, ex.subject);
  // Without detail, the short form is the explanation itself.
  EXPECT_FALSE(sample().has_detail());
  EXPECT_EQ(sample().brief(), sample());
}

TEST(ExplanationBrief, DetailIsWrittenOnlyWhenSetAndReadBack) {
  const Explanation ex = with_detail();
  const std::string json = ex.to_json();
  EXPECT_NE(json.find(R"("clause":"HOLINGOL.1","detail":true})"), std::string::npos) << json;
  EXPECT_NE(json.find(R"({"name":"complaints","value":"0","detail":true})"), std::string::npos);
  EXPECT_NE(json.find(R"({"name":"attention","value":"2"})"), std::string::npos);
  EXPECT_EQ(Explanation::from_json(json), ex);
  EXPECT_EQ(ex.brief().to_json().find("detail"), std::string::npos);
  // "detail": false is accepted and is the canonical absence.
  const std::string spelled = R"({"schema":"cadrekit.explanation/1","subject":"","uses_assumed":false,)"
                              R"("rules":[],"parameters":[],"inputs":[{"name":"a","value":"1","detail":false}]})";
  EXPECT_EQ(Explanation::from_json(spelled).to_json(),
            R"({"schema":"cadrekit.explanation/1","subject":"","uses_assumed":false,)"
            R"("rules":[],"parameters":[],"inputs":[{"name":"a","value":"1"}]})");
  // Still a boolean, like every other flag of the form.
  const std::string wrong = R"({"schema":"cadrekit.explanation/1","subject":"","uses_assumed":false,)"
                            R"("rules":[],"parameters":[],"inputs":[{"name":"a","value":"1","detail":"yes"}]})";
  EXPECT_EQ(rejected_field(wrong), "inputs[0].detail");
}

TEST(ExplanationBrief, TextOfTheShortForm) {
  const Explanation ex = with_detail();
  EXPECT_EQ(ex.brief().to_text("zh"),
            "对象：单位 U001\n规则 audit.tier.level（HOLINGOL.1）：评定为二级\n"
            "参数 audit.factor.attention.weight = 10 分/级（自 2015-01-01 起，HOLINGOL.1）\n"
            "输入 attention = 2\n");
  const std::string full = ex.to_text("zh");
  EXPECT_NE(full.find("输入 complaints = 0\n"), std::string::npos);
  EXPECT_NE(full.find("audit.factor.complaints.weight"), std::string::npos);
}

// ---- explanation_in_json: a result's explanation ------------------------------------------------

TEST(ExplanationInJson, FindsTheNthExplanationOfAResult) {
  const Explanation a = sample(), b = with_detail();
  const std::string doc = R"({"results":[{"unit_id":"U1","explanation":)" + a.to_json() +
                          R"(},{"unit_id":"U2","explanation":null},{"unit_id":"U3","explanation":)" +
                          b.to_json() + "}]}";
  EXPECT_EQ(explanation_in_json(doc, 0), a);
  EXPECT_EQ(explanation_in_json(doc, 1), b);  // the null one is not counted
  EXPECT_EQ(explanation_in_json(a.to_json(), 0), a);
  EXPECT_EQ(explanation_in_json("[" + a.to_json() + "," + b.to_json() + "]", 1), b);
  try {
    explanation_in_json(doc, 2);
    ADD_FAILURE() << "index 2 accepted";
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "index");
    EXPECT_NE(e.message().find("holds 2 explanations"), std::string::npos) << e.message();
  }
  // A fault of the explanation found names its path in the document.
  std::string bad = doc;
  bad.replace(bad.find("\"JARUD.1\""), 9, "7");
  try {
    explanation_in_json(bad, 0);
    ADD_FAILURE() << "a number for a clause accepted";
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "results[0].explanation.rules[0].clause");
  }
  EXPECT_THROW(explanation_in_json("{\"results\":[", 0), InvalidInput);
  EXPECT_THROW(explanation_in_json(std::string(100, '[') + std::string(100, ']'), 0),
               InvalidInput);
}

// ---- Chinese text in Chinese -------------------------------------------------------------------

TEST(ExplanationText, ChineseShowsUnitsAndWordsInChinese) {
  Explanation ex;
  ex.add_parameter({"audit.budget_band.boundary", "higher", "higher|lower", Date(2015, 1, 1),
                    true, "HOLINGOL.1"});
  ex.add_parameter({"village.base_pay.proration", "whole_months", "whole_months|days",
                    Date(2016, 1, 1), false, "JARUD.1"});
  ex.add_parameter({"audit.factor.attention.max", "2", "scale", Date(2015, 1, 1), false,
                    "HOLINGOL.1"});
  ex.add_parameter({"village.selection.min_population", "1000", "people", Date(2016, 1, 1),
                    false, "JARUD.2"});
  ex.add_parameter({"disclosure.round2.venues.fu_ke", "television,internet", "venue_list",
                    Date(2015, 1, 1), false, "KAILU.2"});
  ex.add_parameter({"talent.echelon2.age_limit_inclusive", "true", "flag", Date(2016, 1, 1),
                    false, "HURE.1"});
  EXPECT_EQ(ex.to_text("zh"),
            "参数 audit.budget_band.boundary = 归较高档（自 2015-01-01 起，HOLINGOL.1，假定值）\n"
            "参数 village.base_pay.proration = 按整月折算（自 2016-01-01 起，JARUD.1）\n"
            "参数 audit.factor.attention.max = 2 级（取值上限）（自 2015-01-01 起，HOLINGOL.1）\n"
            "参数 village.selection.min_population = 1000 人（自 2016-01-01 起，JARUD.2）\n"
            "参数 disclosure.round2.venues.fu_ke = 电视、网络媒体（公开范围）（自 2015-01-01 起，KAILU.2）\n"
            "参数 talent.echelon2.age_limit_inclusive = 是（自 2016-01-01 起，HURE.1）\n"
            "注意：结果用到假定值（原文未给出数字，由政策配置假定），须经核定后方可作准。\n");
  // English keeps the words as the profile writes them.
  EXPECT_NE(ex.to_text("en").find("= higher higher|lower (since 2015-01-01"), std::string::npos);
}

/// True when `s` holds an ASCII letter.
bool has_ascii_letter(std::string_view s) {
  for (char c : s)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return false;
}

// Every parameter of every embedded profile, rendered in Chinese: between " = " and the
// bracket of its date there is no ASCII letter — its value and unit are Chinese words or
// numbers. Allowed to stay as written: the parameter's name and clause (ids), and the values
// of the units that are definitions in the profile's own notation (a red-line rule, a
// standard, indicator weights: docs/policy.md), which a reader looks up by parameter name.
TEST(ExplanationText, EveryParameterOfTheEmbeddedProfilesReadsInChinese) {
  for (const std::string &profile : embedded_policy_names()) {
    const Policy policy = Policy::embedded(profile);
    std::size_t checked = 0;
    for (const std::string &name : policy.parameter_names()) {
      const ParamInfo &info = policy.info(name);
      if (info.unit == "rule" || info.unit == "standard" || info.unit == "indicator=weight")
        continue;
      for (const ParamValue &v : info.values) {
        Explanation ex;
        ex.add_parameter(policy.lookup(name, v.effective_from));
        const std::string text = ex.to_text("zh");
        const std::size_t from = text.find(" = "), to = text.find("（自 ");
        ASSERT_NE(from, std::string::npos) << text;
        ASSERT_NE(to, std::string::npos) << text;
        EXPECT_FALSE(has_ascii_letter(text.substr(from, to - from)))
            << profile << ": " << text;
        ++checked;
      }
    }
    EXPECT_GT(checked, 100u) << profile;
  }
}
