// Disclosure of promoted leaders' personal matters (KAILU), C++ surface: the record and its
// validation, plan_round on the official calendar, notices through the whitelist, the case
// workflow, JSON round trips and the yearly counts. Golden tables: tests/golden/disclosure_*.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/explanation.hpp"
#include "cadrekit/disclosure.hpp"

using namespace cadrekit;
using namespace cadrekit::disclosure;
namespace json = boost::json;

namespace {

Date d(int y, int m, int day) { return make_date(y, m, day); }

std::string slurp(const std::string &rel) {
  std::ifstream in(std::string(CADREKIT_SOURCE_DIR) + "/tests/golden/" + rel, std::ios::binary);
  EXPECT_TRUE(in.good()) << rel;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const Policy &policy() {
  static const Policy p = Policy::default_profile();
  return p;
}
const WorkCalendar &calendar() {
  static const WorkCalendar c = WorkCalendar::china();
  return c;
}

std::string golden_text() { return slurp("disclosure_record.json"); }
Record golden() { return record_from_json(golden_text()); }

// Sets (or with "-" deletes) the member at a dotted path; numeric parts index arrays.
void patch(json::value &root, const std::string &path, const std::string &value) {
  std::vector<std::string> parts;
  std::stringstream ss(path);
  for (std::string p; std::getline(ss, p, '.');) parts.push_back(p);
  json::value *cur = &root;
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    if (cur->is_array())
      cur = &cur->as_array().at(std::stoul(parts[i]));
    else
      cur = &cur->as_object()[parts[i]];
  }
  const std::string &last = parts.back();
  if (value == "-") {
    cur->as_object().erase(last);
  } else if (cur->is_array()) {
    cur->as_array().at(std::stoul(last)) = json::parse(value);
  } else {
    cur->as_object()[last] = json::parse(value);
  }
}

std::string patched(const std::string &path, const std::string &value) {
  json::value v = json::parse(golden_text());
  patch(v, path, value);
  return json::serialize(v);
}

std::vector<std::vector<std::string>> table(const std::string &rel, char sep) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(slurp(rel));
  std::string line;
  bool header = sep == ',';
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (header) {  // CSV has a header line
      header = false;
      continue;
    }
    std::vector<std::string> f;
    std::string cell;
    std::stringstream ls(line);
    while (std::getline(ls, cell, sep)) f.push_back(cell);
    rows.push_back(f);
  }
  return rows;
}

bool has_problem(const std::vector<Problem> &ps, const std::string &path, const std::string &code) {
  for (const auto &p : ps)
    if (p.path == path && p.code == code) return true;
  return false;
}

std::string dump(const std::vector<Problem> &ps) {
  std::string s;
  for (const auto &p : ps) s += p.path + " " + p.code + "; ";
  return s;
}

Policy with(const std::string &extra) {
  return Policy::loads("profile: test\nextends: tongliao-2016\nparameters:\n" + extra);
}

}  // namespace

// ------------------------------------------------------------------------------------------
// Record, JSON, validation
// ------------------------------------------------------------------------------------------

TEST(DisclosureRecord, GoldenIsValidAndRoundTrips) {
  auto problems = validate_json(golden_text(), policy());
  EXPECT_TRUE(problems.empty()) << dump(problems);
  Record r = golden();
  EXPECT_EQ(r.person.name, "王晓梅");
  EXPECT_EQ(r.matters.size(), 9u);
  EXPECT_TRUE(r.matters.at("marriage").none);
  EXPECT_EQ(r.matters.at("employment_income").items.size(), 3u);
  EXPECT_EQ(r.matters.at("real_estate").items[0].at("location.county"), "开鲁县");
  std::string once = record_to_json(r);
  Record again = record_from_json(once);
  EXPECT_EQ(again, r);
  EXPECT_EQ(record_to_json(again), once);
  ThreeAges a = basic_three_ages(r);
  EXPECT_EQ(a.age, 37);
  EXPECT_EQ(a.party_years, 15);
  EXPECT_EQ(a.work_years, 16);
}

TEST(DisclosureRecord, PlantedProblemsAreEachReportedWithPathAndCode) {
  int n = 0;
  for (const auto &row : table("disclosure_invalid.tsv", '\t')) {
    ASSERT_EQ(row.size(), 4u);
    std::string text = patched(row[0], row[1]);
    auto ps = validate_json(text, policy());
    EXPECT_TRUE(has_problem(ps, row[2], row[3]))
        << row[0] << " -> expected " << row[2] << " " << row[3] << "; got " << dump(ps);
    ++n;
  }
  EXPECT_GE(n, 20);
}

TEST(DisclosureRecord, EveryProblemIsReportedNotJustTheFirst) {
  json::value v = json::parse(golden_text());
  patch(v, "matters.securities.items.0.amount", "\"0\"");
  patch(v, "matters.real_estate.items.0.area", "\"-3\"");
  patch(v, "commitment", "null");
  patch(v, "matters.marriage", "-");
  auto ps = validate_json(json::serialize(v), policy());
  EXPECT_TRUE(has_problem(ps, "matters.securities.items[0].amount", "amount_not_positive"));
  EXPECT_TRUE(has_problem(ps, "matters.real_estate.items[0].area", "area_not_positive"));
  EXPECT_TRUE(has_problem(ps, "commitment", "commitment_missing"));
  EXPECT_TRUE(has_problem(ps, "matters.marriage", "matter_missing"));
  EXPECT_EQ(ps.size(), 4u) << dump(ps);
}

TEST(DisclosureRecord, ChildHolderMustBeCoResident) {
  Record r = golden();
  r.family[1].co_resident = false;
  r.matters["securities"].items[0]["holder"] = "f2";
  EXPECT_TRUE(has_problem(validate(r, policy()), "matters.securities.items[0].holder",
                          "holder_not_co_resident"));
  // A family member abroad may be any child.
  r.matters["family_abroad"] = Matter{false, {{{"holder", "f2"}, {"country", "加拿大"}, {"status", "settled"}}}};
  EXPECT_FALSE(has_problem(validate(r, policy()), "matters.family_abroad.items[0].holder",
                           "holder_not_co_resident"));
}

TEST(DisclosureRecord, ChildAgeLimitIsPolicy) {
  Record r = golden();
  r.family[1].birth_date = d(1998, 9, 21);  // 17 on 2016-09-20
  EXPECT_TRUE(validate(r, policy()).empty());
  r.family[1].birth_date = d(1998, 9, 20);  // 18 that day
  EXPECT_TRUE(has_problem(validate(r, policy()), "family[1].co_resident", "child_over_age"));
  r.family[1].dependent = true;  // 不能独立生活的成年子女
  EXPECT_TRUE(validate(r, policy()).empty());
  r.family[1].dependent = false;
  Policy p = with(
      "  disclosure.co_resident_child.max_age:\n    values:\n"
      "      2015-01-01: 22\n");
  EXPECT_TRUE(validate(r, p).empty());
}

TEST(DisclosureRecord, MessagesNeverCarryPersonalValues) {
  // Plant distinctive personal values in wrong places and check no message repeats them.
  json::value v = json::parse(golden_text());
  patch(v, "citizen_id", "\"150502197812186441\"");
  patch(v, "matters.securities.items.0.amount", "\"-98765.43\"");
  patch(v, "matters.real_estate.items.0.area", "\"XQZ-AREA-777\"");
  patch(v, "matters.real_estate.items.0.holder", "\"秘密持有人\"");
  patch(v, "commitment.signed_by", "\"冒名顶替者\"");
  patch(v, "reference_date", "\"2016-02-31\"");
  std::string text = json::serialize(v);
  auto ps = validate_json(text, policy());
  EXPECT_GE(ps.size(), 6u) << dump(ps);
  for (const auto &p : ps) {
    for (const char *secret : {"15050219781218644", "98765", "XQZ", "秘密", "冒名", "2016-02-31",
                               "王晓梅", "李明远"}) {
      EXPECT_EQ(p.message.find(secret), std::string::npos) << p.message;
      EXPECT_EQ(p.path.find(secret), std::string::npos) << p.path;
    }
  }
  try {
    record_from_json(patched("person.birth_date", "\"1978-13-18\""));
    ADD_FAILURE() << "expected InvalidInput";
  } catch (const InvalidInput &e) {
    EXPECT_EQ(std::string(e.what()).find("1978"), std::string::npos) << e.what();
    EXPECT_EQ(e.field(), "person.birth_date");
    EXPECT_EQ(e.record(), "KL-2016-001");
  }
}

TEST(DisclosureRecord, MalformedTextIsAProblemNotACrash) {
  for (const char *bad : {"", "{", "[]", "null", "{\"id\": 5}", "\xff\xfe"}) {
    auto ps = validate_json(bad, policy());
    EXPECT_FALSE(ps.empty()) << bad;
    EXPECT_THROW(record_from_json(bad), InvalidInput) << bad;
  }
}

TEST(DisclosureRecord, LrmxFillsBasicInformation) {
  Record r = record_from_lrmx(slurp("disclosure_lrmx_example.xml"), "LX-1");
  EXPECT_EQ(r.person.name, "王晓梅");
  EXPECT_EQ(r.person.sex, Sex::female);
  EXPECT_EQ(r.person.birth_date, d(1978, 12, 18));  // from the ID number, not just 197812
  EXPECT_EQ(r.person.ethnicity, "02");
  EXPECT_EQ(r.person.political_status, "01");
  EXPECT_EQ(r.person.party_joined, d(2001, 7, 1));
  EXPECT_EQ(r.person.work_started, d(2000, 7, 1));
  EXPECT_EQ(r.citizen_id, "150502197812186440");
  EXPECT_EQ(r.reference_date, d(2026, 3, 1));
  ASSERT_EQ(r.education.size(), 2u);
  EXPECT_EQ(r.education[1].mode, "in_service");
  EXPECT_EQ(r.education[1].degree, "公共管理硕士");
  ASSERT_EQ(r.work_history.size(), 4u);  // the （其间…） line is not an entry
  EXPECT_EQ(r.work_history[0].from, d(1996, 9, 1));
  EXPECT_EQ(r.work_history[0].until, d(2000, 7, 1));
  EXPECT_FALSE(r.work_history[3].until.has_value());
  EXPECT_EQ(r.work_history[3].text, "示例市示例局副局长");
  EXPECT_EQ(r.proposed_post, "示例市示例局局长");
  ThreeAges a = basic_three_ages(r);
  EXPECT_EQ(a.age, 47);
  EXPECT_EQ(a.party_years, 24);
  EXPECT_EQ(a.work_years, 25);
  EXPECT_THROW(record_from_lrmx("<Person>", "x"), InvalidInput);
  EXPECT_THROW(record_from_lrmx("<Other/>", "x"), InvalidInput);
}

// The basic information a .lrmx form carries (record_to_lrmx's round-trip contract): every
// other member reset, person.id set to the record id (the reader's choice).
Record basic(const Record &r) {
  Record b;
  b.id = r.id;
  b.reference_date = r.reference_date;
  b.person.id = r.id;
  b.person.name = r.person.name;
  b.person.sex = r.person.sex;
  b.person.birth_date = r.person.birth_date;
  b.person.ethnicity = r.person.ethnicity;
  b.person.political_status = r.person.political_status;
  b.person.party_joined = r.person.party_joined;
  b.person.work_started = r.person.work_started;
  b.citizen_id = r.citizen_id;
  b.current_post = r.current_post;
  b.proposed_post = r.proposed_post;
  b.education = r.education;
  b.work_history = r.work_history;
  return b;
}

// Top-level element names of a form, in order (a scan, independent of the writer).
std::vector<std::string> elements_of(const std::string &xml) {
  std::vector<std::string> out;
  std::size_t at = xml.find("<Person>");
  if (at == std::string::npos) return out;
  int depth = 0;
  for (std::size_t i = at + 8; i < xml.size(); ++i) {
    if (xml[i] != '<') continue;
    if (xml.compare(i, 2, "</") == 0) {
      --depth;
      continue;
    }
    std::size_t end = xml.find_first_of(" />", i + 1);
    if (depth == 0) out.push_back(xml.substr(i + 1, end - i - 1));
    std::size_t close = xml.find('>', i);
    if (xml[close - 1] != '/') ++depth;
  }
  return out;
}

TEST(DisclosureLrmx, ExportWritesTheFormsElementsInOrderAndItsDateStyle) {
  std::vector<std::string> expected;
  for (const auto &row : table("disclosure_lrmx_elements.csv", ','))
    if (row.size() >= 3 && row[2] == "Person") expected.push_back(row[1]);
  ASSERT_EQ(expected.size(), 34u);
  Record r = record_from_lrmx(slurp("disclosure_lrmx_example.xml"), "LX-1");
  std::string xml = record_to_lrmx(r);
  EXPECT_EQ(elements_of(xml), expected);
  EXPECT_NE(xml.find("<XingMing>王晓梅</XingMing>"), std::string::npos);
  EXPECT_NE(xml.find("<XingBie>女</XingBie>"), std::string::npos);
  EXPECT_NE(xml.find("<ChuShengNianYue>197812</ChuShengNianYue>"), std::string::npos);
  EXPECT_NE(xml.find("<MinZu>蒙古族</MinZu>"), std::string::npos);
  EXPECT_NE(xml.find("<RuDangShiJian>200107</RuDangShiJian>"), std::string::npos);
  EXPECT_NE(xml.find("<CanJiaGongZuoShiJian>200007</CanJiaGongZuoShiJian>"), std::string::npos);
  EXPECT_NE(xml.find("<ZaiZhiJiaoYu_XueWei>公共管理硕士</ZaiZhiJiaoYu_XueWei>"), std::string::npos);
  EXPECT_NE(xml.find("<JiSuanNianLingShiJian>20260301</JiSuanNianLingShiJian>"), std::string::npos);
  EXPECT_NE(xml.find("<TianBiaoShiJian>20260301</TianBiaoShiJian>"), std::string::npos);
  EXPECT_NE(xml.find("<ShenFenZheng>150502197812186440</ShenFenZheng>"), std::string::npos);
  EXPECT_NE(xml.find("<Version>3.2.1.16</Version>"), std::string::npos);
  // 简历 lines exactly as the example writes them.
  EXPECT_NE(xml.find("1996.09--2000.07  示例大学经济系财政学专业学习\n2000.07--2008.03  示例市示例局科员"),
            std::string::npos);
  EXPECT_NE(xml.find("2016.05--        示例市示例局副局长</JianLi>"), std::string::npos);
}

TEST(DisclosureLrmx, RoundTripOfAnImportedForm) {
  Record x = record_from_lrmx(slurp("disclosure_lrmx_example.xml"), "LX-1");
  Record y = record_from_lrmx(record_to_lrmx(x), "LX-1");
  EXPECT_EQ(y, x);  // the whole record: the form is all an imported record holds
  EXPECT_EQ(record_to_lrmx(y), record_to_lrmx(x));
}

TEST(DisclosureLrmx, RoundTripOfAJsonRecordOnTheBasicInformation) {
  Record x = golden();  // its month-precision dates are on the 1st; the birth comes via the ID
  Record y = record_from_lrmx(record_to_lrmx(x), x.id);
  EXPECT_EQ(basic(y), basic(x));
  EXPECT_EQ(y.person.birth_date, d(1978, 12, 18));
  EXPECT_EQ(y.reference_date, d(2016, 9, 20));  // YYYYMMDD keeps the day
  EXPECT_FALSE(y.work_history[2].until.has_value());
  // The form's values are XML-escaped and read back.
  x.current_post = "示例局<办公室> & \"科\"";
  y = record_from_lrmx(record_to_lrmx(x), x.id);
  EXPECT_EQ(y.current_post, x.current_post);
}

TEST(DisclosureLrmx, MonthElementsDropTheDayWithoutAnIdNumber) {
  Record x = golden();
  x.citizen_id.clear();
  x.person.party_joined = d(2001, 7, 15);
  x.work_history[1].until = d(2008, 3, 20);
  Record y = record_from_lrmx(record_to_lrmx(x), x.id);
  EXPECT_EQ(y.person.birth_date, d(1978, 12, 1));
  EXPECT_EQ(y.person.party_joined, d(2001, 7, 1));
  EXPECT_EQ(y.work_history[1].until, d(2008, 3, 1));
  EXPECT_EQ(y.work_history[2].from, d(2008, 3, 1));
}

TEST(DisclosureLrmx, PoliticalStatusWithoutADateIsWrittenByName) {
  Record x = golden();
  x.person.political_status = "13";
  x.person.party_joined.reset();
  std::string xml = record_to_lrmx(x);
  EXPECT_NE(xml.find("<RuDangShiJian>群众</RuDangShiJian>"), std::string::npos);
  EXPECT_EQ(basic(record_from_lrmx(xml, x.id)), basic(x));
  x.person.political_status = "01";  // a member whose date is unknown
  xml = record_to_lrmx(x);
  EXPECT_NE(xml.find("<RuDangShiJian>中共党员</RuDangShiJian>"), std::string::npos);
  EXPECT_EQ(basic(record_from_lrmx(xml, x.id)), basic(x));
}

TEST(DisclosureLrmx, ExportRefusesWhatTheFormCannotHoldNamingTheMember) {
  auto expect_field = [](const Record &r, const std::string &field) {
    try {
      (void)record_to_lrmx(r);
      ADD_FAILURE() << "expected InvalidInput for " << field;
    } catch (const InvalidInput &e) {
      EXPECT_EQ(e.field(), field);
      EXPECT_EQ(e.record(), r.id);
      EXPECT_EQ(std::string(e.what()).find("示例"), std::string::npos) << e.what();
    }
  };
  Record r = golden();
  r.education.push_back(r.education[0]);
  expect_field(r, "education[2].mode");
  r = golden();
  r.work_history[1].text = "示例县\n示例局";
  expect_field(r, "work_history[1].text");
  r = golden();
  r.current_post = "示例\t局";
  expect_field(r, "current_post");
  r = golden();
  r.reference_date = Date();
  expect_field(r, "reference_date");
  r = golden();
  r.person.name.clear();
  expect_field(r, "person.name");
  r = golden();
  r.citizen_id = "150502197812186441";  // wrong check digit
  expect_field(r, "citizen_id");
  r = golden();
  r.education[0].level.clear();
  expect_field(r, "education[0].level");
}

// ------------------------------------------------------------------------------------------
// Rounds
// ------------------------------------------------------------------------------------------

TEST(DisclosureRound, GoldenWindowsAndVenues) {
  int n = 0;
  for (const auto &row : table("disclosure_windows.csv", ',')) {
    ASSERT_GE(row.size(), 7u);
    int round = std::stoi(row[0]);
    Rank rank = parse_rank(row[1]);
    Date posted = parse_iso_date(row[2]);
    const std::string &status = row[3];
    if (status == "ok") {
      Explanation ex;
      RoundPlan p = plan_round(round, rank, posted, calendar(), policy(), &ex);
      EXPECT_EQ(to_iso(p.window.first), row[4]) << row[2];
      EXPECT_EQ(to_iso(p.window.last), row[5]) << row[2];
      std::string venues;
      for (const auto &v : p.venues) venues += (venues.empty() ? "" : "|") + v;
      EXPECT_EQ(venues, row[6]);
      EXPECT_EQ(p.working_days, 5);
      EXPECT_EQ(calendar().count_working_days(p.window.first, p.window.last), 5);
      EXPECT_FALSE(ex.parameters.empty());
    } else {
      try {
        plan_round(round, rank, posted, calendar(), policy());
        ADD_FAILURE() << "expected " << status << " for " << row[2];
      } catch (const Error &e) {
        EXPECT_EQ(error_code_name(e.code()), status);
      }
    }
    ++n;
  }
  EXPECT_EQ(n, 10);
}

TEST(DisclosureRound, VenuesAreParametersOfThePolicy) {
  Policy p = with(
      "  disclosure.round1.venues.fu_chu:\n    type: text\n    unit: venue_list\n"
      "    label: {zh: 测试, en: test}\n    clause: KAILU.2\n    values:\n"
      "      2015-01-01: work_unit,internet\n");
  RoundPlan r = plan_round(1, Rank::fu_chu, d(2016, 5, 3), calendar(), p);
  EXPECT_EQ(r.venues, (std::vector<std::string>{"work_unit", "internet"}));
}

TEST(DisclosureRound, VenuesHaveChineseAndEnglishNames) {
  // KAILU.2: "在所在单位、居住地和分管工作领域张贴公告公开"; "通过电视和网络媒体…公开".
  const std::pair<const char *, std::pair<const char *, const char *>> named[] = {
      {"work_unit", {"所在单位", "Work unit"}},
      {"residence", {"居住地", "Place of residence"}},
      {"field_in_charge", {"分管工作领域", "Field in charge"}},
      {"television", {"电视", "Television"}},
      {"internet", {"网络媒体", "Internet media"}}};
  for (const auto &[id, names] : named) {
    EXPECT_EQ(venue_name_zh(id), names.first) << id;
    EXPECT_EQ(venue_name_en(id), names.second) << id;
  }
  // every venue the default profile names for a rank has both names
  for (int round : {1, 2})
    for (Rank rank : {Rank::fu_ke, Rank::zheng_ke})
      for (const std::string &v : plan_round(round, rank, d(2016, 9, 30), calendar(), policy()).venues) {
        EXPECT_NE(venue_name_zh(v), v);
        EXPECT_NE(venue_name_en(v), v);
      }
  EXPECT_EQ(venue_name_en("noticeboard"), "noticeboard");  // unknown: the id itself
  // an explanation of a venues parameter names each venue as the notice does
  for (const auto &[id, names] : named) {
    Explanation ex;
    ex.add_parameter({"disclosure.round1.venues.fu_ke", id, "venue_list", d(2015, 1, 1), false, "KAILU.2"});
    EXPECT_NE(ex.to_text("zh").find(std::string(" = ") + names.first + "（公开范围）"), std::string::npos)
        << ex.to_text("zh");
  }
}

TEST(DisclosureRound, MaskAndAddressCut) {
  EXPECT_EQ(mask_id("150502197812186440", 6, 4), "150502********6440");
  EXPECT_EQ(mask_id("150502197812186440", 0, 0), "******************");
  EXPECT_EQ(mask_id("1234", 3, 3), "****");
  Address a{"内蒙古自治区", "通辽市", "开鲁县", "开鲁镇", "建华街道", "幸福小区"};
  EXPECT_EQ(cut_address(a, "province"), "内蒙古自治区");
  EXPECT_EQ(cut_address(a, "county"), "内蒙古自治区通辽市开鲁县");
  EXPECT_EQ(cut_address(a, "detail"), "内蒙古自治区通辽市开鲁县开鲁镇建华街道幸福小区");
  EXPECT_THROW(cut_address(a, "house"), PolicyError);
}

// ------------------------------------------------------------------------------------------
// Notices
// ------------------------------------------------------------------------------------------

TEST(DisclosureNotice, FieldsAreExactlyTheWhitelistAndMatchTheHandWorkedValues) {
  json::value expected = json::parse(slurp("disclosure_notice_expected.json"));
  for (int round : {1, 2}) {
    Notice n = notice(golden(), round, policy());
    json::value got = json::parse(n.fields_json);
    const json::object &want = expected.at(round == 1 ? "round1" : "round2").as_object();
    EXPECT_EQ(got.as_object().size(), want.size()) << round;
    for (const auto &kv : want) {
      ASSERT_TRUE(got.as_object().contains(kv.key())) << kv.key();
      EXPECT_EQ(got.at(kv.key()), kv.value()) << kv.key() << ": " << json::serialize(got.at(kv.key()));
    }
    // order: the whitelist's
    std::vector<std::string> keys;
    for (const auto &kv : got.as_object()) keys.emplace_back(kv.key());
    EXPECT_EQ(keys, n.field_names);
    for (const auto &secret : expected.at("private_values").as_array()) {
      std::string s(secret.as_string());
      EXPECT_EQ(n.fields_json.find(s), std::string::npos) << s;
      EXPECT_EQ(n.text.find(s), std::string::npos) << s;
    }
  }
}

TEST(DisclosureNotice, RoundTwoLeavesOutTheOtherMatters) {
  Notice n = notice(golden(), 2, policy());
  for (const char *absent : {"泰国", "因私护照", "示例县第一中学", "基金", "50000"}) {
    EXPECT_EQ(n.fields_json.find(absent), std::string::npos) << absent;
    EXPECT_EQ(n.text.find(absent), std::string::npos) << absent;
  }
  Notice one = notice(golden(), 1, policy());
  EXPECT_NE(one.text.find("泰国"), std::string::npos);
}

TEST(DisclosureNotice, TextIsReadyToPost) {
  RoundPlan plan = plan_round(1, Rank::fu_ke, d(2016, 9, 30), calendar(), policy());
  Notice n = notice(golden(), 1, policy(), plan);
  EXPECT_NE(n.text.find("姓名：王晓梅\n"), std::string::npos) << n.text;
  EXPECT_NE(n.text.find("年龄：37岁\n"), std::string::npos);
  EXPECT_NE(n.text.find("本人婚姻变化情况：无\n"), std::string::npos);
  EXPECT_NE(n.text.find("2015年：98400.50元"), std::string::npos);
  EXPECT_NE(n.text.find("本人，内蒙古自治区通辽市开鲁县，118.56平方米，商品房"), std::string::npos);
  EXPECT_NE(n.text.find("公开范围：所在单位、居住地\n"), std::string::npos);
  EXPECT_NE(n.text.find("公开时间：2016年9月30日至2016年10月11日（5个工作日）"), std::string::npos);
  EXPECT_THROW(notice(golden(), 2, policy(), plan), InvalidInput);
}

TEST(DisclosureNotice, IdNumberIsMaskedAndAddressLevelIsPolicy) {
  Policy p = with(
      "  disclosure.round2.notice_fields:\n    values:\n"
      ""
      "      2015-01-01: citizen_id,residence,real_estate\n"
      "  disclosure.round2.notice_fields_added:\n    values:\n"
      "      2015-01-01: none\n"
      "  disclosure.notice.address_level:\n    values:\n"
      ""
      "      2015-01-01: township\n");
  Notice n = notice(golden(), 2, p);
  json::value f = json::parse(n.fields_json);
  EXPECT_EQ(f.at("citizen_id"), "150502********6440");
  EXPECT_EQ(f.at("residence"), "内蒙古自治区通辽市开鲁县开鲁镇");
  EXPECT_EQ(f.at("real_estate").at(0).at("location"), "内蒙古自治区通辽市开鲁县开鲁镇");
  EXPECT_EQ(n.text.find("150502197812186440"), std::string::npos);
  EXPECT_EQ(n.text.find("建华街道"), std::string::npos);
  EXPECT_EQ(n.text.find("王晓梅"), std::string::npos);  // name not on this whitelist
  EXPECT_EQ(f.as_object().size(), 3u);
  Explanation ex;
  notice(golden(), 2, p, std::nullopt, &ex);
  std::vector<std::string> used;
  for (const auto &u : ex.parameters) used.push_back(u.name);
  EXPECT_EQ(used, (std::vector<std::string>{"disclosure.round2.notice_fields",
                                            "disclosure.round2.notice_fields_added",
                                            "disclosure.notice.id_mask_head",
                                            "disclosure.notice.id_mask_tail",
                                            "disclosure.notice.address_level"}));
  EXPECT_TRUE(ex.uses_assumed());
  std::string ej = ex.to_json();
  EXPECT_EQ(ej.find("150502197812186440"), std::string::npos);
  EXPECT_EQ(ej.find("开鲁镇"), std::string::npos);
}

TEST(DisclosureNotice, UnknownWhitelistFieldIsAPolicyErrorAndInvalidRecordRefused) {
  Policy p = with(
      "  disclosure.round1.notice_fields:\n    values:\n"
      ""
      "      2015-01-01: name,family_names\n");
  EXPECT_THROW(notice(golden(), 1, p), PolicyError);
  Record r = golden();
  r.commitment.reset();
  try {
    notice(r, 1, policy());
    ADD_FAILURE();
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "commitment");
  }
  EXPECT_THROW(notice(golden(), 3, policy()), InvalidInput);
}

// Every string leaf of the record replaced by a unique token; then for each round, no token of a
// field outside the whitelist may appear. Tokens are distinct per leaf, so a leak is unambiguous.
TEST(DisclosureNotice, NoValueOutsideTheWhitelistReachesANotice) {
  Record r = golden();
  int k = 0;
  auto tok = [&](const std::string &field) { return "Z" + field + "Q" + std::to_string(++k) + "X"; };
  std::map<std::string, std::vector<std::string>> planted;  // notice field -> tokens of it
  auto plant = [&](std::string &slot, const std::string &field) {
    slot = tok(field);
    planted[field].push_back(slot);
  };
  plant(r.person.name, "name");
  r.commitment->signed_by = r.person.name;  // the signer's copy is the name itself
  plant(r.identity, "identity");
  plant(r.current_post, "current_post");
  plant(r.proposed_post, "proposed_post");
  plant(r.field_in_charge, "field_in_charge");
  plant(r.residence.detail, "private");
  plant(r.residence.street, "private");
  plant(r.residence.township, "private");
  for (auto &e : r.education) plant(e.school, "education");
  for (auto &w : r.work_history) plant(w.text, "work_history");
  for (auto &f : r.family) plant(f.name, "private");
  plant(r.self_assessment->text, "private");
  for (auto &[key, m] : r.matters)
    for (auto &it : m.items)
      for (auto &[name, value] : it) {
        if (name == "number" || name == "purpose" || name == "destination" || name == "employer" ||
            name == "position" || name == "country" || name == "company" || name == "name") {
          std::string field = key == "employment_income" ? "family_employment" : key;
          if (name == "number" || (key == "securities" && name == "name")) field = "private";
          plant(value, field);
        }
        if (name.rfind("location.", 0) == 0 && name != "location.province" &&
            name != "location.city" && name != "location.county")
          plant(value, "private");
      }
  ASSERT_TRUE(validate(r, policy()).empty()) << dump(validate(r, policy()));
  for (int round : {1, 2}) {
    Notice n = notice(r, round, policy());
    for (const auto &[field, tokens] : planted) {
      bool allowed = std::find(n.field_names.begin(), n.field_names.end(), field) !=
                     n.field_names.end();
      for (const auto &t : tokens) {
        bool in_fields = n.fields_json.find(t) != std::string::npos;
        bool in_text = n.text.find(t) != std::string::npos;
        if (!allowed) {
          EXPECT_FALSE(in_fields) << "round " << round << " leaks " << field;
          EXPECT_FALSE(in_text) << "round " << round << " leaks " << field;
        } else {
          EXPECT_TRUE(in_fields && in_text) << "round " << round << " drops " << field;
        }
      }
    }
  }
}

// ------------------------------------------------------------------------------------------
// The case
// ------------------------------------------------------------------------------------------

namespace {
Case opened() { return Case::open(golden(), d(2016, 9, 26), "org-1", policy()); }
}  // namespace

TEST(DisclosureCase, HappyPathBothRoundsAndRoundTrip) {
  Case c = opened();
  EXPECT_EQ(c.can_proceed(d(2016, 9, 26)).reasons, std::vector<std::string>{"no_round_posted"});
  const RoundPlan &r1 = c.post_round(1, d(2016, 9, 30), "org-1", calendar(), policy());
  EXPECT_EQ(r1.window.last, d(2016, 10, 11));
  EXPECT_EQ(c.can_proceed(d(2016, 10, 11)).reasons, std::vector<std::string>{"window_open"});
  EXPECT_TRUE(c.can_proceed(d(2016, 10, 12)).ok);
  std::string c1 = c.receive_complaint("phone", d(2016, 10, 9), "sup-1");
  EXPECT_EQ(c1, "C1");
  EXPECT_EQ(c.complaints()[0].timing, "within_window");
  auto chk = c.can_proceed(d(2016, 10, 12));
  EXPECT_FALSE(chk.ok);
  EXPECT_EQ(chk.reasons, std::vector<std::string>{"complaint_unresolved:C1"});
  c.assign(c1, {"housing", "discipline"}, d(2016, 10, 10), "sup-1", policy());
  c.record_finding(c1, Finding::founded_not_affecting, {{"real_estate", "under_reported"}},
                   d(2016, 10, 14), "team-1", policy());
  EXPECT_EQ(c.complaints()[0].discrepancies,
            std::vector<std::string>{"real_estate:under_reported:omission"});
  EXPECT_FALSE(c.complaints()[0].accountability);
  c.decide(c1, Outcome::proceed_inform_reporter, d(2016, 10, 15), "org-1");
  EXPECT_TRUE(c.can_proceed(d(2016, 10, 15)).ok);
  // corrected form: version 2, version 1 kept
  Record v2 = golden();
  v2.matters["real_estate"].items[0]["area"] = "126.30";
  c.return_for_correction(v2, d(2016, 10, 16), "org-1", "area under-reported", policy());
  EXPECT_EQ(c.records().size(), 2u);
  EXPECT_EQ(c.current().version, 2);
  EXPECT_EQ(c.records()[0].matters.at("real_estate").items[0].at("area"), "118.56");
  const RoundPlan &r2 = c.post_round(2, d(2016, 10, 20), "org-1", calendar(), policy());
  EXPECT_EQ(r2.venues, (std::vector<std::string>{"television", "internet"}));
  EXPECT_EQ(r2.window.last, d(2016, 10, 26));
  std::string c2 = c.receive_complaint("email", d(2016, 10, 31), "sup-1");
  EXPECT_EQ(c.complaints()[1].timing, "after_window");
  EXPECT_EQ(c.complaints()[1].round, 2);
  c.assign(c2, {"finance"}, d(2016, 11, 1), "sup-1", policy());
  c.record_finding(c2, Finding::unfounded, {}, d(2016, 11, 2), "team-1", policy());
  c.decide(c2, Outcome::proceed_inform_reporter, d(2016, 11, 3), "org-1");
  EXPECT_TRUE(c.can_proceed(d(2016, 11, 3)).ok);
  EXPECT_EQ(c.events().size(), 12u);
  for (std::size_t i = 0; i < c.events().size(); ++i) EXPECT_EQ(c.events()[i].seq, int(i) + 1);

  std::string j = c.to_json();
  Case back = Case::from_json(j);
  EXPECT_EQ(back, c);
  EXPECT_EQ(back.to_json(), j);
  EXPECT_EQ(back.complaints().size(), 2u);
  EXPECT_EQ(back.rounds().size(), 2u);
  EXPECT_EQ(back.current().version, 2);
}

// A complaint's channel and a discrepancy's kind are read through the vocabulary (docs/input.md):
// 电话 (KAILU.3's 举报电话) is the channel phone and 未填报 the kind unreported; the log and the
// classification keep the codes, so the case reads back the same. A spelling outside the table
// is refused saying what was expected, and nothing is applied.
TEST(DisclosureCase, ChannelsAndDiscrepancyKindsInTheVocabularysSpellings) {
  Case c = opened();
  c.post_round(1, d(2016, 9, 30), "org", calendar(), policy());
  const std::string before = c.to_json();
  try {
    c.receive_complaint("传真", d(2016, 10, 8), "sup");
    ADD_FAILURE() << "a channel outside the table was taken";
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "channel");
    EXPECT_NE(std::string(e.what()).find("expected one of: phone (电话)"), std::string::npos) << e.what();
  }
  EXPECT_EQ(c.to_json(), before);
  c.receive_complaint("电话", d(2016, 10, 8), "sup");
  EXPECT_EQ(c.complaints()[0].channel, "phone");
  c.assign("C1", {"housing"}, d(2016, 10, 8), "sup", policy());
  c.record_finding("C1", Finding::founded_not_affecting, {{"real_estate", "未填报"}}, d(2016, 10, 9), "team",
                   policy());
  EXPECT_EQ(c.complaints()[0].discrepancies, std::vector<std::string>{"real_estate:unreported:concealment"});
  EXPECT_EQ(Case::from_json(c.to_json()), c);
  EXPECT_THROW(c.record_finding("C1", Finding::founded_not_affecting, {{"real_estate", "漏了"}}, d(2016, 10, 9),
                                "team", policy()),
               InvalidInput);
}

TEST(DisclosureCase, FindingsDecideOutcomesAndClose) {
  struct Path {
    Finding finding;
    Outcome outcome;
    CaseStatus status;
  };
  for (Path p : {Path{Finding::unfounded, Outcome::proceed_inform_reporter, CaseStatus::open},
                 Path{Finding::founded_not_affecting, Outcome::proceed_inform_reporter, CaseStatus::open},
                 Path{Finding::founded_disqualifying, Outcome::cancel, CaseStatus::cancelled},
                 Path{Finding::criminal, Outcome::refer, CaseStatus::referred}}) {
    Case c = opened();
    c.post_round(1, d(2016, 9, 30), "org", calendar(), policy());
    c.receive_complaint("visit", d(2016, 10, 8), "sup");
    c.assign("C1", {"discipline"}, d(2016, 10, 8), "sup", policy());
    std::vector<Discrepancy> ds;
    if (p.finding != Finding::unfounded) ds.push_back({"investments", "unreported"});
    c.record_finding("C1", p.finding, ds, d(2016, 10, 9), "team", policy());
    // every other outcome is refused
    for (Outcome o : {Outcome::proceed_inform_reporter, Outcome::cancel, Outcome::refer}) {
      if (o == p.outcome) continue;
      std::string before = c.to_json();
      EXPECT_THROW(c.decide("C1", o, d(2016, 10, 9), "org"), StateError) << to_string(p.finding) << to_string(o);
      EXPECT_EQ(c.to_json(), before);
    }
    c.decide("C1", p.outcome, d(2016, 10, 12), "org");
    EXPECT_EQ(c.status(), p.status);
    auto chk = c.can_proceed(d(2016, 10, 12));
    EXPECT_EQ(chk.ok, p.status == CaseStatus::open) << to_string(p.finding);
    if (p.status != CaseStatus::open) {
      std::string before = c.to_json();
      EXPECT_THROW(c.receive_complaint("phone", d(2016, 10, 13), "sup"), StateError);
      EXPECT_THROW(c.post_round(2, d(2016, 10, 20), "org", calendar(), policy()), StateError);
      EXPECT_EQ(c.to_json(), before);
    }
    if (p.finding != Finding::unfounded) {
      EXPECT_TRUE(c.complaints()[0].accountability);  // unreported investment: concealment
      EXPECT_EQ(c.complaints()[0].discrepancies[0], "investments:unreported:concealment");
    }
    EXPECT_EQ(Case::from_json(c.to_json()), c);
  }
}

TEST(DisclosureCase, RefusedTransitionsLeaveTheCaseUnchanged) {
  Case c = opened();
  std::string before = c.to_json();
  EXPECT_THROW(c.receive_complaint("phone", d(2016, 9, 27), "x"), StateError);  // no round
  EXPECT_THROW(c.post_round(2, d(2016, 9, 30), "x", calendar(), policy()), StateError);
  EXPECT_EQ(c.to_json(), before);
  c.post_round(1, d(2016, 9, 30), "org", calendar(), policy());
  before = c.to_json();
  EXPECT_THROW(c.post_round(1, d(2016, 10, 1), "x", calendar(), policy()), StateError);
  EXPECT_THROW(c.post_round(2, d(2016, 10, 11), "x", calendar(), policy()), StateError);  // open
  EXPECT_THROW(c.receive_complaint("fax", d(2016, 10, 8), "x"), InvalidInput);
  EXPECT_THROW(c.receive_complaint("phone", d(2016, 9, 29), "x"), StateError);  // before posting
  EXPECT_THROW(c.assign("C1", {"housing"}, d(2016, 10, 8), "x", policy()), StateError);
  EXPECT_EQ(c.to_json(), before);
  c.receive_complaint("letter", d(2016, 10, 8), "sup");
  before = c.to_json();
  EXPECT_THROW(c.record_finding("C1", Finding::unfounded, {}, d(2016, 10, 8), "x", policy()), StateError);
  EXPECT_THROW(c.decide("C1", Outcome::cancel, d(2016, 10, 8), "x"), StateError);
  EXPECT_THROW(c.assign("C1", {"police"}, d(2016, 10, 8), "x", policy()), InvalidInput);
  EXPECT_THROW(c.assign("C1", {}, d(2016, 10, 8), "x", policy()), InvalidInput);
  EXPECT_THROW(c.assign("C1", {"audit"}, d(2016, 10, 7), "x", policy()), StateError);  // backdated
  EXPECT_THROW(c.assign("C9", {"audit"}, d(2016, 10, 8), "x", policy()), StateError);
  EXPECT_EQ(c.to_json(), before);
  c.assign("C1", {"audit"}, d(2016, 10, 8), "sup", policy());
  before = c.to_json();
  EXPECT_THROW(c.assign("C1", {"audit"}, d(2016, 10, 8), "x", policy()), StateError);
  EXPECT_THROW(finding_from_string("maybe"), InvalidInput);
  EXPECT_THROW(c.record_finding("C1", Finding::unfounded, {{"real_estate", "unreported"}}, d(2016, 10, 9),
                                "x", policy()),
               InvalidInput);
  EXPECT_THROW(c.record_finding("C1", Finding::criminal, {{"villas", "unreported"}}, d(2016, 10, 9), "x",
                                policy()),
               InvalidInput);
  Record bad = golden();
  bad.commitment.reset();
  EXPECT_THROW(c.return_for_correction(bad, d(2016, 10, 9), "x", "", policy()), InvalidInput);
  Record other = golden();
  other.id = "KL-OTHER";
  other.person.id = "KL-OTHER";
  EXPECT_THROW(c.return_for_correction(other, d(2016, 10, 9), "x", "", policy()), InvalidInput);
  EXPECT_EQ(c.to_json(), before);
  EXPECT_EQ(c.records().size(), 1u);
  EXPECT_EQ(c.can_proceed(d(2016, 10, 12)).reasons,
            std::vector<std::string>{"complaint_unresolved:C1"});
}

TEST(DisclosureCase, DiscrepancyClassIsPolicy) {
  Policy p = with(
      "  disclosure.discrepancy.under_reported:\n    values:\n"
      ""
      "      2015-01-01: concealment\n");
  Case c = Case::open(golden(), d(2016, 9, 26), "org", p);
  c.post_round(1, d(2016, 9, 30), "org", calendar(), p);
  c.receive_complaint("letter", d(2016, 10, 8), "sup");
  c.assign("C1", {"housing"}, d(2016, 10, 8), "sup", p);
  c.record_finding("C1", Finding::founded_not_affecting, {{"real_estate", "under_reported"}},
                   d(2016, 10, 9), "team", p);
  EXPECT_EQ(c.complaints()[0].discrepancies[0], "real_estate:under_reported:concealment");
  EXPECT_TRUE(c.complaints()[0].accountability);
}

TEST(DisclosureCase, FindingComesWithTheExplanationOfItsClassification) {
  Case c = opened();
  c.post_round(1, d(2016, 9, 30), "org", calendar(), policy());
  c.receive_complaint("letter", d(2016, 10, 8), "sup");
  Explanation untouched("before");
  // refused (not assigned yet): the explanation is not written
  EXPECT_THROW(c.record_finding("C1", Finding::founded_disqualifying, {{"real_estate", "unreported"}},
                                d(2016, 10, 9), "team", policy(), &untouched),
               StateError);
  EXPECT_EQ(untouched, Explanation("before"));
  c.assign("C1", {"housing", "finance"}, d(2016, 10, 8), "sup", policy());
  Explanation ex;
  c.record_finding("C1", Finding::founded_disqualifying,
                   {{"real_estate", "unreported"}, {"securities", "under_reported"}},
                   d(2016, 10, 9), "team", policy(), &ex);
  EXPECT_EQ(ex.subject, "disclosure case KL-2016-001 complaint C1");
  ASSERT_EQ(ex.rules.size(), 3u);
  EXPECT_EQ(ex.rules[0].rule_id, "disclosure.discrepancy.classify");
  EXPECT_EQ(ex.rules[0].clause, "KAILU.4");
  EXPECT_EQ(ex.rules[0].message_zh, "房产：未填报，定性为瞒报（disclosure.discrepancy.unreported）");
  EXPECT_EQ(ex.rules[0].message_en,
            "real_estate: unreported is classified concealment (disclosure.discrepancy.unreported)");
  EXPECT_EQ(ex.rules[1].rule_id, "disclosure.discrepancy.classify");
  EXPECT_NE(ex.rules[1].message_zh.find("漏报"), std::string::npos);
  EXPECT_EQ(ex.rules[2].rule_id, "disclosure.discrepancy.accountability");
  ASSERT_EQ(ex.parameters.size(), 2u);
  EXPECT_EQ(ex.parameters[0].name, "disclosure.discrepancy.unreported");
  EXPECT_EQ(ex.parameters[0].value, "concealment");
  EXPECT_EQ(ex.parameters[0].effective_from, d(2015, 1, 1));
  EXPECT_TRUE(ex.parameters[0].assumed);
  EXPECT_EQ(ex.parameters[0].clause, "KAILU.4");
  EXPECT_EQ(ex.parameters[1].name, "disclosure.discrepancy.under_reported");
  EXPECT_EQ(ex.parameters[1].value, "omission");
  EXPECT_TRUE(ex.uses_assumed());
  std::vector<std::string> inputs;
  for (const auto &in : ex.inputs) inputs.push_back(in.name + "=" + in.value);
  EXPECT_EQ(inputs, (std::vector<std::string>{
                        "complaint=C1", "finding=founded_disqualifying",
                        "discrepancies[0].matter=real_estate", "discrepancies[0].kind=unreported",
                        "discrepancies[1].matter=securities",
                        "discrepancies[1].kind=under_reported"}));
  // the stable JSON form of the core, and nothing of the record in it
  std::string j = ex.to_json();
  EXPECT_EQ(Explanation::from_json(j), ex);
  EXPECT_EQ(j.rfind("{\"schema\":\"cadrekit.explanation/1\"", 0), 0u);
  for (const char *v : {"王晓梅", "118.56", "50000", "150502", "李明远"})
    EXPECT_EQ(j.find(v), std::string::npos) << v;
  // what the case stores agrees with the explanation
  EXPECT_EQ(c.complaints()[0].discrepancies,
            (std::vector<std::string>{"real_estate:unreported:concealment",
                                      "securities:under_reported:omission"}));
}

TEST(DisclosureCase, ClassificationExplainsOmissionsOnlyAndFollowsThePolicy) {
  Explanation ex;
  auto cls = classify_discrepancies({{"marriage", "inaccurate"}}, d(2016, 10, 9), policy(), &ex);
  EXPECT_EQ(cls, std::vector<std::string>{"marriage:inaccurate:omission"});
  ASSERT_EQ(ex.rules.size(), 2u);
  EXPECT_EQ(ex.rules[1].rule_id, "disclosure.discrepancy.no_concealment");
  Policy p = with("  disclosure.discrepancy.inaccurate:\n    values:\n      2016-06-01: concealment\n");
  Explanation later;
  cls = classify_discrepancies({{"marriage", "inaccurate"}}, d(2016, 10, 9), p, &later);
  EXPECT_EQ(cls, std::vector<std::string>{"marriage:inaccurate:concealment"});
  EXPECT_EQ(later.parameters.at(0).effective_from, d(2016, 6, 1));
  EXPECT_EQ(later.rules.back().rule_id, "disclosure.discrepancy.accountability");
  // the value in force on the date decides: before 2016-06-01 the profile's omission
  EXPECT_EQ(classify_discrepancies({{"marriage", "inaccurate"}}, d(2016, 5, 31), p),
            std::vector<std::string>{"marriage:inaccurate:omission"});
  try {
    classify_discrepancies({{"marriage", "inaccurate"}, {"villas", "unreported"}}, d(2016, 10, 9),
                           policy());
    ADD_FAILURE();
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "discrepancies[1].matter");
  }
  Explanation none;
  EXPECT_TRUE(classify_discrepancies({}, d(2016, 10, 9), policy(), &none).empty());
  EXPECT_TRUE(none.rules.empty());
}

TEST(DisclosureCase, ExplainedJsonActionCarriesTheExplanation) {
  Case c = opened();
  c.post_round(1, d(2016, 9, 30), "org", calendar(), policy());
  c.receive_complaint("letter", d(2016, 10, 8), "sup");
  c.assign("C1", {"housing"}, d(2016, 10, 8), "sup", policy());
  std::string action =
      R"({"action":"record_finding","complaint":"C1","finding":"founded_not_affecting",)"
      R"("discrepancies":[{"matter":"real_estate","kind":"under_reported"}],"date":"2016-10-09","actor":"t"})";
  json::object out = json::parse(case_apply_explained_json(c.to_json(), action, calendar(), policy())).as_object();
  EXPECT_EQ(json::serialize(out.at("case")), case_apply_json(c.to_json(), action, calendar(), policy()));
  Explanation ex;
  Case direct = c;
  direct.record_finding("C1", Finding::founded_not_affecting, {{"real_estate", "under_reported"}},
                        d(2016, 10, 9), "t", policy(), &ex);
  EXPECT_EQ(json::serialize(out.at("explanation")), ex.to_json());
  out = json::parse(case_apply_explained_json(
                        c.to_json(), R"({"action":"receive_complaint","channel":"phone","date":"2016-10-09","actor":"s"})",
                        calendar(), policy()))
            .as_object();
  EXPECT_TRUE(out.at("explanation").is_null());
}

TEST(DisclosureCase, FromJsonRefusesImpossibleLogs) {
  Case c = opened();
  c.post_round(1, d(2016, 9, 30), "org", calendar(), policy());
  c.receive_complaint("phone", d(2016, 10, 8), "sup");
  json::value v = json::parse(c.to_json());
  {
    json::value w = v;  // decide before finding
    json::object e = w.at("events").at(2).as_object();
    e["seq"] = 4;
    e["kind"] = "decided";
    e["outcome"] = "cancel";
    w.at("events").as_array().push_back(e);
    EXPECT_THROW(Case::from_json(json::serialize(w)), StateError);
  }
  {
    json::value w = v;  // timing that disagrees with the window
    w.at("events").at(2).as_object()["timing"] = "after_window";
    EXPECT_THROW(Case::from_json(json::serialize(w)), StateError);
  }
  {
    json::value w = v;
    w.as_object()["extra"] = 1;
    EXPECT_THROW(Case::from_json(json::serialize(w)), InvalidInput);
  }
  {
    json::value w = v;  // a record version with no event
    json::value r2 = w.at("records").at(0);
    r2.as_object()["version"] = 2;
    w.at("records").as_array().push_back(r2);
    EXPECT_THROW(Case::from_json(json::serialize(w)), StateError);
  }
  EXPECT_THROW(Case::from_json("{}"), InvalidInput);
  EXPECT_THROW(Case::from_json("nope"), InvalidInput);
}

// ------------------------------------------------------------------------------------------
// Figures
// ------------------------------------------------------------------------------------------

TEST(DisclosureFigures, YearlyCountsReproduceTheSourceTotals) {
  // The source: 135 inspection candidates disclosed in round 1 and 78 nominees in round 2
  // since 2015. Spread over 2015 (60/35) and 2016 (75/43); 2 of the 2016 round-1 cases cancelled.
  std::vector<Case> cases;
  auto make = [&](int i, int year, bool second, bool cancel) {
    Record r = golden();
    r.id = "K" + std::to_string(i);
    r.person.id = r.id;
    Case c = Case::open(r, d(year, 3, 1), "org", policy());
    c.post_round(1, d(year, 3, 7), "org", calendar(), policy());
    if (cancel) {
      c.receive_complaint("phone", d(year, 3, 8), "sup");
      c.assign("C1", {"discipline"}, d(year, 3, 8), "sup", policy());
      c.record_finding("C1", Finding::founded_disqualifying, {}, d(year, 3, 9), "team", policy());
      c.decide("C1", Outcome::cancel, d(year, 3, 10), "org");
    }
    if (second) c.post_round(2, d(year, 4, 5), "org", calendar(), policy());
    cases.push_back(std::move(c));
  };
  int i = 0;
  for (int k = 0; k < 60; ++k) make(++i, 2015, k < 35, false);
  for (int k = 0; k < 75; ++k) make(++i, 2016, k < 43, k >= 73);
  auto rows = yearly_counts(cases);
  std::vector<YearCount> want{{2015, 1, 60, 0, 0, 0}, {2015, 2, 35, 0, 0, 0},
                              {2016, 1, 75, 2, 2, 0}, {2016, 2, 43, 0, 0, 0}};
  EXPECT_EQ(rows, want);
  int r1 = 0, r2 = 0;
  for (const auto &r : rows) (r.round == 1 ? r1 : r2) += r.disclosed;
  EXPECT_EQ(r1, 135);
  EXPECT_EQ(r2, 78);
}
