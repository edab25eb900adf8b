// docs/errors.md, row by row: every kind of bad input in tests/golden/bad_inputs.tsv gets its
// typed error (the same table runs through the C ABI and Python), and no personal value leaks
// into a message.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cadrekit/cadrekit.hpp"
#include "cadrekit/assessment.hpp"
#include "cadrekit/audit.hpp"
#include "cadrekit/core/person_json.hpp"
#include "golden_table.hpp"

using namespace cadrekit;

namespace {

struct Row {
  int line = 0;
  std::string kind, op, code;
  std::vector<std::string> args;
  bool is_private = false;
};

std::string unescape(const std::string &s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == 'n') {
      out += '\n';
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::vector<Row> rows() {
  std::ifstream in(CADREKIT_SOURCE_DIR "/tests/golden/bad_inputs.tsv");
  std::vector<Row> out;
  std::string line;
  int n = 0;
  bool header = false;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    if (!header) { header = true; continue; }
    auto f = ck_test::split(line, "\t");
    if (f.size() != 5) {
      ADD_FAILURE() << "bad_inputs.tsv:" << n << ": expected 5 columns";
      continue;
    }
    Row r;
    r.line = n;
    r.kind = f[0];
    r.op = f[1];
    for (auto &a : ck_test::split(f[2], " | ")) r.args.push_back(unescape(a));
    r.code = f[3];
    r.is_private = f[4] == "yes";
    out.push_back(r);
  }
  return out;
}

void run(const Row &r) {
  const Date as_of(2016, 9, 22);
  const auto &a = r.args;
  if (r.op == "date_iso") (void)parse_iso_date(a.at(0));
  else if (r.op == "date_ymd") (void)make_date(std::stoi(a.at(0)), std::stoi(a.at(1)), std::stoi(a.at(2)));
  else if (r.op == "calendar_add") (void)WorkCalendar::china().add_working_days(parse_iso_date(a.at(0)), std::stoi(a.at(1)));
  else if (r.op == "calendar_window") (void)WorkCalendar::china().window(parse_iso_date(a.at(0)), std::stoi(a.at(1)));
  else if (r.op == "money") (void)Money::parse(a.at(0));
  else if (r.op == "at_least_share") (void)at_least_share(std::stoll(a.at(0)), Share::parse(a.at(1)));
  else if (r.op == "policy_yaml") (void)Policy::loads(a.at(0), "row.yaml");
  else if (r.op == "policy_value") (void)Policy::default_profile().value(a.at(0), parse_iso_date(a.at(1)));
  else if (r.op == "citizen_id") (void)parse_citizen_id(a.at(0));
  else if (r.op == "explanation_json") (void)Explanation::from_json(a.at(0));
  else if (r.op == "person_json") (void)three_ages(person_from_json(a.at(0)), as_of);
  else if (r.op == "audit_plan") (void)audit::plan_json(a.at(0), Policy::default_profile());
  else if (r.op == "assessment_screen") (void)assessment::screen_json(a.at(0), Policy::default_profile());
  else FAIL() << "unknown operation " << r.op;
}

}  // namespace

TEST(BadInputs, EveryRowGetsItsTypedErrorAndKeepsPersonalValuesOut) {
  auto table = rows();
  ASSERT_GE(table.size(), 20u);
  for (const auto &r : table) {
    SCOPED_TRACE("bad_inputs.tsv:" + std::to_string(r.line) + " " + r.kind);
    try {
      run(r);
      ADD_FAILURE() << "no error";
    } catch (const Error &e) {
      EXPECT_EQ(error_code_name(e.code()), r.code) << e.what();
      EXPECT_FALSE(std::string(e.what()).empty());
      if (r.is_private) {
        for (const auto &arg : r.args) {
          EXPECT_EQ(std::string(e.what()).find(arg), std::string::npos) << "leaks: " << e.what();
        }
      }
    }
  }
}

TEST(Errors, MessageIsTheTextWithoutItsFieldAndRecord) {
  const InvalidInput both("must be a date", "birth_date", "row 3");
  EXPECT_EQ(both.message(), "must be a date");
  EXPECT_STREQ(both.what(), "must be a date (field birth_date, record row 3)");
  const PolicyError field_only("unknown parameter", "village.base_pay");
  EXPECT_EQ(field_only.message(), "unknown parameter");
  EXPECT_STREQ(field_only.what(), "unknown parameter (field village.base_pay)");
  const StateError bare("closed");
  EXPECT_EQ(bare.message(), "closed");
  EXPECT_STREQ(bare.what(), "closed");
}

TEST(Errors, ARecordKeyedByAnIdNumberIsMaskedButForItsLastFour) {
  // A county that keys its cadres by citizen ID number (or a phone number) gets errors that
  // still let it find the row, and that never hold the number.
  EXPECT_EQ(masked_record("11010119900307777X"), "**************777X");
  EXPECT_EQ(masked_record("110101900307777"), "***********7777");
  EXPECT_EQ(masked_record("13800138000"), "*******8000");
  EXPECT_EQ(masked_record("P-110101199003077777/2"), "P-**************7777/2");
  // split by single spaces, dashes or dots, or in full-width digits: the same number
  EXPECT_EQ(masked_record("1101 0119 9003 0712 34"), "**** **** **** **12 34");
  EXPECT_EQ(masked_record("110101-19900307-1234"), "******-********-1234");
  EXPECT_EQ(masked_record("110101.199003071234"), "******.********1234");
  EXPECT_EQ(masked_record("\xEF\xBC\x91\xEF\xBC\x91\xEF\xBC\x90\xEF\xBC\x91\xEF\xBC\x90\xEF\xBC\x91"
                          "\xEF\xBC\x91\xEF\xBC\x99\xEF\xBC\x99\xEF\xBC\x90\xEF\xBC\x90\xEF\xBC\x93"),
            "********\xEF\xBC\x99\xEF\xBC\x90\xEF\xBC\x90\xEF\xBC\x93");  // １１０１０１１９９００３
  EXPECT_EQ(masked_record("11010119900307123\xEF\xBC\x94"), "**************123\xEF\xBC\x94");
  EXPECT_EQ(masked_record("2016-12-31 to 2017-01-01"), "2016-12-31 to 2017-01-01");  // dates: 8 digits a run
  for (const char *kept : {"row 3", "C123", "villages[12]", "units.csv:1234567", "2016Q1", "1380013800", ""})
    EXPECT_EQ(masked_record(kept), kept);
  // A NUL is written out, so that the message read as C text (what(), Python's str) is whole.
  EXPECT_EQ(masked_record(std::string_view("a\0b", 3)), "a\\0b");
  const InvalidInput nul("bad", "f", std::string("r\0" "110101199003077777", 20));
  EXPECT_STREQ(nul.what(), "bad (field f, record r\\0**************7777)");
  const InvalidInput e("post is not one of secretary, director, both", "post", "110101199003077777");
  EXPECT_EQ(e.record(), "**************7777");
  EXPECT_EQ(std::string(e.what()).find("1101011990"), std::string::npos);
  EXPECT_NE(std::string(e.what()).find("record **************7777"), std::string::npos);
}
